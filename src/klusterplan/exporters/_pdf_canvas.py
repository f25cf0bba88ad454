"""The canvas of the PDF export: page numbers, footers, the contents' numbers and bookmarks.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import time
from typing import Any

import attrs
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate

from ..document import (
    Document,
)
from ._pdf_flowables import _Heading
from ._pdf_styles import _MARGIN, Look

#: The name of the callback that marks where a contents line's text ends.
_CONTENTS_END = "kp-contents-end"


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
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


#: The dot leader between a contents line and its page number, as reportlab draws it.
_DOT = " . "


def _canvas_class(document: Document, look: Look, logo: Any) -> type:
    fonts = look.fonts
    footer = " · ".join(t for t in (document.footer, look.branding.footer) if t)
    size = look.of("footer")
    stamp = None
    if document.date is not None:
        moment = _dt.datetime.combine(document.date, _dt.time(12), tzinfo=_dt.UTC)
        stamp = calendar.timegm(moment.utctimetuple())

    def draw_runs(canv: Any, x: float, y: float, text: str) -> None:
        for font, run in fonts.runs(text):
            canv.setFont(font, size)
            canv.drawString(x, y, run)
            x += stringWidth(run, font, size)

    def width(text: str) -> float:
        return float(sum(stringWidth(run, font, size) for font, run in fonts.runs(text)))

    shortened: dict[float, str] = {}

    def short_footer(room: float) -> str:
        # The page number's width, and so the room left, takes a handful of
        # values; shortening one character at a time is done once for each.
        if room not in shortened:
            text = footer
            if width(text) > room:
                # the longest start that fits with its ellipsis, found by halving:
                # one character at a time cost time growing with the square of the name
                fits, over = 0, len(footer)
                while over - fits > 1:
                    middle = (fits + over) // 2
                    if width(footer[: middle - 1] + "…") <= room:
                        fits = middle
                    else:
                        over = middle
                text = footer[: fits - 1] + "…" if fits else ""
            shortened[room] = text
        return shortened[room]

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds pages back until the end of the one layout pass, then completes them.

        Each page's state is kept at ``showPage``; ``save`` knows the page count
        and every heading's page, so it draws "Sida 3 av 12" on each page and
        the contents' page numbers into the slots left for them, binds the
        bookmarks to their pages and only then writes the pages out.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._heading_pages: dict[str, int] = {}
            self._bookmarks: list[str] = []
            self._contents_pending: list[_ContentsEnd] = []
            self._contents_ends: list[tuple[int, _ContentsEnd]] = []
            self.setNamedCB(_CONTENTS_END, self._contents_end)
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

        def _contents_end(self, canv: Any, kind: str, key: str) -> None:
            info = self._curr_tx_info
            e, f = self._currentMatrix[4:]
            self._contents_pending.append(
                _ContentsEnd(key, info["cur_x"] + e, info["cur_y"] + f, info["xs"].style)
            )

        def flowable_done(self) -> None:
            """Leave a slot after a contents line for its number, once the line is drawn.

            In the page's content right after the line's text, the number keeps
            its place in reading order (and in text copied from the page).
            """
            for end in self._contents_pending:
                self._code.append("")
                self._contents_ends.append((len(self._code) - 1, end))
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
                self._contents_numbers()
                if self._pageNumber > 1:
                    self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _contents_numbers(self) -> None:
            right_edge = self._pagesize[0] - _MARGIN
            for slot, end in self._contents_ends:
                style = end.style
                font, font_size = style.fontName, style.fontSize
                number = str(self._heading_pages[end.key])
                number_width = stringWidth(number, font, font_size)
                dot_width = stringWidth(_DOT, font, font_size)
                dots = max(0, int((right_edge - end.x - number_width) / dot_width))
                # Drawn at the end of the page's content, then moved into the slot.
                start = len(self._code)
                self.saveState()
                text = self.beginText(right_edge - number_width - dots * dot_width, end.y)
                text.setFont(font, font_size)
                text.setFillColor(style.textColor)
                text.textOut(_DOT * dots + number)
                self.drawText(text)
                self.restoreState()
                self._code[slot] = "\n".join(self._code[start:])
                del self._code[start:]
                self.linkAbsolute(
                    "",
                    end.key,
                    (right_edge - number_width, end.y, right_edge, end.y + style.leading),
                    name=f"contents-{end.key}",
                )

        def _footer(self, total: int) -> None:
            # Each page's own size: landscape pages hold the wide tables.
            page_width, page_height = self._pagesize
            self.saveState()
            y = 12 * mm
            self.setStrokeColor(look.accent)
            self.setLineWidth(0.6)
            self.line(_MARGIN, y + size + 3, page_width - _MARGIN, y + size + 3)
            self.setFillColor(colors.HexColor("#404040"))
            number = document.page_label.format(page=self._pageNumber, pages=total)
            right = page_width - _MARGIN - width(number)
            draw_runs(self, right, y, number)
            draw_runs(self, _MARGIN, y, short_footer(right - _MARGIN - 12))
            if logo is not None:
                # A small logo in the header of every page after the title.
                h = 9 * mm
                w = h * logo.width / logo.height
                left, bottom = page_width - _MARGIN - w, page_height - 14 * mm
                self.drawImage(logo.image, left, bottom, w, h, mask="auto")
            self.restoreState()

    return _NumberedCanvas
