"""The project's own hygiene: lint, format, types and the documentation site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
        ("mypy", "--strict", "src"),
        ("mkdocs", "build", "--strict", "--site-dir", "{tmp}"),
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict", "mkdocs-strict"],
)
def test_tool_is_clean(command: tuple[str, ...], tmp_path: Path) -> None:
    result = _run(*(part.replace("{tmp}", str(tmp_path / "site")) for part in command))
    assert result.returncode == 0, result.stdout + result.stderr
