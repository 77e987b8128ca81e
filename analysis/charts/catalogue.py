"""Every chart of the product, defined once: its key, the figure, the data behind it, the alt text and the
speaker notes (the finding with its n, the figures behind it, what it does not say, the method).

Pages, the presentation mode, the PPTX deck, the HTML report and image exports all render these
definitions, so a chart reads the same everywhere. A new chart is one `@chart(...)` function here and one
`widgets.show(...)` line on its page.

A definition reads its aggregates through `View.fetch(metrics.some_aggregate, *args)`: the app passes a
cached fetch, the command line a direct one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

import duckdb
import pandas as pd
import plotly.graph_objects as go

from analysis import charts, formats, limits, schema
from analysis.charts import geo
from analysis.figures import definitions, metrics, provenance, scenarios, weights
from analysis.figures.filters import Filters
from analysis.schema import country_name

CAVEAT = ("Museums chose to take part, so these figures describe the museums that answered, not every museum "
          "in the countries shown")


@dataclass(frozen=True)
class View:
    """What a chart is drawn for: the filters, their headline summary, the filters in words with n, and a way
    to fetch any aggregate of analysis.figures.metrics under these filters: `fetch(metrics.distribution, *args)`."""

    filters: Filters
    summary: dict
    caption: str
    fetch: Callable[..., Any]
    data_version: str = ""        # which uploads and frame the figures come from (analysis.figures.provenance)

    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, filters: Filters) -> "View":
        """A view straight on the store (command line, exports, tests)."""
        s = metrics.summary(con, filters=filters)
        return cls(filters, s, filters.describe(s["respondents"], s["countries"]),
                   lambda metric, *args: metric(con, filters, *args),
                   provenance.current(con, filters.wave).text)


@dataclass
class Chart:
    key: str                      # file names, element keys, the deck picker
    figure: go.Figure
    data: pd.DataFrame            # the table behind the figure, as downloaded
    caption: str                  # the filters in words, with n
    alt: str                      # what the chart shows, for screen readers and the data expander
    notes: list[str] = field(default_factory=list)   # speaker notes; the last one is the method
    empty: bool = False           # nothing could be shown (too few answers): left out of decks
    data_version: str = ""        # printed on its downloads, images, decks and reports

    @property
    def title(self) -> str:
        """The finding: the figure's title without the subtitle."""
        return charts.split_title(self.figure.layout.title.text)[0] or self.key

    @property
    def method(self) -> str:
        return self.notes[-1] if self.notes else ""


@dataclass(frozen=True)
class Definition:
    key: str
    label: str                    # how the deck picker names it
    build: Callable[..., Chart]


CHARTS: dict[str, Definition] = {}
DEFAULT_DECK = ("digitisation-by-country", "digitisation-levels", "skills-profile", "need-vs-budget",
                "shortfall-by-pillar")


def chart(key: str, label: str):
    """Register a chart definition under `key` (the key of its default view) with its picker label."""
    def register(build: Callable[..., Chart]) -> Callable[..., Chart]:
        CHARTS[key] = Definition(key, label, build)
        return build
    return register


def render(key: str, view: View, **params) -> Chart:
    return CHARTS[key].build(view, **params)


def build(con: duckdb.DuckDBPyConnection, filters: Filters, keys: list[str]) -> list[Chart]:
    """The charts `keys` in their default view, straight from the store (decks, reports, the CLI)."""
    view = View.of(con, filters)
    return [render(key, view) for key in keys]


# --- notes ---------------------------------------------------------------------------------------------
def _finish(view: View, key: str, fig: go.Figure, data: pd.DataFrame, alt: str, *, n: int, figures: list[str],
            method: str, hidden: int = 0, noun: tuple[str, str] = ("group", "groups"), empty: bool = False,
            caption: str | None = None) -> Chart:
    """A Chart with notes a speaker can read aloud: finding and n, figures, caveats, method."""
    finding = charts.split_title(fig.layout.title.text)[0]
    caveat = CAVEAT
    if hidden:
        caveat += (f"; {hidden} {noun[0] if hidden == 1 else noun[1]} with fewer than {limits.SUPPRESS_BELOW_N} "
                   "answers are not shown")
    notes = [f"{finding} (n = {n:,} museums).", *[f for f in figures if f], caveat + ".", f"Method: {method}"]
    return Chart(key, fig, data, view.caption if caption is None else caption, alt, notes, empty, view.data_version)


def _hidden(frame: pd.DataFrame) -> int:
    return int(frame["suppressed"].sum()) if "suppressed" in frame else 0


