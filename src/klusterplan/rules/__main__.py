"""``python -m klusterplan.rules [FILE]``: write the rule reference (default: print it)."""

from __future__ import annotations

import sys

from .._support.reference import write_reference
from . import render_reference


def main(argv: list[str]) -> int:
    """Write the reference to the file in ``argv``, or print it."""
    return write_reference(render_reference, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
