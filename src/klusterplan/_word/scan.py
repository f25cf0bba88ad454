"""Reading a Word body back: its paragraphs and tables, each text with the plan path it marks.

klusterplan's Word exports mark each plan value by a bookmark whose name
encodes its path (see :mod:`klusterplan._word.marks`); Word and LibreOffice
keep them. Documents from earlier versions also held each value in a content
control tagged with its path, which Word keeps and LibreOffice drops: the scan
uses the tags when a document has them and the bookmarks otherwise.

A bookmark that LibreOffice ends in a later paragraph, or not at all (it
writes one for each paragraph of a range), covers what its range covers, or
else the rest of its paragraph; an empty one marks its paragraph as the
place of an empty value (:attr:`Para.points`).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from .._model import paths as _paths
from .marks import PLACEMENT, TABLE, VALUE, W_NS, parse_bookmark

__all__ = ["Para", "RowScan", "Scan", "TableScan", "scan"]

W = W_NS


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _R, _T, _TBL, _TR, _TC = (_w(n) for n in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDTPR, _SDTCONTENT, _TAG = (_w(n) for n in ("sdt", "sdtPr", "sdtContent", "tag"))
_BM_START, _BM_END = _w("bookmarkStart"), _w("bookmarkEnd")
_PPR, _PSTYLE, _NUMPR, _NUMID = _w("pPr"), _w("pStyle"), _w("numPr"), _w("numId")
_VAL, _ID, _NAME = _w("val"), _w("id"), _w("name")
_SKIP = {
    _w(n)
    for n in (
        "pPr",
        "rPr",
        "drawing",
        "pict",
        "object",
        "delText",
        "instrText",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblGrid",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
}
_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_HEADING = re.compile(r"^(heading|rubrik|title|subtitle)", re.IGNORECASE)


@attrs.define
class Para:
    """A paragraph of the document (or of a table cell), read back."""

    index: int
    pieces: list[tuple[str, str | None]] = attrs.field(factory=list)
    """Its text, cut where the innermost mark changes: ``(text, path)``, path None outside."""
    points: list[str] = attrs.field(factory=list)
    """Paths of empty marks in it: the place of a value that is empty."""
    groups: tuple[str, ...] = ()
    """Paths of the controls around it (a list, lines to write on), the innermost last."""
    heading: str = ""
    """The heading it stands under."""
    style: str = ""
    num: str = ""
    """Its list's numbering id, for a paragraph of a numbered or bulleted list."""
    ppr_element: Any = None
    """Its paragraph properties' element, if it has any."""
    table: int | None = None
    row: int | None = None
    """The body row, from 1, in :attr:`table`."""
    column: int | None = None
    toc: bool = False
    """Part of the table of contents."""

    @functools.cached_property
    def ppr(self) -> bytes:
        """Its paragraph properties as they shape it: lines added on ruled lines share them.

        Not its rules, which LibreOffice writes anew for the first and last of a run of
        lines, nor what keeps it with the next.
        """
        if self.ppr_element is None:
            return b""
        from lxml import etree

        shape = copy.deepcopy(self.ppr_element)
        for name in ("pBdr", "rPr", "keepNext", "keepLines", "widowControl"):
            for found in shape.findall(_w(name)):
                shape.remove(found)
        return bytes(etree.tostring(shape))

    @property
    def text(self) -> str:
        """The whole paragraph's text."""
        return "".join(t for t, _ in self.pieces)

    @property
    def paths(self) -> list[str]:
        """The paths marked in it, in order, each once."""
        out: list[str] = []
        for _text, path in self.pieces:
            if path is not None and path not in out:
                out.append(path)
        for path in self.points:
            if path not in out:
                out.append(path)
        return out


@attrs.define
class RowScan:
    """A body row of a table."""

    number: int
    item: str = ""
    """The tag of the control around the row: its item's path, or the list a row to fill
    adds to; empty where the editor dropped the control."""
    cells: list[list[Para]] = attrs.field(factory=list)
    header: bool = False


@attrs.define
class TableScan:
    """A table of the document."""

    index: int
    heading: str = ""
    source: tuple[str, int] | None = None
    """The plan list its rows belong to and which table of that list it is (0 the first),
    from the bookmark in its header."""
    rows: list[RowScan] = attrs.field(factory=list)

    @property
    def headers(self) -> list[str]:
        """The header row's texts, or the first row's."""
        for row in self.rows:
            return [" ".join(p.text for p in cell).strip() for cell in row.cells]
        return []


@attrs.define
class Scan:
    """A document body read back."""

    paragraphs: list[Para] = attrs.field(factory=list)
    tables: list[TableScan] = attrs.field(factory=list)
    tagged: bool = False
    """Whether the controls' tags were read (Word); else the bookmarks (LibreOffice)."""
    marks: int = 0
    """How many klusterplan marks were found."""


