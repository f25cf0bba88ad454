"""The command line in the reader's language, from its first word: ``--help`` and usage errors.

One run speaks one language, chosen before click reads the arguments:
``--lang``, else the language the plan files named on the line declare (when
they share one), else the system's locale. click asks :mod:`gettext` for its
own wordings (``Usage:``, ``Missing argument``, ``No such option``); its
modules are given a translator that answers from the catalogue in that
language. Each command's help is swapped for its Swedish (or back to its
English) before click prints it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Any

import click

from .. import Language
from .._catalogue.language import is_swedish
from .._catalogue.locale import language_of, peek_language, system_language
from .._catalogue.messages import shared_language
from .._catalogue.usage import ARGUMENTS_SV, CLICK_PLURAL_SV, CLICK_SV, HELP_SV
from ._language_state import forget, speaking, spoken

__all__ = [
    "early_language",
    "install",
    "localise",
    "restore",
    "short_help",
    "speak_for",
    "translated",
]

# the click modules that ask gettext for a wording; a module a later click
# lacks, or one that stops asking, leaves that wording in English
_CLICK_MODULES = (
    "core",
    "exceptions",
    "formatting",
    "decorators",
    "types",
    "parser",
    "utils",
    "termui",
)


# whether a klusterplan run is under way: another program's click commands in the
# same process keep their own wordings
_running: list[bool] = []


def _swedish() -> bool:
    return bool(_running) and is_swedish(spoken())


def translated(message: str) -> str:
    """Click's ``message`` in the language the run speaks."""
    return CLICK_SV.get(message, message) if _swedish() else message


def _plural(singular: str, plural: str, n: int) -> str:
    if _swedish() and singular in CLICK_PLURAL_SV:
        one, many = CLICK_PLURAL_SV[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


_installed: list[bool] = []


def install() -> None:
    """Give click's modules the catalogue's translator (once a process).

    It answers in Swedish only while a klusterplan run speaks Swedish.
    """
    if _installed:
        return
    _installed.append(True)
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        if callable(getattr(module, "_", None)):
            module._ = translated  # type: ignore[attr-defined]
        if callable(getattr(module, "ngettext", None)):
            module.ngettext = _plural  # type: ignore[attr-defined]


def early_language(args: Sequence[str]) -> Language:
    """The language of a run, read from its arguments before click parses them."""
    for index, arg in enumerate(args):
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        found = language_of(value)
        if found is not None:
            return found
    files = [a for a in args if not a.startswith("-") and os.path.isfile(a)]
    return shared_language(None, map(peek_language, files), system_language())


# each text's English, kept the first time a run touches it, by its owner and attribute
_english: dict[
    tuple[int, str], tuple[click.Command | click.Parameter | click.ParamType[Any], str, str | None]
] = {}

# click words a few texts through the translator once and keeps them for the life of the
# process: a click.Path's name ("file") when the module of its command is imported, a
# command's --help line when it is first shown. Made during a Swedish run they hold
# Swedish, and would stay Swedish in every later run of the process (a test suite's
# worker): their English is found again from the catalogue.
_ENGLISH_OF = {swedish: english for english, swedish in CLICK_SV.items()}


def _english_text(
    owner: click.Command | click.Parameter | click.ParamType[Any], attribute: str
) -> str | None:
    """``owner.attribute`` in English, as it was before any run put it in Swedish."""
    key = (id(owner), attribute)
    if key not in _english:
        value = getattr(owner, attribute)
        english = _ENGLISH_OF.get(value, value) if isinstance(value, str) else value
        _english[key] = (owner, attribute, english)
    return _english[key][2]


def _set(
    owner: click.Command | click.Parameter | click.ParamType[Any],
    attribute: str,
    swedish: str | None,
) -> None:
    """``owner.attribute`` in Swedish while a run speaks it and has one; else its English.

    Outside a run (a program that reads the commands' help) every text is English.
    """
    english = _english_text(owner, attribute)
    setattr(owner, attribute, (swedish or english) if _swedish() else english)


def _swap(owner: click.Command | click.Parameter, key: str, attribute: str) -> None:
    english = _english_text(owner, attribute)
    swedish = HELP_SV.get(key)
    if swedish is None and english is not None:
        swedish = CLICK_SV.get(english)  # --help's and --version's, written by click
    _set(owner, attribute, swedish)


def _argument(argument: click.Argument) -> str | None:
    """An argument's name as usage lines show it, in Swedish (``[PLANER]...``)."""
    name = ARGUMENTS_SV.get(argument.name or "")
    if name is None:
        return None
    shown = name if argument.required else f"[{name}]"
    return shown + ("..." if argument.nargs != 1 else "")


def localise(command: click.Command) -> click.Command:
    """``command`` with its help and its options' help in the language the run speaks."""
    name = "main" if isinstance(command, click.Group) else command.name or ""
    name = {"rules": "rule"}.get(name, name)  # another name for the same command
    _swap(command, name, "help")
    _set(command, "options_metavar", CLICK_SV.get(command.options_metavar or ""))
    if isinstance(command, click.Group):
        _set(command, "subcommand_metavar", CLICK_SV.get(command.subcommand_metavar))
    # click makes a command's --help once and keeps it, worded in the first run's language
    kept = getattr(command, "_help_option", None)
    if isinstance(kept, click.Option):
        _swap(kept, "", "help")
    for param in command.params:
        if isinstance(param, click.Argument):
            _set(param, "metavar", _argument(param))
        if isinstance(param.type, click.Path):
            # "Filen 'x.docx' finns inte": click words the name once, when the type is made
            _set(param.type, "name", CLICK_SV.get(_english_text(param.type, "name") or ""))
        if not isinstance(param, click.Option):
            continue
        long = next((o for o in param.opts if o.startswith("--")), param.opts[0])
        key = f"{name} {long}" if f"{name} {long}" in HELP_SV else long
        _swap(param, key, "help")
    return command


def restore() -> None:
    """Put back every help text's English: the commands outlive a run in a test's process.

    The language the run spoke is forgotten too: what is read of the commands
    between runs is English, and the next run chooses its own.
    """
    _running.clear()
    forget()
    for owner, attribute, english in _english.values():
        setattr(owner, attribute, english)


def short_help(name: str, english: str) -> str:
    """The one line ``klusterplan --help`` shows for the command ``name``."""
    return HELP_SV.get(f"{name}:short", english) if _swedish() else english


def speak_for(args: Sequence[str]) -> Language:
    """Choose the run's language from ``args`` and make click speak it."""
    install()
    _running[:] = [True]
    return speaking(early_language(args))
