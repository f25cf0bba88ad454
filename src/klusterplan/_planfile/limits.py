"""How large a plan may be: file size, nesting, values and the length of one text.

A plan file comes from people and from other programs; these bounds keep a
mistaken or hostile file (a gigabyte of text, an alias bomb, a list nested a
hundred thousand levels deep) from taking a machine's memory or minutes of
its time. They are far above what a library's plan needs, and every one is
reported with a message that says which bound was met and how to change it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import attrs

from .._catalogue.format import number
from .._catalogue.messages import text as message_text
from .._catalogue.text import Text
from .._support.record import Record

__all__ = [
    "MAX_NUMBER",
    "Limits",
    "data_problems",
    "long_text_problem",
    "number_problem",
    "surrogate_problem",
]

#: The largest whole number a plan holds (votes, ages, budgets in kronor): every
#: format shows it, and a chart can scale to it.
MAX_NUMBER = 10**15 - 1

_ENV = "KLUSTERPLAN_MAX_PLAN_BYTES"


def _default_bytes() -> int:
    raw = os.environ.get(_ENV, "")
    return int(raw) if raw.strip().isdigit() else 8 * 1024 * 1024


@attrs.frozen(repr=False, eq=False)
class Limits(Record):
    """Bounds on what :func:`klusterplan.load` and :func:`klusterplan.loads` accept.

    The defaults hold a plan hundreds of times the size of the workbook's.
    ``max_bytes`` can also be set for the command with the environment variable
    ``KLUSTERPLAN_MAX_PLAN_BYTES``.
    """

    max_bytes: int = attrs.field(factory=_default_bytes)
    """The largest plan file, in bytes (8 MiB)."""
    max_depth: int = 32
    """How deeply lists and mappings may nest (a plan itself needs six levels)."""
    max_text: int = 100_000
    """The longest single text, in characters (about forty printed pages)."""
    max_values: int = 2_000_000
    """How many values (texts, numbers, lists, mappings) a file may expand to; a YAML
    alias counts every time it is used, so an alias bomb stops here."""


_SURROGATE = re.compile("[\ud800-\udfff]")


_THE_TEXT = message_text("limits_text")


def surrogate_problem(text: str, what: Text = _THE_TEXT) -> Text | None:
    """The message for text holding half of a UTF-16 pair, which no file can store."""
    found = _SURROGATE.search(text)
    return None if found is None else _surrogate_message(found, what)


def _surrogate_message(found: re.Match[str], what: Text) -> Text:
    code, at = f"U+{ord(found.group()):04X}", found.start() + 1
    return message_text("limits_what_holds_code_character", what=what, code=code, at=at, sv=what.sv)


def long_text_problem(length: int, limits: Limits) -> Text:
    """The message for a text longer than ``limits.max_text``."""
    return message_text(
        "limits_text_length_characters_most",
        length=length,
        max_text=limits.max_text,
        number=number(length),
        number2=number(limits.max_text),
    )


def number_problem(value: int) -> Text | None:
    """Why a whole number is beyond what a plan holds, or ``None``."""
    if -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    big = abs(value).bit_length() >= 14_000
    digits = "thousands of" if big else str(len(str(abs(value))))
    siffror = "tusentals" if big else digits
    most = len(str(MAX_NUMBER))
    return message_text(
        "limits_number_digits_digits_plan", digits=digits, most=most, siffror=siffror
    )


def _key(key: object) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return str(key).lower()
    text = key.isoformat() if hasattr(key, "isoformat") else repr(key)
    return text if len(text) <= 40 else text[:37] + "..."


def data_problems(data: Any, limits: Limits) -> Iterator[tuple[list[str | int], str, list[Any]]]:
    """``(path, message, place)`` for what a parsed file holds beyond the limits or any format.

    ``place`` is the path to look the line up by: ``path`` itself, or for a
    key that is not text, ``path`` and that key, so the line is the key's own.

    Keys that are not text, nesting past ``max_depth``, texts past ``max_text``
    or holding lone surrogates, and more than ``max_values`` values in all. The
    walk uses no recursion and stops at the value budget, so a file nested
    without end or expanding without end costs no more than the budget.
    """
    budget = limits.max_values
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        budget -= 1
        if budget < 0:
            most = limits.max_values
            yield (
                [],
                message_text("limits_file_expands_more_than", most=most, number=number(most)),
                [],
            )
            return
        if isinstance(value, str):
            if len(value) > limits.max_text:
                yield path, long_text_problem(len(value), limits), path
            else:
                problem = surrogate_problem(value)
                if problem:
                    yield path, problem, path
            continue
        if not isinstance(value, dict | list):
            continue
        if len(path) >= limits.max_depth:
            yield (
                path,
                message_text("limits_nested_more_than_max", max_depth=limits.max_depth),
                path,
            )
            continue
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                if not isinstance(key, str):
                    yield (
                        path,
                        message_text("limits_key_key_name_keys", key=_key(key)),
                        [*path, key],
                    )
                    continue
                # the key's own words are made only for a key that needs them
                found = _SURROGATE.search(key)
                if found is not None:
                    what = message_text("limits_key_key", key=key)
                    yield path, _surrogate_message(found, what), [*path, key]
                    continue
                stack.append((item, [*path, key]))
        else:
            stack.extend((item, [*path, i]) for i, item in reversed(list(enumerate(value))))
