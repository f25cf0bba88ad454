"""Kalmar's look: logo with alt text in the header, colours and a footer line."""

from __future__ import annotations

import io
from importlib import resources
from typing import Any

import attrs
import pytest
from docx.oxml.ns import qn
from klusterplan_kalmar import plugin
from klusterplan_kalmar.branding import FOOTER_LINE, LOGO_ALT_TEXT, branding

import klusterplan
from klusterplan import testing
from klusterplan.plugins import DEFAULT_PLUGINS, Registry


@pytest.fixture
def kalmar_plan() -> klusterplan.Plan:
    plan = klusterplan.example()
    library = attrs.evolve(plan.library, name="Kalmar stadsbibliotek", municipality="Kalmar kommun")
    return attrs.evolve(plan, library=library)


def _word(plan: klusterplan.Plan) -> Any:
    registry = Registry([*DEFAULT_PLUGINS, plugin], autoload=False)
    stream = io.BytesIO()
    klusterplan.export(plan, "docx", stream, registry=registry)
    assert not registry.failures
    return testing.open_word(stream.getvalue())


def test_logo_is_a_real_png_shipped_with_the_package() -> None:
    data = (resources.files("klusterplan_kalmar") / "logo.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_branding_only_for_kalmar(kalmar_plan: klusterplan.Plan) -> None:
    assert branding(klusterplan.example(), "docx") is None
    chosen = branding(kalmar_plan, "pdf")
    assert chosen is not None and chosen.logo is not None
    assert chosen.logo.alt_text == LOGO_ALT_TEXT


def test_word_document_has_logo_and_footer_line(kalmar_plan: klusterplan.Plan) -> None:
    word = _word(kalmar_plan)
    section = word.sections[0]
    descriptions = [d.get("descr") for d in section.header._element.iter(qn("wp:docPr"))]
    assert descriptions == [LOGO_ALT_TEXT]
    # every section's footer, landscape ones too, has the library and the line; a
    # section linked to the one before it shows that one's footer
    assert len(word.sections) > 2
    shown = None
    for part in word.sections:
        if not part.footer.is_linked_to_previous:
            shown = " ".join(p.text for p in part.footer.paragraphs)
        assert shown is not None
        # the example is a draft: its mark stands first
        assert shown.startswith("UTKAST · Kalmar stadsbibliotek") and FOOTER_LINE in shown
    heading = word.styles["Heading 1"].font.color.rgb
    assert str(heading) == "00558C"


def test_pdf_has_the_footer_line_on_every_page(kalmar_plan: klusterplan.Plan) -> None:
    import pypdf

    registry = Registry([*DEFAULT_PLUGINS, plugin], autoload=False)
    stream = io.BytesIO()
    klusterplan.export(kalmar_plan, "pdf", stream, registry=registry)
    pages = pypdf.PdfReader(io.BytesIO(stream.getvalue())).pages
    # the cover has no footer; every other page has the line in full
    texts = [" ".join(p.extract_text().split()) for p in list(pages)[1:]]
    assert texts and all("www.kalmar.se" in t for t in texts)


def test_other_municipalities_keep_their_look() -> None:
    word = _word(klusterplan.example())
    section = word.sections[0]
    assert not list(section.header._element.iter(qn("wp:docPr")))
    assert FOOTER_LINE not in [p.text for p in section.footer.paragraphs]
