"""The JSON Schema and the format reference stay in step with the model."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

import klusterplan
from klusterplan.schema import format_reference, json_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_example_and_dumps_validate_against_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    validator.check_schema(json_schema())
    import json

    data = json.loads(klusterplan.dumps(klusterplan.example(), "json"))
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 1, "library": {"nmae": "x"}}',
        '{"schema_version": 1, "target_groups": [{"id": "a", "votes": "8"}]}',
        '{"schema_version": 1, "actions": [{"horizon": "soon"}]}',
        '{"schema_version": 2}',
        '{"schema_version": 1, "target_groups": [{"name": "no id"}]}',
        '{"schema_version": 1, "actions": [{"worth_sharing": "yes"}]}',
        '{"schema_version": 1, "actions": [{"indicator": {"target": "80"}}]}',
        '{"schema_version": 1, "actions": [{"indicator": {"result": true}}]}',
        '{"schema_version": 1, "actions": [{"indicator": "lånekort"}]}',
        '{"schema_version": 1, "actions": [{"status_changed": "last week"}]}',
        '{"schema_version": 1, "communication_plan": {"activities": [{"worth_sharing": 1}]}}',
    ],
)
def test_schema_rejects_what_the_loader_rejects(text: str) -> None:
    import json

    with pytest.raises(klusterplan.PlanError):
        klusterplan.loads(text, "json")
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(json.loads(text)))


def test_every_model_field_is_in_the_schema() -> None:
    import attrs

    from klusterplan import model

    defs = json_schema()["$defs"]
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls) and cls is not model.Plan:
            assert set(defs[name]["properties"]) == {f.name for f in attrs.fields(cls)}


def test_plan_format_page_is_generated_from_the_model() -> None:
    page = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    generated = page.split("<!-- generated:start -->\n\n", 1)[1].split("\n<!-- generated:end -->")[
        0
    ]
    assert generated == format_reference(), "regenerate with: python -m klusterplan.schema"
