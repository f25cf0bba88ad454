"""The workshop workbook's own questions: sheets to fill in, room to write, the seed's examples.

Each question shows what the plan already answers, with room to amend it, or
room to write where it answers nothing yet; every room is marked with the plan
value it would fill, so the filled-in Word workbook can be read back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .._model.paths import placement
from ..document import (
    Block,
    BulletList,
    Paragraph,
    Rows,
    Table,
    WritingSpace,
    has_content,
    sheet_role,
)
from ..model import (
    Horizon,
    Segment,
    TargetGroup,
)
from . import design as _design
from .builder import Cell, PlanBuilder, compose, kept, whole
from .metrics import CELL_PADDING, fit_columns
from .plan_parts import (
    LEADER_FIELDS,
    analysis_blocks,
    centre_profile,
    follow_up_blocks,
    horizon_actions,
    leader_blocks,
    organisation_blocks,
    resources_blocks,
    say_at,
)
from .shared import (
    activity_rows,
    campaign_groups,
    campaign_table,
    cell,
    cell_lines,
    centre_matrix,
    goal_lists,
    group_path,
    staircase_figure,
    staircase_table,
)
from .spec import Ask, Title
from .workbook_pages import estimate, filling_rows, pairs_width

__all__ = [
    "AMEND_LINES",
    "MORE_ROWS",
    "OPEN_LINES",
    "SHORT_LINES",
    "WORKBOOK_ROWS",
    "action_sheet",
    "activity_sheet",
    "agenda",
    "analysis_sheet",
    "answer",
    "campaign_steps",
    "centre_profile_sheet",
    "centre_sheet",
    "follow_up_sheet",
    "goals_sheet",
    "group_list",
    "leader_sheet",
    "numbered",
    "organisation_sheet",
    "partners_sheet",
    "personas_table",
    "resources_sheet",
    "segments",
    "several",
    "staircase_sheet",
    "values_sheet",
    "written_at",
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


#: Handwriting lines left under a pre-filled answer, to amend it at the workshop.
AMEND_LINES = 2


#: Handwriting lines, at least, for a question the plan leaves open: a workshop writes
#: sentences there, not a word.
OPEN_LINES = 6


#: Lines for a value of a few words (a name, an amount, the centres chosen): room for
#: one line of handwriting and a second to correct it.
SHORT_LINES = 2


#: Empty rows a workbook table leaves for more, under what the plan already has.
MORE_ROWS = 2


def answer(
    b: PlanBuilder, filled: Iterable[Block | None], lines: int, prompt: str = "", path: str = ""
) -> list[Block]:
    """What the plan says, with room to amend it, or room to write when it says nothing yet.

    The room is for the value at ``path``: what is written there adds to it.
    """
    shown = list(kept(filled))
    if shown:
        head: list[Block] = [Paragraph(prompt, prompt=True)] if prompt else []
        return [*head, *shown, WritingSpace(AMEND_LINES, path=path)] if lines else [*head, *shown]
    return [WritingSpace(max(lines, OPEN_LINES), prompt, path)] if lines else []


def several(
    b: PlanBuilder, filled: Iterable[Block | None], asks: Sequence[tuple[str, str, int, bool]]
) -> list[Block]:
    """A question of several values: what the plan has, and room for each it lacks.

    ``asks`` are (label key, path, lines, whether the plan has it): a value of
    a few words asks for :data:`SHORT_LINES`, any other for :data:`OPEN_LINES`.
    The room left under what the plan has belongs to no
    single value: on paper it is for notes, and text typed there in Word is
    reported rather than read.
    """
    shown = list(kept(filled))
    out: list[Block] = [*shown]
    out += [WritingSpace(lines, b.t(key), path) for key, path, lines, has in asks if not has]
    if shown:
        out.append(WritingSpace(AMEND_LINES))
    return out


def agenda(n: int) -> Title:
    return lambda b: f"{n}. {b.t(f'workbook_agenda_{n}')}"


def _seed_names(b: PlanBuilder) -> list[str]:
    """The workbook's eight groups, for tables to fill in a blank workbook."""
    return [b.t(key) for key, _ in _SEED_GROUPS]


