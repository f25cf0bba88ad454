"""``klusterplan check``: run the rule checks on plans, as ruff or flake8 do on code."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from .. import CheckResult, Finding, Severity, UnknownCodeError, check_plan
from .._catalogue.messages import message
from ..config import ConfigError, Settings, load_settings, parse_severity
from ..errors import PlanError
from ..model import Language
from . import _report
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    error,
    fail,
    format_option,
    lang_option,
    load_with_lines,
    plans_language,
    reader_language,
    registry,
    report_failures,
    say,
)

if TYPE_CHECKING:
    from .. import Rule
    from .._planfile.formats import LineMap
    from ..model import Plan
    from ..plugins import Registry

__all__ = ["ACCESSIBILITY_PREFIX", "COMMANDS", "JSON_VERSION", "split_codes"]

#: The rule family ``--accessibility`` selects.
ACCESSIBILITY_PREFIX = "KP7"
#: The version of the ``--format json`` structure; raised only for incompatible changes.
JSON_VERSION = 1
#: How many findings the text output shows before it says how many more there are.
SHOWN = 10

_SEVERITIES = [s.value for s in Severity]


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``("KP1,KP204", "KAL")`` → ``("KP1", "KP204", "KAL")``, upper-cased."""
    return tuple(c.strip().upper() for value in values for c in value.split(",") if c.strip())


def _severity_overrides(values: Iterable[str], language: Language) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for value in values:
        code, sep, level = value.partition("=")
        if not sep or not code.strip():
            fail(message("severity_syntax", language, value=repr(value)))
        try:
            out[code.strip().upper()] = parse_severity(level.strip(), f"--severity {value}")
        except ConfigError as exc:
            fail(exc.render(language))
    return out


def _validate(option: str, codes: Iterable[str], known: Iterable[str], language: Language) -> None:
    known = list(known)
    for pattern in codes:
        if pattern != "ALL" and not any(code.startswith(pattern) for code in known):
            fail(UnknownCodeError(option, pattern, known).render(language))


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
    import json

    return json.dumps(
        {"version": JSON_VERSION, "plans": entries, "summary": summary},
        ensure_ascii=False,
        indent=2,
    )


@attrs.frozen
class _Chosen:
    """What the command's options choose; each wins over what the settings say."""

    select: tuple[str, ...]
    extend: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: dict[str, Severity]
    fail_on: str | None

    def validate(self, known: Iterable[str], told: Language) -> None:
        """End the command if an option names a rule code no rule has."""
        for option, codes in (
            ("--select", self.select),
            ("--extend-select", self.extend),
            ("--ignore", self.ignore),
            ("--severity", self.severity),
        ):
            _validate(option, codes, known, told)

    def shown(self, settings: Settings) -> dict[str, Any]:
        """The settings a plan is checked with, after the options: what --show-settings prints."""
        return {
            "settings_file": str(settings.source) if settings.source else None,
            "select": list(self.select or settings.select),
            "extend-select": list(self.extend or settings.extend_select),
            "ignore": list(self.ignore or settings.ignore),
            "fail-on": self.level(settings).value,
            "severity": {k: v.value for k, v in {**settings.severity, **self.severity}.items()},
            "plugins": {k: dict(v) for k, v in settings.plugins.items()},
        }

    def level(self, settings: Settings) -> Severity:
        """The severity from which a finding fails the check."""
        return Severity(self.fail_on) if self.fail_on else settings.fail_on

    def check(
        self, plan: Plan, lines: LineMap, settings: Settings, plugins: Registry, told: Language
    ) -> CheckResult:
        """Check ``plan`` with these choices over ``settings``."""
        try:
            return check_plan(
                plan,
                select=self.select or settings.select,
                extend_select=self.extend or settings.extend_select,
                ignore=self.ignore or settings.ignore,
                severities={**settings.severity, **self.severity},
                plugin_config=settings.plugins,
                registry=plugins,
                lines=lines,
            )
        except UnknownCodeError as exc:  # pragma: no cover - validated above
            fail(exc.render(told))


