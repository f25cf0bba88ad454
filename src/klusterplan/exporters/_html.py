"""The HTML exporter: the plan, or the workshop workbook, as one accessible web page.

It renders the shared :class:`~klusterplan.document.Document` as a single
self-contained ``.html`` file meant to be published as it is (WCAG 2.1 AA):

- the style sheet is inline and the logo a ``data:`` picture, so the page makes
  no request of its own; a content security policy forbids scripts and any
  other source;
- ``lang`` on the page and on everything in another language, a ``<title>``,
  a skip link, a ``<nav>`` contents list linking to every heading and a
  ``<main>``; the title is the page's one ``h1`` and the document's heading
  levels 1–3 are ``h2``–``h4``, never skipping one;
- tables with ``<caption>``, ``<thead>`` and ``<th scope>``; lists as lists;
  fields as description lists; the votes chart as inline SVG with ``<title>``
  and ``<desc>`` beside its table; the centre matrix as a table;
- in the workbook, a labelled text box wherever there is room to write, ruled
  so that a printed page can be filled in by hand;
- colours with enough contrast, a layout that reflows on a phone and a print
  style sheet (A4, chapters on new pages, headings kept with their text, wide
  chapters on landscape pages).

Plan text is always escaped, so whatever a plan says shows as typed.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator, Sequence
from html import escape
from typing import BinaryIO, assert_never

from .._catalogue.messages import text as message_text
from .._document.colour import GRAPHIC_CONTRAST, checked_colour
from .._document.design import ACCENT, MUTED, PRIMARY
from .._document.metrics import text_width
from .._extension.exporter import ExportContext
from .._support.version import version
from ..branding import Logo
from ..document import (
    Block,
    BulletList,
    Chart,
    Document,
    Field,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Staircase,
    Table,
    WritingSpace,
    chapters,
    has_wide_table,
    language_tag,
)
from ..errors import PlanError, Problem
from ..model import Language
from ._chart import axis_ticks
from ._html_fit import beside_columns, desk_widths, phone_widths, text_px
from ._html_style import style_sheet
from ._logo import inked

__all__ = ["render_html"]

#: Nothing but the inline style sheet and ``data:`` pictures may load; no script runs.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
_PARAGRAPHS = re.compile(r"\n\s*\n")
#: A run a line never breaks: an ISO date, a Swedish phone number ("0480-45 00 00"), a
#: range of numbers ("7–9"), a compound joined by its hyphen ("IT-ansvarig"), as the
#: printed plan keeps it whole.
_WHOLE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b0\d{1,3}-\d{2,3}(?:[ \u00a0]\d{2,3}){1,3}\b|\b\d+–\d+\b"
    r"|(?<![\w-])\w{1,20}(?:-\w{1,20}){1,3}(?![\w-])"
)
#: A table of this many columns or more is as wide as the window allows, on a desk too.
_DESK_COLUMNS = 6
#: A step's number at the start of a line ("5. Ambassadör"): it never leaves the name.
_STEP = re.compile(r"^(\d{1,2}\.) (?=\S)", re.MULTILINE)
#: The spaces inside an amount typed in plan text ("8 000 kr"): the amount stays whole.
_AMOUNT = re.compile(r"(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=(?:kr|kronor|%|procent|år|years)(?!\w))")


def _keep(text: str) -> str:
    """``text`` with a no-break space inside each amount: a line must not break there."""
    return _AMOUNT.sub("\u00a0", text)


def _cell(text: str) -> str:
    """A table cell's text, amounts whole and a step's number joined to its name."""
    return _keep(_STEP.sub("\\1\u00a0", text))


_SLUG = re.compile(r"[^a-z0-9]+")
#: The chart is drawn in CSS pixels, not scaled to its box: its text is the size of a
#: table's on a phone and a desk alike, and its bars are shares of its width.
#: The bars end within this share of the width; the rest is room for their numbers.
_SPAN = 88.0
#: A line of a bar's label is at most this wide, in pixels: a phone's text column.
_LABEL_ROOM = 300.0
#: A field's value wider than this, in ems, stands under its label, not beside it.
_BESIDE = 28
#: A field's value and label each at most this wide, in ems, stand side by side on a phone.
_BRIEF = 10
#: Lines of a label at most; the full name is in the chart's table and description.
_LABEL_LINES = 3


def _wrap(label: str, width: int) -> list[str]:
    """``label`` in lines of at most ``width`` characters, broken between words."""
    lines: list[str] = []
    # only what the drawing can show is broken into lines: a name is a few words
    for word in label[: width * _LABEL_LINES].split():
        while len(word) > width:  # one word longer than a line: the line ends in it
            if lines and len(lines[-1]) + 1 < width:
                room = width - len(lines[-1]) - 1
                lines[-1] += " " + word[:room]
                word = word[room:]
            else:
                lines.append(word[:width])
                word = word[width:]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        elif word:
            lines.append(word)
    return lines or [""]


def _text(text: str, strip: bool = True) -> str:
    """Plan text as HTML that shows it as typed; single line ends become ``<br>``.

    A date or a phone number is kept on one line: a phone's narrow column would
    otherwise break it at a hyphen ("2011-01-" over "27") or a space. A part of a
    sentence (``strip`` false) keeps the spaces at its ends.
    """
    shown = escape(_keep(text.strip() if strip else text), quote=True).replace("\n", "<br>")
    return _WHOLE.sub(r'<span class="whole">\g<0></span>', shown)


def _svg_text(text: str) -> str:
    """Plan text inside the chart's SVG, where only text may stand."""
    return escape(" ".join(text.split()), quote=True)


