"""``klusterplan plugins`` and ``klusterplan schema``: what is installed, and the format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._catalogue.messages import message, os_reason
from .._catalogue.text import in_language
from .._support.atomic import atomic_write
from ..model import Language
from ..plugins import get_registry
from ._common import fail, lang_option, plugin_source, reader_language

__all__ = ["COMMANDS"]


@click.command()
@lang_option
def plugins(lang: Language | None) -> None:
    """List every plugin with its exporters and rules, and where each comes from.

    The listing is in the system's language unless --lang says other; what a
    plugin says of its exporters is shown in that language when the plugin gives
    it, else as the plugin wrote it.
    """
    language = reader_language(lang)
    registry = get_registry()
    exporters = registry.exporters()
    rules = registry.rules()
    kinds = [message(key, language) for key in ("plugin_exporter", "plugin_rule")]
    width = max(len(kind) for kind in kinds) + 2
    exporter_kind, rule_kind = (f"{kind:<{width}}" for kind in kinds)
    for info in registry.plugins():
        click.echo(f"{info.name} ({plugin_source(info.source, language)})")
        for name, exporter in sorted(exporters.items()):
            if registry.exporter_plugin(name) == info.name:
                described = in_language(exporter.description, language)
                click.echo(f"  {exporter_kind}{name:<12} {described}")
        for code, (rule, plugin) in sorted(rules.items()):
            if plugin == info.name:
                click.echo(f"  {rule_kind}{code:<12} {rule.name} ({rule.severity.value})")
    for failure in registry.failures:
        click.echo(message("plugin_failed", language, failure=failure.render(language)))


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
