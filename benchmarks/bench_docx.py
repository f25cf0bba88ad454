"""Word export speed: plain python-docx against klusterplan's bulk XML, in one run.

Both build the same content, the example plan's document (every heading,
paragraph, list and table), and save it to memory. The naive builder is the
way python-docx's documentation shows: ``add_heading``, ``add_paragraph``,
``add_table`` and ``cell.text`` for each cell. The two take turns, and each
is timed in CPU time of the process, so that other work on a shared machine
weighs less; prints the best and the median of the repeats and the ratios.

    python benchmarks/bench_docx.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from typing import Any

import docx

import klusterplan
from klusterplan import build_document
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


def naive(document: Document) -> bytes:
    """The document built the way python-docx's tutorial shows, cell by cell."""
    word = docx.Document()
    word.add_heading(document.title, 0)
    word.add_paragraph(document.subtitle, style="Subtitle")
    for name, value in document.title_lines:
        word.add_paragraph(f"{name}: {value}")
    word.add_paragraph(document.promise)
    for section in (*document.front, *document.sections):
        word.add_heading(section.title, section.level)
        for block in section.blocks:
            if isinstance(block, Paragraph | Quote):
                word.add_paragraph(block.text, style="Quote" if isinstance(block, Quote) else None)
            elif isinstance(block, BulletList):
                if block.caption:
                    word.add_paragraph().add_run(block.caption).bold = True
                style = "List Number" if block.ordered else "List Bullet"
                for item in block.items:
                    word.add_paragraph(item, style=style)
            elif isinstance(block, Fields):
                for name, value in ((f.label, f.value) for f in block.items):
                    paragraph = word.add_paragraph()
                    paragraph.add_run(f"{name}: ").bold = True
                    paragraph.add_run(value)
            elif isinstance(block, Table | Chart):
                naive_table(word, block.table if isinstance(block, Chart) else block)
            elif isinstance(block, Staircase):
                table = word.add_table(rows=len(block.steps), cols=2, style="Table Grid")
                for row, step, groups in zip(table.rows, block.steps, block.groups, strict=True):
                    row.cells[0].text, row.cells[1].text = step, ", ".join(groups)
            elif isinstance(block, Matrix):
                table = word.add_table(rows=2, cols=2, style="Table Grid")
                for cell, (name, groups) in zip(
                    (c for r in table.rows for c in r.cells), block.cells, strict=False
                ):
                    cell.text = "\n".join([name, *groups])
            elif isinstance(block, WritingSpace):
                for _ in range(block.lines):
                    word.add_paragraph()
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def naive_table(word: Any, block: Table) -> None:
    """A table filled cell by cell, as the tutorial shows."""
    table = word.add_table(rows=1, cols=len(block.headers), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.text = text
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def klusterplan_way(plan: klusterplan.Plan) -> bytes:
    """klusterplan's own Word export of the same plan."""
    stream = io.BytesIO()
    klusterplan.export(plan, "docx", stream)
    return stream.getvalue()


def cpu_times(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """CPU times of each run, ``repeat`` times, the runs taking turns."""
    for run in runs.values():
        run()  # warm up: imports, caches
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    plan = klusterplan.example()
    document = build_document(plan)
    every = [
        b.table if isinstance(b, Chart) else b
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Table | Chart)
    ]
    tables = len(every)
    cells = sum(len(b.headers) * (len(b.rows) + 1) for b in every)

    print(f"example plan: {len(document.sections)} sections, {tables} tables, {cells} cells")
    times = cpu_times(
        {"plain": lambda: naive(build_document(plan)), "ours": lambda: klusterplan_way(plan)},
        args.repeat,
    )
    best = {name: min(t) for name, t in times.items()}
    middle = {name: statistics.median(t) for name, t in times.items()}
    for name, label in (("plain", "plain python-docx:"), ("ours", "klusterplan docx:")):
        print(
            f"{label:<19} {best[name] * 1000:7.1f} ms best, {middle[name] * 1000:7.1f} ms median "
            f"(CPU time, {args.repeat} runs)"
        )
    print(
        f"ratio:              {best['plain'] / best['ours']:7.1f}x faster (best), "
        f"{middle['plain'] / middle['ours']:.1f}x (median)"
    )


if __name__ == "__main__":
    main()
