"""The store's tables, created by numbered migrations, and the bundled population frame kept in step with
data/museum_frame.csv. Opening a store applies what is pending and (re)builds the views and derived tables."""

from __future__ import annotations

import hashlib
import os

import duckdb

from analysis import schema
from analysis.store import connection, derived


def open_store(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Connect, apply pending migrations and (re)create the views."""
    con = connection.connect(path)
    migrate(con)
    return con


def _field_columns() -> str:
    return ",\n  ".join(f"{f.name} {schema.SQL_TYPES[f.kind]}" for f in schema.FIELDS)

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "uploads, responses and targets", f"""
CREATE SEQUENCE upload_id_seq START 1;
CREATE TABLE uploads (
  upload_id BIGINT PRIMARY KEY DEFAULT nextval('upload_id_seq'),
  filename VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  sheet VARCHAR,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  survey_wave VARCHAR,
  rows BIGINT NOT NULL,
  status VARCHAR NOT NULL CHECK (status IN ('committed', 'retracted')),
  warnings JSON,
  report JSON,
  retracted_at TIMESTAMP,
  retracted_by VARCHAR
);
CREATE TABLE responses (
  response_id VARCHAR PRIMARY KEY,
  upload_id BIGINT NOT NULL,
  source_sheet VARCHAR,
  source_row INTEGER,
  museum_id_generated BOOLEAN,
  {_field_columns()}
);
CREATE TABLE targets (
  metric VARCHAR NOT NULL,
  country VARCHAR,
  museum_type VARCHAR,
  survey_wave VARCHAR,
  target_year INTEGER NOT NULL,
  value DOUBLE NOT NULL,
  is_placeholder BOOLEAN NOT NULL,
  source VARCHAR
);
INSERT INTO targets VALUES
  ('pct_digitised', NULL, NULL, NULL, 2030, 50, TRUE,
   'Placeholder: no national goal set. Recommendation (EU) 2021/1970 asks Member States to set one.'),
  ('3d_at_risk', NULL, NULL, NULL, 2025, 40, FALSE, 'Recommendation (EU) 2021/1970, point 6(a): 40% by 2025'),
  ('3d_at_risk', NULL, NULL, NULL, 2030, 100, FALSE, 'Recommendation (EU) 2021/1970, point 6(a): all by 2030'),
  ('3d_most_visited', NULL, NULL, NULL, 2025, 20, FALSE, 'Recommendation (EU) 2021/1970, point 6(b): 40% of 50%'),
  ('3d_most_visited', NULL, NULL, NULL, 2030, 50, FALSE, 'Recommendation (EU) 2021/1970, point 6(b): 50% by 2030'),
  ('skill_level', NULL, NULL, NULL, 2030, {schema.DEFAULT_SKILL_TARGET}, FALSE,
   'DigComp 2.2 level 4 (upper intermediate) for general staff'),
  ('pct_staff_ai_trained', NULL, NULL, NULL, 2030, 100, FALSE, 'AI Act Art. 4: AI literacy of all staff');
"""),
    (2, "museum population per country (filled from the bundled frame file by sync_frame)", """
CREATE TABLE museum_population (country VARCHAR PRIMARY KEY, museums INTEGER NOT NULL, year INTEGER,
                                source VARCHAR);
"""),
    (3, "saved column mappings", """
CREATE TABLE saved_mappings (
  signature VARCHAR PRIMARY KEY,      -- sha256 of the sheet's headings in order (analysis.mappings)
  headers JSON NOT NULL,              -- the headings, as written
  mapping JSON NOT NULL,              -- {heading: field or null}: the analyst's decisions only
  sheet VARCHAR,
  filename VARCHAR,
  saved_by VARCHAR NOT NULL,
  saved_at TIMESTAMP NOT NULL
);
"""),
    (4, "responses.is_current, maintained by the write path", f"""
ALTER TABLE responses ADD COLUMN is_current BOOLEAN DEFAULT FALSE;
{derived.REFRESH_CURRENT.format(keys="SELECT museum_id, survey_wave FROM responses")}
"""),
    (5, "national museum registers: the population frame (analysis.loading.registers)", """
CREATE SEQUENCE register_id_seq START 1;
CREATE TABLE registers (
  register_id BIGINT PRIMARY KEY DEFAULT nextval('register_id_seq'),
  country VARCHAR NOT NULL,           -- one row per country of a loaded file
  filename VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  sheet VARCHAR,
  rows BIGINT NOT NULL,               -- museums of this country in the file
  loaded_by VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  report JSON                         -- warnings and notes of the load, as shown on the Registers page
);
CREATE TABLE register_museums (
  register_id BIGINT NOT NULL,
  country VARCHAR NOT NULL,
  museum_ref VARCHAR,                 -- the register's own code (Muséofile M0965, mm.*), joins museum_id
  name VARCHAR,
  museum_type VARCHAR,                -- schema code, NULL when the register's type was not recognised
  size_band VARCHAR,                  -- from annual_visits, else the register's own size column
  annual_visits BIGINT,
  ownership VARCHAR,
  region VARCHAR,
  source_row INTEGER,
  loaded_at TIMESTAMP NOT NULL,
  loaded_by VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL
);
"""),
    (6, "target_cells: targets in force per (country, type, wave), kept by the write path", f"""
CREATE TABLE target_cells (country VARCHAR, museum_type VARCHAR, survey_wave VARCHAR, metric VARCHAR,
                           target_year INTEGER,
                           chosen STRUCT(value DOUBLE, is_placeholder BOOLEAN, source VARCHAR));
{derived.REFRESH_TARGETS}
"""),
    (7, "population frame with what each country counts, its source and status (data/museum_frame.csv)", """
DROP TABLE museum_population;
CREATE TABLE museum_population (country VARCHAR PRIMARY KEY, museums INTEGER, year INTEGER, counts VARCHAR,
                                scope VARCHAR, status VARCHAR, source VARCHAR, url VARCHAR);
CREATE TABLE frame_file (sha256 VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL);
"""),
    (8, "unit costs of digitisation, the cost model of the scenarios (analysis.figures.unit_costs)", """
CREATE TABLE unit_costs (museum_type VARCHAR, cost_2d_eur DOUBLE NOT NULL, cost_3d_eur DOUBLE NOT NULL,
                         share_3d_pct DOUBLE NOT NULL, source VARCHAR);
INSERT INTO unit_costs VALUES
  (NULL, 25, 40, 5, '2D: EUR 25 for an image and its record (SCRAN, UK, 2002: GBP 25.25 a digitised asset, staff '
   || 'and equipment included, taken at par). 3D: that record plus EUR 15 of 3D capture (French Ministry of '
   || 'Culture before the Senate: about EUR 15 an object, handling excluded). 3D share 5 %: a placeholder, used '
   || 'only for museums that did not say how much of their collection is in 3D. Studies with their ranges: '
   || 'data/digitisation_unit_costs.csv.'),
  ('natural_history_science', 1.5, 40, 5, '2D: EUR 1.50 a specimen (Naturalis, 2010-2015: EUR 13 M for 8.7 M '
   || 'objects on industrial digitisation lines). 3D and 3D share as for all types.');
"""),
    (9, "derived facts kept by the write path (museum_facts, fact_cells: built by _ensure_derived)", """
CREATE TABLE derived_state (definition VARCHAR NOT NULL, built_at TIMESTAMP NOT NULL);
"""),
)


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    with connection.write_lock:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP)")
        done = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
        for version, description, sql in MIGRATIONS:
            if version in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, description, connection.now()])
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
        existing = {c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'responses'").fetchall()}
        for f in schema.FIELDS:                      # a field added to the schema later becomes a column
            if f.name not in existing:
                con.execute(f"ALTER TABLE responses ADD COLUMN {f.name} {schema.SQL_TYPES[f.kind]}")
        _sync_frame(con)
        con.execute(derived.VIEWS_SQL)
        derived.ensure_derived(con)
        con.execute(derived.DERIVED_VIEWS_SQL)


FRAME_FILE = connection.DATA / "museum_frame.csv"
FRAME_COLUMNS = {"country": "VARCHAR", "museums": "INTEGER", "year": "INTEGER", "counts": "VARCHAR",
                  "scope": "VARCHAR", "status": "VARCHAR", "source": "VARCHAR", "url": "VARCHAR"}


def _sync_frame(con: duckdb.DuckDBPyConnection) -> None:
    """Keep museum_population equal to the bundled frame file: a corrected or extended file in a new release
    replaces the old figures in every store on its next open (its sha256 is the frame's version)."""
    sha = hashlib.sha256(FRAME_FILE.read_bytes()).hexdigest()
    if con.execute("SELECT 1 FROM frame_file WHERE sha256 = ?", [sha]).fetchone():
        return
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in FRAME_COLUMNS.items())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM museum_population")
        con.execute(f"INSERT INTO museum_population SELECT * FROM read_csv(?, header = true, "
                    f"columns = {{{columns}}})", [str(FRAME_FILE)])
        con.execute("DELETE FROM frame_file")
        con.execute("INSERT INTO frame_file VALUES (?, ?)", [sha, connection.now()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
