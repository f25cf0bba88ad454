"""Every built-in rule: the example passes, and a plan that breaks it gets exactly its finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

import klusterplan
from klusterplan import Severity, UnknownCodeError, testing
from klusterplan._extension.rule import RULE_FAILED
from klusterplan.model import (
    Action,
    CampaignGroup,
    CustomerCare,
    Horizon,
    Plan,
    StaircasePosition,
    Step,
    Suppression,
    TargetGroup,
)
from klusterplan.plugins import DEFAULT_PLUGINS, Registry
from klusterplan.rules import RULES
from klusterplan.testing import evolve_at

Break = Callable[[Plan], Plan]


def at(path: str, value: object) -> Break:
    return lambda plan: evolve_at(plan, path, value)


def fourth_campaign_group(plan: Plan) -> Plan:
    groups = (*plan.campaign.groups, CampaignGroup("bokalskare", 4, "Trogna kunder."))
    plan = evolve_at(plan, "campaign.groups", groups)
    targets = (*plan.communication_plan.target_groups, "bokalskare")
    return evolve_at(plan, "communication_plan.target_groups", targets)


def group_without_id(plan: Plan) -> Plan:
    group = TargetGroup(
        id="", name="Pendlaren", centre="social", staircase=StaircasePosition("awareness", "action")
    )
    return evolve_at(plan, "target_groups", (*plan.target_groups, group))


def five_more_immediate_actions(plan: Plan) -> Plan:
    extra = tuple(
        Action(
            horizon=Horizon.IMMEDIATE,
            what=f"Extra åtgärd {n}",
            organisational_consequence="Tid i schemat.",
            communicative_consequence="Nämns på Facebook.",
            responsible="Johan Ek",
            target_groups=("oerfarne",),
        )
        for n in range(5)
    )
    return evolve_at(plan, "actions", plan.actions + extra)


def suppression_without_reason(plan: Plan) -> Plan:
    path = "target_groups[6].persona.validation.focus_group.planned_size"
    plan = evolve_at(plan, path, 6)
    return evolve_at(plan, "suppressions", (Suppression("KP105", path, ""),))


FLYKTING = "target_groups[6]"

#: code -> (how to break it, the paths of exactly the findings expected)
BREAKS: dict[str, tuple[Break, list[str]]] = {
    "KP002": (
        at("suppressions", (Suppression("KP105", "target_groups[0]", "Vi vet."),)),
        ["suppressions[0]"],
    ),
    "KP003": (suppression_without_reason, ["suppressions[0].reason"]),
    "KP101": (fourth_campaign_group, ["campaign.groups"]),
    "KP102": (at("campaign.groups[1].motivation", ""), ["campaign.groups[1].motivation"]),
    "KP103": (at("campaign.groups[2].priority", 2), ["campaign.groups[2].priority"]),
    "KP104": (at(f"{FLYKTING}.persona", None), ["campaign.groups[0]"]),
    "KP105": (
        at(f"{FLYKTING}.persona.validation.focus_group.planned_size", 6),
        [f"{FLYKTING}.persona.validation.focus_group.planned_size"],
    ),
    "KP106": (
        at("target_groups[0].persona.validation.gaps", ()),
        ["target_groups[0].persona.validation"],
    ),
    "KP107": (at("actions[2].target_groups", ("tonåring",)), ["actions[2].target_groups[0]"]),
    "KP108": (at("target_groups[7].name", "Den oerfarne"), ["target_groups[7].name"]),
    "KP109": (at("campaign.groups", ()), ["campaign.groups"]),
    "KP110": (
        at("campaign.groups[2].target_group", "flykting"),
        ["campaign.groups[2].target_group"],
    ),
    "KP111": (at("target_groups[2].persona.channels", ()), ["target_groups[2].persona.channels"]),
    "KP112": (group_without_id, ["target_groups[8].id"]),
    "KP201": (at("actions[0].responsible", ""), ["actions[0].responsible"]),
    "KP202": (
        at("actions[1].organisational_consequence", ""),
        ["actions[1].organisational_consequence"],
    ),
    "KP203": (
        at("actions[1].communicative_consequence", " "),
        ["actions[1].communicative_consequence"],
    ),
    "KP204": (five_more_immediate_actions, ["actions[15]"]),
    "KP205": (at("actions[3].what", ""), ["actions[3].what"]),
    "KP206": (at("actions[3].target_groups", ()), ["actions[3].target_groups"]),
    "KP301": (
        at("values.words[2].for_target_groups", ""),
        ["values.words[2].for_target_groups"],
    ),
    "KP302": (at("values.promise_fulfilment", ""), ["values.promise_fulfilment"]),
    "KP303": (lambda p: evolve_at(p, "values.words", p.values.words[:3]), ["values.words"]),
    "KP401": (
        at("target_groups[5].staircase.current", None),
        ["target_groups[5].staircase.current"],
    ),
    "KP402": (at("target_groups[5].centre", None), ["target_groups[5].centre"]),
    "KP403": (at("target_groups[5].centre", "sport"), ["target_groups[5].centre"]),
    "KP404": (
        at("target_groups[5].staircase.target", "fan"),
        ["target_groups[5].staircase.target"],
    ),
    "KP405": (
        at("target_groups[2].staircase.target", "awareness"),
        ["target_groups[2].staircase.target"],
    ),
    "KP406": (
        lambda p: evolve_at(p, "staircase", (*p.staircase, Step("action"))),
        ["staircase[5].id"],
    ),
    "KP501": (
        at("communication_plan.evaluation.method", ""),
        ["communication_plan.evaluation.method"],
    ),
    "KP502": (
        at("communication_plan.activities[3].date", None),
        ["communication_plan.activities[3].date"],
    ),
    "KP503": (
        at("communication_plan.messages[0].target_group", "nyanland"),
        ["communication_plan.messages[0].target_group"],
    ),
    "KP504": (at("communication_plan.budget", 40000), ["communication_plan.budget"]),
    "KP505": (at("communication_plan.goals.feel", ()), ["communication_plan.goals.feel"]),
    "KP506": (
        at("communication_plan.target_groups", ("flykting", "forskolebarn")),
        ["campaign.groups[2]"],
    ),
    "KP601": (at("customer_care", CustomerCare()), ["customer_care"]),
    "KP602": (at("customer_care.responsible", ""), ["customer_care.responsible"]),
    "KP702": (at("target_groups[0].name", ""), ["target_groups[0].name"]),
    "KP703": (
        lambda plan: at("target_groups[1].votes", None)(at("target_groups[1].name", " ")(plan)),
        ["target_groups[1].name"],
    ),
    "KP801": (at("actions[3].sharing_reason", " "), ["actions[3].sharing_reason"]),
    "KP802": (
        at("communication_plan.activities[1].indicator.target", None),
        ["communication_plan.activities[1].indicator.target"],
    ),
    "KP803": (at("actions[0].indicator.name", ""), ["actions[0].indicator.name"]),
    "KP804": (at("actions[4].indicator.result", None), ["actions[4].indicator.result"]),
    "KP805": (at("actions[4].status_changed", None), ["actions[4].status_changed"]),
}


@pytest.fixture
def builtins() -> Registry:
    return Registry(DEFAULT_PLUGINS, autoload=False)


def test_example_checks_clean(example: Plan, builtins: Registry) -> None:
    assert klusterplan.check(example, registry=builtins) == []


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_breaking_a_rule_gives_exactly_its_finding(
    code: str, example: Plan, builtins: Registry
) -> None:
    breaker, paths = BREAKS[code]
    findings = klusterplan.check(breaker(example), registry=builtins)
    assert [(f.code, f.path) for f in findings] == [(code, path) for path in paths]
    rule = builtins.rules()[code][0]
    assert all(f.severity is rule.severity and f.name == rule.name for f in findings)
    assert all(f.plugin == "klusterplan.rules" and f.message for f in findings)


def test_every_rule_has_a_breaking_test() -> None:
    # KP001 is the engine's report of a rule that raised: tested in test_plugins_kit.py;
    # KP701 needs a branding plugin: tested in test_accessibility_checks.py;
    # KP004 reports what the loader read forgivingly: tested in test_forgiving.py.
    assert {r.code for r in RULES} - {RULE_FAILED.code, "KP701", "KP004"} == set(BREAKS)


def test_rule_metadata_is_complete() -> None:
    for rule in RULES:
        assert rule.summary.endswith(".") and "\n" not in rule.summary, rule.code
        assert "**How to fix it:**" in rule.explanation, rule.code
    workbook_quotes = [r for r in RULES if r.code.startswith("KP1") and '*"' in r.explanation]
    assert len(workbook_quotes) >= 5


@pytest.mark.parametrize(
    ("priorities", "paths"),
    [
        ((None, 2, 3), ["campaign.groups[0].priority"]),
        ((1, 2, 4), ["campaign.groups[2].priority"]),
        ((0, 1, 2), ["campaign.groups[0].priority"]),
        ((3, 1, 2), []),
    ],
)
def test_priorities_are_one_to_n(
    priorities: tuple[int | None, ...], paths: list[str], example: Plan, builtins: Registry
) -> None:
    plan = example
    for i, priority in enumerate(priorities):
        plan = evolve_at(plan, f"campaign.groups[{i}].priority", priority)
    findings = klusterplan.check(plan, select=["KP103"], registry=builtins)
    assert [f.path for f in findings] == paths


def test_unknown_campaign_group(example: Plan, builtins: Registry) -> None:
    plan = evolve_at(example, "campaign.groups[2].target_group", "okänd")
    findings = klusterplan.check(plan, registry=builtins)
    assert [(f.code, f.path) for f in findings] == [("KP107", "campaign.groups[2].target_group")]


def test_unknown_group_in_activity(example: Plan, builtins: Registry) -> None:
    plan = evolve_at(example, "communication_plan.activities[1].target_groups", ("x",))
    findings = klusterplan.check(plan, registry=builtins)
    assert [(f.code, f.path) for f in findings] == [
        ("KP503", "communication_plan.activities[1].target_groups[0]")
    ]


def test_dropped_actions_need_no_owner(example: Plan, builtins: Registry) -> None:
    plan = evolve_at(example, "actions[0]", attrs.evolve(example.actions[0], responsible=""))
    plan = evolve_at(plan, "actions[0].status", klusterplan.model.ActionStatus.DROPPED)
    assert klusterplan.check(plan, registry=builtins) == []


def test_select_and_ignore_take_prefixes(example: Plan, builtins: Registry) -> None:
    plan = evolve_at(example, "campaign.groups[1].motivation", "")
    plan = evolve_at(plan, "customer_care.responsible", "")

    def codes(**kw: Any) -> list[str]:
        return [f.code for f in klusterplan.check(plan, registry=builtins, **kw)]

    assert codes() == ["KP102", "KP602"]
    assert codes(select=["KP1"]) == ["KP102"]
    assert codes(ignore=["KP6"]) == ["KP102"]
    assert codes(select=["KP"], ignore=["KP102"]) == ["KP602"]
    with pytest.raises(UnknownCodeError, match="KP9"):
        codes(select=["KP9"])


def test_suppression_matches_path_prefix(example: Plan, builtins: Registry) -> None:
    plan = evolve_at(example, "campaign.groups[1].motivation", "")
    plan = evolve_at(plan, "suppressions", (Suppression("KP102", "campaign.groups[1]", "Klart."),))
    result = klusterplan.check(plan, registry=builtins)
    assert result == []


def test_severity_override(example: Plan, builtins: Registry) -> None:
    from klusterplan import check_plan

    plan = evolve_at(example, "customer_care.responsible", "")
    result = check_plan(plan, severities={"KP6": Severity.ERROR}, registry=builtins)
    assert [f.severity for f in result.findings] == [Severity.ERROR]


def test_findings_get_lines_from_the_file(builtins: Registry) -> None:
    from klusterplan import check_plan
    from klusterplan._planfile.formats import LineMap

    # A blank value is still written, so the finding points at its own line.
    plan = evolve_at(klusterplan.example(), "campaign.groups[1].motivation", " ")
    text = klusterplan.dumps(plan)
    result = check_plan(plan, registry=builtins, lines=LineMap(text, "yaml"))
    (finding,) = result.findings
    assert finding.line is not None
    assert text.splitlines()[finding.line - 1].strip().startswith("motivation:")


def test_rules_reference_is_up_to_date() -> None:
    from pathlib import Path

    from klusterplan.rules import render_reference

    page = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == render_reference(), (
        "docs/rules.md is stale; run: python -m klusterplan.rules docs/rules.md"
    )


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_every_finding_has_its_swedish_wording(
    code: str, example: Plan, builtins: Registry
) -> None:
    breaker, _ = BREAKS[code]
    findings = klusterplan.check(breaker(example), registry=builtins)
    for finding in findings:
        assert isinstance(finding.message, klusterplan.Text), finding
        swedish = finding.text("sv")
        assert swedish and swedish != str(finding.message), finding
        assert finding.text("en") == str(finding.message)


def test_every_rule_explains_itself_in_swedish() -> None:
    for rule in (*RULES,):
        assert rule.summary_sv.endswith(".") and "\n" not in rule.summary_sv, rule.code
        assert "**Så rättar du:**" in rule.explanation_sv, rule.code
        assert rule.summary_in("sv") == rule.summary_sv
        assert rule.explanation_in("en") == rule.explanation


def test_a_plugin_rule_in_english_only_falls_back_to_english() -> None:
    from klusterplan import rule

    @rule("XY101", "library-unnamed", Severity.ERROR, "The library has a name.", "Fix it.")
    def unnamed(plan: Plan, context: klusterplan.RuleContext) -> Iterator[tuple[str, str]]:
        yield "library.name", "add a name"

    class Plugin:
        @staticmethod
        @klusterplan.hookimpl
        def register_rules() -> list[klusterplan.Rule]:
            return [unnamed]

    assert unnamed.summary_in("sv") == "The library has a name."
    findings = testing.run_check(Plan(), Plugin)
    assert [f.text("sv") for f in findings] == ["add a name"]
