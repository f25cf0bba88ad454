"""Every number in the cluster summary, checked against the plans it came from.

The expected figures are worked out here from the example plans themselves,
with the plain model and without the summary's code; the test then compares
every table of the summary document cell by cell, the briefing's figures, and
the same tables as Word writes them. A table the test does not know fails it,
so no number can enter the summary unchecked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import klusterplan
from klusterplan import testing
from klusterplan.document import BulletList, Chart, Document, Fields, Paragraph, Table
from klusterplan.model import Action, ActionStatus, Activity, Horizon, Plan
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "cluster"
TODAY = dt.date(2011, 3, 1)
UNTIL = TODAY + dt.timedelta(days=30)
NBSP = "\u00a0"

#: The cluster's target groups as a reader would match them: name shown -> plan -> id.
GROUPS: dict[str, dict[str, str]] = {
    "Den kommunplacerade flyktingen": {
        "bjorkeryd": "flykting",
        "ekhamn": "flykting",
        "lovsjo": "nyanlanda",
        "sjoby": "flykting",
        "stenvik": "flykting",
    },
    "Bokälskaren": {
        "bjorkeryd": "bokalskare",
        "ekhamn": "bokalskare",
        "sjoby": "bokalskare",
        "stenvik": "bokalskare",
    },
    "Den identitetsökande tonåringen": {
        "ekhamn": "tonaring",
        "sjoby": "tonaring",
        "stenvik": "tonaring",
    },
    "Den stressade småbarnsföräldern": {
        "bjorkeryd": "smabarnsforalder",
        "lovsjo": "smabarn",
        "stenvik": "smabarnsforalder",
    },
    "Den oerfarne": {"ekhamn": "oerfarne", "lovsjo": "oerfarne", "stenvik": "oerfarne"},
    "Det nyfikna förskolebarnet": {"bjorkeryd": "forskolebarn", "lovsjo": "forskolebarn"},
    "Den digitala analfabeten": {"ekhamn": "digital-analfabet", "stenvik": "digital-analfabet"},
    "Daisy- och storstilsläsaren": {"bjorkeryd": "daisy-storstil", "lovsjo": "daisy-storstil"},
    "Pendlaren": {"bjorkeryd": "pendlare"},
    "Unga vuxna": {"sjoby": "unga"},
    "Den aktiva pensionären": {"lovsjo": "seniorer"},
    "Sommargästen": {"ekhamn": "sommargast"},
}


def n(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def kr(value: int | None) -> str:
    return "" if value is None else f"{n(value)}{NBSP}kr"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry(DEFAULT_PLUGINS, autoload=False)


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {p.stem: klusterplan.load(p) for p in sorted(EXAMPLES.glob("*.yaml"))}


@pytest.fixture(scope="module")
def document(registry: Registry) -> Document:
    cluster = klusterplan.load_cluster([EXAMPLES])
    summary = klusterplan.summarise(cluster, today=TODAY, registry=registry)
    return klusterplan.build_summary_document(summary)


def tables(document: Document) -> dict[str, Table]:
    found: dict[str, Table] = {}
    for section in document.sections:
        for block in section.blocks:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(table, Table):
                assert table.key not in found, table.key
                # short labels are kept whole by no-break spaces; the figures are compared plain
                found[table.key] = attrs.evolve(
                    table,
                    headers=tuple(plain(h) for h in table.headers),
                    rows=tuple(tuple(plain(c) for c in row) for row in table.rows),
                )
    return found


def plain(text: str) -> str:
    """``text`` with its no-break spaces plain, unless it is a number or an amount."""
    spaced = text.replace(NBSP, " ")
    return text if re.fullmatch(r"-?\d{1,3}( \d{3})*( kr)?", spaced) else spaced


def column(table: Table, header: str) -> dict[str, str]:
    """The column ``header`` by the row's first cell (rows with a repeated first cell: joined)."""
    i = table.headers.index(header)
    return {row[0]: row[i] for row in table.rows}