def _ends(shown: pd.DataFrame, name: Callable[[Any], str], value: str, text: Callable[[float], str],
          what: str = "") -> str:
    """'Highest: Denmark 46 % (n = 25); lowest: Malta 12 % (n = 6)', as the chart shows them."""
    if shown.empty:
        return ""
    ordered = shown.sort_values(value, ascending=False)
    top, low = ordered.iloc[0], ordered.iloc[-1]
    first = f"{what}{name(top)} {text(top[value])} (n = {int(top['n'])})"
    if len(ordered) == 1:
        return f"Only group shown: {first}."
    return f"Highest: {first}; lowest: {name(low)} {text(low[value])} (n = {int(low['n'])})."


def _pct(value: float) -> str:
    return formats.pct(value)


def _pct1(value: float) -> str:
    return formats.pct(value, 1)


# --- Overview -----------------------------------------------------------------------------------------
@chart("digitisation-by-country", "Digitisation by country")
def digitisation_by_country(view: View) -> Chart:
    s = view.summary
    frame = view.fetch(metrics.digitisation_by_country)
    shown = frame[~frame["suppressed"]]
    mean, weighted = s["mean_pct_digitised"], s["weighted_pct_digitised"]
    figures = [
        f"All museums shown: {_pct1(mean)} digitised on average (unweighted, n = {s['n']['pct_digitised']}); "
        f"{_pct1(weighted)} of objects (collection-weighted, n = {s['n']['weighted_pct_digitised']})."
        if mean is not None else "",
        _ends(shown, lambda r: country_name(r["country"]), "mean_pct_digitised", _pct)]
    return _finish(view, "digitisation-by-country", charts.digitisation_by_country(frame, view.caption), frame,
                   "Mean share of collections digitised per country, unweighted and collection-weighted",
                   n=int(shown["n"].sum()), figures=figures, hidden=_hidden(frame), noun=("country", "countries"),
                   empty=shown.empty,
                   method="each country's bar is the unweighted mean of its museums' answers (every museum counts "
                          "once); the diamond weights each museum by its collection size (share of objects).")


@chart("shortfall-by-pillar", "Funding shortfall by pillar")
def shortfall_by_pillar(view: View) -> Chart:
    s = view.summary
    n = s["n"]["funding_shortfall"]
    caption = f"{view.caption}; n = {n} museums with needs and budget"
    pillars = s["shortfall_by_pillar"]
    data = pd.DataFrame({"pillar": [schema.PILLARS[p] for p in pillars],
                         "shortfall_eur": list(pillars.values())})
    ordered = sorted(((schema.PILLARS[p], v or 0.0) for p, v in pillars.items()), key=lambda kv: -kv[1])
    total = s["total_funding_shortfall_eur"] or 0
    figures = [f"Total shortfall to 2030: {formats.money(total)} over {n} museums that gave needs and budget.",
               f"Largest: {ordered[0][0]} {formats.money(ordered[0][1])}; smallest: {ordered[-1][0]} "
               f"{formats.money(ordered[-1][1])}." if ordered and total else ""]
    return _finish(view, "shortfall-by-pillar", charts.shortfall_by_pillar(pillars, caption, n), data,
                   "Funding shortfall per investment pillar, EUR millions", n=n, figures=figures,
                   empty=not total or n < limits.SUPPRESS_BELOW_N, caption=caption,
                   method=f"each museum's shortfall is {definitions.SHORTFALL} {definitions.SHORTFALL_TERMS}, "
                          "shared out across the pillars in proportion to its needs; museums without both answers "
                          "are left out.")


# --- Digitisation -------------------------------------------------------------------------------------
def _goal(view: View) -> dict:
    return metrics.target_in_force(view.fetch(metrics.targets_in_force))


@chart("digitisation-levels", "Catalogued, digitised, 3D, online")
def digitisation_levels(view: View) -> Chart:
    frame = view.fetch(metrics.level_summary)
    goal = _goal(view)
    shown = frame[~frame["suppressed"]]
    figures = [f"{r.label}: {_pct1(r.mean)} unweighted (n = {r.n}), {_pct1(r.weighted_mean)} of objects "
               f"(n = {r.n_weighted})." for r in shown.itertuples()][:3]
    return _finish(view, "digitisation-levels",
                   charts.digitisation_levels(frame, view.caption, goal["value"], f"Target: {goal['text']}"), frame,
                   "Mean share of collections catalogued, digitised, in 3D, online and in Europeana; unweighted and "
                   "collection-weighted, with the number of museums behind each figure",
                   n=int(frame["n"].max()) if len(frame) else 0, figures=[*figures, f"Target: {goal['text']}."],
                   hidden=_hidden(frame), noun=("level", "levels"), empty=shown.empty,
                   method="unweighted means count every museum once; collection-weighted means count every object "
                          "once, over museums that gave their collection size.")


