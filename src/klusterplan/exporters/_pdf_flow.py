"""How the PDF's pages flow: groups kept together, page directions, the contents' pages.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable

from ..document import Section
from ._pdf_flowables import _Grid, _Heading
from ._pdf_styles import _CONTENT_HEIGHT

#: The height a portrait page's frame holds: the text area less the footer's room and
#: the frame's padding above and below.
FRAME_ROOM = _CONTENT_HEIGHT - 4 * mm - 12


def balanced(lines: list[Any], width: float, room: float) -> list[Any]:
    """The contents' lines with page breaks between chapters, so that its pages fill alike.

    Contents longer than a page would fill the first and leave a few lines on
    the next; a break before a chapter's line instead shares the lines out, so
    that no contents page is nearly empty and no chapter is split from its
    sections. The first of ``lines`` is the contents' heading.
    """
    heights: list[float] = []
    after = 0.0
    for line in lines:
        style = line.style
        gap = max(after, style.spaceBefore) if heights else 0.0
        heights.append(gap + line.wrap(width, room)[1])
        after = style.spaceAfter
    heights[-1] += after
    total = sum(heights)
    if total <= room:
        return lines
    # a block: a chapter's line (level 0, the first contents style) and its sections'
    starts = [k for k, line in enumerate(lines) if k == 1 or (k > 1 and line.style.name == "toc0")]
    blocks = [
        (k, sum(heights[k:end])) for k, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    blocks[0] = (0, blocks[0][1] + sum(heights[:1]))
    pages = math.ceil(total / room)
    limit = total / pages
    while True:
        breaks, used = [], 0.0
        for k, height in blocks:
            if used and used + height > limit:
                breaks.append(k)
                used = 0.0
            used += height
        if len(breaks) < pages or limit >= room:
            break
        limit += 6
    out: list[Any] = []
    for k, line in enumerate(lines):
        if k in breaks:
            out.append(PageBreak())
        out.append(line)
    return out


def together(flowables: list[Any]) -> Any:
    """``flowables`` kept together on one page; groups among them are opened up.

    reportlab's KeepTogether says it is taller than any page to force its
    split, so one nested in another always pushed the outer group to the
    next page, however little it held.
    """
    flat: list[Any] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            flat.extend(together(flowable._content)._content)
        else:
            flat.append(flowable)
    return KeepTogether(flat)


def page_runs(
    sections: tuple[Section, ...], leads: Callable[[Section], bool] = lambda s: False
) -> list[tuple[Section, ...]]:
    """``sections`` in runs that share a page direction.

    A run is a section with blocks of its own and the headings with nothing of
    their own above it.

    A chapter goes on landscape pages only as far as its wide tables: a list
    after them returns to portrait pages rather than holding a landscape page.
    A section that ``leads`` (a workbook heading with only its introduction) goes
    with the run under it, as a heading with nothing of its own does.
    """
    out: list[list[Section]] = [[]]
    for section in sections:
        out[-1].append(section)
        if section.blocks and not leads(section):
            out.append([])
    return [tuple(run) for run in out if run]


def keeps_with_next(flowable: Any) -> bool:
    """Whether reportlab keeps ``flowable`` on the page of the one after it (a label)."""
    keep = getattr(flowable, "getKeepWithNext", None)
    return bool(keep() if keep is not None else getattr(flowable, "keepWithNext", 0))


def all_headings(flowables: list[Any]) -> Iterator[_Heading]:
    """The headings of a story in order, those kept together with what follows them too."""
    for flowable in flowables:
        if isinstance(flowable, _Heading):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from all_headings(flowable._content)


#: The least body rows a question's table keeps on the page it starts on, cut over pages.
_CUT_ROWS = 3


class Question(KeepTogether):  # type: ignore[misc]
    """A workbook question: whole on a page, or split between its parts, its heading repeated.

    One that fits the page it starts on stays whole there. One that does not
    moves whole to the next page when this one is half full already and it fits
    that one; else as many of its parts as fit stay here, and the rest goes on
    over the page under ``again()``: the question repeated, marked as continued.
    So no page is left half empty for a question, and no room to write is cut
    off from what it asks.
    """

    def __init__(
        self,
        head: list[Any],
        parts: list[list[Any]],
        again: Callable[[], list[Any]],
        measure: Callable[[Any], float],
    ) -> None:
        # (groups inside opened up: one nested says it is taller than any page)
        super().__init__(together([*head, *(f for part in parts for f in part)])._content)
        self.head, self.parts, self.again, self.measure = head, parts, again, measure

    def split(self, aW: float, aH: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        room = float(frame._height) if frame is not None else aH
        total = sum(self.measure(f) for f in self._content)
        if total <= aH:
            return list(self._content)
        if total <= room and room - aH >= room * 0.5:
            # whole, on the next page (by this measure: reportlab's own, without the space
            # around each part, may find it fits here and then break it)
            return [KeepTogether.FrameBreak(), self]
        height = sum(self.measure(f) for f in self.head)
        fit, kept = 0, height
        for part in self.parts:
            height += sum(self.measure(f) for f in part)
            if height > aH:
                break
            fit, kept = fit + 1, height
        cut = self.cut_table(fit, aW, aH - kept)
        if cut:
            head, rest = cut
            kept += sum(self.measure(f) for f in head)
        if kept < room * 0.3:
            # a heading and a few lines at the foot, what they ask on the next page:
            # the question starts the next page instead
            fit, cut = 0, None
        if not cut and total <= room and len(self.parts) < 2 and aH < room * 0.95:
            return [KeepTogether.FrameBreak(), self]  # whole, on the next page
        if cut:
            again = Question(self.again(), [rest, *self.parts[fit + 1 :]], self.again, self.measure)
            return [*self.head, *(f for part in self.parts[:fit] for f in part), *head, again]
        if fit == 0:
            # not even its first part here: the next page, unless this one is empty
            at_top = aH >= room * 0.95
            # (reportlab adds the first of a split's parts unsplit: an action goes first)
            flowing = [KeepTogether.NullActionFlowable(), *self._content]
            return flowing if at_top else [KeepTogether.FrameBreak(), self]
        rest = Question(self.again(), self.parts[fit:], self.again, self.measure)
        return [*self.head, *(f for part in self.parts[:fit] for f in part), rest]

    def cut_table(self, at: int, aW: float, aH: float) -> tuple[list[Any], list[Any]] | None:
        """Part ``at`` cut in ``aH`` when it ends in a table: its first rows here, the rest on.

        This page keeps :data:`_CUT_ROWS` body rows at least, a row or two under a question
        look left over; the next page two, under the header repeated.
        """
        if at >= len(self.parts):
            return None
        flat = list(together(self.parts[at])._content)
        # the table, and the space after it, which goes on with its rows
        k = max((i for i, f in enumerate(flat) if isinstance(f, Table)), default=-1)
        if k < 0 or not all(isinstance(f, Spacer) for f in flat[k + 1 :]):
            return None
        above = sum(self.measure(f) for f in flat[:k])
        table = flat[k]
        # (reportlab's own cut: the table's wish to move whole is the question's to overrule)
        pieces = Table.split(table, aW, aH - above) if aH > above else []
        body = len(table._cellvalues) - table.repeatRows
        if len(pieces) != 2:
            return None
        first = len(pieces[0]._cellvalues) - table.repeatRows
        if first < _CUT_ROWS or body - first < 2:
            return None
        return [*flat[:k], pieces[0]], [pieces[1], *flat[k + 1 :]]


#: The fewest fields of a record on either side of a page break.
RECORD_END = 3
#: A record that does not fit the room left moves whole to the next page when the page
#: is already this full; on an emptier page it splits between its fields.
RECORD_FULL = 0.8


class Record(KeepTogether):  # type: ignore[misc]
    """A record of fields under its rule (a wide table's row in large print).

    It stays whole on the page it starts on when it fits there, and moves whole
    to the next page when this one is :data:`RECORD_FULL` full already. Else it
    splits between two fields, leaving at least :data:`RECORD_END` fields on each
    side: never a lone "Status: planerad" at the top of a page or "Nr: 2" at its
    foot, and never a page left a third empty because a long record went over
    whole. The part on the next page opens with ``cue``, the record's first
    field marked as continued ("Nr: 1 (forts.)"), so that its fields read as
    the record's they are.
    """

    def __init__(
        self,
        head: list[Any],
        fields: list[list[Any]],
        measure: Callable[[Any], float],
        cue: Callable[[], list[Any]] | None = None,
    ) -> None:
        super().__init__(together([*head, *(f for field in fields for f in field)])._content)
        self.head, self.fields, self.measure, self.cue = head, fields, measure, cue

    def split(self, aW: float, aH: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        room = float(frame._height) if frame is not None else aH
        heights = [sum(self.measure(f) for f in field) for field in self.fields]
        height = sum(self.measure(f) for f in self.head)
        total = height + sum(heights)
        if total <= aH:
            return list(self._content)
        at_top = aH >= room * 0.95
        short = len(self.fields) < 2 * RECORD_END
        if total <= room and (short or room - aH >= room * RECORD_FULL):
            return list(super().split(aW, aH))  # whole, on the next page
        fit = 0
        for k, field in enumerate(heights[:-RECORD_END], start=1):
            height += field
            if height > aH:
                break
            if k >= RECORD_END:
                fit = k
        if fit == 0 and total <= room:
            return list(super().split(aW, aH))  # too little room for three fields: whole
        if fit == 0:
            # taller than a page: from the top of the next, flowing on as it must
            # (reportlab adds the first of a split's parts unsplit: an action goes first)
            flowing = [KeepTogether.NullActionFlowable(), *self._content]
            return flowing if at_top else [KeepTogether.FrameBreak(), self]
        cue = self.cue() if self.cue else []
        rest = Record(cue, self.fields[fit:], self.measure, self.cue)
        return [*self.head, *(f for field in self.fields[:fit] for f in field), rest]


#: The least a chapter leaves on the page it ends on when it began on an earlier one,
#: in lines of body text: fewer look like a page printed by mistake.
END_LINES = 10


def keep_end(story: list[Any], tall: Callable[[Any], float], room: float, limit: float) -> None:
    """Keep a chapter's last ``room`` points together, so they never stand alone on a page.

    The flowables at the end of ``story`` are gathered until they are ``room``
    tall and kept together: when the page would break inside them they move
    over as one, taking the lines before them along. ``limit`` caps what moves,
    so that the page they leave stays well filled; a flowable taller than that
    (a long table) breaks as it always does.
    """
    k, total = len(story), 0.0
    while k > 0 and total < room:
        flowable = story[k - 1]
        if isinstance(flowable, ActionFlowable | PageBreak | CondPageBreak):
            break  # a page template change or a break: the chapter's end is found
        height = tall(flowable)
        if total + height > limit:
            break
        total += height
        k -= 1
    if len(story) - k >= 2:
        story[k:] = [together(story[k:])]


def table_room(
    tall: Callable[[Any], float], height: float, headings: list[Any], body: list[Any]
) -> float:
    """The room ``headings`` need to start a table that follows a short introduction.

    A heading, a label and a paragraph of a few lines at a page's foot, and the
    table they introduce on the next page, read apart: they go over with the
    table's header and first rows when all that takes less than half a page
    (``height`` is the page's; ``tall`` measures a flowable with its spacing).
    """
    need = sum(tall(f) for f in headings)
    for f in body[:4]:
        if isinstance(f, _Grid) and not f.splitInRow:
            rows = f._rowHeights
            need += (sum(rows) if len(rows) < 5 else sum(rows[:3])) + 6
            return need if need <= height * 0.5 else 0.0
        if isinstance(f, _Grid):
            break
        need += tall(f)
        if isinstance(f, KeepTogether) and any(isinstance(c, _Grid) for c in f._content):
            # a short table kept whole: it goes over whole
            return need if need <= height * 0.5 else 0.0
    return 0.0


def start_room(
    tall: Callable[[Any], float],
    page: float,
    leading: float,
    headings: list[Any],
    body: list[Any],
) -> float:
    """The room the headings need at a page's foot: with two lines of what follows.

    A short first block (a one-line field, a label) counts whole, so that the
    headings never end a page over a single line; the room is never more than
    half a page (``page`` is its height), which a page break would leave empty. An introduction to a
    table counts whole, with the table's header and first rows.
    """
    need = sum(tall(f) for f in headings)
    shown = 0.0
    after_kept = False
    for f in body:
        h = tall(f)
        kept = keeps_with_next(f) or getattr(f, "kp_leads", False)
        if isinstance(f, _Grid) and not f.splitInRow:
            # a table: its header and two rows, the least a page may hold of it
            rows = f._rowHeights
            least = sum(rows) if len(rows) < 5 else sum(rows[:3])
            need += least + f.getSpaceBefore() + 6  # (rules and rounding)
            break
        # (reportlab keeps what follows a label whole with it: it moves as one)
        whole = isinstance(f, KeepTogether) or kept or after_kept
        after_kept = kept
        if not whole and h > 2 * leading + f.getSpaceBefore():
            # a longer paragraph or list: two of its lines, the least it leaves here
            h = 2 * leading + f.getSpaceBefore()
        need += h
        shown += h
        if shown >= 2 * leading * 0.95 and not kept:
            break
    return float(min(need, page * 0.5))
