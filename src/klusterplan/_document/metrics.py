"""Text widths in the house typeface, and tables laid out to fit their text.

Word (in Calibri) and PDF (in Carlito) set text in the same metrics, so one
measurement serves both: a column is never narrower than the longest word it
holds at the size used, a short column is no wider than its text, and the
space left goes to the columns that have most to say (as browsers lay out
``table-layout: auto``). Widths are in points.

Pillow, which reportlab brings along, reads the font; it is imported only when
a table is measured.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import design as _design

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

__all__ = [
    "CELL_PADDING",
    "Measure",
    "chart_height",
    "chart_label_room",
    "fit_columns",
    "longest_word",
    "staircase_columns",
    "text_width",
    "whole_headers",
]

#: Left and right padding of a table cell together, in points (4 pt each side), with
#: 3 pt to spare for the borders and for rounding in the word processor.
CELL_PADDING = 11.0
#: Measured at this size and scaled: large enough that rounding does not matter.
_UNIT = 1000
# a no-break space joins what it stands between ("40 000 kr"): one word to fit
_WORDS = re.compile(r"[^ \t\r\n]+")


@functools.cache
def _font(bold: bool) -> FreeTypeFont:
    from PIL import ImageFont

    path = _design.font_file("bold" if bold else "regular")
    return ImageFont.truetype(str(path), _UNIT)


@functools.lru_cache(maxsize=65536)
def _unit_width(text: str, bold: bool) -> float:
    return float(_font(bold).getlength(text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of ``text`` at ``size`` points."""
    return _unit_width(text, bold) * size / _UNIT


Measure = Callable[[str, float, bool], float]
"""``measure(text, size, bold)``: the width of one line of text in points."""


def longest_word(
    text: str, size: float, bold: bool = False, measure: Measure | None = None
) -> float:
    """The width of the widest word of ``text``: the least a column holding it may be."""
    width = measure or text_width
    return max((width(w, size, bold) for w in _WORDS.findall(text)), default=0.0)


@functools.lru_cache(maxsize=65536)
def _unit_extent(text: str, bold: bool) -> tuple[float, float]:
    """The widest word and the widest line of ``text`` at the unit size."""
    word = max((_unit_width(w, bold) for w in _WORDS.findall(text)), default=0.0)
    line = max((_unit_width(t, bold) for t in text.splitlines()), default=0.0)
    return word, line


def _longest_line(text: str, size: float, bold: bool, measure: Measure) -> float:
    return max((measure(line, size, bold) for line in text.splitlines()), default=0.0)


def fit_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    available: float,
    size: float,
    *,
    measure: Measure | None = None,
    padding: float = CELL_PADDING,
    by_weight: bool = False,
) -> list[float] | None:
    """Column widths that fill ``available`` points, or ``None`` when the words do not fit.

    Headers are measured in bold. Every column gets at least its longest word
    plus ``padding``; a column whose text fits on one line gets no more than it
    needs unless there is space to spare, which then goes by ``weights``.
    ``measure`` gives the width of text in another font than the house typeface.
    ``by_weight`` shares the width by ``weights`` alone, each column at least its
    longest word: a sheet to write on by hand (:attr:`~klusterplan.document.Table.row_lines`)
    is sized by what gets written in it, not by what it prints to start from.
    """
    columns = len(headers)
    if not columns:
        return []
    least, wants = _extents(headers, rows, columns, size, measure, padding)
    if sum(least) > available:
        return None
    # a name or a group stays whole where the room allows: a cell of two words on one
    # line ("Karin Ahmadi"), of three or four on two at most ("Den kommunplacerade /
    # flyktingen"), never one word a line
    phrases = list(least)
    for row in () if by_weight else rows:
        for c, cell in enumerate(row[:columns]):
            phrases[c] = max(phrases[c], _phrase(cell, size, measure or text_width) + padding)
    if sum(phrases) <= available:
        least = phrases
        wants = [max(w, p) for w, p in zip(wants, phrases, strict=True)]
    weights = list(weights) if len(weights) == columns else [1.0] * columns
    if by_weight:
        return _weighed(least, weights, available)
    if sum(wants) <= available:
        # everything fits on one line: the spare space goes by weight
        spare = available - sum(wants)
        total = sum(weights) or 1.0
        return [w + spare * k / total for w, k in zip(wants, weights, strict=True)]
    # not all on one line: each column gets its least, the rest where it saves most lines
    return _shortest(headers, rows, least, wants, available, size, padding, measure or text_width)


