"""Paths into a plan (``target_groups[2].persona.name``): parsed, typed and named.

A document marks each plan value it shows with the value's path, so that a
format that can be edited (Word) can be read back exactly. This module knows
the grammar of those paths and, from the model alone, what kind of value each
one holds; it has no knowledge of any document format.

Besides plain paths there are *placements*: ``target_groups[*].centre=culture``
names no single value but says "each target group named here has its centre
set to ``culture``"; the workbook uses them where groups are written into the
centre matrix, onto the staircase or under a customer segment.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ..model import Plan

__all__ = [
    "path_parts",
    "OPTIONS",
    "Slot",
    "bookmark_name",
    "bookmark_templates",
    "describe",
    "fill",
    "parse",
    "parse_bookmark",
    "placement",
    "slot",
    "split_placement",
    "template",
    "templates",
]

Part = str | int

#: An index has at most nine digits: no list comes near a billion items, and a longer
#: string of digits would cost more to convert than any plan is worth (or be refused by
#: Python's own limit on converting digits).
_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]{1,9}|\*)\]|\.")


def parse(path: str) -> tuple[Part, ...]:
    """``"target_groups[2].name"`` → ``("target_groups", 2, "name")``; ``[*]`` stays ``"*"``.

    Raises :class:`ValueError` for text that is no path.
    """
    parts: list[Part] = []
    pos = 0
    expect_name = True
    while pos < len(path):
        match = _TOKEN.match(path, pos)
        if match is None:
            raise ValueError(f"not a plan path: {path!r}")
        name, index = match.group(1), match.group(2)
        if name is not None:
            if not expect_name:
                raise ValueError(f"not a plan path: {path!r}")
            parts.append(name)
            expect_name = False
        elif index is not None:
            if expect_name:
                raise ValueError(f"not a plan path: {path!r}")
            parts.append("*" if index == "*" else int(index))
        else:
            if expect_name:
                raise ValueError(f"not a plan path: {path!r}")
            expect_name = True
        pos = match.end()
    if expect_name:
        raise ValueError(f"not a plan path: {path!r}")
    return tuple(parts)


def join(parts: tuple[Part, ...] | list[Part]) -> str:
    """The inverse of :func:`parse`."""
    out = ""
    for part in parts:
        if isinstance(part, int) or part == "*":
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@functools.lru_cache(maxsize=8192)
def template(path: str) -> str:
    """The path with its indexes left out: ``target_groups[].name``."""
    return re.sub(r"\[(\d+|\*)\]", "[]", path)


def indexes(path: str) -> tuple[int, ...]:
    """The path's list indexes, in order."""
    return tuple(int(i) for i in re.findall(r"\[(\d+)\]", path))


def fill(pattern: str, numbers: tuple[int, ...]) -> str:
    """Put ``numbers`` into the ``[]`` of a template, in order."""
    it = iter(numbers)
    return re.sub(r"\[\]", lambda _: f"[{next(it)}]", pattern)


#: The options of the placements whose options the model fixes, in order; a centre's or a
#: step's are the plan's own, in the plan's order.
OPTIONS: dict[str, tuple[str, ...]] = {
    "target_groups[].segment": ("A", "B"),
    "campaign.groups[].priority": ("#",),
}


def placement(field: str, value: str) -> str:
    """``placement("target_groups[].centre", "culture")`` → ``target_groups[*].centre=culture``."""
    return f"{field.replace('[]', '[*]', 1)}={value}"


def split_placement(path: str) -> tuple[str, str] | None:
    """``target_groups[*].centre=culture`` → (``target_groups[].centre``, ``culture``).

    None for a path that is no placement.
    """
    head, sep, value = path.partition("=")
    if not sep or "[*]" not in head:
        return None
    return template(head), value


@attrs.frozen
class Slot:
    """What a path of the model holds."""

    template: str
    """The path without indexes, e.g. ``actions[].due``."""
    type: Any
    """The value's type: ``str``, ``int``, ``bool``, a date, an enum or an attrs class;
    for a list, its items' type."""
    many: bool = False
    """A list (a tuple in the model)."""
    optional: bool = False
    """May be ``None``."""
    doc: str = ""
    sv: str = ""
    """The workbook's Swedish term, from the model's metadata."""

    @property
    def record(self) -> bool:
        """Whether the value (or each item) is an attrs class of its own."""
        return attrs.has(self.type)


def _unwrap(tp: Any) -> tuple[Any, bool, bool]:
    """(type, many, optional) of an annotation."""
    optional = False
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        optional = True
        rest = [a for a in args if a is not type(None)]
        tp = rest[0]
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0], True, optional
    return tp, False, optional


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _walk(cls: type, prefix: str) -> Iterator[Slot]:
    hints = _hints(cls)
    for field in attrs.fields(cls):
        tp, many, optional = _unwrap(hints[field.name])
        path = f"{prefix}.{field.name}" if prefix else field.name
        yield Slot(
            path,
            tp,
            many,
            optional,
            field.metadata.get("doc", ""),
            field.metadata.get("sv", ""),
        )
        if attrs.has(tp):
            yield from _walk(tp, f"{path}[]" if many else path)


@functools.cache
def templates() -> dict[str, Slot]:
    """Every path of the model, without indexes, with what it holds."""
    return {s.template: s for s in _walk(Plan, "")}


