"""Headline figures, the sidebar's options, breakdowns by any grouping, coverage and the Europe map's values."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from analysis import schema
from analysis.figures import definitions
from analysis.figures.sql import (CATEGORICAL, GROUPS, MULTI, NUMERIC, answer_labels, check, query, source,
                                  spread_sql, stat, suppress)
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from analysis.lazy import pandas as pd
from analysis.store import derived

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
               {stat("mean", "pct_digitised")} AS mean_pct_digitised,
               {stat("n", "pct_digitised")} AS n_pct_digitised,
               {stat("weighted_mean", "pct_digitised")} AS weighted_pct_digitised,
               {stat("n_weighted", "pct_digitised")} AS n_weighted,
               sum(s__objects_to_digitise) AS objects_to_digitise,
               {stat("n", "objects_to_digitise")} AS n_objects_to_digitise,
               sum(s__funding_need_eur) AS total_funding_need_eur,
               {stat("n", "funding_need_eur")} AS n_need,
               sum(s__funding_available_horizon_eur) AS total_funding_available_eur,
               {stat("n", "funding_available_horizon_eur")} AS n_available,
               sum(s__funding_shortfall_eur) AS total_funding_shortfall_eur,
               {stat("n", "funding_shortfall_eur")} AS n_shortfall,
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
                             f"museums that answered both ({definitions.SHORTFALL})"},
    }


def distribution(con: duckdb.DuckDBPyConnection, filters: Filters, metric: str, by: str) -> pd.DataFrame:
    """Per group: n, unweighted mean, collection-weighted mean, quartiles, min and max of one metric."""
    metric, by = check(metric, NUMERIC), check(by, GROUPS)
    where, params = filters.where()
    table, formulas = source([metric], weighted=True)
    of = lambda kind: stat(kind, metric, formulas)  # noqa: E731
    frame = query(con, f"""
        WITH stats AS (SELECT {by} AS "group", {of("n")} AS n, {of("mean")} AS mean, {of("sd")} AS sd,
                              {of("weighted_mean")} AS weighted_mean
                       FROM {table} WHERE {where} AND {by} IS NOT NULL GROUP BY 1),
        spread AS ({spread_sql(metric, by, where)})
        SELECT "group", n, mean, sd, weighted_mean, quartiles[1] AS q1, quartiles[2] AS median,
               quartiles[3] AS q3, min, max
        FROM stats LEFT JOIN spread USING ("group") ORDER BY mean DESC NULLS LAST, 1""", params + params)
    return suppress(frame, ["mean", "sd", "weighted_mean", "q1", "median", "q3", "min", "max"])


def totals(con: duckdb.DuckDBPyConnection, filters: Filters, columns: list[str], by: str) -> pd.DataFrame:
    """Per group: the sum of each column over the museums that answered it, and n for each."""
    by = check(by, GROUPS)
    where, params = filters.where()
    sums = ", ".join(f"sum({check(c, NUMERIC)}) AS {c}, count({c}) AS n_{c}" for c in columns)
    frame = query(con, f"""SELECT {by} AS "group", count(*) AS n, {sums} FROM museum_metrics
                            WHERE {where} AND {by} IS NOT NULL GROUP BY 1 ORDER BY 1""", params)
    return suppress(frame, list(columns))


def answers_by(con: duckdb.DuckDBPyConnection, filters: Filters, field: str, by: str) -> pd.DataFrame:
    """Any single-choice or yes/no question broken down by a grouping: per group and answer (in the survey's
    order, yes before no), the museums giving it, n (museums of the group that answered) and the share of n.
    Groups with n < SUPPRESS_BELOW_N are suppressed. What a chart of a new question by country reads."""
    field, by = check(field, CATEGORICAL), check(by, GROUPS)
    f = schema.FIELDS_BY_NAME.get(field)
    labels = answer_labels(f)
    where, params = filters.where()
    with con.cursor() as cur:
        rows = cur.execute(f"""SELECT {by}, CAST({field} AS VARCHAR), count(*) FROM museum_facts
                               WHERE {where} AND {by} IS NOT NULL AND {field} IS NOT NULL GROUP BY ALL""",
                           params).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for group, answer, museums in rows:
        counts.setdefault(group, {})[answer] = museums
    frame = pd.DataFrame([{"group": group, "answer": answer, "label": label, "museums": given.get(answer, 0),
                           "n": sum(given.values())}
                          for group, given in sorted(counts.items()) for answer, label in labels.items()],
                         columns=["group", "answer", "label", "museums", "n"])
    frame["share"] = 100.0 * frame["museums"] / frame["n"]
    return suppress(frame, ["museums", "share"])


def choice_counts(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """For a several-answers question: how many museums chose each option, as a share of those who answered."""
    field = check(field, MULTI)
    codes = derived.CHOICE_CODES[field]
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
    labels = answer_labels(schema.FIELDS_BY_NAME[field])
    frame["label"] = [labels.get(code, code.replace("_", " ").capitalize()) for code in frame["answer"]]
    return suppress(frame, ["share", "museums"])


def digitisation_by_country(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per country: n, unweighted and collection-weighted mean % digitised (the Overview's chart)."""
    frame = distribution(con, filters, "pct_digitised", "country")
    return frame.rename(columns={"group": "country", "mean": "mean_pct_digitised",
                                 "weighted_mean": "weighted_pct_digitised"})


def coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents against the museums of the population frame per country: the national register in force,
    else the bundled count (data/museum_frame.csv), with its year and what it counts.

    Coverage only means something for all museums of a country, so it is computed on the wave and country
    filters alone; countries without a population figure have museums and coverage None. Answers are counted
    per country before the join, so that the frame is looked up 40 times rather than once per answer.
    """
    base = Filters(wave=filters.wave, countries=filters.countries)
    where, params = base.where("m")
    return query(con, f"""
        WITH registered AS (SELECT country, count(*) AS museums, year(any_value(loaded_at)) AS year
                            FROM ({derived.CURRENT_REGISTER_MUSEUMS}) GROUP BY country),
             answered AS (SELECT country, count(*) AS respondents FROM museum_metrics m WHERE {where} GROUP BY 1)
        SELECT a.country, a.respondents, COALESCE(r.museums, p.museums) AS museums,
               COALESCE(r.year, p.year) AS population_year,
               CASE WHEN r.museums IS NOT NULL THEN 'museums in the national register' ELSE p.counts END AS counts,
               100.0 * a.respondents / COALESCE(r.museums, p.museums) AS coverage_pct
        FROM answered a LEFT JOIN museum_population p USING (country) LEFT JOIN registered r USING (country)
        ORDER BY coverage_pct DESC NULLS LAST, a.country""", params)


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

    @property
    def name(self) -> str:
        """The label in the current language."""
        return _(self.label)

    @property
    def explanation(self) -> str:
        """The note in the current language ('' when there is none)."""
        return _(self.note).format(shortfall=definitions.shortfall()) if self.note else ""


# Metric key (the page's ?metric= URL value) -> definition. The page offers them in this order.
MAP_METRICS: dict[str, MapMetric] = {
    "mean_pct_digitised": MapMetric(N_("Collection digitised (unweighted mean)"), "%", "pct_digitised", "mean",
                                    note=N_("every museum counts once")),
    "weighted_pct_digitised": MapMetric(N_("Objects digitised (collection-weighted)"), "%", "pct_digitised",
                                        "weighted_mean", note=N_("share of objects: sum(% x objects) / sum(objects); n = "
                                                                 "museums that gave both share and collection size")),
    "pct_online": MapMetric(N_("Collection online (unweighted mean)"), "%", "pct_online", "mean"),
    "pct_to_digitise": MapMetric(N_("Collection still to digitise (unweighted mean)"), "%", "pct_to_digitise",
                                 "mean",
                                 note=N_("100 - % digitised - % that needs no digitising")),
    "ai_literacy_gap": MapMetric(N_("AI-literacy training gap to target (mean)"), "pp", "ai_literacy_gap_pct",
                                 "mean",
                                 note=N_("percentage points of staff still to train in AI literacy to reach "
                                         "the target")),
    "skills_gap_index": MapMetric(N_("Digital skills gap index (mean)"), "index", "skills_gap_index", "mean",
                                  note=N_("0 = every skill area at target, 1 = the largest possible gap")),
    "total_shortfall": MapMetric(N_("Funding shortfall to 2030 (total)"), "EUR M", "funding_shortfall_eur", "sum",
                                 scale=1e-6, note=N_("{shortfall}, summed over the museums that gave both "
                                                     "needs and budget")),
    "shortfall_per_museum": MapMetric(N_("Funding shortfall to 2030 per museum"), "EUR k", "funding_shortfall_eur",
                                      "sum_per_museum", scale=1e-3,
                                      note=N_("total shortfall divided by the museums that gave both needs and "
                                              "budget")),
    "shortfall_ratio": MapMetric(N_("Share of funding need not covered (mean shortfall ratio)"), "%",
                                 "shortfall_ratio", "mean", scale=100.0,
                                 note=N_("per museum: shortfall / need; unweighted mean")),
}


def country_values(con: duckdb.DuckDBPyConnection, filters: Filters, metric: str) -> pd.DataFrame:
    """One row per country: `country`, `n` (museums behind the figure), `value` (in the metric's unit) and
    `suppressed` (n below SUPPRESS_BELOW_N: value None). Means are added up from fact_cells, sums come from
    `totals`."""
    spec = MAP_METRICS[check(metric, MAP_METRICS)]
    if spec.aggregate in ("mean", "weighted_mean"):
        c, (where, params) = spec.column, filters.where()
        weighted = spec.aggregate == "weighted_mean"       # n = museums with both the share and a collection size
        table, f = source([c], weighted)
        frame = query(con, f"""
            SELECT country, {stat("n_weighted" if weighted else "n", c, f)} AS n,
                   {stat(spec.aggregate, c, f)} AS value, {stat("sd", c, f)} AS sd
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
    frame = suppress(frame, ["value", "sd"])
    return frame.sort_values(["suppressed", "value", "country"], ascending=[True, False, True],
                             na_position="last").reset_index(drop=True)
