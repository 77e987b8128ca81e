"""Overview: the headline figures of one survey wave, each with its n."""

import pandas as pd
import streamlit as st

from analysis import charts
from ui import state, widgets

st.title("Museum digitisation in Europe")
st.caption("Evidence for NEMO's 2024 call to invest in infrastructure, equipment, qualified staff, "
           "interoperable data, copyright clearance and skills.")

version = state.data_version()
waves = state.waves(version)
if not waves:
    widgets.empty_state()
    st.stop()

wave = st.selectbox("Survey wave", waves, key="wave", bind="query-params")
s = state.summary(version, wave)
caption = widgets.describe(s["respondents"], wave, s["countries"])
st.caption(f"{caption}. Unweighted means count every museum equally; collection-weighted means count "
           "every object equally.")

n = s["n"]
cols = st.columns(4)
cols[0].metric("Museums responding", f"{s['respondents']:,}", help=f"{s['countries']} countries")
cols[1].metric("Collection digitised (unweighted mean)", f"{s['mean_pct_digitised']:.1f} %",
               help=f"n = {n['pct_digitised']} museums that answered")
cols[2].metric("Objects digitised (collection-weighted)", f"{s['weighted_pct_digitised']:.1f} %"
               if s["weighted_pct_digitised"] is not None else "–",
               help=f"n = {n['weighted_pct_digitised']} museums with both share and collection size")
cols[3].metric("Funding shortfall to 2030", f"€{(s['total_funding_shortfall_eur'] or 0) / 1e6:,.1f} M",
               help=f"n = {n['funding_shortfall']} museums that gave both needs and budget")
cols = st.columns(4)
cols[1].metric("Funding need to 2030", f"€{(s['total_funding_need_eur'] or 0) / 1e6:,.1f} M",
               help=f"n = {n['funding_need']}")
cols[2].metric("Digital budget to 2030", f"€{(s['total_funding_available_eur'] or 0) / 1e6:,.1f} M",
               help=f"n = {n['funding_available']}")

left, right = st.columns(2)
with left:
    frame = state.digitisation_by_country(version, wave)
    widgets.chart(charts.digitisation_by_country(frame, caption), frame, "digitisation-by-country",
                  alt="Mean share of collections digitised per country")
with right:
    fig = charts.shortfall_by_pillar(s["shortfall_by_pillar"],
                                     f"{caption}; n = {n['funding_shortfall']} museums with needs and budget")
    data = {"pillar": list(s["shortfall_by_pillar"]), "shortfall_eur": list(s["shortfall_by_pillar"].values())}
    widgets.chart(fig, pd.DataFrame(data), "shortfall-by-pillar", alt="Funding shortfall per investment pillar")
