"""A Word document klusterplan wrote, filled in or edited, read back into a plan.

The document says exactly where each value goes: its marks carry plan paths
(see :mod:`klusterplan._word.marks`), and its custom XML part carries the plan
it was made from (the *base*). Reading compares what the document shows now
with what it showed when it was written, which klusterplan rebuilds from the
base: a value whose text is unchanged keeps the base's value exactly; a
changed one is read from its text, as strictly as a plan file is. Rows and
list items added in the document are added to the plan, those removed are
removed (an item goes when nothing of it is left in the document); text typed
where no value is is reported with where it stands, never dropped silently.
"""

from __future__ import annotations

import itertools
import os
import re
import warnings
from collections.abc import Iterator
from typing import Any

import attrs

from .._catalogue.labels import label
from .._catalogue.messages import text
from .._catalogue.text import Text
from .._document.sections import build_document
from .._extension.exporter import Notice
from .._model import paths as _paths
from .._planfile.io import loads
from ..document import Document, Mode
from ..errors import PlanError, Problem
from ..model import Language, Plan
from .body import body_xml
from .changes import Change, WordNotice
from .marks import PLAN_NAMESPACE, house_look
from .reader import Reader
from .safe import MAX_TOTAL, open_package, parse_part, read_part
from .scan import Para, Scan, scan

__all__ = ["Change", "WordImport", "WordNotice", "load_word", "read_word"]

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"


@attrs.frozen
class WordImport:
    """A Word document read back: the plan, and what the document changed in it."""

    plan: Plan
    """The plan the document holds now."""
    base: Plan
    """The plan the document was made from (an empty plan if it does not carry one)."""
    changes: tuple[Change, ...]
    """What the document changes in :attr:`base`, value by value."""
    notices: tuple[Notice, ...]
    """What was not read, or not as it stood: text outside any field, a field deleted."""
    mode: Mode
    """Whether the document is the plan or the workshop workbook."""
    language: Language
    """The document's language."""
    carries_plan: bool
    """Whether the document carried the plan it was made from."""


def load_word(path: str | os.PathLike[str]) -> Plan:
    """The plan a Word document holds; what was not read comes as :class:`WordNotice`.

    A notice's message is in English; the warning's ``args[0]`` is a
    :class:`~klusterplan.Text` holding the Swedish too.
    """
    result = read_word(path)
    for notice in result.notices:
        said = Text(notice.render("en"), notice.render("sv"))
        warnings.warn(WordNotice(said), stacklevel=2)
    return result.plan


def word_language(path: str | os.PathLike[str]) -> Language | None:
    """The language of a Word document klusterplan wrote, read from the plan it carries.

    ``None`` when it cannot be told without reading the document whole (it
    carries no plan, or is no Word document): for the messages about a
    document that could not be read.
    """
    source = str(path)
    try:
        archive = open_package(path)
        with archive:
            carried = _carried(archive, source, [MAX_TOTAL])
    except (PlanError, OSError, ValueError):
        return None
    if carried is None:
        return None
    try:
        return Language(carried.get("language", ""))
    except ValueError:
        return None


# -- the package --------------------------------------------------------------------


