"""What the built-in rules and the checking say, in Swedish and English.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    # _checking.check
    "check_rule_code_code_r": (
        "ingen regel har koden {code!r}; rätta koden eller ta bort undantaget",
        "no rule has the code {code!r}; correct the code or remove the suppression",
    ),
    "check_code_reports_nothing_where": (
        "{code} rapporterar inget{where_sv}; ta bort undantaget",
        "{code} reports nothing{where}; remove the suppression",
    ),
    "check_rule_code_name_from": (
        "regel {code} ({name}) från insticksmodulen {plugin!r} misslyckades: {name2}: {exc}",
        "rule {code} ({name}) from plugin {plugin!r} failed: {name2}: {exc}",
    ),
    # rules.actions
    "actions_say_who_responsible_action": (
        "ange vem som är ansvarig för åtgärden",
        "say who is responsible for this action (ansvar)",
    ),
    "actions_say_what_action_means": (
        "beskriv vad åtgärden innebär för organisationen",
        "say what the action means for the organisation",
    ),
    "actions_say_what_action_means_2": (
        "beskriv vad åtgärden innebär för kommunikationen",
        "say what the action means for communication",
    ),
    "actions_total_value_actions_workbook": (
        "{total} åtgärder {horizon_sv}; arbetsbokens tabell har {table_rows} rader",
        "{total} {value} actions; the workbook's table has {table_rows} rows",
    ),
    "actions_say_what_done": ("beskriv vad som ska göras", "say what is to be done"),
    "actions_name_target_groups_action": (
        "ange vilka målgrupper åtgärden är till för",
        "name the target groups the action is for",
    ),
    # rules.campaign
    "campaign_campaign_count_groups_choose": (
        "kampanjen har {count} grupper; välj högst {max_campaign_groups}",
        "the campaign has {count} groups; choose at most {max_campaign_groups}",
    ),
    "campaign_say_how_you_will": (
        "beskriv hur ni ska nå tio personer till en fokusgrupp",
        "say how you will reach ten people for a focus group",
    ),
    "campaign_choose_up_three_target": (
        "välj upp till tre målgrupper för klusterkampanjen",
        "choose up to three target groups for the cluster campaign",
    ),
    "campaign_say_why_group_was": (
        "motivera varför gruppen valdes",
        "say why this group was chosen (motivera)",
    ),
    "campaign_give_group_priority_prioritera": (
        "ge gruppen en prioritet",
        "give the group a priority (prioritera dem)",
    ),
    "campaign_target_group_id_r": (
        "målgruppen {id!r} har ingen persona; ge den en",
        "target group {id!r} has no persona; give it one",
    ),
    "campaign_focus_group_have_plan": (
        "fokusgruppen har {have_sv}; planera för {focus_group_size}",
        "the focus group has {have}; plan for {focus_group_size}",
    ),
    "campaign_missing_recorded_match_persona": (
        "inga {missing_sv} nedskrivna; matcha personan mot verkligheten",
        "no {missing} recorded; match the persona against reality",
    ),
    "campaign_name_chosen_target_group": (
        "ange den valda målgruppen med dess id",
        "name the chosen target group by its id",
    ),
    "campaign_target_group_r_chosen": (
        "{target_group!r} är vald mer än en gång",
        "{target_group!r} is chosen more than once",
    ),
    "campaign_give_target_group_id": (
        "ge målgruppen ett id att hänvisa till den med",
        "give the target group an id to refer to it by",
    ),
    "campaign_priority_priority_between_count": (
        "prioritet {priority} ligger inte mellan 1 och {count}",
        "priority {priority} is not between 1 and {count}",
    ),
    "campaign_key_getattr_r_also": (
        "{key_sv} {getattr!r} används också av target_groups[{seen}]",
        "{key} {getattr!r} is also used by target_groups[{seen}]",
    ),
    "campaign_persona_field": ("personan saknar {persona_fields_sv}", "the persona has no {field}"),
    "campaign_priority_priority_used_twice": (
        "prioritet {priority} används två gånger; varje grupp har sin egen",
        "priority {priority} is used twice; each group has its own",
    ),
    # rules.care
    "care_make_plan_existing_customers": (
        "gör en plan för de befintliga A-kunderna (aktiv kundvård)",
        "make a plan for the existing A-customers (aktiv kundvård)",
    ),
    "care_say_who_responsible_customer": (
        "ange vem som är ansvarig för kundvården",
        "say who is responsible for customer care",
    ),
    # rules.commplan
    "commplan_say_why_plan_needed": (
        "beskriv varför planen behövs",
        "say why the plan is needed (bakgrund)",
    ),
    "commplan_say_what_communication_syfte": (
        "beskriv vad kommunikationen ska uppnå",
        "say what the communication is for (syfte)",
    ),
    "commplan_list_channels_used_kanaler": (
        "lista kanalerna som används",
        "list the channels used (kanaler)",
    ),
    "commplan_write_messages_budskap": ("skriv budskapen", "write the messages (budskap)"),
    "commplan_list_activities_aktiviteter": (
        "lista aktiviteterna",
        "list the activities (aktiviteter)",
    ),
    "commplan_say_how_progress_followed": (
        "beskriv hur arbetet följs upp",
        "say how progress is followed up (uppföljning)",
    ),
    "commplan_say_how_result_evaluated": (
        "beskriv hur resultatet utvärderas",
        "say how the result is evaluated",
    ),
    "commplan_list_what_counted_asked": (
        "lista vad som räknas eller frågas",
        "list what is counted or asked",
    ),
    "commplan_activities_cost_total_kr": (
        "aktiviteterna kostar {total} kr, mer än budgeten på {budget} kr",
        "the activities cost {total} kr, more than the budget of {budget} kr",
    ),
    "commplan_say_who_responsible_activity": (
        "ange vem som är ansvarig för aktiviteten",
        "say who is responsible for the activity",
    ),
    "commplan_say_when_activity_happens": (
        "ange när aktiviteten äger rum",
        "say when the activity happens",
    ),
    "commplan_say_what_groups_should": (
        "beskriv vad grupperna ska {word}",
        "say what the groups should {field} ({word})",
    ),
    "commplan_add_target_group_r": (
        "lägg till {target_group!r} i communication_plan.target_groups",
        "add {target_group!r} to communication_plan.target_groups",
    ),
    # rules.followup
    "followup_say_one_line_why": (
        "skriv på en rad varför det är värt att dela",
        "say in one line why it is worth sharing",
    ),
    "followup_say_what_number_indicator": (
        "ange vilket tal måttet siktar på",
        "say what number the indicator aims for",
    ),
    "followup_say_what_indicator_counts": (
        "beskriv vad måttet räknar eller frågar",
        "say what the indicator counts or asks",
    ),
    "followup_record_result_indicator_reached": (
        "skriv ner resultatet som måttet nådde",
        "record the result the indicator reached",
    ),
    "followup_say_when_status_became": (
        "ange när statusen blev {status_sv}",
        "say when the status became {status}",
    ),
    # rules.meta
    "meta_name_rule_code_suppression": (
        "ange regelkoden som undantaget godtar",
        "name the rule code the suppression accepts",
    ),
    "meta_say_why_finding_accepted": (
        "skriv varför fyndet godtas",
        "say why the finding is accepted",
    ),
    # rules.placement
    "placement_say_which_step_group": (
        "ange vilket steg gruppen står på i dag",
        "say which step the group is on today",
    ),
    "placement_say_which_step_plan": (
        "ange vilket steg planen siktar på",
        "say which step the plan aims for",
    ),
    "placement_place_group_centre_r": (
        "placera gruppen i ett centrum (rätt ruta)",
        "place the group in a centre (rätt ruta)",
    ),
    "placement_target_step_target_r": (
        "målsteget {target!r} ligger under nuvarande steg {current!r}",
        "the target step {target!r} is below the current step {current!r}",
    ),
    "placement_id_id_r_used": ("id:t {id!r} används två gånger", "the id {id!r} is used twice"),
    # rules.publishing
    "publishing_branding_logo_alt_text": (
        "profilens logotyp saknar textbeskrivning i {formats}; en skärmläsare kan inte säga vad "
        "den visar: ge modulens Logo en alt_text",
        "the branding logo has no alt text in {formats}; a screen reader cannot say what it "
        "shows: give the plugin's Logo an alt_text",
    ),
    "publishing_group_votes_votes_but": (
        "gruppen har {votes} röster men inget namn: dess stapel i röstdiagrammet saknar etikett "
        "och dess rubrik namn; lägg till namnet",
        "the group has {votes} votes but no name: its bar in the votes chart has no label and "
        "its heading no name; add the name",
    ),
    "publishing_group_neither_name_nor": (
        "gruppen har varken namn eller id: dess rubrik är tom; lägg till namnet",
        "the group has neither a name nor an id: its heading is empty; add the name",
    ),
    "publishing_group_name_heading_shows": (
        "gruppen har inget namn: dess rubrik visar id:t {strip!r}; lägg till namnet som läsaren "
        "ska se",
        "the group has no name: its heading shows the id {strip!r}; add the name a reader "
        "should see",
    ),
    # rules.values
    "values_write_brand_promise_e": (
        "skriv varumärkeslöftet, t.ex. Låna dig rik",
        "write the brand promise, e.g. Låna dig rik",
    ),
    "values_say_how_library_fulfils": (
        "beskriv hur biblioteket uppfyller löftet",
        "say how the library fulfils the promise",
    ),
    "values_say_what_promise_means": (
        "beskriv vad löftet innebär för personalen",
        "say what the promise means for the staff",
    ),
    "values_say_what_promise_means_2": (
        "beskriv vad löftet innebär för målgrupperna",
        "say what the promise means for the target groups",
    ),
    "values_discuss_value_words_missing": (
        "diskutera värdeorden {missing}",
        "discuss the value words {missing}",
    ),
    "values_say_what_word_s": (
        "beskriv vad {word2!s} innebär för {whom_sv}",
        "say what {word!s} means for {whom}",
    ),
}
