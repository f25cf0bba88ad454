"""Start-up stays light: the heavy libraries load only when their export runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import klusterplan

HEAVY = ("docx", "reportlab", "lxml", "xml.sax", "http", "ssl", "rich")

_PROBE = """
import json, sys
from klusterplan.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules(code: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_import_loads_no_heavy_library() -> None:
    code = "import json, sys, klusterplan; print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    assert _heavy(_modules(code)) == []


@pytest.mark.parametrize("args", [["--help"], ["export", "--help"], ["check", "PLAN"]])
def test_commands_load_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), plan)
    argv = [str(plan) if a == "PLAN" else a for a in args]
    assert _heavy(_modules(_PROBE.format(args=argv))) == []


def test_an_export_does_load_what_it_needs(tmp_path: Path) -> None:
    # the probe can fail: the same process writing Word does import python-docx
    plan = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), plan)
    args = ["export", str(plan), "--to", "docx", "-o", str(tmp_path / "out")]
    assert "docx" in _heavy(_modules(_PROBE.format(args=args)))
