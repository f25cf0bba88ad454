"""A workbook question taller than a page, set on pages of its own in Word.

Word has no running heading to repeat a question where it goes on over a
page. So a question that does not fit on one page starts a page, its parts
(a prompt with what it asks for, a sub-question with its first part) are
packed into pages by the house estimate, each part kept whole, and each page
after the first opens with the question again, marked as continued: a
workshop always sees what it writes under.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence

from .._catalogue.labels import label
from .._document import design as _design
from .._document.workbook_pages import estimate
from ..document import Block, Paragraph, Section, Table
from ..model import Language
from .tables import TableWriter
from .wordml import kept_together, lang_xml, p_xml, run_xml, size_xml

__all__ = [
    "HEADING_ROOM",
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
PAGE_SHARE = 0.93

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
) -> tuple[list[str], float]:
    """A question taller than a page, packed into pages that each open with the question.

    ``headings`` are the sections' headings' XML, the first starting a page;
    ``room`` is what stands above it on that page already (a chapter's heading).
    The second value is how far down its last page the question ends, by the estimate.
    """
    page = page_room()
    parts = list(_parts(write, sections, headings))
    # the parts shared evenly over the pages they need: no page left with one part
    total = room + sum(tall for _, tall in parts)
    count = math.ceil(total / page)
    share = (total + HEADING_ROOM[2] * (count - 1)) / count
    used, placed = room, False
    out: list[str] = []
    for xml, tall in parts:
        if placed and (used + tall > page or used + tall / 2 > share):
            out.append(continued(w, sections[0], language))
            used = HEADING_ROOM[2]
        placed = True
        # a table longer than what is left goes on a row at a time under its header
        whole = not (tall > page and xml.rstrip().endswith("</w:tbl>"))
        out.append(kept_together(xml) if whole else xml)
        used += tall
    return out, used


def is_sheet(section: Section) -> bool:
    """Whether ``section`` is a workshop sheet kept on a page of its own (ATT GÖRA)."""
    return any(isinstance(b, Table) and b.keep_together for b in section.blocks)
