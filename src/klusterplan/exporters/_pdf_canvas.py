"""The canvas of the PDF export: page numbers, footers, the contents' numbers and bookmarks.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import time
from typing import Any

import attrs
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate

from ..document import Document
from ._pdf_flow import Question
from ._pdf_flowables import QuestionMark, _Heading
from ._pdf_styles import _MARGIN, Look


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    #: The workbook question being laid out: its heading again, marked as continued.
    _again: Any = None

    def filterFlowables(self, flowables: list[Any]) -> None:
        """A page a workbook question goes on to opens with the question, continued."""
        first = flowables[0]
        if isinstance(first, QuestionMark):
            self._again = first.again
            flowables[0] = None  # read: nothing to lay out
            return
        frame = getattr(self, "frame", None)
        if self._again is None or frame is None or not frame._atTop:
            return
        if isinstance(first, ActionFlowable | Spacer | PageBreak):
            return  # a break: what follows it comes here again
        inner = first
        while isinstance(inner, KeepTogether):
            if not inner._content or isinstance(inner._content[0], QuestionMark):
                return  # a question of its own begins
            inner = inner._content[0]
        if isinstance(inner, _Heading) and inner.outline_level <= 1:
            return
        if isinstance(first, KeepTogether):
            # inside the group, which reportlab lays out without coming back here
            again = self._again()
            first._content[0:0] = again
            if isinstance(first, Question):
                first.head[0:0] = again
            vars(first).pop("_wrapInfo", None)
        else:
            flowables[0:0] = self._again()

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _Heading):
            canv = self.canv
            canv.mark_heading(flowable.key)
            canv.addOutlineEntry(flowable.plain, flowable.key, flowable.outline_level)
        else:
            self.canv.flowable_done()


@attrs.frozen
class _ContentsEnd:
    """Where a contents line's text ends on its page, and the heading it names."""

    key: str
    """The bookmark of the heading the line names."""
    x: float
    """Where the text ends, in page coordinates."""
    y: float
    """The baseline of the line's last row, in page coordinates."""
    style: Any
    area: tuple[float, float, float]
    """The entry's left edge, bottom and top, in page coordinates: its link's rectangle."""


#: The dot leader between a contents line and its page number, as reportlab draws it.
_DOT = " . "


