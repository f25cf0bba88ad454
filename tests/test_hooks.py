"""Every hook, called through pluggy as pluggy documents it, and the checks on plugins.

Each hook has a test named ``test_hook_<hook>``; a fixture records the hooks
pluggy really called during the test and fails it unless its own hook was one
of them, so a test cannot pass without calling the hook it is named after.
"""

from __future__ import annotations

import inspect
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from click.testing import Result
from conftest import Install

import klusterplan
from klusterplan import (
    Branding,
    Document,
    ExportContext,
    Exporter,
    ExportOptions,
    Mode,
    Plan,
    PluginWarning,
    Rule,
    RuleContext,
    Severity,
    hookimpl,
    hookspecs,
    rule,
    testing,
)
from klusterplan.exporters import markdown
from klusterplan.plugins import Registry

HOOKS = sorted(
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "klusterplan_spec")
)


@pytest.fixture(autouse=True)
def _hook_called(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Record the hooks pluggy calls; a ``test_hook_<name>`` test must call ``<name>``."""
    called: set[str] = set()
    original = Registry.__init__

    def init(self: Registry, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.manager.add_hookcall_monitoring(
            lambda name, impls, kwargs: called.add(name), lambda *a: None
        )

    monkeypatch.setattr(Registry, "__init__", init)
    yield
    name = request.node.originalname
    hook = next((h for h in HOOKS if name == f"test_hook_{h}"), None)
    if hook is not None:
        assert hook in called, f"{name} never called the {hook} hook"


def test_every_hook_has_a_test_named_after_it() -> None:
    tests = {name for name in globals() if name.startswith("test_hook_")}
    assert {"branding", "docx_document", "register_exporters", "register_rules"} <= set(HOOKS)
    assert {f"test_hook_{hook}" for hook in HOOKS} <= tests


# -- a document format from a plugin --------------------------------------------------


class TextRenderer:
    """A plugin's own document format: plain text, rendered from the public tree."""

    def __init__(self) -> None:
        self.received: list[Document] = []

    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        return [Exporter("text", ".txt", "Plain text", render=self.render)]

    def render(self, document: Document, stream: BinaryIO, context: ExportContext) -> None:
        self.received.append(document)
        lines = [document.title, document.subtitle]
        for section in document.sections:
            lines.append(f"{'#' * section.level} {section.title}")
        lines.append(document.page_label.format(page=1, pages=1))
        stream.write("\n".join(lines).encode("utf-8"))


def test_hook_register_exporters(example: Plan) -> None:
    plugin = TextRenderer()
    registry = testing.make_registry(plugin, builtins=True)
    out = io.BytesIO()
    klusterplan.export(example, "text", out, registry=registry)
    (document,) = plugin.received
    # the very tree the built-in renderers get
    assert document == klusterplan.build_document(example)
    md = io.BytesIO()
    klusterplan.export(example, "markdown", md, registry=registry)
    assert md.getvalue().decode("utf-8") == markdown.render(document)
    text = out.getvalue().decode("utf-8")
    assert "# Att göra" in text and "Sida 1 av 1" in text


def test_a_plugin_document_format_writes_the_workbook_too() -> None:
    plugin = TextRenderer()
    registry = testing.make_registry(plugin)
    klusterplan.export(
        Plan(), "text", io.BytesIO(), ExportOptions(workbook=True), registry=registry
    )
    (document,) = plugin.received
    assert document.mode is Mode.WORKBOOK
    assert document.title == "Vårt biblioteks lokala målgrupper"


def test_an_installed_document_format_works_from_the_command(
    install: Install, run: Any, tmp_path: Any
) -> None:
    install(
        "kp-text",
        {
            "kp_text": """
                from klusterplan import Exporter, hookimpl

                def render(document, stream, context):
                    titles = [s.title for s in document.sections]
                    stream.write("\\n".join([document.title, *titles]).encode())

                @hookimpl
                def register_exporters():
                    return [Exporter("text", ".txt", "Plain text", render=render)]
            """
        },
        "text = kp_text",
    )
    result: Result = run("export", "--example", "--to", "text")
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "example.txt")
        .read_text(encoding="utf-8")
        .startswith("Lokal kommunikationsplan\nAtt göra\n")
    )
    result = run("workbook", "-o", "arbetsbok.txt")
    assert result.exit_code == 0, result.output
    assert "Hösten 2010" in (tmp_path / "arbetsbok.txt").read_text(encoding="utf-8")


