"""WordprocessingML for a :class:`~klusterplan.document.Document`, built as text in bulk.

python-docx builds a table cell by cell, each a round of element lookups
and insertions; for a plan's dozen tables that is most of an export's time.
Here the whole body is written as one XML string, every piece of plan text
escaped, and parsed once. This module does not import python-docx: it only
knows the style ids and measures the caller hands it.

Every plan value the document marks (:class:`~klusterplan.document.Mark`) is
written so that the document can be read back exactly, whichever editor saved
it last:

- a content control (``w:sdt``) around the value's runs, tagged with its path
  (``target_groups[2].votes``) and with a name a person can read; Word keeps
  them. A list's items, and the lines of a space to write in, are also held
  by one control around them all, so that a paragraph added inside belongs
  to the list; a table's body row by a control tagged with its item;
- a bookmark around the same runs (:func:`klusterplan._model.paths.bookmark_name`),
  since LibreOffice drops the controls' tags and the controls around rows
  and cells but keeps bookmarks; a table's header carries one naming the
  list its rows belong to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import assert_never

import attrs

from .._document.metrics import fit_columns
from .._model import paths as _paths
from .._support.xml import escape_attribute
from ..document import (
    Block,
    BulletList,
    Chart,
    Document,
    Fields,
    Mark,
    Marks,
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
    pieces,
)
from ..model import Language

__all__ = [
    "CHART_MARK",
    "CONTROL_MARK",
    "SECTION_MARK",
    "W_NS",
    "Look",
    "body_xml",
    "footer_xml",
]

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


def _spans(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of ``text`` (paragraphs split at blank lines) starts and ends."""
    lo, hi = len(text) - len(text.lstrip()), len(text.rstrip())
    out: list[tuple[int, int]] = []
    pos = lo
    for sep in [*_PARAGRAPHS.finditer(text, lo, hi), None]:
        start, stop = pos, sep.start() if sep is not None else hi
        while start < stop and text[start] == "\n":
            start += 1
        while stop > start and text[stop - 1] == "\n":
            stop -= 1
        if text[start:stop].strip():
            out.append((start, stop))
        if sep is not None:
            pos = sep.end()
    return out


