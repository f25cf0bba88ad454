"""How a municipality's exported documents look."""

from __future__ import annotations

import attrs

__all__ = ["Branding", "Logo"]


@attrs.frozen
class Logo:
    """A picture placed in the header of exported documents."""

    data: bytes = attrs.field(repr=False)
    """The image file's bytes (PNG or JPEG)."""
    alt_text: str
    """What the picture shows, for readers who cannot see it."""
    width_mm: float = 30.0
    """The printed width; the height follows the picture's proportions."""


@attrs.frozen
class Branding:
    """Logo, colours and footer line of exported documents."""

    logo: Logo | None = None
    """A logo for the page header."""
    primary_colour: str = "#1F4E79"
    """Headings and table headers, as ``#RRGGBB``."""
    accent_colour: str = "#C55A11"
    """Rules and highlights, as ``#RRGGBB``."""
    footer: str = ""
    """A line of text in every page footer, beside the library's name."""
