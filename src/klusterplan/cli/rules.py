"""``klusterplan rules``: list the rules, or explain one."""

from __future__ import annotations

import json

import click

from ._common import fail, format_option, registry

__all__ = ["COMMANDS"]


@click.command(name="rules")
@click.argument("code", required=False)
@format_option("A table, or JSON for other programs.")
def rules_command(code: str | None, output_format: str) -> None:
    """List every rule (code, name, severity, plugin), or explain the rule CODE."""
    plugins = registry()
    rules = plugins.rules()
    sources = {info.name: info.source for info in plugins.plugins()}
    if code is not None:
        code = code.strip().upper()
        if code not in rules:
            fail(f"no rule has the code {code!r}; `klusterplan rules` lists them")
        rule, plugin = rules[code]
        if output_format == "json":
            click.echo(
                json.dumps(
                    {
                        "code": rule.code,
                        "name": rule.name,
                        "severity": rule.severity.value,
                        "plugin": plugin,
                        "summary": rule.summary,
                        "explanation": rule.explanation,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        click.echo(f"{rule.code} {rule.name}")
        click.echo(f"severity: {rule.severity.value}; plugin: {plugin} ({sources.get(plugin, '')})")
        click.echo()
        click.echo(rule.summary)
        click.echo()
        click.echo(rule.explanation)
        return
    if output_format == "json":
        data = [
            {
                "code": c,
                "name": r.name,
                "severity": r.severity.value,
                "plugin": p,
                "summary": r.summary,
            }
            for c, (r, p) in sorted(rules.items())
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r, _ in rules.values()), default=4)
    for c, (r, p) in sorted(rules.items()):
        click.echo(f"{c:<7} {r.name:<{width}}  {r.severity.value:<7}  {p}")


COMMANDS = [rules_command]
