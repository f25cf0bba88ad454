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
    Table,
    WritingSpace,
    chapters,
    has_wide_table,
    language_tag,
)
from ..model import Language

__all__ = ["SECTION_MARK", "W_NS", "Look", "body_xml", "footer_xml"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_PARAGRAPHS = re.compile(r"\n\s*\n")


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
    """Body text size in half-points, for table cells and fields."""
    small_size: int
    """Text size in half-points for wide tables."""
    primary: str
    """Table-header fill and heading colour, ``RRGGBB``."""
    accent: str
    """Promise and writing-line colour, ``RRGGBB``."""


def _lang(lang: Language | None) -> str:
    """The run property that marks text in another language than the document's."""
    return f'<w:lang w:val="{language_tag(lang)}"/>' if lang is not None else ""


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


class _Writer:
    def __init__(self, look: Look, new_list: Callable[[bool], int]) -> None:
        self.look = look
        self.new_list = new_list
        self.bullets = 0
        self.width = look.text_width

    def style(self, name: str) -> str:
        return self.look.styles[name]

    def text_paragraphs(self, text: str, style: str = "", rpr: str = "", ppr: str = "") -> str:
        """``text`` (its paragraphs separated by blank lines) as Word paragraphs."""
        parts = [p.strip("\n") for p in _PARAGRAPHS.split(text.strip())]
        return "".join(_p(_runs(p, rpr), ppr, style) for p in parts if p.strip())

    def heading(self, section: Section) -> str:
        return _p(
            _runs(section.title, _lang(section.lang)), style=self.style(f"Heading {section.level}")
        )

    def caption(self, text: str) -> str:
        return _p(_runs(text, "<w:b/>"), "<w:keepNext/>")

    def block(self, block: Block) -> Iterator[str]:
        if isinstance(block, Paragraph):
            yield self.text_paragraphs(block.text, rpr=_lang(block.lang))
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
        elif isinstance(block, WritingSpace):
            yield from self.writing_space(block)
        elif isinstance(block, Chart):
            # the numbers as a table, which every reader and screen reader can use
            yield from self.table(block.table)
        else:
            raise TypeError(f"unknown block {block!r}")

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
        for item in block.items:
            yield _p(_runs(item.strip(), lang), numpr, style)

    def fields(self, block: Fields) -> Iterator[str]:
        lang = _lang(block.lang)
        for field in block.items:
            if field.long:
                yield self.caption(field.label)
                yield self.text_paragraphs(field.value, rpr=lang)
            else:
                yield _p(_runs(f"{field.label}: ", "<w:b/>") + _runs(field.value, lang))

    def _widths(self, widths: tuple[float, ...], columns: int) -> list[int]:
        rel = list(widths) if len(widths) == columns else [1.0] * columns
        total = sum(rel) or 1.0
        out = [int(self.width * w / total) for w in rel]
        out[-1] += self.width - sum(out)
        return out

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
    ) -> str:
        """A table; ``raw`` rows hold each cell's paragraphs as XML rather than text."""
        look = self.look
        border = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        caption_xml = f'<w:tblCaption w:val="{_x(caption)}"/>' if caption else ""
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
            f"<w:tblBorders>{border}</w:tblBorders>",
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
            "</w:tblCellMar>",
            f'<w:tblLook w:val="0420" w:firstRow="{1 if headers else 0}" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
            caption_xml,
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        cell_ppr = '<w:spacing w:before="20" w:after="20"/>'
        rpr = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        tcw = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
        if headers:
            head_rpr = f'<w:b/><w:color w:val="FFFFFF"/>{rpr}'
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{look.primary}"/>'
            parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for width, text in zip(tcw, headers, strict=True):
                parts.append(
                    f"<w:tc><w:tcPr>{width}{shd}</w:tcPr>"
                    f"{_p(_runs(text, head_rpr), cell_ppr + '<w:keepNext/>')}</w:tc>"
                )
            parts.append("</w:tr>")
        row_pr = "<w:trPr><w:cantSplit/>"
        if height:
            row_pr += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
        row_pr += "</w:trPr>"
        body_ppr = cell_ppr + ("<w:keepNext/>" if keep_together else "")
        for n, row in enumerate(rows, 1):
            parts.append(f"<w:tr>{row_pr}")
            # a table kept together chains every row to the next, all but the last
            ppr = body_ppr if n < len(rows) else cell_ppr
            for width, cell in zip(tcw, row, strict=True):
                inner = cell if raw else self._cell(cell, rpr + lang, ppr)
                parts.append(f"<w:tc><w:tcPr>{width}</w:tcPr>{inner}</w:tc>")
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
        columns = len(block.headers)
        size = self.look.small_size if block.dense else self.look.body_size
        rows = [[*row, *[""] * (columns - len(row))][:columns] for row in block.rows]
        # a handwriting line is about 8 mm, 450 twips
        height = block.row_lines * 450
        yield self._table(
            block.headers,
            rows,
            self._widths(block.widths, columns),
            size,
            block.caption,
            height,
            lang=_lang(block.lang),
            keep_together=block.keep_together,
        )

    def matrix(self, block: Matrix) -> Iterator[str]:
        yield self.caption(block.title)
        size = self.look.body_size
        half = self.width // 2
        rpr = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' + _lang(block.lang)
        ppr = '<w:spacing w:before="40" w:after="40"/>'
        cells = [
            _p(_runs(name, "<w:b/>" + rpr), ppr)
            + "".join(_p(_runs(group, rpr), ppr) for group in groups or ("–",))
            for name, groups in block.cells
        ]
        if len(cells) % 2:
            cells.append(_p("", ppr))
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        yield self._table(None, rows, [half, self.width - half], size, block.title, raw=True)

    def writing_space(self, block: WritingSpace) -> Iterator[str]:
        if block.prompt:
            yield self.caption(block.prompt)
        line = (
            # "between" draws the rule under each line of a group, "bottom" under the last
            '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="A6A6A6"/>'
            '<w:between w:val="single" w:sz="4" w:space="1" w:color="A6A6A6"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="520" w:lineRule="exact"/>'
        )
        keep = "<w:keepNext/><w:keepLines/>"
        for i in range(block.lines):
            yield _p("", (keep if i < block.lines - 1 else "") + line)


