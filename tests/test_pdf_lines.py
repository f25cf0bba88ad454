"""The PDF export's own line breaking, font loading and contents lines against reportlab's.

The export breaks plain one-font paragraphs, fields and contents lines itself, builds contents lines
without the markup parser and loads each font file once a process; each of
these must give exactly what reportlab's own way gives.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klusterplan
from klusterplan._support.xml import escape
from klusterplan.model import Action, Horizon

_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["och", "biblioteket", "40\u00a0000\u00a0kr", "2011-03-15", "–", "”Låna"]),
        st.text(alphabet="abcåäöXYZ0123456789-/:,.", min_size=1, max_size=14),
        # a word wider than a narrow line: reportlab cuts it, the export leaves it to reportlab
        st.just("Kommunikationsplaneringsarbetsgruppsmötesprotokoll"),
        # a soft hyphen: reportlab may break there, the export leaves it to reportlab
        st.just("kommunika\u00adtion"),
    ),
    min_size=0,
    max_size=60,
)
_SPACES = st.sampled_from([" ", "  ", "\u2009", "\u200b", " \u00a0"])


def _fonts() -> Any:
    from klusterplan.exporters._pdf_fonts import FontFiles, load_fonts

    return load_fonts(FontFiles.default())


def _style(size: float, bold: bool, indent: float) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    fonts = _fonts()
    return ParagraphStyle(
        "body",
        fontName=fonts.bold if bold else fonts.regular,
        fontSize=size,
        leading=size * 1.3,
        firstLineIndent=indent,
    )


def _lines(para: Any, widths: list[float]) -> Any:
    lines = para.breakLines(widths)
    return (
        lines.kind,
        [(extra, list(words)) for extra, words in lines.lines],
        lines.fontSize,
        lines.ascent,
        lines.descent,
        para._width_max,
    )


@settings(max_examples=300, deadline=None)
@given(
    words=_WORDS,
    spaces=st.lists(_SPACES, min_size=60, max_size=60),
    width=st.floats(min_value=20, max_value=700),
    near=st.none() | st.tuples(st.integers(1, 60), st.floats(min_value=-3, max_value=0.5)),
    first=st.sampled_from([0.0, 0.0, 14.0, -10.5]),
    size=st.sampled_from([7.5, 8.0, 10.5, 16.0]),
    bold=st.booleans(),
)
def test_plain_lines_break_exactly_as_reportlab_breaks_them(
    words: list[str],
    spaces: list[str],
    width: float,
    near: tuple[int, float] | None,
    first: float,
    size: float,
    bold: bool,
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    from klusterplan.exporters import _pdf_flowables

    text = "".join(w + s for w, s in zip(words, spaces, strict=False))
    style = _style(size, bold, first)
    if near is not None and words:
        # a line just as wide as some words, give or take what their spaces may shrink
        count, delta = near
        line = stringWidth(" ".join(words[:count]), style.fontName, size)
        width = max(20.0, line + delta + first)
    frag = Paragraph("x", style).frags[0].clone(text=text, link=[], us_lines=[])
    widths = [max(1.0, width - first), width]
    ours = _pdf_flowables._Para(text, style, frags=[frag.clone()])
    theirs = Paragraph(text, style, frags=[frag.clone()])
    expected = _lines(theirs, widths)
    assert _lines(ours, widths) == expected
    # and the second part of a split paragraph, which holds words instead of text
    if expected[0] == 0 and len(expected[1]) > 3:
        theirs.wrap(width, 1e6)
        first_part, rest = theirs.split(width, style.leading * 2.5)
        assert len(first_part.blPara.lines) == 2
        ours_rest = _pdf_flowables._Para(None, rest.style, frags=[rest.frags[0].clone()])
        assert _lines(ours_rest, widths) == _lines(rest, widths)


def _mixed_lines(para: Any, widths: list[float]) -> Any:
    def frag(f: Any) -> Any:
        return (f.fontName, f.fontSize, getattr(f, "text", None), f._fkind, f.link)

    def word(w: Any) -> Any:
        return (type(w).__name__, w[0], [(frag(f), t) for f, t in w[1:]])

    lines = para.breakLines(widths)
    return (
        lines.kind,
        [
            (
                {k: v for k, v in vars(line).items() if k != "words"},
                [frag(g) for g in line.words],
            )
            for line in lines.lines
        ],
        para._width_max,
        [word(w) for w in para.frags],
    )


@settings(max_examples=300, deadline=None)
@given(
    label=_WORDS,
    words=_WORDS,
    spaces=st.lists(_SPACES, min_size=60, max_size=60),
    width=st.floats(min_value=20, max_value=700),
    near=st.none() | st.tuples(st.integers(1, 60), st.floats(min_value=-0.5, max_value=2.5)),
    first=st.sampled_from([0.0, 0.0, 14.0, -10.5]),
    size=st.sampled_from([7.5, 8.0, 10.5, 16.0]),
    contents=st.booleans(),
    gap=st.sampled_from(["", " ", "  ", "\u00a0", "\u2009"]),
)
def test_labelled_and_contents_lines_break_exactly_as_reportlab_breaks_them(
    label: list[str],
    words: list[str],
    spaces: list[str],
    width: float,
    near: tuple[int, float] | None,
    first: float,
    size: float,
    contents: bool,
    gap: str,
) -> None:
    """A bold label then plain text (a field), or linked text then its end (a contents line)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    from klusterplan.exporters import _pdf_flowables, _pdf_lines

    fonts = _fonts()
    style = _style(size, False, first)
    name = "".join(w + s for w, s in zip(label[:4], spaces[30:], strict=False)).strip()
    value = gap + "".join(w + s for w, s in zip(words, spaces, strict=False))
    if near is not None:
        # a line just as wide as the label and some words, give or take what their spaces
        # may shrink (reportlab lets a line's spaces shrink by spaceShrinkage)
        count, share = near
        space = stringWidth(" ", fonts.regular, size)
        line = stringWidth(name + ":", fonts.bold, size) + stringWidth(
            " " + " ".join(words[:count]), fonts.regular, size
        )
        width = max(20.0, line - share * style.spaceShrinkage * space * count + first)
    widths = [max(1.0, width - first), width]
    if contents:
        markup = f'<a href="#s1">{escape(name + value)}</a><onDraw name="end" label="s1"/>'
    else:
        markup = f"<b>{escape(name)}:</b>{escape(value)}"
    theirs = Paragraph(markup, style)
    ours = _pdf_flowables._Para(markup, style)
    if len(theirs.frags) < 2:
        return
    expected = _mixed_lines(theirs, widths)
    made = _mixed_lines(ours, widths)
    assert made == expected
    # made here, not by reportlab: only soft hyphens and a word wider than a line are left to it
    fresh = _pdf_flowables._Para(markup, style)
    if _pdf_lines.break_mixed(fresh, widths) is None and "\u00ad" not in markup:
        assert any(w[0] > min(widths) for w in _pdf_lines._frag_words(fresh.frags) or [])
    # wrapped again (to split it, or at another width), reportlab breaks the words made here
    again = [w * 0.7 for w in widths]
    assert _mixed_lines(ours, again) == _mixed_lines(theirs, again)


