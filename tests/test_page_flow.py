"""Page flow of every printed document, audited page by page (see :mod:`page_audit`).

Each document a person holds is made through the public API and read back from
its pages: the PDF as reportlab writes it, the tagged PDF as Typst writes it,
and each Word file as LibreOffice lays it out (with the metric-compatible
Carlito and Caladea fonts that ``.ci/run`` installs, so that pages break as in
Word). A document still known to stumble is marked ``xfail(strict=True)``: the
mark must go when it is mended, or the suite fails.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from page_audit import LARGE, NORMAL, Defect, Sizes, audit, read_pages

import klusterplan
from klusterplan import ExportOptions, Language

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

#: Short labels that never break inside, in both languages.
PHRASES = ("in progress", "not started", "long term", "40 000 kr")


def _kalmar() -> klusterplan.Plan:
    plan = klusterplan.example()
    return attrs.evolve(plan, library=attrs.evolve(plan.library, municipality="Kalmar kommun"))


def _plan(fmt: str, plan: klusterplan.Plan, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, fmt, out, ExportOptions(**options))
    return out.getvalue()


def _cluster(fmt: str) -> bytes:
    files = sorted((ROOT / "examples" / "cluster").glob("*.yaml"))
    cluster = klusterplan.load_cluster([str(path) for path in files])
    out = io.BytesIO()
    klusterplan.export_summary(cluster, fmt, out, today=klusterplan.example().library.date)
    return out.getvalue()


#: name -> (how to make it in a format, its type sizes)
DOCUMENTS: dict[str, tuple[Callable[[str], bytes], Sizes]] = {
    "plan": (lambda fmt: _plan(fmt, klusterplan.example()), NORMAL),
    "large print": (lambda fmt: _plan(fmt, klusterplan.example(), large_print=True), LARGE),
    "english": (lambda fmt: _plan(fmt, klusterplan.example(), language=Language.EN), NORMAL),
    "blank workbook": (lambda fmt: _plan(fmt, klusterplan.Plan(), workbook=True), NORMAL),
    "pre-filled workbook": (
        lambda fmt: _plan(fmt, klusterplan.example(), workbook=True),
        NORMAL,
    ),
    "cluster summary": (_cluster, NORMAL),
    "kalmar plan": (lambda fmt: _plan(fmt, _kalmar()), NORMAL),
}

#: (format, document) pairs whose pages still stumble, and how.
KNOWN: dict[tuple[str, str], str] = {
    ("pdf", "plan"): "the contents spill one line onto a page of their own",
    ("pdf", "english"): "the contents spill; 'in progress' breaks in the status columns",
    ("pdf", "kalmar plan"): "the contents spill one line onto a page of their own",
    ("pdf", "large print"): "a record's first field alone at the foot; lone lines at the top",
    ("pdf", "blank workbook"): "a table split with one row each side; a near-empty page",
    ("pdf", "pre-filled workbook"): "landscape pages with a few rows; near-empty pages",
    ("pdf-ua", "plan"): "a heading at the foot",
    ("pdf-ua", "english"): "a heading at the foot",
    ("pdf-ua", "kalmar plan"): "a heading at the foot",
    ("pdf-ua", "large print"): "headings and records' first fields at the foot",
}


def _cases(fmt: str) -> Iterator[Any]:
    for name in DOCUMENTS:
        reason = KNOWN.get((fmt, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", list(_cases("pdf")))
def test_pdf_pages_flow(name: str) -> None:
    make, sizes = DOCUMENTS[name]
    assert [str(d) for d in audit(make("pdf"), sizes, PHRASES)] == []


@pytest.mark.parametrize("name", list(_cases("pdf-ua")))
def test_tagged_pdf_pages_flow(name: str) -> None:
    pytest.importorskip("typst")
    make, sizes = DOCUMENTS[name]
    if name == "cluster summary":
        pytest.skip("the cluster summary is published as a plan's, not checked twice")
    assert [str(d) for d in audit(make("pdf-ua"), sizes, PHRASES)] == []


@pytest.fixture(scope="module")
def word_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every Word document, as LibreOffice lays it out and prints it to PDF."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("word")
    names = {}
    for number, name in enumerate(DOCUMENTS):
        path = folder / f"d{number}.docx"
        path.write_bytes(DOCUMENTS[name][0]("docx"))
        names[name] = path
    out = folder / "pdf"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, names.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: (out / f"{path.stem}.pdf").read_bytes() for name, path in names.items()}


@pytest.mark.parametrize("name", list(_cases("docx")))
def test_word_pages_flow(word_pages: dict[str, bytes], name: str) -> None:
    assert [str(d) for d in audit(word_pages[name], DOCUMENTS[name][1], PHRASES)] == []


# -- the audit itself can fail -------------------------------------------------


def _pdf(draw: Callable[[Any, int], None], pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(pages):
        canvas.setFont("Helvetica", 10.5)
        draw(canvas, number)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_audit_sees_a_near_empty_page_and_a_broken_amount() -> None:
    def draw(canvas: Any, number: int) -> None:
        height = 842
        if number == 0:
            canvas.drawString(60, height - 80, "Budget: 8")
            canvas.drawString(60, height - 93, "000 kr for the whole year")
        else:
            for k in range(60):
                canvas.drawString(60, height - 80 - 12 * k, f"line {k} of a full page of text")

    found = audit(_pdf(draw, pages=2), NORMAL)
    kinds = {d.kind for d in found}
    assert "near-empty page" in kinds and "broken value" in kinds
    assert Defect(1, "broken value", "8 | 000") in found


def test_the_audit_reads_lines_and_fill() -> None:
    def draw(canvas: Any, number: int) -> None:
        for k in range(30):
            canvas.drawString(60, 842 - 80 - 12 * k, f"line {k}")

    pages = read_pages(_pdf(draw, pages=2))
    assert len(pages) == 2 and len(pages[0].lines) == 30
    assert 0.4 < pages[0].fill < 0.6
