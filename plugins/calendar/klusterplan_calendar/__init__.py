"""klusterplan's calendar exporter: activities and action deadlines as an ``.ics`` file."""

from importlib import metadata as _metadata

__version__ = _metadata.version("klusterplan-calendar")
