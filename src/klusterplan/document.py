"""The document tree: one description of an exported document, shared by every format.

:func:`klusterplan.build_document` turns a plan into a :class:`Document`: a
title page, then sections in the workbook's order, each a heading, a level and
a list of blocks (paragraphs, lists, fields, tables, a chart, the centre
matrix, room to write). The plan export, the pre-filled workshop workbook and
the blank workbook are three modes of that one section list (:class:`Mode`).
Word, PDF, Markdown and any format a plugin adds only render this tree.

The tree is immutable and complete:

- it carries every string a reader sees: headings, labels, captions, the
  contents title, the page-number line and the chart's text alternative, all
  in the reader's language;
- plan text in it is plain text, never markup, already cleaned of characters a
  document cannot hold; a block's ``lang`` says which language its plan text
  is in (``None``: the document's own), so a renderer can tag it for
  spell-checkers and screen readers;
- every plan value it shows is marked with its path in the plan
  (:class:`Mark`, ``target_groups[2].votes``), every table row and list with
  the list it belongs to (:class:`Rows`, :attr:`BulletList.path`) and every
  space to write in with the path it would fill (:attr:`WritingSpace.path`), so
  that a format that can be edited and read back (Word) knows exactly where
  each answer goes; renderers that only print leave the marks alone;
- layout decisions that belong to the content are made here once: which
  tables go on landscape pages or in smaller type (:attr:`Table.landscape`,
  :attr:`Table.dense`), which must not split across pages
  (:attr:`Table.keep_together`) and which fields are long enough to stand
  under their label (:attr:`Field.long`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Iterator
from typing import assert_never

import attrs

from .model import Language, Plan

__all__ = [
    "DENSE_COLUMNS",
    "HAND_LINE_MM",
    "LONG_FIELD",
    "WIDE_COLUMNS",
    "Block",
    "BulletList",
    "Chart",
    "Document",
    "Field",
    "Fields",
    "Mark",
    "Marks",
    "Matrix",
    "Mode",
    "Paragraph",
    "Quote",
    "Rows",
    "Section",
    "Staircase",
    "Table",
    "WritingSpace",
    "block_values",
    "chapters",
    "cover_marks",
    "has_content",
    "has_wide_table",
    "is_lead_in",
    "language_tag",
    "marked_values",
    "pieces",
    "sheet_role",
]

#: Tables with this many columns or more go on landscape pages (Word, PDF): on a
#: portrait A4 page their narrow columns would break words in the middle.
WIDE_COLUMNS = 8
#: Tables with this many columns or more are set in the smaller table type.
DENSE_COLUMNS = 6
#: A handwriting line in print, in millimetres: the ruled lines of a
#: :class:`WritingSpace` stand this far apart, and a workbook table's row is at
#: least :attr:`Table.row_lines` times this tall.
HAND_LINE_MM = 9.0
#: A field value longer than this many characters (or of several paragraphs)
#: stands under its label instead of beside it.
LONG_FIELD = 200


class Mode(enum.Enum):
    """Which document a plan becomes."""

    PLAN = "plan"
    """The plan as the library hands it on: only what it says, in the workbook's order."""
    WORKBOOK = "workbook"
    """The workshop workbook: every question of the seed, with what the plan already
    answers and room to write where it answers nothing. From an empty plan
    (``Plan()``) it is the blank workbook."""


def language_tag(language: Language) -> str:
    """The BCP 47 tag of ``language``: ``sv-SE`` or ``en-GB``."""
    return "sv-SE" if language is Language.SV else "en-GB"


@attrs.frozen
class Mark:
    """A plan value inside a text a reader sees: characters ``start`` to ``end`` show it.

    ``path`` is the value's path in the plan (``target_groups[2].votes``,
    ``actions[0].roles``), or a *placement* such as
    ``target_groups[*].centre=culture``: each target group named there has
    that centre. A mark may be empty (``start == end``): the value is empty,
    and the place is where it would be written.
    """

    path: str
    """The value's path in the plan, or a placement."""
    start: int
    """Where the value starts in the text (a character index)."""
    end: int
    """Where it ends: the index after its last character."""


