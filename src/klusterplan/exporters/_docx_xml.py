"""WordprocessingML for a :class:`~klusterplan.document.Document`, built as text in bulk.

python-docx builds a table cell by cell, each a round of element lookups
and insertions; for a plan's dozen tables that is most of an export's time.
Here the whole body is written as one XML string, every piece of plan text
escaped, and parsed once. This module does not import python-docx: it only
knows the style ids and measures the caller hands it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

from .._metrics import fit_columns
from .._xml import escape_attribute
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
    Table,
    WritingSpace,
    chapters,
    has_wide_table,
    language_tag,
)
from ..model import Language

__all__ = ["CHART_MARK", "SECTION_MARK", "W_NS", "Look", "body_xml", "footer_xml"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_PARAGRAPHS = re.compile(r"\n\s*\n")
#: A handwriting line is 6.5 mm: 368 twips.
_HAND_LINE = 368
#: The least type size, in half-points, a table may shrink to so that its words fit.
_SMALLEST = 15
_GREY = "A6A6A6"
_RULE = "BFBFBF"
_TINT = "EAF0F6"


def _x(text: str) -> str:
    return escape_attribute(text)


@attrs.frozen
class Look:
    """Style ids, sizes and colours the XML refers to."""

    styles: dict[str, str]
    """Style name (``Heading 1``, ``List Bullet`` ...) to the template's style id."""
    text_width: int
    """The width between the margins, in twentieths of a point."""
    wide_width: int
    """The width between the margins of a landscape page, for chapters with wide tables."""
    body_size: int
    """Body text size in half-points, for fields and lists."""
    table_size: int
    """Text size in half-points for tables."""
    small_size: int
    """Text size in half-points for tables with many columns."""
    primary: str
    """Table-header fill and heading colour, ``RRGGBB``."""
    accent: str
    """Promise and writing-line colour, ``RRGGBB``."""
    large_print: bool = False


def _lang(lang: Language | None) -> str:
    """The run property that marks text in another language than the document's."""
    return f'<w:lang w:val="{language_tag(lang)}"/>' if lang is not None else ""


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _runs(text: str, rpr: str = "") -> str:
    """One run per line of ``text``, lines separated by breaks."""
    lines = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{_x(line)}</w:t>' for line in lines)
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}{inner}</w:r>"


def _p(content: str, ppr: str = "", style: str = "") -> str:
    head = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{head}{ppr}</w:pPr>" if head or ppr else ""
    return f"<w:p>{props}{content}</w:p>"


def _borders(tag: str, sides: tuple[str, ...], colour: str, size: int = 4) -> str:
    inner = "".join(
        f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>' for side in sides
    )
    return f"<w:{tag}>{inner}</w:{tag}>"


_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


