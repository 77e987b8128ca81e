"""The DuckDB store: numbered migrations, every derived metric defined once in SQL and kept in tables by the one
write path (museum_facts, fact_cells), the views other modules read.

Rules (shared/DESIGN.md): one connection per process, a cursor per unit of work, results materialised at
once; every write goes through `commit_upload` or `retract_upload`, serialised by a lock, inside one
transaction, followed by CHECKPOINT so the .duckdb file alone is a consistent backup. Values reach SQL as
bound parameters; identifiers only come from analysis.schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analysis import schema
from analysis.filters import COLUMNS as FILTER_COLUMNS
from analysis.lazy import pandas as pd
from analysis.lazy import pyarrow as pa

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_DB = DATA / "museums.duckdb"
_write_lock = threading.Lock()


def db_path(path: str | os.PathLike | None = None) -> Path:
    """--db, else $MUSEUM_DB, else data/museums.duckdb."""
    return Path(path or os.environ.get("MUSEUM_DB") or DEFAULT_DB)


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """No extension is fetched or loaded behind our back, and no progress bar: DuckDB would print one to
    stdout into a pipe (corrupting `--json` output) once a statement runs past two seconds."""
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target), read_only=read_only, config={"autoinstall_known_extensions": False,
                                                                   "autoload_known_extensions": False})
    con.execute("SET enable_progress_bar = false")      # a session setting: every cursor of `con` inherits it
    return con


def open_store(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Connect, apply pending migrations and (re)create the views."""
    con = connect(path)
    migrate(con)
    return con


# --- schema ------------------------------------------------------------------------------------------
def _field_columns() -> str:
    return ",\n  ".join(f"{f.name} {schema.SQL_TYPES[f.kind]}" for f in schema.FIELDS)


# Which row is a museum's current answer for a wave: the latest of a committed upload. Kept in
# responses.is_current by every write (for the keys it touches) so readers need no window function.
_REFRESH_CURRENT = """
UPDATE responses SET is_current = latest.pick
FROM (
  SELECT r.response_id,
         u.status = 'committed' AND row_number() OVER (
           PARTITION BY r.museum_id, r.survey_wave
           ORDER BY (u.status = 'committed') DESC, r.upload_id DESC, r.source_row DESC) = 1 AS pick
  FROM responses r JOIN uploads u USING (upload_id)
  WHERE (r.museum_id, r.survey_wave) IN ({keys})
) latest
WHERE responses.response_id = latest.response_id;
"""

# The target in force per (country, museum type, wave) present, metric and target year: a target row naming
# the country, museum type or wave beats a default. Rebuilt by every write (uploads, retractions, targets),
# so that readers at a million rows need no second scan of the responses.
_REFRESH_TARGETS = """
DELETE FROM target_cells;
INSERT INTO target_cells
WITH cells AS (SELECT DISTINCT country, museum_type, survey_wave FROM responses WHERE is_current)
SELECT c.country, c.museum_type, c.survey_wave, t.metric, t.target_year,
       arg_max({'value': t.value, 'is_placeholder': t.is_placeholder, 'source': t.source},
               (t.country IS NOT NULL)::INT * 4 + (t.museum_type IS NOT NULL)::INT * 2
               + (t.survey_wave IS NOT NULL)::INT) AS chosen
FROM cells c JOIN targets t
  ON (t.country IS NULL OR t.country = c.country)
 AND (t.museum_type IS NULL OR t.museum_type = c.museum_type)
 AND (t.survey_wave IS NULL OR t.survey_wave = c.survey_wave)
GROUP BY ALL;
"""

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
{_REFRESH_CURRENT.format(keys="SELECT museum_id, survey_wave FROM responses")}
"""),
    (5, "national museum registers: the population frame (analysis.registers)", """
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
{_REFRESH_TARGETS}
"""),
    (7, "population frame with what each country counts, its source and status (data/museum_frame.csv)", """
DROP TABLE museum_population;
CREATE TABLE museum_population (country VARCHAR PRIMARY KEY, museums INTEGER, year INTEGER, counts VARCHAR,
                                scope VARCHAR, status VARCHAR, source VARCHAR, url VARCHAR);
CREATE TABLE frame_file (sha256 VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL);
"""),
    (8, "unit costs of digitisation, the cost model of the scenarios (analysis.unit_costs)", """
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
    with _write_lock:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP)")
        done = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
        for version, description, sql in MIGRATIONS:
            if version in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, description, _now()])
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
        con.execute(VIEWS_SQL)
        _ensure_derived(con)
        con.execute(DERIVED_VIEWS_SQL)


FRAME_FILE = DATA / "museum_frame.csv"
_FRAME_COLUMNS = {"country": "VARCHAR", "museums": "INTEGER", "year": "INTEGER", "counts": "VARCHAR",
                  "scope": "VARCHAR", "status": "VARCHAR", "source": "VARCHAR", "url": "VARCHAR"}