Marks = tuple[Mark, ...]


def pieces(text: str, marks: Marks) -> list[tuple[str, str | None]]:
    """``text`` cut at its marks: ``(piece, path)``, ``path`` None between marks.

    Empty marks give empty pieces, so a renderer still knows where the value
    would go. Marks must not overlap.
    """
    out: list[tuple[str, str | None]] = []
    pos = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start > pos:
            out.append((text[pos : mark.start], None))
        out.append((text[mark.start : mark.end], mark.path))
        pos = max(pos, mark.end)
    if pos < len(text):
        out.append((text[pos:], None))
    return out


@attrs.frozen
class Paragraph:
    """A paragraph of running text; blank lines in it separate paragraphs.

    A renderer shows each paragraph of :attr:`text` (split at blank lines), a
    single line break inside one as a line break; a :attr:`prompt` is set like
    a label, in bold.
    """

    text: str
    """The text, plain (never markup); blank lines separate its paragraphs."""
    lang: Language | None = None
    """The language of :attr:`text` when it is plan text; ``None`` for a label."""
    prompt: bool = False
    """A question of the workbook, set like a label (bold)."""
    marks: Marks = ()
    """The plan values the text shows; a mark may span paragraphs."""
    quoted: tuple[tuple[int, int], ...] = ()
    """Spans (start, end) of plan text in a paragraph of the reader's words (a group's
    name in a composed sentence), in :attr:`quoted_lang`: a renderer that tags
    languages tags them."""
    quoted_lang: Language | None = None
    """The language of the :attr:`quoted` spans."""
    keep_with_next: bool = False
    """An introduction to the block after it (a table): a renderer keeps it on the page of
    that block's start, never alone at a page's foot with its table on the next."""


@attrs.frozen
class Quote:
    """A quotation, such as a persona's own words.

    A renderer shows :attr:`text` as a quotation (indented, or in italics),
    its paragraphs as a :class:`Paragraph`'s, and :attr:`attribution` under it
    after a dash.
    """

    text: str
    """The words quoted, plain text; blank lines separate paragraphs."""
    attribution: str = ""
    """Who said it (a persona's name); empty: shown without one."""
    lang: Language | None = None
    """The language of :attr:`text` and :attr:`attribution`; ``None``: the document's."""
    marks: Marks = ()
    """The plan values :attr:`text` shows."""


@attrs.frozen
class BulletList:
    """A list of short items, optionally under a caption (a label).

    A renderer shows :attr:`caption` (when there is one) in bold above the
    items, then the items as a bulleted list, or a numbered one when
    :attr:`ordered`; a line break inside an item stays inside that item.
    """

    items: tuple[str, ...]
    """The items, plain text, in order."""
    caption: str = ""
    """A label above the list; empty: none."""
    ordered: bool = False
    """Numbered (an order that matters, such as priorities) rather than bulleted."""
    lang: Language | None = None
    """The language of the items when they are plan text."""
    path: str = ""
    """The plan list an item added to this list belongs to (``dialogue_forum.products``),
    or a placement; empty for a list that is no plan data."""
    fields: tuple[str, ...] = ()
    """What an added item's text fills, when the items are records: fields of the
    list's items (``name``, ``votes``); empty when the items are plain text."""
    marks: tuple[Marks, ...] = ()
    """The plan values each item shows, one tuple an item (or none at all)."""


@attrs.frozen
class Field:
    """A label and its value, such as a persona's age (one item of :class:`Fields`)."""

    label: str
    """The label, in the reader's language (or plan text, see :attr:`label_marks`)."""
    value: str
    """The value, plain text; blank lines separate paragraphs."""
    long: bool = False
    """Whether the value stands under its label (several paragraphs, or long)."""
    marks: Marks = ()
    """The plan values :attr:`value` shows."""
    label_marks: Marks = ()
    """The plan values :attr:`label` shows, where the label is plan text (a partner's name)."""


@attrs.frozen
class Fields:
    """Label and value pairs.

    A renderer shows each :class:`Field`'s label in bold and its value beside
    it, or under it when :attr:`Field.long`, the value's paragraphs kept apart.
    """

    items: tuple[Field, ...]
    """The pairs, in order."""
    lang: Language | None = None
    """The language of the values when they are plan text."""


