"""Messages in Swedish and English: :class:`Text`, and the language a user reads.

A :class:`Text` is a ``str`` holding the English wording, so every place
that takes a message keeps working, and it carries the Swedish wording
beside it. Rules, loaders and commands give their messages as ``Text``;
what prints them picks the reader's language with :func:`in_language`.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping

from .model import Language

__all__ = ["Text", "in_language", "language_of", "peek_language", "system_language"]


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

    def __new__(cls, en: str, sv: str = "") -> Text:
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
        return self.sv if _code(language) == "sv" else str(self)


def _code(language: Language | str | None) -> str:
    if isinstance(language, Language):
        return language.value
    return (language or "en").lower()


def in_language(message: str, language: Language | str | None) -> str:
    """``message`` in ``language``: a :class:`Text`'s Swedish or English, any other text as is."""
    if isinstance(message, Text):
        return message.in_language(language)
    return str(message)


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the user's locale: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``.

    Swedish when the first one set starts with ``sv`` (``sv_SE.UTF-8``), English otherwise,
    as gettext reads them.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return Language.SV if value.lower().startswith("sv") else Language.EN
    return Language.EN


def language_of(value: str | None) -> Language | None:
    """Read ``sv``, ``en``, ``svenska``, ``English`` in any case; ``None`` for nothing."""
    if not value:
        return None
    key = value.strip().lower()
    for language, names in _NAMES.items():
        if key in names:
            return language
    return None


_NAMES = {
    Language.SV: {"sv", "svenska", "swedish", "sv_se", "sv-se"},
    Language.EN: {"en", "engelska", "english", "en_gb", "en-gb", "en_us", "en-us"},
}


_LANGUAGE_LINE = re.compile(r"^(?:\"?language\"?)\s*[:=]\s*[\"']?([A-Za-z_-]+)", re.MULTILINE)


def peek_language(path: str) -> Language | None:
    """The ``language`` a plan file declares, read without loading it (for its errors)."""
    try:
        # a device or a named pipe is never opened: reading it could wait for ever
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, encoding="utf-8", errors="replace") as stream:
            head = stream.read(64 * 1024)
    except (OSError, ValueError):
        return None
    match = _LANGUAGE_LINE.search(head)
    return language_of(match.group(1)) if match else None
