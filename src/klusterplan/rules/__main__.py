"""``python -m klusterplan.rules [FILE]``: write the rule reference (default: print it)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import render_reference


def main(argv: list[str]) -> int:
    """Write the reference to the file in ``argv``, or print it."""
    text = render_reference()
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
