"""Targets the figures are measured against: defaults from Recommendation (EU) 2021/1970, the AI Act and
DigComp, editable per country, museum type and wave. Stored in DuckDB (table `targets`, read by the
museum_metrics view); this module checks an edited table before analysis.store writes it."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pandas as pd
import pycountry

from analysis import formats, schema
from analysis.i18n import N_, _

# metric -> (label, unit, lowest, highest)
METRICS = {
    "pct_digitised": (N_("Collection digitised"), N_("% of collection"), 0, 100),
    "3d_at_risk": (N_("Monuments at risk digitised in 3D"), N_("% of those assets"), 0, 100),
    "3d_most_visited": (N_("Most-visited monuments digitised in 3D"), N_("% of those assets"), 0, 100),
    "skill_level": (N_("Staff digital skills (DigComp level)"), N_("level 1–8"), 1, 8),
    "pct_staff_ai_trained": (N_("Staff trained in AI literacy"), N_("% of staff"), 0, 100),
}
COLUMNS = ["metric", "country", "museum_type", "survey_wave", "target_year", "value", "is_placeholder", "source"]


def load(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    with con.cursor() as cur:
        return cur.execute(f"SELECT {', '.join(COLUMNS)} FROM targets "
                           "ORDER BY metric, target_year, country NULLS FIRST, museum_type NULLS FIRST").df()


def is_blank(value: object) -> bool:
    """An empty cell of an edited table: None, NA, NaN or ''."""
    return formats.is_missing(value) or value == ""


def edited_rows(frame: pd.DataFrame, columns) -> Iterator[tuple[str, dict]]:
    """The filled rows of an edited table ("Row 3", {column: value or None}); wholly blank rows are skipped."""
    for i, record in enumerate(frame.to_dict("records"), start=1):
        if not all(is_blank(record.get(c)) for c in columns):
            yield _("Row {row}").format(row=i), {c: None if is_blank(record.get(c)) else record.get(c) for c in columns}


def check(frame: pd.DataFrame) -> tuple[list[dict], list[str]]:
    """Return (clean rows, problems in words). A table with any problem is not saved."""
    rows, problems = [], []
    types = set(schema.FIELDS_BY_NAME["museum_type"].codes)
    for where, row in edited_rows(frame, COLUMNS):
        if row["metric"] not in METRICS:
            problems.append(_("{where}: choose a metric ({metrics}).").format(where=where, metrics=", ".join(METRICS)))
            continue
        label, unit, low, high = METRICS[row["metric"]]
        if row["country"] is not None:
            row["country"] = str(row["country"]).strip().upper()
            if pycountry.countries.get(alpha_2=row["country"]) is None:
                problems.append(_("{where}: '{value}' is not an ISO country code such as FR.").format(
                    where=where, value=row["country"]))
        if row["museum_type"] is not None and row["museum_type"] not in types:
            problems.append(_("{where}: '{value}' is not a museum type code.").format(where=where,
                                                                                      value=row["museum_type"]))
        if row["survey_wave"] is not None:
            row["survey_wave"] = str(row["survey_wave"]).strip()
        try:
            row["target_year"] = int(row["target_year"])
            row["value"] = float(row["value"])
        except (TypeError, ValueError):
            problems.append(_("{where}: target year and value must be numbers.").format(where=where))
            continue
        if not 2020 <= row["target_year"] <= 2050:
            problems.append(_("{where}: target year {year} should be between 2020 and 2050.").format(
                where=where, year=row["target_year"]))
        if not low <= row["value"] <= high:
            problems.append(_("{where}: {label} target {value} must be between {low} and {high} ({unit}).").format(
                where=where, label=_(label), value=formats.plain(row["value"]), low=low, high=high, unit=_(unit)))
        row["is_placeholder"] = bool(row["is_placeholder"])
        row["source"] = "" if row["source"] is None else str(row["source"])
        rows.append(row)
    keys = [(r["metric"], r["country"], r["museum_type"], r["survey_wave"], r["target_year"]) for r in rows]
    if len(keys) != len(set(keys)):
        problems.append(_("Two rows set the same target (same metric, country, type, wave and year): keep one."))
    for metric in ("pct_digitised", "skill_level", "pct_staff_ai_trained"):
        if not any(r["metric"] == metric and r["country"] is None and r["museum_type"] is None
                   and r["survey_wave"] is None for r in rows):
            problems.append(_("Keep a default row for '{metric}' (country, type and wave left blank).").format(
                metric=metric))
    return rows, problems
