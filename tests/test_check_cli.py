"""``klusterplan check`` and ``klusterplan rules`` through the command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import Install

import klusterplan
from klusterplan.model import Suppression
from klusterplan.plugins import DISABLE_AUTOLOAD_ENV, get_registry
from klusterplan.testing import evolve_at

Run = Callable[..., Result]


def write(path: Path, plan: klusterplan.Plan) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    klusterplan.dump(plan, path)
    return path


def broken() -> klusterplan.Plan:
    plan = klusterplan.example()
    plan = evolve_at(plan, "target_groups[6].persona", None)  # KP104 at campaign.groups[0]
    return evolve_at(plan, "customer_care.responsible", "")  # KP602, a warning


def test_example_checks_clean(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", klusterplan.example())
    result = run("check", "--lang", "en", "plan.yaml")
    assert result.exit_code == 0, result.output
    assert "1 plan checked: no findings." in result.output


def test_text_output(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")  # klusterplan's own rules only
    get_registry.cache_clear()
    write(tmp_path / "plan.yaml", broken())
    result = run("check", "--lang", "en", "plan.yaml")
    assert result.exit_code == 1
    # ordered by line, as in the file: customer_care comes before campaign
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"plan\.yaml:\d+: KP602 warning customer_care\.responsible: .*", lines[0])
    assert re.fullmatch(
        r"plan\.yaml:\d+: KP104 error campaign\.groups\[0\] \(Campaign › groups 1\): "
        r"target group 'flykting' has no "
        r"persona; give it one",
        lines[1],
    )
    assert lines[-1] == "1 plan checked: 2 findings (1 error, 1 warning, 0 info)."
    line = int(lines[1].split(":")[1])
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert "target_group: flykting" in text[line - 1]


def test_toml_plans_have_no_lines(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "plan.toml", broken())
    result = run("check", "--lang", "en", "plan.toml")
    assert result.output.startswith("plan.toml: KP104 error campaign.groups[0] (Campaign")


@pytest.mark.parametrize(
    ("args", "codes", "code"),
    [
        ((), ["KP104", "KP602"], 1),
        (("--select", "KP1"), ["KP104"], 1),
        (("--select", "KP6"), ["KP602"], 0),
        (("--select", "KP6", "--fail-on", "warning"), ["KP602"], 1),
        (("--ignore", "KP104,KP6"), [], 0),
        (("--select", "kp602", "--severity", "KP602=error"), ["KP602"], 1),
        (("--severity", "KP1=info"), ["KP104", "KP602"], 0),
    ],
)
def test_options(
    run: Run, tmp_path: Path, args: tuple[str, ...], codes: list[str], code: int
) -> None:
    write(tmp_path / "plan.yaml", broken())
    result = run("check", "--lang", "en", "plan.yaml", "--format", "json", *args)
    data = json.loads(result.stdout)
    assert sorted(f["code"] for f in data["plans"][0]["findings"]) == codes
    assert result.exit_code == code


def test_json_structure(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", broken())
    result = run("check", "--lang", "en", "plan.yaml", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"version", "plans", "summary"}
    assert data["version"] == 1
    (entry,) = data["plans"]
    assert set(entry) == {
        "path",
        "loaded",
        "settings",
        "fail_on",
        "lang",
        "findings",
        "suppressed",
        "plugins",
    }
    assert entry["plugins"][0] == "klusterplan.rules"
    finding = entry["findings"][1]
    # the fields of the first version stay; lang and text (the message in lang) were added
    stable = {"code", "name", "severity", "path", "line", "message", "plugin"}
    assert set(finding) == stable | {"lang", "text"}
    assert finding["code"] == "KP104" and finding["plugin"] == "klusterplan.rules"
    assert isinstance(finding["line"], int)
    assert data["summary"] == {
        "plans": 1,
        "findings": 2,
        "error": 1,
        "warning": 1,
        "info": 0,
        "suppressed": 0,
        "failed": True,
    }


def test_settings_from_pyproject_upwards(run: Run, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.klusterplan]\nignore = ["KP104"]\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    write(tmp_path / "plans" / "a" / "plan.yaml", broken())
    result = run("check", "--lang", "en", "plans/a/plan.yaml")
    assert "KP104" not in result.output and "KP602" in result.output
    assert result.exit_code == 1  # fail-on = warning
    # the command line wins over the file
    assert run("check", "--lang", "en", "plans/a/plan.yaml", "--fail-on", "error").exit_code == 0
    assert "KP104" in run("check", "--lang", "en", "plans/a/plan.yaml", "--ignore", "KP6").output


def test_klusterplan_toml_and_severity_table(run: Run, tmp_path: Path) -> None:
    (tmp_path / "klusterplan.toml").write_text(
        'select = ["KP6"]\n[severity]\nKP602 = "error"\n', encoding="utf-8"
    )
    write(tmp_path / "plan.yaml", broken())
    result = run("check", "--lang", "en", "plan.yaml")
    assert "KP602 error customer_care.responsible" in result.output
    assert result.exit_code == 1


def test_pyproject_without_table_is_skipped(run: Run, tmp_path: Path) -> None:
    (tmp_path / "klusterplan.toml").write_text('ignore = ["KP"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    write(tmp_path / "sub" / "plan.yaml", broken())
    assert "no findings" in run("check", "--lang", "en", "sub/plan.yaml").output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("select = [", "klusterplan.toml:1: not valid TOML: the file ends too early"),
        ("fail-on = warning\n", "klusterplan.toml:1: not valid TOML: a text without quotes"),
        ('colour = "red"\n', "klusterplan.toml: unknown setting 'colour'"),
        ('fail-on = "fatal"\n', "klusterplan.toml: fail-on: 'fatal' is not a severity"),
        ('select = ["KP9"]\n', "klusterplan.toml: select: no rule code is or starts with 'KP9'"),
        ("select = 3\n", "klusterplan.toml: select must be a list of rule codes"),
    ],
)
def test_bad_settings_exit_2(run: Run, tmp_path: Path, content: str, expected: str) -> None:
    (tmp_path / "klusterplan.toml").write_text(content, encoding="utf-8")
    write(tmp_path / "plan.yaml", klusterplan.example())
    result = run("check", "--lang", "en", "plan.yaml")
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "KP9"), "--select: no rule code is or starts with 'KP9'"),
        (("--ignore", "XX"), "--ignore: no rule code is or starts with 'XX'"),
        (("--severity", "KP105"), "--severity 'KP105': write it as CODE=LEVEL"),
        (("--severity", "KP105=fatal"), "'fatal' is not a severity"),
        (("--config", "nowhere.toml"), "nowhere.toml: no such settings file"),
    ],
)
def test_bad_options_exit_2(run: Run, tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    write(tmp_path / "plan.yaml", klusterplan.example())
    result = run("check", "--lang", "en", "plan.yaml", *args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_unloadable_plan_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("library: [\n", encoding="utf-8")
    write(tmp_path / "plan.yaml", klusterplan.example())
    result = run("check", "--lang", "en", "bad.yaml", "plan.yaml", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [p["loaded"] for p in data["plans"]] == [False, True]
    assert data["plans"][0]["problems"][0]["message"].startswith("not valid YAML")


def test_suppressions(run: Run, tmp_path: Path) -> None:
    plan = evolve_at(
        broken(),
        "suppressions",
        (
            Suppression("KP602", "customer_care", "Chefen ansvarar, se delegationsordningen."),
            Suppression("KP105", "", "Fokusgrupper görs av regionen."),
        ),
    )
    write(tmp_path / "plan.yaml", plan)
    result = run("check", "--lang", "en", "plan.yaml")
    assert "KP602" not in result.output.replace("suppressions", "")
    assert re.search(
        r"KP002 warning suppressions\[1\] \(.*2\): KP105 reports nothing", result.stdout
    )
    assert "(1 suppressed)" in result.output
    data = json.loads(run("check", "--lang", "en", "plan.yaml", "--format", "json").stdout)
    assert [f["code"] for f in data["plans"][0]["suppressed"]] == ["KP602"]
    # a suppression of a rule that did not run is not called unused
    assert "KP002" not in run("check", "--lang", "en", "plan.yaml", "--select", "KP6,KP002").output


def test_rules_lists_every_rule(run: Run) -> None:
    result = run("rules")
    assert result.exit_code == 0
    assert re.search(
        r"^KP104\s+campaign-group-without-persona\s+error\s+klusterplan\.rules$",
        result.output,
        re.MULTILINE,
    )
    data = json.loads(run("rules", "--format", "json").stdout)
    assert {"code", "name", "severity", "plugin", "summary"} <= set(data[0])


def test_rules_explains_one(run: Run) -> None:
    result = run("rules", "KP104")
    assert result.output.startswith("KP104 campaign-group-without-persona\n")
    assert "Ge var och en persona" in result.output
    assert "How to fix it" in result.output
    assert run("rules", "kp104").exit_code == 0
    unknown = run("rules", "KP999")
    assert unknown.exit_code == 2 and "no rule has the code 'KP999'" in unknown.stderr


SHOUTING_RULE = """
from klusterplan import Severity, hookimpl, rule

