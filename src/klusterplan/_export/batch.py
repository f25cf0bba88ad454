"""Exporting many plans at once, on any executor: :func:`export_many`.

Each plan is one task: it is loaded just before it is exported (so memory
does not grow with the number of plans), written in every format asked for,
and reported with what was written, what failed and the notices. A plan
that fails does not stop the others. Output names come from the input file
names, made safe, and two inputs never write to the same file.

The tasks run in this process, or on any :class:`concurrent.futures.Executor`:
a process pool, a thread pool, or a cluster's executor. A worker that dies
(killed, out of memory) fails the plans it held, and the temporary files it
left are removed.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import multiprocessing
import os
import re
import stat
import unicodedata
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

import attrs

from .._catalogue.locale import peek_language, system_language
from .._catalogue.messages import message, os_reason, text
from .._catalogue.text import in_language
from .._extension.exporter import ExportOptions, Notice
from .._planfile.limits import Limits
from .._planfile.origin import origin_of
from .._support.atomic import is_one_of, temp_files
from .._support.stop import Stopped
from .._word.changes import WordNotice
from ..errors import ExportError, PlanError, Problem
from ..model import Language, Plan
from ..plugins import get_registry
from .contain import DEFAULT_HOOK_TIMEOUT, interrupts_held, pool_task, worker_init
from .export import export
from .load import load
from .worker import PluginWorker, ending

__all__ = [
    "ExportOutcome",
    "Task",
    "export_many",
    "plan_tasks",
    "pool_context",
    "process_pool",
    "run_task",
    "run_tasks",
    "safe_stem",
    "sweep",
]

#: The longest output name stem; longer input names are cut and given a hash.
_MAX_STEM = 80
_UNSAFE = re.compile(r"[^\w.\-+=@,()\[\]]")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


@attrs.frozen
class ExportOutcome:
    """What :func:`export_many` did with one plan."""

    source: str
    """The plan's file as given, or ``<plan N>`` for a plan passed as an object."""
    written: tuple[str, ...] = ()
    """The files written, one per format that succeeded."""
    problems: tuple[str, ...] = ()
    """One message per failure (the plan could not be loaded, a format failed)."""
    notices: tuple[str, ...] = ()
    """What an exporter changed or left out, and plugin failures met on the way."""
    bad_input: bool = False
    """Whether a failure was the input's (a :class:`~klusterplan.PlanError`), not an
    exporter's bug, a dead worker or a disk that refused the file."""
    language: Language | None = None
    """The language :attr:`problems` and :attr:`notices` are written in: the
    options' language, else the plan's, else (a plan that could not be read) the
    language its file declares or the system's."""

    @property
    def ok(self) -> bool:
        """Whether every format was written."""
        return not self.problems


@attrs.frozen
class Task:
    """One plan to export: where it comes from and where each format goes."""

    index: int
    source: str
    plan: Plan | None
    path: str | None
    targets: tuple[tuple[str, str], ...]
    """``(format, output path)`` pairs."""
    options: ExportOptions
    limits: Limits
    refused: tuple[tuple[str, str], ...] = ()
    """``(output path, reason)`` for outputs that would overwrite a plan being exported;
    decided when the tasks are made, so no task carries the list of every input."""
    notes: tuple[str, ...] = ()
    """What the user should know about the task itself (a renamed output), each a
    :class:`~klusterplan.Text` in both languages."""
    hook_timeout: float | None = DEFAULT_HOOK_TIMEOUT
    """How long one hook call (a renderer, ``branding``) may run, in seconds; ``None``: no limit."""
    speak: Language | None = None
    """The language the run tells of this task in (one run speaks one language);
    ``None``: the options' language, else the plan's."""


