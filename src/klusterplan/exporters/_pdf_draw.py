"""Drawing paragraphs of plain text in one font, as reportlab draws them.

Nearly every paragraph of a plan is left-aligned text in one font, broken
into lines by :func:`klusterplan.exporters._pdf_lines.break_plain`.
reportlab's ``Paragraph.drawPara`` draws such a paragraph through a text
object, a line drawing function and the text object's general formatting for
each line. :func:`draw_plain` writes the same operators into the page: the
same graphics state saved and restored, the same colour, text origin, font
subsets, word spacing and line ends, each string encoded by the font as
reportlab encodes it. Anything else (alignment, bullets, links, underlines,
backgrounds, indented first lines) is left to reportlab.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.paragraph import paraFontSizeHeightOffset

__all__ = ["draw_plain"]


def draw_plain(para: Any, x: float = 0.0, y: float = 0.0) -> bool:
    """Draw ``para`` on its canvas as ``drawPara`` would; ``False`` (nothing drawn) to leave it.

    ``x`` and ``y`` are where the paragraph stands on the canvas: drawn from
    :meth:`~klusterplan.exporters._pdf_flowables._Para.drawOn`, the text starts
    there rather than in a coordinate system moved there for each paragraph.
    """
    lines_para = para.blPara
    if lines_para.kind != 0:
        return False
    lines = lines_para.lines
    style = para.style
    canvas = para.canv
    if (
        not lines
        or para.bulletText
        or style.alignment != TA_LEFT
        or style.backColor
        or (style.borderColor and style.borderWidth)
        or style.wordWrap
        or style.firstLineIndent
        or getattr(lines_para, "us_lines", None)
        or getattr(lines_para, "link", None)
        or getattr(para, "autoLeading", getattr(style, "autoLeading", "")) in ("max", "min")
        or hasattr(para, "_offsets")
        or "preformatted" in para.__class__.__name__.lower()
        or not canvas.bottomup
    ):
        return False
    font = getFont(lines_para.fontName)
    if not font._dynamicFont:
        return False
    font_size = lines_para.fontSize
    canvas.saveState()
    canvas.setFillColor(lines_para.textColor)
    if paraFontSizeHeightOffset:
        top = para.height - font_size
    else:
        top = para.height - getattr(lines_para, "ascent", font_size)
    code = ["BT", f"1 0 0 1 {fp_str(x + style.leftIndent, y + top)} Tm"]
    add = code.append
    doc = canvas._doc
    escape = canvas._escape
    split = font.splitString
    font_setting = f"{fp_str(font_size)} Tf {fp_str(style.leading)} TL"
    subset_now = -1
    for extra, words in lines:
        text = " ".join(words)
        spaces = 0
        if not extra > -1e-8:
            spaces = len(words) + text.count("\xa0") - 1
            if spaces > 0:
                add(f"{fp_str(extra / float(spaces))} Tw")
        parts = []
        for subset, encoded in split(text, doc):
            if subset != subset_now:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {font_setting}")
                subset_now = subset
            parts.append(f"({escape(encoded)}) Tj")
        add(" ".join(parts) + " T*")
        if spaces > 0:
            add("0 Tw")
    add("ET")
    canvas._code.append(" ".join(code))
    canvas.restoreState()
    return True
