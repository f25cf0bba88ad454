"""``klusterplan plugins``: every hook of every plugin, and whose branding a plan gets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import Install

import klusterplan
from klusterplan import testing

LOOK = """
import klusterplan


@klusterplan.hookimpl
def branding(plan, format):
    if plan.library.municipality != "Norrby kommun":
        return None
    return klusterplan.Branding(footer="Norrby kommun")


@klusterplan.hookimpl
def docx_document(document, plan, context):
    context.notice("", "marked")
"""


def test_every_hook_and_the_branding_order_are_listed(
    run: Callable[..., Result], install: Install
) -> None:
    install("klusterplan-norrby", {"norrby_look": LOOK}, "norrby = norrby_look")
    result = run("plugins", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("norrby (klusterplan-norrby 1.0)")
    assert lines[start + 1 : start + 3] == ["  hook      branding", "  hook      docx_document"]
    assert "  hook      register_rules" in lines[lines.index("klusterplan.rules (built-in)") + 1]
    (order,) = [line for line in lines if line.startswith("branding: ")]
    assert "norrby" in order.split(":", 1)[1].split(";")[0]
    swedish = run("plugins", "--lang", "sv").output
    assert "  krok    branding" in swedish and "profil (branding): " in swedish
    # a rule's severity in the listing's language, as findings give it
    assert "  regel   KP201        action-without-responsible (fel)" in swedish.splitlines()
    assert "  rule      KP201        action-without-responsible (error)" in lines


def test_with_a_plan_it_says_whose_branding_the_plan_gets(
    run: Callable[..., Result], install: Install, tmp_path: Path
) -> None:
    install("klusterplan-norrby", {"norrby_look": LOOK}, "norrby = norrby_look")
    plan = klusterplan.example()
    klusterplan.dump(plan, tmp_path / "byköping.yaml")
    norrby = testing.evolve_at(plan, "library.municipality", "Norrby kommun")
    klusterplan.dump(norrby, tmp_path / "norrby.yaml")
    result = run("plugins", "norrby.yaml", "--to", "Word", "--lang", "en")
    assert result.output.splitlines()[-1] == "branding for norrby.yaml as docx: norrby"
    result = run("plugins", "byköping.yaml")  # the plan's language, Swedish
    assert result.output.splitlines()[-1] == (
        "profil för byköping.yaml som pdf: klusterplans eget utseende (ingen insticksmodul svarade)"
    )
    wrong = run("plugins", "norrby.yaml", "--to", "wrod", "--lang", "en")
    assert wrong.exit_code == 2
    assert wrong.output.startswith("--to: unknown format 'wrod'; did you mean 'docx'?")
    missing = run("plugins", "saknas.yaml", "--lang", "en")
    assert missing.exit_code == 2 and "saknas.yaml: no such file" in missing.output
    assert "Traceback" not in wrong.output + missing.output


def test_the_registry_names_the_hooks_and_the_branding_plugin() -> None:
    class Look:
        @staticmethod
        @klusterplan.hookimpl
        def branding(plan: klusterplan.Plan, format: str) -> klusterplan.Branding:
            return klusterplan.Branding(footer="x")

    registry = testing.make_registry(Look, builtins=True, name="look")
    assert registry.hooks("look") == ["branding"]
    assert registry.hooks("klusterplan.rules") == ["register_rules"]
    assert registry.branding_order() == ["look"]
    assert registry.branding_plugin(klusterplan.example(), "pdf") == "look"
    plain = testing.make_registry(builtins=True)
    assert plain.branding_plugin(klusterplan.example(), "pdf") is None