def safe_stem(name: str) -> str:
    r"""A file-name stem that is safe on every system and cannot leave its folder.

    Characters Windows or a shell treat specially (``<>:"/\|?*``, control
    characters, and any other than letters, digits and ``.-+=@,()[]_``) and runs
    of spaces become one ``-``; dots and hyphens at either end go; a name
    Windows reserves (``CON``, ``NUL``, ``COM1``, ...) gets ``plan_`` before it.

    >>> safe_stem("../../etc/passwd")
    'passwd'
    >>> safe_stem("Stadsbibliotek: plan?")
    'Stadsbibliotek-plan'
    >>> safe_stem("Alvesta bibliotek"), safe_stem("CON"), safe_stem("plan.")
    ('Alvesta-bibliotek', 'plan_CON', 'plan')
    """
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in name)
    name = "-".join(_UNSAFE.sub(" ", name).split()).strip("-. ")
    if not name or _RESERVED.match(name.split(".")[0]):
        name = f"plan_{name}" if name else "plan"
    if len(name) > _MAX_STEM:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        name = f"{name[: _MAX_STEM - 9].rstrip('-.')}-{digest}"
    return name


#: What :func:`export_many` takes: a plan file, a plan, or a plan with the file name it stands for.
Item = Plan | str | os.PathLike[str] | tuple[str, Plan]


def _stem_of(item: Item, index: int) -> str:
    if isinstance(item, tuple):
        return safe_stem(Path(item[0]).stem)
    if isinstance(item, Plan):
        return safe_stem(item.library.name) if item.library.name.strip() else f"plan-{index + 1}"
    return safe_stem(Path(item).stem)


def _split(formats: str | Sequence[str]) -> list[str]:
    values = [formats] if isinstance(formats, str) else list(formats)
    return [f.strip() for value in values for f in value.split(",") if f.strip()]


def _free_stem(
    stem: str, source: str, folder: Path, taken: dict[tuple[str, str], str]
) -> tuple[str, tuple[str, ...]]:
    """``stem``, or a hashed one if another input took it in ``folder``; and the note why.

    ``taken`` learns the name chosen.
    """
    notes: tuple[str, ...] = ()
    key = (str(folder.resolve()).casefold(), stem.casefold())
    if key in taken:
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:6]
        new = f"{stem}-{digest}"
        notes = (
            text("name_taken", source=source, stem=repr(stem), other=taken[key], new=repr(new)),
        )
        stem = new
        key = (key[0], stem.casefold())
    taken[key] = source
    return stem, notes


def plan_tasks(
    items: Iterable[Item],
    formats: str | Sequence[str],
    out_dir: str | os.PathLike[str] | None,
    *,
    options: ExportOptions | None = None,
    limits: Limits | None = None,
    note: Callable[[str], None] = lambda message: None,
    hook_timeout: float | None = DEFAULT_HOOK_TIMEOUT,
) -> list[Task]:
    """The tasks for ``items``, each with output names no other task uses.

    Without ``out_dir`` a plan's outputs go beside its file (the current
    folder for a plan object). Two plans whose names would collide (the same
    stem, in any letter case) keep the first's name; each later one gets a
    suffix from a hash of its input's name, stable from run to run, and
    the task's :attr:`Task.notes` say so. The same file named twice is
    exported once, and ``note`` is told. ``hook_timeout`` is each task's
    :attr:`Task.hook_timeout`.
    """
    wanted = _split(formats)
    if not wanted:
        raise PlanError([Problem("", text("no_format_batch"))])
    registry = get_registry()
    # "Word" is docx; md, markdown and MD are one format, written once
    wanted = list(dict.fromkeys(registry.format_name(fmt) for fmt in wanted))
    extensions = {fmt: registry.exporter(fmt).extension for fmt in wanted}
    options = options or ExportOptions()
    limits = limits or Limits()
    inputs = list(items)
    files = [os.fspath(item) for item in inputs if not isinstance(item, Plan | tuple)]
    forbidden = _Inputs([*files, *([options.template] if options.template else [])])
    taken: dict[tuple[str, str], str] = {}
    seen_paths: set[str] = set()
    tasks: list[Task] = []
    for index, item in enumerate(inputs):
        plan: Plan | None = None
        if isinstance(item, tuple):
            (source, plan), folder = item, Path(out_dir or ".")
        elif isinstance(item, Plan):
            source, plan, folder = f"<plan {index + 1}>", item, Path(out_dir or ".")
        else:
            source = os.fspath(item)
            resolved = str(Path(source).resolve())
            if resolved in seen_paths:
                note(text("named_twice", source=source))
                continue
            seen_paths.add(resolved)
            folder = Path(out_dir) if out_dir is not None else Path(source).parent
        stem, notes = _free_stem(_stem_of(item, index), source, folder, taken)
        targets = tuple((fmt, str(folder / f"{stem}{extensions[fmt]}")) for fmt in wanted)
        tasks.append(
            Task(
                index=len(tasks),
                source=source,
                plan=plan,
                path=None if plan is not None else source,
                targets=targets,
                options=options,
                limits=limits,
                refused=tuple(
                    (target, _overwrites(target, source))
                    for _, target in targets
                    if forbidden.holds(target)
                ),
                notes=notes,
                hook_timeout=hook_timeout,
            )
        )
    return tasks


