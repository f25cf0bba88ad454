"""What a rule is and what it finds: the types every rule check is built from.

These types sit below the plugin registry and the :func:`klusterplan.check`
function, so that a plugin can import them without pulling in either. They
are public under :mod:`klusterplan` (``klusterplan.Rule``, ``klusterplan.rule``
and so on).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._catalogue.labels import enum_label
from .._catalogue.language import is_swedish
from .._catalogue.messages import text as message_text
from .._catalogue.text import Text, in_language
from .._model.paths import describe
from .._support.record import Record
from ..branding import Branding
from ..errors import PlanError, Problem
from ..model import Language, Plan

__all__ = [
    "READ_FORGIVINGLY",
    "RULE_FAILED",
    "UNUSED_SUPPRESSION",
    "Finding",
    "Hit",
    "Rule",
    "RuleContext",
    "Severity",
    "UnknownCodeError",
    "code_prefix",
    "matches_code",
    "natural_key",
    "rule",
    "rule_problem",
]


class Severity(enum.Enum):
    """How serious a finding is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        """``error``, ``warning`` or ``info``: the word the command prints."""
        return self.value

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


_PATH_PART = re.compile(r"(\d+)")


def natural_key(path: str) -> tuple[tuple[int, str, int], ...]:
    """A sort key that puts ``actions[2]`` before ``actions[10]``."""
    return tuple(
        (1, "", int(part)) if part.isdigit() else (0, part, 0)
        for part in _PATH_PART.split(path)
        if part
    )


def person_path(path: str, language: Language | str | None) -> str:
    """The path as a finding's line shows it: `` actions[1].responsible (Actions 2 › responsible)``.

    For a person, an item is also named in the workbook's words and counted
    from 1; the path itself stays as the file and the JSON and SARIF output
    have it. Empty for the plan as a whole.
    """
    if not path:
        return ""
    if "[" not in path:
        return f" {path}"
    return f" {path} ({describe(path, is_swedish(language))})"


@attrs.frozen(order=False, repr=False, eq=False)
class Finding(Record):
    """One thing a rule found, with the path of what it points at.

    ``str(finding)`` reads exactly as its line of ``klusterplan check``:
    ``plan.yaml:12: KP104 warning campaign.groups[0]: ...``, in the language
    of the plan it was found in (a Swedish plan's findings in Swedish).
    Findings sort as the command shows them: by file, line, path
    (``actions[2]`` before ``actions[10]``) and code.
    """

    code: str
    """The rule's code, e.g. ``KP104``."""
    severity: Severity
    """How serious it is (the rule's default unless the user overrode it)."""
    path: str
    """The path in the plan, e.g. ``campaign.groups[0]``; empty for the plan as a whole."""
    message: str
    """What is wrong and what to do."""
    line: int | None = None
    """The 1-based line in the plan file, where the format allows; else ``None``."""
    name: str = ""
    """The rule's kebab-case name."""
    plugin: str = ""
    """The plugin that registered the rule."""
    source: str | None = None
    """The plan file it was found in, when the plan was loaded from one; else ``None``."""
    language: Language | None = attrs.field(default=None, eq=False, kw_only=True)
    """The language of the plan it was found in, which its text is shown in by default;
    ``None`` (a finding made by hand): English. It takes no part in comparisons."""

    def text(self, language: Language | str | None = None) -> str:
        """The message in ``language`` (``sv`` or ``en``), where the rule gives both.

        By default, in the language of the plan it was found in.
        """
        return in_language(self.message, language or self.language)

    def render(self, source: str | None = None, language: Language | str | None = None) -> str:
        """Format as ``source:line: CODE severity path: message``.

        ``source`` defaults to the file the plan was loaded from; ``language``
        picks the message's wording, by default the language of the plan it was
        found in (as ``klusterplan check`` shows it).
        """
        where = ":".join(str(p) for p in (source or self.source, self.line) if p is not None)
        prefix = f"{where}: " if where else ""
        shown = language or self.language
        severity = enum_label(self.severity, Language.SV if is_swedish(shown) else Language.EN)
        return f"{prefix}{self.code} {severity}{person_path(self.path, shown)}: {self.text(shown)}"

    def __str__(self) -> str:
        return self.render()

    def sort_key(self) -> tuple[Any, ...]:
        """The order findings are shown in: file, line, path (numbers as numbers), code."""
        return (self.source or "", self.line or 0, natural_key(self.path), self.code)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def to_json(self, language: Language | str | None = None) -> dict[str, Any]:
        """The finding as the JSON output's plain data.

        ``message`` is always the English wording; with ``language`` the data
        also holds ``lang`` and ``text``, the message in that language. The
        plan's language (:attr:`language`) does not change the data.
        """
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "message": str(self.message),
            "plugin": self.plugin,
        }
        if language is not None:
            code = getattr(language, "value", language)
            data["lang"] = code
            data["text"] = self.text(language)
        return data


