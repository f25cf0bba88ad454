"""Blocks the plan and the workbook both show.

Value words, the staircase, the centre matrix, the campaign's groups, the
messages and the activities.

Each is built from the plan, every value marked with its path, so that the
plan export shows them and the workbook shows them with room for more.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from .._catalogue import format as _format
from .._model.paths import placement
from ..document import (
    Block,
    Matrix,
    Rows,
    Staircase,
    Table,
)
from ..model import (
    ActionStatus,
    Plan,
)
from .builder import Cell, PlanBuilder, whole

__all__ = [
    "ACTIVITY_COLUMNS",
    "activities_total",
    "activity_rows",
    "campaign_groups",
    "campaign_table",
    "cell",
    "cell_lines",
    "centre_matrix",
    "goal_lists",
    "group_path",
    "message_table",
    "staircase_figure",
    "staircase_table",
    "value_words",
]


def value_words(b: PlanBuilder, key: str = "value-words", more: int = 0) -> Table:
    v = b.plan.values
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, w in enumerate(v.words):
        item = f"values.words[{i}]"
        items.append(item)
        rows.append(
            (
                (w.word.strip(), whole(f"{item}.word", w.word.strip())),
                (w.for_staff.strip(), whole(f"{item}.for_staff", w.for_staff.strip())),
                (
                    w.for_target_groups.strip(),
                    whole(f"{item}.for_target_groups", w.for_target_groups.strip()),
                ),
            )
        )
    if more:
        # the seed's four words to start from, or room for more
        seeds = [] if v.words else [b.t(f"workbook_value_word_{n}") for n in range(1, 5)]
        for word in [*seeds, *[""] * more]:
            rows.append((word, "", ""))
            items.append("")
    return b.table(
        (b.t("value_word"), b.t("for_staff_short"), b.t("for_groups_short")),
        rows,
        (1.5, 4, 4),
        key,
        row_lines=1 if more else 0,
        source=Rows(
            "values.words",
            tuple(items),
            (("word",), ("for_staff",), ("for_target_groups",)),
            key="word",
        ),
    )


def group_path(i: int) -> str:
    return f"target_groups[{i}]"


def staircase_table(b: PlanBuilder) -> Table:
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, g in enumerate(b.plan.target_groups):
        if not (g.staircase.current or g.staircase.target):
            continue
        item = group_path(i)
        items.append(item)
        current, target = b.step_name(g.staircase.current), b.step_name(g.staircase.target)
        rows.append(
            (
                (g.name or g.id, whole(f"{item}.name", g.name or g.id)),
                (current, whole(f"{item}.staircase.current", current)),
                (target, whole(f"{item}.staircase.target", target)),
            )
        )
    return b.table(
        (b.t("target_group"), b.t("current_step"), b.t("target_step")),
        rows,
        (5, 2.5, 2.5),
        "staircase",
        source=Rows(
            "target_groups",
            tuple(items),
            (("name",), ("staircase.current",), ("staircase.target",)),
            key="name",
        ),
    )


def staircase_figure(b: PlanBuilder, write_in: int = 0) -> Staircase:
    """The staircase drawn with the groups standing on each step (or room to place them)."""
    plan = b.plan
    steps = tuple(b.step_label(s) for s in plan.staircase)
    groups = tuple(
        tuple(g.name or g.id for g in plan.target_groups if g.staircase.current == s.id)
        for s in plan.staircase
    )
    nobody = b.t("nobody")
    alt = "; ".join(
        f"{name}: {', '.join(on) or nobody}" for name, on in zip(steps, groups, strict=True)
    )
    return Staircase(
        b.t("staircase_figure"),
        steps,
        groups,
        b.tag,
        write_in,
        f"{b.t('staircase_alt')}. {alt}",
        (b.t("step"), b.t("groups_short")),
        tuple(placement("target_groups[].staircase.current", s.id) for s in plan.staircase),
    )


def centre_matrix(b: PlanBuilder, write_in: int = 0) -> Matrix:
    plan = b.plan
    cells = tuple(
        (b.centre_label(c), tuple(g.name for g in plan.target_groups if g.centre == c.id))
        for c in plan.centres
    )
    nobody = b.t("nobody")
    alt = "; ".join(f"{name}: {', '.join(groups) or nobody}" for name, groups in cells)
    return Matrix(
        b.t("centre_matrix"),
        cells,
        b.tag,
        write_in,
        f"{b.t('centre_matrix')}. {alt}",
        (b.t("centre"), b.t("matrix_groups")),
        tuple(placement("target_groups[].centre", c.id) for c in plan.centres),
    )


def cell(item: str, field: str, value: str) -> Cell:
    text = value.strip()
    return text, whole(f"{item}.{field}", text)


def cell_lines(item: str, field: str, values: Sequence[str]) -> Cell:
    """A list shown in one cell, an item a line."""
    text = "\n".join(v.strip() for v in values)
    return text, whole(f"{item}.{field}", text)


def campaign_groups(b: PlanBuilder) -> list[tuple[int, int | None, str, str]]:
    """(index, priority, the group's name, motivation), the first priority first."""
    groups = sorted(
        enumerate(b.plan.campaign.groups),
        key=lambda ig: (ig[1].priority is None, ig[1].priority or 0),
    )
    return [(i, g.priority, b.group_name(g.target_group), g.motivation) for i, g in groups]


def goal_lists(b: PlanBuilder) -> list[Block]:
    goals = b.plan.communication_plan.goals
    base = "communication_plan.goals"
    return [
        b.bullets("know", goals.know, path=f"{base}.know"),
        b.bullets("feel", goals.feel, path=f"{base}.feel"),
        b.bullets("do", goals.do, path=f"{base}.do"),
    ]


def message_table(b: PlanBuilder, key: str, more: int = 0) -> Table:
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, m in enumerate(b.plan.communication_plan.messages):
        item = f"communication_plan.messages[{i}]"
        items.append(item)
        group = b.group_name(m.target_group) if m.target_group else b.t("all_groups")
        rows.append(((group, whole(f"{item}.target_group", group)), cell(item, "text", m.text)))
    for _ in range(more):
        rows.append(("", ""))
        items.append("")
    return b.table(
        (b.t("target_group"), b.t("messages")),
        rows,
        (3, 7),
        key,
        row_lines=1 if more else 0,
        source=Rows("communication_plan.messages", tuple(items), (("target_group",), ("text",))),
    )


ACTIVITY_COLUMNS = (
    ("date",),
    ("what",),
    ("channel",),
    ("target_groups",),
    ("responsible",),
    ("budget",),
    ("status",),
)


def activity_rows(b: PlanBuilder) -> list[tuple[str, tuple[Cell, ...]]]:
    """Each activity's item path and cells, by date.

    The cells are: when, what, channel, groups, who, cost, status.
    """
    cp = b.plan.communication_plan
    out = []
    order = sorted(
        enumerate(cp.activities), key=lambda ia: (ia[1].date is None, ia[1].date or _dt.date.min)
    )
    for i, a in order:
        item = f"communication_plan.activities[{i}]"
        cells: tuple[Cell, ...] = (
            cell(item, "date", _format.day(a.date)),
            cell(item, "what", a.what),
            cell(item, "channel", a.channel),
            cell(item, "target_groups", b.group_names(a.target_groups)),
            cell(item, "responsible", a.responsible),
            cell(item, "budget", _format.kronor(a.budget, b.lang)),
            cell(item, "status", b.status(a.status)),
        )
        out.append((item, cells))
    return out


def activities_total(plan: Plan) -> int:
    """What the activities cost together, dropped ones left out."""
    return sum(
        a.budget or 0
        for a in plan.communication_plan.activities
        if a.status is not ActionStatus.DROPPED
    )


def campaign_table(b: PlanBuilder, key: str, *, priority: bool, more: int = 0) -> Table:
    """The campaign's groups: (priority,) group, motivation; and room for more."""
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, p, name, why in campaign_groups(b):
        item = f"campaign.groups[{i}]"
        first: tuple[Cell, ...] = (
            (cell(item, "priority", "" if p is None else str(p)),) if priority else ()
        )
        rows.append(
            (*first, (name, whole(f"{item}.target_group", name)), cell(item, "motivation", why))
        )
        items.append(item)
    for _ in range(more):
        rows.append(("",) * (3 if priority else 2))
        items.append("")
    headers: tuple[str, ...] = (b.t("target_group"), b.t("motivation"))
    columns: tuple[tuple[str, ...], ...] = (("target_group",), ("motivation",))
    if priority:
        headers = (b.t("priority"), *headers)
        columns = (("priority",), *columns)
    return b.table(
        headers,
        rows,
        (1, 3, 6) if priority else (3, 7),
        key,
        row_lines=1 if more else 0,
        source=Rows("campaign.groups", tuple(items), columns, key="target_group"),
    )
