"""The plugin spine: entry points, failure isolation and the hooks' registry."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import Install

import klusterplan
from klusterplan import Exporter, hookimpl
from klusterplan.plugins import DEFAULT_PLUGINS, DISABLE_AUTOLOAD_ENV, Registry, get_registry

Run = Callable[..., Result]


@pytest.fixture
def installed(install: Install) -> Path:
    return install(
        "kp-wordcount",
        {
            "kp_wordcount": """
                from klusterplan import Exporter, hookimpl

                def write(plan, stream, context):
                    stream.write(f"{len(plan.target_groups)} groups\\n".encode())

                @hookimpl
                def register_exporters():
                    return [Exporter("count", ".txt", "Counts target groups", write)]
            """,
            "kp_broken": "raise RuntimeError('this plugin is broken')\n",
            "kp_raising": """
                from klusterplan import hookimpl

                @hookimpl
                def register_exporters():
                    raise ValueError("bad hook")
            """,
        },
        "wordcount = kp_wordcount\nbroken = kp_broken\nraising = kp_raising",
    )


def test_installed_plugin_is_listed_and_its_exporter_works(
    installed: Path, run: Run, tmp_path: Path
) -> None:
    result = run("plugins")
    assert "wordcount (kp-wordcount 1.0)" in result.output
    assert "exporter  count" in result.output
    assert "failed: plugin 'broken': failed to load (kp-wordcount 1.0): RuntimeError" in (
        result.output
    )
    assert "failed: plugin 'raising': hook register_exporters raised ValueError: bad hook" in (
        result.output
    )
    result = run("export", "--example", "--to", "count,markdown")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "example.txt").read_text() == "8 groups\n"
    assert (tmp_path / "example.md").exists()  # the broken plugins spare the rest
    # the example plan is Swedish: so is what the command says of the broken plugin
    assert "klusterplan: varning: insticksmodulen 'broken': gick inte att läsa in" in (
        result.output
    )
    result = run("export", "--example", "--to", "markdown", "--lang", "en")
    assert "klusterplan: warning: plugin 'broken': failed to load" in result.output


def test_autoload_can_be_turned_off(
    installed: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    get_registry.cache_clear()
    result = run("plugins")
    assert "wordcount" not in result.output
    assert "broken" not in result.output
    assert run("export", "--example", "--to", "count").exit_code == 2


def test_plugin_registered_in_code() -> None:
    class Shout:
        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            def write(plan: klusterplan.Plan, stream: io.BytesIO, context: object) -> None:
                stream.write(plan.library.name.upper().encode())

            return [Exporter("shout", ".txt", "Shouts", write)]  # type: ignore[arg-type]

    registry = Registry([*DEFAULT_PLUGINS, Shout()], autoload=False)
    out = io.BytesIO()
    klusterplan.export(klusterplan.example(), "shout", out, registry=registry)
    assert out.getvalue() == "BYKÖPINGS BIBLIOTEK".encode()


def test_two_plugins_cannot_claim_one_format() -> None:
    class Imposter:
        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            return [Exporter("markdown", ".md", "Not the real one", lambda p, s, c: None)]

    registry = Registry([*DEFAULT_PLUGINS, Imposter()], autoload=False)
    assert registry.exporter_plugin("markdown") == "klusterplan.exporters.markdown"
    assert any(
        "format 'markdown' is already registered by plugin 'klusterplan.exporters.markdown'"
        in str(f)
        for f in registry.failures
    )


def test_failed_export_writes_nothing(tmp_path: Path) -> None:
    class Failing:
        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            def write(plan: klusterplan.Plan, stream: io.BytesIO, context: object) -> None:
                stream.write(b"half")
                raise RuntimeError("disk on fire")

            return [Exporter("fail", ".txt", "Fails halfway", write)]  # type: ignore[arg-type]

    registry = Registry([*DEFAULT_PLUGINS, Failing()], autoload=False)
    target = tmp_path / "out.txt"
    target.write_text("old")
    stream = io.BytesIO()
    for dest in (target, stream):
        with pytest.raises(RuntimeError):
            klusterplan.export(klusterplan.example(), "fail", dest, registry=registry)
    assert target.read_text() == "old"
    assert stream.getvalue() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_importing_klusterplan_loads_no_heavy_library() -> None:
    import subprocess

    code = (
        "import sys, klusterplan; klusterplan.example(); "
        "print(sorted(m for m in ('docx', 'reportlab', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_two_installed_plugins_claiming_one_code_stop_the_check(
    tmp_path: Path, run: Run, install: Install
) -> None:
    rule_module = """
        from klusterplan import Severity, rule
        from klusterplan import hookimpl

        @rule("ZZ101", "{name}", Severity.WARNING, "A rule.", "Explained.")
        def check(plan, context):
            return iter(())

        @hookimpl
        def register_rules():
            return [check]
    """
    for name in ("alpha", "beta"):
        install(
            f"kp-{name}",
            {f"kp_{name}": rule_module.replace("{name}", f"{name}-rule")},
            f"{name} = kp_{name}",
        )
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("check", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "klusterplan: error: plugin 'beta': rule code ZZ101 is claimed by both plugin 'alpha' "
        "and plugin 'beta'" in result.output
    )
    swedish = run("check", "plan.yaml")
    assert swedish.exit_code == 2
    assert (
        "klusterplan: fel: insticksmodulen 'beta': både insticksmodulen 'alpha' och "
        "insticksmodulen 'beta' gör anspråk på regelkoden ZZ101" in swedish.output
    )
