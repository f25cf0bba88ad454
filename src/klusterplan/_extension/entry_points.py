"""The installed plugins' entry points, found without :mod:`importlib.metadata`.

Every command that loads plugins asks for the ``klusterplan`` entry-point
group. :func:`importlib.metadata.entry_points` answers by importing the
``email``, ``zipfile`` and ``csv`` packages and reading every installed
distribution's metadata: a sixth of ``klusterplan check``'s own start-up.
The entry points are in one small file per distribution,
``NAME-VERSION.dist-info/entry_points.txt``, so this module reads just those,
in :data:`sys.path` order, the first distribution of a name winning, as
:mod:`importlib.metadata` does. Where ``sys.path`` holds something it does not
read as a folder (a zip file, an egg), or metadata finders beyond the
standard ones, it leaves the answer to :mod:`importlib.metadata`.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from typing import Any

__all__ = ["EntryPoint", "entry_points"]

_INFO = re.compile(r"^(?P<name>[^-]+)(?:-(?P<version>[^-]+))?.*\.(?:dist|egg)-info$")
_SEPARATORS = re.compile(r"[-_.]+")
#: ``module``, ``module:attr`` or ``module:attr.inner``, then any extras: the form
#: :class:`importlib.metadata.EntryPoint` reads (extras say what to install, not what to load).
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class EntryPoint:
    """One entry point: its ``name``, ``value`` (``module:attr``) and distribution."""

    __slots__ = ("_info", "dist_name", "dist_version", "group", "name", "value")

    def __init__(
        self, name: str, value: str, group: str, info: str | None, dist: tuple[str, str] = ("", "")
    ) -> None:
        self.name, self.value, self.group = name, value, group
        self._info = info
        self.dist_name, self.dist_version = dist

    @property
    def dist(self) -> str:
        """``name version`` of the distribution that declares it, as its metadata says."""
        if not self.dist_name and self._info is not None:
            self.dist_name, self.dist_version = _name_and_version(self._info)
        return f"{self.dist_name} {self.dist_version}".strip() or self.value

    def load(self) -> Any:
        """Import the module and return the object the entry point names (the module without one).

        Raises :class:`ValueError` for a value not of the form ``module[:attr] [extras]``.
        """
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"malformed entry point {self.name!r}: {self.value!r}")
        found = importlib.import_module(match["module"])
        return functools.reduce(getattr, filter(None, (match["attr"] or "").split(".")), found)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def _name_and_version(info: str) -> tuple[str, str]:
    name = version = ""
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file), encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    if key == "Name":
                        name = value.strip()
                    elif key == "Version":
                        version = value.strip()
            break
        except OSError:
            continue
    return name, version


def _group(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of ``[group]`` in an ``entry_points.txt``."""
    found, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            inside = line == f"[{group}]"
            continue
        if inside:
            name, equals, value = line.partition("=")
            if equals:
                found.append((name.strip(), value.strip()))
    return found


def _standard_finders() -> bool:
    from importlib.machinery import PathFinder

    # finders with their own distributions (a bundler's) are left to importlib.metadata
    return all(
        finder is PathFinder
        or not hasattr(finder, "find_distributions")
        or getattr(finder, "__module__", "").startswith("_frozen_importlib")
        for finder in sys.meta_path
    )


def _scan(group: str) -> list[EntryPoint] | None:
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return None  # a zip file or an egg on the path
        except OSError:
            continue
        for name in names:
            match = _INFO.match(name)
            if match is None:
                continue
            key = _SEPARATORS.sub("_", match["name"]).lower()
            if key in seen:
                continue
            seen.add(key)
            info = os.path.join(folder, name)
            try:
                with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as stream:
                    text = stream.read()
            except OSError:
                continue
            if f"[{group}]" in text:
                found.extend(EntryPoint(n, v, group, info) for n, v in _group(text, group))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points installed in ``group``, as :func:`importlib.metadata.entry_points`."""
    found = _scan(group) if _standard_finders() else None
    if found is not None:
        return found
    from importlib import metadata

    return [
        EntryPoint(
            ep.name,
            ep.value,
            group,
            None,
            (ep.dist.name, ep.dist.version) if ep.dist is not None else ("", ""),
        )
        for ep in metadata.entry_points(group=group)
    ]
