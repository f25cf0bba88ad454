"""The two languages a reader of klusterplan's documents and messages is told things in."""

from __future__ import annotations

import enum

__all__ = ["Language"]


class Language(enum.Enum):
    """The language a reader of an export sees."""

    SV = "sv"
    EN = "en"
