"""Digitisation levels, rights of online material, targets in force, the 3D milestones and the pace to 2030."""

from __future__ import annotations

import duckdb

from analysis import formats, limits, schema
from analysis.figures.sql import MEDIAN, NUMERIC, answer_shares, check, per_column, query, source, suppress
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from analysis.lazy import pandas as pd
from analysis.store import derived

# The levels the Digitisation page compares (column of museum_metrics -> label).
LEVELS = {"pct_catalogued_db": N_("Catalogued in a database"), "pct_digitised": N_("Digitised (2D or 3D)"),
          "pct_digitised_3d": N_("Digitised in 3D"), "pct_online": N_("Online"),
          "pct_in_europeana_dataspace": N_("In Europeana")}
RIGHTS = {"pct_online_open": N_("Open licence"), "pct_online_restricted": N_("Restricted licence"),
          "pct_online_rights_unknown": N_("Rights unknown")}
ON_TRACK_LABELS = {"reached": N_("Target already reached"), "on_track": N_("On track"), "behind": N_("Behind pace"),
                   "no_earlier_answer": N_("No earlier answer to compare")}
ON_TRACK_DEFINITION = N_(
    "A museum is **on track** for {year} when the share of its collection it digitised each year since its "
    "previous answer (same museum ID, earlier wave and year) is at least the yearly pace it still needs: its gap "
    "to the target divided by the years left to {year}. Museums at or above the target count as reached; museums "
    "answering for the first time cannot be judged yet.")


def on_track_definition() -> str:
    """ON_TRACK_DEFINITION in the current language, with the horizon year."""
    return _(ON_TRACK_DEFINITION).format(year=schema.HORIZON_YEAR)


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
    cols = [check(c, NUMERIC) for c in columns]
    where, params = filters.where()
    table, f = source(cols, weighted=True)
    frame = per_column(con, table, where, params, cols, {
        "n": f["n"], "mean": f["mean"], **median, "n_weighted": f["n_weighted"], "weighted_mean": f["weighted_mean"]},
                        "metric")
    frame["label"] = [_(LEVELS.get(m, m)) for m in frame["metric"]]
    frame = suppress(frame, ["mean", *median])
    frame.loc[frame["n_weighted"] < limits.SUPPRESS_BELOW_N, "weighted_mean"] = None
    return frame[["metric", "label", "n", "mean", *median, "n_weighted", "weighted_mean", "suppressed"]]


def rights_shares(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Mean share of online material that is openly licensed / restricted / of unknown rights, over the
    museums that answered all three (so the means add up to about 100)."""
    where, params = filters.where()
    answered = " AND ".join(f"{c} IS NOT NULL" for c in RIGHTS)
    means = ", ".join(f"avg({c}) AS {c}" for c in RIGHTS)
    row = query(con, f"SELECT count(*) AS n, {means} FROM museum_metrics WHERE {where} AND {answered}",
                 params).iloc[0]
    frame = pd.DataFrame({"rights": list(RIGHTS), "label": [_(label) for label in RIGHTS.values()],
                          "n": int(row["n"]), "mean_share": [row[c] for c in RIGHTS]})
    return suppress(frame, ["mean_share"])


def targets_in_force(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The targets that apply to the filtered museums: one row per metric, target year, value and
    placeholder flag, with how many museums it applies to (most museums first). Museums are counted per
    (country, type, wave) in the small fact_cells table, then matched to the target in force for that cell
    (the cell_target_choices view of analysis.store, where the precedence is defined)."""
    where, params = filters.where()
    return query(con, f"""
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
    assets = {"at_risk": _("Monuments and sites at risk"), "most_visited": _("Most-visited monuments and sites")}
    select = []
    for asset in assets:           # managed: count > 0 and the 3D count answered (analysis.store.derived.CELL_SUMS)
        select += [f"COALESCE(sum(x__managed_{asset}), 0)::BIGINT", f"sum(x__assets_{asset})",
                   f"sum(x__assets_3d_{asset})",
                   f"100.0 * sum(x__assets_3d_{asset}) / NULLIF(sum(x__assets_{asset}), 0)",
                   *(f"sum(x__target_assets_{asset}_{year}) / NULLIF(sum(x__targeted_assets_{asset}_{year}), 0)"
                     for year in derived.MILESTONE_YEARS)]
    with con.cursor() as cur:       # the milestones in force per museum are columns of museum_facts
        row = cur.execute(f"SELECT {', '.join(select)} FROM fact_cells WHERE {where}", params).fetchone()
    frame = pd.DataFrame([(asset, label, *row[6 * i:6 * i + 6]) for i, (asset, label) in enumerate(assets.items())],
                         columns=["asset", "label", "n", "assets", "assets_3d", "share_3d", "target_2025",
                                  "target_2030"])
    frame[["share_3d", "target_2025", "target_2030"]] = frame[["share_3d", "target_2025", "target_2030"]].astype(float)
    frame = suppress(frame, ["assets", "assets_3d", "share_3d"])
    frame[["assets", "assets_3d"]] = frame[["assets", "assets_3d"]].astype("Int64")
    return frame


def on_track_2030(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """How many museums have reached the digitisation target, are on track or behind pace for it, or
    cannot be judged (no earlier answer); n = museums with a known gap to target."""
    where, params = filters.where()
    with con.cursor() as cur:       # each answer's status is kept in museum_facts (analysis.store.derived.facts_select)
        counts = dict(cur.execute(f"SELECT on_track_status, count(*) FROM museum_facts WHERE {where} "
                                  "AND on_track_status IS NOT NULL GROUP BY 1", params).fetchall())
    return answer_shares(counts, {k: _(v) for k, v in ON_TRACK_LABELS.items()}, "status")


def pace_needed(con: duckdb.DuckDBPyConnection, filters: Filters, pace_pp: float) -> dict:
    """How many museums would need to digitise more than `pace_pp` percentage points a year to reach the
    target by the horizon; the median pace needed, and the median pace observed where an earlier answer exists."""
    where, params = filters.where()
    row = query(con, f"""
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


def target_in_force(targets: pd.DataFrame, metric: str = "pct_digitised") -> dict:
    """The target most of the filtered museums are measured against, in words, and a note when several apply."""
    rows = targets[targets["metric"] == metric]
    if rows.empty:
        return {"value": None, "short": _("none set"), "text": _("no target set"), "placeholder": False,
                "museums": 0, "note": ""}
    short = lambda r: _("{value} by {year}").format(value=formats.pct(r["value"]), year=r["target_year"])  # noqa: E731
    text = lambda r: short(r) + (" " + _("(placeholder target)") if r["is_placeholder"] else "")  # noqa: E731
    main = rows.iloc[0]                                     # most museums first (metrics.targets_in_force)
    for_whom = lambda r: (_("{target} for {n} museum") if r["museums"] == 1 else  # noqa: E731
                          _("{target} for {n} museums")).format(target=text(r), n=r["museums"])
    note = (_("Targets differ between these museums: {targets}.").format(
        targets=formats.clauses(for_whom(r) for _row, r in rows.iterrows())) if len(rows) > 1 else "")
    return {"value": float(main["value"]), "short": short(main), "text": text(main),
            "placeholder": bool(main["is_placeholder"]), "museums": int(rows["museums"].sum()), "note": note}
