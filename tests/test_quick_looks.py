"""The quick looks over a whole plan before an export against the walks they spare.

``sanitise_plan`` and ``plan_problems`` first look at all of a plan's text at
once, without the path of each string; only a plan with something to mend or
to refuse is walked path by path. Both ways must give the same answer.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klusterplan
from klusterplan._planfile import sanitise as _text
from klusterplan._planfile import validate as _validate
from klusterplan._planfile.limits import Limits

_TEXT = st.text(
    alphabet=st.sampled_from(list("ab åö\n\r\v\f\x00\x1c\x85\u2028\ud800\udfff\ufffe\t–")),
    max_size=12,
)


def _plan(name: str, story: str, votes: int) -> klusterplan.Plan:
    plan = klusterplan.example()
    group = plan.target_groups[0]
    persona = attrs.evolve(group.persona, story=story) if group.persona else None
    group = attrs.evolve(group, name=name, votes=votes, persona=persona)
    return attrs.evolve(plan, target_groups=(group, *plan.target_groups[1:]))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=_TEXT,
    story=_TEXT,
    votes=st.sampled_from([0, 7, 10**15 - 1, 10**15, -(10**15)]),
    max_text=st.sampled_from([5, 12, 100_000]),
)
def test_the_quick_look_finds_what_the_walk_finds(
    name: str, story: str, votes: int, max_text: int, monkeypatch: Any
) -> None:
    plan = _plan(name, story, votes)
    limits = Limits(max_text=max_text)
    quick = _validate.plan_problems(plan, limits, check_types=False)
    quick_reports: list[tuple[str, str]] = []
    quick_plan = _text.sanitise_plan(plan, lambda p, m: quick_reports.append((p, m)))
    with monkeypatch.context() as m:
        m.setattr(_validate, "_within_limits", lambda plan, limits: False)
        m.setattr(_text, "_nothing_to_mend", lambda plan: False)
        walked = _validate.plan_problems(plan, limits, check_types=False)
        reports: list[tuple[str, str]] = []
        walked_plan = _text.sanitise_plan(plan, lambda p, m: reports.append((p, m)))
    assert quick == walked
    assert quick_reports == reports
    assert quick_plan == walked_plan
    # a plan with nothing to mend comes back as it is
    assert (quick_plan is plan) == (quick_plan == plan)
