"""Helpers for a plugin author's own tests.

Each helper runs klusterplan with only the plugins you name registered, so
that your tests do not depend on what else happens to be installed::

    import klusterplan
    from klusterplan import testing
    from my_plugin import plugin

    def test_my_rule_reports():
        findings = testing.run_check(klusterplan.example(), plugin)
        assert [f.code for f in findings] == ["XY101"]

    def test_through_the_command():
        result = testing.invoke(["check", "plan.yaml"], plugin)
        assert result.exit_code == 0

    def test_the_installed_entry_point():
        # the plugin as pip installed it, loaded through its entry point
        result = testing.invoke(["plugins"], entry_points=["my-plugin"])
        assert "my-plugin" in result.output

``plugins`` may be modules, objects or names of modules (``"my_plugin.plugin"``);
``entry_points`` names installed entry points of the ``klusterplan`` group,
loaded exactly as klusterplan loads them at start-up (nothing is installed);
``builtins=True`` adds klusterplan's own exporters and rules. The example
plan is :func:`klusterplan.example`.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
from click.testing import CliRunner, Result

from ._checking.check import check_plan
from ._export.export import export
from ._extension.exporter import ExportOptions, Notice
from ._extension.rule import Finding
from ._model.paths import path_parts
from ._planfile.io import example
from .model import Plan
from .plugins import DEFAULT_PLUGINS, Registry

__all__ = [
    "evolve_at",
    "invoke",
    "make_registry",
    "open_word",
    "run_check",
    "run_export",
    "use_registry",
]


def evolve_at(plan: Plan, path: str, value: Any) -> Plan:
    """A copy of ``plan`` with the value at ``path`` replaced, e.g. to break one rule.

    ``evolve_at(klusterplan.example(), "campaign.groups[1].motivation", "")`` gives the
    example with one campaign group's motivation emptied.
    """

    def replace(node: Any, parts: list[str | int]) -> Any:
        if not parts:
            return value
        head, rest = parts[0], parts[1:]
        if isinstance(head, int):
            items = list(node)
            items[head] = replace(items[head], rest)
            return tuple(items)
        return attrs.evolve(node, **{head: replace(getattr(node, head), rest)})

    result: Plan = replace(plan, path_parts(path))
    return result


def make_registry(
    *plugins: object,
    builtins: bool = False,
    name: str | None = None,
    entry_points: Sequence[str] = (),
) -> Registry:
    """A registry with just ``plugins`` (and klusterplan's own when ``builtins``), no autoload.

    ``name`` registers a single plugin under that name, so that plugin settings
    (``[tool.klusterplan.plugins.<name>]``) reach it as they would when installed.
    ``entry_points`` loads installed plugins by their entry-point names, as
    klusterplan does at start-up: a mistake in ``pyproject.toml``'s entry point
    (a wrong module or attribute) shows up as a failure, just as for a user.
    """
    registry = Registry(DEFAULT_PLUGINS if builtins else (), autoload=False)
    for entry in entry_points:
        registry.load_entry_point(entry)
    for plugin in plugins:
        if isinstance(plugin, str):
            import importlib

            module = importlib.import_module(plugin)
            registry.register(module, name or plugin, "test")
        else:
            default = getattr(plugin, "__name__", type(plugin).__name__)
            registry.register(plugin, name or default, "test")
    return registry


def run_check(
    plan: Plan | None,
    *plugins: object,
    builtins: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    name: str | None = None,
    entry_points: Sequence[str] = (),
) -> list[Finding]:
    """Check ``plan`` (the example when ``None``) with only ``plugins`` registered.

    ``config`` is the plugin's own settings, as ``[tool.klusterplan.plugins.<name>]``
    would give them; ``name`` is the plugin's name (its entry-point name).
    Raises :class:`AssertionError` when a plugin failed to register, so a
    broken hook shows up in the test that causes it.
    """
    registry = make_registry(*plugins, builtins=builtins, name=name, entry_points=entry_points)
    assert not registry.failures, [str(f) for f in registry.failures]
    rules = registry.rules()
    assert not registry.failures, [str(f) for f in registry.failures]
    plugin_names = {p for _, p in rules.values()}
    plugin_config = {p: dict(config or {}) for p in plugin_names}
    return check_plan(
        plan if plan is not None else example(),
        select=select,
        ignore=ignore,
        plugin_config=plugin_config,
        registry=registry,
    ).findings


def run_export(
    plan: Plan | None,
    format: str,
    *plugins: object,
    builtins: bool | None = None,
    options: ExportOptions | None = None,
    entry_points: Sequence[str] = (),
) -> tuple[bytes, list[Notice]]:
    """Export ``plan`` (the example when ``None``) in ``format``; return the bytes and notices.

    ``builtins`` registers klusterplan's own formats beside ``plugins``. By
    default they are registered when ``format`` is not one of the plugins'
    own, so a branding or a ``docx_document`` hook is tested with the format
    it changes: ``run_export(plan, "pdf", MyLook)``.
    """
    if builtins is None:
        own = make_registry(*plugins, entry_points=entry_points)
        builtins = format.strip().lower() not in own.exporters()
    registry = make_registry(*plugins, builtins=builtins, entry_points=entry_points)
    assert not registry.failures, [str(f) for f in registry.failures]
    stream = io.BytesIO()
    notices = export(
        plan if plan is not None else example(), format, stream, options, registry=registry
    )
    return stream.getvalue(), notices


@contextlib.contextmanager
def use_registry(registry: Registry) -> Iterator[Registry]:
    """Make ``registry`` the process-wide one (for the command) while the block runs."""
    import sys

    from . import plugins as plugins_module

    original = plugins_module.get_registry
    while hasattr(original, "_fixed_for"):  # an enclosing block's stand-in
        original = original._fixed_for

    def holders() -> list[Any]:
        # Commands import get_registry by name, so each module that holds it is patched;
        # a module first imported inside the block took the stand-in, and is found too.
        return [
            module
            for name, module in list(sys.modules.items())
            if (name == "klusterplan" or name.startswith("klusterplan."))
            and (
                getattr(module, "get_registry", None) is original
                or hasattr(getattr(module, "get_registry", None), "_fixed_for")
            )
        ]

    def fixed() -> Registry:
        return registry

    fixed._fixed_for = original  # type: ignore[attr-defined]
    before = {module: module.get_registry for module in holders()}
    for module in before:
        module.get_registry = fixed
    try:
        yield registry
    finally:
        for module in holders():
            module.get_registry = before.get(module, original)


def invoke(
    args: Sequence[str],
    *plugins: object,
    builtins: bool = True,
    entry_points: Sequence[str] = (),
) -> Result:
    """Run the ``klusterplan`` command with ``args`` and only ``plugins`` (plus built-ins).

    ``entry_points`` adds installed plugins by entry-point name, loaded as at
    start-up. Returns click's :class:`~click.testing.Result`: ``exit_code``,
    ``output`` (standard output) and ``stderr``.
    """
    from .cli import main

    registry = make_registry(*plugins, builtins=builtins, entry_points=entry_points)
    with use_registry(registry):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)


def open_word(source: bytes | str | os.PathLike[str]) -> Any:
    """A Word export opened with python-docx, any content controls taken away.

    klusterplan's Word documents mark each plan value by bookmarks, which hide
    nothing: python-docx sees every paragraph, row and word of them as they are.
    Documents written by earlier versions also held each value in a content
    control (``w:sdt``), whose content python-docx's ``paragraphs``, ``text``
    and ``table.rows`` leave out; this opens the document (bytes or a path) and
    puts each control's content where the control stood. Only for reading: a
    document with its controls taken away reads back by its bookmarks.
    """
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else os.fspath(source))
    parts = [word.part] + [
        s.footer.part for s in word.sections if not s.footer.is_linked_to_previous
    ]
    for part in parts:
        # the innermost first, so that each control's content is already plain
        for sdt in reversed(list(part.element.iter(qn("w:sdt")))):
            content = sdt.find(qn("w:sdtContent"))
            for child in list(content if content is not None else ()):
                sdt.addprevious(child)
            sdt.getparent().remove(sdt)
    return word
