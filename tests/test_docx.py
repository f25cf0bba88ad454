"""The Word export, read back with python-docx: structure, metadata, determinism."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.oxml.ns import qn

import klusterplan
from klusterplan import ExportOptions, Language, PlanError, build_document, export, testing
from klusterplan.branding import Branding, Logo
from klusterplan.document import Chart, Document, Table
from klusterplan.hookspecs import hookimpl
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

SNAPSHOTS = Path(__file__).parent / "snapshots"
PNG = (Path(__file__).parents[1] / "plugins/kalmar/klusterplan_kalmar/logo.png").read_bytes()


def _export(plan: klusterplan.Plan, options: ExportOptions | None = None, **kw: Any) -> bytes:
    stream = io.BytesIO()
    export(plan, "docx", stream, options, **kw)
    return stream.getvalue()


def _open(data: bytes) -> Any:
    return testing.open_word(data)


def _headings(word: Any) -> list[tuple[int, str]]:
    out = []
    for p in word.paragraphs:
        name = p.style.name
        if name.startswith("Heading "):
            out.append((int(name.split()[1]), p.text))
    return out


def _tables(document: Document) -> list[Table]:
    """Every table of the document, a chart's table among them."""
    blocks = [b for s in (*document.front, *document.sections) for b in s.blocks]
    return [b.table if isinstance(b, Chart) else b for b in blocks if isinstance(b, Table | Chart)]


def _outline(word: Any) -> str:
    return "".join(f"{'  ' * (level - 1)}{title}\n" for level, title in _headings(word))


@pytest.fixture
def exported(example: klusterplan.Plan) -> Any:
    return _open(_export(example))


def test_headings_follow_the_document(example: klusterplan.Plan, exported: Any) -> None:
    document = build_document(example)
    expected = [(s.level, s.title) for s in (*document.front, *document.sections)]
    assert _headings(exported) == expected
    levels = [level for level, _ in expected]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), "skipped level"
    assert exported.paragraphs[1].style.name == "Title"
    assert exported.paragraphs[1].text == "Lokal kommunikationsplan"


def test_outline_matches_snapshot(exported: Any) -> None:
    snapshot = SNAPSHOTS / "docx_outline_example.txt"
    assert _outline(exported) == snapshot.read_text(encoding="utf-8")


def test_tables_hold_headers_rows_and_cells(example: klusterplan.Plan, exported: Any) -> None:
    expected = _tables(build_document(example))
    # the centre matrix is a table too, without a header row
    tables = [t for t in exported.tables if t._tbl.find(f".//{qn('w:tblHeader')}") is not None]
    assert len(tables) == len(expected)
    for table, block in zip(tables, expected, strict=True):
        rows = [[c.text for c in r.cells] for r in table.rows]
        assert tuple(rows[0]) == block.headers
        body = [*block.rows, block.footer] if block.footer else list(block.rows)
        assert len(rows) == len(body) + 1
        for got, want in zip(rows[1:], body, strict=True):
            assert [g.replace("\n\n", "\n") for g in got] == [
                w.strip().replace("\n\n", "\n") for w in want
            ]


def test_action_tables_have_the_workbooks_columns(exported: Any) -> None:
    headers = [[c.text for c in t.rows[0].cells] for t in exported.tables]
    # the first column says what it holds, not the heading above the table again
    rows = [h for h in headers if "Organisatoriska konsekvenser" in h]
    assert len(rows) == 2
    for row in rows:
        assert "Möjliga omgående åtgärder" not in row and "Att göra på längre sikt" not in row
        assert row[1:] == [
            "Åtgärd",
            "Organisatoriska konsekvenser",
            "Kommunikativa konsekvenser",
            "Ansvar och roller",
            "Målgrupper",
            "Klart senast",
            "Status",
        ]


def test_header_rows_repeat_and_rows_do_not_split(exported: Any) -> None:
    for table in exported.tables:
        rows = table._tbl.findall(qn("w:tr"))
        for row in rows:
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        header = rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
        # the matrix and the staircase are figures, not tables of data: no header row
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        figure = caption is not None and caption.get(qn("w:val")).startswith("Målgrupperna")
        assert header is not None or figure


def test_lists_are_real_word_lists(exported: Any) -> None:
    items = [p for p in exported.paragraphs if p.style.name in ("List Bullet", "List Number")]
    assert len(items) > 20
    assert all(p._p.pPr.numPr is not None for p in items)


