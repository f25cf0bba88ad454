"""The cluster summary as a document: the same tree every document format renders.

:func:`build_summary_document` turns a :class:`~klusterplan.ClusterSummary`
into a :class:`~klusterplan.document.Document` of sections and blocks, so Word,
PDF, Markdown and any plugin's document format write it in the house design,
exactly as they write a plan. Every number in it comes from the summary and
is formatted by :mod:`klusterplan._catalogue.format`; every label from
:mod:`klusterplan._catalogue.labels`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePath

import attrs

from .._catalogue import format as _format
from .._catalogue.labels import enum_label
from .._catalogue.text import in_language
from .._document import design as _design
from .._document.builder import kept
from .._document.metrics import fit_columns
from .._model.followup import Achievement, Kind, achievement
from ..document import (
    Block,
    BulletList,
    Chart,
    Document,
    Field,
    Fields,
    Mode,
    Paragraph,
    Section,
    Table,
)
from ..model import ActionStatus, Horizon, Language
from .builder import SummaryBuilder, and_list, whole
from .front import control_lines, cover_lines, written
from .summary import CheckSummary, ClusterSummary, Entry, MatchNote, NoteKind

__all__ = ["build_summary_document"]

#: How many groups the briefing names as the most prioritised.
TOP = 3
#: A table of this many rows or fewer keeps with the list that goes on from it.
SHORT_TABLE = 8
#: The nouns that count a rule's findings, by the worst severity it reported at.
_FOUND = {"error": "errors", "warning": "warnings", "info": "infos"}
# -- the briefing --------------------------------------------------------------


def _top(b: SummaryBuilder, ranked: Sequence[tuple[str, int]]) -> str:
    """The first :data:`TOP` groups and every group tied with the last: none left out."""
    counted = [(name, n) for name, n in ranked if n]
    if len(counted) > TOP:
        counted = [(name, n) for name, n in counted if n >= counted[TOP - 1][1]]
    tied: dict[int, list[str]] = {}
    for name, n in counted:
        tied.setdefault(n, []).append(name)
    return ", ".join(
        f"{and_list(b, names)} ("
        + (b.t("libraries_each", n=b.n(n)) if len(names) > 1 else b.count("libraries", n))
        + ")"
        for n, names in tied.items()
    )


def _briefing(b: SummaryBuilder) -> list[Block]:
    s = b.s
    total = len(s.libraries) + len(s.failed)
    read = b.t("cluster_read", loaded=b.n(len(s.libraries)), total=b.n(total))
    if s.failed:
        read += "; " + b.t("cluster_read_failed", n=b.n(len(s.failed)))
    prioritised = sorted(((g.name, g.libraries) for g in s.groups), key=lambda p: -p[1])
    campaign = sorted(((g.name, g.campaign) for g in s.groups), key=lambda p: -p[1])
    voted = [g for g in s.groups if g.voted]
    votes = ""
    if voted:
        most = max(voted, key=lambda g: g.votes)
        votes = b.t(
            "cluster_votes_line",
            total=b.n(sum(g.votes for g in voted)),
            group=most.name,
            votes=b.n(most.votes),
        )
    tip_libs = {e.library for e in s.tips}
    errors = sorted((c for c in s.checks if c.errors), key=lambda c: (-c.errors, c.library))
    help = ", ".join(f"{b.lib(c.library)} ({b.count('to_fix', c.errors)})" for c in errors)
    reached = _achievements(s.evaluation)
    items: list[tuple[str, str]] = [
        ("cluster_plans", read),
        (
            "cluster_groups",
            b.t("cluster_groups_line", n=b.n(len(s.groups)), top=_top(b, prioritised)),
        ),
        ("cluster_campaign", _top(b, campaign)),
        ("cluster_votes", votes),
        ("cluster_actions", b.tally(s.status_total(Kind.ACTION))),
        ("cluster_activities", b.tally(s.status_total(Kind.ACTIVITY))),
        ("cluster_period_ended", _ended(b)),
        ("cluster_not_done", _listed(b, s.not_done)),
        # late and due mean something only while a period runs
        ("cluster_late", (_listed(b, s.late) or b.t("nothing_late")) if s.running else ""),
        (
            "cluster_due",
            b.t("cluster_due_line", n=b.n(len(s.due)), until=_format.day(s.until))
            if s.running
            else "",
        ),
        (
            "cluster_tips",
            b.t(
                "cluster_tips_line",
                n=b.n(len(s.tips)),
                libraries=b.count("libraries", len(tip_libs)),
            ),
        ),
        ("cluster_needs_help", help or b.t("cluster_no_errors")),
        (
            "cluster_indicators",
            b.n(len(s.evaluation))
            + "".join(
                f"{', ' if i else ' – '}{b.achieved(a)}: {b.n(reached[a])}"
                for i, a in enumerate(a for a in Achievement if reached[a])
            ),
        ),
    ]
    fields = tuple(Field(b.t(key), value) for key, value in items if value)
    return [*(Paragraph(text) for text in written(b) if text), Fields(fields, b.tag)]


def _listed(b: SummaryBuilder, entries: Sequence[Entry]) -> str:
    """``32 – Ekhamns bibliotek (9), ...``: how many, and how many each library has, most first."""
    if not entries:
        return ""
    counts = Counter(e.library for e in entries)
    ranked = sorted(counts, key=lambda i: (-counts[i], i))
    return f"{b.n(len(entries))} – {', '.join(f'{b.lib(i)} ({b.n(counts[i])})' for i in ranked)}"


def _ended(b: SummaryBuilder) -> str:
    """When the libraries' periods ended, and for whom they still run; empty if none ended."""
    s = b.s
    ended = s.ended
    if not ended:
        return ""
    ends: dict[str, list[int]] = {}
    for i in ended:
        ends.setdefault(_format.day(s.libraries[i].period_end), []).append(i)
    if len(ended) == len(s.libraries) and len(ends) == 1:
        return b.t("cluster_ended_all", day=next(iter(ends)))
    said = [
        b.t("cluster_ended_some", day=day, libraries=", ".join(b.lib(i) for i in libs))
        for day, libs in sorted(ends.items())
    ]
    running = [b.lib(i) for i in range(len(s.libraries)) if i not in ended]
    if running:
        said.append(b.t("cluster_still_running", libraries=", ".join(running)))
    return "; ".join(said)


