"""What each command says of itself is in one language: --lang, the plan's, or the locale's.

Every command runs with ``--lang sv`` and ``--lang en``; the lines it prints of
its own (what it wrote, what failed, its summary, its mistakes) must hold no
word that only the other language's messages use. The words come from the
message catalogue itself, so a new message is checked as soon as it is used.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result
from wordfill import open_word, paragraph_after, remove_control, save, type_into

import klusterplan
from klusterplan import Text
from klusterplan._catalogue import messages as _messages
from klusterplan.cli import EXIT_INTERRUPTED, main
from klusterplan.model import Language
from klusterplan.plugins import DEFAULT_PLUGINS, Registry

Run = Callable[..., Result]

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> set[str]:
    # one letter is no word of either language ("a" in a YAML example is a value)
    return {w.lower() for w in _WORD.findall(re.sub(r"\{[^}]*\}", " ", text)) if len(w) > 1}


def _described() -> list[tuple[str, str]]:
    """What the built-in exporters say of themselves and their options, (Swedish, English)."""
    pairs = []
    for exporter in Registry(DEFAULT_PLUGINS, autoload=False).exporters().values():
        for said in (exporter.description, *(exporter.options or {}).values()):
            assert isinstance(said, Text), f"{exporter.name}: {said!r} is in English only"
            pairs.append((said.sv, str(said)))
    return pairs


def _only(language: int) -> set[str]:
    """The words only one side of the catalogue uses: 0 Swedish, 1 English."""
    own: set[str] = set()
    other: set[str] = set()
    for pair in [*_messages._MESSAGES.values(), *_described()]:
        # a message may quote the other language in brackets: "(uppföljning)"
        own |= _words(re.sub(r"\([^)]*\)", " ", pair[language]))
        other |= _words(pair[1 - language])
    for nouns in _messages._NOUNS.values():
        own |= _words(" ".join(nouns[language]))
        other |= _words(" ".join(nouns[1 - language]))
    return own - other


SWEDISH_ONLY = _only(0)
ENGLISH_ONLY = _only(1)


def _own_words(output: str) -> set[str]:
    """The words of the command's own lines, without what it quotes or names.

    Paths, file names, options, codes, kebab-case rule names, snake_case hook
    names and quoted values (plan text, a name the user typed, a document's own
    headings) are the same in both languages.
    """
    # a line indented four spaces quotes the plan file, with a marker under it
    output = "\n".join(line for line in output.splitlines() if not line.startswith("    "))
    text = re.sub(r"”[^”]*”|'[^']*'|`[^`]*`|\"[^\"]*\"", " ", output)
    text = re.sub(r"\S*[/.]\S*|--?[\w-]+|\b\w+(?:[-_]\w+)+\b|\b[A-Z]+\d+\b|\[[\w.]+\]", " ", text)
    return _words(text)


def test_the_catalogue_has_words_of_its_own_on_both_sides() -> None:
    # the check below would pass vacuously if the catalogue shared every word
    assert {"skrev", "misslyckades", "avbrutet", "ändringar"} <= SWEDISH_ONLY
    assert {"wrote", "failed", "interrupted", "changes"} <= ENGLISH_ONLY
    # and for what reading a Word document, a settings file and a plugin say
    assert {"utanför", "infört", "inställning", "insticksmodulen", "hela"} <= SWEDISH_ONLY
    assert {"outside", "applied", "setting", "plugin", "whole"} <= ENGLISH_ONLY


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
    # text an export mends (control characters) and text the PDF font cannot print
    mended = 'schema_version: 1\nlibrary:\n  name: "Bib\\vliotek\\u0001"\n'
    (tmp_path / "mended.yaml").write_text(mended, encoding="utf-8")
    (tmp_path / "glyph.yaml").write_text("schema_version: 1\nlibrary:\n  name: 漢字\n", "utf-8")
    klusterplan.export(example, "docx", tmp_path / "plan.docx")
    _word_documents(tmp_path)
    _settings_files(tmp_path)
    return tmp_path


def _word_documents(folder: Path) -> None:
    """plan.docx edited as people do: text outside any field, a field deleted, a bad value,
    and a value changed that the plan file has changed too since."""
    word = open_word(folder / "plan.docx")
    paragraph_after(word, "Vi tänker ändå inte", "Glöm inte bokbussen!")
    remove_control(word, "dialogue_forum.held")
    save(word, folder / "outside.docx")
    word = open_word(folder / "plan.docx")
    type_into(word, "target_groups[2].votes", "åtta")
    save(word, folder / "unreadable.docx")
    word = open_word(folder / "plan.docx")
    type_into(word, "target_groups[0].votes", "9")
    save(word, folder / "changed.docx")
    docx.Document().save(str(folder / "other.docx"))  # a Word document of someone else's
    with zipfile.ZipFile(folder / "parts.docx", "w") as archive:
        archive.writestr("readme.txt", "no document in here")
    plan = (folder / "plan.yaml").read_text(encoding="utf-8")
    (folder / "changed.yaml").write_text(plan.replace("votes: 8", "votes: 5", 1), encoding="utf-8")
    assert klusterplan.load(folder / "changed.yaml").target_groups[0].votes == 5


#: Settings files with each kind of mistake, for ``check --config``.
SETTINGS = {
    "toml": "select = [\n",
    "unknown": 'select = ["KP1"]\nignroe = ["KP104"]\n',
    "hyphen": 'fail-on = "warning"\nfail_on = "info"\n',
    "type": "select = 3\n",
    "severity": '[severity]\nKP105 = "loud"\n',
    "severity-table": 'severity = "error"\n',
    "plugins": "plugins = 3\n",
    "code": 'ignore = ["KP999"]\n',
}


def _settings_files(folder: Path) -> None:
    for name, text in SETTINGS.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    (folder / "pyproject.toml").write_text("[tool.other]\n", encoding="utf-8")


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
    ("export mended", ["export", "mended.yaml", "--to", "pdf,docx"]),
    ("export glyph", ["export", "glyph.yaml", "--to", "pdf"]),
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
    ("import outside", ["import", "outside.docx", "-o", "ny-plan.yaml"]),
    ("import unreadable", ["import", "unreadable.docx", "-o", "ny-plan.yaml"]),
    ("import not applied", ["import", "changed.docx", "--into", "changed.yaml", "--dry-run"]),
    ("import not ours", ["import", "other.docx", "-o", "ny-plan.yaml"]),
    ("import no word", ["import", "parts.docx", "-o", "ny-plan.yaml"]),
    ("status", ["status", "plan.yaml", "missing.yaml", "--today", "2011-03-01"]),
    ("check", ["check", "plan.yaml", "broken.yaml"]),
    ("check option", ["check", "plan.yaml", "--select", "KP999"]),
    ("check word", ["check", "outside.docx"]),
    ("check severity", ["check", "plan.yaml", "--severity", "KP101"]),
    ("check severity level", ["check", "plan.yaml", "--severity", "KP101=loud"]),
    *[
        (f"settings {name}", ["check", "plan.yaml", "--config", f"{name}.toml"])
        for name in SETTINGS
    ],
    ("settings missing", ["check", "plan.yaml", "--config", "missing.toml"]),
    ("settings no table", ["check", "plan.yaml", "--config", "pyproject.toml"]),
    ("export pdf option", ["export", "plan.yaml", "--to", "pdf", "--option", "pdf.fnt=x.ttf"]),
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
    if name == "settings toml":
        # the TOML parser's own account of where the file breaks is quoted as it is
        lines = [re.sub(r"TOML: .*?; ", "TOML: ; ", line) for line in lines]
    if name == "plugins":
        # an installed plugin's exporters in its own words; klusterplan's own are checked
        builtin = False
        kept = []
        for line in lines:
            if not line.startswith("  "):
                builtin = line.startswith("klusterplan.")
            kept.append(line if builtin or not line.startswith("  ") else line.split()[0])
        lines = kept
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
    # one run speaks one language: plans in two languages are told of in the reader's
    wrote = "skrev" if locale.startswith("sv") else "wrote"
    assert f"{wrote} plan.md" in lines and f"{wrote} english.md" in lines
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


#: Installed plugins with every mistake klusterplan reports of a plugin, and two exporters:
#: one described in both languages, one in English only.
_PLUGINS = {
    "kp_broken": 'raise RuntimeError("kp42")\n',
    "kp_raising": """
        from klusterplan import hookimpl

        @hookimpl
        def register_exporters():
            raise ValueError("kp43")
    """,
    "kp_misnamed": """
        from klusterplan import hookimpl

        @hookimpl
        def register_exporter():
            return []
    """,
    "kp_unmarked": """
        def register_rules():
            return []
    """,
    "kp_badcode": """
        from klusterplan import Rule, Severity, hookimpl

        @hookimpl
        def register_rules():
            return [Rule("X1", "bad-code", Severity.INFO, "s.", "e.", lambda plan, context: ())]
    """,
    **{
        f"kp_{name}": f"""
        from klusterplan import Severity, hookimpl, rule

        @rule("ZZ101", "{name}-rule", Severity.WARNING, "A rule.", "Explained.")
        def check(plan, context):
            return iter(())

        @hookimpl
        def register_rules():
            return [check]
    """
        for name in ("alpha", "beta")
    },
    "kp_poster": """
        from klusterplan import Exporter, Text, hookimpl

        def write(plan, stream, context):
            stream.write(b"poster")

        @hookimpl
        def register_exporters():
            return [
                Exporter(
                    "poster",
                    ".txt",
                    Text("The plan as a poster", "Planen som affisch"),
                    write,
                    options={"poster.size": Text("the paper size", "pappersformatet")},
                ),
                Exporter("plain", ".txt", "Plain words of its own", write),
            ]
    """,
}

#: What the command says of each, in Swedish and in English.
_SAID = {
    "sv": [
        "insticksmodulen 'broken': gick inte att läsa in (kp-mixed 1.0): RuntimeError: kp42",
        "insticksmodulen 'raising': kroken register_exporters gav felet ValueError: kp43",
        "insticksmodulen 'misnamed': implementerar 'register_exporter', som inte är någon krok "
        "i klusterplan; menade du 'register_exporters'? (den anropas aldrig)",
        "insticksmodulen 'unmarked': 'register_rules' är inte märkt med @klusterplan.hookimpl "
        "och anropas därför aldrig",
        "insticksmodulen 'badcode': regelkoden 'X1' är inte versaler följda av tre siffror; "
        "lämnas utanför",
        "insticksmodulen 'beta': både insticksmodulen 'alpha' och insticksmodulen 'beta' gör "
        "anspråk på regelkoden ZZ101; lämnas utanför 'beta'",
    ],
    "en": [
        "plugin 'broken': failed to load (kp-mixed 1.0): RuntimeError: kp42",
        "plugin 'raising': hook register_exporters raised ValueError: kp43",
        "plugin 'misnamed': implements 'register_exporter', which is not a klusterplan hook; "
        "did you mean 'register_exporters'? (it is never called)",
        "plugin 'unmarked': 'register_rules' is not marked with @klusterplan.hookimpl, "
        "so it is never called",
        "plugin 'badcode': rule code 'X1' is not capital letters followed by three digits; "
        "left out",
        "plugin 'beta': rule code ZZ101 is claimed by both plugin 'alpha' and plugin 'beta'; "
        "left out of 'beta'",
    ],
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_what_the_command_says_of_plugins_is_in_one_language(
    plans: Path, monkeypatch: pytest.MonkeyPatch, install: Any, language: str
) -> None:
    entry = "\n".join(f"{module[3:]} = {module}" for module in _PLUGINS)
    install("kp-mixed", _PLUGINS, entry)
    other = ENGLISH_ONLY if language == "sv" else SWEDISH_ONLY
    listed = _run(plans, ["plugins", "--lang", language], monkeypatch)
    checked = _run(plans, ["check", "plan.yaml", "--lang", language], monkeypatch)
    assert checked.exit_code == 2  # two plugins claim one code: the check cannot be trusted
    for said in _SAID[language]:
        assert said in listed.output, listed.output
        assert "klusterplan: " in checked.output and said in checked.output, checked.output
    for name, output in (("plugins", listed.output), ("check", checked.output)):
        wrong = _own_words(_lines_of_its_own(name, output)) & other
        assert not wrong, f"{name} --lang {language}: {sorted(wrong)} in\n{output}"
    # an exporter said in both languages is listed in the reader's; one in English, as it is
    described = "Planen som affisch" if language == "sv" else "The plan as a poster"
    assert f"poster       {described}" in listed.output
    assert "plain        Plain words of its own" in listed.output
    option = _run(
        plans,
        ["export", "plan.yaml", "--to", "poster", "--option", "size=a3", "--lang", language],
        monkeypatch,
    )
    size = "pappersformatet" if language == "sv" else "the paper size"
    assert f"poster.size ({size})" in option.output, option.output


def test_the_built_in_exporters_are_listed_in_the_readers_language(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swedish = _run(plans, ["plugins", "--lang", "sv"], monkeypatch).output
    english = _run(plans, ["plugins", "--lang", "en"], monkeypatch).output
    assert (
        "format  docx         Hela planen, eller arbetsboken för workshoppen, som Word-dokument"
        in (swedish)
    )
    assert (
        "exporter  docx         The whole plan, or the workshop workbook, as a Word document"
        in (english)
    )


def test_an_import_that_applies_nothing_does_not_say_the_plan_agrees(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (plans / "changed.yaml").read_text(encoding="utf-8")
    result = _run(plans, ["import", "changed.docx", "--into", "changed.yaml"], monkeypatch)
    assert "inte" in result.output  # the notice of what was not applied
    assert "changed.yaml: inget ändrat; det som inte kunde föras in står ovan" in result.output
    assert "säger redan" not in result.output
    assert (plans / "changed.yaml").read_text(encoding="utf-8") == before
