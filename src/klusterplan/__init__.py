"""klusterplan: plan a public library's local communication work.

A typed model of the planning workbook (:class:`Plan`), its file formats
(YAML, JSON, TOML), rule checks that say what a plan still lacks, and
exporters that write it as Markdown, Word, PDF or any format a plugin adds.

>>> import klusterplan
>>> plan = klusterplan.example()
>>> plan.values.promise
'Låna dig rik'
"""

from __future__ import annotations

from ._io import dump, dumps, example, load, loads
from .check import Finding, Rule, Severity, check
from .errors import PlanError, Problem
from .export import Exporter, ExportOptions, Notice, export
from .hookspecs import hookimpl
from .model import Language, Plan

__all__ = [
    "ExportOptions",
    "Exporter",
    "Finding",
    "Language",
    "Notice",
    "Plan",
    "PlanError",
    "Problem",
    "Rule",
    "Severity",
    "__version__",
    "check",
    "dump",
    "dumps",
    "example",
    "export",
    "hookimpl",
    "load",
    "loads",
]

__version__ = "0.1.0"