def _achievements(entries: Iterable[Entry]) -> dict[Achievement, int]:
    counts = dict.fromkeys(Achievement, 0)
    for e in entries:
        counts[achievement(e.item.indicator)] += 1
    return counts


# -- the sections --------------------------------------------------------------


def _libraries(b: SummaryBuilder) -> list[Block]:
    s = b.s
    unset = whole(b.t("not_set"))
    rows = [
        (
            b.lib(i),
            b.n(lib.target_groups),
            b.n(lib.campaign_groups),
            b.n(lib.actions),
            b.n(lib.activities),
            unset if lib.budget is None else _format.kronor(lib.budget, b.lang),
        )
        for i, lib in enumerate(s.libraries)
    ]
    budgets = [lib.budget for lib in s.libraries if lib.budget is not None]
    rows.append(
        (
            b.t("total"),
            b.n(sum(lib.target_groups for lib in s.libraries)),
            b.n(sum(lib.campaign_groups for lib in s.libraries)),
            b.n(sum(lib.actions for lib in s.libraries)),
            b.n(sum(lib.activities for lib in s.libraries)),
            _format.kronor(sum(budgets), b.lang) if budgets else unset,
        )
    )
    headers = (
        b.t("library"),
        b.t("target_groups_short"),
        b.t("campaign_groups"),
        b.t("actions_count"),
        b.t("activities"),
        b.t("budget"),
    )
    # "not set" stands where an amount would, at the right like the amounts
    align = ("left", *("right" for _ in headers[1:]))
    table = b.table(headers, rows, (3.5, 1.5, 1.6, 1.3, 1.4, 1.7), "cluster-libraries", align=align)
    notes = _campaign_outside(b)
    missing = [b.lib(i) for i, lib in enumerate(s.libraries) if lib.budget is None]
    if missing:
        note = b.t(
            "cluster_no_budget" if len(missing) == 1 else "cluster_no_budgets",
            libraries=", ".join(missing),
        )
        if budgets:
            note += " " + b.t("cluster_budget_others")
        notes.append(note)
    return [table, *(Paragraph(note) for note in notes)]


