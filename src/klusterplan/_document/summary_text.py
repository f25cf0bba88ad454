"""The few sentences that open the summary: the plan's own, or composed from its numbers.

A board member reads the summary first and often only that: what the plan
chose, where the library is heading, how far it has come and what the
campaign costs. A plan that says it in its own words (``summary``) is shown
as written; otherwise :func:`composed` says it from the plan's numbers, one
sentence for each part the plan fills in, with the grammar a count asks for.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._catalogue import format as _format
from ..document import Paragraph
from ..model import DEFAULT_CENTRES, ActionStatus, CentreProfile, Horizon
from .builder import PlanBuilder
from .shared import campaign_groups

__all__ = ["composed", "more_actions", "summary_text"]

#: More groups than this sharing the most votes are not named: a tie of all says nothing.
_MOST_NAMED = 3


def summary_text(b: PlanBuilder) -> Paragraph | None:
    """The paragraph that opens the summary; ``None`` for a plan with nothing to say yet."""
    own = b.plan.summary.strip()
    if own:
        return b.para(own, "summary")
    text = composed(b)
    if not text:
        return None
    if b.tag is None:
        return Paragraph(text)
    # the groups' names are the plan's words, in its language within the reader's sentence
    names = {g.name or g.id for g in b.plan.target_groups}
    spans = []
    for name in names:
        at = text.find(name)
        while name and at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name))
    # a name within a longer one ("Den oerfarne" in "Den oerfarne läsaren") is the longer's
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return Paragraph(text, quoted=tuple(kept), quoted_lang=b.plan.language)


def more_actions(b: PlanBuilder, n: int) -> Paragraph | None:
    """What a summary too short for every key action says of the ``n`` it leaves out."""
    if n < 1:
        return None
    text = _plural(b, "summary_more_actions", n, chapter=b.t("actions"))
    # (a count in words opens the English sentence: "Eight more actions ...")
    return Paragraph(text[:1].upper() + text[1:])


def composed(b: PlanBuilder) -> str:
    """Up to four sentences from the plan's numbers, in the reader's language."""
    parts = (_groups(b), _centres(b), _actions(b), _campaign(b, _most_voted(b)))
    return " ".join(p for p in parts if p)


def _count(b: PlanBuilder, n: int) -> str:
    """A count in running text: two to twelve in words, as print has them."""
    words = b.t("summary_number_words").split()
    return words[n - 2] if 2 <= n < 2 + len(words) else _format.number(n)


def _plural(b: PlanBuilder, key: str, n: int, **values: str) -> str:
    """The ``_one`` or ``_many`` form of ``key`` with ``n`` filled in."""
    form = "one" if n == 1 else "many"
    return b.t(f"{key}_{form}", n=_count(b, n), **values)


def _listed(b: PlanBuilder, names: Sequence[str]) -> str:
    """``A, B och C``: names as running text lists them."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {b.t('summary_and')} {names[-1]}"


def _most_voted(b: PlanBuilder) -> list[str]:
    """The names of the groups with the most votes; none when more than a few share them."""
    groups = b.plan.target_groups
    most = max((g.votes for g in groups if g.votes is not None), default=None)
    top = [g.name or g.id for g in groups if most and g.votes == most]
    return top if len(groups) > 1 and len(top) <= _MOST_NAMED else []


def _groups(b: PlanBuilder) -> str:
    groups = b.plan.target_groups
    if not groups:
        return ""
    if len(groups) == 1:
        return b.t("summary_text_groups_one", top=groups[0].name or groups[0].id)
    top = _most_voted(b)
    if not top:
        return _plural(b, "summary_text_groups", len(groups))
    most = max(g.votes or 0 for g in groups)
    # the form follows how many share the most votes: "9 var" when several do
    key = "summary_text_groups_top_" + ("one" if len(top) == 1 else "many")
    # named as the plan writes them, in an English sentence too: a board reads which
    # groups they are, not only how many
    return b.t(key, n=_count(b, len(groups)), votes=_format.number(most), top=_listed(b, top))


def _centre(b: PlanBuilder, profile: CentreProfile) -> str:
    """The centre a profile puts first, a built-in one's name as running text writes it."""
    if not profile.centres:
        return ""
    first = profile.centres[0]
    name = b.centre_name(first)
    if b.plan.centre(first) in DEFAULT_CENTRES and name:
        return name[0].lower() + name[1:]
    # a centre of the plan's own is named in the plan's language: said only in it
    return name if b.tag is None else ""


def _centres(b: PlanBuilder) -> str:
    forum = b.plan.dialogue_forum
    today, tomorrow = _centre(b, forum.centre_today), _centre(b, forum.centre_tomorrow)
    if not (today and tomorrow):
        return ""
    if today == tomorrow:
        return b.t("summary_text_centre_same", today=today)
    return b.t("summary_text_centre", today=today, tomorrow=tomorrow)


def _actions(b: PlanBuilder) -> str:
    live = [a for a in b.plan.actions if a.status is not ActionStatus.DROPPED]
    if not live:
        return ""
    immediate = sum(1 for a in live if a.horizon is Horizon.IMMEDIATE)
    later = len(live) - immediate
    if immediate and later:
        what = _plural(b, "summary_text_immediate", immediate)
        what += f" {b.t('summary_and')} " + _plural(b, "summary_text_long_term_also", later)
    elif immediate:
        what = _plural(b, "summary_text_immediate", immediate)
    else:
        what = _plural(b, "summary_text_long_term", later)
    done = sum(1 for a in live if a.status is ActionStatus.DONE)
    if len(live) == 1:
        how_far = b.t("summary_text_done_it" if done else "summary_text_done_not_it")
    elif done == len(live):
        how_far = b.t("summary_text_done_all")
    elif done == 0:
        how_far = b.t("summary_text_done_none")
    else:
        how_far = _plural(b, "summary_text_done", done)
    return f"{b.t('summary_text_actions', actions=what)}, {b.t('summary_and')} {how_far}."


def _campaign(b: PlanBuilder, most_voted: list[str]) -> str:
    names = [name for _, _, name, _ in campaign_groups(b) if name]
    promise = b.plan.values.promise.strip() if b.tag is None else ""
    budget = _format.kronor(b.plan.communication_plan.budget, b.lang)
    if names:
        key = "summary_text_campaign_promise" if promise else "summary_text_campaign"
        # the groups just named for their votes are not named again
        same = sorted(names) == sorted(most_voted)
        groups = _plural(b, "summary_text_these", len(names)) if same else _listed(b, names)
        text = b.t(key, groups=groups, promise=promise)
        return text + (b.t("summary_text_with_budget", budget=budget) if budget else "") + "."
    sentences = [b.t("summary_text_promise", promise=promise)] if promise else []
    sentences += [b.t("summary_text_budget", budget=budget)] if budget else []
    return " ".join(f"{s}." for s in sentences)
