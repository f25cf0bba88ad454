"""Many plans at once: the command, export_many on the standard library's pools, failures."""

from __future__ import annotations

import concurrent.futures as cf
import io
import multiprocessing
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import Result

import klusterplan
from klusterplan import ExportOutcome, export_many
from klusterplan.model import Language
from klusterplan.plugins import get_registry

Run = Callable[..., Result]


def _plans(folder: Path, names: list[str], broken: tuple[str, ...] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    example = klusterplan.example()
    paths = []
    for name in names:
        path = folder / name
        if name in broken:
            path.write_text("schema_version: 1\nlibrary: {name: 3}\n", encoding="utf-8")
        else:
            library = attrs.evolve(example.library, name=f"{Path(name).stem} bibliotek")
            klusterplan.dump(attrs.evolve(example, library=library), path)
        paths.append(path)
    return paths


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def test_the_command_exports_the_good_and_reports_the_broken(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path / "plans", ["a.yaml", "b.yaml", "c.yaml", "d.yaml"], broken=("c.yaml",))
    result = run(
        "export",
        *sorted(str(p) for p in (tmp_path / "plans").iterdir()),
        "--to",
        "markdown,json",
        "-o",
        "out",
        "--jobs",
        "2",
    )
    assert result.exit_code == 2, result.output  # a broken plan is bad input
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.json",
        "a.md",
        "b.json",
        "b.md",
        "d.json",
        "d.md",
    ]
    # one run, one language: the plans that say theirs share Swedish, so the run speaks it
    assert "c.yaml:2: library.name: här ska det stå text, men det står talet 3" in result.output
    assert "4 planer: 3 exporterade, 1 misslyckades; 6 filer skrivna" in result.output
    assert "Traceback" not in result.output


def test_same_file_names_never_overwrite_each_other(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path / "north", ["plan.yaml"])
    _plans(tmp_path / "south", ["plan.yaml", "Plan.json"])
    result = run(
        "export",
        "north/plan.yaml",
        "south/plan.yaml",
        "south/Plan.json",
        "--to",
        "json",
        "-o",
        "out",
        "--jobs",
        "1",
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3 and "plan.json" in names
    assert "south/plan.yaml: utdatanamnet 'plan' är upptaget av north/plan.yaml" in result.output
    texts = {klusterplan.load(tmp_path / "out" / n).library.name for n in names}
    assert texts == {"plan bibliotek", "Plan bibliotek"} or len(texts) == 2
    # the suffix is stable: the same run names the same files
    again = run(
        "export",
        "north/plan.yaml",
        "south/plan.yaml",
        "south/Plan.json",
        "--to",
        "json",
        "-o",
        "out2",
        "--jobs",
        "1",
    )
    assert again.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out2").iterdir()) == names


def test_names_from_files_stay_inside_the_folder(tmp_path: Path) -> None:
    plan = klusterplan.example()
    hostile = attrs.evolve(plan, library=attrs.evolve(plan.library, name="../../etc/passwd"))
    outcomes = export_many(
        [("../../x/..\\evil:name?.yaml", plan), hostile, ("con.yaml", plan)],
        "json",
        tmp_path / "out",
    )
    assert all(o.ok for o in outcomes)
    written = [Path(w) for o in outcomes for w in o.written]
    assert all(p.parent == tmp_path / "out" for p in written)
    assert [p.name for p in written] == ["evil-name.json", "passwd.json", "plan_con.json"]


def test_empty_format_list_is_a_usage_error(run: Run) -> None:
    result = run("export", "--example", "--to", ",")
    assert result.exit_code == 2
    assert "inget format angivet" in result.output  # the example plan is Swedish


@pytest.mark.parametrize(
    "make",
    [
        lambda: None,
        lambda: cf.ThreadPoolExecutor(2),
        lambda: cf.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")),
    ],
    ids=["in-process", "threads", "processes"],
)
def test_export_many_runs_on_any_executor(
    tmp_path: Path, make: Callable[[], cf.Executor | None]
) -> None:
    paths = _plans(tmp_path / "plans", [f"p{i}.yaml" for i in range(6)], broken=("p3.yaml",))
    seen: list[ExportOutcome] = []
    executor = make()
    try:
        outcomes = export_many(
            paths, ["json", "markdown"], tmp_path / "out", executor, on_result=seen.append
        )
    finally:
        if executor is not None:
            executor.shutdown()
    assert [o.source for o in outcomes] == [str(p) for p in paths]  # input order
    assert sorted(o.source for o in seen) == sorted(o.source for o in outcomes)
    assert [o.ok for o in outcomes] == [True, True, True, False, True, True]
    assert outcomes[3].bad_input and "library.name: expected text" in outcomes[3].problems[0]
    assert len(list((tmp_path / "out").iterdir())) == 10
    assert klusterplan.load(tmp_path / "out" / "p5.json").library.name == "p5 bibliotek"


_BROKEN_PLUGIN = """
import sys
from klusterplan import Exporter, hookimpl

def _raise(plan, stream, context):
    stream.write(b"half")
    raise RuntimeError("boom")

def _exit(plan, stream, context):
    sys.exit(0)

@hookimpl
def register_exporters():
    return [
        Exporter("crash", ".crash", "raises", _raise),
        Exporter("quit", ".quit", "exits", _exit),
    ]
"""


def test_a_failing_plugin_exporter_fails_alone(
    run: Run, tmp_path: Path, install: Callable[..., Path]
) -> None:
    install("klusterplan-broken", {"broken_exporter": _BROKEN_PLUGIN}, "broken = broken_exporter")
    _plans(tmp_path, ["a.yaml", "b.yaml"])
    result = run(
        "export", "a.yaml", "b.yaml", "--to", "crash,json,quit,markdown", "-o", "out", "--jobs", "1"
    )
    assert result.exit_code == 1, result.output  # not the plans' fault
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.json",
        "a.md",
        "b.json",
        "b.md",
    ]
    assert (
        "a.yaml: formatet crash från insticksmodulen 'broken' misslyckades: RuntimeError: boom"
        in result.output
    )
    assert "formatet quit från insticksmodulen 'broken' misslyckades: SystemExit" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(klusterplan.ExportError, match="plugin 'broken'") as caught:
        klusterplan.export(klusterplan.example(), "crash", tmp_path / "x.crash")
    assert caught.value.plugin == "broken" and not (tmp_path / "x.crash").exists()


