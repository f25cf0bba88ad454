"""The layers of klusterplan, as docs/architecture.md draws them, held by the imports.

Every module of ``src/klusterplan`` belongs to one layer. A module may import
its own layer and the layers below it, never one above; and no chain of
imports runs in a loop, between modules or between packages. Every import
counts: at the top of a module, inside a function, and for type checking only.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "klusterplan"

#: Bottom to top. A module belongs to the first layer one of whose names it
#: is or lies inside (``_word`` holds ``_word.reader``).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("support: records, XML text, atomic writes", ("_support",)),
    ("catalogue: every string a reader is told", ("_catalogue",)),
    ("model: the plan and its errors", ("model", "errors", "_model")),
    ("plan files: read, limits, convert, write", ("_planfile", "schema")),
    ("document: the tree every renderer draws", ("document", "_document")),
    (
        "extension: the hooks and what plugs into them",
        ("hookspecs", "plugins", "config", "branding", "_extension"),
    ),
    ("checking: rules and findings", ("_checking", "rules")),
    ("Word round trip: reading back what the writer marked", ("_word",)),
    ("export and batch", ("_export",)),
    ("cluster: plans side by side", ("_cluster",)),
    ("formats: the built-in exporters", ("exporters",)),
    (
        "interface: the package, the command line, test helpers",
        ("__init__", "__main__", "cli", "testing"),
    ),
)


#: Breaches being mended; each pair here is work still to do.
_NOT_YET: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    for index, (_, roots) in enumerate(LAYERS):
        if any(module == root or module.startswith(root + ".") for root in roots):
            return index
    raise AssertionError(f"{module} belongs to no layer; add it to LAYERS")


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in SRC.rglob("*.py")}


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The klusterplan modules ``name`` imports, anywhere in it."""
    package = (
        name.split(".")
        if path.name == "__init__.py" and name != "__init__"
        else name.split(".")[:-1]
    )
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and (
                node.module == "klusterplan" or node.module.startswith("klusterplan.")
            ):
                target = node.module.removeprefix("klusterplan").lstrip(".")
            else:
                continue
            for alias in node.names:
                child = f"{target}.{alias.name}" if target else alias.name
                if child in known:
                    found.add(child)
                elif target in known:
                    found.add(target)
                elif not target:
                    found.add("__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("klusterplan."):
                    target = alias.name.removeprefix("klusterplan.")
                    if target in known:
                        found.add(target)
    found.discard(name)
    return found


def _graph() -> dict[str, set[str]]:
    known = _modules()
    known["__init__"] = SRC / "__init__.py"
    return {
        name: {t for t in _imports(name, path, known) if (name, t) not in _NOT_YET}
        for name, path in known.items()
        if name != ""
    }


def _breaches(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} ({LAYERS[_layer(module)][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]


def test_every_module_imports_only_its_layer_and_below() -> None:
    assert _breaches(_graph()) == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One loop in ``graph``, or an empty list."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_no_import_loop_between_modules() -> None:
    graph = _graph()
    # a package's __init__ that only names its modules would make every
    # relative "from . import x" a loop; klusterplan's own __init__ imports lazily
    assert _cycle(graph) == []


def test_no_import_loop_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        top = module.split(".")[0]
        graph.setdefault(top, set()).update(
            t.split(".")[0] for t in targets if t.split(".")[0] != top
        )
    assert _cycle(graph) == []


def test_the_top_of_the_package_holds_public_modules_and_packages_only() -> None:
    private = sorted(
        path.name for path in SRC.glob("_*.py") if path.name not in {"__init__.py", "__main__.py"}
    )
    assert private == []


def test_a_breach_and_a_loop_are_seen() -> None:
    """The checks themselves can fail: an upward import and a loop are found."""
    graph = {"_support.record": {"cli"}, "cli": {"_support.record"}}
    assert _breaches(graph) == [
        "_support.record (support: records, XML text, atomic writes) imports cli "
        "(interface: the package, the command line, test helpers)"
    ]
    assert _cycle(graph) == ["_support.record", "cli", "_support.record"]


def test_the_architecture_page_lists_the_layers_in_order() -> None:
    page = (SRC.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = page.split("| layer | packages and modules | owns |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[2] for line in table.strip().splitlines()[1:]]
    assert len(rows) == len(LAYERS)
    for row, (name, roots) in zip(rows, LAYERS, strict=True):
        named = {part.strip("`") for part in row.replace(",", " ").split() if part.startswith("`")}
        assert set(roots) <= named, f"the page's row {row!r} does not name {name}'s {roots}"


#: What the command line needs that klusterplan does not make public: the
#: catalogue of what it says, and the machinery only a command runs (the batch
#: runner, the Word update, line numbers of a plan file). Everything else it
#: takes from the public names.
CLI_PRIVATE: frozenset[str] = frozenset(
    {
        "_catalogue.format",
        "_catalogue.language",
        "_catalogue.locale",
        "_catalogue.messages",
        "_catalogue.text",
        "_catalogue.usage",
        "_export.batch",
        "_export.contain",
        "_export.load",
        "_export.worker",
        "_extension.exporter",
        "_model.followup",
        "_planfile.formats",
        "_planfile.io",
        "_planfile.origin",
        "_cluster.export",
        "_support.atomic",
        "_word.importer",
        "_word.template",
        "_word.update",
    }
)

#: The public modules and what each of them exports.
_PUBLIC_MODULES = ("", "model", "document", "hookspecs", "plugins", "config", "errors", "branding")


def _public_names() -> dict[str, str]:
    """Each public name, and the public module it is taken from."""
    import importlib

    names: dict[str, str] = {}
    for module in _PUBLIC_MODULES:
        full = "klusterplan" + (f".{module}" if module else "")
        for name in importlib.import_module(full).__all__:
            names.setdefault(name, full)
    return names


def _private_imports_of_cli() -> list[tuple[str, str, str]]:
    """(cli module, private module, name) for every name the command line takes from a
    private module."""
    found: list[tuple[str, str, str]] = []
    modules = _modules()
    for name, path in sorted(modules.items()):
        if not (name == "cli" or name.startswith("cli.")):
            continue
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package[: len(package) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
            if target.startswith("cli") or not any(p.startswith("_") for p in target.split(".")):
                continue
            for alias in node.names:
                child = f"{target}.{alias.name}"
                found.append((name, child, "") if child in modules else (name, target, alias.name))
    return found


def test_the_command_line_takes_public_names_from_their_public_place() -> None:
    public = _public_names()
    imports = _private_imports_of_cli()
    assert imports, "the walk finds the command line's imports"
    outside = sorted(
        {f"{cli} imports {target}" for cli, target, _ in imports}
        - {f"{cli} imports {target}" for cli, target, _ in imports if target in CLI_PRIVATE}
    )
    assert outside == [], "add the module to CLI_PRIVATE only if nothing public serves"
    public_taken = [
        f"{cli} takes {name} from {target}; take it from {public[name]}"
        for cli, target, name in imports
        if name in public
    ]
    assert public_taken == []
    unused = CLI_PRIVATE - {target for _, target, _ in imports}
    assert not unused, f"CLI_PRIVATE names modules the command line no longer imports: {unused}"
