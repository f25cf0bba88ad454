"""Nothing lost, leaked or left running: outputs that respect what they replace,
workers that end with their parent, thread-safe exporters and contained plugins."""

from __future__ import annotations

import concurrent.futures as cf
import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import Result

import klusterplan
from klusterplan import Branding, Logo, export_many, hookimpl, testing

Run = Callable[..., Result]


def _plans(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    example = klusterplan.example()
    paths = []
    for name in names:
        library = attrs.evolve(example.library, name=f"{Path(name).stem} bibliotek")
        path = folder / name
        klusterplan.dump(attrs.evolve(example, library=library), path)
        paths.append(path)
    return paths


# -- outputs onto what is not a plain file -----------------------------------------


def test_export_onto_a_symlink_writes_through_to_its_target(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "plan.md").write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real/plan.md")
    result = run("export", "plan.yaml", "-o", "link.md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real" / "plan.md").read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["plan.md"]


def test_import_onto_a_symlinked_plan_writes_the_target(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    assert run("export", "plan.yaml", "--to", "docx").exit_code == 0
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "new.yaml").write_text("# an older plan\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("kept/new.yaml")
    result = run("import", "plan.docx", "-o", "link.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.yaml").is_symlink()
    assert klusterplan.load(tmp_path / "kept" / "new.yaml").library.name == "plan bibliotek"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_into_not_replaced(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("export", "plan.yaml", "-o", "pipe.json")
    reader.join()
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b'"library"' in received[0]


def test_a_device_is_written_into_not_replaced(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a replica of /dev/null
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    for args in (("schema", "-o", "null"), ("summary", "plan.yaml", "-o", "null", "--to", "json")):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(null.lstat().st_mode), args
    assert list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize(("before", "after"), [(0o4755, 0o755), (0o4777, 0o755), (0o2640, 0o640)])
def test_a_new_file_takes_the_permission_bits_less_setuid_and_the_umask(
    tmp_path: Path, before: int, after: int
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(before)
    mask = os.umask(0o022)
    try:
        klusterplan.export(klusterplan.example(), "markdown", target)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == after


def test_summary_refuses_to_write_over_its_input(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    klusterplan.dump(klusterplan.example(), tmp_path / "in.json")
    before = (tmp_path / "in.json").read_bytes()
    result = run("summary", "plan.yaml", "in.json", "-o", "in.json", "--lang", "en")
    assert result.exit_code == 2
    assert "in.json: is one of this command's inputs (a plan)" in result.output
    assert (tmp_path / "in.json").read_bytes() == before


def test_every_command_refuses_to_write_over_its_inputs(run: Run, tmp_path: Path) -> None:
    _plans(tmp_path, ["plan.yaml"])
    assert run("export", "plan.yaml", "--to", "docx").exit_code == 0
    os.link(tmp_path / "plan.yaml", tmp_path / "hard.yaml")
    os.symlink("plan.docx", tmp_path / "link.docx")
    attempts = [
        ("export", "plan.yaml", "--template", "plan.docx", "-o", "plan.docx"),
        ("export", "plan.yaml", "-o", "hard.yaml"),
        ("workbook", "--from", "plan.docx", "-o", "link.docx"),
        ("workbook", "--template", "plan.docx", "-o", "plan.docx"),
        ("summary", "plan.yaml", "--template", "plan.docx", "-o", "plan.docx"),
        ("import", "plan.docx", "--into", "link.docx"),
        ("import", "plan.docx", "-o", "plan.docx", "--force"),
    ]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.is_symlink()}
    for args in attempts:
        result = run(*args, "--lang", "en")
        assert result.exit_code in (1, 2), (args, result.output)
        assert "Traceback" not in result.output
        assert "inputs" in result.output or "the plan" in result.output, (args, result.output)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.is_symlink()} == before


def test_the_refusal_is_said_in_swedish_too(run: Run, tmp_path: Path) -> None:
    klusterplan.dump(klusterplan.example(), tmp_path / "plan.json")
    result = run("summary", "plan.json", "-o", "plan.json", "--lang", "sv")
    assert result.exit_code == 2
    assert "plan.json: är en av kommandots indata (en plan); skriv till en annan fil" in (
        result.output
    )


# -- processes and threads ----------------------------------------------------------


def test_a_batch_run_ends_its_pool_without_a_traceback(tmp_path: Path) -> None:
    paths = _plans(tmp_path / "plans", ["a.yaml", "b.yaml"])
    script = tmp_path / "runs.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from klusterplan._export.batch import plan_tasks, process_pool, run_tasks
            if __name__ == "__main__":  # a pool's worker runs this script again
                for run in range(20):
                    out = {str(tmp_path / "out")!r}
                    tasks = plan_tasks({[str(p) for p in paths]!r}, "json", out)
                    outcomes = run_tasks(tasks, new_executor=lambda: process_pool(2))
                    assert all(o.ok for o in outcomes), outcomes
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "out").mkdir()
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


_SLOW = """
import os, time
from pathlib import Path
from klusterplan import Exporter, hookimpl

def _render(document, stream, context):
    Path(os.environ["SLOW_PIDS"], str(os.getpid())).write_text("", encoding="utf-8")
    while True:
        time.sleep(0.05)

@hookimpl
def register_exporters():
    return [Exporter("slow", ".slow", "never finishes", render=_render)]
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return not any(line.startswith("State:\tZ") for line in status)
    except (FileNotFoundError, ProcessLookupError):
        # gone before its status could be read, or while it was read
        return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("jobs", [2, 1])  # a batch's pool; one plan's plugin worker
def test_workers_end_with_their_parent(
    tmp_path: Path, install: Callable[..., Path], how: signal.Signals, jobs: int
) -> None:
    site = install("klusterplan-slow", {"slow_exporter": _SLOW}, "slow = slow_exporter")
    paths = _plans(tmp_path / "plans", ["a.yaml", "b.yaml"][:jobs])
    pids = tmp_path / "pids"
    pids.mkdir()
    mark = f"KLUSTERPLAN_TEST_RUN=parent-{os.getpid()}-{how}-{jobs}"
    env = {**os.environ, "PYTHONPATH": str(site), "SLOW_PIDS": str(pids)}
    env["KLUSTERPLAN_TEST_RUN"] = mark.partition("=")[2]
    command = [sys.executable, "-m", "klusterplan", "export", *map(str, paths), "--to", "slow"]
    said = tmp_path / "stderr.txt"
    with said.open("wb") as stderr:
        parent = subprocess.Popen(
            [*command, "--jobs", str(jobs), "-o", str(tmp_path / "out")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        while len(list(pids.iterdir())) < jobs and parent.poll() is None:
            time.sleep(0.05)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == jobs
        assert parent.pid not in workers
        parent.send_signal(how)
        parent.wait()
        for _ in range(1200):  # a guard against a hang, not a measure of speed
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
        for _ in range(600):  # the processes the pool's start left (a fork server), too
            if not _marked(mark):
                break
            time.sleep(0.05)
        assert _marked(mark) == []
    finally:
        parent.kill()
        for pid in [int(p.name) for p in pids.iterdir()]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert list((tmp_path / "out").glob(".*.tmp")) == []
    # no traceback, and no warning of the locks the killed command left behind
    assert said.read_text(encoding="utf-8", errors="replace") == ""


def test_pdfua_exports_on_a_thread_pool(tmp_path: Path) -> None:
    pytest.importorskip("typst")
    paths = _plans(tmp_path / "plans", [f"p{i}.yaml" for i in range(6)])
    with cf.ThreadPoolExecutor(4) as pool:
        outcomes = export_many(paths, "pdf-ua", tmp_path / "out", pool)
    assert [o.problems for o in outcomes] == [()] * 6
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 6


def test_export_many_on_a_dask_cluster_of_processes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _plans(tmp_path / "plans", ["a.yaml", "b.yaml", "c.yaml"])
    (tmp_path / "plans" / "trasig.yaml").write_text("library: {name: 3}\n", encoding="utf-8")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        outcomes = export_many(
            [*paths, tmp_path / "plans" / "trasig.yaml"],
            "json,markdown",
            tmp_path / "out",
            client.get_executor(),
        )
    assert [o.ok for o in outcomes] == [True, True, True, False]
    assert outcomes[3].bad_input
    assert klusterplan.load(tmp_path / "out" / "b.json").library.name == "b bibliotek"


# -- plugins contained ----------------------------------------------------------------

_UNRULY = """
import os, sys, time
from klusterplan import Branding, Exporter, hookimpl

class Escape(BaseException):
    pass

def _base(document, stream, context):
    raise Escape("out of here")

def _close(document, stream, context):
    stream.write(b"closed but whole")
    stream.close()

def _empty(document, stream, context):
    pass

def _chatty(plan, stream, context):
    print("hello from the plugin")
    stream.write(b"the document")

def _sleepy(plan, stream, context):
    while True:
        time.sleep(0.05)

def _gone(plan, stream, context):
    os._exit(0)

def _pid(plan, stream, context):
    stream.write(str(os.getpid()).encode())

def _quits(plan, stream, context):
    stream.write(b"half a document")
    sys.exit(0)

def _killed(plan, stream, context):
    import signal
    stream.write(b"half a document")
    os.kill(os.getpid(), signal.SIGKILL)

@hookimpl
def register_exporters():
    return [
        Exporter("base", ".base", "raises a BaseException", render=_base),
        Exporter("close", ".close", "closes its stream", render=_close),
        Exporter("empty", ".empty", "writes nothing", render=_empty),
        Exporter("chatty", ".chatty", "prints", _chatty),
        Exporter("sleepy", ".sleepy", "never ends", _sleepy),
        Exporter("gone", ".gone", "ends the process", _gone),
        Exporter("pid", ".pid", "names the process it runs in", _pid),
        Exporter("quits", ".quits", "calls sys.exit(0)", _quits),
        Exporter("killed", ".killed", "is killed", _killed),
    ]
"""


@pytest.fixture
def unruly(install: Callable[..., Path]) -> Path:
    return install("klusterplan-unruly", {"unruly": _UNRULY}, "unruly = unruly")


def test_a_renderers_failures_are_its_own(run: Run, tmp_path: Path, unruly: Path) -> None:
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "base,close,empty,json", "-o", "out/", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.close", "a.json"]
    assert (tmp_path / "out" / "a.close").read_bytes() == b"closed but whole"
    assert "the base exporter of plugin 'unruly' failed: Escape: out of here" in result.output
    assert "the empty exporter of plugin 'unruly' failed: wrote nothing" in result.output
    assert "Traceback" not in result.output


def test_a_renderers_print_never_reaches_the_document_on_stdout(
    run: Run, tmp_path: Path, unruly: Path
) -> None:
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "chatty", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == "the document"
    assert "hello from the plugin" in result.stderr


def test_a_hook_past_its_time_limit_fails_that_format_alone(
    run: Run, tmp_path: Path, unruly: Path
) -> None:
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "sleepy,json", "-o", "out/", "--hook-timeout", "0.5")
    assert result.exit_code == 1, result.output
    assert "formatet sleepy från insticksmodulen 'unruly' misslyckades: tog längre tid" in (
        result.output
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json"]
    outcomes = export_many([klusterplan.example()], "sleepy", tmp_path / "api", hook_timeout=0.2)
    assert "tog längre tid än gränsen på 0.2 s" in outcomes[0].problems[0]


def test_a_worker_that_exits_never_passes_for_success(tmp_path: Path, unruly: Path) -> None:
    paths = _plans(tmp_path, ["a.yaml", "b.yaml"])
    env = {**os.environ, "PYTHONPATH": str(unruly), "LANG": "en_GB.UTF-8"}
    result = subprocess.run(
        [
            *(sys.executable, "-m", "klusterplan", "export", *map(str, paths)),
            *("--to", "gone,json,quits,killed", "-o", str(tmp_path / "out")),
            *("--jobs", "2", "--lang", "en"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    said = result.stderr
    # each plan is tried alone, then format by format: only the formats that end their
    # process fail, each named by its plugin, and the plans' other formats are written
    for plan in ("a.yaml", "b.yaml"):
        assert f"{plan}: the gone exporter of plugin 'unruly' failed: its process ended" in said
        assert f"{plan}: the quits exporter of plugin 'unruly' failed: SystemExit: 0" in said
        assert f"{plan}: the killed exporter of plugin 'unruly' failed: its process was" in said
    assert said.count("(exit code 0); nothing was written") == 2
    assert said.count("stopped by signal SIGKILL before it finished; nothing was written") == 2
    assert "Traceback" not in said
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]


def _klusterplan(how: str) -> list[str]:
    """The command, started as ``python -m klusterplan`` or by its installed entry point."""
    if how == "module":
        return [sys.executable, "-m", "klusterplan"]
    script = Path(sys.executable).with_name("klusterplan")
    if not script.exists():
        pytest.skip("the klusterplan entry point is not installed beside this Python")
    return [str(script)]


@pytest.mark.parametrize("how", ["module", "entry point"])
def test_a_renderer_that_ends_its_process_fails_its_format_for_one_plan_too(
    tmp_path: Path, unruly: Path, how: str
) -> None:
    (path,) = _plans(tmp_path, ["a.yaml"])
    env = {**os.environ, "PYTHONPATH": str(unruly), "LANG": "en_GB.UTF-8"}
    formats = "gone,json,quits,killed,markdown"
    out = str(tmp_path / "out")
    result = subprocess.run(
        [*_klusterplan(how), "export", str(path), "--to", formats, "-o", out, "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    said = result.stderr
    assert "the gone exporter of plugin 'unruly' failed: its process ended before it " in said
    assert "(exit code 0); nothing was written" in said
    assert "the quits exporter of plugin 'unruly' failed: SystemExit: 0" in said
    assert "the killed exporter of plugin 'unruly' failed: its process was stopped by " in said
    assert "signal SIGKILL before it finished; nothing was written" in said
    assert "Traceback" not in said
    # the plan's other formats are written, whole; nothing else, no temporary file
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "a.md"]
    assert klusterplan.load(tmp_path / "out" / "a.json").library.name == "a bibliotek"


def _marked(mark: str) -> list[int]:
    """The processes whose environment holds ``mark``: a run's command and what it started."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue  # ended meanwhile, or another user's
            if mark.encode() in environ.split(b"\0") and _alive(int(entry.name)):
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_broken_pool_never_shows_a_workers_traceback(tmp_path: Path, unruly: Path) -> None:
    # a renderer that ends its worker breaks the pool while the other workers read its
    # queue or run a plan; they are stopped, and whatever they were doing, nothing of the
    # pool's machinery reaches the user (a worker stopped mid-read once left the queue
    # cut in two for another: "EOFError: Ran out of input"), while what a plugin prints
    # on purpose does: 10 runs, as it showed in some
    names = ["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "f.yaml"]
    paths = _plans(tmp_path / "plans", names)
    for run in range(10):
        mark = f"KLUSTERPLAN_TEST_RUN=broken-pool-{os.getpid()}-{run}"
        env = {**os.environ, "PYTHONPATH": str(unruly), "LANG": "en_GB.UTF-8"}
        env["KLUSTERPLAN_TEST_RUN"] = mark.partition("=")[2]
        out = tmp_path / f"out{run}"
        result = subprocess.run(
            [
                *(sys.executable, "-m", "klusterplan", "export", *map(str, paths)),
                *("--to", "json,chatty,gone", "-o", str(out), "--jobs", "3", "--lang", "en"),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        said = result.stderr
        assert result.returncode == 1, said
        assert "Traceback" not in said and "EOFError" not in said and "Process " not in said
        assert said.count("the gone exporter of plugin 'unruly' failed: its process ended") == 6
        assert said.count("hello from the plugin") >= 6  # each plan's chatty, once or more
        written = sorted(p.name for p in out.iterdir())
        assert written == sorted(f"{Path(n).stem}.{s}" for n in names for s in ("chatty", "json"))
        for _ in range(600):  # a guard against a hang, not a measure of speed
            if not _marked(mark):
                break
            time.sleep(0.05)
        assert _marked(mark) == []  # no worker, no fork server left running


_TERMED = """
import os, signal
from pathlib import Path
from klusterplan import Exporter, hookimpl

def _render(plan, stream, context):
    stream.write(b"half a document")
    first = Path(os.environ["TERMED_ONCE"])
    if not first.exists():  # told to stop from outside, once, in the middle of a plan
        first.write_text("", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGTERM)
    stream.write(b" and the rest")

@hookimpl
def register_exporters():
    return [Exporter("termed", ".termed", "its worker is told to stop once", render=_render)]
"""


def test_a_worker_told_to_stop_ends_and_its_plan_is_tried_again(
    tmp_path: Path, install: Callable[..., Path]
) -> None:
    # the worker unwinds (no temporary file) and ends: its stop is neither taken for the
    # plan's result, which would end the command, nor followed by another read of its queue
    site = install("klusterplan-termed", {"termed": _TERMED}, "termed = termed")
    paths = _plans(tmp_path / "plans", ["a.yaml", "b.yaml", "c.yaml"])
    env = {**os.environ, "PYTHONPATH": str(site), "TERMED_ONCE": str(tmp_path / "once")}
    out = tmp_path / "out"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "klusterplan", "export", *map(str, paths)),
            *("--to", "termed", "-o", str(out), "--jobs", "2", "--lang", "en"),
        ],
        env={**env, "LANG": "en_GB.UTF-8"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.termed", "b.termed", "c.termed"]
    assert {p.read_bytes() for p in out.iterdir()} == {b"half a document and the rest"}


def test_a_renderer_that_ends_its_process_under_the_test_runner(
    run: Run, tmp_path: Path, unruly: Path
) -> None:
    _plans(tmp_path, ["a.yaml", "b.yaml"])
    result = run("export", "a.yaml", "b.yaml", "--to", "gone,json", "-o", "out/", "--jobs", "1")
    assert result.exit_code == 1, result.output
    # the worker that ended is started anew for the next plan, which fails alike
    assert result.output.count("formatet gone från insticksmodulen 'unruly' misslyckades") == 2
    assert "(slutkod 0); inget skrevs" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]


def test_a_renderer_that_ends_its_process_writes_nothing_to_stdout(
    run: Run, tmp_path: Path, unruly: Path
) -> None:
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "killed", "-o", "-", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "the killed exporter of plugin 'unruly' failed: its process was stopped" in (
        result.stderr
    )


def test_the_command_runs_a_plugins_format_in_a_worker_and_the_api_in_its_caller(
    run: Run, tmp_path: Path, unruly: Path
) -> None:
    _plans(tmp_path, ["a.yaml", "b.yaml"])
    result = run("export", "a.yaml", "b.yaml", "--to", "pid", "-o", "out/", "--jobs", "1")
    assert result.exit_code == 0, result.output
    workers = {(tmp_path / "out" / f"{p}.pid").read_text(encoding="utf-8") for p in "ab"}
    assert len(workers) == 1  # one worker serves the run
    assert workers != {str(os.getpid())}
    klusterplan.export(klusterplan.example(), "pid", tmp_path / "api.pid")
    assert (tmp_path / "api.pid").read_text(encoding="utf-8") == str(os.getpid())
    (outcome,) = export_many([klusterplan.example()], "pid", tmp_path / "many")
    assert Path(outcome.written[0]).read_text(encoding="utf-8") == str(os.getpid())


_BRANDED = """
from klusterplan import Exporter, hookimpl

def _render(document, stream, context):
    print("rendering in the worker")
    stream.write(f"colour {context.branding.primary_colour}".encode())

@hookimpl
def register_exporters():
    return [Exporter("branded", ".branded", "shows its branding", render=_render)]

@hookimpl
def branding(plan, format):
    raise ValueError("no look today")
"""


def test_a_hook_that_fails_in_the_worker_is_told_once_by_the_command(
    run: Run, tmp_path: Path, install: Callable[..., Path]
) -> None:
    install("klusterplan-branded", {"branded": _BRANDED}, "branded = branded")
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "branded,json", "-o", "out/", "--lang", "en")
    assert result.exit_code == 0, result.output
    told = "plugin 'branded': hook branding raised ValueError: no look today"
    assert result.output.count(told) == 1, result.output
    assert "rendering in the worker" in result.stderr
    assert (tmp_path / "out" / "a.branded").read_text(encoding="utf-8").startswith("colour #")


def test_only_an_installed_plugins_format_leaves_the_process(
    tmp_path: Path, unruly: Path, install: Callable[..., Path]
) -> None:
    from klusterplan._export.worker import PluginWorker
    from klusterplan.plugins import get_registry

    worker = PluginWorker(get_registry())
    assert worker.takes("gone") and worker.takes("CHATTY")
    assert not any(worker.takes(f) for f in ("json", "docx", "pdf-ua", "no such format"))
    # a plugin registered in code lives only in this process: its registry stays here
    in_code = testing.make_registry(type("Look", (), {}), builtins=True, entry_points=["unruly"])
    assert in_code.recipe() is None
    assert not PluginWorker(in_code).takes("gone")
    rebuilt = klusterplan.plugins.Registry.from_recipe(get_registry().recipe() or ())
    assert [p.name for p in rebuilt.plugins()] == [p.name for p in get_registry().plugins()]


_QUITTING_BRANDING = """
import sys, time
from klusterplan import hookimpl

@hookimpl
def branding(plan, format):
    if format == "html":
        while True:
            time.sleep(0.05)
    sys.exit("no branding today")
"""


def test_a_branding_hook_that_exits_or_hangs_falls_back_to_the_default(
    run: Run, tmp_path: Path, install: Callable[..., Path]
) -> None:
    install("klusterplan-quits", {"quits": _QUITTING_BRANDING}, "quits = quits")
    _plans(tmp_path, ["a.yaml"])
    result = run("export", "a.yaml", "--to", "markdown,html", "-o", "out/", "--hook-timeout", "0.5")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.html", "a.md"]
    # each told once, in the plan's language
    assert result.output.count("kroken branding gav felet SystemExit: no branding today") == 1
    assert result.output.count("kroken branding tog längre tid än gränsen på 0.5 s") == 1


# -- logos ------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1F4E79").save(buffer, "PNG")
    return buffer.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels: a bomb without the bytes."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


LOGOS = {
    "bomb": (_png_header(30000, 30000), "than the limit of 25 megapixels"),
    "big": (_png_header(6000, 5000), "6000 × 5000 pixels, over the limit of 25 megapixels"),
    "truncated": (_png(64, 64)[:-40], "cannot be read as a picture"),
    "no pixels": (_png_header(0, 0), "left out"),
    "garbage jpeg": (b"\xff\xd8\xff" + bytes(range(256)) * 4, "cannot be read as a picture"),
    "huge file": (_png(8, 8) + b"\0" * (6 * 1024 * 1024), "over the limit of 5.0 MB"),
}


@pytest.mark.parametrize("name", sorted(LOGOS))
def test_a_broken_logo_is_refused_when_the_branding_arrives(name: str, tmp_path: Path) -> None:
    data, said = LOGOS[name]

    class Look:
        @staticmethod
        @hookimpl
        def branding(plan: klusterplan.Plan, format: str) -> Branding:
            return Branding(logo=Logo(data, "Kommunens logotyp"))

    registry = testing.make_registry(Look, builtins=True)
    branding = registry.branding(klusterplan.example(), "pdf-ua")
    assert branding.logo is None
    failures = [f.render("en") for f in registry.failures]
    assert any("plugin 'Look'" in f and said in f for f in failures), failures
    with testing.use_registry(registry), pytest.warns(klusterplan.PluginWarning):
        outcomes = export_many([klusterplan.example()], "pdf,docx,html", tmp_path)
    assert outcomes[0].ok, outcomes[0].problems
    assert all(Path(w).stat().st_size < 1024 * 1024 for w in outcomes[0].written)


def test_a_good_logo_passes_and_the_refusal_is_in_swedish(tmp_path: Path) -> None:
    good = _png(40, 20)

    class Look:
        @staticmethod
        @hookimpl
        def branding(plan: klusterplan.Plan, format: str) -> Branding:
            return Branding(logo=Logo(good if format == "docx" else good[:-40], "Logotyp"))

    registry = testing.make_registry(Look, builtins=True)
    assert registry.branding(klusterplan.example(), "docx").logo is not None
    assert registry.branding(klusterplan.example(), "pdf").logo is None
    assert "logotypen går inte att läsa som bild" in registry.failures[0].render("sv")
