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
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-quic", "--no-first-run", "--disable-sync"]
HOST = "127.0.0.1"
HEALTH_TIMEOUT_S = 60


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
def running_app(db: Path, log: Path):
    """`streamlit run app.py` on the store `db` (closed by the caller first: one process per DuckDB file);
    yields the base URL once /_stcore/health answers, stops the server afterwards."""
    url = f"http://{HOST}:{_free_port()}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", HOST, "--server.port", url.rsplit(":", 1)[1], "--browser.gatherUsageStats",
             "false", "--server.fileWatcherType", "none"],
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
