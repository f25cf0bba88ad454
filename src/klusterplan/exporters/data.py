"""The data exporters: the plan itself as YAML, JSON or TOML."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from .._catalogue.text import Text
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
            Text(
                "The plan as YAML, the format people edit",
                "Planen som YAML, formatet man redigerar",
            ),
            _writer("yaml"),
            options={},
        ),
        Exporter(
            "json",
            ".json",
            Text("The plan as JSON, for other programs", "Planen som JSON, för andra program"),
            _writer("json"),
            options={},
        ),
        Exporter(
            "toml",
            ".toml",
            Text("The plan as TOML", "Planen som TOML"),
            _writer("toml"),
            options={},
        ),
    ]
