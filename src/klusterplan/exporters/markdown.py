"""The Markdown exporter: the whole plan as a readable Markdown document.

It renders the shared :class:`~klusterplan.document.Document`, so its
sections and wording are those of the Word and PDF exports. Plan text is
escaped: whatever a plan says is shown as typed, never read as markup.

The rendering code is imported only when a document is written, so that
commands which write none (``check``) do not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from .._catalogue.messages import text as message_text
from .._extension.exporter import ExportContext, Exporter
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["escape", "register_exporters", "render"]


def escape(text: str) -> str:
    """Escape ``text`` so that Markdown shows it exactly as typed."""
    from ._markdown import escape as escape_text

    return escape_text(text)


def render(document: Document) -> str:
    """Render a document as Markdown text."""
    from ._markdown import render as render_text

    return render_text(document)


def _render(document: Document, stream: BinaryIO, context: ExportContext) -> None:
    stream.write(render(document).encode("utf-8"))


@hookimpl
def register_exporters() -> list[Exporter]:
    """The Markdown rendering of the whole plan."""
    return [
        Exporter(
            "markdown",
            ".md",
            message_text("markdown_whole_plan_workshop_workbook"),
            render=_render,
            options={},
        )
    ]
