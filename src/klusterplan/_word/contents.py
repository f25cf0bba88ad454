"""The contents of a Word document: an updatable field saved with its entries and their pages.

Each entry links to its heading and carries the page :mod:`klusterplan._word.layout`
estimates for it, so that the contents prints with page numbers as it is; the
entries are shared out evenly over the contents' pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from .._document import design as _design
from .._document.metrics import even_breaks
from ..document import Document, Section
from .layout import paragraph_heights
from .marks import Look, half_points
from .wordml import lang_xml, p_xml, plain_hyphens, run_xml, size_xml

__all__ = ["contents_xml"]


def contents_xml(
    look: Look, document: Document, entries: list[tuple[Section, str]], pages: dict[str, int]
) -> Iterator[str]:
    """The table of contents: a field Word can update, saved with an entry per heading.

    Each entry links to its heading, so every viewer shows a contents list that
    leads somewhere, and carries the page its heading falls on as estimated by
    :mod:`klusterplan._word.layout` (``pages``, by bookmark): printed as it is,
    the contents has page numbers; F9 in Word puts Word's own count in place.
    """
    # the contents' title as large as a chapter's heading, as in the PDF
    size = half_points("h1", look.large_print)
    yield p_xml(
        run_xml(
            document.contents_title, f'<w:b/><w:color w:val="{look.primary}"/>{size_xml(size)}'
        ),
        '<w:pageBreakBefore/><w:keepNext/><w:spacing w:after="200"/>',
    )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-'
        f'{document.contents_levels}" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    listed = [(s, b) for s, b in entries if s.level <= document.contents_levels]
    if not listed:
        yield p_xml(begin + run_xml(document.contents_hint, "<w:i/>") + end)
        return
    made = _Entries(look, listed, pages, begin, end)
    # a page break before the chapters that share the contents out over its pages alike
    breaks = _contents_breaks(look, listed, made.paragraphs(set()), size)
    yield from made.paragraphs(breaks)


#: How much further in a contents entry's wrapped lines start than its first (twips).
_HANG = 400


class _Entries:
    """The contents' entries, each a paragraph linked to its heading, with its page."""

    def __init__(
        self,
        look: Look,
        listed: list[tuple[Section, str]],
        pages: dict[str, int],
        begin: str,
        end: str,
    ) -> None:
        self.look, self.listed, self.pages, self.begin, self.end = look, listed, pages, begin, end

    def paragraphs(self, breaks: set[int]) -> list[str]:
        """Each entry's paragraph; those at ``breaks`` (indexes) start a page."""
        listed, last = self.listed, len(self.listed) - 1
        tabs = (
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{self.look.text_width}"/></w:tabs>'
        )
        # the page number's room, and a leader of a few dots at least before it: an entry
        # wraps short of it, so that the number never follows the text closely
        room = self.look.body_size * 25
        out = []
        for i, (section, bookmark) in enumerate(listed):
            indent = (section.level - 1) * 400
            # a chapter's entry stays on the page of the first two entries under it
            opens = i < last and listed[i + 1][0].level > section.level
            first = 0 < i < last and listed[i - 1][0].level < section.level
            keep = opens or (first and listed[i + 1][0].level >= section.level)
            ppr = (
                f"{'<w:keepNext/>' if keep else ''}"
                f"{'<w:pageBreakBefore/>' if i in breaks else ''}{tabs}"
                # a chapter's entry a little apart from the section entries before it
                f'<w:spacing w:before="{60 if section.level == 1 and i else 0}" w:after="0" '
                'w:line="252" w:lineRule="auto"/>'
                # a long entry's next lines under its text, as a hanging indent sets them
                f'<w:ind w:left="{indent + _HANG}" w:hanging="{_HANG}" w:right="{room}"/>'
            )
            bold = "<w:b/>" if section.level == 1 else ""
            runs = plain_hyphens(run_xml(section.title, bold + lang_xml(section.lang)))
            page = self.pages.get(bookmark)
            if page is not None:
                runs += f"<w:r><w:rPr>{bold}</w:rPr><w:tab/></w:r>" + _page_ref(
                    bookmark, page, bold
                )
            link = f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{runs}</w:hyperlink>'
            out.append(
                p_xml((self.begin if i == 0 else "") + link + (self.end if i == last else ""), ppr)
            )
        return out


def _contents_breaks(
    look: Look, listed: list[tuple[Section, str]], paragraphs: list[str], title: int
) -> set[int]:
    """The entries to start a contents page with, so that its pages fill alike.

    Contents longer than a page would fill the first and leave a few lines on
    the next, with a chapter's entry at the foot apart from its sections; so
    the pages break before a chapter's entry, the entries shared out evenly. A
    chapter without sections goes with the next chapter, never ending a page.
    ``title`` is the contents' title's size in half-points.
    """
    heights = paragraph_heights(paragraphs, look)
    room = _design.text_height(False)
    # the title's line and the room under it
    first = title / 2 * 1.2207 * 1.1 + 10
    total = first + sum(heights)
    if total <= room:
        return set()
    starts = [
        k for k in range(1, len(listed)) if listed[k][0].level == 1 and listed[k - 1][0].level > 1
    ]
    blocks = [0, *starts]
    sizes = [sum(heights[a:b]) for a, b in zip(blocks, [*blocks[1:], len(listed)], strict=True)]
    sizes[0] += first
    pages = math.ceil(total / room)
    return set(even_breaks(list(zip(blocks, sizes, strict=True)), total, room, pages))


def _page_ref(bookmark: str, page: int, rpr: str) -> str:
    """A PAGEREF field to ``bookmark`` holding ``page``, as Word writes a contents entry."""
    r = f"<w:r><w:rPr>{rpr}</w:rPr>"
    return (
        f'{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'{r}<w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
        f'{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'{r}<w:t>{page}</w:t></w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )
