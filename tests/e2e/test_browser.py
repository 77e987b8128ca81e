"""End-to-end: the real app under `streamlit run`, driven by Debian chromium through Playwright.

Marked e2e and run by `make test`. Browsers are never downloaded: chromium comes from `apt-get install chromium`,
and when /usr/bin/chromium is missing the tests FAIL (CI installs it first), they do not skip.

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e -q -m e2e -s
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, running_app

LOAD_TIMEOUT_MS = 30_000        # first run: DuckDB open + migrations + aggregates + plotly bundle
TITLE = "Museum digitisation in Europe"

pytestmark = pytest.mark.e2e


@dataclass
class Server:
    url: str
    latest_wave: str
    latest_count: int
    count_2023: int
    log: Path


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> Server:
    from analysis.pipeline import load_file
    from analysis.sample import generate_sample
    from analysis.store import open_store
    from analysis.template import write_template

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
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screens")


@pytest.fixture(scope="module")
def chromium() -> Browser | None:
    """None when chromium is not installed: each test then fails (not skips) with the reason."""
    if not CHROMIUM.exists():
        yield None
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def app_page(chromium) -> Page | None:
    """A fresh context and page; None without chromium, so that the test itself fails (see _require)."""
    if chromium is None:
        yield None
        return
    context = chromium.new_context(viewport={"width": 1440, "height": 1400})
    pg = context.new_page()
    pg.errors = []                      # uncaught JS errors, reported on failure
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def _require(page: Page | None) -> Page:
    if page is None:
        pytest.fail(f"{CHROMIUM} not found: install Debian chromium first (apt-get install chromium). "
                    "Playwright browsers are not downloaded here.", pytrace=False)
    return page


def _open_idle(page: Page, url: str, title: str = TITLE) -> None:
    """Load `url` and wait until the script has run to the end and the charts are drawn."""
    page.goto(url)
    app = page.get_by_test_id("stApp")
    expect(page.get_by_test_id("stAppViewContainer")).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def _charts_drawn(page: Page) -> None:
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts.nth(1)).to_be_visible(timeout=LOAD_TIMEOUT_MS)          # at least two
    assert charts.count() >= 2
    for i in range(charts.count()):
        expect(charts.nth(i).locator("svg.main-svg").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)


def _respondents(page: Page):
    return page.get_by_test_id("stMetric").filter(has_text="Museums responding").get_by_test_id("stMetricValue")


def _no_exception(page: Page) -> None:
    """Must not happen: a Python traceback box anywhere on the page."""
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _shoot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")


def test_overview_renders_latest_wave(app_server: Server, app_page: Page | None, screens: Path):
    page = _require(app_page)
    try:
        _open_idle(page, f"{app_server.url}/")
        _no_exception(page)
        _charts_drawn(page)
        expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
        expect(_respondents(page)).to_have_text(f"{app_server.latest_count:,}")
        _no_exception(page)
    finally:
        _shoot(page, screens / "overview.png")
        if page.errors:
            print(f"page errors: {page.errors}")


def test_deep_link_selects_wave_2023(app_server: Server, app_page: Page | None, screens: Path):
    page = _require(app_page)
    try:
        _open_idle(page, f"{app_server.url}/?wave=2023")
        _no_exception(page)
        _charts_drawn(page)
        expect(page.get_by_role("combobox", name="Survey wave")).to_have_value("2023")
        expect(_respondents(page)).to_have_text(f"{app_server.count_2023:,}")
        _no_exception(page)
    finally:
        _shoot(page, screens / "overview-wave-2023.png")
        if page.errors:
            print(f"page errors: {page.errors}")


EXPLORE = [("digitisation", "Digitisation"), ("skills", "Digital skills and AI readiness"),
           ("funding", "Funding need and shortfall"), ("map", "Europe map"), ("methodology", "Methodology")]


@pytest.mark.parametrize("path, title", EXPLORE)
def test_every_explore_page_draws_its_charts_from_a_deep_link(app_server: Server, app_page: Page | None,
                                                               screens: Path, path: str, title: str):
    """Opened first by URL (no visit to / before), each page runs through the router: the sidebar
    filters are there, the wave from the URL is used, and its charts are drawn."""
    page = _require(app_page)
    try:
        _open_idle(page, f"{app_server.url}/{path}?wave=2023", title)
        _no_exception(page)
        expect(page.get_by_role("combobox", name="Survey wave")).to_have_value("2023")
        charts = page.get_by_test_id("stPlotlyChart")
        expect(charts.first.locator("svg.main-svg").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_text("wave 2023").first).to_be_visible()
        _no_exception(page)
    finally:
        _shoot(page, screens / f"{path}.png")


def test_present_steps_through_slides(app_server: Server, app_page: Page | None, screens: Path):
    page = _require(app_page)
    try:
        _open_idle(page, f"{app_server.url}/present", "Present")
        _no_exception(page)
        counter = page.get_by_text("Slide 1 of")
        expect(counter).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        slide_title = page.get_by_test_id("stMain").get_by_role("heading", level=2).first
        first_title = slide_title.inner_text()
        page.get_by_role("button", name="Next ▶").click()
        expect(page.get_by_text("Slide 2 of")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(slide_title).not_to_have_text(first_title)
        expect(page.get_by_test_id("stPlotlyChart").first.locator("svg.main-svg").first).to_be_attached(
            timeout=LOAD_TIMEOUT_MS)
        _no_exception(page)
    finally:
        _shoot(page, screens / "present.png")
