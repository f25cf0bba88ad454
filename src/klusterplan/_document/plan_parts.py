"""The plan's own blocks: what each section of the plan export shows, and nothing more.

A function here builds one section's blocks from the plan; a section whose
blocks are all empty is left out of the plan. The workbook reuses them as what
the plan already answers.
"""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Callable, Iterator

from .._catalogue import format as _format
from ..document import (
    Block,
    BulletList,
    Chart,
    Paragraph,
    Quote,
    Rows,
    Section,
    Table,
)
from ..model import (
    Action,
    ActionStatus,
    Horizon,
    Persona,
    Plan,
)
from .builder import Cell, PlanBuilder, compose, kept, whole
from .shared import (
    ACTIVITY_COLUMNS,
    activities_total,
    activity_rows,
    campaign_groups,
    campaign_table,
    cell,
    group_path,
    staircase_figure,
    staircase_table,
    value_words,
)
from .spec import Blocks
from .summary_text import more_actions, summary_text

__all__ = [
    "LEADER_FIELDS",
    "SUMMARY_ACTIONS",
    "SUMMARY_ACTIONS_LARGE",
    "action_table",
    "activities_table",
    "analysis_blocks",
    "campaign_blocks",
    "campaign_title",
    "care_blocks",
    "centre_profile",
    "follow_up_blocks",
    "further",
    "horizon_actions",
    "leader_blocks",
    "organisation_blocks",
    "persona_sections",
    "plan_target_groups",
    "resources_blocks",
    "say",
    "say_at",
    "staircase_blocks",
    "summary_blocks",
    "target_group_sections",
    "values_blocks",
    "votes_chart",
]


def _who(action: Action, item: str) -> Cell:
    """Who is responsible, and the roles in brackets; each its own value."""
    responsible = action.responsible.strip()
    roles = ", ".join(r.strip() for r in action.roles)
    if responsible and roles:
        return compose((responsible, f"{item}.responsible"), " (", (roles, f"{item}.roles"), ")")
    if roles:
        return compose(("", f"{item}.responsible"), (roles, f"{item}.roles"))
    return compose((responsible, f"{item}.responsible"), ("", f"{item}.roles"))


def horizon_actions(b: PlanBuilder, horizon: Horizon) -> list[tuple[str, Action]]:
    return [(f"actions[{i}]", a) for i, a in enumerate(b.plan.actions) if a.horizon is horizon]


