"""Loading and saving plans: :func:`load`, :func:`loads`, :func:`dump`, :func:`dumps`."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from ._atomic import atomic_write
from ._convert import structure_plan, unstructure_plan
from ._formats import LineMap, format_for_path, parse, serialise
from .errors import PlanError, Problem
from .model import Plan

__all__ = ["dump", "dumps", "example", "example_text", "load", "loads"]


def loads(text: str, format: str = "yaml", *, source: str | None = None) -> Plan:
    """Read a plan from ``text`` in ``format`` (``yaml``, ``json`` or ``toml``).

    Raises :class:`PlanError` listing every problem with its path and, for
    YAML and JSON, its line. ``source`` names the file in messages.
    """
    data = parse(text, format, source)
    return structure_plan(data, LineMap(text, format), source)


def load(path: str | os.PathLike[str]) -> Plan:
    """Read a plan from a file; the suffix (``.yaml``, ``.json``, ``.toml``) sets the format.

    A Word document klusterplan wrote (``.docx``: the workbook, filled in, or the
    plan's export, edited) is read back into its plan; what it holds outside any
    field comes as a :class:`~klusterplan.WordNotice` warning.
    """
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from ._word_import import load_word

        return load_word(path)
    fmt = format_for_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(
            [Problem("", "no such file; check the name and folder")], str(path)
        ) from None
    except IsADirectoryError:
        raise PlanError([Problem("", "this is a folder, not a plan file")], str(path)) from None
    except UnicodeDecodeError as exc:
        raise PlanError(
            [Problem("", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")], str(path)
        ) from None
    except OSError as exc:
        raise PlanError([Problem("", f"cannot be read: {exc.strerror}")], str(path)) from None
    return loads(text, fmt, source=str(path))


def dumps(plan: Plan, format: str = "yaml") -> str:
    """Write ``plan`` as text in ``format``; keys still at their defaults are left out."""
    return serialise(unstructure_plan(plan), format)


def dump(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to a file, in the format its suffix implies, atomically."""
    text = dumps(plan, format_for_path(path))
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))


def example_text() -> str:
    """The example plan's YAML text, as shipped with the package."""
    return (resources.files("klusterplan") / "data" / "example.yaml").read_text(encoding="utf-8")


def example() -> Plan:
    """The workbook's own content as a plan for a fictional local library."""
    return loads(example_text(), "yaml", source="example.yaml")
