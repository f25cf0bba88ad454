"""What a plan built in code may hold that no file or document can show.

A loaded plan is already within these bounds (the loader checks them with
line numbers); a plan built or changed in Python is checked here before it is
written, so ``dumps`` and every exporter refuse it with the same message
instead of failing deep inside a format's library.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ..errors import Problem
from .limits import (
    _SURROGATE,
    MAX_NUMBER,
    Limits,
    long_text_problem,
    number_problem,
    surrogate_problem,
)
from .sanitise import field_values

__all__ = ["plan_problems", "type_problems"]


def _values(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, str | int):
        yield path, value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _values(
                getattr(value, field.name), f"{path}.{field.name}" if path else field.name
            )
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _values(item, f"{path}[{i}]")


def _within_limits(plan: object, limits: Limits) -> bool:
    """Whether every value of ``plan`` is one a file can hold, looked at without paths.

    The values :func:`_values` yields, in a walk that builds no path for each
    (which costs more than the walk): nearly every plan has no problem to name.
    """
    texts: list[str] = []
    stack = [plan]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if len(item) > limits.max_text:
                return False
            texts.append(item)
        elif isinstance(item, int):
            if not -MAX_NUMBER <= item <= MAX_NUMBER:
                return False
        elif isinstance(item, tuple | list):
            stack.extend(item)
        else:
            values = field_values(type(item))
            if values is not None:
                stack.extend(values(item))
    return _SURROGATE.search("".join(texts)) is None


@functools.cache
def _field_types(cls: Any) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints[field.name]) for field in attrs.fields(cls))


def _kind(tp: Any) -> str:
    if tp is str:
        return "text"
    if tp is int:
        return "a whole number"
    if tp is bool:
        return "true or false"
    if tp is _dt.date:
        return "a date (datetime.date)"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        members = ", ".join(f"{tp.__name__}.{m.name}" for m in tp)
        return f"a {tp.__name__} ({members})"
    if isinstance(tp, type) and attrs.has(tp):
        return f"a {tp.__name__}"
    if typing.get_origin(tp) is tuple:
        return "a tuple"
    return str(tp)


def _fits(value: Any, tp: Any) -> bool:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, arg) for arg in typing.get_args(tp))
    if tp is type(None):
        return value is None
    if origin is tuple:
        return isinstance(value, tuple | list)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is _dt.date:
        return isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


def _wanted(tp: Any) -> str:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        kinds = " or ".join(_kind(a) for a in args)
        return f"{kinds} or None" if len(args) < len(typing.get_args(tp)) else kinds
    return _kind(tp)


def _hint(value: Any, tp: Any) -> str:
    args = typing.get_args(tp) or (tp,)
    if isinstance(value, str) and _dt.date in args:
        return "; write datetime.date(2011, 3, 15), or date.fromisoformat(text)"
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    if isinstance(value, str) and enums:
        cls = enums[0]
        return f"; write {cls.__name__}({value!r}) if that is one of its values"
    if isinstance(value, str) and typing.get_origin(tp) is tuple:
        return "; collections in a plan are tuples: write (text,) for one item"
    return ""


def _allowed(tp: Any) -> frozenset[type]:
    """The exact types a value of ``tp`` has when the loader built it."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return frozenset().union(*(_allowed(arg) for arg in typing.get_args(tp)))
    if origin is tuple:
        return frozenset({tuple, list})
    if tp is type(None):
        return frozenset({type(None)})
    return frozenset({tp}) if isinstance(tp, type) else frozenset()


_MODEL: set[type] = set()


@functools.cache
def _spec(cls: Any) -> tuple[tuple[str, Any, frozenset[type], Any], ...]:
    """Per field: its name, its type, the exact types that fit, and a tuple's element type."""
    out = []
    for name, tp in _field_types(cls):
        element = None
        for arg in (tp, *typing.get_args(tp)):
            if typing.get_origin(arg) is tuple:
                element = next(iter(a for a in typing.get_args(arg) if a is not Ellipsis), None)
        out.append((name, tp, _allowed(tp), element))
    return tuple(out)


def type_problems(value: object, path: str = "") -> Iterator[Problem]:
    """Every field of a plan built in code whose value is not of the field's type.

    A plan read from a file is built by the loader and always fits; one built
    in Python may hold ``"2011-03-15"`` where a date belongs or ``"A"`` where a
    :class:`~klusterplan.model.Segment` does, which would pass unnoticed until
    an exporter failed on it. Exact types are compared first, so a plan that
    fits is walked quickly.
    """
    cls: Any = type(value)
    if not attrs.has(cls):
        return
    for name, tp, allowed, element in _spec(cls):
        item = getattr(value, name)
        kind = type(item)
        if kind not in allowed and not _fits(item, tp):
            where = f"{path}.{name}" if path else name
            got = f"{kind.__name__} {item!r}" if len(repr(item)) < 60 else kind.__name__
            yield Problem(where, f"expected {_wanted(tp)}, got {got}{_hint(item, tp)}")
            continue
        if kind in _MODEL or attrs.has(kind):
            _MODEL.add(kind)
            yield from type_problems(item, f"{path}.{name}" if path else name)
        elif element is not None and (kind is tuple or kind is list) and item:
            where = f"{path}.{name}" if path else name
            fitting = _allowed(element)
            nested = isinstance(element, type) and attrs.has(element)
            for i, each in enumerate(item):
                if type(each) not in fitting and not _fits(each, element):
                    yield Problem(
                        f"{where}[{i}]",
                        f"expected {_wanted(element)}, got {type(each).__name__} {each!r:.40}"
                        f"{_hint(each, element)}",
                    )
                elif nested:
                    yield from type_problems(each, f"{where}[{i}]")


def plan_problems(
    plan: object, limits: Limits | None = None, *, check_types: bool = True
) -> list[Problem]:
    """Every value in ``plan`` of the wrong type or that no format can hold, with its path.

    ``check_types=False`` skips the types, for a plan the loader built.
    """
    limits = limits or Limits()
    if check_types:
        problems: list[Problem] = list(type_problems(plan))
        if problems:
            return problems
    if _within_limits(plan, limits):
        return []
    problems = []
    for path, value in _values(plan, ""):
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            message = number_problem(value)
        elif len(value) > limits.max_text:
            message = long_text_problem(len(value), limits)
        else:
            message = surrogate_problem(value)
        if message:
            problems.append(Problem(path, message))
    return problems
