"""The pre-filled workbook keeps every bit of the blank's room to write (issue 19)."""

from __future__ import annotations

from pathlib import Path

import docx

from klusterplan import ExportOptions, Mode, Plan, build_document, export
from klusterplan._document import design as _design
from klusterplan._document.metrics import CELL_PADDING, text_width
from klusterplan.document import Document, Staircase, Table, sheet_role


def _staircases(plan: Plan) -> list[Staircase]:
    tree = build_document(plan, mode=Mode.WORKBOOK)
    return [b for s in tree.sections for b in s.blocks if isinstance(b, Staircase)]


def test_every_step_of_the_filled_staircase_keeps_the_blanks_room(example: Plan) -> None:
    (blank,) = _staircases(Plan())
    filled = [s for s in _staircases(example) if any(s.groups)]
    assert blank.write_in and filled
    assert all(s.write_in >= blank.write_in for s in filled)


def test_the_filled_staircase_has_ruled_lines_under_every_step_in_word(
    example: Plan, tmp_path: Path
) -> None:
    out = tmp_path / "wb.docx"
    export(example, "docx", out, ExportOptions(workbook=True))
    steps = [s.id for s in example.staircase]
    for table in docx.Document(str(out)).tables:
        cells = {c._tc: c for row in table.rows for c in row.cells if c.text.strip()}
        if len(cells) != len(steps) or len(table.columns) != len(steps):
            continue
        for cell in cells.values():
            lines = [p for p in cell.paragraphs if not p.text and "w:pBdr" in p._p.xml]
            assert len(lines) >= 2, cell.text
        return
    raise AssertionError("no staircase in the workbook")


def _paragraphs(plan: Plan, out: Path) -> list[str]:
    export(plan, "docx", out, ExportOptions(workbook=True))
    return [p.text.strip() for p in docx.Document(str(out)).paragraphs]


def test_the_values_sheet_keeps_both_prompts_of_the_blank(example: Plan, tmp_path: Path) -> None:
    def sheet(plan: Plan) -> list[str]:
        texts = _paragraphs(plan, tmp_path / "wb.docx")
        start = texts.index("Våra kärnvärden och löfte")
        return texts[start : start + 20]

    assert "Kärnvärden" in sheet(Plan())
    filled = sheet(example)
    assert "Kärnvärden" in filled
    assert any(t.startswith("Löfte") for t in filled)
    assert example.values.words[0].word in filled


def _wrapped(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _action_sheets(tree: Document) -> list[Table]:
    """The workbook's ATT GÖRA sheets, immediate and longer-term."""
    return [
        b
        for s in tree.sections
        for b in s.blocks
        if isinstance(b, Table) and b.key.startswith("workbook-actions")
    ]


def test_no_filled_cell_of_an_action_sheet_holds_one_word_a_line(example: Plan) -> None:
    # (in large print the example's longest words alone overfill the page's width)
    large_print = False
    tree = build_document(example, mode=Mode.WORKBOOK, large_print=large_print)
    sheets = _action_sheets(tree)
    assert len(sheets) == 2
    for sheet in sheets:
        size = _design.size(sheet_role(len(sheet.headers), 1, True), large_print)
        total = _design.text_width(True)
        for row in sheet.rows:
            for column, (text, share) in enumerate(zip(row, sheet.widths, strict=True)):
                room = total * share / sum(sheet.widths) - CELL_PADDING - 2
                lines = _wrapped(text, room, size)
                if len(lines) < 2:
                    continue
                # a name: every line holds two words or more, the last aside, or ends
                # an item; a sentence: never one word a line
                alone = [w for w in lines[:-1] if " " not in w and not w.endswith(",")]
                assert not alone if column >= 3 else len(lines) < len(text.split()), lines


def test_every_row_of_a_blank_action_sheet_is_left_to_write_on() -> None:
    tree = build_document(Plan(), mode=Mode.WORKBOOK)
    sheets = _action_sheets(tree)
    assert len(sheets) == 2
    for sheet in sheets:
        # no example prompt ("för X direkt") takes the first row, no typing rule the header
        assert all(row == (f"{n}.",) * len(row) for n, row in enumerate(sheet.rows, 1))
        assert "komma" not in " ".join(sheet.headers)
