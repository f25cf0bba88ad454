"""How a municipality's exported documents look."""

from __future__ import annotations

import io
import re

import attrs

from ._catalogue.messages import text as message_text
from ._catalogue.text import Text
from ._planfile.sanitise import clean_text
from ._support.record import Record

__all__ = [
    "MAX_LOGO_BYTES",
    "MAX_LOGO_PIXELS",
    "Branding",
    "Logo",
    "check_branding",
    "logo_problem",
]


@attrs.frozen(repr=False, eq=False)
class Logo(Record):
    """A picture placed top right on the cover and in the header of every page after it."""

    data: bytes = attrs.field(repr=False)
    """The image file's bytes (PNG or JPEG)."""
    alt_text: str
    """What the picture shows, for readers who cannot see it."""
    width_mm: float = 30.0
    """The printed width on the cover; the height follows the picture's proportions. The
    pages after it show the logo 9 mm high."""


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
#: The largest logo file a branding may carry, in bytes: a logo is printed a few
#: centimetres wide, and every page of a web export carries it inline.
MAX_LOGO_BYTES = 5 * 1024 * 1024
#: The most pixels a logo may have (width × height): 25 megapixels is 5000 × 5000,
#: far more than 200 mm of print at 600 dpi needs, and decodes in about 100 MB.
MAX_LOGO_PIXELS = 25_000_000
_PICTURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def logo_problem(data: bytes) -> Text | None:
    """Why the PNG or JPEG ``data`` cannot be a logo, or ``None`` when it decodes whole.

    The picture is decoded once, with its size checked before its pixels are:
    a file over :data:`MAX_LOGO_BYTES`, a picture of no pixels or over
    :data:`MAX_LOGO_PIXELS` (a decompression bomb), and a truncated or corrupt
    file are refused, each with a message in English and Swedish.
    """
    if len(data) > MAX_LOGO_BYTES:
        return message_text(
            "logo_too_big", size=_megabytes(len(data)), limit=_megabytes(MAX_LOGO_BYTES)
        )
    import hashlib  # only a logo needs it, and importing it loads OpenSSL

    digest = hashlib.sha256(data).digest()
    if digest not in _decoded:
        if len(_decoded) > 64:
            _decoded.clear()
        _decoded[digest] = _decode_problem(data)
    return _decoded[digest]


_decoded: dict[bytes, Text | None] = {}


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _decode_problem(data: bytes) -> Text | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as picture:
            width, height = picture.size
            if width < 1 or height < 1:
                return message_text("logo_no_pixels")
            if width * height > MAX_LOGO_PIXELS:
                return message_text(
                    "logo_too_many_pixels",
                    width=width,
                    height=height,
                    limit=f"{MAX_LOGO_PIXELS / 1_000_000:g}",
                )
            picture.verify()
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as picture:
            picture.load()  # verify() reads chunks, not pixels: a truncated file fails here
    except Image.DecompressionBombError:
        return message_text("logo_bomb", limit=f"{MAX_LOGO_PIXELS / 1_000_000:g}")
    except UnidentifiedImageError:
        return message_text("logo_broken", error=message_text("logo_unknown"))
    except Exception as exc:  # Pillow's decoders raise many kinds for a broken file
        return message_text("logo_broken", error=f"{type(exc).__name__}: {exc}"[:200])
    return None


def _clean(text: str) -> str:
    return clean_text(text)[0]


def check_branding(branding: Branding) -> tuple[Branding, list[Text]]:
    """``branding`` with what no document can use replaced, and a message for each change.

    Each message is a :class:`~klusterplan.Text`, in English and Swedish.

    A colour must be ``#RRGGBB`` (else the default colour is used); a logo must
    be a PNG or JPEG picture that decodes whole within :data:`MAX_LOGO_BYTES`
    and :data:`MAX_LOGO_PIXELS` (else it is left out, see :func:`logo_problem`);
    the footer line and the
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
        elif (refused := logo_problem(data)) is not None:
            problems.append(refused)
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
