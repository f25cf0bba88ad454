"""Tagged PDF/UA and HTML export speed against the reportlab PDF, in one run; memory over many.

The baseline is klusterplan's own untagged PDF (``--to pdf``, reportlab) of the
same plan. Each run exports a plan that differs from the one before (the
library's name carries the run's number): Typst remembers work across
compilations, and timing the same plan again would measure that memory, not
an export. The runs take turns (pdf, pdf-ua, html, pdf, ...) so that load on a
shared machine falls on all alike; times are CPU time of the process (Typst's
threads included). The target: pdf-ua within 1.2x of pdf.

Then it exports ``--many`` different plans as pdf-ua in one process and prints
the resident memory after each tenth, which must level off, not grow.

    python benchmarks/bench_pdfua.py [--repeat N] [--many N]
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import statistics
import time
from collections.abc import Callable

import attrs

import klusterplan

_serial = itertools.count()


def variant(plan: klusterplan.Plan) -> klusterplan.Plan:
    """``plan`` with a library name no earlier run had."""
    name = f"{plan.library.name} {next(_serial)}"
    return attrs.evolve(plan, library=attrs.evolve(plan.library, name=name))


def exporter(fmt: str, plan: klusterplan.Plan) -> Callable[[], None]:
    def run() -> None:
        klusterplan.export(variant(plan), fmt, io.BytesIO())

    return run


def timings(runs: dict[str, Callable[[], None]], repeat: int) -> dict[str, list[float]]:
    for run in runs.values():
        run()  # warm up: imports, fonts
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    return times


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--many", type=int, default=100)
    args = parser.parse_args()
    plan = klusterplan.example()
    times = timings({fmt: exporter(fmt, plan) for fmt in ("pdf", "pdf-ua", "html")}, args.repeat)
    for label, stat in (("best", min), ("median", statistics.median)):
        pdf, ua, html = (stat(times[k]) for k in ("pdf", "pdf-ua", "html"))
        print(
            f"{label:>6} of {args.repeat}: pdf {pdf * 1000:6.1f} ms   pdf-ua {ua * 1000:6.1f} ms "
            f"(ratio {ua / pdf:.2f}x)   html {html * 1000:5.1f} ms (ratio {html / pdf:.2f}x)"
        )
    run = exporter("pdf-ua", plan)
    line = []
    for n in range(1, args.many + 1):
        run()
        if n % 10 == 0:
            line.append(f"{n}: {resident_mb():.0f}")
    print("pdf-ua resident memory (MB) after N exports: " + ", ".join(line))


if __name__ == "__main__":
    main()
