"""KP2xx: the ATT GÖRA tables of immediate and long-term actions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Horizon, Plan
from ._util import active, blank

__all__ = ["RULES"]

#: The workbook's tables have ten numbered rows each.
TABLE_ROWS = 10
HORIZON_SV = {Horizon.IMMEDIATE: "att göra omgående", Horizon.LONG_TERM: "på längre sikt"}


def _empty_column(plan: Plan, field: str, message: str) -> Iterator[Hit]:
    """A hit for each action still to be done whose ``field`` column is empty."""
    for i, action in enumerate(plan.actions):
        if active(action.status) and blank(getattr(action, field)):
            yield f"actions[{i}].{field}", message


@rule(
    "KP201",
    "action-without-responsible",
    Severity.ERROR,
    "Each action names who is responsible.",
    """
The workbook's ATT GÖRA table: *"Lista vad som ska göras, ansvar och roller."* An
action nobody owns does not happen. Dropped actions are not checked.

**How to fix it:** set the action's `responsible` to a person or a role, and list
the others involved under `roles`.
""",
    summary_sv="Varje åtgärd anger vem som är ansvarig.",
    explanation_sv="""
Arbetsbokens ATT GÖRA-tabell: *"Lista vad som ska göras, ansvar och roller."* En
åtgärd som ingen äger blir inte av. Strukna åtgärder kontrolleras inte.

**Så rättar du:** sätt åtgärdens `responsible` till en person eller en roll, och lista
de andra som är med under `roles`.
""",
)
def action_without_responsible(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with no one responsible."""
    return _empty_column(
        plan,
        "responsible",
        text("actions_say_who_responsible_action"),
    )


@rule(
    "KP202",
    "action-without-organisational-consequence",
    Severity.WARNING,
    "Each action says what it means for the organisation.",
    """
The ATT GÖRA table's second column: *"Organisatoriska konsekvenser — Vilka
konsekvenser får det för org.?"* Staff time, money and cooperation have to be found
before an action can start.

**How to fix it:** write the action's `organisational_consequence`.
""",
    summary_sv="Varje åtgärd säger vad den innebär för organisationen.",
    explanation_sv="""
ATT GÖRA-tabellens andra kolumn: *"Organisatoriska konsekvenser — Vilka konsekvenser
får det för org.?"* Personaltid, pengar och samarbeten måste finnas innan en åtgärd
kan börja.

**Så rättar du:** skriv åtgärdens `organisational_consequence`.
""",
)
def action_without_organisational_consequence(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty organisational-consequence column."""
    return _empty_column(
        plan,
        "organisational_consequence",
        text("actions_say_what_action_means"),
    )


@rule(
    "KP203",
    "action-without-communicative-consequence",
    Severity.WARNING,
    "Each action says what it means for communication.",
    """
The ATT GÖRA table's third column: *"Kommunikativa konsekvenser — Vilka konsekvenser
får det för kommunikationen?"* An action the target groups never hear of changes
little.

**How to fix it:** write the action's `communicative_consequence`.
""",
    summary_sv="Varje åtgärd säger vad den innebär för kommunikationen.",
    explanation_sv="""
ATT GÖRA-tabellens tredje kolumn: *"Kommunikativa konsekvenser — Vilka konsekvenser
får det för kommunikationen?"* En åtgärd som målgrupperna aldrig hör talas om ändrar
lite.

**Så rättar du:** skriv åtgärdens `communicative_consequence`.
""",
)
def action_without_communicative_consequence(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty communicative-consequence column."""
    return _empty_column(
        plan,
        "communicative_consequence",
        text("actions_say_what_action_means_2"),
    )


@rule(
    "KP204",
    "action-table-overfull",
    Severity.INFO,
    "Each ATT GÖRA table has at most ten actions.",
    """
The workbook gives each table, immediate actions and long-term actions, ten numbered
rows. More than ten usually means the list has not been prioritised yet; the Word
workbook export also has room for only ten.

**How to fix it:** merge related actions, or drop the least important ones.
""",
    summary_sv="Varje ATT GÖRA-tabell har högst tio åtgärder.",
    explanation_sv="""
Arbetsboken ger varje tabell, omgående åtgärder och åtgärder på längre sikt, tio
numrerade rader. Fler än tio betyder oftast att listan inte är prioriterad än;
arbetsboken i Word har också bara plats för tio.

**Så rättar du:** slå ihop närliggande åtgärder, eller stryk de minst viktiga.
""",
)
def action_table_overfull(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """More than ten actions of one horizon; the eleventh is pointed at."""
    counts: Counter[Horizon] = Counter()
    for i, action in enumerate(plan.actions):
        counts[action.horizon] += 1
        if counts[action.horizon] == TABLE_ROWS + 1:
            total = sum(1 for a in plan.actions if a.horizon is action.horizon)
            yield (
                f"actions[{i}]",
                text(
                    "actions_total_value_actions_workbook",
                    total=total,
                    value=action.horizon.value,
                    table_rows=TABLE_ROWS,
                    horizon_sv=HORIZON_SV[action.horizon],
                ),
            )


@rule(
    "KP205",
    "action-without-what",
    Severity.ERROR,
    "Each action says what is to be done.",
    """
The ATT GÖRA table's first column: *"Ex på vad vi kan göra för X direkt"* and *"Lista
ex vad som ska göras på sikt"*. A row without it is empty.

**How to fix it:** write the action's `what`, or remove the row.
""",
    summary_sv="Varje åtgärd säger vad som ska göras.",
    explanation_sv="""
ATT GÖRA-tabellens första kolumn: *"Ex på vad vi kan göra för X direkt"* och *"Lista
ex vad som ska göras på sikt"*. En rad utan den är tom.

**Så rättar du:** skriv åtgärdens `what`, eller ta bort raden.
""",
)
def action_without_what(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty ``what``."""
    for i, action in enumerate(plan.actions):
        if blank(action.what):
            yield (
                f"actions[{i}].what",
                text("actions_say_what_done"),
            )


@rule(
    "KP206",
    "action-without-target-group",
    Severity.WARNING,
    "Each action names the target groups it is for.",
    """
The workbook's ATT GÖRA table asks what the library can do *"för X"*: for a target
group. Naming the groups links actions to the campaign and the personas.

**How to fix it:** list the target-group ids under the action's `target_groups`.
""",
    summary_sv="Varje åtgärd anger vilka målgrupper den är till för.",
    explanation_sv="""
Arbetsbokens ATT GÖRA-tabell frågar vad biblioteket kan göra *"för X"*: för en
målgrupp. Att ange grupperna knyter åtgärderna till kampanjen och personorna.

**Så rättar du:** lista målgruppernas id under åtgärdens `target_groups`.
""",
)
def action_without_target_group(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action for no target group, in a plan that has target groups."""
    if not plan.target_groups:
        return
    for i, action in enumerate(plan.actions):
        if active(action.status) and not action.target_groups:
            yield (
                f"actions[{i}].target_groups",
                text("actions_name_target_groups_action"),
            )


RULES = (
    action_without_responsible,
    action_without_organisational_consequence,
    action_without_communicative_consequence,
    action_table_overfull,
    action_without_what,
    action_without_target_group,
)
