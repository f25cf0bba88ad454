"""The ``klusterplan`` command.

Exit codes: 0 all is well, 1 a plan has errors, 2 bad input or usage. A
user's mistake is reported as a message naming the file and the key's path,
never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import NoReturn

import click

from . import _io
from ._atomic import atomic_write
from ._formats import format_for_path
from .check import Severity, check
from .errors import PlanError
from .export import ExportOptions, export
from .model import Language, Plan
from .plugins import Registry, get_registry

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    click.echo(message, err=True)


def _fail(message: str) -> NoReturn:
    _error(message)
    sys.exit(EXIT_USAGE)


def _registry() -> Registry:
    """The plugin registry, after reporting plugins that failed."""
    registry = get_registry()
    _report_failures(registry)
    return registry


_reported: set[str] = set()


def _report_failures(registry: Registry) -> None:
    for failure in registry.failures:
        text = f"klusterplan: warning: {failure}"
        if text not in _reported:
            _reported.add(text)
            _error(text)


def _load_all(paths: Sequence[str], with_example: bool) -> tuple[list[tuple[str, Plan]], bool]:
    """Load every plan, reporting each that fails; returns the loaded and whether any failed."""
    plans: list[tuple[str, Plan]] = []
    failed = False
    if with_example:
        plans.append(("example.yaml", _io.example()))
    for path in paths:
        try:
            plans.append((path, _io.load(path)))
        except PlanError as exc:
            _error(str(exc))
            failed = True
    return plans, failed


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="klusterplan", prog_name="klusterplan")
def main() -> None:
    """Plan a public library's local communication work.

    A plan is a YAML, JSON or TOML file that follows the workbook "Vårt
    biblioteks lokala målgrupper". Start one with `klusterplan new`, check
    it with `klusterplan check` and export it with `klusterplan export`.
    """


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--example", is_flag=True, help="Write the filled example plan instead of a blank one."
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def new(plan: Path, example: bool, force: bool) -> None:
    """Start a new plan file: a commented starter plan, or the example.

    The format follows the suffix (.yaml, .json, .toml); the comments of the
    starter plan survive in YAML only.
    """
    if plan.exists() and not force:
        _fail(f"{plan}: already exists; choose another name or add --force to overwrite it")
    try:
        fmt = format_for_path(plan)
        if fmt == "yaml":
            name = "example.yaml" if example else "starter.yaml"
            text = (resources.files("klusterplan") / "data" / name).read_text(encoding="utf-8")
        else:
            source = _io.example_text() if example else _starter_text()
            text = _io.dumps(_io.loads(source, "yaml"), fmt)
        with atomic_write(plan) as stream:
            stream.write(text.encode("utf-8"))
    except PlanError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{plan}: cannot be written: {exc.strerror}")
    click.echo(f"wrote {plan}")


def _starter_text() -> str:
    return (resources.files("klusterplan") / "data" / "starter.yaml").read_text(encoding="utf-8")


def _split_formats(values: Iterable[str]) -> list[str]:
    return [f.strip() for value in values for f in value.split(",") if f.strip()]


def _settings(values: Iterable[str]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for value in values:
        key, sep, setting = value.partition("=")
        if not sep or not key.strip():
            _fail(f"--option {value!r}: write it as KEY=VALUE")
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


_lang_option = click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Language]),
    help="The reader's language (default: the plan's own).",
)
_large_print_option = click.option(
    "--large-print", is_flag=True, help="Large print (storstil): body text of at least 16 pt."
)
_template_option = click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A reference document whose styles and page set-up the export uses (Word).",
)
_option_option = click.option(
    "--option",
    multiple=True,
    metavar="KEY=VALUE",
    help="A setting for a plugin exporter; repeatable.",
)


@main.command(name="export")
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
@_lang_option
@_large_print_option
@_template_option
@_option_option
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
        _fail("name at least one plan file, or use --example")
    registry = _registry()
    wanted = _split_formats(formats)
    for fmt in wanted:
        try:
            registry.exporter(fmt)
        except PlanError as exc:
            _fail(f"--to: {exc}")
    options = _options(lang, large_print, template, option)
    loaded, failed = _load_all(plans, with_example)
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(f"{output_dir}: cannot create the folder: {exc.strerror}")
    for source, plan in loaded:
        folder = output_dir or (Path(".") if source == "example.yaml" else Path(source).parent)
        for fmt in wanted:
            exporter = registry.exporter(fmt)
            target = folder / (Path(source).stem + exporter.extension)
            if target.resolve() == Path(source).resolve():
                _error(f"{target}: would overwrite the plan itself; use -o to write elsewhere")
                failed = True
                continue
            try:
                notices = export(plan, fmt, target, options, registry=registry)
            except PlanError as exc:
                _error(f"{source}: {exc}")
                failed = True
                continue
            except OSError as exc:
                _error(f"{target}: cannot be written: {exc.strerror or exc}")
                failed = True
                continue
            for notice in notices:
                _error(f"{source}: {notice}")
            click.echo(f"wrote {target}")
    _report_failures(registry)
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@main.command(name="check")
@click.argument("plans", nargs=-1, type=click.Path(dir_okay=False), required=True)
def check_command(plans: tuple[str, ...]) -> None:
    """Load each PLAN and run the rule checks on it.

    Problems that stop a plan from loading exit with 2; findings of
    severity error exit with 1.
    """
    registry = _registry()
    loaded, failed = _load_all(plans, False)
    worst = 0
    for source, plan in loaded:
        findings = check(plan, registry=registry)
        for f in findings:
            click.echo(f"{source}: {f.code} {f.severity.value} {f.path}: {f.message}")
            worst = max(worst, f.severity.rank)
        if not findings:
            click.echo(f"{source}: no findings")
    if failed:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if worst >= Severity.ERROR.rank else EXIT_OK)


@main.command()
def plugins() -> None:
    """List every plugin with its exporters and rules, and where each comes from."""
    registry = get_registry()
    exporters = registry.exporters()
    rules = registry.rules()
    for info in registry.plugins():
        click.echo(f"{info.name} ({info.source})")
        for name, exporter in sorted(exporters.items()):
            if registry.exporter_plugin(name) == info.name:
                click.echo(f"  exporter  {name:<12} {exporter.description}")
        for code, (rule, plugin) in sorted(rules.items()):
            if plugin == info.name:
                click.echo(f"  rule      {code:<12} {rule.name} ({rule.severity.value})")
    for failure in registry.failures:
        click.echo(f"failed: {failure}")


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of printing.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the plan format, for editors that validate as you type."""
    from .schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with atomic_write(output) as stream:
            stream.write(text.encode("utf-8"))
    except OSError as exc:
        _fail(f"{output}: cannot be written: {exc.strerror}")
    click.echo(f"wrote {output}")