class _Inputs:
    """The files a run reads, known by path and by identity, so a link or a hard link is seen."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        self.paths = {os.path.realpath(path) for path in paths}
        self.files: set[tuple[int, int]] = set()
        for path in paths:
            with contextlib.suppress(OSError):
                found = os.stat(path)
                self.files.add((found.st_dev, found.st_ino))

    def holds(self, target: str) -> bool:
        """Whether writing ``target`` would change one of the inputs."""
        if os.path.realpath(target) in self.paths:
            return True
        try:
            found = os.stat(target)
        except OSError:
            return False
        return stat.S_ISREG(found.st_mode) and (found.st_dev, found.st_ino) in self.files


def _overwrites(target: str, source: str) -> str:
    own = is_one_of(target, [source])
    return text("overwrites_itself" if own else "overwrites_other", path=target)


def _failures_since(before: int, language: Language) -> list[str]:
    # the severity token is the same in both languages, as the command prints it
    failures = get_registry().failures[before:]
    return [f"klusterplan: warning: {f.render(language)}" for f in failures]


def _load(path: str, limits: Limits | None, read: list[str]) -> Plan:
    """Load a plan file or a Word document; a document's notices go into ``read``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", WordNotice)
        plan = load(path, limits=limits)
    for warning in caught:
        if issubclass(warning.category, WordNotice):
            read.append(str(warning.message))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return plan


def run_task(task: Task, worker: PluginWorker | None = None) -> ExportOutcome:
    """Load and export one plan in every format; never raises for the plan's sake.

    With ``worker``, a format an installed plugin adds is exported in its worker process.
    """
    registry = get_registry()
    before = len(registry.failures)
    word_notes: list[str] = []
    try:
        plan = task.plan
        if plan is None:
            assert task.path is not None
            plan = _load(task.path, task.limits, word_notes)
    except PlanError as exc:
        language = _task_language(task)
        return ExportOutcome(
            task.source,
            problems=(exc.with_source(task.source).render(language),),
            notices=tuple(in_language(note, language) for note in task.notes),
            bad_input=True,
            language=language,
        )
    language = task.speak or task.options.language or plan.language
    written: list[str] = []
    problems: list[str] = []
    # what a Word document holds outside its fields is told with the plan's other notices
    notices: list[str] = [
        *(in_language(note, language) for note in task.notes),
        *(f"{task.source}: {notice}" for notice in word_notes),
    ]
    origin = origin_of(plan)
    if origin is not None:
        # what the loader read forgivingly (a group named instead of its id), as check says
        for read in origin.notices:
            where = f"{task.source}:{read.line}" if read.line else task.source
            said = in_language(read.message, language)
            notices.append(f"{where}: {read.path}: {said}" if read.path else f"{where}: {said}")
    bad_input = False
    for fmt, target in task.targets:
        refusal = dict(task.refused).get(target)
        if refusal is not None:
            problems.append(in_language(refusal, language))
            bad_input = True
            continue
        try:
            given = _export_to(task, plan, fmt, target, worker)
        except PlanError as exc:
            problems.append(f"{task.source}: {fmt}: {exc.render(language)}")
            bad_input = True
            continue
        except ExportError as exc:
            problems.append(f"{task.source}: {exc.render(language)}")
            continue
        except OSError as exc:
            reason = os_reason(exc)
            problems.append(message("cannot_write", language, path=target, reason=reason))
            continue
        notices.extend(f"{task.source}: {notice.render(language)}" for notice in given)
        written.append(target)
    notices.extend(_failures_since(before, language))
    return ExportOutcome(
        task.source, tuple(written), tuple(problems), tuple(notices), bad_input, language
    )


