"""End-to-end: with local accounts, an analyst signs in, reloads, follows deep links and stays signed in, and is
offered the analyst's page only while signed in; after signing out, a reload and a deep link stay signed out.
Debian chromium, opt-in (`-m e2e`):

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e/test_sign_in_browser.py -q -m e2e -s
"""

from __future__ import annotations

import base64
import json
import time

import pytest
from playwright.sync_api import Page, expect

from analysis import accounts
from tests.conftest import small_survey
from tests.e2e.conftest import LOAD_TIMEOUT_MS, open_idle, require, running_app

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
HOURS = 12                                  # the default lifetime (analysis.accounts.DEFAULT_HOURS)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """The app with two local accounts (secrets in a file of the test's own), on a store of 3 museums."""
    from analysis.loading.upload import load_file
    from analysis.store import open_store

    work = tmp_path_factory.mktemp("e2e-sign-in")
    db = work / "store.duckdb"
    con = open_store(db)
    try:
        assert load_file(con, small_survey(work / "seed.xlsx"), user="seed")["status"] == "committed"
    finally:
        con.close()                     # one process per DuckDB file: the server opens it next
    digest = accounts.hash_password(PASSWORD, iterations=1000)
    secrets = work / "secrets.toml"
    secrets.write_text(f'[accounts.ana]\npassword_hash = "{digest}"\nrole = "analyst"\n\n'
                       f'[accounts.boss]\npassword_hash = "{digest}"\nrole = "admin"\n')
    with running_app(db, work / "streamlit.log", "--secrets.files", str(secrets)) as url:
        yield url


@pytest.fixture
def page(chromium) -> Page | None:
    if chromium is None:
        yield None
        return
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()


def _signed_in_as(page: Page, who: str) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_text(f"Signed in as {who}")).to_be_visible(
        timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_label("Password", exact=True)).to_have_count(0)


def _signed_out(page: Page) -> None:
    expect(page.get_by_label("Password", exact=True)).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_text("Signed in as")).to_have_count(0)


def _menu(page: Page) -> list[str]:
    """The page titles the sidebar's navigation offers (each link's last line: the icon's ligature comes first)."""
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Overview")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    return [link.inner_text().strip().splitlines()[-1] for link in nav.get_by_test_id("stSidebarNavLink").all()]


def _no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_sign_in_lasts_across_reloads_and_deep_links_until_signing_out(server: str, page: Page | None):
    page = require(page)
    open_idle(page, server)
    _signed_out(page)
    assert "Upload surveys" not in _menu(page) and "Targets" not in _menu(page)

    page.get_by_label("User name").fill("ana")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    before = time.time()
    page.get_by_role("button", name="Sign in").click()
    _signed_in_as(page, "ana")
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Upload surveys")).to_be_visible()
    menu = _menu(page)
    assert "Upload surveys" in menu and not {"Upload history", "Targets", "Museum registers"} & set(menu)

    page.wait_for_function("document.cookie.includes('museum_session=')", timeout=LOAD_TIMEOUT_MS)
    cookie = next(c for c in page.context.cookies() if c["name"] == "museum_session")
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert before + HOURS * 3600 - 60 < cookie["expires"] < time.time() + HOURS * 3600 + 60
    body = cookie["value"].split(".")[0]
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert claims["u"] == "ana" and set(claims) == {"u", "iat"}                   # no role in the browser

    page.reload()                                                   # a new session: only the cookie remains
    open_idle(page, server)
    _signed_in_as(page, "ana")
    assert "Upload surveys" in _menu(page)

    deep = page.context.new_page()                                  # a link opened in a new tab
    open_idle(deep, f"{server}/upload", title="Upload surveys")
    _signed_in_as(deep, "ana")
    expect(deep.get_by_test_id("stFileUploader")).to_be_visible()
    expect(deep.get_by_text("This page needs")).to_have_count(0)
    open_idle(deep, f"{server}/targets", title=None)                # opened by URL, not offered: refused inside
    expect(deep.get_by_text("This page needs the admin role; you are signed in as ana (analyst)")).to_be_visible()
    _no_exception(deep)
    deep.close()

    page.get_by_role("button", name="Sign out").click()
    _signed_out(page)
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Upload surveys")).to_have_count(0)
    page.wait_for_function("!document.cookie.includes('museum_session=')", timeout=LOAD_TIMEOUT_MS)
    assert not any(c["name"] == "museum_session" for c in page.context.cookies())

    page.reload()
    open_idle(page, server)
    _signed_out(page)
    open_idle(page, f"{server}/upload", title=None)
    expect(page.get_by_text("This page needs the analyst role; you are not signed in")).to_be_visible(
        timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    _no_exception(page)


def test_a_forged_or_foreign_cookie_signs_nobody_in(server: str, page: Page | None):
    page = require(page)
    forged = accounts.issue_token("boss", b"not the server's secret, 32 bytes", stamp="anything")
    host = server.split("//")[1].split(":")[0]
    page.context.add_cookies([{"name": "museum_session", "value": forged, "domain": host, "path": "/"}])
    open_idle(page, server)
    _signed_out(page)
    assert "Targets" not in _menu(page)
    _no_exception(page)
