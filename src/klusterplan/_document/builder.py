"""What every document's blocks are built with: one builder for plan, workbook and summary.

:class:`Builder` holds what any document needs: the reader's language and the
language of the text it shows, labels, fields, lists, and tables whose layout
is decided here once for every format (:meth:`Builder.table`). The plan and
its workbook build with :class:`PlanBuilder`, which adds the plan and the
names it gives its groups, steps and centres; the cluster summary builds with
its own subclass. So a table of eight columns goes on a landscape page for
the same reason in every document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from .._catalogue.labels import enum_label, label
from ..document import (
    DENSE_COLUMNS,
    LONG_FIELD,
    WIDE_COLUMNS,
    Block,
    BulletList,
    Field,
    Fields,
    Mark,
    Marks,
    Mode,
    Paragraph,
    Rows,
    Table,
    has_content,
    sheet_role,
)
from ..model import (
    DEFAULT_CENTRES,
    DEFAULT_STAIRCASE,
    ActionStatus,
    Centre,
    CentreProfile,
    Language,
    Plan,
    Segment,
    Step,
)
from . import design as _design
from .metrics import CELL_PADDING, columns_fit, fit_columns, text_width

__all__ = ["Builder", "Cell", "PlanBuilder", "compose", "kept", "long_text", "whole"]

Cell = str | tuple[str, Marks]
"""A table cell or list item: its text, or its text with the plan values it shows."""


def whole(path: str, text: str) -> Marks:
    """A mark over all of ``text``; none without a path."""
    return (Mark(path, 0, len(text)),) if path else ()


def compose(*parts: str | tuple[str, str]) -> tuple[str, Marks]:
    """Text built from pieces: plain text, or ``(value, path)`` for a plan value."""
    text = ""
    marks: list[Mark] = []
    for part in parts:
        if isinstance(part, tuple):
            value, path = part
            marks.append(Mark(path, len(text), len(text) + len(value)))
            text += value
        else:
            text += part
    return text, tuple(marks)


def kept(blocks: Iterable[Block | None]) -> tuple[Block, ...]:
    """The blocks that have something to show; empty ones are left out of a document."""
    return tuple(x for x in blocks if x is not None and has_content(x))


def long_text(text: str) -> bool:
    """Whether a field's value stands under its label: several paragraphs, or long."""
    return "\n\n" in text or len(text) > LONG_FIELD


def _text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell[0]


def _marks(cell: Cell) -> Marks:
    return () if isinstance(cell, str) else cell[1]


