"""The summary's opening sentences and its place in the contents, read back from every format.

A plan's own ``summary`` is shown as written; without one the summary says
the plan's numbers in a few sentences, in the reader's language, with the
grammar each count asks for. Every format's contents lists the summary, which
stands before them.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import docx
import pypdf
import pytest
from click.testing import Result
from wordfill import open_word, save, type_into

import klusterplan
from klusterplan import ActionStatus, ExportOptions, Horizon, Language, Plan, read_word

OWN = "Styrelsen får här planens egen sammanfattning, skriven av arbetsgruppen."


def _export(plan: Plan, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    klusterplan.export(plan, fmt, out, ExportOptions(**options))
    return out.getvalue()


def _markdown(plan: Plan, **options: Any) -> str:
    return _export(plan, "markdown", **options).decode("utf-8")


def _opening(plan: Plan, **options: Any) -> str:
    """The paragraph right under the summary's heading in the Markdown export."""
    text = _markdown(plan, **options)
    heading = "## Summary" if options.get("language") is Language.EN else "## Sammanfattning"
    after = text.split(f"{heading}\n\n", 1)[1]
    return after.split("\n\n", 1)[0]


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(" ".join(data.split()))


def _html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return "\n".join(parser.parts)


# -- the composed sentences ------------------------------------------------------


def test_the_example_summary_opens_with_its_numbers_said(example: Plan) -> None:
    text = _opening(example)
    assert text.startswith("Planen prioriterar åtta målgrupper")
    # the three groups with nine votes, in the plan's order
    assert "flest röster (9 var) fick Den identitetsökande tonåringen" in text
    assert "I dag är biblioteket främst kulturcentrum; i morgon vill det främst vara " in text
    live = [a for a in example.actions if a.status is not ActionStatus.DROPPED]
    immediate = sum(1 for a in live if a.horizon is Horizon.IMMEDIATE)
    assert (immediate, len(live) - immediate) == (6, 5)
    assert "sex omgående åtgärder och fem på längre sikt, och en av dem är klar." in text
    assert "Under löftet ”Låna dig rik” vänder sig klusterkampanjen till just dessa tre" in text
    assert text.endswith("med en budget på 50\u00a0000\u00a0kr.")
    assert len(re.findall(r"[.!?](?:\s|$)", text)) == 4


def test_the_english_summary_says_it_in_english(example: Plan) -> None:
    text = _opening(example, language=Language.EN)
    assert text.startswith("The plan prioritises eight target groups; Den ")
    assert "from the culture centre today to the social centre tomorrow" in text
    assert "six immediate actions and five long-term ones, and one of them is done." in text
    # the groups with the most votes are named as the plan writes them, then "these three"
    most = max(g.votes or 0 for g in example.target_groups)
    for group in example.target_groups:
        assert (group.name in text) is (group.votes == most), group.name
    assert "got the most votes (9 each)" in text
    assert "reaches out to these three" in text


def _one_of_each(example: Plan) -> Plan:
    group = example.target_groups[0]
    action = attrs.evolve(
        example.actions[0], horizon=Horizon.LONG_TERM, status=ActionStatus.DONE, due=None
    )
    forum = example.dialogue_forum
    same = attrs.evolve(forum, centre_tomorrow=forum.centre_today)
    campaign = attrs.evolve(
        example.campaign,
        groups=(klusterplan.CampaignGroup(target_group=group.id, priority=1),),
    )
    return attrs.evolve(
        example,
        target_groups=(group,),
        actions=(action,),
        dialogue_forum=same,
        campaign=campaign,
        values=attrs.evolve(example.values, promise=""),
    )


def test_one_of_each_reads_in_the_singular(example: Plan) -> None:
    text = _opening(_one_of_each(example))
    name = example.target_groups[0].name
    assert text.startswith(f"Planen prioriterar en målgrupp, {name}.")
    assert "Biblioteket är främst kulturcentrum, i dag som i morgon." in text
    assert "Planen har en åtgärd på längre sikt, och den är klar." in text
    assert f"Klusterkampanjen vänder sig till {name}, med en budget på" in text
    english = _opening(_one_of_each(example), language=Language.EN)
    assert "The plan has one long-term action, and it is done." in english


def test_counts_past_twelve_are_digits_and_none_done_is_said(example: Plan) -> None:
    actions = tuple(
        attrs.evolve(
            example.actions[0],
            what=f"Åtgärd {n}",
            status=ActionStatus.PLANNED,
            due=_dt.date(2011, 1, 1),
        )
        for n in range(13)
    )
    text = _opening(attrs.evolve(example, actions=actions))
    assert "Planen har 13 omgående åtgärder, och ingen av dem är klar än." in text


def test_a_plan_with_nothing_to_say_has_no_opening(example: Plan) -> None:
    document = klusterplan.build_document(klusterplan.Plan())
    assert document.front == ()  # nothing to summarise: no summary at all


# -- the plan's own summary, in every format and back from Word ------------------------


