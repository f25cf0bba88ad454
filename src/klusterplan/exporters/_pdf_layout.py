"""Laying out a :class:`~klusterplan.document.Document` as PDF pages with reportlab.

Every piece of plan text goes through :meth:`Fonts.markup`, which escapes it,
before it reaches a reportlab ``Paragraph``; text drawn straight on the canvas
(footer, chart labels) is never parsed at all. So a plan cannot inject markup,
images or links, and cannot make reportlab open a file or a URL.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Sequence
from typing import Any, assert_never

import attrs
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.paragraph import cleanBlockQuotedText

from .._catalogue.labels import joined, label
from .._document import design as _design
from .._support.internals import use_internals
from .._support.version import version
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
    WritingSpace,
    has_wide_table,
    is_lead_in,
)
from ..document import Table as TableBlock
from ._pdf_canvas import _DocTemplate, canvas_maker
from ._pdf_cover import cover_logo, title_page
from ._pdf_figures import chart, matrix, staircase
from ._pdf_flow import (
    END_LINES,
    FRAME_ROOM,
    Question,
    Record,
    all_headings,
    balanced,
    keep_end,
    page_runs,
    start_room,
    table_room,
    together,
)
from ._pdf_flowables import (
    QuestionMark,
    _ContentsLine,
    _Frame,
    _Heading,
    _Item,
    _List,
    _MoreLines,
    _Para,
    _RuledLines,
)
from ._pdf_grid import fit, make_grid, writing_rows
from ._pdf_lines import copy_frag, word_widths
from ._pdf_styles import (
    _CONTENT_HEIGHT,
    _CONTENT_WIDTH,
    _LANDSCAPE,
    _MARGIN,
    _RULE,
    _WIDE_HEIGHT,
    _WIDE_WIDTH,
    Look,
    _Styles,
)

__all__ = ["Look", "render"]

#: Plain text with these is left to reportlab's parser (as escaped markup), which
#: splits it into several fragments at each escaped character or line break.
_NEEDS_MARKUP = re.compile(r"[\n&<>]")


class _Renderer:
    def __init__(self, document: Document, look: Look, logo: Any) -> None:
        self.doc = document
        self.look = look
        self.fonts = look.fonts
        self.s = _Styles(look)
        self.logo = logo
        self.index = 0
        self.gap = 11 * mm if look.large_print else HAND_LINE_MM * mm
        """The distance between ruled lines to write on."""
        self._fragments = {
            style.name: _Para("x", style).frags[0]
            for style in (*self.s.paragraph_styles(), *self.s.headings.values(), *self.s.toc)
        }
        """Each style's text fragment as reportlab's parser makes it, to copy for plain text."""
        self._derived: dict[str, Any] = {}
        self._cleaned: dict[str, str] = {}
        """Each text's plain form, as the parser would leave it; "" where it needs markup."""
        self._field_bold = _Para("<b>x:</b> y", self.s.body).frags[0]
        self.canvas = Canvas(io.BytesIO())
        """A canvas to measure flowables on before the layout."""
        self.width = _CONTENT_WIDTH
        """The width of the frame the flowables being made go in."""
        self.height = _CONTENT_HEIGHT
        """The height of the page between the margins the flowables being made go on."""

    def derived(self, base: Any, suffix: str, **changes: Any) -> Any:
        """A style made from ``base`` once a document, known to the plain-text path (para())."""
        name = base.name + suffix
        style = self._derived.get(name)
        if style is None:
            style = self._derived[name] = ParagraphStyle(name, base, **changes)
            self._fragments[name] = _Para("x", style).frags[0]
        return style

    def m(self, text: str) -> str:
        return self.fonts.markup(text)

    def para(self, text: str, style: Any | None = None, kind: type[_Para] = _Para) -> Any:
        """A paragraph of plan text, shown exactly as typed."""
        style = style or self.s.body
        if not text.strip(" "):
            # an empty cell: no fragments, as the parser leaves it, without the parser
            return kind("", style, frags=[])
        frags = self._frags(text, style)
        if frags is None:
            return kind(self.m(text), style)
        return kind(frags[0].text, style, frags=frags)

    def _frags(self, text: str, style: Any) -> list[Any] | None:
        """The text fragment of plain text in ``style``, or ``None`` where markup is needed.

        Text in one font, without line breaks or characters to escape, needs no
        markup: its fragment is made here, as reportlab's markup parser would
        make it, without running the parser over every cell, line and heading.
        """
        clean = self._cleaned.get(text)
        if clean is None:
            prepared = self.fonts.prepare(text)
            plain = self._plain(prepared)
            clean = self._cleaned[text] = _collapse_spaces(prepared) if plain else ""
        template = self._fragments.get(style.name)
        if template is None or not clean:
            return None
        return [copy_frag(template, text=clean, link=[], us_lines=[])]

    def _plain(self, prepared: str) -> bool:
        """Whether prepared text is set in the regular font alone, with nothing to escape."""
        if _NEEDS_MARKUP.search(prepared):
            return False
        runs = self.fonts.split_runs(prepared)
        return len(runs) == 1 and runs[0][0] == self.fonts.regular

    def field(self, name: str, value: str) -> Any:
        """``name: value`` in one paragraph, the name in bold."""
        if not self._plain(self.fonts.prepare(name + value)):
            return _Para(f"<b>{self.m(name)}:</b> {self.m(value)}", self.s.body)
        # The fragments reportlab's parser makes of "<b>name:</b> value", made
        # directly (see para()); the markers stand in for the tags while
        # whitespace is collapsed the way reportlab collapses it.
        clean = cleanBlockQuotedText(
            f"\x00{self.fonts.prepare(name)}:\x01 {self.fonts.prepare(value)}"
        )
        bold, rest = clean[1:].split("\x01", 1)
        body = self._fragments[self.s.body.name]
        return _Para(
            bold + rest,
            self.s.body,
            frags=[copy_frag(self._field_bold, text=bold, link=[], us_lines=[])]
            + ([copy_frag(body, text=rest, link=[], us_lines=[])] if rest else []),
        )

    def paragraphs(self, text: str, style: Any | None = None) -> list[Any]:
        chunks = [c.strip() for c in self.fonts.prepare(text).split("\n\n")]
        return [self.para(c, style) for c in chunks if c]

    def heading(self, title: str, level: int, toc: bool = True) -> Any:
        self.index += 1
        style = self.s.headings[min(level, 4)]
        markup = self.m(title)
        frags = self._frags(title, style)
        # Bookmark names are ours, never plan text (a group id could hold anything).
        return _Heading(
            markup if frags is None else frags[0].text,
            style,
            self.fonts.prepare(title),
            f"s{self.index}",
            level - 1,
            markup if toc and level <= self.doc.contents_levels else None,
            frags=frags,
        )

    def story(self) -> list[Any]:
        story: list[Any] = title_page(self)
        story.append(NextPageTemplate("body"))
        story.append(PageBreak())
        # the summary stands before the contents, and the contents list it first
        front = [f for section in self.doc.front for f in self.section(section)]
        if front:
            story.extend([*front, PageBreak()])
        title = self.heading(self.doc.contents_title, 1, toc=False)
        body = self.body()
        listed = all_headings([*front, *body])
        lines = [self.contents_line(f) for f in listed if f.toc_markup is not None]
        story.extend(balanced([title, *lines], _CONTENT_WIDTH, FRAME_ROOM))
        story.extend(body)
        return story

    def body(self) -> list[Any]:
        """The sections after the contents, a section with a wide table on landscape pages.

        The headings above such a section go with it, so that they stay with its
        tables; a change of page size starts a new page, which gets the other
        template because it is named before the break.
        """
        out: list[Any] = []
        template = "body"
        new_page = True  # the contents end with a page break
        after_empty = False
        stretches: list[int] = []
        sections = self.doc.sections
        below = {id(s): after for s, after in itertools.pairwise(sections)}

        def goes_on(section: Section) -> bool:
            # a chapter's few opening lines go with its first section, as a heading does
            after = below.get(id(section))
            opening = after is not None and after.level > section.level
            return self.leads(section) or (opening and is_lead_in(section))

        for chapter in page_runs(sections, goes_on):
            wide = has_wide_table(chapter)
            wanted = "landscape" if wide else "body"
            if wanted != template or new_page:
                self.keep_end(out)
                if wanted != template:
                    out.append(NextPageTemplate(wanted))
                out.append(PageBreak())
                template, new_page = wanted, False
                after_empty = True
            self.width, self.height = (
                (_WIDE_WIDTH, _WIDE_HEIGHT) if wide else (_CONTENT_WIDTH, _CONTENT_HEIGHT)
            )
            lead: list[Any] = []
            for section in chapter:
                # a workshop sheet kept together starts a page of its own, with its heading
                sheet = any(isinstance(b, TableBlock) and b.keep_together for b in section.blocks)
                if sheet and not after_empty:
                    out.append(PageBreak())
                if not section.blocks or goes_on(section):
                    # a heading with nothing of its own goes with the section under it
                    lead.extend(self.section(section))
                else:
                    out.extend(self.section(section, lead=lead))
                    lead = []
                    if self.doc.mode.value == "workbook" and isinstance(
                        section.blocks[-1], WritingSpace
                    ):
                        stretches.append(len(out))
                        out.append(_MoreLines(self.gap, self.look.size, [], self.height * 0.6))
                after_empty = not section.blocks
            out.extend(lead)
        # a question's lines take the rest of the page when the next question moves on
        for at in stretches:
            out[at].following = out[at + 1 : at + 6]
        self.keep_end(out)
        return out

    def keep_end(self, story: list[Any]) -> None:
        """Keep the last lines before a page break with what precedes them (see keep_end)."""
        room = self.s.body.leading * END_LINES
        keep_end(story, self.tall, room, self.height * 0.4)

    def contents_line(self, heading: _Heading) -> Any:
        """One line of the contents, laid out in the single pass like any paragraph.

        Only its page number is unknown then: the line tells the canvas where
        its text ends, and the canvas adds the dot leader, the number and the
        link once the whole document is laid out.
        """
        style = self.s.toc[min(heading.outline_level, len(self.s.toc) - 1)]
        line = self.para(heading.plain, style, _ContentsLine)
        line.key = heading.key
        return line

    def leads(self, section: Section) -> bool:
        """Whether ``section`` is a workbook heading with only its introduction.

        It goes with the question under it (the autumn agenda's first), never
        alone at the foot of a page.
        """
        return self.doc.mode.value == "workbook" and all(
            isinstance(b, Paragraph) and not b.prompt for b in section.blocks
        )

    def section(self, section: Section, toc: bool = True, lead: list[Any] = ()) -> list[Any]:  # type: ignore[assignment]
        out: list[Any] = []
        # A heading needs room for some text under it, else it starts the next page.
        # (keepWithNext would bind it to a table longer than a page, and leave a
        # blank page behind when the pair cannot be kept together.)
        out.append(CondPageBreak(_design.heading_room(section.level)))
        # (the mark of a question stands with its heading, after the headings above it)
        heading = self.heading(section.title, section.level, toc=toc)
        mark = self.question_mark(section)
        parts = [self.block(block) for block in section.blocks]
        body = [f for part in parts for f in part]
        # a question of the workbook, as the tree marks it; one of several steps too
        question = section.keep_together or (
            self.doc.mode.value == "workbook"
            and any(isinstance(b, WritingSpace | Staircase | Matrix) for b in section.blocks)
        )
        # a workshop sheet keeps its heading: together on one page, or on the next
        question = question or any(
            isinstance(b, TableBlock) and b.keep_together for b in section.blocks
        )
        headings = [f for f in lead if not isinstance(f, CondPageBreak)]
        if question and not any(getattr(f, "kp_too_tall", False) for f in body):
            # a question of the workbook stays on one page with its room to write
            # (reportlab lets one taller than a page flow on); one taller than most
            # of a page keeps each of its parts whole instead, so that the page
            # before it is not left nearly empty
            whole = [*headings, *mark, heading, *body]
            if section.keep_together:
                out.append(self.question(section, [*headings, *mark, heading], parts))
            elif sum(self.tall(f) for f in whole) <= self.height * 0.6:
                out.append(together(whole))
            else:
                out.extend(self.kept_parts([*headings, *mark, heading], parts))
        elif body and isinstance(body[0], Record):
            # the headings go with the first record's first fields, as its caption does
            first = Record(
                [*headings, *mark, heading, *body[0].head], body[0].fields, self.tall, body[0].cue
            )
            out.extend([first, *body[1:]])
        elif (leads := _leads(body)) and isinstance(body[leads], KeepTogether):
            # an introduction goes with the table kept whole after it, and the heading too
            out.extend(
                [together([*headings, *mark, heading, *body[: leads + 1]]), *body[leads + 1 :]]
            )
        elif body and isinstance(body[0], KeepTogether):
            # a figure or table kept whole goes to the next page with its heading,
            # not leaving the heading alone at the foot of this one
            # (and a short list introducing a figure goes with the figure)
            figures = [
                isinstance(block, Chart | Staircase | Matrix)
                for block, part in zip(section.blocks, parts, strict=True)
                for _ in part
            ]
            count = 1
            while (
                count < len(body)
                and figures[count]
                and isinstance(body[count], KeepTogether)
                and sum(self.tall(f) for f in body[: count + 1]) <= self.height * 0.6
            ):
                count += 1
            out.extend([together([*headings, *mark, heading, *body[:count]]), *body[count:]])
            room = table_room(self.tall, self.height, [heading], body)
            out[0] = CondPageBreak(max(out[0].height, room))
        else:
            out[0] = CondPageBreak(
                max(out[0].height, self.start_room([*headings, *mark, heading], body))
            )
            out.extend([*headings, *mark, heading, *body])
        return out

    def question_mark(self, section: Section) -> list[Any]:
        """Where a workbook question begins, or a chapter past the last one (see QuestionMark).

        A question's parts of a deeper level (point 17's) go on under its mark.
        """
        if self.doc.mode.value != "workbook" or section.level > 2:
            return []
        if section.level == 1 and self.leads(section):
            return [QuestionMark(None)]
        title = f"{section.title} ({label('continued', self.doc.language)})"
        level = max(section.level, 2)

        def again() -> list[Any]:
            return [self.heading(title, level, toc=False)]

        return [QuestionMark(again)]

    def question(self, section: Section, head: list[Any], parts: list[list[Any]]) -> Any:
        """A workbook question whole on a page, or split with its heading repeated.

        A prompt goes with the part after it, never ending a page alone.
        """
        grouped: list[list[Any]] = []
        bound = False  # the part before is a prompt: this part goes with it
        for block, part in zip(section.blocks, parts, strict=True):
            if bound:
                grouped[-1].extend(part)
            else:
                grouped.append(list(part))
            bound = isinstance(block, Paragraph) and block.prompt
        title = f"{section.title} ({label('continued', self.doc.language)})"

        def again() -> list[Any]:
            return [self.heading(title, section.level, toc=False)]

        return Question(head, [p for p in grouped if p], again, self.tall)

    def kept_parts(self, headings: list[Any], parts: list[list[Any]]) -> list[Any]:
        """A long question's blocks, each kept whole on a page when it is short.

        The headings go with the first block; a block taller than half a page
        flows on, with room at the page's foot for its start under the headings.
        """

        def short(flowables: list[Any]) -> bool:
            return bool(sum(self.tall(f) for f in flowables) <= self.height * 0.5)

        first = [*headings, *parts[0]]
        if short(first):
            out: list[Any] = [together(first)]
        else:
            out = [CondPageBreak(self.start_room(headings, parts[0])), *first]
        for part in parts[1:]:
            out.extend([together(part)] if part and short(part) else part)
        return out

    def tall(self, flowable: Any) -> float:
        """How tall ``flowable`` is in the frame, with the space around it."""
        if isinstance(flowable, KeepTogether):
            return sum(self.tall(f) for f in flowable._content)
        # (lists and groups measure their content on a canvas: one to measure on)
        height = flowable.wrapOn(self.canvas, self.width, self.height)[1]
        return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())

    def start_room(self, headings: list[Any], body: list[Any]) -> float:
        """The room the headings need at a page's foot (see :func:`start_room`)."""
        return start_room(self.tall, self.height, self.s.body.leading, headings, body)

    def block(self, block: Block) -> list[Any]:
        s = self.s
        match block:
            case Paragraph():
                if block.prompt:
                    return [self.para(block.text.strip(), s.bold)]
                out = self.paragraphs(block.text)
                for flowable in out:
                    # an introduction: the room kept for it reaches into the table after it
                    flowable.kp_leads = block.keep_with_next
                return out
            case Quote():
                out = self.paragraphs(block.text, s.quote)
                if block.attribution:
                    # the attribution stays with the quote's last paragraph, never alone
                    last = out[-1:]
                    del out[-1:]
                    attribution = self.para(f"— {block.attribution}", s.attribution)
                    out.append(together([*last, attribution]))
                return out
            case BulletList():
                return self.bullets(block)
            case Fields():
                out = self.fields(tuple((f.label, f.value, f.long) for f in block.items))
                # a few short fields stay together, none left alone at a page's foot
                short = sum(self.tall(f) for f in out) < self.height * 0.25
                if len(out) > 1 and short:
                    return [together(out)]
                if len(out) >= 4:
                    # a long list of fields breaks between them, but never leaves its first
                    # or its last field alone on a page
                    return [together(out[:2]), *out[2:-2], together(out[-2:])]
                return out
            case TableBlock():
                return self.table(block)
            case Chart():
                return chart(self, block)
            case Matrix():
                return matrix(self, block)
            case Staircase():
                return staircase(self, block)
            case WritingSpace():
                out = [self.para(block.prompt, s.bold)] if block.prompt else []
                out.append(_RuledLines(block.lines, self.gap))
                out.append(Spacer(1, self.look.size))
                return out
            case _:
                assert_never(block)

    def bullets(self, block: BulletList) -> list[Any]:
        size = self.look.size
        indent = size * 1.6
        style = self.derived(self.s.body, "-item", leftIndent=self.s.body.leftIndent + indent)
        items = []
        for item in block.items:
            if item.strip():
                items.append(self.para(item.strip(), style, _Item))
                items[-1].bullet_font, items[-1].bullet_size = self.fonts.regular, size

        def listed(part: list[Any], first: int) -> Any:
            for number, item in enumerate(part, first):
                item.bullet = str(number) if block.ordered else "\u2022"
            return _List(part)

        caption = [self.para(block.caption, self.s.bold)] if block.caption else []
        # a short list stays on one page, never leaving its last item alone on the next
        if len(items) <= 8:
            return [together([*caption, listed(items, 1)])]
        # a long one keeps its caption with its first two items, and its last two together
        return [
            together([*caption, listed(items[:2], 1)]),
            listed(items[2:-2], 3),
            together([listed(items[-2:], len(items) - 1)]),
        ]

    def fields(self, items: tuple[tuple[str, str, bool], ...]) -> list[Any]:
        return [f for field in self.field_groups(items) for f in field]

    def field_groups(self, items: tuple[tuple[str, str, bool], ...]) -> list[list[Any]]:
        """Each field's flowables: ``name: value`` in one, or its name over its paragraphs."""
        out: list[list[Any]] = []
        for name, value, long in items:
            chunks = [c.strip() for c in self.fonts.prepare(value).split("\n\n") if c.strip()]
            if len(chunks) == 1 and not long:
                out.append([self.field(name, chunks[0])])
            else:
                out.append([self.para(name, self.s.bold), *(self.para(c) for c in chunks)])
        return out

    def record(
        self,
        fields: list[list[Any]],
        head: Sequence[Any] = (),
        first: tuple[str, str] | None = None,
    ) -> Any:
        """One record under its rule, after ``head`` (a caption): see :class:`Record`.

        ``first`` is the record's first field: where the record goes on over a
        page, it opens the rest again, marked as continued.
        """
        rule = HRFlowable(width="100%", thickness=0.8, color=_RULE, spaceAfter=4)
        cue = None
        if first is not None:
            name, value = first
            value = " ".join(value.split())
            if len(value) > 40:
                value = value[:38].rstrip() + "\u2026"
            again = f"{value} ({label('continued', self.doc.language)})"

            def cue() -> list[Any]:
                return [self.field(name, again)]

        return Record([*head, rule], fields, self.tall, cue)

    def table(self, block: TableBlock) -> list[Any]:
        out: list[Any] = []
        if block.caption:
            out.append(self.para(block.caption, self.s.bold))
        headers, rows = block.headers, block.rows
        if block.records:
            # One record a row, each under a rule: label and value read well at 16 pt.
            total = [c for c in block.footer if c.strip()]
            for n, row in enumerate(rows):
                pairs = tuple((h or "#", c, False) for h, c in zip(headers, row, strict=False) if c)
                fields = self.field_groups(pairs)
                if total and n == len(rows) - 1:
                    # the total closes the records as the total row closes the table: it
                    # stays with the last record's last field, never alone at a page's top
                    rule = HRFlowable(width="100%", thickness=1.2, color=self.look.primary)
                    # (in bold, but kept with nothing after it: the records end here)
                    closing = self.derived(self.s.bold, "-total", keepWithNext=0)
                    fields[-1] += [rule, self.para(" ".join(total), closing)]
                # (reportlab keeps a label with a flowable, never with a group kept together)
                head = [out.pop()] if out and not isinstance(out[-1], KeepTogether) else []
                out.append(self.record(fields, head, pairs[0][:2] if pairs else None))
            out.append(Spacer(1, self.look.size * 0.6))
            return out
        # a status or another short label is one value: a column is as wide as it is
        rows = tuple(tuple(joined(c) for c in row) for row in rows)
        block = attrs.evolve(block, rows=rows)
        widths, size = fit(self, block)
        s = self.s
        wide = block.dense or size < s.cell.fontSize
        cell = s.wide_cell if wide else s.cell
        if size != cell.fontSize:
            cell = self.derived(cell, f"-{size}", fontSize=size, leading=size * 1.25)
        right = self.derived(cell, "-r", alignment=TA_RIGHT)
        head = self.derived(cell, "-h", fontName=self.fonts.bold, textColor=colors.white)
        head_right = self.derived(head, "-r", alignment=TA_RIGHT)
        total = self.derived(cell, "-t", fontName=self.fonts.bold)
        total_right = self.derived(total, "-r", alignment=TA_RIGHT)

        def styled(c: int, normal: Any, aligned: Any) -> Any:
            return aligned if block.alignment(c) == "right" else normal

        data: list[list[Any]] = [
            [self.para(h, styled(c, head, head_right)) for c, h in enumerate(headers)]
        ]
        data.extend(
            [self.para(v, styled(c, cell, right)) for c, v in enumerate(row)] for row in rows
        )
        if block.footer:
            data.append(
                [self.para(v, styled(c, total, total_right)) for c, v in enumerate(block.footer)]
            )
        if block.row_lines:
            writing_rows(self, block, data, widths, cell.leading)
        grid = make_grid(self, data, widths, not block.row_lines, bool(block.footer))
        # a sheet too tall for a page (filled in at length) flows on, a row at a time
        tall = grid.wrap(self.width, self.height)[1]
        grid.kp_too_tall = tall > self.height * 0.85
        # a short table stays whole on its page, never leaving two or three rows apart
        short = not block.row_lines and tall <= self.height * 0.5
        if (block.keep_together and not grid.kp_too_tall) or short:
            out.append(together([*out[-1:], grid]) if block.caption else together([grid]))
            if block.caption:
                del out[-2]
        else:
            out.append(grid)
        out.append(Spacer(1, self.look.size * 0.8))
        return out


