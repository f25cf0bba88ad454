"""A griffe extension for klusterplan's API reference.

The docstrings are written with Sphinx roles (:class:`Plan`); this turns each
role into a mkdocstrings cross-reference to the object's page anchor when the
object is rendered in the reference, and into inline code otherwise, so no
role is printed as it is written. It also gives every field of the plan model
the documentation the model keeps in its metadata (``doc`` and the workbook's
Swedish term ``sv``), which the JSON Schema and the format reference use too.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import attrs
import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(~?)([^`<]+?)`")
_API_PAGE = Path(__file__).resolve().parents[1] / "api.md"


def _rendered() -> tuple[set[str], dict[str, set[str]]]:
    """The modules the API page renders, and the members it limits some of them to."""
    modules: set[str] = set()
    limited: dict[str, set[str]] = {}
    current = ""
    for line in _API_PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("::: "):
            current = line[4:].strip()
            modules.add(current)
        elif current and line.strip().startswith("members: ["):
            names = line.strip()[len("members: [") :].rstrip("]")
            limited[current] = {n.strip() for n in names.split(",")}
    return modules, limited


class KlusterplanDocs(griffe.Extension):
    """Cross-references for Sphinx roles and field documentation for the model."""

    def __init__(self) -> None:
        super().__init__()
        self.modules, self.limited = _rendered()

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Once klusterplan is loaded: document the model's fields, link the roles."""
        if pkg.path != "klusterplan":
            return
        self._fields(pkg)
        for obj in self._walk(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _ROLE.sub(
                    lambda m, o=obj: self._link(o, m.group(1) == "~", m.group(2)),
                    obj.docstring.value,
                )

    def _walk(self, obj: griffe.Object) -> Any:
        yield obj
        for member in obj.members.values():
            if not member.is_alias and member.parent is obj:
                yield from self._walk(member)  # type: ignore[arg-type]

    def _find(self, obj: griffe.Object, target: str) -> str | None:
        candidates = [target]
        if not target.startswith("klusterplan"):
            scope = obj if obj.is_class or obj.is_module else obj.parent
            while scope is not None:
                candidates.append(f"{scope.path}.{target}")
                scope = scope.parent
            candidates.append(f"klusterplan.{target}")
        for path in candidates:
            try:
                found = obj.modules_collection[path]
            except (KeyError, ValueError, griffe.AliasResolutionError):
                continue
            try:
                return str(found.final_target.path if found.is_alias else found.path)
            except griffe.AliasResolutionError:
                continue
        return None

    def _shown(self, path: str) -> bool:
        for module in self.modules:
            if path == module:
                return True
            if path.startswith(module + "."):
                rest = path[len(module) + 1 :].split(".")
                if any(part.startswith("_") for part in rest):
                    return False
                limit = self.limited.get(module)
                return limit is None or rest[0] in limit
        return False

    def _link(self, obj: griffe.Object, short: bool, target: str) -> str:
        target = target.strip()
        text = target.rsplit(".", 1)[-1] if short else target
        path = self._find(obj, target)
        if path is not None and self._shown(path):
            return f"[`{text}`][{path}]"
        return f"`{text}`"

    def _fields(self, pkg: griffe.Module) -> None:
        """Document each model field from its metadata: what it means, the workbook's term."""
        model = importlib.import_module("klusterplan.model")
        griffe_model = pkg.members["model"]
        for name, cls in vars(model).items():
            if not (isinstance(cls, type) and attrs.has(cls)) or name not in griffe_model.members:
                continue
            documented = griffe_model.members[name]
            for field in attrs.fields(cls):
                doc = field.metadata.get("doc")
                member = documented.members.get(field.name)
                if not doc or member is None:
                    continue
                sv = field.metadata.get("sv")
                text = f"{doc}\n\nWorkbook: *{sv}*." if sv else doc
                default = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    shown = f"{default.factory.__name__}()"
                elif isinstance(default, tuple) and default:
                    shown = f"({len(default)} defaults)"
                else:
                    shown = repr(
                        default.value
                        if hasattr(default, "value") and not isinstance(default, str)
                        else default
                    )
                member.value = shown
                member.docstring = griffe.Docstring(text, parent=member)
