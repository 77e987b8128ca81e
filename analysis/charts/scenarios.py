"""Scenario charts: what a sum invested would achieve under each sharing rule, per group, and for the
digitisation outlook per country."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.figures import findings
from analysis import formats
from analysis.i18n import N_, _
from analysis.charts.labels import GROUP_NOUNS, eur_hover, group_label, not_shown
from analysis.charts.style import (CLOSED_COLOUR, FONT_SIZE, GAP_COLOUR, MET_COLOUR, NOW_COLOUR, PALETTE,
                                   TARGET_COLOUR, titled, too_few)
from analysis.formats import money
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name


def scenario_curve(curve: pd.DataFrame, marks: pd.DataFrame, chosen: str, budget: float, caption: str) -> go.Figure:
    """Side by side, as the sum grows from 0 to the whole shortfall (EUR millions): the share of museums with a gap
    that are fully funded, and the share of the shortfall closed, one line per rule (`curve` rows: rule, label,
    budget_eur, funded_pct, closed_pct, museums_funded); the chosen sum is a dashed line and each rule's outcome at
    it a marker (`marks` rows: rule, label, phrase, instead, funded_pct, closed_pct, museums_funded, with_gap)."""
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1, subplot_titles=[
        _("Museums fully funded (% of those with a gap)"), _("Shortfall closed (%)")])
    for i, (rule, part) in enumerate(curve.groupby("rule", sort=False)):
        colour, label = PALETTE[i], _(part["label"].iloc[0])
        width = 6 if rule == chosen else 3
        mark = marks[marks["rule"] == rule].iloc[0]
        for col, column, value in ((1, "funded_pct", mark["funded_pct"]), (2, "closed_pct", mark["closed_pct"])):
            fig.add_scatter(x=part["budget_eur"] / 1e6, y=part[column], mode="lines", name=label, legendgroup=rule,
                            showlegend=col == 1, line={"color": colour, "width": width},
                            customdata=part["museums_funded"],
                            hovertemplate=f"{label}: {eur_hover('%{x:,.1f}')} → %{{y:.0f}} %<extra></extra>", row=1, col=col)
            fig.add_scatter(x=[budget / 1e6], y=[value], mode="markers", legendgroup=rule, showlegend=False,
                            marker={"color": colour, "size": 14 if rule == chosen else 10,
                                    "line": {"color": "white", "width": 1.5}},
                            hovertemplate=_("{rule} at {amount}").format(rule=label, amount=money(budget))
                            + ": %{y:.0f} %<extra></extra>",
                            row=1, col=col)
    top = max(float(curve["budget_eur"].max()), budget) / 1e6 * 1.02 or 1
    for col in (1, 2):
        fig.add_vline(x=budget / 1e6, line={"color": TARGET_COLOUR, "dash": "dash", "width": 2}, row=1, col=col)
        fig.update_xaxes(title=_("Sum invested (EUR millions)"), range=[0, top], row=1, col=col)
        fig.update_yaxes(range=[-6, 106], ticksuffix=" %", row=1, col=col)    # '0 %' clears the x axis' '0'
    for annotation in fig.layout.annotations:
        annotation.font = {"size": FONT_SIZE - 2}
    if marks["closed_pct"].round(6).nunique() == 1 and \
            curve.assign(pct=curve["closed_pct"].round(6)).groupby("budget_eur")["pct"].nunique().max() == 1:
        fig.add_annotation(text=_("Every rule closes the<br>same share: the whole<br>sum is spent"), showarrow=False,
                           xref="x2 domain", yref="y2 domain", x=0.98, y=0.04, xanchor="right", yanchor="bottom",
                           align="right", font={"size": FONT_SIZE - 2})
    pick = marks.set_index("rule")
    own, best = pick.loc[chosen], pick.sort_values(["museums_funded", "closed_pct"], ascending=False).iloc[0]
    gap = int(own["with_gap"])
    if not gap:
        title = _("No museum in view has a funding shortfall to close")
    elif own["museums_funded"] >= best["museums_funded"]:
        title = _("{amount} {rule} fully funds {funded} of {gap} museums with a gap and closes {closed} of the "
                  "shortfall").format(amount=money(budget), rule=_(own["phrase"]),
                                      funded=formats.number(own["museums_funded"]), gap=formats.number(gap),
                                      closed=formats.pct(own["closed_pct"]))
    else:
        title = _("{amount} {rule} fully funds {funded} of {gap} museums with a gap; {other} would fund "
                  "{other_funded}").format(amount=money(budget), rule=_(own["phrase"]),
                                           funded=formats.number(own["museums_funded"]), gap=formats.number(gap),
                                           other=_(best["instead"]), other_funded=formats.number(best["museums_funded"]))
    fig.update_layout(height=560)
    return titled(fig, title, _("{caption}; dashed line: the sum chosen, {amount}").format(
        caption=caption, amount=money(budget)), legend_rows=2)


def scenario_groups(frame: pd.DataFrame, by: str, caption: str, budget: float) -> go.Figure:
    """Per group (`scenarios.by_group` frame), stacked bars in EUR millions: the shortfall the scenario closes and
    what is left, with how many museums it funds fully; groups with fewer than SUPPRESS_BELOW_N museums are counted,
    not drawn."""
    shown = frame[~frame["suppressed"]].sort_values("shortfall_eur", ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    if shown.empty:
        title = _("Too few answers per {group} to show the scenario").format(group=_(singular))
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        fig.add_bar(y=labels, x=shown["closed_eur"] / 1e6, orientation="h", name=_("Closed by the scenario"),
                    marker_color=CLOSED_COLOUR,
                    hovertemplate="%{y}: " + _("{amount} closed").format(amount=eur_hover("%{x:,.2f}")) + "<extra></extra>")
        fig.add_bar(y=labels, x=shown["remaining_eur"] / 1e6, orientation="h", name=_("Still short"),
                    marker_color=GAP_COLOUR,
                    text=[_("{funded} of {gap} funded").format(funded=formats.number(f), gap=formats.number(g))
                          for f, g in zip(shown["museums_funded"], shown["museums_with_gap"])],
                    textposition="outside", cliponaxis=False,
                    hovertemplate="%{y}: " + _("{amount} still short").format(amount=eur_hover("%{x:,.2f}"))
                    + "<extra></extra>")
        fig.update_layout(barmode="stack")
        fig.update_xaxes(title=_("Shortfall (EUR millions)"), range=[0, float(shown["shortfall_eur"].max()) / 1e6 * 1.6])
        fig.update_yaxes(autorange="reversed")
        ranking = findings.rank([findings.Estimate.total(group_label(by, r.group), r.remaining_eur, r.n)
                                 for r in shown.itertuples()])
        top = ranking.top
        if len(ranking.groups) == 1:
            title = _("After {budget}, {group} is still short of {amount} (n = {n})").format(
                budget=money(budget), group=top.name, amount=money(top.value), n=top.n)
        elif ranking.top_holds:
            title = _("After {budget}, the largest gap left is in {group}: {amount}").format(
                budget=money(budget), group=top.name, amount=money(top.value))
        else:
            title = _("After {budget}, gaps left range from {low} to {high} across {count} {groups}; {why}").format(
                budget=money(budget), low=money(ranking.bottom.value), high=money(top.value), count=len(shown),
                groups=_(plural), why=ranking.why_not(_(singular)))
    note = not_shown(int(frame["suppressed"].sum()), singular, plural)
    return titled(fig, title, _("{caption}; n in each label = museums that gave need and budget").format(
        caption=caption) + note, width=70,
                  plot_height=max(260, 36 * len(shown) + 90), legend_rows=1)


def scenario_outlook(frame: pd.DataFrame, caption: str, horizon: int) -> go.Figure:
    """Per country (`projections.outlook` frame): the share of the collection digitised now, projected to `horizon` at
    the pace reported, with the scenario's money added, and the 2030 target; countries with fewer than
    SUPPRESS_BELOW_N museums are counted, not drawn."""
    rows = frame[(frame["country"] != "ALL") & ~frame["suppressed"]].sort_values("now_pct")
    labels = [f"{country_name(c)} (n={n})" for c, n in zip(rows["country"], rows["n"])]
    fig = go.Figure()
    if rows.empty:
        title = _("Too few answers per country to project digitisation")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        path_x = [v for a, b in zip(rows["now_pct"], rows["with_money_pct"]) for v in (a, b, None)]
        path_y = [v for label in labels for v in (label, label, None)]
        fig.add_scatter(x=path_x, y=path_y, mode="lines", line={"color": "#BBBBBB", "width": 3}, showlegend=False,
                        hoverinfo="skip")
        fig.add_scatter(x=rows["now_pct"], y=labels, mode="markers", name=_("Now"), marker={"color": NOW_COLOUR, "size": 12},
                        hovertemplate="%{y}: " + _("{share} now").format(share="%{x:.1f} %") + "<extra></extra>")
        fig.add_scatter(x=rows["projected_pct"], y=labels, mode="markers",
                        name=_("{year} at the pace reported").format(year=horizon), marker={"color": MET_COLOUR, "size": 13},
                        hovertemplate="%{y}: " + _("{share} by {year} at the pace reported").format(
                            share="%{x:.1f} %", year=horizon) + "<extra></extra>")
        fig.add_scatter(x=rows["with_money_pct"], y=labels, mode="markers",
                        name=_("{year} with the scenario").format(year=horizon),
                        marker={"color": CLOSED_COLOUR, "size": 15, "symbol": "diamond"},
                        customdata=rows["extra_pp"],
                        hovertemplate="%{y}: " + _("{share} with the scenario (+{points} points)").format(
                            share="%{x:.1f} %", points="%{customdata:.2f}") + "<extra></extra>")
        fig.add_scatter(x=rows["target_pct"], y=labels, mode="markers", name=_("Target"),
                        marker={"color": TARGET_COLOUR, "size": 22, "symbol": "line-ns-open", "line": {"width": 3}},
                        hovertemplate="%{y}: " + _("target {share}").format(share="%{x:.0f} %") + "<extra></extra>")
        fig.update_xaxes(title=_("Share of the collection digitised (%, by objects)"), range=[0, 100])
        fig.update_yaxes(tickmode="linear", tick0=0, dtick=1)     # every country labelled, none skipped
        judged = rows[rows["target_pct"].notna()]
        paced = judged[judged["projected_pct"].notna()]
        reached = lambda part, column: int((part[column] >= part["target_pct"]).sum())  # noqa: E731
        if paced.empty:
            title = _("No country has {min} museums with an earlier answer to project from; with the scenario's "
                      "money {k} of {count} countries reach the target").format(
                min=SUPPRESS_BELOW_N, k=reached(judged, "with_money_pct"), count=len(judged))
        else:
            title = _("By {year} at the pace reported, {k} of {count} countries reach the digitisation target; with "
                      "the scenario's money, {with_money}").format(
                year=horizon, k=reached(paced, "projected_pct"), count=len(paced),
                with_money=reached(paced, "with_money_pct"))
    hidden = int((frame["suppressed"] & (frame["country"] != "ALL")).sum())
    note = not_shown(hidden, N_("country"), N_("countries"))
    return titled(fig, title, _("{caption}; n in each label = museums that gave their share digitised and "
                                "collection size").format(caption=caption) + note, width=70, plot_height=max(300, 34 * len(rows) + 90), legend_rows=2)
