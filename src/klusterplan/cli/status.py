"""``klusterplan status``: what is late and what is due, for a team meeting."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from typing import Any

import click

from .. import enum_label, label, load_cluster
from .._catalogue import format as _format
from .._model import followup as _followup
from ..errors import PlanError
from ..model import Language, Plan
from ._common import (
    EXIT_OK,
    EXIT_USAGE,
    error,
    fail,
    format_option,
    plans_language,
    reader_language,
)
from .export import lang_option
from .summary import day, today_option, within_option

__all__ = ["COMMANDS", "JSON_VERSION", "status_lines"]

#: The version of the ``--format json`` structure; raised only for incompatible changes.
JSON_VERSION = 1


def _line(item: _followup.Item, today: _dt.date, lang: Language) -> str:
    status = enum_label(item.status, lang)
    if item.status_changed is not None:
        status += " " + label("status_since", lang).format(date=_format.day(item.status_changed))
    parts = [item.what.strip() or item.path, item.responsible.strip(), status]
    late = item.days_late(today)
    if late:
        key = "status_day_late" if late == 1 else "status_days_late"
        parts.append(label(key, lang).format(n=_format.number(late)))
    kind = enum_label(item.kind, lang)
    return f"  {_format.day(item.date)}  {kind}: " + " – ".join(p for p in parts if p)


def status_lines(
    plan: Plan, source: str, today: _dt.date, within: int, lang: Language | None = None
) -> list[str]:
    """The text ``klusterplan status`` prints for one plan, in ``lang`` (the plan's own)."""
    lang = lang or plan.language
    found = _followup.items(plan)
    late = _followup.late(found, today)
    due = _followup.due(found, today, within)
    until = _format.day(_followup.period_end(today, within))
    name = plan.library.name.strip() or source
    lines = [f"{name} ({source}) – {label('status_title', lang).lower()} {_format.day(today)}"]
    for title, items in (
        (label("status_late", lang), late),
        (label("status_due", lang).format(until=until), due),
    ):
        if items:
            lines.append(f"{title}:")
            lines.extend(_line(i, today, lang) for i in items)
        else:
            lines.append(f"{title}: {label('status_none', lang)}")
    return lines


def _item_json(item: _followup.Item, today: _dt.date) -> dict[str, Any]:
    return {
        "kind": item.kind.value,
        "path": item.path,
        "what": item.what,
        "responsible": item.responsible,
        "date": item.date.isoformat() if item.date else None,
        "status": item.status.value,
        "status_changed": item.status_changed.isoformat() if item.status_changed else None,
        "days_late": item.days_late(today),
    }


@click.command(name="status")
@click.argument("plans", nargs=-1, required=True)
@today_option
@within_option
@lang_option
@format_option("Lines to read at a meeting, or JSON for other programs.")
def status_command(
    plans: tuple[str, ...],
    today: _dt.datetime | None,
    within: int,
    lang: Language | None,
    output_format: str,
) -> None:
    """Print what is late and what is due in each PLAN, for a team meeting.

    Late: actions and activities still planned or in progress whose date has
    passed. Due: those dated from today up to --within days ahead. Each plan
    is printed in its own language unless --lang says otherwise; a plan that
    cannot be read is told of in the language its file declares, else the
    system's. PLANS may be files, folders of plans or patterns such as
    'plans/*.yaml'.
    """
    when = day(today) or _dt.date.today()
    chosen = lang
    try:
        cluster = load_cluster(plans)
    except PlanError as exc:
        fail(exc.render(plans_language(lang, plans)))
    entries: list[dict[str, Any]] = []
    blocks: list[str] = []
    for member in cluster.members:
        if member.plan is None:
            if member.error is not None:
                # in the language its file declares, as check tells it
                error(member.error.render(reader_language(lang, path=member.source)))
            entries.append({"path": member.source, "loaded": False})
            continue
        plan = member.plan
        blocks.append("\n".join(status_lines(plan, member.source, when, within, chosen)))
        found = _followup.items(plan)
        entries.append(
            {
                "path": member.source,
                "loaded": True,
                "library": plan.library.name,
                "late": [_item_json(i, when) for i in _followup.late(found, when)],
                "due": [_item_json(i, when) for i in _followup.due(found, when, within)],
            }
        )
    if output_format == "json":
        data = {
            "version": JSON_VERSION,
            "today": when.isoformat(),
            "within_days": within,
            "plans": entries,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif blocks:
        click.echo("\n\n".join(blocks))
    sys.exit(EXIT_USAGE if cluster.failed else EXIT_OK)


COMMANDS = [status_command]