def _default_branding(format: str) -> Branding:
    return Branding()


@attrs.frozen(repr=False, eq=False)
class RuleContext(Record):
    """What a rule's check function gets beside the plan."""

    plugin: str = ""
    """The name of the plugin that registered the rule."""
    config: Mapping[str, Any] = attrs.field(factory=dict)
    """The plugin's own settings: ``[tool.klusterplan.plugins.<plugin>]``."""
    branding: Callable[[str], Branding] = _default_branding
    """``branding(format)``: the look the installed plugins give this plan's documents
    in ``format`` (logo, colours, footer), so a rule can check what will be published."""
    document_formats: tuple[str, ...] = ()
    """The registered formats that write documents (``docx``, ``pdf``, ``html`` ...)."""


Hit = tuple[str, str]
"""What a rule yields: ``(path, message)``; the message may be a :class:`~klusterplan.Text`."""


@attrs.frozen(repr=False, eq=False)
class Rule(Record):
    """A rule check with a stable code."""

    code: str
    """A stable code: a prefix owned by one plugin and three digits, e.g. ``KP104``."""
    name: str
    """A kebab-case name, e.g. ``campaign-group-without-persona``."""
    severity: Severity
    """The default severity of its findings."""
    summary: str
    """One line saying what the rule asks."""
    explanation: str
    """What the workbook says, why it matters and how to fix it (Markdown)."""
    check: Callable[[Plan, RuleContext], Iterable[Hit]]
    """Yields ``(path, message)`` for each problem in a plan; a message given as a
    :class:`~klusterplan.Text` carries its Swedish wording too."""
    summary_sv: str = attrs.field(default="", kw_only=True)
    """The summary in Swedish; empty when the rule gives it in English only."""
    explanation_sv: str = attrs.field(default="", kw_only=True)
    """The explanation in Swedish (Markdown); empty when the rule gives it in English only."""

    def summary_in(self, language: Language | str | None) -> str:
        """The summary in ``language`` (``sv`` or ``en``), English when no translation."""
        return in_language(Text(self.summary, self.summary_sv), language)

    def explanation_in(self, language: Language | str | None) -> str:
        """The explanation in ``language`` (``sv`` or ``en``), English when no translation."""
        return in_language(Text(self.explanation, self.explanation_sv), language)


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    explanation: str,
    *,
    summary_sv: str = "",
    explanation_sv: str = "",
) -> Callable[[Callable[[Plan, RuleContext], Iterable[Hit]]], Rule]:
    """Decorate a check function to make it a :class:`Rule`.

    ``summary_sv`` and ``explanation_sv`` give the Swedish wording that
    ``klusterplan rule CODE --lang sv`` and Swedish plans show; the check's
    messages can be given in both languages as :class:`~klusterplan.Text`.

    >>> @rule("XY101", "library-unnamed", Severity.ERROR, "The library has a name.", "…")
    ... def library_unnamed(plan, context):
    ...     if not plan.library.name:
    ...         yield "library.name", "the library has no name; add library.name"
    >>> library_unnamed.code
    'XY101'
    """

    def wrap(function: Callable[[Plan, RuleContext], Iterable[Hit]]) -> Rule:
        return Rule(
            code,
            name,
            severity,
            summary,
            explanation.strip(),
            function,
            summary_sv=summary_sv,
            explanation_sv=explanation_sv.strip(),
        )

    return wrap


