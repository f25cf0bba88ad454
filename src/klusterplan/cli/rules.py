"""``klusterplan rule``: list the rules, or explain one (``rules`` is the same command)."""

from __future__ import annotations

import json
import shutil
import sys

import click

from .. import enum_label
from .._catalogue.messages import message
from ..model import Language
from . import _markdown
from ._common import (
    fail,
    format_option,
    lang_option,
    plugin_source,
    reader_language,
    registry,
)

__all__ = ["COMMANDS"]


def _explain(code: str, output_format: str, language: Language) -> None:
    plugins = registry()
    rules = plugins.rules()
    sources = {info.name: info.source for info in plugins.plugins()}
    code = code.strip().upper()
    if code not in rules:
        import difflib

        close = difflib.get_close_matches(code, sorted(rules), n=1)
        hint = message("did_you_mean", language, value=repr(close[0])) if close else ""
        fail(message("no_rule", language, code=repr(code), hint=hint))
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
                    "lang": language.value,
                    "summary_text": rule.summary_in(language),
                    "explanation_text": rule.explanation_in(language),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    terminal = sys.stdout.isatty()
    width = min(shutil.get_terminal_size((88, 24)).columns, 88) if terminal else 88
    severity = enum_label(rule.severity, language)
    if language is Language.SV:
        level = f"allvarlighet: {severity}; insticksmodul: {plugin}"
    else:
        level = f"severity: {severity}; plugin: {plugin}"
    source = plugin_source(sources.get(plugin, ""), language)
    click.echo(f"{rule.code} {rule.name}")
    click.echo(f"{level} ({source})" if source else level)
    click.echo()
    click.echo(_markdown.render(rule.summary_in(language), width, terminal), nl=False)
    click.echo()
    click.echo(_markdown.render(rule.explanation_in(language), width, terminal), nl=False)


def _list(output_format: str, language: Language) -> None:
    rules = registry().rules()
    if output_format == "json":
        data = [
            {
                "code": c,
                "name": r.name,
                "severity": r.severity.value,
                "plugin": p,
                "summary": r.summary,
                "summary_text": r.summary_in(language),
            }
            for c, (r, p) in sorted(rules.items())
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r, _ in rules.values()), default=4)
    for c, (r, p) in sorted(rules.items()):
        click.echo(f"{c:<7} {r.name:<{width}}  {enum_label(r.severity, language):<7}  {p}")


def _command(name: str, hidden: bool) -> click.Command:
    @click.command(name=name, hidden=hidden)
    @click.argument("code", required=False)
    @click.option("--all", "list_all", is_flag=True, help="List every rule (as without CODE).")
    @format_option("Text for a terminal, or JSON for other programs.")
    @lang_option
    def command(
        code: str | None, list_all: bool, output_format: str, lang: Language | None
    ) -> None:
        """Explain the rule CODE, or list every rule (code, name, severity, plugin).

        The explanation is in the system's language unless --lang says other;
        `rules` is another name for this command.
        """
        language = reader_language(lang)
        output_format = output_format.lower()
        if code is not None and not list_all:
            _explain(code, output_format, language)
        else:
            _list(output_format, language)

    return command


COMMANDS = [_command("rule", hidden=False), _command("rules", hidden=True)]
