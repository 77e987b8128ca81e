"""Funding charts: what museums need, what their digital budgets cover, and the shortfall by investment pillar
and by group (EUR millions)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats, i18n, schema
from analysis.figures import findings
from analysis.i18n import N_, _
from analysis.charts.labels import GROUP_NOUNS, eur_hover, first_n, group_label, not_shown, share_hover
from analysis.charts.style import (BUDGET_COLOUR, FONT_SIZE, GAP_COLOUR, MET_COLOUR, NARROW_CHARS, PALETTE, titled,
                                   too_few)
from analysis.formats import money
from analysis.limits import SUPPRESS_BELOW_N


def shortfall_by_pillar(shortfalls: dict[str, float | None], caption: str, n: int) -> go.Figure:
    """Bars of the total funding shortfall per investment pillar, largest first (EUR millions); n = museums
    that gave need and budget."""
    items = sorted(((i18n.survey_label(schema.PILLARS[p]), v or 0.0) for p, v in shortfalls.items()),
                   key=lambda kv: kv[1])
    fig = go.Figure(go.Bar(y=[k for k, _ in items], x=[v / 1e6 for _, v in items], orientation="h",
                           marker_color=PALETTE[3], text=[money(v) for _, v in items],
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: " + eur_hover("%{x:,.2f}") + "<extra></extra>"))
    largest = max((v for _, v in items), default=0) / 1e6
    fig.update_xaxes(title=_("Funding shortfall to 2030 (EUR millions)"), range=[0, largest * 1.25 or 1])
    total = sum(v for _name, v in items)
    title = _largest_pillar([findings.Estimate.total(k, v, n) for k, v in items if v], total) if total else (
        _("No funding shortfall reported"))
    fig.update_layout(height=460)
    return titled(fig, title, caption)


def _largest_pillar(pillars: list, total: float) -> str:
    """'Qualified staff is the largest gap: EUR 6.0 M of EUR 12.0 M', or the two largest when they are close."""
    ranking = findings.rank(pillars)
    first = ranking.top
    if len(ranking.groups) == 1:
        return _("{pillar} is the only gap reported: {amount}").format(pillar=first.name, amount=money(first.value))
    if ranking.top_holds:
        return _("{pillar} is the largest gap: {amount} of {total}").format(
            pillar=first.name, amount=money(first.value), total=money(total))
    second = ranking.groups[1]
    return _("{first} and {second} are the two largest gaps: {first_amount} and {second_amount} of {total}").format(
        first=first.name, second=formats.mid_sentence(second.name), first_amount=money(first.value),
        second_amount=money(second.value), total=money(total))


def need_vs_budget(pillars: pd.DataFrame, totals: dict, caption: str) -> go.Figure:
    """Three bars, EUR millions: total need (stacked by pillar), digital budget × horizon, and total shortfall
    (stacked by pillar), each with its n. `pillars` is `metrics.pillar_funding`; `totals` holds need, n_need,
    available, n_available, shortfall, n_shortfall (from `metrics.summary`)."""
    words = {"need": N_("Need"), "available": N_("Budget × horizon"), "shortfall": N_("Shortfall")}
    cats = {k: f"{_(word)} (n={totals[f'n_{k}']})" for k, word in words.items()}
    ok = {k: totals[f"n_{k}"] >= SUPPRESS_BELOW_N and totals[k] is not None for k in cats}
    fig = go.Figure()
    for i, r in enumerate(pillars.itertuples()):
        x = [r.need_eur / 1e6 if ok["need"] and pd.notna(r.need_eur) else None, None,
             r.shortfall_eur / 1e6 if ok["shortfall"] and pd.notna(r.shortfall_eur) else None]
        fig.add_bar(y=list(cats.values()), x=x, orientation="h", name=r.label, marker_color=PALETTE[i % 6],
                    hovertemplate=f"{r.label}: {eur_hover('%{x:,.1f}')}<extra>%{{y}}</extra>")
    fig.add_bar(y=list(cats.values()), x=[None, totals["available"] / 1e6 if ok["available"] else None, None],
                orientation="h", name=_("Digital budget × horizon"), marker_color=BUDGET_COLOUR,
                hovertemplate=f"{_(words['available'])}: {eur_hover('%{x:,.1f}')}<extra></extra>")
    shown = {k: totals[k] for k in cats if ok[k]}
    for k, v in shown.items():
        fig.add_annotation(x=v / 1e6, y=cats[k], text=f" {money(v)}", showarrow=False, xanchor="left",
                           font={"size": FONT_SIZE})
    largest = max([v / 1e6 for v in shown.values()], default=1)
    fig.update_xaxes(title=_("EUR millions, over each museum's horizon (default: to 2030)"), range=[0, largest * 1.2])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="stack", bargap=0.35)
    if len(shown) == 3:
        title = _("Museums need {need} and can fund {available} from their digital budgets: {shortfall} short").format(
            need=money(totals["need"]), available=money(totals["available"]), shortfall=money(totals["shortfall"]))
    else:
        title = _("Too few answers to compare need and budget")
    hidden = [k for k in cats if not ok[k]]
    note = (formats.semicolon() + _("{parts}: fewer than {min} answers, not shown").format(
        parts=", ".join(_(words[k]).lower() for k in hidden), min=SUPPRESS_BELOW_N) if hidden else "")
    pillar_note = (formats.semicolon()
                   + _("pillars with fewer than {min} answers not shown").format(min=SUPPRESS_BELOW_N)
                   if pillars["suppressed"].any() and not hidden else "")
    return titled(fig, title, _("{caption}; the shortfall is summed museum by museum over those that gave need and "
                                "budget, so it is not need minus budget").format(caption=caption)
                  + note + pillar_note, width=84, plot_height=340, legend_rows=2)


def pillar_need_shortfall(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Per investment pillar, EUR millions: total need (museums that answered it) and the shortfall shared out
    to it (museums with need and budget), largest shortfall on top (`metrics.pillar_funding` frame)."""
    shown = frame[~frame["suppressed"]].sort_values("shortfall_eur", ascending=False)
    labels = list(shown["label"])
    n_short = int(frame["n_shortfall"].iloc[0]) if len(frame) else 0
    fig = go.Figure()
    fig.add_bar(y=labels, x=shown["need_eur"] / 1e6, orientation="h", name=_("Need (museums that answered it)"),
                marker_color=MET_COLOUR, text=[money(v) for v in shown["need_eur"]], textposition="outside",
                cliponaxis=False, customdata=shown["n_need"],
                hovertemplate="%{y}: " + _("need {amount}").format(amount=eur_hover("%{x:,.1f}"))
                + " (n=%{customdata})<extra></extra>")
    fig.add_bar(y=labels, x=shown["shortfall_eur"] / 1e6, orientation="h",
                name=_("Shortfall (n={n} with need and budget)").format(n=n_short), marker_color=GAP_COLOUR,
                text=[money(v) for v in shown["shortfall_eur"]], textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: " + _("shortfall {amount}").format(amount=eur_hover("%{x:,.1f}"))
                + "<extra></extra>")
    largest = max([*(shown["need_eur"].dropna() / 1e6), 0]) or 1
    # room right of the longest bar for its label ('EUR 130.3 M') in half a page
    fig.update_xaxes(title=_("EUR millions, to 2030"), range=[0, largest * 1.75])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="group", bargap=0.25)
    if shown.empty:
        title = _("Too few answers to compare the pillars")
        too_few(fig, n_short)
    else:
        ranking = findings.rank([findings.Estimate.total(r.label, r.shortfall_eur, r.n_shortfall)
                                 for r in shown.itertuples()])
        need = dict(zip(shown["label"], shown["need_eur"]))
        top = ranking.top
        if ranking.top_holds or len(ranking.groups) == 1:
            title = _("{pillar} has the largest shortfall: {amount} (need {need})").format(
                pillar=top.name, amount=money(top.value), need=money(need[top.name]))
        else:
            second = ranking.groups[1]
            title = _("{first} and {second} have the two largest shortfalls: {first_amount} and "
                      "{second_amount}").format(first=top.name, second=formats.mid_sentence(second.name),
                                                first_amount=money(top.value), second_amount=money(second.value))
    note = not_shown(int(frame["suppressed"].sum()), N_("pillar"), N_("pillars"))
    return titled(fig, title, _("{caption}; each museum's shortfall shared out in proportion to its needs").format(
        caption=caption) + note, width=NARROW_CHARS, plot_height=max(300, 84 * len(shown) + 90), legend_rows=2)


