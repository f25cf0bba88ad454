"""YAML mistakes as a person reads them: the right line, the text with a marker, a hint."""

from __future__ import annotations

import pytest

import klusterplan


def problem(text: str) -> klusterplan.Problem:
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.loads(text, source="plan.yaml")
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def marked(p: klusterplan.Problem) -> tuple[str, int]:
    """The excerpt's text line and the column its marker points at."""
    shown, marker = p.excerpt.splitlines()[:2]
    return shown[4:], marker.index("^") - 4


@pytest.mark.parametrize(
    ("text", "line", "at", "message", "hint"),
    [
        (
            "schema_version: 1\nlibrary:\n  name: Byköping: bibliotek\n",
            3,
            ": bibliotek",
            "a colon in the middle of a value",
            "put the whole text in quotes",
        ),
        (
            "schema_version: 1\nlibrary:\n\tname: x\n",
            3,
            "→name: x",
            "a tab character",
            "replace the tab (shown as →) with spaces",
        ),
        (
            "schema_version: 1\nlibrary:\n  name: x\n municipality: y\n",
            4,
            "municipality: y",
            "the indentation does not match",
            "indented differently",
        ),
        (
            "schema_version: 1\nlibrary:\n  name: x\n    municipality: y\n",
            4,
            ": y",
            "the indentation does not match",
            "indented more than the key on line 3",
        ),
        (
            'schema_version: 1\nlibrary:\n  name: "Byköping\n  municipality: y\n',
            3,
            '"Byköping',
            "a quote is never closed",
            'needs a closing "',
        ),
        (
            "schema_version: 1\nlibrary:\n  name Byköping\n  municipality: y\n",
            3,
            "",
            "a line without its colon",
            "this line has no colon, so line 4 was read as its continuation",
        ),
        (
            "schema_version: 1\nlibrary: {name: x\nactions: []\n",
            2,
            "{name: x",
            "a bracket is never closed",
            "needs its } or ]",
        ),
        (
            "schema_version: 1\nlibrary:\n  name: `x`\n",
            3,
            "`x`",
            "a value cannot start with '`'",
            'put the text in quotes: "`x`"',
        ),
    ],
    ids=["colon", "tab", "indent-less", "indent-more", "quote", "no-colon", "bracket", "backtick"],
)
def test_the_mistake_is_shown_where_it_is(
    text: str, line: int, at: str, message: str, hint: str
) -> None:
    found = problem(text)
    assert found.line == line
    assert found.message == f"not valid YAML: {message}"
    assert f"hint: {hint}" in found.excerpt or hint in found.excerpt
    shown, column = marked(found)
    assert shown == text.splitlines()[line - 1].replace("\t", "→")
    assert shown[column:].startswith(at)


def test_the_message_reads_as_the_command_prints_it() -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.loads("schema_version: 1\nlibrary:\n  name: a: b\n", source="plan.yaml")
    assert str(caught.value) == (
        "plan.yaml:3: not valid YAML: a colon in the middle of a value\n"
        "      name: a: b\n"
        "             ^\n"
        "  hint: a colon followed by a space starts a new key; put the whole text in quotes, "
        'e.g. name: "Byköping: huvudbiblioteket"'
    )
    swedish = caught.value.render("sv")
    assert swedish.startswith("plan.yaml:3: inte giltig YAML: ett kolon mitt i ett värde\n")
    assert "\n  tips: ett kolon följt av mellanslag" in swedish


def test_a_hash_or_a_colon_in_a_list_item_gets_its_hint() -> None:
    found = problem("schema_version: 1\nanalysis:\n  weaknesses_today:\n    - #hashtag\n")
    assert found.line == 4
    assert "a # after a space starts a comment" in found.message
    found = problem("schema_version: 1\nanalysis:\n  weaknesses_today:\n    - Tid: för lite\n")
    assert "a colon followed by a space makes a key" in found.message


def test_problems_are_sorted_by_line() -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.loads(
            "schema_version: 1\n"
            "actions:\n  - status: x\n"
            "library:\n  date: soon\n  name: 3\n"
            "campaign: {year: next}\n"
        )
    assert [p.line for p in caught.value.problems] == [3, 5, 6, 7]
