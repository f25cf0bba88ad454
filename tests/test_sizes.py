"""Small pieces: no module over 800 lines, no function over 80 without a reason.

A function (counted from its ``def``) may run longer when a ``# long:`` comment
on its ``def`` line, or on the line above it or above its decorators, says why
(one literal table, one style sheet).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

MODULE_LINES = 800
FUNCTION_LINES = 80


def _long_functions(text: str) -> list[tuple[str, int]]:
    """(name, lines) of each function in ``text`` over the limit without a reason."""
    lines = text.splitlines()
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        # counted from ``def``: a command's click options stand above it
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length <= FUNCTION_LINES:
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        near = [lines[node.lineno - 1], *lines[max(first - 2, 0) : first - 1]]
        if node.lineno >= 2:
            near.append(lines[node.lineno - 2])
        if not any("# long:" in line for line in near):
            found.append((node.name, length))
    return found


def test_no_module_is_over_800_lines() -> None:
    over = {
        str(path.relative_to(SRC)): n
        for path in sorted(SRC.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert over == {}


def test_no_function_is_over_80_lines_without_a_reason() -> None:
    over = {
        f"{path.relative_to(SRC)}:{name}": n
        for path in sorted(SRC.rglob("*.py"))
        for name, n in _long_functions(path.read_text(encoding="utf-8"))
    }
    assert over == {}


def test_a_long_function_is_seen_and_a_reason_is_heard() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES))
    assert _long_functions(f"def f():\n{body}") == [("f", FUNCTION_LINES + 1)]
    assert _long_functions(f"# long: one table\ndef f():\n{body}") == []
    assert _long_functions(f"def f():  # long: one table\n{body}") == []
    assert _long_functions(f"def f():\n{body[: -len('    x79 = 79') - 1]}") == []
    assert _long_functions(f"# long: one table\n@decorated\ndef f():\n{body}") == []
    assert _long_functions(f"@decorated\n@decorated\ndef f():\n{body}") == [("f", 81)]
