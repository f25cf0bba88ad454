"""A plan built in code with its text in composed form (NFC), as the loader reads files.

macOS stores å, ä and ö decomposed (a letter and a combining mark); a plan
built from such text has ids that look alike and compare unequal, and
letters the PDF fonts cannot set as typed. The loader composes a file's
text as it reads it; this does the same for a plan built in code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

__all__ = ["composed"]

T = TypeVar("T")


def composed(value: T) -> T:
    """``value`` with every text in it composed; ``value`` itself if all of it already is."""
    return _composed(value)  # type: ignore[no-any-return]


def _composed(value: Any) -> Any:
    if isinstance(value, str):
        if type(value) is not str or unicodedata.is_normalized("NFC", value):
            return value  # a subclass (Text, an enum) keeps its own identity
        return unicodedata.normalize("NFC", value)
    if isinstance(value, tuple):
        items = [_composed(v) for v in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return tuple(items) if changed else value
    if isinstance(value, Mapping):
        pairs = [(_composed(k), _composed(v)) for k, v in value.items()]
        changed = any(
            k is not old_k or v is not old_v
            for (k, v), (old_k, old_v) in zip(pairs, value.items(), strict=True)
        )
        return dict(pairs) if changed else value
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            old = getattr(value, field.name)
            new = _composed(old)
            if new is not old:
                changes[field.name] = new
        return attrs.evolve(value, **changes) if changes else value
    return value
