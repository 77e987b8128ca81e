"""The Scenarios page in a real browser (Debian chromium, `-m e2e`), on the hand-worked survey of
tests/test_scenarios.py (nine museums with a gap, EUR 200 k of shortfall): a shared link opens on its scenario,
choosing another rule changes the figures and the address, and the page's own link carries every choice.

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e/test_scenarios_browser.py -q -m e2e -s
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import LOAD_TIMEOUT_MS, open_idle, require, running_app, shoot

pytestmark = pytest.mark.e2e
HEADING = "Investment scenarios"


@pytest.fixture(scope="module")
def scenario_app(tmp_path_factory) -> str:
    from analysis.store import open_store
    from tests.test_scenarios import load_fixture

    work = tmp_path_factory.mktemp("scenario-store")
    con = open_store(work / "store.duckdb")
    try:
        load_fixture(con, work)
    finally:
        con.close()                     # one process per DuckDB file: the server opens it next
    with running_app(work / "store.duckdb", work / "streamlit.log") as url:
        yield url


def _funded(page):
    return page.get_by_test_id("stMetric").filter(has_text="Museums fully funded").get_by_test_id("stMetricValue")


def test_a_shared_link_opens_on_its_scenario_and_the_rule_can_change(scenario_app: str, chromium: Browser | None,
                                                                     tmp_path: Path):
    context = require(chromium).new_context(viewport={"width": 1440, "height": 1600})
    page = context.new_page()
    try:
        # EUR 100 k, smallest first: AT-1, AT-2, BE-1, BE-2, BE-3 funded in full
        open_idle(page, f"{scenario_app}/scenarios?budget=0.1&rule=Smallest+shortfalls+first", HEADING)
        expect(_funded(page)).to_have_text("5 of 9", timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_test_id("stPlotlyChart").first).to_contain_text(
            "given to the smallest shortfalls first fully funds 5 of 9", timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        shoot(page, tmp_path / "scenarios-smallest-first.png")

        page.get_by_role("radio", name="Equal amount per museum").click()
        expect(_funded(page)).to_have_text("1 of 9", timeout=LOAD_TIMEOUT_MS)       # AT-1; the others 11.25 k
        expect(page).to_have_url(re.compile(r"rule=Equal\+amount\+per\+museum"), timeout=LOAD_TIMEOUT_MS)
        expect(page).to_have_url(re.compile(r"budget=0\.1"))

        code = page.get_by_test_id("stCode").filter(has_text="/scenarios?")
        expect(code).to_contain_text("rule=Equal+amount+per+museum", timeout=LOAD_TIMEOUT_MS)
        link = code.inner_text().strip()
        query = parse_qs(urlparse(link).query)
        assert (query["budget"], query["rule"], query["horizon"], query["w_training"]) == (
            ["0.1"], ["Equal amount per museum"], ["2030"], ["2"])
        # the link opens the same scenario in a fresh session
        fresh = context.new_page()
        open_idle(fresh, link, HEADING)
        expect(_funded(fresh)).to_have_text("1 of 9", timeout=LOAD_TIMEOUT_MS)
        shoot(fresh, tmp_path / "scenarios-equal.png")
    finally:
        context.close()
