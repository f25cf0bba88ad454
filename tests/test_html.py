"""The HTML export: one accessible page, checked for its structure with Python's own parser.

The same page is run through axe-core in a real browser in test_html_browser.py;
these checks need nothing but the standard library, so they run everywhere.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import Result

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
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "</style><script>alert(2)</script>",
    '<a href="javascript:alert(3)">klicka</a>',
    "javascript:alert(4)",
    "<!-- kommentar --> &amp; ]]> <![CDATA[x]]>",
    '" onmouseover="alert(5)',
]


class Page(HTMLParser):
    """The parts of a page the checks look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[str] = []
        self.headings: list[tuple[int, str, str | None]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tables: list[dict[str, Any]] = []
        self.images: list[dict[str, str | None]] = []
        self.svgs: list[dict[str, object]] = []
        self.labels: dict[str, str] = {}
        self.textareas: list[str] = []
        self.langs: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.title = ""
        self.root_lang: str | None = None
        self._capture: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "html":
            self.root_lang = a.get("lang")
        if a.get("lang") and tag != "html":
            self.langs.append((tag, str(a["lang"])))
        if tag == "a":
            self.links.append(str(a.get("href")))
        if tag == "img":
            self.images.append(a)
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "scopes": [], "rows": 0})
        if tag == "th" and self.tables:
            scopes = self.tables[-1]["scopes"]
            assert isinstance(scopes, list)
            scopes.append(a.get("scope"))
        if tag == "tr" and self.tables and not self._inside("thead"):
            self.tables[-1]["rows"] = int(str(self.tables[-1]["rows"])) + 1
        if tag == "svg":
            self.svgs.append({"role": a.get("role"), "title": "", "desc": ""})
        if tag == "textarea":
            self.textareas.append(str(a.get("id")))
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "title", "caption", "desc", "label"}:
            self._capture = []
        if tag == "label":
            self._label_for = str(a.get("for"))
        if tag not in {"meta", "br", "img", "col", "rect", "link", "input"}:
            self.stack.append((tag, a))

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._capture or []).strip()
        if tag[0] == "h" and tag[1:].isdigit():
            self.headings.append((int(tag[1]), text, self.stack[-1][1].get("id")))
        elif tag == "title" and self._inside("svg"):
            self.svgs[-1]["title"] = text
        elif tag == "title":
            self.title = text
        elif tag == "desc":
            self.svgs[-1]["desc"] = text
        elif tag == "caption":
            self.tables[-1]["caption"] = text
        elif tag == "label":
            self.labels[self._label_for] = text
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "title", "caption", "desc", "label"}:
            self._capture = None
        while self.stack:
            name, _ = self.stack.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._capture.append(data)
        if self._inside("th") and self._inside("thead") and self.tables:
            head = self.tables[-1]["head"]
            assert isinstance(head, list)
            head.append(data)
        if not self._inside("style"):
            self.text.append(data)


def export(plan: klusterplan.Plan, registry: Registry | None = None, **options: object) -> str:
    out = io.BytesIO()
    klusterplan.export(plan, "html", out, ExportOptions(**options), registry=registry)  # type: ignore[arg-type]
    return out.getvalue().decode("utf-8")


