"""Charts of any single-choice or yes/no question, so that a new question needs no chart function of its own."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats
from analysis.charts.labels import GROUP_NOUNS, group_label, not_shown
from analysis.charts.style import NARROW_CHARS, PALETTE, titled, too_few
from analysis.figures import findings
from analysis.i18n import N_, _


def answers_by_group(frame: pd.DataFrame, question: str, by: str, caption: str) -> go.Figure:
    """Share of museums giving each answer of one question, one stacked bar per group (`metrics.answers_by`),
    answers in the survey's order; groups are sorted by the share giving the first answer (yes, for a yes/no
    question), and groups with too few answers are named in the subtitle, not drawn. `question` is in the
    reader's language."""
    singular, plural = GROUP_NOUNS.get(by, (N_("group"), N_("groups")))
    shown = frame[~frame["suppressed"]]
    answers = list(dict.fromkeys(frame["label"]))
    first = shown[shown["label"] == answers[0]].sort_values("share") if answers else shown
    order = list(first["group"])
    names = {g: f"{group_label(by, g)} (n={n})" for g, n in zip(shown["group"], shown["n"])}
    fig = go.Figure()
    for colour, answer in zip(PALETTE, answers):
        part = shown[shown["label"] == answer].set_index("group").reindex(order)
        fig.add_bar(y=[names[g] for g in order], x=part["share"], orientation="h", name=answer, marker_color=colour,
                    text=[formats.pct(v) for v in part["share"]], textposition="inside", insidetextanchor="middle",
                    customdata=part["museums"], hovertemplate=f"%{{y}}: {answer} %{{x:.1f}} % "
                                                              "(%{customdata} " + _("museums") + ")<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=_("Share of museums that answered (%)"), range=[0, 100])
    if first.empty:
        title = _("Too few answers per {group} on {question}").format(group=_(singular),
                                                                    question=formats.mid_sentence(question))
        too_few(fig, int(frame["n"].max()) if len(frame) else 0)
    else:
        ranking = findings.rank([findings.Estimate.share(group_label(by, r.group), r.share, r.n)
                                 for r in first.itertuples()])
        top, bottom = ranking.top, ranking.bottom
        if len(ranking.groups) == 1:
            title = _("{question}: {answer} in {share} of museums ({group})").format(
                question=question, answer=answers[0], share=formats.pct(top.value), group=top.name)
        elif ranking.top_holds:
            title = _("{question}: {answer} most often in {group} ({share} of museums)").format(
                question=question, answer=answers[0], group=top.name, share=formats.pct(top.value))
        else:
            title = _("{question}: {answer} from {low} to {high} of museums across {count} {groups}").format(
                question=question, answer=answers[0], low=formats.pct(bottom.value), high=formats.pct(top.value),
                count=len(ranking.groups), groups=_(plural))
    note = not_shown(int(frame.drop_duplicates("group")["suppressed"].sum()), singular, plural)
    return titled(fig, title, _("{caption}; share of the museums of each {group} that answered").format(
        caption=caption, group=_(singular)) + note,
                  width=NARROW_CHARS, plot_height=max(240, 46 * len(order) + 90), legend_rows=1)
