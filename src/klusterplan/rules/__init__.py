"""klusterplan's built-in rules: a default plugin like any other.

The rules are registered through the very ``register_rules`` hook a
municipality's plugin implements, one module per family:

- ``KP0xx`` the checks themselves (:mod:`.meta`);
- ``KP1xx`` the cluster campaign, target groups and personas (:mod:`.campaign`);
- ``KP2xx`` the ATT GÖRA action tables (:mod:`.actions`);
- ``KP3xx`` value words and the promise (:mod:`.values`);
- ``KP4xx`` the staircase and the centre matrix (:mod:`.placement`);
- ``KP5xx`` the communication plan (:mod:`.commplan`);
- ``KP6xx`` customer care (:mod:`.care`);
- ``KP7xx`` what makes a plan hard to publish accessibly (:mod:`.publishing`);
- ``KP8xx`` follow-up and tips to share in the cluster (:mod:`.followup`).

``python -m klusterplan.rules docs/rules.md`` regenerates the rule reference.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._extension.rule import Rule
from ..hookspecs import hookimpl
from . import actions, campaign, care, commplan, followup, meta, placement, publishing, values
from .reference import reference_page

__all__ = ["RULES", "register_rules", "render_reference"]

#: Every built-in rule, in code order.
RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *meta.RULES,
            *campaign.RULES,
            *actions.RULES,
            *values.RULES,
            *placement.RULES,
            *commplan.RULES,
            *care.RULES,
            *publishing.RULES,
            *followup.RULES,
        ),
        key=lambda r: r.code,
    )
)


def render_reference(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown rule reference for ``rules`` (the built-in rules by default)."""
    return reference_page(RULES if rules is None else rules)


@hookimpl
def register_rules() -> list[Rule]:
    """The workbook's rules, codes ``KP001`` to ``KP805``."""
    return list(RULES)
