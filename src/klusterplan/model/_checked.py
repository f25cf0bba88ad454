"""What the model's constructors accept: each field converted when unambiguous, else refused.

A plan built from code meets the same types as one loaded from a file. A
list where a tuple is declared becomes a tuple, ``"sv"`` becomes
``Language.SV``, ``"2011-03-01"`` a date; anything else of the wrong kind
raises :class:`~klusterplan.PlanError` naming the class and the field, on
the line that made it, and not later at ``check`` or an export.

Every field of the model is declared with the one converter :data:`CHECK`,
which attrs calls with the value, the instance being made and the field. It
learns a field on the field's first value: the declared type chooses a
converter, one shared by every field of that type, that returns a value of
the declared type as it is. So importing the model makes no converter and
changes no field (reading the example plan makes about forty converters, where
each class used to make one for each of its fields, some 160 in all, as it was
made), and a loaded plan, whose values
cattrs has already made right, pays a lookup and a call a field (a text, most
of a plan, not even the lookup). The class and the field a refusal names are
those of the instance being made and the field given.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeAlias

import attrs

from .._catalogue.messages import text
from ..errors import PlanError, Problem

__all__ = ["CHECK", "field_error"]

_Field: TypeAlias = "attrs.Attribute[Any]"
#: A field's converter: the value, the instance being made and the field.
_Convert = Callable[[Any, object, Any], Any]
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


def _refuse(instance: object, field: str, key: str, value: object, **more: object) -> PlanError:
    en, sv = _describe(value)
    message = text(key, got=en, got_sv=sv, field=field, **more)
    return field_error(type(instance).__name__, field, message)


def _text(optional: bool) -> _Convert:
    def convert(value: Any, instance: object, field: Any) -> Any:
        if isinstance(value, str) or (value is None and optional):
            return value
        raise _refuse(instance, field.name, "model_text", value)

    return convert


def _identifier(optional: bool) -> _Convert:
    def convert(value: Any, instance: object, field: Any) -> Any:
        if value is None and optional:
            return value
        if not isinstance(value, str):
            raise _refuse(instance, field.name, "model_text", value)
        if _SPACE.search(value) is None:
            return value
        joined = "-".join(value.split())
        message = text("model_id_space", value=repr(value), suggestion=repr(joined))
        raise field_error(type(instance).__name__, field.name, message)

    return convert


def _whole(optional: bool) -> _Convert:
    def convert(value: Any, instance: object, field: Any) -> Any:
        if type(value) is int or (value is None and optional):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)  # a subclass of int (a numpy-like count) is its number
        shown = value.strip() if isinstance(value, str) else ""
        # "7" from a CSV is refused too, but the message says how to mend it
        key = "model_number_quoted" if shown.lstrip("-").isdigit() else "model_number"
        raise _refuse(instance, field.name, key, value, example=shown)

    return convert


def _truth(value: Any, instance: object, field: Any) -> Any:
    if isinstance(value, bool):
        return value
    raise _refuse(instance, field.name, "model_bool", value)


def _date(optional: bool) -> _Convert:
    def convert(value: Any, instance: object, field: Any) -> Any:
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date) or (value is None and optional):
            return value
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise _refuse(instance, field.name, "model_date", value)

    return convert


def _choice(cls: type[enum.Enum], optional: bool) -> _Convert:
    by_value = {str(member.value).lower(): member for member in cls}

    def convert(value: Any, instance: object, field: Any) -> Any:
        if isinstance(value, cls) or (value is None and optional):
            return value
        if isinstance(value, str):
            member = by_value.get(value.strip().lower())
            if member is not None:
                return member
        choices = ", ".join(f"{cls.__name__}.{m.name} ({m.value!r})" for m in cls)
        raise _refuse(instance, field.name, "model_choice", value, choices=choices)

    return convert


def _instance(cls: type, optional: bool) -> _Convert:
    def convert(value: Any, instance: object, field: Any) -> Any:
        if isinstance(value, cls) or (value is None and optional):
            return value
        raise _refuse(instance, field.name, "model_instance", value, kind=cls.__name__)

    return convert


def _items(item: Any) -> _Convert:
    one = _one(item, optional=False)
    kind = item.__name__ if isinstance(item, type) else str(item)

    def convert(value: Any, instance: object, field: Any) -> Any:
        if isinstance(value, list | tuple):
            # one element of the wrong kind names its place: actions[2]
            for index, element in enumerate(value):
                try:
                    one(element, instance, field)
                except PlanError:
                    got_en, got_sv = _describe(element)
                    raise field_error(
                        type(instance).__name__,
                        f"{field.name}[{index}]",
                        text("model_item", got=got_en, got_sv=got_sv, kind=kind),
                    ) from None
            return value if type(value) is tuple else tuple(value)
        raise _refuse(instance, field.name, "model_list", value, kind=kind)

    return convert


def _one(tp: Any, optional: bool) -> _Convert:
    if tp is str:
        return _text(optional)
    if tp is bool:
        return _truth
    if tp is int:
        return _whole(optional)
    if tp is _dt.date:
        return _date(optional)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _choice(tp, optional)
    if typing.get_origin(tp) is tuple:
        return _items(typing.get_args(tp)[0])
    if isinstance(tp, type):
        return _instance(tp, optional)
    raise TypeError(f"no converter for {tp!r}")


#: The converter of each type, shared by its fields: a declared type, whether ``None`` is
#: allowed, and whether the field is an ``id``.
_BY_TYPE: dict[tuple[Any, bool, bool], _Convert] = {}
#: The converter each field has learnt, by the field's ``id``. The field is kept beside it:
#: a field this holds is never freed, so its ``id`` is never another field's.
_LEARNT: dict[int, tuple[_Field, _Convert]] = {}


def _learn(field: _Field) -> _Convert:
    tp = field.type
    optional = False
    if isinstance(tp, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        (tp,) = args
    is_id = field.name == "id" and tp is str
    key = (tp, optional, is_id)
    convert = _BY_TYPE.get(key)
    if convert is None:
        convert = _BY_TYPE[key] = _identifier(optional) if is_id else _one(tp, optional)
    _LEARNT[id(field)] = (field, convert)
    return convert


def _check(value: Any, instance: object, field: _Field) -> Any:
    if type(value) is str and field.type is str and field.name != "id":
        return value  # most fields, and all a loaded plan's texts: nothing to learn
    learnt = _LEARNT.get(id(field))
    return (learnt[1] if learnt is not None else _learn(field))(value, instance, field)


#: The converter every field of the model declares: the value, checked and converted to the
#: field's declared type, or a :class:`~klusterplan.PlanError` naming the class and the field.
CHECK = attrs.Converter(_check, takes_self=True, takes_field=True)
