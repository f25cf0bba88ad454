"""Kalmar kommun's look for exported documents: logo, colours and a footer line.

Applies to plans whose municipality is Kalmar, so other municipalities'
plans exported on the same machine keep their own look.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from klusterplan import Branding, ExportContext, Logo, Plan, hookimpl

__all__ = ["FOOTER_LINE", "LOGO_ALT_TEXT", "branding", "docx_document", "is_kalmar"]

#: What the logo shows, for readers who cannot see it.
LOGO_ALT_TEXT = "Kalmar kommuns logotyp: Kalmar slotts torn över vatten"
#: The line the plugin adds under every Word page footer.
FOOTER_LINE = "Kalmar kommun · Kultur- och fritidsförvaltningen · www.kalmar.se"

_BLUE = "#00558C"
_GREEN = "#5A8C2B"


def is_kalmar(plan: Plan) -> bool:
    """Whether the plan belongs to a library in Kalmar kommun."""
    return "kalmar" in plan.library.municipality.casefold()


def _logo() -> bytes:
    return (resources.files("klusterplan_kalmar") / "logo.png").read_bytes()


@hookimpl
def branding(plan: Plan, format: str) -> Branding | None:
    """The municipality's logo and colours, for Kalmar's plans only."""
    if not is_kalmar(plan):
        return None
    return Branding(
        logo=Logo(_logo(), LOGO_ALT_TEXT, width_mm=32),
        primary_colour=_BLUE,
        accent_colour=_GREEN,
    )


@hookimpl
def docx_document(document: Any, plan: Plan, context: ExportContext) -> None:
    """Add the municipality's address line under the footer of Kalmar's Word documents."""
    if not is_kalmar(plan):
        return
    from docx.shared import Pt, RGBColor

    footer = document.sections[0].footer
    run = footer.add_paragraph().add_run(FOOTER_LINE)
    run.font.size = Pt(16 if context.options.large_print else 8)
    run.font.color.rgb = RGBColor.from_string(_BLUE.lstrip("#"))
