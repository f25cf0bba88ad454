"""The tagged PDF exporter: the plan, or the workshop workbook, as PDF/UA-1 to publish.

The plugin that registers the format; the writing itself is in ``_pdfua``,
imported only when a document is written, so that commands which write no
document start without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from .._catalogue.messages import text
from .._extension.exporter import ExportContext, Exporter
from ..errors import PlanError, Problem
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["EXTRA", "render_pdfua", "register_exporters"]

#: The extra that installs what the tagged PDF needs.
EXTRA = "accessible"


def render_pdfua(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream``; needs Typst."""
    try:
        import typst  # noqa: F401  (only to know it is there before any work)
    except ImportError:
        raise PlanError([Problem("", text("pdfua_needs_typst", extra=EXTRA))]) from None
    from ._pdfua import render_pdfua as write

    write(document, stream, context)


@hookimpl
def register_exporters() -> list[Exporter]:
    """The tagged PDF/UA-1 document of the plan, and of the workshop workbook."""
    return [
        Exporter(
            "pdf-ua",
            # beside the untagged PDF of the same plan, not over it
            ".ua.pdf",
            text("pdfua_whole_plan_workshop_workbook", extra=EXTRA),
            render=render_pdfua,
            options={},
        )
    ]
