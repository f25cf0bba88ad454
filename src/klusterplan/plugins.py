"""The plugin manager: built-in plugins, installed plugins and their registrations.

klusterplan's own exporters and rules are registered as default plugins
through the same hooks a third-party plugin implements. Installed plugins are
found in the ``klusterplan`` entry-point group; set
``KLUSTERPLAN_DISABLE_PLUGIN_AUTOLOAD=1`` to load none of them.

Hooks are called through pluggy, so ``firstresult``, ``tryfirst``/``trylast``
and ``wrapper=True`` behave as pluggy documents them. Each implementation is
guarded: one that raises is recorded as a :class:`PluginFailure` naming its
plugin and treated as having returned nothing, and every other plugin keeps
working. A wrapper that raises takes its plugin out of the registry.

Plugins are validated as they are registered: a hook name klusterplan does not
have, a malformed rule code, a rule code under another plugin's prefix (``KP``
is klusterplan's own) and a second exporter for a format are failures too. The
command prints them; the Python API gives each as a :class:`PluginWarning`.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import types
import warnings
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

import attrs
import pluggy

from . import hookspecs
from ._catalogue.messages import message as _message
from ._catalogue.messages import text
from ._catalogue.messages import text as message_text
from ._catalogue.text import Text
from ._extension.entry_points import EntryPoint, entry_points
from ._extension.exporter import Exporter
from ._extension.rule import Rule, code_prefix, rule_problem
from ._support.record import Record
from ._support.stop import HookTimeout, Stopped
from .branding import Branding, check_branding
from .errors import PlanError, Problem
from .model import Language, Plan

__all__ = [
    "BUILTIN_PREFIX",
    "DEFAULT_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "PluginFailure",
    "PluginInfo",
    "PluginWarning",
    "Registry",
    "get_registry",
    "warn_failures",
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
    "klusterplan.exporters.html",
    "klusterplan.exporters.pdfua",
    "klusterplan.rules",
)
#: The rule-code prefix reserved for klusterplan's own rules.
BUILTIN_PREFIX = "KP"

_HOOKS = frozenset(
    name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "klusterplan_spec")
)


class PluginWarning(UserWarning):
    """A plugin could not be loaded or used; the message names the plugin."""


@attrs.frozen(repr=False, eq=False)
class PluginFailure(Record):
    """A plugin that could not be loaded, or one of whose hooks raised."""

    plugin: str
    """The plugin's name."""
    message: str
    """What went wrong: a :class:`~klusterplan.Text`, in English and Swedish, for what
    klusterplan says; a plugin's own exception text is quoted as it is."""
    fatal: bool = False
    """Whether it makes a check unreliable (two plugins claiming one rule code), not
    just leaves a plugin out; the ``check`` command then stops with exit code 2."""
    reserved: bool = False
    """Whether it is a rule under klusterplan's own prefix ``KP``, not a code or a
    prefix two plugins claim: the command's last word on it differs."""

    def __str__(self) -> str:
        return self.render()

    def render(self, language: Language | str | None = None) -> str:
        """``plugin 'name': what went wrong`` in ``language`` (English by default)."""
        return _message("plugin_named", language, plugin=repr(self.plugin), message=self.message)


@attrs.frozen(repr=False, eq=False)
class PluginInfo(Record):
    """A registered plugin and where it comes from."""

    name: str
    """The plugin's name: its module for built-ins, its entry-point name otherwise."""
    source: str
    """``built-in``, or the distribution and version that installed it."""


def _is_builtin(plugin: str) -> bool:
    return plugin == "klusterplan" or plugin.startswith("klusterplan.")


class _Owned(tuple[Any, ...]):
    """What one plugin's ``register_*`` hook returned, marked with the plugin's name.

    It is still a tuple, so a ``wrapper=True`` implementation sees the results
    as pluggy documents them.
    """

    plugin: str = ""


#: Other names people use for the built-in formats (``--to word``), by lower-case name.
FORMAT_ALIASES: dict[str, str] = {
    "word": "docx",
    "doc": "docx",
    "ms-word": "docx",
    "md": "markdown",
    "htm": "html",
    "web": "html",
    "pdfua": "pdf-ua",
    "pdf/ua": "pdf-ua",
    "pdf_ua": "pdf-ua",
    "ua.pdf": "pdf-ua",
    "yml": "yaml",
}


#: What pluggy can take a hook implementation from: all else in a module is passed over.
_HOOKABLE = (types.FunctionType, staticmethod, classmethod, types.MethodType)


