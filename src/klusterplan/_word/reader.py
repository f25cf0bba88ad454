"""What a Word document says now, against what it said when written: the plan it holds.

:class:`Reader` takes two scans (:mod:`klusterplan._word.scan`) of one
document: as klusterplan wrote it, rebuilt from the plan it carries (the
*base*), and as it is now. A value whose text is unchanged keeps the base's
value exactly; a changed one is read from its text as strictly as a plan
file is. Rows and list items added are added, those whose every trace is gone
are removed; what stands outside any field is reported.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from .._catalogue import messages as _messages
from .._catalogue.labels import label
from .._catalogue.text import Text
from .._document.sections import build_document
from .._extension.exporter import Notice
from .._model import paths as _paths
from .._model.plain import default_of, fresh, get_at, plain, set_at, update_at
from .._planfile.convert import structure_plan
from ..document import BulletList, Chart, Document, Mode, Rows, Table
from ..errors import PlanError, Problem
from ..model import Language, Plan
from .changes import Change
from .pieces import Occurrence, Pieces, list_item, same, skeletons, unnumber
from .scan import Para, Scan, TableScan
from .values import Names, Unreadable, normal, parse_value, split_composite
from .values import split_items as _split_items

__all__ = ["Reader"]

#: The field that names an item of each list: what a line typed for a new item fills.
_NAME_FIELDS = {
    "target_groups": "name",
    "values.words": "word",
    "organisation.partners": "name",
    "campaign.groups": "target_group",
    "communication_plan.messages": "text",
    "communication_plan.activities": "what",
    "actions": "what",
    "target_groups[].persona.validation.surveys": "description",
    "centres": "name",
    "staircase": "name",
    "suppressions": "code",
}


@attrs.define
class _NewItem:
    """An item a document adds to a list."""

    path: str
    fields: dict[str, tuple[str, Para | None]]
    """Each field's text as typed, and where."""
    fixed: dict[str, str] = attrs.field(factory=dict)
    data: dict[str, Any] = attrs.field(factory=dict)
    where: str = ""
    key: str = ""
    """The field that names the item: a row naming an item that is there fills it."""
    order: tuple[int, int] = (0, 0)
    """Where it stands in the document (its paragraph, its place on a line): added items
    keep the document's order."""
    proposal: bool = False
    """The workbook's own suggestion, untouched (the forum's groups, Futurum and Kombib, the
    four value words): it comes into the plan only when something is said of it."""


