"""Laying out a :class:`~klusterplan.document.Document` as PDF pages with reportlab.

Every piece of plan text goes through :meth:`Fonts.markup`, which escapes it,
before it reaches a reportlab ``Paragraph``; text drawn straight on the canvas
(footer, chart labels) is never parsed at all. So a plan cannot inject markup,
images or links, and cannot make reportlab open a file or a URL.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import calendar
import copy
import datetime as _dt
import io
import math
import re
import time
from collections.abc import Iterator
from typing import Any

import attrs
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import BaseDocTemplate, NextPageTemplate
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.paragraph import _shy as _SHY
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paragraph import split as rl_split
from reportlab.platypus.paragraph import strip as rl_strip

from .._document import design as _design
from .._document.metrics import fit_columns
from .._support.version import version
from ..branding import Branding
from ..document import (
    Block,
    BulletList,
    Chart,
    Document,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Section,
    Staircase,
    WritingSpace,
    chapters,
    has_wide_table,
)
from ..document import Table as TableBlock
from ._pdf_draw import draw_plain
from ._pdf_fonts import Fonts
from ._pdf_lines import LONG_WORD, ascent_descent, break_mixed, fitting, word_widths

__all__ = ["Look", "render"]

_MARGIN = 20 * mm
_CONTENT_WIDTH = A4[0] - 2 * _MARGIN
_CONTENT_HEIGHT = A4[1] - 2 * _MARGIN
#: The pages of a chapter with a table of WIDE_COLUMNS columns or more: on a
#: portrait page its narrow columns would break words in the middle.
_LANDSCAPE = landscape(A4)
_WIDE_WIDTH = _LANDSCAPE[0] - 2 * _MARGIN
_WIDE_HEIGHT = _LANDSCAPE[1] - 2 * _MARGIN
#: Left and right padding of a table cell together, as in Word (4 pt each side).
_CELL_PADDING = 8.0
#: The least size a table's text may shrink to so that its words fit, in points.
_SMALLEST = 7.5
_RULE = colors.HexColor("#BFBFBF")
_TINT = colors.HexColor("#EAF0F6")
_DARK = colors.HexColor("#1F1F1F")
_MUTED = colors.HexColor(_design.MUTED)
#: Plain text with these is left to reportlab's parser (as escaped markup), which
#: splits it into several fragments at each escaped character or line break.
_NEEDS_MARKUP = re.compile(r"[\n&<>]")
#: The name of the callback that marks where a contents line's text ends.
_CONTENTS_END = "kp-contents-end"


@attrs.frozen
class Look:
    """The choices that shape the pages: fonts, branding and print size."""

    fonts: Fonts
    branding: Branding
    large_print: bool = False
    primary: Any = None
    accent: Any = None
    house_fonts: bool = False
    """Whether the fonts are the house typeface alone, whose widths are measured once a
    process (see :mod:`klusterplan._document.metrics`)."""

    @property
    def size(self) -> float:
        """The body text size in points."""
        return _design.size("body", self.large_print)

    def of(self, role: str) -> float:
        """The type size of ``role`` (``h1``, ``table`` ...) in points."""
        return _design.size(role, self.large_print)


class _Para(RLParagraph):  # type: ignore[misc]
    """A reportlab Paragraph that breaks its lines once for each width.

    Tables wrap every cell to size the rows, again to split them across pages
    and again to draw them; the line breaks depend on the width alone, so they
    are kept rather than found anew (about half the wraps of an export).

    Plain text in one font (nearly all of a plan) has its lines broken by
    :func:`_break_plain`, fields and contents lines (two fragments) by
    :func:`~klusterplan.exporters._pdf_lines.break_mixed`: the very breaks
    reportlab's own line breaker makes, with each word measured once a
    document. Plain left-aligned lines are drawn by
    :func:`~klusterplan.exporters._pdf_draw.draw_plain`, with the operators
    reportlab's ``drawPara`` writes.
    """

    _wrapped: tuple[float, Any, float, float] | None = None
    """The last width wrapped to, the line breaks made for it and the size."""

    def breakLines(self, width: Any) -> Any:
        lines = _break_plain(self, width)
        if lines is None and len(self.frags) > 1 and _plain_style(self.style):
            lines = _break_mixed(self, width)
        return super().breakLines(width) if lines is None else lines

    def drawPara(self, debug: int = 0) -> None:
        if debug or not draw_plain(self):
            super().drawPara(debug)

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


class _Grid(Table):  # type: ignore[misc]
    """A table that never leaves one row alone on either side of a page break."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if len(parts) != 2 or self.splitInRow:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        rows, cut = len(self._cellvalues), len(parts[0]._cellvalues)
        if cut - head < 2 < rows - head:
            return []  # one row at the foot of a page: the table starts on the next
        if rows - cut < 2 and cut - head > 2:
            # one row carried over alone: take the one before it along
            again: list[Any] = super().split(avail_width, sum(self._rowHeights[: cut - 1]))
            if len(again) == 2:
                return again
        return parts


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


