"""What a reader of an export sees, in Swedish and English."""

from __future__ import annotations

import enum
import functools

from .cluster_labels import LABELS as _CLUSTER
from .language import Language, is_swedish
from .summary_labels import LABELS as _SUMMARY

__all__ = ["enum_label", "label", "labels_in", "short_labels"]

# key: (Swedish, English). Swedish follows the workbook's own wording.
_LABELS: dict[str, tuple[str, str]] = {
    "continued": ("forts.", "cont."),
    "title": ("Lokal kommunikationsplan", "Local communication plan"),
    "summary": ("Sammanfattning", "Summary"),
    "summary_groups": ("Prioriterade målgrupper", "Prioritised target groups"),
    "summary_campaign": ("Klusterkampanjens målgrupper", "The cluster campaign's target groups"),
    "summary_goals": ("Det här vill vi uppnå", "What we want to achieve"),
    "summary_actions": ("Viktigaste åtgärderna", "Key actions"),
    "summary_more_actions_one": (
        "Ytterligare en åtgärd står i kapitlet {chapter}.",
        "One more action is in the chapter {chapter}.",
    ),
    "summary_more_actions_many": (
        "Ytterligare {n} åtgärder står i kapitlet {chapter}.",
        "{n} more actions are in the chapter {chapter}.",
    ),
    "summary_budget": ("Budget för kommunikationsplanen", "Budget of the communication plan"),
    "summary_activities": ("Aktiviteternas kostnad", "Cost of the activities"),
    "personas_appendix": ("Bilaga: Personas", "Appendix: Personas"),
    "for_staff_short": ("För oss som personal", "For us as staff"),
    "for_groups_short": ("För målgrupperna", "For the target groups"),
    "campaign_roles": ("Ansvar och roller i kampanjen", "Responsibility and roles in the campaign"),
    "workbook_library": ("Bibliotek", "Library"),
    "workbook_kind": ("Arbetsbok", "Workbook"),
    "workbook_participants": ("Deltagare", "Participants"),
    "votes_alt": (
        "Stapeldiagram över rösterna på dialogforum",
        "Bar chart of the votes at the dialogue forum",
    ),
    "staircase_figure": ("Målgrupperna på trappan", "The target groups on the staircase"),
    "staircase_alt": (
        "Kommunikationstrappan, nedersta steget först",
        "The communication staircase, lowest step first",
    ),
    "nobody": ("ingen", "none"),
    # the built-in centres and staircase steps, by id, for readers of another language
    "centre_culture": ("Kulturcentrum", "Culture centre"),
    "centre_knowledge": ("Kunskapscentrum", "Knowledge centre"),
    "centre_information": ("Informationscentrum", "Information centre"),
    "centre_social": ("Socialt centrum", "Social centre"),
    "step_awareness": ("Kännedom", "Awareness"),
    "step_awareness_text": (
        "Känner till att biblioteket och erbjudandet finns.",
        "Knows that the library and its offer exist.",
    ),
    "step_knowledge": ("Kunskap", "Knowledge"),
    "step_knowledge_text": (
        "Vet vad biblioteket kan ge just dem.",
        "Knows what the library can give them.",
    ),
    "step_attitude": ("Attityd", "Attitude"),
    "step_attitude_text": ("Tycker om och litar på biblioteket.", "Likes and trusts the library."),
    "step_action": ("Handling", "Action"),
    "step_action_text": ("Använder biblioteket.", "Uses the library."),
    "step_ambassador": ("Ambassadör", "Ambassador"),
    "step_ambassador_text": (
        "Rekommenderar biblioteket till andra.",
        "Recommends the library to others.",
    ),
    "subject": (
        "Bibliotekets lokala marknadskommunikation",
        "The library's local marketing communication",
    ),
    "contents": ("Innehåll", "Contents"),
    "contents_hint": (
        "Innehållsförteckningen fylls i när dokumentet öppnas i Word (eller tryck F9).",
        "Word fills in the table of contents when the document is opened (or press F9).",
    ),
    "page": ("Sida", "Page"),
    "skip_to_content": ("Hoppa till innehållet", "Skip to the content"),
    "matrix_groups": ("Målgrupper", "Target groups"),
    "of": ("av", "of"),
    "municipality": ("Kommun", "Municipality"),
    "cluster": ("Kluster", "Cluster"),
    "period": ("Period", "Period"),
    "author": ("Författare", "Author"),
    "date": ("Datum", "Date"),
    "promise": ("Löfte", "Promise"),
    # the cover's document information
    "document_type": ("Dokumenttyp", "Document type"),
    "document_status": ("Status", "Status"),
    "version": ("Version", "Version"),
    "decided_by": ("Beslutas av", "To be adopted by"),
    "adopted_by": ("Fastställd av", "Adopted by"),
    "decided_on": ("Fastställd", "Adopted on"),
    "registry_number": ("Diarienummer", "Reference number"),
    "contact_person": ("Kontaktperson", "Contact person"),
    # 1-4: the library's mission and organisation
    "organisation": ("Uppdrag och organisation", "Mission and organisation"),
    "mission": ("Vårt uppdrag", "Our mission"),
    "partners": (
        "Futurum, Kombib och andra partner",
        "Futurum, Kombib and other partners",
    ),
    "staffing": ("Bemanning", "Staffing"),
    "staffing_resources": (
        "Bemanning, kompetens och resurser",
        "Staffing, competence and resources",
    ),
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
    "centre_placement": ("Centrummatrisen", "The centre matrix"),
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
    "due": ("Klart senast", "Due by"),
    "who": ("Ansvar och roller", "Responsibility and roles"),
    "number": ("Nr", "No."),
    "groups_short": ("Målgrupper", "Target groups"),
    "action": ("Åtgärd", "Action"),
    "priority_order": ("i prioritetsordning", "in order of priority"),
    # 14, 16
    "campaign": ("Klusterkampanjen", "The cluster campaign"),
    "basis": ("Basutbud och segment", "Basic offer and segments"),
    "priority": ("Prioritet", "Priority"),
    "motivation": ("Motivering", "Motivation"),
    "focus_group_plan": ("Fokusgrupp", "Focus group"),
    "survey_plan": ("Kompletterande undersökningar", "Complementary surveys"),
    "campaign_organisation": ("Vem gör vad", "Who does what"),
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
    # the blank workshop workbook ("Vårt biblioteks lokala målgrupper")
    "workbook_title": ("Vårt biblioteks lokala målgrupper", "Our library's local target groups"),
    "workbook_subtitle": (
        "Arbetsbok för det lokala arbetet",
        "Workbook for the local work",
    ),
    "workbook_subject": (
        "Arbetsbok för bibliotekets lokala marknadskommunikation",
        "Workbook for the library's local marketing communication",
    ),
    "workbook_segments": ("Befintliga och nya kunder", "Existing and new customers"),
    "workbook_segment_a": ("A Befintliga kunder", "A Existing customers"),
    "workbook_segment_b": ("B Nya kunder", "B New customers"),
    "workbook_todo": ("ATT GÖRA", "TO DO"),
    "workbook_long_term": ("Att göra: på längre sikt", "To do: in the longer term"),
    "workbook_roles": ("Roller", "Roles"),
    "workbook_forum_intro": (
        "Dialogforumets resultat samt förslag på fortsatt arbete på det lokala biblioteket.",
        "The dialogue forum's results and suggestions for further work at the local library.",
    ),
    # the subtitle as workbooks before it was a whole sentence printed it: they still read
    "workbook_forum_intro_before": (
        "samt förslag på fortsatt arbete på det lokala biblioteket.",
        "and suggestions for further work at the local library.",
    ),
    "workbook_forum_result": (
        "Resultat dialogforum våren 2010",
        "Dialogue-forum results, spring 2010",
    ),
    "workbook_eight_groups": (
        "Våra åtta prioriterade målgrupper",
        "Our eight prioritised target groups",
    ),
    "workbook_votes": ("{votes} röster", "{votes} votes"),
    "workbook_centres": ("Centrum, det dominerande först", "Centres, the dominant first"),
    "workbook_core_values": ("Kärnvärden", "Core values"),
    "workbook_partner": ("Futurum, Kombib eller annan partner", "Futurum, Kombib or other partner"),
    "workbook_relation": ("Hur vi förhåller oss", "How we relate to it"),
    "workbook_value_word_1": ("lyhörd", "responsive"),
    "workbook_value_word_2": ("kreativ", "creative"),
    "workbook_value_word_3": ("kompetent", "competent"),
    "workbook_value_word_4": ("engagerad", "committed"),
    "workbook_group_1": ("Den oerfarne", "The inexperienced"),
    "workbook_group_2": ("Den identitetsökande tonåringen", "The identity-seeking teenager"),
    "workbook_group_3": (
        "Den stressade småbarnsföräldern",
        "The stressed parent of small children",
    ),
    "workbook_group_4": ("Det nyfikna förskolebarnet", "The curious pre-school child"),
    "workbook_group_5": ("Den digitala analfabeten", "The digital illiterate"),
    "workbook_group_6": ("Daisy- och storstilsläsaren", "The Daisy and large-print reader"),
    "workbook_group_7": (
        "Den kommunplacerade flyktingen",
        "The refugee settled in the municipality",
    ),
    "workbook_group_8": ("Bokälskaren", "The book lover"),
    "workbook_customer_care": (
        "Befintliga kunder/aktiv kundvård. Vi föreslår att varje lokalt bibliotek dessutom "
        "lägger upp en plan för hur de hanterar sina befintliga A-kunder.",
        "Existing customers/active customer care. We suggest that each local library also draws "
        "up a plan for how it looks after its existing A-customers.",
    ),
    "workbook_autumn": (
        "Hösten 2010 – från helhetsperspektiv till lokalt konkret arbete",
        "Autumn 2010 – from the whole to concrete local work",
    ),
    "workbook_agenda_intro": (
        "Förslag på agenda för fortsatt internt arbete på det lokala biblioteket:",
        "Suggested agenda for further internal work at the local library:",
    ),
    "workbook_reuse": (
        "Återanvänd arbetsdokumenten för skisser/metodik",
        "Reuse the working documents for sketches and method",
    ),
    "workbook_agenda_1": ("Hur ser vårt uppdrag ut?", "What is our mission?"),
    "workbook_agenda_2": (
        "Hur förhåller vi oss till Futurum och Kombib?",
        "How do we relate to Futurum and Kombib?",
    ),
    "workbook_agenda_3": (
        "Hur ser vår bemanning/kompetens/resurser ut?",
        "What are our staffing, competence and resources?",
    ),
    "workbook_agenda_4": (
        "Rollen som utvecklingsledare. Gränssnitt, ansvar, utvecklingspotential.",
        "The development-leader role. Interfaces, responsibility, development potential.",
    ),
    "workbook_agenda_5": (
        "Våra prioriterade målgrupper. Definiera och ge dem en persona.",
        "Our prioritised target groups. Define them and give them a persona.",
    ),
    "workbook_agenda_6": (
        "Diskutera svagheter idag och styrkor i morgon.",
        "Discuss weaknesses today and strengths tomorrow.",
    ),
    "workbook_agenda_7": (
        "Var på kommunikationstrappan befinner målgrupperna sig?",
        "Where on the communication staircase do the target groups stand?",
    ),
    "workbook_agenda_8": (
        "Vilken typ av centrum ska vi vara i morgon lokalt?",
        "What kind of centre shall we be locally tomorrow?",
    ),
    "workbook_agenda_8_more": (
        "Kan vi tänka annorlunda jämfört med helheten? Ska vi tänka annorlunda? Om ja, varför? "
        "Om nej, varför inte?",
        "Can we think differently from the whole? Should we? If so, why? If not, why not?",
    ),
    "workbook_agenda_9": (
        "Hur ska vi hantera värderorden lyhörd, kreativ, kompetent och engagerad?",
        "How shall we handle the value words responsive, creative, competent and committed?",
    ),
    "workbook_agenda_10": (
        'Hur skall vi uppfylla löftet "Låna dig rik"?',
        'How shall we keep the promise "Låna dig rik" (borrow yourself rich)?',
    ),
    "workbook_agenda_11": (
        "Vad innebär det för oss som personal?",
        "What does it mean for us as staff?",
    ),
    "workbook_agenda_12": (
        "Vad innebär det för målgrupperna?",
        "What does it mean for the target groups?",
    ),
    "workbook_agenda_13": (
        "Arbeta systematiskt utifrån skissen.",
        "Work systematically from the sketch.",
    ),
    "workbook_agenda_13_more": (
        "Fokusera på HUR, ANSVAR och ROLLER samt utgå i planeringen från "
        "kommunikationsstrategin. Den hänger ihop med utvärderingen",
        "Focus on HOW, RESPONSIBILITY and ROLES, and base the planning on the communication "
        "strategy. It is tied to the evaluation",
    ),
    "workbook_agenda_14": (
        "Vilka grupper vill ni prioritera för klusterkampanjen 2011?",
        "Which groups do you want to prioritise for the 2011 cluster campaign?",
    ),
    "workbook_campaign_1": (
        "Välj max 3 grupper. Motivera valen. Utgå från basutbud och segment samt målgrupper.",
        "Choose at most 3 groups. Give your reasons. Start from the basic offer, segments and "
        "target groups.",
    ),
    "workbook_campaign_2": ("Prioritera dem", "Prioritise them"),
    "workbook_campaign_3": ("Ge var och en persona", "Give each a persona"),
    "workbook_campaign_4": (
        "Diskutera hur ni kan få kontakt med 10 personer för en fokusgrupp",
        "Discuss how you can reach 10 people for a focus group",
    ),
    "workbook_campaign_5": (
        "Matcha er persona mot faktisk realistisk information. Glapp? Överensstämmelser? Lär "
        "av resultatet.",
        "Match your persona against real, realistic information. Gaps? Matches? Learn from the "
        "result.",
    ),
    "workbook_campaign_6": (
        "Diskutera om ni kan använda högskolan/andra studenter för kompletterande undersökningar.",
        "Discuss whether you can use the college or other students for complementary surveys.",
    ),
    "workbook_agenda_15": (
        "Diskutera vilket centra som dominerar er verksamhet och placera in målgrupperna i rätt "
        "ruta.",
        "Discuss which centre dominates your work and place the target groups in the right box.",
    ),
    "workbook_agenda_15_more": (
        "Diskutera även vilka perspektiv av det sociala centrat som aktiviteterna ska filtreras "
        "igenom. Vad innebär ett genomsläppligt filter av socialt perspektiv för resp. "
        "målgrupp? Vilka behov har de?",
        "Discuss too which perspectives of the social centre the activities are to be filtered "
        "through. What does a permeable filter of the social perspective mean for each target "
        "group? What needs do they have?",
    ),
    "workbook_agenda_16": (
        "Vem gör vad? Vad innebär klusterarbetet för organisationen? Ansvar, roller osv.",
        "Who does what? What does the cluster work mean for the organisation? Responsibility, "
        "roles and so on.",
    ),
    "workbook_agenda_17": (
        "Tänk utifrån en kommunikationsplan.",
        "Think from a communication plan.",
    ),
    "workbook_agenda_17_more": (
        "För att verkligen göra rätt saker och få struktur i arbetet med klusterkampanjerna "
        "rekommenderar vi varje bibliotek att tänka utifrån en kommunikationsplan. Se "
        "nedanstående beskrivning",
        "To really do the right things and give the work on the cluster campaigns a structure, "
        "we recommend each library to think from a communication plan. See the description "
        "below",
    ),
    "workbook_campaign_section": ("Klusterkampanjen", "The cluster campaign"),
    "workbook_write_here": ("Skriv här", "Write here"),
    # klusterplan status
    "status_title": ("Uppföljning", "Follow-up"),
    "status_late": ("Försenat", "Late"),
    "status_due": ("Förfaller till och med {until}", "Due until {until}"),
    "status_none": ("inget", "nothing"),
    "status_since": ("sedan {date}", "since {date}"),
    "status_days_late": ("{n} dagar sen", "{n} days late"),
    "status_day_late": ("{n} dag sen", "{n} day late"),
}