class Reader:
    def __init__(
        self,
        source: str,
        base: Plan,
        mode: Mode,
        language: Language,
        tree: Document,
        expected: Scan,
        actual: Scan,
        carried: bool,
        written: set[str] | None = None,
        digest: Callable[[str], str] = lambda text: text,
    ) -> None:
        self.written = written or set()
        """Digests of the texts of the paragraphs the document was written with."""
        self.digest = digest
        self.source = source
        self.base = base
        self.mode = mode
        self.language = language
        self.tree = tree
        self.expected = expected
        self.actual = actual
        self.carried = carried
        self.problems: list[Problem] = []
        self.notices: list[Notice] = []
        self.changes: list[Change] = []
        self.data = plain(base)
        self.removed: dict[str, set[int]] = {}
        self.added: dict[str, list[_NewItem]] = {}

    # -- where things stand ------------------------------------------------------

    def where(self, para: Para | None, new_row: bool = False) -> Text:
        """Where ``para`` stands, in both languages; headings and columns as the document says."""
        if para is None:
            return Text()
        under = (
            _messages.text("word_under", heading=para.heading)
            if para.heading
            else _messages.text("word_cover")
        )
        if para.table is not None:
            table = self.actual.tables[para.table]
            headers = table.headers
            column = para.column or 0
            name = headers[column] if column < len(headers) and headers[column] else f"{column + 1}"
            key = "word_new_row" if new_row else "word_cell"
            return _messages.text(key, under=under, row=para.row, column=name)
        return under

    def problem(self, path: str, para: Para | None, message: Text) -> None:
        where = self.where(para)
        self.problems.append(Problem(path, where + ": " + message if where else message))

    def notice(self, path: str, message: Text) -> None:
        self.notices.append(Notice(path, message))

    def _outside(self, para: Para, typed: str) -> None:
        short = " ".join(typed.split())
        short = short if len(short) <= 80 else short[:77] + "…"
        self.notice("", _messages.text("word_outside", where=self.where(para), text=short))

    # -- the run ------------------------------------------------------------------

    def run(self) -> tuple[Plan, tuple[Change, ...], tuple[Notice, ...]]:
        """The plan the document holds, what it changes in the base, and the notices."""
        texts = {" ".join(p.text.split()) for p in self.expected.paragraphs if not p.paths}

        def known(text: str) -> bool:
            # klusterplan's own words, or what a plugin added when the document was written
            return text in texts or self.digest(text) in self.written

        reading = Pieces(self._outside, known if self.carried else None)
        expected_pieces = list(reading.pieces(self.expected, None, written=True))
        # what stands around each value is known only when the document carries its plan
        around = skeletons(self.expected) if self.carried else None
        actual_pieces = list(reading.pieces(self.actual, around))
        self.before = reading.occurrences(expected_pieces, self.expected)
        self.now = reading.occurrences(actual_pieces, self.actual)
        self.loose: dict[str, list[tuple[str, Para]]] = {}
        self.proposals: list[_NewItem] = []
        self.suggested: dict[str, set[str]] = {}
        for piece in expected_pieces:
            if piece.loose:
                self.suggested.setdefault(piece.path, set()).add(normal(piece.text))
        for piece in actual_pieces:
            if piece.loose:
                self.loose.setdefault(piece.path, []).append((piece.text, piece.para))
        self.present = self._present()
        if not self.carried:
            self._make_room()
        self._tables()
        self._containers()
        self._groups()
        self._values()
        self._placements()
        self._deletions()
        if self.problems:
            raise PlanError(self.problems, self.source)
        return self._finish(), tuple(self.changes), tuple(self.notices)

    def _present(self) -> set[str]:
        """Every path the document still marks, and every item a row's control names."""
        found = set(self.now)
        for para in self.actual.paragraphs:
            found.update(para.paths)
        for table in self.actual.tables:
            found.update(row.item for row in table.rows if row.item)
        return found

    def _make_room(self) -> None:
        """Make the items a document shows, when it does not carry the plan it was made from.

        They start empty and are filled from what the document says of them.
        """
        wanted: dict[str, int] = {}
        for path in self.present:
            for list_path, index in _items_in(path):
                wanted[list_path] = max(wanted.get(list_path, 0), index + 1)
        for list_path in sorted(wanted, key=_depth):
            slot = _paths.slot(list_path)
            if slot is None or not slot.many:
                continue
            items = get_at(self.data, _paths.parse(list_path))
            if items is None:
                set_at(self.data, _paths.parse(list_path), [])
                items = get_at(self.data, _paths.parse(list_path))
            while len(items) < wanted[list_path]:
                items.append(fresh(slot.type) if slot.record else "")

    # -- tables -------------------------------------------------------------------

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
        for tree in _shapes():
            for table in _tables(tree):
                source = table.source
                if source is None or _paths.template(source.path) != _paths.template(path):
                    continue
                if [normal(h) for h in table.headers] == headers:
                    return attrs.evolve(source, path=path), table
        return None
        return None

    def _tables(self) -> None:
        self.new_rows: list[_NewItem] = []
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
                for field, part in zip(source.columns[c], parts, strict=False):
                    if part.strip():
                        fields[field] = (part, para)
            if not fields:
                continue
            first = row.cells[0][0] if row.cells and row.cells[0] else None
            self.new_rows.append(
                _NewItem(
                    source.path,
                    fields,
                    dict(source.fixed),
                    where=self.where(first, new_row=True),
                    key=source.key,
                    order=(first.index if first is not None else 0, 0),
                    proposal=tuple(normal(t) for t in texts) in suggested,
                )
            )

    def _rows_gone(self, found: TableScan, source: Rows) -> None:
        """Rows deleted from a table whose items the document still shows elsewhere."""
        if not self.carried:
            return
        here = {self._row_item(row, source.path) for row in found.rows if not row.header}
        for item in source.items:
            if not item or item in here:
                continue
            elsewhere = any(p == item or _within(p, item) for p in self.present)
            if elsewhere:
                self.notice(
                    item,
                    _messages.text("word_row_gone", heading=found.heading, name=_described(item)),
                )

    def _row_item(self, row: Any, path: str, marks_only: bool = False) -> str:
        """The item a row shows: by its cells' marks, or else by the control around it."""
        prefix = f"{path}["
        for cell in row.cells:
            for para in cell:
                for found in para.paths:
                    if found.startswith(prefix):
                        return _item_of(found, path)
        if row.item.startswith(prefix) and not marks_only:
            return _item_of(row.item, path)
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
            for field, part in zip(source.columns[c], parts, strict=False):
                path = f"{item}.{field}"
                self.now.setdefault(path, []).append(Occurrence(path, [part], [cell[0]]))

    # -- lists and lines: items added ---------------------------------------------

    def _container_info(self) -> dict[str, tuple[str, ...]]:
        """The fields an added item of each list fills, from the tree's lists."""
        out: dict[str, tuple[str, ...]] = {}
        for section in (*self.tree.front, *self.tree.sections):
            for block in section.blocks:
                if isinstance(block, BulletList) and block.path:
                    out[block.path] = block.fields
        return out

    def _containers(self) -> None:
        info = self._container_info()
        self.loose_items: dict[str, list[tuple[str, Para]]] = {}
        for path, typed in self.loose.items():
            if _paths.split_placement(path) is not None:
                continue  # names written under a placement: read with the placement
            slot = _paths.slot(path)
            if slot is None:
                continue
            if not slot.many:
                # lines added under a value's lines: more of the same value
                for text, para in typed:
                    self.now.setdefault(path, []).append(Occurrence(path, [text], [para]))
                continue
            fields = info.get(path, ())
            if slot.record:
                for text, para in typed:
                    lines = [text] if fields else _split_items(path, text, commas=True)
                    for place, line in enumerate(lines):
                        parts = split_composite(line.strip(), fields) if fields else [line]
                        names = fields or (_name_field(path),)
                        self.new_rows.append(
                            _NewItem(
                                path,
                                {
                                    f: (p, para)
                                    for f, p in zip(names, parts, strict=False)
                                    if p.strip()
                                },
                                where=self.where(para),
                                key=_name_field(path),
                                order=(para.index, place),
                                proposal=normal(text) in self.suggested.get(path, set()),
                            )
                        )
            else:
                self.loose_items.setdefault(path, []).extend(typed)

    # -- target groups first: other values name them ------------------------------

    def _changed(self, path: str) -> list[Occurrence]:
        before = [o.text for o in self.before.get(path, [])]
        return [o for o in self.now.get(path, []) if not any(same(o.text, b) for b in before)]

    def _groups(self) -> None:
        """The target groups as they end up: names changed, groups added; refs need them."""
        for i in range(len(self.data["target_groups"])):
            self._value(f"target_groups[{i}].name")
        for group in self.data["target_groups"]:
            if not group["id"]:
                group["id"] = self._new_id(group["name"] or "malgrupp")
        groups = [(g["id"], g["name"]) for g in self.data["target_groups"]]
        self.names = Names(groups, self.base, self._group_by_proposal)
        self._add_rows("target_groups")

    def _add_rows(self, only: str | None = None) -> None:
        rows = (
            [r for r in self.new_rows if r.path == only]
            if only
            else [r for r in self.new_rows if r.path != "target_groups"]
        )
        # suggestions first, so that any row may bring one in
        self.proposals += [row for row in rows if row.proposal]
        for row in rows:
            if not row.proposal:
                self._new_item(row, row.key)

    def _promote(self, path: str, key: str, value: Any) -> _NewItem | None:
        """The workbook's suggestion of that name, brought into the plan.

        Something was said of it elsewhere in the document.
        """
        wanted = normal(str(value))
        for proposal in self.proposals:
            if proposal.path != path or key not in proposal.fields:
                continue
            text = proposal.fields[key][0]
            try:
                parsed = parse_value(f"{path}[0].{key}", text, self.names_or_base(), self.language)
            except Unreadable:
                continue
            if normal(str(parsed)) == wanted:
                self.proposals.remove(proposal)
                self._new_item(attrs.evolve(proposal, proposal=False), key)
                return self._find_added(path, key, value)
        return None

    def _find_added(self, path: str, key: str, value: Any) -> _NewItem | None:
        wanted = normal(str(value))
        for new in self.added.get(path, []):
            if normal(str(get_at(new.data, _paths.parse(key)) or "")) == wanted:
                return new
        return None

    def _group_by_proposal(self, name: str) -> str | None:
        found = self._promote("target_groups", "name", name)
        return str(found.data["id"]) if found is not None else None

    def _new_item(self, row: _NewItem, key: str) -> None:
        template = _paths.template(row.path)
        slot = _paths.slot(row.path)
        assert slot is not None and slot.record
        values: dict[str, Any] = {}
        for field, (text, para) in row.fields.items():
            path = f"{row.path}[0].{field}"
            try:
                values[field] = parse_value(path, text, self.names_or_base(), self.language)
            except Unreadable as exc:
                self.problem(f"{row.path}[+].{field}", para, exc.text)
        for field, value in row.fixed.items():
            values.setdefault(field, value)
        if not any(v not in (None, "", []) for k, v in values.items() if k not in row.fixed):
            return
        # a row naming an item that is there fills that item
        if key and values.get(key) not in (None, ""):
            target = self._find(row.path, key, values[key])
            if target is not None:
                self._merge(row.path, target, values, row.where, row.order)
                return
        item = fresh(slot.type)
        update_at(item, values)
        if template == "target_groups":
            item["id"] = self._new_id(str(item.get("name") or "malgrupp"))
            self.names_or_base().groups.append((item["id"], str(item.get("name", ""))))
        new = _NewItem(row.path, {}, data=item, where=row.where, order=row.order)
        self.added.setdefault(row.path, []).append(new)

    def names_or_base(self) -> Names:
        return getattr(self, "names", None) or Names(
            [(g.id, g.name) for g in self.base.target_groups], self.base
        )

    def _find(self, path: str, key: str, value: Any) -> int | _NewItem | None:
        wanted = normal(str(value))
        items = get_at(self.data, _paths.parse(path)) or []
        for i, item in enumerate(items):
            if i in self.removed.get(path, set()):
                continue
            if normal(str(get_at(item, _paths.parse(key)) or "")) == wanted:
                return i
        for new in self.added.get(path, []):
            if normal(str(get_at(new.data, _paths.parse(key)) or "")) == wanted:
                return new
        return self._promote(path, key, value)

    def _merge(
        self,
        path: str,
        target: int | _NewItem,
        values: dict[str, Any],
        where: str,
        order: tuple[int, int] = (0, 0),
    ) -> None:
        if isinstance(target, _NewItem) and order != (0, 0):
            target.order = min(target.order, order)
        for field, value in values.items():
            if value in (None, "", []):
                continue
            if isinstance(target, _NewItem):
                set_at(target.data, _paths.parse(field), value)
            else:
                self._assign(f"{path}[{target}].{field}", value, where)

    def _new_id(self, name: str) -> str:
        text = unicodedata.normalize("NFKD", name.casefold())
        slug = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
        slug = slug or "malgrupp"
        taken: set[str] = {g[0] for g in self.names.groups} if hasattr(self, "names") else set()
        taken |= {str(g["id"]) for g in self.data["target_groups"]}
        taken |= {str(n.data.get("id")) for n in self.added.get("target_groups", [])}
        for n in itertools.count(1):
            candidate = slug if n == 1 else f"{slug}-{n}"
            if candidate not in taken:
                return candidate
        raise AssertionError("unreachable")

    # -- values ---------------------------------------------------------------------

    def _values(self) -> None:
        self._add_rows()
        done = {f"target_groups[{i}].name" for i in range(len(self.data["target_groups"]))}
        for path in sorted(set(self.now) | set(self.before), key=_depth):
            if path in done or _paths.split_placement(path) is not None:
                continue
            slot = _paths.slot(path)
            if slot is None or (slot.record and not slot.many):
                continue
            self._value(path)
        for path, typed in self.loose_items.items():
            self._more_items(path, typed)

    def _value(self, path: str) -> None:
        slot = _paths.slot(path)
        if slot is None:
            return
        now = self.now.get(path, [])
        before = self.before.get(path, [])
        if not now:
            deleted = before and not slot.many and not _within_removed_item(path, self.present)
            if deleted and list_item(path) is None and any(o.text for o in before):
                self.notice(path, _messages.text("word_field_gone", name=_described(path)))
            return
        changed = self._changed(path)
        if not changed:
            return
        if slot.many and _list_items_shown(path, self.before):
            # items of their own: a whole-list mark is lines to add items on
            for occurrence in changed:
                self._more_items(
                    path, list(zip([occurrence.text], occurrence.paras[:1], strict=False))
                )
            return
        # text written where the document showed nothing (lines to write on) adds to a text;
        # two places that showed the value and now say different things contradict
        shown = [b.text for b in before]
        adds = [
            o
            for k, o in enumerate(now)
            if o in changed and slot.type is str and not slot.many and _was_blank(k, now, before)
        ]
        edits = [o for o in changed if o not in adds]
        values: list[tuple[Any, Occurrence]] = []
        for occurrence in edits:
            try:
                value = parse_value(
                    path,
                    occurrence.text,
                    self.names_or_base(),
                    self.language,
                    default=default_of(slot),
                )
            except Unreadable as exc:
                self.problem(path, occurrence.paras[0], exc.text)
                return
            if slot.many and before and not any(shown):
                # lines to write on under an empty list: items to add
                value = (get_at(self.data, _paths.parse(path)) or []) + value
            values.append((value, occurrence))
        distinct: list[tuple[Any, Occurrence]] = []
        for value, occurrence in values:
            if all(value != v for v, _ in distinct):
                distinct.append((value, occurrence))
        if len(distinct) > 1:
            first, second = distinct[0][1], distinct[1][1]
            self.problem(
                path,
                second.paras[0],
                _messages.text(
                    "word_two_values",
                    here=second.text,
                    there=first.text,
                    where=self.where(first.paras[0]),
                ),
            )
            return
        if distinct:
            value, occurrence = distinct[0]
        else:
            value, occurrence = get_at(self.data, _paths.parse(path)), adds[0]
        for extra in adds:
            value = "\n\n".join(t for t in (value or "", extra.text) if t)
        self._assign(path, value, self.where(occurrence.paras[0]))

    def _more_items(self, path: str, typed: Sequence[tuple[str, Para]]) -> None:
        items: list[Any] = []
        for text, para in typed:
            try:
                items += parse_value(path, text, self.names_or_base(), self.language)
            except Unreadable as exc:
                self.problem(path, para, exc.text)
        if items:
            current = list(get_at(self.data, _paths.parse(path)) or [])
            self._assign(path, current + items, self.where(typed[0][1]))

    def _assign(self, path: str, value: Any, where: str) -> None:
        parts = _paths.parse(path)
        old = get_at(self.data, parts)
        if old == value:
            return
        set_at(self.data, parts, value)
        self.changes.append(Change("set", path, old, value, where))

    # -- placements -------------------------------------------------------------------

    def _placements(self) -> None:
        families: dict[str, list[str]] = {}
        for path in set(self.now) | set(self.before) | set(self.loose):
            where = _paths.split_placement(path)
            if where is not None:
                families.setdefault(where[0], []).append(path)
        for field, paths in families.items():
            self._family(field, sorted(paths))

    def _named(
        self, path: str, texts: Iterable[tuple[str, Para | None]]
    ) -> list[tuple[str, Para | None]]:
        out = []
        for text, para in texts:
            for name in _split_items("target_groups[0].name", text):
                try:
                    out.append((self.names.group(name), para))
                except Unreadable as exc:
                    self.problem(path, para, exc.text)
        return out

    def _family(self, field: str, paths: list[str]) -> None:
        ranked = field == "campaign.groups[].priority"
        assigned: dict[str, Any] = {}
        cleared: set[str] = set()
        touched = False
        for path in paths:
            _, value = _paths.split_placement(path) or ("", "")
            before = [o.text for o in self.before.get(path, [])]
            now = [(o.text, o.paras[0]) for o in self.now.get(path, [])]
            now += self.loose.get(path, [])
            if same("\n\n".join(t for t, _ in now), "\n\n".join(before)):
                continue
            touched = True
            old = self._named(path, [(t, None) for t in before])
            new = self._named(path, now)
            cleared.update(id for id, _ in old)
            for k, (id, para) in enumerate(new, 1):
                assigned[id] = (k if ranked else value, para)
        if not touched:
            return
        if ranked:
            self._rank(assigned, cleared)
            return
        leaf = field.split("[].", 1)[1]
        for id, (value, para) in assigned.items():
            self._set_group(id, leaf, value, self.where(para))
        for id in cleared - set(assigned):
            self._set_group(id, leaf, None, "")

    def _set_group(self, id: str, leaf: str, value: Any, where: str) -> None:
        for i, group in enumerate(self.data["target_groups"]):
            if group["id"] == id:
                self._assign(f"target_groups[{i}].{leaf}", value, where)
                return
        for new in self.added.get("target_groups", []):
            if new.data["id"] == id:
                set_at(new.data, _paths.parse(leaf), value)
                return

    def _rank(self, assigned: dict[str, Any], cleared: set[str]) -> None:
        groups = self.data["campaign"]["groups"]
        for id, (k, para) in assigned.items():
            target = self._find("campaign.groups", "target_group", id)
            if isinstance(target, int):
                self._assign(f"campaign.groups[{target}].priority", k, self.where(para))
            elif isinstance(target, _NewItem):
                target.data["priority"] = k
            else:
                item = {"target_group": id, "priority": k, "motivation": ""}
                self.added.setdefault("campaign.groups", []).append(
                    _NewItem("campaign.groups", {}, data=item, where=self.where(para))
                )
        for id in cleared - set(assigned):
            for i, g in enumerate(groups):
                if g["target_group"] == id:
                    self._assign(f"campaign.groups[{i}].priority", None, "")

    # -- items removed --------------------------------------------------------------

    def _deletions(self) -> None:
        """An item of a list goes when the document showed it and nothing of it is left."""
        shown: dict[str, set[int]] = {}
        for path in self.before:
            for list_path, index in _items_in(path):
                shown.setdefault(list_path, set()).add(index)
        for table in self.expected.tables:
            for row in table.rows:
                for cell in row.cells:
                    for para in cell:
                        for path in para.paths:
                            for list_path, index in _items_in(path):
                                shown.setdefault(list_path, set()).add(index)
        alive: dict[str, set[int]] = {}
        for path in self.present:
            for list_path, index in _items_in(path):
                alive.setdefault(list_path, set()).add(index)
        for list_path, indexes in shown.items():
            slot = _paths.slot(list_path)
            if slot is None or not slot.record:
                continue  # a list of text is read whole, with its items
            if any(_within(list_path, other) for other in self._removed_paths()):
                continue
            for index in sorted(indexes - alive.get(list_path, set())):
                self.removed.setdefault(list_path, set()).add(index)

    def _removed_paths(self) -> list[str]:
        return [f"{p}[{i}]" for p, indexes in self.removed.items() for i in indexes]

    # -- the plan -------------------------------------------------------------------

    def _finish(self) -> Plan:
        data = self.data
        lists = sorted(set(self.removed) | set(self.added), key=_depth, reverse=True)
        for list_path in lists:
            items = get_at(data, _paths.parse(list_path))
            if items is None:
                continue
            for index in sorted(self.removed.get(list_path, set()), reverse=True):
                if index < len(items):
                    self.changes.append(
                        Change("remove", f"{list_path}[{index}]", items[index], None)
                    )
                    del items[index]
            for new in sorted(self.added.get(list_path, []), key=lambda n: n.order):
                items.append(new.data)
                self.changes.append(Change("add", list_path, None, new.data, new.where))
        try:
            return structure_plan(data, None, self.source)
        except PlanError as exc:
            raise PlanError(exc.problems, self.source) from None


