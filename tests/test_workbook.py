"""The workshop workbook: its structure matches the seed, blank and pre-filled."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest

import klusterplan
from klusterplan import ExportOptions, Language, Mode, Plan, build_document, export, label, testing
from klusterplan._document.sections import SECTIONS
from klusterplan._document.workbook import MORE_ROWS, OPEN_LINES, WORKBOOK_ROWS
from klusterplan.document import (
    BulletList,
    Document,
    Mark,
    Matrix,
    Paragraph,
    Section,
    Staircase,
    Table,
    WritingSpace,
    block_values,
)
from klusterplan.exporters.markdown import render

# The workbook's own text ("Vårt biblioteks lokala målgrupper", seed 000_57e4d3186713a751).
# The seed's first column holds only the words ATT GÖRA: they head the chapter instead.
# The seed's three ATT GÖRA columns, then the responsible person and the roles in columns
# of their own: the seed asked for them inside the third ("ansvar och roller"), where
# reading them back would be a guess.
SEED_TABLE_HEADERS = [
    [
        "Möjliga omgående åtgärder",
        "Organisatoriska konsekvenser",
        "Kommunikativa konsekvenser",
        "Ansvarig",
        "Roller",
    ],
    [
        "Att göra: på längre sikt",
        "Organisatoriska konsekvenser",
        "Kommunikativa konsekvenser",
        "Ansvarig",
        "Roller",
    ],
]
SEED_GROUPS = [
    "Den oerfarne (8 röster)",
    "Den identitetsökande tonåringen (9 röster)",
    "Den stressade småbarnsföräldern (7 röster)",
    "Det nyfikna förskolebarnet (9 röster)",
    "Den digitala analfabeten (8 röster)",
    "Daisy- och storstilsläsaren (8 röster)",
    "Den kommunplacerade flyktingen (9 röster)",
    "Bokälskaren (7 röster)",
]
SEED_AGENDA_STARTS = [
    "Hur ser vårt uppdrag ut?",
    "Hur förhåller vi oss till Futurum och Kombib?",
    "Hur ser vår bemanning/kompetens/resurser ut?",
    "Rollen som utvecklingsledare.",
    "Våra prioriterade målgrupper.",
    "Diskutera svagheter idag och styrkor i morgon.",
    "Var på kommunikationstrappan befinner målgrupperna sig?",
    "Vilken typ av centrum ska vi vara i morgon lokalt?",
    "Hur ska vi hantera värderorden lyhörd, kreativ, kompetent och engagerad?",
    'Hur skall vi uppfylla löftet "Låna dig rik"?',
    "Vad innebär det för oss som personal?",
    "Vad innebär det för målgrupperna?",
    "Arbeta systematiskt utifrån skissen.",
    "Vilka grupper vill ni prioritera för klusterkampanjen 2011?",
    "Diskutera vilket centra som dominerar er verksamhet",
    "Vem gör vad?",
    "Tänk utifrån en kommunikationsplan.",
]
SEED_FURTHER = [
    "Hur arbetar vi mer aktivt med PR/media?",
    "Hur kan vi sprida/dela med oss av goda råd/tips mellan biblioteken?",
    "Hur skapar vi en gemensam mall för uppföljning och utvärdering av insatser?",
]


def _docx(plan: Plan, options: ExportOptions | None = None) -> Any:
    stream = io.BytesIO()
    export(plan, "docx", stream, options or ExportOptions(workbook=True))
    return testing.open_word(stream.getvalue())


def build_workbook(plan: Plan | None, language: Language | None = None) -> Document:
    return build_document(plan or Plan(), language, mode=Mode.WORKBOOK)


def _agenda(book: Document) -> list[Section]:
    """The numbered points between the autumn agenda and the questions for further work."""
    keys = [s.key for s in book.sections]
    start, end = keys.index("agenda"), keys.index("further-work")
    return [s for s in book.sections[start:end] if re.match(r"\d+\. ", s.title)]


def _section(document: Document, key: str) -> Section:
    return next(s for s in document.sections if s.key == key)


def _headings(word: Any) -> list[tuple[int, str]]:
    return [
        (int(p.style.name.split()[1]), p.text)
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]


def test_plan_and_workbook_are_modes_of_one_section_list(example: Plan) -> None:
    order = {spec.key: i for i, spec in enumerate(SECTIONS)}
    appendix = {spec.key for spec in SECTIONS if spec.plan and spec.plan.appendix}

    def positions(document: Document) -> list[int]:
        # subsections repeated per target group sit under their section in the list
        out, last = [], 0
        for section in document.sections:
            if section.key in appendix:
                break  # the personas close the plan, as an appendix
            last = order.get(section.key, last)
            out.append(last)
        return out

    plan = build_document(example)
    book = build_workbook(example)
    for document in (plan, book, build_workbook(None)):
        assert positions(document) == sorted(positions(document))
    shared = {s.key for s in plan.sections} & {s.key for s in book.sections}
    assert {"actions-immediate", "dialogue-forum", "values", "mission", "further-work"} <= shared


def test_prefilled_workbook_formats_like_the_plan(example: Plan) -> None:
    # one formatting for amounts and dates in every mode
    plan_rows = _section(build_document(example), "activities").blocks[0].rows  # type: ignore[union-attr]
    sheet = next(
        b for b in _section(build_workbook(example), "activities").blocks if isinstance(b, Table)
    )
    budgets = [row[5] for row in plan_rows if row[5]]
    assert budgets and budgets == [row[-1] for row in sheet.rows if row[-1]]
    assert all("\u00a0" in b for b in budgets)


def test_blank_workbook_structure() -> None:
    book = build_workbook(None, Language.SV)
    assert book.title == "Vårt biblioteks lokala målgrupper"
    levels = [s.level for s in book.sections]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    segments = _section(book, "segments").blocks
    assert [b.prompt for b in segments if isinstance(b, WritingSpace)] == [
        "A Befintliga kunder",
        "B Nya kunder",
    ]
    groups = _section(book, "target-groups").blocks[0]
    assert isinstance(groups, BulletList) and groups.ordered
    assert list(groups.items) == SEED_GROUPS
    agenda = [s.title for s in _agenda(book)]
    assert len(agenda) == 17
    for n, (title, start) in enumerate(zip(agenda, SEED_AGENDA_STARTS, strict=True), 1):
        assert title.startswith(f"{n}. {start}")
    keys = [s.key for s in book.sections]
    further = [s.title for s in book.sections[keys.index("further-work") + 1 :]]
    assert further == [f"{n}. {q}" for n, q in enumerate(SEED_FURTHER, 1)]
    steps = _section(book, "campaign-groups").blocks
    questions = [label(f"workbook_campaign_{n}", Language.SV) for n in range(1, 7)]
    asked = [
        i
        for i, b in enumerate(steps)
        if (isinstance(b, Paragraph) and b.prompt and b.text in questions)
        or (isinstance(b, WritingSpace) and b.prompt in questions)
        # a step answered in a table has its question as the table's caption, kept with it
        or (isinstance(b, Table) and b.caption in questions)
    ]
    assert len(asked) == 6
    # each of the six steps leaves room to answer it: lines, or a table to fill
    for first, after in itertools.pairwise([*asked, len(steps)]):
        assert any(isinstance(b, WritingSpace | Table) for b in steps[first:after])
    # every point of a blank workbook leaves room to write
    for section in book.sections:
        if section.level >= 2 and section.key not in ("forum-result", "communication-plan"):
            assert any(
                isinstance(b, WritingSpace | Table | Staircase | Matrix) for b in section.blocks
            ), section.key


def test_blank_workbook_tables_match_the_seed() -> None:
    word = _docx(Plan())
    firsts = [h[0] for h in SEED_TABLE_HEADERS]
    todo = [t for t in word.tables if t.rows[0].cells[0].text in firsts]
    assert [[c.text for c in t.rows[0].cells] for t in todo] == SEED_TABLE_HEADERS
    assert len(todo) == 2
    for table in todo:
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        assert len(rows) == WORKBOOK_ROWS == 10
        # the seed's example prompts ("för X direkt") left out: every row is to write on
        for n, row in enumerate(rows, 1):
            # the seed's numbers, across the whole row: each row is one action's
            assert row == [f"{n}."] * 5


def test_blank_workbook_docx_headings() -> None:
    word = _docx(Plan())
    titles = [t for _, t in _headings(word)]
    for expected in (
        "Summering av dialogforum",
        "Våra viktigaste produkter",
        "Centrum idag",
        "Centrum i morgon",
        "Förslag kring förhållningssätt i val av centrum",
        "Våra åtta prioriterade målgrupper",
        "Våra kärnvärden och löfte",
        "Hösten 2010 – från helhetsperspektiv till lokalt konkret arbete",
        "Klusterkampanjen",
        "Diskutera vidare",
    ):
        assert expected in titles
    assert len([t for t in titles if re.match(r"\d+\. ", t)]) == 17 + 3
    numbered = [p.text for p in word.paragraphs if p.style.name == "List Number"]
    assert numbered[:8] == SEED_GROUPS
    assert word.core_properties.title.startswith("Vårt biblioteks lokala målgrupper")


def test_prefilled_from_plan(example: Plan) -> None:
    book = build_workbook(example)
    blank = build_workbook(None)
    assert book.subtitle == "Byköpings bibliotek"
    mission = _section(book, "mission").blocks
    # the answer, printed once, with room under it to amend it at the workshop
    assert isinstance(mission[0], Paragraph)
    assert mission[0].text == example.organisation.mission.strip()
    assert mission[0].marks == (Mark("organisation.mission", 0, len(mission[0].text)),)
    # what is written under it adds to the mission: an open question's six lines, however
    # much the plan already says
    assert mission[1:] == (WritingSpace(OPEN_LINES, path="organisation.mission"),)
    (immediate,) = _section(book, "actions-immediate").blocks
    assert isinstance(immediate, Table)
    # the roles' convention stands in their column's header
    assert immediate.headers[3:] == ("Ansvarig", "Roller")
    actions = [a for a in example.actions if a.horizon.value == "immediate"]
    # the plan's actions and two rows for more: no page of empty rows
    # room for more: two rows at least, and as many as fill the page the sheet ends on
    assert len(immediate.rows) >= len(actions) + MORE_ROWS
    assert all(
        all(c == f"{n}." for c in row)
        for n, row in enumerate(immediate.rows, 1)
        if n > len(actions)
    )
    assert immediate.rows[0][0] == f"1. {actions[0].what}"
    # the row's number stands in each of its cells
    assert immediate.rows[0][3:] == (
        f"1. {actions[0].responsible}",
        f"1. {', '.join(actions[0].roles)}",
    )
    (blank_sheet,) = _section(blank, "actions-immediate").blocks
    assert isinstance(blank_sheet, Table)
    assert immediate.headers == blank_sheet.headers
    groups = _section(book, "target-groups").blocks[0]
    assert isinstance(groups, BulletList)
    assert groups.items[0].startswith(example.target_groups[0].name)


def test_prefilled_workbook_prints_each_answer_once_under_its_question(example: Plan) -> None:
    # a heading over questions (the cluster campaign's) shows none of the plan's text: the
    # basis, focus group, surveys and who does what stand under points 14 and 16 alone
    book = build_workbook(example)
    seen: dict[str, list[str]] = {}
    for section in book.sections:
        for block in section.blocks:
            for path, text in block_values(block):
                if len(text) > 40:  # an answer in words, not a group's name in a row
                    seen.setdefault(path, []).append(section.key)
    twice = {path: keys for path, keys in seen.items() if len(keys) > 1}
    assert twice == {}
    assert seen["campaign.basis"] == ["campaign-groups"]
    assert seen["campaign.organisation"] == ["campaign-organisation"]
    assert _section(book, "campaign").blocks == ()
    # and so on paper: the campaign's basis is printed once
    out = io.BytesIO()
    export(example, "pdf", out, ExportOptions(workbook=True))
    pages = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert text.count(" ".join(example.campaign.basis.split())[:60]) == 1


@pytest.mark.parametrize("prefilled", [False, True], ids=["blank", "pre-filled"])
def test_no_prompt_repeats_its_heading(example: Plan, prefilled: bool) -> None:
    book = build_workbook(example if prefilled else None)
    for section in book.sections:
        prompts = [
            x.prompt if isinstance(x, WritingSpace) else x.text
            for x in section.blocks
            if isinstance(x, WritingSpace) or (isinstance(x, Paragraph) and x.prompt)
        ]
        assert section.title not in prompts, section.key
    # the resources' room to write stands under its heading alone
    resources = _section(build_workbook(None), "resources").blocks[0]
    assert resources == WritingSpace(6, "", "communication_plan.resources")


def test_partial_plan_leaves_room_for_the_rest() -> None:
    plan = klusterplan.loads(
        "schema_version: 1\nlibrary:\n  name: Norrby bibliotek\norganisation:\n  mission: Läsa.\n"
    )
    book = build_workbook(plan)
    assert _section(book, "mission").blocks == (
        Paragraph("Läsa.", marks=(Mark("organisation.mission", 0, 5),)),
        WritingSpace(OPEN_LINES, path="organisation.mission"),
    )
    (partners,) = _section(book, "partners").blocks
    # the seed's two programmes to start from, and room for more
    assert isinstance(partners, Table) and partners.source is not None
    assert [row[0] for row in partners.rows] == ["Futurum", "Kombib", "", ""]
    assert partners.source.path == "organisation.partners"
    assert set(partners.source.items) == {""}
    staffing = _section(book, "staffing").blocks
    assert [(b.prompt, b.path) for b in staffing if isinstance(b, WritingSpace)] == [
        ("Bemanning", "organisation.staffing"),
        ("Kompetens", "organisation.competence"),
        ("Resurser", "organisation.resources"),
    ]


def test_english_workbook() -> None:
    book = build_workbook(None, Language.EN)
    assert book.title == "Our library's local target groups"
    assert book.language_tag == "en-GB"


def test_markdown_renders_the_workbook() -> None:
    text = render(build_workbook(None))
    assert "## Våra åtta prioriterade målgrupper" in text
    assert "…" in text


def test_workbook_command(run: Any, tmp_path: Path) -> None:
    result = run("workbook", "-o", "arbetsbok.docx")
    assert result.exit_code == 0, result.output
    word = testing.open_word(tmp_path / "arbetsbok.docx")
    assert word.core_properties.language == "sv-SE"
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("workbook", "-o", "ifylld.docx", "--from", "plan.yaml", "--lang", "en")
    assert result.exit_code == 0, result.output
    word = testing.open_word(tmp_path / "ifylld.docx")
    assert word.core_properties.language == "en-GB"
    assert "Byköpings bibliotek" in word.sections[0].footer.paragraphs[0].text


def test_workbook_command_rejects_unknown_suffix(run: Any, tmp_path: Path) -> None:
    result = run("workbook", "-o", "arbetsbok.txt")
    assert result.exit_code == 2
    assert ".docx" in result.output
    assert not (tmp_path / "arbetsbok.txt").exists()


def test_workbook_bytes_are_stable() -> None:
    def once() -> bytes:
        stream = io.BytesIO()
        export(Plan(), "docx", stream, ExportOptions(workbook=True, large_print=True))
        return stream.getvalue()

    assert once() == once()


@pytest.mark.parametrize("language", list(Language))
def test_workbook_large_print(language: Language) -> None:
    word = _docx(Plan(), ExportOptions(workbook=True, large_print=True, language=language))
    assert word.styles["Normal"].font.size.pt >= 16
