"""The officer who reads Swedish, from the first command to the last.

Each case runs through the real command, in both languages: ``--help`` and
click's usage errors, a plan saved as ANSI, a number in quotes, a date
without its zeros, findings with their severity and items counted from 1, a
batch where plans fail, and the starter plan. The last test walks the
officer's whole path with ``LANG=sv_SE.UTF-8`` and finds no English line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from wordfill import open_word, save, type_into

import klusterplan
from klusterplan import Text
from klusterplan._word.template import template_problem
from klusterplan.cli import main

Run = Callable[..., Result]

SWEDISH = "sv_SE.UTF-8"
ENGLISH = "en_GB.UTF-8"


@pytest.fixture
def say(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the command in a temporary folder with the locale ``LANG`` given first."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    def invoke(locale: str, *args: str) -> Result:
        monkeypatch.setenv("LANG", locale)
        return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="klusterplan")

    return invoke


def _plan(folder: Path, language: str = "sv", name: str = "plan.yaml") -> Path:
    text = klusterplan.dumps(klusterplan.example()).replace("language: sv", f"language: {language}")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- --help and usage errors ---------------------------------------------------------


def test_help_is_swedish_on_a_swedish_system(say: Run) -> None:
    said = say(SWEDISH, "--help").output
    assert said.startswith("Användning: klusterplan [ALTERNATIV] KOMMANDO [ARGUMENT]...")
    assert "Alternativ:" in said and "Kommandon:" in said
    assert "Visa den här hjälpen och avsluta." in said
    assert "Börja en ny planfil" in said and "Start a new plan" not in said
    english = say(ENGLISH, "--help").output
    assert english.startswith("Usage: klusterplan") and "Start a new plan file" in english


def test_a_commands_help_and_its_options_are_swedish(say: Run) -> None:
    said = say(SWEDISH, "export", "--help").output
    assert "Exportera varje PLAN i varje format" in said
    assert "Formaten att skriva" in said and "Storstil" in said
    assert "The formats to write" not in said
    # --lang wins over the locale, both ways
    assert "The formats to write" in say(SWEDISH, "export", "--lang", "en", "--help").output
    assert "Formaten att skriva" in say(ENGLISH, "export", "--lang=sv", "--help").output


@pytest.mark.parametrize(
    ("args", "sv", "en"),
    [
        (("check",), "Fel: Argument saknas: 'PLANER...'.", "Error: Missing argument 'PLANS...'."),
        (
            ("export", "--force", "x.yaml"),
            "Fel: Det finns inget alternativ '--force'.",
            "Error: No such option '--force'.",
        ),
        (("exprot",), "Fel: Det finns inget kommando 'exprot'.", "Error: No such command"),
    ],
)
def test_usage_errors_speak_the_readers_language(
    say: Run, args: tuple[str, ...], sv: str, en: str
) -> None:
    swedish = say(SWEDISH, *args)
    assert swedish.exit_code == 2 and sv in swedish.output
    assert "Skriv 'klusterplan" in swedish.output and "Usage" not in swedish.output
    english = say(ENGLISH, *args)
    assert english.exit_code == 2 and en in english.output


def test_a_usage_error_about_a_swedish_plan_is_swedish_on_an_english_system(
    say: Run, tmp_path: Path
) -> None:
    _plan(tmp_path)
    said = say(ENGLISH, "export", "plan.yaml", "--template", "missing.docx")
    assert said.exit_code == 2
    assert "Fel: Ogiltigt värde för '--template': Filen 'missing.docx' finns inte." in said.output
    said = say(ENGLISH, "export", "plan.yaml", "--lang", "en", "--template", "missing.docx")
    assert "Error: Invalid value for '--template'" in said.output


def test_a_template_that_cannot_be_read_is_told_in_swedish(tmp_path: Path) -> None:
    problem = template_problem(tmp_path / "missing.docx")
    assert isinstance(problem, Text)
    assert problem.sv == "kan inte läsas: filen eller mappen finns inte"
    assert str(problem) == "cannot be read: No such file or directory"


# -- what a plan file holds ------------------------------------------------------------


def test_a_plan_saved_as_ansi_is_read_with_a_notice(say: Run, tmp_path: Path) -> None:
    text = "schema_version: 1\nlanguage: sv\nlibrary:\n  name: Växjö stadsbibliotek\n"
    (tmp_path / "ansi.yaml").write_bytes(text.encode("cp1252"))
    said = say(SWEDISH, "check", "ansi.yaml", "--select", "KP004")
    assert "lästes som ANSI (Windows-1252)" in said.output
    assert "offset" not in said.output and "byte 0x" not in said.output
    english = say(SWEDISH, "check", "ansi.yaml", "--select", "KP004", "--lang", "en")
    assert "read as ANSI (Windows-1252)" in english.output
    exported = say(SWEDISH, "export", "ansi.yaml", "--to", "markdown")
    assert exported.exit_code == 0
    assert "Växjö stadsbibliotek" in (tmp_path / "ansi.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("language", "said_line"),
    [
        ("sv", "ansi.yaml:4: filen är inte sparad som UTF-8 utan som ANSI (Windows-1252)"),
        ("en", "ansi.yaml:4: the file is not saved as UTF-8 but as ANSI (Windows-1252)"),
    ],
)
def test_an_import_into_a_plan_saved_as_ansi_changes_nothing(
    say: Run, tmp_path: Path, language: str, said_line: str
) -> None:
    text = "schema_version: 1\nlanguage: sv\nlibrary:\n  name: Växjö stadsbibliotek\n"
    (tmp_path / "utf8.yaml").write_text(text, "utf-8")
    assert say(SWEDISH, "export", "utf8.yaml", "--to", "docx").exit_code == 0
    word = open_word(tmp_path / "utf8.docx")
    type_into(word, "library.name", "Växjö bibliotek")  # the name changed in Word
    save(word, tmp_path / "utf8.docx")
    ansi = text.encode("cp1252")
    (tmp_path / "ansi.yaml").write_bytes(ansi)
    said = say(SWEDISH, "import", "utf8.docx", "--into", "ansi.yaml", "--lang", language)
    assert said.exit_code == 2, said.output
    assert said.output.startswith(said_line)
    how = "Spara som, Kodning: UTF-8" if language == "sv" else "Save as, Encoding: UTF-8"
    assert how in said.output and "Traceback" not in said.output
    assert (tmp_path / "ansi.yaml").read_bytes() == ansi
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ansi.yaml", "utf8.docx", "utf8.yaml"]
    # saved again as UTF-8, the same import changes the name
    (tmp_path / "ansi.yaml").write_text(text, encoding="utf-8")
    again = say(SWEDISH, "import", "utf8.docx", "--into", "ansi.yaml", "--lang", language)
    assert again.exit_code == 0, again.output
    assert "name: Växjö bibliotek" in (tmp_path / "ansi.yaml").read_text(encoding="utf-8")


def test_a_file_in_neither_encoding_says_what_to_do(say: Run, tmp_path: Path) -> None:
    (tmp_path / "odd.yaml").write_bytes(b"schema_version: 1\nlanguage: sv\nlibrary: {name: \x81}\n")
    said = say(SWEDISH, "check", "odd.yaml")
    assert said.exit_code == 2
    assert "spara filen som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8)" in said.output


QUOTED = """\
schema_version: 1
language: {language}
library:
  name: Alvesta bibliotek
