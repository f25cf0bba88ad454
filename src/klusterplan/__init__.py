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

from importlib import metadata as _metadata

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
from .branding import Branding, Logo
from .document import Document, Mode
from .errors import ExportError, PlanError, Problem
from .hookspecs import hookimpl
from .model import Language, Plan
from .plugins import PluginWarning

__all__ = [
    "Branding",
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
    "rule",
    "summarise",
]

try:
    __version__ = _metadata.version("klusterplan")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