def _export(plan: klusterplan.Plan, options: klusterplan.ExportOptions | None = None) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, "pdf", out, options)
    return out.getvalue()


def _long_plan(example: klusterplan.Plan) -> klusterplan.Plan:
    group = example.target_groups[0]
    amount = "40\u00a0000\u00a0kr"  # an amount stays whole on its line
    story = " ".join(f"Mening {i} om Göran och biblioteket, {amount}." for i in range(300))
    persona = attrs.evolve(group.persona, story=story) if group.persona else None
    actions = tuple(
        Action(horizon=Horizon.IMMEDIATE, what=f"Åtgärd {i}: skylta om", responsible="Anna")
        for i in range(60)
    )
    return attrs.evolve(
        example,
        target_groups=(attrs.evolve(group, persona=persona), *example.target_groups[1:]),
        actions=actions,
    )


def _placed_text(pdf: bytes) -> list[tuple[int, str, float, float]]:
    """Each piece of text the pages show, with its page and where it starts on it."""
    from pypdf import PdfReader

    placed: list[tuple[int, str, float, float]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, number: int = number) -> None:
            if text.strip():
                x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
                y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
                placed.append((number, text.strip(), round(x, 2), round(y, 2)))

        page.extract_text(visitor_text=visit)
    return sorted(placed)


_OPTIONS = [
    klusterplan.ExportOptions(),
    klusterplan.ExportOptions(large_print=True),
    klusterplan.ExportOptions(workbook=True, language=klusterplan.Language.EN),
]
_OPTION_IDS = ["plan", "large-print", "workbook-en"]


