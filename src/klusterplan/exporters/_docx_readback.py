"""What lets a Word export be read back: the plan it was made from, in the package.

The body marks each plan value by bookmarks (:mod:`klusterplan._word.marks`).
:func:`embed_plan` stores the plan the document was made from in a custom XML
part (``customXml/itemN.xml``), a part Word and LibreOffice keep without
showing: what the document does not show (a group's id, an action's
indicator, accepted findings) comes back from it when the document is read.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import uuid
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from .._planfile.convert import unstructure_plan
from .._word.marks import PLAN_NAMESPACE, W_NS, text_digest
from ..document import Document
from ..model import Plan

__all__ = ["embed_plan", "is_readable", "plan_xml"]

_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_W = f"{{{W_NS}}}"
_P = f"{_W}p"


def _json_default(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__}")


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
