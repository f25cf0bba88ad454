"""Text typed in a document, read as a plan value of the kind its path holds.

What a document shows is formatted for a reader (``40 000 kr``, ``52 år``,
``B – nya kunder``, a group's name where the plan holds its id); this module
reads such text back, in either language, and says plainly what it expected
when it cannot. Values come out as plain data, as a plan file holds them.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .._catalogue.labels import enum_label, label
from .._catalogue.messages import text as _text
from .._catalogue.text import Text
from .._model import paths as _paths
from .._planfile.limits import MAX_NUMBER
from ..model import DEFAULT_CENTRES, DEFAULT_STAIRCASE, Language, Plan

__all__ = ["Names", "Unreadable", "parse_value", "ref_kind", "split_items"]

#: Fields that hold ids of other things, shown by name: what each refers to.
REFS: dict[str, str] = {
    "actions[].target_groups": "group",
    "communication_plan.activities[].target_groups": "group",
    "communication_plan.target_groups": "group",
    "communication_plan.messages[].target_group": "group",
    "campaign.groups[].target_group": "group",
    "target_groups[].centre": "centre",
    "dialogue_forum.centre_today.centres": "centre",
    "dialogue_forum.centre_tomorrow.centres": "centre",
    "target_groups[].staircase.current": "step",
    "target_groups[].staircase.target": "step",
}
#: Lists shown on one line, their items separated by commas.
_COMMA_LISTS = {t for t, kind in REFS.items() if _paths.templates()[t].many} | {"actions[].roles"}


class Unreadable(ValueError):
    """Text that is not a value of the kind its place holds; the message says what is.

    :attr:`text` holds the message in English and Swedish.
    """

    def __init__(self, message: Text) -> None:
        self.text = message
        super().__init__(str(message))


def ref_kind(path: str) -> str | None:
    """``group``, ``centre`` or ``step`` for a field that refers by id; else None."""
    key = _paths.template(path)
    if key.endswith("[]") and key[:-2] in REFS:
        return REFS[key[:-2]]
    return REFS.get(key)


_QUOTES = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "\u00a0": " "})
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")


def normal(text: str) -> str:
    """Text as names are compared: quotes, dashes and spacing evened out, case folded."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    text = " ".join(text.split())
    return text.strip("\"' ").casefold()


def split_items(path: str, text: str, commas: bool = False) -> list[str]:
    """The items of a list typed as text: a line each.

    Items are separated by commas too where the list is shown on one line, or
    where ``commas`` says so (names of new items written on a line).
    """
    key = _paths.template(path)
    lines = [line.strip() for line in re.split(r"\n+", text.replace("\r", "\n"))]
    items: list[str] = []
    for line in lines:
        line = re.sub(r"^\s*(?:[-–•*·▪]|\d+[.)])\s+", "", line).strip()
        if not line:
            continue
        if commas or key in _COMMA_LISTS:
            items.extend(p.strip() for p in re.split(r"[,;]\s*", line) if p.strip())
        else:
            items.append(line)
    return items


@attrs.define
class Names:
    """What names stand for: target groups (as they end up), centres and steps."""

    groups: list[tuple[str, str]]
    """(id, name) of every target group of the plan being read."""
    plan: Plan
    more: Callable[[str], str | None] | None = None
    """Asked for a name no group has: the id of a group it brings in, or None."""

    def group(self, text: str) -> str:
        wanted = normal(text)
        for id, name in self.groups:
            if wanted in (normal(name), normal(id)):
                return id
        found = self.more(text.strip()) if self.more is not None else None
        if found is not None:
            return found
        known = ", ".join(f"”{n or i}”" for i, n in self.groups) or _text("value_none_yet")
        raise Unreadable(_text("value_no_group", text=text.strip(), known=known))

    def _choose(
        self, text: str, options: list[tuple[str, list[str], tuple[str, str]]], what: str
    ) -> str:
        """The id ``text`` names; each option is (id, its names, how it is shown in en, sv)."""
        wanted = normal(text)
        for id, names, _ in options:
            if wanted in {normal(n) for n in names if n}:
                return id
        # "kultur" for Kulturcentrum: a word a name starts with, if only one does
        starts = [
            id for id, names, _ in options if any(normal(n).startswith(wanted) for n in names)
        ]
        if wanted and len(starts) == 1:
            return starts[0]
        # a built-in centre or step by its name in each language, the plan's own as it says
        known = Text(*(", ".join(f"”{shown[k]}”" for *_, shown in options) for k in (0, 1)))
        raise Unreadable(_text(what, text=text.strip(), known=known))

    def centre(self, text: str) -> str:
        return self._named(text, self.plan.centres, DEFAULT_CENTRES, "centre", "value_no_centre")

    def step(self, text: str) -> str:
        return self._named(text, self.plan.staircase, DEFAULT_STAIRCASE, "step", "value_no_step")

    def _named(
        self, text: str, items: Sequence[Any], built_in: Sequence[Any], kind: str, missing: str
    ) -> str:
        """The id of the centre or step ``text`` names, a built-in one in either language."""
        options = []
        for item in items:
            names, shown = [item.name, item.id], (item.name, item.name)
            if item in built_in:
                en, sv = (label(f"{kind}_{item.id}", lang) for lang in (Language.EN, Language.SV))
                names, shown = [sv, en, *names], (en, sv)
            options.append((item.id, names, shown))
        return self._choose(text, options, missing)

    def ref(self, kind: str, text: str) -> str:
        if kind == "group":
            return self.group(text)
        if kind == "centre":
            return self.centre(text)
        return self.step(text)


