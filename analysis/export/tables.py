"""Tables for people: headings in words, thousands separators, one decimal, blanks for missing values.

Downloads keep the raw columns (analysts compute with them); what is shown on a page goes through here.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.io.formats.style import Styler

from analysis import limits, schema

_HIDDEN = f"Not shown (fewer than {limits.SUPPRESS_BELOW_N} answers)"

# Column names used by the aggregates (analysis.figures.metrics) and what a reader calls them.
HEADINGS = {
    "n": "Museums (n)", "group": "Group", "label": "Label", "country": "Country", "country_name": "Country",
    "mean": "Mean", "sd": "Standard deviation", "median": "Median", "q1": "Lower quartile", "q3": "Upper quartile",
    "min": "Lowest", "max": "Highest", "weighted_mean": "Collection-weighted mean", "n_weighted": "Museums weighted (n)",
    "suppressed": _HIDDEN, f"suppressed_below_{limits.SUPPRESS_BELOW_N}": _HIDDEN,
    "share": "Share of museums (%)", "museums": "Museums", "value": "Value",
    "mean_pct_digitised": "Collection digitised, mean (%)", "weighted_pct_digitised": "Objects digitised (%)",
    "need_eur": "Need (EUR)", "n_need": "Museums with a need (n)", "shortfall_eur": "Shortfall (EUR)",
    "n_shortfall": "Museums with need and budget (n)", "available_eur": "Budget over the horizon (EUR)",
    "n_available": "Museums with a budget (n)", "shortfall_per_museum_eur": "Shortfall per museum (EUR)",
    "museums_with_gap": "Museums with a gap", "mean_shortfall_ratio_pct": "Mean share of need unfunded (%)",
    "mean_level": "Mean level", "target_level": "Target level", "mean_gap": "Mean gap to target",
    "pct_below_target": "Museums below target (%)", "mean_pct": "Mean (%)", "median_pct": "Median (%)",
    "pooled_pct": "Pooled (%)", "mean_share": "Mean share (%)", "share_3d": "Digitised in 3D (%)",
    "target_2025": "2025 milestone (%)", "target_2030": "2030 milestone (%)", "assets": "Sites",
    "pillar": "Pillar", "answer": "Answer", "question": "Question", "tier": "In place?", "status": "Status",
    "level": "Level", "band": "Band", "area": "Area", "metric": "Measure", "field": "Question", "rights": "Rights",
    "asset": "Asset", "unit": "Unit", "scope": "Scope", "N": "Museums in frame", "lo": "95 % interval from",
    "hi": "95 % interval to", "unweighted_mean": "Unweighted mean", "note": "Note", "indicator": "Indicator",
}


def heading(column: str) -> str:
    """'shortfall_eur' -> 'Shortfall (EUR)'; survey fields by their label; anything else in plain words.
    A heading already written for people (not snake_case) is kept."""
    if not re.fullmatch(r"[a-z0-9_]+", column) and column not in HEADINGS:
        return column
    if column in HEADINGS:
        return HEADINGS[column]
    field = schema.FIELDS_BY_NAME.get(column)
    if field is not None:
        return field.label
    words = column.replace("_", " ").strip()
    for raw, nice in ((" eur", " (EUR)"), (" pct", " (%)"), ("pct ", "% ")):
        words = words.replace(raw, nice)
    return words[:1].upper() + words[1:]


def _yes_no(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return "Yes" if value else "No"


def readable(frame: pd.DataFrame) -> Styler | pd.DataFrame:
    """The frame with readable headings and cells; numbers stay numbers, so columns still sort as numbers.
    A table too big for pandas to style (a per-museum list of a large store) keeps its headings only."""
    shown = frame.rename(columns={c: heading(str(c)) for c in frame.columns})
    shown = shown.loc[:, ~shown.columns.duplicated()]
    if shown.size > pd.get_option("styler.render.max_elements"):
        return shown
    special = {c: _yes_no for c in shown.columns if pd.api.types.is_bool_dtype(shown[c])}
    special |= {c: "{:.0f}" for c in shown.columns                 # 2021, not 2,021
                if re.search(r"\byear\b", str(c), re.I) and pd.api.types.is_numeric_dtype(shown[c])}
    return shown.style.format(special, precision=1, thousands=",", na_rep="")
