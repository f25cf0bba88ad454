"""The Word package around the body: template, styles, numbering, footer, properties.

Imported only when a Word export runs, since python-docx is a heavy import.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt
from lxml import etree

from .._catalogue.messages import text as message_text
from .._document import design as _design
from .._model import paths as _paths
from .._support.internals import use_internals
from .._support.xml import escape_attribute
from .._word.body import body_xml, footer_xml
from .._word.layout import CHART_BEFORE
from .._word.marks import (
    CHART_MARK,
    REQUIRED_STYLES,
    SECTION_MARK,
    W_NS,
    Look,
    half_points,
    house_look,
)
from .._word.template import template_problem
from ..branding import Branding
from ..document import Chart, Document
from ..errors import PlanError, Problem
from ._docx_house import (
    hex_colour,
    house_package,
    no_small_print,
    set_language,
    set_page,
    set_sizes,
)
from ._logo import inked

__all__ = [
    "PROPERTY_LIMIT",
    "REQUIRED_STYLES",
    "WordPackage",
    "build_package",
    "check_pictures",
    "save",
]

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _open(template: Path, needed: list[str]) -> Any:
    """The template with its body emptied; checks its styles first."""
    problem = template_problem(template)
    if problem:
        raise PlanError(
            [Problem("", message_text("docx_template", template=template, problem=problem))]
        )
    try:
        document = docx.Document(str(template))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise PlanError(
            [
                Problem(
                    "", message_text("docx_template_not_word", template=template, detail=str(exc))
                )
            ]
        ) from None
    names = {s.name for s in document.styles}
    missing = [n for n in needed if n not in names and n.lower() not in names]
    if missing:
        raise PlanError(
            [
                Problem(
                    "",
                    message_text(
                        "docx_template_styles",
                        template=template,
                        styles=", ".join(repr(m) for m in missing),
                    ),
                )
            ]
        )
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_hidden(document)
    return document


#: Parts of a template that hold what its document said, not how it looks: custom XML (where
#: klusterplan keeps the plan a document was made from), comments and charts (with the
#: numbers of their workbooks), which the emptied body no longer shows but the package
#: would carry on.
_HIDDEN = ("/customXml", "/comments", "/commentsExtended", "/commentsIds", "/people", "/chart")
_CUSTOM_PROPERTIES = "/custom-properties"


def _drop_hidden(document: Any) -> None:
    """Leave behind what a template holds besides its look: another document's data.

    A template may be a klusterplan export of another library's plan; what it
    carries unseen (that plan, its comments, its marks in headers and footers)
    must not come along into a new document.
    """
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(_HIDDEN):
            document.part.rels.pop(r_id)
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype.endswith(_CUSTOM_PROPERTIES):
            package.rels.pop(r_id)
    for rel in document.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external:
            _unmark(rel.target_part.element)


def _unmark(element: Any) -> None:
    """Remove klusterplan's marks: bookmarks and content controls' tags naming plan paths.

    A control's binding to custom XML goes too: the part it named is not carried over.
    """
    ends = {e.get(qn("w:id")): e for e in element.iter(qn("w:bookmarkEnd"))}
    for mark in list(element.iter(qn("w:bookmarkStart"))):
        if (mark.get(qn("w:name")) or "").startswith(("_kp", "kp_")):
            end = ends.get(mark.get(qn("w:id")))
            for found in (mark, end):
                if found is not None and found.getparent() is not None:
                    found.getparent().remove(found)
    for found in list(element.iter(qn("w:tag"), qn("w:dataBinding"))):
        value = found.get(qn("w:val")) or ""
        if found.tag == qn("w:dataBinding") or _plan_path(value):
            found.getparent().remove(found)


def _plan_path(value: str) -> bool:
    """Whether a content control's tag names a place in a plan."""
    head = value.partition("=")[0].replace("[]", "[*]")
    try:
        _paths.parse(head)
    except ValueError:
        return False
    return _paths.slot(head) is not None