_BAD_BRANDING = """
from klusterplan import Branding, Logo, hookimpl

@hookimpl
def branding(plan, format):
    return Branding(logo=Logo(b"not a picture", "logo"), primary_colour="blue", footer="a\\x0bb")
"""


def test_a_plugins_bad_branding_is_reported_and_replaced(
    tmp_path: Path, install: Callable[..., Path]
) -> None:
    install("klusterplan-badlook", {"bad_look": _BAD_BRANDING}, "badlook = bad_look")
    with pytest.warns(klusterplan.PluginWarning) as warned:
        klusterplan.export(klusterplan.example(), "docx", tmp_path / "plan.docx")
    messages = " ".join(str(w.message) for w in warned)
    assert "plugin 'badlook'" in messages and "'blue' is not a #RRGGBB colour" in messages
    assert "the logo is not a PNG or JPEG picture; left out" in messages
    assert (tmp_path / "plan.docx").stat().st_size > 0


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    klusterplan.export(klusterplan.example(), "markdown", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_an_error_names_the_users_path_not_the_temporary_file(tmp_path: Path) -> None:
    # a folder that does not exist is the user's mistake: a PlanError naming the path given
    target = tmp_path / "no-such-folder" / "plan.json"
    with pytest.raises(klusterplan.PlanError) as caught:
        klusterplan.export(klusterplan.example(), "json", target)
    assert caught.value.source == str(target)
    assert "no-such-folder does not exist" in str(caught.value)
    assert ".tmp" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_the_progress_bar_counts_and_prints_problems_above_it() -> None:
    from rich.console import Console

    from klusterplan.cli._progress import Bar

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100, color_system=None)
    with Bar(2, Language.EN, console) as bar:
        bar.outcome(ExportOutcome("a.yaml", written=("out/a.pdf",)))
        bar.outcome(ExportOutcome("b.yaml", problems=("b.yaml:2: library.\x1b[2J: unknown key",)))
    shown = screen.getvalue()
    assert "b.yaml:2: library.\\x1b[2J: unknown key" in shown
    assert "2/2" in shown and "plans/s" in shown


