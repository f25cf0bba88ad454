"""Running the rule checks: what a plan still lacks before a library acts on it.

Rules (:class:`~klusterplan.Rule`) are registered by plugins through the
``register_rules`` hook and yield ``(path, message)`` pairs that :func:`check`
turns into :class:`~klusterplan.Finding` objects. Users choose rules like
linter rules: by code or by code prefix (``KP1`` is the campaign family), and a
plan can accept a finding on purpose with a suppression that gives its reason.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._catalogue.messages import text
from .._extension.rule import (
    READ_FORGIVINGLY,
    RULE_FAILED,
    UNUSED_SUPPRESSION,
    Finding,
    Rule,
    RuleContext,
    Severity,
    UnknownCodeError,
    matches_code,
)
from .._model.composed import composed
from .._model.paths import path_parts
from .._planfile.origin import origin_of
from .._planfile.validate import type_problems
from .._support.record import Record
from ..config import Settings
from ..errors import PlanError
from ..model import Plan, Suppression
from ..plugins import Registry, get_registry, warn_failures

if TYPE_CHECKING:
    from .._catalogue.text import Text
    from .._planfile.formats import LineMap

__all__ = [
    "CheckResult",
    "check",
    "check_plan",
]


def _suppresses(suppression: Suppression, finding: Finding) -> bool:
    if suppression.code != finding.code:
        return False
    if not suppression.path:
        return True
    return finding.path == suppression.path or finding.path.startswith(
        (suppression.path + ".", suppression.path + "[")
    )


def _own(plugin: str) -> bool:
    return plugin == "klusterplan" or plugin.startswith("klusterplan.")


@attrs.frozen(repr=False, eq=False)
class CheckResult(Record):
    """The findings of one plan, and the findings its suppressions accepted."""

    findings: list[Finding]
    """What remains to be reported, ordered by line, path and code."""
    suppressed: list[Finding]
    """Findings a suppression in the plan accepted."""
    plugins: tuple[str, ...] = ()
    """The plugins whose rules ran, klusterplan's own (``klusterplan.rules``) included, in
    the order the rules' codes sort: a script sees when an installed plugin took part."""

    @property
    def added_by_plugins(self) -> tuple[str, ...]:
        """The plugins of :attr:`plugins` that are not klusterplan's own."""
        return tuple(
            p for p in self.plugins if p != "klusterplan" and not p.startswith("klusterplan.")
        )


def _validate(option: str, patterns: Iterable[str], codes: Iterable[str]) -> None:
    known = list(codes)
    for pattern in patterns:
        if pattern != "ALL" and not any(code.startswith(pattern) for code in known):
            raise UnknownCodeError(option, pattern, known)


def _codes(option: str, value: str | Iterable[str]) -> tuple[str, ...]:
    """``"KP1,KP204"`` or ``["KP1", "kp204"]`` → ``("KP1", "KP204")``."""
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value:
        if not isinstance(item, str):
            raise UnknownCodeError(option, repr(item))
        out += [code.strip().upper() for code in item.split(",") if code.strip()]
    return tuple(out)


@attrs.frozen
class _Choice:
    """Which rules run on one plan, how severe their findings are, and where they point."""

    plan: Plan
    rules: Mapping[str, tuple[Rule, str]]
    select: tuple[str, ...]
    extend: tuple[str, ...]
    ignore: tuple[str, ...]
    severities: Mapping[str, Severity]
    lines: LineMap | None
    source: str | None

    def chosen(self, code: str) -> bool:
        """Whether the rule ``code`` runs."""
        picked = (
            not self.select or matches_code(code, self.select) or matches_code(code, self.extend)
        )
        return picked and not matches_code(code, self.ignore)

    def severity_of(self, rule: Rule) -> Severity:
        """``rule``'s severity, or the one the longest matching code or prefix gives it."""
        keys = [key for key in self.severities if rule.code.startswith(key) or key == "ALL"]
        if not keys:
            return rule.severity
        return self.severities[max(keys, key=lambda k: 0 if k == "ALL" else len(k))]

    def plugin_of(self, rule: Rule) -> str:
        """The plugin that registered ``rule``, or none for one klusterplan keeps unregistered."""
        return self.rules.get(rule.code, (rule, ""))[1]

    def finding(self, rule: Rule, plugin: str, path: str, message: str | Text) -> Finding:
        """A finding of ``rule`` at ``path``, on its line of the plan file if known."""
        line = self.lines.line(path_parts(path)) if self.lines is not None and path else None
        return Finding(
            rule.code,
            self.severity_of(rule),
            path,
            message,
            line,
            rule.name,
            plugin,
            self.source,
            language=self.plan.language,
        )


