"""The cover of the PDF export, and the logo a branding gives it.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.flowables import TopPadder

from .._document.design import STATUS_MARK, cover_label_mm, cover_space_mm
from ._logo import inked
from ._pdf_figures import Writer
from ._pdf_flowables import _Heading, _Logo
from ._pdf_styles import _CONTENT_WIDTH, Look


def title_page(w: Writer) -> list[Any]:
    """The cover: logo, title, status, the lines about the plan and the promise.

    The document information stands at the foot of the page.
    """
    doc = w.doc
    out: list[Any] = []
    if w.logo is not None:
        out.append(_CoverLogo(w.logo))
    out.append(Spacer(1, cover_space_mm(w.look.large_print) * mm))
    w.index += 1
    out.append(_Heading(w.m(doc.title), w.s.title, doc.title, "s0", 0))
    if doc.subtitle:
        out.append(w.para(doc.subtitle, w.s.subtitle))
    if doc.status_mark:
        out.extend(status_badge(w, doc.status_mark))
    if doc.title_lines:
        out.append(_lines(w, doc.title_lines))
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
    if doc.control_lines:
        # the document information stands at the foot of the cover, as on a
        # municipality's documents: what it is, how far it has come, whom to ask
        out.append(TopPadder(_lines(w, doc.control_lines)))
    return out


def _lines(w: Writer, lines: tuple[tuple[str, str], ...]) -> Any:
    """Label and value lines under a rule in the accent colour, the labels in a column."""
    rows = [[w.para(name, w.s.bold), w.para(value)] for name, value in lines]
    label = cover_label_mm(w.look.large_print) * mm
    table = Table(rows, colWidths=[label, _CONTENT_WIDTH - label], hAlign="LEFT")
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
    return table


def status_badge(w: Writer, mark: str) -> list[Any]:
    """``UTKAST`` in white on the status mark's colour: a plan not yet adopted, seen at a glance."""
    style = ParagraphStyle(
        "status",
        w.s.bold,
        textColor=colors.white,
        fontSize=w.look.size * 1.2,
        leading=w.look.size * 1.5,
        spaceAfter=0,
    )
    from reportlab.pdfbase.pdfmetrics import stringWidth

    # as wide as the word, not the page: a mark, not a bar
    width = stringWidth(mark, w.fonts.bold, style.fontSize) + 6 * mm + 1
    badge = Table([[w.para(mark, style)]], colWidths=[width], hAlign="LEFT")
    badge.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), w.fonts.bold),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(STATUS_MARK)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ]
        )
    )
    return [badge, Spacer(1, 6 * mm)]


class _CoverLogo(Flowable):  # type: ignore[misc]
    """The cover's logo at its full width, top right.

    Its top stands 10 mm from the page's edge (where Word's header puts it) and its
    right edge on the text edge. It takes no room in the flow, which starts at the
    top margin under it.
    """

    def __init__(self, logo: Any) -> None:
        super().__init__()
        self.logo = logo
        self.room = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.room = avail_width
        return avail_width, 0

    def draw(self) -> None:
        logo = self.logo
        canv = self.canv
        # placed from the page's edge, whatever padding the frame has above the flow
        _, here = canv.absolutePosition(0, 0)
        top = canv._pagesize[1] - 10 * mm
        logo.drawOn(canv, self.room - logo.width, top - logo.height - here)


def cover_logo(look: Look) -> Any:
    logo = look.branding.logo
    if logo is None:
        return None
    reader = ImageReader(io.BytesIO(inked(logo.data)))
    w, h = reader.getSize()
    width = min(logo.width_mm * mm, _CONTENT_WIDTH)
    return _Logo(reader, width, width * h / w, logo.alt_text, look.fonts)
