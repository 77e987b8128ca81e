"""Aggregates over the museum_metrics view: the numbers every page, export and the CLI report.

Metrics are defined once in SQL (analysis.store); this module only filters and aggregates them, always
with the n behind each figure, and suppresses groups with fewer than SUPPRESS_BELOW_N respondents.
Column names reach SQL only after a check against the whitelists below.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis import limits, schema
from analysis.filters import Filters

# Groupings offered in breakdowns, with their labels.
GROUPS = {"country": "Country", "museum_type": "Museum type", "size_band": "Size", "ownership": "Ownership",
          "egmus_type_group": "EGMUS type group", "survey_wave": "Survey wave", "accredited": "Accredited"}

# Per-museum numeric metrics of museum_metrics that may be averaged or summed.
DERIVED = ("pct_to_digitise", "objects_to_digitise", "digitisation_gap_pp", "gap_3d_at_risk", "gap_3d_most_visited",
           "required_annual_rate_pp", "catalogue_gap_pp", "online_gap_pp", "rights_backlog_pct", "digital_fte_share",
           *(f"skills_gap_{a}" for a in schema.SKILL_AREAS), "ai_literacy_gap_pct", "skills_gap_index",
           "funding_need_eur", "funding_available_horizon_eur", "funding_shortfall_eur", "shortfall_ratio",
           "shortfall_per_object_eur", "shortfall_per_visit_eur", "shortfall_per_fte_eur",
           *(f"shortfall_{p}_eur" for p in schema.PILLARS), "target_pct_digitised")
NUMERIC = tuple(f.name for f in schema.FIELDS if f.kind in schema.NUMERIC_KINDS) + DERIVED
CATEGORICAL = tuple(f.name for f in schema.FIELDS if f.kind in (schema.ENUM, schema.BOOL)) + (
    "size_band", "egmus_type_group")
MULTI = tuple(f.name for f in schema.FIELDS if f.kind == schema.MULTI)


def _check(name: str, allowed: tuple[str, ...] | dict) -> str:
    if name not in allowed:
        raise ValueError(f"unknown column {name!r}")
    return name


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    with con.cursor() as cur:
        return cur.execute(sql, params).df()


def _suppress(frame: pd.DataFrame, value_columns: list[str]) -> pd.DataFrame:
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    frame.loc[frame["suppressed"], value_columns] = None
    return frame


def latest_wave(con: duckdb.DuckDBPyConnection) -> str | None:
    with con.cursor() as cur:
        return cur.execute("SELECT max(survey_wave) FROM current_responses").fetchall()[0][0]


def waves(con: duckdb.DuckDBPyConnection) -> list[str]:
    with con.cursor() as cur:
        return [w for (w,) in cur.execute(
            "SELECT DISTINCT survey_wave FROM current_responses ORDER BY survey_wave DESC").fetchall()]


def options(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Values present in the store, for the filter widgets."""
    with con.cursor() as cur:
        return {column: [v for (v,) in cur.execute(
            f"SELECT DISTINCT {column} FROM museum_metrics WHERE {column} IS NOT NULL ORDER BY 1").fetchall()]
            for column in ("country", "museum_type", "size_band", "ownership")}


def summary(con: duckdb.DuckDBPyConnection, wave: str | None = None, countries: list[str] | None = None,
            filters: Filters | None = None) -> dict:
    """Headline figures for one view (default: the latest wave): the CLI's `summary --json` shape plus n's."""
    if filters is None:
        filters = Filters(wave=wave or latest_wave(con), countries=tuple(c.upper() for c in countries or ()))
    where, params = filters.where()
    pillar_sums = ", ".join(f"sum(shortfall_{p}_eur) AS {p}" for p in schema.PILLARS)
    row = _query(con, f"""
        SELECT count(*) AS respondents,
               count(DISTINCT country) AS countries,
               avg(pct_digitised) AS mean_pct_digitised,
               count(pct_digitised) AS n_pct_digitised,
               sum(pct_digitised * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE pct_digitised IS NOT NULL AND collection_objects > 0), 0)
                 AS weighted_pct_digitised,
               count(*) FILTER (WHERE pct_digitised IS NOT NULL AND collection_objects > 0) AS n_weighted,
               sum(objects_to_digitise) AS objects_to_digitise,
               count(objects_to_digitise) AS n_objects_to_digitise,
               sum(funding_need_eur) AS total_funding_need_eur,
               count(funding_need_eur) AS n_need,
               sum(funding_available_horizon_eur) AS total_funding_available_eur,
               count(funding_available_horizon_eur) AS n_available,
               sum(funding_shortfall_eur) AS total_funding_shortfall_eur,
               count(funding_shortfall_eur) AS n_shortfall,
               {pillar_sums}
        FROM museum_metrics WHERE {where}""", params).iloc[0]
    value = lambda k: None if pd.isna(row[k]) else float(row[k])  # noqa: E731  (NaN -> None)
    return {
        "survey_wave": filters.wave,
        "respondents": int(row["respondents"]),
        "countries": int(row["countries"]),
        "mean_pct_digitised": value("mean_pct_digitised"),
        "weighted_pct_digitised": value("weighted_pct_digitised"),
        "objects_to_digitise": value("objects_to_digitise"),
        "total_funding_need_eur": value("total_funding_need_eur"),
        "total_funding_available_eur": value("total_funding_available_eur"),
        "total_funding_shortfall_eur": value("total_funding_shortfall_eur"),
        "shortfall_by_pillar": {p: value(p) for p in schema.PILLARS},
        "n": {"pct_digitised": int(row["n_pct_digitised"]), "weighted_pct_digitised": int(row["n_weighted"]),
              "objects_to_digitise": int(row["n_objects_to_digitise"]),
              "funding_need": int(row["n_need"]), "funding_available": int(row["n_available"]),
              "funding_shortfall": int(row["n_shortfall"])},
        "notes": {"mean_pct_digitised": "unweighted mean over museums that answered",
                  "weighted_pct_digitised": "collection-weighted: sum(pct x objects) / sum(objects)",
                  "funding": "need and available summed over museums that answered them; shortfall over "
                             "museums that answered both (max(0, need - budget x horizon))"},
    }


