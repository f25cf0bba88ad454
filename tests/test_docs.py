"""Every example in the documentation and the README runs, and shows what really happens.

Each page runs in a fresh, empty folder: an example that needs a plan makes
it first (``klusterplan new plan.yaml --example``). Blocks run top to bottom:

- ``python`` blocks run in one namespace a page;
- ``pycon`` blocks are doctests in that namespace: what they show must be
  exactly what the code prints;
- ``console`` blocks run each ``$ klusterplan ...`` line through the command
  (``#`` starts a comment, patterns are expanded as a shell would). The lines
  under a command are its output, compared line by line with the real output
  (standard output and error as a terminal shows them); a line ``...`` stands
  for any number of lines, and ``...`` within a line for what varies from run
  to run (a time). A command shown without output must not fail with
  exit code 2;
- ``yaml``, ``toml`` and ``json`` blocks must parse; a YAML mapping is read as
  (part of) a plan and a TOML ``[tool.klusterplan]`` table as settings;
- ``sh`` blocks hold set-up commands (venv, pip, benchmarks) that take too long
  for a test; the ``klusterplan`` commands in them run;
- ``py`` blocks are modules of a package shown on their own (with relative
  imports): they are compiled, not run;
- ``text`` blocks are pictures and recorded figures, never a klusterplan command.
"""

from __future__ import annotations

import doctest
import glob
import json
import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import klusterplan
from klusterplan.cli import main
from klusterplan.config import settings_from_table
from klusterplan.plugins import DISABLE_AUTOLOAD_ENV

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# docs/reference is written from the docstrings, whose examples run as the modules' doctests
PAGES = [
    *sorted(p for p in DOCS.glob("**/*.md") if not {"_ext", "reference"} & set(p.parts)),
    ROOT / "README.md",
]
#: The pages that show what the example plugins (plugins/kalmar, plugins/calendar) add; the
#: others show what a fresh install prints, so they run without the installed plugins.
WITH_PLUGINS = {"plugins.md", "word.md"}
LANGUAGES = {"python", "pycon", "console", "yaml", "toml", "json", "sh", "py", "text"}


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _blocks(page: Path) -> list[tuple[str, str, int]]:
    text = page.read_text(encoding="utf-8")
    return [
        (m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(text)
    ]


def _argv(line: str) -> list[str]:
    words = shlex.split(line, comments=True)
    out: list[str] = []
    for word in words:
        if any(c in word for c in "*?[") and not word.startswith("-"):
            out.extend(sorted(glob.glob(word)) or [word])
        else:
            out.append(word)
    return out


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, a ``...`` line standing for any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and _line_matches(head, actual[0]) and _matches(rest, actual[1:])


def _line_matches(shown: str, real: str) -> bool:
    """Equal lines; ``...`` inside a shown line stands for what varies (a time, a path)."""
    if "..." not in shown:
        return shown == real
    pattern = ".*".join(re.escape(part) for part in shown.split("..."))
    return re.fullmatch(pattern, real) is not None


def _console(block: str, where: str) -> None:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line.rstrip())
        else:
            raise AssertionError(f"{where}: output before any command: {line!r}")
    for command, shown in steps:
        argv = _argv(command)
        assert argv[0] == "klusterplan", f"{where}: only klusterplan commands run: {command}"
        # named as a shell runs it, so that usage lines read as the page shows them
        result = CliRunner().invoke(main, argv[1:], catch_exceptions=False, prog_name="klusterplan")
        while shown and not shown[-1]:
            shown.pop()
        actual = [line.rstrip() for line in result.output.splitlines()]
        if not shown:
            assert result.exit_code != 2, f"{where}: $ {command}\n{result.output}"
            continue
        assert _matches(shown, actual), (
            f"{where}: $ {command}\nshown:\n" + "\n".join(shown) + "\nreal:\n" + result.output
        )


def _sh(block: str, where: str) -> None:
    for line in block.splitlines():
        for part in line.split("&&"):
            words = shlex.split(part, comments=True)
            if words and words[0].endswith("klusterplan"):
                result = CliRunner().invoke(main, words[1:], catch_exceptions=False)
                assert result.exit_code == 0, f"{where}: {part}\n{result.output}"


def _yaml(block: str, where: str) -> None:
    data = yaml.safe_load(block)
    if isinstance(data, dict):
        text = block if "schema_version" in data else f"schema_version: 1\n{block}"
        klusterplan.loads(text, source=where)


def _toml(block: str, where: str) -> None:
    data = tomllib.loads(block)
    table = data.get("tool", {}).get("klusterplan")
    if table is not None:
        settings_from_table(table, Path(where))


@pytest.mark.parametrize("page", PAGES, ids=[_id(p) for p in PAGES])
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # a plan-less command's language, as documented
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    if page.name not in WITH_PLUGINS:
        # a page shows what a fresh install prints; the pages about plugins show theirs
        monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for language, code, line in _blocks(page):
        where = f"{_id(page)}:{line}"
        assert language in LANGUAGES, f"{where}: a block without a known language: {language!r}"
        if language == "python":
            exec(compile(code, where, "exec"), namespace)
        elif language == "pycon":
            test = doctest.DocTestParser().get_doctest(code, namespace, where, where, line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # a doctest runs in a copy of the namespace
            assert not runner.failures, f"{where}: the shown output differs (see above)"
        elif language == "console":
            _console(code, where)
        elif language == "sh":
            _sh(code, where)
        elif language == "yaml":
            _yaml(code, where)
        elif language == "toml":
            _toml(code, where)
        elif language == "json":
            json.loads(code)
        elif language == "py":
            compile(code, where, "exec")
        else:
            assert not re.search(r"^\$? ?klusterplan [a-z-]+(\s|$)", code, re.MULTILINE), (
                f"{where}: a klusterplan command in a text block; make it a console block"
            )


def test_pages_have_examples() -> None:
    without = [
        p.name
        for p in PAGES
        if p.name not in {"index.md", "changelog.md"}
        and not any(lang in {"python", "pycon", "console"} for lang, _, _ in _blocks(p))
    ]
    assert not without, f"pages without a runnable example: {without}"


def test_output_lines_are_compared_strictly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _console("$ klusterplan new plan.yaml\nwrote plan.yaml\n", "here")
    with pytest.raises(AssertionError, match="shown"):
        _console("$ klusterplan new other.yaml\nwrote another.yaml\n", "here")
    with pytest.raises(AssertionError):
        _console("$ klusterplan check missing.yaml\n", "here")  # exit 2 and nothing shown
    assert _matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert not _matches(["a", "d"], ["a", "b", "d"])
    assert os.path.exists("plan.yaml")
