"""The cluster summary as its board reads it, made through ``klusterplan summary``.

A regional board reads what the plans lack in plain words: no rule codes, no
commands, no field paths (those stay in what the command prints and in its
JSON). Its tables read as a budget does: counts and amounts stand at the
right, a budget not set says so, and no short label, amount or name breaks
across lines. Each is measured on the printed pages: the PDF as klusterplan
writes it and the Word file as LibreOffice lays it out.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx.oxml.ns import qn
from libreoffice import printed
from page_audit import LARGE, NORMAL, Line, Page, audit, read_pages
from pypdf import PdfReader

from klusterplan import testing

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "cluster"
TODAY = "2011-03-01"
Run = Callable[..., Result]
NBSP = "\u00a0"

#: What is meant for whoever runs the tool: rule codes, commands, ids and field paths.
TOOL_WORDS = re.compile(
    r"\bKP\d{2,}|klusterplan |\bid:(t|na|n)\b|\bids?\b|[a-z_]+\[\d+\]|\.yaml\b|--\w",
    re.IGNORECASE,
)
#: Labels, amounts and names a reader takes in at a glance: never broken across lines.
SHORT = (
    "inget resultat",
    "ännu inte",
    "inget mål",
    "ej satt",
    "Dagar sen",
    "kampanj 1",
    "kampanj 2",
    "kampanj 3",
    "på längre sikt",
    "Björkeryds bibliotek",
    "Ekhamns bibliotek",
    "Lövsjö bibliotek",
    "Sjöby bibliotek",
    "Stenviks bibliotek",
)
AMOUNT = re.compile(r"^\d{1,3}( \d{3})* kr$|^ej satt$")


def _summary(run: Run, name: str, *options: str) -> Path:
    result = run("summary", str(EXAMPLES), "-o", name, "--today", TODAY, *options)
    assert result.exit_code == 0, result.output
    return Path(name)


def _word_text(path: Path) -> str:
    document = testing.open_word(path)
    cells = (c.text for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def _word_as_printed(path: Path, folder: Path) -> bytes:
    return printed(path, folder)


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_board_reads_no_codes_or_commands(run: Run, lang: str) -> None:
    texts = {}
    pdf = PdfReader(_summary(run, "s.pdf", "--lang", lang))
    texts["pdf"] = "\n".join(page.extract_text() for page in pdf.pages)
    texts["docx"] = _word_text(_summary(run, "s.docx", "--lang", lang))
    for fmt, suffix in (("html", ".html"), ("markdown", ".md")):
        texts[fmt] = _summary(run, f"s{suffix}", "--lang", lang).read_text(encoding="utf-8")
    texts["html"] = re.sub(r"<[^>]*>", " ", texts["html"].split("<body", 1)[1])
    for fmt, text in texts.items():
        found = sorted({m.group(0) for m in TOOL_WORDS.finditer(_plain(text))})
        assert found == [], fmt
    # what the plans lack is still there, in the rules' own words
    lacks = "what the plan does not yet do" if lang == "en" else "uppfyller planen ännu inte"
    assert all(lacks in _plain(text) for text in texts.values())
    # groups the plans name alike are noted on one line, not one line each
    one = "In one plan only:" if lang == "en" else "Finns bara i en plan:"
    markdown = _plain(texts["markdown"])
    assert markdown.count(one) == 1
    assert "(Lövsjö bibliotek), " in markdown.split(one)[1].split("\n")[0]
    # whoever scripts the summary still gets the codes, in its JSON
    data = json.loads(run("summary", str(EXAMPLES), "--today", TODAY).output)
    sjoby = next(lib for lib in data["libraries"] if lib["name"] == "Sjöby bibliotek")
    assert sjoby["checks"]["codes"]["KP201"] == 1 and "KP201" in data["rules"]


def test_the_summary_opens_with_a_text_composed_from_its_numbers(run: Run) -> None:
    text = _plain(_summary(run, "s.md").read_text(encoding="utf-8"))
    who, standing_out = text.split("## Sammanfattning\n\n", 1)[1].split("\n\n")[:2]
    assert who == (
        "Kluster Sydost samlar 5 bibliotek: Björkeryds bibliotek, Ekhamns bibliotek, Lövsjö "
        "bibliotek, Sjöby bibliotek och Stenviks bibliotek. Sammanställningen bygger på 5 av 5 "
        "bibliotekens planer. Planerna gäller 2010–2011, och läget är det den 2011-03-01."
    )
    # the group most libraries chose is also the one the most votes went to; the library
    # with the most late items is the one with three of the nine
    assert standing_out == (
        "Flest bibliotek prioriterar Den kommunplacerade flyktingen (5 av 5). Den gruppen fick "
        "också flest röster: 35 av 189. Av 43 åtgärder och aktiviteter är 10 klara och 9 "
        "försenade. Flest försenade har Stenviks bibliotek (3 av 9). Mest stöd behöver Sjöby "
        "bibliotek: planen har 8 uppgifter att komplettera eller rätta. Sjöby bibliotek har "
        "ännu ingen budget för kommunikationsplanen."
    )
    english = _plain(_summary(run, "e.md", "--lang", "en").read_text(encoding="utf-8"))
    assert "Sjöby bibliotek needs help most: its plan has 8 things to add or correct." in english
    # what the plans lack, in a board's words in the fields too: not checking's "errors"
    assert "Needs help:** Sjöby bibliotek (8 things to add or correct)" in english
    assert "errors" not in english.split("## The libraries")[0]
    assert "That group also has the most votes: 35 of 189." in english
    assert "Stenviks bibliotek has the most that are late (3 of 9)." in english


def test_the_cover_says_what_a_municipal_report_says(run: Run) -> None:
    """Type, status, audience, the day made and whom to ask, in the PDF and in Word alike."""
    wanted = [
        "Kommuner",
        "Björkeryds kommun, Ekhamns kommun",
        "Lägesrapport",
        "Underlag, inte fastställt",
        "Klustrets styrgrupp och biblioteken",
        "Upprättad",
        "Maria Lindahl (Björkeryds bibliotek)",
    ]
    pdf = read_pages(_summary(run, "s.pdf").read_bytes())[0]
    said = _plain(" ".join(line.text for line in pdf.lines))
    assert [w for w in wanted if w not in said] == []
    word = _plain(_word_text(_summary(run, "s.docx")))
    assert [w for w in wanted if w not in word] == []


def test_a_budget_not_set_is_said_in_every_format(run: Run) -> None:
    note = "Sjöby bibliotek har ännu ingen budget för kommunikationsplanen."
    markdown = _plain(_summary(run, "s.md").read_text(encoding="utf-8"))
    assert "| Sjöby bibliotek | 4 | 2 | 3 | 0 | ej satt |" in markdown and note in markdown
    word = _plain(_word_text(_summary(run, "s.docx")))
    assert note in word
    row = next(
        [_plain(c.text) for c in r.cells]
        for t in testing.open_word(Path("s.docx")).tables
        for r in t.rows
        if r.cells[0].text.startswith("Sjöby")
    )
    assert row[-1] == "ej satt"
    html = _plain(_summary(run, "s.html").read_text(encoding="utf-8"))
    assert "ej satt" in html and note in html


def _budget_column(pages: list[Page]) -> list[Line]:
    """The header and the cells of the libraries' budget column, from the page that holds it."""
    page = next(p for p in pages if any(_plain(line.text) == "Biblioteken" for line in p.lines))
    header = next(line for line in page.lines if line.text == "Budget")
    below = [line for line in page.lines if header.top < line.top < header.top + 120]
    return [header, *(line for line in below if AMOUNT.match(_plain(line.text)))]