def _sync_frame(con: duckdb.DuckDBPyConnection) -> None:
    """Keep museum_population equal to the bundled frame file: a corrected or extended file in a new release
    replaces the old figures in every store on its next open (its sha256 is the frame's version)."""
    sha = hashlib.sha256(FRAME_FILE.read_bytes()).hexdigest()
    if con.execute("SELECT 1 FROM frame_file WHERE sha256 = ?", [sha]).fetchone():
        return
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in _FRAME_COLUMNS.items())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM museum_population")
        con.execute(f"INSERT INTO museum_population SELECT * FROM read_csv(?, header = true, "
                    f"columns = {{{columns}}})", [str(FRAME_FILE)])
        con.execute("DELETE FROM frame_file")
        con.execute("INSERT INTO frame_file VALUES (?, ?)", [sha, _now()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _sql_list(values) -> str:
    return ", ".join(f"'{v}'" for v in values)       # values come from analysis.schema only


def _size_band_sql() -> str:
    cases = " ".join(f"WHEN annual_visits >= {lower} THEN '{band}'" for band, lower in reversed(schema.SIZE_BANDS))
    return f"CASE WHEN annual_visits IS NULL THEN NULL {cases} END"


def _egmus_sql() -> str:
    cases = " ".join(f"WHEN c.museum_type IN ({_sql_list(types)}) THEN '{group}'"
                     for group, types in schema.EGMUS_TYPE_GROUPS.items())
    return f"CASE WHEN c.museum_type IS NULL THEN NULL {cases} ELSE 'other' END"


def _any_need_sql() -> str:
    return f"COALESCE({', '.join(schema.NEED_FIELDS.values())})"


_pillar_shortfalls = ",\n    ".join(
    f"CASE WHEN funding_shortfall_eur IS NULL THEN NULL "
    f"WHEN funding_need_eur = 0 OR {col} IS NULL THEN 0 "
    f"ELSE funding_shortfall_eur * {col} / funding_need_eur END AS shortfall_{pillar}_eur"
    for pillar, col in schema.NEED_FIELDS.items())

VIEWS_SQL = f"""
CREATE OR REPLACE MACRO gap(target, value) AS CASE WHEN value IS NULL OR target IS NULL THEN NULL
                                              ELSE greatest(target - value, 0) END;
-- ENUMERATE's share still to digitise, and the objects it means: also applied to rows before they are stored
-- (the upload's cost-model check, analysis.unit_costs), so it is written once, here.
CREATE OR REPLACE MACRO pct_to_digitise(digitised, no_need) AS 100 - digitised - no_need;
CREATE OR REPLACE MACRO objects_to_digitise(objects, pct_to_do) AS objects * pct_to_do / 100;

-- The latest committed row per museum and wave: later uploads supersede, retracted uploads vanish.
CREATE OR REPLACE VIEW current_responses AS
SELECT * EXCLUDE (is_current) FROM responses WHERE is_current;

-- The target in force for each (country, museum type, wave), metric and target year (table target_cells,
-- kept by the write path, see _REFRESH_TARGETS); every page and export reads targets through these views.
CREATE OR REPLACE VIEW cell_target_choices AS SELECT * FROM target_cells;

-- One row per cell with the targets the metrics use: the 2030 goals, and for 3D the milestone of the wave
-- (2025 up to wave 2025, 2030 after).
CREATE OR REPLACE VIEW cell_targets AS
SELECT country, museum_type, survey_wave,
  max(chosen.value) FILTER (WHERE metric = 'pct_digitised' AND target_year = {schema.HORIZON_YEAR})
    AS target_pct_digitised,
  max(chosen.value) FILTER (WHERE metric = '3d_at_risk' AND target_year = milestone) AS target_3d_at_risk_pct,
  max(chosen.value) FILTER (WHERE metric = '3d_most_visited' AND target_year = milestone)
    AS target_3d_most_visited_pct,
  max(chosen.value) FILTER (WHERE metric = 'skill_level' AND target_year = {schema.HORIZON_YEAR})
    AS target_skill_level,
  max(chosen.value) FILTER (WHERE metric = 'pct_staff_ai_trained' AND target_year = {schema.HORIZON_YEAR})
    AS target_pct_staff_ai_trained
FROM (SELECT *, CASE WHEN TRY_CAST(left(survey_wave, 4) AS INTEGER) <= 2025 THEN 2025
                     ELSE {schema.HORIZON_YEAR} END AS milestone FROM cell_target_choices)
GROUP BY country, museum_type, survey_wave;
"""


# --- derived facts, computed once per answer by the write path -------------------------------------------
# Every derived metric of survey-schema.md is defined once, in `facts_select`, and computed when answers are
# written (commit, retraction, a target edit), not again by every query:
#   museum_facts  one row per current answer (the latest committed row per museum and wave): the answer, what
#                 needs no target (classification, backlog, funding arithmetic), the targets in force and the
#                 gaps to them; plus what aggregates would otherwise work out per query (FACT_EXTRAS): a small
#                 integer key, the 2025 and 2030 3D milestones, the pace since the museum's earlier answer and
#                 its on-track status, the wave and PANEL_COLUMNS of its previous answer, its size band as the
#                 population frame classes it (the register's where it is in one: a register load recomputes
#                 its country), whether it has a written strategy as 100/0, and its several-answers
#                 questions split into options: one bit per option (CHOICE_CODES), so that counting museums per
#                 option is one scan, with no row per option to store and join back.
#   fact_cells    answers per combination of the filter columns: sidebar options, waves, coverage and the
#                 targets in force are read from this small table.
# A write recomputes the rows of the museums it touches (an answer's pace and previous wave depend on the
# museum's other answers); a register load, those of its countries; a target edit recomputes all. derived_state records the definition that built the
# tables: a store opened by code with another definition (or new survey fields) is rebuilt (`_ensure_derived`).
HORIZON = schema.HORIZON_YEAR
MILESTONE_YEARS = (2025, HORIZON)
ASSETS_3D = {"at_risk": "3d_at_risk", "most_visited": "3d_most_visited"}     # asset -> target metric
_TARGETED = (("target_pct_digitised", "t.target_pct_digitised"),
             ("target_3d_at_risk_pct", "t.target_3d_at_risk_pct"),
             ("target_3d_most_visited_pct", "t.target_3d_most_visited_pct"),
             ("target_skill_level", f"COALESCE(t.target_skill_level, {schema.DEFAULT_SKILL_TARGET})"),
             ("target_pct_staff_ai_trained", "t.target_pct_staff_ai_trained"))
_GAPS = (("digitisation_gap_pp", "gap(target_pct_digitised, pct_digitised)"),
         ("gap_3d_at_risk", "gap(immovable_at_risk_n * target_3d_at_risk_pct / 100, immovable_at_risk_3d_n)"),
         ("gap_3d_most_visited",
          "gap(immovable_most_visited_n * target_3d_most_visited_pct / 100, immovable_most_visited_3d_n)"),
         *((f"skills_gap_{a}", f"gap(target_skill_level, skill_{a})") for a in schema.SKILL_AREAS),
         ("ai_literacy_gap_pct", "gap(target_pct_staff_ai_trained, pct_staff_ai_trained_12m)"))
_PACE = (("required_annual_rate_pp", f"digitisation_gap_pp / greatest(1, {HORIZON} - reference_year)"),
         ("skills_gap_index", f"list_avg([{', '.join(f'skills_gap_{a}' for a in schema.SKILL_AREAS)}]) "
                              f"/ {schema.SKILL_MAX_GAP}"))
TARGET_COLUMNS = tuple(name for name, _ in (*_TARGETED, *_GAPS, *_PACE))     # museum_metrics, not museum_base
MILESTONE_COLUMNS = {(asset, year): f"target_3d_{asset}_{year}" for asset in ASSETS_3D for year in MILESTONE_YEARS}
# Several-answers question -> its options in bit order (bit i of choices_<field> = option i chosen); the
# normaliser stores an answer outside the list as "other".
CHOICE_CODES = {f.name: (*f.codes, "other") for f in schema.FIELDS if f.kind == schema.MULTI}
# The columns the change between waves is reported for (analysis.weights.WAVE_INDICATORS): each answer keeps
# their values in the museum's previous answer, so that the panel of museums needs no join at read time.
PANEL_COLUMNS = ("pct_digitised", "pct_online", "pct_staff_ai_trained_12m", "funding_shortfall_eur")
FACT_EXTRAS = (*MILESTONE_COLUMNS.values(), "progress_pp_a_year", "on_track_status", "previous_wave",
               "frame_size_band", "written_strategy_pct",
               *(f"previous_{c}" for c in PANEL_COLUMNS), *(f"choices_{name}" for name in CHOICE_CODES))


def _choice_bits(field: str) -> str:
    codes = ", ".join(f"'{c}'" for c in CHOICE_CODES[field])
    return (f"CASE WHEN {field} IS NULL THEN NULL ELSE COALESCE(list_sum(list_transform(list_distinct("
            f"string_split({field}, ';')), lambda c: 1::BIGINT << (list_position([{codes}], c) - 1))), 0)::INTEGER END")


def _select(columns) -> str:
    return ",\n    ".join(f"{expr} AS {name}" for name, expr in columns)


def facts_select(scope: str = "TRUE") -> str:
    """museum_facts rows for the current answers of the museums matching `scope` (a condition on responses)."""
    milestones = ",\n    ".join(
        f"max(chosen.value) FILTER (WHERE metric = '{ASSETS_3D[asset]}' AND target_year = {year}) AS {name}"
        for (asset, year), name in MILESTONE_COLUMNS.items())
    return f"""
WITH base AS (
  SELECT c.* EXCLUDE (is_current),
    TRY_CAST(left(c.survey_wave, 4) AS INTEGER) AS wave_year,
    COALESCE(year(c.reference_date), TRY_CAST(left(c.survey_wave, 4) AS INTEGER)) AS reference_year,
    {_size_band_sql()} AS size_band,
    {_egmus_sql()} AS egmus_type_group,
    CASE WHEN {_any_need_sql()} IS NULL THEN NULL
         ELSE {' + '.join(f'COALESCE({c}, 0)' for c in schema.NEED_FIELDS.values())} END AS funding_need_eur,
    {', '.join(f'{_choice_bits(name)} AS choices_{name}' for name in CHOICE_CODES)},
    COALESCE(reg.register_size_band, {_size_band_sql()}) AS frame_size_band,
    CASE WHEN c.has_digital_strategy IS NULL THEN NULL
         WHEN c.has_digital_strategy = 'written' THEN 100.0 ELSE 0.0 END AS written_strategy_pct
  FROM responses c
  LEFT JOIN ({REGISTER_SIZE_BANDS}) reg ON reg.register_country = c.country AND reg.museum_ref = c.museum_id
  WHERE c.is_current AND ({scope})
), funded AS (
  SELECT *,
    COALESCE(funding_horizon_years, greatest(1, {HORIZON} - wave_year)) AS horizon_years,
    digital_budget_available_eur
      * COALESCE(funding_horizon_years, greatest(1, {HORIZON} - wave_year)) AS funding_available_horizon_eur,
    pct_to_digitise(pct_digitised, pct_no_need_digitise) AS pct_to_digitise
  FROM base
), shortfall AS (
  SELECT *,
    CASE WHEN funding_need_eur IS NULL OR funding_available_horizon_eur IS NULL THEN NULL
         ELSE greatest(funding_need_eur - funding_available_horizon_eur, 0) END AS funding_shortfall_eur
  FROM funded
), untargeted AS (
  SELECT *,
    objects_to_digitise(collection_objects, pct_to_digitise) AS objects_to_digitise,
    100 - pct_catalogued_db AS catalogue_gap_pp,
    pct_digitised - pct_online AS online_gap_pp,
    pct_online_rights_unknown AS rights_backlog_pct,
    staff_fte_digital / NULLIF(staff_paid_fte, 0) AS digital_fte_share,
    funding_shortfall_eur / NULLIF(funding_need_eur, 0) AS shortfall_ratio,
    funding_shortfall_eur / NULLIF(objects_to_digitise(collection_objects, pct_to_digitise), 0)
      AS shortfall_per_object_eur,
    funding_shortfall_eur / NULLIF(annual_visits, 0) AS shortfall_per_visit_eur,
    funding_shortfall_eur / NULLIF(staff_paid_fte, 0) AS shortfall_per_fte_eur,
    {_pillar_shortfalls}
  FROM shortfall
), targeted AS (
  SELECT b.*,
    {_select(_TARGETED)}
  FROM untargeted b
  LEFT JOIN cell_targets t ON b.country IS NOT DISTINCT FROM t.country
   AND b.museum_type IS NOT DISTINCT FROM t.museum_type AND b.survey_wave = t.survey_wave
), gaps AS (
  SELECT *,
    {_select(_GAPS)}
  FROM targeted
), metrics AS (
  SELECT *,
    {_select(_PACE)}
  FROM gaps
), earlier AS (             -- the museum's answers in earlier waves (any filters apply to the later answer only)
  SELECT s.response_id,
    arg_max({{'pct': p.pct_digitised, 'year': p.reference_year}}, p.survey_wave)
      FILTER (WHERE p.reference_year < s.reference_year AND p.pct_digitised IS NOT NULL) AS paced,
    arg_max({{'wave': p.survey_wave, {', '.join(f"'{c}': p.{c}" for c in PANEL_COLUMNS)}}}, p.survey_wave)
      AS previous
  FROM metrics s JOIN metrics p ON p.museum_id = s.museum_id AND p.survey_wave < s.survey_wave
  GROUP BY s.response_id
), milestones AS (
  SELECT country, museum_type, survey_wave,
    {milestones}
  FROM cell_target_choices GROUP BY country, museum_type, survey_wave
), paced AS (
  SELECT m.*, {', '.join(f'ms.{c}' for c in MILESTONE_COLUMNS.values())},
    (m.pct_digitised - e.paced.pct) / (m.reference_year - e.paced.year) AS progress_pp_a_year,
    e.previous.wave AS previous_wave, {', '.join(f'e.previous.{c} AS previous_{c}' for c in PANEL_COLUMNS)}
  FROM metrics m LEFT JOIN earlier e USING (response_id)
  LEFT JOIN milestones ms ON m.country IS NOT DISTINCT FROM ms.country
   AND m.museum_type IS NOT DISTINCT FROM ms.museum_type AND m.survey_wave = ms.survey_wave
)
SELECT *,
  CASE WHEN required_annual_rate_pp IS NULL THEN NULL
       WHEN digitisation_gap_pp = 0 THEN 'reached'
       WHEN progress_pp_a_year IS NULL THEN 'no_earlier_answer'
       WHEN progress_pp_a_year >= required_annual_rate_pp THEN 'on_track'
       ELSE 'behind' END AS on_track_status
FROM paced"""


# Per-museum numeric metrics of museum_metrics that may be averaged or summed (analysis.metrics' whitelist).
DERIVED_NUMERIC = (
    "pct_to_digitise", "objects_to_digitise", "digitisation_gap_pp", "gap_3d_at_risk", "gap_3d_most_visited",
    "required_annual_rate_pp", "catalogue_gap_pp", "online_gap_pp", "rights_backlog_pct", "digital_fte_share",
    *(f"skills_gap_{a}" for a in schema.SKILL_AREAS), "ai_literacy_gap_pct", "skills_gap_index",
    "funding_need_eur", "funding_available_horizon_eur", "funding_shortfall_eur", "shortfall_ratio",
    "shortfall_per_object_eur", "shortfall_per_visit_eur", "shortfall_per_fte_eur",
    *(f"shortfall_{p}_eur" for p in schema.PILLARS), "target_pct_digitised")
NUMERIC_COLUMNS = tuple(f.name for f in schema.FIELDS if f.kind in schema.NUMERIC_KINDS) + DERIVED_NUMERIC

# fact_cells: per combination of the filter columns (with the EGMUS type group, which follows from the museum type,
# and the wave of the museum's previous answer), the number of answers and sufficient statistics of the columns
# the pages add up (CELL_COLUMNS): n__ (answers), s__ (sum) and q__ (sum of squares), for means and standard
# deviations; for CELL_WEIGHTED also wn__, ws__ and wo__ (answers with a collection size, the sum of value x
# objects and of their objects), for collection-weighted means; and x__ sums of the per-row quantities in
# CELL_SUMS. Counts, sums and means of a filtered view are added up from these rows instead of every answer;
# medians and quartiles, and columns not listed, still read museum_facts. The lists are kept to what the pages
# use: every statistic costs time at each write.
CELL_DIMENSIONS = (*FILTER_COLUMNS, "egmus_type_group", "previous_wave", "frame_size_band")
LEVEL_COLUMNS = ("pct_catalogued_db", "pct_digitised", "pct_digitised_3d", "pct_online", "pct_in_europeana_dataspace")
CELL_WEIGHTED = (*LEVEL_COLUMNS, "pct_to_digitise", "digitisation_gap_pp", "required_annual_rate_pp",
                 "pct_staff_ai_trained_12m")
CELL_COLUMNS = tuple(dict.fromkeys((
    *CELL_WEIGHTED, *PANEL_COLUMNS, "written_strategy_pct", "objects_to_digitise", "funding_need_eur", "funding_available_horizon_eur",
    *(f"shortfall_{p}_eur" for p in schema.PILLARS), "shortfall_ratio", *(f"skill_{a}" for a in schema.SKILL_AREAS),
    *(f"skills_gap_{a}" for a in schema.SKILL_AREAS), "skills_gap_index", "ai_literacy_gap_pct", "digital_fte_share",
    *(f.name for f in schema.FIELDS if f.name.startswith("infra_")))))
_MANAGED = {asset: f"immovable_{asset}_n > 0 AND immovable_{asset}_3d_n IS NOT NULL" for asset in ASSETS_3D}
CELL_SUMS = {
    **{f"target_if_{a}": f"CASE WHEN skill_{a} IS NOT NULL THEN target_skill_level END" for a in schema.SKILL_AREAS},
    **{f"below_{a}": f"(skill_{a} < target_skill_level)::INT" for a in schema.SKILL_AREAS},
    "digital_fte_if_share": "CASE WHEN digital_fte_share IS NOT NULL THEN staff_fte_digital END",
    "paid_fte_if_share": "CASE WHEN digital_fte_share IS NOT NULL THEN staff_paid_fte END",
    **{f"managed_{a}": f"({m})::INT" for a, m in _MANAGED.items()},
    **{f"assets_{a}": f"CASE WHEN {m} THEN immovable_{a}_n END" for a, m in _MANAGED.items()},
    **{f"assets_3d_{a}": f"CASE WHEN {m} THEN immovable_{a}_3d_n END" for a, m in _MANAGED.items()},
    **{f"target_assets_{a}_{y}": f"CASE WHEN {m} THEN immovable_{a}_n * {MILESTONE_COLUMNS[a, y]} END"
       for a, m in _MANAGED.items() for y in MILESTONE_YEARS},
    **{f"targeted_assets_{a}_{y}": f"CASE WHEN {m} AND {MILESTONE_COLUMNS[a, y]} IS NOT NULL THEN immovable_{a}_n END"
       for a, m in _MANAGED.items() for y in MILESTONE_YEARS},
    # the panel: answers given both now and in the previous answer, their two values and the change
    **{f"pairs_{c}": f"({c} IS NOT NULL AND previous_{c} IS NOT NULL)::INT" for c in PANEL_COLUMNS},
    **{f"before_{c}": f"CASE WHEN {c} IS NOT NULL THEN previous_{c} END" for c in PANEL_COLUMNS},
    **{f"after_{c}": f"CASE WHEN previous_{c} IS NOT NULL THEN {c} END" for c in PANEL_COLUMNS},
    **{f"change_{c}": f"{c} - previous_{c}" for c in PANEL_COLUMNS},
    **{f"change2_{c}": f"pow({c} - previous_{c}, 2)" for c in PANEL_COLUMNS},
}
_CELL_STATS = ", ".join(
    [f"count({c}) AS n__{c}, sum({c}) AS s__{c}, sum({c}::DOUBLE * {c}) AS q__{c}" for c in CELL_COLUMNS]
    + [f"count({c} * objects) AS wn__{c}, sum({c} * objects) AS ws__{c}, "
       f"sum(CASE WHEN {c} IS NOT NULL THEN objects END) AS wo__{c}" for c in CELL_WEIGHTED])
CELLS_SELECT = (f"SELECT {', '.join(CELL_DIMENSIONS)}, count(*) AS respondents, {_CELL_STATS}, "
                f"{', '.join(f'sum({expr}) AS x__{name}' for name, expr in CELL_SUMS.items())} "
                f"FROM (SELECT *, CASE WHEN collection_objects > 0 THEN collection_objects::DOUBLE END AS objects "
                f"FROM museum_facts) GROUP BY {', '.join(CELL_DIMENSIONS)}")
DERIVED_VIEWS_SQL = f"""
-- museum_base, museum_metrics and response_choices: the derived table kept by the write path (facts_select),
-- under the names and columns every page, export and test reads. museum_base is the
-- part that needs no target; museum_metrics adds the targets in force and the gaps to them.
CREATE OR REPLACE VIEW museum_metrics AS SELECT * EXCLUDE ({', '.join(FACT_EXTRAS)}) FROM museum_facts;
CREATE OR REPLACE VIEW museum_base AS
SELECT * EXCLUDE ({', '.join(FACT_EXTRAS)}, {', '.join(TARGET_COLUMNS)}) FROM museum_facts;
-- Multi-select answers, one row per chosen option (the bridge table of survey-schema.md); aggregates count
-- options from museum_facts' choices_<field> bits instead.
CREATE OR REPLACE VIEW response_choices AS
{' UNION ALL '.join(
    f"SELECT response_id, '{name}' AS field, unnest(string_split({name}, ';')) AS code "
    f"FROM current_responses WHERE {name} IS NOT NULL" for name in CHOICE_CODES)};
"""


def _definition(con: duckdb.DuckDBPyConnection) -> str:
    """The sha256 of what the derived tables are built from: their SQL and the columns of responses."""
    columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = "
                                         "'responses' ORDER BY ordinal_position").fetchall()]
    text = "\n".join((facts_select(), CELLS_SELECT, ", ".join(columns)))
    return hashlib.sha256(text.encode()).hexdigest()