def _campaign_outside(b: SummaryBuilder) -> list[str]:
    """A sentence per library that chose for the campaign a group its plan does not prioritise."""
    outside: dict[int, list[str]] = {}
    for note in b.s.notes:
        if note.kind is NoteKind.CAMPAIGN_UNKNOWN:
            for lib in note.libraries:
                outside.setdefault(lib, []).extend(note.ids)
    return [
        b.t(
            "cluster_campaign_outside",
            library=b.lib(lib),
            ids=and_list(b, [b.t("quoted", text=i) for i in dict.fromkeys(ids)]),
        )
        for lib, ids in sorted(outside.items())
    ]


def _campaign_same_rank(b: SummaryBuilder) -> list[str]:
    """A sentence per library that gave two campaign groups the same priority."""
    said: list[str] = []
    for lib in range(len(b.s.libraries)):
        ranks: dict[int, list[str]] = {}
        for g in b.s.groups:
            choice = g.choice(lib)
            if choice is not None and choice.campaign and choice.priority is not None:
                ranks.setdefault(choice.priority, []).append(g.name)
        said.extend(
            b.t(
                "cluster_campaign_same_rank",
                library=b.lib(lib),
                groups=and_list(b, names),
                priority=b.n(rank),
            )
            for rank, names in sorted(ranks.items())
            if len(names) > 1
        )
    return said


def _failed(b: SummaryBuilder) -> list[Block]:
    if not b.s.failed:
        return []

    # what is wrong, field by field, the command says to whoever runs it; the board
    # learns which plans are missing from the figures
    fields = tuple(
        Field(
            PurePath(f.source).name,
            b.t("cluster_failed_line", errors=b.count("errors", max(1, len(f.problems)))),
        )
        for f in b.s.failed
    )
    return [Paragraph(b.t("cluster_failed_intro")), Fields(fields)]


def _group_cell(b: SummaryBuilder, group_index: int, library: int) -> str:
    choice = b.s.groups[group_index].choice(library)
    if choice is None:
        return NONE
    if not choice.campaign:
        return b.t("prioritised_mark")
    if choice.priority is None:
        return b.t("campaign_mark")
    return whole(f"{b.t('campaign_mark')} {choice.priority}")


def _groups(b: SummaryBuilder) -> list[Block]:
    s = b.s
    libs = range(len(s.libraries))
    headers = (
        b.t("target_group"),
        # (the names may break between their words: over a narrow column of marks)
        *(s.libraries[i].name for i in range(len(s.libraries))),
        b.t("libraries_column"),
        b.t("campaign_column"),
    )
    rows: list[tuple[str, ...]] = [
        (
            g.name,
            *(_group_cell(b, i, lib) for lib in libs),
            b.n(g.libraries),
            b.n(g.campaign),
        )
        for i, g in enumerate(s.groups)
    ]
    rows.append(
        (
            b.t("total"),
            *(b.n(sum(1 for g in s.groups if g.choice(lib))) for lib in libs),
            b.n(sum(g.libraries for g in s.groups)),
            b.n(sum(g.campaign for g in s.groups)),
        )
    )
    widths = (4.2, *(1.3 for _ in libs), 1.1, 1.1)
    # a mark or a count under each library, at the right as the counts beside them
    align = ("left", *("right" for _ in headers[1:]))
    # a few libraries fit a portrait page, their names on two lines over the marks
    size = _design.size("small", b.large_print)
    portrait = fit_columns(headers, rows, widths, _design.text_width(False), size) is not None
    table = b.table(
        headers,
        rows,
        widths,
        "cluster-target-groups",
        align=align,
        landscape=False if portrait else None,
    )
    notes = [*_campaign_outside(b), *_campaign_same_rank(b)]
    return [
        Paragraph(b.t("cluster_groups_legend"), keep_with_next=True),
        table,
        *(Paragraph(note) for note in notes),
    ]


def _note(b: SummaryBuilder, note: MatchNote) -> str:
    libs = ", ".join(b.lib(i) for i in note.libraries)
    ids = ", ".join(i for i in note.ids if i)
    names = ", ".join(b.t("quoted", text=n) for n in note.names if n)
    group = b.t("quoted", text=note.group)
    return b.t(f"note_{note.kind.value}", group=group, libraries=libs, ids=ids, names=names)