@chart("digitisation-rights", "Rights of material online")
def digitisation_rights(view: View) -> Chart:
    frame = view.fetch(metrics.rights_shares)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {_pct(r.mean_share)}" for r in frame.itertuples()) + "."]
    return _finish(view, "digitisation-rights", charts.rights_status(frame, view.caption), frame,
                   "Mean share of online material with an open licence, a restricted licence or unknown rights",
                   n=n, figures=figures, empty=empty,
                   method="unweighted means of museums' shares of their online material, over museums that gave "
                          "all three shares.")


@chart("3d-milestones", "3D milestones (2021/1970)")
def milestones_3d(view: View) -> Chart:
    frame = view.fetch(metrics.milestones_3d)
    shown = frame[~frame["suppressed"]]
    figures = [f"{r.label}: {_pct(r.share_3d)} in 3D (n = {r.n} museums); milestones {_pct(r.target_2025)} by 2025, "
               f"{_pct(r.target_2030)} by 2030." for r in shown.itertuples()]
    return _finish(view, "3d-milestones", charts.milestones_3d(frame, view.caption), frame,
                   "Share of monuments and sites at risk and most visited that are digitised in 3D, against the "
                   "2025 and 2030 milestones of Recommendation (EU) 2021/1970",
                   n=int(frame["n"].max()) if len(frame) else 0, figures=figures, hidden=_hidden(frame),
                   noun=("asset type", "asset types"), empty=shown.empty,
                   method="sites digitised in 3D ÷ all sites, summed over the museums that manage such sites; "
                          "milestones of Recommendation (EU) 2021/1970, point 6.")


@chart("digitisation-on-track", "On pace for the digitisation target")
def on_track(view: View) -> Chart:
    frame = view.fetch(metrics.on_track_2030)
    goal = _goal(view)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = not n or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {int(r.museums)} ({_pct(r.share)})"
                                          for r in frame.itertuples()) + "."]
    return _finish(view, "digitisation-on-track", charts.on_track(frame, view.caption, goal["text"]), frame,
                   "Museums that have reached the digitisation target, are on pace, behind pace, or cannot be judged",
                   n=n, figures=[*figures, f"Target: {goal['text']}."], empty=empty,
                   method=metrics.ON_TRACK_DEFINITION.replace("**", ""))


@chart("digitisation-spread-by-country", "Digitisation spread by group")
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
    return _finish(view, key.replace("_", "-"), fig, data,
                   f"Distribution of {label.lower()} by {group}: quartiles, lowest and highest museum, unweighted "
                   "and collection-weighted means",
                   n=int(shown["n"].sum()), figures=[_ends(shown, lambda r: r["label"], "median",
                                                           lambda v: f"median {_pct(v)}")],
                   hidden=_hidden(frame), empty=shown.empty,
                   method=f"per {group}, the box holds the middle half of museums, the line is the median and the "
                          "whiskers reach the lowest and highest museum; means are unweighted and collection-weighted.")


# --- Skills & AI --------------------------------------------------------------------------------------
@chart("skills-profile", "Staff digital skills (DigComp)")
def skills_profile(view: View) -> Chart:
    frame = view.fetch(metrics.skill_profile)
    shown = frame[~frame["suppressed"]]
    return _finish(view, "skills-profile", charts.skills_profile(frame, view.caption), frame,
                   "Mean self-assessed DigComp 2.2 level of staff in each of the five areas against target level 4",
                   n=int(frame["n"].max()) if len(frame) else 0,
                   figures=[_ends(shown, lambda r: r["label"], "mean_level", lambda v: f"level {v:.1f}")],
                   hidden=_hidden(frame), noun=("area", "areas"), empty=shown.empty,
                   method="unweighted mean, per DigComp 2.2 area, of the typical staff level each museum reports "
                          "(1–8); the target is level 4 unless a museum set its own.")


@chart("ai-literacy", "AI literacy (AI Act Art. 4)")
def ai_literacy(view: View) -> Chart:
    frame = view.fetch(metrics.level_counts, "skill_ai_literacy")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {_pct(r.share)}" for r in frame.itertuples()) + "."]
    return _finish(view, "ai-literacy", charts.ai_literacy_levels(frame, view.caption), frame,
                   "Share of museums by the typical AI-literacy level of their staff, from none to can deploy",
                   n=n, figures=figures, empty=empty,
                   method="share of the museums that answered, by the AI-literacy level most of their staff have.")


