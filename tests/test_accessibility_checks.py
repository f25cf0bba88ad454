"""The publishing checks (KP7xx) and ``check --accessibility``, through the command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import klusterplan
from klusterplan.testing import evolve_at

BRANDING = """
import klusterplan

# a real picture (one white pixel): a logo that is not one is left out of the branding
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
    "9c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)


@klusterplan.hookimpl
def branding(plan, format):
    alt = "" if format in ("html", "pdf-ua") else "Kommunens vapen"
    return klusterplan.Branding(logo=klusterplan.Logo(PNG, alt))
"""


def test_logo_without_alt_text_from_an_installed_plugin(
    run: Callable[..., Any], install: Any, tmp_path: Path
) -> None:
    install("kommun-branding", {"kommun_branding": BRANDING}, "kommun = kommun_branding")
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("check", "--lang", "en", "plan.yaml", "--accessibility")
    assert result.exit_code == 1, result.output
    assert "KP701 error: the branding logo has no alt text in html, pdf-ua" in result.output


def test_accessibility_runs_only_the_publishing_family(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    plan = evolve_at(klusterplan.example(), "target_groups[0].name", "")
    plan = evolve_at(plan, "campaign.groups", ())  # KP109, a campaign rule, is left out
    klusterplan.dump(plan, tmp_path / "plan.yaml")
    result = run("check", "--lang", "en", "plan.yaml", "--accessibility", "--format", "json")
    assert result.exit_code == 1
    import json

    codes = [f["code"] for f in json.loads(result.output)["plans"][0]["findings"]]
    assert codes == ["KP702"]
    everything = run("check", "--lang", "en", "plan.yaml")
    assert "KP702" in everything.output and "KP109" in everything.output


def test_example_is_clean_for_publishing(run: Callable[..., Any], tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.yaml")
    result = run("check", "--lang", "en", "plan.yaml", "--accessibility")
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output