class _Styles:
    def __init__(self, look: Look) -> None:
        f = look.fonts
        size = look.size
        lead = size * 1.35
        base = ParagraphStyle(
            "body", fontName=f.regular, fontSize=size, leading=lead, spaceAfter=size * 0.5
        )
        self.body = base
        # a label or a caption stays with what it introduces
        self.bold = ParagraphStyle(
            "bold", base, fontName=f.bold, spaceAfter=size * 0.2, keepWithNext=1
        )
        self.quote = ParagraphStyle(
            "quote",
            base,
            fontName=f.italic,
            leftIndent=size * 1.5,
            rightIndent=size * 1.5,
            textColor=colors.HexColor("#333333"),
        )
        self.attribution = ParagraphStyle("attribution", self.quote, fontName=f.regular)
        heading = {
            1: (look.of("h1"), look.primary, 18),
            2: (look.of("h2"), _DARK, 14),
            3: (look.of("h3"), _MUTED, 10),
            4: (look.of("h3"), _MUTED, 8),
        }
        self.headings = {
            level: ParagraphStyle(
                f"h{level}",
                base,
                fontName=f.bold,
                fontSize=hsize,
                leading=hsize * 1.25,
                spaceBefore=before,
                spaceAfter=size * 0.5,
                textColor=colour,
            )
            for level, (hsize, colour, before) in heading.items()
        }
        small = look.of("table")
        self.cell = ParagraphStyle("cell", base, fontSize=small, leading=small * 1.25, spaceAfter=0)
        self.wide_cell = ParagraphStyle(
            "wide-cell",
            self.cell,
            fontSize=look.of("small"),
            leading=look.of("small") * 1.25,
        )
        self.header = ParagraphStyle("header", self.cell, fontName=f.bold, textColor=colors.white)
        self.wide_header = ParagraphStyle(
            "wide-header", self.wide_cell, fontName=f.bold, textColor=colors.white
        )
        self.title = ParagraphStyle(
            "title",
            base,
            fontName=f.bold,
            fontSize=look.of("title"),
            leading=look.of("title") * 1.2,
            textColor=look.primary,
            spaceAfter=12,
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            base,
            fontSize=look.of("subtitle"),
            leading=look.of("subtitle") * 1.3,
            spaceAfter=24,
            textColor=_MUTED,
        )
        self.promise = ParagraphStyle(
            "promise",
            base,
            fontName=f.italic,
            fontSize=size * 2.2,
            leading=size * 2.7,
            textColor=look.accent,
            spaceBefore=36,
        )
        self.toc = [
            ParagraphStyle(
                f"toc{level}",
                base,
                leftIndent=level * size * 1.4,
                firstLineIndent=0,
                fontName=f.bold if level == 0 else f.regular,
                # The rows' spacing of the table reportlab's TableOfContents uses.
                spaceBefore=size * 0.4 + 9 if level == 0 else 3,
                spaceAfter=3,
                # Room for the dot leader and the page number drawn at the end.
                rightIndent=size * 3.5,
            )
            for level in range(4)
        ]

    def paragraph_styles(self) -> list[Any]:
        """Every paragraph style but the headings and the contents'."""
        return [v for v in vars(self).values() if isinstance(v, ParagraphStyle)]


