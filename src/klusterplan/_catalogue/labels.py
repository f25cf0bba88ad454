"""What a reader of an export sees, in Swedish and English."""

from __future__ import annotations

import enum
import functools

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
    "workbook_hint_immediate": (
        "Ex på vad vi kan göra för X direkt.",
        "E.g. what we can do for X at once.",
    ),
    "workbook_hint_long_term": (
        "Lista ex vad som ska göras på sikt",
        "List e.g. what is to be done in time",
    ),
    "workbook_hint_organisational": (
        "Vilka konsekvenser får det för org.?",
        "What does it mean for the organisation?",
    ),
    "workbook_hint_responsible": ("Vem?", "Who?"),
    "workbook_hint_roles": ("T.ex. vaktmästare, volontär", "E.g. caretaker, volunteer"),
    "workbook_roles": ("Roller, med komma emellan", "Roles, separated by commas"),
    "workbook_hint_communicative": (
        "Vilka konsekvenser får det för kommunikationen?",
        "What does it mean for communication?",
    ),
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
    # the cluster summary (klusterplan summary)
    "cluster_title": ("Klustersammanställning", "Cluster summary"),
    "cluster_subject": (
        "Sammanställning av klustrets lokala kommunikationsplaner",
        "Summary of the cluster's local communication plans",
    ),
    "cluster_as_of": ("Läget den", "As of"),
    "cluster_as_of_end": ("{day}, när perioden slutade", "{day}, when the period ended"),
    "cluster_coming_period": ("Kommande period", "Coming period"),
    "cluster_coming_line": ("{days} dagar, till {until}", "{days} days, until {until}"),
    "cluster_briefing": ("Sammanfattning", "Summary"),
    "cluster_text_read": (
        "Sammanställningen bygger på {loaded} av {total} bibliotekens planer.",
        "The summary draws on the plans of {loaded} of the {total} libraries.",
    ),
    "cluster_text_groups": (
        "Flest bibliotek prioriterar {group} ({n}\u00a0av\u00a0{libraries}).",
        "Most libraries prioritise {group} ({n}\u00a0of\u00a0{libraries}).",
    ),
    "cluster_text_work": (
        "Av {total} åtgärder och aktiviteter är {done} klara och {late} försenade.",
        "Of {total} actions and activities, {done} are done and {late} are late.",
    ),
    "cluster_text_work_ended": (
        "Av {total} åtgärder och aktiviteter blev {done} klara under perioden och {open} blev"
        " inte genomförda.",
        "Of {total} actions and activities, {done} were done within the period and {open} were"
        " not done.",
    ),
    "cluster_text_not_done": (
        "För {libraries} har perioden slutat; {n} av deras åtgärder och aktiviteter blev inte"
        " genomförda.",
        "For {libraries} the period has ended; {n} of their actions and activities were not done.",
    ),
    "cluster_text_help": (
        "Mest stöd behöver {library}: planen har {errors}.",
        "{library} needs help most: its plan has {errors}.",
    ),
    "cluster_text_who": (
        "{cluster} samlar {libraries}: {names}.",
        "{cluster} brings together {libraries}: {names}.",
    ),
    "cluster_the": ("Klustret", "The cluster"),
    "cluster_text_period": (
        "Planerna gäller {period}, och läget är det den {day}.",
        "The plans cover {period}, and the figures are as of {day}.",
    ),
    "cluster_text_period_end": (
        "Planerna gäller {period}, och läget är det när perioden slutade, {day}.",
        "The plans cover {period}, and the figures are as of the period's end, {day}.",
    ),
    "cluster_text_votes_same": (
        "Den gruppen fick också flest röster: {votes}\u00a0av\u00a0{total}.",
        "That group also has the most votes: {votes}\u00a0of\u00a0{total}.",
    ),
    "cluster_text_votes": (
        "Flest röster fick {group}: {votes}\u00a0av\u00a0{total}.",
        "{group} has the most votes: {votes}\u00a0of\u00a0{total}.",
    ),
    "cluster_text_late": (
        "Flest försenade har {library} ({n}\u00a0av\u00a0{late}).",
        "{library} has the most that are late ({n}\u00a0of\u00a0{late}).",
    ),
    "and": ("och", "and"),
    "municipalities": ("Kommuner", "Municipalities"),
    "cluster_report_running": ("Lägesrapport", "Progress report"),
    "cluster_report_ended": ("Slutrapport för perioden", "Final report for the period"),
    "cluster_status_value": ("Underlag, inte fastställt", "For discussion, not adopted"),
    "cluster_audience": ("Till", "For"),
    "cluster_audience_value": (
        "Klustrets styrgrupp och biblioteken",
        "The cluster's board and its libraries",
    ),
    "cluster_made": ("Upprättad", "Made"),
    "cluster_contacts": ("Kontaktpersoner", "Contact persons"),
    "cluster_plans": ("Planer", "Plans"),
    "cluster_read": ("{loaded} av {total} lästa", "{loaded} of {total} read"),
    "cluster_read_failed": (
        "{n} kunde inte läsas, se Biblioteken",
        "{n} could not be read, see The libraries",
    ),
    "cluster_groups": ("Målgrupper", "Target groups"),
    "cluster_groups_line": (
        "{n} olika; flest bibliotek prioriterar {top}",
        "{n} different; most libraries prioritise {top}",
    ),
    "cluster_campaign": ("Klusterkampanjen", "The cluster campaign"),
    "cluster_votes": ("Röster", "Votes"),
    "cluster_votes_line": (
        "{total} i klustret, flest för {group} ({votes})",
        "{total} in the cluster, most for {group} ({votes})",
    ),
    "cluster_actions": ("Åtgärder", "Actions"),
    "cluster_activities": ("Aktiviteter", "Activities"),
    "cluster_late": ("Försenat", "Late"),
    "cluster_due": ("Förfaller snart", "Due soon"),
    "cluster_not_done": ("Ej genomförda", "Not done"),
    "cluster_period_ended": ("Perioden slutade", "Period ended"),
    "cluster_ended_all": ("{day} för alla bibliotek", "{day} for every library"),
    "cluster_ended_some": ("{day} för {libraries}", "{day} for {libraries}"),
    "cluster_still_running": ("pågår för {libraries}", "runs on for {libraries}"),
    "cluster_due_line": ("{n} till och med {until}", "{n} until {until}"),
    "cluster_tips": ("Tips att dela", "Tips to share"),
    "cluster_tips_line": ("{n} från {libraries}", "{n} from {libraries}"),
    "cluster_needs_help": ("Behöver stöd", "Needs help"),
    "cluster_no_errors": ("ingen plan har fel", "no plan has errors"),
    "cluster_indicators": ("Mått", "Indicators"),
    "cluster_libraries": ("Biblioteken", "The libraries"),
    "cluster_failed": ("Planer som inte kunde läsas", "Plans that could not be read"),
    "cluster_failed_intro": (
        "De här planerna kunde inte läsas och finns inte med i siffrorna. När filerna är "
        "rättade görs sammanställningen om.",
        "These plans could not be read and are not in the figures. Once the files are "
        "corrected, the summary is made again.",
    ),
    "cluster_target_groups": ("Målgrupper i klustret", "Target groups in the cluster"),
    "cluster_groups_legend": (
        "”ja”: biblioteket prioriterar målgruppen. ”kampanj 1” till ”kampanj 3”: biblioteket har "
        "också valt den till klusterkampanjen, med den prioriteten. En målgrupp räknas som "
        "densamma i två planer när den har samma kortnamn eller samma namn.",
        "“yes”: the library prioritises the target group. “campaign 1” to “campaign 3”: the "
        "library also chose it for the cluster campaign, with that priority. A target group "
        "counts as the same in two plans when it has the same short name or the same name.",
    ),
    "prioritised_mark": ("ja", "yes"),
    "campaign_mark": ("kampanj", "campaign"),
    "libraries_column": ("Bibliotek", "Libraries"),
    "campaign_column": ("Kampanj", "Campaign"),
    "cluster_matching": ("Så matchades målgrupperna", "How the target groups were matched"),
    "quoted": ("”{text}”", "“{text}”"),
    "note_by_name": (
        "{group} har olika kortnamn i planerna och räknas ihop efter sitt namn.",
        "{group} has different short names in the plans and is counted together by its name.",
    ),
    "notes_by_name": (
        "Planerna ger de här målgrupperna olika kortnamn, så de räknas ihop efter sina namn: "
        "{groups}.",
        "The plans give these target groups different short names, so they are counted "
        "together by their names: {groups}.",
    ),
    "notes_unmatched": ("Finns bara i en plan: {groups}.", "In one plan only: {groups}."),
    "note_other_names": (
        "{group} heter också {names} ({libraries}).",
        "{group} is also called {names} ({libraries}).",
    ),
    "note_unmatched": (
        "{group} finns bara i planen från {libraries}.",
        "{group} is only in the plan of {libraries}.",
    ),
    "note_same_plan": (
        "{group} ({libraries}) räknas för sig: planen har två målgrupper med samma namn.",
        "{group} ({libraries}) is counted on its own: the plan has two target groups of that name.",
    ),
    "note_campaign_unknown": (
        "{libraries} har valt en målgrupp till klusterkampanjen som planen inte beskriver ({ids}).",
        "{libraries} chose a target group for the cluster campaign that the plan does not "
        "describe ({ids}).",
    ),
    "cluster_votes_title": ("Röster i klustret", "Votes in the cluster"),
    "cluster_votes_chart": (
        "Röster på dialogforum, summerade över klustret",
        "Votes at the dialogue forum, summed over the cluster",
    ),
    "cluster_actions_title": ("Åtgärder och aktiviteter", "Actions and activities"),
    "cluster_actions_intro": (
        "Bibliotekens åtgärder (ATT GÖRA) per tidshorisont och status, och aktiviteterna i "
        "kommunikationsplanerna per status.",
        "The libraries' actions (ATT GÖRA) by horizon and status, and the activities of the "
        "communication plans by status.",
    ),
    "cluster_activities_caption": (
        "Aktiviteter i kommunikationsplanerna",
        "Activities of the communication plans",
    ),
    "actions_count": ("Åtgärder", "Actions"),
    "library": ("Bibliotek", "Library"),
    "target_groups_short": ("Målgrupper", "Target groups"),
    "campaign_groups": ("Kampanjgrupper", "Campaign groups"),
    "horizon": ("Tidshorisont", "Horizon"),
    "cluster_late_title": ("Försenat", "Late"),
    "cluster_not_done_title": (
        "Ej genomförda när perioden slutade",
        "Not done when the period ended",
    ),
    "cluster_not_done_intro": (
        "Åtgärder och aktiviteter som var planerade eller pågick när bibliotekets period slutade,"
        " med status och datum som planen senast angav.",
        "Actions and activities still planned or in progress when the library's period ended,"
        " with the status and date the plan last gave.",
    ),
    "cluster_due_title": ("Förfaller till och med {until}", "Due until {until}"),
    "nothing_late": ("Inget är försenat.", "Nothing is late."),
    "nothing_due": (
        "Inget förfaller till och med {until}.",
        "Nothing is due until {until}.",
    ),
    "kind": ("Typ", "Kind"),
    "what": ("Vad", "What"),
    "days_late": ("Dagar sen", "Days late"),
    "cluster_tips_title": (
        "Tips att dela mellan biblioteken",
        "Tips to share between the libraries",
    ),
    "cluster_tips_intro": (
        "{question} Åtgärder och aktiviteter som ett bibliotek har markerat som värda att dela, "
        "med varför och vem man kan fråga.",
        "{question} Actions and activities a library marked as worth sharing, with why and whom "
        "to ask.",
    ),
    "no_tips": (
        "Inget bibliotek har markerat något som värt att dela ännu.",
        "No library has marked anything as worth sharing yet.",
    ),
    "tip": ("Tips", "Tip"),
    "sharing_reason": ("Varför det är värt att dela", "Why it is worth sharing"),
    "contact": ("Kontakt", "Contact"),
    "cluster_sharing_title": (
        "Bibliotekens förslag: så delar vi tips",
        "The libraries' proposals: how we share tips",
    ),
    "cluster_checks_title": ("Det som saknas i planerna", "What the plans still lack"),
    "cluster_checks_intro": (
        "Varje plan har prövats mot arbetsbokens krav. Fel är det som måste finnas innan planen "
        "kan fastställas, varningar det som bör ses över. De bibliotek som står först behöver "
        "mest stöd.",
        "Each plan was checked against what the workbook asks for. Errors are what must be in "
        "place before the plan can be adopted, warnings what should be looked at. The libraries "
        "at the top need help most.",
    ),
    "cluster_lacks": (
        "{library}: det här uppfyller planen ännu inte",
        "{library}: what the plan does not yet do",
    ),
    "cluster_lack_line": ("{rule}: {found}", "{rule}: {found}"),
    "warnings_one": ("{n} varning", "{n} warning"),
    "warnings_many": ("{n} varningar", "{n} warnings"),
    "infos_one": ("{n} råd", "{n} piece of advice"),
    "infos_many": ("{n} råd", "{n} pieces of advice"),
    "cluster_no_budget": (
        "{libraries} har ännu ingen budget för kommunikationsplanen.",
        "{libraries} has no budget for the communication plan yet.",
    ),
    "cluster_no_budgets": (
        "{libraries} har ännu ingen budget för kommunikationsplanen.",
        "{libraries} have no budget for the communication plan yet.",
    ),
    "cluster_budget_others": (
        "Totalen är de övriga bibliotekens.",
        "The total is that of the other libraries.",
    ),
    "cluster_unnamed_rule": ("Ett krav utan beskrivning", "A requirement without a description"),
    "not_set": ("ej satt", "not set"),
    "cluster_failed_line": (
        "kunde inte läsas ({errors} i filen)",
        "could not be read ({errors} in the file)",
    ),
    "errors": ("Fel", "Errors"),
    "errors_one": ("{n} fel", "{n} error"),
    "errors_many": ("{n} fel", "{n} errors"),
    "warnings": ("Varningar", "Warnings"),
    "infos": ("Råd", "Advice"),
    "libraries_one": ("{n} bibliotek", "{n} library"),
    "libraries_many": ("{n} bibliotek", "{n} libraries"),
    "cluster_evaluation_title": (
        "Gemensam uppföljning och utvärdering",
        "Shared follow-up and evaluation",
    ),
    "cluster_evaluation_intro": (
        "{question} Varje biblioteks mått med mål och resultat, i en tabell för hela klustret.",
        "{question} Every library's indicators with target and result, in one table for the "
        "whole cluster.",
    ),
    "indicator": ("Mått", "Indicator"),
    "target": ("Mål", "Target"),
    "result": ("Resultat", "Result"),
    "achievement": ("Läge", "Standing"),
    "achievement_reached": ("uppnått", "reached"),
    "achievement_not_yet": ("ännu inte", "not yet"),
    "achievement_no_result": ("inget resultat", "no result"),
    "achievement_no_target": ("inget mål", "no target"),
    "cluster_templates_title": (
        "Bibliotekens förslag till gemensam mall",
        "The libraries' proposals for a shared template",
    ),
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
