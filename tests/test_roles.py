"""Roles are enforced inside each restricted page, whatever the navigation shows."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import accounts
from tests.conftest import ROOT

HASH = accounts.hash_password("correct horse", iterations=1000)


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
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if with_accounts:
        at.secrets["accounts"] = {"ana": {"password_hash": HASH, "role": "analyst"},
                                  "boss": {"password_hash": HASH, "role": "admin"}}
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
