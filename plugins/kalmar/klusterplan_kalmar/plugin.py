"""The module the ``kalmar`` entry point loads: every hook the plugin implements.

Each hook lives in a module of its own; this module only gathers them so that
klusterplan finds them.
"""

from __future__ import annotations

from .branding import branding
from .rules import register_rules

__all__ = ["branding", "register_rules"]