class _Writer:
    def __init__(self, look: Look, new_list: Callable[[bool], int], workbook: bool) -> None:
        self.look = look
        self.new_list = new_list
        self.bullets = 0
        self.width = look.text_width
        self.workbook = workbook
        self.charts = 0
        self.bookmarks = 0

    def style(self, name: str) -> str:
        return self.look.styles[name]

    def text_paragraphs(self, text: str, style: str = "", rpr: str = "", ppr: str = "") -> str:
        """``text`` (its paragraphs separated by blank lines) as Word paragraphs."""
        parts = [p.strip("\n") for p in _PARAGRAPHS.split(text.strip())]
        return "".join(_p(_runs(p, rpr), ppr, style) for p in parts if p.strip())

    def heading(self, section: Section, bookmark: str, page_break: bool = False) -> str:
        ppr = "<w:pageBreakBefore/>" if page_break else ""
        self.bookmarks += 1
        mark = f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{bookmark}"/>'
        end = f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        return _p(
            mark + _runs(section.title, _lang(section.lang)) + end,
            ppr,
            self.style(f"Heading {section.level}"),
        )

    def caption(self, text: str) -> str:
        return _p(_runs(text, "<w:b/>"), "<w:keepNext/>")

    def block(self, block: Block) -> Iterator[str]:
        if isinstance(block, Paragraph):
            if block.prompt:
                yield self.caption(block.text.strip())
            else:
                # in the workbook a note stays with the room to write under it
                ppr = "<w:keepNext/>" if self.workbook else ""
                yield self.text_paragraphs(block.text, rpr=_lang(block.lang), ppr=ppr)
        elif isinstance(block, Quote):
            yield from self.quote(block)
        elif isinstance(block, BulletList):
            yield from self.bullet_list(block)
        elif isinstance(block, Fields):
            yield from self.fields(block)
        elif isinstance(block, Table):
            yield from self.table(block)
        elif isinstance(block, Matrix):
            yield from self.matrix(block)
        elif isinstance(block, Staircase):
            yield from self.staircase(block)
        elif isinstance(block, WritingSpace):
            yield from self.writing_space(block)
        elif isinstance(block, Chart):
            yield from self.chart(block)
        else:
            raise TypeError(f"unknown block {block!r}")

    def chart(self, block: Chart) -> Iterator[str]:
        # the numbers as a table, which every reader and screen reader can use, and
        # under it the bars, a picture the package puts where this paragraph marks
        yield from self.table(block.table)
        yield f'<w:p xmlns:kp="{CHART_MARK}" kp:chart="{self.charts}"/>'
        self.charts += 1

    def quote(self, block: Quote) -> Iterator[str]:
        lang = _lang(block.lang)
        if block.text.strip():
            yield self.text_paragraphs(block.text, self.style("Quote"), lang)
        if block.attribution:
            yield _p(
                _runs(f"— {block.attribution}", lang), '<w:jc w:val="right"/>', self.style("Quote")
            )

    def bullet_list(self, block: BulletList) -> Iterator[str]:
        if block.caption:
            yield self.caption(block.caption)
        if block.ordered:
            num, style = self.new_list(True), self.style("List Number")
        else:
            if not self.bullets:
                self.bullets = self.new_list(False)
            num, style = self.bullets, self.style("List Bullet")
        numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        lang = _lang(block.lang)
        last = len(block.items) - 1
        for i, item in enumerate(block.items):
            # a short list stays on one page
            keep = "<w:keepNext/>" if i < last and len(block.items) <= 8 else ""
            yield _p(_runs(item.strip(), lang), numpr + keep, style)

    def fields(self, block: Fields) -> Iterator[str]:
        lang = _lang(block.lang)
        for field in block.items:
            if field.long:
                yield self.caption(field.label)
                yield self.text_paragraphs(field.value, rpr=lang)
            else:
                yield _p(_runs(f"{field.label}: ", "<w:b/>") + _runs(field.value, lang))

    def _fit(self, block: Table, size: int) -> tuple[list[int], int]:
        """Column widths in twips from the text, and the size the text fits at."""
        columns = len(block.headers)
        measured = [*block.rows, block.footer] if block.footer else list(block.rows)
        while True:
            widths = fit_columns(block.headers, measured, block.widths, self.width / 20, size / 2)
            if widths is not None:
                break
            if size <= _SMALLEST or self.look.large_print:
                # the longest words are wider than the page: share it by weight
                weights = list(block.widths) if len(block.widths) == columns else [1.0] * columns
                total = sum(weights) or 1.0
                widths = [self.width / 20 * w / total for w in weights]
                break
            size -= 1
        out = [int(w * 20) for w in widths]
        out[-1] += self.width - sum(out)
        return out, size

    def _table(
        self,
        headers: tuple[str, ...] | None,
        rows: list[list[str]],
        widths: list[int],
        size: int,
        caption: str = "",
        height: int = 0,
        raw: bool = False,
        lang: str = "",
        keep_together: bool = False,
        align: tuple[str, ...] = (),
        footer: tuple[str, ...] = (),
        shaded: bool = True,
    ) -> str:
        """A table; ``raw`` rows hold each cell's paragraphs as XML rather than text."""
        look = self.look
        border = _borders("tblBorders", ("top", "left", "bottom", "right", "insideH"), _RULE)
        caption_xml = f'<w:tblCaption w:val="{_x(caption)}"/>' if caption else ""
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
            border,
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
            "</w:tblCellMar>",
            f'<w:tblLook w:val="0420" w:firstRow="{1 if headers else 0}" '
            f'w:lastRow="{1 if footer else 0}" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
            caption_xml,
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        cell_ppr = '<w:spacing w:before="30" w:after="30"/>'

        def ppr(column: int, keep: bool) -> str:
            right = column < len(align) and align[column] == "right"
            return (
                cell_ppr
                + ("<w:keepNext/>" if keep else "")
                + ('<w:jc w:val="right"/>' if right else "")
            )

        rpr = _size(size)
        tcw = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
        if headers:
            head_rpr = f'<w:b/><w:color w:val="FFFFFF"/>{rpr}'
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{look.primary}"/>'
            parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for c, (width, text) in enumerate(zip(tcw, headers, strict=True)):
                parts.append(
                    f"<w:tc><w:tcPr>{width}{shd}</w:tcPr>"
                    f"{_p(_runs(text, head_rpr), ppr(c, True))}</w:tc>"
                )
            parts.append("</w:tr>")
        row_pr = "<w:trPr><w:cantSplit/>"
        if height:
            row_pr += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
        row_pr += "</w:trPr>"
        # every row is chained to the next, so that a table kept together stays on one
        # page and no other leaves its last row alone on the next
        last = len(rows) - 1
        for n, row in enumerate(rows):
            keep = (keep_together and n < last) or n == last - 1 or (bool(footer) and n == last)
            parts.append(f"<w:tr>{row_pr}")
            band = n % 2 == 1 and shaded and not height
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{_TINT}"/>' if band else ""
            for c, (width, cell) in enumerate(zip(tcw, row, strict=True)):
                inner = cell if raw else self._cell(cell, rpr + lang, ppr(c, keep))
                parts.append(f"<w:tc><w:tcPr>{width}{fill}</w:tcPr>{inner}</w:tc>")
            parts.append("</w:tr>")
        if footer:
            top = _borders("tcBorders", ("top",), look.primary, 8)
            parts.append(f"<w:tr>{row_pr}")
            for c, (width, cell) in enumerate(zip(tcw, footer, strict=True)):
                inner = self._cell(cell, "<w:b/>" + rpr, ppr(c, False))
                parts.append(f"<w:tc><w:tcPr>{width}{top}</w:tcPr>{inner}</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        # a paragraph after each table keeps two tables from merging into one
        parts.append(_p("", '<w:spacing w:before="0" w:after="0"/>'))
        return "".join(parts)

    @staticmethod
    def _cell(text: str, rpr: str, ppr: str) -> str:
        paragraphs = [p for p in _PARAGRAPHS.split(text.strip()) if p.strip()]
        # a table cell must hold at least one paragraph
        return "".join(_p(_runs(p.strip("\n"), rpr), ppr) for p in paragraphs) or _p("", ppr)

    def table(self, block: Table) -> Iterator[str]:
        if block.caption:
            yield self.caption(block.caption)
        if block.records:
            yield from self.records(block)
            return
        columns = len(block.headers)
        size = self.look.small_size if block.dense else self.look.table_size
        widths, size = self._fit(block, size)
        rows = [[*row, *[""] * (columns - len(row))][:columns] for row in block.rows]
        yield self._table(
            block.headers,
            rows,
            widths,
            size,
            block.caption,
            block.row_lines * _HAND_LINE,
            lang=_lang(block.lang),
            keep_together=block.keep_together,
            align=block.align,
            footer=block.footer,
        )

    def records(self, block: Table) -> Iterator[str]:
        """One record a row, label and value, each record under a rule: large print."""
        lang = _lang(block.lang)
        rule = _borders("pBdr", ("top",), _GREY, 6).replace('w:space="0"', 'w:space="4"')
        for row in block.rows:
            pairs = [(h or "#", c.strip()) for h, c in zip(block.headers, row, strict=False)]
            pairs = [(h, c) for h, c in pairs if c]
            for i, (name, value) in enumerate(pairs):
                ppr = (rule if i == 0 else "") + ("<w:keepNext/>" if i < len(pairs) - 1 else "")
                yield _p(_runs(f"{name}: ", "<w:b/>") + _runs(value, lang), ppr)

    def matrix(self, block: Matrix) -> Iterator[str]:
        yield self.caption(block.title)
        size = self.look.table_size
        half = self.width // 2
        rpr = _size(size)
        groups_rpr = rpr + _lang(block.lang)
        ppr = '<w:spacing w:before="40" w:after="40"/>'
        line = _borders("pBdr", ("bottom",), _GREY) + (
            f'<w:spacing w:before="0" w:after="0" w:line="{_HAND_LINE}" w:lineRule="exact"/>'
        )

        def cell(name: str, groups: tuple[str, ...]) -> str:
            head = _p(_runs(name, "<w:b/>" + rpr), ppr + "<w:keepNext/>")
            if block.write_in and not groups:
                return head + "".join(_p("", line) for _ in range(block.write_in))
            return head + "".join(_p(_runs(g, groups_rpr), ppr) for g in groups or ("–",))

        cells = [cell(name, groups) for name, groups in block.cells]
        if len(cells) % 2:
            cells.append(_p("", ppr))
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        yield self._table(
            None,
            rows,
            [half, self.width - half],
            size,
            block.alt or block.title,
            raw=True,
            keep_together=True,
            shaded=False,
        )

    def staircase(self, block: Staircase) -> Iterator[str]:
        """The steps drawn as a staircase rising to the right, the lowest full width."""
        yield self.caption(block.title)
        steps = len(block.steps)
        if not steps:
            return
        rpr = _size(self.look.table_size)
        groups_rpr = rpr + _lang(block.lang)
        column = self.width // steps
        widths = [column] * steps
        widths[-1] += self.width - sum(widths)
        line = _borders("pBdr", ("bottom",), _GREY) + (
            f'<w:spacing w:before="0" w:after="0" w:line="{_HAND_LINE}" w:lineRule="exact"/>'
        )
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{self.width}" w:type="dxa"/>',
            f"<w:tblBorders>{_NO_BORDERS}</w:tblBorders>",
            '<w:tblLayout w:type="fixed"/>',
            f'<w:tblCaption w:val="{_x(block.title)}"/>',
            f'<w:tblDescription w:val="{_x(block.alt)}"/>' if block.alt else "",
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{_TINT}"/>'
        edge = _borders("tcBorders", ("top", "left"), self.look.primary, 12)
        # the highest step first: it stands at the right, above the others
        for k in range(steps, 0, -1):
            name, groups = block.steps[k - 1], block.groups[k - 1]
            keep = "<w:keepNext/>" if k > 1 else ""
            body = _p(_runs(f"{k}. {name}", "<w:b/>" + rpr), keep)
            if block.write_in and not groups:
                body += "".join(_p("", line + keep) for _ in range(block.write_in))
            else:
                body += "".join(_p(_runs(g, groups_rpr), keep) for g in groups)
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            if k > 1:
                span = sum(widths[: k - 1])
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{span}" w:type="dxa"/>'
                    f'<w:gridSpan w:val="{k - 1}"/></w:tcPr>{_p("", keep)}</w:tc>'
                )
            span = sum(widths[k - 1 :])
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{span}" w:type="dxa"/>'
                f'<w:gridSpan w:val="{steps - k + 1}"/>{edge}{fill}</w:tcPr>{body}</w:tc>'
            )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        parts.append(_p("", '<w:spacing w:before="0" w:after="0"/>'))
        yield "".join(parts)

    def writing_space(self, block: WritingSpace) -> Iterator[str]:
        if block.prompt:
            yield self.caption(block.prompt)
        line = (
            # "between" draws the rule under each line of a group, "bottom" under the last
            f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{_GREY}"/>'
            f'<w:between w:val="single" w:sz="4" w:space="1" w:color="{_GREY}"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="520" w:lineRule="exact"/>'
        )
        keep = "<w:keepNext/><w:keepLines/>"
        for i in range(block.lines):
            yield _p("", (keep if i < block.lines - 1 else "") + line)