@attrs.frozen
class Rows:
    """Where a table's body rows stand in the plan (:attr:`Table.source`).

    Each row shows one item of the list :attr:`path` (:attr:`items`), or is an
    empty row to fill, which would add an item. :attr:`columns` say which of
    an item's fields each column shows, so that a row added in an editor can
    be read; :attr:`marks` say where in each cell each value stands.
    """

    path: str
    """The plan list, e.g. ``actions`` or ``target_groups[0].persona.validation.surveys``."""
    items: tuple[str, ...]
    """Each body row's item (``actions[3]``), or ``""`` for a row to fill."""
    columns: tuple[tuple[str, ...], ...]
    """Each column's fields of the item, in the order the cell shows them (``responsible``,
    ``roles``); empty for a column that is no plan data (a row number)."""
    marks: tuple[tuple[Marks, ...], ...] = ()
    """Each body row's marks, one tuple a cell."""
    fixed: tuple[tuple[str, str], ...] = ()
    """Values an added row's item takes, e.g. ``(("horizon", "long_term"),)``."""
    key: str = ""
    """The field that names an item (``name``): an added row naming an item that exists
    fills that item instead of adding one."""


@attrs.frozen
class Table:
    """A table with a header row; ``widths`` are relative column widths.

    A renderer shows :attr:`caption` above it, :attr:`headers` as a header
    row repeated on each page, the :attr:`rows`, then the :attr:`footer` row;
    a line break in a cell stays in that cell. It follows the layout decided
    here: a chapter holding a :attr:`landscape` table goes on landscape pages
    where pages have a direction, a :attr:`dense` table in the smaller type, a
    :attr:`keep_together` table never split across pages, a :attr:`records`
    table as one label-and-value record a row, :attr:`row_lines` of room in
    each row, and each column aligned as :meth:`alignment` says.
    """

    headers: tuple[str, ...]
    """The column headers, in the reader's language."""
    rows: tuple[tuple[str, ...], ...]
    """The body rows, a cell a column; plain text, a line break a new line in the cell."""
    widths: tuple[float, ...] = ()
    """Relative column widths (a share each); empty: equal."""
    caption: str = ""
    """A label above the table; empty: none."""
    key: str = ""
    """A stable name for the table, e.g. ``actions-immediate``."""
    row_lines: int = 0
    """Handwriting lines each body row leaves room for (the workbook), each
    :data:`HAND_LINE_MM` tall; 0 sizes rows to their text."""
    lang: Language | None = None
    """The language of the body cells when they are plan text."""
    landscape: bool = False
    """Too wide for a portrait page: its chapter goes on landscape pages."""
    dense: bool = False
    """Many columns: set in the smaller table type."""
    keep_together: bool = False
    """Printed whole on one page (a workshop sheet), never split across two."""
    keep_with_next: bool = False
    """Kept on the page of the block after it: a short table a list goes on from."""
    records: bool = False
    """Shown as one record a row (label and value pairs), as large print does with a
    table too wide for a portrait page at 16 pt."""
    align: tuple[str, ...] = ()
    """Each column's alignment, ``left`` or ``right`` (amounts); empty: all left."""
    footer: tuple[str, ...] = ()
    """A closing row, such as the total of an amount column; empty: none."""
    source: Rows | None = None
    """Where the body rows stand in the plan; ``None`` for a table of no plan data
    (the summary)."""

    def alignment(self, column: int) -> str:
        """``left`` or ``right`` for ``column``."""
        return self.align[column] if column < len(self.align) else "left"

    @property
    def type_role(self) -> str:
        """The type size role it is set in (``body``, ``table`` or ``small``).

        A workshop's sheet of its own (:attr:`keep_together`, written in by hand)
        is set as the questions are; a :attr:`dense` table in the small type.
        """
        return sheet_role(len(self.headers), self.row_lines, self.keep_together)


def sheet_role(columns: int, row_lines: int, keep_together: bool) -> str:
    """The type role of a table of ``columns`` (see :attr:`Table.type_role`)."""
    if row_lines and keep_together:
        return "body"
    return "small" if columns >= DENSE_COLUMNS else "table"


