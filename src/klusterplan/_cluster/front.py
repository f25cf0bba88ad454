"""What the cluster document says first: its cover, and the text that opens its summary.

A board reads the cover and the opening text before any table: who the summary
is of, for which period and day, what kind of document it is and for whom, and
then, in a few sentences composed from the numbers, what stands out.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter

from .._catalogue import format as _format
from ..model import ActionStatus
from .builder import SummaryBuilder, and_list

__all__ = ["control_lines", "cover_lines", "written"]


def _who(b: SummaryBuilder) -> list[str]:
    """Who the summary is of, from which plans, and for which period and day."""
    s = b.s
    total = len(s.libraries) + len(s.failed)
    said = []
    if s.libraries:
        said.append(
            b.t(
                "cluster_text_who",
                cluster=s.cluster or b.t("cluster_the"),
                libraries=b.count("libraries", len(s.libraries)),
                names=and_list(b, [b.lib(i) for i in range(len(s.libraries))]),
            )
        )
    said.append(b.t("cluster_text_read", loaded=b.n(len(s.libraries)), total=b.n(total)))
    if s.period:
        key = "cluster_text_period_end" if s.at_period_end else "cluster_text_period"
        said.append(b.t(key, period=s.period, day=_format.day(s.today)))
    return said


def _standing_out(b: SummaryBuilder) -> list[str]:
    """The groups most libraries chose, and the one the most votes went to."""
    s = b.s
    said: list[str] = []
    top = max(s.groups, key=lambda g: g.libraries) if s.groups else None
    if top is not None:
        said.append(
            b.t(
                "cluster_text_groups",
                group=top.name,
                n=b.n(top.libraries),
                libraries=b.n(len(s.libraries)),
            )
        )
    voted = [g for g in s.groups if g.voted and g.votes]
    if voted:
        most = max(voted, key=lambda g: g.votes)
        votes = {"votes": b.n(most.votes), "total": b.n(sum(g.votes for g in voted))}
        if most is top:
            said.append(b.t("cluster_text_votes_same", **votes))
        else:
            said.append(b.t("cluster_text_votes", group=most.name, **votes))
    return said


def written(b: SummaryBuilder) -> list[str]:
    """The summary in a few sentences composed from its numbers, for a board to read first.

    Two paragraphs: whose plans and for when; then what stands out in them.
    """
    s = b.s
    said = _standing_out(b)
    work = [sum(c) for c in zip(*(r.counts for r in s.statuses), strict=True)]
    if sum(work):
        done = work[list(ActionStatus).index(ActionStatus.DONE)]
        # (a period still running counts what is late; one that has ended, what was not done)
        said.append(
            b.t(
                "cluster_text_work" if s.running else "cluster_text_work_ended",
                total=b.n(sum(work)),
                done=b.n(done),
                late=b.n(len(s.late)),
                open=b.n(len(s.not_done)),
            )
        )
    if s.running and s.late:
        late = Counter(e.library for e in s.late)
        worst = min(late, key=lambda i: (-late[i], i))
        said.append(
            b.t(
                "cluster_text_late",
                library=b.lib(worst),
                n=b.n(late[worst]),
                late=b.n(len(s.late)),
            )
        )
    if s.running and s.ended:
        said.append(
            b.t(
                "cluster_text_not_done",
                libraries=", ".join(b.lib(i) for i in s.ended),
                n=b.n(len(s.not_done)),
            )
        )
    errors = sorted((c for c in s.checks if c.errors), key=lambda c: (-c.errors, c.library))
    if errors:
        worst_plan = errors[0]
        said.append(
            b.t(
                "cluster_text_help",
                library=b.lib(worst_plan.library),
                errors=b.count("to_fix", worst_plan.errors),
            )
        )
    missing = [b.lib(i) for i, lib in enumerate(s.libraries) if lib.budget is None]
    if missing:
        key = "cluster_no_budget" if len(missing) == 1 else "cluster_no_budgets"
        said.append(b.t(key, libraries=", ".join(missing)))
    return [" ".join(_who(b)), " ".join(said)]


def cover_lines(b: SummaryBuilder) -> tuple[tuple[str, str], ...]:
    """The cover's lines: the libraries and their municipalities, period, the day it is for."""
    summary = b.s
    names = [b.lib(i) for i in range(len(summary.libraries))] + [f.source for f in summary.failed]
    municipalities = list(dict.fromkeys(m for lib in summary.libraries if (m := lib.municipality)))
    # the cluster's name is the cover's subtitle: no line repeats it
    lines = [
        ("libraries_column", and_list(b, names)),
        ("municipalities", and_list(b, municipalities)),
        ("period", summary.period),
        (
            "cluster_as_of",
            b.t("cluster_as_of_end", day=_format.day(summary.today))
            if summary.at_period_end
            else _format.day(summary.today),
        ),
        (
            "cluster_coming_period",
            b.t("cluster_coming_line", days=b.n(summary.within), until=_format.day(summary.until))
            if summary.running
            else "",
        ),
    ]
    return tuple((b.t(k), v) for k, v in lines if v)


def _made() -> _dt.date:
    """The day the summary is made: ``SOURCE_DATE_EPOCH``'s for a build that repeats, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return _dt.date.today()


def control_lines(b: SummaryBuilder) -> tuple[tuple[str, str], ...]:
    """The document information a municipal cover gives: type, status, audience, date, contacts.

    A summary is a report to the cluster's board, never a decision itself: it is
    a progress report while a period runs and the period's final report after.
    """
    summary = b.s
    contacts = [
        f"{lib.contact} ({lib.name})" if lib.name else lib.contact
        for lib in summary.libraries
        if lib.contact
    ]
    lines = [
        (
            "document_type",
            b.t("cluster_report_running" if summary.running else "cluster_report_ended"),
        ),
        ("document_status", b.t("cluster_status_value")),
        ("cluster_audience", b.t("cluster_audience_value")),
        ("cluster_made", _format.day(_made())),
        ("cluster_contacts", ", ".join(contacts)),
    ]
    return tuple((b.t(k), v) for k, v in lines if v)
