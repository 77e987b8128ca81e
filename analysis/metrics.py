"""Aggregates over the museum_metrics view: the numbers every page, export and the CLI report.

Metrics are defined once in SQL (analysis.store); this module only filters and aggregates them, always
with the n behind each figure, and suppresses groups with fewer than SUPPRESS_BELOW_N respondents.
Column names reach SQL only after a check against the whitelists below.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        FROM museum_base WHERE {where}""", params).iloc[0]
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
        SELECT {by} AS "group", count({metric}) AS n, avg({metric}) AS mean, stddev_samp({metric}) AS sd,
               sum({metric} * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE {metric} IS NOT NULL AND collection_objects > 0), 0)
                 AS weighted_mean,
               quantile_cont({metric}, 0.25) AS q1, median({metric}) AS median,
               quantile_cont({metric}, 0.75) AS q3, min({metric}) AS min, max({metric}) AS max
        FROM museum_metrics WHERE {where} AND {by} IS NOT NULL
        GROUP BY 1 ORDER BY mean DESC NULLS LAST""", params)
    return _suppress(frame, ["mean", "sd", "weighted_mean", "q1", "median", "q3", "min", "max"])


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
    where, params = filters.where()
    parts = []
    for column in columns:
        c = _check(column, NUMERIC)
        parts.append(f"""
        SELECT '{c}' AS metric, count({c}) AS n, avg({c}) AS mean, median({c}) AS median,
               count(*) FILTER (WHERE {c} IS NOT NULL AND collection_objects > 0) AS n_weighted,
               sum({c} * collection_objects) FILTER (WHERE collection_objects > 0)
                 / NULLIF(sum(collection_objects) FILTER (WHERE {c} IS NOT NULL AND collection_objects > 0), 0)
                 AS weighted_mean
        FROM museum_metrics WHERE {where}""")
    frame = _query(con, " UNION ALL ".join(parts), params * len(columns))
    frame["label"] = [LEVELS.get(m, m) for m in frame["metric"]]
    frame = _suppress(frame, ["mean", "median"])
    frame.loc[frame["n_weighted"] < limits.SUPPRESS_BELOW_N, "weighted_mean"] = None
    return frame[["metric", "label", "n", "mean", "median", "n_weighted", "weighted_mean", "suppressed"]]


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


def _targets_sql(where: str) -> str:
    """CTEs `scope` (the filtered museums) and `applicable`: per museum, metric and target year, the target
    in force, read from the cell_target_choices view (analysis.store), where the precedence is defined."""
    return f"""
        scope AS (SELECT * FROM museum_metrics WHERE {where}),
        applicable AS (
          SELECT s.response_id, t.metric, t.target_year, t.chosen.value AS value,
                 t.chosen.is_placeholder AS is_placeholder, t.chosen.source AS source
          FROM scope s JOIN cell_target_choices t
            ON s.country IS NOT DISTINCT FROM t.country AND s.museum_type IS NOT DISTINCT FROM t.museum_type
           AND s.survey_wave = t.survey_wave
          WHERE t.metric LIKE '3d_%' OR t.target_year = {schema.HORIZON_YEAR})"""


def targets_in_force(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The targets that apply to the filtered museums: one row per metric, target year, value and
    placeholder flag, with how many museums it applies to (most museums first)."""
    where, params = filters.where()
    return _query(con, f"""
        WITH {_targets_sql(where)}
        SELECT metric, target_year, value, is_placeholder, any_value(source) AS source, count(*) AS museums
        FROM applicable GROUP BY metric, target_year, value, is_placeholder
        ORDER BY metric, target_year, museums DESC, value""", params)


