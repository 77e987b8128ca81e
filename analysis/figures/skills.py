"""Digital skills (DigComp 2.2 areas), AI literacy and use, digital staff, strategy and policy, infrastructure."""

from __future__ import annotations

import duckdb

from analysis import i18n, schema
from analysis.figures.sql import (FROM_CELLS, GROUPS, MEDIAN, NUMERIC, SCALES, answer_counts, answer_labels,
                                  answer_shares, check, per_column, query, source, stat, suppress)
from analysis.figures.filters import Filters
from analysis.i18n import N_, _
from analysis.lazy import pandas as pd

# Reference values drawn on the Skills & AI charts (shared by charts and exports).
ENUMERATE_DIGITAL_FTE_PCT = 3.3     # ENUMERATE 2012: staff working on digital, % of paid staff
AI_TRAINED_TARGET_PCT = 100.0       # AI Act Art. 4: AI literacy for all staff (in force since 2 Feb 2025)
AI_LITERACY_LEVELS = {1: N_("None"), 2: N_("Awareness"), 3: N_("Can use safely"), 4: N_("Can deploy & evaluate")}
INFRA_FIELDS = ("infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment")
READINESS = {
    "has_digital_strategy": (N_("Digital strategy"), {"written": "yes", "unwritten": "partial", "none": "no"}),
    "ai_policy": (N_("AI policy"), {"adopted": "yes", "in_preparation": "partial", "none": "no"}),
    "skills_assessment_done": (N_("Skills needs assessed"), {"true": "yes", "false": "no"}),
    "training_plan": (N_("Training plan"), {"true": "yes", "false": "no"}),
}


def _field_label(column: str) -> str:
    field = schema.FIELDS_BY_NAME.get(column)
    return i18n.survey_label(field.label) if field else column.replace("_", " ").capitalize()


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
    cols = [check(c, NUMERIC) for c in columns]
    where, params = filters.where()
    table, f = source(cols)
    frame = per_column(con, table, where, params, cols, {"n": f["n"], "mean": f["mean"], "sd": f["sd"], **median},
                        "field")
    frame.insert(1, "label", [_field_label(c) for c in cols])
    return suppress(frame, ["mean", "sd", *median])


def skill_profile(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per DigComp 2.2 area: n, mean self-assessed level, the mean target level of those museums (default 4),
    the mean gap to it (skills_gap_<area>, 0 at or above target) and the % of museums below target."""
    where, params = filters.where()
    skill = {kind: sql.replace("{c}", "skill_{c}") for kind, sql in FROM_CELLS.items()}
    frame = per_column(con, "fact_cells", where, params, list(schema.SKILL_AREAS), {
        "n": skill["n"], "mean_level": skill["mean"], "sd": skill["sd"],
        "target_level": "sum(x__target_if_{c}) / NULLIF(sum(n__skill_{c}), 0)",
        "mean_gap": FROM_CELLS["mean"].replace("{c}", "skills_gap_{c}"),
        "pct_below_target": "100.0 * sum(x__below_{c}) / NULLIF(sum(n__skill_{c}), 0)"}, "area")
    frame.insert(1, "label", [i18n.survey_label(skill_area_label(a)) for a in frame["area"]])
    return suppress(frame, ["mean_level", "sd", "target_level", "mean_gap", "pct_below_target"])


def level_counts(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """For a 1–N scale question (AI literacy 1–4, a Likert 1–5): museums at each level and their share of
    those who answered; every level is listed, answered or not. Suppressed when n < 5."""
    f = schema.FIELDS_BY_NAME[check(field, SCALES)]
    where, params = filters.where()
    with con.cursor() as cur:
        counts = dict(cur.execute(f"SELECT {f.name}, count(*) FROM museum_metrics WHERE {where} AND {f.name} "
                                  "IS NOT NULL GROUP BY 1", params).fetchall())
    names = AI_LITERACY_LEVELS if f.name == "skill_ai_literacy" else {}
    levels = {v: _(names[v]) if v in names else str(v) for v in range(int(f.minimum), int(f.maximum) + 1)}
    return answer_shares(counts, levels, "level")


def ordered_shares(con: duckdb.DuckDBPyConnection, filters: Filters, field: str) -> pd.DataFrame:
    """Share of museums giving each answer of a single-choice or yes/no question, every answer listed in the
    survey's order (yes before no), with n = museums that answered. Suppressed when n < 5."""
    f = schema.FIELDS_BY_NAME[field]
    labels = answer_labels(f)
    return answer_shares(answer_counts(con, filters, (field,))[field], labels, "answer")


def strategy_and_policy(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The four readiness questions (digital strategy, AI policy, skills needs assessed, training plan):
    one row per question and answer with its tier (yes / partial / no), share and n."""
    counts = answer_counts(con, filters, tuple(READINESS))
    frames = []
    for field, (question, tiers) in READINESS.items():
        f = schema.FIELDS_BY_NAME[field]
        frame = answer_shares(counts[field], answer_labels(f), "answer")
        frames.append(frame.assign(field=field, question=_(question), tier=frame["answer"].map(tiers)))
    out = pd.concat(frames, ignore_index=True)
    return out[["field", "question", "answer", "label", "tier", "museums", "n", "share", "suppressed"]]


def digital_staff_share(con: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None) -> pd.DataFrame:
    """Digital FTE as % of paid FTE per group (all museums when by is None): n, the unweighted mean and median of
    museums' own shares, and the pooled share sum(digital FTE) / sum(paid FTE). Size bands come small to huge."""
    group = check(by, GROUPS) if by else "'All museums'"
    where, params = filters.where()
    share = "digital_fte_share"
    frame = query(con, f"""
        WITH stats AS (SELECT {group} AS "group", {stat("n", share)} AS n,
                              100 * {stat("mean", share)} AS mean_pct,
                              100 * {stat("sd", share)} AS sd,
                              100 * sum(x__digital_fte_if_share) / NULLIF(sum(x__paid_fte_if_share), 0) AS pooled_pct
                       FROM fact_cells WHERE {where} AND {group} IS NOT NULL GROUP BY 1),
        medians AS (SELECT {group} AS "group", 100 * median({share}) AS median_pct
                    FROM museum_facts WHERE {where} AND {group} IS NOT NULL GROUP BY 1)
        SELECT "group", n, mean_pct, sd, median_pct, pooled_pct FROM stats JOIN medians USING ("group")
        ORDER BY 1""", params + params)
    if by == "size_band":
        order = {band: i for i, (band, _) in enumerate(schema.SIZE_BANDS)}
        frame = frame.sort_values("group", key=lambda s: s.map(order)).reset_index(drop=True)
    return suppress(frame, ["mean_pct", "sd", "median_pct", "pooled_pct"])
