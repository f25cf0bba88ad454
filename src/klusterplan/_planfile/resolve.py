"""Forgiving references: ids written as names, in another case or in Swedish.

The loader's structuring calls :func:`resolve_references` once the plan is
built. A reference that is exactly an id stays as it is. One that matches an
id in another case, a centre's or a step's Swedish or English name
(``socialt``, ``Kännedom``), or a target group's name (``Den oerfarne``)
is replaced by the id, and a notice says what it was read as, so the file
can be corrected. What matches nothing is left for the rule checks, which
list the valid ids and the nearest one.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from .._catalogue.messages import text
from .._catalogue.text import Text, nearest, valid_ids_text
from ..model import ActionStatus, DocumentStatus, Horizon, Language, Plan, Segment

__all__ = [
    "ENUM_NAMES",
    "SWEDISH_NAMES",
    "enum_member",
    "nearest",
    "resolve_references",
    "valid_ids_text",
]

# Swedish and English names beside each built-in value; keys are normalised (see _key).
ENUM_NAMES: dict[type[enum.Enum], dict[str, enum.Enum]] = {
    Segment: {
        "a": Segment.A,
        "befintliga": Segment.A,
        "befintliga_kunder": Segment.A,
        "existing": Segment.A,
        "existing_customers": Segment.A,
        "b": Segment.B,
        "nya": Segment.B,
        "nya_kunder": Segment.B,
        "new": Segment.B,
        "new_customers": Segment.B,
    },
    Horizon: {
        "immediate": Horizon.IMMEDIATE,
        "omgående": Horizon.IMMEDIATE,
        "möjliga_omgående_åtgärder": Horizon.IMMEDIATE,
        "nu": Horizon.IMMEDIATE,
        "long_term": Horizon.LONG_TERM,
        "longterm": Horizon.LONG_TERM,
        "på_längre_sikt": Horizon.LONG_TERM,
        "längre_sikt": Horizon.LONG_TERM,
        "långsiktig": Horizon.LONG_TERM,
        "långsiktigt": Horizon.LONG_TERM,
    },
    ActionStatus: {
        "planned": ActionStatus.PLANNED,
        "planerad": ActionStatus.PLANNED,
        "planerat": ActionStatus.PLANNED,
        "in_progress": ActionStatus.IN_PROGRESS,
        "pågår": ActionStatus.IN_PROGRESS,
        "pågående": ActionStatus.IN_PROGRESS,
        "påbörjad": ActionStatus.IN_PROGRESS,
        "påbörjat": ActionStatus.IN_PROGRESS,
        "done": ActionStatus.DONE,
        "klar": ActionStatus.DONE,
        "klart": ActionStatus.DONE,
        "genomförd": ActionStatus.DONE,
        "genomfört": ActionStatus.DONE,
        "dropped": ActionStatus.DROPPED,
        "struken": ActionStatus.DROPPED,
        "struket": ActionStatus.DROPPED,
        "avbruten": ActionStatus.DROPPED,
        "avbrutet": ActionStatus.DROPPED,
    },
    DocumentStatus: {
        "draft": DocumentStatus.DRAFT,
        "utkast": DocumentStatus.DRAFT,
        "review": DocumentStatus.REVIEW,
        "for_consultation": DocumentStatus.REVIEW,
        "remiss": DocumentStatus.REVIEW,
        "remissversion": DocumentStatus.REVIEW,
        "på_remiss": DocumentStatus.REVIEW,
        "adopted": DocumentStatus.ADOPTED,
        "fastställd": DocumentStatus.ADOPTED,
        "antagen": DocumentStatus.ADOPTED,
        "beslutad": DocumentStatus.ADOPTED,
    },
    Language: {
        "sv": Language.SV,
        "svenska": Language.SV,
        "swedish": Language.SV,
        "en": Language.EN,
        "engelska": Language.EN,
        "english": Language.EN,
    },
}

E = TypeVar("E", bound=enum.Enum)


#: The Swedish name each built-in value is shown with in messages.
SWEDISH_NAMES: dict[enum.Enum, str] = {
    Segment.A: "befintliga",
    Segment.B: "nya",
    Horizon.IMMEDIATE: "omgående",
    Horizon.LONG_TERM: "på längre sikt",
    ActionStatus.PLANNED: "planerad",
    ActionStatus.IN_PROGRESS: "pågår",
    ActionStatus.DONE: "klar",
    ActionStatus.DROPPED: "struken",
    DocumentStatus.DRAFT: "utkast",
    DocumentStatus.REVIEW: "remiss",
    DocumentStatus.ADOPTED: "fastställd",
    Language.SV: "svenska",
    Language.EN: "engelska",
}


def _key(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def enum_member(cls: type[E], value: object) -> E | None:
    """The member of ``cls`` that ``value`` names: its value in any case, or a Swedish name."""
    for member in cls:
        if member.value == value:
            return member
    if not isinstance(value, str):
        return None
    key = _key(value)
    for member in cls:
        if _key(str(member.value)) == key:
            return member
    found = ENUM_NAMES.get(cls, {}).get(key)
    return found if isinstance(found, cls) else None


Notice = tuple[str, Text]


def _matcher(
    entries: Sequence[tuple[str, Sequence[str]]],
) -> Callable[[str], tuple[str, str] | None]:
    """Find the id a reference means: ``(id, how)``, ``how`` being ``case`` or ``name``."""
    ids = {id for id, _ in entries}
    by_case: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for id, names in entries:
        by_case.setdefault(_key(id), id)
        for name in names:
            if name:
                by_name.setdefault(_key(name), id)

    def find(value: str) -> tuple[str, str] | None:
        if value in ids or not value.strip():
            return None
        key = _key(value)
        if key in by_case:
            return by_case[key], "case"
        if key in by_name:
            return by_name[key], "name"
        return None

    return find


def _centre_names(id: str, name: str) -> list[str]:
    from .._catalogue.labels import label

    names = [name]
    if name.lower().endswith(" centrum"):
        names.append(name[: -len(" centrum")])  # "Socialt centrum" → "socialt"
    elif name.lower().endswith("centrum"):
        names.append(name[: -len("centrum")])  # "Kulturcentrum" → "kultur"
    for language in Language:
        try:
            builtin = label(f"centre_{id}", language)
        except KeyError:
            continue
        names.append(builtin)
        for tail in (" centrum", "centrum", " centre"):
            if builtin.lower().endswith(tail):
                stem = builtin[: -len(tail)]
                names.append(stem)
                if tail == "centrum" and stem.endswith("s"):
                    names.append(stem[:-1])  # "Kunskapscentrum" → "kunskap"
    return names


def _step_names(id: str, name: str) -> list[str]:
    from .._catalogue.labels import label

    names = [name]
    for language in Language:
        try:
            names.append(label(f"step_{id}", language))
        except KeyError:
            continue
    return names


_Find = Callable[[str], tuple[str, str] | None]

_GROUP = ("target group", "målgruppen")
_CENTRE = ("centre", "centrumet")
_STEP = ("staircase step", "trappsteget")


class _Resolver:
    """Reads the references of one plan as ids, and keeps a notice of each it read."""

    def __init__(self, plan: Plan) -> None:
        self.notices: list[Notice] = []
        self.groups = _matcher([(g.id, [g.name]) for g in plan.target_groups if g.id])
        self.centres = _matcher([(c.id, _centre_names(c.id, c.name)) for c in plan.centres if c.id])
        self.steps = _matcher([(s.id, _step_names(s.id, s.name)) for s in plan.staircase if s.id])

    def one(self, path: str, value: str | None, find: _Find, kind: tuple[str, str]) -> str | None:
        """The id ``value`` at ``path`` means, or ``value`` as it is."""
        if value is None:
            return None
        found = find(value)
        if found is None:
            return value
        id, how = found
        if how == "name":
            said = text("resolve_read_as_name", value=value, kind=kind[0], kind_sv=kind[1], id=id)
        else:
            said = text("resolve_read_as_id", value=value, id=id)
        self.notices.append((path, said))
        return id

    def many(
        self, path: str, values: tuple[str, ...], find: _Find, kind: tuple[str, str]
    ) -> tuple[str, ...]:
        """The ids ``values`` mean; ``values`` itself when none changed."""
        out = tuple(self.one(f"{path}[{k}]", v, find, kind) or v for k, v in enumerate(values))
        return values if out == values else out

    def target_groups(self, plan: Plan, changes: dict[str, Any]) -> None:
        """Each target group's centre and staircase steps."""
        new_groups = []
        for j, g in enumerate(plan.target_groups):
            where = f"target_groups[{j}]"
            centre = self.one(f"{where}.centre", g.centre, self.centres, _CENTRE)
            stairs = g.staircase
            current = self.one(f"{where}.staircase.current", stairs.current, self.steps, _STEP)
            target = self.one(f"{where}.staircase.target", stairs.target, self.steps, _STEP)
            if (centre, current, target) != (g.centre, stairs.current, stairs.target):
                g = attrs.evolve(
                    g, centre=centre, staircase=attrs.evolve(stairs, current=current, target=target)
                )
            new_groups.append(g)
        if new_groups != list(plan.target_groups):
            changes["target_groups"] = tuple(new_groups)

    def dialogue_forum(self, plan: Plan, changes: dict[str, Any]) -> None:
        """The centres of today's and tomorrow's profile."""
        forum = plan.dialogue_forum
        profiles = {}
        for when in ("centre_today", "centre_tomorrow"):
            profile = getattr(forum, when)
            path = f"dialogue_forum.{when}.centres"
            ids = self.many(path, profile.centres, self.centres, _CENTRE)
            if ids is not profile.centres:
                profiles[when] = attrs.evolve(profile, centres=ids)
        if profiles:
            changes["dialogue_forum"] = attrs.evolve(forum, **profiles)

    def actions_and_campaign(self, plan: Plan, changes: dict[str, Any]) -> None:
        """The target groups of the actions and of the campaign."""
        actions = tuple(
            attrs.evolve(a, target_groups=ids)
            if (ids := self.many(f"actions[{i}].target_groups", a.target_groups, *self._group))
            is not a.target_groups
            else a
            for i, a in enumerate(plan.actions)
        )
        if actions != plan.actions:
            changes["actions"] = actions
        campaign_groups = tuple(
            attrs.evolve(c, target_group=tg or c.target_group)
            if (tg := self.one(f"campaign.groups[{i}].target_group", c.target_group, *self._group))
            != c.target_group
            else c
            for i, c in enumerate(plan.campaign.groups)
        )
        if campaign_groups != plan.campaign.groups:
            changes["campaign"] = attrs.evolve(plan.campaign, groups=campaign_groups)

    def communication_plan(self, plan: Plan, changes: dict[str, Any]) -> None:
        """The target groups of the communication plan, its messages and its activities."""
        cp = plan.communication_plan
        cp_changes: dict[str, Any] = {}
        path = "communication_plan"
        ids = self.many(f"{path}.target_groups", cp.target_groups, *self._group)
        if ids is not cp.target_groups:
            cp_changes["target_groups"] = ids
        messages = tuple(
            attrs.evolve(m, target_group=tg)
            if (tg := self.one(f"{path}.messages[{i}].target_group", m.target_group, *self._group))
            != m.target_group
            else m
            for i, m in enumerate(cp.messages)
        )
        if messages != cp.messages:
            cp_changes["messages"] = messages
        activities = tuple(
            attrs.evolve(a, target_groups=ids)
            if (
                ids := self.many(
                    f"{path}.activities[{i}].target_groups", a.target_groups, *self._group
                )
            )
            is not a.target_groups
            else a
            for i, a in enumerate(cp.activities)
        )
        if activities != cp.activities:
            cp_changes["activities"] = activities
        if cp_changes:
            changes["communication_plan"] = attrs.evolve(cp, **cp_changes)

    @property
    def _group(self) -> tuple[_Find, tuple[str, str]]:
        return self.groups, _GROUP


def resolve_references(plan: Plan) -> tuple[Plan, list[Notice]]:
    """The plan with every forgivingly written reference replaced by its id, and notices."""
    resolver = _Resolver(plan)
    changes: dict[str, Any] = {}
    resolver.target_groups(plan, changes)
    resolver.dialogue_forum(plan, changes)
    resolver.actions_and_campaign(plan, changes)
    resolver.communication_plan(plan, changes)
    return (attrs.evolve(plan, **changes) if changes else plan), resolver.notices
