"""cattrs converters between plain data and the plan model.

The structuring converter is strict: text must be text, a number a whole
number, a list a list; unknown keys are errors. Every problem is collected
with its path, so one run reports all of them.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_unstructure_fn, override

from .._catalogue.messages import text
from .._catalogue.text import Text, nearest
from .._model.paths import path_parts
from ..errors import PlanError, Problem, format_path
from ..model import SCHEMA_VERSION, Plan
from .formats import LineMap, older_yaml_number
from .limits import number_problem
from .resolve import SWEDISH_NAMES, enum_member, resolve_references

__all__ = ["structure_plan", "structure_plan_with_notices", "unstructure_plan"]


class _Invalid(ValueError):
    """A value of the wrong kind, with a message written for a person."""


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise _Invalid(text("convert_expected_text_got_nothing"))
    raise _Invalid(
        text(
            "convert_expected_text_got_describe",
            describe=_describe(value),
            describe_sv=_describe_sv(value),
        )
    )


_WHOLE = re.compile(r"[+-]?\d{1,18}")
_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _padded_date(value: str) -> str | None:
    """``2011-03-01`` for ``2011-3-1``, when that is a date; else ``None``."""
    match = _LOOSE_DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        problem = number_problem(value)
        if problem:
            raise _Invalid(problem)
        return value
    older = older_yaml_number(value) if isinstance(value, str) else None
    if older is not None:
        raise _Invalid(older)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        # "9" in quotes is text to YAML; to a person it is the number 9
        raise _Invalid(text("convert_number_in_quotes", value=value, number=int(value)))
    raise _Invalid(
        text(
            "convert_expected_integer_got_describe",
            describe=_describe(value),
            describe_sv=_describe_sv(value),
        )
    )


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _Invalid(
        text(
            "convert_expected_true_false_got",
            describe=_describe(value),
            describe_sv=_describe_sv(value),
        )
    )


def _structure_date(value: object, _: type) -> _dt.date:
    if isinstance(value, _dt.datetime):
        # a time of day would be dropped without a word: TOML, YAML and JSON alike refuse it
        raise _Invalid(_date_with_time(value))
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            suggested = _padded_date(value)
            if suggested is not None:
                raise _Invalid(text("convert_date_unpadded", value=value, date=suggested)) from None
        try:
            moment = _dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None:
            raise _Invalid(_date_with_time(moment))
    raise _Invalid(
        text(
            "convert_expected_date_written_yyyy",
            describe=_describe(value),
            describe_sv=_describe_sv(value),
        )
    )


def _date_with_time(value: _dt.datetime) -> Text:
    return text("date_with_time", value=value.isoformat(sep=" "), date=value.date().isoformat())


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    choices = [str(member.value) for member in cls]
    swedish = _swedish_names(cls)

    def structure(value: object, _: type) -> enum.Enum:
        member = enum_member(cls, value)
        if member is not None:
            return member
        close = nearest(str(value), [*choices, *swedish]) if isinstance(value, str) else None
        hint_en = f"; did you mean {close!r}?" if close else ""
        hint_sv = f"; menade du {close!r}?" if close else ""
        also = f" (or in Swedish: {', '.join(swedish)})" if swedish else ""
        also_sv = f" (eller på svenska: {', '.join(swedish)})" if swedish else ""
        raise _Invalid(
            text(
                "convert_expected_one_choices_also",
                choices=", ".join(choices),
                also=also,
                describe=_describe(value),
                hint_en=hint_en,
                also_sv=also_sv,
                describe_sv=_describe_sv(value),
                hint_sv=hint_sv,
            )
        )

    return structure


def _swedish_names(cls: type[enum.Enum]) -> list[str]:
    return [SWEDISH_NAMES[m] for m in cls if m in SWEDISH_NAMES]


def _described(value: object) -> tuple[str, str] | None:
    """What ``value`` is, as a message names it: (Swedish, English); None for another type."""
    if value is None:
        return "ingenting", "nothing"
    if isinstance(value, bool):
        word = str(value).lower()
        return f"sanningsvärdet {word}", f"the boolean {word}"
    if isinstance(value, str):
        if len(value) > 40:
            return "en text", "a text"
        return f"texten {value!r}", f"the text {value!r}"
    if isinstance(value, int) and number_problem(value):
        return "ett mycket stort tal", "a very large number"
    if isinstance(value, int | float):
        return f"talet {value}", f"the number {value}"
    if isinstance(value, dict):
        return "en samling nycklar", "a mapping"
    if isinstance(value, list | tuple):
        return "en lista", "a list"
    if isinstance(value, _dt.date):
        return f"datumet {value.isoformat()}", f"the date {value.isoformat()}"
    return None


def _describe_sv(value: object) -> str:
    described = _described(value)
    return described[0] if described else type(value).__name__


def _describe(value: object) -> str:
    described = _described(value)
    return described[1] if described else type(value).__name__


def _is_homogenous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return is_sequence(tp) and typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is ...


def _strict_tuple_factory(
    tp: Any, converter: cattrs.Converter
) -> Callable[[object, type], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(tp, converter)

    def structure(value: object, cl: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _Invalid(
                text(
                    "convert_expected_list_got_describe",
                    describe=_describe(value),
                    describe_sv=_describe_sv(value),
                )
            )
        return inner(value, cl)  # type: ignore[no-any-return]

    return structure


def _strict_attrs_factory(cl: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    from cattrs.gen import make_dict_structure_fn

    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cl, converter, _cattrs_forbid_extra_keys=True, _cattrs_use_linecache=False
    )

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(
                text(
                    "convert_expected_mapping_keys_got",
                    describe=_describe(value),
                    describe_sv=_describe_sv(value),
                )
            )
        return inner(value, cl)

    return structure


@functools.cache
def _structurer(detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        _enum_hook,
    )
    conv.register_structure_hook_factory(_is_homogenous_tuple, _strict_tuple_factory)
    conv.register_structure_hook_factory(attrs.has, _strict_attrs_factory)
    return conv


@functools.cache
def _unstructurer() -> cattrs.Converter:
    conv = cattrs.Converter(omit_if_default=True)
    conv.register_unstructure_hook(_dt.date, lambda d: d)
    conv.register_unstructure_hook(
        Plan,
        make_dict_unstructure_fn(
            Plan,
            conv,
            _cattrs_omit_if_default=True,
            schema_version=override(omit_if_default=False),
            language=override(omit_if_default=False),
        ),
    )
    return conv


def unstructure_plan(plan: Plan) -> dict[str, Any]:
    """Turn a plan into plain data, leaving out what is still at its default."""
    data: dict[str, Any] = _unstructurer().unstructure(plan)
    return data


def _problems(exc: BaseException, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    # cattrs raises what it found per attribute; each leaf becomes one problem with its path
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, [*path, note.index])
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, ClassValidationError):
        attributes, rest = exc.group_exceptions()
        for sub, attribute in attributes:
            yield from _problems(sub, [*path, attribute.name])
        for sub in rest:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)]
        for key in sorted(exc.extra_fields):
            from difflib import get_close_matches

            hint = get_close_matches(key, allowed, n=1)
            if hint:
                advice = text("convert_did_you_mean_hint", hint=hint[0])
            else:
                listed = ", ".join(allowed)
                advice = text("convert_allowed_keys_are_listed", listed=listed)
            yield (
                [*path, key],
                text("convert_unknown_key_advice", advice=advice, sv=advice.sv),
            )
    elif isinstance(exc, KeyError):
        yield (
            path,
            text("convert_required_key_missing_add"),
        )
    elif isinstance(exc, _Invalid):
        yield path, exc.args[0]
    elif isinstance(exc, PlanError):
        # a model constructor refused a field: its problems name the field
        for found in exc.problems:
            yield [*path, *path_parts(found.path)], found.message
    elif isinstance(exc, TypeError | ValueError):
        yield path, f"invalid value: {exc}"
    else:
        raise exc


def _with_hint(message: str, line: str) -> str:
    """Add what most likely went wrong on ``line`` of the file to a structuring message."""
    sv = message.sv if isinstance(message, Text) else message
    if "got nothing" in message and " #" in f" {line.split(':', 1)[-1]}":
        return text("convert_message_after_space_starts", message=message, sv=sv)
    if "expected text, got a mapping" in message and ": " in line:
        return text("convert_message_colon_followed_space", message=message, sv=sv)
    return message


def structure_plan(data: object, lines: LineMap | None = None, source: str | None = None) -> Plan:
    """Build a :class:`Plan` from plain data, or raise :class:`PlanError` listing every problem."""
    return structure_plan_with_notices(data, lines, source)[0]


def structure_plan_with_notices(
    data: object, lines: LineMap | None = None, source: str | None = None
) -> tuple[Plan, list[Problem]]:
    """:func:`structure_plan`, and a notice for each reference it read forgivingly.

    Enum values are read in any case and by their Swedish names; a reference
    to a centre, a staircase step or a target group by its name, or in
    another case, is replaced by the id, with a notice giving its path.
    """

    def problem(path: list[str | int], message: str) -> Problem:
        line = lines.line(path) if lines else None
        if lines is not None and line is not None:
            message = _with_hint(message, lines.text_of(line))
        return Problem(format_path(path), message, line)

    if not isinstance(data, dict):
        got = "an empty file" if data is None else _describe(data)
        raise PlanError([problem([], f"a plan is a mapping of keys, got {got}")], source)
    version = data.get("schema_version")
    if version is None:
        raise PlanError(
            [
                problem(
                    [],
                    f"schema_version is missing; add `schema_version: {SCHEMA_VERSION}` at the top",
                )
            ],
            source,
        )
    if version != SCHEMA_VERSION:
        raise PlanError(
            [
                problem(
                    ["schema_version"],
                    f"this release reads schema_version {SCHEMA_VERSION}, "
                    f"got {_describe(version)}; "
                    "use a klusterplan release that reads it, or convert the plan",
                )
            ],
            source,
        )
    try:
        plan = _structurer(False).structure(data, Plan)
    except Exception:
        # The quick converter stops at the first problem and names no path. The
        # detailed one collects every problem with its path; its code is a third
        # slower to generate, so it is made only for a plan that has a problem.
        try:
            plan = _structurer(True).structure(data, Plan)
        except (ClassValidationError, IterableValidationError, _Invalid, PlanError) as exc:
            problems = sorted(
                (problem(p, m) for p, m in _problems(exc, [])),
                key=lambda p: (p.line or 0, p.path),
            )
            raise PlanError(problems, source) from None
    plan, notices = resolve_references(plan)
    found = [problem(path_parts(path), message) for path, message in notices]
    return plan, sorted(found, key=lambda p: p.line or 0)
