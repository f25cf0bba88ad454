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
    from ._catalogue.labels import enum_label, label
    from ._catalogue.text import Text
    from ._checking.check import CheckResult, check, check_plan
    from ._cluster.cluster import summarise
    from ._cluster.document import build_summary_document
    from ._cluster.export import export_summary
    from ._cluster.members import Cluster, Member, load_cluster
    from ._cluster.summary import ClusterSummary
    from ._document.sections import build_document
    from ._export.batch import ExportOutcome, export_many
    from ._export.export import export
    from ._export.load import load
    from ._extension.exporter import (
        DataWriter,
        ExportContext,
        Exporter,
        ExportOptions,
        Notice,
        Renderer,
    )
    from ._extension.rule import Finding, Hit, Rule, RuleContext, Severity, UnknownCodeError, rule
    from ._planfile.io import dump, dumps, example, loads
    from ._planfile.limits import Limits
    from ._word.changes import Change, WordNotice
    from ._word.importer import WordImport, read_word
    from .branding import Branding, Logo
    from .document import Document, Mode
    from .errors import ExportError, PlanError, Problem
    from .hookspecs import hookimpl
    from .model import (
        DEFAULT_CENTRES,
        DEFAULT_STAIRCASE,
        SCHEMA_VERSION,
        Action,
        ActionStatus,
        Activity,
        Analysis,
        Campaign,
        CampaignGroup,
        Centre,
        CentreProfile,
        CommunicationPlan,
        Contact,
        CustomerCare,
        DevelopmentLeader,
        DialogueForum,
        DocumentControl,
        DocumentStatus,
        Evaluation,
        FocusGroup,
        FurtherWork,
        Goals,
        Horizon,
        Indicator,
        Language,
        Library,
        Message,
        Organisation,
        Partner,
        Persona,
        Plan,
        Segment,
        SocialFilter,
        StaircasePosition,
        Step,
        Suppression,
        Survey,
        TargetGroup,
        Validation,
        Values,
        ValueWord,
    )
    from .plugins import PluginWarning

# Each public name is imported from its module when first used, so that
# ``import klusterplan`` and a command that needs little start quickly.
_LAZY: dict[str, str] = {
    "Action": ".model",
    "ActionStatus": ".model",
    "Activity": ".model",
    "Analysis": ".model",
    "Branding": ".branding",
    "Campaign": ".model",
    "CampaignGroup": ".model",
    "Centre": ".model",
    "CentreProfile": ".model",
    "Change": "._word.changes",
    "CheckResult": "._checking.check",
    "Cluster": "._cluster.members",
    "ClusterSummary": "._cluster.summary",
    "CommunicationPlan": ".model",
    "Contact": ".model",
    "CustomerCare": ".model",
    "DEFAULT_CENTRES": ".model",
    "DEFAULT_STAIRCASE": ".model",
    "DataWriter": "._extension.exporter",
    "DevelopmentLeader": ".model",
    "DialogueForum": ".model",
    "DocumentControl": ".model",
    "DocumentStatus": ".model",
    "Document": ".document",
    "Evaluation": ".model",
    "ExportContext": "._extension.exporter",
    "ExportError": ".errors",
    "ExportOptions": "._extension.exporter",
    "ExportOutcome": "._export.batch",
    "Exporter": "._extension.exporter",
    "Finding": "._extension.rule",
    "FocusGroup": ".model",
    "FurtherWork": ".model",
    "Goals": ".model",
    "Hit": "._extension.rule",
    "Horizon": ".model",
    "Indicator": ".model",
    "Language": "._catalogue.language",
    "Library": ".model",
    "Limits": "._planfile.limits",
    "Logo": ".branding",
    "Member": "._cluster.members",
    "Message": ".model",
    "Mode": ".document",
    "Notice": "._extension.exporter",
    "Organisation": ".model",
    "Partner": ".model",
    "Persona": ".model",
    "Plan": ".model",
    "PlanError": ".errors",
    "PluginWarning": ".plugins",
    "Problem": ".errors",
    "Renderer": "._extension.exporter",
    "Rule": "._extension.rule",
    "RuleContext": "._extension.rule",
    "SCHEMA_VERSION": ".model",
    "Segment": ".model",
    "Severity": "._extension.rule",
    "SocialFilter": ".model",
    "StaircasePosition": ".model",
    "Step": ".model",
    "Suppression": ".model",
    "Survey": ".model",
    "TargetGroup": ".model",
    "Text": "._catalogue.text",
    "UnknownCodeError": "._extension.rule",
    "Validation": ".model",
    "ValueWord": ".model",
    "Values": ".model",
    "WordImport": "._word.importer",
    "WordNotice": "._word.changes",
    "build_document": "._document.sections",
    "build_summary_document": "._cluster.document",
    "check": "._checking.check",
    "check_plan": "._checking.check",
    "dump": "._planfile.io",
    "dumps": "._planfile.io",
    "enum_label": "._catalogue.labels",
    "example": "._planfile.io",
    "export": "._export.export",
    "export_many": "._export.batch",
    "export_summary": "._cluster.export",
    "hookimpl": ".hookspecs",
    "label": "._catalogue.labels",
    "load": "._export.load",
    "load_cluster": "._cluster.members",
    "loads": "._planfile.io",
    "read_word": "._word.importer",
    "rule": "._extension.rule",
    "summarise": "._cluster.cluster",
}


__all__ = [
    "Action",
    "ActionStatus",
    "Activity",
    "Analysis",
    "Branding",
    "Campaign",
    "CampaignGroup",
    "Centre",
    "CentreProfile",
    "Change",
    "CheckResult",
    "Cluster",
    "ClusterSummary",
    "CommunicationPlan",
    "Contact",
    "CustomerCare",
    "DEFAULT_CENTRES",
    "DEFAULT_STAIRCASE",
    "DataWriter",
    "DevelopmentLeader",
    "DialogueForum",
    "DocumentControl",
    "DocumentStatus",
    "Document",
    "Evaluation",
    "ExportContext",
    "ExportError",
    "ExportOptions",
    "ExportOutcome",
    "Exporter",
    "Finding",
    "FocusGroup",
    "FurtherWork",
    "Goals",
    "Hit",
    "Horizon",
    "Indicator",
    "Language",
    "Library",
    "Limits",
    "Logo",
    "Member",
    "Message",
    "Mode",
    "Notice",
    "Organisation",
    "Partner",
    "Persona",
    "Plan",
    "PlanError",
    "PluginWarning",
    "Problem",
    "Renderer",
    "Rule",
    "RuleContext",
    "SCHEMA_VERSION",
    "Segment",
    "Severity",
    "SocialFilter",
    "StaircasePosition",
    "Step",
    "Suppression",
    "Survey",
    "TargetGroup",
    "Text",
    "UnknownCodeError",
    "Validation",
    "ValueWord",
    "Values",
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
        from ._support.version import version

        globals()[name] = version()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'klusterplan' has no attribute {name!r}")
    value = getattr(_import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
