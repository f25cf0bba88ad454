"""Exporting: how a plan, or a cluster's summary, becomes a file in a given format.

:func:`export` looks the format up in the registry. A data format gets the
plan; a document format gets the plan built once into the document tree (the
plan or the workshop workbook), with the branding a plugin chose.
:func:`export_summary` writes a cluster's summary through the same document
formats, or as JSON data. The output is built in memory and only then
written, so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

from .._catalogue.messages import text
from .._document.blank import without_blank_entries
from .._document.sections import build_document
from .._extension.exporter import ExportContext, Exporter, ExportOptions, Notice
from .._planfile.origin import origin_of
from .._planfile.sanitise import sanitise_plan
from .._planfile.validate import plan_problems
from .._support.atomic import atomic_write
from ..document import Mode
from ..errors import ExportError, PlanError, Problem
from ..model import Plan
from ..plugins import Registry, get_registry, warn_failures

__all__ = ["deliver", "document_context", "export"]


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

    Raises :class:`PlanError` for an unknown format, a data format asked for
    the workbook, or a plan no format can hold (see :func:`klusterplan.dumps`);
    :class:`ExportError` when the exporter itself fails (a bug in it or in its
    plugin), naming the plugin. Nothing is written then.
    """
    registry = registry or get_registry()
    options = options or ExportOptions()
    format = registry.format_name(format)  # "Word" is docx
    exporter = registry.exporter(format)
    warn_failures(registry)
    if options.workbook and not exporter.workbook:
        able = ", ".join(name for name, e in registry.exporters().items() if e.workbook)
        raise PlanError(
            [
                Problem(
                    "",
                    text("export_format_exporter_cannot_write", format=format, able=able),
                )
            ]
        )
    # a plan the loader built has the model's types; one built in code is checked
    problems = plan_problems(plan, check_types=origin_of(plan) is None)
    if problems:
        raise PlanError(problems)
    buffer = io.BytesIO()
    try:
        notices = _run(exporter, plan, format, options, registry, buffer)
    except PlanError:
        raise
    except (Exception, SystemExit) as exc:  # a bug in an exporter must not end the run
        raise ExportError(format, registry.exporter_plugin(format), exc) from exc
    finally:
        warn_failures(registry)  # hooks the export called (branding) may have failed
    deliver(buffer.getvalue(), dest)
    return notices


def _run(
    exporter: Exporter,
    plan: Plan,
    format: str,
    options: ExportOptions,
    registry: Registry,
    buffer: io.BytesIO,
) -> list[Notice]:
    if exporter.render is not None:
        notices: list[Notice] = []
        # Text XML cannot hold is mended once here, before any renderer sees it,
        # and entries copied in but never filled are left out of the document.
        plan = sanitise_plan(plan, lambda path, message: notices.append(Notice(path, message)))
        plan = without_blank_entries(plan)
        context = document_context(plan, format, options, registry, notices)
        mode = Mode.WORKBOOK if options.workbook else Mode.PLAN
        document = build_document(
            plan, options.language, mode=mode, large_print=options.large_print
        )
        exporter.render(document, buffer, context)
    else:
        assert exporter.write is not None
        context = ExportContext(
            plan=plan, options=options, format=format, hooks=registry.manager.hook
        )
        exporter.write(plan, buffer, context)
    return context.notices


def document_context(
    plan: Plan, format: str, options: ExportOptions, registry: Registry, notices: list[Notice]
) -> ExportContext:
    """The context a renderer gets: the plan's branding for ``format`` and the hooks."""
    return ExportContext(
        plan=plan,
        options=options,
        format=format,
        branding=registry.branding(plan, format),
        hooks=registry.manager.hook,
        notices=notices,
    )


def deliver(data: bytes, dest: str | os.PathLike[str] | BinaryIO) -> None:
    """Write ``data`` to ``dest``: a path, atomically, or a binary stream."""
    if isinstance(dest, str | os.PathLike):
        # a path the user got wrong is their mistake (PlanError); a disk that refuses is not
        target = Path(dest)
        if target.is_dir():
            raise PlanError(
                [
                    Problem(
                        "",
                        text("export_folder_name_file_write"),
                    )
                ],
                str(dest),
            )
        if not target.parent.is_dir():
            raise PlanError(
                [
                    Problem(
                        "",
                        text("export_folder_parent_does_exist", parent=target.parent),
                    )
                ],
                str(dest),
            )
        with atomic_write(dest) as stream:
            stream.write(data)
    else:
        dest.write(data)
