"""Branding colours checked for the formats that publish: a valid ``#RRGGBB`` with enough contrast.

WCAG 2.1 AA asks for a contrast of 4.5:1 between text and its background
(success criterion 1.4.3). The HTML and tagged PDF exports set headings in
the primary colour on white and white text on it in table headers, so a
plugin's colour that is too light would make the published document fail;
it is replaced by the house colour, with a notice saying why.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["GRAPHIC_CONTRAST", "TEXT_CONTRAST", "checked_colour", "contrast", "parse_hex"]

#: The least contrast WCAG 2.1 AA allows for normal text (1.4.3).
TEXT_CONTRAST = 4.5
#: The least contrast WCAG 2.1 AA allows for graphics a reader needs: bars, rules (1.4.11).
GRAPHIC_CONTRAST = 3.0


def parse_hex(value: str) -> tuple[int, int, int] | None:
    """``#1F4E79`` as ``(31, 78, 121)``; ``None`` when it is not ``#RRGGBB``."""
    text = value.strip()
    if len(text) != 7 or not text.startswith("#"):
        return None
    try:
        return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)
    except ValueError:
        return None


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int] = (255, 255, 255)) -> float:
    """The WCAG contrast ratio of two colours (white by default), from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def checked_colour(
    value: str,
    default: str,
    what: str,
    notice: Callable[[str, str], None],
    minimum: float = TEXT_CONTRAST,
) -> str:
    """``value`` as ``#RRGGBB`` if it is one with ``minimum`` contrast on white, else ``default``.

    ``what`` names the colour by its message key (``primary_colour``,
    ``accent_colour``), so that ``notice(path, message)``, told when the
    colour is replaced, says it in both languages.
    """
    from .._catalogue.messages import text

    named = text(what)
    rgb = parse_hex(value)
    if rgb is None:
        notice("", text("not_a_colour", what=named, value=repr(value), default=default))
        return default
    ratio = contrast(rgb)
    if ratio < minimum:
        notice(
            "",
            text(
                "low_contrast",
                what=named,
                value=value,
                ratio=f"{ratio:.1f}",
                minimum=f"{minimum:g}",
                default=default,
            ),
        )
        return default
    return "#" + value.strip()[1:].upper()
