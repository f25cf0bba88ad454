"""KP7xx: what makes a plan hard to publish as an accessible document.

A municipality may publish a document on its website only if it is
accessible (the law on accessible digital public services, EN 301 549,
WCAG 2.1 AA). The exporters tag what they can; these rules find what only
the plan, or the plugin that brands it, can fix. ``klusterplan check
--accessibility`` runs this family alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from .._support.visible import shows_nothing
from ..model import Plan
from ._util import blank

__all__ = ["RULES"]


@rule(
    "KP701",
    "logo-without-alt-text",
    Severity.ERROR,
    "The logo a branding plugin puts in the documents has a text alternative.",
    """
A picture that carries meaning needs a text alternative (WCAG 2.1, success criterion
1.1.1); a screen reader otherwise says "image" or reads the file name. The logo comes
from the plugin that brands the documents (the `branding` hook), so this rule asks the
installed plugins which logo each document format gets for this plan.

**How to fix it:** give the plugin's `Logo` an `alt_text` saying what the logo shows
(e.g. "Byköpings kommuns logotyp"); a plugin the municipality does not maintain can be
reported to its authors.
""",
    summary_sv="Logotypen som en profilmodul lägger i dokumenten har en textbeskrivning.",
    explanation_sv="""
En bild som bär mening behöver en textbeskrivning (WCAG 2.1, framgångskriterium
1.1.1); annars säger en skärmläsare "bild" eller läser filnamnet. Logotypen kommer
från en installerad insticksmodul genom `branding`-kroken, och regeln frågar de
installerade modulerna vilken logotyp varje dokumentformat får för den här planen.

**Så rättar du:** ge modulens `Logo` en `alt_text` som säger vad logotypen visar
(t.ex. "Byköpings kommuns logotyp"); en modul som kommunen inte underhåller kan
rapporteras till dess upphovspersoner.
""",
)
def logo_without_alt_text(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A branding logo whose alt text is empty, in any document format."""
    formats = [
        fmt
        for fmt in context.document_formats
        if (logo := context.branding(fmt).logo) is not None and blank(logo.alt_text)
    ]
    if formats:
        yield (
            "",
            (text("publishing_branding_logo_alt_text", formats=", ".join(formats))),
        )


@rule(
    "KP702",
    "chart-bar-without-label",
    Severity.ERROR,
    "Every target group with votes has a name to label its bar in the votes chart.",
    """
The votes chart draws one bar a target group, labelled with the group's name, and its
text alternative reads "name: votes" for each. A group with votes and no name gives a bar
nobody can identify, by sight or by screen reader (WCAG 2.1, 1.1.1 and 1.3.1).

**How to fix it:** give the group its `name`, or remove its `votes`.
""",
    summary_sv="Varje målgrupp med röster har ett namn som märker dess stapel i röstdiagrammet.",
    explanation_sv="""
Röstdiagrammet ritar en stapel per målgrupp, märkt med gruppens namn, och dess
textbeskrivning läser "namn: röster" för var och en. En grupp med röster och utan namn
ger en stapel som ingen kan känna igen, varken med ögonen eller med skärmläsare
(WCAG 2.1, 1.1.1 och 1.3.1).

**Så rättar du:** ge gruppen dess `name`, eller ta bort dess `votes`.
""",
)
def chart_bar_without_label(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group with votes and a blank name."""
    for i, group in enumerate(plan.target_groups):
        if group.votes is not None and blank(group.name):
            yield (
                f"target_groups[{i}].name",
                text("publishing_group_votes_votes_but", votes=group.votes),
            )


@rule(
    "KP703",
    "empty-heading",
    Severity.ERROR,
    "Headings made from plan text are not empty.",
    """
Each target group and each persona gets a heading of its own, made from the group's
name (and the persona's). Headings are how a screen-reader user moves through a
document and how every format builds its contents and bookmarks; an empty heading is a
blank entry in all of them (WCAG 2.1, 2.4.6), and a heading that only shows the group's
`id` is a code, not a name.

**How to fix it:** give the target group a `name`, and its persona a `name`.
""",
    summary_sv="Rubriker som görs av plantext är inte tomma.",
    explanation_sv="""
Varje målgrupp och varje persona får en egen rubrik, gjord av gruppens namn (och
personans). Rubriker är hur en skärmläsaranvändare rör sig genom ett dokument och hur
varje format bygger sin innehållsförteckning och sina bokmärken; en tom rubrik blir en
tom post i alla (WCAG 2.1, 2.4.6), och en rubrik som bara visar gruppens `id` är en
kod, inte ett namn.

**Så rättar du:** ge målgruppen ett `name`, och dess persona ett `name`.
""",
)
def empty_heading(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group whose heading would be empty or only its id."""
    for i, group in enumerate(plan.target_groups):
        reported = group.votes is not None and blank(group.name)  # by KP702
        if group.name and shows_nothing(group.name) and not reported:
            yield f"target_groups[{i}].name", text("heading_invisible", value=repr(group.name))
            continue
        persona = group.persona
        if persona is not None and not blank(persona.name) and shows_nothing(persona.name):
            yield (
                f"target_groups[{i}].persona.name",
                text("heading_invisible", value=repr(persona.name)),
            )
        if not blank(group.name):
            continue
        # a group with votes is reported once, by KP702
        has_content = group.votes is None and bool(
            group.description.strip() or group.needs or group.persona
        )
        if blank(group.id):
            yield (
                f"target_groups[{i}].name",
                text("publishing_group_neither_name_nor"),
            )
        elif has_content:
            yield (
                f"target_groups[{i}].name",
                text("publishing_group_name_heading_shows", strip=group.id.strip()),
            )


RULES = (logo_without_alt_text, chart_bar_without_label, empty_heading)