def _leads(body: list[Any]) -> int:
    """How many of ``body``'s first flowables introduce what follows them (none: 0)."""
    count = 0
    while count < len(body) - 1 and getattr(body[count], "kp_leads", False):
        count += 1
    return count


def _collapse_spaces(text: str) -> str:
    """Whitespace collapsed as reportlab's parser collapses it, without its cost for most text.

    Text that is printable (so holds no whitespace but the ASCII space), with
    single spaces only and none at its ends, is already as the parser leaves it.
    A no-break space, which holds amounts and short labels together, is not
    whitespace to the parser either.
    """
    printable = text.replace("\u00a0", "").isprintable()
    if printable and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return str(cleanBlockQuotedText(text))


def render(document: Document, look: Look) -> bytes:
    """Lay ``document`` out on A4 pages and return the PDF's bytes."""
    # the words of one document are measured once; a batch keeps no words of the last
    word_widths.clear()
    # the switch is the process's environment, the same for every thread
    internals = _Para.internals = use_internals()
    logo = cover_logo(look)
    out = io.BytesIO()
    doc = _DocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * mm,
        title=document.title + (f" – {document.subtitle}" if document.subtitle else ""),
        author=document.author,
        subject=document.subject,
        keywords=list(document.keywords),
        creator=f"klusterplan {version()}",
        lang=document.language_tag,
        displayDocTitle=1,
        invariant=1,
        initialFontName=look.fonts.regular,
    )
    # No padding at the sides: the text, the tables and the grids start at the margin,
    # where the footer and the running logo stand (the Word export's text edge too).
    sides = {"leftPadding": 0, "rightPadding": 0}
    frame = _Frame(_MARGIN, _MARGIN + 4 * mm, _CONTENT_WIDTH, _CONTENT_HEIGHT - 4 * mm, **sides)
    wide = _Frame(_MARGIN, _MARGIN + 4 * mm, _WIDE_WIDTH, _WIDE_HEIGHT - 4 * mm, **sides)
    doc.addPageTemplates(
        [
            PageTemplate("title", [frame], pagesize=A4),
            PageTemplate("body", [frame], pagesize=A4),
            PageTemplate("landscape", [wide], pagesize=_LANDSCAPE),
        ]
    )
    story = _Renderer(document, look, logo).story()
    # One layout pass: the canvas holds the pages back and fills in the page
    # numbers (footers, contents) once the last page is known.
    doc.build(story, canvasmaker=canvas_maker(document, look, logo, internals))
    return out.getvalue()
