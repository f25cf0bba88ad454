"""Exporting: how a plan becomes a file in a given format.

:func:`export` looks the format up in the registry. A data format gets the
plan; a document format gets the plan built once into the document tree (the
plan or the workshop workbook), with the branding a plugin chose. The output is
built in memory and only then written, so a failed export leaves no
half-written file behind.
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from ._atomic import atomic_write
from ._exporter import ExportContext, Exporter, ExportOptions, Notice
from ._formats import paused_gc
from ._sections import build_document
from ._text import sanitise_plan
from ._validate import plan_problems
from .document import Mode
from .errors import ExportError, PlanError, Problem
from .model import Plan
from .plugins import Registry, get_registry, warn_failures

__all__ = ["export"]


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
    exporter = registry.exporter(format)
    warn_failures(registry)
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
    problems = plan_problems(plan)
    if problems:
        raise PlanError(problems)
    buffer = io.BytesIO()
    try:
        with paused_gc():
            notices = _run(exporter, plan, format, options, registry, buffer)
    except PlanError:
        raise
    except (Exception, SystemExit) as exc:  # a bug in an exporter must not end the run
        raise ExportError(format, registry.exporter_plugin(format), exc) from exc
    finally:
        warn_failures(registry)  # hooks the export called (branding) may have failed
    data = buffer.getvalue()
    if isinstance(dest, str | os.PathLike):
        with atomic_write(dest) as stream:
            stream.write(data)
    else:
        dest.write(data)
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
        # Text XML cannot hold is mended once here, before any renderer sees it.
        plan = sanitise_plan(plan, lambda path, message: notices.append(Notice(path, message)))
        context = ExportContext(
            plan=plan,
            options=options,
            format=format,
            branding=registry.branding(plan, format),
            hooks=registry.manager.hook,
            notices=notices,
        )
        mode = Mode.WORKBOOK if options.workbook else Mode.PLAN
        document = build_document(plan, options.language, mode=mode)
        exporter.render(document, buffer, context)
    else:
        assert exporter.write is not None
        context = ExportContext(
            plan=plan, options=options, format=format, hooks=registry.manager.hook
        )
        exporter.write(plan, buffer, context)
    return context.notices