def columns_fit(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: float,
    size: float,
    *,
    padding: float = CELL_PADDING,
) -> bool:
    """Whether every column of the house typeface's text fits ``available`` with its longest word.

    :func:`fit_columns` gives widths exactly when this holds; this asks only the question.
    """
    least, _ = _extents(headers, rows, len(headers), size, None, padding)
    return sum(least) <= available


def _extents(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    columns: int,
    size: float,
    measure: Measure | None,
    padding: float,
) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word) and the width its text wants on one line."""
    if measure is None:
        # the house typeface: each cell's widths are measured once, at the unit size
        scale = size / _UNIT

        def extent(text: str, bold: bool) -> tuple[float, float]:
            word, line = _unit_extent(text, bold)
            return word * scale, line * scale
    else:
        width = measure

        def extent(text: str, bold: bool) -> tuple[float, float]:
            return longest_word(text, size, bold, width), _longest_line(text, size, bold, width)

    least = [0.0] * columns
    wants = [0.0] * columns
    for cells, bold in ((headers, True), *((row, False) for row in rows)):
        for c, cell in enumerate(cells[:columns]):
            word, line = extent(cell, bold)
            least[c] = max(least[c], word + padding)
            wants[c] = max(wants[c], line + padding)
    return least, wants


#: How many shares the room left over is handed out in, a share at a time.
_SHARES = 48


def _shortest(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    least: list[float],
    wants: list[float],
    available: float,
    size: float,
    padding: float,
    measure: Measure,
) -> list[float]:
    """Widths from ``least`` up to ``available`` that make the table as short as they can.

    The room left over goes a share at a time to the column where it saves most:
    first the rows' lines (a row is as tall as its tallest cell), then the lines
    of all the cells, so that the column with most to say gets the room rather
    than one whose long cells stand in rows another column makes tall anyway.
    A column never gets more than its text on one line.
    """
    columns = len(least)
    table = [(list(headers), True), *((list(row), False) for row in rows)]
    cells = [
        [
            (_word_widths(cells[c], size, bold, measure) if c < len(cells) else ())
            for c in range(columns)
        ]
        for cells, bold in table
    ]
    space = measure(" ", size, False)
    widths = list(least)
    share = (available - sum(least)) / _SHARES
    _hand_out(_smooth_lines(cells, space, padding), widths, wants, share)
    _settle(cells, widths, least, wants, share, padding, space)
    # what no column can use (all on one line) goes by how much more each wants
    left = available - sum(widths)
    if left > 0.01:
        demand = [max(w - x, 0.0) for w, x in zip(wants, widths, strict=True)]
        total = sum(demand)
        if total <= 0:
            demand, total = [1.0] * columns, float(columns)
        widths = [x + left * d / total for x, d in zip(widths, demand, strict=True)]
    return widths


_Lines = tuple[list[float], float]


def _smooth_lines(
    cells: list[list[tuple[tuple[float, ...], ...]]], space: float, padding: float
) -> Callable[[int, float], _Lines]:
    """The lines of a column's cells at a width, and all of them, as a smooth measure.

    Each cell's lines are its text's length over the width, a line at least, so
    that room given a long cell always counts.
    """
    columns = len(cells[0])
    # each line's length on one line, its words and the spaces between them, column by column
    by_column = [
        [[sum(line) + space * (len(line) - 1) for line in row[c]] for row in cells]
        for c in range(columns)
    ]
    # (most cells are one line of text: their lengths in a flat list, one division each)
    single = [
        [cell[0] for cell in column] if all(len(cell) == 1 for cell in column) else None
        for column in by_column
    ]

    def lines(c: int, width: float) -> _Lines:
        room = max(width - padding, 1.0)
        flat = single[c]
        if flat is not None:
            counts = [max(1.0, length / room) for length in flat]
        else:
            counts = [sum(max(1.0, length / room) for length in cell) for cell in by_column[c]]
        return counts, sum(counts)

    return lines


def _hand_out(
    lines: Callable[[int, float], _Lines], widths: list[float], wants: list[float], share: float
) -> None:
    """Give ``widths`` their shares one at a time, each where it saves most (:func:`_shortest`)."""
    columns = len(widths)
    now = [lines(c, widths[c]) for c in range(columns)]
    counts = [col[0] for col in now]
    # each column's lines one share wider, until it gets that share
    wider: list[_Lines | None] = [None] * columns
    half = share / 2
    for _ in range(_SHARES):
        cells_now = sum(col[1] for col in now)
        rows_now = _rows_height(counts)
        best = -1
        best_key = (0.0, 0.0, 0.0)
        for c in range(columns):
            width = widths[c]
            if width + share > wants[c] + half:
                continue
            then = wider[c]
            if then is None:
                then = wider[c] = lines(c, width + share)
            counts[c] = then[0]
            rows_then = _rows_height(counts)
            counts[c] = now[c][0]
            cells_then = cells_now - now[c][1] + then[1]
            # between columns that save as much, the one that wants most more
            key = (rows_now - rows_then, cells_now - cells_then, wants[c] - width)
            if best < 0 or key > best_key:
                best, best_key = c, key
        if best < 0:
            return
        widths[best] += share
        then = wider[best]
        assert then is not None
        now[best], counts[best], wider[best] = then, then[0], None


#: The most shares :func:`_settle` moves at once, and how many moves it makes at most.
_MOVE, _MOVES = 8, 24


def _settle(
    cells: list[list[tuple[tuple[float, ...], ...]]],
    widths: list[float],
    least: list[float],
    wants: list[float],
    share: float,
    padding: float,
    space: float,
) -> None:
    """Move shares between columns of ``widths`` while the table gets shorter, wrapped as set.

    Handing out the room a share at a time measures lines as a smooth length: a
    cell of long names wraps on fewer lines than that promises. Here the lines
    are counted word by word, and a few shares at once moved from one column to
    another, as long as fewer lines of rows result (or as many, and fewer of cells).
    """
    columns = len(widths)
    if columns < 2:
        return
    by_column = [[row[c] for row in cells] for c in range(columns)]
    known: list[dict[float, tuple[list[int], int]]] = [{} for _ in range(columns)]

    def lines(c: int, width: float) -> tuple[list[int], int]:
        # (each width is tried for many pairs of columns: counted once)
        found = known[c].get(width)
        if found is None:
            counts = [_wrapped_lines(cell, width - padding, space) for cell in by_column[c]]
            found = known[c][width] = (counts, sum(counts))
        return found

    none = [0] * len(cells)
    now = [lines(c, widths[c]) for c in range(columns)]
    for _ in range(_MOVES):
        total = sum(col[1] for col in now)
        counts = [col[0] for col in now]
        here = (_rows_height(counts), total)
        bound = here[0]
        best: tuple[tuple[float, int], int, int, float] | None = None
        # the rows' height in the columns a move leaves as they are, for each pair
        others_of: dict[tuple[int, int], list[int]] = {}
        for give in range(columns):
            for take in range(columns):
                if give == take:
                    continue
                most = _reach(widths, least, wants, give, take, share)
                if not most:
                    continue
                pair = (min(give, take), max(give, take))
                others = others_of.get(pair)
                if others is None:
                    others = others_of[pair] = _rows_apart(counts, pair, none)
                # no move of this pair makes the rows shorter than both columns at their
                # fewest lines (a column never wraps on more lines for more room)
                fewest = sum(
                    map(
                        max,
                        others,
                        lines(give, widths[give] - share)[0],
                        lines(take, widths[take] + share * most)[0],
                    )
                )
                if fewest > bound:
                    continue
                rest = total - now[give][1] - now[take][1]
                for k in range(1, most + 1):
                    step = share * k
                    given, given_total = lines(give, widths[give] - step)
                    taken, taken_total = lines(take, widths[take] + step)
                    then = (sum(map(max, others, given, taken)), rest + given_total + taken_total)
                    if then < here and (best is None or then < best[0]):
                        best = (then, give, take, step)
                        bound = then[0]
        if best is None:
            return
        _, give, take, step = best
        widths[give] -= step
        widths[take] += step
        now[give] = lines(give, widths[give])
        now[take] = lines(take, widths[take])


def _reach(
    widths: list[float], least: list[float], wants: list[float], give: int, take: int, share: float
) -> int:
    """How many shares (up to :data:`_MOVE`) ``give`` can pass to ``take`` within their limits."""
    most = 0
    for k in range(1, _MOVE + 1):
        step = share * k
        if (
            widths[give] - step < least[give] - 0.01
            or widths[take] + step > wants[take] + share / 2
        ):
            break
        most = k
    return most


def _rows_apart(counts: list[list[int]], pair: tuple[int, int], none: list[int]) -> list[int]:
    """Each row's lines in the columns other than ``pair``."""
    rest = [counts[c] for c in range(len(counts)) if c not in pair]
    if len(rest) > 1:
        return list(map(max, *rest))
    return rest[0] if rest else none