@attrs.frozen
class Chart:
    """A bar chart that comes with its numbers as a table.

    A chart alone is not accessible: every renderer shows :attr:`table`, and
    those that can draw add the bars, described by :attr:`alt`. Renderers that
    cannot draw show only the table, so the numbers stand in every format once.
    """

    title: str
    """The chart's title, in the reader's language."""
    labels: tuple[str, ...]
    """Each bar's label (a target group's name), in order."""
    values: tuple[int, ...]
    """Each bar's length (the group's votes), in the order of :attr:`labels`."""
    table: Table
    """The same numbers, and more about each bar, as a table."""
    alt: str = ""
    """The text alternative of the drawn bars."""


@attrs.frozen
class Matrix:
    """The four-field centre matrix: each centre with the groups placed in it.

    A renderer that can draw shows the fields as a grid of two by two, each
    with its centre's name and the groups in it (or :attr:`write_in` ruled
    lines), and gives the drawing :attr:`alt`; one that cannot shows it as a
    table of :attr:`headers`, a row a field.
    """

    title: str
    """The matrix's title, in the reader's language."""
    cells: tuple[tuple[str, tuple[str, ...]], ...]
    """Each field: its centre's name and the names of the groups placed in it."""
    lang: Language | None = None
    """The language of the groups' names when they are plan text."""
    write_in: int = 0
    """Handwriting lines each field leaves for placing groups (the workbook); 0: none."""
    alt: str = ""
    """The matrix in words, for a reader who cannot see the grid."""
    headers: tuple[str, str] = ("", "")
    """The column headers where the matrix is shown as a table: the centre, its groups."""
    placements: tuple[str, ...] = ()
    """Each field's placement (``target_groups[*].centre=culture``): the groups written
    in a field are placed in its centre."""


@attrs.frozen
class Staircase:
    """The communication staircase: its steps, lowest first, with the groups on each.

    A renderer that can draw shows the steps rising, each with its name and
    the groups on it (or :attr:`write_in` ruled lines), and gives the drawing
    :attr:`alt`; one that cannot shows it as a table of :attr:`headers`, a row
    a step, the highest first, as the drawing reads from the top.
    """

    title: str
    """The staircase's title, in the reader's language."""
    steps: tuple[str, ...]
    """Each step's name, the lowest first."""
    groups: tuple[tuple[str, ...], ...]
    """The groups standing on each step, in the order of :attr:`steps`."""
    lang: Language | None = None
    """The language of the groups' names when they are plan text."""
    write_in: int = 0
    """Handwriting lines each step leaves for placing groups (the workbook); 0: none."""
    alt: str = ""
    """The staircase in words, for a reader who cannot see the drawing."""
    headers: tuple[str, str] = ("", "")
    """The column headers where the staircase is shown as a table: the step, its groups."""
    placements: tuple[str, ...] = ()
    """Each step's placement (``target_groups[*].staircase.current=awareness``)."""

    @property
    def labels(self) -> tuple[str, ...]:
        """Each step's label as a drawing shows it, the lowest first: ``5. Ambassadör``.

        The number and the name are joined by a no-break space: a narrow step
        never leaves its number alone on a line.
        """
        return tuple(f"{k}.\u00a0{name}" for k, name in enumerate(self.steps, start=1))


@attrs.frozen
class WritingSpace:
    """Room to write by hand, in ruled lines (the workbook).

    A renderer for paper shows :attr:`prompt` (when there is one) in bold,
    then :attr:`lines` ruled lines; one for the screen may give a box to type
    in instead.
    """

    lines: int = 3
    """How many ruled lines, :data:`HAND_LINE_MM` apart."""
    prompt: str = ""
    """What to write there, in the reader's language; empty: the heading asks."""
    path: str = ""
    """The plan value what is written here fills, or the list it adds to; empty for
    room that belongs to no single value."""


Block = Paragraph | Quote | BulletList | Fields | Table | Chart | Matrix | Staircase | WritingSpace
"""Any block a section holds: a renderer handles every one of these types."""


