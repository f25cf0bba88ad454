"""How the HTML export's tables are laid out: column widths on a desk and on a phone.

A page cannot measure itself without a script, and the page runs none; so the
widths are measured here, in the house typeface at the size the page sets, the
same way for every table:

- on a phone a table stays a table when its columns fit the screen with every
  word whole, and a column of running text keeps room for a few words a line;
  only a table that does not fit becomes one record a row (``stack``);
- on a desk a table of many columns is wider than the text column, and every
  table's columns share its width by what they hold, so that a column of names is
  not squeezed to a word a line beside roomy dates.

Widths are in CSS pixels at a reader's default text size (16 px); the page
sets them as shares, so they scale with a reader's own text size.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._document.design import SIZES, size
from .._document.metrics import fit_columns, text_width

__all__ = [
    "LABEL_EMS",
    "WIDE_REM",
    "beside_columns",
    "desk_widths",
    "phone_widths",
    "table_px",
    "text_px",
]

#: The text width of a phone 390 px wide, in CSS pixels, less the page's padding.
PHONE_WIDTH = 366.0
#: A wide table's width on a desk, in rem; the style sheet sets the same.
WIDE_REM = 60
#: The text column's width on a desk, in rem: the page's 50rem less its padding.
TEXT_REM = 47.5
#: Each cell's padding at its sides and its rules, in ems of the table's text:
#: on a phone the page sets tighter cells than on a desk.
_PHONE_SIDES = 0.9
_DESK_SIDES = 1.1
#: What the widths are measured in (the house typeface) may be narrower than the
#: typeface a phone has: the words must fit in this share of the screen.
_PHONE_SHARE = 0.85
#: The least room a column of running text keeps on a phone, in ems: a few words a
#: line. A table that cannot give it that is laid out as records instead.
_MEASURE = 12.0
#: A cell of more words than this is running text, not a name or a value.
_PHRASE_WORDS = 4
#: On a phone's record the column of labels beside short values, in ems of the body
#: text; the style sheet sets the same. A label is set at 0.9 of the body text.
LABEL_EMS = 7.0
_LABEL_SIZE = 0.9
#: A record's frame and padding at its sides, and the gap after a label, in ems.
_RECORD_SIDES = 1.1
_LABEL_GAP = 0.5


def text_px(role: str, large_print: bool) -> float:
    """The size of text of ``role`` on screen, in CSS pixels at the default text size."""
    return 16 * size(role, large_print) / SIZES["body"][0]


def table_px(large_print: bool) -> float:
    """The size of a table's text on screen, in CSS pixels."""
    return text_px("table", large_print)


def _running(column: int, rows: Sequence[Sequence[str]]) -> bool:
    return any(len(row[column].split()) > _PHRASE_WORDS for row in rows if column < len(row))


def phone_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    large_print: bool,
) -> list[float] | None:
    """Each column's share of a phone's width, or ``None`` when the table does not fit.

    A table fits when every word stays whole in a narrower typeface than the
    house's, and each column of running text keeps :data:`_MEASURE` ems.
    """
    px = table_px(large_print)
    padding = _PHONE_SIDES * px
    if fit_columns(headers, rows, weights, PHONE_WIDTH * _PHONE_SHARE, px, padding=padding) is None:
        return None
    widths = fit_columns(headers, rows, weights, PHONE_WIDTH, px, padding=padding)
    if widths is None:
        return None
    roomy = _MEASURE * px + padding
    if any(_running(c, rows) and w < roomy for c, w in enumerate(widths)):
        return None
    return _shares(widths)


def beside_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]], large_print: bool
) -> frozenset[int]:
    """The columns whose every value stands on one line beside its label on a phone.

    A table shown as records reads as a card a row: a date, a status or an amount
    beside its column's name takes one line, not two; running text stands under
    its name. A column is brief in every record or in none, so the cards line up.
    """
    px = text_px("body", large_print)
    label_room = LABEL_EMS * px * _PHONE_SHARE
    value_room = (PHONE_WIDTH - (_RECORD_SIDES + LABEL_EMS + _LABEL_GAP) * px) * _PHONE_SHARE
    brief = set()
    for column, header in enumerate(headers):
        name = " ".join(header.split())
        values = [row[column].strip() for row in rows if column < len(row)]
        if not name or not any(values) or text_width(name, _LABEL_SIZE * px, True) > label_room:
            continue
        if all("\n" not in v and text_width(v, px) <= value_room for v in values):
            brief.add(column)
    return frozenset(brief)


def desk_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    large_print: bool,
    wide: bool,
) -> list[float] | None:
    """Each column's share of a table's width on a desk, or ``None`` when its words do not fit.

    A ``wide`` table's width is :data:`WIDE_REM`; any other's the text column's.
    """
    px = table_px(large_print)
    room = (WIDE_REM if wide else TEXT_REM) * 16
    widths = fit_columns(headers, rows, weights, room, px, padding=_DESK_SIDES * px)
    return None if widths is None else _shares(widths)


def _shares(widths: list[float]) -> list[float]:
    total = sum(widths) or 1.0
    return [100 * w / total for w in widths]
