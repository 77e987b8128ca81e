"""Skills & AI charts: staff digital skills against the DigComp target, AI literacy, training and adoption,
digital staff, infrastructure, strategy and policy, and the several-answers bars (roles, AI uses, obstacles,
funding sources) that several pages share."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats, schema
from analysis.figures import findings
from analysis.i18n import N_
from analysis.charts.labels import GROUP_NOUNS, estimate, first_n, group_label, not_shown
from analysis.charts.style import (FONT_SIZE, GAP_COLOUR, MET_COLOUR, NARROW_CHARS, PALETTE, TARGET_COLOUR, titled,
                                   too_few, wrap)


def _stack_label(text: str, width: int = 12) -> str:
    """A category label broken over lines so that vertical-bar ticks need no rotation."""
    return wrap(text, width)


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
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        gaps = findings.rank([estimate(r.label, r.target_level - r.mean_level, r)
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
    note = not_shown(int(frame["suppressed"].sum()), N_("area"), N_("areas"))
    return titled(fig, title, f"{caption}; typical level of staff, self-assessed by each museum{note}", width=80,
                  plot_height=max(300, 72 * len(shown) + 90), legend_rows=int(len(targets) > 1),
                  line_label=len(targets) == 1)


def ai_literacy_levels(frame: pd.DataFrame, caption: str, safe_level: int = 3) -> go.Figure:
    """Share of museums by the typical AI-literacy level of their staff (1 none … 4 can deploy and evaluate);
    levels below 'can use safely' in vermillion."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = "Too few answers on staff AI literacy"
        too_few(fig, n)
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
    return titled(fig, title, f"{caption}; n = {n} museums that answered; AI Act Art. 4 asks for a sufficient "
                              "level of AI literacy of all staff", width=NARROW_CHARS, plot_height=400)


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
        too_few(fig, overall_n)
    singular, plural = GROUP_NOUNS.get(by, ("group", "groups"))
    note = not_shown(int(by_group["suppressed"].sum()), singular, plural)
    return titled(fig, title, f"{caption}; unweighted mean of museums' shares{note}",
                  width=NARROW_CHARS, plot_height=max(260, 62 * len(values) + 90), line_label=True)


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
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        below = shown[shown["mean_pct"] < baseline]
        lowest = shown.loc[shown["mean_pct"].idxmin()]
        low_text = f"{group_label(by, lowest['group']) if by else lowest['group']}: {lowest['mean_pct']:.1f} %"
        if len(shown) == 1:
            verb = "below" if len(below) else "at or above"
            title = f"Digital staff share is {verb} the ENUMERATE {baseline:g} % baseline ({low_text})"
        else:
            ranking = findings.rank([estimate(group_label(by, r.group) if by else r.group, r.mean_pct, r) for r in shown.itertuples()])
            lowest_part = (f"lowest: {low_text}" if ranking.bottom_holds else
                           f"means {ranking.bottom.value:.1f} % to {ranking.top.value:.1f} %")
            title = (f"{len(below)} of {len(shown)} {plural} are below the ENUMERATE {baseline:g} % digital-staff "
                     f"baseline; {lowest_part}")
    note = not_shown(int(frame["suppressed"].sum()), singular, plural)
    return titled(fig, title, f"{caption}; museums that gave digital and paid FTE{note}",
                  width=NARROW_CHARS, plot_height=max(260, 70 * len(shown) + 90), legend_rows=2, line_label=True)


def choice_bars(frame: pd.DataFrame, caption: str, singular: str, highlight: tuple[str, ...] = (),
                highlight_name: str = "", other_name: str = "") -> go.Figure:
    """Share of museums choosing each option of a several-answers question (`choice_counts` frame), largest on
    top; options in `highlight` (e.g. EU programmes) in a second colour with their own legend entry."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = f"Too few answers to rank {singular}s"
        too_few(fig, n)
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
    return titled(fig, title, f"{caption}; n = {n} museums that answered; several answers allowed",
                  width=NARROW_CHARS, plot_height=height, legend_rows=int(bool(highlight)))


def ai_adoption(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Share of museums at each AI adoption stage (`ordered_shares` of ai_status), none → in production."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = "Too few answers on AI adoption"
        too_few(fig, n)
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
    return titled(fig, title, f"{caption}; n = {n} museums that answered", width=NARROW_CHARS, plot_height=400)


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
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([estimate(r.label.removesuffix(" is adequate"), r.mean, r)
                                 for r in shown.itertuples()])
        if len(ranking.groups) == 1:
            title = f"{ranking.bottom.name} is rated {ranking.bottom.value:.1f} on a 1–5 scale"
        elif ranking.bottom_holds:
            title = f"{ranking.bottom.name} is rated least adequate: {ranking.bottom.value:.1f} on a 1–5 scale"
        else:
            title = (f"Infrastructure ratings range from {ranking.bottom.value:.1f} to {ranking.top.value:.1f} on a "
                     f"1–5 scale; {ranking.why_not('item')}")
    note = not_shown(int(frame["suppressed"].sum()), N_("item"), N_("items"))
    return titled(fig, title, f"{caption}; unweighted means of museums' ratings, 1 = very poor … 5 = excellent"
                              f"{note}", width=NARROW_CHARS, plot_height=max(260, 70 * len(shown) + 90),
                  line_label=True)


READINESS_QUESTION = {"has_digital_strategy": "Digital strategy", "ai_policy": "AI policy",
                      "skills_assessment_done": "Skills needs assessed", "training_plan": "Training plan"}
READINESS_TIERS = (("yes", "In place", PALETTE[2]), ("partial", "On the way", PALETTE[1]),
                   ("no", "None / no", PALETTE[3]))


def strategy_and_policy(frame: pd.DataFrame, caption: str) -> go.Figure:
    """One 100 % bar per question (digital strategy, AI policy, skills needs assessed, training plan), split into
    in place / on the way / none (`metrics.strategy_and_policy` frame), each with its n."""
    questions = list(dict.fromkeys(frame["question"]))
    shown = [q for q in questions if not frame.loc[frame["question"] == q, "suppressed"].any()]
    labels = {q: f"{q} (n={first_n(frame[frame['question'] == q])})" for q in shown}
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
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    note = not_shown(len(questions) - len(shown), N_("question"), N_("questions"))
    return titled(fig, title, f"{caption}; in place = written strategy, adopted policy or yes; on the way = "
                              f"unwritten strategy or policy in preparation{note}",
                  width=NARROW_CHARS, plot_height=max(260, 70 * len(shown) + 90), legend_rows=2)
