"""The sections of a plan, in the workbook's order: one list for every kind of document.

:data:`SECTIONS` declares each section once: its key, and how it appears

- in the **plan** (:class:`Part`): heading, level and the blocks it builds from
  the plan; a section with nothing to show is left out, a chapter with nothing
  left under it too;
- in the **workbook** (:class:`Ask`): heading, level, the seed's question and
  notes, what the plan already answers and the writing space left when it
  answers nothing yet.

:func:`build_document` walks the list in one mode. The blank workbook is the
workbook of an empty plan, so no builder needs to know whether a plan exists.
"""

from __future__ import annotations

import datetime as _dt
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from .._catalogue import format as _format
from .._catalogue.labels import enum_label, label
from .._model.paths import placement
from ..document import (
    DENSE_COLUMNS,
    LONG_FIELD,
    WIDE_COLUMNS,
    Block,
    BulletList,
    Chart,
    Document,
    Field,
    Fields,
    Mark,
    Marks,
    Matrix,
    Mode,
    Paragraph,
    Quote,
    Rows,
    Section,
    Staircase,
    Table,
    WritingSpace,
    has_content,
)
from ..model import (
    DEFAULT_CENTRES,
    DEFAULT_STAIRCASE,
    Action,
    ActionStatus,
    Centre,
    CentreProfile,
    Horizon,
    Language,
    Persona,
    Plan,
    Segment,
    Step,
    TargetGroup,
)
from . import design as _design
from .metrics import fit_columns

__all__ = [
    "SECTIONS",
    "WORKBOOK_ROWS",
    "Ask",
    "Part",
    "SectionSpec",
    "build_document",
    "document_date",
]

#: Numbered writing rows in each ATT GÖRA table of the workbook, as in the seed.
WORKBOOK_ROWS = 10

#: The eight groups the dialogue forum voted for, with their votes (the seed).
_SEED_GROUPS: tuple[tuple[str, int], ...] = (
    ("workbook_group_1", 8),
    ("workbook_group_2", 9),
    ("workbook_group_3", 7),
    ("workbook_group_4", 9),
    ("workbook_group_5", 8),
    ("workbook_group_6", 8),
    ("workbook_group_7", 9),
    ("workbook_group_8", 7),
)


def document_date(plan: Plan) -> _dt.date | None:
    """The document date: the plan's own, else ``SOURCE_DATE_EPOCH``, else none."""
    if plan.library.date is not None:
        return plan.library.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return None


Cell = str | tuple[str, Marks]
"""A table cell or list item: its text, or its text with the plan values it shows."""


def whole(path: str, text: str) -> Marks:
    """A mark over all of ``text``; none without a path."""
    return (Mark(path, 0, len(text)),) if path else ()


def compose(*parts: str | tuple[str, str]) -> tuple[str, Marks]:
    """Text built from pieces: plain text, or ``(value, path)`` for a plan value."""
    text = ""
    marks: list[Mark] = []
    for part in parts:
        if isinstance(part, tuple):
            value, path = part
            marks.append(Mark(path, len(text), len(text) + len(value)))
            text += value
        else:
            text += part
    return text, tuple(marks)


def _text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell[0]


def _marks(cell: Cell) -> Marks:
    return () if isinstance(cell, str) else cell[1]


def _long(text: str) -> bool:
    return "\n\n" in text or len(text) > LONG_FIELD


class Builder:
    """What every section's blocks are built with: the plan, the languages, the helpers."""

    def __init__(
        self, plan: Plan, language: Language, mode: Mode, large_print: bool = False
    ) -> None:
        self.plan = plan
        self.large_print = large_print
        self.lang = language
        """The reader's language, of every label."""
        self.text_lang = plan.language
        """The language of the plan's own text."""
        self.mode = mode

    @property
    def tag(self) -> Language | None:
        """How plan text is marked in a block: ``None`` when it is in the reader's language."""
        return None if self.text_lang is self.lang else self.text_lang

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def para(self, text: str, path: str = "") -> Paragraph:
        value = text.strip()
        return Paragraph(value, self.tag, marks=whole(path, value))

    def field(self, key: str, value: Cell | int | None, path: str = "") -> Field | None:
        if value is None or value == "" or (isinstance(value, tuple) and not value[0].strip()):
            return None
        if isinstance(value, tuple):
            return Field(self.t(key), value[0], _long(value[0]), value[1])
        text = str(value).strip()
        return Field(self.t(key), text, _long(text), whole(path, text))

    def fields(
        self, *items: tuple[str, Cell | int | None] | tuple[str, Cell | int | None, str]
    ) -> Fields:
        found = (self.field(*item) for item in items)
        return Fields(tuple(f for f in found if f), self.tag)

    def pairs(self, items: Iterable[tuple[str, str, str, str]]) -> Fields:
        """Fields whose labels are plan text too: (name, value, the name's path, the value's)."""
        out = []
        for name, value, name_path, value_path in items:
            text = value.strip()
            out.append(
                Field(name, text, _long(text), whole(value_path, text), whole(name_path, name))
            )
        return Fields(tuple(out), self.tag)

    def bullets(
        self, key: str, items: Sequence[str], *, ordered: bool = False, path: str = ""
    ) -> BulletList:
        """A list of the plan's text; with ``path`` each item is marked as ``path[i]``."""
        texts = tuple(i.strip() for i in items)
        marks = tuple(whole(f"{path}[{n}]", t) for n, t in enumerate(texts)) if path else ()
        return BulletList(
            texts, self.t(key) if key else "", ordered, self.tag, path=path, marks=marks
        )

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
        key: str,
        *,
        caption: str = "",
        row_lines: int = 0,
        keep_together: bool = False,
        align: Sequence[str] = (),
        footer: Sequence[str] = (),
        landscape: bool | None = None,
        source: Rows | None = None,
    ) -> Table:
        """A table, its layout decided from its shape once for every format.

        ``source`` says which plan list the rows show, its items one a row (as
        many as the rows, ``""`` for a row to fill); the cells' marks are filled in here.
        """
        columns = len(headers)
        cells = [tuple(row) for row in rows]
        body = tuple(tuple(_text(c) for c in row) for row in cells)
        if source is not None:
            source = attrs.evolve(
                source, marks=tuple(tuple(_marks(c) for c in row) for row in cells)
            )
        dense = columns >= DENSE_COLUMNS
        size = _design.size("small" if dense else "table", self.large_print)
        measured = [*body, tuple(footer)] if footer else list(body)

        def fits(wide: bool) -> bool:
            room = _design.text_width(wide)
            return fit_columns(headers, measured, widths, room, size) is not None

        records = False
        if self.large_print and not row_lines:
            # at 16 pt a table either fits a portrait page or becomes one record a row
            records, landscape = not fits(False), False
        elif landscape is None:
            landscape = columns >= WIDE_COLUMNS or not fits(False)
        return Table(
            tuple(headers),
            body,
            tuple(widths),
            caption,
            key,
            row_lines,
            self.tag,
            landscape=landscape,
            dense=dense,
            records=records,
            keep_together=keep_together,
            align=tuple(align),
            footer=tuple(footer),
            source=source,
        )

    def status(self, status: ActionStatus) -> str:
        return enum_label(status, self.lang)

    def group_name(self, id: str) -> str:
        return self.plan.group_name(id)

    def group_names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.plan.group_name(i) for i in ids)

    def step_name(self, id: str | None) -> str:
        found = self.plan.step(id) if id else None
        return self.step_label(found) if found else (id or "")

    def step_label(self, step: Step) -> str:
        """A step's name; a built-in step's in the reader's language."""
        return self.t(f"step_{step.id}") if step in DEFAULT_STAIRCASE else step.name

    def step_text(self, step: Step) -> str:
        """A step's description; a built-in step's in the reader's language."""
        return self.t(f"step_{step.id}_text") if step in DEFAULT_STAIRCASE else step.description

    def centre_label(self, centre: Centre) -> str:
        """A centre's name; a built-in centre's in the reader's language."""
        return self.t(f"centre_{centre.id}") if centre in DEFAULT_CENTRES else centre.name

    def centre_name(self, id: str) -> str:
        found = self.plan.centre(id)
        return self.centre_label(found) if found else id

    def profile(self, profile: CentreProfile, path: str) -> tuple[str, Marks]:
        """The centres (the dominant first, said in words) and the description."""
        names = ", ".join(self.centre_name(i) for i in profile.centres)
        order = f" ({self.t('priority_order')})" if len(profile.centres) > 1 else ""
        description = profile.description.strip()
        parts: list[str | tuple[str, str]] = []
        if names:
            parts += [(names, f"{path}.centres"), order]
        if names and description:
            parts.append("\n\n")
        if description:
            parts.append((description, f"{path}.description"))
        return compose(*parts)

    def segment(self, segment: Segment | None) -> str:
        return enum_label(segment, self.lang) if segment else ""


