"""Roles: the navigation offers each person only the pages their role may use, each restricted page still
refuses by itself, and a local sign-in is a signed token that expires (tests/e2e/test_sign_in_browser.py
reloads it in a real browser)."""

import base64
import json
import os
import re
import time

import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from analysis import accounts
from tests.conftest import ROOT

HASH = accounts.hash_password("correct horse", iterations=1000)
SECRET = b"k" * 32
HOUR = 3600.0
T0 = 1_800_000_000.0                        # 15 Jan 2027, 08:00 UTC
RESTRICTED = {"Upload surveys", "Upload history", "Targets", "Museum registers"}


def test_password_hashes_verify_only_the_right_password():
    assert accounts.verify_password("correct horse", HASH)
    assert not accounts.verify_password("wrong", HASH)
    assert not accounts.verify_password("correct horse", "garbage")
    assert HASH != accounts.hash_password("correct horse", iterations=1000)          # salted


def test_role_order_and_oidc_role_lookup():
    assert accounts.allows("admin", "analyst") and accounts.allows("analyst", "viewer")
    assert not accounts.allows("viewer", "analyst") and not accounts.allows("analyst", "admin")
    roles = {"admins": ["Boss@Ministry.eu"], "analysts": ["ana@network.eu"]}
    assert [accounts.role_for_email(e, roles) for e in ("boss@ministry.eu", "ana@network.eu", "x@y.z", None)] == [
        "admin", "analyst", "viewer", "viewer"]


