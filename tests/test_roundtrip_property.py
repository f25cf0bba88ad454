"""Any plan survives a dump and a load in every format, text exactly as typed."""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import klusterplan
from klusterplan.model import (
    Action,
    ActionStatus,
    Activity,
    CommunicationPlan,
    Horizon,
    Indicator,
    Library,
    Persona,
    Plan,
    Segment,
    TargetGroup,
)

# plan text as a loaded plan holds it: composed (NFC), as the loader makes it
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30).map(
    lambda s: unicodedata.normalize("NFC", s)
)
ids = st.text("abcdefghij-", min_size=1, max_size=8)

target_groups = st.builds(
    TargetGroup,
    id=ids,
    name=text,
    votes=st.none() | st.integers(0, 10_000),
    segment=st.none() | st.sampled_from(Segment),
    needs=st.lists(text, max_size=3).map(tuple),
    persona=st.none() | st.builds(Persona, name=text, age=st.none() | st.integers(0, 120)),
)
dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))
# a plan's numbers have at most 15 digits (see klusterplan.Limits)
numbers = st.none() | st.integers(-(10**15) + 1, 10**15 - 1)
indicators = st.builds(Indicator, name=text, unit=text, target=numbers, result=numbers)
actions = st.builds(
    Action,
    horizon=st.sampled_from(Horizon),
    what=text,
    roles=st.lists(text, max_size=3).map(tuple),
    status=st.sampled_from(ActionStatus),
    due=dates,
    status_changed=dates,
    indicator=indicators,
    worth_sharing=st.booleans(),
    sharing_reason=text,
)
activities = st.builds(
    Activity,
    what=text,
    date=dates,
    budget=numbers,
    status=st.sampled_from(ActionStatus),
    status_changed=dates,
    indicator=indicators,
    worth_sharing=st.booleans(),
    sharing_reason=text,
)
plans = st.builds(
    Plan,
    library=st.builds(Library, name=text, municipality=text, period=text),
    target_groups=st.lists(target_groups, max_size=4).map(tuple),
    actions=st.lists(actions, max_size=4).map(tuple),
    communication_plan=st.builds(
        CommunicationPlan, activities=st.lists(activities, max_size=3).map(tuple)
    ),
)


@settings(max_examples=60, deadline=None)
@given(plan=plans, format=st.sampled_from(["yaml", "json", "toml"]))
def test_dump_then_load_gives_the_same_plan(plan: Plan, format: str) -> None:
    text = klusterplan.dumps(plan, format)
    assert klusterplan.loads(text, format) == plan
    assert klusterplan.dumps(klusterplan.loads(text, format), format) == text


def test_evolved_example_round_trips() -> None:
    plan = klusterplan.example()
    changed = attrs.evolve(plan, library=attrs.evolve(plan.library, name="Ny\ttab & <b>"))
    assert klusterplan.loads(klusterplan.dumps(changed)) == changed
