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

from . import _format
from ._labels import enum_label, label
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
    Table,
    WritingSpace,
    has_content,
)
from .model import Action, CentreProfile, Horizon, Language, Persona, Plan, Segment

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

    def __init__(self, plan: Plan, language: Language, mode: Mode) -> None:
        self.plan = plan
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
    ) -> Table:
        """A table, its layout decided from its shape once for every format."""
        columns = len(headers)
        return Table(
            tuple(headers),
            tuple(tuple(row) for row in rows),
            tuple(widths),
            caption,
            key,
            row_lines,
            self.tag,
            landscape=columns >= WIDE_COLUMNS,
            dense=columns >= DENSE_COLUMNS,
            keep_together=keep_together,
        )

    def group_name(self, id: str) -> str:
        return self.plan.group_name(id)

    def group_names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.plan.group_name(i) for i in ids)

    def step_name(self, id: str | None) -> str:
        found = self.plan.step(id) if id else None
        return found.name if found else (id or "")

    def profile(self, profile: CentreProfile) -> str:
        names = [c.name if (c := self.plan.centre(i)) else i for i in profile.centres]
        parts = [" → ".join(names), profile.description.strip()]
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


def answer(b: Builder, filled: Iterable[Block | None], lines: int, prompt: str = "") -> list[Block]:
    """What the plan says, or room to write when it says nothing yet."""
    kept = list(_kept(filled))
    if kept:
        return [Paragraph(prompt), *kept] if prompt else kept
    return [WritingSpace(lines, prompt)] if lines else []


def _agenda(n: int) -> Title:
    return lambda b: f"{n}. {b.t(f'workbook_agenda_{n}')}"


# -- blocks shared by the plan and the workbook ---------------------------------