@chart("ai-training-gap", "AI-literacy training against the AI Act")
def ai_training_gap(view: View, by: str = "size_band") -> Chart:
    overall = view.fetch(metrics.averages, ("pct_staff_ai_trained_12m",)).iloc[0]
    frame = view.fetch(metrics.distribution, "pct_staff_ai_trained_12m", by)
    fig = charts.ai_training_gap(overall["mean"], int(overall["n"]), frame, by, view.caption,
                                 target=metrics.AI_TRAINED_TARGET_PCT)
    shown = frame[~frame["suppressed"]]
    figures = [f"All museums: {_pct1(overall['mean'])} of staff trained in the last 12 months (n = {overall['n']}); "
               f"target {_pct(metrics.AI_TRAINED_TARGET_PCT)}." if pd.notna(overall["mean"]) else "",
               _ends(shown, lambda r: charts.group_label(by, r["group"]), "mean", _pct)]
    return _finish(view, "ai-training-gap", fig, frame,
                   "Mean share of staff trained in AI literacy in the last 12 months, all museums and per size band, "
                   "against the 100 % target", n=int(overall["n"]), figures=figures, hidden=_hidden(frame),
                   empty=pd.isna(overall["mean"]),
                   method="unweighted mean of museums' shares of staff trained in AI literacy in the last 12 months; "
                          "AI Act Art. 4 asks for AI literacy of all staff.")


@chart("digital-staff-share", "Digital staff share of paid staff")
def digital_staff_share(view: View, by: str = "size_band") -> Chart:
    frame = view.fetch(metrics.digital_staff_share, by)
    shown = frame[~frame["suppressed"]]
    baseline = metrics.ENUMERATE_DIGITAL_FTE_PCT
    return _finish(view, "digital-staff-share", charts.digital_staff_share(frame, by, view.caption, baseline), frame,
                   "Digital staff as a share of paid staff per size band against the ENUMERATE 3.3 % baseline",
                   n=int(shown["n"].sum()),
                   figures=[_ends(shown, lambda r: charts.group_label(by, r["group"]), "mean_pct", _pct1),
                            f"ENUMERATE 2012 baseline: {baseline:g} %."],
                   hidden=_hidden(frame), empty=shown.empty,
                   method="unweighted mean of museums' digital FTE ÷ paid FTE; the diamond pools all museums' FTE.")


def _choices(view: View, key: str, field_name: str, singular: str, alt: str, **options) -> Chart:
    frame = view.fetch(metrics.choice_counts, field_name)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    shown = frame[~frame["suppressed"]]
    ordered = shown.sort_values("share", ascending=False)
    figures = [] if ordered.empty else [
        f"Most named: {ordered.iloc[0]['label']} {_pct(ordered.iloc[0]['share'])}; least named: "
        f"{ordered.iloc[-1]['label']} {_pct(ordered.iloc[-1]['share'])} of {n} museums."]
    return _finish(view, key, charts.choice_bars(frame, view.caption, singular, **options), frame, alt, n=n,
                   figures=figures, empty=ordered.empty,
                   method=f"share of the museums that answered naming each {singular}; several answers allowed, so "
                          "shares add up to more than 100 %.")


@chart("roles-present", "Specialist digital roles")
def roles_present(view: View) -> Chart:
    return _choices(view, "roles-present", "roles_present", "specialist role",
                    "Share of museums with each specialist digital role")


@chart("ai-use-cases", "AI use cases")
def ai_use_cases(view: View) -> Chart:
    return _choices(view, "ai-use-cases", "ai_use_cases", "AI use case", "Share of museums using AI for each use case")


@chart("obstacles", "Main obstacles")
def obstacles(view: View) -> Chart:
    return _choices(view, "obstacles", "main_obstacles", "obstacle",
                    "Share of museums naming each obstacle among their top three")


@chart("funding-sources", "Funding sources")
def funding_sources(view: View) -> Chart:
    return _choices(view, "funding-sources", "funding_sources", "funding source",
                    "Share of museums using each funding source", highlight=metrics.EU_SOURCES,
                    highlight_name="EU programmes", other_name="Other sources")


@chart("ai-adoption", "AI adoption")
def ai_adoption(view: View) -> Chart:
    frame = view.fetch(metrics.ordered_shares, "ai_status")
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {_pct(r.share)}" for r in frame.itertuples()) + "."]
    return _finish(view, "ai-adoption", charts.ai_adoption(frame, view.caption), frame,
                   "Share of museums at each AI adoption stage", n=n, figures=figures, empty=empty,
                   method="share of the museums that answered, by the furthest AI adoption stage they report.")


