"""Digitisation charts: levels, rights online, the 3D milestones, pace towards the target, the spread by group."""

from __future__ import annotations

from analysis import charts
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import metrics
from analysis.i18n import N_


def _goal(view: View) -> dict:
    return metrics.target_in_force(view.fetch(metrics.targets_in_force))


@chart("digitisation-levels", N_("Catalogued, digitised, 3D, online"))
def digitisation_levels(view: View) -> Chart:
    frame = view.fetch(metrics.level_summary)
    goal = _goal(view)
    shown = frame[~frame["suppressed"]]
    figures = [f"{r.label}: {pct1(r.mean)} unweighted (n = {r.n}), {pct1(r.weighted_mean)} of objects "
               f"(n = {r.n_weighted})." for r in shown.itertuples()][:3]
    return finish(view, "digitisation-levels",
                  charts.digitisation_levels(frame, view.caption, goal["value"], f"Target: {goal['text']}"), frame,
                  "Mean share of collections catalogued, digitised, in 3D, online and in Europeana; unweighted and "
                  "collection-weighted, with the number of museums behind each figure",
                  n=int(frame["n"].max()) if len(frame) else 0, figures=[*figures, f"Target: {goal['text']}."],
                  hidden=hidden(frame), noun=("level", "levels"), empty=shown.empty,
                  method="unweighted means count every museum once; collection-weighted means count every object "
                         "once, over museums that gave their collection size.")


@chart("digitisation-rights", N_("Rights of material online"))
def digitisation_rights(view: View) -> Chart:
    frame = view.fetch(metrics.rights_shares)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {pct(r.mean_share)}" for r in frame.itertuples()) + "."]
    return finish(view, "digitisation-rights", charts.rights_status(frame, view.caption), frame,
                  "Mean share of online material with an open licence, a restricted licence or unknown rights",
                  n=n, figures=figures, empty=empty,
                  method="unweighted means of museums' shares of their online material, over museums that gave "
                         "all three shares.")


@chart("3d-milestones", N_("3D milestones (2021/1970)"))
def milestones_3d(view: View) -> Chart:
    frame = view.fetch(metrics.milestones_3d)
    shown = frame[~frame["suppressed"]]
    figures = [f"{r.label}: {pct(r.share_3d)} in 3D (n = {r.n} museums); milestones {pct(r.target_2025)} by 2025, "
               f"{pct(r.target_2030)} by 2030." for r in shown.itertuples()]
    return finish(view, "3d-milestones", charts.milestones_3d(frame, view.caption), frame,
                  "Share of monuments and sites at risk and most visited that are digitised in 3D, against the "
                  "2025 and 2030 milestones of Recommendation (EU) 2021/1970",
                  n=int(frame["n"].max()) if len(frame) else 0, figures=figures, hidden=hidden(frame),
                  noun=("asset type", "asset types"), empty=shown.empty,
                  method="sites digitised in 3D ÷ all sites, summed over the museums that manage such sites; "
                         "milestones of Recommendation (EU) 2021/1970, point 6.")


@chart("digitisation-on-track", N_("On pace for the digitisation target"))
def on_track(view: View) -> Chart:
    frame = view.fetch(metrics.on_track_2030)
    goal = _goal(view)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = not n or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {int(r.museums)} ({pct(r.share)})"
                                          for r in frame.itertuples()) + "."]
    return finish(view, "digitisation-on-track", charts.on_track(frame, view.caption, goal["text"]), frame,
                  "Museums that have reached the digitisation target, are on pace, behind pace, or cannot be judged",
                  n=n, figures=[*figures, f"Target: {goal['text']}."], empty=empty,
                  method=metrics.on_track_definition().replace("**", ""))


@chart("digitisation-spread-by-country", N_("Digitisation spread by group"))
def digitisation_spread(view: View, by: str = "country", measure: str = "pct_digitised") -> Chart:
    frame = view.fetch(metrics.distribution, measure, by)
    goal = _goal(view)
    target = goal["value"] if measure == "pct_digitised" else None
    label = metrics.LEVELS[measure]
    fig = charts.distribution_box(frame, by, label, view.caption, target, f"Target: {goal['text']}")
    data = frame.assign(label=[charts.group_label(by, g) for g in frame["group"]])
    shown = data[~data["suppressed"]]
    group = metrics.GROUPS[by].lower()
    key = f"digitisation-spread-by-{by}" if measure == "pct_digitised" else f"{measure}-spread-by-{by}"
    return finish(view, key.replace("_", "-"), fig, data,
                  f"Distribution of {label.lower()} by {group}: quartiles, lowest and highest museum, unweighted "
                  "and collection-weighted means",
                  n=int(shown["n"].sum()), figures=[ends(shown, lambda r: r["label"], "median",
                                                         lambda v: f"median {pct(v)}")],
                  hidden=hidden(frame), empty=shown.empty,
                  method=f"per {group}, the box holds the middle half of museums, the line is the median and the "
                         "whiskers reach the lowest and highest museum; means are unweighted and collection-weighted.")
