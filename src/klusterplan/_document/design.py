"""The house design every document format shares: typeface, colours, type scale.

Word names the typeface Calibri, which every municipal PC has; the PDF embeds
Carlito, the open font made to the same metrics, so lines and pages break
alike in both. HTML asks for either. A municipality's ``--template`` or
:class:`~klusterplan.Branding` overrides the colours and the logo.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = [
    "ACCENT",
    "FONT_FILES",
    "cover_label_mm",
    "cover_space_mm",
    "MARGIN_MM",
    "PAGE_MM",
    "MUTED",
    "PRIMARY",
    "SIZES",
    "STATUS_MARK",
    "TABLE_RULE",
    "TABLE_TINT",
    "TYPEFACE",
    "WORD_TYPEFACE",
    "font_file",
    "heading_room",
    "size",
    "text_height",
    "text_width",
]

#: The typeface embedded in PDF documents (SIL Open Font License, shipped with klusterplan).
TYPEFACE = "Carlito"
#: The same design in Word, by the name Word knows it under.
WORD_TYPEFACE = "Calibri"
#: Headings, table headers and rules (dark blue; 9.4:1 against white).
PRIMARY = "#1F4E79"
#: Highlights: the promise, writing lines, the rule above the footer (burnt orange).
ACCENT = "#C55A11"
#: The cover's status mark (UTKAST, REMISS) of a plan not yet adopted, in every format: a
#: warning orange whatever a branding's accent, which may be a green that reads as
#: "approved". White bold text on it has 5.5:1. An adopted plan carries no mark.
STATUS_MARK = "#A94F0F"
#: Secondary text: footers, captions (7.5:1 against white).
MUTED = "#404040"
#: The rule under each table row, and the table's frame (light grey).
TABLE_RULE = "#BFBFBF"
#: Every other table row's background (a tint of the house blue).
TABLE_TINT = "#EAF0F6"
#: Type sizes in points: normal print and large print (storstil, never under 16 pt).
SIZES: dict[str, tuple[float, float]] = {
    "title": (30, 36),
    "subtitle": (16, 22),
    "h1": (20, 26),
    "h2": (15, 21),
    "h3": (12.5, 18),
    "body": (10.5, 16),
    "table": (9.5, 16),
    "small": (8.5, 16),
    "footer": (8, 16),
}
#: The four styles of the typeface, as shipped.
FONT_FILES = {
    "regular": "Carlito-Regular.ttf",
    "bold": "Carlito-Bold.ttf",
    "italic": "Carlito-Italic.ttf",
    "bold_italic": "Carlito-BoldItalic.ttf",
}


def font_file(style: str) -> Path:
    """The shipped TrueType file of the house typeface in ``style`` (``regular``, ``bold`` ...)."""
    return Path(str(resources.files("klusterplan") / "data" / "fonts" / FONT_FILES[style]))


def size(role: str, large_print: bool) -> float:
    """The type size in points for ``role`` (``body``, ``h1`` ...)."""
    normal, large = SIZES[role]
    return large if large_print else normal


#: A4 in millimetres, portrait.
PAGE_MM = (210.0, 297.0)
#: The margin on every side of every page, in millimetres.
MARGIN_MM = 20.0
_PT_PER_MM = 72 / 25.4


def text_width(landscape: bool) -> float:
    """The width between the margins in points, on a portrait or a landscape A4 page."""
    side = PAGE_MM[1] if landscape else PAGE_MM[0]
    return (side - 2 * MARGIN_MM) * _PT_PER_MM


def text_height(landscape: bool) -> float:
    """The height between the margins in points."""
    side = PAGE_MM[0] if landscape else PAGE_MM[1]
    return (side - 2 * MARGIN_MM) * _PT_PER_MM


def heading_room(level: int) -> float:
    """The room in points a heading needs below it on its page, or it starts the next.

    A chapter's heading (level 1) needs 60 mm, a section's 40 mm: room for the
    opening lines under it, so that a chapter never starts in a page's last
    few lines. The PDF and Word follow the same rule.
    """
    return (60.0 if level == 1 else 40.0) * _PT_PER_MM


def cover_label_mm(large_print: bool) -> float:
    """How wide the column of the cover's labels is, in millimetres, in every format.

    In large print "Kontaktperson" and "To be adopted by" need more room than 40 mm.
    """
    return 55.0 if large_print else 40.0


def cover_space_mm(large_print: bool) -> float:
    """The room above the cover's title, in millimetres.

    Large print has less, so that the cover's lines and the document
    information still fit on the one page.
    """
    return 20.0 if large_print else 45.0
