"""The tables of the PDF export: column widths, writing rows and the grid's style.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, TableStyle

from .._document.metrics import fit_columns, whole_headers
from ..document import Table as TableBlock
from ._pdf_figures import Writer
from ._pdf_flowables import _Grid
from ._pdf_styles import _CELL_PADDING, _RULE, _SMALLEST, _TINT

__all__ = ["fit", "make_grid", "writing_rows"]


def writing_rows(
    w: Writer, block: TableBlock, data: list[list[Any]], widths: list[float], leading: float
) -> None:
    """The workbook: each body row at least a line of text and its room to write high.

    A row is as tall as its text, and at least one line (what it names: a
    number, a group) and :attr:`TableBlock.row_lines` handwriting lines; a
    row the plan fills is amended in the rows left empty under it. A sheet
    kept on one page shares the page out among its rows, none less than one
    handwriting line high.
    """
    least = leading + block.row_lines * w.gap
    firsts = [cells[0].wrap(widths[0] - _CELL_PADDING, w.height)[1] for cells in data[1:]]
    if block.keep_together:
        heading_room = 34 * mm  # the chapter's heading and the sheet's
        pad = 5.5  # a row's padding and rule
        header = _row_text(w, data[0], widths) + pad
        texts = [_row_text(w, row, widths) for row in data[1:]]
        spare = w.height - heading_room - header - len(texts) * pad
        # a sheet filled past a page goes on to the next, its rows as tall as they ask
        fits = sum(max(t, w.gap - pad) for t in texts) <= spare
        if fits and sum(max(t, least) for t in texts) > spare:
            # the least height that fits: bisected, never under a handwriting line
            low, high = w.gap - pad, least
            for _ in range(20):
                mid = (low + high) / 2
                fits = sum(max(t, mid) for t in texts) <= spare
                low, high = (mid, high) if fits else (low, mid)
            least = max(low, w.gap - pad)
    for cells, first in zip(data[1:], firsts, strict=True):
        cells[0] = [cells[0], Spacer(1, max(0.0, least - first))]


def _row_text(w: Writer, row: list[Any], widths: list[float]) -> float:
    inner = [width - _CELL_PADDING for width in widths]
    return float(max(p.wrap(i, w.height)[1] for p, i in zip(row, inner, strict=False)))


def fit(w: Writer, block: TableBlock) -> tuple[list[float], float]:
    """Column widths from the text in the fonts used, and the size it fits at."""
    fonts = w.fonts
    size = w.look.of(block.type_role)
    measured = [*block.rows, block.footer] if block.footer else list(block.rows)

    def measure(text: str, at: float, bold: bool) -> float:
        font = fonts.bold if bold else fonts.regular
        return float(
            sum(
                stringWidth(run, font if f == fonts.regular else f, at)
                for f, run in fonts.runs(text)
            )
        )

    while True:
        widths = fit_columns(
            block.headers,
            measured,
            block.widths,
            w.width,
            size,
            measure=None if w.look.house_fonts else measure,
            padding=_CELL_PADDING + 1,
            by_weight=bool(block.row_lines),
        )
        if widths is not None:
            if w.look.large_print:
                # at 16 pt "Klart senast" over a column of dates would take two lines
                widths = whole_headers(
                    block.headers, block.rows, widths, size, measure, _CELL_PADDING + 1
                )
            return widths, size
        if size <= _SMALLEST or w.look.large_print:
            columns = len(block.headers)
            weights = list(block.widths) if len(block.widths) == columns else [1.0] * columns
            return [w.width * k / sum(weights) for k in weights], size
        size -= 0.5


def make_grid(
    w: Writer, data: list[list[Any]], widths: list[float], shaded: bool = True, footer: bool = False
) -> Any:
    # Only a row that may be taller than a page is split inside; other rows
    # move to the next page whole, which reads (and writes on) better. A tall
    # row that could not split would fail the build with a LayoutError.
    table = _Grid(
        data,
        colWidths=widths,
        repeatRows=1,
        splitInRow=int(not _rows_fit(data, widths, w.height)),
        hAlign="LEFT",
    )
    table.kp_room = w.height - 4 * mm - 12
    style = [
        ("FONTNAME", (0, 0), (-1, -1), w.fonts.regular),
        ("BACKGROUND", (0, 0), (-1, 0), w.look.primary),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, _RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, _RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if shaded:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _TINT]))
    if footer:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, w.look.primary))
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.white))
    table.setStyle(TableStyle(style))
    return table


def _rows_fit(data: list[list[Any]], widths: list[float], page: float) -> bool:
    """Whether every row is at most half as tall as ``page``, so that it can move whole."""
    limit = page / 2
    for row in data:
        for cell, width in zip(row, widths, strict=False):
            parts = cell if isinstance(cell, list) else [cell]
            # the width the table will wrap the cell to, so the wrap is kept for it
            inner = width - _CELL_PADDING
            if sum(p.wrap(inner, page)[1] for p in parts if hasattr(p, "wrap")) > limit:
                return False
    return True
