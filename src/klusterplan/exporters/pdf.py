"""The PDF exporter: the whole plan, or the blank workbook, as a PDF to publish or print.

It renders the shared :class:`~klusterplan.document.Document` (the same
sections, order and wording as the Word export) with reportlab: a title page,
a table of contents with page numbers, bookmarks for every section and target
group, "Sida 3 av 12" and the library's name in the footer, the votes as a
bar chart under the same numbers as a table, and the centre matrix as a
four-field grid. Fonts are embedded TrueType fonts, checked against the text
before anything is laid out.

Settings (``--option KEY=VALUE``):

``pdf.font``, ``pdf.font_bold``, ``pdf.font_italic``, ``pdf.font_bold_italic``
    TrueType files to set the document in instead of the house typeface (Carlito) that ships
    with klusterplan.
``pdf.fallback_font``
    A TrueType file for characters the main font lacks (Sámi letters, Arabic
    script). Without it, such a character stops the export with an error that
    names the character and the plan paths it occurs in.

A plugin can register a PDF format with its own fonts through
:func:`pdf_exporter`. reportlab is imported only when a PDF is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from .._catalogue.messages import text
from .._extension.exporter import ExportContext, Exporter, Renderer
from .._planfile.sanitise import tree_strings
from ..errors import PlanError, Problem
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..document import Document
    from ._pdf_fonts import FONT_SETTINGS, FontFiles

__all__ = ["FONT_SETTINGS", "FontFiles", "pdf_exporter", "register_exporters"]


#: The ``--option`` names the PDF exporter reads: font files replacing Carlito.
FONT_OPTIONS: dict[str, str] = {
    "pdf.font": text("pdf_truetype_file_body_text"),
    "pdf.font_bold": text("pdf_bold_face"),
    "pdf.font_italic": text("pdf_italic_face"),
    "pdf.font_bold_italic": text("pdf_bold_italic_face"),
    "pdf.fallback_font": text("pdf_font_characters_others_lack"),
}


def __getattr__(name: str) -> Any:
    # the font code is imported when first needed, not when the exporter registers
    if name in ("FONT_SETTINGS", "FontFiles"):
        from . import _pdf_fonts

        return getattr(_pdf_fonts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _document_strings(document: Document) -> list[str]:
    return tree_strings(document)


def _colour(value: str, default: str, what: str, context: ExportContext) -> object:
    from reportlab.lib import colors

    from .._document.colour import checked_colour

    # the print PDF takes any valid colour; the formats that publish ask for contrast too
    return colors.HexColor(checked_colour(value, default, what, context.notice, minimum=1.0))


def _renderer(fonts: FontFiles | None) -> Renderer:
    def render_pdf(document: Document, stream: BinaryIO, context: ExportContext) -> None:
        from reportlab.platypus.doctemplate import LayoutError

        from ..branding import Branding
        from ..document import marked_values
        from ._pdf_fonts import FontFiles, check_text, font_files_from_settings, load_fonts
        from ._pdf_layout import Look, render

        # The default is looked up here, not at registration: finding reportlab's
        # font folder imports reportlab, which only a PDF export may do.
        files = font_files_from_settings(fonts or FontFiles.default(), context.options.settings)
        loaded = load_fonts(files)
        branding = context.branding
        texts = [*_document_strings(document), branding.footer]
        if branding.logo is not None:
            texts.append(branding.logo.alt_text)
        checked = check_text(loaded, texts, marked_values(document), context)
        default = Branding()
        look = Look(
            fonts=checked,
            branding=branding,
            large_print=context.options.large_print,
            primary=_colour(
                branding.primary_colour, default.primary_colour, "primary_colour", context
            ),
            accent=_colour(branding.accent_colour, default.accent_colour, "accent_colour", context),
            house_fonts=files == FontFiles.default(),
        )
        try:
            data = render(document, look)
        except PlanError:
            raise
        except LayoutError as exc:
            raise PlanError(
                [
                    Problem(
                        "",
                        text("pdf_taller_than_page", detail=str(exc)[:120]),
                    )
                ]
            ) from None
        except Exception as exc:  # reportlab's errors name no plan path; say what failed
            if branding.logo is not None and "image" in str(exc).lower():
                raise PlanError(
                    [Problem("", text("pdf_logo_unreadable", detail=str(exc)))]
                ) from exc
            raise
        stream.write(data)

    return render_pdf


def pdf_exporter(
    name: str = "pdf",
    fonts: FontFiles | None = None,
    description: str = text("pdf_whole_plan_blank_workbook"),
) -> Exporter:
    """An exporter writing PDF with ``fonts``; a plugin may register one under its own name.

    ``description`` is shown by ``klusterplan plugins``: give a :class:`~klusterplan.Text`
    to say it in Swedish too.

    >>> from klusterplan.exporters.pdf import FontFiles, pdf_exporter
    >>> exporter = pdf_exporter("pdf-sami", FontFiles.default())
    >>> exporter.extension
    '.pdf'
    """
    return Exporter(name, ".pdf", description, render=_renderer(fonts), options=FONT_OPTIONS)


@hookimpl
def register_exporters() -> list[Exporter]:
    """The PDF rendering of the whole plan and of the blank workbook."""
    return [pdf_exporter()]
