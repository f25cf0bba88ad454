"""Checking a ``--template`` before anything opens it: a Word file is a zip of XML parts.

A template comes from someone else's computer. A zip bomb (a few kilobytes
that inflate to gigabytes) or XML that declares entities (an entity that
expands to millions of copies of another, or that names a file on this
machine) must be refused with a message, not met deep inside a parser. The
parts are read here with hard limits on what is actually inflated, whatever
sizes the zip claims.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import attrs

from .._catalogue.format import number
from .._catalogue.messages import text
from .._catalogue.text import Text

__all__ = ["TemplateLimits", "template_problem"]


@attrs.frozen
class TemplateLimits:
    """How large a template and its parts may be; far above any real Word template."""

    max_file: int = 50 * 1024 * 1024
    """The template file itself (50 MiB)."""
    max_part: int = 32 * 1024 * 1024
    """One part, inflated (32 MiB)."""
    max_total: int = 128 * 1024 * 1024
    """All parts together, inflated (128 MiB)."""
    max_ratio: int = 100
    """How many times larger than its compressed size a part may inflate."""
    max_parts: int = 2000
    """How many parts the zip may hold."""


_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def _declares(window: bytes) -> bool:
    """Whether ``window`` holds a declaration, in any case and in UTF-8, -16 or -32.

    XML names are case-sensitive but parsers forgive ``<!doctype``; the NUL
    bytes of the wider encodings are dropped before looking.
    """
    narrow = window.replace(b"\x00", b"").upper()
    return any(d in narrow for d in _DECLARATIONS)


def _xml_problem(name: str, data: bytes) -> Text | None:
    """Why the XML part ``name`` cannot be read safely, or ``None``."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return text("template_not_xml", name=name, detail=exc)
    if root.getroottree().docinfo.doctype:
        return text("template_declares", name=name)
    return None


def template_problem(
    path: str | os.PathLike[str], limits: TemplateLimits | None = None
) -> str | None:
    """Why the file at ``path`` cannot be used as a Word template, or ``None`` if it can."""
    limits = limits or TemplateLimits()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Text(f"cannot be read: {exc.strerror}", f"kan inte läsas: {exc.strerror}")
    if not path.is_file():
        return Text("not a file", "inte en fil")
    if size > limits.max_file:
        return Text(
            f"{size:,} bytes; a Word template is at most {limits.max_file:,}",
            f"{number(size)} byte; en Word-mall är högst {number(limits.max_file)}",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _archive_problem(archive, limits)
    except zipfile.BadZipFile:
        return Text(
            "not a Word document (.docx): it is not a zip package",
            "inte ett Word-dokument (.docx): det är inget zip-paket",
        )
    except (OSError, EOFError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
        return Text(
            f"not a readable Word document (.docx): {exc}",
            f"inte ett läsbart Word-dokument (.docx): {exc}",
        )


def _archive_problem(archive: zipfile.ZipFile, limits: TemplateLimits) -> Text | None:
    members = archive.infolist()
    if len(members) > limits.max_parts:
        return Text(
            f"holds {len(members):,} parts; a Word document has a few dozen",
            f"innehåller {number(len(members))} delar; ett Word-dokument har några dussin",
        )
    total = 0
    for info in members:
        if info.file_size > limits.max_part:
            return Text(
                f"the part {info.filename} inflates to {info.file_size:,} bytes; too large",
                f"delen {info.filename} packas upp till {number(info.file_size)} byte; för stor",
            )
        if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
            times = info.file_size // info.compress_size
            return Text(
                f"the part {info.filename} inflates {times:,} times its size (a zip bomb?); "
                "refused",
                f"delen {info.filename} växer {number(times)} gånger när den packas upp "
                "(en zip-bomb?); vägras",
            )
        # the sizes in the directory may lie: count what really comes out
        read = 0
        head = b""
        xml = info.filename.endswith((".xml", ".rels"))
        kept: list[bytes] = []
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                read += len(chunk)
                total += len(chunk)
                if read > limits.max_part or read > max(info.compress_size, 1) * limits.max_ratio:
                    return Text(
                        f"the part {info.filename} inflates far beyond its size; refused",
                        f"delen {info.filename} växer långt mer än sin storlek; vägras",
                    )
                if total > limits.max_total:
                    return Text(
                        f"inflates to more than {limits.max_total:,} bytes in all; refused",
                        f"packas upp till mer än {number(limits.max_total)} byte sammanlagt; "
                        "vägras",
                    )
                if xml:
                    window = head + chunk
                    if _declares(window):
                        return text("template_declares", name=info.filename)
                    head = window[-64:]  # a declaration in UTF-32 is 36 bytes
                    kept.append(chunk)
        if xml:
            problem = _xml_problem(info.filename, b"".join(kept))
            if problem is not None:
                return problem
    return None
