"""The plugin manager: built-in plugins, installed plugins and their registrations.

klusterplan's own exporters and rules are registered as default plugins
through the same hooks a third-party plugin implements. Installed plugins are
found in the ``klusterplan`` entry-point group; set
``KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD=1`` to load none of them.

A plugin that fails to import, or whose hook raises, is recorded as a
:class:`PluginFailure` and left out; every other plugin keeps working.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .check import Rule, code_prefix, rule_problem
from .errors import PlanError, Problem
from .export import Exporter

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "PluginFailure",
    "PluginInfo",
    "Registry",
    "get_registry",
]

#: The entry-point group installed plugins announce themselves in.
ENTRY_POINT_GROUP = "klusterplan"
#: Set to a non-empty value to skip loading installed plugins.
DISABLE_AUTOLOAD_ENV = "KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD"
#: klusterplan's own plugins, registered like any other.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "klusterplan.exporters.data",
    "klusterplan.exporters.markdown",
    "klusterplan.exporters.docx",
    "klusterplan.exporters.pdf",
    "klusterplan.rules",
)


@attrs.frozen
class PluginFailure:
    """A plugin that could not be loaded, or one of whose hooks raised."""

    plugin: str
    """The plugin's name."""
    message: str
    """What went wrong."""
    fatal: bool = False
    """Whether it makes a check unreliable (two plugins claiming one rule code), not
    just leaves a plugin out; the ``check`` command then stops with exit code 2."""

    def __str__(self) -> str:
        return f"plugin {self.plugin!r}: {self.message}"


@attrs.frozen
class PluginInfo:
    """A registered plugin and where it comes from."""

    name: str
    """The plugin's name: its module for built-ins, its entry-point name otherwise."""
    source: str
    """``built-in``, or the distribution and version that installed it."""


