"""Investment scenario charts: what a sum achieves, by group, and the digitisation outlook with the money."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, limits, schema
from analysis.charts.registry import Chart, View, chart, finish, frame_sentence, hidden, pct
from analysis.figures import metrics, projections, scenarios, weights
from analysis.i18n import N_, _
from analysis.schema import country_name


def _scenario(view: View, scenario: scenarios.Scenario | None, budget_eur: float, rule: str, pillar_weights,
              horizon: int) -> scenarios.Scenario:
    """The scenario a page computed already, or this one from the store (decks, reports, the command line)."""
    if scenario is not None:
        return scenario
    inputs = view.fetch(metrics.scenario_inputs)
    return scenarios.run(inputs["museums"], budget_eur, rule, pillar_weights, horizon,
                         respondents=inputs["respondents"])


def _scenario_caption(view: View, s: scenarios.Scenario) -> str:
    return _("{caption}; {scenario}; n = {n} museums that gave need and budget, {with_gap} with a gap").format(
        caption=view.caption, scenario=s.described, n=s.n, with_gap=s.with_gap)


@chart("scenario-curve", N_("Investment scenario: what a sum achieves"))
def scenario_curve(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                   pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                   scenario: scenarios.Scenario | None = None,
                   extrapolated: tuple[projections.FrameScenario | None, str] | None = None) -> Chart:
    """`extrapolated`: (the frame scenario, why there is none) when the page has them already."""
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = _scenario_caption(view, s)
    if extrapolated is None:
        extrapolated = projections.extrapolation(view.fetch(metrics.scenario_inputs)["museums"],
                                                 view.fetch(metrics.scenario_context)["population"], view.filters,
                                                 s.budget_eur, s.rule, dict(zip(scenarios.PILLARS, s.omega)))
    frame, reason = extrapolated
    figures = [_("At {amount}: {rules}.").format(amount=formats.money(s.budget_eur), rules=formats.clauses(
                   _("{rule} {funded} of {with_gap} fully funded, {closed} of the shortfall closed").format(
                       rule=formats.mid_sentence(_(r.label)), funded=formats.number(r.museums_funded),
                       with_gap=r.with_gap, closed=pct(r.closed_pct)) for r in s.compared.itertuples())),
               _("Shortfall of the {n} museums: {total}; {closed} closed, {left} left").format(
                   n=s.n, total=formats.money(s.total_eur), closed=formats.money(s.closed_eur),
                   left=formats.money(s.remaining_eur))
               + (", " + _("{amount} of the sum not needed").format(amount=formats.money(s.unallocated_eur))
                  if s.unallocated_eur > 0 else "") + ".",
               frame_sentence(frame, reason),
               *(_("Assumption: {assumption}").format(assumption=a) for a in scenarios.assumptions())]
    data = s.curve[["rule", "label", "budget_eur", "museums_funded", "funded_pct", "closed_eur", "closed_pct"]]
    return finish(view, "scenario-curve", charts.scenario_curve(s.curve, s.compared, s.rule, s.budget_eur, caption),
                  data, _("Two line charts side by side: as the sum invested grows from nothing to the whole "
                          "shortfall, the share of museums with a gap that are fully funded and the share of the "
                          "shortfall closed, one line per allocation rule, with the chosen sum marked"),
                  n=s.n, figures=figures,
                  empty=s.with_gap < limits.SUPPRESS_BELOW_N, caption=caption,
                  method=formats.labelled(scenarios.rule_name(s.rule), _(scenarios.RULE_TEXT[s.rule])) + ". "
                  + _("The curve repeats each rule at {points} sums from 0 to the whole shortfall.").format(
                      points=scenarios.CURVE_POINTS))


@chart("scenario-by-country", N_("Investment scenario by country"))
def scenario_by_group(view: View, by: str = "country", budget_eur: float = scenarios.DEFAULT_BUDGET_EUR,
                      rule: str = scenarios.DEFAULT_RULE, pillar_weights: dict | None = None,
                      horizon: int = schema.HORIZON_YEAR, scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = formats.clauses([view.caption, s.described])
    frame = scenarios.by_group(s, by)
    shown = frame[~frame["suppressed"]]
    data = frame.assign(label=[charts.group_label(by, g) for g in frame["group"]])
    figures = [_("{group}: {funded} of {with_gap} museums with a gap fully funded; {closed} of {shortfall} closed, "
                 "{left} left (n = {n}).").format(
                   group=charts.group_label(by, r.group), funded=formats.number(r.museums_funded),
                   with_gap=formats.number(r.museums_with_gap), closed=formats.money(r.closed_eur),
                   shortfall=formats.money(r.shortfall_eur), left=formats.money(r.remaining_eur), n=r.n)
               for r in shown.head(12).itertuples()]
    return finish(view, f"scenario-by-{by.replace('_', '-')}",
                  charts.scenario_groups(frame, by, caption, s.budget_eur), data,
                  _("{grouping} groups: the shortfall the scenario closes and what is left, EUR millions, with the "
                    "museums it funds fully").format(grouping=_(metrics.GROUPS[by])), n=int(shown["n"].sum()),
                  figures=figures, hidden=hidden(frame), noun=charts.GROUP_NOUNS.get(by, (N_("group"), N_("groups"))),
                  empty=shown.empty,
                  caption=caption,
                  method=formats.labelled(scenarios.rule_name(s.rule), _(scenarios.RULE_TEXT[s.rule])) + ".")


@chart("scenario-outlook", N_("Digitisation outlook with the scenario"))
def scenario_outlook(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                     pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                     scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    frame = projections.outlook(view.fetch(metrics.digitisation_inputs), view.fetch(metrics.outlook_base), s,
                                view.fetch(metrics.scenario_context)["unit_costs"])
    shown = frame[~frame["suppressed"] & (frame["country"] != weights.ALL)]
    caption = formats.clauses([view.caption, s.described])

    def line(r) -> str:
        paced = (" → " + _("{share} by {year} at the pace reported ({points} points a year, n = {n})").format(
                     share=pct(r.projected_pct), year=s.horizon, points=formats.number(r.pace_pp, 1), n=r.n_pace)
                 if pd.notna(r.projected_pct) else " " + _("(too few earlier answers to project)"))
        target = (formats.semicolon() + _("target {share}").format(share=pct(r.target_pct))
                  if pd.notna(r.target_pct) else "")
        return _("{country}: {now} now{paced} → {with_money} with the scenario (+{points} points){target} "
                 "(n = {n}).").format(country=country_name(r.country), now=pct(r.now_pct), paced=paced,
                                      with_money=pct(r.with_money_pct), points=formats.number(r.extra_pp, 1),
                                      target=target, n=r.n)

    figures = [*(line(r) for r in shown.head(12).itertuples()),
               *(_("Assumption: {assumption}").format(assumption=a)
                 for a in projections.outlook_assumptions(s.horizon))]
    return finish(view, "scenario-outlook", charts.scenario_outlook(frame, caption, s.horizon), frame,
                  _("Per country, the share of the collection digitised now, projected to {year} at the pace "
                    "museums report, with the scenario's money added, and the target").format(year=s.horizon),
                  n=int(shown["n"].sum()), figures=figures, hidden=hidden(frame[frame["country"] != weights.ALL]),
                  noun=(N_("country"), N_("countries")), empty=shown.empty, caption=caption,
                  method=_("shares are collection-weighted (sum of % × objects ÷ sum of objects); money becomes "
                           "objects at the cost model's unit costs (2D and 3D per object, by museum type)."))