def _cover(w: _Writer, document: Document) -> Iterator[str]:
    look = w.look
    yield _p("", '<w:spacing w:before="2400" w:after="0"/>')
    text = _lang(
        document.text_language if document.text_language is not document.language else None
    )
    yield _p(_runs(document.title), style=w.style("Title"))
    if document.subtitle:
        yield _p(_runs(document.subtitle, text), style=w.style("Subtitle"))
    for name, value in document.title_lines:
        yield _p(_runs(f"{name}: ", "<w:b/>") + _runs(value, text))
    for name in document.cover_fields:
        # a label and a line to its right, to write on at the workshop
        leader = (
            f'<w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{look.text_width}"/>'
            "</w:tabs>"
        )
        yield _p(
            _runs(f"{name}: ", "<w:b/>") + "<w:r><w:tab/></w:r>",
            leader + '<w:spacing w:before="240" w:after="120"/>',
        )
    if document.promise:
        size = round(look.body_size * 2.2)
        rpr = f'<w:i/><w:color w:val="{look.accent}"/>{_size(size)}' + text
        yield _p(_runs(f"”{document.promise}”", rpr), '<w:spacing w:before="720"/>')


def _contents(w: _Writer, document: Document, entries: list[tuple[Section, str]]) -> Iterator[str]:
    """The table of contents: a field Word can update, saved with an entry per heading.

    Each entry links to its heading, so every viewer shows a contents list that
    leads somewhere; the page numbers are Word's to add (F9), which it does
    without asking on every opening.
    """
    size = w.look.body_size + 8
    yield _p(
        _runs(document.contents_title, f'<w:b/><w:color w:val="{w.look.primary}"/>{_size(size)}'),
        '<w:pageBreakBefore/><w:keepNext/><w:spacing w:after="200"/>',
    )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    listed = [(s, b) for s, b in entries if s.level <= 2]
    if not listed:
        yield _p(begin + _runs(document.contents_hint, "<w:i/>") + end)
        return
    last = len(listed) - 1
    for i, (section, bookmark) in enumerate(listed):
        ppr = f'<w:spacing w:before="0" w:after="40"/><w:ind w:left="{(section.level - 1) * 400}"/>'
        rpr = ("<w:b/>" if section.level == 1 else "") + _lang(section.lang)
        runs = _runs(section.title, rpr)
        link = f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{runs}</w:hyperlink>'
        yield _p((begin if i == 0 else "") + link + (end if i == last else ""), ppr)


