"""``klusterplan check``: run the rule checks on plans, as ruff or flake8 do on code."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .._check import CheckResult, check_plan
from .._rule import Severity, UnknownCodeError
from ..config import ConfigError, Settings, load_settings, parse_severity
from ..errors import PlanError
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    error,
    fail,
    format_option,
    load_with_lines,
    registry,
    report_failures,
    say,
)

__all__ = ["ACCESSIBILITY_PREFIX", "COMMANDS", "JSON_VERSION", "split_codes"]

#: The rule family ``--accessibility`` selects.
ACCESSIBILITY_PREFIX = "KP7"
#: The version of the ``--format json`` structure; raised only for incompatible changes.
JSON_VERSION = 1

_SEVERITIES = [s.value for s in Severity]


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``("KP1,KP204", "KAL")`` → ``("KP1", "KP204", "KAL")``, upper-cased."""
    return tuple(c.strip().upper() for value in values for c in value.split(",") if c.strip())


def _severity_overrides(values: Iterable[str]) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for value in values:
        code, sep, level = value.partition("=")
        if not sep or not code.strip():
            fail(f"--severity {value!r}: write it as CODE=LEVEL, e.g. KP105=error")
        try:
            out[code.strip().upper()] = parse_severity(level.strip(), f"--severity {value}")
        except ConfigError as exc:
            fail(str(exc))
    return out


def _validate(option: str, codes: Iterable[str], known: Iterable[str]) -> None:
    known = list(known)
    for pattern in codes:
        if pattern != "ALL" and not any(code.startswith(pattern) for code in known):
            fail(str(UnknownCodeError(option, pattern)))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _summary(results: list[tuple[str, CheckResult]]) -> str:
    findings = [f for _, r in results for f in r.findings]
    suppressed = sum(len(r.suppressed) for _, r in results)
    plans = _plural(len(results), "plan")
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    if not findings:
        return f"{plans} checked: no findings{tail}."
    counts = ", ".join(
        _plural(sum(1 for f in findings if f.severity is s), s.value) for s in reversed(Severity)
    )
    return f"{plans} checked: {_plural(len(findings), 'finding')} ({counts}){tail}."


def _problems_json(exc: PlanError) -> list[dict[str, Any]]:
    return [{"path": p.path, "line": p.line, "message": p.message} for p in exc.problems]


def _json(entries: list[dict[str, Any]], failed: bool) -> str:
    findings = [f for e in entries for f in e["findings"]]
    summary: dict[str, Any] = {
        "plans": len(entries),
        "findings": len(findings),
        **{s.value: sum(1 for f in findings if f["severity"] == s.value) for s in Severity},
        "suppressed": sum(len(e["suppressed"]) for e in entries),
        "failed": failed,
    }
    return json.dumps(
        {"version": JSON_VERSION, "plans": entries, "summary": summary},
        ensure_ascii=False,
        indent=2,
    )


@click.command(name="check")
@click.argument("plans", nargs=-1, type=click.Path(dir_okay=False), required=True)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these rules: codes or prefixes, comma-separated (KP1,KAL101).",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these codes or prefixes.")
@click.option(
    "--severity",
    "severity",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Change a rule's severity, e.g. KP105=error (repeatable).",
)
@format_option("One line per finding, or the documented JSON structure.")
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES),
    default=None,
    help="Exit with 1 when a finding of this severity or worse remains [default: error].",
)
@click.option(
    "--accessibility",
    is_flag=True,
    help="Run the publishing checks (KP7xx): what keeps the exported documents from being "
    "accessible. With --select, both run.",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    help="A klusterplan.toml or pyproject.toml to use instead of searching for one.",
)
def check_command(
    plans: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
    output_format: str,
    fail_on: str | None,
    accessibility: bool,
    config: str | None,
) -> None:
    """Load each PLAN and run the rule checks on it.

    Settings come from `[tool.klusterplan]` in a pyproject.toml, or from a
    klusterplan.toml, found from each plan's folder upwards; options given
    here win. `klusterplan rules` lists the rules.

    Exit codes: 0 no finding at or above --fail-on, 1 such a finding
    remains, 2 a plan could not be loaded or an option or setting is wrong.
    """
    plugins = registry()
    known = plugins.rules()
    report_failures(plugins)  # the rules are gathered only now
    if any(f.fatal for f in plugins.failures):
        fail("klusterplan: the installed plugins claim the same rule codes; uninstall one of them")
    cli_select, cli_ignore = split_codes(select), split_codes(ignore)
    if accessibility:
        cli_select = (*cli_select, ACCESSIBILITY_PREFIX)
    cli_severity = _severity_overrides(severity)
    _validate("--select", cli_select, known)
    _validate("--ignore", cli_ignore, known)
    _validate("--severity", cli_severity, known)

    text = output_format == "text"
    results: list[tuple[str, CheckResult]] = []
    entries: list[dict[str, Any]] = []
    load_failed = findings_fail = False
    settings_cache: dict[Path | None, Settings] = {}
    for source in plans:
        try:
            settings = load_settings(source, config=config)
        except ConfigError as exc:
            fail(str(exc))
        settings = settings_cache.setdefault(settings.source, settings)
        where = str(settings.source) if settings.source else "settings"
        for key, codes in (("select", settings.select), ("ignore", settings.ignore)):
            _validate(f"{where}: {key}", codes, known)
        _validate(f"{where}: severity", settings.severity, known)
        try:
            # one parse gives the plan and the line of every key
            plan, lines = load_with_lines(source)
        except PlanError as exc:
            error(str(exc))
            load_failed = True
            entries.append(
                {
                    "path": source,
                    "loaded": False,
                    "problems": _problems_json(exc),
                    "findings": [],
                    "suppressed": [],
                }
            )
            continue
        level = Severity(fail_on) if fail_on else settings.fail_on
        try:
            result = check_plan(
                plan,
                select=cli_select or settings.select,
                ignore=cli_ignore or settings.ignore,
                severities={**settings.severity, **cli_severity},
                plugin_config=settings.plugins,
                registry=plugins,
                lines=lines,
            )
        except UnknownCodeError as exc:  # pragma: no cover - validated above
            fail(str(exc))
        results.append((source, result))
        if any(f.severity.rank >= level.rank for f in result.findings):
            findings_fail = True
        if text:
            for finding in result.findings:
                say(finding.render(source))
        entries.append(
            {
                "path": source,
                "loaded": True,
                "settings": str(settings.source) if settings.source else None,
                "fail_on": level.value,
                "findings": [f.to_json() for f in result.findings],
                "suppressed": [f.to_json() for f in result.suppressed],
            }
        )
    if text:
        if results:
            click.echo(_summary(results))
    else:
        click.echo(_json(entries, findings_fail))
    if load_failed:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if findings_fail else EXIT_OK)


COMMANDS = [check_command]
