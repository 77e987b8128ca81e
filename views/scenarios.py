"""Scenarios: what a sum put into museums' digital needs would change, shared out by a rule; the digitisation it
buys by the horizon; and the cost model that checks museums' declared needs. The sum, rule, pillar weights,
horizon and breakdown are bound to the URL, so a scenario is a shareable link. The work is in
analysis.figures.scenarios, analysis.figures.projections, analysis.figures.unit_costs and analysis.charts.catalogue."""

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from analysis import accounts, export, formats, i18n, limits, schema, store
from analysis.charts import catalogue
from analysis.export import tables
from analysis.figures import projections, scenarios, unit_costs
from analysis.i18n import N_, _
from ui import auth, state, widgets

# ?by= values as shown, in the link's language (a bound widget writes its shown option) -> grouping column
BREAKDOWNS = {N_("Country"): "country", N_("Type"): "museum_type", N_("Size"): "size_band",
              N_("Ownership"): "ownership"}
money = formats.money
FRAME_HEADINGS = {"museums_funded": N_("Fully funded"), "funded_lo": N_("Fully funded, 95 % from"),
                  "funded_hi": N_("Fully funded, 95 % to"), "funded_share_pct": N_("Fully funded (% of museums)"),
                  "funded_share_lo": N_("Share, 95 % from"), "funded_share_hi": N_("Share, 95 % to"),
                  "museums_with_gap": N_("With a gap"), "gap_lo": N_("With a gap, 95 % from"),
                  "gap_hi": N_("With a gap, 95 % to"), "closed_eur": N_("Closed (EUR)"),
                  "closed_lo": N_("Closed, 95 % from"), "closed_hi": N_("Closed, 95 % to"),
                  "shortfall_eur": N_("Shortfall (EUR)"), "shortfall_lo": N_("Shortfall, 95 % from"),
                  "shortfall_hi": N_("Shortfall, 95 % to")}


def save_unit_costs(rows: list[dict]) -> None:
    """Before the page runs again, so that every figure on it is computed with the new costs."""
    with state.writing() as primary:
        st.session_state["unit-costs-saved"] = store.replace_unit_costs(primary, rows)
    st.session_state.pop("unit-costs-editor", None)              # the edits are in the table now


st.title(_("Investment scenarios"))
st.caption(_("What would a given sum change? Try a sum and a rule for sharing it out among the museums' funding "
             "shortfalls: who is fully funded, how much of the gap closes, what is left, and how far digitisation "
             "moves by the horizon. Every choice below is kept in the page's address, so the link shows the same "
             "scenario."))

view = widgets.explore_view()

left, right, _spare = st.columns([1, 1, 1.5])
budget_m = left.number_input(_("Sum to invest (EUR millions)"), min_value=0.0, max_value=1e6, step=5.0,
                             value=scenarios.DEFAULT_BUDGET_EUR / 1e6, key="budget", bind="query-params")
horizon = right.number_input(_("Horizon year"), min_value=2026, max_value=2040, step=1, value=schema.HORIZON_YEAR,
                             key="horizon", bind="query-params")
rule = st.segmented_control(_("How the sum is shared out"), list(scenarios.RULES), format_func=scenarios.rule_name,
                            default=scenarios.DEFAULT_RULE, required=True, key="rule",
                            bind="query-params") or scenarios.DEFAULT_RULE
rule_text = _(scenarios.RULE_TEXT[rule])
st.caption(rule_text[:1].upper() + rule_text[1:] + ".")
with st.expander(_("Pillar priorities (the pillar rule)"), expanded=rule == "pillars", icon=":material/tune:"):
    st.caption(_("Weights share the sum out over the six NEMO pillars: a pillar with weight 2 gets twice the money "
                 "of one with weight 1, never more than its shortfall; weight 0 gets nothing."))
    columns = st.columns(3)
    weights = {p: columns[i % 3].slider(i18n.survey_label(label), 0, 5, scenarios.DEFAULT_PILLAR_WEIGHTS[p],
                                        key=f"w_{p}",
                                        bind="query-params")
               for i, (p, label) in enumerate(schema.PILLARS.items())}
if not any(weights.values()):
    st.error(_("Give at least one pillar a weight above 0."), icon=":material/error:")
    st.stop()

