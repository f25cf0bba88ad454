"""Follow-up of one plan: its actions and activities, what is late and what is due.

``klusterplan status`` prints this for a team meeting, and the cluster summary
gathers it for every library. "Late" and "due" are open items (planned or in
progress) whose date has passed, or falls within the coming period.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from ..model import ActionStatus, Horizon, Indicator, Plan

__all__ = [
    "DEFAULT_WITHIN",
    "Achievement",
    "Item",
    "Kind",
    "achievement",
    "by_date",
    "due",
    "items",
    "late",
    "period_end",
]

#: Days ahead that count as "the coming period" unless the user says otherwise.
DEFAULT_WITHIN = 30

_OPEN = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class Kind(enum.Enum):
    """Whether an item is an action (ATT GÖRA) or an activity of the communication plan."""

    ACTION = "action"
    ACTIVITY = "activity"


class Achievement(enum.Enum):
    """How an indicator's result stands against its target."""

    REACHED = "reached"
    NOT_YET = "not_yet"
    NO_RESULT = "no_result"
    NO_TARGET = "no_target"


@attrs.frozen
class Item:
    """An action or an activity, as the follow-up sees it."""

    kind: Kind
    path: str
    """Where it is in the plan, e.g. ``actions[3]``."""
    what: str
    responsible: str
    date: _dt.date | None
    """When it is due: an action's ``due``, an activity's ``date``."""
    status: ActionStatus
    status_changed: _dt.date | None
    indicator: Indicator
    worth_sharing: bool
    sharing_reason: str
    horizon: Horizon | None
    """An action's horizon; ``None`` for an activity."""

    @property
    def open(self) -> bool:
        """Whether it still has to be carried out: planned or in progress."""
        return self.status in _OPEN

    def days_late(self, today: _dt.date) -> int:
        """Days past its date (0 when not late)."""
        if self.date is None or not self.open:
            return 0
        return max(0, (today - self.date).days)


def items(plan: Plan) -> list[Item]:
    """Every action, then every activity of ``plan``, in the plan's order."""
    out = [
        Item(
            Kind.ACTION,
            f"actions[{i}]",
            a.what,
            a.responsible,
            a.due,
            a.status,
            a.status_changed,
            a.indicator,
            a.worth_sharing,
            a.sharing_reason,
            a.horizon,
        )
        for i, a in enumerate(plan.actions)
    ]
    out += [
        Item(
            Kind.ACTIVITY,
            f"communication_plan.activities[{i}]",
            a.what,
            a.responsible,
            a.date,
            a.status,
            a.status_changed,
            a.indicator,
            a.worth_sharing,
            a.sharing_reason,
            None,
        )
        for i, a in enumerate(plan.communication_plan.activities)
    ]
    return out


def by_date(found: Iterable[Item]) -> list[Item]:
    """``found`` by date, the undated first; on one day actions before activities."""
    return sorted(found, key=lambda i: (i.date or _dt.date.min, i.kind.value, i.path))


def late(found: Iterable[Item], today: _dt.date) -> list[Item]:
    """Open items whose date is before ``today``, the oldest first."""
    return by_date(i for i in found if i.open and i.date is not None and i.date < today)


def period_end(today: _dt.date, within: int) -> _dt.date:
    """The last day of the coming period: ``within`` days after ``today``.

    A period that would run past the year 9999 ends on its last day, the
    latest a date can be: every dated item falls inside it.
    """
    return today + _dt.timedelta(days=max(0, min(within, (_dt.date.max - today).days)))


def due(found: Iterable[Item], today: _dt.date, within: int = DEFAULT_WITHIN) -> list[Item]:
    """Open items dated from ``today`` up to ``within`` days ahead, the soonest first."""
    last = period_end(today, within)
    return by_date(i for i in found if i.open and i.date is not None and today <= i.date <= last)


def achievement(indicator: Indicator) -> Achievement:
    """Whether ``indicator`` reached its target, has not yet, or cannot say."""
    if indicator.target is None:
        return Achievement.NO_TARGET
    if indicator.result is None:
        return Achievement.NO_RESULT
    return Achievement.REACHED if indicator.result >= indicator.target else Achievement.NOT_YET
