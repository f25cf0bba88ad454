"""Kalmar kommun's klusterplan plugin: the municipality's own rules for library plans."""

from typing import Any


def __getattr__(name: str) -> Any:
    # the version is read from the installed metadata only when asked for:
    # importing the metadata machinery would slow every klusterplan command
    if name == "__version__":
        from importlib import metadata

        return metadata.version("klusterplan-kalmar")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
