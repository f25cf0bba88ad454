"""How numbers, amounts and dates read in every export: one place for all of them.

Swedish conventions: digits grouped with a no-break space (``40 000 kr``),
dates as ``2011-03-15``.
"""

from __future__ import annotations

import datetime as _dt

from .labels import label
from .language import Language

__all__ = ["day", "kronor", "number"]

_NBSP = "\u00a0"


def number(value: int) -> str:
    """``value`` with its digits grouped in threes by a no-break space."""
    return f"{value:,}".replace(",", _NBSP)


def kronor(amount: int | None, language: Language) -> str:
    """An amount in whole kronor, grouped, with its unit; empty for ``None``."""
    if amount is None:
        return ""
    return f"{number(amount)}{_NBSP}{label('currency', language)}"


def day(value: _dt.date | None) -> str:
    """A date as ``2011-03-15``; empty for ``None``."""
    return value.isoformat() if value else ""
