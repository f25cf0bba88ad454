"""klusterplan's own version, read from the installed package's metadata when first asked for."""

from __future__ import annotations

import functools

__all__ = ["version"]


@functools.cache
def version() -> str:
    """The installed klusterplan's version; ``0+unknown`` in a source tree not installed."""
    # the metadata machinery is slow to import, and most runs never need the version
    from importlib import metadata

    try:
        return metadata.version("klusterplan")
    except metadata.PackageNotFoundError:
        return "0+unknown"
