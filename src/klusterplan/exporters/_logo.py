"""A branding's logo as every format draws it: cropped to its ink.

A logo file often carries white or transparent space at its sides; drawn as
it is, the mark would stop short of the text edge it is set against, and by a
different amount in each format. Every format draws the cropped picture, so
the logo's right edge stands on the text edge and its size is the same in
Word, the PDF, the tagged PDF and the web page.
"""

from __future__ import annotations

import functools
import io

__all__ = ["inked"]


@functools.lru_cache(maxsize=8)
def inked(data: bytes) -> bytes:
    """``data`` (a PNG or JPEG picture) without the blank margins around its ink, as PNG.

    Data Pillow cannot read, and a picture with no margin to crop, come back as they
    are, for the format to use or report.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return data
    flat = Image.new("RGBA", image.size, "white")
    flat.alpha_composite(image.convert("RGBA"))
    # the faintest edge of a letter is ink too, and a pixel of margin stays around it:
    # a wordmark's last letter cut at the picture's edge looks clipped on a screen
    box = flat.convert("L").point(lambda v: 255 if v < 254 else 0).getbbox()
    if box is None:
        return data
    box = (
        max(0, box[0] - 1),
        max(0, box[1] - 1),
        min(image.width, box[2] + 1),
        min(image.height, box[3] + 1),
    )
    if box == (0, 0, *image.size):
        return data
    out = io.BytesIO()
    image.crop(box).save(out, "PNG")
    return out.getvalue()
