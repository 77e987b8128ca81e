"""The charts a presenter can put in a deck: each entry builds a finished chart from the store and filters.

A Slide carries what a slide, an image export or an HTML report needs: the figure, the data behind it,
the filters in words with n, and the key figures and method for the speaker notes. Pages, the
presentation mode and the exports all draw from here, so a chart looks the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import duckdb
import pandas as pd
import plotly.graph_objects as go

from analysis import charts, metrics, schema
from analysis.filters import Filters


@dataclass
class Slide:
    key: str
    figure: go.Figure
    data: pd.DataFrame
    caption: str                           # the filters in words, with n
    notes: list[str] = field(default_factory=list)   # key figures and method, for speaker notes

    @property
    def title(self) -> str:
        return charts.split_title(self.figure.layout.title.text)[0] or self.key


def _summary_caption(con, filters: Filters) -> tuple[dict, str]:
    s = metrics.summary(con, filters=filters)
    return s, filters.describe(s["respondents"], s["countries"])


def digitisation_by_country(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    s, caption = _summary_caption(con, filters)
    frame = metrics.digitisation_by_country(con, filters)
    shown = frame[~frame["suppressed"]]
    notes = [f"Mean share of collection digitised: {s['mean_pct_digitised']:.1f} % (unweighted, "
             f"n = {s['n']['pct_digitised']})" if s["mean_pct_digitised"] is not None else "No answers.",
             f"Collection-weighted: {s['weighted_pct_digitised']:.1f} % of objects "
             f"(n = {s['n']['weighted_pct_digitised']})" if s["weighted_pct_digitised"] is not None else "",
             f"{len(shown)} countries shown; {int(frame['suppressed'].sum())} with fewer than 5 answers suppressed.",
             "Method: unweighted mean counts every museum once; collection-weighted mean = "
             "sum(% x objects) / sum(objects)."]
    return Slide("digitisation-by-country", charts.digitisation_by_country(frame, caption), frame, caption,
                 [n for n in notes if n])


def shortfall_by_pillar(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    s, caption = _summary_caption(con, filters)
    caption = f"{caption}; n = {s['n']['funding_shortfall']} museums with needs and budget"
    data = pd.DataFrame({"pillar": [schema.PILLARS[p] for p in s["shortfall_by_pillar"]],
                         "shortfall_eur": list(s["shortfall_by_pillar"].values())})
    total = s["total_funding_shortfall_eur"] or 0
    notes = [f"Total shortfall to 2030: EUR {total:,.0f} (n = {s['n']['funding_shortfall']})",
             *(f"{schema.PILLARS[p]}: EUR {(v or 0):,.0f}" for p, v in s["shortfall_by_pillar"].items()),
             "Method: shortfall = max(0, need - annual digital budget x years to 2030), shared between "
             "pillars in proportion to each museum's needs; museums without both answers are left out."]
    return Slide("shortfall-by-pillar", charts.shortfall_by_pillar(s["shortfall_by_pillar"], caption), data,
                 caption, notes)


def _notes(frame: pd.DataFrame, method: str) -> list[str]:
    shown = frame[~frame["suppressed"]] if "suppressed" in frame else frame
    hidden = int(frame["suppressed"].sum()) if "suppressed" in frame else 0
    return [f"{len(shown)} groups shown" + (f"; {hidden} with fewer than 5 answers suppressed" if hidden else ""),
            method]


def digitisation_levels(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    s, caption = _summary_caption(con, filters)
    frame = metrics.level_summary(con, filters)
    goal = metrics.target_in_force(metrics.targets_in_force(con, filters))
    fig = charts.digitisation_levels(frame, caption, goal["value"], f"Target: {goal['text']}")
    return Slide("digitisation-levels", fig, frame, caption,
                 [f"Target: {goal['text']}", *_notes(frame, "Unweighted and collection-weighted means over museums "
                                                            "that answered.")])


def milestones_3d(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    _, caption = _summary_caption(con, filters)
    frame = metrics.milestones_3d(con, filters)
    return Slide("3d-milestones", charts.milestones_3d(frame, caption), frame, caption,
                 _notes(frame, "Share = monuments digitised in 3D / all monuments, over museums that manage them; "
                               "milestones of Recommendation (EU) 2021/1970 point 6."))


def skills_profile(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    _, caption = _summary_caption(con, filters)
    frame = metrics.skill_profile(con, filters)
    return Slide("skills-profile", charts.skills_profile(frame, caption), frame, caption,
                 _notes(frame, "Mean self-assessed DigComp 2.2 level of staff per area; target level 4."))


def ai_literacy(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    _, caption = _summary_caption(con, filters)
    frame = metrics.level_counts(con, filters, "skill_ai_literacy")
    return Slide("ai-literacy", charts.ai_literacy_levels(frame, caption), frame, caption,
                 _notes(frame, "Share of museums by the typical AI-literacy level of staff (AI Act Art. 4)."))


def need_vs_budget(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    s, caption = _summary_caption(con, filters)
    pillars = metrics.pillar_funding(con, filters)
    totals = metrics.funding_totals(s)
    notes = [f"Need EUR {(totals['need'] or 0):,.0f} (n = {totals['n_need']}); budget over the horizon "
             f"EUR {(totals['available'] or 0):,.0f} (n = {totals['n_available']}); shortfall "
             f"EUR {(totals['shortfall'] or 0):,.0f} (n = {totals['n_shortfall']}).",
             "Method: shortfall = max(0, need - annual budget x years to 2030), summed museum by museum."]
    return Slide("need-vs-budget", charts.need_vs_budget(pillars, totals, caption), pillars, caption, notes)


def shortfall_by_country(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    _, caption = _summary_caption(con, filters)
    frame = metrics.shortfall_by(con, filters, "country")
    return Slide("shortfall-by-country", charts.shortfall_ranking(frame, "country", caption), frame, caption,
                 _notes(frame, "Total shortfall per country over museums that gave need and budget."))


def obstacles(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    _, caption = _summary_caption(con, filters)
    frame = metrics.choice_counts(con, filters, "main_obstacles")
    return Slide("obstacles", charts.choice_bars(frame, caption, "obstacle"), frame, caption,
                 _notes(frame, "Share of museums naming each obstacle among their top three."))


def europe_map(con: duckdb.DuckDBPyConnection, filters: Filters) -> Slide:
    from analysis import geo

    _, caption = _summary_caption(con, filters)
    spec = metrics.MAP_METRICS["mean_pct_digitised"]
    frame = metrics.country_values(con, filters, "mean_pct_digitised")
    return Slide("europe-map", charts.europe_map(frame, spec.label, caption, geo.europe(), spec.unit), frame, caption,
                 _notes(frame, f"{spec.label} per country; countries with fewer than 5 answers in grey."))


# key -> (label in the deck picker, builder), in the order a talk usually runs
CHARTS: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection, Filters], Slide]]] = {
    "digitisation-by-country": ("Digitisation by country", digitisation_by_country),
    "europe-map": ("Europe map of digitisation", europe_map),
    "digitisation-levels": ("Catalogued, digitised, 3D, online", digitisation_levels),
    "3d-milestones": ("3D milestones (2021/1970)", milestones_3d),
    "skills-profile": ("Staff digital skills (DigComp)", skills_profile),
    "ai-literacy": ("AI literacy (AI Act Art. 4)", ai_literacy),
    "need-vs-budget": ("Funding need vs budget", need_vs_budget),
    "shortfall-by-pillar": ("Funding shortfall by pillar", shortfall_by_pillar),
    "shortfall-by-country": ("Funding shortfall by country", shortfall_by_country),
    "obstacles": ("Main obstacles", obstacles),
}
DEFAULT_DECK = ("digitisation-by-country", "digitisation-levels", "skills-profile", "need-vs-budget",
                "shortfall-by-pillar")


def build(con: duckdb.DuckDBPyConnection, filters: Filters, keys: list[str]) -> list[Slide]:
    return [CHARTS[key][1](con, filters) for key in keys]
