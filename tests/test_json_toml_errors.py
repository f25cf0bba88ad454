"""JSON and TOML mistakes as a person reads them, in Swedish and English.

Each complaint :mod:`json` and :mod:`tomllib` make is caused by a real broken
plan file and checked with ``klusterplan check``: the message names the line
and the column, says what is wrong in the reader's words, shows the line with a
marker, and says what to write. The parser's own English never shows.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from klusterplan._planfile.syntax import json_problem, toml_problem
from klusterplan.cli import main

#: (name, suffix, text, line, column, Swedish what, Swedish hint, English what)
CASES = [
    (
        "missing-comma",
        "json",
        '{\n  "schema_version": 1,\n  "language": "sv"\n  "library": {"name": "A"}\n}\n',
        3,
        19,
        "här saknas ett kommatecken mellan två värden",
        "skriv ett kommatecken (,) vid ^, efter värdet",
        "a comma is missing between two values",
    ),
    (
        "missing-colon",
        "json",
        '{\n  "schema_version" 1\n}\n',
        2,
        20,
        "här saknas ett kolon mellan nyckeln och dess värde",
        '"name": "Alvesta bibliotek", med kolon emellan',
        "a colon is missing between the key and its value",
    ),
    (
        "trailing-comma-object",
        "json",
        '{\n  "schema_version": 1,\n}\n',
        2,
        22,
        "ett kommatecken efter det sista värdet",
        "ta bort kommatecknet vid ^",
        "a comma after the last value",
    ),
    (
        "trailing-comma-list",
        "json",
        '{"schema_version": 1,\n "actions": [\n  {"what": "a"},\n ]\n}\n',
        3,
        16,
        "ett kommatecken efter det sista värdet",
        "JSON tillåter inget kommatecken före ] eller }",
        "a comma after the last value",
    ),
    (
        "single-quotes",
        "json",
        "{'schema_version': 1}\n",
        1,
        2,
        "enkla citattecken, som JSON inte läser",
        "inom dubbla citattecken",
        "single quotes, which JSON does not read",
    ),
    (
        "key-without-quotes",
        "json",
        "{schema_version: 1}\n",
        1,
        2,
        "här ska det stå en nyckel inom dubbla citattecken, men det står 'schema_version'",
        'skriv nyckeln inom dubbla citattecken: "name"',
        "expected a key in double quotes, got 'schema_version'",
    ),
    (
        "text-without-quotes",
        "json",
        '{"schema_version": 1, "library": {"name": Alvesta}}\n',
        1,
        43,
        "här ska det stå ett värde, men det står 'Alvesta'",
        'en text står inom dubbla citattecken ("Alvesta bibliotek")',
        "expected a value, got 'Alvesta'",
    ),
    (
        "empty",
        "json",
        "",
        1,
        1,
        "filen är tom",
        "en plan i JSON börjar med { och slutar med }",
        "the file is empty",
    ),
    (
        "ends-early",
        "json",
        '{"schema_version": ',
        1,
        20,
        "filen tar slut för tidigt",
        "något saknas i slutet",
        "the file ends too early",
    ),
    (
        "extra-data",
        "json",
        '{"schema_version": 1}\n}\n',
        2,
        1,
        "efter planens sista } står det mer",
        "en JSON-fil håller ett enda {…}",
        "more text follows the plan's last }",
    ),
    (
        "text-never-closed",
        "json",
        '{"schema_version": 1, "library": {"name": "A',
        1,
        43,
        "en text stängs aldrig på sin rad",
        'avsluta texten med " på samma rad',
        "a text is never closed on its line",
    ),
    (
        "text-over-two-lines",
        "json",
        '{"schema_version": 1,\n "library": {"name": "Alvesta\n bibliotek"}}\n',
        2,
        30,
        "en text stängs aldrig på sin rad",
        "en ny rad \\n",
        "a text is never closed on its line",
    ),
    (
        "tab-in-text",
        "json",
        '{"schema_version": 1, "library": {"name": "A\tB"}}\n',
        1,
        45,
        "en text innehåller ett tabbtecken",
        "byt tabben (visad som →) mot ett mellanslag",
        "a text holds a tab character",
    ),
    (
        "control-in-text",
        "json",
        '{"schema_version": 1, "library": {"name": "A\x01B"}}\n',
        1,
        45,
        "här står styrtecknet '\\x01', som inte får stå i filen",
        "ta bort tecknet",
        "the control character '\\x01' stands here",
    ),
    (
        "backslash",
        "json",
        '{"schema_version": 1, "library": {"name": "C:\\Planer"}}\n',
        1,
        46,
        "ett \\ i en text följs av 'P', som JSON inte läser så",
        'skriv \\\\ för ett \\ i texten (en sökväg: "C:\\\\Planer")',
        "a \\ in a text is followed by 'P'",
    ),
    (
        "short-unicode",
        "json",
        '{"schema_version": 1, "library": {"name": "\\u12"}}\n',
        1,
        45,
        "efter \\u ska det stå fyra hexadecimala siffror",
        "\\u00e5 för å",
        "\\u must be followed by four hexadecimal digits",
    ),
    (
        "unquoted-text",
        "toml",
        "schema_version = 1\n[library]\nname = Alvesta bibliotek\n",
        3,
        8,
        "en text utan citattecken: 'Alvesta'",
        'sätt texten inom citattecken: name = "Alvesta bibliotek"',
        "a text without quotes: 'Alvesta'",
    ),
    (
        "colon",
        "toml",
        'schema_version = 1\n[library]\nname: "A"\n',
        3,
        5,
        "ett kolon där TOML skriver likhetstecken",
        'skriv name = "Alvesta bibliotek" i stället för name: "Alvesta bibliotek"',
        "a colon where TOML writes an equals sign",
    ),
    (
        "key-with-a-swedish-letter",
        "toml",
        "schema_version = 1\n[library]\nmålgrupp = 1\n",
        3,
        2,
        "här saknas ett likhetstecken efter nyckeln",
        'en nyckel med mellanslag, å, ä eller ö står inom citattecken: "målgrupp" = …',
        "an equals sign is missing after the key",
    ),
    (
        "date-without-zeros",
        "toml",
        "schema_version = 1\n[library]\ndate = 2011-3-1\n",
        3,
        8,
        "skriv 2011-03-01 i stället för 2011-3-1",
        "i TOML står ett datum utan citattecken: due = 2011-03-01",
        "write 2011-03-01 instead of 2011-3-1",
    ),
    (
        "more-after-value",
        "toml",
        'schema_version = 1\n[library]\nname = "A" "B"\n',
        3,
        12,
        "efter värdet står det mer på samma rad: '\"B\"'",
        "en rad håller ett enda `nyckel = värde`",
        "more follows the value on its line",
    ),
    (
        "missing-value",
        "toml",
        "schema_version = 1\n[library]\nname =\n",
        3,
        7,
        "värdet saknas efter likhetstecknet",
        'skriv ett värde efter =, t.ex. ""',
        "the value is missing after the equals sign",
    ),
    (
        "list-never-closed",
        "toml",
        'schema_version = 1\n[[actions]]\nroles = ["a",\n',
        3,
        14,
        "filen tar slut för tidigt",
        "något saknas i slutet: ett värde, ett ], ett } eller ett avslutande citattecken",
        "the file ends too early",
    ),
    (
        "text-never-closed",
        "toml",
        'schema_version = 1\n[library]\nname = "A\n',
        3,
        10,
        "en text stängs aldrig på sin rad",
        'en text på flera rader står mellan """ och """',
        "a text is never closed on its line",
    ),
    (
        "long-text-never-closed",
        "toml",
        'schema_version = 1\n[library]\nname = """A\n',
        3,
        12,
        "en text stängs aldrig på sin rad",
        'avsluta texten med " på samma rad',
        "a text is never closed on its line",
    ),
    (
        "list-without-comma",
        "toml",
        'schema_version = 1\n[[actions]]\nroles = ["a" "b"]\n',
        3,
        14,
        "listan stängs inte här: ett kommatecken eller ett ] saknas",
        "skilj värdena åt med kommatecken",
        "the list is not closed here: a comma or a ] is missing",
    ),
    (
        "inline-table-without-comma",
        "toml",
        'schema_version = 1\nlibrary = {name = "A" city = "B"}\n',
        2,
        23,
        "{…} stängs inte här: ett kommatecken eller ett } saknas",
        "ett {…} står på en enda rad",
        "the {…} is not closed here: a comma or a } is missing",
    ),
    (
        "heading-without-bracket",
        "toml",
        "schema_version = 1\n[library\n",
        2,
        9,
        "rubriken saknar sitt ]",
        "skriv rubriken som [library], på en rad för sig",
        "the heading lacks its ]",
    ),
    (
        "list-heading-without-bracket",
        "toml",
        "schema_version = 1\n[[actions]\n",
        2,
        10,
        "rubriken saknar sitt ]]",
        "som [[actions]], på en rad för sig",
        "the heading lacks its ]]",
    ),
    (
        "backslash",
        "toml",
        'schema_version = 1\n[library]\nname = "C:\\Planer"\n',
        3,
        13,
        "ett \\ i en text inom dubbla citattecken",
        "sätt texten inom enkla citattecken: 'C:\\Planer'",
        "a \\ in a text in double quotes",
    ),
    (
        "key-twice",
        "toml",
        "schema_version = 1\nschema_version = 1\n",
        2,
        1,
        "nyckeln får ett värde en gång till",
        "behåll en av raderna med samma nyckel",
        "the key is given a value a second time",
    ),
    (
        "heading-twice",
        "toml",
        'schema_version = 1\n[library]\nname = "A"\n[library]\n',
        4,
        1,
        "rubriken [library] finns redan",
        "under en enda sådan rubrik",
        "the heading [library] is there already",
    ),
    (
        "inline-table-added-to",
        "toml",
        'schema_version = 1\nlibrary = {name = "A"}\nlibrary.city = "B"\n',
        3,
        1,
        "library är redan skriven på en rad, inom {…} eller [ ], och kan inte fyllas på här",
        "eller skriv den som en egen [rubrik]",
        "library is already written on one line",
    ),
    (
        "inline-key-twice",
        "toml",
        'schema_version = 1\nlibrary = {name = "A", name = "B"}\n',
        2,
        34,
        "nyckeln 'name' finns två gånger i {…}",
        "behåll en av dem",
        "the key 'name' appears twice in the {…}",
    ),
    (
        "date-that-is-not",
        "toml",
        "schema_version = 1\n[library]\ndate = 2011-02-30\n",
        3,
        8,
        "'2011-02-30' är inget datum som finns",
        "skriv ett datum som finns, som ÅÅÅÅ-MM-DD",
        "'2011-02-30' is not a date there is",
    ),
    (
        "statement",
        "toml",
        "schema_version = 1\n{library}\n",
        2,
        1,
        "raden är varken `nyckel = värde`, en [rubrik] eller en kommentar",
        "en kommentar börjar med #",
        "the line is neither `key = value`, a [heading] nor a comment",
    ),
    (
        "key-start",
        "toml",
        "schema_version = 1\nlibrary. = 1\n",
        2,
        10,
        "en nyckel kan inte börja med '='",
        "skriv `nyckel = värde`",
        "a key cannot start with '='",
    ),
    (
        "odd-value",
        "toml",
        "schema_version = 1\n[library]\nname = @\n",
        3,
        8,
        "här ska det stå ett värde, men det står '@'",
        "sätt texten inom citattecken",
        "expected a value, got '@'",
    ),
    (
        "control-in-text",
        "toml",
        'schema_version = 1\n[library]\nname = "A\x01B"\n',
        3,
        10,
        "här står styrtecknet '\\x01', som inte får stå i filen",
        "ta bort tecknet",
        "the control character '\\x01' stands here",
    ),
    (
        "control-in-comment",
        "toml",
        "schema_version = 1  # a\x02\n",
        1,
        24,
        "här står styrtecknet '\\x02', som inte får stå i filen",
        "ta bort tecknet",
        "the control character '\\x02' stands here",
    ),
    (
        "short-unicode",
        "toml",
        'schema_version = 1\n[library]\nname = "\\u12"\n',
        3,
        11,
        "efter \\u ska det stå fyra hexadecimala siffror",
        "\\u00e5 för å",
        "\\u must be followed by four hexadecimal digits",
    ),
    (
        "windows-line-ends",
        "toml",
        "schema_version = 1\r\n[library]\r\nname = Alvesta\r\n",
        3,
        8,
        "en text utan citattecken: 'Alvesta'",
        "sätt texten inom citattecken",
        "a text without quotes: 'Alvesta'",
    ),
]

