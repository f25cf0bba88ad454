"""The workbook as a workshop writes on it, and reads back: sheets, rows, room to write.

The ATT GÖRA sheets give each field a column of its own, so that nothing typed in
them is told apart by a guess; each question leaves room enough to write by hand,
in rows and lines a pen fits in; and what klusterplan wrote itself is never taken
for something a person typed, after LibreOffice has saved the file too.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from click.testing import Result
from docx.oxml.ns import qn
from test_word_import import _docx, needs_libreoffice, through_libreoffice
from wordfill import add_row, open_word, save, table

import klusterplan
from klusterplan import Mode, Plan, build_document, read_word
from klusterplan._document.workbook import MORE_ROWS, OPEN_LINES, SHORT_LINES
from klusterplan._word.wordml import RULE_ROOM
from klusterplan.document import HAND_LINE_MM, Section, Table, WritingSpace

SHEETS = ("Möjliga omgående åtgärder", "Att göra: på längre sikt")


def _workbook(plan: Plan | None = None) -> klusterplan.document.Document:
    return build_document(plan or Plan(), mode=Mode.WORKBOOK)


def _sheets(tree: klusterplan.document.Document) -> list[Table]:
    return [
        b
        for s in tree.sections
        for b in s.blocks
        if isinstance(b, Table) and b.key.startswith("workbook-actions")
    ]


def _word_sheets(path: Path) -> Iterator[Any]:
    for t in docx.Document(str(path)).tables:
        if t.rows[0].cells[0].text in SHEETS:
            yield t


# -- the ATT GÖRA sheets ------------------------------------------------------------


@pytest.mark.parametrize("filled", [False, True], ids=["blank", "pre-filled"])
def test_sheets_a_and_b_share_their_columns(filled: bool, run: Callable[..., Result]) -> None:
    """Both sheets are sized by what gets written in them, not by their hints."""
    args = ["--from", "plan.yaml"] if filled else []
    if filled:
        Path("plan.yaml").write_text(klusterplan.dumps(klusterplan.example()), encoding="utf-8")
    result = run("workbook", "-o", "wb.docx", *args)
    assert result.exit_code == 0, result.output
    immediate, long_term = _sheets(_workbook(klusterplan.example() if filled else None))
    assert immediate.widths == long_term.widths
    assert immediate.headers[1:] == long_term.headers[1:]
    # the responsible person and the roles: columns of their own, the roles' rule in its header
    assert immediate.headers[3:] == ("Ansvarig", "Roller")
    grids = [
        [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]
        for t in _word_sheets(Path("wb.docx"))
    ]
    assert len(grids) == 2
    # the hints and the plan's actions differ in length, the columns do not: the three
    # of sentences alike, wider than the name's, in a blank and a filled workbook alike
    assert grids[0] == grids[1]
    assert grids[0][0] == grids[0][1] == grids[0][2] > grids[0][3]


@pytest.mark.parametrize("filled", [False, True], ids=["blank", "pre-filled"])
def test_every_sheet_is_whole_on_a_landscape_page_blank_or_filled(filled: bool) -> None:
    plan = klusterplan.example() if filled else Plan()
    sheets = _sheets(_workbook(plan))
    for sheet in sheets:
        assert sheet.landscape and sheet.keep_together
        # the last row is room to write: its number, across, and nothing else
        assert all(c == f"{len(sheet.rows)}." for c in sheet.rows[-1])
        # set as the questions are, in the body's type: a workshop reads it at arm's length
        assert sheet.type_role == "body"
    if filled:
        # the plan's actions and room for two more at least; set at the body's size, the
        # example's fill more than a landscape page: the rows left empty fill the next
        actions = [
            sum(a.horizon is h for a in plan.actions)
            for h in (klusterplan.Horizon.IMMEDIATE, klusterplan.Horizon.LONG_TERM)
        ]
        assert all(len(s.rows) >= n + MORE_ROWS for s, n in zip(sheets, actions, strict=True))
    else:
        assert [len(s.rows) for s in sheets] == [10, 10]
    # and so printed: each sheet on landscape pages, its last row on the last of them
    out = io.BytesIO()
    klusterplan.export(plan, "pdf", out, klusterplan.ExportOptions(workbook=True))
    reader = pypdf.PdfReader(out)
    for header, sheet in zip(SHEETS, sheets, strict=True):
        pages = [
            p
            for p in reader.pages
            if header in p.extract_text() and "Innehåll" not in p.extract_text()
        ]
        # whole on one page when it fits one, else over two, never a third
        assert len(pages) == (2 if len(sheet.rows) > 10 else 1), header
        assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in pages)
        assert f"{len(sheet.rows)}." in pages[-1].extract_text()


def _type(cell: Any, text: str) -> None:
    cell.paragraphs[0].add_run(text)


def test_lisa_is_never_a_guess(run: Callable[..., Result]) -> None:
    """What is typed in a column fills that column's field, brackets and all."""
    assert run("workbook", "-o", "wb.docx").exit_code == 0
    assert run("new", "plan.yaml").exit_code == 0
    word = docx.Document("wb.docx")
    sheet = next(t for t in word.tables if t.rows[0].cells[0].text == SHEETS[0])
    two, three = sheet.rows[2].cells, sheet.rows[3].cells
    _type(two[0], " Bokcirkel för nyanlända")
    _type(two[2], " Lisa (bibliotekarie, volontär)")
    _type(three[0], " Läxhjälp")
    _type(three[3], "Lisa")
    _type(three[4], "bibliotekarie, volontär")
    word.save("wb.docx")
    result = run("import", "wb.docx", "--into", "plan.yaml", "--lang", "sv")
    assert result.exit_code == 0, result.output
    circle, homework = klusterplan.load("plan.yaml").actions
    assert circle.what == "Bokcirkel för nyanlända"
    assert circle.communicative_consequence == "Lisa (bibliotekarie, volontär)"
    assert (circle.responsible, circle.roles) == ("", ())
    assert (homework.what, homework.responsible) == ("Läxhjälp", "Lisa")
    assert homework.roles == ("bibliotekarie", "volontär")
    # the one cell split, at the commas its header asks for, and the import says so
    output = " ".join(result.output.split())
    assert "”bibliotekarie, volontär” delades upp och lästes som roller" in output
    assert output.count("delades upp") == 1


