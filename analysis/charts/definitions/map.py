"""The Europe map chart: one metric per country."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, limits
from analysis.charts import geo
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden
from analysis.figures import metrics
from analysis.i18n import N_, _
from analysis.schema import country_name


@chart("europe-map", N_("Europe map of digitisation"))
def europe_map(view: View, metric: str = "mean_pct_digitised") -> Chart:
    spec = metrics.MAP_METRICS[metric]
    frame = view.fetch(metrics.country_values, metric)
    shown = frame[~frame["suppressed"] & frame["value"].notna()]
    data = pd.DataFrame({"country": frame["country"], "country_name": [country_name(c) for c in frame["country"]],
                         "n": frame["n"], f"{metric} ({spec.unit})": frame["value"].round(3),
                         f"suppressed_below_{limits.SUPPRESS_BELOW_N}": frame["suppressed"]})
    key = "europe-map" if metric == "mean_pct_digitised" else f"europe-map-{metric.replace('_', '-')}"
    return finish(view, key, charts.europe_map(frame, spec.name, view.caption, geo.europe(), spec.unit), data,
                  _("{metric} per country ({unit}), with the number of museums behind each figure; countries with "
                    "fewer than {min} answers are not shown.").format(metric=spec.name, unit=charts.map_unit(spec.unit),
                                                                      min=limits.SUPPRESS_BELOW_N),
                  n=int(frame["n"].sum()),
                  figures=[ends(shown, lambda r: country_name(r["country"]), "value",
                                lambda v: charts.map_value(v, spec.unit))],
                  hidden=hidden(frame), noun=(N_("country"), N_("countries")), empty=shown.empty,
                  method=_("{metric} per country").format(metric=formats.mid_sentence(spec.name))
                  + (f" ({spec.explanation})" if spec.note else "")
                  + formats.semicolon()
                  + _("countries with fewer than {min} answers are grey.").format(min=limits.SUPPRESS_BELOW_N))
