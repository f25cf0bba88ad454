"""A Word document klusterplan wrote, filled in or edited, read back into a plan.

The document says exactly where each value goes: its marks carry plan paths
(see :mod:`klusterplan._docx_scan`), and its custom XML part carries the plan
it was made from (the *base*). Reading compares what the document shows now
with what it showed when it was written, which klusterplan rebuilds from the
base: a value whose text is unchanged keeps the base's value exactly; a
changed one is read from its text, as strictly as a plan file is. Rows and
list items added in the document are added to the plan, those removed are
removed (an item goes when nothing of it is left in the document); text typed
where no value is is reported with where it stands, never dropped silently.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from . import _paths
from ._convert import structure_plan
from ._docx_safe import MAX_TOTAL, open_package, parse_part, read_part
from ._docx_scan import Para, Scan, TableScan, scan
from ._exporter import Notice
from ._import_values import Names, Unreadable, normal, parse_value, split_composite
from ._import_values import split_items as _split_items
from ._labels import label
from ._sections import build_document
from .document import BulletList, Chart, Document, Mode, Rows, Table
from .errors import PlanError, Problem
from .model import Language, Plan

__all__ = ["Change", "WordImport", "WordNotice", "load_word", "read_word"]

_PLAN_NAMESPACE = "urn:klusterplan:plan:1"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"

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


class WordNotice(UserWarning):
    """Something in a Word document that was not read into the plan, or not as it stood.

    :func:`klusterplan.load` gives these as warnings; ``klusterplan import``
    prints them.
    """


@attrs.frozen
class Change:
    """One change the document makes to the plan it was made from."""

    kind: str
    """``set`` (a value), ``add`` (an item added to a list) or ``remove`` (an item removed)."""
    path: str
    """The value's or item's path in that plan (for ``add``, the list's)."""
    old: Any
    """The value before, as plain data (None for ``add``)."""
    new: Any
    """The value after, as plain data (None for ``remove``)."""
    where: str = ""
    """Where in the document it was read."""

    def __str__(self) -> str:
        if self.kind == "add":
            return f"{self.path}: added {_show(self.new)}"
        if self.kind == "remove":
            return f"{self.path}: removed {_show(self.old)}"
        if isinstance(self.old, list) and isinstance(self.new, list):
            # a list of text: what came and what went, not all of it twice
            gone = [v for v in self.old if v not in self.new]
            came = [v for v in self.new if v not in self.old]
            parts = [f"added {_show(v)}" for v in came] + [f"removed {_show(v)}" for v in gone]
            if parts:
                return f"{self.path}: " + "; ".join(parts)
        return f"{self.path}: {_show(self.old)} → {_show(self.new)}"


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, dict):
        for key in ("name", "what", "word", "text", "target_group", "description"):
            if value.get(key):
                return _show(value[key])
        return "an item"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    text = str(value.isoformat() if hasattr(value, "isoformat") else value)
    text = " ".join(text.split())
    return f"”{text[:60]}…”" if len(text) > 60 else f"”{text}”"


@attrs.frozen
class WordImport:
    """A Word document read back: the plan, and what the document changed in it."""

    plan: Plan
    """The plan the document holds now."""
    base: Plan
    """The plan the document was made from (an empty plan if it does not carry one)."""
    changes: tuple[Change, ...]
    """What the document changes in :attr:`base`, value by value."""
    notices: tuple[Notice, ...]
    """What was not read, or not as it stood: text outside any field, a field deleted."""
    mode: Mode
    """Whether the document is the plan or the workshop workbook."""
    language: Language
    """The document's language."""
    carries_plan: bool
    """Whether the document carried the plan it was made from."""


def load_word(path: str | os.PathLike[str]) -> Plan:
    """The plan a Word document holds; what was not read comes as :class:`WordNotice`."""
    result = read_word(path)
    for notice in result.notices:
        warnings.warn(WordNotice(str(notice)), stacklevel=2)
    return result.plan


# -- the package --------------------------------------------------------------------


def _main_part(archive: Any, source: str, budget: list[int]) -> str:
    try:
        rels = parse_part(read_part(archive, "_rels/.rels", source, budget), "_rels/.rels", source)
    except PlanError:
        return "word/document.xml"
    for rel in rels.iter(f"{{{_REL}}}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
            return str(rel.get("Target", "word/document.xml")).lstrip("/")
    return "word/document.xml"


def _carried(archive: Any, source: str, budget: list[int]) -> Any:
    """The root of the custom XML part holding the plan, if the document carries one."""
    names = [n for n in archive.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)]
    for name in sorted(names, key=lambda n: int(re.sub(r"\D", "", n))):
        root = parse_part(read_part(archive, name, source, budget), name, source)
        if root.tag == f"{{{_PLAN_NAMESPACE}}}plan":
            return root
    return None


