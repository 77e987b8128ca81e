"""Load a file end to end: parse, validate and, only when there is no error, commit. Used by the CLI and the app."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from io import BytesIO
from pathlib import Path

import duckdb

from analysis import limits, mappings, store
from analysis.ingest import ParsedUpload, parse_upload
from analysis.readers import Sheet, UnreadableFile, read_sheets, sniff_delimiter, sniff_format


def load_bytes(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
               user: str = "cli") -> dict:
    """One entry of the CLI's JSON: {"file", "status", "rows", "errors", "warnings", ...}."""
    sha = hashlib.sha256(data).hexdigest()
    earlier = store.find_duplicate(con, sha)
    if earlier is not None:
        return {"file": filename, "status": "duplicate", "rows": 0, "upload_id": earlier, "errors": [],
                "warnings": [], "sha256": sha,
                "message": f"This exact file was already loaded as upload {earlier}; nothing changed."}
    parsed = parse(con, data, filename, wave=wave)
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
              user: str = "cli") -> dict:
    path = Path(path)
    return load_bytes(con, path.read_bytes(), path.name, wave=wave, user=user)


# --- what the Upload page (and the CLI, through load_bytes) build on ---------------------------------
def parse(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
          mapping: mappings.Decisions | None = None, sheets: list[Sheet] | None = None) -> ParsedUpload:
    """parse_upload with the saved mapping for each sheet's headings applied first; `mapping` (the analyst's
    own choices) wins over a saved one. Pass `sheets` (read_sheets output) when you have them already:
    the headings are then found before parsing, so the file is parsed once."""
    mapping = mapping or {}
    parsed = None
    if sheets is None:
        parsed = parse_upload(data, filename, wave=wave, mapping=mapping)
        if any(why.startswith("no survey answer") for why in parsed.report.sheets_skipped.values()):
            sheets = read_sheets(data)[1]         # a skipped sheet may be brought in by a saved mapping
    headings = mappings.sheet_headings(sheets) if sheets is not None else mappings.report_headings(parsed.report)
    saved = mappings.saved_for(con, headings)
    if parsed is None or saved.decisions:
        parsed = parse_upload(data, filename, wave=wave, mapping={**saved.decisions, **mapping})
    mappings.mark_saved(parsed.report, saved, mapping)
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


_XLSX_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")          # <c r="B7" ...>, maybe namespaced
_CELL_TAGS = {"xlsx": _XLSX_CELL, "xlsm": _XLSX_CELL, "ods": re.compile(rb"<table:table-cell[\s>/]")}
_CHUNK = 1 << 20


def count_cells(data: bytes, stop_after: int | None = None) -> int | None:
    """How many cells a file holds, counted from the raw bytes without parsing it (streamed, and stopped
    once past `stop_after`). None when it cannot be told this way (xls, or not a spreadsheet at all)."""
    try:
        fmt = sniff_format(data)
    except UnreadableFile:
        return None
    if fmt == "csv":
        text = data[:65536].decode("utf-8", errors="ignore").replace("\x00", "")
        widest = max((line.count(sniff_delimiter(text)) + 1 for line in text.splitlines()[:50]), default=1)
        return (data.count(b"\n") + 1) * widest
    if fmt not in _CELL_TAGS:
        return None
    tag, total = _CELL_TAGS[fmt], 0
    with zipfile.ZipFile(BytesIO(data)) as zf:
        parts = [n for n in zf.namelist()
                 if (n.startswith("xl/worksheets/") and n.endswith(".xml")) or n == "content.xml"]
        for name in parts:
            with zf.open(name) as part:
                tail = b""
                while chunk := part.read(_CHUNK):
                    buf = tail + chunk
                    cut = max(len(buf) - 32, 0)         # a tag cut in two is counted with the next chunk
                    total += sum(1 for m in tag.finditer(buf) if m.start() < cut)
                    tail = buf[cut:]
                    if stop_after is not None and total > stop_after:
                        return total
                total += len(tag.findall(tail))
    return total


def check_limits(data: bytes) -> str | None:
    """Why a file is refused before any parsing work (too big, too many cells), in plain words; None if fine."""
    if len(data) > limits.MAX_UPLOAD_BYTES:
        return (f"The file is {len(data) / 2**20:,.1f} MB, more than the limit of "
                f"{limits.MAX_UPLOAD_BYTES / 2**20:,.0f} MB. Split it into smaller files, or remove sheets that "
                "are not survey answers (pictures, pivot tables).")
    try:
        cells = count_cells(data, stop_after=limits.MAX_CELLS)
    except (zipfile.BadZipFile, OSError, EOFError):
        return None                                        # damaged: parse_upload explains it in plain words
    if cells is not None and cells > limits.MAX_CELLS:
        return (f"The file holds more than {limits.MAX_CELLS:,} cells, the limit for one upload. Split it into "
                "smaller files (for example one per country).")
    return None
