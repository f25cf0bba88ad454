"""The bad-input corpus: every broken or hostile plan gives its message and exit code.

Each file in ``corpus/`` goes through ``klusterplan check`` and ``klusterplan
export`` as a user would run them. None may end in a traceback (the command
runs with exceptions propagating, so one would fail the test), and none may
leave a file behind. Inputs too large to keep in the repository are made by
the tests below the table.
"""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import klusterplan

CORPUS = Path(__file__).parent / "corpus"
Run = Callable[..., Result]

# file, the exit code of `check`, what its output must say
CASES: list[tuple[str, int, str]] = [
    ("key-int.yaml", 2, "key-int.yaml:3: library: the key 1 is not a name"),
    ("key-null.yaml", 2, "key-null.yaml:2: the key null is not a name"),
    ("key-bool-nested.yaml", 2, ":4: target_groups[0]: the key true is not a name"),
    ("key-int.json", 2, "actions[0].1: unknown key; allowed keys are horizon"),
    ("votes-4000-digits.yaml", 2, ":4: target_groups[0].votes: a number of 4000 digits"),
    ("votes-10e309.json", 2, "target_groups[0].votes: a number of 310 digits"),
    ("votes-5000-digits.yaml", 2, ":4: not valid YAML: '9999"),
    ("votes-5000-digits.json", 2, "not valid JSON: a number of more than 4,300 digits"),
    ("votes-5000-digits.toml", 2, "not valid TOML: a number of more than 4,300 digits"),
    ("votes-inf.yaml", 2, ":4: target_groups[0].votes: expected an integer"),
    ("votes-nan.json", 2, "target_groups[0].votes: expected an integer, got the number nan"),
    ("budget-negative-huge.toml", 2, "communication_plan.budget: a number of 16 digits"),
    ("surrogate.json", 2, "library.name: the text holds U+D800 at character 11"),
    ("surrogate-key.json", 2, "holds U+DC00 at character 3, half of a character pair"),
    ("date-feb-30.yaml", 2, ":3: not valid YAML: '2011-02-30' is not a valid date"),
    ("date-feb-30.toml", 2, ":3: not valid TOML: '2011-02-30' is not a date there is"),
    ("date-text.yaml", 2, ":3: library.date: expected a date written as YYYY-MM-DD"),
    ("merge-key.yaml", 1, "checked"),
    ("tag-unknown.yaml", 2, ":2: not valid YAML: unknown tag !foo; a plan uses no tags"),
    ("tag-python.yaml", 2, ":2: not valid YAML: the tag !!python/object/apply:os.system"),
    ("tag-python-name.yaml", 2, "would build a Python object"),
    ("bom.yaml", 1, "1 plan checked"),
    ("bom.toml", 1, "1 plan checked"),
    ("bom.json", 1, "1 plan checked"),
    ("unclosed.yaml", 2, "unclosed.yaml:2: not valid YAML: a bracket is never closed"),
    ("bad-indent.yaml", 2, "bad-indent.yaml:4: not valid YAML"),
    ("trailing-comma.json", 2, "trailing-comma.json:2: not valid JSON: a comma after the last"),
    ("bad.toml", 2, "bad.toml:2: not valid TOML: the heading lacks its ]"),
    ("library-list.json", 2, ":1: library: expected a mapping of keys, got a list"),
    ("votes-text.yaml", 2, ":4: target_groups[0].votes: expected an integer, got the text"),
    ("name-number.yaml", 2, ":3: library.name: expected text, got the number 3"),
    ("groups-mapping.yaml", 2, ":2: target_groups: expected a list, got a mapping"),
    ("segment-c.yaml", 2, ":4: target_groups[0].segment: expected one of A, B"),
    ("action-horizon.toml", 2, "actions[0].horizon: expected one of immediate, long_term"),
    ("persona-age-text.json", 2, "target_groups[0].persona.age: expected an integer"),
    ("roles-text.yaml", 2, ":4: actions[0].roles: expected a list, got the text"),
    ("unknown-key.yaml", 2, ":3: library.nmae: unknown key; did you mean 'name'?"),
    ("unknown-key-escape.yaml", 2, "library.evil\\x1b]0;pwned\\x07\\x1b[2J: unknown key"),
    ("empty.yaml", 2, "empty.yaml: a plan is a mapping of keys, got an empty file"),
    ("only-comment.yaml", 2, "a plan is a mapping of keys, got an empty file"),
    ("empty.json", 2, "empty.json:1: not valid JSON: the file is empty"),
    ("empty.toml", 2, "empty.toml: schema_version is missing"),
    ("top-list.yaml", 2, "top-list.yaml:1: a plan is a mapping of keys, got a list"),
    ("top-text.json", 2, "a plan is a mapping of keys, got the text 'a plan'"),
    ("no-version.yaml", 2, "schema_version is missing; add `schema_version: 1`"),
    ("version-2.yaml", 2, "this release reads schema_version 1, got the number 2"),
    ("version-text.toml", 2, "this release reads schema_version 1, got the text '1'"),
    ("duplicate.yaml", 2, "duplicate.yaml:4: not valid YAML: duplicate key 'name'"),
    ("duplicate.json", 2, "not valid JSON: duplicate key 'name'"),
    ("alias-bomb.yaml", 2, "the file expands to more than 2,000,000 values"),
    ("deep-block.yaml", 2, ":33: x.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a"),
    ("control-chars.yaml", 1, "1 plan checked"),
    ("utf16.yaml", 2, "utf16.yaml: UTF-16 text; save the file as UTF-8"),
    (
        "latin1.yaml",
        1,
        "latin1.yaml:3: KP004 info: the file is not saved as UTF-8, so it was read as ANSI",
    ),
    ("nul.yaml", 2, "nul.yaml:3: holds a NUL byte, so it is not a text file"),
    ("binary.yaml", 2, "binary.yaml:1: holds NUL bytes, so it is not a text file"),
    ("gzip.json", 2, "gzip.json:1: holds NUL bytes"),
    # å, ä and ö decomposed, as macOS stores them; the id referred to decomposed
    ("decomposed.yaml", 1, "1 plan checked"),
    ("yaml11-octal.yaml", 2, ":4: target_groups[0].votes: 010 is not read as a number: a lead"),
    ("yaml11-sexagesimal.yaml", 2, "1:20 is not read as a number: a colon made it a number in"),
    ("yaml11-hex.yaml", 2, "0x10 is not read as a number: 0x, 0o and 0b make it a number in"),
    ("datetime.toml", 2, "library.date: expected a date, got a date and time, 2011-03-01 10"),
    ("datetime.yaml", 2, ":4: library.date: expected a date, got a date and time"),
    ("datetime.json", 2, ":3: library.date: expected a date, got a date and time, 2011-03-01"),
    # a word of 65,536 bytes, a letter of two bytes across Typst's 65,535
    ("long-word-multibyte.yaml", 1, "1 plan checked"),
    # Word documents: read back with every bound held
    ("docx-unclosed-comment.docx", 2, "word/document.xml is not well-formed XML: Comment not"),
    ("docx-index-huge.docx", 2, "the mark names item 100000000 of target_groups, but the"),
    ("docx-index-carried.docx", 2, "but the plan the document carries has 0; klusterplan did"),
    ("docx-index-star.docx", 1, "1 plan checked"),
    ("docx-tag-language.docx", 2, "language: on the cover: expected one of sv, en, got"),
    ("docx-votes-5000-digits.docx", 2, "target_groups[0].votes: on the cover: a number of 5000"),
    ("docx-bookmark-5000-digits.docx", 1, "1 plan checked"),
    ("docx-part-5000-digits.docx", 1, "1 plan checked"),
    ("docx-carried-deep.docx", 2, "(the plan it carries): not valid JSON: nested too deeply"),
    ("docx-carried-surrogate.docx", 2, "library.name: the text holds U+D800 at character 2"),
]
# every built-in format, and the calendar plugin's
ALL = ("markdown", "json", "yaml", "toml", "docx", "pdf", "html", "pdf-ua", "ics")
SUFFIXES = ("md", "json", "yaml", "toml", "docx", "pdf", "html", "ua.pdf", "ics")


