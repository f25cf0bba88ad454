"""The tables of a Word document read back: which plan list each shows, rows kept and added.

A table's header names its plan list (:data:`~klusterplan._word.marks.TABLE`);
the section table (:mod:`klusterplan._document.sections`) says which fields
each column shows. A document that no longer carries its plan is matched
against the tables of every kind of document klusterplan writes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from .._catalogue import messages as _messages
from .._catalogue.labels import label
from .._catalogue.text import Text
from .._document.sections import build_document
from .._model import paths as _paths
from .._planfile.io import example
from ..document import BulletList, Chart, Document, Mode, Rows, Table
from ..model import Language, Plan
from .pieces import Occurrence, unnumber
from .reading import NewItem, ReaderState, described, item_of, within
from .scan import Para, TableScan
from .values import normal, split_composite, split_items

__all__ = ["RowReader", "name_field"]


class RowReader(ReaderState):
    """Reads the document's tables: rows kept, rows added, rows gone."""

    def _sources(self) -> list[tuple[Rows, Table]]:
        out = []
        for section in (*self.tree.front, *self.tree.sections):
            for block in section.blocks:
                table = block.table if isinstance(block, Chart) else block
                if isinstance(table, Table) and table.source is not None:
                    out.append((table.source, table))
        return out

    def _expected_table(self, found: TableScan) -> tuple[Rows, Table] | None:
        if found.source is None:
            return None
        path, n = found.source
        same = [(rows, t) for rows, t in self._sources() if rows.path == path]
        if self.carried and n < len(same):
            return same[n]
        # a document that no longer carries its plan: the table of the same list and the
        # same headers in any document klusterplan writes, the example's or a blank one
        headers = [normal(h) for h in found.headers]
        for tree in shapes():
            alike = [
                (title, table)
                for title, table in _titled_tables(tree)
                if table.source is not None
                and _paths.template(table.source.path) == _paths.template(path)
                and [normal(h) for h in table.headers] == headers
            ]
            # tables of one list with the same headers (the actions, now and in the longer
            # term) are told apart by the heading they stand under
            alike.sort(key=lambda pair: normal(pair[0]) != normal(found.heading))
            for _, table in alike[:1]:
                assert table.source is not None
                return attrs.evolve(table.source, path=path), table
        return None

    def _tables(self) -> None:
        self.new_rows = []
        for found in self.actual.tables:
            match = self._expected_table(found)
            if match is None:
                continue
            source, table = match
            self._rows(found, source, table)

    def _rows(self, found: TableScan, source: Rows, table: Table) -> None:
        numbered = any(
            re.match(r"\d+\.", cell)
            for item, row in zip(source.items, table.rows, strict=False)
            if not item
            for cell in row
        )
        placeholders = [
            {
                unnumber(row[c]).strip()
                for item, row in zip(source.items, table.rows, strict=False)
                if not item
                and c < len(row)
                and source.columns[c]
                and source.columns[c][0] != source.key
            }
            for c in range(len(source.columns))
        ]
        # rows the workbook printed to start from: left as they were, they are suggestions
        suggested = {
            tuple(normal(c) for c in row)
            for item, row in zip(source.items, table.rows, strict=False)
            if not item and any(c.strip() for c in row)
        }
        self._rows_gone(found, source)
        seen: set[str] = set()
        prefix = f"{source.path}["
        # a row inserted in Word inside another's control has its tag but none of its
        # marks: the row with the marks is the item, the other one is new
        marked = {self._row_item(row, source.path, marks_only=True) for row in found.rows}
        for row in found.rows:
            if row.header:
                continue
            item = self._row_item(row, source.path)
            by_marks = self._row_item(row, source.path, marks_only=True)
            if item in seen or (item and not by_marks and item in marked):
                item = ""
            texts = [" ".join(p.text for p in cell).strip() for cell in row.cells]
            cell_texts = ["\n\n".join(p.text for p in cell) for cell in row.cells]
            # the closing row of totals is the table's own, never an item
            totals = {normal(label("total", lang)) for lang in Language}
            if not item and any(normal(t) in totals for t in texts):
                continue
            if item:
                seen.add(item)
                self._cells_without_marks(row, item, source)
                if not self.carried:
                    # what the table says of all its rows (the horizon), the rows do not
                    for field, value in source.fixed:
                        self._assign(f"{item}.{field}", value, "")
                continue
            if row.item and not row.item.startswith(prefix) and row.item != source.path:
                continue
            fields: dict[str, tuple[str, Para | None]] = {}
            for c, text in enumerate(cell_texts):
                if c >= len(source.columns) or not source.columns[c]:
                    continue
                value = unnumber(text) if numbered else text
                if value.strip() in placeholders[c]:
                    value = ""
                parts = split_composite(value.strip(), source.columns[c])
                para = row.cells[c][0] if row.cells[c] else None
                self._told_split(para, value, source.path, source.columns[c], parts)
                for field, part in zip(source.columns[c], parts, strict=False):
                    if part.strip():
                        fields[field] = (part, para)
            if not fields:
                continue
            first = row.cells[0][0] if row.cells and row.cells[0] else None
            self.new_rows.append(
                NewItem(
                    source.path,
                    fields,
                    dict(source.fixed),
                    where=self.where(first, new_row=True),
                    key=source.key,
                    order=(first.index if first is not None else 0, 0),
                    proposal=tuple(normal(t) for t in texts) in suggested,
                )
            )

    def _told_split(
        self,
        para: Para | None,
        text: str,
        path: str,
        fields: tuple[str, ...],
        parts: list[str],
    ) -> None:
        """A notice when a cell's text is split into several values: never a silent guess.

        A cell showing several fields is split at its brackets and commas; a
        list's cell at its commas (the convention its sheet prints).
        """
        found = [(f, p.strip()) for f, p in zip(fields, parts, strict=False) if p.strip()]
        said: list[tuple[str, list[str]]] = []
        for field, part in found:
            many = _paths.slot(f"{path}[0].{field}")
            items = split_items(f"{path}[0].{field}", part) if many and many.many else [part]
            said.append((field, items))
        if len(found) < 2 and all(len(items) < 2 for _, items in said):
            return
        where = self.where(para)

        def parts_in(swedish: bool) -> str:
            return "; ".join(
                _paths.describe(f"{path}[0].{field}", swedish).rpartition(" › ")[2]
                + " "
                + ", ".join(f"”{item}”" for item in items)
                for field, items in said
            )

        short = " ".join(text.split())
        short = short if len(short) <= 80 else short[:77] + "…"
        parts_text = Text(parts_in(False), parts_in(True))
        self.notice(
            "", _messages.text("word_cell_split", where=where, text=short, parts=parts_text)
        )

    def _rows_gone(self, found: TableScan, source: Rows) -> None:
        """Rows deleted from a table whose items the document still shows elsewhere."""
        if not self.carried:
            return
        here = {self._row_item(row, source.path) for row in found.rows if not row.header}
        for item in source.items:
            if not item or item in here:
                continue
            elsewhere = any(p == item or within(p, item) for p in self.present)
            if elsewhere:
                self.notice(
                    item,
                    _messages.text("word_row_gone", heading=found.heading, name=described(item)),
                )

    def _row_item(self, row: Any, path: str, marks_only: bool = False) -> str:
        """The item a row shows: by its cells' marks, or else by the control around it."""
        prefix = f"{path}["
        for cell in row.cells:
            for para in cell:
                for found in para.paths:
                    if found.startswith(prefix):
                        return item_of(found, path)
        if row.item.startswith(prefix) and not marks_only:
            return item_of(row.item, path)
        return ""

    def _cells_without_marks(self, row: Any, item: str, source: Rows) -> None:
        """Text in a cell of a known row that lost its marks fills the column's fields."""
        for c, cell in enumerate(row.cells):
            if c >= len(source.columns) or not source.columns[c]:
                continue
            if any(p.paths for p in cell):
                continue
            text = "\n\n".join(p.text for p in cell).strip()
            if not text:
                continue
            parts = split_composite(unnumber(text), source.columns[c])
            self._told_split(cell[0], unnumber(text), source.path, source.columns[c], parts)
            for field, part in zip(source.columns[c], parts, strict=False):
                path = f"{item}.{field}"
                self.now.setdefault(path, []).append(Occurrence(path, [part], [cell[0]]))


