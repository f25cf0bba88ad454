"""LibreOffice as the tests use it: Word files laid out and printed to PDF, or saved again.

Without LibreOffice a test is skipped, except in CI, where ``.ci/run`` installs it and its
absence fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def soffice() -> str:
    """The LibreOffice command, or a skip (a failure in CI) when it is not installed."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    return SOFFICE


def convert(paths: Sequence[Path], folder: Path, to: str = "pdf") -> Path:
    """Each file of ``paths`` as LibreOffice writes it ``to`` a format, in ``folder``.

    Returns ``folder``; a file keeps its stem (``plan.docx`` gives ``folder/plan.pdf``).
    Each call has its own profile, so that runs side by side do not meet.
    """
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{folder.parent / (folder.name + '-profile')}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return folder


def printed(path: Path, folder: Path) -> bytes:
    """The Word file at ``path`` as LibreOffice lays it out and prints it to PDF."""
    return (convert([path], folder) / f"{path.stem}.pdf").read_bytes()
