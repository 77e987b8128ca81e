"""Investment scenario charts: what a sum achieves, by group, and the digitisation outlook with the money."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, limits, schema
from analysis.charts.registry import Chart, View, chart, finish, frame_sentence, hidden
from analysis.figures import metrics, projections, scenarios, weights
from analysis.i18n import N_, _
from analysis.schema import country_name


def _scenario(view: View, scenario: scenarios.Scenario | None, budget_eur: float, rule: str, pillar_weights,
              horizon: int) -> scenarios.Scenario:
    """The scenario a page computed already, or this one from the store (decks, reports, the command line)."""
    if scenario is not None:
        return scenario
    return scenarios.run(view.fetch(metrics.scenario_inputs)["museums"], budget_eur, rule, pillar_weights, horizon)


def _scenario_caption(view: View, s: scenarios.Scenario) -> str:
    return f"{view.caption}; {s.described}; n = {s.n} museums that gave need and budget, {s.with_gap} with a gap"


@chart("scenario-curve", N_("Investment scenario: what a sum achieves"))
def scenario_curve(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                   pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                   scenario: scenarios.Scenario | None = None,
                   extrapolated: tuple[projections.FrameScenario | None, str] | None = None) -> Chart:
    """`extrapolated`: (the frame scenario, why there is none) when the page has them already."""
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = _scenario_caption(view, s)
    if extrapolated is None:
        reason = projections.frame_reason(view.filters)
        inputs = view.fetch(metrics.scenario_inputs)
        extrapolated = (None if reason else projections.frame_scenario(
            inputs["museums"], inputs["population"], s.budget_eur, s.rule, dict(zip(scenarios.PILLARS, s.omega))),
            reason)
    frame, reason = extrapolated
    figures = [f"At {formats.money(s.budget_eur)}: " + "; ".join(
                   f"{r.label.lower()} {r.museums_funded:,.0f} of {r.with_gap} fully funded, {r.closed_pct:.0f} % of "
                   "the shortfall closed" for r in s.compared.itertuples()) + ".",
               f"Shortfall of the {s.n} museums: {formats.money(s.total_eur)}; {formats.money(s.closed_eur)} closed, "
               f"{formats.money(s.remaining_eur)} left" + (f", {formats.money(s.unallocated_eur)} of the sum not needed"
                                                          if s.unallocated_eur > 0 else "") + ".",
               frame_sentence(frame, reason or "no country in view can be weighted"),
               *(f"Assumption: {a}" for a in scenarios.ASSUMPTIONS)]
    data = s.curve[["rule", "label", "budget_eur", "museums_funded", "funded_pct", "closed_eur", "closed_pct"]]
    return finish(view, "scenario-curve", charts.scenario_curve(s.curve, s.compared, s.rule, s.budget_eur, caption),
                  data, "Two line charts side by side: as the sum invested grows from nothing to the whole shortfall, "
                  "the share of museums with a gap that are fully funded and the share of the shortfall closed, one "
                  "line per allocation rule, with the chosen sum marked", n=s.n, figures=figures,
                  empty=s.with_gap < limits.SUPPRESS_BELOW_N, caption=caption,
                  method=f"{scenarios.rule_name(s.rule)}: {_(scenarios.RULE_TEXT[s.rule])}. "
                         "The curve repeats each rule "
                         f"at {scenarios.CURVE_POINTS} sums from 0 to the whole shortfall.")


@chart("scenario-by-country", N_("Investment scenario by country"))
def scenario_by_group(view: View, by: str = "country", budget_eur: float = scenarios.DEFAULT_BUDGET_EUR,
                      rule: str = scenarios.DEFAULT_RULE, pillar_weights: dict | None = None,
                      horizon: int = schema.HORIZON_YEAR, scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = f"{view.caption}; {s.described}"
    frame = scenarios.by_group(s, by)
    shown = frame[~frame["suppressed"]]
    data = frame.assign(label=[charts.group_label(by, g) for g in frame["group"]])
    figures = [f"{charts.group_label(by, r.group)}: {r.museums_funded:,.0f} of {r.museums_with_gap:,.0f} museums "
               f"with a gap fully funded; {formats.money(r.closed_eur)} of {formats.money(r.shortfall_eur)} closed, "
               f"{formats.money(r.remaining_eur)} left (n = {r.n})." for r in shown.head(12).itertuples()]
    return finish(view, f"scenario-by-{by.replace('_', '-')}",
                  charts.scenario_groups(frame, by, caption, s.budget_eur), data,
                  f"{metrics.GROUPS[by]} groups: the shortfall the scenario closes and what is left, EUR millions, "
                  "with the museums it funds fully", n=int(shown["n"].sum()), figures=figures,
                  hidden=hidden(frame), noun=charts.GROUP_NOUNS.get(by, ("group", "groups")), empty=shown.empty,
                  caption=caption, method=f"{scenarios.rule_name(s.rule)}: {_(scenarios.RULE_TEXT[s.rule])}.")


@chart("scenario-outlook", N_("Digitisation outlook with the scenario"))
def scenario_outlook(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                     pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                     scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    inputs = view.fetch(metrics.scenario_inputs)
    frame = projections.outlook(inputs["museums"], s, inputs["unit_costs"])
    shown = frame[~frame["suppressed"] & (frame["country"] != weights.ALL)]
    caption = f"{view.caption}; {s.described}"

    def line(r) -> str:
        paced = (f" → {r.projected_pct:.0f} % by {s.horizon} at the pace reported ({r.pace_pp:.1f} points a year, "
                 f"n = {r.n_pace})" if pd.notna(r.projected_pct) else " (too few earlier answers to project)")
        target = f"; target {r.target_pct:.0f} %" if pd.notna(r.target_pct) else ""
        return (f"{country_name(r.country)}: {r.now_pct:.0f} % now{paced} → {r.with_money_pct:.0f} % with the "
                f"scenario (+{r.extra_pp:.1f} points){target} (n = {r.n}).")

    figures = [*(line(r) for r in shown.head(12).itertuples()),
               *(f"Assumption: {a}" for a in projections.outlook_assumptions(s.horizon))]
    return finish(view, "scenario-outlook", charts.scenario_outlook(frame, caption, s.horizon), frame,
                  f"Per country, the share of the collection digitised now, projected to {s.horizon} at the pace "
                  "museums report, with the scenario's money added, and the target", n=int(shown["n"].sum()),
                  figures=figures, hidden=hidden(frame[frame["country"] != weights.ALL]),
                  noun=("country", "countries"), empty=shown.empty, caption=caption,
                  method="shares are collection-weighted (sum of % × objects ÷ sum of objects); money becomes "
                         "objects at the cost model's unit costs (2D and 3D per object, by museum type).")
