"""Exporting: how a plan, or a cluster's summary, becomes a file in a given format.

:func:`export` looks the format up in the registry. A data format gets the
plan; a document format gets the plan built once into the document tree (the
plan or the workshop workbook), with the branding a plugin chose.
:func:`export_summary` writes a cluster's summary through the same document
formats, or as JSON data. The output is built in memory and only then
written, so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
from pathlib import Path
from typing import BinaryIO

import attrs

from . import _followup
from ._atomic import atomic_write
from ._blank import without_blank_entries
from ._cluster import Cluster, ClusterSummary, summarise
from ._cluster_document import build_summary_document
from ._exporter import ExportContext, Exporter, ExportOptions, Notice
from ._formats import paused_gc
from ._i18n import Text
from ._origin import origin_of
from ._sections import build_document
from ._text import sanitise_plan
from ._validate import plan_problems
from .config import Settings
from .document import Mode
from .errors import ExportError, PlanError, Problem
from .model import Library, Plan, Values
from .plugins import Registry, get_registry, warn_failures

__all__ = ["SUMMARY_DATA_FORMAT", "export", "export_summary"]

#: The format name under which :func:`export_summary` writes the summary as data.
SUMMARY_DATA_FORMAT = "json"


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
                    Text(
                        f"the {format} exporter cannot write the workbook; use one of: {able}",
                        f"formatet {format} kan inte skriva arbetsboken; använd något av: {able}",
                    ),
                )
            ]
        )
    # a plan the loader built has the model's types; one built in code is checked
    problems = plan_problems(plan, check_types=origin_of(plan) is None)
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
    _deliver(buffer.getvalue(), dest)
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
        context = _document_context(plan, format, options, registry, notices)
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


def _document_context(
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


def _deliver(data: bytes, dest: str | os.PathLike[str] | BinaryIO) -> None:
    if isinstance(dest, str | os.PathLike):
        # a path the user got wrong is their mistake (PlanError); a disk that refuses is not
        target = Path(dest)
        if target.is_dir():
            raise PlanError(
                [
                    Problem(
                        "",
                        Text(
                            "is a folder; name the file to write",
                            "är en mapp; ange filen som ska skrivas",
                        ),
                    )
                ],
                str(dest),
            )
        if not target.parent.is_dir():
            raise PlanError(
                [
                    Problem(
                        "",
                        Text(
                            f"the folder {target.parent} does not exist; create it first",
                            f"mappen {target.parent} finns inte; skapa den först",
                        ),
                    )
                ],
                str(dest),
            )
        with atomic_write(dest) as stream:
            stream.write(data)
    else:
        dest.write(data)


def _cluster_plan(summary: ClusterSummary, municipalities: set[str]) -> Plan:
    """A plan standing for the whole cluster, for the hooks that take a plan."""
    title = summary.cluster
    return Plan(
        language=summary.language,
        library=Library(
            name=title,
            municipality=municipalities.pop() if len(municipalities) == 1 else "",
            cluster=title,
            period=summary.period,
            date=summary.today,
        ),
        values=Values(promise=summary.promise),
    )


def export_summary(
    cluster: Cluster,
    format: str,
    dest: str | os.PathLike[str] | BinaryIO,
    options: ExportOptions | None = None,
    *,
    today: _dt.date | None = None,
    within: int = _followup.DEFAULT_WITHIN,
    registry: Registry | None = None,
    settings: Settings | None = None,
) -> list[Notice]:
    """Write the summary of ``cluster`` in ``format`` to ``dest``: a path or a binary stream.

    ``format`` is any document format (``docx``, ``pdf``, ``markdown`` or one a
    plugin adds), which renders the summary's document tree as it renders a
    plan, or ``json`` for the summary's numbers as data. ``today`` and
    ``within`` decide what is late and what is due (see :func:`summarise`).
    The hooks that take a plan (``branding``, ``docx_document``) get a plan
    standing for the cluster: its library's name and cluster are the
    cluster's, its municipality the one all libraries share, if any.

    Plans that failed to load are listed in the summary, not raised. Returns
    the notices the export gave, each naming its plan file.
    """
    registry = registry or get_registry()
    options = options or ExportOptions()
    if options.workbook:
        raise PlanError(
            [
                Problem(
                    "",
                    Text(
                        "a cluster summary has no workbook",
                        "en klustersammanfattning har ingen arbetsbok",
                    ),
                )
            ]
        )
    if format == SUMMARY_DATA_FORMAT:
        summary = summarise(
            cluster, today=today, within=within, registry=registry, settings=settings
        )
        text = json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"
        _deliver(text.encode("utf-8"), dest)
        return []
    exporter = registry.exporter(format)
    warn_failures(registry)
    if exporter.render is None:
        able = [name for name, e in registry.exporters().items() if e.render is not None]
        raise PlanError(
            [
                Problem(
                    "",
                    Text(
                        f"the {format} format writes one plan's data; write the summary as "
                        f"{', '.join([*sorted(able), SUMMARY_DATA_FORMAT])}",
                        f"formatet {format} skriver en plans data; skriv sammanfattningen som "
                        f"{', '.join([*sorted(able), SUMMARY_DATA_FORMAT])}",
                    ),
                )
            ]
        )
    notices: list[Notice] = []
    members = []
    for member in cluster.members:
        if member.plan is None:
            members.append(member)
            continue

        def report(path: str, message: str, source: str = member.source) -> None:
            notices.append(Notice(f"{source}: {path}" if path else source, message))

        members.append(attrs.evolve(member, plan=sanitise_plan(member.plan, report)))
    summary = summarise(
        Cluster(tuple(members)), today=today, within=within, registry=registry, settings=settings
    )
    municipalities = {m.plan.library.municipality.strip() for m in members if m.plan is not None}
    plan = _cluster_plan(summary, municipalities)
    context = _document_context(plan, format, options, registry, notices)
    buffer = io.BytesIO()
    exporter.render(build_summary_document(summary, options.language), buffer, context)
    _deliver(buffer.getvalue(), dest)
    return context.notices