def _tell_findings(
    source: str,
    findings: list[Finding],
    output_format: str,
    show_all: bool,
    language: Language,
) -> None:
    """Tell the findings of one plan as they come, in the formats that stream."""
    if output_format == "text":
        _print_text(source, findings, language, show_all)
    elif output_format == "github":
        for annotation in _report.github_lines(source, findings, language):
            say(annotation)


def _print_sarif(
    results: list[tuple[str, CheckResult]],
    failed: list[tuple[str, list[tuple[int | None, str]]]],
    known: Mapping[str, tuple[Rule, str]],
    language: Language,
) -> None:
    """The SARIF log of the run."""
    from .. import __version__

    log = _report.sarif_log(
        [(source, r.findings) for source, r in results], failed, known, language, __version__
    )
    click.echo(_report.dumps(log))


def _rule_registry(told: Language) -> Registry:
    """The plugins, their rules gathered; rule codes two plugins claim end the command."""
    plugins = registry()
    plugins.rules()
    report_failures(plugins)  # the rules are gathered only now
    fatal = [f for f in plugins.failures if f.fatal]
    if fatal:
        # each failure was told above; the last line says why the check stops
        fail(message("own_prefix_stop" if all(f.reserved for f in fatal) else "same_codes", told))
    return plugins


def _failed_entry(source: str, exc: PlanError) -> dict[str, Any]:
    """The JSON report's entry for a plan that did not load."""
    return {
        "path": source,
        "loaded": False,
        "problems": _problems_json(exc),
        "findings": [],
        "suppressed": [],
    }


def _checked_entry(
    source: str, result: CheckResult, settings: Settings, level: Severity, language: Language
) -> dict[str, Any]:
    """The JSON report's entry for a plan checked."""
    return {
        "path": source,
        "loaded": True,
        "settings": str(settings.source) if settings.source else None,
        "fail_on": level.value,
        "lang": language.value,
        "findings": [f.to_json(language) for f in result.findings],
        "suppressed": [f.to_json(language) for f in result.suppressed],
        "plugins": list(result.plugins),
    }


def _settings(source: str, config: str | None, told: Language) -> Settings:
    """The settings that hold for the plan ``source``; a wrong settings file ends the command."""
    try:
        return load_settings(source, config=config)
    except ConfigError as exc:
        fail(exc.render(told))


def _validate_settings(settings: Settings, known: Iterable[str], told: Language) -> None:
    """End the command if ``settings`` name a rule code no rule has."""
    where = str(settings.source) if settings.source else "settings"
    for key, codes in (
        ("select", settings.select),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
    ):
        _validate(f"{where}: {key}", codes, known, told)
    _validate(f"{where}: severity", settings.severity, known, told)


def _tell_load_failure(
    source: str, exc: PlanError, output_format: str, language: Language
) -> list[tuple[int | None, str]]:
    """Tell why ``source`` did not load; return each problem's line and text."""
    # the line goes in the annotation's or the log's own field, not in the text
    located = [(p.line, attrs.evolve(p, line=None).render(None, language)) for p in exc.problems]
    if output_format == "github":
        for number, problem in located:
            say(_report.github_problem(source, number, problem))
    else:
        error(exc.render(language))
    return located


def _print_summary(results: list[tuple[str, CheckResult]], language: Language) -> None:
    """The last lines of a text report: plugins' rules that ran, and the count of findings."""
    if not results:
        return
    findings = [f for _, r in results for f in r.findings]
    suppressed = sum(len(r.suppressed) for _, r in results)
    # an installed plugin's rules change the result: say so, as a script's result does;
    # the summary stays the last line
    added = {p: None for _, r in results for p in r.added_by_plugins}
    if added:
        click.echo(message("rules_from_plugins", language, plugins=", ".join(added)))
    click.echo(_report.summary_line(len(results), findings, suppressed, language))


