"""What lets a Word export be read back: content controls, and the plan it was made from.

The body is written with bookmarks and marker attributes (see
:data:`~._docx_xml.CONTROL_MARK`); after the ``docx_document`` hook has run, so
that a plugin sees a document python-docx can read whole, :func:`add_controls`
turns them into content controls (``w:sdt``) tagged with each value's path.

:func:`embed_plan` stores the plan the document was made from in a custom XML
part (``customXml/itemN.xml``), a part Word and LibreOffice keep without
showing: what the document does not show (a group's id, an action's
indicator, accepted findings) comes back from it when the document is read.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import uuid
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from .._model import paths as _paths
from .._planfile.convert import unstructure_plan
from ..document import Document
from ..model import Plan
from ._docx_xml import CONTROL_MARK

__all__ = [
    "PLAN_NAMESPACE",
    "add_controls",
    "embed_plan",
    "is_readable",
    "plan_xml",
    "text_digest",
]

#: The namespace of the custom XML part that holds the plan a document was made from.
PLAN_NAMESPACE = "urn:klusterplan:plan:1"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"

_TAG = f"{{{CONTROL_MARK}}}tag"
_GROUP = f"{{{CONTROL_MARK}}}group"
_G = f"{{{CONTROL_MARK}}}g"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SDT, _SDT_PR, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtPr", f"{_W}sdtContent"
_ALIAS, _TAG_W, _VAL = f"{_W}alias", f"{_W}tag", f"{_W}val"
_START, _END, _ID = f"{_W}bookmarkStart", f"{_W}bookmarkEnd", f"{_W}id"
_P, _TR = f"{_W}p", f"{_W}tr"


@functools.lru_cache(maxsize=4096)
def _alias(path: str, swedish: bool) -> str:
    return _paths.describe(path, swedish)


def _sdt(path: str, swedish: bool) -> tuple[Any, Any]:
    """A content control for ``path`` and its (empty) content element."""
    sdt = etree.Element(_SDT)
    pr = etree.SubElement(sdt, _SDT_PR)
    etree.SubElement(pr, _ALIAS).set(_VAL, _alias(path, swedish))
    etree.SubElement(pr, _TAG_W).set(_VAL, path)
    return sdt, etree.SubElement(sdt, _SDT_CONTENT)


def _value(start: Any, swedish: bool) -> None:
    """Put the runs between a marked bookmark's start and its end into a control."""
    path = start.attrib.pop(_TAG, None)
    if path is None:
        return
    ident = start.get(_ID)
    members = [start]
    for sibling in start.itersiblings():
        members.append(sibling)
        if sibling.tag == _END and sibling.get(_ID) == ident:
            break
    else:
        return  # a hook moved the end away: the bookmark alone marks the value
    sdt, content = _sdt(path, swedish)
    start.addprevious(sdt)
    content.extend(members)


def _group(element: Any, swedish: bool) -> None:
    """Put a run of paragraphs (or a table row) marked as one group into a control."""
    group = element.get(_G)
    members = [element]
    for sibling in element.itersiblings():
        if sibling.get(_G) != group:
            break
        members.append(sibling)
    sdt, content = _sdt(element.get(_GROUP), swedish)
    element.addprevious(sdt)
    for member in members:
        member.attrib.pop(_GROUP, None)
        member.attrib.pop(_G, None)
    content.extend(members)


def add_controls(body: Any, swedish: bool) -> None:
    """Turn the body's marks into content controls; names in Swedish or English."""
    # the marks stand only on bookmarks' starts, paragraphs and rows: looked for there
    values = [e for e in body.iter(_START) if _TAG in e.attrib]
    groups = [e for e in body.iter(_P, _TR) if _G in e.attrib]
    for element in values:
        _value(element, swedish)
    for element in groups:
        if _GROUP in element.attrib:
            _group(element, swedish)
    # anything a hook moved out of reach keeps its bookmark but loses the markers
    for element in (*values, *groups):
        for name in (_TAG, _GROUP, _G):
            element.attrib.pop(name, None)
    etree.cleanup_namespaces(body)


def _json_default(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__}")


def text_digest(text: str) -> str:
    """A short digest of a paragraph's text, its spacing evened out."""
    flat = " ".join(text.split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:12]


def _written(body: Any) -> str:
    """Digests of the paragraphs the document holds as written, plugins' additions too."""
    found = set()
    for paragraph in body.iter(_P):
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
        if text.strip():
            found.add(text_digest(text))
    return " ".join(sorted(found))


def plan_xml(plan: Plan, document: Document, large_print: bool, written: str = "") -> bytes:
    """The custom XML part's content: the plan as JSON, and how the document was built.

    ``written`` are digests of its paragraphs' texts: a paragraph a plugin added is then
    known as the document's own when the document is read back, not as typed by a person.
    """
    data = json.dumps(unstructure_plan(plan), ensure_ascii=True, default=_json_default)
    root = etree.Element(f"{{{PLAN_NAMESPACE}}}plan", nsmap={None: PLAN_NAMESPACE})
    root.set("mode", document.mode.value)
    root.set("language", document.language.value)
    root.set("large-print", "true" if large_print else "false")
    if written:
        root.set("written", written)
    root.text = data
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def embed_plan(
    word: Any, plan: Plan, document: Document, large_print: bool, hooked: bool = False
) -> None:
    """Store ``plan`` in the package, with the mode and language ``document`` was built in.

    ``hooked``: a plugin has seen the document and may have added to it, so the texts of
    its paragraphs are stored too (their digests), to be known when it is read back.
    """
    written = _written(word.element.body) if hooked else ""
    blob = plan_xml(plan, document, large_print, written)
    package = word.part.package
    # the same content gives the same item id, so the same plan gives the same bytes
    item_id = uuid.UUID(bytes=hashlib.sha256(blob).digest()[:16], version=4)
    props = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}" xmlns:ds="{_DS}">'
        "<ds:schemaRefs/></ds:datastoreItem>"
    ).encode()
    # a template may hold custom XML of its own (Word's bibliography, say): the next free number
    name = package.next_partname("/customXml/item%d.xml")
    number = str(name)[len("/customXml/item") : -len(".xml")]
    item = Part(name, "application/xml", blob, package)
    item_props = Part(PackURI(f"/customXml/itemProps{number}.xml"), _PROPS_TYPE, props, package)
    item.relate_to(item_props, _CUSTOM_XML_PROPS)
    word.part.relate_to(item, _CUSTOM_XML)


def is_readable(document: Document) -> bool:
    """Whether ``document`` is one plan's (the plan or its workbook, not a cluster summary)."""
    return document.of_plan
