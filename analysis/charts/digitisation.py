"""Digitisation charts: how much of the collections is digitised, online and openly licensed, by country and by
group, and progress towards the digitisation targets and the 3D milestones."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats
from analysis.figures import findings
from analysis.i18n import N_, _
from analysis.charts.labels import GROUP_NOUNS, estimate, first_n, group_label, not_shown, pct
from analysis.charts.style import FONT_SIZE, HALF_WIDTH_CHARS, NO_DATA_COLOUR, PALETTE, TARGET_COLOUR, titled
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name


def digitisation_by_country(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Horizontal bars of unweighted mean % digitised per country, weighted mean as a marker."""
    shown = frame[~frame["suppressed"]].sort_values("mean_pct_digitised")
    labels = [f"{country_name(c)} (n={n})" for c, n in zip(shown["country"], shown["n"])]
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["mean_pct_digitised"], orientation="h", name=_("Unweighted mean"),
                marker_color=PALETTE[0], hovertemplate="%{y}: %{x:.1f} %<extra></extra>")
    fig.add_scatter(y=labels, x=shown["weighted_pct_digitised"], mode="markers", name=_("Collection-weighted"),
                    marker={"color": PALETTE[1], "size": 14, "symbol": "diamond"},
                    hovertemplate="%{y}: %{x:.1f} % " + _("of objects") + "<extra></extra>")
    fig.update_xaxes(title=_("Share of collection digitised (%)"), range=[0, 100])
    hidden = int(frame["suppressed"].sum())
    note = "<br>" + (_("{n} country with fewer than {min} answers not shown") if hidden == 1 else
                     _("{n} countries with fewer than {min} answers not shown")).format(
        n=hidden, min=SUPPRESS_BELOW_N) if hidden else ""
    ranking = findings.rank([estimate(country_name(r.country), r.mean_pct_digitised, r)
                             for r in shown.itertuples()]) if len(shown) else None
    if ranking and len(ranking.groups) == 1:
        only = ranking.top
        title = _("{country}: {share} of collections digitised on average (n = {n})").format(
            country=only.name, share=pct(only.value), n=only.n)
    elif ranking and ranking.top_holds:
        title = _("{country} leads with {share} of collections digitised (n = {n})").format(
            country=ranking.top.name, share=pct(ranking.top.value), n=ranking.top.n)
    elif ranking:
        title = _("Country means range from {low} to {high} of collections digitised; {why}").format(
            low=pct(ranking.bottom.value), high=pct(ranking.top.value), why=ranking.why_not(_("country")))
    else:
        title = _("Too few answers per country to compare")
        fig.add_annotation(text=_("No country has {min} or more answers to this question").format(
            min=SUPPRESS_BELOW_N), showarrow=False, x=50, y=0, font={"size": FONT_SIZE})
        fig.update_yaxes(visible=False)
    fig.update_layout(height=max(420, 34 * len(shown) + 200))
    return titled(fig, title, caption + note, legend_rows=1)


