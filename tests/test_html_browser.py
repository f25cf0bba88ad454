"""The HTML export in a real browser: axe-core finds no violation, and the page fits a phone.

Headless Chromium (Debian's ``chromium`` package) loads the exported page from
a file, with no network, and runs axe-core (from npm) over it through the
DevTools protocol on a pipe. ``.ci/run`` installs both. Locally the test skips
when Chromium or axe-core is missing; in CI (``CI`` set) it fails instead.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from page_audit import audit, read_pages

import klusterplan
from klusterplan import ExportOptions, Language

ROOT = Path(__file__).resolve().parents[1]
#: Where .ci/run installs axe-core; KLUSTERPLAN_AXE_CORE names another axe.min.js.
AXE = Path(
    os.environ.get("KLUSTERPLAN_AXE_CORE")
    or ROOT / ".browser-test" / "node_modules" / "axe-core" / "axe.min.js"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
]
#: How long one protocol answer may take; a wedged browser fails the test, never hangs it.
WAIT = 90.0


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what}; .ci/run installs it")
    pytest.skip(what)


class Browser:
    """Chromium driven through the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self, binary: str, profile: str) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def pipes() -> None:
            # The browser reads commands on fd 3 and writes answers on fd 4. Copies
            # first, so that moving one end onto 3 cannot close the other.
            reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=pipes,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.session = ""

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise ConnectionError("the browser closed the pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        self._next += 1
        command: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session and self.session:
            command["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + WAIT
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + WAIT
        while self._message(deadline).get("method") != event:
            pass

    def open(self) -> None:
        target = self.send("Target.createTarget", session=False, url="about:blank")["targetId"]
        attached = self.send("Target.attachToTarget", session=False, targetId=target, flatten=True)
        self.session = attached["sessionId"]
        self.send("Page.enable")

    def load(self, path: Path) -> None:
        self.send("Page.navigate", url=path.as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        answer = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in answer:
            raise RuntimeError(str(answer["exceptionDetails"]))
        return answer["result"].get("value")

    def close(self) -> None:
        # a browser that is already gone has nothing left to close
        with contextlib.suppress(OSError, RuntimeError, TimeoutError, ConnectionError):
            self.send("Browser.close", session=False)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        _missing("Chromium is not installed (apt-get install chromium)")
    if not AXE.is_file():
        _missing(f"axe-core is not installed at {AXE.relative_to(ROOT)}")
    assert binary is not None
    with tempfile.TemporaryDirectory(prefix="klusterplan-browser-") as profile:
        chromium = Browser(binary, profile)
        try:
            chromium.open()
            yield chromium
        finally:
            chromium.close()


def _violations(browser: Browser, page: Path) -> list[str]:
    browser.load(page)
    browser.evaluate(AXE.read_text(encoding="utf-8"))
    found = browser.evaluate(
        "axe.run(document).then(r => JSON.stringify(r.violations.map(v => "
        "[v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))])))"
    )
    return [f"{rule} ({impact}): {nodes}" for rule, impact, nodes in json.loads(found)]


def _page(tmp_path: Path, plan: klusterplan.Plan, **options: Any) -> Path:
    out = io.BytesIO()
    klusterplan.export(plan, "html", out, ExportOptions(**options))
    path = tmp_path / "plan.html"
    path.write_bytes(out.getvalue())
    return path


#: The pages every browser test looks at: the plan in each of its forms, and both workbooks.
DOCUMENTS: list[tuple[str, Any, dict[str, Any]]] = [
    ("plan", klusterplan.example, {}),
    ("english", klusterplan.example, {"language": Language.EN}),
    ("large print", klusterplan.example, {"large_print": True}),
    ("blank workbook", klusterplan.Plan, {"workbook": True}),
    ("pre-filled workbook", klusterplan.example, {"workbook": True}),
]


def _hostile() -> klusterplan.Plan:
    plan = klusterplan.example()
    text = '<script>alert(1)</script></style><a href="javascript:alert(2)">x</a>'
    group = attrs.evolve(plan.target_groups[0], name=text, description=text)
    return attrs.evolve(plan, target_groups=(group, *plan.target_groups[1:]))


@pytest.mark.parametrize(
    ("name", "plan", "options"),
    [*DOCUMENTS, ("hostile text", _hostile, {})],
)
def test_axe_finds_no_violations(
    browser: Browser, tmp_path: Path, name: str, plan: Any, options: dict[str, Any]
) -> None:
    assert _violations(browser, _page(tmp_path, plan(), **options)) == []


def test_hostile_text_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    browser.load(_page(tmp_path, _hostile()))
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
    assert "<script>alert(1)</script>" in browser.evaluate("document.body.innerText")


def test_page_fits_a_phone_without_scrolling_sideways(browser: Browser, tmp_path: Path) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=390,
        height=844,
        deviceScaleFactor=2,
        mobile=True,
    )
    try:
        browser.load(_page(tmp_path, klusterplan.example()))
        overflow = browser.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")


def test_the_check_sees_a_violation(browser: Browser, tmp_path: Path) -> None:
    # the harness itself: a page without a language and a picture without alt text fails
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><main>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
        encoding="utf-8",
    )
    found = " ".join(_violations(browser, page))
    assert "html-has-lang" in found and "image-alt" in found


#: Every word of the page's main part that a line break cuts without a hyphen.
#: A word of more than 40 characters (not a word a person types) may break.
_BROKEN_WORDS = """(() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest('.visually-hidden, thead, svg, title, style')) continue;
    const re = /[^\\s\\-–]+[-–]?/g;
    let m;
    while ((m = re.exec(node.textContent))) {
      if (m[0].length > 40) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken.slice(0, 20);
})()"""

#: The smallest text the page's charts draw, in CSS pixels as shown: each text's size
#: times the scale its drawing is shown at (a drawing with a ``viewBox`` is scaled).
_CHART_TEXT = """Math.min(1000, ...[...document.querySelectorAll('.chart svg text')].map(text =>
  parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a))"""

#: The captions of the tables shown as records that would have fitted as a table: laid
#: out as a table, each word whole within the text column and no cell of running text
#: (more than four words) narrower than 12.5 of its ems, padding included.
_NEEDLESS_RECORDS = """(() => {
  const needless = [];
  for (const table of document.querySelectorAll('table.stack')) {
    if (table.querySelector('tbody tr[style]')) continue;  // rows left to write in
    table.classList.remove('stack');
    const wide = table.getBoundingClientRect().width > table.parentElement.clientWidth + 0.5;
    const squeezed = [...table.querySelectorAll('tbody td')].some(cell =>
      cell.textContent.trim().split(/\\s+/).length > 4
      && cell.clientWidth < 12.5 * parseFloat(getComputedStyle(cell).fontSize));
    table.classList.add('stack');
    if (!wide && !squeezed) needless.push(table.querySelector('caption').textContent);
  }
  return needless;
})()"""


#: Cells a phone shows as a column's name with nothing under it (rows to write in aside).
_EMPTY_LABELS = """[...document.querySelectorAll('td[data-label]')]
  .filter(td => td.offsetParent !== null && !td.textContent.trim()
    && td.closest('tr').style.height === '')
  .map(td => td.dataset.label)"""


def _long_word() -> klusterplan.Plan:
    plan = klusterplan.example()
    word = "Biblioteks" * 300
    group = attrs.evolve(plan.target_groups[0], description=word, needs=(word,))
    library = attrs.evolve(plan.library, name="Byköpings\nbibliotek", municipality=word)
    return attrs.evolve(plan, target_groups=(group, *plan.target_groups[1:]), library=library)


@contextlib.contextmanager
def _phone(browser: Browser) -> Iterator[None]:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=390,
        height=844,
        deviceScaleFactor=2,
        mobile=True,
    )
    try:
        yield
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")


