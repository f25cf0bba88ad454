"""One description of an exported document, shared by every document format.

:func:`build_document` turns a plan into a :class:`Document`: a title page,
then sections in the workbook's order, each a heading level and a list of
blocks (paragraphs, lists, tables, a chart, the centre matrix). The Markdown,
Word and PDF exporters only render this tree, so the sections' order and
wording live here once. Sections with nothing to say are left out.

Every string in the tree is plan text or a label: plain text, never markup.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ._labels import enum_label, label
from .model import Action, CentreProfile, Horizon, Language, Persona, Plan, TargetGroup

__all__ = [
    "Block",
    "BulletList",
    "Chart",
    "Document",
    "Fields",
    "Matrix",
    "Paragraph",
    "Quote",
    "Section",
    "WIDE_COLUMNS",
    "Table",
    "WritingSpace",
    "build_document",
    "chapters",
    "document_date",
    "has_content",
    "has_wide_table",
]

#: Tables with this many columns or more are laid out on landscape pages (Word, PDF):
#: on a portrait A4 page their narrow columns would break words in the middle.
WIDE_COLUMNS = 7


@attrs.frozen
class Paragraph:
    """A paragraph of running text; blank lines in it separate paragraphs."""

    text: str


@attrs.frozen
class Quote:
    """A quotation, such as a persona's own words."""

    text: str
    attribution: str = ""


@attrs.frozen
class BulletList:
    """A list of short items, optionally under a caption."""

    items: tuple[str, ...]
    caption: str = ""
    ordered: bool = False


@attrs.frozen
class Fields:
    """Label and value pairs, such as a persona's age and life situation."""

    items: tuple[tuple[str, str], ...]


@attrs.frozen
class Table:
    """A table with a header row; ``widths`` are relative column widths."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    caption: str = ""
    key: str = ""
    """A stable name for the table, e.g. ``actions-immediate``."""
    row_lines: int = 0
    """Handwriting lines each body row should leave room for (the blank workbook); 0 sizes
    rows to their text."""


@attrs.frozen
class Chart:
    """A bar chart that comes with its numbers as a table.

    A chart alone is not accessible: every renderer shows :attr:`table`, and
    those that can draw add the bars. Renderers that cannot draw show only the
    table, so the numbers stand in every format once.
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    table: Table
    """The same numbers, and more about each bar, as a table."""


@attrs.frozen
class Matrix:
    """The four-field centre matrix: each centre with the groups placed in it."""

    title: str
    cells: tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen
class WritingSpace:
    """Room to write by hand, in ruled lines (the blank workbook)."""

    lines: int = 3
    prompt: str = ""


Block = Paragraph | Quote | BulletList | Fields | Table | Chart | Matrix | WritingSpace


@attrs.frozen
class Section:
    """A heading and its blocks. Levels start at 1 and never skip."""

    title: str
    level: int
    blocks: tuple[Block, ...]
    key: str
    """A stable name, e.g. ``target-group-oerfarne``, for bookmarks and anchors."""


@attrs.frozen
class Document:
    """A whole export: title page, metadata and sections."""

    title: str
    subtitle: str
    title_lines: tuple[tuple[str, str], ...]
    """Label and value pairs shown on the title page."""
    promise: str
    language: Language
    author: str
    subject: str
    keywords: tuple[str, ...]
    date: _dt.date | None
    footer: str
    """The text beside the page number, the library's name."""
    sections: tuple[Section, ...]

    @property
    def language_tag(self) -> str:
        """The document language as a BCP 47 tag, ``sv-SE`` or ``en-GB``."""
        return "sv-SE" if self.language is Language.SV else "en-GB"


def chapters(sections: Iterable[Section]) -> list[tuple[Section, ...]]:
    """``sections`` grouped into chapters: a level-1 section and the subsections under it."""
    out: list[list[Section]] = []
    for section in sections:
        if section.level == 1 or not out:
            out.append([])
        out[-1].append(section)
    return [tuple(chapter) for chapter in out]