def _base(root: Any, source: str) -> tuple[Plan, Mode, Language, bool]:
    try:
        data = json.loads(root.text or "{}")
        plan = structure_plan(data, None, f"{source} (the plan it carries)")
    except (ValueError, PlanError) as exc:
        raise PlanError(
            [
                Problem(
                    "",
                    f"the plan the document carries is damaged ({exc}); export the document "
                    "again from the plan file",
                )
            ],
            source,
        ) from None
    try:
        mode = Mode(root.get("mode", "plan"))
        language = Language(root.get("language", plan.language.value))
    except ValueError:
        mode, language = Mode.PLAN, plan.language
    return plan, mode, language, root.get("large-print") == "true"


def _expected(plan: Plan, mode: Mode, language: Language, large_print: bool) -> Document:
    return build_document(plan, language, mode=mode, large_print=large_print)


def _render(document: Document) -> Any:
    """The document's body as the Word export writes it, parsed."""
    from lxml import etree

    from .exporters._docx_xml import Look, body_xml

    names = ["Normal", "Title", "Subtitle", "List Bullet", "List Number", "Quote"]
    names += [f"Heading {n}" for n in range(1, 10)]
    look = Look({n: n.replace(" ", "") for n in names}, 9638, 14570, 22, 20, 18, "1F4E79", "C55A11")
    counter = itertools.count(1)
    xml, _ = body_xml(document, look, lambda ordered: next(counter))
    return etree.fromstring(xml.encode("utf-8"))


def _options(plan: Plan) -> dict[str, tuple[str, ...]]:
    return {
        "target_groups[].centre": tuple(c.id for c in plan.centres),
        "target_groups[].staircase.current": tuple(s.id for s in plan.staircase),
    }


def read_word(path: str | os.PathLike[str]) -> WordImport:
    """Read a Word document klusterplan wrote (the plan or the workbook), filled in or edited.

    Raises :class:`PlanError` for a file that is no Word document, is damaged
    or hostile, was not written by klusterplan (or has lost every mark), or
    holds values that cannot be read; each problem names where it stands in
    the document and the plan path it would fill.
    """
    source = str(path)
    archive = open_package(path)
    budget = [MAX_TOTAL]
    with archive:
        main = _main_part(archive, source, budget)
        root = parse_part(read_part(archive, main, source, budget), main, source)
        carried = _carried(archive, source, budget)
    if carried is not None:
        base, mode, language, large_print = _base(carried, source)
    else:
        base, mode, language, large_print = Plan(), Mode.WORKBOOK, Language.SV, False
    actual = scan(root, _options(base))
    if carried is None:
        language = _guess_language(actual)
    tree = _expected(base, mode, language, large_print)
    expected = scan(_render(tree), _options(base))
    # no mark at all where the document was written with some: they were removed
    if not actual.marks and (carried is None or expected.marks):
        raise PlanError(
            [
                Problem(
                    "",
                    "this Word document was not written by klusterplan, or every mark of where "
                    "its answers go has been removed; klusterplan reads back only its own "
                    "documents (klusterplan workbook, klusterplan export --to docx)",
                )
            ],
            source,
        )
    reader = _Reader(source, base, mode, language, tree, expected, actual, carried is not None)
    return reader.run()


def _guess_language(found: Scan) -> Language:
    english = {"Our library's local target groups", "Local communication plan"}
    for para in found.paragraphs[:10]:
        if para.text.strip() in english:
            return Language.EN
    return Language.SV


# -- reading ------------------------------------------------------------------------


@attrs.define
class _Piece:
    """Text the document gives one path, from one paragraph."""

    path: str
    text: str
    para: Para
    loose: bool = False
    """Typed in a list's or lines' control without a mark of its own: a new item."""


@attrs.define
class _Occurrence:
    path: str
    texts: list[str]
    paras: list[Para]

    @property
    def text(self) -> str:
        return _tidy("\n\n".join(self.texts))


