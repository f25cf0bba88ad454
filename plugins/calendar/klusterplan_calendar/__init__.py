"""klusterplan's calendar exporter: activities and action deadlines as an ``.ics`` file."""

from typing import Any


def __getattr__(name: str) -> Any:
    # the version is read from the installed metadata only when asked for:
    # importing the metadata machinery would slow every klusterplan command
    if name == "__version__":
        from importlib import metadata

        return metadata.version("klusterplan-calendar")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
