"""The Word body of a :class:`~klusterplan.document.Document`, as klusterplan writes it.

The Word export writes it into its package (:mod:`klusterplan.exporters.docx`);
the Word import writes it again from the plan a document carries, to know
what the document said when it was written. Both write it with the marks of
:mod:`klusterplan._word.marks`: bookmarks around each plan value, which
python-docx, Word and LibreOffice all read through.

Tables and figures are written by :mod:`~klusterplan._word.tables`, runs and
paragraphs by :mod:`~klusterplan._word.wordml`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import assert_never

import attrs

from .._document import design as _design
from .._document.design import cover_label_mm, cover_space_mm
from .._document.metrics import chart_height, text_width
from .._document.workbook_pages import estimate
from ..document import (
    HAND_LINE_MM,
    Block,
    BulletList,
    Chart,
    Document,
    Fields,
    Mark,
    Marks,
    Matrix,
    Paragraph,
    Quote,
    Section,
    Staircase,
    Table,
    WritingSpace,
    chapters,
    cover_marks,
    has_wide_table,
    is_lead_in,
)
from ..model import Language
from .contents import contents_xml
from .footer import footer_xml
from .keeps import break_before, figure_with_table, keep_last, one_line
from .layout import heading_pages
from .marks import CHART_MARK, SECTION_MARK, W_NS, Look
from .questions import (
    HEADING_ROOM,
    WORD_SCALE,
    is_sheet,
    page_room,
    question_pages,
    question_tall,
    questions,
)
from .tables import TableWriter
from .wordml import (
    RULED_LINE,
    borders,
    ends_in_lines,
    kept_together,
    lang_xml,
    local_marks,
    p_xml,
    run_xml,
    size_xml,
)

__all__ = ["OPEN_LINES", "body_xml", "footer_xml"]

#: The least number of handwriting lines under an open question of the workbook.
OPEN_LINES = 6


class _Writer(TableWriter):
    """Writes every kind of block: text, lists and fields; tables and figures by its base."""

    def block(self, block: Block) -> Iterator[str]:
        """The XML of any block; mypy checks that every kind of block is written."""
        match block:
            case Paragraph():
                yield from self.paragraph(block)
            case Quote():
                yield from self.quote(block)
            case BulletList():
                yield from self.bullet_list(block)
            case Fields():
                yield from self.fields(block)
            case Table():
                yield from self.table(block)
            case Matrix():
                yield from self.matrix(block)
            case Staircase():
                yield from self.staircase(block)
            case WritingSpace():
                yield from self.writing_space(block)
            case Chart():
                yield from self.chart(block)
            case _:
                assert_never(block)

    def paragraph(self, block: Paragraph) -> Iterator[str]:
        if block.prompt:
            yield self.caption(block.text.strip())
            return
        # in the workbook a note stays with the room to write under it, and an
        # introduction with the table it introduces (its header and first rows keep too)
        ppr = "<w:keepNext/>" if self.workbook or block.keep_with_next else ""
        if block.quoted and not block.marks and "\n" not in block.text:
            # the plan's words in a sentence of the reader's: each run in its own language
            runs, at = [], 0
            for start, end in block.quoted:
                runs.append(run_xml(block.text[at:start]) if start > at else "")
                runs.append(run_xml(block.text[start:end], lang_xml(block.quoted_lang)))
                at = end
            runs.append(run_xml(block.text[at:]) if at < len(block.text) else "")
            yield p_xml("".join(runs), ppr)
            return
        yield self.text_paragraphs(block.text, rpr=lang_xml(block.lang), ppr=ppr, marks=block.marks)

    def chart(self, block: Chart) -> Iterator[str]:
        # the numbers as a table, which every reader and screen reader can use, and
        # under it the bars, a picture the package puts where this paragraph marks
        labels = tuple(" ".join(label.split()) for label in block.labels)
        bars = chart_height(labels, self.look.text_width / 20 * 0.9, self.look.large_print)
        yield from self.table(block.table, below=bars)
        yield f'<w:p xmlns:kp="{CHART_MARK}" kp:chart="{self.charts}"/>'
        self.charts += 1
        # the caption under the figure, as in the PDF
        yield self.figure_caption(block.title)

    def quote(self, block: Quote) -> Iterator[str]:
        lang = lang_xml(block.lang)
        # set in from both margins by one and a half times the text size, as in the PDF
        step = self.look.body_size * 15
        indent = f'<w:ind w:left="{step}" w:right="{step}"/>'
        if block.text.strip():
            # the quote's last paragraph keeps with its attribution, never apart from it
            style = self.style("Quote")
            quoted = self.text_paragraphs(block.text, style, lang, indent, block.marks)
            if block.attribution:
                head = f'<w:pStyle w:val="{style}"/>'
                at = quoted.rfind(head) + len(head)
                quoted = quoted[:at] + "<w:keepNext/>" + quoted[at:]
            yield quoted
        if block.attribution:
            # under the quote at its indent, upright, as the PDF sets it
            yield p_xml(
                run_xml(f"— {block.attribution}", '<w:i w:val="0"/>' + lang),
                indent,
                self.style("Quote"),
            )

    def bullet_list(self, block: BulletList) -> Iterator[str]:
        if block.caption:
            yield self.caption(block.caption)
        if block.ordered:
            num, style = self.new_list(True), self.style("List Number")
        else:
            if not self.bullets:
                self.bullets = self.new_list(False)
            num, style = self.bullets, self.style("List Bullet")
        numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        lang = lang_xml(block.lang)
        last = len(block.items) - 1
        items = []
        for i, item in enumerate(block.items):
            # a short list stays on one page; a long one keeps its first two items with
            # its caption, and its last two together
            ends = i in (0, last - 1)
            keep = "<w:keepNext/>" if i < last and (len(block.items) <= 8 or ends) else ""
            # the last item stands as far from what follows as a paragraph does
            after = '<w:spacing w:after="120"/>' if i == last else ""
            marks = block.marks[i] if i < len(block.marks) else ()
            items.append(p_xml(self.marked(item, marks, lang), keep + numpr + after, style))
        yield "".join(items)

    def fields(self, block: Fields, leads: bool = False) -> Iterator[str]:
        """A block of fields, each ``label: value``.

        With ``leads``, the last keeps with what follows too: a section's opening
        fields never stand apart from its text.
        """
        lang = lang_xml(block.lang)
        last = len(block.items) - 1
        for n, field in enumerate(block.items):
            if field.long:
                yield p_xml(self.marked(field.label, field.label_marks, "<w:b/>"), "<w:keepNext/>")
                yield self.text_paragraphs(field.value, rpr=lang, marks=field.marks)
            else:
                # a label is the reader's, unless it is plan text (a partner's name)
                label_lang = lang if field.label_marks else ""
                label = self.marked(field.label, field.label_marks, "<w:b/>" + label_lang)
                # a short field never stands alone at the foot: it keeps with the next field
                # of its block; the last keeps with nothing, or a chain of fields, headings and
                # fields would move a persona's closing lines to the next page
                yield p_xml(
                    label + run_xml(": ", "<w:b/>") + self.marked(field.value, field.marks, lang),
                    "<w:keepNext/>" if n < last or leads else "",
                )

    def writing_space(self, block: WritingSpace) -> Iterator[str]:
        # an open question gets six lines at least; a short answer's one line keeps with
        # what follows, so that its label never ends a page
        count = max(block.lines, OPEN_LINES) if block.lines >= 3 else block.lines
        short = count == 1 and bool(block.prompt)
        if block.prompt:
            # a little room above, so that the question does not sit on the lines before it
            yield p_xml(run_xml(block.prompt, "<w:b/>"), '<w:keepNext/><w:spacing w:before="160"/>')
        line = RULED_LINE
        keep = "<w:keepNext/><w:keepLines/>"
        mark = (Mark(block.path, 0, 0),) if block.path else ()
        # each line holds the path's empty mark: what is written on it fills the path
        yield "".join(
            p_xml(self.marked("", mark), (keep if i < count - 1 or short else "") + line)
            for i in range(count)
        )


def _label_column(w: _Writer) -> int:
    """The width of the cover labels' column in twips, as wide as the PDF's."""
    return round(cover_label_mm(w.look.large_print) * 1440 / 25.4)


def _cover(w: _Writer, document: Document) -> Iterator[str]:
    look = w.look
    # the title where the PDF's stands: the cover's header pushes the body down a little
    space = round(2560 - (45 - cover_space_mm(look.large_print)) * 1440 / 25.4)
    yield p_xml("", f'<w:spacing w:before="{space}" w:after="0"/>')
    text = lang_xml(
        document.text_language if document.text_language is not document.language else None
    )
    # the subtitle as close under the title as in the PDF
    yield p_xml(run_xml(document.title), '<w:spacing w:after="150"/>', w.style("Title"))

    def whole(path: str, value: str) -> Marks:
        return (Mark(path, 0, len(value)),) if path else ()

    if document.subtitle:
        subtitle = w.marked(
            document.subtitle, whole(document.subtitle_path, document.subtitle), text
        )
        yield p_xml(subtitle, style=w.style("Subtitle"))
    if document.status_mark:
        yield _status_badge(w, document.status_mark)
    yield from _lines(w, document.title_lines, cover_marks(document), text)
    for n, name in enumerate(document.cover_fields):
        path = document.cover_paths[n] if n < len(document.cover_paths) else ""
        # a label and a line to its right, to write on at the workshop
        leader = (
            f'<w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{look.text_width}"/>'
            "</w:tabs>"
        )
        # the field right after the label, so that what is typed stands there, with the
        # line to write on running on to the margin
        blank = w.marked("", whole(path, "") if path else (), text)
        yield p_xml(
            run_xml(f"{name}: ", "<w:b/>") + blank + "<w:r><w:tab/></w:r>",
            leader + '<w:spacing w:before="240" w:after="120"/>',
        )
    if document.promise:
        size = round(look.body_size * 2.2)
        rpr = f'<w:i/><w:color w:val="{look.accent}"/>{size_xml(size)}' + text
        yield p_xml(run_xml(f"”{document.promise}”", rpr), '<w:spacing w:before="850"/>')
    if document.control_lines:
        yield _control_block(w, document, text)
        # a frame is anchored to the paragraph after it: an empty one keeps it on the cover,
        # where the next would take it to the page that paragraph starts
        yield p_xml("", '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>')


def _control_block(w: _Writer, document: Document, text: str) -> str:
    """The document information at the foot of the cover, as the PDF sets it.

    One paragraph in a frame anchored to the bottom margin, a line for each label
    and value: LibreOffice places a lone framed paragraph, not a run of them.
    """
    look = w.look
    column = _label_column(w)
    rpr = size_xml(look.body_size)
    rule = borders("pBdr", ("top",), look.accent, 6)
    # a line as high as a row of the PDF's particulars (its leading, 1.35 times the text,
    # and 3 pt of padding either side: half-points times ten are twips); Word sets the room
    # an exact line leaves above its text, so the rule needs no space of its own
    line = round(look.body_size * 10 * 1.35 + 120)
    runs = []
    marks = document.control_marks
    # what fits beside the labels, at about half an em a character
    room = (look.text_width - column) / 20
    for n, (name, value) in enumerate(document.control_lines):
        if n:
            runs.append("<w:r><w:br/></w:r>")
        tab = f"<w:r><w:rPr>{rpr}</w:rPr><w:tab/></w:r>"
        runs.append(run_xml(name, "<w:b/>" + rpr) + tab)
        line_marks = marks[n] if n < len(marks) else ()
        for k, (a, b) in enumerate(_wrapped(value, room, look.body_size / 2)):
            if k:
                # a long value goes on under itself, as in the PDF: a break and the tab
                runs.append("<w:r><w:br/></w:r>" + tab)
            runs.append(w.marked(value[a:b], local_marks(line_marks, a, b), rpr + text))
    # the frame ends where the PDF's particulars end, 251 mm under the top margin (over the
    # footer's room and the PDF frame's padding): its top as far above as its lines need
    lines = sum(r == "<w:r><w:br/></w:r>" or r.startswith("<w:r><w:br/></w:r>") for r in runs) + 1
    top = round(251 * 1440 / 25.4) - lines * line
    frame = (
        f'<w:framePr w:w="{look.text_width}" w:wrap="around" w:vAnchor="margin" '
        f'w:hAnchor="margin" w:xAlign="left" w:y="{top}"/>'
    )
    ppr = (
        frame
        + rule
        + f'<w:tabs><w:tab w:val="left" w:pos="{column}"/></w:tabs>'
        + f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
    )
    return p_xml("".join(runs), ppr)


def _wrapped(value: str, room: float, size: float) -> list[tuple[int, int]]:
    """``value`` in lines at most ``room`` points wide at ``size``, broken after its commas.

    A frame's lines are one paragraph, broken by hand: each line of a long value
    (the contact person's) starts under the one before, at the labels' tab, and
    holds as much as fits, as the PDF's does.
    """

    def wide(text: str) -> float:
        # (a character the typeface cannot lay out, a control character, as a space)
        return text_width("".join(c if c.isprintable() else " " for c in text), size)

    out: list[tuple[int, int]] = []
    start = 0
    while wide(value[start:]) > room:
        cuts = [
            k
            for k in range(start, len(value))
            if value.startswith(", ", k) and wide(value[start : k + 1]) <= room
        ]
        if not cuts:
            break
        out.append((start, cuts[-1] + 1))
        start = cuts[-1] + 2
    out.append((start, len(value)))
    return out


def _status_badge(w: _Writer, mark: str) -> str:
    """``UTKAST`` in white on the status mark's colour, as the PDF's cover shows it."""
    look = w.look
    fill = _design.STATUS_MARK.lstrip("#")
    rpr = (
        f'<w:b/><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" '
        f'w:fill="{fill}"/>{size_xml(round(look.body_size * 1.2))}'
        '<w:spacing w:val="10"/>'
    )
    # the spaces either side are the badge's padding: shading covers the run only
    return p_xml(
        run_xml(f"\u00a0\u00a0{mark}\u00a0\u00a0", rpr), '<w:spacing w:before="0" w:after="240"/>'
    )


def _lines(
    w: _Writer,
    lines: tuple[tuple[str, str], ...],
    marks: tuple[Marks, ...],
    text: str,
) -> Iterator[str]:
    """Label and value lines as the PDF sets them.

    They stand under a rule in the accent colour, each label in a column of its own,
    a long value wrapping under itself.
    """
    look = w.look
    column = _label_column(w)
    tabs = f'<w:tabs><w:tab w:val="left" w:pos="{column}"/></w:tabs>'
    rule = borders("pBdr", ("top",), look.accent, 6).replace('w:space="0"', 'w:space="6"')
    rpr = size_xml(look.body_size)
    for n, (name, value) in enumerate(lines):
        # a line as far from the next as the PDF's rows: its leading and 6 pt of padding
        ppr = (
            (rule if n == 0 else "")
            + tabs
            + f'<w:spacing w:before="{363 if n == 0 else 0}" w:after="120"/>'
            + f'<w:ind w:left="{column}" w:hanging="{column}"/>'
        )
        # the label as the PDF sets it, without a colon: its column says what it is
        label = run_xml(name, "<w:b/>" + rpr) + f"<w:r><w:rPr>{rpr}</w:rPr><w:tab/></w:r>"
        line_marks = marks[n] if n < len(marks) else ()
        yield p_xml(label + w.marked(value, line_marks, rpr + text), ppr)


def _mark(orientation: str) -> str:
    """A paragraph the package replaces by a section break: the section before it ends there."""
    return f'<w:p xmlns:kp="{SECTION_MARK}" kp:ends="{orientation}"/>'


# long: the body in the reading order of the document, the contents filled in at its end
def body_xml(
    document: Document, look: Look, new_list: Callable[[bool], int], pages: bool = True
) -> tuple[str, bool]:
    """The document body (without its section properties) as one ``w:body`` element.

    ``new_list(ordered)`` returns a fresh numbering id for a list; ordered
    lists each get their own so that their numbers restart at 1. A chapter
    with a table too wide for a portrait page is put on landscape pages: the
    body holds marker paragraphs (namespace :data:`SECTION_MARK`, attribute
    ``ends``) where the package puts section breaks. The second value says
    whether the last section is landscape.

    With ``pages``, the contents carry each heading's page as the body's layout
    is estimated (:func:`~klusterplan._word.layout.heading_pages`); without,
    they list the headings alone, as Word shows them before an update.
    """
    workbook = document.mode.value == "workbook"
    w = _Writer(look, new_list, workbook, document.language is Language.SV)
    entries = [(s, f"_Toc_kp{i}") for i, s in enumerate(document.sections, 1)]
    # the summary stands before the contents, and the contents list it first
    front = [(s, f"_Toc_kpf{i}") for i, s in enumerate(document.front)]
    parts = [f'<w:body xmlns:w="{W_NS}">', *_cover(w, document)]
    for i, (section, bookmark) in enumerate(front):
        parts.append(w.heading(section, bookmark, page_break=i == 0))
        for block in section.blocks:
            parts.extend(w.block(block))
    contents_at = len(parts)
    parts.extend(contents_xml(w.look, document, [*front, *entries], {}))
    contents_end = len(parts)
    bookmarks = {id(s): b for s, b in entries}
    landscape = False
    # the contents end their page; a section break starts a new one by itself
    at_page_start, first, after_empty = False, True, False
    tail = len(parts)  # where the last section's blocks begin
    groups = questions(document.sections) if workbook else {}
    done: set[int] = set()
    lead: _Lead | None = None
    pos = 0.0  # how far down its page the body has come, by the estimate (the workbook's)
    for chapter in chapters(document.sections):
        wide = has_wide_table(chapter)
        if wide != landscape:
            _keep_tail(parts, tail)
            parts.append(_mark("landscape" if landscape else "portrait"))
            landscape, at_page_start = wide, True
            w.width = look.wide_width if wide else look.text_width
        for n, section in enumerate(chapter):
            if id(section) in done:
                continue
            group = groups.get(id(section))
            if group and not wide and not is_sheet(section):
                tall, page = question_tall(group), page_room()
                here = 0.0 if at_page_start else pos
                if tall <= page and len(group) == 1 and (here + tall <= page or here > page / 2):
                    # a question whole on its page, on the next where it does not fit this one
                    # (with the headings over it)
                    brk = not at_page_start and (first or here + tall > page)
                    if brk and lead:
                        tall += lead.lift(w, parts, bookmarks)
                        brk = False
                    elif brk:
                        parts.extend(_notes(w, here, page, parts))
                    parts.append(w.heading(section, bookmarks[id(section)], page_break=brk))
                    kept = "".join(x for b in section.blocks for x in w.block(b))
                    parts.append(kept_together(kept))
                    pos = here + tall if here + tall <= page else tall
                else:
                    # on from here when this page is not half full, else from the next (with
                    # the headings over it): the question again on each page after its first
                    start = here <= page / 2 and not lead
                    room = here if start else (lead.lift(w, parts, bookmarks) if lead else 0.0)
                    brk = not at_page_start and not lead and not start
                    heads = [
                        w.heading(s, bookmarks[id(s)], page_break=brk and s is section)
                        for s in group
                    ]
                    paged, pos = question_pages(
                        w,
                        w.block,
                        group,
                        heads,
                        document.language,
                        room,
                        movable=start,
                        notes=functools.partial(_notes, w, here, page, parts),
                        more=lambda lines: w.writing_space(WritingSpace(lines)),
                    )
                    parts.extend(paged)
                done.update(id(s) for s in group)
                at_page_start, first, after_empty, lead = False, False, False, None
                tail = len(parts)
                continue
            # a workshop sheet kept together starts a page of its own, with its heading
            # (after a sheet that split over pages, the next follows on: its page is not whole)
            sheet = is_sheet(section) and not w.sheet_split
            brk = not at_page_start and (first or (sheet and not after_empty))
            if _leads(section):
                if lead is None:
                    lead = _Lead(len(parts), at_page_start or brk)
                lead.sections.append(section)
            else:
                lead = None
            parts.append(w.heading(section, bookmarks[id(section)], page_break=brk))
            pos = (0.0 if brk or at_page_start else pos) + _tall(section)
            at_page_start, first, after_empty = False, False, not section.blocks
            tail = len(parts)
            if section.keep_together and not _most_of_a_page(section):
                parts.append(kept_together("".join(x for b in section.blocks for x in w.block(b))))
                continue
            if section.keep_together:
                # most of a page: moved whole, it would leave the page before half empty;
                # each of its parts stays whole instead, the first under the heading, and a
                # table goes on over the page a row at a time under its header repeated
                held = ""  # a prompt, kept with the part it asks for
                for block in section.blocks:
                    xml = held + "".join(w.block(block))
                    held = ""
                    if isinstance(block, Paragraph) and block.prompt:
                        held = xml
                    elif isinstance(block, Table):
                        parts.append(xml)
                    else:
                        parts.append(kept_together(xml))
                parts.append(held)
                continue
            if not look.large_print and figure_with_table(section):
                # a figure and the table that lists what it shows stay on one page, with
                # the heading and the lines that introduce them, as in the PDF
                parts.append(kept_together("".join(x for b in section.blocks for x in w.block(b))))
                continue
            for k, block in enumerate(section.blocks):
                # a table to write in, in a question of several steps, stays whole
                if isinstance(block, Fields) and _opening(section, k):
                    xml = "".join(w.fields(block, leads=True))
                else:
                    xml = "".join(w.block(block))
                writing = isinstance(block, Table) and block.row_lines
                after = section.blocks[k + 1] if k + 1 < len(section.blocks) else None
                if isinstance(block, Staircase | Matrix) and isinstance(after, Table):
                    # a figure's caption keeps with the table that lists what it shows (not
                    # in large print, where the two fill a page: kept, they would leave the
                    # chapter's heading and opening lines alone on the page before them)
                    xml = xml if look.large_print else keep_last(xml)
                elif isinstance(block, Table) and block.keep_with_next and not look.large_print:
                    # a short table that a list goes on from (a summary, then what each
                    # line of it holds) never ends a page with the list on the next
                    xml = kept_together(xml + "<w:p>")[: -len("<w:p>")]
                elif k + 2 == len(section.blocks) and one_line(after):
                    # a section's closing field ("Budget: 50 000 kr") never stands alone
                    # at the top of a page: the lines before it go with it
                    xml = keep_last(xml)
                parts.append(kept_together(xml) if writing else xml)
            below = chapter[n + 1] if n + 1 < len(chapter) else None
            if below is not None and below.level > section.level and is_lead_in(section):
                # a chapter's few opening lines go with its first section's heading, never
                # alone under the chapter's heading at a page's foot
                parts[-1] = kept_together(parts[-1] + "<w:p>")[: -len("<w:p>")]
    _keep_tail(parts, tail)
    parts.append("</w:body>")
    if pages:
        charts = [
            tuple(" ".join(label.split()) for label in b.labels)
            for s in (*document.front, *document.sections)
            for b in s.blocks
            if isinstance(b, Chart)
        ]
        # a chapter's heading near a page's foot starts the next page, by the PDF's rule (not in
        # the workbook, whose questions place themselves)
        starts: set[str] | None = None if workbook else set()
        found = heading_pages("".join(parts), look, charts, starts)
        parts[contents_at:contents_end] = contents_xml(w.look, document, [*front, *entries], found)
        parts[contents_end:] = [break_before(x, starts) for x in parts[contents_end:]]
    return "".join(parts), landscape


#: How much taller Word sets a workbook's blocks than the house estimate (its rows and lines).
_WORD_SCALE = 1.12


def _opening(section: Section, index: int) -> bool:
    """Whether block ``index`` is a few short fields opening ``section`` before its text.

    A group's "Segment" and "Röster" keep with the text's first lines, so that
    the heading over them never ends a page with them alone.
    """
    blocks = section.blocks
    if index != 0 or len(blocks) < 2 or not isinstance(blocks[1], Paragraph):
        return False
    block = blocks[0]
    return (
        isinstance(block, Fields) and len(block.items) <= 3 and not any(f.long for f in block.items)
    )


def _most_of_a_page(section: Section) -> bool:
    """Whether a question takes more than three quarters of a page in Word."""
    tall = sum(estimate(b) for b in section.blocks) * _WORD_SCALE
    return tall > _design.text_height(False) * 0.75


def _tall(section: Section) -> float:
    """How far a section moves down its page in Word, by the estimate, past a page's end too."""
    tall = HEADING_ROOM.get(section.level, 30.0) + sum(estimate(b) for b in section.blocks)
    return tall % page_room()


#: A handwriting line's height in points.
_LINE = HAND_LINE_MM * 72 / 25.4


def _notes(w: _Writer, here: float, page: float, parts: list[str]) -> Iterator[str]:
    """More lines under a question whose page the next question leaves.

    The page is not left two-thirds empty: the lines run to about the foot, short
    of it by what the estimate may be short by. They go on from the question's
    last lines, under its prompt, and only there (``parts`` is the body so far):
    under a table or a figure no lines stand without a prompt. What is typed on
    them in Word is reported, not read.
    """
    lines = int((page * 0.85 - here) / _LINE)
    if here < page * 0.7 and lines >= 3 and parts and ends_in_lines(parts[-1]):
        yield from w.writing_space(WritingSpace(lines))


def _leads(section: Section) -> bool:
    """Whether ``section`` is a heading with nothing of its own or only an introduction.

    A chapter's short list (the priority groups) over a question leads into it too:
    where the question moves to the next page, it goes along rather than stand alone.
    """
    if all(isinstance(b, Paragraph) and not b.prompt for b in section.blocks):
        return True
    short = sum(estimate(b) for b in section.blocks) < _design.text_height(False) * 0.3
    return (
        section.level == 1
        and short
        and all(isinstance(b, BulletList) and not b.caption for b in section.blocks)
    )


@attrs.define
class _Lead:
    """Headings with nothing of their own but an introduction, over the question after them."""

    start: int
    """Where their XML begins in the body's parts."""
    at_page_start: bool
    """Whether they open a page already."""
    sections: list[Section] = attrs.Factory(list)

    def lift(self, w: _Writer, parts: list[str], bookmarks: dict[int, str]) -> float:
        """Start a page with them, for the question after them; how tall they stand."""
        first = self.sections[0]
        if not self.at_page_start:
            parts[self.start] = w.heading(first, bookmarks[id(first)], page_break=True)
        return (
            sum(
                HEADING_ROOM.get(s.level, 30.0) + sum(estimate(b) for b in s.blocks)
                for s in self.sections
            )
            * WORD_SCALE
        )


#: The most paragraphs a chapter's last section may hold to be kept whole before a page
#: of another direction or the end: more would leave the page before it too empty.
_TAIL_PARAGRAPHS = 12


def _keep_tail(parts: list[str], start: int) -> None:
    """Keep a chapter's short last section together before a section break or the end.

    Its last lines then never stand alone on the page the chapter ends on: when
    the page would break inside it, it moves over with its heading. A table
    keeps its own rows: the lines after the last one go over together instead, so
    that a chapter a page and two lines long ends on more than those two lines. A
    long section flows as it is.
    """
    tables = [k for k in range(start, len(parts)) if "<w:tbl>" in parts[k]]
    start = tables[-1] + 1 if tables else start
    xml = "".join(parts[start:])
    if not xml or "<w:tbl>" in xml or xml.count("<w:p>") + xml.count("<w:p ") > _TAIL_PARAGRAPHS:
        return
    parts[start:] = [kept_together(xml)]
