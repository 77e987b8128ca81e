"""End-to-end: the real app under `streamlit run`, driven by Debian chromium through Playwright.

Marked e2e and run by `make test`. Browsers are never downloaded: chromium comes from `apt-get install chromium`,
and when /usr/bin/chromium is missing the tests FAIL (CI installs it first), they do not skip.

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e -q -m e2e -s
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LOAD_TIMEOUT_MS, TITLE, Server, open_idle, require, shoot

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screens")


@pytest.fixture
def app_page(chromium) -> Page | None:
    """A fresh context and page; None without chromium, so that the test itself fails (see require)."""
    if chromium is None:
        yield None
        return
    context = chromium.new_context(viewport={"width": 1440, "height": 1400})
    pg = context.new_page()
    pg.errors = []                      # uncaught JS errors, reported on failure
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


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


def test_overview_renders_latest_wave(app_server: Server, app_page: Page | None, screens: Path):
    page = require(app_page)
    try:
        open_idle(page, f"{app_server.url}/")
        _no_exception(page)
        _charts_drawn(page)
        expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
        expect(_respondents(page)).to_have_text(f"{app_server.latest_count:,}")
        _no_exception(page)
    finally:
        shoot(page, screens / "overview.png")
        if page.errors:
            print(f"page errors: {page.errors}")


def test_deep_link_selects_wave_2023(app_server: Server, app_page: Page | None, screens: Path):
    page = require(app_page)
    try:
        open_idle(page, f"{app_server.url}/?wave=2023")
        _no_exception(page)
        _charts_drawn(page)
        expect(page.get_by_role("combobox", name="Survey wave")).to_have_value("2023")
        expect(_respondents(page)).to_have_text(f"{app_server.count_2023:,}")
        _no_exception(page)
    finally:
        shoot(page, screens / "overview-wave-2023.png")
        if page.errors:
            print(f"page errors: {page.errors}")


EXPLORE = [("digitisation", "Digitisation"), ("skills", "Digital skills and AI readiness"),
           ("funding", "Funding need and shortfall"), ("map", "Europe map"), ("methodology", "Methodology")]


@pytest.mark.parametrize("path, title", EXPLORE)
def test_every_explore_page_draws_its_charts_from_a_deep_link(app_server: Server, app_page: Page | None,
                                                               screens: Path, path: str, title: str):
    """Opened first by URL (no visit to / before), each page runs through the router: the sidebar
    filters are there, the wave from the URL is used, and its charts are drawn."""
    page = require(app_page)
    try:
        open_idle(page, f"{app_server.url}/{path}?wave=2023", title)
        _no_exception(page)
        expect(page.get_by_role("combobox", name="Survey wave")).to_have_value("2023")
        charts = page.get_by_test_id("stPlotlyChart")
        expect(charts.first.locator("svg.main-svg").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_text("wave 2023").first).to_be_visible()
        _no_exception(page)
    finally:
        shoot(page, screens / f"{path}.png")


def test_present_steps_through_slides(app_server: Server, app_page: Page | None, screens: Path):
    page = require(app_page)
    try:
        open_idle(page, f"{app_server.url}/present", "Present")
        _no_exception(page)
        counter = page.get_by_text("Slide 1 of")
        expect(counter).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        slide_title = page.get_by_test_id("stMain").get_by_role("heading", level=2).first
        first_title = slide_title.inner_text()
        page.get_by_role("button", name=re.compile(r"^Next")).click()       # its name carries the shortcut
        expect(page.get_by_text("Slide 2 of")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(slide_title).not_to_have_text(first_title)
        expect(page.get_by_test_id("stPlotlyChart").first.locator("svg.main-svg").first).to_be_attached(
            timeout=LOAD_TIMEOUT_MS)
        _no_exception(page)
    finally:
        shoot(page, screens / "present.png")
