"""The API reference in docs/reference/: current, complete, and only public names."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import klusterplan

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "reference"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference", ROOT / "scripts" / "reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_is_up_to_date() -> None:
    pages: dict[str, str] = _script().render()
    for name, text in pages.items():
        assert (PAGES / name).read_text(encoding="utf-8") == text, (
            f"docs/reference/{name} is stale; run: python scripts/reference.py"
        )
    assert sorted(p.name for p in PAGES.glob("*.md")) == sorted(pages)


def test_the_check_option_says_what_is_stale(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_public_name_is_in_the_reference_by_its_public_name() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in PAGES.glob("*.md"))
    headings = set(re.findall(r"^## (\S+)$", text, re.MULTILINE))
    for name in klusterplan.__all__:
        if name == "__version__":
            continue
        public = {f"klusterplan.{m}.{name}" for m in ("model", "document", "plugins", "hookspecs")}
        assert f"klusterplan.{name}" in headings or public & headings, name
    assert "klusterplan.model.TargetGroup" in headings
    assert "klusterplan.testing.run_export" in headings
    assert "klusterplan.hookspecs.branding" in headings


def test_no_private_module_name_is_shown() -> None:
    for page in PAGES.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"klusterplan\._", text), page.name
        contents = [line for line in text.splitlines() if line.startswith(("- [", "## "))]
        assert not any(re.search(r"\b_[a-z]", line) for line in contents), page.name


def test_model_fields_show_type_meaning_and_workbook_term() -> None:
    text = (PAGES / "model.md").read_text(encoding="utf-8")
    assert (
        "- `segment` (Segment | None): A for existing customers, B for new customers. "
        "Workbook: *A befintliga / B nya kunder*."
    ) in text
    assert "- `Segment.A` = `'A'`" in text
    checking = (PAGES / "checking.md").read_text(encoding="utf-8")
    assert "- `plugins` (tuple[str, ...]): The plugins whose rules ran" in checking