def has_wide_table(sections: Iterable[Section]) -> bool:
    """Whether any of ``sections`` holds a table of :data:`WIDE_COLUMNS` columns or more.

    A chapter that does goes on landscape pages, whole, so that its heading
    stays with the tables under it.
    """
    return any(
        isinstance(b, Table) and len(b.headers) >= WIDE_COLUMNS for s in sections for b in s.blocks
    )


def document_date(plan: Plan) -> _dt.date | None:
    """The document date: the plan's own, else ``SOURCE_DATE_EPOCH``, else none."""
    if plan.library.date is not None:
        return plan.library.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return None


class _Builder:
    """Collects sections, leaving out those that would be empty."""

    def __init__(self, plan: Plan, language: Language) -> None:
        self.plan = plan
        self.lang = language
        self.sections: list[Section] = []

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def add(self, key: str, title: str, level: int, blocks: Iterable[Block | None]) -> bool:
        kept = tuple(b for b in blocks if b is not None and has_content(b))
        if kept:
            self.sections.append(Section(title, level, kept, key))
        return bool(kept)

    @contextlib.contextmanager
    def chapter(self, key: str, title: str, blocks: Iterable[Block | None] = ()) -> Iterator[None]:
        """A level-1 section whose subsections are added inside the block.

        The chapter is kept when it has blocks of its own or any subsection.
        """
        kept = tuple(b for b in blocks if b is not None and has_content(b))
        start = len(self.sections)
        self.sections.append(Section(title, 1, kept, key))
        yield
        if not kept and len(self.sections) == start + 1:
            self.sections.pop()

    def group_name(self, id: str) -> str:
        group = self.plan.target_group(id)
        return group.name if group and group.name else id

    def group_names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.group_name(i) for i in ids)

    def fields(self, *pairs: tuple[str, str | int | None]) -> Fields:
        return Fields(tuple((self.t(k), str(v)) for k, v in pairs if v not in (None, "")))

    def bullets(self, key: str, items: Sequence[str]) -> BulletList:
        return BulletList(tuple(items), self.t(key))


def has_content(block: Block) -> bool:
    """Whether a block has something to show; empty ones are left out of an export."""
    if isinstance(block, Paragraph | Quote):
        return bool(block.text.strip())
    if isinstance(block, BulletList):
        return bool(block.items)
    if isinstance(block, Fields):
        return bool(block.items)
    if isinstance(block, Table):
        return bool(block.rows)
    if isinstance(block, Chart):
        return bool(block.table.rows)
    if isinstance(block, Matrix):
        return any(groups for _, groups in block.cells)
    return True


def _paragraphs(text: str) -> Paragraph:
    return Paragraph(text.strip())


def build_document(plan: Plan, language: Language | None = None) -> Document:
    """Describe ``plan`` as a document in ``language`` (the plan's own by default)."""
    lang = language or plan.language
    b = _Builder(plan, lang)
    _organisation(b)
    _dialogue_forum(b)
    _target_groups(b)
    _personas(b)
    _analysis(b)
    _staircase(b)
    _centres(b)
    _values(b)
    _actions(b)
    _campaign(b)
    _communication_plan(b)
    _further_work(b)
    return _document(plan, lang, tuple(b.sections))


def _document(plan: Plan, lang: Language, sections: tuple[Section, ...]) -> Document:
    lib = plan.library
    date = document_date(plan)
    title_lines = tuple(
        (label(k, lang), v)
        for k, v in (
            ("municipality", lib.municipality),
            ("cluster", lib.cluster),
            ("period", lib.period),
            ("author", lib.author),
            ("date", date.isoformat() if date else ""),
        )
        if v
    )
    keywords = tuple(
        k
        for k in (
            lib.municipality,
            lib.cluster,
            plan.values.promise,
            label("communication_plan", lang),
        )
        if k
    )
    return Document(
        title=label("title", lang),
        subtitle=lib.name,
        title_lines=title_lines,
        promise=plan.values.promise,
        language=lang,
        author=lib.author or lib.name,
        subject=label("subject", lang),
        keywords=keywords,
        date=date,
        footer=lib.name,
        sections=sections,
    )