def _rows_height(columns: Sequence[Sequence[float]]) -> float:
    """The height of the rows whose cells, column by column, are ``columns`` lines tall."""
    if len(columns) == 1:
        return float(sum(columns[0]))
    return float(sum(map(max, *columns)))


def even_breaks(
    runs: Sequence[tuple[int, float]], total: float, room: float, pages: int, first: float = 0.0
) -> list[int]:
    """Breaks before some of ``runs`` that share ``total`` out evenly among ``pages`` pages.

    ``runs`` are (key, height) in order, what may start a page (a contents
    chapter's entry with its sections); ``first`` is what stands above the
    first run (the contents' title). Each page takes runs up to an even share,
    the share growing until the runs fit on ``pages`` pages of ``room``; never
    a break before the run keyed 0, or above the first run on a page.
    """
    limit = total / pages
    while True:
        breaks: list[int] = []
        used = first
        for k, height in runs:
            if used and used + height > limit and k:
                breaks.append(k)
                used = 0.0
            used += height
        if len(breaks) < pages or limit >= room:
            return breaks
        limit += 6


def _word_widths(
    text: str, size: float, bold: bool, measure: Measure
) -> tuple[tuple[float, ...], ...]:
    """The widths of the words of each line of ``text``."""
    return tuple(
        tuple(measure(w, size, bold) for w in _WORDS.findall(line)) for line in text.splitlines()
    ) or ((),)


