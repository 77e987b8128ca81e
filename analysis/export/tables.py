"""Tables for people: headings in words, thousands separators, one decimal, blanks for missing values.

Downloads keep the raw columns (analysts compute with them); what is shown on a page goes through here.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.io.formats.style import Styler

from analysis import formats, i18n, limits, schema
from analysis.i18n import N_, _

_HIDDEN = N_("Not shown (fewer than {n} answers)")

# Column names used by the aggregates (analysis.figures.metrics) and what a reader calls them.
HEADINGS = {
    "n": N_("Museums (n)"), "group": N_("Group"), "label": N_("Label"), "country": N_("Country"),
    "country_name": N_("Country"), "mean": N_("Mean"), "sd": N_("Standard deviation"), "median": N_("Median"),
    "q1": N_("Lower quartile"), "q3": N_("Upper quartile"), "min": N_("Lowest"), "max": N_("Highest"),
    "weighted_mean": N_("Collection-weighted mean"), "n_weighted": N_("Museums weighted (n)"),
    "suppressed": _HIDDEN, f"suppressed_below_{limits.SUPPRESS_BELOW_N}": _HIDDEN,
    "share": N_("Share of museums (%)"), "museums": N_("Museums"), "value": N_("Value"),
    "mean_pct_digitised": N_("Collection digitised, mean (%)"),
    "weighted_pct_digitised": N_("Objects digitised (%)"), "need_eur": N_("Need (EUR)"),
    "n_need": N_("Museums with a need (n)"), "shortfall_eur": N_("Shortfall (EUR)"),
    "n_shortfall": N_("Museums with need and budget (n)"), "available_eur": N_("Budget over the horizon (EUR)"),
    "n_available": N_("Museums with a budget (n)"), "shortfall_per_museum_eur": N_("Shortfall per museum (EUR)"),
    "museums_with_gap": N_("Museums with a gap"), "mean_shortfall_ratio_pct": N_("Mean share of need unfunded (%)"),
    "mean_level": N_("Mean level"), "target_level": N_("Target level"), "mean_gap": N_("Mean gap to target"),
    "pct_below_target": N_("Museums below target (%)"), "mean_pct": N_("Mean (%)"), "median_pct": N_("Median (%)"),
    "pooled_pct": N_("Pooled (%)"), "mean_share": N_("Mean share (%)"), "share_3d": N_("Digitised in 3D (%)"),
    "target_2025": N_("2025 milestone (%)"), "target_2030": N_("2030 milestone (%)"), "assets": N_("Sites"),
    "pillar": N_("Pillar"), "answer": N_("Answer"), "question": N_("Question"), "tier": N_("In place?"),
    "status": N_("Status"), "level": N_("Level"), "band": N_("Band"), "area": N_("Area"), "metric": N_("Measure"),
    "field": N_("Question"), "rights": N_("Rights"), "asset": N_("Asset"), "unit": N_("Unit"), "scope": N_("Scope"),
    "N": N_("Museums in frame"), "lo": N_("95 % interval from"), "hi": N_("95 % interval to"),
    "unweighted_mean": N_("Unweighted mean"), "note": N_("Note"), "indicator": N_("Indicator"),
}


def heading(column: str) -> str:
    """'shortfall_eur' -> 'Shortfall (EUR)'; survey fields by their label; anything else in plain words; in the
    current language. A heading already written for people (not snake_case) is kept."""
    if not re.fullmatch(r"[a-z0-9_]+", column) and column not in HEADINGS:
        return column
    if column in HEADINGS:
        return _(HEADINGS[column]).format(n=limits.SUPPRESS_BELOW_N)
    field = schema.FIELDS_BY_NAME.get(column)
    if field is not None:
        return i18n.survey_label(field.label)
    words = column.replace("_", " ").strip()
    for raw, nice in ((" eur", " (EUR)"), (" pct", " (%)"), ("pct ", "% ")):
        words = words.replace(raw, nice)
    return words[:1].upper() + words[1:]


def _yes_no(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return _("Yes") if value else _("No")


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
    decimal, group = formats.separators()
    return shown.style.format(special, precision=1, thousands=group, decimal=decimal, na_rep="")
