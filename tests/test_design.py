"""The documents people hold: measured, so that what was fixed stays fixed.

Each test measures one thing a reader would call a bug: a word broken in a
narrow column, text under 16 pt in large print, a heading alone at the foot of
a page, a summary whose numbers differ from the plan, Swedish labels in an
English document, a workshop question torn from its room to write.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from typing import Any

import pypdf
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

import klusterplan
from klusterplan import ExportOptions, Language, Mode, Plan, build_document, testing
from klusterplan._catalogue.labels import _ENUMS, _LABELS
from klusterplan._document.metrics import CELL_PADDING, _wrapped_lines, fit_columns, text_width
from klusterplan._document.shared import activities_total
from klusterplan.document import (
    BulletList,
    Document,
    Fields,
    Paragraph,
    Section,
    Table,
    WritingSpace,
)

#: Word's cell margins, left and right together, in points.
WORD_CELL_MARGINS = 8.0


def _export(plan: Plan, fmt: str, **options: Any) -> bytes:
    return _exported(plan, fmt, tuple(sorted(options.items())))


@functools.cache
def _exported(plan: Plan, fmt: str, options: tuple[tuple[str, Any], ...]) -> bytes:
    # the same document is measured by several tests; it is made once
    stream = io.BytesIO()
    klusterplan.export(plan, fmt, stream, ExportOptions(**dict(options)))
    return stream.getvalue()


def _word(plan: Plan, **options: Any) -> Any:
    return testing.open_word(_export(plan, "docx", **options))


def _pdf(plan: Plan, **options: Any) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(_export(plan, "pdf", **options)))


CASES = [
    pytest.param({}, id="plan"),
    pytest.param({"large_print": True}, id="large-print"),
    pytest.param({"workbook": True}, id="workbook"),
    pytest.param({"language": Language.EN}, id="english"),
]


# -- tables fit their words -----------------------------------------------------------


def _cell_words(tc: Any) -> list[tuple[str, float, bool]]:
    """Each word of a Word table cell with its size in points and whether it is bold."""
    out: list[tuple[str, float, bool]] = []
    for run in tc.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        size = rpr.find(qn("w:sz")) if rpr is not None else None
        bold = rpr is not None and rpr.find(qn("w:b")) is not None
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if size is None or not text.strip():
            continue
        out.extend((w, int(size.get(qn("w:val"))) / 2, bold) for w in text.split())
    return out


@pytest.mark.parametrize("options", CASES)
def test_every_word_column_is_as_wide_as_its_longest_word(
    example: Plan, options: dict[str, Any]
) -> None:
    word = _word(example, **options)
    checked = 0
    for table in word.tables:
        tbl = table._tbl
        grid = [int(c.get(qn("w:w"))) / 20 for c in tbl.find(qn("w:tblGrid"))]
        for tr in tbl.iter(qn("w:tr")):
            column = 0
            for tc in tr.findall(qn("w:tc")):
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                wide = int(span.get(qn("w:val"))) if span is not None else 1
                room = sum(grid[column : column + wide]) - WORD_CELL_MARGINS
                for text, size, bold in _cell_words(tc):
                    assert text_width(text, size, bold) <= room + 0.01, (text, size, room)
                    checked += 1
                column += wide
    assert checked > 100


def _lines_in(words: list[tuple[str, float, bool]], room: float) -> int:
    """How many lines ``words`` wrap into at ``room`` points, word by word."""
    lines, used = 1, 0.0
    for text, size, bold in words:
        width = text_width(text, size, bold)
        space = text_width(" ", size) if used else 0.0
        if used and used + space + width > room:
            lines, used = lines + 1, width
        else:
            used += space + width
    return lines


def test_the_column_with_most_to_say_gets_the_room(example: Plan) -> None:
    # the activities: what is done is the longest text, beside channels and group names;
    # sharing the room by how long each column's longest cell is left it four and five
    # lines a cell while its neighbours had room to spare
    word = _word(example)
    table = next(t for t in word.tables if [c.text for c in t.rows[0].cells][1] == "Aktivitet")
    tbl = table._tbl
    grid = [int(c.get(qn("w:w"))) / 20 for c in tbl.find(qn("w:tblGrid"))]
    rows = [tr.findall(qn("w:tc")) for tr in tbl.iter(qn("w:tr"))][1:]
    lines = [
        [_lines_in(_cell_words(tc), grid[c] - WORD_CELL_MARGINS) for c, tc in enumerate(cells)]
        for cells in rows
        if len(cells) == len(grid)
    ]
    assert len(lines) >= 10
    assert max(row[1] for row in lines) <= 3, [row[1] for row in lines]
    # and the table is shorter for it than sharing by the longest cells made it (36 lines)
    assert sum(max(row) for row in lines) <= 34


def _tables(document: Document) -> list[Table]:
    blocks = [b for s in (*document.front, *document.sections) for b in s.blocks]
    found = [b for b in blocks if isinstance(b, Table)]
    found += [b.table for b in blocks if hasattr(b, "table")]
    return found


@pytest.mark.parametrize("options", [{}, {"large_print": True}], ids=["plan", "large-print"])
def test_pdf_never_breaks_a_word_in_a_table(example: Plan, options: dict[str, Any]) -> None:
    reader = _pdf(example, **options)
    text = " ".join(p.extract_text() for p in reader.pages)
    tokens = {t.strip(":,.;()") for t in text.split()}
    document = build_document(example, large_print=bool(options))
    words = {
        w
        for table in _tables(document)
        for row in (table.headers, *table.rows)
        for cell in row
        for w in cell.split()
        if len(w) > 3 and w.isalpha()
    }
    assert len(words) > 100
    assert words <= tokens, sorted(words - tokens)[:10]


def test_amounts_are_right_aligned_grouped_and_totalled(example: Plan) -> None:
    table = next(t for t in _tables(build_document(example)) if t.key == "activities")
    budget = table.headers.index("Budget")
    assert table.alignment(budget) == "right"
    assert table.footer[budget] == klusterplan_kronor(activities_total(example))
    word = _word(example)
    cells = [
        row.cells
        for t in word.tables
        for row in t.rows
        if len(row.cells) == len(table.headers) and row.cells[budget].text == table.footer[budget]
    ]
    assert cells, "the total row is in the Word table"
    jc = cells[0][budget].paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    assert jc is not None and jc.get(qn("w:val")) == "right"


def klusterplan_kronor(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


# -- nothing alone at the foot of a page -----------------------------------------------


def test_rows_do_not_split_and_headings_keep_with_what_follows(example: Plan) -> None:
    word = _word(example)
    for table in word.tables:
        for tr in table._tbl.iter(qn("w:tr")):
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    for level in (1, 2, 3):
        assert word.styles[f"Heading {level}"].paragraph_format.keep_with_next
    captions = {
        b.caption
        for s in build_document(example).sections
        for b in s.blocks
        if isinstance(b, BulletList | Table) and b.caption
    }
    kept = 0
    for p in word.paragraphs:
        if p.text in captions and p.runs and all(r.bold for r in p.runs):
            assert p.paragraph_format.keep_with_next, p.text
            kept += 1
    assert kept > 5


def _pages_after_section_breaks(word: Any) -> list[str]:
    """Paragraphs that force a new page right after a section break: a blank page."""
    body = list(word.element.body)
    found = []
    for before, after in itertools.pairwise(body):
        breaks = before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        forced = after.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
        if breaks and forced:
            found.append("".join(t.text or "" for t in after.iter(qn("w:t"))))
    return found


@pytest.mark.parametrize("options", CASES)
def test_word_has_no_blank_page(example: Plan, options: dict[str, Any]) -> None:
    assert _pages_after_section_breaks(_word(example, **options)) == []


def _page_text(page: Any) -> list[tuple[str, float, float]]:
    """The text on a page with its size and its height above the page's foot."""
    items: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            scale = abs(float(tm[3]) * float(cm[3])) or 1.0
            items.append((text.strip(), float(size) * scale, float(cm[5]) + float(tm[5])))

    page.extract_text(visitor_text=visit)
    return items


