"""Scenarios: what a sum put into museums' digital needs would change, shared out by a rule; the digitisation it
buys by the horizon; and the cost model that checks museums' declared needs. The sum, rule, pillar weights,
horizon and breakdown are bound to the URL, so a scenario is a shareable link. The work is in analysis.figures.scenarios,
analysis.figures.projections, analysis.figures.unit_costs and analysis.charts.catalogue."""

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from analysis import accounts, export, formats, limits, schema, store
from analysis.charts import catalogue
from analysis.export import tables
from analysis.figures import projections, scenarios, unit_costs
from ui import auth, state, widgets

# ?by= values as shown (a bound widget writes its shown option) -> grouping column
BREAKDOWNS = {"Country": "country", "Type": "museum_type", "Size": "size_band", "Ownership": "ownership"}
money = formats.money
FRAME_HEADINGS = {"museums_funded": "Fully funded", "funded_lo": "Fully funded, 95 % from",
                  "funded_hi": "Fully funded, 95 % to", "funded_share_pct": "Fully funded (% of museums)",
                  "funded_share_lo": "Share, 95 % from", "funded_share_hi": "Share, 95 % to",
                  "museums_with_gap": "With a gap", "gap_lo": "With a gap, 95 % from", "gap_hi": "With a gap, 95 % to",
                  "closed_eur": "Closed (EUR)", "closed_lo": "Closed, 95 % from", "closed_hi": "Closed, 95 % to",
                  "shortfall_eur": "Shortfall (EUR)", "shortfall_lo": "Shortfall, 95 % from",
                  "shortfall_hi": "Shortfall, 95 % to"}



def save_unit_costs(rows: list[dict]) -> None:
    """Before the page runs again, so that every figure on it is computed with the new costs."""
    with state.writing() as primary:
        st.session_state["unit-costs-saved"] = store.replace_unit_costs(primary, rows)
    st.session_state.pop("unit-costs-editor", None)              # the edits are in the table now


st.title("Investment scenarios")
st.caption("What would a given sum change? Try a sum and a rule for sharing it out among the museums' funding "
           "shortfalls: who is fully funded, how much of the gap closes, what is left, and how far digitisation "
           "moves by the horizon. Every choice below is kept in the page's address, so the link shows the same "
           "scenario.")

view = widgets.explore_view()

left, right, _ = st.columns([1, 1, 1.5])
budget_m = left.number_input("Sum to invest (EUR millions)", min_value=0.0, max_value=1e6, step=5.0,
                             value=scenarios.DEFAULT_BUDGET_EUR / 1e6, key="budget", bind="query-params")
horizon = right.number_input("Horizon year", min_value=2026, max_value=2040, step=1, value=schema.HORIZON_YEAR,
                             key="horizon", bind="query-params")
rule = st.segmented_control("How the sum is shared out", list(scenarios.RULES), format_func=scenarios.RULES.get,
                            default=scenarios.DEFAULT_RULE, required=True, key="rule",
                            bind="query-params") or scenarios.DEFAULT_RULE
st.caption(scenarios.RULE_TEXT[rule].capitalize() + ".")
with st.expander("Pillar priorities (the pillar rule)", expanded=rule == "pillars", icon=":material/tune:"):
    st.caption("Weights share the sum out over the six NEMO pillars: a pillar with weight 2 gets twice the money of "
               "one with weight 1, never more than its shortfall; weight 0 gets nothing.")
    columns = st.columns(3)
    weights = {p: columns[i % 3].slider(label, 0, 5, scenarios.DEFAULT_PILLAR_WEIGHTS[p], key=f"w_{p}",
                                        bind="query-params")
               for i, (p, label) in enumerate(schema.PILLARS.items())}
if not any(weights.values()):
    st.error("Give at least one pillar a weight above 0.", icon=":material/error:")
    st.stop()

figures = state.scenario(view, float(budget_m or 0) * 1e6, rule, weights, int(horizon))
scenario = figures.scenario
if not scenario.with_gap:
    st.info(f"None of the museums in view has a funding shortfall to close ({view.caption}; n = {scenario.n} "
            "gave need and budget).", icon=":material/savings:")
    st.stop()

# 1. What the sum achieves -----------------------------------------------------------------------------------
st.header("What the sum achieves")
cols = st.columns(4)
cols[0].metric("Museums fully funded", f"{scenario.funded:,} of {scenario.with_gap:,}",
               help=f"{100 * scenario.funded / scenario.with_gap:.0f} % of the museums with a gap")
cols[1].metric("Shortfall closed", money(scenario.closed_eur),
               help=f"{100 * scenario.closed_eur / scenario.total_eur:.0f} % of {money(scenario.total_eur)}")
cols[2].metric("Shortfall left", money(scenario.remaining_eur))
cols[3].metric("Sum not needed", money(scenario.unallocated_eur),
               help="What no museum can use: the sum is larger than the shortfalls it may go to")
st.caption(f"{view.caption}; n = {scenario.n} museums that gave need and budget, {scenario.with_gap} of them with a "
           f"gap ({100 * scenario.funded / scenario.with_gap:.0f} % fully funded, "
           f"{100 * scenario.closed_eur / scenario.total_eur:.0f} % of their {money(scenario.total_eur)} closed).")

frame = figures.frame
st.markdown("**All museums of these countries (extrapolated).** "
            + catalogue.frame_sentence(frame, figures.frame_reason or "no country in view can be weighted"))
if frame is not None:
    with st.expander("Extrapolated per country, with 95 % intervals"):
        shown = frame.table.assign(scope=[("All countries with a frame" if c == "ALL" else schema.country_name(c))
                                          for c in frame.table["scope"]])
        st.dataframe(tables.readable(shown.rename(columns=FRAME_HEADINGS)), hide_index=True)

