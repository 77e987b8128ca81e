"""Funding: need per investment pillar against the digital budget over the horizon, the shortfall in total, per
pillar and per country, museum type or size band (?by= in the URL), how much of their need museums cannot
fund, the obstacles they name and where their money comes from, EU programmes included."""

import pandas as pd
import streamlit as st

from analysis import formats, limits, schema
from analysis.export import tables
from analysis.figures import definitions, metrics
from analysis.i18n import N_, _
from ui import widgets

# ?by= values (the options as shown, in the link's language: a bound widget writes its shown option to the URL)
# -> grouping column.
BREAKDOWNS = {N_("Country"): "country", N_("Type"): "museum_type", N_("Size"): "size_band"}

st.title(_("Funding need and shortfall"))
st.caption(_("NEMO 2024 asks for investment in six pillars: infrastructure, equipment, qualified staff, data and "
             "metadata, copyright clearance and staff training. This page sets museums' needs against their "
             "budgets."))

view = widgets.explore_view()
s, filters = view.summary, view.filters
st.caption(f"{view.caption}.")

n = s["n"]
wave_year = int(filters.wave[:4]) if filters.wave and filters.wave[:4].isdigit() else None
horizon = (_("{years} years ({horizon} − {wave}) for this wave").format(
    years=max(1, schema.HORIZON_YEAR - wave_year), horizon=schema.HORIZON_YEAR, wave=wave_year)
           if wave_year else _("{horizon} minus the wave year").format(horizon=schema.HORIZON_YEAR))
st.info(_(
    "**How the figures are computed.** For each museum: **need** = the sum of the six pillar needs it answered; "
    "**budget over the horizon** = its annual digital budget × its funding horizon, which defaults to "
    "{horizon} when the museum gave none; **shortfall = {shortfall}**, shared out across the pillars in "
    "proportion to the museum's needs. Totals add up the museums that answered, and each says how many (n): need "
    "over museums that gave any need, budget over museums that gave a budget, shortfall over museums that gave "
    "both. A museum with money to spare does not cover another's gap, so the total shortfall is not total need "
    "minus total budget. Groups of fewer than {n} museums are not shown.").format(
    horizon=horizon, shortfall=definitions.shortfall(), n=limits.SUPPRESS_BELOW_N), icon=":material/calculate:")

money = formats.money
eu = view.fetch(metrics.eu_funding).iloc[0]
cols = st.columns(4)
cols[0].metric(_("Funding need"), money(s["total_funding_need_eur"]),
               help=_("Sum of the six pillar needs, n = {n} museums that gave any need").format(n=n["funding_need"]))
cols[1].metric(_("Digital budget × horizon"), money(s["total_funding_available_eur"]),
               help=_("Annual digital budget × horizon years, n = {n} museums that gave a budget").format(
                   n=n["funding_available"]))
cols[2].metric(_("Funding shortfall"), money(s["total_funding_shortfall_eur"]),
               help=_("Sum of {shortfall}, n = {n} museums that gave both").format(
                   shortfall=definitions.shortfall(), n=n["funding_shortfall"]))
cols[3].metric(_("Museums that received EU funding"), formats.pct(eu["share_with_eu_funding_pct"]),
               help=_("Share with EU funding received > 0 in the last 3 years, n = {n} museums that answered; total "
                      "received {total}").format(n=int(eu["n"]), total=money(eu["total_eu_funding_eur"])))

widgets.show(view, "need-vs-budget")

left, right = st.columns(2)
with left:
    widgets.show(view, "funding-pillars")
with right:
    widgets.show(view, "shortfall-ratio")

st.subheader(_("Where the shortfall falls"))
choice = st.segmented_control(_("Break the shortfall down by"), list(BREAKDOWNS),
                              key="by", default="Country", format_func=_, required=True, bind="query-params")
by = BREAKDOWNS.get(choice or "Country", "country")
left, right = st.columns(2)
with left:
    widgets.show(view, "shortfall-by-country", by=by)
with right:
    widgets.show(view, "shortfall-by-country", by=by, per_museum=True)

st.subheader(_("Obstacles, funding sources and EU programmes"))
left, right = st.columns(2)
with left:
    widgets.show(view, "obstacles")
with right:
    widgets.show(view, "funding-sources")

st.markdown(_("**EU programme uptake**"))
if eu["suppressed"]:
    st.caption(_("Too few answers on EU funding received (n = {n}; at least {min} needed).").format(
        n=int(eu["n"]), min=limits.SUPPRESS_BELOW_N))
else:
    st.markdown("- " + _(
        "**{funded} of {n}** museums that answered (**{share}**) received EU funding in the last 3 years, "
        "**{total}** in total.").format(funded=int(eu["museums_with_eu_funding"]), n=int(eu["n"]),
                                        share=formats.pct(eu["share_with_eu_funding_pct"]),
                                        total=money(eu["total_eu_funding_eur"])))
if not pd.isna(eu["share_naming_eu_source_pct"]):
    st.markdown("- " + _("**{share}** of the {n} museums that listed their funding sources name an EU programme "
                         "(Digital Europe, Horizon Europe, Creative Europe, structural funds / RRF).").format(
        share=formats.pct(eu["share_naming_eu_source_pct"]), n=int(eu["n_sources"])))
with st.expander(_("Data behind these figures")):
    st.dataframe(tables.readable(view.fetch(metrics.eu_funding)), hide_index=True)
