"""Summarising a cluster: the numbers a coordinator needs, from many plans read together.

:func:`summarise` turns the plans :func:`~klusterplan.load_cluster` read into
a :class:`~klusterplan.ClusterSummary`: plain data (numbers per library) that
the cluster document is built from and that ``--to json`` writes as it is.

Target groups are matched across plans by id, then by name where the ids
differ; every match that needed the name, every group known by several names
and every group that matched no other library's is kept as a
:class:`~klusterplan._cluster.summary.MatchNote`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .._catalogue.messages import text as message_text
from .._catalogue.text import Text
from .._checking.check import check_plan
from .._extension.rule import Severity, UnknownCodeError
from .._model import followup as _followup
from ..config import ConfigError, Settings, load_settings
from ..model import ActionStatus, Horizon, Language, Plan
from ..plugins import Registry, get_registry
from .members import Cluster, Member
from .summary import (
    CheckSummary,
    ClusterGroup,
    ClusterSummary,
    Entry,
    Failure,
    GroupChoice,
    LibrarySummary,
    MatchNote,
    NoteKind,
    StatusCount,
)

__all__ = ["period_end", "summarise"]

#: A day or a month in a period's text: ``2011-06-30``, ``2011-06``.
_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])")
#: A year in a period's text: ``2010–2011``, ``ht 2011``.
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _month_end(year: int, month: int) -> _dt.date:
    if not 1 <= month <= 12:
        raise ValueError(month)
    first = _dt.date(year + month // 12, month % 12 + 1, 1)
    return first - _dt.timedelta(days=1)


def period_end(period: str) -> _dt.date | None:
    """The last day of the period a plan's ``period`` names, or ``None`` when it names none.

    The latest day, month or year in the text counts: ``2010–2011`` ends on
    2011-12-31, ``2010-09 – 2011-06`` on 2011-06-30, ``2010-09-01–2011-06-15``
    on 2011-06-15.

    >>> period_end("2010–2011")
    datetime.date(2011, 12, 31)
    >>> period_end("hösten") is None
    True
    """
    ends: list[_dt.date] = []
    for found in _DAY.finditer(period):
        year, month, day = int(found[1]), int(found[2]), found[3]
        try:
            ends.append(_dt.date(year, month, int(day)) if day else _month_end(year, month))
        except ValueError:
            continue  # not a day: "2011-13"
    rest = _DAY.sub(" ", period)
    ends.extend(_dt.date(int(y), 12, 31) for y in _YEAR.findall(rest) if int(y) >= 1)
    return max(ends, default=None)


def _shared(values: Iterable[str]) -> str:
    """The value every plan that gives one shares (a plan in progress may lack it), or empty."""
    found = {v.strip() for v in values} - {""}
    return found.pop() if len(found) == 1 else ""


def _common(values: Iterable[str]) -> str:
    """The value most often given, the first on a tie; empty if none."""
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    return next(v for v in counts if counts[v] == best)


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", name.casefold()).split())


class _Groups:
    """Union-find over every library's target groups, never joining two of one plan."""

    def __init__(self, nodes: Sequence[tuple[int, str, str]]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.libraries = [{lib} for lib, _, _ in nodes]

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if self.libraries[ra] & self.libraries[rb]:
            return False
        self.parent[rb] = ra
        self.libraries[ra] |= self.libraries[rb]
        return True


def _match(
    plans: Sequence[Plan],
) -> tuple[list[list[tuple[int, int]]], list[MatchNote]]:
    """Each cluster group as (library, group index) pairs, and the notes on the matching."""
    nodes: list[tuple[int, str, str]] = []
    where: list[tuple[int, int]] = []
    for lib, plan in enumerate(plans):
        for j, group in enumerate(plan.target_groups):
            if group.id.strip() or group.name.strip():
                nodes.append((lib, group.id.strip(), group.name.strip()))
                where.append((lib, j))
    sets = _Groups(nodes)
    notes: list[MatchNote] = []
    for by_id in (True, False):
        first: dict[str, int] = {}
        for i, node in enumerate(nodes):
            value = node[1] if by_id else _normal(node[2])
            if not value:
                continue
            if value not in first:
                first[value] = i
            elif not sets.join(first[value], i):
                other = first[value]
                notes.append(
                    MatchNote(
                        NoteKind.SAME_PLAN,
                        node[2] or node[1],
                        (node[0],),
                        tuple(dict.fromkeys((nodes[other][1], node[1]))),
                        tuple(dict.fromkeys((nodes[other][2], node[2]))),
                    )
                )
    components: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        components.setdefault(sets.root(i), []).append(i)
    groups = [[where[i] for i in members] for members in components.values()]
    for members in components.values():
        ids = [nodes[i][1] for i in members]
        names = [nodes[i][2] for i in members]
        libs = tuple(nodes[i][0] for i in members)
        shown = _common(names) or _common(ids)
        if len(set(filter(None, ids))) > 1:
            notes.append(MatchNote(NoteKind.BY_NAME, shown, libs, tuple(dict.fromkeys(ids))))
        if len({_normal(n) for n in names if n}) > 1:
            others = [i for i in members if nodes[i][2] and _normal(nodes[i][2]) != _normal(shown)]
            notes.append(
                MatchNote(
                    NoteKind.OTHER_NAMES,
                    shown,
                    tuple(nodes[i][0] for i in others),
                    names=tuple(dict.fromkeys(nodes[i][2] for i in others)),
                )
            )
        if len(members) == 1 and len(plans) > 1:
            notes.append(MatchNote(NoteKind.UNMATCHED, shown, libs, (ids[0],)))
    return groups, notes


def _cluster_groups(plans: Sequence[Plan]) -> tuple[list[ClusterGroup], list[MatchNote]]:
    matched, notes = _match(plans)
    chosen: list[dict[str, int | None]] = []
    for lib, plan in enumerate(plans):
        own = {g.id for g in plan.target_groups}
        picks: dict[str, int | None] = {}
        for pick in plan.campaign.groups:
            if pick.target_group in own:
                picks.setdefault(pick.target_group, pick.priority)
            else:
                notes.append(
                    MatchNote(
                        NoteKind.CAMPAIGN_UNKNOWN, pick.target_group, (lib,), (pick.target_group,)
                    )
                )
        chosen.append(picks)
    groups = []
    for members in matched:
        choices = []
        for lib, j in members:
            group = plans[lib].target_groups[j]
            picks = chosen[lib]
            choices.append(
                GroupChoice(
                    lib,
                    group.id,
                    group.name,
                    group.votes,
                    picks.get(group.id),
                    group.id in picks,
                )
            )
        choices.sort(key=lambda c: c.library)
        ids = [c.id for c in choices]
        names = [c.name for c in choices]
        groups.append(ClusterGroup(_common(ids), _common(names) or _common(ids), tuple(choices)))
    groups.sort(key=lambda g: (-g.libraries, -g.campaign, -g.votes, g.name.casefold()))
    return groups, notes


def _statuses(lib: int, found: Sequence[_followup.Item]) -> list[StatusCount]:
    out = []
    parts: list[tuple[_followup.Kind, Horizon | None]] = [
        (_followup.Kind.ACTION, Horizon.IMMEDIATE),
        (_followup.Kind.ACTION, Horizon.LONG_TERM),
        (_followup.Kind.ACTIVITY, None),
    ]
    for kind, horizon in parts:
        counts = Counter(i.status for i in found if i.kind is kind and i.horizon is horizon)
        out.append(StatusCount(lib, kind, horizon, tuple(counts[s] for s in ActionStatus)))
    return out


def _check(
    lib: int,
    member: Member,
    plan: Plan,
    registry: Registry,
    settings: Settings | None,
) -> CheckSummary:
    problem = ""
    if settings is None:
        try:
            settings = load_settings(member.source) if Path(member.source).is_file() else None
        except ConfigError as exc:
            problem = exc.text
    settings = settings or Settings()
    try:
        result = check_plan(
            plan,
            select=settings.select,
            extend_select=settings.extend_select,
            ignore=settings.ignore,
            severities=settings.severity,
            plugin_config=settings.plugins,
            registry=registry,
        )
    except UnknownCodeError as exc:
        problem = message_text(
            "cluster_source_exc", source=settings.source, exc=exc, render=exc.render("sv")
        )
        result = check_plan(plan, registry=registry)
    count = Counter(f.severity for f in result.findings)
    codes = Counter(f.code for f in result.findings)
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    worst: dict[str, Severity] = {}
    for f in result.findings:
        if f.code not in worst or rank[f.severity] < rank[worst[f.code]]:
            worst[f.code] = f.severity
    return CheckSummary(
        lib,
        count[Severity.ERROR],
        count[Severity.WARNING],
        count[Severity.INFO],
        tuple(sorted(codes.items())),
        len(result.suppressed),
        problem,
        tuple(sorted((code, s.value) for code, s in worst.items())),
    )


def _library(member: Member, plan: Plan, end: _dt.date | None, ended: bool) -> LibrarySummary:
    cp = plan.communication_plan
    return LibrarySummary(
        member.source,
        member.name,
        plan.library.municipality.strip(),
        len(plan.target_groups),
        # the campaign groups the plan describes: those the target-group table counts too
        len({g.target_group for g in plan.campaign.groups} & {g.id for g in plan.target_groups}),
        len(plan.actions),
        len(cp.activities),
        cp.budget,
        end,
        ended,
        _contact(plan),
    )


def _contact(plan: Plan) -> str:
    """The library's person to ask, by name: the text before a role (``Maria Lindahl, ...``)."""
    for said in (
        plan.document.contact.name,
        plan.organisation.development_leader.name,
        plan.library.author,
    ):
        name = said.split(",")[0].strip()
        if name:
            return name
    return ""


def _measured(item: _followup.Item) -> bool:
    """Whether an item has an indicator to evaluate: a name, a target or a result."""
    ind = item.indicator
    return bool(ind.name.strip()) or ind.target is not None or ind.result is not None


def _answers(plans: Sequence[Plan], question: str) -> tuple[tuple[int, str], ...]:
    """Each library's answer to one of the further questions, where it gives one."""
    found = ((i, str(getattr(p.further_work, question)).strip()) for i, p in enumerate(plans))
    return tuple((i, text) for i, text in found if text)


def _dated(
    found: Sequence[_followup.Item], ended: bool, today: _dt.date, within: int
) -> tuple[list[_followup.Item], list[_followup.Item], list[_followup.Item]]:
    """One library's items late, due, and not done (when its period has ended)."""
    if ended:
        # the period is over: what is still open was not done, whatever its date;
        # each library's together, for the board to take up with it
        return [], [], _followup.by_date(i for i in found if i.open)
    return _followup.late(found, today), _followup.due(found, today, within), []


def _rules(registry: Registry, checks: Sequence[CheckSummary]) -> tuple[tuple[str, str], ...]:
    """Each rule code that reported in some library, with its summary in both languages."""
    known = registry.rules()
    codes = sorted({code for c in checks for code, _ in c.codes})
    return tuple(
        (c, Text(known[c][0].summary, known[c][0].summary_sv) if c in known else "") for c in codes
    )


def _language(plans: Sequence[Plan]) -> Language:
    """The language most of ``plans`` are written in, Swedish on a tie."""
    languages = Counter(p.language for p in plans)
    return Language.EN if languages[Language.EN] > languages[Language.SV] else Language.SV


def _status_date(ends: Sequence[_dt.date | None], today: _dt.date | None) -> tuple[_dt.date, bool]:
    """The day the summary is for, and whether it is the end of every plan's period.

    A day given wins. Else it is the current date, unless every period (``ends``)
    ended before it: a board reads the state at the end of the period then, not
    years of days late.
    """
    if today is not None:
        return today, False
    now = _dt.date.today()
    given = [e for e in ends if e is not None]
    if given and len(given) == len(ends) and max(given) < now:
        return max(given), True
    return now, False


def summarise(
    cluster: Cluster | Plan | Iterable[Plan],
    *,
    today: _dt.date | None = None,
    within: int = _followup.DEFAULT_WITHIN,
    registry: Registry | None = None,
    settings: Settings | None = None,
) -> ClusterSummary:
    """Summarise the loaded plans of ``cluster`` for its coordinator.

    ``cluster`` is a :class:`Cluster` (from :func:`load_cluster`, or
    :meth:`Cluster.of` for plans held in memory) or the plans themselves.

    ``today`` (the status date; default: the current date, or the end of the
    period when every plan's ``period`` ended before it) and ``within`` (days
    ahead) decide what is late and due; the open items of a library whose
    period had ended are :attr:`~ClusterSummary.not_done`. The rule checks run
    with the installed plugins and each plan's own settings, found from its
    folder as ``klusterplan check`` finds them, unless ``settings`` is given.

    >>> import klusterplan
    >>> summary = klusterplan.summarise(klusterplan.Cluster.of([klusterplan.example()]))
    >>> summary.groups[0].votes
    9
    """
    cluster = Cluster.from_plans(cluster, caller="summarise")
    registry = registry or get_registry()
    loaded = cluster.loaded
    plans = [m.plan for m in loaded if m.plan is not None]
    ends = [period_end(p.library.period) for p in plans]
    today, at_end = _status_date(ends, today)
    groups, notes = _cluster_groups(plans)
    libraries: list[LibrarySummary] = []
    statuses: list[StatusCount] = []
    late: list[Entry] = []
    due: list[Entry] = []
    not_done: list[Entry] = []
    tips: list[Entry] = []
    evaluation: list[Entry] = []
    checks: list[CheckSummary] = []
    for lib, (member, plan) in enumerate(zip(loaded, plans, strict=True)):
        ended = (end := ends[lib]) is not None and (end < today or at_end)
        libraries.append(_library(member, plan, end, ended))
        found = _followup.items(plan)
        statuses.extend(_statuses(lib, found))
        dated = _dated(found, ended, today, within)
        for into, items in zip((late, due, not_done), dated, strict=True):
            into.extend(Entry(lib, i) for i in items)
        kept = [i for i in found if i.status is not ActionStatus.DROPPED]
        tips.extend(Entry(lib, i) for i in kept if i.worth_sharing)
        evaluation.extend(Entry(lib, i) for i in kept if _measured(i))
        checks.append(_check(lib, member, plan, registry, settings))
    late.sort(key=lambda e: (e.item.date or today, e.library))
    due.sort(key=lambda e: (e.item.date or today, e.library))
    return ClusterSummary(
        cluster=_common(p.library.cluster.strip() for p in plans),
        today=today,
        within=within,
        language=_language(plans),
        promise=_shared(p.values.promise for p in plans) if plans else "",
        period=_shared(p.library.period for p in plans) if plans else "",
        libraries=tuple(libraries),
        failed=tuple(
            Failure(m.source, m.error.problems if m.error else ()) for m in cluster.failed
        ),
        groups=tuple(groups),
        notes=tuple(notes),
        statuses=tuple(statuses),
        late=tuple(late),
        due=tuple(due),
        tips=tuple(tips),
        checks=tuple(checks),
        rules=_rules(registry, checks),
        evaluation=tuple(evaluation),
        sharing=_answers(plans, "sharing_tips"),
        templates=_answers(plans, "evaluation_template"),
        not_done=tuple(not_done),
        at_period_end=at_end,
    )
