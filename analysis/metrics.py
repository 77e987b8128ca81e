"""Aggregates over the museum_metrics view: the numbers every page, export and the CLI report.

Metrics are defined once in SQL (analysis.store); this module only filters and aggregates them, always
with the n behind each figure, and suppresses groups with fewer than SUPPRESS_BELOW_N respondents.
Column names reach SQL only after a check against the whitelists below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import duckdb

from analysis import limits, schema, store
from analysis.filters import Filters
from analysis.lazy import pandas as pd

# Groupings offered in breakdowns, with their labels.
GROUPS = {"country": "Country", "museum_type": "Museum type", "size_band": "Size", "ownership": "Ownership",
          "egmus_type_group": "EGMUS type group", "survey_wave": "Survey wave", "accredited": "Accredited"}

# Per-museum numeric metrics of museum_metrics that may be averaged or summed (each has its sufficient
# statistics in fact_cells, analysis.store).
DERIVED, NUMERIC = store.DERIVED_NUMERIC, store.NUMERIC_COLUMNS
CATEGORICAL = tuple(f.name for f in schema.FIELDS if f.kind in (schema.ENUM, schema.BOOL)) + (
    "size_band", "egmus_type_group")
MULTI = tuple(f.name for f in schema.FIELDS if f.kind == schema.MULTI)


def _check(name: str, allowed: tuple[str, ...] | dict) -> str:
    if name not in allowed:
        raise ValueError(f"unknown column {name!r}")
    return name


# The same statistics of a column {c}, two ways: added up from the sufficient statistics in fact_cells (analysis.store),
# a few thousand rows, for the columns it holds; or computed from the answers in museum_facts for any other.
_CELL_VAR = "greatest(0, (sum(q__{c}) - pow(sum(s__{c}), 2) / NULLIF(sum(n__{c}), 0)) / NULLIF(sum(n__{c}) - 1, 0))"
FROM_CELLS = {
    "n": "COALESCE(sum(n__{c}), 0)::BIGINT",
    "mean": "sum(s__{c}) / NULLIF(sum(n__{c}), 0)",
    "var": _CELL_VAR, "sd": f"sqrt({_CELL_VAR})",                    # as var_samp, stddev_samp: None below n = 2
    "n_weighted": "COALESCE(sum(wn__{c}), 0)::BIGINT",
    "weighted_mean": "sum(ws__{c}) / NULLIF(sum(wo__{c}), 0)"}      # sum(value x objects) / sum(objects)
FROM_ANSWERS = {
    "n": "count({c})", "mean": "avg({c})", "var": "var_samp({c})", "sd": "stddev_samp({c})",
    "n_weighted": "count({c}) FILTER (collection_objects > 0)",
    "weighted_mean": "sum({c} * collection_objects) FILTER (collection_objects > 0) / NULLIF(sum(collection_objects) "
                     "FILTER ({c} IS NOT NULL AND collection_objects > 0), 0)"}
MEDIAN = "median({c})"                                                # not additive: always read from the answers


def _source(columns, weighted: bool = False) -> tuple[str, dict[str, str]]:
    """fact_cells and its formulas when it holds the statistics of every column, else museum_facts."""
    kept = set(store.CELL_WEIGHTED if weighted else store.CELL_COLUMNS)
    return ("fact_cells", FROM_CELLS) if set(columns) <= kept else ("museum_facts", FROM_ANSWERS)


def _stat(kind: str, column: str, formulas: dict[str, str] = FROM_CELLS) -> str:
    return formulas[kind].format(c=column)


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    with con.cursor() as cur:
        return cur.execute(sql, params).df()


def _suppress(frame: pd.DataFrame, value_columns: list[str]) -> pd.DataFrame:
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    frame.loc[frame["suppressed"], value_columns] = None
    return frame


def _answer_shares(counts: dict, labels: dict, key: str) -> pd.DataFrame:
    """One row per possible answer, in `labels` order: museums giving it, n (museums that answered) and the
    share of n; suppressed when n < SUPPRESS_BELOW_N."""
    n = sum(counts.values())
    frame = pd.DataFrame({key: list(labels), "label": list(labels.values()),
                          "museums": [counts.get(k, 0) for k in labels], "n": n})
    frame["share"] = 100.0 * frame["museums"] / n if n else None
    frame = _suppress(frame, ["museums", "share"])
    frame["museums"] = frame["museums"].astype("Int64")
    return frame


def latest_wave(con: duckdb.DuckDBPyConnection) -> str | None:
    with con.cursor() as cur:
        return cur.execute("SELECT max(survey_wave) FROM fact_cells").fetchall()[0][0]


def waves(con: duckdb.DuckDBPyConnection) -> list[str]:
    with con.cursor() as cur:
        return [w for (w,) in cur.execute(
            "SELECT DISTINCT survey_wave FROM fact_cells ORDER BY survey_wave DESC").fetchall()]


def options(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Values present in the store, for the filter widgets (from the small fact_cells table)."""
    columns = ("country", "museum_type", "size_band", "ownership")
    with con.cursor() as cur:
        row = cur.execute("SELECT " + ", ".join(f"list(DISTINCT {c} ORDER BY {c}) FILTER (WHERE {c} IS NOT NULL)"
                                                for c in columns) + " FROM fact_cells").fetchone()
    return {column: list(values or []) for column, values in zip(columns, row)}


