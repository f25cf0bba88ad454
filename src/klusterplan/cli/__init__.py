"""The ``klusterplan`` command.

Exit codes: 0 all is well, 1 a plan has errors, 2 bad input or usage. A
user's mistake is reported as a message naming the file and the key's path,
never as a traceback. Each command lives in a module of its own here.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

import click

from ..plugins import PluginWarning

__all__ = ["EXIT_INTERRUPTED", "main"]


#: The exit code of a run stopped with Ctrl-C, as shells report a SIGINT.
EXIT_INTERRUPTED = 130


class _Command(click.Group):
    """The command group, with Ctrl-C ending in exit code 130 and one line, no traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.get("standalone_mode", True)
        try:
            result = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort as exc:
            if not standalone:
                raise
            interrupted = isinstance(exc.__context__, KeyboardInterrupt)
            click.echo("\nklusterplan: interrupted" if interrupted else "Aborted!", err=True)
            sys.exit(EXIT_INTERRUPTED if interrupted else 1)
        except KeyboardInterrupt:
            if not standalone:
                raise
            click.echo("\nklusterplan: interrupted", err=True)
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
        if not standalone:
            return result
        # click without standalone mode returns the code of an exit (--help, --version)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(
    cls=_Command,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="klusterplan", prog_name="klusterplan")
def main() -> None:
    """Plan a public library's local communication work.

    A plan is a YAML, JSON or TOML file that follows the workbook "Vårt
    biblioteks lokala målgrupper". Start one with `klusterplan new`, check
    it with `klusterplan check` and export it with `klusterplan export`.
    """
    # the command prints plugin failures itself, with its other messages
    warnings.filterwarnings("ignore", category=PluginWarning)


def _add_commands() -> None:
    from . import check, export, info, new, rules, status, summary, workbook

    for module in (new, export, check, rules, info, workbook, summary, status):
        for command in module.COMMANDS:
            main.add_command(command)


_add_commands()