#: Words of json's and tomllib's own complaints, which the reader never sees.
_PARSERS_WORDS = re.compile(
    r"Expecting|Expected|Invalid|Illegal|Unterminated|Unclosed|Unescaped|Cannot|Duplicate"
    r"|Extra data|Found invalid|delimiter|at line|end of document"
)


def _check(tmp_path: Path, name: str, text: str, *args: str) -> tuple[int, list[str]]:
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["check", name, *args], catch_exceptions=False)
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(
    ("suffix", "text", "line", "column", "sv", "sv_hint", "en"),
    [case[1:] for case in CASES],
    ids=[f"{case[1]}-{case[0]}" for case in CASES],
)
def test_a_broken_file_is_told_where_and_what_to_write(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    text: str,
    line: int,
    column: int,
    sv: str,
    sv_hint: str,
    en: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    name = f"plan.{suffix}"
    kind = suffix.upper()
    code, said = _check(tmp_path, name, text, "--lang", "sv")
    assert code == 2, said
    assert said[0].startswith(f"{name}:{line}: inte giltig {kind}: "), said
    assert said[0].endswith(f" (rad {line}, kolumn {column})"), said
    assert sv in said[0], said
    # the line itself, a marker under the column, and what to write
    assert said[2].index("^") - 4 == column - 1, said
    assert said[3].startswith("  tips: ") and sv_hint in said[3], said
    assert not _PARSERS_WORDS.search("\n".join(said)), said
    code, said = _check(tmp_path, name, text, "--lang", "en")
    assert code == 2 and said[0].startswith(f"{name}:{line}: not valid {kind}: "), said
    assert said[0].endswith(f" (line {line}, column {column})") and en in said[0], said
    assert said[2].index("^") - 4 == column - 1 and said[3].startswith("  hint: "), said
    assert not _PARSERS_WORDS.search("\n".join(said)), said


def test_every_complaint_is_caused_by_a_case_above() -> None:
    """Each case makes the complaint it is named for, so no mapping is tested by accident."""
    said = set()
    for _, suffix, text, *_ in CASES:
        try:
            if suffix == "json":
                json.loads(text)
            else:
                tomllib.loads(text)
        except ValueError as exc:
            said.add(getattr(exc, "msg", str(exc)).split(" (at ")[0].split(" ('")[0])
    for complaint in (
        "Expecting ',' delimiter",
        "Expecting ':' delimiter",
        "Expecting property name enclosed in double quotes",
        "Expecting value",
        "Extra data",
        "Unterminated string starting at",
        "Invalid control character at",
        "Invalid \\escape",
        "Invalid \\uXXXX escape",
        "Invalid statement",
        "Expected newline or end of document after a statement",
        "Expected '=' after a key in a key/value pair",
        "Invalid initial character for a key part",
        "Invalid value",
        "Unclosed array",
        "Unclosed inline table",
        "Expected ']' at the end of a table declaration",
        "Expected ']]' at the end of an array declaration",
        "Cannot overwrite a value",
        "Cannot declare",
        "Cannot mutate immutable namespace",
        "Duplicate inline table key 'name'",
        "Unescaped '\\' in a string",
        "Invalid hex value",
        "Invalid date or datetime",
        "Unterminated string",
        "Illegal character '\\n'",
        "Illegal character '\\x01'",
        "Found invalid character '\\x02'",
    ):
        assert any(s.startswith(complaint) for s in said), complaint


def test_a_swedish_plan_on_a_swedish_system_is_told_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, said = _check(tmp_path, "plan.json", '{"language": "sv" "schema_version": 1}\n')
    assert code == 2
    assert said[0] == (
        "plan.json:1: inte giltig JSON: här saknas ett kommatecken mellan två värden "
        "(rad 1, kolumn 18)"
    )
    code, said = _check(tmp_path, "plan.toml", 'language = "sv"\nschema_version = ett\n')
    assert code == 2
    assert said[0] == (
        "plan.toml:2: inte giltig TOML: en text utan citattecken: 'ett' (rad 2, kolumn 18)"
    )


@pytest.mark.parametrize(
    "problem",
    [
        json_problem(json.JSONDecodeError("Some new complaint", '{"a":\n  1 }', 8), '{"a":\n  1 }'),
        toml_problem(
            tomllib.TOMLDecodeError("Something new (at line 2, column 3)"), "a = 1\nb c\n"
        ),
    ],
    ids=["json", "toml"],
)
def test_a_complaint_not_known_still_says_where_and_what_to_do(problem: object) -> None:
    from klusterplan import Problem

    assert isinstance(problem, Problem)
    swedish = problem.render("plan", "sv")
    assert swedish.startswith("plan:2: inte giltig ") and "(rad 2, kolumn 3)" in swedish
    assert "här går filen inte att läsa (tolkens egna ord: " in swedish
    assert "tips: se på tecknet vid ^" in swedish
    english = problem.render("plan", "en")
    assert "(line 2, column 3)" in english and "hint: look at the character at ^" in english
