"""What each command says of itself is in one language: --lang, the plan's, or the locale's.

Every command runs with ``--lang sv`` and ``--lang en``; the lines it prints of
its own (what it wrote, what failed, its summary, its mistakes) must hold no
word that only the other language's messages use. The words come from the
message catalogue itself, so a new message is checked as soon as it is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import klusterplan
from klusterplan import _messages
from klusterplan.cli import EXIT_INTERRUPTED, main
from klusterplan.model import Language

Run = Callable[..., Result]

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> set[str]:
    # one letter is no word of either language ("a" in a YAML example is a value)
    return {w.lower() for w in _WORD.findall(re.sub(r"\{[^}]*\}", " ", text)) if len(w) > 1}


def _only(language: int) -> set[str]:
    """The words only one side of the catalogue uses: 0 Swedish, 1 English."""
    own: set[str] = set()
    other: set[str] = set()
    for pair in _messages._MESSAGES.values():
        own |= _words(pair[language])
        other |= _words(pair[1 - language])
    for nouns in _messages._NOUNS.values():
        own |= _words(" ".join(nouns[language]))
        other |= _words(" ".join(nouns[1 - language]))
    return own - other


SWEDISH_ONLY = _only(0)
ENGLISH_ONLY = _only(1)


def _own_words(output: str) -> set[str]:
    """The words of the command's own lines, without what it quotes or names.

    Paths, file names, options, codes, kebab-case rule names and quoted values
    (plan text, a name the user typed) are the same in both languages.
    """
    text = re.sub(r"”[^”]*”|'[^']*'|`[^`]*`|\"[^\"]*\"", " ", output)
    text = re.sub(r"\S*[/.]\S*|--?[\w-]+|\b\w+(?:-\w+)+\b|\b[A-Z]+\d+\b", " ", text)
    return _words(text)


def test_the_catalogue_has_words_of_its_own_on_both_sides() -> None:
    # the check below would pass vacuously if the catalogue shared every word
    assert {"skrev", "misslyckades", "avbrutet", "ändringar"} <= SWEDISH_ONLY
    assert {"wrote", "failed", "interrupted", "changes"} <= ENGLISH_ONLY


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A Swedish plan, an English one, a plan file that is broken, and the plan as Word."""
    example = klusterplan.example()
    klusterplan.dump(example, tmp_path / "plan.yaml")
    english = klusterplan.loads(
        (tmp_path / "plan.yaml").read_text(encoding="utf-8").replace("language: sv", "language: en")
    )
    klusterplan.dump(english, tmp_path / "english.yaml")
    (tmp_path / "broken.yaml").write_text("schema_version: 1\nlibrary: [\n", encoding="utf-8")
    klusterplan.export(example, "docx", tmp_path / "plan.docx")
    return tmp_path


#: Each command, run the ways that make it print its own lines: what it did and its mistakes.
SCENARIOS: list[tuple[str, list[str]]] = [
    ("new", ["new", "ny.yaml"]),
    ("new refused", ["new", "plan.yaml"]),
    ("export", ["export", "plan.yaml", "--to", "md"]),
    ("export several", ["export", "plan.yaml", "english.yaml", "--to", "md", "-o", "ut/", "-j1"]),
    ("export failing", ["export", "plan.yaml", "missing.yaml", "broken.yaml", "--to", "md", "-j1"]),
    ("export no plan", ["export", "--to", "md"]),
    ("export no format", ["export", "plan.yaml"]),
    ("export stdout", ["export", "plan.yaml", "--to", "md,json", "-o", "-"]),
    ("export file", ["export", "plan.yaml", "english.yaml", "--to", "md", "-o", "x.md"]),
    ("export unknown format", ["export", "plan.yaml", "--to", "pfd"]),
    ("export suffix", ["export", "plan.yaml", "-o", "plan.odt"]),
    ("export option", ["export", "plan.yaml", "--to", "docx", "--option", "x"]),
    ("export unknown option", ["export", "plan.yaml", "--to", "docx", "--option", "a=b"]),
    ("export itself", ["export", "plan.yaml", "--to", "yaml"]),
    ("workbook", ["workbook", "-o", "arbetsbok.md"]),
    ("workbook from", ["workbook", "-o", "halvklar.md", "--from", "plan.yaml"]),
    ("workbook suffix", ["workbook", "-o", "arbetsbok.xyz"]),
    ("workbook format", ["workbook", "-o", "arbetsbok.md", "--to", "json"]),
    ("summary", ["summary", "plan.yaml", "english.yaml", "broken.yaml", "-o", "s.md"]),
    ("summary format", ["summary", "plan.yaml", "--to", "yaml", "-o", "s.yaml"]),
    ("schema", ["schema", "-o", "plan.schema.json"]),
    ("import", ["import", "plan.docx", "-o", "ny-plan.yaml"]),
    ("import dry", ["import", "plan.docx", "-o", "ny-plan.yaml", "--dry-run"]),
    ("import unchanged", ["import", "plan.docx", "--into", "plan.yaml"]),
    ("import nowhere", ["import", "plan.docx"]),
    ("import there", ["import", "plan.docx", "-o", "plan.yaml"]),
    ("status", ["status", "plan.yaml", "missing.yaml", "--today", "2011-03-01"]),
    ("check", ["check", "plan.yaml", "broken.yaml"]),
    ("check option", ["check", "plan.yaml", "--select", "KP999"]),
    ("check severity", ["check", "plan.yaml", "--severity", "KP101"]),
    ("rule", ["rule", "KP999"]),
    ("plugins", ["plugins"]),
]


