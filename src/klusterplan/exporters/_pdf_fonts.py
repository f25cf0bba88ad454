"""Fonts for the PDF export, and the check that every character has a glyph.

The PDF embeds TrueType fonts only, never the 14 base fonts: a base font has
no Sámi or Arabic letters and a reader's viewer may substitute another face.
By default the house typeface, Carlito, that ships with klusterplan is used,
so the export works on any machine and looks like the Word export (Calibri).
Other fonts come through settings (``pdf.font``, ``pdf.fallback_font``) or a
plugin's own exporter.

Before anything is laid out, the document's text is checked against the
fonts' character maps. A character that only the fallback font has is set in
the fallback font; a character that neither has is reported with the plan
paths it occurs in, so nothing is ever printed as an empty box.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .._catalogue.messages import os_reason
from .._catalogue.messages import text as message_text
from .._document import design as _design
from .._extension.exporter import ExportContext
from .._support.xml import escape
from ..errors import PlanError, Problem

__all__ = [
    "FontFiles",
    "Fonts",
    "check_text",
    "font_files_from_settings",
    "load_fonts",
]

#: Characters the document itself writes (not plan text) and how to print
#: them when the font lacks them; plan text never gets substituted silently.
_LABEL_SUBSTITUTES = {"→": "–›"}

#: Whitespace that is layout, not a glyph.
_LAYOUT = frozenset("\n ")


@attrs.frozen
class FontFiles:
    """The TrueType files of one font family, and an optional fallback font.

    Missing bold or italic styles fall back to the regular file, so a single
    TTF is enough to set a whole document in it.
    """

    regular: Path
    """The regular style; required."""
    bold: Path | None = None
    """The bold style, for headings and labels."""
    italic: Path | None = None
    """The italic style, for quotes."""
    bold_italic: Path | None = None
    """The bold italic style."""
    fallback: Path | None = None
    """A font for characters the family lacks (Sámi letters, Arabic script)."""

    @classmethod
    def default(cls) -> FontFiles:
        """The house typeface, Carlito, that ships with klusterplan (Calibri's metrics)."""
        return cls(
            regular=_design.font_file("regular"),
            bold=_design.font_file("bold"),
            italic=_design.font_file("italic"),
            bold_italic=_design.font_file("bold_italic"),
        )


#: The ``--option`` keys the PDF exporter reads, and the FontFiles field each sets.
FONT_SETTINGS = {
    "pdf.font": "regular",
    "pdf.font_bold": "bold",
    "pdf.font_italic": "italic",
    "pdf.font_bold_italic": "bold_italic",
    "pdf.fallback_font": "fallback",
}


def font_files_from_settings(base: FontFiles, settings: Mapping[str, str]) -> FontFiles:
    """Apply ``pdf.font*`` settings to ``base``.

    A new regular font without its own bold and italic files replaces the whole
    family, so that headings are not set in a different face.
    """
    chosen = {
        field: Path(os.path.expanduser(settings[key]))
        for key, field in FONT_SETTINGS.items()
        if settings.get(key, "").strip()
    }
    if "regular" in chosen:
        base = FontFiles(regular=chosen["regular"], fallback=base.fallback)
    return attrs.evolve(base, **chosen)


@attrs.frozen
class _Face:
    name: str
    chars: frozenset[int]


#: A space inside a number grouped by thousands, or between a number and its unit.
_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|kr\b|kronor\b|SEK\b|år\b|years\b)")


