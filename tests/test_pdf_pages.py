"""What the reportlab PDF shows on its pages: axis, caption, text edge, records, alignment.

Each test reads the pages back with pdfplumber, as a reader sees them, or the
document every format draws, through the public API.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

import pytest

import klusterplan
from klusterplan import ExportOptions, build_document
from klusterplan.document import Chart, Matrix, Staircase, Table

MM = 72 / 25.4
ROOT = Path(__file__).resolve().parents[1]


def _pdf(plan: klusterplan.Plan, **options: Any) -> Any:
    import pdfplumber

    out = io.BytesIO()
    klusterplan.export(plan, "pdf", out, ExportOptions(**options))
    return pdfplumber.open(io.BytesIO(out.getvalue()))


@pytest.fixture(scope="module")
def plan_pages() -> Any:
    with _pdf(klusterplan.example()) as pdf:
        yield pdf.pages


def _page_with(pages: Any, text: str) -> Any:
    return next(page for page in pages if text in (page.extract_text() or ""))


def test_the_votes_chart_axis_runs_past_the_longest_bar_with_a_caption(plan_pages: Any) -> None:
    plan = klusterplan.example()
    top = max(g.votes or 0 for g in plan.target_groups)
    page = _page_with(plan_pages, "Röster på dialogforum")
    words = page.extract_words(extra_attrs=["fontname"])
    caption = next(w for w in words if w["text"] == "dialogforum" and w["top"] > page.height / 3)
    # the tick labels: the line of numbers right above the caption, from 0 up
    numbers = [w for w in words if w["text"].isdigit() and w["bottom"] < caption["top"]]
    lowest = max(w["bottom"] for w in numbers)
    ticks = [int(w["text"]) for w in numbers if abs(w["bottom"] - lowest) < 1]
    assert ticks[0] == 0 and ticks == sorted(ticks) and len(ticks) >= 3
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and ticks[-1] >= top > ticks[-2]
    # a caption under the figure, set apart from the text
    assert "italic" in caption["fontname"].lower()
    assert caption["top"] - lowest < 20


def test_text_tables_grids_and_footer_start_at_the_margin(plan_pages: Any) -> None:
    for page in plan_pages[1:]:
        words = page.extract_words()
        body = [w for w in words if page.height * 0.1 < w["top"] < page.height - 25 * MM]
        footer = [w for w in words if w["top"] > page.height - 19 * MM]
        assert abs(min(w["x0"] for w in footer) - 20 * MM) < 0.5, page.page_number
        if body:
            assert min(w["x0"] for w in body) >= 20 * MM - 0.5, page.page_number
        for shape in (*page.rects, *page.lines):
            assert shape["x0"] >= 20 * MM - 1.5, page.page_number
            assert shape["x1"] <= page.width - 20 * MM + 1.5, page.page_number


def test_the_centre_grid_starts_at_the_text_edge(plan_pages: Any) -> None:
    def grid(page: Any) -> list[Any]:
        # the four fields' frame: heavy lines as tall as a field (45 mm)
        return [
            e
            for e in page.edges
            if e["orientation"] == "v" and e["height"] > 40 * MM and e.get("linewidth", 0) > 1.2
        ]

    page = next(page for page in plan_pages if grid(page))
    text = [w for w in page.extract_words() if 30 * MM < w["top"] < page.height - 25 * MM]
    assert abs(min(e["x0"] for e in grid(page)) - min(w["x0"] for w in text)) < 1.5


def test_large_print_surveys_are_records_and_the_activities_total_stays() -> None:
    plan = klusterplan.example()
    document = build_document(plan, large_print=True)
    tables = [b for s in document.sections for b in s.blocks if isinstance(b, Table) and b.rows]
    surveys = [t for t in tables if t.key == "surveys"]
    assert surveys and all(t.records for t in surveys)
    # the summary's short tables stay tables
    summary = [b for s in document.front for b in s.blocks if isinstance(b, Table)]
    assert summary and not any(t.records for t in summary)
    with _pdf(plan, large_print=True) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    total = next(t for t in tables if t.key == "activities").footer
    assert " ".join(c for c in total if c.strip()).replace("\u00a0", " ") == "Totalt 47 000 kr"
    assert "Totalt 47 000 kr" in text.replace("\u00a0", " ")


def test_votes_and_amounts_stand_right_in_every_table() -> None:
    document = build_document(klusterplan.example())
    chart = next(b for s in document.sections for b in s.blocks if isinstance(b, Chart))
    assert chart.table.alignment(len(chart.table.headers) - 1) == "right"
    assert chart.table.alignment(0) == "left"  # the row's number names it
    files = sorted((ROOT / "examples" / "cluster").glob("*.yaml"))
    cluster = klusterplan.load_cluster([str(path) for path in files])
    out = io.BytesIO()
    klusterplan.export_summary(cluster, "pdf", out, today=klusterplan.example().library.date)
    import pdfplumber

    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        page = _page_with(pdf.pages, "Budget")
        words = page.extract_words()
        header = next(w for w in words if w["text"] == "Budget")
        amounts = [w for w in words if w["text"] == "kr" and w["top"] > header["bottom"]]
        # every amount ends at the column's right edge, where its header ends
        assert amounts and max(w["x1"] for w in amounts) - min(w["x1"] for w in amounts) < 0.5
        assert abs(max(w["x1"] for w in amounts) - header["x1"]) < 0.5
        # the cluster's wide table holds landscape pages; the list after it does not
        listed = _page_with(pdf.pages, "Så matchades")
        assert listed.width < listed.height


def test_a_logo_with_blank_sides_ends_at_the_margin_on_every_page() -> None:
    import attrs

    plan = klusterplan.example()
    # the Kalmar plugin's logo carries blank space right of its mark
    plan = attrs.evolve(plan, library=attrs.evolve(plan.library, municipality="Kalmar kommun"))
    with _pdf(plan) as pdf:
        pages = [page for page in pdf.pages[1:] if page.images]
        assert any(page.width > page.height for page in pages)
        for page in pages:
            (logo,) = page.images
            assert abs(logo["x1"] - (page.width - 20 * MM)) < 0.5, page.page_number


def _lines_of(page: Any, word: str) -> list[Any]:
    return [w for w in page.extract_words() if w["text"] == word]


def test_a_person_s_name_stays_on_one_line_in_a_table(plan_pages: Any) -> None:
    # the activities' Ansvarig column is as wide as the names it holds
    plan = klusterplan.example()
    activities = plan.communication_plan.activities
    names = {a.responsible for a in activities if len(a.responsible.split()) == 2}
    assert names
    page = next(
        page
        for page in plan_pages
        if {"Aktiviteter", "Ansvarig", "Budget"} <= {w["text"] for w in page.extract_words()}
    )
    for name in names:
        first, last = name.split()
        for word in _lines_of(page, first):
            beside = [w for w in _lines_of(page, last) if abs(w["top"] - word["top"]) < 1]
            assert beside, f"{name} wraps"


def _figure_caption(pages: Any, title: str) -> tuple[Any, Any]:
    """The caption's first word and the lowest rule or box above it on its page."""
    page = _page_with(pages, title)
    first = title.split()[0]
    words = page.extract_words(extra_attrs=["fontname"])
    caption = next(w for w in words if w["text"] == first and "italic" in w["fontname"].lower())
    above = max(s["bottom"] for s in (*page.rects, *page.lines) if s["bottom"] <= caption["top"])
    return caption, above