def _run(folder: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(folder)
    return CliRunner().invoke(main, argv, catch_exceptions=False)


def _lines_of_its_own(name: str, output: str) -> str:
    """What the command says of itself: without plan text and plugins' own descriptions."""
    lines = output.splitlines()
    if name == "status":
        # each item is the plan's own text; the headings are the command's
        lines = [line for line in lines if not line.startswith("  ")]
    if name == "plugins":
        # a plugin describes its exporters in its own words: the kind column is the command's
        lines = [line.split()[0] if line.startswith("  ") else line for line in lines]
    if name == "plugins" or name.startswith("summary"):
        # where a plugin comes from (a distribution's name) and the loader's message are not
        lines = [line.split(" (")[0] for line in lines]
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "argv"), SCENARIOS, ids=[n for n, _ in SCENARIOS])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_command_speaks_one_language(
    plans: Path, monkeypatch: pytest.MonkeyPatch, name: str, argv: list[str], language: str
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8" if language == "sv" else "sv_SE.UTF-8")
    result = _run(plans, [*argv, "--lang", language], monkeypatch)
    assert "Traceback" not in result.output
    said = _lines_of_its_own(name, result.output)
    assert said.strip(), f"{name} said nothing"
    wrong = _own_words(said) & (ENGLISH_ONLY if language == "sv" else SWEDISH_ONLY)
    assert not wrong, f"{name} --lang {language}: {sorted(wrong)} in\n{result.output}"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["export", "plan.yaml", "--to", "md"], "skrev plan.md"),
        (["export", "english.yaml", "--to", "md"], "wrote english.md"),
        (["export", "english.yaml", "--to", "md", "--lang", "sv"], "skrev english.md"),
        (["workbook", "-o", "a.md", "--from", "plan.yaml"], "skrev a.md"),
        (["workbook", "-o", "a.md", "--from", "english.yaml"], "wrote a.md"),
        (["summary", "plan.yaml", "-o", "s.md"], "skrev s.md"),
        (["import", "plan.docx", "--into", "english.yaml"], "english.yaml: no changes"),
    ],
)
def test_a_command_given_a_plan_speaks_its_language(
    plans: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], line: str
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")  # the plan decides, not the locale
    if "english.yaml" in argv and argv[0] != "import":
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = _run(plans, argv, monkeypatch)
    assert line in result.output.splitlines()[-1] or line in result.output, result.output


@pytest.mark.parametrize(
    ("locale", "summary"),
    [
        ("sv_SE.UTF-8", "2 planer: 2 exporterade, 0 misslyckades; 2 filer skrivna på"),
        ("en_GB.UTF-8", "2 plans: 2 exported, 0 failed; 2 files written in"),
    ],
)
def test_plans_in_two_languages_are_summed_up_in_the_locales(
    plans: Path, monkeypatch: pytest.MonkeyPatch, locale: str, summary: str
) -> None:
    monkeypatch.setenv("LANG", locale)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = _run(plans, ["export", "plan.yaml", "english.yaml", "--to", "md", "-j1"], monkeypatch)
    lines = result.output.splitlines()
    # each plan is told of in its own language; the run as a whole in the reader's
    assert "skrev plan.md" in lines and "wrote english.md" in lines
    assert lines[-1].startswith(summary), result.output


def test_plans_in_one_language_are_summed_up_in_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    klusterplan.dump(klusterplan.example(), plans / "norrby.yaml")
    result = _run(plans, ["export", "plan.yaml", "norrby.yaml", "--to", "md", "-j1"], monkeypatch)
    assert result.output.splitlines()[-1].startswith("2 planer: 2 exporterade"), result.output


def test_a_command_without_a_plan_speaks_the_locales(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "sv_SE.UTF-8")
    assert _run(plans, ["new", "a.yaml"], monkeypatch).output == "skrev a.yaml\n"
    assert _run(plans, ["schema", "-o", "s.json"], monkeypatch).output == "skrev s.json\n"
    monkeypatch.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert _run(plans, ["new", "b.yaml"], monkeypatch).output == "wrote b.yaml\n"
    assert _run(plans, ["workbook", "-o", "w.md"], monkeypatch).output == "wrote w.md\n"


def test_ctrl_c_is_told_in_the_commands_language(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import klusterplan.cli.export as export_module

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module, "run_tasks", interrupted)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = _run(plans, ["export", "plan.yaml", "--to", "md"], monkeypatch)
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr.strip() == "klusterplan: avbrutet"
    english = _run(plans, ["export", "plan.yaml", "--to", "md", "--lang", "en"], monkeypatch)
    assert english.stderr.strip() == "klusterplan: interrupted"


def test_str_of_a_finding_is_the_commands_line(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plans)
    for name in ("plan.yaml", "english.yaml"):
        text = (plans / name).read_text(encoding="utf-8")
        Path(f"blank-{name}").write_text(
            text.replace("responsible: ", 'responsible: ""  # '), encoding="utf-8"
        )
        name = f"blank-{name}"
        plan = klusterplan.load(name)
        findings = klusterplan.check(plan, select="KP201")
        assert findings, name
        result = _run(plans, ["check", name, "--select", "KP201", "--all"], monkeypatch)
        shown = result.output.splitlines()[: len(findings)]
        assert [str(f) for f in findings] == shown
        swedish = name == "blank-plan.yaml"
        assert findings[0].language is (Language.SV if swedish else Language.EN)
        assert ("ange vem" in str(findings[0])) is swedish
        # an explicit language wins, and the JSON data is the same whichever the plan's
        assert "say who is responsible" in findings[0].render(language="en")
        assert findings[0].to_json()["message"].startswith("say who is responsible")
        assert "text" not in findings[0].to_json()
        made = klusterplan.Finding("KP201", findings[0].severity, "x", findings[0].message)
        assert str(made).endswith("say who is responsible for this action (ansvar)")