def test_core_properties_and_language(example: klusterplan.Plan, exported: Any) -> None:
    props = exported.core_properties
    assert props.title == "Lokal kommunikationsplan – Byköpings bibliotek"
    assert props.author == example.library.author
    assert props.subject == "Bibliotekets lokala marknadskommunikation"
    assert "Låna dig rik" in props.keywords
    assert props.language == "sv-SE"
    assert props.created.date() == example.library.date
    lang = exported.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "sv-SE"


def test_english(example: klusterplan.Plan) -> None:
    word = _open(_export(example, ExportOptions(language=Language.EN)))
    assert word.core_properties.language == "en-GB"
    titles = [t for _, t in _headings(word)]
    assert "Our prioritised target groups" in titles
    assert "Possible immediate actions" in titles
    lang = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "en-GB"


def test_footer_has_library_and_page_numbers(exported: Any) -> None:
    footer = exported.sections[0].footer
    assert "Byköpings bibliotek" in footer.paragraphs[0].text
    codes = " ".join(t.text for t in footer._element.iter(qn("w:instrText")))
    assert "PAGE" in codes and "NUMPAGES" in codes


def test_table_of_contents_field(example: klusterplan.Plan, exported: Any) -> None:
    body = exported.element.body
    codes = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(c.strip().startswith("TOC") for c in codes)
    # saved with its entries: each links to its heading, so every viewer can use it
    # the last text of each is its page number
    links = [
        (h.get(qn("w:anchor")), "".join(t.text for t in list(h.iter(qn("w:t")))[:-1]))
        for h in body.iter(qn("w:hyperlink"))
    ]
    numbers = [list(h.iter(qn("w:t")))[-1].text for h in body.iter(qn("w:hyperlink"))]
    assert all(n.isdigit() for n in numbers)
    assert [int(n) for n in numbers] == sorted(int(n) for n in numbers)
    document = build_document(example)
    # the summary before the contents is listed first
    wanted = [s.title for s in (*document.front, *document.sections) if s.level <= 2]
    assert wanted[0] == "Sammanfattning"
    assert [title for _, title in links] == wanted
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert all(anchor in marks for anchor, _ in links)
    headings = {
        p._p.find(qn("w:bookmarkStart")).get(qn("w:name")): p.text
        for p in exported.paragraphs
        if p.style.name.startswith("Heading") and p._p.find(qn("w:bookmarkStart")) is not None
    }
    assert all(headings[anchor] == title for anchor, title in links)
    # and Word does not ask to update fields each time the document is opened
    assert exported.settings.element.find(qn("w:updateFields")) is None


def test_page_is_a4(exported: Any) -> None:
    section = exported.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_same_plan_same_bytes(example: klusterplan.Plan) -> None:
    first = _export(example)
    assert _export(example) == first
    dates = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert dates == {(1980, 1, 1, 0, 0, 0)}


def test_date_from_source_date_epoch(
    example: klusterplan.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = attrs.evolve(example, library=attrs.evolve(example.library, date=None))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    word = _open(_export(plan))
    assert word.core_properties.created.date().isoformat() == "2023-11-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert _export(plan) == _export(plan)


def test_large_print(example: klusterplan.Plan) -> None:
    data = _export(example, ExportOptions(large_print=True))
    word = _open(data)
    assert word.styles["Normal"].font.size.pt >= 16
    for name in ("List Bullet", "List Number", "Quote", "Heading 3"):
        size = word.styles[name].font.size
        assert size is None or size.pt >= 16
    sizes = {int(e.get(qn("w:val"))) for e in word.element.body.iter(qn("w:sz"))}
    sizes.discard(4)  # border widths share the element name only in pBdr, not here
    assert min(sizes) >= 32, sizes


def test_control_characters_become_breaks_and_notices(example: klusterplan.Plan) -> None:
    group = example.target_groups[0]
    assert group.persona is not None
    persona = attrs.evolve(group.persona, story="Första raden\vandra raden\x07 slut\fsida")
    plan = attrs.evolve(
        example,
        target_groups=(attrs.evolve(group, persona=persona), *example.target_groups[1:]),
    )
    stream = io.BytesIO()
    notices = export(plan, "docx", stream)
    paths = {n.path for n in notices}
    assert paths == {"target_groups[0].persona.story"}
    assert any("U+000B" in n.message and "line break" in n.message for n in notices)
    assert any("U+0007" in n.message and "left out" in n.message for n in notices)
    text = "\n".join(p.text for p in _open(stream.getvalue()).paragraphs)
    assert "Första raden\nandra raden slut\nsida" in text


def _template(tmp_path: Path, drop: tuple[str, ...] = ()) -> Path:
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(176), docx.shared.Mm(250)
    section.header.paragraphs[0].text = "Byköpings kommun – mall"
    for name in drop:
        style = word.styles[name].element
        style.getparent().remove(style)
    path = tmp_path / "mall.docx"
    word.save(str(path))
    return path


def test_template_supplies_page_and_header(example: klusterplan.Plan, tmp_path: Path) -> None:
    word = _open(_export(example, ExportOptions(template=_template(tmp_path))))
    section = word.sections[0]
    assert round(section.page_width.mm) == 176
    assert section.header.paragraphs[0].text == "Byköpings kommun – mall"
    assert _headings(word)[:2] == [(1, "Sammanfattning"), (1, "Att göra")]


def test_template_without_styles_names_them(example: klusterplan.Plan, tmp_path: Path) -> None:
    template = _template(tmp_path, drop=("Quote", "Heading 2"))
    target = tmp_path / "plan.docx"
    with pytest.raises(PlanError) as caught:
        export(example, "docx", target, ExportOptions(template=template))
    message = str(caught.value)
    assert "mall.docx" in message and "'Quote'" in message and "'Heading 2'" in message
    assert not target.exists()


def test_template_error_in_the_command(run: Any, tmp_path: Path) -> None:
    template = _template(tmp_path, drop=("Subtitle",))
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "docx", "--template", str(template))
    assert result.exit_code == 2
    assert "'Subtitle'" in result.output
    assert not (tmp_path / "plan.docx").exists()


