"""The built documentation site: the API reference shows what a script author needs."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def api_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return (site / "api" / "index.html").read_text(encoding="utf-8")


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_no_sphinx_role_is_printed_literally(api_page: str) -> None:
    text = _text(api_page)
    assert not re.search(r":(class|func|meth|attr|mod|data|exc):", text)


def test_roles_become_links_to_the_objects(api_page: str) -> None:
    # Problem's docstring points at PlanError; the rendered link goes to its anchor
    assert 'href="#klusterplan.errors.PlanError"' in api_page
    assert 'href="#klusterplan.model.Plan"' in api_page


def test_model_fields_have_types_and_documentation(api_page: str) -> None:
    text = " ".join(_text(api_page).split())
    # a field of the model: its type and the meaning kept in the model's metadata
    assert 'id="klusterplan.model.TargetGroup.segment"' in api_page
    assert "Segment | None" in text
    assert "A for existing customers, B for new customers." in text
    assert "Workbook: A befintliga / B nya kunder" in text


def test_enum_members_are_listed(api_page: str) -> None:
    for anchor in ("Segment.A", "Segment.B", "ActionStatus.IN_PROGRESS", "Horizon.LONG_TERM"):
        assert f'id="klusterplan.model.{anchor}"' in api_page


def test_the_site_reference_names_no_private_module(api_page: str) -> None:
    # every name is documented under the name a script imports it by
    import re

    anchors = re.findall(r'(?:id|href)="#?(klusterplan\.[^"]+)"', api_page)
    assert anchors
    assert [a for a in anchors if re.search(r"\._[a-z]", a)] == []
