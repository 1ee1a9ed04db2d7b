"""Report: HTML files from a real `pipeline run` on the seed, escaping, evidence links, and a real browser.

The browser test drives Debian's headless Chromium through the DevTools protocol over
``--remote-debugging-pipe`` (file descriptors 3 and 4, NUL-separated JSON), so it needs
no extra Python package and no network port.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.export import write_outputs
from pipeline.outputs.report import (
    article_html,
    force_layout,
    page_name,
    render_text,
    span_id,
    write_report,
)

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")
SEED_EVENT_DAY = "2014-12-11"


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    """A `pipeline run` output folder for a corpus holding the seed, with its report written."""
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(seed_path, corpus / seed_path.name)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = runner.invoke(app, ["report", str(out)])
    assert report.exit_code == 0, report.output
    assert report.stdout.strip() == str(out / "report" / "index.html")
    return out


def _records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]


def _seed_record(out: Path, seed_path: Path) -> dict[str, Any]:
    return next(r for r in _records(out) if r["source"] == seed_path.name)


# --- files and links ---------------------------------------------------------------------


@pytest.mark.model
def test_report_writes_index_and_one_page_per_article(seed_report: Path) -> None:
    report = seed_report / "report"
    assert (report / "index.html").is_file()
    assert (report / "assets" / "plotly.min.js").stat().st_size > 1_000_000
    pages = sorted(p.name for p in (report / "articles").glob("*.html"))
    assert pages == sorted(page_name(r["doc_id"]) for r in _records(seed_report))


@pytest.mark.model
def test_report_has_no_remote_script_or_stylesheet(seed_report: Path) -> None:
    remote = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)
    for page in (seed_report / "report").rglob("*.html"):
        content = page.read_text("utf-8")
        assert not remote.search(content), page
        # Plotly's 4 MB bundle lives in assets/ once, never inside a page
        assert len(content) < 1_000_000, page
    index = (seed_report / "report" / "index.html").read_text("utf-8")
    assert '<script src="assets/plotly.min.js"></script>' in index


@pytest.mark.model
def test_report_article_links_resolve_to_text_spans(seed_report: Path, seed_path: Path) -> None:
    record = _seed_record(seed_report, seed_path)
    content = (seed_report / "report" / "articles" / page_name(record["doc_id"])).read_text("utf-8")
    ids = re.findall(r'\bid="(span-\d+-\d+)"', content)
    links = set(re.findall(r'href="#(span-\d+-\d+)"', content))
    assert len(ids) == len(set(ids)), "a span id is used twice"
    assert links, "no value is linked to its evidence"
    assert links <= set(ids)
    for event in record["events"]:
        for evidence in event["evidence"]:
            assert f'href="#{span_id(evidence["start"], evidence["end"])}"' in content


@pytest.mark.model
def test_report_timeline_links_events_to_article_evidence(seed_report: Path, seed_path: Path) -> None:
    record = _seed_record(seed_report, seed_path)
    events = [e for e in record["events"] if e["date"] == SEED_EVENT_DAY and e["evidence"]]
    assert events, f"the seed has no event on {SEED_EVENT_DAY} with evidence"
    first = events[0]["evidence"][0]
    # the figure's JSON escapes "/" and "<" (so that no "</script>" can end the script early)
    index = (seed_report / "report" / "index.html").read_text("utf-8").replace("\\u002f", "/")
    assert f"articles/{page_name(record['doc_id'])}#{span_id(first['start'], first['end'])}" in index


# --- unit tests on hand-made records ----------------------------------------------------------


def _record(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc_id": "d1", "id": None, "source": "a.txt", "title": "Titre", "published": None, "url": None,
        "tags": [], "lang": "fr", "text": "", "entities": [], "dates": [], "events": [], "people": [], "quotes": [],
    }
    return {**base, **fields}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", 'Avant <script>alert("x")</script> après'),
        ("title", '<img src=x onerror="alert(1)">'),
        ("source", "</td><script>alert(2)</script>"),
        ("url", 'javascript:alert(3)"><script>alert(4)</script>'),
        ("tags", ["<b onmouseover=alert(5)>tag</b>"]),
    ],
)
def test_report_article_page_escapes_untrusted_text(field: str, value: Any) -> None:
    record = _record(**{field: value})
    if field != "text":
        record["text"] = "Texte sans balise."
    page = article_html(record)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b onmouseover" not in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # an entity inside an evidence sentence
        ("Le maire de Lyon a parlé.", {(0, 25): ("ref", ""), (12, 16): ("ent", "LOC")}),
        # crossing spans: the inner one is closed and reopened
        ("abcdefghij", {(0, 6): ("ref", ""), (3, 9): ("ent", "ORG")}),
        # a date and an entity side by side, one zero-length target
        ("Le 3 mars à Paris.", {(3, 9): ("date", "2021-03-03"), (12, 17): ("ent", "LOC"), (0, 0): ("ref", "")}),
    ],
)
def test_report_render_text_nests_spans_and_keeps_text(text: str, spans: dict[tuple[int, int], tuple[str, str]]) -> None:
    rendered = render_text(text, spans)
    checker = _TagBalance()
    checker.feed(rendered)
    assert checker.stack == [] and checker.ok
    assert "".join(checker.text).replace("LOC", "").replace("ORG", "").replace("2021-03-03", "") == text
    for start, end in spans:
        assert rendered.count(f'id="{span_id(start, end)}"') == 1


class _TagBalance(HTMLParser):
    """Checks that every tag is closed in order; collects the text outside label badges."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_works_with_empty_tables(tmp_path: Path) -> None:
    record = _record(text="Un texte sans entité ni événement.")
    write_outputs(tmp_path, [record], corpus_tables=lambda: {"entities": [], "cooccurrences": []})
    index = write_report(tmp_path).read_text("utf-8")
    assert "No events." in index
    assert "No two organisations are named in the same article." in index
    assert "No errors: every input was processed." in index
    page = (tmp_path / "report" / "articles" / page_name("d1")).read_text("utf-8")
    assert "No events in this article." in page
    assert "Un texte sans entité ni événement." in page


