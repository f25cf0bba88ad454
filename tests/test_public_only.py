"""KLUSTERPLAN_PUBLIC_ONLY: the exports on reportlab's and python-docx's public path alone.

The PDF and Word exports use private parts of both libraries (hence their
upper bounds in pyproject.toml). With the switch set they must not touch
them, and still write whole, valid documents with the same text: the Word
file reads back into the plan, the PDF has the same pages with the same
words, its contents numbers included.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest

import klusterplan
from klusterplan import testing
from klusterplan._support.internals import PUBLIC_ONLY, use_internals


def _private_parts_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every private part the exports use fail when klusterplan calls it, so a use shows.

    python-docx's public ``Document()`` and ``save()`` use the same reader and
    writer themselves: only a call straight from klusterplan's code fails.
    """
    from docx.opc.package import Unmarshaller
    from docx.opc.pkgreader import PackageReader
    from docx.opc.pkgwriter import PackageWriter

    from klusterplan.exporters import _pdf_flowables

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a private part was used")

    for name in ("_break_plain", "_break_mixed", "draw_plain"):
        monkeypatch.setattr(_pdf_flowables, name, fail)
    for owner, name in (
        (PackageReader, "from_file"),
        (Unmarshaller, "unmarshal"),
        (PackageWriter, "_write_content_types_stream"),
    ):
        real = getattr(owner, name)

        def guarded(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            caller = sys._getframe(1).f_globals.get("__name__", "")
            if caller.startswith("klusterplan"):
                raise AssertionError(f"{caller} used a private part of python-docx")
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, name, staticmethod(guarded))


def _export(tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    result = testing.invoke(
        ["export", "--example", "--lang", "sv", "--to", "docx,pdf", "-o", f"{out}/"]
    )
    assert result.exit_code == 0, result.output + result.stderr
    return out


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def _words(path: Path) -> list[str]:
    word = testing.open_word(path)
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return [p.text for p in word.paragraphs] + cells


@pytest.mark.parametrize("value", ["1", "yes", "true"])
def test_the_switch_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.delenv(PUBLIC_ONLY, raising=False)
    assert use_internals()
    monkeypatch.setenv(PUBLIC_ONLY, value)
    assert not use_internals()
    monkeypatch.setenv(PUBLIC_ONLY, "0")
    assert use_internals()


def test_the_public_path_writes_the_same_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PUBLIC_ONLY, raising=False)
    private = _export(tmp_path, "private")
    monkeypatch.setenv(PUBLIC_ONLY, "1")
    _private_parts_fail(monkeypatch)
    public = _export(tmp_path, "public")

    # Word: a valid package that reads back into the plan, with the same words
    assert klusterplan.read_word(public / "example.docx").plan == klusterplan.example()
    assert _words(public / "example.docx") == _words(private / "example.docx")
    # PDF: the same pages with the same text, the contents' page numbers among it
    pages, before = _pages(public / "example.pdf"), _pages(private / "example.pdf")
    assert len(pages) == len(before)
    # the contents' pages: lines with dot leaders to their page numbers
    contents = [i for i, page in enumerate(before) if re.search(r"\. \. \. \d+", page)]
    assert contents and pages[contents[0]].startswith("Innehåll")
    assert all(re.search(r"\. \. \. \d+", pages[i]) for i in contents)
    for i, (page, was) in enumerate(zip(pages, before, strict=True)):
        # the contents numbers come last in their page's text, the rest as before
        assert (sorted(page.split()) if i in contents else page) == (
            sorted(was.split()) if i in contents else was
        ), i
    reader = pypdf.PdfReader(public / "example.pdf")
    assert reader.outline and reader.metadata is not None
    # only where the numbers stand in the page's content differs
    assert (public / "example.pdf").read_bytes() != (private / "example.pdf").read_bytes()


def test_the_public_path_from_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PUBLIC_ONLY, "1")
    _private_parts_fail(monkeypatch)
    plan = klusterplan.example()
    for format in ("pdf", "docx"):
        options = klusterplan.ExportOptions(workbook=True, large_print=True)
        buffer = io.BytesIO()
        klusterplan.export(plan, format, buffer, options)
        assert buffer.getvalue()[:4] in (b"%PDF", b"PK\x03\x04"), format
