"""Settings for the rule checks, read from ``klusterplan.toml`` or ``pyproject.toml``.

The search starts in the plan's folder and goes upwards; the first folder that
has a ``klusterplan.toml``, or a ``pyproject.toml`` with a ``[tool.klusterplan]``
table, wins (``klusterplan.toml`` first, as ruff does with ``ruff.toml``). In
``klusterplan.toml`` the keys stand at the top level; in ``pyproject.toml`` they
sit under ``[tool.klusterplan]``::

    [tool.klusterplan]
    select = ["KP"]
    extend-select = ["KAL"]
    ignore = ["KP204"]
    fail-on = "warning"

    [tool.klusterplan.severity]
    KP105 = "error"

    [tool.klusterplan.plugins.kalmar]
    staff = ["bibliotekschef", "utvecklingsledare"]
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._catalogue.messages import os_reason, text
from ._catalogue.text import Text, in_language
from ._extension.rule import Severity
from ._support.record import Record

if TYPE_CHECKING:
    from .model import Language

__all__ = ["CONFIG_FILES", "ConfigError", "Settings", "find_config", "load_settings"]

#: The files searched in each folder, in order.
CONFIG_FILES = ("klusterplan.toml", "pyproject.toml")

_KEYS = ("select", "extend-select", "ignore", "fail-on", "severity", "plugins")


class ConfigError(ValueError):
    """A settings file cannot be used; the message names the file and the key.

    The message is in English (``str(error)``) and in Swedish: :meth:`render`
    gives it in the reader's language, as ``klusterplan check`` prints it.
    """

    def __init__(self, message: str) -> None:
        self.text = message if isinstance(message, Text) else Text(message)
        """The message in English and Swedish."""
        super().__init__(str(self.text))

    def render(self, language: Language | str | None = None) -> str:
        """The message in ``language`` (``sv`` or ``en``; English by default)."""
        return in_language(self.text, language)


@attrs.frozen(repr=False, eq=False)
class Settings(Record):
    """What the user chose for the rule checks."""

    select: tuple[str, ...] = ()
    """Codes or prefixes to run; empty for every rule."""
    extend_select: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """Codes or prefixes to run beside those of ``select`` (or beside every rule's
    default selection), as ruff's ``extend-select``."""
    ignore: tuple[str, ...] = ()
    """Codes or prefixes to leave out."""
    fail_on: Severity = Severity.ERROR
    """The least severity that makes ``klusterplan check`` exit with 1."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    """Severity overrides by code or prefix."""
    plugins: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    """Each plugin's own settings, by plugin name."""
    source: Path | None = None
    """The file these settings came from, if any."""


def _table(path: Path) -> dict[str, Any] | None:
    import tomllib

    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        from ._planfile.syntax import toml_problem

        problem = toml_problem(exc, source)
        if problem is None:
            raise ConfigError(text("config_toml", path=path, detail=exc)) from None
        raise ConfigError(
            text("config_toml_at", path=path, line=problem.line, what=problem.message)
            + "\n"
            + problem.excerpt
        ) from None
    except RecursionError:
        raise ConfigError(text("config_deep", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise ConfigError(text("cannot_read", path=path, reason=reason)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("klusterplan") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(text("config_not_table", path=path))
        return table
    return data


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The settings file that applies to a plan in folder ``start``, or ``None``."""
    folder = Path(start).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _table(path) is not None):
                return path
    return None


def _codes(path: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(text("config_codes", path=path, key=key))
    return tuple(v.strip().upper() for v in value if v.strip())


def parse_severity(value: object, where: str) -> Severity:
    """Read ``error``, ``warning`` or ``info``; ``where`` names the setting in the message."""
    try:
        return Severity(str(value).lower())
    except ValueError:
        choices = ", ".join(s.value for s in Severity)
        raise ConfigError(
            text("config_severity", where=where, value=repr(value), choices=choices)
        ) from None


def settings_from_table(table: Mapping[str, Any], path: Path) -> Settings:
    """Build :class:`Settings` from a settings table read from ``path``."""
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        key = unknown[0]
        spelt = key.replace("_", "-")
        if spelt in _KEYS:
            twice = "config_hyphen_twice" if spelt in table else "config_hyphen"
            raise ConfigError(text(twice, path=path, key=repr(key), spelt=repr(spelt)))
        from difflib import get_close_matches

        close = get_close_matches(key, _KEYS, n=1)
        hint = text("did_you_mean", value=repr(close[0])) if close else ""
        raise ConfigError(
            text("config_unknown", path=path, key=repr(key), hint=hint, known=", ".join(_KEYS))
        )
    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(text("config_severity_table", path=path))
    for code, value in raw_severity.items():
        severity[code.upper()] = parse_severity(value, f"{path}: severity.{code}")
    plugins = table.get("plugins", {})
    if not isinstance(plugins, dict) or not all(isinstance(v, dict) for v in plugins.values()):
        raise ConfigError(text("config_plugins", path=path))
    fail_on = table.get("fail-on", "error")
    return Settings(
        select=_codes(path, "select", table.get("select", [])),
        extend_select=_codes(path, "extend-select", table.get("extend-select", [])),
        ignore=_codes(path, "ignore", table.get("ignore", [])),
        fail_on=parse_severity(fail_on, f"{path}: fail-on"),
        severity=severity,
        plugins=plugins,
        source=path,
    )


def _not_a_file(path: Path) -> str:
    """The message key for a settings path that is not a regular file: what it is instead."""
    if path.is_dir():
        return "config_folder"
    return "config_not_regular" if path.exists() else "config_missing"


def load_settings(
    plan_path: str | os.PathLike[str] | None = None, *, config: str | os.PathLike[str] | None = None
) -> Settings:
    """The settings for a plan: from ``config`` if given, else found from the plan's folder.

    Without a plan path the search starts in the current folder. Returns the
    defaults when no file is found; raises :class:`ConfigError` for a file that
    cannot be used.
    """
    path: Path | None
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(text(_not_a_file(path), path=config))
    else:
        start = Path(plan_path).parent if plan_path is not None else Path.cwd()
        path = find_config(start)
    if path is None:
        return Settings()
    table = _table(path)
    if table is None:
        raise ConfigError(text("config_no_table", path=path))
    return settings_from_table(table, path)