def test_a_cell_of_two_fields_split_is_said(example: Plan, tmp_path: Path) -> None:
    """The plan's "Ansvar och roller" column shows two fields: a new row's cell is split, aloud."""
    word = open_word(_docx(example))
    add_row(
        table(word, "Nr", 1),
        ["", "Läsfrämjande på BVC", "", "", "Maria Lund (barnbibliotekarie)", "", "", ""],
    )
    result = read_word(save(word, tmp_path / "plan.docx"))
    added = result.plan.actions[-1]
    assert (added.responsible, added.roles) == ("Maria Lund", ("barnbibliotekarie",))
    (notice,) = result.notices
    assert "”Maria Lund (barnbibliotekarie)” was split and read as" in str(notice)
    assert "responsible ”Maria Lund”; roles ”barnbibliotekarie”" in str(notice)


# -- what klusterplan wrote is its own, after LibreOffice too -------------------------

PARTIAL = """\
schema_version: 1
library: {name: Norrby bibliotek}
actions:
  - {horizon: immediate, what: Skylta entrén, responsible: Lisa}
  - {horizon: immediate, what: Drop-in, communicative_consequence: Annonser, roles: [volontär]}
  - {horizon: long_term, what: Kvällsöppet, roles: [bibliotekschef, vaktmästare]}
"""


@needs_libreoffice
@pytest.mark.parametrize("workbook", [True, False], ids=["workbook", "plan"])
def test_nothing_klusterplan_wrote_stands_outside_after_libreoffice(
    workbook: bool, tmp_path: Path
) -> None:
    """Values left empty lose their marks in LibreOffice; the words around them stay ours."""
    plan = klusterplan.loads(PARTIAL)
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx(plan, workbook=workbook))
    result = read_word(through_libreoffice(path))
    assert result.notices == ()
    assert result.plan == plan


# -- room to write ----------------------------------------------------------------------


def _room(section: Section) -> list[WritingSpace]:
    return [b for b in section.blocks if isinstance(b, WritingSpace)]


def test_every_open_question_has_six_lines_and_is_kept_together() -> None:
    tree = _workbook()
    for section in tree.sections:
        spaces = _room(section)
        tables = [b for b in section.blocks if isinstance(b, Table) and b.row_lines]
        # every question with room to write, the campaign's of six steps too: a format
        # keeps it whole, or goes on over the page where it must (the PDF: its title repeated)
        sheet = any(isinstance(b, Table) and b.landscape for b in section.blocks)
        room = bool(spaces or tables or _figure_room(section))
        assert section.keep_together == (room and not sheet), section.title
        for space in spaces:
            # a value of a few words two lines, a question to discuss at least six
            assert space.lines >= OPEN_LINES or space.lines == SHORT_LINES, (section.title, space)
        if spaces:
            assert sum(s.lines for s in spaces) >= OPEN_LINES, section.title
        for t in tables:
            assert t.row_lines >= 1


def _figure_room(section: Section) -> bool:
    return any(getattr(b, "write_in", 0) for b in section.blocks)