@pytest.mark.parametrize(
    ("name", "plan", "options"),
    [*DOCUMENTS, ("a very long word", _long_word, {})],
)
def test_on_a_phone_no_word_breaks_and_nothing_scrolls_sideways(
    browser: Browser, tmp_path: Path, name: str, plan: Any, options: dict[str, Any]
) -> None:
    with _phone(browser):
        browser.load(_page(tmp_path, plan(), **options))
        assert browser.evaluate(_BROKEN_WORDS) == []
        overflow = browser.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert browser.evaluate(_EMPTY_LABELS) == []
        assert browser.evaluate(_NEEDLESS_RECORDS) == []
        assert browser.evaluate(_CROWDED_LABELS) == []
        assert browser.evaluate(_SPLIT_RUNS) == []
        if name != "blank workbook":
            assert browser.evaluate(_CHART_TEXT) >= 12


def test_the_audit_sees_a_broken_word_and_small_chart_text(
    browser: Browser, tmp_path: Path
) -> None:
    page = tmp_path / "narrow.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body>'
        '<table><tr><td style="width: 2em; overflow-wrap: anywhere">Organisatoriska</td>'
        "<td>x</td></tr></table>"
        '<table class="stack"><caption>Kort</caption><tr><td>1</td><td>Ett namn</td></tr></table>'
        '<figure class="chart"><svg viewBox="0 0 1000 100" style="width: 300px">'
        '<text x="0" y="20" font-size="14">a</text></svg></figure></body></html>',
        encoding="utf-8",
    )
    with _phone(browser):
        browser.load(page)
        assert browser.evaluate(_BROKEN_WORDS) == ["Organisatoriska"]
        assert browser.evaluate(_CHART_TEXT) < 12
        assert browser.evaluate(_NEEDLESS_RECORDS) == ["Kort"]


