"""Skills & AI: DigComp 2.2 profile, AI literacy and the AI Act Art. 4 training gap, specialist roles, digital
staff, AI adoption, infrastructure, and strategy and policy. Every figure with its n; groups of fewer than
limits.SUPPRESS_BELOW_N museums are not shown."""

import streamlit as st

from analysis import formats
from analysis.figures import metrics
from analysis.i18n import _
from ui import widgets

st.title(_("Digital skills and AI readiness"))
st.caption(_("Staff digital skills against DigComp 2.2 level 4, AI literacy against the AI Act (Art. 4: all "
             "staff), specialist roles, infrastructure and the policies that frame them. NEMO 2024: qualified staff "
             "and skills are two of the six investment pillars."))

view = widgets.explore_view()
st.caption(_("{filters}. Means are unweighted (every museum counts once) over the museums that answered each "
             "question; n is given on every figure.").format(filters=view.caption))

headline = view.fetch(metrics.averages, ("skills_gap_index", "pct_staff_ai_trained_12m", "ai_literacy_gap_pct"))
digital = view.fetch(metrics.digital_staff_share, None)
by_field = headline.set_index("field")


def mean(field: str) -> float:
    return by_field.loc[field, "mean"]


cols = st.columns(4)
cols[0].metric(_("Skills gap index"), formats.number(mean("skills_gap_index"), 2),
               help=_("Mean over the five DigComp areas of max(0, target level − staff level), divided by the "
                      "largest possible gap (3): 0 = every area at level 4, 1 = level 1 everywhere. "
                      "n = {n} museums").format(n=by_field.loc["skills_gap_index", "n"]))
cols[1].metric(_("Staff trained in AI (12 months)"), formats.pct(mean("pct_staff_ai_trained_12m"), 1),
               help=_("Share of staff trained in AI literacy in the last 12 months, unweighted mean; AI Act Art. 4 "
                      "target {target}. n = {n} museums").format(target=formats.pct(metrics.AI_TRAINED_TARGET_PCT),
                                                                n=by_field.loc["pct_staff_ai_trained_12m", "n"]))
cols[2].metric(_("AI-literacy training gap"), formats.pct(mean("ai_literacy_gap_pct"), 1, _("pp")),
               help=_("Mean of (target − % of staff trained in the last 12 months), percentage points. "
                      "n = {n} museums").format(n=by_field.loc["ai_literacy_gap_pct", "n"]))
overall = digital.iloc[0] if len(digital) else None
cols[3].metric(_("Digital staff, % of paid FTE"), formats.pct(None if overall is None else overall["mean_pct"], 1),
               help=_("Unweighted mean of museums' digital FTE ÷ paid FTE; ENUMERATE 2012 baseline {baseline}. "
                      "n = {n} museums").format(baseline=formats.pct(metrics.ENUMERATE_DIGITAL_FTE_PCT, 1),
                                                n=0 if overall is None else int(overall["n"])))

st.subheader(_("Digital skills (DigComp 2.2)"))
widgets.show(view, "skills-profile")

st.subheader(_("AI literacy (AI Act Art. 4)"))
left, right = st.columns(2)
with left:
    widgets.show(view, "ai-literacy")
with right:
    widgets.show(view, "ai-training-gap")

st.subheader(_("Digital staff and specialist roles"))
left, right = st.columns(2)
with left:
    widgets.show(view, "digital-staff-share")
with right:
    widgets.show(view, "roles-present")

st.subheader(_("AI adoption and infrastructure"))
left, right = st.columns(2)
with left:
    widgets.show(view, "ai-adoption")
with right:
    widgets.show(view, "ai-use-cases")
left, right = st.columns(2)
with left:
    widgets.show(view, "infrastructure")
with right:
    widgets.show(view, "strategy-policy")
widgets.show(view, "skills-assessment-by-country")