@chart("infrastructure", "Digital infrastructure")
def infrastructure(view: View) -> Chart:
    frame = view.fetch(metrics.column_means, metrics.INFRA_FIELDS)
    shown = frame[~frame["suppressed"]]
    name = lambda r: r["label"].removesuffix(" is adequate")  # noqa: E731
    return _finish(view, "infrastructure", charts.infra_adequacy(frame, view.caption), frame,
                   "Mean adequacy rating, 1 to 5, of storage, compute and cloud, network and capture equipment",
                   n=int(frame["n"].max()) if len(frame) else 0,
                   figures=[_ends(shown, name, "mean", lambda v: f"{v:.1f} of 5")],
                   hidden=_hidden(frame), noun=("item", "items"), empty=shown.empty,
                   method="unweighted mean of museums' ratings, 1 = very poor … 5 = excellent.")


@chart("strategy-policy", "Strategy and policy")
def strategy_policy(view: View) -> Chart:
    frame = view.fetch(metrics.strategy_and_policy)
    in_place = frame[(frame["tier"] == "yes") & ~frame["suppressed"]].groupby("question", sort=False)["share"].sum()
    figures = ["In place: " + "; ".join(f"{q} {_pct(v)}" for q, v in in_place.items()) + "."] if len(in_place) else []
    return _finish(view, "strategy-policy", charts.strategy_and_policy(frame, view.caption), frame,
                   "Share of museums with a digital strategy, an AI policy, a skills needs assessment and a training "
                   "plan", n=int(frame["n"].max()) if len(frame) else 0, figures=figures,
                   hidden=int(frame.loc[frame["suppressed"], "question"].nunique()), noun=("question", "questions"),
                   empty=in_place.empty,
                   method="share of the museums that answered each question; in place = a written strategy, an "
                          "adopted policy or yes.")


# --- Funding ------------------------------------------------------------------------------------------
@chart("need-vs-budget", "Funding need vs budget")
def need_vs_budget(view: View) -> Chart:
    totals = metrics.funding_totals(view.summary)
    pillars = view.fetch(metrics.pillar_funding)
    data = pd.concat([pillars.drop(columns="pillar"), pd.DataFrame([{
        "label": "All pillars", "need_eur": totals["need"], "n_need": totals["n_need"],
        "shortfall_eur": totals["shortfall"], "n_shortfall": totals["n_shortfall"],
        "available_eur": totals["available"], "n_available": totals["n_available"]}])], ignore_index=True)
    small = limits.SUPPRESS_BELOW_N
    figures = [f"Need: {formats.money(totals['need'])} over {totals['n_need']} museums that gave any need.",
               f"Digital budget over each museum's horizon: {formats.money(totals['available'])} over "
               f"{totals['n_available']} museums that gave a budget.",
               f"Shortfall: {formats.money(totals['shortfall'])} over {totals['n_shortfall']} museums that gave both. "
               "It is not need minus budget: the three totals cover different museums, and a museum with money to "
               "spare does not cover another's gap."]
    return _finish(view, "need-vs-budget", charts.need_vs_budget(pillars, totals, view.caption), data,
                   "Total need by pillar, digital budget over the horizon and total shortfall, EUR millions",
                   n=totals["n_need"], figures=figures,
                   empty=min(totals["n_need"], totals["n_available"], totals["n_shortfall"]) < small,
                   method=f"for each museum, shortfall = {definitions.SHORTFALL} {definitions.SHORTFALL_TERMS}, "
                          "summed museum by museum.")


@chart("funding-pillars", "Need and shortfall per pillar")
def pillar_need_shortfall(view: View) -> Chart:
    frame = view.fetch(metrics.pillar_funding)
    shown = frame[~frame["suppressed"]]
    n = int(frame["n_shortfall"].iloc[0]) if len(frame) else 0
    ordered = shown.sort_values("shortfall_eur", ascending=False)
    figures = [] if ordered.empty else [
        f"Largest shortfall: {ordered.iloc[0]['label']} {formats.money(ordered.iloc[0]['shortfall_eur'])} "
        f"(need {formats.money(ordered.iloc[0]['need_eur'])}); smallest: {ordered.iloc[-1]['label']} "
        f"{formats.money(ordered.iloc[-1]['shortfall_eur'])}.",
        f"Total shortfall shown: {formats.money(ordered['shortfall_eur'].sum())}."]
    return _finish(view, "funding-pillars", charts.pillar_need_shortfall(frame, view.caption), frame,
                   "Need and shortfall per investment pillar, EUR millions", n=n, figures=figures,
                   hidden=_hidden(frame), noun=("pillar", "pillars"), empty=ordered.empty,
                   method="need summed over the museums that answered each pillar; each museum's shortfall shared "
                          "out across the pillars in proportion to its needs.")