def action_table(horizon: Horizon) -> Blocks:
    def blocks(b: PlanBuilder) -> list[Block]:
        key = horizon.value
        slug = key.replace("_", "-")
        headers = (
            b.t("number"),
            b.t("action"),
            b.t("organisational_consequence"),
            b.t("communicative_consequence"),
            b.t("who"),
            b.t("groups_short"),
            b.t("due"),
            b.t("status"),
        )
        actions = horizon_actions(b, horizon)
        rows = [
            (
                str(n),
                cell(item, "what", a.what),
                cell(item, "organisational_consequence", a.organisational_consequence),
                cell(item, "communicative_consequence", a.communicative_consequence),
                _who(a, item),
                cell(item, "target_groups", b.group_names(a.target_groups)),
                cell(item, "due", _format.day(a.due)),
                cell(item, "status", b.status(a.status)),
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


def votes_chart(b: PlanBuilder) -> list[Block]:
    groups = b.plan.target_groups
    rows = []
    for i, g in enumerate(groups):
        item = group_path(i)
        votes = "" if g.votes is None else _format.number(g.votes)
        rows.append(
            (
                str(i + 1),
                cell(item, "name", g.name),
                cell(item, "segment", b.segment(g.segment)),
                cell(item, "votes", votes),
            )
        )
    table = b.table(
        (b.t("number"), b.t("target_group"), b.t("segment"), b.t("votes")),
        rows,
        (0.5, 5, 3, 1.2),
        "target-groups",
        align=("left", "left", "left", "right"),
        source=Rows(
            "target_groups",
            tuple(group_path(i) for i in range(len(groups))),
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


def target_group_sections(b: PlanBuilder) -> Iterator[Section]:
    for i, group in enumerate(b.plan.target_groups):
        item = group_path(i)
        centre = b.plan.centre(group.centre) if group.centre else None
        blocks = kept(
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


def _persona_blocks(b: PlanBuilder, persona: Persona, item: str) -> list[Block | None]:
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


def _validation_blocks(b: PlanBuilder, persona: Persona, item: str) -> list[Block | None]:
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
                cell(f"{base}.surveys[{n}]", "by", s.by),
                cell(f"{base}.surveys[{n}]", "method", s.method),
                cell(f"{base}.surveys[{n}]", "description", s.description),
                cell(f"{base}.surveys[{n}]", "date", _format.day(s.date)),
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


def persona_sections(b: PlanBuilder) -> Iterator[Section]:
    for i, group in enumerate(b.plan.target_groups):
        persona = group.persona
        if persona is None:
            continue
        item = f"{group_path(i)}.persona"
        name = persona.name.strip()
        if name and group.name:
            title, marks = compose((name, f"{item}.name"), f" – {group.name}")
        elif name:
            title, marks = compose((name, f"{item}.name"))
        else:
            title, marks = group.name or group.id, ()
        blocks = kept(_persona_blocks(b, persona, item))
        if not blocks:
            continue
        yield Section(title, 2, blocks, f"persona-{group.id}", b.tag, marks)
        validation = kept(_validation_blocks(b, persona, item))
        if validation:
            yield Section(b.t("validation"), 3, validation, f"validation-{group.id}")


def campaign_title(b: PlanBuilder) -> str:
    year = b.plan.campaign.year
    return f"{b.t('campaign')} {year}" if year else b.t("campaign")


def campaign_blocks(b: PlanBuilder) -> list[Block | None]:
    c = b.plan.campaign
    return [
        b.fields(("basis", c.basis, "campaign.basis")),
        campaign_table(b, "campaign-groups", priority=True),
        b.fields(
            ("focus_group_plan", c.focus_group_plan, "campaign.focus_group_plan"),
            ("survey_plan", c.survey_plan, "campaign.survey_plan"),
            ("campaign_organisation", c.organisation, "campaign.organisation"),
        ),
    ]


def activities_table(b: PlanBuilder) -> Table:
    rows = activity_rows(b)
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
            "communication_plan.activities", tuple(item for item, _ in rows), ACTIVITY_COLUMNS
        ),
    )


def organisation_blocks(b: PlanBuilder) -> list[Block | None]:
    org = b.plan.organisation
    return [
        b.fields(
            ("staffing", org.staffing, "organisation.staffing"),
            ("competence", org.competence, "organisation.competence"),
            ("resources", org.resources, "organisation.resources"),
        )
    ]


LEADER_FIELDS = ("name", "interfaces", "responsibility", "development_potential")


def leader_blocks(b: PlanBuilder) -> list[Block | None]:
    leader = b.plan.organisation.development_leader
    base = "organisation.development_leader"
    return [b.fields(*((key, getattr(leader, key), f"{base}.{key}") for key in LEADER_FIELDS))]


def care_blocks(b: PlanBuilder) -> list[Block | None]:
    care = b.plan.customer_care
    return [
        b.para(care.summary, "customer_care.summary"),
        b.bullets("activities", care.activities, path="customer_care.activities"),
        b.fields(("responsible", care.responsible, "customer_care.responsible")),
    ]


def values_blocks(b: PlanBuilder) -> list[Block | None]:
    v = b.plan.values
    return [
        b.fields(
            ("promise", v.promise, "values.promise"),
            ("promise_fulfilment", v.promise_fulfilment, "values.promise_fulfilment"),
            ("for_staff_short", v.for_staff, "values.for_staff"),
            ("for_groups_short", v.for_target_groups, "values.for_target_groups"),
        ),
        value_words(b),
    ]


def analysis_blocks(b: PlanBuilder) -> list[Block | None]:
    a = b.plan.analysis
    return [
        b.bullets("weaknesses_today", a.weaknesses_today, path="analysis.weaknesses_today"),
        b.bullets("strengths_tomorrow", a.strengths_tomorrow, path="analysis.strengths_tomorrow"),
    ]


def centre_profile(when: str) -> Blocks:
    def blocks(b: PlanBuilder) -> list[Block | None]:
        path = f"dialogue_forum.{when}"
        text, marks = b.profile(getattr(b.plan.dialogue_forum, when), path)
        return [Paragraph(text, b.tag, marks=marks)]

    return blocks


def staircase_blocks(b: PlanBuilder) -> list[Block | None]:
    table = staircase_table(b)
    if not table.rows:
        return []  # the steps alone say nothing about this library
    steps = tuple(
        f"{b.step_label(s)} – {text}" if (text := b.step_text(s)) else b.step_label(s)
        for s in b.plan.staircase
    )
    return [BulletList(steps, ordered=True, lang=b.tag), staircase_figure(b), table]


def say(text: Callable[[Plan], str], path: str) -> Blocks:
    """A paragraph of the plan's text: the whole answer to many of the workbook's questions."""
    return lambda b: [b.para(text(b.plan), path)]


def say_at(path: str) -> Blocks:
    """The paragraph of the plan's text at ``path`` (``values.for_staff``)."""
    return say(operator.attrgetter(path), path)


def summary_blocks(b: PlanBuilder) -> list[Block | None]:
    """One page for the board: sentences, groups and votes, campaign, goals, actions, money.

    In large print, where each line takes twice the room, the page holds the
    sentences, the groups and their votes, and the next actions due, with a
    line saying how many more the actions' chapter holds: the campaign's list
    and the money are in the sentences, the goals in the communication plan's
    own chapter.
    """
    plan = b.plan
    cp = plan.communication_plan
    large = b.large_print
    numbered = not large  # at 16 pt the votes stand beside the names without a number
    groups = b.table(
        (b.t("number"), b.t("target_group"), b.t("votes"))[0 if numbered else 1 :],
        (
            (str(i), g.name or g.id, "" if g.votes is None else _format.number(g.votes))[
                0 if numbered else 1 :
            ]
            for i, g in enumerate(plan.target_groups, 1)
        ),
        (0.5, 6, 1.2)[0 if numbered else 1 :],
        "summary-groups",
        caption=b.t("summary_groups"),
        align=("left", "left", "right")[0 if numbered else 1 :],
    )
    campaign = BulletList(
        tuple(name for _, _, name, _ in campaign_groups(b)),
        f"{b.t('summary_campaign')} ({b.t('priority_order')})",
        ordered=True,
        lang=b.tag,
    )
    goals = b.fields(
        ("know", "; ".join(cp.goals.know)),
        ("feel", "; ".join(cp.goals.feel)),
        ("do", "; ".join(cp.goals.do)),
    )
    planned = sorted(
        (a for a in plan.actions if a.status is not ActionStatus.DROPPED),
        key=lambda a: (a.horizon is not Horizon.IMMEDIATE, a.due is None, a.due or _dt.date.max),
    )
    key_actions = planned[: SUMMARY_ACTIONS_LARGE if large else SUMMARY_ACTIONS]
    if large:
        # what is done and by whom waits for the action tables: here what comes, and when
        actions = b.table(
            (b.t("action"), b.t("due")),
            ((a.what, _format.day(a.due)) for a in key_actions),
            (4.6, 1.9),
            "summary-actions",
            caption=b.t("summary_actions"),
        )
    else:
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
    text = summary_text(b)
    if large:
        # the page holds a few: the reader learns where the others are
        return [text, groups, actions, more_actions(b, len(planned) - len(key_actions))]
    return [text, groups, campaign, goals_caption, goals, actions, money]


#: How many actions the summary names: the first due, immediate ones first.
SUMMARY_ACTIONS = 5
#: How many in large print, where each takes two or three lines.
SUMMARY_ACTIONS_LARGE = 3


def further(key: str) -> Blocks:
    return say(lambda p: str(getattr(p.further_work, key)), f"further_work.{key}")


def plan_target_groups(b: PlanBuilder) -> list[Block | None]:
    path = "communication_plan.target_groups"
    names = [b.group_name(i) for i in b.plan.communication_plan.target_groups]
    return [b.bullets("", names, path=path)]


def resources_blocks(b: PlanBuilder) -> list[Block | None]:
    cp = b.plan.communication_plan
    return [
        b.para(cp.resources, "communication_plan.resources"),
        b.fields(
            ("budget", _format.kronor(cp.budget, b.lang), "communication_plan.budget"),
        ),
    ]


def follow_up_blocks(b: PlanBuilder) -> list[Block | None]:
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
