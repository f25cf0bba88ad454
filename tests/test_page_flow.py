"""Page flow of every printed document, audited page by page (see :mod:`page_audit`).

Each document a person holds is made through the public API and read back from
its pages: the PDF as reportlab writes it, the tagged PDF as Typst writes it,
and each Word file as LibreOffice lays it out (with the metric-compatible
Carlito and Caladea fonts that ``.ci/run`` installs, so that pages break as in
Word). A document still known to stumble is marked ``xfail(strict=True)``: the
mark must go when it is mended, or the suite fails.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from libreoffice import convert, soffice
from page_audit import LARGE, MM, NORMAL, Defect, Sizes, audit, read_pages

import klusterplan
from klusterplan import ExportOptions, Language
from klusterplan.document import HAND_LINE_MM

ROOT = Path(__file__).resolve().parents[1]

#: Short labels that never break inside, in both languages.
PHRASES = ("in progress", "not started", "long term", "40 000 kr")


def _kalmar() -> klusterplan.Plan:
    plan = klusterplan.example()
    return attrs.evolve(plan, library=attrs.evolve(plan.library, municipality="Kalmar kommun"))


def _plan(fmt: str, plan: klusterplan.Plan, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, fmt, out, ExportOptions(**options))
    return out.getvalue()


def _cluster(fmt: str, ended: bool = False) -> bytes:
    files = sorted((ROOT / "examples" / "cluster").glob("*.yaml"))
    cluster = klusterplan.load_cluster([str(path) for path in files])
    out = io.BytesIO()
    # without a status date, plans of 2010–2011 are summed up at their period's end
    today = None if ended else klusterplan.example().library.date
    klusterplan.export_summary(cluster, fmt, out, today=today)
    return out.getvalue()


#: name -> (how to make it in a format, its type sizes)
DOCUMENTS: dict[str, tuple[Callable[[str], bytes], Sizes]] = {
    "plan": (lambda fmt: _plan(fmt, klusterplan.example()), NORMAL),
    "large print": (lambda fmt: _plan(fmt, klusterplan.example(), large_print=True), LARGE),
    "english": (lambda fmt: _plan(fmt, klusterplan.example(), language=Language.EN), NORMAL),
    "blank workbook": (lambda fmt: _plan(fmt, klusterplan.Plan(), workbook=True), NORMAL),
    "pre-filled workbook": (
        lambda fmt: _plan(fmt, klusterplan.example(), workbook=True),
        NORMAL,
    ),
    "cluster summary": (_cluster, NORMAL),
    "cluster summary, period ended": (lambda fmt: _cluster(fmt, ended=True), NORMAL),
    "kalmar plan": (lambda fmt: _plan(fmt, _kalmar()), NORMAL),
}

#: (format, document) pairs whose pages still stumble, and how.
KNOWN: dict[tuple[str, str], str] = {}


def _cases(fmt: str) -> Iterator[Any]:
    for name in DOCUMENTS:
        reason = KNOWN.get((fmt, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", list(_cases("pdf")))
def test_pdf_pages_flow(name: str) -> None:
    make, sizes = DOCUMENTS[name]
    # a workbook's every page opens with its question, or the question continued
    # a record going on over a page opens it again with its first field, continued
    found = audit(make("pdf"), sizes, PHRASES, questions="workbook" in name, cues=True)
    assert [str(d) for d in found] == []


@pytest.mark.parametrize("name", list(_cases("pdf-ua")))
def test_tagged_pdf_pages_flow(name: str) -> None:
    pytest.importorskip("typst")
    make, sizes = DOCUMENTS[name]
    if name.startswith("cluster summary"):
        pytest.skip("the cluster summary is published as a plan's, not checked twice")
    # (Typst hyphenates words by syllable: a hyphen at a line's end is its own)
    assert [str(d) for d in audit(make("pdf-ua"), sizes, PHRASES, hyphens=False)] == []


@pytest.fixture(scope="module")
def word_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every Word document, as LibreOffice lays it out and prints it to PDF."""
    soffice()
    folder = tmp_path_factory.mktemp("word")
    names = {}
    for number, name in enumerate(DOCUMENTS):
        path = folder / f"d{number}.docx"
        path.write_bytes(DOCUMENTS[name][0]("docx"))
        names[name] = path
    out = convert(list(names.values()), folder / "pdf")
    return {name: (out / f"{path.stem}.pdf").read_bytes() for name, path in names.items()}


