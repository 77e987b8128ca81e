"""Methodology: how every figure is made (generated from analysis.schema, analysis.figures.definitions and
analysis.figures.weights), population-weighted estimates with 95 % intervals, and change between waves."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis import formats, limits, schema, store
from analysis.export import tables
from analysis.figures import definitions, metrics, targets, weights
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from ui import filters, state, widgets

st.title(_("Methodology"))
st.caption(_("Where the figures come from, what each one means, how far they can be generalised to all museums, "
             "and what the survey cannot say. Everything here is generated from the code that computes the "
             "figures."))

con = state.database()
version = state.data_version()
view = filters.current()
has_data = bool(state.waves(version))
if has_data and view.wave is None:
    view = replace(view, wave=state.waves(version)[0])
scope = Filters(wave=view.wave, countries=view.countries)
small = limits.SUPPRESS_BELOW_N


def weighted_estimates() -> None:
    """Weighted estimates per country with 95 % intervals, and the extrapolated total."""
    st.markdown(_("**Population-weighted** estimates stand for *all* museums of a country: each respondent counts "
                  "for the museums of its country and size band that did not answer (weight = museums ÷ "
                  "respondents). **Unweighted** means describe the respondents only. Weighted figures use the wave "
                  "and country filters only."))
    if not has_data:
        widgets.empty_state()
    else:
        key = st.selectbox(_("Indicator"), list(weights.INDICATORS), key="weighted-indicator",
                           format_func=lambda k: weights.INDICATORS[k].name)
        spec = weights.INDICATORS[key]
        frame = widgets.show(state.chart_view(version, scope, {}, ""), "weighted-pct-digitised", indicator=key).data
        everyone = frame[frame["scope"] == weights.ALL].iloc[0]
        if spec.total and pd.notna(everyone["total"]):
            st.metric(_("Extrapolated total for all {n} museums of the countries with a frame").format(
                          n=formats.number(everyone["N"])),
                      formats.money(everyone["total"]),
                      help=_("95 % interval {low} to {high}; from {n} museums that answered; {note}").format(
                          low=formats.money(everyone["total_lo"]), high=formats.money(everyone["total_hi"]),
                          n=int(everyone["n_weighted"]), note=everyone["note"]))
        table = frame.assign(country=[(_("All countries with a frame") if s == weights.ALL
                                       else schema.country_name(s)) for s in frame["scope"]])
        columns = {"country": _("Country"), "n": _("n answered"), "unweighted_mean": _("Unweighted mean (respondents)"),
                   "n_weighted": _("n weighted"), "N": _("Museums in frame"),
                   "weighted_mean": _("Weighted mean (all museums)"), "lo": _("95 % interval from"),
                   "hi": _("95 % interval to"), "note": _("Note")}
        if spec.total:
            columns.update({"total": _("Extrapolated total"), "total_lo": _("Total from"), "total_hi": _("Total to")})
        st.dataframe(tables.readable(table[list(columns)].rename(columns=columns)), hide_index=True)
        st.caption(weights.rules_in_words()[2] + " " + _(
            "Where a country is weighted by its total alone, its weighted mean equals its unweighted mean; weights "
            "then change the all-countries figure, and, with a register, the country figure too. Unweighted means "
            "of fewer than {n} museums are not shown.").format(n=small))


def wave_change() -> None:
    """The latest wave against the one before: cross-sections and the panel."""
    if not has_data:
        widgets.empty_state()
    else:
        change = widgets.show(state.chart_view(version, view, {}, ""), "wave-change").data
        if len(change):
            st.markdown(_("Wave **{later}** against **{earlier}**. The *cross-sections* compare everyone who "
                          "answered each wave, so they move when different museums answer; the *panel* follows the "
                          "same museums and shows their own change, with a paired 95 % interval. Both are "
                          "unweighted.").format(later=change["latest_wave"].iloc[0],
                                                earlier=change["base_wave"].iloc[0]))
            st.dataframe(tables.readable(change.drop(columns=["indicator"]).rename(columns={
                "label": _("Indicator"), "unit": _("Unit"), "base_wave": _("Earlier wave"),
                "latest_wave": _("Later wave"), "n_base": _("n earlier"), "mean_base": _("Mean earlier"),
                "n_latest": _("n later"), "mean_latest": _("Mean later"), "change": _("Change (cross-sections)"),
                "n_panel": _("n panel"), "panel_base": _("Panel earlier"), "panel_latest": _("Panel later"),
                "panel_change": _("Panel change"), "panel_lo": _("Panel change from"),
                "panel_hi": _("Panel change to")})), hide_index=True)


def coverage_and_weights() -> None:
    """The population frame, its coverage and the weighting strata."""
    st.markdown(_("**Population frame.** Per country, the latest national register loaded by an admin (museums "
                  "counted by size band), else the bundled number of museums: EGMUS, the national statistics "
                  "office or a research dataset, each with its year, what it counts and its source. **These counts "
                  "are not comparable between countries**: some include monuments and archaeological sites, some "
                  "count branches, some only museums above a staff threshold or state museums. **Coverage** = "
                  "respondents ÷ museums; a cell is too thin to generalise when fewer than {coverage} of its museums "
                  "answered or fewer than {n} did.").format(coverage=formats.pct(weights.LOW_COVERAGE_PCT),
                                                           n=weights.MIN_STRATUM_N))
    if not has_data:
        widgets.empty_state()
    else:
        cover = state.aggregate(version, metrics.frame_coverage, scope)
        countries = cover[cover["level"] == "country"]
        flagged = countries[countries["flags"] != ""]
        if len(flagged):
            st.warning(_("{n} of the {countries} countries in view have a frame figure that is old or counts "
                         "something else: {which}").format(
                n=len(flagged), countries=len(countries),
                which=formats.clauses(f"{schema.country_name(c)} ({f})"
                                      for c, f in zip(flagged["country"], flagged["flags"]))),
                icon=":material/rule:")
        thin = countries[countries["warning"] != ""]
        if len(thin):
            st.warning(_("{n} of {countries} countries are too thinly covered to generalise from: {which}").format(
                n=len(thin), countries=len(countries),
                which=formats.clauses(f"{schema.country_name(c)} ({w})"
                                      for c, w in zip(thin["country"], thin["warning"]))),
                icon=":material/warning:")
        columns = {"country": _("Country"), "respondents": _("Respondents"), "museums": _("Museums"),
                   "year": _("Year"), "counts": _("What is counted"), "flags": _("Not comparable because"),
                   "status": _("Status"), "coverage_pct": _("Coverage (%)"), "warning": _("Too thin to generalise"),
                   "source": _("Source"), "url": _("Address")}
        st.dataframe(tables.readable(countries.assign(country=countries["country"].map(schema.country_name))[
            list(columns)].rename(columns=columns)), hide_index=True,
            column_config={columns["url"]: st.column_config.LinkColumn(columns["url"], display_text=_("source"))})
        bands = cover[cover["level"] == "size band"]
        if len(bands):
            st.caption(_("Countries with a register: museums and respondents per size band."))
            st.dataframe(tables.readable(bands.assign(country=bands["country"].map(schema.country_name))[
                ["country", "stratum", "respondents", "museums", "coverage_pct"]].rename(columns=columns | {
                    "stratum": _("Size band")})), hide_index=True)
        collapse, exclusion = weights.rules_in_words()[:2]
        st.markdown(_("**Weights.**") + " " + collapse + " " + exclusion)
        strata = state.aggregate(version, metrics.weighting_strata, scope)
        merged = strata[strata["status"] == "merged"]
        if len(merged):
            st.info(_("Merged strata: {strata}").format(strata=formats.clauses(
                formats.labelled(schema.country_name(c), f"{s} ({n})") for c, s, n in
                zip(merged["country"], merged["stratum"], merged["note"]))), icon=":material/merge:")
        st.dataframe(tables.readable(strata.assign(country=strata["country"].map(schema.country_name)).rename(columns={
            "country": _("Country"), "stratum": _("Stratum"), "N": _("Museums (N)"), "n": _("Respondents (n)"),
            "weight": _("Weight N/n"), "coverage_pct": _("Coverage (%)"), "status": _("Status"), "note": _("Note"),
            "source": _("Source"), "year": _("Year")})), hide_index=True)


def definitions_and_sources() -> None:
    """How figures are aggregated, the derived metrics, targets and the data dictionary."""
    st.subheader(_("How figures are aggregated"))
    for name, text in definitions.AGGREGATES.items():
        st.markdown(f"- **{_(name)}**: {_(text)}")
    st.markdown("- " + _("**Suppression**: a figure resting on fewer than {n} museums is not shown "
                         "(n < {n}).").format(n=small))
    st.subheader(_("Derived metrics"))
    st.caption(_("Computed once per museum when its answers are stored (museum_metrics, kept by the store), then "
                 "aggregated."))
    st.dataframe(tables.readable(pd.DataFrame(definitions.table())), hide_index=True)
    st.subheader(_("Targets and their sources"))
    st.dataframe(tables.readable(targets.load(con)), hide_index=True)
    st.subheader(_("Survey fields (data dictionary)"))
    st.dataframe(tables.readable(pd.DataFrame(schema.data_dictionary())), hide_index=True)


def survey_limits() -> None:
    """What the survey cannot say."""
    for text in definitions.LIMITATIONS:
        st.markdown(f"- {_(text)}")
    years = store.museum_population_table(con)["year"].dropna()
    if len(years):
        st.caption(_("The bundled museum counts run from {first} to {last} depending on the country.").format(
            first=int(years.min()), last=int(years.max())))


# Only the open tab is drawn (its label is kept in the URL as ?tab=): the page sends one tab's tables, not five.
SECTIONS = {N_("Weighted estimates"): weighted_estimates, N_("Change between waves"): wave_change,
            N_("Coverage and weights"): coverage_and_weights, N_("Definitions"): definitions_and_sources,
            N_("What the survey cannot say"): survey_limits}
for tab, section in zip(st.tabs([_(label) for label in SECTIONS], key="tab", bind="query-params"),
                        SECTIONS.values()):
    if tab.open:
        with tab:
            section()
