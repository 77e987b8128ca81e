"""Load a file end to end: parse, validate and, only when there is no error, commit. Used by the CLI and the app."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from analysis import mappings, store, unit_costs
from analysis.ingest import ParsedUpload, parse_upload
from analysis.readers import Sheet, UnreadableFile, read_sheets, sniff_format


def load_bytes(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
               user: str = "cli", choices: dict[str, str | None] | None = None, remember: bool = False) -> dict:
    """One entry of the CLI's JSON: {"file", "status", "rows", "errors", "warnings", ...}. `choices` says what
    columns are, by heading as written, on any sheet ({heading: field, or None to leave it out}); with
    `remember` they are saved for the next file with the same headings once this one is stored."""
    sha = hashlib.sha256(data).hexdigest()
    earlier = store.find_duplicate(con, sha)
    if earlier is not None:
        return {"file": filename, "status": "duplicate", "rows": 0, "upload_id": earlier, "errors": [],
                "warnings": [], "sha256": sha,
                "message": f"This exact file was already loaded as upload {earlier}; nothing changed."}
    if not choices:
        return commit_parsed(con, parse(con, data, filename, wave=wave), user=user)
    try:
        sheets = read_sheets(data)[1]
    except UnreadableFile:
        return commit_parsed(con, parse(con, data, filename, wave=wave), user=user)
    decisions = mappings.decisions_by_heading(mappings.sheet_headings(sheets), choices)
    parsed = parse(con, data, filename, wave=wave, mapping=decisions, sheets=sheets)
    if remember:
        return commit_reviewed(con, parsed, user=user, sheets=sheets, mapping=decisions)
    return commit_parsed(con, parsed, user=user)


def commit_parsed(con: duckdb.DuckDBPyConnection, parsed: ParsedUpload, *, user: str) -> dict:
    report = parsed.report
    result = {**report.as_dict(), "rows": len(parsed.frame), "upload_id": None}
    if not parsed.ok:
        return {**result, "status": "rejected", "rows": 0,
                "message": f"{len(report.errors)} error(s): nothing was loaded from this file."}
    done = store.commit_upload(con, parsed.frame, filename=report.file, sha256=report.sha256,
                               sheets=report.sheets_used, user=user, warnings=result["warnings"],
                               report=result)
    message = (f"This exact file was already loaded as upload {done.upload_id}; nothing changed."
               if done.status == "duplicate" else
               f"Loaded {done.rows} museum row(s) as upload {done.upload_id}"
               + (f"; {done.superseded} replace earlier answers for the same wave." if done.superseded else "."))
    return {**result, "status": done.status, "rows": done.rows, "upload_id": done.upload_id,
            "superseded": done.superseded, "message": message}


def load_file(con: duckdb.DuckDBPyConnection, path: str | os.PathLike, *, wave: str | None = None,
              user: str = "cli", choices: dict[str, str | None] | None = None, remember: bool = False) -> dict:
    path = Path(path)
    return load_bytes(con, path.read_bytes(), path.name, wave=wave, user=user, choices=choices, remember=remember)


# --- what the Upload page (and the CLI, through load_bytes) build on ---------------------------------
def parse(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
          mapping: mappings.Decisions | None = None, sheets: list[Sheet] | None = None) -> ParsedUpload:
    """parse_upload with the saved mapping for each sheet's headings applied first; `mapping` (the analyst's
    own choices) wins over a saved one. The file is read once: pass `sheets` (read_sheets output) when you
    have them already."""
    try:
        read = (sniff_format(data), sheets) if sheets else read_sheets(data)
    except UnreadableFile:
        return parse_upload(data, filename, wave=wave)             # reports why, in plain words
    saved = mappings.saved_for(con, mappings.sheet_headings(read[1]))
    parsed = parse_upload(data, filename, wave=wave, mapping={**saved.decisions, **(mapping or {})}, read=read)
    mappings.mark_saved(parsed.report, saved, mapping or {})
    unit_costs.check_upload(con, parsed)          # declared needs far from the cost model: warnings, not changes
    return parsed


def commit_reviewed(con: duckdb.DuckDBPyConnection, parsed: ParsedUpload, *, user: str,
                    sheets: list[Sheet], mapping: mappings.Decisions) -> dict:
    """Commit a file the analyst reviewed; when it is stored, remember the analyst's column choices (with
    the saved ones they built on) for the next sheet with the same headings."""
    result = commit_parsed(con, parsed, user=user)
    if result["status"] == "committed" and mapping:
        result["mapping_saved_for"] = remember_mapping(con, sheets, mapping, user=user, filename=parsed.report.file)
    return result


def remember_mapping(con: duckdb.DuckDBPyConnection, sheets: list[Sheet], mapping: mappings.Decisions, *,
                     user: str, filename: str) -> list[str]:
    """Save the analyst's column choices, on top of those already saved for the same headings; returns the
    sheets they were saved for."""
    headings = mappings.sheet_headings(sheets)
    saved = mappings.saved_for(con, headings)
    return mappings.save(con, headings, {**saved.decisions, **mapping}, user=user, filename=filename)