class _Furniture:
    """What every page but the title page carries: the footer, its page number and the logo."""

    def __init__(self, document: Document, look: Look, logo: Any) -> None:
        self.fonts = look.fonts
        self.footer = " · ".join(t for t in (document.footer, look.branding.footer) if t)
        self.size = look.of("footer")
        self.accent = look.accent
        self.page_label = document.page_label
        self.logo = logo
        self.stamp: int | None = None
        """The plan's date as a timestamp: the PDF's creation date, so the bytes repeat."""
        if document.date is not None:
            moment = _dt.datetime.combine(document.date, _dt.time(12), tzinfo=_dt.UTC)
            self.stamp = calendar.timegm(moment.utctimetuple())
        self._shortened: dict[float, str] = {}

    def draw_runs(self, canv: Any, x: float, y: float, text: str) -> None:
        """Draw ``text`` at the footer's size, each run in a font that has its characters."""
        size = self.size
        for font, run in self.fonts.runs(text):
            canv.setFont(font, size)
            canv.drawString(x, y, run)
            x += stringWidth(run, font, size)

    def width(self, text: str) -> float:
        """The width of ``text`` at the footer's size."""
        size = self.size
        return float(sum(stringWidth(run, font, size) for font, run in self.fonts.runs(text)))

    def short_footer(self, room: float) -> str:
        """The footer text, shortened with an ellipsis to fit ``room``."""
        # The page number's width, and so the room left, takes a handful of
        # values; shortening one character at a time is done once for each.
        shortened = self._shortened
        if room not in shortened:
            footer = text = self.footer
            if self.width(text) > room:
                # the longest start that fits with its ellipsis, found by halving:
                # one character at a time cost time growing with the square of the name
                fits, over = 0, len(footer)
                while over - fits > 1:
                    middle = (fits + over) // 2
                    if self.width(footer[: middle - 1] + "…") <= room:
                        fits = middle
                    else:
                        over = middle
                text = footer[: fits - 1] + "…" if fits else ""
            shortened[room] = text
        return shortened[room]

    def draw(self, canv: Any, total: int) -> None:
        """Draw the footer line, the footer and page number, and the logo on ``canv``'s page."""
        # Each page's own size: landscape pages hold the wide tables.
        page_width, page_height = canv._pagesize
        size = self.size
        canv.saveState()
        y = 12 * mm
        canv.setStrokeColor(self.accent)
        canv.setLineWidth(0.6)
        canv.line(_MARGIN, y + size + 3, page_width - _MARGIN, y + size + 3)
        canv.setFillColor(colors.HexColor("#404040"))
        number = self.page_label.format(page=canv._pageNumber, pages=total)
        right = page_width - _MARGIN - self.width(number)
        self.draw_runs(canv, right, y, number)
        self.draw_runs(canv, _MARGIN, y, self.short_footer(right - _MARGIN - 12))
        logo = self.logo
        if logo is not None:
            # A small logo in the header of every page after the title: 9 mm high, its top
            # 10 mm from the page's edge and its right edge on the text edge, as in Word.
            h = 9 * mm
            w = h * logo.width / logo.height
            left, bottom = page_width - _MARGIN - w, page_height - 10 * mm - h
            canv.drawImage(logo.image, left, bottom, w, h, mask="auto")
        canv.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end of the one layout pass, then completes them.

    Each page's state is kept at ``showPage``; ``save`` knows the page count
    and every heading's page, so it draws "Sida 3 av 12" on each page and
    the contents' page numbers into the slots left for them, binds the
    bookmarks to their pages and only then writes the pages out. Without
    reportlab's internals (``internals`` false) a contents number is drawn at
    the end of its page's content rather than moved into its slot.
    """

    def __init__(self, *args: Any, furniture: _Furniture, internals: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._internals = internals
        self._pages: list[dict[str, Any]] = []
        self._heading_pages: dict[str, int] = {}
        self._bookmarks: list[str] = []
        self._contents_pending: list[_ContentsEnd] = []
        self._contents_ends: list[tuple[int, _ContentsEnd]] = []
        stamp = furniture.stamp
        if stamp is not None:
            # The creation date is the plan's date, so the bytes repeat.
            ts = self._doc._timeStamp
            ts.t = stamp
            ts.lt = time.gmtime(stamp)
            ts.YMDhms = tuple(ts.lt)[:6]
            ts.dhh = ts.dmm = 0
            ts.tzname = "UTC"

    def mark_heading(self, key: str) -> None:
        """Note that the heading bookmarked as ``key`` is on the current page."""
        self._heading_pages[key] = self._pageNumber
        # A bookmark names the page it is made on, and the held-back pages
        # are only numbered in the document when written: bind it then.
        self._bookmarks.append(key)

    def contents_line(self, line: Any, end: float, baseline: float) -> None:
        """Note a contents line just drawn: where its text ends (``end``, ``baseline``).

        Both are in the line's own coordinates, where it is being drawn.
        """
        e, f = self._currentMatrix[4:]
        area = (e + line.style.leftIndent, f, f + line.height)
        self._contents_pending.append(
            _ContentsEnd(line.key, end + e, baseline + f, line.style, area)
        )

    def flowable_done(self) -> None:
        """Leave a slot after a contents line for its number, once the line is drawn.

        In the page's content right after the line's text, the number keeps
        its place in reading order (and in text copied from the page).
        """
        for end in self._contents_pending:
            slot = -1
            if self._internals:
                self._code.append("")
                slot = len(self._code) - 1
            self._contents_ends.append((slot, end))
        self._contents_pending.clear()

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._contents_ends = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            for key in self._bookmarks:
                Canvas.bookmarkPage(self, key)
            for slot, end in self._contents_ends:
                self._contents_number(slot, end)
            if self._pageNumber > 1:
                self._furniture.draw(self, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _contents_number(self, slot: int, end: _ContentsEnd) -> None:
        """Draw a contents line's dot leader and page number, and link the number."""
        right_edge = self._pagesize[0] - _MARGIN
        style = end.style
        font, font_size = style.fontName, style.fontSize
        number = str(self._heading_pages[end.key])
        number_width = stringWidth(number, font, font_size)
        dot_width = stringWidth(_DOT, font, font_size)
        dots = max(0, int((right_edge - end.x - number_width) / dot_width))
        # Drawn at the end of the page's content, then moved into the slot.
        start = len(self._code) if slot >= 0 else 0
        self.saveState()
        text = self.beginText(right_edge - number_width - dots * dot_width, end.y)
        text.setFont(font, font_size)
        text.setFillColor(style.textColor)
        text.textOut(_DOT * dots + number)
        self.drawText(text)
        self.restoreState()
        if slot >= 0:
            self._code[slot] = "\n".join(self._code[start:])
            del self._code[start:]
        # one link over the whole entry: its text, the leader and the number
        left, bottom, top = end.area
        self.linkAbsolute("", end.key, (left, bottom, right_edge, top), name=f"contents-{end.key}")


def canvas_maker(document: Document, look: Look, logo: Any, internals: bool) -> Any:
    """The canvas maker for reportlab's ``build``: a numbered canvas for ``document``."""
    return functools.partial(
        _NumberedCanvas, furniture=_Furniture(document, look, logo), internals=internals
    )
