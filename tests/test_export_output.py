"""``klusterplan export -o`` as pandoc's: a file, standard output, or a folder; --to forgiving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import klusterplan

Run = Callable[..., Result]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), path)
    return path


def test_a_file_name_writes_that_file_in_the_format_of_its_suffix(run: Run, plan: Path) -> None:
    result = run("export", "plan.yaml", "-o", "växjö.docx")
    assert result.exit_code == 0, result.output
    # the example plan is Swedish, and the command tells of it in Swedish
    assert result.output == "skrev växjö.docx\n"
    written = plan.parent / "växjö.docx"
    assert written.is_file() and written.read_bytes().startswith(b"PK")
    assert run("export", "plan.yaml", "-o", "plan.ua.pdf").output == "skrev plan.ua.pdf\n"
    assert sorted(p.name for p in plan.parent.iterdir()) == [
        "plan.ua.pdf",
        "plan.yaml",
        "växjö.docx",
    ]


def test_to_and_a_file_name(run: Run, plan: Path) -> None:
    assert run("export", "plan.yaml", "--to", "markdown", "-o", "notes.txt").exit_code == 0
    assert (plan.parent / "notes.txt").read_text(encoding="utf-8").startswith("# Lokal")
    unknown = run("export", "plan.yaml", "-o", "plan.odt")
    assert unknown.exit_code == 2
    assert "-o plan.odt: formatet går inte att avgöra av namnet" in unknown.stderr
    english = run("export", "plan.yaml", "-o", "plan.odt", "--lang", "en")
    assert "-o plan.odt: cannot tell the format from the name" in english.stderr


def test_dash_writes_to_standard_output(run: Run, plan: Path) -> None:
    result = run("export", "plan.yaml", "--to", "md", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Lokal kommunikationsplan\n")
    assert not (plan.parent / "-").exists()
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.yaml"]
    binary = run("export", "plan.yaml", "--to", "docx", "-o", "-")
    assert binary.stdout_bytes.startswith(b"PK\x03\x04")
    several = run("export", "plan.yaml", "--to", "docx,pdf", "-o", "-")
    assert several.exit_code == 2 and "standardutdata rymmer bara en fil" in several.stderr
    without = run("export", "plan.yaml", "-o", "-")
    assert without.exit_code == 2 and "--to markdown" in without.stderr


def test_several_outputs_go_into_a_folder_never_one_named_like_a_file(run: Run, plan: Path) -> None:
    refused = run("export", "plan.yaml", "--to", "docx,pdf", "-o", "växjö.docx")
    assert refused.exit_code == 2
    assert "-o växjö.docx: anger en fil, men 2 filer (1 plan × 2 format) skrivs" in refused.stderr
    english = run("export", "plan.yaml", "--to", "docx,pdf", "-o", "växjö.docx", "--lang", "en")
    assert "-o växjö.docx: names a file, but 2 files (1 plan × 2 formats) are written" in (
        english.stderr
    )
    assert not (plan.parent / "växjö.docx").exists()
    folder = run("export", "plan.yaml", "--to", "docx,pdf", "-o", "ut/")
    assert folder.output == "skrev ut/plan.docx\nskrev ut/plan.pdf\n"
    klusterplan.dump(klusterplan.example(), plan.parent / "norrby.yaml")
    two = run("export", "plan.yaml", "norrby.yaml", "--to", "markdown", "-o", "md", "--jobs", "1")
    assert two.exit_code == 0
    assert sorted(p.name for p in (plan.parent / "md").iterdir()) == ["norrby.md", "plan.md"]
    into_existing = run("export", "plan.yaml", "-o", "md", "--to", "json")
    assert into_existing.output == "skrev md/plan.json\n"


def test_a_file_is_never_the_plan_itself(run: Run, plan: Path) -> None:
    result = run("export", "plan.yaml", "--to", "yaml", "-o", "plan.yaml")
    assert result.exit_code == 2
    assert klusterplan.load(plan) == klusterplan.example()


@pytest.mark.parametrize("name", ["word", "Word", "WORD", "DOCX", "doc"])
def test_to_accepts_other_names_in_any_case(run: Run, plan: Path, name: str) -> None:
    result = run("export", "plan.yaml", "--to", name)
    assert result.exit_code == 0, result.output
    assert result.output == "skrev plan.docx\n"


def test_to_suggests_the_nearest_format(run: Run, plan: Path) -> None:
    result = run("export", "plan.yaml", "--to", "pfd")
    assert result.exit_code == 2
    assert "--to: okänt format 'pfd'; menade du 'pdf'? de format som finns:" in result.stderr
    english = run("export", "plan.yaml", "--to", "pfd", "--lang", "en")
    assert "--to: unknown format 'pfd'; did you mean 'pdf'? known formats:" in english.stderr
    assert klusterplan.export(klusterplan.example(), "Markdown", plan.parent / "x.md") == []


def test_unknown_options_are_refused_with_the_exporters_list(run: Run, plan: Path) -> None:
    result = run("export", "plan.yaml", "--to", "pdf", "--option", "pdf.fnt=x.ttf", "--lang", "en")
    assert result.exit_code == 2
    assert "unknown option 'pdf.fnt'; did you mean 'pdf.font'?" in result.stderr
    assert "pdf.fallback_font (a font for characters the others lack)" in result.stderr
    none = run("export", "plan.yaml", "--to", "docx", "--option", "colour=red", "--lang", "en")
    assert "unknown option 'colour'; the docx exporter reads no options" in none.stderr
    swedish = run("export", "plan.yaml", "--to", "docx", "--option", "colour=red")
    assert "okänd inställning 'colour'; formatet docx läser inga inställningar" in swedish.stderr
    # the calendar plugin declares its own, so they pass
    calendar = run("export", "plan.yaml", "--to", "ics", "--option", "include=actions")
    assert calendar.exit_code == 0, calendar.output


def test_an_exporter_that_declares_nothing_accepts_any_option(tmp_path: Path) -> None:
    from klusterplan import Exporter, testing

    seen: dict[str, str] = {}

    def write(plan: klusterplan.Plan, stream: object, context: klusterplan.ExportContext) -> None:
        seen.update(context.options.settings)
        stream.write(b"old")  # type: ignore[attr-defined]

    class Old:
        @staticmethod
        @klusterplan.hookimpl
        def register_exporters() -> list[Exporter]:
            return [Exporter("old", ".old", "An exporter from before options", write)]

    assert Exporter("x", ".x", "x", write).options is None
    registry = testing.make_registry(Old)
    options = klusterplan.ExportOptions(settings={"anything": "goes"})
    klusterplan.export(klusterplan.example(), "old", tmp_path / "a.old", options, registry=registry)
    assert seen == {"anything": "goes"}


def test_the_starter_plan_is_swedish_and_leaves_no_placeholder_in_a_document(
    run: Run, tmp_path: Path
) -> None:
    import datetime as dt

    assert run("new", "ny.yaml").exit_code == 0
    text = (tmp_path / "ny.yaml").read_text(encoding="utf-8")
    assert "2011" not in text and str(dt.date.today().year) in text
    assert "null betyder" in text and "tabb" in text
    for value in (
        "planerad, pågår, klar eller struken",
        "A (befintliga kunder) eller B",
        "kännedom",
        "social (socialt)",
        "omgående (immediate)",
    ):
        assert value in text, value
    plan = klusterplan.load(tmp_path / "ny.yaml")
    assert plan.language is klusterplan.Language.SV and plan.campaign.year is None
    # uncommented examples a person copied in and left empty do not reach the document
    filled = text.replace("  partners: []", '  partners:\n    - name: ""\n      relation: ""')
    (tmp_path / "ny.yaml").write_text(filled, encoding="utf-8")
    assert run("export", "ny.yaml", "-o", "ny.md").exit_code == 0
    document = (tmp_path / "ny.md").read_text(encoding="utf-8")
    assert "Futurum:" not in document and "Kombib:" not in document
    assert "| --- |" not in document  # no empty table
