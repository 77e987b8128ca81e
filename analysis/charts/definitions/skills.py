"""Skills and AI charts: DigComp levels, AI literacy and training, digital staff, infrastructure, strategy,
and the multiple-choice questions (roles, AI uses, obstacles, funding sources)."""

from __future__ import annotations

import pandas as pd

from analysis import charts, schema
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import metrics
from analysis.i18n import N_


@chart("skills-profile", N_("Staff digital skills (DigComp)"))
def skills_profile(view: View) -> Chart:
    frame = view.fetch(metrics.skill_profile)
    shown = frame[~frame["suppressed"]]
    return finish(view, "skills-profile", charts.skills_profile(frame, view.caption), frame,
                  "Mean self-assessed DigComp 2.2 level of staff in each of the five areas against target level 4",
                  n=int(frame["n"].max()) if len(frame) else 0,
                  figures=[ends(shown, lambda r: r["label"], "mean_level", lambda v: f"level {v:.1f}")],
                  hidden=hidden(frame), noun=("area", "areas"), empty=shown.empty,
                  method="unweighted mean, per DigComp 2.2 area, of the typical staff level each museum reports "
                         "(1–8); the target is level 4 unless a museum set its own.")


@chart("ai-literacy", N_("AI literacy (AI Act Art. 4)"))
def ai_literacy(view: View) -> Chart:
    frame = view.fetch(metrics.level_counts, "skill_ai_literacy")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {pct(r.share)}" for r in frame.itertuples()) + "."]
    return finish(view, "ai-literacy", charts.ai_literacy_levels(frame, view.caption), frame,
                  "Share of museums by the typical AI-literacy level of their staff, from none to can deploy",
                  n=n, figures=figures, empty=empty,
                  method="share of the museums that answered, by the AI-literacy level most of their staff have.")


@chart("ai-training-gap", N_("AI-literacy training against the AI Act"))
def ai_training_gap(view: View, by: str = "size_band") -> Chart:
    overall = view.fetch(metrics.averages, ("pct_staff_ai_trained_12m",)).iloc[0]
    frame = view.fetch(metrics.distribution, "pct_staff_ai_trained_12m", by)
    fig = charts.ai_training_gap(overall["mean"], int(overall["n"]), frame, by, view.caption,
                                 target=metrics.AI_TRAINED_TARGET_PCT)
    shown = frame[~frame["suppressed"]]
    figures = [f"All museums: {pct1(overall['mean'])} of staff trained in the last 12 months (n = {overall['n']}); "
               f"target {pct(metrics.AI_TRAINED_TARGET_PCT)}." if pd.notna(overall["mean"]) else "",
               ends(shown, lambda r: charts.group_label(by, r["group"]), "mean", pct)]
    return finish(view, "ai-training-gap", fig, frame,
                  "Mean share of staff trained in AI literacy in the last 12 months, all museums and per size band, "
                  "against the 100 % target", n=int(overall["n"]), figures=figures, hidden=hidden(frame),
                  empty=pd.isna(overall["mean"]),
                  method="unweighted mean of museums' shares of staff trained in AI literacy in the last 12 months; "
                         "AI Act Art. 4 asks for AI literacy of all staff.")


@chart("digital-staff-share", N_("Digital staff share of paid staff"))
def digital_staff_share(view: View, by: str = "size_band") -> Chart:
    frame = view.fetch(metrics.digital_staff_share, by)
    shown = frame[~frame["suppressed"]]
    baseline = metrics.ENUMERATE_DIGITAL_FTE_PCT
    return finish(view, "digital-staff-share", charts.digital_staff_share(frame, by, view.caption, baseline), frame,
                  "Digital staff as a share of paid staff per size band against the ENUMERATE 3.3 % baseline",
                  n=int(shown["n"].sum()),
                  figures=[ends(shown, lambda r: charts.group_label(by, r["group"]), "mean_pct", pct1),
                           f"ENUMERATE 2012 baseline: {baseline:g} %."],
                  hidden=hidden(frame), empty=shown.empty,
                  method="unweighted mean of museums' digital FTE ÷ paid FTE; the diamond pools all museums' FTE.")


def _choices(view: View, key: str, field_name: str, singular: str, alt: str, **options) -> Chart:
    frame = view.fetch(metrics.choice_counts, field_name)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    shown = frame[~frame["suppressed"]]
    ordered = shown.sort_values("share", ascending=False)
    figures = [] if ordered.empty else [
        f"Most named: {ordered.iloc[0]['label']} {pct(ordered.iloc[0]['share'])}; least named: "
        f"{ordered.iloc[-1]['label']} {pct(ordered.iloc[-1]['share'])} of {n} museums."]
    return finish(view, key, charts.choice_bars(frame, view.caption, singular, **options), frame, alt, n=n,
                  figures=figures, empty=ordered.empty,
                  method=f"share of the museums that answered naming each {singular}; several answers allowed, so "
                         "shares add up to more than 100 %.")


