"""Where Word will break the body's pages: an estimate, for the contents' page numbers.

Word fills a table of contents field only when it is updated (F9, or a
dialog on opening); a document printed as it comes shows what the field
holds. So the export writes the contents with page numbers, estimated here
by laying out the body as klusterplan writes it: the house typeface's widths
(:mod:`klusterplan._document.metrics`, the metrics Word's Calibri shares),
the house styles' sizes and spacing, lines wrapped word by word, headings
kept with what follows them, rows that do not split, repeated table headers,
page breaks and landscape sections. The field stays a field: F9 in Word
replaces the estimate with Word's own count.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from .._document import design as _design
from .._document.metrics import chart_height, text_width
from .marks import CHART_MARK, SECTION_MARK, W_NS, Look
from .wordml import RULE_ROOM

__all__ = [
    "CHART_BEFORE",
    "STYLE_SPACING",
    "fits_page",
    "heading_pages",
    "is_short",
    "paragraph_heights",
]

#: The space over a chart's paragraph in twips (none under it: its caption follows).
CHART_BEFORE = 120

#: Each house style's type role and its space before and after, in points.
STYLE_SPACING: dict[str, tuple[str, float, float]] = {
    "Normal": ("body", 0, 6),
    "Title": ("title", 0, 12),
    "Subtitle": ("subtitle", 0, 24),
    "Quote": ("body", 4, 6),
    "List Bullet": ("body", 0, 2),
    "List Number": ("body", 0, 2),
    "Heading 1": ("h1", 18, 6),
    "Heading 2": ("h2", 14, 4),
    "Heading 3": ("h3", 10, 3),
}
#: Styles whose space between two paragraphs of their own is dropped (Word's
#: "contextual spacing", which the package's list styles have): a list's items
#: stand a line apart, the space comes after the whole list.
_CONTEXTUAL = frozenset({"List Bullet", "List Number"})
#: The house typeface's line height at single spacing, as a share of the type size.
_LINE = 1.2207
#: The typeface's descent below the baseline, in ems (Carlito's).
_DESCENT = 0.269
#: Normal's line spacing, which every house style inherits.
_SPACING = 1.1
#: Points LibreOffice sets a table kept whole with empty cells (the staircase's, whose
#: steps stand alone in rows of empty cells) taller than the estimate: a heading kept
#: with one that would fill the page to its last points starts the next. (A figure
#: whose cells all hold text, the centre matrix, is set as estimated, a row within
#: a tenth of a point: it has none.)
_KEPT_SLACK = 8.0
_W = f"{{{W_NS}}}"
_WORD = re.compile(r" *[^ ]+| +$")


@functools.cache
def _tag(name: str) -> str:
    return _W + name


def _twips(element: Any, name: str, attr: str = "val", default: float = 0.0) -> float:
    found = element.find(_tag(name)) if element is not None else None
    if found is None or found.get(_tag(attr)) is None:
        return default
    return float(found.get(_tag(attr))) / 20


class _Para:
    """A paragraph's measures: its lines' heights, spacing and how it keeps with the next."""

    def __init__(self, lines: list[float], before: float, after: float) -> None:
        self.lines = lines
        self.before = before
        self.after = after
        self.keep_next = False
        self.keep_lines = False
        self.break_before = False
        self.level = 0
        """The heading's level, 0 for a paragraph that is no heading."""
        self.marks: list[str] = []
        self.contextual = ""
        """The style's name when its spacing is contextual (see ``_CONTEXTUAL``)."""

    @property
    def height(self) -> float:
        return self.before + sum(self.lines) + self.after


class _Row:
    def __init__(self, height: float, header: bool, keep: bool) -> None:
        self.height = height
        self.header = header
        self.keep = keep
        self.marks: list[str] = []


class _Table:
    def __init__(self, rows: list[_Row], empty: bool = False) -> None:
        self.rows = rows
        self.empty = empty
        """Whether a cell of the table holds no text (see ``_KEPT_SLACK``)."""