@pytest.mark.parametrize("options", _OPTIONS, ids=_OPTION_IDS)
def test_the_export_is_the_same_bytes_as_with_reportlabs_line_breaking(
    example: klusterplan.Plan, options: klusterplan.ExportOptions, monkeypatch: Any
) -> None:
    from klusterplan.exporters import _pdf_flowables

    plan = _long_plan(example)
    ours = _export(plan, options)
    # every paragraph left to reportlab's own line breaker
    monkeypatch.setattr(_pdf_flowables, "_break_plain", lambda para, width: None)
    monkeypatch.setattr(_pdf_flowables, "_break_mixed", lambda para, width: None)
    assert _export(plan, options) == ours


@pytest.mark.parametrize("options", _OPTIONS, ids=_OPTION_IDS)
def test_every_text_stands_where_reportlabs_drawing_puts_it(
    example: klusterplan.Plan, options: klusterplan.ExportOptions, monkeypatch: Any
) -> None:
    from reportlab.platypus import Paragraph

    from klusterplan.exporters import _pdf_flowables

    plan = _long_plan(example)
    ours = _export(plan, options)
    # every paragraph drawn by reportlab's drawPara, in an origin moved to it
    monkeypatch.setattr(_pdf_flowables, "draw_plain", lambda para, x=0.0, y=0.0: False)
    monkeypatch.setattr(_pdf_flowables._Para, "drawOn", Paragraph.drawOn)
    theirs = _export(plan, options)
    assert ours != theirs
    placed = _placed_text(ours)
    assert len(placed) > 1000
    assert placed == _placed_text(theirs)


def test_lists_stand_where_reportlabs_list_flowable_puts_them() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    from klusterplan.exporters._pdf_flowables import _Item, _List

    fonts = _fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=11, leading=14, spaceAfter=5)
    texts = [f"Punkt {i}: " + "ord och fler ord " * (i * 7 % 40) for i in range(1, 30)]

    def build(story: list[Any]) -> bytes:
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
        return out.getvalue()

    def theirs(ordered: bool) -> Any:
        items = [ListItem([Paragraph(t, body)]) for t in texts]
        kind = (
            {"bulletType": "1", "start": 1}
            if ordered
            else {"bulletType": "bullet", "start": "\u2022"}
        )
        return ListFlowable(
            items, bulletFontName=fonts.regular, bulletFontSize=11, leftIndent=17.6, **kind
        )

    def ours(ordered: bool) -> Any:
        indented = ParagraphStyle("item", body, leftIndent=17.6)
        items = [_Item(t, indented) for t in texts]
        for number, item in enumerate(items, 1):
            item.bullet = str(number) if ordered else "\u2022"
            item.bullet_font, item.bullet_size = fonts.regular, 11
        return _List(items)

    mine = _placed_text(build([ours(False), ours(True)]))
    assert len({page for page, *_ in mine}) > 2
    assert mine == _placed_text(build([theirs(False), theirs(True)]))


def test_contents_lines_are_the_fragments_the_markup_parser_makes(
    example: klusterplan.Plan,
) -> None:
    from reportlab.lib import colors

    from klusterplan.branding import Branding
    from klusterplan.exporters import _pdf_flow, _pdf_flowables, _pdf_layout

    fonts = _fonts()
    look = _pdf_layout.Look(fonts, Branding(), False, colors.blue, colors.red)
    document = klusterplan.build_document(example)
    renderer = _pdf_layout._Renderer(document, look, None)
    # (a heading kept with what follows it stands in a group)
    headings = [f for f in _pdf_flow.all_headings(renderer.body()) if f.toc_markup is not None]
    assert len(headings) > 20

    def shape(frags: list[Any]) -> list[tuple[Any, ...]]:
        return [
            (
                getattr(f, "text", None),
                f.link,
                f.fontName,
                f.fontSize,
                f.textColor,
                getattr(getattr(f, "cbDefn", None), "label", None),
                getattr(getattr(f, "cbDefn", None), "name", None),
            )
            for f in frags
        ]

    for heading in headings:
        made = renderer.contents_line(heading)
        assert isinstance(made, _pdf_flowables._ContentsLine) and made.key == heading.key
        parsed = _pdf_flowables._Para(heading.toc_markup or "", made.style)
        assert shape(made.frags) == shape(parsed.frags), heading.plain


def test_the_accelerator_is_installed_and_used() -> None:
    from reportlab.lib import rl_accel

    # every function reportlab would otherwise run in Python comes from the C module
    assert not rl_accel._py_funcs, sorted(rl_accel._py_funcs)


