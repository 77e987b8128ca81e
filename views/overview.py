"""Overview: headline figures for the filtered view, each with its n, and the findings to lead with."""

import streamlit as st

from analysis import formats
from analysis.figures import findings, metrics
from ui import widgets

st.title("Museum digitisation in Europe")
st.caption("Evidence for NEMO's 2024 call to invest in infrastructure, equipment, qualified staff, "
           "interoperable data, copyright clearance and skills.")

view = widgets.explore_view()
s, caption = view.summary, view.caption
st.caption(f"{caption}. Unweighted means count every museum equally; collection-weighted means count every "
           "object equally.")

for sentence in findings.headline_findings(s, view.fetch(metrics.distribution, "pct_digitised", "country")):
    st.markdown(f"- {sentence}")

n = s["n"]
money, pct = formats.money, lambda v: formats.pct(v, 1)
cols = st.columns(4)
cols[0].metric("Museums responding", f"{s['respondents']:,}", help=f"in {s['countries']} countries")
cols[1].metric("Digitised (unweighted mean)", pct(s["mean_pct_digitised"]),
               help=f"Mean share of the collection digitised, every museum counting once; "
                    f"n = {n['pct_digitised']} museums that answered")
cols[2].metric("Digitised (collection-weighted)", pct(s["weighted_pct_digitised"]),
               help=f"Share of all objects digitised, every object counting once; "
                    f"n = {n['weighted_pct_digitised']} museums with both share and collection size")
cols[3].metric("Objects still to digitise", formats.count(s["objects_to_digitise"]),
               help=f"n = {n['objects_to_digitise']} museums with collection size and both shares")
cover = view.fetch(metrics.coverage)
known = cover.dropna(subset=["museums"])
cols = st.columns(4)
cols[3].metric("Museum population covered",
               formats.pct(100 * known["respondents"].sum() / known["museums"].sum(), 1) if len(known)
               else formats.MISSING,
               help=f"{int(known['respondents'].sum()):,} respondents of {int(known['museums'].sum()):,} museums in "
                    f"the {len(known)} countries with a population figure. " + findings.coverage_note(cover))
cols[0].metric("Funding need to 2030", money(s["total_funding_need_eur"]), help=f"n = {n['funding_need']}")
cols[1].metric("Digital budget to 2030", money(s["total_funding_available_eur"]),
               help=f"n = {n['funding_available']}")
cols[2].metric("Funding shortfall to 2030", money(s["total_funding_shortfall_eur"]),
               help=f"n = {n['funding_shortfall']} museums that gave both needs and budget")

st.caption("**Museum population covered:** " + findings.coverage_note(cover))
widgets.show(view, "digitisation-by-country")
widgets.show(view, "shortfall-by-pillar")
