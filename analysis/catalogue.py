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
        text = self.figure.layout.title.text or self.key
        return text.split("<br>")[0]


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


# key -> (label in the deck picker, builder)
CHARTS: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection, Filters], Slide]]] = {
    "digitisation-by-country": ("Digitisation by country", digitisation_by_country),
    "shortfall-by-pillar": ("Funding shortfall by pillar", shortfall_by_pillar),
}


def build(con: duckdb.DuckDBPyConnection, filters: Filters, keys: list[str]) -> list[Slide]:
    return [CHARTS[key][1](con, filters) for key in keys]
