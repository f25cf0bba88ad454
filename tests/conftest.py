"""Shared fixtures: the example plan, a clean plugin registry and the command."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import klusterplan
from klusterplan.cli import main
from klusterplan.plugins import DISABLE_AUTOLOAD_ENV, get_registry

#: The example cluster: five libraries' plans.
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "cluster"


@pytest.fixture
def cluster(tmp_path: Path) -> Path:
    """A copy of the example cluster's plans, to change and summarise."""
    folder = tmp_path / "kluster"
    shutil.copytree(EXAMPLES, folder)
    return folder


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
    """Run the ``klusterplan`` command in a temporary folder, on an English system.

    A command without a plan speaks the system's language; the locale is set
    so that what it says does not depend on the machine the tests run on.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


Install = Callable[[str, dict[str, str], str], Path]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install plugin modules with entry points, as pip would: ``install(dist, modules, entry)``.

    ``modules`` maps module names to their source; ``entry`` is the body of the
    ``[klusterplan]`` entry-point group (``name = module`` lines).
    """
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    added: list[str] = []

    def install(name: str, modules: dict[str, str], entry: str) -> Path:
        for module, source in modules.items():
            (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            added.append(module)
        # the folder's name is the distribution's with underscores, as installers write it
        info = site / f"{name.replace('-', '_')}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[klusterplan]\n{entry}\n", encoding="utf-8")
        get_registry.cache_clear()
        return site

    yield install
    for module in added:
        sys.modules.pop(module, None)


#: Tests that take ten seconds or more on two shared cores, by file and name (any parameters):
#: the everyday run leaves them out with ``-m "not slow"``; the whole suite runs them.
SLOW = {
    ("test_corpus.py", "test_an_alias_bomb_costs_little_memory"),
    ("test_corpus.py", "test_check_says_what_is_wrong[alias-bomb.yaml]"),
    ("test_corpus.py", "test_export_writes_all_or_nothing[alias-bomb.yaml]"),
    ("test_docs_site.py", "*"),  # builds the documentation site
    ("test_quality.py", "test_tool_is_clean"),  # ruff, mypy and mkdocs over the whole project
    ("test_quick_looks.py", "test_the_quick_look_finds_what_the_walk_finds"),
    ("test_hostile_property.py", "*"),
    ("test_word_roundtrip_property.py", "*"),
    ("test_batch.py", "test_ctrl_c_exits_130_without_a_traceback_or_a_half_written_file"),
    ("test_contain.py", "test_a_broken_pool_never_shows_a_workers_traceback"),
    ("test_word_import.py", "test_the_filled_workbook_comes_back_after_libreoffice"),
    ("test_word_import.py", "test_the_example_plan_comes_back_after_libreoffice"),
    ("test_pdfua.py", "test_large_print_never_under_16_points"),
    ("test_pdfua.py", "test_hostile_text_prints_as_typed"),
    (
        "test_pdf_lines.py",
        "test_labelled_and_contents_lines_break_exactly_as_reportlab_breaks_them",
    ),
    ("test_pdf_lines.py", "test_plain_lines_break_exactly_as_reportlab_breaks_them"),
    ("test_pdf.py", "test_very_long_name_flows_in_headings_chart_and_tables"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        name = item.name.split("[", 1)[0]
        for file, test in SLOW:
            if item.path.name == file and test in ("*", name, item.name):
                item.add_marker(pytest.mark.slow)
