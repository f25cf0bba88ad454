"""Reading a plan from any file klusterplan knows: YAML, JSON, TOML, or a Word document it wrote.

The text formats are read in :mod:`klusterplan._planfile.io`; a Word
document is read back by :mod:`klusterplan._word`. This is the one place
that chooses between them, so it sits above both.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._planfile.formats import LineMap
from .._planfile.io import load_text_file
from .._planfile.limits import Limits
from ..model import Plan

__all__ = ["load", "load_with_lines"]


def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Plan:
    """Read a plan from a file; the suffix (``.yaml``, ``.json``, ``.toml``) sets the format.

    A Word document klusterplan wrote (``.docx``: the workbook, filled in, or the
    plan's export, edited) is read back into its plan; what it holds outside any
    field comes as a :class:`~klusterplan.WordNotice` warning.
    """
    return load_with_lines(path, limits=limits)[0]


def load_with_lines(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> tuple[Plan, LineMap]:
    """:func:`load`, and the map from paths to lines of the file, from the same parse."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from .._word.importer import load_word

        # a Word document has no lines: its findings name paths, its errors places in it
        return load_word(path), LineMap("", "docx")
    return load_text_file(path, limits=limits)
