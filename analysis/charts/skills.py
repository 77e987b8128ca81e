"""Skills & AI charts: staff digital skills against the DigComp target, AI literacy, training and adoption,
digital staff, infrastructure, strategy and policy, and the several-answers bars (roles, AI uses, obstacles,
funding sources) that several pages share."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats, schema
from analysis.figures import findings
from analysis.i18n import N_, _
from analysis.charts.labels import GROUP_NOUNS, estimate, first_n, group_label, not_shown, share_hover
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
        y=labels, x=shown["mean_level"], orientation="h", name=_("Mean level (self-assessed)"),
        marker_color=[GAP_COLOUR if b else MET_COLOUR for b in below],
        hovertemplate="%{y}: " + _("mean level") + " %{x:.2f}<extra></extra>"))
    # each bar's label starts right of its bar or of the target, whichever is further: the target line never
    # runs through it (a bar's own text starts at the bar's end, and most bars end just short of the target)
    for label, v, p, t in zip(labels, shown["mean_level"], shown["pct_below_target"], shown["target_level"]):
        fig.add_annotation(y=label, x=max(v, t), text=_("{level} · {share} of museums below target").format(
                               level=formats.number(v, 1), share=formats.pct(p)),
                           xanchor="left", xshift=8, showarrow=False, font={"size": FONT_SIZE})
    targets = sorted({round(float(t), 6) for t in shown["target_level"]})
    if len(targets) == 1:
        fig.add_vline(x=targets[0], line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                      annotation_text=_("Target: level {level}").format(level=f"{targets[0]:g}"), annotation_position="top",
                      annotation_font_size=FONT_SIZE - 2)
    elif targets:
        fig.add_scatter(y=labels, x=shown["target_level"], mode="markers", name=_("Target level (mean of museums')"),
                        marker={"symbol": "line-ns", "size": 40, "line": {"width": 4, "color": TARGET_COLOUR}})
    fig.update_xaxes(title=_("Mean self-assessed DigComp 2.2 level (1–8)"), range=[0, 8.2], dtick=1)
    target_text = (_("DigComp level {level}").format(level=f"{targets[0]:g}") if len(targets) == 1
                   else _("their target level"))
    if shown.empty:
        title = _("Too few answers to profile staff digital skills")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        gaps = findings.rank([estimate(r.label, r.target_level - r.mean_level, r)
                              for r in shown.itertuples()])
        level = dict(zip(shown["label"], shown["mean_level"]))
        if gaps.top_holds:
            behind = _("furthest behind in {area} ({level})").format(
                area=formats.mid_sentence(gaps.top.name), level=formats.number(level[gaps.top.name], 1))
        else:
            behind = _("mean levels {low} to {high}").format(low=formats.number(min(level.values()), 1),
                                                              high=formats.number(max(level.values()), 1))
        k, total = sum(below), len(shown)
        if k == total:
            title = (_("Staff are below {target} in all {total} areas on average; {behind}") if total > 1 else
                     _("Staff are below {target} in the one area shown on average; {behind}"))
        elif k:
            title = _("Staff are below {target} in {k} of {total} areas on average; {behind}")
        else:
            title = (_("Staff reach {target} in all {total} areas on average") if total > 1 else
                     _("Staff reach {target} in the one area shown on average"))
        title = title.format(target=target_text, total=total, k=k, behind=behind)
    note = not_shown(int(frame["suppressed"].sum()), N_("area"), N_("areas"))
    return titled(fig, title, _("{caption}; typical level of staff, self-assessed by each museum").format(
        caption=caption) + note, width=80,
                  plot_height=max(300, 72 * len(shown) + 90), legend_rows=int(len(targets) > 1),
                  line_label=len(targets) == 1)


def ai_literacy_levels(frame: pd.DataFrame, caption: str, safe_level: int = 3) -> go.Figure:
    """Share of museums by the typical AI-literacy level of their staff (1 none … 4 can deploy and evaluate);
    levels below 'can use safely' in vermillion."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = _("Too few answers on staff AI literacy")
        too_few(fig, n)
    else:
        fig.add_bar(x=[_stack_label(f"{lv} {lab}") for lv, lab in zip(frame["level"], frame["label"])],
                    y=frame["share"],
                    marker_color=[GAP_COLOUR if lv < safe_level else MET_COLOUR for lv in frame["level"]],
                    text=[formats.pct(s) for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate=share_hover("x", "y"))
        fig.update_yaxes(title=_("Share of museums (%)"), range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title=_("AI-literacy level of staff"), tickangle=0)
        low = float(frame.loc[frame["level"] < safe_level, "share"].sum())
        safe = frame.loc[frame["level"] == safe_level, "label"]
        title = _("In {share} of museums, staff are below '{level}' in AI literacy").format(
            share=formats.pct(low), level=formats.mid_sentence(safe.iloc[0]) if len(safe) else _("safe use"))
    return titled(fig, title, _("{caption}; n = {n} museums that answered; AI Act Art. 4 asks for a sufficient "
                                "level of AI literacy of all staff").format(caption=caption, n=n),
                  width=NARROW_CHARS, plot_height=400)


def ai_training_gap(overall_mean: float | None, overall_n: int, by_group: pd.DataFrame, by: str, caption: str,
                    target: float = 100.0) -> go.Figure:
    """Mean % of staff trained in AI literacy in the last 12 months, all museums and per group (`distribution`
    frame: group, n, mean, suppressed), against the AI Act Art. 4 target (a dashed line at `target`)."""
    shown = by_group[~by_group["suppressed"]]
    if by == "size_band":
        order = {band: i for i, (band, _label) in enumerate(schema.SIZE_BANDS)}
        shown = shown.sort_values("group", key=lambda s: s.map(order))
    has_overall = overall_mean is not None and not pd.isna(overall_mean)
    labels = ([_("All museums (n={n})").format(n=overall_n)] if has_overall else []) + [
        f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    values = ([float(overall_mean)] if has_overall else []) + [float(v) for v in shown["mean"]]
    fig = go.Figure(go.Bar(y=labels, x=values, orientation="h", name=_("Staff trained in the last 12 months"),
                           marker_color=[MET_COLOUR if has_overall and i == 0 else PALETTE[4]
                                         for i in range(len(values))],
                           text=[formats.pct(v) for v in values], textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:.1f} % " + _("of staff trained") + "<extra></extra>"))
    fig.add_vline(x=target, line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                  annotation_text=_("AI Act Art. 4: {target}").format(target=formats.pct(target)), annotation_position="top left",
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title=_("Staff trained, last 12 months (%)"), range=[0, 108])
    fig.update_yaxes(autorange="reversed")
    if has_overall:
        title = _("Museums trained {share} of their staff in AI literacy in the last 12 months on average: "
                  "{points} points short of the AI Act's {target}").format(
            share=formats.pct(overall_mean), points=formats.number(target - overall_mean),
            target=formats.pct(target))
    else:
        title = _("Too few answers on AI-literacy training")
        too_few(fig, overall_n)
    singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    note = not_shown(int(by_group["suppressed"].sum()), singular, plural)
    return titled(fig, title, _("{caption}; unweighted mean of museums' shares").format(caption=caption) + note,
                  width=NARROW_CHARS, plot_height=max(260, 62 * len(values) + 90), line_label=True)


def digital_staff_share(frame: pd.DataFrame, by: str, caption: str, baseline: float) -> go.Figure:
    """Digital staff as % of paid staff (FTE) per group: unweighted mean of museums' shares (bars) and the pooled
    share, sum of digital FTE / sum of paid FTE (diamonds), against the ENUMERATE baseline (dashed line)."""
    shown = frame[~frame["suppressed"]]

    def name(group) -> str:             # without a grouping, the one group is 'All museums'
        return group_label(by, group) if by else _(group)

    labels = [f"{name(g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["mean_pct"], orientation="h", name=_("Mean of museums' shares"),
                marker_color=[GAP_COLOUR if v < baseline else MET_COLOUR for v in shown["mean_pct"]],
                text=[formats.pct(v, 1) for v in shown["mean_pct"]], textposition="auto", insidetextanchor="start",
                insidetextfont={"color": "white"},
                hovertemplate="%{y}: " + _("mean {share} of paid FTE").format(share="%{x:.2f} %") + "<extra></extra>")
    fig.add_scatter(y=labels, x=shown["pooled_pct"], mode="markers", name=_("Pooled: all digital ÷ all paid FTE"),
                    marker={"symbol": "diamond", "size": 15, "color": PALETTE[1], "line": {"width": 1, "color": "black"}},
                    hovertemplate="%{y}: " + _("pooled {share} of paid FTE").format(share="%{x:.2f} %")
                    + "<extra></extra>")
    upper = max([baseline, *shown["mean_pct"].dropna(), *shown["pooled_pct"].dropna()]) * 1.2
    # the line's label above the plot (in the strip _headed keeps for it), on the side of the line with more room:
    # centred on a line near the right end it runs off the chart
    baseline_text = formats.pct(baseline, 1)
    fig.add_vline(x=baseline, line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
                  annotation_text=f"ENUMERATE 2012: {baseline_text}",
                  annotation_position="top left" if baseline > upper / 2 else "top right",
                  annotation={"xshift": -6 if baseline > upper / 2 else 6, "yanchor": "bottom"},
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title=_("Digital staff, % of paid FTE"), range=[0, upper])
    fig.update_yaxes(autorange="reversed")
    singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    if shown.empty:
        title = _("Too few answers on digital staff")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        below = shown[shown["mean_pct"] < baseline]
        lowest = shown.loc[shown["mean_pct"].idxmin()]
        low_text = formats.labelled(name(lowest['group']), formats.pct(lowest['mean_pct'], 1))
        if len(shown) == 1:
            title = (_("Digital staff share is below the ENUMERATE {baseline} baseline ({lowest})") if len(below) else
                     _("Digital staff share is at or above the ENUMERATE {baseline} baseline ({lowest})")).format(
                baseline=baseline_text, lowest=low_text)
        else:
            ranking = findings.rank([estimate(name(r.group), r.mean_pct, r) for r in shown.itertuples()])
            lowest_part = (_("lowest: {lowest}").format(lowest=low_text) if ranking.bottom_holds else
                           _("means {low} to {high}").format(low=formats.pct(ranking.bottom.value, 1),
                                                             high=formats.pct(ranking.top.value, 1)))
            title = _("{k} of {count} {groups} are below the ENUMERATE {baseline} digital-staff baseline; "
                      "{lowest}").format(k=len(below), count=len(shown), groups=_(plural), baseline=baseline_text,
                                         lowest=lowest_part)
    note = not_shown(int(frame["suppressed"].sum()), singular, plural)
    return titled(fig, title, _("{caption}; museums that gave digital and paid FTE").format(caption=caption) + note,
                  width=NARROW_CHARS, plot_height=max(260, 70 * len(shown) + 90), legend_rows=2, line_label=True)


def choice_bars(frame: pd.DataFrame, caption: str, singular: str, highlight: tuple[str, ...] = (),
                highlight_name: str = "", other_name: str = "", plural: str | None = None) -> go.Figure:
    """Share of museums choosing each option of a several-answers question (`choice_counts` frame), largest on
    top; options in `highlight` (e.g. EU programmes) in a second colour with their own legend entry. `singular`
    and `plural` name an option in the reader's language (the plural is the singular with an s by default)."""
    plural = plural or singular + "s"
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = _("Too few answers to rank {options}").format(options=plural)
        too_few(fig, n)
        height = 260
    else:
        rows = frame.sort_values("share")
        labels = list(rows["label"])
        parts = ([(highlight_name, rows["answer"].isin(highlight), MET_COLOUR),
                  (other_name, ~rows["answer"].isin(highlight), PALETTE[4])] if highlight
                 else [(_("Museums choosing it"), rows["answer"] == rows["answer"], MET_COLOUR)])
        for name, mask, colour in parts:
            part = rows[mask]
            fig.add_bar(y=part["label"], x=part["share"], orientation="h", name=name, marker_color=colour,
                        text=[formats.pct(s) for s in part["share"]], textposition="outside", cliponaxis=False,
                        customdata=part["museums"], hovertemplate=share_hover("y", "x"))
        fig.update_yaxes(categoryorder="array", categoryarray=labels)
        fig.update_xaxes(title=_("Share of museums (%)"), range=[0, float(rows["share"].max()) * 1.25 or 1])
        ranking = findings.rank([findings.Estimate.share(r.label, r.share, r.n) for r in rows.itertuples()])
        top = ranking.top
        if len(ranking.groups) == 1:
            title = _("{option}: {share} of museums").format(option=top.name, share=formats.pct(top.value))
        elif ranking.top_holds:
            title = _("{option} is the most common {noun}: {share} of museums").format(
                option=top.name, noun=singular, share=formats.pct(top.value))
        else:
            second = ranking.groups[1]
            title = _("{first} ({first_share}) and {second} ({second_share}) are the two most common {options}; "
                      "{why}").format(first=top.name, first_share=formats.pct(top.value),
                                      second=formats.mid_sentence(second.name),
                                      second_share=formats.pct(second.value), options=plural,
                                      why=ranking.why_not(singular))
        height = max(240, 46 * len(rows) + 90)
    fig.update_layout(barmode="overlay")
    return titled(fig, title, _("{caption}; n = {n} museums that answered; several answers allowed").format(
        caption=caption, n=n), width=NARROW_CHARS, plot_height=height, legend_rows=int(bool(highlight)))


def ai_adoption(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Share of museums at each AI adoption stage (`ordered_shares` of ai_status), none → in production."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = _("Too few answers on AI adoption")
        too_few(fig, n)
    else:
        fig.add_bar(x=frame["label"], y=frame["share"],
                    marker_color=[GAP_COLOUR if a == "none" else MET_COLOUR for a in frame["answer"]],
                    text=[formats.pct(s) for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate=share_hover("x", "y"))
        fig.update_yaxes(title=_("Share of museums (%)"), range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title=_("AI adoption stage"))
        share = dict(zip(frame["answer"], frame["share"]))
        title = _("{none} of museums do not use AI yet; {production} have it in production").format(
            none=formats.pct(share.get("none", 0)), production=formats.pct(share.get("in_production", 0)))
    return titled(fig, title, _("{caption}; n = {n} museums that answered").format(caption=caption, n=n),
                  width=NARROW_CHARS, plot_height=400)


def infra_adequacy(frame: pd.DataFrame, caption: str, midpoint: float = 3.0) -> go.Figure:
    """Mean adequacy rating (1 very poor … 5 excellent) of storage, compute/cloud, network and capture equipment
    (`column_means` frame), each with its n; ratings below the scale midpoint in vermillion."""
    shown = frame[~frame["suppressed"]].sort_values("mean", ascending=False)
    labels = [f"{lab.removesuffix(' is adequate')} (n={n})" for lab, n in zip(shown["label"], shown["n"])]
    fig = go.Figure(go.Bar(y=labels, x=shown["mean"], orientation="h", name=_("Mean rating"),
                           marker_color=[GAP_COLOUR if v < midpoint else MET_COLOUR for v in shown["mean"]],
                           text=[formats.number(v, 1) for v in shown["mean"]], textposition="outside",
                           cliponaxis=False, hovertemplate="%{y}: " + _("mean rating {rating} of 5").format(
                               rating="%{x:.2f}") + "<extra></extra>"))
    fig.add_vline(x=midpoint, line={"color": TARGET_COLOUR, "width": 2, "dash": "dot"},
                  annotation_text=_("{value} = midpoint").format(value=f"{midpoint:g}"), annotation_position="top",
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_xaxes(title=_("Mean rating (1–5)"), range=[0, 5.6], tickvals=[1, 2, 3, 4, 5])
    fig.update_yaxes(autorange="reversed")
    if shown.empty:
        title = _("Too few answers on infrastructure")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([estimate(r.label.removesuffix(" is adequate"), r.mean, r)
                                 for r in shown.itertuples()])
        low, high = formats.number(ranking.bottom.value, 1), formats.number(ranking.top.value, 1)
        if len(ranking.groups) == 1:
            title = _("{item} is rated {rating} on a 1–5 scale").format(item=ranking.bottom.name, rating=low)
        elif ranking.bottom_holds:
            title = _("{item} is rated least adequate: {rating} on a 1–5 scale").format(
                item=ranking.bottom.name, rating=low)
        else:
            title = _("Infrastructure ratings range from {low} to {high} on a 1–5 scale; {why}").format(
                low=low, high=high, why=ranking.why_not(_("item")))
    note = not_shown(int(frame["suppressed"].sum()), N_("item"), N_("items"))
    return titled(fig, title, _("{caption}; unweighted means of museums' ratings, 1 = very poor … 5 = excellent"
                                ).format(caption=caption) + note, width=NARROW_CHARS,
                  plot_height=max(260, 70 * len(shown) + 90), line_label=True)


READINESS_QUESTION = {"has_digital_strategy": N_("Digital strategy"), "ai_policy": N_("AI policy"),
                      "skills_assessment_done": N_("Skills needs assessed"), "training_plan": N_("Training plan")}
READINESS_TIERS = (("yes", N_("In place"), PALETTE[2]), ("partial", N_("On the way"), PALETTE[1]),
                   ("no", N_("None / no"), PALETTE[3]))


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
            text.append(formats.pct(share) if share is not None and share >= 8 else "")
            hover.append(", ".join(part["label"]) if len(part) else "")
        fig.add_bar(y=[labels[q] for q in shown], x=x, orientation="h", name=_(name), marker_color=colour, text=text,
                    textposition="inside", insidetextanchor="middle", textangle=0, customdata=hover,
                    textfont={"size": FONT_SIZE, "color": "white" if tier != "partial" else "black"},
                    hovertemplate="%{y} – %{customdata}: %{x:.1f} %<extra></extra>")
    fig.update_xaxes(title=_("Share of museums (%)"), range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="stack")
    yes = {f: float(frame.loc[(frame["field"] == f) & (frame["tier"] == "yes"), "share"].sum())
           for f in frame["field"].unique()
           if not frame.loc[frame["field"] == f, "suppressed"].any()}
    if "has_digital_strategy" in yes and "ai_policy" in yes:
        title = _("{strategy} of museums have a written digital strategy; {policy} have adopted an AI policy").format(
            strategy=formats.pct(yes["has_digital_strategy"]), policy=formats.pct(yes["ai_policy"]))
    elif shown:
        q = min(yes, key=yes.get)
        title = _("{question}: in place at {share} of museums").format(
            question=_(READINESS_QUESTION[q]) if q in READINESS_QUESTION else q, share=formats.pct(yes[q]))
    else:
        title = _("Too few answers on strategy and policy")
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    note = not_shown(len(questions) - len(shown), N_("question"), N_("questions"))
    return titled(fig, title, _("{caption}; in place = written strategy, adopted policy or yes; on the way = "
                                "unwritten strategy or policy in preparation").format(caption=caption) + note,
                  width=NARROW_CHARS, plot_height=max(260, 70 * len(shown) + 90), legend_rows=2)
