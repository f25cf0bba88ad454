"""``klusterplan check``: run the rule checks on plans."""

from __future__ import annotations

import sys

import click

from ..check import Severity, check
from ._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, load_all, registry

__all__ = ["COMMANDS"]


@click.command(name="check")
@click.argument("plans", nargs=-1, type=click.Path(dir_okay=False), required=True)
def check_command(plans: tuple[str, ...]) -> None:
    """Load each PLAN and run the rule checks on it.

    Problems that stop a plan from loading exit with 2; findings of
    severity error exit with 1.
    """
    plugins = registry()
    loaded, failed = load_all(plans, False)
    worst = 0
    for source, plan in loaded:
        findings = check(plan, registry=plugins)
        for f in findings:
            click.echo(f"{source}: {f.code} {f.severity.value} {f.path}: {f.message}")
            worst = max(worst, f.severity.rank)
        if not findings:
            click.echo(f"{source}: no findings")
    if failed:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if worst >= Severity.ERROR.rank else EXIT_OK)


COMMANDS = [check_command]
