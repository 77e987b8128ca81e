"""Funding: need per investment pillar against the digital budget over the horizon, the shortfall in total, per
pillar and per country, museum type or size band (?by= in the URL), how much of their need museums cannot
fund, the obstacles they name and where their money comes from, EU programmes included."""

import pandas as pd
import streamlit as st

from analysis import charts, metrics, schema
from ui import state, widgets

# ?by= values (the options as shown: a bound widget writes its shown option to the URL) -> grouping column.
BREAKDOWNS = {"Country": "country", "Type": "museum_type", "Size": "size_band"}
GROUP_WORDS = {"country": "Countries", "museum_type": "Museum types", "size_band": "Size bands"}

st.title("Funding need and shortfall")
st.caption("NEMO 2024 asks for investment in six pillars: infrastructure, equipment, qualified staff, data and "
           "metadata, copyright clearance and staff training. This page sets museums' needs against their budgets.")

version, view, s, caption = widgets.explore_view()
st.caption(f"{caption}.")

n = s["n"]
wave_year = int(view.wave[:4]) if view.wave and view.wave[:4].isdigit() else None
horizon = (f"{max(1, schema.HORIZON_YEAR - wave_year)} years ({schema.HORIZON_YEAR} − {wave_year}) for this wave"
           if wave_year else f"{schema.HORIZON_YEAR} minus the wave year")
st.info(
    "**How the figures are computed.** For each museum: **need** = the sum of the six pillar needs it answered; "
    "**budget over the horizon** = its annual digital budget × its funding horizon, which defaults to "
    f"{horizon} when the museum gave none; **shortfall = max(0, need − budget × horizon)**, shared out across "
    "the pillars in proportion to the museum's needs. Totals add up the museums that answered, and each says "
    "how many (n): need over museums that gave any need, budget over museums that gave a budget, shortfall over "
    "museums that gave both. A museum with money to spare does not cover another's gap, so the total shortfall "
    "is not total need minus total budget. Groups of fewer than 5 museums are not shown.",
    icon=":material/calculate:")

money = lambda v: "–" if v is None or pd.isna(v) else f"€{v / 1e6:,.1f} M"  # noqa: E731
eu = state.aggregate(version, "eu_funding", view).iloc[0]
cols = st.columns(4)
cols[0].metric("Funding need", money(s["total_funding_need_eur"]),
               help=f"Sum of the six pillar needs, n = {n['funding_need']} museums that gave any need")
cols[1].metric("Digital budget × horizon", money(s["total_funding_available_eur"]),
               help=f"Annual digital budget × horizon years, n = {n['funding_available']} museums that gave a budget")
cols[2].metric("Funding shortfall", money(s["total_funding_shortfall_eur"]),
               help=f"Sum of max(0, need − budget × horizon), n = {n['funding_shortfall']} museums that gave both")
cols[3].metric("Museums that received EU funding", "–" if pd.isna(eu["share_with_eu_funding_pct"])
               else f"{eu['share_with_eu_funding_pct']:.0f} %",
               help=f"Share with EU funding received > 0 in the last 3 years, n = {int(eu['n'])} museums that "
                    f"answered; total received {money(eu['total_eu_funding_eur'])}")

totals = metrics.funding_totals(s)
pillars = state.aggregate(version, "pillar_funding", view)
data = pd.concat([pillars.drop(columns="pillar"), pd.DataFrame([{
    "label": "All pillars", "need_eur": totals["need"], "n_need": totals["n_need"],
    "shortfall_eur": totals["shortfall"], "n_shortfall": totals["n_shortfall"],
    "available_eur": totals["available"], "n_available": totals["n_available"]}])], ignore_index=True)
widgets.chart(charts.need_vs_budget(pillars, totals, caption), data, "funding-need-vs-budget", caption,
              alt="Total need by pillar, digital budget over the horizon and total shortfall by pillar, EUR millions")

left, right = st.columns(2)
with left:
    widgets.chart(charts.pillar_need_shortfall(pillars, caption), pillars, "funding-pillars", caption,
                  alt="Need and shortfall per investment pillar, EUR millions")
with right:
    frame = state.aggregate(version, "shortfall_ratio_bands", view)
    widgets.chart(charts.shortfall_ratio_bands(frame, caption), frame, "funding-shortfall-ratio", caption,
                  alt="Share of museums by the part of their need they cannot fund")

st.subheader("Where the shortfall falls")
choice = st.segmented_control("Break the shortfall down by", list(BREAKDOWNS),
                              key="by", default="Country", required=True, bind="query-params")
by = BREAKDOWNS.get(choice or "Country", "country")
frame = state.aggregate(version, "shortfall_by", view, by)
left, right = st.columns(2)
with left:
    widgets.chart(charts.shortfall_ranking(frame, by, caption), frame, f"funding-shortfall-by-{by}", caption,
                  alt=f"{GROUP_WORDS[by]} ranked by total funding shortfall, EUR millions")
with right:
    widgets.chart(charts.shortfall_ranking(frame, by, caption, per_museum=True), frame,
                  f"funding-shortfall-per-museum-by-{by}", caption,
                  alt=f"{GROUP_WORDS[by]} ranked by funding shortfall per museum, EUR millions")

st.subheader("Obstacles, funding sources and EU programmes")
left, right = st.columns(2)
with left:
    frame = state.aggregate(version, "choice_counts", view, "main_obstacles")
    widgets.chart(charts.choice_bars(frame, caption, "obstacle"), frame, "funding-obstacles", caption,
                  alt="Share of museums naming each obstacle among their top three")
with right:
    frame = state.aggregate(version, "choice_counts", view, "funding_sources")
    widgets.chart(charts.choice_bars(frame, caption, "funding source", highlight=metrics.EU_SOURCES,
                                     highlight_name="EU programmes", other_name="Other sources"),
                  frame, "funding-sources", caption, alt="Share of museums using each funding source")

st.markdown("**EU programme uptake**")
if eu["suppressed"]:
    st.caption(f"Too few answers on EU funding received (n = {int(eu['n'])}; at least 5 needed).")
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
    st.dataframe(state.aggregate(version, "eu_funding", view), hide_index=True)
