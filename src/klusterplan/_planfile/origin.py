"""Where a loaded plan came from: its file, the line of every key, what the loader mended.

A plan is a frozen value and carries no file; the loader records its origin
here, keyed by the object, so that :func:`klusterplan.check` can give a
loaded plan's findings their lines and the notices of what was read
forgivingly (a Swedish name, a group named instead of its id). A changed
copy (``attrs.evolve``) is another object and has no origin.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import attrs

from .._support.record import Record

if TYPE_CHECKING:
    from ..model import Plan
    from .formats import LineMap

__all__ = ["Origin", "ReadNotice", "origin_of", "remember"]


@attrs.frozen(repr=False, eq=False)
class ReadNotice(Record):
    """A value the loader read forgivingly, and what it took it for."""

    path: str
    """The path of the value in the plan."""
    message: str
    """What was read and how to write it exactly (a :class:`~klusterplan.Text`)."""
    line: int | None = None
    """The line in the file, where the format has lines."""


@attrs.frozen(repr=False, eq=False)
class Origin(Record):
    """The file a plan was read from."""

    source: str | None
    lines: LineMap | None
    notices: tuple[ReadNotice, ...] = ()


_ORIGINS: dict[int, tuple[weakref.ref[Plan], Origin]] = {}


def remember(plan: Plan, origin: Origin) -> None:
    """Record where ``plan`` came from, for as long as the plan lives."""
    key = id(plan)

    def forget(_: object, key: int = key) -> None:
        _ORIGINS.pop(key, None)

    _ORIGINS[key] = (weakref.ref(plan, forget), origin)


def origin_of(plan: Plan) -> Origin | None:
    """Where ``plan`` was read from, or ``None`` for a plan built or changed in code."""
    found = _ORIGINS.get(id(plan))
    if found is None or found[0]() is not plan:
        return None
    return found[1]
