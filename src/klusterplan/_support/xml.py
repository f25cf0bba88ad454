"""Escaping text for XML, without the standard library's SAX package.

``xml.sax.saxutils`` imports ``urllib``, ``http.client`` and ``ssl``, which
every command would pay for at start-up; escaping needs three replacements.
"""

from __future__ import annotations

__all__ = ["escape", "escape_attribute"]


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: text that XML shows as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """:func:`escape`, and ``"`` too: text for a double-quoted attribute or an element."""
    return escape(text).replace('"', "&quot;")
