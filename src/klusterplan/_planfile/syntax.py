"""What the JSON and TOML parsers' complaints mean, in the reader's words.

:mod:`json` and :mod:`tomllib` say what they expected, in English and in their
own terms (``Expecting ',' delimiter``, ``Invalid value``). Each complaint they
are known to make is told here from the catalogue: what is wrong, at which line
and column, the line itself with a ``^`` under the place, and what to write.
The place is moved to where the mistake is when the parser notices it later (a
missing comma is noticed at the next value, a duplicate TOML key after its
value). A complaint not known here (a later Python's new wording) still gets
the place, the parser's words and a hint, in both languages.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from .._catalogue.messages import text as message_text
from .._catalogue.text import Text
from ..errors import Problem

if TYPE_CHECKING:
    import json

__all__ = ["excerpt", "json_problem", "toml_problem"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def excerpt(text: str, line: int, column: int, hint: Text | None) -> Text:
    """The 0-based ``line`` of ``text`` with a ``^`` under ``column``, and the ``hint``."""
    lines = text.split("\n")
    shown = lines[line].rstrip("\r") if line < len(lines) else ""
    column = min(column, len(shown))
    # a tab shows as an arrow, another control character as its picture (U+2401 for U+0001)
    visible = _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())), shown).replace("\t", "→")
    marker = " " * len(visible[:column].expandtabs(1)) + "^"
    lines_shown = f"    {visible}\n    {marker}"
    if hint is None:
        return Text(lines_shown, lines_shown)
    return message_text("formats_excerpt_hint_hint", excerpt=lines_shown, hint=hint, sv=hint.sv)


def _problem(name: str, text: str, pos: int, what: Text, hint: Text) -> Problem:
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos)
    column = pos - (text.rfind("\n", 0, pos) + 1)
    message = message_text("syntax_at", name=name, what=what, line=line + 1, column=column + 1)
    return Problem("", message, line + 1, excerpt=excerpt(text, line, column, hint))


def _before(text: str, pos: int) -> int:
    """The index of the last character before ``pos`` that is not white space, or -1."""
    index = pos - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    return index


_WORD = re.compile(r"[^\s,:=\[\]{}\"']{1,30}")


def _word(text: str, pos: int) -> str:
    """What stands at ``pos``: a word, or the one character, quoted for a message."""
    found = _WORD.match(text, pos)
    return repr(found.group() if found else text[pos : pos + 1])


def _say(key: str, /, **values: object) -> Text:
    return message_text(key, **values)


# -- JSON --------------------------------------------------------------------------------


def json_problem(exc: json.JSONDecodeError, text: str) -> Problem:
    """The problem ``exc`` is, told with its place in ``text`` and what to write."""
    what, hint, pos = _json(exc.msg, text, exc.pos)
    return _problem("JSON", text, pos, what, hint)


def _json(said: str, text: str, pos: int) -> tuple[Text, Text, int]:
    at = text[pos : pos + 1]
    before = _before(text, pos)
    previous = text[before] if before >= 0 else ""
    if said.startswith("Expecting ',' delimiter"):
        # noticed at the next value: the comma belongs right after the one before it
        return _say("json_missing_comma"), _say("json_missing_comma_hint"), before + 1
    if said.startswith("Expecting ':' delimiter"):
        return _say("json_missing_colon"), _say("json_missing_colon_hint"), pos
    if said.startswith("Illegal trailing comma"):
        return _say("json_trailing_comma"), _say("json_trailing_comma_hint"), pos
    if said.startswith(("Expecting property name", "Expecting value")):
        return _json_value(said, text, pos, at, previous, before)
    if said.startswith("Extra data"):
        return _say("json_extra_data"), _say("json_extra_data_hint"), pos
    if said.startswith("Unterminated string"):
        return _say("json_open_quote"), _say("json_open_quote_hint"), pos
    if said.startswith("Invalid control character"):
        return _control(at, pos, "json")
    if said.startswith("Invalid \\uXXXX escape"):
        return _say("syntax_bad_unicode"), _say("syntax_bad_unicode_hint"), pos
    if said.startswith("Invalid \\escape"):
        after = repr(text[pos + 1 : pos + 2])
        return _say("json_bad_escape", char=after), _say("json_bad_escape_hint"), pos
    return _say("syntax_unknown", said=said), _say("syntax_unknown_hint"), pos


def _json_value(
    said: str, text: str, pos: int, at: str, previous: str, before: int
) -> tuple[Text, Text, int]:
    """Where a key or a value was expected and something else stands."""
    if not text.strip():
        return _say("json_empty"), _say("json_empty_hint"), 0
    if previous == "," and at in ("]", "}"):
        return _say("json_trailing_comma"), _say("json_trailing_comma_hint"), before
    if at == "'":
        return _say("json_single_quote"), _say("json_single_quote_hint"), pos
    if not at:
        return _say("syntax_ends_early"), _say("json_ends_early_hint"), pos
    if said.startswith("Expecting property name"):
        word = _word(text, pos)
        return _say("json_key_unquoted", word=word), _say("json_key_unquoted_hint"), pos
    return _say("json_no_value", word=_word(text, pos)), _say("json_no_value_hint"), pos


def _control(at: str, pos: int, kind: str) -> tuple[Text, Text, int]:
    """A control character inside a text: a line end is a text never closed on its line."""
    if at in ("\n", "\r", ""):
        return _say(f"{kind}_open_quote"), _say(f"{kind}_open_quote_hint"), pos
    if at == "\t":
        return _say("syntax_tab_in_text"), _say("syntax_tab_in_text_hint"), pos
    return _say("syntax_control", char=repr(at)), _say("syntax_control_hint"), pos


# -- TOML --------------------------------------------------------------------------------

_TOML_AT = re.compile(
    r"(?P<said>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)\Z",
    re.DOTALL,
)
_LOOSE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:T])")


def _loose_date(text: str, pos: int) -> re.Match[str] | None:
    """A date without its zeros (2011-3-1) on the line of ``pos``, reaching ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    for found in _LOOSE_DATE.finditer(text, start, len(text) if end < 0 else end):
        if found.start() <= pos <= found.end():
            return found
    return None


