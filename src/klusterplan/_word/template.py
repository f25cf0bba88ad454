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
from .._catalogue.messages import os_reason, text
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
        return text("template_part_filename_declares_dtd", filename=name)
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
        return text("template_cannot_read_strerror", strerror=os_reason(exc))
    if not path.is_file():
        return text("template_file")
    if size > limits.max_file:
        return text(
            "template_size_bytes_word_template",
            size=size,
            max_file=limits.max_file,
            number=number(size),
            number2=number(limits.max_file),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _archive_problem(archive, limits)
    except zipfile.BadZipFile:
        return text("template_word_document_docx_zip")
    except (OSError, EOFError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
        return text("template_readable_word_document_docx", exc=exc)


def _archive_problem(archive: zipfile.ZipFile, limits: TemplateLimits) -> Text | None:
    members = archive.infolist()
    if len(members) > limits.max_parts:
        return text(
            "template_holds_members_parts_word", members=len(members), number=number(len(members))
        )
    total = 0
    for info in members:
        if info.file_size > limits.max_part:
            return text(
                "template_part_filename_inflates_file",
                filename=info.filename,
                file_size=info.file_size,
                number=number(info.file_size),
            )
        if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
            times = info.file_size // info.compress_size
            return text(
                "template_part_filename_inflates_times",
                filename=info.filename,
                times=times,
                number=number(times),
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
                    return text("template_part_filename_inflates_far", filename=info.filename)
                if total > limits.max_total:
                    return text(
                        "template_inflates_more_than_max",
                        max_total=limits.max_total,
                        number=number(limits.max_total),
                    )
                if xml:
                    window = head + chunk
                    if _declares(window):
                        return text("template_part_filename_declares_dtd", filename=info.filename)
                    head = window[-64:]  # a declaration in UTF-32 is 36 bytes
                    kept.append(chunk)
        if xml:
            problem = _xml_problem(info.filename, b"".join(kept))
            if problem is not None:
                return problem
    return None
