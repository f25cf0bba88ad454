"""``klusterplan plugins`` and ``klusterplan schema``: what is installed, and the format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._atomic import atomic_write
from ..plugins import get_registry
from ._common import fail

__all__ = ["COMMANDS"]


@click.command()
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


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of printing.",
)
def schema(output: Path | None) -> None:
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
        fail(f"{output}: cannot be written: {exc.strerror}")
    click.echo(f"wrote {output}")


COMMANDS = [plugins, schema]
