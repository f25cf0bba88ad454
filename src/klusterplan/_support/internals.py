"""Whether klusterplan may use its dependencies' private internals: one switch for all.

The PDF export breaks and draws plain paragraphs itself and fills in the
contents' page numbers where they are read, with reportlab's private parts
(``_FK_TEXT``, ``_HSFrag``, ``_shy``, ``_width_max``, ``canvas._code``); the
Word export opens and writes its packages with python-docx's
(``PackageReader``, ``Unmarshaller``, ``PartFactory``,
``PackageWriter._write_content_types_stream``). They are faster, and
``pyproject.toml`` caps both libraries at the newest release tested with them.

Where a newer release has changed them, setting the environment variable
``KLUSTERPLAN_PUBLIC_ONLY=1`` makes both exports take the libraries' public
path: the same documents (the PDF's contents numbers come last in their
page's content rather than after each line), written more slowly.
"""

from __future__ import annotations

import os

__all__ = ["PUBLIC_ONLY", "use_internals"]

#: The environment variable that keeps klusterplan to its dependencies' public parts.
PUBLIC_ONLY = "KLUSTERPLAN_PUBLIC_ONLY"


def use_internals() -> bool:
    """Whether an export may use reportlab's and python-docx's private parts (asked each time)."""
    return os.environ.get(PUBLIC_ONLY, "").strip().lower() in ("", "0", "false", "no")