def _headings_at_page_feet(plan: Plan, options: dict[str, Any]) -> list[tuple[int, str]]:
    large = bool(options.get("large_print"))
    document = build_document(
        plan,
        options.get("language"),
        mode=Mode.WORKBOOK if options.get("workbook") else Mode.PLAN,
    )
    titles = {s.title for s in document.sections}
    reader = _pdf(plan, **options)
    smallest_heading = 18 if large else 12.5
    found = []
    for number, page in enumerate(list(reader.pages)[1:], 2):
        # the footer stands below 25 mm; what is above it ends the page's text
        body = [t for t in _page_text(page) if t[2] > 25 / 25.4 * 72]
        if not body:
            continue
        last = min(body, key=lambda t: t[2])
        if last[1] >= smallest_heading - 0.1 and last[0] in titles:
            found.append((number, last[0]))
    return found


@pytest.mark.parametrize("options", CASES)
def test_no_page_ends_in_a_heading(example: Plan, options: dict[str, Any]) -> None:
    assert _headings_at_page_feet(example, options) == []


_LEADER = re.compile(r"^[\s.]{6,}\d+$")


def _early_plan(groups: int) -> Plan:
    """A plan as an officer has it a first evening: a name, some groups, the promise."""
    return klusterplan.loads(
        "schema_version: 1\nlibrary:\n  name: Växjö stadsbibliotek\n"
        "dialogue_forum:\n  centre_today:\n    centres: [culture, social]\n"
        "target_groups:\n"
        + "".join(
            f"  - id: g{n}\n    name: Grupp {n}\n    votes: {n + 3}\n    segment: B\n"
            f"    centre: knowledge\n"
            for n in range(groups)
        )
    )


