"""Charts as pure functions: data in, plotly Figure out. One house style, readable from the back of a hall."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.schema import country_name

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
FONT_SIZE = 18


def _style(fig: go.Figure, title: str, subtitle: str) -> go.Figure:
    fig.update_layout(
        title={"text": f"{title}<br><span style='font-size:{FONT_SIZE - 2}px'>{subtitle}</span>",
               "font": {"size": FONT_SIZE + 4}},
        font={"size": FONT_SIZE, "family": "Arial, Helvetica, sans-serif"},
        template="plotly_white", colorway=PALETTE, margin={"l": 10, "r": 10, "t": 140, "b": 10},
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def digitisation_by_country(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Horizontal bars of unweighted mean % digitised per country, weighted mean as a marker."""
    shown = frame[~frame["suppressed"]].sort_values("mean_pct_digitised")
    labels = [f"{country_name(c)} (n={n})" for c, n in zip(shown["country"], shown["n"])]
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["mean_pct_digitised"], orientation="h", name="Unweighted mean",
                marker_color=PALETTE[0], hovertemplate="%{y}: %{x:.1f} %<extra></extra>")
    fig.add_scatter(y=labels, x=shown["weighted_pct_digitised"], mode="markers", name="Collection-weighted",
                    marker={"color": PALETTE[1], "size": 14, "symbol": "diamond"},
                    hovertemplate="%{y}: %{x:.1f} % of objects<extra></extra>")
    fig.update_xaxes(title="Share of collection digitised (%)", range=[0, 100])
    hidden = int(frame["suppressed"].sum())
    note = (f"<br>{hidden} countr{'y' if hidden == 1 else 'ies'} with fewer than 5 answers not shown"
            if hidden else "")
    if not shown.empty:
        top = shown.iloc[-1]
        title = f"{country_name(top['country'])} leads with {top['mean_pct_digitised']:.0f} % of collections digitised"
    else:
        title = "Too few answers per country to compare"
        fig.add_annotation(text="No country has 5 or more answers to this question", showarrow=False,
                           x=50, y=0, font={"size": FONT_SIZE})
        fig.update_yaxes(visible=False)
    fig.update_layout(height=max(420, 34 * len(shown) + 200))
    return _style(fig, title, caption + note)


def shortfall_by_pillar(shortfalls: dict[str, float | None], caption: str) -> go.Figure:
    """Bars of the total funding shortfall per investment pillar, largest first (EUR millions)."""
    items = sorted(((schema.PILLARS[p], v or 0.0) for p, v in shortfalls.items()), key=lambda kv: kv[1])
    fig = go.Figure(go.Bar(y=[k for k, _ in items], x=[v / 1e6 for _, v in items], orientation="h",
                           marker_color=PALETTE[3], text=[f"€{v / 1e6:,.1f} M" for _, v in items],
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: €%{x:,.2f} M<extra></extra>"))
    largest = max((v for _, v in items), default=0) / 1e6
    fig.update_xaxes(title="Funding shortfall to 2030 (EUR millions)", range=[0, largest * 1.25 or 1])
    total = sum(v for _, v in items)
    biggest = items[-1][0] if items and total else None
    title = (f"{biggest} is the largest gap: €{items[-1][1] / 1e6:,.1f} M of €{total / 1e6:,.1f} M"
             if biggest else "No funding shortfall reported")
    fig.update_layout(height=460)
    return _style(fig, title, caption)
