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

from .. import ExportOptions, ExportOutcome, example, load
from .._catalogue.locale import system_language
from .._catalogue.messages import count, decimal, message, os_reason, shared_language, text
from .._catalogue.text import in_language
from .._export.batch import Task, plan_tasks, pool_context, process_pool, run_tasks
from .._export.contain import DEFAULT_HOOK_TIMEOUT
from .._export.worker import PluginWorker
from .._extension.exporter import unknown_settings
from .._support.atomic import is_one_of
from .._word.template import template_problem
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
    plans_language,
    refuse_inputs,
    registry,
    report_failures,
    speaking,
)
from ._progress import reporter

__all__ = ["COMMANDS", "lang_option", "large_print_option", "option_option", "template_option"]


def _split_formats(values: Iterable[str]) -> list[str]:
    return [f.strip() for value in values for f in value.split(",") if f.strip()]


def _settings(values: Iterable[str], language: Language) -> dict[str, str]:
    settings: dict[str, str] = {}
    for value in values:
        key, sep, setting = value.partition("=")
        if not sep or not key.strip():
            fail(message("option_syntax", language, value=repr(value)))
        settings[key.strip()] = setting
    return settings


def _options(
    lang: Language | None,
    large_print: bool,
    template: Path | None,
    option: Iterable[str],
    language: Language,
) -> ExportOptions:
    """The export options; ``language`` is the one mistakes in them are told in."""
    return ExportOptions(
        language=lang,
        large_print=large_print,
        template=template,
        settings=_settings(option, language),
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


def _summary(outcomes: list[ExportOutcome], seconds: float, language: Language) -> str:
    """``3 plans: 3 exported, 0 failed; 6 files written in 1.2 s.``, or in Swedish."""
    failed = sum(1 for o in outcomes if not o.ok)
    exported = len(outcomes) - failed
    files = sum(len(o.written) for o in outcomes)
    return message(
        "batch_summary",
        language,
        plans=count(len(outcomes), "plan", language),
        exported=message(
            "exported_one" if exported == 1 else "exported_many", language, n=exported
        ),
        failed=message("failed_count", language, n=failed),
        files=message(
            "written_one" if files == 1 else "written_many",
            language,
            files=count(files, "file", language),
        ),
        seconds=decimal(seconds, language),
    )


def _wanted_formats(formats: tuple[str, ...], plugins: Registry, language: Language) -> list[str]:
    """The formats ``--to`` names, each once, by the names their exporters have."""
    wanted = []
    for fmt in _split_formats(formats):
        try:
            name = plugins.format_name(fmt)
        except PlanError as exc:
            fail(f"--to: {exc.render(language)}")
        if name not in wanted:  # md, markdown and MD are one format, written once
            wanted.append(name)
    return wanted


def _tasks(
    items: list[str | tuple[str, Plan]],
    wanted: list[str],
    output_dir: Path | None,
    output_file: str | None,
    options: ExportOptions,
    hook_timeout: float,
    language: Language,
) -> list[Task]:
    """The run's tasks, their output folder made; the notes on their names are printed."""
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = os_reason(exc)
            fail(message("cannot_make_folder", language, path=output_dir, reason=reason))
    notes: list[str] = []
    try:
        tasks = plan_tasks(
            items,
            wanted,
            output_dir,
            options=options,
            note=notes.append,
            hook_timeout=hook_timeout or None,
        )
    except PlanError as exc:
        fail(exc.render(language))
    if output_file is not None:
        # one plan, one format: the file is written where -o says, under that name
        tasks = [_to_file(task, output_file) for task in tasks]
    # one run speaks one language: every plan is told of in the run's
    tasks = [attrs.evolve(task, speak=language) for task in tasks]
    for note in notes:
        error(in_language(note, language))
    return tasks


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
@click.option(
    "--hook-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_HOOK_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="How long one plugin hook (a renderer, branding) may run before that format "
    "fails; 0: no limit.",
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
    hook_timeout: float,
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

    --lang is the language of the documents and of what the command says:
    without it each plan is exported in its own language, and the command
    speaks one language for the whole run: the plans' when they share one,
    else the system's.
    """
    bundled = example() if with_example else None
    language = plans_language(lang, plans, [bundled.language] if bundled is not None else [])
    if not plans and not with_example:
        fail(message("need_plan", language))
    total = len(plans) + (1 if with_example else 0)
    if total > 1 and (jobs or _default_jobs()) > 1 and output != "-":
        pool_context()  # the pool's fork server starts beside the command's own work
    plugins = registry()
    wanted = _wanted_formats(formats, plugins, language)
    output_dir, output_file = _destination(output, total, wanted, plugins, language)
    if output_file is not None and not wanted:
        wanted = [_format_of(output_file, plugins, language)]
    if not wanted:
        fail(message("no_format", language))
    options = _options(lang, large_print, template, option, language)
    _check_settings(plugins, wanted, options.settings, language)
    if output_file is not None:
        refuse_inputs(output_file, [(template, "role_template")], language)
    if template is not None:
        problem = template_problem(template)
        if problem:
            fail(f"--template {template}: {in_language(problem, language)}")
    items: list[str | tuple[str, Plan]] = list(plans)
    if bundled is not None:
        items.insert(0, ("example.yaml", bundled))
    if output_file == "-":
        _to_stdout(items[0], wanted[0], options, plugins, language, hook_timeout or None)
    tasks = _tasks(items, wanted, output_dir, output_file, options, hook_timeout, language)
    jobs = min(jobs or _default_jobs(), len(tasks))
    started = time.monotonic()
    report_failures(plugins)  # what failed before any plan ran
    with reporter(len(tasks), language) as shown:
        outcomes = run_tasks(
            tasks,
            on_result=shown.outcome,
            new_executor=(lambda: process_pool(jobs)) if jobs > 1 else None,
            # an installed plugin's format runs in a worker process even here: a renderer
            # that ends its process then fails its format, not the run with exit code 0
            contain=True,
        )
    if len(outcomes) > 1 or any(not o.ok for o in outcomes):
        # the plans' own language, now that each has been read
        language = speaking(
            shared_language(lang, [o.language for o in outcomes], system_language())
        )
        error(_summary(outcomes, time.monotonic() - started, language))
    # a hook that failed while a plan ran is in that plan's notices, already printed
    report_failures(plugins, show=False)
    if any(o.bad_input for o in outcomes):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if any(not o.ok for o in outcomes) else EXIT_OK)


def _looks_like_file(name: str, plugins: Registry) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(e.extension.lower()) for e in plugins.exporters().values())


def _destination(
    output: str | None, plans: int, formats: list[str], plugins: Registry, language: Language
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
            fail(message("stdout_one", language, many=_many(plans, len(formats), language)))
        if not formats:
            fail(message("stdout_format", language))
        return None, "-"
    path = Path(output)
    is_folder = output.endswith(("/", os.sep)) or path.is_dir()
    if is_folder:
        return path, None
    if outputs > 1:
        if _looks_like_file(output, plugins) or path.suffix:
            fail(
                message(
                    "names_file",
                    language,
                    output=output,
                    many=_many(plans, len(formats), language),
                    folder=path.stem or "out",
                )
            )
        return path, None
    if path.suffix or _looks_like_file(output, plugins):
        return None, output
    return path, None


def _many(plans: int, formats: int, language: Language) -> str:
    """``4 files (2 plans × 2 formats)``, or in Swedish."""
    return message(
        "many_files",
        language,
        files=count(plans * max(formats, 1), "file", language),
        plans=count(plans, "plan", language),
        formats=count(formats, "format", language),
    )


def _format_of(output: str, plugins: Registry, language: Language) -> str:
    """The format a file name's longest known suffix stands for (``.ua.pdf`` is pdf-ua)."""
    by_suffix: dict[str, str] = {}
    for name, exporter in plugins.exporters().items():
        by_suffix.setdefault(exporter.extension.lower(), name)
    lowered = output.lower()
    matches = sorted((s for s in by_suffix if lowered.endswith(s)), key=len, reverse=True)
    if not matches:
        known = ", ".join(sorted(by_suffix))
        fail(message("format_from_name", language, output=output, known=known))
    return by_suffix[matches[0]]


def _to_file(task: Any, output: str) -> Any:
    fmt = task.targets[0][0]
    refused: tuple[tuple[str, str], ...] = ()
    if task.path is not None and is_one_of(output, [task.path]):
        refused = ((output, text("is_the_plan", path=output)),)
    return attrs.evolve(task, targets=((fmt, output),), refused=refused)


def _to_stdout(
    item: str | tuple[str, Plan],
    fmt: str,
    options: ExportOptions,
    plugins: Registry,
    language: Language,
    hook_timeout: float | None,
) -> None:
    """Export one plan to standard output, as ``-o -`` asks; never returns."""
    import io

    try:
        source, plan = item if isinstance(item, tuple) else (item, load(item))
        buffer = io.BytesIO()
        with PluginWorker(plugins) as worker:  # as for a file: a plugin's format in a worker
            notices = worker.export(plan, fmt, buffer, options, hook_timeout=hook_timeout)
    except PlanError as exc:
        fail(exc.render(language))
    except ExportError as exc:
        error(exc.render(language))
        sys.exit(EXIT_FINDINGS)
    for notice in notices:
        error(f"{source}: {notice}")
    sys.stdout.flush()  # what was printed before goes first
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.buffer.flush()
    report_failures(plugins)
    sys.exit(EXIT_OK)


def _check_settings(
    plugins: Registry, formats: list[str], settings: Mapping[str, str], language: Language
) -> None:
    """Refuse --option names no chosen exporter declares, listing those they do."""
    problem = unknown_settings([plugins.exporter(fmt) for fmt in formats], settings)
    if problem:
        fail(f"--option: {in_language(problem, language)}")


COMMANDS = [export_command]
