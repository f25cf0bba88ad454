"""``klusterplan export``: write plans in any registered format."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from .._export import export
from .._exporter import ExportOptions
from ..errors import PlanError
from ..model import Language
from ._common import EXIT_OK, EXIT_USAGE, error, fail, load_all, registry, report_failures

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
@lang_option
@large_print_option
@template_option
@option_option
def export_command(
    plans: tuple[str, ...],
    with_example: bool,
    formats: tuple[str, ...],
    output_dir: Path | None,
    lang: str | None,
    large_print: bool,
    template: Path | None,
    option: tuple[str, ...],
) -> None:
    """Export each PLAN in each format; the output name comes from the plan's name.

    A plan with problems is reported, every problem with its path, and
    nothing is written for it; the other plans are still exported.
    """
    if not plans and not with_example:
        fail("name at least one plan file, or use --example")
    plugins = registry()
    wanted = _split_formats(formats)
    for fmt in wanted:
        try:
            plugins.exporter(fmt)
        except PlanError as exc:
            fail(f"--to: {exc}")
    options = _options(lang, large_print, template, option)
    loaded, failed = load_all(plans, with_example)
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"{output_dir}: cannot create the folder: {exc.strerror}")
    for source, plan in loaded:
        folder = output_dir or (Path(".") if source == "example.yaml" else Path(source).parent)
        for fmt in wanted:
            exporter = plugins.exporter(fmt)
            target = folder / (Path(source).stem + exporter.extension)
            if target.resolve() == Path(source).resolve():
                error(f"{target}: would overwrite the plan itself; use -o to write elsewhere")
                failed = True
                continue
            try:
                notices = export(plan, fmt, target, options, registry=plugins)
            except PlanError as exc:
                error(f"{source}: {exc}")
                failed = True
                continue
            except OSError as exc:
                error(f"{target}: cannot be written: {exc.strerror or exc}")
                failed = True
                continue
            for notice in notices:
                error(f"{source}: {notice}")
            click.echo(f"wrote {target}")
    report_failures(plugins)
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


COMMANDS = [export_command]