def _wrapped_lines(words: tuple[tuple[float, ...], ...], width: float, space: float) -> int:
    """How many lines words of these widths fill at ``width``, wrapped word by word."""
    count = 0
    for line in words:
        count += 1
        at: float | None = None
        for word in line:
            if at is None:
                at = word
            elif at + space + word <= width:
                at += space + word
            else:
                count += 1
                at = word
    return count


def whole_headers(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float,
    measure: Measure,
    padding: float,
) -> list[float]:
    """``widths`` with room for the header of a column of short values on one line.

    A column whose values each fit on one line, but whose header would take two
    ("Klart senast" over dates), takes what it needs from the widest column, as
    long as that keeps two fifths of the table's width.
    """
    out = list(widths)
    total = sum(out)
    for c, header in enumerate(headers):
        body = max((measure(row[c], size, False) for row in rows if c < len(row)), default=0.0)
        need = measure(header, size, True) + padding
        widest = max(range(len(out)), key=out.__getitem__)
        if widest == c or body + padding > out[c] or need <= out[c]:
            continue
        if out[widest] - (need - out[c]) >= total * 0.4:
            out[widest] -= need - out[c]
            out[c] = need
    return out


def _phrase(cell: str, size: float, measure: Measure) -> float:
    """The least width a short cell of two to four words needs: one line, or two."""
    words = cell.split(" ")
    if not 2 <= len(words) <= 4 or "\n" in cell or not all(words):
        return 0.0
    if len(words) == 2:
        return measure(cell, size, False)
    return min(
        max(measure(" ".join(words[:i]), size, False), measure(" ".join(words[i:]), size, False))
        for i in range(1, len(words))
    )


