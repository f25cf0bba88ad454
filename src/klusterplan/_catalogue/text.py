"""Messages in Swedish and English: :class:`Text`, and the language a user reads.

A :class:`Text` is a ``str`` holding the English wording, so every place
that takes a message keeps working, and it carries the Swedish wording
beside it. Rules, loaders and commands give their messages as ``Text``;
what prints them picks the reader's language with :func:`in_language`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .language import is_swedish

if TYPE_CHECKING:
    from .language import Language

__all__ = ["Text", "in_language", "nearest", "valid_ids_text"]


class Text(str):
    """A message in English (the ``str`` itself) with its Swedish wording in :attr:`sv`.

    >>> message = Text("add a name", sv="lägg till ett namn")
    >>> message == "add a name", message.sv
    (True, 'lägg till ett namn')

    A plugin's rule yields a ``Text`` as its message, and gives its summary
    and explanation in Swedish through :func:`klusterplan.rule`'s
    ``summary_sv`` and ``explanation_sv``.
    """

    sv: str

    def __new__(cls, en: str = "", sv: str = "") -> Text:
        self = super().__new__(cls, en)
        self.sv = sv or en
        return self

    def __reduce__(self) -> tuple[type[Text], tuple[str, str]]:
        # a Text crosses to worker processes in a batch export
        return (Text, (str(self), self.sv))

    def __add__(self, other: str) -> Text:
        return Text(str(self) + other, self.sv + getattr(other, "sv", other))

    def in_language(self, language: Language | str | None) -> str:
        """The wording in ``language`` (``sv`` or ``en``); English when unknown."""
        return self.sv if is_swedish(language) else str(self)


def in_language(message: str, language: Language | str | None) -> str:
    """``message`` in ``language``: a :class:`Text`'s Swedish or English, any other text as is."""
    if isinstance(message, Text):
        return message.in_language(language)
    return str(message)


def nearest(value: str, choices: Sequence[str]) -> str | None:
    """The choice closest to ``value`` (ignoring case), if any is close."""
    lowered = {option.lower(): option for option in choices}
    from difflib import get_close_matches

    close = get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def valid_ids_text(kind_en: str, kind_sv: str, value: str, known: Sequence[str]) -> Text:
    """``no centre has the id 'x'; the ids are a, b, c; did you mean 'b'?``, in both languages.

    ``kind_sv`` is the Swedish noun with its article (``ett centrum``,
    ``en målgrupp``), which decides between *inget* and *ingen*.
    """
    close = nearest(value, known)
    listed = ", ".join(known)
    article, _, noun = kind_sv.partition(" ")
    none = "inget" if article == "ett" else "ingen"
    en = f"no {kind_en} has the id {value!r}"
    sv = f"{none} {noun} har id:t {value!r}"
    if known:
        en += f"; the ids are {listed}"
        sv += f"; de id som finns är {listed}"
    else:
        en += f"; the plan has no {kind_en} yet"
        sv += f"; planen har {none} {noun} än"
    if close is not None:
        en += f"; did you mean {close!r}?"
        sv += f"; menade du {close!r}?"
    return Text(en, sv)