@chart("shortfall-ratio", "How much of the need is unfunded")
def shortfall_ratio(view: View) -> Chart:
    frame = view.fetch(metrics.shortfall_ratio_bands)
    n = int(frame["n"].iloc[0]) if len(frame) else 0
    empty = frame.empty or bool(frame["suppressed"].any())
    figures = [] if empty else ["; ".join(f"{r.label}: {_pct(r.share)}" for r in frame.itertuples()) + "."]
    return _finish(view, "shortfall-ratio", charts.shortfall_ratio_bands(frame, view.caption), frame,
                   "Share of museums by the part of their need they cannot fund", n=n, figures=figures, empty=empty,
                   method="shortfall ratio = a museum's shortfall ÷ its need; share of museums in each band.")


@chart("shortfall-by-country", "Funding shortfall by country")
def shortfall_by_group(view: View, by: str = "country", per_museum: bool = False) -> Chart:
    frame = view.fetch(metrics.shortfall_by, by)
    shown = frame[~frame["suppressed"]]
    column = "shortfall_per_museum_eur" if per_museum else "shortfall_eur"
    digits = 2 if per_museum else 1
    plural = charts.GROUP_NOUNS.get(by, ("group", "groups"))
    figures = [_ends(shown, lambda r: charts.group_label(by, r["group"]), column,
                     lambda v: formats.money(v, digits)),
               f"Total shortfall shown: {formats.money(shown['shortfall_eur'].sum())} over {int(shown['n'].sum())} "
               "museums." if len(shown) else ""]
    key = f"shortfall-{'per-museum-' if per_museum else ''}by-{by.replace('_', '-')}"
    what = "funding shortfall per museum" if per_museum else "total funding shortfall"
    return _finish(view, key, charts.shortfall_ranking(frame, by, view.caption, per_museum=per_museum), frame,
                   f"{metrics.GROUPS[by]} groups ranked by {what}, EUR millions", n=int(shown["n"].sum()),
                   figures=figures, hidden=_hidden(frame), noun=plural, empty=shown.empty,
                   method=("shortfall summed over each group's museums that gave need and budget"
                           + (", divided by their number." if per_museum else ".")))


# --- Europe map ---------------------------------------------------------------------------------------
@chart("europe-map", "Europe map of digitisation")
def europe_map(view: View, metric: str = "mean_pct_digitised") -> Chart:
    spec = metrics.MAP_METRICS[metric]
    frame = view.fetch(metrics.country_values, metric)
    shown = frame[~frame["suppressed"] & frame["value"].notna()]
    data = pd.DataFrame({"country": frame["country"], "country_name": [country_name(c) for c in frame["country"]],
                         "n": frame["n"], f"{metric} ({spec.unit})": frame["value"].round(3),
                         f"suppressed_below_{limits.SUPPRESS_BELOW_N}": frame["suppressed"]})
    key = "europe-map" if metric == "mean_pct_digitised" else f"europe-map-{metric.replace('_', '-')}"
    return _finish(view, key, charts.europe_map(frame, spec.label, view.caption, geo.europe(), spec.unit), data,
                   f"{spec.label} per country ({spec.unit}), with the number of museums behind each figure; countries "
                   f"with fewer than {limits.SUPPRESS_BELOW_N} answers are not shown.", n=int(frame["n"].sum()),
                   figures=[_ends(shown, lambda r: country_name(r["country"]), "value",
                                  lambda v: charts.map_value(v, spec.unit))],
                   hidden=_hidden(frame), noun=("country", "countries"), empty=shown.empty,
                   method=f"{spec.label.lower()} per country" + (f" ({spec.note})" if spec.note else "") +
                          f"; countries with fewer than {limits.SUPPRESS_BELOW_N} answers are grey.")


# --- Methodology --------------------------------------------------------------------------------------
@chart("weighted-pct-digitised", "Population-weighted estimates")
def weighted_by_country(view: View, indicator: str = "pct_digitised") -> Chart:
    frame = view.fetch(metrics.weighted_estimates, indicator)
    spec = weights.INDICATORS[indicator]
    everyone = frame[frame["scope"] == weights.ALL]
    caption = view.filters.describe(int(everyone["n"].iloc[0]) if len(everyone) else 0,
                                    int((frame["scope"] != weights.ALL).sum()))
    shown = frame[frame["weighted_mean"].notna()]
    figures = [f"All countries with a frame: {r.weighted_mean:.1f} {spec.unit} (95 % interval {r.lo:.1f}–{r.hi:.1f}) "
               f"from {int(r.n_weighted)} of {r.N:,.0f} museums. {r.note}" for r in everyone.itertuples()
               if pd.notna(r.weighted_mean)]
    return _finish(view, f"weighted-{indicator.replace('_', '-')}", charts.weighted_by_country(frame, caption), frame,
                   f"{spec.label}: population-weighted mean per country with 95 % interval, unweighted mean as a "
                   "hollow marker", n=int(everyone["n"].iloc[0]) if len(everyone) else 0, figures=figures,
                   empty=shown.empty, caption=caption, method=weights.INTERVAL_METHOD)