def by_name(plans: dict[str, Plan]) -> dict[str, Plan]:
    return {p.library.name: p for p in plans.values()}


def followed(plan: Plan) -> Iterator[tuple[str, str, dt.date | None, ActionStatus, object]]:
    for a in plan.actions:
        yield "åtgärd", a.what, a.due, a.status, a.indicator
    for x in plan.communication_plan.activities:
        yield "aktivitet", x.what, x.date, x.status, x.indicator


def work(plan: Plan) -> list[Action | Activity]:
    return [*plan.actions, *plan.communication_plan.activities]


OPEN = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
STATUS = {"planned": "planerad", "in_progress": "pågår", "done": "klar", "dropped": "struken"}


def _campaign_ids(plan: Plan) -> set[str]:
    """The campaign's groups that the plan prioritises: those both tables count."""
    return {g.target_group for g in plan.campaign.groups} & {g.id for g in plan.target_groups}


def expected_libraries(plans: dict[str, Plan]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for plan in sorted(plans.values(), key=lambda p: p.library.name):
        rows.append(
            (
                plan.library.name,
                n(len(plan.target_groups)),
                n(len(_campaign_ids(plan))),
                n(len(plan.actions)),
                n(len(plan.communication_plan.activities)),
                # a budget not set is said so, where the amount would stand
                kr(plan.communication_plan.budget) or "ej satt",
            )
        )
    budgets = [p.communication_plan.budget for p in plans.values()]
    rows.append(
        (
            "Totalt",
            n(sum(len(p.target_groups) for p in plans.values())),
            n(sum(len(_campaign_ids(p)) for p in plans.values())),
            n(sum(len(p.actions) for p in plans.values())),
            n(sum(len(p.communication_plan.activities) for p in plans.values())),
            kr(sum(b for b in budgets if b is not None)),
        )
    )
    return rows


def test_the_five_libraries_are_counted_as_in_their_plans(
    document: Document, plans: dict[str, Plan]
) -> None:
    table = tables(document)["cluster-libraries"]
    assert sorted(table.rows[:-1]) == sorted(expected_libraries(plans)[:-1])
    assert table.rows[-1] == expected_libraries(plans)[-1]


def test_target_groups_by_library_match_the_plans(
    document: Document, plans: dict[str, Plan]
) -> None:
    table = tables(document)["cluster-target-groups"]
    libraries = table.headers[1:-2]
    stems = {p.library.name: stem for stem, p in plans.items()}
    assert sorted(libraries) == sorted(stems)
    rows = {row[0]: row for row in table.rows}
    assert set(rows) == {*GROUPS, "Totalt"}
    for name, ids in GROUPS.items():
        row = rows[name]
        for k, library in enumerate(libraries, 1):
            plan = plans[stems[library]]
            id = ids.get(stems[library])
            picks = {g.target_group: g.priority for g in plan.campaign.groups}
            if id is None:
                want = "–"
            elif id in picks:
                want = f"kampanj {picks[id]}"
            else:
                want = "ja"
            assert row[k] == want, (name, library)
        campaign = sum(
            1
            for stem, id in ids.items()
            if id in {g.target_group for g in plans[stem].campaign.groups}
        )
        assert row[-2:] == (n(len(ids)), n(campaign)), name
    total = rows["Totalt"]
    for k, library in enumerate(libraries, 1):
        count = sum(1 for ids in GROUPS.values() if stems[library] in ids)
        assert total[k] == n(count)
        assert count == len(plans[stems[library]].target_groups)
    assert total[-2] == n(sum(len(ids) for ids in GROUPS.values()))
    # the campaign total is the libraries table's: the same groups, counted the same way
    assert total[-1] == tables(document)["cluster-libraries"].rows[-1][2]


def test_campaign_groups_outside_the_plan_or_of_one_rank_are_said_under_the_tables(
    document: Document, plans: dict[str, Plan]
) -> None:
    """Sjöby chose "pendlare", not one of its groups, and two groups as campaign 1."""
    sjoby = plans["sjoby"]
    picks = [(g.target_group, g.priority) for g in sjoby.campaign.groups]
    assert ("pendlare", 2) in picks and sjoby.target_group("pendlare") is None
    assert [p for _, p in picks].count(1) == 2
    said: dict[str, list[str]] = {}
    for section in document.sections:
        key = None
        for block in section.blocks:
            if isinstance(block, Table):
                key = block.key
            elif isinstance(block, Paragraph) and key:
                said.setdefault(key, []).append(plain(block.text))
    outside = (
        "Sjöby bibliotek har också valt ”pendlare” till klusterkampanjen, men planen har "
        "ingen sådan prioriterad målgrupp. Den räknas inte bland kampanjgrupperna."
    )
    assert outside in said["cluster-libraries"]
    assert outside in said["cluster-target-groups"]
    assert (
        "Sjöby bibliotek har gett Den identitetsökande tonåringen och Unga vuxna samma "
        "prioritet i kampanjen: 1." in said["cluster-target-groups"]
    )
    rows = {r[0]: r for r in tables(document)["cluster-libraries"].rows}
    assert rows["Sjöby bibliotek"][2] == n(len(_campaign_ids(sjoby))) == "2"


def test_votes_are_summed_over_the_cluster(document: Document, plans: dict[str, Plan]) -> None:
    def votes(name: str) -> list[int]:
        found = []
        for stem, id in GROUPS[name].items():
            group = plans[stem].target_group(id)
            assert group is not None
            if group.votes is not None:
                found.append(group.votes)
        return found

    table = tables(document)["cluster-votes"]
    for row in table.rows:
        assert row[2:] == (n(len(votes(row[1]))), n(sum(votes(row[1])))), row[1]
    chart = next(b for s in document.sections for b in s.blocks if isinstance(b, Chart))
    assert dict(zip(chart.labels, chart.values, strict=True)) == {
        name: sum(votes(name)) for name in GROUPS if votes(name)
    }
    assert [r[0] for r in table.rows] == [str(i) for i in range(1, len(table.rows) + 1)]


def test_actions_and_activities_by_status(document: Document, plans: dict[str, Plan]) -> None:
    named = by_name(plans)
    horizons = {"omgående": Horizon.IMMEDIATE, "på längre sikt": Horizon.LONG_TERM}
    table = tables(document)["cluster-actions"]
    for row in table.rows:
        pool = list(named.values()) if row[0] == "Totalt" else [named[row[0]]]
        counts = Counter(a.status for p in pool for a in p.actions if a.horizon is horizons[row[1]])
        assert row[2:] == (*(n(counts[s]) for s in ActionStatus), n(sum(counts.values())))
    assert len(table.rows) == 2 * len(plans) + 2
    activities = tables(document)["cluster-activities"]
    for row in activities.rows:
        pool = list(named.values()) if row[0] == "Totalt" else [named[row[0]]]
        counts = Counter(x.status for p in pool for x in p.communication_plan.activities)
        assert row[1:] == (*(n(counts[s]) for s in ActionStatus), n(sum(counts.values())))
    assert len(activities.rows) == len(plans) + 1


def test_late_and_due_are_the_open_items_by_date(
    document: Document, plans: dict[str, Plan]
) -> None:
    late, due = set(), set()
    for plan in plans.values():
        for kind, what, date, status, _ in followed(plan):
            if status not in OPEN or date is None:
                continue
            cells = (plan.library.name, kind, what, date.isoformat(), STATUS[status.value])
            if date < TODAY:
                late.add((*cells, n((TODAY - date).days)))
            elif date <= UNTIL:
                due.add(cells)
    found = tables(document)
    assert {(r[0], r[1], r[2], r[4], r[5], r[6]) for r in found["cluster-late"].rows} == late
    assert {(r[0], r[1], r[2], r[4], r[5]) for r in found["cluster-due"].rows} == due
    assert len(found["cluster-late"].rows) == len(late)
    assert len(found["cluster-due"].rows) == len(due)
    dates = [r[4] for r in found["cluster-late"].rows]
    assert dates == sorted(dates)


def test_rule_findings_per_library(
    document: Document, plans: dict[str, Plan], registry: Registry
) -> None:
    named = by_name(plans)
    findings = {
        name: klusterplan.check_plan(plan, registry=registry).findings
        for name, plan in named.items()
    }
    table = tables(document)["cluster-checks"]
    assert table.headers == ("Bibliotek", "Fel", "Varningar", "Råd")
    for row in table.rows:
        pool = [f for fs in findings.values() for f in fs] if row[0] == "Totalt" else None
        found = pool if pool is not None else findings[row[0]]
        severities = Counter(f.severity.value for f in found)
        assert row[1:] == (n(severities["error"]), n(severities["warning"]), n(severities["info"]))
    errors = [int(r[1]) for r in table.rows[:-1]]
    assert errors == sorted(errors, reverse=True)
    assert table.rows[0][0] == "Sjöby bibliotek"
    # each library's findings in plain words: what its rules ask, and how often it falls short
    section = next(s for s in document.sections if s.key == "cluster-checks")
    lists = {plain(b.caption): b.items for b in section.blocks if isinstance(b, BulletList)}
    nouns = {"error": ("fel", "fel"), "warning": ("varning", "varningar"), "info": ("råd", "råd")}
    rules = registry.rules()
    for name, found in findings.items():
        if not found:
            assert f"{name}: det här uppfyller planen ännu inte" not in lists
            continue
        items = lists[f"{name}: det här uppfyller planen ännu inte"]
        want = []
        for code, count in Counter(f.code for f in found).items():
            worst = min((f.severity.value for f in found if f.code == code), key=list(nouns).index)
            said = rules[code][0].summary_sv.rstrip(".")
            want.append(f"{said}: {n(count)} {nouns[worst][count != 1]}")
        assert sorted(items) == sorted(want)
        # what must be mended first stands first
        first = [i for i in items if i.endswith(" fel")]
        assert list(items[: len(first)]) == first


def test_shared_evaluation_table(document: Document, plans: dict[str, Plan]) -> None:
    rows = set()
    per_library: dict[str, Counter[str]] = {}
    for plan in plans.values():
        counts: Counter[str] = Counter()
        items = work(plan)
        for item in items:
            ind = item.indicator
            if item.status is ActionStatus.DROPPED or not ind.name:
                continue
            if ind.target is None:
                standing = "inget mål"
            elif ind.result is None:
                standing = "inget resultat"
            else:
                standing = "uppnått" if ind.result >= ind.target else "ännu inte"
            counts[standing] += 1
            # a result or target not given shows a dash, not an empty cell
            number = "–" if ind.result is None else n(ind.result)
            target = "–" if ind.target is None else n(ind.target)
            rows.add((plan.library.name, item.what, target, number, standing))
        per_library[plan.library.name] = counts
    table = tables(document)["cluster-evaluation"]
    assert {(r[0], r[1], r[3], r[4], r[5]) for r in table.rows} == rows
    assert len(table.rows) == len(rows)
    overview = tables(document)["cluster-indicators"]
    order = ("uppnått", "ännu inte", "inget resultat", "inget mål")
    total: Counter[str] = Counter()
    for row in overview.rows[:-1]:
        counts = per_library[row[0]]
        total += counts
        assert row[1:] == (n(sum(counts.values())), *(n(counts[k]) for k in order))
    assert overview.rows[-1][1:] == (n(sum(total.values())), *(n(total[k]) for k in order))


def test_tips_are_the_items_marked_worth_sharing(
    document: Document, plans: dict[str, Plan]
) -> None:
    tips = {
        (p.library.name, i.what, i.sharing_reason.strip() or "–", i.responsible)
        for p in plans.values()
        for i in work(p)
        if i.worth_sharing and i.status is not ActionStatus.DROPPED
    }
    table = tables(document)["cluster-tips"]
    assert {(r[0], r[1], r[2].strip(), r[3]) for r in table.rows} == tips
    assert len(table.rows) == len(tips)


def test_the_briefing_and_title_page_figures(document: Document, plans: dict[str, Plan]) -> None:
    briefing = document.sections[0]
    fields = {
        f.label: plain(f.value) for b in briefing.blocks if isinstance(b, Fields) for f in b.items
    }

    def numbers(text: str) -> list[str]:
        return re.findall(r"\d[\d\u00a0]*", text.replace("2011-03-31", ""))

    libs = len(plans)
    everything = [i for p in plans.values() for i in followed(p)]
    late = [x for x in everything if x[3] in OPEN and x[2] is not None and x[2] < TODAY]
    due = [x for x in everything if x[3] in OPEN and x[2] is not None and TODAY <= x[2] <= UNTIL]
    actions = Counter(a.status for p in plans.values() for a in p.actions)
    activities = Counter(x.status for p in plans.values() for x in p.communication_plan.activities)
    votes = {
        name: sum(
            g.votes or 0
            for stem, id in ids.items()
            if (g := plans[stem].target_group(id)) is not None
        )
        for name, ids in GROUPS.items()
    }
    top = max(votes, key=lambda k: votes[k])
    ranked = sorted(GROUPS, key=lambda k: -len(GROUPS[k]))[:3]
    campaign = {
        name: sum(
            1
            for stem, id in ids.items()
            if id in {g.target_group for g in plans[stem].campaign.groups}
        )
        for name, ids in GROUPS.items()
    }
    tippers = {
        p.library.name
        for p in plans.values()
        for i in work(p)
        if i.worth_sharing and i.status is not ActionStatus.DROPPED
    }
    tips = sum(
        1
        for p in plans.values()
        for i in work(p)
        if i.worth_sharing and i.status is not ActionStatus.DROPPED
    )
    assert numbers(fields["Planer"]) == [n(libs), n(libs)]
    # the first three, and every group tied with the third: each count said once
    third = len(GROUPS[ranked[-1]])
    tied = [k for k in GROUPS if len(GROUPS[k]) >= third]
    assert len(tied) > 3
    assert all(k in fields["Målgrupper"] for k in tied)
    assert numbers(fields["Målgrupper"]) == [
        n(len(GROUPS)),
        *(n(c) for c in sorted({len(GROUPS[k]) for k in tied}, reverse=True)),
    ]
    assert fields["Målgrupper"].endswith(
        f"{ranked[-1]}, Den stressade småbarnsföräldern och Den oerfarne (3 bibliotek vardera)"
    )
    chosen = sorted(campaign.values(), reverse=True)
    assert all(k in fields["Klusterkampanjen"] for k in campaign if campaign[k] >= chosen[2])
    assert numbers(fields["Klusterkampanjen"]) == [
        n(c) for c in sorted(set(chosen[:3]), reverse=True)
    ]
    assert numbers(fields["Röster"]) == [n(sum(votes.values())), n(votes[top])]
    assert top in fields["Röster"]
    assert numbers(fields["Åtgärder"]) == [
        n(sum(actions.values())),
        *(n(actions[s]) for s in ActionStatus if actions[s]),
    ]
    assert numbers(fields["Aktiviteter"]) == [
        n(sum(activities.values())),
        *(n(activities[s]) for s in ActionStatus if activities[s]),
    ]
    late_by = Counter(
        p.library.name
        for p in plans.values()
        for x in followed(p)
        if x[3] in OPEN and x[2] is not None and x[2] < TODAY
    )
    assert fields["Försenat"] == f"{n(len(late))} – " + ", ".join(
        f"{name} ({n(late_by[name])})" for name in sorted(late_by, key=lambda k: (-late_by[k], k))
    )
    assert numbers(fields["Förfaller snart"]) == [n(len(due))]
    assert numbers(fields["Tips att dela"]) == [n(tips), n(len(tippers))]
    assert fields["Behöver stöd"].startswith("Sjöby bibliotek (")
    evaluation = tables(document)["cluster-indicators"].rows[-1]
    assert numbers(fields["Mått"]) == [evaluation[1], *(c for c in evaluation[2:] if c != "0")]
    sjoby = next(r for r in tables(document)["cluster-checks"].rows if r[0] == "Sjöby bibliotek")
    assert numbers(fields["Behöver stöd"]) == [sjoby[1]]
    # the text that opens the summary says the same numbers in sentences
    text = plain(" ".join(b.text for b in briefing.blocks if isinstance(b, Paragraph)))
    done = actions[ActionStatus.DONE] + activities[ActionStatus.DONE]
    assert (
        f"Av {n(actions.total() + activities.total())} åtgärder och aktiviteter är {n(done)} "
        f"klara och {n(len(late))} försenade." in text
    )
    assert (
        f"Flest bibliotek prioriterar {ranked[0]} ({n(len(GROUPS[ranked[0]]))} av {n(libs)})."
        in text
    )
    assert (
        f"Mest stöd behöver Sjöby bibliotek: planen har {n(int(sjoby[1]))} uppgifter att "
        "komplettera eller rätta." in text
    )
    assert (
        fields["Behöver stöd"]
        == f"Sjöby bibliotek ({sjoby[1]} uppgifter att komplettera eller rätta)"
    )
    late_at = Counter(
        p.library.name
        for p in plans.values()
        for x in followed(p)
        if x[3] in OPEN and x[2] is not None and x[2] < TODAY
    )
    most_late = min(late_at, key=lambda name: (-late_at[name], name))
    said = f"Flest försenade har {most_late} ({n(late_at[most_late])} av {n(len(late))})."
    assert said in text
    lines = dict(document.title_lines)
    assert plain(lines["Bibliotek"]).count(" bibliotek") == libs
    assert lines["Läget den"] == "2011-03-01"
    assert lines["Kommande period"] == "30 dagar, till 2011-03-31"


def test_no_table_goes_unchecked(document: Document) -> None:
    checked = {
        "cluster-libraries",
        "cluster-target-groups",
        "cluster-votes",
        "cluster-actions",
        "cluster-activities",
        "cluster-late",
        "cluster-due",
        "cluster-checks",
        "cluster-evaluation",
        "cluster-indicators",
        "cluster-tips",
    }
    assert set(tables(document)) == checked


def test_word_writes_the_same_numbers(document: Document, tmp_path: Path) -> None:

    path = tmp_path / "summary.docx"
    cluster = klusterplan.load_cluster([EXAMPLES])
    registry = Registry(DEFAULT_PLUGINS, autoload=False)
    klusterplan.export_summary(cluster, "docx", path, today=TODAY, registry=registry)
    word = testing.open_word(path)
    written = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    for table in tables(document).values():
        want = [list(table.headers), *([c.strip() for c in row] for row in table.rows)]
        got = [[plain(c.strip()) for c in row] for row in written.pop(0)]
        assert got == want, table.key
    assert written == []


@pytest.mark.parametrize("today", [TODAY, None])
def test_no_cell_is_left_blank_in_pdf_or_word(
    registry: Registry, tmp_path: Path, today: dt.date | None
) -> None:
    """A date, reason or result not given shows "–": Sjöby's website has no date."""
    cluster = klusterplan.load_cluster([EXAMPLES])
    summary = klusterplan.summarise(cluster, today=today, registry=registry)
    for key, table in tables(klusterplan.build_summary_document(summary)).items():
        for row in table.rows:
            assert all(cell.strip() for cell in row), (key, row)
    path = tmp_path / "summary.docx"
    klusterplan.export_summary(cluster, "docx", path, today=today, registry=registry)
    for t in testing.open_word(path).tables:
        for row in t.rows:
            assert all(c.text.strip() for c in row.cells), [c.text for c in row.cells]
