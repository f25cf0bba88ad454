"""The HTML exporter: the plan, or the workshop workbook, as one accessible web page.

The plugin that registers the format; the writing itself is in ``_html``,
imported only when a document is written, so that commands which write no
document start without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from .._catalogue.messages import text
from .._extension.exporter import ExportContext, Exporter
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["render_html", "register_exporters"]


def render_html(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    """Write ``document`` (the plan or the workbook) to ``stream``."""
    from ._html import render_html as write

    write(document, stream, context)


@hookimpl
def register_exporters() -> list[Exporter]:
    """The accessible web page of the plan, and of the workshop workbook."""
    return [
        Exporter(
            "html",
            ".html",
            text("html_whole_plan_workshop_workbook"),
            render=render_html,
            options={},
        )
    ]