def digitisation_levels(frame: pd.DataFrame, caption: str, target: float | None = None,
                        target_label: str = N_("Target")) -> go.Figure:
    """Grouped horizontal bars per level (catalogued … in Europeana): unweighted mean and collection-weighted
    mean side by side, each labelled with its n; the digitisation target as a marker on the digitised row."""
    rows = frame.reset_index(drop=True)
    labels = list(rows["label"])
    target_label = _(target_label)

    def bar_text(value: float, n: int) -> str:
        return (f"{pct(value)} · n={n}" if pd.notna(value) else
                _("n={n}, not shown").format(n=n))

    fig = go.Figure()
    fig.add_bar(y=labels, x=rows["mean"], orientation="h", name=_("Unweighted mean (each museum counts once)"),
                marker_color=PALETTE[0], text=[bar_text(v, n) for v, n in zip(rows["mean"], rows["n"])],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f} % (" + _("unweighted mean") + ")<extra></extra>")
    fig.add_bar(y=labels, x=rows["weighted_mean"], orientation="h",
                name=_("Collection-weighted (share of objects)"), marker_color=PALETTE[1],
                text=[bar_text(v, n) for v, n in zip(rows["weighted_mean"], rows["n_weighted"])],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f} % " + _("of objects") + "<extra></extra>")
    if target is not None and "pct_digitised" in set(rows["metric"]):
        digitised = rows.loc[rows["metric"] == "pct_digitised", "label"].iloc[0]
        fig.add_scatter(y=[digitised], x=[target], mode="markers+text", name=target_label,
                        text=["  " + _("target {share}").format(share=pct(target))], textposition="middle right",
                        textfont={"color": TARGET_COLOUR}, cliponaxis=False,
                        marker={"symbol": "line-ns", "size": 46, "line": {"width": 4, "color": TARGET_COLOUR}},
                        hovertemplate=f"{target_label}: %{{x:.0f}} %<extra></extra>")
    fig.update_xaxes(title=_("Share of collection (%)"), range=[0, 118], tickvals=[0, 20, 40, 60, 80, 100])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_layout(barmode="group", height=max(460, 110 * len(rows) + 220), bargap=0.25)
    by_metric = dict(zip(rows["metric"], rows["mean"]))
    digitised, online = by_metric.get("pct_digitised"), by_metric.get("pct_online")
    if digitised is not None and pd.notna(digitised):
        if online is not None and pd.notna(online):
            title = _("Museums have digitised {share} of their collections on average; {online} is online").format(
                share=pct(digitised), online=pct(online))
        else:
            title = _("Museums have digitised {share} of their collections on average").format(share=pct(digitised))
    else:
        title = _("Too few answers to report digitisation levels")
    return titled(fig, title, caption + not_shown(int(rows["suppressed"].sum()), N_("level"), N_("levels")),
                  legend_rows=2)


def rights_status(frame: pd.DataFrame, caption: str) -> go.Figure:
    """One 100 % bar: mean share of online material that is openly licensed, restricted or of unknown rights."""
    colours = {"pct_online_open": PALETTE[2], "pct_online_restricted": PALETTE[1],
               "pct_online_rights_unknown": PALETTE[3]}
    short = {"pct_online_open": N_("Open"), "pct_online_restricted": N_("Restricted"),
             "pct_online_rights_unknown": N_("Unknown")}
    n = first_n(frame)
    row_label = _("Online material (n={n})").format(n=n)
    fig = go.Figure()
    shown = not frame["suppressed"].any() and len(frame)
    for r in frame.itertuples():                 # segments labelled in place: no legend to decode
        fig.add_bar(y=[row_label], x=[r.mean_share if shown else None], orientation="h", name=r.label,
                    marker_color=colours.get(r.rights, PALETTE[4]),
                    text=[f"{_(short[r.rights]) if r.rights in short else r.label}<br>{pct(r.mean_share)}"],
                    textposition="inside", insidetextanchor="middle", textfont={"size": FONT_SIZE},
                    hovertemplate=f"{r.label}: %{{x:.1f}} % " + _("of online material") + "<extra></extra>")
    fig.update_xaxes(title=_("Mean share of material online (%)"), range=[0, 100])
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(barmode="stack", height=380, bargap=0.15)
    if shown:
        values = dict(zip(frame["rights"], frame["mean_share"]))
        title = _("{unknown} of material online has unknown rights; {open} is openly licensed").format(
            unknown=pct(values["pct_online_rights_unknown"]), open=pct(values["pct_online_open"]))
    else:
        title = _("Too few answers on the rights of online material")
        fig.add_annotation(text=_("Fewer than {min} museums gave all three rights shares").format(
            min=SUPPRESS_BELOW_N), showarrow=False, x=50, y=0, font={"size": FONT_SIZE})
    return titled(fig, title, _("{caption}; unweighted means over museums that gave all three shares (n={n})").format(
        caption=caption, n=n), width=HALF_WIDTH_CHARS)