@pytest.mark.parametrize("name", list(_cases("docx")))
def test_word_pages_flow(word_pages: dict[str, bytes], name: str) -> None:
    found = audit(word_pages[name], DOCUMENTS[name][1], PHRASES, questions="workbook" in name)
    assert [str(d) for d in found] == []


# -- the audit itself can fail -------------------------------------------------


def _pdf(draw: Callable[[Any, int], None], pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(pages):
        canvas.setFont("Helvetica", 10.5)
        draw(canvas, number)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_audit_sees_a_near_empty_page_and_a_broken_amount() -> None:
    def draw(canvas: Any, number: int) -> None:
        height = 842
        if number == 0:
            canvas.drawString(60, height - 80, "Budget: 8")
            canvas.drawString(60, height - 93, "000 kr for the whole year")
        else:
            for k in range(60):
                canvas.drawString(60, height - 80 - 12 * k, f"line {k} of a full page of text")

    found = audit(_pdf(draw, pages=2), NORMAL)
    kinds = {d.kind for d in found}
    assert "near-empty page" in kinds and "broken value" in kinds
    assert Defect(1, "broken value", "8 | 000") in found


def test_the_audit_reads_lines_and_fill() -> None:
    def draw(canvas: Any, number: int) -> None:
        for k in range(30):
            canvas.drawString(60, 842 - 80 - 12 * k, f"line {k}")

    pages = read_pages(_pdf(draw, pages=2))
    assert len(pages) == 2 and len(pages[0].lines) == 30
    assert 0.4 < pages[0].fill < 0.6


def _fields_page(canvas: Any, number: int, rule: bool, next_size: float = 10.5) -> None:
    """A page of text ending in a field after a cover; the next page opens with a field."""
    if number == 0:
        canvas.drawString(60, 700, "A cover")
        return
    if number == 2:
        canvas.setFont("Helvetica-Bold", next_size)
        canvas.drawString(60, 762, "Vad:")
        canvas.setFont("Helvetica", 10.5)
        canvas.drawString(90, 762, "a record's second field")
        return
    for k in range(55):
        canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
    bottom = 762 - 12 * 55
    canvas.setFont("Helvetica-Bold", 10.5)
    canvas.drawString(60, bottom, "Beskrivning:")
    canvas.setFont("Helvetica", 10.5)
    # the value one space after its label, as a document sets it
    after = 60 + canvas.stringWidth("Beskrivning: ", "Helvetica-Bold", 10.5)
    canvas.drawString(after, bottom, "a field running over more than one line, to the end of it")
    canvas.drawString(60, bottom - 14, "and ending here.")
    if rule:
        canvas.line(60, bottom - 19, 535, bottom - 19)
    canvas.setFont("Helvetica-Bold", 10.5)
    canvas.drawString(60, bottom - 30 if rule else bottom - 28, "Nr:")
    canvas.setFont("Helvetica", 10.5)
    canvas.drawString(80, bottom - 30 if rule else bottom - 28, "2")


def test_the_audit_sees_a_record_opening_under_a_rule_at_the_foot() -> None:
    found = audit(_pdf(lambda c, n: _fields_page(c, n, rule=True), pages=3), NORMAL)
    assert Defect(2, "lone field at the foot", "Nr: 2") in found


def test_the_audit_lets_a_record_end_with_a_field_at_the_foot() -> None:
    # the field closes the record whose longer field stands above it
    found = audit(_pdf(lambda c, n: _fields_page(c, n, rule=False), pages=3), NORMAL)
    assert [d for d in found if d.kind == "lone field at the foot"] == []


def _record_pages(canvas: Any, number: int, at_foot: int, cue: bool = False) -> None:
    """A cover; a page of text ending in a record's first ``at_foot`` fields under its rule;
    the record's other fields opening the next page (after "Nr: (forts.)", with ``cue``)."""
    names = ["Nr", "Aktivitet", "Kanal", "Målgrupper", "Ansvarig", "Budget", "Status"]
    if number == 0:
        canvas.drawString(60, 700, "A cover")
        return
    fields = names[:at_foot] if number == 1 else names[at_foot:]
    if cue and number == 2:
        fields = ["Nr", *fields]
    top = 762
    if number == 1:
        lines = 55 - 2 * at_foot
        for k in range(lines):
            canvas.drawString(60, top - 12 * k, f"line {k} of a full page of text")
        top -= 12 * lines
        canvas.line(60, top + 4, 535, top + 4)
        top -= 10
    for k, name in enumerate(fields):
        canvas.setFont("Helvetica-Bold", 10.5)
        canvas.drawString(60, top - 18 * k, f"{name}:")
        canvas.setFont("Helvetica", 10.5)
        value = "1 (forts.)" if cue and number == 2 and k == 0 else "a value"
        canvas.drawString(
            60 + canvas.stringWidth(f"{name}: ", "Helvetica-Bold", 10.5), top - 18 * k, value
        )


def test_the_audit_sees_a_record_going_on_without_its_cue() -> None:
    found = audit(_pdf(lambda c, n: _record_pages(c, n, 3), pages=3), NORMAL, cues=True)
    assert [d.page for d in found if d.kind == "record goes on unmarked"] == [3]
    found = audit(_pdf(lambda c, n: _record_pages(c, n, 3, cue=True), pages=3), NORMAL, cues=True)
    assert [d for d in found if d.kind == "record goes on unmarked"] == []


def test_the_audit_sees_a_long_record_moved_whole_from_a_half_empty_page() -> None:
    def draw(canvas: Any, number: int, lines: int) -> None:
        if number == 0:
            canvas.drawString(60, 700, "A cover")
        elif number == 1:
            for k in range(lines):
                canvas.drawString(60, 762 - 12 * k, f"line {k} of a page of text")
        else:
            canvas.line(60, 766, 535, 766)
            for k, name in enumerate(["Nr", "Vad", "Vem", "När", "Var", "Hur", "Status"]):
                canvas.setFont("Helvetica-Bold", 10.5)
                canvas.drawString(60, 756 - 18 * k, f"{name}:")
                canvas.setFont("Helvetica", 10.5)
                canvas.drawString(100, 756 - 18 * k, "a value")

    found = audit(_pdf(lambda c, n: draw(c, n, 30), pages=3), NORMAL)
    assert [d.page for d in found if d.kind == "record moved whole"] == [2]
    # a page nearly full had no room for three of its fields
    found = audit(_pdf(lambda c, n: draw(c, n, 55), pages=3), NORMAL)
    assert [d for d in found if d.kind == "record moved whole"] == []


def test_the_audit_sees_small_print_in_large_print() -> None:
    def draw(canvas: Any, number: int) -> None:
        canvas.setFont("Helvetica", 16)
        for k in range(30):
            canvas.drawString(60, 762 - 22 * k, f"line {k} of large print")
        canvas.setFont("Helvetica", 11)
        canvas.drawString(60, 80 + 22 * 3, "an axis number")

    found = audit(_pdf(draw), LARGE)
    assert [d.kind for d in found] == ["small print"]
    assert audit(_pdf(draw), NORMAL) == []


def test_the_audit_sees_a_heading_over_its_short_fields_alone_at_the_foot() -> None:
    def draw(canvas: Any, number: int) -> None:
        if number == 0:
            canvas.drawString(60, 700, "A cover")
            return
        if number == 2:
            canvas.drawString(60, 762, "The group's description goes on here, a paragraph")
            canvas.drawString(60, 750, "of two lines.")
            return
        for k in range(50):
            canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(60, 762 - 12 * 50 - 10, "A group")
        for k, name in enumerate(["Segment", "Röster"]):
            canvas.setFont("Helvetica-Bold", 10.5)
            canvas.drawString(60, 762 - 12 * 52 - 14 * k, f"{name}:")
            canvas.setFont("Helvetica", 10.5)
            after = 60 + canvas.stringWidth(f"{name}: ", "Helvetica-Bold", 10.5)
            canvas.drawString(after, 762 - 12 * 52 - 14 * k, "a value")

    found = audit(_pdf(draw, pages=3), NORMAL)
    assert [d.page for d in found if d.kind == "heading at the foot"] == [2]


def test_the_audit_sees_a_record_split_with_two_fields_on_a_side() -> None:
    # five fields at the foot, "Budget" and "Status" alone at the top of the next page
    found = audit(_pdf(lambda c, n: _record_pages(c, n, 5), pages=3), NORMAL)
    assert [d.page for d in found if d.kind == "record split"] == [3]
    # "Nr" and one field at the foot
    found = audit(_pdf(lambda c, n: _record_pages(c, n, 2), pages=3), NORMAL)
    assert [d.page for d in found if d.kind == "record split"] == [3]
    # three fields on one side and four on the other read as two halves of one record
    found = audit(_pdf(lambda c, n: _record_pages(c, n, 3), pages=3), NORMAL)
    assert [d for d in found if d.kind == "record split"] == []


def test_the_audit_sees_a_total_alone_at_the_top() -> None:
    def draw(canvas: Any, number: int) -> None:
        if number == 0:
            canvas.drawString(60, 700, "A cover")
            return
        if number == 2:
            canvas.setFont("Helvetica-Bold", 10.5)
            canvas.drawString(60, 762, "Totalt 47 000 kr")
            return
        for k in range(55):
            canvas.drawString(60, 762 - 12 * k, f"Status: line {k} of a full page of records")

    found = audit(_pdf(draw, pages=3), NORMAL)
    assert Defect(3, "total alone at the top", "Totalt 47 000 kr") in found


def _label_page(canvas: Any, number: int, next_text: str, size: float) -> None:
    """A cover, a full page ending in a label and one ruled line, then the next page."""
    if number == 0:
        canvas.drawString(60, 700, "A cover")
        return
    if number == 2:
        canvas.setFont("Helvetica-Bold", size)
        canvas.drawString(60, 762, next_text)
        return
    for k in range(55):
        canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
    canvas.setFont("Helvetica-Bold", 10.5)
    canvas.drawString(60, 762 - 12 * 56, "Budget")
    canvas.line(60, 762 - 12 * 58, 535, 762 - 12 * 58)


def test_the_audit_lets_a_label_close_a_section_at_the_foot() -> None:
    # one line to write a budget on, and the next page opens a section of its own
    data = _pdf(lambda c, n: _label_page(c, n, "Follow-up", 15), pages=3)
    assert [d for d in audit(data, NORMAL) if d.kind == "heading at the foot"] == []
    # the same label, when what it introduces goes on over the page
    data = _pdf(lambda c, n: _label_page(c, n, "and more lines of it", 10.5), pages=3)
    assert Defect(2, "heading at the foot", "'Budget'") in audit(data, NORMAL)


def test_the_audit_lets_a_record_end_a_section_at_the_foot() -> None:
    # the next page opens with a heading: the record under the rule was whole
    found = audit(_pdf(lambda c, n: _fields_page(c, n, rule=True, next_size=15), pages=3), NORMAL)
    assert [d for d in found if d.kind == "lone field at the foot"] == []


def test_the_audit_sees_a_prompt_ending_a_page() -> None:
    # a question ending in a full stop, its table on the next page
    prompt = "Match your persona against real information. Learn from the result."

    def draw(canvas: Any, number: int) -> None:
        if number == 0:
            canvas.drawString(60, 700, "A cover")
            return
        for k in range(50):
            canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
        if number == 1:
            canvas.setFont("Helvetica-Bold", 10.5)
            canvas.drawString(60, 762 - 12 * 52, prompt)

    found = audit(_pdf(draw, pages=3), NORMAL)
    assert Defect(2, "prompt at the foot", repr(prompt)) in found

    # with the lines it asks for under it, it ends its page rightly
    def ruled(canvas: Any, number: int) -> None:
        draw(canvas, number)
        if number == 1:
            canvas.line(60, 762 - 12 * 54, 535, 762 - 12 * 54)

    assert [d for d in audit(_pdf(ruled, pages=3), NORMAL) if d.kind == "prompt at the foot"] == []


def test_the_audit_sees_a_question_going_on_without_it() -> None:
    # a workbook's question at the foot of a page, what it asks on the next one
    def draw(canvas: Any, number: int) -> None:
        if number == 0:
            canvas.drawString(60, 700, "A cover")
            return
        canvas.setFont("Helvetica-Bold", 15)
        canvas.drawString(60, 762, f"{number}. A question")
        canvas.setFont("Helvetica", 10.5)
        for k in range(40):
            canvas.drawString(60, 740 - 12 * k, f"line {k} of a full page of text")

    def cut(canvas: Any, number: int) -> None:
        if number < 2:
            draw(canvas, number)
            return
        for k in range(40):
            canvas.drawString(60, 762 - 12 * k, f"line {k}, the question's parts going on")

    def kind(found: list[Defect]) -> list[Defect]:
        return [d for d in found if "question" in d.kind]

    assert kind(audit(_pdf(draw, pages=3), NORMAL, questions=True)) == []
    found = audit(_pdf(cut, pages=3), NORMAL, questions=True)
    assert (
        Defect(3, "question goes on without it", repr("line 0, the question's parts going on"))
        in found
    )
    # a plan's page may go on with its chapter
    assert kind(audit(_pdf(cut, pages=3), NORMAL)) == []


def _intro_page(canvas: Any, number: int, table_first: bool) -> None:
    """A cover; a page ending in a heading and its two-line introduction; a table."""
    if number == 0:
        canvas.drawString(60, 700, "A cover")
        return

    def table(top: float) -> None:
        canvas.setFillColorRGB(0.1, 0.25, 0.4)
        canvas.rect(60, top - 16, 475, 16, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", 8.5)
        canvas.drawString(64, top - 12, "Bibliotek  Tidshorisont  Planerad")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 8.5)
        for k in range(3):
            canvas.drawString(64, top - 30 - 16 * k, f"Bibliotek {k}  omgående  1")
            canvas.line(60, top - 36 - 16 * k, 535, top - 36 - 16 * k)

    if number == 2:
        table(780)
        return
    for k in range(48):
        canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(60, 762 - 12 * 50, "Åtgärder och aktiviteter")
    canvas.setFont("Helvetica", 10.5)
    canvas.drawString(60, 762 - 12 * 52, "The libraries' actions by horizon and status, and the")
    canvas.drawString(60, 762 - 12 * 53 - 1, "activities of the communication plans by status.")
    if table_first:
        table(762 - 12 * 54)


def test_the_audit_sees_a_heading_and_its_introduction_at_the_foot() -> None:
    # two lines follow the heading, but what they introduce opens the next page
    found = audit(_pdf(lambda c, n: _intro_page(c, n, table_first=False), pages=3), NORMAL)
    detail = "'Åtgärder och aktiviteter' and its introduction, the table on the next page"
    assert Defect(2, "heading at the foot", detail) in found
    # the table's header and first rows under them: kept together as they should be
    found = audit(_pdf(lambda c, n: _intro_page(c, n, table_first=True), pages=3), NORMAL)
    assert [d for d in found if d.kind == "heading at the foot"] == []


def _split_table(canvas: Any, number: int, at_foot: int, rest: int = 14, lines: int = 30) -> None:
    """A cover; text, a heading, its introduction and a table's first ``at_foot`` rows;
    the rest of the table, ending its chapter; the next chapter."""
    if number == 0:
        canvas.drawString(60, 700, "A cover")
        return
    if number == 3:
        canvas.setFont("Helvetica-Bold", 20)
        canvas.drawString(60, 780, "Tips att dela mellan biblioteken")
        canvas.setFont("Helvetica", 10.5)
        for k in range(40):
            canvas.drawString(60, 750 - 12 * k, f"line {k} of the next chapter")
        return

    def table(top: float, rows: int) -> None:
        canvas.setFillColorRGB(0.1, 0.25, 0.4)
        canvas.rect(60, top - 16, 475, 16, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", 8.5)
        canvas.drawString(64, top - 12, "Bibliotek  Typ  Vad  Ansvarig")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 8.5)
        for k in range(rows):
            canvas.drawString(64, top - 30 - 18 * k, f"Bibliotek {k}  åtgärd  planerad")
            canvas.line(60, top - 36 - 18 * k, 535, top - 36 - 18 * k)

    if number == 2:
        table(780, rest)
        return
    for k in range(lines):
        canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
    top = 762 - 12 * (lines + 2)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(60, top, "Ej genomförda när perioden slutade")
    canvas.setFont("Helvetica", 10.5)
    canvas.drawString(60, top - 18, "What was planned or under way when the period ended.")
    table(top - 26, at_foot)


def test_the_audit_sees_a_table_split_that_fits_one_page_whole() -> None:
    # the heading, its introduction and four rows at the foot of a page 60 % full; the
    # other fourteen rows end the chapter on the next, which they leave half empty
    found = audit(_pdf(lambda c, n: _split_table(c, n, at_foot=4), pages=4), NORMAL)
    assert [d.page for d in found if d.kind == "table split needlessly"] == [2]
    # a table taller than a page must split
    found = audit(_pdf(lambda c, n: _split_table(c, n, at_foot=6, rest=34), pages=4), NORMAL)
    assert [d for d in found if d.kind == "table split needlessly"] == []
    # whole on the next page, it would leave the page before nearly empty
    found = audit(
        _pdf(lambda c, n: _split_table(c, n, at_foot=12, rest=10, lines=8), pages=4), NORMAL
    )
    assert [d for d in found if d.kind == "table split needlessly"] == []


def test_the_audit_reads_numbers_in_ruled_rows_as_rows() -> None:
    def draw(canvas: Any, number: int, rules: bool) -> None:
        for k in range(40):
            canvas.drawString(60, 780 - 12 * k, f"line {k} of a full page of text")
        for k, days in enumerate(("379", "366", "359")):
            canvas.drawString(500, 280 - 13 * k, days)
            if rules:
                canvas.line(60, 277 - 13 * k, 535, 277 - 13 * k)

    broken = audit(_pdf(lambda c, n: draw(c, n, rules=False)), NORMAL)
    assert Defect(1, "broken value", "379 | 366") in broken
    ruled = audit(_pdf(lambda c, n: draw(c, n, rules=True)), NORMAL)
    assert [d for d in ruled if d.kind == "broken value"] == []


def test_the_audit_sees_an_amount_broken_inside_a_table_cell() -> None:
    # two cells of one row: the first ends in "8", its next line starts "000 kr"
    def draw(canvas: Any, number: int) -> None:
        for k in range(55):
            canvas.drawString(60, 762 - 12 * k, f"line {k} of a full page of text")
        if number == 0:
            canvas.drawString(60, 80, "Kräver 8")
            canvas.drawString(60, 68, "000 kr ur anslaget")
            canvas.drawString(60 + canvas.stringWidth("Kräver 8") + 9, 80, "Nästa cell")

    found = audit(_pdf(draw, pages=2), NORMAL)
    assert Defect(1, "broken value", "8 | 000") in found


# -- room to write in the blank workbook, as printed ----------------------------


def _rules_over(pages: list[Any], caption: str, sizes: Sizes = NORMAL) -> int:
    """The ruled lines over a figure's ``caption`` (it stands under its figure) on its page,
    up to the question or the table before it."""
    for page in pages:
        if page.is_contents:
            continue
        found = [line for line in page.lines if line.text == caption]
        if not found:
            continue
        bottom = found[0].top
        above = [
            line.bottom
            for line in page.lines
            if line.bottom < bottom and line.size > sizes.body + 1 and line.text[:1].isdigit()
        ]
        above += [t.bottom for t in page.tables if t.bottom < bottom - 30]
        top = max(above, default=0.0)
        return sum(1 for y in page.rules if top + 1 < y < bottom)
    raise AssertionError(caption)


#: A gap between two rules this tall holds a prompt, not a row to write in.
_PROMPT_GAP_MM = 20.0


def _row_heights(pages: list[Any]) -> list[float]:
    """The height of every body row of every table, in mm, from the rules between rows."""
    heights = []
    for page in pages:
        for table in page.tables:
            rules: list[float] = []
            for y in page.rules:
                # (a table's top border over the ruled line before it draws one line)
                if table.top - 1 <= y <= table.bottom + 1 and not (rules and y - rules[-1] < MM):
                    rules.append(y)
            gaps = [(b - a) / MM for a, b in itertools.pairwise(rules)]
            body = gaps[1 : 1 + table.rows]  # (the first is the header's)
            # a question's own ruled lines may follow the table under a prompt: the
            # table's rows end at that prompt, the widest gap there is
            ends = [k for k, gap in enumerate(body) if gap > _PROMPT_GAP_MM]
            heights += body[: ends[0]] if ends else body
    return heights


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_blank_workbook_has_room_to_write_in_every_format(
    word_pages: dict[str, bytes], fmt: str
) -> None:
    data = DOCUMENTS["blank workbook"][0]("pdf") if fmt == "pdf" else word_pages["blank workbook"]
    pages = read_pages(data)
    heights = _row_heights(pages)
    # a row holds a line of its text and a handwriting line under it: 9 mm at the least
    assert len(heights) > 30 and min(heights) >= HAND_LINE_MM - 0.1
    assert sorted(heights)[len(heights) // 2] >= HAND_LINE_MM + 3
    # and the ruled lines under each question stand 9 mm apart, as a pen needs
    gaps = [round((b - a) / MM, 1) for page in pages for a, b in itertools.pairwise(page.rules)]
    common = max(set(gaps), key=gaps.count)
    assert HAND_LINE_MM - 0.2 <= common <= HAND_LINE_MM + 0.3
    # the staircase's five steps each with two lines; the matrix's two rows of fields
    # with three lines each (side by side, at one height), within the frame's rules
    assert _rules_over(pages, "Målgrupperna på trappan") >= 5 * 2
    assert _rules_over(pages, "Målgrupperna i centrummatrisen") >= 2 * 3 + 2


def _ending(canvas: Any, number: int, last: list[tuple[str, float]]) -> None:
    """A chapter over a full page, then ``last`` (text, size) at the top of the last page."""
    height = 842
    if number == 0:
        canvas.setFont("Helvetica-Bold", 20)
        canvas.drawString(60, height - 80, "A chapter")
        canvas.setFont("Helvetica", 10.5)
        for k in range(55):
            canvas.drawString(60, height - 110 - 12 * k, f"line {k} of a full page of text")
        return
    for k, (text, size) in enumerate(last):
        canvas.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        canvas.drawString(60, height - 80 - 16 * k, text)


def test_the_audit_sees_a_chapters_last_lines_alone_on_the_last_page() -> None:
    tail = [("the last line of the chapter's paragraph,", 10.5), ("and one more.", 10.5)]
    found = audit(_pdf(lambda c, n: _ending(c, n, tail), pages=2), NORMAL)
    assert Defect(2, "chapter's tail alone", "2 line(s), 6% full") in found


def test_the_audit_lets_a_section_of_its_own_end_the_document() -> None:
    # a heading opens the last page: a section starts there, whole
    last = [("A last section", 15.0), ("its one line", 10.5)]
    found = audit(_pdf(lambda c, n: _ending(c, n, last), pages=2), NORMAL)
    assert [d for d in found if d.kind == "chapter's tail alone"] == []


#: How far one line's box may reach into the next's, in points (tight leading does).
_OVERLAP = 2.0


def _overlaps(data: bytes) -> list[str]:
    """Lines of text drawn over one another: one starts above where the one before ends."""
    found = []
    for page in read_pages(data):
        lines = sorted(page.lines, key=lambda line: line.top)
        for a, b in itertools.combinations(lines, 2):
            across = min(a.x1, b.x1) - max(a.x0, b.x0)
            if across > 5 and a.top < b.top < a.bottom - _OVERLAP:
                found.append(f"p{page.number}: {a.text[:30]!r} under {b.text[:30]!r}")
    return found


@pytest.mark.parametrize("name", ["plan", "large print", "blank workbook"])
def test_tagged_pdf_never_draws_text_over_text(name: str) -> None:
    pytest.importorskip("typst")
    make, _ = DOCUMENTS[name]
    assert _overlaps(make("pdf-ua")) == []


def test_the_overlap_check_sees_text_over_text(tmp_path: Any) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "over.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 11)
    canvas.drawString(60, 700, "The first line of a paragraph")
    canvas.drawString(60, 695, "A table drawn over it")
    canvas.save()
    assert _overlaps(path.read_bytes()) != []


def _sheet_pdf(row_mm: float, size: float) -> bytes:
    """A landscape sheet: a dark header row over rows ``row_mm`` high in ``size`` pt."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4))
    width, height = landscape(A4)
    for number in range(2):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(57, height - 70, "ATT GÖRA" if number else "Innehåll ....... 2")
        top = height - 90
        canvas.setFillColorRGB(0.12, 0.3, 0.47)
        canvas.rect(57, top - 16, width - 114, 16, fill=1, stroke=0)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", size)
        canvas.drawString(60, top - 12, "Möjliga omgående åtgärder")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", size)
        y = top - 16
        for row in range(1, 11):
            canvas.drawString(60, y - size - 2, f"{row}.")
            y -= row_mm * MM
            canvas.line(57, y, width - 57, y)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_audit_sees_a_sheet_in_small_type_and_low_rows() -> None:
    found = audit(_sheet_pdf(10.0, 8.5), NORMAL, questions=True)
    kinds = {d.kind for d in found}
    assert {"small type on a sheet", "low writing row"} <= kinds
    assert audit(_sheet_pdf(13.0, 10.5), NORMAL, questions=True) == []


def test_the_audit_sees_a_question_continued_with_too_little() -> None:
    def draw(canvas: Any, number: int) -> None:
        canvas.setFont("Helvetica-Bold", 12.5)
        if number == 0:
            canvas.drawString(57, 842 - 70, "5. Vilka är våra målgrupper?")
            for k in range(22):
                canvas.line(57, 842 - 100 - 25.5 * k, 538, 842 - 100 - 25.5 * k)
        else:
            canvas.drawString(57, 842 - 70, "5. Vilka är våra målgrupper? (forts.)")
            for k in range(2):  # two lines carried over, then the next question
                canvas.line(57, 842 - 100 - 25.5 * k, 538, 842 - 100 - 25.5 * k)
            canvas.drawString(57, 842 - 180, "6. Hur når vi dem?")
            for k in range(20):
                canvas.line(57, 842 - 210 - 25.5 * k, 538, 842 - 210 - 25.5 * k)

    found = audit(_pdf(draw, pages=2), NORMAL, questions=True)
    assert [d.kind for d in found if d.page == 2] == ["continued with too little"]


def test_the_audit_sees_a_contents_entry_without_its_leader() -> None:
    def draw(canvas: Any, number: int, cramped: bool) -> None:
        for k in range(30):
            y = 762 - 14 * k
            if cramped and k == 7:
                # a title wrapped too late: its number right after it, one dot between
                canvas.drawRightString(535, y, "A long question of the plan, to the edge?.33")
                continue
            end = 535 - canvas.stringWidth("33", "Helvetica", 10.5)
            canvas.drawString(60, y, f"Chapter {k}")
            start = 60 + canvas.stringWidth(f"Chapter {k} ", "Helvetica", 10.5)
            canvas.drawRightString(end, y, "." * int((end - start) / 3.2))
            canvas.drawRightString(535, y, "33")

    found = audit(_pdf(lambda c, n: draw(c, n, True)), NORMAL)
    assert [d.kind for d in found] == ["contents entry without leader"]
    assert audit(_pdf(lambda c, n: draw(c, n, False)), NORMAL) == []