class _Break:
    """A section's end: the next page starts, landscape or not."""

    def __init__(self, landscape: bool) -> None:
        self.landscape = landscape


class _Measure:
    """Measures the body's paragraphs and tables in the house styles of ``look``."""

    def __init__(self, look: Look, charts: list[float]) -> None:
        self.look = look
        self.charts = charts
        self.by_id = {v: k for k, v in look.styles.items()}

    def style(self, ppr: Any) -> tuple[str, float, float, float]:
        """The style's name, size in points, and its space before and after."""
        sid = ppr.find(_tag("pStyle")) if ppr is not None else None
        name = self.by_id.get(sid.get(_tag("val")), "Normal") if sid is not None else "Normal"
        role, before, after = STYLE_SPACING.get(name, STYLE_SPACING["Normal"])
        return name, _design.size(role, self.look.large_print), before, after

    def paragraph(self, p: Any, width: float) -> _Para:
        ppr = p.find(_tag("pPr"))
        name, size, before, after = self.style(ppr)
        spacing = ppr.find(_tag("spacing")) if ppr is not None else None
        exact, multiple = 0.0, _SPACING
        if spacing is not None:
            before = _twips(ppr, "spacing", "before", before)
            after = _twips(ppr, "spacing", "after", after)
            line = spacing.get(_tag("line"))
            if spacing.get(_tag("lineRule")) == "exact" and line:
                exact = float(line) / 20
            elif line:
                multiple = float(line) / 240
        indent = (
            _twips(ppr, "ind", "left") + _twips(ppr, "ind", "right") if ppr is not None else 0.0
        )
        if ppr is not None and ppr.find(_tag("numPr")) is not None:
            indent += 18
        bold_style = name.startswith("Heading") or name == "Title"
        lines = self._lines(p, width - indent, size, bold_style)
        chart = p.get(f"{{{CHART_MARK}}}chart")
        heights: list[float]
        if chart is not None:
            heights = [self.charts[int(chart)] if int(chart) < len(self.charts) else 200.0]
            # a picture stands on the line's baseline: the font's descent goes under it
            heights[0] += size * _DESCENT
            # the paragraph the package puts in the mark's place has spacing of its own
            before, after = CHART_BEFORE / 20, 0.0
        else:
            heights = [exact or _line_height(s, multiple) for s in lines]
        if ppr is not None and ppr.find(_tag("pBdr")) is not None:
            # a rule under the paragraph adds its width and the space over it
            rule = ppr.find(_tag("pBdr"))
            if rule.find(_tag("bottom")) is not None or rule.find(_tag("between")) is not None:
                heights[-1] += RULE_ROOM / 20
            top = rule.find(_tag("top"))
            if top is not None:
                # a rule over the paragraph: its space and its width (eighths of a point)
                heights[0] += float(top.get(_tag("space"), 0)) + float(top.get(_tag("sz"), 0)) / 8
        out = _Para(heights, before, after)
        if name in _CONTEXTUAL:
            out.contextual = name
        if ppr is not None:
            out.keep_next = ppr.find(_tag("keepNext")) is not None or name.startswith("Heading")
            out.keep_lines = ppr.find(_tag("keepLines")) is not None
            out.break_before = ppr.find(_tag("pageBreakBefore")) is not None
        else:
            out.keep_next = name.startswith("Heading")
        out.marks = [m.get(_tag("name")) or "" for m in p.iter(_tag("bookmarkStart"))]
        if name.startswith("Heading ") and name[8:].isdigit():
            out.level = int(name[8:])
        return out

    def _lines(self, p: Any, width: float, size: float, bold_style: bool) -> list[float]:
        """The type size of each line ``p`` wraps into at ``width`` points."""
        lines: list[float] = []
        used, tallest = 0.0, 0.0
        for r in p.iter(_tag("r")):
            rpr = r.find(_tag("rPr"))
            sz = rpr.find(_tag("sz")) if rpr is not None else None
            run_size = float(sz.get(_tag("val"))) / 2 if sz is not None else size
            bold = bold_style or (rpr is not None and rpr.find(_tag("b")) is not None)
            for child, text in _run_parts(r):
                if child.tag == _tag("br"):
                    lines.append(tallest or run_size)
                    used, tallest = 0.0, 0.0
                elif text:
                    whole = text_width(text, run_size, bold)
                    if used + whole <= width:
                        # the most common case, a short text on the line: no word to wrap
                        used += whole
                        tallest = max(tallest, run_size)
                        continue
                    for word in _words(text):
                        w = text_width(word, run_size, bold)
                        if used and used + w > width and word.strip():
                            lines.append(tallest or run_size)
                            used, tallest = 0.0, 0.0
                            word = word.lstrip()
                            w = text_width(word, run_size, bold)
                        used += w
                        tallest = max(tallest, run_size)
                elif child.tag == _tag("tab"):
                    tallest = max(tallest, run_size)
        lines.append(tallest or size)
        return lines

    def table(self, tbl: Any) -> _Table:
        margins = tbl.find(_tag("tblPr") + "/" + _tag("tblCellMar"))
        side = 8.0
        top_bottom = 0.0
        if margins is not None:
            side = _twips(margins, "left", "w", 4) + _twips(margins, "right", "w", 4)
            top_bottom = _twips(margins, "top", "w") + _twips(margins, "bottom", "w")
        grid = [float(g.get(_tag("w"))) / 20 for g in tbl.iter(_tag("gridCol"))]
        # the rule between rows adds its width to each (eighths of a point)
        inside = tbl.find(_tag("tblPr") + "/" + _tag("tblBorders") + "/" + _tag("insideH"))
        rule = float(inside.get(_tag("sz"), 0)) / 8 if inside is not None else 0.0
        rows = []
        empty = False
        for tr in tbl.iterchildren(_tag("tr")):
            trpr = tr.find(_tag("trPr"))
            least = _twips(trpr, "trHeight") if trpr is not None else 0.0
            header = trpr is not None and trpr.find(_tag("tblHeader")) is not None
            height, keep, column = 0.0, False, 0
            marks: list[str] = []
            for tc in tr.iterchildren(_tag("tc")):
                span = tc.find(_tag("tcPr") + "/" + _tag("gridSpan"))
                n = int(span.get(_tag("val"))) if span is not None else 1
                width = sum(grid[column : column + n]) - side
                column += n
                cell = 0.0
                empty = empty or not any((t.text or "").strip() for t in tc.iter(_tag("t")))
                for p in tc.iterchildren(_tag("p")):
                    para = self.paragraph(p, width)
                    cell += para.height
                    keep = keep or para.keep_next
                    marks += para.marks
                height = max(height, cell + top_bottom)
            row = _Row(max(height + rule, least), header, keep)
            row.marks = marks
            rows.append(row)
        return _Table(rows, empty)


