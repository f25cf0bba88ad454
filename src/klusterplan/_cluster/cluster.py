"""A cluster of libraries: many plans read together, and the numbers a coordinator needs.

:func:`load_cluster` reads plans from files, folders and glob patterns; a plan
that cannot be loaded becomes a :class:`Member` with its error instead of
stopping the others. :func:`summarise` turns the loaded plans into a
:class:`ClusterSummary`: plain data (numbers per library) that the cluster
document is built from and that ``--to json`` writes as it is.

Target groups are matched across plans by id, then by name where the ids
differ; every match that needed the name, every group known by several names
and every group that matched no other library's is kept as a
:class:`MatchNote`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import glob
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._catalogue.text import Text
from .._checking.check import check_plan
from .._export.load import load
from .._extension.rule import Severity, UnknownCodeError
from .._model import followup as _followup
from ..config import ConfigError, Settings, load_settings
from ..errors import PlanError, Problem
from ..model import ActionStatus, Horizon, Language, Plan
from ..plugins import Registry, get_registry

__all__ = [
    "JSON_VERSION",
    "PLAN_SUFFIXES",
    "CheckSummary",
    "Cluster",
    "ClusterGroup",
    "ClusterSummary",
    "Entry",
    "Failure",
    "GroupChoice",
    "LibrarySummary",
    "MatchNote",
    "Member",
    "NoteKind",
    "StatusCount",
    "load_cluster",
    "plan_files",
    "summarise",
]

#: The version of the summary's JSON structure; raised only for incompatible changes.
JSON_VERSION = 1
#: The suffixes of plan files a folder is searched for.
PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
#: Settings files that live beside plans and are not plans.
_SETTINGS_FILES = frozenset({"pyproject.toml", "klusterplan.toml"})
_GLOB = re.compile(r"[*?\[]")


# -- reading the plans ---------------------------------------------------------


@attrs.frozen
class Member:
    """One plan of the cluster: loaded, or the error that stopped it from loading."""

    source: str
    """The file it came from (or a name given to a plan held in memory)."""
    plan: Plan | None = None
    error: PlanError | None = None

    @property
    def name(self) -> str:
        """The library's name, else the file's name."""
        if self.plan is not None and self.plan.library.name.strip():
            return self.plan.library.name.strip()
        return Path(self.source).stem


@attrs.frozen
class Cluster:
    """The plans of a cluster's libraries, in the order they were given."""

    members: tuple[Member, ...]

    @classmethod
    def of(cls, plans: Iterable[Plan]) -> Cluster:
        """A cluster of plans held in memory, named ``plan-1``, ``plan-2``, ..."""
        return cls(tuple(Member(f"plan-{i}", plan) for i, plan in enumerate(plans, 1)))

    @property
    def loaded(self) -> tuple[Member, ...]:
        """The members whose plan loaded."""
        return tuple(m for m in self.members if m.plan is not None)

    @property
    def failed(self) -> tuple[Member, ...]:
        """The members whose plan could not be loaded."""
        return tuple(m for m in self.members if m.plan is None)


