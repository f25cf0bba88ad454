"""Reading and writing the plan's file formats as plain data.

YAML is read with PyYAML's safe C loader (tags that build Python objects are
refused); duplicate keys are errors in YAML and JSON alike. Line numbers are
found only when there is something to report, by composing the YAML node tree
(JSON is close enough to YAML for that); TOML has no line map.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from .._catalogue.messages import text as message_text
from .._catalogue.text import Text
from .._support.record import Record
from ..errors import PlanError, Problem
from .syntax import excerpt, json_problem, toml_problem

__all__ = [
    "FORMATS",
    "LineMap",
    "format_for_path",
    "older_yaml_number",
    "parse",
    "parse_with_nodes",
    "serialise",
]

#: File formats a plan can be stored in, by name, with their suffixes.
FORMATS: dict[str, tuple[str, ...]] = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "toml": (".toml",),
}

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """Return the format name a file's suffix implies."""
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise PlanError(
        [
            Problem(
                "",
                message_text(
                    "formats_unknown_suffix",
                    suffix=repr(suffix) if suffix else message_text("no_suffix"),
                    known=known,
                ),
            )
        ],
        str(path),
    )


class _PlanLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing duplicate keys and naming the line of a bad value."""


_MERGE = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            continue  # `<<: *defaults` merges a mapping; construct_mapping does it
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
        except TypeError:
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                message_text("formats_duplicate_key", key=key),
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _marked(tag: str, what: str) -> Any:
    base = _PlanLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return base(loader, node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                message_text(
                    f"formats_invalid_{what}", value=_short(node.value), reason=_reason(exc)
                ),
                node.start_mark,
            ) from None

    return construct


def _short(value: object) -> str:
    text = str(value)
    if len(text) <= 40:
        return repr(text)
    return message_text("formats_long_value", start=text[:20], length=len(text))


def _reason(exc: BaseException) -> str:
    said = exc.args[0] if exc.args else None
    if isinstance(said, Text):
        return said  # klusterplan's own, in both languages
    text = str(exc)
    if "Exceeds the limit" in text:
        return message_text("formats_huge_number")
    date = _LOOSE_DATE.search(text)
    if date is not None:
        return message_text("formats_write_date", date=_padded(date))
    return text


# Integers YAML 1.1 reads in ways nobody typing a plan means: 010 as 8, 0x10 as 16,
# 1:20 as 80 (base 60). They are kept as the text typed; a field for a number then
# says what to write (see older_yaml_number), and a field for text has it as typed.
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_BASE = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+")


def older_yaml_number(value: str) -> Text | None:
    """What to write instead of ``value``, an integer only YAML 1.1 reads, or ``None``."""
    from .._catalogue.messages import text

    digits = value.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    bare = digits.lstrip("+-")
    if _OCTAL.fullmatch(value):
        why = text("yaml11_octal", old=sign * int(bare, 8))
        return text("yaml11_number", value=value, why=why, write=str(sign * int(bare, 10)))
    if _BASE.fullmatch(value):
        try:
            old = sign * int(bare, 0)
        except ValueError:
            return None
        why = text("yaml11_base", old=old)
        return text("yaml11_number", value=value, why=why, write=str(old))
    if _SEXAGESIMAL.fullmatch(value):
        old = 0
        for part in bare.split(":"):
            old = old * 60 + int(part)
        why = text("yaml11_sexagesimal", old=sign * old)
        return text("yaml11_number", value=value, why=why, write=text("yaml11_digits"))
    return None


_int = _marked("tag:yaml.org,2002:int", "number")


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    raw = str(node.value)
    if older_yaml_number(raw) is not None:
        return raw
    return _int(loader, node)


_PlanLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_PlanLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_PlanLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _marked("tag:yaml.org,2002:timestamp", "date")
)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(message_text("formats_duplicate_key", key=key))
        out[key] = value
    return out


# a date PyYAML reads as text and the plan refuses: 2011-3-1 is meant as 2011-03-01
_LOOSE_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _padded(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    if isinstance(exc.problem, Text):
        return exc.problem  # klusterplan's own: a duplicate key, a value that is no date
    message = exc.problem or str(exc)
    if exc.context and exc.context not in message:
        message = f"{exc.context}: {message}"
    tag = _UNKNOWN_TAG.search(message)
    if tag is not None:
        name = tag.group(1)
        if name.startswith("tag:yaml.org,2002:python/"):
            return message_text("formats_python_tag", tag=name.split(":", 2)[2])
        shown = "!!" + name.split(":", 2)[2] if name.startswith("tag:yaml.org,2002:") else name
        return message_text("formats_unknown_tag", tag=shown)
    return message


# Where the parser's own place is a line late: an unclosed quote or bracket is noticed
# where the file ends, a key without its colon on the next line; the line the user must
# mend is where the construct started.
_STARTED_EARLIER = (
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "while parsing a flow mapping",
    "while parsing a flow sequence",
    "while parsing a flow node",
    "while scanning a block scalar",
)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """The parser's error as a person reads it: the line, the text, a marker, a hint."""
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith(_STARTED_EARLIER):
        mark = exc.context_mark
    raw = _yaml_message(exc)
    place = _Place(mark.line, mark.column) if mark is not None else None
    if place is not None and context.startswith("while parsing a flow"):
        # the parser notices a bracket left open where the file ends: point at the bracket
        place = _unclosed_bracket(text, place) or place
    message, hint = _explain(exc, text, place)
    if place is None:
        return Problem("", message_text("formats_not_yaml", what=raw))
    return Problem(
        "", message, place.line + 1, excerpt=excerpt(text, place.line, place.column, hint)
    )


