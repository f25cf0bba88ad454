"""``klusterplan import``: a filled-in workbook or an edited plan document back into a plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import loads
from .._catalogue.messages import count, message, os_reason
from .._planfile.formats import format_for_path
from .._planfile.io import read_plan_text
from ..errors import PlanError
from ..model import Language
from ._common import (
    EXIT_OK,
    error,
    fail,
    lang_option,
    plans_language,
    reader_language,
    refuse_inputs,
    speaking,
)

if TYPE_CHECKING:
    from .. import WordImport

__all__ = ["COMMANDS"]


def _write_new(
    result: WordImport, output: Path, *, force: bool, dry_run: bool, language: Language
) -> None:
    """Write the plan ``result`` read as the new plan file ``output`` (``-o``)."""
    from .._word.update import new_file_text, write

    if output.exists() and not force and not dry_run:
        fail(message("import_exists", language, path=output))
    try:
        text = new_file_text(result.plan, output)
    except PlanError as exc:
        fail(exc.render(language))
    if dry_run:
        click.echo(message("would_write", language, path=output))
    else:
        try:
            write(output, text)
        except OSError as exc:
            fail(message("cannot_write", language, path=output, reason=os_reason(exc)))
        click.echo(message("wrote", language, path=output))


@click.command(name="import")
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a new plan file (.yaml, .json or .toml).",
)
@click.option(
    "--into",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Update this plan file in place, keeping its comments and key order (YAML).",
)
@click.option("--dry-run", is_flag=True, help="Only print what would change; write nothing.")
@click.option("--force", is_flag=True, help="With -o: replace a file that is already there.")
@lang_option
def import_command(
    document: str,
    output: Path | None,
    into: Path | None,
    dry_run: bool,
    force: bool,
    lang: Language | None,
) -> None:
    """Read DOCUMENT, a Word file klusterplan wrote, filled in or edited, back into a plan.

    The workbook filled in at a workshop, or the plan's Word export after a
    round of comments: each answer goes where the document's marks say it
    belongs. With -o a new plan file is written; with --into an existing one is
    updated in place (atomically), and what changed is printed, value by value.
    Text typed outside any field is reported, not read.

    What the command says (what changed, what was not read or not applied,
    a value it cannot read) is in --lang, else in the language of the plan
    file --into names, else in the document's; the document's own headings
    and column names are quoted as it has them.

    Exit codes: 0 read, 2 the document or the plan file could not be read.
    """
    from .. import read_word
    from .._word.importer import word_language
    from .._word.update import update_text, write

    language = plans_language(lang, [str(into)] if into is not None else [])
    if (output is None) == (into is None):
        fail(message("import_where", language))
    if into is not None and into.suffix.lower() == ".docx":
        fail(message("import_into_word", language, path=into))
    refuse_inputs(output or into, [(document, "role_document")], language)
    try:
        result = read_word(document)
    except PlanError as exc:
        if lang is None and into is None:
            # the document's own language, when the plan it carries says it
            language = speaking(word_language(document) or language)
        fail(exc.render(language))
    if into is None:
        language = reader_language(lang, result.plan)
    for notice in result.notices:
        error(f"{document}: {notice.render(language)}")
    if output is not None:
        _write_new(result, output, force=force, dry_run=dry_run, language=language)
        sys.exit(EXIT_OK)
    assert into is not None
    try:
        # one read gives both the plan and the text the update changes
        text = read_plan_text(into)
        target = loads(text, format_for_path(into), source=str(into))
        language = reader_language(lang, target)
        update = update_text(result, into, text, target)
    except PlanError as exc:
        fail(exc.render(language))
    except OSError as exc:
        fail(message("cannot_read", language, path=into, reason=os_reason(exc)))
    for notice in update.notices:
        error(f"{into}: {notice.render(language)}")
    if not update.applied:
        # after notices of what was not applied, "it already says the same" would not be true
        key = "import_none_applied" if update.notices else "import_no_changes"
        click.echo(message(key, language, path=into, document=document))
        sys.exit(EXIT_OK)
    values = count(len(update.applied), "value", language)
    verb = "import_would_change" if dry_run else "import_changed"
    click.echo(message(verb, language, path=into, values=values))
    for change in update.applied:
        click.echo(f"  {change.render(language)}")
    if not dry_run:
        try:
            write(into, update.text)
        except OSError as exc:
            fail(message("cannot_write", language, path=into, reason=os_reason(exc)))
    sys.exit(EXIT_OK)


COMMANDS = [import_command]
