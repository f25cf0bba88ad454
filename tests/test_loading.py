"""Loading plans: strict types, every problem with its path and line, safe YAML."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import klusterplan
from klusterplan import PlanError
from klusterplan.model import Horizon, Segment


def problems(text: str, format: str = "yaml") -> list[str]:
    with pytest.raises(PlanError) as info:
        klusterplan.loads(text, format, source="plan." + format)
    assert isinstance(info.value, ValueError)
    return [p.render() for p in info.value.problems]


def test_minimal_plan_loads_with_defaults() -> None:
    plan = klusterplan.loads("schema_version: 1\n")
    assert plan.target_groups == ()
    assert [c.id for c in plan.centres] == ["culture", "knowledge", "information", "social"]
    assert plan.staircase[0].name == "Kännedom"
    assert plan.language is klusterplan.Language.SV


def test_public_keys_of_the_format() -> None:
    plan = klusterplan.loads(
        """
schema_version: 1
language: en
library: {name: Bib, municipality: Kommun, cluster: Syd}
target_groups:
  - id: t
    name: Teens
    votes: 9
    segment: B
    persona: {name: Elin}
actions:
  - horizon: long_term
    what: W
    organisational_consequence: O
    communicative_consequence: C
    responsible: R
    roles: [a, b]
values: {promise: Låna dig rik, words: [{word: lyhörd}]}
campaign:
  year: 2011
  groups: [{target_group: t, priority: 1, motivation: M}]
communication_plan: {purpose: P}
"""
    )
    assert plan.target_groups[0].segment is Segment.B
    assert plan.target_groups[0].persona is not None
    assert plan.target_groups[0].persona.name == "Elin"
    assert plan.actions[0].horizon is Horizon.LONG_TERM
    assert plan.actions[0].roles == ("a", "b")
    assert plan.campaign.groups[0].target_group == "t"
    assert plan.values.words[0].word == "lyhörd"


def test_every_problem_is_listed_with_path_and_line() -> None:
    text = """schema_version: 1
library:
  name: 12
  nmae: x
target_groups:
  - id: a
    votes: "8"
  - id: b
    segment: C
    persona: {age: old}
actions:
  - horizon: soon
    roles: admin
