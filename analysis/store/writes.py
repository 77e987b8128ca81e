"""The one write path: every change to the store (uploads, retractions, targets, unit costs, saved mappings,
registers) in one transaction under the write lock, with the derived tables kept in step."""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb

from analysis import schema
from analysis.i18n import _
from analysis.lazy import pandas as pd
from analysis.lazy import pyarrow as pa
from analysis.store import connection, derived


@dataclass
class CommitResult:
    status: str                  # committed | duplicate
    upload_id: int | None
    rows: int
    superseded: int = 0          # museums whose earlier answer for the same wave this upload replaces


def _arrow_column(f: schema.Field, col: pd.Series) -> pa.Array:
    """One canonical column with the type DuckDB should see (None stays NULL). Handed over as Arrow, which
    DuckDB scans natively, rather than as pandas object columns, which it converts value by value."""
    if f.kind == schema.INT:
        return pa.array(pd.to_numeric(col, errors="coerce").astype("Int64"))
    if f.kind in (schema.DECIMAL, schema.PERCENT, schema.MONEY):
        return pa.array(pd.to_numeric(col, errors="coerce").astype("Float64"))
    if f.kind == schema.BOOL:
        try:                                           # True/False/None, as analysis.parsing.normalise gives them
            return pa.array(col, type=pa.bool_(), from_pandas=True)
        except pa.ArrowInvalid:                        # 1/0 and the like: pandas' rules, as before
            return pa.array(pd.array(col.tolist(), dtype="boolean"))
    if f.kind == schema.DATE:                          # the day, time of day dropped; unreadable -> NULL
        return pa.array(pd.to_datetime(col, errors="coerce"), from_pandas=True).cast(pa.date32())
    return pa.array(col.astype("string"))             # non-text values become their text, as before


def _incoming(frame: pd.DataFrame) -> pa.Table:
    """The rows to insert, one typed column per schema field plus where each row came from."""
    columns = {f.name: _arrow_column(f, frame[f.name] if f.name in frame else
                                     pd.Series(None, index=frame.index, dtype=object))
               for f in schema.FIELDS}
    columns["source_sheet"] = pa.array(frame["_sheet"].astype("string"))
    columns["source_row"] = pa.array(pd.array(frame["_row"].tolist(), dtype="Int32"))
    columns["museum_id_generated"] = pa.array(pd.array(frame["museum_id_generated"].tolist(), dtype="boolean"))
    return pa.table(columns)


def commit_upload(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, *, filename: str, sha256: str,
                  sheets: list[str], user: str, warnings: list[dict], report: dict) -> CommitResult:
    """Write one file's rows and its uploads row in a single transaction, or nothing at all."""
    rows = _incoming(frame)
    waves = sorted(rows["survey_wave"].unique().drop_null().to_pylist())
    with connection.transaction(con) as tx:
        cur = tx.cursor
        duplicate = cur.execute("SELECT upload_id FROM uploads WHERE sha256 = ? AND status = 'committed' "
                                "LIMIT 1", [sha256]).fetchone()
        if duplicate:
            tx.abandon()
            return CommitResult("duplicate", duplicate[0], 0)
        upload_id = cur.execute(
            "INSERT INTO uploads (filename, sha256, sheet, uploaded_by, uploaded_at, survey_wave, rows, "
            "status, warnings, report) VALUES (?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?) RETURNING upload_id",
            [filename, sha256, ", ".join(sheets), user, connection.now(), ", ".join(waves), len(rows),
             json.dumps(warnings, default=str), json.dumps(report, default=str)]).fetchone()[0]
        cur.register("incoming", rows)
        superseded = cur.execute(
            "SELECT count(*) FROM current_responses c JOIN incoming i "
            "ON c.museum_id = i.museum_id AND c.survey_wave = i.survey_wave").fetchone()[0]
        # response_id: a random (version 4) UUID per row, drawn by DuckDB rather than 50k uuid4() calls.
        cur.execute("INSERT INTO responses BY NAME SELECT *, ? AS upload_id, uuid()::VARCHAR AS response_id "
                    "FROM incoming", [upload_id])
        cur.execute(derived.REFRESH_CURRENT.format(keys="SELECT museum_id, survey_wave FROM incoming"))
        cur.execute(derived.REFRESH_TARGETS)
        derived.refresh_facts(cur, derived.museums_matching("SELECT museum_id FROM incoming"))
        cur.unregister("incoming")
    return CommitResult("committed", upload_id, len(rows), superseded)