def _ensure_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Build the derived tables for the answers already stored when they are missing (a store made before
    them) or were built by another definition, in one transaction. Called by migrate, under the write lock."""
    definition = _definition(con)
    if con.execute("SELECT definition FROM derived_state").fetchall() == [(definition,)]:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("fact_cells", "museum_facts"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        con.execute(f"CREATE TABLE museum_facts AS {facts_select()}")
        con.execute(f"CREATE TABLE fact_cells AS {CELLS_SELECT}")
        con.execute("DELETE FROM derived_state")
        con.execute("INSERT INTO derived_state VALUES (?, ?)", [definition, _now()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _museums(query: str) -> str:
    """A condition on museum_id (of responses or museum_facts): the museums that `query` names."""
    return f"COALESCE(museum_id, '') IN (SELECT COALESCE(museum_id, '') FROM ({query}))"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _refresh_facts(cur: duckdb.DuckDBPyConnection, scope: str = "TRUE") -> None:
    """Recompute the derived rows of the museums matching `scope` (all by default), inside the caller's
    transaction, once responses.is_current and target_cells are up to date."""
    cur.execute(f"DELETE FROM museum_facts WHERE {scope}")
    cur.execute(f"INSERT INTO museum_facts BY NAME {facts_select(scope)}")
    cur.execute("DELETE FROM fact_cells")
    cur.execute(f"INSERT INTO fact_cells BY NAME {CELLS_SELECT}")


# --- the write path ----------------------------------------------------------------------------------
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
        try:                                           # True/False/None, as analysis.normalise gives them
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


class _Transaction:
    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cursor, self.kept = cursor, True

    def abandon(self) -> None:
        """Roll back instead of committing (nothing to change, e.g. a duplicate)."""
        self.kept = False


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection):
    """The one write path: the process-wide write lock, one transaction on its own cursor, committed (then
    CHECKPOINT) when the block ends normally, rolled back when it raises or abandons."""
    with _write_lock, con.cursor() as cur:
        cur.execute("BEGIN TRANSACTION")
        tx = _Transaction(cur)
        try:
            yield tx
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        if tx.kept:
            cur.execute("COMMIT")
            _checkpoint(cur)
        else:
            cur.execute("ROLLBACK")


def find_duplicate(con: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    with con.cursor() as cur:
        rows = cur.execute("SELECT upload_id FROM uploads WHERE sha256 = ? AND status = 'committed' "
                           "ORDER BY upload_id LIMIT 1", [sha256]).fetchall()
    return rows[0][0] if rows else None


def _checkpoint(cur: duckdb.DuckDBPyConnection) -> None:
    """Fold the WAL into the file. Skipped (the WAL keeps the commit durable) while a reader's transaction
    is still open; the next commit or DuckDB's automatic checkpoint folds it in."""
    try:
        cur.execute("CHECKPOINT")
    except duckdb.TransactionException:
        pass


