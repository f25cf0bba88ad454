"""What a rule is and what it finds: the types every rule check is built from.

These types sit below the plugin registry and the :func:`klusterplan.check`
function, so that a plugin can import them without pulling in either. They
are public under :mod:`klusterplan` (``klusterplan.Rule``, ``klusterplan.rule``
and so on).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .branding import Branding
from .model import Plan

__all__ = [
    "RULE_FAILED",
    "UNUSED_SUPPRESSION",
    "Finding",
    "Hit",
    "Rule",
    "RuleContext",
    "Severity",
    "UnknownCodeError",
    "code_prefix",
    "matches_code",
    "path_parts",
    "rule",
    "rule_problem",
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


def _default_branding(format: str) -> Branding:
    return Branding()


@attrs.frozen
class RuleContext:
    """What a rule's check function gets beside the plan."""

    plugin: str = ""
    """The name of the plugin that registered the rule."""
    config: Mapping[str, Any] = attrs.field(factory=dict)
    """The plugin's own settings: ``[tool.klusterplan.plugins.<plugin>]``."""
    branding: Callable[[str], Branding] = _default_branding
    """``branding(format)``: the look the installed plugins give this plan's documents
    in ``format`` (logo, colours, footer), so a rule can check what will be published."""
    document_formats: tuple[str, ...] = ()
    """The registered formats that write documents (``docx``, ``pdf``, ``html`` ...)."""


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