@pytest.mark.parametrize("groups", range(1, 8))
def test_a_figure_kept_whole_takes_its_heading_along(groups: int) -> None:
    # the centre matrix is drawn whole: where it moves to the next page, so does its heading
    assert _headings_at_page_feet(_early_plan(groups), {}) == []


@pytest.mark.parametrize("options", [{}, {"workbook": True}], ids=["plan", "workbook"])
def test_the_contents_list_the_same_headings_in_word_and_pdf(
    example: Plan, options: dict[str, Any]
) -> None:
    mode = Mode.WORKBOOK if options.get("workbook") else Mode.PLAN
    document = build_document(example, mode=mode)
    # the summary before the contents is listed first, as the HTML lists it
    titles = [
        " ".join(s.title.split())
        for s in (*document.front, *document.sections)
        if s.level <= document.contents_levels
    ]
    assert 20 < len(titles) < len(document.sections)  # the groups' own sub-headings stay out
    assert titles[0] == ("Sammanfattning" if mode is Mode.PLAN else "Befintliga och nya kunder")
    word = _word(example, **options)
    # each entry's last text is its page number
    # (a no-break hyphen is a "-" of the text, as python-docx reads it)
    links = [
        "".join(
            "-" if t.tag == qn("w:noBreakHyphen") else t.text or ""
            for t in list(link.iter(qn("w:t"), qn("w:noBreakHyphen")))[:-1]
        )
        for link in word.element.body.iter(qn("w:hyperlink"))
        if (link.get(qn("w:anchor")) or "").startswith("_Toc")
    ]
    assert links == titles
    reader = _pdf(example, **options)
    lines = []
    for page in reader.pages[1:4]:
        text = page.extract_text().splitlines()
        # each entry is its title, then the dot leader with the page number
        lines += [t.strip() for t, leader in itertools.pairwise(text) if _LEADER.match(leader)]
    assert len(lines) == len(titles)
    pairs = zip(lines, titles, strict=True)
    assert all(title.startswith(line.rstrip("…")) for line, title in pairs)


# -- the summary says what the plan says -------------------------------------------------


def test_summary_numbers_are_the_plans(example: Plan) -> None:
    (summary,) = build_document(example).front
    groups = next(b for b in summary.blocks if isinstance(b, Table) and b.key == "summary-groups")
    assert [(row[1], row[2]) for row in groups.rows] == [
        (g.name, str(g.votes)) for g in example.target_groups
    ]
    fields = {f.label: f.value for b in summary.blocks if isinstance(b, Fields) for f in b.items}
    cp = example.communication_plan
    assert fields["Budget för kommunikationsplanen"] == klusterplan_kronor(cp.budget or 0)
    total = sum(a.budget or 0 for a in cp.activities if a.status.value != "dropped")
    assert fields["Aktiviteternas kostnad"] == klusterplan_kronor(total)
    actions = next(b for b in summary.blocks if isinstance(b, Table) and b.key == "summary-actions")
    by_what = {a.what: a for a in example.actions}
    statuses = {"planned": "planerad", "in_progress": "pågår", "done": "klar", "dropped": "struken"}
    for what, who, due, status in actions.rows:
        action = by_what[what]
        assert (who, due, status) == (
            action.responsible,
            action.due.isoformat() if action.due else "",
            statuses[action.status.value],
        )
    text = "\n".join(p.text for p in _word(example).paragraphs)
    assert f"Aktiviteternas kostnad: {klusterplan_kronor(total)}" in text