def toml_problem(exc: ValueError, text: str) -> Problem | None:
    """The problem ``exc`` is, told with its place in ``text``; ``None`` if it names none."""
    found = _TOML_AT.match(str(exc))
    if found is None:
        return None
    text = text.replace("\r\n", "\n")  # as tomllib reads it, and counts its columns
    if found["line"] is None:
        pos = len(text.rstrip())
    else:
        starts = [0, *(m.end() for m in re.finditer("\n", text))]
        line = min(int(found["line"]) - 1, len(starts) - 1)
        pos = starts[line] + int(found["column"]) - 1
    what, hint, pos = _toml(found["said"], text, pos)
    return _problem("TOML", text, pos, what, hint)


def _line_rest(text: str, pos: int) -> str:
    """The rest of the line from ``pos``, at most 30 characters."""
    end = text.find("\n", pos)
    return text[pos : len(text) if end < 0 else end].rstrip()[:30]


def _statement(text: str, pos: int) -> int:
    """Where the statement ending before ``pos`` starts: its line's first character."""
    start = text.rfind("\n", 0, max(_before(text, pos), 0)) + 1
    line = text[start:]
    return start + len(line) - len(line.lstrip(" \t"))


def _dotted(said: str) -> str:
    """``('library', 'name')`` in tomllib's message as ``library.name``."""
    found = re.search(r"\(.*\)", said)
    try:
        parts = ast.literal_eval(found.group()) if found else ()
    except (ValueError, SyntaxError):
        parts = ()
    return ".".join(map(str, parts)) if isinstance(parts, tuple) else str(parts)