def _weighed(least: list[float], weights: list[float], available: float) -> list[float]:
    """``available`` shared by ``weights``, no column under its ``least``."""
    widths = [0.0] * len(least)
    fixed: set[int] = set()
    while True:
        room = available - sum(least[c] for c in fixed)
        total = sum(w for c, w in enumerate(weights) if c not in fixed) or 1.0
        for c, w in enumerate(weights):
            widths[c] = least[c] if c in fixed else room * w / total
        short = {c for c in range(len(least)) if c not in fixed and widths[c] < least[c]}
        if not short:
            return widths
        fixed |= short


def staircase_columns(
    steps: Sequence[tuple[str, Sequence[str]]],
    width: float,
    size: float,
    padding: float,
    write_in: bool = False,
) -> list[float]:
    """The column widths of a staircase of ``steps`` (a label and its groups, lowest first).

    Step ``k`` (from 1) stands on the columns from ``k`` to the last, so the
    highest step has the last column alone. The first columns, the stairs'
    treads, are narrowed so that each step holds its label ("5. Ambassadör") and
    each of its groups on one line; a tread is never narrower than a third of
    an even share, so that the stairs still rise. Steps to ``write_in`` leave the
    highest step room for a group's name in handwriting, two fifths of the width.
    """
    count = len(steps)
    if count < 2:
        return [width] * count
    even = width / count
    tread = even
    for k, (label, groups) in enumerate(steps[1:], start=2):
        need = (
            max([text_width(label, size, True), *(text_width(g, size) for g in groups)]) + padding
        )
        tread = min(tread, (width - need) / (k - 1))
    if write_in:
        tread = min(tread, width * 0.6 / (count - 1))
    tread = max(tread, even / 3)
    return [tread] * (count - 1) + [width - tread * (count - 1)]


def chart_label_room(labels: tuple[str, ...], width: float, large_print: bool) -> float:
    """The width of a bar chart's names (one line each): the longest, at most half the chart."""
    size = _design.size("table", large_print)
    longest = max((text_width(label, size) for label in labels), default=0.0)
    return min(longest + size * 1.5, width * 0.5)


def chart_height(labels: tuple[str, ...], width: float, large_print: bool) -> float:
    """A bar chart's height in points: a bar and a gap for each name, and the value axis.

    A name wider than half the chart wraps onto more lines: its bar gets the room,
    up to four fifths of a portrait page.
    """
    size = _design.size("table", large_print)
    room = chart_label_room(labels, width, large_print) - size
    lines = 0
    for label in labels:
        lines += max(1, -(-int(text_width(label, size)) // max(1, int(room))))
    bars = max(1, len(labels))
    height = max(bars * size * 2.4, lines * size * 1.25 + bars * size) + size * 4
    # a name of a thousand words would make the chart taller than the page it stands on
    return min(height, _design.text_height(False) * 0.8)
