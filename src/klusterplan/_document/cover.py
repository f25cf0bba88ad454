"""What a plan's cover says about the document itself: type, status, version and owner.

A municipal document names its type, where it stands on the way to a decision,
its version and date, who adopts it, its registry number and whom to ask. They
are built here once, as label and value lines with the plan values they show
marked, and every format draws them the same way.
"""

from __future__ import annotations

from .._catalogue import format as _format
from .._catalogue.labels import enum_label, label
from ..document import Mark, Marks
from ..model import DocumentStatus, Language, Plan

__all__ = ["control_lines", "status_mark"]

#: A cover line: label, value and the plan values the value shows.
Line = tuple[str, str, Marks]


def _whole(path: str, value: str) -> Marks:
    return (Mark(path, 0, len(value)),)


def _joined(parts: list[tuple[str, str]], separator: str = ", ") -> tuple[str, Marks]:
    """``parts`` (path, text) joined into one value, each part marked where it stands."""
    text, marks = "", []
    for path, part in parts:
        if not part:
            continue
        if text:
            text += separator
        marks.append(Mark(path, len(text), len(text) + len(part)))
        text += part
    return text, tuple(marks)


def control_lines(plan: Plan, lang: Language) -> list[Line]:
    """The cover's document information, in the order a municipal cover lists it.

    The document type is always shown (Kommunikationsplan when the plan names
    none); every other line only when the plan fills it in. The document's date
    stands with the lines about the plan above.
    """
    doc = plan.document
    kind = doc.type or label("communication_plan", lang)
    # the default type is a label, not a plan value: nothing to read back from it
    marks = _whole("document.type", kind) if doc.type else ()
    lines: list[Line] = [(label("document_type", lang), kind, marks)]
    if doc.status is not None:
        shown = enum_label(doc.status, lang)
        shown = shown[:1].upper() + shown[1:]
        lines.append((label("document_status", lang), shown, _whole("document.status", shown)))
    if doc.version:
        lines.append((label("version", lang), doc.version, _whole("document.version", doc.version)))
    adopted = doc.status is DocumentStatus.ADOPTED or doc.decided_on is not None
    if doc.decided_by:
        key = "adopted_by" if adopted else "decided_by"
        lines.append(
            (label(key, lang), doc.decided_by, _whole("document.decided_by", doc.decided_by))
        )
    if doc.decided_on is not None:
        on = _format.day(doc.decided_on)
        lines.append((label("decided_on", lang), on, _whole("document.decided_on", on)))
    if doc.reference:
        lines.append(
            (
                label("registry_number", lang),
                doc.reference,
                _whole("document.reference", doc.reference),
            )
        )
    contact = doc.contact
    value, marks = _joined(
        [
            ("document.contact.name", contact.name),
            ("document.contact.role", contact.role),
            ("document.contact.email", contact.email),
            ("document.contact.phone", contact.phone),
        ]
    )
    if value:
        lines.append((label("contact_person", lang), value, marks))
    return lines


def status_mark(plan: Plan, lang: Language) -> str:
    """``UTKAST`` or ``REMISS`` (``DRAFT``, ``FOR CONSULTATION``) for a plan not yet adopted.

    Empty for an adopted plan and for one that gives no status: only a plan
    that says it is unfinished is marked so on its cover and on every page.
    """
    status = plan.document.status
    if status is None or status is DocumentStatus.ADOPTED:
        return ""
    return enum_label(status, lang).upper()