class _Renderer:
    def __init__(self, document: Document, look: Look, logo: Any) -> None:
        self.doc = document
        self.look = look
        self.fonts = look.fonts
        self.s = _Styles(look)
        self.logo = logo
        self.index = 0
        self.gap = 11 * mm if look.large_print else 8.5 * mm
        """The distance between ruled lines to write on."""
        self._fragments = {
            style.name: _Para("x", style).frags[0]
            for style in (*self.s.paragraph_styles(), *self.s.headings.values())
        }
        """Each style's text fragment as reportlab's parser makes it, to copy for plain text."""
        self._derived: dict[str, Any] = {}
        self._field_bold = _Para("<b>x:</b> y", self.s.body).frags[0]
        self._contents_fragments = {
            style.name: _Para(_contents_markup("x", "k"), style).frags for style in self.s.toc
        }
        """Each contents style's linked text and end-callback fragments, to copy (see para())."""
        self.width = _CONTENT_WIDTH
        """The width of the frame the flowables being made go in."""
        self.height = _CONTENT_HEIGHT
        """The height of the page between the margins the flowables being made go on."""

    def derived(self, base: Any, suffix: str, **changes: Any) -> Any:
        """A style made from ``base`` once a document, known to the plain-text path (para())."""
        name = base.name + suffix
        style = self._derived.get(name)
        if style is None:
            style = self._derived[name] = ParagraphStyle(name, base, **changes)
            self._fragments[name] = _Para("x", style).frags[0]
        return style

    def m(self, text: str) -> str:
        return self.fonts.markup(text)

    def para(self, text: str, style: Any | None = None) -> Any:
        """A paragraph of plan text, shown exactly as typed."""
        style = style or self.s.body
        if not text.strip(" "):
            # an empty cell: no fragments, as the parser leaves it, without the parser
            return _Para("", style, frags=[])
        frags = self._frags(text, style)
        if frags is None:
            return _Para(self.m(text), style)
        return _Para(frags[0].text, style, frags=frags)

    def _frags(self, text: str, style: Any) -> list[Any] | None:
        """The text fragment of plain text in ``style``, or ``None`` where markup is needed.

        Text in one font, without line breaks or characters to escape, needs no
        markup: its fragment is made here, as reportlab's markup parser would
        make it, without running the parser over every cell, line and heading.
        """
        prepared = self.fonts.prepare(text)
        if not self._plain(prepared):
            return None
        clean = _collapse_spaces(prepared)
        template = self._fragments.get(style.name)
        if template is None or not clean:
            return None
        return [template.clone(text=clean, link=[], us_lines=[])]

    def _plain(self, prepared: str) -> bool:
        """Whether prepared text is set in the regular font alone, with nothing to escape."""
        if _NEEDS_MARKUP.search(prepared):
            return False
        runs = self.fonts.split_runs(prepared)
        return len(runs) == 1 and runs[0][0] == self.fonts.regular

    def field(self, name: str, value: str) -> Any:
        """``name: value`` in one paragraph, the name in bold."""
        if not self._plain(self.fonts.prepare(name + value)):
            return _Para(f"<b>{self.m(name)}:</b> {self.m(value)}", self.s.body)
        # The fragments reportlab's parser makes of "<b>name:</b> value", made
        # directly (see para()); the markers stand in for the tags while
        # whitespace is collapsed the way reportlab collapses it.
        clean = cleanBlockQuotedText(
            f"\x00{self.fonts.prepare(name)}:\x01 {self.fonts.prepare(value)}"
        )
        bold, rest = clean[1:].split("\x01", 1)
        body = self._fragments[self.s.body.name]
        return _Para(
            bold + rest,
            self.s.body,
            frags=[self._field_bold.clone(text=bold, link=[], us_lines=[])]
            + ([body.clone(text=rest, link=[], us_lines=[])] if rest else []),
        )

    def paragraphs(self, text: str, style: Any | None = None) -> list[Any]:
        chunks = [c.strip() for c in self.fonts.prepare(text).split("\n\n")]
        return [self.para(c, style) for c in chunks if c]

    def heading(self, title: str, level: int, toc: bool = True) -> Any:
        self.index += 1
        style = self.s.headings[min(level, 4)]
        markup = self.m(title)
        frags = self._frags(title, style)
        # Bookmark names are ours, never plan text (a group id could hold anything).
        return _Heading(
            markup if frags is None else frags[0].text,
            style,
            self.fonts.prepare(title),
            f"s{self.index}",
            level - 1,
            markup if toc and level <= self.doc.contents_levels else None,
            frags=frags,
        )

    def story(self) -> list[Any]:
        story: list[Any] = self.title_page()
        story.append(NextPageTemplate("body"))
        story.append(PageBreak())
        if self.doc.front:
            for section in self.doc.front:
                story.extend(self.section(section, toc=False))
            story.append(PageBreak())
        story.append(self.heading(self.doc.contents_title, 1, toc=False))
        body = self.body()
        story.extend(self.contents_line(f) for f in _headings(body) if f.toc_markup is not None)
        story.extend(body)
        return story

    def body(self) -> list[Any]:
        """The sections after the contents, a chapter with a wide table on landscape pages.

        The chapter goes whole, so that its heading stays with its tables, as in
        the Word export; a change of page size starts a new page, which gets
        the other template because it is named before the break.
        """
        out: list[Any] = []
        template = "body"
        new_page = True  # the contents end with a page break
        after_empty = False
        for chapter in chapters(self.doc.sections):
            wide = has_wide_table(chapter)
            wanted = "landscape" if wide else "body"
            if wanted != template or new_page:
                if wanted != template:
                    out.append(NextPageTemplate(wanted))
                out.append(PageBreak())
                template, new_page = wanted, False
                after_empty = True
            self.width, self.height = (
                (_WIDE_WIDTH, _WIDE_HEIGHT) if wide else (_CONTENT_WIDTH, _CONTENT_HEIGHT)
            )
            lead: list[Any] = []
            for section in chapter:
                # a workshop sheet kept together starts a page of its own, with its heading
                sheet = any(isinstance(b, TableBlock) and b.keep_together for b in section.blocks)
                if sheet and not after_empty:
                    out.append(PageBreak())
                if not section.blocks:
                    # a heading with nothing of its own goes with the section under it
                    lead.extend(self.section(section))
                else:
                    out.extend(self.section(section, lead=lead))
                    lead = []
                after_empty = not section.blocks
            out.extend(lead)
        return out

    def contents_line(self, heading: _Heading) -> Any:
        """One line of the contents, laid out in the single pass like any paragraph.

        Only its page number is unknown then: the callback at the end of the
        text leaves a slot in the page for the canvas to fill with the dot
        leader and the number once the whole document is laid out.
        """
        style = self.s.toc[min(heading.outline_level, len(self.s.toc) - 1)]
        text, end = self._contents_fragments[style.name]
        # (the contents' styles have no plain fragment of their own: their text is a link)
        prepared = self.fonts.prepare(heading.plain)
        clean = _collapse_spaces(prepared) if self._plain(prepared) else ""
        if not clean or heading.toc_markup is None:
            return _Para(_contents_markup(heading.toc_markup or "", heading.key), style)
        # The fragments the parser makes of the markup, made directly, as in para().
        return _Para(
            clean,
            style,
            frags=[
                text.clone(text=clean, link=[(0, f"#{heading.key}")], us_lines=[]),
                end.clone(cbDefn=end.cbDefn.clone(label=heading.key), link=[], us_lines=[]),
            ],
        )

    def title_page(self) -> list[Any]:
        doc = self.doc
        out: list[Any] = []
        if self.logo is not None:
            out.append(self.logo)
            out.append(Spacer(1, 20 * mm))
        else:
            out.append(Spacer(1, 45 * mm))
        self.index += 1
        out.append(_Heading(self.m(doc.title), self.s.title, doc.title, "s0", 0))
        if doc.subtitle:
            out.append(self.para(doc.subtitle, self.s.subtitle))
        if doc.title_lines:
            rows = [
                [self.para(name, self.s.bold), self.para(value)] for name, value in doc.title_lines
            ]
            table = Table(rows, colWidths=[40 * mm, _CONTENT_WIDTH - 40 * mm], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("LINEABOVE", (0, 0), (-1, 0), 1, self.look.accent),
                    ]
                )
            )
            out.append(table)
        for name in doc.cover_fields:
            # a label and a line to write on at the workshop
            out.append(Spacer(1, self.look.size))
            line = Table(
                [[self.para(f"{name}:", self.s.bold), ""]],
                colWidths=[45 * mm, self.width - 45 * mm],
                rowHeights=[self.gap],
                hAlign="LEFT",
            )
            line.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                        ("LEFTPADDING", (0, 0), (0, 0), 0),
                        ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.HexColor("#9A9A9A")),
                    ]
                )
            )
            out.append(line)
        if doc.promise:
            out.append(self.para(f"”{doc.promise}”", self.s.promise))
        return out

    def section(self, section: Section, toc: bool = True, lead: list[Any] = ()) -> list[Any]:  # type: ignore[assignment]
        out: list[Any] = []
        # A heading needs room for some text under it, else it starts the next page.
        # (keepWithNext would bind it to a table longer than a page, and leave a
        # blank page behind when the pair cannot be kept together.)
        out.append(CondPageBreak((60 if section.level == 1 else 40) * mm))
        heading = self.heading(section.title, section.level, toc=toc)
        body: list[Any] = []
        for block in section.blocks:
            body.extend(self.block(block))
        question = self.doc.mode.value == "workbook" and any(
            isinstance(b, WritingSpace | Staircase | Matrix) for b in section.blocks
        )
        # a workshop sheet keeps its heading: together on one page, or on the next
        question = question or any(
            isinstance(b, TableBlock) and b.keep_together for b in section.blocks
        )
        headings = [f for f in lead if not isinstance(f, CondPageBreak)]
        if question and not any(getattr(f, "kp_too_tall", False) for f in body):
            # a question of the workbook stays on one page with its room to write
            # (reportlab lets one taller than a page flow on)
            out.append(KeepTogether([*headings, heading, *body]))
        elif body and isinstance(body[0], KeepTogether):
            # a figure or table kept whole goes to the next page with its heading,
            # not leaving the heading alone at the foot of this one
            first = KeepTogether([*headings, heading, *body[0]._content])
            out.extend([first, *body[1:]])
        else:
            out.extend([*headings, heading, *body])
        return out

    def block(self, block: Block) -> list[Any]:
        s = self.s
        if isinstance(block, Paragraph):
            if block.prompt:
                return [self.para(block.text.strip(), s.bold)]
            return self.paragraphs(block.text)
        if isinstance(block, Quote):
            out = self.paragraphs(block.text, s.quote)
            if block.attribution:
                out.append(self.para(f"— {block.attribution}", s.attribution))
            return out
        if isinstance(block, BulletList):
            return self.bullets(block)
        if isinstance(block, Fields):
            return self.fields(tuple((f.label, f.value, f.long) for f in block.items))
        if isinstance(block, TableBlock):
            return self.table(block)
        if isinstance(block, Chart):
            return self.chart(block)
        if isinstance(block, Matrix):
            return self.matrix(block)
        if isinstance(block, Staircase):
            return self.staircase(block)
        if isinstance(block, WritingSpace):
            out = [self.para(block.prompt, s.bold)] if block.prompt else []
            out.append(_RuledLines(block.lines, self.gap))
            out.append(Spacer(1, self.look.size))
            return out
        raise TypeError(f"unknown block {block!r}")

    def bullets(self, block: BulletList) -> list[Any]:
        f = self.fonts
        items = [
            ListItem([self.para(item.strip(), self.s.body)]) for item in block.items if item.strip()
        ]
        lst = ListFlowable(
            items,
            bulletType="1" if block.ordered else "bullet",
            start=None if block.ordered else "•",
            bulletFontName=f.regular,
            bulletFontSize=self.look.size,
            leftIndent=self.look.size * 1.6,
        )
        out: list[Any] = []
        if block.caption:
            out.append(self.para(block.caption, self.s.bold))
        out.append(lst)
        # a short list stays on one page, never leaving its last item alone on the next
        return [KeepTogether(out)] if len(items) <= 8 else out

    def fields(self, items: tuple[tuple[str, str, bool], ...]) -> list[Any]:
        out: list[Any] = []
        for name, value, long in items:
            chunks = [c.strip() for c in self.fonts.prepare(value).split("\n\n") if c.strip()]
            if len(chunks) == 1 and not long:
                out.append(self.field(name, chunks[0]))
            else:
                out.append(self.para(name, self.s.bold))
                out.extend(self.para(c) for c in chunks)
        return out

    def table(self, block: TableBlock) -> list[Any]:
        out: list[Any] = []
        if block.caption:
            out.append(self.para(block.caption, self.s.bold))
        headers, rows = block.headers, block.rows
        if block.records:
            # One record a row, each under a rule: label and value read well at 16 pt.
            for row in rows:
                pairs = tuple((h or "#", c, False) for h, c in zip(headers, row, strict=False) if c)
                out.append(HRFlowable(width="100%", thickness=0.8, color=_RULE, spaceAfter=4))
                out.extend(self.fields(pairs))
            out.append(Spacer(1, self.look.size * 0.6))
            return out
        widths, size = self._fit(block)
        s = self.s
        wide = block.dense or size < s.cell.fontSize
        cell = s.wide_cell if wide else s.cell
        if size != cell.fontSize:
            cell = self.derived(cell, f"-{size}", fontSize=size, leading=size * 1.25)
        right = self.derived(cell, "-r", alignment=TA_RIGHT)
        head = self.derived(cell, "-h", fontName=self.fonts.bold, textColor=colors.white)
        head_right = self.derived(head, "-r", alignment=TA_RIGHT)
        total = self.derived(cell, "-t", fontName=self.fonts.bold)
        total_right = self.derived(total, "-r", alignment=TA_RIGHT)

        def styled(c: int, normal: Any, aligned: Any) -> Any:
            return aligned if block.alignment(c) == "right" else normal

        data: list[list[Any]] = [
            [self.para(h, styled(c, head, head_right)) for c, h in enumerate(headers)]
        ]
        data.extend(
            [self.para(v, styled(c, cell, right)) for c, v in enumerate(row)] for row in rows
        )
        if block.footer:
            data.append(
                [self.para(v, styled(c, total, total_right)) for c, v in enumerate(block.footer)]
            )
        if block.row_lines:
            # The workbook: each row leaves room to write by hand; a sheet kept on one
            # page gives each row its share of the page, at least one line to write on.
            room = block.row_lines * self.gap
            if block.keep_together:
                heading_room = 34 * mm  # the chapter's heading and the sheet's
                text = cell.leading * 2 + 6
                share = (self.height - heading_room - text) / max(1, len(rows)) - text
                room = max(6.5 * mm, min(room, share))
            for cells in data[1:]:
                cells[0] = [cells[0], Spacer(1, room)]
        grid = self.grid(data, widths, shaded=not block.row_lines, footer=bool(block.footer))
        # a sheet too tall for a page (filled in at length) flows on, a row at a time
        grid.kp_too_tall = grid.wrap(self.width, self.height)[1] > self.height * 0.85
        if block.keep_together and not grid.kp_too_tall:
            out.append(KeepTogether([*out[-1:], grid]) if block.caption else KeepTogether([grid]))
            if block.caption:
                del out[-2]
        else:
            out.append(grid)
        out.append(Spacer(1, self.look.size * 0.8))
        return out

    def _fit(self, block: TableBlock) -> tuple[list[float], float]:
        """Column widths from the text in the fonts used, and the size it fits at."""
        fonts = self.fonts
        size = self.s.wide_cell.fontSize if block.dense else self.s.cell.fontSize
        measured = [*block.rows, block.footer] if block.footer else list(block.rows)

        def measure(text: str, at: float, bold: bool) -> float:
            font = fonts.bold if bold else fonts.regular
            return float(
                sum(
                    stringWidth(run, font if f == fonts.regular else f, at)
                    for f, run in fonts.runs(text)
                )
            )

        while True:
            widths = fit_columns(
                block.headers,
                measured,
                block.widths,
                self.width,
                size,
                measure=None if self.look.house_fonts else measure,
                padding=_CELL_PADDING + 1,
            )
            if widths is not None:
                return widths, size
            if size <= _SMALLEST or self.look.large_print:
                columns = len(block.headers)
                weights = list(block.widths) if len(block.widths) == columns else [1.0] * columns
                return [self.width * w / sum(weights) for w in weights], size
            size -= 0.5

    def grid(
        self, data: list[list[Any]], widths: list[float], shaded: bool = True, footer: bool = False
    ) -> Any:
        # Only a row that may be taller than a page is split inside; other rows
        # move to the next page whole, which reads (and writes on) better. A tall
        # row that could not split would fail the build with a LayoutError.
        table = _Grid(
            data,
            colWidths=widths,
            repeatRows=1,
            splitInRow=int(not _rows_fit(data, widths, self.height)),
            hAlign="LEFT",
        )
        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("BACKGROUND", (0, 0), (-1, 0), self.look.primary),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, _RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, _RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if shaded:
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _TINT]))
        if footer:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, self.look.primary))
            style.append(("BACKGROUND", (0, -1), (-1, -1), colors.white))
        table.setStyle(TableStyle(style))
        return table

    def chart(self, block: Chart) -> list[Any]:
        f = self.fonts
        # The table first, at full width, then the bars: every reader gets the
        # numbers (and the segments) from the table; the chart only shows them.
        out = self.table(block.table)
        n = len(block.values)
        if not n:
            return out
        size = self.look.size
        width = self.width
        label_size = self.look.of("footer")
        # bars as thick as fit in most of a page: a drawing cannot break across pages
        bar = min(label_size * 1.8, (self.height * 0.8 - 30) / n)
        height = n * bar + 30
        names = [f.prepare(name) for name in block.labels]
        label_font = f.regular if all(all(f.has(c) for c in t) for t in names) else None
        if (
            label_font is None
            and f.fallback is not None
            and all(ord(c) in f.fallback_chars or c == " " for t in names for c in t)
        ):
            label_font = f.fallback
        labels = (
            [_shorten(t, 40) for t in names] if label_font else [str(i) for i in range(1, n + 1)]
        )
        label_width = max(stringWidth(t, label_font or f.regular, label_size) for t in labels)
        label_width = min(label_width + 8, width * 0.5)
        drawing = Drawing(width, height)
        drawing.initialFontName = f.regular  # reportlab graphics start in Helvetica
        chart = HorizontalBarChart()
        chart.x = label_width
        chart.y = 18
        chart.width = width - label_width - 16
        chart.height = height - 24
        # The first group on top, as in the table above the chart.
        chart.data = [list(reversed(block.values))]
        chart.categoryAxis.categoryNames = list(reversed(labels))
        chart.categoryAxis.labels.fontName = label_font or f.regular
        chart.categoryAxis.labels.fontSize = label_size
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        top = max(block.values) if block.values else 1
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max(1, top)
        chart.valueAxis.valueStep = max(1, math.ceil(max(1, top) / 6))
        chart.valueAxis.labels.fontName = f.regular
        chart.valueAxis.labels.fontSize = label_size
        chart.bars[0].fillColor = self.look.primary
        chart.bars[0].strokeColor = None
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = f.regular
        chart.barLabels.fontSize = label_size
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        out.append(KeepTogether([self.para(block.title, self.s.bold), drawing]))
        out.append(Spacer(1, size))
        return out

    def staircase(self, block: Staircase) -> list[Any]:
        """The steps as a staircase rising to the right, the groups on each step."""
        steps = len(block.steps)
        if not steps:
            return []
        data: list[list[Any]] = []
        style: list[Any] = [
            # empty cells too are set in a font: never reportlab's Helvetica
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ]
        for row, k in enumerate(range(steps, 0, -1)):
            name, groups = block.steps[k - 1], block.groups[k - 1]
            content: list[Any] = [self.para(f"{k}. {name}", self.s.bold)]
            if block.write_in and not groups:
                content.append(_RuledLines(block.write_in, self.gap))
            else:
                content.extend(self.para(g, self.s.cell) for g in groups)
            data.append([""] * (k - 1) + [content] + [""] * (steps - k))
            first = (k - 1, row)
            style += [
                ("SPAN", first, (steps - 1, row)),
                ("BACKGROUND", first, (steps - 1, row), _TINT),
                ("LINEABOVE", first, (steps - 1, row), 1.5, self.look.primary),
                ("LINEBEFORE", first, first, 1.5, self.look.primary),
            ]
        table = Table(data, colWidths=[self.width / steps] * steps, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        if table.wrap(self.width, self.height)[1] > self.height * 0.8:
            # too many groups for a drawing on one page: the steps as a list instead
            out: list[Any] = [self.para(block.title, self.s.bold)]
            for k in range(steps, 0, -1):
                on = ", ".join(block.groups[k - 1]) or "–"
                out.append(self.field(f"{k}. {block.steps[k - 1]}", on))
            return out
        return [KeepTogether([self.para(block.title, self.s.bold), table]), Spacer(1, 12)]

    def matrix(self, block: Matrix) -> list[Any]:
        cells: list[Any] = []
        for name, groups in block.cells:
            content: list[Any] = [self.para(name, self.s.headings[4])]
            if block.write_in and not groups:
                content.append(_RuledLines(block.write_in, self.gap))
            content.extend(self.para(f"• {g}", self.s.cell) for g in groups)
            cells.append(content)
        if len(cells) % 2:
            cells.append("")
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        half = self.width / 2
        height = 45 * mm if not self.look.large_print else None
        style = _matrix_style(self.look.primary, self.fonts.regular)
        if height is not None and any(
            sum(p.wrap(half - 16, 1000)[1] for p in c) > height - 12
            for c in cells
            if isinstance(c, list)
        ):
            height = None  # many groups in one field: let the rows grow rather than overflow
        table = Table(rows, colWidths=[half, half], rowHeights=height, splitInRow=1)
        table.setStyle(style)
        return [KeepTogether([self.para(block.title, self.s.bold), table]), Spacer(1, 12)]


#: Word widths, by font and size, of the document being laid out (see _break_plain).
_word_widths = word_widths
#: The line breaker of paragraphs of several fragments (a name tests replace).
_break_mixed = break_mixed


def _plain_style(style: Any) -> bool:
    """Whether reportlab breaks lines in ``style`` by width alone (no hyphenation or dots)."""
    return not (
        style.endDots
        or style.wordWrap
        or style.shaping
        or style.hyphenationLang
        or style.uriWasteReduce
        or style.embeddedHyphenation
    )


def _break_plain(para: Any, width: Any) -> Any:
    """The lines of a paragraph of plain text in one font, or ``None`` to leave it to reportlab.

    It is the first case of reportlab's ``Paragraph.breakLines`` (one fragment
    of text), the same greedy fill with the same arithmetic and the same
    allowance for spaces to shrink, so the breaks and the space left on each
    line are the ones reportlab computes. Whatever that case does beyond
    filling (soft hyphens, a word wider than the line to be cut, bullets) is
    left to reportlab. The words are measured once a document rather than once
    a wrap.
    """
    frags = para.frags
    style = para.style
    if len(frags) != 1 or para.bulletText or not _plain_style(style):
        return None
    f = frags[0]
    if hasattr(f, "cbDefn") or hasattr(f, "backColor"):
        return None
    text = getattr(f, "text", None)
    if text is None:
        # the second part of a split paragraph holds its words
        words = getattr(f, "words", None)
        if type(words) is not list or not all(type(w) is str for w in words):
            return None
        if not any(rl_strip(w) for w in words):
            return None
        words = list(words)
    else:
        text = rl_strip(text)
        if not text:
            return None
        words = rl_split(text)
    if _SHY in text if text is not None else any(_SHY in w for w in words):
        return None
    font_name, font_size = f.fontName, f.fontSize
    key = (font_name, font_size)
    measured = _word_widths.get(key)
    if measured is None:
        measured = _word_widths[key] = {}
    bounds = ascent_descent(font_name, font_size)
    encoding = para.encoding
    max_widths = list(width) if isinstance(width, tuple | list) else [width]
    last_width = len(max_widths) - 1
    space = measured.get(" ")
    if space is None:
        space = measured[" "] = stringWidth(" ", font_name, font_size, encoding)
    shrink = style.spaceShrinkage * space
    split_long = style.splitLongWords
    widest = 0.0
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # as reportlab: no space before a line's first word
    line_no = 0
    max_width = max_widths[0]
    for word in words:
        word_width = measured.get(word)
        if word_width is None:
            word_width = measured[word] = stringWidth(word, font_name, font_size, encoding)
        new_width = current + space + word_width
        if new_width > max_width + shrink * len(line):
            if split_long and word_width > max_width:
                if len(word) < LONG_WORD:
                    return None  # reportlab cuts such a word: let it
                if line:
                    widest = max(widest, current)
                    lines.append((max_width - current, line))
                    line_no += 1
                    max_width = max_widths[min(last_width, line_no)]
                # reportlab cuts a word a character at a time, and again on each page
                # it spans; one of thousands of letters is cut here, a line at a time
                start = 0
                while True:
                    end, current = fitting(word, start, max_width, font_name, font_size)
                    if end == len(word):
                        break
                    widest = max(widest, current)
                    lines.append((max_width - current, [word[start:end]]))
                    line_no += 1
                    max_width = max_widths[min(last_width, line_no)]
                    start = end
                line = [word[start:]]
                continue
            if line:
                if current > widest:
                    widest = current
                lines.append((max_width - current, line))
                line = [word]
                current = word_width
                line_no += 1
                max_width = max_widths[min(last_width, line_no)]
                continue
        line.append(word)
        current = new_width
    if line:
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
    para._width_max = widest
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    ascent, descent = bounds
    return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)


