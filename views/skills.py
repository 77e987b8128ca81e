"""Skills & AI: DigComp 2.2 profile, AI literacy and the AI Act Art. 4 training gap, specialist roles, digital
staff, AI adoption, infrastructure, and strategy and policy. Every figure with its n; groups of fewer than
5 museums are not shown."""

import pandas as pd
import streamlit as st

from analysis import charts, metrics
from ui import state, widgets

st.title("Digital skills and AI readiness")
st.caption("Staff digital skills against DigComp 2.2 level 4, AI literacy against the AI Act (Art. 4: all staff), "
           "specialist roles, infrastructure and the policies that frame them. NEMO 2024: qualified staff and "
           "skills are two of the six investment pillars.")

version, view, s, caption = widgets.explore_view()
st.caption(f"{caption}. Means are unweighted (every museum counts once) over the museums that answered each "
           "question; n is given on every figure.")

headline = state.aggregate(version, "column_means", view,
                           ("skills_gap_index", "pct_staff_ai_trained_12m", "ai_literacy_gap_pct"))
digital = state.aggregate(version, "digital_staff_share", view, None)
by_field = headline.set_index("field")


def shown(field: str, fmt: str) -> str:
    value = by_field.loc[field, "mean"]
    return "–" if pd.isna(value) else fmt.format(value)


cols = st.columns(4)
cols[0].metric("Skills gap index", shown("skills_gap_index", "{:.2f}"),
               help="Mean over the five DigComp areas of max(0, target level − staff level), divided by the largest "
                    "possible gap (3): 0 = every area at level 4, 1 = level 1 everywhere. "
                    f"n = {by_field.loc['skills_gap_index', 'n']} museums")
cols[1].metric("Staff trained in AI literacy (12 months)", shown("pct_staff_ai_trained_12m", "{:.1f} %"),
               help=f"Unweighted mean; AI Act Art. 4 target {metrics.AI_TRAINED_TARGET_PCT:.0f} %. "
                    f"n = {by_field.loc['pct_staff_ai_trained_12m', 'n']} museums")
cols[2].metric("AI-literacy training gap", shown("ai_literacy_gap_pct", "{:.1f} pp"),
               help="Mean of (target − % of staff trained in the last 12 months), percentage points. "
                    f"n = {by_field.loc['ai_literacy_gap_pct', 'n']} museums")
overall = digital.iloc[0] if len(digital) else None
cols[3].metric("Digital staff, % of paid FTE", "–" if overall is None or pd.isna(overall["mean_pct"])
               else f"{overall['mean_pct']:.1f} %",
               help=f"Unweighted mean of museums' digital FTE ÷ paid FTE; ENUMERATE 2012 baseline "
                    f"{metrics.ENUMERATE_DIGITAL_FTE_PCT:g} %. n = {0 if overall is None else int(overall['n'])} museums")

st.subheader("Digital skills (DigComp 2.2)")
frame = state.aggregate(version, "skill_profile", view)
widgets.chart(charts.skills_profile(frame, caption), frame, "skills-digcomp-profile", caption,
              alt="Mean self-assessed DigComp 2.2 level of staff in each of the five areas against target level 4")

st.subheader("AI literacy (AI Act Art. 4)")
left, right = st.columns(2)
with left:
    frame = state.aggregate(version, "level_counts", view, "skill_ai_literacy")
    widgets.chart(charts.ai_literacy_levels(frame, caption), frame, "skills-ai-literacy", caption,
                  alt="Share of museums by the typical AI-literacy level of their staff, from none to can deploy")
with right:
    frame = state.aggregate(version, "distribution", view, "pct_staff_ai_trained_12m", "size_band")
    fig = charts.ai_training_gap(by_field.loc["pct_staff_ai_trained_12m", "mean"],
                                 int(by_field.loc["pct_staff_ai_trained_12m", "n"]), frame, "size_band", caption,
                                 target=metrics.AI_TRAINED_TARGET_PCT)
    widgets.chart(fig, frame, "skills-ai-training-gap", caption,
                  alt="Mean share of staff trained in AI literacy in the last 12 months, all museums and per size "
                      "band, against the 100 % target")

st.subheader("Digital staff and specialist roles")
left, right = st.columns(2)
with left:
    frame = state.aggregate(version, "digital_staff_share", view, "size_band")
    widgets.chart(charts.digital_staff_share(frame, "size_band", caption, metrics.ENUMERATE_DIGITAL_FTE_PCT),
                  frame, "skills-digital-fte-share", caption,
                  alt="Digital staff as a share of paid staff per size band against the ENUMERATE 3.3 % baseline")
with right:
    frame = state.aggregate(version, "choice_counts", view, "roles_present")
    widgets.chart(charts.choice_bars(frame, caption, "specialist role"), frame, "skills-roles-present", caption,
                  alt="Share of museums with each specialist digital role")

st.subheader("AI adoption and infrastructure")
left, right = st.columns(2)
with left:
    frame = state.aggregate(version, "ordered_shares", view, "ai_status")
    widgets.chart(charts.ai_adoption(frame, caption), frame, "skills-ai-adoption", caption,
                  alt="Share of museums at each AI adoption stage")
with right:
    frame = state.aggregate(version, "choice_counts", view, "ai_use_cases")
    widgets.chart(charts.choice_bars(frame, caption, "AI use case"), frame, "skills-ai-use-cases", caption,
                  alt="Share of museums using AI for each use case")
left, right = st.columns(2)
with left:
    frame = state.aggregate(version, "column_means", view, metrics.INFRA_FIELDS)
    widgets.chart(charts.infra_adequacy(frame, caption), frame, "skills-infrastructure", caption,
                  alt="Mean adequacy rating, 1 to 5, of storage, compute and cloud, network and capture equipment")
with right:
    frame = state.aggregate(version, "strategy_and_policy", view)
    widgets.chart(charts.strategy_and_policy(frame, caption), frame, "skills-strategy-policy", caption,
                  alt="Share of museums with a digital strategy, an AI policy, a skills needs assessment and a "
                      "training plan")
