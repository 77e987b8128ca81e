"""Read one uploaded file into canonical survey rows plus a report of everything found on the way.

    bytes -> sheets (analysis.reading) -> header row (columns) -> what each column is (sheet_columns, headers)
          -> museum rows (sheet_rows, text_lines) -> cell values (column_values, normalise) -> checks (rules)
          -> ParsedUpload (frame + FileReport)

This module orchestrates, per file and per sheet, and fills in the wave and generated museum IDs.

Nothing here writes to the store: a ParsedUpload is committed by analysis.store only when it has no errors.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import formats, limits, schema
from analysis.i18n import _
from analysis.parsing import layouts, normalise, rules
from analysis.parsing.column_values import parse_columns
from analysis.parsing.columns import cell_text, find_header
from analysis.parsing.headers.concepts import read
from analysis.parsing.report import ERROR, WARNING, FileReport, SkipReason
from analysis.parsing.sheet_columns import decide_columns, map_columns
from analysis.parsing.sheet_rows import data_rows
from analysis.reading.formats import read_sheets
from analysis.reading.grid import Sheet, UnreadableFile


@dataclass
class ParsedUpload:
    report: FileReport
    frame: pd.DataFrame                    # canonical columns + _sheet, _row, museum_id_generated
    columns: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (sheet, field) -> (header, letter)

    @property
    def ok(self) -> bool:
        return not self.report.errors


def parse_upload(data: bytes, filename: str, *, wave: str | None = None,
                 mapping: dict[tuple[str, str], str | None] | None = None,
                 read: tuple[str, list[Sheet]] | None = None) -> ParsedUpload:
    """Parse and validate one file. `mapping` overrides the automatic column mapping:
    {(sheet, header as written): field, or None to leave the column out}. `read` is the file's
    read_sheets() result when the caller has it already (the file is then read once)."""
    report = FileReport(file=filename, sha256=hashlib.sha256(data).hexdigest())
    try:
        report.format, sheets = read or read_sheets(data)
    except UnreadableFile as exc:
        report.add(ERROR, "unreadable_file", str(exc), row=exc.row)
        return ParsedUpload(report, _empty_frame())
    frames, columns = [], {}
    for sheet in sheets:
        if sheet.note:
            report.notes.append(f"{filename}: {sheet.note}.")
        frame = _read_sheet(sheet, report, columns, mapping or {})
        if frame is not None:
            frames.append(frame)
    if not frames:
        _explain_no_survey(sheets, report)
        return ParsedUpload(report, _empty_frame(), columns)
    if not wave:
        wave = _infer_wave(frames, filename, report)
    frame = pd.concat(frames, ignore_index=True)
    if len(frame) > limits.MAX_ROWS:
        report.add(ERROR, "too_many_rows", _("The file has {rows} survey rows, more than the limit of {limit}. "
                                             "Split it into smaller files.").format(
            rows=formats.number(len(frame)), limit=formats.number(limits.MAX_ROWS)))
        return ParsedUpload(report, _empty_frame(), columns)
    frame = _fill_wave_and_ids(frame, wave, report)
    rules.check(frame, report, columns)
    return ParsedUpload(report, frame, columns)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame(columns=[*schema.FIELDS_BY_NAME, "_sheet", "_row", "museum_id_generated"])


def _read_sheet(sheet: Sheet, report: FileReport, columns: dict,
                overrides: dict[tuple[str, str], str | None]) -> pd.DataFrame | None:
    if not sheet.visible:
        report.sheets_skipped[sheet.name] = SkipReason.HIDDEN
        return None
    if sheet.is_blank():
        report.sheets_skipped[sheet.name] = SkipReason.EMPTY
        return None
    header = find_header(sheet.rows, sheet.merged)
    if header is None:
        report.sheets_skipped[sheet.name] = SkipReason.NO_HEADER
        return None
    layout = layouts.detect([[cell_text(v) for v in row] for row in sheet.rows[: header.rows[-1] + 1]])
    decided = decide_columns(sheet, header, layout, overrides)
    mapped = {m.field for m, _ in decided.values() if m.field}
    if not mapped & set(schema.SURVEY_FIELDS) or not mapped & {"museum_name", "museum_id", "country"}:
        report.recognised += [f.label for f in schema.FIELDS if f.name in mapped and f.label not in report.recognised]
        numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for row in sheet.rows for v in row)
        report.sheets_skipped[sheet.name] = SkipReason.LOOKUP_LIST if numbers else SkipReason.TEXT_ONLY
        return None
    if layout:
        report.layouts[sheet.name] = layout.tool
        report.notes.append(_("Sheet '{sheet}': recognised as a {tool} export.").format(sheet=sheet.name,
                                                                                         tool=layout.tool))
    fields_at, options = map_columns(sheet, header, decided, report, columns)
    raw, excel_rows = data_rows(sheet, header, fields_at, options, header.rows[-1] + 1, report)
    if not len(excel_rows):
        report.sheets_skipped[sheet.name] = SkipReason.NO_ROWS
        return None
    for row in sorted(set(sheet.hidden_rows) & set(excel_rows.tolist())):
        report.add(WARNING, "hidden_row", _("Row {row} is hidden in Excel; it was loaded like the other rows. "
                                            "Delete it from the sheet if it should not count.").format(row=row),
                   sheet=sheet.name, row=row)
    if sheet.formulas:
        report.add(WARNING, "formula_value_used",
                   _("{n} cell(s) hold formulas: the values Excel last calculated were used. Check them, or paste "
                     "the values in place of the formulas.").format(n=formats.number(sheet.formulas)),
                   sheet=sheet.name)
    report.sheets_used.append(sheet.name)
    report.header_rows[sheet.name] = [r + 1 for r in header.rows]
    frame = parse_columns(raw, sheet, excel_rows, columns, report)
    frame["_sheet"] = sheet.name
    frame["_row"] = excel_rows
    titles = [cell_text(v) for row in sheet.rows[: header.rows[0]] for v in row if cell_text(v)]
    frame.attrs["wave_hint"] = _year_in(titles, sheet.name)
    stated = _country_in(sheet.rows[: header.rows[0]])
    blank = frame["country"].isna() if "country" in frame else pd.Series(True, index=frame.index)
    if stated and blank.any():
        frame.loc[blank, "country"] = stated[0]
        report.add(WARNING, "country_from_title",
                   _("{n} row(s) give no country: {country} was taken from the lines above the table ('{words}'). "
                     "Give the country in a column if that is wrong.").format(
                       n=formats.number(int(blank.sum())), country=stated[0], words=stated[1]), sheet=sheet.name)
    return frame


def _country_in(rows: list[list]) -> tuple[str, str] | None:
    """The one country the lines above the table state with a label ("Riik: Eesti", "País: España"): its code and
    the words as written; None when they state none or several."""
    found = {}
    for row in rows:
        cells = [cell_text(v) for v in row if cell_text(v)]
        pairs = [tuple(c.split(":", 1)) for c in cells if ":" in c] + [
            (label, value) for label, value in zip(cells, cells[1:]) if label.endswith(":")]
        for label, value in pairs:
            code, problem = normalise.parse_cell(value, schema.FIELDS_BY_NAME["country"])
            if code and problem is None and "country" in read(label.strip(" :")).concepts:
                found[code] = f"{label.strip(' :')}: {value.strip()}"
    return next(iter(found.items())) if len(found) == 1 else None


_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")


def _year_in(*texts) -> str | None:
    """The one survey year (2000-2049) the texts mention, None when they mention none or several."""
    years = {y for text in texts for t in ([text] if isinstance(text, str) else text) for y in _YEAR.findall(t)}
    return years.pop() if len(years) == 1 else None


def _infer_wave(frames: list[pd.DataFrame], filename: str, report: FileReport) -> str | None:
    """When neither a wave column nor --wave is given, read the year from the title rows, the sheet name or
    the file name ("Museum survey 2025"), and say so in a warning."""
    if all("survey_wave" in f and f["survey_wave"].notna().all() for f in frames):
        return None
    hints = {f.attrs.get("wave_hint") for f in frames} - {None}
    source, year = (_("title or sheet name"), hints.pop()) if len(hints) == 1 else (
        _("file name"), _year_in(Path(filename).stem))
    if year:
        report.add(WARNING, "wave_from_title", _("No survey wave column: wave {wave} was taken from the {source}. "
                                                 "Give the wave when loading if that is wrong.").format(
            wave=year, source=source))
    return year


def _slug(text: str) -> str:
    """'Musée d’Art' -> 'musee-d-art': a typographic apostrophe separates words like a plain one does."""
    s = unicodedata.normalize("NFKD", re.sub(r"[’‘ʼ´`]", "'", text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


def _fill_wave_and_ids(frame: pd.DataFrame, wave: str | None, report: FileReport) -> pd.DataFrame:
    for name in schema.FIELDS_BY_NAME:
        if name not in frame:
            frame[name] = None
    if wave:
        blank = frame["survey_wave"].isna()
        if blank.any() and not blank.all():
            report.notes.append(_("Survey wave {wave} used for {n} row(s) with no wave.").format(
                wave=wave, n=int(blank.sum())))
        frame.loc[blank, "survey_wave"] = str(wave)
    no_id = frame["museum_id"].isna() & frame["museum_name"].notna() & frame["country"].notna()
    frame["museum_id_generated"] = no_id
    if no_id.any():
        frame.loc[no_id, "museum_id"] = [f"{c}-{_slug(n)}" for c, n in
                                         zip(frame.loc[no_id, "country"], frame.loc[no_id, "museum_name"])]
        report.notes.append(_("Museum ID generated from country and name for {n} row(s) that had none.").format(
            n=int(no_id.sum())))
    return frame


def _explain_no_survey(sheets: list[Sheet], report: FileReport) -> None:
    if report.errors:
        return
    reasons = report.sheets_skipped
    if SkipReason.NO_ROWS in reasons.values():
        report.add(ERROR, "no_data_rows", _("The survey columns are there but no museum rows were found under "
                                            "them. Nothing was loaded."))
        return
    register = [name for name, why in reasons.items() if why.has_headings]
    if register:
        # Columns were recognised, but only identification / classification ones: a register, not a survey.
        report.add(ERROR, "not_a_survey",
                   _("This looks like a list of museums (a register), not a survey: it has {columns} but none of the "
                     "survey questions on digitisation, skills, AI or funding (for example 'Collection digitised (%)' "
                     "or 'Digital budget available (EUR a year)'). Nothing was loaded.").format(
                       columns=", ".join(report.recognised) or _("no recognisable columns")), sheet=register[0])
        return
    headers = _first_headers(sheets)
    report.add(ERROR, "no_survey_header",
               _("No sheet has survey columns. A survey needs at least 'Museum name', 'Country' and one "
                 "digitisation, skills or funding question as column headers{found}. Nothing was loaded.").format(
                   found=formats.semicolon() + _("the first rows contain: {headers}").format(headers=", ".join(headers))
                   if headers else ""))


def _first_headers(sheets: list[Sheet]) -> list[str]:
    for sheet in sheets:
        if not sheet.visible:
            continue
        for row in sheet.rows[: limits.HEADER_SCAN_ROWS]:
            texts = [cell_text(v) for v in row if cell_text(v)]
            if len(texts) >= 2:
                return [f"'{t[:40]}'" for t in texts[:12]]
    return []
