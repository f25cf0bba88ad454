"""Whether a text shows anything: a letter, a digit, a mark of punctuation or a symbol."""

from __future__ import annotations

import unicodedata

__all__ = ["shows_nothing"]


def shows_nothing(text: str) -> bool:
    """Whether ``text`` holds nothing a reader sees.

    Spaces of every kind (the ideographic one too), private-use characters no
    font draws, format and control characters and unassigned code points
    leave a heading empty on the page and to a screen reader.
    """
    return not any(unicodedata.category(c)[0] in "LNPS" for c in text)
