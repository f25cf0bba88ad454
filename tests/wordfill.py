"""Editing a klusterplan Word document as a person does in Word, with python-docx and lxml.

A person clicks into a field (the text a bookmark holds) and types; writes on
the ruled lines of a question, pressing Enter for a new line; presses Enter
after a list's last item to add one; inserts a table row and fills it; deletes
a row; sorts a table; types somewhere no field is. Each helper does the same
to the document's XML, so that tests can read back what a person would leave.
A field is found by the plan path its bookmarks name (``library.name``,
``target_groups[*].centre=culture`` for a group's place in a figure).
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from klusterplan._model import paths as _paths
from klusterplan._word.marks import PLACEMENT, VALUE, bookmark_name, parse_bookmark
from klusterplan.model import Plan


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


def _options() -> dict[str, tuple[str, ...]]:
    """Each placement's options in order, as the export numbers them for a plan's figures."""
    plan = Plan()
    return {
        **_paths.OPTIONS,
        "target_groups[].centre": tuple(c.id for c in plan.centres),
        "target_groups[].staircase.current": tuple(s.id for s in plan.staircase),
    }


def _wanted(tag: str) -> tuple[str, str, tuple[int, ...]]:
    """What the bookmarks of ``tag`` are named for: (kind, template, numbers)."""
    where = _paths.split_placement(tag)
    if where is None:
        found = parse_bookmark(bookmark_name(VALUE, tag))
    else:
        field, value = where
        options = _options().get(field, ())
        found = parse_bookmark(bookmark_name(PLACEMENT, field, (options.index(value),)))
    assert found is not None
    return found[0], found[1], found[2]


def controls(word: Any, tag: str) -> list[Any]:
    """The starts of the bookmarks that mark ``tag``, in the document's order."""
    wanted = _wanted(tag)
    out = []
    for start in word.element.body.iter(qn("w:bookmarkStart")):
        found = parse_bookmark(start.get(qn("w:name"), ""))
        if found is not None and found[:3] == wanted:
            out.append(start)
    return out


def _end(start: Any) -> Any:
    ident = start.get(qn("w:id"))
    for sibling in start.itersiblings():
        if sibling.tag == qn("w:bookmarkEnd") and sibling.get(qn("w:id")) == ident:
            return sibling
    raise AssertionError("a bookmark without its end in its paragraph")


def _held(start: Any) -> str:
    """The text a bookmark holds in its paragraph."""
    end = _end(start)
    out = []
    for sibling in start.itersiblings():
        if sibling is end:
            break
        out.append(text_of(sibling))
    return "".join(out)


def _paragraph(element: Any) -> Any:
    while element.tag != qn("w:p"):
        element = element.getparent()
    return element


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


def _type_between(start: Any, text: str) -> None:
    """Select what a bookmark holds and type ``text`` over it: the bookmark stays around it."""
    end = _end(start)
    like = None
    for sibling in list(start.itersiblings()):
        if sibling is end:
            break
        if sibling.tag == qn("w:r"):
            like = like if like is not None else sibling
            sibling.getparent().remove(sibling)
    end.addprevious(_run(text, like))


def type_into(word: Any, tag: str, text: str, n: int = 0) -> None:
    """Click into the ``n``-th field marked ``tag`` and type ``text`` over what it holds."""
    _type_between(controls(word, tag)[n], text)


def _look(para: Any) -> bytes:
    """How a paragraph looks, but for what keeps it with the next, its rules and its spacing.

    (A list's last item has space after it, which the items before it have not.)
    """
    ppr = para.find(qn("w:pPr"))
    if ppr is None:
        return b""
    shape = copy.deepcopy(ppr)
    for name in ("w:pBdr", "w:keepNext", "w:keepLines", "w:spacing"):
        for found in shape.findall(qn(name)):
            shape.remove(found)
    return bytes(etree.tostring(shape))


def _groups(word: Any, tag: str) -> list[list[Any]]:
    """Runs of paragraphs that hold a mark of ``tag``, one after the other and alike: the
    ruled lines of a question, the items of a list."""
    wanted = _wanted(tag)
    groups: list[list[Any]] = []
    for start in word.element.body.iter(qn("w:bookmarkStart")):
        found = parse_bookmark(start.get(qn("w:name"), ""))
        if found is None:
            continue
        kind, template, numbers, _ = found
        item = kind == wanted[0] and template.startswith(wanted[1] + "[]") and kind == VALUE
        if not (found[:3] == wanted or (item and numbers[: len(wanted[2])] == wanted[2])):
            continue
        para = _paragraph(start)
        # a line to write on holds an empty mark, a list's item is numbered; a text is neither
        ppr = para.find(qn("w:pPr"))
        numbered = ppr is not None and ppr.find(qn("w:numPr")) is not None
        if not numbered and _held(start).strip():
            continue
        last = groups[-1][-1] if groups else None
        if para is last:
            continue
        if last is not None and last.getnext() is para and _look(last) == _look(para):
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def write_lines(word: Any, tag: str, lines: list[str], n: int = 0, inside: bool = True) -> None:
    """Write on the ruled lines for ``tag``, a line each, pressing Enter for more lines.

    ``inside`` puts the text in the line's field, as a click on the line's start
    does; otherwise after it, as a click at the line's end does.
    """
    paragraphs = _groups(word, tag)[n]
    for k, line in enumerate(lines):
        if k < len(paragraphs):
            para = paragraphs[k]
        else:
            para = _new_paragraph_after(paragraphs[-1])
            paragraphs.append(para)
        start = para.find(qn("w:bookmarkStart"))
        if inside and start is not None:
            _type_between(start, line)
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
    """Press Enter after the last item of the list ``tag`` and type an item."""
    last = _groups(word, tag)[n][-1]
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
    start = para.find(qn("w:bookmarkStart"))
    if start is not None:
        _type_between(start, text)
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
    tr.getparent().remove(tr)


def sort_rows(tbl: Any, column: int, reverse: bool = False) -> None:
    """Sort the body rows by a column's text, as Word's Sort does: rows move whole."""
    body = sorted(rows(tbl), key=lambda tr: cell_text(tr, column), reverse=reverse)
    for tr in body:
        tbl.remove(tr)
    for tr in body:
        tbl.append(tr)


def remove_control(word: Any, tag: str, n: int = 0) -> None:
    """Select a field with its paragraph and delete it."""
    para = _paragraph(controls(word, tag)[n])
    para.getparent().remove(para)