def commit_upload(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, *, filename: str, sha256: str,
                  sheets: list[str], user: str, warnings: list[dict], report: dict) -> CommitResult:
    """Write one file's rows and its uploads row in a single transaction, or nothing at all."""
    rows = _incoming(frame)
    waves = sorted(rows["survey_wave"].unique().drop_null().to_pylist())
    with _transaction(con) as tx:
        cur = tx.cursor
        duplicate = cur.execute("SELECT upload_id FROM uploads WHERE sha256 = ? AND status = 'committed' "
                                "LIMIT 1", [sha256]).fetchone()
        if duplicate:
            tx.abandon()
            return CommitResult("duplicate", duplicate[0], 0)
        upload_id = cur.execute(
            "INSERT INTO uploads (filename, sha256, sheet, uploaded_by, uploaded_at, survey_wave, rows, "
            "status, warnings, report) VALUES (?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?) RETURNING upload_id",
            [filename, sha256, ", ".join(sheets), user, _now(), ", ".join(waves), len(rows),
             json.dumps(warnings, default=str), json.dumps(report, default=str)]).fetchone()[0]
        cur.register("incoming", rows)
        superseded = cur.execute(
            "SELECT count(*) FROM current_responses c JOIN incoming i "
            "ON c.museum_id = i.museum_id AND c.survey_wave = i.survey_wave").fetchone()[0]
        # response_id: a random (version 4) UUID per row, drawn by DuckDB rather than 50k uuid4() calls.
        cur.execute("INSERT INTO responses BY NAME SELECT *, ? AS upload_id, uuid()::VARCHAR AS response_id "
                    "FROM incoming", [upload_id])
        cur.execute(_REFRESH_CURRENT.format(keys="SELECT museum_id, survey_wave FROM incoming"))
        cur.execute(_REFRESH_TARGETS)
        _refresh_facts(cur, _museums("SELECT museum_id FROM incoming"))
        cur.unregister("incoming")
    return CommitResult("committed", upload_id, len(rows), superseded)