target_groups:
  - id: unga
    name: Unga
    votes: "9"
actions:
  - what: Tonårshörna
    due: 2011-3-1
"""


@pytest.mark.parametrize(
    ("language", "quotes", "date"),
    [
        ("sv", "ta bort citattecknen och skriv bara 9", "skriv 2011-03-01 i stället för 2011-3-1"),
        ("en", "remove the quotes and write just 9", "write 2011-03-01 instead of 2011-3-1"),
    ],
)
def test_a_mistake_says_what_to_write(
    say: Run, tmp_path: Path, language: str, quotes: str, date: str
) -> None:
    (tmp_path / "plan.yaml").write_text(QUOTED.format(language=language), encoding="utf-8")
    said = say(ENGLISH if language == "sv" else SWEDISH, "check", "plan.yaml")
    assert said.exit_code == 2
    assert "plan.yaml:8: target_groups[0].votes: " in said.output and quotes in said.output
    assert "plan.yaml:11: actions[0].due: " in said.output and date in said.output


# -- findings ------------------------------------------------------------------------


def test_findings_name_severity_and_items_as_people_read_them(say: Run, tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    text = plan.read_text(encoding="utf-8")
    second = text.index("responsible:", text.index("responsible:", text.index("actions:")) + 1)
    end = text.index("\n", second)
    plan.write_text(text[:second] + 'responsible: ""' + text[end:], encoding="utf-8")
    said = say(ENGLISH, "check", str(plan), "--select", "KP201").output
    assert re.search(r"KP201 fel actions\[1\]\.responsible \(ATT GÖRA 2 › ansvar\): ", said)
    assert " error " not in said
    english = say(SWEDISH, "check", str(plan), "--select", "KP201", "--lang", "en").output
    assert "KP201 error actions[1].responsible (Actions 2 › responsible): " in english
    # what programs read keeps the machine's paths and severities
    data = json.loads(
        say(SWEDISH, "check", str(plan), "--select", "KP201", "--format", "json").output
    )
    finding = data["plans"][0]["findings"][0]
    assert (finding["path"], finding["severity"]) == ("actions[1].responsible", "error")


def test_a_built_in_rule_says_where_it_comes_from_in_swedish(say: Run) -> None:
    said = say(SWEDISH, "rule", "KP101").output
    assert "allvarlighet: fel; insticksmodul: klusterplan.rules (inbyggd)" in said
    assert "(built-in)" in say(ENGLISH, "rule", "KP101").output


# -- export ----------------------------------------------------------------------------


def test_a_batch_tells_of_every_plan_in_one_language(say: Run, tmp_path: Path) -> None:
    _plan(tmp_path, "sv", "svensk.yaml")
    _plan(tmp_path, "en", "engelsk.yaml")
    (tmp_path / "trasig.yaml").write_text("schema_version: 1\nlibrary: [\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(
        "schema_version: 1\nlanguage: en\nlibrary: [\n", encoding="utf-8"
    )
    plans = ("svensk.yaml", "engelsk.yaml", "trasig.yaml", "broken.yaml")
    said = say(SWEDISH, "export", *plans, "--to", "markdown", "--jobs", "1")
    assert said.exit_code == 2
    assert re.search(r"\[3/4\] trasig\.yaml: misslyckades", said.output)
    assert re.search(r"\[4/4\] broken\.yaml: misslyckades", said.output)
    assert "4 planer: 2 exporterade, 2 misslyckades" in said.output
    assert not re.search(r"\b(failed|exported|wrote|not valid)\b", said.output)
    english = say(SWEDISH, "export", *plans, "--to", "markdown", "--jobs", "1", "--lang", "en")
    assert "[3/4] trasig.yaml: failed" in english.output and "misslyckades" not in english.output


def test_pdfua_without_typst_says_so_in_the_plans_language(
    say: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plan(tmp_path)
    monkeypatch.setitem(sys.modules, "typst", None)  # as if the extra were not installed
    said = say(ENGLISH, "export", "plan.yaml", "--to", "pdf-ua")
    assert "formatet pdf-ua behöver paketet Typst: installera tillägget accessible" in said.output
    assert "1 plan: 0 exporterade, 1 misslyckades" in said.output


def test_a_new_plan_without_a_suffix_is_told_in_the_readers_language(say: Run) -> None:
    said = say(SWEDISH, "new", "plan")
    assert said.exit_code == 2
    assert "plan: formatet framgår inte av filändelsen (ingen filändelse)" in said.output
    assert "t.ex. plan.yaml" in said.output
    english = say(ENGLISH, "new", "plan")
    assert "cannot tell the format from the suffix (no suffix)" in english.output


def test_the_starter_plan_invites_only_values_check_takes_as_they_are(
    say: Run, tmp_path: Path
) -> None:
    assert say(SWEDISH, "new", "plan.yaml").exit_code == 0
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    suggested = re.search(r"t\.ex\. (\[[a-z, ]+\])", text)
    assert suggested is not None and "(eller namn)" not in text
    # the centres the comment suggests, written where it suggests them
    filled = text.replace("    centres: []", f"    centres: {suggested.group(1)}", 1)
    (tmp_path / "plan.yaml").write_text(filled, encoding="utf-8")
    said = say(SWEDISH, "check", "plan.yaml", "--select", "KP004")
    assert said.exit_code == 0 and "lästes som" not in said.output
    assert "centres" in filled.split(suggested.group(1))[0].splitlines()[-1]


# -- the whole path ------------------------------------------------------------------

#: Words of the command's English lines that no Swedish line holds.
_ENGLISH = re.compile(
    r"\b(wrote|written|error|errors|warning|warnings|failed|exported|checked|finding|findings"
    r"|usage|options|missing|cannot|the|and|show|such|file|files|plans|late|due|changed"
    r"|notice|read|built-in|none|suffix|try)\b",
    re.IGNORECASE,
)


def _officer(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env |= {"LANG": SWEDISH, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "klusterplan", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_the_officers_path_in_swedish_has_no_english_line(tmp_path: Path) -> None:
    steps = [
        ("--help",),
        ("new", "plan.yaml"),
        ("check", "plan.yaml"),
        ("export", "plan.yaml", "--to", "docx,markdown"),
        ("workbook", "-o", "arbetsbok.docx"),
        ("workbook", "--from", "plan.yaml", "-o", "ifylld.docx"),
        ("import", "plan.docx", "--into", "plan.yaml", "--dry-run"),
        ("import", "plan.docx", "-o", "tillbaka.yaml"),
        ("status", "plan.yaml", "--today", "2011-03-01"),
        ("new", "--example", "exempel.yaml"),
        ("check", "exempel.yaml", "--all"),
        ("status", "exempel.yaml", "--today", "2011-03-01"),
        ("summary", "plan.yaml", "exempel.yaml", "-o", "kluster.docx"),
        ("export", "--force", "plan.yaml"),
        ("check",),
        ("new", "plan"),
    ]
    lines: list[str] = []
    for step in steps:
        done = _officer(tmp_path, *step)
        assert "Traceback" not in done.stderr, (step, done.stderr)
        lines += [
            f"{' '.join(step)} | {line}"
            for line in (done.stdout + done.stderr).splitlines()
            if line.strip()
        ]
    assert (tmp_path / "plan.docx").exists() and (tmp_path / "kluster.docx").exists()
    # what a line quotes (a file name, an option, a value) is the same in both languages
    english = [
        line
        for line in lines
        if _ENGLISH.search(re.sub(r"'[^']*'|\"[^\"]*\"|\S+\.(?:yaml|docx|md)\b|--\S+", " ", line))
    ]
    assert not english, "\n".join(english)
    assert len(lines) > 50  # the path said something at every step


def test_every_command_and_option_has_its_swedish_help() -> None:
    import click

    from klusterplan._catalogue.usage import HELP_SV
    from klusterplan.cli import ALIASES, COMMANDS

    context = click.Context(main)
    missing = []
    for name in sorted(set(COMMANDS) - ALIASES):
        command = main.get_command(context, name)
        assert command is not None
        missing += [key for key in (name, f"{name}:short") if key not in HELP_SV]
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                long = next(o for o in param.opts if o.startswith("--"))
                if f"{name} {long}" not in HELP_SV and long not in HELP_SV:
                    missing.append(f"{name} {long}")
    assert not missing, f"no Swedish help in _catalogue/usage.py for {missing}"


def test_another_click_program_in_the_process_keeps_its_own_words(say: Run) -> None:
    import click

    @click.command()
    @click.argument("name")
    def other(name: str) -> None:
        """Not klusterplan."""

    assert "Användning:" in say(SWEDISH, "--help").output  # klusterplan has spoken Swedish
    said = CliRunner().invoke(other, [])
    assert "Error: Missing argument 'NAME'." in said.output and "Fel" not in said.output


# -- one process, many runs ------------------------------------------------------------

#: Runs in one fresh process: the first, in Swedish, imports the export command, so that
#: click words what it keeps (the template's "file", --help's line) during a Swedish run.
_RUNS = """\
import os, sys
from click.testing import CliRunner
from klusterplan.cli import main