def test_an_exporter_is_data_or_document_not_both() -> None:
    with pytest.raises(ValueError, match="exactly one of write"):
        Exporter("odd", ".x", "Neither")
    with pytest.raises(ValueError, match="exactly one of write"):
        Exporter("odd", ".x", "Both", lambda p, s, c: None, render=lambda d, s, c: None)
    assert not Exporter("data", ".x", "Data", lambda p, s, c: None).workbook


# -- rules, with pluggy's wrappers --------------------------------------------------


@rule("XY101", "library-unnamed", Severity.ERROR, "The library has a name.", "For the test.")
def library_unnamed(plan: Plan, context: RuleContext) -> Iterator[tuple[str, str]]:
    if not plan.library.name:
        yield "library.name", "name the library"


class Rules:
    @staticmethod
    @hookimpl
    def register_rules() -> list[Rule]:
        return [library_unnamed]


def test_hook_register_rules() -> None:
    registry = testing.make_registry(Rules)
    assert registry.rules()["XY101"] == (library_unnamed, "Rules")
    assert [f.code for f in klusterplan.check(Plan(), registry=registry)] == ["XY101"]


def test_a_wrapper_sees_and_changes_what_the_others_register() -> None:
    seen: list[list[Any]] = []

    class Filter:
        @staticmethod
        @hookimpl(wrapper=True)
        def register_rules() -> Any:
            results = yield
            seen.append(results)
            # keep every rule but the built-in KP104
            return [[r for r in result if r.code != "KP104"] for result in results]

    registry = testing.make_registry(Rules, Filter, builtins=True)
    rules = registry.rules()
    assert not registry.failures
    assert "XY101" in rules and "KP103" in rules and "KP104" not in rules
    assert rules["XY101"][1] == "Rules" and rules["KP103"][1] == "klusterplan.rules"
    assert len(seen) == 1


def test_a_wrapper_that_raises_takes_only_its_plugin_out() -> None:
    class Broken:
        @staticmethod
        @hookimpl(wrapper=True)
        def register_rules() -> Any:
            yield
            raise RuntimeError("wrapper bug")

    registry = testing.make_registry(Rules, Broken)
    assert "XY101" in registry.rules()
    (failure,) = registry.failures
    assert failure.plugin == "Broken" and "wrapper bug" in failure.message


def test_a_hook_that_raises_is_named_and_the_others_run() -> None:
    class Crashing:
        @staticmethod
        @hookimpl
        def register_rules() -> list[Rule]:
            raise ZeroDivisionError("oops")

    registry = testing.make_registry(Rules, Crashing)
    assert "XY101" in registry.rules()
    assert [str(f) for f in registry.failures] == [
        "plugin 'Crashing': hook register_rules raised ZeroDivisionError: oops"
    ]


# -- branding: firstresult, tryfirst, trylast -----------------------------------------


def _brand(footer: str, **opts: bool) -> object:
    class Brand:
        @staticmethod
        @hookimpl(tryfirst=opts.get("tryfirst", False), trylast=opts.get("trylast", False))
        def branding(plan: Plan, format: str) -> Branding | None:
            return Branding(footer=footer) if footer else None

    Brand.__name__ = f"Brand{footer or 'None'}"
    return Brand


def test_hook_branding(example: Plan) -> None:
    # pluggy calls the last registered first; tryfirst and trylast move a plugin
    registry = testing.make_registry(_brand("early", tryfirst=True), _brand("plain"))
    assert registry.branding(example, "pdf").footer == "early"
    registry = testing.make_registry(_brand("late", trylast=True), _brand(""))
    assert registry.branding(example, "pdf").footer == "late"  # None passes the turn
    registry = testing.make_registry(_brand("first"), _brand("second"))
    assert registry.branding(example, "pdf").footer == "second"
    assert testing.make_registry().branding(example, "pdf") == Branding()


def test_branding_reaches_the_renderer(example: Plan) -> None:
    plugin = TextRenderer()
    seen: list[Branding] = []

    def render(document: Document, stream: BinaryIO, context: ExportContext) -> None:
        seen.append(context.branding)
        stream.write(context.branding.footer.encode())

    class Spy:
        @staticmethod
        @hookimpl
        def register_exporters() -> list[Exporter]:
            return [Exporter("spy", ".txt", "Spy", render=render)]

    registry = testing.make_registry(plugin, Spy, _brand("Kommunen"))
    klusterplan.export(example, "spy", io.BytesIO(), registry=registry)
    assert [b.footer for b in seen] == ["Kommunen"]


