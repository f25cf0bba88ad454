"""The marks contract: how a Word file klusterplan writes says where each plan value stands.

The Word writer (:mod:`klusterplan._word.body`, :mod:`klusterplan.exporters.docx`)
and the reader (:mod:`klusterplan._word.importer`, :mod:`~klusterplan._word.scan`)
both import this module, so that what one writes the other expects:

- **bookmarks**, never content controls: a plan value's runs stand between a
  bookmark's start and end (kind :data:`VALUE`, or :data:`PLACEMENT` for a
  group's place in a figure), and a table's first header cell holds an empty
  one (kind :data:`TABLE`) naming the plan list its rows belong to. A bookmark
  hides nothing from a program that reads the file (python-docx sees every
  paragraph, row and word), and Word and LibreOffice both keep it. Its name
  codes the path (:func:`klusterplan._model.paths.bookmark_name`);
- the **custom XML part** (namespace :data:`PLAN_NAMESPACE`) carrying the plan
  the document was made from, with its mode, language and print size, and
  the digests (:func:`text_digest`) of the paragraphs it was written with;
- the **look** (:class:`Look`) the body is written with: the reader rebuilds
  the body as the writer wrote it (:func:`house_look`) to know what it said.

Documents from earlier versions also held each value in a content control
tagged with its path; the scan still reads those tags.
"""

from __future__ import annotations

import hashlib

import attrs

from .._document import design as _design
from .._model.paths import bookmark_name, parse_bookmark

__all__ = [
    "CHART_MARK",
    "PLACEMENT",
    "PLAN_NAMESPACE",
    "REQUIRED_STYLES",
    "SECTION_MARK",
    "TABLE",
    "VALUE",
    "W_NS",
    "Look",
    "bookmark_name",
    "half_points",
    "house_look",
    "parse_bookmark",
    "text_digest",
]

#: WordprocessingML's main namespace.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The namespace of the custom XML part that holds the plan a document was made from.
PLAN_NAMESPACE = "urn:klusterplan:plan:1"
#: A paragraph the package replaces by a section break: the section before it ends there.
SECTION_MARK = "urn:klusterplan:section"
#: A paragraph the package replaces by a chart's picture.
CHART_MARK = "urn:klusterplan:chart"

#: Bookmark kinds: a value's runs, a table's rows (in its header), a group's placement.
VALUE, TABLE, PLACEMENT = "v", "t", "p"

#: Styles every Word file uses besides the headings of each level it has.
REQUIRED_STYLES: tuple[str, ...] = (
    "Normal",
    "Title",
    "Subtitle",
    "List Bullet",
    "List Number",
    "Quote",
)


@attrs.frozen
class Look:
    """Style ids, sizes and colours the body's XML refers to."""

    styles: dict[str, str]
    """Style name (``Heading 1``, ``List Bullet`` ...) to the template's style id."""
    text_width: int
    """The width between the margins, in twentieths of a point."""
    wide_width: int
    """The width between the margins of a landscape page, for chapters with wide tables."""
    body_size: int
    """Body text size in half-points, for fields and lists."""
    table_size: int
    """Text size in half-points for tables."""
    small_size: int
    """Text size in half-points for tables with many columns."""
    primary: str
    """Table-header fill and heading colour, ``RRGGBB``."""
    accent: str
    """Promise and writing-line colour, ``RRGGBB``."""
    large_print: bool = False
    header_room: float = 0.0
    """Points a running header (a branding's logo) takes off the top of each page's text."""


def half_points(role: str, large_print: bool) -> int:
    """The house type size of ``role`` (``body``, ``table`` ...) in half-points."""
    return round(_design.size(role, large_print) * 2)


def house_look(
    styles: dict[str, str] | None = None,
    large_print: bool = False,
    primary: str = _design.PRIMARY,
    accent: str = _design.ACCENT,
    widths: tuple[int, int] | None = None,
    header_room: float = 0.0,
) -> Look:
    """The look of a Word file in the house design: A4 with the house margins.

    ``styles`` default to each style's name without spaces, as python-docx's
    default template has them; ``widths`` (portrait, landscape, in twips) to
    the house page's.
    """
    if styles is None:
        names = [*REQUIRED_STYLES, *(f"Heading {n}" for n in range(1, 10))]
        styles = {n: n.replace(" ", "") for n in names}
    if widths is None:
        # a point is 20 twips
        widths = (
            int(_design.text_width(False) * 20),
            int(_design.text_width(True) * 20),
        )
    return Look(
        styles=styles,
        text_width=widths[0],
        wide_width=widths[1],
        body_size=half_points("body", large_print),
        table_size=half_points("table", large_print),
        small_size=half_points("small", large_print),
        primary=primary.lstrip("#"),
        accent=accent.lstrip("#"),
        large_print=large_print,
        header_room=header_room,
    )


def text_digest(text: str) -> str:
    """A short digest of a paragraph's text, its spacing evened out.

    The writer stores one for each paragraph a plugin may have added to; the
    reader knows such a paragraph as the document's own by it.
    """
    flat = " ".join(text.split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:12]
