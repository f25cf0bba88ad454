"""Checks the files the example's export at the lowest versions wrote (see .ci/lowest).

Each file is read back with the libraries installed at their floors: the
plan formats load to the example plan, the Word file reads back into it and
opens in python-docx with the plan's words, the PDFs are whole documents with pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.utils import open_for_read

import klusterplan
from klusterplan.testing import open_word


def main(folder: Path) -> None:
    """Check every file in ``folder``; an AssertionError names the first that fails."""
    files = {p.suffix: p for p in folder.iterdir()}
    example = klusterplan.example()
    for suffix in (".json", ".yaml", ".toml"):
        assert klusterplan.load(files[suffix]) == example, suffix
    assert klusterplan.read_word(files[".docx"]).plan == example, "the Word file reads back"
    words = open_word(files[".docx"])
    cells = (c for t in words.tables for r in t.rows for c in r.cells)
    text = "\n".join([p.text for p in words.paragraphs] + [c.text for c in cells])
    assert example.library.name in text, "the Word file lacks the library's name"
    pdfs = sorted(p for p in folder.iterdir() if p.suffix == ".pdf")
    assert len(pdfs) == 2, pdfs  # the PDF and the PDF/UA file
    for pdf in pdfs:
        data = open_for_read(str(pdf)).read()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), pdf
        assert data.count(b"/Type /Page") > 5 or data.count(b"/Type/Page") > 5, pdf
    assert example.library.name in files[".html"].read_text("utf-8")
    assert example.library.name in files[".md"].read_text("utf-8")
    print(f"{len(list(folder.iterdir()))} files from the lowest versions read back")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