# -- helpers ----------------------------------------------------------------------------


def _described(path: str) -> Text:
    """``Målgrupper 3 › röster`` in Swedish, ``Target groups 3 › votes`` in English."""
    return Text(_paths.describe(path, False), _paths.describe(path, True))


def _tables(tree: Document) -> Iterator[Table]:
    for section in (*tree.front, *tree.sections):
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table):
                yield table


def _every_table() -> Plan:
    """A plan with an item in each list a table shows, so that its documents hold them all."""
    from .. import model as m

    group = m.TargetGroup(
        "g",
        "g",
        staircase=m.StaircasePosition("awareness"),
        persona=m.Persona("p", validation=m.Validation(surveys=(m.Survey("s"),))),
    )
    return Plan(
        target_groups=(group,),
        actions=(m.Action(m.Horizon.IMMEDIATE, "a"), m.Action(m.Horizon.LONG_TERM, "b")),
        values=m.Values(words=(m.ValueWord("w"),)),
        organisation=m.Organisation(partners=(m.Partner("p"),)),
        campaign=m.Campaign(groups=(m.CampaignGroup("g"),)),
        communication_plan=m.CommunicationPlan(
            messages=(m.Message("g", "m"),), activities=(m.Activity("a"),)
        ),
    )


@functools.cache
def _shapes() -> tuple[Document, ...]:
    """Every kind of document klusterplan writes, blank and full, for their tables' shapes."""
    return tuple(
        build_document(plan, language, mode=mode, large_print=large)
        for plan in (_every_table(), Plan())
        for mode in Mode
        for language in Language
        for large in (False, True)
    )


