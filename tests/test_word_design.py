"""The Word file as it is printed: contents with page numbers, a native chart, the branding.

The command writes the example plan; LibreOffice lays the Word file out and
prints it to PDF, and what the PDF shows is checked against what the file
holds: each contents entry's page against the page LibreOffice puts its
heading on, the chart's names as text LibreOffice drew.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from libreoffice import printed as printed_pdf
from libreoffice import soffice
from lxml import etree

import klusterplan
from klusterplan import ExportOptions, testing
from klusterplan.cli import main
from klusterplan.exporters._chart import axis_ticks

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _export(plan: klusterplan.Plan, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, "docx", out, ExportOptions(**options))
    return out.getvalue()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, bytes]]:
    """The example plan written by the command, in normal and large print, and LibreOffice's PDF.

    ``kalmar`` is the plan of a municipality whose branding (the Kalmar plugin) gives a
    logo: the running logo at the top of every page leaves less room for the text.
    """
    soffice()
    folder = tmp_path_factory.mktemp("design")
    plan = folder / "plan.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["new", "--example", str(plan)]).exit_code == 0
    kalmar = folder / "kalmar.yaml"
    kalmar.write_text(
        plan.read_text(encoding="utf-8").replace("Byköpings kommun", "Kalmar kommun"),
        encoding="utf-8",
    )
    files = {}
    for name, source, extra in (
        ("normal", plan, []),
        ("large", plan, ["--large-print"]),
        ("kalmar", kalmar, []),
    ):
        out = folder / name
        out.mkdir()
        result = runner.invoke(
            main, ["export", str(source), "--to", "docx", "-o", f"{out}/", *extra]
        )
        assert result.exit_code == 0, result.output
        files[name] = out / f"{source.stem}.docx"
    return {
        name: (path.read_bytes(), printed_pdf(path, folder / "pdf" / name))
        for name, path in files.items()
    }


def _cached_contents(data: bytes) -> list[tuple[str, int]]:
    """Each contents entry's title and the page number the file holds for it."""
    word = testing.open_word(data)
    entries = []
    for paragraph in word.paragraphs:
        codes = [t.text or "" for t in paragraph._p.iter(qn("w:instrText"))]
        if any("PAGEREF" in c for c in codes):
            # (a no-break hyphen is a "-" of the text, as python-docx reads it)
            texts = [
                "-" if t.tag == qn("w:noBreakHyphen") else t.text or ""
                for t in paragraph._p.iter(qn("w:t"), qn("w:noBreakHyphen"))
            ]
            entries.append(("".join(texts[:-1]).strip(), int(texts[-1])))
    return entries


def _outline(pdf: bytes) -> list[tuple[str, int]]:
    """The headings LibreOffice put in its PDF's outline, with their pages."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None, item.title
                # (LibreOffice names a no-break hyphen by its own character)
                found.append((item.title.strip().replace("\u2011", "-"), page + 1))

    walk(reader.outline)
    return found


@pytest.mark.parametrize("name", ["normal", "large", "kalmar"])
def test_contents_pages_are_where_libreoffice_puts_the_headings(
    printed: dict[str, tuple[bytes, bytes]], name: str
) -> None:
    data, pdf = printed[name]
    entries = _cached_contents(data)
    plan = klusterplan.example()
    assert len(entries) >= len(plan.target_groups) + 8
    assert _pages_off(entries, pdf) == []


def _pages_off(entries: list[tuple[str, int]], pdf: bytes) -> list[tuple[str, int, int]]:
    """The contents' entries whose page is not where LibreOffice puts their heading."""
    outline = _outline(pdf)
    position, off = 0, []
    for title, cached in entries:
        # headings in order: the next one of that title in the outline
        while position < len(outline) and outline[position][0] != title:
            position += 1
        assert position < len(outline), f"{title!r} is not among LibreOffice's headings"
        if outline[position][1] != cached:
            off.append((title, cached, outline[position][1]))
    return off


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, bytes]]:
    """The workbook written by the command, blank and filled in from the example plan, and
    LibreOffice's PDF of each."""
    soffice()
    folder = tmp_path_factory.mktemp("workbooks")
    plan = folder / "plan.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["new", "--example", str(plan)]).exit_code == 0
    files = {}
    for name, extra in (("blank", []), ("filled", ["--from", str(plan)])):
        path = folder / f"{name}.docx"
        result = runner.invoke(main, ["workbook", "-o", str(path), *extra])
        assert result.exit_code == 0, result.output
        files[name] = path
    return {
        name: (path.read_bytes(), printed_pdf(path, folder / "pdf" / name))
        for name, path in files.items()
    }


