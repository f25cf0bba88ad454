"""The JSON Schema of the plan file format, derived from the model itself.

Because it is generated from the attrs classes and their field metadata, the
schema cannot fall out of step with what :func:`klusterplan.load` accepts.
"""

from __future__ import annotations

import copy
import datetime as _dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from .model import SCHEMA_VERSION, Plan

__all__ = ["SCHEMA_ID", "json_schema"]

#: The schema's identifier.
SCHEMA_ID = f"https://klusterplan.invalid/schema/plan-v{SCHEMA_VERSION}.json"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is _dt.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder that stops recursion
            defs[tp.__name__] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], defs)
        doc = field.metadata.get("doc", "")
        sv = field.metadata.get("sv", "")
        description = f"{doc} (arbetsboken: {sv})" if sv else doc
        if description:
            schema = {**schema, "description": description}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    return out


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(Plan, defs)
    root["properties"]["schema_version"] = {
        "const": SCHEMA_VERSION,
        "description": root["properties"]["schema_version"]["description"],
    }
    root["required"] = ["schema_version"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "klusterplan plan",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file."""
    return copy.deepcopy(_schema())