def _was_blank(k: int, now: list[Occurrence], before: list[Occurrence]) -> bool:
    """Whether the document showed nothing where its ``k``-th occurrence stands (lines)."""
    if not before:
        return False  # nothing known of what stood there: a value as any other
    if len(now) == len(before):
        return not before[k].text
    return not any(b.text for b in before)


def _item_of(path: str, list_path: str) -> str:
    rest = path[len(list_path) :]
    match = re.match(r"\[(\d+)\]", rest)
    return f"{list_path}[{match.group(1)}]" if match else ""


def _name_field(path: str) -> str:
    return _NAME_FIELDS.get(_paths.template(path), "name")


def _depth(path: str) -> int:
    return path.count(".") + path.count("[")


def _list_items_shown(path: str, occurrences: dict[str, Any]) -> bool:
    prefix = f"{path}["
    return any(p.startswith(prefix) for p in occurrences)


def _items_in(path: str) -> Iterator[tuple[str, int]]:
    """Every (list, index) a path passes through: ``a[1].b[2].c`` gives a[1] and a[1].b[2]."""
    for match in re.finditer(r"\[(\d+)\]", path):
        yield path[: match.start()], int(match.group(1))


def _within(path: str, item: str) -> bool:
    return path.startswith(item + ".") or path.startswith(item + "[")


def _within_removed_item(path: str, present: set[str]) -> bool:
    for list_path, index in _items_in(path):
        item = f"{list_path}[{index}]"
        if not any(p == item or _within(p, item) for p in present):
            return True
    return False
