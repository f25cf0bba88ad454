"""Writing what a Word document says into a plan file: a new file, or an update in place.

An update applies the document's changes (:class:`~klusterplan._word.importer.Change`)
to the plan file value by value. When the file still holds the plan the
document was made from, that is all; when it has changed since, each change
is applied where the file's item is the document's (found by its content),
and a value changed in both places keeps the file's, with a notice. YAML keeps
its comments and layout (:mod:`klusterplan._planfile.yaml_update`); JSON and TOML are
written again whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from .._catalogue import messages as _messages
from .._catalogue.text import Text
from .._extension.exporter import Notice
from .._model import paths as _paths
from .._model.plain import plain
from .._planfile.convert import structure_plan, unstructure_plan
from .._planfile.formats import format_for_path
from .._planfile.io import dumps, loads
from .._planfile.yaml_update import YamlPlan
from .._support.atomic import atomic_write
from ..errors import PlanError, Problem
from ..model import Plan
from .importer import Change, WordImport

__all__ = ["Update", "new_file_text", "update_text", "write"]


def new_file_text(plan: Plan, path: str | Path) -> str:
    """The text of a new plan file for ``plan``, in the format its suffix says."""
    fmt = format_for_path(path)
    if fmt == "yaml":
        text: str = YamlPlan.new(unstructure_plan(plan)).dumps()
        if loads(text, "yaml") == plan:
            return text
    return dumps(plan, fmt)


@attrs.frozen
class Update:
    """What updating a plan file from a document does."""

    text: str
    """The file's new text."""
    applied: tuple[Change, ...]
    """The changes made to the file."""
    notices: tuple[Notice, ...]
    """Changes not made, and why."""


def _map(path: str, base: Any, target: Any) -> str | None:
    """``path`` (indexes of the base plan's lists) with the target file's indexes.

    An item is the same in both when its content is; None when the target has
    no such item any more.
    """
    parts = _paths.parse(path)
    out: list[Any] = []
    b, t = base, target
    for part in parts:
        if isinstance(part, int):
            item = b[part] if b is not None and part < len(b) else None
            if t is None:
                return None
            if part < len(t) and t[part] == item:
                index = part
            else:
                found = [k for k, other in enumerate(t) if other == item]
                if not found:
                    found = _same_item(item, t)
                if not found:
                    return None
                index = found[0]
            out.append(index)
            b, t = item, t[index]
        else:
            out.append(part)
            b = b.get(part) if isinstance(b, dict) else None
            t = t.get(part) if isinstance(t, dict) else None
    return _paths.join(tuple(out))


def _same_item(item: Any, items: list[Any]) -> list[int]:
    """Where ``items`` hold ``item``, changed since: the same id, or else the same name."""
    if not isinstance(item, dict):
        return []
    for key in ("id", "name", "word", "what", "code", "target_group", "text"):
        if item.get(key):
            found = [
                k
                for k, other in enumerate(items)
                if isinstance(other, dict) and other.get(key) == item[key]
            ]
            if len(found) == 1:
                return found
    return []


def _get(data: Any, path: str) -> Any:
    for part in _paths.parse(path):
        if data is None:
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def _compact(item: Any, path: str) -> Any:
    """An added item as a plan file writes it: keys at their defaults left out."""
    slot = _paths.slot(f"{path}[0]")
    if slot is None or not slot.record or not isinstance(item, dict):
        return item
    required = {f.name: "" for f in attrs.fields(slot.type) if f.default is attrs.NOTHING}
    blank = plain(slot.type(**required))
    return {k: v for k, v in item.items() if v != blank.get(k) or k in required or k == "horizon"}


