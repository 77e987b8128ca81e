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
# What the allocation reads per museum: its groups, and its shortfall and their split over the pillars. Each row
# also has `row`, the order its answer was committed in (museum_facts.commit_order: upload, then row of the file),
# what breaks ties between equal shortfalls: fixed for a given store, and an integer rather than text.
SCENARIO_GROUPS = ("country", "museum_type", "size_band", "ownership", "frame_size_band")
SCENARIO_AMOUNTS = ("funding_shortfall_eur", *(f"shortfall_{p}_eur" for p in schema.PILLARS))


def _scenario_filters(con: duckdb.DuckDBPyConnection, filters: Filters) -> Filters:
    """A scenario is computed for one wave: the one chosen, else the latest."""
    return replace(filters, wave=filters.wave or latest_wave(con))


def _arrow_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    with con.cursor() as cur:       # through Arrow: half the time of .df() for half a million rows
        return cur.sql(sql, params=params).to_arrow_table().to_pandas()


def _per_museum(con: duckdb.DuckDBPyConnection, filters: Filters, groups: tuple[str, ...], columns: tuple[str, ...],
                condition: str) -> tuple[pd.DataFrame, int]:
    """One row per museum in view matching `condition`, with `row`, its `groups` (as pandas categories) and
    `columns`; and the number of museums in view. The groups are read as the museum's cell and spelt out from the
    few thousand rows of fact_cells: the text of five columns for half a million museums took as long to fetch as
    all the rest."""
    outer, params = filters.where("m")
    museums = _arrow_frame(con, f"""
        SELECT m.commit_order AS row, m.cell, {", ".join(f"m.{c}" for c in columns)}
        FROM museum_facts m WHERE {outer} AND ({condition})""", params)
    where, cell_params = filters.where()
    cells = query(con, f"SELECT cell, {', '.join(groups)}, respondents FROM fact_cells WHERE {where}", cell_params)
    at = pd.Index(cells["cell"]).get_indexer(museums.pop("cell"))
    if (at < 0).any():
        raise RuntimeError("museum_facts and fact_cells disagree: rebuild the store's derived tables")
    for group in groups:
        codes, names = pd.factorize(cells[group], sort=True)
        museums[group] = pd.Categorical.from_codes(codes.astype("int16")[at], dtype=pd.CategoricalDtype(names),
                                                   validate=False)      # codes from factorize: nothing to check
    return museums, int(cells["respondents"].sum())


def scenario_inputs(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """What a scenario is shared among: `museums`, one row per museum in view with a known shortfall, with
    SCENARIO_GROUPS, SCENARIO_AMOUNTS and `row` (in no particular order, and without names: `museum_names` gives
    them for the rows that need them); `respondents`, the museums in view with or without a known shortfall."""
    museums, respondents = _per_museum(con, _scenario_filters(con, filters), SCENARIO_GROUPS, SCENARIO_AMOUNTS,
                                       "m.funding_shortfall_eur IS NOT NULL")
    return {"museums": museums, "respondents": respondents}


def scenario_context(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """What a scenario reads that no filter changes (taken like every aggregate, so that pages cache it): the
    `population` frame and the `unit_costs` in force."""
    from analysis.figures import unit_costs

    return {"population": population_frame(con), "unit_costs": unit_costs.load(con)}


def digitisation_inputs(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """What the digitisation outlook and the cost model read per museum, for the wave of the scenario: one row per
    museum in view that gave the objects it still has to digitise, or its collection size and share digitised,
    with `row`, `country`, `collection_objects` and what the cost model reads (unit_costs.INPUTS)."""
    from analysis.figures import unit_costs

    groups = ("country", "museum_type")
    return _per_museum(con, _scenario_filters(con, filters), groups,
                       ("collection_objects", *(c for c in unit_costs.INPUTS if c not in groups)),
                       "m.objects_to_digitise IS NOT NULL OR m.collection_objects > 0 AND m.pct_digitised IS NOT NULL"
                       )[0]


def outlook_base(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """For the digitisation outlook of the wave of the scenario, per country and for all (country 'ALL'), over the
    museums that gave their collection size and share digitised: n, objects, the sums of share x objects digitised
    (`digitised`), needing no digitisation (`no_need`) and targeted (`target`, over `targeted_objects`), the museums
    with a yearly progress since an earlier answer (`n_pace`) and the sum of that progress x objects (`pace`, over
    `paced_objects`), and the reference year most museums gave (the earliest of equals)."""
    outer, params = _scenario_filters(con, filters).where("m")
    paced = "required_annual_rate_pp IS NOT NULL AND progress_pp_a_year IS NOT NULL"   # as the on-pace status
    every = "CASE WHEN grouping(country) = 1 THEN 'ALL' ELSE country END AS country"
    return query(con, f"""
        WITH base AS (SELECT * FROM museum_facts m WHERE {outer} AND m.collection_objects > 0
                                                      AND m.pct_digitised IS NOT NULL),
        sums AS (
            SELECT {every}, count(*)::BIGINT AS n,
                   sum(collection_objects)::DOUBLE AS objects,
                   sum(pct_digitised * collection_objects)::DOUBLE AS digitised,
                   sum(COALESCE(pct_no_need_digitise, 0) * collection_objects)::DOUBLE AS no_need,
                   count(*) FILTER (WHERE {paced})::BIGINT AS n_pace,
                   COALESCE(sum(collection_objects) FILTER (WHERE {paced}), 0)::DOUBLE
                       AS paced_objects,
                   COALESCE(sum(progress_pp_a_year * collection_objects)
                            FILTER (WHERE {paced}), 0)::DOUBLE AS pace,
                   COALESCE(sum(collection_objects) FILTER (WHERE target_pct_digitised IS NOT NULL), 0)::DOUBLE
                       AS targeted_objects,
                   COALESCE(sum(target_pct_digitised * collection_objects), 0)::DOUBLE AS target
            FROM base GROUP BY GROUPING SETS ((country), ())),
        years AS (
            SELECT {every}, reference_year, count(*) AS answers
            FROM base WHERE reference_year IS NOT NULL GROUP BY GROUPING SETS ((country, reference_year),
                                                                                (reference_year)))
        SELECT sums.*, (SELECT first(y.reference_year ORDER BY y.answers DESC, y.reference_year) FROM years y
                        WHERE y.country = sums.country) AS reference_year
        FROM sums ORDER BY sums.country = 'ALL', sums.country""", params)


def museum_names(con: duckdb.DuckDBPyConnection, filters: Filters, rows: tuple[int, ...]) -> pd.DataFrame:
    """The ID and name of the museums whose answers are `rows` (the `row` of scenario_inputs), in that order."""
    outer, params = _scenario_filters(con, filters).where("m")
    with con.cursor() as cur:
        cur.register("wanted", pd.DataFrame({"row": pd.array(rows, dtype="int64")}))
        names = cur.execute(f"""
            SELECT w.row, m.museum_id, m.museum_name FROM wanted w JOIN museum_facts m ON m.commit_order = w.row
            WHERE {outer}""", params).df()
    return names.set_index("row").reindex(list(rows)).reset_index()
