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
import os
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from . import _design, _format
from ._labels import enum_label, label
from ._metrics import fit_columns
from .document import (
    DENSE_COLUMNS,
    LONG_FIELD,
    WIDE_COLUMNS,
    Block,
    BulletList,
    Chart,
    Document,
    Field,
    Fields,
    Matrix,
    Mode,
    Paragraph,
    Quote,
    Section,
    Staircase,
    Table,
    WritingSpace,
    has_content,
)
from .model import (
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
)

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

    def para(self, text: str) -> Paragraph:
        return Paragraph(text.strip(), self.tag)

    def field(self, key: str, value: str | int | None) -> Field | None:
        if value is None or value == "":
            return None
        text = str(value).strip()
        return Field(self.t(key), text, "\n\n" in text or len(text) > LONG_FIELD)

    def fields(self, *pairs: tuple[str, str | int | None]) -> Fields:
        return Fields(tuple(f for k, v in pairs if (f := self.field(k, v))), self.tag)

    def pairs(self, items: Iterable[tuple[str, str]]) -> Fields:
        """Fields whose labels are plan text too (a partner, a group's name)."""
        out = []
        for name, value in items:
            text = value.strip()
            out.append(Field(name, text, "\n\n" in text or len(text) > LONG_FIELD))
        return Fields(tuple(out), self.tag)

    def bullets(self, key: str, items: Sequence[str], *, ordered: bool = False) -> BulletList:
        return BulletList(
            tuple(i.strip() for i in items), self.t(key) if key else "", ordered, self.tag
        )

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths: Sequence[float],
        key: str,
        *,
        caption: str = "",
        row_lines: int = 0,
        keep_together: bool = False,
        align: Sequence[str] = (),
        footer: Sequence[str] = (),
        landscape: bool | None = None,
    ) -> Table:
        """A table, its layout decided from its shape once for every format."""
        columns = len(headers)
        body = tuple(tuple(row) for row in rows)
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

    def profile(self, profile: CentreProfile) -> str:
        """The centres (the dominant first, said in words) and the description."""
        names = [self.centre_name(i) for i in profile.centres]
        order = f" ({self.t('priority_order')})" if len(names) > 1 else ""
        parts = [", ".join(names) + order if names else "", profile.description.strip()]
        return "\n\n".join(p for p in parts if p)

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


def answer(b: Builder, filled: Iterable[Block | None], lines: int, prompt: str = "") -> list[Block]:
    """What the plan says, with room to amend it, or room to write when it says nothing yet."""
    kept = list(_kept(filled))
    if kept:
        head: list[Block] = [Paragraph(prompt, prompt=True)] if prompt else []
        return [*head, *kept, WritingSpace(AMEND_LINES)] if lines else [*head, *kept]
    return [WritingSpace(lines, prompt)] if lines else []


def _agenda(n: int) -> Title:
    return lambda b: f"{n}. {b.t(f'workbook_agenda_{n}')}"


# -- blocks shared by the plan and the workbook ---------------------------------


def _value_words(b: Builder, key: str = "value-words") -> Table:
    v = b.plan.values
    return b.table(
        (b.t("value_word"), b.t("for_staff_short"), b.t("for_groups_short")),
        ((w.word, w.for_staff, w.for_target_groups) for w in v.words),
        (1.5, 4, 4),
        key,
    )


def _staircase_table(b: Builder) -> Table:
    return b.table(
        (b.t("target_group"), b.t("current_step"), b.t("target_step")),
        (
            (g.name or g.id, b.step_name(g.staircase.current), b.step_name(g.staircase.target))
            for g in b.plan.target_groups
            if g.staircase.current or g.staircase.target
        ),
        (5, 2.5, 2.5),
        "staircase",
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
    )


def _social_filters(b: Builder) -> Fields:
    return b.pairs(
        (g.name or g.id, g.social_filter.meaning)
        for g in b.plan.target_groups
        if g.social_filter.meaning
    )


def _campaign_groups(b: Builder) -> list[tuple[int | None, str, str]]:
    groups = sorted(b.plan.campaign.groups, key=lambda g: (g.priority is None, g.priority or 0))
    return [(g.priority, b.group_name(g.target_group), g.motivation) for g in groups]


def _goals(b: Builder) -> list[Block]:
    goals = b.plan.communication_plan.goals
    return [b.bullets("know", goals.know), b.bullets("feel", goals.feel), b.bullets("do", goals.do)]


