"""Loading and saving plans: :func:`load`, :func:`loads`, :func:`dump`, :func:`dumps`."""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from .._catalogue.format import number
from .._catalogue.messages import os_reason
from .._catalogue.messages import text as message_text
from .._catalogue.text import Text
from .._support.atomic import atomic_write
from ..errors import PlanError, Problem, format_path
from ..model import Plan
from .convert import structure_plan_with_notices, unstructure_plan
from .formats import LineMap, format_for_path, parse_with_nodes, serialise
from .limits import Limits, data_problems
from .origin import Origin, ReadNotice, remember
from .validate import plan_problems

__all__ = [
    "dump",
    "dumps",
    "example",
    "example_text",
    "load_text_file",
    "loads",
    "open_regular",
    "read_plan_text",
]


def loads(
    text: str, format: str = "yaml", *, source: str | None = None, limits: Limits | None = None
) -> Plan:
    """Read a plan from ``text`` in ``format`` (``yaml``, ``json`` or ``toml``).

    Raises :class:`PlanError` listing every problem with its path and, for
    YAML and JSON, its line. ``source`` names the file in messages; ``limits``
    bounds the size of what is accepted (see :class:`Limits`).
    """
    return _loads(text, format, source, limits or Limits())[0]


def _loads(
    text: str,
    format: str,
    source: str | None,
    limits: Limits,
    read: tuple[ReadNotice, ...] = (),
) -> tuple[Plan, LineMap]:
    size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > limits.max_bytes else 0
    if size > limits.max_bytes:
        raise PlanError([_too_large(size, limits)], source)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise PlanError([Problem("", message_text("io_nul_byte"), line)], source)
    if not unicodedata.is_normalized("NFC", text):
        # macOS and some editors store å, ä and ö decomposed (a + combining ring); the
        # fonts, the ids and every comparison expect the composed form a keyboard types
        text = unicodedata.normalize("NFC", text)
    data, root = parse_with_nodes(text, format, source)
    lines = LineMap(text, format, root)
    problems = sorted(
        (
            Problem(format_path(path), message, lines.line(place))
            for path, message, place in data_problems(data, limits)
        ),
        key=lambda p: p.line or 0,
    )
    if problems:
        raise PlanError(problems, source)
    plan, notices = structure_plan_with_notices(data, lines, source)
    remember(
        plan,
        Origin(source, lines, (*read, *(ReadNotice(n.path, n.message, n.line) for n in notices))),
    )
    return plan, lines


def _too_large(size: int, limits: Limits) -> Problem:
    sizes = {"size_sv": number(size), "most_sv": number(limits.max_bytes)}
    return Problem("", message_text("io_too_large", size=size, most=limits.max_bytes, **sizes))


#: The catalogue's messages about a file that cannot be opened, by what the file should be.
_OPEN_MESSAGES = {
    "plan": ("file_missing", "plan_folder", "plan_not_regular"),
    "word": ("docx_missing", "docx_folder", "docx_not_regular"),
}


def open_regular(path: str | os.PathLike[str], kind: str = "plan") -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file; raises :class:`PlanError`.

    A device (``/dev/zero``, ``/dev/urandom``), a named pipe or a socket is
    refused before a byte is read: reading one would never end, or wait
    forever for a writer. A symbolic link is followed to what it names.
    ``kind`` (``plan`` or ``word``) picks the wording of the messages.
    """
    missing, folder, not_regular = _OPEN_MESSAGES[kind]
    source = str(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise PlanError([Problem("", message_text(missing))], source) from None
    except IsADirectoryError:
        raise PlanError([Problem("", message_text(folder))], source) from None
    except OSError as exc:
        raise PlanError([Problem("", _unreadable(exc))], source) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise PlanError([Problem("", _unreadable(exc))], source) from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        key = folder if stat.S_ISDIR(mode) else not_regular
        raise PlanError([Problem("", message_text(key))], source)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _unreadable(exc: OSError) -> Text:
    return message_text("file_unreadable", reason=os_reason(exc))


def _read(path: Path, limits: Limits) -> tuple[str, tuple[ReadNotice, ...]]:
    """The file's text, read without trusting it: bounded, regular files only, UTF-8.

    A file that is not UTF-8 but is Windows-1252 (what Notepad calls ANSI and older
    Word saves) is read as that, with a notice saying so.
    """
    with open_regular(path) as stream:
        try:
            raw = stream.read(limits.max_bytes + 1)
        except OSError as exc:
            raise PlanError([Problem("", _unreadable(exc))], str(path)) from None
    if len(raw) > limits.max_bytes:
        raise PlanError([_too_large(max(len(raw), path.stat().st_size), limits)], str(path))
    return _decode(raw, str(path))


def _decode(raw: bytes, source: str) -> tuple[str, tuple[ReadNotice, ...]]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PlanError([Problem("", message_text("io_utf16"))], source)
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        if b"\x00" in raw[:8192]:
            raise PlanError([Problem("", message_text("io_nul_bytes"), line)], source) from None
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            # five bytes Windows-1252 leaves unused: neither encoding, so say where
            message = message_text("io_not_utf8", line=line, byte=f"0x{raw[exc.start]:02X}")
            raise PlanError([Problem("", message, line)], source) from None
        return text, (ReadNotice("", message_text("io_read_as_ansi"), line),)


def load_text_file(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> tuple[Plan, LineMap]:
    """A plan from a YAML, JSON or TOML file, and the map from its paths to the file's lines."""
    limits = limits or Limits()
    fmt = format_for_path(path)
    text, read = _read(Path(path), limits)
    return _loads(text, fmt, str(path), limits, read)


def read_plan_text(path: str | os.PathLike[str], *, limits: Limits | None = None) -> str:
    """The text of the plan file at ``path``, read as :func:`load_text_file` reads it.

    For a command that changes the file: it reads the text once, and gets the
    plan from the same text with :func:`loads`. A file that is not UTF-8 (one
    Notepad saved as ANSI) is refused with :class:`PlanError`, saying how to
    save it as UTF-8: written back it would change encoding unasked, and a
    value it gained that Windows-1252 cannot hold could not be written at all.
    """
    text, read = _read(Path(path), limits or Limits())
    if read:
        raise PlanError([Problem("", message_text("io_rewrite_not_utf8"), read[0].line)], str(path))
    return text


def dumps(plan: Plan, format: str = "yaml") -> str:
    """Write ``plan`` as text in ``format``; keys still at their defaults are left out.

    Raises :class:`PlanError` for a plan no file can hold (text with a lone
    surrogate, a number beyond any plan's range), naming each path.
    """
    problems = plan_problems(plan)
    if problems:
        raise PlanError(problems)
    return serialise(unstructure_plan(plan), format)


def dump(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to a file, in the format its suffix implies, atomically."""
    text = dumps(plan, format_for_path(path))
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))


def example_text() -> str:
    """The example plan's YAML text, as shipped with the package."""
    from importlib import resources

    return (resources.files("klusterplan") / "data" / "example.yaml").read_text(encoding="utf-8")


def example() -> Plan:
    """The workbook's own content as a plan for a fictional local library."""
    return loads(example_text(), "yaml", source="example.yaml")
