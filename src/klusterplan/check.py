"""Rule checks: what a plan still lacks before a library acts on it.

A :class:`Rule` is registered by a plugin through the ``register_rules`` hook
and yields :class:`Finding` objects that point at a path in the plan.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from .model import Plan

if TYPE_CHECKING:
    from .plugins import Registry

__all__ = ["Finding", "Rule", "Severity", "check"]


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
    """How serious it is."""
    path: str
    """The path in the plan, e.g. ``campaign.groups[0]``."""
    message: str
    """What is wrong and what to do."""


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
    """What the workbook says, why it matters and how to fix it."""
    check: Callable[[Plan], Iterable[tuple[str, str]]]
    """Yields ``(path, message)`` for each problem in a plan."""


def check(
    plan: Plan,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    registry: Registry | None = None,
) -> list[Finding]:
    """Run the registered rules on ``plan`` and return their findings.

    ``select`` and ``ignore`` take codes or code prefixes (``KP1``). A rule that
    raises does not stop the others: it becomes a finding of its own.
    """
    from .plugins import get_registry

    registry = registry or get_registry()
    findings: list[Finding] = []
    for code, (rule, plugin) in sorted(registry.rules().items()):
        if select and not any(code.startswith(s) for s in select):
            continue
        if any(code.startswith(i) for i in ignore):
            continue
        try:
            for path, message in rule.check(plan):
                findings.append(Finding(code, rule.severity, path, message))
        except Exception as exc:  # a plugin's bug must not take the run down
            findings.append(
                Finding(
                    code,
                    Severity.ERROR,
                    "",
                    f"rule {rule.name} from plugin {plugin} failed: {type(exc).__name__}: {exc}",
                )
            )
    return findings
