"""``klusterplan workbook``: write the workshop workbook, blank or pre-filled from a plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import _io
from .._export import export
from .._exporter import ExportOptions
from ..errors import ExportError, PlanError
from ..model import Language, Plan
from ._common import EXIT_FINDINGS, EXIT_OK, error, fail, registry, report_failures
from .export import lang_option, large_print_option, template_option

__all__ = ["COMMANDS"]


@click.command(name="workbook")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; its suffix chooses the format (.docx, .pdf, ...).",
)
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False),
    help="A plan whose answers fill the workbook; the rest is left to write by hand.",
)
@lang_option
@large_print_option
@template_option
def workbook(
    output: Path,
    source: str | None,
    lang: str | None,
    large_print: bool,
    template: Path | None,
) -> None:
    """Write the workshop workbook "Vårt biblioteks lokala målgrupper".

    Blank, it has room to write by hand under every point: the A/B lines, the
    ATT GÖRA tables, the dialogue-forum summary, the agenda and the cluster
    campaign. With --from, what the plan already says is printed instead, so
    a library can bring its half-finished plan to the next workshop.
    """
    plugins = registry()
    suffix = output.suffix.lower()
    able = {e.extension: name for name, e in plugins.exporters().items() if e.workbook}
    if suffix not in able:
        known = ", ".join(sorted(able)) or "none"
        fail(f"{output}: cannot write the workbook as {suffix or '(no suffix)'!r}; use: {known}")
    plan = Plan()
    if source is not None:
        try:
            plan = _io.load(source)
        except PlanError as exc:
            fail(str(exc))
    options = ExportOptions(
        language=Language(lang) if lang else None,
        large_print=large_print,
        template=template,
        workbook=True,
    )
    try:
        notices = export(plan, able[suffix], output, options, registry=plugins)
    except PlanError as exc:
        fail(str(exc))
    except ExportError as exc:
        error(f"{output}: {exc}")
        sys.exit(EXIT_FINDINGS)
    except OSError as exc:
        fail(f"{output}: cannot be written: {exc.strerror or exc}")
    for notice in notices:
        error(f"{source or output}: {notice}")
    click.echo(f"wrote {output}")
    report_failures(plugins)
    sys.exit(EXIT_OK)


COMMANDS = [workbook]