@chart("roles-present", N_("Specialist digital roles"))
def roles_present(view: View) -> Chart:
    return _choices(view, "roles-present", "roles_present", "specialist role",
                    "Share of museums with each specialist digital role")


@chart("ai-use-cases", N_("AI use cases"))
def ai_use_cases(view: View) -> Chart:
    return _choices(view, "ai-use-cases", "ai_use_cases", "AI use case", "Share of museums using AI for each use case")


@chart("obstacles", N_("Main obstacles"))
def obstacles(view: View) -> Chart:
    return _choices(view, "obstacles", "main_obstacles", "obstacle",
                    "Share of museums naming each obstacle among their top three")


@chart("funding-sources", N_("Funding sources"))
def funding_sources(view: View) -> Chart:
    return _choices(view, "funding-sources", "funding_sources", "funding source",
                    "Share of museums using each funding source", highlight=metrics.EU_SOURCES,
                    highlight_name="EU programmes", other_name="Other sources")


@chart("ai-adoption", N_("AI adoption"))
def ai_adoption(view: View) -> Chart:
    frame = view.fetch(metrics.ordered_shares, "ai_status")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {pct(r.share)}" for r in frame.itertuples()) + "."]
    return finish(view, "ai-adoption", charts.ai_adoption(frame, view.caption), frame,
                  "Share of museums at each AI adoption stage", n=n, figures=figures, empty=empty,
                  method="share of the museums that answered, by the furthest AI adoption stage they report.")


@chart("infrastructure", N_("Digital infrastructure"))
def infrastructure(view: View) -> Chart:
    frame = view.fetch(metrics.column_means, metrics.INFRA_FIELDS)
    shown = frame[~frame["suppressed"]]
    name = lambda r: r["label"].removesuffix(" is adequate")  # noqa: E731
    return finish(view, "infrastructure", charts.infra_adequacy(frame, view.caption), frame,
                  "Mean adequacy rating, 1 to 5, of storage, compute and cloud, network and capture equipment",
                  n=int(frame["n"].max()) if len(frame) else 0,
                  figures=[ends(shown, name, "mean", lambda v: f"{v:.1f} of 5")],
                  hidden=hidden(frame), noun=("item", "items"), empty=shown.empty,
                  method="unweighted mean of museums' ratings, 1 = very poor … 5 = excellent.")


@chart("strategy-policy", N_("Strategy and policy"))
def strategy_policy(view: View) -> Chart:
    frame = view.fetch(metrics.strategy_and_policy)
    in_place = frame[(frame["tier"] == "yes") & ~frame["suppressed"]].groupby("question", sort=False)["share"].sum()
    figures = ["In place: " + "; ".join(f"{q} {pct(v)}" for q, v in in_place.items()) + "."] if len(in_place) else []
    return finish(view, "strategy-policy", charts.strategy_and_policy(frame, view.caption), frame,
                  "Share of museums with a digital strategy, an AI policy, a skills needs assessment and a training "
                  "plan", n=int(frame["n"].max()) if len(frame) else 0, figures=figures,
                  hidden=int(frame.loc[frame["suppressed"], "question"].nunique()), noun=("question", "questions"),
                  empty=in_place.empty,
                  method="share of the museums that answered each question; in place = a written strategy, an "
                         "adopted policy or yes.")


@chart("skills-assessment-by-country", N_("Skills needs assessed, by country"))
def skills_assessment_by_country(view: View) -> Chart:
    frame = view.fetch(metrics.answers_by, "skills_assessment_done", "country")
    shown = frame[~frame["suppressed"] & (frame["answer"] == "true")]
    return finish(view, "skills-assessment-by-country",
                  charts.answers_by_group(frame, "Skills needs assessed", "country", view.caption), frame,
                  "Share of museums in each country that have assessed their staff's digital skills needs",
                  n=int(frame.drop_duplicates("group")["n"].sum()) if len(frame) else 0,
                  figures=[ends(shown, lambda r: schema.country_name(r["group"]), "share", pct, "Yes: ")],
                  hidden=int(frame.drop_duplicates("group")["suppressed"].sum()), noun=("country", "countries"),
                  empty=shown.empty, method="share of the museums of each country that answered the question.")