def _organisation(b: _Builder) -> None:
    org = b.plan.organisation
    leader = org.development_leader
    with b.chapter(
        "organisation",
        b.t("organisation"),
        [
            b.fields(("mission", org.mission)),
            b.fields(
                ("staffing", org.staffing),
                ("competence", org.competence),
                ("resources", org.resources),
            ),
        ],
    ):
        b.add(
            "partners",
            b.t("partners"),
            2,
            [Fields(tuple((p.name, p.relation) for p in org.partners))],
        )
        b.add(
            "development-leader",
            b.t("development_leader"),
            2,
            [
                b.fields(
                    ("name", leader.name),
                    ("interfaces", leader.interfaces),
                    ("responsibility", leader.responsibility),
                    ("development_potential", leader.development_potential),
                )
            ],
        )


def _profile(b: _Builder, profile: CentreProfile) -> str:
    names = [c.name if (c := b.plan.centre(i)) else i for i in profile.centres]
    parts = [" → ".join(names) if names else "", profile.description.strip()]
    return "\n\n".join(p for p in parts if p)


def _dialogue_forum(b: _Builder) -> None:
    forum = b.plan.dialogue_forum
    b.add(
        "dialogue-forum",
        b.t("dialogue_forum"),
        1,
        [
            b.fields(("held", forum.held)),
            b.bullets("products", forum.products),
            b.fields(
                ("centre_today", _profile(b, forum.centre_today)),
                ("centre_tomorrow", _profile(b, forum.centre_tomorrow)),
                ("centre_approach", forum.centre_approach),
            ),
        ],
    )


def _segment(b: _Builder, group: TargetGroup) -> str:
    return enum_label(group.segment, b.lang) if group.segment else ""


def _target_groups(b: _Builder) -> None:
    groups = b.plan.target_groups
    if not groups:
        return
    rows = tuple(
        (str(i), g.name, _segment(b, g), "" if g.votes is None else str(g.votes))
        for i, g in enumerate(groups, 1)
    )
    voted = [g for g in groups if g.votes is not None]
    table = Table(
        ("#", b.t("target_group"), b.t("segment"), b.t("votes")),
        rows,
        (0.5, 5, 3, 1.2),
        key="target-groups",
    )
    chart = Chart(
        b.t("votes_chart"),
        tuple(g.name for g in voted),
        tuple(g.votes or 0 for g in voted),
        table,
    )
    b.add("target-groups", b.t("target_groups"), 1, [chart])
    for group in groups:
        centre = b.plan.centre(group.centre) if group.centre else None
        b.add(
            f"target-group-{group.id}",
            group.name or group.id,
            2,
            [
                b.fields(("segment", _segment(b, group)), ("votes", group.votes)),
                _paragraphs(group.description),
                b.bullets("needs", group.needs),
                b.fields(
                    ("social_filter", group.social_filter.meaning),
                    ("centre", centre.name if centre else group.centre),
                ),
                b.bullets("social_needs", group.social_filter.needs),
            ],
        )
    care = b.plan.customer_care
    b.add(
        "customer-care",
        b.t("customer_care"),
        2,
        [
            _paragraphs(care.summary),
            b.bullets("activities", care.activities),
            b.fields(("responsible", care.responsible)),
        ],
    )


def _persona_blocks(b: _Builder, persona: Persona) -> list[Block | None]:
    years = f"{persona.age} {b.t('years')}" if persona.age is not None else None
    return [
        b.fields(("age", years), ("life_situation", persona.life_situation)),
        Quote(persona.quote, persona.name),
        _paragraphs(persona.story),
        b.bullets("needs", persona.needs),
        b.bullets("goals", persona.goals),
        b.bullets("frustrations", persona.frustrations),
        b.bullets("channels", persona.channels),
    ]


