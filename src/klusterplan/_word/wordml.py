"""WordprocessingML written as text in bulk: runs, paragraphs, marks, for the Word body.

python-docx builds a table cell by cell, each a round of element lookups
and insertions; for a plan's dozen tables that is most of an export's time.
So the body is written as one XML string, every piece of plan text escaped,
and parsed once. These modules do not import python-docx: they only know the
style ids and measures the caller hands them (:class:`~.marks.Look`).

Every plan value the document marks (:class:`~klusterplan.document.Mark`) is
written between a bookmark's start and end (:mod:`klusterplan._word.marks`),
which Word and LibreOffice keep and which hides nothing from python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._document import design as _design
from .._model import paths as _paths
from .._support.xml import escape_attribute
from ..document import HAND_LINE_MM, Mark, Marks, Section, language_tag, pieces
from ..model import Language
from .marks import PLACEMENT, VALUE, Look, bookmark_name

__all__ = [
    "GREY",
    "HAND_LINE",
    "RULED_LINE",
    "RULE_ROOM",
    "kept_together",
    "MUTED",
    "NO_BORDERS",
    "RULE",
    "SMALLEST",
    "TINT",
    "WriterBase",
    "borders",
    "esc",
    "lang_xml",
    "p_xml",
    "plain_hyphens",
    "run_xml",
    "size_xml",
]

_PARAGRAPHS = re.compile(r"\n\s*\n")
#: A handwriting line in twips, as the document tree sets it (9 mm: 510 twips).
HAND_LINE = round(HAND_LINE_MM / 25.4 * 1440)
#: The least type size, in half-points, a table may shrink to so that its words fit.
SMALLEST = 15
GREY = "A6A6A6"
#: Secondary text: captions (the house muted grey).
MUTED = _design.MUTED.lstrip("#")
RULE = "BFBFBF"
TINT = "EAF0F6"


def esc(text: str) -> str:
    """``text`` safe in XML text and attribute values."""
    return escape_attribute(text)


def lang_xml(lang: Language | None) -> str:
    """The run property that marks text in another language than the document's."""
    return f'<w:lang w:val="{language_tag(lang)}"/>' if lang is not None else ""


def size_xml(half_points: int) -> str:
    """The run properties of a type size in half-points."""
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


#: A hyphen inside a word ("IT-ansvarig", "2011-03-17"): Word's no-break hyphen, which the
#: PDF's line breaking never breaks at either, and which python-docx reads as "-".
_IN_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def _line_xml(line: str) -> str:
    return f'<w:t xml:space="preserve">{_IN_WORD_HYPHEN.sub(_NO_BREAK_HYPHEN, esc(line))}</w:t>'


def plain_hyphens(xml: str) -> str:
    """``xml`` (runs from :func:`run_xml`) with ordinary hyphens.

    A contents entry's title is so written, as Word writes it when it updates the contents.
    """
    return xml.replace(_NO_BREAK_HYPHEN, "-")


def run_xml(text: str, rpr: str = "") -> str:
    """One run per line of ``text``, lines separated by breaks; no line breaks inside a word."""
    lines = text.split("\n")
    inner = "<w:br/>".join(_line_xml(line) for line in lines)
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}{inner}</w:r>"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of ``text`` (paragraphs split at blank lines) starts and ends."""
    lo, hi = len(text) - len(text.lstrip()), len(text.rstrip())
    out: list[tuple[int, int]] = []
    pos = lo
    for sep in [*_PARAGRAPHS.finditer(text, lo, hi), None]:
        start, stop = pos, sep.start() if sep is not None else hi
        while start < stop and text[start] == "\n":
            start += 1
        while stop > start and text[stop - 1] == "\n":
            stop -= 1
        if text[start:stop].strip():
            out.append((start, stop))
        if sep is not None:
            pos = sep.end()
    return out