@attrs.frozen
class Fonts:
    """Registered fonts: reportlab names of each style and the fallback."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    fallback: str | None
    family: str
    chars: frozenset[int]
    """The code points the regular font has glyphs for."""
    fallback_chars: frozenset[int]
    """The code points the fallback font has glyphs for."""
    substitutes: Mapping[str, str] = attrs.field(factory=dict)
    """Document characters printed as something else (see :func:`check_text`)."""
    _table: Mapping[int, str] = attrs.field(init=False, repr=False, eq=False)
    _prepared: dict[str, str] = attrs.field(init=False, factory=dict, repr=False, eq=False)
    """Texts prepared so far: a document repeats its labels, names and statuses."""

    @_table.default
    def _translation(self) -> Mapping[int, str]:
        # made once: prepare() runs for every string of the document
        return {ord(c): s for c, s in self.substitutes.items()}

    def has(self, char: str) -> bool:
        """Whether the regular font can print ``char``."""
        return ord(char) in self.chars or char in _LAYOUT

    def font_for(self, char: str) -> str:
        """The font a character is set in: the regular one, else the fallback."""
        if self.fallback and not self.has(char) and ord(char) in self.fallback_chars:
            return self.fallback
        return self.regular

    def prepare(self, text: str) -> str:
        """``text`` with tabs, line ends and substituted characters normalised.

        An amount typed with spaces (``8 000 kr``) is held together with no-break
        spaces, so that no line breaks it: ``8`` at a line's end and ``000 kr`` on
        the next reads as two numbers.
        """
        done = self._prepared.get(text)
        if done is None:
            done = self._prepared[text] = self._prepare(text)
        return done

    def _prepare(self, text: str) -> str:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        if _GROUPED.search(text):
            text = _GROUPED.sub("\u00a0", text)
        if any(c in text for c in self.substitutes):
            text = text.translate(self._table)
        # Almost all text is printable apart from line ends: checking that in C
        # spares a look-up per character, which the export does for every string.
        if text.replace("\n", "").isprintable():
            return text
        return "".join(c for c in text if not _is_control(c))

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Prepare ``text`` and split it into (font, text) runs of one font each."""
        return self.split_runs(self.prepare(text))

    def split_runs(self, text: str) -> list[tuple[str, str]]:
        """Split already prepared ``text`` into (font, text) runs of one font each."""
        if not self.fallback or self._regular_only(text):
            return [(self.regular, text)] if text else []
        out: list[tuple[str, str]] = []
        for char in text:
            font = self.font_for(char)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def _regular_only(self, text: str) -> bool:
        return all(ord(c) in self.chars or c in _LAYOUT for c in set(text))

    def markup(self, text: str) -> str:
        """Plan text as reportlab paragraph markup that shows it exactly as typed.

        Everything is XML-escaped, so ``<b>``, ``<img>`` or ``<font>`` in a plan
        are printed, not obeyed; only the font switches added here are markup.
        """
        parts = []
        for font, run in self.runs(text):
            escaped = escape(run).replace("\n", "<br/>")
            parts.append(
                escaped if font == self.regular else f'<font face="{font}">{escaped}</font>'
            )
        return "".join(parts)


@functools.lru_cache(maxsize=4096)
def _is_control(char: str) -> bool:
    return char not in "\n" and unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}


_MAX_FONT_BYTES = 64 * 1024 * 1024


@functools.cache
def _font_class() -> type:
    import codecs

    from reportlab.pdfbase.ttfonts import TTFont

    class _TTFont(TTFont):  # type: ignore[misc]
        """A TrueType font that encodes text whose characters already have codes in C.

        reportlab encodes each string it draws character by character, in
        Python, giving each new character the next code of the font's subset
        in this document. Once every character of a string has its code (as
        for nearly all text after the first pages), the same bytes are made
        by a character map of the codes given so far. Anything else (a new
        character, one of a later subset or one the font lacks) is encoded by
        reportlab as before.
        """

        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
            state = self.state.get(doc)
            if state is None or type(text) is not str or not text or "\ufffe" in text:
                return super().splitString(text, doc, encoding)
            assignments = state.assignments
            known = vars(state).get("kp_codes")
            if known is None or known[0] != len(assignments):
                table = ["\ufffe"] * 256  # (U+FFFE: no character, for codes not given yet)
                for char, code in assignments.items():
                    if code < 256:
                        table[code] = chr(char)
                known = state.kp_codes = (len(assignments), codecs.charmap_build("".join(table)))
            if "\xa0" in text:
                if 32 not in assignments:
                    return super().splitString(text, doc, encoding)
                text = text.replace("\xa0", " ")  # reportlab sets a no-break space as a space
            try:
                return [(0, codecs.charmap_encode(text, "strict", known[1])[0])]
            except UnicodeEncodeError:
                return super().splitString(text, doc, encoding)

    return _TTFont


#: The fonts registered in this process, by file and its size, time and inode.
_faces: dict[tuple[str, int, int, int], _Face] = {}


def _register(path: Path, what: str) -> _Face:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        # a device (/dev/zero) or a pipe would be read without end
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise PlanError([Problem("", message_text("font_not_a_file", what=what, path=path))])
        if info.st_size > _MAX_FONT_BYTES:
            raise PlanError(
                [
                    Problem(
                        "",
                        message_text("font_too_large", what=what, path=path, most=_MAX_FONT_BYTES),
                    )
                ]
            )
        # A file read before and unchanged since (as Python judges its own
        # cached bytecode) is not read, hashed and indexed again: an export
        # in a batch would spend more on that than on some plans' pages.
        seen = (str(path.resolve()), info.st_size, info.st_mtime_ns, info.st_ino)
        face = _faces.get(seen)
        if face is not None and face.name in pdfmetrics.getRegisteredFontNames():
            return face
        data = path.read_bytes()
    except OSError as exc:
        raise PlanError(
            [
                Problem(
                    "",
                    message_text("font_cannot_read", what=what, path=path, reason=os_reason(exc)),
                )
            ]
        ) from None
    # Named after the file's content: the same font gets the same name in
    # every run (determinism) and two different files never clash.
    import hashlib

    name = "KP-" + (path.stem[:20] or "font") + "-" + hashlib.sha256(data).hexdigest()[:8]
    # Asked of the registered names, not of getFont(): for a name it does not
    # know, getFont() searches the disk for Type 1 metrics first, which cost
    # each new process a quarter of a second.
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
    else:
        try:
            font = _font_class()(name, str(path))
        except (TTFError, Exception) as exc:  # a damaged font fails in many ways
            raise PlanError(
                [Problem("", message_text("font_unusable", what=what, path=path, detail=str(exc)))]
            ) from None
        pdfmetrics.registerFont(font)
        if pdfmetrics.getFont(name) is not font:
            # reportlab keeps one font object a typeface a process: where the
            # program registered the same file under a name of its own first, the
            # export would set its text in that font object, not in its own.
            pdfmetrics._fonts[name] = font
    chars: Any = font.face.charToGlyph
    face = _faces[seen] = _Face(name, frozenset(chars))
    return face