#: A paragraph the package replaces by a section break: the section before it ends there.
SECTION_MARK = "urn:klusterplan:section"
#: A paragraph the package replaces by a chart's picture.
CHART_MARK = "urn:klusterplan:chart"


def _mark(orientation: str) -> str:
    return f'<w:p xmlns:kp="{SECTION_MARK}" kp:ends="{orientation}"/>'


def body_xml(document: Document, look: Look, new_list: Callable[[bool], int]) -> tuple[str, bool]:
    """The document body (without its section properties) as one ``w:body`` element.

    ``new_list(ordered)`` returns a fresh numbering id for a list; ordered
    lists each get their own so that their numbers restart at 1. A chapter
    with a table too wide for a portrait page is put on landscape pages: the
    body holds marker paragraphs (namespace :data:`SECTION_MARK`, attribute
    ``ends``) where the package puts section breaks. The second value says
    whether the last section is landscape.
    """
    workbook = document.mode.value == "workbook"
    w = _Writer(look, new_list, workbook)
    entries = [(s, f"_Toc_kp{i}") for i, s in enumerate(document.sections, 1)]
    parts = [f'<w:body xmlns:w="{W_NS}">', *_cover(w, document)]
    for i, section in enumerate(document.front):
        parts.append(w.heading(section, f"kp_front{i}", page_break=i == 0))
        for block in section.blocks:
            parts.extend(w.block(block))
    parts.extend(_contents(w, document, entries))
    bookmarks = {id(s): b for s, b in entries}
    landscape = False
    # the contents end their page; a section break starts a new one by itself
    at_page_start, first, after_empty = False, True, False
    for chapter in chapters(document.sections):
        wide = has_wide_table(chapter)
        if wide != landscape:
            parts.append(_mark("landscape" if landscape else "portrait"))
            landscape, at_page_start = wide, True
            w.width = look.wide_width if wide else look.text_width
        for section in chapter:
            # a workshop sheet kept together starts a page of its own, with its heading
            sheet = any(isinstance(b, Table) and b.keep_together for b in section.blocks)
            brk = not at_page_start and (first or (sheet and not after_empty))
            parts.append(w.heading(section, bookmarks[id(section)], page_break=brk))
            at_page_start, first, after_empty = False, False, not section.blocks
            for block in section.blocks:
                parts.extend(w.block(block))
    parts.append("</w:body>")
    return "".join(parts), landscape


