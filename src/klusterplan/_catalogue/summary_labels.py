"""The sentences of the summary a plan is given when it has none of its own.

Each key comes as the board reads it, in Swedish and English, with ``_one``
and ``_many`` forms where a count decides the grammar (``en omgående
åtgärd``, ``sex omgående åtgärder``). A sentence is left out when the plan
has nothing for it, so every template stands on its own.
"""

from __future__ import annotations

__all__ = ["LABELS"]

# key: (Swedish, English); {names} are filled in by the summary's composer.
LABELS: dict[str, tuple[str, str]] = {
    # counts from two to twelve written as words in running text, as in print
    "summary_number_words": (
        "två tre fyra fem sex sju åtta nio tio elva tolv",
        "two three four five six seven eight nine ten eleven twelve",
    ),
    "summary_and": ("och", "and"),
    # the prioritised target groups, and those with the most votes
    "summary_text_groups_one": (
        "Planen prioriterar en målgrupp, {top}.",
        "The plan prioritises one target group, {top}.",
    ),
    "summary_text_groups_many": (
        "Planen prioriterar {n} målgrupper.",
        "The plan prioritises {n} target groups.",
    ),
    "summary_text_groups_top_one": (
        "Planen prioriterar {n} målgrupper, och flest röster ({votes}) fick {top}.",
        "The plan prioritises {n} target groups; {top} got the most votes ({votes}).",
    ),
    "summary_text_groups_top_many": (
        "Planen prioriterar {n} målgrupper, och flest röster ({votes} var) fick {top}.",
        "The plan prioritises {n} target groups; {top} got the most votes ({votes} each).",
    ),
    # the centre the library is above all, today and tomorrow
    "summary_text_centre": (
        "I dag är biblioteket främst {today}; i morgon vill det främst vara {tomorrow}.",
        "The library's leading centre moves from the {today} today to the {tomorrow} tomorrow.",
    ),
    "summary_text_centre_same": (
        "Biblioteket är främst {today}, i dag som i morgon.",
        "The library's leading centre is the {today}, today as tomorrow.",
    ),
    # the actions, and how many are done
    "summary_text_immediate_one": ("en omgående åtgärd", "one immediate action"),
    "summary_text_immediate_many": ("{n} omgående åtgärder", "{n} immediate actions"),
    "summary_text_long_term_one": ("en åtgärd på längre sikt", "one long-term action"),
    "summary_text_long_term_many": ("{n} åtgärder på längre sikt", "{n} long-term actions"),
    "summary_text_long_term_also_one": ("en på längre sikt", "one long-term one"),
    "summary_text_long_term_also_many": ("{n} på längre sikt", "{n} long-term ones"),
    "summary_text_actions": ("Planen har {actions}", "The plan has {actions}"),
    "summary_text_done_none": ("ingen av dem är klar än", "none of them is done yet"),
    "summary_text_done_one": ("en av dem är klar", "one of them is done"),
    "summary_text_done_many": ("{n} av dem är klara", "{n} of them are done"),
    "summary_text_done_all": ("alla är klara", "all of them are done"),
    "summary_text_done_it": ("den är klar", "it is done"),
    "summary_text_done_not_it": ("den är inte klar än", "it is not done yet"),
    # the cluster campaign: its groups, the promise it is made under and its budget
    "summary_text_campaign": (
        "Klusterkampanjen vänder sig till {groups}",
        "The cluster campaign reaches out to {groups}",
    ),
    "summary_text_campaign_promise": (
        "Under löftet ”{promise}” vänder sig klusterkampanjen till {groups}",
        "Under the promise “{promise}”, the cluster campaign reaches out to {groups}",
    ),
    # the campaign's groups when they are the most voted ones, just named
    "summary_text_these_one": ("samma målgrupp", "that same group"),
    "summary_text_these_many": ("just dessa {n}", "these {n}"),
    "summary_text_with_budget": (", med en budget på {budget}", ", with a budget of {budget}"),
    "summary_text_promise": ("Planens löfte är ”{promise}”", "The plan's promise is “{promise}”"),
    "summary_text_budget": (
        "Kommunikationsplanens budget är {budget}",
        "The communication plan's budget is {budget}",
    ),
}