@chart("wave-change", "Change between waves")
def wave_change(view: View) -> Chart:
    frame = view.fetch(metrics.wave_change)
    caption = replace(view.filters, wave=None).describe(int(frame["n_latest"].max()) if len(frame) else 0)
    figures = [f"{r.label}: {r.mean_base:.1f} → {r.mean_latest:.1f} ({r.base_wave} → {r.latest_wave}); same museums "
               f"{r.panel_change:+.1f} (n = {int(r.n_panel)})." for r in frame.itertuples()
               if pd.notna(r.mean_base) and pd.notna(r.mean_latest) and pd.notna(r.panel_change)]
    return _finish(view, "wave-change", charts.wave_change(frame, caption), frame,
                   "Key indicators in the earlier and the later wave: every museum that answered, and the same "
                   "museums in both waves", n=int(frame["n_latest"].max()) if len(frame) else 0,
                   figures=figures[:3], empty=frame.empty, caption=caption,
                   method="cross-sections compare everyone who answered each wave; the panel follows the same "
                          "museums in both waves; unweighted means.")


# --- Scenarios ----------------------------------------------------------------------------------------------
def _scenario(view: View, scenario: scenarios.Scenario | None, budget_eur: float, rule: str, pillar_weights,
              horizon: int) -> scenarios.Scenario:
    """The scenario a page computed already, or this one from the store (decks, reports, the command line)."""
    if scenario is not None:
        return scenario
    return scenarios.run(view.fetch(metrics.scenario_inputs)["museums"], budget_eur, rule, pillar_weights, horizon)


def _scenario_caption(view: View, s: scenarios.Scenario) -> str:
    return f"{view.caption}; {s.described}; n = {s.n} museums that gave need and budget, {s.with_gap} with a gap"


def frame_sentence(frame: scenarios.FrameScenario | None, reason: str) -> str:
    """The scenario over every museum of the frame, with 95 % intervals, in one sentence (or why there is none)."""
    if frame is None:
        return f"Not extrapolated to all museums: {reason}."
    every = frame.table.set_index("scope").loc[weights.ALL]
    return (f"Shared among all {every['N']:,.0f} museums of the frame (estimate): {every['museums_funded']:,.0f} fully "
            f"funded (95 % interval {every['funded_lo']:,.0f}–{every['funded_hi']:,.0f}) of "
            f"{every['museums_with_gap']:,.0f} with a gap; their shortfall {formats.money(every['shortfall_eur'])} "
            f"(95 % interval {formats.money(every['shortfall_lo'])}–{formats.money(every['shortfall_hi'])}). "
            f"{frame.note}")


@chart("scenario-curve", "Investment scenario: what a sum achieves")
def scenario_curve(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                   pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                   scenario: scenarios.Scenario | None = None,
                   extrapolated: tuple[scenarios.FrameScenario | None, str] | None = None) -> Chart:
    """`extrapolated`: (the frame scenario, why there is none) when the page has them already."""
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = _scenario_caption(view, s)
    if extrapolated is None:
        reason = scenarios.frame_reason(view.filters)
        inputs = view.fetch(metrics.scenario_inputs)
        extrapolated = (None if reason else scenarios.frame_scenario(
            inputs["museums"], inputs["population"], s.budget_eur, s.rule, dict(zip(scenarios.PILLARS, s.omega))),
            reason)
    frame, reason = extrapolated
    figures = [f"At {formats.money(s.budget_eur)}: " + "; ".join(
                   f"{r.label.lower()} {r.museums_funded:,.0f} of {r.with_gap} fully funded, {r.closed_pct:.0f} % of "
                   "the shortfall closed" for r in s.compared.itertuples()) + ".",
               f"Shortfall of the {s.n} museums: {formats.money(s.total_eur)}; {formats.money(s.closed_eur)} closed, "
               f"{formats.money(s.remaining_eur)} left" + (f", {formats.money(s.unallocated_eur)} of the sum not needed"
                                                          if s.unallocated_eur > 0 else "") + ".",
               frame_sentence(frame, reason or "no country in view can be weighted"),
               *(f"Assumption: {a}" for a in scenarios.ASSUMPTIONS)]
    data = s.curve[["rule", "label", "budget_eur", "museums_funded", "funded_pct", "closed_eur", "closed_pct"]]
    return _finish(view, "scenario-curve", charts.scenario_curve(s.curve, s.compared, s.rule, s.budget_eur, caption),
                   data, "Two line charts side by side: as the sum invested grows from nothing to the whole shortfall, "
                   "the share of museums with a gap that are fully funded and the share of the shortfall closed, one "
                   "line per allocation rule, with the chosen sum marked", n=s.n, figures=figures,
                   empty=s.with_gap < limits.SUPPRESS_BELOW_N, caption=caption,
                   method=f"{scenarios.rule_name(s.rule)}: {scenarios.RULE_TEXT[s.rule]}. The curve repeats each rule "
                          f"at {scenarios.CURVE_POINTS} sums from 0 to the whole shortfall.")