_ENUMS: dict[str, tuple[str, str]] = {
    "Segment.A": ("A – befintliga kunder", "A – existing customers"),
    "Segment.B": ("B – nya kunder", "B – new customers"),
    "Horizon.IMMEDIATE": ("omgående", "immediate"),
    "Horizon.LONG_TERM": ("på längre sikt", "long term"),
    "ActionStatus.PLANNED": ("planerad", "planned"),
    "ActionStatus.IN_PROGRESS": ("pågår", "in progress"),
    "ActionStatus.DONE": ("klar", "done"),
    # how serious a finding is, as its line shows it
    "Severity.ERROR": ("fel", "error"),
    "Severity.WARNING": ("varning", "warning"),
    "Severity.INFO": ("info", "info"),
    "ActionStatus.DROPPED": ("struken", "dropped"),
    "DocumentStatus.DRAFT": ("utkast", "draft"),
    "DocumentStatus.REVIEW": ("remiss", "for consultation"),
    "DocumentStatus.ADOPTED": ("fastställd", "adopted"),
    "Kind.ACTION": ("åtgärd", "action"),
    "Kind.ACTIVITY": ("aktivitet", "activity"),
}


_LABELS.update(_SUMMARY)
_LABELS.update(_CLUSTER)


def label(key: str, language: Language) -> str:
    """The reader's text for ``key`` in ``language``."""
    sv, en = _LABELS[key]
    return sv if is_swedish(language) else en


def enum_label(value: enum.Enum, language: Language) -> str:
    """The reader's text for an enum member in ``language``."""
    sv, en = _ENUMS[f"{type(value).__name__}.{value.name}"]
    return sv if is_swedish(language) else en


def joined(text: str) -> str:
    """A short label's words joined by no-break spaces, other text as it is.

    The short labels are :func:`short_labels`.
    """
    return text.replace(" ", "\u00a0") if text in _short_labels() else text


@functools.cache
def _short_labels() -> frozenset[str]:
    return short_labels()


def short_labels() -> frozenset[str]:
    """Every enum label of more than one word (``in progress``, ``på längre sikt``).

    Each is a single value a reader takes in at a glance, so a page never
    breaks one across lines: a renderer joins its words.
    """
    return frozenset(text for pair in _ENUMS.values() for text in pair if " " in text)


def labels_in(language: Language) -> frozenset[str]:
    """Every label's text in ``language``: words klusterplan prints, never a person's."""
    return frozenset(label(key, language) for key in _LABELS)