def test_hook_docx_document(example: Plan) -> None:
    calls: list[tuple[str, str]] = []

    class Adjust:
        @staticmethod
        @hookimpl
        def docx_document(document: Any, plan: Plan, context: ExportContext) -> None:
            calls.append((type(document).__name__, context.format))
            document.add_paragraph("Tillagt av kommunen")

    data, _ = testing.run_export(example, "docx", Adjust, builtins=True)
    assert calls == [("Document", "docx")]

    assert "Tillagt av kommunen" in testing.open_word(data).paragraphs[-1].text


# -- plugins are checked when they are registered -----------------------------------


def test_a_misspelt_hook_is_reported() -> None:
    class Typo:
        @staticmethod
        @hookimpl
        def register_exporter() -> list[Exporter]:
            return []

    registry = testing.make_registry(Typo)
    (failure,) = registry.failures
    assert failure.plugin == "Typo"
    assert "'register_exporter', which is not a klusterplan hook" in failure.message
    assert "did you mean 'register_exporters'?" in failure.message


def test_a_hook_without_the_marker_is_reported() -> None:
    class Unmarked:
        @staticmethod
        def register_rules() -> list[Rule]:
            return [library_unnamed]

    registry = testing.make_registry(Unmarked)
    assert registry.rules() == {}
    assert "not marked with @klusterplan.hookimpl" in str(registry.failures[0])


def test_the_kp_prefix_belongs_to_klusterplan() -> None:
    stolen = Rule("KP901", "stolen", Severity.INFO, "s.", "e.", lambda plan, context: ())

    class Thief:
        @staticmethod
        @hookimpl
        def register_rules() -> list[Rule]:
            return [stolen]

    for builtins in (False, True):
        registry = testing.make_registry(Thief, builtins=builtins)
        assert "KP901" not in registry.rules()
        (failure,) = [f for f in registry.failures if f.plugin == "Thief"]
        assert failure.fatal and "prefix KP belongs to klusterplan" in failure.message


def test_the_python_api_warns_about_a_broken_plugin(example: Plan) -> None:
    class Typo:
        @staticmethod
        @hookimpl
        def brandng(plan: Plan, format: str) -> None:
            return None

    registry = testing.make_registry(Typo, builtins=True)
    with pytest.warns(PluginWarning, match="did you mean 'branding'"):
        klusterplan.check(example, registry=registry)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # each failure is given once
        klusterplan.export(example, "json", io.BytesIO(), registry=registry)


def test_the_command_lists_a_misspelt_hook(install: Install, run: Any) -> None:
    install(
        "kp-typo",
        {
            "kp_typo": """
                from klusterplan import hookimpl

                @hookimpl
                def register_rule():
                    return []
            """
        },
        "typo = kp_typo",
    )
    result = run("plugins")
    assert "plugin 'typo': implements 'register_rule'" in result.output
    assert "did you mean 'register_rules'?" in result.output


_THIEF = """
from klusterplan import Severity, hookimpl, rule

@rule("{code}", "stolen", Severity.INFO, "s.", "e.")
def stolen(plan, context):
    return ()

@hookimpl
def register_rules():
    return [stolen]
"""


def test_a_kp_code_from_a_plugin_gets_only_its_own_error(
    install: Install, run: Any, tmp_path: Path
) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    install("kp-thief", {"kp_thief": _THIEF.format(code="KP901")}, "thief = kp_thief")
    result = run("check", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "rule code KP901: the prefix KP belongs to klusterplan's own rules" in result.output
    assert "claim the same rule codes" not in result.output
    assert result.output.splitlines()[-1] == (
        "klusterplan: a plugin has rules under klusterplan's own prefix KP; the check runs once "
        "the plugin uses a prefix of its own or is uninstalled"
    )


def test_two_plugins_with_one_code_are_told_they_claim_the_same(
    install: Install, run: Any, tmp_path: Path
) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    install("kp-one", {"kp_one": _THIEF.format(code="TWN101")}, "one = kp_one")
    install("kp-two", {"kp_two": _THIEF.format(code="TWN101")}, "two = kp_two")
    result = run("check", "plan.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "rule code TWN101 is claimed by both plugin" in result.output
    assert result.output.splitlines()[-1] == (
        "klusterplan: the installed plugins claim the same rule codes; uninstall one of them"
    )
