"""The shared sidebar filters, bound to the URL so that every view is a shareable link.

Rendered once by the router for the explore pages; pages read the result with `current()`.
"""

from __future__ import annotations

import streamlit as st

from analysis import formats, i18n, schema
from analysis.figures import provenance
from analysis.figures.filters import Filters, size_band_label
from analysis.i18n import N_, _
from ui import state

# URL parameter names are the widget keys; Streamlit writes the shown labels, in the link's language, as values:
# ?lang=en&wave=2025&country=France&country=Germany&type=Art&size=small+(<10k+visits)&accredited=Accredited
KEYS = {"wave": None, "country": [], "type": [], "size": [], "owner": [], "accredited": N_("Any")}
ACCREDITED = {N_("Any"): None, N_("Accredited"): True, N_("Not accredited"): False}


def _reset() -> None:
    for key, default in KEYS.items():
        if key == "wave":
            st.session_state.pop(key, None)
            st.query_params.pop(key, None)
        else:
            st.session_state[key] = default


def sidebar() -> Filters:
    version = state.data_version()
    waves = state.waves(version)
    if not waves:
        st.session_state["filters"] = Filters()
        return st.session_state["filters"]
    opts = state.options(version)
    types = {code: i18n.survey_label(label) for code, label in schema.FIELDS_BY_NAME["museum_type"].choices}
    owners = {code: i18n.survey_label(label) for code, label in schema.FIELDS_BY_NAME["ownership"].choices}
    with st.sidebar:
        st.header(_("Filters"))
        wave = _wave(waves)
        countries = st.multiselect(_("Country"), opts["country"], key="country", format_func=schema.country_name,
                                   bind="query-params", persist_state="session", placeholder=_("All countries"))
        museum_types = st.multiselect(_("Museum type"), opts["museum_type"], key="type", format_func=types.get,
                                      bind="query-params", persist_state="session", placeholder=_("All types"))
        sizes = st.multiselect(_("Size (visits a year)"), opts["size_band"], key="size",
                               format_func=size_band_label, bind="query-params", persist_state="session",
                               placeholder=_("All sizes"))
        ownership = st.multiselect(_("Ownership"), opts["ownership"], key="owner", format_func=owners.get,
                                   bind="query-params", persist_state="session", placeholder=_("All owners"))
        accredited = st.segmented_control(_("Accreditation"), list(ACCREDITED), key="accredited", default="Any",
                                          format_func=_, bind="query-params", persist_state="session")
        st.button(_("Reset filters"), on_click=_reset, icon=":material/restart_alt:")
    filters = Filters(wave=wave, countries=tuple(countries), museum_types=tuple(museum_types),
                      size_bands=tuple(sizes), ownership=tuple(ownership),
                      accredited=ACCREDITED.get(accredited or "Any"))
    st.session_state["filters"] = filters
    _pin_data_version(state.data_of(version, wave), waves)
    return filters


def _wave(waves: list[str]) -> str:
    """The wave selector, kept in the URL by hand rather than bound to it: a bound widget leaves its default
    (the latest wave) out of the URL, so a link shared today would open next year's wave."""
    if st.session_state.get("wave") not in waves:
        linked = st.query_params.get("wave")
        st.session_state["wave"] = linked if linked in waves else waves[0]
    wave = st.selectbox(_("Survey wave"), waves, key="wave", persist_state="session")
    st.query_params["wave"] = wave
    return wave


def _pin_data_version(now: provenance.DataVersion, waves: list[str]) -> None:
    """Write the data version into the URL (`?data=`), so that a shared link opened later says what has changed
    since it was made (uploads added or retracted, a new frame, a newer wave) instead of silently differing."""
    shared = st.query_params.get("data")
    from_link = shared is not None and st.session_state.setdefault("link_opened", (now.wave, shared)) == (
        now.wave, shared)                       # the link as opened, before anyone changed its wave
    changes = provenance.changes_since(shared, now) if from_link else []
    if from_link and now.wave != waves[0]:
        changes.append(_("a newer survey wave ({wave}) has been loaded since").format(wave=waves[0]))
    if changes:
        st.warning(_("This link was made from an earlier version of the data: {changes}. The figures below are "
                     "today's for the same filters.").format(changes=formats.clauses(changes)),
                   icon=":material/history:")
    else:
        st.query_params["data"] = now.token
    st.sidebar.caption(now.text)


def current() -> Filters:
    """The filters chosen in the sidebar for this run (all museums of no wave when nothing is loaded)."""
    return st.session_state.get("filters", Filters())
