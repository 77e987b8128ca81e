"""Charts as pure functions: data in, plotly Figure out. One house style, readable from the back of a hall."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from analysis import findings, formats, schema
from analysis.schema import country_name

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
FONT_SIZE = 18
# One lean template: the look of plotly_white, only the parts these charts use. Every figure carries its
# template to the browser, and plotly_white's is 7 KB (colour scales, 3D scenes, polar axes, 25 trace types).
_AXIS = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "zerolinewidth": 2, "ticks": "",
         "title": {"standoff": 15}, "automargin": True}
TEMPLATE = go.layout.Template(
    layout={"autotypenumbers": "strict", "font": {"color": "#2a3f5f"}, "title": {"x": 0.05}, "colorway": PALETTE,
            "paper_bgcolor": "white", "plot_bgcolor": "white", "hovermode": "closest", "hoverlabel": {"align": "left"},
            "xaxis": _AXIS, "yaxis": _AXIS, "shapedefaults": {"line": {"color": "#2a3f5f"}},
            "annotationdefaults": {"arrowcolor": "#2a3f5f", "arrowhead": 0, "arrowwidth": 1}},
    data={"bar": [{"marker": {"line": {"color": "white", "width": 0.5}}, "error_x": {"color": "#2a3f5f"},
                   "error_y": {"color": "#2a3f5f"}}],
          "choropleth": [{"colorbar": {"outlinewidth": 0, "ticks": ""}}]})


def _estimate(name: str, value: float, row, sd_scale: float = 1.0) -> findings.Estimate:
    """A group's mean (or median: sd_scale 1.25) with its interval when the row carries the spread (`sd`)."""
    sd = getattr(row, "sd", None)
    return findings.Estimate.mean(name, value, row.n, None if sd is None or pd.isna(sd) else sd * sd_scale)


def _style(fig: go.Figure, title: str, subtitle: str) -> go.Figure:
    fig.update_layout(
        title={"text": f"{title}<br><span style='font-size:{FONT_SIZE - 2}px'>{subtitle}</span>",
               "font": {"size": FONT_SIZE + 4}},
        font={"size": FONT_SIZE, "family": "Arial, Helvetica, sans-serif"},
        template=TEMPLATE, margin={"l": 10, "r": 10, "t": 140, "b": 10},
        legend={"orientation": "h", "y": -0.15},
    )
    if any(getattr(trace, "orientation", None) == "h" for trace in fig.data):
        fig.update_yaxes(tickmode="linear", tick0=0, dtick=1)     # every category labelled, none skipped
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
    ranking = findings.rank([_estimate(country_name(r.country), r.mean_pct_digitised, r)
                             for r in shown.itertuples()]) if len(shown) else None
    if ranking and len(ranking.groups) == 1:
        only = ranking.top
        title = f"{only.name}: {only.value:.0f} % of collections digitised on average (n = {only.n})"
    elif ranking and ranking.top_holds:
        title = f"{ranking.top.name} leads with {ranking.top.value:.0f} % of collections digitised (n = {ranking.top.n})"
    elif ranking:
        title = (f"Country means range from {ranking.bottom.value:.0f} % to {ranking.top.value:.0f} % of collections "
                 f"digitised; {ranking.why_not('country')}")
    else:
        title = "Too few answers per country to compare"
        fig.add_annotation(text="No country has 5 or more answers to this question", showarrow=False,
                           x=50, y=0, font={"size": FONT_SIZE})
        fig.update_yaxes(visible=False)
    fig.update_layout(height=max(420, 34 * len(shown) + 200))
    return _titled(fig, title, caption + note, legend_rows=1)