def summary(con: duckdb.DuckDBPyConnection, wave: str | None = None, countries: list[str] | None = None,
            filters: Filters | None = None) -> dict:
    """Headline figures for one view (default: the latest wave): the CLI's `summary --json` shape plus n's."""
    if filters is None:
        filters = Filters(wave=wave or latest_wave(con), countries=tuple(c.upper() for c in countries or ()))
    where, params = filters.where()
    pillar_sums = ", ".join(f"sum(s__shortfall_{p}_eur) AS {p}" for p in schema.PILLARS)
    with con.cursor() as cur:                   # no pandas: the command line answers in a fraction of a second
        cur.execute(f"""
        SELECT COALESCE(sum(respondents), 0)::BIGINT AS respondents,
               count(DISTINCT country) AS countries,
               {_stat("mean", "pct_digitised")} AS mean_pct_digitised,
               {_stat("n", "pct_digitised")} AS n_pct_digitised,
               {_stat("weighted_mean", "pct_digitised")} AS weighted_pct_digitised,
               {_stat("n_weighted", "pct_digitised")} AS n_weighted,
               sum(s__objects_to_digitise) AS objects_to_digitise,
               {_stat("n", "objects_to_digitise")} AS n_objects_to_digitise,
               sum(s__funding_need_eur) AS total_funding_need_eur,
               {_stat("n", "funding_need_eur")} AS n_need,
               sum(s__funding_available_horizon_eur) AS total_funding_available_eur,
               {_stat("n", "funding_available_horizon_eur")} AS n_available,
               sum(s__funding_shortfall_eur) AS total_funding_shortfall_eur,
               {_stat("n", "funding_shortfall_eur")} AS n_shortfall,
               {pillar_sums}
        FROM fact_cells WHERE {where}""", params)
        row = dict(zip((d[0] for d in cur.description), cur.fetchone()))
    value = lambda k: None if row[k] is None or row[k] != row[k] else float(row[k])  # noqa: E731  (NaN -> None)
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
    table, formulas = _source([metric], weighted=True)
    stat = lambda kind: _stat(kind, metric, formulas)  # noqa: E731
    frame = _query(con, f"""
        WITH stats AS (SELECT {by} AS "group", {stat("n")} AS n, {stat("mean")} AS mean, {stat("sd")} AS sd,
                              {stat("weighted_mean")} AS weighted_mean
                       FROM {table} WHERE {where} AND {by} IS NOT NULL GROUP BY 1),
        spread AS (SELECT {by} AS "group", quantile_cont({metric}, [0.25, 0.5, 0.75]) AS quartiles,
                          min({metric}) AS min, max({metric}) AS max
                   FROM museum_facts WHERE {where} AND {by} IS NOT NULL GROUP BY 1)
        SELECT "group", n, mean, sd, weighted_mean, quartiles[1] AS q1, quartiles[2] AS median,
               quartiles[3] AS q3, min, max
        FROM stats JOIN spread USING ("group") ORDER BY mean DESC NULLS LAST, 1""", params + params)
    return _suppress(frame, ["mean", "sd", "weighted_mean", "q1", "median", "q3", "min", "max"])


def totals(con: duckdb.DuckDBPyConnection, filters: Filters, columns: list[str], by: str) -> pd.DataFrame:
    """Per group: the sum of each column over the museums that answered it, and n for each."""
    by = _check(by, GROUPS)
    where, params = filters.where()
    sums = ", ".join(f"sum({_check(c, NUMERIC)}) AS {c}, count({c}) AS n_{c}" for c in columns)
    frame = _query(con, f"""SELECT {by} AS "group", count(*) AS n, {sums} FROM museum_metrics
                            WHERE {where} AND {by} IS NOT NULL GROUP BY 1 ORDER BY 1""", params)
    return _suppress(frame, list(columns))