def _line_height(size: float, multiple: float) -> float:
    """A line's height as LibreOffice sets it, in whole twips.

    The font's height is taken in whole twips, then spaced, and the part of a
    twip left over dropped: 14.05 pt a line at 10.5 pt, not 14.1.
    """
    return math.floor(round(max(size, 1.0) * 20 * _LINE) * multiple) / 20


def _run_parts(run: Any) -> list[tuple[Any, str]]:
    """A run's children, each with its text; a word cut by a no-break hyphen is one text."""
    out: list[tuple[Any, str]] = []
    joined = False
    for child in run:
        if child.tag in (_tag("t"), _tag("noBreakHyphen")):
            text = "-" if child.tag == _tag("noBreakHyphen") else child.text or ""
            if joined:
                out[-1] = (out[-1][0], out[-1][1] + text)
            else:
                out.append((child, text))
            joined = True
        else:
            out.append((child, ""))
            joined = False
    return out


def _words(text: str) -> list[str]:
    """``text`` in words, each with the spaces before it."""
    return _WORD.findall(text)


class _Pages:
    """Lays the body's pieces on pages and notes where each bookmark falls."""

    def __init__(self, header_room: float = 0.0, starts: set[str] | None = None) -> None:
        self.header_room = header_room
        self.starts = starts
        """When given, a chapter's heading with less room under it than the house rule asks
        (:func:`~klusterplan._document.design.heading_room`) starts the next page, and
        its bookmarks are added here: the body then breaks the page before it."""
        """Points the running header takes off the top of each page's text."""
        self.page = 1
        self.y = 0.0
        self.landscape = False
        self.found: dict[str, int] = {}
        self.last: _Para | None = None
        self.top_chain = False
        """Whether the paragraphs kept with the next placed last began at a page's top:
        a chain that starts a page already goes on from there, never to the next."""
        self.forced = True
        """Whether the page was started by a page or section break, which keeps the
        space above its first paragraph (a page the text ran onto drops it)."""
        """The paragraph placed last, when nothing came after it."""

    @property
    def room(self) -> float:
        return _design.text_height(self.landscape) - self.header_room

    def new_page(self, forced: bool = False) -> None:
        self.page += 1
        self.y = 0.0
        self.forced = forced

    def _starts_page(self, para: _Para) -> bool:
        """Whether heading ``para`` has less room under it than the house rule asks."""
        # (a chapter's heading only: a section's keeps with its first lines, as Word
        # does by itself, and a page broken on an estimate a few lines off would be
        # left nearly empty more often than it saves a heading)
        if self.starts is None or para.level != 1 or self.y <= 0:
            return False
        return self.room - self.y < _design.heading_room(para.level)

    def note(self, marks: list[str]) -> None:
        for mark in marks:
            self.found.setdefault(mark, self.page)

    def paragraph(self, para: _Para, following: float, kept: bool = False) -> None:
        """Place ``para``; ``following`` is what it must share a page with when kept.

        ``kept``: what follows is a table kept whole, which starts a new page with
        the paragraph when it does not fit here, even when it is longer than a page.
        """
        if para.break_before and self.y > 0:
            self.new_page(forced=True)
        elif self._starts_page(para):
            self.starts.update(para.marks)  # type: ignore[union-attr]
            self.new_page(forced=True)
        last, self.last = self.last, para
        before = para.before if self.y > 0 or self.forced else 0.0
        if last is not None and self.y > 0:
            if para.contextual and para.contextual == last.contextual:
                # the space between two items of one list is dropped
                self.y = max(0.0, self.y - last.after)
                before = 0.0
            else:
                # between two paragraphs the larger of the two spaces stands, not both
                before = max(0.0, para.before - last.after)
        whole = before + sum(para.lines)
        chained = last is not None and last.keep_next and self.top_chain
        self.top_chain = para.keep_next and (self.y <= 0 or chained)
        if para.keep_next and not chained:
            need = whole + para.after + following
            if self.y + need > self.room and (need <= self.room or kept) and self.y > 0:
                self.new_page()
                before, whole = 0.0, sum(para.lines)
                self.top_chain = True
        if self.y + whole <= self.room:
            self.note(para.marks)
            self.y += whole + para.after
            return
        fit, y = 0, self.y + before
        while fit < len(para.lines) and y + para.lines[fit] <= self.room:
            y += para.lines[fit]
            fit += 1
        rest = len(para.lines) - fit
        # widow and orphan control: two lines at least on either side, or none
        if rest < 2 and len(para.lines) >= 3:
            fit = len(para.lines) - 2
        if para.keep_lines or fit < 2 or len(para.lines) < 4:
            fit = 0
        if fit == 0:
            if self.y > 0:
                self.new_page()
            self.note(para.marks)
            self._flow(para.lines, para.after)
            return
        self.note(para.marks)
        self.new_page()
        self._flow(para.lines[fit:], para.after)

    def _flow(self, lines: list[float], after: float) -> None:
        for line in lines:
            if self.y + line > self.room and self.y > 0:
                self.new_page()
            self.y += line
        self.y += after

    def table(self, table: _Table) -> None:
        self.last = None
        header = sum(r.height for r in table.rows if r.header)
        rows = table.rows
        # a table kept whole but longer than a page is split as any other: a row at a time
        split = _kept(table) and sum(r.height for r in rows) > self.room
        for i, row in enumerate(rows):
            if row.header:
                if self.y + row.height > self.room and self.y > 0:
                    self.new_page()
                self.note(row.marks)
                self.y += row.height
                continue
            chain = row.height
            j = i
            while rows[j].keep and j + 1 < len(rows) and not split:
                j += 1
                chain += rows[j].height
            fits_page = chain + header <= self.room
            if self.y + (chain if fits_page else row.height) > self.room and self.y > header:
                self.new_page()
                self.y += header
            self.note(row.marks)
            self.y += row.height

    def section(self, landscape: bool) -> None:
        self.last = None
        self.new_page(forced=True)
        self.landscape = landscape