def test_report_removes_pages_of_articles_gone_from_the_outputs(tmp_path: Path) -> None:
    stale = tmp_path / "report" / "articles" / "ancien.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", "utf-8")
    write_outputs(tmp_path, [_record(text="Texte.")], corpus_tables=lambda: {"entities": [], "cooccurrences": []})
    write_report(tmp_path)
    assert not stale.exists()
    assert (tmp_path / "report" / "articles" / page_name("d1")).is_file()


def test_report_cli_without_documents_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: no documents.jsonl in {tmp_path}: run `pipeline run CORPUS --out {tmp_path}` first"
    )


@pytest.mark.parametrize(("n", "edges"), [(5, [(0, 1, 1), (1, 2, 2), (3, 4, 1)]), (1, []), (12, [])])
def test_report_force_layout_is_deterministic_and_bounded(n: int, edges: list[tuple[int, int, int]]) -> None:
    first, again = force_layout(n, edges), force_layout(n, edges)
    assert first.shape == (n, 2)
    assert (first == again).all()
    assert abs(first).max() <= 1.0 + 1e-9


# --- in a real browser -------------------------------------------------------------------


class _DevTools:
    """A headless Chromium driven over the DevTools protocol through a pipe."""

    def __init__(self, user_data_dir: Path) -> None:
        cmd_read, self._cmd_write = os.pipe()
        self._out_read, out_write = os.pipe()

        def give_pipes_to_chromium() -> None:
            # Chromium reads commands on fd 3 and writes replies and events on fd 4.
            os.dup2(cmd_read, 3)
            os.dup2(out_write, 4)

        self.proc = subprocess.Popen(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={user_data_dir}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=give_pipes_to_chromium, pass_fds=(3, 4),
        )
        os.close(cmd_read)
        os.close(out_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30.0) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._cmd_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 30.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                self.events.remove(event)
                return event
        while True:
            event = self._read(deadline)
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session)
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._out_read], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._out_read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def open(self, url: str, width: int = 1280, height: int = 900) -> str:
        """Open ``url`` in a new tab; returns the DevTools session id once it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method in ("Runtime.enable", "Log.enable", "Page.enable"):
            self.send(method, session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        return session

    def console_errors(self) -> list[str]:
        """JavaScript exceptions, console.error calls and failed loads seen so far."""
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                errors.append(str(details.get("exception", {}).get("description") or details.get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return errors

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", timeout=10)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_write)
        os.close(self._out_read)


_WAIT_FOR_PLOTS = """
new Promise(resolve => {
  const started = Date.now();
  (function check() {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    const drawn = plots.length > 0 && plots.every(gd => gd._fullLayout && gd.querySelector('.main-svg'));
    if (drawn || Date.now() - started > 15000) resolve(plots.length);
    else setTimeout(check, 50);
  })();
})
"""

#: hover the timeline point placed on a given day and return the hover label's text
_HOVER_DAY = """
new Promise(resolve => {
  const gd = document.getElementById('timeline');
  for (let c = 0; c < gd.data.length; c++) {
    const trace = gd.data[c];
    const i = trace.mode === 'markers' && trace.x ? trace.x.indexOf(%s) : -1;
    if (i < 0) continue;
    Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: i}]);
    return setTimeout(() => {
      const label = gd.querySelector('.hoverlayer');
      resolve({points: gd.querySelectorAll('.scatterlayer .point').length,
               hover: label ? label.textContent : ''});
    }, 200);
  }
  resolve(null);
})
"""


@pytest.mark.model
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install -y chromium)")
def test_report_opens_in_chromium_without_errors_and_shows_seed_event(
    seed_report: Path, seed_path: Path, tmp_path: Path,
) -> None:
    index = seed_report / "report" / "index.html"
    record = _seed_record(seed_report, seed_path)
    browser = _DevTools(tmp_path / "chromium-profile")
    try:
        session = browser.open(index.as_uri())
        assert browser.evaluate(session, _WAIT_FOR_PLOTS) >= 3
        height = browser.evaluate(session, "document.documentElement.scrollHeight")
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.evaluate(session, "new Promise(r => setTimeout(r, 500))")  # responsive plots relayout
        shown = browser.evaluate(session, _HOVER_DAY % json.dumps(SEED_EVENT_DAY))
        screenshot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
        (tmp_path / "report-index.png").write_bytes(base64.b64decode(screenshot["data"]))

        article = seed_report / "report" / "articles" / page_name(record["doc_id"])
        article_session = browser.open(article.as_uri(), height=1400)
        marks = browser.evaluate(article_session, "document.querySelectorAll('mark[id^=\"span-\"]').length")
        screenshot = browser.send("Page.captureScreenshot", {"format": "png"}, article_session)
        (tmp_path / "report-article.png").write_bytes(base64.b64decode(screenshot["data"]))
        errors = browser.console_errors()
    finally:
        browser.close()

    assert errors == []
    assert shown is not None, f"no timeline point on {SEED_EVENT_DAY}"
    assert shown["points"] >= 1
    assert SEED_EVENT_DAY in shown["hover"]
    assert marks >= len({(m["start"], m["end"]) for m in record["entities"]})
    assert (tmp_path / "report-index.png").stat().st_size > 10_000


def test_report_reads_csv_tables_with_numbers_as_numbers(tmp_path: Path) -> None:
    record = _record(text="Texte.")
    rows = [
        {"entity_id": f"E{i}", "canonical": name, "label": "LOC", "aliases": [name], "n_documents": n,
         "n_mentions": n, "first_published": None, "last_published": None}
        for i, (name, n) in enumerate([("Amiens", 10), ("Bordeaux", 2)])
    ]
    write_outputs(tmp_path, [record], fmt="csv", corpus_tables=lambda: {"entities": rows, "cooccurrences": []})
    assert not (tmp_path / "entities.parquet").exists()
    index = write_report(tmp_path).read_text("utf-8")
    chart = index[index.index('id="top-loc"'):]
    # bars are listed bottom-up: Amiens (10 articles) must rank above Bordeaux (2), not "10" < "2"
    assert chart.index("Bordeaux") < chart.index("Amiens")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install -y chromium)")
def test_report_browser_check_reports_script_errors(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><head><script src="assets/missing.js"></script></head>'
                    "<body><script>notDefined();</script></body></html>", "utf-8")
    browser = _DevTools(tmp_path / "chromium-profile")
    try:
        session = browser.open(page.as_uri())
        browser.evaluate(session, "1")
        errors = browser.console_errors()
    finally:
        browser.close()
    assert any("notDefined" in e for e in errors), errors
    assert any("missing.js" in e or "ERR_FILE_NOT_FOUND" in e for e in errors), errors


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"doc_id": "d1"\n', "line 1 is not valid JSON"),
        ("[1, 2]\n", "line 1 is not a document record"),
    ],
)
def test_report_cli_corrupt_documents_is_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "documents.jsonl").write_text(content, "utf-8")
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'documents.jsonl'} {message}")
    assert len(result.stderr.strip().splitlines()) == 1
