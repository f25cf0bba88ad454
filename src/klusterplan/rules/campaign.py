"""KP1xx: the cluster campaign, its target groups and their personas (agenda points 5 and 14)."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Plan
from ._util import blank, campaign_groups, group_index, unknown_group

__all__ = ["RULES"]

#: The workbook's "Välj max 3 grupper".
MAX_CAMPAIGN_GROUPS = 3
#: The workbook's "kontakt med 10 personer för en fokusgrupp".
FOCUS_GROUP_SIZE = 10


@rule(
    "KP101",
    "campaign-too-many-groups",
    Severity.ERROR,
    "The cluster campaign chooses at most three target groups.",
    """
The workbook (point 14) asks: *"Vilka grupper vill ni prioritera för klusterkampanjen
2011? Välj max 3 grupper."* A campaign spread over more groups reaches none of them
well, and the cluster's shared material is made for three.

**How to fix it:** keep the three groups with the highest priority under
`campaign.groups` and move the others to later work (actions or customer care).
""",
    summary_sv="Klusterkampanjen väljer högst tre målgrupper.",
    explanation_sv="""
Arbetsboken (punkt 14) frågar: *"Vilka grupper vill ni prioritera för klusterkampanjen
2011? Välj max 3 grupper."* En kampanj utspridd på fler grupper når ingen av dem väl,
och klustrets gemensamma material är gjort för tre.

**Så rättar du:** behåll de tre grupperna med högst prioritet under `campaign.groups`
och flytta de andra till senare arbete (åtgärder eller kundvård).
""",
)
def campaign_too_many_groups(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """More than three campaign groups."""
    count = len(plan.campaign.groups)
    if count > MAX_CAMPAIGN_GROUPS:
        yield (
            "campaign.groups",
            text(
                "campaign_campaign_count_groups_choose",
                count=count,
                max_campaign_groups=MAX_CAMPAIGN_GROUPS,
            ),
        )


@rule(
    "KP102",
    "campaign-group-unmotivated",
    Severity.ERROR,
    "Each campaign group says why it was chosen.",
    """
The workbook: *"Välj max 3 grupper. Motivera valen. Utgå från basutbud och segment samt
målgrupper."* The motivation is what the cluster and the library's management read
to accept the choice.

**How to fix it:** write `motivation` for the group: the votes it got, what the
library can offer it, and why now.
""",
    summary_sv="Varje kampanjgrupp motiverar varför den valdes.",
    explanation_sv="""
Arbetsboken: *"Välj max 3 grupper. Motivera valen. Utgå från basutbud och segment samt
målgrupper."* Motiveringen är vad klustret och bibliotekets ledning läser för att
godta valet.

**Så rättar du:** skriv gruppens `motivation`: rösterna den fick, vad biblioteket kan
erbjuda den och varför just nu.
""",
)
def campaign_group_unmotivated(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A campaign group without motivation."""
    for i, chosen in enumerate(plan.campaign.groups):
        if blank(chosen.motivation):
            yield (
                f"campaign.groups[{i}].motivation",
                text("campaign_say_why_group_was"),
            )


