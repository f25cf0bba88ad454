"""The votes chart of the PDF export: horizontal bars on a round axis.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .._document import design as _design
from .._document.metrics import chart_height
from ..document import Chart
from ._chart import axis_ticks
from ._pdf_styles import Look

#: The length of the value axis's tick marks, and the gaps to the names and numbers.
_TICK = 4.0
_LABEL_GAP = 4.0
_VALUE_GAP = 3.0
#: The space between two bars as a share of a bar's thickness (Word's gap width, 60 %).
GAP = 0.6
#: The light lines across the plot at each step of the axis, in both formats.
GRID = "#E3E3E3"
#: The names' and values' colour.
DARK = "#1F1F1F"


class _Bars(Flowable):  # type: ignore[misc]
    """Horizontal bars, one for each group, on a round value axis, drawn on the canvas.

    The same figure as Word's chart part (:mod:`._chart`): the names in the
    table's size at the left, bars in the primary colour with their numbers in
    bold at their ends, light lines at each step of the axis, and the axis's
    numbers under it. The box inside the axes is laid out by the same measures
    (:func:`~klusterplan._document.metrics.chart_height` and
    :func:`~klusterplan._document.metrics.chart_label_room`).
    """

    def __init__(
        self,
        width: float,
        height: float,
        values: list[int],
        labels: list[str],
        fonts: tuple[str, str, str],
        size: float,
        colour: Any,
        label_width: float,
    ) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.values, self.labels = values, labels
        self.label_font, self.font, self.bold = fonts
        self.size, self.colour = size, colour
        self.ticks = axis_ticks(values)
        self.label_width = label_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    # long: one figure, drawn in the order it is layered
    def draw(self) -> None:
        canvas = self.canv
        size = self.size
        # the plot's inner box, as Word's chart part lays it out
        x0, y0 = self.label_width, size * 2.6
        length = self.width - x0 - size * 3
        span = self.height - y0 - size * 0.6
        slot = span / len(self.values)
        thick = slot / (1 + GAP)
        top = self.ticks[-1] or 1
        baseline = size * 0.35  # the text's middle on the bar's
        steps = [x0 + length * t / top for t in self.ticks]
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(colors.HexColor(GRID))
        canvas.lines([(x, y0, x, y0 + span) for x in steps[1:]])
        # the first group on top, as in the table above the chart
        middles = [
            y0 + (len(self.values) - 1 - i) * slot + slot / 2 for i in range(len(self.values))
        ]
        canvas.setFillColor(self.colour)
        for value, middle in zip(self.values, middles, strict=True):
            canvas.rect(x0, middle - thick / 2, length * value / top, thick, stroke=0, fill=1)
        canvas.setStrokeColor(colors.HexColor(_design.TABLE_RULE))
        lines = [(x0, y0, x0, y0 + span), (x0, y0, x0 + length, y0)]
        lines += [(x, y0, x, y0 - _TICK) for x in steps]
        canvas.lines(lines)
        canvas.setFillColor(colors.HexColor(DARK))
        canvas.setFont(self.bold, size)
        for value, middle in zip(self.values, middles, strict=True):
            end = x0 + length * value / top
            canvas.drawString(end + _VALUE_GAP, middle - baseline, f"{value:d}")
        canvas.setFont(self.label_font, size)
        for label, middle in zip(self.labels, middles, strict=True):
            canvas.drawRightString(x0 - _LABEL_GAP, middle - baseline, label)
        canvas.setFillColor(colors.HexColor(_design.MUTED))
        canvas.setFont(self.font, size)
        for tick, x in zip(self.ticks, steps, strict=True):
            canvas.drawCentredString(x, y0 - _TICK - size, str(tick))
        canvas.restoreState()


def bars(block: Chart, look: Look, width: float, page_height: float) -> Any:
    """The bars of ``block`` (with at least one value) as a figure ``width`` wide.

    The first group is on top, as in the table above the chart; the axis runs
    in round steps to the first at or above the longest bar. The figure has
    the size and layout of Word's chart of the same plan.
    """
    f = look.fonts
    n = len(block.values)
    size = look.of("table")
    names = [f.prepare(name) for name in block.labels]
    label_font = f.regular if all(all(f.has(c) for c in t) for t in names) else None
    if (
        label_font is None
        and f.fallback is not None
        and all(ord(c) in f.fallback_chars or c == " " for t in names for c in t)
    ):
        label_font = f.fallback
    labels = [_shorten(t, 40) for t in names] if label_font else [str(i) for i in range(1, n + 1)]
    one_line = tuple(" ".join(t.split()) for t in labels)
    # (a figure cannot break across pages: at most most of a page)
    height = min(chart_height(one_line, width, look.large_print), page_height * 0.8)
    room = min(
        max(stringWidth(t, label_font or f.regular, size) for t in labels) + size * 1.5,
        width * 0.5,
    )
    return _Bars(
        width,
        height,
        list(block.values),
        labels,
        (label_font or f.regular, f.regular, f.bold),
        size,
        look.primary,
        room,
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
