"""The ``klusterplan`` command.

Exit codes: 0 all is well, 1 a plan has errors, 2 bad input or usage. A
user's mistake is reported as a message naming the file and the key's path,
never as a traceback. Each command lives in a module of its own here.
"""

from __future__ import annotations

import sys
import warnings
from importlib import import_module
from typing import Any

import click

from . import _language, _startup

__all__ = ["ALIASES", "COMMANDS", "EXIT_INTERRUPTED", "main"]


#: The exit code of a run stopped with Ctrl-C, as shells report a SIGINT.
EXIT_INTERRUPTED = 130


class _Command(click.Group):
    """The command group, with Ctrl-C ending in exit code 130 and one line, no traceback.

    Its commands are loaded when they run (see :data:`COMMANDS`).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return _language.localise(self.commands[name])
        if name not in COMMANDS:
            return None
        module = import_module(f"{__name__}.{COMMANDS[name][0]}")
        for command in module.COMMANDS:
            self.add_command(command)
        found = self.commands.get(name)
        return None if found is None else _language.localise(found)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # the lines are known without importing every command's module
        rows = [
            (name, _language.short_help(name, COMMANDS[name][1]))
            for name in sorted(COMMANDS)
            if name not in ALIASES
        ]
        rows += [
            (n, c.get_short_help_str())
            for n, c in sorted(self.commands.items())
            if n not in COMMANDS
        ]
        with formatter.section(_language.translated("Commands")):
            formatter.write_dl(rows)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.get("standalone_mode", True)
        _startup.pause()
        given = kwargs.get("args", args[0] if args else None)
        _language.speak_for(sys.argv[1:] if given is None else list(given))
        _language.localise(self)
        try:
            result = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort as exc:
            if not standalone:
                raise
            interrupted = isinstance(exc.__context__, KeyboardInterrupt)
            _say_stopped("interrupted" if interrupted else "aborted")
            sys.exit(EXIT_INTERRUPTED if interrupted else 1)
        except KeyboardInterrupt:
            if not standalone:
                raise
            _say_stopped("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as exc:
            if not standalone:
                raise
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            if not standalone:
                raise
            sys.exit(exc.exit_code)
        finally:
            _startup.resume()
            _language.restore()
        if not standalone:
            return result
        # click without standalone mode returns the code of an exit (--help, --version)
        sys.exit(result if isinstance(result, int) else 0)


def _say_stopped(key: str) -> None:
    """Say, in the language the command speaks, that it was stopped."""
    from .._catalogue.messages import message
    from ._common import spoken

    lead = "\n" if key == "interrupted" else ""
    click.echo(lead + message(key, spoken()), err=True)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: what click's ``version_option`` prints, from the installed metadata.

    click's own option asks :mod:`gettext` for its wording while the module
    loads, and gettext's search for a translation imports :mod:`locale` and
    looks for files, which every command would pay; the help is put in the
    run's language from its English, as click's own.
    """
    if not value or ctx.resilient_parsing:
        return
    from .. import __version__

    click.echo(f"klusterplan, version {__version__}", color=ctx.color)
    ctx.exit()


@click.group(
    cls=_Command,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Plan a public library's local communication work.

    A plan is a YAML, JSON or TOML file that follows the workbook "Vårt
    biblioteks lokala målgrupper". Start one with `klusterplan new`, check
    it with `klusterplan check` and export it with `klusterplan export`.
    """
    from ..plugins import PluginWarning

    # the command prints plugin failures itself, with its other messages
    warnings.filterwarnings("ignore", category=PluginWarning)


#: Each command, the module it lives in and the line ``--help`` shows for it. A
#: command's module is imported only when that command runs, so that a quick
#: command does not pay for the others (Word, PDF, the cluster summary).
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("new", "Start a new plan file: a commented starter plan, or the example."),
    "export": (
        "export",
        "Export each PLAN in each format; the output name comes from the plan's file name.",
    ),
    "check": ("check", "Load each PLAN and run the rule checks on it."),
    "rule": ("rules", "Explain the rule CODE, or list every rule (code, name, severity, plugin)."),
    "rules": ("rules", "Explain the rule CODE, or list every rule (code, name, severity, plugin)."),
    "plugins": (
        "info",
        "List every plugin with its hooks, exporters and rules, and where each comes from.",
    ),
    "schema": (
        "info",
        "Print the JSON Schema of the plan format, for editors that validate as you type.",
    ),
    "workbook": ("workbook", 'Write the workshop workbook "Vårt biblioteks lokala målgrupper".'),
    "import": (
        "importer",
        "Read DOCUMENT, a Word file klusterplan wrote, filled in or edited, back into a plan.",
    ),
    "summary": ("summary", "Summarise the plans of a cluster's libraries in one report."),
    "status": ("status", "Print what is late and what is due in each PLAN, for a team meeting."),
}
#: Other names of a command, kept working but left out of ``--help``.
ALIASES = frozenset({"rules"})
