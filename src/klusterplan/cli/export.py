"""``klusterplan export``: write plans in any registered format."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import click

from .._batch import ExportOutcome, plan_tasks, process_pool, run_tasks
from .._exporter import ExportOptions
from .._io import example
from .._template import template_problem
from ..errors import PlanError
from ..model import Language, Plan
from ._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, error, fail, registry, report_failures
from ._progress import reporter

__all__ = ["COMMANDS", "lang_option", "large_print_option", "option_option", "template_option"]


def _split_formats(values: Iterable[str]) -> list[str]:
    return [f.strip() for value in values for f in value.split(",") if f.strip()]


def _settings(values: Iterable[str]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for value in values:
        key, sep, setting = value.partition("=")
        if not sep or not key.strip():
            fail(f"--option {value!r}: write it as KEY=VALUE")
        settings[key.strip()] = setting
    return settings


def _options(
    lang: str | None, large_print: bool, template: Path | None, option: Iterable[str]
) -> ExportOptions:
    return ExportOptions(
        language=Language(lang) if lang else None,
        large_print=large_print,
        template=template,
        settings=_settings(option),
    )


lang_option = click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Language]),
    help="The reader's language (default: the plan's own).",
)
large_print_option = click.option(
    "--large-print", is_flag=True, help="Large print (storstil): body text of at least 16 pt."
)
template_option = click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A reference document whose styles and page set-up the export uses (Word).",
)
option_option = click.option(
    "--option",
    multiple=True,
    metavar="KEY=VALUE",
    help="A setting for a plugin exporter; repeatable.",
)


def _default_jobs() -> int:
    counter = getattr(os, "process_cpu_count", None) or os.cpu_count
    return max(counter() or 1, 1)


def _summary(outcomes: list[ExportOutcome], seconds: float) -> str:
    failed = sum(1 for o in outcomes if not o.ok)
    files = sum(len(o.written) for o in outcomes)
    plans = f"{len(outcomes)} plan{'s' if len(outcomes) != 1 else ''}"
    return (
        f"{plans}: {len(outcomes) - failed} exported, {failed} failed; "
        f"{files} file{'s' if files != 1 else ''} written in {seconds:.1f} s."
    )


@click.command(name="export")
@click.argument("plans", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--example", "with_example", is_flag=True, help="Export the built-in example plan too."
)
@click.option(
    "--to",
    "formats",
    multiple=True,
    required=True,
    metavar="FMT[,FMT...]",
    help="The formats to write; `klusterplan plugins` lists them.",
)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write to (default: beside each plan; the current folder for --example).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="How many plans to export at once, each in a process of its own "
    "[default: the number of CPUs].",
)
@lang_option
@large_print_option
@template_option
@option_option
def export_command(
    plans: tuple[str, ...],
    with_example: bool,
    formats: tuple[str, ...],
    output_dir: Path | None,
    jobs: int | None,
    lang: str | None,
    large_print: bool,
    template: Path | None,
    option: tuple[str, ...],
) -> None:
    """Export each PLAN in each format; the output name comes from the plan's file name.

    Many plans are exported in parallel (--jobs); on a terminal a progress bar
    shows how far the run has come. A plan with problems is reported, every
    problem with its path, and nothing is written for it; the other plans are
    still exported. Two plans whose output names would collide never
    overwrite each other: the later one gets a suffix, with a note.

    Exit codes: 0 every file written, 1 an exporter or a worker failed, 2 a
    plan could not be read or has mistakes, or an option is wrong.
    """
    if not plans and not with_example:
        fail("name at least one plan file, or use --example")
    plugins = registry()
    wanted = _split_formats(formats)
    if not wanted:
        fail("--to: no format given; name at least one, e.g. --to docx,pdf")
    for fmt in wanted:
        try:
            plugins.exporter(fmt)
        except PlanError as exc:
            fail(f"--to: {exc}")
    options = _options(lang, large_print, template, option)
    if template is not None:
        problem = template_problem(template)
        if problem:
            fail(f"--template {template}: {problem}")
    items: list[str | tuple[str, Plan]] = list(plans)
    if with_example:
        items.insert(0, ("example.yaml", example()))
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"{output_dir}: cannot create the folder: {exc.strerror}")
    notes: list[str] = []
    tasks = plan_tasks(items, wanted, output_dir, options=options, note=notes.append)
    for note in notes:
        error(note)
    jobs = min(jobs or _default_jobs(), len(tasks))
    started = time.monotonic()
    with reporter(len(tasks)) as shown:
        outcomes = run_tasks(
            tasks,
            on_result=shown.outcome,
            new_executor=(lambda: process_pool(jobs)) if jobs > 1 else None,
        )
    if len(outcomes) > 1 or any(not o.ok for o in outcomes):
        error(_summary(outcomes, time.monotonic() - started))
    report_failures(plugins)
    if any(o.bad_input for o in outcomes):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if any(not o.ok for o in outcomes) else EXIT_OK)


COMMANDS = [export_command]
