"""Funding need, budget and shortfall by pillar and group, EU funding, and the rows a scenario starts from."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from analysis import i18n, limits, schema
from analysis.figures.overview import latest_wave
from analysis.figures.population import population_frame
from analysis.figures.sql import GROUPS, answer_shares, check, query, stat, suppress
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from analysis.lazy import pandas as pd

# Per-museum shortfall ratio (shortfall / need) in bands: (code, label, SQL condition, tested in this order).
SHORTFALL_RATIO_BANDS = (
    ("none", N_("0 % (fully funded)"), "shortfall_ratio <= 0"),
    ("to_25", "0–25 %", "shortfall_ratio <= 0.25"),
    ("to_50", "25–50 %", "shortfall_ratio <= 0.5"),
    ("to_75", "50–75 %", "shortfall_ratio <= 0.75"),
    ("below_100", "75–<100 %", "shortfall_ratio < 1"),
    ("all", N_("100 % (no budget)"), "TRUE"),
)
EU_SOURCES = tuple(code for code in schema.FIELDS_BY_NAME["funding_sources"].codes if code.startswith("eu_"))


def pillar_funding(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per investment pillar: total need (museums that answered that need, n_need) and the shortfall shared
    out to it (museums with need and budget, n_shortfall), added up from fact_cells. Each figure suppressed when its
    n < 5."""
    where, params = filters.where()
    select = ", ".join(f"{stat('sum', col)}, {stat('n', col)}, {stat('sum', f'shortfall_{p}_eur')}"
                       for p, col in schema.NEED_FIELDS.items())
    with con.cursor() as cur:
        row = cur.execute(f"SELECT {select}, {stat('n', 'funding_shortfall_eur')} FROM fact_cells WHERE {where}",
                          params).fetchone()
    n_shortfall = int(row[-1])
    frame = pd.DataFrame({"pillar": list(schema.PILLARS),
                          "label": [i18n.survey_label(label) for label in schema.PILLARS.values()],
                          "need_eur": [float(v) if v is not None else None for v in row[0:-1:3]],
                          "n_need": [int(v) for v in row[1:-1:3]],
                          "shortfall_eur": [float(v) if v is not None else None for v in row[2:-1:3]],
                          "n_shortfall": n_shortfall})
    small = limits.SUPPRESS_BELOW_N
    frame.loc[frame["n_need"] < small, "need_eur"] = None
    frame.loc[frame["n_shortfall"] < small, "shortfall_eur"] = None
    frame["suppressed"] = (frame["n_need"] < small) | (frame["n_shortfall"] < small)
    return frame


def shortfall_by(con: duckdb.DuckDBPyConnection, filters: Filters, by: str) -> pd.DataFrame:
    """Per group, over the museums that gave both needs and budget (n): their total need, budget over the
    horizon, total shortfall, shortfall per museum, how many have a gap, and the mean shortfall ratio (%).
    Groups with n < 5 are suppressed; largest total shortfall first."""
    by = check(by, GROUPS)
    where, params = filters.where()
    frame = query(con, f"""
        SELECT {by} AS "group", count(*) AS n, sum(funding_need_eur) AS need_eur,
               sum(funding_available_horizon_eur) AS available_eur, sum(funding_shortfall_eur) AS shortfall_eur,
               sum(funding_shortfall_eur) / count(*) AS shortfall_per_museum_eur,
               count(*) FILTER (WHERE funding_shortfall_eur > 0) AS museums_with_gap,
               100 * avg(shortfall_ratio) AS mean_shortfall_ratio_pct
        FROM museum_metrics WHERE {where} AND {by} IS NOT NULL AND funding_shortfall_eur IS NOT NULL
        GROUP BY 1 ORDER BY shortfall_eur DESC, 1""", params)
    frame = suppress(frame, ["need_eur", "available_eur", "shortfall_eur", "shortfall_per_museum_eur",
                              "museums_with_gap", "mean_shortfall_ratio_pct"])
    frame["museums_with_gap"] = frame["museums_with_gap"].astype("Int64")
    return frame.sort_values(["suppressed", "shortfall_eur"], ascending=[True, False]).reset_index(drop=True)