_KILLER = """
import os, signal
from klusterplan._support import atomic as _atomic

_fsync = os.fsync

def fsync(fd):
    # the worker dies with the temporary file of victim.md half-way to its place
    if os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1].startswith(".victim.md."):
        os.kill(os.getpid(), signal.SIGKILL)
    _fsync(fd)

_atomic.os = type(os)("os_with_a_trap")
_atomic.os.__dict__.update(os.__dict__)
_atomic.os.fsync = fsync
"""


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_a_worker_killed_mid_write_leaves_no_file_behind(tmp_path: Path) -> None:
    paths = _plans(tmp_path / "plans", ["a.yaml", "victim.yaml", "c.yaml", "d.yaml"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "victim.md").write_text("the earlier export", encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            {textwrap.indent(_KILLER, "            ").strip()}
            from klusterplan._export.batch import plan_tasks, process_pool, run_tasks
            # the trap is set above in every worker too: each runs this script again
            if __name__ == "__main__":
                tasks = plan_tasks({[str(p) for p in paths]!r}, "markdown", {str(out)!r})
                for o in run_tasks(tasks, new_executor=lambda: process_pool(2)):
                    print(o.source, o.ok, o.problems)
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["True", "False", "True", "True"], result.stdout
    assert "processen som exporterade den stannade innan den var klar" in lines[1]
    assert (out / "victim.md").read_text(encoding="utf-8") == "the earlier export"
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "c.md", "d.md", "victim.md"]
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_exits_130_without_a_traceback_or_a_half_written_file(tmp_path: Path) -> None:
    paths = _plans(tmp_path / "plans", [f"p{i}.yaml" for i in range(40)])
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "klusterplan",
            "export",
            *map(str, paths),
            "--to",
            "docx,pdf",
            "-o",
            str(tmp_path / "out"),
            "--jobs",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait until the first files are written, then press Ctrl-C
    while process.poll() is None and not any((tmp_path / "out").glob("*.pdf")):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the export finished before the signal arrived")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "klusterplan: avbrutet" in stderr  # in the language of the Swedish plans
    assert _leftovers(tmp_path) == []
    for path in (tmp_path / "out").glob("*.docx"):
        import docx

        docx.Document(str(path))  # every file that is there is whole


def test_dumps_writes_shared_values_in_full() -> None:
    import datetime

    day = datetime.date(2011, 3, 15)
    plan = klusterplan.Plan(
        actions=tuple(
            klusterplan.model.Action(what=f"a{i}", due=day, roles=("x",)) for i in range(3)
        )
    )
    text = klusterplan.dumps(plan)
    assert "&id" not in text and "*id" not in text
    assert text.count("due: 2011-03-15") == 3


def test_markdown_headings_keep_their_hashes_and_stay_one_line() -> None:
    plan = klusterplan.example()
    group = attrs.evolve(plan.target_groups[0], name="Tonåringar ##\nrad två")
    plan = attrs.evolve(plan, target_groups=(group, *plan.target_groups[1:]))
    buffer = io.BytesIO()
    klusterplan.export(plan, "markdown", buffer)
    headings = [h for h in buffer.getvalue().decode("utf-8").splitlines() if h.startswith("#")]
    assert any(h.endswith(" Tonåringar \\#\\# rad två") for h in headings), headings
    assert not any(h.strip() == "rad två" for h in buffer.getvalue().decode("utf-8").splitlines())


def test_registry_sees_the_installed_plugins() -> None:
    assert "json" in get_registry().exporters()


_BROKEN_RENDERER = """
from klusterplan import Exporter, hookimpl

def _render(document, stream, context):
    raise KeyError("no such style")

@hookimpl
def register_exporters():
    return [Exporter("odt", ".odt", "a broken document format", render=_render)]
"""


def test_a_failing_workbook_renderer_is_reported_without_a_traceback(
    run: Run, tmp_path: Path, install: Callable[..., Path]
) -> None:
    install("klusterplan-odt", {"broken_odt": _BROKEN_RENDERER}, "odt = broken_odt")
    result = run("workbook", "-o", "arbetsbok.odt")
    assert result.exit_code == 1
    # a blank workbook has no plan: the command speaks the system's language
    assert "the odt exporter of plugin 'odt' failed: KeyError: 'no such style'" in result.output
    assert not (tmp_path / "arbetsbok.odt").exists()


@pytest.mark.parametrize(
    ("library", "name"),
    [
        ("Alvesta bibliotek", "Alvesta-bibliotek.json"),
        ("  Ödeshögs   bibliotek  ", "Ödeshögs-bibliotek.json"),
        ('Växjö: <stads>|"bibliotek"?*', "Växjö-stads-bibliotek.json"),
        ("bibliotek...", "bibliotek.json"),
        ("NUL", "plan_NUL.json"),
        ("com1", "plan_com1.json"),
        ("LPT9.plan", "plan_LPT9.plan.json"),
        ("tab\there", "tab-here.json"),
    ],
)
def test_names_from_library_names_are_safe_on_every_system(
    tmp_path: Path, library: str, name: str
) -> None:
    plan = klusterplan.example()
    named = attrs.evolve(plan, library=attrs.evolve(plan.library, name=library))
    (outcome,) = export_many([named], "json", tmp_path)
    assert outcome.ok, outcome.problems
    assert [Path(w).name for w in outcome.written] == [name]
    assert not set(name) & set('<>:"/\\|?* ') and not Path(name).stem.endswith(".")
