"""The block reference page, written from the block classes themselves so it cannot drift.

``python -m klusterplan._document.reference docs/blocks.md`` writes it; a test
fails when the page is not what this module writes. Each block type's
docstring says what it is and what a renderer must do with it, each field's
docstring what it holds; both are read from the source of
:mod:`klusterplan.document`, the types and defaults from the classes.
"""

from __future__ import annotations

import ast
import inspect
import sys
import typing

import attrs

from .. import document
from .._support.reference import write_reference

__all__ = ["PARTS", "main", "render_reference"]

#: The classes blocks are made of, listed after the blocks.
PARTS: tuple[type, ...] = (document.Field, document.Rows, document.Mark)

_HEAD = """\
# Block reference

<!-- Generated from klusterplan/document.py; do not edit by hand. Regenerate with:
     python -m klusterplan._document.reference docs/blocks.md -->

A document's sections hold blocks, of the types below; `klusterplan.document.Block` is
their union. A renderer (see
[Writing a plugin](plugins.md#a-document-format-the-renderer-interface)) handles every
one of them: each type's text here says what it holds and what a renderer does with it,
each field what it means. Every string in a block is plain text, never
markup: a renderer escapes it for its format. A field named `lang` says when the text is
in another language than the document's (`None`: the document's own); `marks`, `path`,
`source` and `placements` say where plan values stand, for a format that can be edited
and read back, and a renderer that only prints leaves them alone.

Every block of a document is of one of these types:

```python
import typing

import klusterplan
from klusterplan.document import Block

document = klusterplan.build_document(klusterplan.example())
shown = {type(b) for s in (*document.front, *document.sections) for b in s.blocks}
assert shown <= set(typing.get_args(Block))
```

This page is generated from the classes in `klusterplan/document.py`: after changing
one, run `python -m klusterplan._document.reference docs/blocks.md`. A test fails when
the page is stale.
"""


def _docs() -> dict[str, tuple[str, dict[str, str], dict[str, str]]]:
    """Each class of the module: its docstring, and each field's annotation and docstring."""
    tree = ast.parse(inspect.getsource(document))
    out: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        types: dict[str, str] = {}
        docs: dict[str, str] = {}
        body = node.body
        for i, item in enumerate(body):
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                name = item.target.id
                types[name] = ast.unparse(item.annotation)
                after = body[i + 1] if i + 1 < len(body) else None
                if (
                    isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[name] = inspect.cleandoc(after.value.value)
        out[node.name] = (inspect.cleandoc(ast.get_docstring(node) or ""), types, docs)
    return out


def _markdown(text: str) -> str:
    """Sphinx roles as Markdown code: ``:attr:`text``` becomes ```text```."""
    for role in (":attr:", ":class:", ":meth:", ":func:", ":data:"):
        text = text.replace(role, "")
    return text.replace("``", "`")


def _cell(text: str) -> str:
    return _markdown(" ".join(text.split())).replace("|", "\\|")


def _default(field: attrs.Attribute[object]) -> str:
    if field.default is attrs.NOTHING:
        return "required"
    return f"`{field.default!r}`"


def _section(cls: type, docs: dict[str, tuple[str, dict[str, str], dict[str, str]]]) -> str:
    doc, types, field_docs = docs[cls.__name__]
    lines = [f"## `{cls.__name__}`", "", _markdown(doc), ""]
    lines += ["| Field | Type | Default | Meaning |", "|---|---|---|---|"]
    for field in attrs.fields(cls):
        meaning = field_docs.get(field.name, "")
        if not meaning:
            raise ValueError(f"{cls.__name__}.{field.name} has no docstring")
        kind = _cell(types[field.name])
        lines.append(f"| `{field.name}` | `{kind}` | {_default(field)} | {_cell(meaning)} |")
    return "\n".join(lines) + "\n"


def render_reference() -> str:
    """The Markdown block reference: every block type and part, every field."""
    docs = _docs()
    blocks = typing.get_args(document.Block)
    parts = [_HEAD]
    parts += [_section(cls, docs) for cls in blocks]
    parts.append("# Parts of blocks\n")
    parts += [_section(cls, docs) for cls in PARTS]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    """Write the reference to the file in ``argv``, or print it."""
    return write_reference(render_reference, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
