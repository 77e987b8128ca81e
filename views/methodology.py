"""Methodology: how every figure is made (generated from analysis.schema, analysis.figures.definitions and
analysis.figures.weights), population-weighted estimates with 95 % intervals, and change between waves."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis import formats, limits, schema, store
from analysis.export import tables
from analysis.figures import definitions, metrics, targets, weights
from analysis.figures.filters import Filters
from ui import filters, state, widgets

st.title("Methodology")
st.caption("Where the figures come from, what each one means, how far they can be generalised to all museums, "
           "and what the survey cannot say. Everything here is generated from the code that computes the figures.")

con = state.database()
version = state.data_version()
view = filters.current()
has_data = bool(state.waves(version))
if has_data and view.wave is None:
    view = replace(view, wave=state.waves(version)[0])
scope = Filters(wave=view.wave, countries=view.countries)
small = limits.SUPPRESS_BELOW_N

estimates_tab, waves_tab, frame_tab, definitions_tab, limits_tab = st.tabs(
    ["Weighted estimates", "Change between waves", "Coverage and weights", "Definitions", "What the survey cannot say"])

with estimates_tab:
    st.markdown("**Population-weighted** estimates stand for *all* museums of a country: each respondent counts for "
                "the museums of its country and size band that did not answer (weight = museums ÷ respondents). "
                "**Unweighted** means describe the respondents only. Weighted figures use the wave and country "
                "filters only.")
    if not has_data:
        widgets.empty_state()
    else:
        key = st.selectbox("Indicator", list(weights.INDICATORS), key="weighted-indicator",
                           format_func=lambda k: weights.INDICATORS[k].label)
        spec = weights.INDICATORS[key]
        frame = widgets.show(state.chart_view(version, scope, {}, ""), "weighted-pct-digitised", indicator=key).data
        everyone = frame[frame["scope"] == weights.ALL].iloc[0]
        if spec.total and pd.notna(everyone["total"]):
            st.metric(f"Extrapolated total for all {everyone['N']:,.0f} museums of the countries with a frame",
                      formats.money(everyone["total"]),
                      help=f"95 % interval {formats.money(everyone['total_lo'])} to {formats.money(everyone['total_hi'])}; "
                           f"from {int(everyone['n_weighted'])} museums that answered; {everyone['note']}")
        table = frame.assign(country=[("All countries with a frame" if s == weights.ALL else schema.country_name(s))
                                      for s in frame["scope"]])
        columns = {"country": "Country", "n": "n answered", "unweighted_mean": "Unweighted mean (respondents)",
                   "n_weighted": "n weighted", "N": "Museums in frame", "weighted_mean": "Weighted mean (all museums)",
                   "lo": "95 % interval from", "hi": "95 % interval to", "note": "Note"}
        if spec.total:
            columns.update({"total": "Extrapolated total", "total_lo": "Total from", "total_hi": "Total to"})
        st.dataframe(tables.readable(table[list(columns)].rename(columns=columns)), hide_index=True)
        st.caption(f"{weights.INTERVAL_METHOD} Where a country is weighted by its total alone, its weighted mean "
                   "equals its unweighted mean; weights then change the all-countries figure, and, with a register, "
                   f"the country figure too. Unweighted means of fewer than {small} museums are not shown.")

with waves_tab:
    if not has_data:
        widgets.empty_state()
    else:
        change = widgets.show(state.chart_view(version, view, {}, ""), "wave-change").data
        if len(change):
            st.markdown(f"Wave **{change['latest_wave'].iloc[0]}** against **{change['base_wave'].iloc[0]}**. "
                        "The *cross-sections* compare everyone who answered each wave, so they move when different "
                        "museums answer; the *panel* follows the same museums and shows their own change, with a "
                        "paired 95 % interval. Both are unweighted.")
            st.dataframe(tables.readable(change.drop(columns=["indicator"]).rename(columns={
                "label": "Indicator", "unit": "Unit", "base_wave": "Earlier wave", "latest_wave": "Later wave",
                "n_base": "n earlier", "mean_base": "Mean earlier", "n_latest": "n later", "mean_latest": "Mean later",
                "change": "Change (cross-sections)", "n_panel": "n panel", "panel_base": "Panel earlier",
                "panel_latest": "Panel later", "panel_change": "Panel change", "panel_lo": "Panel change from",
                "panel_hi": "Panel change to"})), hide_index=True)

with frame_tab:
    st.markdown(f"**Population frame.** Per country, the latest national register loaded by an admin (museums "
                "counted by size band), else the bundled number of museums: EGMUS, the national statistics office "
                "or a research dataset, each with its year, what it counts and its source. **These counts are not "
                "comparable between countries**: some include monuments and archaeological sites, some count "
                "branches, some only museums above a staff threshold or state museums. **Coverage** = respondents "
                f"÷ museums; a cell is too thin to generalise when fewer than {weights.LOW_COVERAGE_PCT:g} % of its "
                f"museums answered or fewer than {weights.MIN_STRATUM_N} did.")
    if not has_data:
        widgets.empty_state()
    else:
        cover = state.aggregate(version, metrics.frame_coverage, scope)
        countries = cover[cover["level"] == "country"]
        flagged = countries[countries["flags"] != ""]
        if len(flagged):
            st.warning(f"{len(flagged)} of the {len(countries)} countries in view have a frame figure that is old or "
                       "counts something else: " +
                       "; ".join(f"{schema.country_name(c)} ({f})" for c, f in zip(flagged["country"], flagged["flags"])),
                       icon=":material/rule:")
        thin = countries[countries["warning"] != ""]
        if len(thin):
            st.warning(f"{len(thin)} of {len(countries)} countries are too thinly covered to generalise from: " +
                       "; ".join(f"{schema.country_name(c)} ({w})" for c, w in zip(thin["country"], thin["warning"])),
                       icon=":material/warning:")
        columns = {"country": "Country", "respondents": "Respondents", "museums": "Museums", "year": "Year",
                   "counts": "What is counted", "flags": "Not comparable because", "status": "Status",
                   "coverage_pct": "Coverage (%)", "warning": "Too thin to generalise", "source": "Source",
                   "url": "Address"}
        st.dataframe(tables.readable(countries.assign(country=countries["country"].map(schema.country_name))[
            list(columns)].rename(columns=columns)), hide_index=True,
            column_config={"Address": st.column_config.LinkColumn("Address", display_text="source")})
        bands = cover[cover["level"] == "size band"]
        if len(bands):
            st.caption("Countries with a register: museums and respondents per size band.")
            st.dataframe(tables.readable(bands.assign(country=bands["country"].map(schema.country_name))[
                ["country", "stratum", "respondents", "museums", "coverage_pct"]].rename(columns=columns | {
                    "stratum": "Size band"})), hide_index=True)
        st.markdown("**Weights.** " + weights.COLLAPSE_RULE + " " + weights.EXCLUSION_RULE)
        strata = state.aggregate(version, metrics.weighting_strata, scope)
        merged = strata[strata["status"] == "merged"]
        if len(merged):
            st.info("Merged strata: " + "; ".join(f"{schema.country_name(c)}: {s} ({n})" for c, s, n in
                                                 zip(merged["country"], merged["stratum"], merged["note"])),
                    icon=":material/merge:")
        st.dataframe(tables.readable(strata.assign(country=strata["country"].map(schema.country_name)).rename(columns={
            "country": "Country", "stratum": "Stratum", "N": "Museums (N)", "n": "Respondents (n)",
            "weight": "Weight N/n", "coverage_pct": "Coverage (%)", "status": "Status", "note": "Note",
            "source": "Source", "year": "Year"})), hide_index=True)

with definitions_tab:
    st.subheader("How figures are aggregated")
    for name, text in definitions.AGGREGATES.items():
        st.markdown(f"- **{name}**: {text}")
    st.markdown(f"- **Suppression**: a figure resting on fewer than {small} museums is not shown (n < {small}).")
    st.subheader("Derived metrics")
    st.caption("Computed once per museum when its answers are stored (museum_metrics, kept by the store), then "
               "aggregated.")
    st.dataframe(pd.DataFrame(definitions.table()), hide_index=True)
    st.subheader("Targets and their sources")
    st.dataframe(targets.load(con), hide_index=True)
    st.subheader("Survey fields (data dictionary)")
    st.dataframe(pd.DataFrame(schema.data_dictionary()), hide_index=True)

with limits_tab:
    for text in definitions.LIMITATIONS:
        st.markdown(f"- {text}")
    years = store.museum_population_table(con)["year"].dropna()
    if len(years):
        st.caption(f"The bundled museum counts run from {int(years.min())} to {int(years.max())} depending on the "
                   "country.")
