"""KP8xx: follow-up of actions and activities, and tips to share in the cluster.

The workbook's last questions are the cluster's: *"Hur kan vi sprida/dela med oss
av goda råd/tips mellan biblioteken?"* and *"Hur skapar vi en gemensam mall för
uppföljning och utvärdering av insatser?"*. These rules keep each library's part of
that shared follow-up readable: an indicator says what it counts and what it aims
for, a finished action says what it reached, a tip says why it is worth sharing.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Action, ActionStatus, Activity, Plan
from ._util import blank

__all__ = ["RULES", "followed"]


STATUS_SV = {
    ActionStatus.PLANNED: "planerad",
    ActionStatus.IN_PROGRESS: "pågår",
    ActionStatus.DONE: "klar",
    ActionStatus.DROPPED: "struken",
}


def followed(plan: Plan) -> Iterator[tuple[str, Action | Activity]]:
    """Every action and activity with its path, in the plan's order."""
    for i, action in enumerate(plan.actions):
        yield f"actions[{i}]", action
    for i, activity in enumerate(plan.communication_plan.activities):
        yield f"communication_plan.activities[{i}]", activity


@rule(
    "KP801",
    "shared-without-reason",
    Severity.WARNING,
    "An action or activity marked worth sharing says why.",
    """
The workbook asks *"Hur kan vi sprida/dela med oss av goda råd/tips mellan
biblioteken?"* A tip travels when the other libraries can see at once what made it
work: the cluster summary lists each tip with its reason.

**How to fix it:** write one line under `sharing_reason`, or set `worth_sharing` to
`false`.
""",
    summary_sv="En åtgärd eller aktivitet som markerats som värd att dela säger varför.",
    explanation_sv="""
Arbetsboken frågar *"Hur kan vi sprida/dela med oss av goda råd/tips mellan
biblioteken?"* Ett tips sprids när de andra biblioteken direkt ser vad som fick det att
fungera: klustersammanställningen listar varje tips med sitt skäl.

**Så rättar du:** skriv en rad under `sharing_reason`, eller sätt `worth_sharing` till
`false`.
""",
)
def shared_without_reason(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """``worth_sharing`` without a ``sharing_reason``."""
    for path, item in followed(plan):
        if item.worth_sharing and blank(item.sharing_reason):
            yield (
                f"{path}.sharing_reason",
                text("followup_say_one_line_why"),
            )


@rule(
    "KP802",
    "indicator-without-target",
    Severity.WARNING,
    "An indicator has a target.",
    """
The workbook asks for *"en gemensam mall för uppföljning och utvärdering av
insatser"*. A measure without a target cannot say whether an action worked; the
cluster's evaluation table shows target and result side by side. Dropped actions and
activities are not checked.

**How to fix it:** set `indicator.target` to the number aimed for.
""",
    summary_sv="Ett mått har ett mål.",
    explanation_sv="""
Arbetsboken efterfrågar *"en gemensam mall för uppföljning och utvärdering av
insatser"*. Ett mått utan mål kan inte säga om en åtgärd fungerade; klustrets
utvärderingstabell visar mål och resultat bredvid varandra. Strukna åtgärder och
aktiviteter kontrolleras inte.

**Så rättar du:** sätt `indicator.target` till det tal ni siktar på.
""",
)
def indicator_without_target(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An indicator with a name but no target."""
    for path, item in followed(plan):
        indicator = item.indicator
        named = item.status is not ActionStatus.DROPPED and not blank(indicator.name)
        if named and indicator.target is None:
            yield (
                f"{path}.indicator.target",
                text("followup_say_what_number_indicator"),
            )


@rule(
    "KP803",
    "indicator-without-name",
    Severity.ERROR,
    "An indicator with a target, a result or a unit says what it counts.",
    """
A number in the evaluation table means nothing without the measure it belongs to:
*"60"* what?

**How to fix it:** write `indicator.name`, e.g. *Nya lånekort för SFI-elever*.
""",
    summary_sv="Ett mått med mål, resultat eller enhet säger vad det räknar.",
    explanation_sv="""
Ett tal i utvärderingstabellen betyder ingenting utan måttet det hör till: *"60"*
vad?

**Så rättar du:** skriv `indicator.name`, t.ex. *Nya lånekort för SFI-elever*.
""",
)
def indicator_without_name(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An indicator with a target, result or unit and an empty name."""
    for path, item in followed(plan):
        indicator = item.indicator
        given = indicator.target is not None or indicator.result is not None
        if (given or not blank(indicator.unit)) and blank(indicator.name):
            yield (
                f"{path}.indicator.name",
                text("followup_say_what_indicator_counts"),
            )


@rule(
    "KP804",
    "done-without-result",
    Severity.INFO,
    "A finished action or activity with an indicator records its result.",
    """
Follow-up ends with the result: *"uppföljning och utvärdering av insatser"*. An action
marked done whose indicator has no result leaves an empty row in the cluster's shared
evaluation table.

**How to fix it:** set `indicator.result` to the number reached.
""",
    summary_sv="En avslutad åtgärd eller aktivitet med mått skriver ner sitt resultat.",
    explanation_sv="""
Uppföljningen slutar med resultatet: *"uppföljning och utvärdering av insatser"*. En
åtgärd markerad som klar vars mått saknar resultat lämnar en tom rad i klustrets
gemensamma utvärderingstabell.

**Så rättar du:** sätt `indicator.result` till det tal ni nådde.
""",
)
def done_without_result(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """Status ``done``, an indicator with a name, no result."""
    for path, item in followed(plan):
        indicator = item.indicator
        named = item.status is ActionStatus.DONE and not blank(indicator.name)
        if named and indicator.result is None:
            yield (
                f"{path}.indicator.result",
                text("followup_record_result_indicator_reached"),
            )


@rule(
    "KP805",
    "status-change-undated",
    Severity.INFO,
    "A status other than planned says when it last changed.",
    """
The follow-up at the team meeting asks what has moved and what has stood still. An
action in progress, done or dropped without `status_changed` cannot tell how long it
has been so.

**How to fix it:** set `status_changed` to the date the status last changed.
""",
    summary_sv="En annan status än planerad säger när den senast ändrades.",
    explanation_sv="""
Uppföljningen på arbetsplatsträffen frågar vad som har rört sig och vad som har stått
still. En åtgärd som pågår, är klar eller struken utan `status_changed` kan inte säga
hur länge den har varit det.

**Så rättar du:** sätt `status_changed` till datumet då statusen senast ändrades.
""",
)
def status_change_undated(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A status past ``planned`` without ``status_changed``."""
    for path, item in followed(plan):
        if item.status is not ActionStatus.PLANNED and item.status_changed is None:
            status = item.status.value
            yield (
                f"{path}.status_changed",
                text(
                    "followup_say_when_status_became",
                    status=status,
                    status_sv=STATUS_SV[item.status],
                ),
            )


RULES = (
    shared_without_reason,
    indicator_without_target,
    indicator_without_name,
    done_without_result,
    status_change_undated,
)
