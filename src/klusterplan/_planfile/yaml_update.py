"""Changing a YAML plan file in place, keeping its comments, key order and layout.

A plan file is written and commented by people; an update from a Word
document must change the values it changes and nothing else. ruamel.yaml
reads the file into a round-trip tree that remembers comments, key order,
quoting and the style of each block of text; only the changed values are
replaced, each new text in the style a person would write it (a literal
block for several paragraphs, a folded one for a long line).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import textwrap
from collections.abc import Sequence
from typing import Any

import attrs

from .._model import paths as _paths
from ..errors import PlanError, Problem

__all__ = ["YamlPlan"]

_WIDTH = 88


def _yaml() -> Any:
    try:
        from ruamel.yaml import YAML
    except ImportError:  # pragma: no cover - a dependency; a broken install
        raise PlanError(
            [
                Problem(
                    "",
                    "updating a YAML plan in place needs ruamel.yaml; "
                    "pip install 'ruamel.yaml>=0.18.6,<0.20'",
                )
            ]
        ) from None
    return YAML


def _indents(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation as the file has it."""
    mapping, sequence, offset = 2, 2, 0
    lines = [
        line
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#") and line.strip() != "---"
    ]
    for k, line in enumerate(lines[:-1]):
        if re.fullmatch(r"\s*[\w.-]+:\s*(#.*)?", line):
            here = len(line) - len(line.lstrip())
            nxt = lines[k + 1]
            there = len(nxt) - len(nxt.lstrip())
            if nxt.lstrip().startswith("- "):
                offset = there - here
                dash = nxt.lstrip()[2:]
                sequence = offset + 2 + (len(dash) - len(dash.lstrip()))
                break
    for k, line in enumerate(lines[:-1]):
        if re.fullmatch(r"\s*[\w.-]+:\s*(#.*)?", line):
            here = len(line) - len(line.lstrip())
            nxt = lines[k + 1]
            if not nxt.lstrip().startswith("- ") and len(nxt) - len(nxt.lstrip()) > here:
                mapping = len(nxt) - len(nxt.lstrip()) - here
                break
    return mapping, max(sequence, offset + 2), offset


def _null_as_null(yaml: Any) -> None:
    """Write nothing as ``null``, as plan files do, rather than as an empty value."""

    def represent(representer: Any, data: None) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:null", "null")

    yaml.representer.add_representer(type(None), represent)


def _fold(text: str) -> Any:
    from ruamel.yaml.scalarstring import FoldedScalarString

    lines = textwrap.wrap(text, _WIDTH - 10, break_long_words=False, break_on_hyphens=False)
    folded = FoldedScalarString(text)
    positions = []
    pos = 0
    for line in lines[:-1]:
        pos = text.index(line, pos) + len(line)
        positions.append(pos)
    folded.fold_pos = positions
    return folded


