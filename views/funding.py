"""Funding: need per investment pillar against the digital budget over the horizon, the shortfall in total, per
pillar and per country, museum type or size band (?by= in the URL), how much of their need museums cannot
fund, the obstacles they name and where their money comes from, EU programmes included."""

import pandas as pd
import streamlit as st

from analysis import formats, limits, schema
from analysis.export import tables
from analysis.figures import definitions, metrics
from ui import widgets

# ?by= values (the options as shown: a bound widget writes its shown option to the URL) -> grouping column.
BREAKDOWNS = {"Country": "country", "Type": "museum_type", "Size": "size_band"}

st.title("Funding need and shortfall")
st.caption("NEMO 2024 asks for investment in six pillars: infrastructure, equipment, qualified staff, data and "
           "metadata, copyright clearance and staff training. This page sets museums' needs against their budgets.")

view = widgets.explore_view()
s, filters = view.summary, view.filters
st.caption(f"{view.caption}.")

n = s["n"]
wave_year = int(filters.wave[:4]) if filters.wave and filters.wave[:4].isdigit() else None
horizon = (f"{max(1, schema.HORIZON_YEAR - wave_year)} years ({schema.HORIZON_YEAR} − {wave_year}) for this wave"
           if wave_year else f"{schema.HORIZON_YEAR} minus the wave year")
st.info(
    "**How the figures are computed.** For each museum: **need** = the sum of the six pillar needs it answered; "
    "**budget over the horizon** = its annual digital budget × its funding horizon, which defaults to "
    f"{horizon} when the museum gave none; **shortfall = {definitions.SHORTFALL}**, shared out across "
    "the pillars in proportion to the museum's needs. Totals add up the museums that answered, and each says "
    "how many (n): need over museums that gave any need, budget over museums that gave a budget, shortfall over "
    "museums that gave both. A museum with money to spare does not cover another's gap, so the total shortfall "
    f"is not total need minus total budget. Groups of fewer than {limits.SUPPRESS_BELOW_N} museums are not shown.",
    icon=":material/calculate:")

money = formats.money
eu = view.fetch(metrics.eu_funding).iloc[0]
cols = st.columns(4)
cols[0].metric("Funding need", money(s["total_funding_need_eur"]),
               help=f"Sum of the six pillar needs, n = {n['funding_need']} museums that gave any need")
cols[1].metric("Digital budget × horizon", money(s["total_funding_available_eur"]),
               help=f"Annual digital budget × horizon years, n = {n['funding_available']} museums that gave a budget")
cols[2].metric("Funding shortfall", money(s["total_funding_shortfall_eur"]),
               help=f"Sum of {definitions.SHORTFALL}, n = {n['funding_shortfall']} museums that gave both")
cols[3].metric("Museums that received EU funding", formats.pct(eu["share_with_eu_funding_pct"]),
               help=f"Share with EU funding received > 0 in the last 3 years, n = {int(eu['n'])} museums that "
                    f"answered; total received {money(eu['total_eu_funding_eur'])}")

widgets.show(view, "need-vs-budget")

left, right = st.columns(2)
with left:
    widgets.show(view, "funding-pillars")
with right:
    widgets.show(view, "shortfall-ratio")

st.subheader("Where the shortfall falls")
choice = st.segmented_control("Break the shortfall down by", list(BREAKDOWNS),
                              key="by", default="Country", required=True, bind="query-params")
by = BREAKDOWNS.get(choice or "Country", "country")
left, right = st.columns(2)
with left:
    widgets.show(view, "shortfall-by-country", by=by)
with right:
    widgets.show(view, "shortfall-by-country", by=by, per_museum=True)

st.subheader("Obstacles, funding sources and EU programmes")
left, right = st.columns(2)
with left:
    widgets.show(view, "obstacles")
with right:
    widgets.show(view, "funding-sources")

st.markdown("**EU programme uptake**")
if eu["suppressed"]:
    st.caption(f"Too few answers on EU funding received (n = {int(eu['n'])}; "
               f"at least {limits.SUPPRESS_BELOW_N} needed).")
else:
    st.markdown(
        f"- **{int(eu['museums_with_eu_funding'])} of {int(eu['n'])}** museums that answered "
        f"(**{eu['share_with_eu_funding_pct']:.0f} %**) received EU funding in the last 3 years, "
        f"**{money(eu['total_eu_funding_eur'])}** in total.")
if not pd.isna(eu["share_naming_eu_source_pct"]):
    st.markdown(f"- **{eu['share_naming_eu_source_pct']:.0f} %** of the {int(eu['n_sources'])} museums that "
                "listed their funding sources name an EU programme (Digital Europe, Horizon Europe, Creative "
                "Europe, structural funds / RRF).")
with st.expander("Data behind these figures"):
    st.dataframe(tables.readable(view.fetch(metrics.eu_funding)), hide_index=True)
