"""Word files that could hurt: refused quickly, not read whole, no file outside read.

Each hostile file is the example's Word export with one part replaced, so that
it passes every check but the one it is made to fail.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import klusterplan
from klusterplan import PlanError, read_word
from klusterplan._word import safe as _docx_safe


def _export(example: klusterplan.Plan) -> bytes:
    stream = io.BytesIO()
    klusterplan.export(example, "docx", stream)
    return stream.getvalue()


def _replace(
    data: bytes, name: str, content: bytes, *, compress: int = zipfile.ZIP_DEFLATED
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
        target.writestr(name, content, compress_type=compress)
    return out.getvalue()


@pytest.fixture
def word(example: klusterplan.Plan) -> bytes:
    return _export(example)


@pytest.fixture
def tagged() -> bytes:
    """The example plan as an earlier version wrote it: each value in a content control too.

    A control's tag names a plan path in plain text: a document may still hold them,
    and they are read as marks.
    """
    earlier = Path(__file__).parent / "earlier_versions" / "plan-with-content-controls.docx"
    return earlier.read_bytes()


class _Reads:
    """Counts what is unpacked from archives while it is active."""

    def __init__(self) -> None:
        self.bytes = 0


@pytest.fixture
def unpacked(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Reads]:
    reads = _Reads()
    original = zipfile.ZipExtFile.read

    def read(self: Any, n: int = -1) -> bytes:
        data: bytes = original(self, n)
        reads.bytes += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    yield reads


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    word: bytes, tmp_path: Path, unpacked: _Reads
) -> None:
    # 200 MB of one letter packs to a few hundred kilobytes
    bomb = _replace(word, "word/document.xml", b"<" + b"a" * 200_000_000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 2_000_000
    unpacked.bytes = 0
    with pytest.raises(PlanError, match=r"more than the .* klusterplan reads|zip bomb"):
        read_word(path)
    assert unpacked.bytes < 1_000_000


def test_a_part_that_packs_too_well_is_refused_as_a_bomb(
    word: bytes, tmp_path: Path, unpacked: _Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_docx_safe, "MAX_PART", 1 << 40)
    monkeypatch.setattr(_docx_safe, "MAX_TOTAL", 1 << 40)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_replace(word, "word/document.xml", b" " * 50_000_000))
    unpacked.bytes = 0
    with pytest.raises(PlanError, match="as a zip bomb does"):
        read_word(path)
    # only the package's small list of parts was read
    assert unpacked.bytes < 10_000


def test_a_part_lying_about_its_size_is_stopped_at_the_limit(
    word: bytes, tmp_path: Path, unpacked: _Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_docx_safe, "MAX_PART", 1_000_000)
    big = b"<w:document/>" + b" " * 3_000_000
    data = bytearray(_replace(word, "word/document.xml", big, compress=zipfile.ZIP_STORED))
    # the directory and the local header say the part is small; its data is not
    declared = (len(big)).to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    data = bytearray(bytes(data).replace(declared, small))
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    unpacked.bytes = 0
    with pytest.raises(PlanError):
        read_word(path)
    assert unpacked.bytes <= 1_100_000


def test_an_oversized_part_is_refused(
    word: bytes, tmp_path: Path, unpacked: _Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_docx_safe, "MAX_PART", 100_000)
    path = tmp_path / "big.docx"
    path.write_bytes(word)
    unpacked.bytes = 0
    with pytest.raises(PlanError, match=r"word/document\.xml unpacks to .* more than the 100000"):
        read_word(path)
    assert unpacked.bytes < 10_000


def test_an_external_entity_is_never_resolved(word: bytes, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMLIGT LÖSENORD", encoding="utf-8")
    opened: list[str] = []

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and args and str(args[0]).endswith("secret.txt"):
            opened.append(str(args[0]))

    sys.addaudithook(audit)
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    head, _, rest = document.partition("?>")
    hostile = (
        f'{head}?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        + rest.replace("Byköpings bibliotek", "&xxe;", 1)
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(_replace(word, "word/document.xml", hostile.encode("utf-8")))
    with pytest.raises(PlanError, match="document type"):
        read_word(path)
    assert opened == []


def test_an_entity_in_the_carried_plan_is_refused_too(word: bytes, tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        name = next(
            n
            for n in archive.namelist()
            if n.startswith("customXml/item") and b"urn:klusterplan:plan" in archive.read(n)
        )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE plan [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<plan xmlns="urn:klusterplan:plan:1">&b;</plan>'
    )
    path = tmp_path / "laughs.docx"
    path.write_bytes(_replace(word, name, laughs))
    with pytest.raises(PlanError, match="document type"):
        read_word(path)


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_a_damaged_file_is_refused(word: bytes, tmp_path: Path, cut: float, run: Any) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(word[: int(len(word) * cut)])
    with pytest.raises(PlanError, match="damaged"):
        read_word(path)
    result = run("import", str(path), "-o", "plan.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_damaged_part_is_refused(word: bytes, tmp_path: Path) -> None:
    data = bytearray(word)
    # flip bytes in the middle of the packed document part
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + 200
    for k in range(start, start + 64):
        data[k] ^= 0x5A
    path = tmp_path / "flipped.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(PlanError, match=r"damaged|not well-formed"):
        read_word(path)


def test_a_file_that_is_no_zip_at_all(tmp_path: Path, run: Any) -> None:
    (tmp_path / "text.docx").write_text("inte ett Word-dokument", encoding="utf-8")
    result = run("check", "text.docx")
    assert result.exit_code == 2
    assert "not a Word document (.docx) or damaged" in result.output


def test_not_well_formed_xml_is_refused(word: bytes, tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(_replace(word, "word/document.xml", b"<w:document><w:body>"))
    with pytest.raises(PlanError, match="not well-formed XML"):
        read_word(path)


def _tiny(document_xml: bytes) -> bytes:
    """A package holding nothing but its main part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("word/document.xml", document_xml)
    return out.getvalue()