def _matching(b: SummaryBuilder) -> list[Block]:
    order = list(NoteKind)
    notes = sorted(b.s.notes, key=lambda n: (order.index(n.kind), n.group.casefold()))
    items: list[str] = []
    for kind in order:
        these = [n for n in notes if n.kind is kind]
        if len(these) > 1 and kind in (NoteKind.BY_NAME, NoteKind.UNMATCHED):
            # groups that say the same thing are one line, not one line each
            quoted = (b.t("quoted", text=n.group) for n in these)
            if kind is NoteKind.UNMATCHED:
                libs = (", ".join(b.lib(i) for i in n.libraries) for n in these)
                quoted = (f"{q} ({lib})" for q, lib in zip(quoted, libs, strict=True))
            items.append(b.t(f"notes_{kind.value}", groups=", ".join(quoted)))
        else:
            items.extend(_note(b, n) for n in these)
    return [BulletList(tuple(items), lang=b.tag)]


def _votes(b: SummaryBuilder) -> list[Block]:
    voted = sorted((g for g in b.s.groups if g.voted), key=lambda g: (-g.votes, g.name.casefold()))
    table = b.table(
        ("#", b.t("target_group"), b.t("libraries_column"), b.t("votes")),
        ((str(i), g.name, b.n(g.voted), b.n(g.votes)) for i, g in enumerate(voted, 1)),
        (0.5, 5, 1.5, 1.2),
        "cluster-votes",
    )
    alt = "; ".join(f"{g.name}: {b.n(g.votes)}" for g in voted)
    title = b.t("cluster_votes_chart")
    return [
        Chart(
            title,
            tuple(g.name for g in voted),
            tuple(g.votes for g in voted),
            table,
            f"{title}. {alt}" if alt else "",
        )
    ]


def _status_headers(b: SummaryBuilder) -> list[str]:
    return [b.status(s).capitalize() for s in ActionStatus]


def _actions(b: SummaryBuilder) -> list[Block]:
    s = b.s
    rows: list[tuple[str, ...]] = []
    for row in s.statuses:
        if row.kind is Kind.ACTION and row.horizon is not None:
            when = enum_label(row.horizon, b.lang)
            rows.append((b.lib(row.library), when, *(b.n(c) for c in row.counts), b.n(row.total)))
    for horizon in Horizon:
        parts = [r.counts for r in s.statuses if r.horizon is horizon]
        sums = [sum(column) for column in zip(*parts, strict=True)] if parts else []
        if sums:
            rows.append(
                (
                    b.t("total"),
                    enum_label(horizon, b.lang),
                    *(b.n(c) for c in sums),
                    b.n(sum(sums)),
                )
            )
    headers = (b.t("library"), b.t("horizon"), *_status_headers(b), b.t("total"))
    actions = b.table(headers, rows, (3, 1.8, 1.2, 1.2, 1.2, 1.2, 1.2), "cluster-actions")
    activity_rows: list[tuple[str, ...]] = [
        (b.lib(r.library), *(b.n(c) for c in r.counts), b.n(r.total))
        for r in s.statuses
        if r.kind is Kind.ACTIVITY
    ]
    totals = s.status_total(Kind.ACTIVITY)
    if totals:
        activity_rows.append((b.t("total"), *(b.n(c) for c in totals), b.n(sum(totals))))
    activities = b.table(
        (b.t("library"), *_status_headers(b), b.t("total")),
        activity_rows,
        (3, 1.2, 1.2, 1.2, 1.2, 1.2),
        "cluster-activities",
        caption=b.t("cluster_activities_caption"),
    )
    return [Paragraph(b.t("cluster_actions_intro"), keep_with_next=True), actions, activities]


#: What an empty cell shows: a reader sees that nothing was given, not a cell left out.
NONE = "–"


def _given(text: str) -> str:
    return text.strip() or NONE


def _kind(b: SummaryBuilder, entry: Entry) -> str:
    return enum_label(entry.item.kind, b.lang)


def _entries(b: SummaryBuilder, entries: Sequence[Entry], key: str, late: bool) -> Table:
    """Items late or due, one row each; a late one says by how many days."""
    headers = (
        b.t("library"),
        b.t("kind"),
        b.t("what"),
        b.t("responsible"),
        b.t("date"),
        b.t("status"),
        *((whole(b.t("days_late")),) if late else ()),
    )
    rows = (
        (
            b.lib(e.library),
            _kind(b, e),
            _given(e.item.what),
            _given(e.item.responsible),
            _given(_format.day(e.item.date)),
            b.status(e.item.status),
            *((b.n(e.item.days_late(b.s.today)),) if late else ()),
        )
        for e in entries
    )
    widths = (2.2, 1.3, 4, 2.4, 1.6, 1.3, 1.1) if late else (2.2, 1.3, 4.4, 2.4, 1.6, 1.3)
    return b.table(headers, rows, widths, key)


