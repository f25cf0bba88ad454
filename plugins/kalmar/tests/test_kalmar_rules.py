"""Kalmar kommun's rules: alone, with the built-ins, and through the installed command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from klusterplan_kalmar import plugin

import klusterplan
from klusterplan import testing
from klusterplan.cli import main
from klusterplan.plugins import get_registry

STAFF = ["bibliotekschef", "bibliotekarie", "biblioteksassistent", "utvecklingsledare"]
CONFIG: dict[str, Any] = {"staff": STAFF, "budget_ceiling": 50000}


def kalmar_plan() -> klusterplan.Plan:
    """The example plan as a library in Kalmar kommun that meets the municipality's rules."""
    plan = testing.evolve_at(klusterplan.example(), "library.municipality", "Kalmar kommun")
    channels = (*plan.communication_plan.channels, "Lättläst folder och foldern i storstil")
    plan = testing.evolve_at(plan, "communication_plan.channels", channels)
    # activities name people only; Kalmar wants their roles too
    for i, activity in enumerate(plan.communication_plan.activities):
        role = "utvecklingsledare" if activity.responsible == "Johan Ek" else "bibliotekarie"
        plan = testing.evolve_at(
            plan,
            f"communication_plan.activities[{i}].responsible",
            f"{activity.responsible}, {role}",
        )
    return plan


def check(plan: klusterplan.Plan, **config: Any) -> list[tuple[str, str]]:
    findings = testing.run_check(plan, plugin, config={**CONFIG, **config}, name="kalmar")
    return [(f.code, f.path) for f in findings]


def test_a_kalmar_plan_that_meets_the_rules() -> None:
    assert check(kalmar_plan()) == []


def test_with_the_built_in_rules_too() -> None:
    findings = testing.run_check(kalmar_plan(), plugin, builtins=True, config=CONFIG, name="kalmar")
    assert findings == []


def test_other_municipalities_are_not_checked() -> None:
    assert check(klusterplan.example()) == []
    assert check(klusterplan.example(), municipality="Byköpings kommun") == [
        ("KAL101", "communication_plan"),
        ("KAL103", "communication_plan.activities[0].responsible"),
        ("KAL103", "communication_plan.activities[1].responsible"),
        ("KAL103", "communication_plan.activities[2].responsible"),
        ("KAL103", "communication_plan.activities[3].responsible"),
        ("KAL103", "communication_plan.activities[4].responsible"),
        ("KAL103", "communication_plan.activities[5].responsible"),
        ("KAL103", "communication_plan.activities[6].responsible"),
        ("KAL103", "communication_plan.activities[7].responsible"),
        ("KAL103", "communication_plan.activities[8].responsible"),
        ("KAL103", "communication_plan.activities[9].responsible"),
    ]


def test_kal101_accessibility_statement() -> None:
    plan = testing.evolve_at(
        kalmar_plan(),
        "communication_plan.channels",
        klusterplan.example().communication_plan.channels,
    )
    assert check(plan) == [("KAL101", "communication_plan")]
    assert check(plan, accessibility_words=["folder"]) == []


def test_kal102_budget_ceiling() -> None:
    plan = kalmar_plan()
    assert check(plan, budget_ceiling=40000) == [("KAL102", "communication_plan.budget")]
    unset = testing.evolve_at(plan, "communication_plan.budget", None)
    assert check(unset) == [("KAL102", "communication_plan.budget")]


def test_kal103_owner_on_staff_list() -> None:
    plan = testing.evolve_at(kalmar_plan(), "actions[4].responsible", "Maria Lund")
    assert check(plan) == [("KAL103", "actions[4].responsible")]
    # without a staff list, the rule has nothing to compare with
    assert check(plan, staff=[]) == []
    # an empty owner is the built-in KP201's finding, not this rule's
    assert check(testing.evolve_at(kalmar_plan(), "actions[4].responsible", "")) == []


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The process registry as installed: the plugin comes through its entry point."""
    monkeypatch.delenv("KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.chdir(tmp_path)
    get_registry.cache_clear()
    yield tmp_path
    get_registry.cache_clear()


def test_registered_through_the_entry_point(installed: Path) -> None:
    registry = get_registry()
    rule, name = registry.rules()["KAL101"]
    assert name == "kalmar" and rule.name == "accessibility-statement-missing"
    info = {p.name: p.source for p in registry.plugins()}
    assert info["kalmar"].startswith("klusterplan-kalmar ")


def test_through_the_command_with_settings(installed: Path) -> None:
    plan = testing.evolve_at(kalmar_plan(), "actions[4].responsible", "Maria Lund")
    klusterplan.dump(plan, installed / "plan.yaml")
    (installed / "pyproject.toml").write_text(
        f"[tool.klusterplan.plugins.kalmar]\nstaff = {STAFF!r}\n".replace("'", '"')
        + "budget_ceiling = 40000\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "plan.yaml", "--select", "KAL"])
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("plan.yaml:") and "KAL103 varning actions[4].responsible (" in line
        for line in lines
    ), result.output
    assert any("KAL102 fel communication_plan.budget:" in line for line in lines)
    assert result.exit_code == 1
    explained = CliRunner().invoke(main, ["rules", "KAL102"])
    assert "budget-over-ceiling" in explained.stdout and "kalmar" in explained.stdout