Blocks = Callable[[Builder], Iterable[Block | None]]
Title = str | Callable[[Builder], str]


@attrs.frozen
class Part:
    """How a section appears in the plan."""

    title: Title
    """A label key, or a function of the builder for a title built from the plan."""
    level: int
    blocks: Blocks = lambda b: ()
    front: bool = False
    """Printed between the cover and the contents (the summary)."""
    appendix: bool = False
    """Printed after everything else, with its subsections (the personas)."""


@attrs.frozen
class Ask:
    """How a section appears in the workshop workbook."""

    title: Title
    level: int
    notes: tuple[str, ...] = ()
    """Label keys of the seed's text printed under the heading, before the answer."""
    answer: Blocks | None = None
    """What the plan already answers; ``None`` uses the plan's blocks."""
    lines: int = 4
    """Handwriting lines left when the plan answers nothing; 0 for a heading only."""
    build: Callable[[Builder], Iterable[Block]] | None = None
    """Builds the whole body instead, for a section of several questions."""
    path: str = ""
    """The plan value the answer fills: what is written in its room goes there."""


@attrs.frozen
class SectionSpec:
    """One section of the workbook, in the plan and in the workbook."""

    key: str
    plan: Part | None = None
    workbook: Ask | None = None
    each: Callable[[Builder], Iterable[Section]] | None = None
    """Plan-only subsections repeated from the plan (one per target group)."""


def _title(title: Title, b: Builder) -> str:
    return title(b) if callable(title) else b.t(title)


def _kept(blocks: Iterable[Block | None]) -> tuple[Block, ...]:
    return tuple(x for x in blocks if x is not None and has_content(x))


#: Handwriting lines left under a pre-filled answer, to amend it at the workshop.
AMEND_LINES = 2
#: Empty rows a workbook table leaves for more, under what the plan already has.
MORE_ROWS = 2


def answer(
    b: Builder, filled: Iterable[Block | None], lines: int, prompt: str = "", path: str = ""
) -> list[Block]:
    """What the plan says, with room to amend it, or room to write when it says nothing yet.

    The room is for the value at ``path``: what is written there adds to it.
    """
    kept = list(_kept(filled))
    if kept:
        head: list[Block] = [Paragraph(prompt, prompt=True)] if prompt else []
        return [*head, *kept, WritingSpace(AMEND_LINES, path=path)] if lines else [*head, *kept]
    return [WritingSpace(lines, prompt, path)] if lines else []


def several(
    b: Builder, filled: Iterable[Block | None], asks: Sequence[tuple[str, str, int, bool]]
) -> list[Block]:
    """A question of several values: what the plan has, and room for each it lacks.

    ``asks`` are (label key, path, lines, whether the plan has it). The room
    left under what the plan has belongs to no single value: on paper it is
    for notes, and text typed there in Word is reported rather than read.
    """
    kept = list(_kept(filled))
    out: list[Block] = [*kept]
    out += [WritingSpace(lines, b.t(key), path) for key, path, lines, has in asks if not has]
    if kept:
        out.append(WritingSpace(AMEND_LINES))
    return out


def _agenda(n: int) -> Title:
    return lambda b: f"{n}. {b.t(f'workbook_agenda_{n}')}"


# -- blocks shared by the plan and the workbook ---------------------------------


def _value_words(b: Builder, key: str = "value-words", more: int = 0) -> Table:
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


def _group(i: int) -> str:
    return f"target_groups[{i}]"


def _staircase_table(b: Builder) -> Table:
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, g in enumerate(b.plan.target_groups):
        if not (g.staircase.current or g.staircase.target):
            continue
        item = _group(i)
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


def _staircase_figure(b: Builder, write_in: int = 0) -> Staircase:
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


def _matrix(b: Builder, write_in: int = 0) -> Matrix:
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


def _seed_names(b: Builder) -> list[str]:
    """The workbook's eight groups, for tables to fill in a blank workbook."""
    return [b.t(key) for key, _ in _SEED_GROUPS]


def _group_sheet(
    b: Builder,
    key: str,
    headers: Sequence[str],
    widths: Sequence[float],
    fields: Sequence[str],
    cells: Callable[[TargetGroup, str], Sequence[Cell]],
    *,
    only: Callable[[TargetGroup], bool] = lambda g: True,
    more: int = MORE_ROWS,
    seeds: bool = True,
) -> Table:
    """A workbook table with a row per target group: the group's name, then ``fields``.

    A blank workbook lists the seed's eight groups to fill in (``seeds``);
    ``more`` empty rows are left for groups not yet named.
    """
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, g in enumerate(b.plan.target_groups):
        if not only(g):
            continue
        item = _group(i)
        items.append(item)
        name = g.name or g.id
        rows.append(((name, whole(f"{item}.name", name)), *cells(g, item)))
    empty = ("",) * len(fields)
    if not b.plan.target_groups and seeds:
        for name in _seed_names(b):
            rows.append((name, *empty))
            items.append("")
    for _ in range(more):
        rows.append(("", *empty))
        items.append("")
    return b.table(
        headers,
        rows,
        widths,
        key,
        row_lines=1,
        source=Rows(
            "target_groups",
            tuple(items),
            (("name",), *((f,) for f in fields)),
            key="name",
        ),
    )


def _cell(item: str, field: str, value: str) -> Cell:
    text = value.strip()
    return text, whole(f"{item}.{field}", text)


def _lines(item: str, field: str, values: Sequence[str]) -> Cell:
    """A list shown in one cell, an item a line."""
    text = "\n".join(v.strip() for v in values)
    return text, whole(f"{item}.{field}", text)


def _campaign_groups(b: Builder) -> list[tuple[int, int | None, str, str]]:
    """(index, priority, the group's name, motivation), the first priority first."""
    groups = sorted(
        enumerate(b.plan.campaign.groups),
        key=lambda ig: (ig[1].priority is None, ig[1].priority or 0),
    )
    return [(i, g.priority, b.group_name(g.target_group), g.motivation) for i, g in groups]


def _goals(b: Builder) -> list[Block]:
    goals = b.plan.communication_plan.goals
    base = "communication_plan.goals"
    return [
        b.bullets("know", goals.know, path=f"{base}.know"),
        b.bullets("feel", goals.feel, path=f"{base}.feel"),
        b.bullets("do", goals.do, path=f"{base}.do"),
    ]


