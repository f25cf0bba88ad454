"""The tagged PDF exporter: the plan, or the workshop workbook, as PDF/UA-1 to publish.

It renders the shared :class:`~klusterplan.document.Document` with Typst (the
``typst`` package, in the ``accessible`` extra) into a tagged PDF: a structure
tree with the document language, the title shown in the window title,
headings H1–H3, tables tagged once with their header cells (header rows
repeated on later pages are artifacts), lists, quotes, the votes chart as a
figure with alt text beside its table, bookmarks and the house typeface
(Carlito) embedded, with the PDF/UA identifier in its metadata.

The Typst source is a fixed template shipped with klusterplan
(``klusterplan/data/pdfua.typ``). The document goes in as data: the export
writes it as ``data.json`` into a new, empty folder, which is the only folder
Typst may read, and the template places every string as text. So text such as
``#read("/etc/passwd")`` or ``$x$`` prints as typed. Characters Carlito lacks
are found before compiling and named with their plan paths.

``typst`` is imported only when a tagged PDF is written; without it the export
stops with a message naming the extra to install.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import json
import math
import re
import tempfile
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, assert_never

from .._catalogue.labels import joined
from .._catalogue.messages import text
from .._document.colour import GRAPHIC_CONTRAST, checked_colour
from .._document.design import (
    ACCENT,
    MARGIN_MM,
    MUTED,
    PAGE_MM,
    PRIMARY,
    SIZES,
    STATUS_MARK,
    TABLE_RULE,
    TABLE_TINT,
    cover_label_mm,
    cover_space_mm,
    font_file,
    size,
    text_height,
)
from .._document.metrics import even_breaks, fit_columns, staircase_columns, text_width
from .._extension.exporter import ExportContext
from .._planfile.sanitise import plan_strings
from .._support.visible import shows_nothing
from ..document import (
    HAND_LINE_MM,
    Block,
    BulletList,
    Chart,
    Document,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Section,
    Staircase,
    Table,
    WritingSpace,
    chapters,
    has_wide_table,
    language_tag,
    marked_values,
)
from ..errors import PlanError, Problem
from ..model import Language
from ._chart import axis_ticks
from ._logo import inked
from ._pdf_fonts import Fonts, check_text

if TYPE_CHECKING:
    import typst

__all__ = ["render_pdfua"]

_PARAGRAPHS = re.compile(r"\n\s*\n")
_RANGE = re.compile(r"(?<=\d)–(?=\d)")
_LONG_WORD = re.compile(r"\S{1000,}")
_WORD_PIECE = 1000


def _breakable(text: str) -> str:
    """``text`` with a zero-width space every thousand characters of a word that long.

    Typst cuts a run of text at 65,535 bytes and stops (a Rust panic) when a
    letter of two bytes lies across the cut; a word of thousands of letters
    also needs places where a line may break.
    """
    if len(text) < _WORD_PIECE:
        return text
    return _LONG_WORD.sub(
        lambda m: "\u200b".join(
            m.group()[i : i + _WORD_PIECE] for i in range(0, len(m.group()), _WORD_PIECE)
        ),
        text,
    )


#: What to do about a character Carlito lacks: the tagged PDF has no fallback font.


@functools.cache
def _template() -> bytes:
    return (resources.files("klusterplan") / "data" / "pdfua.typ").read_bytes()


_compilers = threading.local()


def _compiler() -> typst.Compiler:
    import typst

    # One compiler for each thread: it loads the fonts once, and a compiler is
    # not to be shared ("Already borrowed" when two threads compile at once).
    # Only the shipped Carlito files are fonts to it; no font of the machine can slip in.
    compiler: typst.Compiler | None = getattr(_compilers, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(
            font_paths=[str(font_file("regular").parent)], ignore_system_fonts=True
        )
        _compilers.compiler = compiler
    return compiler


@functools.cache
def _characters() -> frozenset[int]:
    """The code points every style of the shipped Carlito has a glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    sets = [
        frozenset(TTFontFile(str(font_file(style))).charToGlyph)
        for style in ("regular", "bold", "italic", "bold_italic")
    ]
    return functools.reduce(frozenset.intersection, sets)


