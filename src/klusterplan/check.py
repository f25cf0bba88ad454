"""Rule checks: what a plan still lacks before a library acts on it.

A :class:`Rule` is registered by a plugin through the ``register_rules`` hook
and yields ``(path, message)`` pairs that :func:`check` turns into
:class:`Finding` objects. Users choose rules like linter rules: by code or by
code prefix (``KP1`` is the campaign family), and a plan can accept a finding
on purpose with a suppression that gives its reason.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .model import Plan, Suppression

if TYPE_CHECKING:
    from ._formats import LineMap
    from .config import Settings
    from .plugins import Registry

__all__ = [
    "RULE_FAILED",
    "UNUSED_SUPPRESSION",
    "CheckResult",
    "Hit",
    "Finding",
    "Rule",
    "RuleContext",
    "Severity",
    "UnknownCodeError",
    "check",
    "check_plan",
    "code_prefix",
    "matches_code",
    "path_parts",
    "rule",
]


class Severity(enum.Enum):
    """How serious a finding is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


@attrs.frozen
class Finding:
    """One thing a rule found, with the path of what it points at."""

    code: str
    """The rule's code, e.g. ``KP104``."""
    severity: Severity
    """How serious it is (the rule's default unless the user overrode it)."""
    path: str
    """The path in the plan, e.g. ``campaign.groups[0]``; empty for the plan as a whole."""
    message: str
    """What is wrong and what to do."""
    line: int | None = None
    """The 1-based line in the plan file, where the format allows; else ``None``."""
    name: str = ""
    """The rule's kebab-case name."""
    plugin: str = ""
    """The plugin that registered the rule."""

    def render(self, source: str | None = None) -> str:
        """Format as ``source:line: CODE severity path: message``."""
        where = ":".join(str(p) for p in (source, self.line) if p is not None)
        prefix = f"{where}: " if where else ""
        path = f" {self.path}" if self.path else ""
        return f"{prefix}{self.code} {self.severity.value}{path}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON output's plain data."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "plugin": self.plugin,
        }


@attrs.frozen
class RuleContext:
    """What a rule's check function gets beside the plan."""

    plugin: str = ""
    """The name of the plugin that registered the rule."""
    config: Mapping[str, Any] = attrs.field(factory=dict)
    """The plugin's own settings: ``[tool.klusterplan.plugins.<plugin>]``."""


Hit = tuple[str, str]
"""What a rule yields: ``(path, message)``."""


@attrs.frozen
class Rule:
    """A rule check with a stable code."""

    code: str
    """A stable code: a prefix owned by one plugin and three digits, e.g. ``KP104``."""
    name: str
    """A kebab-case name, e.g. ``campaign-group-without-persona``."""
    severity: Severity
    """The default severity of its findings."""
    summary: str
    """One line saying what the rule asks."""
    explanation: str
    """What the workbook says, why it matters and how to fix it (Markdown)."""
    check: Callable[[Plan, RuleContext], Iterable[Hit]]
    """Yields ``(path, message)`` for each problem in a plan."""


def rule(
    code: str, name: str, severity: Severity, summary: str, explanation: str
) -> Callable[[Callable[[Plan, RuleContext], Iterable[Hit]]], Rule]:
    """Decorate a check function to make it a :class:`Rule`.

    >>> @rule("XY101", "library-unnamed", Severity.ERROR, "The library has a name.", "…")
    ... def library_unnamed(plan, context):
    ...     if not plan.library.name:
    ...         yield "library.name", "the library has no name; add library.name"
    >>> library_unnamed.code
    'XY101'
    """

    def wrap(function: Callable[[Plan, RuleContext], Iterable[Hit]]) -> Rule:
        return Rule(code, name, severity, summary, explanation.strip(), function)

    return wrap


