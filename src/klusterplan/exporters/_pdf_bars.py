"""The votes chart of the PDF export: horizontal bars on a round axis.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..document import Chart
from ._chart import axis_ticks
from ._pdf_styles import Look

#: The height of the value axis over the figure's foot, room for its labels.
_AXIS_Y = 18.0
#: The length of the axes' tick marks, and the gaps to the labels.
_TICK = 5.0
_LABEL_GAP = 4.0
_VALUE_GAP = 3.0


class _Bars(Flowable):  # type: ignore[misc]
    """Horizontal bars, one for each group, on a round value axis, drawn on the canvas.

    The figure reportlab's bar chart draws with these settings, made of its
    lines, rectangles and strings directly: the chart widgets' generic
    machinery cost more than the rest of a page.
    """

    def __init__(
        self,
        width: float,
        height: float,
        values: list[int],
        labels: list[str],
        fonts: tuple[str, str],
        size: float,
        colour: Any,
    ) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.values, self.labels = values, labels
        self.label_font, self.font = fonts
        self.size, self.colour = size, colour
        ticks = axis_ticks(values)
        self.ticks = ticks
        self.label_width = min(
            max(stringWidth(t, self.label_font, size) for t in labels) + 8, width * 0.5
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        x0, y0 = self.label_width, _AXIS_Y
        length = self.width - self.label_width - 16
        span = self.height - 24
        slot = span / len(self.values)
        top = self.ticks[-1] or 1
        baseline = self.size * 0.4  # the text's middle on the bar's
        canvas.saveState()
        canvas.setFillColor(self.colour)
        # the first group on top, as in the table above the chart
        middles = [
            y0 + (len(self.values) - 1 - i) * slot + slot / 2 for i in range(len(self.values))
        ]
        for value, middle in zip(self.values, middles, strict=True):
            canvas.rect(x0, middle - slot / 3, length * value / top, slot * 2 / 3, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1)
        canvas.setFont(self.font, self.size)
        for value, middle in zip(self.values, middles, strict=True):
            end = x0 + length * value / top
            canvas.drawString(end + _VALUE_GAP, middle - baseline, f"{value:d}")
        lines = [(x0, y0, x0, y0 + span)]
        lines += [(x0, y0 + k * slot, x0 - _TICK, y0 + k * slot) for k in range(len(middles) + 1)]
        lines.append((x0, y0, x0 + length, y0))
        steps = [x0 + length * t / top for t in self.ticks]
        lines += [(x, y0, x, y0 - _TICK) for x in steps]
        canvas.lines(lines)
        canvas.setFont(self.label_font, self.size)
        for label, middle in zip(self.labels, middles, strict=True):
            canvas.drawRightString(x0 - _LABEL_GAP, middle - baseline, label)
        canvas.setFont(self.font, self.size)
        for tick, x in zip(self.ticks, steps, strict=True):
            canvas.drawCentredString(x, y0 - _TICK - self.size, str(tick))
        canvas.restoreState()


def bars(block: Chart, look: Look, width: float, page_height: float) -> Any:
    """The bars of ``block`` (with at least one value) as a figure ``width`` wide.

    The first group is on top, as in the table above the chart; the axis runs
    in round steps to the first at or above the longest bar.
    """
    f = look.fonts
    n = len(block.values)
    label_size = look.of("footer")
    # bars as thick as fit in most of a page: a figure cannot break across pages
    bar = min(label_size * 1.8, (page_height * 0.8 - 30) / n)
    height = n * bar + 30
    names = [f.prepare(name) for name in block.labels]
    label_font = f.regular if all(all(f.has(c) for c in t) for t in names) else None
    if (
        label_font is None
        and f.fallback is not None
        and all(ord(c) in f.fallback_chars or c == " " for t in names for c in t)
    ):
        label_font = f.fallback
    labels = [_shorten(t, 40) for t in names] if label_font else [str(i) for i in range(1, n + 1)]
    return _Bars(
        width,
        height,
        list(block.values),
        labels,
        (label_font or f.regular, f.regular),
        label_size,
        look.primary,
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
