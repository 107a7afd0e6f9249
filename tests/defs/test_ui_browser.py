"""The Dagster UI in a real browser: the asset graph and checks are shown, and "Materialize all" publishes the tables.

Starts `dagster-webserver -w workspace.yaml` on a free local port with a temporary DAGSTER_HOME
and temporary input and output folders, drives Debian's chromium headless through Playwright,
saves a screenshot of the materialised asset graph under the test's tmp_path, and stops the
server's whole process group at the end. Skipped only when the chromium binary is missing
(`.ci/run` installs it); deselect with `-m "not browser"`.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas import TABLES

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("COUNTERCLAIM_CHROMIUM", "/usr/bin/chromium")  # Debian's chromium package
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
JOB_ASSETS = ["raw_articles", "parsed_articles", "claim_events", "articles", "claims", "rejected", "dataset"]
CHECKS = {name: f"{name}_schema" for name in TABLES}
LOCATION = "counterclaim"
TIMEOUT_MS = 60_000  # the graph shows "Loading…" first, and the UI lags the run's status
RUN_TIMEOUT_MS = 180_000
DAGSTER_YAML = """\
# Launch runs at once: the default coordinator queues them for a dagster-daemon this test does not start.
run_coordinator:
  module: dagster.core.run_coordinator
  class: DefaultRunCoordinator
telemetry:
  enabled: false
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason=f"no chromium at {CHROMIUM} (apt-get install chromium)"),
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def webserver_command() -> str:
    """dagster-webserver from the environment running the tests (the project's .venv under make test)."""
    beside = Path(sys.executable).parent / "dagster-webserver"
    return str(beside) if beside.is_file() else "dagster-webserver"


def stop_group(process: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop the server's process group (server, code server, run workers) by its id: SIGTERM, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    with contextlib.suppress(ProcessLookupError):  # whatever ignored SIGTERM, or outlived the server
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=grace)


def run_errors(home: Path, run_id: str) -> str:
    """The errors a run recorded in its event log, to explain a failure."""
    import dagster as dg

    found = []
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for record in instance.all_logs(run_id):
            event = record.dagster_event
            data = getattr(event, "event_specific_data", None) if event else None
            error = getattr(data, "error", None)
            if error is not None:
                found.append(f"{event.event_type_value} {record.step_key or ''}: {error.message.strip()}")
    return "\n".join(found) or "(no error recorded)"