def retract_upload(con: duckdb.DuckDBPyConnection, upload_id: int, *, user: str) -> dict:
    """Mark an upload retracted: its rows leave every view; earlier answers they superseded come back."""
    with _transaction(con) as tx:
        cur = tx.cursor
        found = cur.execute("SELECT status, rows, filename FROM uploads WHERE upload_id = ?",
                            [upload_id]).fetchone()
        if found is None or found[0] != "committed":
            tx.abandon()
            state = "no such upload" if found is None else f"already {found[0]}"
            return {"upload_id": upload_id, "status": "unchanged", "reason": state}
        cur.execute("UPDATE uploads SET status = 'retracted', retracted_at = ?, retracted_by = ? "
                    "WHERE upload_id = ?", [_now(), user, upload_id])
        cur.execute(_REFRESH_CURRENT.format(
            keys=f"SELECT museum_id, survey_wave FROM responses WHERE upload_id = {int(upload_id)}"))
        cur.execute(_REFRESH_TARGETS)
        _refresh_facts(cur, _museums(f"SELECT museum_id FROM responses WHERE upload_id = {int(upload_id)}"))
        restored = cur.execute(
            "SELECT count(*) FROM current_responses c JOIN responses r "
            "ON c.museum_id = r.museum_id AND c.survey_wave = r.survey_wave WHERE r.upload_id = ?",
            [upload_id]).fetchone()[0]
    return {"upload_id": upload_id, "status": "retracted", "filename": found[2], "rows_removed": found[1],
            "earlier_answers_restored": restored}