def _int(text: str) -> int:
    cleaned = text.strip().translate({0xA0: None, 0x202F: None, 0x2009: None, 0x20: None})
    cleaned = _DASHES.sub("-", cleaned)
    # a unit after the number (kr, år, röster, st): the export writes some of them
    match = re.fullmatch(r"([+-]?)([0-9]+)(?:[^\W\d_]+\.?|%)?", cleaned)
    if match is None:
        raise Unreadable(_text("value_number", text=_shown(text)))
    sign, digits = match.groups()
    # counted before converting: Python refuses to convert more than 4,300 digits
    if len(digits.lstrip("0")) > len(str(MAX_NUMBER)):
        raise Unreadable(
            _text("value_digits", digits=len(digits.lstrip("0")), most=len(str(MAX_NUMBER)))
        )
    return int(sign + digits)


def _shown(text: str) -> str:
    """Text quoted in a message: whole when short, else its start."""
    short = " ".join(text.split())
    return short if len(short) <= 80 else short[:77] + "…"


def _date(text: str) -> _dt.date:
    cleaned = _DASHES.sub("-", text.strip())
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
            year, month, day = (int(p) for p in cleaned.split("-"))
            return _dt.date(year, month, day)
    except ValueError:
        pass
    raise Unreadable(_text("value_date", text=text.strip()))


_TRUE = {"ja", "yes", "true", "sant", "x", "✓", "✔"}
_FALSE = {"nej", "no", "false", "falskt", "-"}


def _bool(text: str) -> bool:
    value = normal(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise Unreadable(_text("value_yes_no", text=text.strip()))


def _label(member: enum.Enum, language: Language) -> str:
    """The member as a reader sees it; its value where the document never shows it."""
    try:
        return enum_label(member, language)
    except KeyError:  # the plan's language, say: a field no document writes as text
        return str(member.value)


def _enum(cls: type[enum.Enum], text: str, language: Language) -> str:
    wanted = normal(text)
    for member in cls:
        names = [str(member.value), member.name, *(_label(member, lang) for lang in Language)]
        if wanted in {normal(n) for n in names}:
            return str(member.value)
        # "B" for "B – nya kunder", "A – befintliga" for "A – befintliga kunder"
        if any(normal(n).startswith(wanted + " ") for n in names if wanted):
            return str(member.value)
    choices = Text(
        *(", ".join(_label(m, lang) for m in cls) for lang in (Language.EN, Language.SV))
    )
    raise Unreadable(_text("value_choice", choices=choices, text=text.strip()))


def parse_value(
    path: str, text: str, names: Names, language: Language, *, default: Any = None
) -> Any:
    """The plain value ``text`` gives the field at ``path``; raises :class:`Unreadable`.

    Empty text is the field's default (``default``): a plan file that leaves a
    key out has the same.
    """
    slot = _paths.slot(path)
    if slot is None:
        raise Unreadable(_text("value_no_field", path=path))
    if slot.many:
        return [
            parse_value(f"{path}[0]", item, names, language) for item in split_items(path, text)
        ]
    value = text.strip()
    if not value:
        return default
    kind = ref_kind(path)
    if kind is not None:
        if (
            kind == "group"
            and path.endswith("target_group")
            and normal(value) in {normal(label("all_groups", lang)) for lang in Language}
        ):
            return None
        return names.ref(kind, value)
    tp = slot.type
    if tp is str:
        return text.strip("\n").rstrip()
    if tp is bool:
        return _bool(value)
    if tp is int:
        return _int(value)
    if tp is _dt.date:
        return _date(value)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp, value, language)
    raise Unreadable(_text("value_not_typed", path=path))


def split_composite(text: str, fields: Sequence[str]) -> list[str]:
    """A cell showing several fields, ``what (who, roles)``: the text of each field.

    The first field is the text before a closing bracketed part; the bracketed
    part holds the others, separated by commas, the last field taking the rest.
    """
    if len(fields) <= 1:
        return [text]
    match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*", text, re.DOTALL)
    if match is None:
        return [text, *[""] * (len(fields) - 1)]
    head, inner = match.group(1), match.group(2)
    if len(fields) == 2:
        return [head, inner]
    parts = [p.strip() for p in inner.split(",")]
    rest = parts[: len(fields) - 2]
    rest += [""] * (len(fields) - 2 - len(rest))
    return [head, *rest, ", ".join(parts[len(fields) - 2 :])]
