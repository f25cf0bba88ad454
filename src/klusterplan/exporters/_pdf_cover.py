"""The cover of the PDF export, and the logo a branding gives it.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Spacer, Table, TableStyle

from ._pdf_figures import Writer
from ._pdf_flowables import _Heading, _Logo
from ._pdf_styles import _CONTENT_WIDTH, Look


def title_page(w: Writer) -> list[Any]:
    """The cover: the logo, the title, the lines about the plan and the promise."""
    doc = w.doc
    out: list[Any] = []
    if w.logo is not None:
        out.append(w.logo)
        out.append(Spacer(1, 20 * mm))
    else:
        out.append(Spacer(1, 45 * mm))
    w.index += 1
    out.append(_Heading(w.m(doc.title), w.s.title, doc.title, "s0", 0))
    if doc.subtitle:
        out.append(w.para(doc.subtitle, w.s.subtitle))
    if doc.title_lines:
        rows = [[w.para(name, w.s.bold), w.para(value)] for name, value in doc.title_lines]
        table = Table(rows, colWidths=[40 * mm, _CONTENT_WIDTH - 40 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), w.fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEABOVE", (0, 0), (-1, 0), 1, w.look.accent),
                ]
            )
        )
        out.append(table)
    for name in doc.cover_fields:
        # a label and a line to write on at the workshop
        out.append(Spacer(1, w.look.size))
        line = Table(
            [[w.para(f"{name}:", w.s.bold), ""]],
            colWidths=[45 * mm, w.width - 45 * mm],
            rowHeights=[w.gap],
            hAlign="LEFT",
        )
        line.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), w.fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.HexColor("#9A9A9A")),
                ]
            )
        )
        out.append(line)
    if doc.promise:
        out.append(w.para(f"”{doc.promise}”", w.s.promise))
    return out


def _inked(data: bytes) -> Any:
    """The logo's picture without the blank margins around its ink.

    A logo file often carries white or transparent space at its sides; drawn
    as it is, the mark would stop short of the margin it is set against.
    Data Pillow cannot read is left for reportlab to report.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return io.BytesIO(data)
    flat = Image.new("RGBA", image.size, "white")
    flat.alpha_composite(image.convert("RGBA"))
    box = flat.convert("L").point(lambda v: 255 if v < 250 else 0).getbbox()
    if box is None or box == (0, 0, *image.size):
        return io.BytesIO(data)
    return image.crop(box)


def cover_logo(look: Look) -> Any:
    logo = look.branding.logo
    if logo is None:
        return None
    reader = ImageReader(_inked(logo.data))
    w, h = reader.getSize()
    width = min(logo.width_mm * mm, _CONTENT_WIDTH)
    return _Logo(reader, width, width * h / w, logo.alt_text, look.fonts)
