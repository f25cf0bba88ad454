"""klusterplan: plan a public library's local communication work.

A typed model of the planning workbook (:class:`Plan`), its file formats
(YAML, JSON, TOML), rule checks that say what a plan still lacks, and
exporters that write it as Markdown, Word, PDF or any format a plugin adds;
and for a cluster of libraries, a summary of all their plans side by side
(:func:`load_cluster`, :func:`summarise`, :func:`export_summary`).

Every public name is importable from here; the modules behind them are
private (their names start with ``_``) except :mod:`klusterplan.model`,
:mod:`klusterplan.document`, :mod:`klusterplan.hookspecs`,
:mod:`klusterplan.plugins`, :mod:`klusterplan.config` and
:mod:`klusterplan.testing`.

>>> import klusterplan
>>> plan = klusterplan.example()
>>> plan.values.promise
'Låna dig rik'
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._batch import ExportOutcome, export_many
    from ._check import CheckResult, check, check_plan
    from ._cluster import Cluster, ClusterSummary, Member, load_cluster, summarise
    from ._cluster_document import build_summary_document
    from ._export import export, export_summary
    from ._exporter import DataWriter, ExportContext, Exporter, ExportOptions, Notice, Renderer
    from ._i18n import Text
    from ._io import dump, dumps, example, load, loads
    from ._labels import enum_label, label
    from ._limits import Limits
    from ._rule import Finding, Hit, Rule, RuleContext, Severity, UnknownCodeError, rule
    from ._sections import build_document
    from ._word_changes import Change, WordNotice
    from ._word_import import WordImport, read_word
    from .branding import Branding, Logo
    from .document import Document, Mode
    from .errors import ExportError, PlanError, Problem
    from .hookspecs import hookimpl
    from .model import Language, Plan
    from .plugins import PluginWarning

# Each public name is imported from its module when first used, so that
# ``import klusterplan`` and a command that needs little start quickly.
_LAZY: dict[str, str] = {
    "Branding": ".branding",
    "Change": "._word_changes",
    "CheckResult": "._check",
    "Cluster": "._cluster",
    "ClusterSummary": "._cluster",
    "DataWriter": "._exporter",
    "Document": ".document",
    "ExportContext": "._exporter",
    "ExportError": ".errors",
    "ExportOptions": "._exporter",
    "ExportOutcome": "._batch",
    "Exporter": "._exporter",
    "Finding": "._rule",
    "Hit": "._rule",
    "Language": ".model",
    "Limits": "._limits",
    "Logo": ".branding",
    "Member": "._cluster",
    "Mode": ".document",
    "Notice": "._exporter",
    "Plan": ".model",
    "PlanError": ".errors",
    "PluginWarning": ".plugins",
    "Problem": ".errors",
    "Renderer": "._exporter",
    "Rule": "._rule",
    "RuleContext": "._rule",
    "Text": "._i18n",
    "Severity": "._rule",
    "UnknownCodeError": "._rule",
    "WordImport": "._word_import",
    "WordNotice": "._word_changes",
    "build_document": "._sections",
    "build_summary_document": "._cluster_document",
    "check": "._check",
    "check_plan": "._check",
    "dump": "._io",
    "dumps": "._io",
    "enum_label": "._labels",
    "example": "._io",
    "export": "._export",
    "export_many": "._batch",
    "export_summary": "._export",
    "hookimpl": ".hookspecs",
    "label": "._labels",
    "load": "._io",
    "load_cluster": "._cluster",
    "loads": "._io",
    "read_word": "._word_import",
    "rule": "._rule",
    "summarise": "._cluster",
}


__all__ = [
    "Branding",
    "Change",
    "CheckResult",
    "Cluster",
    "ClusterSummary",
    "DataWriter",
    "Document",
    "ExportContext",
    "ExportError",
    "ExportOptions",
    "ExportOutcome",
    "Exporter",
    "Finding",
    "Hit",
    "Language",
    "Limits",
    "Logo",
    "Member",
    "Mode",
    "Notice",
    "Plan",
    "PlanError",
    "PluginWarning",
    "Problem",
    "Renderer",
    "Rule",
    "RuleContext",
    "Severity",
    "Text",
    "UnknownCodeError",
    "WordImport",
    "WordNotice",
    "__version__",
    "build_document",
    "build_summary_document",
    "check",
    "check_plan",
    "dump",
    "dumps",
    "enum_label",
    "example",
    "export",
    "export_many",
    "export_summary",
    "hookimpl",
    "label",
    "load",
    "load_cluster",
    "loads",
    "read_word",
    "rule",
    "summarise",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'klusterplan' has no attribute {name!r}")
    value = getattr(_import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def _version() -> str:
    # read from the installed metadata, once it is asked for: the metadata
    # machinery is slow to import, and most runs never need the version
    from importlib import metadata

    try:
        return metadata.version("klusterplan")
    except metadata.PackageNotFoundError:  # a source tree that is not installed
        return "0+unknown"
