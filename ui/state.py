"""Streamlit glue for the store: pages read the newest published snapshot (one read-only connection per process
and snapshot), writes go to the primary through `writing`, and aggregates are cached by data version.

Queries run on a fresh cursor per call (analysis.figures.metrics does that), so sessions never share one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import duckdb
import streamlit as st

import pandas as pd

from analysis import i18n, store
from analysis.i18n import _
from analysis.charts import catalogue
from analysis.figures import metrics, projections, provenance, scenarios, unit_costs
from analysis.figures.filters import Filters
from analysis.store import snapshots


@st.cache_resource(show_spinner=False, max_entries=4)
def _open(snapshot: str) -> duckdb.DuckDBPyConnection:
    return store.connect(snapshot, read_only=True)


def database() -> duckdb.DuckDBPyConnection:
    """A read-only connection to the newest published snapshot of the store named by $MUSEUM_DB (default
    data/museums.duckdb), shared by the sessions of this process: a write published since opens the next."""
    return _open(str(snapshots.newest(store.db_path())))


@contextmanager
def writing() -> Iterator[duckdb.DuckDBPyConnection]:
    """The primary store for one write (upload, retraction, targets, registers, unit costs), waiting with a
    visible message while another app server or the command line writes; a new snapshot follows."""
    notice = st.empty()
    try:
        with store.writing(on_wait=lambda: notice.info(_("Another upload or edit is being saved; waiting for "
                                                           "its turn…"), icon=":material/hourglass_top:")) as con:
            yield con
    except store.WriterBusy as busy:
        notice.error(str(busy), icon=":material/hourglass_disabled:")
        st.stop()
    notice.empty()


def data_version() -> tuple:
    """Cache key for aggregates: which store, how often it has changed, and the language (aggregates, chart
    texts and the data version's description carry translated labels)."""
    return (str(store.db_path()), *store.data_version(database()), i18n.current())


@st.cache_data(show_spinner=False)
def summary(version: tuple, filters: Filters) -> dict:
    return metrics.summary(database(), filters=filters)


@st.cache_data(show_spinner=False)
def options(version: tuple) -> dict[str, list]:
    return metrics.options(database())


# Aggregates of one row per museum: shared between sessions rather than copied, since a copy of half a million rows
# on every read (st.cache_data unpickles what it returns) costs more than the page. Readers must not change them.
PER_MUSEUM = (metrics.scenario_inputs, metrics.digitisation_inputs)


def aggregate(version: tuple, metric: Callable[..., pd.DataFrame], filters: Filters, *args) -> pd.DataFrame:
    """`metric(con, filters, *args)` for any analysis.figures.metrics aggregate (metrics.distribution, metrics.totals,
    ...), cached per data version, filters and arguments. The function is passed itself, so editors follow it."""
    cached = _shared if metric in PER_MUSEUM else _cached
    return cached(version, f"{metric.__module__}.{metric.__qualname__}", filters, args, _metric=metric)


@st.cache_data(show_spinner=False)
def _cached(version: tuple, name: str, filters: Filters, args: tuple, *, _metric: Callable) -> pd.DataFrame:
    """Keyed by the metric's name: Streamlit does not hash arguments whose name starts with an underscore."""
    return _metric(database(), filters, *args)


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared(version: tuple, name: str, filters: Filters, args: tuple, *, _metric: Callable) -> pd.DataFrame:
    return _metric(database(), filters, *args)


@st.cache_data(show_spinner=False)
def waves(version: tuple) -> list[str]:
    return metrics.waves(database())


def chart_view(version: tuple, filters: Filters, summary: dict, caption: str) -> catalogue.View:
    """The view chart definitions draw from, reading aggregates through the cache. Its charts are cached under the
    version, filters and caption: the summary follows from the first two, and a view without one has no caption."""
    return catalogue.View(filters, summary, caption, lambda metric, *args: aggregate(version, metric, filters, *args),
                          data_of(version, filters.wave).text, (version, filters, caption))


def chart(view: catalogue.View, key: str, **params) -> catalogue.Chart:
    """The chart `key` for this view, drawn once per data version, language, view and parameters: building the
    plotly figures is most of a warm page's time. Shared, not copied: nothing changes a chart once drawn."""
    if not view.cache_key:                            # a view made outside chart_view: drawn every time
        return catalogue.render(key, view, **params)
    return _chart(view.cache_key, key, tuple(sorted(params.items())), _view=view)


@st.cache_resource(show_spinner=False, max_entries=500)
def _chart(cache_key: tuple, key: str, params: tuple, *, _view: catalogue.View) -> catalogue.Chart:
    return catalogue.render(key, _view, **dict(params))


@st.cache_data(show_spinner=False)
def data_of(version: tuple, wave: str | None) -> provenance.DataVersion:
    """Which uploads and frame the figures of `wave` come from (analysis.figures.provenance)."""
    return provenance.current(database(), wave)


@st.cache_data(show_spinner=False)
def slides(version: tuple, filters: Filters, keys: tuple[str, ...]) -> list:
    """The deck's charts under the current filters (analysis.charts.catalogue), cached per data version."""
    return catalogue.build(database(), filters, list(keys))


@dataclass(frozen=True)
class ScenarioFigures:
    """Everything the Scenarios page shows for one sum, rule, weights and horizon (analysis.figures.scenarios,
    .projections and .unit_costs), computed once and shared: at a million answers it takes seconds."""

    scenario: scenarios.Scenario
    frame: projections.FrameScenario | None        # all museums of the countries in view, extrapolated
    frame_reason: str                              # why there is no extrapolation, when there is none
    curve: catalogue.Chart | None
    outlook: catalogue.Chart | None
    costs: pd.DataFrame                            # the unit costs in force
    check: unit_costs.CrossCheck


def scenario(view: catalogue.View, budget_eur: float, rule: str, weights: dict[str, int],
             horizon: int) -> ScenarioFigures:
    return _scenario(data_version(), view.filters, view.caption, budget_eur, rule, weights, horizon, _view=view)


@st.cache_resource(show_spinner=False, max_entries=8)
def _scenario(version: tuple, filters: Filters, caption: str, budget_eur: float, rule: str, weights: dict[str, int],
              horizon: int, *, _view: catalogue.View) -> ScenarioFigures:
    inputs, context = _view.fetch(metrics.scenario_inputs), _view.fetch(metrics.scenario_context)
    s = scenarios.run(inputs["museums"], budget_eur, rule, weights, horizon, respondents=inputs["respondents"])
    check = _cost_check(version, filters, _view=_view)
    if not s.with_gap:                             # the page says so and stops
        return ScenarioFigures(s, None, projections.frame_reason(filters), None, None, context["unit_costs"], check)
    frame, reason = projections.extrapolation(inputs["museums"], context["population"], filters, budget_eur, rule,
                                              weights)
    return ScenarioFigures(s, frame, reason,
                           catalogue.render("scenario-curve", _view, scenario=s, extrapolated=(frame, reason)),
                           catalogue.render("scenario-outlook", _view, scenario=s), context["unit_costs"], check)


@st.cache_resource(show_spinner=False, max_entries=8)
def _cost_check(version: tuple, filters: Filters, *, _view: catalogue.View) -> unit_costs.CrossCheck:
    """The cost model over the museums in view: it does not depend on the scenario, so a new sum does not redo it
    (the data version names the language its sentence is in)."""
    return unit_costs.cross_check(_view.fetch(metrics.digitisation_inputs),
                                  _view.fetch(metrics.scenario_context)["unit_costs"],
                                  lambda rows: _view.fetch(metrics.museum_names, rows))


def scenario_by(view: catalogue.View, figures: ScenarioFigures, by: str) -> catalogue.Chart:
    """The scenario's outcome per country, museum type, size band or ownership."""
    s = figures.scenario
    return _scenario_by(data_version(), view.filters, view.caption, s.budget_eur, s.rule, tuple(s.omega), s.horizon,
                        by, _view=view, _scenario=s)


@st.cache_resource(show_spinner=False, max_entries=16)
def _scenario_by(version: tuple, filters: Filters, caption: str, budget_eur: float, rule: str, omega: tuple,
                 horizon: int, by: str, *, _view: catalogue.View, _scenario: scenarios.Scenario) -> catalogue.Chart:
    return catalogue.render("scenario-by-country", _view, by=by, scenario=_scenario)
