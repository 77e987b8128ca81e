"""End-to-end: an analyst uploads a survey through the real file input, reads the report, confirms the
warning, loads the file and sees the Overview count the new museums. Debian chromium, opt-in (`-m e2e`):

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e/test_upload_browser.py -q -m e2e -s

Screenshots (mid-review and after loading) are written to the test's temp folder and their paths printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import small_survey, write_xlsx
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, running_app

TIMEOUT_MS = 30_000

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """The app on a store seeded with 3 museums of wave 2025 (tests/conftest.small_survey)."""
    from analysis.loading.upload import load_file
    from analysis.store import open_store

    work = tmp_path_factory.mktemp("e2e-upload")
    db = work / "store.duckdb"
    con = open_store(db)
    try:
        assert load_file(con, small_survey(work / "seed.xlsx"), user="seed")["status"] == "committed"
    finally:
        con.close()                     # one process per DuckDB file: the server opens it next
    with running_app(db, work / "streamlit.log") as url:
        yield url


@pytest.fixture
def browser_page() -> Page:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (browsers are never downloaded here).",
                    pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        # Streamlit scrolls inside its own container, so a full-page shot is only as tall as the window.
        context = browser.new_context(viewport={"width": 1440, "height": 2600})
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def _idle(page: Page) -> None:
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)          # must not happen: a traceback


def _shoot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")


def _respondents(page: Page):
    return page.get_by_test_id("stMetric").filter(has_text="Museums responding").get_by_test_id("stMetricValue")


def test_upload_review_load_and_see_the_overview_change(server: str, browser_page: Page, tmp_path: Path):
    page = browser_page
    page.goto(f"{server}/")
    expect(_respondents(page)).to_have_text("3", timeout=TIMEOUT_MS)

    # Two new museums; Louvre-Lens says 30 % online but 20 % digitised: a warning, not an error.
    header = ["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Share of collection online (%)",
              "Contact e-mail"]
    survey = write_xlsx(tmp_path / "new museums 2025.xlsx", [
        header, ["Musée du Louvre-Lens", "FR", "2025", 20, 30, "a@b.fr"],
        ["Deutsches Museum", "DE", "2025", 35, 10, "c@d.de"]])

    page.goto(f"{server}/upload")
    expect(page.get_by_role("heading", name="Upload surveys")).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(survey))
    expect(page.get_by_role("button", name="Remove new museums 2025.xlsx")).to_be_visible(timeout=TIMEOUT_MS)
    page.get_by_role("button", name="Check files").click()

    expect(page.get_by_text("1 warning(s)").first).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    expect(page.get_by_text("Personal data, never stored: Contact e-mail.")).to_be_visible()
    load = page.get_by_role("button", name="Load 2 museum row(s)")
    expect(load).to_be_disabled()
    _shoot(page, tmp_path / "upload-mid-review.png")

    page.get_by_text("I have checked the 1 warning(s) and want to load this file").click()
    expect(load).to_be_enabled(timeout=TIMEOUT_MS)
    load.click()
    expect(page.get_by_text("Loaded 2 museum row(s)")).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    _shoot(page, tmp_path / "upload-loaded.png")

    page.get_by_role("link", name="See the updated figures on the Overview").click()
    expect(page.get_by_role("heading", name="Museum digitisation in Europe")).to_be_visible(timeout=TIMEOUT_MS)
    expect(_respondents(page)).to_have_text("5", timeout=TIMEOUT_MS)
    _idle(page)

    # The admin takes it back: the history lists it, retraction asks first, and the Overview drops to 3 again.
    page.goto(f"{server}/history")
    expect(page.get_by_role("heading", name="Upload history")).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    page.get_by_role("button", name="Retract this upload…").click()
    expect(page.get_by_text("Retract upload 2 ('new museums 2025.xlsx')?")).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    _shoot(page, tmp_path / "history-confirm.png")
    page.get_by_role("button", name="Yes, retract it").click()
    expect(page.get_by_text("2 row(s) taken out of the figures")).to_be_visible(timeout=TIMEOUT_MS)
    page.goto(f"{server}/")
    expect(_respondents(page)).to_have_text("3", timeout=TIMEOUT_MS)
    _idle(page)


def test_a_column_nobody_placed_is_shown_with_its_likeliest_question(server: str, browser_page: Page,
                                                                    tmp_path: Path):
    """A French sheet whose headings are read as concepts; one column of answers is not recognised: the page
    says which column, what it holds and what to do, and the file cannot be loaded until it is placed."""
    page = browser_page
    survey = write_xlsx(tmp_path / "enquete.xlsx", [
        ["Nom du musée", "Pays", "Vague", "Part numérisée en 3D (%)", "Part numérisée (%)", "Couleur préférée"],
        ["Musée des Confluences", "France", "2025", 2, 30, "bleu"],
        ["Musée Unterlinden", "France", "2025", 1, 45, "vert"]])
    page.goto(f"{server}/upload")
    expect(page.get_by_role("heading", name="Upload surveys")).to_be_visible(timeout=TIMEOUT_MS)
    _idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(survey))
    page.get_by_role("button", name="Check files").click()
    _idle(page)
    _shoot(page, tmp_path / "upload-unrecognised-column.png")
    expect(page.get_by_text("Column 'Couleur préférée' (F) holds answers").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("button", name="Load 2 museum row(s)")).to_be_disabled()
