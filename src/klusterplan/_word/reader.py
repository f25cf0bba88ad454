"""What a Word document says now, against what it said when written: the plan it holds.

:class:`Reader` takes two scans (:mod:`klusterplan._word.scan`) of one
document: as klusterplan wrote it, rebuilt from the plan it carries (the
*base*), and as it is now. A value whose text is unchanged keeps the base's
value exactly; a changed one is read from its text as strictly as a plan
file is. Rows and list items added are added, those whose every trace is gone
are removed; what stands outside any field is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .._catalogue import messages as _messages
from .._catalogue.labels import labels_in
from .._extension.exporter import Notice
from .._model import paths as _paths
from .._model.plain import default_of, fresh, get_at, set_at
from .._planfile.convert import structure_plan
from ..errors import PlanError
from ..model import Plan
from .changes import Change
from .items import ItemReader
from .marks import text_digest
from .pieces import Occurrence, Pieces, list_item, same, skeletons
from .reading import (
    NewItem,
    depth,
    described,
    items_in,
    list_items_shown,
    was_blank,
    within,
    within_removed_item,
)
from .scan import Para
from .values import Names, Unreadable, normal, parse_value
from .values import split_items as _split_items

__all__ = ["Reader"]


class Reader(ItemReader):
    """Reads a document's two scans into the plan it holds."""

    # -- the run ------------------------------------------------------------------

    def run(self) -> tuple[Plan, tuple[Change, ...], tuple[Notice, ...]]:
        """The plan the document holds, what it changes in the base, and the notices."""
        texts = {" ".join(p.text.split()) for p in self.expected.paragraphs if not p.paths}

        # a field's label where an earlier version printed the field (the campaign's
        # answers under its chapter heading, now under their questions alone)
        labels = labels_in(self.language)

        def known(text: str) -> bool:
            # klusterplan's own words, or what a plugin added when the document was written
            return text in texts or text_digest(text) in self.written or text.rstrip(": ") in labels

        reading = Pieces(self._outside, known if self.carried else None)
        expected_pieces = list(reading.pieces(self.expected, None, written=True))
        # what stands around each value is known only when the document carries its plan
        around = skeletons(self.expected) if self.carried else None
        actual_pieces = list(reading.pieces(self.actual, around))
        self.before = reading.occurrences(expected_pieces, self.expected)
        self.now = reading.occurrences(actual_pieces, self.actual)
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
            for list_path, index in items_in(path):
                wanted[list_path] = max(wanted.get(list_path, 0), index + 1)
        for list_path in sorted(wanted, key=depth):
            slot = _paths.slot(list_path)
            if slot is None or not slot.many:
                continue
            items = get_at(self.data, _paths.parse(list_path))
            if items is None:
                set_at(self.data, _paths.parse(list_path), [])
                items = get_at(self.data, _paths.parse(list_path))
            while len(items) < wanted[list_path]:
                items.append(fresh(slot.type) if slot.record else "")

    # -- values ---------------------------------------------------------------------

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

    def _values(self) -> None:
        self._add_rows()
        done = {f"target_groups[{i}].name" for i in range(len(self.data["target_groups"]))}
        for path in sorted(set(self.now) | set(self.before), key=depth):
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
            deleted = before and not slot.many and not within_removed_item(path, self.present)
            if deleted and list_item(path) is None and any(o.text for o in before):
                self.notice(path, _messages.text("word_field_gone", name=described(path)))
            return
        changed = self._changed(path)
        if not changed:
            return
        if slot.many and list_items_shown(path, self.before):
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
            if o in changed and slot.type is str and not slot.many and was_blank(k, now, before)
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
                    out.append((self.names_or_base().group(name), para))
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
            elif isinstance(target, NewItem):
                target.data["priority"] = k
            else:
                item = {"target_group": id, "priority": k, "motivation": ""}
                self.added.setdefault("campaign.groups", []).append(
                    NewItem("campaign.groups", {}, data=item, where=self.where(para))
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
            for list_path, index in items_in(path):
                shown.setdefault(list_path, set()).add(index)
        for table in self.expected.tables:
            for row in table.rows:
                for cell in row.cells:
                    for para in cell:
                        for path in para.paths:
                            for list_path, index in items_in(path):
                                shown.setdefault(list_path, set()).add(index)
        alive: dict[str, set[int]] = {}
        for path in self.present:
            for list_path, index in items_in(path):
                alive.setdefault(list_path, set()).add(index)
        for list_path, indexes in shown.items():
            slot = _paths.slot(list_path)
            if slot is None or not slot.record:
                continue  # a list of text is read whole, with its items
            if any(within(list_path, other) for other in self._removed_paths()):
                continue
            for index in sorted(indexes - alive.get(list_path, set())):
                self.removed.setdefault(list_path, set()).add(index)

    def _removed_paths(self) -> list[str]:
        return [f"{p}[{i}]" for p, indexes in self.removed.items() for i in indexes]

    # -- the plan -------------------------------------------------------------------

    def _finish(self) -> Plan:
        data = self.data
        lists = sorted(set(self.removed) | set(self.added), key=depth, reverse=True)
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