def _not_done(b: SummaryBuilder) -> list[Block]:
    if not b.s.not_done:
        return []
    intro = Paragraph(b.t("cluster_not_done_intro"), keep_with_next=True)
    return [intro, _entries(b, b.s.not_done, "cluster-not-done", late=False)]


def _late(b: SummaryBuilder) -> list[Block]:
    if not b.s.running:
        return []
    if not b.s.late:
        return [Paragraph(b.t("nothing_late"))]
    return [_entries(b, b.s.late, "cluster-late", late=True)]


def _due(b: SummaryBuilder) -> list[Block]:
    if not b.s.running:
        return []
    if not b.s.due:
        return [Paragraph(b.t("nothing_due", until=_format.day(b.s.until)))]
    return [_entries(b, b.s.due, "cluster-due", late=False)]


def _tips(b: SummaryBuilder) -> list[Block]:
    s = b.s
    intro = Paragraph(b.t("cluster_tips_intro", question=b.t("sharing_tips")), keep_with_next=True)
    if not s.tips:
        return [attrs.evolve(intro, keep_with_next=False), Paragraph(b.t("no_tips"))]
    rows = (
        (
            b.lib(e.library),
            _given(e.item.what),
            _given(e.item.sharing_reason),
            _given(e.item.responsible),
        )
        for e in s.tips
    )
    headers = (b.t("library"), b.t("tip"), b.t("sharing_reason"), b.t("contact"))
    return [intro, b.table(headers, rows, (2.2, 4, 4.5, 2.2), "cluster-tips")]


def _lacks(b: SummaryBuilder, check: CheckSummary) -> BulletList:
    """What one library's plan does not yet do, in the rules' own words, worst first."""
    counts = dict(check.codes)
    level = dict(check.severities)
    summaries = dict(b.s.rules)
    order = list(_FOUND)

    def rank(code: str) -> tuple[int, int, str]:
        found = level.get(code, "warning")
        return (order.index(found) if found in order else 1, -counts[code], code)

    items = []
    for code in sorted(counts, key=rank):
        said = in_language(summaries.get(code, ""), b.lang).strip().rstrip(".")
        noun = _FOUND.get(level.get(code, "warning"), "warnings")
        items.append(
            b.t(
                "cluster_lack_line",
                rule=said or b.t("cluster_unnamed_rule"),
                found=b.count(noun, counts[code]),
            )
        )
    return BulletList(tuple(items), b.t("cluster_lacks", library=b.lib(check.library)))


def _checks(b: SummaryBuilder) -> list[Block]:
    s = b.s
    order = sorted(s.checks, key=lambda c: (-c.errors, -c.warnings, -c.infos, c.library))
    rows = [(b.lib(c.library), b.n(c.errors), b.n(c.warnings), b.n(c.infos)) for c in order]
    if s.checks:
        rows.append(
            (
                b.t("total"),
                b.n(sum(c.errors for c in s.checks)),
                b.n(sum(c.warnings for c in s.checks)),
                b.n(sum(c.infos for c in s.checks)),
            )
        )
    table = b.table(
        (b.t("library"), b.t("errors"), b.t("warnings"), b.t("infos")),
        rows,
        (4, 1, 1.2, 1),
        "cluster-checks",
    )
    if len(rows) <= SHORT_TABLE and any(c.codes for c in order):
        # the first library's list goes on from the table: never on the page after it
        table = attrs.evolve(table, keep_with_next=True)
    # a library's own settings that could not be used are the command's to say
    return [
        Paragraph(b.t("cluster_checks_intro"), keep_with_next=True),
        table,
        *(_lacks(b, c) for c in order if c.codes),
    ]