def distribution(con: duckdb.DuckDBPyConnection, filters: Filters, metric: str, by: str) -> pd.DataFrame:
    """Per group: n, unweighted mean, collection-weighted mean, quartiles, min and max of one metric."""
    metric, by = _check(metric, NUMERIC), _check(by, GROUPS)
    where, params = filters.where()
    frame = _query(con, f"""
        SELECT {by} AS "group", count({metric}) AS n, avg({metric}) AS mean,
               sum({metric} * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE {metric} IS NOT NULL AND collection_objects > 0), 0)
                 AS weighted_mean,
               quantile_cont({metric}, 0.25) AS q1, median({metric}) AS median,
               quantile_cont({metric}, 0.75) AS q3, min({metric}) AS min, max({metric}) AS max
        FROM museum_metrics WHERE {where} AND {by} IS NOT NULL
        GROUP BY 1 ORDER BY mean DESC NULLS LAST""", params)
    return _suppress(frame, ["mean", "weighted_mean", "q1", "median", "q3", "min", "max"])


def totals(con: duckdb.DuckDBPyConnection, filters: Filters, columns: list[str], by: str) -> pd.DataFrame:
    """Per group: the sum of each column over the museums that answered it, and n for each."""
    by = _check(by, GROUPS)
    where, params = filters.where()
    sums = ", ".join(f"sum({_check(c, NUMERIC)}) AS {c}, count({c}) AS n_{c}" for c in columns)
    frame = _query(con, f"""SELECT {by} AS "group", count(*) AS n, {sums} FROM museum_metrics
                            WHERE {where} AND {by} IS NOT NULL GROUP BY 1 ORDER BY 1""", params)
    return _suppress(frame, list(columns))


def category_shares(con: duckdb.DuckDBPyConnection, filters: Filters, field: str, by: str | None = None) -> pd.DataFrame:
    """Share of museums giving each answer of a yes/no or single-choice question (of those who answered)."""
    field = _check(field, CATEGORICAL)
    group = _check(by, GROUPS) if by else "'All museums'"
    where, params = filters.where()
    frame = _query(con, f"""
        WITH answered AS (SELECT {group} AS "group", CAST({field} AS VARCHAR) AS answer FROM museum_metrics
                          WHERE {where} AND {field} IS NOT NULL)
        SELECT "group", answer, count(*) AS museums,
               sum(count(*)) OVER (PARTITION BY "group") AS n,
               100.0 * count(*) / sum(count(*)) OVER (PARTITION BY "group") AS share
        FROM answered GROUP BY ALL ORDER BY "group", answer""", params)
    return _suppress(frame, ["share", "museums"])


def choice_counts(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """For a several-answers question: how many museums chose each option, as a share of those who answered."""
    field = _check(field, MULTI)
    where, params = filters.where("m")
    frame = _query(con, f"""
        WITH answered AS (SELECT m.response_id FROM museum_metrics m WHERE {where} AND m.{field} IS NOT NULL)
        SELECT c.code AS answer, count(*) AS museums, (SELECT count(*) FROM answered) AS n,
               100.0 * count(*) / (SELECT count(*) FROM answered) AS share
        FROM response_choices c JOIN answered a USING (response_id)
        WHERE c.field = ? GROUP BY 1 ORDER BY museums DESC""", [*params, field])
    labels = dict(schema.FIELDS_BY_NAME[field].choices)
    frame["label"] = [labels.get(code, code.replace("_", " ").capitalize()) for code in frame["answer"]]
    return _suppress(frame, ["share", "museums"])


def digitisation_by_country(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per country: n, unweighted and collection-weighted mean % digitised (the Overview's chart)."""
    frame = distribution(con, filters, "pct_digitised", "country")
    return frame.rename(columns={"group": "country", "mean": "mean_pct_digitised",
                                 "weighted_mean": "weighted_pct_digitised"})


def coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents against the museum population (EGMUS counts) per country.

    Coverage only means something for all museums of a country, so it is computed on the wave and country
    filters alone; countries without a population figure have coverage None.
    """
    base = Filters(wave=filters.wave, countries=filters.countries)
    where, params = base.where("m")
    return _query(con, f"""
        SELECT m.country, count(*) AS respondents, p.museums, p.year AS population_year,
               100.0 * count(*) / p.museums AS coverage_pct
        FROM museum_metrics m LEFT JOIN museum_population p USING (country)
        WHERE {where} GROUP BY m.country, p.museums, p.year ORDER BY coverage_pct DESC NULLS LAST""", params)
