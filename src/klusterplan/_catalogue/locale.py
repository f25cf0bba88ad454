"""The language a user reads when no plan says it: the locale, or a file's own ``language``."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping

from .language import Language

__all__ = ["language_of", "peek_language", "system_language"]


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


# a top-level key in YAML or TOML starts its line; in JSON it may follow a brace or a comma
_LANGUAGE_LINE = re.compile(
    r"(?:^|^\s*[{,]\s*|[{,]\s*)[\"']?language[\"']?\s*[:=]\s*[\"']?([A-Za-z_-]+)",
    re.MULTILINE,
)


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
