"""How tall the workbook's blocks stand on a page, estimated in the house design's sizes.

A question and its room to write belong together on a page. A format that
keeps a question whole needs to know when one takes most of a page: moved
whole, it would leave the page before it half empty (Word keeps each of its
parts whole instead; the PDF goes on over the page with its heading repeated).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from ..document import (
    HAND_LINE_MM,
    Block,
    BulletList,
    Chart,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Staircase,
    Table,
    WritingSpace,
)
from . import design as _design
from .builder import Cell, PlanBuilder
from .metrics import CELL_PADDING, fit_columns, text_width

__all__ = ["estimate", "filling_rows", "pairs_width"]

_MM = 72 / 25.4
#: A writing line, in points.
_LINE = HAND_LINE_MM * _MM


def _lines(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes at ``size`` in ``width`` points."""
    count = 0
    for paragraph in text.split("\n"):
        count += max(1, math.ceil(text_width(paragraph, size, bold) / max(width, 1.0) * 1.08))
    return count


def _table(block: Table, large: bool) -> float:
    size = _design.size(block.type_role, large)
    leading = size * 1.25
    width = _design.text_width(block.landscape)
    widths = fit_columns(
        block.headers, block.rows, block.widths, width, size, by_weight=bool(block.row_lines)
    ) or [width / max(1, len(block.headers))] * len(block.headers)
    inner = [w - CELL_PADDING for w in widths]

    def row(cells: Sequence[str], bold: bool = False) -> float:
        return max(
            (_lines(c, size, w, bold) * leading for c, w in zip(cells, inner, strict=False) if c),
            default=leading,
        )

    height = row(block.headers, True) + 6
    least = leading + block.row_lines * _LINE if block.row_lines else 0.0
    height += sum(max(row(r), least) + 6 for r in block.rows)
    caption = _design.size("body", large) * 1.6 if block.caption else 0.0
    return caption + height + _design.size("body", large) * 0.8


def estimate(block: Block, large: bool = False) -> float:
    """How tall ``block`` stands on a portrait page, in points, with the space around it."""
    body = _design.size("body", large)
    leading = body * 1.3
    width = _design.text_width(False)
    match block:
        case Paragraph() | Quote():
            bold = isinstance(block, Paragraph) and block.prompt
            return _lines(block.text, body, width, bold) * leading + body * 0.6
        case WritingSpace():
            prompt = (_lines(block.prompt, body, width, True) * leading + 8) if block.prompt else 0
            return prompt + block.lines * _LINE + body
        case Table():
            return _table(block, large)
        case Fields():
            return sum(
                (_lines(f.label, body, width, True) * leading if f.long else 0)
                + _lines(f.value if f.long else f"{f.label}: {f.value}", body, width) * leading
                + body * 0.4
                for f in block.items
            )
        case BulletList():
            caption = leading if block.caption else 0.0
            return caption + sum(_lines(i, body, width - 20) * leading for i in block.items) + 6
        case Staircase():
            per = [block.write_in * _LINE + len(g) * leading + 2 * leading for g in block.groups]
            return 1.6 * body + sum(per) + body
        case Matrix():
            rows = [block.cells[i : i + 2] for i in range(0, len(block.cells), 2)]
            fields = [
                max(max(block.write_in * _LINE, len(g) * leading) + 3 * leading for _, g in row)
                for row in rows
            ]
            return 1.6 * body + sum(max(h, 45 * _MM) for h in fields) + body
        case Chart():
            return _table(block.table, large) + 60 * _MM


def pairs_width(text: str, size: float, *, widest: bool = True) -> float:
    """The width of a cell's widest two neighbouring words: never one word a line.

    At that width each line of the cell holds two words or more, the last aside;
    at the narrowest two's (not ``widest``), one line at least holds two.
    """
    words = text.split()
    if len(words) < 2:
        return 0.0
    pairs = [text_width(f"{a} {c}", size) for a, c in pairwise(words)]
    return max(pairs) if widest else min(pairs)


#: Over a sheet on its page: the chapter's heading and the sheet's (sheet A), the sheet's
#: alone (sheet B), the sheet's again marked continued (a page it goes on to); in mm.
_SHEET_HEADINGS_MM = (34.0, 20.0, 16.0)


def filling_rows(
    b: PlanBuilder,
    headers: tuple[str, ...],
    rows: Sequence[tuple[Cell, ...]],
    widths: tuple[float, ...],
    wanted: int,
    first: bool,
) -> int:
    """How many rows a filled sheet has: ``wanted``, or more to fill the page it ends on.

    A sheet the plan fills past one landscape page goes on to a second, its
    header repeated: the rows left empty there fill that page down to its foot
    (room to write, not a page two thirds blank), a row's height spare.
    """

    def tall(count: int) -> float:
        body = [tuple(c if isinstance(c, str) else c[0] for c in row) for row in rows]
        body += [(f"{n}.",) * len(headers) for n in range(len(rows) + 1, count + 1)]
        table = Table(headers, tuple(body), widths, row_lines=1, landscape=True, keep_together=True)
        return estimate(table, b.large_print)

    page = _design.text_height(True) - 2 * 72 / 25.4  # (the bottom margin is 22 mm)
    heading = _SHEET_HEADINGS_MM[0 if first else 1] * 72 / 25.4
    if tall(wanted) <= page - heading:
        return wanted
    room = 2 * page - heading - _SHEET_HEADINGS_MM[2] * 72 / 25.4
    spare = tall(wanted + 1) - tall(wanted)  # an empty row, and as much left over
    while tall(wanted + 1) <= room - spare:
        wanted += 1
    return wanted