"""
    assert problems(text) == [
        "3: library.name: expected text, got the number 12; "
        "put it in quotes if it is meant as text",
        "4: library.nmae: unknown key; did you mean 'name'?",
        "7: target_groups[0].votes: expected an integer, but '8' is in quotes and so is read "
        "as text; remove the quotes and write just 8",
        "9: target_groups[1].segment: expected one of A, B (or in Swedish: befintliga, nya), "
        "got the text 'C'",
        "10: target_groups[1].persona.age: expected an integer, got the text 'old'",
        "12: actions[0].horizon: expected one of immediate, long_term (or in Swedish: "
        "omgående, på längre sikt), got the text 'soon'",
        "13: actions[0].roles: expected a list, got the text 'admin'",
    ]


def test_message_names_the_file() -> None:
    with pytest.raises(
        PlanError, match=r"plan.yaml:2: target_groups\[0\].id: required key missing"
    ):
        klusterplan.loads("schema_version: 1\ntarget_groups: [{name: x}]\n", source="plan.yaml")


def test_json_problems_have_lines() -> None:
    text = (
        '{\n  "schema_version": 1,\n  "target_groups": [\n    {"id": "a", "votes": true}\n  ]\n}\n'
    )
    assert problems(text, "json") == [
        "4: target_groups[0].votes: expected an integer, got the boolean true"
    ]


def test_toml_problems_have_paths() -> None:
    text = 'schema_version = 1\n[[target_groups]]\nid = "a"\nvotes = "many"\n'
    assert problems(text, "toml") == [
        "target_groups[0].votes: expected an integer, got the text 'many'"
    ]


@pytest.mark.parametrize(
    ("text", "format", "expected"),
    [
        ("library: {name: a\n", "yaml", "not valid YAML"),
        ('{"schema_version": 1,}', "json", "not valid JSON"),
        ("schema_version = \n", "toml", "not valid TOML"),
        ("", "yaml", "a plan is a mapping of keys, got an empty file"),
        ("- a\n- b\n", "yaml", "a plan is a mapping of keys, got a list"),
        ("library: {}\n", "yaml", "schema_version is missing"),
        ("schema_version: 2\n", "yaml", "this release reads schema_version 1"),
        ("schema_version: 1\nlibrary: {}\nlibrary: {}\n", "yaml", "duplicate key 'library'"),
        ('{"schema_version": 1, "language": "sv", "language": "en"}', "json", "duplicate key"),
    ],
)
def test_malformed_files(text: str, format: str, expected: str) -> None:
    assert expected in problems(text, format)[0]


def test_yaml_object_tags_are_refused(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"schema_version: 1\nx: !!python/object/apply:os.system ['touch {marker}']\n"
    (message,) = problems(text)
    assert message.startswith(
        "2: not valid YAML: the tag !!python/object/apply:os.system would build"
    )
    assert not marker.exists()


def test_dates_from_json_and_yaml_agree() -> None:
    from_yaml = klusterplan.loads("schema_version: 1\nlibrary: {date: 2010-11-15}\n")
    from_json = klusterplan.loads(
        '{"schema_version": 1, "library": {"date": "2010-11-15"}}', "json"
    )
    assert from_yaml == from_json
    assert problems('{"schema_version": 1, "library": {"date": "15/11"}}', "json") == [
        "1: library.date: expected a date written as YYYY-MM-DD, got the text '15/11'"
    ]


@pytest.mark.parametrize("format", ["yaml", "json", "toml"])
def test_round_trip_is_stable(format: str, example: klusterplan.Plan) -> None:
    text = klusterplan.dumps(example, format)
    again = klusterplan.loads(text, format)
    assert again == example
    assert klusterplan.dumps(again, format) == text


def test_dump_leaves_out_defaults_but_keeps_the_version() -> None:
    text = klusterplan.dumps(klusterplan.loads("schema_version: 1\n"))
    assert text == "schema_version: 1\nlanguage: sv\n"


def test_multiline_text_is_written_as_a_block() -> None:
    plan = klusterplan.loads("schema_version: 1\n")
    plan = attrs.evolve(plan, library=attrs.evolve(plan.library, name="Rad ett\nRad två"))
    assert "name: |-\n    Rad ett\n    Rad två" in klusterplan.dumps(plan)


def test_load_and_dump_files(tmp_path: Path, example: klusterplan.Plan) -> None:
    for suffix in (".yaml", ".yml", ".json", ".toml"):
        path = tmp_path / f"plan{suffix}"
        klusterplan.dump(example, path)
        assert klusterplan.load(path) == example
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.json",
        "plan.toml",
        "plan.yaml",
        "plan.yml",
    ]


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match=r"nothere\.yaml: no such file"):
        klusterplan.load(tmp_path / "nothere.yaml")
    with pytest.raises(PlanError, match=r"cannot tell the format from the suffix '\.txt'"):
        klusterplan.load(tmp_path / "plan.txt")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("schema_version: 1\nlibrary: {name: Bokälskaren}\n".encode("latin-1"))
    # what Notepad saves as ANSI is read as Windows-1252 (the check says so, test_encoding)
    assert klusterplan.load(latin).library.name == "Bokälskaren"
    neither = tmp_path / "neither.yaml"
    neither.write_bytes(b"schema_version: 1\nlibrary: {name: \x81}\n")
    with pytest.raises(PlanError, match="neither as UTF-8 nor as ANSI"):
        klusterplan.load(neither)


def test_failed_dump_leaves_no_file(tmp_path: Path, example: klusterplan.Plan) -> None:
    library = attrs.evolve(example.library)
    object.__setattr__(library, "name", object())  # past the constructor, which refuses it
    bad = attrs.evolve(example, library=library)
    target = tmp_path / "plan.yaml"
    with pytest.raises(Exception):  # noqa: B017 - any failure will do
        klusterplan.dump(bad, target)
    assert list(tmp_path.iterdir()) == []


def test_example_is_the_workbook() -> None:
    plan = klusterplan.example()
    assert [(g.name, g.votes) for g in plan.target_groups] == [
        ("Den oerfarne", 8),
        ("Den identitetsökande tonåringen", 9),
        ("Den stressade småbarnsföräldern", 7),
        ("Det nyfikna förskolebarnet", 9),
        ("Den digitala analfabeten", 8),
        ("Daisy- och storstilsläsaren", 8),
        ("Den kommunplacerade flyktingen", 9),
        ("Bokälskaren", 7),
    ]
    assert plan.values.promise == "Låna dig rik"
    assert [w.word for w in plan.values.words] == ["lyhörd", "kreativ", "kompetent", "engagerad"]
    assert plan.campaign.year == 2011
    assert len(plan.campaign.groups) == 3
    assert all(g.persona and g.persona.name for g in plan.target_groups)
    assert {p.name for p in plan.organisation.partners} >= {"Futurum", "Kombib"}
    assert plan.communication_plan.activities
    assert plan.actions and {a.horizon for a in plan.actions} == set(Horizon)


@pytest.mark.parametrize("format", ["yaml", "json", "toml"])
def test_carriage_returns_survive_a_round_trip(format: str) -> None:
    plan = klusterplan.loads("schema_version: 1\n")
    plan = attrs.evolve(plan, library=attrs.evolve(plan.library, period="rad ett\r\nrad två"))
    assert klusterplan.loads(klusterplan.dumps(plan, format), format) == plan
