"""Plans n times the size of the example, for growth measurements."""

from __future__ import annotations

import attrs

import klusterplan
from klusterplan.model import Plan


def scaled(n: int, plan: Plan | None = None) -> Plan:
    """The example with its groups, actions, activities and messages repeated ``n`` times.

    Repeated target groups get ids of their own, so the plan stays a plan a
    person could have written, only longer.
    """
    plan = plan or klusterplan.example()
    if n == 1:
        return plan
    groups = tuple(
        attrs.evolve(group, id=f"{group.id}-{i}" if i else group.id)
        for i in range(n)
        for group in plan.target_groups
    )
    comm = plan.communication_plan
    comm = attrs.evolve(
        comm,
        messages=comm.messages * n,
        activities=comm.activities * n,
    )
    return attrs.evolve(
        plan,
        target_groups=groups,
        actions=plan.actions * n,
        communication_plan=comm,
    )