def check_structure(page: Page) -> None:
    """What every page must be, whatever its content."""
    assert page.root_lang in {"sv-SE", "en-GB"}
    assert page.title
    assert page.tags.count("main") == 1 and page.tags.count("nav") == 1
    levels = [level for level, _, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading skips from h{before} to h{after}"
    assert all(text for _, text, _ in page.headings), "an empty heading"
    assert len(page.ids) == len(set(page.ids)), "an id used twice"
    for table in page.tables:
        assert table["caption"], "a table without caption"
        scopes = table["scopes"]
        assert isinstance(scopes, list) and scopes and all(s in {"col", "row"} for s in scopes)
    for image in page.images:
        assert (image.get("alt") or "").strip()
        assert str(image.get("src")).startswith("data:image/")
    for svg in page.svgs:
        assert svg["role"] == "img" and svg["title"] and svg["desc"]
    for box in page.textareas:
        assert page.labels.get(box), f"text box {box} has no label"
    # the page asks for nothing outside itself: every link is to a place on the page
    for link in page.links:
        assert link.startswith("#") and link[1:] in page.ids, link


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(export(klusterplan.example()))


def test_structure_of_the_example(page: Page) -> None:
    check_structure(page)
    assert page.title == "Lokal kommunikationsplan – Byköpings bibliotek"
    assert page.root_lang == "sv-SE"


def test_contents_links_to_every_heading(page: Page) -> None:
    document = build_document(klusterplan.example())
    targets = {link[1:] for link in page.links}
    section_headings = [(t, i) for level, t, i in page.headings if level > 1 and i != "contents"]
    # the summary opens the page's main part, before the contents, which lists it first
    front = [s.title for s in document.front]
    assert [t for t, _ in section_headings] == [*front, *(s.title for s in document.sections)]
    listed = [
        i
        for (_, i), s in zip(section_headings, (*document.front, *document.sections), strict=True)
        if s.level <= document.contents_levels
    ]
    assert listed and all(i in targets for i in listed)
    assert len(targets & {i for _, i in section_headings}) == len(listed)


def test_every_table_of_the_document_is_a_table(page: Page) -> None:
    document = build_document(klusterplan.example())
    blocks = [b for s in (*document.front, *document.sections) for b in s.blocks]
    tables = [b for b in blocks if isinstance(b, Table)]
    tables += [b.table for b in blocks if isinstance(b, Chart)]
    matrices = [b for b in blocks if isinstance(b, Matrix | Staircase)]
    assert len(page.tables) == len(tables) + len(matrices)
    heads = [tuple(t["head"]) for t in page.tables]
    for table in tables:
        assert table.headers in heads
    assert len(page.svgs) == 1


def test_plan_text_in_another_language_is_marked() -> None:
    page = Page(export(klusterplan.example(), language=Language.EN))
    check_structure(page)
    assert page.root_lang == "en-GB"
    marked = {tag for tag, lang in page.langs if lang == "sv-SE"}
    # group names as headings, plan text in paragraphs, lists, fields, tables, the promise
    assert {"h3", "p", "ul", "dd", "tbody"} <= marked
    assert all(lang == "sv-SE" for _, lang in page.langs)
    assert "Contents" in page.text


def test_swedish_page_marks_nothing_in_swedish(page: Page) -> None:
    assert page.langs == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_plan_text_is_never_markup(hostile: str) -> None:
    def named(text: str) -> klusterplan.Plan:
        plan = klusterplan.example()
        group = plan.target_groups[0]
        assert group.persona is not None
        persona = attrs.evolve(group.persona, name=text, story=text, quote=text)
        groups = (attrs.evolve(group, name=text, persona=persona), *plan.target_groups[1:])
        library = attrs.evolve(plan.library, name=text)
        return attrs.evolve(plan, target_groups=groups, library=library)

    plain = Page(export(named("Zyxwvu")))
    page = Page(export(named(hostile)))
    assert page.tags == plain.tags  # the text added no element of its own
    assert "script" not in page.tags
    shown = "".join(page.text)
    assert shown.count(hostile) == "".join(plain.text).count("Zyxwvu") > 3
    check_structure(page)


def test_same_plan_same_bytes() -> None:
    assert export(klusterplan.example()) == export(klusterplan.example())


def test_large_print_sets_16_points_on_paper_and_records_for_wide_tables() -> None:
    text = export(klusterplan.example(), large_print=True)
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)pt", text)]
    assert sizes and min(sizes) >= 16
    page = Page(text)
    check_structure(page)
    # the eight-column action tables become one description list a row
    assert len(page.tables) < len(Page(export(klusterplan.example())).tables)
    assert text.count('class="fields record"') >= 11
    # on a phone a record's date and status stand beside their names, its text under
    assert '<dt class="brief">Klart senast</dt>' in text
    assert '<dt class="brief">Status</dt>' in text
    assert "<dt>Åtgärd</dt>" in text


def test_two_short_fields_of_a_list_are_set_alike() -> None:
    page = _plan_page()
    # "Budget för kommunikationsplanen" is too long a label to keep its value beside it
    # on a phone, so "Aktiviteternas kostnad" under it stands as it does
    assert "<dt>Budget för kommunikationsplanen</dt>" in page
    assert "<dt>Aktiviteternas kostnad</dt>" in page
    assert '<dt class="brief">Segment</dt>' in page  # a list of short labels keeps them beside