def _messages(b: Builder) -> list[tuple[str, str]]:
    return [
        (b.group_name(m.target_group) if m.target_group else b.t("all_groups"), m.text)
        for m in b.plan.communication_plan.messages
    ]


def _activities(b: Builder) -> list[tuple[str, str, str, str, str, str, str]]:
    cp = b.plan.communication_plan
    return [
        (
            _format.day(a.date),
            a.what,
            a.channel,
            b.group_names(a.target_groups),
            a.responsible,
            _format.kronor(a.budget, b.lang),
            b.status(a.status),
        )
        for a in sorted(cp.activities, key=lambda a: (a.date is None, a.date or _dt.date.min))
    ]


def activities_total(plan: Plan) -> int:
    """What the activities cost together, dropped ones left out."""
    return sum(
        a.budget or 0
        for a in plan.communication_plan.activities
        if a.status is not ActionStatus.DROPPED
    )


# -- the plan's own blocks ------------------------------------------------------


def _who(action: Action) -> str:
    roles = ", ".join(action.roles)
    if action.responsible and roles:
        return f"{action.responsible} ({roles})"
    return action.responsible or roles


def _action_rows(b: Builder, actions: Sequence[Action]) -> Iterator[tuple[str, ...]]:
    for i, a in enumerate(actions, 1):
        yield (
            str(i),
            a.what,
            a.organisational_consequence,
            a.communicative_consequence,
            _who(a),
            b.group_names(a.target_groups),
            _format.day(a.due),
            b.status(a.status),
        )


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
        actions = [a for a in b.plan.actions if a.horizon is horizon]
        widths = (0.4, 3, 3, 3, 2.2, 1.8, 1.4, 1.2)
        return [b.table(headers, _action_rows(b, actions), widths, f"actions-{slug}")]

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
        rows: list[tuple[str, ...]] = []
        for i, a in enumerate((a for a in b.plan.actions if a.horizon is horizon), 1):
            who = ", ".join(p for p in (a.responsible, ", ".join(a.roles)) if p)
            communication = f"{a.communicative_consequence} ({who})" if who else ""
            rows.append(
                (
                    f"{i}. {a.what}",
                    f"{i}. {a.organisational_consequence}",
                    f"{i}. {communication or a.communicative_consequence}",
                )
            )
        if not rows:
            rows.append(
                (
                    f"1. {b.t(hint)}",
                    f"1. {b.t('workbook_hint_organisational')}",
                    f"1. {b.t(communicative)}",
                )
            )
        while len(rows) < WORKBOOK_ROWS:
            n = len(rows) + 1
            rows.append((f"{n}.", f"{n}.", f"{n}."))
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
            )
        ]

    return build


def _segments(b: Builder) -> list[Block]:
    out: list[Block] = []
    for segment, key in ((Segment.A, "workbook_segment_a"), (Segment.B, "workbook_segment_b")):
        names = tuple(g.name or g.id for g in b.plan.target_groups if g.segment is segment)
        out.extend(
            answer(b, [BulletList(names, b.t(key), lang=b.tag)], 2, "" if names else b.t(key))
        )
    return out


