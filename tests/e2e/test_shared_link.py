"""A shared link pins its wave and data version: opened after a newer wave is loaded, it still shows the wave it
was made for, and says that newer data exist (issue: citable figures).

The store is written between two runs of the app (DuckDB: one process per file), as an analyst would load the
next wave between a ministry's two readings of the same link.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import small_survey
from tests.e2e.conftest import LOAD_TIMEOUT_MS, open_idle, require, running_app

pytestmark = pytest.mark.e2e

WAVE_2025 = [["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 10_000, 100_000],
             ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, 3000, 5_000, 50_000],
             ["BE-1", "Museum aan de Stroom", "BE", "2025", 60, None, None, 30_000]]
WAVE_2026 = [["AT-1", "Wien Museum", "AT", "2026", 50, 1000, 10_000, 90_000],
             ["AT-2", "Grazer Stadtmuseum", "AT", "2026", 30, 3000, 5_000, 40_000],
             ["AT-3", "Salzburg Museum", "AT", "2026", 10, 500, 2_000, 20_000],
             ["BE-1", "Museum aan de Stroom", "BE", "2026", 70, None, None, 20_000]]


def _load(db, path, rows) -> None:
    con = open_store(db)
    try:
        assert load_file(con, small_survey(path, rows))["status"] == "committed"
    finally:
        con.close()


def test_a_link_keeps_its_wave_and_says_when_newer_data_exist(chromium, tmp_path):
    browser = require(chromium)
    db = tmp_path / "store.duckdb"
    _load(db, tmp_path / "wave2025.xlsx", WAVE_2025)
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()

    with running_app(db, tmp_path / "first.log") as url:
        open_idle(page, url)
        expect(page).to_have_url(re.compile(r"(?=.*[?&]data=)(?=.*[?&]wave=2025)"), timeout=LOAD_TIMEOUT_MS)
        shared = page.url
        params = parse_qs(urlparse(shared).query)
        assert params["wave"] == ["2025"] and params["data"] == ["1.1." + params["data"][0].split(".")[2]]
        expect(page.get_by_text("Data version: wave 2025, upload #1")).to_be_visible()

    _load(db, tmp_path / "wave2026.xlsx", WAVE_2026)           # next year: a newer wave, upload #2

    with running_app(db, tmp_path / "second.log") as url:
        later = url + "/?" + urlparse(shared).query
        open_idle(page, later)
        responding = page.get_by_test_id("stMetric").filter(has_text="Museums responding")
        expect(responding.get_by_test_id("stMetricValue")).to_have_text("3")      # 2025's three, not 2026's four
        warning = page.get_by_test_id("stAlertContentWarning").filter(has_text="earlier version of the data")
        expect(warning).to_contain_text("a newer survey wave (2026) has been loaded since")
        assert "wave=2025" in page.url

        open_idle(page, url)                                    # the app opened afresh shows the newest wave
        expect(responding.get_by_test_id("stMetricValue")).to_have_text("4")
        expect(page).to_have_url(re.compile(r"(?=.*[?&]wave=2026)(?=.*[?&]data=2\.1\.)"), timeout=LOAD_TIMEOUT_MS)
    page.context.close()