class Builder:
    """Blocks in the reader's language, with text in the language it is written in."""

    def __init__(
        self, language: Language, text_language: Language, large_print: bool = False
    ) -> None:
        self.lang = language
        """The reader's language, of every label."""
        self.text_lang = text_language
        """The language of the text the document shows (the plan's own)."""
        self.large_print = large_print

    @property
    def tag(self) -> Language | None:
        """How shown text is marked in a block: ``None`` when it is in the reader's language."""
        return None if self.text_lang is self.lang else self.text_lang

    def t(self, key: str, **values: object) -> str:
        """The label ``key`` in the reader's language, with ``values`` filled in."""
        text = label(key, self.lang)
        return text.format(**values) if values else text

    def status(self, status: ActionStatus) -> str:
        """An action's status in the reader's language."""
        return enum_label(status, self.lang)

    def para(self, text: str, path: str = "") -> Paragraph:
        """A paragraph of shown text; with ``path`` it is marked as that value."""
        value = text.strip()
        return Paragraph(value, self.tag, marks=whole(path, value))

    def field(self, key: str, value: Cell | int | None, path: str = "") -> Field | None:
        """The label ``key`` and ``value``; ``None`` when there is no value to show."""
        if value is None or value == "" or (isinstance(value, tuple) and not value[0].strip()):
            return None
        if isinstance(value, tuple):
            return Field(self.t(key), value[0], long_text(value[0]), value[1])
        text = str(value).strip()
        return Field(self.t(key), text, long_text(text), whole(path, text))

    def fields(
        self, *items: tuple[str, Cell | int | None] | tuple[str, Cell | int | None, str]
    ) -> Fields:
        """Fields of (label key, value[, path]); those without a value left out."""
        found = (self.field(*item) for item in items)
        return Fields(tuple(f for f in found if f), self.tag)

    def pairs(self, items: Iterable[tuple[str, str, str, str]]) -> Fields:
        """Fields whose labels are shown text too: (name, value, the name's path, the value's)."""
        out = []
        for name, value, name_path, value_path in items:
            text = value.strip()
            out.append(
                Field(name, text, long_text(text), whole(value_path, text), whole(name_path, name))
            )
        return Fields(tuple(out), self.tag)

    def bullets(
        self, key: str, items: Sequence[str], *, ordered: bool = False, path: str = ""
    ) -> BulletList:
        """A list of shown text; with ``path`` each item is marked as ``path[i]``."""
        texts = tuple(i.strip() for i in items)
        marks = tuple(whole(f"{path}[{n}]", t) for n, t in enumerate(texts)) if path else ()
        return BulletList(
            texts, self.t(key) if key else "", ordered, self.tag, path=path, marks=marks
        )

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
        key: str,
        *,
        caption: str = "",
        row_lines: int = 0,
        keep_together: bool = False,
        align: Sequence[str] = (),
        footer: Sequence[str] = (),
        landscape: bool | None = None,
        source: Rows | None = None,
        lang: Language | None = None,
    ) -> Table:
        """A table, its layout decided from its shape once for every format.

        A table goes on landscape pages when it has :data:`WIDE_COLUMNS` columns
        or more, or when its words do not fit the columns of a portrait page at
        the size it is set in; ``landscape`` decides instead for a sheet that is
        laid out on purpose. In large print a table too wide for a portrait page
        becomes one record a row. ``source`` says which plan list the rows show,
        its items one a row (as many as the rows, ``""`` for a row to fill); the
        cells' marks are filled in here. ``lang`` is the language of the body
        cells when it is not the builder's text language.
        """
        columns = len(headers)
        cells = [tuple(row) for row in rows]
        body = tuple(tuple(_text(c) for c in row) for row in cells)
        align = tuple(align) or numbers_right(columns, body)
        if source is not None:
            source = attrs.evolve(
                source, marks=tuple(tuple(_marks(c) for c in row) for row in cells)
            )
        dense = columns >= DENSE_COLUMNS
        size = _design.size(sheet_role(columns, row_lines, keep_together), self.large_print)
        measured = [*body, tuple(footer)] if footer else list(body)

        def fits(wide: bool) -> bool:
            room = _design.text_width(wide)
            return columns_fit(headers, measured, room, size)

        records = False
        if self.large_print and not row_lines:
            # at 16 pt a table either fits a portrait page or becomes one record a row
            records, landscape = not fits(False) or cramped(headers, measured, widths, size), False
        elif landscape is None:
            landscape = columns >= WIDE_COLUMNS or not fits(False)
        return Table(
            tuple(headers),
            body,
            tuple(widths),
            caption,
            key,
            row_lines,
            lang if lang is not None else self.tag,
            landscape=landscape,
            dense=dense,
            records=records,
            keep_together=keep_together,
            align=tuple(align),
            footer=tuple(footer),
            source=source,
        )


#: A count or an amount, with its digits grouped: ``12``, ``40 000 kr``, ``–`` for none.
_NUMBER = re.compile(r"^(-?\d{1,3}([ \u00a0]\d{3})*([ \u00a0](kr|%))?|–|-)?$")


