"""The model from a script: constructors that read the unambiguous and refuse the wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import Result

import klusterplan
from klusterplan import model


def test_every_model_name_is_importable_from_the_package() -> None:
    for name in model.__all__:
        assert getattr(klusterplan, name) is getattr(model, name), name
        assert name in klusterplan.__all__
        assert name in dir(klusterplan)
    assert klusterplan.Library is model.Library
    assert klusterplan.TargetGroup(id="unga").id == "unga"


def test_severity_prints_as_its_word() -> None:
    assert str(klusterplan.Severity.ERROR) == "error"
    assert f"{klusterplan.Severity.WARNING}" == "warning"
    assert str(klusterplan.Severity.INFO) == "info"


def test_a_list_becomes_a_tuple_and_a_language_code_its_member() -> None:
    group = klusterplan.TargetGroup(id="unga", needs=["läxhjälp", "lugn"])  # type: ignore[arg-type]
    plan = klusterplan.Plan(language="sv", target_groups=[group])  # type: ignore[arg-type]
    assert plan.language is klusterplan.Language.SV
    assert plan.target_groups == (group,)
    assert type(plan.target_groups) is tuple and type(group.needs) is tuple
    assert klusterplan.Plan(language="EN").language is klusterplan.Language.EN  # type: ignore[arg-type]
    action = klusterplan.Action(status="done", due="2011-03-01")  # type: ignore[arg-type]
    assert action.status is klusterplan.ActionStatus.DONE
    assert action.due == dt.date(2011, 3, 1)
    # and a loaded plan is the same as one built again from its own values
    example = klusterplan.example()
    assert attrs.evolve(example) == example


@pytest.mark.parametrize(
    ("build", "source", "path", "words"),
    [
        (
            lambda: klusterplan.TargetGroup(id="unga", votes="7"),  # type: ignore[arg-type]
            "TargetGroup",
            "votes",
            "write the number without quotes, votes=7",
        ),
        (
            lambda: klusterplan.TargetGroup(id="unga vuxna"),
            "TargetGroup",
            "id",
            "an id is one word without spaces, got 'unga vuxna'; write e.g. 'unga-vuxna'",
        ),
        (
            lambda: klusterplan.TargetGroup(id="unga", votes=True),
            "TargetGroup",
            "votes",
            "expected a whole number or None, got the boolean True",
        ),
        (
            lambda: klusterplan.Plan(language="de"),  # type: ignore[arg-type]
            "Plan",
            "language",
            "expected one of Language.SV ('sv'), Language.EN ('en'), got the text 'de'",
        ),
        (
            lambda: klusterplan.Plan(target_groups=[{"id": "unga"}]),  # type: ignore[arg-type]
            "Plan",
            "target_groups[0]",
            "expected a TargetGroup, got a mapping",
        ),
        (
            lambda: klusterplan.Plan(target_groups=klusterplan.TargetGroup(id="unga")),  # type: ignore[arg-type]
            "Plan",
            "target_groups",
            "expected a list or tuple of TargetGroup",
        ),
        (
            lambda: klusterplan.Action(roles="bibliotekarie"),  # type: ignore[arg-type]
            "Action",
            "roles",
            "expected a list or tuple of str, got the text 'bibliotekarie'",
        ),
        (
            lambda: klusterplan.Library(name=None),  # type: ignore[arg-type]
            "Library",
            "name",
            'expected text, got nothing; write name="..."',
        ),
        (
            lambda: klusterplan.Library(date="2011-3-1"),  # type: ignore[arg-type]
            "Library",
            "date",
            "\"2011-03-01\", got the text '2011-3-1'",
        ),
        (
            lambda: klusterplan.Plan(library=klusterplan.Persona()),  # type: ignore[arg-type]
            "Plan",
            "library",
            "expected a Library(...), got a Persona",
        ),
    ],
)
def test_a_wrong_value_is_a_plan_error_naming_the_class_and_field(
    build: Callable[[], object], source: str, path: str, words: str
) -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        build()
    assert caught.value.source == source
    assert [p.path for p in caught.value.problems] == [path]
    assert str(caught.value).startswith(f"{source}: {path}: ")
    assert words in str(caught.value)
    assert "här ska det stå" in caught.value.render("sv") or "ett id" in caught.value.render("sv")


def test_an_id_with_a_space_in_a_plan_file_is_refused_with_its_path(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "plan.yaml").write_text(
        "schema_version: 1\ntarget_groups:\n  - id: unga vuxna\n    name: Unga vuxna\n",
        encoding="utf-8",
    )
    result = run("check", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "plan.yaml:3: target_groups[0].id: an id is one word without spaces, "
        "got 'unga vuxna'; write e.g. 'unga-vuxna'"
    ) in result.output
    assert "Traceback" not in result.output


def test_every_field_of_the_model_is_checked() -> None:
    # a field declared without the model's converter would take any value unchecked
    from klusterplan.model._checked import CHECK

    classes = [getattr(model, name) for name in model.__all__]
    fields = [f for c in classes if attrs.has(c) for f in attrs.fields(c)]
    assert len(fields) > 150
    assert [f.name for f in fields if f.converter is not CHECK] == []