@chart("scenario-by-country", "Investment scenario by country")
def scenario_by_group(view: View, by: str = "country", budget_eur: float = scenarios.DEFAULT_BUDGET_EUR,
                      rule: str = scenarios.DEFAULT_RULE, pillar_weights: dict | None = None,
                      horizon: int = schema.HORIZON_YEAR, scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    caption = f"{view.caption}; {s.described}"
    frame = scenarios.by_group(s, by)
    shown = frame[~frame["suppressed"]]
    data = frame.assign(label=[charts.group_label(by, g) for g in frame["group"]])
    figures = [f"{charts.group_label(by, r.group)}: {r.museums_funded:,.0f} of {r.museums_with_gap:,.0f} museums "
               f"with a gap fully funded; {formats.money(r.closed_eur)} of {formats.money(r.shortfall_eur)} closed, "
               f"{formats.money(r.remaining_eur)} left (n = {r.n})." for r in shown.head(12).itertuples()]
    return _finish(view, f"scenario-by-{by.replace('_', '-')}",
                   charts.scenario_groups(frame, by, caption, s.budget_eur), data,
                   f"{metrics.GROUPS[by]} groups: the shortfall the scenario closes and what is left, EUR millions, "
                   "with the museums it funds fully", n=int(shown["n"].sum()), figures=figures,
                   hidden=_hidden(frame), noun=charts.GROUP_NOUNS.get(by, ("group", "groups")), empty=shown.empty,
                   caption=caption, method=f"{scenarios.rule_name(s.rule)}: {scenarios.RULE_TEXT[s.rule]}.")


@chart("scenario-outlook", "Digitisation outlook with the scenario")
def scenario_outlook(view: View, budget_eur: float = scenarios.DEFAULT_BUDGET_EUR, rule: str = scenarios.DEFAULT_RULE,
                     pillar_weights: dict | None = None, horizon: int = schema.HORIZON_YEAR,
                     scenario: scenarios.Scenario | None = None) -> Chart:
    s = _scenario(view, scenario, budget_eur, rule, pillar_weights, horizon)
    inputs = view.fetch(metrics.scenario_inputs)
    frame = scenarios.outlook(inputs["museums"], s, inputs["unit_costs"])
    shown = frame[~frame["suppressed"] & (frame["country"] != weights.ALL)]
    caption = f"{view.caption}; {s.described}"

    def line(r) -> str:
        paced = (f" → {r.projected_pct:.0f} % by {s.horizon} at the pace reported ({r.pace_pp:.1f} points a year, "
                 f"n = {r.n_pace})" if pd.notna(r.projected_pct) else " (too few earlier answers to project)")
        target = f"; target {r.target_pct:.0f} %" if pd.notna(r.target_pct) else ""
        return (f"{country_name(r.country)}: {r.now_pct:.0f} % now{paced} → {r.with_money_pct:.0f} % with the "
                f"scenario (+{r.extra_pp:.1f} points){target} (n = {r.n}).")

    figures = [*(line(r) for r in shown.head(12).itertuples()),
               *(f"Assumption: {a}" for a in scenarios.outlook_assumptions(s.horizon))]
    return _finish(view, "scenario-outlook", charts.scenario_outlook(frame, caption, s.horizon), frame,
                   f"Per country, the share of the collection digitised now, projected to {s.horizon} at the pace "
                   "museums report, with the scenario's money added, and the target", n=int(shown["n"].sum()),
                   figures=figures, hidden=_hidden(frame[frame["country"] != weights.ALL]),
                   noun=("country", "countries"), empty=shown.empty, caption=caption,
                   method="shares are collection-weighted (sum of % × objects ÷ sum of objects); money becomes "
                          "objects at the cost model's unit costs (2D and 3D per object, by museum type).")
