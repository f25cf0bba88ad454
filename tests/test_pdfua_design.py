"""The tagged PDF in the house design: measured against the PDF, side by side.

The board gets either file; the tables, the chart and the cover's status mark
must read alike in both, and in Word and on the web page too.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import attrs
import pikepdf
import pytest
from page_audit import Page, read_pages

import klusterplan
from klusterplan import ExportOptions
from klusterplan._document.design import STATUS_MARK

pytest.importorskip("typst")


def _kalmar(plan: klusterplan.Plan) -> klusterplan.Plan:
    return attrs.evolve(plan, library=attrs.evolve(plan.library, municipality="Kalmar kommun"))


def _export(plan: klusterplan.Plan, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, fmt, out, ExportOptions(**options))
    return out.getvalue()


def _top(page: Page, text: str) -> float:
    return next(line.top for line in page.lines if line.text.startswith(text))


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large print"])
def test_table_rows_are_as_tall_as_the_pdfs(example: klusterplan.Plan, large_print: bool) -> None:
    """A row's padding as the PDF's: its text never touches the rules above and under it."""
    pitches = []
    for fmt in ("pdf", "pdf-ua"):
        summary = read_pages(_export(example, fmt, large_print=large_print))[1]
        names = [g.name for g in example.target_groups[:3]]
        tops = [_top(summary, name) for name in names]
        pitches.append((tops[1] - tops[0], tops[2] - tops[1]))
    assert pitches[1] == pytest.approx(pitches[0], abs=1.0)


@pytest.mark.parametrize("fmt", ["pdf", "pdf-ua"])
@pytest.mark.parametrize("kalmar", [False, True], ids=["plan", "kalmar plan"])
def test_the_votes_chart_stands_with_its_table_and_heading(
    example: klusterplan.Plan, fmt: str, kalmar: bool
) -> None:
    plan = _kalmar(example) if kalmar else example
    pages = read_pages(_export(plan, fmt))
    chart = [p for p in pages if any(line.text == "Röster på dialogforum" for line in p.lines)]
    assert len(chart) == 1
    assert any(line.text == "Våra prioriterade målgrupper" for line in chart[0].lines)


def _fills(data: bytes) -> set[tuple[float, ...]]:
    """The fill colours the cover page of the PDF ``data`` paints with."""
    pdf = pikepdf.open(io.BytesIO(data))
    found = set()
    for instruction in pikepdf.parse_content_stream(pdf.pages[0]):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue
        operands = instruction.operands
        if str(instruction.operator) in ("rg", "sc", "scn") and len(operands) == 3:
            found.add(tuple(round(float(v), 2) for v in operands))
    return found


def test_the_draft_mark_reads_as_a_draft_whatever_the_brand(example: klusterplan.Plan) -> None:
    """Kalmar's accent is a green: the draft mark keeps its own colour in every format."""
    plan = _kalmar(example)
    mark = STATUS_MARK.lstrip("#").upper()
    rgb = tuple(round(int(mark[i : i + 2], 16) / 255, 2) for i in (0, 2, 4))
    for fmt in ("pdf", "pdf-ua"):
        assert rgb in _fills(_export(plan, fmt)), fmt
    with zipfile.ZipFile(io.BytesIO(_export(plan, "docx"))) as word:
        body = word.read("word/document.xml").decode("utf-8")
    badge = re.search(r'w:fill="([0-9A-Fa-f]{6})"/>[^<]*(?:<[^>]+>)*?[^<]*UTKAST', body)
    assert badge is not None and badge.group(1).upper() == mark
    page = _export(plan, "html").decode("utf-8")
    assert re.search(r"\.status-mark \{[^}]*background: " + STATUS_MARK, page)


@pytest.mark.parametrize("kalmar", [False, True], ids=["plan", "kalmar plan"])
def test_the_text_stands_where_the_pdfs_does(example: klusterplan.Plan, kalmar: bool) -> None:
    """The same text area as the PDF's: the same top, the same footer, the same cover.

    A page that holds more than the PDF's breaks its chapters elsewhere, so the two
    files would read as two designs.
    """
    plan = _kalmar(example) if kalmar else example
    places = []
    for fmt in ("pdf", "pdf-ua"):
        pages = read_pages(_export(plan, fmt))
        found = [_top(pages[0], text) for text in ("Lokal", "Kommun", "Kontaktperson")]
        summary = pages[1]
        assert summary.footer_gap is not None
        found += [_top(summary, "Sammanfattning"), summary.content_bottom + summary.footer_gap]
        places.append([*found, len(pages)])
    assert places[1] == pytest.approx(places[0], abs=1.5)


def test_rows_to_write_in_are_as_tall_as_the_pdfs() -> None:
    """The workshop writes in the ATT GÖRA sheet: each row a line and 9 mm to write in."""
    pitches = []
    for fmt in ("pdf", "pdf-ua"):
        pages = read_pages(_export(klusterplan.Plan(), fmt, workbook=True))
        sheet = next(p for p in pages if _has(p, "Möjliga omgående åtgärder"))
        pitches.append(_top(sheet, "3.") - _top(sheet, "2."))
    assert pitches[0] >= 9 * 72 / 25.4
    assert pitches[1] == pytest.approx(pitches[0], abs=1.0)


def _has(page: Page, text: str) -> bool:
    return any(line.text == text for line in page.lines)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large print"])
def test_every_word_of_the_staircase_stands_inside_its_step(
    example: klusterplan.Plan, large_print: bool
) -> None:
    """At 16 pt too "5. Ambassadör" fits its step, whose right edge is the text's."""
    import pdfplumber

    data = _export(example, "pdf-ua", large_print=large_print)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = next(p for p in pdf.pages if "Målgrupperna på trappan" in (p.extract_text() or ""))
        edge = page.width - 20 * 72 / 25.4
        words = [w for w in page.extract_words() if w["text"] == "Ambassadör"]
        assert words and all(w["x1"] <= edge - 3 for w in words)


def test_a_range_of_numbers_never_breaks_at_its_dash(example: klusterplan.Plan) -> None:
    # Typst may break a line after a dash: "årskurs 7–" at a line's end, "9." on the next
    pages = read_pages(_export(example, "pdf-ua"))
    lines = [line.text for page in pages for line in page.lines]
    assert any("7–\u20609" in text or "7–9" in text for text in lines)
    assert not [text for text in lines if text.rstrip().endswith(("7–", "13–"))]