def _unclosed_bracket(text: str, end: _Place) -> _Place | None:
    """The last ``[`` or ``{`` before ``end`` that is not closed, outside quotes and comments."""
    opened: list[_Place] = []
    for number, line in enumerate(text.split("\n")[: end.line + 1]):
        quote = ""
        for column, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (column == 0 or line[column - 1] in " \t"):
                break
            elif char in "[{":
                opened.append(_Place(number, column))
            elif char in "]}" and opened:
                opened.pop()
    return opened[-1] if opened else None


@attrs.define(repr=False)
class _Place(Record):
    """A 0-based line and column, which the explanation may move to where the mistake is."""

    line: int
    column: int


def _explain(exc: yaml.MarkedYAMLError, text: str, mark: _Place | None) -> tuple[Text, Text | None]:
    raw = _yaml_message(exc)
    problem = exc.problem or ""
    context = exc.context or ""
    line = ""
    if mark is not None:
        lines = text.split("\n")
        line = lines[mark.line] if mark.line < len(lines) else ""
    at = line[mark.column] if mark is not None and mark.column < len(line) else ""

    def say(key: str, **values: object) -> Text:
        return message_text("formats_not_yaml", what=message_text(key, **values))

    if "mapping values are not allowed" in problem and mark is not None:
        previous = _previous_line(text, mark.line)
        first_colon = line.find(": ") if ": " in line else line.find(":")
        if previous is not None and first_colon == mark.column:
            number, above = previous
            depth, above_depth = _indent(line), _indent(above)
            if ":" not in above and not above.lstrip().startswith("- "):
                # the mistake is on the line above: point there, at its end
                mark.line, mark.column = number - 1, len(above.rstrip())
                return say("formats_line_without_colon"), message_text(
                    "formats_line_colon_so_line", value=number + 1
                )
            if depth > above_depth:
                return say("formats_indentation"), message_text(
                    "formats_key_indented_more_than", number=number
                )
    if "mapping values are not allowed" in problem:
        return say("formats_colon_in_value"), message_text("formats_colon_followed_space_starts")
    if "\t" in line[: (mark.column + 1) if mark is not None else 0] or (
        "cannot start any token" in problem and at == "\t"
    ):
        return say("formats_tab"), message_text("formats_yaml_indents_spaces_only")
    if "cannot start any token" in problem:
        return say("formats_cannot_start", at=at), message_text(
            "formats_put_text_quotes_value", value=line[mark.column :].strip() if mark else ""
        )
    if context.startswith("while scanning a quoted scalar"):
        quote = at or '"'
        return say("formats_open_quote"), message_text(
            "formats_text_starts_quote_here", quote=quote
        )
    if context.startswith("while scanning a simple key"):
        return say("formats_key_without_colon"), message_text("formats_write_key_key_value")
    if context.startswith("while parsing a flow"):
        return say("formats_open_bracket"), message_text("formats_opened_here_needs_comma")
    if "expected key" in problem or "expected <block end>" in problem:
        return say("formats_indentation"), message_text("formats_line_indented_differently_from")
    return message_text("formats_not_yaml", what=raw), None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_line(text: str, index: int) -> tuple[int, str] | None:
    """The last line before ``index`` (0-based) with something on it: its number and text."""
    lines = text.split("\n")
    for number in range(min(index, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number + 1, lines[number]
    return None


def _parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    loader = _PlanLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def parse(text: str, format: str, source: str | None = None) -> Any:
    """Parse ``text`` in ``format`` into plain data, or raise :class:`PlanError`."""
    return parse_with_nodes(text, format, source)[0]


def _parse_json(text: str, source: str | None) -> Any:
    import json

    try:
        return json.loads(text, object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        raise PlanError([json_problem(exc, text)], source) from None


def _parse_toml(text: str, source: str | None) -> Any:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = toml_problem(exc, text)
        if problem is None:
            raise
        raise PlanError([problem], source) from None


def parse_with_nodes(
    text: str, format: str, source: str | None = None
) -> tuple[Any, yaml.Node | None]:
    """Parse ``text``; return the data and, for YAML, the node tree that maps keys to lines.

    A byte-order mark at the start is skipped in every format.
    """
    text = text.removeprefix("\ufeff")
    name = {"yaml": "YAML", "json": "JSON", "toml": "TOML"}.get(format, format)
    try:
        if format == "yaml":
            return _parse_yaml(text)
        if format == "json":
            return _parse_json(text, source), None
        if format == "toml":
            return _parse_toml(text, source), None
    except PlanError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_yaml_problem(exc, text)], source) from None
    except yaml.YAMLError as exc:
        raise PlanError(
            [Problem("", message_text("formats_not_yaml", what=str(exc)))], source
        ) from None
    except RecursionError:
        raise PlanError(
            [Problem("", message_text("formats_too_deep", name=name))],
            source,
        ) from None
    except (ValueError, OverflowError) as exc:
        match = _TOML_LINE.search(str(exc)) if format == "toml" else None
        message = _reason(exc)
        if not isinstance(message, Text):
            message = _TOML_LINE.sub("", message).strip()
        line = int(match.group(1)) if match else None
        raise PlanError(
            [Problem("", message_text("formats_not_valid", name=name, what=message), line)], source
        ) from None
    raise PlanError(
        [Problem("", message_text("formats_unknown", format=format, known=", ".join(FORMATS)))],
        source,
    )


class _BlockDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Writes multi-line text as literal blocks, as a person would, and every value in full.

    Values a plan built in code shares (one date object for many actions) are
    written out each time: an anchor and its aliases would tie them together,
    so editing one in the file would change them all.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_int(dumper: yaml.SafeDumper, value: int) -> yaml.ScalarNode:
    return dumper.represent_int(int(value))


_BlockDumper.add_representer(str, _represent_str)
# a plan built in code may hold a subclass of str or int (an IntEnum, a marked-up
# string): it is written as the plain value it is, as JSON and TOML write it
_BlockDumper.add_multi_representer(str, lambda d, v: _represent_str(d, str(v)))
_BlockDumper.add_multi_representer(int, _represent_int)


def _json_default(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def serialise(data: dict[str, Any], format: str) -> str:
    """Write plain data in ``format``: YAML, JSON or TOML."""
    if format == "yaml":
        return str(
            yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=88)
        )
    if format == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        import tomli_w

        # A multi-line TOML string turns a carriage return into a plain line end,
        # so text that holds one is written on one line, escaped, to come back as it was.
        return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))
    raise PlanError(
        [Problem("", message_text("formats_unknown", format=format, known=", ".join(FORMATS)))]
    )


