"""The Overview page's charts: digitisation by country and the funding shortfall by pillar."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, i18n, limits, schema
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import definitions, metrics
from analysis.i18n import N_, _
from analysis.schema import country_name


@chart("digitisation-by-country", N_("Digitisation by country"))
def digitisation_by_country(view: View) -> Chart:
    s = view.summary
    frame = view.fetch(metrics.digitisation_by_country)
    shown = frame[~frame["suppressed"]]
    mean, weighted = s["mean_pct_digitised"], s["weighted_pct_digitised"]
    figures = [
        _("All museums shown: {mean} digitised on average (unweighted, n = {n}); {weighted} of objects "
          "(collection-weighted, n = {n_weighted}).").format(
            mean=pct1(mean), n=s["n"]["pct_digitised"], weighted=pct1(weighted),
            n_weighted=s["n"]["weighted_pct_digitised"]) if mean is not None else "",
        ends(shown, lambda r: country_name(r["country"]), "mean_pct_digitised", pct)]
    return finish(view, "digitisation-by-country", charts.digitisation_by_country(frame, view.caption), frame,
                  _("Mean share of collections digitised per country, unweighted and collection-weighted"),
                  n=int(shown["n"].sum()), figures=figures, hidden=hidden(frame),
                  noun=(_("country"), _("countries")), empty=shown.empty,
                  method=_("each country's bar is the unweighted mean of its museums' answers (every museum "
                           "counts once); the diamond weights each museum by its collection size (share of "
                           "objects)."))


@chart("shortfall-by-pillar", N_("Funding shortfall by pillar"))
def shortfall_by_pillar(view: View) -> Chart:
    s = view.summary
    n = s["n"]["funding_shortfall"]
    caption = _("{filters}; n = {n} museums with needs and budget").format(filters=view.caption, n=n)
    pillars = s["shortfall_by_pillar"]
    names = {p: i18n.survey_label(schema.PILLARS[p]) for p in pillars}
    data = pd.DataFrame({"pillar": list(names.values()), "shortfall_eur": list(pillars.values())})
    ordered = sorted(((names[p], v or 0.0) for p, v in pillars.items()), key=lambda kv: -kv[1])
    total = s["total_funding_shortfall_eur"] or 0
    figures = [_("Total shortfall to 2030: {total} over {n} museums that gave needs and budget.").format(
                   total=formats.money(total), n=n),
               _("Largest: {largest} {largest_amount}; smallest: {smallest} {smallest_amount}.").format(
                   largest=ordered[0][0], largest_amount=formats.money(ordered[0][1]), smallest=ordered[-1][0],
                   smallest_amount=formats.money(ordered[-1][1])) if ordered and total else ""]
    return finish(view, "shortfall-by-pillar", charts.shortfall_by_pillar(pillars, caption, n), data,
                  _("Funding shortfall per investment pillar, EUR millions"), n=n, figures=figures,
                  empty=not total or n < limits.SUPPRESS_BELOW_N, caption=caption,
                  method=_("each museum's shortfall is {shortfall} {terms}, shared out across the pillars in "
                           "proportion to its needs; museums without both answers are left out.").format(
                      shortfall=definitions.shortfall(), terms=definitions.shortfall_terms()))
