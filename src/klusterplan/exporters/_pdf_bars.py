"""The votes chart of the PDF export: horizontal bars on a round axis.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..document import Chart
from ._chart import axis_ticks
from ._pdf_styles import Look


def bars(block: Chart, look: Look, width: float, page_height: float) -> Any:
    """The bars of ``block`` (with at least one value) as a drawing ``width`` wide.

    The first group is on top, as in the table above the chart; the axis runs
    in round steps to the first at or above the longest bar.
    """
    f = look.fonts
    n = len(block.values)
    label_size = look.of("footer")
    # bars as thick as fit in most of a page: a drawing cannot break across pages
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
    label_width = max(stringWidth(t, label_font or f.regular, label_size) for t in labels)
    label_width = min(label_width + 8, width * 0.5)
    drawing = Drawing(width, height)
    drawing.initialFontName = f.regular  # reportlab graphics start in Helvetica
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = width - label_width - 16
    chart.height = height - 24
    # The first group on top, as in the table above the chart.
    chart.data = [list(reversed(block.values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = label_font or f.regular
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    # the axis runs in round steps to the first at or above the longest bar
    ticks = axis_ticks(block.values)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = ticks[-1]
    chart.valueAxis.valueStep = ticks[1] - ticks[0]
    chart.valueAxis.labels.fontName = f.regular
    chart.valueAxis.labels.fontSize = label_size
    chart.bars[0].fillColor = look.primary
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = f.regular
    chart.barLabels.fontSize = label_size
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
