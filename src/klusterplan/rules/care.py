"""KP6xx: active care of existing A-customers (aktiv kundvård)."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Plan
from ._util import blank

__all__ = ["RULES"]


@rule(
    "KP601",
    "no-customer-care-plan",
    Severity.WARNING,
    "The plan has a care plan for the existing A-customers.",
    """
The dialogue forum's summary: *"Befintliga kunder/aktiv kundvård. Vi föreslår att varje
lokalt bibliotek dessutom lägger upp en plan för hur de hanterar sina befintliga
A-kunder."* The campaign mostly reaches new customers; the loyal ones must not be
forgotten meanwhile.

**How to fix it:** write `customer_care.summary` and list its `activities`.
""",
    summary_sv="Planen har en plan för kundvård av befintliga A-kunder.",
    explanation_sv="""
Dialogforumets summering: *"Befintliga kunder/aktiv kundvård. Vi föreslår att varje
lokalt bibliotek dessutom lägger upp en plan för hur de hanterar sina befintliga
A-kunder."* Kampanjen når mest nya kunder; de trogna får inte glömmas under tiden.

**Så rättar du:** skriv `customer_care.summary` och lista dess `activities`.
""",
)
def no_customer_care_plan(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No customer-care summary and no activities."""
    care = plan.customer_care
    if blank(care.summary) and not care.activities:
        yield (
            "customer_care",
            text("care_make_plan_existing_customers"),
        )


@rule(
    "KP602",
    "customer-care-without-responsible",
    Severity.WARNING,
    "The customer-care plan names who is responsible.",
    """
Like every action in the workbook, customer care needs *"ansvar och roller"*: someone
who makes sure it happens.

**How to fix it:** set `customer_care.responsible`.
""",
    summary_sv="Kundvårdsplanen anger vem som är ansvarig.",
    explanation_sv="""
Som varje åtgärd i arbetsboken behöver kundvården *"ansvar och roller"*: någon som ser
till att den blir av.

**Så rättar du:** sätt `customer_care.responsible`.
""",
)
def customer_care_without_responsible(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A customer-care plan with no one responsible."""
    care = plan.customer_care
    if (not blank(care.summary) or care.activities) and blank(care.responsible):
        yield (
            "customer_care.responsible",
            text("care_say_who_responsible_customer"),
        )


RULES = (no_customer_care_plan, customer_care_without_responsible)
