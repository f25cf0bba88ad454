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
from ._exporter import ExportContext, ExportOptions, Notice
from ._sections import build_document
from ._text import sanitise_plan
from .document import Mode
from .errors import PlanError, Problem
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

    Raises :class:`PlanError` for an unknown format or a data format asked for
    the workbook.
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
    buffer = io.BytesIO()
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
    data = buffer.getvalue()
    if isinstance(dest, str | os.PathLike):
        with atomic_write(dest) as stream:
            stream.write(data)
    else:
        dest.write(data)
    return context.notices
