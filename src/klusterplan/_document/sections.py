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

import attrs

from .._catalogue import format as _format
from ..document import (
    Block,
    Document,
    Marks,
    Matrix,
    Mode,
    Paragraph,
    Section,
    Staircase,
    Table,
    WritingSpace,
)
from ..model import (
    Horizon,
    Language,
    Plan,
)
from .builder import PlanBuilder, kept
from .cover import control_lines, status_mark
from .plan_parts import (
    action_table,
    activities_table,
    analysis_blocks,
    campaign_blocks,
    campaign_title,
    care_blocks,
    centre_profile,
    follow_up_blocks,
    further,
    leader_blocks,
    organisation_blocks,
    persona_sections,
    plan_target_groups,
    resources_blocks,
    say,
    say_at,
    staircase_blocks,
    summary_blocks,
    target_group_sections,
    values_blocks,
    votes_chart,
)
from .shared import (
    centre_matrix,
    goal_lists,
    message_table,
    value_words,
)
from .spec import Ask, Part, SectionSpec, title_of
from .workbook import (
    MORE_ROWS,
    OPEN_LINES,
    action_sheet,
    activity_sheet,
    agenda,
    analysis_sheet,
    answer,
    campaign_steps,
    centre_profile_sheet,
    centre_sheet,
    follow_up_sheet,
    goals_sheet,
    group_list,
    leader_sheet,
    numbered,
    organisation_sheet,
    partners_sheet,
    personas_table,
    resources_sheet,
    segments,
    staircase_sheet,
    values_sheet,
    written_at,
)

__all__ = ["SECTIONS", "build_document", "document_date"]


def document_date(plan: Plan) -> _dt.date | None:
    """The document date: the plan's own, else ``SOURCE_DATE_EPOCH``, else none."""
    if plan.library.date is not None:
        return plan.library.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return None


