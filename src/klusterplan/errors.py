"""The errors klusterplan raises for a user's mistakes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from ._catalogue.language import is_swedish
from ._catalogue.messages import text
from ._catalogue.text import Text, in_language
from ._support.record import Record

if TYPE_CHECKING:
    from ._catalogue.language import Language

__all__ = ["ExportError", "PlanError", "Problem", "format_path"]


def format_path(parts: Sequence[str | int]) -> str:
    """Join path parts as ``target_groups[2].votes``."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif out:
            out.append(f".{part}")
        else:
            out.append(part)
    return "".join(out)


@attrs.frozen(repr=False, eq=False)
class Problem(Record):
    """One thing wrong with a plan file: where it is and what to do."""

    path: str
    """The key's path in the plan, e.g. ``target_groups[2].votes``; empty for the file itself."""
    message: str
    """What is wrong and how to mend it."""
    line: int | None = None
    """The 1-based line in the file, where the format allows."""
    excerpt: str = ""
    """For a file that could not be parsed: the offending line with a ``^`` under the
    place, and a hint for the usual causes; empty otherwise."""

    def render(self, source: str | None = None, language: Language | str | None = None) -> str:
        """Format as ``source:line: path: message``, leaving out what is unknown.

        ``language`` (``sv`` or ``en``) picks the wording of a message given in both;
        the excerpt, if any, follows on lines of its own.
        """
        where = [str(p) for p in (source, self.line) if p is not None]
        prefix = ":".join(where) + ": " if where else ""
        path = f"{self.path}: " if self.path else ""
        text = f"{prefix}{path}{in_language(self.message, language)}"
        if self.excerpt:
            text += "\n" + in_language(self.excerpt, language)
        return text


class PlanError(ValueError):
    """A plan could not be read or written; :attr:`problems` lists every reason.

    The message has one line per problem, each naming the file, the line
    (where the format has lines) and the path of the key.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        return self.render()

    def render(self, language: Language | str | None = None) -> str:
        """The message in ``language`` (``sv`` or ``en``; English by default)."""
        lines = [p.render(self.source, language) for p in self.problems]
        swedish = is_swedish(language)
        if len(lines) > 1:
            head = f"{self.source}: " if self.source else ""
            many = "problem" if swedish else "problems"
            return f"{head}{len(lines)} {many}\n" + "\n".join(
                "  " + line.replace("\n", "\n  ") for line in lines
            )
        return lines[0] if lines else (self.source or "invalid plan")

    def with_source(self, source: str) -> PlanError:
        """Return the same error, naming the file it came from."""
        return PlanError(self.problems, source)

    def __reduce__(self) -> tuple[type[PlanError], tuple[tuple[Problem, ...], str | None]]:
        # pickled whole, as a worker process sends it back
        return (PlanError, (self.problems, self.source))


class ExportError(RuntimeError):
    """An exporter failed for a reason that is not the plan's: a bug in it or its plugin.

    The message names the format and the plugin that registered it, so the
    user knows whom to tell; the original exception is the ``__cause__``.
    A batch export reports it for that format and plan and goes on.
    """

    def __init__(
        self, format: str, plugin: str, error: BaseException, detail: str | None = None
    ) -> None:
        self.format = format
        self.plugin = plugin
        if detail is None:
            detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        own = plugin == "klusterplan" or plugin.startswith("klusterplan.")
        key = "exporter_failed_own" if own else "exporter_failed"
        self.text = text(key, format=format, plugin=repr(plugin), detail=detail)
        """The message in English and Swedish."""
        super().__init__(str(self.text))

    def render(self, language: Language | str | None = None) -> str:
        """The message in ``language`` (``sv`` or ``en``; English by default)."""
        return in_language(self.text, language)

    def __reduce__(self) -> tuple[object, tuple[str, str, Text]]:
        # the plugin's own exception may not pickle: a worker process sends the message
        return (_export_error, (self.format, self.plugin, self.text))


def _export_error(format: str, plugin: str, said: Text) -> ExportError:
    """An :class:`ExportError` that says ``said``, as a worker process reported it."""
    error = ExportError(format, plugin, RuntimeError(), "")
    error.text = said
    error.args = (str(said),)
    return error