def test_the_corpus_is_complete() -> None:
    assert sorted(name for name, _, _ in CASES) == sorted(
        p.name for p in CORPUS.iterdir() if p.is_file()
    )
    assert sorted(LOGOS) == sorted(p.name for p in (CORPUS / "logos").iterdir())


# broken logos a plugin's branding may return: file, what the refusal says
LOGOS = {
    "bomb-30000x30000.png": "the logo claims far more pixels than the limit of 25 megapixels",
    "over-limit-6000x5000.png": "6000 × 5000 pixels, over the limit of 25 megapixels",
    "zero-0x0.png": "left out",
    "truncated.png": "the logo cannot be read as a picture",
    "truncated.jpg": "the logo cannot be read as a picture",
    "garbage.jpg": "the logo cannot be read as a picture",
}


@pytest.mark.parametrize("name", sorted(LOGOS))
def test_a_broken_logo_is_left_out_of_every_document(tmp_path: Path, name: str) -> None:
    from klusterplan import Branding, Logo, hookimpl, testing

    data = (CORPUS / "logos" / name).read_bytes()

    class Look:
        @staticmethod
        @hookimpl
        def branding(plan: klusterplan.Plan, format: str) -> Branding:
            return Branding(logo=Logo(data, "Kommunens logotyp"))

    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    formats = ["docx", "pdf", "html", "markdown"]
    try:
        import typst  # noqa: F401

        formats.append("pdf-ua")
    except ImportError:
        pass
    registry = testing.make_registry(Look, builtins=True)
    with testing.use_registry(registry), pytest.warns(klusterplan.PluginWarning) as warned:
        outcomes = klusterplan.export_many(
            [tmp_path / "plan.yaml"],
            formats,
            tmp_path / "out",
            options=klusterplan.ExportOptions(language=klusterplan.Language.EN),
        )
    assert outcomes[0].ok, outcomes[0].problems
    assert any(LOGOS[name] in str(w.message) for w in warned), [str(w.message) for w in warned]
    assert "plugin 'Look'" in str(warned[0].message)
    assert "object at 0x" not in str(warned[0].message)  # no Python repr reaches the reader
    assert len(_files(tmp_path / "out")) == len(formats)
    command = ["export", str(tmp_path / "plan.yaml"), "--to", ",".join(formats), "--lang", "en"]
    result = testing.invoke([*command, "-o", f"{tmp_path}/command/"], Look)
    assert result.exit_code == 0, result.output
    assert LOGOS[name] in result.stderr and "Traceback" not in result.output
    assert len(_files(tmp_path / "command")) == len(formats)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(("name", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_check_says_what_is_wrong(
    run: Run, tmp_path: Path, name: str, code: int, message: str
) -> None:
    (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    result = run("check", "--lang", "en", name)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output  # the terminal never gets an escape sequence


@pytest.mark.parametrize(("name", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_export_writes_all_or_nothing(
    run: Run, tmp_path: Path, name: str, code: int, message: str
) -> None:
    (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    result = run("export", name, "--to", ",".join(ALL), "-o", "out")
    written = _files(tmp_path / "out")
    if code == 2:
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert written == []
    else:  # loads: every format is written, nothing else
        assert result.exit_code == 0, result.output
        stem = Path(name).stem
        assert written == sorted(f"{stem}.{s}" for s in SUFFIXES)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", '{"schema_version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("deep.toml", "schema_version = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("deep.yaml", "schema_version: 1\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("deep-map.json", '{"schema_version": 1, "x": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001),
    ],
)
def test_nesting_a_hundred_thousand_deep_is_refused(
    run: Run, tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("check", name)
    assert result.exit_code == 2
    assert "nest" in result.output  # "nested too deeply" or "exceeded maximum nesting depth"


def test_a_file_over_the_size_limit(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    monkeypatch.setenv("KLUSTERPLAN_MAX_PLAN_BYTES", "1000")
    result = run("check", "plan.yaml")
    assert result.exit_code == 2
    # the example plan is Swedish, and so is what the command says of its file (its dump,
    # with every key of the document information)
    assert "52\u00a0395 byte är mer än de 1\u00a0000 en planfil får vara" in result.output
    english = run("check", "plan.yaml", "--lang", "en")
    assert "bytes is larger than the 1,000 a plan file may be" in english.output
    with pytest.raises(klusterplan.PlanError, match="larger than the 100 a plan"):
        klusterplan.load(tmp_path / "plan.yaml", limits=klusterplan.Limits(max_bytes=100))


def test_a_text_over_the_length_limit(run: Run, tmp_path: Path) -> None:
    (tmp_path / "long.yaml").write_text(
        "schema_version: 1\nlibrary:\n  name: x\n  author: " + "a" * 100_001 + "\n",
        encoding="utf-8",
    )
    result = run("check", "long.yaml")
    assert result.exit_code == 2
    assert "long.yaml:4: library.author: a text of 100,001 characters" in result.output


def test_keys_that_are_not_names_in_swedish_at_their_own_lines(run: Run, tmp_path: Path) -> None:
    (tmp_path / "keys.yaml").write_text(
        "schema_version: 1\nlanguage: sv\nlibrary:\n  name: x\n  2011-01-01: z\n  true: y\n"
        '  "a": 1\n',
        encoding="utf-8",
    )
    (tmp_path / "big.json").write_text(
        '{\n  "schema_version": 1,\n  "language": "sv",\n  "library": {"name": "'
        + "å" * 100_001
        + '"}\n}\n',
        encoding="utf-8",
    )
    result = run("check", "keys.yaml")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[1:] == [
        "  keys.yaml:5: library: nyckeln 2011-01-01 är inget namn; nycklar är namn som 'name' "
        "eller 'votes' (sätt den inom citattecken om den är menad som text)",
        "  keys.yaml:6: library: nyckeln true är inget namn; nycklar är namn som 'name' "
        "eller 'votes' (sätt den inom citattecken om den är menad som text)",
    ]
    result = run("check", "big.json")
    assert "big.json:4: library.name: en text på 100\u00a0001 tecken" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs devices and named pipes")
def test_devices_and_pipes_are_not_read(run: Run, tmp_path: Path) -> None:
    names = ["zero.yaml", "pipe.yaml", "zero.docx", "random.docx", "pipe.docx"]
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "zero.docx").symlink_to("/dev/zero")
    (tmp_path / "random.docx").symlink_to("/dev/urandom")
    os.mkfifo(tmp_path / "pipe.yaml")  # nothing writes to it: reading it would wait forever
    os.mkfifo(tmp_path / "pipe.docx")
    result = run("check", *names)
    assert result.exit_code == 2
    for name in names:
        assert f"{name}: not a regular file" in result.output
    result = run("export", *names, "--to", ",".join(ALL), "-o", "out")
    assert result.exit_code == 2
    assert _files(tmp_path / "out") == []
    assert run("check", str(tmp_path)).exit_code == 2


def test_an_alias_bomb_costs_little_memory() -> None:
    text = (CORPUS / "alias-bomb.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(klusterplan.PlanError, match="expands to more than"):
            klusterplan.loads(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024  # 10**9 values if expanded; the walk stops at the budget


def _docx_with(part: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(klusterplan.example(), "docx", stream)
    out = io.BytesIO()
    with zipfile.ZipFile(stream) as source, zipfile.ZipFile(out, "w", compress) as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == part else source.read(info))
        if part not in source.namelist():
            target.writestr(part, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("bomb", "(a zip bomb?); refused"),
        ("entities", "declares a DTD or entities"),
        ("external", "declares a DTD or entities"),
        ("not-zip", "not a Word document (.docx): it is not a zip package"),
    ],
)
def test_hostile_templates_are_refused(run: Run, tmp_path: Path, kind: str, message: str) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
        + ']><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "&lol9;</w:styles>"
    )
    makers: dict[str, Callable[[], bytes]] = {
        "bomb": lambda: _docx_with("word/media/zeros.bin", b"\0" * (16 * 1024 * 1024)),
        "entities": lambda: _docx_with("word/styles.xml", laughs.encode()),
        "external": lambda: _docx_with(
            "word/styles.xml",
            b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><s>&x;</s>',
        ),
        "not-zip": lambda: b"PK\x03\x04 not really",
    }
    data = makers[kind]()
    (tmp_path / "mall.docx").write_bytes(data)
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "docx", "--template", "mall.docx", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "--template mall.docx: " in result.output
    assert message in result.output
    # the Swedish plan is told of in Swedish
    swedish = run("export", "plan.yaml", "--to", "docx", "--template", "mall.docx")
    assert swedish.exit_code == 2 and message not in swedish.output
    assert any(word in swedish.output for word in ("delen", "packas", "Word-dokument"))
    assert not (tmp_path / "plan.docx").exists()
    with pytest.raises(klusterplan.PlanError, match="--template"):
        klusterplan.export(
            klusterplan.example(),
            "docx",
            io.BytesIO(),
            klusterplan.ExportOptions(template=tmp_path / "mall.docx"),
        )