@functools.lru_cache(maxsize=8192)
def _ours(tag: str | None) -> str | None:
    """``tag`` if it is a plan path or placement klusterplan knows, else None."""
    if not tag:
        return None
    where = _paths.split_placement(tag)
    head = where[0] if where else tag
    try:
        _paths.parse(head.replace("[]", "[*]"))
    except ValueError:
        return None
    if where is None and "[*]" in tag:
        return None  # "any item" names a place only in a placement: a value has its item
    return tag if _paths.slot(head) is not None else None


def _tag(sdt: Any) -> str | None:
    pr = sdt.find(_SDTPR)
    element = pr.find(_TAG) if pr is not None else None
    return _ours(element.get(_VAL) if element is not None else None)


class _Walker:
    def __init__(self, root: Any, options: dict[str, tuple[str, ...]]) -> None:
        self.root = root
        self.options = options
        self.out = Scan()
        self.out.tagged = any(_tag(s) is not None for s in root.iter(_SDT))
        ends: dict[str, int] = {}
        for n, element in enumerate(root.iter(_BM_START, _BM_END)):
            if element.tag == _BM_END:
                ends.setdefault(element.get(_ID, ""), n)
        self.ends = ends
        self.order = {id(e): n for n, e in enumerate(root.iter(_BM_START, _BM_END))}
        self.open: list[tuple[str, str, int]] = []
        """Bookmarks open: (id, path, text length when opened)."""
        self.heading = ""
        self.para: Para | None = None
        self.fields: list[bool] = []
        """Fields open, True for a table of contents."""
        self.field_code: list[str] = []

    # -- bookmarks ----------------------------------------------------------------

    def _decode(self, name: str) -> str | None:
        found = parse_bookmark(name)
        if found is None:
            return None
        kind, template, numbers, _ = found
        if kind == VALUE:
            if template.count("[]") != len(numbers):
                return None
            return _paths.fill(template, numbers)
        if kind == PLACEMENT and numbers:
            options = self.options.get(template) or _paths.OPTIONS.get(template, ())
            if numbers[0] < len(options):
                return _paths.placement(template, options[numbers[0]])
        return None

    def bookmark_start(self, element: Any) -> None:
        if self.out.tagged or self.para is None:
            return
        path = self._decode(element.get(_NAME, ""))
        if path is None:
            return
        self.out.marks += 1
        ident = element.get(_ID, "")
        self.open.append((ident, path, len(self.para.text)))

    def bookmark_end(self, element: Any) -> None:
        ident = element.get(_ID, "")
        for k, (other, path, at) in enumerate(self.open):
            if other == ident:
                if self.para is not None and len(self.para.text) == at:
                    self.para.points.append(path)
                del self.open[k]
                return

    def close_paragraph(self) -> None:
        """Bookmarks whose end comes in no later paragraph end with the paragraph."""
        assert self.para is not None
        here = len(self.para.text)
        keep = []
        for ident, path, at in self.open:
            if ident in self.ends:
                keep.append((ident, path, 0))
            elif here == at:
                self.para.points.append(path)
        self.open = keep

    # -- text -------------------------------------------------------------------

    def add(self, text: str, path: str | None) -> None:
        assert self.para is not None
        if self.fields and self.fields[-1]:
            self.para.toc = True
        if not self.out.tagged and self.open:
            path = self.open[-1][1]
        pieces = self.para.pieces
        if pieces and pieces[-1][1] == path:
            pieces[-1] = (pieces[-1][0] + text, path)
        else:
            pieces.append((text, path))

    def run(self, run: Any, path: str | None) -> None:
        for child in run:
            tag = child.tag
            if tag == _T:
                self.add(child.text or "", path)
            elif tag == _w("tab"):
                self.add("\t", path)
            elif tag in (_w("br"), _w("cr")):
                if child.get(_w("type")) in (None, "textWrapping"):
                    self.add("\n", path)
            elif tag == _w("noBreakHyphen"):
                self.add("-", path)
            elif tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self.fields.append(False)
                    self.field_code.append("")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "TOC" in self.field_code[-1].split()
                elif kind == "end" and self.fields:
                    self.fields.pop()
                    self.field_code.pop()
            elif tag == _w("instrText") and self.field_code:
                self.field_code[-1] += child.text or ""
            elif tag == _BM_START:
                self.bookmark_start(child)
            elif tag == _BM_END:
                self.bookmark_end(child)

    def inline(self, parent: Any, path: str | None) -> None:
        """The runs of a paragraph, within hyperlinks, fields and run-level controls."""
        for child in parent:
            tag = child.tag
            if tag == _R:
                self.run(child, path)
            elif tag == _SDT:
                inner = _tag(child) if self.out.tagged else None
                if inner is not None:
                    self.out.marks += 1
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self.inline(content, inner or path)
            elif tag == _BM_START:
                self.bookmark_start(child)
            elif tag == _BM_END:
                self.bookmark_end(child)
            elif tag in _SKIP or tag == _ALTERNATE:
                continue
            elif tag in (
                _w("hyperlink"),
                _w("fldSimple"),
                _w("smartTag"),
                _w("ins"),
                _w("customXml"),
            ):
                if tag == _w("hyperlink") and (child.get(_w("anchor")) or "").startswith("_Toc"):
                    assert self.para is not None
                    self.para.toc = True
                self.inline(child, path)
            elif tag in (_w("moveTo"),):
                self.inline(child, path)

    # -- blocks -----------------------------------------------------------------

    def paragraph(self, element: Any, groups: tuple[str, ...], where: dict[str, Any]) -> Para:
        ppr = element.find(_PPR)
        style = ""
        num = ""
        if ppr is not None:
            found = ppr.find(_PSTYLE)
            style = found.get(_VAL, "") if found is not None else ""
            numpr = ppr.find(_NUMPR)
            numid = numpr.find(_NUMID) if numpr is not None else None
            if numid is not None:
                num = numid.get(_VAL, "")
        para = Para(
            len(self.out.paragraphs),
            groups=groups,
            heading=self.heading,
            style=style,
            num=num,
            ppr_element=ppr,
            **where,
        )
        self.para = para
        self.inline(element, None)
        self.close_paragraph()
        self.para = None
        heading = _HEADING.match(style) and not style.lower().startswith(("title", "subtitle"))
        if heading and para.text.strip():
            self.heading = para.text.strip()
            para.heading = self.heading
        self.out.paragraphs.append(para)
        return para

    def blocks(self, parent: Any, groups: tuple[str, ...], where: dict[str, Any]) -> Iterator[Para]:
        for child in parent:
            tag = child.tag
            if tag == _P:
                yield self.paragraph(child, groups, where)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                group = _tag(child) if self.out.tagged else None
                if group is not None:
                    self.out.marks += 1
                content = child.find(_SDTCONTENT)
                if content is not None:
                    yield from self.blocks(content, (*groups, group) if group else groups, where)
            elif tag == _BM_START:
                self.para = Para(-1)
                self.bookmark_start(child)
                self.para = None
            elif tag == _BM_END:
                self.bookmark_end(child)
            elif tag == _w("customXml"):
                yield from self.blocks(child, groups, where)

    def rows(self, table: Any) -> Iterator[tuple[Any, str]]:
        for child in table:
            if child.tag == _TR:
                yield child, ""
            elif child.tag == _SDT:
                tag = (_tag(child) if self.out.tagged else None) or ""
                content = child.find(_SDTCONTENT)
                for row in content if content is not None else ():
                    if row.tag == _TR:
                        yield row, tag

    def table(self, element: Any) -> None:
        found = TableScan(len(self.out.tables), self.heading)
        self.out.tables.append(found)
        number = 0
        for row, item in self.rows(element):
            trpr = row.find(_w("trPr"))
            header = trpr is not None and trpr.find(_w("tblHeader")) is not None
            if not header:
                number += 1
            scanned = RowScan(number, item, header=header)
            found.rows.append(scanned)
            cells = [c for c in row if c.tag in (_TC, _SDT)]
            column = 0
            for cell in cells:
                tcs = [cell] if cell.tag == _TC else list(cell.iter(_TC))
                for tc in tcs:
                    if found.source is None:
                        found.source = self._source(tc)
                    where = {"table": found.index, "row": number, "column": column}
                    scanned.cells.append(list(self.blocks(tc, (), where)))
                    column += 1

    def _source(self, cell: Any) -> tuple[str, int] | None:
        for start in cell.iter(_BM_START):
            found = parse_bookmark(start.get(_NAME, ""))
            if found is not None and found[0] == TABLE:
                _, template, numbers, n = found
                if template.count("[]") == len(numbers):
                    return _paths.fill(template, numbers), n
        return None


def scan(root: Any, options: dict[str, tuple[str, ...]] | None = None) -> Scan:
    """Read a ``w:document`` (or ``w:body``) element; ``options`` decode placements' bookmarks.

    ``options`` give, for each placement field, its options in order (the plan's
    centres' ids, its steps' ids), as the export numbered them.
    """
    body = root.find(_w("body")) if root.tag == _w("document") else root
    walker = _Walker(body if body is not None else root, options or {})
    for _ in walker.blocks(walker.root, (), {}):
        pass
    return walker.out