def _has_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(v) for v in value)
    return False


def _reads_as(node: yaml.Node, key: object) -> bool:
    """Whether a key node that is not plain text reads as ``key`` (``1``, ``null``, ``true``)."""
    if isinstance(key, str) or not isinstance(node, yaml.ScalarNode):
        return False
    try:
        value = yaml.load(yaml.serialize(node), Loader=_Loader)
    except (yaml.YAMLError, ValueError):
        return False
    return type(value) is type(key) and value == key


class LineMap:
    """Maps a key's path to its line in the file's text, built only when asked."""

    def __init__(self, text: str, format: str, root: yaml.Node | None = None) -> None:
        self._text = text
        self._format = format
        self._root: yaml.Node | None = root
        self._built = root is not None
        # Both are made once and kept: a file with thousands of problems asks for
        # thousands of lines, and splitting the text or scanning a mapping's keys
        # for each would make the report grow with the square of the file.
        self._lines: list[str] | None = None
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def _tree(self) -> yaml.Node | None:
        if not self._built:
            self._built = True
            if self._format in ("yaml", "json"):
                try:
                    self._root = yaml.compose(self._text.removeprefix("\ufeff"), Loader=_Loader)
                except (yaml.YAMLError, RecursionError):
                    self._root = None
        return self._root

    def text_of(self, line: int) -> str:
        """The text of the 1-based ``line`` of the file, or empty."""
        if self._lines is None:
            self._lines = self._text.split("\n")
        lines = self._lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def _found(self, node: yaml.MappingNode, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
        """The key and value nodes of ``part`` in ``node``, the first if it is repeated."""
        if isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node.value, str):
                        keys.setdefault(key_node.value, (key_node, value_node))
                self._keys[id(node)] = keys
            return keys.get(part)
        for key_node, value_node in node.value:
            if key_node.value == part or _reads_as(key_node, part):
                return key_node, value_node
        return None

    def line(self, path: Sequence[Any]) -> int | None:
        """Return the 1-based line of the deepest part of ``path`` found, or ``None``.

        A part may be a key that is not text (``1``, ``null``): it is found
        among the mapping's keys by the value YAML reads from them.
        """
        node = self._tree()
        if node is None:
            return None
        line: int | None = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode):
                found = self._found(node, part)
                if found is None:
                    return line
                line = found[0].start_mark.line + 1
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line