_CODE = re.compile(r"^([A-Z]+)(\d{3})$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def code_prefix(code: str) -> str:
    """The letters that name a rule code's owner: ``KP`` for ``KP104``."""
    match = _CODE.match(code)
    return match.group(1) if match else code.rstrip("0123456789")


def rule_problem(rule: Rule) -> Text | None:
    """Why a rule's code or name is malformed (in English and Swedish), or ``None``."""
    from .._catalogue.messages import text

    if not _CODE.match(rule.code):
        return text("plugin_bad_code", code=repr(rule.code))
    if not _NAME.match(rule.name):
        return text("plugin_bad_name", code=rule.code, name=repr(rule.name))
    return None


def matches_code(code: str, patterns: Iterable[str]) -> bool:
    """Whether ``code`` equals or starts with one of ``patterns`` (``ALL`` matches all)."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


class UnknownCodeError(PlanError):
    """A ``select``, ``ignore`` or severity setting names no registered rule.

    A :class:`~klusterplan.PlanError`, like every mistake a user can make;
    ``known`` holds the registered codes, for the nearest one.
    """

    def __init__(self, option: str, pattern: str, known: Iterable[str] = ()) -> None:
        import difflib

        self.option = option
        self.pattern = pattern
        codes = sorted(known)
        close = difflib.get_close_matches(pattern, codes, n=1)
        hint_en = f"did you mean {close[0]!r}? " if close else ""
        hint_sv = f"menade du {close[0]!r}? " if close else ""
        message = message_text(
            "rule_rule_code_starts_pattern", pattern=pattern, hint_en=hint_en, hint_sv=hint_sv
        )
        super().__init__([Problem(option, message)])


# a traceback names it where users import it from
UnknownCodeError.__module__ = "klusterplan"


def _engine_check(plan: Plan, context: RuleContext) -> Iterable[Hit]:
    # The engine itself reports these; the rule objects give them a code,
    # a severity and documentation like every other rule.
    return ()


RULE_FAILED = Rule(
    "KP001",
    "rule-failed",
    Severity.ERROR,
    "A rule raised an exception instead of reporting findings.",
    """
A rule's own code failed on this plan. The finding names the plugin and the rule
and gives the exception. The other rules still ran and reported as usual.

**How to fix it:** this is a bug in the plugin, not in the plan. Report it to the
plugin's authors with the message; meanwhile `--ignore` the failing rule's code.
""".strip(),
    _engine_check,
    summary_sv="En regel kastade ett undantag i stället för att rapportera fynd.",
    explanation_sv="""
En regels egen kod misslyckades med den här planen. Fyndet anger insticksmodulen och
regeln och visar undantaget. De andra reglerna kördes och rapporterade som vanligt.

**Så rättar du:** det här är ett fel i insticksmodulen, inte i planen. Rapportera det
till modulens upphovspersoner med meddelandet; stäng under tiden av den felande regeln
med `--ignore`.
""".strip(),
)

UNUSED_SUPPRESSION = Rule(
    "KP002",
    "unused-suppression",
    Severity.WARNING,
    "A suppression in the plan matches no finding.",
    """
A plan accepts a finding on purpose with an entry under `suppressions` (`code`,
`path` and `reason`). When the rule no longer reports anything at that path, the
suppression is stale: it would silently hide a later, different problem.

**How to fix it:** remove the suppression, or correct its `code` or `path`. A
suppression of a rule that did not run (not selected) is not reported.
""".strip(),
    _engine_check,
    summary_sv="Ett undantag i planen matchar inget fynd.",
    explanation_sv="""
En plan kan godta ett fynd med avsikt genom en post under `suppressions` (`code`,
`path` och `reason`). När regeln inte längre rapporterar något på den platsen är
undantaget inaktuellt: det skulle tyst dölja ett senare, annat problem.

**Så rättar du:** ta bort undantaget, eller rätta dess `code` eller `path`. Ett
undantag för en regel som inte kördes (inte vald) rapporteras inte.
""".strip(),
)

READ_FORGIVINGLY = Rule(
    "KP004",
    "read-forgivingly",
    Severity.INFO,
    "A value was read as what it most likely means, not as written.",
    """
The loader accepts what a person is likely to write: built-in values in any case
and by their Swedish names (`klar`, `Pågår`), centres and staircase steps by name
(`socialt`, `Kännedom`), and target groups by their name instead of their id. It
reads the value as the id it means and reports it here, so that the file can be
made exact; every command and the Python API read the plan the same way.

**How to fix it:** write the id the finding names.
""".strip(),
    _engine_check,
    summary_sv="Ett värde lästes som det troligen betyder, inte som det stod.",
    explanation_sv="""
Planen läses förlåtande: inbyggda värden i valfritt skiftläge och med svenska namn
(`klar`, `Pågår`), centrum och trappsteg med sina namn (`socialt`, `Kännedom`) och
målgrupper med sitt namn i stället för sitt id. Värdet läses som det id det
troligen betyder och rapporteras här, så att filen kan rättas; alla kommandon och
Python-gränssnittet läser planen på samma sätt.

**Så rättar du:** skriv det id som fyndet anger.
""".strip(),
)
