"""Entries a person copied in and never filled: left out of the documents.

A plan in progress may hold a list entry whose every value is still empty (a
survey, a partner, an activity copied from the starter plan's example). A
document shows nothing useful for it, only an empty row or a dangling
"Futurum:", so document exports leave such entries out; the plan itself and
the data formats keep them, and the rule checks still see them.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

__all__ = ["without_blank_entries"]


@functools.cache
def _empty(cls: type) -> Any:
    return cls()


def _blank(value: Any) -> bool:
    cls = type(value)
    try:
        return attrs.has(cls) and bool(value == _empty(cls))
    except TypeError:  # a class whose fields have no defaults
        return False


def without_blank_entries(value: Any) -> Any:
    """``value`` with every entry of every list that is wholly empty taken out."""
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if isinstance(item, tuple) and item and attrs.has(type(item[0])):
            kept = tuple(without_blank_entries(each) for each in item if not _blank(each))
            # (by identity: comparing the entries' values would walk them all again)
            if len(kept) != len(item) or any(k is not i for k, i in zip(kept, item, strict=True)):
                changes[field.name] = kept
        elif attrs.has(type(item)):
            new = without_blank_entries(item)
            if new is not item:
                changes[field.name] = new
    return attrs.evolve(value, **changes) if changes else value
