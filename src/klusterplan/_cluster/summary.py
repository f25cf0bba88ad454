"""What the cluster summary holds: plain data, numbers and plan text per library.

:class:`ClusterSummary` is what the cluster document is built from, and what
``klusterplan summary --to json`` writes as it is (:meth:`ClusterSummary.to_json`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Sequence
from typing import Any

import attrs

from .._model import followup as _followup
from ..errors import Problem
from ..model import ActionStatus, Horizon, Language

__all__ = [
    "JSON_VERSION",
    "CheckSummary",
    "ClusterGroup",
    "ClusterSummary",
    "Entry",
    "Failure",
    "GroupChoice",
    "LibrarySummary",
    "MatchNote",
    "NoteKind",
    "StatusCount",
]

#: The version of the summary's JSON structure; raised only for incompatible changes.
JSON_VERSION = 1


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
    period_end: _dt.date | None = None
    """The last day of the plan's period, as its ``period`` says it (``2010–2011``: 2011-12-31)."""
    ended: bool = False
    """Whether the plan's period had ended by the status date: its open items were not done."""
    contact: str = ""
    """Whom to ask at the library: the plan's contact person, else its development leader,
    else its author, by name."""


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
    severities: tuple[tuple[str, str], ...] = ()
    """Each rule code that reported, with the worst severity it reported at (``"error"``)."""


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
    """The promise every plan that gives one shares, or empty."""
    period: str
    """The period every plan that gives one shares, or empty."""
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
    not_done: tuple[Entry, ...] = ()
    """Open items of the libraries whose period had ended: not done within it."""
    at_period_end: bool = False
    """Whether :attr:`today` is the period's end: every plan's had ended, no status date given."""

    @property
    def ended(self) -> tuple[int, ...]:
        """The libraries whose period had ended by the status date."""
        return tuple(i for i, lib in enumerate(self.libraries) if lib.ended)

    @property
    def running(self) -> bool:
        """Whether some library's period still runs: late and due items mean something."""
        return len(self.ended) < len(self.libraries) or not self.libraries

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


def _library_json(
    summary: ClusterSummary, i: int, lib: LibrarySummary, c: CheckSummary
) -> dict[str, Any]:
    statuses = [s.value for s in ActionStatus]

    def counts(row: Sequence[int]) -> dict[str, int]:
        return dict(zip(statuses, row, strict=True))

    return {
        "name": lib.name,
        "source": lib.source,
        "municipality": lib.municipality,
        "target_groups": lib.target_groups,
        "campaign_groups": lib.campaign_groups,
        "actions": lib.actions,
        "activities": lib.activities,
        "budget": lib.budget,
        "period_end": _day(lib.period_end),
        "period_ended": lib.ended,
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
        "at_period_end": summary.at_period_end,
        "within_days": summary.within,
        "libraries": [
            _library_json(summary, i, lib, c)
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
        "not_done": [_item(e, summary) for e in summary.not_done],
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
