"""Who is using the app and what they may do. Each restricted page checks the role itself (require); the
navigation only hides what a role may not use (visibility), so a page opened by its URL still refuses.

Three modes, from .streamlit/secrets.toml:
- [auth] (OIDC, st.login): signed-in users get roles from [roles] admins / analysts; everyone else views.
  Streamlit keeps the identity in its own signed cookie; a sign-in older than the session lifetime (from the
  ID token's `iat`) counts as signed out.
- [accounts.<name>] with password_hash and role: a sign-in form in the sidebar; the sign-in is kept in a
  cookie as a signed, expiring token (analysis.accounts), read again when a reload or a deep link starts a
  new session.
- nothing configured: local open mode for one user on this machine, shown in a banner; full rights.
"""

from __future__ import annotations

import getpass
import json
from typing import Literal

import streamlit as st

from analysis import accounts, store
from analysis.i18n import N_, _

COOKIE = "museum_session"
_TOKEN = "auth-token"            # session state: the token signed in (or None signed out) in this session
_COOKIE_WRITE = "auth-cookie"    # session state: the cookie to write in the browser on this run
_FAILED = "auth-failed"
ROLE_NAMES = {"viewer": N_("viewer"), "analyst": N_("analyst"), "admin": N_("admin")}   # accounts.ROLES in words


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:               # no secrets.toml at all
        return {}


def mode() -> str:
    config = _secrets()
    if "auth" in config:
        return "oidc"
    if config.get("accounts"):
        return "accounts"
    return "open"


def _lifetime_s() -> float:
    return accounts.session_hours() * 3600


def _secret() -> bytes:
    return accounts.session_secret(store.db_path().parent)


def _stamp_of(config: dict):
    return lambda user: config.get(user, {}).get("password_hash")


def _token() -> str | None:
    """This session's sign-in: the token set by signing in or out in it, else the browser's cookie, which
    arrives when a session starts (a reload, a deep link) and is not seen again until the next one."""
    if _TOKEN in st.session_state:
        return st.session_state[_TOKEN]
    return st.context.cookies.to_dict().get(COOKIE)


def current_user() -> tuple[str, str]:
    """(name for the audit trail, role)."""
    config = _secrets()
    how = mode()
    if how == "open":
        return f"{getpass.getuser()} (local)", "admin"
    if how == "oidc":
        issued = st.user.get("iat")
        if not st.user.get("is_logged_in") or (issued is not None and not accounts.within(issued, _lifetime_s())):
            return "anonymous", "viewer"
        email = st.user.get("email") or st.user.get("name") or "signed-in user"
        return email, accounts.role_for_email(email, config.get("roles", {}))
    token = _token()
    user = token and accounts.token_user(token, _secret(), lifetime_s=_lifetime_s(),
                                         stamp_of=_stamp_of(config["accounts"]))
    if user:
        return user, config["accounts"][user].get("role", "viewer")
    return "anonymous", "viewer"


def visibility(needed: str) -> Literal["visible", "hidden"]:
    """Whether the navigation offers a page that needs the role `needed` to the current user."""
    return "visible" if accounts.allows(current_user()[1], needed) else "hidden"


def _sign_in() -> None:
    """Form callback, so the whole run that follows (navigation included) is signed in and the filled form is
    already gone."""
    user, password = st.session_state.get("sign-in-user", ""), st.session_state.get("sign-in-password", "")
    st.session_state["sign-in-password"] = ""          # never shown again, whatever the outcome
    account = _secrets()["accounts"].get(user)
    if account and accounts.verify_password(password, account.get("password_hash", "")):
        token = accounts.issue_token(user, _secret(), stamp=account["password_hash"])
        st.session_state[_TOKEN] = st.session_state[_COOKIE_WRITE] = token
    else:
        st.session_state[_FAILED] = True


def _sign_out() -> None:
    if mode() == "oidc":
        st.logout()                 # Streamlit deletes its identity cookie and starts a new session
    st.session_state[_TOKEN] = None
    st.session_state[_COOKIE_WRITE] = ""


def _write_cookie() -> None:
    """Set (after signing in) or delete (after signing out) the sign-in cookie in the browser. Streamlit has
    no server-side call for a cookie of one's own, so a line of script on this same page writes it;
    SameSite=Strict, and Secure when the app is served over https."""
    if _COOKIE_WRITE not in st.session_state:
        return
    token = st.session_state.pop(_COOKIE_WRITE)
    age = int(_lifetime_s()) if token else 0
    cookie = json.dumps(f"{COOKIE}={token}; Max-Age={age}; Path=/; SameSite=Strict")
    st.html(f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
            unsafe_allow_javascript=True)


def sidebar() -> None:
    """The sign-in / sign-out control and, in open mode, the banner."""
    how = mode()
    name, role = current_user()
    with st.sidebar:
        if how == "open":
            st.warning(_("Local open mode: no sign-in is configured, so whoever opens this app can upload and "
                         "change data. Configure accounts before sharing it (see README)."),
                       icon=":material/lock_open:")
            return
        _write_cookie()
        if name != "anonymous":
            st.caption(_("Signed in as **{name}** ({role})").format(name=name, role=_(ROLE_NAMES[role])))
            st.button(_("Sign out"), key="sign-out", on_click=_sign_out)
            return
        if how == "oidc":
            if st.user.get("is_logged_in"):
                st.caption(_("Your sign-in is older than {hours} hours: sign in again.").format(
                    hours=f"{accounts.session_hours():g}"))
            st.button(_("Sign in"), key="sign-in", on_click=st.login)
            return
        with st.form("sign-in-form", border=False):
            st.text_input(_("User name"), key="sign-in-user")
            st.text_input(_("Password"), type="password", key="sign-in-password")
            st.form_submit_button(_("Sign in"), on_click=_sign_in)
        if st.session_state.pop(_FAILED, False):
            st.error(_("Unknown user name or wrong password."))


def require(role: str) -> str:
    """Stop the page unless the user has at least `role`; return the user's name for the audit trail."""
    name, has = current_user()
    if not accounts.allows(has, role):
        who = _("you are not signed in: sign in in the sidebar") if name == "anonymous" else \
            _("you are signed in as {name} ({role}): ask an administrator for access").format(
                name=name, role=_(ROLE_NAMES[has]))
        st.error(_("This page needs the **{role}** role; {who}.").format(role=_(ROLE_NAMES[role]), who=who),
                 icon=":material/block:")
        st.stop()
    return name
