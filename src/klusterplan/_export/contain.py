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
import io
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, TextIO

from .._support.stop import HookTimeout, Stopped

__all__ = [
    "DEFAULT_HOOK_TIMEOUT",
    "interrupts_held",
    "pool_task",
    "quiet_stdout",
    "time_limit",
    "worker_init",
]

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


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back from the processes started in the block, so none prints a traceback.

    A process started here (a fork server, a spawned worker) inherits the held
    signal and drops it when :func:`worker_init` (or the fork server itself) has
    set it to be ignored; one that arrives meanwhile reaches this process when the
    block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    _start_tracker()  # first: starting it lets go of the signals it holds back for itself
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


#: The warning multiprocessing's resource tracker gives when it removes the locks of a
#: process that was killed (SIGTERM, SIGKILL) before it could remove them itself.
_TRACKER_WARNING = "ignore:resource_tracker:UserWarning"


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker, which says nothing of the locks it removes.

    The locks are those of klusterplan's own pools: their removal after the command
    was killed is nothing the user can act on, and no warning of it reaches the
    terminal. The tracker takes its warning filters from this process's ``-W`` options.
    """
    from multiprocessing import resource_tracker

    added = _TRACKER_WARNING not in sys.warnoptions
    if added:
        sys.warnoptions.append(_TRACKER_WARNING)
    try:
        resource_tracker.ensure_running()
    finally:
        if added:
            sys.warnoptions.remove(_TRACKER_WARNING)


def worker_init() -> None:
    """Make a pool's worker leave Ctrl-C to its parent, clean up when told to stop, end with it.

    A parent killed outright (SIGKILL, or SIGTERM before it could stop its pool) must
    not leave workers running for ever: on Linux the kernel sends the worker SIGTERM
    when its own parent (the command, or the fork server that started the worker) dies
    (``PR_SET_PDEATHSIG``), and everywhere a watchdog thread wakes when the process
    that asked for the worker is gone and does the same.

    What the pool's own machinery writes to standard error outside a task (a traceback
    as a broken pool is torn down) is dropped: only what runs in :func:`pool_task`, a
    plugin's prints included, reaches the user's standard error.
    """
    global _in_worker, _speaking
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        # held back while the worker started (interrupts_held); ignored from now on
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGTERM, _stop_worker)
    _in_worker = True
    if not isinstance(sys.stderr, _Quiet):
        _speaking = sys.stderr
        sys.stderr = _Quiet()
    # a stop that lands where an exception cannot rise (a weakref's callback, a
    # destructor) is not printed as a traceback: the task goes on to its end instead
    sys.unraisablehook = _unraisable
    _die_with_parent()
    threading.Thread(target=_watch_parent, args=(_parent_sentinel(),), daemon=True).start()


def _unraisable(unraisable: Any) -> None:
    if not isinstance(unraisable.exc_value, Stopped):
        sys.__unraisablehook__(unraisable)


@contextlib.contextmanager
def pool_task() -> Iterator[None]:
    """Run one task of a pool's worker: with standard error, and ending the worker if stopped.

    A worker told to stop (SIGTERM: the pool broke or is being stopped, or its parent
    is gone) unwinds the task, so its temporary file is removed, and then ends at
    once: the pool's loop would otherwise report the stop as the task's result and
    read its queue again, which a worker stopped mid-read may have left cut in two.
    Outside a worker started with :func:`worker_init` it does nothing.
    """
    if not _in_worker:
        yield
        return
    global _in_task
    if _stopping:
        _end(128 + signal.SIGTERM)
    quiet, sys.stderr = sys.stderr, _speaking
    _in_task = True
    try:
        yield
    except Stopped as stop:
        _end(stop.code if isinstance(stop.code, int) else 1)
    finally:
        _in_task = False
        sys.stderr = quiet


#: Whether this process is a worker started with :func:`worker_init`.
_in_worker = False
#: Whether the worker has been told to stop.
_stopping = False
#: Whether the worker runs a task (inside :func:`pool_task`).
_in_task = False
#: The worker's standard error, for its tasks.
_speaking: TextIO | None = None


class _Quiet(io.TextIOBase):
    """A worker's standard error between tasks: what the pool's machinery says goes nowhere."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def _end(code: int) -> None:
    """End the worker now, with what its task printed written out."""
    for stream in (sys.stdout, _speaking):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(code)


def _stop_worker(signum: int, frame: object) -> None:
    global _stopping
    if _stopping:
        # told again (the parent's death is told twice): a task unwinding goes on doing
        # so; a worker between tasks, where its first stop may have been taken for a
        # task's failure, ends now
        if _in_task:
            return
        _end(128 + signum)
    _stopping = True
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


def _parent_sentinel() -> int | None:
    """A handle that becomes ready when the process that asked for this worker ends."""
    parent = multiprocessing.parent_process()
    sentinel = None if parent is None else parent.sentinel
    return sentinel if isinstance(sentinel, int) else None


#: How often a worker without a parent's handle looks whether its parent is still there, in s.
_WATCH_EVERY = 1.0


def _watch_parent(sentinel: int | None) -> None:
    if sentinel is not None:
        # ready (end of file) when the parent's end of the pipe closes: when it dies
        multiprocessing.connection.wait([sentinel])
    else:
        parent = os.getppid()
        while os.getppid() == parent:
            time.sleep(_WATCH_EVERY)
    os.kill(os.getpid(), signal.SIGTERM)