def _evaluation(b: SummaryBuilder) -> list[Block]:
    s = b.s
    intro = Paragraph(
        b.t("cluster_evaluation_intro", question=b.t("evaluation_template")), keep_with_next=True
    )
    per_library: list[tuple[str, ...]] = []
    totals = dict.fromkeys(Achievement, 0)
    for lib in range(len(s.libraries)):
        counts = _achievements(e for e in s.evaluation if e.library == lib)
        for a, n in counts.items():
            totals[a] += n
        per_library.append(
            (b.lib(lib), b.n(sum(counts.values())), *(b.n(counts[a]) for a in Achievement))
        )
    per_library.append(
        (b.t("total"), b.n(sum(totals.values())), *(b.n(totals[a]) for a in Achievement))
    )
    overview = b.table(
        (
            b.t("library"),
            b.t("indicators"),
            *(b.achieved(a).capitalize() for a in Achievement),
        ),
        per_library,
        (3, 1.2, 1.3, 1.3, 1.4, 1.3),
        "cluster-indicators",
    )
    if not s.evaluation:
        return [intro, overview]

    def number(value: int | None) -> str:
        return NONE if value is None else b.n(value)

    rows = []
    for e in s.evaluation:
        ind = e.item.indicator
        measure = f"{ind.name} ({ind.unit})" if ind.unit.strip() else ind.name
        rows.append(
            (
                b.lib(e.library),
                _given(e.item.what),
                _given(measure),
                number(ind.target),
                number(ind.result),
                b.achieved(achievement(ind)),
            )
        )
    table = b.table(
        (
            b.t("library"),
            b.t("what"),
            b.t("indicator"),
            b.t("target"),
            b.t("result"),
            b.t("achievement"),
        ),
        rows,
        (2.2, 4, 3.4, 1.1, 1.1, 1.6),
        "cluster-evaluation",
    )
    return [intro, overview, table]


def build_summary_document(
    summary: ClusterSummary, language: Language | None = None, *, large_print: bool = False
) -> Document:
    """Describe ``summary`` as a document in ``language`` (the plans' own by default).

    ``large_print`` lays its tables out for 16 pt, as a plan's: a table too wide for
    a portrait page at that size becomes one record a row.

    >>> import klusterplan
    >>> summary = klusterplan.summarise(klusterplan.Cluster.of([klusterplan.example()]))
    >>> klusterplan.build_summary_document(summary).title
    'Klustersammanställning'
    """
    lang = language or summary.language
    b = SummaryBuilder(summary, lang, large_print)
    parts: list[tuple[str, int, str, list[Block]]] = [
        ("briefing", 1, b.t("cluster_briefing"), _briefing(b)),
        ("libraries", 1, b.t("cluster_libraries"), _libraries(b)),
        ("failed-plans", 2, b.t("cluster_failed"), _failed(b)),
        ("target-groups", 1, b.t("cluster_target_groups"), _groups(b)),
        ("votes", 1, b.t("cluster_votes_title"), _votes(b)),
        ("actions", 1, b.t("cluster_actions_title"), _actions(b)),
        ("not-done", 2, b.t("cluster_not_done_title"), _not_done(b)),
        ("late", 2, b.t("cluster_late_title"), _late(b)),
        (
            "due",
            2,
            b.t("cluster_due_title", until=_format.day(summary.until)),
            _due(b),
        ),
        ("tips", 1, b.t("cluster_tips_title"), _tips(b)),
        ("sharing-proposals", 2, b.t("cluster_sharing_title"), [b.by_library(summary.sharing)]),
        ("checks", 1, b.t("cluster_checks_title"), _checks(b)),
        ("evaluation", 1, b.t("cluster_evaluation_title"), _evaluation(b)),
        (
            "evaluation-templates",
            2,
            b.t("cluster_templates_title"),
            [b.by_library(summary.templates)],
        ),
        # how the groups were counted together matters to whoever checks the figures:
        # it stands last, where it keeps no chapter from its page
        ("group-matching", 1, b.t("cluster_matching"), _matching(b)),
    ]
    sections = [
        Section(title, level, blocks, f"cluster-{key}")
        for key, level, title, raw in parts
        if (blocks := kept(raw))
    ]
    title = b.t("cluster_title")
    return Document(
        title=title,
        subtitle=summary.cluster,
        title_lines=cover_lines(b),
        control_lines=control_lines(b),
        promise=summary.promise,
        language=lang,
        author=summary.cluster,
        subject=b.t("cluster_subject"),
        keywords=tuple(k for k in (summary.cluster, title, summary.promise) if k),
        date=summary.today,
        footer=summary.cluster or title,
        sections=tuple(sections),
        mode=Mode.PLAN,
        text_language=summary.language,
        contents_title=b.t("contents"),
        contents_hint=b.t("contents_hint"),
        page_label=f"{b.t('page')} {{page}} {b.t('of')} {{pages}}",
    )
