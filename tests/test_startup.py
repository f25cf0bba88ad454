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


#: What only an export or an error needs; ``check`` of a good plan loads none of it.
NOT_FOR_CHECK = (
    "klusterplan.document",
    "klusterplan.exporters._markdown",
    "klusterplan.exporters._pdf_fonts",
    "importlib.metadata",
    "importlib.resources",
    "email",
    "tempfile",
    "difflib",
    "tomllib",
)


def test_check_loads_only_what_checking_needs(tmp_path: Path) -> None:
    # the installed plugins (Kalmar's, the calendar) are loaded too: they must stay light
    plan = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), plan)
    modules = _modules(_PROBE.format(args=["check", str(plan)]))
    assert {"klusterplan_kalmar.plugin", "klusterplan_calendar.plugin"} <= modules
    loaded = sorted(
        m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_FOR_CHECK)
    )
    assert loaded == []


def test_the_collector_runs_again_after_start_up(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), plan)
    code = (
        "import gc, sys\n"
        "from klusterplan.cli import main\n"
        "try:\n"
        f"    main(['check', {str(plan)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
        "try:\n"
        f"    main(['check', {str(plan)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.split() == ["True", "True", "True"], result.stderr