@pytest.mark.parametrize("name", ["blank", "filled"])
def test_workbook_contents_pages_are_where_libreoffice_puts_the_headings(
    workbooks: dict[str, tuple[bytes, bytes]], name: str
) -> None:
    # the filled workbook's ATT GÖRA sheets run over two landscape pages each
    data, pdf = workbooks[name]
    entries = _cached_contents(data)
    assert len(entries) >= 30
    assert _pages_off(entries, pdf) == []


def test_contents_is_still_a_field_word_updates() -> None:
    word = testing.open_word(_export(klusterplan.example()))
    codes = [t.text or "" for t in word.element.body.iter(qn("w:instrText"))]
    assert sum(c.strip().startswith("TOC") for c in codes) == 1
    refs = [c.split()[1] for c in codes if c.strip().startswith("PAGEREF")]
    names = {b.get(qn("w:name")) for b in word.element.body.iter(qn("w:bookmarkStart"))}
    assert refs and set(refs) <= names
    # no request to update fields on opening: that would ask the reader in a dialog
    settings = word.settings.element
    assert settings.find(qn("w:updateFields")) is None


def _chart_parts(data: bytes) -> tuple[Any, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        charts = [n for n in names if n.startswith("word/charts/chart")]
        workbooks = [n for n in names if n.startswith("word/embeddings/")]
        assert len(charts) == 1 and len(workbooks) == 1
        assert not [n for n in names if n.startswith("word/media/")]
        return etree.fromstring(archive.read(charts[0])), archive.read(workbooks[0])


def test_chart_is_a_native_chart_with_the_votes() -> None:
    plan = klusterplan.example()
    data = _export(plan)
    chart, workbook = _chart_parts(data)
    assert chart.find(f".//{C}barDir").get("val") == "bar"
    names = [v.text for v in chart.iterfind(f".//{C}cat//{C}pt/{C}v")]
    votes = [int(v.text) for v in chart.iterfind(f".//{C}val//{C}pt/{C}v")]
    voted = [g for g in plan.target_groups if g.votes is not None]
    assert names == [g.name for g in voted]
    assert votes == [g.votes for g in voted]
    ticks = axis_ticks(votes)
    assert float(chart.find(f".//{C}valAx/{C}scaling/{C}max").get("val")) == ticks[-1]
    assert float(chart.find(f".//{C}valAx/{C}majorUnit").get("val")) == ticks[1] - ticks[0]
    assert chart.find(f".//{C}dLbls/{C}showVal").get("val") == "1"
    fill = chart.find(f".//{C}ser/{C}spPr").find(
        ".//{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr"
    )
    assert fill.get("val") == "1F4E79"
    # the officer edits the numbers in the embedded workbook
    with zipfile.ZipFile(io.BytesIO(workbook)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert all(g.name in sheet for g in voted)
    # the main part draws it inline, with its text alternative, and a caption under it
    word = testing.open_word(data)
    frames = list(word.element.body.iter(qn("wp:inline")))
    assert len(frames) == 1
    assert "Den oerfarne: 8" in frames[0].find(qn("wp:docPr")).get("descr")
    paragraphs = [p.text for p in word.paragraphs]
    at = next(
        i for i, p in enumerate(word.paragraphs) if p._p.find(".//" + qn("w:drawing")) is not None
    )
    assert paragraphs[at + 1] == "Röster på dialogforum"


@pytest.mark.parametrize("name", ["normal", "large"])
def test_libreoffice_draws_every_name_of_the_chart_whole(
    printed: dict[str, tuple[bytes, bytes]], name: str
) -> None:
    import pdfplumber

    _, pdf = printed[name]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        lines = {
            line.strip()
            for page in document.pages
            for line in (page.extract_text() or "").splitlines()
        }
    for group in klusterplan.example().target_groups:
        # a bar's line: the group's whole name, then the number at the bar's end
        assert f"{group.name} {group.votes}" in lines, group.name


def test_branding_colour_and_logo_sit_as_in_the_pdf() -> None:
    plan = klusterplan.example()
    kalmar = attrs.evolve(plan, library=attrs.evolve(plan.library, municipality="Kalmar kommun"))
    word = testing.open_word(_export(kalmar))
    from klusterplan_kalmar.branding import _GREEN

    footer = word.sections[0].footer._element
    rule = footer.find(".//" + qn("w:pBdr")).find(qn("w:top"))
    assert rule.get(qn("w:color")) == _GREEN.lstrip("#").upper()
    header = word.sections[0].header
    logo = next(p for p in header.paragraphs if p._p.find(".//" + qn("w:drawing")) is not None)
    assert logo.alignment is not None and logo.alignment.name == "RIGHT"


def test_house_footer_rule_is_the_house_accent() -> None:
    word = testing.open_word(_export(klusterplan.example()))
    rule = word.sections[0].footer._element.find(".//" + qn("w:pBdr")).find(qn("w:top"))
    assert rule.get(qn("w:color")) == "C55A11"


def test_workbook_has_room_to_write_by_hand(tmp_path: Any) -> None:
    path = tmp_path / "workbook.docx"
    result = CliRunner().invoke(main, ["workbook", "-o", str(path)])
    assert result.exit_code == 0, result.output
    word = testing.open_word(path.read_bytes())
    body = word.element.body
    # every row to write in is 9 mm high at least (510 twips)
    heights = [int(h.get(qn("w:val"))) for h in body.iter(qn("w:trHeight"))]
    assert heights and min(heights) >= 510
    # six ruled lines at least under each open question
    runs, count = [], 0
    for paragraph in word.paragraphs:
        ppr = paragraph._p.find(qn("w:pPr"))
        ruled = ppr is not None and ppr.find(f"{qn('w:pBdr')}/{qn('w:between')}") is not None
        if ruled:
            count += 1
        elif count:
            runs.append(count)
            count = 0
    open_questions = [n for n in runs if n >= 3]
    assert open_questions and min(open_questions) >= 6
    # the ATT GÖRA sheets A and B have the same columns, as wide in both
    sheets = [
        t for t in word.tables if len(t.columns) >= 3 and "konsekvenser" in t.rows[0].cells[1].text
    ]
    assert len(sheets) >= 2
    grids = [[int(g.get(qn("w:w"))) for g in t._tbl.iter(qn("w:gridCol"))] for t in sheets]
    assert grids[0] == grids[1]


def _paragraphs(data: bytes) -> list[Any]:
    """Every paragraph of the body, in tables too, as python-docx reads them."""
    import docx

    document = docx.Document(io.BytesIO(data))
    out = list(document.paragraphs)
    for table in document.tables:
        out += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return out


def test_a_hyphenated_word_never_breaks_at_its_hyphen_and_reads_whole(tmp_path: Any) -> None:
    # Word's no-break hyphen: LibreOffice and Word break "IT-ansvarig" no more than the PDF
    data = _export(klusterplan.example())
    texts = [p.text for p in _paragraphs(data)]
    assert any("IT-ansvarig" in t for t in texts)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert body.count("<w:noBreakHyphen/>") > 20
    assert "IT-ansvarig" not in body  # (every hyphen inside a word is Word's no-break hyphen)
    # Word import reads the text as it was written: the same plan, nothing changed
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    result = klusterplan.read_word(path)
    assert not result.changes and not result.notices
    assert result.plan == klusterplan.example()


def test_the_staircase_and_the_centre_matrix_have_captions_under_them() -> None:
    from klusterplan.document import Matrix, Staircase

    data = _export(klusterplan.example())
    document = klusterplan.build_document(klusterplan.example())
    titles = [
        b.title for s in document.sections for b in s.blocks if isinstance(b, Staircase | Matrix)
    ]
    assert len(titles) == 2
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    for title in titles:
        table = next(
            t
            for t in body.iter(qn("w:tbl"))
            if t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None
            and t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}").get(qn("w:val")) == title
        )
        caption = table.getnext()
        assert "".join(caption.itertext()) == title
        assert caption.find(f".//{qn('w:i')}") is not None
        # the figure keeps with its caption: every row's paragraphs keep with the next
        last_row = table.findall(qn("w:tr"))[-1]
        assert all(p.find(f".//{qn('w:keepNext')}") is not None for p in last_row.iter(qn("w:p")))


def test_a_short_table_stays_whole_and_a_record_splits_only_between_three_fields() -> None:
    data = _export(klusterplan.example())
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    groups = next(t for t in body.iter(qn("w:tbl")) if "Röster" in "".join(t.itertext()))
    rows = groups.findall(qn("w:tr"))
    kept = [r.find(f".//{qn('w:keepNext')}") is not None for r in rows]
    assert len(rows) > 5 and all(kept[:-1]) and not kept[-1]
    # large print: an action card keeps its first three fields and its last three together,
    # each field whole
    large = _export(klusterplan.example(), large_print=True)
    paragraphs = _paragraphs(large)
    start = next(k for k, p in enumerate(paragraphs) if p.text.startswith("Nr: 1"))
    card = paragraphs[start : start + 8]
    keeps = [p.paragraph_format.keep_with_next is True for p in card]
    assert keeps == [True, True, False, False, False, True, True, False]
    assert all(p.paragraph_format.keep_together for p in card)
    # a survey of four fields is kept whole
    start = next(k for k, p in enumerate(paragraphs) if p.text.startswith("Genomförs av:"))
    survey = [p.paragraph_format.keep_with_next is True for p in paragraphs[start : start + 4]]
    assert survey == [True, True, True, False]
    # a persona's closing field keeps with nothing: no chain to the next persona's page
    lessons = [p for p in paragraphs if p.text.startswith("Lärdomar:")]
    assert lessons and not any(p.paragraph_format.keep_with_next for p in lessons)