def _group_sheet(
    b: PlanBuilder,
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
        item = group_path(i)
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


#: The ATT GÖRA sheet's columns: the field each fills, and its share of the width by what
#: gets written in it (an action and its consequences in sentences, a name, a few roles).
#: The same in sheets A and B, whatever their hints say.
_ACTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("what", 2.8),
    ("organisational_consequence", 2.8),
    ("communicative_consequence", 2.8),
    ("responsible", 1.5),
    ("roles", 2.3),
)


#: The ATT GÖRA columns of names (a person with a title, roles): kept whole, not broken
#: one word a line as a sentence's long words may be.
_NAMES = ("responsible", "roles")


def _action_rows(b: PlanBuilder, horizon: Horizon) -> tuple[list[tuple[Cell, ...]], list[str]]:
    """The plan's actions as numbered rows of an ATT GÖRA sheet, and the item each row shows.

    Each field has a column of its own: nothing in a cell is told apart by brackets.
    """
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for n, (item, a) in enumerate(horizon_actions(b, horizon), 1):
        values = {
            "what": a.what.strip(),
            "organisational_consequence": a.organisational_consequence.strip(),
            "communicative_consequence": a.communicative_consequence.strip(),
            "responsible": a.responsible.strip(),
            "roles": ", ".join(r.strip() for r in a.roles if r.strip()),
        }
        row: list[Cell] = []
        for field, _ in _ACTION_COLUMNS:
            # the row's number stands in each of its cells, as in the seed's numbered
            # columns: what is written across a row is one action's
            row.append(compose(f"{n}. ", (values[field], f"{item}.{field}")))
        rows.append(tuple(row))
        items.append(item)
    return rows, items


def _action_widths(b: PlanBuilder, headers: Sequence[str]) -> tuple[float, ...]:
    """The ATT GÖRA columns' widths, the same in sheets A and B.

    Shared by :data:`_ACTION_COLUMNS`' weights, each column at least as wide as
    the longest word written in it in either sheet (a long name in sheet A widens
    the column in B too), so that the two sheets stand alike.
    """
    weights = tuple(weight for _, weight in _ACTION_COLUMNS)
    rows = [cells for h in Horizon for cells in _action_rows(b, h)[0]]
    texts = [tuple(c if isinstance(c, str) else c[0] for c in row) for row in rows]
    # each sheet's own header (measured bold)
    texts += [(b.t("workbook_long_term"), *headers[1:])] if headers[0] == b.t("immediate") else []
    texts += [(b.t("immediate"), *headers[1:])] if headers[0] != b.t("immediate") else []
    # (a sheet of its own, set as the questions are)
    size = _design.size(sheet_role(len(headers), 1, True), b.large_print)
    padding = CELL_PADDING + 2
    # a name stays whole, each line of it two words or more; a role ends where its
    # comma is ("kommunikationsavdelningen," may stand alone); a sentence has a line of
    # two words at least, its long words alone on a line where they must
    needs = [
        max(
            (
                pairs_width(part, size, widest=field in _NAMES) + padding
                for row in texts[: len(rows)]
                for part in (row[c].split(", ") if field == "roles" else [row[c]])
            ),
            default=0.0,
        )
        for c, (field, _) in enumerate(_ACTION_COLUMNS)
    ]
    # columns weighed alike (the three written in sentences) stay alike
    needs = [max(n for n, v in zip(needs, weights, strict=True) if v == w) for w in weights]
    # a filled cell too narrow for two of its words side by side ("Maria Lund, barn- /
    # och / ungdomsbibliotekarie"): its column weighs its need, the others share the rest
    available = _design.text_width(True)
    shares: Sequence[float] = weights
    fitted = fit_columns(headers, texts, shares, available, size, padding=padding, by_weight=True)
    for _ in range(len(weights)):
        if (
            not fitted
            or sum(needs) > available
            or all(w >= n - 0.5 for w, n in zip(fitted, needs, strict=True))
        ):
            break
        # a column the fit holds to its longest word keeps that width as its need too
        total = sum(shares)
        held = [f > available * s / total + 0.5 for f, s in zip(fitted, shares, strict=True)]
        needs = [max(n, f) if h else n for n, f, h in zip(needs, fitted, held, strict=True)]
        shares = _at_least(weights, needs, available)
        fitted = fit_columns(
            headers, texts, shares, available, size, padding=padding, by_weight=True
        )
    return tuple(fitted) if fitted else weights


