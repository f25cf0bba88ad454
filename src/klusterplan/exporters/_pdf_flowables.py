"""The reportlab flowables of the PDF export: paragraphs, headings, ruled lines, tables, logo.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    Frame,
    ListFlowable,
    Table,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import CondPageBreak, UseUpSpace

from ._pdf_draw import draw_plain
from ._pdf_fonts import Fonts
from ._pdf_lines import break_mixed, break_plain, plain_style

#: The line breakers of paragraphs (names tests replace).
_break_plain = break_plain
_break_mixed = break_mixed
_plain_style = plain_style


class _Para(RLParagraph):  # type: ignore[misc]
    """A reportlab Paragraph that breaks its lines once for each width.

    Tables wrap every cell to size the rows, again to split them across pages
    and again to draw them; the line breaks depend on the width alone, so they
    are kept rather than found anew (about half the wraps of an export).

    Plain text in one font (nearly all of a plan) has its lines broken by
    :func:`~klusterplan.exporters._pdf_lines.break_plain`, fields and
    contents lines (two fragments) by
    :func:`~klusterplan.exporters._pdf_lines.break_mixed`: the very breaks
    reportlab's own line breaker makes, with each word measured once a
    document. Plain left-aligned lines are drawn by
    :func:`~klusterplan.exporters._pdf_draw.draw_plain`, with the operators
    reportlab's ``drawPara`` writes.
    """

    _wrapped: tuple[float, Any, float, float] | None = None
    """The last width wrapped to, the line breaks made for it and the size."""

    internals = True
    """Whether lines are broken and drawn here with reportlab's internals (see render())."""

    def breakLines(self, width: Any) -> Any:
        if not self.internals:
            return super().breakLines(width)
        lines = _break_plain(self, width)
        if lines is None and _plain_style(self.style):
            lines = _break_mixed(self, width)
        return super().breakLines(width) if lines is None else lines

    def drawPara(self, debug: int = 0) -> None:
        if debug or not self.internals or not draw_plain(self):
            super().drawPara(debug)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        # A plain paragraph's text is set where it stands: reportlab would save the
        # canvas's state and move its origin for each paragraph and table cell,
        # a fifth of the time the pages take to draw. (A subclass that draws more
        # than its text, as a contents line does, is drawn the usual way.)
        if (
            self.internals
            and type(self).draw is RLParagraph.draw
            and not self.debug
            and not getattr(self, "_showBoundary", 0)
        ):
            x = self._hAlignAdjust(x, _sW)
            self.canv = canvas
            try:
                if draw_plain(self, x, y):
                    return
            finally:
                del self.canv
            _sW = 0
        super().drawOn(canvas, x, y, _sW)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        last = self._wrapped
        # Valid only while the line breaks are still those wrap() made: splitting
        # deletes them, and some reportlab flowables set their own.
        if last is not None and last[0] == avail_width and last[1] is vars(self).get("blPara"):
            self.width, self.height = last[2], last[3]
            return last[2], last[3]
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, vars(self).get("blPara"), width, height)
        return width, height


