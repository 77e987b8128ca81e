"""Methodology charts: population-weighted estimates with their intervals, and change between survey waves."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.style import (FONT_SIZE, PALETTE, UNWEIGHTED_COLOUR, WEIGHTED_COLOUR, titled, too_few,
                                   wrap)
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name


def _unit_scale(unit: str) -> tuple[float, str, str]:
    """(factor, axis unit, number format) that keeps money readable: EUR values are shown in thousands."""
    if unit == "EUR":
        return 1e-3, "EUR thousands", ",.0f"
    return 1.0, unit, ".1f"


def weighted_by_country(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Population-weighted mean per country with its 95 % interval as error bars, and the unweighted mean of the
    respondents as a hollow marker; the all-countries row (scope 'ALL') on top. `metrics.weighted_estimates`
    frame. Countries that cannot be weighted (no population figure, fewer than SUPPRESS_BELOW_N answers) are
    counted, not drawn."""
    label, unit = (frame["label"].iloc[0], frame["unit"].iloc[0]) if len(frame) else ("Estimate", "")
    scale, axis_unit, fmt = _unit_scale(unit)
    shown = frame[frame["weighted_mean"].notna()]
    countries = shown[shown["scope"] != "ALL"].sort_values("weighted_mean")
    rows = pd.concat([countries, shown[shown["scope"] == "ALL"]])
    names = [("All countries with a frame" if s == "ALL" else country_name(s)) + f" (n={int(n)} of {N:,.0f})"
             for s, n, N in zip(rows["scope"], rows["n_weighted"], rows["N"])]
    fig = go.Figure()
    if rows.empty:
        title = "No country can be weighted yet"
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        mean = rows["weighted_mean"] * scale
        fig.add_scatter(y=names, x=mean, mode="markers", name="Population-weighted, with 95 % interval",
                        marker={"color": WEIGHTED_COLOUR, "size": 13, "symbol": "circle"},
                        error_x={"type": "data", "symmetric": False, "array": rows["hi"] * scale - mean,
                                 "arrayminus": mean - rows["lo"] * scale, "thickness": 2.5, "width": 8,
                                 "color": WEIGHTED_COLOUR},
                        customdata=list(zip(rows["lo"] * scale, rows["hi"] * scale)),
                        hovertemplate=f"%{{y}}: %{{x:{fmt}}} (95 %% interval %{{customdata[0]:{fmt}}}–"
                                      f"%{{customdata[1]:{fmt}}}) {axis_unit}<extra></extra>")
        fig.add_scatter(y=names, x=rows["unweighted_mean"] * scale, mode="markers", name="Unweighted (respondents)",
                        marker={"color": "rgba(255,255,255,0)", "size": 12, "symbol": "diamond",
                                "line": {"color": UNWEIGHTED_COLOUR, "width": 3}},
                        hovertemplate=f"%{{y}}: %{{x:{fmt}}} {axis_unit} unweighted<extra></extra>")
        top = rows.iloc[-1]
        where = "All countries with a frame" if top["scope"] == "ALL" else country_name(top["scope"])
        title = (f"{where}: {label.replace(' (mean)', '').lower()} {top['weighted_mean'] * scale:{fmt}} {axis_unit} "
                 f"(95 % interval {top['lo'] * scale:{fmt}}–{top['hi'] * scale:{fmt}})")
        upper = max(float((rows["hi"] * scale).max()), float((rows["unweighted_mean"] * scale).max()))
        fig.update_xaxes(title=f"{label} ({axis_unit})", range=[0, upper * 1.05 or 1], zeroline=True)
    left_out = frame[(frame["scope"] != "ALL") & frame["weighted_mean"].isna()]
    note = (f"; {len(left_out)} countr{'y' if len(left_out) == 1 else 'ies'} without a population figure or with "
            f"fewer than {SUPPRESS_BELOW_N} answers not shown" if len(left_out) else "")
    return titled(fig, title, f"{caption}; n = museums weighted of all museums in the frame{note}", width=70,
                  plot_height=max(300, 34 * len(rows) + 80), legend_rows=1)


def wave_change(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Small multiples, one per key indicator (`metrics.wave_change` frame): the mean in the earlier and the later
    wave for every museum that answered each wave (solid) and for the same museums in both waves (dashed)."""
    from plotly.subplots import make_subplots

    if frame.empty:
        fig = go.Figure()
        too_few(fig, 0)
        return titled(fig, "Only one survey wave so far: no change to show", caption, width=70, plot_height=300)
    titles = [wrap(f"{label.replace(' (mean)', '')} ({_unit_scale(unit)[1]})", 26)
              for label, unit in zip(frame["label"], frame["unit"])]
    fig = make_subplots(rows=1, cols=len(frame), subplot_titles=titles, horizontal_spacing=0.09)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        scale, axis_unit, fmt = _unit_scale(row.unit)
        waves = [str(row.base_wave), str(row.latest_wave)]
        for name, values, n, dash, colour in (
                ("Every museum that answered (cross-sections)", (row.mean_base, row.mean_latest),
                 f"n={row.n_base}/{row.n_latest}", "solid", PALETTE[0]),
                ("Same museums in both waves (panel)", (row.panel_base, row.panel_latest), f"n={row.n_panel}",
                 "dash", PALETTE[3])):
            y = [None if pd.isna(v) else v * scale for v in values]
            fig.add_scatter(x=waves, y=y, mode="lines+markers", name=name, legendgroup=name, showlegend=i == 1,
                            line={"color": colour, "dash": dash, "width": 3}, marker={"size": 10},
                            hovertemplate=f"{name}, %{{x}}: %{{y:{fmt}}} {axis_unit} ({n})<extra></extra>",
                            row=1, col=i)
        fig.update_xaxes(type="category", row=1, col=i)
    for annotation in fig.layout.annotations:
        annotation.font = {"size": FONT_SIZE - 3}
    first = frame.iloc[0]
    if pd.notna(first["panel_change"]):
        what = first["label"].replace(" (mean)", "").lower()
        title = (f"The same museums moved {first['panel_change']:+.1f} points on {what} "
                 f"from {first['base_wave']} to {first['latest_wave']} (n = {int(first['n_panel'])})")
    else:
        title = f"Change from {first['base_wave']} to {first['latest_wave']}"
    # the small multiples' own titles in a strip at the top of the plotting area (not in the top margin, which a
    # slide trims), the legend in a strip at the bottom of the figure, under their wave labels
    titles_px = 19 * max(t.count("<br>") + 1 for t in titles) + 8
    fig = titled(fig, title, f"{caption}; unweighted means; figures with fewer than {SUPPRESS_BELOW_N} museums not "
                             "shown",
                 width=70, plot_height=360 + titles_px)
    strip = 1 - titles_px / (360 + titles_px - 10)          # the plotting area: plot_height less the margin below
    fig.update_yaxes(domain=[0, strip])
    for annotation in fig.layout.annotations:
        annotation.y = strip
    fig.update_layout(showlegend=True, height=fig.layout.height + 70, margin={"b": 80},
                      legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0,
                              "font": {"size": FONT_SIZE - 2}})
    return fig
