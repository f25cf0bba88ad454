"""The blank workshop workbook "Vårt biblioteks lokala målgrupper" as a document.

:func:`build_workbook` describes the workbook the libraries worked through at
the dialogue forum, in its own order: the A/B lines, both ATT GÖRA tables with
ten numbered writing rows, the dialogue-forum summary, the eight target
groups, the autumn agenda's seventeen points, the cluster-campaign steps and
the questions for further discussion, each with room to write by hand.

Given a plan, every point the plan already answers shows the answer instead of
empty lines, so a library can print its half-finished plan for the next
workshop. The result is the same :class:`~klusterplan.document.Document` the
Word, PDF and Markdown exporters render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ._labels import enum_label, label
from .document import (
    Block,
    BulletList,
    Document,
    Fields,
    Matrix,
    Paragraph,
    Section,
    Table,
    WritingSpace,
    document_date,
    has_content,
)
from .model import Horizon, Language, Plan, Segment

__all__ = ["WORKBOOK_ROWS", "build_workbook"]

#: Numbered writing rows in each ATT GÖRA table, as in the workbook.
WORKBOOK_ROWS = 10

#: The eight groups the dialogue forum voted for, with their votes.
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


def _present(block: Block | None) -> bool:
    """Whether a pre-filled block has something to show."""
    return block is not None and has_content(block)


class _Workbook:
    def __init__(self, plan: Plan | None, language: Language) -> None:
        self.plan = plan
        self.lang = language
        self.sections: list[Section] = []

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def section(self, key: str, title: str, level: int, blocks: Iterable[Block]) -> None:
        self.sections.append(Section(title, level, tuple(blocks), key))

    def answer(
        self, filled: Iterable[Block | None], lines: int = 4, prompt: str = ""
    ) -> list[Block]:
        """What the plan says, or room to write when it says nothing yet."""
        kept: list[Block] = [b for b in filled if b is not None and _present(b)]
        if kept:
            return [Paragraph(prompt), *kept] if prompt else kept
        return [WritingSpace(lines, prompt)]

    def fields(self, *pairs: tuple[str, str | int | None]) -> Fields:
        return Fields(tuple((self.t(k), str(v)) for k, v in pairs if v not in (None, "")))

    def bullets(self, key: str, items: Sequence[str]) -> BulletList:
        return BulletList(tuple(items), self.t(key))

    def group_name(self, id: str) -> str:
        group = self.plan.target_group(id) if self.plan else None
        return group.name if group and group.name else id


def build_workbook(plan: Plan | None, language: Language | None = None) -> Document:
    """Describe the workshop workbook in ``language``, pre-filled from ``plan`` if given.

    Without a plan every point has room to write by hand; with one, points the
    plan answers show the answer. ``language`` defaults to the plan's own, or
    Swedish without a plan.
    """
    lang = language or (plan.language if plan else Language.SV)
    w = _Workbook(plan, lang)
    _segments(w)
    _todo(w)
    _forum(w)
    _groups(w)
    _values(w)
    _agenda(w)
    _campaign(w)
    _further(w)
    return _document(w)


def _document(w: _Workbook) -> Document:
    plan, lang = w.plan, w.lang
    title_lines: tuple[tuple[str, str], ...] = ()
    keywords = [w.t("workbook_title")]
    date = None
    name = ""
    author = ""
    promise = ""
    if plan is not None:
        lib = plan.library
        date = document_date(plan)
        name = lib.name
        author = lib.author or lib.name
        promise = plan.values.promise
        title_lines = tuple(
            (label(k, lang), v)
            for k, v in (
                ("municipality", lib.municipality),
                ("cluster", lib.cluster),
                ("period", lib.period),
                ("date", date.isoformat() if date else ""),
            )
            if v
        )
        keywords = [k for k in (lib.municipality, lib.cluster, *keywords) if k]
    return Document(
        title=w.t("workbook_title"),
        subtitle=name or w.t("workbook_subtitle"),
        title_lines=title_lines,
        promise=promise,
        language=lang,
        author=author,
        subject=w.t("workbook_subject"),
        keywords=tuple(keywords),
        date=date,
        footer=name or w.t("workbook_title"),
        sections=tuple(w.sections),
    )


def _segments(w: _Workbook) -> None:
    groups = w.plan.target_groups if w.plan else ()
    blocks: list[Block] = []
    for segment, key in ((Segment.A, "workbook_segment_a"), (Segment.B, "workbook_segment_b")):
        names = tuple(g.name or g.id for g in groups if g.segment is segment)
        blocks.extend(w.answer([BulletList(names, w.t(key))], 2, w.t(key) if not names else ""))
    w.section("workbook-segments", w.t("workbook_segments"), 1, blocks)


def _todo(w: _Workbook) -> None:
    w.section("workbook-actions", w.t("actions"), 1, [])
    for horizon, title, hint in (
        (Horizon.IMMEDIATE, "immediate", "workbook_hint_immediate"),
        (Horizon.LONG_TERM, "workbook_long_term", "workbook_hint_long_term"),
    ):
        communicative = (
            "workbook_hint_communicative_immediate"
            if horizon is Horizon.IMMEDIATE
            else "workbook_hint_communicative"
        )
        actions = [a for a in (w.plan.actions if w.plan else ()) if a.horizon is horizon]
        rows: list[tuple[str, ...]] = []
        for i, a in enumerate(actions, 1):
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
        if not actions:
            # the printed workbook shows what to write in its first row
            rows.append(
                (
                    "",
                    f"1. {w.t(hint)}",
                    f"1. {w.t('workbook_hint_organisational')}",
                    f"1. {w.t(communicative)}",
                )
            )
        while len(rows) < WORKBOOK_ROWS:
            n = len(rows) + 1
            rows.append(("", f"{n}.", f"{n}.", f"{n}."))
        slug = horizon.value.replace("_", "-")
        w.section(
            f"workbook-actions-{slug}",
            w.t(title),
            2,
            [
                Table(
                    (
                        w.t("workbook_todo"),
                        w.t(title),
                        w.t("organisational_consequence"),
                        w.t("communicative_consequence"),
                    ),
                    tuple(rows),
                    (1.2, 3, 3, 3),
                    key=f"workbook-actions-{slug}",
                    row_lines=2,
                )
            ],
        )


def _profile(w: _Workbook, centres: Sequence[str], description: str) -> str:
    plan = w.plan
    names = [c.name if plan and (c := plan.centre(i)) else i for i in centres]
    return "\n\n".join(p for p in (" → ".join(names), description.strip()) if p)


def _forum(w: _Workbook) -> None:
    forum = w.plan.dialogue_forum if w.plan else None
    w.section(
        "workbook-dialogue-forum",
        w.t("dialogue_forum"),
        1,
        [Paragraph(w.t("workbook_forum_intro"))],
    )
    w.section(
        "workbook-forum-result",
        w.t("workbook_forum_result"),
        2,
        [Paragraph(forum.held)] if forum and forum.held else [],
    )
    parts: list[tuple[str, str, Block | None]] = [
        ("products", "products", BulletList(forum.products) if forum else None),
        (
            "centre-today",
            "centre_today",
            Paragraph(_profile(w, forum.centre_today.centres, forum.centre_today.description))
            if forum
            else None,
        ),
        (
            "centre-tomorrow",
            "centre_tomorrow",
            Paragraph(_profile(w, forum.centre_tomorrow.centres, forum.centre_tomorrow.description))
            if forum
            else None,
        ),
        ("centre-approach", "centre_approach", Paragraph(forum.centre_approach) if forum else None),
    ]
    for key, title, filled in parts:
        w.section(f"workbook-{key}", w.t(title), 3, w.answer([filled], 4))


def _groups(w: _Workbook) -> None:
    plan = w.plan
    groups = plan.target_groups if plan else ()

    def votes(n: int | None) -> str:
        return f" ({w.t('workbook_votes').format(votes=n)})" if n is not None else ""

    if groups:
        title = w.t("target_groups")
        items = tuple(f"{g.name or g.id}{votes(g.votes)}" for g in groups)
    else:
        title = w.t("workbook_eight_groups")
        items = tuple(f"{w.t(key)}{votes(n)}" for key, n in _SEED_GROUPS)
    w.section("workbook-target-groups", title, 1, [BulletList(items, ordered=True)])
    care = plan.customer_care if plan else None
    w.section(
        "workbook-customer-care",
        w.t("customer_care"),
        2,
        [
            Paragraph(w.t("workbook_customer_care")),
            *w.answer(
                [
                    Paragraph(care.summary) if care else None,
                    w.bullets("activities", care.activities) if care else None,
                    w.fields(("responsible", care.responsible)) if care else None,
                ],
                4,
            ),
        ],
    )


def _values(w: _Workbook) -> None:
    v = w.plan.values if w.plan else None
    filled: list[Block | None] = []
    if v is not None:
        filled = [
            w.fields(("promise", v.promise)),
            Table(
                (w.t("value_word"), w.t("for_staff"), w.t("for_target_groups")),
                tuple((x.word, x.for_staff, x.for_target_groups) for x in v.words),
                (1.5, 4, 4),
                key="workbook-value-words",
            ),
        ]
    w.section("workbook-values", w.t("values"), 1, w.answer(filled, 5))


def _point(w: _Workbook, n: int, more: str = "") -> tuple[str, list[Block]]:
    title = f"{n}. {w.t(f'workbook_agenda_{n}')}"
    return title, [Paragraph(w.t(more))] if more else []


def _agenda(w: _Workbook) -> None:
    plan = w.plan
    w.section(
        "workbook-agenda",
        w.t("workbook_autumn"),
        1,
        [Paragraph(w.t("workbook_agenda_intro"))],
    )
    org = plan.organisation if plan else None
    leader = org.development_leader if org else None
    analysis = plan.analysis if plan else None
    forum = plan.dialogue_forum if plan else None
    v = plan.values if plan else None
    groups = plan.target_groups if plan else ()

    def step(id: str | None) -> str:
        found = plan.step(id) if plan and id else None
        return found.name if found else (id or "")

    answers: dict[int, list[Block | None]] = {
        1: [Paragraph(org.mission) if org else None],
        2: [Fields(tuple((p.name, p.relation) for p in org.partners)) if org else None],
        3: [
            w.fields(
                ("staffing", org.staffing),
                ("competence", org.competence),
                ("resources", org.resources),
            )
            if org
            else None
        ],
        4: [
            w.fields(
                ("name", leader.name),
                ("interfaces", leader.interfaces),
                ("responsibility", leader.responsibility),
                ("development_potential", leader.development_potential),
            )
            if leader
            else None
        ],
        5: [
            Table(
                (w.t("target_group"), w.t("segment"), w.t("persona")),
                tuple(
                    (
                        g.name or g.id,
                        enum_label(g.segment, w.lang) if g.segment else "",
                        g.persona.name if g.persona else "",
                    )
                    for g in groups
                ),
                (4, 3, 3),
                key="workbook-personas",
            )
        ],
        6: [
            w.bullets("weaknesses_today", analysis.weaknesses_today) if analysis else None,
            w.bullets("strengths_tomorrow", analysis.strengths_tomorrow) if analysis else None,
        ],
        7: [
            Table(
                (w.t("target_group"), w.t("current_step"), w.t("target_step")),
                tuple(
                    (g.name or g.id, step(g.staircase.current), step(g.staircase.target))
                    for g in groups
                    if g.staircase.current or g.staircase.target
                ),
                (5, 2.5, 2.5),
                key="workbook-staircase",
            )
        ],
        8: [
            w.fields(
                (
                    "centre_tomorrow",
                    _profile(w, forum.centre_tomorrow.centres, forum.centre_tomorrow.description),
                ),
                ("centre_approach", forum.centre_approach),
            )
            if forum
            else None
        ],
        9: [
            Table(
                (w.t("value_word"), w.t("for_staff"), w.t("for_target_groups")),
                tuple((x.word, x.for_staff, x.for_target_groups) for x in v.words),
                (1.5, 4, 4),
                key="workbook-agenda-value-words",
            )
            if v
            else None
        ],
        10: [Paragraph(v.promise_fulfilment) if v else None],
        11: [Paragraph(v.for_staff) if v else None],
        12: [Paragraph(v.for_target_groups) if v else None],
        13: [
            Table(
                (w.t("activity"), w.t("responsible"), w.t("roles")),
                tuple((a.what, a.responsible, ", ".join(a.roles)) for a in plan.actions),
                (5, 2.5, 2.5),
                key="workbook-responsibility",
            )
            if plan
            else None
        ],
    }
    more = {8: "workbook_agenda_8_more", 13: "workbook_agenda_13_more"}
    for n in range(1, 14):
        title, intro = _point(w, n, more.get(n, ""))
        if n == 5:
            intro.insert(0, Paragraph(w.t("workbook_reuse")))
        w.section(f"workbook-agenda-{n}", title, 2, [*intro, *w.answer(answers[n], 5)])


def _campaign(w: _Workbook) -> None:
    plan = w.plan
    c = plan.campaign if plan else None
    w.section("workbook-campaign", w.t("workbook_campaign_section"), 1, [])
    groups = sorted(c.groups, key=lambda g: (g.priority is None, g.priority or 0)) if c else []
    personas = [
        (g, tg.persona)
        for g in groups
        if plan and (tg := plan.target_group(g.target_group)) and tg.persona
    ]
    steps: list[tuple[str, list[Block | None]]] = [
        (
            "workbook_campaign_1",
            [
                w.fields(("basis", c.basis)) if c else None,
                Table(
                    (w.t("target_group"), w.t("motivation")),
                    tuple((w.group_name(g.target_group), g.motivation) for g in groups),
                    (3, 7),
                    key="workbook-campaign-groups",
                ),
            ],
        ),
        (
            "workbook_campaign_2",
            [
                BulletList(
                    tuple(w.group_name(g.target_group) for g in groups if g.priority is not None),
                    ordered=True,
                )
            ],
        ),
        (
            "workbook_campaign_3",
            [Fields(tuple((w.group_name(g.target_group), p.name) for g, p in personas if p.name))],
        ),
        ("workbook_campaign_4", [Paragraph(c.focus_group_plan) if c else None]),
        (
            "workbook_campaign_5",
            [
                Fields(
                    tuple(
                        (f"{p.name} – {w.t(key)}", "; ".join(items))
                        for _, p in personas
                        for key, items in (
                            ("matches", p.validation.matches),
                            ("gaps", p.validation.gaps),
                        )
                        if items
                    )
                )
            ],
        ),
        ("workbook_campaign_6", [Paragraph(c.survey_plan) if c else None]),
    ]
    blocks: list[Block] = []
    for key, filled in steps:
        blocks.extend(w.answer(filled, 3, w.t(key)))
    title, _ = _point(w, 14)
    w.section("workbook-agenda-14", title, 2, blocks)

    title, intro = _point(w, 15, "workbook_agenda_15_more")
    cells: tuple[tuple[str, tuple[str, ...]], ...] = ()
    filters: Fields | None = None
    if plan:
        cells = tuple(
            (ce.name, tuple(g.name for g in plan.target_groups if g.centre == ce.id))
            for ce in plan.centres
        )
        filters = Fields(
            tuple(
                (g.name or g.id, g.social_filter.meaning)
                for g in plan.target_groups
                if g.social_filter.meaning
            )
        )
    w.section(
        "workbook-agenda-15",
        title,
        2,
        [*intro, *w.answer([Matrix(w.t("centre_matrix"), cells), filters], 5)],
    )
    title, intro = _point(w, 16)
    w.section(
        "workbook-agenda-16",
        title,
        2,
        [*intro, *w.answer([Paragraph(c.organisation) if c else None], 5)],
    )
    title, intro = _point(w, 17, "workbook_agenda_17_more")
    w.section("workbook-agenda-17", title, 2, [*intro, *_communication_plan(w)])


def _communication_plan(w: _Workbook) -> list[Block]:
    """Room for each part of a communication plan, with an empty activity table."""
    cp = w.plan.communication_plan if w.plan else None
    parts: list[tuple[str, Callable[[], list[Block | None]]]] = []
    if cp is not None:
        parts = [
            ("background", lambda: [Paragraph(cp.background)]),
            ("purpose", lambda: [Paragraph(cp.purpose)]),
            (
                "goals",
                lambda: [
                    w.bullets("know", cp.goals.know),
                    w.bullets("feel", cp.goals.feel),
                    w.bullets("do", cp.goals.do),
                ],
            ),
            (
                "target_groups",
                lambda: [BulletList(tuple(w.group_name(i) for i in cp.target_groups))],
            ),
            (
                "messages",
                lambda: [
                    Fields(
                        tuple(
                            (
                                w.group_name(m.target_group)
                                if m.target_group
                                else w.t("all_groups"),
                                m.text,
                            )
                            for m in cp.messages
                        )
                    )
                ],
            ),
            ("channels", lambda: [BulletList(cp.channels)]),
            ("resources", lambda: [Paragraph(cp.resources)]),
            ("follow_up", lambda: [Paragraph(cp.follow_up)]),
            (
                "evaluation",
                lambda: [
                    w.fields(
                        ("method", cp.evaluation.method),
                        ("schedule", cp.evaluation.schedule),
                        ("responsible", cp.evaluation.responsible),
                    ),
                    w.bullets("indicators", cp.evaluation.indicators),
                ],
            ),
        ]
    else:
        parts = [
            (key, lambda: [])
            for key in (
                "background",
                "purpose",
                "goals",
                "target_groups",
                "messages",
                "channels",
                "resources",
                "follow_up",
                "evaluation",
            )
        ]
    blocks: list[Block] = []
    for key, filled in parts:
        blocks.extend(w.answer(filled(), 3, w.t(key)))
    activities = [
        (
            a.date.isoformat() if a.date else "",
            a.what,
            a.channel,
            a.responsible,
            "" if a.budget is None else f"{a.budget} {w.t('currency')}",
        )
        for a in (cp.activities if cp else ())
    ]
    rows = len(activities)
    activities.extend(("", "", "", "", "") for _ in range(max(3, 8 - rows)))
    blocks.append(
        Table(
            (w.t("when"), w.t("activity"), w.t("channel"), w.t("responsible"), w.t("budget")),
            tuple(activities),
            (1.5, 4, 2, 2, 1.5),
            w.t("activities"),
            key="workbook-activities",
            row_lines=1,
        )
    )
    return blocks


def _further(w: _Workbook) -> None:
    fw = w.plan.further_work if w.plan else None
    w.section("workbook-discussion", w.t("further_work"), 1, [])
    for n, key in enumerate(("pr_media", "sharing_tips", "evaluation_template"), 1):
        text = getattr(fw, key) if fw else ""
        w.section(
            f"workbook-further-{n}",
            f"{n}. {w.t(key)}",
            2,
            w.answer([Paragraph(text)], 4),
        )