def _local(marks: Marks, start: int, end: int) -> Marks:
    """The marks within text[start:end], counted from ``start``."""
    out = []
    for m in marks:
        if (m.start < end and m.end > start) or (m.start == m.end and start <= m.start <= end):
            out.append(Mark(m.path, max(m.start, start) - start, min(m.end, end) - start))
    return tuple(out)


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
    def __init__(
        self,
        look: Look,
        new_list: Callable[[bool], int],
        workbook: bool,
        swedish: bool,
        controls: bool = False,
    ) -> None:
        self.controls = controls
        self.look = look
        self.new_list = new_list
        self.bullets = 0
        self.width = look.text_width
        self.workbook = workbook
        self.charts = 0
        self.bookmarks = 0
        self.swedish = swedish
        self.names: dict[str, int] = {}
        self.options: dict[str, tuple[str, ...]] = {}
        self.groups = 0

    def style(self, name: str) -> str:
        return self.look.styles[name]

    def bookmark(
        self, kind: str, path: str, numbers: tuple[int, ...] | None = None
    ) -> tuple[str, str]:
        """A bookmark's start and end for ``path``, its name used once in the document."""
        base = _paths.bookmark_name(kind, path, numbers)
        n = self.names.get(base, 0)
        self.names[base] = n + 1
        name = _paths.bookmark_name(kind, path, numbers, n) if n else base
        self.bookmarks += 1
        i = self.bookmarks
        return f'<w:bookmarkStart w:id="{i}" w:name="{name}"/>', f'<w:bookmarkEnd w:id="{i}"/>'

    def _mark_bookmark(self, path: str) -> tuple[str, str]:
        where = _paths.split_placement(path)
        if where is None:
            return self.bookmark("v", path)
        field, value = where
        return self.bookmark("p", field, (self.option(field, value),))

    def option(self, field: str, value: str) -> int:
        """A placement's option by its position: a centre's or step's in the plan's order."""
        found = self.options.get(field) or _paths.OPTIONS.get(field, ())
        return found.index(value) if value in found else 0

    def placing(self, placements: tuple[str, ...]) -> None:
        """Remember the order of a figure's placements: their bookmarks name them by it."""
        split = [w for p in placements if (w := _paths.split_placement(p)) is not None]
        if split:
            self.options[split[0][0]] = tuple(value for _, value in split)

    def _control(self, path: str) -> str:
        alias = _x(_paths.describe(path, self.swedish))
        return f'<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{_x(path)}"/></w:sdtPr>'

    def value(self, path: str, inner: str) -> str:
        """``inner`` runs marked for ``path``: a bookmark, in a content control.

        When controls are put in later (:data:`CONTROL_MARK`), only the bookmark, marked.
        """
        start, end = self._mark_bookmark(path)
        if self.controls:
            return (
                f"<w:sdt>{self._control(path)}<w:sdtContent>{start}{inner}{end}"
                "</w:sdtContent></w:sdt>"
            )
        # each marker declares its namespace: the body is spliced into the package as text
        start = start.replace(
            "<w:bookmarkStart ", f'<w:bookmarkStart xmlns:kp="{CONTROL_MARK}" kp:tag="{_x(path)}" '
        )
        return f"{start}{inner}{end}"

    def group(self, path: str, inner: str) -> str:
        """Paragraphs (or a table row) in one content control: a list, lines, a row.

        When controls are put in later, they are marked by attributes of :data:`CONTROL_MARK`.
        """
        if self.controls:
            return f"<w:sdt>{self._control(path)}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        self.groups += 1
        attrs = f'xmlns:kp="{CONTROL_MARK}" kp:group="{_x(path)}" kp:g="{self.groups}"'
        if inner.startswith("<w:tr>"):
            return f"<w:tr {attrs}>" + inner[len("<w:tr>") :]
        return inner.replace("<w:p>", f"<w:p {attrs}>")

    def marked(self, text: str, marks: Marks, rpr: str = "") -> str:
        """The runs of one paragraph's ``text``, each marked value in its control."""
        if not marks:
            return _runs(text, rpr) if text else ""
        out = []
        for piece, path in pieces(text, marks):
            runs = _runs(piece, rpr) if piece else _runs("", rpr)
            out.append(self.value(path, runs) if path else (_runs(piece, rpr) if piece else ""))
        return "".join(out)

    def text_paragraphs(
        self, text: str, style: str = "", rpr: str = "", ppr: str = "", marks: Marks = ()
    ) -> str:
        """``text`` (its paragraphs separated by blank lines) as Word paragraphs."""
        spans = _spans(text)
        if not spans and marks:
            empty = tuple(Mark(m.path, 0, 0) for m in marks)
            return _p(self.marked("", empty, rpr), ppr, style)
        out = []
        for k, (a, b) in enumerate(spans):
            local = _local(marks, a, b)
            # an empty value where the text around it was trimmed (after "1. ") stands at
            # the end of the paragraph before it, or at the start of the first
            stray = [
                m
                for m in marks
                if m.start == m.end
                and not any(x <= m.start <= y for x, y in spans)
                and (k == len(spans) - 1 or m.start < spans[k + 1][0])
                and (m.start > b or k == 0)
            ]
            local += tuple(
                Mark(m.path, b - a if m.start > b else 0, b - a if m.start > b else 0)
                for m in stray
            )
            out.append(_p(self.marked(text[a:b].strip("\n"), local, rpr), ppr, style))
        return "".join(out)

    def heading(self, section: Section, bookmark: str, page_break: bool = False) -> str:
        ppr = "<w:pageBreakBefore/>" if page_break else ""
        self.bookmarks += 1
        mark = f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{bookmark}"/>'
        end = f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        return _p(
            mark + self.marked(section.title, section.marks, _lang(section.lang)) + end,
            ppr,
            self.style(f"Heading {section.level}"),
        )

    def caption(self, text: str) -> str:
        return _p(_runs(text, "<w:b/>"), "<w:keepNext/>")

    def block(self, block: Block) -> Iterator[str]:
        match block:
            case Paragraph():
                if block.prompt:
                    yield self.caption(block.text.strip())
                else:
                    # in the workbook a note stays with the room to write under it
                    ppr = "<w:keepNext/>" if self.workbook else ""
                    yield self.text_paragraphs(
                        block.text, rpr=_lang(block.lang), ppr=ppr, marks=block.marks
                    )
            case Quote():
                yield from self.quote(block)
            case BulletList():
                yield from self.bullet_list(block)
            case Fields():
                yield from self.fields(block)
            case Table():
                yield from self.table(block)
            case Matrix():
                yield from self.matrix(block)
            case Staircase():
                yield from self.staircase(block)
            case WritingSpace():
                yield from self.writing_space(block)
            case Chart():
                yield from self.chart(block)
            case _:
                assert_never(block)

    def chart(self, block: Chart) -> Iterator[str]:
        # the numbers as a table, which every reader and screen reader can use, and
        # under it the bars, a picture the package puts where this paragraph marks
        yield from self.table(block.table)
        yield f'<w:p xmlns:kp="{CHART_MARK}" kp:chart="{self.charts}"/>'
        self.charts += 1

    def quote(self, block: Quote) -> Iterator[str]:
        lang = _lang(block.lang)
        if block.text.strip():
            yield self.text_paragraphs(block.text, self.style("Quote"), lang, marks=block.marks)
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
        items = []
        for i, item in enumerate(block.items):
            # a short list stays on one page
            keep = "<w:keepNext/>" if i < last and len(block.items) <= 8 else ""
            marks = block.marks[i] if i < len(block.marks) else ()
            items.append(_p(self.marked(item, marks, lang), numpr + keep, style))
        body = "".join(items)
        # a paragraph added inside the list's control belongs to the list
        yield self.group(block.path, body) if block.path else body

    def fields(self, block: Fields) -> Iterator[str]:
        lang = _lang(block.lang)
        for field in block.items:
            if field.long:
                yield _p(self.marked(field.label, field.label_marks, "<w:b/>"), "<w:keepNext/>")
                yield self.text_paragraphs(field.value, rpr=lang, marks=field.marks)
            else:
                # a label is the reader's, unless it is plan text (a partner's name)
                label_lang = lang if field.label_marks else ""
                label = self.marked(field.label, field.label_marks, "<w:b/>" + label_lang)
                yield _p(
                    label + _runs(": ", "<w:b/>") + self.marked(field.value, field.marks, lang)
                )

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
        marks: tuple[tuple[Marks, ...], ...] = (),
        rows_of: tuple[str, ...] = (),
        list_path: str = "",
    ) -> str:
        """A table; ``raw`` rows hold each cell's paragraphs as XML rather than text.

        ``marks`` are each body cell's plan values; ``rows_of`` each body row's item
        (``""`` a row to fill, which would add to ``list_path``), held by a control.
        """
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
                # the header names the plan list the rows belong to, by a bookmark
                start, end = self.bookmark("t", list_path) if list_path and c == 0 else ("", "")
                parts.append(
                    f"<w:tc><w:tcPr>{width}{shd}</w:tcPr>"
                    f"{_p(start + end + _runs(text, head_rpr), ppr(c, True))}</w:tc>"
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
            cells_marks = marks[n] if n < len(marks) else ()
            item = rows_of[n] if n < len(rows_of) else None
            row_xml = [f"<w:tr>{row_pr}"]
            band = n % 2 == 1 and shaded and not height
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{_TINT}"/>' if band else ""
            for c, (width, cell) in enumerate(zip(tcw, row, strict=True)):
                cell_marks = cells_marks[c] if c < len(cells_marks) else ()
                inner = cell if raw else self._cell(cell, rpr + lang, ppr(c, keep), cell_marks)
                row_xml.append(f"<w:tc><w:tcPr>{width}{fill}</w:tcPr>{inner}</w:tc>")
            row_xml.append("</w:tr>")
            if item is not None and (item or list_path):
                # the row's item, or the list a row to fill adds to
                parts.append(self.group(item or list_path, "".join(row_xml)))
            else:
                parts.extend(row_xml)
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

    def _cell(self, text: str, rpr: str, ppr: str, marks: Marks = ()) -> str:
        # a table cell must hold at least one paragraph
        return self.text_paragraphs(text, rpr=rpr, ppr=ppr, marks=marks) or _p("", ppr)

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
        source = block.source
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
            marks=source.marks if source else (),
            rows_of=source.items if source else (),
            list_path=source.path if source else "",
        )

    def records(self, block: Table) -> Iterator[str]:
        """One record a row, label and value, each record under a rule: large print."""
        lang = _lang(block.lang)
        rule = _borders("pBdr", ("top",), _GREY, 6).replace('w:space="0"', 'w:space="4"')
        source = block.source
        for n, row in enumerate(block.rows):
            row_marks = source.marks[n] if source and n < len(source.marks) else ()
            cells = [
                (h or "#", c.strip(), row_marks[k] if k < len(row_marks) else ())
                for k, (h, c) in enumerate(zip(block.headers, row, strict=False))
            ]
            cells = [(h, c, m) for h, c, m in cells if c]
            for i, (name, value, marks) in enumerate(cells):
                ppr = (rule if i == 0 else "") + ("<w:keepNext/>" if i < len(cells) - 1 else "")
                yield _p(_runs(f"{name}: ", "<w:b/>") + self.marked(value, marks, lang), ppr)

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
        self.placing(block.placements)

        def cell(k: int, name: str, groups: tuple[str, ...]) -> str:
            head = _p(_runs(name, "<w:b/>" + rpr), ppr + "<w:keepNext/>")
            where = block.placements[k] if k < len(block.placements) else ""
            if block.write_in and not groups:
                lines = "".join(
                    _p(self.marked("", (Mark(where, 0, 0),) if where else (), groups_rpr), line)
                    for _ in range(block.write_in)
                )
                return head + (self.group(where, lines) if where else lines)
            if not groups:
                return head + _p(_runs("–", groups_rpr), ppr)
            names = "".join(
                _p(self.marked(g, (Mark(where, 0, len(g)),) if where else (), groups_rpr), ppr)
                for g in groups
            )
            return head + (self.group(where, names) if where else names)

        cells = [cell(k, name, groups) for k, (name, groups) in enumerate(block.cells)]
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
        self.placing(block.placements)
        # the highest step first: it stands at the right, above the others
        for k in range(steps, 0, -1):
            name, groups = block.steps[k - 1], block.groups[k - 1]
            where = block.placements[k - 1] if k - 1 < len(block.placements) else ""
            keep = "<w:keepNext/>" if k > 1 else ""
            body = _p(_runs(f"{k}. {name}", "<w:b/>" + rpr), keep)
            if block.write_in and not groups:
                lines = "".join(
                    _p(
                        self.marked("", (Mark(where, 0, 0),) if where else (), groups_rpr),
                        line + keep,
                    )
                    for _ in range(block.write_in)
                )
            else:
                lines = "".join(
                    _p(self.marked(g, (Mark(where, 0, len(g)),) if where else (), groups_rpr), keep)
                    for g in groups
                )
            body += self.group(where, lines) if where and lines else lines
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
            # a little room above, so that the question does not sit on the lines before it
            yield _p(_runs(block.prompt, "<w:b/>"), '<w:keepNext/><w:spacing w:before="160"/>')
        line = (
            # "between" draws the rule under each line of a group, "bottom" under the last
            f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{_GREY}"/>'
            f'<w:between w:val="single" w:sz="4" w:space="1" w:color="{_GREY}"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="520" w:lineRule="exact"/>'
        )
        keep = "<w:keepNext/><w:keepLines/>"
        mark = (Mark(block.path, 0, 0),) if block.path else ()
        lines = "".join(
            _p(self.marked("", mark), (keep if i < block.lines - 1 else "") + line)
            for i in range(block.lines)
        )
        # what is written on the lines, or on lines added inside, fills the path
        yield self.group(block.path, lines) if block.path else lines


