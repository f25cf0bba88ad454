"""A document's paragraphs, read as what each gives the plan: pieces of text by path.

A paragraph marked with one value gives that value all its text but what
klusterplan itself wrote around it (a label, a row's number), so that text a
person typed beside a field, on its line, still counts. A paragraph with
several values gives each its mark's text; what else it holds, beyond
klusterplan's own words, is reported as standing outside any field. A
paragraph with no mark belongs to the list or lines it was typed into, if it
was typed into any. Consecutive paragraphs of one value make one occurrence of
it: a text of several paragraphs, an answer and the lines written under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from .._model import paths as _paths
from .scan import Para, Scan

__all__ = [
    "Occurrence",
    "Piece",
    "Pieces",
    "Skeletons",
    "list_item",
    "same",
    "skeletons",
    "unnumber",
]

Skeletons = dict[tuple[str, ...], list[tuple[str, str, list[str]]]]
"""For each set of paths a paragraph marks: the text before, after and between its marks."""


@attrs.define
class Piece:
    """Text the document gives one path, from one paragraph."""

    path: str
    text: str
    para: Para
    loose: bool = False
    """Typed in a list or on lines without a mark of its own: a new item."""


@attrs.define
class Occurrence:
    path: str
    texts: list[str]
    paras: list[Para]

    @property
    def text(self) -> str:
        return _tidy("\n\n".join(self.texts))


def _tidy(text: str) -> str:
    paragraphs = [p.rstrip() for p in re.split(r"\n[ \t]*\n", text)]
    kept = [p for p in paragraphs if p.strip()]
    return "\n\n".join(p.strip("\n") for p in kept)


def same(a: str, b: str) -> bool:
    def flat(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())

    return flat(a) == flat(b)


def skeletons(found: Scan) -> Skeletons:
    """For each set of paths a paragraph marks: the text around the marks, as written."""
    out: dict[tuple[str, ...], list[tuple[str, str, list[str]]]] = {}
    for para in found.paragraphs:
        paths = tuple(para.paths)
        if not paths:
            continue
        pieces = para.pieces
        marked = [k for k, (_, p) in enumerate(pieces) if p is not None]
        if marked:
            prefix = "".join(t for t, _ in pieces[: marked[0]])
            suffix = "".join(t for t, _ in pieces[marked[-1] + 1 :])
        else:
            prefix, suffix = para.text, ""
        middle = [t for t, p in pieces if p is None]
        out.setdefault(paths, []).append((prefix, suffix, middle))
    return out


class Pieces:
    """Reads paragraphs into pieces; ``outside(para, text)`` hears of text outside any field.

    ``known(text)`` says whether klusterplan wrote a paragraph without a mark with that
    text (None when that cannot be known: the document carries no plan); one it did
    not write was typed by a person where no field is.
    """

    def __init__(
        self, outside: Callable[[Para, str], None], known: Callable[[str], bool] | None
    ) -> None:
        self.outside = outside
        self.known = known

    def pieces(
        self, found: Scan, skeletons: dict[Any, Any] | None, written: bool = False
    ) -> Iterator[Piece]:
        """What ``found`` gives each path, paragraph by paragraph.

        ``written`` is the document as klusterplan wrote it: each value is its mark's.
        """
        last_loose: tuple[str, Para] | None = None
        lists = _list_numbers(found)
        # the list the paragraph before belongs to: Word's bulleted lists share one numbering
        last_list: tuple[str, Para] | None = None
        for para in found.paragraphs:
            if para.toc or para.index < 0:
                continue
            paths = para.paths
            text = para.text
            if para.num and paths:
                shown = _list_of(para)
                last_list = (shown, para) if shown else None
            if not paths:
                container = self._container(para, lists, last_loose, last_list)
                if container is not None and text.strip():
                    last_loose = (container, para)
                    yield Piece(container, text, para, loose=True)
                elif text.strip() and skeletons is not None and para.table is None:
                    self._loose(para)
                continue
            last_loose = None
            if len(paths) == 1:
                text = (
                    "".join(t for t, p in para.pieces if p == paths[0])
                    if written
                    else self._single(para, paths[0], skeletons)
                )
                slot = _paths.slot(paths[0])
                # a whole item of a list of records (the workbook's own groups): one to add
                loose = bool(slot and slot.many and slot.record)
                yield Piece(paths[0], text, para, loose=loose)
                if _is_list_path(paths[0]):
                    last_loose = (paths[0], para)
                continue
            by_path: dict[str, str] = {}
            for piece, path in para.pieces:
                if path is not None:
                    by_path[path] = by_path.get(path, "") + piece
            for path in paths:
                yield Piece(path, by_path.get(path, ""), para)
            if skeletons is not None:
                self._extra(para, skeletons)

    def _container(
        self,
        para: Para,
        lists: dict[str, str],
        last: tuple[str, Para] | None,
        last_list: tuple[str, Para] | None = None,
    ) -> str | None:
        """The list or lines an unmarked paragraph was typed into, if any."""
        if para.groups:
            return para.groups[-1]
        if para.table is not None:
            return None
        if last_list is not None and para.num == last_list[1].num and para.ppr == last_list[1].ppr:
            return last_list[0]
        if para.num and para.num in lists:
            return lists[para.num]
        # a paragraph added after a list's item or a ruled line (Enter at its end) has its
        # numbering or its ruling, and no mark of its own
        same = last is not None and para.num == last[1].num and para.ppr == last[1].ppr
        if last is not None and same and (para.num or b'lineRule="exact"' in para.ppr):
            return last[0]
        return None

    def _single(self, para: Para, path: str, skeletons: dict[Any, Any] | None) -> str:
        full = para.text
        marked = "".join(t for t, p in para.pieces if p == path)
        if skeletons is None:
            # nothing known of the text around the value: the value is what its mark holds,
            # or all the paragraph holds where the mark is empty (a line written on, a cell
            # after its row's number)
            if marked.strip() or path not in para.points:
                return marked
            return unnumber(full) if para.table is not None else full
        best: tuple[str, str] | None = None
        for prefix, suffix, _ in skeletons.get((path,), []):
            if (
                full.startswith(prefix)
                and full.endswith(suffix)
                and len(full) >= len(prefix) + len(suffix)
            ) and (best is None or len(prefix) + len(suffix) > len(best[0]) + len(best[1])):
                best = (prefix, suffix)
        if best is not None:
            return full[len(best[0]) : len(full) - len(best[1])]
        rest = "".join(t for t, p in para.pieces if p is None).strip()
        if rest and not _own_words(para, skeletons):
            self.outside(para, rest)
        return marked

    def _extra(self, para: Para, skeletons: dict[Any, Any]) -> None:
        actual = [t for t, p in para.pieces if p is None]
        for _, _, middle in skeletons.get(tuple(para.paths), []):
            if [t.strip() for t in middle if t.strip()] == [t.strip() for t in actual if t.strip()]:
                return
        if _own_words(para, skeletons):
            return
        known = {t.strip() for _, _, m in skeletons.get(tuple(para.paths), []) for t in m}
        extra = " ".join(t.strip() for t in actual if t.strip() and t.strip() not in known)
        if extra:
            self.outside(para, extra)

    def _loose(self, para: Para) -> None:
        """An unmarked paragraph: klusterplan's own text, or typed outside any field."""
        if self.known is None:
            return
        if self.known(" ".join(para.text.split())):
            return
        self.outside(para, para.text.strip())

    def occurrences(self, pieces: Iterable[Piece], found: Scan) -> dict[str, list[Occurrence]]:
        """Each path's places in the document: runs of paragraphs, one after the other.

        A value goes on into the next paragraph (a text of several, the lines under
        it) when only empty paragraphs stand between, in the same table cell.
        """
        out: dict[str, list[Occurrence]] = {}
        last: Occurrence | None = None
        last_para: Para | None = None
        for piece in pieces:
            if piece.loose:
                last = None
                continue
            if (
                last is not None
                and last_para is not None
                and last.path == piece.path
                and _adjacent(last_para, piece.para, found)
            ):
                if last_para is piece.para:
                    last.texts[-1] += piece.text
                else:
                    last.texts.append(piece.text)
                    last.paras.append(piece.para)
            else:
                last = Occurrence(piece.path, [piece.text], [piece.para])
                out.setdefault(piece.path, []).append(last)
            last_para = piece.para
        return out