def _validation_blocks(b: _Builder, persona: Persona) -> list[Block | None]:
    v = persona.validation
    fg = v.focus_group
    surveys = Table(
        (b.t("by"), b.t("method"), b.t("description"), b.t("date")),
        tuple(
            (s.by, s.method, s.description, s.date.isoformat() if s.date else "") for s in v.surveys
        ),
        (2, 2, 4, 1.5),
        b.t("surveys"),
        key="surveys",
    )
    return [
        b.fields(
            (
                "focus_group",
                " / ".join(
                    p
                    for p in (
                        f"{b.t('planned_size')}: {fg.planned_size}"
                        if fg.planned_size is not None
                        else "",
                        f"{b.t('recruited')}: {fg.recruited}" if fg.recruited is not None else "",
                        f"{b.t('date')}: {fg.date.isoformat()}" if fg.date else "",
                    )
                    if p
                ),
            ),
            ("recruitment", fg.recruitment),
        ),
        surveys,
        b.bullets("matches", v.matches),
        b.bullets("gaps", v.gaps),
        b.fields(("lessons", v.lessons)),
    ]


def _personas(b: _Builder) -> None:
    with b.chapter("personas", b.t("personas")):
        for group in b.plan.target_groups:
            persona = group.persona
            if persona is None:
                continue
            title = " – ".join(n for n in (persona.name, group.name) if n) or group.id
            if b.add(f"persona-{group.id}", title, 2, _persona_blocks(b, persona)):
                b.add(
                    f"validation-{group.id}",
                    b.t("validation"),
                    3,
                    _validation_blocks(b, persona),
                )


def _analysis(b: _Builder) -> None:
    a = b.plan.analysis
    b.add(
        "analysis",
        b.t("analysis"),
        1,
        [
            b.bullets("weaknesses_today", a.weaknesses_today),
            b.bullets("strengths_tomorrow", a.strengths_tomorrow),
        ],
    )


def _staircase(b: _Builder) -> None:
    plan = b.plan

    def step(id: str | None) -> str:
        found = plan.step(id) if id else None
        return found.name if found else (id or "")

    rows = tuple(
        (g.name, step(g.staircase.current), step(g.staircase.target))
        for g in plan.target_groups
        if g.staircase.current or g.staircase.target
    )
    steps = BulletList(
        tuple(f"{s.name} – {s.description}" if s.description else s.name for s in plan.staircase),
        ordered=True,
    )
    if rows:
        b.add(
            "staircase",
            b.t("staircase"),
            1,
            [
                steps,
                Table(
                    (b.t("target_group"), b.t("current_step"), b.t("target_step")),
                    rows,
                    (5, 2.5, 2.5),
                    key="staircase",
                ),
            ],
        )


def _centres(b: _Builder) -> None:
    plan = b.plan
    forum = plan.dialogue_forum
    cells = tuple(
        (c.name, tuple(g.name for g in plan.target_groups if g.centre == c.id))
        for c in plan.centres
    )
    b.add(
        "centres",
        b.t("centres"),
        1,
        [
            b.fields(
                ("centre_today", _profile(b, forum.centre_today)),
                ("centre_tomorrow", _profile(b, forum.centre_tomorrow)),
            ),
            Matrix(b.t("centre_matrix"), cells),
        ],
    )


def _values(b: _Builder) -> None:
    v = b.plan.values
    b.add(
        "values",
        b.t("values"),
        1,
        [
            b.fields(
                ("promise", v.promise),
                ("promise_fulfilment", v.promise_fulfilment),
                ("for_staff", v.for_staff),
                ("for_target_groups", v.for_target_groups),
            ),
            Table(
                (b.t("value_word"), b.t("for_staff"), b.t("for_target_groups")),
                tuple((w.word, w.for_staff, w.for_target_groups) for w in v.words),
                (1.5, 4, 4),
                key="value-words",
            ),
        ],
    )


def _action_rows(b: _Builder, actions: Sequence[Action]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            str(i),
            a.what,
            a.organisational_consequence,
            a.communicative_consequence,
            a.responsible,
            ", ".join(a.roles),
            b.group_names(a.target_groups),
            a.due.isoformat() if a.due else "",
        )
        for i, a in enumerate(actions, 1)
    )


def _actions(b: _Builder) -> None:
    with b.chapter("actions", b.t("actions")):
        for horizon in Horizon:
            _action_table(b, horizon)


