"""The cluster document's builder: the summary, its numbers, libraries and tallies as text.

Every number the cluster document shows is formatted here by
:mod:`klusterplan._catalogue.format`, and every library's name set so that a
short one stays on one line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._catalogue import format as _format
from .._document.builder import Builder, long_text
from .._model.followup import Achievement
from ..document import Field, Fields
from ..model import ActionStatus, Language
from .summary import ClusterSummary

__all__ = ["SHORT_NAME", "SummaryBuilder", "and_list", "whole"]

#: A library's name up to this long stays on one line in a table cell.
SHORT_NAME = 24
_NBSP = "\u00a0"


def whole(text: str) -> str:
    """``text`` with its spaces no-break: a short label a reader takes in at a glance."""
    return text.replace(" ", _NBSP)


class SummaryBuilder(Builder):
    """The document builder, with the summary and its numbers, libraries and tallies."""

    def __init__(self, summary: ClusterSummary, language: Language, large_print: bool) -> None:
        super().__init__(language, summary.language, large_print)
        self.s = summary

    def n(self, value: int) -> str:
        return _format.number(value)

    def count(self, key: str, n: int) -> str:
        """``n`` and its noun: ``1 bibliotek``, ``2 libraries``."""
        return self.t(f"{key}_{'one' if n == 1 else 'many'}", n=self.n(n))

    def lib(self, index: int) -> str:
        """A library's name, in a table or a sentence: on one line when it is short."""
        name = self.s.libraries[index].name
        return whole(name) if len(name) <= SHORT_NAME else name

    def achieved(self, value: Achievement) -> str:
        return whole(self.t("achievement_" + value.value))

    def statuses(self, counts: Sequence[int]) -> str:
        return ", ".join(
            f"{self.status(s)}: {self.n(c)}" for s, c in zip(ActionStatus, counts, strict=True) if c
        )

    def tally(self, counts: Sequence[int]) -> str:
        """``27 – planerad: 12, pågår: 9``: the total, then each status that has any."""
        total = self.n(sum(counts))
        return f"{total} – {self.statuses(counts)}" if sum(counts) else total

    def by_library(self, items: Iterable[tuple[int, str]]) -> Fields:
        """Each library's name and what it says."""
        return Fields(
            tuple(Field(self.lib(i), text, long_text(text)) for i, text in items), self.tag
        )


def and_list(b: SummaryBuilder, names: Sequence[str]) -> str:
    """``A, B och C``: names as a sentence lists them."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {b.t('and')} {names[-1]}"
