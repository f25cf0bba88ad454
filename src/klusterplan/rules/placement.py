"""KP4xx: the communication staircase and the centre matrix (agenda points 7, 8 and 15)."""

from __future__ import annotations

from collections.abc import Iterator

from .._rule import Hit, RuleContext, Severity, rule
from ..model import Plan

__all__ = ["RULES"]


@rule(
    "KP401",
    "target-group-off-staircase",
    Severity.WARNING,
    "Each target group has a current and a target step on the communication staircase.",
    """
The agenda (point 7): *"Var på kommunikationstrappan befinner målgrupperna sig?"* Where a
group stands today (kännedom, kunskap, attityd, handling, ambassadör) decides what the
communication has to do; the target step says how far the plan means to take it.

**How to fix it:** set `staircase.current` and `staircase.target` of the group to step
ids from `staircase`.
""",
)
def target_group_off_staircase(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group without a current or target step."""
    for j, group in enumerate(plan.target_groups):
        if group.staircase.current is None:
            yield f"target_groups[{j}].staircase.current", "say which step the group is on today"
        if group.staircase.target is None:
            yield f"target_groups[{j}].staircase.target", "say which step the plan aims for"


@rule(
    "KP402",
    "target-group-without-centre",
    Severity.WARNING,
    "Each target group is placed in a centre of the matrix.",
    """
The agenda (point 15): *"Diskutera vilket centra som dominerar er verksamhet och placera in
målgrupperna i rätt ruta."*

**How to fix it:** set the group's `centre` to a centre id (by default `culture`,
`knowledge`, `information` or `social`).
""",
)
def target_group_without_centre(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group not placed in the centre matrix."""
    for j, group in enumerate(plan.target_groups):
        if group.centre is None:
            yield f"target_groups[{j}].centre", "place the group in a centre (rätt ruta)"


@rule(
    "KP403",
    "unknown-centre",
    Severity.ERROR,
    "Target groups and centre profiles name centres the plan has.",
    """
Target groups (`centre`) and the dialogue forum's centre today and tomorrow
(`centres`) refer to the centre matrix by id. An unknown id is left out of the
matrix in every export.

**How to fix it:** use an id listed under `centres`, or add the centre there.
""",
)
def unknown_centre(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A centre id that the plan's matrix lacks."""
    known = {centre.id for centre in plan.centres}
    for j, group in enumerate(plan.target_groups):
        if group.centre is not None and group.centre not in known:
            yield f"target_groups[{j}].centre", f"no centre has the id {group.centre!r}"
    for when in ("centre_today", "centre_tomorrow"):
        profile = getattr(plan.dialogue_forum, when)
        for k, id in enumerate(profile.centres):
            if id not in known:
                yield f"dialogue_forum.{when}.centres[{k}]", f"no centre has the id {id!r}"


@rule(
    "KP404",
    "unknown-staircase-step",
    Severity.ERROR,
    "Target groups name staircase steps the plan has.",
    """
A group's `staircase.current` and `staircase.target` are ids of steps under `staircase`
(by default `awareness`, `knowledge`, `attitude`, `action`, `ambassador`).

**How to fix it:** use a step id from `staircase`, or add the step there.
""",
)
def unknown_staircase_step(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A staircase step id that the plan's staircase lacks."""
    known = {step.id for step in plan.staircase}
    for j, group in enumerate(plan.target_groups):
        for field in ("current", "target"):
            id = getattr(group.staircase, field)
            if id is not None and id not in known:
                yield (
                    f"target_groups[{j}].staircase.{field}",
                    f"no staircase step has the id {id!r}",
                )


@rule(
    "KP405",
    "target-step-behind-current",
    Severity.ERROR,
    "A group's target step is not below the step it is on today.",
    """
The staircase is climbed upwards: from knowing the library exists to recommending it.
A target below the current step would mean the plan aims to lose ground.

**How to fix it:** swap `current` and `target`, or choose a higher target step.
""",
)
def target_step_behind_current(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target step before the current step."""
    order: dict[str, int] = {}
    for n, step in enumerate(plan.staircase):
        order.setdefault(step.id, n)  # a repeated id is KP406's finding, not this rule's
    for j, group in enumerate(plan.target_groups):
        current, target = group.staircase.current, group.staircase.target
        if current in order and target in order and order[target] < order[current]:
            yield (
                f"target_groups[{j}].staircase.target",
                f"the target step {target!r} is below the current step {current!r}",
            )


@rule(
    "KP406",
    "duplicate-matrix-id",
    Severity.ERROR,
    "Centres and staircase steps each have ids of their own.",
    """
Centres and staircase steps are referred to by `id`; two with the same id make the
references ambiguous and the staircase order unclear.

**How to fix it:** give each centre and each step its own `id`.
""",
)
def duplicate_matrix_id(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A repeated centre or step id."""
    ids = {
        "centres": [centre.id for centre in plan.centres],
        "staircase": [step.id for step in plan.staircase],
    }
    for key, values in ids.items():
        seen: set[str] = set()
        for k, id in enumerate(values):
            if id in seen:
                yield f"{key}[{k}].id", f"the id {id!r} is used twice"
            seen.add(id)


RULES = (
    target_group_off_staircase,
    target_group_without_centre,
    unknown_centre,
    unknown_staircase_step,
    target_step_behind_current,
    duplicate_matrix_id,
)