def _collapse_spaces(text: str) -> str:
    """Whitespace collapsed as reportlab's parser collapses it, without its cost for most text.

    Text that is printable (so holds no whitespace but the ASCII space), with
    single spaces only and none at its ends, is already as the parser leaves it.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return str(cleanBlockQuotedText(text))


def _contents_markup(markup: str, key: str) -> str:
    """A contents line: the heading linked to its section, then the callback at its end."""
    return f'<a href="#{key}">{markup}</a><onDraw name="{_CONTENTS_END}" label="{key}"/>'


def _rows_fit(data: list[list[Any]], widths: list[float], page: float) -> bool:
    """Whether every row is at most half as tall as ``page``, so that it can move whole."""
    limit = page / 2
    for row in data:
        for cell, width in zip(row, widths, strict=False):
            parts = cell if isinstance(cell, list) else [cell]
            # the width the table will wrap the cell to, so the wrap is kept for it
            inner = width - _CELL_PADDING
            if sum(p.wrap(inner, page)[1] for p in parts if hasattr(p, "wrap")) > limit:
                return False
    return True


def _matrix_style(primary: Any, font: str) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 1.5, primary),
            ("INNERGRID", (0, 0), (-1, -1), 1.5, primary),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
        ]
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _headings(flowables: list[Any]) -> Iterator[_Heading]:
    """The headings of a story in order, those kept together with what follows them too."""
    for flowable in flowables:
        if isinstance(flowable, _Heading):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _headings(flowable._content)


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


def _logo(look: Look) -> Any:
    logo = look.branding.logo
    if logo is None:
        return None
    reader = ImageReader(io.BytesIO(logo.data))
    w, h = reader.getSize()
    width = min(logo.width_mm * mm, _CONTENT_WIDTH)
    return _Logo(reader, width, width * h / w, logo.alt_text, look.fonts)


def render(document: Document, look: Look) -> bytes:
    """Lay ``document`` out on A4 pages and return the PDF's bytes."""
    # the words of one document are measured once; a batch keeps no words of the last
    _word_widths.clear()
    logo = _logo(look)
    out = io.BytesIO()
    doc = _DocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * mm,
        title=document.title + (f" – {document.subtitle}" if document.subtitle else ""),
        author=document.author,
        subject=document.subject,
        keywords=list(document.keywords),
        creator=f"klusterplan {version()}",
        lang=document.language_tag,
        displayDocTitle=1,
        invariant=1,
        initialFontName=look.fonts.regular,
    )
    frame = _Frame(_MARGIN, _MARGIN + 4 * mm, _CONTENT_WIDTH, _CONTENT_HEIGHT - 4 * mm)
    wide = _Frame(_MARGIN, _MARGIN + 4 * mm, _WIDE_WIDTH, _WIDE_HEIGHT - 4 * mm)
    doc.addPageTemplates(
        [
            PageTemplate("title", [frame], pagesize=A4),
            PageTemplate("body", [frame], pagesize=A4),
            PageTemplate("landscape", [wide], pagesize=_LANDSCAPE),
        ]
    )
    story = _Renderer(document, look, logo).story()
    # One layout pass: the canvas holds the pages back and fills in the page
    # numbers (footers, contents) once the last page is known.
    doc.build(story, canvasmaker=_canvas_class(document, look, logo))
    return out.getvalue()
