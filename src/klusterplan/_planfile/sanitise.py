"""Plan text that XML cannot hold, made safe for document exporters.

Text pasted from Word or a web page can carry control characters (a vertical
tab for a manual line break, a form feed for a page break) that XML 1.0
forbids; writing them makes Word refuse the file. :func:`sanitise_plan`
returns a copy of the plan where line-break characters are line breaks and the
other forbidden characters are gone, and reports each change with its path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from .._catalogue.text import Text
from .._support.record import getter
from ..errors import format_path

__all__ = [
    "clean_text",
    "field_names",
    "field_values",
    "plan_strings",
    "sanitise_plan",
    "tree_strings",
]

T = TypeVar("T")

_ILLEGAL_BREAKS = frozenset("\v\f\x1c\x1d\x1e")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What ends a line for a reader, and everything else XML 1.0 forbids.

    The XML-legal line ends are mended silently. Compiled when first needed,
    by an export: their ranges of characters beyond Latin-1 take a millisecond
    to compile, which ``check`` would pay for nothing.
    """
    breaks = re.compile("\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
    illegal = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    return breaks, illegal


def _name(char: str) -> str:
    return f"U+{ord(char):04X}"


def _characters(chars: list[str]) -> dict[str, str]:
    one = len(chars) == 1
    return {
        "chars": ", ".join(_name(c) for c in chars),
        "characters": "control character" if one else "control characters",
        "styrtecken": "styrtecknet" if one else "styrtecknen",
        "breaks": "a line break" if one else "line breaks",
        "radbrytningar": "en radbrytning" if one else "radbrytningar",
        "was": "was" if one else "were",
    }


def clean_text(text: str) -> tuple[str, list[Text]]:
    """Return ``text`` safe for XML, and one message per kind of change made."""
    from .._catalogue.messages import text as said

    breaks, illegal = _patterns()
    messages: list[Text] = []
    broken = sorted({c for c in breaks.findall(text) if c in _ILLEGAL_BREAKS})
    if broken:
        messages.append(said("became_breaks", **_characters(broken)))
    text = breaks.sub("\n", text)
    dropped = sorted(set(illegal.findall(text)))
    if dropped:
        messages.append(said("left_out", **_characters(dropped)))
        text = illegal.sub("", text)
    return text, messages


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    # looked up once a class: the walks visit every field of every plan object
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def plan_strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a plan (or any attrs tree) with its path, e.g. ``target_groups[0].name``."""
    if isinstance(value, str):
        yield path, value
    elif attrs.has(type(value)):
        for name in field_names(type(value)):
            yield from plan_strings(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from plan_strings(item, f"{path}[{i}]")


_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def field_values(cls: type) -> Callable[[Any], tuple[Any, ...]] | None:
    """A function giving the field values of an attrs class's instance; ``None`` for others.

    Made once a class (:func:`~klusterplan._support.record.getter`): the walks over a
    whole plan or document call it for every object.
    """
    values = _FIELD_VALUES.get(cls)
    if values is None:
        if (isinstance(cls, type) and issubclass(cls, str)) or not attrs.has(cls):
            return None
        values = _FIELD_VALUES[cls] = getter(field_names(cls))
    return values


def tree_strings(value: object) -> list[str]:
    """Every string in a plan (or any attrs tree), in no set order, without paths.

    For a look at all the text at once (which characters it uses): it skips
    building the path of each string, which costs more than the walk itself.
    """
    out: list[str] = []
    add = out.append
    stack = [value]
    pop, push = stack.pop, stack.extend
    known = _FIELD_VALUES
    while stack:
        item = pop()
        kind = type(item)
        values = known.get(kind)
        if values is not None:
            push(values(item))
        elif isinstance(item, str):
            add(item)
        elif isinstance(item, tuple | list):
            push(item)
        else:
            values = field_values(kind)
            if values is not None:
                push(values(item))
    return out


def _clean(value: Any, path: list[str | int], report: Callable[[str, str], None]) -> Any:
    if isinstance(value, str):
        text, messages = clean_text(value)
        for message in messages:
            report(format_path(path), message)
        return text
    if isinstance(value, tuple):
        items = [_clean(v, [*path, i], report) for i, v in enumerate(value)]
        changed = any(a is not b for a, b in zip(items, value, strict=True))
        return tuple(items) if changed else value
    if attrs.has(type(value)):
        changes: dict[str, Any] = {}
        for name in field_names(type(value)):
            old = getattr(value, name)
            new = _clean(old, [*path, name], report)
            if new is not old:
                changes[name] = new
        return attrs.evolve(value, **changes) if changes else value
    return value


def _nothing_to_mend(plan: object) -> bool:
    """Whether no text of ``plan`` needs mending, found without the walk that rebuilds it.

    Nearly every plan has nothing to mend: one search over all its text, without
    the path of each string, says so. (A match across two joined strings needs
    a match within one, so the join finds no change that is not there.)
    """
    text = "".join(tree_strings(plan))
    breaks, illegal = _patterns()
    return breaks.search(text) is None and illegal.search(text) is None


def sanitise_plan(plan: T, report: Callable[[str, str], None]) -> T:
    r"""Return ``plan`` with text XML can hold; ``report(path, message)`` for each change.

    Line-break characters (``\v``, ``\f``, ``\r\n``, ``\r`` and the like)
    become ``\n``; other characters XML 1.0 forbids are dropped. Paths look
    like ``target_groups[0].persona.story``. A plan without such text is
    returned as it is.
    """
    if _nothing_to_mend(plan):
        return plan
    cleaned: T = _clean(plan, [], report)
    return cleaned