@pytest.mark.parametrize("command", ["check", "import", "export"])
def test_an_unclosed_comment_in_the_prolog_ends_the_scan(
    tmp_path: Path, run: Any, command: str
) -> None:
    # 159 bytes: the scan for a document type once found the same comment again and again
    data = _tiny(b'<?xml version="1.0"?><!-- x')
    assert len(data) == 159
    path = tmp_path / "comment.docx"
    path.write_bytes(data)
    with pytest.raises(PlanError, match="not well-formed XML: Comment not terminated"):
        read_word(path)
    args = {"check": [], "import": ["-o", "plan.yaml"], "export": ["--to", "md"]}[command]
    result = run(command, "--lang", "en", "comment.docx", *args)
    assert result.exit_code == 2
    assert "comment.docx: the part word/document.xml is not well-formed XML" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["comment.docx"]


@pytest.mark.parametrize("xml", [b"<?xml", b"<!--", b"<?x?><!-- a --><!-- b", b"<!-- --><?"])
def test_the_prolog_scan_always_ends(tmp_path: Path, xml: bytes) -> None:
    path = tmp_path / "prolog.docx"
    path.write_bytes(_tiny(xml))
    with pytest.raises(PlanError, match="not well-formed XML"):
        read_word(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs devices and named pipes")
@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "fifo"])
def test_only_a_regular_file_is_read_as_a_word_document(
    tmp_path: Path, run: Any, target: str
) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "doc.docx")  # nothing writes to it: a read would wait forever
    else:
        (tmp_path / "doc.docx").symlink_to(target)
    with pytest.raises(PlanError, match="not a regular file"):
        read_word(tmp_path / "doc.docx")
    for args in (["check"], ["import", "-o", "plan.yaml"], ["export", "--to", "md", "-o", "out"]):
        result = run(args[0], "--lang", "en", "doc.docx", *args[1:])
        assert result.exit_code == 2, result.output
        assert "doc.docx: not a regular file (a device, a pipe or a socket)" in result.output
    swedish = run("check", "--lang", "sv", "doc.docx")
    assert "doc.docx: inte en vanlig fil" in swedish.output
    assert sorted(p.name for p in tmp_path.rglob("*") if not p.is_dir()) == ["doc.docx"]


_CARRIED = b"urn:klusterplan:plan"