def replace_targets(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace the whole targets table with checked rows (analysis.targets.check) in one transaction."""
    columns = ["metric", "country", "museum_type", "survey_wave", "target_year", "value", "is_placeholder", "source"]
    with _transaction(con) as tx:
        cur = tx.cursor
        cur.execute("DELETE FROM targets")
        cur.executemany(f"INSERT INTO targets ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                        [[row[c] for c in columns] for row in rows])
        cur.execute(_REFRESH_TARGETS)
        _refresh_facts(cur)                          # targets and gaps change for every answer
    return len(rows)


UNIT_COST_COLUMNS = ("museum_type", "cost_2d_eur", "cost_3d_eur", "share_3d_pct", "source")


def replace_unit_costs(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace the whole cost model (table unit_costs) with checked rows (analysis.unit_costs.check)."""
    with _transaction(con) as tx:
        tx.cursor.execute("DELETE FROM unit_costs")
        tx.cursor.executemany(f"INSERT INTO unit_costs ({', '.join(UNIT_COST_COLUMNS)}) VALUES "
                              f"({', '.join('?' for _ in UNIT_COST_COLUMNS)})",
                              [[row[c] for c in UNIT_COST_COLUMNS] for row in rows])
    return len(rows)


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


# --- saved column mappings and the upload history (migration 3) ---------------------------------------
def save_mapping(con: duckdb.DuckDBPyConnection, signature: str, *, headers: list[str],
                 mapping: dict[str, str | None], user: str, sheet: str = "", filename: str = "") -> None:
    """Remember an analyst's column decisions for sheets whose headings are exactly `headers`."""
    with _transaction(con) as tx:
        cur = tx.cursor
        cur.execute("INSERT OR REPLACE INTO saved_mappings VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [signature, json.dumps(headers, ensure_ascii=False), json.dumps(mapping, ensure_ascii=False),
                     sheet, filename, user, _now()])


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


