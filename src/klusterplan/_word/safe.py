"""Opening a Word file that may be hostile: size limits, no entities, no network.

A ``.docx`` is a zip archive of XML parts. What comes from outside is checked
before it is read: the archive's directory must be sound, no part may claim
more than :data:`MAX_PART` bytes unpacked nor unpack at more than
:data:`MAX_RATIO` times its packed size (a zip bomb), and what a part really
unpacks to is counted as it is read, so that a part lying about its size is
stopped at the limit, not read whole. XML is parsed by lxml without loading a
DTD, resolving entities or touching the network; a document type declaration,
which Word never writes, is refused outright, so no external entity can make
the parser read a file.
"""

from __future__ import annotations

import os
import zipfile
from typing import Any, BinaryIO

from .._catalogue.messages import text
from .._planfile.io import open_regular
from ..errors import PlanError, Problem

__all__ = ["MAX_PART", "MAX_RATIO", "MAX_TOTAL", "open_package", "parse_part", "read_part"]

#: The most a part of the archive may unpack to.
MAX_PART = 32 * 1024 * 1024
#: The most all the parts klusterplan reads may unpack to together.
MAX_TOTAL = 96 * 1024 * 1024
#: The most a part may unpack to per byte it takes packed; Word's XML packs about 10:1.
MAX_RATIO = 200
#: Parts smaller than this are not held to the ratio: tiny parts pack unevenly.
_RATIO_FLOOR = 1024 * 1024
#: The most entries an archive may hold.
MAX_ENTRIES = 5000


def _refuse(source: str, key: str, **values: object) -> PlanError:
    """The catalogue's message ``key`` (in English and Swedish) about the file ``source``."""
    return PlanError([Problem("", text(key, **values))], source)


class _Package(zipfile.ZipFile):
    """An archive read from a stream it owns: closing the archive closes the file."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        try:
            super().__init__(stream)
        except BaseException:
            stream.close()
            raise

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._stream.close()


def open_package(path: str | os.PathLike[str]) -> zipfile.ZipFile:
    """The archive at ``path``, its directory checked; raises :class:`PlanError`.

    Only a regular file is opened: a device or a named pipe is refused before
    anything is read from it.
    """
    source = str(path)
    stream = open_regular(path, "word")
    try:
        archive = _Package(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _refuse(source, "docx_not_word", detail=exc) from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        archive.close()
        raise _refuse(source, "docx_entries", n=len(infos))
    return archive


def read_part(archive: zipfile.ZipFile, name: str, source: str, budget: list[int]) -> bytes:
    """The unpacked bytes of part ``name``, read under the limits; ``budget`` counts down."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise _refuse(source, "docx_lacks", name=name) from None
    if info.flag_bits & 0x1:
        raise _refuse(source, "docx_encrypted")
    limit = min(MAX_PART, budget[0])
    if info.file_size > limit:
        raise _refuse(source, "docx_too_big", name=name, size=info.file_size, limit=limit)
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        times = info.file_size // max(info.compress_size, 1)
        raise _refuse(source, "docx_bomb", name=name, times=times)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise _refuse(source, "docx_over", name=name, limit=limit)
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        raise _refuse(source, "docx_damaged_part", name=name, detail=exc) from None
    except Exception as exc:  # zlib.error and the like: a damaged stream
        if isinstance(exc, PlanError):
            raise
        raise _refuse(source, "docx_damaged_part", name=name, detail=exc) from None
    budget[0] -= size
    return b"".join(chunks)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _declares_doctype(data: bytes) -> bool:
    """Whether the prolog, before the root element, holds a document type declaration.

    Each step moves past what it read, so that an unclosed comment or
    instruction ends the scan (the parser then refuses the part) instead of
    finding the same place again.
    """
    pos = 0
    while True:
        pos = data.find(b"<", pos)
        if pos < 0:
            return False
        if data.startswith(b"<?", pos):
            end, close = data.find(b"?>", pos + 2), 2
        elif data.startswith(b"<!--", pos):
            end, close = data.find(b"-->", pos + 4), 3
        else:
            return data.startswith(b"<!", pos)
        if end < 0:
            return False
        pos = end + close


def parse_part(data: bytes, name: str, source: str) -> Any:
    """The root element of an XML part; a DTD or malformed XML is refused."""
    if _declares_doctype(data):
        raise _refuse(source, "docx_dtd", name=name)
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _refuse(source, "docx_xml", name=name, detail=exc) from None
    if root.getroottree().docinfo.doctype:
        raise _refuse(source, "docx_dtd_short", name=name)
    return root
