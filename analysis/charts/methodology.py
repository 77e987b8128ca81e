"""Methodology charts: population-weighted estimates with their intervals, and change between survey waves."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.style import (FONT_SIZE, PALETTE, UNWEIGHTED_COLOUR, WEIGHTED_COLOUR, titled, too_few,
                                   wrap)
from analysis import formats
from analysis.figures import weights
from analysis.i18n import _
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name


def _unit_scale(unit: str) -> tuple[float, str, str]:
    """(factor, axis unit in words, decimals) that keeps money readable: EUR values are shown in thousands."""
    if unit == "EUR":
        return 1e-3, _("EUR thousands"), 0
    return 1.0, _(unit), 1


def _short(row) -> str:
    """A row's indicator named inside a sentence ('collection digitised'); a frame without the indicator's key
    gives its label without '(mean)'."""
    spec = weights.INDICATORS.get(row.get("indicator"))
    return spec.short_name if spec else row["label"].replace(" (mean)", "").lower()


def weighted_by_country(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Population-weighted mean per country with its 95 % interval as error bars, and the unweighted mean of the
    respondents as a hollow marker; the all-countries row (scope 'ALL') on top. `metrics.weighted_estimates`
    frame. Countries that cannot be weighted (no population figure, fewer than SUPPRESS_BELOW_N answers) are
    counted, not drawn."""
    label, unit = (frame["label"].iloc[0], frame["unit"].iloc[0]) if len(frame) else (_("Estimate"), "")
    scale, axis_unit, digits = _unit_scale(unit)
    fmt = f",.{digits}f"
    every = _("All countries with a frame")
    shown = frame[frame["weighted_mean"].notna()]
    countries = shown[shown["scope"] != "ALL"].sort_values("weighted_mean")
    rows = pd.concat([countries, shown[shown["scope"] == "ALL"]])
    names = [(every if s == "ALL" else country_name(s)) + " " + _("(n={n} of {N})").format(
                 n=int(n), N=formats.number(N)) for s, n, N in zip(rows["scope"], rows["n_weighted"], rows["N"])]
    fig = go.Figure()
    if rows.empty:
        title = _("No country can be weighted yet")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        mean = rows["weighted_mean"] * scale
        fig.add_scatter(y=names, x=mean, mode="markers", name=_("Population-weighted, with 95 % interval"),
                        marker={"color": WEIGHTED_COLOUR, "size": 13, "symbol": "circle"},
                        error_x={"type": "data", "symmetric": False, "array": rows["hi"] * scale - mean,
                                 "arrayminus": mean - rows["lo"] * scale, "thickness": 2.5, "width": 8,
                                 "color": WEIGHTED_COLOUR},
                        customdata=list(zip(rows["lo"] * scale, rows["hi"] * scale)),
                        hovertemplate=f"%{{y}}: %{{x:{fmt}}} ("
                                      + _("95 % interval {low}–{high}").format(
                                          low=f"%{{customdata[0]:{fmt}}}", high=f"%{{customdata[1]:{fmt}}}")
                                      + f") {axis_unit}<extra></extra>")
        fig.add_scatter(y=names, x=rows["unweighted_mean"] * scale, mode="markers", name=_("Unweighted (respondents)"),
                        marker={"color": "rgba(255,255,255,0)", "size": 12, "symbol": "diamond",
                                "line": {"color": UNWEIGHTED_COLOUR, "width": 3}},
                        hovertemplate=f"%{{y}}: %{{x:{fmt}}} {axis_unit} " + _("unweighted") + "<extra></extra>")
        top = rows.iloc[-1]
        where = every if top["scope"] == "ALL" else country_name(top["scope"])
        title = _("{where}: {indicator} {value} {unit} (95 % interval {low}–{high})").format(
            where=where, indicator=_short(top), value=formats.number(top["weighted_mean"] * scale, digits),
            unit=axis_unit, low=formats.number(top["lo"] * scale, digits),
            high=formats.number(top["hi"] * scale, digits))
        upper = max(float((rows["hi"] * scale).max()), float((rows["unweighted_mean"] * scale).max()))
        fig.update_xaxes(title=f"{label} ({axis_unit})", range=[0, upper * 1.05 or 1], zeroline=True)
    left_out = frame[(frame["scope"] != "ALL") & frame["weighted_mean"].isna()]
    note = (formats.semicolon()
            + (_("{n} country without a population figure or with fewer than {min} answers not shown")
               if len(left_out) == 1 else
               _("{n} countries without a population figure or with fewer than {min} answers not shown")).format(
                n=len(left_out), min=SUPPRESS_BELOW_N) if len(left_out) else "")
    return titled(fig, title, _("{caption}; n = museums weighted of all museums in the frame").format(
        caption=caption) + note, width=70,
                  plot_height=max(300, 34 * len(rows) + 80), legend_rows=1)


def wave_change(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Small multiples, one per key indicator (`metrics.wave_change` frame): the mean in the earlier and the later
    wave for every museum that answered each wave (solid) and for the same museums in both waves (dashed)."""
    from plotly.subplots import make_subplots

    if frame.empty:
        fig = go.Figure()
        too_few(fig, 0)
        return titled(fig, _("Only one survey wave so far: no change to show"), caption, width=70, plot_height=300)
    names = [_short(row) for _i, row in frame.iterrows()]
    titles = [wrap(f"{name[:1].upper()}{name[1:]} ({_unit_scale(unit)[1]})", 26)
              for name, unit in zip(names, frame["unit"])]
    fig = make_subplots(rows=1, cols=len(frame), subplot_titles=titles, horizontal_spacing=0.09)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        scale, axis_unit, digits = _unit_scale(row.unit)
        fmt = f",.{digits}f"
        waves = [str(row.base_wave), str(row.latest_wave)]
        for name, values, n, dash, colour in (
                (_("Every museum that answered (cross-sections)"), (row.mean_base, row.mean_latest),
                 f"n={row.n_base}/{row.n_latest}", "solid", PALETTE[0]),
                (_("Same museums in both waves (panel)"), (row.panel_base, row.panel_latest), f"n={row.n_panel}",
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
        change = formats.number(first["panel_change"], 1)
        title = _("The same museums moved {change} points on {indicator} from {base} to {latest} (n = {n})").format(
            change=change if first["panel_change"] < 0 else "+" + change, indicator=_short(first),
            base=first["base_wave"], latest=first["latest_wave"], n=int(first["n_panel"]))
    else:
        title = _("Change from {base} to {latest}").format(base=first["base_wave"], latest=first["latest_wave"])
    # the small multiples' own titles in a strip at the top of the plotting area (not in the top margin, which a
    # slide trims), the legend in a strip at the bottom of the figure, under their wave labels
    titles_px = 19 * max(t.count("<br>") + 1 for t in titles) + 8
    fig = titled(fig, title, _("{caption}; unweighted means; figures with fewer than {min} museums not shown").format(
                 caption=caption, min=SUPPRESS_BELOW_N),
                 width=70, plot_height=360 + titles_px)
    strip = 1 - titles_px / (360 + titles_px - 10)          # the plotting area: plot_height less the margin below
    fig.update_yaxes(domain=[0, strip])
    for annotation in fig.layout.annotations:
        annotation.y = strip
    fig.update_layout(showlegend=True, height=fig.layout.height + 70, margin={"b": 80},
                      legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0,
                              "font": {"size": FONT_SIZE - 2}})
    return fig