def _title_page(w: _Writer, document: Document) -> Iterator[str]:
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
    if document.promise:
        size = max(look.body_size * 2, 40)
        rpr = (
            f'<w:i/><w:color w:val="{look.accent}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            + text
        )
        yield _p(_runs(document.promise, rpr), '<w:spacing w:before="720"/>')
    yield _p('<w:r><w:br w:type="page"/></w:r>')
    # Word fills the field when the document is opened (settings: updateFields)
    size = look.body_size + 8
    yield _p(
        _runs(document.contents_title, f'<w:b/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'),
        "<w:keepNext/>",
    )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    # Until Word updates the field, it shows the headings without page numbers, so the
    # document reads well in viewers that never update fields.
    entries = [s for s in document.sections if s.level <= 2]
    if not entries:
        yield _p(begin + _runs(document.contents_hint, "<w:i/>") + end)
        entries = []
    last = len(entries) - 1
    for i, section in enumerate(entries):
        indent = (
            f'<w:spacing w:before="0" w:after="40"/><w:ind w:left="{(section.level - 1) * 400}"/>'
        )
        rpr = ("<w:b/>" if section.level == 1 else "") + _lang(section.lang)
        yield _p(
            (begin if i == 0 else "") + _runs(section.title, rpr) + (end if i == last else ""),
            indent,
        )
    yield _p('<w:r><w:br w:type="page"/></w:r>')


#: A paragraph the package replaces by a section break: the section before it ends there.
SECTION_MARK = "urn:klusterplan:section"


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
    w = _Writer(look, new_list)
    parts = [f'<w:body xmlns:w="{W_NS}">', *_title_page(w, document)]
    landscape = False
    for chapter in chapters(document.sections):
        wide = has_wide_table(chapter)
        if wide != landscape:
            parts.append(_mark("landscape" if landscape else "portrait"))
            landscape = wide
            w.width = look.wide_width if wide else look.text_width
        for section in chapter:
            parts.append(w.heading(section))
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
    rpr = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    ppr = f'<w:tabs><w:tab w:val="right" w:pos="{text_width}"/></w:tabs>'
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
