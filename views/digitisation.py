"""Digitisation: levels (catalogued … in Europeana), rights of online material, the backlog, the gap to the
2030 target and who is on pace for it, 3D milestones for monuments, and breakdowns by group."""

import streamlit as st

from analysis import formats, limits
from analysis.figures import metrics
from analysis.i18n import _
from ui import widgets

BREAKDOWNS = ("country", "museum_type", "size_band", "ownership")


def pct(value, unit: str = "%") -> str:
    return formats.pct(value, 1, unit)


st.title(_("Digitisation"))
st.caption(_("How far museum collections are catalogued, digitised, in 3D, online and in Europeana, measured "
             "against the 2030 target and the 3D milestones of Recommendation (EU) 2021/1970."))

view = widgets.explore_view()
s = view.summary
st.caption(_("{filters}. Unweighted means count every museum once; collection-weighted means count every object "
             "once (museums that gave their collection size). Groups of fewer than {n} museums are not "
             "shown.").format(filters=view.caption, n=limits.SUPPRESS_BELOW_N))

goal = metrics.target_in_force(view.fetch(metrics.targets_in_force))
target_text = goal["text"]

# 1. Levels ------------------------------------------------------------------------------------------
st.header(_("How far collections are digitised"))
widgets.show(view, "digitisation-levels")

# 2. Rights and 5. 3D milestones ---------------------------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader(_("Rights of material online"))
    widgets.show(view, "digitisation-rights")
with right:
    st.subheader(_("3D for monuments and sites"))
    widgets.show(view, "3d-milestones")
    st.caption(_("Sum of sites digitised in 3D ÷ sum of sites, over the museums that manage such sites. "
                 "Milestones: 40 % of sites at risk and 20 % of the most visited by 2025; all at risk and 50 % of "
                 "the most visited by 2030."))

# 3. Backlog and 4. gap to target ---------------------------------------------------------------------
st.header(_("Backlog and the 2030 target"))
backlog = view.fetch(metrics.level_means, ("pct_to_digitise", "digitisation_gap_pp", "required_annual_rate_pp")
                     ).set_index("metric")
tiles = (
    (_("Share still to digitise"), pct(backlog.at["pct_to_digitise", "mean"]), _("unweighted mean"),
     backlog.at["pct_to_digitise", "n"], _("100 − % digitised − % that needs no digitising, averaged over museums")),
    (_("Share of objects still to digitise"), pct(backlog.at["pct_to_digitise", "weighted_mean"]),
     _("collection-weighted mean"), backlog.at["pct_to_digitise", "n_weighted"],
     _("objects still to digitise ÷ all objects, over museums that gave their collection size")),
    (_("Objects still to digitise"), formats.count(s["objects_to_digitise"], 2), _("sum"),
     s["n"]["objects_to_digitise"], _("collection size × share still to digitise, summed over museums")),
    (_("Gap to target"), pct(backlog.at["digitisation_gap_pp", "mean"], _("pp")), _("unweighted mean"),
     backlog.at["digitisation_gap_pp", "n"],
     _("target − % digitised, at least 0 (target {target})").format(target=target_text)),
    (_("Pace needed to reach it"), pct(backlog.at["required_annual_rate_pp", "mean"], _("pp a year")),
     _("unweighted mean"), backlog.at["required_annual_rate_pp", "n"], _("gap to target ÷ years left to 2030")),
    (_("Target for collection digitised"), goal["short"], _("placeholder target") if goal["placeholder"]
     else _("target in force"), goal["museums"], _("from the targets table (Admin → Targets)")),
)
for i, (label, value, kind, n, how) in enumerate(tiles):
    if i % 3 == 0:
        cols = iter(st.columns(3))
    col = next(cols)
    col.metric(label, value, help=how)
    col.caption(_("{kind} · n = {n} museums").format(kind=kind, n=n))
st.markdown(_("**Target: {target}.**").format(target=target_text) + " "
            + (_("No national goal has been entered, so the default placeholder is used (Admin → Targets).") + " "
               if goal["placeholder"] else "")
            + goal["note"])

st.subheader(_("Who is on pace for the target"))
st.markdown(metrics.on_track_definition())
widgets.show(view, "digitisation-on-track")
pace_pp = st.slider(_("Compare with a pace of (percentage points of the collection a year)"), 1, 20, 5, key="pace",
                    bind="query-params")
pace = view.fetch(metrics.pace_needed, float(pace_pp))
if pace["above"] is None:
    st.info(_("Fewer than {min} museums have a gap to target (n = {n}): the pace needed is not shown.").format(
        min=limits.SUPPRESS_BELOW_N, n=pace["n"]))
else:
    sentence = _("**{above} of {n} museums** ({share}) would need to digitise more than **{pace} percentage "
                 "points** of their collection a year to reach {target}; the median museum needs {median} a "
                 "year.").format(above=pace["above"], n=pace["n"], share=formats.pct(pace["share_above"]),
                                 pace=pace_pp, target=target_text,
                                 median=formats.pct(pace["median_required"], 1, _("pp")))
    if pace["median_observed"] is not None:
        sentence += " " + _("Museums with an earlier answer (n = {n}) actually digitised a median {median} a "
                            "year.").format(n=pace["n_observed"],
                                            median=formats.pct(pace["median_observed"], 1, _("pp")))
    elif not pace["n_observed"]:
        sentence += " " + _("These museums answered only one wave, so their actual pace cannot be measured yet.")
    st.markdown(sentence)

# 6. Breakdowns ---------------------------------------------------------------------------------------
st.header(_("Breakdowns"))
by = st.segmented_control(_("Break down by"), BREAKDOWNS, default="country", required=True,
                          format_func=lambda group: _(metrics.GROUPS[group]), key="by",
                          bind="query-params") or "country"
measure = st.segmented_control(_("Measure"), list(metrics.LEVELS), default="pct_digitised", required=True,
                               format_func=lambda level: _(metrics.LEVELS[level]), key="measure",
                               bind="query-params") or "pct_digitised"
spread = widgets.show(view, "digitisation-spread-by-country", by=by, measure=measure).data
hidden = int(spread["suppressed"].sum())
hidden_text = (_("{n} {by} group with fewer than {min} answers not shown.") if hidden == 1 else
               _("{n} {by} groups with fewer than {min} answers not shown.")).format(
    n=hidden, min=limits.SUPPRESS_BELOW_N, by=formats.mid_sentence(_(metrics.GROUPS[by])))
st.caption(" ".join(part for part in (
    _("Box: the middle half of museums; line: median; whiskers: lowest and highest museum."),
    hidden_text if hidden else "", "" if measure == "pct_digitised" else _("No target is set for this measure."))
    if part))