def test_a_font_file_changed_in_place_is_loaded_anew(tmp_path: Path) -> None:
    from klusterplan.exporters._pdf_fonts import FontFiles, load_fonts

    house = FontFiles.default()
    assert house.bold is not None
    path = tmp_path / "font.ttf"
    shutil.copyfile(house.regular, path)
    first = load_fonts(FontFiles(regular=path))
    assert load_fonts(FontFiles(regular=path)) == first  # the same file: the same font
    path.unlink()
    shutil.copyfile(house.bold, path)  # another font under the same name
    second = load_fonts(FontFiles(regular=path))
    assert second.regular != first.regular


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(
        st.text(
            alphabet=st.sampled_from(list("ab åÖ\u00a0\u2009–”\ufffe\U000f0001€ʒ\u0301x")),
            max_size=12,
        ),
        max_size=30,
    )
)
def test_text_is_encoded_as_reportlab_encodes_it(texts: list[str]) -> None:
    import io

    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = getFont(_fonts().regular)
    assert type(font) is not TTFont  # the export's own font class
    ours, theirs = Canvas(io.BytesIO())._doc, Canvas(io.BytesIO())._doc
    # the same strings in the same order give the same codes in both documents
    for text in texts * 2:
        assert font.splitString(text, ours) == TTFont.splitString(font, text, theirs), text


def test_the_export_sets_text_in_its_own_fonts_where_the_program_registered_them_first(
    example: klusterplan.Plan, tmp_path: Path
) -> None:
    import subprocess
    import sys

    # reportlab keeps one font object a typeface: a program that registered the
    # house font under its own name first must not lend the export its object
    script = tmp_path / "other.py"
    script.write_text(
        "import io, sys\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "from klusterplan._document.design import font_file\n"
        "pdfmetrics.registerFont(TTFont('Other', str(font_file('regular'))))\n"
        "import klusterplan\n"
        "from klusterplan.exporters._pdf_fonts import FontFiles, load_fonts\n"
        "out = io.BytesIO()\n"
        "klusterplan.export(klusterplan.example(), 'pdf', out)\n"
        "ours = pdfmetrics.getFont(load_fonts(FontFiles.default()).regular)\n"
        "assert type(ours) is not TTFont and ours is not pdfmetrics.getFont('Other')\n"
        "assert type(pdfmetrics.getFont('Other')) is TTFont\n"
        "sys.stdout.buffer.write(out.getvalue())\n"
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == _export(example)


@settings(max_examples=200, deadline=None)
@given(
    words=_WORDS,
    spaces=st.lists(_SPACES, min_size=60, max_size=60),
    width=st.floats(min_value=20, max_value=700),
    shrink=st.booleans(),
    indent=st.sampled_from([0.0, 12.0]),
    size=st.sampled_from([7.5, 10.5, 16.0]),
    bold=st.booleans(),
    colour=st.sampled_from(["#000000", "#1F4E79", "#FFFFFF"]),
)
def test_plain_paragraphs_are_drawn_as_reportlab_draws_them(
    words: list[str],
    spaces: list[str],
    width: float,
    shrink: bool,
    indent: float,
    size: float,
    bold: bool,
    colour: str,
) -> None:
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from klusterplan.exporters import _pdf_draw, _pdf_flowables

    text = "".join(w + s for w, s in zip(words, spaces, strict=False))
    style = _style(size, bold, 0.0)
    style.leftIndent = indent
    style.textColor = colors.HexColor(colour)
    if shrink and words:
        # a line that holds its words only by shrinking its spaces: drawn with word spacing
        width = indent + stringWidth(" ".join(words[:6]), style.fontName, size) - 0.5
    para = _pdf_flowables._Para(escape(text), style)
    para.wrap(max(width, indent + 20), 1e6)

    def drawn(draw: Any) -> list[str]:
        canvas = Canvas(io.BytesIO())
        canvas.saveState()
        canvas.translate(10, 20)
        para.canv = canvas
        draw(para)
        del para.canv
        canvas.restoreState()
        return list(canvas._code)

    theirs = drawn(Paragraph.drawPara)
    ours = drawn(_pdf_flowables._Para.drawPara)
    assert ours == theirs
    if para.blPara.kind == 0 and para.blPara.lines:
        # drawn by the export's own way, not left to reportlab
        assert drawn(_pdf_draw.draw_plain) == theirs
