"""Running plugin code so that it cannot take a run down: a time limit and a quiet stdout.

Every exporter, klusterplan's own included, is a plugin's code. An export
runs it under :func:`time_limit` and :func:`quiet_stdout`: a hook that runs
too long is ended with :class:`~klusterplan._support.stop.HookTimeout`, and
what it prints goes to standard error, so it never mixes into a document
written to standard output. A worker process that runs exports (a batch's
pool, a plugin's own worker) starts with :func:`worker_init`, so it ends
with its parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

from .._support.stop import HookTimeout, Stopped

__all__ = ["DEFAULT_HOOK_TIMEOUT", "quiet_stdout", "time_limit", "worker_init"]

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


def worker_init(parent: int) -> None:
    """Make a pool's worker leave Ctrl-C to its parent, clean up when told to stop, end with it.

    A parent killed outright (SIGKILL, or SIGTERM before it could stop its pool) must
    not leave workers running for ever: on Linux the kernel sends the worker SIGTERM
    when its parent dies (``PR_SET_PDEATHSIG``), and everywhere a watchdog thread
    notices the parent is gone and does the same.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the worker could ask to be told
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _stop_worker(signum: int, frame: object) -> None:
    raise Stopped(128 + signum)  # unwinds atomic_write, which removes its temporary file


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM to this process when its parent dies; elsewhere do nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        # the process's own symbols hold libc's prctl: no search for the library
        # (ctypes.util.find_library runs ldconfig, a process of its own, in every worker)
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


#: prctl's option number for the parent-death signal (linux/prctl.h).
_PR_SET_PDEATHSIG = 1
#: How often a worker looks whether its parent is still there, in seconds.
_WATCH_EVERY = 1.0


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_EVERY)
    os.kill(os.getpid(), signal.SIGTERM)
