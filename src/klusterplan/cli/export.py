"""``klusterplan export``: write plans in any registered format."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import click

from .._batch import ExportOutcome, plan_tasks, process_pool, run_tasks
from .._exporter import ExportOptions, unknown_settings
from .._io import example
from .._template import template_problem
from ..errors import ExportError, PlanError
from ..model import Language, Plan
from ..plugins import Registry
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    error,
    fail,
    lang_option,
    registry,
    report_failures,
)
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
    lang: Language | None, large_print: bool, template: Path | None, option: Iterable[str]
) -> ExportOptions:
    return ExportOptions(
        language=lang,
        large_print=large_print,
        template=template,
        settings=_settings(option),
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
    "-t",
    "--to",
    "formats",
    multiple=True,
    metavar="FMT[,FMT...]",
    help="The formats to write, in any case (docx or word, pdf, html ...); "
    "`klusterplan plugins` lists them. Without it, the suffix of -o FILE chooses.",
)
@click.option(
    "-o",
    "--output",
    "--output-dir",
    "output",
    metavar="FILE|DIR/|-",
    help="Where to write: a file (its suffix chooses the format without --to), - for "
    "standard output, or a folder (ending in /, existing, or for several plans or "
    "formats). Default: beside each plan; the current folder for --example.",
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
    output: str | None,
    jobs: int | None,
    lang: Language | None,
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
    wanted = []
    for fmt in _split_formats(formats):
        try:
            wanted.append(plugins.format_name(fmt))
        except PlanError as exc:
            fail(f"--to: {exc}")
    count = len(plans) + (1 if with_example else 0)
    output_dir, output_file = _destination(output, count, wanted, plugins)
    if output_file is not None and not wanted:
        wanted = [_format_of(output_file, plugins)]
    if not wanted:
        fail("--to: no format given; name one, e.g. --to docx, or write -o FILE.docx")
    options = _options(lang, large_print, template, option)
    _check_settings(plugins, wanted, options.settings)
    if template is not None:
        problem = template_problem(template)
        if problem:
            fail(f"--template {template}: {problem}")
    items: list[str | tuple[str, Plan]] = list(plans)
    if with_example:
        items.insert(0, ("example.yaml", example()))
    if output_file == "-":
        _to_stdout(items[0], wanted[0], options, plugins)
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"{output_dir}: cannot create the folder: {exc.strerror}")
    notes: list[str] = []
    try:
        tasks = plan_tasks(items, wanted, output_dir, options=options, note=notes.append)
    except PlanError as exc:
        fail(str(exc))
    if output_file is not None:
        # one plan, one format: the file is written where -o says, under that name
        tasks = [_to_file(task, output_file) for task in tasks]
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


def _looks_like_file(name: str, plugins: Registry) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(e.extension.lower()) for e in plugins.exporters().values())


def _destination(
    output: str | None, plans: int, formats: list[str], plugins: Registry
) -> tuple[Path | None, str | None]:
    """Where -o points: ``(folder, None)``, ``(None, file)`` or ``(None, "-")``.

    As in pandoc: a name ending in a separator, an existing folder, or several
    outputs make a folder; one output to a name with a suffix is that file; ``-``
    is standard output. A folder is never made under a file's name.
    """
    if output is None:
        return None, None
    outputs = plans * max(len(formats), 1)
    if output == "-":
        if outputs != 1:
            fail(
                f"-o -: standard output takes one file, but {_many(plans, len(formats))} "
                "were asked for; give one plan and one format, or name a folder"
            )
        if not formats:
            fail("-o -: say which format to write with --to, e.g. --to markdown")
        return None, "-"
    path = Path(output)
    is_folder = output.endswith(("/", os.sep)) or path.is_dir()
    if is_folder:
        return path, None
    if outputs > 1:
        if _looks_like_file(output, plugins) or path.suffix:
            fail(
                f"-o {output}: names a file, but {_many(plans, len(formats))} are written; "
                f"name a folder for them, e.g. -o {path.stem or 'out'}/"
            )
        return path, None
    if path.suffix or _looks_like_file(output, plugins):
        return None, output
    return path, None


def _many(plans: int, formats: int) -> str:
    files = plans * max(formats, 1)
    return (
        f"{files} files ({plans} plan{'s' if plans != 1 else ''} × "
        f"{formats} format{'s' if formats != 1 else ''})"
    )


def _format_of(output: str, plugins: Registry) -> str:
    """The format a file name's longest known suffix stands for (``.ua.pdf`` is pdf-ua)."""
    by_suffix: dict[str, str] = {}
    for name, exporter in plugins.exporters().items():
        by_suffix.setdefault(exporter.extension.lower(), name)
    lowered = output.lower()
    matches = sorted((s for s in by_suffix if lowered.endswith(s)), key=len, reverse=True)
    if not matches:
        known = ", ".join(sorted(by_suffix))
        fail(f"-o {output}: cannot tell the format from the name; use a suffix ({known}) or --to")
    return by_suffix[matches[0]]


def _to_file(task: Any, output: str) -> Any:
    fmt = task.targets[0][0]
    refused: tuple[tuple[str, str], ...] = ()
    if task.path is not None and Path(task.path).resolve() == Path(output).resolve():
        refused = ((output, f"{output}: is the plan being exported; name another file"),)
    return attrs.evolve(task, targets=((fmt, output),), refused=refused)


def _to_stdout(
    item: str | tuple[str, Plan], fmt: str, options: ExportOptions, plugins: Registry
) -> None:
    """Export one plan to standard output, as ``-o -`` asks; never returns."""
    import io

    from .. import _io
    from .._export import export

    try:
        source, plan = item if isinstance(item, tuple) else (item, _io.load(item))
        buffer = io.BytesIO()
        notices = export(plan, fmt, buffer, options, registry=plugins)
    except PlanError as exc:
        fail(str(exc))
    except ExportError as exc:
        error(str(exc))
        sys.exit(EXIT_FINDINGS)
    for notice in notices:
        error(f"{source}: {notice}")
    sys.stdout.flush()  # what was printed before goes first
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.buffer.flush()
    report_failures(plugins)
    sys.exit(EXIT_OK)


def _check_settings(plugins: Registry, formats: list[str], settings: Mapping[str, str]) -> None:
    """Refuse --option names no chosen exporter declares, listing those they do."""
    problem = unknown_settings([plugins.exporter(fmt) for fmt in formats], settings)
    if problem:
        fail(f"--option: {problem}")


COMMANDS = [export_command]