def _message_table(b: Builder, key: str, more: int = 0) -> Table:
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, m in enumerate(b.plan.communication_plan.messages):
        item = f"communication_plan.messages[{i}]"
        items.append(item)
        group = b.group_name(m.target_group) if m.target_group else b.t("all_groups")
        rows.append(((group, whole(f"{item}.target_group", group)), _cell(item, "text", m.text)))
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


_ACTIVITY_COLUMNS = (
    ("date",),
    ("what",),
    ("channel",),
    ("target_groups",),
    ("responsible",),
    ("budget",),
    ("status",),
)


def _activities(b: Builder) -> list[tuple[str, tuple[Cell, ...]]]:
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
            _cell(item, "date", _format.day(a.date)),
            _cell(item, "what", a.what),
            _cell(item, "channel", a.channel),
            _cell(item, "target_groups", b.group_names(a.target_groups)),
            _cell(item, "responsible", a.responsible),
            _cell(item, "budget", _format.kronor(a.budget, b.lang)),
            _cell(item, "status", b.status(a.status)),
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


# -- the plan's own blocks ------------------------------------------------------


def _who(action: Action, item: str) -> Cell:
    """Who is responsible, and the roles in brackets; each its own value."""
    responsible = action.responsible.strip()
    roles = ", ".join(r.strip() for r in action.roles)
    if responsible and roles:
        return compose((responsible, f"{item}.responsible"), " (", (roles, f"{item}.roles"), ")")
    if roles:
        return compose(("", f"{item}.responsible"), (roles, f"{item}.roles"))
    return compose((responsible, f"{item}.responsible"), ("", f"{item}.roles"))


def _actions(b: Builder, horizon: Horizon) -> list[tuple[str, Action]]:
    return [(f"actions[{i}]", a) for i, a in enumerate(b.plan.actions) if a.horizon is horizon]


def _action_table(horizon: Horizon) -> Blocks:
    def blocks(b: Builder) -> list[Block]:
        key = horizon.value
        slug = key.replace("_", "-")
        headers = (
            b.t("number"),
            b.t(key),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
            b.t("who"),
            b.t("groups_short"),
            b.t("due"),
            b.t("status"),
        )
        actions = _actions(b, horizon)
        rows = [
            (
                str(n),
                _cell(item, "what", a.what),
                _cell(item, "organisational_consequence", a.organisational_consequence),
                _cell(item, "communicative_consequence", a.communicative_consequence),
                _who(a, item),
                _cell(item, "target_groups", b.group_names(a.target_groups)),
                _cell(item, "due", _format.day(a.due)),
                _cell(item, "status", b.status(a.status)),
            )
            for n, (item, a) in enumerate(actions, 1)
        ]
        widths = (0.4, 3, 3, 3, 2.2, 1.8, 1.4, 1.2)
        source = Rows(
            "actions",
            tuple(item for item, _ in actions),
            (
                (),
                ("what",),
                ("organisational_consequence",),
                ("communicative_consequence",),
                ("responsible", "roles"),
                ("target_groups",),
                ("due",),
                ("status",),
            ),
            fixed=(("horizon", horizon.value),),
        )
        return [b.table(headers, rows, widths, f"actions-{slug}", source=source)]

    return blocks


def _workbook_actions(horizon: Horizon) -> Callable[[Builder], list[Block]]:
    """An ATT GÖRA sheet of the seed: ten numbered rows, the first showing what to write."""

    def build(b: Builder) -> list[Block]:
        immediate = horizon is Horizon.IMMEDIATE
        title = "immediate" if immediate else "workbook_long_term"
        hint = "workbook_hint_immediate" if immediate else "workbook_hint_long_term"
        communicative = (
            "workbook_hint_communicative_immediate" if immediate else "workbook_hint_communicative"
        )
        rows: list[tuple[Cell, ...]] = []
        items: list[str] = []
        for n, (item, a) in enumerate(_actions(b, horizon), 1):
            who = [a.responsible.strip(), ", ".join(r.strip() for r in a.roles)]
            comm = a.communicative_consequence.strip()
            parts: list[str | tuple[str, str]] = [
                f"{n}. ",
                (comm, f"{item}.communicative_consequence"),
            ]
            if any(who):
                parts.append(" (")
                if who[0]:
                    parts.append((who[0], f"{item}.responsible"))
                if all(who):
                    parts.append(", ")
                if who[1]:
                    parts.append((who[1], f"{item}.roles"))
                parts.append(")")
            rows.append(
                (
                    compose(f"{n}. ", (a.what.strip(), f"{item}.what")),
                    compose(
                        f"{n}. ",
                        (
                            a.organisational_consequence.strip(),
                            f"{item}.organisational_consequence",
                        ),
                    ),
                    compose(*parts),
                )
            )
            items.append(item)
        if not rows:
            rows.append(
                (
                    f"1. {b.t(hint)}",
                    f"1. {b.t('workbook_hint_organisational')}",
                    f"1. {b.t(communicative)}",
                )
            )
            items.append("")
        while len(rows) < WORKBOOK_ROWS:
            n = len(rows) + 1
            rows.append((f"{n}.", f"{n}.", f"{n}."))
            items.append("")
        slug = horizon.value.replace("_", "-")
        headers = (
            b.t(title),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
        )
        # a sheet to write on: whole, on a landscape page of its own
        return [
            b.table(
                headers,
                rows,
                (1, 1, 1),
                f"workbook-actions-{slug}",
                row_lines=2,
                keep_together=True,
                landscape=True,
                source=Rows(
                    "actions",
                    tuple(items),
                    (
                        ("what",),
                        ("organisational_consequence",),
                        ("communicative_consequence", "responsible", "roles"),
                    ),
                    fixed=(("horizon", horizon.value),),
                ),
            )
        ]

    return build


def _segments(b: Builder) -> list[Block]:
    out: list[Block] = []
    for segment, key in ((Segment.A, "workbook_segment_a"), (Segment.B, "workbook_segment_b")):
        where = placement("target_groups[].segment", segment.value)
        names = tuple(g.name or g.id for g in b.plan.target_groups if g.segment is segment)
        listed = BulletList(
            names,
            b.t(key),
            lang=b.tag,
            path=where,
            marks=tuple(whole(where, n) for n in names),
        )
        out.extend(answer(b, [listed], 2, "" if names else b.t(key), where))
    return out


def _votes_chart(b: Builder) -> list[Block]:
    groups = b.plan.target_groups
    rows = []
    for i, g in enumerate(groups):
        item = _group(i)
        votes = "" if g.votes is None else _format.number(g.votes)
        rows.append(
            (
                str(i + 1),
                _cell(item, "name", g.name),
                _cell(item, "segment", b.segment(g.segment)),
                _cell(item, "votes", votes),
            )
        )
    table = b.table(
        (b.t("number"), b.t("target_group"), b.t("segment"), b.t("votes")),
        rows,
        (0.5, 5, 3, 1.2),
        "target-groups",
        source=Rows(
            "target_groups",
            tuple(_group(i) for i in range(len(groups))),
            ((), ("name",), ("segment",), ("votes",)),
            key="name",
        ),
    )
    voted = [g for g in groups if g.votes is not None]
    alt = "; ".join(f"{g.name}: {_format.number(g.votes or 0)}" for g in voted)
    return [
        Chart(
            b.t("votes_chart"),
            tuple(g.name for g in voted),
            tuple(g.votes or 0 for g in voted),
            table,
            f"{b.t('votes_chart')}. {alt}" if alt else "",
        )
    ]