def update_text(result: WordImport, path: str | Path, text: str, target: Plan) -> Update:
    """``text`` (the plan file at ``path``, holding ``target``) with the document's changes."""
    fmt = format_for_path(path)
    base_data = plain(result.base)
    target_data = plain(target)
    same = result.base == target
    notices: list[Notice] = []
    applied: list[Change] = []
    operations: list[tuple[str, str, Any, Change]] = []
    for change in result.changes:
        if same:
            where: str | None = change.path
        elif change.kind == "add":
            where = _map_list(change.path, base_data, target_data)
        else:
            where = _map(change.path, base_data, target_data)
        if where is None:
            notices.append(
                Notice(change.path, _messages.text("word_gone_from_file", change=_both(change)))
            )
            continue
        if change.kind == "set" and _get(target_data, where) == change.new:
            continue  # the file says so already
        if change.kind == "add" and _same_item(change.new, _get(target_data, where) or []):
            continue  # added to the file already
        if change.kind == "set" and not same and _get(target_data, where) != change.old:
            notices.append(
                Notice(where, _messages.text("word_changed_in_file", change=_both(change)))
            )
            continue
        operations.append((change.kind, where, change.new, change))
    # values first, while the lists' indexes still hold; then items out, last first; then in
    order = {"set": 0, "remove": 1, "add": 2}
    operations.sort(
        key=lambda op: (
            order[op[0]],
            [-i for i in _paths.indexes(op[1])] if op[0] == "remove" else [],
        )
    )
    if fmt == "yaml":
        document = YamlPlan.parse(text)
        _refuse_shared(document, operations, str(path))
        for kind, where, value, change in operations:
            if kind == "set":
                document.set(where, value)
            elif kind == "remove":
                document.remove(where)
            else:
                document.append(where, _compact(value, where))
            applied.append(attrs.evolve(change, path=where))
        new_text = document.dumps()
    else:
        full = plain(target)
        for kind, where, value, change in operations:
            if kind == "set":
                _setplain(full, where, value)
            elif kind == "remove":
                _removeplain(full, where)
            else:
                if _get(full, where) is None:
                    _setplain(full, where, [])
                _get(full, where).append(value)
            applied.append(attrs.evolve(change, path=where))
        new_text = dumps(structure_plan(full), fmt)
    try:
        updated = loads(new_text, fmt, source=str(path))
    except PlanError as exc:  # pragma: no cover - a bug, never the user's
        raise PlanError(
            [Problem("", _messages.text("word_update_unreadable", detail=exc))], str(path)
        ) from None
    if same and not notices and updated != result.plan:  # pragma: no cover - a bug
        raise PlanError([Problem("", _messages.text("word_update_wrong"))], str(path))
    return Update(new_text, tuple(applied), tuple(notices))


def _refuse_shared(
    document: YamlPlan, operations: list[tuple[str, str, Any, Change]], source: str
) -> None:
    """Refuse changes that YAML anchors would carry to other places of the file.

    Written through an alias or a merge key, one change in the document would
    change several values of the plan, and the others unseen.
    """
    problems = []
    for kind, where, _value, _change in operations:
        others = document.also_changes(where, kind)
        if others:
            shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
            problems.append(Problem(where, _messages.text("word_update_shared", others=shown)))
    if problems:
        raise PlanError(problems, source)


def _both(change: Change) -> Text:
    """The change as ``klusterplan import`` prints it, in English and Swedish."""
    return Text(change.render("en"), change.render("sv"))


def _map_list(path: str, base: Any, target: Any) -> str | None:
    """A list's path in the target: the list an item was added to."""
    parts = _paths.parse(path)
    if not any(isinstance(p, int) for p in parts):
        return path
    return _map(path, base, target)


def _setplain(data: Any, path: str, value: Any) -> None:
    parts = _paths.parse(path)
    for part in parts[:-1]:
        nxt = data[part] if isinstance(part, int) else data.get(part)
        if nxt is None:
            nxt = {}
            data[part] = nxt
        data = nxt
    data[parts[-1]] = value


def _removeplain(data: Any, path: str) -> None:
    parts = _paths.parse(path)
    parent = _get(data, _paths.join(parts[:-1]))
    if parent is not None and isinstance(parts[-1], int) and parts[-1] < len(parent):
        del parent[parts[-1]]


def write(path: str | Path, text: str) -> None:
    """Replace the file at ``path`` with ``text``, atomically."""
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))