def shortfall_ranking(frame: pd.DataFrame, by: str, caption: str, per_museum: bool = False) -> go.Figure:
    """Groups ranked by total funding shortfall, or by shortfall per museum (EUR millions), n in each label;
    groups with fewer than SUPPRESS_BELOW_N museums that gave need and budget are left out and counted
    (`metrics.shortfall_by`)."""
    column = "shortfall_per_museum_eur" if per_museum else "shortfall_eur"
    shown = frame[~frame["suppressed"]].sort_values(column, ascending=False)
    labels = [f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])]
    digits = 2 if per_museum else 1
    fig = go.Figure(go.Bar(y=labels, x=shown[column] / 1e6, orientation="h",
                           marker_color=PALETTE[5] if per_museum else GAP_COLOUR,
                           text=[money(v, digits) for v in shown[column]], textposition="outside", cliponaxis=False,
                           hovertemplate=f"%{{y}}: {eur_hover(f'%{{x:,.{digits}f}}')}<extra></extra>"))
    largest = float(shown[column].max()) / 1e6 if len(shown) else 1
    fig.update_xaxes(title=_("Shortfall per museum (EUR millions)") if per_museum else
                     _("Total shortfall (EUR millions)"),
                     range=[0, largest * 1.75 or 1])          # room for the longest bar's label in half a page
    fig.update_yaxes(autorange="reversed")
    singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    if shown.empty:
        title = _("Too few answers per {group} to rank the shortfall").format(group=_(singular))
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([findings.Estimate.total(group_label(by, r.group), getattr(r, column), r.n)
                                 for r in shown.itertuples()])
        top = ranking.top
        if len(ranking.groups) == 1:
            title = (_("{group}: shortfall per museum {amount} (n = {n})") if per_museum else
                     _("{group}: shortfall {amount} (n = {n})")).format(
                group=top.name, amount=money(top.value, digits), n=top.n)
        elif not ranking.top_holds:
            title = (_("Shortfall per museum from {low} to {high} across {count} {groups}; {why}") if per_museum else
                     _("Shortfall from {low} to {high} across {count} {groups}; {why}")).format(
                low=money(ranking.bottom.value, digits), high=money(top.value, digits), count=len(shown),
                groups=_(plural), why=ranking.why_not(_(singular)))
        elif per_museum:
            title = _("{group} has the largest shortfall per museum: {amount}").format(
                group=top.name, amount=money(top.value, 2))
        else:
            share = 100 * top.value / shown[column].sum() if shown[column].sum() else 0
            title = _("{group} has the largest shortfall: {amount}, {share} of the total shown").format(
                group=top.name, amount=money(top.value), share=formats.pct(share))
    note = not_shown(int(frame["suppressed"].sum()), singular, plural)
    return titled(fig, title, _("{caption}; n in each label = museums that gave need and budget").format(
        caption=caption) + note, width=NARROW_CHARS, plot_height=max(240, 36 * len(shown) + 90))


