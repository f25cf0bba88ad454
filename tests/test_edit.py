"""Renaming and removing a target group leave no reference dangling."""

from __future__ import annotations

import attrs
import pytest

import klusterplan
from klusterplan.model import Plan, Suppression
from klusterplan.testing import evolve_at


def references(plan: Plan) -> list[str]:
    cp = plan.communication_plan
    return [
        *(id for a in plan.actions for id in a.target_groups),
        *(c.target_group for c in plan.campaign.groups),
        *cp.target_groups,
        *(m.target_group for m in cp.messages if m.target_group is not None),
        *(id for a in cp.activities for id in a.target_groups),
    ]


def test_rename_changes_every_reference(example: Plan) -> None:
    count = references(example).count("flykting")
    assert count > 5
    renamed = example.rename_target_group("flykting", "nyanlanda")
    assert "flykting" not in references(renamed)
    assert references(renamed).count("nyanlanda") == count
    assert renamed.target_group("nyanlanda") == attrs.evolve(
        example.target_groups[6], id="nyanlanda"
    )
    assert klusterplan.check(renamed) == []
    assert example.target_group("flykting") is not None  # the original is unchanged


def test_rename_refuses_what_would_break_the_plan(example: Plan) -> None:
    with pytest.raises(klusterplan.PlanError, match="already has the id 'tonaring'"):
        example.rename_target_group("flykting", "tonaring")
    with pytest.raises(klusterplan.PlanError, match="did you mean 'flykting'"):
        example.rename_target_group("flyktingar", "nya")
    with pytest.raises(klusterplan.PlanError, match="the new id is empty"):
        example.rename_target_group("flykting", " ")


def test_remove_takes_every_reference_with_it(example: Plan) -> None:
    accepted = (
        Suppression("KP105", "target_groups[7].persona", "Bokälskarna har egen grupp."),
        Suppression("KP105", "target_groups[6].persona", "Tas bort med gruppen."),
        Suppression("KP102", "campaign.groups[2]", "Motiveras senare."),
    )
    plan = evolve_at(example, "suppressions", accepted)
    smaller = plan.without_target_group("flykting")
    assert "flykting" not in references(smaller)
    assert [g.id for g in smaller.target_groups] == [
        g.id for g in example.target_groups if g.id != "flykting"
    ]
    assert len(smaller.campaign.groups) == len(example.campaign.groups) - 1
    # the suppressions follow their groups to their new places; the removed group's goes
    assert [s.path for s in smaller.suppressions] == [
        "target_groups[6].persona",
        "campaign.groups[1]",
    ]
    findings = klusterplan.check(smaller)
    assert {f.code for f in findings} <= {"KP206", "KP103", "KP002"}
    assert not [f for f in findings if f.code in ("KP107", "KP503")]


def test_remove_an_unknown_group(example: Plan) -> None:
    with pytest.raises(klusterplan.PlanError) as caught:
        example.without_target_group("ungdomar")
    assert caught.value.problems[0].path == "target_groups"
    assert "the ids are oerfarne, tonaring" in str(caught.value)
