"""Funding charts: need against budget, need and shortfall per pillar, the unfunded share of need, the
shortfall by group."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, limits
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct
from analysis.figures import definitions, metrics
from analysis.i18n import N_, _


@chart("need-vs-budget", N_("Funding need vs budget"))
def need_vs_budget(view: View) -> Chart:
    totals = metrics.funding_totals(view.summary)
    pillars = view.fetch(metrics.pillar_funding)
    data = pd.concat([pillars.drop(columns="pillar"), pd.DataFrame([{
        "label": _("All pillars"), "need_eur": totals["need"], "n_need": totals["n_need"],
        "shortfall_eur": totals["shortfall"], "n_shortfall": totals["n_shortfall"],
        "available_eur": totals["available"], "n_available": totals["n_available"]}])], ignore_index=True)
    small = limits.SUPPRESS_BELOW_N
    figures = [_("Need: {amount} over {n} museums that gave any need.").format(
                   amount=formats.money(totals["need"]), n=totals["n_need"]),
               _("Digital budget over each museum's horizon: {amount} over {n} museums that gave a budget.").format(
                   amount=formats.money(totals["available"]), n=totals["n_available"]),
               _("Shortfall: {amount} over {n} museums that gave both. It is not need minus budget: the three "
                 "totals cover different museums, and a museum with money to spare does not cover another's "
                 "gap.").format(amount=formats.money(totals["shortfall"]), n=totals["n_shortfall"])]
    return finish(view, "need-vs-budget", charts.need_vs_budget(pillars, totals, view.caption), data,
                  _("Total need by pillar, digital budget over the horizon and total shortfall, EUR millions"),
                  n=totals["n_need"], figures=figures,
                  empty=min(totals["n_need"], totals["n_available"], totals["n_shortfall"]) < small,
                  method=_("for each museum, shortfall = {shortfall} {terms}, summed museum by museum.").format(
                      shortfall=definitions.shortfall(), terms=definitions.shortfall_terms()))


@chart("funding-pillars", N_("Need and shortfall per pillar"))
def pillar_need_shortfall(view: View) -> Chart:
    frame = view.fetch(metrics.pillar_funding)
    shown = frame[~frame["suppressed"]]
    n = int(frame["n_shortfall"].iloc[0]) if len(frame) else 0
    ordered = shown.sort_values("shortfall_eur", ascending=False)
    figures = [] if ordered.empty else [
        _("Largest shortfall: {largest} {amount} (need {need}); smallest: {smallest} {smallest_amount}.").format(
            largest=ordered.iloc[0]["label"], amount=formats.money(ordered.iloc[0]["shortfall_eur"]),
            need=formats.money(ordered.iloc[0]["need_eur"]), smallest=ordered.iloc[-1]["label"],
            smallest_amount=formats.money(ordered.iloc[-1]["shortfall_eur"])),
        _("Total shortfall shown: {amount}.").format(amount=formats.money(ordered["shortfall_eur"].sum()))]
    return finish(view, "funding-pillars", charts.pillar_need_shortfall(frame, view.caption), frame,
                  _("Need and shortfall per investment pillar, EUR millions"), n=n, figures=figures,
                  hidden=hidden(frame), noun=(N_("pillar"), N_("pillars")), empty=ordered.empty,
                  method=_("need summed over the museums that answered each pillar; each museum's shortfall shared "
                           "out across the pillars in proportion to its needs."))


@chart("shortfall-ratio", N_("How much of the need is unfunded"))
def shortfall_ratio(view: View) -> Chart:
    frame = view.fetch(metrics.shortfall_ratio_bands)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else [formats.clauses(formats.labelled(r.label, pct(r.share))
                                                for r in frame.itertuples()) + "."]
    return finish(view, "shortfall-ratio", charts.shortfall_ratio_bands(frame, view.caption), frame,
                  _("Share of museums by the part of their need they cannot fund"), n=n, figures=figures,
                  empty=empty, method=_("shortfall ratio = a museum's shortfall ÷ its need; share of museums in "
                                        "each band."))


@chart("shortfall-by-country", N_("Funding shortfall by country"))
def shortfall_by_group(view: View, by: str = "country", per_museum: bool = False) -> Chart:
    frame = view.fetch(metrics.shortfall_by, by)
    shown = frame[~frame["suppressed"]]
    column = "shortfall_per_museum_eur" if per_museum else "shortfall_eur"
    digits = 2 if per_museum else 1
    plural = charts.GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    figures = [ends(shown, lambda r: charts.group_label(by, r["group"]), column,
                    lambda v: formats.money(v, digits)),
               _("Total shortfall shown: {amount} over {n} museums.").format(
                   amount=formats.money(shown["shortfall_eur"].sum()), n=int(shown["n"].sum())) if len(shown) else ""]
    key = f"shortfall-{'per-museum-' if per_museum else ''}by-{by.replace('_', '-')}"
    alt = (_("{grouping} groups ranked by funding shortfall per museum, EUR millions") if per_museum else
           _("{grouping} groups ranked by total funding shortfall, EUR millions"))
    return finish(view, key, charts.shortfall_ranking(frame, by, view.caption, per_museum=per_museum), frame,
                  alt.format(grouping=_(metrics.GROUPS[by])), n=int(shown["n"].sum()),
                  figures=figures, hidden=hidden(frame), noun=plural, empty=shown.empty,
                  method=_("shortfall summed over each group's museums that gave need and budget, divided by their "
                           "number.") if per_museum else
                  _("shortfall summed over each group's museums that gave need and budget."))
