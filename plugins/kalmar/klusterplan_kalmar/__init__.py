"""Kalmar kommun's klusterplan plugin: the municipality's own rules for library plans."""

__version__ = "0.1.0"
