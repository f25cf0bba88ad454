"""Any plan, however hostile its text and numbers: it round-trips or is refused, never crashes.

Plans are generated with any Unicode text (control characters, lone
surrogates, markup-like and very long strings), numbers of any size and empty
sections. A plan every format can hold comes back unchanged from YAML, JSON
and TOML; one that no format can hold is refused with a PlanError. Every
built-in exporter writes a file that opens again, or raises PlanError.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pypdf
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klusterplan
from klusterplan._planfile.validate import plan_problems
from klusterplan.model import (
    Action,
    Activity,
    CommunicationPlan,
    Horizon,
    Library,
    Persona,
    Plan,
    TargetGroup,
)

MARKUP = [
    "<b>fet</b>",
    "&amp; &lt;",
    "]]>",
    "<!ENTITY x 'y'>",
    "**x** _y_ `z`",
    "# rubrik ##",
    "1. lista",
    "- punkt",
    "{{ mall }}",
    "\\",
    '"citat"',
    "BEGIN:VEVENT",
    "\x1b[31mröd\x1b[0m",
    "\u202eomvänd",
    "\ufeff",
    "=SUM(A1)",
]
texts = st.one_of(
    st.text(max_size=40),  # any code point, lone surrogates and controls included
    st.sampled_from(MARKUP),
    st.lists(st.sampled_from(MARKUP), max_size=4).map("\n".join),
    st.builds(lambda c, n: c * n, st.sampled_from("aÅ\n \u00a0-"), st.integers(2_000, 6_000)),
    st.just("x" * 100_001),  # past the limit of one text
)
numbers = st.none() | st.integers(-(10**16), 10**16) | st.sampled_from([10**309, -(10**4000)])
dates = st.none() | st.dates(dt.date.min, dt.date.max)
groups = st.builds(
    TargetGroup,
    id=st.text("abc-", min_size=1, max_size=6),
    name=texts,
    votes=numbers,
    needs=st.lists(texts, max_size=2).map(tuple),
    persona=st.none() | st.builds(Persona, name=texts, age=numbers, story=texts),
)
actions = st.builds(
    Action, horizon=st.sampled_from(Horizon), what=texts, due=dates, responsible=texts
)
plans = st.builds(
    Plan,
    library=st.builds(Library, name=texts, municipality=texts, author=texts, date=dates),
    target_groups=st.lists(groups, max_size=3).map(tuple),
    actions=st.lists(actions, max_size=3).map(tuple),
    communication_plan=st.builds(
        CommunicationPlan,
        budget=numbers,
        activities=st.lists(
            st.builds(Activity, what=texts, date=dates, budget=numbers), max_size=2
        ).map(tuple),
    ),
)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, format=st.sampled_from(["yaml", "json", "toml"]))
def test_round_trips_unchanged_or_is_refused(plan: Plan, format: str) -> None:
    if plan_problems(plan):
        with pytest.raises(klusterplan.PlanError):
            klusterplan.dumps(plan, format)
        return
    text = klusterplan.dumps(plan, format)
    assert klusterplan.loads(text, format) == plan


def _opens(format: str, data: bytes) -> None:
    if format == "docx":
        docx.Document(io.BytesIO(data))
    elif format == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) > 0
    elif format == "json":
        json.loads(data.decode("utf-8"))
    elif format == "yaml":
        yaml.safe_load(data.decode("utf-8"))
    elif format == "toml":
        klusterplan.loads(data.decode("utf-8"), "toml")
    else:
        data.decode("utf-8")


@pytest.mark.parametrize("format", ["markdown", "json", "yaml", "toml", "docx", "pdf", "ics"])
@SLOW
@given(plan=plans)
def test_every_exporter_writes_a_file_that_opens_or_refuses(plan: Plan, format: str) -> None:
    stream = io.BytesIO()
    try:
        klusterplan.export(plan, format, stream)
    except klusterplan.PlanError:
        assert plan_problems(plan) or format == "pdf"  # PDF: a character its font lacks
        assert stream.getvalue() == b""
        return
    _opens(format, stream.getvalue())