def _value_words(b: Builder, key: str = "value-words") -> Table:
    v = b.plan.values
    return b.table(
        (b.t("value_word"), b.t("for_staff"), b.t("for_target_groups")),
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


def _matrix(b: Builder) -> Matrix:
    plan = b.plan
    return Matrix(
        b.t("centre_matrix"),
        tuple(
            (c.name, tuple(g.name for g in plan.target_groups if g.centre == c.id))
            for c in plan.centres
        ),
        b.tag,
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


def _activities(b: Builder) -> list[tuple[str, str, str, str, str, str]]:
    cp = b.plan.communication_plan
    return [
        (
            _format.day(a.date),
            a.what,
            a.channel,
            b.group_names(a.target_groups),
            a.responsible,
            _format.kronor(a.budget, b.lang),
        )
        for a in sorted(cp.activities, key=lambda a: (a.date is None, a.date or _dt.date.min))
    ]


# -- the plan's own blocks ------------------------------------------------------


def _action_rows(b: Builder, actions: Sequence[Action]) -> Iterator[tuple[str, ...]]:
    for i, a in enumerate(actions, 1):
        yield (
            str(i),
            a.what,
            a.organisational_consequence,
            a.communicative_consequence,
            a.responsible,
            ", ".join(a.roles),
            b.group_names(a.target_groups),
            _format.day(a.due),
        )


def _action_table(horizon: Horizon) -> Blocks:
    def blocks(b: Builder) -> list[Block]:
        key = horizon.value
        slug = key.replace("_", "-")
        headers = (
            "#",
            b.t(key),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
            b.t("responsible"),
            b.t("roles"),
            b.t("target_groups"),
            b.t("due"),
        )
        actions = [a for a in b.plan.actions if a.horizon is horizon]
        widths = (0.4, 3, 3, 3, 1.6, 1.6, 1.8, 1.4)
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
                    "",
                    f"{i}. {a.what}",
                    f"{i}. {a.organisational_consequence}",
                    f"{i}. {communication or a.communicative_consequence}",
                )
            )
        if not rows:
            rows.append(
                (
                    "",
                    f"1. {b.t(hint)}",
                    f"1. {b.t('workbook_hint_organisational')}",
                    f"1. {b.t(communicative)}",
                )
            )
        while len(rows) < WORKBOOK_ROWS:
            n = len(rows) + 1
            rows.append(("", f"{n}.", f"{n}.", f"{n}."))
        slug = horizon.value.replace("_", "-")
        headers = (
            b.t("workbook_todo"),
            b.t(title),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
        )
        return [
            b.table(
                headers,
                rows,
                (1.2, 3, 3, 3),
                f"workbook-actions-{slug}",
                row_lines=2,
                keep_together=True,
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
        ("#", b.t("target_group"), b.t("segment"), b.t("votes")),
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
                    ("centre", centre.name if centre else group.centre),
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
    return b.table(
        (
            b.t("when"),
            b.t("activity"),
            b.t("channel"),
            b.t("target_groups"),
            b.t("responsible"),
            b.t("budget"),
        ),
        _activities(b),
        (1.4, 3.5, 1.8, 2.2, 1.8, 1.3),
        "activities",
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


def _responsibility_table(b: Builder) -> Table:
    return b.table(
        (b.t("activity"), b.t("responsible"), b.t("roles")),
        ((a.what, a.responsible, ", ".join(a.roles)) for a in b.plan.actions),
        (5, 2.5, 2.5),
        "workbook-responsibility",
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


def _communication_plan_sheet(b: Builder) -> list[Block]:
    """Point 17: room for each part of a communication plan, and an activity table."""
    cp = b.plan.communication_plan
    ev = cp.evaluation
    parts: list[tuple[str, list[Block | None]]] = [
        ("background", [b.para(cp.background)]),
        ("purpose", [b.para(cp.purpose)]),
        ("goals", list(_goals(b))),
        ("target_groups", [b.bullets("", [b.group_name(i) for i in cp.target_groups])]),
        ("messages", [b.pairs(_messages(b))]),
        ("channels", [b.bullets("", cp.channels)]),
        ("resources", [b.para(cp.resources)]),
        ("follow_up", [b.para(cp.follow_up)]),
        (
            "evaluation",
            [
                b.fields(
                    ("method", ev.method),
                    ("schedule", ev.schedule),
                    ("responsible", ev.responsible),
                ),
                b.bullets("indicators", ev.indicators),
            ],
        ),
    ]
    out: list[Block] = []
    for key, filled in parts:
        out.extend(answer(b, filled, 3, b.t(key)))
    rows = [
        (when, what, channel, who, cost) for when, what, channel, _, who, cost in _activities(b)
    ]
    rows.extend(("", "", "", "", "") for _ in range(max(3, 8 - len(rows))))
    out.append(
        b.table(
            (b.t("when"), b.t("activity"), b.t("channel"), b.t("responsible"), b.t("budget")),
            rows,
            (1.5, 4, 2, 2, 1.5),
            "workbook-activities",
            caption=b.t("activities"),
            row_lines=1,
        )
    )
    return out


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
            ("for_staff", v.for_staff),
            ("for_target_groups", v.for_target_groups),
        ),
        _value_words(b),
    ]


def _staircase(b: Builder) -> list[Block | None]:
    table = _staircase_table(b)
    if not table.rows:
        return []  # the steps alone say nothing about this library
    steps = tuple(
        f"{s.name} – {s.description}" if s.description else s.name for s in b.plan.staircase
    )
    return [BulletList(steps, ordered=True, lang=b.tag), table]


def _say(text: Callable[[Plan], str]) -> Blocks:
    """A paragraph of the plan's text: the whole answer to many of the workbook's questions."""
    return lambda b: [b.para(text(b.plan))]


def _further(key: str) -> Blocks:
    return _say(lambda p: str(getattr(p.further_work, key)))


def _numbered(n: int, key: str) -> Title:
    return lambda b: f"{n}. {b.t(key)}"


SECTIONS: tuple[SectionSpec, ...] = (
    # the first page of the seed: existing and new customers
    SectionSpec("segments", workbook=Ask("workbook_segments", 1, build=_segments)),
    # ATT GÖRA: the two action sheets
    SectionSpec("actions", Part("actions", 1), Ask("actions", 1, lines=0)),
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
            answer=lambda b: [b.fields(("promise", b.plan.values.promise)), _value_words(b)],
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
        Part("personas", 1),
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
        Part(
            "staircase",
            1,
            _staircase,
        ),
        Ask(_agenda(7), 2, answer=lambda b: [_staircase_table(b)], lines=5),
    ),
    SectionSpec(
        "centre-choice",
        workbook=Ask(
            _agenda(8),
            2,
            ("workbook_agenda_8_more",),
            answer=lambda b: [
                b.fields(
                    ("centre_tomorrow", b.profile(b.plan.dialogue_forum.centre_tomorrow)),
                    ("centre_approach", b.plan.dialogue_forum.centre_approach),
                )
            ],
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
            answer=lambda b: [_responsibility_table(b)],
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
            answer=lambda b: [_matrix(b), _social_filters(b)],
            lines=5,
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
        Ask(
            _agenda(17),
            2,
            ("workbook_agenda_17_more",),
            build=_communication_plan_sheet,
        ),
    ),
    SectionSpec("goals", Part("goals", 2, _goals)),
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
    ),
    SectionSpec("activities", Part("activities", 2, lambda b: [_activities_table(b)])),
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


def _plan_sections(b: Builder) -> list[Section]:
    sections: list[Section] = []
    for spec in SECTIONS:
        if spec.plan is not None:
            part = spec.plan
            blocks = _kept(part.blocks(b))
            sections.append(Section(_title(part.title, b), part.level, blocks, spec.key))
        if spec.each is not None:
            sections.extend(spec.each(b))
    return _prune(sections)


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
    plan: Plan, language: Language | None = None, *, mode: Mode = Mode.PLAN
) -> Document:
    """Describe ``plan`` as a document in ``language`` (the plan's own by default).

    ``mode`` chooses the plan export or the workshop workbook; the workbook of
    ``Plan()`` is the blank workbook.

    >>> import klusterplan
    >>> document = klusterplan.build_document(klusterplan.example())
    >>> document.sections[0].title
    'Att göra'
    """
    lang = language or plan.language
    b = Builder(plan, lang, mode)
    sections = _workbook_sections(b) if mode is Mode.WORKBOOK else _plan_sections(b)
    return _document(b, tuple(sections))


def _document(b: Builder, sections: tuple[Section, ...]) -> Document:
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
        skip_label=b.t("skip_to_content"),
    )
