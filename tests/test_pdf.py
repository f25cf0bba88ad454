"""The PDF export, read back with pypdf: structure, text, fonts, determinism, hostile text."""

from __future__ import annotations

import builtins
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pypdf
import pytest
from click.testing import Result

import klusterplan
from klusterplan import ExportOptions, Language, Notice, PlanError
from klusterplan.branding import Branding, Logo
from klusterplan.model import Action, Horizon, Persona
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

BASE_14 = {
    "Courier",
    "Helvetica",
    "Times-Roman",
    "Times",
    "Symbol",
    "ZapfDingbats",
}


def _pdf(
    plan: klusterplan.Plan,
    options: ExportOptions | None = None,
    registry: Registry | None = None,
) -> tuple[bytes, list[Notice]]:
    out = io.BytesIO()
    notices = klusterplan.export(plan, "pdf", out, options, registry=registry)
    return out.getvalue(), notices


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _outline(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


def _fonts(reader: pypdf.PdfReader) -> dict[str, Any]:
    pages: list[Any] = list(reader.pages)
    return {
        str(font.get_object()["/BaseFont"]): font.get_object()
        for page in pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def _content(page: Any) -> bytes:
    """The page's drawing operators."""
    data: bytes = page.get_contents().get_data()
    return data


def _images(reader: pypdf.PdfReader) -> int:
    count = 0
    pages: list[Any] = list(reader.pages)
    for page in pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


@pytest.fixture(scope="module")
def example_pdf() -> bytes:
    return _pdf(klusterplan.example())[0]


def test_importing_klusterplan_does_not_import_reportlab() -> None:
    code = (
        "import sys, klusterplan, klusterplan.plugins\n"
        "registry = klusterplan.plugins.Registry(autoload=False)\n"
        "assert 'pdf' in registry.exporters()\n"
        "assert not [m for m in sys.modules if m.startswith('reportlab')], 'reportlab imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pages_metadata_and_language(example_pdf: bytes, example: klusterplan.Plan) -> None:
    reader = _reader(example_pdf)
    assert len(reader.pages) >= 15
    meta: Any = reader.metadata
    assert meta is not None and example.library.date is not None
    assert meta.title == f"Lokal kommunikationsplan – {example.library.name}"
    assert meta.author == example.library.author
    assert meta.subject == "Bibliotekets lokala marknadskommunikation"
    assert "Låna dig rik" in str(meta["/Keywords"])
    assert meta["/CreationDate"].startswith("D:" + example.library.date.strftime("%Y%m%d"))
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_outline_has_every_section_and_target_group(
    example_pdf: bytes, example: klusterplan.Plan
) -> None:
    outline = _outline(_reader(example_pdf))
    titles = [title for _, title in outline]
    document = klusterplan.build_document(example)
    for section in document.sections:
        assert (section.level - 1, section.title.replace("→", "–›")) in outline
    for group in example.target_groups:
        assert group.name in titles
    assert titles[:3] == ["Lokal kommunikationsplan", "Sammanfattning", "Innehåll"]


def test_text_is_extractable_with_page_numbers(
    example_pdf: bytes, example: klusterplan.Plan
) -> None:
    reader = _reader(example_pdf)
    text = _text(reader)
    assert "Låna dig rik" in text
    assert "Byköpings bibliotek" in text
    for word in (
        "Våra prioriterade målgrupper",
        "Möjliga omgående åtgärder",
        "Våra kärnvärden och löfte",
    ):
        assert word in text
    total = len(reader.pages)
    assert f"Sida 3 av {total}" in reader.pages[2].extract_text()
    assert example.library.name in reader.pages[2].extract_text()
    # the one-page summary, then the table of contents with page numbers
    assert "Sammanfattning" in reader.pages[1].extract_text()
    assert "Innehåll" in reader.pages[2].extract_text()


def test_contents_and_bookmarks_point_at_the_headings_pages(example_pdf: bytes) -> None:
    reader = _reader(example_pdf)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    entries: list[tuple[str, int, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None, item.title
                entries.append((" ".join(item.title.split()), page, depth))

    walk(reader.outline, 0)
    levels = klusterplan.build_document(klusterplan.example()).contents_levels
    assert max(depth for _, _, depth in entries) == levels  # deeper headings are bookmarked
    # the title page, the summary, the contents
    assert [page for _, page, _ in entries[:3]] == [0, 1, 2]
    for title, page, _ in entries:
        assert title in pages[page], f"bookmark {title!r} leads to page {page + 1}"
    # each contents line ends in the page its heading is on, in the same order
    contents = " ".join(pages[2:5])
    position = contents.index("Innehåll")
    for title, page, depth in entries[3:]:
        if depth >= levels:
            assert title not in contents[position : position + 200]
            continue
        position = contents.index(title, position) + len(title)
        number = re.match(r"[\s.]*(\d+)", contents[position:])
        assert number is not None, f"no page number after {title!r}"
        assert int(number.group(1)) == page + 1, title
        position += number.end()


def _landscape(page: pypdf.PageObject) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


def _footer_x(page: pypdf.PageObject, footer: str) -> float:
    """Where the text run holding ``footer`` starts on the page."""
    found: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if footer in text:
            found.append(float(cm[4]) + float(tm[4]))

    page.extract_text(visitor_text=visit)
    assert found, f"{footer!r} not on the page"
    return found[0]


def test_action_tables_are_on_landscape_pages(example_pdf: bytes) -> None:
    reader = _reader(example_pdf)
    # The action tables' header row, repeated on each page they cover.
    actions = [i for i, p in enumerate(reader.pages) if "Organisatoriska" in p.extract_text()]
    assert len(actions) >= 2
    for i, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(min(width, height)), round(max(width, height))) == (595, 842)  # A4
        assert _landscape(page) == (i in actions), f"page {i + 1}"
    for i in actions:
        # On a landscape page the columns are wide enough for every header word,
        # which a portrait page broke in the middle.
        lines = reader.pages[i].extract_text().splitlines()
        for word in ("Organisatoriska", "Kommunikativa", "konsekvenser", "Målgrupper"):
            assert any(word in line.split() for line in lines), word
    # The chapter goes whole: its heading is on the first landscape page.
    assert reader.pages[actions[0]].extract_text().startswith("Att göra")


def test_every_page_but_the_title_has_its_footer_at_its_own_right_margin(
    example_pdf: bytes,
) -> None:
    reader = _reader(example_pdf)
    total = len(reader.pages)
    assert any(_landscape(p) for p in reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        footer = f"Sida {number} av {total}"
        assert footer in page.extract_text()
        # Right-aligned at the page's right margin (20 mm), whatever the page's width.
        room = float(page.mediabox.width) - _footer_x(page, footer)
        assert 20 * 72 / 25.4 < room < 120, f"page {number}: {room:.0f} pt from the edge"


def test_landscape_pages_carry_the_header_logo(example: klusterplan.Plan) -> None:
    registry = Registry(plugins=[*DEFAULT_PLUGINS, _BrandingPlugin()], autoload=False)
    reader = _reader(_pdf(example, registry=registry)[0])
    wide = [p for p in reader.pages if _landscape(p)]
    assert wide
    for page in wide:
        images = list(page.images)
        assert images, "no header logo on a landscape page"
        assert "Ett samarbete i Kluster Sydost" in page.extract_text()


def test_votes_chart_comes_with_its_table(example_pdf: bytes, example: klusterplan.Plan) -> None:
    reader = _reader(example_pdf)
    page = next(p for p in reader.pages if "Röster på dialogforum" in p.extract_text())
    text = page.extract_text()
    for group in example.target_groups:
        assert group.name[:20] in text
    # the chart is vector graphics (filled bars), not a picture
    assert _images(reader) == 0


def test_fonts_are_embedded_and_never_base_14(example_pdf: bytes) -> None:
    fonts = _fonts(_reader(example_pdf))
    assert fonts
    for name, font in fonts.items():
        assert name.split("+")[-1] not in BASE_14
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0]["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"


def test_same_plan_same_bytes(example: klusterplan.Plan, tmp_path: Path) -> None:
    klusterplan.export(example, "pdf", tmp_path / "a.pdf")
    klusterplan.export(example, "pdf", tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_english(example: klusterplan.Plan) -> None:
    reader = _reader(_pdf(example, ExportOptions(language=Language.EN))[0])
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert f"Page 3 of {len(reader.pages)}" in reader.pages[2].extract_text()
    assert [t for _, t in _outline(reader)][:3] == [
        "Local communication plan",
        "Summary",
        "Contents",
    ]


def test_large_print(example: klusterplan.Plan, example_pdf: bytes) -> None:
    data = _pdf(example, ExportOptions(large_print=True))[0]
    reader = _reader(data)
    assert len(reader.pages) > len(_reader(example_pdf).pages)
    body = _content(reader.pages[3])
    assert b" 16 Tf" in body
    # the wide tables become one record a row, which fit portrait pages
    assert not [p for p in reader.pages if _landscape(p)]
    assert "Organisatoriska konsekvenser" in _text(reader)
    assert "Låna dig rik" in _text(reader)


def test_long_texts_flow_across_pages(example: klusterplan.Plan) -> None:
    story = " ".join(f"Mening {i} om Göran och biblioteket." for i in range(700))
    assert len(story) > 20_000
    group = attrs.evolve(
        example.target_groups[0],
        persona=attrs.evolve(example.target_groups[0].persona or Persona(), story=story),
    )
    actions = [
        Action(horizon=Horizon.IMMEDIATE, what=f"Åtgärd nummer {i}", responsible="Anna")
        for i in range(200)
    ]
    actions.append(Action(horizon=Horizon.LONG_TERM, what="x " * 10_000))
    plan = attrs.evolve(
        example, target_groups=(group, *example.target_groups[1:]), actions=tuple(actions)
    )
    reader = _reader(_pdf(plan)[0])
    text = " ".join(_text(reader).split())
    assert "Mening 699 om Göran" in text
    assert "Åtgärd nummer 199" in text
    # the header row repeats on each page the action table covers
    # (the summary names the first few actions too, in a table of its own)
    body = list(reader.pages)[3:]
    pages = [p.extract_text() for p in body if "Åtgärd nummer" in p.extract_text()]
    assert len(pages) > 3
    assert all("Organisatoriska" in p for p in pages)


@pytest.mark.parametrize("large_print", [False, True])
def test_very_long_name_flows_in_headings_chart_and_tables(
    example: klusterplan.Plan, large_print: bool
) -> None:
    name = "Ett mycket långt målgruppsnamn " * 250
    group = attrs.evolve(example.target_groups[0], name=name.strip())
    plan = attrs.evolve(example, target_groups=(group, *example.target_groups[1:]))
    out = io.BytesIO()
    klusterplan.export(plan, "pdf", out, ExportOptions(large_print=large_print))
    reader = _reader(out.getvalue())
    assert len(reader.pages) > len(_reader(_pdf(example)[0]).pages)
    assert "Den identitetsökande tonåringen" in _text(reader)


HOSTILE = [
    '<b>Anna</b> & <img src="/etc/passwd"/>',
    '<font color="[[[' + "[" * 50 + '">Bertil',
    "<b>unclosed <i>tags & <para",
    '<a href="file:///etc/passwd">länk</a> <link href="http://example.invalid/">x</link>',
    "&amp; &lt; &#0; &nbsp; ]]> <![CDATA[x]]>",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_appears_as_typed_and_opens_nothing(
    name: str, example: klusterplan.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportlab.lib.utils as rl_utils

    opened: list[str] = []
    real_open = builtins.open
    real_open_for_read = rl_utils.open_for_read

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_open_for_read(name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(name))
        return real_open_for_read(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(rl_utils, "open_for_read", spy_open_for_read)
    group = example.target_groups[0]
    persona = attrs.evolve(group.persona or Persona(), name=name, quote=name)
    plan = attrs.evolve(
        example,
        target_groups=(attrs.evolve(group, name=name, persona=persona), *example.target_groups[1:]),
    )
    data, _ = _pdf(plan)
    reader = _reader(data)
    text = _text(reader)
    assert name.split("\n")[0][:40] in text.replace("\n", " ") or name[:30] in text
    assert any(title.startswith(name[:30]) for _, title in _outline(reader))
    assert not [f for f in opened if "passwd" in f or "example.invalid" in f]
    assert _images(reader) == 0
    assert b"/URI" not in data and b"/Launch" not in data


def test_hostile_name_exact_text(example: klusterplan.Plan) -> None:
    name = '<b>Anna</b> & <img src="/etc/passwd"/>'
    group = attrs.evolve(example.target_groups[0], name=name)
    plan = attrs.evolve(example, target_groups=(group, *example.target_groups[1:]))
    text = _text(_reader(_pdf(plan)[0]))
    assert name in text


def test_missing_glyph_names_character_and_path(example: klusterplan.Plan) -> None:
    group = example.target_groups[0]
    persona = attrs.evolve(group.persona or Persona(), name="Máret نوجوانان")
    plan = attrs.evolve(
        example, target_groups=(attrs.evolve(group, persona=persona), *example.target_groups[1:])
    )
    with pytest.raises(PlanError) as info:
        _pdf(plan)
    message = str(info.value)
    assert "U+0646" in message
    assert "target_groups[0].persona.name" in message
    assert "pdf.fallback_font" in message


def test_missing_glyph_on_the_command_line(run: Callable[..., Result], tmp_path: Path) -> None:
    plan = klusterplan.example()
    group = attrs.evolve(plan.target_groups[1], name="Ungdomar نوجوانان")
    klusterplan.dump(
        attrs.evolve(plan, target_groups=(plan.target_groups[0], group, *plan.target_groups[2:])),
        tmp_path / "plan.yaml",
    )
    result = run("export", "plan.yaml", "--to", "pdf")
    assert result.exit_code == 2
    assert "target_groups[1].name" in result.output
    assert not (tmp_path / "plan.pdf").exists()


def _make_font(path: Path, family: str, chars: str) -> Path:
    """A real TrueType font with a box glyph for each of ``chars``, made with fontTools."""
    from fontTools.fontBuilder import FontBuilder  # type: ignore[import-untyped]
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped]

    names = {ord(c): f"uni{ord(c):04X}" for c in chars}
    order = [".notdef", "space", *names.values()]
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((500, 700))
    pen.lineTo((500, 0))
    pen.closePath()
    box = pen.glyph()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({32: "space", **names})
    builder.setupGlyf({name: box for name in order} | {"space": TTGlyphPen(None).glyph()})
    builder.setupHorizontalMetrics({name: (600, 100) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": "Regular", "psName": family})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_fallback_font_prints_sami_and_arabic(run: Callable[..., Result], tmp_path: Path) -> None:
    name = "Máret Ŋuolja نوجوانان"
    fallback = _make_font(tmp_path / "fallback.ttf", "KPFallback", "نوجوانان")
    plan = klusterplan.example()
    group = attrs.evolve(plan.target_groups[0], name=name)
    klusterplan.dump(
        attrs.evolve(plan, target_groups=(group, *plan.target_groups[1:])), tmp_path / "plan.yaml"
    )
    result = run("export", "plan.yaml", "--to", "pdf")
    assert result.exit_code == 2  # without a fallback, the missing letters are named
    assert "'ن' (U+0646 ARABIC LETTER NOON)" in result.output
    assert "target_groups[0].name" in result.output
    result = run("export", "plan.yaml", "--to", "pdf", "--option", f"pdf.fallback_font={fallback}")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(tmp_path / "plan.pdf")
    assert "Ŋuolja" in _text(reader)  # the house typeface has the Sámi letters
    assert any("KPFallback" in font for font in _fonts(reader))


def test_unusable_font_option_is_an_error(run: Callable[..., Result]) -> None:
    result = run("export", "--example", "--to", "pdf", "--option", "pdf.font=/no/such.ttf")
    assert result.exit_code == 2
    assert "/no/such.ttf" in result.output


def test_control_characters_are_left_out_with_a_notice(example: klusterplan.Plan) -> None:
    group = attrs.evolve(example.target_groups[0], description="Rad ett\x07 och\x00 två")
    plan = attrs.evolve(example, target_groups=(group, *example.target_groups[1:]))
    data, notices = _pdf(plan)
    assert any(n.path.startswith("target_groups[0].description") for n in notices)
    assert "Rad ett och två" in _text(_reader(data))


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


class _BrandingPlugin:
    @klusterplan.hookimpl
    def branding(self, plan: klusterplan.Plan, format: str) -> Branding | None:
        return Branding(
            logo=Logo(_png(), "Kommunens vapen i rött", width_mm=40),
            primary_colour="#00FF00",
            accent_colour="#0000FF",
            footer="Ett samarbete i Kluster Sydost",
        )


def test_branding_logo_colours_and_footer(example: klusterplan.Plan) -> None:
    registry = Registry(plugins=[*DEFAULT_PLUGINS, _BrandingPlugin()], autoload=False)
    data, _ = _pdf(example, registry=registry)
    reader = _reader(data)
    assert _images(reader) >= 1
    text = _text(reader)
    assert "Kommunens vapen i rött" in text  # the logo's alt text
    assert "Ett samarbete i Kluster Sydost" in reader.pages[3].extract_text()
    assert b"0 1 0 rg" in _content(reader.pages[0])  # the primary colour


def test_workbook_from_plan(example: klusterplan.Plan, tmp_path: Path) -> None:
    target = tmp_path / "workbook.pdf"
    klusterplan.export(example, "pdf", target, ExportOptions(workbook=True))
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) > 5
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert "Låna dig rik" in _text(reader)


def test_blank_workbook_has_ruled_lines() -> None:
    from reportlab.lib import colors

    from klusterplan._planfile.sanitise import plan_strings
    from klusterplan.exporters._pdf_fonts import FontFiles, check_text, load_fonts
    from klusterplan.exporters._pdf_layout import Look, render

    document = klusterplan.build_document(klusterplan.Plan(), mode=klusterplan.Mode.WORKBOOK)
    fonts = load_fonts(FontFiles.default())
    fonts = check_text(fonts, [t for _, t in plan_strings(document)], (), None)
    look = Look(fonts, Branding(), False, colors.HexColor("#1F4E79"), colors.HexColor("#C55A11"))
    data = render(document, look)
    reader = _reader(data)
    assert len(reader.pages) > 5
    # ruled writing lines are stroked line segments in the page content
    assert sum(_content(p).count(b" l S") for p in reader.pages) > 50


def test_spaces_the_font_lacks_print_as_spaces(example: klusterplan.Plan) -> None:
    # thin and em spaces come along with text pasted from word processors
    group = attrs.evolve(example.target_groups[0], name="Den\u3000oerfarne\u3000läsaren")
    plan = attrs.evolve(example, target_groups=(group, *example.target_groups[1:]))
    data, notices = _pdf(plan)
    assert "Den oerfarne läsaren" in _text(_reader(data))
    assert any(
        n.path == "target_groups[0].name"
        and "U+3000" in n.message
        and "printed as ' '" in n.message
        for n in notices
    )


def test_a_font_that_is_a_device_is_refused_not_read(tmp_path: Path) -> None:
    options = ExportOptions(settings={"pdf.font": "/dev/zero"})
    with pytest.raises(PlanError, match="font /dev/zero: not a font file"):
        klusterplan.export(klusterplan.example(), "pdf", io.BytesIO(), options)


def test_a_very_long_name_is_shortened_in_the_footer(example: klusterplan.Plan) -> None:
    plan = attrs.evolve(example, library=attrs.evolve(example.library, name="Å" * 32_000))
    stream = io.BytesIO()
    klusterplan.export(plan, "pdf", stream)
    footer = pypdf.PdfReader(stream).pages[1].extract_text().splitlines()
    # the example is a draft: its mark stands before the name
    shortened = [line for line in footer if line.startswith("UTKAST · ÅÅÅ") and "…" in line]
    assert shortened and len(shortened[0]) < 200