def _pieces(body: Any, measure: _Measure, widths: tuple[float, float]) -> list[Any]:
    pieces: list[Any] = []
    landscape = False
    for child in body:
        width = widths[1] if landscape else widths[0]
        if child.tag == _tag("p"):
            ends = child.get(f"{{{SECTION_MARK}}}ends")
            if ends is not None:
                landscape = not landscape
                pieces.append(_Break(landscape))
            else:
                pieces.append(measure.paragraph(child, width))
        elif child.tag == _tag("tbl"):
            pieces.append(measure.table(child))
    return pieces


def _kept(piece: Any) -> bool:
    """Whether ``piece`` is a table whose rows are each kept with the next."""
    return isinstance(piece, _Table) and all(r.keep for r in piece.rows[:-1])


def _first(piece: Any) -> float:
    """What of ``piece`` must stand on the page of a paragraph kept with it."""
    if isinstance(piece, _Para):
        # two lines at least stand on either side of a break: a paragraph of three
        # lines or fewer, or one kept whole, moves as one
        whole = piece.keep_lines or len(piece.lines) < 4
        return piece.before + sum(piece.lines if whole else piece.lines[:2])
    if isinstance(piece, _Table):
        heights = [r.height for r in piece.rows]
        if _kept(piece):
            # a table kept whole goes with the paragraph kept with it, as far as a page holds
            return min(sum(heights), _design.text_height(False))
        return sum(heights[:2])
    return 0.0


