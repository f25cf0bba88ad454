"""Tables and figures in the Word body: plan tables, records, the centre matrix, the staircase."""

from __future__ import annotations

from collections.abc import Iterator

from .._document.metrics import CELL_PADDING, fit_columns, longest_word, staircase_columns
from ..document import Mark, Marks, Matrix, Staircase, Table
from .layout import fits_page, is_short
from .marks import TABLE, half_points
from .wordml import (
    GREY,
    HAND_LINE,
    MUTED,
    NO_BORDERS,
    RULE,
    RULED_LINE,
    SMALLEST,
    TINT,
    WriterBase,
    borders,
    esc,
    lang_xml,
    p_xml,
    run_xml,
    size_xml,
)

__all__ = ["TableWriter"]

#: A row to write in is 9 mm high at least: 510 twips.
WRITING_ROW = 510
#: A field of the centre matrix is at least 45 mm high, as in the PDF: 2551 twips.
_FIELD_HEIGHT = 2551


def _table_start(widths: list[int], caption: str, header: bool, footer: bool) -> str:
    """A table's properties and grid: the house rules, fixed widths, its caption."""
    border = borders("tblBorders", ("top", "left", "bottom", "right", "insideH"), RULE)
    caption_xml = f'<w:tblCaption w:val="{esc(caption)}"/>' if caption else ""
    return "".join(
        [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
            # the border at the text's edge, as in the PDF: Word sets a table's edge a cell
            # margin to the left of the text, unless indented by as much
            '<w:tblInd w:w="80" w:type="dxa"/>',
            border,
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
            "</w:tblCellMar>",
            f'<w:tblLook w:val="0420" w:firstRow="{1 if header else 0}" '
            f'w:lastRow="{1 if footer else 0}" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
            caption_xml,
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
    )


def _unbroken(text: str) -> str:
    """``text`` with its one space made a no-break space when it is a short label."""
    words = text.split(" ")
    return "\u00a0".join(words) if len(words) == 2 and len(text) <= _SHORT_LABEL else text


#: The longest label of two words that a table column is made wide enough to hold whole.
_SHORT_LABEL = 12


def _whole(path: str, text: str) -> Marks:
    """``text`` marked whole for ``path``; nothing marked without a path."""
    return (Mark(path, 0, len(text)),) if path else ()


#: The fewest fields of a record (a wide table's row in large print) on either side of
#: a page break.
RECORD_END = 3


class TableWriter(WriterBase):
    """Writes tables, large print's records, and the figures drawn as tables."""

    def _fit(self, block: Table, size: int) -> tuple[list[int], int]:
        """Column widths in twips from the text, and the size the text fits at."""
        columns = len(block.headers)
        measured = [*block.rows, block.footer] if block.footer else list(block.rows)
        # a short label of two words ("in progress") is measured as one: never broken
        measured = [tuple(_unbroken(cell) for cell in row) for row in measured]
        while True:
            widths = fit_columns(
                block.headers,
                measured,
                block.widths,
                self.width / 20,
                size / 2,
                by_weight=bool(block.row_lines),
            )
            if widths is not None:
                break
            if size <= SMALLEST or self.look.large_print:
                # the longest words are wider than the page: share it by weight
                weights = list(block.widths) if len(block.widths) == columns else [1.0] * columns
                total = sum(weights) or 1.0
                widths = [self.width / 20 * w / total for w in weights]
                break
            size -= 1
        out = [int(w * 20) for w in widths]
        out[-1] += self.width - sum(out)
        return out, size

    def _weighted(self, block: Table, size: int) -> list[int] | None:
        """Widths by the columns' weights, each at least its longest word; None if none fit."""
        rows = [block.headers, *block.rows]
        least = [
            int(
                (
                    max(
                        longest_word(r[c], size / 2, n == 0)
                        for n, r in enumerate(rows)
                        if c < len(r)
                    )
                    + CELL_PADDING
                )
                * 20
            )
            for c in range(len(block.headers))
        ]
        total = sum(block.widths) or 1.0
        widths = [int(self.width * w / total) for w in block.widths]
        short = [c for c, (w, m) in enumerate(zip(widths, least, strict=True)) if w < m]
        if short:
            need = sum(least[c] - widths[c] for c in short)
            rest = [c for c in range(len(widths)) if c not in short]
            room = sum(widths[c] - least[c] for c in rest)
            if not rest or room < need:
                return None
            for c in short:
                widths[c] = least[c]
            for c in rest:
                widths[c] -= int(need * (widths[c] - least[c]) / room) + 1
        widths[-1] += self.width - sum(widths)
        return widths

    # long: one table's XML top to bottom, its keeps decided from all of its rows at once
    def _table(
        self,
        headers: tuple[str, ...] | None,
        rows: list[list[str]],
        widths: list[int],
        size: int,
        caption: str = "",
        height: int = 0,
        raw: bool = False,
        lang: str = "",
        keep_together: bool = False,
        align: tuple[str, ...] = (),
        footer: tuple[str, ...] = (),
        shaded: bool = True,
        marks: tuple[tuple[Marks, ...], ...] = (),
        list_path: str = "",
        with_next: bool = False,
    ) -> str:
        """A table; ``raw`` rows hold each cell's paragraphs as XML rather than text.

        ``marks`` are each body cell's plan values; ``list_path`` the plan list the
        rows show, named by a bookmark in the first header cell. A table
        ``with_next`` (kept together) keeps on the page of what follows it.
        """

        def ppr(column: int, keep: bool) -> str:
            right = column < len(align) and align[column] == "right"
            return (
                '<w:spacing w:before="30" w:after="30"/>'
                + ("<w:keepNext/>" if keep else "")
                + ('<w:jc w:val="right"/>' if right else "")
            )

        rpr = size_xml(size)
        tcw = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
        parts = [_table_start(widths, caption, bool(headers), bool(footer))]
        if headers:
            head_rpr = f'<w:b/><w:color w:val="FFFFFF"/>{rpr}'
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{self.look.primary}"/>'
            parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for c, (width, text) in enumerate(zip(tcw, headers, strict=True)):
                # the header names the plan list the rows belong to, by a bookmark
                start, end = self.bookmark(TABLE, list_path) if list_path and c == 0 else ("", "")
                parts.append(
                    f"<w:tc><w:tcPr>{width}{_seams(c, len(tcw), self.look.primary)}{shd}</w:tcPr>"
                    f"{p_xml(start + end + run_xml(text, head_rpr), ppr(c, True))}</w:tc>"
                )
            parts.append("</w:tr>")
        row_pr = "<w:trPr><w:cantSplit/>"
        if height:
            row_pr += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
        row_pr += "</w:trPr>"
        # every row is chained to the next, so that a table kept together stays on one
        # page and no other leaves its last row alone on the next
        last = len(rows) - 1
        for n, row in enumerate(rows):
            # the first two rows stay together too, so that no header stands over one row
            keep = (
                (keep_together and (n < last or with_next))
                or n in (0, last - 1)
                or (bool(footer) and n == last)
            )
            cells_marks = marks[n] if n < len(marks) else ()
            parts.append(f"<w:tr>{row_pr}")
            band = n % 2 == 1 and shaded and not height
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{TINT}"/>' if band else ""
            for c, (width, cell) in enumerate(zip(tcw, row, strict=True)):
                cell_marks = cells_marks[c] if c < len(cells_marks) else ()
                inner = cell if raw else self._cell(cell, rpr + lang, ppr(c, keep), cell_marks)
                seams = _seams(c, len(tcw), TINT) if band else ""
                parts.append(f"<w:tc><w:tcPr>{width}{seams}{fill}</w:tcPr>{inner}</w:tc>")
            parts.append("</w:tr>")
        if footer:
            top = borders("tcBorders", ("top",), self.look.primary, 8)
            parts.append(f"<w:tr>{row_pr}")
            for c, (width, cell) in enumerate(zip(tcw, footer, strict=True)):
                inner = self._cell(cell, "<w:b/>" + rpr, ppr(c, with_next))
                parts.append(f"<w:tc><w:tcPr>{width}{top}</w:tcPr>{inner}</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        # a paragraph after each table keeps two tables from merging into one; it is the
        # space under the table, as tall as the PDF's (four fifths of the body size)
        gap = self.look.body_size * 8  # half-points to twips, times 0.8
        held = "<w:keepNext/>" if with_next else ""
        parts.append(
            p_xml(
                "", f'{held}<w:spacing w:before="0" w:after="0" w:line="{gap}" w:lineRule="exact"/>'
            )
        )
        return "".join(parts)

    def _cell(self, text: str, rpr: str, ppr: str, marks: Marks = ()) -> str:
        # a table cell must hold at least one paragraph
        return self.text_paragraphs(text, rpr=rpr, ppr=ppr, marks=marks) or p_xml("", ppr)

    def table(self, block: Table, below: float = 0.0) -> Iterator[str]:
        """``block`` as a Word table; ``below`` is the height of a figure it stands over.

        A table no taller than half a page stays whole, unless it and the figure
        under it would not share a page: split, it lets the figure follow it.
        """
        if block.caption:
            yield self.caption(block.caption)
        if block.records:
            yield from self.records(block)
            return
        columns = len(block.headers)
        size = {"body": self.look.body_size, "small": self.look.small_size}.get(
            block.type_role, self.look.table_size
        )
        widths, size = self._fit(block, size)
        if block.row_lines and len(block.widths) == columns:
            # a table to write in is sized by what gets written in it, not by its hints:
            # sheets with the same columns get the same widths
            widths = self._weighted(block, size) or widths
        rows = [[*row, *[""] * (columns - len(row))][:columns] for row in block.rows]
        source = block.source
        # a row to write in: a line of its text (its number, its group) and its handwriting
        # lines under it, as in the PDF; a row the plan fills is as tall as its text
        line = round(size * 10 * 1.25) + 60
        height = block.row_lines * HAND_LINE + line if block.row_lines else 0

        def write(keep_together: bool, with_next: bool = False) -> str:
            return self._table(
                block.headers,
                rows,
                widths,
                size,
                block.caption,
                height,
                lang=lang_xml(block.lang),
                keep_together=keep_together,
                align=block.align,
                footer=block.footer,
                marks=source.marks if source else (),
                list_path=source.path if source else "",
                with_next=with_next,
            )

        # the marks' names and numbers as they were, for a table written a second time
        names, bookmarks = dict(self.names), self.bookmarks
        xml = write(block.keep_together)
        short = is_short(xml, self.look, self.width, below)
        if not block.keep_together and not block.row_lines and short:
            # a short table stays whole on its page, never leaving two or three rows apart,
            # and on the page of the figure under it
            self.names, self.bookmarks = dict(names), bookmarks
            xml = write(True, with_next=below > 0)
        self.sheet_split = False
        tallest = height
        # a sheet kept on one page shares the page out among its rows, none under 9 mm
        while block.keep_together and height > WRITING_ROW:
            # (room for a chapter's heading over the sheet's, as the first sheet has)
            if fits_page(xml, self.look, self.width, headings=2):
                break
            height = max(WRITING_ROW, height - 40)
            self.names, self.bookmarks = dict(names), bookmarks
            xml = write(True)
        if block.keep_together and not fits_page(xml, self.look, self.width):
            # taller than a page under its heading: kept whole, it would leave the heading
            # alone on a page of its own; it splits instead, its header repeated
            # (its rows as tall as they ask: the pages it takes are full of room to write)
            self.names, self.bookmarks = names, bookmarks
            height = tallest
            xml = write(False)
            self.sheet_split = True
        yield xml

    def records(self, block: Table) -> Iterator[str]:
        """One record a row, label and value, each record under a rule: large print."""
        lang = lang_xml(block.lang)
        rule = borders("pBdr", ("top",), GREY, 6).replace('w:space="0"', 'w:space="4"')
        source = block.source
        total = " ".join(c for c in block.footer if c.strip())
        for n, row in enumerate(block.rows):
            closes = bool(total) and n == len(block.rows) - 1
            row_marks = source.marks[n] if source and n < len(source.marks) else ()
            cells = [
                (h or "#", c.strip(), row_marks[k] if k < len(row_marks) else ())
                for k, (h, c) in enumerate(zip(block.headers, row, strict=False))
            ]
            cells = [(h, c, m) for h, c, m in cells if c]
            last = len(cells) - 1
            for i, (name, value, marks) in enumerate(cells):
                # a record splits over pages only with three fields at least on each side:
                # each field keeps with the next but where that leaves three on each side
                # (a record of five fields or fewer is kept whole)
                keep = i < last and not RECORD_END - 1 <= i <= last - RECORD_END
                keep = keep or (closes and i == last)
                # (a field is a few lines: whole, never its last line alone over the page)
                ppr = (
                    ("<w:keepNext/>" if keep else "") + "<w:keepLines/>" + (rule if i == 0 else "")
                )
                yield p_xml(run_xml(f"{name}: ", "<w:b/>") + self.marked(value, marks, lang), ppr)
        if total:
            # the total closes the records as the total row closes the table, as in the PDF
            line = borders("pBdr", ("top",), self.look.primary, 10).replace(
                'w:space="0"', 'w:space="2"'
            )
            yield p_xml(run_xml(total, "<w:b/>"), "<w:keepLines/>" + line)

    def matrix(self, block: Matrix) -> Iterator[str]:
        """The centre matrix as the PDF draws it: two by two fields in the house colour.

        Each field has its centre's name as a small heading and the groups placed
        in it as a bulleted list; in normal print every field is at least 45 mm high.
        """
        size = self.look.table_size
        half = self.width // 2
        rpr = size_xml(size)
        groups_rpr = rpr + lang_xml(block.lang)
        heading_rpr = f'<w:b/><w:color w:val="{MUTED}"/>' + size_xml(
            half_points("h3", self.look.large_print)
        )
        ppr = '<w:spacing w:before="0" w:after="20"/><w:keepNext/>'
        line = RULED_LINE
        self.placing(block.placements)

        def cell(k: int, name: str, groups: tuple[str, ...]) -> str:
            head = p_xml(
                run_xml(name, heading_rpr), '<w:spacing w:before="0" w:after="120"/><w:keepNext/>'
            )
            where = block.placements[k] if k < len(block.placements) else ""
            if block.write_in and not groups:
                lines = "".join(
                    p_xml(self.marked("", (Mark(where, 0, 0),) if where else (), groups_rpr), line)
                    for _ in range(block.write_in)
                )
                return head + lines
            # the bullet stands before the group's mark: only the name is the plan's
            names = "".join(
                p_xml(run_xml("• ", rpr) + self.marked(g, _whole(where, g), groups_rpr), ppr)
                for g in groups
            )
            return head + names

        cells = [cell(k, name, groups) for k, (name, groups) in enumerate(block.cells)]
        if len(cells) % 2:
            cells.append(p_xml("", ppr))
        frame = borders(
            "tblBorders",
            ("top", "left", "bottom", "right", "insideH", "insideV"),
            self.look.primary,
            12,
        )
        height = 0 if self.look.large_print else _FIELD_HEIGHT
        row_pr = "<w:trPr><w:cantSplit/>" + (
            f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>' if height else ""
        )
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{self.width}" w:type="dxa"/>',
            '<w:tblInd w:w="160" w:type="dxa"/>',
            frame,
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:top w:w="120" w:type="dxa"/><w:left w:w="160" w:type="dxa"/>'
            '<w:bottom w:w="80" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar>',
            f'<w:tblCaption w:val="{esc(block.title)}"/>',
            f'<w:tblDescription w:val="{esc(block.alt)}"/>' if block.alt else "",
            "</w:tblPr><w:tblGrid>",
            f'<w:gridCol w:w="{half}"/><w:gridCol w:w="{self.width - half}"/>',
            "</w:tblGrid>",
        ]
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        for row in rows:
            # the rows of the matrix stay together on one page, and with the caption
            parts.append(f"<w:tr>{row_pr}</w:trPr>")
            for width, inner in zip((half, self.width - half), row, strict=True):
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{inner}</w:tc>'
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        # the caption under the figure, as the chart's: it keeps the tables apart too
        parts.append(self.figure_caption(block.title))
        yield "".join(parts)

    def _step_spacing(self, groups: bool) -> tuple[str, str, str]:
        """The spacing of a step's groups, its last group and its name.

        Set close, line under line, as in the PDF; large print keeps a paragraph's
        spacing, which its page estimate is held to.
        """
        if self.look.large_print:
            return "", "", ""
        last = '<w:spacing w:before="0" w:after="80"/>'
        label = '<w:spacing w:before="60" w:after="40"/>' if groups else last
        return '<w:spacing w:before="0" w:after="0"/>', last, label

    def staircase(self, block: Staircase) -> Iterator[str]:
        """The steps drawn as a staircase rising to the right, the lowest full width."""
        steps = len(block.steps)
        if not steps:
            yield self.caption(block.title)
            return
        rpr = size_xml(self.look.table_size)
        groups_rpr = rpr + lang_xml(block.lang)
        # each step as wide as its label and its groups' names, the treads narrower
        steps_of = list(zip(block.labels, block.groups, strict=False))
        size = self.look.table_size / 2
        columns = staircase_columns(
            steps_of, self.width / 20, size, CELL_PADDING, write_in=bool(block.write_in)
        )
        widths = [int(w * 20) for w in columns]
        widths[-1] += self.width - sum(widths)
        line = RULED_LINE
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{self.width}" w:type="dxa"/>',
            '<w:tblInd w:w="80" w:type="dxa"/>',
            f"<w:tblBorders>{NO_BORDERS}</w:tblBorders>",
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
            "</w:tblCellMar>",
            f'<w:tblCaption w:val="{esc(block.title)}"/>',
            f'<w:tblDescription w:val="{esc(block.alt)}"/>' if block.alt else "",
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{TINT}"/>'
        # each step a closed box: its right edge, and the lowest its foot
        edge = borders("tcBorders", ("top", "left", "right"), self.look.primary, 12)
        lowest = borders("tcBorders", ("top", "left", "bottom", "right"), self.look.primary, 12)
        self.placing(block.placements)
        # the highest step first: it stands at the right, above the others
        for k in range(steps, 0, -1):
            groups = block.groups[k - 1]
            where = block.placements[k - 1] if k - 1 < len(block.placements) else ""
            # every step keeps with the next, the lowest with the caption under it
            keep = "<w:keepNext/>"
            tight, last, label_space = self._step_spacing(bool(groups))
            body = p_xml(run_xml(block.labels[k - 1], "<w:b/>" + rpr), keep + label_space)
            body += "".join(
                p_xml(
                    self.marked(g, (Mark(where, 0, len(g)),) if where else (), groups_rpr),
                    keep + (last if n == len(groups) - 1 else tight),
                )
                for n, g in enumerate(groups)
            )
            # every step keeps the blank's room to write, under the groups already on it
            body += "".join(
                p_xml(
                    self.marked("", (Mark(where, 0, 0),) if where else (), groups_rpr),
                    line + keep,
                )
                for _ in range(block.write_in)
            )
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            if k > 1:
                span = sum(widths[: k - 1])
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{span}" w:type="dxa"/>'
                    f'<w:gridSpan w:val="{k - 1}"/></w:tcPr>{p_xml("", keep)}</w:tc>'
                )
            span = sum(widths[k - 1 :])
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{span}" w:type="dxa"/>'
                f'<w:gridSpan w:val="{steps - k + 1}"/>{lowest if k == 1 else edge}{fill}'
                f"</w:tcPr>{body}</w:tc>"
            )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        parts.append(self.figure_caption(block.title))
        yield "".join(parts)


def _seams(column: int, columns: int, colour: str) -> str:
    """Borders in a shaded cell's own colour where it meets its neighbours.

    LibreOffice fills each cell on its own, and a viewer smooths the edges of
    the fills: between two shaded cells a thin white line shows. A line of the
    fill's colour over the joint closes it; the table's outer edge keeps its rule.
    """
    sides = tuple(
        side for side, has in (("left", column > 0), ("right", column < columns - 1)) if has
    )
    return borders("tcBorders", sides, colour, 4) if sides else ""
