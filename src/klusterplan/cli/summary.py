"""``klusterplan summary``: the cluster's plans side by side, for its coordinator."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import click

from .. import export_summary, load_cluster
from .._catalogue.locale import system_language
from .._catalogue.messages import message, os_reason, shared_language
from .._cluster.export import SUMMARY_DATA_FORMAT
from .._model.followup import DEFAULT_WITHIN
from ..errors import PlanError
from ..model import Language
from ..plugins import Registry
from ._common import (
    EXIT_OK,
    EXIT_USAGE,
    error,
    fail,
    plans_language,
    reader_language,
    refuse_inputs,
    registry,
    report_failures,
    speaking,
)
from .export import _options, lang_option, large_print_option, option_option, template_option

__all__ = ["COMMANDS", "today_option", "within_option"]

today_option = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The day the follow-up is for (default: today).",
)
within_option = click.option(
    "--within",
    type=click.IntRange(min=0),
    default=DEFAULT_WITHIN,
    show_default=True,
    metavar="DAYS",
    help="How many days ahead count as due in the coming period.",
)


def day(value: _dt.datetime | None) -> _dt.date | None:
    """The date of a ``--today`` value."""
    return value.date() if value is not None else None


def _summary_format(
    format: str | None, output: Path | None, plugins: Registry, language: Language
) -> str:
    """The format to write: ``--to``, else the one ``output``'s suffix names, else data.

    A format that cannot draw the summary, or one that needs a file without
    ``-o``, ends the command.
    """
    documents = {
        e.extension: name for name, e in sorted(plugins.exporters().items()) if e.render is not None
    }
    if format is None:
        suffix = output.suffix.lower() if output is not None else ""
        # the longest suffix the name ends with: summary.ua.pdf is pdf-ua, not pdf
        name = output.name.lower() if output is not None else ""
        matches = sorted((s for s in documents if name.endswith(s)), key=len, reverse=True)
        if suffix == ".json" or output is None:
            format = SUMMARY_DATA_FORMAT
        elif matches:
            format = documents[matches[0]]
        else:
            shown = repr(suffix) if suffix else message("no_suffix", language)
            fail(message("summary_suffix", language, path=output, suffix=shown))
    if format != SUMMARY_DATA_FORMAT:
        try:
            exporter = plugins.exporter(format)
        except PlanError as exc:
            fail(f"--to: {exc.render(language)}")
        if exporter.render is None:
            able = ", ".join([*sorted(documents.values()), SUMMARY_DATA_FORMAT])
            fail(message("summary_data_format", language, format=format, able=able))
        if output is None:
            fail(message("summary_needs_output", language, format=format))
    return format


@click.command(name="summary")
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "--to",
    "format",
    metavar="FMT",
    help="docx, pdf, markdown, json or a plugin's document format (default: from -o's suffix).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; without it, json is printed.",
)
@today_option
@within_option
@lang_option
@large_print_option
@template_option
@option_option
def summary_command(
    plans: tuple[str, ...],
    format: str | None,
    output: Path | None,
    today: _dt.datetime | None,
    within: int,
    lang: Language | None,
    large_print: bool,
    template: Path | None,
    option: tuple[str, ...],
) -> None:
    """Summarise the plans of a cluster's libraries in one report.

    PLANS are plan files, folders of plans or patterns such as
    'plans/*.yaml'. The report puts the libraries side by side: the target
    groups each prioritised and chose for the campaign, the votes summed
    over the cluster, the actions by horizon and status with what is late
    and due, the tips worth sharing, each plan's rule findings and one
    evaluation table for the whole cluster.

    What is late and due is counted on --today. Without it, when every
    plan's period (such as 2010–2011) ended before today, the report gives
    the state at the period's end, and what was still open then as not done.

    A plan that cannot be loaded is listed in the report, which is still
    written; the command then exits with 2.

    The report and what the command says are in --lang, else in the plans'
    language when they share one, else in the system's.
    """
    language = plans_language(lang, plans)
    plugins = registry()
    format = _summary_format(format, output, plugins, language)
    refuse_inputs(output, [(template, "role_template")], language)
    try:
        cluster = load_cluster(plans)
    except PlanError as exc:
        fail(exc.render(language))
    refuse_inputs(output, [(m.source, "role_plan") for m in cluster.members], language)
    for member in cluster.failed:
        # in the language its file declares, as check tells it
        said = reader_language(lang, path=member.source)
        if member.error is not None:
            error(member.error.render(said))
        error(message("summary_not_loaded", said, source=member.source))
    loaded = [m.plan.language for m in cluster.members if m.plan is not None]
    language = speaking(shared_language(lang, loaded, system_language()))
    options = _options(lang, large_print, template, option, language)
    try:
        notices = export_summary(
            cluster,
            format,
            output if output is not None else sys.stdout.buffer,
            options,
            today=day(today),
            within=within,
            registry=plugins,
        )
    except PlanError as exc:
        fail(exc.render(language))
    except OSError as exc:
        fail(message("cannot_write", language, path=output, reason=os_reason(exc)))
    for notice in notices:
        error(str(notice))
    if output is not None:
        click.echo(message("wrote", language, path=output))
    report_failures(plugins)
    sys.exit(EXIT_USAGE if cluster.failed else EXIT_OK)


COMMANDS = [summary_command]
