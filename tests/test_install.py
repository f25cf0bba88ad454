"""klusterplan as people install it: a wheel and an sdist that install and run the example.

The packages are built as a release builds them (``python -m build``: the sdist,
then the wheel from the unpacked sdist, so a file the sdist leaves out fails
here). The wheel goes into a fresh virtual environment without access to this
checkout; the dependencies come from this test environment through a path
file, as an index would give them, and ``pip check`` holds that they satisfy
the wheel's requirements.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, cwd: Path | None = None, **env: str) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, f"$ {' '.join(map(str, args))}\n{result.stdout}{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_the_wheel_installs_in_a_fresh_environment_and_runs_the_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    (wheel,) = dist.glob("klusterplan-*.whl")
    (sdist,) = dist.glob("klusterplan-*.tar.gz")
    with zipfile.ZipFile(wheel) as packed:
        inside = set(packed.namelist())
    needed_files = (
        "klusterplan/data/example.yaml",
        "klusterplan/py.typed",
        "klusterplan/cli/new.py",
    )
    for needed in needed_files:
        assert needed in inside, needed
    assert any(name.startswith("klusterplan/data/fonts/") for name in inside)
    assert not any(name.startswith(("tests/", "docs/", "plugins/")) for name in inside)
    with tarfile.open(sdist) as packed:
        assert any(name.endswith("/README.md") for name in packed.getnames())

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"))
    # this environment's packages, not its klusterplan: a path file does not run the
    # editable install's own path file, so this checkout stays out of sight
    here = sysconfig.get_path("purelib")
    (Path(purelib.as_posix().strip()) / "dependencies.pth").write_text(here + "\n")
    _run(python, "-m", "pip", "install", "--no-index", "--no-deps", "--ignore-installed", wheel)
    _run(python, "-m", "pip", "check")

    out = tmp_path / "run"
    out.mkdir()
    where = _run(python, "-c", "import klusterplan; print(klusterplan.__file__)", cwd=out)
    assert Path(where.strip()).is_relative_to(venv), where
    command = scripts / "klusterplan"
    printed = _run(
        command,
        "export",
        "--example",
        "--to",
        "markdown,docx,pdf",
        "-o",
        "out",
        cwd=out,
        LANG="en_GB.UTF-8",
        KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD="1",
    )
    written = sorted(p.name for p in (out / "out").iterdir())
    assert written == ["example.docx", "example.md", "example.pdf"], printed
    assert (out / "out" / "example.pdf").read_bytes().startswith(b"%PDF-")
    assert "Låna dig rik" in (out / "out" / "example.md").read_text(encoding="utf-8")
    assert _run(command, "--version", cwd=out).strip().endswith("0.1.0")