SECTIONS: tuple[SectionSpec, ...] = (
    # the plan's one-page summary for the board, between the cover and the contents
    SectionSpec("summary", Part("summary", 1, lambda b: summary_blocks(b), front=True)),
    # the first page of the seed: existing and new customers
    SectionSpec("segments", workbook=Ask("workbook_segments", 1, build=segments)),
    # ATT GÖRA: the two action sheets
    SectionSpec("actions", Part("actions", 1), Ask("workbook_todo", 1, lines=0)),
    SectionSpec(
        "actions-immediate",
        Part("immediate", 2, action_table(Horizon.IMMEDIATE)),
        Ask("immediate", 2, build=action_sheet(Horizon.IMMEDIATE)),
    ),
    SectionSpec(
        "actions-long-term",
        Part("long_term", 2, action_table(Horizon.LONG_TERM)),
        Ask("workbook_long_term", 2, build=action_sheet(Horizon.LONG_TERM)),
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
            answer=say_at("dialogue_forum.held"),
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
        Part("centre_today", 2, centre_profile("centre_today")),
        Ask("centre_today", 3, build=centre_profile_sheet("centre_today")),
    ),
    SectionSpec(
        "centre-tomorrow",
        Part("centre_tomorrow", 2, centre_profile("centre_tomorrow")),
        Ask("centre_tomorrow", 3, build=centre_profile_sheet("centre_tomorrow")),
    ),
    SectionSpec(
        "centre-approach",
        Part(
            "centre_approach",
            2,
            say(lambda p: p.dialogue_forum.centre_approach, "dialogue_forum.centre_approach"),
        ),
        Ask("centre_approach", 3, path="dialogue_forum.centre_approach"),
    ),
    # the prioritised target groups and the care of existing customers
    SectionSpec(
        "target-groups",
        Part("target_groups", 1, votes_chart),
        Ask(
            lambda b: b.t("target_groups" if b.plan.target_groups else "workbook_eight_groups"),
            1,
            build=group_list,
        ),
        each=target_group_sections,
    ),
    SectionSpec(
        "customer-care",
        Part("customer_care", 2, care_blocks),
        Ask("customer_care", 2, ("workbook_customer_care",), path="customer_care.summary"),
    ),
    SectionSpec("values", Part("values", 1, values_blocks), Ask("values", 1, build=values_sheet)),
    # autumn 2010: the agenda for the library's own work, points 1-13
    SectionSpec("agenda", workbook=Ask("workbook_autumn", 1, ("workbook_agenda_intro",), lines=0)),
    SectionSpec("organisation", Part("organisation", 1)),
    SectionSpec(
        "mission",
        Part("mission", 2, say(lambda p: p.organisation.mission, "organisation.mission")),
        Ask(agenda(1), 2, lines=5, path="organisation.mission"),
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
        Ask(agenda(2), 2, build=partners_sheet),
    ),
    SectionSpec(
        "staffing",
        Part("staffing_resources", 2, organisation_blocks),
        Ask(agenda(3), 2, build=organisation_sheet),
    ),
    SectionSpec(
        "development-leader",
        Part("development_leader", 2, leader_blocks),
        Ask(agenda(4), 2, build=leader_sheet),
    ),
    SectionSpec(
        "personas",
        Part("personas_appendix", 1, appendix=True),
        Ask(agenda(5), 2, ("workbook_reuse",), build=lambda b: [personas_table(b)]),
        each=persona_sections,
    ),
    SectionSpec(
        "analysis",
        Part("analysis", 1, analysis_blocks),
        Ask(agenda(6), 2, build=analysis_sheet),
    ),
    SectionSpec(
        "staircase",
        Part("staircase", 1, staircase_blocks),
        Ask(agenda(7), 2, build=staircase_sheet),
    ),
    SectionSpec(
        "centre-choice",
        workbook=Ask(
            agenda(8),
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
            agenda(9), 2, build=lambda b: [value_words(b, "workbook-value-words", MORE_ROWS)]
        ),
    ),
    SectionSpec(
        "promise-fulfilment",
        workbook=written_at(agenda(10), 2, "values.promise_fulfilment", lines=5),
    ),
    SectionSpec(
        "for-staff",
        workbook=written_at(agenda(11), 2, "values.for_staff", lines=5),
    ),
    SectionSpec(
        "for-target-groups",
        workbook=written_at(agenda(12), 2, "values.for_target_groups", lines=5),
    ),
    SectionSpec(
        "responsibility",
        workbook=Ask(
            agenda(13),
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
        Part(campaign_title, 1, campaign_blocks),
        Ask("workbook_campaign_section", 1, lines=0),
    ),
    SectionSpec("campaign-groups", workbook=Ask(agenda(14), 2, build=campaign_steps)),
    SectionSpec(
        "centres",
        Part("centre_placement", 1, lambda b: [centre_matrix(b)]),
        Ask(
            agenda(15),
            2,
            ("workbook_agenda_15_more",),
            build=centre_sheet,
        ),
    ),
    SectionSpec(
        "campaign-organisation",
        workbook=written_at(agenda(16), 2, "campaign.organisation", lines=5),
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
        Ask(agenda(17), 2, ("workbook_agenda_17_more",), answer=lambda b: (), lines=0),
    ),
    # point 17 in the workbook: each part of a communication plan a question of its own
    SectionSpec(
        "background",
        workbook=written_at("background", 3, "communication_plan.background", lines=3),
    ),
    SectionSpec(
        "purpose",
        workbook=written_at("purpose", 3, "communication_plan.purpose", lines=3),
    ),
    SectionSpec("goals", Part("goals", 2, goal_lists), Ask("goals", 3, build=goals_sheet)),
    SectionSpec(
        "plan-target-groups",
        workbook=Ask(
            "target_groups",
            3,
            answer=plan_target_groups,
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
                message_table(b, "messages"),
                b.bullets(
                    "channels",
                    b.plan.communication_plan.channels,
                    path="communication_plan.channels",
                ),
            ],
        ),
        Ask("messages", 3, build=lambda b: [message_table(b, "workbook-messages", 3)]),
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
        Part("activities", 2, lambda b: [activities_table(b)]),
        Ask("activities", 3, build=lambda b: [activity_sheet(b)]),
    ),
    SectionSpec(
        "resources",
        Part("resources", 2, resources_blocks),
        Ask("resources", 3, build=resources_sheet),
    ),
    SectionSpec(
        "follow-up-evaluation",
        Part("follow_up_evaluation", 2, follow_up_blocks),
        Ask("follow_up_evaluation", 3, build=follow_up_sheet),
    ),
    # questions for further discussion
    SectionSpec("further-work", Part("further_work", 1), Ask("further_work", 1, lines=0)),
    SectionSpec(
        "pr-media",
        Part("pr_media", 2, further("pr_media")),
        Ask(numbered(1, "pr_media"), 2, path="further_work.pr_media"),
    ),
    SectionSpec(
        "sharing-tips",
        Part("sharing_tips", 2, further("sharing_tips")),
        Ask(numbered(2, "sharing_tips"), 2, path="further_work.sharing_tips"),
    ),
    SectionSpec(
        "evaluation-template",
        Part("evaluation_template", 2, further("evaluation_template")),
        Ask(numbered(3, "evaluation_template"), 2, path="further_work.evaluation_template"),
    ),
)
"""Every section, in the order of the workbook."""


