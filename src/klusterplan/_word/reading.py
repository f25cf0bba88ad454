"""What every part of the Word reader shares: the documents, the plan taking shape, where.

:class:`ReaderState` holds what :class:`~klusterplan._word.reader.Reader` reads
from (the document as written and as it is now) and what it builds (the plan's
data, the changes, the problems and notices); the functions below say where
a path stands among a plan's lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from .._catalogue import messages as _messages
from .._catalogue.text import Text
from .._extension.exporter import Notice
from .._model import paths as _paths
from .._model.plain import get_at, plain, set_at
from ..document import Document, Mode
from ..errors import Problem
from ..model import Language, Plan
from .changes import Change
from .pieces import Occurrence, same
from .scan import Para, Scan
from .values import Names

__all__ = ["NewItem", "ReaderState"]


@attrs.define
class NewItem:
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


class ReaderState:
    """A document's two scans, the plan's data as it is being read, and what was found."""

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
    ) -> None:
        self.written = written or set()
        """Digests (:func:`~klusterplan._word.marks.text_digest`) of the texts of the
        paragraphs the document was written with."""
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
        self.added: dict[str, list[NewItem]] = {}
        # filled as the reading goes on (see Reader.run)
        self.before: dict[str, list[Occurrence]] = {}
        """Each path's places in the document as written."""
        self.now: dict[str, list[Occurrence]] = {}
        """Each path's places in the document as it is."""
        self.loose: dict[str, list[tuple[str, Para]]] = {}
        """Text typed in a list or on lines without a mark of its own, by the path it adds to."""
        self.loose_items: dict[str, list[tuple[str, Para]]] = {}
        self.proposals: list[NewItem] = []
        self.suggested: dict[str, set[str]] = {}
        self.present: set[str] = set()
        self.new_rows: list[NewItem] = []
        self.names: Names | None = None
        """The target groups as they end up, once read: other values name them."""

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

    def _changed(self, path: str) -> list[Occurrence]:
        before = [o.text for o in self.before.get(path, [])]
        return [o for o in self.now.get(path, []) if not any(same(o.text, b) for b in before)]

    def names_or_base(self) -> Names:
        return self.names or Names([(g.id, g.name) for g in self.base.target_groups], self.base)

    def _assign(self, path: str, value: Any, where: str) -> None:
        parts = _paths.parse(path)
        old = get_at(self.data, parts)
        if old == value:
            return
        set_at(self.data, parts, value)
        self.changes.append(Change("set", path, old, value, where))


# -- helpers ----------------------------------------------------------------------------


def described(path: str) -> Text:
    """``Målgrupper 3 › röster`` in Swedish, ``Target groups 3 › votes`` in English."""
    return Text(_paths.describe(path, False), _paths.describe(path, True))


def was_blank(k: int, now: list[Occurrence], before: list[Occurrence]) -> bool:
    """Whether the document showed nothing where its ``k``-th occurrence stands (lines)."""
    if not before:
        return False  # nothing known of what stood there: a value as any other
    if len(now) == len(before):
        return not before[k].text
    return not any(b.text for b in before)


def item_of(path: str, list_path: str) -> str:
    rest = path[len(list_path) :]
    match = re.match(r"\[(\d+)\]", rest)
    return f"{list_path}[{match.group(1)}]" if match else ""


def depth(path: str) -> int:
    return path.count(".") + path.count("[")


def list_items_shown(path: str, occurrences: dict[str, Any]) -> bool:
    prefix = f"{path}["
    return any(p.startswith(prefix) for p in occurrences)


def items_in(path: str) -> Iterator[tuple[str, int]]:
    """Every (list, index) a path passes through: ``a[1].b[2].c`` gives a[1] and a[1].b[2]."""
    for match in re.finditer(r"\[(\d+)\]", path):
        yield path[: match.start()], int(match.group(1))


def within(path: str, item: str) -> bool:
    return path.startswith(item + ".") or path.startswith(item + "[")


def within_removed_item(path: str, present: set[str]) -> bool:
    for list_path, index in items_in(path):
        item = f"{list_path}[{index}]"
        if not any(p == item or within(p, item) for p in present):
            return True
    return False
