"""How every figure is read from the store: the columns that may be aggregated (checked against whitelists
before they reach SQL), the same statistics added up from fact_cells or computed from museum_facts, exact medians,
one row per column, and suppression of figures with fewer than SUPPRESS_BELOW_N museums behind them."""

from __future__ import annotations

import duckdb

from analysis import i18n, limits, schema
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from analysis.lazy import pandas as pd
from analysis.store import derived

# Groupings offered in breakdowns, with their labels.
GROUPS = {"country": N_("Country"), "museum_type": N_("Museum type"), "size_band": N_("Size"),
          "ownership": N_("Ownership"), "egmus_type_group": N_("EGMUS type group"), "survey_wave": N_("Survey wave"),
          "accredited": N_("Accredited")}

# Per-museum numeric metrics of museum_metrics that may be averaged or summed (each has its sufficient
# statistics in fact_cells, analysis.store).
DERIVED, NUMERIC = derived.DERIVED_NUMERIC, derived.NUMERIC_COLUMNS
CATEGORICAL = tuple(f.name for f in schema.FIELDS if f.kind in (schema.ENUM, schema.BOOL)) + (
    "size_band", "egmus_type_group")
MULTI = tuple(f.name for f in schema.FIELDS if f.kind == schema.MULTI)


def answer_labels(f: schema.Field | None) -> dict[str, str]:
    """A question's answers in words, in the current language: its choices, or yes and no."""
    if f is not None and f.choices:
        return {code: i18n.survey_label(label) for code, label in f.choices}
    return {"true": _("Yes"), "false": _("No")}


def check(name: str, allowed: tuple[str, ...] | dict) -> str:
    if name not in allowed:
        raise ValueError(f"unknown column {name!r}")
    return name


# The same statistics of a column {c}, two ways: added up from the sufficient statistics in fact_cells (analysis.store),
# a few thousand rows, for the columns it holds; or computed from the answers in museum_facts for any other.
_CELL_VAR = "greatest(0, (sum(q__{c}) - pow(sum(s__{c}), 2) / NULLIF(sum(n__{c}), 0)) / NULLIF(sum(n__{c}) - 1, 0))"
FROM_CELLS = {
    "n": "COALESCE(sum(n__{c}), 0)::BIGINT", "sum": "sum(s__{c})",
    "mean": "sum(s__{c}) / NULLIF(sum(n__{c}), 0)",
    "var": _CELL_VAR, "sd": f"sqrt({_CELL_VAR})",                    # as var_samp, stddev_samp: None below n = 2
    "n_weighted": "COALESCE(sum(wn__{c}), 0)::BIGINT",
    "weighted_mean": "sum(ws__{c}) / NULLIF(sum(wo__{c}), 0)"}      # sum(value x objects) / sum(objects)
FROM_ANSWERS = {
    "n": "count({c})", "sum": "sum({c})", "mean": "avg({c})", "var": "var_samp({c})", "sd": "stddev_samp({c})",
    "n_weighted": "count({c}) FILTER (collection_objects > 0)",
    "weighted_mean": "sum({c} * collection_objects) FILTER (collection_objects > 0) / NULLIF(sum(collection_objects) "
                     "FILTER ({c} IS NOT NULL AND collection_objects > 0), 0)"}
MEDIAN = "median({c})"                                                # not additive: always read from the answers


def source(columns, weighted: bool = False) -> tuple[str, dict[str, str]]:
    """fact_cells and its formulas when it holds the statistics of every column, else museum_facts."""
    kept = set(derived.CELL_WEIGHTED if weighted else derived.CELL_COLUMNS)
    return ("fact_cells", FROM_CELLS) if set(columns) <= kept else ("museum_facts", FROM_ANSWERS)


def stat(kind: str, column: str, formulas: dict[str, str] = FROM_CELLS) -> str:
    return formulas[kind].format(c=column)


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    with con.cursor() as cur:
        return cur.execute(sql, params).df()


