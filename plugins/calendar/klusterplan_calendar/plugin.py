"""The module the ``calendar`` entry point loads."""

from __future__ import annotations

from klusterplan import Exporter, hookimpl

from .ics import write_ics

__all__ = ["register_exporters"]


@hookimpl
def register_exporters() -> list[Exporter]:
    """The ``ics`` format: a calendar a library team imports into Outlook or Google."""
    return [
        Exporter(
            "ics",
            ".ics",
            "Activities and action deadlines as an iCalendar file (Outlook, Google, Thunderbird)",
            write_ics,
            options={
                "include": "which dates to write: activities, actions or both "
                "(comma-separated; default both)",
                "dropped": "yes to include dropped activities and actions (default no)",
            },
        )
    ]