class _Manager(pluggy.PluginManager):
    """pluggy's manager, passing quickly over a module's names that hold no function.

    pluggy looks at each name of a plugin with :func:`inspect.getattr_static`,
    which for the modules ``check`` registers (nine, with nearly two hundred
    names: imports, constants, classes) costs more than the rest of their
    registration. A name whose value in the module is no function of any kind
    cannot be a hook implementation; every other name is left to pluggy.
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> pluggy.HookimplOpts | None:
        if type(plugin) is types.ModuleType and not isinstance(vars(plugin).get(name), _HOOKABLE):
            return None
        return super().parse_hookimpl_opts(plugin, name)


class Registry:
    """One plugin manager and what its plugins registered."""

    def __init__(
        self,
        plugins: Sequence[object | str] = DEFAULT_PLUGINS,
        *,
        autoload: bool | None = None,
    ) -> None:
        self.manager: pluggy.PluginManager = _Manager("klusterplan")
        self.manager.add_hookspecs(hookspecs)
        self._failures: list[PluginFailure] = []
        self._warned = 0
        self._infos: dict[str, PluginInfo] = {}
        self._returned: list[_Owned] = []
        self._branding_plugin = "branding"
        # how to build this registry again in another process; None once a plugin
        # object registered in code makes that impossible
        self._recipe: list[tuple[str, str]] | None = []
        for plugin in plugins:
            if isinstance(plugin, str):
                self._register_module(plugin)
            else:
                name = getattr(plugin, "__name__", type(plugin).__name__)
                self.register(plugin, name, "built-in")
        if autoload is None:
            autoload = not os.environ.get(DISABLE_AUTOLOAD_ENV)
        if autoload:
            self._load_entry_points()

    # -- registration -------------------------------------------------------

    def register(self, plugin: object, name: str, source: str = "") -> None:
        """Register a plugin object (a module, a class or an instance) under ``name``.

        A plugin pluggy refuses (a hook implementation whose arguments the hook
        does not have, a name already taken) is recorded as a failure; hook
        names klusterplan does not know are reported and ignored.
        """
        self._register(plugin, name, source, None)

    def _register(
        self, plugin: object, name: str, source: str, step: tuple[str, str] | None
    ) -> None:
        """Register ``plugin``; ``step`` says how another process registers it too."""
        try:
            self.manager.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            self._fail(name, text("plugin_register", error=exc))
            return
        if step is None or self._recipe is None:
            self._recipe = None
        else:
            self._recipe.append(step)
        self._infos[name] = PluginInfo(name, source or "registered in code")
        self._validate_hooks(plugin, name)
        for caller in self.manager.get_hookcallers(plugin) or ():
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin:
                    self._guard(impl, caller.name)
        self._forget()

    def _validate_hooks(self, plugin: object, name: str) -> None:
        for caller in self.manager.get_hookcallers(plugin) or ():
            if caller.name in _HOOKS:
                continue
            if all(i.optionalhook for i in caller.get_hookimpls() if i.plugin is plugin):
                continue
            from difflib import get_close_matches

            close = get_close_matches(caller.name, sorted(_HOOKS), n=1)
            hint = text("plugin_hook_hint", name=repr(close[0])) if close else ""
            self._fail(name, text("plugin_no_hook", name=repr(caller.name), hint=hint))
        for attr in sorted(_HOOKS):
            found = getattr(plugin, attr, None)
            if callable(found) and not hasattr(found, "klusterplan_impl"):
                self._fail(name, text("plugin_unmarked", name=repr(attr)))

    def _guard(self, impl: pluggy.HookImpl, hook: str) -> None:
        """Make one implementation report its own error instead of stopping the call."""
        if impl.wrapper or impl.hookwrapper:
            return  # a wrapper that raises is taken out by _call
        function: Callable[..., Any] = impl.function
        plugin = impl.plugin_name
        collects = hook.startswith("register_")

        @functools.wraps(function)
        def guarded(*args: Any) -> Any:
            try:
                result = function(*args)
                if not collects:
                    if result is not None:
                        # a firstresult hook stops at the first answer: this one is it
                        self._branding_plugin = plugin
                    return result
                items = _Owned(result or ())
            except (KeyboardInterrupt, Stopped):
                raise  # the user, or the process being stopped: not the plugin's failure
            except HookTimeout as exc:
                self._fail(plugin, text("plugin_timeout", hook=hook, seconds=f"{exc.seconds:g}"))
                return None
            except BaseException as exc:  # a plugin's bug, even sys.exit(), must not end the run
                self._fail(plugin, text("plugin_raised", hook=hook, error=_raised(exc)))
                return None
            items.plugin = plugin
            self._returned.append(items)
            return items

        # pluggy keeps the function on the HookImpl; wrapping it keeps pluggy's
        # own ordering, firstresult and wrappers intact around each guard
        object.__setattr__(impl, "function", guarded)

    def _register_module(self, module_name: str) -> None:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            self._fail(module_name, text("plugin_import", error=exc))
            return
        self._register(module, module_name, "built-in", ("module", module_name))

    def recipe(self) -> tuple[tuple[str, str], ...] | None:
        """How to build this registry again in a new process, or ``None`` where it cannot be.

        Each step is ``("module", name)`` for a plugin module imported by name
        or ``("entry_point", name)`` for an installed plugin, in registration
        order; :meth:`from_recipe` takes them. A plugin object registered in
        code (:meth:`register`) lives only in this process: the answer is then ``None``.
        """
        return None if self._recipe is None else tuple(self._recipe)

    @classmethod
    def from_recipe(cls, recipe: Sequence[tuple[str, str]]) -> Registry:
        """A registry built by the steps :meth:`recipe` gave, the same plugins in the same order."""
        registry = cls((), autoload=False)
        for kind, name in recipe:
            if kind == "module":
                registry._register_module(name)
            else:
                with contextlib.suppress(LookupError):  # uninstalled since: left out
                    registry.load_entry_point(name)
        return registry

    def _load_entry_points(self) -> None:
        for ep in sorted(entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name):
            if self.manager.get_plugin(ep.name) is not None or self.manager.is_blocked(ep.name):
                continue
            self._load(ep)

    def load_entry_point(self, name: str) -> None:
        """Register the installed plugin whose entry point (group ``klusterplan``) is ``name``.

        It is loaded exactly as at start-up: imported through its entry point,
        registered under the entry point's name with its distribution as the
        source, and a failure to load is recorded in :attr:`failures`. Raises
        :class:`LookupError` listing the installed entry points when none is
        called ``name``.
        """
        found = [ep for ep in entry_points(ENTRY_POINT_GROUP) if ep.name == name]
        if not found:
            installed = sorted(ep.name for ep in entry_points(ENTRY_POINT_GROUP))
            raise LookupError(
                f"no installed distribution has an entry point {name!r} in the group "
                f"{ENTRY_POINT_GROUP!r}; installed: {', '.join(installed) or 'none'} "
                "(is the plugin installed, e.g. with pip install -e .?)"
            )
        self._load(found[0])

    def _load(self, ep: EntryPoint) -> None:
        dist = ep.dist
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not stop the others
            self._fail(ep.name, text("plugin_load", dist=dist, error=_raised(exc)))
            return
        self._register(plugin, ep.name, dist, ("entry_point", ep.name))

    def _fail(
        self, plugin: str, message: Text, *, fatal: bool = False, reserved: bool = False
    ) -> None:
        failure = PluginFailure(plugin, message, fatal, reserved)
        if failure not in self._failures:
            self._failures.append(failure)

    def record(self, failure: PluginFailure) -> None:
        """Add a failure met elsewhere: in a worker process that ran these plugins."""
        if failure not in self._failures:
            self._failures.append(failure)

    def _forget(self) -> None:
        self.__dict__.pop("_exporters", None)
        self.__dict__.pop("_rules", None)

    @property
    def failures(self) -> list[PluginFailure]:
        """Every plugin that could not be loaded or used, and why.

        Reading it validates what the plugins register (rule codes, formats),
        so every problem is here, not only those met so far.
        """
        _ = self._exporters, self._rules
        return self._failures

    def plugins(self) -> list[PluginInfo]:
        """Every registered plugin, in registration order."""
        return list(self._infos.values())

    def hooks(self, name: str) -> list[str]:
        """The hooks the plugin ``name`` implements, by name, sorted."""
        plugin = self.manager.get_plugin(name)
        if plugin is None:
            return []
        return sorted(caller.name for caller in self.manager.get_hookcallers(plugin) or ())

    def branding_order(self) -> list[str]:
        """The plugins with a ``branding`` hook, in the order they are asked.

        The first that returns a :class:`Branding` for a plan gives its look.
        """
        # pluggy calls the implementations last registered first, tryfirst before them
        return [impl.plugin_name for impl in reversed(self.manager.hook.branding.get_hookimpls())]

    def branding_plugin(self, plan: Plan, format: str) -> str | None:
        """The plugin whose branding ``plan`` gets in ``format``; ``None`` for the default."""
        self.branding(plan, format)
        chosen = self._branding_plugin
        return None if chosen == "branding" else chosen

    # -- calling hooks ------------------------------------------------------

    def _call(self, hook: str, **kwargs: Any) -> Any:
        """Call ``hook`` through pluggy; a wrapper that raises takes its plugin out."""
        caller = getattr(self.manager.hook, hook)
        while True:
            try:
                return caller(**kwargs)
            except (KeyboardInterrupt, Stopped):
                raise
            except BaseException as exc:
                culprit = _culprit(caller.get_hookimpls(), exc.__traceback__)
                if culprit is None:
                    raise
                self._fail(culprit, text("plugin_raised_out", hook=hook, error=_raised(exc)))
                self.manager.unregister(name=culprit)
                self._infos.pop(culprit, None)
                self._forget()

    def _collect(self, hook: str) -> list[tuple[Any, str]]:
        """Every item a ``register_*`` hook returned, with the plugin that returned it.

        Items come in registration order, so built-ins keep their names when a
        plugin collides with them.
        """
        self._returned.clear()
        results = self._call(hook)
        # a wrapper may return new containers: its items keep the owner that returned them
        returned: dict[int, str] = {}
        for owned in self._returned:
            for item in owned:
                returned.setdefault(id(item), owned.plugin)
        self._returned.clear()
        order = {name: i for i, name in enumerate(self._infos)}
        wrappers = [
            i.plugin_name
            for i in getattr(self.manager.hook, hook).get_hookimpls()
            if i.wrapper or i.hookwrapper
        ]
        fallback = wrappers[0] if wrappers else "?"
        items: list[tuple[Any, str]] = []
        for result in results:
            owner = getattr(result, "plugin", None)
            if isinstance(result, str | bytes) or not hasattr(result, "__iter__"):
                result = (result,)
            items.extend((item, owner or returned.get(id(item), fallback)) for item in result)
        items.sort(key=lambda pair: order.get(pair[1], len(order)))
        return items

    def branding(self, plan: Plan, format: str) -> Branding:
        """The look the first plugin returned for ``plan`` in ``format``, or the default.

        What a plugin returned is checked first: a colour that is not
        ``#RRGGBB`` falls back to the default colour and a logo that is not a
        PNG or JPEG picture is left out, each reported as that plugin's failure.
        """
        self._branding_plugin = "branding"
        chosen = self._call("branding", plan=plan, format=format)
        if chosen is None:
            return Branding()
        if not isinstance(chosen, Branding):
            returned = text(
                "plugin_returned",
                hook=message_text("plugins_hook_branding"),
                value=f"{chosen!r:.80}",
                kind=message_text("plugins_branding"),
            )
            self._fail(self._branding_plugin, returned)
            return Branding()
        checked, problems = check_branding(chosen)
        for problem in problems:
            self._fail(self._branding_plugin, text("plugin_branding", problem=problem))
        return checked

    # -- exporters ----------------------------------------------------------

    @functools.cached_property
    def _exporters(self) -> dict[str, tuple[Exporter, str]]:
        found: dict[str, tuple[Exporter, str]] = {}
        for exporter, plugin in self._collect("register_exporters"):
            if not isinstance(exporter, Exporter):
                returned = text(
                    "plugin_returned",
                    hook="register_exporters",
                    value=repr(exporter),
                    kind=message_text("plugins_exporter"),
                )
                self._fail(plugin, returned)
            elif exporter.name in found:
                other = found[exporter.name][1]
                self._fail(
                    plugin, text("plugin_format_taken", name=repr(exporter.name), other=repr(other))
                )
            else:
                found[exporter.name] = (exporter, plugin)
        return found

    def exporters(self) -> dict[str, Exporter]:
        """Every registered exporter, by format name."""
        return {name: exporter for name, (exporter, _) in self._exporters.items()}

    def exporter_plugin(self, name: str) -> str:
        """The name of the plugin that registered the format ``name``."""
        return self._exporters[self.format_name(name)][1]

    def format_name(self, name: str) -> str:
        """The registered format ``name`` means: in any case, or by a common other name.

        ``Word``, ``WORD`` and ``word`` are ``docx``, ``md`` is ``markdown``; raises
        :class:`PlanError` listing the known formats, with the nearest, for a name
        that matches none.
        """
        if name in self._exporters:
            return name
        key = name.strip().lower()
        by_case = {registered.lower(): registered for registered in self._exporters}
        if key in by_case:
            return by_case[key]
        alias = FORMAT_ALIASES.get(key)
        if alias is not None and alias in self._exporters:
            return alias
        known = sorted(self._exporters)
        from difflib import get_close_matches

        from ._catalogue.messages import text

        close = get_close_matches(key, [*known, *FORMAT_ALIASES], n=1)
        hint: str = ""
        if close:
            meant = FORMAT_ALIASES.get(close[0], close[0])
            if meant in self._exporters:
                hint = text("did_you_mean", value=repr(meant))
        message = text("unknown_format", name=repr(name), hint=hint, known=", ".join(known))
        raise PlanError([Problem("", message)])

    def exporter(self, name: str) -> Exporter:
        """The exporter for format ``name`` (see :meth:`format_name`), or :class:`PlanError`."""
        return self._exporters[self.format_name(name)][0]

    # -- rules --------------------------------------------------------------

    @functools.cached_property
    def _rules(self) -> dict[str, tuple[Rule, str]]:
        found: dict[str, tuple[Rule, str]] = {}
        # A code prefix belongs to the first plugin that registers a rule with it,
        # so two plugins cannot silently report under each other's codes.
        owners: dict[str, str] = {}
        for rule, plugin in self._collect("register_rules"):
            if not isinstance(rule, Rule):
                returned = text(
                    "plugin_returned",
                    hook="register_rules",
                    value=repr(rule),
                    kind=message_text("plugins_rule"),
                )
                self._fail(plugin, returned)
                continue
            problem = rule_problem(rule)
            if problem is not None:
                self._fail(plugin, text("plugin_rule_left_out", problem=problem))
                continue
            prefix = code_prefix(rule.code)
            if prefix == BUILTIN_PREFIX and not _is_builtin(plugin):
                self._fail(
                    plugin,
                    text(
                        "plugin_own_prefix",
                        code=rule.code,
                        prefix=BUILTIN_PREFIX,
                        plugin=repr(plugin),
                    ),
                    fatal=True,
                    reserved=True,
                )
                continue
            owner = owners.setdefault(prefix, plugin)
            if rule.code in found:
                other = found[rule.code][1]
                self._fail(
                    plugin,
                    text(
                        "plugin_code_twice", code=rule.code, other=repr(other), plugin=repr(plugin)
                    ),
                    fatal=True,
                )
            elif owner != plugin:
                self._fail(
                    plugin,
                    text(
                        "plugin_prefix_twice",
                        code=rule.code,
                        prefix=prefix,
                        owner=repr(owner),
                        plugin=repr(plugin),
                    ),
                    fatal=True,
                )
            else:
                found[rule.code] = (rule, plugin)
        return found

    def rules(self) -> dict[str, tuple[Rule, str]]:
        """Every registered rule by code, with the name of the plugin that registered it."""
        return dict(self._rules)


def _raised(exc: BaseException) -> str:
    """A plugin's exception as it said it: ``TypeError: what it says``."""
    return f"{type(exc).__name__}: {exc}"


def _culprit(impls: Sequence[pluggy.HookImpl], tb: TracebackType | None) -> str | None:
    """The plugin whose hook implementation raised, found in the traceback."""
    codes = {}
    for impl in impls:
        function = getattr(impl.function, "__wrapped__", impl.function)
        code = getattr(function, "__code__", None)
        if code is not None:
            codes[code] = impl.plugin_name
    culprit = None
    while tb is not None:
        culprit = codes.get(tb.tb_frame.f_code, culprit)
        tb = tb.tb_next
    return culprit


def warn_failures(registry: Registry) -> None:
    """Give each failure not yet reported as a :class:`PluginWarning`.

    The Python API calls this, so a broken plugin is never dropped silently;
    the command prints the failures itself and ignores the warnings.
    """
    failures = registry.failures
    for failure in failures[registry._warned :]:
        warnings.warn(str(failure), PluginWarning, stacklevel=3)
    registry._warned = len(failures)


@functools.cache
def get_registry() -> Registry:
    """The process-wide registry: built-in plugins and, unless disabled, installed ones."""
    return Registry()