def local_marks(marks: Marks, start: int, end: int) -> Marks:
    """The marks within text[start:end], counted from ``start``."""
    out = []
    for m in marks:
        if (m.start < end and m.end > start) or (m.start == m.end and start <= m.start <= end):
            out.append(Mark(m.path, max(m.start, start) - start, min(m.end, end) - start))
    return tuple(out)


def p_xml(content: str, ppr: str = "", style: str = "") -> str:
    """A paragraph of ``content`` runs, with properties ``ppr`` and style id ``style``."""
    head = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{head}{ppr}</w:pPr>" if head or ppr else ""
    return f"<w:p>{props}{content}</w:p>"


def borders(tag: str, sides: tuple[str, ...], colour: str, size: int = 4) -> str:
    """Single lines of ``colour`` on ``sides``, in a ``tag`` (``pBdr``, ``tcBorders`` ...)."""
    inner = "".join(
        f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>' for side in sides
    )
    return f"<w:{tag}>{inner}</w:{tag}>"


#: A handwriting line's paragraph properties: :data:`HAND_LINE` high, ruled under. "between"
#: rules each line of a run of them, which "bottom" alone would rule under the last only.
RULED_LINE = (
    borders("pBdr", ("bottom", "between"), GREY).replace('w:space="0"', 'w:space="1"')
    + f'<w:spacing w:before="0" w:after="0" w:line="{HAND_LINE - 51}" w:lineRule="exact"/>'
)
#: What a ruled line's rule and the space over it add to its height, in twips (measured as
#: LibreOffice prints it): the lines stand :data:`HAND_LINE` apart, as in the PDF.
RULE_ROOM = 51


NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