@click.command(name="check")
@click.argument("plans", nargs=-1, type=click.Path(dir_okay=False), required=True)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these rules: codes or prefixes, comma-separated (KP1,KAL101).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    help="Run these rules too, beside those --select or the settings choose.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these codes or prefixes.")
@click.option(
    "--severity",
    "severity",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Change a rule's severity, e.g. KP105=error (repeatable).",
)
@format_option(
    "text: one line per finding; json: the documented structure; github: annotations "
    "for GitHub Actions; sarif: SARIF 2.1.0 for code scanning.",
    ("text", "json", "github", "sarif"),
)
@lang_option
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"Show every finding; without it the text output shows the {SHOWN} most important "
    "first and counts the rest.",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the settings each plan would be checked with (file, rules, severities) and exit.",
)
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES, case_sensitive=False),
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
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
    output_format: str,
    lang: Language | None,
    show_all: bool,
    show_settings: bool,
    fail_on: str | None,
    accessibility: bool,
    config: str | None,
) -> None:
    """Load each PLAN and run the rule checks on it.

    Settings come from `[tool.klusterplan]` in a pyproject.toml, or from a
    klusterplan.toml, found from each plan's folder upwards; options given
    here win (--show-settings prints the result). `klusterplan rule` lists
    the rules. Messages are in the plan's language unless --lang says other.

    Exit codes: 0 no finding at or above --fail-on, 1 such a finding
    remains, 2 a plan could not be loaded or an option or setting is wrong.
    """
    # mistakes in the options are told in the plans' language (they all share it) or the system's
    told = plans_language(lang, plans)
    plugins = _rule_registry(told)
    known = plugins.rules()
    chosen = _Chosen(
        select=(*split_codes(select), *([ACCESSIBILITY_PREFIX] if accessibility else [])),
        extend=split_codes(extend_select),
        ignore=split_codes(ignore),
        severity=_severity_overrides(severity, told),
        fail_on=fail_on.lower() if fail_on else None,
    )
    chosen.validate(known, told)
    output_format = output_format.lower()
    if show_settings:
        shown = {source: chosen.shown(_settings(source, config, told)) for source in plans}
        click.echo(_report.dumps(shown))
        sys.exit(EXIT_OK)
    results: list[tuple[str, CheckResult]] = []
    languages: list[Language] = []
    failed: list[tuple[str, list[tuple[int | None, str]]]] = []
    entries: list[dict[str, Any]] = []
    findings_fail = False
    settings_cache: dict[Path | None, Settings] = {}
    for source in plans:
        settings = _settings(source, config, told)
        settings = settings_cache.setdefault(settings.source, settings)
        _validate_settings(settings, known, told)
        try:
            # one parse gives the plan and the line of every key
            plan, lines = load_with_lines(source, lang)
        except PlanError as exc:
            language = reader_language(lang, path=source)
            languages.append(language)
            failed.append((source, _tell_load_failure(source, exc, output_format, language)))
            entries.append(_failed_entry(source, exc))
            continue
        level = chosen.level(settings)
        result = chosen.check(plan, lines, settings, plugins, told)
        language = reader_language(lang, plan)
        languages.append(language)
        results.append((source, result))
        if any(f.severity.rank >= level.rank for f in result.findings):
            findings_fail = True
        _tell_findings(source, result.findings, output_format, show_all, language)
        entries.append(_checked_entry(source, result, settings, level, language))
    language = languages[0] if len(set(languages)) == 1 else reader_language(lang)
    if output_format == "text":
        _print_summary(results, language)
    elif output_format == "json":
        click.echo(_json(entries, findings_fail))
    elif output_format == "sarif":
        _print_sarif(results, failed, known, language)
    if failed:  # a plan that did not load
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if findings_fail else EXIT_OK)


def _print_text(source: str, findings: list[Finding], language: Language, show_all: bool) -> None:
    """One line a finding; a long list is cut to the most important, with a count of the rest."""
    shown = (
        findings if show_all or len(findings) <= SHOWN else _report.most_important(findings, SHOWN)
    )
    for finding in shown:
        say(finding.render(source, language))
    if len(shown) < len(findings):
        say(_report.more_line(len(findings) - len(shown), language))


COMMANDS = [check_command]