_CODE = re.compile(r"^([A-Z]+)(\d{3})$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def code_prefix(code: str) -> str:
    """The letters that name a rule code's owner: ``KP`` for ``KP104``."""
    match = _CODE.match(code)
    return match.group(1) if match else code.rstrip("0123456789")


def rule_problem(rule: Rule) -> str | None:
    """Why a rule's code or name is malformed, or ``None`` when it is well formed."""
    if not _CODE.match(rule.code):
        return f"rule code {rule.code!r} is not capital letters followed by three digits"
    if not _NAME.match(rule.name):
        return f"rule {rule.code} name {rule.name!r} is not kebab-case"
    return None


def matches_code(code: str, patterns: Iterable[str]) -> bool:
    """Whether ``code`` equals or starts with one of ``patterns`` (``ALL`` matches all)."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


class UnknownCodeError(ValueError):
    """A ``select``, ``ignore`` or severity setting names no registered rule."""

    def __init__(self, option: str, pattern: str) -> None:
        self.option = option
        self.pattern = pattern
        super().__init__(
            f"{option}: no rule code is or starts with {pattern!r}; "
            "`klusterplan rules` lists the codes (is the plugin installed?)"
        )


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_parts(path: str) -> list[str | int]:
    """Split ``campaign.groups[1].motivation`` into ``['campaign', 'groups', 1, 'motivation']``."""
    return [int(index) if index else key for key, index in _PART.findall(path)]


def _suppresses(suppression: Suppression, finding: Finding) -> bool:
    if suppression.code != finding.code:
        return False
    if not suppression.path:
        return True
    return finding.path == suppression.path or finding.path.startswith(
        (suppression.path + ".", suppression.path + "[")
    )


def _engine_check(plan: Plan, context: RuleContext) -> Iterable[Hit]:
    # The engine itself reports these; the rule objects give them a code,
    # a severity and documentation like every other rule.
    return ()


RULE_FAILED = Rule(
    "KP001",
    "rule-failed",
    Severity.ERROR,
    "A rule raised an exception instead of reporting findings.",
    """
A rule's own code failed on this plan. The finding names the plugin and the rule
and gives the exception. The other rules still ran and reported as usual.

**How to fix it:** this is a bug in the plugin, not in the plan. Report it to the
plugin's authors with the message; meanwhile `--ignore` the failing rule's code.
""".strip(),
    _engine_check,
)

UNUSED_SUPPRESSION = Rule(
    "KP002",
    "unused-suppression",
    Severity.WARNING,
    "A suppression in the plan matches no finding.",
    """
A plan accepts a finding on purpose with an entry under `suppressions` (`code`,
`path` and `reason`). When the rule no longer reports anything at that path, the
suppression is stale: it would silently hide a later, different problem.

**How to fix it:** remove the suppression, or correct its `code` or `path`. A
suppression of a rule that did not run (not selected) is not reported.
""".strip(),
    _engine_check,
)


@attrs.frozen
class CheckResult:
    """The findings of one plan, and the findings its suppressions accepted."""

    findings: list[Finding]
    """What remains to be reported, ordered by line, path and code."""
    suppressed: list[Finding]
    """Findings a suppression in the plan accepted."""


def _validate(option: str, patterns: Iterable[str], codes: Iterable[str]) -> None:
    known = list(codes)
    for pattern in patterns:
        if pattern != "ALL" and not any(code.startswith(pattern) for code in known):
            raise UnknownCodeError(option, pattern)


def check_plan(
    plan: Plan,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    plugin_config: Mapping[str, Mapping[str, Any]] | None = None,
    registry: Registry | None = None,
    lines: LineMap | None = None,
) -> CheckResult:
    """Run the registered rules on ``plan``; see :func:`check` for the arguments.

    ``severities`` overrides a rule's severity by code or prefix, the longest
    match winning; ``plugin_config`` gives each plugin its settings by plugin
    name; ``lines`` maps paths to lines of the plan's file.
    """
    from .plugins import get_registry

    registry = registry or get_registry()
    rules = registry.rules()
    _validate("select", select, rules)
    _validate("ignore", ignore, rules)
    severities = dict(severities or {})
    _validate("severity", severities, rules)
    plugin_config = plugin_config or {}

    def chosen(code: str) -> bool:
        return (not select or matches_code(code, select)) and not matches_code(code, ignore)

    def severity_of(rule: Rule) -> Severity:
        keys = [key for key in severities if rule.code.startswith(key) or key == "ALL"]
        if not keys:
            return rule.severity
        return severities[max(keys, key=lambda k: 0 if k == "ALL" else len(k))]

    def finding(rule: Rule, plugin: str, path: str, message: str) -> Finding:
        line = lines.line(path_parts(path)) if lines is not None and path else None
        return Finding(rule.code, severity_of(rule), path, message, line, rule.name, plugin)

    raw: list[Finding] = []
    ran: set[str] = set()
    for code, (each, plugin) in sorted(rules.items()):
        if not chosen(code):
            continue
        ran.add(code)
        context = RuleContext(plugin, dict(plugin_config.get(plugin, {})))
        try:
            for path, message in each.check(plan, context):
                raw.append(finding(each, plugin, path, message))
        except Exception as exc:  # a plugin's bug must not take the run down
            raw.append(
                attrs.evolve(
                    finding(
                        RULE_FAILED,
                        rules.get(RULE_FAILED.code, (RULE_FAILED, ""))[1],
                        "",
                        f"rule {code} ({each.name}) from plugin {plugin!r} failed: "
                        f"{type(exc).__name__}: {exc}",
                    ),
                    severity=Severity.ERROR,
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

    if chosen(UNUSED_SUPPRESSION.code):
        plugin = rules.get(UNUSED_SUPPRESSION.code, (UNUSED_SUPPRESSION, ""))[1]
        for index, suppression in enumerate(plan.suppressions):
            if index in used:
                continue
            path = f"suppressions[{index}]"
            if suppression.code not in rules:
                message = (
                    f"no rule has the code {suppression.code!r}; correct the code "
                    "or remove the suppression"
                )
            elif suppression.code in ran:
                where = f" at {suppression.path}" if suppression.path else ""
                message = f"{suppression.code} reports nothing{where}; remove the suppression"
            else:
                continue
            findings.append(finding(UNUSED_SUPPRESSION, plugin, path, message))

    def order(f: Finding) -> tuple[int, str, str]:
        return (f.line or 0, f.path, f.code)

    return CheckResult(sorted(findings, key=order), sorted(suppressed, key=order))


def check(
    plan: Plan,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    registry: Registry | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Run the registered rules on ``plan`` and return their findings.

    ``select`` and ``ignore`` take codes or code prefixes (``KP1``); by default
    every rule runs. ``settings`` (see :func:`klusterplan.config.load_settings`)
    supplies select, ignore, severity overrides and plugin settings; ``select``
    and ``ignore`` given here win over it. Findings a suppression in the plan
    accepts are left out. A rule that raises does not stop the others: it
    becomes a ``KP001`` finding naming the plugin and the rule.

    Raises :class:`UnknownCodeError` when ``select`` or ``ignore`` names no rule.

    >>> import klusterplan
    >>> klusterplan.check(klusterplan.example(), select=["KP1"])
    []
    """
    return check_plan(
        plan,
        select=select or (settings.select if settings else ()),
        ignore=ignore or (settings.ignore if settings else ()),
        severities=settings.severity if settings else None,
        plugin_config=settings.plugins if settings else None,
        registry=registry,
    ).findings
