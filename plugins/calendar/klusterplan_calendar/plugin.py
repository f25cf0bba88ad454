"""The module the ``calendar`` entry point loads."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from klusterplan import Exporter, Text, hookimpl

if TYPE_CHECKING:
    from klusterplan import ExportContext, Plan


def write_ics(plan: Plan, stream: BinaryIO, context: ExportContext) -> None:
    """Write the calendar; its code is imported only when a calendar is written."""
    from .ics import write_ics as write

    write(plan, stream, context)


__all__ = ["register_exporters", "write_ics"]


@hookimpl
def register_exporters() -> list[Exporter]:
    """The ``ics`` format: a calendar a library team imports into Outlook or Google."""
    return [
        Exporter(
            "ics",
            ".ics",
            Text(
                "Activities and action deadlines as an iCalendar file "
                "(Outlook, Google, Thunderbird)",
                "Aktiviteter och åtgärdernas slutdatum som en iCalendar-fil "
                "(Outlook, Google, Thunderbird)",
            ),
            write_ics,
            options={
                "include": Text(
                    "which dates to write: activities, actions or both "
                    "(comma-separated; default both)",
                    "vilka datum som skrivs: activities, actions eller both "
                    "(kommaseparerade; standard both)",
                ),
                "dropped": Text(
                    "yes to include dropped activities and actions (default no)",
                    "yes för att ta med strukna aktiviteter och åtgärder (standard no)",
                ),
            },
        )
    ]