def log_tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture
def ui(tmp_path: Path, sample_articles) -> Iterator[dict]:
    """A dagster-webserver for the project's workspace, reading sample articles and writing to tmp_path."""
    home, input_dir, output_dir = tmp_path / "dagster_home", tmp_path / "raw", tmp_path / "data"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    sample_articles.write(input_dir)  # invented articles (source: Counterclaim sample), a duplicate, an empty file
    env = {key: value for key, value in os.environ.items() if not key.startswith("COUNTERCLAIM_")}
    env.update(
        DAGSTER_HOME=str(home),
        COUNTERCLAIM_INPUT_DIR=str(input_dir),
        COUNTERCLAIM_OUTPUT_DIR=str(output_dir),
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    log = tmp_path / "webserver.log"
    command = [webserver_command(), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with open(log, "wb") as out:
        server = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                pytest.fail(f"dagster-webserver exited with {server.returncode}:\n{log_tail(log)}")
            try:
                with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"dagster-webserver did not answer on {url} within 120 s:\n{log_tail(log)}")
            time.sleep(0.5)
        yield {"url": url, "output": output_dir, "log": log, "tmp": tmp_path, "home": home}
    finally:
        stop_group(server)


def expand_all_groups(page) -> None:
    """Groups start collapsed in the graph; Alt+E expands them all (it collapses them when any is open)."""
    page.get_by_role("button", name="Materialize all").wait_for(timeout=TIMEOUT_MS)
    first = page.get_by_text("raw_articles", exact=True).first
    with contextlib.suppress(Exception):
        first.wait_for(timeout=3_000)  # the graph may show expanded groups already
    if not first.is_visible():
        page.locator("body").click(position={"x": 5, "y": 5})  # focus the page, not a text field
        page.keyboard.press("Alt+e")
    first.wait_for(timeout=TIMEOUT_MS)


def test_ui_shows_the_assets_and_checks_and_materialises_the_dataset(ui):
    from playwright.sync_api import expect, sync_playwright

    url, output, log = ui["url"], ui["output"], ui["log"]
    screenshot = ui["tmp"] / "asset-graph.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 2400, "height": 1300})
            # the community pop-up that localhost shows a second after loading, answered in advance
            context.add_init_script("window.localStorage.setItem('communityNux', JSON.stringify('1'))")
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()

            # The job's asset graph: every asset by name, in its group.
            page.goto(f"{url}/locations/{LOCATION}/jobs/extract_job", wait_until="domcontentloaded")
            expand_all_groups(page)
            for asset in JOB_ASSETS:
                expect(page.get_by_text(asset, exact=True).first).to_be_visible(timeout=TIMEOUT_MS)
            for group in ("ingest", "extract", "publish"):
                expect(page.get_by_text(group, exact=True).first).to_be_visible(timeout=TIMEOUT_MS)

            # Each table's Checks tab names its blocking schema check.
            for table, check in CHECKS.items():
                page.goto(f"{url}/assets/{table}?view=checks", wait_until="domcontentloaded")
                expect(page.get_by_text(check, exact=True).first).to_be_visible(timeout=TIMEOUT_MS)

            # Materialise all assets of the job from the UI and follow the run to its end.
            page.goto(f"{url}/locations/{LOCATION}/jobs/extract_job", wait_until="domcontentloaded")
            page.get_by_role("button", name="Materialize all").click()
            launched = page.get_by_text(re.compile(r"Launched run [0-9a-f]{8}"))
            launchpad = page.get_by_role("dialog")
            launched.or_(launchpad).first.wait_for(timeout=TIMEOUT_MS)
            if not launched.is_visible():  # a launchpad asking for config: launch with what it shows
                launchpad.get_by_role("button", name=re.compile("Materialize|Launch")).last.click()
            run_link = page.locator("a[href^='/runs/']").filter(has_text="View").first
            run_link.wait_for(timeout=TIMEOUT_MS)
            run_path = run_link.get_attribute("href")
            page.goto(f"{url}{run_path}", wait_until="domcontentloaded")
            ended = page.get_by_text(re.compile(r"^(Success|Failure|Canceled)$")).first
            ended.wait_for(timeout=RUN_TIMEOUT_MS)
            status = ended.inner_text()
            if status != "Success":
                run_id = run_path.rsplit("/", 1)[-1]
                pytest.fail(f"run {run_id} ended with {status}:\n{run_errors(ui['home'], run_id)}\n{log_tail(log)}")

            for name in TABLES:
                assert (output / f"{name}.parquet").is_file(), f"{name}.parquet was not published"

            # The claims asset's page: its columns, and the run's counts by action and side with a preview.
            page.goto(f"{url}/assets/claims", wait_until="domcontentloaded")
            for text in ("Columns", "claimant_country", "claims_by_action", "claims_by_side", "preview"):
                expect(page.get_by_text(text, exact=True).first).to_be_visible(timeout=TIMEOUT_MS)

            # The checks passed, as each table's Checks tab says.
            for table, check in CHECKS.items():
                page.goto(f"{url}/assets/{table}?view=checks", wait_until="domcontentloaded")
                expect(page.get_by_text(check, exact=True).first).to_be_visible(timeout=TIMEOUT_MS)
                expect(page.get_by_text("Passed", exact=True).first).to_be_visible(timeout=TIMEOUT_MS)

            # The whole asset graph after the run, for the screenshot: materialised, kinds, checks passed.
            page.goto(f"{url}/asset-groups", wait_until="domcontentloaded")
            page.get_by_role("button", name="Materialize all").wait_for(timeout=TIMEOUT_MS)
            with contextlib.suppress(Exception):  # cosmetic: more room for the graph
                page.get_by_role("button", name="Hide navigation").click(timeout=5_000)
                page.locator("button:has([aria-label='panel_show_right'])").first.click(timeout=5_000)
            try:
                expand_all_groups(page)
                expect(page.get_by_text("1 / 1 Passed")).to_have_count(len(CHECKS), timeout=TIMEOUT_MS)
                page.wait_for_timeout(1_000)  # let the graph settle after zooming to fit
            finally:
                page.screenshot(path=str(screenshot))  # also when the graph is not as expected
        finally:
            browser.close()
    assert screenshot.stat().st_size > 10_000
    print(f"screenshot of the asset graph: {screenshot}")
