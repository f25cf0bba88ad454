"""KP2xx: the ATT GÖRA tables of immediate and long-term actions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .._rule import Hit, RuleContext, Severity, rule
from ..model import Horizon, Plan
from ._util import active, blank

__all__ = ["RULES"]

#: The workbook's tables have ten numbered rows each.
TABLE_ROWS = 10


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
)
def action_without_responsible(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with no one responsible."""
    return _empty_column(plan, "responsible", "say who is responsible for this action (ansvar)")


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
)
def action_without_organisational_consequence(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty organisational-consequence column."""
    return _empty_column(
        plan, "organisational_consequence", "say what the action means for the organisation"
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
)
def action_without_communicative_consequence(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty communicative-consequence column."""
    return _empty_column(
        plan, "communicative_consequence", "say what the action means for communication"
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
                f"{total} {action.horizon.value} actions; the workbook's table has "
                f"{TABLE_ROWS} rows",
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
)
def action_without_what(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action with an empty ``what``."""
    for i, action in enumerate(plan.actions):
        if blank(action.what):
            yield f"actions[{i}].what", "say what is to be done"


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
)
def action_without_target_group(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An action for no target group, in a plan that has target groups."""
    if not plan.target_groups:
        return
    for i, action in enumerate(plan.actions):
        if active(action.status) and not action.target_groups:
            yield f"actions[{i}].target_groups", "name the target groups the action is for"


RULES = (
    action_without_responsible,
    action_without_organisational_consequence,
    action_without_communicative_consequence,
    action_table_overfull,
    action_without_what,
    action_without_target_group,
)