def test_every_action_and_activity_shows_its_status(example: Plan) -> None:
    document = build_document(example)
    for key in ("actions-immediate", "actions-long-term", "activities"):
        table = next(t for t in _tables(document) if t.key == key)
        assert table.headers[-1] == "Status"
        assert all(row[-1] in {"planerad", "pågår", "klar", "struken"} for row in table.rows)
    assert (
        "Klart senast" in next(t for t in _tables(document) if t.key == "actions-immediate").headers
    )


def test_nothing_is_printed_twice(example: Plan) -> None:
    document = build_document(example)
    paragraphs = [
        b.text
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Paragraph) and len(b.text) > 80
    ]
    assert len(paragraphs) == len(set(paragraphs))
    labels = [
        f.label
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Fields)
        for f in b.items
    ]
    assert not [label for label in labels if label.endswith("?")]
    for section in document.sections:
        inner = [f.label for b in section.blocks if isinstance(b, Fields) for f in b.items]
        assert section.title not in inner, section.title


# -- large print ----------------------------------------------------------------------


def test_large_print_word_has_nothing_under_16_pt(example: Plan) -> None:
    word = _word(example, large_print=True)
    parts = [word.element, word.styles.element]
    parts += [s.footer._element for s in word.sections if not s.footer.is_linked_to_previous]
    sizes = [int(e.get(qn("w:val"))) for part in parts for e in part.iter(qn("w:sz"))]
    assert sizes and min(sizes) >= 32


def test_large_print_pdf_has_nothing_under_16_pt(example: Plan) -> None:
    reader = _pdf(example, large_print=True)
    sizes = []
    for page in reader.pages:
        sizes += [size for _, size, _ in _page_text(page)]
    assert sizes and min(sizes) >= 16 - 0.01


def test_large_print_shows_wide_tables_as_records(example: Plan) -> None:
    document = build_document(example, large_print=True)
    tables = {t.key: t for t in _tables(document)}
    assert tables["actions-immediate"].records and not tables["actions-immediate"].landscape
    assert not any(t.landscape for t in tables.values())


# -- English is English ---------------------------------------------------------------


def _swedish_labels() -> set[str]:
    return {
        sv
        for sv, en in (*_LABELS.values(), *_ENUMS.values())
        if sv != en and len(sv) >= 6 and "{" not in sv
    }


def test_english_has_no_built_in_swedish_and_tags_plan_text(example: Plan) -> None:
    word = _word(example, language=Language.EN)
    swedish = _swedish_labels()
    tagged = untagged = 0
    for run in word.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
        if not text:
            continue
        lang = run.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            assert lang.get(qn("w:val")) == "sv-SE"
            tagged += 1
        else:
            assert not [s for s in swedish if s in text], text
            untagged += 1
    assert tagged > 100 and untagged > 100
    assert "Kulturcentrum" not in build_document(example, Language.EN).sections.__repr__()


# -- the workbook at the workshop table ------------------------------------------------


def _events(page: Any) -> list[tuple[str, str]]:
    """The page's text and drawn line segments, in the order they are drawn."""
    events: list[tuple[str, str]] = []

    def text(t: str, *args: Any) -> None:
        if t.strip():
            events.append(("text", t.strip()))

    def operator(op: bytes, *args: Any) -> None:
        if op == b"l":
            events.append(("line", ""))

    page.extract_text(visitor_text=text, visitor_operand_before=operator)
    return events


def _writing_lines(section: Section) -> int:
    return sum(b.lines for b in section.blocks if isinstance(b, WritingSpace))


