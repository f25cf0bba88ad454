"""Any plan survives a trip through Word: exported, read back, the same plan.

The second property reads every value from the document's text alone (the
plan it carries taken out), so that reading back is tested on its own and not
only the plan the document carries.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wordfill import open_word, save

import klusterplan
from klusterplan import ExportOptions, read_word
from klusterplan._document.blank import without_blank_entries
from klusterplan._planfile.sanitise import sanitise_plan
from klusterplan.model import (
    Action,
    ActionStatus,
    Activity,
    CommunicationPlan,
    Contact,
    DocumentControl,
    DocumentStatus,
    Horizon,
    Indicator,
    Library,
    Persona,
    Plan,
    Segment,
    TargetGroup,
)

# plan text composed (NFC), as every plan is once loaded or exported
anything = st.text(st.characters(exclude_categories=["Cs"]), max_size=30).map(
    lambda s: unicodedata.normalize("NFC", s)
)
dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))
numbers = st.none() | st.integers(-(2**40), 2**40)


def plans(text: st.SearchStrategy[str], names: st.SearchStrategy[str]) -> st.SearchStrategy[Plan]:
    groups = st.lists(
        st.builds(
            TargetGroup,
            id=st.text("abcdefghij", min_size=1, max_size=6),
            name=names,
            votes=st.none() | st.integers(0, 10_000),
            segment=st.none() | st.sampled_from(Segment),
            needs=st.lists(text, max_size=3).map(tuple),
            persona=st.none() | st.builds(Persona, name=names, age=st.none() | st.integers(0, 120)),
        ),
        max_size=4,
        unique_by=(lambda g: g.id, lambda g: g.name.casefold()),
    ).map(tuple)
    actions = st.lists(
        st.builds(
            Action,
            horizon=st.sampled_from(Horizon),
            what=text,
            responsible=text,
            roles=st.lists(names, max_size=3).map(tuple),
            status=st.sampled_from(ActionStatus),
            due=dates,
            status_changed=dates,
            indicator=st.builds(Indicator, name=text, unit=text, target=numbers, result=numbers),
            worth_sharing=st.booleans(),
            sharing_reason=text,
        ),
        max_size=4,
    ).map(tuple)
    activities = st.lists(
        st.builds(
            Activity,
            what=text,
            date=dates,
            budget=numbers,
            status=st.sampled_from(ActionStatus),
            status_changed=dates,
        ),
        max_size=3,
    ).map(tuple)
    document = st.builds(
        DocumentControl,
        type=text,
        status=st.none() | st.sampled_from(DocumentStatus),
        version=text,
        decided_by=text,
        decided_on=dates,
        reference=text,
        contact=st.builds(Contact, name=text, role=text, email=text, phone=text),
    )
    return st.builds(
        Plan,
        library=st.builds(Library, name=text, municipality=text, period=text, date=dates),
        document=document,
        target_groups=groups,
        actions=actions,
        communication_plan=st.builds(CommunicationPlan, activities=activities),
    )


def _export(plan: Plan, **options: object) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(plan, "docx", stream, ExportOptions(**options))  # type: ignore[arg-type]
    return stream.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans(anything, anything), workbook=st.booleans())
def test_any_plan_comes_back_from_word(plan: Plan, workbook: bool, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_export(plan, workbook=workbook))
    result = read_word(path)
    # the export mends characters no document can hold and leaves out entries never filled
    # in (they show nothing): that plan is the one to get back
    shown = without_blank_entries(sanitise_plan(plan, lambda path, message: None))
    assert result.plan == shown
    assert result.changes == ()


# text a person types: words, spaces between, the punctuation a sentence has; a name
# is never empty, and no list shown on one line has a comma inside an item
words = st.text("abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ0123456789", min_size=1, max_size=8)
typed = st.lists(words, min_size=1, max_size=5).map(" ".join)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans(typed, typed))
def test_every_value_the_plan_shows_is_read_from_its_text(plan: Plan, tmp_path: Path) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    word = open_word(_export(plan))
    for rel_id, rel in list(word.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            word.part.drop_rel(rel_id)
    got = read_word(save(word, tmp_path / "bare.docx")).plan
    assert got.library == attrs.evolve(plan.library, author="", cluster="")
    assert got.document == plan.document
    ids = {g.id: g.name for g in plan.target_groups}
    got_names = {g.id: g.name for g in got.target_groups}
    assert [(g.name, g.votes, g.segment) for g in got.target_groups] == [
        (g.name, g.votes, g.segment) for g in plan.target_groups
    ]
    assert [g.needs for g in got.target_groups] == [g.needs for g in plan.target_groups]
    shown = [a for a in plan.actions]
    assert len(got.actions) == len(shown)
    for a, b in zip(sorted(got.actions, key=_order), sorted(shown, key=_order), strict=True):
        assert (a.what, a.responsible, a.roles, a.due, a.status, a.horizon) == (
            b.what,
            b.responsible,
            b.roles,
            b.due,
            b.status,
            b.horizon,
        )
        assert [got_names[i] for i in a.target_groups] == [ids[i] for i in b.target_groups]
    got_activities = sorted(got.communication_plan.activities, key=lambda a: a.what)
    want = sorted(plan.communication_plan.activities, key=lambda a: a.what)
    assert [(a.what, a.date, a.budget, a.status) for a in got_activities] == [
        (a.what, a.date, a.budget, a.status) for a in want
    ]


def _order(action: Action) -> tuple[str, str]:
    return (action.horizon.value, action.what)


@pytest.mark.parametrize("workbook", [False, True])
def test_the_example_round_trips_in_both_documents(
    example: Plan, workbook: bool, tmp_path: Path
) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_export(example, workbook=workbook))
    assert read_word(path).plan == example