figures = state.scenario(view, float(budget_m or 0) * 1e6, rule, weights, int(horizon))
scenario = figures.scenario
if not scenario.with_gap:
    st.info(_("None of the museums in view has a funding shortfall to close ({filters}; n = {n} gave need and "
              "budget).").format(filters=view.caption, n=scenario.n), icon=":material/savings:")
    st.stop()

# 1. What the sum achieves -----------------------------------------------------------------------------------
st.header(_("What the sum achieves"))
funded_pct = formats.pct(100 * scenario.funded / scenario.with_gap)
closed_pct = formats.pct(100 * scenario.closed_eur / scenario.total_eur)
cols = st.columns(4)
cols[0].metric(_("Museums fully funded"), _("{funded} of {with_gap}").format(
    funded=formats.number(scenario.funded), with_gap=formats.number(scenario.with_gap)),
               help=_("{share} of the museums with a gap").format(share=funded_pct))
cols[1].metric(_("Shortfall closed"), money(scenario.closed_eur),
               help=_("{share} of {total}").format(share=closed_pct, total=money(scenario.total_eur)))
cols[2].metric(_("Shortfall left"), money(scenario.remaining_eur))
cols[3].metric(_("Sum not needed"), money(scenario.unallocated_eur),
               help=_("What no museum can use: the sum is larger than the shortfalls it may go to"))
st.caption(_("{filters}; n = {n} museums that gave need and budget, {with_gap} of them with a gap ({funded} fully "
             "funded, {closed} of their {total} closed).").format(
    filters=view.caption, n=scenario.n, with_gap=scenario.with_gap, funded=funded_pct, closed=closed_pct,
    total=money(scenario.total_eur)))

frame = figures.frame
st.markdown(_("**All museums of these countries (extrapolated).**") + " "
            + catalogue.frame_sentence(frame, figures.frame_reason))
if frame is not None:
    # The closed expanders below are filled only when opened: their tables would otherwise travel with every render
    with st.expander(_("Extrapolated per country, with 95 % intervals"), key="frame-table", on_change="rerun") as box:
        if box.open:
            scopes = [_("All countries with a frame") if c == "ALL" else schema.country_name(c)
                      for c in frame.table["scope"]]
            shown = frame.table.assign(scope=scopes)
            st.dataframe(tables.readable(shown.rename(columns={k: _(v) for k, v in FRAME_HEADINGS.items()})),
                         hide_index=True)

curve = figures.curve
widgets.chart(curve)

# 2. Outcome by group and pillar -----------------------------------------------------------------------------
st.header(_("Who gets what"))
choice = st.segmented_control(_("Break the outcome down by"), list(BREAKDOWNS), key="by", default="Country",
                              format_func=_, required=True, bind="query-params") or "Country"
by = BREAKDOWNS[choice]
outcome = state.scenario_by(view, figures, by)
widgets.chart(outcome)
left, _spare = st.columns([1.3, 1])
with left:
    st.markdown(_("**By pillar**"))
    pillars = scenarios.by_pillar(scenario)
    st.dataframe(tables.readable(pd.DataFrame({
        _("Pillar"): [i18n.survey_label(label) for label in pillars["label"]],
        _("Shortfall (EUR M)"): pillars["shortfall_eur"] / 1e6, _("Closed (EUR M)"): pillars["closed_eur"] / 1e6,
        _("Left (EUR M)"): pillars["remaining_eur"] / 1e6, _("Closed (%)"): pillars["closed_pct"]})),
        hide_index=True)
    st.caption(_("n = {n} museums that gave need and budget; each museum's shortfall is shared over the pillars in "
                 "proportion to its needs.").format(n=scenario.n))

# 3. Digitisation outlook ------------------------------------------------------------------------------------
st.header(_("Digitisation by {year}").format(year=scenario.horizon))
outlook = figures.outlook
widgets.chart(outlook)
st.markdown(_("**What is assumed**") + "\n"
            + "\n".join(f"- {a}" for a in projections.outlook_assumptions(scenario.horizon)))