@rule("SHO101", "library-name-shouted", Severity.WARNING, "No capitals only.", "Readable.")
def shouted(plan, context):
    if plan.library.name.isupper():
        yield "library.name", "write the name in ordinary case"

@hookimpl
def register_rules():
    return [shouted]
"""


def test_a_check_says_which_plugins_rules_ran(
    run: Run, tmp_path: Path, install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "plan.yaml", klusterplan.example())
    install("klusterplan-shouting", {"shouting_rules": SHOUTING_RULE}, "shouting = shouting_rules")
    result = run("check", "--lang", "en", "plan.yaml")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "1 plan checked: no findings."
    assert lines[-2].startswith("rules from plugins: ")
    assert "shouting" in lines[-2] and "klusterplan" not in lines[-2]
    assert "regler från insticksmoduler: " in run("check", "--lang", "sv", "plan.yaml").output
    assert "shouting" not in run("check", "--select", "KP1", "plan.yaml").output
    data = json.loads(run("check", "plan.yaml", "--format", "json").stdout)
    assert "shouting" in data["plans"][0]["plugins"]
    checked = klusterplan.check_plan(klusterplan.example())
    assert checked.plugins[0] == "klusterplan.rules" and "shouting" in checked.plugins
    assert "shouting" in checked.added_by_plugins
    assert "klusterplan.rules" not in checked.added_by_plugins
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    get_registry.cache_clear()
    assert run("check", "--lang", "en", "plan.yaml").output.splitlines() == [
        "1 plan checked: no findings."
    ]
