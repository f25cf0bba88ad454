"""The project's own hygiene: lint, format, types and the documentation site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from klusterplan import build_document

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("mypy", "--strict", "src", "tests", "plugins/kalmar", "plugins/calendar"),
        ("mkdocs", "build", "--strict", "--site-dir", "{tmp}"),
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict", "mkdocs-strict"],
)
def test_tool_is_clean(command: tuple[str, ...], tmp_path: Path) -> None:
    result = _run(*(part.replace("{tmp}", str(tmp_path / "site")) for part in command))
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path, module: str) -> set[str]:
    """The klusterplan modules ``module`` imports when it runs (type-only imports aside)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("klusterplan"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            if not base.startswith("klusterplan"):
                continue
            for alias in node.names:
                # ``from . import hookspecs`` imports a module; ``from .x import y`` imports x
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _module_path(candidate) else base)
    return found


def _module_path(module: str) -> Path | None:
    base = ROOT / "src" / Path(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def test_no_import_cycles() -> None:
    src = ROOT / "src"
    graph: dict[str, set[str]] = {}
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[module] = _imports(path, module) - {module}
    # a module's package runs first anyway, so an edge to a parent package is no cycle
    for module, edges in graph.items():
        graph[module] = {e for e in edges if not module.startswith(e + ".") and e in graph}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_public_names_are_not_hidden_by_modules() -> None:
    code = (
        "import klusterplan\n"
        "names = [n for n in klusterplan.__all__ if n != '__version__']\n"
        "import klusterplan.document, klusterplan.plugins, klusterplan.testing\n"
        "from klusterplan import check, export, rule, Severity, Renderer, Exporter\n"
        "assert callable(klusterplan.check) and callable(klusterplan.export)\n"
        "assert all(getattr(klusterplan, n) is not None for n in names)\n"
        "import importlib.util as u\n"
        "assert u.find_spec('klusterplan.check') is None\n"
        "assert u.find_spec('klusterplan.export') is None\n"
        "assert klusterplan.__version__[0].isdigit()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_benchmarks_baselines_still_build(example: Any) -> None:
    """The benchmarks are not run with the tests, but their baselines must keep up with the code."""
    import importlib

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        run = importlib.import_module("run")
        bench_docx = importlib.import_module("bench_docx")
        bench_pdf = importlib.import_module("bench_pdf")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert run.raw_docx(example).startswith(b"PK")
    document = build_document(example)
    assert bench_docx.naive(document).startswith(b"PK")
    assert bench_pdf.plain(document).startswith(b"%PDF")
