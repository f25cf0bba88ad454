"""How a section is declared: how it appears in the plan, and in the workshop workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ..document import (
    Block,
    Section,
)
from .builder import PlanBuilder

__all__ = ["Ask", "Blocks", "Part", "SectionSpec", "Title", "title_of"]


Blocks = Callable[[PlanBuilder], Iterable[Block | None]]


Title = str | Callable[[PlanBuilder], str]


@attrs.frozen
class Part:
    """How a section appears in the plan."""

    title: Title
    """A label key, or a function of the builder for a title built from the plan."""
    level: int
    blocks: Blocks = lambda b: ()
    front: bool = False
    """Printed between the cover and the contents (the summary)."""
    appendix: bool = False
    """Printed after everything else, with its subsections (the personas)."""


@attrs.frozen
class Ask:
    """How a section appears in the workshop workbook."""

    title: Title
    level: int
    notes: tuple[str, ...] = ()
    """Label keys of the seed's text printed under the heading, before the answer."""
    answer: Blocks | None = None
    """What the plan already answers; ``None`` uses the plan's blocks, unless the section
    is a heading that asks nothing (``lines`` 0): the questions under it show the answers."""
    lines: int = 4
    """Handwriting lines left when the plan answers nothing; 0 for a heading only."""
    build: Callable[[PlanBuilder], Iterable[Block]] | None = None
    """Builds the whole body instead, for a section of several questions."""
    path: str = ""
    """The plan value the answer fills: what is written in its room goes there."""


@attrs.frozen
class SectionSpec:
    """One section of the workbook, in the plan and in the workbook."""

    key: str
    plan: Part | None = None
    workbook: Ask | None = None
    each: Callable[[PlanBuilder], Iterable[Section]] | None = None
    """Plan-only subsections repeated from the plan (one per target group)."""


def title_of(title: Title, b: PlanBuilder) -> str:
    return title(b) if callable(title) else b.t(title)
