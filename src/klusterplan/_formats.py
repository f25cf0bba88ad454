"""Reading and writing the plan's file formats as plain data.

YAML is read with PyYAML's safe C loader (tags that build Python objects are
refused); duplicate keys are errors in YAML and JSON alike. Line numbers are
found only when there is something to report, by composing the YAML node tree
(JSON is close enough to YAML for that); TOML has no line map.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import json
import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import PlanError, Problem

__all__ = [
    "FORMATS",
    "LineMap",
    "format_for_path",
    "parse",
    "parse_with_nodes",
    "paused_gc",
    "serialise",
]

#: File formats a plan can be stored in, by name, with their suffixes.
FORMATS: dict[str, tuple[str, ...]] = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "toml": (".toml",),
}

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """Return the format name a file's suffix implies."""
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise PlanError(
        [
            Problem(
                "",
                f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
                f"use one of {known}",
            )
        ],
        str(path),
    )


class _PlanLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing duplicate keys and naming the line of a bad value."""


_MERGE = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            continue  # `<<: *defaults` merges a mapping; construct_mapping does it
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
        except TypeError:
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r}; keep one of them",
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _marked(tag: str, what: str) -> Any:
    base = _PlanLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return base(loader, node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{_short(node.value)} is not a valid {what}: {_reason(exc)}",
                node.start_mark,
            ) from None

    return construct


def _short(value: object) -> str:
    text = str(value)
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text):,} characters)"


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "Exceeds the limit" in text:
        return "a number of more than 4,300 digits; no plan value is that large"
    return text


_PlanLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_PlanLoader.add_constructor("tag:yaml.org,2002:int", _marked("tag:yaml.org,2002:int", "number"))
_PlanLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _marked("tag:yaml.org,2002:timestamp", "date")
)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}; keep one of them")
        out[key] = value
    return out


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    message = exc.problem or str(exc)
    if exc.context and exc.context not in message:
        message = f"{exc.context}: {message}"
    tag = _UNKNOWN_TAG.search(message)
    if tag is not None:
        name = tag.group(1)
        if name.startswith("tag:yaml.org,2002:python/"):
            return (
                f"the tag !!{name.split(':', 2)[2]} would build a Python object, which a "
                "plan may not do; remove the tag"
            )
        shown = "!!" + name.split(":", 2)[2] if name.startswith("tag:yaml.org,2002:") else name
        return f"unknown tag {shown}; a plan uses no tags, so remove it"
    return message


def _parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    loader = _PlanLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def parse(text: str, format: str, source: str | None = None) -> Any:
    """Parse ``text`` in ``format`` into plain data, or raise :class:`PlanError`."""
    return parse_with_nodes(text, format, source)[0]


def parse_with_nodes(
    text: str, format: str, source: str | None = None
) -> tuple[Any, yaml.Node | None]:
    """Parse ``text``; return the data and, for YAML, the node tree that maps keys to lines.

    A byte-order mark at the start is skipped in every format. The garbage
    collector is paused while parsing: it finds no cycles in freshly parsed
    data, and its passes over the growing tree made the time grow faster than
    the file.
    """
    text = text.removeprefix("\ufeff")
    name = {"yaml": "YAML", "json": "JSON", "toml": "TOML"}.get(format, format)
    try:
        with paused_gc():
            if format == "yaml":
                return _parse_yaml(text)
            if format == "json":
                return json.loads(text, object_pairs_hook=_json_pairs), None
            if format == "toml":
                return tomllib.loads(text), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise PlanError(
            [Problem("", f"not valid YAML: {_yaml_message(exc)}", mark.line + 1 if mark else None)],
            source,
        ) from None
    except yaml.YAMLError as exc:
        raise PlanError([Problem("", f"not valid YAML: {exc}")], source) from None
    except json.JSONDecodeError as exc:
        raise PlanError([Problem("", f"not valid JSON: {exc.msg}", exc.lineno)], source) from None
    except RecursionError:
        raise PlanError(
            [Problem("", f"not valid {name}: nested too deeply; a plan needs six levels at most")],
            source,
        ) from None
    except (ValueError, OverflowError) as exc:
        match = _TOML_LINE.search(str(exc)) if format == "toml" else None
        message = _TOML_LINE.sub("", _reason(exc)).strip()
        line = int(match.group(1)) if match else None
        raise PlanError([Problem("", f"not valid {name}: {message}", line)], source) from None
    raise PlanError(
        [Problem("", f"unknown format {format!r}; use one of {', '.join(FORMATS)}")],
        source,
    )


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block that makes many objects and no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _BlockDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Writes multi-line text as literal blocks, as a person would, and every value in full.

    Values a plan built in code shares (one date object for many actions) are
    written out each time: an anchor and its aliases would tie them together,
    so editing one in the file would change them all.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _represent_str)


def _json_default(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def serialise(data: dict[str, Any], format: str) -> str:
    """Write plain data in ``format``: YAML, JSON or TOML."""
    if format == "yaml":
        return str(
            yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=88)
        )
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        import tomli_w

        # A multi-line TOML string turns a carriage return into a plain line end,
        # so text that holds one is written on one line, escaped, to come back as it was.
        return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))
    raise PlanError([Problem("", f"unknown format {format!r}; use one of {', '.join(FORMATS)}")])


def _has_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(v) for v in value)
    return False


class LineMap:
    """Maps a key's path to its line in the file's text, built only when asked."""

    def __init__(self, text: str, format: str, root: yaml.Node | None = None) -> None:
        self._text = text
        self._format = format
        self._root: yaml.Node | None = root
        self._built = root is not None

    def _tree(self) -> yaml.Node | None:
        if not self._built:
            self._built = True
            if self._format in ("yaml", "json"):
                try:
                    self._root = yaml.compose(self._text.removeprefix("\ufeff"), Loader=_Loader)
                except (yaml.YAMLError, RecursionError):
                    self._root = None
        return self._root

    def line(self, path: Sequence[str | int]) -> int | None:
        """Return the 1-based line of the deepest part of ``path`` found, or ``None``."""
        node = self._tree()
        if node is None:
            return None
        line: int | None = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        line = key_node.start_mark.line + 1
                        node = value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line
