"""The cluster summary of plans whose period has ended: the state at its end, not days late."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import klusterplan
from klusterplan._cluster.cluster import period_end

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2010–2011", dt.date(2011, 12, 31)),
        ("2010-2011", dt.date(2011, 12, 31)),
        ("ht 2011", dt.date(2011, 12, 31)),
        ("2010-09 – 2011-06", dt.date(2011, 6, 30)),
        ("2011-02", dt.date(2011, 2, 28)),
        ("2010-09-01–2011-06-15", dt.date(2011, 6, 15)),
        ("2011-06-15 till 2011", dt.date(2011, 12, 31)),
        ("hösten", None),
        ("", None),
        ("2011-13", None),
    ],
)
def test_the_end_of_a_period_is_read_from_its_text(period: str, end: dt.date | None) -> None:
    assert period_end(period) == end


def test_plans_whose_period_ended_are_summed_up_at_its_end(run: Run, cluster: Path) -> None:
    # the example plans are for 2010–2011: long over on the day the summary is made
    data = json.loads(run("summary", str(cluster)).output)
    assert data["today"] == "2011-12-31" and data["at_period_end"] is True
    assert data["late"] == [] and data["due"] == []
    assert {lib["period_end"] for lib in data["libraries"]} == {"2011-12-31"}
    assert all(lib["period_ended"] for lib in data["libraries"])
    assert len(data["not_done"]) == 32
    assert {i["status"] for i in data["not_done"]} == {"planned", "in_progress"}

    assert run("summary", str(cluster), "--to", "markdown", "-o", "s.md").exit_code == 0
    text = Path("s.md").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Läget den: 2011-12-31, när perioden slutade" in text
    assert "Kommande period" not in text and "Försenat" not in text
    assert "Dagar sen" not in text and "Förfaller" not in text
    assert "**Perioden slutade:** 2011-12-31 för alla bibliotek" in text
    # how many each library left undone, most first: not every library's name in a row
    per_library = Counter(i["library"] for i in data["not_done"])
    ranked = sorted(per_library, key=lambda name: (-per_library[name], name))
    said = ", ".join(f"{name} ({per_library[name]})" for name in ranked)
    assert f"**Ej genomförda:** 32 – {said}\n" in text
    assert "32 – Ekhamns bibliotek (8), Stenviks bibliotek (8), Lövsjö bibliotek (7)" in text
    assert "### Ej genomförda när perioden slutade" in text
    assert "blev 10 klara under perioden och 32 blev inte genomförda." in text

    assert run("summary", str(cluster), "-o", "en.md", "--lang", "en").exit_code == 0
    english = Path("en.md").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "As of: 2011-12-31, when the period ended" in english
    assert "### Not done when the period ended" in english
    assert "**Period ended:** 2011-12-31 for every library" in english


def test_a_status_date_given_still_wins(run: Run, cluster: Path) -> None:
    data = json.loads(run("summary", str(cluster), "--today", "2011-03-01").output)
    assert data["today"] == "2011-03-01" and data["at_period_end"] is False
    assert len(data["late"]) == 9 and len(data["due"]) == 12 and data["not_done"] == []
    # a day after the period: it has ended, and what was open was not done
    data = json.loads(run("summary", str(cluster), "--today", "2026-12-07").output)
    assert data["today"] == "2026-12-07" and data["at_period_end"] is False
    assert data["late"] == [] and len(data["not_done"]) == 32


def test_some_periods_ended_and_some_run_on(run: Run, cluster: Path) -> None:
    path = cluster / "lovsjo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("period: 2010–2011", "period: 2011–2012"),
        encoding="utf-8",
    )
    loaded = klusterplan.load_cluster([str(cluster)])
    # every period over: the summary is for the last of their ends
    summary = klusterplan.summarise(loaded)
    assert summary.today == dt.date(2012, 12, 31) and summary.at_period_end
    assert summary.ended == (0, 1, 2, 3, 4) and summary.late == ()
    # on a day in 2012, Lövsjö's period runs on and the others' have ended
    summary = klusterplan.summarise(loaded, today=dt.date(2012, 3, 1))
    lovsjo = [lib.name for lib in summary.libraries].index("Lövsjö bibliotek")
    assert not summary.at_period_end
    assert summary.ended == tuple(i for i in range(5) if i != lovsjo)
    assert {e.library for e in summary.not_done} == set(summary.ended)
    assert {e.library for e in summary.late} == {lovsjo}
    result = run("summary", str(cluster), "--today", "2012-03-01", "-o", "s.md")
    assert result.exit_code == 0
    text = Path("s.md").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert (
        "**Perioden slutade:** 2011-12-31 för Björkeryds bibliotek, Ekhamns bibliotek,"
        " Sjöby bibliotek, Stenviks bibliotek; pågår för Lövsjö bibliotek"
    ) in text
    assert "### Ej genomförda när perioden slutade" in text and "### Försenat" in text
    assert "För Björkeryds bibliotek, Ekhamns bibliotek, Sjöby bibliotek, Stenviks" in text
    assert "Kommande period: 30 dagar, till 2012-03-31" in text
