"""Aggregates over the museum_metrics view: the numbers every page, export and the CLI report.

Metrics are defined once in SQL (analysis.store); this module only filters and aggregates them, always
with the n behind each figure.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis import limits, schema


def latest_wave(con: duckdb.DuckDBPyConnection) -> str | None:
    with con.cursor() as cur:
        return cur.execute("SELECT max(survey_wave) FROM current_responses").fetchall()[0][0]


def _where(wave: str | None, countries: list[str] | None) -> tuple[str, list]:
    clauses, params = ["survey_wave = ?"], [wave]
    if countries:
        clauses.append(f"country IN ({', '.join('?' for _ in countries)})")
        params += [c.upper() for c in countries]
    return " AND ".join(clauses), params


def summary(con: duckdb.DuckDBPyConnection, wave: str | None = None, countries: list[str] | None = None) -> dict:
    """Headline figures for one wave (the latest when none is given): the CLI's `summary --json` shape."""
    wave = wave or latest_wave(con)
    where, params = _where(wave, countries)
    pillar_sums = ", ".join(f"sum(shortfall_{p}_eur) AS {p}" for p in schema.PILLARS)
    with con.cursor() as cur:
        row = cur.execute(f"""
        SELECT count(*) AS respondents,
               count(DISTINCT country) AS countries,
               avg(pct_digitised) AS mean_pct_digitised,
               count(pct_digitised) AS n_pct_digitised,
               sum(pct_digitised * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE pct_digitised IS NOT NULL AND collection_objects > 0), 0)
                 AS weighted_pct_digitised,
               count(*) FILTER (WHERE pct_digitised IS NOT NULL AND collection_objects > 0) AS n_weighted,
               sum(funding_need_eur) AS total_funding_need_eur,
               count(funding_need_eur) AS n_need,
               sum(funding_available_horizon_eur) AS total_funding_available_eur,
               count(funding_available_horizon_eur) AS n_available,
               sum(funding_shortfall_eur) AS total_funding_shortfall_eur,
               count(funding_shortfall_eur) AS n_shortfall,
               {pillar_sums}
        FROM museum_metrics WHERE {where}""", params).df().iloc[0]
    value = lambda k: None if row[k] != row[k] or row[k] is None else float(row[k])  # NaN -> None
    return {
        "survey_wave": wave,
        "respondents": int(row["respondents"]),
        "countries": int(row["countries"]),
        "mean_pct_digitised": value("mean_pct_digitised"),
        "weighted_pct_digitised": value("weighted_pct_digitised"),
        "total_funding_need_eur": value("total_funding_need_eur"),
        "total_funding_available_eur": value("total_funding_available_eur"),
        "total_funding_shortfall_eur": value("total_funding_shortfall_eur"),
        "shortfall_by_pillar": {p: value(p) for p in schema.PILLARS},
        "n": {"pct_digitised": int(row["n_pct_digitised"]), "weighted_pct_digitised": int(row["n_weighted"]),
              "funding_need": int(row["n_need"]), "funding_available": int(row["n_available"]),
              "funding_shortfall": int(row["n_shortfall"])},
        "notes": {"mean_pct_digitised": "unweighted mean over museums that answered",
                  "weighted_pct_digitised": "collection-weighted: sum(pct x objects) / sum(objects)",
                  "funding": "need and available summed over museums that answered them; shortfall over "
                             "museums that answered both (max(0, need - budget x horizon))"},
    }


def waves(con: duckdb.DuckDBPyConnection) -> list[str]:
    with con.cursor() as cur:
        return [w for (w,) in cur.execute(
            "SELECT DISTINCT survey_wave FROM current_responses ORDER BY survey_wave DESC").fetchall()]


def digitisation_by_country(con: duckdb.DuckDBPyConnection, wave: str) -> pd.DataFrame:
    """Per country: n, unweighted and collection-weighted mean % digitised; groups with n < 5 suppressed."""
    with con.cursor() as cur:
        frame = cur.execute("""
        SELECT country, count(pct_digitised) AS n,
               avg(pct_digitised) AS mean_pct_digitised,
               sum(pct_digitised * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE pct_digitised IS NOT NULL
                                                         AND collection_objects > 0), 0) AS weighted_pct_digitised
        FROM museum_metrics WHERE survey_wave = ? GROUP BY country ORDER BY mean_pct_digitised DESC""",
        [wave]).df()
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    frame.loc[frame["suppressed"], ["mean_pct_digitised", "weighted_pct_digitised"]] = None
    return frame
