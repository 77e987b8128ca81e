"""The Europe map in the running app: every outline is drawn from the file the app serves (static/), which the
browser fetches once per session however often the map is drawn again. Marked e2e (Debian chromium)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from analysis.charts import geo
from tests.e2e.conftest import LOAD_TIMEOUT_MS, Server, open_idle, require

pytestmark = pytest.mark.e2e


def test_the_map_draws_every_outline_from_the_served_file_fetched_once(app_server: Server, chromium):
    browser = require(chromium)
    context = browser.new_context(viewport={"width": 1440, "height": 1200})
    page = context.new_page()
    fetched: list[str] = []
    page.on("response", lambda r: fetched.append(r.url) if r.url.endswith(geo.GEOJSON_URL) and r.ok else None)
    try:
        open_idle(page, f"{app_server.url}/map", "Europe map")
        outlines = page.locator(".choroplethlocation")
        expect(outlines).to_have_count(len(geo.europe()["features"]), timeout=LOAD_TIMEOUT_MS)
        page.get_by_test_id("stSelectbox").filter(has_text="Metric").click()
        page.get_by_role("option", name="Collection online (unweighted mean)").click()
        expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                                timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_text("Collection online (unweighted mean):").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
        expect(outlines).to_have_count(len(geo.europe()["features"]), timeout=LOAD_TIMEOUT_MS)
        assert len(fetched) == 1, fetched
    finally:
        context.close()