def _main_part(archive: Any, source: str, budget: list[int]) -> str:
    try:
        rels = parse_part(read_part(archive, "_rels/.rels", source, budget), "_rels/.rels", source)
    except PlanError:
        return "word/document.xml"
    for rel in rels.iter(f"{{{_REL}}}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
            return str(rel.get("Target", "word/document.xml")).lstrip("/")
    return "word/document.xml"


def _carried(archive: Any, source: str, budget: list[int]) -> Any:
    """The root of the custom XML part holding the plan, if the document carries one."""
    # Word numbers its items from 1; nine digits is far beyond any document
    names = [n for n in archive.namelist() if re.fullmatch(r"customXml/item[0-9]{1,9}\.xml", n)]
    for name in sorted(names, key=lambda n: int(n[len("customXml/item") : -len(".xml")])):
        root = parse_part(read_part(archive, name, source, budget), name, source)
        if root.tag == f"{{{PLAN_NAMESPACE}}}plan":
            return root
    return None


def _base(root: Any, source: str) -> tuple[Plan, Mode, Language, bool]:
    """The plan the document carries, read as strictly as a plan file: depth, size, text."""
    try:
        plan = loads(root.text or "{}", "json", source=f"{source} (the plan it carries)")
    except PlanError as exc:
        detail = Text(exc.render("en"), exc.render("sv"))
        raise PlanError([Problem("", text("word_damaged", detail=detail))], source) from None
    try:
        mode = Mode(root.get("mode", "plan"))
        language = Language(root.get("language", plan.language.value))
    except ValueError:
        mode, language = Mode.PLAN, plan.language
    return plan, mode, language, root.get("large-print") == "true"


def _expected(plan: Plan, mode: Mode, language: Language, large_print: bool) -> Document:
    return build_document(plan, language, mode=mode, large_print=large_print)


def _render(document: Document, large_print: bool) -> Any:
    """The document's body as the Word export writes it, parsed."""
    from lxml import etree

    counter = itertools.count(1)
    xml, _ = body_xml(
        document, house_look(large_print=large_print), lambda ordered: next(counter), pages=False
    )
    return etree.fromstring(xml.encode("utf-8"))


def _options(plan: Plan) -> dict[str, tuple[str, ...]]:
    return {
        "target_groups[].centre": tuple(c.id for c in plan.centres),
        "target_groups[].staircase.current": tuple(s.id for s in plan.staircase),
    }


def read_word(path: str | os.PathLike[str]) -> WordImport:
    """Read a Word document klusterplan wrote (the plan or the workbook), filled in or edited.

    Raises :class:`PlanError` for a file that is no Word document, is damaged
    or hostile, was not written by klusterplan (or has lost every mark), or
    holds values that cannot be read; each problem names where it stands in
    the document and the plan path it would fill.
    """
    source = str(path)
    archive = open_package(path)
    budget = [MAX_TOTAL]
    with archive:
        main = _main_part(archive, source, budget)
        root = parse_part(read_part(archive, main, source, budget), main, source)
        carried = _carried(archive, source, budget)
    if carried is not None:
        base, mode, language, large_print = _base(carried, source)
    else:
        base, mode, language, large_print = Plan(), Mode.WORKBOOK, Language.SV, False
    actual = scan(root, _options(base))
    if carried is None:
        language = _guess_language(actual)
    tree = _expected(base, mode, language, large_print)
    expected = scan(_render(tree, large_print), _options(base))
    _check_indexes(actual, expected if carried is not None else None, source)
    # no mark at all where the document was written with some: they were removed
    if not actual.marks and (carried is None or expected.marks):
        raise PlanError([Problem("", text("word_not_ours"))], source)
    written = set((carried.get("written") or "").split()) if carried is not None else set()
    reader = Reader(
        source,
        base,
        mode,
        language,
        tree,
        expected,
        actual,
        carried is not None,
        written,
    )
    plan, changes, notices = reader.run()
    return WordImport(plan, base, changes, notices, mode, language, carried is not None)


def _marked(found: Scan) -> Iterator[tuple[str, Para | None]]:
    """Every plan path the document marks, with the paragraph it stands in if it has one."""
    for para in found.paragraphs:
        for path in (*para.paths, *para.groups):
            yield path, para
    for table in found.tables:
        if table.source is not None:
            yield table.source[0], None
        for row in table.rows:
            if row.item:
                yield row.item, None


def _lists(path: str) -> Iterator[tuple[str, int]]:
    """``(list, index)`` for each item ``path`` goes through: ``target_groups[0]`` → 0."""
    where = _paths.split_placement(path)
    head = path.partition("=")[0] if where else path
    try:
        parts = _paths.parse(head)
    except ValueError:
        return
    for k, part in enumerate(parts):
        if isinstance(part, int):
            yield _paths.join(parts[:k]), part


def _check_indexes(actual: Scan, expected: Scan | None, source: str) -> None:
    """Refuse a mark naming an item the document cannot hold, before anything is made for it.

    Each item a document shows takes at least a paragraph, a row or a mark of
    its own, so no index goes beyond them; in a document carrying its plan,
    none goes beyond the items the document was written with.
    """
    most: dict[str, int] = {}
    if expected is not None:
        for path, _ in _marked(expected):
            for list_path, index in _lists(path):
                most[list_path] = max(most.get(list_path, 0), index + 1)
    rows = sum(len(t.rows) for t in actual.tables)
    room = len(actual.paragraphs) + rows + actual.marks
    for path, para in _marked(actual):
        for list_path, index in _lists(path):
            bound = most.get(list_path, 0) if expected is not None else room
            if index < bound:
                continue
            key = "word_index_carried" if expected is not None else "word_index_room"
            message = text(key, n=index + 1, list=list_path, most=bound)
            if para is not None and para.heading:
                message = text("word_under", heading=para.heading) + ": " + message
            raise PlanError([Problem(path, message)], source)


def _guess_language(found: Scan) -> Language:
    """The language of a document that carries no plan: by its title, in the catalogue's words."""
    titles = {
        " ".join(label(key, language).split()): language
        for language in Language
        for key in ("title", "workbook_title")
    }
    for para in found.paragraphs[:10]:
        said = titles.get(" ".join(para.text.split()))
        if said is not None:
            return said
    return Language.SV
