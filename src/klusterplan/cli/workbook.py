"""``klusterplan workbook``: write the workshop workbook, blank or pre-filled from a plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import ExportOptions, export, load
from .._catalogue.messages import message, os_reason
from ..errors import ExportError, PlanError
from ..model import Language, Plan
from ..plugins import Registry
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    error,
    fail,
    plans_language,
    reader_language,
    refuse_inputs,
    registry,
    report_failures,
)
from .export import lang_option, large_print_option, template_option

__all__ = ["COMMANDS"]


def _workbook_format(to: str | None, output: Path, plugins: Registry, language: Language) -> str:
    """The format to write the workbook in: ``--to``, else the one ``output``'s name ends with."""
    able: dict[str, str] = {}
    for name, exporter in plugins.exporters().items():
        if exporter.workbook:
            # the first format registered for a suffix keeps it (pdf, not pdf-ua, for .pdf)
            able.setdefault(exporter.extension.lower(), name)
    if to is not None:
        if to not in plugins.exporters():
            fail(
                message(
                    "workbook_unknown_format",
                    language,
                    format=repr(to),
                    able=", ".join(sorted(able.values())),
                )
            )
        if to not in able.values():
            fail(
                message(
                    "workbook_cannot", language, format=to, able=", ".join(sorted(able.values()))
                )
            )
        chosen = to
    else:
        # the longest suffix the name ends with: arbetsbok.ua.pdf is pdf-ua, not pdf
        name = output.name.lower()
        matches = sorted((s for s in able if name.endswith(s)), key=len, reverse=True)
        if not matches:
            known = ", ".join(sorted(able)) or message("none", language)
            suffix = (
                repr(output.suffix.lower()) if output.suffix else message("no_suffix", language)
            )
            fail(message("workbook_suffix", language, path=output, suffix=suffix, known=known))
        chosen = able[matches[0]]
    return chosen


@click.command(name="workbook")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; its suffix chooses the format (.docx, .pdf, .html, .ua.pdf ...).",
)
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False),
    help="A plan whose answers fill the workbook; the rest is left to write by hand.",
)
@click.option(
    "--to",
    "to",
    metavar="FMT",
    help="The format to write (default: chosen by the file's suffix).",
)
@lang_option
@large_print_option
@template_option
def workbook(
    output: Path,
    source: str | None,
    to: str | None,
    lang: Language | None,
    large_print: bool,
    template: Path | None,
) -> None:
    """Write the workshop workbook "Vårt biblioteks lokala målgrupper".

    Blank, it has room to write by hand under every point: the A/B lines, the
    ATT GÖRA tables, the dialogue-forum summary, the agenda and the cluster
    campaign. With --from, what the plan already says is printed instead, so
    a library can bring its half-finished plan to the next workshop.

    What the command says of itself is in --lang, else the language of the
    plan --from names, else the system's.
    """
    language = plans_language(lang, [source]) if source is not None else reader_language(lang)
    plugins = registry()
    chosen = _workbook_format(to, output, plugins, language)
    refuse_inputs(output, [(source, "role_from"), (template, "role_template")], language)
    plan = Plan()
    if source is not None:
        try:
            plan = load(source)
        except PlanError as exc:
            fail(exc.render(language))
        language = reader_language(lang, plan)
    options = ExportOptions(
        language=lang,
        large_print=large_print,
        template=template,
        workbook=True,
    )
    try:
        notices = export(plan, chosen, output, options, registry=plugins)
    except PlanError as exc:
        fail(exc.render(language))
    except ExportError as exc:
        error(f"{output}: {exc.render(language)}")
        sys.exit(EXIT_FINDINGS)
    except OSError as exc:
        fail(message("cannot_write", language, path=output, reason=os_reason(exc)))
    for notice in notices:
        error(f"{source or output}: {notice}")
    click.echo(message("wrote", language, path=output))
    report_failures(plugins)
    sys.exit(EXIT_OK)


COMMANDS = [workbook]