def load_fonts(files: FontFiles) -> Fonts:
    """Register the fonts of ``files`` with reportlab and return their names.

    Raises :class:`PlanError` naming the file when one cannot be used.
    """
    from reportlab.lib.fonts import addMapping

    regular = _register(files.regular, message_text("font_regular"))
    bold = _register(files.bold, message_text("font_bold")) if files.bold else regular
    italic = _register(files.italic, message_text("font_italic")) if files.italic else regular
    bold_italic = (
        _register(files.bold_italic, message_text("font_bold_italic"))
        if files.bold_italic
        else bold
    )
    fallback = _register(files.fallback, message_text("font_fallback")) if files.fallback else None
    family = regular.name
    # Registering the family lets our own <b> and <i> in labels pick the styles.
    addMapping(family, 0, 0, regular.name)
    addMapping(family, 1, 0, bold.name)
    addMapping(family, 0, 1, italic.name)
    addMapping(family, 1, 1, bold_italic.name)
    if fallback is not None:
        for b in (0, 1):
            for i in (0, 1):
                addMapping(fallback.name, b, i, fallback.name)
    # Bold and italic files of one family share the regular file's glyph set in
    # practice; the check is made against the intersection to be safe.
    chars = regular.chars & bold.chars & italic.chars & bold_italic.chars
    return Fonts(
        regular=regular.name,
        bold=bold.name,
        italic=italic.name,
        bold_italic=bold_italic.name,
        fallback=fallback.name if fallback else None,
        family=family,
        chars=chars,
        fallback_chars=fallback.chars if fallback else frozenset(),
    )


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"


def check_text(
    fonts: Fonts,
    texts: Iterable[str],
    values: Iterable[tuple[str, str]],
    context: ExportContext | None,
    missing_message: str | None = None,
) -> Fonts:
    """Check that every character of ``texts`` can be printed with ``fonts``.

    Characters in the fallback font are fine. A document character the fonts
    lack that has a known substitute (the arrow between centres) is printed as
    the substitute, with a notice if the plan's own text has it. Control
    characters are left out with a notice. Any other missing character raises
    :class:`PlanError` with one problem per plan path it occurs in. ``values``
    are the document's marked plan values, ``(path, text)``
    (:func:`klusterplan.document.marked_values`): where each character is found.

    ``missing_message`` names the message (of the command's catalogue) that
    says what to do about a missing character instead of the PDF export's.
    Returns ``fonts`` with the substitutions to apply.
    """
    from .._catalogue.messages import text as said

    used = set("".join(texts))
    missing = sorted(
        c
        for c in used
        if not fonts.has(c)
        and ord(c) not in fonts.fallback_chars
        and c not in "\t\r"
        and not _is_control(c)
    )
    controls = sorted(c for c in used if _is_control(c))
    if not missing and not controls:
        return fonts
    where: dict[str, list[str]] = {c: [] for c in (*missing, *controls)}
    for path, text in values:
        for c in set(text) & where.keys():
            if path not in where[c]:
                where[c].append(path)
    substitutes: dict[str, str] = {}
    problems: list[Problem] = []
    for c in missing:
        substitute = _LABEL_SUBSTITUTES.get(c)
        if substitute is None and unicodedata.category(c) == "Zs":
            # a space of another width (pasted from Word, say) prints as a space
            substitute = " "
        if substitute is not None and all(fonts.has(s) for s in substitute):
            substitutes[c] = substitute
            for path in where[c]:
                if context is not None:
                    context.notice(
                        path, said("printed_as", char=_describe(c), substitute=repr(substitute))
                    )
            continue
        key = missing_message or ("not_in_font" if fonts.fallback else "not_in_font_hint")
        message = said(key, char=_describe(c))
        for path in where[c] or [""]:
            problems.append(Problem(path, message))
    if problems:
        raise PlanError(problems)
    for c in controls:
        for path in where[c]:
            if context is not None:
                context.notice(path, said("control_left_out", char=_describe(c)))
    return attrs.evolve(fonts, substitutes=substitutes)
