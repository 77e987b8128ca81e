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
    # weighted estimates and wave change (Methodology)
    "se": N_("Standard error"), "df": N_("Degrees of freedom"), "total": N_("Total"),
    "total_lo": N_("Total, 95 % from"), "total_hi": N_("Total, 95 % to"), "strata": N_("Strata"),
    "merged": N_("Strata merged"),
    "countries": N_("Countries"), "base_wave": N_("First wave"), "latest_wave": N_("Latest wave"),
    "n_base": N_("Museums, first wave (n)"), "n_latest": N_("Museums, latest wave (n)"),
    "mean_base": N_("Mean, first wave"), "mean_latest": N_("Mean, latest wave"), "change": N_("Change"),
    "n_panel": N_("Museums in both waves (n)"), "panel_base": N_("Same museums, first wave"),
    "panel_latest": N_("Same museums, latest wave"), "panel_change": N_("Same museums, change"),
    "panel_lo": N_("Same museums, change 95 % from"), "panel_hi": N_("Same museums, change 95 % to"),
    "mean_pct_digitised (%)": N_("Collection digitised, mean (%)"),
    # scenarios, their outlook and the cost model
    "rule": N_("Rule"), "budget_eur": N_("Sum invested (EUR)"), "museums_funded": N_("Museums fully funded"),
    "funded_pct": N_("Museums fully funded (%)"), "closed_eur": N_("Shortfall closed (EUR)"),
    "closed_pct": N_("Shortfall closed (%)"), "remaining_eur": N_("Shortfall left (EUR)"),
    "now_pct": N_("Digitised now (%)"), "n_pace": N_("Museums with a pace (n)"),
    "pace_pp": N_("Pace (points a year)"), "years": N_("Years to the horizon"),
    "projected_pct": N_("At this pace (%)"), "money_eur": N_("Sum spent on digitising (EUR)"),
    "extra_objects": N_("Objects the sum digitises"), "extra_pp": N_("Added by the sum (points)"),
    "with_money_pct": N_("With the sum (%)"), "ceiling_pct": N_("Ceiling (%)"), "target_pct": N_("Target (%)"),
    "assets_3d": N_("Sites in 3D"), "objects_to_digitise": N_("Objects still to digitise"),
    "share_3d_pct": N_("3D share (%)"), "modelled_cost_eur": N_("Modelled cost (EUR)"),
    "declared_need_eur": N_("Declared need (EUR)"), "times_apart": N_("Times apart"),
    "cost_2d_eur": N_("2D, EUR an object"), "cost_3d_eur": N_("3D, EUR an object"),
    "kind": N_("Kind"), "low": N_("Low"), "high": N_("High"), "currency": N_("Currency"), "year": N_("Year"),
    "source": N_("Source"), "covers": N_("What it covers"), "url": N_("Source address"),
    # EU funding
    "museums_with_eu_funding": N_("Museums with EU funding"),
    "share_with_eu_funding_pct": N_("Museums with EU funding (%)"), "total_eu_funding_eur": N_("EU funding (EUR)"),
    "museums_naming_eu_source": N_("Museums naming an EU source"),
    "share_naming_eu_source_pct": N_("Museums naming an EU source (%)"), "n_sources": N_("Museums naming a source (n)"),
    # methodology tables and a load's findings
    "formula": N_("Formula"), "type": N_("Type"), "allowed": N_("Allowed answers"),
    "required": N_("Required"), "help": N_("Help"), "survey_wave": N_("Wave"), "target_year": N_("Target year"),
    "is_placeholder": N_("Placeholder"), "file": N_("File"), "sheet": N_("Sheet"), "row": N_("Row"),
    "column": N_("Column"), "message": N_("Finding"),
    # a museum register as read
    "museum_ref": N_("ID / code"), "name": N_("Name"), "size_band": N_("Size band"), "region": N_("Region"),
    "source_row": N_("Row in the file"), "reason": N_("Reason"),
}


def written_heading(column: str) -> str | None:
    """The heading written for `column` in the current language: from HEADINGS, a survey field's label, or the
    column itself when it is already in words (not snake_case); None when there is none."""
    if column in HEADINGS:
        return _(HEADINGS[column]).format(n=limits.SUPPRESS_BELOW_N)
    if not re.fullmatch(r"[a-z0-9_]+", column):
        return column
    field = schema.FIELDS_BY_NAME.get(column)
    return i18n.survey_label(field.label) if field is not None else None


def heading(column: str) -> str:
    """'shortfall_eur' -> 'Shortfall (EUR)'; a column with no written heading in plain (English) words."""
    if (written := written_heading(column)) is not None:
        return written
    words = column.replace("_", " ").strip()
    for raw, nice in ((" eur", " (EUR)"), (" pct", " (%)"), ("pct ", "% ")):
        words = words.replace(raw, nice)
    return words[:1].upper() + words[1:]


def _yes_no(value) -> str:
    if formats.is_missing(value):
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
