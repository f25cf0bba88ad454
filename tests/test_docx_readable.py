"""Every Word file klusterplan writes reads whole with python-docx.

A script that opens a plan, a workbook or a cluster summary to add a
paragraph or fill a row must find what a reader sees: every paragraph, table,
row, cell and word, through python-docx's ``paragraphs``, ``tables``,
``rows``, ``cells`` and ``text``. Each file here is made by the ``klusterplan``
command, and checked against its own XML (every word in it, every row of
every table) and against the document tree it was drawn from (every table
with its rows and the text of each cell).
"""

from __future__ import annotations

import collections
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

import klusterplan
from klusterplan._planfile.io import example_text
from klusterplan.document import Chart, Document, Mode, Table
from klusterplan.model import Language

ROOT = Path(__file__).resolve().parents[1]


def _kalmar(folder: Path) -> Path:
    """The example plan, for a library in Kalmar: the Kalmar plugin brands it."""
    text = example_text()
    plan = klusterplan.loads(text)
    path = folder / "kalmar.yaml"
    path.write_text(
        text.replace(f"municipality: {plan.library.municipality}", "municipality: Kalmar kommun"),
        encoding="utf-8",
    )
    assert "kalmar" in klusterplan.load(path).library.municipality.casefold()
    return path


#: Each Word file: the command that writes it, and the document tree it is drawn from.
FILES: dict[str, tuple[list[str], Callable[[Path], Document | None]]] = {
    "plan": (
        ["export", "plan.yaml", "--to", "docx", "-o", "out.docx"],
        lambda d: klusterplan.build_document(klusterplan.load(d / "plan.yaml"), None),
    ),
    "large print": (
        ["export", "plan.yaml", "--to", "docx", "--large-print", "-o", "out.docx"],
        lambda d: klusterplan.build_document(
            klusterplan.load(d / "plan.yaml"), None, large_print=True
        ),
    ),
    "english": (
        ["export", "plan.yaml", "--to", "docx", "--lang", "en", "-o", "out.docx"],
        lambda d: klusterplan.build_document(klusterplan.load(d / "plan.yaml"), Language.EN),
    ),
    "blank workbook": (
        ["workbook", "-o", "out.docx"],
        lambda d: klusterplan.build_document(klusterplan.Plan(), None, mode=Mode.WORKBOOK),
    ),
    "pre-filled workbook": (
        ["workbook", "--from", "plan.yaml", "-o", "out.docx"],
        lambda d: klusterplan.build_document(
            klusterplan.load(d / "plan.yaml"), None, mode=Mode.WORKBOOK
        ),
    ),
    "cluster summary": (
        ["summary", "cluster", "--to", "docx", "-o", "out.docx", "--today", "2011-03-01"],
        lambda d: None,
    ),
    "kalmar": (
        ["export", "kalmar.yaml", "--to", "docx", "-o", "out.docx"],
        lambda d: klusterplan.build_document(klusterplan.load(d / "kalmar.yaml"), None),
    ),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, Document | None]]:
    """Each Word file as the command writes it, with its document tree."""
    from klusterplan.cli import main

    out: dict[str, tuple[bytes, Document | None]] = {}
    for name, (args, tree) in FILES.items():
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        (folder / "plan.yaml").write_text(example_text(), encoding="utf-8")
        _kalmar(folder)
        (folder / "cluster").mkdir()
        for member in (ROOT / "examples" / "cluster").glob("*.yaml"):
            (folder / "cluster" / member.name).write_bytes(member.read_bytes())
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(folder)
            result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        out[name] = ((folder / "out.docx").read_bytes(), tree(folder))
    return out


def _words(text: str) -> list[str]:
    return text.split()


def _xml_text(paragraph: Any) -> str:
    """The text of a ``w:p`` as a reader sees it: its text runs, no-break hyphens, tabs, breaks."""
    out = []
    nodes = (qn("w:t"), qn("w:noBreakHyphen"), qn("w:tab"), qn("w:br"), qn("w:cr"))
    for node in paragraph.iter(*nodes):
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:noBreakHyphen"):
            out.append("-")
        elif node.tag == qn("w:tab") and node.getparent().tag == qn("w:r"):
            out.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
    return "".join(out)


def _tables(tables: list[Any]) -> Iterator[Any]:
    """Every table python-docx reaches, tables in cells too."""
    for table in tables:
        yield table
        for row in table.rows:
            for cell in _cells(row):
                yield from _tables(cell.tables)