def _pooled(task: Task) -> ExportOutcome:
    """:func:`run_task` on an executor; in a batch's own worker, under :func:`pool_task`."""
    with pool_task():
        return run_task(task)


def _export_to(
    task: Task, plan: Plan, fmt: str, target: str, worker: PluginWorker | None
) -> list[Notice]:
    """Export ``plan`` as ``fmt`` to ``target``: through ``worker`` if given, else here."""
    if worker is not None:
        return worker.export(plan, fmt, target, task.options, hook_timeout=task.hook_timeout)
    return export(
        plan, fmt, target, task.options, registry=get_registry(), hook_timeout=task.hook_timeout
    )


def _task_language(task: Task) -> Language:
    """The language to tell of a task whose plan is not loaded (it failed, or its worker died).

    The options' language, the plan's, the language its file declares, else the user's locale.
    """
    if task.speak is not None:
        return task.speak
    if task.options.language is not None:
        return task.options.language
    if task.plan is not None:
        return task.plan.language
    return (peek_language(task.path) if task.path else None) or system_language()


def sweep(task: Task) -> None:
    """Remove temporary files a dead worker left beside ``task``'s outputs."""
    for _, target in task.targets:
        for leftover in temp_files(target):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _died(task: Task, exc: BaseException) -> ExportOutcome:
    sweep(task)
    language = _task_language(task)
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else message("killed", language)
    return ExportOutcome(
        task.source,
        problems=(message("worker_died", language, source=task.source, reason=reason),),
        notices=tuple(in_language(note, language) for note in task.notes),
        language=language,
    )


def _is_broken(exc: BaseException) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(exc, BrokenProcessPool)


def _run_on(
    executor: cf.Executor,
    queue: deque[Task],
    window: int,
    running: dict[cf.Future[ExportOutcome], Task],
    done: Callable[[Task, ExportOutcome], None],
) -> list[Task]:
    """Run the queue on ``executor`` until it is empty or the pool breaks.

    Returns the tasks a broken pool lost; ``running`` holds those in flight.
    """
    lost: list[Task] = []

    def fill() -> None:
        while queue and len(running) < window and not lost:
            task = queue.popleft()
            running[executor.submit(_pooled, task)] = task

    fill()
    while running:
        finished, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
        for future in finished:
            task = running.pop(future)
            try:
                outcome = future.result()
            except Stopped:
                # a worker told to stop as its task began, before pool_task could end it,
                # sends the stop back as the result: never this process's, tried again
                lost.append(task)
                continue
            except Exception as exc:
                if _is_broken(exc):
                    lost.append(task)
                    continue
                outcome = _died(task, exc)
            done(task, outcome)
        fill()
    return lost


def _alone(task: Task) -> ExportOutcome:
    """Run one task in a pool of one worker, to learn whether it is the one that kills.

    When it is, and it has several formats, each format is run alone in turn:
    only the one that ends its process fails, named by its plugin, and the
    plan's other formats are written.
    """
    outcome, ended = _in_own_pool(task)
    if outcome is not None:
        return outcome
    if len(task.targets) > 1:
        parts = [_alone(attrs.evolve(task, targets=(target,))) for target in task.targets]
        return _merged(task, parts)
    fmt = task.targets[0][0] if task.targets else None
    plugin = get_registry().exporter_plugin(fmt) if fmt is not None else None
    if fmt is None or plugin is None or _is_ours(plugin):
        return _died(task, RuntimeError(""))  # klusterplan's own: killed, or out of memory
    language = _task_language(task)
    error = ExportError(fmt, plugin, RuntimeError(""), ending(ended))
    return ExportOutcome(
        task.source,
        problems=(f"{task.source}: {error.render(language)}",),
        notices=tuple(in_language(note, language) for note in task.notes),
        language=language,
    )