def test_blank_and_prefilled_workbook() -> None:
    blank = Page(export(klusterplan.Plan(), workbook=True))
    check_structure(blank)
    assert blank.headings[0][1] == "Vårt biblioteks lokala målgrupper"
    assert len(blank.textareas) >= 30
    text = export(klusterplan.example(), workbook=True)
    filled = Page(text)
    check_structure(filled)
    # answers are printed, each with room to amend it
    mission = klusterplan.example().organisation.mission.strip()
    assert " ".join(mission.split()[:8]) in " ".join(text.split())
    assert filled.textareas
    workbook = build_document(klusterplan.Plan(), mode=Mode.WORKBOOK)
    assert [t for level, t, _ in blank.headings if level > 1][1:] == [
        s.title for s in workbook.sections
    ]


class _Brand:
    def __init__(self, branding: Branding) -> None:
        self.chosen = branding

    @hookimpl
    def branding(self, plan: klusterplan.Plan, format: str) -> Branding:
        return self.chosen


def _registry(branding: Branding) -> Registry:
    return Registry([*DEFAULT_PLUGINS, _Brand(branding)], autoload=False)


def test_branding_logo_colours_and_footer() -> None:
    registry = _registry(
        Branding(
            logo=Logo(PNG, "Kommunens vapen"), primary_colour="#7A1F1F", footer="Kultur och fritid"
        )
    )
    text = export(klusterplan.example(), registry=registry)
    page = Page(text)
    check_structure(page)
    assert page.images[0]["alt"] == "Kommunens vapen"
    assert "--primary: #7A1F1F" in text
    assert "Kultur och fritid" in "".join(page.text)


def test_a_colour_too_light_to_read_is_replaced_with_a_notice() -> None:
    registry = _registry(Branding(primary_colour="#FFD700"))
    out = io.BytesIO()
    notices = klusterplan.export(klusterplan.example(), "html", out, registry=registry)
    assert "--primary: #1F4E79" in out.getvalue().decode()
    assert any("contrast of 1.4:1" in n.message for n in notices)


def test_a_logo_that_is_no_picture_is_left_out_and_reported() -> None:
    registry = _registry(Branding(logo=Logo(b"GIF89a...", "Vapen")))
    with pytest.warns(klusterplan.PluginWarning, match="not a PNG or JPEG picture"):
        text = export(klusterplan.example(), registry=registry)
    assert "<img" not in text


def test_export_and_workbook_commands(run: Callable[..., Result], tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "html")
    assert result.exit_code == 0, result.output
    check_structure(Page((tmp_path / "plan.html").read_text(encoding="utf-8")))
    result = run("workbook", "-o", "arbetsbok.html", "--from", "plan.yaml")
    assert result.exit_code == 0, result.output
    page = Page((tmp_path / "arbetsbok.html").read_text(encoding="utf-8"))
    check_structure(page)
    assert page.headings[0][1] == "Vårt biblioteks lokala målgrupper"
    assert "Byköpings bibliotek" in page.text