# --- backup and restore ------------------------------------------------------------------------------
def backup(con: duckdb.DuckDBPyConnection, folder: str | os.PathLike) -> dict:
    """Copy the whole store (schema, data, sequences) into a new DuckDB file in `folder`, taken as one
    consistent snapshot while writes wait; a manifest beside it records the schema version and counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"museums-{stamp}.duckdb"
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    with _write_lock, con.cursor() as cur:
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
    source, target = Path(backup_file), db_path(path)
    if not source.is_file():
        raise FileNotFoundError(f"No backup file {source}")
    if target.exists() and not replace:
        raise FileExistsError(f"{target} exists; pass --replace to overwrite it")
    for leftover in (target, target.with_name(target.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    con = open_store(target)
    try:
        with con.cursor() as cur:
            return {"restored": str(target), "uploads": cur.execute("SELECT count(*) FROM uploads").fetchall()[0][0],
                    "responses": cur.execute("SELECT count(*) FROM responses").fetchall()[0][0]}
    finally:
        con.close()


# --- national museum registers: the population frame (migration 5, analysis.registers) -----------------
# The register in force for a country is the one loaded last; earlier ones stay for the record.
CURRENT_REGISTER_IDS = "SELECT country, max(register_id) AS register_id FROM registers GROUP BY country"
CURRENT_REGISTER_MUSEUMS = f"""
SELECT m.* FROM register_museums m JOIN ({CURRENT_REGISTER_IDS}) c USING (country, register_id)
"""
# The size band of each museum in the register in force (a code listed twice counts once, at its first row): a
# respondent found there is classed by the register's band (museum_facts.frame_size_band), as the frame is.
REGISTER_SIZE_BANDS = f"""
SELECT country AS register_country, museum_ref, arg_min(size_band, source_row) AS register_size_band
FROM ({CURRENT_REGISTER_MUSEUMS}) GROUP BY ALL
"""
REGISTER_COLUMNS = ("country", "museum_ref", "name", "museum_type", "size_band", "annual_visits", "ownership",
                    "region", "source_row")


def commit_register(con: duckdb.DuckDBPyConnection, museums: pd.DataFrame, *, filename: str, sha256: str,
                    sheet: str, user: str, report: dict) -> dict:
    """Write a checked register (analysis.registers.parse_register) in one transaction: one `registers` row per
    country in the file and its museums. The same file (sha256) loaded twice is a no-op reported as duplicate."""
    frame = museums[list(REGISTER_COLUMNS)].copy()
    frame["annual_visits"] = pd.array(frame["annual_visits"].tolist(), dtype="Int64")
    frame["source_row"] = pd.array(frame["source_row"].tolist(), dtype="Int32")
    for column in ("country", "museum_ref", "name", "museum_type", "size_band", "ownership", "region"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None).astype("string")
    now = _now()
    with _transaction(con) as tx:
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
        _refresh_facts(cur, f"country IN ({', '.join(_quoted(c) for c in ids)})")   # their frame size bands
    return {"status": "committed", "register_ids": sorted(ids.values()), "rows": len(frame),
            "countries": sorted(ids)}


def register_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every loaded register, newest first, and whether it is the one in force for its country."""
    with con.cursor() as cur:
        return cur.execute("""
            SELECT r.register_id, r.country, r.filename, r.sheet, r.rows, r.loaded_by, r.loaded_at, r.sha256,
                   r.register_id = max(r.register_id) OVER (PARTITION BY r.country) AS in_force
            FROM registers r ORDER BY r.register_id DESC""").df()


