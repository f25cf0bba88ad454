"""PDF export speed: klusterplan's export against two plain reportlab builds, in one run.

All three set the same content, the example plan's document (every heading,
paragraph, list and table), in the same embedded fonts (Carlito) and write it to
memory:

A, the floor
    The straightforward build: a ``SimpleDocTemplate`` with a title page, a
    ``Paragraph`` per text, a ``Table`` of ``Paragraph`` cells per table, the
    votes as a bar chart and a page number in each footer, built once; it has
    no contents, bookmarks or page totals, which need the page numbers first.
B, the same features the documented way
    A plus what klusterplan's PDF has that needs page numbers, done as
    reportlab's own documentation shows: a ``TableOfContents`` filled from
    ``afterFlowable`` with bookmarks and outline entries, built with
    ``multiBuild`` (a layout pass until the contents stop changing), and the
    ``NumberedCanvas`` recipe for "page N of M".

klusterplan's export also checks glyphs and draws the matrix as a grid, and
lays the document out once: its canvas holds the pages back
and fills in the contents' page numbers and the footers at the end. The runs
are interleaved (A, B, klusterplan, A, ...) so that load on a shared machine
falls on all three alike; it prints the median of each and the ratios, for the
example plan and for a long plan (200 actions, a 20,000-character persona
story). ``--no-accel`` runs without reportlab's C accelerator (``rl_accel``).

    python benchmarks/bench_pdf.py [--repeat N] [--no-accel]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

import attrs
import reportlab
from pypdf import PdfReader
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tableofcontents import TableOfContents

import klusterplan
from klusterplan import build_document
from klusterplan._document.design import font_file
from klusterplan.document import (
    BulletList,
    Chart,
    Document,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Staircase,
    Table,
    WritingSpace,
)
from klusterplan.model import Action, Horizon

# the house typeface klusterplan embeds, so that both sides set the same glyphs
pdfmetrics.registerFont(TTFont("BenchFont", str(font_file("regular"))))
pdfmetrics.registerFont(TTFont("BenchFontBold", str(font_file("bold"))))
BODY = ParagraphStyle("body", fontName="BenchFont", fontSize=10.5, leading=14)
BOLD = ParagraphStyle("bold", BODY, fontName="BenchFontBold")
CELL = ParagraphStyle("cell", BODY, fontSize=8, leading=10)
WIDTH = A4[0] - 144  # SimpleDocTemplate's default margins are an inch each
HEADINGS = {
    n: ParagraphStyle(f"h{n}", BOLD, fontSize=20 - 3 * n, leading=24 - 3 * n) for n in (1, 2, 3)
}
TOC_STYLES = [
    ParagraphStyle(
        f"toc{n}", BODY, fontName="BenchFontBold" if n == 0 else "BenchFont", leftIndent=n * 15
    )
    for n in range(4)
]


class _Heading(RLParagraph):  # type: ignore[misc]
    """A heading that the features build bookmarks and lists in the contents."""

    def __init__(self, text: str, level: int, key: str) -> None:
        super().__init__(escape(text), HEADINGS[min(level, 3)])
        self.text, self.level, self.key = text, level, key


def story(document: Document) -> list[object]:
    """The document's content as plain reportlab flowables."""
    out: list[object] = [
        RLParagraph(escape(document.title), HEADINGS[1]),
        RLParagraph(escape(document.subtitle), BODY),
        *(RLParagraph(f"{escape(k)}: {escape(v)}", BODY) for k, v in document.title_lines),
        RLParagraph(escape(document.promise), BOLD),
        PageBreak(),
    ]
    for number, section in enumerate((*document.front, *document.sections)):
        out.append(_Heading(section.title, section.level, f"h{number}"))
        for block in section.blocks:
            if isinstance(block, Paragraph | Quote):
                out.extend(RLParagraph(escape(p), BODY) for p in block.text.split("\n\n"))
            elif isinstance(block, BulletList):
                items = [ListItem(RLParagraph(escape(i), BODY)) for i in block.items]
                out.append(ListFlowable(items, bulletFontName="BenchFont"))
            elif isinstance(block, Fields):
                out.extend(
                    RLParagraph(f"<b>{escape(n)}:</b> {escape(v)}", BODY)
                    for n, v in ((f.label, f.value) for f in block.items)
                )
            elif isinstance(block, Table | Matrix | Staircase):
                out.append(plain_table(block))
            elif isinstance(block, Chart):
                out.append(plain_table(block.table))
                out.append(bar_chart(block))
            elif isinstance(block, WritingSpace):
                out.append(Spacer(1, block.lines * 24))
    return out


def plain_table(block: Table | Matrix | Staircase) -> RLTable:
    """A table of ``Paragraph`` cells whose header row repeats on each page."""
    if isinstance(block, Matrix):
        rows = [[n, ", ".join(g)] for n, g in block.cells]
        headers: tuple[str, ...] = ("", "")
        rel: tuple[float, ...] = (1, 1)
    elif isinstance(block, Staircase):
        rows = [[s, ", ".join(g)] for s, g in zip(block.steps, block.groups, strict=True)]
        headers, rel = block.headers, (1, 2)
    else:
        rows, headers = [list(r) for r in block.rows], block.headers
        rows += [list(block.footer)] if block.footer else []
        rel = block.widths or (1,) * len(headers)
    data = [[RLParagraph(escape(c), CELL) for c in r] for r in (headers, *rows)]
    widths = [WIDTH * w / sum(rel) for w in rel]
    table = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "BenchFont"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def bar_chart(block: Chart) -> Drawing:
    """The votes as a horizontal bar chart, drawn with reportlab's graphics."""
    drawing = Drawing(WIDTH, len(block.values) * 16 + 30)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 160, 18, WIDTH - 180, drawing.height - 24
    chart.data = [list(reversed(block.values))]
    chart.categoryAxis.categoryNames = list(reversed(block.labels))
    chart.categoryAxis.labels.fontName = "BenchFont"
    chart.valueAxis.labels.fontName = "BenchFont"
    chart.valueAxis.valueMin = 0
    drawing.add(chart)
    return drawing


