"""Shared by the browser tests: the app under `streamlit run` on a free loopback port, and Debian chromium.

Browsers are never downloaded: chromium comes from `apt-get install chromium` (CI installs it first); when
/usr/bin/chromium is missing the tests fail with that reason, they do not skip.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
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


NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")


def nginx_config(replicas: list[str], port: int, prefix: Path) -> str:
    """deploy/nginx.conf for app servers at `replicas` (host:port), listening on the loopback `port`, with its pid,
    logs and temporary files in `prefix`, so that it runs without root. Only those lines change: the routing,
    stickiness and websocket settings are the deployed ones."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    swaps = [(r"(?m)^(\s*)server app\d+:8501( .*;)\n(?:\s*server app\d+:8501.*;\n)*",
              lambda m: "".join(f"{m[1]}server {r}{m[2]}\n" for r in replicas)),
             (r"(?m)^(\s*)listen 80;", rf"\1listen {HOST}:{port};"),
             (r"(?m)^pid .*;", f"pid {prefix}/nginx.pid;"),
             (r"(?m)^error_log \S+", f"error_log {prefix}/error.log"),
             (r"(?m)^(\s*)access_log \S+", rf"\1access_log {prefix}/access.log"),
             (r"(?m)^(\s*)include /etc/nginx/mime.types;",
              r"\1include /etc/nginx/mime.types;\n" + "".join(
                  rf"\1{kind}_temp_path {prefix}/{kind}_temp;\n"
                  for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")))]
    for pattern, replacement in swaps:
        text, n = re.subn(pattern, replacement, text)
        assert n == 1, f"deploy/nginx.conf no longer has one line matching {pattern!r}"
    if os.geteuid() == 0:               # workers would otherwise run as nobody, who cannot enter the temp dir
        text = f"user {pwd.getpwuid(0).pw_name};\n" + text
    return text


@contextmanager
def behind_nginx(replicas: list[str], prefix: Path):
    """nginx (Debian package) in front of the app servers at `replicas` (base URLs), configured by
    deploy/nginx.conf; yields its base URL once a request through it reaches an app server. The access log,
    prefix/access.log, says which replica served each request (see `served_by`)."""
    if not NGINX.exists():
        pytest.fail(f"{NGINX} not found: install Debian nginx first (apt-get install nginx-light).", pytrace=False)
    prefix.mkdir(parents=True, exist_ok=True)
    url = f"http://{HOST}:{_free_port()}"
    config = prefix / "nginx.conf"
    config.write_text(nginx_config([r.split("://", 1)[1] for r in replicas], int(url.rsplit(":", 1)[1]), prefix))
    with (prefix / "nginx.out").open("wb") as out:
        proc = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(config), "-g", "daemon off;"],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx not serving at {url}:\n{(prefix / 'nginx.out').read_text()}"
                            f"{(prefix / 'error.log').read_text() if (prefix / 'error.log').exists() else ''}")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def served_by(prefix: Path, path: str = "/") -> dict[str, set[str]]:
    """From the access log of `behind_nginx`: the replicas (host:port) that served each route cookie, counting
    requests for addresses under `path` ("/_stcore/stream": the sessions' websockets, logged once closed)."""
    routes: dict[str, set[str]] = {}
    for line in (prefix / "access.log").read_text().splitlines():
        found = re.search(r'"\S+ (\S+) [^"]*" .* route=(\S+) upstream=(\S+) ', line)
        if found and found[1].startswith(path) and found[3] != "-":
            routes.setdefault(found[2], set()).update(found[3].split(", "))
    return routes


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
    work = tmp_path_factory.mktemp("e2e-store")
    db, latest_wave, latest_count, count_2023 = seeded_store(work)
    with running_app(db, work / "streamlit.log") as url:
        yield Server(url, latest_wave, latest_count, count_2023, work / "streamlit.log")


def seeded_store(work: Path) -> tuple[Path, str, int, int]:
    """A store in `work` loaded with the generated sample survey (120 museums, two waves): its path, the latest
    wave, how many museums answered it, and how many answered 2023."""
    from analysis.loading.upload import load_file
    from analysis.loading.sample import generate_sample
    from analysis.store import open_store
    from analysis.export.template import write_template

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
        con.close()
    assert latest_count > 0 and count_2023 > 0 and latest_wave != "2023", (latest_wave, latest_count, count_2023)
    return db, latest_wave, int(latest_count), int(count_2023)


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
