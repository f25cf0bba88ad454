"""The library leaves the process as it found it, and its calls are safe from threads.

A program that loads and exports plans may run its own threads, its own
garbage-collector settings and plugins of its own: no call switches the
collector, and exports running at once in threads give the bytes that the
same exports give one after another.
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest

import klusterplan
from klusterplan import ExportContext, Exporter, Plan, testing
from klusterplan.document import Document
from klusterplan.hookspecs import hookimpl


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Run the test with the collector on and odd thresholds, then put back what was there.

    Yields the names of the calls that switch the collector, made while the test ran.
    """
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(1234, 11, 12)
    switches: list[str] = []
    for name in ("disable", "enable", "set_threshold", "freeze", "unfreeze", "collect"):
        real = getattr(gc, name)

        def noted(*args: Any, _name: str = name, _real: Any = real) -> Any:
            switches.append(_name)
            return _real(*args)

        monkeypatch.setattr(gc, name, noted)
    try:
        yield switches
    finally:
        monkeypatch.undo()
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()


def _state() -> tuple[bool, tuple[int, ...]]:
    return gc.isenabled(), gc.get_threshold()


@pytest.mark.parametrize("disabled", [False, True])
def test_load_export_and_export_many_leave_the_collector_alone(
    collector: list[str], tmp_path: Path, disabled: bool
) -> None:
    if disabled:
        gc.disable()  # a program that runs without the collector keeps it off
        collector.clear()
    before = _state()
    plan_file = tmp_path / "plan.yaml"
    klusterplan.dump(klusterplan.example(), plan_file)

    plan = klusterplan.load(plan_file)
    assert _state() == before
    for format in ("docx", "pdf", "markdown", "json"):
        klusterplan.export(plan, format, io.BytesIO())
        assert _state() == before, format
    outcomes = klusterplan.export_many([plan_file], "docx,pdf", tmp_path / "out")
    assert all(o.ok for o in outcomes)
    assert _state() == before
    with cf.ThreadPoolExecutor(2) as pool:
        outcomes = klusterplan.export_many([plan_file, plan], "markdown", tmp_path / "t", pool)
    assert all(o.ok for o in outcomes)
    assert _state() == before
    assert collector == []  # not even switched off and back on for a while


class _Watch:
    """A plugin whose hooks and renderer note the collector's state as the library calls them."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, tuple[bool, tuple[int, ...]]]] = []

    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        self.seen.append(("register_exporters", _state()))
        return [Exporter("watched", ".txt", "Watched", render=self.render)]

    @hookimpl
    def branding(self, plan: Plan, format: str) -> None:
        self.seen.append(("branding", _state()))

    @hookimpl
    def docx_document(self, document: Any, plan: Plan, context: ExportContext) -> None:
        self.seen.append(("docx_document", _state()))

    def render(self, document: Document, stream: BinaryIO, context: ExportContext) -> None:
        self.seen.append(("render", _state()))
        stream.write(document.title.encode())


def test_a_plugin_runs_with_the_collector_as_the_program_set_it(collector: list[str]) -> None:
    watch = _Watch()
    registry = testing.make_registry(watch, builtins=True)
    before = _state()
    for format in ("watched", "docx"):
        klusterplan.export(klusterplan.example(), format, io.BytesIO(), registry=registry)
    hooks = [hook for hook, _ in watch.seen]
    assert {"register_exporters", "branding", "render", "docx_document"} <= set(hooks)
    assert all(state == before for _, state in watch.seen)
    assert _state() == before
    assert collector == []


def _export(format: str) -> bytes:
    buffer = io.BytesIO()
    klusterplan.export(klusterplan.example(), format, buffer)
    return buffer.getvalue()


def test_exports_in_threads_at_once_equal_those_made_one_after_another() -> None:
    formats = ["docx", "pdf", "markdown"] * 3
    serial = {format: _export(format) for format in dict.fromkeys(formats)}
    with cf.ThreadPoolExecutor(len(formats)) as pool:
        at_once = list(pool.map(_export, formats))
    for format, data in zip(formats, at_once, strict=True):
        assert data == serial[format], format
