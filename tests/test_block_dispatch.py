"""Every renderer handles every block type, and a new block type cannot be forgotten.

The type check is the guarantee: :data:`klusterplan.document.Block` is the
union of the block types, and every renderer dispatches on it with ``match``
ending in ``assert_never``, so ``mypy --strict`` fails in each renderer that
does not handle a block type added to the union. These tests hold the two
halves of that together: each block class of :mod:`klusterplan.document` is in
the union, and each renderer's dispatch is a ``match`` that names every member
and ends in ``assert_never``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
import typing
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from klusterplan import document

#: The attrs classes of the document that are parts of blocks or hold them.
NOT_BLOCKS = {"Mark", "Rows", "Field", "Section", "Document"}

#: Each renderer, by the modules it is written in, and the document's own walks.
RENDERERS = {
    "markdown": ("klusterplan.exporters._markdown",),
    "html": ("klusterplan.exporters._html",),
    "docx": ("klusterplan._word.body",),
    "pdf": ("klusterplan.exporters._pdf_",),
    "pdfua": ("klusterplan.exporters._pdfua",),
    "document": ("klusterplan.document",),
}

SRC = Path(document.__file__).parent


def _union() -> set[type]:
    return set(typing.get_args(document.Block))


def test_every_block_class_is_in_the_block_union() -> None:
    classes = {
        name
        for name, value in vars(document).items()
        if inspect.isclass(value) and attrs.has(value) and value.__module__ == document.__name__
    }
    assert {c.__name__ for c in _union()} == classes - NOT_BLOCKS
    assert set(document.__all__) >= classes


def _modules(prefixes: tuple[str, ...]) -> list[str]:
    names = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts)
        if any(name.startswith(p) for p in prefixes):
            names.append(name)
    return names


def _is_assert_never(case: ast.match_case) -> bool:
    if not (isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None):
        return False
    first = case.body[0]
    return (
        case.guard is None
        and isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Call)
        and isinstance(first.value.func, ast.Name)
        and first.value.func.id == "assert_never"
    )


def _dispatches(module_name: str) -> list[tuple[ModuleType, ast.Match]]:
    """The matches in ``module_name`` that end in ``assert_never``, with the module."""
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    return [
        (module, node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Match) and node.cases and _is_assert_never(node.cases[-1])
    ]


def _names(pattern: ast.pattern) -> list[str]:
    if isinstance(pattern, ast.MatchClass):
        assert isinstance(pattern.cls, ast.Name)
        return [pattern.cls.id]
    if isinstance(pattern, ast.MatchOr):
        return [name for p in pattern.patterns for name in _names(p)]
    return []


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_each_renderer_dispatches_over_every_block_type(renderer: str) -> None:
    modules = _modules(RENDERERS[renderer])
    found = [d for name in modules for d in _dispatches(name)]
    assert found, f"{renderer} has no match over the block types ending in assert_never"
    for module, match in found:
        handled = {getattr(module, n) for case in match.cases for n in _names(case.pattern)}
        assert handled == _union(), f"{module.__name__}:{match.lineno}"


def test_a_forgotten_block_type_is_found() -> None:
    """The check above fails for a dispatch that leaves a block type out."""
    source = textwrap.dedent(
        """
        def block(block):
            match block:
                case Paragraph():
                    pass
                case _:
                    assert_never(block)
        """
    )
    tree = ast.parse(source)
    match = next(n for n in ast.walk(tree) if isinstance(n, ast.Match))
    handled = {getattr(document, n) for case in match.cases for n in _names(case.pattern)}
    assert handled != _union()
    assert _union() - handled


def test_block_reference_is_up_to_date() -> None:
    from klusterplan._document.reference import render_reference

    page = Path(__file__).resolve().parents[1] / "docs" / "blocks.md"
    assert page.read_text(encoding="utf-8") == render_reference(), (
        "docs/blocks.md is stale; run: python -m klusterplan._document.reference docs/blocks.md"
    )


def test_block_reference_covers_every_block_and_field() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "blocks.md").read_text(encoding="utf-8")
    parts = (document.Field, document.Rows, document.Mark)
    for cls in (*_union(), *parts):
        assert f"## `{cls.__name__}`" in page
        section = page.split(f"## `{cls.__name__}`")[1].split("\n## ")[0]
        assert "renderer" in section.lower() or cls in parts, f"{cls.__name__}: what to do"
        for field in attrs.fields(cls):
            assert f"| `{field.name}` |" in section, f"{cls.__name__}.{field.name}"
