"""Which parts of the Word body keep together on a page, beyond what a style keeps.

The body's writer asks here whether a figure goes with the table after it, and
whether a section closes on a line of its own; the marks these set (Word's
"keep with next" and "page break before") are those the layout estimate of
:mod:`klusterplan._word.layout` follows, so the contents' page numbers stay true.
"""

from __future__ import annotations

import itertools

from .._document.workbook_pages import estimate
from ..document import Fields, Matrix, Section, Staircase, Table
from .questions import HEADING_ROOM, WORD_SCALE, page_room

__all__ = ["break_before", "figure_with_table", "keep_last", "one_line"]


def figure_with_table(section: Section) -> bool:
    """Whether ``section`` holds a figure with a table after it, and fits a page.

    (In large print the table is a run of records, which flows on over pages.)
    """
    blocks = section.blocks
    pairs = any(
        isinstance(a, Staircase | Matrix) and isinstance(b, Table)
        for a, b in itertools.pairwise(blocks)
    )
    tall = HEADING_ROOM.get(section.level, 30.0) + sum(estimate(b) for b in blocks)
    return pairs and tall * WORD_SCALE <= page_room() * 0.9


def one_line(block: object) -> bool:
    """Whether ``block`` is a single short field, a line of its own."""
    return (
        isinstance(block, Fields)
        and len(block.items) == 1
        and not block.items[0].long
        and len(block.items[0].label) + len(block.items[0].value) < 60
    )


def keep_last(xml: str) -> str:
    """``xml`` with its last paragraph kept with what follows it."""
    at = xml.rfind("<w:p>")
    if at < 0 or "<w:keepNext/>" in xml[at:]:
        return xml
    if xml.startswith("<w:p><w:pPr>", at):
        return xml[: at + 12] + "<w:keepNext/>" + xml[at + 12 :]
    return xml[: at + 5] + "<w:pPr><w:keepNext/></w:pPr>" + xml[at + 5 :]


def break_before(xml: str, bookmarks: set[str] | None) -> str:
    """``xml`` with a page break before each heading that holds one of ``bookmarks``."""
    for bookmark in bookmarks or ():
        at = xml.find(f'w:name="{bookmark}"')
        if at < 0:
            continue
        start = xml.rfind("<w:p>", 0, at)
        end = xml.find("</w:pPr>", start)
        if 0 <= start < end < at and "<w:pageBreakBefore/>" not in xml[start:end]:
            xml = xml[:end] + "<w:pageBreakBefore/>" + xml[end:]
    return xml
