"""Every derived metric of survey-schema.md, defined once in SQL: the views over the answers, the derived tables
the write path keeps (museum_facts, fact_cells), and the statements that keep them (refresh_facts,
REFRESH_CURRENT, REFRESH_TARGETS). Identifiers only come from analysis.schema; values are bound parameters."""

from __future__ import annotations

import hashlib

import duckdb

from analysis import schema
from analysis.store import connection

# Which row is a museum's current answer for a wave: the latest of a committed upload. Kept in
# responses.is_current by every write (for the keys it touches) so readers need no window function.
REFRESH_CURRENT = """
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
REFRESH_TARGETS = """
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
-- (the upload's cost-model check, analysis.figures.unit_costs), so it is written once, here.
CREATE OR REPLACE MACRO pct_to_digitise(digitised, no_need) AS 100 - digitised - no_need;
CREATE OR REPLACE MACRO objects_to_digitise(objects, pct_to_do) AS objects * pct_to_do / 100;

-- The latest committed row per museum and wave: later uploads supersede, retracted uploads vanish.
CREATE OR REPLACE VIEW current_responses AS
SELECT * EXCLUDE (is_current) FROM responses WHERE is_current;

-- The target in force for each (country, museum type, wave), metric and target year (table target_cells,
-- kept by the write path, see REFRESH_TARGETS); every page and export reads targets through these views.
CREATE OR REPLACE VIEW cell_target_choices AS SELECT * FROM target_cells;

-- One row per cell with the targets the metrics use: the 2030 goals, and for 3D the milestone of the wave
-- ({schema.MILESTONE_YEAR} up to wave {schema.MILESTONE_YEAR}, {schema.HORIZON_YEAR} after).
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
FROM (SELECT *, CASE WHEN TRY_CAST(left(survey_wave, 4) AS INTEGER) <= {schema.MILESTONE_YEAR}
                     THEN {schema.MILESTONE_YEAR} ELSE {schema.HORIZON_YEAR} END AS milestone
      FROM cell_target_choices)
GROUP BY country, museum_type, survey_wave;
"""

# --- derived facts, computed once per answer by the write path -------------------------------------------
# Every derived metric of survey-schema.md is defined once, in `facts_select`, and computed when answers are
# written (commit, retraction, a target edit), not again by every query:
#   museum_facts  one row per current answer (the latest committed row per museum and wave): the answer, what
#                 needs no target (classification, backlog, funding arithmetic), the targets in force and the
#                 gaps to them; plus what aggregates would otherwise work out per query (FACT_EXTRAS): the
#                 2025 and 2030 3D milestones, the pace since the museum's earlier answer and
#                 its on-track status, the wave and PANEL_COLUMNS of its previous answer, its size band as the
#                 population frame classes it (the register's where it is in one: a register load recomputes
#                 its country), whether it has a written strategy as 100/0, and its several-answers
#                 questions split into options: one bit per option (CHOICE_CODES), so that counting museums per
#                 option is one scan, with no row per option to store and join back; the order its answer was
#                 committed in as one number (`commit_order`: upload, then row of the file) and its `cell` of
#                 fact_cells, so that a per-museum read fetches two integers instead of its groups' text.
#   fact_cells    answers per combination of the filter columns: sidebar options, waves, coverage and the
#                 targets in force are read from this small table.
# A write recomputes the rows of the museums it touches (an answer's pace and previous wave depend on the
# museum's other answers); a register load, those of its countries; a target edit recomputes all. derived_state
# records the definition that built the tables: a store opened by code with another definition (or new survey
# fields) is rebuilt (`ensure_derived`).
HORIZON = schema.HORIZON_YEAR
MILESTONE_YEARS = (schema.MILESTONE_YEAR, HORIZON)
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
# The columns the change between waves is reported for (analysis.figures.weights.WAVE_INDICATORS): each answer keeps
# their values in the museum's previous answer, so that the panel of museums needs no join at read time.
PANEL_COLUMNS = ("pct_digitised", "pct_online", "pct_staff_ai_trained_12m", "funding_shortfall_eur")
FACT_EXTRAS = (*MILESTONE_COLUMNS.values(), "progress_pp_a_year", "on_track_status", "previous_wave",
               "frame_size_band", "written_strategy_pct",
               *(f"previous_{c}" for c in PANEL_COLUMNS), *(f"choices_{name}" for name in CHOICE_CODES),
               "commit_order", "cell")


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
  (upload_id::BIGINT << 32) | source_row AS commit_order,
  {_CELL_KEY} AS cell,
  CASE WHEN required_annual_rate_pp IS NULL THEN NULL
       WHEN digitisation_gap_pp = 0 THEN 'reached'
       WHEN progress_pp_a_year IS NULL THEN 'no_earlier_answer'
       WHEN progress_pp_a_year >= required_annual_rate_pp THEN 'on_track'
       ELSE 'behind' END AS on_track_status
FROM paced"""


# Per-museum numeric metrics of museum_metrics that may be averaged or summed (analysis.figures.metrics' whitelist).
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
CELL_DIMENSIONS = (*schema.FILTER_COLUMNS, "egmus_type_group", "previous_wave", "frame_size_band")
# A cell's key as one number (NULL-safe, unlike a tuple compared with IN), kept in museum_facts.cell and
# fact_cells.cell. Two cells may share a number: both are then deleted and recomputed together, which is still
# exact, since a cell is always recomputed from all of its answers.
_CELL_KEY = f"hash({', '.join(CELL_DIMENSIONS)})"
LEVEL_COLUMNS = ("pct_catalogued_db", "pct_digitised", "pct_digitised_3d", "pct_online", "pct_in_europeana_dataspace")
CELL_WEIGHTED = (*LEVEL_COLUMNS, "pct_to_digitise", "digitisation_gap_pp", "required_annual_rate_pp",
                 "pct_staff_ai_trained_12m")
CELL_COLUMNS = tuple(dict.fromkeys((
    *CELL_WEIGHTED, *PANEL_COLUMNS, "written_strategy_pct", "objects_to_digitise", "funding_need_eur",
    "funding_available_horizon_eur", *(f"shortfall_{p}_eur" for p in schema.PILLARS), *schema.NEED_FIELDS.values(),
    "shortfall_ratio", *(f"skill_{a}" for a in schema.SKILL_AREAS), *(f"skills_gap_{a}" for a in schema.SKILL_AREAS),
    "skills_gap_index", "ai_literacy_gap_pct", "digital_fte_share",
    *(f.name for f in schema.FIELDS if f.name.startswith("infra_")))))
_MANAGED = {asset: f"immovable_{asset}_n > 0 AND immovable_{asset}_3d_n IS NOT NULL" for asset in ASSETS_3D}
# Single-choice and yes/no questions whose answers are counted per cell (x__answer__<field>__<code>): the readiness
# questions and AI status of the Skills page.
CELL_ANSWERS = {name: schema.FIELDS_BY_NAME[name].codes or ("true", "false") for name in (
    "has_digital_strategy", "ai_policy", "skills_assessment_done", "training_plan", "ai_status")}
# Ratings counted level by level per cell (x__level__<field>__<level>), so that their medians need no scan of the
# answers: the infrastructure ratings (1–5) of the Skills page.
CELL_LEVELS = {f.name: tuple(range(int(f.minimum), int(f.maximum) + 1))
               for f in schema.FIELDS if f.name.startswith("infra_")}
CELL_SUMS = {
    **{f"answer__{name}__{code}": f"(CAST({name} AS VARCHAR) = '{code}')::INT"
       for name, codes in CELL_ANSWERS.items() for code in codes},
    **{f"level__{name}__{level}": f"({name} = {level})::INT"
       for name, levels in CELL_LEVELS.items() for level in levels},
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


def cells_select(where: str = "TRUE") -> str:
    """fact_cells rows from the museum_facts rows matching `where`."""
    return (f"SELECT {', '.join(CELL_DIMENSIONS)}, any_value(cell) AS cell, count(*) AS respondents, {_CELL_STATS}, "
            f"{', '.join(f'sum({expr}) AS x__{name}' for name, expr in CELL_SUMS.items())} "
            f"FROM (SELECT *, CASE WHEN collection_objects > 0 THEN collection_objects::DOUBLE END AS objects "
            f"FROM museum_facts{'' if where == 'TRUE' else f' WHERE {where}'}) GROUP BY {', '.join(CELL_DIMENSIONS)}")


CELLS_SELECT = cells_select()

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
    """The sha256 of what the derived tables are built from: their SQL, the columns of responses and the DuckDB
    version (whose hash() makes the stored cell keys: another version may hash differently)."""
    columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = "
                                         "'responses' ORDER BY ordinal_position").fetchall()]
    text = "\n".join((facts_select(), CELLS_SELECT, ", ".join(columns), duckdb.__version__))
    return hashlib.sha256(text.encode()).hexdigest()


