"""Installed plugins are found as importlib.metadata finds them, without its cost."""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import Install

from klusterplan import testing
from klusterplan._extension import entry_points as _entry_points
from klusterplan.plugins import ENTRY_POINT_GROUP


def _standard(group: str) -> list[tuple[str, str, str]]:
    return sorted(
        (ep.name, ep.value, f"{ep.dist.name} {ep.dist.version}" if ep.dist else ep.value)
        for ep in metadata.entry_points(group=group)
    )


def _ours(group: str) -> list[tuple[str, str, str]]:
    return sorted((ep.name, ep.value, ep.dist) for ep in _entry_points.entry_points(group))


def test_the_installed_plugins_as_importlib_metadata_finds_them() -> None:
    found = _ours(ENTRY_POINT_GROUP)
    assert found == _standard(ENTRY_POINT_GROUP)
    assert [name for name, _, _ in found] == ["calendar", "kalmar"]
    assert ("kalmar", "klusterplan_kalmar.plugin", "klusterplan-kalmar 0.1.0") in found
    # another group and a group nobody declares
    assert _ours("console_scripts") == _standard("console_scripts")
    assert _ours("no-such-group") == []


def test_a_plugin_installed_later_and_its_object(install: Install) -> None:
    install(
        "klusterplan-zz",
        {"zz_plugin": "class Holder:\n    class Inner:\n        value = 42\n"},
        "zz = zz_plugin:Holder.Inner",
    )
    assert _ours(ENTRY_POINT_GROUP) == _standard(ENTRY_POINT_GROUP)
    (zz,) = [ep for ep in _entry_points.entry_points(ENTRY_POINT_GROUP) if ep.name == "zz"]
    assert zz.dist == "klusterplan-zz 1.0"
    assert zz.load().value == 42


def test_the_first_distribution_of_a_name_on_the_path_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, module in (("first", "mod_a"), ("second", "mod_b")):
        info = tmp_path / folder / "klusterplan_twice-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: klusterplan-twice\nVersion: 1.0\n"
        )
        (info / "entry_points.txt").write_text(f"[klusterplan]\ntwice = {module}\n")
    monkeypatch.syspath_prepend(str(tmp_path / "second"))
    monkeypatch.syspath_prepend(str(tmp_path / "first"))
    assert _ours(ENTRY_POINT_GROUP) == _standard(ENTRY_POINT_GROUP)
    assert [v for n, v, _ in _ours(ENTRY_POINT_GROUP) if n == "twice"] == ["mod_a"]


def test_a_zip_on_the_path_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_plugin.py", "VALUE = 7\n")
        zipped.writestr(
            "klusterplan_zipped-2.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: klusterplan-zipped\nVersion: 2.0\n",
        )
        zipped.writestr(
            "klusterplan_zipped-2.0.dist-info/entry_points.txt",
            "[klusterplan]\nzipped = zipped_plugin:VALUE\n",
        )
    monkeypatch.syspath_prepend(str(archive))
    found = _ours(ENTRY_POINT_GROUP)
    assert ("zipped", "zipped_plugin:VALUE", "klusterplan-zipped 2.0") in found
    assert found == _standard(ENTRY_POINT_GROUP)
    monkeypatch.delitem(sys.modules, "zipped_plugin", raising=False)


#: Values as pip writes them from a package's metadata: a module alone, an object in
#: it, spaces around the colon, and extras (what to install with it, not what to load).
_VALUES = {
    "zz-module": "zz_values",
    "zz-module-extras": "zz_values [fast]",
    "zz-object": "zz_values:Holder.Inner",
    "zz-object-extras": "zz_values:Holder.Inner [fast, small]",
    "zz-spaced": "zz_values : Holder",
    "zz-tight-extras": "zz_values:Holder[fast]",
}


def test_values_load_as_importlib_metadata_loads_them(install: Install) -> None:
    source = "class Holder:\n    class Inner:\n        value = 42\n"
    install(
        "klusterplan-zz", {"zz_values": source}, "\n".join(f"{n} = {v}" for n, v in _VALUES.items())
    )
    ours = {ep.name: ep for ep in _entry_points.entry_points(ENTRY_POINT_GROUP)}
    standard = {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    for name, value in _VALUES.items():
        assert ours[name].value == standard[name].value == value
        assert ours[name].load() is standard[name].load(), name
    assert ours["zz-module-extras"].load() is sys.modules["zz_values"]
    assert ours["zz-object-extras"].load().value == 42


def test_a_malformed_value_fails_to_load_in_both(install: Install) -> None:
    install("klusterplan-zz", {"zz_bad": "VALUE = 1\n"}, "zz-bad = zz_bad:")
    (ours,) = [ep for ep in _entry_points.entry_points(ENTRY_POINT_GROUP) if ep.name == "zz-bad"]
    (standard,) = [
        ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == "zz-bad"
    ]
    # (importlib.metadata raises AttributeError before Python 3.13, ValueError since)
    with pytest.raises((AttributeError, ValueError)):
        standard.load()
    with pytest.raises(ValueError, match="zz-bad"):
        ours.load()


def test_a_plugin_with_extras_registers_through_its_entry_point(install: Install) -> None:
    install(
        "klusterplan-zz",
        {
            "zz_rules": """
                from klusterplan import Rule, Severity
                from klusterplan.hookspecs import hookimpl

                @hookimpl
                def register_rules():
                    return [
                        Rule("ZZ901", "zz-extras", Severity.INFO, "From a plugin with extras.",
                             "Loaded through an entry point with extras.", lambda plan, ctx: [])
                    ]
            """
        },
        "zz-rules = zz_rules [fast]",
    )
    registry = testing.make_registry(entry_points=["zz-rules"])
    assert not registry.failures
    assert "ZZ901" in registry.rules()