def suppress(frame: pd.DataFrame, value_columns: list[str]) -> pd.DataFrame:
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    frame.loc[frame["suppressed"], value_columns] = None
    return frame


def answer_shares(counts: dict, labels: dict, key: str) -> pd.DataFrame:
    """One row per possible answer, in `labels` order: museums giving it, n (museums that answered) and the
    share of n; suppressed when n < SUPPRESS_BELOW_N."""
    n = sum(counts.values())
    hidden = n < limits.SUPPRESS_BELOW_N
    museums = [None if hidden else counts.get(k, 0) for k in labels]
    return pd.DataFrame({key: list(labels), "label": list(labels.values()),
                         "museums": pd.array(museums, dtype="Int64"), "n": n,
                         "share": [float("nan") if hidden else 100.0 * m / n for m in museums],
                         "suppressed": hidden})         # built whole: a few rows, where pandas' edits cost more



def per_column(con: duckdb.DuckDBPyConnection, table: str, where: str, params: list, columns: list[str],
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
        medians |= counted_medians(cur, where, params, counted)
        added = iter(cur.execute(f"SELECT {', '.join(sql for sql in cells if sql not in scanned)} FROM {table} "
                                 f"WHERE {where}", params).fetchone())
    row = [medians[sql] if sql in scanned else next(added) for sql in cells]
    width = len(aggregates)
    frame = pd.DataFrame([row[i * width:(i + 1) * width] for i in range(len(columns))], columns=list(aggregates))
    frame.insert(0, key, columns)
    return frame.astype({name: "int64" if name.startswith("n") else "float64" for name in aggregates})


def counted_medians(cur, where: str, params: list, columns: list[str]) -> dict[str, float | None]:
    """Exact medians of columns with few distinct answers (FEW_VALUES) from their counts per value, rather than by
    sorting every answer (counted_quantiles), as median() has them: ratings counted per cell (derived.CELL_LEVELS)
    from fact_cells, the others from one scan of the answers."""
    if not columns:
        return {}
    counts, scanned = [], [(i, c) for i, c in enumerate(columns) if c not in derived.CELL_LEVELS]
    if celled := [(i, c, level) for i, c in enumerate(columns) for level in derived.CELL_LEVELS.get(c, ())]:
        sums = ", ".join(f"sum(x__level__{c}__{level})" for _i, c, level in celled)
        found = cur.execute(f"SELECT {sums} FROM fact_cells WHERE {where}", params).fetchone()
        counted = [f"({i}, {level}, {int(n)})" for (i, _c, level), n in zip(celled, found) if n]
        counts += [f"SELECT * FROM (VALUES {', '.join(counted)}) AS counted(g, v, c)"] if counted else []
    if scanned:
        which = " ".join(f"WHEN grouping({c}) = 0 THEN {i}" for i, c in scanned)
        counts.append(f"SELECT * FROM (SELECT CASE {which} END AS g, "
                      f"COALESCE({', '.join(f'{c}::DOUBLE' for _i, c in scanned)}) AS v, count(*) AS c "
                      f"FROM museum_facts WHERE {where} "
                      f"GROUP BY GROUPING SETS ({', '.join(f'({c})' for _i, c in scanned)})) WHERE v IS NOT NULL")
    if not counts:
        return {MEDIAN.format(c=c): None for c in columns}
    found = dict(cur.execute(f"SELECT g, quantiles[1] FROM ({counted_quantiles(' UNION ALL '.join(counts), (0.5,))})",
                             params if scanned else []).fetchall())
    return {MEDIAN.format(c=c): found.get(i) for i, c in enumerate(columns)}


def counted_quantiles(counts: str, quantiles: tuple[float, ...]) -> str:
    """Per group g of `counts` (a query of rows g, v, c: c answers of value v in group g): `quantiles` as
    quantile_cont has them, bit for bit (the quantile q lies h = (n - 1) x q ranks up, between the answers ranked
    floor(h) and ceil(h)), and `min` and `max`, from a few hundred counts instead of a sort of every answer."""
    levels = ", ".join(f"({i}, {q})" for i, q in enumerate(quantiles))
    return f"""
        WITH counts AS ({counts}),
             ranked AS (SELECT g, v, sum(c) OVER (PARTITION BY g ORDER BY v) AS upto,
                               sum(c) OVER (PARTITION BY g) AS n FROM counts),
             levels AS (SELECT g, i, (n - 1) * q AS h, min(v) AS lowest, max(v) AS highest
                        FROM ranked, (VALUES {levels}) AS quantiles(i, q) GROUP BY g, n, i, q),
             ends AS (SELECT l.g, l.i, l.lowest, l.highest, (l.h - floor(l.h))::DOUBLE AS d,
                             min(r.v) FILTER (WHERE r.upto > floor(l.h)) AS lo,
                             min(r.v) FILTER (WHERE r.upto > ceil(l.h)) AS hi
                      FROM levels l JOIN ranked r USING (g) GROUP BY ALL)
        SELECT g, list(lo + (hi * d - lo * d) ORDER BY i) AS quantiles, any_value(lowest) AS min,
               any_value(highest) AS max
        FROM ends GROUP BY g"""


def spread_sql(metric: str, by: str, where: str) -> str:
    """Per group of `by` (not NULL): `quartiles` [q1, median, q3] as quantile_cont has them, `min` and `max` of
    `metric` over museum_facts rows matching `where`; for FEW_VALUES columns from counts per value."""
    if metric not in FEW_VALUES:
        return f"""SELECT {by} AS "group", quantile_cont({metric}, [0.25, 0.5, 0.75]) AS quartiles,
                          min({metric}) AS min, max({metric}) AS max
                   FROM museum_facts WHERE {where} AND {by} IS NOT NULL GROUP BY 1"""
    counts = (f"SELECT {by} AS g, {metric} AS v, count(*) AS c FROM museum_facts "
              f"WHERE {where} AND {by} IS NOT NULL AND {metric} IS NOT NULL GROUP BY 1, 2")
    quartiles = counted_quantiles(counts, (0.25, 0.5, 0.75))
    return f'SELECT g AS "group", quantiles AS quartiles, min, max FROM ({quartiles})'


# 1–N answer scales (Likert, DigComp level, AI literacy) whose answers can be counted level by level.
SCALES = tuple(f.name for f in schema.FIELDS if f.kind == schema.INT and f.minimum is not None
               and f.maximum is not None and f.maximum - f.minimum <= 10)
# Columns whose answers take a few hundred values at most (scales; percentages, given to a point or a decimal):
# their medians are found from counts per value (counted_medians).
FEW_VALUES = (*SCALES, *(f.name for f in schema.FIELDS if f.kind == schema.PERCENT))


def answer_counts(con: duckdb.DuckDBPyConnection, filters: Filters, fields: tuple[str, ...]) -> dict[str, dict]:
    """{field: {answer as text: museums}} for single-choice or yes/no questions: added up from fact_cells when it
    counts them all (derived.CELL_ANSWERS), else in one scan of the answers (grouping sets)."""
    cols = [check(f, CATEGORICAL) for f in fields]
    where, params = filters.where()
    if all(c in derived.CELL_ANSWERS for c in cols):
        keys = [(c, code) for c in cols for code in derived.CELL_ANSWERS[c]]
        sums = ", ".join(f"sum(x__answer__{c}__{code})" for c, code in keys)
        with con.cursor() as cur:
            row = cur.execute(f"SELECT {sums} FROM fact_cells WHERE {where}", params).fetchone()
        counted: dict[str, dict] = {c: {} for c in cols}
        for (c, code), museums in zip(keys, row):
            if museums:
                counted[c][code] = int(museums)
        return counted
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