def retract_upload(con: duckdb.DuckDBPyConnection, upload_id: int, *, user: str) -> dict:
    """Mark an upload retracted: its rows leave every view; earlier answers they superseded come back."""
    with connection.transaction(con) as tx:
        cur = tx.cursor
        found = cur.execute("SELECT status, rows, filename FROM uploads WHERE upload_id = ?",
                            [upload_id]).fetchone()
        if found is None or found[0] != "committed":
            tx.abandon()
            reason = _("no such upload") if found is None else _("already retracted")   # the only other status
            return {"upload_id": upload_id, "status": "unchanged", "reason": reason}
        cur.execute("UPDATE uploads SET status = 'retracted', retracted_at = ?, retracted_by = ? "
                    "WHERE upload_id = ?", [connection.now(), user, upload_id])
        its_rows = f"FROM responses WHERE upload_id = {int(upload_id)}"
        cur.execute(derived.REFRESH_CURRENT.format(keys=f"SELECT museum_id, survey_wave {its_rows}"))
        cur.execute(derived.REFRESH_TARGETS)
        derived.refresh_facts(cur, derived.museums_matching(f"SELECT museum_id {its_rows}"))
        restored = cur.execute(
            "SELECT count(*) FROM current_responses c JOIN responses r "
            "ON c.museum_id = r.museum_id AND c.survey_wave = r.survey_wave WHERE r.upload_id = ?",
            [upload_id]).fetchone()[0]
    return {"upload_id": upload_id, "status": "retracted", "filename": found[2], "rows_removed": found[1],
            "earlier_answers_restored": restored}


def replace_targets(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace the whole targets table with checked rows (analysis.figures.targets.check) in one transaction."""
    columns = ["metric", "country", "museum_type", "survey_wave", "target_year", "value", "is_placeholder", "source"]
    with connection.transaction(con) as tx:
        cur = tx.cursor
        cur.execute("DELETE FROM targets")
        cur.executemany(f"INSERT INTO targets ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                        [[row[c] for c in columns] for row in rows])
        cur.execute(derived.REFRESH_TARGETS)
        derived.refresh_facts(cur)                          # targets and gaps change for every answer
    return len(rows)


UNIT_COST_COLUMNS = ("museum_type", "cost_2d_eur", "cost_3d_eur", "share_3d_pct", "source")


def replace_unit_costs(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace the whole cost model (table unit_costs) with checked rows (analysis.figures.unit_costs.check)."""
    with connection.transaction(con) as tx:
        tx.cursor.execute("DELETE FROM unit_costs")
        tx.cursor.executemany(f"INSERT INTO unit_costs ({', '.join(UNIT_COST_COLUMNS)}) VALUES "
                              f"({', '.join('?' for _ in UNIT_COST_COLUMNS)})",
                              [[row[c] for c in UNIT_COST_COLUMNS] for row in rows])
    return len(rows)


def save_mapping(con: duckdb.DuckDBPyConnection, signature: str, *, headers: list[str],
                 mapping: dict[str, str | None], user: str, sheet: str = "", filename: str = "") -> None:
    """Remember an analyst's column decisions for sheets whose headings are exactly `headers`."""
    with connection.transaction(con) as tx:
        cur = tx.cursor
        cur.execute("INSERT OR REPLACE INTO saved_mappings VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [signature, json.dumps(headers, ensure_ascii=False), json.dumps(mapping, ensure_ascii=False),
                     sheet, filename, user, connection.now()])



REGISTER_COLUMNS = ("country", "museum_ref", "name", "museum_type", "size_band", "annual_visits", "ownership",
                    "region", "source_row")


def commit_register(con: duckdb.DuckDBPyConnection, museums: pd.DataFrame, *, filename: str, sha256: str,
                    sheet: str, user: str, report: dict) -> dict:
    """Write a checked register (analysis.loading.registers.parse_register) in one transaction: one `registers` row per
    country in the file and its museums. The same file (sha256) loaded twice is a no-op reported as duplicate."""
    frame = museums[list(REGISTER_COLUMNS)].copy()
    frame["annual_visits"] = pd.array(frame["annual_visits"].tolist(), dtype="Int64")
    frame["source_row"] = pd.array(frame["source_row"].tolist(), dtype="Int32")
    for column in ("country", "museum_ref", "name", "museum_type", "size_band", "ownership", "region"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None).astype("string")
    now = connection.now()
    with connection.transaction(con) as tx:
        cur = tx.cursor
        earlier = cur.execute("SELECT min(register_id) FROM registers WHERE sha256 = ?", [sha256]).fetchone()[0]
        if earlier is not None:
            tx.abandon()
            return {"status": "duplicate", "register_ids": [earlier], "rows": 0}
        ids = {}
        for country, part in frame.groupby("country", sort=True):
            ids[country] = cur.execute(
                "INSERT INTO registers (country, filename, sha256, sheet, rows, loaded_by, loaded_at, report) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING register_id",
                [country, filename, sha256, sheet, len(part), user, now,
                 json.dumps(report, default=str, ensure_ascii=False)]).fetchone()[0]
        frame["register_id"] = frame["country"].map(ids).astype("int64")
        frame["loaded_at"], frame["loaded_by"], frame["source_file"] = now, user, filename
        cur.register("incoming_register", frame)
        cur.execute("INSERT INTO register_museums BY NAME SELECT * FROM incoming_register")
        cur.unregister("incoming_register")
        # the frame size bands of their countries' museums
        derived.refresh_facts(cur, f"country IN ({', '.join(derived.quoted(c) for c in ids)})")
    return {"status": "committed", "register_ids": sorted(ids.values()), "rows": len(frame),
            "countries": sorted(ids)}
