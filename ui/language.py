"""The reader's language: chosen once per rerun, before anything is written, and kept in the URL (`?lang=fr`)
so that a shared link opens in the sender's language.

The menu is not a widget bound to the URL: a bound widget writes its shown option ('Français') and leaves its
default out of the URL, so a link shared from the browser's own language would open in the receiver's."""

from __future__ import annotations

import streamlit as st

from analysis import i18n
from analysis.i18n import _

KEY = "lang"


def _browser() -> str | None:
    """The browser's Accept-Language header, else its navigator.language ('fr-FR')."""
    return st.context.headers.get("Accept-Language") or st.context.locale


def choose() -> str:
    """Set the current language for this run: the menu's choice, else `?lang=`, else the browser's, else
    English."""
    codes = i18n.languages()
    if st.session_state.get(KEY) not in codes:
        linked = st.query_params.get(KEY)
        st.session_state[KEY] = linked if linked in codes else i18n.negotiate(_browser())
    code = i18n.use(st.session_state[KEY])
    st.query_params[KEY] = code
    return code


def menu() -> None:
    """The language menu in the sidebar, each language under its own name."""
    st.sidebar.selectbox(_("Language"), i18n.languages(), key=KEY, format_func=i18n.language_name,
                         persist_state="session")
