"""What a plan built in code may hold that no file or document can show.

A loaded plan is already within these bounds (the loader checks them with
line numbers); a plan built or changed in Python is checked here before it is
written, so ``dumps`` and every exporter refuse it with the same message
instead of failing deep inside a format's library.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ._limits import MAX_NUMBER, Limits, surrogate_problem
from .errors import Problem

__all__ = ["number_problem", "plan_problems"]


def number_problem(value: int) -> str | None:
    """Why a whole number is beyond what a plan holds, or ``None``."""
    if -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    digits = len(str(abs(value))) if abs(value).bit_length() < 14_000 else "thousands of"
    return (
        f"a number of {digits} digits; plan values (votes, ages, kronor) have at most "
        f"{len(str(MAX_NUMBER))}"
    )


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


def plan_problems(plan: object, limits: Limits | None = None) -> list[Problem]:
    """Every text and number in ``plan`` that no format can hold, with its path."""
    limits = limits or Limits()
    problems: list[Problem] = []
    for path, value in _values(plan, ""):
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            message = number_problem(value)
        elif len(value) > limits.max_text:
            message = (
                f"a text of {len(value):,} characters; the most one text may hold is "
                f"{limits.max_text:,}"
            )
        else:
            found = surrogate_problem(value)
            message = f"the text {found}" if found else None
        if message:
            problems.append(Problem(path, message))
    return problems
