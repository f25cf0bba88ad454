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

from .._catalogue.text import Text
from .._support.record import Record
from ..errors import PlanError, Problem

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
                f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
                f"use one of {known}",
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
                f"duplicate key {key!r}; keep one of them",
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
                f"{_short(node.value)} is not a valid {what}: {_reason(exc)}",
                node.start_mark,
            ) from None

    return construct


def _short(value: object) -> str:
    text = str(value)
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text):,} characters)"


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "Exceeds the limit" in text:
        return "a number of more than 4,300 digits; no plan value is that large"
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
            raise ValueError(f"duplicate key {key!r}; keep one of them")
        out[key] = value
    return out


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    message = exc.problem or str(exc)
    if exc.context and exc.context not in message:
        message = f"{exc.context}: {message}"
    tag = _UNKNOWN_TAG.search(message)
    if tag is not None:
        name = tag.group(1)
        if name.startswith("tag:yaml.org,2002:python/"):
            return (
                f"the tag !!{name.split(':', 2)[2]} would build a Python object, which a "
                "plan may not do; remove the tag"
            )
        shown = "!!" + name.split(":", 2)[2] if name.startswith("tag:yaml.org,2002:") else name
        return f"unknown tag {shown}; a plan uses no tags, so remove it"
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
        return Problem("", Text(f"not valid YAML: {raw}", f"inte giltig YAML: {raw}"))
    lines = text.split("\n")
    shown = lines[place.line] if place.line < len(lines) else ""
    column = min(place.column, len(shown))
    visible = shown.replace("\t", "→")
    marker = " " * len(visible[:column].expandtabs(1)) + "^"
    excerpt = f"    {visible}\n    {marker}"
    if hint is not None:
        excerpt_text = Text(f"{excerpt}\n  hint: {hint}", f"{excerpt}\n  tips: {hint.sv}")
    else:
        excerpt_text = Text(excerpt, excerpt)
    return Problem("", message, place.line + 1, excerpt=excerpt_text)


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

    def say(en: str, sv: str) -> Text:
        return Text(f"not valid YAML: {en}", f"inte giltig YAML: {sv}")

    if "mapping values are not allowed" in problem and mark is not None:
        previous = _previous_line(text, mark.line)
        first_colon = line.find(": ") if ": " in line else line.find(":")
        if previous is not None and first_colon == mark.column:
            number, above = previous
            depth, above_depth = _indent(line), _indent(above)
            if ":" not in above and not above.lstrip().startswith("- "):
                # the mistake is on the line above: point there, at its end
                mark.line, mark.column = number - 1, len(above.rstrip())
                return say("a line without its colon", "en rad utan kolon"), Text(
                    f"this line has no colon, so line {number + 1} was read as its "
                    "continuation; write each key as `key: value`",
                    f"raden saknar kolon, så rad {number + 1} lästes som en fortsättning "
                    "på den; skriv varje nyckel som `nyckel: värde`",
                )
            if depth > above_depth:
                return say("the indentation does not match", "indraget stämmer inte"), Text(
                    f"this key is indented more than the key on line {number}; the keys of "
                    "one section start in the same column",
                    f"nyckeln är mer indragen än nyckeln på rad {number}; nycklarna i ett "
                    "avsnitt börjar i samma kolumn",
                )
    if "mapping values are not allowed" in problem:
        return say("a colon in the middle of a value", "ett kolon mitt i ett värde"), Text(
            "a colon followed by a space starts a new key; put the whole text in quotes, "
            'e.g. name: "Byköping: huvudbiblioteket"',
            "ett kolon följt av mellanslag börjar en ny nyckel; sätt hela texten inom "
            'citattecken, t.ex. name: "Byköping: huvudbiblioteket"',
        )
    if "\t" in line[: (mark.column + 1) if mark is not None else 0] or (
        "cannot start any token" in problem and at == "\t"
    ):
        return say("a tab character", "ett tabbtecken"), Text(
            "YAML indents with spaces only; replace the tab (shown as →) with spaces",
            "YAML drar in med mellanslag, aldrig med tabb; byt tabben (visad som →) mot mellanslag",
        )
    if "cannot start any token" in problem:
        return say(
            f"a value cannot start with {at!r}", f"ett värde kan inte börja med {at!r}"
        ), Text(
            f'put the text in quotes: "{line[mark.column :].strip() if mark else ""}"',
            f'sätt texten inom citattecken: "{line[mark.column :].strip() if mark else ""}"',
        )
    if context.startswith("while scanning a quoted scalar"):
        quote = at or '"'
        return say("a quote is never closed", "ett citattecken stängs aldrig"), Text(
            f"the text that starts with {quote} here needs a closing {quote} at its end; "
            f"a {quote} inside the text is written twice ('') or the text is quoted with the "
            "other kind of quote",
            f"texten som börjar med {quote} här behöver ett avslutande {quote}; ett {quote} "
            "inne i texten skrivs dubbelt ('') eller så sätts texten inom det andra slaget "
            "citattecken",
        )
    if context.startswith("while scanning a simple key"):
        return say("a key without its colon", "en nyckel utan kolon"), Text(
            "write a key as `key: value`, with a colon and a space; a text on a line of its "
            "own belongs on the line of its key or after a - in a list",
            "skriv en nyckel som `nyckel: värde`, med kolon och mellanslag; en text på egen "
            "rad hör hemma på nyckelns rad eller efter ett - i en lista",
        )
    if context.startswith("while parsing a flow"):
        return say("a bracket is never closed", "en parentes stängs aldrig"), Text(
            "a { or [ opened here needs its } or ]; a comma or colon inside a text in "
            'brackets needs quotes: ["a, b", c]',
            "en { eller [ som öppnas här behöver sin } eller ]; ett komma eller kolon i en "
            'text inom hakparentes kräver citattecken: ["a, b", c]',
        )
    if "expected key" in problem or "expected <block end>" in problem:
        return say("the indentation does not match", "indraget stämmer inte"), Text(
            "this line is indented differently from the keys above it; the keys of one "
            "section start in the same column, and a list's - lines too",
            "raden är indragen annorlunda än nycklarna ovanför; nycklarna i ett avsnitt "
            "börjar i samma kolumn, och likaså en listas rader med -",
        )
    return say(raw, raw), None


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
        raise PlanError([Problem("", f"not valid JSON: {exc.msg}", exc.lineno)], source) from None


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
            import tomllib

            return tomllib.loads(text), None
    except PlanError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_yaml_problem(exc, text)], source) from None
    except yaml.YAMLError as exc:
        raise PlanError([Problem("", f"not valid YAML: {exc}")], source) from None
    except RecursionError:
        raise PlanError(
            [Problem("", f"not valid {name}: nested too deeply; a plan needs six levels at most")],
            source,
        ) from None
    except (ValueError, OverflowError) as exc:
        match = _TOML_LINE.search(str(exc)) if format == "toml" else None
        message = _TOML_LINE.sub("", _reason(exc)).strip()
        line = int(match.group(1)) if match else None
        raise PlanError([Problem("", f"not valid {name}: {message}", line)], source) from None
    raise PlanError(
        [Problem("", f"unknown format {format!r}; use one of {', '.join(FORMATS)}")],
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
    raise PlanError([Problem("", f"unknown format {format!r}; use one of {', '.join(FORMATS)}")])


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
