"""Skills and AI charts: DigComp levels, AI literacy and training, digital staff, infrastructure, strategy,
and the multiple-choice questions (roles, AI uses, obstacles, funding sources)."""

from __future__ import annotations

import pandas as pd

from analysis import charts, formats, schema
from analysis.charts.registry import Chart, View, chart, ends, finish, hidden, pct, pct1
from analysis.figures import metrics
from analysis.i18n import N_, _


@chart("skills-profile", N_("Staff digital skills (DigComp)"))
def skills_profile(view: View) -> Chart:
    frame = view.fetch(metrics.skill_profile)
    shown = frame[~frame["suppressed"]]
    return finish(view, "skills-profile", charts.skills_profile(frame, view.caption), frame,
                  _("Mean self-assessed DigComp 2.2 level of staff in each of the five areas against target level 4"),
                  n=int(frame["n"].max()) if len(frame) else 0,
                  figures=[ends(shown, lambda r: r["label"], "mean_level",
                                lambda v: _("level {level}").format(level=formats.number(v, 1)))],
                  hidden=hidden(frame), noun=(N_("area"), N_("areas")), empty=shown.empty,
                  method=_("unweighted mean, per DigComp 2.2 area, of the typical staff level each museum reports "
                           "(1–8); the target is level 4 unless a museum set its own."))


@chart("ai-literacy", N_("AI literacy (AI Act Art. 4)"))
def ai_literacy(view: View) -> Chart:
    frame = view.fetch(metrics.level_counts, "skill_ai_literacy")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else [formats.clauses(formats.labelled(r.label, pct(r.share))
                                                for r in frame.itertuples()) + "."]
    return finish(view, "ai-literacy", charts.ai_literacy_levels(frame, view.caption), frame,
                  _("Share of museums by the typical AI-literacy level of their staff, from none to can deploy"),
                  n=n, figures=figures, empty=empty,
                  method=_("share of the museums that answered, by the AI-literacy level most of their staff have."))


@chart("ai-training-gap", N_("AI-literacy training against the AI Act"))
def ai_training_gap(view: View, by: str = "size_band") -> Chart:
    overall = view.fetch(metrics.averages, ("pct_staff_ai_trained_12m",)).iloc[0]
    frame = view.fetch(metrics.distribution, "pct_staff_ai_trained_12m", by)
    fig = charts.ai_training_gap(overall["mean"], int(overall["n"]), frame, by, view.caption,
                                 target=metrics.AI_TRAINED_TARGET_PCT)
    shown = frame[~frame["suppressed"]]
    figures = [_("All museums: {share} of staff trained in the last 12 months (n = {n}); target {target}.").format(
                   share=pct1(overall["mean"]), n=overall["n"], target=pct(metrics.AI_TRAINED_TARGET_PCT))
               if pd.notna(overall["mean"]) else "",
               ends(shown, lambda r: charts.group_label(by, r["group"]), "mean", pct)]
    return finish(view, "ai-training-gap", fig, frame,
                  _("Mean share of staff trained in AI literacy in the last 12 months, all museums and per size "
                    "band, against the 100 % target"), n=int(overall["n"]), figures=figures, hidden=hidden(frame),
                  empty=pd.isna(overall["mean"]),
                  method=_("unweighted mean of museums' shares of staff trained in AI literacy in the last 12 "
                           "months; AI Act Art. 4 asks for AI literacy of all staff."))


@chart("digital-staff-share", N_("Digital staff share of paid staff"))
def digital_staff_share(view: View, by: str = "size_band") -> Chart:
    frame = view.fetch(metrics.digital_staff_share, by)
    shown = frame[~frame["suppressed"]]
    baseline = metrics.ENUMERATE_DIGITAL_FTE_PCT
    return finish(view, "digital-staff-share", charts.digital_staff_share(frame, by, view.caption, baseline), frame,
                  _("Digital staff as a share of paid staff per size band against the ENUMERATE {baseline} "
                    "baseline").format(baseline=pct1(baseline)),
                  n=int(shown["n"].sum()),
                  figures=[ends(shown, lambda r: charts.group_label(by, r["group"]), "mean_pct", pct1),
                           _("ENUMERATE 2012 baseline: {baseline}.").format(baseline=pct1(baseline))],
                  hidden=hidden(frame), empty=shown.empty,
                  method=_("unweighted mean of museums' digital FTE ÷ paid FTE; the diamond pools all museums' FTE."))


def _choices(view: View, key: str, field_name: str, noun: tuple[str, str], alt: str, **options) -> Chart:
    """A several-answers question's bars; `noun` names an option (singular, plural), in English, translated
    here."""
    singular, plural = _(noun[0]), _(noun[1])
    frame = view.fetch(metrics.choice_counts, field_name)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    shown = frame[~frame["suppressed"]]
    ordered = shown.sort_values("share", ascending=False)
    figures = [] if ordered.empty else [
        _("Most named: {most} {most_share}; least named: {least} {least_share} of {n} museums.").format(
            most=ordered.iloc[0]["label"], most_share=pct(ordered.iloc[0]["share"]), least=ordered.iloc[-1]["label"],
            least_share=pct(ordered.iloc[-1]["share"]), n=n)]
    return finish(view, key, charts.choice_bars(frame, view.caption, singular, plural=plural, **options), frame,
                  _(alt), n=n, figures=figures, empty=ordered.empty,
                  method=_("share of the museums that answered naming each {option}; several answers allowed, so "
                           "shares add up to more than 100 %.").format(option=singular))