def _toml(said: str, text: str, pos: int) -> tuple[Text, Text, int]:
    at = text[pos : pos + 1]
    date = (
        _loose_date(text, pos) if said.startswith(("Expected newline", "Invalid value")) else None
    )
    if date is not None:
        year, month, day = date.groups()
        padded = f"{year}-{int(month):02d}-{int(day):02d}"
        what = _say("convert_date_unpadded", date=padded, value=date.group())
        return what, _say("toml_date_hint", date=padded), date.start()
    simple = _TOML_SIMPLE.get(said)
    if simple is not None:
        return _say(simple), _say(f"{simple}_hint"), pos
    if said.startswith("Expected newline"):
        rest = repr(_line_rest(text, pos))
        return _say("toml_after_value", rest=rest), _say("toml_after_value_hint"), pos
    if said.startswith("Expected '=' after a key"):
        key = "toml_colon" if at == ":" else "toml_missing_equals"
        return _say(key), _say(f"{key}_hint"), pos
    if said.startswith("Invalid value"):
        return _toml_value(text, pos, at)
    if said.startswith(("Illegal character", "Found invalid character")):
        return _control(at, pos, "toml")
    if said.startswith(("Unterminated string", 'Expected \'"""\'', "Expected \"'''\"")):
        return _say("toml_open_quote"), _say("toml_open_quote_hint"), pos
    # a key given twice is noticed after its value: point at the line's key
    key_at = _statement(text, pos)
    if said.startswith("Cannot overwrite a value"):
        return _say("toml_value_twice"), _say("toml_value_twice_hint"), key_at
    if said.startswith(("Cannot declare", "Cannot redefine namespace")):
        name = _dotted(said)
        hint = _say("toml_table_twice_hint", key=name)
        return _say("toml_table_twice", key=name), hint, key_at
    if said.startswith("Cannot mutate immutable namespace"):
        name = _dotted(said)
        return _say("toml_inline_closed", key=name), _say("toml_inline_closed_hint"), key_at
    if said.startswith("Duplicate inline table key"):
        name = said.rpartition(" ")[2]
        return _say("toml_inline_key_twice", key=name), _say("toml_inline_key_twice_hint"), pos
    if said.startswith("Invalid initial character for a key part"):
        return _say("toml_key_start", at=repr(at)), _say("toml_missing_equals_hint"), pos
    if said.startswith("Invalid date or datetime"):
        value = _word(text, pos)
        return _say("toml_bad_date", value=value), _say("toml_bad_date_hint"), pos
    return _say("syntax_unknown", said=said), _say("syntax_unknown_hint"), pos


#: tomllib's complaints that are told the same wherever they stand, by the catalogue's key
#: (its hint is the key with ``_hint``).
_TOML_SIMPLE = {
    "Invalid statement": "toml_statement",
    "Unclosed array": "toml_open_array",
    "Unclosed inline table": "toml_open_table",
    "Expected ']' at the end of a table declaration": "toml_table_bracket",
    "Expected ']]' at the end of an array declaration": "toml_array_bracket",
    "Unescaped '\\' in a string": "toml_backslash",
    "Invalid hex value": "syntax_bad_unicode",
    "Escaped character is not a Unicode scalar value": "syntax_bad_unicode",
}


def _toml_value(text: str, pos: int, at: str) -> tuple[Text, Text, int]:
    """Where a value was expected after ``=``."""
    if pos >= len(text.rstrip()) and text[_before(text, pos) : pos].strip() != "=":
        # at the end of the file: a list, a {…} or a long text was never closed
        return _say("syntax_ends_early"), _say("toml_ends_early_hint"), pos
    if at in ("", "\n", "\r", "#"):
        return _say("toml_missing_value"), _say("toml_missing_value_hint"), pos
    word = _word(text, pos)
    if at.isalpha():
        return _say("toml_unquoted_text", word=word), _say("toml_unquoted_text_hint"), pos
    return _say("toml_invalid_value", word=word), _say("toml_unquoted_text_hint"), pos