def heading_pages(
    body: str, look: Look, charts: list[tuple[str, ...]], starts: set[str] | None = None
) -> dict[str, int]:
    """The page each bookmark of ``body`` (a ``w:body`` element's XML) falls on, from 1.

    ``charts`` are the names of the bars of the body's charts, in order. With
    ``starts``, the headings too near a page's foot start the next page, as in
    the PDF, and their bookmarks are added to ``starts`` (see :class:`_Pages`).
    """
    from lxml import etree

    width = look.text_width / 20 * 0.9
    heights = [chart_height(labels, width, look.large_print) for labels in charts]
    measure = _Measure(look, heights)
    root = etree.fromstring(body.encode("utf-8"))
    pieces = _pieces(root, measure, (look.text_width / 20, look.wide_width / 20))
    pages = _Pages(look.header_room, starts)
    for i, piece in enumerate(pieces):
        if isinstance(piece, _Break):
            pages.section(piece.landscape)
        elif isinstance(piece, _Table):
            if _held(piece):
                # a table kept with what follows (the chart under it) moves with it
                need = sum(r.height for r in piece.rows) + _chain(pieces, i + 1)[0]
                if pages.y + need > pages.room and need <= pages.room and pages.y > 0:
                    pages.new_page()
            pages.table(piece)
        else:
            following, kept = _chain(pieces, i + 1, pages.room) if piece.keep_next else (0.0, False)
            pages.paragraph(piece, following, kept)
    return pages.found


