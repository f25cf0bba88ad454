"""What the ``klusterplan`` command says about what it did, in Swedish and English.

One catalogue for every line a command prints of its own: ``skrev plan.docx``,
a batch export's progress and summary, ``inga ändringar``, and the errors about
folders, files and options. Findings, rule explanations and a plan's problems
carry their own wording (:class:`~klusterplan.Text`); this module gives the
commands theirs, picked by the same rule: ``--lang``, else the plan's
language, else the system's locale (see :func:`shared_language`).

File paths, format names, option names and the severity tokens ``error``,
``warning`` and ``info`` stay as they are in both languages.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .command_messages import MESSAGES as _COMMAND
from .export_messages import MESSAGES as _EXPORT
from .extension_messages import MESSAGES as _EXTENSION
from .language import is_swedish
from .plan_messages import MESSAGES as _PLAN
from .rule_messages import MESSAGES as _RULES
from .text import Text, in_language
from .word_messages import MESSAGES as _WORD

if TYPE_CHECKING:
    from .language import Language

__all__ = ["count", "decimal", "message", "os_reason", "shared_language", "text"]

# key: (Swedish, English); {names} are filled in by message().
_MESSAGES: dict[str, tuple[str, str]] = {
    # text at the edges of what a format can hold
    "date_with_time": (
        "här ska det stå ett datum, men det står en tidpunkt, {value}; en plan har inga "
        "klockslag, så skriv {date}",
        "expected a date, got a date and time, {value}; a plan holds no times of day, "
        "so write {date}",
    ),
    "yaml11_number": (
        "{value} läses inte som ett tal: {why}; skriv {write}",
        "{value} is not read as a number: {why}; write {write}",
    ),
    "yaml11_octal": (
        "en inledande 0 gjorde det till ett oktalt tal ({old}) i äldre YAML",
        "a leading 0 made it an octal number ({old}) in older YAML",
    ),
    "yaml11_base": (
        "0x, 0o och 0b gör det till ett tal i en annan talbas ({old})",
        "0x, 0o and 0b make it a number in another base ({old})",
    ),
    "yaml11_digits": (
        "talet med bara siffror, utan kolon, eller texten inom citattecken",
        "the number in digits alone, without the colon, or the text in quotes",
    ),
    "yaml11_sexagesimal": (
        "kolon gjorde det till ett tal i basen 60 ({old}) i äldre YAML, som för klockslag",
        "a colon made it a number in base 60 ({old}) in older YAML, as for a time of day",
    ),
    "template_not_xml": (
        "delen {name} är inte välformad XML ({detail}); spara mallen på nytt från Word",
        "the part {name} is not well-formed XML ({detail}); save the template again from Word",
    ),
    "ua_empty_heading": (
        "rubriken {title} visar inget tecken som syns, och PDF/UA kräver text i varje rubrik; "
        "skriv namnet med bokstäver (`klusterplan check` visar fältet)",
        "the heading {title} shows no visible character, and PDF/UA needs text in every "
        "heading; write the name in letters (`klusterplan check` names the field)",
    ),
    "ua_typst_stopped": (
        "det taggade PDF-dokumentet kunde inte göras, Typst avbröt: {reason}; "
        "dela upp mycket långa ord med mellanslag",
        "the tagged PDF could not be made, Typst stopped: {reason}; "
        "break very long words with spaces",
    ),
    "heading_invisible": (
        "namnet {value} har inget tecken som syns (bara mellanslag, tecken för privat bruk "
        "eller styrtecken): dess rubrik blir tom; skriv namnet med bokstäver",
        "the name {value} has no visible character (only spaces, private-use or control "
        "characters): its heading is empty; write the name in letters",
    ),
    # what an export changed in the plan's text or look, and why
    "became_breaks": (
        "{styrtecken} {chars} blev {radbrytningar}",
        "{characters} {chars} became {breaks}",
    ),
    "left_out": (
        "{styrtecken} {chars} kan inte skrivas och togs bort",
        "{characters} {chars} cannot be written and {was} left out",
    ),
    "not_a_colour": (
        "profilens {what} {value} är ingen #RRGGBB-färg; {default} används",
        "branding {what} {value} is not a #RRGGBB colour; {default} used",
    ),
    "low_contrast": (
        "profilens {what} {value} har kontrasten {ratio}:1 mot vitt, under de {minimum}:1 som "
        "WCAG 2.1 AA kräver; {default} används",
        "branding {what} {value} has a contrast of {ratio}:1 against white, under the "
        "{minimum}:1 that WCAG 2.1 AA asks of it; {default} used",
    ),
    "primary_colour": ("huvudfärg", "primary colour"),
    "accent_colour": ("accentfärg", "accent colour"),
    "no_alt_text": (
        "bilden {name} saknar alternativtext; ett tillägg bör ge den en",
        "picture {name} has no alt text; a plugin should give it one",
    ),
    "property_shortened": (
        "dokumentegenskapen {what} är {length} tecken lång; förkortad till {most}, det mesta "
        "Word behåller (själva texten är hel)",
        "the document property {what} is {length} characters long; shortened to {most}, the "
        "most Word keeps (the text itself is whole)",
    ),
    "printed_as": (
        "{char} finns inte i PDF-typsnittet; skrivs som {substitute}",
        "{char} is not in the PDF font; printed as {substitute}",
    ),
    "control_left_out": (
        "styrtecknet {char} togs bort",
        "the control character {char} was left out",
    ),
    "not_in_font": (
        "tecknet {char} finns inte i PDF-typsnittet och inte heller i reservtypsnittet",
        "the character {char} is not in the PDF font nor in the fallback font",
    ),
    "not_in_font_ua": (
        "tecknet {char} finns inte i PDF-typsnittet; den taggade PDF:en sätts bara i Carlito: "
        "skriv det på annat sätt, eller publicera HTML",
        "the character {char} is not in the PDF font; the tagged PDF is set in Carlito only: "
        "write it another way, or publish HTML",
    ),
    "not_in_font_hint": (
        "tecknet {char} finns inte i PDF-typsnittet; ange ett typsnitt som har det med "
        "--option pdf.fallback_font=FIL.ttf",
        "the character {char} is not in the PDF font; name a font that has it with "
        "--option pdf.fallback_font=FILE.ttf",
    ),
    # which plugins' rules a check ran, beside klusterplan's own
    "rules_from_plugins": (
        "regler från insticksmoduler: {plugins}",
        "rules from plugins: {plugins}",
    ),
    # a model class built from code with a value of the wrong kind
    "model_text": (
        'här ska det stå text, men det står {got_sv}; skriv {field}="..."',
        'expected text, got {got}; write {field}="..."',
    ),
    "model_number": (
        "här ska det stå ett heltal eller None, men det står {got_sv}",
        "expected a whole number or None, got {got}",
    ),
    "model_number_quoted": (
        "här ska det stå ett heltal, men det står {got_sv}; skriv talet utan citattecken, "
        "{field}={example}, eller int(...) om det kommer från en text",
        "expected a whole number, got {got}; write the number without quotes, "
        "{field}={example}, or int(...) when it comes from a text",
    ),
    "model_bool": (
        "här ska det stå True eller False, men det står {got_sv}",
        "expected True or False, got {got}",
    ),
    "model_date": (
        'här ska det stå ett datum, datetime.date(2011, 3, 1) eller "2011-03-01", men det '
        "står {got_sv}",
        'expected a date, datetime.date(2011, 3, 1) or "2011-03-01", got {got}',
    ),
    "model_choice": (
        "här ska det stå något av {choices}, men det står {got_sv}",
        "expected one of {choices}, got {got}",
    ),
    "model_instance": (
        "här ska det stå en {kind}(...), men det står {got_sv}",
        "expected a {kind}(...), got {got}",
    ),
    "model_list": (
        "här ska det stå en lista eller tupel av {kind}, men det står {got_sv}",
        "expected a list or tuple of {kind}, got {got}",
    ),
    "model_item": (
        "här ska det stå en {kind}, men det står {got_sv}",
        "expected a {kind}, got {got}",
    ),
    "model_id_space": (
        "ett id är ett ord utan mellanslag, men det står {value}; skriv t.ex. {suggestion}",
        "an id is one word without spaces, got {value}; write e.g. {suggestion}",
    ),
}

# the messages of commands, plan files, rules, exports, plugins and Word documents
# live beside these, one module an area
for _area in (_COMMAND, _PLAN, _RULES, _EXPORT, _EXTENSION, _WORD):
    assert not _area.keys() & _MESSAGES.keys(), _area.keys() & _MESSAGES.keys()
    _MESSAGES.update(_area)

# what the operating system says when a file cannot be read or written, in the
# reader's words; the English is the system's own wording on Linux and macOS
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.EISDIR: "os_is_a_directory",
    errno.ENOTDIR: "os_not_a_directory",
    errno.ENOSPC: "os_no_space",
    errno.EROFS: "os_read_only",
}
_MESSAGES.update(
    {
        "os_no_such_file": ("filen eller mappen finns inte", "No such file or directory"),
        "os_permission_denied": (
            "åtkomst nekad; du saknar behörighet till filen eller mappen",
            "Permission denied",
        ),
        "os_is_a_directory": ("är en mapp, inte en fil", "Is a directory"),
        "os_not_a_directory": ("en del av sökvägen är ingen mapp", "Not a directory"),
        "os_no_space": ("det finns inget utrymme kvar på disken", "No space left on device"),
        "os_read_only": ("filsystemet är skrivskyddat", "Read-only file system"),
    }
)

# noun: ((Swedish one, Swedish many), (English one, English many))
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "plan": (("plan", "planer"), ("plan", "plans")),
    "file": (("fil", "filer"), ("file", "files")),
    "format": (("format", "format"), ("format", "formats")),
    "value": (("värde", "värden"), ("value", "values")),
}


def message(key: str, language: Language | str | None, /, **values: object) -> str:
    """The message ``key`` in ``language``, its ``{names}`` filled in.

    A value given as a :class:`~klusterplan.Text` is filled in in the same language.
    """
    sv, en = _MESSAGES[key]
    template = sv if is_swedish(language) else en
    filled = {k: in_language(v, language) if isinstance(v, str) else v for k, v in values.items()}
    return template.format(**filled)


def text(key: str, /, **values: object) -> Text:
    """The message ``key`` in both languages, for code that does not know the reader's."""
    return Text(message(key, "en", **values), message(key, "sv", **values))


