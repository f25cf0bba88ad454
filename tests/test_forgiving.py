"""Forgiving input: Swedish names, any case, groups by name; alike in check, export, API."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import Result

import klusterplan
from klusterplan import Text, testing
from klusterplan._catalogue.locale import peek_language, system_language
from klusterplan.model import ActionStatus, Horizon, Language, Segment

Run = Callable[..., Result]

PLAN = """\
schema_version: 1
language: svenska
target_groups:
  - id: unga
    name: Unga vuxna
    segment: nya kunder
    centre: Socialt centrum
    staircase: {current: KÄNNEDOM, target: handling}
  - id: seniorer
    name: Seniorer
    segment: a
    centre: kultur
actions:
  - what: Läsecirkel
    horizon: På längre sikt
    status: Pågår
    target_groups: [Unga vuxna, SENIORER]
campaign:
  groups:
    - {target_group: seniorer, priority: 1}
communication_plan:
  target_groups: [unga]
  messages:
    - {target_group: Seniorer, text: Välkommen}
  activities:
    - {what: Affischer, status: klart, target_groups: [unga]}
dialogue_forum:
  centre_today: {centres: [Kulturcentrum, information]}
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_swedish_names_and_any_case_are_read_as_the_members(plan_file: Path) -> None:
    plan = klusterplan.load(plan_file)
    assert plan.language is Language.SV
    unga, seniorer = plan.target_groups
    assert (unga.segment, seniorer.segment) == (Segment.B, Segment.A)
    assert (unga.centre, seniorer.centre) == ("social", "culture")
    assert (unga.staircase.current, unga.staircase.target) == ("awareness", "action")
    action = plan.actions[0]
    assert (action.horizon, action.status) == (Horizon.LONG_TERM, ActionStatus.IN_PROGRESS)
    assert action.target_groups == ("unga", "seniorer")
    assert plan.communication_plan.messages[0].target_group == "seniorer"
    assert plan.communication_plan.activities[0].status is ActionStatus.DONE
    assert plan.dialogue_forum.centre_today.centres == ("culture", "information")
    # the file written back is exact
    written = klusterplan.dumps(plan)
    assert "SENIORER" not in written and "Pågår" not in written and "kultur\n" not in written
    assert klusterplan.loads(written) == plan


def test_what_was_read_forgivingly_is_a_notice_with_its_line(plan_file: Path) -> None:
    findings = klusterplan.check(klusterplan.load(plan_file), select="KP004")
    by_path = {f.path: f for f in findings}
    assert set(by_path) == {
        "target_groups[0].centre",
        "target_groups[0].staircase.current",
        "target_groups[0].staircase.target",
        "target_groups[1].centre",
        "actions[0].target_groups[0]",
        "actions[0].target_groups[1]",
        "communication_plan.messages[0].target_group",
        "dialogue_forum.centre_today.centres[0]",
    }
    notice = by_path["actions[0].target_groups[0]"]
    assert notice.line == 17 and notice.source == str(plan_file)
    assert notice.severity is klusterplan.Severity.INFO
    assert "'Unga vuxna' read as the target group with the id 'unga'" in notice.message
    assert "lästes som målgruppen med id:t 'unga'" in notice.text("sv")
    # enum values read in Swedish are no notice: they are the values, in another language
    assert not [f for f in findings if f.path.endswith(("status", "horizon", "segment"))]


def test_check_shows_the_notices_in_the_plans_language(run: Run, plan_file: Path) -> None:
    result = run("check", str(plan_file), "--select", "KP004")
    assert result.exit_code == 0, result.output
    assert (
        f"{plan_file}:17: KP004 info actions[0].target_groups[0] (ATT GÖRA 1 › målgrupper 1): "
        "'Unga vuxna' lästes som "
        "målgruppen med id:t 'unga'; skriv id:t för att vara exakt"
    ) in result.output
    assert "8 fynd (0 fel, 0 varningar, 8 info)" in result.output