def test_rows_and_lines_are_nine_millimetres_in_word(tmp_path: Path) -> None:
    """Word's rows to write in and ruled lines are as tall as the tree asks: 9 mm."""
    assert HAND_LINE_MM >= 9
    twips = round(HAND_LINE_MM / 25.4 * 1440)
    path = tmp_path / "wb.docx"
    path.write_bytes(_docx(Plan(), workbook=True))
    word = docx.Document(str(path))
    heights = [
        int(h.get(qn("w:val")))
        for t in word.tables
        for r in t.rows[1:]
        for h in r._tr.iter(qn("w:trHeight"))
    ]
    assert heights and min(heights) >= twips
    spacings = [
        int(s.get(qn("w:line")))
        for p in word.paragraphs
        for s in p._p.iter(qn("w:spacing"))
        # the ruled lines, each a paragraph ruled under (a spacer after a table is not one)
        if s.get(qn("w:lineRule")) == "exact"
        and next(p._p.iter(qn("w:pBdr")), None) is not None
        # (the cover's document information in its frame is ruled over, not a line to write on)
        and next(p._p.iter(qn("w:framePr")), None) is None
    ]
    # a ruled line's rule and the space over it make up the rest: 9 mm apart on paper
    assert spacings and min(spacings) + RULE_ROOM >= twips
    # a row python-docx sees for each of the seed's ten writing rows, in both sheets
    assert [len(t.rows) for t in _word_sheets(path)] == [11, 11]


@needs_libreoffice
def test_an_earlier_workbook_saved_in_libreoffice_reads_without_notices(tmp_path: Path) -> None:
    """The version before wrote "1. what (who, roles)" in one cell: those words are its own."""
    earlier = Path(__file__).parent / "earlier_versions" / "workbook-with-content-controls.docx"
    copy = tmp_path / earlier.name
    copy.write_bytes(earlier.read_bytes())
    result = read_word(through_libreoffice(copy))
    assert result.notices == ()
    assert result.plan == result.base


def test_a_kept_question_keeps_its_paragraphs_with_the_next_in_word(tmp_path: Path) -> None:
    """Word keeps a question's paragraphs with the next, all but its last: it moves whole."""
    path = tmp_path / "wb.docx"
    path.write_bytes(_docx(Plan(), workbook=True))
    # point 6: weaknesses today and strengths tomorrow, each a prompt and its lines
    title = next(s.title for s in _workbook().sections if s.title.startswith("6. "))
    paragraphs = docx.Document(str(path)).paragraphs
    heading = max(k for k, p in enumerate(paragraphs) if p.text == title)
    after = paragraphs[heading + 1 :]
    end = next(
        k for k, p in enumerate(after) if p.style and str(p.style.name).startswith("Heading")
    )
    question = after[: 2 * (1 + OPEN_LINES)]
    kept = [p._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in question]
    assert kept == [True] * (len(question) - 1) + [False]
    # after it, where the next question starts the next page, only lines for notes
    assert all(not p.text for p in after[len(question) : end])


def _is_ruled_line(element: Any) -> bool:
    """Whether ``element`` is a line to write on: a paragraph ruled under, at an exact height."""
    if element.tag != qn("w:p"):
        return False
    ppr = element.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    border = ppr.find(qn("w:pBdr")) if ppr is not None else None
    return (
        border is not None
        and border.find(qn("w:between")) is not None
        and spacing is not None
        and spacing.get(qn("w:lineRule")) == "exact"
    )


def _promptless(tree: klusterplan.document.Document) -> int:
    """How many of the tree's lines to write on follow a table, no prompt: the PDF's too."""
    return sum(
        1
        for s in tree.sections
        for k, b in enumerate(s.blocks)
        if isinstance(b, WritingSpace)
        and not b.prompt
        and k > 0
        and isinstance(s.blocks[k - 1], Table)
    )


@pytest.mark.parametrize("filled", [False, True])
def test_word_lines_to_write_on_stand_under_their_prompt(tmp_path: Path, filled: bool) -> None:
    """No lines of Word's own at a page's foot, under a table or a figure's caption.

    Word adds lines only where they go on from a question's lines, under its prompt;
    lines the document itself sets after a table (room for one more row) the PDF has too.
    """
    from click.testing import CliRunner

    from klusterplan.cli import main

    runner = CliRunner()
    plan, path = tmp_path / "plan.yaml", tmp_path / "wb.docx"
    assert runner.invoke(main, ["new", "--example", str(plan)]).exit_code == 0
    extra = ["--from", str(plan)] if filled else []
    result = runner.invoke(main, ["workbook", "-o", str(path), *extra])
    assert result.exit_code == 0, result.output
    body = list(docx.Document(str(path)).element.body)
    runs, alone = 0, []
    for before, element in itertools.pairwise(body):
        if not _is_ruled_line(element) or _is_ruled_line(before):
            continue
        runs += 1
        # the first line of a run: under a prompt, or the plan's answer to it
        text = "".join(t.text or "" for t in before.iter(qn("w:t")))
        italic = [
            r for r in before.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None
        ]
        if before.tag != qn("w:p") or not text.strip() or italic:
            alone.append(text)
    assert runs >= 10
    tree = _workbook(klusterplan.example() if filled else None)
    assert len(alone) <= _promptless(tree), alone
