"""The two languages a reader of klusterplan's documents and messages is told things in."""

from __future__ import annotations

import enum

__all__ = ["Language", "is_swedish"]


class Language(enum.Enum):
    """The language a reader of an export sees."""

    SV = "sv"
    EN = "en"


def is_swedish(language: Language | str | None) -> bool:
    """Whether ``language`` is Swedish: ``Language.SV`` or ``"sv"`` in any case.

    The one test every message, label and error uses to pick its wording;
    anything else (``None``, ``"en"``, an unknown code) reads English.
    """
    return str(getattr(language, "value", language) or "").strip().lower() == "sv"
