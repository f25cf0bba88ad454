"""Every string a reader is told lives in the one catalogue, ``klusterplan._catalogue``.

A module outside it that wrote ``Text("...", "...")`` would put a message
where no translator, reviewer or test of the catalogue looks; these tests
hold the catalogue as the one place, and check what it holds.
"""

from __future__ import annotations

import ast
import errno
import string
from pathlib import Path

import pytest

from klusterplan._catalogue import messages, usage
from klusterplan._catalogue.language import Language, is_swedish
from klusterplan._catalogue.messages import message, os_reason, text

SRC = Path(__file__).resolve().parents[1] / "src" / "klusterplan"


def _literal(node: ast.AST) -> bool:
    """A string written in the code: a constant, an f-string, or a sum of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


def _inline_texts(path: Path) -> list[int]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        given = [*node.args, *(k.value for k in node.keywords)]
        if name == "Text" and any(_literal(arg) for arg in given):
            found.append(node.lineno)
    return found


def test_no_module_outside_the_catalogue_writes_a_message_inline() -> None:
    inline = {
        str(path.relative_to(SRC)): lines
        for path in SRC.rglob("*.py")
        if "_catalogue" not in path.parts and (lines := _inline_texts(path))
    }
    assert not inline, f"Text(...) with its wording in the code; move it to _catalogue: {inline}"


def test_the_scan_finds_an_inline_text(tmp_path: Path) -> None:
    # the test above would pass vacuously if the scan found nothing
    sample = tmp_path / "sample.py"
    sample.write_text('x = Text(f"add {name}", "lägg till")\ny = Text(said.en, said.sv)\n')
    assert _inline_texts(sample) == [1]


def test_every_message_has_both_wordings() -> None:
    for key, (sv, en) in messages._MESSAGES.items():
        assert sv.strip() and en.strip(), key
        if sv == en:  # the same in both only where it holds no words: paths, options, values
            assert not set(sv) & set("åäöÅÄÖ"), key


_LANGUAGES = [(Language.SV, True), ("sv", True), ("SV", True), (" sv ", True)]
_LANGUAGES += [(Language.EN, False), ("en", False), (None, False), ("", False), ("svenska", False)]


@pytest.mark.parametrize(("language", "swedish"), _LANGUAGES)
def test_one_test_of_swedish(language: Language | str | None, swedish: bool) -> None:
    assert is_swedish(language) is swedish


@pytest.mark.parametrize(
    ("number", "sv", "en"),
    [
        (errno.ENOENT, "filen eller mappen finns inte", "No such file or directory"),
        (errno.EACCES, "åtkomst nekad", "Permission denied"),
        (errno.EISDIR, "är en mapp, inte en fil", "Is a directory"),
        (errno.ENOSPC, "det finns inget utrymme kvar på disken", "No space left on device"),
        (errno.EROFS, "filsystemet är skrivskyddat", "Read-only file system"),
    ],
)
def test_the_systems_refusals_are_worded_in_both_languages(number: int, sv: str, en: str) -> None:
    said = os_reason(OSError(number, "the system's own words"))
    assert said.sv.startswith(sv) and str(said) == en


def test_a_refusal_the_catalogue_does_not_know_keeps_the_systems_words() -> None:
    said = os_reason(OSError(errno.EBUSY, "Device or resource busy"))
    assert said.sv == str(said) == "Device or resource busy"


def test_every_click_wording_keeps_its_names() -> None:
    fields = string.Formatter()
    for en, sv in usage.CLICK_SV.items():
        names = [{f[1] for f in fields.parse(said) if f[1]} for said in (en, sv)]
        assert names[0] >= names[1], en


def test_text_and_message_agree() -> None:
    said = text("wrote", path="plan.docx")
    assert (said.sv, str(said)) == (message("wrote", "sv", path="plan.docx"), "wrote plan.docx")