def shortfall_ratio_bands(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """How many museums are short of 0 %, up to 25 %, … 100 % of their need (shortfall_ratio in bands),
    as a share of the n museums with a ratio. Suppressed when n < 5."""
    where, params = filters.where()
    cases = " ".join(f"WHEN {condition} THEN '{code}'" for code, _label, condition in SHORTFALL_RATIO_BANDS)
    with con.cursor() as cur:
        counts = dict(cur.execute(f"""SELECT CASE {cases} END AS band, count(*) FROM museum_metrics
                                      WHERE {where} AND shortfall_ratio IS NOT NULL GROUP BY 1""", params).fetchall())
    return answer_shares(counts, {band: _(label) for band, label, _sql in SHORTFALL_RATIO_BANDS}, "band")


def eu_funding(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """EU-programme uptake, one row: of the n museums that answered eu_funding_received_eur, how many received
    any (> 0), their share and the total received (last 3 years); of the n_sources museums that listed funding
    sources, how many named an EU programme. Each figure suppressed when its n < 5."""
    where, params = filters.where()
    frame = query(con, f"""
        SELECT count(eu_funding_received_eur) AS n,
               count(*) FILTER (WHERE eu_funding_received_eur > 0) AS museums_with_eu_funding,
               100.0 * count(*) FILTER (WHERE eu_funding_received_eur > 0)
                 / NULLIF(count(eu_funding_received_eur), 0) AS share_with_eu_funding_pct,
               sum(eu_funding_received_eur) AS total_eu_funding_eur,
               count(funding_sources) AS n_sources,
               count(*) FILTER (WHERE list_has_any(string_split(funding_sources, ';'), ?::VARCHAR[]))
                 AS museums_naming_eu_source,
               100.0 * count(*) FILTER (WHERE list_has_any(string_split(funding_sources, ';'), ?::VARCHAR[]))
                 / NULLIF(count(funding_sources), 0) AS share_naming_eu_source_pct
        FROM museum_metrics WHERE {where}""", [list(EU_SOURCES), list(EU_SOURCES), *params])
    small = limits.SUPPRESS_BELOW_N
    if frame.loc[0, "n"] < small:
        frame[["museums_with_eu_funding", "share_with_eu_funding_pct", "total_eu_funding_eur"]] = None
    if frame.loc[0, "n_sources"] < small:
        frame[["museums_naming_eu_source", "share_naming_eu_source_pct"]] = None
    frame["suppressed"] = frame["n"] < small
    return frame


def funding_totals(s: dict) -> dict:
    """Need, budget over the horizon and shortfall with their n, from `summary`, as the funding charts take them."""
    n = s["n"]
    return {"need": s["total_funding_need_eur"], "n_need": n["funding_need"],
            "available": s["total_funding_available_eur"], "n_available": n["funding_available"],
            "shortfall": s["total_funding_shortfall_eur"], "n_shortfall": n["funding_shortfall"]}


# --- Scenarios page (the allocation and the cost model are in analysis.figures.scenarios and analysis.figures.unit_costs) -------
SCENARIO_COLUMNS = ("response_id", "museum_id", "museum_name", "country", "museum_type", "size_band", "ownership",
                    "survey_wave", "reference_year", "funding_shortfall_eur",
                    *(f"shortfall_{p}_eur" for p in schema.PILLARS), *schema.NEED_FIELDS.values(),
                    "collection_objects", "objects_to_digitise", "pct_digitised", "pct_no_need_digitise",
                    "pct_digitised_3d", "target_pct_digitised")


def scenario_inputs(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """What a scenario is computed from, for one wave (the latest when none is chosen): `museums`, one row per museum
    in view with SCENARIO_COLUMNS, its yearly progress since an earlier answer (`progress_pp_a_year`, as the
    on-pace status defines it) and its size band in the population frame (`frame_size_band`, the register's where
    it is in one, as `frame_cells`); the `population` frame; the `unit_costs` in force. Museums come in the order
    their answers were committed (upload, then row of the file): what breaks ties between equal shortfalls, fixed
    for a given store, and sorted on two integers rather than on text."""
    from analysis.figures import unit_costs

    filters = replace(filters, wave=filters.wave or latest_wave(con))
    outer, params = filters.where("m")
    columns = ", ".join(f"m.{c}" for c in SCENARIO_COLUMNS)
    with con.cursor() as cur:       # through Arrow: half the time of .df() for half a million rows of text
        museums = cur.sql(f"""
            SELECT {columns},
                   CASE WHEN m.required_annual_rate_pp IS NOT NULL THEN m.progress_pp_a_year END AS progress_pp_a_year,
                   m.frame_size_band
            FROM museum_facts m WHERE {outer} ORDER BY m.upload_id, m.source_row""", params=params
                          ).to_arrow_table().to_pandas()
    return {"museums": museums, "population": population_frame(con), "unit_costs": unit_costs.load(con)}
