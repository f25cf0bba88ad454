"""The garbage collector during a command's start-up.

Start-up creates many objects that live as long as the process: modules,
classes, the plugin registry. Python's collector counts each of them as a
possible cycle and walks them again and again, about a tenth of a short
command such as ``klusterplan check``. So the command pauses the collector
while it starts and, once the plugins are loaded, freezes what exists (moves
it out of the collector's way, :func:`gc.freeze`) and lets the collector run
again for the work itself. Only the first start-up of a process freezes: a
program calling the command many times (a test suite) must not keep the
garbage of its earlier calls forever.
"""

from __future__ import annotations

import gc

__all__ = ["pause", "resume"]

_paused = False
_frozen = False


def pause() -> None:
    """Pause the collector for start-up, if it runs."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """End start-up: freeze what exists (once a process) and let the collector run again."""
    global _paused, _frozen
    if _paused:
        _paused = False
        if not _frozen:
            _frozen = True
            gc.freeze()
        gc.enable()