def shortfall_ratio_bands(frame: pd.DataFrame, caption: str) -> go.Figure:
    """How much of their need museums cannot fund: share of museums per shortfall-ratio band
    (`metrics.shortfall_ratio_bands` frame), from fully funded to nothing funded."""
    n = first_n(frame)
    fig = go.Figure()
    if frame.empty or frame["suppressed"].any():
        title = _("Too few answers to show how much of the need is unfunded")
        too_few(fig, n)
    else:
        # one short word a line ('0 %', '(fully', 'funded)'): six bars share half a page without rotated ticks
        parts = [label.partition(" (") for label in frame["label"]]
        ticks = [f"{value}<br>({note.replace(' ', '<br>')}" if note else value.replace("–", "–<br>", 1)
                 for value, _sep, note in parts]
        fig.add_bar(x=ticks, y=frame["share"],
                    marker_color=[PALETTE[2] if b == "none" else GAP_COLOUR for b in frame["band"]],
                    text=[formats.pct(s) for s in frame["share"]], textposition="outside", cliponaxis=False,
                    customdata=frame["museums"], hovertemplate=share_hover("x", "y"))
        fig.update_yaxes(title=_("Share of museums (%)"), range=[0, max(float(frame["share"].max()) * 1.25, 10)])
        fig.update_xaxes(title=_("Share of the need not funded"), tickangle=0)
        over_half = float(frame.loc[frame["band"].isin(["to_75", "below_100", "all"]), "share"].sum())
        title = _("{share} of museums can fund less than half of what they need").format(share=formats.pct(over_half))
    return titled(fig, title, _("{caption}; n = {n} museums that gave need and budget; shortfall ratio = "
                                "shortfall ÷ need").format(caption=caption, n=n), width=NARROW_CHARS, plot_height=400)