def _own_words(para: Para, skeletons: dict[Any, Any]) -> bool:
    """Whether all of ``para``'s unmarked text is klusterplan's own, as written around marks.

    The words around the marks of a paragraph of these values, or of more values
    (in any order): a word processor may drop the mark of an empty value on
    saving (LibreOffice drops empty bookmarks) and join the text written on
    either side of it into one run, spaced otherwise.
    """
    actual = [t for t, p in para.pieces if p is None]
    if not "".join(actual).strip():
        return True
    squashed = _squash("".join(actual))
    if not re.sub(r"^\d+[.)]", "", squashed).strip(_SEPARATORS):
        # a row's number, brackets and commas: the layout of a cell of several values,
        # as this version or an earlier one wrote it; nothing a person typed is lost
        return True
    mine = set(para.paths)
    # a label's colon is layout: earlier versions wrote "Kommun:" where the cover now
    # sets "Kommun" in a column of its own
    squashed = squashed.replace(":", "")
    for paths, found in skeletons.items():
        if not mine <= set(paths):
            continue
        for _, _, middle in found:
            pieces = {t.strip().rstrip(":") for t in middle if t.strip()}
            if squashed == _squash("".join(middle)).replace(":", "") or all(
                t.strip().rstrip(":") in pieces for t in actual if t.strip()
            ):
                return True
    return False


#: What klusterplan writes between values in a cell or line of several: never words.
_SEPARATORS = "()[],;:.–-—/"


def _squash(text: str) -> str:
    return "".join(text.split())


def _adjacent(first: Para, then: Para, found: Scan) -> bool:
    """Whether ``then`` follows ``first`` with nothing but empty paragraphs between."""
    if first is then:
        return True
    if (first.table, first.row, first.column) != (then.table, then.row, then.column):
        return False
    between = found.paragraphs[first.index + 1 : then.index]
    return all(not p.text.strip() for p in between)


def unnumber(text: str) -> str:
    return re.sub(r"^\s*\d+\s*[.)]\s?", "", text, count=1)


def list_item(path: str) -> str | None:
    """The list of an item path ``x.y[3]``; None for any other path."""
    match = re.fullmatch(r"(.*)\[(\d+)\]", path)
    return match.group(1) if match else None


def _is_list_path(path: str) -> bool:
    slot = _paths.slot(path)
    return bool(slot and slot.many) or list_item(path) is not None


def _list_of(para: Para) -> str:
    """The plan list a list paragraph's marks show an item of; empty if none."""
    for path in para.paths:
        parent = list_item(path)
        if parent is not None:
            return parent
        if _paths.split_placement(path) is not None:
            return path
        match = re.match(r"(.*\[\d+\])\.[a-z_]+$", path)
        if match and list_item(match.group(1)) is not None:
            return list_item(match.group(1)) or ""
    return ""


def _list_numbers(found: Scan) -> dict[str, str]:
    """Each Word list (numbering id) whose items are marked: the plan list it shows first."""
    out: dict[str, str] = {}
    for para in found.paragraphs:
        if para.num:
            shown = _list_of(para)
            if shown:
                out.setdefault(para.num, shown)
    return out