def test_a_short_table_stays_a_table_on_a_phone_and_a_wide_one_becomes_records(
    browser: Browser, tmp_path: Path
) -> None:
    with _phone(browser):
        browser.load(_page(tmp_path, klusterplan.example()))
        shown = browser.evaluate(
            "[...document.querySelectorAll('table')].map(t => [t.querySelector('caption')"
            ".textContent, getComputedStyle(t.querySelector('tbody tr')).display])"
        )
    display = dict(shown)
    # short columns, a number, a name or a step each: tables, as in the summary
    for small in (
        "Prioriterade målgrupper",
        "Våra prioriterade målgrupper",
        "Kommunikationstrappan",
        "Målgrupperna på trappan",
        "Målgrupperna i centrummatrisen",
        "Budskap",
    ):
        assert display[small] == "table-row", small
    # eight columns of running text: a record a row
    assert display["Möjliga omgående åtgärder"] == "block"
    assert display["Aktiviteter"] == "block"


#: The labels whose value stands beside them and runs to more than two lines.
_CROWDED_LABELS = """[...document.querySelectorAll('dl.fields dd')].filter(dd => {
  const dt = dd.previousElementSibling;
  const beside = dt && Math.abs(dt.getBoundingClientRect().top - dd.getBoundingClientRect().top) < 2
    && dt.getBoundingClientRect().right <= dd.getBoundingClientRect().left;
  const line = parseFloat(getComputedStyle(dd).lineHeight);
  return beside && dd.getBoundingClientRect().height > 2.5 * line;
}).map(dd => dd.previousElementSibling.textContent)"""

#: The runs kept whole (a date, a phone number) that a line break splits all the same.
_SPLIT_RUNS = """[...document.querySelectorAll('.whole')]
  .filter(run => new Set([...run.getClientRects()].map(r => Math.round(r.top))).size > 1)
  .map(run => run.textContent)"""

#: Each table's left edge less the text column's, and how far it reaches past the window.
_TABLE_EDGES = """[...document.querySelectorAll('main table')].map(table => {
  const box = table.getBoundingClientRect();
  const main = document.querySelector('main').getBoundingClientRect();
  return [table.querySelector('caption').textContent, Math.round(box.left - main.left),
          Math.round(box.right - document.documentElement.clientWidth),
          Math.round(box.width - main.width)];
})"""


@pytest.mark.parametrize("width", [1280, 1024])
def test_on_a_desk_every_table_starts_at_the_text_edge(
    browser: Browser, tmp_path: Path, width: int
) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=False,
    )
    try:
        browser.load(_page(tmp_path, klusterplan.example()))
        edges = browser.evaluate(_TABLE_EDGES)
        overflow = browser.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert browser.evaluate(_BROKEN_WORDS) == []
        assert browser.evaluate(_CHART_TEXT) >= 12
        assert browser.evaluate(_CROWDED_LABELS) == []
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")
    assert overflow <= 0
    assert all(right <= 0 for _, _, right, _ in edges)
    wider = {caption for caption, _, _, extra in edges if extra > 0}
    # on a wide window every table starts where the text does; on a narrower one the
    # wide tables stand centred, all at one left edge
    lefts = {caption: left for caption, left, _, _ in edges}
    assert {lefts[c] for c in lefts if c not in wider} == {0}
    assert len({lefts[c] for c in wider}) == 1
    if width >= 1280:
        assert set(lefts.values()) == {0}
    # the tables of many columns reach beyond the text column, the rest keep to it
    assert {"Möjliga omgående åtgärder", "Att göra på längre sikt", "Aktiviteter"} <= wider
    assert "Budskap" not in wider


