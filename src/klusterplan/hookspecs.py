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
    from ._extension.exporter import ExportContext, Exporter
    from ._extension.rule import Rule
    from .branding import Branding
    from .model import Plan

__all__ = ["hookimpl", "hookspec"]

#: Marks a function in a plugin as the implementation of a hook.
hookimpl = pluggy.HookimplMarker("klusterplan")
#: Marks a function in this module as a hook specification.
hookspec = pluggy.HookspecMarker("klusterplan")


@hookspec
def register_exporters() -> Iterable[Exporter]:
    """Return the exporters this plugin adds.

    Each :class:`~klusterplan.Exporter` names a format (the value of ``--to``),
    its file suffix and either ``write(plan, stream, context)`` for a data format
    or ``render(document, stream, context)`` for a document format, which gets
    the finished :class:`~klusterplan.document.Document` every document format
    renders. Two plugins may not register the same format name.
    """
    return ()


@hookspec
def register_rules() -> Iterable[Rule]:
    """Return the rule checks this plugin adds.

    Each :class:`~klusterplan.Rule` has a stable code (capital letters and
    three digits) whose prefix belongs to this plugin alone, a kebab-case name, a
    default severity, a summary, an explanation and a function
    ``check(plan, context)`` that yields ``(path, message)`` for each problem.
    ``context`` is a :class:`~klusterplan.RuleContext`: its ``config`` holds
    the plugin's settings from ``[tool.klusterplan.plugins.<plugin name>]``. A rule
    that raises becomes a ``KP001`` finding; the other rules still run.
    """
    return ()


@hookspec(firstresult=True)
def branding(plan: Plan, format: str) -> Branding | None:
    """Return the look of exported documents: logo, colours, footer line.

    Called once for each document export with the plan being exported and the
    format's name; renderers find the result in ``context.branding``. For a
    cluster summary the plan stands for the whole cluster: its library's name
    and cluster are the cluster's, its municipality the one every library
    shares (empty when they differ). The hook
    is ``firstresult``: the first plugin that returns a
    :class:`~klusterplan.Branding` wins (``tryfirst=True`` goes first);
    return ``None`` to leave the choice to others.
    """


@hookspec
def docx_document(document: Any, plan: Plan, context: ExportContext) -> None:
    """Adjust a finished Word document before it is saved.

    ``document`` is the :class:`docx.document.Document` the ``docx`` exporter
    built for ``plan``. A plugin may add a header logo, a footer line or change
    styles; it must not remove the plan's content.
    """
