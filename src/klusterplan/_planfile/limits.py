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


_THE_TEXT = Text("the text", "texten")


def surrogate_problem(text: str, what: Text = _THE_TEXT) -> Text | None:
    """The message for text holding half of a UTF-16 pair, which no file can store."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    code, at = f"U+{ord(found.group()):04X}", found.start() + 1
    return Text(
        f"{what} holds {code} at character {at}, half of a character pair (a lone "
        "surrogate) that no file can store; remove it",
        f"{what.sv} innehåller {code} vid tecken {at}, en halva av ett teckenpar (ett ensamt "
        "surrogattecken) som ingen fil kan lagra; ta bort det",
    )


def long_text_problem(length: int, limits: Limits) -> Text:
    """The message for a text longer than ``limits.max_text``."""
    return Text(
        f"a text of {length:,} characters; the most one text may hold is "
        f"{limits.max_text:,}: split it, or keep long documents outside the plan",
        f"en text på {number(length)} tecken; en text får ha högst "
        f"{number(limits.max_text)}: dela upp den, eller håll långa dokument utanför planen",
    )


def number_problem(value: int) -> Text | None:
    """Why a whole number is beyond what a plan holds, or ``None``."""
    if -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    big = abs(value).bit_length() >= 14_000
    digits = "thousands of" if big else str(len(str(abs(value))))
    siffror = "tusentals" if big else digits
    most = len(str(MAX_NUMBER))
    return Text(
        f"a number of {digits} digits; plan values (votes, ages, kronor) have at most {most}",
        f"ett tal med {siffror} siffror; en plans tal (röster, åldrar, kronor) har högst {most}",
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
                Text(
                    f"the file expands to more than {most:,} values (YAML aliases count each "
                    "time they are used); a plan needs far fewer, so write the values out "
                    "instead of repeating aliases",
                    f"filen växer till fler än {number(most)} värden (YAML-alias räknas "
                    "varje gång de används); en plan behöver långt färre, så skriv ut "
                    "värdena i stället för att upprepa alias",
                ),
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
                Text(
                    f"nested more than {limits.max_depth} levels deep; a plan needs at most "
                    "six: check the indentation or the brackets",
                    f"nästlad mer än {limits.max_depth} nivåer djupt; en plan behöver högst "
                    "sex: kontrollera indragen eller hakparenteserna",
                ),
                path,
            )
            continue
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                if not isinstance(key, str):
                    yield (
                        path,
                        Text(
                            f"the key {_key(key)} is not a name; keys are names such as "
                            "'name' or 'votes' (put it in quotes if it is meant as text)",
                            f"nyckeln {_key(key)} är inget namn; nycklar är namn som 'name' "
                            "eller 'votes' (sätt den inom citattecken om den är menad som text)",
                        ),
                        [*path, key],
                    )
                    continue
                problem = surrogate_problem(key, Text(f"the key {key!a}", f"nyckeln {key!a}"))
                if problem:
                    yield path, problem, [*path, key]
                    continue
                stack.append((item, [*path, key]))
        else:
            stack.extend((item, [*path, i]) for i, item in reversed(list(enumerate(value))))
