"""The Word exporter: the plan, or the workshop workbook, as a ``.docx`` document.

It renders the shared :class:`~klusterplan.document.Document` with built-in
heading styles, real lists, tables whose header rows repeat on every page,
a table of contents Word fills on opening, the library's name and page
numbers in the footer, and the document language set for spell-checking.

``--template`` takes a reference document (as pandoc's ``--reference-doc``)
whose styles, page set-up, headers and footers the export uses. Plugins
change the look through the ``branding`` hook (logo, colours, footer line)
and adjust the finished document through the ``docx_document`` hook.

python-docx is imported only when an export runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from .._catalogue.messages import text as message_text
from .._extension.exporter import ExportContext, Exporter
from ..hookspecs import hookimpl
from ..model import Language

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["register_exporters", "render_docx"]


def render_docx(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream`` as Word.

    A plan or workbook comes out readable back (``klusterplan import``): each
    value in a content control tagged with its path and a bookmark, and the plan
    itself in a custom XML part; the ``docx_document`` hook sees the document
    before the controls are put in, so that python-docx sees all of its text.
    """
    from ._docx_package import build_package, check_pictures, save
    from ._docx_readback import add_controls, embed_plan, is_readable

    # a plugin's hook sees the document before its content controls are in, for python-docx
    # does not look into them; without such a plugin they are written at once, as text
    hooked = context.hooks is not None and bool(context.hooks.docx_document.get_hookimpls())
    package = build_package(
        document,
        template=context.options.template,
        large_print=context.options.large_print,
        branding=context.branding,
        notice=context.notice,
        controls=not hooked,
    )
    word = package.word
    if hooked and context.hooks is not None:
        context.hooks.docx_document(document=word, plan=context.plan, context=context)
        add_controls(word.element.body, document.language is Language.SV)
    for name in check_pictures(word):
        from .._catalogue.messages import text

        context.notice("", text("no_alt_text", name=repr(name)))
    if is_readable(document):
        embed_plan(word, context.plan, document, context.options.large_print, hooked)
    stream.write(save(package, built_in=context.options.template is None))


@hookimpl
def register_exporters() -> list[Exporter]:
    """The Word document of the plan, and of the workshop workbook."""
    return [
        Exporter(
            "docx",
            ".docx",
            message_text("docx_whole_plan_workshop_workbook"),
            render=render_docx,
            options={},
        )
    ]