@rule(
    "KP103",
    "campaign-priority-invalid",
    Severity.ERROR,
    "Campaign groups are prioritised 1, 2, 3 with no priority missing or repeated.",
    """
The workbook: *"Prioritera dem"*. With n groups the priorities are 1 to n, each used
once, so that everyone knows which group comes first when time or money runs short.

**How to fix it:** give each entry of `campaign.groups` a `priority` from 1 up to
the number of groups, without repeats.
""",
    summary_sv="Kampanjgrupperna prioriteras 1, 2, 3 och ingen prioritet saknas eller upprepas.",
    explanation_sv="""
Arbetsboken: *"Prioritera dem"*. Med n grupper är prioriteterna 1 till n, var och en
använd en gång, så att alla vet vilken grupp som går först när tid eller pengar inte
räcker.

**Så rättar du:** ge varje post i `campaign.groups` en `priority` från 1 upp till
antalet grupper, utan upprepningar.
""",
)
def campaign_priority_invalid(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """Priorities missing, out of range or repeated."""
    count = len(plan.campaign.groups)
    seen: set[int] = set()
    for i, chosen in enumerate(plan.campaign.groups):
        path = f"campaign.groups[{i}].priority"
        if chosen.priority is None:
            yield (
                path,
                text("campaign_give_group_priority_prioritera"),
            )
        elif not 1 <= chosen.priority <= count:
            yield (
                path,
                text(
                    "campaign_priority_priority_between_count",
                    priority=chosen.priority,
                    count=count,
                ),
            )
        elif chosen.priority in seen:
            yield (
                path,
                text("campaign_priority_priority_used_twice", priority=chosen.priority),
            )
        else:
            seen.add(chosen.priority)


@rule(
    "KP104",
    "campaign-group-without-persona",
    Severity.ERROR,
    "Each campaign group's target group has a persona.",
    """
The workbook: *"Ge var och en persona"*. A persona is a named, concrete person who
stands for the group; messages, channels and activities are tested against her.

**How to fix it:** add a `persona` to the target group the campaign group names
(at least a name, life situation, needs and channels).
""",
    summary_sv="Varje kampanjgrupps målgrupp har en persona.",
    explanation_sv="""
Arbetsboken: *"Ge var och en persona"*. En persona är en namngiven, konkret person som
står för gruppen; budskap, kanaler och aktiviteter prövas mot henne.

**Så rättar du:** lägg till en `persona` för den målgrupp kampanjgruppen anger (minst
namn, livssituation, behov och kanaler).
""",
)
def campaign_group_without_persona(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A campaign group whose target group has no persona."""
    for i, _, group in campaign_groups(plan):
        if group.persona is None:
            yield (
                f"campaign.groups[{i}]",
                text("campaign_target_group_id_r", id=group.id),
            )


@rule(
    "KP105",
    "focus-group-too-small",
    Severity.WARNING,
    "Each campaign persona is tested with a focus group of ten people.",
    """
The workbook: *"Diskutera hur ni kan få kontakt med 10 personer för en fokusgrupp"*.
Fewer than ten people make it hard to tell a pattern from a chance remark.

**How to fix it:** plan a focus group of ten (`persona.validation.focus_group.planned_size`)
for each campaign group, and say in `campaign.focus_group_plan` how you will reach them.
""",
    summary_sv="Varje kampanjpersona prövas med en fokusgrupp på tio personer.",
    explanation_sv="""
Arbetsboken: *"Diskutera hur ni kan få kontakt med 10 personer för en fokusgrupp"*.
Med färre än tio personer är det svårt att skilja ett mönster från en tillfällig
kommentar.

**Så rättar du:** planera en fokusgrupp på tio
(`persona.validation.focus_group.planned_size`) för varje kampanjgrupp, och beskriv i
`campaign.focus_group_plan` hur ni når dem.
""",
)
def focus_group_too_small(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No focus-group plan, or one smaller than ten."""
    if plan.campaign.groups and blank(plan.campaign.focus_group_plan):
        yield (
            "campaign.focus_group_plan",
            text("campaign_say_how_you_will"),
        )
    for _, j, group in campaign_groups(plan):
        if group.persona is None:
            continue
        size = group.persona.validation.focus_group.planned_size
        if size is None or size < FOCUS_GROUP_SIZE:
            have = "no size" if size is None else f"{size} people"
            have_sv = "ingen storlek" if size is None else f"{size} personer"
            yield (
                f"target_groups[{j}].persona.validation.focus_group.planned_size",
                text(
                    "campaign_focus_group_have_plan",
                    have=have,
                    focus_group_size=FOCUS_GROUP_SIZE,
                    have_sv=have_sv,
                ),
            )


@rule(
    "KP106",
    "persona-unvalidated",
    Severity.WARNING,
    "Each persona is matched against real information: gaps and matches are recorded.",
    """
The workbook: *"Matcha er persona mot faktisk realistisk information. Glapp?
Överensstämmelser? Lär av resultatet."* A persona nobody has checked is a guess.

**How to fix it:** after the focus group or survey, list under `persona.validation`
what matched (`matches`) and what did not (`gaps`).
""",
    summary_sv="Varje persona matchas mot verkligheten: glapp och överensstämmelser skrivs ner.",
    explanation_sv="""
Arbetsboken: *"Matcha er persona mot faktisk realistisk information. Glapp?
Överensstämmelser? Lär av resultatet."* En persona som ingen har prövat är en gissning.

**Så rättar du:** efter fokusgruppen eller undersökningen, skriv under
`persona.validation` vad som stämde (`matches`) och vad som inte gjorde det (`gaps`).
""",
)
def persona_unvalidated(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A persona with no recorded matches or no recorded gaps."""
    for j, group in enumerate(plan.target_groups):
        if group.persona is None:
            continue
        validation = group.persona.validation
        missing = [name for name in ("matches", "gaps") if not getattr(validation, name)]
        words = {"matches": "överensstämmelser", "gaps": "glapp"}
        missing_sv = [words[name] for name in missing]
        if missing:
            yield (
                f"target_groups[{j}].persona.validation",
                text(
                    "campaign_missing_recorded_match_persona",
                    missing=" and no ".join(missing),
                    missing_sv=" och inga ".join(missing_sv),
                ),
            )


@rule(
    "KP107",
    "unknown-target-group",
    Severity.ERROR,
    "Campaign groups and actions name target groups the plan has.",
    """
Campaign groups (`campaign.groups[].target_group`) and actions
(`actions[].target_groups`) refer to target groups by their `id`. A misspelt id
silently drops the group from every export and check.

**How to fix it:** use an `id` listed under `target_groups`, or add the group.
""",
    summary_sv="Kampanjgrupper och åtgärder anger målgrupper som finns i planen.",
    explanation_sv="""
Kampanjgrupper (`campaign.groups[].target_group`) och åtgärder
(`actions[].target_groups`) hänvisar till målgrupper med deras `id`. Ett felstavat id
tappar tyst bort gruppen ur alla exporter och kontroller.

**Så rättar du:** använd ett `id` som finns under `target_groups`, eller lägg till
gruppen. Meddelandet listar de id som finns och föreslår det närmaste.
""",
)
def unknown_target_group(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An id under campaign groups or actions that no target group has."""
    known = group_index(plan)
    for i, chosen in enumerate(plan.campaign.groups):
        if blank(chosen.target_group):
            yield (
                f"campaign.groups[{i}].target_group",
                text("campaign_name_chosen_target_group"),
            )
        elif chosen.target_group not in known:
            yield (
                f"campaign.groups[{i}].target_group",
                unknown_group(chosen.target_group, known),
            )
    for i, action in enumerate(plan.actions):
        for k, id in enumerate(action.target_groups):
            if id not in known:
                yield f"actions[{i}].target_groups[{k}]", unknown_group(id, known)


@rule(
    "KP108",
    "duplicate-target-group",
    Severity.ERROR,
    "No two target groups share an id or a name.",
    """
Target groups are referred to by `id` and read by `name`. Two groups with the same id
make every reference ambiguous; two with the same name confuse the reader.

**How to fix it:** merge the two groups, or give each its own `id` and `name`.
""",
    summary_sv="Inga två målgrupper har samma id eller namn.",
    explanation_sv="""
Målgrupper hänvisas till med `id` och läses med `name`. Två grupper med samma id gör
varje hänvisning tvetydig; två med samma namn förvirrar läsaren.

**Så rättar du:** slå ihop de två grupperna, eller ge var och en eget `id` och `name`.
""",
)
def duplicate_target_group(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A repeated target-group id or name (the later one is reported)."""
    for key in ("id", "name"):
        seen: dict[str, int] = {}
        for j, group in enumerate(plan.target_groups):
            value = getattr(group, key).strip().casefold()
            if not value:
                continue
            key_sv = "id:t" if key == "id" else "namnet"
            if value in seen:
                yield (
                    f"target_groups[{j}].{key}",
                    text(
                        "campaign_key_getattr_r_also",
                        key=key,
                        getattr=getattr(group, key),
                        seen=seen[value],
                        key_sv=key_sv,
                    ),
                )
            else:
                seen[value] = j


@rule(
    "KP109",
    "campaign-without-groups",
    Severity.WARNING,
    "The cluster campaign chooses its target groups.",
    """
The workbook (point 14): *"Vilka grupper vill ni prioritera för klusterkampanjen 2011?"*
Without chosen groups the communication plan has no one to address.

**How to fix it:** choose up to three target groups under `campaign.groups`, each
with a priority and a motivation.
""",
    summary_sv="Klusterkampanjen väljer sina målgrupper.",
    explanation_sv="""
Arbetsboken (punkt 14): *"Vilka grupper vill ni prioritera för klusterkampanjen 2011?"*
Utan valda grupper har kommunikationsplanen ingen att vända sig till.

**Så rättar du:** välj upp till tre målgrupper under `campaign.groups`, var och en med
prioritet och motivering.
""",
)
def campaign_without_groups(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """No campaign groups although the plan has target groups."""
    if plan.target_groups and not plan.campaign.groups:
        yield (
            "campaign.groups",
            text("campaign_choose_up_three_target"),
        )


@rule(
    "KP110",
    "campaign-group-repeated",
    Severity.ERROR,
    "The campaign chooses each target group only once.",
    """
Each of the (at most three) campaign groups is a different target group; choosing one
twice wastes a place and makes the priorities meaningless.

**How to fix it:** remove the repeated entry from `campaign.groups`.
""",
    summary_sv="Kampanjen väljer varje målgrupp bara en gång.",
    explanation_sv="""
Var och en av de (högst tre) kampanjgrupperna är en egen målgrupp; att välja en två
gånger slösar en plats och gör prioriteringen meningslös.

**Så rättar du:** ta bort den upprepade posten ur `campaign.groups`.
""",
)
def campaign_group_repeated(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """The same target group chosen twice."""
    seen: set[str] = set()
    for i, chosen in enumerate(plan.campaign.groups):
        if chosen.target_group in seen:
            yield (
                f"campaign.groups[{i}].target_group",
                text("campaign_target_group_r_chosen", target_group=chosen.target_group),
            )
        seen.add(chosen.target_group)


#: The persona fields the agenda's "Definiera och ge dem en persona" asks for.
PERSONA_FIELDS = ("name", "life_situation", "needs", "channels")
PERSONA_FIELDS_SV = {
    "name": "namn",
    "life_situation": "livssituation",
    "needs": "behov",
    "channels": "kanaler",
}


@rule(
    "KP111",
    "persona-incomplete",
    Severity.WARNING,
    "A persona has a name, a life situation, needs and channels.",
    """
The agenda (point 5): *"Våra prioriterade målgrupper. Definiera och ge dem en persona."*
A persona works only when she is concrete: a name, a life situation, what she needs and
where she can be reached.

**How to fix it:** fill in the persona's `name`, `life_situation`, `needs` and `channels`.
""",
    summary_sv="En persona har namn, livssituation, behov och kanaler.",
    explanation_sv="""
Dagordningen (punkt 5): *"Våra prioriterade målgrupper. Definiera och ge dem en
persona."* En persona fungerar bara när hon är konkret: ett namn, en livssituation,
vad hon behöver och var hon nås.

**Så rättar du:** fyll i personans `name`, `life_situation`, `needs` och `channels`.
""",
)
def persona_incomplete(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A persona that lacks one of the agenda's fields."""
    for j, group in enumerate(plan.target_groups):
        if group.persona is None:
            continue
        for field in PERSONA_FIELDS:
            value = getattr(group.persona, field)
            if (isinstance(value, str) and blank(value)) or not value:
                yield (
                    f"target_groups[{j}].persona.{field}",
                    text(
                        "campaign_persona_field",
                        field=field,
                        persona_fields_sv=PERSONA_FIELDS_SV[field],
                    ),
                )


@rule(
    "KP112",
    "target-group-without-id",
    Severity.ERROR,
    "Each target group has an id that campaign, actions and activities can refer to.",
    """
The campaign, the actions and the communication plan name target groups by `id`. A
group without one cannot be chosen or reached.

**How to fix it:** give the group a short `id`, e.g. `tonaring`.
""",
    summary_sv="Varje målgrupp har ett id som kampanj, åtgärder och aktiviteter kan hänvisa till.",
    explanation_sv="""
Kampanjen, åtgärderna och kommunikationsplanen anger målgrupper med `id`. En grupp
utan id kan inte väljas eller nås.

**Så rättar du:** ge gruppen ett kort `id`, t.ex. `tonaring`.
""",
)
def target_group_without_id(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A target group with an empty id."""
    for j, group in enumerate(plan.target_groups):
        if blank(group.id):
            yield (
                f"target_groups[{j}].id",
                text("campaign_give_target_group_id"),
            )


RULES = (
    campaign_too_many_groups,
    campaign_group_unmotivated,
    campaign_priority_invalid,
    campaign_group_without_persona,
    focus_group_too_small,
    persona_unvalidated,
    unknown_target_group,
    duplicate_target_group,
    campaign_without_groups,
    campaign_group_repeated,
    persona_incomplete,
    target_group_without_id,
)
