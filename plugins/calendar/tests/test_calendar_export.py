"""The iCalendar exporter: content, determinism, options, and the installed command."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from klusterplan_calendar import plugin

import klusterplan
from klusterplan import ExportOptions, testing
from klusterplan.cli import main
from klusterplan.model import ActionStatus, Language
from klusterplan.plugins import get_registry


def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def events(lines: list[str]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            out.append({})
        elif out and line != "END:VEVENT" and ":" in line:
            key, _, value = line.partition(":")
            out[-1].setdefault(key, value)
    return out


def test_the_example_as_a_calendar() -> None:
    data, notices = testing.run_export(None, "ics", plugin)
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    found = events(lines)
    plan = klusterplan.example()
    assert len(found) == len(plan.communication_plan.activities) + len(plan.actions)
    first = found[0]
    assert first["DTSTART;VALUE=DATE"] == "20110201"
    assert first["DTEND;VALUE=DATE"] == "20110202"
    assert first["SUMMARY"].startswith("Tryck av folder om biblioteket på svenska\\, engelska")
    assert "Ansvarig: Karin Ahmadi" in first["DESCRIPTION"]
    assert any(e["SUMMARY"].startswith("Klart senast: ") for e in found)
    assert len({e["UID"] for e in found}) == len(found)
    assert notices == []


def test_lines_are_folded_at_75_octets() -> None:
    data, _ = testing.run_export(None, "ics", plugin)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never split inside a character


def test_same_plan_same_bytes() -> None:
    assert testing.run_export(None, "ics", plugin) == testing.run_export(None, "ics", plugin)


def test_undated_and_dropped_items() -> None:
    plan = testing.evolve_at(klusterplan.example(), "communication_plan.activities[2].date", None)
    plan = testing.evolve_at(plan, "actions[0].status", ActionStatus.DROPPED)
    data, notices = testing.run_export(plan, "ics", plugin)
    assert [n.path for n in notices] == ["communication_plan.activities[2]"]
    assert len(events(unfold(data))) == 10 - 1 + 11 - 1
    options = ExportOptions(settings={"dropped": "yes", "include": "actions"})
    data, _ = testing.run_export(plan, "ics", plugin, options=options)
    found = events(unfold(data))
    assert len(found) == 11
    assert found[0]["STATUS"] == "CANCELLED"


def test_english_labels() -> None:
    data, _ = testing.run_export(None, "ics", plugin, options=ExportOptions(language=Language.EN))
    assert any(e["SUMMARY"].startswith("Due: ") for e in events(unfold(data)))


def test_bad_include_option() -> None:
    with pytest.raises(klusterplan.PlanError, match="include=tasks"):
        testing.run_export(
            None, "ics", plugin, options=ExportOptions(settings={"include": "tasks"})
        )


def test_through_the_installed_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.chdir(tmp_path)
    get_registry.cache_clear()
    try:
        klusterplan.dump(klusterplan.example(), "plan.yaml")
        result = CliRunner().invoke(main, ["export", "plan.yaml", "--to", "ics"])
        assert result.exit_code == 0, result.output
        assert "skrev plan.ics" in result.stdout
        assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
        assert get_registry().exporter_plugin("ics") == "calendar"
    finally:
        get_registry.cache_clear()


def test_hostile_text_and_the_last_day_stay_inside_their_event() -> None:
    plan = klusterplan.example()
    action = attrs.evolve(
        plan.actions[0],
        what="Före\rEND:VEVENT\r\nBEGIN:VEVENT\x00SUMMARY:injicerad\x1b[31m",
        due=datetime.date(9999, 12, 31),
        responsible="a\rb",
    )
    first = attrs.evolve(plan.actions[1], due=datetime.date(1, 1, 1), what="Tidigt")
    plan = attrs.evolve(plan, actions=(action, first))
    data, _ = testing.run_export(
        plan, "ics", plugin, options=ExportOptions(settings={"include": "actions"})
    )
    text = data.decode("utf-8")
    assert "\x00" not in text and "\x1b" not in text
    assert "\r" not in text.replace("\r\n", "")  # no bare carriage return
    lines = unfold(data)
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")
    found = events(lines)
    assert found[0]["SUMMARY"].endswith("Före\\nEND:VEVENT\\nBEGIN:VEVENTSUMMARY:injicerad[31m")
    assert found[0]["DTSTART;VALUE=DATE"] == "99991231" and "DTEND;VALUE=DATE" not in found[0]
    assert found[1]["DTSTART;VALUE=DATE"] == "00010101"
    assert found[1]["DTEND;VALUE=DATE"] == "00010102"
