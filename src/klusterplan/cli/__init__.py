"""The ``klusterplan`` command.

Exit codes: 0 all is well, 1 a plan has errors, 2 bad input or usage. A
user's mistake is reported as a message naming the file and the key's path,
never as a traceback. Each command lives in a module of its own here.
"""

from __future__ import annotations

import warnings

import click

from ..plugins import PluginWarning

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    from . import check, export, importer, info, new, rules, status, summary, workbook

    for module in (new, export, check, rules, info, workbook, importer, summary, status):
        for command in module.COMMANDS:
            main.add_command(command)


_add_commands()