def _node(value: Any) -> Any:
    """Plain data as ruamel writes it: text in the style a person would write it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        # a folded block needs a text without double spaces, and folds only at spaces
        if len(value) > _WIDTH - 20 and "  " not in value and value == value.strip():
            return _fold(value)
        return value
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _node(item)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_node(v) for v in value)
        if value and all(isinstance(v, str) and len(v) < 24 and "\n" not in v for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


@attrs.define
class YamlPlan:
    """A YAML plan file as a round-trip tree, to change value by value."""

    text: str
    tree: Any
    yaml: Any
    _shared: dict[int, list[tuple[tuple[Any, ...], Any]]] | None = attrs.field(
        default=None, init=False, repr=False
    )
    """Where each mapping and list stands (see :meth:`_uses`), until the tree changes."""

    @classmethod
    def parse(cls, text: str) -> YamlPlan:
        """Read the file's text."""
        yaml = _yaml()()
        mapping, sequence, offset = _indents(text)
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        # never fold again what a person folded: only new text is wrapped, by _node
        yaml.width = 4096
        yaml.preserve_quotes = True
        yaml.allow_unicode = True
        _null_as_null(yaml)
        tree = yaml.load(text)
        return cls(text, tree, yaml)

    @classmethod
    def new(cls, data: dict[str, Any]) -> YamlPlan:
        """A new file for plain plan data, laid out as the example plan is."""
        yaml = _yaml()()
        yaml.indent(mapping=2, sequence=4, offset=2)
        yaml.width = 4096
        yaml.allow_unicode = True
        _null_as_null(yaml)
        return cls("", _node(_yamlable(data)), yaml)

    def also_changes(self, path: str, kind: str = "set") -> list[str]:
        """Other paths a change at ``path`` would change too, through YAML anchors.

        A mapping or list the file names once with an anchor (``&n``) and uses
        again by an alias (``*n``), or merges into another mapping (``<<: *n``),
        is one value standing in several places: changing what is inside it
        changes each place. ``kind`` is ``set``, ``append`` or ``remove``: what
        the change alters (the value's mapping or list, or the list itself).
        """
        if "&" not in self.text:
            return []  # no anchor, so no alias and no merge: each value stands in one place
        parts = list(_paths.parse(path))
        reach = parts if kind == "append" else parts[:-1]
        if self._shared is None:
            self._shared = self._uses()
        uses = self._shared
        others: list[str] = []
        node = self.tree
        for depth, part in enumerate(reach):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(node, str | int | float | bool) or node is None:
                break
            rest = parts[depth + 1 :]
            for use, merged_into in uses.get(id(node), []):
                if use == tuple(parts[: depth + 1]):
                    continue
                if merged_into is not None and rest and rest[0] in _own_keys(merged_into):
                    continue  # the merging mapping sets this key itself
                other = _paths.join((*use, *rest))
                if other != path and other not in others:
                    others.append(other)
        return sorted(others)

    def _uses(self) -> dict[int, list[tuple[tuple[Any, ...], Any]]]:
        """Each mapping and list of the file: every path it stands at.

        A mapping merged into another (``<<: *a``) stands there too, with the
        mapping it is merged into. An alias is followed each time it is used,
        as the plan's loader did (which bounds how far aliases may expand).
        """
        uses: dict[int, list[tuple[tuple[Any, ...], Any]]] = {}
        stack: list[tuple[Any, tuple[Any, ...]]] = [(self.tree, ())]
        while stack:
            node, where = stack.pop()
            if not isinstance(node, dict | list):
                continue
            uses.setdefault(id(node), []).append((where, None))
            if isinstance(node, dict):
                for merged in _merged(node):
                    uses.setdefault(id(merged), []).append((where, node))
                stack.extend((value, (*where, key)) for key, value in node.items())
            else:
                stack.extend((value, (*where, k)) for k, value in enumerate(node))
        return uses

    def dumps(self) -> str:
        """The file's text with the changes."""
        out = io.StringIO()
        self.yaml.dump(self.tree, out)
        return out.getvalue()

    def _container(self, parts: Sequence[Any], create: bool) -> Any:
        from ruamel.yaml.comments import CommentedMap

        node = self.tree
        done: list[Any] = []
        for part in parts:
            if isinstance(part, int):
                node = node[part]
            else:
                if part not in node or node[part] is None:
                    if not create:
                        return None
                    self._insert(node, part, CommentedMap(), tuple(done))
                node = node[part]
            done.append(part)
        return node

    def _insert(self, node: Any, key: str, value: Any, owner: tuple[Any, ...]) -> None:
        """Put a key the file leaves out where the model has it, after the keys before it."""
        slot = _paths.slot(_paths.join(owner)) if owner else None
        cls = slot.type if slot is not None else None
        if cls is None:
            from ..model import Plan

            cls = Plan
        order = [f.name for f in attrs.fields(cls)] if attrs.has(cls) else []
        position = len(node)
        if key in order:
            later = set(order[order.index(key) + 1 :])
            for k, existing in enumerate(node):
                if existing in later:
                    position = k
                    break
        node.insert(position, key, value)

    def set(self, path: str, value: Any) -> None:
        """Set the value at ``path`` (indexes of this file's lists)."""
        self._shared = None
        parts = _paths.parse(path)
        parent = self._container(parts[:-1], create=True)
        last = parts[-1]
        new = _node(_yamlable(value))
        if isinstance(last, int) or last in parent:
            parent[last] = new
        else:
            self._insert(parent, last, new, tuple(parts[:-1]))

    def append(self, path: str, item: Any) -> None:
        """Add an item at the end of the list at ``path``, making the list if it is missing."""
        self._shared = None
        parts = _paths.parse(path)
        parent = self._container(parts[:-1], create=True)
        last = parts[-1]
        if last not in parent or parent[last] is None:
            from ruamel.yaml.comments import CommentedSeq

            self._insert(parent, str(last), CommentedSeq(), tuple(parts[:-1]))
        parent[last].append(_node(_yamlable(item)))

    def remove(self, path: str) -> None:
        """Remove the item at ``path`` (``list[3]``)."""
        self._shared = None
        parts = _paths.parse(path)
        parent = self._container(parts[:-1], create=False)
        if parent is not None and isinstance(parts[-1], int) and parts[-1] < len(parent):
            del parent[parts[-1]]


def _merged(node: Any) -> list[Any]:
    """The mappings ``node`` takes keys from by merge keys (``<<: *a``)."""
    found = getattr(node, "merge", None) or []
    # ruamel.yaml 0.18 keeps (position, mapping) pairs, later releases the mappings
    return [m[1] if isinstance(m, tuple) else m for m in found]


def _own_keys(node: Any) -> set[Any]:
    """The keys a mapping sets itself, not those it merges."""
    items = getattr(node, "non_merged_items", None)
    return {key for key, _ in items()} if items is not None else set(node)


def _yamlable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _yamlable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yamlable(v) for v in value]
    if isinstance(value, _dt.date):
        return value
    return value
