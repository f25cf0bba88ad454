"""Reading a Word document back: klusterplan's import against what any reader pays, in one run.

All three read the example plan's Word export, from memory, in turns:

- **A, the floor**: python-docx opens the document and reads the text of every
  paragraph and table cell, as a script that copies answers out would begin;
  it knows nothing of where the text belongs.
- **B, the plan file**: ``klusterplan.load`` of the same plan as YAML, what a
  library that keeps its plan in a file waits for each time.
- **klusterplan**: ``klusterplan.read_word``: opening the package under its
  limits, reading the body and the plan it carries, rebuilding what the
  document showed when written and comparing, value by value.

Prints the best and the median of the repeats of each and the ratios::

    python benchmarks/bench_import.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

import klusterplan


def floor(path: Path) -> int:
    """Every paragraph's and cell's text, as python-docx gives it."""
    word = docx.Document(str(path))
    chars = sum(len(p.text) for p in word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                chars += len(cell.text)
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    plan = klusterplan.example()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        stream = io.BytesIO()
        klusterplan.export(plan, "docx", stream)
        path.write_bytes(stream.getvalue())
        size = path.stat().st_size
        yaml_path = Path(folder) / "plan.yaml"
        klusterplan.dump(plan, yaml_path)
        assert klusterplan.read_word(path).plan == plan
        runs: dict[str, Callable[[], object]] = {
            "A, python-docx reads the text": lambda: floor(path),
            "B, load the YAML plan": lambda: klusterplan.load(yaml_path),
            "klusterplan read_word": lambda: klusterplan.read_word(path),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            # taking turns, so that load on a shared machine falls on all alike
            for name, run in runs.items():
                start = time.process_time()
                run()
                times[name].append((time.process_time() - start) * 1000)
    print(f"example plan's Word export: {size:,} bytes, read {args.repeat} times each")
    for name, values in times.items():
        print(f"{name:32} best {min(values):7.1f} ms   median {statistics.median(values):7.1f} ms")
    ours = min(times["klusterplan read_word"])
    for name in list(runs)[:2]:
        print(f"ratio to {name[:1]}: {ours / min(times[name]):.2f}x")


if __name__ == "__main__":
    main()
