"""Items a Word document adds to the plan's lists: rows, lines typed under a list, groups.

A row or line naming an item that is there fills that item; the workbook's
own suggestions come in only when something is said of them; target groups
come first, since other values name them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Any

import attrs

from .._model import paths as _paths
from .._model.plain import fresh, get_at, set_at, update_at
from ..document import BulletList
from .pieces import Occurrence
from .reading import NewItem
from .rows import RowReader, name_field
from .values import Unreadable, normal, parse_value, split_composite
from .values import split_items as _split_items

__all__ = ["ItemReader"]


class ItemReader(RowReader):
    """Reads items added to lists: by rows, by lines typed in a list, by the workbook's own."""

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
        self.loose_items = {}
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
                        names = fields or (name_field(path),)
                        self.new_rows.append(
                            NewItem(
                                path,
                                {
                                    f: (p, para)
                                    for f, p in zip(names, parts, strict=False)
                                    if p.strip()
                                },
                                where=self.where(para),
                                key=name_field(path),
                                order=(para.index, place),
                                proposal=normal(text) in self.suggested.get(path, set()),
                            )
                        )
            else:
                self.loose_items.setdefault(path, []).extend(typed)

    # -- target groups first: other values name them ------------------------------

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

    def _promote(self, path: str, key: str, value: Any) -> NewItem | None:
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

    def _find_added(self, path: str, key: str, value: Any) -> NewItem | None:
        wanted = normal(str(value))
        for new in self.added.get(path, []):
            if normal(str(get_at(new.data, _paths.parse(key)) or "")) == wanted:
                return new
        return None

    def _group_by_proposal(self, name: str) -> str | None:
        found = self._promote("target_groups", "name", name)
        return str(found.data["id"]) if found is not None else None

    def _new_item(self, row: NewItem, key: str) -> None:
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
        new = NewItem(row.path, {}, data=item, where=row.where, order=row.order)
        self.added.setdefault(row.path, []).append(new)

    def _find(self, path: str, key: str, value: Any) -> int | NewItem | None:
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
        target: int | NewItem,
        values: dict[str, Any],
        where: str,
        order: tuple[int, int] = (0, 0),
    ) -> None:
        if isinstance(target, NewItem) and order != (0, 0):
            target.order = min(target.order, order)
        for field, value in values.items():
            if value in (None, "", []):
                continue
            if isinstance(target, NewItem):
                set_at(target.data, _paths.parse(field), value)
            else:
                self._assign(f"{path}[{target}].{field}", value, where)

    def _new_id(self, name: str) -> str:
        text = unicodedata.normalize("NFKD", name.casefold())
        slug = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
        slug = slug or "malgrupp"
        taken: set[str] = {g[0] for g in self.names.groups} if self.names else set()
        taken |= {str(g["id"]) for g in self.data["target_groups"]}
        taken |= {str(n.data.get("id")) for n in self.added.get("target_groups", [])}
        for n in itertools.count(1):
            candidate = slug if n == 1 else f"{slug}-{n}"
            if candidate not in taken:
                return candidate
        raise AssertionError("unreachable")