def _group_list(b: Builder) -> list[Block]:
    def votes(n: int | None, item: str = "") -> list[str | tuple[str, str]]:
        if n is None:
            return []
        before, _, after = b.t("workbook_votes").partition("{votes}")
        number = str(n)
        return [f" ({before}", (number, f"{item}.votes") if item else number, f"{after})"]

    groups = b.plan.target_groups
    if groups:
        composed = [
            compose((g.name or g.id, f"{_group(i)}.name"), *votes(g.votes, _group(i)))
            for i, g in enumerate(groups)
        ]
        return [
            BulletList(
                tuple(text for text, _ in composed),
                ordered=True,
                lang=b.tag,
                path="target_groups",
                fields=("name", "votes"),
                marks=tuple(marks for _, marks in composed),
            )
        ]
    # the forum's eight groups, the library's own until it strikes one out: each marked as
    # a group to add
    seed = tuple(compose(b.t(key), *votes(n))[0] for key, n in _SEED_GROUPS)
    return [
        BulletList(
            seed,
            ordered=True,
            path="target_groups",
            fields=("name", "votes"),
            marks=tuple(whole("target_groups", text) for text in seed),
        )
    ]


def _target_group_sections(b: Builder) -> Iterator[Section]:
    for i, group in enumerate(b.plan.target_groups):
        item = _group(i)
        centre = b.plan.centre(group.centre) if group.centre else None
        blocks = _kept(
            [
                b.fields(
                    ("segment", b.segment(group.segment), f"{item}.segment"),
                    ("votes", group.votes, f"{item}.votes"),
                ),
                b.para(group.description, f"{item}.description"),
                b.bullets("needs", group.needs, path=f"{item}.needs"),
                b.fields(
                    ("social_filter", group.social_filter.meaning, f"{item}.social_filter.meaning"),
                    (
                        "centre",
                        b.centre_label(centre) if centre else group.centre,
                        f"{item}.centre",
                    ),
                ),
                b.bullets(
                    "social_needs", group.social_filter.needs, path=f"{item}.social_filter.needs"
                ),
            ]
        )
        if blocks:
            yield Section(group.name or group.id, 2, blocks, f"target-group-{group.id}", b.tag)


def _persona_blocks(b: Builder, persona: Persona, item: str) -> list[Block | None]:
    years = compose((str(persona.age), f"{item}.age"), f" {b.t('years')}")
    return [
        b.fields(
            ("age", years if persona.age is not None else None),
            ("life_situation", persona.life_situation, f"{item}.life_situation"),
        ),
        Quote(
            persona.quote.strip(),
            persona.name,
            b.tag,
            marks=whole(f"{item}.quote", persona.quote.strip()),
        ),
        b.para(persona.story, f"{item}.story"),
        b.bullets("needs", persona.needs, path=f"{item}.needs"),
        b.bullets("goals", persona.goals, path=f"{item}.goals"),
        b.bullets("frustrations", persona.frustrations, path=f"{item}.frustrations"),
        b.bullets("channels", persona.channels, path=f"{item}.channels"),
    ]


def _validation_blocks(b: Builder, persona: Persona, item: str) -> list[Block | None]:
    v = persona.validation
    fg = v.focus_group
    base = f"{item}.validation"
    parts: list[str | tuple[str, str]] = []
    for key, value, field in (
        ("planned_size", fg.planned_size, "planned_size"),
        ("recruited", fg.recruited, "recruited"),
        ("date", _format.day(fg.date) or None, "date"),
    ):
        if value is None:
            continue
        if parts:
            parts.append(" / ")
        parts += [f"{b.t(key)}: ", (str(value), f"{base}.focus_group.{field}")]
    surveys = b.table(
        (b.t("by"), b.t("method"), b.t("description"), b.t("date")),
        (
            (
                _cell(f"{base}.surveys[{n}]", "by", s.by),
                _cell(f"{base}.surveys[{n}]", "method", s.method),
                _cell(f"{base}.surveys[{n}]", "description", s.description),
                _cell(f"{base}.surveys[{n}]", "date", _format.day(s.date)),
            )
            for n, s in enumerate(v.surveys)
        ),
        (2, 2, 4, 1.5),
        "surveys",
        caption=b.t("surveys"),
        source=Rows(
            f"{base}.surveys",
            tuple(f"{base}.surveys[{n}]" for n in range(len(v.surveys))),
            (("by",), ("method",), ("description",), ("date",)),
        ),
    )
    return [
        b.fields(
            ("focus_group", compose(*parts) if parts else None),
            ("recruitment", fg.recruitment, f"{base}.focus_group.recruitment"),
        ),
        surveys,
        b.bullets("matches", v.matches, path=f"{base}.matches"),
        b.bullets("gaps", v.gaps, path=f"{base}.gaps"),
        b.fields(("lessons", v.lessons, f"{base}.lessons")),
    ]


def _persona_sections(b: Builder) -> Iterator[Section]:
    for i, group in enumerate(b.plan.target_groups):
        persona = group.persona
        if persona is None:
            continue
        item = f"{_group(i)}.persona"
        name = persona.name.strip()
        if name and group.name:
            title, marks = compose((name, f"{item}.name"), f" – {group.name}")
        elif name:
            title, marks = compose((name, f"{item}.name"))
        else:
            title, marks = group.name or group.id, ()
        blocks = _kept(_persona_blocks(b, persona, item))
        if not blocks:
            continue
        yield Section(title, 2, blocks, f"persona-{group.id}", b.tag, marks)
        validation = _kept(_validation_blocks(b, persona, item))
        if validation:
            yield Section(b.t("validation"), 3, validation, f"validation-{group.id}")


def _campaign_title(b: Builder) -> str:
    year = b.plan.campaign.year
    return f"{b.t('campaign')} {year}" if year else b.t("campaign")