def _in_own_pool(task: Task) -> tuple[ExportOutcome | None, int | None]:
    """The task's outcome in a new pool; else ``None`` and the exit code of the worker."""
    sweep(task)
    executor = process_pool(1)  # one worker: its exit code is the one that ended
    try:
        future = executor.submit(_pooled, task)
        processes = list((getattr(executor, "_processes", None) or {}).values())
        try:
            return future.result(), None
        except Stopped as exc:  # the worker's stop, sent back as the result (see _run_on)
            return _died(task, exc), None
        except Exception as exc:
            if not _is_broken(exc):
                return _died(task, exc), None
        # the pool's own thread reaps the worker: once it has ended, the exit code is known
        executor.shutdown(wait=True)
        codes = [p.exitcode for p in processes if p.exitcode is not None]
        return None, codes[0] if len(codes) == 1 else None
    finally:
        _stop(executor)
        sweep(task)


def _merged(task: Task, parts: Sequence[ExportOutcome]) -> ExportOutcome:
    """One outcome for a task run format by format; what each part repeats is told once."""
    return ExportOutcome(
        task.source,
        written=tuple(w for part in parts for w in part.written),
        problems=tuple(dict.fromkeys(p for part in parts for p in part.problems)),
        notices=tuple(dict.fromkeys(n for part in parts for n in part.notices)),
        bad_input=any(part.bad_input for part in parts),
        language=next((part.language for part in parts if part.language), None),
    )


def _is_ours(plugin: str) -> bool:
    return plugin == "klusterplan" or plugin.startswith("klusterplan.")


def run_tasks(
    tasks: Sequence[Task],
    executor: cf.Executor | None = None,
    *,
    on_result: Callable[[ExportOutcome], None] = lambda outcome: None,
    new_executor: Callable[[], cf.Executor] | None = None,
    window: int = 64,
    contain: bool = False,
) -> list[ExportOutcome]:
    """Run ``tasks`` and return their outcomes in input order.

    On ``executor`` if given (it is left running: it is the caller's), else on
    pools made by ``new_executor`` (shut down at the end), else one after the
    other in this process; there, with ``contain``, a format an installed plugin
    adds is exported in a worker process (:class:`PluginWorker`), so that a
    renderer that ends its process fails that format alone. At most ``window``
    tasks are queued at a time. When a process pool breaks (a worker was
    killed) the plans it held fail and their temporary files are removed; with
    pools of its own it goes on in a new pool and tries each plan the broken
    one held once more, alone, so that only a plan that kills its worker fails.
    Ctrl-C stops the workers, removes their temporary files and is raised again.
    """
    results: dict[int, ExportOutcome] = {}

    def done(task: Task, outcome: ExportOutcome) -> None:
        results[task.index] = outcome
        on_result(outcome)

    if executor is None and new_executor is None:
        with PluginWorker(get_registry()) if contain else contextlib.nullcontext() as worker:
            if worker is not None:
                worker.start({fmt for task in tasks for fmt, _ in task.targets})
            for task in tasks:
                done(task, run_task(task, worker))
        return [results[t.index] for t in tasks]

    owned = executor is None
    if executor is not None:
        current = executor
    else:
        assert new_executor is not None
        current = new_executor()
    queue = deque(tasks)
    running: dict[cf.Future[ExportOutcome], Task] = {}
    try:
        while True:
            lost = _run_on(current, queue, window, running, done)
            if not lost:
                break
            if not owned or new_executor is None:
                for task in [*lost, *queue]:
                    broke = RuntimeError(in_language(text("pool_broke"), _task_language(task)))
                    done(task, _died(task, broke))
                queue.clear()
                break
            _stop(current)
            for task in lost:
                done(task, _alone(task))
            current = new_executor()
    except BaseException:
        for future in running:
            future.cancel()
        if owned:
            _stop(current)
        for task in running.values():
            sweep(task)
        raise
    if owned:
        # every task has its result: the workers are idle, and the pool's own shutdown
        # ends them in order; stopping them by signal could catch one mid-read
        current.shutdown(wait=True)
    return [results[t.index] for t in tasks]


