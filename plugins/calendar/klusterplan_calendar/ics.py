"""Write a plan's dated activities and action deadlines as iCalendar (RFC 5545).

Each communication-plan activity with a date becomes an all-day event; each
action with a due date becomes an all-day event on that day, marked as a
deadline. Items without a date are left out with a notice. The output is
deterministic: the same plan gives the same bytes, so the file can be kept in
version control or re-imported without duplicates (UIDs are stable).

Settings (``--option KEY=VALUE``):

- ``include=activities,actions``: which items to write (both by default);
- ``dropped=yes``: also write dropped items, as cancelled events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from typing import BinaryIO

from klusterplan import ExportContext, label
from klusterplan.model import Action, ActionStatus, Activity, Language, Plan

__all__ = ["write_ics"]

# The calendar's own words; the rest are klusterplan's labels, so both read alike.
_OWN = {
    Language.SV: {
        "calendar": "Kommunikationsplan",
        "deadline": "Klart senast",
        "groups": "Målgrupper",
        "action": "Åtgärd",
    },
    Language.EN: {
        "calendar": "Communication plan",
        "deadline": "Due",
        "groups": "Target groups",
        "action": "Action",
    },
}
_SHARED = {
    "channel": "channel",
    "responsible": "responsible",
    "roles": "roles",
    "budget": "budget",
    "organisational": "organisational_consequence",
    "communicative": "communicative_consequence",
    "activity": "activity",
}


def _labels(language: Language) -> dict[str, str]:
    return {**_OWN[language], **{k: label(v, language) for k, v in _SHARED.items()}}


_WHICH = ("activities", "actions")


# RFC 5545 allows no control character in a TEXT value but the tab (§3.3.11, §3.1)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


_BREAKS = str.maketrans({"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def _escape(text: str) -> str:
    r"""Escape a TEXT value (RFC 5545 §3.3.11): every line break as ``\n``, no controls.

    A bare carriage return or a NUL written as it is would end the content
    line early, and a lenient reader would take the rest as a property of
    its own, or a new event.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_BREAKS)
    text = _CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (§3.1)."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _date(value: dt.date) -> str:
    # strftime writes the year 1 as "1", not "0001"
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@klusterplan"


def _group_names(plan: Plan, ids: tuple[str, ...]) -> str:
    return ", ".join(plan.group_name(id) for id in ids)


def _event(
    uid: str, stamp: str, day: dt.date, summary: str, description: list[str], status: ActionStatus
) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{uid}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_date(day)}"
    if day < dt.date.max:
        yield f"DTEND;VALUE=DATE:{_date(day + dt.timedelta(days=1))}"
    # else: an all-day event without DTEND lasts the one day (RFC 5545 §3.6.1)
    yield f"SUMMARY:{_escape(summary)}"
    text = "\n".join(line for line in description if line)
    if text:
        yield f"DESCRIPTION:{_escape(text)}"
    yield f"STATUS:{'CANCELLED' if status is ActionStatus.DROPPED else 'CONFIRMED'}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def _activity_lines(
    plan: Plan, index: int, activity: Activity, labels: dict[str, str], stamp: str
) -> Iterator[str]:
    assert activity.date is not None
    description = [
        f"{labels['channel']}: {activity.channel}" if activity.channel else "",
        f"{labels['responsible']}: {activity.responsible}" if activity.responsible else "",
        f"{labels['groups']}: {_group_names(plan, activity.target_groups)}"
        if activity.target_groups
        else "",
        f"{labels['budget']}: {activity.budget} kr" if activity.budget is not None else "",
    ]
    uid = _uid(plan.library.name, "activity", str(index), activity.what)
    yield from _event(uid, stamp, activity.date, activity.what, description, activity.status)


def _action_lines(
    plan: Plan, index: int, action: Action, labels: dict[str, str], stamp: str
) -> Iterator[str]:
    assert action.due is not None
    description = [
        f"{labels['responsible']}: {action.responsible}" if action.responsible else "",
        f"{labels['roles']}: {', '.join(action.roles)}" if action.roles else "",
        f"{labels['groups']}: {_group_names(plan, action.target_groups)}"
        if action.target_groups
        else "",
        f"{labels['organisational']}: {action.organisational_consequence.strip()}"
        if action.organisational_consequence
        else "",
        f"{labels['communicative']}: {action.communicative_consequence.strip()}"
        if action.communicative_consequence
        else "",
    ]
    summary = f"{labels['deadline']}: {action.what}"
    uid = _uid(plan.library.name, "action", str(index), action.what)
    yield from _event(uid, stamp, action.due, summary, description, action.status)


def _include(context: ExportContext) -> set[str]:
    raw = context.options.settings.get("include", ",".join(_WHICH))
    chosen = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = chosen - set(_WHICH)
    if unknown:
        from klusterplan.errors import PlanError, Problem

        raise PlanError(
            [
                Problem(
                    "",
                    f"--option include={raw}: unknown {', '.join(sorted(unknown))}; "
                    f"use {' and/or '.join(_WHICH)}",
                )
            ]
        )
    return chosen


def write_ics(plan: Plan, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``plan``'s dated activities and action deadlines to ``stream`` as iCalendar."""
    labels = _labels(context.language)
    include = _include(context)
    with_dropped = context.options.settings.get("dropped", "no").lower() in ("yes", "true", "1")
    # DTSTAMP is required; the plan's own date keeps the output reproducible.
    stamp = _date(plan.library.date or dt.date(2000, 1, 1)) + "T000000Z"
    name = " – ".join(p for p in (labels["calendar"], plan.library.name) if p)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//klusterplan//klusterplan-calendar 0.1//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    if "activities" in include:
        for i, activity in enumerate(plan.communication_plan.activities):
            path = f"communication_plan.activities[{i}]"
            if activity.status is ActionStatus.DROPPED and not with_dropped:
                continue
            if activity.date is None:
                context.notice(path, f"{labels['activity']} has no date; left out of the calendar")
                continue
            lines += _activity_lines(plan, i, activity, labels, stamp)
    if "actions" in include:
        for i, action in enumerate(plan.actions):
            if action.status is ActionStatus.DROPPED and not with_dropped:
                continue
            if action.due is None:
                context.notice(
                    f"actions[{i}]", f"{labels['action']} has no due date; left out of the calendar"
                )
                continue
            lines += _action_lines(plan, i, action, labels, stamp)
    lines.append("END:VCALENDAR")
    stream.write(("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8"))