@attrs.frozen
class Section:
    """A heading and its blocks. Levels start at 1 and never skip."""

    title: str
    level: int
    blocks: tuple[Block, ...]
    key: str
    """A stable name, e.g. ``target-group-oerfarne``, for bookmarks and anchors."""
    lang: Language | None = None
    """The language of :attr:`title` when it is plan text (a target group's name)."""
    marks: Marks = ()
    """The plan values the title shows (a persona's name)."""
    keep_together: bool = False
    """A question of the workbook: its heading, prompts and room to write printed whole
    on one page. One taller than a page goes on to the next with its heading repeated,
    so that no room to write is cut off from what it asks."""


@attrs.frozen
class Document:
    """A whole export: title page, metadata, the reader's strings and the sections."""

    title: str
    subtitle: str
    title_lines: tuple[tuple[str, str], ...]
    """Label and value pairs shown on the title page."""
    promise: str
    language: Language
    """The reader's language: every label is in it."""
    author: str
    subject: str
    keywords: tuple[str, ...]
    date: _dt.date | None
    footer: str
    """The text beside the page number, the library's name."""
    sections: tuple[Section, ...]
    mode: Mode = Mode.PLAN
    text_language: Language | None = None
    """The language of the plan's own text; ``None``: the same as :attr:`language`."""
    contents_title: str = ""
    """The heading of the table of contents."""
    contents_hint: str = ""
    """What a reader is told where a format cannot fill in page numbers itself."""
    contents_levels: int = 2
    """The heading levels the contents lists (1 and 2); deeper headings, such as
    each group's "Matchning mot verkligheten", are left out of it."""
    page_label: str = "{page} / {pages}"
    """The page-number line, with ``{page}`` and ``{pages}`` to fill in."""
    front: tuple[Section, ...] = ()
    """Sections between the cover and the contents: the plan's one-page summary."""
    cover_fields: tuple[str, ...] = ()
    """Labels of lines on the cover to fill in by hand (the workbook: library, date,
    participants)."""
    skip_label: str = ""
    """The link past the contents to the text itself, for keyboard and screen-reader users."""
    subtitle_path: str = ""
    """The plan value the subtitle shows (``library.name``); empty when it is a label."""
    title_paths: tuple[str, ...] = ()
    """The plan value each of :attr:`title_lines` shows, in the same order."""
    cover_paths: tuple[str, ...] = ()
    """The plan value each of :attr:`cover_fields` is a line for, in the same order."""
    title_marks: tuple[Marks, ...] = ()
    """The plan values each of :attr:`title_lines` shows, where they are in its value; when
    given it is used instead of :attr:`title_paths` (a line may show several values)."""
    control_lines: tuple[tuple[str, str], ...] = ()
    """Label and value pairs of the document information on the cover: document type,
    status, version, date, decision, registry number and contact person."""
    control_marks: tuple[Marks, ...] = ()
    """The plan values each of :attr:`control_lines` shows, in the same order."""
    status: str = ""
    """The plan's status as a reader reads it (``Utkast``, ``Fastställd``); empty when it
    gives none. Formats with a property for it (Word's content status) carry it."""
    version: str = ""
    """The plan's version, for a format's version property."""
    status_mark: str = ""
    """``UTKAST`` (``DRAFT``) or ``REMISS`` for a plan not yet adopted, shown large on the
    cover and at the start of every page's footer; empty for an adopted plan."""
    of_plan: bool = False
    """Built from one plan, whose values it marks (the plan or its workbook), so that a
    format that can be edited may carry that plan to read the document back; false for a
    document of many plans (a cluster's summary)."""
    source: Plan | None = attrs.field(default=None, eq=False, repr=False)
    """The plan the document was built from, where :attr:`of_plan`: what a format that
    carries its plan whole for reading back (Word) stores beside the body. Every other
    value a renderer needs is in the tree."""

    @property
    def language_tag(self) -> str:
        """The document language as a BCP 47 tag, ``sv-SE`` or ``en-GB``."""
        return language_tag(self.language)