def plan_files(sources: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The plan files ``sources`` name: files as given, folders' plans, glob matches.

    A folder gives its ``.yaml``, ``.yml``, ``.json`` and ``.toml`` files (not
    its settings files), sorted by name; a pattern such as ``plans/*.yaml`` its
    matches, sorted. A file named twice is read once. Raises :class:`PlanError`
    for a folder without plans or a pattern that matches nothing; a file that
    does not exist is returned, so that loading it reports it.
    """
    found: list[str] = []
    for source in sources:
        text = os.fspath(source)
        path = Path(text)
        if path.is_dir():
            plans = sorted(
                str(p)
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in PLAN_SUFFIXES
                and p.name.lower() not in _SETTINGS_FILES
            )
            if not plans:
                suffixes = ", ".join(PLAN_SUFFIXES)
                raise PlanError(
                    [
                        Problem(
                            "",
                            Text(
                                f"this folder holds no plan file ({suffixes})",
                                f"mappen innehåller ingen planfil ({suffixes})",
                            ),
                        )
                    ],
                    text,
                )
            found.extend(plans)
        elif _GLOB.search(text) and not path.exists():
            matches = sorted(m for m in glob.glob(text) if Path(m).is_file())
            if not matches:
                raise PlanError(
                    [Problem("", Text("the pattern matches no file", "mönstret passar ingen fil"))],
                    text,
                )
            found.extend(matches)
        else:
            found.append(text)
    seen: set[str] = set()
    unique = []
    for name in found:
        key = os.path.normcase(os.path.abspath(name))
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def load_cluster(sources: Iterable[str | os.PathLike[str]]) -> Cluster:
    """Load every plan ``sources`` name (files, folders, glob patterns; see :func:`plan_files`).

    A plan that cannot be loaded is kept with its :class:`PlanError`, so a
    summary can report it instead of stopping.

    >>> import klusterplan
    >>> cluster = klusterplan.load_cluster(["missing.yaml"])
    >>> cluster.failed[0].error.problems[0].message
    'no such file; check the name and folder'
    """
    members = []
    for name in plan_files(sources):
        try:
            members.append(Member(name, load(name)))
        except PlanError as exc:
            members.append(Member(name, error=exc))
    return Cluster(tuple(members))


# -- what the summary holds ----------------------------------------------------


@attrs.frozen
class LibrarySummary:
    """One loaded plan's library and its counts."""

    source: str
    name: str
    municipality: str
    target_groups: int
    campaign_groups: int
    actions: int
    activities: int
    budget: int | None
    """The communication plan's total budget in kronor."""


@attrs.frozen
class Failure:
    """A plan that could not be loaded, and why."""

    source: str
    problems: tuple[Problem, ...]


@attrs.frozen
class GroupChoice:
    """One library's target group, as part of a cluster group."""

    library: int
    """The library's index in :attr:`ClusterSummary.libraries`."""
    id: str
    name: str
    votes: int | None
    priority: int | None
    """The campaign priority when the library chose it for the campaign."""
    campaign: bool = False
    """Whether the library chose it for the cluster campaign."""


@attrs.frozen
class ClusterGroup:
    """A target group across the cluster: each library's group that matched it."""

    id: str
    """The id most libraries use for it."""
    name: str
    """The name most libraries use for it."""
    choices: tuple[GroupChoice, ...]

    def choice(self, library: int) -> GroupChoice | None:
        """The library's group, or ``None`` where the library did not prioritise it."""
        return next((c for c in self.choices if c.library == library), None)

    @property
    def libraries(self) -> int:
        """How many libraries prioritised it."""
        return len(self.choices)

    @property
    def campaign(self) -> int:
        """How many libraries chose it for the campaign."""
        return sum(1 for c in self.choices if c.campaign)

    @property
    def votes(self) -> int:
        """Its votes summed over the libraries."""
        return sum(c.votes or 0 for c in self.choices)

    @property
    def voted(self) -> int:
        """How many libraries gave it a number of votes."""
        return sum(1 for c in self.choices if c.votes is not None)


class NoteKind(enum.Enum):
    """What a note on the matching of target groups says."""

    BY_NAME = "by_name"
    """Groups with different ids were matched by their name."""
    OTHER_NAMES = "other_names"
    """Groups with the same id have different names."""
    UNMATCHED = "unmatched"
    """A group no other library has, by id or by name."""
    SAME_PLAN = "same_plan"
    """A group could not be matched: its id or name belongs to two groups of one plan."""
    CAMPAIGN_UNKNOWN = "campaign_unknown"
    """A campaign group names an id that the library's plan lacks."""


@attrs.frozen
class MatchNote:
    """A note on how target groups were matched across the plans."""

    kind: NoteKind
    group: str
    """The group's name as the summary shows it (or the unknown id)."""
    libraries: tuple[int, ...]
    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@attrs.frozen
class StatusCount:
    """How many of one library's actions of one horizon (or its activities) have each status."""

    library: int
    kind: _followup.Kind
    horizon: Horizon | None
    counts: tuple[int, ...]
    """One count per :class:`~klusterplan.model.ActionStatus`, in its order."""

    @property
    def total(self) -> int:
        """All of them."""
        return sum(self.counts)


@attrs.frozen
class Entry:
    """An action or activity of one library."""

    library: int
    item: _followup.Item


@attrs.frozen
class CheckSummary:
    """The rule checks' findings of one library."""

    library: int
    errors: int
    warnings: int
    infos: int
    codes: tuple[tuple[str, int], ...]
    """Each rule code that reported, with how many findings, in code order."""
    suppressed: int = 0
    problem: str = ""
    """Why the library's own settings could not be used (the defaults were)."""


@attrs.frozen
class ClusterSummary:
    """Everything the cluster summary says, as numbers and plan text per library."""

    cluster: str
    """The cluster's name, as the plans give it."""
    today: _dt.date
    within: int
    """The days ahead that count as the coming period."""
    language: Language
    """The language most of the plans are written in."""
    promise: str
    """The promise every plan shares, or empty."""
    period: str
    """The period every plan shares, or empty."""
    libraries: tuple[LibrarySummary, ...]
    failed: tuple[Failure, ...]
    groups: tuple[ClusterGroup, ...]
    notes: tuple[MatchNote, ...]
    statuses: tuple[StatusCount, ...]
    late: tuple[Entry, ...]
    due: tuple[Entry, ...]
    tips: tuple[Entry, ...]
    checks: tuple[CheckSummary, ...]
    rules: tuple[tuple[str, str], ...]
    """Each rule code that reported in some library, with its summary."""
    evaluation: tuple[Entry, ...]
    sharing: tuple[tuple[int, str], ...]
    """Each library's answer to how tips are shared between the libraries."""
    templates: tuple[tuple[int, str], ...]
    """Each library's proposal for the shared evaluation template."""

    @property
    def until(self) -> _dt.date:
        """The last day of the coming period."""
        return _followup.period_end(self.today, self.within)

    def status_total(self, kind: _followup.Kind) -> tuple[int, ...]:
        """The counts per status of every library's actions (or activities) together."""
        return tuple(
            sum(s.counts[i] for s in self.statuses if s.kind is kind)
            for i in range(len(ActionStatus))
        )

    def to_json(self) -> dict[str, Any]:
        """The summary as plain data: ``klusterplan summary --to json``."""
        return _json(self)


# -- summarising ---------------------------------------------------------------


def _shared(values: Iterable[str]) -> str:
    found = {v.strip() for v in values}
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
        problem = Text(f"{settings.source}: {exc}", f"{settings.source}: {exc.render('sv')}")
        result = check_plan(plan, registry=registry)
    count = Counter(f.severity for f in result.findings)
    codes = Counter(f.code for f in result.findings)
    return CheckSummary(
        lib,
        count[Severity.ERROR],
        count[Severity.WARNING],
        count[Severity.INFO],
        tuple(sorted(codes.items())),
        len(result.suppressed),
        problem,
    )


def _as_cluster(value: object) -> Cluster:
    """Plans given as a list or tuple, as a cluster; anything else is a :class:`TypeError`."""
    if isinstance(value, list | tuple) and all(isinstance(p, Plan) for p in value):
        return Cluster.of(value)
    raise TypeError(
        f"summarise() takes a Cluster, or a list of plans, got {type(value).__name__}: "
        "make one with klusterplan.Cluster.of(plans) or klusterplan.load_cluster(paths)"
    )


def summarise(
    cluster: Cluster | Sequence[Plan],
    *,
    today: _dt.date | None = None,
    within: int = _followup.DEFAULT_WITHIN,
    registry: Registry | None = None,
    settings: Settings | None = None,
) -> ClusterSummary:
    """Summarise the loaded plans of ``cluster`` for its coordinator.

    ``today`` (default: the current date) and ``within`` (days ahead) decide
    what is late and what is due in the coming period. The rule checks run
    with the installed plugins and each plan's own settings, found from its
    folder as ``klusterplan check`` finds them, unless ``settings`` is given.

    >>> import klusterplan
    >>> summary = klusterplan.summarise(klusterplan.Cluster.of([klusterplan.example()]))
    >>> summary.groups[0].votes
    9
    """
    if not isinstance(cluster, Cluster):
        cluster = _as_cluster(cluster)
    registry = registry or get_registry()
    today = today or _dt.date.today()
    loaded = cluster.loaded
    plans = [m.plan for m in loaded if m.plan is not None]
    groups, notes = _cluster_groups(plans)
    libraries: list[LibrarySummary] = []
    statuses: list[StatusCount] = []
    late: list[Entry] = []
    due: list[Entry] = []
    tips: list[Entry] = []
    evaluation: list[Entry] = []
    checks: list[CheckSummary] = []
    for lib, (member, plan) in enumerate(zip(loaded, plans, strict=True)):
        cp = plan.communication_plan
        libraries.append(
            LibrarySummary(
                member.source,
                member.name,
                plan.library.municipality.strip(),
                len(plan.target_groups),
                len({g.target_group for g in plan.campaign.groups}),
                len(plan.actions),
                len(cp.activities),
                cp.budget,
            )
        )
        found = _followup.items(plan)
        statuses.extend(_statuses(lib, found))
        late.extend(Entry(lib, i) for i in _followup.late(found, today))
        due.extend(Entry(lib, i) for i in _followup.due(found, today, within))
        kept = [i for i in found if i.status is not ActionStatus.DROPPED]
        tips.extend(Entry(lib, i) for i in kept if i.worth_sharing)
        evaluation.extend(
            Entry(lib, i)
            for i in kept
            if i.indicator.name.strip()
            or i.indicator.target is not None
            or i.indicator.result is not None
        )
        checks.append(_check(lib, member, plan, registry, settings))
    late.sort(key=lambda e: (e.item.date or today, e.library))
    due.sort(key=lambda e: (e.item.date or today, e.library))
    known = registry.rules()
    codes = sorted({code for c in checks for code, _ in c.codes})
    languages = Counter(p.language for p in plans)
    language = Language.EN if languages[Language.EN] > languages[Language.SV] else Language.SV
    return ClusterSummary(
        cluster=_common(p.library.cluster.strip() for p in plans),
        today=today,
        within=within,
        language=language,
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
        rules=tuple(
            (c, Text(known[c][0].summary, known[c][0].summary_sv) if c in known else "")
            for c in codes
        ),
        evaluation=tuple(evaluation),
        sharing=tuple(
            (i, p.further_work.sharing_tips.strip())
            for i, p in enumerate(plans)
            if p.further_work.sharing_tips.strip()
        ),
        templates=tuple(
            (i, p.further_work.evaluation_template.strip())
            for i, p in enumerate(plans)
            if p.further_work.evaluation_template.strip()
        ),
    )


# -- JSON ------------------------------------------------------------------------


def _day(value: _dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _item(entry: Entry, summary: ClusterSummary) -> dict[str, Any]:
    item = entry.item
    out: dict[str, Any] = {
        "library": summary.libraries[entry.library].name,
        "kind": item.kind.value,
        "path": item.path,
        "what": item.what,
        "responsible": item.responsible,
        "date": _day(item.date),
        "status": item.status.value,
        "status_changed": _day(item.status_changed),
    }
    return out


def _json(summary: ClusterSummary) -> dict[str, Any]:
    libs = summary.libraries
    statuses = [s.value for s in ActionStatus]

    def counts(row: Sequence[int]) -> dict[str, int]:
        return dict(zip(statuses, row, strict=True))

    def name(lib: int) -> str:
        return libs[lib].name

    return {
        "version": JSON_VERSION,
        "cluster": summary.cluster,
        "today": summary.today.isoformat(),
        "within_days": summary.within,
        "libraries": [
            {
                "name": lib.name,
                "source": lib.source,
                "municipality": lib.municipality,
                "target_groups": lib.target_groups,
                "campaign_groups": lib.campaign_groups,
                "actions": lib.actions,
                "activities": lib.activities,
                "budget": lib.budget,
                "actions_by_status": {
                    h.value: counts(s.counts)
                    for s in summary.statuses
                    if s.library == i and (h := s.horizon) is not None
                },
                "activities_by_status": next(
                    counts(s.counts)
                    for s in summary.statuses
                    if s.library == i and s.kind is _followup.Kind.ACTIVITY
                ),
                "checks": {
                    "errors": c.errors,
                    "warnings": c.warnings,
                    "info": c.infos,
                    "codes": dict(c.codes),
                    "suppressed": c.suppressed,
                    "settings_problem": c.problem or None,
                },
            }
            for i, (lib, c) in enumerate(zip(libs, summary.checks, strict=True))
        ],
        "failed": [
            {
                "source": f.source,
                "problems": [
                    {"path": p.path, "line": p.line, "message": p.message} for p in f.problems
                ],
            }
            for f in summary.failed
        ],
        "target_groups": [
            {
                "id": g.id,
                "name": g.name,
                "libraries": g.libraries,
                "campaign": g.campaign,
                "votes": g.votes,
                "choices": [
                    {
                        "library": name(c.library),
                        "id": c.id,
                        "name": c.name,
                        "votes": c.votes,
                        "campaign": c.campaign,
                        "priority": c.priority,
                    }
                    for c in g.choices
                ],
            }
            for g in summary.groups
        ],
        "matching_notes": [
            {
                "kind": n.kind.value,
                "group": n.group,
                "libraries": [name(i) for i in n.libraries],
                "ids": list(n.ids),
                "names": list(n.names),
            }
            for n in summary.notes
        ],
        "late": [
            {**_item(e, summary), "days_late": e.item.days_late(summary.today)}
            for e in summary.late
        ],
        "due": [_item(e, summary) for e in summary.due],
        "tips": [{**_item(e, summary), "reason": e.item.sharing_reason} for e in summary.tips],
        "evaluation": [
            {
                **_item(e, summary),
                "indicator": e.item.indicator.name,
                "unit": e.item.indicator.unit,
                "target": e.item.indicator.target,
                "result": e.item.indicator.result,
                "achievement": _followup.achievement(e.item.indicator).value,
            }
            for e in summary.evaluation
        ],
        "rules": dict(summary.rules),
    }
