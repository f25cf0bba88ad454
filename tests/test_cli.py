"""The ``klusterplan`` command through its real entry points."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import klusterplan

Run = Callable[..., Result]


@pytest.mark.parametrize("command", [[], ["new"], ["export"], ["check"], ["plugins"], ["schema"]])
def test_every_command_has_help(run: Run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_version_prints_the_installed_version_in_either_language(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"klusterplan, version {klusterplan.__version__}\n"
    assert "--version   Show the version and exit." in run("--help").output
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert "--version   Visa versionen och avsluta." in run("--help").output


def test_new_writes_a_starter_plan_that_loads(run: Run, tmp_path: Path) -> None:
    result = run("new", "plan.yaml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") or "schema_version: 1" in text.splitlines()[0]
    assert "# " in text  # commented for the person filling it in
    klusterplan.load(tmp_path / "plan.yaml")


def test_new_never_overwrites_without_force(run: Run, tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("mine", encoding="utf-8")
    result = run("new", "plan.yaml", "--example")
    assert result.exit_code == 2
    assert "already exists" in result.output and "--force" in result.output
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "mine"
    assert run("new", "plan.yaml", "--example", "--force").exit_code == 0
    assert klusterplan.load(tmp_path / "plan.yaml") == klusterplan.example()


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_new_in_other_formats(run: Run, tmp_path: Path, suffix: str) -> None:
    assert run("new", f"plan{suffix}", "--example").exit_code == 0
    assert klusterplan.load(tmp_path / f"plan{suffix}") == klusterplan.example()
    assert run("new", f"blank{suffix}").exit_code == 0
    klusterplan.load(tmp_path / f"blank{suffix}")


def test_export_example_in_several_formats(run: Run, tmp_path: Path) -> None:
    result = run("export", "--example", "--to", "markdown,json", "--to", "yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["example.json", "example.md", "example.yaml"]
    assert klusterplan.loads((out / "example.json").read_text(encoding="utf-8"), "json") == (
        klusterplan.example()
    )
    markdown = (out / "example.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Lokal kommunikationsplan")
    assert "## Våra prioriterade målgrupper" in markdown
    assert "| 2 | Den identitetsökande tonåringen | B – nya kunder | 9 |" in markdown


def test_export_names_output_after_each_plan(run: Run, tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    klusterplan.dump(klusterplan.example(), tmp_path / "plans" / "bykoping.yaml")
    klusterplan.dump(klusterplan.loads("schema_version: 1\n"), tmp_path / "plans" / "norrby.json")
    result = run("export", "plans/bykoping.yaml", "plans/norrby.json", "--to", "markdown")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plans" / "bykoping.md").exists()
    assert (tmp_path / "plans" / "norrby.md").exists()


def test_export_in_english(run: Run, tmp_path: Path) -> None:
    assert run("export", "--example", "--to", "markdown", "--lang", "en").exit_code == 0
    text = (tmp_path / "example.md").read_text(encoding="utf-8")
    assert text.startswith("# Local communication plan")
    assert "## Our prioritised target groups" in text


def test_broken_plan_reports_every_problem_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(
        "schema_version: 1\ntarget_groups:\n  - id: a\n    votes: many\nactions: [{horizon: x}]\n",
        encoding="utf-8",
    )
    result = run("export", "bad.yaml", "good.yaml", "--to", "markdown")
    assert result.exit_code == 2
    assert "bad.yaml: 2 problems" in result.output
    assert "bad.yaml:4: target_groups[0].votes: expected an integer" in result.output
    assert "bad.yaml:5: actions[0].horizon: expected one of immediate, long_term" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "bad.md").exists()
    assert (tmp_path / "good.md").exists()  # the other plans are still exported


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--example", "--to", "odt"], "okänt format 'odt'; de format som finns:"),
        (["export", "--to", "markdown"], "name at least one plan file, or use --example"),
        (
            ["export", "--example", "--to", "markdown", "--option", "x"],
            "skriv den som NYCKEL=VÄRDE",
        ),
        (["export", "missing.yaml", "--to", "json"], "missing.yaml: no such file"),
        (["check", "plan.txt"], "cannot tell the format from the suffix '.txt'"),
        (["export", "--example"], "--to: inget format angivet"),
        (["export", "--example", "--lang", "en"], "--to: no format given"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_export_refuses_to_overwrite_the_plan(run: Run, tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    before = (tmp_path / "plan.yaml").read_bytes()
    result = run("export", "plan.yaml", "--to", "yaml")
    assert result.exit_code == 2
    assert "skulle skriva över själva planen" in result.output
    assert (tmp_path / "plan.yaml").read_bytes() == before


def test_check_reports_load_errors_with_exit_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"schema_version": 1, "library": []}', encoding="utf-8")
    result = run("check", "bad.json")
    assert result.exit_code == 2
    assert "bad.json:1: library: expected a mapping of keys, got a list" in result.output


def test_schema_describes_the_format(run: Run, tmp_path: Path) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["properties"]["schema_version"]["const"] == 1
    assert run("schema", "-o", "schema.json").exit_code == 0
    assert json.loads((tmp_path / "schema.json").read_text(encoding="utf-8")) == schema


def test_plugins_lists_built_in_exporters(run: Run) -> None:
    result = run("plugins")
    assert result.exit_code == 0
    assert "klusterplan.exporters.markdown (built-in)" in result.output
    assert "exporter  markdown" in result.output


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "klusterplan", "export", "--example", "--to", "json", "-o", "x"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x" / "example.json").exists()
    script = Path(sys.executable).with_name("klusterplan")
    result = subprocess.run(
        [str(script), "check", "nothere.yaml"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "nothere.yaml: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_each_command_as_the_command_itself_says() -> None:
    import importlib

    from klusterplan.cli import COMMANDS

    for name, (module, line) in COMMANDS.items():
        commands = importlib.import_module(f"klusterplan.cli.{module}").COMMANDS
        (command,) = [c for c in commands if c.name == name]
        assert command.get_short_help_str(limit=200) == line