def _tidy(text: str) -> str:
    paragraphs = [p.rstrip() for p in re.split(r"\n[ \t]*\n", text)]
    kept = [p for p in paragraphs if p.strip()]
    return "\n\n".join(p.strip("\n") for p in kept)


def _same(a: str, b: str) -> bool:
    def flat(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())

    return flat(a) == flat(b)


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


def _skeletons(found: Scan) -> dict[tuple[str, ...], list[tuple[str, str, list[str]]]]:
    """For each set of paths a paragraph marks: the text around the marks, as written."""
    out: dict[tuple[str, ...], list[tuple[str, str, list[str]]]] = {}
    for para in found.paragraphs:
        paths = tuple(para.paths)
        if not paths:
            continue
        pieces = para.pieces
        marked = [k for k, (_, p) in enumerate(pieces) if p is not None]
        if marked:
            prefix = "".join(t for t, _ in pieces[: marked[0]])
            suffix = "".join(t for t, _ in pieces[marked[-1] + 1 :])
        else:
            prefix, suffix = para.text, ""
        middle = [t for t, p in pieces if p is None]
        out.setdefault(paths, []).append((prefix, suffix, middle))
    return out


class _Reader:
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
    ) -> None:
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
        self.data = _plain(base)
        self.removed: dict[str, set[int]] = {}
        self.added: dict[str, list[_NewItem]] = {}
        self.swedish = language is Language.SV

    # -- where things stand ------------------------------------------------------

    def where(self, para: Para | None) -> str:
        if para is None:
            return ""
        under = f"under ”{para.heading}”" if para.heading else "on the cover"
        if para.table is not None:
            table = self.actual.tables[para.table]
            headers = table.headers
            column = para.column or 0
            name = headers[column] if column < len(headers) and headers[column] else f"{column + 1}"
            return f"in the table {under}, row {para.row}, column ”{name}”"
        return under

    def problem(self, path: str, para: Para | None, message: str) -> None:
        where = self.where(para)
        self.problems.append(Problem(path, f"{where}: {message}" if where else message))

    def notice(self, path: str, message: str) -> None:
        self.notices.append(Notice(path, message))

    # -- paragraphs into pieces --------------------------------------------------

    def pieces(
        self, found: Scan, skeletons: dict[Any, Any] | None, written: bool = False
    ) -> Iterator[_Piece]:
        """What ``found`` gives each path, paragraph by paragraph.

        ``written`` is the document as klusterplan wrote it: each value is its mark's.
        """
        last_loose: tuple[str, Para] | None = None
        lists = _list_numbers(found)
        for para in found.paragraphs:
            if para.toc or para.index < 0:
                continue
            paths = para.paths
            text = para.text
            if not paths:
                container = self._container(para, lists, last_loose)
                if container is not None and text.strip():
                    last_loose = (container, para)
                    yield _Piece(container, text, para, loose=True)
                elif text.strip() and skeletons is not None and para.table is None:
                    self._loose(para)
                continue
            last_loose = None
            if len(paths) == 1:
                text = (
                    "".join(t for t, p in para.pieces if p == paths[0])
                    if written
                    else self._single(para, paths[0], skeletons)
                )
                slot = _paths.slot(paths[0])
                # a whole item of a list of records (the workbook's own groups): one to add
                loose = bool(slot and slot.many and slot.record)
                yield _Piece(paths[0], text, para, loose=loose)
                if _is_list_path(paths[0]):
                    last_loose = (paths[0], para)
                continue
            by_path: dict[str, str] = {}
            for piece, path in para.pieces:
                if path is not None:
                    by_path[path] = by_path.get(path, "") + piece
            for path in paths:
                yield _Piece(path, by_path.get(path, ""), para)
            if skeletons is not None:
                self._extra(para, skeletons)

    def _container(
        self, para: Para, lists: dict[str, str], last: tuple[str, Para] | None
    ) -> str | None:
        """The list or lines an unmarked paragraph was typed into, if any."""
        if para.groups:
            return para.groups[-1]
        if para.table is not None:
            return None
        if para.num and para.num in lists:
            return lists[para.num]
        # a paragraph added after a list's item or a ruled line (Enter at its end) has its
        # numbering or its ruling: LibreOffice keeps no control around them to say so
        same = last is not None and para.num == last[1].num and para.ppr == last[1].ppr
        if last is not None and same and (para.num or b'lineRule="exact"' in para.ppr):
            return last[0]
        return None

    def _single(self, para: Para, path: str, skeletons: dict[Any, Any] | None) -> str:
        full = para.text
        marked = "".join(t for t, p in para.pieces if p == path)
        if skeletons is None:
            # nothing known of the text around the value: the value is what its mark holds,
            # or all the paragraph holds where the mark is empty (a line written on, a cell
            # after its row's number)
            if marked.strip() or path not in para.points:
                return marked
            return _unnumber(full) if para.table is not None else full
        best: tuple[str, str] | None = None
        for prefix, suffix, _ in skeletons.get((path,), []):
            if (
                full.startswith(prefix)
                and full.endswith(suffix)
                and len(full) >= len(prefix) + len(suffix)
            ) and (best is None or len(prefix) + len(suffix) > len(best[0]) + len(best[1])):
                best = (prefix, suffix)
        if best is not None:
            return full[len(best[0]) : len(full) - len(best[1])]
        rest = "".join(t for t, p in para.pieces if p is None).strip()
        known = {t.strip() for _, _, middle in skeletons.get((path,), []) for t in middle}
        if rest and rest not in known:
            self._outside(para, rest)
        return marked

    def _extra(self, para: Para, skeletons: dict[Any, Any]) -> None:
        actual = [t for t, p in para.pieces if p is None]
        for _, _, middle in skeletons.get(tuple(para.paths), []):
            if [t.strip() for t in middle if t.strip()] == [t.strip() for t in actual if t.strip()]:
                return
        known = {t.strip() for _, _, m in skeletons.get(tuple(para.paths), []) for t in m}
        extra = " ".join(t.strip() for t in actual if t.strip() and t.strip() not in known)
        if extra:
            self._outside(para, extra)

    def _loose(self, para: Para) -> None:
        """An unmarked paragraph: klusterplan's own text, or typed outside any field."""
        if self.known is None:
            return
        text = " ".join(para.text.split())
        if text in self.known:
            return
        self._outside(para, para.text.strip())

    def _outside(self, para: Para, text: str) -> None:
        short = " ".join(text.split())
        short = short if len(short) <= 80 else short[:77] + "…"
        self.notice(
            "",
            f"{self.where(para)}: ”{short}” stands outside any field and was not read; "
            "type it into the field or lines it belongs to",
        )

    # -- occurrences --------------------------------------------------------------

    def occurrences(self, pieces: Iterable[_Piece], found: Scan) -> dict[str, list[_Occurrence]]:
        """Each path's places in the document: runs of paragraphs, one after the other.

        A value goes on into the next paragraph (a text of several, the lines under
        it) when only empty paragraphs stand between, in the same table cell.
        """
        out: dict[str, list[_Occurrence]] = {}
        last: _Occurrence | None = None
        last_para: Para | None = None
        for piece in pieces:
            if piece.loose:
                last = None
                continue
            if (
                last is not None
                and last_para is not None
                and last.path == piece.path
                and _adjacent(last_para, piece.para, found)
            ):
                if last_para is piece.para:
                    last.texts[-1] += piece.text
                else:
                    last.texts.append(piece.text)
                    last.paras.append(piece.para)
            else:
                last = _Occurrence(piece.path, [piece.text], [piece.para])
                out.setdefault(piece.path, []).append(last)
            last_para = piece.para
        return out

    # -- the run ------------------------------------------------------------------

    known: set[str] | None = None

    def run(self) -> WordImport:
        expected_pieces = list(self.pieces(self.expected, None, written=True))
        if self.carried:
            self.known = {" ".join(p.text.split()) for p in self.expected.paragraphs if not p.paths}
        # what stands around each value is known only when the document carries its plan
        skeletons = _skeletons(self.expected) if self.carried else None
        actual_pieces = list(self.pieces(self.actual, skeletons))
        self.before = self.occurrences(expected_pieces, self.expected)
        self.now = self.occurrences(actual_pieces, self.actual)
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
        plan = self._finish()
        return WordImport(
            plan,
            self.base,
            tuple(self.changes),
            tuple(self.notices),
            self.mode,
            self.language,
            self.carried,
        )

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
            items = _get(self.data, _paths.parse(list_path))
            if items is None:
                _set(self.data, _paths.parse(list_path), [])
                items = _get(self.data, _paths.parse(list_path))
            while len(items) < wanted[list_path]:
                items.append(_fresh(slot.type) if slot.record else "")

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
                _unnumber(row[c]).strip()
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
                value = _unnumber(text) if numbered else text
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
                    where=self.where(first).replace(", column", ", from column"),
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
                name = _paths.describe(item, self.swedish)
                self.notice(
                    item,
                    f"its row was deleted from the table under ”{found.heading}”, but it still "
                    f"stands elsewhere in the document, so {name} is kept; delete it "
                    "everywhere to remove it",
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
            parts = split_composite(_unnumber(text), source.columns[c])
            for field, part in zip(source.columns[c], parts, strict=False):
                path = f"{item}.{field}"
                self.now.setdefault(path, []).append(_Occurrence(path, [part], [cell[0]]))

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
                    self.now.setdefault(path, []).append(_Occurrence(path, [text], [para]))
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

    def _changed(self, path: str) -> list[_Occurrence]:
        before = [o.text for o in self.before.get(path, [])]
        return [o for o in self.now.get(path, []) if not any(_same(o.text, b) for b in before)]

    def _groups(self) -> None:
        """The target groups as they end up: names changed, groups added; refs need them."""
        for i in range(len(self.data["target_groups"])):
            self._value(f"target_groups[{i}].name", refs=False)
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
            if normal(str(_get(new.data, _paths.parse(key)) or "")) == wanted:
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
                self.problem(f"{row.path}[+].{field}", para, str(exc))
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
        item = _fresh(slot.type)
        _deep_update(item, values)
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
        items = _get(self.data, _paths.parse(path)) or []
        for i, item in enumerate(items):
            if i in self.removed.get(path, set()):
                continue
            if normal(str(_get(item, _paths.parse(key)) or "")) == wanted:
                return i
        for new in self.added.get(path, []):
            if normal(str(_get(new.data, _paths.parse(key)) or "")) == wanted:
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
                _set(target.data, _paths.parse(field), value)
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

    def _value(self, path: str, refs: bool = True) -> None:
        slot = _paths.slot(path)
        if slot is None:
            return
        now = self.now.get(path, [])
        before = self.before.get(path, [])
        if not now:
            deleted = before and not slot.many and not _within_removed_item(path, self.present)
            if deleted and _list_item(path) is None and any(o.text for o in before):
                self.notice(
                    path,
                    f"{_paths.describe(path, self.swedish)} is no longer in the document; "
                    "its value is kept",
                )
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
        values: list[tuple[Any, _Occurrence]] = []
        for occurrence in edits:
            try:
                value = parse_value(
                    path,
                    occurrence.text,
                    self.names_or_base(),
                    self.language,
                    default=_default(slot),
                )
            except Unreadable as exc:
                self.problem(path, occurrence.paras[0], str(exc))
                return
            if slot.many and before and not any(shown):
                # lines to write on under an empty list: items to add
                value = (_get(self.data, _paths.parse(path)) or []) + value
            values.append((value, occurrence))
        distinct: list[tuple[Any, _Occurrence]] = []
        for value, occurrence in values:
            if all(value != v for v, _ in distinct):
                distinct.append((value, occurrence))
        if len(distinct) > 1:
            first, second = distinct[0][1], distinct[1][1]
            self.problem(
                path,
                second.paras[0],
                f"”{second.text}” here, but ”{first.text}” {self.where(first.paras[0])}; "
                "keep one of them",
            )
            return
        if distinct:
            value, occurrence = distinct[0]
        else:
            value, occurrence = _get(self.data, _paths.parse(path)), adds[0]
        for extra in adds:
            value = "\n\n".join(t for t in (value or "", extra.text) if t)
        self._assign(path, value, self.where(occurrence.paras[0]))

    def _more_items(self, path: str, typed: Sequence[tuple[str, Para]]) -> None:
        items: list[Any] = []
        for text, para in typed:
            try:
                items += parse_value(path, text, self.names_or_base(), self.language)
            except Unreadable as exc:
                self.problem(path, para, str(exc))
        if items:
            current = list(_get(self.data, _paths.parse(path)) or [])
            self._assign(path, current + items, self.where(typed[0][1]))

    def _assign(self, path: str, value: Any, where: str) -> None:
        parts = _paths.parse(path)
        old = _get(self.data, parts)
        if old == value:
            return
        _set(self.data, parts, value)
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
                    self.problem(path, para, str(exc))
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
            if _same("\n\n".join(t for t, _ in now), "\n\n".join(before)):
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
                _set(new.data, _paths.parse(leaf), value)
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
            items = _get(data, _paths.parse(list_path))
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


def _tables(tree: Document) -> Iterator[Table]:
    for section in (*tree.front, *tree.sections):
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table):
                yield table