def test_export_reads_the_plan_as_check_does_and_says_so(run: Run, plan_file: Path) -> None:
    result = run("export", str(plan_file), "--to", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"{plan_file}:17: actions[0].target_groups[0]: 'Unga vuxna' read as" in result.output
    data = json.loads(plan_file.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["actions"][0]["target_groups"] == ["unga", "seniorer"]
    assert data["actions"][0]["status"] == "in_progress"


def test_an_unknown_value_lists_the_choices_and_the_nearest() -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.loads("schema_version: 1\nactions:\n  - status: klr\n")
    problem = caught.value.problems[0]
    assert problem.line == 3
    assert problem.message == (
        "expected one of planned, in_progress, done, dropped (or in Swedish: planerad, pågår, "
        "klar, struken), got the text 'klr'; did you mean 'klar'?"
    )
    assert "menade du 'klar'?" in caught.value.render("sv")


def test_an_unknown_id_lists_the_ids_and_the_nearest(run: Run, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\nlanguage: en\n"
        "target_groups: [{id: unga, name: Unga}, {id: seniorer, name: Seniorer}]\n"
        "actions: [{what: x, target_groups: [senior]}]\n"
        "campaign: {groups: [{target_group: ungdomar, priority: 1}]}\n",
        encoding="utf-8",
    )
    result = run("check", "p.yaml", "--select", "KP107")
    assert (
        "p.yaml:4: KP107 error actions[0].target_groups[0] (Actions 1 › target groups 1): "
        "no target group has the id "
        "'senior'; the ids are unga, seniorer; did you mean 'seniorer'?"
    ) in result.output
    assert "the id 'ungdomar'; the ids are unga, seniorer; did you mean 'unga'?" in result.output


def test_unknown_centre_and_step_list_theirs(example: klusterplan.Plan) -> None:
    plan = testing.evolve_at(example, "target_groups[0].centre", "sportcentrum")
    plan = testing.evolve_at(plan, "target_groups[0].staircase.target", "ambasador")
    messages = {f.code: f.message for f in klusterplan.check(plan, select="KP403,KP404")}
    assert messages["KP403"].endswith("the ids are culture, knowledge, information, social")
    assert messages["KP404"].endswith("did you mean 'ambassador'?")


def test_the_api_and_the_command_read_the_same_plan(plan_file: Path, run: Run) -> None:
    from_file = klusterplan.load(plan_file)
    from_text = klusterplan.loads(PLAN)
    assert from_file == from_text
    # a plan read from text has no file: its notices carry no source
    assert {f.source for f in klusterplan.check(from_text, select="KP004")} == {None}


def test_text_keeps_both_languages_across_processes() -> None:
    message = Text("add a name", "lägg till ett namn")
    copy = pickle.loads(pickle.dumps(message))
    assert copy == "add a name" and copy.sv == "lägg till ett namn"
    assert (message + "!").sv == "lägg till ett namn!"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "sv_SE.UTF-8"}, Language.SV),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, Language.EN),
        ({"LC_MESSAGES": "sv_FI", "LANG": "C"}, Language.SV),
        ({}, Language.EN),
    ],
)
def test_the_system_language_follows_the_locale(
    environ: dict[str, str], language: Language
) -> None:
    assert system_language(environ) is language


def test_a_plan_that_does_not_load_is_reported_in_its_declared_language(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\nlanguage: sv\nlibrary:\n  name: a: b\n", encoding="utf-8"
    )
    assert peek_language(str(tmp_path / "p.yaml")) is Language.SV
    assert "p.yaml:4: inte giltig YAML: ett kolon mitt i ett värde" in run("check", "p.yaml").output
    (tmp_path / "q.yaml").write_text("schema_version: 1\nlibrary: [\n", encoding="utf-8")
    assert "q.yaml:2: not valid YAML" in run("check", "q.yaml").output
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert "q.yaml:2: inte giltig YAML" in run("check", "q.yaml").output


def test_a_date_or_enum_given_as_text_in_code_is_read_when_unambiguous(
    example: klusterplan.Plan,
) -> None:
    # what a script without a type checker does: unambiguous text becomes the value
    read = attrs.evolve(
        example,
        language="en",  # type: ignore[arg-type]
        library=attrs.evolve(example.library, date="2011-03-01"),  # type: ignore[arg-type]
        target_groups=[  # type: ignore[arg-type]
            attrs.evolve(example.target_groups[0], segment="A"),  # type: ignore[arg-type]
            *example.target_groups[1:],
        ],
    )
    assert read.language is klusterplan.Language.EN
    assert read.library.date == dt.date(2011, 3, 1)
    assert read.target_groups[0].segment is Segment.A
    assert isinstance(read.target_groups, tuple)
    assert klusterplan.check(read) == []


def test_a_wrong_value_in_code_is_a_plan_error_at_the_line_that_made_it(
    example: klusterplan.Plan,
) -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        attrs.evolve(example.library, date="2011-3-1")  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["date"]
    assert str(caught.value).startswith("Library: date: expected a date")
    assert "2011-03-01" in str(caught.value)
    with pytest.raises(klusterplan.PlanError) as caught:
        attrs.evolve(example.target_groups[0], segment="C")  # type: ignore[arg-type]
    assert "Segment.A ('A'), Segment.B ('B')" in str(caught.value)
