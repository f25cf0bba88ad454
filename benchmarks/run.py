"""klusterplan's benchmark suite: every cost against its baseline, in one run.

    python benchmarks/run.py            # the whole suite (a few minutes)
    python benchmarks/run.py --quick    # smaller sizes and batches, for a first look

It prints, each against a baseline measured in the same run on the same
machine:

- start-up: ``klusterplan check`` against a process that only imports the
  libraries ``check`` needs;
- load and check of the example plan at 1x, 10x and 100x its size;
- the Word export against the raw WordprocessingML floor (the same body XML
  zipped into a minimal package, without python-docx), at 1x, 10x and 100x;
- the PDF export against a plain reportlab build of the same content, with
  and without reportlab's C accelerator, at 1x and 10x;
- a batch of 1, 100 and 1,000 plans at ``--jobs 1`` and ``--jobs 2``: time,
  speed-up, and the peak memory of the largest process against one export;
- an installed plugin's format (the calendar plugin's ``ics``) exported in
  its worker process, as ``klusterplan export`` does, against the same
  command exporting it in its own process, for 1 and 10 plans.

Times are CPU times of this process for the in-process parts (others' load
on a shared machine weighs less) and wall times for the command runs; each
is the best of several repeats. It is not part of the test run.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import attrs
from _scale import scaled

import klusterplan
from klusterplan import build_document
from klusterplan._checking.check import check_plan
from klusterplan._word.body import body_xml
from klusterplan._word.marks import house_look
from klusterplan.document import Chart
from klusterplan.exporters._chart import chart_xml, workbook_xlsx


def best(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.process_time
) -> float:
    """The shortest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return min(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


# -- start-up -------------------------------------------------------------


def _compile_bytecode() -> None:
    """Compile klusterplan's and the installed plugins' modules, as installing a wheel does.

    The dependencies of the baseline come compiled from their wheels; an
    editable install of klusterplan (or ``PYTHONDONTWRITEBYTECODE``) would
    otherwise make every run compile klusterplan's modules from source.
    """
    import compileall
    import importlib.util

    from klusterplan._extension.entry_points import entry_points

    names = ["klusterplan"] + [
        ep.value.split(":")[0].split(".")[0] for ep in entry_points("klusterplan")
    ]
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                compileall.compile_dir(location, quiet=1)


def startup(repeat: int) -> None:
    _compile_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.yaml"
        klusterplan.dump(klusterplan.example(), plan)
        base = [sys.executable, "-c", "import attrs, cattrs, pluggy, yaml, click, tomli_w"]
        command = [sys.executable, "-m", "klusterplan", "check", str(plan)]
        helps = [sys.executable, "-m", "klusterplan", "--help"]

        def times(argv: list[str]) -> tuple[float, float]:
            """The best CPU time (user and system) and the best wall time of ``argv``."""
            cpu, wall = [], []
            for _ in range(repeat):
                before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
                subprocess.run(argv, capture_output=True, check=False)
                wall.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            return min(cpu), min(wall)

        # taking turns, so that a burst of other work on the machine falls on all three alike
        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "help": [], "check": []}
        for _ in range(3):
            for name, argv in (("floor", base), ("help", helps), ("check", command)):
                runs[name].append(times(argv))
        floor, help_, check = (
            (min(c for c, _ in runs[n]), min(w for _, w in runs[n]))
            for n in ("floor", "help", "check")
        )
    print(f"start-up (CPU time of the process, wall time beside it; best of {3 * repeat})")
    print(f"  imports of the dependencies only {ms(floor[0])} {ms(floor[1])} wall")
    for name, (cpu, wall) in (
        ("klusterplan --help", help_),
        ("klusterplan check plan.yaml", check),
    ):
        print(
            f"  {name:<32} {ms(cpu)} {ms(wall)} wall   {cpu / floor[0]:5.2f}x CPU, "
            f"{wall / floor[1]:5.2f}x wall  (goal <= 1.5x)"
        )


# -- load and check -------------------------------------------------------