def _at_least(
    weights: Sequence[float], least: Sequence[float], available: float
) -> tuple[float, ...]:
    """Widths that share ``available`` by ``weights``, no column under its ``least``."""
    fixed: set[int] = set()
    while True:
        room = available - sum(least[c] for c in fixed)
        total = sum(w for c, w in enumerate(weights) if c not in fixed) or 1.0
        widths = [least[c] if c in fixed else room * w / total for c, w in enumerate(weights)]
        short = {c for c, w in enumerate(widths) if c not in fixed and w < least[c]}
        if not short:
            return tuple(widths)
        fixed |= short


def action_sheet(horizon: Horizon) -> Callable[[PlanBuilder], list[Block]]:
    """An ATT GÖRA sheet of the seed: numbered rows, every one left to write on.

    A blank sheet has the seed's ten rows; a sheet the plan fills has its
    actions and :data:`MORE_ROWS` rows for more. Either is laid out alike: whole
    on a landscape page of its own, its columns sized by what gets written in
    them (:data:`_ACTION_COLUMNS`), not by the hints or the plan's text.
    """

    def build(b: PlanBuilder) -> list[Block]:
        immediate = horizon is Horizon.IMMEDIATE
        title = "immediate" if immediate else "workbook_long_term"
        rows, items = _action_rows(b, horizon)
        blank = not rows
        headers = (
            b.t(title),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
            b.t("responsible"),
            b.t("workbook_roles"),
        )
        widths = _action_widths(b, headers)
        wanted = WORKBOOK_ROWS if blank else len(rows) + MORE_ROWS
        if not blank:
            wanted = filling_rows(b, headers, rows, widths, wanted, first=immediate)
        while len(rows) < wanted:
            n = len(rows) + 1
            rows.append((f"{n}.",) * len(_ACTION_COLUMNS))
            items.append("")
        slug = horizon.value.replace("_", "-")
        return [
            b.table(
                headers,
                rows,
                widths,
                f"workbook-actions-{slug}",
                # the seed's ten rows share a page; under a plan's action, a line to amend it
                row_lines=1,
                # five columns written in sentences: a landscape page of its own, whole,
                # blank or filled in, so that sheets A and B look alike in every workbook
                keep_together=True,
                landscape=True,
                source=Rows(
                    "actions",
                    tuple(items),
                    tuple((field,) for field, _ in _ACTION_COLUMNS),
                    fixed=(("horizon", horizon.value),),
                ),
            ),
        ]

    return build


def segments(b: PlanBuilder) -> list[Block]:
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