def _cover(w: _Writer, document: Document) -> Iterator[str]:
    look = w.look
    yield _p("", '<w:spacing w:before="2400" w:after="0"/>')
    text = _lang(
        document.text_language if document.text_language is not document.language else None
    )
    yield _p(_runs(document.title), style=w.style("Title"))

    def whole(path: str, value: str) -> Marks:
        return (Mark(path, 0, len(value)),) if path else ()

    if document.subtitle:
        subtitle = w.marked(
            document.subtitle, whole(document.subtitle_path, document.subtitle), text
        )
        yield _p(subtitle, style=w.style("Subtitle"))
    paths = document.title_paths
    for n, (name, value) in enumerate(document.title_lines):
        path = paths[n] if n < len(paths) else ""
        yield _p(_runs(f"{name}: ", "<w:b/>") + w.marked(value, whole(path, value), text))
    for n, name in enumerate(document.cover_fields):
        path = document.cover_paths[n] if n < len(document.cover_paths) else ""
        # a label and a line to its right, to write on at the workshop
        leader = (
            f'<w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{look.text_width}"/>'
            "</w:tabs>"
        )
        # the field right after the label, so that what is typed stands there, with the
        # line to write on running on to the margin
        blank = w.marked("", whole(path, "") if path else (), text)
        yield _p(
            _runs(f"{name}: ", "<w:b/>") + blank + "<w:r><w:tab/></w:r>",
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
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-'
        f'{document.contents_levels}" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    listed = [(s, b) for s, b in entries if s.level <= document.contents_levels]
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
#: Attributes marking where the package puts content controls: ``tag`` on a bookmark's
#: start (a value), ``group`` and ``g`` on paragraphs and table rows (a list, lines, a row).
CONTROL_MARK = "urn:klusterplan:control"


def _mark(orientation: str) -> str:
    return f'<w:p xmlns:kp="{SECTION_MARK}" kp:ends="{orientation}"/>'


def body_xml(
    document: Document, look: Look, new_list: Callable[[bool], int], controls: bool = False
) -> tuple[str, bool]:
    """The document body (without its section properties) as one ``w:body`` element.

    ``controls`` writes each marked value's content control at once; otherwise they
    are marked (:data:`CONTROL_MARK`) for :func:`~._docx_readback.add_controls` to put
    in later, after a plugin has seen the document.

    ``new_list(ordered)`` returns a fresh numbering id for a list; ordered
    lists each get their own so that their numbers restart at 1. A chapter
    with a table too wide for a portrait page is put on landscape pages: the
    body holds marker paragraphs (namespace :data:`SECTION_MARK`, attribute
    ``ends``) where the package puts section breaks. The second value says
    whether the last section is landscape.
    """
    workbook = document.mode.value == "workbook"
    w = _Writer(look, new_list, workbook, document.language is Language.SV, controls)
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
