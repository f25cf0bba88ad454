"""Input at the edges: decomposed letters, huge counts and words, far dates, odd settings.

Each case runs as a user or a developer meets it (the command, or the public
API) and ends in the right result or a message with exit code 2. The costs
that used to grow with the square of the input are measured at n, 10n and
100n, as operation counts or as time ratios within the same run, never
against a clock.
"""

from __future__ import annotations

import enum
import errno
import io
import os
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from click.testing import Result

import klusterplan

Run = Callable[..., Result]
CORPUS = Path(__file__).parent / "corpus"


# -- Unicode ---------------------------------------------------------------------------


def test_decomposed_letters_are_read_composed(run: Run, tmp_path: Path) -> None:
    (tmp_path / "mac.yaml").write_bytes((CORPUS / "decomposed.yaml").read_bytes())
    assert "a\u030a" in (tmp_path / "mac.yaml").read_text(encoding="utf-8")
    plan = klusterplan.load(tmp_path / "mac.yaml")
    assert plan.library.name == "Växjö stadsbibliotek"
    assert unicodedata.is_normalized("NFC", plan.target_groups[0].name)
    # the id typed composed and the reference typed decomposed are one id
    assert plan.campaign.groups[0].target_group == plan.target_groups[0].id == "åsa"
    checked = run("check", "--lang", "en", "mac.yaml")
    assert "campaign.groups[0].target_group" not in checked.output
    result = run("export", "mac.yaml", "--to", "pdf,pdf-ua", "-o", "out", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["mac.pdf", "mac.ua.pdf"]


# -- costs that grow with the input ----------------------------------------------------


def _best(action: Callable[[], object], times: int) -> float:
    # CPU time of this process: other work on a shared machine slows the clock on
    # the wall, not the time this process itself spends
    best = float("inf")
    for _ in range(times):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def _unknown_keys(n: int) -> str:
    return "schema_version: 1\nlibrary:\n  name: x\n" + "".join(f"  k{i}: 1\n" for i in range(n))


def _type_errors(n: int) -> str:
    return "schema_version: 1\ntarget_groups:\n" + "".join(
        f"  - id: g{i}\n    votes: x\n" for i in range(n)
    )


@pytest.mark.parametrize("make", [_unknown_keys, _type_errors], ids=["unknown-keys", "types"])
def test_reporting_problems_grows_with_their_number(make: Callable[[int], str]) -> None:
    def report(n: int) -> Callable[[], object]:
        text = make(n)

        def action() -> object:
            with pytest.raises(klusterplan.PlanError) as caught:
                klusterplan.loads(text, source="plan.yaml")
            assert len(caught.value.problems) == n
            return caught.value.render()

        return action

    base = _best(report(100), 5)
    ten = _best(report(1_000), 3)
    hundred = _best(report(10_000), 2)
    # Linear, each problem costing a little more in a larger file (memory, caches), gives
    # about 25 and 300 here (twice that on a busy machine); a report that splits the
    # file for each problem gives four to six thousand at 100 times the problems.
    assert ten / base < 50, (base, ten)
    assert hundred / base < 2000, (base, hundred)


def _plan_with_name(name: str) -> klusterplan.Plan:
    example = klusterplan.example()
    groups = example.target_groups
    return attrs.evolve(example, target_groups=(attrs.evolve(groups[0], name=name), *groups[1:]))


@pytest.fixture
def measured_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Characters reportlab and the PDF exporter measure, counted as they are measured."""
    from reportlab.platypus import paragraph

    from klusterplan.exporters import _pdf_layout, _pdf_lines

    counted = [0]
    for module in (paragraph, _pdf_layout, _pdf_lines):
        if not hasattr(module, "stringWidth"):
            continue
        original = module.stringWidth

        def counting(text: str, *args: object, _original: object = original) -> float:
            counted[0] += len(text)
            return _original(text, *args)  # type: ignore[operator, no-any-return]

        monkeypatch.setattr(module, "stringWidth", counting)
    yield counted


def test_a_long_word_costs_the_pdf_work_that_grows_with_it(measured_pdf: list[int]) -> None:
    def measured(n: int) -> int:
        measured_pdf[0] = 0
        klusterplan.export(_plan_with_name("a" * n), "pdf", io.BytesIO())
        return measured_pdf[0]

    base, ten, hundred = measured(600), measured(6_000), measured(60_000)
    # cut a line at a time: about n log n; a character at a time on each page: n squared
    assert ten / base < 20, (base, ten)
    assert hundred / base < 400, (base, hundred)


def test_a_long_word_costs_the_word_chart_work_that_grows_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import ImageFont

    counted = [0]
    original = ImageFont.FreeTypeFont.getlength

    def counting(self: ImageFont.FreeTypeFont, text: str, *args: object, **kw: object) -> float:
        counted[0] += len(text)
        return original(self, text, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageFont.FreeTypeFont, "getlength", counting)

    def measured(n: int) -> int:
        counted[0] = 0
        stream = io.BytesIO()
        klusterplan.export(_plan_with_name("a" * n), "docx", stream)
        return counted[0]

    base, ten, hundred = measured(1_000), measured(10_000), measured(99_999)
    assert ten / base < 20, (base, ten)
    assert hundred / base < 400, (base, hundred)


# -- the tagged PDF ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["\ue000\ue001", "\u3000\u3000"], ids=["private", "spaces"])
def test_a_name_that_shows_nothing_is_flagged_and_refused(
    run: Run, tmp_path: Path, name: str
) -> None:
    plan = _plan_with_name(name)
    klusterplan.dump(attrs.evolve(plan, language=klusterplan.Language.EN), tmp_path / "p.yaml")
    checked = run("check", "p.yaml")
    assert "target_groups[0].name" in checked.output
    assert ("KP703" in checked.output) or ("KP702" in checked.output)
    result = run("export", "p.yaml", "--to", "pdf-ua,md", "-o", "out")
    assert result.exit_code == 2, result.output
    assert "shows no visible character, and PDF/UA needs text in every heading" in result.output
    assert "a bug" not in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["p.md"]  # the others go on


def test_the_check_names_a_private_use_name_in_swedish(run: Run, tmp_path: Path) -> None:
    klusterplan.dump(_plan_with_name("\ue000"), tmp_path / "p.yaml")
    result = run("check", "p.yaml")
    assert "KP703" in result.output
    assert "KP703 fel target_groups[0].name" in result.output
    assert "namnet '\\ue000' har inget tecken som syns" in result.output


# -- dates and settings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--today", "9999-12-31"),
        ("status", "--within", "99999999999"),
        ("summary", "--today", "9999-12-31"),
        ("summary", "--within", str(10**20), "--to", "json"),
    ],
)
def test_far_dates_end_the_period_on_the_last_day(
    run: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    command, *rest = args
    result = run(command, "plan.yaml", *rest)
    assert result.exit_code in (0, 1), result.output
    if command == "status":
        assert "9999-12-31" in result.output


def test_a_deeply_nested_setting_is_refused(run: Run, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.klusterplan]\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("check", "--lang", "en", "plan.yaml")
    assert result.exit_code == 2
    assert "pyproject.toml: not valid TOML: values nested too deeply" in result.output


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_as_settings_file_is_named_for_what_it_is(run: Run, tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("check", "--lang", "en", "plan.yaml", "--config", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: is not a regular file (a device, a pipe or a socket)" in result.output
    assert "does not exist" not in result.output
    assert "no such" not in result.output


# -- templates ------------------------------------------------------------------------------


def _docx_with(part: str, data: bytes) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(klusterplan.example(), "docx", stream)
    out = io.BytesIO()
    with zipfile.ZipFile(stream) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == part else source.read(info))
    return out.getvalue()


def _xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheets/></workbook>',
        )
    return out.getvalue()


_STYLES = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        (
            "lower.docx",
            lambda: _docx_with(
                "word/styles.xml", b'<?xml version="1.0"?><!doctype s [<!entity x "y">]><s/>'
            ),
            "declares a DTD or entities",
        ),
        (
            "wide.docx",
            lambda: _docx_with(
                "word/styles.xml",
                (
                    '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE s [<!ENTITY x "y">]>'
                    + _STYLES
                ).encode("utf-32"),
            ),
            "declares a DTD or entities",
        ),
        ("text.docx", lambda: _docx_with("word/styles.xml", b"not xml <<"), "is not well-formed"),
        ("sheet.xlsx", _xlsx, "not a Word document"),
    ],
)
def test_templates_that_are_not_word_templates_are_refused(
    run: Run, tmp_path: Path, name: str, make: Callable[[], bytes], said: str
) -> None:
    (tmp_path / name).write_bytes(make())
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "docx", "--template", name, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"--template {name}: " in result.output
    assert said in result.output
    assert "a bug" not in result.output
    assert not (tmp_path / "plan.docx").exists()


# -- plan files read as written -------------------------------------------------------------


def test_older_yaml_numbers_in_text_fields_are_the_text_typed() -> None:
    plan = klusterplan.loads("schema_version: 1\nlibrary:\n  name: 010\n  period: 2011:2012\n")
    assert (plan.library.name, plan.library.period) == ("010", "2011:2012")
    plan = klusterplan.loads("schema_version: 1\ntarget_groups:\n  - {id: a, votes: 1_000}\n")
    assert plan.target_groups[0].votes == 1000


def test_older_yaml_numbers_are_told_of_in_swedish(run: Run, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_bytes((CORPUS / "yaml11-octal.yaml").read_bytes())
    result = run("check", "--lang", "sv", "p.yaml")
    assert result.exit_code == 2
    assert "010 läses inte som ett tal: en inledande 0 gjorde det till ett oktalt tal (8)" in (
        result.output
    )


# -- the command's own choices ---------------------------------------------------------------


def test_one_format_named_three_ways_is_written_once(run: Run, tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("export", "plan.yaml", "--to", "md,markdown,MD", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.output.count("plan.md") == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["plan.md"]
    from klusterplan._export.batch import plan_tasks

    tasks = plan_tasks([str(tmp_path / "plan.yaml")], "md,Markdown", tmp_path)
    assert [[fmt for fmt, _ in t.targets] for t in tasks] == [["markdown"]]


def test_a_full_disk_is_told_of_in_swedish(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from klusterplan._export import export as _export

    def full(data: bytes, dest: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest))

    monkeypatch.setattr(_export, "deliver", full)
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")  # a Swedish plan
    result = run("export", "plan.yaml", "--to", "md", "-o", "out")
    assert result.exit_code != 0
    assert "kan inte skrivas: det finns inget utrymme kvar på disken" in result.output


# -- the Python API used wrongly --------------------------------------------------------------


class _Name(str):
    """A string a caller marked up in its own class."""


class _Votes(enum.IntEnum):
    MANY = 7


def test_dumps_writes_subclasses_of_text_and_numbers_as_plain_values() -> None:
    example = klusterplan.example()
    plan = attrs.evolve(
        example,
        library=attrs.evolve(example.library, name=_Name("Byköping")),
        target_groups=(
            attrs.evolve(example.target_groups[0], votes=_Votes.MANY),
            *example.target_groups[1:],
        ),
    )
    for fmt in ("yaml", "json", "toml"):
        back = klusterplan.loads(klusterplan.dumps(plan, fmt), fmt)
        assert back.library.name == "Byköping"
        assert back.target_groups[0].votes == 7
        assert type(back.target_groups[0].votes) is int


def test_export_takes_a_path_as_bytes(tmp_path: Path) -> None:
    target = os.fsencode(tmp_path / "x.md")
    klusterplan.export(klusterplan.example(), "md", target)
    assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith("#")
    with pytest.raises(TypeError, match="a path or a binary stream, got int"):
        klusterplan.export(klusterplan.example(), "md", 5)  # type: ignore[arg-type]


def test_export_options_take_a_language_code() -> None:
    options = klusterplan.ExportOptions(language="EN")
    assert options.language is klusterplan.Language.EN
    stream = io.BytesIO()
    klusterplan.export(klusterplan.example(), "docx", stream, options)
    assert stream.getvalue().startswith(b"PK")
    with pytest.raises(ValueError, match="language is one of 'sv', 'en', got 'de'"):
        klusterplan.ExportOptions(language="de")


def test_summarise_takes_no_plans_or_a_list() -> None:
    assert klusterplan.summarise([]).groups == ()
    assert klusterplan.summarise([klusterplan.example()]).groups[0].votes == 9
    with pytest.raises(TypeError, match="takes a Cluster, or a list of plans"):
        klusterplan.summarise(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"export_summary\(\) takes a Cluster"):
        klusterplan.export_summary("plan.yaml", "markdown", io.BytesIO())  # type: ignore[arg-type]


def test_a_plan_built_in_code_compares_ids_composed() -> None:
    example = klusterplan.example()
    group = attrs.evolve(example.target_groups[0], id="åsa", name="Åsa")
    chosen = attrs.evolve(
        example.campaign.groups[0], target_group=unicodedata.normalize("NFD", "åsa")
    )
    plan = attrs.evolve(
        example,
        target_groups=(group, *example.target_groups[1:]),
        campaign=attrs.evolve(example.campaign, groups=(chosen,)),
    )
    said = [str(f) for f in klusterplan.check(plan)]
    assert not any("campaign.groups[0].target_group" in s for s in said), said
    stream = io.BytesIO()
    klusterplan.export(plan, "markdown", stream)
    assert unicodedata.normalize("NFD", "å").encode() not in stream.getvalue()
