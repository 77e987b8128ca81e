"""Every chart of the product, defined once: pages, the presentation mode, the PPTX deck, the HTML report and image
exports all render from `CHARTS`, so a chart reads the same everywhere.

A new chart is one `@chart(...)` function in its theme's module of analysis.charts.definitions and one
`widgets.show(...)` line on its page. A definition reads its aggregates through `View.fetch(metrics.<aggregate>,
*args)`: the app passes a cached fetch, the command line a direct one (`View.of`).
"""

from __future__ import annotations

import duckdb

from analysis.charts import definitions
from analysis.charts.registry import CHARTS, Chart, View, frame_sentence
from analysis.figures.filters import Filters

__all__ = ["CHARTS", "DEFAULT_DECK", "Chart", "View", "build", "definitions", "frame_sentence", "render"]

DEFAULT_DECK = ("digitisation-by-country", "digitisation-levels", "skills-profile", "need-vs-budget",
                "shortfall-by-pillar")


def render(key: str, view: View, **params) -> Chart:
    return CHARTS[key].build(view, **params)


def build(con: duckdb.DuckDBPyConnection, filters: Filters, keys: list[str]) -> list[Chart]:
    """The charts `keys` in their default view, straight from the store (decks, reports, the CLI)."""
    view = View.of(con, filters)
    return [render(key, view) for key in keys]