class WriterBase:
    """What every part of the body writer shares: the look, the marks, paragraphs of text."""

    def __init__(
        self, look: Look, new_list: Callable[[bool], int], workbook: bool, swedish: bool
    ) -> None:
        self.look = look
        self.new_list = new_list
        self.bullets = 0
        self.width = look.text_width
        self.workbook = workbook
        self.charts = 0
        self.bookmarks = 0
        self.swedish = swedish
        self.names: dict[str, int] = {}
        self.options: dict[str, tuple[str, ...]] = {}
        #: Whether the last workshop sheet was too tall to keep on one page.
        self.sheet_split = False

    def style(self, name: str) -> str:
        """The style id of the style ``name``."""
        return self.look.styles[name]

    def bookmark(
        self, kind: str, path: str, numbers: tuple[int, ...] | None = None
    ) -> tuple[str, str]:
        """A bookmark's start and end for ``path``, its name used once in the document."""
        base = bookmark_name(kind, path, numbers)
        n = self.names.get(base, 0)
        self.names[base] = n + 1
        name = bookmark_name(kind, path, numbers, n) if n else base
        self.bookmarks += 1
        i = self.bookmarks
        return f'<w:bookmarkStart w:id="{i}" w:name="{name}"/>', f'<w:bookmarkEnd w:id="{i}"/>'

    def _mark_bookmark(self, path: str) -> tuple[str, str]:
        where = _paths.split_placement(path)
        if where is None:
            return self.bookmark(VALUE, path)
        field, value = where
        return self.bookmark(PLACEMENT, field, (self.option(field, value),))

    def option(self, field: str, value: str) -> int:
        """A placement's option by its position: a centre's or step's in the plan's order."""
        found = self.options.get(field) or _paths.OPTIONS.get(field, ())
        return found.index(value) if value in found else 0

    def placing(self, placements: tuple[str, ...]) -> None:
        """Remember the order of a figure's placements: their bookmarks name them by it."""
        split = [w for p in placements if (w := _paths.split_placement(p)) is not None]
        if split:
            self.options[split[0][0]] = tuple(value for _, value in split)

    def value(self, path: str, inner: str) -> str:
        """``inner`` runs marked for ``path``, between a bookmark's start and end."""
        start, end = self._mark_bookmark(path)
        return f"{start}{inner}{end}"

    def marked(self, text: str, marks: Marks, rpr: str = "") -> str:
        """The runs of one paragraph's ``text``, each marked value within its bookmark."""
        if not marks:
            return run_xml(text, rpr) if text else ""
        out = []
        for piece, path in pieces(text, marks):
            runs = run_xml(piece, rpr) if piece else run_xml("", rpr)
            out.append(self.value(path, runs) if path else (run_xml(piece, rpr) if piece else ""))
        return "".join(out)

    def text_paragraphs(
        self, text: str, style: str = "", rpr: str = "", ppr: str = "", marks: Marks = ()
    ) -> str:
        """``text`` (its paragraphs separated by blank lines) as Word paragraphs."""
        spans = paragraph_spans(text)
        if not spans and marks:
            empty = tuple(Mark(m.path, 0, 0) for m in marks)
            return p_xml(self.marked("", empty, rpr), ppr, style)
        out = []
        for k, (a, b) in enumerate(spans):
            local = local_marks(marks, a, b)
            # an empty value where the text around it was trimmed (after "1. ") stands at
            # the end of the paragraph before it, or at the start of the first
            stray = [
                m
                for m in marks
                if m.start == m.end
                and not any(x <= m.start <= y for x, y in spans)
                and (k == len(spans) - 1 or m.start < spans[k + 1][0])
                and (m.start > b or k == 0)
            ]
            local += tuple(
                Mark(m.path, b - a if m.start > b else 0, b - a if m.start > b else 0)
                for m in stray
            )
            out.append(p_xml(self.marked(text[a:b].strip("\n"), local, rpr), ppr, style))
        return "".join(out)

    def heading(self, section: Section, bookmark: str, page_break: bool = False) -> str:
        """A section's heading, with the bookmark the contents link to."""
        ppr = "<w:pageBreakBefore/>" if page_break else ""
        self.bookmarks += 1
        mark = f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{bookmark}"/>'
        end = f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        return p_xml(
            mark + self.marked(section.title, section.marks, lang_xml(section.lang)) + end,
            ppr,
            self.style(f"Heading {section.level}"),
        )

    def figure_caption(self, text: str) -> str:
        """A figure's caption under it (the chart, the staircase, the matrix), as in the PDF."""
        rpr = f'<w:i/><w:color w:val="{MUTED}"/>'
        return p_xml(run_xml(text, rpr), '<w:spacing w:before="60" w:after="160"/>')

    def caption(self, text: str) -> str:
        """A bold line kept with what follows: a list's, a table's or a figure's title."""
        return p_xml(run_xml(text, "<w:b/>"), "<w:keepNext/>")


_KEEP = "<w:keepNext/>"
_P_OPEN = re.compile(r"<w:p>(<w:pPr>(<w:pStyle [^>]*/>)?)?")


def ends_in_lines(xml: str) -> bool:
    """Whether ``xml`` ends in a ruled line to write on (a question's lines, under its prompt).

    Lines added at a page's foot go on from such lines only: lines of their own, under a
    table or a figure's caption, would stand under no question.
    """
    xml = xml.rstrip()
    if not xml.endswith("</w:p>"):
        return False
    start = max(xml.rfind("<w:p>"), xml.rfind("<w:p "))
    return RULED_LINE in xml[start:]


def kept_together(xml: str) -> str:
    """``xml``'s paragraphs kept with the next, but for the last paragraph or table row.

    A question of the workbook (:attr:`~klusterplan.document.Section.keep_together`)
    so moves whole to the next page; one taller than a page breaks where it must.
    """
    last = xml.rfind("<w:tr>" if xml.endswith("</w:tbl>") else "<w:p>")
    last = last if last >= 0 else len(xml)

    def keep(match: re.Match[str]) -> str:
        if match.start() >= last:
            return match.group(0)
        if match.group(1) is None:
            return f"<w:p><w:pPr>{_KEEP}</w:pPr>"
        end = xml.find("</w:pPr>", match.end())
        if _KEEP in xml[match.end() : end]:
            return match.group(0)
        return match.group(0) + _KEEP

    return _P_OPEN.sub(keep, xml)