@functools.lru_cache(maxsize=8192)
def slot(path: str) -> Slot | None:
    """What ``path`` (with or without indexes, or an item ``list[3]``) holds; None if unknown.

    A path that ends in an index names one item of a list: its slot is the
    list's, with ``many`` false.
    """
    key = template(path)
    if key.endswith("[]"):
        found = templates().get(key[:-2])
        return attrs.evolve(found, many=False, optional=False) if found and found.many else None
    return templates().get(key)


# -- bookmark names ---------------------------------------------------------------
#
# Word and LibreOffice keep bookmarks where LibreOffice drops the tags of content
# controls, but a bookmark's name may hold only letters, digits and underscores
# and LibreOffice cuts it at 40 characters. So a bookmark names its path by a
# short, stable code of the path's template (a checksum, the same in every
# release that has the path) and the indexes. A leading underscore hides it
# from Word's list of bookmarks.

_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
# LibreOffice renames a bookmark it copies, as it does the text of a frame, "…_Copy_1"
_BOOKMARK = re.compile(
    r"^_kp([vtp])([0-9a-z]+)((?:_[0-9]{1,9})*)(?:_n([0-9]{1,9}))?(?:_Copy_[0-9]{1,9})?$"
)


@functools.lru_cache(maxsize=1024)
def _code(text: str) -> str:
    import zlib  # only the Word round trip names bookmarks

    n = zlib.crc32(text.encode("utf-8"))
    out = ""
    while True:
        n, digit = divmod(n, 36)
        out = _BASE36[digit] + out
        if not n:
            return out


def bookmark_templates() -> list[str]:
    """Every template a bookmark may name: each path, and each list's items (``x.y[]``)."""
    out = list(templates())
    out += [f"{t}[]" for t, found in templates().items() if found.many]
    return out


@functools.cache
def _codes() -> dict[str, str]:
    names = bookmark_templates()
    table = {_code(t): t for t in names}
    if len(table) != len(names):  # pragma: no cover - a test guards this
        raise RuntimeError("two plan paths share a bookmark code")
    return table


def bookmark_name(kind: str, path: str, numbers: tuple[int, ...] | None = None, n: int = 0) -> str:
    """The bookmark for ``path``: ``kind`` ``v`` a value, ``t`` a table's rows, ``p`` a placement.

    A value's or table's numbers are its path's indexes; a placement names its
    field's template (``target_groups[].centre``) and the option's position
    among the block's (the third centre: 2). ``n`` tells apart bookmarks of one
    path: Word needs every name once.
    """
    base, found = _split_indexes(path)
    numbers = found if numbers is None else numbers
    tail = f"_n{n}" if n else ""
    return f"_kp{kind}{_code(base)}{''.join(f'_{i}' for i in numbers)}{tail}"


_INDEX = re.compile(r"\[(\d+|\*)\]")


@functools.lru_cache(maxsize=8192)
def _split_indexes(path: str) -> tuple[str, tuple[int, ...]]:
    """(template, indexes) of a path, once a path: exports ask for each many times."""
    return _INDEX.sub("[]", path), tuple(int(i) for i in re.findall(r"\[(\d+)\]", path))


@functools.lru_cache(maxsize=8192)
def parse_bookmark(name: str) -> tuple[str, str, tuple[int, ...], int] | None:
    """``(kind, template, numbers, n)`` of a klusterplan bookmark; None for any other."""
    match = _BOOKMARK.match(name)
    if match is None:
        return None
    kind, code, numbers = match.group(1), match.group(2), match.group(3)
    found = _codes().get(code)
    if found is None:
        return None
    values = tuple(int(n) for n in numbers.split("_")[1:]) if numbers else ()
    return kind, found, values, int(match.group(4) or 0)


@functools.lru_cache(maxsize=8192)
def describe(path: str, swedish: bool) -> str:
    """A name a person can read for ``path``: ``Målgrupper 3 › röster``.

    Built from the model's own terms (the workbook's Swedish word, or the
    English key), with items counted from 1.
    """
    where = split_placement(path)
    head = path.partition("=")[0] if where else path
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", head)]
    text = _words(re.sub(r"\[\d+\]", "[0]", head), swedish).format(*(n + 1 for n in numbers))
    if where:
        text += f" = {where[1]}"
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=1024)
def _words(pattern: str, swedish: bool) -> str:
    """The words of a template, ``{}`` where an item's number goes (made once a template)."""
    words: list[str] = []
    prefix = ""
    for part in parse(pattern):
        if part == "*" or isinstance(part, int):
            prefix += "[]"
            # an item is counted; ``[*]`` (every item, a placement) is not
            words[-1] += " {}" if isinstance(part, int) else ""
            continue
        prefix = f"{prefix}.{part}" if prefix else part
        found = templates().get(prefix)
        term = (found.sv if swedish and found and found.sv else "") or part.replace("_", " ")
        words.append(
            term.split(",")[0].split("/")[0].strip().replace("{", "(").replace("}", ")") or part
        )
    return " › ".join(words)


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_parts(path: str) -> list[str | int]:
    """Split ``campaign.groups[1].motivation`` into ``['campaign', 'groups', 1, 'motivation']``."""
    return [int(index) if index else key for key, index in _PART.findall(path)]