# 4. Cost model ----------------------------------------------------------------------------------------------
st.header(_("Cost model: are the declared needs plausible?"))
costs, check = figures.costs, figures.check
st.markdown(check.sentence)
st.markdown("\n".join(f"- {a}" for a in unit_costs.assumptions()))
role = auth.current_user()[1]
if len(check.flagged) and accounts.allows(role, "analyst"):
    with st.expander(_("The flagged museums, furthest apart first"), key="flagged-table", on_change="rerun") as box:
        if box.open:
            st.dataframe(tables.readable(check.table(limits.ROWS_SHOWN)), hide_index=True)
            if len(check.flagged) > limits.ROWS_SHOWN:
                st.caption(_("The {shown} museums furthest apart of the {flagged} flagged; the download has them "
                             "all.").format(shown=limits.ROWS_SHOWN, flagged=formats.number(len(check.flagged))))
    st.download_button(_("All flagged museums (CSV)"), lambda: export.to_csv(check.table(), view.data_version),
                       "museums-flagged-by-the-cost-model.csv", "text/csv", on_click="ignore",
                       icon=":material/download:")
elif len(check.flagged):
    st.caption(_("The list of flagged museums is shown to analysts and administrators."))

st.subheader(_("Unit costs in force"))
if accounts.allows(role, "admin"):
    st.caption(_("Administrators can edit the unit costs: a row with a museum type applies to that type, the row "
                 "without one to all others. Figures change for everyone once saved."))
    types = list(schema.FIELDS_BY_NAME["museum_type"].codes)
    edited = st.data_editor(costs, key="unit-costs-editor", num_rows="dynamic", hide_index=True, width="stretch",
                            column_config={
                                "museum_type": st.column_config.SelectboxColumn(_("Museum type (blank = all)"),
                                                                                options=types),
                                "cost_2d_eur": st.column_config.NumberColumn(_("2D, EUR an object"),
                                                                             min_value=0.0),
                                "cost_3d_eur": st.column_config.NumberColumn(_("3D, EUR an object"),
                                                                             min_value=0.0),
                                "share_3d_pct": st.column_config.NumberColumn(
                                    _("3D share, % (when a museum gave none)"), min_value=0.0, max_value=100.0),
                                "source": st.column_config.TextColumn(_("Source"), width="large")})
    rows, problems = unit_costs.check(edited)
    for problem in problems:
        st.error(problem, icon=":material/error:")
    st.button(_("Save unit costs"), type="primary", disabled=bool(problems), on_click=save_unit_costs, args=(rows,))
    if saved := st.session_state.pop("unit-costs-saved", None):
        st.success(_("Saved {n} unit cost rows; every figure on this page now uses them.").format(n=saved),
                   icon=":material/check_circle:")
else:
    st.dataframe(tables.readable(costs), hide_index=True)
with st.expander(_("Published unit costs these come from (year and range)"), key="literature-table",
                 on_change="rerun") as box:
    if box.open:
        st.dataframe(tables.readable(unit_costs.literature()), hide_index=True,
                     column_config={tables.heading("url"): st.column_config.LinkColumn()})

# 5. Take it to the room -------------------------------------------------------------------------------------
st.header(_("Take it to the room"))
built = [curve, outcome, outlook]
title = _("Investment scenario: {scenario}").format(scenario=scenario.described)
scope = view.caption
link = st.context.url
if link:
    st.markdown(_("**Link to this scenario** (the sum, rule, weights, horizon and filters are in it):"))
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    query |= {"budget": f"{budget_m:g}", "rule": scenarios.rule_name(rule), "horizon": str(horizon), "by": _(choice),
              **{f"w_{p}": str(v) for p, v in weights.items()}}
    st.code(f"{link.split('?')[0]}?{urlencode(query, doseq=True)}", language=None)
left, right = st.columns(2)
drawn = export.images_available()
left.download_button(_("Scenario slides (PPTX)"), lambda: export.pptx_deck(built, title, scope),
                     "museum-investment-scenario.pptx",
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation", on_click="ignore",
                     icon=":material/slideshow:", width="stretch", disabled=not drawn)
if not drawn:
    left.caption(_(export.CHROMIUM_HELP))
right.download_button(_("Scenario report (HTML)"), lambda: export.html_report(built, title, scope),
                      "museum-investment-scenario.html", "text/html", on_click="ignore", icon=":material/html:",
                      width="stretch")
st.caption(_("The slides carry the curve, the outcome by group as shown above and the outlook; their speaker "
             "notes carry the figures, the rule and every assumption."))
