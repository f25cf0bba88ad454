"""Kalmar kommun's klusterplan plugin: the municipality's own rules for library plans."""

from importlib import metadata as _metadata

__version__ = _metadata.version("klusterplan-kalmar")
