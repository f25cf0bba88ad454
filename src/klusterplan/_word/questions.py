"""A workbook question taller than a page, set on pages of its own in Word.

Word has no running heading to repeat a question where it goes on over a
page. So a question that does not fit on one page starts a page, its parts
(a prompt with what it asks for, a sub-question with its first part) are
packed into pages by the house estimate, each part kept whole, and each page
after the first opens with the question again, marked as continued: a
workshop always sees what it writes under.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from .._catalogue.labels import label
from .._document import design as _design
from .._document.workbook_pages import estimate
from ..document import HAND_LINE_MM, Block, Paragraph, Section, Table
from ..model import Language
from .tables import TableWriter
from .wordml import ends_in_lines, kept_together, lang_xml, p_xml, run_xml, size_xml

#: A handwriting line's height in points.
_LINE = HAND_LINE_MM * 72 / 25.4

__all__ = [
    "HEADING_ROOM",
    "break_before",
    "PAGE_SHARE",
    "WORD_SCALE",
    "fits_page",
    "page_room",
    "question_pages",
    "question_tall",
    "questions",
]

#: How much taller LibreOffice sets a question's blocks than the house estimate: as tall
#: (measured on the blank workbook: a labelled room of six lines 180 points, estimated 185).
WORD_SCALE = 1.0

#: The share of the house text height a question fills in Word: the page's text area,
#: less the room the estimate may be short by, so that a part never spills over alone.
PAGE_SHARE = 1.0

#: A heading's height with the room around it (the style's size, its space above and below).
HEADING_ROOM = {1: 20 * 1.3 + 24 + 6, 2: 15 * 1.3 + 14 + 4, 3: 12.5 * 1.3 + 10 + 3}


def _tall(blocks: Sequence[Block]) -> float:
    return sum(estimate(b) for b in blocks) * WORD_SCALE


def _section_tall(section: Section) -> float:
    return HEADING_ROOM.get(section.level, HEADING_ROOM[3]) + _tall(section.blocks)


def fits_page(sections: Sequence[Section]) -> bool:
    """Whether a question (its sections) fits on one portrait page, by the estimate."""
    return question_tall(sections) <= page_room()


def question_tall(sections: Sequence[Section]) -> float:
    """How tall a question (its sections) stands in Word, by the estimate."""
    return sum(_section_tall(s) for s in sections)


def page_room() -> float:
    """How much of a portrait page a question may fill in Word, by the estimate."""
    return _design.text_height(False) * PAGE_SHARE


def questions(sections: Sequence[Section]) -> dict[int, list[Section]]:
    """Each workbook question by its first section's id: a question and its sub-questions.

    A question is a section of level 2; the sections of a deeper level after it
    (point 17's parts) are its own.
    """
    out: dict[int, list[Section]] = {}
    current: list[Section] | None = None
    for section in sections:
        if section.level == 2:
            current = out.setdefault(id(section), [section])
        elif section.level > 2 and current is not None:
            current.append(section)
        else:
            current = None
    return out


def _parts(
    write: Callable[[Block], Iterable[str]], sections: Sequence[Section], headings: Sequence[str]
) -> Iterator[tuple[str, float]]:
    """The question's parts as (XML, height): each heading and prompt with the block after it."""
    held, held_tall = "", 0.0
    for section, heading in zip(sections, headings, strict=True):
        held += heading
        held_tall += HEADING_ROOM.get(section.level, HEADING_ROOM[3])
        if section.level > 2 and section.blocks and _section_tall(section) <= page_room() * 0.9:
            # a part of the question with parts of its own (point 17's goals: know, feel,
            # do) stays whole on a page, under its heading
            xml = "".join(x for block in section.blocks for x in write(block))
            yield held + xml, held_tall + _tall(section.blocks)
            held, held_tall = "", 0.0
            continue
        for block in section.blocks:
            xml = "".join(write(block))
            tall = _tall([block])
            if isinstance(block, Paragraph) and block.prompt:
                held, held_tall = held + xml, held_tall + tall
                continue
            yield held + xml, held_tall + tall
            held, held_tall = "", 0.0
    if held:
        yield held, held_tall


def continued(w: TableWriter, section: Section, language: Language) -> str:
    """The question again at the top of a page it goes on to, marked as continued.

    Set as its heading is, but not a heading: the contents list the question once.
    """
    size = size_xml(round(_design.size("h2", w.look.large_print) * 2))
    rpr = f'<w:b/><w:color w:val="1F1F1F"/>{size}{lang_xml(section.lang)}'
    title = f"{section.title} ({label('continued', language)})"
    ppr = '<w:pageBreakBefore/><w:keepNext/><w:spacing w:before="0" w:after="80"/>'
    return p_xml(run_xml(title, rpr), ppr)


def question_pages(
    w: TableWriter,
    write: Callable[[Block], Iterable[str]],
    sections: Sequence[Section],
    headings: Sequence[str],
    language: Language,
    room: float = 0.0,
    movable: bool = False,
    notes: Callable[[], Iterable[str]] = lambda: (),
    more: Callable[[int], Iterable[str]] = lambda lines: (),
) -> tuple[list[str], float]:
    """A question packed into pages, each page after its first opening with the question.

    ``headings`` are the sections' headings' XML; ``room`` is how far down its
    page the question starts, by the estimate. A ``movable`` question whose
    first page would hold little of it (a heading and an introduction at the
    foot) starts the next page instead, under ``notes()`` left on this one. The
    second value is how far down its last page the question ends, by the estimate.
    A page the question goes on from, left well short of its foot, ends in
    ``more(lines)`` to write on, short of the foot by what the estimate may be short by,
    when it ends in a part's lines to write on: they go on from those, under their prompt.
    """
    page = page_room()
    parts = list(_parts(write, sections, headings))
    talls = [tall for _, tall in parts]
    pages, used = _pack(talls, room, page)
    out: list[str] = []
    if room and (not pages[0] or (movable and sum(talls[i] for i in pages[0]) < page * 0.25)):
        # nothing of it, or only its heading and a few lines, would stand on this page
        pages, used = _pack(talls, 0.0, page)
        parts[0] = (break_before(parts[0][0]), parts[0][1])
        out.extend(notes())
    for n, indices in enumerate(pages):
        if n:
            out.append(continued(w, sections[0], language))
        for i in indices:
            xml, tall = parts[i]
            # a table longer than a page goes on a row at a time under its header
            whole = not (tall > page and xml.rstrip().endswith("</w:tbl>"))
            out.append(kept_together(xml) if whole else xml)
        top = (room if n == 0 else HEADING_ROOM[2]) + sum(talls[i] for i in indices)
        lines = int((page * 0.8 - top) / _LINE)
        if n + 1 < len(pages) and top < page * 0.6 and lines >= 3 and ends_in_lines(out[-1]):
            out.extend(more(lines))
    return out, used


def _pack(talls: Sequence[float], room: float, page: float) -> tuple[list[list[int]], float]:
    """The parts of ``talls`` over the fewest pages, the emptiest of them as full as can be.

    The first page has ``room`` taken already; each page after it opens with the
    question again. When the first part does not fit under ``room``, the one page
    is empty: the question starts the next. The second value is how far down its
    last page the question ends.
    """
    count = len(talls)
    if room and talls and room + talls[0] > page:
        return [[]], room  # not even its first part on this page
    best: tuple[tuple[int, float], list[list[int]], float] = ((count + 1, 0.0), [], 0.0)
    # (a question has a dozen parts at most: every way of cutting them is tried)
    for mask in range(1 << max(0, count - 1)) if count <= 14 else (0,):
        pages: list[list[int]] = [[0]] if count else [[]]
        for i in range(1, count):
            if mask >> (i - 1) & 1:
                pages.append([])
            pages[-1].append(i)
        fills = []
        for n, indices in enumerate(pages):
            top = room if n == 0 else HEADING_ROOM[2]
            used = top + sum(talls[i] for i in indices)
            if used > page and len(indices) > 1:
                break
            fills.append(used)
        else:
            score = (len(pages), -min(fills))
            if score < best[0]:
                best = (score, pages, fills[-1])
    return best[1], best[2]


_STYLE = re.compile(r"<w:pStyle [^>]*/>")


def break_before(xml: str) -> str:
    """``xml`` with its first paragraph, a heading, starting a page."""
    return _STYLE.sub(lambda m: m.group(0) + "<w:pageBreakBefore/>", xml, count=1)


def is_sheet(section: Section) -> bool:
    """Whether ``section`` is a workshop sheet kept on a page of its own (ATT GÖRA)."""
    return any(isinstance(b, Table) and b.keep_together for b in section.blocks)