def register_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Museums of the register in force per country and size band (size_band NULL = unknown), with the
    register's name and load date: the input of analysis.weights.population_frame."""
    with con.cursor() as cur:
        return cur.execute(f"""
            SELECT m.country, m.size_band, count(*) AS museums,
                   'register ' || any_value(m.source_file) AS source, year(any_value(m.loaded_at)) AS year
            FROM ({CURRENT_REGISTER_MUSEUMS}) m GROUP BY ALL ORDER BY 1, 2""").df()


def museum_population_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The bundled number of museums per country (data/museum_frame.csv): figure, year, what it counts, scope
    flag, status (primary | secondary | not used | not found) and source. Countries listed without a figure say
    why there is none."""
    with con.cursor() as cur:
        return cur.execute(f"SELECT {', '.join(_FRAME_COLUMNS)} FROM museum_population ORDER BY country").df()


def frame_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """The bundled frame file's sha256 and the registers in force: the cache key of weighted figures, and the
    frame part of a figure's data version (analysis.provenance)."""
    with con.cursor() as cur:
        sha, registers = cur.execute(f"""SELECT (SELECT sha256 FROM frame_file),
                                                (SELECT list(register_id ORDER BY register_id)
                                                 FROM ({CURRENT_REGISTER_IDS}))""").fetchone()
    return sha, tuple(registers or ())