@pytest.mark.parametrize("large_print", [False, True])
def test_the_staircase_and_the_centre_matrix_have_captions_under_them(large_print: bool) -> None:
    document = build_document(klusterplan.example(), large_print=large_print)
    figures = [b for s in document.sections for b in s.blocks if isinstance(b, Staircase | Matrix)]
    assert len(figures) == 2
    with _pdf(klusterplan.example(), large_print=large_print) as pdf:
        for figure in figures:
            caption, above = _figure_caption(pdf.pages, figure.title)
            # right under the figure's last box, as the chart's caption
            assert 0 <= caption["top"] - above < 12, figure.title


def test_a_staircase_step_keeps_its_number_with_its_name() -> None:
    document = build_document(klusterplan.example(), large_print=True)
    title = next(b.title for s in document.sections for b in s.blocks if isinstance(b, Staircase))
    with _pdf(klusterplan.example(), large_print=True) as pdf:
        page = _page_with(pdf.pages, title)
        words = page.extract_words()
        assert any(w["text"] == "5." for w in words)
        for word in words:
            if word["text"].rstrip(".").isdigit() and word["text"].endswith("."):
                # the step's name stands beside its number, not on the next line
                beside = [
                    w for w in words if abs(w["top"] - word["top"]) < 1 and w["x0"] > word["x1"]
                ]
                assert beside and beside[0]["x0"] - word["x1"] < 8, word["text"]
