"""The rule reference page, rendered from the rules' own metadata so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from .._extension.rule import Rule

__all__ = ["reference_page"]

_FAMILIES = {
    "KP0": "The checks themselves",
    "KP1": "Cluster campaign, target groups and personas",
    "KP2": "Actions (ATT GÖRA)",
    "KP3": "Value words and the promise",
    "KP4": "Communication staircase and centre matrix",
    "KP5": "Communication plan",
    "KP6": "Customer care",
    "KP7": "Follow-up and tips to share",
}

_HEAD = """\
# Rule reference

<!-- Generated from the rules' metadata; do not edit by hand. Regenerate with:
     python -m klusterplan.rules docs/rules.md -->

Every built-in rule, with its code, name and default severity. Choose rules with
`--select` and `--ignore` (a prefix such as `KP1` chooses a whole family), and
change a severity with `--severity CODE=LEVEL` or in the settings file; see
[Checking a plan](checking.md). Plugins add rules with codes of their own prefix;
`klusterplan rule` lists every installed rule.

This page is generated from the rules themselves: after changing a rule, run
`python -m klusterplan.rules docs/rules.md`. A test fails when the page is stale.

The same text is printed by the command, in the system's language or the one `--lang`
names (`klusterplan rules` is another name for `klusterplan rule`):

```console
$ klusterplan rule KP104
KP104 campaign-group-without-persona
severity: error; plugin: klusterplan.rules (built-in)

Each campaign group's target group has a persona.

The workbook: "Ge var och en persona". A persona is a named, concrete person who stands
for the group; messages, channels and activities are tested against her.

How to fix it: add a persona to the target group the campaign group names (at least a
name, life situation, needs and channels).
```

Every rule has its summary and explanation in Swedish too (`klusterplan rule KP104 --lang
sv`); a plugin's rule gives them with `summary_sv` and `explanation_sv`, and its messages
as `klusterplan.Text(english, sv=swedish)`.

| Code | Name | Severity | Summary |
|---|---|---|---|
"""


def reference_page(rules: Iterable[Rule]) -> str:
    """The Markdown rule reference for ``rules``."""
    ordered = sorted(rules, key=lambda r: r.code)
    out = [_HEAD]
    out += [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} | {r.summary} |\n"
        for r in ordered
    ]
    family = None
    for r in ordered:
        name = _FAMILIES.get(r.code[:3])
        if name and name != family:
            family = name
            out.append(f"\n## {name}\n")
        out.append(f"\n### {r.code}\n\n`{r.name}`, {r.severity.value} by default.\n\n")
        out.append(f"*{r.summary}*\n\n{r.explanation.strip()}\n")
    return "".join(out)
