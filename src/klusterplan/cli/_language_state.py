"""The language the running command speaks in: chosen once, before click reads the arguments.

Kept apart from the command's other helpers so that ``--help`` and click's usage
errors find it without importing the loader and the model.
"""

from __future__ import annotations

from .. import Language
from .._catalogue.locale import system_language

__all__ = ["forget", "speaking", "spoken"]

_spoken: list[Language] = []


def speaking(language: Language) -> Language:
    """Remember ``language`` as the one the running command speaks in; return it."""
    _spoken[:] = [language]
    return language


def spoken() -> Language:
    """The language the running command speaks in; the system's locale before it chose."""
    return _spoken[0] if _spoken else system_language()


def forget() -> None:
    """Forget the language of the run that ended: the next one, or what runs between, chooses."""
    _spoken.clear()