def shortfall_by_pillar(shortfalls: dict[str, float | None], caption: str, n: int) -> go.Figure:
    """Bars of the total funding shortfall per investment pillar, largest first (EUR millions); n = museums
    that gave need and budget."""
    items = sorted(((schema.PILLARS[p], v or 0.0) for p, v in shortfalls.items()), key=lambda kv: kv[1])
    fig = go.Figure(go.Bar(y=[k for k, _ in items], x=[v / 1e6 for _, v in items], orientation="h",
                           marker_color=PALETTE[3], text=[_eur_m(v) for _, v in items],
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: EUR %{x:,.2f} M<extra></extra>"))
    largest = max((v for _, v in items), default=0) / 1e6
    fig.update_xaxes(title="Funding shortfall to 2030 (EUR millions)", range=[0, largest * 1.25 or 1])
    total = sum(v for _, v in items)
    title = _largest_pillar([findings.Estimate.total(k, v, n) for k, v in items if v], total) if total else (
        "No funding shortfall reported")
    fig.update_layout(height=460)
    return _titled(fig, title, caption)


def _largest_pillar(pillars: list, total: float) -> str:
    """'Qualified staff is the largest gap: EUR 6.0 M of EUR 12.0 M', or the two largest when they are close."""
    ranking = findings.rank(pillars)
    first = ranking.top
    if len(ranking.groups) == 1:
        return f"{first.name} is the only gap reported: {_eur_m(first.value)}"
    if ranking.top_holds:
        return f"{first.name} is the largest gap: {_eur_m(first.value)} of {_eur_m(total)}"
    second = ranking.groups[1]
    return (f"{first.name} and {formats.mid_sentence(second.name)} are the two largest gaps: {_eur_m(first.value)} and "
            f"{_eur_m(second.value)} of {_eur_m(total)}")


# --- Digitisation page ---------------------------------------------------------------------------------
TARGET_COLOUR = "#000000"
NO_DATA_COLOUR = "#BBBBBB"            # neutral grey for "cannot be judged"; not a category colour


def _wrap(text: str, width: int) -> str:
    """Break a plain-text title or subtitle into <br>-separated lines (plotly titles do not wrap)."""
    import textwrap
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


FULL_WIDTH_CHARS, HALF_WIDTH_CHARS = 85, 44   # title characters per line: a full-width chart, half of a page


def _axis_title(text: str, width: int) -> str:
    """An axis title that fits under a narrow plot area: longer than `width`, it breaks at the space nearest its
    middle ('Shortfall per museum<br>(EUR millions)'), so that neither line is left with a lone '(%)'."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if len(text) <= width or not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(2 * i - len(text)))
    return f"{text[:cut]}<br>{text[cut + 1:]}" if max(cut, len(text) - cut - 1) <= width else _wrap(text, width)


def _legible_axes(fig: go.Figure, width: int) -> tuple[int, int]:
    """Axis text that stays inside a chart `width` title characters wide: every axis grows its margin for its
    labels and title, long category labels of a horizontal chart break over lines (ticktext: the data keep their
    labels) and long axis titles wrap, so the plot area keeps room for its centred axis title and bar labels.
    Returns (categories on the y axis, lines of the tallest one) for the caller to give each row its height."""
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    for axis in [*fig.select_xaxes(), *fig.select_yaxes()]:
        if axis.title.text:
            axis.title.text = _axis_title(axis.title.text, int(width * 0.75))
    values = (getattr(trace, "y", None) for trace in fig.data)
    categories = list(dict.fromkeys(v for y in values if y is not None for v in y if isinstance(v, str)))
    wrapped = [_wrap(c, width // 2 + 2) for c in categories]       # 'United Kingdom (n=112)' keeps one line
    if wrapped != categories:
        fig.update_yaxes(tickmode="array", tickvals=categories, ticktext=wrapped)
    return len(categories), max((w.count("<br>") + 1 for w in wrapped), default=0)


def _titled(fig: go.Figure, title: str, subtitle: str, width: int = FULL_WIDTH_CHARS,
            legend_rows: int = 0) -> go.Figure:
    """House style with the title and subtitle wrapped and sitting on top of the plot area (the top margin
    grows with the lines), and the legend, if any, in its own strip at the bottom of the figure."""
    head, sub = _wrap(title, width), _wrap(subtitle, int(width * 1.3))
    lines = head.count("<br>") + sub.count("<br>") + 2
    _style(fig, head, sub)
    _legible_axes(fig, width)
    # plotly anchors a multi-line title by its first line: put that 30 px below the top, lines 29 px apart
    height = fig.layout.height or 450
    fig.update_layout(title={"yref": "container", "y": 1 - 30 / height, "yanchor": "top"},
                      margin={"t": 30 + 29 * lines, "l": 10, "r": 30,
                              "b": 90 + 34 * legend_rows if legend_rows else 10},
                      showlegend=bool(legend_rows),
                      legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0})
    return fig


def _pct(value: float | None) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.0f} %"


def group_label(by: str, code: object) -> str:
    """How a breakdown group is written: country names, size bands and enumeration labels in words."""
    from analysis.filters import SIZE_BAND_LABELS
    if by == "country":
        return country_name(str(code))
    if by == "size_band":
        label = SIZE_BAND_LABELS.get(str(code), str(code))
        return label[:1].upper() + label[1:]
    field = schema.FIELDS_BY_NAME.get(by)
    if field is not None and field.choices:
        return dict(field.choices).get(str(code), str(code))
    if isinstance(code, bool):
        return "Yes" if code else "No"
    return str(code)


def digitisation_levels(frame: pd.DataFrame, caption: str, target: float | None = None,
                        target_label: str = "Target") -> go.Figure:
    """Grouped horizontal bars per level (catalogued … in Europeana): unweighted mean and collection-weighted
    mean side by side, each labelled with its n; the digitisation target as a marker on the digitised row."""
    rows = frame.reset_index(drop=True)
    labels = list(rows["label"])
    fig = go.Figure()
    fig.add_bar(y=labels, x=rows["mean"], orientation="h", name="Unweighted mean (each museum counts once)",
                marker_color=PALETTE[0], text=[f"{_pct(v)} · n={n}" if pd.notna(v) else f"n={n}, not shown"
                                               for v, n in zip(rows["mean"], rows["n"])],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f} % (unweighted mean)<extra></extra>")
    fig.add_bar(y=labels, x=rows["weighted_mean"], orientation="h",
                name="Collection-weighted (share of objects)", marker_color=PALETTE[1],
                text=[f"{_pct(v)} · n={n}" if pd.notna(v) else f"n={n}, not shown"
                      for v, n in zip(rows["weighted_mean"], rows["n_weighted"])],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f} % of objects<extra></extra>")
    if target is not None and "pct_digitised" in set(rows["metric"]):
        digitised = rows.loc[rows["metric"] == "pct_digitised", "label"].iloc[0]
        fig.add_scatter(y=[digitised], x=[target], mode="markers+text", name=target_label,
                        text=[f"  target {_pct(target)}"], textposition="middle right",
                        textfont={"color": TARGET_COLOUR}, cliponaxis=False,
                        marker={"symbol": "line-ns", "size": 46, "line": {"width": 4, "color": TARGET_COLOUR}},
                        hovertemplate=f"{target_label}: %{{x:.0f}} %<extra></extra>")
    fig.update_xaxes(title="Share of collection (%)", range=[0, 118], tickvals=[0, 20, 40, 60, 80, 100])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_layout(barmode="group", height=max(460, 110 * len(rows) + 220), bargap=0.25)
    by_metric = dict(zip(rows["metric"], rows["mean"]))
    digitised, online = by_metric.get("pct_digitised"), by_metric.get("pct_online")
    if digitised is not None and pd.notna(digitised):
        title = f"Museums have digitised {_pct(digitised)} of their collections on average"
        if online is not None and pd.notna(online):
            title += f"; {_pct(online)} is online"
    else:
        title = "Too few answers to report digitisation levels"
    hidden = int(rows["suppressed"].sum())
    note = f"; {hidden} level{'s' if hidden != 1 else ''} with fewer than 5 answers not shown" if hidden else ""
    return _titled(fig, title, caption + note, legend_rows=2)


def rights_status(frame: pd.DataFrame, caption: str) -> go.Figure:
    """One 100 % bar: mean share of online material that is openly licensed, restricted or of unknown rights."""
    colours = {"pct_online_open": PALETTE[2], "pct_online_restricted": PALETTE[1],
               "pct_online_rights_unknown": PALETTE[3]}
    short = {"pct_online_open": "Open", "pct_online_restricted": "Restricted",
             "pct_online_rights_unknown": "Unknown"}
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    row_label = f"Online material (n={n})"
    fig = go.Figure()
    shown = not frame["suppressed"].any() and len(frame)
    for r in frame.itertuples():                 # segments labelled in place: no legend to decode
        fig.add_bar(y=[row_label], x=[r.mean_share if shown else None], orientation="h", name=r.label,
                    marker_color=colours.get(r.rights, PALETTE[4]),
                    text=[f"{short.get(r.rights, r.label)}<br>{_pct(r.mean_share)}"],
                    textposition="inside", insidetextanchor="middle", textfont={"size": FONT_SIZE},
                    hovertemplate=f"{r.label}: %{{x:.1f}} % of online material<extra></extra>")
    fig.update_xaxes(title="Mean share of material online (%)", range=[0, 100])
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(barmode="stack", height=380, bargap=0.15)
    if shown:
        values = dict(zip(frame["rights"], frame["mean_share"]))
        title = (f"{_pct(values['pct_online_rights_unknown'])} of material online has unknown rights; "
                 f"{_pct(values['pct_online_open'])} is openly licensed")
    else:
        title = "Too few answers on the rights of online material"
        fig.add_annotation(text="Fewer than 5 museums gave all three rights shares", showarrow=False,
                           x=50, y=0, font={"size": FONT_SIZE})
    return _titled(fig, title, f"{caption}; unweighted means over museums that gave all three shares (n={n})",
                   width=HALF_WIDTH_CHARS)


def on_track(frame: pd.DataFrame, caption: str, target_text: str) -> go.Figure:
    """Museums per status against the digitisation target: reached, on track, behind pace, cannot be judged."""
    colours = {"reached": PALETTE[2], "on_track": PALETTE[4], "behind": PALETTE[3],
               "no_earlier_answer": NO_DATA_COLOUR}
    rows = frame.reset_index(drop=True)
    n = int(rows["n"].iloc[0]) if len(rows) else 0
    fig = go.Figure(go.Bar(
        y=list(rows["label"]), x=rows["museums"], orientation="h",
        marker_color=[colours.get(s, PALETTE[0]) for s in rows["status"]],
        text=[f"{m} ({s:.0f} %)" if pd.notna(m) else "" for m, s in zip(rows["museums"], rows["share"])],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x} museums<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    largest = max([m for m in rows["museums"] if pd.notna(m)], default=0)
    fig.update_xaxes(title="Museums", range=[0, max(largest, 1) * 1.3])
    fig.update_layout(height=420, showlegend=False)
    counts = {s: (0 if pd.isna(m) else int(m)) for s, m in zip(rows["status"], rows["museums"])}
    judged = counts.get("on_track", 0) + counts.get("behind", 0)
    if rows["suppressed"].any() or not n:
        title = "Too few answers to judge progress towards the target"
    elif judged:
        lead = "Only " if counts["on_track"] < judged / 2 else ""
        title = (f"{lead}{counts['on_track']} of {judged} museums short of the target are on pace for "
                 f"{target_text}")
    else:
        title = (f"{counts.get('reached', 0)} of {n} museums have reached {target_text}; "
                 "no earlier answers to measure the others' pace")
    return _titled(fig, title, f"{caption}; n = {n} museums with a known gap to target")


def milestones_3d(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Share of immovable assets digitised in 3D (at risk, most visited) against the 2025 and 2030 milestones
    of Recommendation (EU) 2021/1970."""
    rows = frame.reset_index(drop=True)
    short = {"at_risk": "At risk", "most_visited": "Most visited"}
    labels = [f"{short.get(r.asset, r.label)}<br>n={r.n} museums"
              + (f"<br>{int(r.assets)} sites" if pd.notna(r.assets) else "") for r in rows.itertuples()]
    fig = go.Figure()
    bar = 0.36                                     # bar width, in categories
    fig.add_bar(x=labels, y=rows["share_3d"], name="Digitised in 3D", marker_color=PALETTE[0], width=bar,
                text=[_pct(v) if pd.notna(v) else "" for v in rows["share_3d"]], textposition="inside",
                insidetextanchor="end", textfont={"color": "white", "size": FONT_SIZE + 2},
                hovertemplate="%{x}: %{y:.1f} % in 3D<extra></extra>")
    for r, label in zip(rows.itertuples(), labels):
        if pd.isna(r.share_3d):
            fig.add_annotation(x=label, y=8, text="fewer than 5<br>museums:<br>not shown", showarrow=False,
                               font={"size": FONT_SIZE - 2})
    for year, column, colour in ((2025, "target_2025", PALETTE[3]), (2030, "target_2030", TARGET_COLOUR)):
        # a tick across the bar at the milestone, its value written from the bar's right edge (an annotation at the
        # category's index plus half a bar), so that it clears the bar's own label however wide the chart is
        fig.add_scatter(x=labels, y=rows[column], mode="markers", name=f"{year} milestone",
                        marker={"symbol": "line-ew", "size": 50, "line": {"width": 5, "color": colour}},   # < a bar
                        cliponaxis=False, hovertemplate=f"{year} milestone: %{{y:.0f}} %<extra></extra>")
        for i, value in enumerate(rows[column]):
            if pd.notna(value):
                fig.add_annotation(x=i + bar / 2, y=value, text=f"{year}: {_pct(value)}", showarrow=False,
                                   xanchor="left", xshift=8, font={"color": colour, "size": FONT_SIZE - 2})
    fig.update_yaxes(title="Sites digitised in 3D (%)", range=[0, 105], tickvals=[0, 20, 40, 60, 80, 100])
    fig.update_xaxes(range=[-0.5, len(rows) - 0.1], tickangle=0)   # room right of the last bar for its labels
    fig.update_layout(height=520)
    shown = rows[~rows["suppressed"]]
    if shown.empty:
        title = "Too few museums manage monuments and sites to report 3D progress"
    else:
        first = shown.iloc[0]
        met = first["share_3d"] >= first["target_2025"] if pd.notna(first["target_2025"]) else None
        title = (f"{_pct(first['share_3d'])} of {first['label'].lower()} are digitised in 3D"
                 + ("" if met is None else f": {'above' if met else 'below'} the 2025 milestone of "
                    f"{_pct(first['target_2025'])}"))
    hidden = int(rows["suppressed"].sum())
    note = f"; {hidden} asset type{'s' if hidden != 1 else ''} with fewer than 5 museums not shown" if hidden else ""
    return _titled(fig, title, f"{caption}; museums that manage such sites{note}", width=HALF_WIDTH_CHARS)


def distribution_box(frame: pd.DataFrame, by: str, metric_label: str, caption: str,
                     target: float | None = None, target_label: str = "Target") -> go.Figure:
    """Box per group drawn from precomputed quartiles (never raw points): box = middle half of museums,
    line = median, whiskers = lowest and highest museum; unweighted and collection-weighted means marked,
    the target as a vertical line; groups with n < 5 left out and counted in the subtitle."""
    shown = frame[~frame["suppressed"]].sort_values("median", ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    fig.add_trace(go.Box(y=labels, q1=shown["q1"], median=shown["median"], q3=shown["q3"],
                         lowerfence=shown["min"], upperfence=shown["max"], orientation="h", boxpoints=False,
                         name="Museums: middle half (box), median (line), range (whiskers)",
                         marker_color=PALETTE[0], fillcolor="rgba(0,114,178,0.25)"))
    fig.add_scatter(y=labels, x=shown["mean"], mode="markers", name="Unweighted mean",
                    marker={"symbol": "circle", "size": 13, "color": PALETTE[3], "line": {"width": 1, "color": "white"}},
                    hovertemplate="%{y}: unweighted mean %{x:.1f} %<extra></extra>")
    fig.add_scatter(y=labels, x=shown["weighted_mean"], mode="markers", name="Collection-weighted mean",
                    marker={"symbol": "diamond", "size": 15, "color": PALETTE[1], "line": {"width": 1, "color": "black"}},
                    hovertemplate="%{y}: collection-weighted %{x:.1f} %<extra></extra>")
    if target is not None:
        line = {"color": TARGET_COLOUR, "width": 3, "dash": "dash"}
        fig.add_vline(x=target, line=line)
        fig.add_scatter(x=[None], y=[None], mode="lines", line=line, name=target_label)   # its legend entry
    fig.update_xaxes(title=f"{metric_label} (%)", range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(480, 46 * len(shown) + 330), boxgap=0.35)
    hidden = int(frame["suppressed"].sum())
    note = f"; {hidden} group{'s' if hidden != 1 else ''} with fewer than 5 answers not shown" if hidden else ""
    if len(shown) >= 2:
        # the median's standard error is about 1.25 times the mean's: its interval from the mean's spread
        ranking = findings.rank([_estimate(group_label(by, r.group), r.median, r, sd_scale=1.2533)
                                 for r in shown.itertuples()])
        high, low = ranking.top, ranking.bottom
        if ranking.top_holds and ranking.bottom_holds:
            title = f"{metric_label}: median from {_pct(low.value)} in {low.name} to {_pct(high.value)} in {high.name}"
        else:
            singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
            title = (f"{metric_label}: medians from {_pct(low.value)} to {_pct(high.value)} across {len(shown)} "
                     f"{plural}; {ranking.why_not(singular)}")
    elif len(shown) == 1:
        title = f"{metric_label}: median {_pct(shown['median'].iloc[0])} in {group_label(by, shown['group'].iloc[0])}"
    else:
        title = "Too few answers per group to compare"
        fig.add_annotation(text="No group has 5 or more answers", showarrow=False, x=50, y=0.5,
                           xref="x", yref="paper", font={"size": FONT_SIZE})
        fig.update_yaxes(visible=False)
    return _titled(fig, title, caption + note, legend_rows=3)


# --- Europe map ----------------------------------------------------------------------------------------
MAP_NO_ANSWER_COLOUR = "#EEEEEE"      # countries nobody in this view answered for
MAP_SUPPRESSED_COLOUR = "#B0B0B0"     # fewer than 5 answers: not shown (Viridis has no grey, so no clash)
MAP_LON_RANGE, MAP_LAT_RANGE = (-25.0, 45.0), (34.0, 71.5)   # Iceland to the Urals' foot, Crete to North Cape


def map_value(value: float, unit: str, precise: bool = False) -> str:
    """'62 %', '12 pp', 'EUR 3.4 M', 'EUR 0.12 M', '0.42': how a map value is written (more digits on hover)."""
    if unit in ("%", "pp"):
        return f"{value:.1f} {unit}" if precise else f"{value:.0f} {unit}"
    if unit == "EUR M":
        return formats.money(value * 1e6, 2 if precise else 1)
    if unit.startswith("EUR "):
        digits = 2 if precise else (1 if unit == "EUR M" else 0)
        return f"EUR {value:,.{digits}f} {unit[4:]}"
    if unit == "index":
        return f"{value:.3f}" if precise else f"{value:.2f}"
    return f"{value:,.2f} {unit}".strip() if precise else f"{value:,.1f} {unit}".strip()


def map_label(value: float, unit: str) -> str:
    """The number printed on a country, without its unit (the colour bar carries it): '62', '3.4', '0.42'."""
    if unit == "index":
        return f"{value:.2f}"
    if unit == "EUR M" and abs(value) < 100:
        return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"
    return f"{value:,.0f}"


def europe_map(frame: pd.DataFrame, metric_label: str, caption: str, geojson: dict, unit: str = "") -> go.Figure:
    """Choropleth of one metric per country over the shipped Europe GeoJSON (no tiles, no basemap).

    frame: one row per country with `country` (ISO alpha-2), `n`, `value` and `suppressed`, as
    analysis.metrics.country_values returns it. Countries with fewer than 5 answers are drawn mid grey and
    named in the subtitle; countries nobody answered for are light grey; codes the geometry lacks are named.
    """
    features = {f["properties"]["iso_a2"]: f["properties"] for f in geojson["features"]}

    def name(code: str) -> str:
        named = country_name(code)
        return features[code]["name"] if named == code and code in features else named

    on_map = frame["country"].isin(list(features))
    shown = frame[on_map & ~frame["suppressed"] & frame["value"].notna()].sort_values("value", ascending=False)
    hidden = frame[on_map & ~frame.index.isin(shown.index)]
    off_map = frame[~on_map]
    absent = [code for code in features if code not in set(frame["country"])]

    fig = go.Figure()
    # Value labels first: plotly.js fetches a world topojson from its CDN for a geo subplot whose FIRST trace
    # has a `locationmode` (every choropleth has one); a lon/lat scattergeo first keeps the map offline.
    fig.add_scattergeo(lon=[features[c]["label_lon"] for c in shown["country"]],
                       lat=[features[c]["label_lat"] for c in shown["country"]],
                       text=[map_label(v, unit) for v in shown["value"]], mode="text", name="values",
                       textfont={"size": FONT_SIZE - 4, "color": "#000000", "shadow": "auto", "weight": "bold"},
                       hoverinfo="skip", showlegend=False)
    def only(codes) -> dict:      # each trace carries just its own outlines: the geometry is sent once, not 3x
        wanted = set(codes)
        return {"type": "FeatureCollection",
                "features": [f for f in geojson["features"] if f["properties"]["iso_a2"] in wanted]}

    fig.add_choropleth(geojson=only(absent), featureidkey="properties.iso_a2", locations=absent, name="No answers",
                       z=[0] * len(absent), colorscale=[[0, MAP_NO_ANSWER_COLOUR], [1, MAP_NO_ANSWER_COLOUR]],
                       showscale=False, marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       customdata=[name(c) for c in absent], hovertemplate="%{customdata}: no answers<extra></extra>")
    fig.add_choropleth(geojson=only(hidden["country"]), featureidkey="properties.iso_a2",
                       locations=list(hidden["country"]),
                       z=[0] * len(hidden), name="Fewer than 5 answers", showscale=False,
                       colorscale=[[0, MAP_SUPPRESSED_COLOUR], [1, MAP_SUPPRESSED_COLOUR]],
                       marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       customdata=[[name(c), int(n)] for c, n in zip(hidden["country"], hidden["n"])],
                       hovertemplate="%{customdata[0]}: fewer than 5 answers (n = %{customdata[1]})<extra></extra>")
    fig.add_choropleth(geojson=only(shown["country"]), featureidkey="properties.iso_a2",
                       locations=list(shown["country"]),
                       z=list(shown["value"]), name=metric_label, colorscale="Viridis",
                       marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       colorbar={"title": {"text": unit, "side": "top"}, "thickness": 22, "len": 0.8,
                                 "tickfont": {"size": FONT_SIZE - 2}, "x": 1.0},
                       customdata=[[name(c), map_value(v, unit, precise=True), int(n)]
                                   for c, v, n in zip(shown["country"], shown["value"], shown["n"])],
                       hovertemplate="%{customdata[0]}: %{customdata[1]} (n = %{customdata[2]})<extra></extra>")
    fig.update_geos(visible=False, showframe=False, bgcolor="rgba(0,0,0,0)",
                    projection={"type": "conic conformal", "parallels": [43, 62], "rotation": {"lon": 10}},
                    lonaxis_range=list(MAP_LON_RANGE), lataxis_range=list(MAP_LAT_RANGE))

    if len(shown) >= 2:
        ranking = findings.rank([_estimate(name(r.country), r.value, r)
                                 for r in shown.itertuples()])
        top, low = ranking.top, ranking.bottom
        ends = [f"highest in {top.name} ({map_value(top.value, unit)})" if ranking.top_holds else "",
                f"lowest in {low.name} ({map_value(low.value, unit)})" if ranking.bottom_holds else ""]
        if any(ends):
            title = f"{metric_label}: " + ", ".join(e for e in ends if e)
        else:
            title = (f"{metric_label}: from {map_value(low.value, unit)} to {map_value(top.value, unit)} across "
                     f"{len(shown)} countries; {ranking.why_not('country')}")
    elif len(shown) == 1:
        only = shown.iloc[0]
        title = (f"{metric_label}: {map_value(only['value'], unit)} in {name(only['country'])}, "
                 "the only country with 5 or more answers")
    else:
        title = f"{metric_label}: too few answers per country to map"
        fig.add_annotation(text="No country has 5 or more answers to this question", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper", font={"size": FONT_SIZE},
                           bgcolor="rgba(255,255,255,0.85)")
    answered = int(frame["n"].sum())
    lines = [f"{caption}; n = {answered:,} museum{'s' if answered != 1 else ''} answered, "
             f"{len(shown)} countr{'y' if len(shown) == 1 else 'ies'} shown"]
    grey = "Light grey: no answers"
    if len(hidden):
        grey += f"; mid grey, fewer than 5 answers: {', '.join(name(c) for c in sorted(hidden['country']))}"
    lines.append(grey)
    if len(off_map):
        lines.append(f"Not on this map: {', '.join(name(c) for c in sorted(off_map['country']))}")
    if len(title) > 80:          # metric on the first line (what downloads use as the title), finding below
        finding = title[len(metric_label) + 2:]
        title = "<br>".join([*textwrap.wrap(metric_label + ":", 80), *textwrap.wrap(finding, 80)])
    lines = [part for line in lines for part in textwrap.wrap(line, 110)]
    fig.update_layout(height=900, dragmode=False)
    _style(fig, title, "<br>".join(lines))
    fig.update_layout(margin={"l": 10, "r": 10, "t": 80 + 32 * (title.count("<br>") + len(lines)), "b": 10})
    return fig


# --- Skills & AI page ----------------------------------------------------------------------------------
GAP_COLOUR = PALETTE[3]               # vermillion: below the target, a gap, a shortfall
MET_COLOUR = PALETTE[0]               # blue: at or above the target, or neutral
GROUP_NOUNS = {"country": ("country", "countries"), "museum_type": ("museum type", "museum types"),
                "size_band": ("size band", "size bands"), "ownership": ("ownership group", "ownership groups")}


def _not_shown(count: int, singular: str = "group", plural: str | None = None) -> str:
    """'; 2 countries with fewer than 5 answers not shown', or '' when nothing was suppressed."""
    if not count:
        return ""
    return f"; {count} {singular if count == 1 else plural or singular + 's'} with fewer than 5 answers not shown"


def _too_few(fig: go.Figure, n: int) -> None:
    fig.add_annotation(text=f"Too few answers to show (n = {n}; at least 5 needed)", showarrow=False,
                       xref="paper", yref="paper", x=0.5, y=0.5, font={"size": FONT_SIZE})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)


def _first_n(frame: pd.DataFrame) -> int:
    return int(frame["n"].iloc[0]) if len(frame) else 0


def _eur_m(value: float | None, digits: int = 1) -> str:
    return formats.money(value, digits)


def _headed(fig: go.Figure, title: str, subtitle: str, width: int = 40, plot_height: int = 380,
            legend_rows: int = 0, line_label: bool = False) -> go.Figure:
    """House style for a chart that may sit in half a page: title and subtitle wrapped to `width` characters, the
    legend (if any, `legend_rows` rows) on top under the subtitle, room for a reference line's label, and the
    figure made taller by the header so that the plot area keeps `plot_height` pixels."""
    head, sub = _wrap_figures(title, width), _wrap_figures(subtitle, int(width * 1.4))
    _style(fig, head, sub)
    rows, row_lines = _legible_axes(fig, width)
    plot_height = max(plot_height, 80 + rows * (22 * row_lines + 10))    # wrapped row labels clear each other
    lines = head.count("<br>") + sub.count("<br>") + 2
    legend_px, label_px = 30 * legend_rows, 34 * line_label
    top = 34 + 26 * lines + legend_px + label_px + 6
    # plotly puts the first line's baseline, not its top, at the padding: 26 px leave room for its ascenders
    fig.update_layout(height=plot_height + top, margin={"t": top, "l": 10, "r": 30, "b": 10},
                      showlegend=legend_rows > 0,
                      title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 26}})
    if legend_rows:       # just above the plot area, under the subtitle (and above a reference line's label)
        fig.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1 + (label_px + 4) / plot_height,
                                  "x": 0, "xanchor": "left", "traceorder": "normal",
                                  "font": {"size": FONT_SIZE - 2}})
    return fig


