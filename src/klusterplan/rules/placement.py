"""KP4xx: the communication staircase and the centre matrix (agenda points 7, 8 and 15)."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._catalogue.text import Text, valid_ids_text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Plan

__all__ = ["RULES"]


def unknown_id(kind: str, value: str, plan: Plan) -> Text:
    """The message for an unknown centre or step id: the valid ids and the nearest."""
    if kind == "centre":
        return valid_ids_text("centre", "ett centrum", value, [c.id for c in plan.centres if c.id])
    ids = [s.id for s in plan.staircase if s.id]
    return valid_ids_text("staircase step", "ett trappsteg", value, ids)


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
    summary_sv="Varje målgrupp har ett nuvarande steg och ett målsteg på kommunikationstrappan.",
    explanation_sv="""
Dagordningen (punkt 7): *"Var på kommunikationstrappan befinner målgrupperna sig?"* Var
en grupp står i dag (kännedom, kunskap, attityd, handling, ambassadör) avgör vad
kommunikationen måste göra; målsteget säger hur långt planen vill ta den.

**Så rättar du:** sätt gruppens `staircase.current` och `staircase.target` till id för
steg i `staircase` (eller stegens namn, t.ex. `kännedom`).
""",
)
def target_group_off_staircase(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group without a current or target step."""
    for j, group in enumerate(plan.target_groups):
        if group.staircase.current is None:
            yield (
                f"target_groups[{j}].staircase.current",
                text("placement_say_which_step_group"),
            )
        if group.staircase.target is None:
            yield (
                f"target_groups[{j}].staircase.target",
                text("placement_say_which_step_plan"),
            )


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
    summary_sv="Varje målgrupp är placerad i ett centrum i matrisen.",
    explanation_sv="""
Dagordningen (punkt 15): *"Diskutera vilket centra som dominerar er verksamhet och
placera in målgrupperna i rätt ruta."*

**Så rättar du:** sätt gruppens `centre` till ett centrum-id (som standard `culture`,
`knowledge`, `information` eller `social`; namnen, t.ex. `socialt`, går också).
""",
)
def target_group_without_centre(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group not placed in the centre matrix."""
    for j, group in enumerate(plan.target_groups):
        if group.centre is None:
            yield (
                f"target_groups[{j}].centre",
                text("placement_place_group_centre_r"),
            )


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
    summary_sv="Målgrupper och centrumprofiler anger centrum som finns i planen.",
    explanation_sv="""
Målgrupper (`centre`) och dialogforumets centrum i dag och i morgon (`centres`)
hänvisar till centrummatrisen med id. Ett okänt id utelämnas ur matrisen i alla
exporter.

**Så rättar du:** använd ett id som finns under `centres`, eller lägg till centrumet
där. Meddelandet listar de id som finns och föreslår det närmaste.
""",
)
def unknown_centre(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A centre id that the plan's matrix lacks."""
    known = {centre.id for centre in plan.centres}
    for j, group in enumerate(plan.target_groups):
        if group.centre is not None and group.centre not in known:
            yield f"target_groups[{j}].centre", unknown_id("centre", group.centre, plan)
    for when in ("centre_today", "centre_tomorrow"):
        profile = getattr(plan.dialogue_forum, when)
        for k, id in enumerate(profile.centres):
            if id not in known:
                yield f"dialogue_forum.{when}.centres[{k}]", unknown_id("centre", id, plan)


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
    summary_sv="Målgrupper anger trappsteg som finns i planen.",
    explanation_sv="""
En grupps `staircase.current` och `staircase.target` är id för steg under `staircase`
(som standard `awareness`, `knowledge`, `attitude`, `action`, `ambassador`).

**Så rättar du:** använd ett steg-id från `staircase`, eller lägg till steget där.
Meddelandet listar de id som finns och föreslår det närmaste.
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
                    unknown_id("step", id, plan),
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
    summary_sv="En grupps målsteg ligger inte under steget den står på i dag.",
    explanation_sv="""
Trappan går uppåt: från att veta att biblioteket finns till att rekommendera det. Ett
mål under nuvarande steg skulle betyda att planen siktar på att tappa mark.

**Så rättar du:** byt plats på `current` och `target`, eller välj ett högre målsteg.
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
                text("placement_target_step_target_r", target=target, current=current),
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
    summary_sv="Centrum och trappsteg har var sitt eget id.",
    explanation_sv="""
Centrum och trappsteg hänvisas till med `id`; två med samma id gör hänvisningarna
tvetydiga och trappans ordning oklar.

**Så rättar du:** ge varje centrum och varje steg ett eget `id`.
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
                yield (
                    f"{key}[{k}].id",
                    text("placement_id_id_r_used", id=id),
                )
            seen.add(id)


RULES = (
    target_group_off_staircase,
    target_group_without_centre,
    unknown_centre,
    unknown_staircase_step,
    target_step_behind_current,
    duplicate_matrix_id,
)
