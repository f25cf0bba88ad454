"""What ``klusterplan check`` prints: text in the reader's language, GitHub annotations, SARIF.

The output formats follow ruff's: ``text`` (one line a finding), ``json``
(klusterplan's documented structure), ``github`` (workflow commands GitHub
Actions shows as annotations on the plan file) and ``sarif`` (SARIF 2.1.0, for
code-scanning tools).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import Finding, Rule, Severity
from .._catalogue.messages import text as message_text
from .._catalogue.text import in_language
from ..model import Language

__all__ = [
    "SARIF_SCHEMA",
    "github_lines",
    "most_important",
    "sarif_log",
    "summary_line",
]

#: The schema a SARIF log names, the OASIS standard's.
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_SEVERITY_SV = {Severity.ERROR: "fel", Severity.WARNING: "varning", Severity.INFO: "info"}
_PLURAL_SV = {"fel": "fel", "varning": "varningar", "info": "info"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def summary_line(
    plans: int, findings: Sequence[Finding], suppressed: int, language: Language
) -> str:
    """``1 plan checked: 2 findings (1 error, 1 warning, 0 info).``, or in Swedish."""
    if language is Language.SV:
        head = (
            f"{plans} {'plan' if plans == 1 else 'planer'} kontrollerad{'' if plans == 1 else 'e'}"
        )
        tail = f" ({suppressed} undantagna)" if suppressed else ""
        if not findings:
            return f"{head}: inga fynd{tail}."
        counts = ", ".join(
            f"{sum(1 for f in findings if f.severity is s)} "
            + (
                _SEVERITY_SV[s]
                if sum(1 for f in findings if f.severity is s) == 1
                else _PLURAL_SV[_SEVERITY_SV[s]]
            )
            for s in reversed(Severity)
        )
        return f"{head}: {len(findings)} fynd ({counts}){tail}."
    head = f"{_plural(plans, 'plan')} checked"
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    if not findings:
        return f"{head}: no findings{tail}."
    counts = ", ".join(
        _plural(sum(1 for f in findings if f.severity is s), s.value) for s in reversed(Severity)
    )
    return f"{head}: {_plural(len(findings), 'finding')} ({counts}){tail}."


def most_important(findings: Sequence[Finding], limit: int) -> list[Finding]:
    """The ``limit`` most severe findings, errors first, shown in the file's order."""
    ranked = sorted(findings, key=lambda f: (-f.severity.rank, f.sort_key()))
    return sorted(ranked[:limit])


def more_line(hidden: int, language: Language) -> str:
    """The line that says how many findings were left out."""
    return in_language(
        message_text("report_hidden_more_all_shows", hidden=hidden),
        language,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_lines(source: str, findings: Iterable[Finding], language: Language) -> list[str]:
    """One GitHub Actions workflow command a finding, shown on the plan file's line."""
    out = []
    for f in findings:
        properties = [f"title={_escape_property(f'klusterplan ({f.code})')}"]
        properties.append(f"file={_escape_property(source)}")
        if f.line is not None:
            properties.append(f"line={f.line}")
        where = f" {f.path}" if f.path else ""
        message = f"{f.code} {f.name}{where}: {f.text(language)}"
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(properties)}::{_escape_data(message)}")
    return out


def github_problem(source: str, line: int | None, message: str) -> str:
    """A plan that could not be loaded, as an error annotation."""
    properties = [f"title={_escape_property('klusterplan')}", f"file={_escape_property(source)}"]
    if line is not None:
        properties.append(f"line={line}")
    return f"::error {','.join(properties)}::{_escape_data(message)}"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _descriptor(code: str, rule: Rule, plugin: str, language: Language) -> dict[str, Any]:
    """SARIF's description of the rule ``code``, from ``plugin``."""
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary_in(language)},
        "fullDescription": {"text": rule.explanation_in(language)},
        "help": {
            "text": rule.explanation_in(language),
            "markdown": rule.explanation_in(language),
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"plugin": plugin},
    }


def _location(source: str, line: int | None) -> dict[str, Any]:
    """SARIF's place of ``line`` (if known) in the plan file ``source``."""
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(source)}}}
    if line is not None:
        location["physicalLocation"]["region"] = {"startLine": line}
    return location


def sarif_log(
    results: Sequence[tuple[str, Sequence[Finding]]],
    failed: Sequence[tuple[str, Sequence[tuple[int | None, str]]]],
    rules: Mapping[str, tuple[Rule, str]],
    language: Language,
    version: str,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of every plan's findings, with the rules that reported them.

    Plans that could not be loaded are tool execution notifications, so a
    code-scanning service shows them without mistaking them for findings.
    """
    used = sorted({f.code for _, findings in results for f in findings})
    index = {code: i for i, code in enumerate(used)}
    descriptors = [_descriptor(code, *rules[code], language) for code in used]
    out_results = []
    for source, findings in results:
        for f in findings:
            location = _location(source, f.line)
            if f.path:
                location["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "member"}]
            out_results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _SARIF_LEVEL[f.severity],
                    "message": {"text": f.text(language)},
                    "locations": [location],
                }
            )
    notifications = []
    for source, problems in failed:
        for line, message in problems:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": message},
                    "locations": [_location(source, line)],
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "klusterplan",
                        "version": version,
                        "informationUri": "https://pypi.org/project/klusterplan/",
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not failed,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "language": language.value,
                "results": out_results,
            }
        ],
    }


def _uri(source: str) -> str:
    """A relative URI reference for a file name (percent-encoded, forward slashes)."""
    out = []
    for byte in source.replace("\\", "/").encode("utf-8"):
        char = chr(byte)
        safe = char.isascii() and (char.isalnum() or char in "-._~/")
        out.append(char if safe else f"%{byte:02X}")
    return "".join(out)


def dumps(data: object) -> str:
    """JSON as every output format writes it."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)