def _every_table() -> Plan:
    """A plan with an item in each list a table shows, so that its documents hold them all."""
    from . import model as m

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


def _adjacent(first: Para, then: Para, found: Scan) -> bool:
    """Whether ``then`` follows ``first`` with nothing but empty paragraphs between."""
    if first is then:
        return True
    if (first.table, first.row, first.column) != (then.table, then.row, then.column):
        return False
    between = found.paragraphs[first.index + 1 : then.index]
    return all(not p.text.strip() for p in between)


def _was_blank(k: int, now: list[_Occurrence], before: list[_Occurrence]) -> bool:
    """Whether the document showed nothing where its ``k``-th occurrence stands (lines)."""
    if not before:
        return False  # nothing known of what stood there: a value as any other
    if len(now) == len(before):
        return not before[k].text
    return not any(b.text for b in before)


def _unnumber(text: str) -> str:
    return re.sub(r"^\s*\d+\s*[.)]\s?", "", text, count=1)


def _item_of(path: str, list_path: str) -> str:
    rest = path[len(list_path) :]
    match = re.match(r"\[(\d+)\]", rest)
    return f"{list_path}[{match.group(1)}]" if match else ""


def _name_field(path: str) -> str:
    return _NAME_FIELDS.get(_paths.template(path), "name")


