"""How a batch export shows its progress: a bar on a terminal, plain lines elsewhere.

rich is imported only when a bar is shown, so a command whose output goes to
a file or a pipe (a scheduled job, CI) never pays for it.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Protocol

import click

from .. import ExportOutcome
from .._catalogue.messages import decimal, message
from ..model import Language
from ._common import terminal_safe

__all__ = ["Bar", "Lines", "Reporter", "reporter"]


class Reporter(Protocol):
    """Shows each plan's outcome as it arrives, and the summary at the end."""

    def __enter__(self) -> Reporter: ...

    def __exit__(self, *exc: object) -> None: ...

    def outcome(self, outcome: ExportOutcome) -> None:
        """Show what happened to one plan."""

    def message(self, text: str) -> None:
        """Show a message that belongs to no plan."""


def _lines(outcome: ExportOutcome, language: Language) -> tuple[list[str], list[str]]:
    """What to print on standard output and on standard error for one outcome.

    In the language the outcome's messages are in (its plan's), else ``language``.
    """
    said = outcome.language or language
    out = [message("wrote", said, path=path) for path in outcome.written]
    err = [*outcome.problems, *outcome.notices]
    return out, err


class Lines:
    """Plain log lines, for output that is not a terminal: one line per file and problem.

    With more than one plan, each plan's first line says how far the run has come.
    Each plan's lines are in its own language; ``language`` is the run's.
    """

    def __init__(self, total: int, language: Language) -> None:
        self.total = total
        self.count = 0
        self.language = language

    def __enter__(self) -> Lines:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def outcome(self, outcome: ExportOutcome) -> None:
        self.count += 1
        out, err = _lines(outcome, self.language)
        if self.total > 1 and not outcome.ok:
            line = message(
                "plan_failed",
                self.language,
                count=self.count,
                total=self.total,
                source=outcome.source,
            )
            err.insert(0, line)
        for line in out:
            click.echo(terminal_safe(line))
        for line in err:
            click.echo(terminal_safe(line), err=True)

    def message(self, text: str) -> None:
        click.echo(terminal_safe(text), err=True)


class Bar:
    """A progress bar on the terminal: count, rate and time left; problems printed above it."""

    def __init__(self, total: int, language: Language, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self.console = console or Console(stderr=True, highlight=False)
        self.progress = Progress(
            TextColumn(message("bar_exporting", language)),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn(message("bar_left", language)),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("export", total=total, rate="")
        self.started = time.monotonic()
        self.done = 0
        self.written = 0
        self.language = language

    def __enter__(self) -> Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def outcome(self, outcome: ExportOutcome) -> None:
        self.done += 1
        self.written += len(outcome.written)
        _, err = _lines(outcome, self.language)
        for line in err:
            self.console.print(terminal_safe(line), markup=False, highlight=False)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = message("bar_rate", self.language, rate=decimal(self.done / elapsed, self.language))
        self.progress.update(self.task, advance=1, rate=rate)

    def message(self, text: str) -> None:
        self.console.print(terminal_safe(text), markup=False, highlight=False)


def reporter(total: int, language: Language) -> Reporter:
    """A bar when standard error is a terminal and there is more than one plan; else lines.

    ``language`` is the run's: the bar's words, and a plan's lines when its own is unknown.
    """
    if total > 1 and sys.stderr.isatty():
        return Bar(total, language)
    return Lines(total, language)