class _Numbering:
    """Bullet and decimal list definitions of our own, whatever the template has."""

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        ids = [int(e.get(qn("w:abstractNumId"))) for e in self.root.iter(qn("w:abstractNum"))]
        nums = [int(e.get(qn("w:numId"))) for e in self.root.iter(qn("w:num"))]
        self.next_num = max(nums, default=0) + 1
        base = max(ids, default=-1) + 1
        self.abstract = {False: base, True: base + 1}
        definitions = [
            self._abstract(base, "bullet", "•"),
            self._abstract(base + 1, "decimal", "%1."),
        ]
        # abstract definitions must precede every w:num
        first_num = self.root.find(qn("w:num"))
        for element in definitions:
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self.root.append(element)

    @staticmethod
    def _abstract(id: int, fmt: str, text: str) -> Any:
        return parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{id}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
        )

    def new(self, ordered: bool) -> int:
        num = self.next_num
        self.next_num += 1
        self.root.append(
            parse_xml(
                f'<w:num xmlns:w="{W_NS}" w:numId="{num}">'
                f'<w:abstractNumId w:val="{self.abstract[ordered]}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return num


def _cover_without_footer(document: Any) -> None:
    """The cover page gets no footer: the first section has a first page of its own."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    for part in (section.first_page_footer, section.first_page_header):
        part.is_linked_to_previous = False


def _charts(document: Any, doc: Document, look: Look) -> None:
    """Put each chart where the body marked it: a chart part Word and LibreOffice draw.

    Each chart is a part of its own (``word/charts/chartN.xml``) with the
    workbook of its numbers embedded, related from the main part; python-docx
    has no chart API, so the parts and the inline frame are written here.
    """
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from .._document.metrics import chart_height
    from ._chart import WORKBOOK_TYPE, chart_xml, workbook_xlsx

    charts = [b for s in (*doc.front, *doc.sections) for b in s.blocks if isinstance(b, Chart)]
    body = document.element.body
    mark = f"{{{CHART_MARK}}}chart"
    part = document.part
    package = part.package
    for paragraph in [p for p in body.iter(qn("w:p")) if p.get(mark) is not None]:
        chart = charts[int(paragraph.get(mark))]
        width_pt = look.text_width / 20 * 0.9
        labels = tuple(" ".join(label.split()) for label in chart.labels)
        height_pt = chart_height(labels, width_pt, look.large_print)
        n = 1 + sum(1 for p in package.iter_parts() if str(p.partname).startswith("/word/charts/"))
        chart_part = Part(
            PackURI(f"/word/charts/chart{n}.xml"),
            _CHART_TYPE,
            chart_xml(chart, width_pt, look.large_print, look.primary).encode("utf-8"),
            package,
        )
        category = chart.table.headers[1] if len(chart.table.headers) > 1 else ""
        workbook = Part(
            PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
            WORKBOOK_TYPE,
            workbook_xlsx(chart, category),
            package,
        )
        chart_part.relate_to(workbook, _PACKAGE_REL)
        r_id = part.relate_to(chart_part, _CHART_REL)
        shape = part.next_id
        alt = escape_attribute(chart.alt or chart.title)
        title = escape_attribute(chart.title)
        replacement = parse_xml(
            f'<w:p xmlns:w="{W_NS}" xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:c="{_C}" '
            f'xmlns:r="{_R}"><w:pPr><w:keepNext/><w:jc w:val="center"/>'
            f'<w:spacing w:before="{CHART_BEFORE}" w:after="0"/></w:pPr><w:r><w:drawing>'
            '<wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{int(Pt(width_pt))}" cy="{int(Pt(height_pt))}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape}" name="Chart {n}" descr="{alt}" title="{title}"/>'
            "<wp:cNvGraphicFramePr/>"
            f'<a:graphic><a:graphicData uri="{_C}"><c:chart r:id="{r_id}"/></a:graphicData>'
            "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
        )
        paragraph.getparent().replace(paragraph, replacement)


_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_CHART_REL = f"{_R}/chart"
_PACKAGE_REL = f"{_R}/package"


def _footer(
    document: Any,
    doc: Document,
    branding: Branding,
    widths: tuple[int, int],
    size: int,
    rule: str,
) -> None:
    """Fill the footer: the library's name, and "Sida N av M" at the right margin.

    A section inherits the footer of the one before it, and the footer's right
    tab stop is where the page's margin is; so the first section, and each one
    that turns the page the other way, gets a footer of its own.
    """
    sections = list(document.sections)
    if any(p.text.strip() for p in sections[0].footer.paragraphs):
        return  # the template's own footer wins
    text = " · ".join(t for t in (doc.footer, branding.footer) if t)
    previous: bool | None = None
    for section in sections:
        landscape = section.page_width > section.page_height
        if landscape == previous:
            continue
        previous = landscape
        footer = section.footer
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        width = widths[1] if landscape else widths[0]
        element.append(parse_xml(footer_xml(text, doc.page_label, width, size, rule)))


#: The running logo's height on every page after the cover, as the PDF draws it.
RUNNING_LOGO_MM = 9.0
#: The room under the running logo before the text: the text starts where the PDF's does.
LOGO_SPACE_MM = 4.0


def _header_room(branding: Branding) -> float:
    """Points a running logo and the room under it push the text down from the top margin."""
    if branding.logo is None:
        return 0.0
    header = _design.MARGIN_MM / 2 + RUNNING_LOGO_MM + LOGO_SPACE_MM
    return max(0.0, header - _design.MARGIN_MM) * 72 / 25.4


def _logo(document: Any, branding: Branding) -> None:
    """The logo at the top right of every page: full width on the cover, 9 mm high after.

    Its top stands at the header's distance from the page's edge (10 mm) and its right
    edge on the text edge, where the PDF draws it.
    """
    logo = branding.logo
    if logo is None:
        return
    section = document.sections[0]
    # the cover has a header of its own (and no footer): the logo goes on it at full width
    for header, size, after in (
        (section.header, {"height": Mm(RUNNING_LOGO_MM)}, Mm(LOGO_SPACE_MM)),
        (section.first_page_header, {"width": Mm(logo.width_mm)}, Mm(0)),
    ):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        if paragraph.text.strip():
            paragraph = paragraph.insert_paragraph_before()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_before = Mm(0)
        # the header ends below the top margin: the text starts that much lower, as in the PDF
        paragraph.paragraph_format.space_after = after
        picture = paragraph.add_run().add_picture(io.BytesIO(inked(logo.data)), **size)
        # no wrapping distance: without it LibreOffice keeps 3.2 mm beside the picture,
        # and the logo would stop short of the text edge
        for side in ("distT", "distB", "distL", "distR"):
            picture._inline.set(side, "0")
        for doc_pr in header._element.iter(qn("wp:docPr")):
            if not doc_pr.get("descr"):
                doc_pr.set("descr", logo.alt_text)
                doc_pr.set("title", logo.alt_text)


def check_pictures(document: Any) -> list[str]:
    """Names of pictures anywhere in the document that have no alt text."""
    parts = [document.part] + [
        s.header.part for s in document.sections if not s.header.is_linked_to_previous
    ]
    missing = []
    for part in parts:
        for doc_pr in part.element.iter(qn("wp:docPr")):
            if not (doc_pr.get("descr") or "").strip():
                missing.append(doc_pr.get("name") or "picture")
    return missing


#: The longest text python-docx (and Word's property dialog) takes for a core property.
PROPERTY_LIMIT = 255


def _fit(value: str, what: str, notice: Callable[[str, str], None]) -> str:
    if len(value) <= PROPERTY_LIMIT:
        return value
    from .._catalogue.messages import text

    notice(
        "",
        text("property_shortened", what=what, length=len(value), most=PROPERTY_LIMIT),
    )
    return value[: PROPERTY_LIMIT - 1] + "…"


def _properties(document: Any, doc: Document, notice: Callable[[str, str], None]) -> None:
    props = document.core_properties
    title = f"{doc.title} – {doc.subtitle}" if doc.subtitle else doc.title
    props.title = _fit(title, "title", notice)
    props.author = _fit(doc.author, "author", notice)
    props.subject = _fit(doc.subject, "subject", notice)
    props.keywords = _fit("; ".join(doc.keywords), "keywords", notice)
    props.language = doc.language_tag
    props.comments = ""
    props.category = ""
    # the document information a register reads without opening the document
    props.content_status = _fit(doc.status, "status", notice)
    props.version = _fit(doc.version, "version", notice)
    props.last_modified_by = props.author
    props.revision = 1
    element = props._element
    if doc.date is not None:
        moment = _dt.datetime.combine(doc.date, _dt.time(), _dt.UTC).replace(tzinfo=None)
        props.created = moment
        props.modified = moment
    else:
        # no date known: none rather than the moment of the run, which would differ each time
        for tag in ("dcterms:created", "dcterms:modified"):
            for child in element.findall(qn(tag)):
                element.remove(child)


def _orient(sect_pr: Any, landscape: bool) -> None:
    """Turn a copy of the page set-up to landscape (or back), keeping margins and footers."""
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        return
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    short, long = sorted((width, height))
    size.set(qn("w:w"), str(long if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), None)


def _section_breaks(body: Any, last_landscape: bool) -> None:
    """Replace the body's marker paragraphs by section breaks; orient the last section."""
    sect_pr = body.find(qn("w:sectPr"))
    mark = f"{{{SECTION_MARK}}}ends"
    for paragraph in [p for p in body.iterchildren(qn("w:p")) if p.get(mark)]:
        replacement = parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr/></w:p>')
        if sect_pr is not None:
            ended = copy.deepcopy(sect_pr)
            _orient(ended, paragraph.get(mark) == "landscape")
            replacement[0].append(ended)
        body.replace(paragraph, replacement)
    if sect_pr is not None and last_landscape:
        _orient(sect_pr, True)


_BODY_SLOT = "klusterplan-body"
_CHUNK = "klusterplan-chunk"
# the paragraphs the package replaces (section breaks, charts): the rest of the body is kept as text
_MARKER = re.compile(
    f'(<w:p xmlns:kp="(?:{re.escape(SECTION_MARK)}|{re.escape(CHART_MARK)})"[^>]*/>)'
)


class WordPackage:
    """A python-docx document, and the body's text kept out of its tree until it is saved.

    When nothing looks at the body between building and saving (no plugin's
    ``docx_document`` hook), the body's text goes into the tree only as place
    holders between the paragraphs the package changes (section breaks, charts),
    and is put back as it was written when the main part is saved: parsing it
    into the tree and serialising it again would cost more than all the rest.
    """

    def __init__(self, word: Any, chunks: list[str]) -> None:
        #: The python-docx document.
        self.word = word
        #: The body's text, one piece for each place holder in order; empty when whole.
        self.chunks = chunks

    def main_part(self, blob: bytes) -> bytes:
        """The main part's serialised ``blob`` with the body's text back in place."""
        if not self.chunks:
            return blob
        pieces = blob.split(f"<?{_CHUNK}?>".encode())
        if len(pieces) != len(self.chunks) + 1:
            raise ValueError("the body's place holders were moved")
        out = [pieces[0]]
        for chunk, piece in zip(self.chunks, pieces[1:], strict=True):
            out += [chunk.encode("utf-8"), piece]
        return b"".join(out)


def _skeleton(xml: str) -> tuple[str, list[str]]:
    """``xml``'s body with only its marker paragraphs, and the text between them."""
    head = xml[: xml.index(">") + 1]
    pieces = _MARKER.split(xml[len(head) : xml.rindex("</w:body>")])
    slot = f"<?{_CHUNK}?>"
    markers = "".join(marker + slot for marker in pieces[1::2])
    return f"{head}{slot}{markers}</w:body>", pieces[0::2]


def _with_body(document: Any, xml: str) -> Any:
    """The document with the ``w:body`` element ``xml``'s children before its section properties.

    The whole main part is parsed once with the body in it: moving thousands of
    parsed children into the tree one at a time costs time that grows with the
    square of the plan's size.
    """
    part = document.part
    body = part.element.body
    slot = etree.ProcessingInstruction(_BODY_SLOT)
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(slot)
    else:
        body.append(slot)
    text = etree.tostring(part.element, encoding="unicode")
    head, _, tail = text.partition(etree.tostring(slot, encoding="unicode"))
    inner = xml[xml.index(">") + 1 : xml.rindex("</w:body>")]
    part._element = parse_xml(head + inner + tail)
    return part.document


def build_package(
    doc: Document,
    *,
    template: Path | None,
    large_print: bool,
    branding: Branding,
    notice: Callable[[str, str], None] = lambda path, message: None,
    whole: bool = True,
) -> WordPackage:
    """The Word package of ``doc``; the caller runs hooks on its document and saves it.

    Unless ``whole`` (a plugin will look at the document before it is saved), the
    body's text is kept out of the tree, see :class:`WordPackage`.

    ``notice(path, message)`` is told about what had to change (a document
    property too long for Word).
    """
    max_level = max((s.level for s in doc.sections), default=1)
    if template is None:
        primary = hex_colour(branding.primary_colour, _design.PRIMARY)
        house = house_package(doc.language_tag, large_print, primary, max_level)
        document = house.open(whole=whole)
        styles = house.styles
        text_width, wide_width = house.widths
    else:
        needed = [*REQUIRED_STYLES, *(f"Heading {n}" for n in range(1, max_level + 1))]
        document = _open(template, needed)
        styles = {name: document.styles[name].style_id for name in needed}
        set_language(document, doc.language_tag)
        set_sizes(document, large_print, max_level)
        if large_print:
            no_small_print(document)
        text_width, wide_width = set_page(document, template)

    look = house_look(
        styles,
        large_print,
        primary=hex_colour(branding.primary_colour, _design.PRIMARY),
        accent=hex_colour(branding.accent_colour, _design.ACCENT),
        widths=(text_width, wide_width),
        header_room=_header_room(branding),
    )
    numbering = _Numbering(document)
    xml, last_landscape = body_xml(doc, look, numbering.new)
    xml, chunks = (xml, []) if whole else _skeleton(xml)
    document = _with_body(document, xml)
    _section_breaks(document.element.body, last_landscape)
    _charts(document, doc, look)
    _cover_without_footer(document)
    _footer(
        document,
        doc,
        branding,
        (text_width, wide_width),
        half_points("footer", large_print),
        look.accent,
    )
    _logo(document, branding)
    _properties(document, doc, notice)
    return WordPackage(document, chunks)


class _FixedZip:
    """python-docx's package-writer interface, writing members with fixed timestamps."""

    def __init__(self, stream: io.BytesIO) -> None:
        self.zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, _FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob)

    def close(self) -> None:
        self.zip.close()


def _drop_extras(document: Any) -> None:
    """Leave out python-docx's own thumbnail and Word 2010's duplicate style sheet.

    The thumbnail shows python-docx's sample page, not this document, and
    stylesWithEffects repeats styles.xml; Word rebuilds it when it saves.
    """
    for holder in (document.part.package, document.part):
        for r_id, rel in list(holder.rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                holder.rels.pop(r_id)


def save(package: WordPackage, built_in: bool) -> bytes:
    """The package's bytes, the same for the same content (fixed timestamps inside)."""
    document = package.word
    if built_in:
        _drop_extras(document)
    if use_internals():
        try:
            return _write(package, document)
        except AttributeError:  # a python-docx without these internals
            pass
    # python-docx's public save, then each member re-stamped
    if package.chunks:
        document.part._element = parse_xml(package.main_part(document.part.blob))
        package.chunks = []
    stream = io.BytesIO()
    document.save(stream)
    return _restamp(stream.getvalue())


def _write(package: WordPackage, document: Any) -> bytes:
    """The package written by python-docx's own writer's helpers, with fixed timestamps."""
    opc = document.part.package
    stream = io.BytesIO()
    from docx.opc.pkgwriter import PackageWriter

    parts = list(opc.parts)
    for part in parts:
        part.before_marshal()
    writer: Any = _FixedZip(stream)
    # python-docx's own writer stamps each member with the current time; its helpers
    # take any object with write() and close()
    helpers: Any = PackageWriter
    helpers._write_content_types_stream(writer, parts)
    helpers._write_pkg_rels(writer, opc.rels)
    for part in parts:
        blob = part.blob
        writer.write(part.partname, package.main_part(blob) if part is document.part else blob)
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    writer.close()
    return stream.getvalue()


def _restamp(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