def _plan_sections(b: PlanBuilder) -> tuple[list[Section], list[Section]]:
    """The plan's sections: those before the contents, and the rest."""
    front: list[Section] = []
    body: list[Section] = []
    appendix: list[Section] = []
    for spec in SECTIONS:
        part = spec.plan
        if part is None:
            continue
        into = front if part.front else appendix if part.appendix else body
        blocks = kept(part.blocks(b))
        into.append(Section(title_of(part.title, b), part.level, blocks, spec.key))
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


def _workbook_sections(b: PlanBuilder) -> list[Section]:
    sections: list[Section] = []
    for spec in SECTIONS:
        ask = spec.workbook
        if ask is None:
            continue
        blocks: list[Block] = [Paragraph(b.t(note)) for note in ask.notes]
        if ask.build is not None:
            blocks.extend(ask.build(b))
        else:
            # a heading that asks nothing (no room to write, no answer of its own) shows
            # none of the plan's text: each answer stands once, under the question asking it
            asks = ask.answer is not None or ask.lines > 0
            filled = ask.answer or (spec.plan.blocks if spec.plan and asks else (lambda b: ()))
            blocks.extend(answer(b, filled(b), ask.lines, path=ask.path))
        title = title_of(ask.title, b)
        blocks = _room_enough(_prompts_with_tables(blocks))
        # a prompt saying what its heading says ("Resurser" under "Resurser") is left out
        blocks = [
            attrs.evolve(x, prompt="") if isinstance(x, WritingSpace) and x.prompt == title else x
            for x in blocks
        ]
        sections.append(
            Section(
                title,
                ask.level,
                tuple(blocks),
                spec.key,
            )
        )
    return _paged(b, sections)


def _paged(b: PlanBuilder, sections: list[Section]) -> list[Section]:
    """Each question with room to write kept together: whole on a page where it fits one.

    A format that lays out pages itself decides where one taller than the room
    left goes on, and repeats its heading there (the PDF).
    """
    out: list[Section] = []
    for section in sections:
        blocks = list(section.blocks)
        sheet = any(isinstance(x, Table) and x.landscape for x in blocks)
        question = not sheet and any(_written_on(x) for x in blocks)
        out.append(attrs.evolve(section, keep_together=question))
    return out


def _room_enough(blocks: list[Block]) -> list[Block]:
    """An open question with :data:`OPEN_LINES` ruled lines at least, however much it holds.

    What the plan already says takes room, but gives none: under a filled answer
    a workshop still adds sentences. The lines short are shared out among the
    question's parts, from the first. A question answered in a table, a figure or
    a list of its own has its room there.
    """
    spaces = [k for k, x in enumerate(blocks) if isinstance(x, WritingSpace) and x.lines]
    if not spaces or any(isinstance(x, Table | Matrix | Staircase) for x in blocks):
        return blocks
    out = list(blocks)
    short = OPEN_LINES - sum(x.lines for x in out if isinstance(x, WritingSpace))
    for n in range(max(0, short)):
        k = spaces[n % len(spaces)]
        space = out[k]
        assert isinstance(space, WritingSpace)
        out[k] = attrs.evolve(space, lines=space.lines + 1)
    return out