def _depth(path: str) -> int:
    return path.count(".") + path.count("[")


def _list_item(path: str) -> str | None:
    """The list of an item path ``x.y[3]``; None for any other path."""
    match = re.fullmatch(r"(.*)\[(\d+)\]", path)
    return match.group(1) if match else None


def _is_list_path(path: str) -> bool:
    slot = _paths.slot(path)
    return bool(slot and slot.many) or _list_item(path) is not None


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


def _list_numbers(found: Scan) -> dict[str, str]:
    """Each Word list (numbering id) whose items are marked: the plan list it shows."""
    out: dict[str, str] = {}
    for para in found.paragraphs:
        if not para.num:
            continue
        for path in para.paths:
            parent = _list_item(path)
            if parent is not None:
                out.setdefault(para.num, parent)
            elif _paths.split_placement(path) is not None:
                out.setdefault(para.num, path)
            else:
                match = re.match(r"(.*\[\d+\])\.[a-z_]+$", path)
                if match and _list_item(match.group(1)) is not None:
                    out.setdefault(para.num, _list_item(match.group(1)) or "")
    return out


def _default(slot: _paths.Slot) -> Any:
    """What the field holds when a plan file leaves it out."""
    owner = _owner(slot.template)
    if owner is None:
        return None
    default = attrs.fields_dict(owner)[slot.template.rsplit(".", 1)[-1]].default
    factory = getattr(default, "factory", None)
    return _plain(factory() if factory is not None else default)


