"""``klusterplan import``: a filled-in workbook or an edited plan document back into a plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import _io
from ..errors import PlanError
from ._common import EXIT_OK, error, fail

__all__ = ["COMMANDS"]


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
def import_command(
    document: str, output: Path | None, into: Path | None, dry_run: bool, force: bool
) -> None:
    """Read DOCUMENT, a Word file klusterplan wrote, filled in or edited, back into a plan.

    The workbook filled in at a workshop, or the plan's Word export after a
    round of comments: each answer goes where the document's marks say it
    belongs. With -o a new plan file is written; with --into an existing one is
    updated in place (atomically), and what changed is printed, value by value.
    Text typed outside any field is reported, not read.

    Exit codes: 0 read, 2 the document or the plan file could not be read.
    """
    from .._word_import import read_word
    from .._word_update import new_file_text, update_text, write

    if (output is None) == (into is None):
        fail("give -o NEW.yaml to write a new plan, or --into PLAN.yaml to update one")
    try:
        result = read_word(document)
    except PlanError as exc:
        fail(str(exc))
    for notice in result.notices:
        error(f"{document}: {notice}")
    if output is not None:
        if output.exists() and not force and not dry_run:
            fail(
                f"{output}: the file is there already; use --into {output} to update it "
                "with what the document changes, or --force to replace it"
            )
        try:
            text = new_file_text(result.plan, output)
        except PlanError as exc:
            fail(str(exc))
        if dry_run:
            click.echo(f"would write {output}")
        else:
            try:
                write(output, text)
            except OSError as exc:
                fail(f"{output}: cannot be written: {exc.strerror or exc}")
            click.echo(f"wrote {output}")
        sys.exit(EXIT_OK)
    assert into is not None
    try:
        target = _io.load(into)
        text = into.read_text(encoding="utf-8")
        update = update_text(result, into, text, target)
    except PlanError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{into}: cannot be read: {exc.strerror or exc}")
    for notice in update.notices:
        error(f"{into}: {notice}")
    if not update.applied:
        click.echo(f"{into}: no changes; it already says what {document} says")
        sys.exit(EXIT_OK)
    verb = "would change" if dry_run else "changed"
    count = len(update.applied)
    click.echo(f"{into}: {verb} {count} value{'s' if count != 1 else ''}")
    for change in update.applied:
        click.echo(f"  {change}")
    if not dry_run:
        try:
            write(into, update.text)
        except OSError as exc:
            fail(f"{into}: cannot be written: {exc.strerror or exc}")
    sys.exit(EXIT_OK)


COMMANDS = [import_command]