def _campaign_table(b: Builder, key: str, *, priority: bool, more: int = 0) -> Table:
    """The campaign's groups: (priority,) group, motivation; and room for more."""
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, p, name, why in _campaign_groups(b):
        item = f"campaign.groups[{i}]"
        first: tuple[Cell, ...] = (
            (_cell(item, "priority", "" if p is None else str(p)),) if priority else ()
        )
        rows.append(
            (*first, (name, whole(f"{item}.target_group", name)), _cell(item, "motivation", why))
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


def _campaign(b: Builder) -> list[Block | None]:
    c = b.plan.campaign
    return [
        b.fields(("basis", c.basis, "campaign.basis")),
        _campaign_table(b, "campaign-groups", priority=True),
        b.fields(
            ("focus_group_plan", c.focus_group_plan, "campaign.focus_group_plan"),
            ("survey_plan", c.survey_plan, "campaign.survey_plan"),
            ("campaign_organisation", c.organisation, "campaign.organisation"),
        ),
    ]


def _activities_table(b: Builder) -> Table:
    rows = _activities(b)
    budgets = [a.budget for a in b.plan.communication_plan.activities if a.budget is not None]
    total = _format.kronor(activities_total(b.plan), b.lang) if budgets else ""
    return b.table(
        (
            b.t("when"),
            b.t("activity"),
            b.t("channel"),
            b.t("groups_short"),
            b.t("responsible"),
            b.t("budget"),
            b.t("status"),
        ),
        [cells for _, cells in rows],
        (1.5, 3.4, 1.8, 2.2, 1.8, 1.5, 1.2),
        "activities",
        align=("left", "left", "left", "left", "left", "right", "left"),
        footer=("", b.t("total"), "", "", "", total, "") if total else (),
        source=Rows(
            "communication_plan.activities", tuple(item for item, _ in rows), _ACTIVITY_COLUMNS
        ),
    )


# -- the workbook's own questions -----------------------------------------------


def _personas_table(b: Builder) -> Table:
    return _group_sheet(
        b,
        "workbook-personas",
        (b.t("target_group"), b.t("segment"), b.t("persona")),
        (4, 3, 3),
        ("segment", "persona.name"),
        lambda g, item: (
            _cell(item, "segment", b.segment(g.segment)),
            _cell(item, "persona.name", g.persona.name if g.persona else ""),
        ),
    )


def _campaign_steps(b: Builder) -> list[Block]:
    """Point 14: the six steps of choosing the campaign's groups."""
    c = b.plan.campaign
    chosen = _campaign_groups(b)
    ranked = placement("campaign.groups[].priority", "#")
    in_campaign = {g.target_group for g in c.groups}

    def chosen_group(g: TargetGroup) -> bool:
        return g.id in in_campaign

    names = tuple(name for _, p, name, _ in chosen if p is not None)
    more = 3 if not c.groups else 1
    out: list[Block] = []
    # 1: choose at most three groups and say why, from the basic offer and segments
    out.append(Paragraph(b.t("workbook_campaign_1"), prompt=True))
    out.extend(
        answer(b, [b.fields(("basis", c.basis, "campaign.basis"))], 0, path="campaign.basis")
    )
    if not c.basis.strip():
        out.append(WritingSpace(1, b.t("basis"), "campaign.basis"))
    out.append(_campaign_table(b, "workbook-campaign-groups", priority=False, more=more))
    # 2: their order
    out.extend(
        answer(
            b,
            [
                BulletList(
                    names,
                    ordered=True,
                    lang=b.tag,
                    path=ranked,
                    marks=tuple(whole(ranked, n) for n in names),
                )
            ],
            3,
            b.t("workbook_campaign_2"),
            ranked,
        )
    )
    # 3: a persona each
    out.append(Paragraph(b.t("workbook_campaign_3"), prompt=True))
    out.append(
        _group_sheet(
            b,
            "workbook-campaign-personas",
            (b.t("target_group"), b.t("persona")),
            (4, 6),
            ("persona.name",),
            lambda g, item: (_cell(item, "persona.name", g.persona.name if g.persona else ""),),
            only=chosen_group,
            more=3 if not in_campaign else 0,
            seeds=False,
        )
    )
    # 4: the focus group
    out.extend(
        answer(
            b,
            [b.para(c.focus_group_plan, "campaign.focus_group_plan")],
            3,
            b.t("workbook_campaign_4"),
            "campaign.focus_group_plan",
        )
    )
    # 5: the persona against reality
    out.append(Paragraph(b.t("workbook_campaign_5"), prompt=True))
    out.append(
        _group_sheet(
            b,
            "workbook-campaign-validation",
            (b.t("target_group"), b.t("matches"), b.t("gaps")),
            (3, 4, 4),
            ("persona.validation.matches", "persona.validation.gaps"),
            lambda g, item: (
                _lines(
                    item,
                    "persona.validation.matches",
                    g.persona.validation.matches if g.persona else (),
                ),
                _lines(
                    item, "persona.validation.gaps", g.persona.validation.gaps if g.persona else ()
                ),
            ),
            only=chosen_group,
            more=3 if not in_campaign else 0,
            seeds=False,
        )
    )
    # 6: complementary surveys
    out.extend(
        answer(
            b,
            [b.para(c.survey_plan, "campaign.survey_plan")],
            3,
            b.t("workbook_campaign_6"),
            "campaign.survey_plan",
        )
    )
    return out


def _activity_sheet(b: Builder) -> Table:
    """Point 17's activity table: the plan's activities and empty rows to plan more."""
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for item, (when, what, channel, _, who, cost, _) in _activities(b):
        rows.append((when, what, channel, who, cost))
        items.append(item)
    for _ in range(max(3, 8 - len(rows))):
        rows.append(("", "", "", "", ""))
        items.append("")
    return b.table(
        (b.t("when"), b.t("activity"), b.t("channel"), b.t("responsible"), b.t("budget")),
        rows,
        (1.5, 4, 2, 2, 1.5),
        "workbook-activities",
        row_lines=1,
        align=("left", "left", "left", "left", "right"),
        source=Rows(
            "communication_plan.activities",
            tuple(items),
            (("date",), ("what",), ("channel",), ("responsible",), ("budget",)),
        ),
    )


def _partners_sheet(b: Builder) -> list[Block]:
    """Point 2: each programme and how the library relates to it."""
    org = b.plan.organisation
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, p in enumerate(org.partners):
        item = f"organisation.partners[{i}]"
        rows.append((_cell(item, "name", p.name), _cell(item, "relation", p.relation)))
        items.append(item)
    seeds = [] if org.partners else ["Futurum", "Kombib"]
    for name in [*seeds, *[""] * MORE_ROWS]:
        rows.append((name, ""))
        items.append("")
    return [
        b.table(
            (b.t("workbook_partner"), b.t("workbook_relation")),
            rows,
            (3, 7),
            "workbook-partners",
            row_lines=2,
            source=Rows(
                "organisation.partners", tuple(items), (("name",), ("relation",)), key="name"
            ),
        )
    ]


# -- the one list ---------------------------------------------------------------


def _org(b: Builder) -> list[Block | None]:
    org = b.plan.organisation
    return [
        b.fields(
            ("staffing", org.staffing, "organisation.staffing"),
            ("competence", org.competence, "organisation.competence"),
            ("resources", org.resources, "organisation.resources"),
        )
    ]


def _org_sheet(b: Builder) -> list[Block]:
    org = b.plan.organisation
    return several(
        b,
        _org(b),
        [
            (key, f"organisation.{key}", 2, bool(getattr(org, key).strip()))
            for key in ("staffing", "competence", "resources")
        ],
    )


_LEADER = ("name", "interfaces", "responsibility", "development_potential")


def _leader(b: Builder) -> list[Block | None]:
    leader = b.plan.organisation.development_leader
    base = "organisation.development_leader"
    return [b.fields(*((key, getattr(leader, key), f"{base}.{key}") for key in _LEADER))]


def _leader_sheet(b: Builder) -> list[Block]:
    leader = b.plan.organisation.development_leader
    base = "organisation.development_leader"
    return several(
        b,
        _leader(b),
        [
            (key, f"{base}.{key}", 1 if key == "name" else 2, bool(getattr(leader, key).strip()))
            for key in _LEADER
        ],
    )


def _care(b: Builder) -> list[Block | None]:
    care = b.plan.customer_care
    return [
        b.para(care.summary, "customer_care.summary"),
        b.bullets("activities", care.activities, path="customer_care.activities"),
        b.fields(("responsible", care.responsible, "customer_care.responsible")),
    ]


def _values(b: Builder) -> list[Block | None]:
    v = b.plan.values
    return [
        b.fields(
            ("promise", v.promise, "values.promise"),
            ("promise_fulfilment", v.promise_fulfilment, "values.promise_fulfilment"),
            ("for_staff_short", v.for_staff, "values.for_staff"),
            ("for_groups_short", v.for_target_groups, "values.for_target_groups"),
        ),
        _value_words(b),
    ]


def _values_sheet(b: Builder) -> list[Block]:
    v = b.plan.values
    promise = [b.fields(("promise", v.promise, "values.promise"))]
    if v.promise.strip():
        return answer(b, promise, 5, path="values.promise")
    # the words themselves are point 9's; a blank workbook takes them here too
    return [
        WritingSpace(2, b.t("workbook_core_values"), "values.words"),
        WritingSpace(2, b.t("promise"), "values.promise"),
    ]


def _analysis(b: Builder) -> list[Block | None]:
    a = b.plan.analysis
    return [
        b.bullets("weaknesses_today", a.weaknesses_today, path="analysis.weaknesses_today"),
        b.bullets("strengths_tomorrow", a.strengths_tomorrow, path="analysis.strengths_tomorrow"),
    ]


def _analysis_sheet(b: Builder) -> list[Block]:
    a = b.plan.analysis
    return several(
        b,
        _analysis(b),
        [
            ("weaknesses_today", "analysis.weaknesses_today", 3, bool(a.weaknesses_today)),
            ("strengths_tomorrow", "analysis.strengths_tomorrow", 3, bool(a.strengths_tomorrow)),
        ],
    )


def _centre_profile(when: str) -> Blocks:
    def blocks(b: Builder) -> list[Block | None]:
        path = f"dialogue_forum.{when}"
        text, marks = b.profile(getattr(b.plan.dialogue_forum, when), path)
        return [Paragraph(text, b.tag, marks=marks)]

    return blocks


def _centre_profile_sheet(when: str) -> Callable[[Builder], list[Block]]:
    def build(b: Builder) -> list[Block]:
        profile = getattr(b.plan.dialogue_forum, when)
        path = f"dialogue_forum.{when}"
        return several(
            b,
            _centre_profile(when)(b),
            [
                ("workbook_centres", f"{path}.centres", 1, bool(profile.centres)),
                ("description", f"{path}.description", 3, bool(profile.description.strip())),
            ],
        )

    return build


def _staircase(b: Builder) -> list[Block | None]:
    table = _staircase_table(b)
    if not table.rows:
        return []  # the steps alone say nothing about this library
    steps = tuple(
        f"{b.step_label(s)} – {text}" if (text := b.step_text(s)) else b.step_label(s)
        for s in b.plan.staircase
    )
    return [BulletList(steps, ordered=True, lang=b.tag), _staircase_figure(b), table]


def _staircase_sheet(b: Builder) -> list[Block]:
    """Point 7: the staircase drawn, with the groups on it or room to place them."""
    table = _staircase_table(b)
    if table.rows:
        return [_staircase_figure(b), table, WritingSpace(AMEND_LINES)]
    return [_staircase_figure(b, write_in=2)]


def _social_sheet(b: Builder) -> Table:
    """Point 15: the social perspective as a filter for each group, and its needs."""
    return _group_sheet(
        b,
        "workbook-social-filter",
        (b.t("target_group"), b.t("social_filter"), b.t("social_needs")),
        (3, 5, 4),
        ("social_filter.meaning", "social_filter.needs"),
        lambda g, item: (
            _cell(item, "social_filter.meaning", g.social_filter.meaning),
            _lines(item, "social_filter.needs", g.social_filter.needs),
        ),
    )


def _centre_sheet(b: Builder) -> list[Block]:
    """Point 15: the four fields drawn, with the groups in them or room to place them."""
    matrix = _matrix(b)
    if has_content(matrix):
        return [matrix, _social_sheet(b)]
    return [_matrix(b, write_in=3), _social_sheet(b)]


def _say(text: Callable[[Plan], str], path: str) -> Blocks:
    """A paragraph of the plan's text: the whole answer to many of the workbook's questions."""
    return lambda b: [b.para(text(b.plan), path)]


def _say_at(path: str) -> Blocks:
    """The paragraph of the plan's text at ``path`` (``values.for_staff``)."""
    return _say(operator.attrgetter(path), path)


def _written_at(title: Title, level: int, path: str, lines: int) -> Ask:
    """A workbook question the plan answers with its text at ``path``, or lines to write on."""
    return Ask(title, level, answer=_say_at(path), lines=lines, path=path)


def _summary(b: Builder) -> list[Block | None]:
    """One page for the board: groups and votes, the campaign, goals, key actions, money."""
    plan = b.plan
    cp = plan.communication_plan
    groups = b.table(
        (b.t("number"), b.t("target_group"), b.t("votes")),
        (
            (str(i), g.name or g.id, "" if g.votes is None else _format.number(g.votes))
            for i, g in enumerate(plan.target_groups, 1)
        ),
        (0.5, 6, 1.2),
        "summary-groups",
        caption=b.t("summary_groups"),
        align=("left", "left", "right"),
    )
    campaign = BulletList(
        tuple(name for _, _, name, _ in _campaign_groups(b)),
        f"{b.t('summary_campaign')} ({b.t('priority_order')})",
        ordered=True,
        lang=b.tag,
    )
    goals = b.fields(
        ("know", "; ".join(cp.goals.know)),
        ("feel", "; ".join(cp.goals.feel)),
        ("do", "; ".join(cp.goals.do)),
    )
    key_actions = sorted(
        (a for a in plan.actions if a.status is not ActionStatus.DROPPED),
        key=lambda a: (a.horizon is not Horizon.IMMEDIATE, a.due is None, a.due or _dt.date.max),
    )[:SUMMARY_ACTIONS]
    actions = b.table(
        (b.t("action"), b.t("responsible"), b.t("due"), b.t("status")),
        ((a.what, a.responsible, _format.day(a.due), b.status(a.status)) for a in key_actions),
        (5, 2.2, 1.5, 1.2),
        "summary-actions",
        caption=b.t("summary_actions"),
    )
    budgets = [a.budget for a in cp.activities if a.budget is not None]
    money = b.fields(
        ("summary_budget", _format.kronor(cp.budget, b.lang)),
        (
            "summary_activities",
            _format.kronor(activities_total(plan), b.lang) if budgets else None,
        ),
    )
    goals_caption = Paragraph(b.t("summary_goals"), prompt=True) if goals.items else None
    return [groups, campaign, goals_caption, goals, actions, money]


#: How many actions the summary names: the first due, immediate ones first.
SUMMARY_ACTIONS = 6


def _further(key: str) -> Blocks:
    return _say(lambda p: str(getattr(p.further_work, key)), f"further_work.{key}")


def _numbered(n: int, key: str) -> Title:
    return lambda b: f"{n}. {b.t(key)}"


def _plan_target_groups(b: Builder) -> list[Block | None]:
    path = "communication_plan.target_groups"
    names = [b.group_name(i) for i in b.plan.communication_plan.target_groups]
    return [b.bullets("", names, path=path)]


def _resources(b: Builder) -> list[Block | None]:
    cp = b.plan.communication_plan
    return [
        b.para(cp.resources, "communication_plan.resources"),
        b.fields(
            ("budget", _format.kronor(cp.budget, b.lang), "communication_plan.budget"),
        ),
    ]


def _resources_sheet(b: Builder) -> list[Block]:
    cp = b.plan.communication_plan
    return several(
        b,
        _resources(b),
        [
            ("resources", "communication_plan.resources", 3, bool(cp.resources.strip())),
            ("budget", "communication_plan.budget", 1, cp.budget is not None),
        ],
    )


def _follow_up(b: Builder) -> list[Block | None]:
    cp = b.plan.communication_plan
    ev = cp.evaluation
    return [
        b.fields(
            ("follow_up", cp.follow_up, "communication_plan.follow_up"),
            ("method", ev.method, "communication_plan.evaluation.method"),
        ),
        b.bullets("indicators", ev.indicators, path="communication_plan.evaluation.indicators"),
        b.fields(
            ("schedule", ev.schedule, "communication_plan.evaluation.schedule"),
            ("responsible", ev.responsible, "communication_plan.evaluation.responsible"),
        ),
    ]


def _follow_up_sheet(b: Builder) -> list[Block]:
    cp = b.plan.communication_plan
    ev = cp.evaluation
    return several(
        b,
        _follow_up(b),
        [
            ("follow_up", "communication_plan.follow_up", 2, bool(cp.follow_up.strip())),
            ("evaluation", "communication_plan.evaluation.method", 2, bool(ev.method.strip())),
            ("indicators", "communication_plan.evaluation.indicators", 2, bool(ev.indicators)),
        ],
    )


def _goals_sheet(b: Builder) -> list[Block]:
    goals = b.plan.communication_plan.goals
    base = "communication_plan.goals"
    return several(
        b,
        _goals(b),
        [(key, f"{base}.{key}", 2, bool(getattr(goals, key))) for key in ("know", "feel", "do")],
    )


SECTIONS: tuple[SectionSpec, ...] = (
    # the plan's one-page summary for the board, between the cover and the contents
    SectionSpec("summary", Part("summary", 1, lambda b: _summary(b), front=True)),
    # the first page of the seed: existing and new customers
    SectionSpec("segments", workbook=Ask("workbook_segments", 1, build=_segments)),
    # ATT GÖRA: the two action sheets
    SectionSpec("actions", Part("actions", 1), Ask("workbook_todo", 1, lines=0)),
    SectionSpec(
        "actions-immediate",
        Part("immediate", 2, _action_table(Horizon.IMMEDIATE)),
        Ask("immediate", 2, build=_workbook_actions(Horizon.IMMEDIATE)),
    ),
    SectionSpec(
        "actions-long-term",
        Part("long_term", 2, _action_table(Horizon.LONG_TERM)),
        Ask("workbook_long_term", 2, build=_workbook_actions(Horizon.LONG_TERM)),
    ),
    # the summary of the dialogue forum
    SectionSpec(
        "dialogue-forum",
        Part(
            "dialogue_forum",
            1,
            lambda b: [b.fields(("held", b.plan.dialogue_forum.held, "dialogue_forum.held"))],
        ),
        Ask("dialogue_forum", 1, ("workbook_forum_intro",), answer=lambda b: (), lines=0),
    ),
    SectionSpec(
        "forum-result",
        workbook=Ask(
            "workbook_forum_result",
            2,
            answer=_say_at("dialogue_forum.held"),
            lines=0,
        ),
    ),
    SectionSpec(
        "products",
        Part(
            "products",
            2,
            lambda b: [
                b.bullets("", b.plan.dialogue_forum.products, path="dialogue_forum.products")
            ],
        ),
        Ask("products", 3, path="dialogue_forum.products"),
    ),
    SectionSpec(
        "centre-today",
        Part("centre_today", 2, _centre_profile("centre_today")),
        Ask("centre_today", 3, build=_centre_profile_sheet("centre_today")),
    ),
    SectionSpec(
        "centre-tomorrow",
        Part("centre_tomorrow", 2, _centre_profile("centre_tomorrow")),
        Ask("centre_tomorrow", 3, build=_centre_profile_sheet("centre_tomorrow")),
    ),
    SectionSpec(
        "centre-approach",
        Part(
            "centre_approach",
            2,
            _say(lambda p: p.dialogue_forum.centre_approach, "dialogue_forum.centre_approach"),
        ),
        Ask("centre_approach", 3, path="dialogue_forum.centre_approach"),
    ),
    # the prioritised target groups and the care of existing customers
    SectionSpec(
        "target-groups",
        Part("target_groups", 1, _votes_chart),
        Ask(
            lambda b: b.t("target_groups" if b.plan.target_groups else "workbook_eight_groups"),
            1,
            build=_group_list,
        ),
        each=_target_group_sections,
    ),
    SectionSpec(
        "customer-care",
        Part("customer_care", 2, _care),
        Ask("customer_care", 2, ("workbook_customer_care",), path="customer_care.summary"),
    ),
    SectionSpec("values", Part("values", 1, _values), Ask("values", 1, build=_values_sheet)),
    # autumn 2010: the agenda for the library's own work, points 1-13
    SectionSpec("agenda", workbook=Ask("workbook_autumn", 1, ("workbook_agenda_intro",), lines=0)),
    SectionSpec("organisation", Part("organisation", 1)),
    SectionSpec(
        "mission",
        Part("mission", 2, _say(lambda p: p.organisation.mission, "organisation.mission")),
        Ask(_agenda(1), 2, lines=5, path="organisation.mission"),
    ),
    SectionSpec(
        "partners",
        Part(
            "partners",
            2,
            lambda b: [
                b.pairs(
                    (
                        p.name,
                        p.relation,
                        f"organisation.partners[{i}].name",
                        f"organisation.partners[{i}].relation",
                    )
                    for i, p in enumerate(b.plan.organisation.partners)
                )
            ],
        ),
        Ask(_agenda(2), 2, build=_partners_sheet),
    ),
    SectionSpec(
        "staffing", Part("staffing_resources", 2, _org), Ask(_agenda(3), 2, build=_org_sheet)
    ),
    SectionSpec(
        "development-leader",
        Part("development_leader", 2, _leader),
        Ask(_agenda(4), 2, build=_leader_sheet),
    ),
    SectionSpec(
        "personas",
        Part("personas_appendix", 1, appendix=True),
        Ask(_agenda(5), 2, ("workbook_reuse",), build=lambda b: [_personas_table(b)]),
        each=_persona_sections,
    ),
    SectionSpec(
        "analysis",
        Part("analysis", 1, _analysis),
        Ask(_agenda(6), 2, build=_analysis_sheet),
    ),
    SectionSpec(
        "staircase",
        Part("staircase", 1, _staircase),
        Ask(_agenda(7), 2, build=_staircase_sheet),
    ),
    SectionSpec(
        "centre-choice",
        workbook=Ask(
            _agenda(8),
            2,
            ("workbook_agenda_8_more",),
            # the forum's answer stands under its own heading; this is the library's own,
            # and adds to it
            answer=lambda b: (),
            lines=5,
            path="dialogue_forum.centre_approach",
        ),
    ),
    SectionSpec(
        "value-words",
        workbook=Ask(
            _agenda(9), 2, build=lambda b: [_value_words(b, "workbook-value-words", MORE_ROWS)]
        ),
    ),
    SectionSpec(
        "promise-fulfilment",
        workbook=_written_at(_agenda(10), 2, "values.promise_fulfilment", lines=5),
    ),
    SectionSpec(
        "for-staff",
        workbook=_written_at(_agenda(11), 2, "values.for_staff", lines=5),
    ),
    SectionSpec(
        "for-target-groups",
        workbook=_written_at(_agenda(12), 2, "values.for_target_groups", lines=5),
    ),
    SectionSpec(
        "responsibility",
        workbook=Ask(
            _agenda(13),
            2,
            ("workbook_agenda_13_more",),
            # a way of working rather than a question: room for notes, which belong to no
            # single value (the who and how go in the ATT GÖRA sheets)
            answer=lambda b: (),
            lines=5,
        ),
    ),
    # the cluster campaign, points 14-17
    SectionSpec(
        "campaign",
        Part(_campaign_title, 1, _campaign),
        Ask("workbook_campaign_section", 1, lines=0),
    ),
    SectionSpec("campaign-groups", workbook=Ask(_agenda(14), 2, build=_campaign_steps)),
    SectionSpec(
        "centres",
        Part("centre_placement", 1, lambda b: [_matrix(b)]),
        Ask(
            _agenda(15),
            2,
            ("workbook_agenda_15_more",),
            build=_centre_sheet,
        ),
    ),
    SectionSpec(
        "campaign-organisation",
        workbook=_written_at(_agenda(16), 2, "campaign.organisation", lines=5),
    ),
    SectionSpec(
        "communication-plan",
        Part(
            "communication_plan",
            1,
            lambda b: [
                b.fields(
                    (
                        "background",
                        b.plan.communication_plan.background,
                        "communication_plan.background",
                    ),
                    ("purpose", b.plan.communication_plan.purpose, "communication_plan.purpose"),
                ),
                b.fields(
                    (
                        "target_groups",
                        b.group_names(b.plan.communication_plan.target_groups),
                        "communication_plan.target_groups",
                    )
                ),
            ],
        ),
        Ask(_agenda(17), 2, ("workbook_agenda_17_more",), answer=lambda b: (), lines=0),
    ),
    # point 17 in the workbook: each part of a communication plan a question of its own
    SectionSpec(
        "background",
        workbook=_written_at("background", 3, "communication_plan.background", lines=3),
    ),
    SectionSpec(
        "purpose",
        workbook=_written_at("purpose", 3, "communication_plan.purpose", lines=3),
    ),
    SectionSpec("goals", Part("goals", 2, _goals), Ask("goals", 3, build=_goals_sheet)),
    SectionSpec(
        "plan-target-groups",
        workbook=Ask(
            "target_groups",
            3,
            answer=_plan_target_groups,
            lines=3,
            path="communication_plan.target_groups",
        ),
    ),
    SectionSpec(
        "messages",
        Part(
            "messages",
            2,
            lambda b: [
                _message_table(b, "messages"),
                b.bullets(
                    "channels",
                    b.plan.communication_plan.channels,
                    path="communication_plan.channels",
                ),
            ],
        ),
        Ask("messages", 3, build=lambda b: [_message_table(b, "workbook-messages", 3)]),
    ),
    SectionSpec(
        "channels",
        workbook=Ask(
            "channels",
            3,
            answer=lambda b: [
                b.bullets(
                    "", b.plan.communication_plan.channels, path="communication_plan.channels"
                )
            ],
            lines=3,
            path="communication_plan.channels",
        ),
    ),
    SectionSpec(
        "activities",
        Part("activities", 2, lambda b: [_activities_table(b)]),
        Ask("activities", 3, build=lambda b: [_activity_sheet(b)]),
    ),
    SectionSpec(
        "resources",
        Part("resources", 2, _resources),
        Ask("resources", 3, build=_resources_sheet),
    ),
    SectionSpec(
        "follow-up-evaluation",
        Part("follow_up_evaluation", 2, _follow_up),
        Ask("follow_up_evaluation", 3, build=_follow_up_sheet),
    ),
    # questions for further discussion
    SectionSpec("further-work", Part("further_work", 1), Ask("further_work", 1, lines=0)),
    SectionSpec(
        "pr-media",
        Part("pr_media", 2, _further("pr_media")),
        Ask(_numbered(1, "pr_media"), 2, path="further_work.pr_media"),
    ),
    SectionSpec(
        "sharing-tips",
        Part("sharing_tips", 2, _further("sharing_tips")),
        Ask(_numbered(2, "sharing_tips"), 2, path="further_work.sharing_tips"),
    ),
    SectionSpec(
        "evaluation-template",
        Part("evaluation_template", 2, _further("evaluation_template")),
        Ask(_numbered(3, "evaluation_template"), 2, path="further_work.evaluation_template"),
    ),
)
"""Every section, in the order of the workbook."""


def _plan_sections(b: Builder) -> tuple[list[Section], list[Section]]:
    """The plan's sections: those before the contents, and the rest."""
    front: list[Section] = []
    body: list[Section] = []
    appendix: list[Section] = []
    for spec in SECTIONS:
        part = spec.plan
        if part is None:
            continue
        into = front if part.front else appendix if part.appendix else body
        blocks = _kept(part.blocks(b))
        into.append(Section(_title(part.title, b), part.level, blocks, spec.key))
        if spec.each is not None:
            into.extend(spec.each(b))
    return _prune(front), _prune(body + appendix)


def _prune(sections: list[Section]) -> list[Section]:
    """Leave out sections with nothing to show, and headings with nothing left under them."""
    kept: list[Section] = []
    for section in reversed(sections):
        below = bool(kept) and kept[-1].level > section.level
        if section.blocks or below:
            kept.append(section)
    return kept[::-1]


def _workbook_sections(b: Builder) -> list[Section]:
    sections: list[Section] = []
    for spec in SECTIONS:
        ask = spec.workbook
        if ask is None:
            continue
        blocks: list[Block] = [Paragraph(b.t(note)) for note in ask.notes]
        if ask.build is not None:
            blocks.extend(ask.build(b))
        else:
            filled = ask.answer or (spec.plan.blocks if spec.plan else (lambda b: ()))
            blocks.extend(answer(b, filled(b), ask.lines, path=ask.path))
        sections.append(Section(_title(ask.title, b), ask.level, tuple(blocks), spec.key))
    return sections


def build_document(
    plan: Plan,
    language: Language | None = None,
    *,
    mode: Mode = Mode.PLAN,
    large_print: bool = False,
) -> Document:
    """Describe ``plan`` as a document in ``language`` (the plan's own by default).

    ``mode`` chooses the plan export or the workshop workbook; the workbook of
    ``Plan()`` is the blank workbook. ``large_print`` lays tables out for 16 pt:
    one too wide for a portrait page then becomes one record a row.

    >>> import klusterplan
    >>> document = klusterplan.build_document(klusterplan.example())
    >>> document.sections[0].title
    'Att göra'
    """
    lang = language or plan.language
    b = Builder(plan, lang, mode, large_print)
    front: list[Section] = []
    if mode is Mode.WORKBOOK:
        sections = _workbook_sections(b)
    else:
        front, sections = _plan_sections(b)
    return _document(b, tuple(sections), tuple(front))


def _document(b: Builder, sections: tuple[Section, ...], front: tuple[Section, ...]) -> Document:
    plan, lang = b.plan, b.lang
    lib = plan.library
    date = document_date(plan)
    workbook = b.mode is Mode.WORKBOOK
    lines = [
        ("municipality", lib.municipality, "library.municipality"),
        ("cluster", lib.cluster, "library.cluster"),
        ("period", lib.period, "library.period"),
        ("author", "" if workbook else lib.author, "library.author"),
        # a date from SOURCE_DATE_EPOCH is the document's, not the plan's
        ("date", _format.day(date), "library.date" if lib.date else ""),
    ]
    title = b.t("workbook_title" if workbook else "title")
    kind = b.t("workbook_title") if workbook else b.t("communication_plan")
    keywords = [lib.municipality, lib.cluster]
    keywords += [kind] if workbook else [plan.values.promise, kind]
    return Document(
        title=title,
        subtitle=lib.name or (b.t("workbook_subtitle") if workbook else ""),
        title_lines=tuple((b.t(k), v) for k, v, _ in lines if v),
        title_paths=tuple(p for _, v, p in lines if v),
        subtitle_path="library.name" if lib.name else "",
        promise=plan.values.promise,
        language=lang,
        author=lib.author or lib.name,
        subject=b.t("workbook_subject" if workbook else "subject"),
        keywords=tuple(k for k in keywords if k),
        date=date,
        footer=lib.name or (title if workbook else ""),
        sections=sections,
        mode=b.mode,
        text_language=plan.language,
        contents_title=b.t("contents"),
        contents_hint=b.t("contents_hint"),
        page_label=f"{b.t('page')} {{page}} {b.t('of')} {{pages}}",
        front=front,
        cover_fields=tuple(b.t(k) for k, _ in _cover_fields(b)) if workbook else (),
        cover_paths=tuple(p for _, p in _cover_fields(b)) if workbook else (),
        of_plan=True,
        skip_label=b.t("skip_to_content"),
    )


def _cover_fields(b: Builder) -> list[tuple[str, str]]:
    """The workbook cover's lines to fill in (label key, path): what the plan does not say yet.

    The participants of the workshop are the plan's authors.
    """
    lib = b.plan.library
    wanted = [
        ("workbook_library", lib.name, "library.name"),
        ("date", _format.day(document_date(b.plan)), "library.date"),
        # always asked; it fills the plan's author only while the plan names none
        ("workbook_participants", "", "" if lib.author else "library.author"),
    ]
    return [(key, path) for key, known, path in wanted if not known]
