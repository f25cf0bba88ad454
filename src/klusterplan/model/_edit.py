"""Changing a plan consistently: renaming or removing a target group with every reference.

Target groups are referred to by id from the campaign, the actions, the
communication plan's groups, messages and activities; suppressions point at
them by their place in the list. :meth:`Plan.rename_target_group` and
:meth:`Plan.without_target_group` change all of them at once, so that no
reference is left dangling.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

import attrs

from .._catalogue.messages import text
from .._catalogue.text import valid_ids_text
from ..errors import PlanError, Problem

__all__ = ["remove_target_group", "rename_target_group"]


class _Plan(Protocol):
    # what an edit touches of :class:`klusterplan.model.Plan`, which calls these
    # functions from its methods: naming the class here would make the two
    # modules import each other
    @property
    def target_groups(self) -> Any: ...
    @property
    def actions(self) -> Any: ...
    @property
    def campaign(self) -> Any: ...
    @property
    def communication_plan(self) -> Any: ...
    @property
    def suppressions(self) -> Any: ...


Plan = TypeVar("Plan", bound=_Plan)


def _index(plan: _Plan, id: str) -> int:
    for i, group in enumerate(plan.target_groups):
        if group.id == id:
            return i
    known = [g.id for g in plan.target_groups if g.id]
    raise PlanError(
        [Problem("target_groups", valid_ids_text("target group", "en målgrupp", id, known))]
    )


def rename_target_group(plan: Plan, old: str, new: str) -> Plan:
    """``plan`` with the target group ``old`` called ``new`` wherever it is referred to."""
    index = _index(plan, old)
    if not new.strip():
        raise PlanError(
            [
                Problem(
                    f"target_groups[{index}].id",
                    text("edit_new_id_empty"),
                )
            ]
        )
    if new != old and any(g.id == new for g in plan.target_groups):
        raise PlanError(
            [
                Problem(
                    f"target_groups[{index}].id",
                    text("edit_another_target_group_already", new=new),
                )
            ]
        )

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if value == old else value for value in values)

    groups = list(plan.target_groups)
    groups[index] = attrs.evolve(groups[index], id=new)
    cp = plan.communication_plan
    edited: Plan = attrs.evolve(  # type: ignore[misc]
        plan,
        target_groups=tuple(groups),
        actions=tuple(attrs.evolve(a, target_groups=ids(a.target_groups)) for a in plan.actions),
        campaign=attrs.evolve(
            plan.campaign,
            groups=tuple(
                attrs.evolve(c, target_group=new) if c.target_group == old else c
                for c in plan.campaign.groups
            ),
        ),
        communication_plan=attrs.evolve(
            cp,
            target_groups=ids(cp.target_groups),
            messages=tuple(
                attrs.evolve(m, target_group=new) if m.target_group == old else m
                for m in cp.messages
            ),
            activities=tuple(
                attrs.evolve(a, target_groups=ids(a.target_groups)) for a in cp.activities
            ),
        ),
    )
    return edited


def _shift(path: str, prefix: str, removed: set[int]) -> str | None:
    """``path`` with the index after ``prefix`` renumbered; ``None`` if it pointed at a removed."""
    match = re.match(re.escape(prefix) + r"\[(\d+)\]", path)
    if match is None:
        return path
    index = int(match.group(1))
    if index in removed:
        return None
    shifted = index - sum(1 for r in removed if r < index)
    return f"{prefix}[{shifted}]{path[match.end() :]}"


def remove_target_group(plan: Plan, id: str) -> Plan:
    """``plan`` without the target group ``id`` and without any reference to it.

    Its id leaves the actions', the activities' and the communication plan's
    lists; the campaign groups that chose it and the messages addressed to it
    are removed; suppressions are renumbered, and those that pointed at what
    was removed go too. An action or activity that served only this group is
    kept, with no group, for the plan's authors to decide on (rule ``KP206``
    reports it).
    """
    index = _index(plan, id)
    cp = plan.communication_plan
    dropped_campaign = {i for i, c in enumerate(plan.campaign.groups) if c.target_group == id}
    dropped_messages = {i for i, m in enumerate(cp.messages) if m.target_group == id}

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(value for value in values if value != id)

    suppressions = []
    for s in plan.suppressions:
        path: str | None = s.path
        for prefix, removed in (
            ("target_groups", {index}),
            ("campaign.groups", dropped_campaign),
            ("communication_plan.messages", dropped_messages),
        ):
            if path is not None:
                path = _shift(path, prefix, removed)
        if path is not None:
            suppressions.append(attrs.evolve(s, path=path))
    edited: Plan = attrs.evolve(  # type: ignore[misc]
        plan,
        target_groups=tuple(g for i, g in enumerate(plan.target_groups) if i != index),
        actions=tuple(attrs.evolve(a, target_groups=ids(a.target_groups)) for a in plan.actions),
        campaign=attrs.evolve(
            plan.campaign,
            groups=tuple(
                c for i, c in enumerate(plan.campaign.groups) if i not in dropped_campaign
            ),
        ),
        communication_plan=attrs.evolve(
            cp,
            target_groups=ids(cp.target_groups),
            messages=tuple(m for i, m in enumerate(cp.messages) if i not in dropped_messages),
            activities=tuple(
                attrs.evolve(a, target_groups=ids(a.target_groups)) for a in cp.activities
            ),
        ),
        suppressions=tuple(suppressions),
    )
    return edited
