"""Load a file end to end: parse, validate and, only when there is no error, commit. Used by the CLI and the app."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from analysis import store
from analysis.ingest import ParsedUpload, parse_upload


def load_bytes(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
               user: str = "cli") -> dict:
    """One entry of the CLI's JSON: {"file", "status", "rows", "errors", "warnings", ...}."""
    sha = hashlib.sha256(data).hexdigest()
    earlier = store.find_duplicate(con, sha)
    if earlier is not None:
        return {"file": filename, "status": "duplicate", "rows": 0, "upload_id": earlier, "errors": [],
                "warnings": [], "sha256": sha,
                "message": f"This exact file was already loaded as upload {earlier}; nothing changed."}
    parsed = parse_upload(data, filename, wave=wave)
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
