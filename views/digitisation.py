"""Digitisation: levels (catalogued … in Europeana), rights of online material, the backlog, the gap to the
2030 target and who is on pace for it, 3D milestones for monuments, and breakdowns by group."""

import streamlit as st

from analysis import formats, limits
from analysis.figures import metrics
from ui import widgets

BREAKDOWNS = ("country", "museum_type", "size_band", "ownership")


def pct(value, unit: str = "%") -> str:
    return formats.pct(value, 1, unit)


st.title("Digitisation")
st.caption("How far museum collections are catalogued, digitised, in 3D, online and in Europeana, measured "
           "against the 2030 target and the 3D milestones of Recommendation (EU) 2021/1970.")

view = widgets.explore_view()
s = view.summary
st.caption(f"{view.caption}. Unweighted means count every museum once; collection-weighted means count every object "
           f"once (museums that gave their collection size). Groups of fewer than {limits.SUPPRESS_BELOW_N} museums "
           "are not shown.")

goal = metrics.target_in_force(view.fetch(metrics.targets_in_force))
target_text = goal["text"]

# 1. Levels ------------------------------------------------------------------------------------------
st.header("How far collections are digitised")
widgets.show(view, "digitisation-levels")

# 2. Rights and 5. 3D milestones ---------------------------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader("Rights of material online")
    widgets.show(view, "digitisation-rights")
with right:
    st.subheader("3D for monuments and sites")
    widgets.show(view, "3d-milestones")
    st.caption("Sum of sites digitised in 3D ÷ sum of sites, over the museums that manage such sites. "
               "Milestones: 40 % of sites at risk and 20 % of the most visited by 2025; all at risk and 50 % of "
               "the most visited by 2030.")

# 3. Backlog and 4. gap to target ---------------------------------------------------------------------
st.header("Backlog and the 2030 target")
backlog = view.fetch(metrics.level_means, ("pct_to_digitise", "digitisation_gap_pp", "required_annual_rate_pp")
                     ).set_index("metric")
tiles = (
    ("Share still to digitise", pct(backlog.at["pct_to_digitise", "mean"]), "unweighted mean",
     backlog.at["pct_to_digitise", "n"], "100 − % digitised − % that needs no digitising, averaged over museums"),
    ("Share of objects still to digitise", pct(backlog.at["pct_to_digitise", "weighted_mean"]),
     "collection-weighted mean", backlog.at["pct_to_digitise", "n_weighted"],
     "objects still to digitise ÷ all objects, over museums that gave their collection size"),
    ("Objects still to digitise", formats.count(s["objects_to_digitise"], 2), "sum", s["n"]["objects_to_digitise"],
     "collection size × share still to digitise, summed over museums"),
    ("Gap to target", pct(backlog.at["digitisation_gap_pp", "mean"], "pp"), "unweighted mean",
     backlog.at["digitisation_gap_pp", "n"], f"target − % digitised, at least 0 (target {target_text})"),
    ("Pace needed to reach it", pct(backlog.at["required_annual_rate_pp", "mean"], "pp a year"),
     "unweighted mean", backlog.at["required_annual_rate_pp", "n"], "gap to target ÷ years left to 2030"),
    ("Target for collection digitised", goal["short"], "placeholder target" if goal["placeholder"]
     else "target in force", goal["museums"], "from the targets table (Admin → Targets)"),
)
for i, (label, value, kind, n, how) in enumerate(tiles):
    if i % 3 == 0:
        cols = iter(st.columns(3))
    col = next(cols)
    col.metric(label, value, help=how)
    col.caption(f"{kind} · n = {n} museums")
st.markdown(f"**Target: {target_text}.** "
            + ("No national goal has been entered, so the default placeholder is used (Admin → Targets). "
               if goal["placeholder"] else "")
            + goal["note"])

st.subheader("Who is on pace for the target")
st.markdown(metrics.ON_TRACK_DEFINITION)
widgets.show(view, "digitisation-on-track")
pace_pp = st.slider("Compare with a pace of (percentage points of the collection a year)", 1, 20, 5, key="pace",
                    bind="query-params")
pace = view.fetch(metrics.pace_needed, float(pace_pp))
if pace["above"] is None:
    st.info(f"Fewer than {limits.SUPPRESS_BELOW_N} museums have a gap to target (n = {pace['n']}): the pace needed "
            "is not shown.")
else:
    sentence = (f"**{pace['above']} of {pace['n']} museums** ({pace['share_above']:.0f} %) would need to digitise "
                f"more than **{pace_pp} percentage points** of their collection a year to reach {target_text}; "
                f"the median museum needs {pace['median_required']:.1f} pp a year.")
    if pace["median_observed"] is not None:
        sentence += (f" Museums with an earlier answer (n = {pace['n_observed']}) actually digitised a median "
                     f"{pace['median_observed']:.1f} pp a year.")
    elif not pace["n_observed"]:
        sentence += " These museums answered only one wave, so their actual pace cannot be measured yet."
    st.markdown(sentence)

# 6. Breakdowns ---------------------------------------------------------------------------------------
st.header("Breakdowns")
by = st.segmented_control("Break down by", BREAKDOWNS, default="country", required=True,
                          format_func=metrics.GROUPS.get, key="by", bind="query-params") or "country"
measure = st.segmented_control("Measure", list(metrics.LEVELS), default="pct_digitised", required=True,
                               format_func=metrics.LEVELS.get, key="measure", bind="query-params") or "pct_digitised"
spread = widgets.show(view, "digitisation-spread-by-country", by=by, measure=measure).data
hidden = int(spread["suppressed"].sum())
st.caption("Box: the middle half of museums; line: median; whiskers: lowest and highest museum. "
           + (f"{hidden} {metrics.GROUPS[by].lower()} group{'s' if hidden != 1 else ''} with fewer than "
              f"{limits.SUPPRESS_BELOW_N} answers not shown. " if hidden else "")
           + ("" if measure == "pct_digitised" else "No target is set for this measure."))
