"""``klusterplan summary`` and ``klusterplan status``: through the command, the API and plugins."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result
from conftest import Install
from pypdf import PdfReader

import klusterplan
from klusterplan.cli import main
from klusterplan.document import BulletList, Fields
from klusterplan.model import (
    Action,
    ActionStatus,
    Campaign,
    CampaignGroup,
    Language,
    Library,
    Plan,
    TargetGroup,
)
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "cluster"
TODAY = "2011-03-01"
Run = Callable[..., Result]


def test_summary_of_the_examples_in_every_document_format(run: Run, cluster: Path) -> None:
    for fmt, suffix in (("docx", ".docx"), ("pdf", ".pdf"), ("markdown", ".md")):
        result = run(
            "summary", str(cluster), "--to", fmt, "-o", f"summary{suffix}", "--today", TODAY
        )
        assert result.exit_code == 0, result.output
        assert f"skrev summary{suffix}" in result.output
    text = Path("summary.md").read_text(encoding="utf-8")
    assert text.startswith("# Klustersammanställning\n\n**Kluster Sydost**")
    for heading in (
        "## Sammanfattning",
        "## Målgrupper i klustret",
        "## Röster i klustret",
        "## Åtgärder och aktiviteter",
        "### Försenat",
        "## Tips att dela mellan biblioteken",
        "## Det som saknas i planerna",
        "## Gemensam uppföljning och utvärdering",
    ):
        assert heading in text
    pdf = PdfReader("summary.pdf")
    pages = "\n".join(page.extract_text() for page in pdf.pages)
    assert f"Sida 2 av {len(pdf.pages)}" in pages
    assert "Sjöby bibliotek" in pages and "Det som saknas i planerna" in pages
    outline = [o.title for o in pdf.outline if not isinstance(o, list)]
    assert outline[2:4] == ["Sammanfattning", "Biblioteken"]


def test_format_follows_the_suffix_and_json_prints(run: Run, cluster: Path) -> None:
    assert run("summary", str(cluster), "-o", "s.pdf", "--today", TODAY).exit_code == 0
    assert Path("s.pdf").read_bytes().startswith(b"%PDF")
    if importlib.util.find_spec("typst") is not None:
        # the longest suffix names the format: .ua.pdf is the tagged PDF
        assert run("summary", str(cluster), "-o", "s.ua.pdf", "--today", TODAY).exit_code == 0
        root: Any = PdfReader("s.ua.pdf").trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
    result = run("summary", str(cluster), "--today", TODAY)
    data = json.loads(result.output)
    assert data["version"] == 1 and data["today"] == TODAY and data["within_days"] == 30
    assert data["libraries"][0]["name"] == "Björkeryds bibliotek"
    flykting = next(
        g for g in data["target_groups"] if g["name"] == "Den kommunplacerade flyktingen"
    )
    assert flykting["libraries"] == 5 and flykting["votes"] == 35
    assert {c["id"] for c in flykting["choices"]} == {"flykting", "nyanlanda"}
    assert run("summary", str(cluster), "-o", "s.json", "--today", TODAY).exit_code == 0
    assert json.loads(Path("s.json").read_text(encoding="utf-8")) == data


def test_same_input_same_bytes(run: Run, cluster: Path) -> None:
    for name in ("a", "b"):
        assert run("summary", str(cluster), "-o", f"{name}.docx", "--today", TODAY).exit_code == 0
    assert Path("a.docx").read_bytes() == Path("b.docx").read_bytes()


def test_a_plan_that_fails_to_load_is_reported_in_the_summary(run: Run, cluster: Path) -> None:
    (cluster / "trasig.yaml").write_text(
        "schema_version: 1\nlibrary:\n  name: Trasiga bibliotek\ntarget_groups:\n"
        "  - id: unga\n    votes: många\n",
        encoding="utf-8",
    )
    result = run("summary", str(cluster), "--to", "markdown", "-o", "s.md", "--today", TODAY)
    assert result.exit_code == 2
    assert "trasig.yaml:6: target_groups[0].votes: expected an integer" in result.output
    assert "skrev s.md" in result.output
    text = Path("s.md").read_text(encoding="utf-8")
    assert "**Planer:** 5 av 6 lästa; 1 kunde inte läsas" in text
    assert "### Planer som inte kunde läsas" in text
    # the board reads which plan is missing; what is wrong in it, the command says
    assert "**trasig.yaml:** kunde inte läsas (1 fel i filen)" in text
    assert "target" not in text.split("### Planer som inte kunde läsas")[1].split("##")[0]
    # the five that loaded are summarised as before
    assert "| Totalt | 28 | 14 | 27 | 16 | 67 000 kr |" in text.replace("\u00a0", " ")
    output = run("summary", str(cluster), "--today", TODAY).output
    data = json.loads(output[re.search(r"^\{", output, re.MULTILINE).start() :])  # type: ignore[union-attr]
    assert data["failed"][0]["source"].endswith("trasig.yaml")
    assert data["failed"][0]["problems"][0]["line"] == 6


def test_bad_input_is_exit_2_with_a_message(run: Run, cluster: Path, tmp_path: Path) -> None:
    empty = tmp_path / "tom"
    empty.mkdir()
    (empty / "pyproject.toml").write_text("[tool.klusterplan]\n", encoding="utf-8")
    cases = [
        (("summary", str(empty), "-o", "s.md"), "holds no plan file"),
        (("summary", str(tmp_path / "x" / "*.yaml"), "-o", "s.md"), "matches no file"),
        (("summary", str(cluster), "--to", "yaml", "-o", "s.yaml"), "writes one plan's data"),
        (("summary", str(cluster), "--to", "nope", "-o", "s.x"), "unknown format 'nope'"),
        (("summary", str(cluster), "--to", "pdf"), "name the file to write with -o"),
        (("summary", str(cluster), "-o", "s.xyz"), "cannot tell the format"),
        (("status", str(cluster), "--today", "1 mars"), "Invalid value for '--today'"),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.exit_code == 2, args
        assert message in result.output, result.output
    assert not Path("s.md").exists() and not Path("s.yaml").exists()


def test_a_glob_and_single_files(run: Run, cluster: Path) -> None:
    result = run("summary", str(cluster / "s*.yaml"), "--today", TODAY)
    names = [lib["name"] for lib in json.loads(result.output)["libraries"]]
    assert names == ["Sjöby bibliotek", "Stenviks bibliotek"]
    result = run("summary", str(cluster / "lovsjo.yaml"), str(cluster / "lovsjo.yaml"))
    assert len(json.loads(result.output)["libraries"]) == 1


def test_english_summary(run: Run, cluster: Path) -> None:
    result = run("summary", str(cluster), "-o", "s.md", "--today", TODAY, "--lang", "en")
    assert result.exit_code == 0
    text = Path("s.md").read_text(encoding="utf-8")
    assert text.startswith("# Cluster summary")
    assert "## Summary" in text and "| campaign\u00a01 |" in text
    assert "Klustersammanställning" not in text
    assert "## What the plans still lack" in text and "not\u00a0set" in text


def test_plugin_document_format_writes_the_summary(
    install: Install, run: Run, cluster: Path
) -> None:
    install(
        "klusterplan-outline",
        {
            "outline_plugin": """
                from klusterplan import Exporter, hookimpl

                def render(document, stream, context):
                    lines = [document.title, context.plan.library.cluster]
                    lines += [s.title for s in document.sections]
                    stream.write("\\n".join(lines).encode("utf-8"))

                @hookimpl
                def register_exporters():
                    return [Exporter("outline", ".txt", "Headings only", render=render)]
            """
        },
        "outline = outline_plugin",
    )
    result = run("summary", str(cluster), "-o", "s.txt", "--today", TODAY)
    assert result.exit_code == 0, result.output
    lines = Path("s.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "Klustersammanställning",
        "Kluster Sydost",
        "Sammanfattning",
    ]


def test_text_a_document_cannot_hold_is_mended_with_a_notice(run: Run, cluster: Path) -> None:
    path = cluster / "stenvik.yaml"
    plan = klusterplan.load(path)
    action = attrs.evolve(plan.actions[0], sharing_reason="Rad ett\vrad två")
    klusterplan.dump(attrs.evolve(plan, actions=(action, *plan.actions[1:])), path)
    result = run("summary", str(cluster), "-o", "s.docx", "--today", TODAY)
    assert result.exit_code == 0
    assert "stenvik.yaml: actions[0].sharing_reason: control character U+000B" in result.output


def small(name: str, *groups: TargetGroup, campaign: tuple[str, ...] = ()) -> Plan:
    return Plan(
        library=Library(name=name, cluster="K"),
        target_groups=groups,
        campaign=Campaign(groups=tuple(CampaignGroup(c, i) for i, c in enumerate(campaign, 1))),
    )


def notes(*plans: Plan) -> list[str]:
    summary = klusterplan.summarise(
        klusterplan.Cluster.of(plans), registry=Registry(DEFAULT_PLUGINS, autoload=False)
    )
    document = klusterplan.build_summary_document(summary)
    section = next(s for s in document.sections if s.key == "cluster-group-matching")
    block = section.blocks[0]
    assert isinstance(block, BulletList)
    return list(block.items)


def test_matching_by_id_then_by_name_with_notes() -> None:
    a = small("A", TargetGroup("unga", "Unga vuxna", 3), TargetGroup("x", "Pendlaren", 1))
    b = small("B", TargetGroup("unga", "Unga 18–25", 2), TargetGroup("pendlare", "pendlaren", 4))
    c = small("C", TargetGroup("solo", "Ensam"), campaign=("saknas",))
    found = notes(a, b, c)
    assert "”Pendlaren” har olika kortnamn i planerna och räknas ihop efter sitt namn." in found
    assert "”Unga vuxna” heter också ”Unga 18–25” (B)." in found or (
        "”Unga 18–25” heter också ”Unga vuxna” (A)." in found
    )
    assert "”Ensam” finns bara i planen från C." in found
    assert (
        "C har valt en målgrupp till klusterkampanjen som planen inte beskriver (saknas)." in found
    )
    summary = klusterplan.summarise(
        klusterplan.Cluster.of([a, b, c]), registry=Registry(DEFAULT_PLUGINS, autoload=False)
    )
    pendlare = next(g for g in summary.groups if g.id in {"x", "pendlare"})
    assert (pendlare.libraries, pendlare.votes) == (2, 5)


def test_two_groups_of_one_plan_are_never_merged() -> None:
    a = small("A", TargetGroup("a", "Samma"), TargetGroup("b", "Samma"))
    found = notes(a, small("B", TargetGroup("a", "Annat")))
    assert any("räknas för sig: planen har två målgrupper" in n for n in found)
    summary = klusterplan.summarise(
        klusterplan.Cluster.of([a]), registry=Registry(DEFAULT_PLUGINS, autoload=False)
    )
    assert sorted(g.libraries for g in summary.groups) == [1, 1]


def test_summary_api_writes_to_a_stream(cluster: Path) -> None:
    stream = io.BytesIO()
    members = klusterplan.load_cluster([cluster, cluster / "missing.yaml"])
    assert [m.source.endswith("missing.yaml") for m in members.failed] == [True]
    notices = klusterplan.export_summary(members, "markdown", stream, today=dt.date(2011, 3, 1))
    assert notices == []
    # the plan that is missing is named; why, the members say to whoever calls
    assert "**missing.yaml:** kunde inte läsas (1 fel i filen)".encode() in stream.getvalue()
    assert "filen finns inte" in members.failed[0].error.render("sv")  # type: ignore[union-attr]
    with pytest.raises(klusterplan.PlanError, match="a cluster summary has no workbook"):
        klusterplan.export_summary(
            members, "pdf", io.BytesIO(), klusterplan.ExportOptions(workbook=True)
        )


def test_summary_of_no_loaded_plan_still_writes(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    result = run("summary", "bad.json", "-o", "s.pdf")
    assert result.exit_code == 2 and Path("s.pdf").exists()


# -- klusterplan status ------------------------------------------------------------


def test_status_prints_late_and_due_for_a_meeting(run: Run) -> None:
    result = run("status", str(EXAMPLES / "stenvik.yaml"), "--today", TODAY)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Stenviks bibliotek (") and lines[0].endswith(
        "uppföljning 2011-03-01"
    )
    assert lines[1] == "Försenat:"
    assert lines[2] == (
        "  2011-01-28  aktivitet: Filmkväll med unga recensenter – Jonas Berg – planerad – "
        "32 dagar sen"
    )
    assert "pågår sedan 2011-01-08 – 14 dagar sen" in lines[3]
    assert "Förfaller till och med 2011-03-31:" in lines
    assert lines[-1].startswith("  2011-03-24  aktivitet: Prova-på-dag")


def test_status_speaks_the_plans_language(run: Run, tmp_path: Path) -> None:
    plan = Plan(
        language=Language.EN,
        library=Library(name="Northtown Library"),
        actions=(
            Action(what="Homework club", due=dt.date(2011, 2, 28), responsible="Jo"),
            Action(what="Done", due=dt.date(2011, 2, 1), status=ActionStatus.DONE),
            Action(what="Later", due=dt.date(2011, 6, 1)),
        ),
    )
    klusterplan.dump(plan, tmp_path / "north.yaml")
    result = run("status", "north.yaml", "--today", TODAY, "--within", "7")
    assert result.output.splitlines()[1:] == [
        "Late:",
        "  2011-02-28  action: Homework club – Jo – planned – 1 day late",
        "Due until 2011-03-08: nothing",
    ]
    swedish = run("status", "north.yaml", "--today", TODAY, "--lang", "sv")
    assert "Försenat:" in swedish.output


def test_status_json_and_a_broken_plan(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("schema_version: 2\n", encoding="utf-8")
    result = run(
        "status", str(EXAMPLES / "lovsjo.yaml"), "bad.yaml", "--today", TODAY, "--format", "json"
    )
    assert result.exit_code == 2
    data = json.loads(result.output[result.output.index("{") :])
    late = data["plans"][0]["late"]
    assert [i["what"] for i in late] == ["Öppen förskola på biblioteket en förmiddag"]
    assert late[0]["days_late"] == 13
    assert data["plans"][1] == {"path": "bad.yaml", "loaded": False}


def test_the_documented_demo_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the page names the command for a clone, where examples/ exists; the docs test runs
    # every block in an empty folder, so this one runs here, from the repository
    page = (ROOT / "docs" / "cluster.md").read_text(encoding="utf-8")
    found = re.search(r"`(klusterplan summary examples/cluster[^`]*)`", page)
    assert found is not None
    argv = shlex.split(found.group(1))
    monkeypatch.chdir(tmp_path)
    args = [str(ROOT / a) if a.startswith("examples/") else a for a in argv[1:]]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = Path(args[args.index("-o") + 1])
    assert written.read_bytes().startswith(b"%PDF")


def test_summary_fields_name_each_library(cluster: Path) -> None:
    summary = klusterplan.summarise(
        klusterplan.load_cluster([cluster]),
        today=dt.date(2011, 3, 1),
        registry=Registry(DEFAULT_PLUGINS, autoload=False),
    )
    document = klusterplan.build_summary_document(summary)
    proposals = next(s for s in document.sections if s.key == "cluster-sharing-proposals")
    block = proposals.blocks[0]
    assert isinstance(block, Fields)
    # a short name stays on one line: its words are joined by no-break spaces
    assert [f.label.replace("\u00a0", " ") for f in block.items] == [
        "Björkeryds bibliotek",
        "Ekhamns bibliotek",
        "Lövsjö bibliotek",
        "Stenviks bibliotek",
    ]


def test_export_summary_takes_the_plans_themselves(tmp_path: Path) -> None:
    plans = [klusterplan.example(), klusterplan.example()]
    klusterplan.export_summary(plans, "markdown", tmp_path / "list.md", today=dt.date(2011, 3, 1))
    klusterplan.export_summary(
        klusterplan.Cluster.of(plans),
        "markdown",
        tmp_path / "cluster.md",
        today=dt.date(2011, 3, 1),
    )
    assert (tmp_path / "list.md").read_bytes() == (tmp_path / "cluster.md").read_bytes()
    assert klusterplan.summarise(plans[0], today=dt.date(2011, 3, 1)) == klusterplan.summarise(
        [plans[0]], today=dt.date(2011, 3, 1)
    )
    with pytest.raises(TypeError, match="item 2 is a str, not a Plan"):
        klusterplan.export_summary(
            [plans[0], "plan.yaml"],  # type: ignore[list-item]
            "markdown",
            tmp_path / "x.md",
        )
