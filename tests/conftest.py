"""Shared fixtures: the example plan, a clean plugin registry and the command."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import klusterplan
from klusterplan.cli import main
from klusterplan.plugins import DISABLE_AUTOLOAD_ENV, get_registry


@pytest.fixture
def example() -> klusterplan.Plan:
    return klusterplan.example()


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test sees the plugins installed now, not those a previous test cached."""
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    get_registry.cache_clear()
    yield
    get_registry.cache_clear()


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the ``klusterplan`` command in a temporary folder."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke
