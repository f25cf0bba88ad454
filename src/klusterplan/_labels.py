"""What a reader of an export sees, in Swedish and English."""

from __future__ import annotations

import enum

from .model import Language

__all__ = ["enum_label", "label"]

# key: (Swedish, English). Swedish follows the workbook's own wording.
_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Lokal kommunikationsplan", "Local communication plan"),
    "subject": (
        "Bibliotekets lokala marknadskommunikation",
        "The library's local marketing communication",
    ),
    "contents": ("Innehåll", "Contents"),
    "page": ("Sida", "Page"),
    "of": ("av", "of"),
    "municipality": ("Kommun", "Municipality"),
    "cluster": ("Kluster", "Cluster"),
    "period": ("Period", "Period"),
    "author": ("Författare", "Author"),
    "date": ("Datum", "Date"),
    "promise": ("Löfte", "Promise"),
    # 1-4: the library's mission and organisation
    "organisation": ("Uppdrag och organisation", "Mission and organisation"),
    "mission": ("Vårt uppdrag", "Our mission"),
    "partners": (
        "Futurum, Kombib och andra partner",
        "Futurum, Kombib and other partners",
    ),
    "staffing": ("Bemanning", "Staffing"),
    "competence": ("Kompetens", "Competence"),
    "resources": ("Resurser", "Resources"),
    "development_leader": (
        "Rollen som utvecklingsledare",
        "The development-leader role",
    ),
    "name": ("Namn", "Name"),
    "interfaces": ("Gränssnitt", "Interfaces"),
    "responsibility": ("Ansvar", "Responsibility"),
    "development_potential": ("Utvecklingspotential", "Development potential"),
    # the dialogue forum
    "dialogue_forum": ("Summering av dialogforum", "Dialogue-forum summary"),
    "held": ("Genomfört", "Held"),
    "products": ("Våra viktigaste produkter", "Our most important products"),
    "centre_today": ("Centrum idag", "Centre today"),
    "centre_tomorrow": ("Centrum i morgon", "Centre tomorrow"),
    "centre_approach": (
        "Förslag kring förhållningssätt i val av centrum",
        "Approach to choosing a centre",
    ),
    # 5: target groups and personas
    "target_groups": ("Våra prioriterade målgrupper", "Our prioritised target groups"),
    "target_group": ("Målgrupp", "Target group"),
    "segment": ("Segment", "Segment"),
    "votes": ("Röster", "Votes"),
    "votes_chart": ("Röster på dialogforum", "Votes at the dialogue forum"),
    "description": ("Beskrivning", "Description"),
    "needs": ("Behov", "Needs"),
    "social_filter": ("Socialt perspektiv", "Social perspective"),
    "social_needs": ("Sociala behov", "Social needs"),
    "centre": ("Centrum", "Centre"),
    "personas": ("Personas", "Personas"),
    "persona": ("Persona", "Persona"),
    "age": ("Ålder", "Age"),
    "years": ("år", "years"),
    "life_situation": ("Livssituation", "Life situation"),
    "story": ("Berättelse", "Story"),
    "goals": ("Mål", "Goals"),
    "frustrations": ("Frustrationer", "Frustrations"),
    "channels": ("Kanaler", "Channels"),
    "quote": ("Citat", "Quote"),
    "validation": ("Matchning mot verkligheten", "Validation against reality"),
    "focus_group": ("Fokusgrupp", "Focus group"),
    "planned_size": ("Planerat antal", "Planned size"),
    "recruited": ("Rekryterade", "Recruited"),
    "recruitment": ("Så får vi kontakt", "How we reach them"),
    "surveys": ("Undersökningar", "Surveys"),
    "by": ("Genomförs av", "Carried out by"),
    "method": ("Metod", "Method"),
    "matches": ("Överensstämmelser", "Matches"),
    "gaps": ("Glapp", "Gaps"),
    "lessons": ("Lärdomar", "Lessons"),
    "customer_care": (
        "Befintliga kunder – aktiv kundvård",
        "Existing customers – active customer care",
    ),
    "activities": ("Aktiviteter", "Activities"),
    "responsible": ("Ansvarig", "Responsible"),
    # 6
    "analysis": (
        "Svagheter idag och styrkor i morgon",
        "Weaknesses today and strengths tomorrow",
    ),
    "weaknesses_today": ("Svagheter idag", "Weaknesses today"),
    "strengths_tomorrow": ("Styrkor i morgon", "Strengths tomorrow"),
    # 7
    "staircase": ("Kommunikationstrappan", "The communication staircase"),
    "step": ("Trappsteg", "Step"),
    "current_step": ("Står idag", "Stands today"),
    "target_step": ("Mål", "Target"),
    # 8, 15
    "centres": ("Centrum idag och i morgon", "The centre today and tomorrow"),
    "centre_matrix": (
        "Målgrupperna i centrummatrisen",
        "The target groups in the centre matrix",
    ),
    # 9-12
    "values": ("Våra kärnvärden och löfte", "Our core values and promise"),
    "promise_fulfilment": ("Så uppfyller vi löftet", "How we keep the promise"),
    "for_staff": (
        "Vad innebär det för oss som personal?",
        "What does it mean for us as staff?",
    ),
    "for_target_groups": (
        "Vad innebär det för målgrupperna?",
        "What does it mean for the target groups?",
    ),
    "value_word": ("Värdeord", "Value word"),
    # 13
    "actions": ("Att göra", "Actions"),
    "immediate": ("Möjliga omgående åtgärder", "Possible immediate actions"),
    "long_term": ("Att göra på längre sikt", "Actions in the longer term"),
    "organisational_consequence": (
        "Organisatoriska konsekvenser",
        "Organisational consequences",
    ),
    "communicative_consequence": (
        "Kommunikativa konsekvenser",
        "Communicative consequences",
    ),
    "roles": ("Roller", "Roles"),
    "status": ("Status", "Status"),
    "due": ("Klart", "Due"),
    # 14, 16
    "campaign": ("Klusterkampanjen", "The cluster campaign"),
    "basis": ("Basutbud och segment", "Basic offer and segments"),
    "priority": ("Prioritet", "Priority"),
    "motivation": ("Motivering", "Motivation"),
    "focus_group_plan": ("Fokusgrupp", "Focus group"),
    "survey_plan": ("Kompletterande undersökningar", "Complementary surveys"),
    "campaign_organisation": ("Vem gör vad?", "Who does what?"),
    # 17
    "communication_plan": ("Kommunikationsplan", "Communication plan"),
    "background": ("Bakgrund", "Background"),
    "purpose": ("Syfte", "Purpose"),
    "know": ("Veta", "Know"),
    "feel": ("Känna", "Feel"),
    "do": ("Göra", "Do"),
    "messages": ("Budskap", "Messages"),
    "all_groups": ("Alla målgrupper", "All target groups"),
    "activity": ("Aktivitet", "Activity"),
    "channel": ("Kanal", "Channel"),
    "when": ("När", "When"),
    "budget": ("Budget", "Budget"),
    "total": ("Totalt", "Total"),
    "currency": ("kr", "SEK"),
    "follow_up_evaluation": ("Uppföljning och utvärdering", "Follow-up and evaluation"),
    "follow_up": ("Uppföljning", "Follow-up"),
    "evaluation": ("Utvärdering", "Evaluation"),
    "indicators": ("Mått", "Indicators"),
    "schedule": ("Tidplan", "Schedule"),
    # further work
    "further_work": ("Diskutera vidare", "Further discussion"),
    "pr_media": (
        "Hur arbetar vi mer aktivt med PR/media?",
        "How do we work more actively with PR and media?",
    ),
    "sharing_tips": (
        "Hur kan vi sprida/dela med oss av goda råd/tips mellan biblioteken?",
        "How can we share good advice and tips between the libraries?",
    ),
    "evaluation_template": (
        "Hur skapar vi en gemensam mall för uppföljning och utvärdering av insatser?",
        "How do we create a shared template for follow-up and evaluation?",
    ),
}

_ENUMS: dict[str, tuple[str, str]] = {
    "Segment.A": ("A – befintliga kunder", "A – existing customers"),
    "Segment.B": ("B – nya kunder", "B – new customers"),
    "Horizon.IMMEDIATE": ("omgående", "immediate"),
    "Horizon.LONG_TERM": ("på längre sikt", "long term"),
    "ActionStatus.PLANNED": ("planerad", "planned"),
    "ActionStatus.IN_PROGRESS": ("pågår", "in progress"),
    "ActionStatus.DONE": ("klar", "done"),
    "ActionStatus.DROPPED": ("struken", "dropped"),
}


def label(key: str, language: Language) -> str:
    """The reader's text for ``key`` in ``language``."""
    sv, en = _LABELS[key]
    return sv if language is Language.SV else en


def enum_label(value: enum.Enum, language: Language) -> str:
    """The reader's text for an enum member in ``language``."""
    sv, en = _ENUMS[f"{type(value).__name__}.{value.name}"]
    return sv if language is Language.SV else en
