"""The tagged PDF/UA export: its structure read back with pikepdf, and the pdfua checker.

``fourteen_checks`` is the PDF/UA check the accessibility page describes; the
untagged reportlab PDF is measured with it too, to show what tagging adds.
"""

from __future__ import annotations

import io
import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pikepdf
import pytest
from click.testing import Result
from pypdf import PdfReader

import klusterplan
from klusterplan import Branding, ExportOptions, Language, Logo, build_document, hookimpl
from klusterplan.document import Chart, Matrix, Mode, Staircase, Table
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)

HOSTILE = [
    '#read("/etc/passwd")',
    '#import "@preview/cetz:0.3.0": *',
    "$ x^2 $ *fet* _kursiv_ ] [ } {",
    "#let x = 1 #x \\ `kod` <etikett> @ref // kommentar /* block",
    "<script>alert(1)</script>",
]


def export(plan: klusterplan.Plan, registry: Registry | None = None, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, "pdf-ua", out, ExportOptions(**options), registry=registry)
    return out.getvalue()


def elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, in reading order."""

    def walk(node: Any) -> Iterator[pikepdf.Dictionary]:
        if isinstance(node, pikepdf.Array):
            for item in node:
                yield from walk(item)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            yield from walk(node.get("/K"))

    yield from walk(pdf.Root.StructTreeRoot.K)


def _text(pdf: pikepdf.Pdf, element: pikepdf.Dictionary) -> bool:
    """Whether a structure element marks any content (an MCID somewhere below it)."""
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for item in items:
        if isinstance(item, int):
            return True
        if isinstance(item, pikepdf.Dictionary) and (
            item.get("/Type") == "/MCR" or ("/S" in item and _text(pdf, item))
        ):
            return True
    return False


def fourteen_checks(data: bytes) -> dict[str, bool]:
    """The PDF/UA check of docs/accessibility.md: 14 points, each passed or not."""
    pdf = pikepdf.open(io.BytesIO(data))
    root: Any = pdf.Root
    tagged = "/StructTreeRoot" in root
    found = list(elements(pdf)) if tagged else []
    roles = Counter(str(e.S) for e in found)
    levels = [int(str(e.S)[2:]) for e in found if str(e.S)[:2] == "/H" and str(e.S)[2:].isdigit()]
    xmp = pdf.open_metadata()
    pages: list[Any] = list(pdf.pages)
    fonts = [
        f
        for page in pages
        if "/Resources" in page and "/Font" in page.Resources
        for f in page.Resources.Font.values()
    ]

    def embedded(font: Any) -> bool:
        if font.get("/Subtype") == "/Type0":
            font = font.DescendantFonts[0]
        desc = font.get("/FontDescriptor")
        return desc is not None and any(
            k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
        )

    return {
        "structure tree": tagged and bool(found),
        "marked": "/MarkInfo" in root and bool(root.MarkInfo.get("/Marked", False)),
        "language": bool(str(root.get("/Lang", "")).strip()),
        "title shown": "/ViewerPreferences" in root
        and bool(root.ViewerPreferences.get("/DisplayDocTitle", False)),
        "title": bool(str(xmp.get("dc:title", "")).strip()),
        "headings": bool(levels) and all(b <= a + 1 for a, b in itertools.pairwise([0, *levels])),
        "headings not empty": bool(levels)
        and all(_text(pdf, e) for e in found if str(e.S)[:2] == "/H" and str(e.S)[2:].isdigit()),
        "table header cells": roles["/Table"] > 0 and roles["/TH"] > 0,
        "alt text": all(str(e.get("/Alt", "")).strip() for e in found if e.S == "/Figure"),
        "fonts embedded": bool(fonts) and all(embedded(f) for f in fonts),
        "bookmarks": "/Outlines" in root and "/First" in root.Outlines,
        "tab order": all(page.get("/Tabs") == "/S" for page in pages),
        "pdf/ua identifier": str(xmp.get("pdfuaid:part", "")) == "1",
        "content tagged": tagged
        and "/ParentTree" in root.StructTreeRoot
        and all("/StructParents" in page for page in pages),
    }


@pytest.fixture(scope="module")
def example_pdf() -> bytes:
    return export(klusterplan.example())


@pytest.fixture(scope="module")
def opened(example_pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(example_pdf))


def test_passes_all_fourteen_checks(example_pdf: bytes) -> None:
    results = fourteen_checks(example_pdf)
    assert len(results) == 14
    assert all(results.values()), [k for k, v in results.items() if not v]


def test_the_untagged_pdf_does_not(example: klusterplan.Plan) -> None:
    out = io.BytesIO()
    klusterplan.export(example, "pdf", out)
    results = fourteen_checks(out.getvalue())
    assert not results["structure tree"] and not results["pdf/ua identifier"]
    assert sum(results.values()) < 14


def test_catalogue_language_title_and_identifier(opened: pikepdf.Pdf) -> None:
    root: Any = opened.Root
    assert root.MarkInfo.Marked is True
    # Suspects is a boolean, false (ISO 32000-1, table 321): poppler (22.12, for one) calls
    # any false one "wrong type (boolean)", a message about poppler, not about the file
    assert dict(root.MarkInfo.items()) == {"/Marked": True, "/Suspects": False}
    # what the plan puts in the document information is text, every entry of it
    assert all(isinstance(value, pikepdf.String) for value in opened.docinfo.values())
    assert str(root.Lang) in {"sv", "sv-SE"}
    assert root.ViewerPreferences.DisplayDocTitle is True
    xmp = opened.open_metadata()
    assert str(xmp.get("pdfuaid:part")) == "1"
    assert xmp.get("dc:title") == "Lokal kommunikationsplan – Byköpings bibliotek"


def test_tables_are_tagged_once_with_their_header_cells(opened: pikepdf.Pdf) -> None:
    document = build_document(klusterplan.example())
    blocks = [b for s in (*document.front, *document.sections) for b in s.blocks]
    tables = [b for b in blocks if isinstance(b, Table)]
    tables += [b.table for b in blocks if isinstance(b, Chart)]
    headers = sum(len(t.headers) for t in tables)
    roles = Counter(str(e.S) for e in elements(opened))
    # the action tables run over two pages: their repeated header rows are not tagged again
    # (the staircase and the matrix are figures, as in the PDF: see the next test)
    assert roles["/Table"] == len(tables)
    assert roles["/TH"] == headers
    assert roles["/THead"] == roles["/Table"]


def test_headings_follow_the_document(opened: pikepdf.Pdf, example: klusterplan.Plan) -> None:
    document = build_document(example)
    found = [
        (int(str(e.S)[2]), str(e.get("/T", "")))
        for e in elements(opened)
        if str(e.S) in {"/H1", "/H2", "/H3"}
    ]
    # the summary, then the contents' own heading, then the sections
    front = [(s.level, s.title) for s in document.front]
    assert found[: len(front)] == front
    assert found[len(front) + 1 :] == [(s.level, s.title) for s in document.sections]
    outline = [str(item.title) for item in opened.open_outline().root]
    titles = [s.title for s in (*document.front, *document.sections) if s.level == 1]
    assert [t for t in outline if t != document.contents_title] == titles


def test_chart_staircase_and_matrix_are_figures_with_their_alt_text(
    opened: pikepdf.Pdf, example: klusterplan.Plan
) -> None:
    drawn = [
        b
        for s in build_document(example).sections
        for b in s.blocks
        if isinstance(b, Chart | Staircase | Matrix)
    ]
    assert {type(b) for b in drawn} == {Chart, Staircase, Matrix}
    figures = [e for e in elements(opened) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == [b.alt for b in drawn]


def test_fonts_are_the_house_typeface_embedded(opened: pikepdf.Pdf) -> None:
    names = {
        str(f.BaseFont).split("+")[-1]
        for page in opened.pages
        for f in page.Resources.Font.values()
    }
    assert names <= {"Carlito", "Carlito-Bold", "Carlito-Italic", "Carlito-BoldItalic"}


def test_pdfua_checker_finds_no_error_or_warning(example_pdf: bytes, tmp_path: Path) -> None:
    from pdfua import Severity, validate

    path = tmp_path / "plan.pdf"
    path.write_bytes(example_pdf)
    report = validate(str(path))
    serious = [
        (f.rule_id, f.message)
        for f in report.findings
        if f.severity in {Severity.ERROR, Severity.WARNING}
    ]
    assert serious == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_prints_as_typed(hostile: str, tmp_path: Path) -> None:
    plan = klusterplan.example()
    group = plan.target_groups[0]
    assert group.persona is not None
    persona = attrs.evolve(group.persona, story=hostile)
    groups = (attrs.evolve(group, name=hostile, persona=persona), *plan.target_groups[1:])
    data = export(attrs.evolve(plan, target_groups=groups))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    assert flat.count(" ".join(hostile.split())) >= 3  # heading, chart table, story
    assert "root:" not in text
    assert all(fourteen_checks(data).values())


def test_same_plan_same_bytes(example: klusterplan.Plan, example_pdf: bytes) -> None:
    assert export(example) == example_pdf


def test_english_marks_swedish_plan_text(example: klusterplan.Plan) -> None:
    pdf = pikepdf.open(io.BytesIO(export(example, language=Language.EN)))
    assert str(pdf.Root.Lang).startswith("en")
    langs = {str(e.get("/Lang")) for e in elements(pdf) if "/Lang" in e}
    assert langs & {"sv", "sv-SE"}


def _sizes(data: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if text.strip():
                sizes.add(round(abs(size * tm[3] * cm[3]) or size, 1))

        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_never_under_16_points(example: klusterplan.Plan) -> None:
    data = export(example, large_print=True)
    assert min(_sizes(data)) >= 16
    assert min(_sizes(export(example))) < 16
    assert all(fourteen_checks(data).values())


def test_workbook_blank_and_prefilled(example: klusterplan.Plan) -> None:
    blank = export(klusterplan.Plan(), workbook=True)
    assert all(fourteen_checks(blank).values())
    pdf = pikepdf.open(io.BytesIO(blank))
    document = build_document(klusterplan.Plan(), mode=Mode.WORKBOOK)
    headings = [str(e.get("/T")) for e in elements(pdf) if str(e.S) in {"/H1", "/H2", "/H3"}]
    assert headings[1:] == [s.title for s in document.sections]
    assert all(fourteen_checks(export(example, workbook=True)).values())


class _Brand:
    @hookimpl
    def branding(self, plan: klusterplan.Plan, format: str) -> Branding:
        return Branding(
            logo=Logo(PNG, "Kommunens vapen", width_mm=20),
            primary_colour="#7A1F1F",
            footer="Kultur och fritid",
        )


def test_branding_logo_has_its_alt_text(example: klusterplan.Plan) -> None:
    data = export(example, registry=Registry([*DEFAULT_PLUGINS, _Brand()], autoload=False))
    pdf = pikepdf.open(io.BytesIO(data))
    alts = [str(e.Alt) for e in elements(pdf) if e.S == "/Figure"]
    assert "Kommunens vapen" in alts
    assert "Kultur och fritid" in PdfReader(io.BytesIO(data)).pages[3].extract_text()
    assert all(fourteen_checks(data).values())


def test_missing_glyph_names_character_and_path(example: klusterplan.Plan) -> None:
    plan = attrs.evolve(
        example, library=attrs.evolve(example.library, name="Biblioteket \U0001f600")
    )
    with pytest.raises(klusterplan.PlanError) as caught:
        export(plan)
    problem = caught.value.problems[0]
    assert problem.path == "library.name"
    assert "U+1F600" in problem.message and "Carlito" in problem.message


def test_command_writes_both_pdfs(run: Callable[..., Result], tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "pdf,pdf-ua,html")
    assert result.exit_code == 0, result.output
    assert "skrev plan.ua.pdf" in result.output
    assert all(fourteen_checks((tmp_path / "plan.ua.pdf").read_bytes()).values())
    assert not fourteen_checks((tmp_path / "plan.pdf").read_bytes())["structure tree"]
    result = run("workbook", "-o", "arbetsbok.ua.pdf")
    assert result.exit_code == 0, result.output
    assert all(fourteen_checks((tmp_path / "arbetsbok.ua.pdf").read_bytes()).values())


def test_without_the_extra_the_command_names_it(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # as if it were not installed
    result = run("export", "--example", "--to", "pdf-ua")
    assert result.exit_code == 2
    assert "installera tillägget accessible (pip install 'typst" in result.output
    assert "Traceback" not in result.output


def test_importing_klusterplan_does_not_import_typst() -> None:
    import subprocess

    code = (
        "import klusterplan, sys; klusterplan.check(klusterplan.example()); "
        "print('typst' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def _pages_of(element: pikepdf.Dictionary, page: Any = None) -> set[int]:
    """The pages (by object number) on which the content below ``element`` is drawn."""
    page = element.get("/Pg", page)
    kids = element.get("/K")
    found: set[int] = set()
    for item in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(item, int) and page is not None:
            found.add(page.objgen[0])
        elif isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/MCR":
            found.add(item.get("/Pg", page).objgen[0])
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            found |= _pages_of(item, page)
    return found


@pytest.mark.parametrize(
    "options", [{}, {"large_print": True}, {"workbook": True}], ids=["plan", "large", "workbook"]
)
def test_no_table_row_is_split_over_pages(example: klusterplan.Plan, options: Any) -> None:
    pdf = pikepdf.open(io.BytesIO(export(example, **options)))
    rows = [e for e in elements(pdf) if e.get("/S") == "/TR"]
    assert rows
    split = [i for i, row in enumerate(rows) if len(_pages_of(row)) > 1]
    assert split == []


def test_the_row_audit_sees_a_split_row() -> None:
    pdf = pikepdf.new()
    first, second = pdf.add_blank_page(), pdf.add_blank_page()
    row = pikepdf.Dictionary(
        S=pikepdf.Name.TR,
        K=pikepdf.Array(
            [
                pikepdf.Dictionary(S=pikepdf.Name.TD, Pg=first.obj, K=0),
                pikepdf.Dictionary(S=pikepdf.Name.TD, Pg=second.obj, K=1),
            ]
        ),
    )
    assert len(_pages_of(row)) == 2


def test_the_house_table_and_cover(opened: pikepdf.Pdf, example_pdf: bytes) -> None:
    """The tables carry the house tint and right-aligned votes; the cover its promise in ”…”."""
    reader = PdfReader(io.BytesIO(example_pdf))
    cover = reader.pages[0].extract_text()
    assert "”Låna dig rik”" in cover
    summary = reader.pages[1].extract_text()
    # the summary's table, with the votes at the right of each row
    assert "Den oerfarne 8" in summary.replace("\n", " ")
    content = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(opened.pages[1]))
    # the tint every other row has: #EAF0F6
    assert b"0.91764706 0.9411765 0.9647059 sc" in content
