"""Who is using the app and what they may do, enforced inside each page (not only by hiding navigation).

Three modes, from .streamlit/secrets.toml:
- [auth] (OIDC, st.login): signed-in users get roles from [roles] admins / analysts; everyone else views.
- [accounts.<name>] with password_hash and role: a sign-in form in the sidebar.
- nothing configured: local open mode for one user on this machine, shown in a banner; full rights.
"""

from __future__ import annotations

import getpass

import streamlit as st

from analysis import accounts


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


def current_user() -> tuple[str, str]:
    """(name for the audit trail, role)."""
    config = _secrets()
    how = mode()
    if how == "open":
        return f"{getpass.getuser()} (local)", "admin"
    if how == "oidc":
        if not st.user.get("is_logged_in"):
            return "anonymous", "viewer"
        email = st.user.get("email") or st.user.get("name") or "signed-in user"
        return email, accounts.role_for_email(email, config.get("roles", {}))
    signed_in = st.session_state.get("account")
    if signed_in and signed_in in config["accounts"]:
        return signed_in, config["accounts"][signed_in].get("role", "viewer")
    return "anonymous", "viewer"


def sidebar() -> None:
    """The sign-in / sign-out control and, in open mode, the banner."""
    how = mode()
    name, role = current_user()
    with st.sidebar:
        if how == "open":
            st.warning("Local open mode: no sign-in is configured, so whoever opens this app can upload and "
                       "change data. Configure accounts before sharing it (see README).", icon=":material/lock_open:")
            return
        if name != "anonymous":
            st.caption(f"Signed in as **{name}** ({role})")
            if st.button("Sign out", key="sign-out"):
                if how == "oidc":
                    st.logout()
                st.session_state.pop("account", None)
                st.rerun()
            return
        if how == "oidc":
            st.button("Sign in", key="sign-in", on_click=st.login)
            return
        user = st.text_input("User name", key="sign-in-user")
        password = st.text_input("Password", type="password", key="sign-in-password")
        if st.button("Sign in", key="sign-in"):
            account = _secrets()["accounts"].get(user)
            if account and accounts.verify_password(password, account.get("password_hash", "")):
                st.session_state["account"] = user          # the page below already runs signed in
                st.success(f"Signed in as {user}.")
            else:
                st.error("Unknown user name or wrong password.")


def require(role: str) -> str:
    """Stop the page unless the user has at least `role`; return the user's name for the audit trail."""
    name, has = current_user()
    if not accounts.allows(has, role):
        st.error(f"This page needs the **{role}** role; you are signed in as {name} ({has}). "
                 "Ask an administrator for access.", icon=":material/block:")
        st.stop()
    return name
