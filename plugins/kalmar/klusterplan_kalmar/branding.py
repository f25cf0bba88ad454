"""Kalmar kommun's look for exported documents: logo, colours and a footer line.

Applies to plans whose municipality is Kalmar, so other municipalities'
plans exported on the same machine keep their own look.
"""

from __future__ import annotations

from klusterplan import Branding, Logo, Plan, hookimpl

__all__ = ["FOOTER_LINE", "LOGO_ALT_TEXT", "branding", "is_kalmar"]

#: What the logo shows, for readers who cannot see it.
LOGO_ALT_TEXT = "Kalmar kommuns logotyp: Kalmar slotts torn över vatten"
#: The line the plugin adds to the footer of every page, in Word and PDF alike.
FOOTER_LINE = "Kalmar kommun · Kultur- och fritidsförvaltningen · www.kalmar.se"

_BLUE = "#00558C"
_GREEN = "#5A8C2B"


def is_kalmar(plan: Plan) -> bool:
    """Whether the plan belongs to a library in Kalmar kommun."""
    return "kalmar" in plan.library.municipality.casefold()


def _logo() -> bytes:
    # imported here: importlib.resources would cost every command, not only exports
    from importlib import resources

    return (resources.files("klusterplan_kalmar") / "logo.png").read_bytes()


@hookimpl
def branding(plan: Plan, format: str) -> Branding | None:
    """The municipality's logo, colours and footer line, for Kalmar's plans only.

    Through ``Branding`` the footer line reaches every page of every format.
    """
    if not is_kalmar(plan):
        return None
    return Branding(
        logo=Logo(_logo(), LOGO_ALT_TEXT, width_mm=32),
        primary_colour=_BLUE,
        accent_colour=_GREEN,
        footer=FOOTER_LINE,
    )