def test_workbook_questions_and_sheets_each_stay_on_one_page() -> None:
    """Each question is whole on its page, or goes on under its title repeated (forts.)."""
    book = build_document(Plan(), mode=Mode.WORKBOOK)
    reader = _pdf(Plan(), workbook=True)
    pages = [_events(p) for p in reader.pages]
    contents = {n for n, p in enumerate(reader.pages) if "Innehåll" in p.extract_text()}
    questions = [s for s in book.sections if re.match(r"\d+\. ", s.title) and _writing_lines(s)]
    # the rest are answered in tables to fill (partners, personas, value words ...)
    assert len(questions) > 12
    continued = 0
    for section in questions:
        start = section.title[:25]
        where = [
            (n, i)
            for n, events in enumerate(pages)
            if n not in contents
            for i, (kind, t) in enumerate(events)
            if kind == "text" and t.startswith(start)
        ]
        assert where, section.title
        lines = 0
        for k, (n, i) in enumerate(where):
            if k:
                # a page it goes on to opens with the question, marked as continued
                assert i == 0 and "(forts.)" in " ".join(t for _, t in pages[n][:4]), section.title
                continued += 1
            # the room to write follows the question on its page, before the next question
            following = pages[n][i + 1 :]
            stop = next(
                (
                    j
                    for j, (kind, t) in enumerate(following)
                    if kind == "text" and re.match(r"\d+\. ", t)
                ),
                len(following),
            )
            lines += sum(1 for kind, _ in following[:stop] if kind == "line")
        assert lines >= _writing_lines(section), section.title
    # the campaign's six steps are taller than a page: they go on, the question repeated
    assert continued >= 1
    for header in ("Möjliga omgående åtgärder", "Att göra: på längre sikt"):
        (page,) = [
            p
            for p in reader.pages
            if header in p.extract_text()
            and "10." in p.extract_text()
            and not any(_LEADER.match(line) for line in p.extract_text().splitlines())
        ]
        text = page.extract_text()
        assert all(f"{n}." in text for n in range(1, 11))
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape


def test_blank_workbook_cover_has_lines_for_library_date_and_participants() -> None:
    book = build_document(Plan(), mode=Mode.WORKBOOK)
    assert book.cover_fields == ("Bibliotek", "Kommun", "Datum", "Deltagare")
    cover = _pdf(Plan(), workbook=True).pages[0].extract_text()
    assert all(f"{name}:" in cover for name in book.cover_fields)
    # the cover says what the document is, as a plan's names its type
    assert ("Dokumenttyp", "Arbetsbok") in book.control_lines and "Arbetsbok" in cover


def test_pre_filled_workbook_cover_names_library_municipality_and_date(example: Plan) -> None:
    book = build_document(example, mode=Mode.WORKBOOK)
    lines = dict(book.title_lines)
    assert lines["Bibliotek"] == example.library.name
    assert lines["Kommun"] == example.library.municipality and "Datum" in lines
    # who takes part is the workshop's to write
    assert book.cover_fields == ("Deltagare",)
    import docx

    stream = io.BytesIO()
    klusterplan.export(example, "docx", stream, ExportOptions(workbook=True))
    word = docx.Document(io.BytesIO(stream.getvalue()))
    text = "\n".join(p.text for p in word.paragraphs)
    text += "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "Arbetsbok" in text and example.library.municipality in text


def test_an_amount_is_never_broken(example: Plan) -> None:
    # "9 000 kr" is held together by no-break spaces; its column is as wide as all of it
    reader = _pdf(example, workbook=True)
    text = "\n".join(p.extract_text() for p in reader.pages)
    amounts = [a.budget for a in example.communication_plan.activities if a.budget]
    assert amounts
    for amount in amounts:
        # (text extraction gives the no-break spaces back as plain ones)
        assert klusterplan_kronor(amount).replace("\u00a0", " ") in text, amount


_word_lengths = st.lists(
    st.lists(st.floats(min_value=1, max_value=120), min_size=1, max_size=12).map(tuple),
    min_size=1,
    max_size=3,
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(_word_lengths, st.floats(min_value=5, max_value=400), st.floats(min_value=0, max_value=60))
def test_a_cell_never_wraps_on_more_lines_for_more_room(
    words: tuple[tuple[float, ...], ...], width: float, more: float
) -> None:
    # the column search skips moves that cannot make a table shorter on this ground
    space = 2.5
    assert _wrapped_lines(words, width + more, space) <= _wrapped_lines(words, width, space)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.text("abcdefghij klmno", min_size=1, max_size=60), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    ),
    st.floats(min_value=300, max_value=700),
)
def test_column_widths_fill_the_room_and_hold_each_columns_longest_word(
    rows: list[list[str]], available: float
) -> None:
    headers = ["Vem", "Vad som görs", "När"]
    widths = fit_columns(headers, rows, [1, 2, 1], available, 10)
    if widths is None:
        return
    assert sum(widths) == pytest.approx(available)
    for c, width in enumerate(widths):
        for text, bold in ((headers[c], True), *((row[c], False) for row in rows)):
            for word in text.split():
                assert text_width(word, 10, bold) + CELL_PADDING <= width + 0.01