def page_number(canvas: Canvas, template: object) -> None:
    """A footer with the page number, as a one-pass build can have it (no total)."""
    canvas.setFont("BenchFont", 8)
    canvas.drawRightString(A4[0] - 72, 36, f"Sida {canvas.getPageNumber()}")


def plain(document: Document) -> bytes:
    """A: the document built the straightforward reportlab way, in one pass."""
    stream = io.BytesIO()
    SimpleDocTemplate(stream, pagesize=A4, invariant=1, initialFontName="BenchFont").build(
        story(document), onFirstPage=page_number, onLaterPages=page_number
    )
    return stream.getvalue()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """reportlab's "page N of M" recipe: hold the pages back, number them at save()."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            self.setFont("BenchFont", 8)
            self.drawRightString(A4[0] - 72, 36, f"Page {self._pageNumber} of {total}")
            Canvas.showPage(self)
        Canvas.save(self)


class _ContentsTemplate(SimpleDocTemplate):  # type: ignore[misc]
    """reportlab's table-of-contents recipe: bookmark each heading, tell the contents."""

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, _Heading):
            level = flowable.level - 1
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.text, flowable.key, level)
            self.notify("TOCEntry", (level, escape(flowable.text), self.page, flowable.key))


def featured(document: Document) -> bytes:
    """B: A with contents, bookmarks and "page N of M", as reportlab's docs show them."""
    contents = TableOfContents(levelStyles=TOC_STYLES, dotsMinLevel=0)
    stream = io.BytesIO()
    template = _ContentsTemplate(stream, pagesize=A4, invariant=1, initialFontName="BenchFont")
    template.multiBuild(
        [RLParagraph("Innehåll", HEADINGS[1]), contents, PageBreak(), *story(document)],
        canvasmaker=_NumberedCanvas,
    )
    return stream.getvalue()


def klusterplan_way(plan: klusterplan.Plan) -> bytes:
    """klusterplan's own PDF export of the same plan."""
    stream = io.BytesIO()
    klusterplan.export(plan, "pdf", stream)
    return stream.getvalue()


def timings(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """The times of each run, the runs taking turns so that load falls on all alike."""
    for run in runs.values():
        run()  # warm up: imports, font loading
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            # The garbage one build leaves is collected before the next is timed,
            # not during it.
            gc.collect()
            # CPU time of this process: a build's own cost, not the time the
            # machine spent on other work while it ran
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    return times


def long_plan() -> klusterplan.Plan:
    plan = klusterplan.example()
    group = plan.target_groups[0]
    story = " ".join(f"Mening {i} om Göran och biblioteket." for i in range(700))
    persona = attrs.evolve(group.persona, story=story) if group.persona else None
    actions = tuple(
        Action(
            horizon=Horizon.IMMEDIATE, what=f"Åtgärd {i}: skylta om och berätta", responsible="Anna"
        )
        for i in range(200)
    )
    return attrs.evolve(
        plan,
        target_groups=(attrs.evolve(group, persona=persona), *plan.target_groups[1:]),
        actions=actions,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-accel", action="store_true", help="without reportlab's rl_accel")
    args = parser.parse_args()
    if args.no_accel and sys.modules.get("_rl_accel") is not None:
        # reportlab imported its accelerator with this script: start again without it.
        code = (
            "import runpy, sys; sys.modules['_rl_accel'] = None; sys.argv = sys.argv[1:]; "
            "runpy.run_path(sys.argv[0], run_name='__main__')"
        )
        raise SystemExit(subprocess.call([sys.executable, "-c", code, __file__, *sys.argv[1:]]))
    accel = sys.modules.get("_rl_accel")
    print(
        f"reportlab {reportlab.Version}, rl_accel "
        + (getattr(accel, "version", "?") if accel is not None else "not used")
    )
    for name, plan in (("example plan", klusterplan.example()), ("long plan", long_plan())):
        document = build_document(plan)
        pages = len(PdfReader(io.BytesIO(klusterplan_way(plan))).pages)
        print(f"{name}: {len(document.sections)} sections, {pages} pages")
        times = timings(
            {
                "A": partial(lambda p: plain(build_document(p)), plan),
                "B": partial(lambda p: featured(build_document(p)), plan),
                "klusterplan": partial(klusterplan_way, plan),
            },
            args.repeat,
        )
        # The best of the repeats is the build's own cost, the least touched by the
        # other work of a shared machine; the median shows the typical run.
        for label, stat in (("best", min), ("median", statistics.median)):
            a, b, ours = (stat(times[k]) for k in ("A", "B", "klusterplan"))
            print(
                f"  {label:>6} of {args.repeat}: A {a * 1000:6.1f} ms   B {b * 1000:6.1f} ms   "
                f"klusterplan {ours * 1000:6.1f} ms   ratio to A {ours / a:.2f}x   "
                f"ratio to B {ours / b:.2f}x"
            )


if __name__ == "__main__":
    main()