def group_list(b: PlanBuilder) -> list[Block]:
    def votes(n: int | None, item: str = "") -> list[str | tuple[str, str]]:
        if n is None:
            return []
        before, _, after = b.t("workbook_votes").partition("{votes}")
        number = str(n)
        return [f" ({before}", (number, f"{item}.votes") if item else number, f"{after})"]

    groups = b.plan.target_groups
    if groups:
        composed = [
            compose((g.name or g.id, f"{group_path(i)}.name"), *votes(g.votes, group_path(i)))
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


def personas_table(b: PlanBuilder) -> Table:
    return _group_sheet(
        b,
        "workbook-personas",
        (b.t("target_group"), b.t("segment"), b.t("persona")),
        (4, 3, 3),
        ("segment", "persona.name"),
        lambda g, item: (
            cell(item, "segment", b.segment(g.segment)),
            cell(item, "persona.name", g.persona.name if g.persona else ""),
        ),
    )


def _campaign_personas(b: PlanBuilder, in_campaign: set[str]) -> Table:
    """Point 14, step 3: a persona for each group of the campaign."""
    return _group_sheet(
        b,
        "workbook-campaign-personas",
        (b.t("target_group"), b.t("persona")),
        (4, 6),
        ("persona.name",),
        lambda g, item: (cell(item, "persona.name", g.persona.name if g.persona else ""),),
        only=lambda g: g.id in in_campaign,
        more=3 if not in_campaign else 0,
        seeds=False,
    )


def _campaign_validation(b: PlanBuilder, in_campaign: set[str]) -> Table:
    """Point 14, step 5: each campaign group's persona against reality."""
    return _group_sheet(
        b,
        "workbook-campaign-validation",
        (b.t("target_group"), b.t("matches"), b.t("gaps")),
        (3, 4, 4),
        ("persona.validation.matches", "persona.validation.gaps"),
        lambda g, item: (
            cell_lines(
                item,
                "persona.validation.matches",
                g.persona.validation.matches if g.persona else (),
            ),
            cell_lines(
                item, "persona.validation.gaps", g.persona.validation.gaps if g.persona else ()
            ),
        ),
        only=lambda g: g.id in in_campaign,
        more=3 if not in_campaign else 0,
        seeds=False,
    )


def campaign_steps(b: PlanBuilder) -> list[Block]:
    """Point 14: the six steps of choosing the campaign's groups."""
    c = b.plan.campaign
    chosen = campaign_groups(b)
    ranked = placement("campaign.groups[].priority", "#")
    in_campaign = {g.target_group for g in c.groups}
    names = tuple(name for _, p, name, _ in chosen if p is not None)
    more = 3 if not c.groups else 1
    out: list[Block] = []
    # 1: choose at most three groups and say why, from the basic offer and segments
    out.append(Paragraph(b.t("workbook_campaign_1"), prompt=True))
    out.extend(
        answer(b, [b.fields(("basis", c.basis, "campaign.basis"))], 0, path="campaign.basis")
    )
    if not c.basis.strip():
        out.append(WritingSpace(OPEN_LINES, b.t("basis"), "campaign.basis"))
    out.append(campaign_table(b, "workbook-campaign-groups", priority=False, more=more))
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
    out.append(_campaign_personas(b, in_campaign))
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
    out.append(_campaign_validation(b, in_campaign))
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


def activity_sheet(b: PlanBuilder) -> Table:
    """Point 17's activity table: the plan's activities and empty rows to plan more."""
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for item, (when, what, channel, _, who, cost, _) in activity_rows(b):
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


def partners_sheet(b: PlanBuilder) -> list[Block]:
    """Point 2: each programme and how the library relates to it."""
    org = b.plan.organisation
    rows: list[tuple[Cell, ...]] = []
    items: list[str] = []
    for i, p in enumerate(org.partners):
        item = f"organisation.partners[{i}]"
        rows.append((cell(item, "name", p.name), cell(item, "relation", p.relation)))
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


def organisation_sheet(b: PlanBuilder) -> list[Block]:
    org = b.plan.organisation
    return several(
        b,
        organisation_blocks(b),
        [
            (key, f"organisation.{key}", OPEN_LINES, bool(getattr(org, key).strip()))
            for key in ("staffing", "competence", "resources")
        ],
    )


def leader_sheet(b: PlanBuilder) -> list[Block]:
    leader = b.plan.organisation.development_leader
    base = "organisation.development_leader"
    return several(
        b,
        leader_blocks(b),
        [
            (
                key,
                f"{base}.{key}",
                SHORT_LINES if key == "name" else OPEN_LINES,
                bool(getattr(leader, key).strip()),
            )
            for key in LEADER_FIELDS
        ],
    )


def values_sheet(b: PlanBuilder) -> list[Block]:
    """Both of the seed's prompts, the core values and the promise, filled or open.

    The words are set out in point 9; here they stand by name, with room to add
    to them, as the promise stands with room to amend it.
    """
    v = b.plan.values
    words = [(i, w.word.strip()) for i, w in enumerate(v.words) if w.word.strip()]
    out: list[Block] = []
    if words:
        listed = BulletList(
            tuple(word for _, word in words),
            lang=b.tag,
            path="values.words",
            fields=("word",),
            marks=tuple(whole(f"values.words[{i}].word", word) for i, word in words),
        )
        out += answer(b, [listed], SHORT_LINES, b.t("workbook_core_values"), "values.words")
    else:
        out.append(WritingSpace(SHORT_LINES, b.t("workbook_core_values"), "values.words"))
    if v.promise.strip():
        promise = [b.fields(("promise", v.promise, "values.promise"))]
        return out + answer(b, promise, 5, path="values.promise")
    return [*out, WritingSpace(OPEN_LINES, b.t("promise"), "values.promise")]


def analysis_sheet(b: PlanBuilder) -> list[Block]:
    a = b.plan.analysis
    return several(
        b,
        analysis_blocks(b),
        [
            ("weaknesses_today", "analysis.weaknesses_today", OPEN_LINES, bool(a.weaknesses_today)),
            (
                "strengths_tomorrow",
                "analysis.strengths_tomorrow",
                OPEN_LINES,
                bool(a.strengths_tomorrow),
            ),
        ],
    )


def centre_profile_sheet(when: str) -> Callable[[PlanBuilder], list[Block]]:
    def build(b: PlanBuilder) -> list[Block]:
        profile = getattr(b.plan.dialogue_forum, when)
        path = f"dialogue_forum.{when}"
        return several(
            b,
            centre_profile(when)(b),
            [
                ("workbook_centres", f"{path}.centres", SHORT_LINES, bool(profile.centres)),
                (
                    "description",
                    f"{path}.description",
                    OPEN_LINES,
                    bool(profile.description.strip()),
                ),
            ],
        )

    return build


def staircase_sheet(b: PlanBuilder) -> list[Block]:
    """Point 7: the staircase drawn, with the groups on it or room to place them."""
    table = staircase_table(b)
    if table.rows:
        # each step keeps the blank's room to write, under the groups on it
        figure = staircase_figure(b, write_in=2)
        notes = WritingSpace(AMEND_LINES)
        tall = sum(estimate(x, b.large_print) for x in (figure, table, notes))
        if tall > _design.text_height(False):
            # the steps' own lines are the room to amend: the notes would go on over the
            # page alone, under the question's heading repeated
            return [figure, table]
        return [figure, table, notes]
    return [staircase_figure(b, write_in=2)]


def _social_sheet(b: PlanBuilder) -> Table:
    """Point 15: the social perspective as a filter for each group, and its needs."""
    return _group_sheet(
        b,
        "workbook-social-filter",
        (b.t("target_group"), b.t("social_filter"), b.t("social_needs")),
        # a group's name on one line, as in point 5's sheet
        (5, 4, 3),
        ("social_filter.meaning", "social_filter.needs"),
        lambda g, item: (
            cell(item, "social_filter.meaning", g.social_filter.meaning),
            cell_lines(item, "social_filter.needs", g.social_filter.needs),
        ),
    )


def centre_sheet(b: PlanBuilder) -> list[Block]:
    """Point 15: the four fields drawn, with the groups in them or room to place them."""
    matrix = centre_matrix(b)
    if has_content(matrix):
        return [matrix, _social_sheet(b)]
    return [centre_matrix(b, write_in=3), _social_sheet(b)]


def written_at(title: Title, level: int, path: str, lines: int) -> Ask:
    """A workbook question the plan answers with its text at ``path``, or lines to write on."""
    return Ask(title, level, answer=say_at(path), lines=lines, path=path)


def numbered(n: int, key: str) -> Title:
    return lambda b: f"{n}. {b.t(key)}"


def resources_sheet(b: PlanBuilder) -> list[Block]:
    cp = b.plan.communication_plan
    return several(
        b,
        resources_blocks(b),
        [
            ("resources", "communication_plan.resources", OPEN_LINES, bool(cp.resources.strip())),
            ("budget", "communication_plan.budget", SHORT_LINES, cp.budget is not None),
        ],
    )


def follow_up_sheet(b: PlanBuilder) -> list[Block]:
    cp = b.plan.communication_plan
    ev = cp.evaluation
    return several(
        b,
        follow_up_blocks(b),
        [
            ("follow_up", "communication_plan.follow_up", OPEN_LINES, bool(cp.follow_up.strip())),
            (
                "evaluation",
                "communication_plan.evaluation.method",
                OPEN_LINES,
                bool(ev.method.strip()),
            ),
            (
                "indicators",
                "communication_plan.evaluation.indicators",
                OPEN_LINES,
                bool(ev.indicators),
            ),
        ],
    )


def goals_sheet(b: PlanBuilder) -> list[Block]:
    goals = b.plan.communication_plan.goals
    base = "communication_plan.goals"
    return several(
        b,
        goal_lists(b),
        [
            (key, f"{base}.{key}", OPEN_LINES, bool(getattr(goals, key)))
            for key in ("know", "feel", "do")
        ],
    )
