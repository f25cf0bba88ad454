"""Write the API reference as Markdown pages in docs/reference/, readable in the repository.

    python scripts/reference.py            # rewrite docs/reference/*.md
    python scripts/reference.py --check    # exit 1 when a page is not what the code says

Every public name is documented under the name a script imports it by
(``klusterplan.load``, ``klusterplan.model.Plan``), never under the private
module that defines it: its signature, its docstring, the fields of a class
with their types (and for the plan model, the workbook's Swedish term) and
the members of an enum. ``tests/test_reference.py`` holds that the pages are
current.
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import inspect
import itertools
import re
import sys
import textwrap
import typing
from pathlib import Path
from typing import Any

import attrs

import klusterplan

__all__ = ["main", "render"]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "reference"

#: Page name, title, what it holds, and its names: ``klusterplan.X`` for a name of
#: the package, ``module:`` for every public name of a public module.
PAGES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "files-and-export",
        "Loading, saving and exporting",
        "Plan files in and out, one plan's export and many plans' at once.",
        (
            "load",
            "loads",
            "dump",
            "dumps",
            "example",
            "Limits",
            "export",
            "export_many",
            "ExportOutcome",
            "ExportOptions",
            "Exporter",
            "ExportContext",
            "Renderer",
            "DataWriter",
            "Notice",
        ),
    ),
    (
        "word-import",
        "Reading Word documents back",
        "A Word file klusterplan wrote, filled in or edited, read back into a plan.",
        ("read_word", "WordImport", "Change", "WordNotice"),
    ),
    (
        "checking",
        "Checking",
        "The rule checks and their findings, and the rules a plugin adds.",
        (
            "check",
            "check_plan",
            "CheckResult",
            "Finding",
            "Severity",
            "Rule",
            "RuleContext",
            "Hit",
            "rule",
            "UnknownCodeError",
        ),
    ),
    (
        "cluster",
        "A cluster of libraries",
        "Many libraries' plans side by side.",
        (
            "load_cluster",
            "summarise",
            "export_summary",
            "Cluster",
            "Member",
            "ClusterSummary",
            "build_summary_document",
        ),
    ),
    (
        "errors",
        "Errors and messages",
        "What klusterplan raises for a user's mistake, and the two languages it speaks.",
        ("PlanError", "Problem", "ExportError", "Text", "Language", "label", "enum_label"),
    ),
    ("model", "The plan model", "The workbook as typed, frozen classes.", ("module:model",)),
    (
        "document",
        "The shared document",
        "The tree every document format renders.",
        ("build_document", "module:document"),
    ),
    (
        "plugins",
        "Plugins",
        "The hooks, the registry of plugins, the look of documents and the test helpers.",
        ("hookimpl", "module:hookspecs", "Branding", "Logo", "module:plugins", "module:testing"),
    ),
    ("settings", "Settings", "Settings files and what they hold.", ("module:config",)),
)

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(~?)([^`]+)`")
_DOUBLE = re.compile(r"``([^`]+)``")


def _entries(names: tuple[str, ...]) -> list[tuple[str, Any]]:
    """``(public name, object)`` for each name of a page, in order."""
    found: list[tuple[str, Any]] = []
    for name in names:
        if name.startswith("module:"):
            module = importlib.import_module(f"klusterplan.{name.removeprefix('module:')}")
            public = list(getattr(module, "__all__", []))
            if module.__name__ == "klusterplan.hookspecs":
                public += sorted(
                    n for n in vars(module) if hasattr(vars(module)[n], "klusterplan_spec")
                )
            for member in public:
                found.append((f"{module.__name__}.{member}", getattr(module, member)))
        else:
            found.append((f"klusterplan.{name}", getattr(klusterplan, name)))
    return found


def _markdown(doc: str) -> str:
    """A docstring as Markdown: roles as code, ``code`` as `code`, examples fenced."""
    doc = _ROLE.sub(lambda m: f"`{m.group(2).split('.')[-1] if m.group(1) else m.group(2)}`", doc)
    doc = _DOUBLE.sub(r"`\1`", doc)
    out: list[str] = []
    example = False
    for line in doc.splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not example:
            out += ["```pycon"]
            example = True
        elif example and not line.strip():
            out += ["```"]
            example = False
        out.append(line)
    if example:
        out.append("```")
    return "\n".join(out).strip()


def _type(tp: Any) -> str:
    if isinstance(tp, str):
        return tp
    if isinstance(tp, type) and not typing.get_args(tp):
        return tp.__name__
    return str(tp).replace("klusterplan.model.", "").replace("datetime.", "").replace("typing.", "")


def _default(field: attrs.Attribute[Any]) -> str:
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        factory = field.default.factory  # type: ignore[union-attr]
        return "()" if factory is tuple else f"{getattr(factory, '__name__', factory)}()"
    if field.default is attrs.NOTHING:
        return ""
    if isinstance(field.default, enum.Enum):
        return f"{type(field.default).__name__}.{field.default.name}"
    if isinstance(field.default, tuple) and len(field.default) > 2:
        return "(...)"
    return _value(field.default)


def _value(value: Any) -> str:
    """A default as a reader writes it; never a memory address, which changes every run."""
    if callable(value) and hasattr(value, "__qualname__"):
        return str(value.__qualname__).replace(".<locals>", "")
    shown = repr(value)
    return re.sub(r"<([\w.]+) object at 0x[0-9a-f]+>", r"\1()", shown)


def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's attributes, which only the source keeps."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for before, after in itertools.pairwise(body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _signature(name: str, obj: Any) -> str:
    short = name.rsplit(".", 1)[-1]
    if attrs.has(obj):
        parts = []
        for field in attrs.fields(obj):
            if not field.init:
                continue
            default = _default(field)
            shown = f"{field.name}: {_type(field.type)}"
            parts.append(f"{shown} = {default}" if default else shown)
        return f"{short}({', '.join(parts)})"
    return f"{short}{_call(obj)}"


def _call(function: Any) -> str:
    """``(plan: Plan, *, select: str = 'x') -> list[Finding]``, annotations as written."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return "(...)"
    parts: list[str] = []
    keyword_only = False
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
            keyword_only = True
        star = {parameter.VAR_POSITIONAL: "*", parameter.VAR_KEYWORD: "**"}.get(parameter.kind, "")
        keyword_only = keyword_only or parameter.kind is parameter.VAR_POSITIONAL
        text = f"{star}{parameter.name}"
        if parameter.annotation is not parameter.empty:
            text += f": {_type(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {_value(parameter.default)}"
        if parameter.kind is parameter.POSITIONAL_ONLY:
            text += ", /"  # one marker is enough to read; rare in this API
        parts.append(text)
    shown = f"({', '.join(parts)})"
    if signature.return_annotation is not signature.empty:
        shown += f" -> {_type(signature.return_annotation)}"
    return shown