def _action_table(b: _Builder, horizon: Horizon) -> None:
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
    rows = _action_rows(b, [a for a in b.plan.actions if a.horizon is horizon])
    widths = (0.4, 3, 3, 3, 1.6, 1.6, 1.8, 1.4)
    b.add(
        f"actions-{slug}",
        b.t(key),
        2,
        [Table(headers, rows, widths, key=f"actions-{slug}")],
    )


def _campaign(b: _Builder) -> None:
    c = b.plan.campaign
    title = f"{b.t('campaign')} {c.year}" if c.year else b.t("campaign")
    groups = Table(
        (b.t("priority"), b.t("target_group"), b.t("motivation")),
        tuple(
            (
                "" if g.priority is None else str(g.priority),
                b.group_name(g.target_group),
                g.motivation,
            )
            for g in sorted(c.groups, key=lambda g: (g.priority is None, g.priority or 0))
        ),
        (1, 3, 6),
        key="campaign-groups",
    )
    b.add(
        "campaign",
        title,
        1,
        [
            b.fields(("basis", c.basis)),
            groups,
            b.fields(
                ("focus_group_plan", c.focus_group_plan),
                ("survey_plan", c.survey_plan),
                ("campaign_organisation", c.organisation),
            ),
        ],
    )


def _kronor(b: _Builder, amount: int | None) -> str:
    if amount is None:
        return ""
    grouped = f"{amount:,}".replace(",", "\u00a0")
    return f"{grouped} {b.t('currency')}"


def _communication_plan(b: _Builder) -> None:
    cp = b.plan.communication_plan
    messages = Table(
        (b.t("target_group"), b.t("messages")),
        tuple(
            (
                b.group_name(m.target_group) if m.target_group else b.t("all_groups"),
                m.text,
            )
            for m in cp.messages
        ),
        (3, 7),
        key="messages",
    )
    activities = tuple(
        (
            a.date.isoformat() if a.date else "",
            a.what,
            a.channel,
            b.group_names(a.target_groups),
            a.responsible,
            _kronor(b, a.budget),
        )
        for a in sorted(cp.activities, key=lambda a: (a.date is None, a.date or _dt.date.min))
    )
    with b.chapter(
        "communication-plan",
        b.t("communication_plan"),
        [
            b.fields(("background", cp.background), ("purpose", cp.purpose)),
            b.fields(("target_groups", b.group_names(cp.target_groups))),
        ],
    ):
        _communication_parts(b, messages, activities)


def _communication_parts(
    b: _Builder, messages: Table, activities: tuple[tuple[str, ...], ...]
) -> None:
    cp = b.plan.communication_plan
    b.add(
        "goals",
        b.t("goals"),
        2,
        [
            b.bullets("know", cp.goals.know),
            b.bullets("feel", cp.goals.feel),
            b.bullets("do", cp.goals.do),
        ],
    )
    b.add("messages", b.t("messages"), 2, [messages, b.bullets("channels", cp.channels)])
    b.add(
        "activities",
        b.t("activities"),
        2,
        [
            Table(
                (
                    b.t("when"),
                    b.t("activity"),
                    b.t("channel"),
                    b.t("target_groups"),
                    b.t("responsible"),
                    b.t("budget"),
                ),
                activities,
                (1.4, 3.5, 1.8, 2.2, 1.8, 1.3),
                key="activities",
            )
        ],
    )
    b.add(
        "resources",
        b.t("resources"),
        2,
        [b.fields(("resources", cp.resources), ("budget", _kronor(b, cp.budget)))],
    )
    ev = cp.evaluation
    b.add(
        "follow-up-evaluation",
        b.t("follow_up_evaluation"),
        2,
        [
            b.fields(("follow_up", cp.follow_up), ("method", ev.method)),
            b.bullets("indicators", ev.indicators),
            b.fields(("schedule", ev.schedule), ("responsible", ev.responsible)),
        ],
    )


def _further_work(b: _Builder) -> None:
    fw = b.plan.further_work
    b.add(
        "further-work",
        b.t("further_work"),
        1,
        [
            b.fields(
                ("pr_media", fw.pr_media),
                ("sharing_tips", fw.sharing_tips),
                ("evaluation_template", fw.evaluation_template),
            )
        ],
    )
