"""Plugins for rules: isolation of failures, code ownership, the testing kit, hook docs."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Install

import klusterplan
from klusterplan import Rule, RuleContext, Severity, hookspecs, rule, testing
from klusterplan.branding import Branding
from klusterplan.model import Plan
from klusterplan.plugins import Registry

ROOT = Path(__file__).resolve().parents[1]


@rule("XY101", "library-unnamed", Severity.ERROR, "The library has a name.", "Name it.")
def library_unnamed(plan: Plan, context: RuleContext) -> Any:
    if not plan.library.name:
        yield "library.name", "the library has no name"


@rule("XY102", "always-crashes", Severity.WARNING, "A rule with a bug.", "It divides by zero.")
def always_crashes(plan: Plan, context: RuleContext) -> Any:
    yield "library", str(1 / 0)


class GoodPlugin:
    @staticmethod
    @klusterplan.hookimpl
    def register_rules() -> list[Rule]:
        return [library_unnamed]


class CrashingRulePlugin:
    @staticmethod
    @klusterplan.hookimpl
    def register_rules() -> list[Rule]:
        return [always_crashes, library_unnamed]


class CrashingHookPlugin:
    @staticmethod
    @klusterplan.hookimpl
    def register_rules() -> list[Rule]:
        raise RuntimeError("configuration missing")


def test_a_rule_that_raises_does_not_stop_the_run() -> None:
    plan = testing.evolve_at(klusterplan.example(), "library.name", "")
    plan = testing.evolve_at(plan, "campaign.groups[1].motivation", "")
    findings = testing.run_check(plan, CrashingRulePlugin, builtins=True, name="crashy")
    codes = [(f.code, f.path) for f in findings]
    assert ("KP102", "campaign.groups[1].motivation") in codes
    assert ("XY101", "library.name") in codes
    (failed,) = [f for f in findings if f.code == "KP001"]
    assert failed.severity is Severity.ERROR
    assert "XY102" in failed.message and "always-crashes" in failed.message
    assert "'crashy'" in failed.message and "ZeroDivisionError" in failed.message


def test_a_crashing_rule_through_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    klusterplan.dump(klusterplan.example(), "plan.yaml")
    result = testing.invoke(["check", "--lang", "en", "plan.yaml"], CrashingRulePlugin)
    assert result.exit_code == 1
    assert "KP001 error: rule XY102 (always-crashes) from plugin" in result.stdout


def test_a_register_rules_hook_that_raises_spares_the_rest() -> None:
    registry = testing.make_registry(CrashingHookPlugin, GoodPlugin, builtins=True)
    rules = registry.rules()
    assert "XY101" in rules and "KP104" in rules
    assert any("configuration missing" in str(f) for f in registry.failures)


def test_two_plugins_claiming_a_code() -> None:
    registry = Registry((), autoload=False)
    registry.register(GoodPlugin, "first")
    registry.register(CrashingRulePlugin, "second")
    rules = registry.rules()
    assert rules["XY101"][1] == "first"
    messages = [str(f) for f in registry.failures]
    assert any("XY101" in m and "'first'" in m and "'second'" in m for m in messages)
    # XY102 is a new code but the prefix XY belongs to "first"
    assert "XY102" not in rules
    assert any("prefix XY" in m and "'first'" in m and "'second'" in m for m in messages)


def test_malformed_codes_are_refused() -> None:
    bad = Rule("X1", "Bad Name", Severity.INFO, "s.", "e.", lambda plan, context: ())

    class Plugin:
        @staticmethod
        @klusterplan.hookimpl
        def register_rules() -> list[Rule]:
            return [bad]

    registry = testing.make_registry(Plugin)
    assert registry.rules() == {}
    assert "not capital letters followed by three digits" in str(registry.failures[0])


def test_plugin_config_reaches_the_rule() -> None:
    seen: list[dict[str, Any]] = []

    @rule("ZZ101", "sees-config", Severity.INFO, "Sees its settings.", "For the test.")
    def sees_config(plan: Plan, context: RuleContext) -> Any:
        seen.append(dict(context.config))
        return ()

    class Plugin:
        @staticmethod
        @klusterplan.hookimpl
        def register_rules() -> list[Rule]:
            return [sees_config]

    testing.run_check(None, Plugin, config={"ceiling": 5}, name="zz")
    assert seen == [{"ceiling": 5}]


def test_run_export_with_only_the_plugin() -> None:
    data, notices = testing.run_export(None, "markdown", "klusterplan.exporters.markdown")
    assert data.startswith(b"#") and notices == []


def test_branding_hook_is_consulted() -> None:
    class Brand:
        @staticmethod
        @klusterplan.hookimpl
        def branding(plan: Plan, format: str) -> Branding | None:
            return Branding(footer=f"{plan.library.municipality} ({format})")

    registry = testing.make_registry(Brand)
    assert registry.branding(klusterplan.example(), "docx").footer == "Byköpings kommun (docx)"


def test_docx_document_hook_is_called() -> None:
    calls: list[str] = []

    class Adjust:
        @staticmethod
        @klusterplan.hookimpl
        def docx_document(document: Any, plan: Plan, context: Any) -> None:
            calls.append(plan.library.name)

    registry = testing.make_registry(Adjust, builtins=True)
    assert not registry.failures
    if "docx" not in registry.exporters():
        pytest.skip("the docx exporter is not available")
    testing.run_export(None, "docx", Adjust, builtins=True)
    assert calls == ["Byköpings bibliotek"]


def _hooks() -> list[str]:
    return [
        name
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "klusterplan_spec")
    ]


def test_hooks_found() -> None:
    assert {"register_rules", "register_exporters", "branding", "docx_document"} <= set(_hooks())


@pytest.mark.parametrize("hook", _hooks())
def test_every_hook_is_documented(hook: str) -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = re.search(rf"^### {hook}\n(.*?)(?=^### |\Z)", page, re.MULTILINE | re.DOTALL)
    assert section, f"docs/plugins.md has no '### {hook}' section"
    signature = str(inspect.signature(getattr(hookspecs, hook)))
    assert f"def {hook}(" in section.group(1), f"the {hook} section shows no example"
    assert signature.split(" ->")[0].replace("'", "") in section.group(1).replace("'", ""), (
        f"the {hook} section does not give the exact signature {hook}{signature}"
    )


_ENTRY_PLUGIN = """
import klusterplan


