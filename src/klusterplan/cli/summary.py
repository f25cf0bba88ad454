"""``klusterplan summary``: the cluster's plans side by side, for its coordinator."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import click

from .._cluster import load_cluster
from .._export import SUMMARY_DATA_FORMAT, export_summary
from .._followup import DEFAULT_WITHIN
from ..errors import PlanError
from ..model import Language
from ._common import EXIT_OK, EXIT_USAGE, error, fail, registry, report_failures
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

    A plan that cannot be loaded is listed in the report, which is still
    written; the command then exits with 2.
    """
    plugins = registry()
    documents = {
        e.extension: name for name, e in sorted(plugins.exporters().items()) if e.render is not None
    }
    if format is None:
        suffix = output.suffix.lower() if output is not None else ""
        if suffix == ".json" or output is None:
            format = SUMMARY_DATA_FORMAT
        elif suffix in documents:
            format = documents[suffix]
        else:
            fail(f"{output}: cannot tell the format from {suffix or '(no suffix)'!r}; give --to")
    if format != SUMMARY_DATA_FORMAT:
        try:
            exporter = plugins.exporter(format)
        except PlanError as exc:
            fail(f"--to: {exc}")
        if exporter.render is None:
            able = ", ".join([*sorted(documents.values()), SUMMARY_DATA_FORMAT])
            fail(f"--to {format}: writes one plan's data, not a summary; use one of: {able}")
        if output is None:
            fail(f"--to {format}: name the file to write with -o")
    try:
        cluster = load_cluster(plans)
    except PlanError as exc:
        fail(str(exc))
    for member in cluster.failed:
        error(f"{member.error}")
        error(f"{member.source}: could not be loaded; it is listed in the summary as such")
    options = _options(lang, large_print, template, option)
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
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot be written: {exc.strerror or exc}")
    for notice in notices:
        error(str(notice))
    if output is not None:
        click.echo(f"wrote {output}")
    report_failures(plugins)
    sys.exit(EXIT_USAGE if cluster.failed else EXIT_OK)


COMMANDS = [summary_command]