class _Brand:
    """A plugin with a logo, a footer line and a finishing touch."""

    @hookimpl
    def branding(self, plan: klusterplan.Plan, format: str) -> Branding:
        return Branding(logo=Logo(PNG, "Kommunens logotyp"), footer="Kultur och fritid")

    @hookimpl
    def docx_document(self, document: Any, plan: klusterplan.Plan, context: Any) -> None:
        document.add_paragraph("Tillagd av plugin")


def test_branding_and_document_hook(example: klusterplan.Plan) -> None:
    registry = Registry([*DEFAULT_PLUGINS, _Brand()], autoload=False)
    word = _open(_export(example, registry=registry))
    header = word.sections[0].header._element
    descriptions = [d.get("descr") for d in header.iter(qn("wp:docPr"))]
    assert descriptions == ["Kommunens logotyp"]
    assert "Kultur och fritid" in word.sections[0].footer.paragraphs[0].text
    assert word.paragraphs[-1].text == "Tillagd av plugin"
    assert not registry.failures


class _Bare:
    @hookimpl
    def docx_document(self, document: Any, plan: klusterplan.Plan, context: Any) -> None:
        document.add_picture(io.BytesIO(PNG))
        for doc_pr in document.element.body.iter(qn("wp:docPr")):
            doc_pr.attrib.pop("descr", None)


def test_picture_without_alt_text_is_reported(example: klusterplan.Plan) -> None:
    registry = Registry([*DEFAULT_PLUGINS, _Bare()], autoload=False)
    notices = export(example, "docx", io.BytesIO(), registry=registry)
    assert any("alt text" in n.message for n in notices)


def test_export_command_writes_docx(run: Any, tmp_path: Path) -> None:
    result = run("export", "--example", "--to", "docx", "--lang", "en", "--large-print")
    assert result.exit_code == 0, result.output
    word = testing.open_word(tmp_path / "example.docx")
    assert word.core_properties.language == "en-GB"