def _stop(executor: cf.Executor) -> None:
    """Shut ``executor`` down without waiting for what it still runs; end a pool's workers."""
    processes: dict[Any, Any] = dict(getattr(executor, "_processes", None) or {})
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()  # SIGTERM: the worker unwinds and removes its temporary file
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()


def process_pool(jobs: int) -> cf.ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes that leave Ctrl-C to the parent and end with it.

    The workers are never forks of this process, which holds threads (the pool's
    own, a progress bar's) whose locks a fork would copy held: they come from a fork
    server (:func:`pool_context`), or are new interpreters where there is none.
    """
    return cf.ProcessPoolExecutor(
        max_workers=jobs, mp_context=pool_context(), initializer=worker_init
    )


#: What a fork server imports once, before it forks any worker: the batch's own code
#: and the command, whose script a worker started from it runs again.
_PRELOAD = ["klusterplan._export.batch", "klusterplan.cli"]


def pool_context() -> BaseContext:
    """The start method of a batch's pools: ``forkserver`` where the system has it, else ``spawn``.

    A fork server is a small process, started once a run, that has imported
    klusterplan and forks each worker from itself: it holds no threads, and its
    workers start without importing klusterplan again. It starts with Ctrl-C
    held back, which it ignores once it runs, so that a Ctrl-C while it starts
    prints no traceback of its own.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    with interrupts_held():
        forkserver.ensure_running()
    return context


def export_many(
    plans_or_paths: Iterable[Item],
    formats: str | Sequence[str],
    out_dir: str | os.PathLike[str] | None,
    executor: cf.Executor | None = None,
    *,
    options: ExportOptions | None = None,
    limits: Limits | None = None,
    on_result: Callable[[ExportOutcome], None] | None = None,
    hook_timeout: float | None = DEFAULT_HOOK_TIMEOUT,
) -> list[ExportOutcome]:
    """Export many plans in many formats; return what happened to each, in input order.

    ``plans_or_paths`` holds plan files (each loaded just before it is
    exported), :class:`~klusterplan.Plan` objects, or ``(name, plan)`` pairs
    whose name stands for a file name; ``formats`` is
    ``"docx,pdf"`` or a list; outputs go to ``out_dir`` (created if needed;
    ``None``: beside each plan file), each named after its input: a file by its
    name, a plan by its library's name (else ``plan-1``, ``plan-2``, ...), a pair
    by its name; made safe on every system by :func:`safe_stem` (``Alvesta
    bibliotek`` gives ``Alvesta-bibliotek.docx``), never two to one file. With ``executor`` (any
    :class:`concurrent.futures.Executor`: a process pool, a thread pool, a
    cluster's executor) the plans are exported in parallel; without it, one
    after the other in this process. ``on_result`` is called with each
    :class:`ExportOutcome` as it arrives.

    Plugins are contained: a renderer or ``branding`` hook that raises (any
    exception, ``sys.exit()`` too), writes nothing, or runs longer than
    ``hook_timeout`` seconds (``None``: no limit; the limit needs the task to
    run in a process's main thread, as in a process pool or without an
    executor) fails that format alone, reported by the plugin's name.

    A plan that fails is reported in its outcome and the others go on; only
    an unknown format or an output folder that cannot be made raises
    :class:`~klusterplan.PlanError`, before anything runs.

    >>> import klusterplan, tempfile
    >>> out = tempfile.mkdtemp()
    >>> outcomes = klusterplan.export_many([klusterplan.example()], "json", out)
    >>> outcomes[0].ok, len(outcomes[0].written)
    (True, 1)
    """
    tasks = plan_tasks(
        plans_or_paths,
        formats,
        out_dir,
        options=options,
        limits=limits,
        hook_timeout=hook_timeout,
    )
    if out_dir is not None:
        try:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PlanError(
                [Problem("", text("folder_not_made", reason=os_reason(exc)))],
                os.fspath(out_dir),
            ) from None
    return run_tasks(tasks, executor, on_result=on_result or (lambda outcome: None))