def load_and_check(sizes: list[int], repeat: int) -> None:
    print("load and check (CPU time; growth against 1x)")
    first: dict[str, float] = {}
    for n in sizes:
        text = klusterplan.dumps(scaled(n))
        plan = klusterplan.loads(text)
        load = best(lambda text=text: klusterplan.loads(text), max(3, repeat // n))
        check = best(lambda plan=plan: check_plan(plan), max(3, repeat // n))
        first.setdefault("load", load)
        first.setdefault("check", check)
        print(
            f"  {n:>4}x ({len(text) / 1024:8.0f} KiB)  load {ms(load)} "
            f"({load / first['load']:6.1f}x)   check {ms(check)} ({check / first['check']:6.1f}x)"
        )


# -- Word -----------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def raw_docx(plan: klusterplan.Plan) -> bytes:
    """The floor: the same body as raw WordprocessingML in a minimal package, no python-docx."""
    document = build_document(plan, None)
    look = house_look()
    counter = iter(range(1, 1_000_000))
    # with its marks, as the export writes them
    xml, _ = body_xml(document, look, lambda ordered: next(counter))
    # the same content: the votes chart is a chart part and its workbook, as in the export
    pictures = [
        (chart_xml(b, 480, False, "1F4E79").encode(), workbook_xlsx(b, ""))
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Chart)
    ]
    xml = (
        xml.replace(
            "<w:body ",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body ',
            1,
        ).replace(
            ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">', ">", 1
        )
        + "</w:document>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", xml)
        for n, (part, workbook) in enumerate(pictures, 1):
            package.writestr(f"word/charts/chart{n}.xml", part)
            package.writestr(f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx", workbook)
    return stream.getvalue()


def export(plan: klusterplan.Plan, format: str) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(plan, format, stream)
    return stream.getvalue()


def word(sizes: list[int], repeat: int) -> None:
    print("Word export (CPU time): klusterplan against the raw WordprocessingML floor")
    first = 0.0
    for n in sizes:
        plan = scaled(n)
        export(plan, "docx")
        ours = best(lambda plan=plan: export(plan, "docx"), max(1, repeat // n))
        floor = best(lambda plan=plan: raw_docx(plan), max(1, repeat // n))
        first = first or ours
        print(
            f"  {n:>4}x  floor {ms(floor)}  klusterplan {ms(ours)}  {ours / floor:5.2f}x the floor"
            f" (goal <= 2x)   growth {ours / first:6.1f}x (goal at 100x <= 110x)"
        )


# -- PDF ------------------------------------------------------------------

# The child blocks the accelerator before reportlab is imported, or else checks
# that reportlab found it: a run "with" it must not silently go without.
_PDF_CHILD = """
import sys, json
if {no_accel}:
    sys.modules["_rl_accel"] = None
sys.path.insert(0, {here!r})
import run as bench
from reportlab.lib import rl_accel
if not {no_accel} and rl_accel._py_funcs:
    sys.exit("rl_accel is not installed: reportlab uses its Python fallbacks")
print(json.dumps(bench.pdf_times({repeat})))
"""


def pdf_times(repeat: int) -> dict[str, list[float]]:
    """Best CPU times of the plain build and of klusterplan's, for the example and a long plan."""
    import bench_pdf

    out: dict[str, list[float]] = {"plain": [], "klusterplan": []}
    for plan in (klusterplan.example(), bench_pdf.long_plan()):
        document = build_document(plan, None)
        bench_pdf.plain(document)
        export(plan, "pdf")
        out["plain"].append(best(lambda document=document: bench_pdf.plain(document), repeat))
        out["klusterplan"].append(best(lambda plan=plan: export(plan, "pdf"), repeat))
    return out


def pdf(repeat: int) -> None:
    import json

    runs = {}
    for no_accel in (False, True):
        code = _PDF_CHILD.format(no_accel=no_accel, here=str(Path(__file__).parent), repeat=repeat)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stderr)
            return
        runs[no_accel] = json.loads(result.stdout.strip().splitlines()[-1])
    print("PDF export (CPU time): klusterplan against a plain reportlab build of the same content")
    with_accel, without = runs[False], runs[True]
    for i, name in enumerate(("example", "long plan")):
        ours, plain = with_accel["klusterplan"][i], with_accel["plain"][i]
        bare_ours, bare = without["klusterplan"][i], without["plain"][i]
        print(
            f"  {name:<9}  with rl_accel: plain {ms(plain)} klusterplan {ms(ours)} "
            f"{ours / plain:5.2f}x"
        )
        print(
            f"             without:       plain {ms(bare)} klusterplan {ms(bare_ours)} "
            f"{bare_ours / bare:5.2f}x"
        )
        print(
            f"             klusterplan with rl_accel / plain without: {ours / bare:5.2f}x "
            "(goal <= 0.8x)"
        )


# -- batch ----------------------------------------------------------------


_LAUNCHER = """
import ctypes, os, resource, subprocess, sys
if sys.platform.startswith("linux"):
    # PR_SET_CHILD_SUBREAPER: the command's fork server, which outlives it a moment, is
    # this process's child once the command ends, and is waited for (and counted) here
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run_measured(argv: list[str]) -> tuple[float, int]:
    """Wall time, and the peak memory (KiB) of the largest process of the run.

    A small launcher starts the command, so the peak is the command's and its
    workers' own, not this benchmark's (which a child would inherit). Workers a
    fork server started are its children, not the command's: on Linux the
    launcher waits for the fork server too, so that they are counted.
    """
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *argv], capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - start
    code, peak = (int(v) for v in result.stdout.split())
    if code not in (0,):
        raise SystemExit(f"{' '.join(argv[:6])}... failed with exit code {code}")
    return elapsed, peak


def batch(counts: list[int], formats: str) -> None:
    print(f"batch export (--to {formats}; wall time, peak memory of the largest process)")
    example = klusterplan.example()
    with tempfile.TemporaryDirectory() as folder:
        plans = Path(folder) / "plans"
        plans.mkdir()
        for i in range(max(counts)):
            library = attrs.evolve(example.library, name=f"Bibliotek {i}")
            klusterplan.dump(attrs.evolve(example, library=library), plans / f"plan{i:04}.yaml")
        names = sorted(str(p) for p in plans.iterdir())
        single = None
        for count in counts:
            times = {}
            for jobs in (1, 2):
                out = Path(folder) / f"out-{count}-{jobs}"
                argv = [
                    sys.executable,
                    "-m",
                    "klusterplan",
                    "export",
                    *names[:count],
                    "--to",
                    formats,
                    "-o",
                    str(out),
                    "--jobs",
                    str(jobs),
                ]
                elapsed, peak = _run_measured(argv)
                single = single or peak
                times[jobs] = elapsed
                print(
                    f"  {count:>5} plans --jobs {jobs}: {elapsed:8.2f} s "
                    f"({count / elapsed:6.1f} plans/s)  peak {peak / 1024:6.0f} MiB "
                    f"({peak / single:4.2f}x one export)"
                )
            print(
                f"  {count:>5} plans: speed-up with two jobs {times[1] / times[2]:4.2f}x "
                "(goal >= 1.8x on two idle cores)"
            )


#: The command with an installed plugin's format exported in the command's own process.
_IN_PROCESS = """
import sys
from klusterplan._export.worker import PluginWorker
PluginWorker.takes = lambda self, format: False
from klusterplan.cli import main
sys.argv[0] = "klusterplan"
main()
"""


def plugin_worker(repeat: int) -> None:
    """What exporting an installed plugin's format in a worker process of its own costs."""
    from klusterplan.plugins import get_registry

    if "ics" not in get_registry().exporters():
        print("plugin worker: skipped (install plugins/calendar for its ics format)")
        return
    print(
        "plugin worker (--to ics; CPU time of the command and its worker, wall beside; "
        f"best of {3 * repeat})"
    )
    with tempfile.TemporaryDirectory() as folder:
        plans = []
        for i in range(10):
            library = attrs.evolve(klusterplan.example().library, name=f"Bibliotek {i}")
            plans.append(Path(folder) / f"plan{i}.yaml")
            klusterplan.dump(attrs.evolve(klusterplan.example(), library=library), plans[-1])
        out = str(Path(folder) / "out")
        kinds = {
            "in the command's process": [sys.executable, "-c", _IN_PROCESS],
            "in a worker process": [sys.executable, "-m", "klusterplan"],
        }
        for count in (1, 10):
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in kinds}
            for _ in range(3 * repeat):  # taking turns, so that other work falls on both alike
                for name, command in kinds.items():
                    argv = [*command, "export", *map(str, plans[:count]), "--to", "ics"]
                    argv += ["-o", out, "--jobs", "1"]
                    before, start = (
                        resource.getrusage(resource.RUSAGE_CHILDREN),
                        time.perf_counter(),
                    )
                    subprocess.run(argv, capture_output=True, check=True)
                    wall = time.perf_counter() - start
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                    runs[name].append((cpu, wall))
            best = {name: (min(c for c, _ in r), min(w for _, w in r)) for name, r in runs.items()}
            base = best["in the command's process"]
            for name, (cpu, wall) in best.items():
                print(
                    f"  {count:>2} plan{'s' if count > 1 else ' '} {name:<26} {ms(cpu)} "
                    f"{ms(wall)} wall   {cpu / base[0]:5.2f}x CPU, {wall / base[1]:5.2f}x wall"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and batches")
    parser.add_argument("--repeat", type=int, default=7, help="repeats of each timing")
    parts = ("startup", "load", "word", "pdf", "batch", "plugin")
    parser.add_argument(
        "--only",
        default=",".join(parts),
        help=f"the parts to run, comma-separated (default: all of {','.join(parts)})",
    )
    args = parser.parse_args()
    chosen = {p.strip() for p in args.only.split(",") if p.strip()}
    if chosen - set(parts):
        parser.error(f"unknown part(s) {', '.join(sorted(chosen - set(parts)))}; use {parts}")
    sizes = [1, 10] if args.quick else [1, 10, 100]
    import docx  # noqa: F401  (imported here so that no timing pays for it)
    import reportlab

    print(
        f"klusterplan {klusterplan.__version__}, Python {platform.python_version()}, "
        f"reportlab {reportlab.Version}, {platform.machine()}, {os.cpu_count()} CPUs"
    )
    if "startup" in chosen:
        startup(args.repeat)
    if "load" in chosen:
        load_and_check(sizes, args.repeat * 3)
    if "word" in chosen:
        word(sizes, args.repeat * 2)
    if "pdf" in chosen:
        pdf(args.repeat)
    if "batch" in chosen:
        batch([1, 10] if args.quick else [1, 100, 1000], "docx")
    if "plugin" in chosen:
        plugin_worker(args.repeat)


if __name__ == "__main__":
    main()
