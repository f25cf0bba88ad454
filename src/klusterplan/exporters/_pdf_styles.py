"""The page geometry, colours and paragraph styles of the PDF export.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

import attrs
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .._document import design as _design
from ..branding import Branding
from ._pdf_fonts import Fonts

_MARGIN = 20 * mm


def _frame_width(page_width: float) -> float:
    """The width a frame between the margins gives what it holds, to the last bit.

    reportlab's frame gives ``(x + width) - x``, which may differ from ``width``
    in its last bit; a paragraph measured for the story at the one and laid out
    at the other would have its lines broken twice.
    """
    return float((_MARGIN + (page_width - 2 * _MARGIN)) - _MARGIN)


_CONTENT_WIDTH = _frame_width(A4[0])
_CONTENT_HEIGHT = A4[1] - 2 * _MARGIN
#: The pages of a chapter with a table of WIDE_COLUMNS columns or more: on a
#: portrait page its narrow columns would break words in the middle.
_LANDSCAPE = landscape(A4)
_WIDE_WIDTH = _frame_width(_LANDSCAPE[0])
_WIDE_HEIGHT = _LANDSCAPE[1] - 2 * _MARGIN
#: Left and right padding of a table cell together, as in Word (4 pt each side).
_CELL_PADDING = 8.0
#: The least size a table's text may shrink to so that its words fit, in points.
_SMALLEST = 7.5
_RULE = colors.HexColor("#BFBFBF")
_TINT = colors.HexColor("#EAF0F6")
_DARK = colors.HexColor("#1F1F1F")
_MUTED = colors.HexColor(_design.MUTED)


@attrs.frozen
class Look:
    """The choices that shape the pages: fonts, branding and print size."""

    fonts: Fonts
    branding: Branding
    large_print: bool = False
    primary: Any = None
    accent: Any = None
    house_fonts: bool = False
    """Whether the fonts are the house typeface alone, whose widths are measured once a
    process (see :mod:`klusterplan._document.metrics`)."""

    @property
    def size(self) -> float:
        """The body text size in points."""
        return _design.size("body", self.large_print)

    def of(self, role: str) -> float:
        """The type size of ``role`` (``h1``, ``table`` ...) in points."""
        return _design.size(role, self.large_print)


class _Styles:
    def __init__(self, look: Look) -> None:
        f = look.fonts
        size = look.size
        lead = size * 1.35
        # No paragraph leaves its first line alone at a page's foot or its last at the top.
        base = ParagraphStyle(
            "body",
            fontName=f.regular,
            fontSize=size,
            leading=lead,
            spaceAfter=size * 0.5,
            allowWidows=0,
            allowOrphans=0,
        )
        self.body = base
        # a label or a caption stays with what it introduces
        self.bold = ParagraphStyle(
            "bold", base, fontName=f.bold, spaceAfter=size * 0.2, keepWithNext=1
        )
        self.quote = ParagraphStyle(
            "quote",
            base,
            fontName=f.italic,
            leftIndent=size * 1.5,
            rightIndent=size * 1.5,
            textColor=colors.HexColor("#333333"),
        )
        self.attribution = ParagraphStyle("attribution", self.quote, fontName=f.regular)
        # a figure's caption, under it: muted, as the other formats set it
        self.caption = ParagraphStyle(
            "caption", base, fontName=f.italic, textColor=_MUTED, spaceBefore=size * 0.3
        )
        self.headings = _heading_styles(look, base)
        small = look.of("table")
        self.cell = ParagraphStyle("cell", base, fontSize=small, leading=small * 1.25, spaceAfter=0)
        self.wide_cell = ParagraphStyle(
            "wide-cell",
            self.cell,
            fontSize=look.of("small"),
            leading=look.of("small") * 1.25,
        )
        self.header = ParagraphStyle("header", self.cell, fontName=f.bold, textColor=colors.white)
        self.title = ParagraphStyle(
            "title",
            base,
            fontName=f.bold,
            fontSize=look.of("title"),
            leading=look.of("title") * 1.2,
            textColor=look.primary,
            spaceAfter=12,
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            base,
            fontSize=look.of("subtitle"),
            leading=look.of("subtitle") * 1.3,
            spaceAfter=24,
            textColor=_MUTED,
        )
        self.promise = ParagraphStyle(
            "promise",
            base,
            fontName=f.italic,
            fontSize=size * 2.2,
            leading=size * 2.7,
            textColor=look.accent,
            spaceBefore=36,
        )
        self.toc = _contents_styles(look, base)

    def paragraph_styles(self) -> list[Any]:
        """Every paragraph style but the headings and the contents'."""
        return [v for v in vars(self).values() if isinstance(v, ParagraphStyle)]


def _heading_styles(look: Look, base: ParagraphStyle) -> dict[int, ParagraphStyle]:
    """The styles of headings of levels 1 to 4."""
    f = look.fonts
    size = look.size
    heading = {
        1: (look.of("h1"), look.primary, 18),
        2: (look.of("h2"), _DARK, 14),
        3: (look.of("h3"), _MUTED, 10),
        4: (look.of("h3"), _MUTED, 8),
    }
    return {
        level: ParagraphStyle(
            f"h{level}",
            base,
            fontName=f.bold,
            fontSize=hsize,
            leading=hsize * 1.25,
            spaceBefore=before,
            spaceAfter=size * 0.5,
            textColor=colour,
        )
        for level, (hsize, colour, before) in heading.items()
    }


def _contents_styles(look: Look, base: ParagraphStyle) -> list[ParagraphStyle]:
    """The styles of the contents' lines, one for each heading level."""
    f = look.fonts
    size = look.size
    return [
        ParagraphStyle(
            f"toc{level}",
            base,
            leftIndent=level * size * 1.4,
            firstLineIndent=0,
            fontName=f.bold if level == 0 else f.regular,
            # The rows' spacing of the table reportlab's TableOfContents uses.
            spaceBefore=size * 0.4 + 9 if level == 0 else 3,
            spaceAfter=3,
            # Room for the dot leader and the page number drawn at the end.
            rightIndent=size * 3.5,
        )
        for level in range(4)
    ]
