"""Editing a klusterplan Word document as a person does in Word, with python-docx and lxml.

A person clicks into a field (a content control) and types; writes on the
ruled lines of a question, pressing Enter for a new line; presses Enter after
a list's last item to add one; inserts a table row and fills it; deletes a
row; sorts a table; types somewhere no field is. Each helper does the same to
the document's XML, so that tests can read back what a person would leave.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree


def text_of(element: Any) -> str:
    """The text an element holds (python-docx's elements do not take ``itertext``)."""
    out = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        out.append(
            node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else "\n"
        )
    return "".join(out)


def open_word(data: bytes | Path) -> Any:
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def save(word: Any, path: Path) -> Path:
    word.save(str(path))
    return path


def _tag(sdt: Any) -> str:
    pr = sdt.find(qn("w:sdtPr"))
    tag = pr.find(qn("w:tag")) if pr is not None else None
    return tag.get(qn("w:val")) if tag is not None else ""


def controls(word: Any, tag: str) -> list[Any]:
    return [s for s in word.element.body.iter(qn("w:sdt")) if _tag(s) == tag]


def _inline(sdt: Any) -> bool:
    content = sdt.find(qn("w:sdtContent"))
    return (
        content is not None and content.find(qn("w:p")) is None and content.find(qn("w:tr")) is None
    )


def _run(text: str, like: Any = None) -> Any:
    run = etree.SubElement(etree.Element(qn("w:x")), qn("w:r"))
    if like is not None and like.find(qn("w:rPr")) is not None:
        run.append(copy.deepcopy(like.find(qn("w:rPr"))))
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k:
            etree.SubElement(run, qn("w:br"))
        t = etree.SubElement(run, qn("w:t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _set_runs(parent: Any, text: str) -> None:
    """Replace the text of the runs directly in ``parent`` (bookmarks stay)."""
    runs = parent.findall(qn("w:r"))
    like = runs[0] if runs else None
    for run in runs:
        parent.remove(run)
    new = _run(text, like)
    end = parent.find(qn("w:bookmarkEnd"))
    if end is not None:
        end.addprevious(new)
    else:
        parent.append(new)


def type_into(word: Any, tag: str, text: str, n: int = 0) -> None:
    """Click into the ``n``-th field tagged ``tag`` and type ``text`` over what it holds."""
    sdt = [s for s in controls(word, tag) if _inline(s)][n]
    _set_runs(sdt.find(qn("w:sdtContent")), text)


def _group(word: Any, tag: str, n: int = 0) -> Any:
    return [s for s in controls(word, tag) if not _inline(s)][n]


def write_lines(word: Any, tag: str, lines: list[str], n: int = 0, inside: bool = True) -> None:
    """Write on the ruled lines for ``tag``, a line each, pressing Enter for more lines.

    ``inside`` puts the text in the line's field, as a click on the line's start
    does; otherwise after it, as a click at the line's end does.
    """
    content = _group(word, tag, n).find(qn("w:sdtContent"))
    paragraphs = content.findall(qn("w:p"))
    for k, line in enumerate(lines):
        if k < len(paragraphs):
            para = paragraphs[k]
        else:
            para = _new_paragraph_after(paragraphs[-1])
            paragraphs.append(para)
        inner = para.find(qn("w:sdt"))
        if inside and inner is not None:
            _set_runs(inner.find(qn("w:sdtContent")), line)
        else:
            para.append(_run(line))


def _new_paragraph_after(para: Any) -> Any:
    """Enter at the end of ``para``: a new paragraph with its properties, and no field."""
    new = etree.Element(qn("w:p"))
    ppr = para.find(qn("w:pPr"))
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
    para.addnext(new)
    return new


def add_item(word: Any, tag: str, text: str, n: int = 0) -> None:
    """Press Enter after the last item of the list tagged ``tag`` and type an item."""
    content = _group(word, tag, n).find(qn("w:sdtContent"))
    last = content.findall(qn("w:p"))[-1]
    _new_paragraph_after(last).append(_run(text))


def paragraph_after(word: Any, text_start: str, text: str) -> None:
    """Click at the end of the paragraph that starts with ``text_start``, Enter, type."""
    for para in word.element.body.iter(qn("w:p")):
        if text_of(para).startswith(text_start):
            new = etree.Element(qn("w:p"))
            para.addnext(new)
            new.append(_run(text))
            return
    raise AssertionError(f"no paragraph starts with {text_start!r}")


def table(word: Any, first_header: str, n: int = 0) -> Any:
    """The ``n``-th table whose first header cell reads ``first_header``."""
    found = []
    for tbl in word.element.body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        cell = first.find(qn("w:tc")) if first is not None else None
        if cell is not None and text_of(cell).strip() == first_header:
            found.append(tbl)
    return found[n]


def rows(tbl: Any) -> list[Any]:
    """The table's body rows, within their controls or not."""
    out = []
    for tr in tbl.iter(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
            continue
        out.append(tr)
    return out


def cell_text(tr: Any, column: int) -> str:
    return text_of(tr.findall(qn("w:tc"))[column])


def fill_cell(tr: Any, column: int, text: str) -> None:
    """Click into a cell and type over it: into its field when it has one."""
    tc = tr.findall(qn("w:tc"))[column]
    para = tc.find(qn("w:p"))
    inner = para.find(qn("w:sdt"))
    if inner is not None:
        _set_runs(inner.find(qn("w:sdtContent")), text)
    else:
        _set_runs(para, text)


def add_row(tbl: Any, texts: list[str]) -> Any:
    """Insert a row below the last and type into its cells, as Word's Insert Row Below."""
    last = rows(tbl)[-1]
    new = etree.Element(qn("w:tr"))
    trpr = last.find(qn("w:trPr"))
    if trpr is not None:
        new.append(copy.deepcopy(trpr))
    for tc, text in zip(last.findall(qn("w:tc")), texts, strict=True):
        cell = etree.SubElement(new, qn("w:tc"))
        tcpr = tc.find(qn("w:tcPr"))
        if tcpr is not None:
            cell.append(copy.deepcopy(tcpr))
        para = etree.SubElement(cell, qn("w:p"))
        ppr = tc.find(qn("w:p")).find(qn("w:pPr"))
        if ppr is not None:
            para.append(copy.deepcopy(ppr))
        if text:
            para.append(_run(text))
    tbl.append(new)
    return new


def delete_row(tr: Any) -> None:
    parent = tr.getparent()
    parent.remove(tr)
    if parent.tag == qn("w:sdtContent") and not len(parent):
        sdt = parent.getparent()
        sdt.getparent().remove(sdt)


def sort_rows(tbl: Any, column: int, reverse: bool = False) -> None:
    """Sort the body rows by a column's text, as Word's Sort does: rows move whole."""
    body = rows(tbl)
    units = [tr.getparent() if tr.getparent().tag == qn("w:sdtContent") else tr for tr in body]
    units = [u.getparent() if u.tag == qn("w:sdtContent") else u for u in units]
    keyed = sorted(
        zip(units, body, strict=True), key=lambda ub: cell_text(ub[1], column), reverse=reverse
    )
    for unit, _ in keyed:
        tbl.remove(unit)
    for unit, _ in keyed:
        tbl.append(unit)


def remove_control(word: Any, tag: str, n: int = 0) -> None:
    """Select a field with its paragraph and delete it."""
    sdt = [s for s in controls(word, tag) if _inline(s)][n]
    para = sdt.getparent()
    while para.tag != qn("w:p"):
        para = para.getparent()
    para.getparent().remove(para)
