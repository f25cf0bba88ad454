"""``klusterplan new``: start a plan file."""

from __future__ import annotations

import datetime
from importlib import resources
from pathlib import Path

import click

from .._catalogue.messages import message, os_reason
from .._planfile import io as _io
from .._planfile.formats import format_for_path
from .._support.atomic import atomic_write
from ..errors import PlanError
from ..model import Language
from ._common import fail, lang_option, reader_language

__all__ = ["COMMANDS"]


def _data(name: str) -> str:
    return (resources.files("klusterplan") / "data" / name).read_text(encoding="utf-8")


def starter_text(today: datetime.date | None = None) -> str:
    """The starter plan, its examples of dates and years taken from ``today``."""
    today = today or datetime.date.today()
    return (
        _data("starter.yaml")
        .replace("{today}", today.isoformat())
        .replace("{year}", str(today.year))
        .replace("{next_year}", str(today.year + 1))
    )


@click.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--example", is_flag=True, help="Write the filled example plan instead of a blank one."
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@lang_option
def new(plan: Path, example: bool, force: bool, lang: Language | None) -> None:
    """Start a new plan file: a commented starter plan, or the example.

    The starter plan is commented in Swedish, with every allowed value and an
    example under each list. The format follows the suffix (.yaml, .json,
    .toml); the comments survive in YAML only. What it says of itself is in
    the system's language unless --lang says other.
    """
    language = reader_language(lang)
    if plan.exists() and not force:
        fail(message("exists", language, path=plan))
    source = _data("example.yaml") if example else starter_text()
    try:
        fmt = format_for_path(plan)
        text = source if fmt == "yaml" else _io.dumps(_io.loads(source, "yaml"), fmt)
        with atomic_write(plan) as stream:
            stream.write(text.encode("utf-8"))
    except PlanError as exc:
        fail(exc.render(language))
    except OSError as exc:
        fail(message("cannot_write", language, path=plan, reason=os_reason(exc)))
    click.echo(message("wrote", language, path=plan))


COMMANDS = [new]
