"""What an exporter is and what it gets: the types every export is built from.

There are two kinds of exporter, both registered through the
``register_exporters`` hook:

- a **data exporter** (JSON, YAML, TOML, a calendar) gets the plan itself:
  ``write(plan, stream, context)``;
- a **document exporter** (Word, PDF, Markdown, or a plugin's ODT or HTML) gets
  the finished :class:`~klusterplan.document.Document`, the same tree every
  document format renders: ``render(document, stream, context)``. It can write
  the plan and the workshop workbook alike, since both are that tree.

These types sit below the plugin registry and the :func:`klusterplan.export`
function; they are public under :mod:`klusterplan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

import attrs

from .._support.record import Record
from ..branding import Branding
from ..model import Language, Plan

if TYPE_CHECKING:
    import pluggy

    from ..document import Document

__all__ = [
    "DataWriter",
    "unknown_settings",
    "ExportContext",
    "ExportOptions",
    "Exporter",
    "Notice",
    "Renderer",
]


@attrs.frozen(repr=False, eq=False)
class Notice(Record):
    """Something an export changed or left out that the user should know."""

    path: str
    """The path in the plan the notice is about."""
    message: str
    """What happened: a :class:`~klusterplan.Text` when it is said in Swedish too."""

    def __str__(self) -> str:
        return self.render()

    def render(self, language: Language | str | None = None) -> str:
        """``path: message``, the message in ``language`` (``sv`` or ``en``; English by default)."""
        from .._catalogue.text import in_language

        said = in_language(self.message, language)
        return f"{self.path}: {said}" if self.path else said


def _language(value: Language | str | None) -> Language | None:
    """A language given by its code, in any case, as the :class:`Language` it names."""
    if value is None or isinstance(value, Language):
        return value
    try:
        return Language(str(value).strip().lower())
    except ValueError:
        known = ", ".join(repr(m.value) for m in Language)
        raise ValueError(f"language is one of {known}, got {value!r}") from None


@attrs.frozen(repr=False, eq=False)
class ExportOptions(Record):
    """Choices that apply to every exporter; each uses what it understands."""

    language: Language | None = attrs.field(default=None, converter=_language)
    """The reader's language; ``None`` uses the plan's own. ``"sv"`` or ``"en"`` is
    taken for :class:`Language`."""
    large_print: bool = False
    """Large print (storstil): body text of at least 16 pt."""
    template: Path | None = None
    """A reference document supplying styles and page set-up (Word)."""
    workbook: bool = False
    """Write the workshop workbook, pre-filled from the plan, instead of the plan."""
    settings: Mapping[str, str] = attrs.field(factory=dict)
    """Free ``key=value`` settings for plugin exporters (``--option``)."""


@attrs.define(repr=False)
class ExportContext(Record):
    """What an exporter gets beside the plan or the document it writes.

    For a document exporter :attr:`plan` is the plan the document was built
    from (with text a document cannot hold already mended); for a data
    exporter it is the plan as given.
    """

    plan: Plan
    """The plan being exported."""
    options: ExportOptions
    """The user's choices."""
    format: str
    """The name of the format being written."""
    branding: Branding = attrs.field(factory=Branding)
    """The look a plugin chose through the ``branding`` hook, or the default look."""
    hooks: pluggy.HookRelay | None = None
    """The registry's hooks, for an exporter that calls one of its own
    (the Word exporter calls ``docx_document``); ``None`` outside a registry."""
    notices: list[Notice] = attrs.field(factory=list)
    """Notices the exporter has given so far."""

    @property
    def language(self) -> Language:
        """The language the reader sees."""
        return self.options.language or self.plan.language

    def notice(self, path: str, message: str) -> None:
        """Tell the user about something the export changed or left out."""
        self.notices.append(Notice(path, message))


class Renderer(Protocol):
    """Writes a finished document as bytes: the interface of every document format.

    ``document`` is the whole tree (:class:`~klusterplan.document.Document`):
    every string a reader sees, labels and plan text alike, already in the
    reader's language and cleaned of characters a document cannot hold.
    ``context`` carries the branding, the options and :meth:`ExportContext.notice`.
    A renderer writes ``stream`` and returns nothing; it raises
    :class:`~klusterplan.PlanError` for a problem the user can fix.
    """

    def __call__(self, document: Document, stream: BinaryIO, context: ExportContext, /) -> None:
        """Write ``document`` to ``stream``."""


DataWriter = Callable[[Plan, BinaryIO, ExportContext], None]
"""``write(plan, stream, context)``: how a data exporter writes a plan."""


def _one_way(
    instance: Exporter, attribute: attrs.Attribute[Renderer | None], value: object
) -> None:
    if (instance.write is None) == (instance.render is None):
        raise ValueError(
            f"exporter {instance.name!r}: give exactly one of write (a data format, "
            "which gets the plan) and render (a document format, which gets the document)"
        )


@attrs.frozen(repr=False, eq=False)
class Exporter(Record):
    """A file format a plan can be exported to.

    Give ``write`` for a data format, or ``render`` for a document format.
    """

    name: str
    """The format's name, the value of ``--to``."""
    extension: str
    """The file suffix, with its dot."""
    description: str
    """One line for ``klusterplan plugins``: a plain ``str`` is shown as it is in both
    languages; a :class:`~klusterplan.Text` gives the Swedish wording too
    (``Text("The plan as a poster", sv="Planen som affisch")``), shown to a reader
    of Swedish."""
    write: DataWriter | None = None
    """A data format's writer: gets the plan."""
    render: Renderer | None = attrs.field(default=None, kw_only=True, validator=_one_way)
    """A document format's renderer: gets the finished document."""
    options: Mapping[str, str] | None = attrs.field(default=None, kw_only=True)
    """The ``--option KEY=VALUE`` names it reads, each with one line saying what it does
    (a :class:`~klusterplan.Text` to say it in Swedish too, as for :attr:`description`).

    ``{}`` declares that it reads none. ``None`` (the default, for exporters
    written before options were declared) accepts any name unchecked; an
    exporter that declares them gets a misspelt ``--option`` refused with the
    list of its names."""

    @property
    def workbook(self) -> bool:
        """Whether it can write the workshop workbook: every document format can."""
        return self.render is not None


def unknown_settings(exporters: Iterable[Exporter], settings: Mapping[str, str]) -> str | None:
    """Why ``settings`` name an option none of ``exporters`` reads, or ``None``.

    The reason is a :class:`~klusterplan.Text`, in English and Swedish.

    Only exporters that declare their :attr:`Exporter.options` can be judged;
    when one of them does not, every name is accepted.
    """
    chosen = list(exporters)
    if not settings or any(e.options is None for e in chosen):
        return None
    declared: dict[str, str] = {}
    for exporter in chosen:
        declared.update(exporter.options or {})
    unknown = [key for key in settings if key not in declared]
    if not unknown:
        return None
    import difflib

    from .._catalogue.messages import text

    names = ", ".join(e.name for e in chosen)
    key = unknown[0]
    close = difflib.get_close_matches(key, list(declared), n=1)
    hint = text("did_you_mean", value=repr(close[0])) if close else ""
    if not declared:
        return text("option_none", key=repr(key), names=names)
    from .._catalogue.text import Text, in_language

    listed = Text(
        *(
            "; ".join(
                f"{name} ({in_language(what, language)})" for name, what in sorted(declared.items())
            )
            for language in ("en", "sv")
        )
    )
    return text("option_unknown", key=repr(key), hint=hint, names=names, listed=listed)
