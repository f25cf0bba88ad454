"""A chart drawn as a picture, for formats that cannot draw it themselves (Word).

Horizontal bars, one a target group, the label at the left and the number at
the bar's end, in the house typeface and colour. The picture comes with the
chart's table in every format, and with its text alternative.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from .._catalogue import format as _format
from .._document import design as _design
from ..document import Chart

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

__all__ = ["axis_ticks", "chart_png"]

#: Pixels per point: 150 dots per inch, sharp in print at the size it is set.
_SCALE = 150 / 72


def axis_ticks(values: tuple[int, ...] | list[int], most: int = 6) -> tuple[int, ...]:
    """The axis of a bar chart: from 0 in round steps to the first step at or above the top.

    >>> axis_ticks((8, 9, 7))
    (0, 2, 4, 6, 8, 10)
    >>> axis_ticks((35, 12))
    (0, 10, 20, 30, 40)
    """
    top = max((v for v in values if v > 0), default=0)
    if top == 0:
        return (0, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            count = -(-top // step)  # steps up to the first at or above the top
            if count + 1 <= most:
                return tuple(range(0, count * step + 1, step))
        magnitude *= 10


def chart_png(
    chart: Chart, width_pt: float, large_print: bool, colour: str
) -> tuple[bytes, tuple[int, int]]:
    """The chart as PNG bytes ``width_pt`` wide, and its size in pixels."""
    from PIL import Image, ImageDraw, ImageFont

    size = _design.size("table", large_print) * _SCALE
    font = ImageFont.truetype(str(_design.font_file("regular")), round(size))
    bold = ImageFont.truetype(str(_design.font_file("bold")), round(size))
    width = round(width_pt * _SCALE)
    bar = round(size * 1.5)
    gap = round(size * 0.7)
    # a bar's label is one line: a name typed with a line break (or a tab) is drawn on one
    labels = [" ".join(label.split()) for label in chart.labels]
    label_width = min(
        max((font.getlength(label) for label in labels), default=0.0) + size,
        width * 0.5,
    )
    numbers = [_format.number(v) for v in chart.values]
    number_width = max((bold.getlength(n) for n in numbers), default=0.0) + size * 0.6
    height = max(1, len(chart.values)) * (bar + gap) + gap
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    top = max(chart.values, default=0) or 1
    room = width - label_width - number_width
    fill = "#" + colour.lstrip("#")
    for i, (label, value, number) in enumerate(zip(labels, chart.values, numbers, strict=True)):
        y = gap + i * (bar + gap)
        shown = _fitted(label, font, label_width - size * 0.5)
        draw.text((0, y + bar / 2), shown, font=font, fill=_design.MUTED, anchor="lm")
        length = max(1.0, room * value / top)
        draw.rectangle((label_width, y, label_width + length, y + bar), fill=fill)
        draw.text(
            (label_width + length + size * 0.3, y + bar / 2),
            number,
            font=bold,
            fill="#1F1F1F",
            anchor="lm",
        )
    out = io.BytesIO()
    # fast to encode; optimising the PNG would cost more than the whole document
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue(), (width, height)


def _fitted(label: str, font: FreeTypeFont, room: float) -> str:
    """The longest start of ``label`` that fits in ``room`` with an ellipsis, or all of it.

    Found by halving: a name of many thousand characters is measured some
    twenty times, not once for every character taken off.
    """
    if font.getlength(label) <= room:
        return label
    fits, too_long = 0, len(label)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if font.getlength(label[:middle] + "…") <= room:
            fits = middle
        else:
            too_long = middle
    if fits == 0 and font.getlength("…") > room:
        return ""
    return label[:fits] + "…"
