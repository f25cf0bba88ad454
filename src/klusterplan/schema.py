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

__all__ = ["SCHEMA_ID", "format_reference", "json_schema"]

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
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is _dt.date:
        # the pattern, since validators need not check "format"
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
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


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(inner) + (" (may be empty)" if type(None) in args else "")
    if origin is tuple:
        return f"list of {_type_name(args[0])}"
    if tp is str:
        return "text"
    if tp is bool:
        return "`true` or `false`"
    if tp is int:
        return "integer"
    if tp is _dt.date:
        return "date (YYYY-MM-DD)"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in tp)
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    raise TypeError(f"no name for {tp!r}")


def _classes(tp: Any, seen: dict[str, type]) -> None:
    for arg in typing.get_args(tp) or (tp,):
        if attrs.has(arg) and arg.__name__ not in seen:
            seen[arg.__name__] = arg
            for hint in typing.get_type_hints(arg).values():
                _classes(hint, seen)
        elif typing.get_args(arg):
            _classes(arg, seen)


def format_reference() -> str:
    """Every key of the plan format as Markdown tables, with the workbook's Swedish term.

    ``docs/plan-format.md`` holds this text between its ``generated`` markers;
    a test keeps the two the same.
    """
    seen: dict[str, type] = {}
    _classes(Plan, seen)
    parts: list[str] = []
    for name, cls in seen.items():
        hints = typing.get_type_hints(cls)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        rows = [
            f"| `{f.name}` | {_type_name(hints[f.name])} | {f.metadata.get('sv', '')} | "
            + ("**Required.** " if f.default is attrs.NOTHING else "")
            + f"{f.metadata.get('doc', '')} |"
            for f in attrs.fields(cls)
        ]
        head = "| key | type | workbook | meaning |\n| --- | --- | --- | --- |"
        parts.append(f"### {name}\n\n{doc}\n\n{head}\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    print(format_reference(), end="")
