"""Plans as plain data with every field there, read and changed by path.

Reading a document back builds a plan as the data a plan file holds (dicts,
lists, text, numbers, dates, enum values), every field present, defaults too,
so that a value can be set anywhere by its path, making what lies on the way
(a persona not there yet) as the model would.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Sequence
from typing import Any

import attrs

from ..model import Plan
from . import paths as _paths

__all__ = ["default_of", "fresh", "get_at", "plain", "set_at", "update_at"]


def default_of(slot: _paths.Slot) -> Any:
    """What the field holds when a plan file leaves it out."""
    owner = _owner(slot.template)
    if owner is None:
        return None
    default = attrs.fields_dict(owner)[slot.template.rsplit(".", 1)[-1]].default
    factory = getattr(default, "factory", None)
    return plain(factory() if factory is not None else default)


def _owner(template: str) -> type | None:
    head = template.rsplit(".", 1)[0] if "." in template else ""
    if not head:
        return Plan
    found = _paths.templates().get(head.removesuffix("[]"))
    return found.type if found is not None else None


def fresh(cls: type) -> dict[str, Any]:
    """A new item of ``cls`` as plain data; a field it must have (an id) starts empty."""
    required = {f.name: "" for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    data: dict[str, Any] = plain(cls(**required))
    return data


def plain(value: Any) -> Any:
    """A model object as plain data, every field there, defaults too."""
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value
    return value


def get_at(data: Any, parts: Sequence[Any]) -> Any:
    for part in parts:
        if data is None:
            return None
        if isinstance(part, int):
            data = data[part] if part < len(data) else None
        else:
            data = data.get(part)
    return data


def set_at(data: Any, parts: Sequence[Any], value: Any) -> None:
    """Set a value in plain data, making what lies on the way (a persona not yet there)."""
    prefix: list[Any] = []
    for part in parts[:-1]:
        prefix.append(part)
        nxt = data[part] if isinstance(part, int) else data.get(part)
        if nxt is None:
            slot = _paths.slot(_paths.join(tuple(prefix)))
            nxt = fresh(slot.type) if slot is not None and slot.record else {}
            if isinstance(part, int):
                data[part] = nxt
            else:
                data[part] = nxt
        data = nxt
    data[parts[-1]] = value


def update_at(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        set_at(target, _paths.parse(key), value)
