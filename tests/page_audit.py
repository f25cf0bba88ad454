"""Page flow audited from a PDF's text positions: what a reader of the printed pages sees.

Every document klusterplan prints is measured page by page, whichever program
laid it out (reportlab, Typst, or LibreOffice for a Word file), from where its
words, rules and shaded rectangles fall:

- **fill**: a page less than 40% full, unless the next page starts a chapter or
  it is the last page;
- **heading at the foot**: a heading, or a label standing on its own line, with
  fewer than two lines of what follows under it on its page; or a heading over
  only a short introduction at the foot, the table it introduces on the next page;
- **prompt at the foot**: a bold question or caption ending a page, with nothing
  under it there: what it asks for (a table, lines) is on the next;
- **lone line**: one line of a paragraph alone at the foot or the top of a page;
- **lone field**: a record's first field (``Nr: 2``) alone at the foot, under a rule
  or apart from any field above it;
- **table split**: a table split over pages with fewer than two body rows on
  one of them, so that a header or a row stands alone;
- **lone field at the top**: a record (an action card) split so that one field
  (``Status: planerad``) stands alone at the top of the next page;
- **total alone at the top**: a total ("Totalt 47 000 kr") cut from what it adds up;
- **record split**: a record under its rule split over pages with fewer than
  :data:`RECORD_END` fields on one side (``Nr: 2`` and one field at the foot);
- **carried over**: the top of a page, up to its first heading, would have fitted
  in the room left at the foot of the page before (a chain of paragraphs kept
  with the next, too long, moved it);
- **short table split**: a table that takes less than half a page split over two;
- **table split needlessly**: a table ending a chapter split over two pages, though
  with its heading and introduction it fits one: it starts at one page's foot and
  leaves the next half empty, where whole it would fill the next (and the page it
  leaves stays at least :data:`LEAST_FILL` full);
- **broken value**: an amount, a date or a short label broken across lines
  (``8`` / ``000 kr``, ``2011-`` / ``03-15``, ``in`` / ``progress``), a word broken
  at its hyphen (``IT-`` / ``ansvarig``), a step's number cut from its name
  (``5.`` / ``Ambassadör``);
- **into the footer**: a box or a rule of the text reaching down into the footer;
- in a workbook (``questions``): **question goes on without it**, a page opening
  with lines, a table or a label cut off from their question; **continued with
  too little**, a question repeated "(forts.)" over less than :data:`LEAST_CARRIED`
  of a page (a heading and a row or two); on a landscape sheet to write on,
  **small type on a sheet** (under :data:`SHEET_TYPE` pt) and **low writing row**
  (a row under :data:`SHEET_ROW_MM` mm);
- **chapter's tail alone**: the last page, or one the next chapter follows, holding
  only the last few lines of a chapter begun on an earlier page (fewer than
  :data:`TAIL_LINES` lines, or reaching less than :data:`TAIL_FILL` down the page).

The audit knows only the house design's type sizes, not the document, so it
works on any PDF; :func:`audit` returns each defect with its page number.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

MM = 72 / 25.4
#: The bottom band holding the page footer, and the top band a running header.
FOOTER_BAND = 19 * MM
HEADER_BAND = 11 * MM
#: The text area's top and bottom margins in every format (20 and 22 mm).
TOP_MARGIN = 20 * MM
BOTTOM_MARGIN = 22 * MM
#: Least share of a page's text area that content must reach down to.
LEAST_FILL = 0.40
#: A page ending a chapter begun earlier holds at least this many lines of it ...
TAIL_LINES = 4
#: ... and reaches at least this far down: less looks like a page printed by mistake.
TAIL_FILL = 0.15
#: A workbook question continued on a page carries at least this share of it.
LEAST_CARRIED = 0.2
#: A landscape sheet a workshop writes on: its type at least this size (pt) ...
SHEET_TYPE = 9.9
#: ... and each of its rows at least this high (mm): a line of text and one to write on.
SHEET_ROW_MM = 11.5


@attrs.frozen
class Line:
    """One line of words at the same height, within one column of text."""

    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    first_bold: bool
    text: str
    words: tuple[str, ...]
    least: float = 0.0
    """The size of the line's smallest word."""


@attrs.frozen
class TablePart:
    """A table's header row on a page and the body rows under it there."""

    header: str
    top: float
    bottom: float
    rows: int
    bounds: tuple[float, ...] = ()
    """Where each row ends, the header's row first."""


