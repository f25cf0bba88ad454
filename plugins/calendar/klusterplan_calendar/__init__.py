"""klusterplan's calendar exporter: activities and action deadlines as an ``.ics`` file."""

__version__ = "0.1.0"