def _wrap_figures(text: str, width: int) -> str:
    """_wrap, never breaking a figure from its unit ('EUR 75.9 M', '7 %', 'n = 208')."""
    import re
    kept = re.sub(r"(\d) (%|M\b|k\b|pp\b|points\b)", "\\1\u00a0\\2", text)
    kept = re.sub(r"\bn = (\d)", "n\u00a0=\u00a0\\1", kept)
    kept = re.sub(r"\bEUR (\d)", "EUR\u00a0\\1", kept)
    return _wrap(kept, width).replace("\u00a0", " ")


def _stack_label(text: str, width: int = 12) -> str:
    """A category label broken over lines so that vertical-bar ticks need no rotation."""
    return _wrap(text, width)


def skills_profile(frame: pd.DataFrame, caption: str) -> go.Figure:
    """DigComp 2.2 profile: mean self-assessed staff level per area (n in each label) against the target level
    (a dashed line, or markers where museums' targets differ); areas below target in vermillion."""
    shown = frame[~frame["suppressed"]].sort_values("mean_level", ascending=False)   # lowest drawn on top
    labels = [f"{a} (n={n})" for a, n in zip(shown["label"], shown["n"])]
    below = list(shown["mean_level"] < shown["target_level"])
    fig = go.Figure(go.Bar(
        y=labels, x=shown["mean_level"], orientation="h", name="Mean level (self-assessed)",
        marker_color=[GAP_COLOUR if b else MET_COLOUR for b in below],
        hovertemplate="%{y}: mean level %{x:.2f}<extra></extra>"))
    # each bar's label starts right of its bar or of the target, whichever is further: the target line never
    # runs through it (a bar's own text starts at the bar's end, and most bars end just short of the target)
    for label, v, p, t in zip(labels, shown["mean_level"], shown["pct_below_target"], shown["target_level"]):
        fig.add_annotation(y=label, x=max(v, t), text=f"{v:.1f} · {p:.0f} % of museums below target",
                           xanchor="left", xshift=8, showarrow=False, font={"size": FONT_SIZE})
    targets = sorted({round(float(t), 6) for t in shown["target_level"]})
    if len(targets) == 1:
        fig.add_vline(x=targets[0], line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                      annotation_text=f"Target: level {targets[0]:g}", annotation_position="top",
                      annotation_font_size=FONT_SIZE - 2)
    elif targets:
        fig.add_scatter(y=labels, x=shown["target_level"], mode="markers", name="Target level (mean of museums')",
                        marker={"symbol": "line-ns", "size": 40, "line": {"width": 4, "color": TARGET_COLOUR}})
    fig.update_xaxes(title="Mean self-assessed DigComp 2.2 level (1–8)", range=[0, 8.2], dtick=1)
    target_text = f"DigComp level {targets[0]:g}" if len(targets) == 1 else "their target level"
    if shown.empty:
        title = "Too few answers to profile staff digital skills"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        gaps = findings.rank([_estimate(r.label, r.target_level - r.mean_level, r)
                              for r in shown.itertuples()])
        level = dict(zip(shown["label"], shown["mean_level"]))
        if gaps.top_holds:
            behind = f"furthest behind in {gaps.top.name.lower()} ({level[gaps.top.name]:.1f})"
        else:
            behind = f"mean levels {min(level.values()):.1f} to {max(level.values()):.1f}"
        k, total = sum(below), len(shown)
        where = f"all {total} areas" if total > 1 else "the one area shown"
        if k == total:
            title = f"Staff are below {target_text} in {where} on average; {behind}"
        elif k:
            title = f"Staff are below {target_text} in {k} of {total} areas on average; {behind}"
        else:
            title = f"Staff reach {target_text} in {where} on average"
    note = _not_shown(int(frame["suppressed"].sum()), "area")
    return _headed(fig, title, f"{caption}; typical level of staff, self-assessed by each museum{note}", width=80,
                   plot_height=max(300, 72 * len(shown) + 90), legend_rows=int(len(targets) > 1),
                   line_label=len(targets) == 1)


