"""KP8xx: follow-up of actions and activities, and tips to share in the cluster.

The workbook's last questions are the cluster's: *"Hur kan vi sprida/dela med oss
av goda råd/tips mellan biblioteken?"* and *"Hur skapar vi en gemensam mall för
uppföljning och utvärdering av insatser?"*. These rules keep each library's part of
that shared follow-up readable: an indicator says what it counts and what it aims
for, a finished action says what it reached, a tip says why it is worth sharing.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._rule import Hit, RuleContext, Severity, rule
from ..model import Action, ActionStatus, Activity, Plan
from ._util import blank

__all__ = ["RULES", "followed"]


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
)
def shared_without_reason(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """``worth_sharing`` without a ``sharing_reason``."""
    for path, item in followed(plan):
        if item.worth_sharing and blank(item.sharing_reason):
            yield f"{path}.sharing_reason", "say in one line why it is worth sharing"


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
)
def indicator_without_target(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An indicator with a name but no target."""
    for path, item in followed(plan):
        indicator = item.indicator
        named = item.status is not ActionStatus.DROPPED and not blank(indicator.name)
        if named and indicator.target is None:
            yield f"{path}.indicator.target", "say what number the indicator aims for"


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
)
def indicator_without_name(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """An indicator with a target, result or unit and an empty name."""
    for path, item in followed(plan):
        indicator = item.indicator
        given = indicator.target is not None or indicator.result is not None
        if (given or not blank(indicator.unit)) and blank(indicator.name):
            yield f"{path}.indicator.name", "say what the indicator counts or asks"


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
)
def done_without_result(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """Status ``done``, an indicator with a name, no result."""
    for path, item in followed(plan):
        indicator = item.indicator
        named = item.status is ActionStatus.DONE and not blank(indicator.name)
        if named and indicator.result is None:
            yield f"{path}.indicator.result", "record the result the indicator reached"


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
)
def status_change_undated(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A status past ``planned`` without ``status_changed``."""
    for path, item in followed(plan):
        if item.status is not ActionStatus.PLANNED and item.status_changed is None:
            status = item.status.value
            yield f"{path}.status_changed", f"say when the status became {status}"


RULES = (
    shared_without_reason,
    indicator_without_target,
    indicator_without_name,
    done_without_result,
    status_change_undated,
)