curve = figures.curve
widgets.chart(curve)

# 2. Outcome by group and pillar -----------------------------------------------------------------------------
st.header("Who gets what")
choice = st.segmented_control("Break the outcome down by", list(BREAKDOWNS), key="by", default="Country",
                              required=True, bind="query-params") or "Country"
by = BREAKDOWNS[choice]
outcome = state.scenario_by(view, figures, by)
widgets.chart(outcome)
left, _ = st.columns([1.3, 1])
with left:
    st.markdown("**By pillar**")
    pillars = scenarios.by_pillar(scenario)
    st.dataframe(tables.readable(pd.DataFrame({
        "Pillar": pillars["label"], "Shortfall (EUR M)": pillars["shortfall_eur"] / 1e6,
        "Closed (EUR M)": pillars["closed_eur"] / 1e6, "Left (EUR M)": pillars["remaining_eur"] / 1e6,
        "Closed (%)": pillars["closed_pct"]})), hide_index=True)
    st.caption(f"n = {scenario.n} museums that gave need and budget; each museum's shortfall is shared over the "
               "pillars in proportion to its needs.")

# 3. Digitisation outlook ------------------------------------------------------------------------------------
st.header(f"Digitisation by {scenario.horizon}")
outlook = figures.outlook
widgets.chart(outlook)
st.markdown("**What is assumed**\n" + "\n".join(f"- {a}" for a in projections.outlook_assumptions(scenario.horizon)))

# 4. Cost model ----------------------------------------------------------------------------------------------
st.header("Cost model: are the declared needs plausible?")
costs, check = figures.costs, figures.check
st.markdown(check.sentence)
st.markdown("\n".join(f"- {a}" for a in unit_costs.ASSUMPTIONS))
_, role = auth.current_user()
if len(check.flagged) and accounts.allows(role, "analyst"):
    st.dataframe(tables.readable(check.table(limits.ROWS_SHOWN)), hide_index=True)
    if len(check.flagged) > limits.ROWS_SHOWN:
        st.caption(f"The {limits.ROWS_SHOWN} museums furthest apart of the {len(check.flagged):,} flagged; the "
                   "download has them all.")
    st.download_button("All flagged museums (CSV)", lambda: export.to_csv(check.table(), view.data_version),
                       "museums-flagged-by-the-cost-model.csv", "text/csv", on_click="ignore",
                       icon=":material/download:")
elif len(check.flagged):
    st.caption("The list of flagged museums is shown to analysts and administrators.")

st.subheader("Unit costs in force")
if accounts.allows(role, "admin"):
    st.caption("Administrators can edit the unit costs: a row with a museum type applies to that type, the row "
               "without one to all others. Figures change for everyone once saved.")
    types = list(schema.FIELDS_BY_NAME["museum_type"].codes)
    edited = st.data_editor(costs, key="unit-costs-editor", num_rows="dynamic", hide_index=True, width="stretch",
                            column_config={
                                "museum_type": st.column_config.SelectboxColumn("Museum type (blank = all)",
                                                                                options=types),
                                "cost_2d_eur": st.column_config.NumberColumn("2D, EUR an object", min_value=0.0),
                                "cost_3d_eur": st.column_config.NumberColumn("3D, EUR an object", min_value=0.0),
                                "share_3d_pct": st.column_config.NumberColumn(
                                    "3D share, % (when a museum gave none)", min_value=0.0, max_value=100.0),
                                "source": st.column_config.TextColumn("Source", width="large")})
    rows, problems = unit_costs.check(edited)
    for problem in problems:
        st.error(problem, icon=":material/error:")
    st.button("Save unit costs", type="primary", disabled=bool(problems), on_click=save_unit_costs, args=(rows,))
    if saved := st.session_state.pop("unit-costs-saved", None):
        st.success(f"Saved {saved} unit cost rows; every figure on this page now uses them.",
                   icon=":material/check_circle:")
else:
    st.dataframe(tables.readable(costs), hide_index=True)
with st.expander("Published unit costs these come from (year and range)"):
    st.dataframe(unit_costs.literature(), hide_index=True,
                 column_config={"url": st.column_config.LinkColumn("Source address")})

# 5. Take it to the room -------------------------------------------------------------------------------------
st.header("Take it to the room")
built = [curve, outcome, outlook]
title = f"Investment scenario: {scenario.described}"
scope = view.caption
link = st.context.url
if link:
    st.markdown("**Link to this scenario** (the sum, rule, weights, horizon and filters are in it):")
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    query |= {"budget": f"{budget_m:g}", "rule": scenarios.RULES[rule], "horizon": str(horizon), "by": choice,
              **{f"w_{p}": str(v) for p, v in weights.items()}}
    st.code(f"{link.split('?')[0]}?{urlencode(query, doseq=True)}", language=None)
left, right = st.columns(2)
drawn = export.images_available()
left.download_button("Scenario slides (PPTX)", lambda: export.pptx_deck(built, title, scope),
                     "museum-investment-scenario.pptx",
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation", on_click="ignore",
                     icon=":material/slideshow:", width="stretch", disabled=not drawn)
if not drawn:
    left.caption(export.CHROMIUM_HELP)
right.download_button("Scenario report (HTML)", lambda: export.html_report(built, title, scope),
                      "museum-investment-scenario.html", "text/html", on_click="ignore", icon=":material/html:",
                      width="stretch")
st.caption("The slides carry the curve, the outcome by group as shown above and the outlook; their speaker notes "
           "carry the figures, the rule and every assumption.")
