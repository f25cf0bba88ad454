"""Run a generated reference page as a script: write it to the file named, or print it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["write_reference"]


def write_reference(render: Callable[[], str], argv: list[str]) -> int:
    """Write ``render()`` to the file in ``argv``, or print it; the exit code."""
    text = render()
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
