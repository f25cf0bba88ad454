"""What the model's constructors accept: each field converted when unambiguous, else refused.

A plan built from code meets the same types as one loaded from a file. A
list where a tuple is declared becomes a tuple, ``"sv"`` becomes
``Language.SV``, ``"2011-03-01"`` a date; anything else of the wrong kind
raises :class:`~klusterplan.PlanError` naming the class and the field, on
the line that made it, and not later at ``check`` or an export.

Each field gets one converter, made once when its class is made, that
returns a value of the declared type as it is: a loaded plan, whose values
cattrs has already made right, pays one call a field.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._catalogue.messages import text
from ..errors import PlanError, Problem

__all__ = ["checked", "field_error"]

_Convert = Callable[[Any], Any]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACE = re.compile(r"\s")


def field_error(owner: str, field: str, message: str) -> PlanError:
    """The error for ``owner.field``: the class as its source, the field as its path."""
    return PlanError([Problem(field, message)], owner)


def _describe(value: object) -> tuple[str, str]:
    """What ``value`` is, in English and Swedish, for a message about it."""
    if value is None:
        return "nothing", "ingenting"
    if isinstance(value, bool):
        return f"the boolean {value}", f"sanningsvärdet {value}"
    if isinstance(value, str):
        shown = repr(value) if len(value) <= 40 else repr(value[:37] + "...")
        return f"the text {shown}", f"texten {shown}"
    if isinstance(value, int | float):
        return f"the number {value}", f"talet {value}"
    if isinstance(value, dict):
        return "a mapping", "en samling nycklar"
    if isinstance(value, list | tuple):
        return "a list", "en lista"
    name = type(value).__name__
    return f"a {name}", f"ett värde av typen {name}"


def _refuse(owner: str, field: str, key: str, value: object, **more: object) -> PlanError:
    en, sv = _describe(value)
    message = text(key, got=en, got_sv=sv, field=field, **more)
    return field_error(owner, field, message)


def _text(owner: str, field: str, optional: bool) -> _Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, str) or (value is None and optional):
            return value
        raise _refuse(owner, field, "model_text", value)

    return convert


def _whole(owner: str, field: str, optional: bool) -> _Convert:
    def convert(value: Any) -> Any:
        if type(value) is int or (value is None and optional):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)  # a subclass of int (a numpy-like count) is its number
        shown = value.strip() if isinstance(value, str) else ""
        # "7" from a CSV is refused too, but the message says how to mend it
        key = "model_number_quoted" if shown.lstrip("-").isdigit() else "model_number"
        raise _refuse(owner, field, key, value, example=shown)

    return convert


def _truth(owner: str, field: str) -> _Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, bool):
            return value
        raise _refuse(owner, field, "model_bool", value)

    return convert


def _date(owner: str, field: str, optional: bool) -> _Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date) or (value is None and optional):
            return value
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise _refuse(owner, field, "model_date", value)

    return convert


def _choice(owner: str, field: str, cls: type[enum.Enum], optional: bool) -> _Convert:
    by_value = {str(member.value).lower(): member for member in cls}
    choices = ", ".join(f"{cls.__name__}.{m.name} ({m.value!r})" for m in cls)

    def convert(value: Any) -> Any:
        if isinstance(value, cls) or (value is None and optional):
            return value
        if isinstance(value, str):
            member = by_value.get(value.strip().lower())
            if member is not None:
                return member
        raise _refuse(owner, field, "model_choice", value, choices=choices)

    return convert


def _instance(owner: str, field: str, cls: type, optional: bool) -> _Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, cls) or (value is None and optional):
            return value
        raise _refuse(owner, field, "model_instance", value, kind=cls.__name__)

    return convert


def _items(owner: str, field: str, item: Any) -> _Convert:
    one = _one(owner, field, item, optional=False)
    kind = item.__name__ if isinstance(item, type) else str(item)

    def convert(value: Any) -> Any:
        if isinstance(value, list | tuple):
            # one element of the wrong kind names its place: actions[2]
            for index, element in enumerate(value):
                try:
                    one(element)
                except PlanError:
                    got_en, got_sv = _describe(element)
                    raise field_error(
                        owner,
                        f"{field}[{index}]",
                        text("model_item", got=got_en, got_sv=got_sv, kind=kind),
                    ) from None
            return value if type(value) is tuple else tuple(value)
        raise _refuse(owner, field, "model_list", value, kind=kind)

    return convert


def _one(owner: str, field: str, tp: Any, optional: bool) -> _Convert:
    if tp is str:
        return _text(owner, field, optional)
    if tp is bool:
        return _truth(owner, field)
    if tp is int:
        return _whole(owner, field, optional)
    if tp is _dt.date:
        return _date(owner, field, optional)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _choice(owner, field, tp, optional)
    if typing.get_origin(tp) is tuple:
        return _items(owner, field, typing.get_args(tp)[0])
    if isinstance(tp, type):
        return _instance(owner, field, tp, optional)
    raise TypeError(f"{owner}.{field}: no converter for {tp!r}")


def _converter(owner: str, field: attrs.Attribute[Any]) -> _Convert:
    tp = field.type
    optional = False
    if isinstance(tp, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        (tp,) = args
    convert = _one(owner, field.name, tp, optional)
    if field.name == "id" and tp is str:
        return _identifier(owner, convert)
    return convert


def _identifier(owner: str, text_only: _Convert) -> _Convert:
    def convert(value: Any) -> Any:
        value = text_only(value)
        if _SPACE.search(value) is None:
            return value
        joined = "-".join(value.split())
        message = text("model_id_space", value=repr(value), suggestion=repr(joined))
        raise field_error(owner, "id", message)

    return convert


def checked(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The ``field_transformer`` of the model's classes: each field's converter, by its type."""
    return [field.evolve(converter=_converter(cls.__name__, field)) for field in fields]