def _prompts_with_tables(blocks: list[Block]) -> list[Block]:
    """A prompt asking for a table to fill becomes the table's caption: it stands with it.

    Printed apart, the prompt could end a page with its table on the next; a
    caption keeps with its table's header and first rows in every format.
    """
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Table)
            and not block.caption
            and isinstance(previous, Paragraph)
            and previous.prompt
        ):
            out[-1] = attrs.evolve(block, caption=previous.text)
        else:
            out.append(block)
    return out


def _written_on(block: Block) -> bool:
    """Whether a block is room to write on: a question's answer, kept with what it asks."""
    if isinstance(block, WritingSpace):
        return True
    if isinstance(block, Table):
        return bool(block.row_lines)
    return isinstance(block, Matrix | Staircase) and bool(block.write_in)


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
    b = PlanBuilder(plan, lang, mode, large_print)
    front: list[Section] = []
    if mode is Mode.WORKBOOK:
        sections = _workbook_sections(b)
    else:
        front, sections = _plan_sections(b)
    return _document(b, tuple(sections), tuple(front))


def _document(
    b: PlanBuilder, sections: tuple[Section, ...], front: tuple[Section, ...]
) -> Document:
    plan, lang = b.plan, b.lang
    lib = plan.library
    date = document_date(plan)
    workbook = b.mode is Mode.WORKBOOK
    lines = [
        # the workbook's cover names the library as a line the workshop reads, as its
        # blank cover asks for it; the subtitle above is the value read back
        ("workbook_library", lib.name if workbook else "", ""),
        ("municipality", lib.municipality, "library.municipality"),
        ("cluster", lib.cluster, "library.cluster"),
        ("period", lib.period, "library.period"),
        ("author", "" if workbook else lib.author, "library.author"),
        # a date from SOURCE_DATE_EPOCH is the document's, not the plan's; it stays among
        # these lines, where documents written before the document information have it
        ("date", _format.day(date), "library.date" if lib.date else ""),
    ]
    # a workbook's cover says what it is, as a plan's names its document type
    kind_line: tuple[str, str, Marks] = (b.t("document_type"), b.t("workbook_kind"), ())
    control = [kind_line] if workbook else control_lines(plan, lang)
    mark = "" if workbook else status_mark(plan, lang)
    title = b.t("workbook_title" if workbook else "title")
    footer = lib.name or (title if workbook else "")
    kind = b.t("workbook_title") if workbook else (plan.document.type or b.t("communication_plan"))
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
        footer=" · ".join(t for t in (mark, footer) if t),
        sections=sections,
        mode=b.mode,
        text_language=plan.language,
        contents_title=b.t("contents"),
        contents_hint=b.t("contents_hint"),
        page_label=f"{b.t('page')} {{page}} {b.t('of')} {{pages}}",
        front=front,
        cover_fields=tuple(b.t(k) for k, _ in _cover_fields(b)) if workbook else (),
        cover_paths=tuple(p for _, p in _cover_fields(b)) if workbook else (),
        control_lines=tuple((name, value) for name, value, _ in control),
        control_marks=tuple(marks for _, _, marks in control),
        status_mark=mark,
        status=next((v for k, v, _ in control if k == b.t("document_status")), ""),
        version=plan.document.version,
        of_plan=True,
        source=plan,
        skip_label=b.t("skip_to_content"),
    )


def _cover_fields(b: PlanBuilder) -> list[tuple[str, str]]:
    """The workbook cover's lines to fill in (label key, path): what the plan does not say yet.

    The participants of the workshop are the plan's authors.
    """
    lib = b.plan.library
    wanted = [
        ("workbook_library", lib.name, "library.name"),
        ("municipality", lib.municipality, "library.municipality"),
        ("date", _format.day(document_date(b.plan)), "library.date"),
        # always asked; it fills the plan's author only while the plan names none
        ("workbook_participants", "", "" if lib.author else "library.author"),
    ]
    return [(key, path) for key, known, path in wanted if not known]
