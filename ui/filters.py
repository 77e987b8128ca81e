"""The shared sidebar filters, bound to the URL so that every view is a shareable link.

Rendered once by the router for the explore pages; pages read the result with `current()`.
"""

from __future__ import annotations

import streamlit as st

from analysis import schema
from analysis.filters import SIZE_BAND_LABELS, Filters
from ui import state

# URL parameter names are the widget keys; Streamlit writes the shown labels as values:
# ?wave=2025&country=France&country=Germany&type=Art&size=small+(<10k+visits)&accredited=Accredited
KEYS = {"wave": None, "country": [], "type": [], "size": [], "owner": [], "accredited": "Any"}
ACCREDITED = {"Any": None, "Accredited": True, "Not accredited": False}


def _reset() -> None:
    for key, default in KEYS.items():
        if key == "wave":
            st.session_state.pop(key, None)
        else:
            st.session_state[key] = default


def sidebar() -> Filters:
    version = state.data_version()
    waves = state.waves(version)
    if not waves:
        st.session_state["filters"] = Filters()
        return st.session_state["filters"]
    opts = state.options(version)
    types = dict(schema.FIELDS_BY_NAME["museum_type"].choices)
    owners = dict(schema.FIELDS_BY_NAME["ownership"].choices)
    with st.sidebar:
        st.header("Filters")
        wave = st.selectbox("Survey wave", waves, key="wave", bind="query-params", persist_state="session")
        countries = st.multiselect("Country", opts["country"], key="country", format_func=schema.country_name,
                                   bind="query-params", persist_state="session", placeholder="All countries")
        museum_types = st.multiselect("Museum type", opts["museum_type"], key="type", format_func=types.get,
                                      bind="query-params", persist_state="session", placeholder="All types")
        sizes = st.multiselect("Size (visits a year)", opts["size_band"], key="size",
                               format_func=SIZE_BAND_LABELS.get, bind="query-params", persist_state="session",
                               placeholder="All sizes")
        ownership = st.multiselect("Ownership", opts["ownership"], key="owner", format_func=owners.get,
                                   bind="query-params", persist_state="session", placeholder="All owners")
        accredited = st.segmented_control("Accreditation", list(ACCREDITED), key="accredited", default="Any",
                                          bind="query-params", persist_state="session")
        st.button("Reset filters", on_click=_reset, icon=":material/restart_alt:")
    filters = Filters(wave=wave, countries=tuple(countries), museum_types=tuple(museum_types),
                      size_bands=tuple(sizes), ownership=tuple(ownership),
                      accredited=ACCREDITED.get(accredited or "Any"))
    st.session_state["filters"] = filters
    return filters


def current() -> Filters:
    """The filters chosen in the sidebar for this run (all museums of no wave when nothing is loaded)."""
    return st.session_state.get("filters", Filters())
