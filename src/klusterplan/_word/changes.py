"""What reading a Word document back tells: each change it makes, and each notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._catalogue.messages import message

if TYPE_CHECKING:
    from ..model import Language

__all__ = ["Change", "WordNotice"]


class WordNotice(UserWarning):
    """Something in a Word document that was not read into the plan, or not as it stood.

    :func:`klusterplan.load` gives these as warnings; ``klusterplan import``
    prints them.
    """


@attrs.frozen
class Change:
    """One change the document makes to the plan it was made from."""

    kind: str
    """``set`` (a value), ``add`` (an item added to a list) or ``remove`` (an item removed)."""
    path: str
    """The value's or item's path in that plan (for ``add``, the list's)."""
    old: Any
    """The value before, as plain data (None for ``add``)."""
    new: Any
    """The value after, as plain data (None for ``remove``)."""
    where: str = ""
    """Where in the document it was read."""

    def __str__(self) -> str:
        return self.render()

    def render(self, language: Language | str | None = None) -> str:
        """The change as ``klusterplan import`` prints it, in ``language`` (English by default)."""
        if self.kind == "add":
            added = _show(self.new, language)
            return f"{self.path}: " + message("change_added", language, value=added)
        if self.kind == "remove":
            return f"{self.path}: " + message(
                "change_removed", language, value=_show(self.old, language)
            )
        if isinstance(self.old, list) and isinstance(self.new, list):
            # a list of text: what came and what went, not all of it twice
            gone = [v for v in self.old if v not in self.new]
            came = [v for v in self.new if v not in self.old]
            parts = [message("change_added", language, value=_show(v, language)) for v in came]
            parts += [message("change_removed", language, value=_show(v, language)) for v in gone]
            if parts:
                return f"{self.path}: " + "; ".join(parts)
        return f"{self.path}: {_show(self.old, language)} → {_show(self.new, language)}"


def _show(value: Any, language: Language | str | None) -> str:
    if value is None or value == "" or value == []:
        return message("change_empty", language)
    if isinstance(value, dict):
        for key in ("name", "what", "word", "text", "target_group", "description"):
            if value.get(key):
                return _show(value[key], language)
        return message("change_item", language)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v, language) for v in value) + "]"
    text = str(value.isoformat() if hasattr(value, "isoformat") else value)
    text = " ".join(text.split())
    return f"”{text[:60]}…”" if len(text) > 60 else f"”{text}”"
