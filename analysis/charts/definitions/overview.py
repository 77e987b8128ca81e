"""The Overview page's charts: digitisation by country and the funding shortfall by pillar."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, limits, schema
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import definitions, metrics
from analysis.i18n import N_
from analysis.schema import country_name


@chart("digitisation-by-country", N_("Digitisation by country"))
def digitisation_by_country(view: View) -> Chart:
    s = view.summary
    frame = view.fetch(metrics.digitisation_by_country)
    shown = frame[~frame["suppressed"]]
    mean, weighted = s["mean_pct_digitised"], s["weighted_pct_digitised"]
    figures = [
        f"All museums shown: {pct1(mean)} digitised on average (unweighted, n = {s['n']['pct_digitised']}); "
        f"{pct1(weighted)} of objects (collection-weighted, n = {s['n']['weighted_pct_digitised']})."
        if mean is not None else "",
        ends(shown, lambda r: country_name(r["country"]), "mean_pct_digitised", pct)]
    return finish(view, "digitisation-by-country", charts.digitisation_by_country(frame, view.caption), frame,
                  "Mean share of collections digitised per country, unweighted and collection-weighted",
                  n=int(shown["n"].sum()), figures=figures, hidden=hidden(frame), noun=("country", "countries"),
                  empty=shown.empty,
                  method="each country's bar is the unweighted mean of its museums' answers (every museum counts "
                         "once); the diamond weights each museum by its collection size (share of objects).")


@chart("shortfall-by-pillar", N_("Funding shortfall by pillar"))
def shortfall_by_pillar(view: View) -> Chart:
    s = view.summary
    n = s["n"]["funding_shortfall"]
    caption = f"{view.caption}; n = {n} museums with needs and budget"
    pillars = s["shortfall_by_pillar"]
    data = pd.DataFrame({"pillar": [schema.PILLARS[p] for p in pillars],
                         "shortfall_eur": list(pillars.values())})
    ordered = sorted(((schema.PILLARS[p], v or 0.0) for p, v in pillars.items()), key=lambda kv: -kv[1])
    total = s["total_funding_shortfall_eur"] or 0
    figures = [f"Total shortfall to 2030: {formats.money(total)} over {n} museums that gave needs and budget.",
               f"Largest: {ordered[0][0]} {formats.money(ordered[0][1])}; smallest: {ordered[-1][0]} "
               f"{formats.money(ordered[-1][1])}." if ordered and total else ""]
    return finish(view, "shortfall-by-pillar", charts.shortfall_by_pillar(pillars, caption, n), data,
                  "Funding shortfall per investment pillar, EUR millions", n=n, figures=figures,
                  empty=not total or n < limits.SUPPRESS_BELOW_N, caption=caption,
                  method=f"each museum's shortfall is {definitions.SHORTFALL} {definitions.SHORTFALL_TERMS}, "
                         "shared out across the pillars in proportion to its needs; museums without both answers "
                         "are left out.")