def _mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


class _Page:
    """One document written as HTML: the anchors it hands out and the text it builds."""

    def __init__(
        self, document: Document, primary: str = PRIMARY, large_print: bool = False
    ) -> None:
        self.document = document
        self.primary = primary
        self.large_print = large_print
        # the page's own anchors come first, so no section key can take them
        self.ids: set[str] = {"main", "contents"}
        self.anchors: dict[int, str] = {}
        """Each section's anchor, by its place in the document."""
        for number, section in enumerate(document.sections):
            self.anchors[number] = self.anchor(section.key or f"section-{number + 1}")
        self.front = [self.anchor(s.key or "summary") for s in document.front]

    def anchor(self, key: str) -> str:
        """A unique ``id`` made from ``key``: keys may carry plan text (a group's id)."""
        base = _SLUG.sub("-", key.lower()).strip("-") or "part"
        name, n = base, 1
        while name in self.ids:
            n += 1
            name = f"{base}-{n}"
        self.ids.add(name)
        return name

    def lang(self, lang: Language | None) -> str:
        """A ``lang`` attribute for text in ``lang`` when it is not the page's language."""
        if lang is None or lang is self.document.language:
            return ""
        return f' lang="{language_tag(lang)}"'

    @property
    def text_lang(self) -> str:
        """The ``lang`` attribute of the plan's own text shown outside a block (the promise)."""
        return self.lang(self.document.text_language)

    # -- blocks -------------------------------------------------------------

    def paragraphs(self, text: str, lang: Language | None) -> Iterator[str]:
        for part in _PARAGRAPHS.split(text.strip()):
            if part.strip():
                yield f"<p{self.lang(lang)}>{_text(part)}</p>"

    def table(
        self,
        headers: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        caption: str,
        *,
        lang: Language | None = None,
        classes: tuple[str, ...] = (),
        row_lines: int = 0,
        row_headers: bool = False,
        widths: tuple[float, ...] = (),
        hidden_caption: bool = False,
        align: tuple[str, ...] = (),
        footer: tuple[str, ...] = (),
    ) -> Iterator[str]:
        rows = tuple(tuple(_cell(cell) for cell in row) for row in rows)
        weights = widths if widths and len(widths) == len(headers) and sum(widths) > 0 else ()
        # a table stays a table on a phone when it fits there; a sheet to write in
        # is a record a row, each with its room to write
        phone = None if row_lines else phone_widths(headers, rows, weights, self.large_print)
        # a sheet to write in keeps the widths it is given: they are for what gets written
        wide = "wide" in classes
        desk = None if row_lines else desk_widths(headers, rows, weights, self.large_print, wide)
        stack = () if phone else ("stack",)
        cls = f' class="{" ".join((*stack, *classes))}"' if stack or classes else ""
        yield f'<table role="table"{cls}>'
        # a table named only by its section's heading keeps that name for screen
        # readers without printing the heading twice
        hidden = ' class="visually-hidden"' if hidden_caption else ""
        yield f"<caption{hidden}>{_text(caption)}</caption>"
        yield from _columns(len(headers), desk or weights, phone)

        # on a phone's record a short value stands beside its column's name
        beside = beside_columns(headers, (*rows, footer), self.large_print) if stack else ()

        def num(i: int, cell: bool = True) -> str:
            # amounts are right-aligned, so their digits line up
            kinds: tuple[str, ...] = ("num",) if i < len(align) and align[i] == "right" else ()
            kinds += ("brief",) if cell and i in beside and not row_lines else ()
            return f' class="{" ".join(kinds)}"' if kinds else ""

        def value(cell: str) -> str:
            # one box for the value, so that it is one grid item beside the label;
            # every cell has it, so that no plan text decides the page's elements
            # (an empty cell stays empty: a phone's record leaves it out)
            return f"<span>{_text(cell)}</span>" if cell.strip() else ""

        def label(i: int, cell: str) -> str:
            # on a phone a row stands as a record, each cell under its column's name;
            # an empty cell is left out there, unless it is a space to write in
            name = headers[i] if i < len(headers) and (cell.strip() or row_lines) else ""
            return f' data-label="{escape(" ".join(name.split()), quote=True)}"' if name else ""

        # explicit roles: a table laid out as records on a phone keeps its
        # table semantics for screen readers, which drop them with display: block
        yield '<thead role="rowgroup"><tr role="row">'
        yield "".join(
            f'<th scope="col" role="columnheader"{num(i, cell=False)}>{_text(h)}</th>'
            for i, h in enumerate(headers)
        )
        yield "</tr></thead>"
        yield f'<tbody role="rowgroup"{self.lang(lang)}>'
        height = f' style="height: {row_lines * 2}em"' if row_lines else ""
        for row in rows:
            cells = []
            for i, cell in enumerate(row):
                if row_headers and i == 0:
                    cells.append(f'<th scope="row" role="rowheader">{_text(cell)}</th>')
                else:
                    cells.append(f'<td role="cell"{num(i)}{label(i, cell)}>{value(cell)}</td>')
            yield f'<tr role="row"{height}>{"".join(cells)}</tr>'
        yield "</tbody>"
        if footer:
            # the total's own word ("Totalt") needs no column's name over it on a phone
            closing = "".join(
                f'<td role="cell"{num(i)}{label(i, c) if i in beside else ""}>{value(c)}</td>'
                for i, c in enumerate(footer)
            )
            yield f'<tfoot role="rowgroup"><tr role="row" class="total">{closing}</tr></tfoot>'
        yield "</table>"

    def chart(self, chart: Chart, context: str) -> Iterator[str]:
        """The numbers as a table, then the bars as SVG in CSS pixels, as in print.

        The drawing's text reads at a table's size on any screen.
        """
        # the table first: every reader gets the numbers from it; the bars only show them
        yield from self.block(chart.table, context)
        if not chart.values:
            return
        title_id, desc_id = self.anchor("chart-title"), self.anchor("chart-desc")
        px = text_px("table", self.large_print)
        line, bar, gap = round(px * 1.25, 1), round(px * 1.1, 1), round(px * 0.7, 1)
        # characters a line, from the house typeface's average letter
        width = max(8, int(_LABEL_ROOM / (text_width("ABCDEFGHIJ abcdefghij", px) / 21)))
        ticks = axis_ticks(chart.values)
        top = ticks[-1] or 1
        y, parts = 0.0, []
        for label, value in zip(chart.labels, chart.values, strict=True):
            for text in _wrap(label, width)[:_LABEL_LINES]:
                y += line
                parts.append(f'<text x="0" y="{y:.1f}" class="label">{_svg_text(text)}</text>')
            end = max(0.3, _SPAN * value / top)
            parts.append(
                f'<rect x="0" y="{y + gap / 2:.1f}" width="{end:.2f}%" height="{bar}" '
                f'fill="{self.primary}"/>'
                f'<text x="{end:.2f}%" dx="5" y="{y + gap / 2 + bar * 0.8:.1f}" '
                f'class="value">{value}</text>'
            )
            y += gap / 2 + bar + gap
        # the axis: a line at the foot and each round step, so that a bar's length reads
        axis = [f'<line x1="0" y1="{y:.1f}" x2="{_SPAN}%" y2="{y:.1f}" stroke="#595959"/>']
        for tick in ticks:
            x = f"{_SPAN * tick / top:.2f}%"
            anchor = "end" if tick == top else "middle" if tick else "start"
            axis.append(
                f'<line x1="{x}" y1="{y:.1f}" x2="{x}" y2="{y + 5:.1f}" stroke="#595959"/>'
                f'<text x="{x}" y="{y + 5 + line:.1f}" text-anchor="{anchor}" '
                f'class="tick">{tick}</text>'
            )
        height = y + 5 + line + px * 0.4
        yield '<figure class="chart">'
        yield (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
            f'height="{height:.0f}" aria-labelledby="{title_id} {desc_id}">'
        )
        yield f'<title id="{title_id}">{_svg_text(chart.title)}</title>'
        yield f'<desc id="{desc_id}">{_svg_text(chart.alt or chart.title)}</desc>'
        yield (
            f"<style>text {{ font-size: {px:.1f}px; fill: #1a1a1a; }} "
            ".value { font-weight: bold; } .tick { fill: #595959; }</style>"
        )
        yield from parts
        yield from axis
        yield "</svg>"
        yield f'<figcaption aria-hidden="true">{_text(chart.title)}</figcaption>'
        yield "</figure>"

    def writing(self, space: WritingSpace, context: str) -> Iterator[str]:
        box = self.anchor("write")
        label = space.prompt or context
        hidden = "" if space.prompt else ' class="visually-hidden"'
        yield '<div class="write">'
        yield f'<label for="{box}"{hidden}>{_text(label)}</label>'
        yield f'<textarea id="{box}" name="{box}" rows="{max(space.lines, 1)}"></textarea>'
        yield "</div>"

    def quote(self, block: Quote) -> Iterator[str]:
        """A quotation and who said it."""
        yield '<figure class="quote">'
        yield f"<blockquote{self.lang(block.lang)}>"
        yield from self.paragraphs(block.text, None)
        yield "</blockquote>"
        if block.attribution:
            who = _text(block.attribution)
            yield f"<figcaption{self.lang(block.lang)}>— {who}</figcaption>"
        yield "</figure>"

    def fields(self, block: Fields) -> Iterator[str]:
        """Label and value pairs as a description list."""
        yield '<dl class="fields">'
        px = text_px("body", self.large_print)

        def stands(field: Field) -> bool:
            # a value that would run to more lines beside its label stands under it,
            # as its siblings of several paragraphs do
            return (
                field.long
                or "\n" in field.value.strip()
                or text_width(field.value, px) > _BESIDE * px
            )

        def short(field: Field) -> bool:
            return (
                text_width(field.value, px) <= _BRIEF * px
                and text_width(field.label, px, True) <= _BRIEF * px
            )

        # a value of a few words stays beside its label on a phone too, when every
        # such pair of the list does: two lines of amounts are set alike
        brief = all(short(field) for field in block.items if not stands(field))
        for field in block.items:
            long = ' class="long"' if stands(field) else ' class="brief"' if brief else ""
            several = _PARAGRAPHS.search(field.value.strip())
            value = "".join(self.paragraphs(field.value, None)) if several else ""
            yield f"<dt{long}>{_text(field.label)}</dt>"
            yield (f"<dd{long}{self.lang(block.lang)}>{value or _text(field.value)}</dd>")
        yield "</dl>"

    def records(self, block: Table) -> Iterator[str]:
        """A table as one record a row: eight columns of large print fit no page or phone."""
        if block.caption:
            yield f'<p class="caption">{_text(block.caption)}</p>'
        # a short value (a date, a status) stays beside its name on a phone, as in a
        # table's records; a sheet's empty rows to write in stand under their names
        rows = tuple(tuple(_cell(cell) for cell in row) for row in block.rows)
        beside = () if block.row_lines else beside_columns(block.headers, rows, self.large_print)
        for row in block.rows:
            yield '<dl class="fields record">'
            for i, (header, cell) in enumerate(zip(block.headers, row, strict=False)):
                if cell.strip() or block.row_lines:
                    brief = ' class="brief"' if i in beside else ""
                    yield f"<dt{brief}>{_text(header or '#')}</dt>"
                    yield f"<dd{brief}{self.lang(block.lang)}>{_text(cell)}</dd>"
            yield "</dl>"

    def block(self, block: Block, context: str) -> Iterator[str]:
        """``block`` as HTML; ``context`` is the section's title, for unnamed tables."""
        match block:
            case Paragraph() if block.prompt:
                yield f'<p class="caption">{_text(block.text)}</p>'
            case Paragraph() if block.quoted and "\n" not in block.text:
                # the plan's words in a sentence of the reader's, each in its own language
                parts, at = [], 0
                for start, end in block.quoted:
                    parts.append(_text(block.text[at:start], strip=False))
                    lang = self.lang(block.quoted_lang)
                    parts.append(f"<span{lang}>{_text(block.text[start:end])}</span>")
                    at = end
                rest = _text(block.text[at:], strip=False)
                yield f"<p>{''.join(parts).lstrip()}{rest.rstrip()}</p>"
            case Paragraph():
                yield from self.paragraphs(block.text, block.lang)
            case Quote():
                yield from self.quote(block)
            case BulletList():
                tag = "ol" if block.ordered else "ul"
                if block.caption:
                    yield f'<p class="caption">{_text(block.caption)}</p>'
                yield f"<{tag}{self.lang(block.lang)}>"
                yield "".join(f"<li>{_text(item)}</li>" for item in block.items)
                yield f"</{tag}>"
            case Fields():
                yield from self.fields(block)
            case Table() if block.records:
                yield from self.records(block)
            case Table():
                classes = tuple(
                    name
                    for name, on in (
                        # on a desk too, many columns get the window's width
                        ("wide", block.landscape or len(block.headers) >= _DESK_COLUMNS),
                        ("dense", block.dense),
                        ("keep", block.keep_together),
                    )
                    if on
                )
                yield from self.table(
                    block.headers,
                    block.rows,
                    block.caption or context,
                    lang=block.lang,
                    classes=classes,
                    row_lines=block.row_lines,
                    widths=block.widths,
                    hidden_caption=not block.caption,
                    align=block.align,
                    footer=block.footer,
                )
            case Chart():
                yield from self.chart(block, context)
            case Matrix() | Staircase():
                yield from self.table(
                    block.headers,
                    _grid_rows(block),
                    block.title,
                    lang=block.lang,
                    row_headers=True,
                    row_lines=block.write_in,
                )
            case WritingSpace():
                yield from self.writing(block, context)
            case _:
                assert_never(block)

    # -- the page -----------------------------------------------------------

    def contents(self) -> Iterator[str]:
        yield '<nav aria-labelledby="contents">'
        yield f'<h2 id="contents">{_text(self.document.contents_title)}</h2>'
        level = 0
        # the summary is listed first, where it stands
        entries = [
            *((anchor, s) for anchor, s in zip(self.front, self.document.front, strict=True)),
            *((self.anchors[n], s) for n, s in enumerate(self.document.sections)),
        ]
        for anchor, section in entries:
            if section.level > self.document.contents_levels:
                continue
            if section.level > level:
                yield "<ol>" * (section.level - level)
            else:
                yield "</li>"
                yield "</ol></li>" * (level - section.level)
            level = section.level
            yield (f'<li><a href="#{anchor}"{self.lang(section.lang)}>{_text(section.title)}</a>')
        if level:
            yield "</li>" + "</ol></li>" * (level - 1) + "</ol>"
        yield "</nav>"

    def summary(self) -> Iterator[str]:
        """The sections before the contents (the plan's summary), each a section of its own."""
        for anchor, section in zip(self.front, self.document.front, strict=True):
            level = min(section.level + 1, 6)
            yield "<section>"
            yield f'<h{level} id="{anchor}">{_text(section.title)}</h{level}>'
            for block in section.blocks:
                yield from self.block(block, section.title)
            yield "</section>"

    def sections(self) -> Iterator[str]:
        number = 0
        for chapter in chapters(self.document.sections):
            wide = ' class="wide"' if has_wide_table(chapter) and not self.large_print else ""
            depth = 0
            for section in chapter:
                while depth >= section.level:
                    yield "</section>"
                    depth -= 1
                anchor = self.anchors[number]
                number += 1
                # no accessible name: a named section would be a landmark, and
                # repeated headings (each persona's validation) would repeat it
                yield f"<section{wide if section.level == 1 else ''}>"
                depth = section.level
                level = min(section.level + 1, 6)
                yield (
                    f'<h{level} id="{anchor}"{self.lang(section.lang)}>'
                    f"{_text(section.title)}</h{level}>"
                )
                for block in section.blocks:
                    yield from self.block(block, section.title)
            yield "</section>" * depth

    def cover(self, logo: Logo | None, logo_data: str) -> Iterator[str]:
        document = self.document
        yield '<header class="cover">'
        if logo is not None:
            yield (
                f'<img src="{logo_data}" alt="{escape(logo.alt_text.strip(), quote=True)}" '
                f'style="width: {logo.width_mm:g}mm">'
            )
        yield f"<h1>{_text(document.title)}</h1>"
        if document.subtitle:
            yield f'<p class="subtitle">{_text(document.subtitle)}</p>'
        if document.status_mark:
            yield f'<p><strong class="status-mark">{_text(document.status_mark)}</strong></p>'
        yield from _lines(document.title_lines, "title-lines")
        for name in document.cover_fields:
            # a line to fill in, on screen or on paper
            box = self.anchor("cover")
            yield (
                f'<p class="cover-field"><label for="{box}">{_text(name)}:</label> '
                f'<input type="text" id="{box}" name="{box}"></p>'
            )
        if document.promise:
            # in quotes and the accent colour, as on the printed cover
            yield f'<p class="promise"{self.text_lang}>”{_text(document.promise)}”</p>'
        # the document information last, as at the foot of the printed cover
        yield from _lines(document.control_lines, "title-lines control-lines")
        yield "</header>"