def _field(code: str, rpr: str) -> str:
    # every run of the field carries the footer's size, or Word shows the number larger
    r = f"<w:r><w:rPr>{rpr}</w:rPr>"
    return (
        f'{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'{r}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        f'{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'{r}<w:t>1</w:t></w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(text: str, page_label: str, text_width: int, size: int) -> str:
    """A footer paragraph: ``text`` at the left, the page line ("Sida N av M") at the right.

    ``page_label`` is the document's, with ``{page}`` and ``{pages}`` where Word's
    page fields go.
    """
    rpr = _size(size) + '<w:color w:val="404040"/>'
    ppr = f'<w:tabs><w:tab w:val="right" w:pos="{text_width}"/></w:tabs>' + _borders(
        "pBdr", ("top",), "C55A11", 4
    ).replace('w:space="0"', 'w:space="4"')
    before, _, rest = page_label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    parts = [
        _runs(text, rpr),
        f"<w:r><w:rPr>{rpr}</w:rPr><w:tab/></w:r>",
        _runs(before, rpr) if before else "",
        _field("PAGE", rpr),
        _runs(middle, rpr) if middle else "",
        _field("NUMPAGES", rpr),
        _runs(after, rpr) if after else "",
    ]
    return _p("".join(parts), ppr).replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1)
