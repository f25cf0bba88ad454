"""Writing a cluster's summary: its document through any document format, or its numbers as data."""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
from collections.abc import Iterable
from typing import BinaryIO

import attrs

from .._catalogue.messages import text as message_text
from .._export.export import deliver, document_context
from .._extension.exporter import ExportOptions, Notice
from .._model import followup as _followup
from .._planfile.sanitise import sanitise_plan
from ..config import Settings
from ..errors import PlanError, Problem
from ..model import Library, Plan, Values
from ..plugins import Registry, get_registry, warn_failures
from .cluster import summarise
from .document import build_summary_document
from .members import Cluster, Member
from .summary import ClusterSummary

__all__ = ["SUMMARY_DATA_FORMAT", "export_summary"]

#: The format name under which :func:`export_summary` writes the summary as data.
SUMMARY_DATA_FORMAT = "json"


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


def _sanitised(cluster: Cluster, notices: list[Notice]) -> list[Member]:
    """The members of ``cluster``, each plan made safe to draw; ``notices`` learn what changed."""
    members = []
    for member in cluster.members:
        if member.plan is None:
            members.append(member)
            continue

        def report(path: str, message: str, source: str = member.source) -> None:
            notices.append(Notice(f"{source}: {path}" if path else source, message))

        members.append(attrs.evolve(member, plan=sanitise_plan(member.plan, report)))
    return members


def export_summary(
    cluster: Cluster | Plan | Iterable[Plan],
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

    ``cluster`` is a :class:`Cluster` (from :func:`load_cluster`, or
    :meth:`Cluster.of` for plans held in memory) or the plans themselves.

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
    cluster = Cluster.from_plans(cluster, caller="export_summary")
    if options.workbook:
        raise PlanError([Problem("", message_text("export_cluster_summary_workbook"))])
    if format == SUMMARY_DATA_FORMAT:
        summary = summarise(
            cluster, today=today, within=within, registry=registry, settings=settings
        )
        text = json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"
        deliver(text.encode("utf-8"), dest)
        return []
    exporter = registry.exporter(format)
    warn_failures(registry)
    if exporter.render is None:
        able = [name for name, e in registry.exporters().items() if e.render is not None]
        raise PlanError(
            [
                Problem(
                    "",
                    message_text(
                        "export_format_format_writes_one",
                        format=format,
                        value=", ".join([*sorted(able), SUMMARY_DATA_FORMAT]),
                    ),
                )
            ]
        )
    notices: list[Notice] = []
    members = _sanitised(cluster, notices)
    summary = summarise(
        Cluster(tuple(members)), today=today, within=within, registry=registry, settings=settings
    )
    # settings that could not be used concern whoever runs the checks, not the board
    notices.extend(
        Notice(summary.libraries[c.library].source, c.problem) for c in summary.checks if c.problem
    )
    municipalities = {m.plan.library.municipality.strip() for m in members if m.plan is not None}
    plan = _cluster_plan(summary, municipalities)
    context = document_context(plan, format, options, registry, notices)
    buffer = io.BytesIO()
    document = build_summary_document(summary, options.language, large_print=options.large_print)
    exporter.render(document, buffer, context)
    deliver(buffer.getvalue(), dest)
    return context.notices
