"""Digitisation charts: levels, rights online, the 3D milestones, pace towards the target, the spread by group."""

from __future__ import annotations

from analysis import charts, formats
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import metrics
from analysis.i18n import N_, _


def _goal(view: View) -> dict:
    return metrics.target_in_force(view.fetch(metrics.targets_in_force))


def _target(goal: dict) -> str:
    """'Target: 50 % by 2030', the legend entry and the note of a chart that shows the target in force."""
    return _("Target: {target}").format(target=goal["text"])


@chart("digitisation-levels", N_("Catalogued, digitised, 3D, online"))
def digitisation_levels(view: View) -> Chart:
    frame = view.fetch(metrics.level_summary)
    goal = _goal(view)
    shown = frame[~frame["suppressed"]]
    figures = [_("{level}: {mean} unweighted (n = {n}), {weighted} of objects (n = {n_weighted}).").format(
                   level=r.label, mean=pct1(r.mean), n=r.n, weighted=pct1(r.weighted_mean), n_weighted=r.n_weighted)
               for r in shown.itertuples()][:3]
    return finish(view, "digitisation-levels",
                  charts.digitisation_levels(frame, view.caption, goal["value"], _target(goal)), frame,
                  _("Mean share of collections catalogued, digitised, in 3D, online and in Europeana; unweighted "
                    "and collection-weighted, with the number of museums behind each figure"),
                  n=int(frame["n"].max()) if len(frame) else 0, figures=[*figures, _target(goal) + "."],
                  hidden=hidden(frame), noun=(N_("level"), N_("levels")), empty=shown.empty,
                  method=_("unweighted means count every museum once; collection-weighted means count every object "
                           "once, over museums that gave their collection size."))


@chart("digitisation-rights", N_("Rights of material online"))
def digitisation_rights(view: View) -> Chart:
    frame = view.fetch(metrics.rights_shares)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else [formats.clauses(formats.labelled(r.label, pct(r.mean_share))
                                                for r in frame.itertuples()) + "."]
    return finish(view, "digitisation-rights", charts.rights_status(frame, view.caption), frame,
                  _("Mean share of online material with an open licence, a restricted licence or unknown rights"),
                  n=n, figures=figures, empty=empty,
                  method=_("unweighted means of museums' shares of their online material, over museums that gave "
                           "all three shares."))


@chart("3d-milestones", N_("3D milestones (2021/1970)"))
def milestones_3d(view: View) -> Chart:
    frame = view.fetch(metrics.milestones_3d)
    shown = frame[~frame["suppressed"]]
    figures = [_("{assets}: {share} in 3D (n = {n} museums); milestones {first} by 2025, {second} by 2030.").format(
                   assets=r.label, share=pct(r.share_3d), n=r.n, first=pct(r.target_2025), second=pct(r.target_2030))
               for r in shown.itertuples()]
    return finish(view, "3d-milestones", charts.milestones_3d(frame, view.caption), frame,
                  _("Share of monuments and sites at risk and most visited that are digitised in 3D, against the "
                    "2025 and 2030 milestones of Recommendation (EU) 2021/1970"),
                  n=int(frame["n"].max()) if len(frame) else 0, figures=figures, hidden=hidden(frame),
                  noun=(N_("asset type"), N_("asset types")), empty=shown.empty,
                  method=_("sites digitised in 3D ÷ all sites, summed over the museums that manage such sites; "
                           "milestones of Recommendation (EU) 2021/1970, point 6."))


@chart("digitisation-on-track", N_("On pace for the digitisation target"))
def on_track(view: View) -> Chart:
    frame = view.fetch(metrics.on_track_2030)
    goal = _goal(view)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = not n or bool(frame["suppressed"].any())
    figures = [] if empty else [formats.clauses(formats.labelled(r.label, f"{int(r.museums)} ({pct(r.share)})")
                                                for r in frame.itertuples()) + "."]
    return finish(view, "digitisation-on-track", charts.on_track(frame, view.caption, goal["text"]), frame,
                  _("Museums that have reached the digitisation target, are on pace, behind pace, or cannot be "
                    "judged"), n=n, figures=[*figures, _target(goal) + "."], empty=empty,
                  method=metrics.on_track_definition().replace("**", ""))


@chart("digitisation-spread-by-country", N_("Digitisation spread by group"))
def digitisation_spread(view: View, by: str = "country", measure: str = "pct_digitised") -> Chart:
    frame = view.fetch(metrics.distribution, measure, by)
    goal = _goal(view)
    target = goal["value"] if measure == "pct_digitised" else None
    label = _(metrics.LEVELS[measure])
    fig = charts.distribution_box(frame, by, label, view.caption, target, _target(goal))
    data = frame.assign(label=[charts.group_label(by, g) for g in frame["group"]])
    shown = data[~data["suppressed"]]
    group = formats.mid_sentence(_(metrics.GROUPS[by]))
    key = f"digitisation-spread-by-{by}" if measure == "pct_digitised" else f"{measure}-spread-by-{by}"
    return finish(view, key.replace("_", "-"), fig, data,
                  _("Distribution of {measure} by {grouping}: quartiles, lowest and highest museum, unweighted "
                    "and collection-weighted means").format(measure=formats.mid_sentence(label), grouping=group),
                  n=int(shown["n"].sum()), figures=[ends(shown, lambda r: r["label"], "median",
                                                         lambda v: _("median {share}").format(share=pct(v)))],
                  hidden=hidden(frame), empty=shown.empty,
                  method=_("per {grouping}, the box holds the middle half of museums, the line is the median and the "
                           "whiskers reach the lowest and highest museum; means are unweighted and "
                           "collection-weighted.").format(grouping=group))