def _count_columns(pages: list[Page]) -> list[list[Line]]:
    """Each column of counts in the table of rule findings: its header, then its cells."""
    page = next(p for p in pages if any(line.text == "Varningar" for line in p.lines))
    columns = []
    for name in ("Fel", "Varningar", "Råd"):
        header = next(line for line in page.lines if line.text == name)
        cells = [
            line
            for line in page.lines
            if header.top < line.top < header.top + 120
            and line.x0 < header.x1
            and header.x0 < line.x1
            and line.text.isdigit()
        ]
        columns.append([header, *cells])
    return columns


def _right_aligned(column: list[Line]) -> None:
    header, *cells = column
    assert len(cells) >= 5, [c.text for c in column]
    edges = [round(c.x1, 1) for c in column]
    assert max(edges) - min(edges) < 1.5, [(c.text, c.x1) for c in column]
    # at the right, not merely lined up: the widest cell is narrower than the column
    assert min(c.x0 for c in cells) > header.x1 - 80


def _check_printed(pages: list[Page], data: bytes) -> None:
    _right_aligned(_budget_column(pages))
    for column in _count_columns(pages):
        _right_aligned(column)
    # over the narrow columns of marks of the target groups, a library's name breaks
    # between its words as a column's header does (so the table fits a portrait page);
    # in a cell or a sentence it stays whole
    matrix = max(
        p.number for p in pages if any(_plain(ln.text) == "Målgrupper i klustret" for ln in p.lines)
    )
    headers = {f"{name.split()[0]} | bibliotek" for name in SHORT if name.endswith(" bibliotek")}
    broken = [
        str(d)
        for d in audit(data, NORMAL, SHORT)
        if d.kind == "broken value" and not (d.page == matrix and d.detail.strip("'") in headers)
    ]
    assert broken == []
    # the same names in a cell, and in the sentences about them, are whole
    assert (
        sum(_plain(line.text).startswith("Björkeryds bibliotek") for p in pages for line in p.lines)
        >= 3
    )
    # each short label stands whole on one line wherever it is printed
    lines = [_plain(line.text) for page in pages for line in page.lines]
    for label in ("inget resultat", "ej satt", "Dagar sen", "kampanj 1"):
        assert any(label in line for line in lines), label