def on_track(frame: pd.DataFrame, caption: str, target_text: str) -> go.Figure:
    """Museums per status against the digitisation target: reached, on track, behind pace, cannot be judged."""
    colours = {"reached": PALETTE[2], "on_track": PALETTE[4], "behind": PALETTE[3],
               "no_earlier_answer": NO_DATA_COLOUR}
    rows = frame.reset_index(drop=True)
    n = first_n(rows)
    fig = go.Figure(go.Bar(
        y=list(rows["label"]), x=rows["museums"], orientation="h",
        marker_color=[colours.get(s, PALETTE[0]) for s in rows["status"]],
        text=[f"{m} ({pct(s)})" if pd.notna(m) else "" for m, s in zip(rows["museums"], rows["share"])],
        textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x} " + _("museums") + "<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    largest = max([m for m in rows["museums"] if pd.notna(m)], default=0)
    fig.update_xaxes(title=_("Museums"), range=[0, max(largest, 1) * 1.3])
    fig.update_layout(height=420, showlegend=False)
    counts = {s: (0 if pd.isna(m) else int(m)) for s, m in zip(rows["status"], rows["museums"])}
    judged = counts.get("on_track", 0) + counts.get("behind", 0)
    if rows["suppressed"].any() or not n:
        title = _("Too few answers to judge progress towards the target")
    elif judged:
        title = (_("Only {k} of {judged} museums short of the target are on pace for {target}")
                 if counts["on_track"] < judged / 2 else
                 _("{k} of {judged} museums short of the target are on pace for {target}")).format(
            k=counts["on_track"], judged=judged, target=target_text)
    else:
        title = _("{k} of {n} museums have reached {target}; no earlier answers to measure the others' pace").format(
            k=counts.get("reached", 0), n=n, target=target_text)
    return titled(fig, title, _("{caption}; n = {n} museums with a known gap to target").format(caption=caption, n=n))


def milestones_3d(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Share of immovable assets digitised in 3D (at risk, most visited) against the 2025 and 2030 milestones
    of Recommendation (EU) 2021/1970."""
    rows = frame.reset_index(drop=True)
    short = {"at_risk": N_("At risk"), "most_visited": N_("Most visited")}
    labels = [(_(short[r.asset]) if r.asset in short else r.label) + "<br>" + _("n={n} museums").format(n=r.n)
              + ("<br>" + _("{count} sites").format(count=int(r.assets)) if pd.notna(r.assets) else "")
              for r in rows.itertuples()]
    fig = go.Figure()
    bar = 0.36                                     # bar width, in categories
    fig.add_bar(x=labels, y=rows["share_3d"], name=_("Digitised in 3D"), marker_color=PALETTE[0], width=bar,
                text=[pct(v) if pd.notna(v) else "" for v in rows["share_3d"]], textposition="inside",
                insidetextanchor="end", textfont={"color": "white", "size": FONT_SIZE + 2},
                hovertemplate="%{x}: %{y:.1f} % " + _("in 3D") + "<extra></extra>")
    for r, label in zip(rows.itertuples(), labels):
        if pd.isna(r.share_3d):
            fig.add_annotation(x=label, y=8, text=_("fewer than {min}<br>museums:<br>not shown").format(
                min=SUPPRESS_BELOW_N), showarrow=False, font={"size": FONT_SIZE - 2})
    for year, column, colour in ((2025, "target_2025", PALETTE[3]), (2030, "target_2030", TARGET_COLOUR)):
        # a tick across the bar at the milestone, its value written from the bar's right edge (an annotation at the
        # category's index plus half a bar), so that it clears the bar's own label however wide the chart is
        milestone = _("{year} milestone").format(year=year)
        fig.add_scatter(x=labels, y=rows[column], mode="markers", name=milestone,
                        marker={"symbol": "line-ew", "size": 50, "line": {"width": 5, "color": colour}},   # < a bar
                        cliponaxis=False, hovertemplate=f"{milestone}: %{{y:.0f}} %<extra></extra>")
        for i, value in enumerate(rows[column]):
            if pd.notna(value):
                fig.add_annotation(x=i + bar / 2, y=value, text=formats.labelled(year, pct(value)), showarrow=False,
                                   xanchor="left", xshift=8, font={"color": colour, "size": FONT_SIZE - 2})
    fig.update_yaxes(title=_("Sites digitised in 3D (%)"), range=[0, 105], tickvals=[0, 20, 40, 60, 80, 100])
    fig.update_xaxes(range=[-0.5, len(rows) - 0.1], tickangle=0)   # room right of the last bar for its labels
    fig.update_layout(height=520)
    shown = rows[~rows["suppressed"]]
    if shown.empty:
        title = _("Too few museums manage monuments and sites to report 3D progress")
    else:
        first = shown.iloc[0]
        met = first["share_3d"] >= first["target_2025"] if pd.notna(first["target_2025"]) else None
        what = {"share": pct(first["share_3d"]), "assets": formats.mid_sentence(first["label"]),
                "milestone": pct(first["target_2025"])}
        title = (_("{share} of {assets} are digitised in 3D") if met is None else
                 _("{share} of {assets} are digitised in 3D: above the 2025 milestone of {milestone}") if met else
                 _("{share} of {assets} are digitised in 3D: below the 2025 milestone of {milestone}")).format(**what)
    hidden = int(rows["suppressed"].sum())
    note = (formats.semicolon() + (_("{n} asset type with fewer than {min} museums not shown") if hidden == 1 else
                    _("{n} asset types with fewer than {min} museums not shown")).format(n=hidden, min=SUPPRESS_BELOW_N)
            if hidden else "")
    return titled(fig, title, _("{caption}; museums that manage such sites").format(caption=caption) + note,
                  width=HALF_WIDTH_CHARS)
def distribution_box(frame: pd.DataFrame, by: str, metric_label: str, caption: str,
                     target: float | None = None, target_label: str = N_("Target")) -> go.Figure:
    """Box per group drawn from precomputed quartiles (never raw points): box = middle half of museums,
    line = median, whiskers = lowest and highest museum; unweighted and collection-weighted means marked,
    the target as a vertical line; groups with n < SUPPRESS_BELOW_N left out and counted in the subtitle."""
    shown = frame[~frame["suppressed"]].sort_values("median", ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    fig.add_trace(go.Box(y=labels, q1=shown["q1"], median=shown["median"], q3=shown["q3"],
                         lowerfence=shown["min"], upperfence=shown["max"], orientation="h", boxpoints=False,
                         name=_("Museums: middle half (box), median (line), range (whiskers)"),
                         marker_color=PALETTE[0], fillcolor="rgba(0,114,178,0.25)"))
    fig.add_scatter(y=labels, x=shown["mean"], mode="markers", name=_("Unweighted mean"),
                    marker={"symbol": "circle", "size": 13, "color": PALETTE[3], "line": {"width": 1, "color": "white"}},
                    hovertemplate="%{y}: " + _("unweighted mean") + " %{x:.1f} %<extra></extra>")
    fig.add_scatter(y=labels, x=shown["weighted_mean"], mode="markers", name=_("Collection-weighted mean"),
                    marker={"symbol": "diamond", "size": 15, "color": PALETTE[1], "line": {"width": 1, "color": "black"}},
                    hovertemplate="%{y}: " + _("collection-weighted") + " %{x:.1f} %<extra></extra>")
    if target is not None:
        line = {"color": TARGET_COLOUR, "width": 3, "dash": "dash"}
        fig.add_vline(x=target, line=line)
        fig.add_scatter(x=[None], y=[None], mode="lines", line=line, name=_(target_label))   # its legend entry
    fig.update_xaxes(title=f"{metric_label} (%)", range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(480, 46 * len(shown) + 330), boxgap=0.35)
    note = not_shown(int(frame["suppressed"].sum()))
    if len(shown) >= 2:
        # the median's standard error is about 1.25 times the mean's: its interval from the mean's spread
        ranking = findings.rank([estimate(group_label(by, r.group), r.median, r, sd_scale=1.2533)
                                 for r in shown.itertuples()])
        high, low = ranking.top, ranking.bottom
        if ranking.top_holds and ranking.bottom_holds:
            title = _("{metric}: median from {low} in {low_group} to {high} in {high_group}").format(
                metric=metric_label, low=pct(low.value), low_group=low.name, high=pct(high.value),
                high_group=high.name)
        else:
            singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
            title = _("{metric}: medians from {low} to {high} across {count} {groups}; {why}").format(
                metric=metric_label, low=pct(low.value), high=pct(high.value), count=len(shown),
                groups=_(plural), why=ranking.why_not(_(singular)))
    elif len(shown) == 1:
        title = _("{metric}: median {share} in {group}").format(
            metric=metric_label, share=pct(shown["median"].iloc[0]), group=group_label(by, shown["group"].iloc[0]))
    else:
        title = _("Too few answers per group to compare")
        fig.add_annotation(text=_("No group has {min} or more answers").format(min=SUPPRESS_BELOW_N),
                           showarrow=False, x=50, y=0.5, xref="x", yref="paper", font={"size": FONT_SIZE})
        fig.update_yaxes(visible=False)
    return titled(fig, title, caption + note, legend_rows=3)