def _titled_tables(tree: Document) -> Iterator[tuple[str, Table]]:
    """Every table of a document with the title of the section it stands in."""
    for section in (*tree.front, *tree.sections):
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table):
                yield section.title, table


def tables_of(tree: Document) -> Iterator[Table]:
    """Every table of a document, a chart's numbers too."""
    for section in (*tree.front, *tree.sections):
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table):
                yield table


@functools.cache
def shapes() -> tuple[Document, ...]:
    """Every kind of document klusterplan writes, of the example plan and of a blank one.

    The example has an item in each list a table shows: together they hold every
    table the section table makes, for their shapes (list and headers).
    """
    return tuple(
        build_document(plan, language, mode=mode, large_print=large)
        for plan in (example(), Plan())
        for mode in Mode
        for language in Language
        for large in (False, True)
    )


@functools.cache
def _name_fields() -> dict[str, str]:
    """The field that names an item of each list, as the section table says."""
    out: dict[str, str] = {}
    for tree in shapes():
        for table in tables_of(tree):
            if table.source is not None and table.source.key:
                out.setdefault(_paths.template(table.source.path), table.source.key)
        for section in (*tree.front, *tree.sections):
            for block in section.blocks:
                if isinstance(block, BulletList) and block.path and block.fields:
                    out.setdefault(_paths.template(block.path), block.fields[0])
    return out


def name_field(path: str) -> str:
    """The field that names an item of the list ``path``: what a line typed for an item fills.

    The key of the list's table (:attr:`~klusterplan.document.Rows.key`), or the first
    field of its list's items; ``name`` for a list the documents show otherwise.
    """
    return _name_fields().get(_paths.template(path), "name")