def numbers_right(columns: int, rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Each column's alignment: right where every cell is a number or an amount.

    Digits then stand under digits, as a reader of a budget expects; a column
    numbering the rows stays left.
    """
    out = []
    for c in range(columns):
        values = [row[c].strip() for row in rows if c < len(row)]
        numbers = any(values) and all(_NUMBER.match(v) for v in values)
        # a row's number (1, 2, 3 ...) names the row, as a word does: it stays left
        numbers = numbers and values != [str(n) for n in range(1, len(values) + 1)]
        out.append("right" if numbers else "left")
    return tuple(out) if "right" in out else ()


#: A column narrower than this many ems is narrow: its text should fit in two lines.
_NARROW_EMS = 9
#: The most lines a cell of a table in large print runs to; a longer one reads better as
#: a record's field, a full line wide.
_CELL_LINES = 4


def cramped(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: float
) -> bool:
    """Whether a table fits a portrait page only with text a few words a line.

    Its words fit, but a column narrower than :data:`_NARROW_EMS` ems holds
    text that runs to more than two lines there (a survey's description at
    16 pt), or a cell runs to more than :data:`_CELL_LINES` lines (the values'
    meanings beside each other, a few words a line): such a table reads better
    as one record a row.
    """
    fitted = fit_columns(headers, rows, widths, _design.text_width(False), size)
    if fitted is None:
        return True
    for c, width in enumerate(fitted):
        inner = width - CELL_PADDING
        cells = (" ".join(row[c].split()) for row in rows if c < len(row))
        longest = max((text_width(cell, size) for cell in cells), default=0.0)
        if width < _NARROW_EMS * size and longest > 2 * inner:
            return True
        if longest > _CELL_LINES * inner:
            return True
    return False


class PlanBuilder(Builder):
    """What the plan's and the workbook's blocks are built with: the plan and its names."""

    def __init__(
        self, plan: Plan, language: Language, mode: Mode, large_print: bool = False
    ) -> None:
        super().__init__(language, plan.language, large_print)
        self.plan = plan
        self.mode = mode

    def group_name(self, id: str) -> str:
        """The name of the target group ``id``."""
        return self.plan.group_name(id)

    def group_names(self, ids: Sequence[str]) -> str:
        """The names of the target groups ``ids``, comma-separated."""
        return ", ".join(self.plan.group_name(i) for i in ids)

    def step_name(self, id: str | None) -> str:
        """The name of the staircase step ``id``."""
        found = self.plan.step(id) if id else None
        return self.step_label(found) if found else (id or "")

    def step_label(self, step: Step) -> str:
        """A step's name; a built-in step's in the reader's language."""
        return self.t(f"step_{step.id}") if step in DEFAULT_STAIRCASE else step.name

    def step_text(self, step: Step) -> str:
        """A step's description; a built-in step's in the reader's language."""
        return self.t(f"step_{step.id}_text") if step in DEFAULT_STAIRCASE else step.description

    def centre_label(self, centre: Centre) -> str:
        """A centre's name; a built-in centre's in the reader's language."""
        return self.t(f"centre_{centre.id}") if centre in DEFAULT_CENTRES else centre.name

    def centre_name(self, id: str) -> str:
        """The name of the centre ``id``."""
        found = self.plan.centre(id)
        return self.centre_label(found) if found else id

    def profile(self, profile: CentreProfile, path: str) -> tuple[str, Marks]:
        """The centres (the dominant first, said in words) and the description."""
        names = ", ".join(self.centre_name(i) for i in profile.centres)
        order = f" ({self.t('priority_order')})" if len(profile.centres) > 1 else ""
        description = profile.description.strip()
        parts: list[str | tuple[str, str]] = []
        if names:
            parts += [(names, f"{path}.centres"), order]
        if names and description:
            parts.append("\n\n")
        if description:
            parts.append((description, f"{path}.description"))
        return compose(*parts)

    def segment(self, segment: Segment | None) -> str:
        """A segment's name in the reader's language; empty for none."""
        return enum_label(segment, self.lang) if segment else ""
