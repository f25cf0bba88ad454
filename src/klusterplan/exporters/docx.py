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

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["register_exporters", "render_docx"]


def render_docx(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream`` as Word.

    A plan or workbook comes out readable back (``klusterplan import``): each
    value between the start and end of a bookmark naming its path, and the plan
    itself in a custom XML part (:mod:`klusterplan._word.marks`). Nothing in the
    body is hidden from python-docx: a script, or the ``docx_document`` hook,
    sees every paragraph, row and word through ``paragraphs`` and ``tables``.
    """
    from ._docx_package import build_package, check_pictures, save
    from ._docx_readback import embed_plan, is_readable

    # without a plugin's hook to see it, the body is kept as text until it is saved
    hooked = context.hooks is not None and bool(context.hooks.docx_document.get_hookimpls())
    package = build_package(
        document,
        template=context.options.template,
        large_print=context.options.large_print,
        branding=context.branding,
        notice=context.notice,
        whole=hooked,
    )
    word = package.word
    if hooked and context.hooks is not None:
        context.hooks.docx_document(document=word, plan=context.plan, context=context)
    for name in check_pictures(word):
        from .._catalogue.messages import text

        context.notice("", text("no_alt_text", name=repr(name)))
    if is_readable(document) and document.source is not None:
        embed_plan(word, document.source, document, context.options.large_print, hooked)
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
