"""Kalmar kommun's rules for its libraries' plans, codes ``KAL101``–``KAL103``.

The rules apply to plans whose ``library.municipality`` is the configured
municipality (``Kalmar kommun`` by default), so a region can install several
municipalities' packs side by side. Settings, in ``pyproject.toml`` or
``klusterplan.toml`` beside the plans::

    [tool.klusterplan.plugins.kalmar]
    municipality = "Kalmar kommun"   # whose plans these rules check
    budget_ceiling = 40000           # kronor, the most a local campaign may cost
    staff = ["bibliotekschef", "utvecklingsledare", "bibliotekarie"]
    accessibility_words = ["tillgänglig", "lättläst", "teckenspråk"]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from klusterplan import Hit, Rule, RuleContext, Severity, hookimpl, rule
from klusterplan.model import ActionStatus, Plan

__all__ = ["DEFAULTS", "RULES", "register_rules"]

#: The settings used where the user's configuration says nothing.
DEFAULTS: Mapping[str, Any] = {
    "municipality": "Kalmar kommun",
    "budget_ceiling": 40000,
    "staff": [],
    "accessibility_words": ["tillgänglig", "lättläst", "teckenspråk", "storstil", "talbok"],
}


def _setting(context: RuleContext, key: str) -> Any:
    return context.config.get(key, DEFAULTS[key])


def _applies(plan: Plan, context: RuleContext) -> bool:
    wanted = str(_setting(context, "municipality")).strip().casefold()
    return wanted in ("", "*") or plan.library.municipality.strip().casefold() == wanted


@rule(
    "KAL101",
    "accessibility-statement-missing",
    Severity.ERROR,
    "The communication plan says how its communication is made accessible.",
    """
Kalmar kommun's communication policy asks every plan for public communication to say how
it is made accessible (*tillgänglighet*): easy-to-read Swedish, large print, sign
language or other formats, so that everyone in the municipality can take part.

**How to fix it:** write in `communication_plan.resources`, `purpose` or `background`
how the communication is made accessible, or list an accessible channel (for example
"Lättläst folder") under `communication_plan.channels`. The words looked for are set by
`accessibility_words` in `[tool.klusterplan.plugins.kalmar]`.
""",
)
def accessibility_statement_missing(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No accessibility statement anywhere in the communication plan."""
    if not _applies(plan, context):
        return
    cp = plan.communication_plan
    words: Sequence[str] = _setting(context, "accessibility_words")
    texts = [cp.background, cp.purpose, cp.resources, cp.follow_up, *cp.channels]
    texts += [message.text for message in cp.messages]
    haystack = " ".join(texts).casefold()
    if not any(word.casefold() in haystack for word in words):
        yield (
            "communication_plan",
            "say how the communication is made accessible (tillgänglighet), "
            "e.g. easy-to-read Swedish or large print",
        )


@rule(
    "KAL102",
    "budget-over-ceiling",
    Severity.ERROR,
    "The communication plan's budget is set and within the municipality's ceiling.",
    """
Kalmar kommun caps what one library's local campaign may cost without a decision by
the culture and leisure committee (*kultur- och fritidsnämnden*). The ceiling is set
by `budget_ceiling` (kronor) in `[tool.klusterplan.plugins.kalmar]`, 40 000 kr by default.

**How to fix it:** set `communication_plan.budget` within the ceiling, or bring the plan
to the committee and raise the ceiling in the settings once it has decided.
""",
)
def budget_over_ceiling(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No budget, or a budget above the ceiling."""
    if not _applies(plan, context):
        return
    ceiling = int(_setting(context, "budget_ceiling"))
    budget = plan.communication_plan.budget
    if budget is None:
        yield "communication_plan.budget", "set the plan's budget in whole kronor"
    elif budget > ceiling:
        yield (
            "communication_plan.budget",
            f"the budget of {budget} kr is above Kalmar kommun's ceiling of {ceiling} kr",
        )


@rule(
    "KAL103",
    "owner-not-on-staff-list",
    Severity.WARNING,
    "Each action and activity is owned by a role from the library's staff list.",
    """
Kalmar kommun follows up actions by role, not by person, so that work is not lost when
someone leaves. Each action's and activity's `responsible` must name a role from the
staff list in `[tool.klusterplan.plugins.kalmar] staff = [...]`, e.g.
"Anna Bergström, bibliotekschef". Without a staff list the rule checks nothing.

**How to fix it:** name the role in `responsible`, or add the role to the staff list.
""",
)
def owner_not_on_staff_list(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A responsible person whose role is not on the configured staff list."""
    staff = [str(role).casefold() for role in _setting(context, "staff")]
    if not staff or not _applies(plan, context):
        return
    owners = [
        (f"actions[{i}].responsible", action.responsible, action.status)
        for i, action in enumerate(plan.actions)
    ]
    owners += [
        (f"communication_plan.activities[{i}].responsible", activity.responsible, activity.status)
        for i, activity in enumerate(plan.communication_plan.activities)
    ]
    for path, responsible, status in owners:
        # Empty owners are the built-in KP201/KP502's business; dropped work needs none.
        if status is ActionStatus.DROPPED or not responsible.strip():
            continue
        if not any(role in responsible.casefold() for role in staff):
            yield path, f"{responsible!r} names no role from the staff list"


RULES: tuple[Rule, ...] = (
    accessibility_statement_missing,
    budget_over_ceiling,
    owner_not_on_staff_list,
)


@hookimpl
def register_rules() -> list[Rule]:
    """Kalmar kommun's rules."""
    return list(RULES)