def _fields(obj: type) -> list[str]:
    sourced = _attribute_docs(obj)
    lines = []
    for field in attrs.fields(obj):
        doc = field.metadata.get("doc") or sourced.get(field.name, "")
        term = field.metadata.get("sv")
        line = f"- `{field.name}` ({_type(field.type)})"
        if doc:
            line += f": {_markdown(doc)}"
        if term:
            line += f" Workbook: *{term}*."
        lines.append(line)
    return lines


def _members(obj: type) -> list[str]:
    """The public methods and properties a class defines itself, each with its docstring."""
    lines: list[str] = []
    for member, value in vars(obj).items():
        if member.startswith("_") or not (inspect.getdoc(value) or ""):
            continue
        if isinstance(value, property | staticmethod | classmethod) or inspect.isfunction(value):
            function = (
                value.fget if isinstance(value, property) else getattr(value, "__func__", value)
            )
            shown = member if isinstance(value, property) else f"{member}{_call(function)}"
            doc = _markdown(inspect.getdoc(value) or "").replace("\n", "\n  ")
            lines.append(f"- `{shown}`: {doc}")
    return lines


def _entry(name: str, obj: Any) -> list[str]:
    lines = [f"## {name}", ""]
    if inspect.isclass(obj) or callable(obj):
        lines += ["```python", _signature(name, obj), "```", ""]
    else:
        shown = repr(obj)
        lines += [
            "```python",
            f"{name.rsplit('.', 1)[-1]} = {shown if len(shown) < 80 else '...'}",
            "```",
            "",
        ]
    doc = inspect.getdoc(obj) if (inspect.isclass(obj) or inspect.isroutine(obj)) else ""
    if inspect.isclass(obj) and doc == inspect.getdoc(type):
        doc = ""
    if doc:
        lines += [_markdown(doc), ""]
    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        lines += [f"- `{obj.__name__}.{m.name}` = `{m.value!r}`" for m in obj] + [""]
    elif inspect.isclass(obj) and attrs.has(obj):
        fields = _fields(obj)
        if fields:
            lines += ["Fields:", "", *fields, ""]
    if inspect.isclass(obj):
        members = _members(obj)
        if members:
            lines += ["Methods and properties:", "", *members, ""]
    return lines


def _anchor(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", name.lower().replace(" ", "-"))


def render() -> dict[str, str]:
    """Every page of the reference: file name to its Markdown."""
    pages: dict[str, str] = {}
    index = [
        "# API reference",
        "",
        "<!-- generated by scripts/reference.py from the code; do not edit -->",
        "",
        "Every name is listed under the name a script imports it by. The names of the package",
        "come from `klusterplan` itself; the public modules are `klusterplan.model`,",
        "`klusterplan.document`, `klusterplan.hookspecs`, `klusterplan.plugins`,",
        "`klusterplan.config` and `klusterplan.testing`.",
        "",
    ]
    for page, title, about, names in PAGES:
        entries = _entries(names)
        lines = [
            f"# {title}",
            "",
            "<!-- generated by scripts/reference.py from the code; do not edit -->",
            "",
            about,
            "",
        ]
        lines += [f"- [{name}](#{_anchor(name)})" for name, _ in entries] + [""]
        for name, obj in entries:
            lines += _entry(name, obj)
        pages[f"{page}.md"] = "\n".join(lines).rstrip() + "\n"
        index.append(f"- [{title}]({page}.md): {about}")
    pages["index.md"] = "\n".join(index) + "\n"
    return pages


def main(argv: list[str] | None = None) -> int:
    """Write the pages, or with ``--check`` say which are stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which pages are stale")
    args = parser.parse_args(argv)
    pages = render()
    stale = [
        name
        for name, text in pages.items()
        if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in OUT.glob("*.md") if p.name not in pages) if OUT.exists() else []
    if args.check:
        for name in [*stale, *extra]:
            print(f"docs/reference/{name} is stale; run: python scripts/reference.py")
        return 1 if stale or extra else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in extra:
        (OUT / name).unlink()
    for name in stale:
        (OUT / name).write_text(pages[name], encoding="utf-8")
        print(f"wrote docs/reference/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