class Registry:
    """One plugin manager and what its plugins registered."""

    def __init__(
        self,
        plugins: Sequence[object | str] = DEFAULT_PLUGINS,
        *,
        autoload: bool | None = None,
    ) -> None:
        self.manager = pluggy.PluginManager("klusterplan")
        self.manager.add_hookspecs(hookspecs)
        self.failures: list[PluginFailure] = []
        self._infos: dict[str, PluginInfo] = {}
        for plugin in plugins:
            if isinstance(plugin, str):
                try:
                    module = importlib.import_module(plugin)
                except ImportError as exc:
                    self.failures.append(PluginFailure(plugin, f"failed to import: {exc}"))
                    continue
                self.register(module, plugin, "built-in")
            else:
                name = getattr(plugin, "__name__", type(plugin).__name__)
                self.register(plugin, name, "built-in")
        if autoload is None:
            autoload = not os.environ.get(DISABLE_AUTOLOAD_ENV)
        if autoload:
            self._load_entry_points()

    def register(self, plugin: object, name: str, source: str = "") -> None:
        """Register a plugin object (a module, a class or an instance) under ``name``."""
        try:
            self.manager.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            self.failures.append(PluginFailure(name, f"cannot be registered: {exc}"))
            return
        self._infos[name] = PluginInfo(name, source or "registered in code")
        self.__dict__.pop("_exporters", None)
        self.__dict__.pop("_rules", None)

    def _load_entry_points(self) -> None:
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if self.manager.get_plugin(ep.name) is not None or self.manager.is_blocked(ep.name):
                continue
            dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else ep.value
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                self.failures.append(
                    PluginFailure(ep.name, f"failed to load ({dist}): {type(exc).__name__}: {exc}")
                )
                continue
            self.register(plugin, ep.name, dist)

    def plugins(self) -> list[PluginInfo]:
        """Every registered plugin, in registration order."""
        return list(self._infos.values())

    def _collect(self, hook: str) -> list[tuple[Any, str]]:
        """Call ``hook`` on each plugin on its own, so one plugin's error spares the rest."""
        caller = getattr(self.manager.hook, hook)
        out: list[tuple[Any, str]] = []
        # registration order, so that built-ins keep their names when a plugin collides
        for impl in caller.get_hookimpls():
            try:
                items = list(impl.function() or ())
            except Exception as exc:  # a plugin's bug must not take the run down
                self.failures.append(
                    PluginFailure(
                        impl.plugin_name,
                        f"hook {hook} raised {type(exc).__name__}: {exc}",
                    )
                )
                continue
            out.extend((item, impl.plugin_name) for item in items)
        return out

    @functools.cached_property
    def _exporters(self) -> dict[str, tuple[Exporter, str]]:
        found: dict[str, tuple[Exporter, str]] = {}
        for exporter, plugin in self._collect("register_exporters"):
            if not isinstance(exporter, Exporter):
                self.failures.append(
                    PluginFailure(
                        plugin,
                        f"register_exporters returned {exporter!r}, not an Exporter",
                    )
                )
            elif exporter.name in found:
                other = found[exporter.name][1]
                self.failures.append(
                    PluginFailure(
                        plugin,
                        f"format {exporter.name!r} is already registered by plugin {other!r}; "
                        "left out",
                    )
                )
            else:
                found[exporter.name] = (exporter, plugin)
        return found

    def exporters(self) -> dict[str, Exporter]:
        """Every registered exporter, by format name."""
        return {name: exporter for name, (exporter, _) in self._exporters.items()}

    def exporter_plugin(self, name: str) -> str:
        """The name of the plugin that registered the format ``name``."""
        return self._exporters[name][1]

    def exporter(self, name: str) -> Exporter:
        """The exporter for format ``name``, or :class:`PlanError` listing the known formats."""
        try:
            return self._exporters[name][0]
        except KeyError:
            known = ", ".join(sorted(self._exporters))
            raise PlanError(
                [Problem("", f"unknown format {name!r}; known formats: {known}")]
            ) from None

    @functools.cached_property
    def _rules(self) -> dict[str, tuple[Rule, str]]:
        found: dict[str, tuple[Rule, str]] = {}
        # A code prefix belongs to the first plugin that registers a rule with it,
        # so two plugins cannot silently report under each other's codes.
        owners: dict[str, str] = {}
        for rule, plugin in self._collect("register_rules"):
            if not isinstance(rule, Rule):
                self.failures.append(
                    PluginFailure(plugin, f"register_rules returned {rule!r}, not a Rule")
                )
                continue
            problem = rule_problem(rule)
            prefix = code_prefix(rule.code)
            # a malformed rule claims no prefix
            owner = owners.setdefault(prefix, plugin) if problem is None else plugin
            if problem is not None:
                self.failures.append(PluginFailure(plugin, f"{problem}; left out"))
            elif rule.code in found:
                other = found[rule.code][1]
                self.failures.append(
                    PluginFailure(
                        plugin,
                        f"rule code {rule.code} is claimed by both plugin {other!r} and "
                        f"plugin {plugin!r}; left out of {plugin!r}",
                        fatal=True,
                    )
                )
            elif owner != plugin:
                self.failures.append(
                    PluginFailure(
                        plugin,
                        f"rule code {rule.code}: the prefix {prefix} is claimed by both plugin "
                        f"{owner!r} and plugin {plugin!r}; left out of {plugin!r}, "
                        "choose a prefix of your own",
                        fatal=True,
                    )
                )
            else:
                found[rule.code] = (rule, plugin)
        return found

    def rules(self) -> dict[str, tuple[Rule, str]]:
        """Every registered rule by code, with the name of the plugin that registered it."""
        return dict(self._rules)

    def _call(self, hook: str, kwargs: dict[str, Any]) -> Iterator[Any]:
        """Call ``hook`` on each plugin in turn, recording any that raise and going on."""
        caller = getattr(self.manager.hook, hook)
        for impl in reversed(caller.get_hookimpls()):
            try:
                yield impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception as exc:  # a plugin's bug must not take the run down
                self.failures.append(
                    PluginFailure(
                        impl.plugin_name,
                        f"hook {hook} raised {type(exc).__name__}: {exc}",
                    )
                )

    def call_first(self, hook: str, **kwargs: Any) -> Any:
        """The first result other than ``None`` of a hook, skipping plugins that raise."""
        return next((r for r in self._call(hook, kwargs) if r is not None), None)

    def call_each(self, hook: str, **kwargs: Any) -> None:
        """Call a hook on every plugin, skipping plugins that raise."""
        for _ in self._call(hook, kwargs):
            pass


@functools.cache
def get_registry() -> Registry:
    """The process-wide registry: built-in plugins and, unless disabled, installed ones."""
    return Registry()