def ai_literacy_levels(frame: pd.DataFrame, caption: str, safe_level: int = 3) -> go.Figure:
    """Share of museums by the typical AI-literacy level of their staff (1 none … 4 can deploy and evaluate);
    levels below 'can use safely' in vermillion."""
    n = _first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = "Too few answers on staff AI literacy"
        _too_few(fig, n)
    else:
        fig.add_bar(x=[_stack_label(f"{lv} {lab}") for lv, lab in zip(frame["level"], frame["label"])],
                    y=frame["share"],
                    marker_color=[GAP_COLOUR if lv < safe_level else MET_COLOUR for lv in frame["level"]],
                    text=[f"{s:.0f} %" for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate="%{x}: %{y:.1f} % (%{customdata} museums)<extra></extra>")
        fig.update_yaxes(title="Share of museums (%)", range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title="AI-literacy level of staff", tickangle=0)
        low = float(frame.loc[frame["level"] < safe_level, "share"].sum())
        safe = frame.loc[frame["level"] == safe_level, "label"]
        title = (f"In {low:.0f} % of museums, staff are below '{safe.iloc[0].lower() if len(safe) else 'safe use'}' "
                 "in AI literacy")
    return _headed(fig, title, f"{caption}; n = {n} museums that answered; AI Act Art. 4 asks for a sufficient "
                               "level of AI literacy of all staff", plot_height=400)


def ai_training_gap(overall_mean: float | None, overall_n: int, by_group: pd.DataFrame, by: str, caption: str,
                    target: float = 100.0) -> go.Figure:
    """Mean % of staff trained in AI literacy in the last 12 months, all museums and per group (`distribution`
    frame: group, n, mean, suppressed), against the AI Act Art. 4 target (a dashed line at `target`)."""
    shown = by_group[~by_group["suppressed"]]
    if by == "size_band":
        order = {band: i for i, (band, _) in enumerate(schema.SIZE_BANDS)}
        shown = shown.sort_values("group", key=lambda s: s.map(order))
    has_overall = overall_mean is not None and not pd.isna(overall_mean)
    labels = ([f"All museums (n={overall_n})"] if has_overall else []) + [
        f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    values = ([float(overall_mean)] if has_overall else []) + [float(v) for v in shown["mean"]]
    fig = go.Figure(go.Bar(y=labels, x=values, orientation="h", name="Staff trained in the last 12 months",
                           marker_color=[MET_COLOUR if has_overall and i == 0 else PALETTE[4]
                                         for i in range(len(values))],
                           text=[f"{v:.0f} %" for v in values], textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:.1f} % of staff trained<extra></extra>"))
    fig.add_vline(x=target, line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                  annotation_text=f"AI Act Art. 4: {target:.0f} %", annotation_position="top left",
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title="Staff trained, last 12 months (%)", range=[0, 108])
    fig.update_yaxes(autorange="reversed")
    if has_overall:
        title = (f"Museums trained {overall_mean:.0f} % of their staff in AI literacy in the last 12 months on "
                 f"average: {target - overall_mean:.0f} points short of the AI Act's {target:.0f} %")
    else:
        title = "Too few answers on AI-literacy training"
        _too_few(fig, overall_n)
    singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
    note = _not_shown(int(by_group["suppressed"].sum()), singular, plural)
    return _headed(fig, title, f"{caption}; unweighted mean of museums' shares{note}",
                   plot_height=max(260, 62 * len(values) + 90), line_label=True)


def digital_staff_share(frame: pd.DataFrame, by: str, caption: str, baseline: float) -> go.Figure:
    """Digital staff as % of paid staff (FTE) per group: unweighted mean of museums' shares (bars) and the pooled
    share, sum of digital FTE / sum of paid FTE (diamonds), against the ENUMERATE baseline (dashed line)."""
    shown = frame[~frame["suppressed"]]
    labels = [f"{group_label(by, g) if by else g} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["mean_pct"], orientation="h", name="Mean of museums' shares",
                marker_color=[GAP_COLOUR if v < baseline else MET_COLOUR for v in shown["mean_pct"]],
                text=[f"{v:.1f} %" for v in shown["mean_pct"]], textposition="auto", insidetextanchor="start",
                insidetextfont={"color": "white"}, hovertemplate="%{y}: mean %{x:.2f} % of paid FTE<extra></extra>")
    fig.add_scatter(y=labels, x=shown["pooled_pct"], mode="markers", name="Pooled: all digital ÷ all paid FTE",
                    marker={"symbol": "diamond", "size": 15, "color": PALETTE[1], "line": {"width": 1, "color": "black"}},
                    hovertemplate="%{y}: pooled %{x:.2f} % of paid FTE<extra></extra>")
    upper = max([baseline, *shown["mean_pct"].dropna(), *shown["pooled_pct"].dropna()]) * 1.2
    # the line's label above the plot (in the strip _headed keeps for it), on the side of the line with more room:
    # centred on a line near the right end it runs off the chart
    fig.add_vline(x=baseline, line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                  annotation_text=f"ENUMERATE 2012: {baseline:g} %",
                  annotation_position="top left" if baseline > upper / 2 else "top right",
                  annotation={"xshift": -6 if baseline > upper / 2 else 6, "yanchor": "bottom"},
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title="Digital staff, % of paid FTE", range=[0, upper])
    fig.update_yaxes(autorange="reversed")
    singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
    if shown.empty:
        title = "Too few answers on digital staff"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        below = shown[shown["mean_pct"] < baseline]
        lowest = shown.loc[shown["mean_pct"].idxmin()]
        low_text = f"{group_label(by, lowest['group']) if by else lowest['group']}: {lowest['mean_pct']:.1f} %"
        if len(shown) == 1:
            verb = "below" if len(below) else "at or above"
            title = f"Digital staff share is {verb} the ENUMERATE {baseline:g} % baseline ({low_text})"
        else:
            ranking = findings.rank([_estimate(group_label(by, r.group) if by else r.group, r.mean_pct, r) for r in shown.itertuples()])
            lowest_part = (f"lowest: {low_text}" if ranking.bottom_holds else
                           f"means {ranking.bottom.value:.1f} % to {ranking.top.value:.1f} %")
            title = (f"{len(below)} of {len(shown)} {plural} are below the ENUMERATE {baseline:g} % digital-staff "
                     f"baseline; {lowest_part}")
    note = _not_shown(int(frame["suppressed"].sum()), singular, plural)
    return _headed(fig, title, f"{caption}; museums that gave digital and paid FTE{note}",
                   plot_height=max(260, 70 * len(shown) + 90), legend_rows=2, line_label=True)


def choice_bars(frame: pd.DataFrame, caption: str, singular: str, highlight: tuple[str, ...] = (),
                highlight_name: str = "", other_name: str = "") -> go.Figure:
    """Share of museums choosing each option of a several-answers question (`choice_counts` frame), largest on
    top; options in `highlight` (e.g. EU programmes) in a second colour with their own legend entry."""
    n = _first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = f"Too few answers to rank {singular}s"
        _too_few(fig, n)
        height = 260
    else:
        rows = frame.sort_values("share")
        labels = list(rows["label"])
        parts = ([(highlight_name, rows["answer"].isin(highlight), MET_COLOUR),
                  (other_name, ~rows["answer"].isin(highlight), PALETTE[4])] if highlight
                 else [("Museums choosing it", rows["answer"] == rows["answer"], MET_COLOUR)])
        for name, mask, colour in parts:
            part = rows[mask]
            fig.add_bar(y=part["label"], x=part["share"], orientation="h", name=name, marker_color=colour,
                        text=[f"{s:.0f} %" for s in part["share"]], textposition="outside", cliponaxis=False,
                        customdata=part["museums"],
                        hovertemplate="%{y}: %{x:.1f} % (%{customdata} museums)<extra></extra>")
        fig.update_yaxes(categoryorder="array", categoryarray=labels)
        fig.update_xaxes(title="Share of museums (%)", range=[0, float(rows["share"].max()) * 1.25 or 1])
        ranking = findings.rank([findings.Estimate.share(r.label, r.share, r.n) for r in rows.itertuples()])
        top = ranking.top
        if len(ranking.groups) == 1:
            title = f"{top.name}: {top.value:.0f} % of museums"
        elif ranking.top_holds:
            title = f"{top.name} is the most common {singular}: {top.value:.0f} % of museums"
        else:
            second = ranking.groups[1]
            title = (f"{top.name} ({top.value:.0f} %) and {formats.mid_sentence(second.name)} ({second.value:.0f} %) are the two most "
                     f"common {singular}s; {ranking.why_not(singular)}")
        height = max(240, 46 * len(rows) + 90)
    fig.update_layout(barmode="overlay")
    return _headed(fig, title, f"{caption}; n = {n} museums that answered; several answers allowed",
                   plot_height=height, legend_rows=int(bool(highlight)))


def ai_adoption(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Share of museums at each AI adoption stage (`ordered_shares` of ai_status), none → in production."""
    n = _first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = "Too few answers on AI adoption"
        _too_few(fig, n)
    else:
        fig.add_bar(x=frame["label"], y=frame["share"],
                    marker_color=[GAP_COLOUR if a == "none" else MET_COLOUR for a in frame["answer"]],
                    text=[f"{s:.0f} %" for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate="%{x}: %{y:.1f} % (%{customdata} museums)<extra></extra>")
        fig.update_yaxes(title="Share of museums (%)", range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title="AI adoption stage")
        share = dict(zip(frame["answer"], frame["share"]))
        title = (f"{share.get('none', 0):.0f} % of museums do not use AI yet; "
                 f"{share.get('in_production', 0):.0f} % have it in production")
    return _headed(fig, title, f"{caption}; n = {n} museums that answered", plot_height=400)


def infra_adequacy(frame: pd.DataFrame, caption: str, midpoint: float = 3.0) -> go.Figure:
    """Mean adequacy rating (1 very poor … 5 excellent) of storage, compute/cloud, network and capture equipment
    (`column_means` frame), each with its n; ratings below the scale midpoint in vermillion."""
    shown = frame[~frame["suppressed"]].sort_values("mean", ascending=False)
    labels = [f"{lab.removesuffix(' is adequate')} (n={n})" for lab, n in zip(shown["label"], shown["n"])]
    fig = go.Figure(go.Bar(y=labels, x=shown["mean"], orientation="h", name="Mean rating",
                           marker_color=[GAP_COLOUR if v < midpoint else MET_COLOUR for v in shown["mean"]],
                           text=[f"{v:.1f}" for v in shown["mean"]], textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: mean rating %{x:.2f} of 5<extra></extra>"))
    fig.add_vline(x=midpoint, line={"color": TARGET_COLOUR, "width": 2, "dash": "dot"},
                  annotation_text=f"{midpoint:g} = midpoint", annotation_position="top",
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title="Mean rating (1–5)", range=[0, 5.6], tickvals=[1, 2, 3, 4, 5])
    fig.update_yaxes(autorange="reversed")
    if shown.empty:
        title = "Too few answers on infrastructure"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([_estimate(r.label.removesuffix(" is adequate"), r.mean, r)
                                 for r in shown.itertuples()])
        if len(ranking.groups) == 1:
            title = f"{ranking.bottom.name} is rated {ranking.bottom.value:.1f} on a 1–5 scale"
        elif ranking.bottom_holds:
            title = f"{ranking.bottom.name} is rated least adequate: {ranking.bottom.value:.1f} on a 1–5 scale"
        else:
            title = (f"Infrastructure ratings range from {ranking.bottom.value:.1f} to {ranking.top.value:.1f} on a "
                     f"1–5 scale; {ranking.why_not('item')}")
    note = _not_shown(int(frame["suppressed"].sum()), "item")
    return _headed(fig, title, f"{caption}; unweighted means of museums' ratings, 1 = very poor … 5 = excellent"
                               f"{note}", plot_height=max(260, 70 * len(shown) + 90), line_label=True)


READINESS_QUESTION = {"has_digital_strategy": "Digital strategy", "ai_policy": "AI policy",
                      "skills_assessment_done": "Skills needs assessed", "training_plan": "Training plan"}
READINESS_TIERS = (("yes", "In place", PALETTE[2]), ("partial", "On the way", PALETTE[1]),
                   ("no", "None / no", PALETTE[3]))


def strategy_and_policy(frame: pd.DataFrame, caption: str) -> go.Figure:
    """One 100 % bar per question (digital strategy, AI policy, skills needs assessed, training plan), split into
    in place / on the way / none (`metrics.strategy_and_policy` frame), each with its n."""
    questions = list(dict.fromkeys(frame["question"]))
    shown = [q for q in questions if not frame.loc[frame["question"] == q, "suppressed"].any()]
    labels = {q: f"{q} (n={_first_n(frame[frame['question'] == q])})" for q in shown}
    fig = go.Figure()
    for tier, name, colour in READINESS_TIERS:
        rows = frame[frame["tier"] == tier]
        x, text, hover = [], [], []
        for q in shown:
            part = rows[rows["question"] == q]
            share = float(part["share"].sum()) if len(part) else None
            x.append(share)
            text.append(f"{share:.0f} %" if share is not None and share >= 8 else "")
            hover.append(", ".join(part["label"]) if len(part) else "")
        fig.add_bar(y=[labels[q] for q in shown], x=x, orientation="h", name=name, marker_color=colour, text=text,
                    textposition="inside", insidetextanchor="middle", textangle=0, customdata=hover,
                    textfont={"size": FONT_SIZE, "color": "white" if tier != "partial" else "black"},
                    hovertemplate="%{y} – %{customdata}: %{x:.1f} %<extra></extra>")
    fig.update_xaxes(title="Share of museums (%)", range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="stack")
    yes = {f: float(frame.loc[(frame["field"] == f) & (frame["tier"] == "yes"), "share"].sum())
           for f in frame["field"].unique()
           if not frame.loc[frame["field"] == f, "suppressed"].any()}
    if "has_digital_strategy" in yes and "ai_policy" in yes:
        title = (f"{yes['has_digital_strategy']:.0f} % of museums have a written digital strategy; "
                 f"{yes['ai_policy']:.0f} % have adopted an AI policy")
    elif shown:
        q = min(yes, key=yes.get)
        title = f"{READINESS_QUESTION.get(q, q)}: in place at {yes[q]:.0f} % of museums"
    else:
        title = "Too few answers on strategy and policy"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    note = _not_shown(len(questions) - len(shown), "question")
    return _headed(fig, title, f"{caption}; in place = written strategy, adopted policy or yes; on the way = "
                               f"unwritten strategy or policy in preparation{note}",
                   plot_height=max(260, 70 * len(shown) + 90), legend_rows=2)


# --- Funding page --------------------------------------------------------------------------------------
BUDGET_COLOUR = "#666666"             # neutral grey: money available, not a pillar


def need_vs_budget(pillars: pd.DataFrame, totals: dict, caption: str) -> go.Figure:
    """Three bars, EUR millions: total need (stacked by pillar), digital budget × horizon, and total shortfall
    (stacked by pillar), each with its n. `pillars` is `metrics.pillar_funding`; `totals` holds need, n_need,
    available, n_available, shortfall, n_shortfall (from `metrics.summary`)."""
    from analysis.limits import SUPPRESS_BELOW_N as small
    cats = {"need": f"Need (n={totals['n_need']})", "available": f"Budget × horizon (n={totals['n_available']})",
            "shortfall": f"Shortfall (n={totals['n_shortfall']})"}
    ok = {k: totals[f"n_{k}"] >= small and totals[k] is not None for k in cats}
    fig = go.Figure()
    for i, r in enumerate(pillars.itertuples()):
        x = [r.need_eur / 1e6 if ok["need"] and pd.notna(r.need_eur) else None, None,
             r.shortfall_eur / 1e6 if ok["shortfall"] and pd.notna(r.shortfall_eur) else None]
        fig.add_bar(y=list(cats.values()), x=x, orientation="h", name=r.label, marker_color=PALETTE[i % 6],
                    hovertemplate=f"{r.label}: EUR %{{x:,.1f}} M<extra>%{{y}}</extra>")
    fig.add_bar(y=list(cats.values()), x=[None, totals["available"] / 1e6 if ok["available"] else None, None],
                orientation="h", name="Digital budget × horizon", marker_color=BUDGET_COLOUR,
                hovertemplate="Budget × horizon: EUR %{x:,.1f} M<extra></extra>")
    shown = {k: totals[k] for k in cats if ok[k]}
    for k, v in shown.items():
        fig.add_annotation(x=v / 1e6, y=cats[k], text=f" {_eur_m(v)}", showarrow=False, xanchor="left",
                           font={"size": FONT_SIZE})
    largest = max([v / 1e6 for v in shown.values()], default=1)
    fig.update_xaxes(title="EUR millions, over each museum's horizon (default: to 2030)", range=[0, largest * 1.2])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="stack", bargap=0.35)
    if len(shown) == 3:
        title = (f"Museums need {_eur_m(totals['need'])} and can fund {_eur_m(totals['available'])} from their "
                 f"digital budgets: {_eur_m(totals['shortfall'])} short")
    else:
        title = "Too few answers to compare need and budget"
    hidden = [k for k in cats if not ok[k]]
    note = f"; {', '.join(hidden)}: fewer than 5 answers, not shown" if hidden else ""
    pillar_note = ("; pillars with fewer than 5 answers not shown" if pillars["suppressed"].any() and not hidden
                   else "")
    return _headed(fig, title, f"{caption}; the shortfall is summed museum by museum over those that gave need and "
                               f"budget, so it is not need minus budget{note}{pillar_note}", width=84,
                   plot_height=340, legend_rows=2)


def pillar_need_shortfall(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Per investment pillar, EUR millions: total need (museums that answered it) and the shortfall shared out
    to it (museums with need and budget), largest shortfall on top (`metrics.pillar_funding` frame)."""
    shown = frame[~frame["suppressed"]].sort_values("shortfall_eur", ascending=False)
    labels = list(shown["label"])
    n_short = int(frame["n_shortfall"].iloc[0]) if len(frame) else 0
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["need_eur"] / 1e6, orientation="h", name="Need (museums that answered it)",
                marker_color=MET_COLOUR, text=[_eur_m(v) for v in shown["need_eur"]], textposition="outside",
                cliponaxis=False, customdata=shown["n_need"],
                hovertemplate="%{y}: need EUR %{x:,.1f} M (n=%{customdata})<extra></extra>")
    fig.add_bar(y=labels, x=shown["shortfall_eur"] / 1e6, orientation="h",
                name=f"Shortfall (n={n_short} with need and budget)", marker_color=GAP_COLOUR,
                text=[_eur_m(v) for v in shown["shortfall_eur"]], textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: shortfall EUR %{x:,.1f} M<extra></extra>")
    largest = max([*(shown["need_eur"].dropna() / 1e6), 0]) or 1
    # room right of the longest bar for its label ('EUR 130.3 M') in half a page
    fig.update_xaxes(title="EUR millions, to 2030", range=[0, largest * 1.5])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="group", bargap=0.25)
    if shown.empty:
        title = "Too few answers to compare the pillars"
        _too_few(fig, n_short)
    else:
        ranking = findings.rank([findings.Estimate.total(r.label, r.shortfall_eur, r.n_shortfall)
                                 for r in shown.itertuples()])
        need = dict(zip(shown["label"], shown["need_eur"]))
        top = ranking.top
        if ranking.top_holds or len(ranking.groups) == 1:
            title = f"{top.name} has the largest shortfall: {_eur_m(top.value)} (need {_eur_m(need[top.name])})"
        else:
            second = ranking.groups[1]
            title = (f"{top.name} and {formats.mid_sentence(second.name)} have the two largest shortfalls: "
                     f"{_eur_m(top.value)} and {_eur_m(second.value)}")
    note = _not_shown(int(frame["suppressed"].sum()), "pillar")
    return _headed(fig, title, f"{caption}; each museum's shortfall shared out in proportion to its needs{note}",
                   plot_height=max(300, 84 * len(shown) + 90), legend_rows=2)


def shortfall_ranking(frame: pd.DataFrame, by: str, caption: str, per_museum: bool = False) -> go.Figure:
    """Groups ranked by total funding shortfall, or by shortfall per museum (EUR millions), n in each label;
    groups with fewer than 5 museums that gave need and budget are left out and counted (`metrics.shortfall_by`)."""
    column = "shortfall_per_museum_eur" if per_museum else "shortfall_eur"
    shown = frame[~frame["suppressed"]].sort_values(column, ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    digits = 2 if per_museum else 1
    fig = go.Figure(go.Bar(y=labels, x=shown[column] / 1e6, orientation="h",
                           marker_color=PALETTE[5] if per_museum else GAP_COLOUR,
                           text=[_eur_m(v, digits) for v in shown[column]], textposition="outside", cliponaxis=False,
                           hovertemplate=f"%{{y}}: EUR %{{x:,.{digits}f}} M<extra></extra>"))
    largest = float(shown[column].max()) / 1e6 if len(shown) else 1
    fig.update_xaxes(title=("Shortfall per museum" if per_museum else "Total shortfall") + " (EUR millions)",
                     range=[0, largest * 1.5 or 1])          # room for the longest bar's label in half a page
    fig.update_yaxes(autorange="reversed")
    singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
    if shown.empty:
        title = f"Too few answers per {singular} to rank the shortfall"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([findings.Estimate.total(group_label(by, r.group), getattr(r, column), r.n)
                                 for r in shown.itertuples()])
        top = ranking.top
        what = "shortfall per museum" if per_museum else "shortfall"
        if len(ranking.groups) == 1:
            title = f"{top.name}: {what} {_eur_m(top.value, digits)} (n = {top.n})"
        elif not ranking.top_holds:
            title = (f"{what.capitalize()} from {_eur_m(ranking.bottom.value, digits)} to {_eur_m(top.value, digits)} "
                     f"across {len(shown)} {plural}; {ranking.why_not(singular)}")
        elif per_museum:
            title = f"{top.name} has the largest shortfall per museum: {_eur_m(top.value, 2)}"
        else:
            share = 100 * top.value / shown[column].sum() if shown[column].sum() else 0
            title = f"{top.name} has the largest shortfall: {_eur_m(top.value)}, {share:.0f} % of the total shown"
    note = _not_shown(int(frame["suppressed"].sum()), singular, plural)
    return _headed(fig, title, f"{caption}; n in each label = museums that gave need and budget{note}",
                   plot_height=max(240, 36 * len(shown) + 90))


def shortfall_ratio_bands(frame: pd.DataFrame, caption: str) -> go.Figure:
    """How much of their need museums cannot fund: share of museums per shortfall-ratio band
    (`metrics.shortfall_ratio_bands` frame), from fully funded to nothing funded."""
    n = _first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = "Too few answers to show how much of the need is unfunded"
        _too_few(fig, n)
    else:
        # one short word a line ('0 %', '(fully', 'funded)'): six bars share half a page without rotated ticks
        parts = [label.partition(" (") for label in frame["label"]]
        ticks = [f"{value}<br>({note.replace(' ', '<br>')}" if note else value.replace("–", "–<br>", 1)
                 for value, _, note in parts]
        fig.add_bar(x=ticks, y=frame["share"],
                    marker_color=[PALETTE[2] if b == "none" else GAP_COLOUR for b in frame["band"]],
                    text=[f"{s:.0f} %" for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate="%{x}: %{y:.1f} % (%{customdata} museums)<extra></extra>")
        fig.update_yaxes(title="Share of museums (%)", range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title="Share of the need not funded", tickangle=0)
        over_half = float(frame.loc[frame["band"].isin(["to_75", "below_100", "all"]), "share"].sum())
        title = f"{over_half:.0f} % of museums can fund less than half of what they need"
    return _headed(fig, title, f"{caption}; n = {n} museums that gave need and budget; shortfall ratio = "
                               "shortfall ÷ need", plot_height=400)


# --- Methodology page: population-weighted estimates and change between waves -------------------------------
WEIGHTED_COLOUR = PALETTE[0]          # blue: the population-weighted estimate and its interval
UNWEIGHTED_COLOUR = PALETTE[1]        # orange: the respondents' own (unweighted) mean


def _unit_scale(unit: str) -> tuple[float, str, str]:
    """(factor, axis unit, number format) that keeps money readable: EUR values are shown in thousands."""
    if unit == "EUR":
        return 1e-3, "EUR thousands", ",.0f"
    return 1.0, unit, ".1f"


def weighted_by_country(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Population-weighted mean per country with its 95 % interval as error bars, and the unweighted mean of the
    respondents as a hollow marker; the all-countries row (scope 'ALL') on top. `metrics.weighted_estimates`
    frame. Countries that cannot be weighted (no population figure, fewer than 5 answers) are counted, not drawn."""
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
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
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
            "fewer than 5 answers not shown" if len(left_out) else "")
    return _headed(fig, title, f"{caption}; n = museums weighted of all museums in the frame{note}", width=70,
                   plot_height=max(300, 34 * len(rows) + 80), legend_rows=1)


def wave_change(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Small multiples, one per key indicator (`metrics.wave_change` frame): the mean in the earlier and the later
    wave for every museum that answered each wave (solid) and for the same museums in both waves (dashed)."""
    from plotly.subplots import make_subplots

    if frame.empty:
        fig = go.Figure()
        _too_few(fig, 0)
        return _headed(fig, "Only one survey wave so far: no change to show", caption, width=70, plot_height=300)
    titles = [_wrap(f"{label.replace(' (mean)', '')} ({_unit_scale(unit)[1]})", 26)
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
    fig = _headed(fig, title, f"{caption}; unweighted means; figures with fewer than 5 museums not shown",
                  width=70, plot_height=360 + titles_px)
    strip = 1 - titles_px / (360 + titles_px - 10)          # the plotting area: plot_height less the margin below
    fig.update_yaxes(domain=[0, strip])
    for annotation in fig.layout.annotations:
        annotation.y = strip
    fig.update_layout(showlegend=True, height=fig.layout.height + 70, margin={"b": 80},
                      legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0,
                              "font": {"size": FONT_SIZE - 2}})
    return fig


def split_title(text: str | None) -> tuple[str, str]:
    """(finding, subtitle) of a house-style title: the finding may wrap over several lines; the subtitle is the
    smaller span with the filters in words and n."""
    text = text or ""
    head, _, rest = text.partition("<span")
    subtitle = rest.split(">", 1)[1].rsplit("</span>", 1)[0] if rest else ""
    return " ".join(head.replace("<br>", " ").split()), subtitle


# --- Scenarios page ------------------------------------------------------------------------------------------
CLOSED_COLOUR = PALETTE[2]            # bluish green: shortfall the scenario closes
NOW_COLOUR = "#666666"                # neutral grey: where things stand today


def scenario_curve(curve: pd.DataFrame, marks: pd.DataFrame, chosen: str, budget: float, caption: str) -> go.Figure:
    """Side by side, as the sum grows from 0 to the whole shortfall (EUR millions): the share of museums with a gap
    that are fully funded, and the share of the shortfall closed, one line per rule (`curve` rows: rule, label,
    budget_eur, funded_pct, closed_pct, museums_funded); the chosen sum is a dashed line and each rule's outcome at
    it a marker (`marks` rows: rule, label, phrase, instead, funded_pct, closed_pct, museums_funded, with_gap)."""
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1, subplot_titles=[
        "Museums fully funded (% of those with a gap)", "Shortfall closed (%)"])
    for i, (rule, part) in enumerate(curve.groupby("rule", sort=False)):
        colour, label = PALETTE[i], part["label"].iloc[0]
        width = 6 if rule == chosen else 3
        mark = marks[marks["rule"] == rule].iloc[0]
        for col, column, value in ((1, "funded_pct", mark["funded_pct"]), (2, "closed_pct", mark["closed_pct"])):
            fig.add_scatter(x=part["budget_eur"] / 1e6, y=part[column], mode="lines", name=label, legendgroup=rule,
                            showlegend=col == 1, line={"color": colour, "width": width},
                            customdata=part["museums_funded"],
                            hovertemplate=f"{label}: EUR %{{x:,.1f}} M → %{{y:.0f}} %<extra></extra>", row=1, col=col)
            fig.add_scatter(x=[budget / 1e6], y=[value], mode="markers", legendgroup=rule, showlegend=False,
                            marker={"color": colour, "size": 14 if rule == chosen else 10,
                                    "line": {"color": "white", "width": 1.5}},
                            hovertemplate=f"{label} at EUR {budget / 1e6:,.1f} M: %{{y:.0f}} %<extra></extra>",
                            row=1, col=col)
    top = max(float(curve["budget_eur"].max()), budget) / 1e6 * 1.02 or 1
    for col in (1, 2):
        fig.add_vline(x=budget / 1e6, line={"color": TARGET_COLOUR, "dash": "dash", "width": 2}, row=1, col=col)
        fig.update_xaxes(title="Sum invested (EUR millions)", range=[0, top], row=1, col=col)
        fig.update_yaxes(range=[-6, 106], ticksuffix=" %", row=1, col=col)    # '0 %' clears the x axis' '0'
    for annotation in fig.layout.annotations:
        annotation.font = {"size": FONT_SIZE - 2}
    if marks["closed_pct"].round(6).nunique() == 1 and \
            curve.assign(pct=curve["closed_pct"].round(6)).groupby("budget_eur")["pct"].nunique().max() == 1:
        fig.add_annotation(text="Every rule closes the<br>same share: the whole<br>sum is spent", showarrow=False,
                           xref="x2 domain", yref="y2 domain", x=0.98, y=0.04, xanchor="right", yanchor="bottom",
                           align="right", font={"size": FONT_SIZE - 2})
    pick = marks.set_index("rule")
    own, best = pick.loc[chosen], pick.sort_values(["museums_funded", "closed_pct"], ascending=False).iloc[0]
    gap = int(own["with_gap"])
    if not gap:
        title = "No museum in view has a funding shortfall to close"
    elif own["museums_funded"] >= best["museums_funded"]:
        title = (f"{formats.money(budget)} {own['phrase']} fully funds {own['museums_funded']:,.0f} of {gap:,} museums "
                 f"with a gap and closes {own['closed_pct']:.0f} % of the shortfall")
    else:
        title = (f"{formats.money(budget)} {own['phrase']} fully funds {own['museums_funded']:,.0f} of {gap:,} museums "
                 f"with a gap; {best['instead']} would fund {best['museums_funded']:,.0f}")
    fig.update_layout(height=560)
    return _titled(fig, title, f"{caption}; dashed line: the sum chosen, {formats.money(budget)}", legend_rows=2)


def scenario_groups(frame: pd.DataFrame, by: str, caption: str, budget: float) -> go.Figure:
    """Per group (`scenarios.by_group` frame), stacked bars in EUR millions: the shortfall the scenario closes and
    what is left, with how many museums it funds fully; groups with fewer than 5 museums are counted, not drawn."""
    shown = frame[~frame["suppressed"]].sort_values("shortfall_eur", ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
    if shown.empty:
        title = f"Too few answers per {singular} to show the scenario"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        fig.add_bar(y=labels, x=shown["closed_eur"] / 1e6, orientation="h", name="Closed by the scenario",
                    marker_color=CLOSED_COLOUR, hovertemplate="%{y}: EUR %{x:,.2f} M closed<extra></extra>")
        fig.add_bar(y=labels, x=shown["remaining_eur"] / 1e6, orientation="h", name="Still short",
                    marker_color=GAP_COLOUR,
                    text=[f"{f:,.0f} of {g:,.0f} funded"
                          for f, g in zip(shown["museums_funded"], shown["museums_with_gap"])],
                    textposition="outside", cliponaxis=False,
                    hovertemplate="%{y}: EUR %{x:,.2f} M still short<extra></extra>")
        fig.update_layout(barmode="stack")
        fig.update_xaxes(title="Shortfall (EUR millions)", range=[0, float(shown["shortfall_eur"].max()) / 1e6 * 1.6])
        fig.update_yaxes(autorange="reversed")
        ranking = findings.rank([findings.Estimate.total(group_label(by, r.group), r.remaining_eur, r.n)
                                 for r in shown.itertuples()])
        top = ranking.top
        if len(ranking.groups) == 1:
            title = f"After {formats.money(budget)}, {top.name} is still short of {_eur_m(top.value)} (n = {top.n})"
        elif ranking.top_holds:
            title = f"After {formats.money(budget)}, the largest gap left is in {top.name}: {_eur_m(top.value)}"
        else:
            title = (f"After {formats.money(budget)}, gaps left range from {_eur_m(ranking.bottom.value)} to "
                     f"{_eur_m(top.value)} across {len(shown)} {plural}; {ranking.why_not(singular)}")
    note = _not_shown(int(frame["suppressed"].sum()), singular, plural)
    return _headed(fig, title, f"{caption}; n in each label = museums that gave need and budget{note}", width=70,
                   plot_height=max(260, 36 * len(shown) + 90), legend_rows=1)


def scenario_outlook(frame: pd.DataFrame, caption: str, horizon: int) -> go.Figure:
    """Per country (`scenarios.outlook` frame): the share of the collection digitised now, projected to `horizon` at
    the pace reported, with the scenario's money added, and the 2030 target; countries with fewer than 5 museums
    are counted, not drawn."""
    rows = frame[(frame["country"] != "ALL") & ~frame["suppressed"]].sort_values("now_pct")
    labels = [f"{country_name(c)} (n={n})" for c, n in zip(rows["country"], rows["n"])]
    fig = go.Figure()
    if rows.empty:
        title = "Too few answers per country to project digitisation"
        _too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        path_x = [v for a, b in zip(rows["now_pct"], rows["with_money_pct"]) for v in (a, b, None)]
        path_y = [v for label in labels for v in (label, label, None)]
        fig.add_scatter(x=path_x, y=path_y, mode="lines", line={"color": "#BBBBBB", "width": 3}, showlegend=False,
                        hoverinfo="skip")
        fig.add_scatter(x=rows["now_pct"], y=labels, mode="markers", name="Now",
                        marker={"color": NOW_COLOUR, "size": 12}, hovertemplate="%{y}: %{x:.1f} % now<extra></extra>")
        fig.add_scatter(x=rows["projected_pct"], y=labels, mode="markers", name=f"{horizon} at the pace reported",
                        marker={"color": MET_COLOUR, "size": 13},
                        hovertemplate=f"%{{y}}: %{{x:.1f}} % by {horizon} at the pace reported<extra></extra>")
        fig.add_scatter(x=rows["with_money_pct"], y=labels, mode="markers", name=f"{horizon} with the scenario",
                        marker={"color": CLOSED_COLOUR, "size": 15, "symbol": "diamond"},
                        customdata=rows["extra_pp"],
                        hovertemplate="%{y}: %{x:.1f} % with the scenario (+%{customdata:.2f} points)<extra></extra>")
        fig.add_scatter(x=rows["target_pct"], y=labels, mode="markers", name="Target",
                        marker={"color": TARGET_COLOUR, "size": 22, "symbol": "line-ns-open", "line": {"width": 3}},
                        hovertemplate="%{y}: target %{x:.0f} %<extra></extra>")
        fig.update_xaxes(title="Share of the collection digitised (%, by objects)", range=[0, 100])
        fig.update_yaxes(tickmode="linear", tick0=0, dtick=1)     # every country labelled, none skipped
        judged = rows[rows["target_pct"].notna()]
        paced = judged[judged["projected_pct"].notna()]
        reached = lambda part, column: int((part[column] >= part["target_pct"]).sum())  # noqa: E731
        if paced.empty:
            title = (f"No country has 5 museums with an earlier answer to project from; with the scenario's money "
                     f"{reached(judged, 'with_money_pct')} of {len(judged)} countries reach the target")
        else:
            title = (f"By {horizon} at the pace reported, {reached(paced, 'projected_pct')} of {len(paced)} countries "
                     f"reach the digitisation target; with the scenario's money, {reached(paced, 'with_money_pct')}")
    hidden = int((frame["suppressed"] & (frame["country"] != "ALL")).sum())
    note = _not_shown(hidden, "country", "countries")
    return _headed(fig, title, f"{caption}; n in each label = museums that gave their share digitised and collection "
                               f"size{note}", width=70, plot_height=max(300, 34 * len(rows) + 90), legend_rows=2)
