"""A format an installed plugin adds, exported in a process of its own: :class:`PluginWorker`.

:func:`~klusterplan._export.export.export` contains what a renderer can
raise, ``sys.exit()`` included, but not the end of the process it runs in:
``os._exit()``, a crash in a C extension, a signal. In the command's own
process such a renderer would end ``klusterplan export`` with exit code 0
and nothing written. :class:`PluginWorker` exports a format an installed
plugin adds (one found through its entry point) in a worker process, so
that the worker's end fails that format alone, named by its plugin, and the
run goes on with the plan's other formats.

The worker is started with ``spawn``: a new interpreter, never a fork of a
process that may hold threads and their locks. It builds the same plugin
registry again from :meth:`~klusterplan.plugins.Registry.recipe`, renders
to bytes and sends them back; this process writes the file, atomically, so
a worker that ends leaves nothing half-written. It is started for the first
format that needs it, serves the later ones, and is started anew after it
has ended. klusterplan's own formats, and those of plugins registered in
code (which a new process cannot know), are exported in this process.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import warnings
from collections.abc import Iterable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, BinaryIO

import attrs

from .._catalogue.messages import text
from .._catalogue.text import Text
from .._extension.exporter import ExportOptions, Notice
from .._planfile.origin import Origin, origin_of, remember
from ..errors import ExportError, PlanError
from ..model import Plan
from ..plugins import PluginWarning, Registry, warn_failures
from .contain import interrupts_held, worker_init
from .export import deliver, export

__all__ = ["PluginWorker", "ending"]

#: How long a worker told to stop may take to end before it is killed, in seconds.
_GRACE = 5.0


class PluginWorker:
    """Exports through ``registry``: an installed plugin's formats in a worker, the rest here.

    Use it as a context manager, or call :meth:`close`: the worker ends then.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._recipe = registry.recipe()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def takes(self, format: str) -> bool:
        """Whether ``format`` is exported in the worker: an installed plugin adds it."""
        if self._recipe is None:
            return False
        try:
            plugin = self.registry.exporter_plugin(format)
        except PlanError:
            return False  # an unknown format: export() says so, with the known ones
        return ("entry_point", plugin) in self._recipe

    def start(self, formats: Iterable[str]) -> None:
        """Start the worker now if it will export one of ``formats``.

        Its start-up (an interpreter, klusterplan and the plugins) then runs
        beside this process's own work, on another processor.
        """
        if any(self.takes(format) for format in formats):
            self._connection()

    def export(
        self,
        plan: Plan,
        format: str,
        dest: str | os.PathLike[str] | BinaryIO,
        options: ExportOptions | None = None,
        *,
        hook_timeout: float | None = None,
    ) -> list[Notice]:
        """:func:`~klusterplan.export`, in the worker when it :meth:`takes` ``format``.

        Raises what :func:`~klusterplan.export` raises; a worker that ends before
        it answers raises :class:`ExportError` naming the plugin, and nothing is written.
        """
        if not self.takes(format):
            return export(
                plan, format, dest, options, registry=self.registry, hook_timeout=hook_timeout
            )
        name = self.registry.format_name(format)
        conn = self._connection()
        try:
            conn.send((plan, _light(origin_of(plan)), name, options, hook_timeout))
            while True:
                kind, answer, failures = conn.recv()
                if kind != "said":
                    break
                _tell(answer)  # what the plugin printed, as it prints it
        except (EOFError, OSError) as exc:
            raise self._ended(name) from exc
        for failure in failures:  # a branding hook that failed in the worker, say
            self.registry.record(failure)
        warn_failures(self.registry)
        if kind == "raised":
            raise answer
        data, notices = answer
        deliver(data, dest)
        return list(notices)

    def _connection(self) -> Connection:
        if self._conn is None or self._process is None or not self._process.is_alive():
            self.close()
            context = multiprocessing.get_context("spawn")
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_serve,
                args=(theirs, self._recipe),
                name="klusterplan-plugin-worker",
            )
            with interrupts_held():
                process.start()
            theirs.close()
            self._process, self._conn = process, ours
        return self._conn

    def _ended(self, format: str) -> ExportError:
        """The error for a worker that ended while it exported ``format``."""
        process = self._process
        self.close(now=True)
        detail = ending(None if process is None else process.exitcode)
        plugin = self.registry.exporter_plugin(format)
        return ExportError(format, plugin, RuntimeError(str(detail)), detail)

    def close(self, *, now: bool = False) -> None:
        """End the worker: when it has finished what it does, or ``now``."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            conn.close()  # an idle worker reads the end of its input and returns
        if process is None:
            return
        if now and process.is_alive():
            process.terminate()
        process.join(_GRACE)
        if process.is_alive():
            process.kill()
            process.join()

    def __enter__(self) -> PluginWorker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(now=kind is not None)


def _light(origin: Origin | None) -> Origin | None:
    """What the worker needs of where a plan was read: that it was, not the line of every key.

    The map of lines is four times the plan's own size to send; only ``check``
    reads it, for the lines of its findings.
    """
    return None if origin is None else attrs.evolve(origin, lines=None)


def ending(code: int | None) -> Text:
    """How a worker process ended, told from its exit code (``None``: not known)."""
    if code is None:
        return text("process_ended_unknown")
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return text("process_killed", signal=name)
    return text("process_ended", code=code)


def _serve(conn: Connection, recipe: tuple[tuple[str, str], ...]) -> None:
    """The worker: export each format asked for and send back the bytes, until told to end."""
    worker_init()
    # what a plugin writes to standard output, even below Python, goes to standard error
    os.dup2(2, 1)
    # and what it prints goes to the parent's standard error, where it would have gone
    # had the plugin run there (a program that runs the command in its own process sees it)
    relay = io.TextIOWrapper(
        io.BufferedWriter(_Relay(conn)),
        encoding="utf-8",
        errors="backslashreplace",
        write_through=True,
    )
    # what the worker's own machinery says after that (a traceback as it is stopped) goes
    # where worker_init sends it: nowhere the user sees
    quiet = sys.stderr
    sys.stdout = sys.stderr = relay
    try:
        _work(conn, Registry.from_recipe(recipe), relay)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, quiet


def _work(conn: Connection, registry: Registry, relay: io.TextIOWrapper) -> None:
    """Answer each export asked for on ``conn`` until the parent closes it."""
    # a plugin's failures go back to the parent, which reports them; the worker tells none
    warnings.simplefilter("ignore", PluginWarning)
    _ = registry.failures  # those of loading the plugins, which the parent has told already
    while True:
        try:
            plan, origin, format, options, hook_timeout = conn.recv()
        except EOFError:
            return
        before = len(registry.failures)
        kind, answer = _answer(registry, plan, origin, format, options, hook_timeout)
        relay.flush()
        with _sending:
            conn.send((kind, answer, registry.failures[before:]))


#: One message at a time on the worker's pipe, from whatever thread a plugin prints in.
_sending = threading.Lock()


class _Relay(io.RawIOBase):
    """A worker's standard error: each write goes to the parent as it is made."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self._conn = conn

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        said = bytes(data)
        with _sending:
            self._conn.send(("said", said, ()))
        return len(said)


def _tell(said: bytes) -> None:
    """Write what a worker's plugin printed to this process's standard error."""
    stream = sys.stderr
    buffer = getattr(stream, "buffer", None)
    stream.flush()
    if buffer is not None:
        buffer.write(said)
        buffer.flush()
    else:
        stream.write(said.decode("utf-8", "replace"))
        stream.flush()


def _answer(
    registry: Registry,
    plan: Plan,
    origin: Origin | None,
    format: str,
    options: ExportOptions | None,
    hook_timeout: float | None,
) -> tuple[str, Any]:
    """``("sent", (bytes, notices))``, or ``("raised", error)`` for the parent to raise."""
    if origin is not None:
        remember(plan, origin)  # a plan read from a file is exported as one
    buffer = io.BytesIO()
    try:
        notices = export(
            plan, format, buffer, options, registry=registry, hook_timeout=hook_timeout
        )
    except Exception as exc:
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return "raised", exc
    return "sent", (buffer.getvalue(), notices)