def choice_counts(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """For a several-answers question: how many museums chose each option, as a share of those who answered."""
    field = _check(field, MULTI)
    codes = store.CHOICE_CODES[field]
    where, params = filters.where()
    with con.cursor() as cur:       # one bit per option of each answer, kept in museum_facts by the write path
        n, *chosen = cur.execute(f"""
            SELECT count(*), {', '.join(f'count(*) FILTER (choices_{field} & {1 << i} <> 0)'
                                        for i in range(len(codes)))}
            FROM museum_facts WHERE {where} AND choices_{field} IS NOT NULL""", params).fetchone()
    frame = pd.DataFrame({"answer": codes, "museums": chosen, "n": n})
    frame = frame[frame["museums"] > 0].sort_values(["museums", "answer"], ascending=[False, True])
    frame["share"] = 100.0 * frame["museums"] / n if n else float("nan")
    frame = frame.reset_index(drop=True)
    labels = dict(schema.FIELDS_BY_NAME[field].choices)
    frame["label"] = [labels.get(code, code.replace("_", " ").capitalize()) for code in frame["answer"]]
    return _suppress(frame, ["share", "museums"])


def digitisation_by_country(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per country: n, unweighted and collection-weighted mean % digitised (the Overview's chart)."""
    frame = distribution(con, filters, "pct_digitised", "country")
    return frame.rename(columns={"group": "country", "mean": "mean_pct_digitised",
                                 "weighted_mean": "weighted_pct_digitised"})


def coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents against the museums of the population frame per country: the national register in force,
    else the bundled count (data/museum_frame.csv), with its year and what it counts.

    Coverage only means something for all museums of a country, so it is computed on the wave and country
    filters alone; countries without a population figure have museums and coverage None.
    """
    from analysis import store
    base = Filters(wave=filters.wave, countries=filters.countries)
    where, params = base.where("m")
    return _query(con, f"""
        WITH registered AS (SELECT country, count(*) AS museums, year(any_value(loaded_at)) AS year
                            FROM ({store.CURRENT_REGISTER_MUSEUMS}) GROUP BY country)
        SELECT m.country, count(*) AS respondents, COALESCE(r.museums, p.museums) AS museums,
               COALESCE(r.year, p.year) AS population_year,
               CASE WHEN r.museums IS NOT NULL THEN 'museums in the national register' ELSE p.counts END AS counts,
               100.0 * count(*) / COALESCE(r.museums, p.museums) AS coverage_pct
        FROM museum_metrics m LEFT JOIN museum_population p USING (country) LEFT JOIN registered r USING (country)
        WHERE {where} GROUP BY m.country, r.museums, p.museums, r.year, p.year, p.counts
        ORDER BY coverage_pct DESC NULLS LAST, m.country""", params)


# --- Digitisation page ---------------------------------------------------------------------------------
# The levels the Digitisation page compares (column of museum_metrics -> label).
LEVELS = {"pct_catalogued_db": "Catalogued in a database", "pct_digitised": "Digitised (2D or 3D)",
          "pct_digitised_3d": "Digitised in 3D", "pct_online": "Online", "pct_in_europeana_dataspace": "In Europeana"}
RIGHTS = {"pct_online_open": "Open licence", "pct_online_restricted": "Restricted licence",
          "pct_online_rights_unknown": "Rights unknown"}
ON_TRACK_LABELS = {"reached": "Target already reached", "on_track": "On track", "behind": "Behind pace",
                   "no_earlier_answer": "No earlier answer to compare"}
ON_TRACK_DEFINITION = (
    f"A museum is **on track** for {schema.HORIZON_YEAR} when the share of its collection it digitised each year "
    "since its previous answer (same museum ID, earlier wave and year) is at least the yearly pace it still needs: "
    f"its gap to the target divided by the years left to {schema.HORIZON_YEAR}. Museums at or above the target count "
    "as reached; museums answering for the first time cannot be judged yet.")


def level_summary(con: duckdb.DuckDBPyConnection, filters: Filters,
                  columns: tuple[str, ...] = tuple(LEVELS)) -> pd.DataFrame:
    """Per metric: n and unweighted mean and median; n and collection-weighted mean (share of objects).
    Each figure is suppressed when fewer than SUPPRESS_BELOW_N museums are behind it."""
    return _levels(con, filters, columns, {"median": MEDIAN})


def level_means(con: duckdb.DuckDBPyConnection, filters: Filters, columns: tuple[str, ...]) -> pd.DataFrame:
    """level_summary without the median, which is the only part that reads every answer: for views that show
    means alone (the Digitisation page's backlog tiles)."""
    return _levels(con, filters, columns, {})


def _levels(con: duckdb.DuckDBPyConnection, filters: Filters, columns: tuple[str, ...], median: dict) -> pd.DataFrame:
    cols = [_check(c, NUMERIC) for c in columns]
    where, params = filters.where()
    table, f = _source(cols, weighted=True)
    frame = _per_column(con, table, where, params, cols, {
        "n": f["n"], "mean": f["mean"], **median, "n_weighted": f["n_weighted"], "weighted_mean": f["weighted_mean"]},
                        "metric")
    frame["label"] = [LEVELS.get(m, m) for m in frame["metric"]]
    frame = _suppress(frame, ["mean", *median])
    frame.loc[frame["n_weighted"] < limits.SUPPRESS_BELOW_N, "weighted_mean"] = None
    return frame[["metric", "label", "n", "mean", *median, "n_weighted", "weighted_mean", "suppressed"]]


def _per_column(con: duckdb.DuckDBPyConnection, table: str, where: str, params: list, columns: list[str],
                aggregates: dict[str, str], key: str) -> pd.DataFrame:
    """One row per column of `columns` with each of `aggregates` ({name: SQL with {c} for the column}), read
    from `table` in one query, medians from one scan of museum_facts, and turned into rows here (neither a
    UNION ALL of one scan per column nor an UNPIVOT, which copies every row once per column)."""
    cells = [sql.format(c=c) for c in columns for sql in aggregates.values()]
    scanned = [sql for sql in cells if sql.startswith("median(")]
    counted = [c for c in columns if c in FEW_VALUES and MEDIAN.format(c=c) in scanned]
    rest = [sql for sql in scanned if sql not in {MEDIAN.format(c=c) for c in counted}]
    with con.cursor() as cur:
        medians = dict(zip(rest, cur.execute(f"SELECT {', '.join(rest)} FROM museum_facts WHERE {where}",
                                             params).fetchone() if rest else ()))
        medians |= _counted_medians(cur, where, params, counted)
        added = iter(cur.execute(f"SELECT {', '.join(sql for sql in cells if sql not in scanned)} FROM {table} "
                                 f"WHERE {where}", params).fetchone())
    row = [medians[sql] if sql in scanned else next(added) for sql in cells]
    width = len(aggregates)
    frame = pd.DataFrame([row[i * width:(i + 1) * width] for i in range(len(columns))], columns=list(aggregates))
    frame.insert(0, key, columns)
    return frame.astype({name: "int64" if name.startswith("n") else "float64" for name in aggregates})


def _counted_medians(cur, where: str, params: list, columns: list[str]) -> dict[str, float | None]:
    """Exact medians of columns with few distinct answers (FEW_VALUES) from their counts per value, in one scan,
    rather than by sorting every answer: halfway between the two middle answers (one answer when n is odd), as
    median() has it."""
    if not columns:
        return {}
    rows = cur.execute(f"""SELECT {', '.join(f'{c}, grouping({c})' for c in columns)}, count(*) FROM museum_facts
                           WHERE {where} GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in columns)})""",
                       params).fetchall()
    out = {}
    for i, c in enumerate(columns):
        counts = sorted((row[2 * i], row[-1]) for row in rows if row[2 * i + 1] == 0 and row[2 * i] is not None)
        n = sum(count for _, count in counts)
        found, seen = [], 0
        for level, count in counts:
            found += [level for rank in ((n - 1) // 2, n // 2)[len(found):] if rank < seen + count]
            seen += count
        out[MEDIAN.format(c=c)] = (found[0] + found[1]) / 2 if n else None
    return out


def rights_shares(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Mean share of online material that is openly licensed / restricted / of unknown rights, over the
    museums that answered all three (so the means add up to about 100)."""
    where, params = filters.where()
    answered = " AND ".join(f"{c} IS NOT NULL" for c in RIGHTS)
    means = ", ".join(f"avg({c}) AS {c}" for c in RIGHTS)
    row = _query(con, f"SELECT count(*) AS n, {means} FROM museum_metrics WHERE {where} AND {answered}",
                 params).iloc[0]
    frame = pd.DataFrame({"rights": list(RIGHTS), "label": list(RIGHTS.values()),
                          "n": int(row["n"]), "mean_share": [row[c] for c in RIGHTS]})
    return _suppress(frame, ["mean_share"])


def targets_in_force(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The targets that apply to the filtered museums: one row per metric, target year, value and
    placeholder flag, with how many museums it applies to (most museums first). Museums are counted per
    (country, type, wave) in the small fact_cells table, then matched to the target in force for that cell
    (the cell_target_choices view of analysis.store, where the precedence is defined)."""
    where, params = filters.where()
    return _query(con, f"""
        WITH scope AS (SELECT country, museum_type, survey_wave, sum(respondents) AS museums FROM fact_cells
                       WHERE {where} GROUP BY ALL)
        SELECT t.metric, t.target_year, t.chosen.value AS value, t.chosen.is_placeholder AS is_placeholder,
               any_value(t.chosen.source) AS source, sum(s.museums)::BIGINT AS museums
        FROM scope s JOIN cell_target_choices t
          ON s.country IS NOT DISTINCT FROM t.country AND s.museum_type IS NOT DISTINCT FROM t.museum_type
         AND s.survey_wave = t.survey_wave
        WHERE t.metric LIKE '3d_%' OR t.target_year = {schema.HORIZON_YEAR}
        GROUP BY ALL ORDER BY metric, target_year, museums DESC, value""", params)


def milestones_3d(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Recommendation 2021/1970 point 6: share of immovable assets digitised in 3D, sum of 3D counts over
    sum of counts, over the museums that manage such assets (count > 0 and 3D count answered), with the
    2025 and 2030 milestones in force (asset-weighted when targets differ between museums)."""
    where, params = filters.where()
    assets = {"at_risk": "Monuments and sites at risk", "most_visited": "Most-visited monuments and sites"}
    select = []
    for asset in assets:           # managed: count > 0 and the 3D count answered (analysis.store.CELL_SUMS)
        select += [f"COALESCE(sum(x__managed_{asset}), 0)::BIGINT", f"sum(x__assets_{asset})",
                   f"sum(x__assets_3d_{asset})",
                   f"100.0 * sum(x__assets_3d_{asset}) / NULLIF(sum(x__assets_{asset}), 0)",
                   *(f"sum(x__target_assets_{asset}_{year}) / NULLIF(sum(x__targeted_assets_{asset}_{year}), 0)"
                     for year in store.MILESTONE_YEARS)]
    with con.cursor() as cur:       # the milestones in force per museum are columns of museum_facts
        row = cur.execute(f"SELECT {', '.join(select)} FROM fact_cells WHERE {where}", params).fetchone()
    frame = pd.DataFrame([(asset, label, *row[6 * i:6 * i + 6]) for i, (asset, label) in enumerate(assets.items())],
                         columns=["asset", "label", "n", "assets", "assets_3d", "share_3d", "target_2025",
                                  "target_2030"])
    frame[["share_3d", "target_2025", "target_2030"]] = frame[["share_3d", "target_2025", "target_2030"]].astype(float)
    frame = _suppress(frame, ["assets", "assets_3d", "share_3d"])
    frame[["assets", "assets_3d"]] = frame[["assets", "assets_3d"]].astype("Int64")
    return frame


def on_track_2030(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """How many museums have reached the digitisation target, are on track or behind pace for it, or
    cannot be judged (no earlier answer); n = museums with a known gap to target."""
    where, params = filters.where()
    with con.cursor() as cur:       # each answer's status is kept in museum_facts (analysis.store.facts_select)
        counts = dict(cur.execute(f"SELECT on_track_status, count(*) FROM museum_facts WHERE {where} "
                                  "AND on_track_status IS NOT NULL GROUP BY 1", params).fetchall())
    return _answer_shares(counts, ON_TRACK_LABELS, "status")


def pace_needed(con: duckdb.DuckDBPyConnection, filters: Filters, pace_pp: float) -> dict:
    """How many museums would need to digitise more than `pace_pp` percentage points a year to reach the
    target by the horizon; the median pace needed, and the median pace observed where an earlier answer exists."""
    where, params = filters.where()
    row = _query(con, f"""
        SELECT count(*) AS n, count(*) FILTER (WHERE required_annual_rate_pp > ?) AS above,
               median(required_annual_rate_pp) AS median_required,
               count(progress_pp_a_year) AS n_observed, median(progress_pp_a_year) AS median_observed
        FROM museum_facts WHERE {where} AND required_annual_rate_pp IS NOT NULL""",
                 [float(pace_pp), *params]).iloc[0]
    n, n_observed = int(row["n"]), int(row["n_observed"])
    small = limits.SUPPRESS_BELOW_N
    return {"pace_pp": float(pace_pp), "n": n, "above": int(row["above"]) if n >= small else None,
            "share_above": 100.0 * float(row["above"]) / n if n >= small else None,
            "median_required": float(row["median_required"]) if n >= small else None,
            "n_observed": n_observed,
            "median_observed": float(row["median_observed"]) if n_observed >= small else None}


# --- Europe map ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapMetric:
    """A headline metric that can be mapped by country: what it is called, its unit, and how it aggregates.

    aggregate: "mean" (unweighted mean of museum_metrics.column), "weighted_mean" (collection-weighted),
    "sum" (total over the museums that answered) or "sum_per_museum" (that total divided by their number).
    The value shown is the aggregate times `scale` (e.g. EUR -> EUR millions, ratio -> %)."""
    label: str
    unit: str
    column: str
    aggregate: str
    scale: float = 1.0
    note: str = ""


# Metric key (the page's ?metric= URL value) -> definition. The page offers them in this order.
MAP_METRICS: dict[str, MapMetric] = {
    "mean_pct_digitised": MapMetric("Collection digitised (unweighted mean)", "%", "pct_digitised", "mean",
                                    note="every museum counts once"),
    "weighted_pct_digitised": MapMetric("Objects digitised (collection-weighted)", "%", "pct_digitised",
                                        "weighted_mean", note="share of objects: sum(% x objects) / sum(objects); "
                                        "n = museums that gave both share and collection size"),
    "pct_online": MapMetric("Collection online (unweighted mean)", "%", "pct_online", "mean"),
    "pct_to_digitise": MapMetric("Collection still to digitise (unweighted mean)", "%", "pct_to_digitise", "mean",
                                 note="100 - % digitised - % that needs no digitising"),
    "ai_literacy_gap": MapMetric("AI-literacy training gap to target (mean)", "pp", "ai_literacy_gap_pct", "mean",
                                 note="percentage points of staff still to train in AI literacy to reach the target"),
    "skills_gap_index": MapMetric("Digital skills gap index (mean)", "index", "skills_gap_index", "mean",
                                  note="0 = every skill area at target, 1 = the largest possible gap"),
    "total_shortfall": MapMetric("Funding shortfall to 2030 (total)", "EUR M", "funding_shortfall_eur", "sum",
                                 scale=1e-6, note="max(0, need - budget x horizon), summed over the museums that "
                                 "gave both needs and budget"),
    "shortfall_per_museum": MapMetric("Funding shortfall to 2030 per museum", "EUR k", "funding_shortfall_eur",
                                      "sum_per_museum", scale=1e-3,
                                      note="total shortfall divided by the museums that gave both needs and budget"),
    "shortfall_ratio": MapMetric("Share of funding need not covered (mean shortfall ratio)", "%", "shortfall_ratio",
                                 "mean", scale=100.0, note="per museum: shortfall / need; unweighted mean"),
}


def country_values(con: duckdb.DuckDBPyConnection, filters: Filters, metric: str) -> pd.DataFrame:
    """One row per country: `country`, `n` (museums behind the figure), `value` (in the metric's unit) and
    `suppressed` (n below SUPPRESS_BELOW_N: value None). Means are added up from fact_cells, sums come from
    `totals`."""
    spec = MAP_METRICS[_check(metric, MAP_METRICS)]
    if spec.aggregate in ("mean", "weighted_mean"):
        c, (where, params) = spec.column, filters.where()
        weighted = spec.aggregate == "weighted_mean"       # n = museums with both the share and a collection size
        table, f = _source([c], weighted)
        frame = _query(con, f"""
            SELECT country, {_stat("n_weighted" if weighted else "n", c, f)} AS n,
                   {_stat(spec.aggregate, c, f)} AS value, {_stat("sd", c, f)} AS sd
            FROM {table} WHERE {where} AND country IS NOT NULL GROUP BY 1""", params)
    elif spec.aggregate in ("sum", "sum_per_museum"):
        frame = totals(con, filters, [spec.column], "country").rename(columns={"group": "country"})
        frame["n"] = frame[f"n_{spec.column}"]          # museums that answered, not all respondents
        frame["value"] = frame[spec.column]
        if spec.aggregate == "sum_per_museum":
            frame["value"] = frame["value"] / frame["n"].where(frame["n"] > 0)
    else:
        raise ValueError(f"unknown aggregate {spec.aggregate!r}")
    # the spread of museums' values, for telling a real lead from noise: known for unweighted means only
    frame["sd"] = frame["sd"] if spec.aggregate == "mean" else None
    frame = frame[["country", "n", "value", "sd"]].copy()
    frame["n"] = frame["n"].astype(int)
    for column in ("value", "sd"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float) * spec.scale
    frame = _suppress(frame, ["value", "sd"])
    return frame.sort_values(["suppressed", "value", "country"], ascending=[True, False, True],
                             na_position="last").reset_index(drop=True)


# --- Skills & AI page ----------------------------------------------------------------------------------
# Reference values drawn on the Skills & AI charts (shared by charts and exports).
ENUMERATE_DIGITAL_FTE_PCT = 3.3     # ENUMERATE 2012: staff working on digital, % of paid staff
AI_TRAINED_TARGET_PCT = 100.0       # AI Act Art. 4: AI literacy for all staff (in force since 2 Feb 2025)
AI_LITERACY_LEVELS = {1: "None", 2: "Awareness", 3: "Can use safely", 4: "Can deploy & evaluate"}
INFRA_FIELDS = ("infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment")
# 1–N answer scales (Likert, DigComp level, AI literacy) whose answers can be counted level by level.
SCALES = tuple(f.name for f in schema.FIELDS if f.kind == schema.INT and f.minimum is not None
               and f.maximum is not None and f.maximum - f.minimum <= 10)
# Columns whose answers take a few hundred values at most (scales; percentages, given to a point or a decimal):
# their medians are found from counts per value (_counted_medians).
FEW_VALUES = (*SCALES, *(f.name for f in schema.FIELDS if f.kind == schema.PERCENT))
# Strategy and policy questions: answer -> tier ("yes" = in place, "partial" = on the way, "no").
READINESS = {
    "has_digital_strategy": ("Digital strategy", {"written": "yes", "unwritten": "partial", "none": "no"}),
    "ai_policy": ("AI policy", {"adopted": "yes", "in_preparation": "partial", "none": "no"}),
    "skills_assessment_done": ("Skills needs assessed", {"true": "yes", "false": "no"}),
    "training_plan": ("Training plan", {"true": "yes", "false": "no"}),
}


def _field_label(column: str) -> str:
    field = schema.FIELDS_BY_NAME.get(column)
    return field.label if field else column.replace("_", " ").capitalize()


def skill_area_label(area: str) -> str:
    """'info_data' -> 'Information and data literacy' (the DigComp 2.2 area name)."""
    return schema.FIELDS_BY_NAME[f"skill_{area}"].label.removeprefix("Skills: ").capitalize()


def column_means(con: duckdb.DuckDBPyConnection, filters: Filters, columns: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Per column: n (museums that answered), unweighted mean, its standard deviation and the median;
    suppressed when n < 5."""
    return _columns(con, filters, columns, {"median": MEDIAN})


def averages(con: duckdb.DuckDBPyConnection, filters: Filters, columns: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """column_means without the median, which is the only part that reads every answer: for views that show
    means alone (the Skills page's headline, the AI-training chart's overall figure)."""
    return _columns(con, filters, columns, {})


def _columns(con: duckdb.DuckDBPyConnection, filters: Filters, columns, median: dict) -> pd.DataFrame:
    cols = [_check(c, NUMERIC) for c in columns]
    where, params = filters.where()
    table, f = _source(cols)
    frame = _per_column(con, table, where, params, cols, {"n": f["n"], "mean": f["mean"], "sd": f["sd"], **median},
                        "field")
    frame.insert(1, "label", [_field_label(c) for c in cols])
    return _suppress(frame, ["mean", "sd", *median])


def skill_profile(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per DigComp 2.2 area: n, mean self-assessed level, the mean target level of those museums (default 4),
    the mean gap to it (skills_gap_<area>, 0 at or above target) and the % of museums below target."""
    where, params = filters.where()
    skill = {kind: sql.replace("{c}", "skill_{c}") for kind, sql in FROM_CELLS.items()}
    frame = _per_column(con, "fact_cells", where, params, list(schema.SKILL_AREAS), {
        "n": skill["n"], "mean_level": skill["mean"], "sd": skill["sd"],
        "target_level": "sum(x__target_if_{c}) / NULLIF(sum(n__skill_{c}), 0)",
        "mean_gap": FROM_CELLS["mean"].replace("{c}", "skills_gap_{c}"),
        "pct_below_target": "100.0 * sum(x__below_{c}) / NULLIF(sum(n__skill_{c}), 0)"}, "area")
    frame.insert(1, "label", [skill_area_label(a) for a in frame["area"]])
    return _suppress(frame, ["mean_level", "sd", "target_level", "mean_gap", "pct_below_target"])


def level_counts(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """For a 1–N scale question (AI literacy 1–4, a Likert 1–5): museums at each level and their share of
    those who answered; every level is listed, answered or not. Suppressed when n < 5."""
    f = schema.FIELDS_BY_NAME[_check(field, SCALES)]
    where, params = filters.where()
    with con.cursor() as cur:
        counts = dict(cur.execute(f"SELECT {f.name}, count(*) FROM museum_metrics WHERE {where} AND {f.name} "
                                  "IS NOT NULL GROUP BY 1", params).fetchall())
    names = AI_LITERACY_LEVELS if f.name == "skill_ai_literacy" else {}
    levels = {v: names.get(v, str(v)) for v in range(int(f.minimum), int(f.maximum) + 1)}
    return _answer_shares(counts, levels, "level")


def ordered_shares(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """Share of museums giving each answer of a single-choice or yes/no question, every answer listed in the
    survey's order (yes before no), with n = museums that answered. Suppressed when n < 5."""
    f = schema.FIELDS_BY_NAME[field]
    labels = dict(f.choices) if f.choices else {"true": "Yes", "false": "No"}
    return _answer_shares(_answer_counts(con, filters, (field,))[field], labels, "answer")


def _answer_counts(con: duckdb.DuckDBPyConnection, filters: Filters, fields: tuple[str, ...]) -> dict[str, dict]:
    """{field: {answer as text: museums}} for single-choice or yes/no questions, in one scan (grouping sets)."""
    cols = [_check(f, CATEGORICAL) for f in fields]
    where, params = filters.where()
    with con.cursor() as cur:
        rows = cur.execute(f"""
            SELECT {', '.join(f'CAST({c} AS VARCHAR), grouping({c})' for c in cols)}, count(*)
            FROM museum_metrics WHERE {where} GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in cols)})""",
                           params).fetchall()
    counts: dict[str, dict] = {c: {} for c in cols}
    for row in rows:
        i = row[1:-1:2].index(0)                    # the grouping set (question) this row counts
        if row[2 * i] is not None:
            counts[cols[i]][row[2 * i]] = row[-1]
    return counts


def strategy_and_policy(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The four readiness questions (digital strategy, AI policy, skills needs assessed, training plan):
    one row per question and answer with its tier (yes / partial / no), share and n."""
    counts = _answer_counts(con, filters, tuple(READINESS))
    frames = []
    for field, (question, tiers) in READINESS.items():
        f = schema.FIELDS_BY_NAME[field]
        frame = _answer_shares(counts[field], dict(f.choices) if f.choices else {"true": "Yes", "false": "No"},
                               "answer")
        frames.append(frame.assign(field=field, question=question, tier=frame["answer"].map(tiers)))
    out = pd.concat(frames, ignore_index=True)
    return out[["field", "question", "answer", "label", "tier", "museums", "n", "share", "suppressed"]]


def digital_staff_share(con: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None) -> pd.DataFrame:
    """Digital FTE as % of paid FTE per group (all museums when by is None): n, the unweighted mean and median of
    museums' own shares, and the pooled share sum(digital FTE) / sum(paid FTE). Size bands come small to huge."""
    group = _check(by, GROUPS) if by else "'All museums'"
    where, params = filters.where()
    share = "digital_fte_share"
    frame = _query(con, f"""
        WITH stats AS (SELECT {group} AS "group", {_stat("n", share)} AS n,
                              100 * {_stat("mean", share)} AS mean_pct,
                              100 * {_stat("sd", share)} AS sd,
                              100 * sum(x__digital_fte_if_share) / NULLIF(sum(x__paid_fte_if_share), 0) AS pooled_pct
                       FROM fact_cells WHERE {where} AND {group} IS NOT NULL GROUP BY 1),
        medians AS (SELECT {group} AS "group", 100 * median({share}) AS median_pct
                    FROM museum_facts WHERE {where} AND {group} IS NOT NULL GROUP BY 1)
        SELECT "group", n, mean_pct, sd, median_pct, pooled_pct FROM stats JOIN medians USING ("group")
        ORDER BY 1""", params + params)
    if by == "size_band":
        order = {band: i for i, (band, _) in enumerate(schema.SIZE_BANDS)}
        frame = frame.sort_values("group", key=lambda s: s.map(order)).reset_index(drop=True)
    return _suppress(frame, ["mean_pct", "sd", "median_pct", "pooled_pct"])


# --- Funding page --------------------------------------------------------------------------------------
# Per-museum shortfall ratio (shortfall / need) in bands: (code, label, SQL condition, tested in this order).
SHORTFALL_RATIO_BANDS = (
    ("none", "0 % (fully funded)", "shortfall_ratio <= 0"),
    ("to_25", "0–25 %", "shortfall_ratio <= 0.25"),
    ("to_50", "25–50 %", "shortfall_ratio <= 0.5"),
    ("to_75", "50–75 %", "shortfall_ratio <= 0.75"),
    ("below_100", "75–<100 %", "shortfall_ratio < 1"),
    ("all", "100 % (no budget)", "TRUE"),
)
EU_SOURCES = tuple(code for code in schema.FIELDS_BY_NAME["funding_sources"].codes if code.startswith("eu_"))


def pillar_funding(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per investment pillar: total need (museums that answered that need, n_need) and the shortfall shared
    out to it (museums with need and budget, n_shortfall). Each figure suppressed when its n < 5."""
    where, params = filters.where()
    select = ", ".join(f"sum({col}), count({col}), sum(shortfall_{p}_eur)" for p, col in schema.NEED_FIELDS.items())
    with con.cursor() as cur:
        row = cur.execute(f"SELECT {select}, count(funding_shortfall_eur) FROM museum_metrics WHERE {where}",
                          params).fetchone()
    n_shortfall = int(row[-1])
    frame = pd.DataFrame({"pillar": list(schema.PILLARS), "label": list(schema.PILLARS.values()),
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
    by = _check(by, GROUPS)
    where, params = filters.where()
    frame = _query(con, f"""
        SELECT {by} AS "group", count(*) AS n, sum(funding_need_eur) AS need_eur,
               sum(funding_available_horizon_eur) AS available_eur, sum(funding_shortfall_eur) AS shortfall_eur,
               sum(funding_shortfall_eur) / count(*) AS shortfall_per_museum_eur,
               count(*) FILTER (WHERE funding_shortfall_eur > 0) AS museums_with_gap,
               100 * avg(shortfall_ratio) AS mean_shortfall_ratio_pct
        FROM museum_metrics WHERE {where} AND {by} IS NOT NULL AND funding_shortfall_eur IS NOT NULL
        GROUP BY 1 ORDER BY shortfall_eur DESC, 1""", params)
    frame = _suppress(frame, ["need_eur", "available_eur", "shortfall_eur", "shortfall_per_museum_eur",
                              "museums_with_gap", "mean_shortfall_ratio_pct"])
    frame["museums_with_gap"] = frame["museums_with_gap"].astype("Int64")
    return frame.sort_values(["suppressed", "shortfall_eur"], ascending=[True, False]).reset_index(drop=True)


def shortfall_ratio_bands(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """How many museums are short of 0 %, up to 25 %, … 100 % of their need (shortfall_ratio in bands),
    as a share of the n museums with a ratio. Suppressed when n < 5."""
    where, params = filters.where()
    cases = " ".join(f"WHEN {condition} THEN '{code}'" for code, _, condition in SHORTFALL_RATIO_BANDS)
    with con.cursor() as cur:
        counts = dict(cur.execute(f"""SELECT CASE {cases} END AS band, count(*) FROM museum_metrics
                                      WHERE {where} AND shortfall_ratio IS NOT NULL GROUP BY 1""", params).fetchall())
    return _answer_shares(counts, {band: label for band, label, _ in SHORTFALL_RATIO_BANDS}, "band")


def eu_funding(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """EU-programme uptake, one row: of the n museums that answered eu_funding_received_eur, how many received
    any (> 0), their share and the total received (last 3 years); of the n_sources museums that listed funding
    sources, how many named an EU programme. Each figure suppressed when its n < 5."""
    where, params = filters.where()
    frame = _query(con, f"""
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


# --- Population frame, weighted estimates and waves (Methodology page; the statistics are in analysis.weights) --
# Weighted figures describe all museums of a country, so they use the wave and country filters only (like
# `coverage`). The size band of a respondent found in its country's register (museum_id = register code) is
# the register's, so that respondents and frame are classified alike; otherwise the survey's.
def _weights():
    """analysis.weights, imported on first use: it loads numpy and pandas, which the quick CLI commands skip."""
    from analysis import weights
    return weights


def population_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Museums per country (and size band where a register gives it): analysis.weights.population_frame."""
    weights = _weights()
    return weights.population_frame(store.museum_population_table(con), store.register_counts(con))


def _frame_scope(con: duckdb.DuckDBPyConnection, filters: Filters) -> Filters:
    return Filters(wave=filters.wave or latest_wave(con), countries=filters.countries)


def frame_cells(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The respondents of the wave (and countries) in view summarised per country and frame size band (None:
    unknown; the register's band where the museum is in one, analysis.store.REGISTER_SIZE_BANDS):
    `respondents`, and per key indicator k (analysis.weights.INDICATORS) n_k, mean_k and var_k (ddof=1) over the
    museums that answered it, added up from fact_cells. Weights and intervals are computed from these few hundred
    rows (analysis.weights), never from the answers one by one."""
    weights = _weights()
    where, params = _frame_scope(con, filters).where()
    stats = ", ".join(f"{_stat('n', ind.column)} AS n_{k}, {_stat('mean', ind.column)} AS mean_{k}, "
                      f"{_stat('var', ind.column)} AS var_{k}" for k, ind in weights.INDICATORS.items())
    return _query(con, f"""
        SELECT country, frame_size_band AS size_band, sum(respondents)::BIGINT AS respondents, {stats}
        FROM fact_cells WHERE {where} GROUP BY ALL ORDER BY ALL""", params)


def _cells_of(frame: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """One indicator's columns of `frame_cells` (or the respondents alone) as analysis.weights.cells gives them."""
    weights = _weights()
    if indicator is None:
        return frame.assign(n=frame["respondents"], mean=math.nan, var=math.nan)[weights.CELL_COLUMNS]
    return frame.rename(columns={f"{s}_{indicator}": s for s in ("n", "mean", "var")})[weights.CELL_COLUMNS]


ABOUT_FRAME = ("year", "counts", "status", "source", "url", "scope")


def frame_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents / museums per country, and per size band where a register gives the distribution (raw
    register counts; 'size unknown' rows for museums without a band), with what the frame figure counts, its
    year, status and source. `flags` says where a country's figure is old or counts something else
    (weights.frame_flags); `warning` names why a cell is too thin to generalise (weights.LOW_COVERAGE_PCT,
    weights.MIN_STRATUM_N); countries without a population figure have museums None and say why in `counts`."""
    weights = _weights()
    scope = _frame_scope(con, filters)
    answered: dict[str, dict[str, int]] = {}                  # country -> size band -> respondents
    for country, band, n in frame_cells(con, filters)[["country", "size_band", "respondents"]].itertuples(index=False):
        bands = answered.setdefault(country, {})
        band = band if isinstance(band, str) else weights.SIZE_UNKNOWN
        bands[band] = bands.get(band, 0) + int(n)
    frame: dict[str, list[dict]] = {}
    for record in population_frame(con).to_dict("records"):
        frame.setdefault(record["country"], []).append(record)
    bundled = {r["country"]: r for r in store.museum_population_table(con).to_dict("records")}
    registered: dict[str, dict[str, float]] = {}
    for country, band, museums in store.register_counts(con)[["country", "size_band", "museums"]].itertuples(
            index=False):
        registered.setdefault(country, {})[band if isinstance(band, str) else weights.SIZE_UNKNOWN] = float(museums)
    rows = []
    for country in sorted(answered):
        pop, by_band = frame.get(country, []), answered[country]
        about = pop[0] if pop else bundled.get(country, {})
        country_row = {"country": country, "stratum": weights.ALL_SIZES, "level": "country",
                       "respondents": sum(by_band.values()),
                       "museums": sum(r["museums"] for r in pop) if pop else None,
                       **{k: about.get(k) for k in ABOUT_FRAME},
                       "flags": weights.frame_flags(about.get("year"), about.get("scope"), about.get("status"),
                                                    scope.wave) if pop else ""}
        rows.append(country_row)
        counts = registered.get(country, {})
        if counts and any(isinstance(r["size_band"], str) for r in pop):
            rows += [{"country": country, "stratum": band, "level": "size band",
                      "respondents": by_band.get(band, 0), "museums": counts.get(band, 0.0),
                      **{k: country_row[k] for k in ABOUT_FRAME}, "flags": ""}
                     for band in (*weights.BANDS, weights.SIZE_UNKNOWN) if band in counts or band in by_band]
    out = pd.DataFrame(rows, columns=["country", "stratum", "level", "respondents", "museums", *ABOUT_FRAME,
                                      "flags"])
    out["coverage_pct"] = 100.0 * out["respondents"] / out["museums"].where(out["museums"] > 0)
    out["warning"] = [("" if s == weights.SIZE_UNKNOWN else weights.coverage_warning(int(r), m))
                      for r, m, s in zip(out["respondents"], out["museums"], out["stratum"])]
    return out


def weighting_strata(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The weighting cells of the respondents in view after the collapse rule: country, stratum, N (museums),
    n (respondents), weight N/n, coverage, status weighted | merged | excluded and a note (which bands were
    merged; why a country or some respondents are left out)."""
    weights = _weights()
    result = weights.post_strata(population_frame(con), _cells_of(frame_cells(con, filters)))
    excluded = result.excluded.rename(columns={"respondents": "n", "reason": "note"}).assign(
        status="excluded", stratum="—")
    return pd.concat([result.strata.drop(columns="key"), excluded], ignore_index=True).sort_values(
        "country", kind="stable").reset_index(drop=True)


def weighted_estimates(con: duckdb.DuckDBPyConnection, filters: Filters, indicator: str) -> pd.DataFrame:
    """Per country and for all countries with a frame (scope 'ALL'): n and unweighted mean, and the weighted
    mean with its 95 % interval and the extrapolated total (analysis.weights.estimate_by_country)."""
    weights = _weights()
    spec = weights.INDICATORS[_check(indicator, weights.INDICATORS)]
    frame = weights.estimate_by_country(population_frame(con), _cells_of(frame_cells(con, filters), indicator),
                                        bounds=spec.bounds)
    return frame.assign(indicator=indicator, label=spec.label, unit=spec.unit,
                        survey_wave=_frame_scope(con, filters).wave)


def wave_change(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Key indicators (weights.WAVE_INDICATORS) in the wave in view and the wave before it, unweighted:
    cross-sections (every museum that answered in each wave, n_base / n_latest) and the panel of museums that
    answered in both (n_panel; filters apply to their latest answer), with the mean change within those museums
    and its paired 95 % interval. Figures with n < 5 are suppressed. Empty when there is no earlier wave."""
    weights = _weights()
    columns = ["indicator", "label", "unit", "base_wave", "latest_wave", "n_base", "mean_base", "n_latest",
               "mean_latest", "change", "n_panel", "panel_base", "panel_latest", "panel_change", "panel_lo",
               "panel_hi"]
    latest = filters.wave or latest_wave(con)
    earlier = [w for w in waves(con) if latest is not None and w < latest]
    if not earlier:
        return pd.DataFrame(columns=columns)
    base = earlier[0]
    keys = weights.WAVE_INDICATORS
    values = [_check(weights.INDICATORS[k].column, store.PANEL_COLUMNS) for k in keys]
    scoped = Filters(countries=filters.countries, museum_types=filters.museum_types, size_bands=filters.size_bands,
                     ownership=filters.ownership, accredited=filters.accredited)
    where, params = scoped.where()
    # Cross-sections, and the panel: answers of the later wave whose museum's previous answer is in the earlier
    # wave (its values are kept with the answer, analysis.store.PANEL_COLUMNS); filters apply to the later answer.
    with con.cursor() as cur:
        cross = {wave: row for wave, *row in cur.execute(f"""
            SELECT survey_wave, {', '.join(f'{_stat("n", c)}, {_stat("mean", c)}' for c in values)}
            FROM fact_cells
            WHERE survey_wave IN (?, ?) AND {where} GROUP BY survey_wave""", [base, latest, *params]).fetchall()}
        pairs = lambda c: f"NULLIF(sum(x__pairs_{c}), 0)"  # noqa: E731
        panel = cur.execute(f"""
            SELECT {', '.join(f'COALESCE(sum(x__pairs_{c}), 0)::BIGINT, sum(x__before_{c}) / {pairs(c)}, '
                              f'sum(x__after_{c}) / {pairs(c)}, sum(x__change_{c}) / {pairs(c)}, '
                              f'sqrt(greatest(0, (sum(x__change2_{c}) - pow(sum(x__change_{c}), 2) / {pairs(c)}) '
                              f'/ NULLIF(sum(x__pairs_{c}) - 1, 0)))' for c in values)}
            FROM fact_cells WHERE survey_wave = ? AND previous_wave = ? AND {where}""",
                            [latest, base, *params]).fetchone()
    small = limits.SUPPRESS_BELOW_N
    rows = []
    for i, key in enumerate(keys):
        spec = weights.INDICATORS[key]
        (n_a, mean_a), (n_b, mean_b) = (cross.get(w, [0, None] * len(keys))[2 * i:2 * i + 2] for w in (base, latest))
        n_panel, panel_base, panel_latest, change, sd = panel[5 * i:5 * i + 5]
        row = {"indicator": key, "label": spec.label, "unit": spec.unit, "base_wave": base, "latest_wave": latest,
               "n_base": n_a, "mean_base": mean_a if n_a >= small else None,
               "n_latest": n_b, "mean_latest": mean_b if n_b >= small else None, "n_panel": n_panel}
        row["change"] = (row["mean_latest"] - row["mean_base"]
                         if row["mean_base"] is not None and row["mean_latest"] is not None else None)
        if n_panel >= small:          # weights.paired_change, from the panel's n, mean and sd of the changes
            half = float(weights.t_quantile(n_panel - 1)) * sd / math.sqrt(n_panel)
            row.update(panel_base=panel_base, panel_latest=panel_latest, panel_change=change,
                       panel_lo=change - half, panel_hi=change + half)
        rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=columns)
    num = [c for c in columns if c.startswith(("mean_", "change", "panel_"))]
    out[num] = out[num].astype(float)
    return out


def target_in_force(targets: pd.DataFrame, metric: str = "pct_digitised") -> dict:
    """The target most of the filtered museums are measured against, in words, and a note when several apply."""
    rows = targets[targets["metric"] == metric]
    if rows.empty:
        return {"value": None, "short": "none set", "text": "no target set", "placeholder": False, "museums": 0,
                "note": ""}
    short = lambda r: f"{r['value']:.0f} % by {r['target_year']}"  # noqa: E731
    text = lambda r: short(r) + (" (placeholder target)" if r["is_placeholder"] else "")  # noqa: E731
    main = rows.iloc[0]                                     # most museums first (metrics.targets_in_force)
    note = ("Targets differ between these museums: " + "; ".join(
        f"{text(r)} for {r['museums']} museum{'s' if r['museums'] != 1 else ''}" for _, r in rows.iterrows()) + "."
            if len(rows) > 1 else "")
    return {"value": float(main["value"]), "short": short(main), "text": text(main),
            "placeholder": bool(main["is_placeholder"]), "museums": int(rows["museums"].sum()), "note": note}


def funding_totals(s: dict) -> dict:
    """Need, budget over the horizon and shortfall with their n, from `summary`, as the funding charts take them."""
    n = s["n"]
    return {"need": s["total_funding_need_eur"], "n_need": n["funding_need"],
            "available": s["total_funding_available_eur"], "n_available": n["funding_available"],
            "shortfall": s["total_funding_shortfall_eur"], "n_shortfall": n["funding_shortfall"]}


# --- Scenarios page (the allocation and the cost model are in analysis.scenarios and analysis.unit_costs) -------
SCENARIO_COLUMNS = ("response_id", "museum_id", "museum_name", "country", "museum_type", "size_band", "ownership",
                    "survey_wave", "reference_year", "funding_shortfall_eur",
                    *(f"shortfall_{p}_eur" for p in schema.PILLARS), *schema.NEED_FIELDS.values(),
                    "collection_objects", "objects_to_digitise", "pct_digitised", "pct_no_need_digitise",
                    "pct_digitised_3d", "target_pct_digitised")


def scenario_inputs(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """What a scenario is computed from, for one wave (the latest when none is chosen): `museums`, one row per museum
    in view with SCENARIO_COLUMNS, its yearly progress since an earlier answer (`progress_pp_a_year`, as the
    on-pace status defines it) and its size band in the population frame (`frame_size_band`, the register's where
    it is in one, as `frame_cells`); the `population` frame; the `unit_costs` in force."""
    from analysis import unit_costs

    filters = replace(filters, wave=filters.wave or latest_wave(con))
    outer, params = filters.where("m")
    columns = ", ".join(f"m.{c}" for c in SCENARIO_COLUMNS)
    with con.cursor() as cur:       # through Arrow: half the time of .df() for half a million rows of text
        museums = cur.sql(f"""
            SELECT {columns},
                   CASE WHEN m.required_annual_rate_pp IS NOT NULL THEN m.progress_pp_a_year END AS progress_pp_a_year,
                   m.frame_size_band
            FROM museum_facts m WHERE {outer} ORDER BY m.country, m.museum_id""", params=params
                          ).to_arrow_table().to_pandas()
    return {"museums": museums, "population": population_frame(con), "unit_costs": unit_costs.load(con)}
