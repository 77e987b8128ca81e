"""Streamlit glue for the store: pages read the newest published snapshot (one read-only connection per process
and snapshot), writes go to the primary through `writing`, and aggregates are cached by data version.

Queries run on a fresh cursor per call (analysis.figures.metrics does that), so sessions never share one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

import duckdb
import streamlit as st

import pandas as pd

from analysis import i18n, store
from analysis.i18n import _
from analysis.charts import catalogue
from analysis.figures import metrics, provenance
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


def aggregate(version: tuple, metric: Callable[..., pd.DataFrame], filters: Filters, *args) -> pd.DataFrame:
    """`metric(con, filters, *args)` for any analysis.figures.metrics aggregate (metrics.distribution, metrics.totals,
    ...), cached per data version, filters and arguments. The function is passed itself, so editors follow it."""
    return _cached(version, f"{metric.__module__}.{metric.__qualname__}", filters, args, _metric=metric)


@st.cache_data(show_spinner=False)
def _cached(version: tuple, name: str, filters: Filters, args: tuple, *, _metric: Callable) -> pd.DataFrame:
    """Keyed by the metric's name: Streamlit does not hash arguments whose name starts with an underscore."""
    return _metric(database(), filters, *args)


@st.cache_data(show_spinner=False)
def waves(version: tuple) -> list[str]:
    return metrics.waves(database())


def chart_view(version: tuple, filters: Filters, summary: dict, caption: str) -> catalogue.View:
    """The view chart definitions draw from, reading aggregates through the cache."""
    return catalogue.View(filters, summary, caption, lambda metric, *args: aggregate(version, metric, filters, *args),
                          data_of(version, filters.wave).text)


@st.cache_data(show_spinner=False)
def data_of(version: tuple, wave: str | None) -> provenance.DataVersion:
    """Which uploads and frame the figures of `wave` come from (analysis.figures.provenance)."""
    return provenance.current(database(), wave)


@st.cache_data(show_spinner=False)
def slides(version: tuple, filters: Filters, keys: tuple[str, ...]) -> list:
    """The deck's charts under the current filters (analysis.charts.catalogue), cached per data version."""
    return catalogue.build(database(), filters, list(keys))