def _carried_name(word: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        return next(
            n
            for n in archive.namelist()
            if n.startswith("customXml/item") and _CARRIED in archive.read(n)
        )


def _part(word: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        return archive.read(name).decode("utf-8")


def _without(data: bytes, name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _retagged(word: bytes, old: str, new: str, *, carried: bool, bookmarks: bool = False) -> bytes:
    """The export with the marks of ``old`` naming ``new``, with or without its plan.

    ``bookmarks``: the marks are the bookmarks (as LibreOffice keeps them), the
    controls' tags gone.
    """
    document = _part(word, "word/document.xml")
    if bookmarks:
        document = re.sub(r"<w:tag [^>]*/>", "", document)
        document = _renamed_bookmarks(document, old, new)
    else:
        document = document.replace(f'w:val="{old}"', f'w:val="{new}"')
    data = word if carried else _without(word, _carried_name(word))
    return _replace(data, "word/document.xml", document.encode("utf-8"))


def _renamed_bookmarks(document: str, old: str, new: str) -> str:
    from klusterplan._model import paths

    def rename(match: re.Match[str]) -> str:
        found = paths.parse_bookmark(match.group(1))
        if found is None or found[0] != "v" or paths.fill(found[1], found[2]) != old:
            return match.group(0)
        number = re.fullmatch(r"target_groups\[(\d+)\]\.votes", new)
        assert number is not None
        return match.group(0).replace(
            match.group(1), re.sub(r"_\d+$", f"_{number.group(1)}", match.group(1))
        )

    return re.sub(r'<w:bookmarkStart [^>]*w:name="([^"]*)"[^>]*/>', rename, document)


@pytest.mark.parametrize(
    ("index", "carried", "bookmarks", "says"),
    [
        (99999, False, False, "names item 100000 of target_groups, but the document has only"),
        (99999999, False, False, "names item 100000000 of target_groups, but the document"),
        (99999, False, True, "names item 100000 of target_groups, but the document has only"),
        (99, True, False, "names item 100 of target_groups, but the plan the document carries"),
        (8, True, True, "names item 9 of target_groups, but the plan the document carries has 8"),
    ],
)
def test_a_mark_naming_an_item_the_document_cannot_hold_is_refused(
    word: bytes,
    tagged: bytes,
    tmp_path: Path,
    run: Any,
    unpacked: _Reads,
    index: int,
    carried: bool,
    bookmarks: bool,
    says: str,
) -> None:
    data = _retagged(
        word if bookmarks else tagged,
        "target_groups[0].votes",
        f"target_groups[{index}].votes",
        carried=carried,
        bookmarks=bookmarks,
    )
    (tmp_path / "index.docx").write_bytes(data)
    with pytest.raises(PlanError, match="klusterplan did not write the mark") as caught:
        read_word(tmp_path / "index.docx")
    assert says in str(caught.value)
    assert f"target_groups[{index}].votes: under ”" in caught.value.render("en")
    for args in (["check"], ["import", "-o", "plan.yaml"]):
        result = run(args[0], "--lang", "en", "index.docx", *args[1:])
        assert result.exit_code == 2, result.output
        assert says in result.output
    swedish = run("check", "--lang", "sv", "index.docx")
    assert f"märket anger punkt {index + 1} i target_groups" in swedish.output
    assert not (tmp_path / "plan.yaml").exists()


@pytest.mark.parametrize("tag", ["target_groups[0].votes", "library.name"])
def test_a_tag_for_any_item_is_no_mark(tagged: bytes, tmp_path: Path, tag: str) -> None:
    # "target_groups[*]" names a place only in a placement; as a value's tag it is not ours
    assert f'w:val="{tag}"'.encode() in _part(tagged, "word/document.xml").encode()
    for carried in (True, False):
        path = tmp_path / "star.docx"
        path.write_bytes(_retagged(tagged, tag, "target_groups[*].votes", carried=carried))
        result = read_word(path)
        assert result.plan.target_groups


def test_a_field_tagged_language_is_read_by_its_value(
    tagged: bytes, tmp_path: Path, run: Any
) -> None:
    (tmp_path / "language.docx").write_bytes(
        _retagged(tagged, "library.name", "language", carried=True)
    )
    result = run("check", "--lang", "en", "language.docx")
    assert result.exit_code == 2
    assert "language.docx: language: on the cover: expected one of sv, en, got" in result.output


def _carrying(word: bytes, plan_json: str) -> bytes:
    name = _carried_name(word)
    head = _part(word, name).split(">{", 1)[0]
    return _replace(word, name, f"{head}>{plan_json}</plan>".encode("utf-8", "surrogatepass"))


def _plan_json(word: bytes) -> dict[str, Any]:
    body = _part(word, _carried_name(word)).split(">{", 1)[1].rsplit("</plan>", 1)[0]
    data: dict[str, Any] = json.loads("{" + body)
    return data


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("deep", "the plan the document carries is damaged (deep.docx (the plan it carries): "),
        ("surrogate", "library.name: the text holds U+D800 at character 2"),
    ],
)
def test_a_carried_plan_is_read_as_strictly_as_a_plan_file(
    word: bytes, tmp_path: Path, run: Any, kind: str, says: str
) -> None:
    data = _plan_json(word)
    if kind == "deep":
        text = json.dumps(data)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    else:
        data["library"]["name"] = "A\ud800B"
        text = json.dumps(data)  # \ud800 escaped, as JSON may write it
    (tmp_path / f"{kind}.docx").write_bytes(_carrying(word, text))
    for args in (["check"], ["import", "-o", "plan.yaml"], ["export", "--to", "md"]):
        result = run(args[0], "--lang", "en", f"{kind}.docx", *args[1:])
        assert result.exit_code == 2, result.output
        assert says in result.output
        assert "export the document again from the plan file" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [f"{kind}.docx"]


def test_digit_strings_are_bounded_before_they_are_converted(
    word: bytes, tmp_path: Path, run: Any
) -> None:
    from klusterplan._word.marks import VALUE, bookmark_name

    digits = "9" * 5000
    document = _part(word, "word/document.xml")
    # votes typed as 5,000 digits
    at = document.index(f'w:name="{bookmark_name(VALUE, "target_groups[0].votes")}"')
    start = document.index(">", document.index("<w:t", at)) + 1
    typed = document[:start] + digits + document[document.index("</w:t>", start) :]
    (tmp_path / "votes.docx").write_bytes(_replace(word, "word/document.xml", typed.encode()))
    result = run("check", "--lang", "en", "votes.docx")
    assert result.exit_code == 2
    assert "target_groups[0].votes: in the table under ”" in result.output
    assert "a number of 5000 digits; plan values (votes, ages, kronor) have at most 15" in (
        result.output
    )
    # a bookmark whose numbers run to 5,000 digits is no mark of ours
    untagged = _retagged(word, "-", "-", carried=False, bookmarks=True)
    document = _part(untagged, "word/document.xml")
    long_names = re.sub(r'(w:name="_kpv[0-9a-z]+_)(\d+)"', rf'\g<1>{digits}"', document, count=3)
    assert long_names != document
    (tmp_path / "bookmark.docx").write_bytes(
        _replace(untagged, "word/document.xml", long_names.encode())
    )
    assert read_word(tmp_path / "bookmark.docx").plan.target_groups
    # a custom XML part numbered with 5,000 digits is not the carried plan
    name = _carried_name(word)
    renamed = _replace(
        _without(word, name), f"customXml/item{digits}.xml", _part(word, name).encode()
    )
    (tmp_path / "part.docx").write_bytes(renamed)
    assert not read_word(tmp_path / "part.docx").carries_plan
    assert run("check", "part.docx").exit_code in (0, 1)


def test_into_a_word_document_is_refused(word: bytes, tmp_path: Path, run: Any) -> None:
    (tmp_path / "doc.docx").write_bytes(word)
    result = run("import", "doc.docx", "--into", "doc.docx", "--lang", "en")
    assert result.exit_code == 2
    assert "--into doc.docx: a Word document; --into names the plan file" in result.output
    assert (tmp_path / "doc.docx").read_bytes() == word
    swedish = run("import", "doc.docx", "--into", "doc.docx", "--lang", "sv")
    assert "--into doc.docx: ett Word-dokument; --into anger planfilen" in swedish.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_into_a_pipe_is_refused(word: bytes, tmp_path: Path, run: Any) -> None:
    (tmp_path / "doc.docx").write_bytes(word)
    os.mkfifo(tmp_path / "plan.yaml")
    result = run("import", "doc.docx", "--into", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "plan.yaml: not a regular file" in result.output


def test_a_template_carries_none_of_its_own_plan_into_the_new_document(
    example: klusterplan.Plan, tmp_path: Path, run: Any
) -> None:
    other = attrs.evolve(
        example,
        library=attrs.evolve(example.library, name="Annanstads bibliotek"),
        target_groups=(attrs.evolve(example.target_groups[0], name="Hemlig grupp"),),
    )
    klusterplan.dump(other, tmp_path / "other.yaml")
    klusterplan.dump(example, tmp_path / "plan.yaml")
    assert run("export", "other.yaml", "--to", "docx").exit_code == 0
    # a comment in the template, and a mark in its header, as another document could hold
    template = (tmp_path / "other.docx").read_bytes()
    header = next(
        n
        for n in zipfile.ZipFile(io.BytesIO(template)).namelist()
        if re.fullmatch(r"word/header\d+\.xml", n)
    )
    marked = re.sub(
        r"(<w:p\b[^>]*>)",
        r'\1<w:bookmarkStart w:id="9001" w:name="_kpvhemlig_0"/><w:bookmarkEnd w:id="9001"/>',
        _part(template, header),
        count=1,
    )
    (tmp_path / "other.docx").write_bytes(_replace(template, header, marked.encode()))
    result = run(
        "export", "plan.yaml", "--to", "docx", "--template", "other.docx", "-o", "new.docx"
    )
    assert result.exit_code == 0, result.output
    new = (tmp_path / "new.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(new)) as archive:
        items = [n for n in archive.namelist() if n.startswith("customXml/item")]
        assert [n for n in items if _CARRIED in archive.read(n)] == ["customXml/item1.xml"]
        for name in archive.namelist():
            data = archive.read(name)
            assert b"Hemlig grupp" not in data, name
            assert b"_kpvhemlig" not in data, name
    assert read_word(tmp_path / "new.docx").plan == example


def _edited(tmp_path: Path, run: Any, old: str, new: str) -> None:
    """plan.docx exported from plan.yaml, then ``old`` typed over with ``new``, as edited.docx."""
    assert run("export", "plan.yaml", "--to", "docx").exit_code == 0
    data = (tmp_path / "plan.docx").read_bytes()
    document = _part(data, "word/document.xml")
    assert old in document
    edited = document.replace(old, new, 1)
    (tmp_path / "edited.docx").write_bytes(_replace(data, "word/document.xml", edited.encode()))


@pytest.mark.parametrize("kind", ["alias", "merge"])
def test_an_update_through_a_yaml_anchor_is_refused(
    example: klusterplan.Plan, tmp_path: Path, run: Any, kind: str
) -> None:
    klusterplan.dump(example, tmp_path / "plan.yaml")
    if kind == "alias":
        edit = ("Veta att biblioteket är gratis och öppet för alla", "Veta att det är gratis")
        shared = "target_groups[0].needs[0]", "target_groups[1].needs[0]"
    else:
        edit = ("Bli bemött utan krav och utan att känna sig okunnig", "Bli bemött utan krav")
        shared = (
            "target_groups[0].social_filter.needs[0]",
            "target_groups[1].social_filter.needs[0]",
        )
    _edited(tmp_path, run, *edit)
    # since the export, the file has come to share a value between two groups
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    if kind == "alias":
        first = lines.index("  needs:")
        second = lines.index("  needs:", first + 1)
        end = second + 1
        while lines[end].startswith("  - "):
            end += 1
        lines[first] = "  needs: &n"
        lines[second:end] = ["  needs: *n"]
    else:
        first = lines.index("  social_filter:")
        second = lines.index("  social_filter:", first + 1)
        lines[first] = "  social_filter: &p"
        # the second group's filter takes the first's needs, keeping its own meaning
        needs = lines.index("    needs:", second)
        end = needs + 1
        while lines[end].startswith("    - "):
            end += 1
        lines[needs:end] = []
        lines.insert(second + 1, "    <<: *p")
    text = "\n".join(lines) + "\n"
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    loaded = klusterplan.load(tmp_path / "plan.yaml")
    if kind == "merge":
        filters = [g.social_filter for g in loaded.target_groups[:2]]
        assert filters[0].needs == filters[1].needs and filters[0].meaning != filters[1].meaning
    else:
        assert loaded.target_groups[0].needs == loaded.target_groups[1].needs
    result = run("import", "edited.docx", "--into", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"plan.yaml: {shared[0]}: the plan file uses a YAML anchor (&) or merge key" in (
        result.output
    )
    assert f"so this value also stands at {shared[1]}, and a change here" in result.output
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == text
    swedish = run("import", "edited.docx", "--into", "plan.yaml", "--lang", "sv")
    assert "planfilen använder här ett YAML-ankare" in swedish.output
    # a change the anchors do not reach is made as before
    _edited(tmp_path, run, "Kluster Sydost", "Kluster Sydväst")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("import", "edited.docx", "--into", "plan.yaml", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "library.cluster" in result.output
