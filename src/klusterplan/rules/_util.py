"""Small helpers the built-in rules share."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.text import Text, valid_ids_text
from ..model import ActionStatus, Plan, TargetGroup

__all__ = ["blank", "campaign_groups", "group_index", "unknown_group"]


def blank(text: str | None) -> bool:
    """Whether a text field is empty or only white space."""
    return not (text or "").strip()


def group_index(plan: Plan) -> dict[str, int]:
    """Each target group's id and its index in ``target_groups`` (the first, if repeated)."""
    index: dict[str, int] = {}
    for i, group in enumerate(plan.target_groups):
        if group.id:
            index.setdefault(group.id, i)
    return index


def campaign_groups(plan: Plan) -> Iterator[tuple[int, int, TargetGroup]]:
    """Each campaign group that names a known target group: its index, the group's, the group."""
    index = group_index(plan)
    seen: set[str] = set()
    for i, chosen in enumerate(plan.campaign.groups):
        j = index.get(chosen.target_group)
        # A group chosen twice is reported once (KP110), not once per choice.
        if j is not None and chosen.target_group not in seen:
            seen.add(chosen.target_group)
            yield i, j, plan.target_groups[j]


def active(status: ActionStatus) -> bool:
    """Whether an action or activity still needs to be carried out as planned."""
    return status is not ActionStatus.DROPPED


def unknown_group(value: str, known: dict[str, int]) -> Text:
    """The message for an unknown target-group id: the valid ids and the nearest one."""
    return valid_ids_text("target group", "en målgrupp", value, list(known))