def test_a_line_break_in_the_library_name_is_a_space_in_the_title() -> None:
    plan = klusterplan.example()
    plan = attrs.evolve(plan, library=attrs.evolve(plan.library, name="Byköpings\nbibliotek"))
    out = io.BytesIO()
    klusterplan.export(plan, "html", out)
    page = out.getvalue().decode("utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<br>" not in title and "Byköpings bibliotek" in title


def test_the_summary_stands_before_the_contents_and_is_listed_in_it() -> None:
    out = io.BytesIO()
    klusterplan.export(klusterplan.example(), "html", out)
    page = out.getvalue().decode("utf-8")
    summary = page.index('id="summary"')
    contents = page.index('<nav aria-labelledby="contents">')
    assert summary < contents
    nav = page[contents : page.index("</nav>", contents)]
    assert nav.index('href="#summary"') < nav.index("Att göra")


def test_the_chart_axis_reaches_a_round_value_at_or_above_the_highest_bar() -> None:
    out = io.BytesIO()
    klusterplan.export(klusterplan.example(), "html", out)
    page = out.getvalue().decode("utf-8")
    chart = page[page.index('<figure class="chart">') : page.index("</figure>")]
    ticks = [int(part.split("<", 1)[0]) for part in chart.split('class="tick">')[1:]]
    votes = [g.votes or 0 for g in klusterplan.example().target_groups]
    assert ticks[0] == 0 and ticks[-1] >= max(votes) and ticks[-1] % 2 == 0
    assert "<figcaption" in chart


def _plan_page() -> str:
    out = io.BytesIO()
    klusterplan.export(klusterplan.example(), "html", out)
    return out.getvalue().decode("utf-8")


def test_a_step_number_an_amount_a_date_and_a_phone_number_never_break() -> None:
    page = _plan_page()
    # the staircase's steps and the stairs table's cells keep number and name together
    assert '<th scope="row" role="rowheader">5.\u00a0Ambassadör</th>' in page
    # an amount typed in plan text ("Kräver 8 000 kr") stays whole, as a formatted one does
    assert "8\u00a0000\u00a0kr" in page and "8 000 kr" not in page
    assert '<span class="whole">2010-12-15</span>' in page
    # and the contact's phone number on the cover
    assert '<span class="whole">0480-45 00 00</span>' in page


def test_a_long_field_value_stands_under_its_label_as_its_siblings_do() -> None:
    page = _plan_page()
    # values of a sentence or more stand under their label, short values beside it
    for long in ("Så uppfyller vi löftet", "För oss som personal", "För målgrupperna"):
        assert '<dt class="long">' + long + "</dt>" in page, long
    # a value of a few words stays beside its label on a phone too
    assert '<dt class="brief">Löfte</dt>' in page and '<dt class="brief">Segment</dt>' in page


def test_the_promise_and_the_chart_caption_look_as_in_print() -> None:
    page = _plan_page()
    # the printed cover sets the promise in quotes, italic, in the accent colour
    assert '<p class="promise">”Låna dig rik”</p>' in page
    rule = re.search(r"\.promise \{[^}]*\}", page)
    assert rule is not None and "color: var(--accent)" in rule.group()
    assert "italic" in rule.group() and "border" not in rule.group()
    caption = re.search(r"\.chart figcaption \{[^}]*\}", page)
    assert caption is not None and "font-style: italic" in caption.group()
    assert "bold" not in caption.group()


def test_a_table_is_records_on_a_phone_only_when_it_does_not_fit() -> None:
    page = _plan_page()
    tables = re.findall(r'<table role="table"( class="[^"]*")?>\s*<caption[^>]*>([^<]*)', page)
    stacked = {caption: "stack" in cls for cls, caption in tables}
    for small in ("Prioriterade målgrupper", "Våra prioriterade målgrupper", "Budskap"):
        assert not stacked[small], small
    for wide in ("Möjliga omgående åtgärder", "Aktiviteter", "Våra kärnvärden och löfte"):
        assert stacked[wide], wide
    # a table that stays one has its columns' shares on a phone
    assert "--phone:" in page


def test_the_plan_words_in_a_sentence_keep_the_spaces_around_them() -> None:
    page = export(klusterplan.example(), language=Language.EN)
    summary = re.search(r"<p>The plan prioritises.*?</p>", page)
    assert summary is not None
    words = re.sub(r"<[^>]+>", "", summary.group())
    # the group names are marked Swedish in an English sentence, and read as words
    assert "target groups; Den identitetsökande tonåringen, Det nyfikna" in words
    assert "förskolebarnet and Den kommunplacerade flyktingen got the most" in words
    assert '<span lang="sv-SE">Det nyfikna förskolebarnet</span>' in summary.group()


def test_the_printed_footer_carries_plan_text_only_as_an_escaped_css_string() -> None:
    plan = klusterplan.example()
    name = 'Bibl"} body{display:none} </style><b>x'
    page = export(attrs.evolve(plan, library=attrs.evolve(plan.library, name=name)))
    rule = re.search(r"@bottom-left \{ content: (\"[^\"]*\");", page)
    assert rule is not None
    # every character but letters, digits and spaces escaped: nothing ends the string
    assert "Bibl\\22 \\7d  body\\7b display\\3a none\\7d  \\3c \\2f style\\3e" in rule.group(1)
    assert page.count("</style>") == page.count("<style")
    assert 'Sida " counter(page) " av " counter(pages)' in page


def test_a_range_of_numbers_and_its_unit_stay_whole(example: klusterplan.Plan) -> None:
    out = io.BytesIO()
    klusterplan.export(example, "html", out)
    page = out.getvalue().decode()
    assert '<span class="whole">7–9</span>' in page