def _cells(row: Any) -> list[Any]:
    """A row's cells, each once: python-docx repeats a cell that spans grid columns."""
    seen: set[int] = set()
    out = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _reached(word: Any) -> list[str]:
    """The text of every paragraph python-docx reaches, in the body and in its tables."""
    texts = [p.text for p in word.paragraphs]
    for table in _tables(word.tables):
        for row in table.rows:
            for cell in _cells(row):
                texts += [p.text for p in cell.paragraphs]
    return texts


@pytest.mark.parametrize("name", list(FILES))
def test_every_word_and_row_is_reachable(
    written: dict[str, tuple[bytes, Document | None]], name: str
) -> None:
    data, _ = written[name]
    word = docx.Document(io.BytesIO(data))
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    # every word of the body's XML, read through python-docx
    in_xml = collections.Counter(w for p in body.iter(qn("w:p")) for w in _words(_xml_text(p)))
    reached = collections.Counter(w for text in _reached(word) for w in _words(text))
    assert sum(in_xml.values()) > 200
    assert reached == in_xml, (in_xml - reached, reached - in_xml)
    # every table and every row: as many as the XML holds
    xml_tables = list(body.iter(qn("w:tbl")))
    docx_tables = list(_tables(word.tables))
    assert len(docx_tables) == len(xml_tables) > 0
    for table in docx_tables:
        xml_rows = [r for r in table._tbl.iter(qn("w:tr")) if _owner(r) is table._tbl]
        assert len(table.rows) == len(xml_rows)
        for row, tr in zip(table.rows, xml_rows, strict=True):
            cells = [c for c in tr.iter(qn("w:tc")) if _owner(c) is table._tbl]
            assert len(_cells(row)) == len(cells)
    # nothing is held in a content control, which python-docx reads past
    assert next(body.iter(qn("w:sdt")), None) is None


def _owner(element: Any) -> Any:
    """The table an element (a row, a cell) belongs to."""
    parent = element.getparent()
    while parent is not None and parent.tag != qn("w:tbl"):
        parent = parent.getparent()
    return parent


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tree_tables(tree: Document) -> Iterator[Table]:
    for section in (*tree.front, *tree.sections):
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table) and not table.records:
                yield table


@pytest.mark.parametrize("name", [n for n in FILES if n != "cluster summary"])
def test_each_table_of_the_document_is_a_table_with_its_rows_and_cells(
    written: dict[str, tuple[bytes, Document | None]], name: str
) -> None:
    """The tables a reader sees hold, row by row and cell by cell, what the document says."""
    data, tree = written[name]
    assert tree is not None
    word = docx.Document(io.BytesIO(data))
    found = [
        [[_flat(c.text) for c in _cells(row)] for row in table.rows]
        for table in _tables(word.tables)
    ]
    wanted = list(_tree_tables(tree))
    assert wanted
    for table in wanted:
        rows = [
            [_flat(h) for h in table.headers],
            *([_flat(c) for c in row] for row in table.rows),
        ]
        if table.footer:
            rows.append([_flat(c) for c in table.footer])
        assert rows in found, (table.caption or table.headers, rows)


def test_the_plans_immediate_actions_show_every_row(
    written: dict[str, tuple[bytes, Document | None]],
) -> None:
    """The table a script fills first: its header and one row for each action."""
    data, _ = written["plan"]
    plan = klusterplan.loads(example_text())
    immediate = [a for a in plan.actions if a.horizon.value == "immediate"]
    word = docx.Document(io.BytesIO(data))
    tables = [t for t in word.tables if any(a.what in t.rows[-1].cells[1].text for a in immediate)]
    assert tables
    assert len(tables[0].rows) == 1 + len(immediate)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it)",
)
def test_every_word_libreoffice_shows_is_reachable(
    written: dict[str, tuple[bytes, Document | None]], tmp_path: Path
) -> None:
    """What LibreOffice lays out of each file, python-docx reaches, but for list labels.

    LibreOffice writes a list's bullet or number before each item; Word's numbering
    draws them, and they are no text of the document's.
    """
    assert SOFFICE is not None, "LibreOffice must be installed in CI"
    names = {name: tmp_path / f"{name.replace(' ', '-')}.docx" for name in written}
    for name, path in names.items():
        path.write_bytes(written[name][0])
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path / "text"),
            *map(str, names.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for name, path in names.items():
        shown = (tmp_path / "text" / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        # (LibreOffice writes Word's no-break hyphen as its own character, U+2011)
        shown = shown.replace("\u2011", "-")
        laid_out = collections.Counter(
            w for w in shown.split() if w != "•" and not re.fullmatch(r"\d+\.", w)
        )
        word = docx.Document(io.BytesIO(written[name][0]))
        reached = collections.Counter(w for text in _reached(word) for w in text.split())
        assert sum(laid_out.values()) > 200, name
        assert not laid_out - reached, (name, laid_out - reached)
