"""The data exporters: the plan itself as YAML, JSON or TOML."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from .._catalogue.messages import text
from .._extension.exporter import ExportContext, Exporter
from .._planfile.io import dumps
from ..hookspecs import hookimpl
from ..model import Plan

__all__ = ["register_exporters"]


def _writer(format: str) -> Callable[[Plan, BinaryIO, ExportContext], None]:
    def write(plan: Plan, stream: BinaryIO, context: ExportContext) -> None:
        stream.write(dumps(plan, format).encode("utf-8"))

    return write


@hookimpl
def register_exporters() -> list[Exporter]:
    """The plan file formats, written as :func:`klusterplan.dumps` writes them."""
    return [
        Exporter(
            "yaml",
            ".yaml",
            text("data_plan_yaml_format_people"),
            _writer("yaml"),
            options={},
        ),
        Exporter(
            "json",
            ".json",
            text("data_plan_json_other_programs"),
            _writer("json"),
            options={},
        ),
        Exporter(
            "toml",
            ".toml",
            text("data_plan_toml"),
            _writer("toml"),
            options={},
        ),
    ]
