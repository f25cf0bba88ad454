"""The cover's document information, status mark and logo, in every format alike.

Plans are exported through the ``klusterplan`` command, with the Kalmar plugin
loaded through its entry point (it gives the logo), and read back as a reader
meets them: the PDFs' text and picture positions, Word's paragraphs and
properties, the web page and the Markdown.
"""

from __future__ import annotations

import functools
import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from libreoffice import convert, printed
from wordfill import open_word, save, type_into

import klusterplan
from klusterplan.cli import main

MM = 72 / 25.4
#: What the cover of the example, with Kalmar as its municipality, must show.
DOCUMENT_INFORMATION = [
    "Dokumenttyp",
    "Kommunikationsplan",
    "Version",
    "0.9",
    "Beslutas av",
    "Kultur- och fritidsnämnden",
    "Diarienummer",
    "KFN 2010/148",
    "Kontaktperson",
    "anna.bergstrom@bykoping.se",
    "0480-45 00 00",
]


def _export(folder: Path, text: str, formats: str) -> dict[str, Path]:
    plan = folder / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["export", str(plan), "--to", formats, "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    return {p.name: p for p in out.iterdir()}


@functools.cache
def _example_text() -> str:
    """The example plan as ``klusterplan new --example`` writes it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.yaml"
        result = CliRunner().invoke(main, ["new", "--example", str(path)])
        assert result.exit_code == 0, result.output
        return path.read_text(encoding="utf-8")


def _kalmar(**document: str) -> str:
    text = _example_text().replace("Byköpings kommun", "Kalmar kommun")
    for key, value in document.items():
        start = text.index(f"\n  {key}:") + 1
        end = text.index("\n", start)
        text = text[:start] + f"  {key}: {value}" + text[end:]
    return text


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("draft")
    return _export(folder, _kalmar(), "pdf,docx,html,pdf-ua,md")


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_pages(path: Path) -> list[str]:
    import pypdf

    return [_words(page.extract_text()) for page in pypdf.PdfReader(path).pages]


@pytest.mark.parametrize("name", ["plan.pdf", "plan.ua.pdf"])
def test_pdf_cover_carries_the_document_information_and_the_draft_mark(
    draft: dict[str, Path], name: str
) -> None:
    if name == "plan.ua.pdf":
        pytest.importorskip("typst")
    pages = _pdf_pages(draft[name])
    cover = pages[0]
    for text in [*DOCUMENT_INFORMATION, "UTKAST", "Status Utkast"]:
        assert text in cover, text
    # the draft is marked at the start of every page's footer
    assert all("UTKAST · Byköpings bibliotek" in page for page in pages[1:])


def test_word_cover_carries_the_document_information_and_its_properties(
    draft: dict[str, Path],
) -> None:
    from klusterplan import testing

    word = testing.open_word(draft["plan.docx"].read_bytes())
    cover = _words(" ".join(p.text for p in word.paragraphs[:20]))
    for text in [*DOCUMENT_INFORMATION, "UTKAST", "Status Utkast"]:
        assert text in cover, text
    # the labels as the PDF's cover sets them, in a column of their own without a colon
    for label in ("Kommun:", "Status:", "Datum:", "Kontaktperson:"):
        assert label not in cover, label
    footers = [" ".join(p.text for p in s.footer.paragraphs) for s in word.sections]
    assert footers[0].startswith("UTKAST · Byköpings bibliotek")
    assert word.core_properties.content_status == "Utkast"
    assert word.core_properties.version == "0.9"


def test_web_page_and_markdown_carry_the_document_information(draft: dict[str, Path]) -> None:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    page = draft["plan.html"].read_text(encoding="utf-8")
    reader = Text()
    reader.feed(page.split("</header>", 1)[0])
    cover = _words(" ".join(reader.parts))
    for text in [*DOCUMENT_INFORMATION, "UTKAST"]:
        assert text in cover, text
    assert '<strong class="status-mark">UTKAST</strong>' in page
    markdown = draft["plan.md"].read_text(encoding="utf-8")
    assert "**UTKAST**" in markdown and "Diarienummer: KFN 2010/148" in markdown


def test_an_adopted_plan_has_no_draft_mark(tmp_path: Path) -> None:
    text = _kalmar(status="adopted", version='"1.0"').replace(
        "  decided_by: Kultur- och fritidsnämnden",
        "  decided_by: Kultur- och fritidsnämnden\n  decided_on: 2010-12-14",
    )
    files = _export(tmp_path, text, "pdf,docx")
    pages = _pdf_pages(files["plan.pdf"])
    assert not any("UTKAST" in page for page in pages)
    assert "Fastställd av Kultur- och fritidsnämnden" in pages[0]
    assert "Fastställd 2010-12-14" in pages[0]
    assert "Status Fastställd" in pages[0]
    word = klusterplan.testing.open_word(files["plan.docx"].read_bytes())
    assert word.core_properties.content_status == "Fastställd"
    assert "UTKAST" not in " ".join(p.text for p in word.paragraphs)


def test_english_cover_says_draft(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_kalmar(), encoding="utf-8")
    out = tmp_path / "plan.pdf"
    result = CliRunner().invoke(main, ["export", str(plan), "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = _pdf_pages(out)
    assert "DRAFT" in pages[0] and "Status Draft" in pages[0]
    assert "To be adopted by Kultur- och fritidsnämnden" in pages[0]
    assert "Contact person Anna Bergström" in pages[0]
    assert pages[1].startswith("DRAFT · ") or "DRAFT · Byköpings bibliotek" in pages[1]


def test_a_plan_without_document_information_shows_the_default_type(tmp_path: Path) -> None:
    text = _example_text()
    start, end = text.index("\ndocument:"), text.index("\norganisation:")
    files = _export(tmp_path, text[:start] + "\n" + text[end:], "pdf")
    cover = _pdf_pages(files["plan.pdf"])[0]
    assert "Dokumenttyp Kommunikationsplan" in cover
    for absent in ("UTKAST", "Version", "Diarienummer", "Kontaktperson"):
        assert absent not in cover


@pytest.mark.parametrize("status", ["godkänd", "final"])
def test_a_status_that_is_not_one_stops_with_the_allowed_values(
    tmp_path: Path, status: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_kalmar(status=status), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(plan), "-o", str(tmp_path / "plan.pdf")])
    assert result.exit_code == 2
    assert f"plan.yaml:{_line(plan, 'status:')}: document.status" in result.output
    assert (
        "draft, review, adopted" in result.output and "utkast, remiss, fastställd" in result.output
    )
    assert repr(status) in result.output
    assert not (tmp_path / "plan.pdf").exists()


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(text))


def test_swedish_status_names_load() -> None:
    plan = klusterplan.loads(_kalmar(status="fastställd"), "yaml")
    assert plan.document.status is klusterplan.DocumentStatus.ADOPTED
    plan = klusterplan.loads(_kalmar(status="remiss"), "yaml")
    assert plan.document.status is klusterplan.DocumentStatus.REVIEW


# -- the logo: top right, on the text edge, the same size in every format ---------------


def _logo_boxes(data: bytes, pages: int = 2) -> list[tuple[float, float, float, float]]:
    """(left, right, top, width) in millimetres of the first picture on each page."""
    import pdfplumber

    boxes = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:pages]:
            image: Any = min(page.images, key=lambda i: i["top"])
            boxes.append(
                (
                    image["x0"] / MM,
                    (page.width - image["x1"]) / MM,
                    image["top"] / MM,
                    (image["x1"] - image["x0"]) / MM,
                )
            )
    return boxes


def _word_pdf(docx: Path, folder: Path) -> bytes:
    return printed(docx, folder / "word")


def test_the_logo_sits_top_right_alike_in_pdf_tagged_pdf_and_word(
    draft: dict[str, Path], tmp_path: Path
) -> None:
    pytest.importorskip("typst")
    pdf = _logo_boxes(draft["plan.pdf"].read_bytes())
    tagged = _logo_boxes(draft["plan.ua.pdf"].read_bytes())
    word = _logo_boxes(_word_pdf(draft["plan.docx"], tmp_path))
    # the cover: 32 mm wide (Kalmar's logo), its right edge on the 20 mm margin, its top
    # 10 mm from the page's edge; after it: 9 mm high at the same place
    cover = pdf[0]
    assert cover[1] == pytest.approx(20, abs=0.3)
    assert cover[2] == pytest.approx(10, abs=0.3)
    assert cover[3] == pytest.approx(32, abs=0.3)
    assert cover[0] > 105, "the logo stands at the right"
    for other in (tagged, word):
        for mine, theirs in zip(pdf, other, strict=True):
            assert theirs == pytest.approx(mine, abs=1.0)


def test_the_web_page_sets_the_logo_at_the_right(draft: dict[str, Path]) -> None:
    page = draft["plan.html"].read_text(encoding="utf-8")
    assert (
        ".cover img { display: block; max-width: 40%; height: auto; margin: 0 0 1rem auto; }"
        in (page)
    )
    assert 'style="width: 32mm"' in page


# -- Word import: the cover's document information reads back ----------------------------


def test_document_information_typed_in_word_reads_back(
    draft: dict[str, Path], tmp_path: Path
) -> None:
    word = open_word(draft["plan.docx"])
    type_into(word, "document.version", "1.0")
    type_into(word, "document.status", "Fastställd")
    type_into(word, "document.contact.phone", "0480-45 12 34")
    type_into(word, "document.reference", "KFN 2011/7")
    path = save(word, tmp_path / "edited.docx")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "back.yaml")])
    assert result.exit_code == 0, result.output
    plan = klusterplan.load(tmp_path / "back.yaml")
    assert plan.document.version == "1.0"
    assert plan.document.status is klusterplan.DocumentStatus.ADOPTED
    assert plan.document.contact.phone == "0480-45 12 34"
    assert plan.document.contact.name == "Anna Bergström"
    assert plan.document.reference == "KFN 2011/7"
    assert plan.document.decided_by == "Kultur- och fritidsnämnden"


def test_document_information_reads_back_after_libreoffice(
    draft: dict[str, Path], tmp_path: Path
) -> None:
    convert([draft["plan.docx"]], tmp_path / "lo", to="docx")
    result = klusterplan.read_word(tmp_path / "lo" / "plan.docx")
    assert result.plan.document == result.base.document
    assert not [n for n in result.notices if "document" in n.path or "Dokument" in n.message]
