"""What every command shares: exit codes, error reporting, loading plans."""

from __future__ import annotations

import functools
import os
import re
import sys
import warnings
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

import click

from .. import Severity, enum_label
from .._catalogue.locale import language_of, peek_language, system_language
from .._catalogue.messages import message, shared_language
from .._catalogue.text import in_language
from .._export.load import load_with_lines as _load_with_lines
from .._planfile.formats import LineMap
from .._support.atomic import is_one_of
from ..model import Language, Plan
from ..plugins import Registry, get_registry
from . import _startup
from ._language_state import speaking, spoken

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "error",
    "fail",
    "format_option",
    "lang_option",
    "load_plan",
    "load_with_lines",
    "peek_language",
    "plans_language",
    "plugin_source",
    "reader_language",
    "refuse_inputs",
    "registry",
    "report_failures",
    "say",
    "speaking",
    "spoken",
    "terminal_safe",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@functools.cache
def _unsafe() -> re.Pattern[str]:
    # Control characters (an escape sequence can recolour, retitle or clear a terminal),
    # bidirectional overrides (they reorder what is shown) and lone surrogates (no
    # terminal encoding holds them); line ends and tabs stay. Compiled when first
    # needed: its ranges beyond Latin-1 take half a millisecond, which a run printing
    # no plan text would pay for nothing.
    return re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    )


def terminal_safe(text: str) -> str:
    r"""``text`` with what a terminal would obey instead of show written as ``\x1b`` escapes."""
    return _unsafe().sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(message: str) -> None:
    """Print a message for the user on standard output, escaped for the terminal."""
    click.echo(terminal_safe(message))


def error(message: str) -> None:
    """Print a message for the user on standard error, escaped for the terminal."""
    click.echo(terminal_safe(message), err=True)


def fail(message: str) -> NoReturn:
    """Print a message for the user and exit with the bad-input code, 2."""
    error(message)
    sys.exit(EXIT_USAGE)


def refuse_inputs(
    output: str | os.PathLike[str] | None,
    inputs: Iterable[tuple[str | os.PathLike[str] | None, str]],
    language: Language,
) -> None:
    """Stop with exit code 2 when writing ``output`` would change one of the command's inputs.

    ``inputs`` are ``(path, role)`` pairs, the role a message key
    (``role_plan``, ``role_template``); the same file under another name, a
    link or a hard link counts too.
    """
    if output is None or os.fspath(output) == "-":
        return
    for path, role in inputs:
        if path is not None and is_one_of(output, [path]):
            fail(message("is_an_input", language, path=output, role=message(role, language)))


def format_option(
    help: str, choices: Sequence[str] = ("text", "json")
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--output-format`` option (``--format`` too), passed as ``output_format``."""
    return click.option(
        "--output-format",
        "--format",
        "output_format",
        type=click.Choice(list(choices), case_sensitive=False),
        default="text",
        show_default=True,
        help=help,
    )


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> Language | None:
    if value is None:
        return None
    found = language_of(value)
    if found is None:
        raise click.BadParameter(message("bad_language", system_language(), value=repr(value)))
    return found


lang_option = click.option(
    "--lang",
    callback=_language,
    metavar="sv|en",
    help="The language of what you read: sv (svenska) or en (English) "
    "[default: the plan's language; without a plan, the system's locale].",
)


def reader_language(
    lang: Language | None, plan: Plan | None = None, path: str | None = None
) -> Language:
    """What the user reads: ``--lang``, else the plan's language, else the system's locale."""
    if lang is not None:
        return speaking(lang)
    if plan is not None:
        return speaking(plan.language)
    if path is not None:
        found = peek_language(path)
        if found is not None:
            return speaking(found)
    return speaking(system_language())


def plans_language(
    lang: Language | None, paths: Sequence[str], also: Sequence[Language | None] = ()
) -> Language:
    """The language of a command's own lines about ``paths``, before any plan is loaded.

    ``--lang``; else the language the plan files declare (with the languages
    ``also`` holds, of plans at hand) when they all declare the same one; else
    (plans in different languages, or none declared) the system's locale.
    """
    languages = [*map(peek_language, paths), *also]
    return speaking(shared_language(lang, languages, system_language()))


# The language the running command speaks in, once it knows it: a Ctrl-C says so in it.


def plugin_source(source: str, language: Language) -> str:
    """Where a plugin comes from: its distribution as is, klusterplan's own in words."""
    known = {"built-in": "plugin_builtin", "registered in code": "plugin_in_code"}
    return message(known[source], language) if source in known else source


# what was reported of each registry: a command asks for it more than once, and says it once
_reported: weakref.WeakKeyDictionary[Registry, set[str]] = weakref.WeakKeyDictionary()


def report_failures(registry: Registry, *, show: bool = True) -> None:
    """Warn, once each, about plugins that failed to load or whose hooks raised.

    Each is told in the language the command speaks (:func:`spoken`), which the
    command chooses before it asks for the registry. ``show=False`` only counts
    them as told, for failures the command has printed another way.
    """
    for failure in registry.failures:
        said = failure.render(spoken())
        severity = Severity.ERROR if failure.fatal else Severity.WARNING
        text = f"klusterplan: {enum_label(severity, spoken())}: {said}"
        told = _reported.setdefault(registry, set())
        if text not in told:
            told.add(text)
            if show:
                error(text)


def registry() -> Registry:
    """The plugin registry, after reporting plugins that failed."""
    found = get_registry()
    _startup.resume()
    report_failures(found)
    return found


def load_plan(path: str, lang: Language | None = None) -> Plan:
    """Load a plan file or a Word document.

    What a document holds outside its fields is printed, each notice naming the
    document, in ``lang`` (``--lang``), else in the plan's language.
    """
    return load_with_lines(path, lang)[0]


def load_with_lines(path: str, lang: Language | None = None) -> tuple[Plan, LineMap]:
    """:func:`load_plan`, and the map from paths to lines of a plan file."""
    _startup.resume()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = _load_with_lines(path)
    if not caught:
        return found
    from .. import WordNotice  # the Word round trip's, loaded only when a load warned

    for warning in caught:
        if issubclass(warning.category, WordNotice):
            said = (*getattr(warning.message, "args", ()), str(warning.message))[0]
            error(f"{path}: {in_language(said, lang or found[0].language)}")
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return found
