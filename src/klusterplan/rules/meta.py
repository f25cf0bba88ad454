"""KP0xx: the checks themselves: failing rules and suppressions."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import (
    READ_FORGIVINGLY,
    RULE_FAILED,
    UNUSED_SUPPRESSION,
    Hit,
    RuleContext,
    Severity,
    rule,
)
from ..model import Plan
from ._util import blank

__all__ = ["RULES"]


@rule(
    "KP003",
    "suppression-without-reason",
    Severity.ERROR,
    "Each suppression in the plan gives its reason.",
    """
A plan may accept a finding on purpose under `suppressions`, with `code`, `path` and
`reason`. The reason is required: the next person to read the plan must know why
the rule does not apply here.

**How to fix it:** write the suppression's `reason`, or remove it.
""",
    summary_sv="Varje undantag i planen anger sitt skäl.",
    explanation_sv="""
En plan kan godta ett fynd med avsikt under `suppressions`, med `code`, `path` och
`reason`. Skälet är obligatoriskt: nästa person som läser planen måste förstå varför
regeln inte gäller här.

**Så rättar du:** skriv undantagets `reason`, eller ta bort det.
""",
)
def suppression_without_reason(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A suppression with an empty reason or code."""
    for i, suppression in enumerate(plan.suppressions):
        if blank(suppression.code):
            yield (
                f"suppressions[{i}].code",
                text("meta_name_rule_code_suppression"),
            )
        if blank(suppression.reason):
            yield (
                f"suppressions[{i}].reason",
                text("meta_say_why_finding_accepted"),
            )


RULES = (RULE_FAILED, UNUSED_SUPPRESSION, suppression_without_reason, READ_FORGIVINGLY)