def ensure_derived(con: duckdb.DuckDBPyConnection) -> None:
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
        con.execute("INSERT INTO derived_state VALUES (?, ?)", [definition, connection.now()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def museums_matching(query: str) -> str:
    """A condition on museum_id (of responses or museum_facts): the museums that `query` names."""
    return f"COALESCE(museum_id, '') IN (SELECT COALESCE(museum_id, '') FROM ({query}))"


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def refresh_facts(cur: duckdb.DuckDBPyConnection, scope: str = "TRUE") -> None:
    """Recompute the derived rows of the museums matching `scope` (all by default), inside the caller's
    transaction, once responses.is_current and target_cells are up to date. Only the cells these museums' answers
    leave or enter are recomputed: a small upload into a big store does not add up every answer again (for all
    museums, every cell is recomputed in about the time a plain rebuild takes)."""
    keys = f"SELECT DISTINCT cell FROM museum_facts WHERE {scope}"
    cur.execute(f"CREATE OR REPLACE TEMP TABLE touched_cells AS {keys}")                  # the cells they leave
    cur.execute(f"DELETE FROM museum_facts WHERE {scope}")
    cur.execute(f"INSERT INTO museum_facts BY NAME {facts_select(scope)}")
    cur.execute(f"INSERT INTO touched_cells {keys}")                                      # and those they enter
    touched = "cell IN (SELECT cell FROM touched_cells)"
    cur.execute(f"DELETE FROM fact_cells WHERE {touched}")
    cur.execute(f"INSERT INTO fact_cells BY NAME {cells_select(touched)}")
    cur.execute("DROP TABLE touched_cells")


# --- national museum registers: the register in force per country (migration 5, analysis.loading.registers) ------
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