def test_importing_klusterplan_does_not_import_docx() -> None:
    code = (
        "import sys, klusterplan, klusterplan.plugins; klusterplan.plugins.get_registry();"
        "import klusterplan.exporters.docx; print('docx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_wide_action_tables_get_landscape_pages(exported: Any) -> None:
    from docx.enum.section import WD_ORIENT

    orientations = [s.orientation for s in exported.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert WD_ORIENT.LANDSCAPE in orientations
    assert orientations[-1] == WD_ORIENT.PORTRAIT
    # every section keeps the footer: the first defines it, the others inherit it
    assert "Byköpings bibliotek" in exported.sections[-1].footer.paragraphs[0].text


def test_page_number_sits_at_each_pages_right_margin(exported: Any) -> None:
    for section in exported.sections:
        text_width = (section.page_width - section.left_margin - section.right_margin) / 635
        (stops,) = section.footer._element.iter(qn("w:tabs"))
        (tab,) = stops
        assert tab.get(qn("w:val")) == "right"
        assert abs(int(tab.get(qn("w:pos"))) - text_width) <= 1
        assert "Byköpings bibliotek" in section.footer.paragraphs[0].text


def test_accessibility_checklist(example: klusterplan.Plan) -> None:
    """Title, language per run, heading levels, header rows and alt text, as a publisher checks."""
    registry = Registry([*DEFAULT_PLUGINS, _Brand()], autoload=False)
    word = _open(_export(example, ExportOptions(language=Language.EN), registry=registry))
    assert word.core_properties.title == "Local communication plan – Byköpings bibliotek"
    body = word.element.body
    # the plan's own text keeps its language in an English document
    langs = {el.get(qn("w:val")) for el in body.iter(qn("w:lang"))}
    assert "sv-SE" in langs
    levels = [level for level, _ in _headings(word)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    headed = [
        table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for table in word.tables
    ]
    # every data table has a header row; the centre matrix and the staircase are figures,
    # each with a caption and a description in words
    figures = [t for t, h in zip(word.tables, headed, strict=True) if not h]
    assert len(figures) == 2
    for table in figures:
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        assert caption is not None and caption.get(qn("w:val"))
    pictures = [
        d.get("descr")
        for part in (word.part, word.sections[0].header.part)
        for d in part.element.iter(qn("wp:docPr"))
    ]
    assert pictures and all(pictures)


def test_overlong_document_properties_are_shortened_with_a_notice(
    example: klusterplan.Plan,
) -> None:
    name = "Stadsbiblioteket " * 40  # 680 characters: more than Word keeps in a property
    library = attrs.evolve(example.library, name=name.strip(), author="Å" * 300)
    plan = attrs.evolve(example, library=library)
    stream = io.BytesIO()
    notices = export(plan, "docx", stream)
    props = _open(stream.getvalue()).core_properties
    assert len(props.title) == 255 and props.title.endswith("…")
    assert props.author == "Å" * 254 + "…"
    messages = [n.message for n in notices]
    assert any("property title" in m and "shortened to 255" in m for m in messages)
    assert any("property author is 300 characters long" in m for m in messages)
    # the name itself is whole in the text
    assert name.strip() in "\n".join(p.text for p in _open(stream.getvalue()).paragraphs)


class _Looks:
    """A plugin that looks at the document: the export builds python-docx's whole tree."""

    @hookimpl
    def docx_document(self, document: Any, plan: klusterplan.Plan, context: Any) -> None:
        pass


def _parts(data: bytes) -> dict[str, bytes]:
    """The package's parts, XML in canonical form; the plan part's JSON alone."""
    from lxml import etree

    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            blob = package.read(name)
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(blob)
                # a looked-at document also stores its paragraphs' digests, and so its id
                if root.tag == "{urn:klusterplan:plan:1}plan":
                    blob = (root.text or "").encode()
                elif root.tag.endswith("datastoreItem"):
                    blob = b"datastoreItem"
                else:
                    blob = etree.tostring(root, method="c14n")
            out[name] = blob
    return out


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(workbook=True),
        ExportOptions(large_print=True, language=Language.EN),
    ],
    ids=["plan", "workbook", "large-print-english"],
)
def test_without_a_plugin_the_same_package_as_python_docx_builds(
    example: klusterplan.Plan, options: ExportOptions
) -> None:
    # with no plugin looking, the body is kept as text and the house parts as bytes
    looked = _export(
        example, options, registry=Registry([*DEFAULT_PLUGINS, _Looks()], autoload=False)
    )
    plain = _export(example, options)
    assert _parts(plain) == _parts(looked)


class _Colour:
    @hookimpl
    def branding(self, plan: klusterplan.Plan, format: str) -> Branding:
        return Branding(primary_colour="#7A1F1F")


def _style_colour(data: bytes, name: str) -> str:
    return str(_open(data).styles[name].font.color.rgb)


def test_house_styles_follow_each_exports_colour_language_and_size(
    example: klusterplan.Plan,
) -> None:
    # the house package is made once a process for each of them, never shared across
    coloured = Registry([*DEFAULT_PLUGINS, _Colour()], autoload=False)
    assert _style_colour(_export(example, registry=coloured), "Title") == "7A1F1F"
    assert _style_colour(_export(example), "Title") == "1F4E79"
    english = _open(_export(example, ExportOptions(language=Language.EN)))
    swedish = _open(_export(example))
    lang = qn("w:lang")
    tags = [
        w.styles.element.find(qn("w:docDefaults")).find(f".//{lang}").get(qn("w:val"))
        for w in (english, swedish)
    ]
    assert tags == ["en-GB", "sv-SE"]
    large = _open(_export(example, ExportOptions(large_print=True)))
    assert large.styles["Normal"].font.size.pt >= 16 > swedish.styles["Normal"].font.size.pt
