"""``klusterplan plugins`` and ``klusterplan schema``: what is installed, and the format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import enum_label
from .._catalogue.messages import message, os_reason
from .._catalogue.text import in_language
from .._planfile.origin import origin_of
from .._support.atomic import atomic_write
from ..errors import PlanError
from ..model import Language, Plan
from ..plugins import Registry, get_registry
from ._common import fail, lang_option, load_plan, plugin_source, reader_language

__all__ = ["COMMANDS"]


@click.command()
@click.argument("plan", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "format",
    default="pdf",
    show_default=True,
    help="With PLAN: the format whose branding is shown.",
)
@lang_option
def plugins(plan: str | None, format: str, lang: Language | None) -> None:
    """List every plugin with its hooks, exporters and rules, and where each comes from.

    The last line says which plugins give a branding (logo, colours, footer),
    in the order they are asked; with PLAN, whose branding that plan gets. The
    listing is in the system's language unless --lang says other; what a
    plugin says of its exporters is shown in that language when the plugin gives
    it, else as the plugin wrote it.
    """
    registry = get_registry()
    chosen, format = _chosen(registry, plan, format, lang)
    language = reader_language(lang, chosen)
    exporters = registry.exporters()
    rules = registry.rules()
    kinds = [message(key, language) for key in ("plugin_hook", "plugin_exporter", "plugin_rule")]
    width = max(len(kind) for kind in kinds) + 2
    hook_kind, exporter_kind, rule_kind = (f"{kind:<{width}}" for kind in kinds)
    for info in registry.plugins():
        click.echo(f"{info.name} ({plugin_source(info.source, language)})")
        for hook in registry.hooks(info.name):
            click.echo(f"  {hook_kind}{hook}")
        for name, exporter in sorted(exporters.items()):
            if registry.exporter_plugin(name) == info.name:
                described = in_language(exporter.description, language)
                click.echo(f"  {exporter_kind}{name:<12} {described}")
        for code, (rule, plugin) in sorted(rules.items()):
            if plugin == info.name:
                severity = enum_label(rule.severity, language)
                click.echo(f"  {rule_kind}{code:<12} {rule.name} ({severity})")
    _branding(registry, chosen, format, language)
    for failure in registry.failures:
        click.echo(message("plugin_failed", language, failure=failure.render(language)))


def _branding(registry: Registry, plan: Plan | None, format: str, language: Language) -> None:
    """Which plugins give a branding; with a plan, the one it gets."""
    order = registry.branding_order()
    if plan is None:
        if order:
            click.echo(message("branding_order", language, plugins=", ".join(order)))
        else:
            click.echo(message("branding_none", language))
        return
    chosen = registry.branding_plugin(plan, format)
    plugin = chosen if chosen is not None else message("branding_own", language)
    source = origin_of(plan)
    shown = source.source if source is not None and source.source else "plan"
    click.echo(message("branding_for", language, plan=shown, format=format, plugin=plugin))


def _chosen(
    registry: Registry, path: str | None, format: str, lang: Language | None
) -> tuple[Plan | None, str]:
    """The plan and the format name ``klusterplan plugins PLAN --to FORMAT`` asks about."""
    if path is None:
        return None, format
    try:
        name = registry.format_name(format)
    except PlanError as exc:
        fail(f"--to: {exc.render(reader_language(lang, path=path))}")
    try:
        return load_plan(path, lang), name
    except PlanError as exc:
        fail(exc.render(reader_language(lang, path=path)))


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of printing.",
)
@lang_option
def schema(output: Path | None, lang: Language | None) -> None:
    """Print the JSON Schema of the plan format, for editors that validate as you type."""
    from ..schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with atomic_write(output) as stream:
            stream.write(text.encode("utf-8"))
    except OSError as exc:
        language = reader_language(lang)
        fail(message("cannot_write", language, path=output, reason=os_reason(exc)))
    click.echo(message("wrote", reader_language(lang), path=output))


COMMANDS = [plugins, schema]
