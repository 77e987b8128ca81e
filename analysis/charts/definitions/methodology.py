"""Methodology charts: population-weighted estimates with intervals, change between waves."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis import charts, formats
from analysis.charts.registry import Chart, View, chart, finish
from analysis.figures import metrics, weights
from analysis.i18n import N_, _


@chart("weighted-pct-digitised", N_("Population-weighted estimates"))
def weighted_by_country(view: View, indicator: str = "pct_digitised") -> Chart:
    frame = view.fetch(metrics.weighted_estimates, indicator)
    spec = weights.INDICATORS[indicator]
    everyone = frame[frame["scope"] == weights.ALL]
    caption = view.filters.describe(int(everyone["n"].iloc[0]) if len(everyone) else 0,
                                    int((frame["scope"] != weights.ALL).sum()))
    shown = frame[frame["weighted_mean"].notna()]
    figures = [_("All countries with a frame: {value} {unit} (95 % interval {low}–{high}) from {n} of {N} "
                 "museums.").format(value=formats.number(r.weighted_mean, 1), unit=_(spec.unit),
                                    low=formats.number(r.lo, 1), high=formats.number(r.hi, 1), n=int(r.n_weighted),
                                    N=formats.number(r.N)) + f" {r.note}" for r in everyone.itertuples()
               if pd.notna(r.weighted_mean)]
    return finish(view, f"weighted-{indicator.replace('_', '-')}", charts.weighted_by_country(frame, caption), frame,
                  _("{indicator}: population-weighted mean per country with 95 % interval, unweighted mean as a "
                    "hollow marker").format(indicator=spec.name), n=int(everyone["n"].iloc[0]) if len(everyone) else 0, figures=figures,
                  empty=shown.empty, caption=caption, method=weights.rules_in_words()[2])


@chart("wave-change", N_("Change between waves"))
def wave_change(view: View) -> Chart:
    frame = view.fetch(metrics.wave_change)
    caption = replace(view.filters, wave=None).describe(int(frame["n_latest"].max()) if len(frame) else 0)
    figures = [_("{indicator}: {base} → {latest} ({base_wave} → {latest_wave}); same museums {change} (n = {n}).").format(
                   indicator=r.label, base=formats.number(r.mean_base, 1), latest=formats.number(r.mean_latest, 1),
                   base_wave=r.base_wave, latest_wave=r.latest_wave,
                   change=("+" if r.panel_change >= 0 else "") + formats.number(r.panel_change, 1), n=int(r.n_panel))
               for r in frame.itertuples()
               if pd.notna(r.mean_base) and pd.notna(r.mean_latest) and pd.notna(r.panel_change)]
    return finish(view, "wave-change", charts.wave_change(frame, caption), frame,
                  _("Key indicators in the earlier and the later wave: every museum that answered, and the same "
                    "museums in both waves"), n=int(frame["n_latest"].max()) if len(frame) else 0,
                  figures=figures[:3], empty=frame.empty, caption=caption,
                  method=_("cross-sections compare everyone who answered each wave; the panel follows the same "
                           "museums in both waves; unweighted means."))