def _fonts() -> Fonts:
    return Fonts(
        regular="Carlito",
        bold="Carlito",
        italic="Carlito",
        bold_italic="Carlito",
        fallback=None,
        family="Carlito",
        chars=_characters(),
        fallback_chars=frozenset(),
    )


def _lang(lang: Language | None, document: Document) -> dict[str, str] | None:
    if lang is None or lang is document.language:
        return None
    return _tag(lang)


def _tag(lang: Language) -> dict[str, str]:
    language, _, region = language_tag(lang).partition("-")
    return {"lang": language, "region": region}


class _Data:
    """The document as the template's JSON data, every string prepared for the font."""

    def __init__(self, document: Document, fonts: Fonts, large_print: bool = False) -> None:
        self.document = document
        self.fonts = fonts
        self.large_print = large_print
        # the width a table is set in: the text width of a portrait or a landscape page
        self.width = _text_width(wide=False)
        self.height = text_height(landscape=False)

    def s(self, text: str) -> str:
        # a range of numbers ("årskurs 7–9") stays whole: Typst may break after a dash
        return _breakable(_RANGE.sub("–\u2060", self.fonts.prepare(text.strip())))

    def paragraphs(self, text: str) -> list[str]:
        return [self.s(p) for p in _PARAGRAPHS.split(text.strip()) if p.strip()]

    def table(
        self,
        headers: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        *,
        caption: str = "",
        widths: tuple[float, ...] = (),
        lang: Language | None = None,
        dense: bool = False,
        keep: bool = False,
        row_lines: int = 0,
        align: tuple[str, ...] = (),
        footer: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        if len(widths) != len(headers) or sum(widths) <= 0:
            widths = (1.0,) * len(headers)
        if footer:
            rows = (*rows, footer)
        # as the PDF sets its tables: no column narrower than its longest word, so that
        # no word is broken inside (the template's cells leave 4 pt each side)
        points = size("small" if dense else "table", self.large_print)
        # (a sheet to write in by its columns' weights: by what gets written there)
        fitted = fit_columns(
            headers, rows, widths, self.width, points, padding=9.0, by_weight=row_lines > 0
        )
        if fitted is not None:
            widths = _whole_headers(headers, tuple(fitted), points)
        least = 0.0
        if row_lines:
            least = _writing_row(points, row_lines, self.large_print)
            least = _shared_out(headers, rows, widths, self, points, least) if keep else least
        return {
            "kind": "table",
            "caption": self.s(caption),
            "headers": [self.s(h) for h in headers],
            # every row as long as the header: the template lays cells out by count
            "rows": [
                [self.s(joined(c)) for c in (*row, *("",) * len(headers))[: len(headers)]]
                for row in rows
            ],
            "widths": [w / sum(widths) for w in widths],
            "lang": _lang(lang, self.document),
            "dense": dense,
            # a few rows to write in stay whole: never one row cut off from the rest
            "keep": keep or (row_lines > 0 and len(rows) <= _KEPT_WRITING_ROWS),
            "row_lines": row_lines,
            # a row to write in at least this high (its text's room), in points
            "row_min": least,
            # amounts to the right, so that their digits line up, as in the PDF
            "right": [i < len(align) and align[i] == "right" for i in range(len(headers))],
            "footer": bool(footer),
            "start": _rows_height(headers, rows[:2], widths, self.width, points, least),
            # as in the PDF: a table of at most half a page is kept whole, so that a chart
            # goes with it and no page holds two or three of its rows
            "short": _rows_height(headers, rows, widths, self.width, points, least)
            <= self.height / 2,
        }

    def fields(self, block: Fields, lang: dict[str, str] | None) -> dict[str, Any]:
        """Label and value pairs."""
        return {
            "kind": "fields",
            "items": [
                {
                    "label": self.s(f.label),
                    "value": self.s(f.value),
                    "long": f.long,
                    "paragraphs": self.paragraphs(f.value),
                }
                for f in block.items
            ],
            "lang": lang,
            # as in the PDF: a few short fields stay together, none alone at a page's foot
            "short": sum(self._field_height(f.label, f.value, f.long) for f in block.items)
            < self.height / 4,
        }

    def _field_height(self, label: str, value: str, long: bool) -> float:
        """About how tall a field is in points, with the space under it."""
        points = size("body", self.large_print)
        line = points * 1.35
        shown = value if long else f"{label}: {value}"
        lines = sum(_lines(p, self.width, points, False) for p in _PARAGRAPHS.split(shown))
        # (a label over its value: its line, and the space above it and under it)
        return (lines + 1) * line + points if long else lines * line + points * 0.5

    def records(self, block: Table, lang: dict[str, str] | None) -> dict[str, Any]:
        """A table as one record a row."""
        # One record a row, as in the untagged PDF: label and value pairs read
        # well at 16 pt where eight columns would break every word.
        return {
            "kind": "records",
            "caption": self.s(block.caption),
            "records": [
                [
                    {"label": self.s(h or "#"), "value": self.s(c)}
                    for h, c in zip(block.headers, row, strict=False)
                    if c.strip() or block.row_lines
                ]
                for row in block.rows
            ],
            "lines": block.row_lines,
            "lang": lang,
        }

    def chart(self, block: Chart) -> dict[str, Any]:
        """The bars, their axis and text alternative, and the numbers as a table."""
        return {
            "kind": "chart",
            "title": self.s(block.title),
            "labels": [self.s(label) for label in block.labels],
            "values": list(block.values),
            "ticks": list(axis_ticks(block.values)),
            "alt": self.s(block.alt or block.title),
            "table": self.block(block.table),
        }

    def block(self, block: Block) -> dict[str, Any]:
        lang = _lang(getattr(block, "lang", None), self.document)
        match block:
            case Paragraph() if block.prompt:
                # a workbook question: set like a label
                return {"kind": "writing", "prompt": self.s(block.text.strip()), "lines": 0}
            case Paragraph():
                return {
                    "kind": "paragraph",
                    "paragraphs": self.paragraphs(block.text),
                    "lang": lang,
                }
            case Quote():
                return {
                    "kind": "quote",
                    "paragraphs": self.paragraphs(block.text),
                    "attribution": self.s(block.attribution),
                    "lang": lang,
                }
            case BulletList():
                return {
                    "kind": "list",
                    "caption": self.s(block.caption),
                    "items": [self.s(i) for i in block.items],
                    "ordered": block.ordered,
                    "lang": lang,
                }
            case Fields():
                return self.fields(block, lang)
            case Table() if block.records:
                return self.records(block, lang)
            case Table():
                return self.table(
                    block.headers,
                    block.rows,
                    caption=block.caption,
                    widths=block.widths,
                    lang=block.lang,
                    dense=block.dense,
                    keep=block.keep_together,
                    row_lines=block.row_lines,
                    align=block.align,
                    footer=block.footer,
                )
            case Chart():
                return self.chart(block)
            case Matrix():
                # drawn as in the PDF, a grid of two by two; its words are in the alt text
                return {
                    "kind": "matrix",
                    "title": self.s(block.title),
                    "cells": [
                        {"name": self.s(name), "groups": [self.s(g) for g in groups]}
                        for name, groups in block.cells
                    ],
                    "write_in": block.write_in,
                    "alt": self.s(block.alt or block.title),
                    "lang": lang,
                }
            case Staircase():
                return self.staircase(block, lang)
            case WritingSpace():
                return {"kind": "writing", "prompt": self.s(block.prompt), "lines": block.lines}
            case _:
                assert_never(block)

    def staircase(self, block: Staircase, lang: dict[str, str] | None) -> dict[str, Any]:
        """The staircase, drawn as in the PDF: the steps rising to the right, the lowest first."""
        return {
            "kind": "staircase",
            "title": self.s(block.title),
            # "5. Ambassadör": the number never alone on a line
            "steps": [
                {"name": self.s(name), "groups": [self.s(g) for g in groups]}
                for name, groups in zip(block.labels, block.groups, strict=False)
            ],
            "write_in": block.write_in,
            # as the PDF's: each step as wide as its label and its groups' names
            "columns": _fractions(
                staircase_columns(
                    list(zip(block.labels, block.groups, strict=False)),
                    self.width,
                    size("body", self.large_print),
                    14,
                    write_in=bool(block.write_in),
                )
            ),
            "alt": self.s(block.alt or block.title),
            "lang": lang,
        }

    def section(self, section: Section) -> dict[str, Any]:
        title = self.s(section.title)
        if shows_nothing(title):
            # PDF/UA-1 needs text in every heading; the check (KP703) names the field
            raise PlanError([Problem("", text("ua_empty_heading", title=repr(section.title)))])
        return {
            "title": title,
            "level": section.level,
            "lang": _lang(section.lang, self.document),
            "blocks": _kept_with_next(section.blocks, [self.block(b) for b in section.blocks]),
            "room": self._question_room(section),
        }

    def _question_room(self, section: Section) -> float:
        """The room a question's heading needs under it, in points: its lines to write on.

        A question and its lines move to the next page whole, and so do the chapter's
        heading and short introduction above it (0: the template's own room).
        """
        first = section.blocks[0] if section.blocks else None
        if not isinstance(first, WritingSpace) or first.lines > 12:
            return 0.0
        body = size("body", self.large_print)
        heading = size("h2", self.large_print) * 1.25 * 2
        return heading + body * (1.35 + 1.0 + 2 * first.lines)

    def chapters(self) -> list[dict[str, Any]]:
        out = []
        for chapter in chapters(self.document.sections):
            wide = has_wide_table(chapter) and not self.large_print
            self.width = _text_width(wide=wide)
            self.height = text_height(landscape=wide)
            shown = [self.section(s) for s in chapter]
            for here, after in itertools.pairwise(shown):
                # a chapter's short introduction goes with the question under it
                last = here["blocks"][-1] if here["blocks"] else {}
                if (
                    after["room"]
                    and after["level"] > here["level"]
                    and last.get("kind") == "paragraph"
                ):
                    last["with_next"] = sum(len(t) for t in last["paragraphs"]) <= _INTRODUCTION
            out.append({"wide": wide, "sections": shown})
        self.width = _text_width(wide=False)
        self.height = text_height(landscape=False)
        return out


def _whole_headers(
    headers: tuple[str, ...], widths: tuple[float, ...], points: float
) -> tuple[float, ...]:
    """``widths`` (in points) with each short header on one line ("Klart senast").

    A header of at most two words gets the little room it lacks from the widest
    column, where a line more costs least, while that column stays twice as wide.
    """
    out = list(widths)
    for k, header in enumerate(headers):
        need = text_width(header, points, True) + 9.0
        widest = max(range(len(out)), key=out.__getitem__)
        lack = need - out[k]
        if lack > 0 and len(header.split()) <= 2 and widest != k and out[widest] - lack > 2 * need:
            out[k] += lack
            out[widest] -= lack
    return tuple(out)


def _kept_with_next(blocks: tuple[Block, ...], data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blocks' data, each saying whether it goes to the next page with the one after it.

    A list introducing a figure goes with it, as in the PDF; so do one or two
    fields under a heading, which alone at a page's foot would say little, and a
    short paragraph introducing a table that is kept whole or the lines to write on.
    """
    # a section's last words, a field or two, never stand alone on a page: the two
    # lists before them go with them
    closing: set[int] = set()
    if blocks and isinstance(blocks[-1], Fields) and len(blocks[-1].items) <= 2:
        for k in range(len(blocks) - 2, max(-1, len(blocks) - 4), -1):
            if not isinstance(blocks[k], BulletList):
                break
            closing.add(k)
    out = []
    for i, (block, shown) in enumerate(zip(blocks, data, strict=True)):
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        following = data[i + 1] if i + 1 < len(blocks) else {}
        if isinstance(block, BulletList):
            with_next = isinstance(after, Chart | Staircase | Matrix) or i in closing
        elif isinstance(block, Fields):
            with_next = after is not None and len(block.items) <= 2
        elif isinstance(block, Paragraph) and isinstance(after, WritingSpace):
            # a question's words (or the plan's answer) never stand at a page's foot
            # without the room to write under them
            with_next = True
        elif isinstance(block, Paragraph) and not block.prompt:
            kept = following.get("kind") == "table" and (following["keep"] or following["short"])
            with_next = kept and len(block.text) <= _INTRODUCTION
        else:
            with_next = False
        out.append({**shown, "with_next": with_next})
    return out


#: A paragraph this long at most, before a table kept whole, goes to the next page with it.
_INTRODUCTION = 300


def _lines(text: str, width: float, points: float, bold: bool) -> int:
    """How many lines ``text`` wraps into at ``width`` points, word by word."""
    count = 0
    for paragraph in text.split("\n") or [""]:
        count += 1
        used = 0.0
        for word in paragraph.split():
            w = text_width(word + " ", points, bold)
            if used and used + w > width:
                count += 1
                used = 0.0
            used += w
    return max(count, 1)


def _rows_height(
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    widths: tuple[float, ...],
    width: float,
    points: float,
    least: float,
) -> float:
    """The height of a table's header and ``rows``, in points, a little generous.

    The template keeps the room of the header and the first two rows under a
    table's start, so that a table never starts with one row at a page's foot.
    A row is its lines 1.25 em apart, the cell's padding (5.5 pt) and its rule;
    a row to write in at least ``least`` points and that padding.
    """

    def tall(cells: tuple[str, ...], bold: bool) -> float:
        text = _cells_height(cells, widths, width, points, bold)
        return max(text, 0 if bold else least) + 7

    return tall(headers, True) + sum(tall(r, False) for r in rows)


def _cells_height(
    cells: tuple[str, ...], widths: tuple[float, ...], width: float, points: float, bold: bool
) -> float:
    """The height of a row's tallest cell's text, in points, without the cell's padding."""
    columns = [width * w / sum(widths) - 8 for w in widths]
    lines = max(_lines(c, w, points, bold) for c, w in zip(cells, columns, strict=False))
    return lines * points * 1.25


def _fractions(widths: list[float]) -> list[float]:
    """Each of ``widths`` as a share of their sum (equal shares when they sum to nothing)."""
    total = sum(widths)
    return [w / total if total > 0 else 1 / len(widths) for w in widths]


def _writing_row(points: float, row_lines: int, large_print: bool) -> float:
    """How high a row to write in is at least, in points, as in the PDF and Word.

    A line of text (what the row names: a number, a group) and ``row_lines``
    handwriting lines, 9 mm each (11 mm in large print).
    """
    return points * 1.25 + row_lines * (11.0 if large_print else HAND_LINE_MM) * _MM


def _shared_out(
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    widths: tuple[float, ...],
    sizes: Any,
    points: float,
    least: float,
) -> float:
    """A sheet kept on one page: its rows share the page out, as the PDF's do.

    None is less than one handwriting line high; a row the plan fills keeps its text.
    """
    gap = (11.0 if sizes.large_print else HAND_LINE_MM) * _MM
    pad = 5.5
    header = _cells_height(headers, widths, sizes.width, points, True) + pad
    texts = [_cells_height(row, widths, sizes.width, points, False) for row in rows]
    spare = sizes.height - 34 * _MM - header - len(texts) * pad
    if sum(max(t, least) for t in texts) <= spare:
        return least
    # the least height that fits: bisected, never under a handwriting line
    low, high = gap - pad, least
    for _ in range(20):
        mid = (low + high) / 2
        low, high = (mid, high) if sum(max(t, mid) for t in texts) <= spare else (low, mid)
    return max(low, gap - pad)


_MM = 72 / 25.4

#: A table of rows to write in with at most this many rows is kept on one page.
_KEPT_WRITING_ROWS = 6


def _text_width(wide: bool) -> float:
    """The text width in points of a portrait page, or of a landscape one."""
    across = PAGE_MM[1] if wide else PAGE_MM[0]
    return (across - 2 * MARGIN_MM) * 72 / 25.4


def _page_label(label: str) -> list[dict[str, str]]:
    tokens: list[dict[str, str]] = []
    for part in re.split(r"(\{page\}|\{pages\})", label):
        if part in ("{page}", "{pages}"):
            tokens.append({"kind": part[1:-1], "text": ""})
        elif part:
            tokens.append({"kind": "text", "text": part})
    return tokens


def _logo_file(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "logo.png"
    if data.startswith(b"\xff\xd8\xff"):
        return "logo.jpg"
    raise PlanError([Problem("", "the branding logo is neither a PNG nor a JPEG picture")])


def _texts(document: Document, context: ExportContext) -> Iterator[str]:
    yield from (text for _, text in plan_strings(document))
    yield context.branding.footer
    if context.branding.logo is not None:
        yield context.branding.logo.alt_text


def document_data(
    document: Document, context: ExportContext, fonts: Fonts
) -> tuple[dict[str, Any], bytes | None]:
    """The template's data for ``document``, and the logo's bytes if there is one."""
    branding = context.branding
    data = _Data(document, fonts, context.options.large_print)
    s = data.s
    large = context.options.large_print
    logo = branding.logo
    picture = inked(logo.data) if logo is not None else None
    footer = " · ".join(s(p) for p in (document.footer, branding.footer) if p.strip())
    title = f"{document.title} – {document.subtitle}" if document.subtitle else document.title
    date = document.date
    text_lang = document.text_language
    return {
        "title": s(title),
        "cover_title": s(document.title),
        "subtitle": s(document.subtitle),
        "author": s(document.author),
        "subject": s(document.subject),
        "keywords": [s(k) for k in document.keywords],
        "date": [date.year, date.month, date.day] if date else None,
        "lang": _tag(document.language),
        "text_lang": _lang(text_lang, document),
        "title_lines": [[s(k), s(v)] for k, v in document.title_lines],
        "control_lines": [[s(k), s(v)] for k, v in document.control_lines],
        "status_mark": s(document.status_mark),
        "label_mm": cover_label_mm(large),
        "space_mm": cover_space_mm(large),
        "promise": s(document.promise),
        "footer": footer,
        "page_label": _page_label(s(document.page_label)),
        "contents_title": s(document.contents_title),
        "contents_levels": document.contents_levels,
        "sizes": {role: size(role, large) for role in SIZES},
        "colours": {
            "primary": checked_colour(
                branding.primary_colour, PRIMARY, "primary_colour", context.notice
            ),
            "accent": checked_colour(
                branding.accent_colour, ACCENT, "accent_colour", context.notice, GRAPHIC_CONTRAST
            ),
            "status": STATUS_MARK,
            "muted": MUTED,
            "rule": TABLE_RULE,
            "tint": TABLE_TINT,
        },
        "logo": (
            {"file": _logo_file(picture), "alt": s(logo.alt_text), "width_mm": logo.width_mm}
            if logo is not None and picture is not None
            else None
        ),
        "front": [data.section(section) for section in document.front],
        "cover_fields": [s(name) for name in document.cover_fields],
        "chapters": data.chapters(),
        "contents_breaks": contents_breaks(document, large, top_mm=20 if logo is None else 27),
    }, picture


def contents_breaks(document: Document, large_print: bool, top_mm: float) -> list[int]:
    """Which of the contents' lines (counted from 1) start a contents page, as in the PDF.

    Contents longer than a page would fill the first and leave a few lines on
    the next; breaks share the lines out, so that no contents page is nearly
    empty. A page breaks before a chapter's line, or inside a long chapter
    where two of its sections' lines stay on each side. The heights are the
    template's: a line 1.35 em high, 3 pt between lines and more above a chapter's.
    """
    body = size("body", large_print)
    width = _text_width(wide=False)
    room = (PAGE_MM[1] - top_mm - _BOTTOM_MM) * 72 / 25.4 - 12
    heading = size("h1", large_print) * (1.35 + 0.8)
    entries = [
        s for s in (*document.front, *document.sections) if s.level <= document.contents_levels
    ]
    heights = []
    for section in entries:
        indent = (section.level - 1) * body * 1.4
        lines = _lines(section.title, width - indent - body * 3.5, body, section.level == 1)
        heights.append(lines * body * 1.35 + (body * 0.4 + 9 if section.level == 1 else 3))
    total = heading + sum(heights)
    if total <= room:
        return []
    # where a page may break: before a chapter's line, or, where that leaves a page
    # half empty, before a section's line with two of the chapter's lines above it and
    # two below
    chapters = [k for k, section in enumerate(entries) if section.level == 1 or k == 0]
    finer = []
    for k in range(len(entries)):
        chapter = max(j for j in chapters if j <= k) if k else 0
        end = min((j for j in chapters if j > k), default=len(entries))
        if k - chapter >= 3 and end - k >= 2:
            finer.append(k)
    pages = math.ceil(total / room)
    breaks = _shared(chapters, heights, heading, room, pages)
    shares = _shares(breaks, heights, heading)
    if min(shares) < room / 2:
        breaks = _shared(sorted({*chapters, *finer}), heights, heading, room, pages)
    return [k + 1 for k in breaks]


def _shares(breaks: list[int], heights: list[float], heading: float) -> list[float]:
    """How much of each page the lines fill with page breaks before lines ``breaks``."""
    edges = [0, *breaks, len(heights)]
    shares = [sum(heights[a:b]) for a, b in itertools.pairwise(edges)]
    shares[0] += heading
    return shares


def _shared(
    starts: list[int], heights: list[float], heading: float, room: float, pages: int
) -> list[int]:
    """Page breaks before some of ``starts`` that share the lines out among ``pages`` pages."""
    runs = [
        (k, sum(heights[k:end])) for k, end in zip(starts, [*starts[1:], len(heights)], strict=True)
    ]
    return even_breaks(runs, heading + sum(heights), room, pages, heading)


#: The page's margin at the foot, in millimetres: the footer stands in it.
_BOTTOM_MM = 22


def render_pdfua(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream`` as tagged PDF/UA-1.

    Typst must be installed; :mod:`.pdfua` checks that before coming here.
    """
    fonts = check_text(
        _fonts(), _texts(document, context), marked_values(document), context, "not_in_font_ua"
    )
    data, logo = document_data(document, context, fonts)
    date = document.date or _dt.date(1980, 1, 1)
    # The creation time is the document's date, so the same plan gives the same bytes.
    stamp = int(_dt.datetime(date.year, date.month, date.day, tzinfo=_dt.UTC).timestamp())
    with tempfile.TemporaryDirectory(prefix="klusterplan-") as folder:
        root = Path(folder)
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        if logo is not None:
            (root / data["logo"]["file"]).write_bytes(logo)
        try:
            pdf = _compiler().compile(
                input=_template(),
                format="pdf",
                root=str(root),
                pdf_standards=["ua-1"],
                timestamp=stamp,
            )
        except BaseException as exc:
            # Typst's own failures (Rust panics) derive from BaseException, past any
            # `except Exception`; they say something of the text, not of a bug here
            if type(exc).__module__ != "pyo3_runtime":
                raise
            raise PlanError([Problem("", text("ua_typst_stopped", reason=str(exc)))]) from None
    assert isinstance(pdf, bytes)
    stream.write(pdf)
