"""The figures of the PDF export: the chart, the staircase and the centre matrix.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any, Protocol

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from .._document.metrics import staircase_columns
from ..document import Chart, Document, Matrix, Staircase
from ..document import Table as TableBlock
from ._pdf_bars import bars
from ._pdf_flow import together
from ._pdf_flowables import _RuledLines
from ._pdf_fonts import Fonts
from ._pdf_styles import _TINT, Look, _Styles


class Writer(Protocol):
    """What the figures and the cover need of the renderer that lays out the document."""

    doc: Document
    look: Look
    fonts: Fonts
    s: _Styles
    logo: Any
    index: int
    width: float
    height: float
    gap: float

    def m(self, text: str) -> str:
        """``text`` escaped as reportlab markup."""

    def para(self, text: str, style: Any | None = None) -> Any:
        """A paragraph of plain text in ``style``."""

    def field(self, name: str, value: str) -> Any:
        """A bold label and its value."""

    def table(self, block: TableBlock) -> list[Any]:
        """A table block as flowables."""

    def tall(self, flowable: Any) -> float:
        """How tall ``flowable`` is in the frame, with the space around it."""


def chart(w: Writer, block: Chart) -> list[Any]:
    # The table first, at full width, then the bars: every reader gets the
    # numbers (and the segments) from the table; the chart only shows them.
    out = w.table(block.table)
    if not block.values:
        return out
    # nine tenths of the text's width, centred, as Word's chart stands
    drawing = bars(block, w.look, w.width * 0.9, w.height)
    drawing.hAlign = "CENTER"
    # the title as the figure's caption, under it, as in the other formats
    figure = [drawing, w.para(block.title, w.s.caption)]
    if sum(w.tall(f) for f in [*out, *figure]) <= w.height * 0.85:
        # the numbers and their bars on one page, the one read beside the other
        return [together([*out, *figure]), Spacer(1, w.look.size)]
    out.append(together(figure))
    out.append(Spacer(1, w.look.size))
    return out


def staircase(w: Writer, block: Staircase) -> list[Any]:
    """The steps as a staircase rising to the right, the groups on each step."""
    steps = len(block.steps)
    if not steps:
        return []
    data: list[list[Any]] = []
    style: list[Any] = [
        # empty cells too are set in a font: never reportlab's Helvetica
        ("FONTNAME", (0, 0), (-1, -1), w.fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
    ]
    labels = block.labels
    for row, k in enumerate(range(steps, 0, -1)):
        groups = block.groups[k - 1]
        content: list[Any] = [w.para(labels[k - 1], w.s.bold)]
        content.extend(w.para(g, w.s.cell) for g in groups)
        if block.write_in:
            # every step keeps the blank's room to write, under the groups already on it
            content.append(_RuledLines(block.write_in, w.gap))
        data.append([""] * (k - 1) + [content] + [""] * (steps - k))
        first = (k - 1, row)
        style += [
            ("SPAN", first, (steps - 1, row)),
            ("BACKGROUND", first, (steps - 1, row), _TINT),
            ("LINEABOVE", first, (steps - 1, row), 1.5, w.look.primary),
            ("LINEBEFORE", first, first, 1.5, w.look.primary),
            # each step a closed box: its right edge, and the lowest its foot
            ("LINEAFTER", (steps - 1, row), (steps - 1, row), 1.5, w.look.primary),
        ]
        if k == 1:
            style.append(("LINEBELOW", first, (steps - 1, row), 1.5, w.look.primary))
    # each step as wide as its label and its groups' names, the treads narrower
    widths = staircase_columns(
        [(label, groups) for label, groups in zip(labels, block.groups, strict=False)],
        w.width,
        w.s.bold.fontSize,
        14,
        write_in=bool(block.write_in),
    )
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    if table.wrap(w.width, w.height)[1] > w.height * 0.8:
        # too many groups for a drawing on one page: the steps as a list instead
        out: list[Any] = [w.para(block.title, w.s.bold)]
        for k in range(steps, 0, -1):
            on = ", ".join(block.groups[k - 1]) or "–"
            out.append(w.field(labels[k - 1], on))
        return out
    # the title as the figure's caption, under it, as the chart's
    return [together([table, w.para(block.title, w.s.caption)]), Spacer(1, 12)]


#: The matrix cells' padding at the sides (the right is reportlab's default).
_MATRIX_LEFT = 8
_MATRIX_RIGHT = 6


def matrix(w: Writer, block: Matrix) -> list[Any]:
    cells: list[Any] = []
    for name, groups in block.cells:
        content: list[Any] = [w.para(name, w.s.headings[4])]
        if block.write_in and not groups:
            content.append(_RuledLines(block.write_in, w.gap))
        content.extend(w.para(f"• {g}", w.s.cell) for g in groups)
        cells.append(content)
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    half = w.width / 2
    height = 45 * mm if not w.look.large_print else None
    style = _matrix_style(w.look.primary, w.fonts.regular)
    if height is not None and any(
        # measured at the width the table gives them, so their lines are broken once
        sum(p.wrap(half - _MATRIX_LEFT - _MATRIX_RIGHT, 1000)[1] for p in c) > height - 12
        for c in cells
        if isinstance(c, list)
    ):
        height = None  # many groups in one field: let the rows grow rather than overflow
    table = Table(rows, colWidths=[half, half], rowHeights=height, splitInRow=1)
    table.setStyle(style)
    return [together([table, w.para(block.title, w.s.caption)]), Spacer(1, 12)]


def _matrix_style(primary: Any, font: str) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 1.5, primary),
            ("INNERGRID", (0, 0), (-1, -1), 1.5, primary),
            ("LEFTPADDING", (0, 0), (-1, -1), _MATRIX_LEFT),
            ("RIGHTPADDING", (0, 0), (-1, -1), _MATRIX_RIGHT),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
        ]
    )
