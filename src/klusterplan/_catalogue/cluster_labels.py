"""The labels of the cluster summary (``klusterplan summary``), in Swedish and English.

Kept apart from :mod:`klusterplan._catalogue.labels`, which takes them into its
one table: a reader of the summary's wording finds it here whole.
"""

from __future__ import annotations

__all__ = ["LABELS"]

# key: (Swedish, English)
LABELS: dict[str, tuple[str, str]] = {
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
    # a count that several groups share
    "libraries_each": ("{n} bibliotek vardera", "{n} libraries each"),
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
    "cluster_no_errors": (
        "inget som krävs saknas i planerna",
        "nothing required is missing from the plans",
    ),
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
        "också valt den till klusterkampanjen, med den prioriteten. ”–”: målgruppen finns inte i "
        "bibliotekets plan. En målgrupp räknas som "
        "densamma i två planer när den har samma kortnamn eller samma namn.",
        "“yes”: the library prioritises the target group. “campaign 1” to “campaign 3”: the "
        "library also chose it for the cluster campaign, with that priority. “–”: the target "
        "group is not in the library's plan. A target group "
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
    "cluster_campaign_outside": (
        "{library} har också valt {ids} till klusterkampanjen, men planen har ingen sådan "
        "prioriterad målgrupp. Den räknas inte bland kampanjgrupperna.",
        "{library} also chose {ids} for the cluster campaign, but the plan has no such "
        "prioritised target group. It is not counted among the campaign groups.",
    ),
    "cluster_campaign_same_rank": (
        "{library} har gett {groups} samma prioritet i kampanjen: {priority}.",
        "{library} gave {groups} the same priority in the campaign: {priority}.",
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
    # what a board reads for a rule's errors: what is missing or wrong, not "errors"
    "to_fix_one": ("{n} uppgift att komplettera eller rätta", "{n} thing to add or correct"),
    "to_fix_many": ("{n} uppgifter att komplettera eller rätta", "{n} things to add or correct"),
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
}