def chapters(sections: Iterable[Section]) -> list[tuple[Section, ...]]:
    """``sections`` grouped into chapters: a level-1 section and the subsections under it."""
    out: list[list[Section]] = []
    for section in sections:
        if section.level == 1 or not out:
            out.append([])
        out[-1].append(section)
    return [tuple(chapter) for chapter in out]


#: The most characters of a chapter's opening lines that keep with its first section.
LEAD_IN_CHARACTERS = 240


def is_lead_in(section: Section) -> bool:
    """Whether ``section`` holds a few lines only: a field or two, a short paragraph.

    A chapter opening with such lines keeps them with its first section's
    heading, so that they never end a page under the chapter's heading alone.
    """
    texts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Fields):
            texts += [f.value for f in block.items]
        elif isinstance(block, Paragraph) and not block.prompt:
            texts.append(block.text)
        else:
            return False
    return bool(texts) and sum(map(len, texts)) <= LEAD_IN_CHARACTERS


def has_wide_table(sections: Iterable[Section]) -> bool:
    """Whether any of ``sections`` holds a table that goes on landscape pages.

    A chapter that does goes on landscape pages, whole, so that its heading
    stays with the tables under it.
    """
    return any(isinstance(b, Table) and b.landscape for s in sections for b in s.blocks)


def has_content(block: Block) -> bool:
    """Whether a block has something to show; empty ones are left out of an export."""
    match block:
        case Paragraph() | Quote():
            return bool(block.text.strip())
        case BulletList() | Fields():
            return bool(block.items)
        case Table():
            return bool(block.rows)
        case Chart():
            return bool(block.table.rows)
        case Matrix():
            return bool(block.write_in) or any(groups for _, groups in block.cells)
        case Staircase():
            return bool(block.write_in) or any(block.groups)
        case WritingSpace():
            return True
        case _:
            assert_never(block)


def _marked(text: str, marks: Marks) -> Iterator[tuple[str, str]]:
    for mark in marks:
        yield mark.path, text[mark.start : mark.end]


def _table_values(table: Table) -> Iterator[tuple[str, str]]:
    if table.source is not None:
        for row, row_marks in zip(table.rows, table.source.marks, strict=False):
            for text, marks in zip(row, row_marks, strict=False):
                yield from _marked(text, marks)


def block_values(block: Block) -> Iterator[tuple[str, str]]:
    """``(path, text)`` for each plan value ``block`` marks: where in the plan each text is.

    A renderer that must tell a reader which plan value holds a character
    (one its font cannot print, say) finds it here, in the document, without
    the plan. Placements and room to write show no text and are not listed.
    """
    match block:
        case Paragraph() | Quote():
            yield from _marked(block.text, block.marks)
        case BulletList():
            for item, marks in zip(block.items, block.marks, strict=False):
                yield from _marked(item, marks)
        case Fields():
            for field in block.items:
                yield from _marked(field.label, field.label_marks)
                yield from _marked(field.value, field.marks)
        case Table():
            yield from _table_values(block)
        case Chart():
            yield from _table_values(block.table)
        case Matrix() | Staircase() | WritingSpace():
            pass
        case _:
            assert_never(block)


def cover_marks(document: Document) -> tuple[Marks, ...]:
    """The plan values each of the cover's :attr:`Document.title_lines` shows."""
    if document.title_marks:
        return document.title_marks
    return tuple(
        (Mark(path, 0, len(value)),) if path else ()
        for path, (_, value) in zip(document.title_paths, document.title_lines, strict=False)
    )


def marked_values(document: Document) -> Iterator[tuple[str, str]]:
    """``(path, text)`` for each plan value ``document`` marks, in reading order.

    The cover's values first (:attr:`Document.subtitle_path`,
    :attr:`Document.title_paths`), then each section's title and blocks. A
    value shown twice is listed twice.
    """
    if document.subtitle_path:
        yield document.subtitle_path, document.subtitle
    for marks, (_, value) in zip(cover_marks(document), document.title_lines, strict=False):
        yield from _marked(value, marks)
    for marks, (_, value) in zip(document.control_marks, document.control_lines, strict=False):
        yield from _marked(value, marks)
    for section in (*document.front, *document.sections):
        yield from _marked(section.title, section.marks)
        for block in section.blocks:
            yield from block_values(block)