def _votes_chart(b: Builder) -> list[Block]:
    groups = b.plan.target_groups
    rows = (
        (str(i), g.name, b.segment(g.segment), "" if g.votes is None else _format.number(g.votes))
        for i, g in enumerate(groups, 1)
    )
    table = b.table(
        (b.t("number"), b.t("target_group"), b.t("segment"), b.t("votes")),
        rows,
        (0.5, 5, 3, 1.2),
        "target-groups",
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
    def votes(n: int | None) -> str:
        return f" ({b.t('workbook_votes').format(votes=n)})" if n is not None else ""

    groups = b.plan.target_groups
    if groups:
        items = tuple(f"{g.name or g.id}{votes(g.votes)}" for g in groups)
        return [BulletList(items, ordered=True, lang=b.tag)]
    seed = tuple(f"{b.t(key)}{votes(n)}" for key, n in _SEED_GROUPS)
    return [BulletList(seed, ordered=True)]


def _target_group_sections(b: Builder) -> Iterator[Section]:
    for group in b.plan.target_groups:
        centre = b.plan.centre(group.centre) if group.centre else None
        blocks = _kept(
            [
                b.fields(("segment", b.segment(group.segment)), ("votes", group.votes)),
                b.para(group.description),
                b.bullets("needs", group.needs),
                b.fields(
                    ("social_filter", group.social_filter.meaning),
                    ("centre", b.centre_label(centre) if centre else group.centre),
                ),
                b.bullets("social_needs", group.social_filter.needs),
            ]
        )
        if blocks:
            yield Section(group.name or group.id, 2, blocks, f"target-group-{group.id}", b.tag)


def _persona_blocks(b: Builder, persona: Persona) -> list[Block | None]:
    years = f"{persona.age} {b.t('years')}" if persona.age is not None else None
    return [
        b.fields(("age", years), ("life_situation", persona.life_situation)),
        Quote(persona.quote.strip(), persona.name, b.tag),
        b.para(persona.story),
        b.bullets("needs", persona.needs),
        b.bullets("goals", persona.goals),
        b.bullets("frustrations", persona.frustrations),
        b.bullets("channels", persona.channels),
    ]


def _validation_blocks(b: Builder, persona: Persona) -> list[Block | None]:
    v = persona.validation
    fg = v.focus_group
    focus = " / ".join(
        p
        for p in (
            f"{b.t('planned_size')}: {fg.planned_size}" if fg.planned_size is not None else "",
            f"{b.t('recruited')}: {fg.recruited}" if fg.recruited is not None else "",
            f"{b.t('date')}: {_format.day(fg.date)}" if fg.date else "",
        )
        if p
    )
    surveys = b.table(
        (b.t("by"), b.t("method"), b.t("description"), b.t("date")),
        ((s.by, s.method, s.description, _format.day(s.date)) for s in v.surveys),
        (2, 2, 4, 1.5),
        "surveys",
        caption=b.t("surveys"),
    )
    return [
        b.fields(("focus_group", focus), ("recruitment", fg.recruitment)),
        surveys,
        b.bullets("matches", v.matches),
        b.bullets("gaps", v.gaps),
        b.fields(("lessons", v.lessons)),
    ]


def _persona_sections(b: Builder) -> Iterator[Section]:
    for group in b.plan.target_groups:
        persona = group.persona
        if persona is None:
            continue
        title = " – ".join(n for n in (persona.name, group.name) if n) or group.id
        blocks = _kept(_persona_blocks(b, persona))
        if not blocks:
            continue
        yield Section(title, 2, blocks, f"persona-{group.id}", b.tag)
        validation = _kept(_validation_blocks(b, persona))
        if validation:
            yield Section(b.t("validation"), 3, validation, f"validation-{group.id}")


def _campaign_title(b: Builder) -> str:
    year = b.plan.campaign.year
    return f"{b.t('campaign')} {year}" if year else b.t("campaign")


def _campaign(b: Builder) -> list[Block | None]:
    c = b.plan.campaign
    groups = b.table(
        (b.t("priority"), b.t("target_group"), b.t("motivation")),
        (("" if p is None else str(p), name, why) for p, name, why in _campaign_groups(b)),
        (1, 3, 6),
        "campaign-groups",
    )
    return [
        b.fields(("basis", c.basis)),
        groups,
        b.fields(
            ("focus_group_plan", c.focus_group_plan),
            ("survey_plan", c.survey_plan),
            ("campaign_organisation", c.organisation),
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
        rows,
        (1.5, 3.4, 1.8, 2.2, 1.8, 1.5, 1.2),
        "activities",
        align=("left", "left", "left", "left", "left", "right", "left"),
        footer=("", b.t("total"), "", "", "", total, "") if total else (),
    )


# -- the workbook's own questions -----------------------------------------------


def _personas_table(b: Builder) -> Table:
    return b.table(
        (b.t("target_group"), b.t("segment"), b.t("persona")),
        (
            (g.name or g.id, b.segment(g.segment), g.persona.name if g.persona else "")
            for g in b.plan.target_groups
        ),
        (4, 3, 3),
        "workbook-personas",
    )


def _campaign_steps(b: Builder) -> list[Block]:
    """Point 14: the six steps of choosing the campaign's groups."""
    plan, c = b.plan, b.plan.campaign
    chosen = _campaign_groups(b)
    personas = [
        (g, tg.persona)
        for g in sorted(c.groups, key=lambda g: (g.priority is None, g.priority or 0))
        if (tg := plan.target_group(g.target_group)) and tg.persona
    ]
    steps: list[tuple[str, list[Block | None]]] = [
        (
            "workbook_campaign_1",
            [
                b.fields(("basis", c.basis)),
                b.table(
                    (b.t("target_group"), b.t("motivation")),
                    ((name, why) for _, name, why in chosen),
                    (3, 7),
                    "workbook-campaign-groups",
                ),
            ],
        ),
        (
            "workbook_campaign_2",
            [
                BulletList(
                    tuple(name for p, name, _ in chosen if p is not None), ordered=True, lang=b.tag
                )
            ],
        ),
        (
            "workbook_campaign_3",
            [b.pairs((b.group_name(g.target_group), p.name) for g, p in personas if p.name)],
        ),
        ("workbook_campaign_4", [b.para(c.focus_group_plan)]),
        (
            "workbook_campaign_5",
            [
                b.pairs(
                    (f"{p.name} – {b.t(key)}", "\n".join(items))
                    for _, p in personas
                    for key, items in (
                        ("matches", p.validation.matches),
                        ("gaps", p.validation.gaps),
                    )
                    if items
                )
            ],
        ),
        ("workbook_campaign_6", [b.para(c.survey_plan)]),
    ]
    out: list[Block] = []
    for key, filled in steps:
        out.extend(answer(b, filled, 3, b.t(key)))
    return out


def _activity_sheet(b: Builder) -> Table:
    """Point 17's activity table: the plan's activities and empty rows to plan more."""
    rows = [
        (when, what, channel, who, cost) for when, what, channel, _, who, cost, _ in _activities(b)
    ]
    rows.extend(("", "", "", "", "") for _ in range(max(3, 8 - len(rows))))
    return b.table(
        (b.t("when"), b.t("activity"), b.t("channel"), b.t("responsible"), b.t("budget")),
        rows,
        (1.5, 4, 2, 2, 1.5),
        "workbook-activities",
        row_lines=1,
        align=("left", "left", "left", "left", "right"),
    )


# -- the one list ---------------------------------------------------------------


def _org(b: Builder) -> list[Block | None]:
    org = b.plan.organisation
    return [
        b.fields(
            ("staffing", org.staffing),
            ("competence", org.competence),
            ("resources", org.resources),
        )
    ]


def _leader(b: Builder) -> list[Block | None]:
    leader = b.plan.organisation.development_leader
    return [
        b.fields(
            ("name", leader.name),
            ("interfaces", leader.interfaces),
            ("responsibility", leader.responsibility),
            ("development_potential", leader.development_potential),
        )
    ]


def _care(b: Builder) -> list[Block | None]:
    care = b.plan.customer_care
    return [
        b.para(care.summary),
        b.bullets("activities", care.activities),
        b.fields(("responsible", care.responsible)),
    ]


def _values(b: Builder) -> list[Block | None]:
    v = b.plan.values
    return [
        b.fields(
            ("promise", v.promise),
            ("promise_fulfilment", v.promise_fulfilment),
            ("for_staff_short", v.for_staff),
            ("for_groups_short", v.for_target_groups),
        ),
        _value_words(b),
    ]


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


def _centre_sheet(b: Builder) -> list[Block]:
    """Point 15: the four fields drawn, with the groups in them or room to place them."""
    matrix = _matrix(b)
    filters = _social_filters(b)
    if has_content(matrix):
        return [matrix, *_kept([filters]), WritingSpace(AMEND_LINES)]
    return [_matrix(b, write_in=3), *answer(b, [filters], 4)]


def _say(text: Callable[[Plan], str]) -> Blocks:
    """A paragraph of the plan's text: the whole answer to many of the workbook's questions."""
    return lambda b: [b.para(text(b.plan))]


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
        tuple(name for _, name, _ in _campaign_groups(b)),
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
    return _say(lambda p: str(getattr(p.further_work, key)))


def _numbered(n: int, key: str) -> Title:
    return lambda b: f"{n}. {b.t(key)}"


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
        Part("dialogue_forum", 1, lambda b: [b.fields(("held", b.plan.dialogue_forum.held))]),
        Ask("dialogue_forum", 1, ("workbook_forum_intro",), answer=lambda b: (), lines=0),
    ),
    SectionSpec(
        "forum-result",
        workbook=Ask(
            "workbook_forum_result",
            2,
            answer=_say(lambda p: p.dialogue_forum.held),
            lines=0,
        ),
    ),
    SectionSpec(
        "products",
        Part("products", 2, lambda b: [b.bullets("", b.plan.dialogue_forum.products)]),
        Ask("products", 3),
    ),
    SectionSpec(
        "centre-today",
        Part("centre_today", 2, lambda b: [b.para(b.profile(b.plan.dialogue_forum.centre_today))]),
        Ask("centre_today", 3),
    ),
    SectionSpec(
        "centre-tomorrow",
        Part(
            "centre_tomorrow",
            2,
            lambda b: [b.para(b.profile(b.plan.dialogue_forum.centre_tomorrow))],
        ),
        Ask("centre_tomorrow", 3),
    ),
    SectionSpec(
        "centre-approach",
        Part("centre_approach", 2, _say(lambda p: p.dialogue_forum.centre_approach)),
        Ask("centre_approach", 3),
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
        Ask("customer_care", 2, ("workbook_customer_care",)),
    ),
    SectionSpec(
        "values",
        Part("values", 1, _values),
        Ask(
            "values",
            1,
            answer=lambda b: [b.fields(("promise", b.plan.values.promise))],
            lines=5,
        ),
    ),
    # autumn 2010: the agenda for the library's own work, points 1-13
    SectionSpec("agenda", workbook=Ask("workbook_autumn", 1, ("workbook_agenda_intro",), lines=0)),
    SectionSpec("organisation", Part("organisation", 1)),
    SectionSpec(
        "mission",
        Part("mission", 2, _say(lambda p: p.organisation.mission)),
        Ask(_agenda(1), 2, lines=5),
    ),
    SectionSpec(
        "partners",
        Part(
            "partners",
            2,
            lambda b: [b.pairs((p.name, p.relation) for p in b.plan.organisation.partners)],
        ),
        Ask(_agenda(2), 2, lines=5),
    ),
    SectionSpec("staffing", Part("staffing_resources", 2, _org), Ask(_agenda(3), 2, lines=5)),
    SectionSpec(
        "development-leader",
        Part("development_leader", 2, _leader),
        Ask(_agenda(4), 2, lines=5),
    ),
    SectionSpec(
        "personas",
        Part("personas_appendix", 1, appendix=True),
        Ask(
            _agenda(5),
            2,
            ("workbook_reuse",),
            answer=lambda b: [_personas_table(b)],
            lines=5,
        ),
        each=_persona_sections,
    ),
    SectionSpec(
        "analysis",
        Part(
            "analysis",
            1,
            lambda b: [
                b.bullets("weaknesses_today", b.plan.analysis.weaknesses_today),
                b.bullets("strengths_tomorrow", b.plan.analysis.strengths_tomorrow),
            ],
        ),
        Ask(_agenda(6), 2, lines=5),
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
            # the forum's answer stands under its own heading; this is the library's own
            answer=lambda b: (),
            lines=5,
        ),
    ),
    SectionSpec(
        "value-words",
        workbook=Ask(_agenda(9), 2, answer=lambda b: [_value_words(b, "workbook-value-words")]),
    ),
    SectionSpec(
        "promise-fulfilment",
        workbook=Ask(_agenda(10), 2, answer=_say(lambda p: p.values.promise_fulfilment), lines=5),
    ),
    SectionSpec(
        "for-staff",
        workbook=Ask(_agenda(11), 2, answer=_say(lambda p: p.values.for_staff), lines=5),
    ),
    SectionSpec(
        "for-target-groups",
        workbook=Ask(_agenda(12), 2, answer=_say(lambda p: p.values.for_target_groups), lines=5),
    ),
    SectionSpec(
        "responsibility",
        workbook=Ask(
            _agenda(13),
            2,
            ("workbook_agenda_13_more",),
            # who does what is in the ATT GÖRA sheets already
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
        workbook=Ask(_agenda(16), 2, answer=_say(lambda p: p.campaign.organisation), lines=5),
    ),
    SectionSpec(
        "communication-plan",
        Part(
            "communication_plan",
            1,
            lambda b: [
                b.fields(
                    ("background", b.plan.communication_plan.background),
                    ("purpose", b.plan.communication_plan.purpose),
                ),
                b.fields(("target_groups", b.group_names(b.plan.communication_plan.target_groups))),
            ],
        ),
        Ask(_agenda(17), 2, ("workbook_agenda_17_more",), answer=lambda b: (), lines=0),
    ),
    # point 17 in the workbook: each part of a communication plan a question of its own
    SectionSpec(
        "background",
        workbook=Ask(
            "background", 3, answer=_say(lambda p: p.communication_plan.background), lines=3
        ),
    ),
    SectionSpec(
        "purpose",
        workbook=Ask("purpose", 3, answer=_say(lambda p: p.communication_plan.purpose), lines=3),
    ),
    SectionSpec("goals", Part("goals", 2, _goals), Ask("goals", 3, lines=4)),
    SectionSpec(
        "plan-target-groups",
        workbook=Ask(
            "target_groups",
            3,
            answer=lambda b: [
                b.bullets("", [b.group_name(i) for i in b.plan.communication_plan.target_groups])
            ],
            lines=3,
        ),
    ),
    SectionSpec(
        "messages",
        Part(
            "messages",
            2,
            lambda b: [
                b.table((b.t("target_group"), b.t("messages")), _messages(b), (3, 7), "messages"),
                b.bullets("channels", b.plan.communication_plan.channels),
            ],
        ),
        Ask("messages", 3, answer=lambda b: [b.pairs(_messages(b))], lines=3),
    ),
    SectionSpec(
        "channels",
        workbook=Ask(
            "channels",
            3,
            answer=lambda b: [b.bullets("", b.plan.communication_plan.channels)],
            lines=3,
        ),
    ),
    SectionSpec(
        "activities",
        Part("activities", 2, lambda b: [_activities_table(b)]),
        Ask("activities", 3, build=lambda b: [_activity_sheet(b)]),
    ),
    SectionSpec(
        "resources",
        Part(
            "resources",
            2,
            lambda b: [
                b.para(b.plan.communication_plan.resources),
                b.fields(("budget", _format.kronor(b.plan.communication_plan.budget, b.lang))),
            ],
        ),
        Ask("resources", 3, lines=3),
    ),
    SectionSpec(
        "follow-up-evaluation",
        Part(
            "follow_up_evaluation",
            2,
            lambda b: [
                b.fields(
                    ("follow_up", b.plan.communication_plan.follow_up),
                    ("method", b.plan.communication_plan.evaluation.method),
                ),
                b.bullets("indicators", b.plan.communication_plan.evaluation.indicators),
                b.fields(
                    ("schedule", b.plan.communication_plan.evaluation.schedule),
                    ("responsible", b.plan.communication_plan.evaluation.responsible),
                ),
            ],
        ),
        Ask("follow_up_evaluation", 3, lines=4),
    ),
    # questions for further discussion
    SectionSpec("further-work", Part("further_work", 1), Ask("further_work", 1, lines=0)),
    SectionSpec(
        "pr-media", Part("pr_media", 2, _further("pr_media")), Ask(_numbered(1, "pr_media"), 2)
    ),
    SectionSpec(
        "sharing-tips",
        Part("sharing_tips", 2, _further("sharing_tips")),
        Ask(_numbered(2, "sharing_tips"), 2),
    ),
    SectionSpec(
        "evaluation-template",
        Part("evaluation_template", 2, _further("evaluation_template")),
        Ask(_numbered(3, "evaluation_template"), 2),
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
            blocks.extend(answer(b, filled(b), ask.lines))
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
        ("municipality", lib.municipality),
        ("cluster", lib.cluster),
        ("period", lib.period),
        ("author", "" if workbook else lib.author),
        ("date", _format.day(date)),
    ]
    title = b.t("workbook_title" if workbook else "title")
    kind = b.t("workbook_title") if workbook else b.t("communication_plan")
    keywords = [lib.municipality, lib.cluster]
    keywords += [kind] if workbook else [plan.values.promise, kind]
    return Document(
        title=title,
        subtitle=lib.name or (b.t("workbook_subtitle") if workbook else ""),
        title_lines=tuple((b.t(k), v) for k, v in lines if v),
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
        cover_fields=_cover_fields(b) if workbook else (),
        skip_label=b.t("skip_to_content"),
    )


def _cover_fields(b: Builder) -> tuple[str, ...]:
    """The workbook cover's lines to fill in: what the plan does not say yet."""
    lib = b.plan.library
    wanted = [
        ("workbook_library", lib.name),
        ("date", _format.day(document_date(b.plan))),
        ("workbook_participants", ""),
    ]
    return tuple(b.t(key) for key, known in wanted if not known)