@klusterplan.hookimpl
def register_rules():
    @klusterplan.rule(
        "BYK101", "library-undated", klusterplan.Severity.WARNING, "The plan is dated.", "Date it.",
        summary_sv="Planen har ett datum.", explanation_sv="Sätt ett datum.",
    )
    def undated(plan, context):
        if plan.library.date is None:
            yield "library.date", klusterplan.Text("date the plan", sv="datera planen")

    return [undated]


@klusterplan.hookimpl
def register_exporters():
    def write(plan, stream, context):
        stream.write(context.options.settings.get("byk.greeting", "hej").encode())

    return [
        klusterplan.Exporter(
            "greeting", ".txt", "A greeting", write, options={"byk.greeting": "what to say"}
        )
    ]
"""


def test_the_kit_loads_an_installed_entry_point_as_start_up_does(
    install: Install, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        "klusterplan-bykoping", {"bykoping_plugin": _ENTRY_PLUGIN}, "bykoping = bykoping_plugin"
    )
    registry = testing.make_registry(entry_points=["bykoping"])
    assert not registry.failures
    assert [(p.name, p.source) for p in registry.plugins()] == [
        ("bykoping", "klusterplan-bykoping 1.0")
    ]
    plan = testing.evolve_at(klusterplan.example(), "library.date", None)
    findings = testing.run_check(plan, entry_points=["bykoping"])
    assert [(f.code, f.plugin, f.text("sv")) for f in findings] == [
        ("BYK101", "bykoping", "datera planen")
    ]
    data, _ = testing.run_export(None, "greeting", entry_points=["bykoping"])
    assert data == b"hej"
    monkeypatch.chdir(tmp_path)
    klusterplan.dump(plan, "plan.yaml")
    result = testing.invoke(["check", "plan.yaml", "--select", "BYK"], entry_points=["bykoping"])
    assert "BYK101 varning library.date: datera planen" in result.stdout
    unknown = testing.invoke(
        ["export", "plan.yaml", "--to", "greeting", "--option", "byk.greting=hi"],
        entry_points=["bykoping"],
    )
    assert unknown.exit_code == 2
    assert "okänd inställning 'byk.greting'; menade du 'byk.greeting'?" in unknown.stderr
    assert "byk.greeting (what to say)" in unknown.stderr


def test_a_broken_entry_point_fails_in_the_kit_as_for_a_user(install: Install) -> None:
    install("klusterplan-typo", {"typo_plugin": "x = 1\n"}, "typo = typo_plugn")
    registry = testing.make_registry(entry_points=["typo"])
    assert [f.plugin for f in registry.failures] == ["typo"]
    assert "failed to load (klusterplan-typo 1.0): ModuleNotFoundError" in str(registry.failures[0])
    with pytest.raises(LookupError, match="no installed distribution has an entry point 'tpyo'"):
        testing.make_registry(entry_points=["tpyo"])


def test_run_export_turns_on_the_built_in_format_a_branding_changes() -> None:
    seen: list[str] = []

    class Look:
        @staticmethod
        @klusterplan.hookimpl
        def branding(plan: Plan, format: str) -> Branding:
            seen.append(format)
            return Branding(footer="Byköpings kommun")

    data, notices = testing.run_export(None, "pdf", Look)
    assert data.startswith(b"%PDF-") and notices == []
    assert seen == ["pdf"]
    # asked for, the plugin alone: the format is not there, and the message says which are
    with pytest.raises(klusterplan.PlanError, match="unknown format 'pdf'"):
        testing.run_export(None, "pdf", Look, builtins=False)
    # a format of the plugin's own runs without the built-ins
    data, _ = testing.run_export(None, "markdown", "klusterplan.exporters.markdown")
    assert data.startswith(b"#")