def _owner(template: str) -> type | None:
    head = template.rsplit(".", 1)[0] if "." in template else ""
    if not head:
        return Plan
    found = _paths.templates().get(head.removesuffix("[]"))
    return found.type if found is not None else None


def _fresh(cls: type) -> dict[str, Any]:
    """A new item of ``cls`` as plain data; a field it must have (an id) starts empty."""
    required = {f.name: "" for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    data: dict[str, Any] = _plain(cls(**required))
    return data


def _plain(value: Any) -> Any:
    """A model object as plain data, every field there, defaults too."""
    import datetime as _dt
    import enum

    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value
    return value


def _get(data: Any, parts: Sequence[Any]) -> Any:
    for part in parts:
        if data is None:
            return None
        if isinstance(part, int):
            data = data[part] if part < len(data) else None
        else:
            data = data.get(part)
    return data


def _set(data: Any, parts: Sequence[Any], value: Any) -> None:
    """Set a value in plain data, making what lies on the way (a persona not yet there)."""
    prefix: list[Any] = []
    for part in parts[:-1]:
        prefix.append(part)
        nxt = data[part] if isinstance(part, int) else data.get(part)
        if nxt is None:
            slot = _paths.slot(_paths.join(tuple(prefix)))
            nxt = _fresh(slot.type) if slot is not None and slot.record else {}
            if isinstance(part, int):
                data[part] = nxt
            else:
                data[part] = nxt
        data = nxt
    data[parts[-1]] = value


def _deep_update(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        _set(target, _paths.parse(key), value)
