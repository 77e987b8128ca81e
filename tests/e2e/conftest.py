"""Shared by the browser tests: the app under `streamlit run` on a free loopback port, and Debian chromium.

Browsers are never downloaded: chromium comes from `apt-get install chromium` (CI installs it first); when
/usr/bin/chromium is missing the tests fail with that reason, they do not skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-quic", "--no-first-run", "--disable-sync"]
HOST = "127.0.0.1"
HEALTH_TIMEOUT_S = 60
LOAD_TIMEOUT_MS = 30_000        # first run: DuckDB open + migrations + aggregates + plotly bundle
TITLE = "Museum digitisation in Europe"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().decode().strip() == "ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextmanager
def running_app(db: Path, log: Path, *options: str):
    """`streamlit run app.py` on the store `db` (closed by the caller first: one process per DuckDB file), with
    more `streamlit run` options if given; yields the base URL once /_stcore/health answers, stops the server
    afterwards."""
    url = f"http://{HOST}:{_free_port()}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", HOST, "--server.port", url.rsplit(":", 1)[1], "--browser.gatherUsageStats",
             "false", "--server.fileWatcherType", "none", *options],
            cwd=ROOT, env={**os.environ, "MUSEUM_DB": str(db), "PYTHONPATH": str(ROOT)}, stdout=out,
            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(url):
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode} before becoming healthy:\n{log.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy at {url} after {HEALTH_TIMEOUT_S} s:\n{log.read_text()}")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Server:
    url: str
    latest_wave: str
    latest_count: int
    count_2023: int
    log: Path


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> Server:
    """The app on a store seeded with the generated sample survey (120 museums, two waves); read-only tests
    share it."""
    from analysis.loading.upload import load_file
    from analysis.loading.sample import generate_sample
    from analysis.store import open_store
    from analysis.export.template import write_template

    work = tmp_path_factory.mktemp("e2e-store")
    workbook, db = work / "survey.xlsx", work / "store.duckdb"
    write_template(workbook, generate_sample(museums=120, seed=7))
    con = open_store(db)
    try:
        result = load_file(con, workbook)
        assert result["status"] == "committed", result
        # Expected numbers, computed from the store, independently of the app's code paths.
        latest_wave, latest_count = con.execute(
            "SELECT max(survey_wave), count(*) FROM current_responses "
            "WHERE survey_wave = (SELECT max(survey_wave) FROM current_responses)").fetchone()
        count_2023 = con.execute(
            "SELECT count(*) FROM current_responses WHERE survey_wave = '2023'").fetchone()[0]
    finally:
        con.close()                     # DuckDB: one process per file; the server opens it next
    assert latest_count > 0 and count_2023 > 0 and latest_wave != "2023", (latest_wave, latest_count, count_2023)

    with running_app(db, work / "streamlit.log") as url:
        yield Server(url, latest_wave, int(latest_count), int(count_2023), work / "streamlit.log")


@pytest.fixture(scope="module")
def chromium() -> Browser | None:
    """None when chromium is not installed: each test then fails (not skips) with the reason. Per module: one
    Playwright instance at a time, and a module may start its own."""
    if not CHROMIUM.exists():
        yield None
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def require(browser: Browser | Page | None) -> Browser | Page:
    if browser is None:
        pytest.fail(f"{CHROMIUM} not found: install Debian chromium first (apt-get install chromium). "
                    "Playwright browsers are not downloaded here.", pytrace=False)
    return browser


def open_idle(page: Page, url: str, title: str | None = TITLE) -> None:
    """Load `url` and wait until the script has run to the end and the charts are drawn; `title` is the page's
    heading to wait for (None: a page without one, such as a slide in presentation mode)."""
    page.goto(url)
    app = page.get_by_test_id("stApp")
    expect(page.get_by_test_id("stAppViewContainer")).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=LOAD_TIMEOUT_MS)
    if title is not None:
        expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def shoot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")
