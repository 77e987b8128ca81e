"""What the pages and the command line read from the store besides the metrics: upload history and details,
saved mappings, registers and the population frame, and the data version that keys every cache."""

from __future__ import annotations

import json

import duckdb

from analysis.lazy import pandas as pd
from analysis.store import derived, migrations


def find_duplicate(con: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    with con.cursor() as cur:
        rows = cur.execute("SELECT upload_id FROM uploads WHERE sha256 = ? AND status = 'committed' "
                           "ORDER BY upload_id LIMIT 1", [sha256]).fetchall()
    return rows[0][0] if rows else None


def data_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Changes whenever an upload is committed or retracted, a target or a unit cost is edited, a register is
    loaded or the bundled frame changes: the cache key for aggregates."""
    with con.cursor() as cur:
        uploads = cur.execute(
            "SELECT count(*), max(upload_id), count(retracted_at), max(retracted_at), "
            "(SELECT md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) FROM targets t), "
            "(SELECT md5(string_agg(CAST(u AS VARCHAR), '|' ORDER BY CAST(u AS VARCHAR))) FROM unit_costs u) "
            "FROM uploads").fetchall()[0]
    return (*uploads, *frame_version(con))


def load_mapping(con: duckdb.DuckDBPyConnection, signature: str) -> dict | None:
    """{"mapping": {heading: field or None}, "saved_by", "saved_at", "sheet", "filename"}, or None."""
    with con.cursor() as cur:
        row = cur.execute("SELECT mapping, saved_by, saved_at, sheet, filename FROM saved_mappings "
                          "WHERE signature = ?", [signature]).fetchone()
    if row is None:
        return None
    return {"mapping": json.loads(row[0]), "saved_by": row[1], "saved_at": row[2], "sheet": row[3],
            "filename": row[4]}


def upload_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every upload, newest first, with its number of warnings."""
    with con.cursor() as cur:
        return cur.execute(
            "SELECT upload_id, filename, sha256, sheet, uploaded_by, uploaded_at, survey_wave, rows, "
            "COALESCE(json_array_length(warnings), 0) AS warnings, status, retracted_at, retracted_by "
            "FROM uploads ORDER BY upload_id DESC").df()


def upload_details(con: duckdb.DuckDBPyConnection, upload_id: int) -> dict | None:
    """One upload's row, with its stored report (the JSON the CLI prints) decoded."""
    with con.cursor() as cur:
        row = cur.execute("SELECT filename, sha256, uploaded_by, uploaded_at, status, report FROM uploads "
                          "WHERE upload_id = ?", [upload_id]).fetchone()
    if row is None:
        return None
    return {"upload_id": upload_id, "filename": row[0], "sha256": row[1], "uploaded_by": row[2],
            "uploaded_at": row[3], "status": row[4], "report": json.loads(row[5]) if row[5] else {}}


def retract_preview(con: duckdb.DuckDBPyConnection, upload_id: int) -> dict:
    """What retracting an upload would change, before it is done: its rows, how many of them the figures
    use now (the rest were already replaced by later uploads), and how many earlier answers come back."""
    with con.cursor() as cur:
        rows, shown, restorable = cur.execute(
            "SELECT (SELECT count(*) FROM responses WHERE upload_id = $id), "
            "(SELECT count(*) FROM current_responses WHERE upload_id = $id), "
            "(SELECT count(*) FROM current_responses c WHERE c.upload_id = $id AND EXISTS ("
            "   SELECT 1 FROM responses r JOIN uploads u USING (upload_id) "
            "   WHERE u.status = 'committed' AND r.upload_id <> $id "
            "     AND r.museum_id = c.museum_id AND r.survey_wave = c.survey_wave))",
            {"id": upload_id}).fetchone()
    return {"upload_id": upload_id, "rows": rows, "rows_in_figures": shown, "earlier_answers_restored": restorable}

def register_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every loaded register, newest first, and whether it is the one in force for its country."""
    with con.cursor() as cur:
        return cur.execute("""
            SELECT r.register_id, r.country, r.filename, r.sheet, r.rows, r.loaded_by, r.loaded_at, r.sha256,
                   r.register_id = max(r.register_id) OVER (PARTITION BY r.country) AS in_force
            FROM registers r ORDER BY r.register_id DESC""").df()


def register_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Museums of the register in force per country and size band (size_band NULL = unknown), with the
    register's name and load date: the input of analysis.figures.weights.population_frame."""
    with con.cursor() as cur:
        return cur.execute(f"""
            SELECT m.country, m.size_band, count(*) AS museums,
                   'register ' || any_value(m.source_file) AS source, year(any_value(m.loaded_at)) AS year
            FROM ({derived.CURRENT_REGISTER_MUSEUMS}) m GROUP BY ALL ORDER BY 1, 2""").df()


def museum_population_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The bundled number of museums per country (data/museum_frame.csv): figure, year, what it counts, scope
    flag, status (primary | secondary | not used | not found) and source. Countries listed without a figure say
    why there is none."""
    with con.cursor() as cur:
        return cur.execute(f"SELECT {', '.join(migrations.FRAME_COLUMNS)} FROM museum_population ORDER BY country").df()


def frame_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """The bundled frame file's sha256 and the registers in force: the cache key of weighted figures, and the
    frame part of a figure's data version (analysis.figures.provenance)."""
    with con.cursor() as cur:
        sha, registers = cur.execute(f"""SELECT (SELECT sha256 FROM frame_file),
                                                (SELECT list(register_id ORDER BY register_id)
                                                 FROM ({derived.CURRENT_REGISTER_IDS}))""").fetchone()
    return sha, tuple(registers or ())
