"""Running plugin code so that it cannot take a run down: a time limit and a quiet stdout.

Every exporter, klusterplan's own included, is a plugin's code. An export
runs it under :func:`time_limit` and :func:`quiet_stdout`: a hook that runs
too long is ended with :class:`~klusterplan._support.stop.HookTimeout`, and
what it prints goes to standard error, so it never mixes into a document
written to standard output.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

from .._support.stop import HookTimeout

__all__ = ["DEFAULT_HOOK_TIMEOUT", "quiet_stdout", "time_limit"]

#: How long, in seconds, one hook call (a renderer, a writer, ``branding``) may run
#: in a batch export before it is ended and reported as its plugin's failure.
DEFAULT_HOOK_TIMEOUT = 300.0


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """End the block with :class:`HookTimeout` once it has run ``seconds``.

    The limit needs a timer signal, which only a process's main thread can
    receive: in another thread (a thread pool), without a limit
    (``None`` or 0) or where the system has no such timer, the block runs unlimited.
    Code blocked inside a C call (not Python) is ended when it returns to Python.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None

    def expire(signum: int, frame: object) -> None:
        raise HookTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_lock = threading.Lock()
_depth = 0
_saved: TextIO | None = None


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Send what is printed to ``sys.stdout`` to ``sys.stderr`` while the block runs.

    Blocks in several threads may overlap: standard output comes back when the
    last of them ends.
    """
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = sys.stdout
            sys.stdout = sys.stderr
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                sys.stdout, _saved = _saved, None