def _columns(count: int, desk: Sequence[float], phone: Sequence[float] | None) -> Iterator[str]:
    """The table's column widths as shares, on a desk and on a phone.

    Set as custom properties, which the style sheet reads by the width of the
    window: an inline ``width`` would win over the phone's rule. Every table
    has its columns, whatever its text, so that plan text never shapes the page.
    """
    total = sum(desk) or 1.0
    cols = []
    for i in range(count):
        parts = []
        if desk:
            parts.append(f"--desk: {100 * desk[i] / total:.1f}%")
        if phone:
            parts.append(f"--phone: {phone[i]:.1f}%")
        cols.append(f'<col style="{"; ".join(parts)}">' if parts else "<col>")
    yield f"<colgroup>{''.join(cols)}</colgroup>"


def _lines(lines: tuple[tuple[str, str], ...], kind: str) -> Iterator[str]:
    """Label and value lines of the cover, as a description list."""
    if lines:
        yield f'<dl class="{kind}">'
        for name, value in lines:
            yield f"<dt>{_text(name)}</dt><dd>{_text(value)}</dd>"
        yield "</dl>"


def _logo_data(logo: Logo | None) -> str:
    if logo is None:
        return ""
    mime = _mime(logo.data)
    if mime is None:
        raise PlanError([Problem("", message_text("html_logo_not_picture"))])
    # cropped to its ink, so that its right edge stands on the text edge as in print
    data = inked(logo.data)
    mime = _mime(data) or mime
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def html_page(document: Document, context: ExportContext) -> str:
    """``document`` as one self-contained HTML page."""
    branding = context.branding
    primary = checked_colour(branding.primary_colour, PRIMARY, "primary_colour", context.notice)
    accent = checked_colour(
        branding.accent_colour, ACCENT, "accent_colour", context.notice, GRAPHIC_CONTRAST
    )
    page = _Page(document, primary, context.options.large_print)
    title = f"{document.title} – {document.subtitle}" if document.subtitle else document.title
    meta = [
        ("author", document.author),
        ("description", document.subject),
        ("keywords", ", ".join(document.keywords)),
        ("generator", f"klusterplan {version()}"),
    ]
    if document.date is not None:
        meta.append(("dcterms.created", document.date.isoformat()))
    footer = " · ".join(part for part in (document.footer, branding.footer) if part.strip())
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{document.language_tag}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # a title is one line of plain text: a line break typed in a name is a space
        f"<title>{escape(' '.join(title.split()), quote=False)}</title>",
        *(
            f'<meta name="{name}" content="{escape(value.strip(), quote=True)}">'
            for name, value in meta
            if value.strip()
        ),
        "<style>",
        style_sheet(
            primary,
            accent,
            MUTED,
            context.options.large_print,
            " ".join(footer.split()),
            document.page_label,
        ),
        "</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{_text(document.skip_label or document.title)}</a>',
        *page.cover(branding.logo, _logo_data(branding.logo)),
        '<main id="main">',
        # the summary comes before the contents, as on paper
        *page.summary(),
        *page.contents(),
        *page.sections(),
        "</main>",
    ]
    if footer:
        parts.append(f"<footer><p>{_text(footer)}</p></footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def render_html(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream`` as one HTML page."""
    stream.write(html_page(document, context).encode("utf-8"))


def _grid_rows(block: Matrix | Staircase) -> tuple[tuple[str, str], ...]:
    """A matrix's or a staircase's rows as a table draws them: a name, then its groups."""
    if isinstance(block, Matrix):
        return tuple((name, ", ".join(groups)) for name, groups in block.cells)
    # the steps from the highest down, as the drawn staircase shows them
    steps = range(len(block.steps), 0, -1)
    return tuple((f"{k}. {block.steps[k - 1]}", ", ".join(block.groups[k - 1])) for k in steps)
