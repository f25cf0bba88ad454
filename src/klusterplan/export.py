"""Exporters: how a plan becomes a file in a given format.

An :class:`Exporter` is registered by a plugin through the
``register_exporters`` hook. :func:`export` looks the format up, builds the
output in memory and only then writes it, so a failed export leaves no
half-written file behind.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import attrs

from ._atomic import atomic_write
from .errors import PlanError, Problem
from .model import Language, Plan

if TYPE_CHECKING:
    from .branding import Branding
    from .document import Document
    from .plugins import Registry

__all__ = ["ExportContext", "ExportOptions", "Exporter", "Notice", "export"]


@attrs.frozen
class Notice:
    """Something an export changed or left out that the user should know."""

    path: str
    """The path in the plan the notice is about."""
    message: str
    """What happened."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@attrs.frozen
class ExportOptions:
    """Choices that apply to every exporter; each uses what it understands."""

    language: Language | None = None
    """The reader's language; ``None`` uses the plan's own."""
    large_print: bool = False
    """Large print (storstil): body text of at least 16 pt."""
    template: Path | None = None
    """A reference document supplying styles and page set-up (Word)."""
    workbook: bool = False
    """Write the blank workshop workbook, pre-filled from the plan."""
    settings: Mapping[str, str] = attrs.field(factory=dict)
    """Free ``key=value`` settings for plugin exporters (``--option``)."""


@attrs.define
class ExportContext:
    """What an exporter's ``write`` function gets beside the plan."""

    plan: Plan
    """The plan being exported."""
    options: ExportOptions
    """The user's choices."""
    registry: Registry
    """The plugin registry, for calling hooks such as ``branding``."""
    format: str
    """The name of the format being written."""
    notices: list[Notice] = attrs.field(factory=list)
    """Notices the exporter has given so far."""

    @property
    def language(self) -> Language:
        """The language the reader sees."""
        return self.options.language or self.plan.language

    def notice(self, path: str, message: str) -> None:
        """Tell the user about something the export changed or left out."""
        self.notices.append(Notice(path, message))

    def document(self) -> Document:
        """The plan as a neutral document, for document exporters.

        With the ``workbook`` option it is the workshop workbook, pre-filled
        from the plan. Text a document cannot hold (control characters pasted
        from elsewhere) is mended first, each change given as a notice with its
        path, and :attr:`plan` becomes the mended plan.
        """
        from ._text import sanitise_plan

        self.plan = sanitise_plan(self.plan, self.notice)
        if self.options.workbook:
            from .workbook import build_workbook

            return build_workbook(self.plan, self.language)
        from .document import build_document

        return build_document(self.plan, self.language)

    def branding(self) -> Branding:
        """The look a plugin has chosen for this plan, or the default look."""
        from .branding import Branding

        chosen = self.registry.call_first("branding", plan=self.plan, format=self.format)
        return chosen if isinstance(chosen, Branding) else Branding()


@attrs.frozen
class Exporter:
    """A file format a plan can be exported to."""

    name: str
    """The format's name, the value of ``--to``."""
    extension: str
    """The file suffix, with its dot."""
    description: str
    """One line for ``klusterplan plugins``."""
    write: Callable[[Plan, BinaryIO, ExportContext], None]
    """Writes the plan to the binary stream."""
    workbook: bool = False
    """Whether it can also write the blank workshop workbook."""


def export(
    plan: Plan,
    format: str,
    dest: str | os.PathLike[str] | BinaryIO,
    options: ExportOptions | None = None,
    *,
    registry: Registry | None = None,
) -> list[Notice]:
    """Write ``plan`` in ``format`` to ``dest``: a path or a binary stream.

    The output is built in memory first; a path is replaced atomically and a
    stream receives the bytes only when the export succeeded. Returns the
    notices the exporter gave (text it had to change, for instance).

    Raises :class:`PlanError` for an unknown format or an exporter that cannot
    write the workbook.
    """
    from .plugins import get_registry

    registry = registry or get_registry()
    options = options or ExportOptions()
    exporter = registry.exporter(format)
    if options.workbook and not exporter.workbook:
        able = ", ".join(name for name, e in registry.exporters().items() if e.workbook)
        raise PlanError(
            [
                Problem(
                    "",
                    f"the {format} exporter cannot write the workbook; use one of: {able}",
                )
            ]
        )
    context = ExportContext(plan=plan, options=options, registry=registry, format=format)
    buffer = io.BytesIO()
    exporter.write(plan, buffer, context)
    data = buffer.getvalue()
    if isinstance(dest, str | os.PathLike):
        with atomic_write(dest) as stream:
            stream.write(data)
    else:
        dest.write(data)
    return context.notices