class _Heading(_Para):
    """A section heading: a bookmark, an outline entry and a contents line."""

    def __init__(
        self,
        markup: str | None,
        style: Any,
        plain: str = "",
        key: str = "",
        level: int = 0,
        toc_markup: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(markup, style, **kwargs)
        self.plain = plain
        self.key = key
        self.outline_level = level
        self.toc_markup = toc_markup
        """The heading as markup for its contents line; ``None`` keeps it out of the contents."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        # A heading longer than a page goes on over the next; only its first part
        # marks the section, so the bookmark and the contents point at its start.
        parts: list[Any] = super().split(avail_width, avail_height)
        if parts:
            first = parts[0]
            first.plain, first.key = self.plain, self.key
            first.outline_level, first.toc_markup = self.outline_level, self.toc_markup
            for rest in parts[1:]:
                rest.__class__ = _Para
        return parts


class _ContentsLine(_Para):
    """A line of the contents: the heading's text, told to the canvas where it ends once drawn.

    Its text is a plain paragraph (broken and drawn as any other); the canvas
    adds the dot leader, the page number and one link over the whole entry
    when the document's pages are known.
    """

    key = ""
    """The bookmark of the heading the line names ("" on all but a split line's last part)."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for part in parts:
            part.key = ""
        if parts:
            parts[-1].key = self.key
        return parts

    def draw(self) -> None:
        super().draw()
        if not self.key:
            return
        lines = self.blPara.lines
        style = self.style
        last = lines[-1]
        room = self.width - style.leftIndent - style.rightIndent
        if self.blPara.kind == 0:
            extra = last[0]
            size = self.blPara.fontSize
        else:
            room, extra, size = last.maxWidth, last.extraSpace, last.fontSize
        baseline = self.height - size - style.leading * (len(lines) - 1)
        self.canv.contents_line(self, style.leftIndent + room - extra, baseline)


class _Item(_Para):
    """A list's item: its paragraph set in from the list's edge, its bullet or number before it.

    What reportlab's ``ListFlowable`` makes of an item of one paragraph (an
    indenter around the paragraph, a bullet drawer beside it) in one flowable,
    its style's left indent standing for the indenter's: the same lines in the
    same places, without an indenter's attribute lookups and a moved origin for
    each bullet (a tenth of an export's time went to them).
    """

    bullet = ""
    """The bullet or the number, on the item's first part only."""

    bullet_font = ""
    bullet_size = 0.0

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        # as reportlab's list item: rather than leave its last line alone, it moves whole
        if len(parts) > 1 and len(parts[0].blPara.lines) == len(self.blPara.lines) - 1:
            return []
        for part in parts:
            part.bullet_font, part.bullet_size = self.bullet_font, self.bullet_size
        if parts:
            parts[0].bullet = self.bullet
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.bullet:
            canvas.saveState()
            canvas.setFont(self.bullet_font, self.bullet_size)
            canvas.setFillColor(colors.black)
            canvas.drawString(x, y + self.height - self.bullet_size, self.bullet)
            canvas.restoreState()
        super().drawOn(canvas, x, y, _sW)


class _List(ListFlowable):  # type: ignore[misc]
    """A bullet or numbered list of :class:`_Item`: wrapped, split and spaced as reportlab's."""

    def __init__(self, items: list[_Item]) -> None:
        super().__init__([])
        self._list_content = items


class _RuledLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write on by hand; splits across pages line by line."""

    def __init__(self, lines: int, gap: float) -> None:
        super().__init__()
        self.lines = lines
        self.gap = gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.lines * self.gap

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.gap)
        if fits < 1 or fits >= self.lines:
            return [] if fits < 1 else [self]
        return [_RuledLines(fits, self.gap), _RuledLines(self.lines - fits, self.gap)]

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#9A9A9A"))
        self.canv.setLineWidth(0.5)
        for i in range(self.lines):
            y = i * self.gap + 1
            self.canv.line(0, y, self.width, y)


class _MoreLines(Flowable):  # type: ignore[misc]
    """The rest of a page as more lines of the question above, when the next one moves on.

    Where what follows (``following``: a question, and the conditional page breaks
    before it) does not start on this page, the page would end in blank space: the
    question before it gets that room as more ruled lines, ``lead`` (the space
    after its lines) apart from them as its own lines are from each other. A
    page more than ``most`` empty stays as it is: the end of a chapter.
    """

    def __init__(self, gap: float, lead: float, following: list[Any], most: float) -> None:
        super().__init__()
        self.gap, self.lead, self.following, self.most = gap, lead, following, most
        self.lines = 0

    def _moves_on(self, avail_width: float, avail_height: float) -> bool:
        """Whether what follows starts on the next page, not in ``avail_height`` here."""
        for f in self.following:
            if isinstance(f, CondPageBreak):
                if avail_height < f.height:
                    return True
                continue
            if isinstance(f, ActionFlowable | UseUpSpace):
                return True  # a page break, or a change of page
            frame = getattr(self, "_frame", None)
            if frame is not None:
                f._frame = frame
            if f.wrapOn(self.canv, avail_width, avail_height)[1] <= avail_height:
                return False
            parts = f.splitOn(self.canv, avail_width, avail_height)
            return not parts or isinstance(parts[0], type(FrameBreak))
        return False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.lines = avail_width, 0
        first = self.gap - self.lead  # the first line as far under the last as they are apart
        if self.most >= avail_height > first + 2 and self._moves_on(avail_width, avail_height):
            self.lines = int((avail_height - 2 - first) // self.gap) + 1
        self.height = (first + (self.lines - 1) * self.gap + 2) if self.lines else 0.0
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # (nothing to carry over: on a new page it takes no room)

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#9A9A9A"))
        self.canv.setLineWidth(0.5)
        top = self.height
        for i in range(self.lines):
            y = top - (self.gap - self.lead) - i * self.gap
            self.canv.line(0, y, self.width, y)


class _Grid(Table):  # type: ignore[misc]
    """A table that never leaves fewer than two body rows on either side of a page break."""

    kp_room: float = 0.0
    """The height of a whole page's frame: a table no taller moves whole rather than
    split with a lone row."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = self._parts(avail_width, avail_height)
        for part in parts:
            if isinstance(part, _Grid):
                part.kp_room = self.kp_room
        return parts

    def _parts(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if len(parts) != 2 or self.splitInRow:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        rows = len(self._cellvalues) - head
        first = len(parts[0]._cellvalues) - head
        if first >= 2 and rows - first >= 2:
            return self._balanced(avail_width, avail_height, parts, head)
        if first > 2:
            # one row carried over alone: take the one before it along
            again = self._cut(avail_width, sum(self._rowHeights[: head + first - 1]))
            if again:
                return again
        if sum(self._rowHeights) <= self.kp_room or avail_height < self.kp_room * 0.9:
            return []  # the table starts on the next page
        return parts

    def _balanced(
        self, avail_width: float, avail_height: float, parts: list[Any], head: int
    ) -> list[Any]:
        """``parts``, or a split further up when the last page would hold only a few rows.

        When the rows carried over fill less than :data:`_LEAST_FILL` of a page and
        end the table, rows move over to them until they do, as long as this page
        stays as full and keeps two rows.
        """
        room = self.kp_room
        heights = self._rowHeights
        header = sum(heights[:head])
        cut = len(parts[0]._cellvalues)
        rest = header + sum(heights[cut:])
        if not room or rest >= room * _LEAST_FILL or rest > room:
            return parts
        used = room - avail_height  # what stands above the table on this page
        while cut - head > 2 and rest < room * _LEAST_FILL:
            cut -= 1
            rest += heights[cut]
        if used + sum(heights[:cut]) < room * _LEAST_FILL or rest < room * _LEAST_FILL:
            return parts
        return self._cut(avail_width, sum(heights[:cut])) or parts

    def _cut(self, avail_width: float, height: float) -> list[Any]:
        """The table split to ``height``, the rest on the next page; ``[]`` when it cannot be."""
        again: list[Any] = Table.split(self, avail_width, height + 0.5)
        if len(again) != 2:
            return []
        # the page has room left below the cut: the rest must not start in it
        return [again[0], FrameBreak(), again[1]]


#: The least share of a page the rows of a table split over pages fill on each.
_LEAST_FILL = 0.45

_IMMUTABLE = (int, float, str, bool, type(None))


class _Frame(Frame):  # type: ignore[misc]
    """A frame whose deep copy is quick.

    reportlab deep-copies the current frame each time it measures a group kept
    together (a heading with its text, a short list); a frame is mostly
    numbers, which need no copying, so only its lists are copied deeply.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        clone.__dict__.update(
            (k, v if type(v) in _IMMUTABLE else copy.deepcopy(v, memo))
            for k, v in self.__dict__.items()
        )
        return clone


class _Logo(Flowable):  # type: ignore[misc]
    """A logo with its alt text as invisible text, so text extraction finds it."""

    def __init__(self, image: Any, width: float, height: float, alt: str, fonts: Fonts) -> None:
        super().__init__()
        self.image = image
        self.width = width
        self.height = height
        self.alt = alt
        self.fonts = fonts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height, mask="auto")
        if self.alt:
            # reportlab writes no tagged PDF; invisible text (render mode 3)
            # over the picture is what a screen reader or a search can find.
            text = self.canv.beginText(0, self.height / 2)
            text.setTextRenderMode(3)
            for font, run in self.fonts.runs(self.alt.replace("\n", " ")):
                text.setFont(font, 6)
                text.textOut(run)
            self.canv.drawText(text)


class QuestionMark(Flowable):  # type: ignore[misc]
    """Where a workbook question begins: what a page it goes on to opens with.

    Takes no room. The document template (``filterFlowables``) reads it as it
    passes and sets the question's heading, marked as continued, at the top of
    each page the question goes on to without a heading of its own (point 17's
    parts, a table going on over the page); ``again`` is ``None`` past a question.
    """

    def __init__(self, again: Callable[[], list[Any]] | None) -> None:
        super().__init__()
        self.again = again

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        # laid out inside a group, it never passes the document's filter: it tells it here
        doc = getattr(self.canv, "_doctemplate", None)
        if doc is not None:
            doc._again = self.again