@pytest.fixture
def own_file(example: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    klusterplan.dump(attrs.evolve(example, summary=OWN), path)
    return path


def test_the_plans_own_summary_is_loaded_and_exported_by_the_command(
    own_file: Path, run: Callable[..., Result], tmp_path: Path
) -> None:
    assert "summary:" in own_file.read_text(encoding="utf-8")
    assert klusterplan.load(own_file).summary == OWN
    result = run("export", str(own_file), "-t", "pdf,docx,html,md", "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    pages = _pdf_text((out / "plan.pdf").read_bytes())
    assert pages[1].startswith("Sammanfattning") and " ".join(pages[1].split()).startswith(
        "Sammanfattning " + OWN
    )
    word = docx.Document(str(out / "plan.docx"))
    texts = [p.text for p in word.paragraphs if p.text.strip()]
    at = texts.index("Sammanfattning")
    assert texts[at + 1] == OWN
    html = _html_text((out / "plan.html").read_bytes())
    assert f"Sammanfattning\n{OWN}" in html
    assert f"## Sammanfattning\n\n{OWN}\n" in (out / "plan.md").read_text(encoding="utf-8")
    assert "Planen prioriterar" not in html  # the plan's own words, not composed ones


def test_a_summary_that_is_not_text_is_refused_with_its_path(
    tmp_path: Path, run: Callable[..., Result]
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema_version: 1\nsummary: [a, b]\n", encoding="utf-8")
    result = run("export", str(path), "-t", "md", "-o", f"{tmp_path}/out/")
    assert result.exit_code == 2
    assert "summary" in result.output and "plan.yaml" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "plan.md").exists()


def test_the_own_summary_comes_back_from_word_and_an_edit_is_read(
    example: Plan, tmp_path: Path
) -> None:
    plan = attrs.evolve(example, summary=OWN)
    data = _export(plan, "docx")
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    assert read_word(path).plan == plan
    word = open_word(data)
    type_into(word, "summary", "En ny sammanfattning.")
    result = read_word(save(word, tmp_path / "edited.docx"))
    assert result.plan.summary == "En ny sammanfattning."
    assert [(c.path, c.new) for c in result.changes] == [("summary", "En ny sammanfattning.")]


def test_a_composed_summary_is_not_read_back_as_the_plans(example: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_export(example, "docx"))
    assert read_word(path).plan.summary == ""


# -- listed in every format's contents, before them ------------------------------------


def test_every_format_lists_the_summary_first_in_its_contents(example: Plan) -> None:
    # PDF: the summary's page, then the contents naming it with its page
    pages = _pdf_text(_export(example, "pdf"))
    assert pages[1].startswith("Sammanfattning\nPlanen prioriterar")
    contents = pages[2].splitlines()
    # each entry is its title, then the dot leader with the page number
    assert contents[:2] == ["Innehåll", "Sammanfattning"]
    assert re.fullmatch(r"[. ]+2", contents[2].strip())
    # Word: the contents' first entry links to the summary's heading, on page 2
    word = docx.Document(io.BytesIO(_export(example, "docx")))
    texts = [p.text for p in word.paragraphs if p.text.strip()]
    at = texts.index("Innehåll")
    assert texts.index("Sammanfattning") < at
    assert re.fullmatch(r"Sammanfattning\t?2", texts[at + 1])
    # HTML: the summary stands before the contents, as in the PDF, and is listed first
    html = _html_text(_export(example, "html"))
    assert html.index("Sammanfattning\nPlanen prioriterar") < html.index("Innehåll")
    assert html.split("Innehåll\n", 1)[1].startswith("Sammanfattning\nAtt göra")
    # Markdown: the contents follow the summary and list it first
    text = _markdown(example)
    assert text.index("## Sammanfattning") < text.index("## Innehåll")
    assert text.split("## Innehåll\n\n", 1)[1].startswith("- Sammanfattning\n- Att göra\n  - ")


def test_the_tagged_pdf_lists_the_summary_first(example: Plan) -> None:
    pytest.importorskip("typst")
    pages = _pdf_text(_export(example, "pdf-ua"))
    assert pages[1].startswith("Sammanfattning")
    contents = [line for line in pages[2].splitlines() if line.strip()]
    assert contents[0] == "Innehåll" and contents[1].startswith("Sammanfattning")


# -- large print: one page at 16 pt ------------------------------------------------------


def _one_page(pages: list[str], title: str, contents: str) -> None:
    assert pages[1].startswith(title)
    assert pages[2].lstrip().startswith(contents), pages[2][:80]


@pytest.mark.parametrize("language", [Language.SV, Language.EN], ids=["sv", "en"])
def test_the_large_print_summary_fits_one_page(example: Plan, language: Language) -> None:
    import pdfplumber

    data = _export(example, "pdf", large_print=True, language=language)
    title, contents = (
        ("Sammanfattning", "Innehåll")
        if language is Language.SV
        else (
            "Summary",
            "Contents",
        )
    )
    pages = _pdf_text(data)
    _one_page(pages, title, contents)
    # the page holds three actions, and says where the others are
    more = (
        "Ytterligare åtta åtgärder står i kapitlet Att göra."
        if language is Language.SV
        else "Eight more actions are in the chapter Actions."
    )
    assert more in " ".join(pages[1].split())
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = {
            round(float(w["size"]), 1) for w in pdf.pages[1].extract_words(extra_attrs=["size"])
        }
    assert min(sizes) >= 16


def test_the_large_print_summary_fits_one_page_in_word(example: Plan, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "large.docx"
    path.write_bytes(_export(example, "docx", large_print=True))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    _one_page(_pdf_text((tmp_path / "large.pdf").read_bytes()), "Sammanfattning", "Innehåll")
