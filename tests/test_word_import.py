"""Reading Word documents back: the workbook filled in at a workshop, the plan edited.

Documents are edited here as a person edits them in Word (``wordfill``): typing
into fields, writing on lines, adding and deleting rows, sorting, typing where
no field is. LibreOffice's round trip is tested where LibreOffice is installed
(``.ci/run`` installs it, so in CI it always is).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import Result
from wordfill import (
    add_item,
    add_row,
    cell_text,
    delete_row,
    fill_cell,
    open_word,
    paragraph_after,
    remove_control,
    rows,
    save,
    sort_rows,
    table,
    type_into,
    write_lines,
)

import klusterplan
from klusterplan import ExportOptions, Language, Plan, PlanError, WordNotice, read_word

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it)",
)


def _docx(plan: Plan, **options: Any) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(plan, "docx", stream, ExportOptions(**options))
    return stream.getvalue()


def through_libreoffice(path: Path) -> Path:
    """Open ``path`` in LibreOffice and save it as Word again, as a person with LibreOffice."""
    assert SOFFICE is not None, "LibreOffice must be installed in CI"
    out = path.parent / "libreoffice"
    out.mkdir(exist_ok=True)
    profile = path.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = out / path.name
    assert saved.exists()
    return saved


# -- round trips ------------------------------------------------------------------


def test_the_example_plan_comes_back_from_word_whole(example: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx(example))
    result = read_word(path)
    assert result.plan == example
    assert result.changes == () and result.notices == ()
    assert result.carries_plan and result.mode is klusterplan.Mode.PLAN
    assert klusterplan.load(path) == example


@pytest.mark.parametrize(
    "options",
    [
        {"workbook": True},
        {"language": Language.EN},
        {"large_print": True},
        {"workbook": True, "language": Language.EN, "large_print": True},
    ],
    ids=["workbook", "english", "large-print", "english-large-print-workbook"],
)
def test_every_kind_of_word_document_comes_back(
    example: Plan, tmp_path: Path, options: dict[str, Any]
) -> None:
    path = tmp_path / "doc.docx"
    path.write_bytes(_docx(example, **options))
    result = read_word(path)
    assert result.plan == example
    assert result.changes == () and result.notices == ()


@needs_libreoffice
def test_the_example_plan_comes_back_after_libreoffice(example: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx(example))
    saved = through_libreoffice(path)
    result = read_word(saved)
    assert not result.notices
    assert result.plan == example


def test_values_are_read_from_their_text_not_only_kept(example: Plan, tmp_path: Path) -> None:
    """Without the plan it carries, a document still gives every value it shows."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    word = open_word(_docx(example))
    for rel_id, rel in list(word.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            word.part.drop_rel(rel_id)
    result = read_word(save(word, tmp_path / "bare.docx"))
    assert not result.carries_plan
    plan = result.plan
    # what the plan export shows comes back from the text alone
    assert plan.library == example.library
    assert plan.organisation == example.organisation
    assert plan.dialogue_forum.products == example.dialogue_forum.products
    assert [g.name for g in plan.target_groups] == [g.name for g in example.target_groups]
    assert [g.votes for g in plan.target_groups] == [g.votes for g in example.target_groups]
    assert [g.segment for g in plan.target_groups] == [g.segment for g in example.target_groups]
    for got, want in zip(plan.actions, example.actions, strict=True):
        assert (got.what, got.responsible, got.roles, got.due, got.status, got.horizon) == (
            want.what,
            want.responsible,
            want.roles,
            want.due,
            want.status,
            want.horizon,
        )
    assert [a.budget for a in plan.communication_plan.activities] == [
        a.budget for a in example.communication_plan.activities
    ]


# -- the blank workbook, filled in as a person would --------------------------------


def fill_blank_workbook(tmp_path: Path) -> Path:
    """Every question of the blank workbook answered, rows added, as a person does in Word."""
    w = open_word(_docx(Plan(), workbook=True))
    type_into(w, "library.name", "Norrby bibliotek")
    type_into(w, "library.date", "2010-11-20")
    type_into(w, "library.author", "Eva Lind och Per Ek")
    write_lines(w, "target_groups[*].segment=A", ["Bokälskaren", "Den stressade småbarnsföräldern"])
    write_lines(w, "target_groups[*].segment=B", ["Den oerfarne", "Den kommunplacerade flyktingen"])
    immediate = rows(table(w, "Möjliga omgående åtgärder"))
    fill_cell(immediate[0], 0, "1. Skylta på fyra språk")
    fill_cell(immediate[0], 1, "1. Mångspråksgruppen skriver texterna")
    fill_cell(immediate[0], 2, "1. Nyanlända ser att biblioteket är deras")
    fill_cell(immediate[0], 3, "Karin Ahmadi")
    fill_cell(immediate[0], 4, "mångspråksgrupp, vaktmästare")
    fill_cell(immediate[1], 0, "2. Datorhjälp varje tisdag")
    fill_cell(immediate[1], 2, "2. Annonser i lokaltidningen")
    fill_cell(immediate[1], 3, "Lena Persson")
    # an eleventh row: the sheet's ten were not enough
    add_row(
        table(w, "Möjliga omgående åtgärder"),
        ["11. Sagostund på lördagar", "11. Barnbibliotekarierna turas om", "", "Maria Lund", ""],
    )
    later = rows(table(w, "Att göra: på längre sikt"))
    fill_cell(later[0], 0, "1. Kvällsöppet två dagar i veckan")
    fill_cell(later[0], 1, "1. En ny tjänst på 50 procent")
    fill_cell(later[0], 2, "1. Nya öppettider i alla kanaler")
    fill_cell(later[0], 3, "Anna Bergström")
    fill_cell(later[0], 4, "bibliotekschef")
    # five products on four lines: Enter after the last makes a fifth
    products = ["Utlåning", "Barnverksamhet", "Datorhjälp", "Språkcafé", "Studieplatser"]
    write_lines(w, "dialogue_forum.products", products)
    write_lines(w, "dialogue_forum.centre_today.centres", ["Kulturcentrum, kunskap"])
    write_lines(
        w, "dialogue_forum.centre_today.description", ["Vi lånar ut böcker.", "Vi har läxhjälp."]
    )
    write_lines(w, "dialogue_forum.centre_tomorrow.centres", ["Socialt centrum"])
    write_lines(w, "dialogue_forum.centre_tomorrow.description", ["En mötesplats för alla."])
    write_lines(w, "dialogue_forum.centre_approach", ["Vi väljer det sociala centrat."])
    add_item(w, "target_groups", "Företagaren (3 röster)")
    write_lines(w, "customer_care.summary", ["Vi ringer våra trogna låntagare."])
    write_lines(w, "values.words", ["lyhörd, modig"])
    write_lines(w, "values.promise", ["Låna dig rik"])
    write_lines(
        w, "organisation.mission", ["Ett öppet bibliotek för alla.", "", "Vi främjar läsning."]
    )
    partners = rows(table(w, "Futurum, Kombib eller annan partner"))
    fill_cell(partners[0], 1, "Vi deltar i klustret.")
    fill_cell(partners[1], 1, "All personal går kurserna.")
    fill_cell(partners[2], 0, "Länsbiblioteket")
    fill_cell(partners[2], 1, "Stöd och fortbildning")
    write_lines(w, "organisation.staffing", ["Sex tjänster."])
    write_lines(w, "organisation.competence", ["Barnlitteratur."])
    write_lines(w, "organisation.resources", ["Ett hus och en buss."])
    write_lines(w, "organisation.development_leader.name", ["Per Ek"])
    write_lines(w, "organisation.development_leader.interfaces", ["Chefen och klustret."])
    write_lines(w, "organisation.development_leader.responsibility", ["Leder planen."])
    write_lines(w, "organisation.development_leader.development_potential", ["Kan växa."])
    personas = rows(table(w, "Målgrupp", 0))
    fill_cell(personas[0], 1, "B")
    fill_cell(personas[0], 2, "Göran")
    write_lines(w, "analysis.weaknesses_today", ["Få nya kunder", "Svag webb"])
    write_lines(w, "analysis.strengths_tomorrow", ["Fler samarbeten"])
    write_lines(w, "target_groups[*].staircase.current=awareness", ["Den oerfarne"])
    write_lines(w, "target_groups[*].staircase.current=ambassador", ["Bokälskaren"])
    write_lines(w, "dialogue_forum.centre_approach", ["Vi tänker som helheten."], n=1)
    words = rows(table(w, "Värdeord"))
    fill_cell(words[0], 1, "Vi lyssnar.")
    fill_cell(words[0], 2, "Man blir hörd.")
    write_lines(w, "values.promise_fulfilment", ["Vi håller vad vi lovar."])
    write_lines(w, "values.for_staff", ["Stolthet."])
    write_lines(w, "values.for_target_groups", ["Trygghet."])
    write_lines(w, "campaign.basis", ["Basutbudet och B-kunder."])
    chosen = rows(table(w, "Målgrupp", 1))
    fill_cell(chosen[0], 0, "Den kommunplacerade flyktingen")
    fill_cell(chosen[0], 1, "Många nya i kommunen.")
    fill_cell(chosen[1], 0, "Den oerfarne")
    fill_cell(chosen[1], 1, "Arbetslösa efter nedläggningen.")
    write_lines(
        w, "campaign.groups[*].priority=#", ["Den kommunplacerade flyktingen", "Den oerfarne"]
    )
    campaign_personas = rows(table(w, "Målgrupp", 2))
    fill_cell(campaign_personas[0], 0, "Den kommunplacerade flyktingen")
    fill_cell(campaign_personas[0], 1, "Amina")
    write_lines(w, "campaign.focus_group_plan", ["Via SFI."])
    reality = rows(table(w, "Målgrupp", 3))
    fill_cell(reality[0], 0, "Den oerfarne")
    fill_cell(reality[0], 1, "Jobbsökning")
    fill_cell(reality[0], 2, "Fler kvinnor")
    write_lines(w, "campaign.survey_plan", ["Studenter intervjuar."])
    write_lines(w, "target_groups[*].centre=culture", ["Bokälskaren"])
    write_lines(w, "target_groups[*].centre=information", ["Den oerfarne"])
    write_lines(w, "target_groups[*].centre=social", ["Den kommunplacerade flyktingen"])
    social = rows(table(w, "Målgrupp", 4))
    fill_cell(social[0], 1, "Välkommen utan krav.")
    fill_cell(social[0], 2, "Bli bemött")
    write_lines(w, "campaign.organisation", ["Utvecklingsledaren samordnar."])
    write_lines(w, "communication_plan.background", ["Få nyanlända hittar hit."])
    write_lines(w, "communication_plan.purpose", ["Fler nya kunder."])
    write_lines(w, "communication_plan.goals.know", ["Att biblioteket är gratis"])
    write_lines(w, "communication_plan.goals.feel", ["Välkomna"])
    write_lines(w, "communication_plan.goals.do", ["Skaffa lånekort"])
    write_lines(
        w, "communication_plan.target_groups", ["Den kommunplacerade flyktingen", "Den oerfarne"]
    )
    messages = rows(table(w, "Målgrupp", 5))
    fill_cell(messages[0], 0, "Den oerfarne")
    fill_cell(messages[0], 1, "Här får du hjälp.")
    fill_cell(messages[1], 0, "Alla målgrupper")
    fill_cell(messages[1], 1, "Låna dig rik.")
    write_lines(w, "communication_plan.channels", ["Lokaltidningen", "SFI"])
    activities = rows(table(w, "När"))
    for column, text in enumerate(["2011-03-17", "Öppet hus", "SFI", "Karin", "4 500 kr"]):
        fill_cell(activities[0], column, text)
    write_lines(w, "communication_plan.resources", ["Två timmar i veckan."])
    write_lines(w, "communication_plan.budget", ["40 000"])
    write_lines(w, "communication_plan.follow_up", ["Varje månad."])
    write_lines(w, "communication_plan.evaluation.method", ["Enkät."])
    write_lines(w, "communication_plan.evaluation.indicators", ["Nya lånekort", "Besökare"])
    write_lines(w, "further_work.pr_media", ["En presskontakt."])
    write_lines(w, "further_work.sharing_tips", ["En blogg."])
    write_lines(w, "further_work.evaluation_template", ["En sida."])
    # point 13 asks nothing the plan holds: what is written there is reported
    paragraph_after(w, "Fokusera på HUR", "Arbeta i par.")
    return save(w, tmp_path / "arbetsbok.docx")


EXPECTED = """\
schema_version: 1
language: sv
library:
  name: Norrby bibliotek
  author: Eva Lind och Per Ek
  date: 2010-11-20
organisation:
  mission: "Ett öppet bibliotek för alla.\\n\\nVi främjar läsning."
  partners:
  - {name: Futurum, relation: Vi deltar i klustret.}
  - {name: Kombib, relation: All personal går kurserna.}
  - {name: Länsbiblioteket, relation: Stöd och fortbildning}
  staffing: Sex tjänster.
  competence: Barnlitteratur.
  resources: Ett hus och en buss.
  development_leader:
    name: Per Ek
    interfaces: Chefen och klustret.
    responsibility: Leder planen.
    development_potential: Kan växa.
dialogue_forum:
  products: [Utlåning, Barnverksamhet, Datorhjälp, Språkcafé, Studieplatser]
  centre_today:
    centres: [culture, knowledge]
    description: "Vi lånar ut böcker.\\n\\nVi har läxhjälp."
  centre_tomorrow: {centres: [social], description: En mötesplats för alla.}
  centre_approach: "Vi väljer det sociala centrat.\\n\\nVi tänker som helheten."
analysis:
  weaknesses_today: [Få nya kunder, Svag webb]
  strengths_tomorrow: [Fler samarbeten]
target_groups:
- id: den-oerfarne
  name: Den oerfarne
  votes: 8
  segment: B
  social_filter: {meaning: Välkommen utan krav., needs: [Bli bemött]}
  centre: information
  staircase: {current: awareness}
  persona:
    name: Göran
    validation: {matches: [Jobbsökning], gaps: [Fler kvinnor]}
- {id: den-stressade-smabarnsforaldern, name: Den stressade småbarnsföräldern, votes: 7,
   segment: A}
- id: den-kommunplacerade-flyktingen
  name: Den kommunplacerade flyktingen
  votes: 9
  segment: B
  centre: social
  persona: {name: Amina}
- id: bokalskaren
  name: Bokälskaren
  votes: 7
  segment: A
  centre: culture
  staircase: {current: ambassador}
- {id: foretagaren, name: Företagaren, votes: 3}
customer_care: {summary: Vi ringer våra trogna låntagare.}
values:
  promise: Låna dig rik
  promise_fulfilment: Vi håller vad vi lovar.
  for_staff: Stolthet.
  for_target_groups: Trygghet.
  words:
  - {word: lyhörd, for_staff: Vi lyssnar., for_target_groups: Man blir hörd.}
  - {word: modig}
actions:
- what: Skylta på fyra språk
  organisational_consequence: Mångspråksgruppen skriver texterna
  communicative_consequence: Nyanlända ser att biblioteket är deras
  responsible: Karin Ahmadi
  roles: [mångspråksgrupp, vaktmästare]
- {what: Datorhjälp varje tisdag, communicative_consequence: Annonser i lokaltidningen,
   responsible: Lena Persson}
- {what: Sagostund på lördagar, organisational_consequence: Barnbibliotekarierna turas om,
   responsible: Maria Lund}
- horizon: long_term
  what: Kvällsöppet två dagar i veckan
  organisational_consequence: En ny tjänst på 50 procent
  communicative_consequence: Nya öppettider i alla kanaler
  responsible: Anna Bergström
  roles: [bibliotekschef]
campaign:
  basis: Basutbudet och B-kunder.
  groups:
  - {target_group: den-kommunplacerade-flyktingen, priority: 1,
     motivation: Många nya i kommunen.}
  - {target_group: den-oerfarne, priority: 2, motivation: Arbetslösa efter nedläggningen.}
  focus_group_plan: Via SFI.
  survey_plan: Studenter intervjuar.
  organisation: Utvecklingsledaren samordnar.
communication_plan:
  background: Få nyanlända hittar hit.
  purpose: Fler nya kunder.
  goals: {know: [Att biblioteket är gratis], feel: [Välkomna], do: [Skaffa lånekort]}
  target_groups: [den-kommunplacerade-flyktingen, den-oerfarne]
  messages:
  - {target_group: den-oerfarne, text: Här får du hjälp.}
  - {text: Låna dig rik.}
  channels: [Lokaltidningen, SFI]
  activities:
  - {what: Öppet hus, channel: SFI, date: 2011-03-17, responsible: Karin, budget: 4500}
  resources: Två timmar i veckan.
  budget: 40000
  follow_up: Varje månad.
  evaluation: {method: Enkät., indicators: [Nya lånekort, Besökare]}
further_work:
  pr_media: En presskontakt.
  sharing_tips: En blogg.
  evaluation_template: En sida.
"""


def _point_13(notices: tuple[Any, ...]) -> None:
    """The notices of the filled-in workbook: a line typed outside, and the roles split."""
    outside, split = notices
    assert "13. Arbeta systematiskt utifrån skissen." in str(outside)
    assert "”Arbeta i par.” stands outside any field" in str(outside)
    # the roles cell is split at its commas, as its sheet says, and the import says so
    assert "column ”Roller”" in str(split)
    assert "read as roles ”mångspråksgrupp”, ”vaktmästare”" in str(split)
    assert "lästes som roller ”mångspråksgrupp”, ”vaktmästare”" in split.message.sv


def test_the_blank_workbook_filled_in_comes_back_as_the_plan(tmp_path: Path) -> None:
    path = fill_blank_workbook(tmp_path)
    result = read_word(path)
    assert result.plan == klusterplan.loads(EXPECTED)
    _point_13(result.notices)
    # check accepts it: what it still lacks are warnings, no errors
    findings = klusterplan.check(result.plan)
    assert not [f for f in findings if f.severity is klusterplan.Severity.ERROR], findings


@needs_libreoffice
def test_the_filled_workbook_comes_back_after_libreoffice(tmp_path: Path) -> None:
    saved = through_libreoffice(fill_blank_workbook(tmp_path))
    result = read_word(saved)
    assert result.plan == klusterplan.loads(EXPECTED)
    _point_13(result.notices)


def test_the_plan_from_the_workbook_exports_to_the_same_content(tmp_path: Path) -> None:
    plan = read_word(fill_blank_workbook(tmp_path)).plan
    # its own workbook, pre-filled, reads back to it, and so does its plan export
    for options in ({"workbook": True}, {}):
        path = tmp_path / "again.docx"
        path.write_bytes(_docx(plan, **options))
        assert read_word(path).plan == plan
        assert read_word(path).changes == ()


# -- what people do to a document ---------------------------------------------------


@pytest.fixture
def edited(example: Plan, tmp_path: Path) -> Callable[[Callable[[Any], None]], Any]:
    """Export the example plan, edit it as ``edit(word)`` does, read it back."""

    def run(edit: Callable[[Any], None], **options: Any) -> Any:
        word = open_word(_docx(example, **options))
        edit(word)
        return read_word(save(word, tmp_path / "edited.docx"))

    return run


def test_a_changed_value_is_read(edited: Any, example: Plan) -> None:
    result = edited(lambda w: type_into(w, "target_groups[0].votes", "\t12 "))
    assert result.plan.target_groups[0].votes == 12
    (change,) = result.changes
    assert (change.kind, change.path, change.old, change.new) == (
        "set",
        "target_groups[0].votes",
        8,
        12,
    )
    assert "row 1" in change.where and "Röster" in change.where
    assert attrs.evolve(result.plan, target_groups=example.target_groups) == example


def test_a_value_that_cannot_be_read_names_table_row_column_and_path(edited: Any) -> None:
    with pytest.raises(PlanError) as caught:
        edited(lambda w: type_into(w, "target_groups[2].votes", "åtta"))
    (problem,) = caught.value.problems
    assert problem.path == "target_groups[2].votes"
    assert (
        "in the table under ”Våra prioriterade målgrupper”, row 3, column ”Röster”"
        in problem.message
    )
    assert "expected a whole number, got ”åtta”" in problem.message


def test_rows_added_and_deleted(edited: Any, example: Plan) -> None:
    def edit(w: Any) -> None:
        immediate = table(w, "Nr", 1)
        add_row(
            immediate,
            [
                "",
                "Läsfrämjande på BVC",
                "Två timmar i månaden",
                "Affisch",
                "Maria Lund (barnbibliotekarie)",
                "Det nyfikna förskolebarnet",
                "2011-05-01",
                "planerad",
            ],
        )
        long_term = table(w, "Nr", 2)
        delete_row(rows(long_term)[1])

    result = edited(edit)
    added = result.plan.actions[-1]
    assert (added.horizon, added.what, added.responsible, added.roles) == (
        klusterplan.model.Horizon.IMMEDIATE,
        "Läsfrämjande på BVC",
        "Maria Lund",
        ("barnbibliotekarie",),
    )
    assert added.target_groups == ("forskolebarn",)
    long_term = [a for a in example.actions if a.horizon.value == "long_term"]
    assert long_term[1] not in result.plan.actions
    assert len(result.plan.actions) == len(example.actions)
    kinds = sorted(c.kind for c in result.changes)
    assert kinds == ["add", "remove"]


def test_a_row_inserted_above_the_first_is_a_new_row(edited: Any, example: Plan) -> None:
    """Word's Insert Row Above copies the row below's look, never its marks."""
    from docx.oxml.ns import qn

    def edit(w: Any) -> None:
        first = rows(table(w, "När"))[0]
        new = add_row(
            table(w, "När"), ["2011-01-10", "Bokcirkel", "Biblioteket", "", "Eva", "", ""]
        )
        first.addprevious(new)
        # rows stand in the table itself, where python-docx finds them
        assert first.getparent().tag == qn("w:tbl")

    result = edited(edit)
    activities = result.plan.communication_plan.activities
    assert activities[:-1] == example.communication_plan.activities
    assert (activities[-1].what, activities[-1].responsible) == ("Bokcirkel", "Eva")


def test_a_table_sorted_differently_changes_nothing(edited: Any, example: Plan) -> None:
    def edit(w: Any) -> None:
        sort_rows(table(w, "När"), 1)
        sort_rows(table(w, "Nr", 1), 1, reverse=True)

    result = edited(edit)
    assert result.plan == example and result.changes == ()


def test_a_list_item_typed_as_several_lines_stays_one_item(edited: Any) -> None:
    result = edited(
        lambda w: type_into(w, "dialogue_forum.products[0]", "Utlåning av böcker\noch film")
    )
    assert result.plan.dialogue_forum.products[0] == "Utlåning av böcker\noch film"


def test_a_list_item_added_after_the_last(edited: Any, example: Plan) -> None:
    result = edited(lambda w: add_item(w, "analysis.weaknesses_today", "Få sittplatser"))
    assert result.plan.analysis.weaknesses_today == (
        *example.analysis.weaknesses_today,
        "Få sittplatser",
    )


def test_text_outside_any_field_is_reported_with_where_it_stands(
    edited: Any, example: Plan
) -> None:
    result = edited(lambda w: paragraph_after(w, "Vi tänker ändå inte", "Glöm inte bokbussen!"))
    assert result.plan == example
    (notice,) = result.notices
    assert "under ”Förslag kring förhållningssätt i val av centrum”" in str(notice)
    assert "”Glöm inte bokbussen!” stands outside any field" in str(notice)


def test_a_field_deleted_is_reported_and_its_value_kept(edited: Any, example: Plan) -> None:
    result = edited(lambda w: remove_control(w, "dialogue_forum.held"))
    assert result.plan == example
    (notice,) = result.notices
    assert notice.path == "dialogue_forum.held"
    assert "no longer in the document; its value is kept" in notice.message


def test_an_answer_typed_on_the_lines_adds_to_the_field(edited: Any, example: Plan) -> None:
    result = edited(
        lambda w: write_lines(
            w, "organisation.mission", ["Vi ska också nå företagare."], inside=False
        ),
        workbook=True,
    )
    assert result.plan.organisation.mission == (
        example.organisation.mission.strip() + "\n\nVi ska också nå företagare."
    )


def test_smart_quotes_and_tabs(edited: Any) -> None:
    def edit(w: Any) -> None:
        type_into(w, "communication_plan.messages[0].target_group", "”Den oerfarne”\t")
        type_into(w, "actions[0].due", "\t2011‐01‐31 ")

    result = edited(edit)
    assert result.plan.communication_plan.messages[0].target_group == "oerfarne"
    assert str(result.plan.actions[0].due) == "2011-01-31"


def test_two_places_that_disagree_are_an_error(edited: Any) -> None:
    def edit(w: Any) -> None:
        type_into(w, "target_groups[0].votes", "9", n=0)
        type_into(w, "target_groups[0].votes", "10", n=1)

    with pytest.raises(PlanError, match="keep one of them"):
        edited(edit)


def test_an_unknown_group_name_says_which_are_known(edited: Any) -> None:
    with pytest.raises(PlanError) as caught:
        edited(lambda w: type_into(w, "actions[0].target_groups", "Sjöfolket"))
    assert "no target group is named ”Sjöfolket”" in str(caught.value)
    assert "”Den oerfarne”" in str(caught.value)


def test_a_row_deleted_removes_its_item_when_nothing_else_shows_it(
    edited: Any, example: Plan
) -> None:
    def edit(w: Any) -> None:
        words = table(w, "Värdeord")
        delete_row(rows(words)[1])

    result = edited(edit)
    assert [v.word for v in result.plan.values.words] == [
        v.word for k, v in enumerate(example.values.words) if k != 1
    ]
    (change,) = result.changes
    assert (change.kind, change.path) == ("remove", "values.words[1]")


def test_a_row_deleted_from_one_table_of_many_keeps_the_item(edited: Any, example: Plan) -> None:
    def edit(w: Any) -> None:
        chart = table(w, "Nr", 3)
        last = rows(chart)[-1]
        assert cell_text(last, 1) == "Bokälskaren"
        delete_row(last)

    # the group still has its own section: it stays, and the reader is told why
    result = edited(edit)
    assert result.plan == example
    (notice,) = result.notices
    assert notice.path == "target_groups[7]"
    assert "still stands elsewhere in the document" in notice.message


# -- documents that are not klusterplan's -------------------------------------------


def test_a_document_klusterplan_did_not_write_is_refused(tmp_path: Path, run: Any) -> None:
    import docx

    other = docx.Document()
    other.add_paragraph("Mötesanteckningar")
    other.save(str(tmp_path / "annat.docx"))
    result = run("import", "annat.docx", "-o", "plan.yaml")
    assert result.exit_code == 2
    assert "was not written by klusterplan" in result.output
    assert not (tmp_path / "plan.yaml").exists()


def test_a_document_whose_marks_were_removed_is_refused(example: Plan, tmp_path: Path) -> None:
    from klusterplan.testing import open_word as unwrapped

    word = unwrapped(_docx(example))
    body = word.element.body
    from docx.oxml.ns import qn

    for mark in [*body.iter(qn("w:bookmarkStart")), *body.iter(qn("w:bookmarkEnd"))]:
        mark.getparent().remove(mark)
    with pytest.raises(PlanError, match="every mark"):
        read_word(save(word, tmp_path / "bare.docx"))


# -- the commands ---------------------------------------------------------------------


def test_check_and_export_work_straight_from_word(run: Any, tmp_path: Path) -> None:
    fill_blank_workbook(tmp_path)
    result = run("check", "arbetsbok.docx")
    assert result.exit_code == 0, result.output
    assert "1 plan kontrollerad" in result.output
    assert "arbetsbok.docx: under ”13. Arbeta systematiskt utifrån skissen.”" in result.output
    result = run("export", "arbetsbok.docx", "--to", "markdown,pdf")
    assert result.exit_code == 0, result.output
    assert "arbetsbok.docx: under ”13. Arbeta systematiskt utifrån skissen.”" in result.output
    assert "Norrby bibliotek" in (tmp_path / "arbetsbok.md").read_text(encoding="utf-8")
    assert (tmp_path / "arbetsbok.pdf").read_bytes().startswith(b"%PDF")


def test_load_gives_notices_as_warnings(tmp_path: Path) -> None:
    path = fill_blank_workbook(tmp_path)
    with pytest.warns(WordNotice, match="Arbeta i par"):
        plan = klusterplan.load(path)
    assert plan == klusterplan.loads(EXPECTED)


def test_import_writes_a_new_plan(run: Any, tmp_path: Path) -> None:
    fill_blank_workbook(tmp_path)
    result: Result = run("import", "arbetsbok.docx", "-o", "plan.yaml")
    assert result.exit_code == 0, result.output
    assert "skrev plan.yaml" in result.output
    assert klusterplan.load(tmp_path / "plan.yaml") == klusterplan.loads(EXPECTED)
    # it will not overwrite a plan by accident
    again = run("import", "arbetsbok.docx", "-o", "plan.yaml")
    assert again.exit_code == 2 and "--into plan.yaml" in again.output


COMMENTED = """\
# Vår plan, skriven för hand.
schema_version: 1
language: sv

library:
  name: Byköpings bibliotek   # huvudbiblioteket
  municipality: Byköpings kommun

target_groups:
  # de två vi började med
  - id: oerfarne
    name: Den oerfarne
    votes: 8   # röster på dialogforum
  - id: bokalskare
    name: Bokälskaren
    votes: 7
"""


def test_import_into_a_plan_keeps_its_comments_and_prints_the_changes(
    run: Any, tmp_path: Path
) -> None:
    (tmp_path / "plan.yaml").write_text(COMMENTED, encoding="utf-8")
    assert run("export", "plan.yaml", "--to", "docx").exit_code == 0
    word = open_word(tmp_path / "plan.docx")
    type_into(word, "target_groups[0].votes", "9")
    add_row(table(word, "Nr", 1), ["", "Förskolebarnet", "", "11"])
    save(word, tmp_path / "plan.docx")
    dry = run("import", "plan.docx", "--into", "plan.yaml", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "skulle ändra 2 värden" in dry.output
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == COMMENTED
    result = run("import", "plan.docx", "--into", "plan.yaml")
    assert result.exit_code == 0, result.output
    assert "target_groups[0].votes: ”8” → ”9”" in result.output
    assert "target_groups: lade till ”Förskolebarnet”" in result.output
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    for comment in (
        "# Vår plan, skriven för hand.",
        "# huvudbiblioteket",
        "# de två vi började med",
    ):
        assert comment in text
    assert "votes: 9   # röster på dialogforum" in text
    plan = klusterplan.load(tmp_path / "plan.yaml")
    assert [(g.name, g.votes) for g in plan.target_groups][-1] == ("Förskolebarnet", 11)
    # the same document again changes nothing more
    again = run("import", "plan.docx", "--into", "plan.yaml")
    assert "plan.yaml: inga ändringar; den säger redan det som plan.docx säger" in again.output
    english = run("import", "plan.docx", "--into", "plan.yaml", "--lang", "en")
    assert "plan.yaml: no changes; it already says what plan.docx says" in english.output


def test_import_into_a_plan_changed_since_keeps_the_files_value(run: Any, tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(COMMENTED, encoding="utf-8")
    run("export", "plan.yaml", "--to", "docx")
    word = open_word(tmp_path / "plan.docx")
    type_into(word, "target_groups[0].votes", "9")
    type_into(word, "target_groups[1].votes", "6")
    save(word, tmp_path / "plan.docx")
    changed = COMMENTED.replace("votes: 8", "votes: 5")
    (tmp_path / "plan.yaml").write_text(changed, encoding="utf-8")
    said = run("import", "plan.docx", "--into", "plan.yaml", "--dry-run", "--lang", "en")
    assert "has changed it since the document was made, and keeps its own value" in said.output
    result = run("import", "plan.docx", "--into", "plan.yaml")
    assert result.exit_code == 0, result.output
    # the plan file is Swedish, and so is what the command says of it
    assert (
        "plan.yaml: target_groups[0].votes: inte infört (target_groups[0].votes: ”8” → ”9”): "
        "planfilen har ändrat det sedan dokumentet skapades och behåller sitt eget värde"
    ) in result.output
    plan = klusterplan.load(tmp_path / "plan.yaml")
    assert [g.votes for g in plan.target_groups] == [5, 6]


def test_import_needs_one_target(run: Any, tmp_path: Path) -> None:
    result = run("import", "x.docx")
    assert result.exit_code == 2 and "-o NEW.yaml" in result.output


class _Looks:
    """A municipality's plugin that reads the Word document before it is saved."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @klusterplan.hookimpl
    def docx_document(self, document: Any, plan: Plan, context: Any) -> None:
        # python-docx sees every paragraph's text: the marks are bookmarks, which hide nothing
        self.seen = [p.text for p in document.paragraphs]
        document.add_paragraph("Kommunens logotyp och kontaktuppgifter")


def test_a_plugin_sees_the_whole_document_and_it_still_reads_back(
    example: Plan, tmp_path: Path
) -> None:
    from klusterplan.plugins import DEFAULT_PLUGINS, Registry

    looks = _Looks()
    registry = Registry([*DEFAULT_PLUGINS, looks], autoload=False)
    path = tmp_path / "plan.docx"
    klusterplan.export(example, "docx", path, registry=registry)
    assert example.organisation.mission.split(". ")[0] in "\n".join(looks.seen)
    with_hook = read_word(path)
    assert with_hook.plan == example
    # what the plugin added is the document's own, as klusterplan's words are: no notice
    assert with_hook.notices == ()
    # the same marks as without the plugin
    plain = tmp_path / "plain.docx"
    plain.write_bytes(_docx(example))
    marks = [
        [b.get(W_NAME) for b in open_word(p).element.body.iter(W_BOOKMARK)] for p in (path, plain)
    ]
    assert marks[0] == marks[1] and len(marks[0]) > 500


W_BOOKMARK = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart"
W_NAME = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name"


# -- documents from earlier versions ------------------------------------------------

#: Word files an earlier version wrote, which held each value in a content control too.
EARLIER = Path(__file__).parent / "earlier_versions"


@pytest.mark.parametrize(
    "name", ["plan-with-content-controls.docx", "workbook-with-content-controls.docx"]
)
def test_a_document_with_content_controls_still_reads_back(name: str) -> None:
    result = read_word(EARLIER / name)
    assert result.carries_plan
    assert result.plan == result.base
    assert (result.changes, result.notices) == ((), ())


def test_a_value_typed_into_an_earlier_content_control_is_read(tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    word = open_word(EARLIER / "plan-with-content-controls.docx")
    for control in word.element.body.iter(qn("w:sdt")):
        tag = control.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
        if tag == "target_groups[0].votes":
            control.find(qn("w:sdtContent")).find(qn("w:r")).find(qn("w:t")).text = "9"
            break
    result = read_word(save(word, tmp_path / "edited.docx"))
    assert result.plan.target_groups[0].votes == 9
    (change,) = result.changes
    assert (change.path, change.old, change.new) == ("target_groups[0].votes", 8, 9)
