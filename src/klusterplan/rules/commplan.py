"""KP5xx: the communication plan (agenda points 13 and 17)."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Plan
from ._util import active, blank, group_index, unknown_group

__all__ = ["RULES"]


@rule(
    "KP501",
    "plan-without-evaluation",
    Severity.ERROR,
    "The communication plan says how its result is evaluated.",
    """
The agenda (point 13): *"Fokusera på HUR, ANSVAR och ROLLER samt utgå i planeringen från
kommunikationsstrategin. Den hänger ihop med utvärderingen."* Without a method and
indicators, nobody can tell whether the campaign worked.

**How to fix it:** fill in `communication_plan.evaluation.method` and list what is
counted or asked under `indicators`.
""",
    summary_sv="Kommunikationsplanen säger hur resultatet utvärderas.",
    explanation_sv="""
Dagordningen (punkt 13): *"Fokusera på HUR, ANSVAR och ROLLER samt utgå i planeringen
från kommunikationsstrategin. Den hänger ihop med utvärderingen."* Utan metod och mått
kan ingen avgöra om kampanjen fungerade.

**Så rättar du:** fyll i `communication_plan.evaluation.method` och lista vad som
räknas eller frågas under `indicators`.
""",
)
def plan_without_evaluation(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No evaluation method or no indicators."""
    evaluation = plan.communication_plan.evaluation
    if blank(evaluation.method):
        yield (
            "communication_plan.evaluation.method",
            text("commplan_say_how_result_evaluated"),
        )
    if not evaluation.indicators:
        yield (
            "communication_plan.evaluation.indicators",
            text("commplan_list_what_counted_asked"),
        )