def test_axe_finds_no_violations_on_a_phone(browser: Browser, tmp_path: Path) -> None:
    with _phone(browser):
        assert _violations(browser, _page(tmp_path, klusterplan.example())) == []


#: For each record of the activities on a phone: how many of its fields stand on one
#: line with their name beside them, and how many under it.
_RECORD_LINES = """[...document.querySelectorAll('table.stack')]
  .filter(t => t.querySelector('caption').textContent === 'Aktiviteter')
  .flatMap(t => [...t.querySelectorAll('tbody tr')]).map(tr => {
    const beside = {}, under = [];
    for (const td of tr.querySelectorAll('td[data-label]')) {
      const label = td.getBoundingClientRect();
      const value = td.firstElementChild.getBoundingClientRect();
      if (Math.abs(value.top - label.top) < 4 && value.left > label.left + 40) {
        beside[td.dataset.label] = value.height < 1.6 * parseFloat(getComputedStyle(td).lineHeight);
      } else under.push(td.dataset.label);
    }
    return [beside, under];
  })"""


def test_on_a_phone_a_record_sets_short_values_beside_their_names(
    browser: Browser, tmp_path: Path
) -> None:
    with _phone(browser):
        browser.load(_page(tmp_path, klusterplan.example()))
        records = browser.evaluate(_RECORD_LINES)
        total = browser.evaluate(
            "[...document.querySelectorAll('table.stack tfoot td')]"
            ".filter(td => td.offsetParent !== null).map(td => [td.dataset.label || '', "
            "td.textContent.trim()])"
        )
    assert len(records) == len(klusterplan.example().communication_plan.activities)
    for beside, under in records:
        # a date, a name, an amount, a status: one line each, beside its column's name
        assert beside == {"När": True, "Ansvarig": True, "Budget": True, "Status": True}
        # running text under its column's name, in the record's full width
        assert {"Aktivitet", "Målgrupper"} <= set(under)
    # the total reads "Totalt", then the amount beside its column's name
    assert total == [["", "Totalt"], ["Budget", "47\u00a0000\u00a0kr"]]


def _printed(browser: Browser, page: Path) -> bytes:
    """The page as the browser prints it on A4, with the page's own print style."""
    browser.load(page)
    answer = browser.send("Page.printToPDF", preferCSSPageSize=True, printBackground=True)
    return base64.b64decode(answer["data"])


def test_printed_the_plan_reads_as_the_printed_plan(browser: Browser, tmp_path: Path) -> None:
    data = _printed(browser, _page(tmp_path, klusterplan.example()))
    pages = read_pages(data)
    text = [" ".join(line.text for line in page.lines) for page in pages]
    # the cover alone, the summary whole on the next page, then the contents on its own
    assert text[0].startswith("Lokal kommunikationsplan") and "Kontaktperson" in text[0]
    assert text[1].startswith("Sammanfattning") and "Aktiviteternas kostnad" in text[1]
    assert text[2].startswith("Innehåll") and "Sammanfattning" in text[2]
    assert "Att göra" in pages[3].lines[0].text
    defects = audit(data)
    # no word, date or amount broken, no table split to a lone row, no near-empty page
    for kind in ("broken value", "table split", "near-empty page", "near-empty contents page"):
        assert [str(d) for d in defects if d.kind == kind] == []
    # a label's lines, a chapter's short tail: at most a few the browser sets as it will
    assert len(defects) <= 3, [str(d) for d in defects]
    # every page but the cover carries the footer's line and its number, as printed plans do
    assert all(page.footer_gap is not None for page in pages[1:])
    assert pages[0].footer_gap is None
