"""Every example in the documentation runs.

``python`` blocks run top to bottom, one shared namespace a page. ``console``
blocks run each ``$ klusterplan ...`` line through the command; the lines
under it that do not start with ``$`` must appear in its output, in order.
Each page runs in a fresh folder holding the example plan as ``plan.yaml``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

import klusterplan
from klusterplan.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
PAGES = sorted(DOCS.glob("**/*.md"))


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(page.read_text(encoding="utf-8"))]


def _console(block: str) -> None:
    command: list[str] | None = None
    expected: list[str] = []
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                steps.append((command, expected))
            command, expected = shlex.split(line[2:]), []
        elif line.strip() and line.strip() != "...":
            expected.append(line.strip())
    if command is not None:
        steps.append((command, expected))
    for argv, lines in steps:
        assert argv[0] == "klusterplan", f"only klusterplan commands run in docs: {argv}"
        result = CliRunner().invoke(main, argv[1:], catch_exceptions=False)
        output = result.output
        position = 0
        for line in lines:
            found = output.find(line, position)
            assert found >= 0, f"$ {shlex.join(argv)}\nexpected {line!r} in:\n{output}"
            position = found + len(line)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for language, code in _blocks(page):
        if language == "python":
            exec(compile(code, str(page), "exec"), namespace)
        elif language == "console":
            _console(code)


def test_pages_have_examples() -> None:
    without = [
        p.name
        for p in PAGES
        if p.name not in {"index.md", "changelog.md"}
        and not any(lang in {"python", "console"} for lang, _ in _blocks(p))
    ]
    assert not without, f"pages without a runnable example: {without}"