@attrs.frozen
class Page:
    """What the audit reads off one page."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[TablePart, ...]
    content_top: float
    content_bottom: float
    rules: tuple[float, ...] = ()
    """The heights of horizontal rules at least 30 mm long: writing lines, table rows."""
    footer_gap: float | None = None
    """How far above the footer's rule the lowest box, rule or word of the text ends."""

    @property
    def is_contents(self) -> bool:
        """Whether the page lists contents: most of its lines end in a dot leader and a number."""
        listed = [line for line in self.lines if _LEADER.search(line.text)]
        return len(listed) >= max(1, len(self.lines) // 2)

    @property
    def fill(self) -> float:
        """How far down the text area the page's content reaches, 0 to 1."""
        usable = self.height - TOP_MARGIN - BOTTOM_MARGIN
        return max(0.0, (self.content_bottom - TOP_MARGIN) / usable)


_LEADER = re.compile(r"(\.\s?){4,}\s*\d+$")


@attrs.frozen
class Defect:
    """One thing a reader would stumble on, on page :attr:`page` (from 1)."""

    page: int
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"p{self.page} {self.kind}: {self.detail}"


def _is_bold(fontname: str) -> bool:
    return "bold" in fontname.lower()


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words grouped into lines: the same baseline, and no wide gap (a table's next cell)."""
    rows: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        rows.setdefault(round(word["bottom"]), []).append(word)
    merged: dict[int, list[dict[str, Any]]] = {}
    for key in sorted(rows):
        near = next((k for k in merged if abs(k - key) <= 1), None)
        merged.setdefault(key if near is None else near, []).extend(rows[key])
    lines = []
    for row in merged.values():
        row.sort(key=lambda w: w["x0"])
        column: list[dict[str, Any]] = []
        for word in row:
            gap = word["x0"] - column[-1]["x1"] if column else 0.0
            if column and gap > max(word["size"], column[-1]["size"]) * 0.7:
                lines.append(_line(column))
                column = []
            column.append(word)
        if column:
            lines.append(_line(column))
    return sorted(lines, key=lambda line: (line.top, line.x0))


def _line(words: list[dict[str, Any]]) -> Line:
    texts = tuple(w["text"] for w in words)
    return Line(
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=words[0]["x0"],
        x1=words[-1]["x1"],
        size=max(round(float(w["size"]), 1) for w in words),
        bold=all(_is_bold(w["fontname"]) for w in words),
        first_bold=_is_bold(words[0]["fontname"]),
        text=" ".join(texts),
        words=texts,
        least=min(round(float(w["size"]), 1) for w in words),
    )


def _dark(colour: Any) -> bool:
    """Whether a fill colour is dark enough to be a table header's background."""
    if isinstance(colour, int | float):
        values: tuple[float, ...] = (float(colour),)
    elif (
        isinstance(colour, tuple | list)
        and colour
        and all(isinstance(v, int | float) for v in colour)
    ):
        values = tuple(float(v) for v in colour)
    else:
        return False
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        values = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return sum(values) / len(values) < 0.55


def _tables(page: Any, lines: list[Line], content_bottom: float) -> list[TablePart]:
    """Table headers (a dark filled row holding light text) and the body rows under each."""
    width = page.width - 2 * 20 * MM
    headers = sorted(
        (
            r
            for r in page.rects
            if r.get("fill")
            and _dark(r.get("non_stroking_color"))
            and 8 <= r["bottom"] - r["top"] <= 80
            and r["bottom"] < page.height - FOOTER_BAND
        ),
        key=lambda r: r["top"],
    )
    # a header row may be drawn as one rectangle a cell: join those on one row
    rows: list[dict[str, float]] = []
    for r in headers:
        if rows and abs(rows[-1]["top"] - r["top"]) < 1:
            rows[-1]["x0"] = min(rows[-1]["x0"], r["x0"])
            rows[-1]["x1"] = max(rows[-1]["x1"], r["x1"])
            rows[-1]["bottom"] = max(rows[-1]["bottom"], r["bottom"])
        else:
            rows.append({k: float(r[k]) for k in ("x0", "x1", "top", "bottom")})
    # a header spans a good part of the text's width (a chart's bar alone may not)
    rows = [r for r in rows if r["x1"] - r["x0"] >= 0.3 * width]
    # a row's rule, drawn whole or (as LibreOffice draws a Word table) a cell at a time
    spans: dict[float, float] = {}
    for shape in (*page.lines, *page.rects, *page.edges):
        if shape["bottom"] - shape["top"] < 2:
            y = round(float(shape["top"]), 1)
            spans[y] = spans.get(y, 0.0) + float(shape["x1"] - shape["x0"])
        elif shape["x1"] - shape["x0"] >= 0.5 * width:
            spans[round(float(shape["top"]), 1)] = width
            spans[round(float(shape["bottom"]), 1)] = width
    edges = sorted(y for y, long in spans.items() if long >= 0.5 * width)
    parts = []
    for i, header in enumerate(rows):
        limit = rows[i + 1]["top"] if i + 1 < len(rows) else content_bottom + 2
        text = " ".join(
            line.text
            for line in lines
            if header["top"] - 1 <= line.top and line.bottom <= header["bottom"] + 1
        )
        below = [y for y in edges if header["bottom"] + 2 < y <= limit + 0.5]
        # a row's lower edge; stop where text stands outside the table (the next block)
        bounds = [header["bottom"]]
        for y in below:
            outside = any(
                bounds[-1] < line.top < y and (line.x0 < header["x0"] - 2 or line.size > 13)
                for line in lines
            )
            if outside:
                break
            if y - bounds[-1] > 3:
                bounds.append(y)
        parts.append(TablePart(text, header["top"], bounds[-1], len(bounds) - 1, tuple(bounds)))
    return parts


def read_pages(data: bytes) -> list[Page]:
    """Every page of the PDF ``data``, as the audit sees it."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rule = _footer_rule(page)
            # the footer: under its rule, or in the page's bottom band
            foot = min(page.height - FOOTER_BAND, rule["top"] - 0.5 if rule else page.height)
            words = [
                w
                for w in page.extract_words(extra_attrs=["size", "fontname"])
                if w["top"] > HEADER_BAND and w["bottom"] < foot
            ]
            lines = _lines(words)
            shapes = [
                s
                for s in (*page.rects, *page.images, *page.curves, *page.lines)
                if s["bottom"] < foot
                and s["top"] > HEADER_BAND
                and s["bottom"] - s["top"] < page.height * 0.9
            ]
            tops = [line.top for line in lines] + [float(s["top"]) for s in shapes]
            bottoms = [line.bottom for line in lines] + [float(s["bottom"]) for s in shapes]
            bottom = max(bottoms, default=0.0)
            rules = sorted(
                {
                    round(float(s["top"]), 1)
                    for s in shapes
                    if s["x1"] - s["x0"] >= 30 * MM and s["bottom"] - s["top"] < 2
                }
            )
            pages.append(
                Page(
                    footer_gap=_footer_gap(page, rule, words),
                    number=number,
                    width=float(page.width),
                    height=float(page.height),
                    lines=tuple(lines),
                    tables=tuple(_tables(page, lines, bottom)),
                    content_top=min(tops, default=0.0),
                    content_bottom=bottom,
                    rules=tuple(rules),
                )
            )
    return pages


def _footer_rule(page: Any) -> dict[str, Any] | None:
    """The footer's rule: the lowest line across most of the page in its bottom 25 mm,
    with the footer's words under it."""
    width = page.width - 2 * 20 * MM
    thin = sorted(
        (s for s in (*page.rects, *page.lines) if s["bottom"] - s["top"] < 2),
        key=lambda s: (round(s["top"]), s["x0"]),
    )
    # a rule drawn in pieces end to end (a browser's footer, one under each margin
    # box) is one rule
    joined: list[dict[str, Any]] = []
    for s in thin:
        last = joined[-1] if joined else None
        if last and round(last["top"]) == round(s["top"]) and s["x0"] - last["x1"] < 2:
            last["x1"] = max(last["x1"], s["x1"])
        else:
            joined.append({"x0": s["x0"], "x1": s["x1"], "top": s["top"], "bottom": s["bottom"]})
    rules = [
        s for s in joined if s["x1"] - s["x0"] >= 0.8 * width and s["top"] > page.height - 25 * MM
    ]
    if not rules:
        return None
    rule = max(rules, key=lambda s: s["top"])
    words = page.extract_words()
    under = any(0 < w["top"] - rule["bottom"] < 10 * MM for w in words)
    return rule if under else None


def _footer_gap(page: Any, rule: dict[str, Any] | None, words: list[Any]) -> float | None:
    """The room between the text area's lowest box or word and the footer's rule above it."""
    if rule is None:
        return None
    shapes = [*page.rects, *page.lines]
    above = [
        float(s["bottom"])
        for s in shapes
        if s is not rule
        and s["bottom"] < rule["top"] + 3
        and s["top"] < rule["top"] - 2
        and s["bottom"] - s["top"] < page.height * 0.9
    ]
    above += [float(w["bottom"]) for w in words if w["bottom"] < rule["top"]]
    return float(rule["top"]) - max(above) if above else None


@attrs.frozen
class Sizes:
    """The type sizes of the document audited: body text, and the smallest heading."""

    body: float = 10.5
    heading: float = 12.5
    chapter: float = 20.0
    least: float = 0.0
    """The smallest type allowed anywhere above the footer: figures' labels and numbers too."""


NORMAL = Sizes()
LARGE = Sizes(body=16.0, heading=18.0, chapter=26.0, least=16.0)


def _is_heading(line: Line, sizes: Sizes) -> bool:
    return line.size >= sizes.heading - 0.3 and line.size > sizes.body + 1


#: A line ending in an amount closes what stands above it: a total ("Totalt 47 000 kr"),
#: not a contents' line, whose page number stands after a leader.
_TOTAL = re.compile(r"^[^.]*\d( ?(kr|SEK|%))?$")


def _is_label(line: Line, sizes: Sizes) -> bool:
    """A bold line at body size standing alone: a caption, a question, a list's name.

    A total ending in its amount closes a list of records: it is no label.
    """
    return (
        line.bold
        and abs(line.size - sizes.body) < 0.6
        and not line.text.endswith(".")
        and not _TOTAL.search(line.text)
    )


def _starts_chapter(page: Page, sizes: Sizes) -> bool:
    first = next((line for line in page.lines), None)
    return first is not None and first.size >= sizes.chapter - 0.5


_PROTECTED = (
    # a number grouped with a space: "8" | "000 kr", "40" | "000"
    (re.compile(r"^\d{1,3}$"), re.compile(r"^\d{3}\b")),
    # an amount's unit cut from its number
    (re.compile(r"\d$"), re.compile(r"^kr\b")),
    # a date cut at a hyphen
    (re.compile(r"^\d{4}-(\d{2}-)?$"), re.compile(r"^\d{2}")),
    # a numbered step's number cut from its name: "5." | "Ambassadör"
    (re.compile(r"^\d{1,2}\.$"), re.compile(r"^[A-ZÅÄÖ][a-zåäö]")),
)
#: A word broken at its hyphen, "IT-" | "ansvarig"; not a compound's first part
#: standing for a word that follows ("Daisy- och storstilsläsaren").
_HYPHEN_END = re.compile(r"\w-$")
_JOINING = frozenset({"och", "eller", "samt", "till", "and", "or", "to", "&"})


def _broken(above: Line, below: Line, phrases: Iterable[str], hyphens: bool) -> str | None:
    last, first = above.words[-1], below.words[0]
    for end, start in _PROTECTED:
        if end.search(last) and start.search(first):
            return f"{last} | {first}"
    joining = first.strip(",.") in _JOINING
    if hyphens and _HYPHEN_END.search(last) and first[:1].islower() and not joining:
        return f"{last} | {first}"
    for phrase in phrases:
        head, _, tail = phrase.partition(" ")
        if tail and last == head and below.text.startswith(tail):
            return f"{last} | {first}"
        if last.endswith("-") and (last[:-1] + first).startswith(phrase.replace(" ", "")):
            return f"{last} | {first}"
    return None


def _list_number(line: Line, lines: Sequence[Line]) -> bool:
    """Whether ``line`` is a list's number, its item's text beside it on the same line."""
    return len(line.words) == 1 and any(
        abs(o.top - line.top) < 2 and 0 < o.x0 - line.x1 < 3 * line.size for o in lines
    )


def _next_in_column(lines: Sequence[Line], index: int) -> Line | None:
    line = lines[index]
    for other in lines[index + 1 :]:
        if other.top > line.bottom + line.size * 1.6:
            return None
        if other.top >= line.bottom - 1 and other.x0 < line.x1 and line.x0 < other.x1:
            return other
    return None


def _paragraph_start(lines: Sequence[Line], index: int) -> Line:
    """The first line of the paragraph ``lines[index]`` ends: up while lines follow at leading,
    to the line a field's bold label opens."""
    while index > 0 and not lines[index].first_bold:
        line, above = lines[index], lines[index - 1]
        if line.top - above.bottom > line.size * 0.6 or abs(line.x0 - above.x0) > 2:
            break
        index -= 1
    return lines[index]


def _follows_field(page: Page, index: int) -> bool:
    """Whether line ``index`` is a field after another of the same record: no rule, no gap."""
    if index == 0:
        return False
    line, above = page.lines[index], page.lines[index - 1]
    if above.bottom < line.top - line.size:
        return False
    if any(above.bottom - 1 < y < line.top + 1 for y in page.rules):
        return False  # a rule between: the line opens a record of its own
    start = _paragraph_start(page.lines, index - 1)
    return start.first_bold and ":" in start.text


def _is_field(line: Line) -> bool:
    """Whether ``line`` opens a field: a bold label ending in a colon, then its value."""
    return line.first_bold and any(w.endswith(":") for w in line.words[:6])


def _lone_field_at_top(page: Page, before: Page, sizes: Sizes) -> str | None:
    """The field standing alone at the top of ``page``, cut from the record it ends.

    The record went on from the foot of the page before (which ends in one of
    its fields), and a rule, a heading or the page's end follows the one field.
    """
    lines = page.lines
    if not lines or not before.lines or not _is_field(lines[0]):
        return None
    if any(page.content_top - 2 <= y <= lines[0].top + 1 for y in page.rules):
        return None  # a record of its own starts under the rule
    if not _is_field(_paragraph_start(before.lines, len(before.lines) - 1)):
        return None
    fields, k = 1, 1
    while k < len(lines):
        line, above = lines[k], lines[k - 1]
        if _is_heading(line, sizes) or any(above.bottom - 1 < y < line.top + 1 for y in page.rules):
            break
        if line.top - above.bottom > line.size * 1.2 and not _is_field(line):
            return None  # a paragraph of its own: no record
        if _is_field(line):
            fields += 1
        elif line.first_bold:
            return None
        k += 1
    return lines[0].text if fields == 1 else None


#: The fewest fields of a record (a row in large print) on either side of a page break.
RECORD_END = 3


def _record_head(before: Page, sizes: Sizes) -> list[Line] | None:
    """The lines of the record ``before`` ends in: fields under a rule, in one column."""
    lines = before.lines
    if not lines:
        return None
    rules = [y for y in before.rules if y < lines[-1].top]
    if not rules:
        return None
    head = [line for line in lines if line.top > max(rules)]
    if not head or not _is_field(head[0]) or any(_is_heading(h, sizes) for h in head):
        return None
    if any(abs(line.x0 - head[0].x0) > 2 for line in head):
        return None  # a table's cells beside one another, not a record's fields
    for above, line in itertools.pairwise(head):
        if line.top - above.bottom > line.size * 1.2 or (line.first_bold and not _is_field(line)):
            return None  # the record ended: a paragraph or a label of its own follows
    return head


def _record_tail(page: Page, sizes: Sizes) -> list[Line]:
    """The lines opening ``page`` that go on with a record: up to a rule, a heading, a gap."""
    lines = page.lines
    if any(page.content_top - 2 <= y <= lines[0].top + 1 for y in page.rules):
        return []  # a record of its own starts under the rule
    tail = [lines[0]]
    for line in lines[1:]:
        above = tail[-1]
        if _is_heading(line, sizes) or any(above.bottom - 1 < y < line.top + 1 for y in page.rules):
            break
        if abs(line.x0 - tail[0].x0) > 2 or line.top - above.bottom > line.size * 1.2:
            break
        if line.first_bold and not _is_field(line):
            break  # a label of a list or a paragraph after the record
        tail.append(line)
    return tail


def _record_split(page: Page, before: Page, sizes: Sizes) -> str | None:
    """A record split over the break with fewer than :data:`RECORD_END` fields on a side."""
    head = _record_head(before, sizes)
    if head is None or not page.lines or _is_heading(page.lines[0], sizes):
        return None
    tail = _record_tail(page, sizes)
    if not tail or abs(tail[0].x0 - head[0].x0) > 2:
        return None
    above, below = sum(map(_is_field, head)), sum(map(_is_field, tail))
    if tail[0].first_bold and not _is_field(tail[0]):
        return None  # a label of what follows, not a field of the record
    if min(above, below) < RECORD_END:
        return f"{above} | {below} fields: {head[0].text[:30]!r} ... {tail[-1].text[:30]!r}"
    return None


#: A page a record leaves for the next is at least this full (three quarters): a long record
#: splits between its fields (three on each side) rather than leave a third of a page empty.
RECORD_FILL = 0.75
_CUE = re.compile(r"\((forts|cont)\.\)")


def _record_moved(page: Page, after: Page, sizes: Sizes) -> str | None:
    """A record that opens ``after`` whole, its first fields fitting the room ``page`` left.

    A page ending well short of its foot, before a record of six fields or more,
    had room for three of them: the record could have begun there.
    """
    if page.fill >= RECORD_FILL or not after.lines or page.is_contents:
        return None
    if not any(abs(y - after.content_top) < 3 for y in after.rules):
        return None  # no record opens the next page under its rule
    record: list[Line] = []
    for line in after.lines:
        if _is_heading(line, sizes) or any(
            record and record[-1].bottom - 1 < y < line.top + 1 for y in after.rules
        ):
            break
        record.append(line)
    fields = [k for k, line in enumerate(record) if _is_field(line)]
    if not record or not _is_field(record[0]) or len(fields) < 2 * RECORD_END:
        return None
    # the first three fields, from the rule over them to the fourth
    need = record[fields[RECORD_END]].top - after.content_top
    room = page.height - BOTTOM_MARGIN - page.content_bottom
    if need + sizes.body < room:
        return f"{page.fill:.0%} full; {record[0].text[:30]!r} opens the next page whole"
    return None


def _record_cue(page: Page, before: Page, sizes: Sizes) -> str | None:
    """A record going on at the top of ``page`` without its cue ("Nr: 1 (forts.)")."""
    head = _record_head(before, sizes)
    if head is None or not page.lines or not _is_field(page.lines[0]):
        return None
    tail = _record_tail(page, sizes)
    if not tail or abs(tail[0].x0 - head[0].x0) > 2 or _CUE.search(tail[0].text):
        return None
    return f"{tail[0].text[:40]!r} goes on with {head[0].text[:30]!r}'s record, unmarked"


#: An introduction to a table: this many lines of text at most.
INTRO_LINES = 4


def _intro_at_foot(page: Page, after: Page, index: int, sizes: Sizes) -> bool:
    """Whether the heading ``page.lines[index]`` ends the page over a short introduction
    alone, the table it introduces opening the next page."""
    heading, rest = page.lines[index], page.lines[index + 1 :]
    if not rest or len(rest) > INTRO_LINES or heading.bottom < page.height * 0.5:
        return False
    if any(line.bold or abs(line.size - sizes.body) > 0.6 for line in rest):
        return False  # a label or a caption: the checks for those see it
    if any(y > heading.bottom for y in page.rules) or page.content_bottom - rest[-1].bottom > 2:
        return False  # a table or a rule under it: what it introduces began here
    return bool(after.tables) and after.tables[0].top <= after.content_top + 3


def _fields_alone(page: Page, after: Page, index: int, sizes: Sizes) -> bool:
    """Whether the heading ``page.lines[index]`` ends the page over a few one-line fields
    alone ("Segment", "Röster"), the text they open going on at the top of the next."""
    heading, rest = page.lines[index], page.lines[index + 1 :]
    if not rest or len(rest) > RECORD_END or heading.bottom < page.height * 0.5:
        return False
    if not all(_is_field(line) for line in rest) or page.content_bottom - rest[-1].bottom > 2:
        return False
    first = after.lines[0] if after.lines else None
    return first is not None and not (first.bold or _is_field(first) or _is_heading(first, sizes))


def _carried_over(page: Page, before: Page, sizes: Sizes) -> str | None:
    """What opens ``page`` up to its first heading, when it fitted at the foot of ``before``."""
    lines = page.lines
    heading = next((k for k, line in enumerate(lines) if _is_heading(line, sizes)), None)
    if not heading or (page.tables and page.tables[0].top < lines[heading].top):
        return None
    top = lines[heading].top
    # the lines to write on under the text count too
    bottom = max([lines[heading - 1].bottom, *(y for y in page.rules if y < top)])
    height = bottom - page.content_top
    room = before.height - BOTTOM_MARGIN - before.content_bottom
    if height + 2 * sizes.body * 1.2 < room:
        return f"{lines[0].text[:40]!r} ({height / MM:.0f} mm; {room / MM:.0f} mm free above)"
    return None


def _split_needlessly(page: Page, after: Page, sizes: Sizes) -> str | None:
    """Why the table ending ``page`` and ending ``after`` should have gone over whole, if so.

    It ends the chapter on ``after``, and with its heading and introduction it fits
    one page: split, it starts at one page's foot and leaves the next half empty,
    where whole it would fill the next and leave the page before it still full enough.
    """
    part, rest = page.tables[-1], after.tables[0]
    if rest.bottom < after.content_bottom - 3:
        return None  # something follows it: moving it over would push that on
    above = [line for line in page.lines if line.bottom <= part.top + 1]
    heading = next((k for k in range(len(above) - 1, -1, -1) if _is_heading(above[k], sizes)), None)
    start = part.top
    if heading is not None and len(above) - heading - 1 <= INTRO_LINES:
        start = above[heading].top  # its heading and introduction go over with it
    usable = page.height - TOP_MARGIN - BOTTOM_MARGIN
    whole = page.content_bottom - start + rest.bottom - after.content_top
    left = (start - TOP_MARGIN) / usable
    if whole <= usable and left >= LEAST_FILL:
        return f"{whole / usable:.0%} of a page whole; the page before {left:.0%} full without it"
    return None


def _page_defects(
    page: Page, before: Page | None, sizes: Sizes, cues: bool = False
) -> list[Defect]:
    """A page's defects the audit's first checks do not see: records, carried text, footer."""
    out = []
    small = [line.text for line in page.lines if line.least < sizes.least - 0.3]
    if small:
        out.append(Defect(page.number, "small print", f"{small[0][:40]!r} under {sizes.least} pt"))
    if page.footer_gap is not None and page.footer_gap < 1.5 * MM:
        out.append(Defect(page.number, "into the footer", f"{page.footer_gap / MM:.1f} mm"))
    if before is None or page.number <= 2 or _starts_chapter(page, sizes):
        return out
    first = page.lines[0] if page.lines else None
    if first is not None and first.bold and _TOTAL.search(first.text):
        # the total went over the page from the records or the rows it adds up
        out.append(Defect(page.number, "total alone at the top", first.text))
    lone = _lone_field_at_top(page, before, sizes)
    if lone:
        out.append(Defect(page.number, "lone field at the top", lone))
    split = _record_split(page, before, sizes)
    if split and not lone:
        out.append(Defect(page.number, "record split", split))
    cue = _record_cue(page, before, sizes) if cues else None
    if cue:
        out.append(Defect(page.number, "record goes on unmarked", cue))
    carried = _carried_over(page, before, sizes)
    if carried and not before.is_contents:
        out.append(Defect(page.number, "carried over", carried))
    return out


def audit(
    data: bytes,
    sizes: Sizes = NORMAL,
    phrases: Iterable[str] = (),
    hyphens: bool = True,
    questions: bool = False,
    cues: bool = False,
) -> list[Defect]:
    """Every page-flow defect of the PDF ``data``; ``phrases`` are short labels never to break.

    With ``hyphens``, a word broken at its hyphen is a defect: a layout that
    hyphenates words by syllable (Typst's) sets hyphens of its own at lines' ends.
    With ``questions`` (a workbook), every page past the contents opens with a
    heading: a question, or the question again where it goes on. With ``cues``, a
    record going on over a page opens it with its first field marked as continued.
    """
    pages = read_pages(data)
    defects = _question_defects(pages, sizes) if questions else []
    phrases = tuple(p for p in phrases if " " in p or "-" in p)
    for i, page in enumerate(pages):
        after = pages[i + 1] if i + 1 < len(pages) else None
        before = pages[i - 1] if i else None
        # fill: a chapter may end short, but the contents may not spill a few lines over
        ends_chapter = after is not None and _starts_chapter(after, sizes)
        spilled = page.is_contents and before is not None and before.is_contents
        if after is not None and (spilled or not ends_chapter) and page.fill < LEAST_FILL:
            what = "contents page" if page.is_contents else "page"
            defects.append(Defect(page.number, f"near-empty {what}", f"{page.fill:.0%} full"))
        lines = page.lines
        defects.extend(_page_defects(page, before, sizes, cues))
        defects.extend(_cramped_entries(page))
        moved = _record_moved(page, after, sizes) if after and not ends_chapter else None
        if moved:
            defects.append(Defect(page.number, "record moved whole", moved))
        # a chapter's last lines alone on the page it ends on
        ends = after is None or ends_chapter
        begun = before is not None and lines and not _is_heading(lines[0], sizes)
        if ends and begun and (len(lines) < TAIL_LINES or page.fill < TAIL_FILL):
            detail = f"{len(lines)} line(s), {page.fill:.0%} full"
            defects.append(Defect(page.number, "chapter's tail alone", detail))
        # headings and labels kept with what follows
        # the cover is laid out by design: what stands at its foot is meant to
        cover = page.number == 1
        for k, line in enumerate(lines):
            if cover or after is None or not (_is_heading(line, sizes) or _is_label(line, sizes)):
                continue
            if ends_chapter or any(
                other is not line and abs(other.top - line.top) < 2 for other in lines
            ):
                # the end of a chapter (the cover's promise), or a label beside its value
                continue
            following = [other.top for other in lines[k + 1 :] if other.top > line.bottom - 1]
            following += [y for y in page.rules if y > line.bottom + 2]
            # what follows a label ends where the next page opens a section of its own
            section_ends = bool(after.lines) and _is_heading(after.lines[0], sizes)
            if following and section_ends and not _is_heading(line, sizes):
                continue
            if len(following) < 2 and line.bottom > page.height * 0.5:
                defects.append(Defect(page.number, "heading at the foot", f"{line.text!r}"))
            elif _is_heading(line, sizes) and _intro_at_foot(page, after, k, sizes):
                detail = f"{line.text!r} and its introduction, the table on the next page"
                defects.append(Defect(page.number, "heading at the foot", detail))
            elif _is_heading(line, sizes) and _fields_alone(page, after, k, sizes):
                detail = f"{line.text!r} over its short fields alone, their text on the next page"
                defects.append(Defect(page.number, "heading at the foot", detail))
        # a prompt (a bold question, a table's caption) ending the page, what it asks on the next
        if after is not None and not cover and lines and not ends_chapter:
            last = lines[-1]
            if (
                last.bold
                and abs(last.size - sizes.body) < 0.6
                and ":" not in last.text
                and not _TOTAL.search(last.text)
                and page.content_bottom - last.bottom < 2
                and last.bottom > page.height * 0.5
                and not any(abs(o.top - last.top) < 2 for o in lines if o is not last)
            ):
                defects.append(Defect(page.number, "prompt at the foot", repr(last.text)))
        # a record's first field alone at the foot: "Nr: 2"
        body = [
            line for line in lines if abs(line.size - sizes.body) < 0.6 or line.size < sizes.body
        ]
        if after is not None and not (ends_chapter or cover) and body and body[-1] is lines[-1]:
            last = lines[-1]
            if (
                last.first_bold
                and ":" in last.text
                and not _follows_field(page, len(lines) - 1)
                # rules under it (lines to write on) stand between it and the foot
                and not any(y > last.bottom + 2 for y in page.rules)
                and after.lines
                and after.lines[0].first_bold
                # a section of its own on the next page: the record ended here
                and not _is_heading(after.lines[0], sizes)
            ):
                defects.append(Defect(page.number, "lone field at the foot", last.text))
        # one line of a paragraph alone at the top
        if before is not None and len(lines) >= 1 and before.lines:
            first, previous = lines[0], before.lines[-1]
            second = lines[1] if len(lines) > 1 else None
            plain = not first.bold and abs(first.size - sizes.body) < 0.6
            continued = (
                not previous.bold
                and abs(previous.size - first.size) < 0.3
                and previous.x1 > before.width - 20 * MM - 0.15 * (before.width - 40 * MM)
                and abs(previous.x0 - first.x0) < 2
            )
            ends = second is None or second.top - first.bottom > first.size * 0.9
            # (a contents line is an entry of its own, never a paragraph's last line)
            if plain and continued and ends and not page.tables and not page.is_contents:
                defects.append(Defect(page.number, "lone line at the top", first.text))
        # broken values
        for k, line in enumerate(lines):
            below_line = _next_in_column(lines, k)
            # a rule between them: two rows of a table (days late, 379 over 366), not one value
            ruled = below_line is not None and any(
                line.bottom - 1 < y < below_line.top + 1 for y in page.rules
            )
            if below_line is not None and not ruled and not _list_number(line, lines):
                broken = _broken(line, below_line, phrases, hyphens)
                if broken:
                    defects.append(Defect(page.number, "broken value", broken))
        # tables split with a lone row
        if page.tables and after is not None and after.tables:
            last_table, next_first = page.tables[-1], after.tables[0]
            continues = (
                last_table.header == next_first.header
                and last_table.bottom >= page.content_bottom - 3
                and next_first.top <= after.content_top + 3
            )
            if continues and last_table.rows < 2:
                defects.append(
                    Defect(page.number, "table split", f"{last_table.rows} row(s) before the break")
                )
            if continues and next_first.rows < 2:
                defects.append(
                    Defect(after.number, "table split", f"{next_first.rows} row(s) after the break")
                )
            usable = page.height - TOP_MARGIN - BOTTOM_MARGIN
            whole = last_table.bottom - last_table.top + next_first.bottom - next_first.top
            if continues and whole < usable * 0.45:
                # (a little under half a page: the rows' heights as the layout measured them)
                defects.append(
                    Defect(page.number, "short table split", f"{whole / usable:.0%} of a page")
                )
            elif continues:
                final = i + 2 >= len(pages) or _starts_chapter(pages[i + 2], sizes)
                needless = _split_needlessly(page, after, sizes) if final else None
                if needless:
                    defects.append(Defect(page.number, "table split needlessly", needless))
    return defects


def _question_defects(pages: Sequence[Page], sizes: Sizes) -> list[Defect]:
    """A workbook's pages that go on with a question without it above them.

    Past the cover and the contents, a page that opens with anything but a
    heading shows lines to write on, a table or a label cut off from the question
    they belong to (a question at the foot of the page before, its parts here).
    """
    out: list[Defect] = []
    begun = False  # past the contents
    for before, page in itertools.pairwise(pages):
        if page.is_contents or not page.lines:
            continue
        first = page.lines[0]
        # a sheet going on over the page, its header row repeated at the top, says what it is
        sheet = (
            page.tables
            and before.tables
            and page.tables[0].top <= page.content_top + 3
            and page.tables[0].header == before.tables[-1].header
            and before.tables[-1].bottom >= before.content_bottom - 3
        )
        # a question's heading, or a chapter's: a part's own (point 17's goals) is smaller
        if begun and first.size < sizes.heading + 1 and not sheet:
            out.append(Defect(page.number, "question goes on without it", repr(first.text)))
        begun = True
        out.extend(_carried(page, sizes))
        if page.width > page.height:
            out.extend(_sheet_defects(page))
    return out


def _carried(page: Page, sizes: Sizes) -> list[Defect]:
    """A question repeated at a page's top over too little of it: a heading and a row or two."""
    first = page.lines[0]
    if not (first.size >= sizes.heading - 0.5 and re.search(r"\((forts|cont)\.\)$", first.text)):
        return []
    # up to the next question (a heading as large): its own parts' headings are its
    after = [line.top for line in page.lines[1:] if line.size >= first.size - 0.3]
    end = min(after, default=page.content_bottom)
    usable = page.height - TOP_MARGIN - BOTTOM_MARGIN
    if (end - first.bottom) / usable < LEAST_CARRIED:
        share = f"{(end - first.bottom) / usable:.0%} of a page under {first.text!r}"
        return [Defect(page.number, "continued with too little", share)]
    return []


def _sheet_defects(page: Page) -> list[Defect]:
    """A landscape sheet's type too small to read, or its rows too low to write in."""
    out = []
    for table in page.tables:
        inside = [line for line in page.lines if table.top - 1 <= line.top <= table.bottom]
        small = [line for line in inside if line.size < SHEET_TYPE]
        if small:
            detail = f"{min(line.size for line in small):.1f} pt: {small[0].text!r}"
            out.append(Defect(page.number, "small type on a sheet", detail))
        rows = [(b - a) / MM for a, b in itertools.pairwise(table.bounds)]
        low = [h for h in rows if h < SHEET_ROW_MM]
        if low:
            out.append(Defect(page.number, "low writing row", f"{min(low):.1f} mm"))
    return out


def _cramped_entries(page: Page) -> list[Defect]:
    """Contents entries whose page number follows their text without a dot leader.

    A long entry wrapped too late leaves no room for the leader on its last
    line: "biblioteken?.33" reads as one word, the number as part of the title.
    """
    listed = [line for line in page.lines if _LEADER.search(line.text)]
    if not page.is_contents or not listed:
        return []
    edge = max(line.x1 for line in listed)
    return [
        Defect(page.number, "contents entry without leader", line.text[-40:])
        for line in page.lines
        if not _LEADER.search(line.text)
        and re.search(r"\d+$", line.text)
        and abs(line.x1 - edge) < 2
    ]