def milestones_3d(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Recommendation 2021/1970 point 6: share of immovable assets digitised in 3D, sum of 3D counts over
    sum of counts, over the museums that manage such assets (count > 0 and 3D count answered), with the
    2025 and 2030 milestones in force (asset-weighted when targets differ between museums)."""
    where, params = filters.where()
    parts = []
    for asset, metric, label in (("at_risk", "3d_at_risk", "Monuments and sites at risk"),
                                 ("most_visited", "3d_most_visited", "Most-visited monuments and sites")):
        n, n3d = f"immovable_{asset}_n", f"immovable_{asset}_3d_n"
        parts.append(f"""
        SELECT '{asset}' AS asset, '{label}' AS label, count(*) AS n, sum({n}) AS assets,
               sum({n3d}) AS assets_3d, 100.0 * sum({n3d}) / NULLIF(sum({n}), 0) AS share_3d,
               sum({n} * t25.value) / NULLIF(sum({n}) FILTER (WHERE t25.value IS NOT NULL), 0) AS target_2025,
               sum({n} * t30.value) / NULLIF(sum({n}) FILTER (WHERE t30.value IS NOT NULL), 0) AS target_2030
        FROM scope s
        LEFT JOIN applicable t25 ON t25.response_id = s.response_id AND t25.metric = '{metric}'
                                AND t25.target_year = 2025
        LEFT JOIN applicable t30 ON t30.response_id = s.response_id AND t30.metric = '{metric}'
                                AND t30.target_year = {schema.HORIZON_YEAR}
        WHERE {n} > 0 AND {n3d} IS NOT NULL""")
    frame = _query(con, f"WITH {_targets_sql(where)} {' UNION ALL '.join(parts)}", params)
    frame = _suppress(frame, ["assets", "assets_3d", "share_3d"])
    frame[["assets", "assets_3d"]] = frame[["assets", "assets_3d"]].astype("Int64")
    return frame


def _on_track_sql(where: str) -> str:
    """Per filtered museum with a required pace: its required yearly pace, its observed yearly progress since
    its latest earlier answer (same museum_id, earlier wave and earlier reference year; any filters apply to
    the current answer only) and its status. ON_TRACK_DEFINITION says the same in words."""
    return f"""
        WITH scope AS (SELECT * FROM museum_metrics WHERE {where}),
        previous AS (
          SELECT s.response_id, arg_max({{'pct': p.pct_digitised, 'year': p.reference_year}}, p.survey_wave) AS prev
          FROM scope s JOIN museum_metrics p
            ON p.museum_id = s.museum_id AND p.survey_wave < s.survey_wave
           AND p.reference_year < s.reference_year AND p.pct_digitised IS NOT NULL
          GROUP BY s.response_id),
        paced AS (
          SELECT s.response_id, s.digitisation_gap_pp, s.required_annual_rate_pp,
                 (s.pct_digitised - prev.pct) / (s.reference_year - prev.year) AS progress_pp_a_year
          FROM scope s LEFT JOIN previous USING (response_id)
          WHERE s.required_annual_rate_pp IS NOT NULL)
        SELECT *, CASE WHEN digitisation_gap_pp = 0 THEN 'reached'
                       WHEN progress_pp_a_year IS NULL THEN 'no_earlier_answer'
                       WHEN progress_pp_a_year >= required_annual_rate_pp THEN 'on_track'
                       ELSE 'behind' END AS status
        FROM paced"""


def on_track_2030(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """How many museums have reached the digitisation target, are on track or behind pace for it, or
    cannot be judged (no earlier answer); n = museums with a known gap to target."""
    where, params = filters.where()
    counts = dict(_query(con, f"SELECT status, count(*) FROM ({_on_track_sql(where)}) GROUP BY 1",
                         params).itertuples(index=False, name=None))
    return _answer_shares(counts, ON_TRACK_LABELS, "status")


def pace_needed(con: duckdb.DuckDBPyConnection, filters: Filters, pace_pp: float) -> dict:
    """How many museums would need to digitise more than `pace_pp` percentage points a year to reach the
    target by the horizon; the median pace needed, and the median pace observed where an earlier answer exists."""
    where, params = filters.where()
    row = _query(con, f"""
        SELECT count(*) AS n, count(*) FILTER (WHERE required_annual_rate_pp > ?) AS above,
               median(required_annual_rate_pp) AS median_required,
               count(progress_pp_a_year) AS n_observed, median(progress_pp_a_year) AS median_observed
        FROM ({_on_track_sql(where)})""", [float(pace_pp), *params]).iloc[0]
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
    `suppressed` (n below SUPPRESS_BELOW_N: value None). Means come from `distribution`, sums from `totals`."""
    spec = MAP_METRICS[_check(metric, MAP_METRICS)]
    if spec.aggregate in ("mean", "weighted_mean"):
        frame = distribution(con, filters, spec.column, "country")
        frame = frame.rename(columns={"group": "country", spec.aggregate: "value"})
        if spec.aggregate == "weighted_mean":     # n = museums with both the share and a collection size
            where, params = filters.where()
            weighted_n = _query(con, f"""
                SELECT country, count(*) FILTER (WHERE {spec.column} IS NOT NULL AND collection_objects > 0) AS n
                FROM museum_metrics WHERE {where} AND country IS NOT NULL GROUP BY 1""", params)
            frame["n"] = frame["country"].map(dict(zip(weighted_n["country"], weighted_n["n"]))).fillna(0)
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
    cols = [_check(c, NUMERIC) for c in columns]
    where, params = filters.where()
    select = ", ".join(f"count({c}), avg({c}), stddev_samp({c}), median({c})" for c in cols)
    with con.cursor() as cur:
        row = cur.execute(f"SELECT {select} FROM museum_metrics WHERE {where}", params).fetchone()
    frame = pd.DataFrame({"field": cols, "label": [_field_label(c) for c in cols], "n": [int(v) for v in row[0::4]],
                          "mean": list(row[1::4]), "sd": list(row[2::4]), "median": list(row[3::4])})
    frame[["mean", "sd", "median"]] = frame[["mean", "sd", "median"]].astype(float)
    return _suppress(frame, ["mean", "sd", "median"])


def skill_profile(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per DigComp 2.2 area: n, mean self-assessed level, the mean target level of those museums (default 4),
    the mean gap to it (skills_gap_<area>, 0 at or above target) and the % of museums below target."""
    where, params = filters.where()
    parts = [f"""
        SELECT {i} AS i, '{a}' AS area, count(skill_{a}) AS n, avg(skill_{a}) AS mean_level, stddev_samp(skill_{a}) AS sd,
               avg(target_skill_level) FILTER (WHERE skill_{a} IS NOT NULL) AS target_level,
               avg(skills_gap_{a}) AS mean_gap,
               100.0 * count(*) FILTER (WHERE skill_{a} < target_skill_level) / NULLIF(count(skill_{a}), 0)
                 AS pct_below_target
        FROM museum_metrics WHERE {where}""" for i, a in enumerate(schema.SKILL_AREAS)]
    frame = _query(con, " UNION ALL ".join(parts) + " ORDER BY i", params * len(parts)).drop(columns="i")
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
    f = schema.FIELDS_BY_NAME[_check(field, CATEGORICAL)]
    where, params = filters.where()
    with con.cursor() as cur:
        counts = dict(cur.execute(f"SELECT CAST({f.name} AS VARCHAR), count(*) FROM museum_metrics "
                                  f"WHERE {where} AND {f.name} IS NOT NULL GROUP BY 1", params).fetchall())
    labels = dict(f.choices) if f.choices else {"true": "Yes", "false": "No"}
    return _answer_shares(counts, labels, "answer")


def strategy_and_policy(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The four readiness questions (digital strategy, AI policy, skills needs assessed, training plan):
    one row per question and answer with its tier (yes / partial / no), share and n."""
    frames = []
    for field, (question, tiers) in READINESS.items():
        frame = ordered_shares(con, filters, field)
        frames.append(frame.assign(field=field, question=question, tier=frame["answer"].map(tiers)))
    out = pd.concat(frames, ignore_index=True)
    return out[["field", "question", "answer", "label", "tier", "museums", "n", "share", "suppressed"]]


def digital_staff_share(con: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None) -> pd.DataFrame:
    """Digital FTE as % of paid FTE per group (all museums when by is None): n, the unweighted mean and median of
    museums' own shares, and the pooled share sum(digital FTE) / sum(paid FTE). Size bands come small to huge."""
    group = _check(by, GROUPS) if by else "'All museums'"
    where, params = filters.where()
    frame = _query(con, f"""
        SELECT {group} AS "group", count(digital_fte_share) AS n,
               100 * avg(digital_fte_share) AS mean_pct, 100 * stddev_samp(digital_fte_share) AS sd,
               100 * median(digital_fte_share) AS median_pct,
               100 * sum(staff_fte_digital) FILTER (WHERE digital_fte_share IS NOT NULL)
                 / NULLIF(sum(staff_paid_fte) FILTER (WHERE digital_fte_share IS NOT NULL), 0) AS pooled_pct
        FROM museum_metrics WHERE {where} AND {group} IS NOT NULL GROUP BY 1 ORDER BY 1""", params)
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
SHORTFALL_BREAKDOWNS = ("country", "museum_type", "size_band")


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
    from analysis import store, weights       # imported here so that this appended block stays self-contained
    return store, weights


def population_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Museums per country (and size band where a register gives it): analysis.weights.population_frame."""
    store, weights = _weights()
    return weights.population_frame(store.museum_population_table(con), store.register_counts(con))


def _frame_scope(con: duckdb.DuckDBPyConnection, filters: Filters) -> Filters:
    return Filters(wave=filters.wave or latest_wave(con), countries=filters.countries)


def frame_respondents(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per respondent of the wave (and countries) in view: museum_id, country, size_band (register's
    when the museum is in it, else the survey's) and one column per key indicator (analysis.weights.INDICATORS)."""
    store, weights = _weights()
    where, params = _frame_scope(con, filters).where("m")
    values = ", ".join(f"{ind.sql} AS {key}" for key, ind in weights.INDICATORS.items())   # survey columns only
    return _query(con, f"""
        SELECT m.museum_id, m.country, COALESCE(r.size_band, m.size_band) AS size_band, {values}
        FROM museum_metrics m
        LEFT JOIN ({store.CURRENT_REGISTER_MUSEUMS}) r ON r.country = m.country AND r.museum_ref = m.museum_id
        WHERE {where}""", params)


def frame_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents / museums per country, and per size band where a register gives the distribution (raw
    register counts; 'size unknown' rows for museums without a band). `warning` names why a cell is too thin to
    generalise (weights.LOW_COVERAGE_PCT, weights.MIN_STRATUM_N); countries without a population figure
    have museums None."""
    store, weights = _weights()
    people = frame_respondents(con, filters)
    frame = population_frame(con)
    registered = store.register_counts(con)
    rows = []
    for country, part in people.groupby("country", sort=True):
        pop = frame[frame["country"] == country]
        museums = float(pop["museums"].sum()) if len(pop) else None
        rows.append({"country": country, "stratum": weights.ALL_SIZES, "level": "country", "respondents": len(part),
                     "museums": museums, "source": pop["source"].iloc[0] if len(pop) else None,
                     "year": pop["year"].iloc[0] if len(pop) else None})
        reg = registered[registered["country"] == country]
        if len(reg) and pop["size_band"].notna().any():
            counts = dict(zip(reg["size_band"].fillna(weights.SIZE_UNKNOWN), reg["museums"].astype(float)))
            answered = part["size_band"].fillna(weights.SIZE_UNKNOWN).value_counts().to_dict()
            for band in (*weights.BANDS, weights.SIZE_UNKNOWN):
                if band in counts or band in answered:
                    rows.append({"country": country, "stratum": band, "level": "size band",
                                 "respondents": int(answered.get(band, 0)), "museums": counts.get(band, 0.0),
                                 "source": rows[-1]["source"], "year": rows[-1]["year"]})
    out = pd.DataFrame(rows, columns=["country", "stratum", "level", "respondents", "museums", "source", "year"])
    out["coverage_pct"] = 100.0 * out["respondents"] / out["museums"].where(out["museums"] > 0)
    out["warning"] = [("" if s == weights.SIZE_UNKNOWN else weights.coverage_warning(int(r), m))
                      for r, m, s in zip(out["respondents"], out["museums"], out["stratum"])]
    return out


def weighting_strata(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The weighting cells of the respondents in view after the collapse rule: country, stratum, N (museums),
    n (respondents), weight N/n, coverage, status weighted | merged | excluded and a note (which bands were
    merged; why a country or some respondents are left out)."""
    _, weights = _weights()
    result = weights.post_strata(population_frame(con), frame_respondents(con, filters))
    excluded = result.excluded.rename(columns={"respondents": "n", "reason": "note"}).assign(
        status="excluded", stratum="—")
    return pd.concat([result.strata.drop(columns="key"), excluded], ignore_index=True).sort_values(
        "country", kind="stable").reset_index(drop=True)


def weighted_estimates(con: duckdb.DuckDBPyConnection, filters: Filters, indicator: str) -> pd.DataFrame:
    """Per country and for all countries with a frame (scope 'ALL'): n and unweighted mean, and the weighted
    mean with its 95 % interval and the extrapolated total (analysis.weights.estimate_by_country)."""
    _, weights = _weights()
    spec = weights.INDICATORS[_check(indicator, weights.INDICATORS)]
    frame = weights.estimate_by_country(population_frame(con), frame_respondents(con, filters), indicator,
                                        bounds=spec.bounds)
    return frame.assign(indicator=indicator, label=spec.label, unit=spec.unit,
                        survey_wave=_frame_scope(con, filters).wave)


def wave_change(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Key indicators (weights.WAVE_INDICATORS) in the wave in view and the wave before it, unweighted:
    cross-sections (every museum that answered in each wave, n_base / n_latest) and the panel of museums that
    answered in both (n_panel; filters apply to their latest answer), with the mean change within those museums
    and its paired 95 % interval. Figures with n < 5 are suppressed. Empty when there is no earlier wave."""
    _, weights = _weights()
    columns = ["indicator", "label", "unit", "base_wave", "latest_wave", "n_base", "mean_base", "n_latest",
               "mean_latest", "change", "n_panel", "panel_base", "panel_latest", "panel_change", "panel_lo",
               "panel_hi"]
    latest = filters.wave or latest_wave(con)
    earlier = [w for w in waves(con) if latest is not None and w < latest]
    if not earlier:
        return pd.DataFrame(columns=columns)
    base = earlier[0]
    values = ", ".join(f"{weights.INDICATORS[k].sql} AS {k}" for k in weights.WAVE_INDICATORS)
    scoped = Filters(countries=filters.countries, museum_types=filters.museum_types, size_bands=filters.size_bands,
                     ownership=filters.ownership, accredited=filters.accredited)
    where, params = scoped.where()
    answers = _query(con, f"""SELECT survey_wave, museum_id, {values} FROM museum_metrics
                              WHERE survey_wave IN (?, ?) AND {where}""", [base, latest, *params])
    everyone = _query(con, f"SELECT museum_id, {values} FROM museum_metrics WHERE survey_wave = ?", [base])
    now, before = answers[answers["survey_wave"] == latest], answers[answers["survey_wave"] == base]
    small = limits.SUPPRESS_BELOW_N
    rows = []
    for key in weights.WAVE_INDICATORS:
        spec = weights.INDICATORS[key]
        a, b = before[key].dropna().astype(float), now[key].dropna().astype(float)
        pairs = now[["museum_id", key]].dropna().merge(everyone[["museum_id", key]].dropna(), on="museum_id",
                                                       suffixes=("_latest", "_base"))
        paired = weights.paired_change(pairs[f"{key}_base"].to_numpy(), pairs[f"{key}_latest"].to_numpy())
        row = {"indicator": key, "label": spec.label, "unit": spec.unit, "base_wave": base, "latest_wave": latest,
               "n_base": len(a), "mean_base": a.mean() if len(a) >= small else None,
               "n_latest": len(b), "mean_latest": b.mean() if len(b) >= small else None,
               "n_panel": paired["n"]}
        row["change"] = (row["mean_latest"] - row["mean_base"]
                         if row["mean_base"] is not None and row["mean_latest"] is not None else None)
        if paired["n"] >= small:
            row.update(panel_base=float(pairs[f"{key}_base"].mean()), panel_latest=float(pairs[f"{key}_latest"].mean()),
                       panel_change=paired["change"], panel_lo=paired["lo"], panel_hi=paired["hi"])
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
