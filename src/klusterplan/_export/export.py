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
from .._model.composed import composed
from .._planfile.origin import origin_of
from .._planfile.sanitise import sanitise_plan
from .._planfile.validate import plan_problems
from .._support.atomic import atomic_write
from .._support.stop import HookTimeout, Stopped
from ..document import Mode
from ..errors import ExportError, PlanError, Problem
from ..model import Plan
from ..plugins import Registry, get_registry, warn_failures
from .contain import quiet_stdout, time_limit

__all__ = ["deliver", "document_context", "export"]


def export(
    plan: Plan,
    format: str,
    dest: str | bytes | os.PathLike[str] | BinaryIO,
    options: ExportOptions | None = None,
    *,
    registry: Registry | None = None,
    hook_timeout: float | None = None,
) -> list[Notice]:
    """Write ``plan`` in ``format`` to ``dest``: a path or a binary stream.

    The output is built in memory first; a path is replaced atomically and a
    stream receives the bytes only when the export succeeded. Returns the
    notices the exporter gave (text it had to change, for instance).

    Raises :class:`PlanError` for an unknown format, a data format asked for
    the workbook, or a plan no format can hold (see :func:`klusterplan.dumps`);
    :class:`ExportError` when the exporter itself fails (a bug in it or in its
    plugin: any exception, ``sys.exit()``, nothing written, or a hook that ran
    past ``hook_timeout`` seconds), naming the plugin. Nothing is written then.
    What a plugin prints while it runs goes to standard error.
    """
    if isinstance(dest, bytes):
        dest = os.fsdecode(dest)  # a path as bytes, as the os functions take it
    elif not isinstance(dest, str | os.PathLike) and not callable(getattr(dest, "write", None)):
        raise TypeError(f"export() writes to a path or a binary stream, got {type(dest).__name__}")
    if options is not None and not isinstance(options, ExportOptions):
        raise TypeError(f"options is an ExportOptions, got {type(options).__name__}")
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
    if origin_of(plan) is None:
        plan = composed(plan)  # as the loader reads a file: å, never a and a ring
    buffer = _Sink()
    plugin = registry.exporter_plugin(format)
    try:
        with quiet_stdout():
            notices = _run(exporter, plan, format, options, registry, buffer, hook_timeout)
    except (PlanError, KeyboardInterrupt, Stopped):
        raise
    except HookTimeout as exc:
        detail = text("hook_timeout", seconds=f"{exc.seconds:g}")
        raise ExportError(format, plugin, exc, detail) from exc
    except BaseException as exc:  # a bug in an exporter must not end the run
        raise ExportError(format, plugin, exc) from exc
    finally:
        warn_failures(registry)  # hooks the export called (branding) may have failed
    data = buffer.getvalue()
    if not data:
        empty = ValueError("empty")
        raise ExportError(format, plugin, empty, text("wrote_nothing", format=format))
    deliver(data, dest)
    return notices


class _Sink(io.BytesIO):
    """The stream an exporter writes to; closing it keeps what was written."""

    def close(self) -> None:
        """Keep the bytes: an exporter that closes its stream has still written them."""


def _run(
    exporter: Exporter,
    plan: Plan,
    format: str,
    options: ExportOptions,
    registry: Registry,
    buffer: io.BytesIO,
    hook_timeout: float | None = None,
) -> list[Notice]:
    if exporter.render is not None:
        notices: list[Notice] = []
        # Text XML cannot hold is mended once here, before any renderer sees it,
        # and entries copied in but never filled are left out of the document.
        plan = sanitise_plan(plan, lambda path, message: notices.append(Notice(path, message)))
        plan = without_blank_entries(plan)
        with time_limit(hook_timeout):
            context = document_context(plan, format, options, registry, notices)
        mode = Mode.WORKBOOK if options.workbook else Mode.PLAN
        document = build_document(
            plan, options.language, mode=mode, large_print=options.large_print
        )
        with time_limit(hook_timeout):
            exporter.render(document, buffer, context)
    else:
        assert exporter.write is not None
        context = ExportContext(
            plan=plan, options=options, format=format, hooks=registry.manager.hook
        )
        with time_limit(hook_timeout):
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
