"""Backup (a consistent copy of the whole store taken while writes wait) and restore."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import duckdb

from analysis.i18n import _
from analysis.store import connection, migrations


def backup(con: duckdb.DuckDBPyConnection, folder: str | os.PathLike) -> dict:
    """Copy the whole store (schema, data, sequences) into a new DuckDB file in `folder`, taken as one
    consistent snapshot while writes wait; a manifest beside it records the schema version and counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"museums-{stamp}.duckdb"
    if target.exists():
        raise FileExistsError(_("{file} already exists").format(file=target))
    with connection.write_lock, con.cursor() as cur:
        source = cur.execute("SELECT current_database()").fetchall()[0][0]
        cur.execute("ATTACH ? AS backup_copy", [str(target)])
        try:
            cur.execute(f'COPY FROM DATABASE "{source}" TO backup_copy')
        finally:
            cur.execute("DETACH backup_copy")
        version = cur.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        counts = dict(zip(("uploads", "responses"), cur.execute(
            "SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM responses)").fetchall()[0]))
    manifest = {"file": target.name, "schema_version": version, **counts, "taken_at": stamp}
    target.with_suffix(".json").write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(backup_file: str | os.PathLike, path: str | os.PathLike, *, replace: bool = False) -> dict:
    """Put a backup in place as the store at `path` (refusing to overwrite unless replace=True), then
    apply any newer migrations. The app must not be running on `path`."""
    source, target = Path(backup_file), connection.db_path(path)
    if not source.is_file():
        raise FileNotFoundError(_("No backup file {file}").format(file=source))
    if target.exists() and not replace:
        raise FileExistsError(_("{file} exists; pass --replace to overwrite it").format(file=target))
    for leftover in (target, target.with_name(target.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    con = migrations.open_store(target)
    try:
        with con.cursor() as cur:
            return {"restored": str(target), "uploads": cur.execute("SELECT count(*) FROM uploads").fetchall()[0][0],
                    "responses": cur.execute("SELECT count(*) FROM responses").fetchall()[0][0]}
    finally:
        con.close()