@rule(
    "KP502",
    "activity-without-owner-or-date",
    Severity.WARNING,
    "Each activity has someone responsible and a date.",
    """
The agenda (point 13): *"Fokusera på HUR, ANSVAR och ROLLER."* An activity without an
owner or a date cannot be followed up. Dropped activities are not checked.

**How to fix it:** set the activity's `responsible` and `date`.
""",
    summary_sv="Varje aktivitet har en ansvarig och ett datum.",
    explanation_sv="""
Dagordningen (punkt 13): *"Fokusera på HUR, ANSVAR och ROLLER."* En aktivitet utan
ägare eller datum kan inte följas upp. Strukna aktiviteter kontrolleras inte.

**Så rättar du:** sätt aktivitetens `responsible` och `date`.
""",
)
def activity_without_owner_or_date(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An activity without ``responsible`` or ``date``."""
    for i, activity in enumerate(plan.communication_plan.activities):
        if not active(activity.status):
            continue
        path = f"communication_plan.activities[{i}]"
        if blank(activity.responsible):
            yield (
                f"{path}.responsible",
                text("commplan_say_who_responsible_activity"),
            )
        if activity.date is None:
            yield (
                f"{path}.date",
                text("commplan_say_when_activity_happens"),
            )


@rule(
    "KP503",
    "communication-plan-unknown-target-group",
    Severity.ERROR,
    "The communication plan's groups, messages and activities name known target groups.",
    """
The communication plan refers to target groups by id in `target_groups`,
`messages[].target_group` and `activities[].target_groups`. An unknown id reaches no one.

**How to fix it:** use an id listed under `target_groups`.
""",
    summary_sv="Kommunikationsplanens grupper, budskap och aktiviteter anger kända målgrupper.",
    explanation_sv="""
Kommunikationsplanen hänvisar till målgrupper med id i `target_groups`,
`messages[].target_group` och `activities[].target_groups`. Ett okänt id når ingen.

**Så rättar du:** använd ett id som finns under `target_groups`. Meddelandet listar de
id som finns och föreslår det närmaste.
""",
)
def communication_plan_unknown_target_group(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target-group id in the communication plan that the plan lacks."""
    known = group_index(plan)
    cp = plan.communication_plan
    for k, id in enumerate(cp.target_groups):
        if id not in known:
            yield f"communication_plan.target_groups[{k}]", unknown_group(id, known)
    for i, message in enumerate(cp.messages):
        if message.target_group is not None and message.target_group not in known:
            yield (
                f"communication_plan.messages[{i}].target_group",
                unknown_group(message.target_group, known),
            )
    for i, activity in enumerate(cp.activities):
        for k, id in enumerate(activity.target_groups):
            if id not in known:
                yield (
                    f"communication_plan.activities[{i}].target_groups[{k}]",
                    unknown_group(id, known),
                )


@rule(
    "KP504",
    "activities-over-budget",
    Severity.ERROR,
    "The activities together cost no more than the communication plan's budget.",
    """
The communication plan lists activities *"with dates, owners and budget"* and a total
budget. When the activities add up to more, something has to give before the campaign
starts, not halfway through.

**How to fix it:** raise `communication_plan.budget`, or cut activities' `budget`.
""",
    summary_sv="Aktiviteterna kostar sammanlagt inte mer än kommunikationsplanens budget.",
    explanation_sv="""
Kommunikationsplanen listar aktiviteter *"med datum, ansvariga och budget"* och en
total budget. När aktiviteterna blir dyrare måste något ge vika innan kampanjen börjar,
inte halvvägs.

**Så rättar du:** höj `communication_plan.budget`, eller minska aktiviteternas `budget`.
""",
)
def activities_over_budget(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """The sum of activity budgets above the plan's budget."""
    cp = plan.communication_plan
    if cp.budget is None:
        return
    total = sum(a.budget or 0 for a in cp.activities if active(a.status))
    if total > cp.budget:
        yield (
            "communication_plan.budget",
            text("commplan_activities_cost_total_kr", total=total, budget=cp.budget),
        )


#: The parts of the communication plan the workbook describes, and what each asks.
PLAN_PARTS = {
    "background": text("commplan_say_why_plan_needed"),
    "purpose": text("commplan_say_what_communication_syfte"),
    "channels": text("commplan_list_channels_used_kanaler"),
    "messages": text("commplan_write_messages_budskap"),
    "activities": text("commplan_list_activities_aktiviteter"),
    "follow_up": text("commplan_say_how_progress_followed"),
}


@rule(
    "KP505",
    "communication-plan-incomplete",
    Severity.WARNING,
    "The communication plan has background, purpose, goals, messages, channels and activities.",
    """
The workbook (point 17): *"För att verkligen göra rätt saker och få struktur i arbetet
med klusterkampanjerna rekommenderar vi varje bibliotek att tänka utifrån en
kommunikationsplan."* The plan has a background, a purpose, goals for what the groups
should know, feel and do, messages, channels, activities and a follow-up.

**How to fix it:** fill in the part the finding points at.
""",
    summary_sv="Kommunikationsplanen har bakgrund, syfte, mål, budskap, kanaler och aktiviteter.",
    explanation_sv="""
Arbetsboken (punkt 17): *"För att verkligen göra rätt saker och få struktur i arbetet
med klusterkampanjerna rekommenderar vi varje bibliotek att tänka utifrån en
kommunikationsplan."* Planen har bakgrund, syfte, mål för vad grupperna ska veta,
känna och göra, budskap, kanaler, aktiviteter och uppföljning.

**Så rättar du:** fyll i den del fyndet pekar på.
""",
)
def communication_plan_incomplete(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An empty part of the communication plan."""
    cp = plan.communication_plan
    if not plan.campaign.groups and not cp.target_groups:
        # No campaign yet: the plan is not due, KP109 says what to do first.
        return
    for field, message in PLAN_PARTS.items():
        value = getattr(cp, field)
        if (isinstance(value, str) and blank(value)) or not value:
            yield f"communication_plan.{field}", message
    for field, word in (("know", "veta"), ("feel", "känna"), ("do", "göra")):
        if not getattr(cp.goals, field):
            yield (
                f"communication_plan.goals.{field}",
                text("commplan_say_what_groups_should", field=field, word=word),
            )


@rule(
    "KP506",
    "campaign-group-not-in-communication-plan",
    Severity.WARNING,
    "The communication plan addresses every campaign group.",
    """
The communication plan is how the library carries out the cluster campaign; a chosen
campaign group that the plan does not address will not be reached.

**How to fix it:** add the group's id to `communication_plan.target_groups`.
""",
    summary_sv="Kommunikationsplanen vänder sig till varje kampanjgrupp.",
    explanation_sv="""
Kommunikationsplanen är hur biblioteket genomför klusterkampanjen; en vald kampanjgrupp
som planen inte vänder sig till blir inte nådd.

**Så rättar du:** lägg till gruppens id i `communication_plan.target_groups`.
""",
)
def campaign_group_not_in_communication_plan(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A campaign group missing from the communication plan's target groups."""
    addressed = set(plan.communication_plan.target_groups)
    known = group_index(plan)
    for i, chosen in enumerate(plan.campaign.groups):
        if chosen.target_group in known and chosen.target_group not in addressed:
            yield (
                f"campaign.groups[{i}]",
                text("commplan_add_target_group_r", target_group=chosen.target_group),
            )


RULES = (
    plan_without_evaluation,
    activity_without_owner_or_date,
    communication_plan_unknown_target_group,
    activities_over_budget,
    communication_plan_incomplete,
    campaign_group_not_in_communication_plan,
)
