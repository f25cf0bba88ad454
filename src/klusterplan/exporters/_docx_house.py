"""The house design of the Word export: language, type sizes and styles on the default package.

Made once a process per language, size and colour (see :class:`_House`), since
opening python-docx's default package and setting its styles costs more than a body.
Imported only when a Word export runs, since python-docx is a heavy import.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .._document import design as _design
from .._support.internals import use_internals
from .._word.layout import STYLE_SPACING
from .._word.marks import REQUIRED_STYLES

_A4 = (Mm(210), Mm(297))


def set_language(document: Any, tag: str) -> None:
    """Set the language in the style defaults, so that Word spell-checks in it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for holder in (rpr, document.styles["Normal"].element.find(qn("w:rPr"))):
        if holder is None:
            continue
        lang = holder.find(qn("w:lang"))
        if lang is None:
            if holder is not rpr:
                continue
            lang = OxmlElement("w:lang")
            holder.append(lang)
        lang.set(qn("w:val"), tag)


def set_sizes(document: Any, large_print: bool, max_level: int) -> None:
    if not large_print:
        return
    # storstil: nothing smaller than 16 pt, headings well above the body
    sizes = {"Normal": 16, "Title": 36, "Subtitle": 22, "Quote": 16, "List Bullet": 16}
    sizes |= {"List Number": 16, "Caption": 16}
    sizes |= {f"Heading {n}": max(26 - 3 * (n - 1), 17) for n in range(1, max_level + 1)}
    names = {s.name for s in document.styles}
    for name, size in sizes.items():
        if name in names:
            font = document.styles[name].font
            if font.size is None or font.size < Pt(size):
                font.size = Pt(size)


def no_small_print(document: Any) -> None:
    """Large print: no style, used or not, sets text under 16 pt."""
    for tag in ("w:sz", "w:szCs"):
        for size in document.styles.element.iter(qn(tag)):
            if int(size.get(qn("w:val"), "0")) < 32:
                size.set(qn("w:val"), "32")


def _rpr(style: Any) -> Any:
    element = style.element
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    return rpr


def _typeface(rpr: Any) -> None:
    """Set the house typeface on every script, dropping the theme's (Cambria, Calibri Light)."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), _design.WORD_TYPEFACE)
    rpr.insert(0, fonts)


def _house(document: Any, primary_colour: str, large_print: bool, max_level: int) -> None:
    """The house design: one typeface, its type scale, colours and spacing, no underlines."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _typeface(default_rpr)
    for old in (*default_rpr.findall(qn("w:sz")), *default_rpr.findall(qn("w:szCs"))):
        default_rpr.remove(old)
    half = str(round(_design.size("body", large_print) * 2))
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), half)
        default_rpr.append(element)
    primary = RGBColor.from_string(primary_colour)
    muted = RGBColor.from_string(_design.MUTED.lstrip("#"))
    dark = RGBColor.from_string("1F1F1F")
    # the sizes and spacing the contents' page numbers are estimated in (_word.layout)
    colours = {"Title": primary, "Subtitle": muted, "Quote": muted, "Heading 1": primary}
    colours |= {"Heading 2": dark, "Heading 3": muted}
    roles = {
        name: (role, colours.get(name), name.startswith("Heading") or name == "Title", a, b)
        for name, (role, a, b) in STYLE_SPACING.items()
    }
    for name, (role, colour, bold, before, after) in roles.items():
        if name.startswith("Heading") and int(name[-1]) > max_level:
            continue
        style = styles[name]
        _typeface(_rpr(style))
        # the default Subtitle and Title spread their letters; the PDF sets them as written
        for spread in _rpr(style).findall(qn("w:spacing")):
            _rpr(style).remove(spread)
        style.font.size = Pt(_design.size(role, large_print))
        style.font.bold = bold
        style.font.italic = name == "Quote"
        if colour is not None:
            style.font.color.rgb = colour
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        ppr = style.element.find(qn("w:pPr"))
        if ppr is not None:
            # the default Title has a rule under it, the default Quote a frame
            for border in ppr.findall(qn("w:pBdr")):
                ppr.remove(border)
        if name.startswith("Heading") or name == "Title":
            style.paragraph_format.keep_with_next = True
    styles["Normal"].paragraph_format.line_spacing = 1.1


def hex_colour(colour: str, default: str) -> str:
    text = colour.strip().lstrip("#").upper()
    valid = len(text) == 6 and all(c in "0123456789ABCDEF" for c in text)
    return text if valid else default.lstrip("#")


# parts of the house package no export changes: kept as their bytes, never parsed
_AS_BYTES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml",
        "application/vnd.openxmlformats-officedocument.theme+xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
)


class _House:
    """python-docx's default package in the house design, for one language, size and colour.

    Made once a process: opening the default package, parsing its large style
    sheet and setting the house styles cost a Word export more than its body.
    """

    def __init__(self, tag: str, large_print: bool, primary: str, max_level: int) -> None:
        document = docx.Document()
        needed = [*REQUIRED_STYLES, *(f"Heading {n}" for n in range(1, max_level + 1))]
        #: Style ids by name, for the body.
        self.styles = {name: document.styles[name].style_id for name in needed}
        set_language(document, tag)
        _house(document, primary, large_print, max_level)
        if large_print:
            no_small_print(document)
        #: The text width in twips, portrait and landscape.
        self.widths = set_page(document, None)
        stream = io.BytesIO()
        document.save(stream)
        self._data = stream.getvalue()
        self._reader: Any = None
        """python-docx's reader of the package, made when first used; ``False``: none."""

    def _package_reader(self) -> Any:
        if self._reader is None:
            self._reader = False
            try:
                from docx.opc.pkgreader import PackageReader

                reader: Any = PackageReader  # python-docx's internals are untyped
                self._reader = reader.from_file(io.BytesIO(self._data))
            except (ImportError, AttributeError):  # a python-docx without these internals
                pass
        return self._reader

    def open(self, whole: bool) -> Any:
        """A fresh python-docx document of this package.

        Unless ``whole``, the parts no export changes (styles, theme, fonts) are
        kept as bytes: nothing may read them as XML (no plugin sees the document).
        """
        if whole or not use_internals() or not self._package_reader():
            return docx.Document(io.BytesIO(self._data))
        from docx.opc.package import Unmarshaller
        from docx.opc.part import Part, PartFactory
        from docx.package import Package

        def part(partname: Any, content_type: str, reltype: str, blob: bytes, package: Any) -> Any:
            if content_type in _AS_BYTES:
                return Part(partname, content_type, blob, package)
            return PartFactory(partname, content_type, reltype, blob, package)

        package = Package()
        unmarshaller: Any = Unmarshaller  # python-docx's internals are untyped
        unmarshaller.unmarshal(self._package_reader(), package, part)
        return package.main_document_part.document


@functools.lru_cache(maxsize=16)
def house_package(tag: str, large_print: bool, primary: str, max_level: int) -> _House:
    """The house package for this language, print size, colour and depth of headings."""
    return _House(tag, large_print, primary, max_level)


def set_page(document: Any, template: Path | None) -> tuple[int, int]:
    """Set A4 for the built-in look; return the text width in twips, portrait and landscape."""
    section = document.sections[0]
    if template is None:
        section.page_width, section.page_height = _A4
        margin = Mm(_design.MARGIN_MM)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        section.header_distance = section.footer_distance = Mm(_design.MARGIN_MM / 2)
    margins = section.left_margin + section.right_margin
    # 635 EMU to a twip
    return int((section.page_width - margins) / 635), int((section.page_height - margins) / 635)