def _app(tmp_path, monkeypatch, with_accounts: bool) -> AppTest:
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "roles.duckdb"))
    monkeypatch.delenv(accounts.SECRET_ENV, raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if with_accounts:
        at.secrets["accounts"] = {"ana": {"password_hash": HASH, "role": "analyst"},
                                  "boss": {"password_hash": HASH, "role": "admin"},
                                  "vera": {"password_hash": HASH, "role": "viewer"}}
    return at


@pytest.mark.parametrize("page, needed", [("views/targets.py", "admin"), ("views/history.py", "admin"),
                                          ("views/upload.py", "analyst")])
def test_viewer_is_refused_inside_the_page(tmp_path, monkeypatch, page, needed):
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    at.switch_page(page).run()
    assert not at.exception
    assert any(f"This page needs the **{needed}** role" in e.value for e in at.error)
    assert len(at.file_uploader) == 0 and len(at.data_editor) == 0        # nothing to act with


def test_analyst_signs_in_and_may_upload_but_not_edit_targets(tmp_path, monkeypatch):
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    at.text_input[0].input("ana")
    at.text_input[1].input("correct horse")
    next(b for b in at.button if b.label == "Sign in").click().run()
    at.switch_page("views/upload.py").run()
    assert not at.exception and not at.error
    assert len(at.file_uploader) >= 1
    at.switch_page("views/targets.py").run()
    assert any("needs the **admin** role" in e.value for e in at.error)


def test_open_mode_is_bannered_and_allows_everything(tmp_path, monkeypatch):
    at = _app(tmp_path, monkeypatch, with_accounts=False).run()
    assert any("Local open mode" in w.value for w in at.warning)
    at.switch_page("views/targets.py").run()
    assert not at.error and len(at.data_editor) == 1


# --- the navigation offers what the role may use ----------------------------------------------------------
@pytest.fixture
def menus(monkeypatch) -> list[dict[str, set[str]]]:
    """What each run's navigation offers: the visible page titles per section, as app.py hands them over."""
    seen, real = [], streamlit.navigation

    def recording(pages, **options):
        seen.append({section: {page.title for page in group if page.visibility == "visible"}
                     for section, group in pages.items()})
        return real(pages, **options)

    monkeypatch.setattr(streamlit, "navigation", recording)
    return seen


def _offered(menu: dict[str, set[str]]) -> set[str]:
    return set().union(*menu.values())


def _sign_in(at: AppTest, user: str, password: str = "correct horse") -> AppTest:
    at.text_input(key="sign-in-user").input(user)
    at.text_input(key="sign-in-password").input(password)
    return next(b for b in at.button if b.label == "Sign in").click().run()


@pytest.mark.parametrize("user, offered", [(None, set()), ("vera", set()), ("ana", {"Upload surveys"}),
                                           ("boss", RESTRICTED)])
def test_each_role_is_offered_only_the_pages_it_may_use(tmp_path, monkeypatch, menus, user, offered):
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    if user:
        _sign_in(at, user)
        assert f"Signed in as **{user}**" in " ".join(c.value for c in at.sidebar.caption)
    assert not at.exception
    menu = menus[-1]
    assert _offered(menu) & RESTRICTED == offered
    assert {"Overview", "Methodology"} <= menu["Explore"] and menu["Present"] == {"Present"}
    assert {section for section, titles in menu.items() if titles} == (
        {"Explore", "Present"} | ({"Analyst"} if offered else set()) | ({"Admin"} if "Targets" in offered else set()))


def test_the_form_is_gone_in_the_very_run_that_signs_in_and_a_wrong_password_offers_nothing(
        tmp_path, monkeypatch, menus):
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    _sign_in(at, "boss", "wrong")
    assert any("wrong password" in e.value for e in at.sidebar.error)
    assert _offered(menus[-1]) & RESTRICTED == set()
    assert at.text_input(key="sign-in-password").value == ""           # not left filled in
    _sign_in(at, "boss")
    assert not [t for t in at.text_input if t.key in ("sign-in-user", "sign-in-password")]
    assert _offered(menus[-1]) & RESTRICTED == RESTRICTED              # this same run, no second one needed


def _cookie_written(at: AppTest) -> str:
    """The cookie the sidebar's one line of script writes in this run."""
    scripts = [h.proto.body for h in at.get("html") if "document.cookie" in h.proto.body]
    assert len(scripts) == 1, scripts
    return json.loads(re.search(r"document\.cookie = (\"[^\"]*\")", scripts[0])[1])


def test_signing_in_writes_a_signed_expiring_cookie_and_signing_out_deletes_it(tmp_path, monkeypatch, menus):
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    _sign_in(at, "ana")
    cookie = _cookie_written(at)
    name, token = cookie.split(";")[0].split("=", 1)
    assert name == "museum_session" and "Max-Age=43200" in cookie                 # 12 h by default
    secret = (tmp_path / "session.key").read_bytes()                                 # made beside the store
    assert len(secret) == 32 and os.stat(tmp_path / "session.key").st_mode & 0o777 == 0o600
    assert accounts.token_user(token, secret, lifetime_s=12 * HOUR, stamp_of={"ana": HASH}.get) == "ana"

    at.run()
    assert not [h for h in at.get("html") if "document.cookie" in h.proto.body]     # written once
    next(b for b in at.button if b.label == "Sign out").click().run()
    assert _cookie_written(at).startswith("museum_session=; Max-Age=0;")
    assert _offered(menus[-1]) & RESTRICTED == set()
    assert at.text_input(key="sign-in-password").value == ""            # the form is back, empty
    at.switch_page("views/upload.py").run()
    assert any("needs the **analyst** role; you are not signed in" in e.value for e in at.error)


def test_the_session_lifetime_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(accounts.HOURS_ENV, "0.5")
    at = _app(tmp_path, monkeypatch, with_accounts=True).run()
    _sign_in(at, "ana")
    assert "Max-Age=1800;" in _cookie_written(at)


def test_single_sign_on_users_are_offered_their_role_until_the_sign_in_is_too_old(tmp_path, monkeypatch, menus):
    at = _app(tmp_path, monkeypatch, with_accounts=False)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    at.secrets["roles"] = {"admins": ["boss@ministry.eu"], "analysts": ["ana@network.eu"]}
    at.user = {"is_logged_in": True, "email": "ana@network.eu", "iat": int(time.time()) - 60}
    at.run()
    assert not at.exception and _offered(menus[-1]) & RESTRICTED == {"Upload surveys"}
    at.user = {"is_logged_in": True, "email": "boss@ministry.eu", "iat": int(time.time()) - 60}
    at.run()
    assert _offered(menus[-1]) & RESTRICTED == RESTRICTED
    next(b for b in at.button if b.label == "Sign out").click().run()
    assert not at.exception and _offered(menus[-1]) & RESTRICTED == set()
    assert [b.label for b in at.sidebar.button] == ["Sign in"]
    at.user = {"is_logged_in": True, "email": "boss@ministry.eu", "iat": int(time.time() - 13 * HOUR)}
    at.run()
    assert _offered(menus[-1]) & RESTRICTED == set()
    assert any("older than 12 hours" in c.value for c in at.sidebar.caption)
    at.switch_page("views/targets.py").run()
    assert any("needs the **admin** role" in e.value for e in at.error)


# --- the token ------------------------------------------------------------------------------------------
def _read(token, secret=SECRET, now=T0 + HOUR, stamps=None):
    return accounts.token_user(token, secret, lifetime_s=12 * HOUR, now=now,
                               stamp_of=(stamps or {"ana": "hash-1", "boss": "hash-2"}).get)


def test_a_token_signs_in_its_user_while_it_is_young_enough():
    token = accounts.issue_token("ana", SECRET, stamp="hash-1", now=T0)
    assert _read(token, now=T0) == "ana"
    assert _read(token, now=T0 + 12 * HOUR - 1) == "ana"
    assert _read(token, now=T0 + 12 * HOUR) is None                     # expired: 12 h after signing in
    assert _read(token, now=T0 - 3600) is None                          # from the future
    body = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert body == {"u": "ana", "iat": int(T0)}                         # no role, no password


def test_a_token_is_refused_when_altered_or_signed_with_another_secret():
    token = accounts.issue_token("ana", SECRET, stamp="hash-1", now=T0)
    body, signature = token.split(".")
    as_boss = base64.urlsafe_b64encode(json.dumps({"u": "boss", "iat": int(T0)}).encode()).rstrip(b"=").decode()
    later = base64.urlsafe_b64encode(json.dumps({"u": "ana", "iat": int(T0) + 11 * 3600}).encode()).decode()
    assert _read(f"{as_boss}.{signature}") is None                      # another user, same signature
    assert _read(f"{later}.{signature}", now=T0 + 20 * HOUR) is None    # a later sign-in time, same signature
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    assert _read(f"{body}.{flipped}") is None
    assert _read(token, secret=b"s" * 32) is None                       # another server's secret
    assert _read(token, stamps={"ana": "hash-after-a-new-password"}) is None
    assert _read(token, stamps={"boss": "hash-2"}) is None              # the account was removed
    for junk in ("", ".", "abc", "abc.def", f"{body}.", "é.é", f"{body}.{signature}é", None):
        assert _read(junk) is None, junk


def test_the_secret_is_made_once_beside_the_store_or_taken_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(accounts.SECRET_ENV, raising=False)
    first = accounts.session_secret(tmp_path / "data")
    assert len(first) == 32 and accounts.session_secret(tmp_path / "data") == first
    assert os.stat(tmp_path / "data" / "session.key").st_mode & 0o777 == 0o600
    assert accounts.session_secret(tmp_path / "other") != first
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["session.key"]        # no draft left over
    monkeypatch.setenv(accounts.SECRET_ENV, "z" * 40)
    assert accounts.session_secret(tmp_path / "data") == b"z" * 40
    monkeypatch.setenv(accounts.SECRET_ENV, "short")
    with pytest.raises(ValueError, match="at least 32"):
        accounts.session_secret(tmp_path / "data")