def _listed(para: _Para, nxt: _Para) -> bool:
    """Whether ``nxt`` follows ``para`` in one list: the space between them is dropped."""
    return bool(nxt.contextual) and nxt.contextual == para.contextual


def _held(piece: Any) -> bool:
    """Whether ``piece`` is a table kept whole and with what follows it: its last row too."""
    return isinstance(piece, _Table) and bool(piece.rows) and all(r.keep for r in piece.rows)


def _chain(pieces: list[Any], k: int, room: float = 0.0) -> tuple[float, bool]:
    """What the pieces from ``k`` on keep on the page of the one before them.

    A chain of paragraphs kept with the next, and tables kept with what follows,
    stays with the first lines after it; the second value says whether those
    are a table kept whole.
    """
    following = 0.0
    last: Any = None
    while k < len(pieces):
        nxt = pieces[k]
        if isinstance(nxt, _Break) or (isinstance(nxt, _Para) and nxt.break_before):
            # what starts a page of its own is kept with nothing before it
            return following, _long(last, room)
        if isinstance(nxt, _Para) and isinstance(last, _Para) and _listed(last, nxt):
            following -= last.after  # two items of one list: no space between them
        if (isinstance(nxt, _Para) and nxt.keep_next) or _held(nxt):
            if isinstance(nxt, _Para):
                following += nxt.height
            else:
                slack = _KEPT_SLACK if nxt.empty else 0.0
                following += sum(r.height for r in nxt.rows) + slack
            last = nxt
            k += 1
            continue
        return following + _first(nxt), _kept(nxt) or _long(last, room)
    return following, _long(last, room)


def _long(piece: Any, room: float) -> bool:
    """Whether ``piece`` is a table kept whole and with what follows, longer than ``room``.

    LibreOffice starts such a table (a filled workshop sheet) on a page of its own with
    the heading kept with it, then splits it a row at a time.
    """
    return room > 0 and _held(piece) and sum(r.height for r in piece.rows) > room


def is_short(table: str, look: Look, width: int, below: float = 0.0) -> bool:
    """Whether ``table`` (as in :func:`fits_page`) takes at most half a page.

    Such a table is kept whole on one page: split, it would carry two or three
    rows over to the next page and leave them apart from the rest. ``below`` is
    the height of a figure that follows it: the two must share a page under a
    heading too, or the page of the table is left nearly empty.
    """
    height = _height(table, look)
    page = _design.text_height(width > look.text_width)
    heading = _design.size("h1", look.large_print) * 3
    return height <= page * 0.5 and (not below or height + below + heading <= page)


def _height(table: str, look: Look) -> float:
    from lxml import etree

    root = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{table}</w:body>'.encode())
    measure = _Measure(look, [])
    return sum(r.height for t in root.iterchildren(_tag("tbl")) for r in measure.table(t).rows)


def fits_page(table: str, look: Look, width: int, headings: int = 1) -> bool:
    """Whether ``table`` (a ``w:tbl`` and what follows it, as XML) fits a page under a heading.

    ``width`` is the text width it is set in, in twips: a landscape page's when
    it is the wide width; ``headings`` how many headings stand above it there.
    """
    height = _height(table, look)
    heading = _design.size("h1", look.large_print) * 3 * headings
    return height + heading <= _design.text_height(width > look.text_width)


def paragraph_heights(paragraphs: list[str], look: Look) -> list[float]:
    """How tall each of ``paragraphs`` (``w:p`` elements as XML) stands on a portrait page.

    Each height holds the paragraph's space before and after it.
    """
    from lxml import etree

    root = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{"".join(paragraphs)}</w:body>'.encode())
    measure = _Measure(look, [])
    width = look.text_width / 20
    return [measure.paragraph(p, width).height for p in root.iterchildren(_tag("p"))]