def count(n: int, noun: str, language: Language | str | None) -> str:
    """``3 planer``, ``1 fil``, ``2 values``: a number with its noun, singular or plural."""
    sv, en = _NOUNS[noun]
    one, many = sv if is_swedish(language) else en
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, language: Language | str | None) -> str:
    """``1.5`` in English, ``1,5`` in Swedish: one decimal."""
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if is_swedish(language) else shown


def shared_language(
    chosen: Language | None, languages: Iterable[Language | None], fallback: Language
) -> Language:
    """The language of a command's own lines about several plans.

    ``--lang`` (``chosen``) if given; else the plans' language when every plan
    whose language is known has the same one; else ``fallback``, the system's
    locale: plans in different languages (or none known) get the reader's.
    """
    if chosen is not None:
        return chosen
    known = {language for language in languages if language is not None}
    return known.pop() if len(known) == 1 else fallback


def os_reason(exc: OSError) -> Text:
    """Why the operating system refused a file, in both languages.

    The common refusals (no such file, permission denied, is a directory, no
    space left, a read-only file system) have Swedish wordings; any other
    gives the system's own text in both.
    """
    key = _OS_REASONS.get(exc.errno or 0)
    if key is not None:
        return text(key)
    said = exc.strerror or str(exc)
    return Text(said, said)
