"""The Markdown export: the whole plan, readable, and plan text shown as typed."""

from __future__ import annotations

import html
import io
import re

import attrs
import pytest
from markdown_it import MarkdownIt

import klusterplan
from klusterplan import ExportOptions, build_document

HOSTILE = [
    '<b>Anna</b> & <img src="/etc/passwd"/>',
    '<font color="[[[...]]]">',
    "*not emphasis* _nor this_ `nor code` [link](http://example.invalid)",
    "1. not a list",
    "- not a bullet",
    "# not a heading",
    "a | pipe in a cell",
    "back\\slash",
]


def _html(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable("table").render(markdown)
    return html


def _text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def _export(plan: klusterplan.Plan, **options: object) -> str:
    out = io.BytesIO()
    klusterplan.export(plan, "markdown", out, ExportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue().decode("utf-8")


def test_every_section_of_the_document_is_a_heading(example: klusterplan.Plan) -> None:
    text = _export(example)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    document = build_document(example)
    sections = (*document.front, *document.sections)
    expected = [f"{'#' * (s.level + 1)} {s.title}" for s in sections]
    # the contents stand after the summary, as in the PDF
    contents = f"## {document.contents_title}"
    assert headings[1:] == [*expected[:1], contents, *expected[1:]]
    assert "Låna dig rik" in text


def _with_name(plan: klusterplan.Plan, text: str) -> klusterplan.Plan:
    group = plan.target_groups[0]
    assert group.persona is not None
    persona = attrs.evolve(group.persona, name=text, story=text)
    groups = (attrs.evolve(group, name=text, persona=persona), *plan.target_groups[1:])
    return attrs.evolve(plan, target_groups=groups)


def _tags(rendered: str) -> list[str]:
    return sorted(re.findall(r"<(\w+)", rendered))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_plan_text_is_never_markup(example: klusterplan.Plan, hostile: str) -> None:
    plain = _html(_export(_with_name(example, "Zyxwvu")))
    rendered = _html(_export(_with_name(example, hostile)))
    assert _tags(rendered) == _tags(plain)  # the text added no element of its own
    assert _text(rendered).count(hostile) == _text(plain).count("Zyxwvu")


def test_workbook_in_markdown() -> None:
    text = _export(klusterplan.loads("schema_version: 1\n"), workbook=True)
    assert text.startswith("# Vårt biblioteks lokala målgrupper")
    rendered = _html(text)
    assert rendered.count("<table>") >= 2
    # every row of a sheet is left to write in, numbered, under the sheet's own headers
    assert "Organisatoriska konsekvenser" in _text(rendered)
    assert "| 1. | 1. | 1. | 1. | 1. |" in text
