"""Every hook through which plugins extend klusterplan.

klusterplan's own exporters and rules are plugins too: they implement these
hooks exactly as a third-party plugin does. A plugin is any module or object
with functions marked by :data:`hookimpl`; installed packages announce theirs
in the ``klusterplan`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .branding import Branding
    from .check import Rule
    from .export import ExportContext, Exporter
    from .model import Plan

__all__ = ["hookimpl", "hookspec"]

#: Marks a function in a plugin as the implementation of a hook.
hookimpl = pluggy.HookimplMarker("klusterplan")
#: Marks a function in this module as a hook specification.
hookspec = pluggy.HookspecMarker("klusterplan")


@hookspec
def register_exporters() -> Iterable[Exporter]:
    """Return the exporters this plugin adds.

    Each :class:`~klusterplan.export.Exporter` names a format (the value of
    ``--to``), its file suffix and the function that writes a plan to a binary
    stream. Two plugins may not register the same format name.
    """
    return ()


@hookspec
def register_rules() -> Iterable[Rule]:
    """Return the rule checks this plugin adds.

    Each :class:`~klusterplan.check.Rule` has a stable code (capital letters and
    three digits) whose prefix belongs to this plugin alone, a kebab-case name, a
    default severity, a summary, an explanation and a function
    ``check(plan, context)`` that yields ``(path, message)`` for each problem.
    ``context`` is a :class:`~klusterplan.check.RuleContext`: its ``config`` holds
    the plugin's settings from ``[tool.klusterplan.plugins.<plugin name>]``. A rule
    that raises becomes a ``KP001`` finding; the other rules still run.
    """
    return ()


@hookspec(firstresult=True)
def branding(plan: Plan, format: str) -> Branding | None:
    """Return the look of exported documents: logo, colours, footer line.

    Called by the document exporters (``docx``, ``pdf``) with the plan being
    exported and the format's name. The first plugin that returns a
    :class:`~klusterplan.branding.Branding` wins; return ``None`` to leave the
    choice to others.
    """


@hookspec
def docx_document(document: Any, plan: Plan, context: ExportContext) -> None:
    """Adjust a finished Word document before it is saved.

    ``document`` is the :class:`docx.document.Document` the ``docx`` exporter
    built for ``plan``. A plugin may add a header logo, a footer line or change
    styles; it must not remove the plan's content.
    """