def test_pdf_amounts_stand_right_and_labels_stay_whole(run: Run) -> None:
    data = _summary(run, "s.pdf").read_bytes()
    _check_printed(read_pages(data), data)


def test_word_amounts_stand_right_and_labels_stay_whole(run: Run, tmp_path: Path) -> None:
    path = _summary(run, "s.docx")
    data = _word_as_printed(path, tmp_path / "lo")
    _check_printed(read_pages(data), data)
    # the contents printed as it is shows the pages LibreOffice puts the headings on
    word = testing.open_word(path)
    cached = []
    for paragraph in word.paragraphs:
        codes = [t.text or "" for t in paragraph._p.iter(qn("w:instrText"))]
        if any("PAGEREF" in c for c in codes):
            texts = [t.text or "" for t in paragraph._p.iter(qn("w:t"))]
            cached.append((_plain("".join(texts[:-1]).strip()), int(texts[-1])))
    reader = PdfReader(io.BytesIO(data))
    printed = {
        _plain((item.title or "").strip()): (reader.get_destination_page_number(item) or 0) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert len(cached) >= 9
    off = [(t, n, printed.get(t)) for t, n in cached if t in printed and printed[t] != n]
    assert off == []
    assert {t for t, _ in cached if t in printed} >= {"Sammanfattning", "Det som saknas i planerna"}


def test_large_print_tables_become_records_not_broken_words(run: Run) -> None:
    """At 16 pt a table too wide for the page is one record a row, as in a plan."""
    data = _summary(run, "s.pdf", "--large-print").read_bytes()
    assert [str(d) for d in audit(data, LARGE, SHORT)] == []
    text = _plain("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    assert "Bibliotek: Sjöby bibliotek" in text and "Budget: ej satt" in text


def test_the_audit_finds_a_label_broken_in_a_cell() -> None:
    """The audit these tests lean on sees ``inget`` / ``resultat`` in a narrow cell."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 9)
    top = A4[1] - 200
    canvas.drawString(400, top, "inget")
    canvas.drawString(400, top - 11, "resultat")
    canvas.save()
    kinds = [d.kind for d in audit(out.getvalue(), NORMAL, SHORT)]
    assert "broken value" in kinds


def test_word_keeps_the_checks_table_with_the_list_it_leads_to(run: Run) -> None:
    """The table of what the plans lack moves with the first library's list, never apart."""
    from docx import Document as open_docx

    word = open_docx(str(_summary(run, "s.docx")))
    table = next(t for t in word.tables if t.rows[0].cells[1].text.strip() == "Fel")
    paragraphs = [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert paragraphs and all(
        p._p.pPr is not None and p._p.pPr.find(qn("w:keepNext")) is not None for p in paragraphs
    )
