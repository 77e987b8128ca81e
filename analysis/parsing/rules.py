"""The survey's rules, applied to parsed rows: errors block the file, warnings are shown but allowed.

Per-cell parsing problems (text in a number field, unknown answers) are found in analysis.parsing.normalise.
Here: required answers, ranges (a pandera schema generated from analysis.schema), the cross-field rules
of survey-schema.md and museums listed twice. Every finding points at the row and column a person sees.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pandera.pandas as pa

from analysis import formats, i18n, schema
from analysis.i18n import _
from analysis.parsing.report import ERROR, WARNING, FileReport


@lru_cache(maxsize=1)
def range_schema() -> pa.DataFrameSchema:
    """Range checks for every numeric field, generated from analysis.schema."""
    columns = {}
    for f in schema.FIELDS:
        if f.kind not in schema.NUMERIC_KINDS:
            continue
        checks = []
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum, name="min"))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum, name="max"))
        columns[f.name] = pa.Column(float, checks=checks, nullable=True, required=False)
    return pa.DataFrameSchema(columns, strict=False)


def _range_message(f: schema.Field, value: float, check: str) -> tuple[str, str]:
    label, shown = i18n.survey_label(f.label), formats.plain(value)
    if f.kind == schema.MONEY and value < 0:
        return "negative_amount", _("{value} is negative. {field} must be at least 0 (in euros).").format(
            value=shown, field=label)
    if f.kind == schema.PERCENT:
        return "out_of_range", _("{value} is outside 0–100. {field} is a percentage between 0 and 100.").format(
            value=shown, field=label)
    lo = "" if f.minimum is None else formats.plain(f.minimum)
    hi = "" if f.maximum is None else formats.plain(f.maximum)
    allowed = (_("between {low} and {high}") if lo and hi else _("at least {low}")).format(low=lo, high=hi)
    unit = " ({unit})".format(unit=i18n.survey_label(f.unit)) if f.unit else ""
    return "out_of_range", _("{value} is not allowed. {field} must be {allowed}{unit}.").format(
        value=shown, field=label, allowed=allowed, unit=unit)


def check(frame: pd.DataFrame, report: FileReport, columns: dict[tuple[str, str], tuple[str, str]]) -> None:
    def where(i: int, name: str, value: object = None) -> dict:
        sheet, row = frame.at[i, "_sheet"], int(frame.at[i, "_row"])
        header, letter = columns.get((sheet, name), (schema.FIELDS_BY_NAME[name].label, ""))
        return {"sheet": sheet, "row": row, "column": header, "value": value,
                "cell": f"{letter}{row}" if letter else ""}

    _check_required(frame, report, columns, where)
    _check_ranges(frame, report, where)
    _check_cross_fields(frame, report, where)
    _check_duplicates(frame, report, where)


def _check_required(frame, report, columns, where) -> None:
    # A cell whose answer could not be read already has its error: do not call it missing as well.
    unreadable = {(f.sheet, f.row, f.column) for f in report.errors}
    rows_with_errors = {(sheet, row) for sheet, row, _ in unreadable}
    sheets = frame["_sheet"].unique()
    for name in schema.REQUIRED:
        f = schema.FIELDS_BY_NAME[name]
        missing_column = [s for s in sheets if (s, name) not in columns]
        for i in frame.index[frame[name].isna()]:
            sheet = frame.at[i, "_sheet"]
            if sheet in missing_column and name == "survey_wave":
                continue                                   # reported once below
            place = where(i, name)
            if (place["sheet"], place["row"], place["column"]) in unreadable:
                continue
            report.add(ERROR, "required_missing", _("{field} is missing; every museum row needs it.").format(
                field=i18n.survey_label(f.label)), **place)
        if name == "survey_wave" and frame[name].isna().any():
            report.add(ERROR, "no_wave", _("The survey wave is not given: add a 'Survey wave' column or choose the "
                                           "wave when loading the file (for example --wave 2025)."))
    answered = frame[list(schema.SURVEY_FIELDS)].notna().any(axis=1)
    for i in frame.index[~answered]:
        if (frame.at[i, "_sheet"], int(frame.at[i, "_row"])) in rows_with_errors:
            continue
        report.add(ERROR, "no_survey_answers",
                   _("This museum row answers none of the digitisation, skills, AI or funding questions."),
                   **where(i, "museum_name", frame.at[i, "museum_name"]))


def _check_ranges(frame, report, where) -> None:
    numeric = [f.name for f in schema.FIELDS if f.kind in schema.NUMERIC_KINDS]
    values = frame[numeric].apply(pd.to_numeric, errors="coerce").astype(float)
    try:
        range_schema().validate(values, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.dropna(subset=["index"])
        for case in cases.itertuples():
            f = schema.FIELDS_BY_NAME[case.column]
            rule, message = _range_message(f, float(case.failure_case), case.check)
            i = int(case.index)
            report.add(ERROR, rule, message, **where(i, f.name, frame.at[i, f.name]))
            frame.at[i, f.name] = None             # never store a value that broke a rule


def _num(frame: pd.DataFrame, name: str) -> pd.Series:
    return pd.to_numeric(frame[name], errors="coerce").astype(float)


def _check_cross_fields(frame, report, where) -> None:
    digitised, no_need = _num(frame, "pct_digitised"), _num(frame, "pct_no_need_digitise")
    cell = lambda i, name: formats.plain(frame.at[i, name])  # noqa: E731
    rules = [
        (digitised + no_need > 100 + 1e-9, ERROR, "digitised_plus_no_need_over_100", "pct_digitised",
         lambda i: _("Digitised ({digitised} %) plus no need to digitise ({no_need} %) is more than 100 %.").format(
             digitised=formats.plain(digitised[i]), no_need=formats.plain(no_need[i]))),
        (_num(frame, "pct_digitised_3d") > digitised + 1e-9, ERROR, "3d_over_digitised", "pct_digitised_3d",
         lambda i: _("Digitised in 3D ({in_3d} %) cannot be more than digitised overall ({digitised} %).").format(
             in_3d=cell(i, "pct_digitised_3d"), digitised=formats.plain(digitised[i]))),
        (_num(frame, "staff_fte_digital") > _num(frame, "staff_paid_fte") + 1e-9, ERROR,
         "digital_staff_over_paid_staff", "staff_fte_digital",
         lambda i: _("Digital staff ({digital} FTE) cannot be more than all paid staff ({paid} FTE).").format(
             digital=cell(i, "staff_fte_digital"), paid=cell(i, "staff_paid_fte"))),
        (_num(frame, "immovable_at_risk_3d_n") > _num(frame, "immovable_at_risk_n"), ERROR, "3d_over_total",
         "immovable_at_risk_3d_n",
         lambda i: _("More monuments at risk digitised in 3D than monuments at risk.")),
        (_num(frame, "immovable_most_visited_3d_n") > _num(frame, "immovable_most_visited_n"), ERROR,
         "3d_over_total", "immovable_most_visited_3d_n",
         lambda i: _("More most-visited monuments digitised in 3D than most-visited monuments.")),
        (_num(frame, "pct_online") > digitised + 1e-9, WARNING, "online_over_digitised", "pct_online",
         lambda i: _("Online ({online} %) is more than digitised ({digitised} %). This happens when records "
                     "without images are published; please confirm.").format(
             online=cell(i, "pct_online"), digitised=formats.plain(digitised[i]))),
    ]
    rights = frame[["pct_online_open", "pct_online_restricted", "pct_online_rights_unknown"]].apply(
        pd.to_numeric, errors="coerce").astype(float)
    total = rights.sum(axis=1)
    rules.append((rights.notna().all(axis=1) & ((total - 100).abs() > 2), WARNING, "rights_not_100",
                  "pct_online_open",
                  lambda i: _("The three rights shares of online material add up to {total} %, not 100 %.").format(
                      total=formats.plain(total[i]))))
    for mask, severity, rule, column, message in rules:
        for i in frame.index[mask.fillna(False)]:
            report.add(severity, rule, message(i), **where(i, column, frame.at[i, column]))


def _check_duplicates(frame, report, where) -> None:
    key = frame[["museum_id", "survey_wave"]]
    dupes = key.duplicated(keep=False) & key.notna().all(axis=1)
    for (museum, wave), group in frame[dupes].groupby(["museum_id", "survey_wave"]):
        rows = ", ".join(str(r) for r in group["_row"])
        for i in group.index[1:]:
            report.add(ERROR, "duplicate_museum",
                       _("Museum '{name}' ({museum}) appears more than once for wave {wave} (rows {rows}). Keep one "
                         "row per museum, or give each its own museum ID.").format(
                           name=frame.at[i, "museum_name"], museum=museum, wave=wave, rows=rows),
                       **where(i, "museum_id", museum))
