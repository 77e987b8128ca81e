"""Methodology charts: population-weighted estimates with intervals, change between waves."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis import charts
from analysis.charts.registry import Chart, View, chart, finish
from analysis.figures import metrics, weights
from analysis.i18n import N_


@chart("weighted-pct-digitised", N_("Population-weighted estimates"))
def weighted_by_country(view: View, indicator: str = "pct_digitised") -> Chart:
    frame = view.fetch(metrics.weighted_estimates, indicator)
    spec = weights.INDICATORS[indicator]
    everyone = frame[frame["scope"] == weights.ALL]
    caption = view.filters.describe(int(everyone["n"].iloc[0]) if len(everyone) else 0,
                                    int((frame["scope"] != weights.ALL).sum()))
    shown = frame[frame["weighted_mean"].notna()]
    figures = [f"All countries with a frame: {r.weighted_mean:.1f} {spec.unit} (95 % interval {r.lo:.1f}–{r.hi:.1f}) "
               f"from {int(r.n_weighted)} of {r.N:,.0f} museums. {r.note}" for r in everyone.itertuples()
               if pd.notna(r.weighted_mean)]
    return finish(view, f"weighted-{indicator.replace('_', '-')}", charts.weighted_by_country(frame, caption), frame,
                  f"{spec.label}: population-weighted mean per country with 95 % interval, unweighted mean as a "
                  "hollow marker", n=int(everyone["n"].iloc[0]) if len(everyone) else 0, figures=figures,
                  empty=shown.empty, caption=caption, method=weights.rules_in_words()[2])


@chart("wave-change", N_("Change between waves"))
def wave_change(view: View) -> Chart:
    frame = view.fetch(metrics.wave_change)
    caption = replace(view.filters, wave=None).describe(int(frame["n_latest"].max()) if len(frame) else 0)
    figures = [f"{r.label}: {r.mean_base:.1f} → {r.mean_latest:.1f} ({r.base_wave} → {r.latest_wave}); same museums "
               f"{r.panel_change:+.1f} (n = {int(r.n_panel)})." for r in frame.itertuples()
               if pd.notna(r.mean_base) and pd.notna(r.mean_latest) and pd.notna(r.panel_change)]
    return finish(view, "wave-change", charts.wave_change(frame, caption), frame,
                  "Key indicators in the earlier and the later wave: every museum that answered, and the same "
                  "museums in both waves", n=int(frame["n_latest"].max()) if len(frame) else 0,
                  figures=figures[:3], empty=frame.empty, caption=caption,
                  method="cross-sections compare everyone who answered each wave; the panel follows the same "
                         "museums in both waves; unweighted means.")