for locale, *args in (
    ("sv_SE.UTF-8", "export", "--help"),
    ("sv_SE.UTF-8", "export", "plan.yaml", "--template", "missing.docx"),
    ("en_GB.UTF-8", "export", "--help"),
    ("en_GB.UTF-8", "export", "plan.yaml", "--lang", "en", "--template", "missing.docx"),
    ("sv_SE.UTF-8", "export", "plan.yaml", "--template", "missing.docx"),
):
    os.environ["LANG"] = locale
    said = CliRunner().invoke(main, args, prog_name="klusterplan").output
    for line in said.splitlines():
        if "-h, --help" in line or "'--template'" in line:
            print(line)
print(main.get_command(None, "export").get_short_help_str(limit=200))
"""


def test_what_click_words_once_follows_each_runs_language(tmp_path: Path) -> None:
    _plan(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    done = subprocess.run(
        [sys.executable, "-c", _RUNS],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    assert lines == [
        "-h, --help Visa den här hjälpen och avsluta.",
        "Fel: Ogiltigt värde för '--template': Filen 'missing.docx' finns inte.",
        "-h, --help Show this message and exit.",
        "Error: Invalid value for '--template': File 'missing.docx' does not exist.",
        "Fel: Ogiltigt värde för '--template': Filen 'missing.docx' finns inte.",
        # between runs the commands' help is English, whatever the last run spoke
        "Export each PLAN in each format; the output name comes from the plan's file name.",
    ], done.stdout


def test_after_a_swedish_run_the_commands_read_in_english(say: Run) -> None:
    import click

    assert "Formaten att skriva" in say(SWEDISH, "export", "--help").output
    command = main.get_command(click.Context(main), "export")
    assert command is not None and command.help is not None
    assert command.help.startswith("Export each PLAN")
    assert "Exportera" not in command.get_short_help_str(limit=200)