def check_plan(
    plan: Plan,
    *,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    extend_select: str | Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    plugin_config: Mapping[str, Mapping[str, Any]] | None = None,
    registry: Registry | None = None,
    lines: LineMap | None = None,
) -> CheckResult:
    """Run the registered rules on ``plan``; see :func:`check` for the arguments.

    ``severities`` overrides a rule's severity by code or prefix, the longest
    match winning; ``plugin_config`` gives each plugin its settings by plugin
    name; ``lines`` maps paths to lines of the plan's file (by default, the
    lines of the file a loaded plan came from).
    """
    origin = origin_of(plan)
    # a plan the loader built has the model's types; one built in code is checked
    problems = list(type_problems(plan)) if origin is None else []
    if problems:
        raise PlanError(problems)
    if origin is None:
        plan = composed(plan)  # ids typed decomposed and composed are one id, as in a file
    if lines is None and origin is not None:
        lines = origin.lines
    registry = registry or get_registry()
    rules = registry.rules()
    warn_failures(registry)
    choice = _Choice(
        plan,
        rules,
        select=_codes("select", select),
        extend=_codes("extend-select", extend_select),
        ignore=_codes("ignore", ignore),
        severities={key.upper(): value for key, value in (severities or {}).items()},
        lines=lines,
        source=origin.source if origin is not None else None,
    )
    _validate("select", choice.select, rules)
    _validate("extend-select", choice.extend, rules)
    _validate("ignore", choice.ignore, rules)
    _validate("severity", choice.severities, rules)
    raw, ran, ran_plugins = _run_rules(choice, registry, plugin_config or {})
    if origin is not None and choice.chosen(READ_FORGIVINGLY.code):
        plugin = choice.plugin_of(READ_FORGIVINGLY)
        for notice in origin.notices:
            raw.append(
                attrs.evolve(
                    choice.finding(READ_FORGIVINGLY, plugin, notice.path, notice.message),
                    line=notice.line,
                )
            )
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[int] = set()
    for item in raw:
        hits = [
            i
            for i, s in enumerate(plan.suppressions)
            if item.code != RULE_FAILED.code and _suppresses(s, item)
        ]
        used.update(hits)
        (suppressed if hits else findings).append(item)
    if choice.chosen(UNUSED_SUPPRESSION.code):
        findings.extend(_unused_suppressions(choice, used, ran))
    ran_by = sorted(ran_plugins, key=lambda p: not _own(p))  # a stable sort: code order kept
    return CheckResult(sorted(findings), sorted(suppressed), tuple(ran_by))


def _run_rules(
    choice: _Choice, registry: Registry, plugin_config: Mapping[str, Mapping[str, Any]]
) -> tuple[list[Finding], set[str], dict[str, None]]:
    """The findings of every chosen rule, the codes that ran and their plugins, in order."""
    plan = choice.plan
    raw: list[Finding] = []
    ran: set[str] = set()
    ran_plugins: dict[str, None] = {}
    formats = tuple(name for name, e in registry.exporters().items() if e.render is not None)
    for code, (each, plugin) in sorted(choice.rules.items()):
        if not choice.chosen(code):
            continue
        ran.add(code)
        ran_plugins[plugin] = None
        context = RuleContext(
            plugin,
            dict(plugin_config.get(plugin, {})),
            branding=functools.partial(registry.branding, plan),
            document_formats=formats,
        )
        try:
            for path, message in each.check(plan, context):
                raw.append(choice.finding(each, plugin, path, message))
        except Exception as exc:  # a plugin's bug must not take the run down
            said = text(
                "check_rule_code_name_from",
                code=code,
                name=each.name,
                plugin=plugin,
                name2=type(exc).__name__,
                exc=exc,
            )
            failed = choice.finding(RULE_FAILED, choice.plugin_of(RULE_FAILED), "", said)
            raw.append(attrs.evolve(failed, severity=Severity.ERROR))
    return raw, ran, ran_plugins


def _unused_suppressions(choice: _Choice, used: set[int], ran: set[str]) -> list[Finding]:
    """A finding for each suppression that names no rule, or one that ran and found nothing."""
    plugin = choice.plugin_of(UNUSED_SUPPRESSION)
    found: list[Finding] = []
    for index, suppression in enumerate(choice.plan.suppressions):
        if index in used:
            continue
        path = f"suppressions[{index}]"
        if suppression.code not in choice.rules:
            message = text("check_rule_code_code_r", code=suppression.code)
        elif suppression.code in ran:
            where = f" at {suppression.path}" if suppression.path else ""
            where_sv = f" vid {suppression.path}" if suppression.path else ""
            message = text(
                "check_code_reports_nothing_where",
                code=suppression.code,
                where=where,
                where_sv=where_sv,
            )
        else:
            continue
        found.append(choice.finding(UNUSED_SUPPRESSION, plugin, path, message))
    return found


def check(
    plan: Plan,
    *,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    extend_select: str | Sequence[str] = (),
    registry: Registry | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Run the registered rules on ``plan`` and return their findings.

    ``select``, ``extend_select`` (added to ``select``, as in ruff) and
    ``ignore`` take codes or code prefixes (``KP1``), as a list
    or as one comma-separated text (``"KP1,KP204"``); by default every rule
    runs. A plan loaded from a file gives its findings the file and the line
    (``str(finding)`` reads as the command's output), and the values the
    loader read forgivingly as ``KP004`` notices. ``settings`` (see
    :func:`klusterplan.config.load_settings`) supplies select, ignore,
    severity overrides and plugin settings; ``select`` and ``ignore`` given
    here win over it. Findings a suppression in the plan
    accepts are left out. A rule that raises does not stop the others: it
    becomes a ``KP001`` finding naming the plugin and the rule.

    Raises :class:`UnknownCodeError` (a :class:`PlanError`) when ``select`` or
    ``ignore`` names no rule, and :class:`PlanError` when a plan built in code
    holds a value of the wrong type (text where a date or a
    :class:`~klusterplan.model.Segment` belongs), naming its path.

    >>> import klusterplan
    >>> klusterplan.check(klusterplan.example(), select=["KP1"])
    []
    """
    return check_plan(
        plan,
        select=select or (settings.select if settings else ()),
        ignore=ignore or (settings.ignore if settings else ()),
        extend_select=extend_select or (settings.extend_select if settings else ()),
        severities=settings.severity if settings else None,
        plugin_config=settings.plugins if settings else None,
        registry=registry,
    ).findings