@chart("roles-present", N_("Specialist digital roles"))
def roles_present(view: View) -> Chart:
    return _choices(view, "roles-present", "roles_present", (N_("specialist role"), N_("specialist roles")),
                    N_("Share of museums with each specialist digital role"))


@chart("ai-use-cases", N_("AI use cases"))
def ai_use_cases(view: View) -> Chart:
    return _choices(view, "ai-use-cases", "ai_use_cases", (N_("AI use case"), N_("AI use cases")),
                    N_("Share of museums using AI for each use case"))


@chart("obstacles", N_("Main obstacles"))
def obstacles(view: View) -> Chart:
    return _choices(view, "obstacles", "main_obstacles", (N_("obstacle"), N_("obstacles")),
                    N_("Share of museums naming each obstacle among their top three"))


@chart("funding-sources", N_("Funding sources"))
def funding_sources(view: View) -> Chart:
    return _choices(view, "funding-sources", "funding_sources", (N_("funding source"), N_("funding sources")),
                    N_("Share of museums using each funding source"), highlight=metrics.EU_SOURCES,
                    highlight_name=_("EU programmes"), other_name=_("Other sources"))


@chart("ai-adoption", N_("AI adoption"))
def ai_adoption(view: View) -> Chart:
    frame = view.fetch(metrics.ordered_shares, "ai_status")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else [formats.clauses(formats.labelled(r.label, pct(r.share))
                                                for r in frame.itertuples()) + "."]
    return finish(view, "ai-adoption", charts.ai_adoption(frame, view.caption), frame,
                  _("Share of museums at each AI adoption stage"), n=n, figures=figures, empty=empty,
                  method=_("share of the museums that answered, by the furthest AI adoption stage they report."))


@chart("infrastructure", N_("Digital infrastructure"))
def infrastructure(view: View) -> Chart:
    frame = view.fetch(metrics.column_means, metrics.INFRA_FIELDS)
    shown = frame[~frame["suppressed"]]
    name = lambda r: r["label"].removesuffix(" is adequate")  # noqa: E731
    return finish(view, "infrastructure", charts.infra_adequacy(frame, view.caption), frame,
                  _("Mean adequacy rating, 1 to 5, of storage, compute and cloud, network and capture equipment"),
                  n=int(frame["n"].max()) if len(frame) else 0,
                  figures=[ends(shown, name, "mean", lambda v: _("{rating} of 5").format(rating=formats.number(v, 1)))],
                  hidden=hidden(frame), noun=(N_("item"), N_("items")), empty=shown.empty,
                  method=_("unweighted mean of museums' ratings, 1 = very poor … 5 = excellent."))


@chart("strategy-policy", N_("Strategy and policy"))
def strategy_policy(view: View) -> Chart:
    frame = view.fetch(metrics.strategy_and_policy)
    in_place = frame[(frame["tier"] == "yes") & ~frame["suppressed"]].groupby("question", sort=False)["share"].sum()
    figures = [_("In place: {shares}.").format(shares=formats.clauses(f"{q} {pct(v)}" for q, v in in_place.items()))
               ] if len(in_place) else []
    return finish(view, "strategy-policy", charts.strategy_and_policy(frame, view.caption), frame,
                  _("Share of museums with a digital strategy, an AI policy, a skills needs assessment and a "
                    "training plan"), n=int(frame["n"].max()) if len(frame) else 0, figures=figures,
                  hidden=int(frame.loc[frame["suppressed"], "question"].nunique()),
                  noun=(N_("question"), N_("questions")), empty=in_place.empty,
                  method=_("share of the museums that answered each question; in place = a written strategy, an "
                           "adopted policy or yes."))


@chart("skills-assessment-by-country", N_("Skills needs assessed, by country"))
def skills_assessment_by_country(view: View) -> Chart:
    frame = view.fetch(metrics.answers_by, "skills_assessment_done", "country")
    shown = frame[~frame["suppressed"] & (frame["answer"] == "true")]
    return finish(view, "skills-assessment-by-country",
                  charts.answers_by_group(frame, _("Skills needs assessed"), "country", view.caption), frame,
                  _("Share of museums in each country that have assessed their staff's digital skills needs"),
                  n=int(frame.drop_duplicates("group")["n"].sum()) if len(frame) else 0,
                  figures=[ends(shown, lambda r: schema.country_name(r["group"]), "share", pct)],
                  hidden=int(frame.drop_duplicates("group")["suppressed"].sum()), noun=(N_("country"), N_("countries")),
                  empty=shown.empty, method=_("share of the museums of each country that answered the question."))
