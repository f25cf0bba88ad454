"""How a municipality's exported documents look."""

from __future__ import annotations

import re

import attrs

from ._catalogue.messages import text as message_text
from ._catalogue.text import Text
from ._planfile.sanitise import clean_text
from ._support.record import Record

__all__ = ["Branding", "Logo", "check_branding"]


@attrs.frozen(repr=False, eq=False)
class Logo(Record):
    """A picture placed in the header of exported documents."""

    data: bytes = attrs.field(repr=False)
    """The image file's bytes (PNG or JPEG)."""
    alt_text: str
    """What the picture shows, for readers who cannot see it."""
    width_mm: float = 30.0
    """The printed width; the height follows the picture's proportions."""


@attrs.frozen(repr=False, eq=False)
class Branding(Record):
    """Logo, colours and footer line of exported documents."""

    logo: Logo | None = None
    """A logo for the page header."""
    primary_colour: str = "#1F4E79"
    """Headings and table headers, as ``#RRGGBB``."""
    accent_colour: str = "#C55A11"
    """Rules and highlights, as ``#RRGGBB``."""
    footer: str = ""
    """A line of text in every page footer, beside the library's name."""


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_PICTURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _clean(text: str) -> str:
    return clean_text(text)[0]


def check_branding(branding: Branding) -> tuple[Branding, list[Text]]:
    """``branding`` with what no document can use replaced, and a message for each change.

    Each message is a :class:`~klusterplan.Text`, in English and Swedish.

    A colour must be ``#RRGGBB`` (else the default colour is used); a logo must
    be a PNG or JPEG picture (else it is left out); the footer line and the
    logo's alt text lose characters a document cannot hold.
    """
    default = Branding()
    problems: list[Text] = []
    changes: dict[str, object] = {}
    for name in ("primary_colour", "accent_colour"):
        value = getattr(branding, name)
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
            shown, used = f"{value!r:.40}", getattr(default, name)
            problems.append(
                message_text("branding_name_shown_rrggbb_colour", name=name, shown=shown, used=used)
            )
            changes[name] = getattr(default, name)
    if not isinstance(branding.footer, str):
        shown = f"{branding.footer!r:.40}"
        problems.append(message_text("branding_footer_shown_text_left", shown=shown))
        changes["footer"] = ""
    else:
        changes["footer"] = _clean(branding.footer)
    logo = branding.logo
    if logo is not None:
        data = logo.data if isinstance(logo, Logo) else None
        if not isinstance(data, bytes) or not data.startswith(_PICTURES) or len(data) < 32:
            problems.append(message_text("branding_logo_png_jpeg_picture"))
            changes["logo"] = None
        elif not isinstance(logo.alt_text, str) or not isinstance(logo.width_mm, int | float):
            problems.append(message_text("branding_logo_s_alt_text"))
            changes["logo"] = None
        elif not 1 <= logo.width_mm <= 200:
            problems.append(message_text("branding_logo_s_width_width", width_mm=logo.width_mm))
            changes["logo"] = attrs.evolve(logo, alt_text=_clean(logo.alt_text), width_mm=30.0)
        else:
            changes["logo"] = attrs.evolve(logo, alt_text=_clean(logo.alt_text))
    return attrs.evolve(branding, **changes), problems  # type: ignore[arg-type]
