"""The derived tables the write path keeps (museum_facts, fact_cells), against a hand-worked store: after commits,
a superseding upload, retractions, and in a store made before they existed."""

import duckdb
import pytest

from analysis.figures import metrics
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import connect, open_store, retract_upload
from tests.conftest import write_xlsx

HEADER = ["Museum ID", "Museum name", "Country", "Survey wave", "Reference date", "Museum type", "Annual visits",
          "Collection digitised (%)", "Monuments and sites at risk (count)",
          "Monuments and sites at risk digitised in 3D (count)", "Metadata standards"]
# Default targets: 50 % digitised by 2030; 3D of sites at risk 40 % by 2025 and 100 % by 2030.
WAVE_2023 = [["A", "Alpha", "AT", "2023", "2023-08-31", "art", 5_000, 20, 10, 2, "lido;edm"],       # small
             ["B", "Beta", "AT", "2023", "2023-08-31", "history", 50_000, 30, None, None, "lido"],  # medium
             ["C", "Gamma", "DE", "2023", "2023-08-31", "art", 200_000, 60, None, None, None]]      # large
WAVE_2025 = [["A", "Alpha", "AT", "2025", "2025-08-31", "art", 5_000, 30, 10, 5, "edm;in_house"],
             ["B", "Beta", "AT", "2025", "2025-08-31", "history", 50_000, 31, None, None, None],
             ["D", "Delta", "DE", "2025", "2025-08-31", "art", 1_000, 10, None, None, None]]
FIX_A_2023 = [["A", "Alpha", "AT", "2023", "2023-08-31", "art", 5_000, 25, 10, 2, "marc"]]


def load(con, tmp_path, name, rows):
    result = load_file(con, write_xlsx(tmp_path / name, [HEADER, *rows]))
    assert result["status"] == "committed", result
    return result["upload_id"]


def facts(con):
    """Per current answer: its pace figures, on-track status, the wave and % digitised of the museum's previous
    answer, and the 3D milestones in force."""
    return con.execute("""
        SELECT museum_id, survey_wave, pct_digitised, required_annual_rate_pp, progress_pp_a_year, on_track_status,
               previous_wave, previous_pct_digitised, target_3d_at_risk_2025, target_3d_at_risk_2030
        FROM museum_facts ORDER BY museum_id, survey_wave""").fetchall()


def choices(con):
    """Metadata standards split into one bit per option: lido 1, edm 2, dublin_core 4, cidoc_crm 8, ead 16,
    marc 32, in_house 64, none 128, other 256 (the schema's order)."""
    return con.execute("SELECT museum_id, survey_wave, choices_metadata_standards FROM museum_facts "
                       "ORDER BY ALL").fetchall()


def cells(con):
    """Answers per filter cell, with the sums behind the figures: % digitised (n, sum) and the panel's change."""
    return con.execute("""
        SELECT survey_wave, country, museum_type, size_band, sum(respondents)::INT, sum(n__pct_digitised)::INT,
               sum(s__pct_digitised), sum(x__pairs_pct_digitised)::INT, sum(x__change_pct_digitised)
        FROM fact_cells GROUP BY ALL ORDER BY ALL""").fetchall()


# Worked by hand. Gap = 50 - % digitised; pace needed = gap / (2030 - reference year); progress = change in
# % digitised / years since the museum's earlier answer. A 2025: 20 / 5 = 4 needed, (30 - 20) / 2 = 5 done.
# B 2025: 19 / 5 = 3.8 needed, (31 - 30) / 2 = 0.5 done. C 2023 is at 60 %: target reached.
BOTH_WAVES = [
    ("A", "2023", 20.0, 30 / 7, None, "no_earlier_answer", None, None, 40.0, 100.0),
    ("A", "2025", 30.0, 4.0, 5.0, "on_track", "2023", 20.0, 40.0, 100.0),
    ("B", "2023", 30.0, 20 / 7, None, "no_earlier_answer", None, None, 40.0, 100.0),
    ("B", "2025", 31.0, 3.8, 0.5, "behind", "2023", 30.0, 40.0, 100.0),
    ("C", "2023", 60.0, 0.0, None, "reached", None, None, 40.0, 100.0),
    ("D", "2025", 10.0, 8.0, None, "no_earlier_answer", None, None, 40.0, 100.0),
]
CHOICES_BOTH = [("A", "2023", 1 + 2), ("A", "2025", 2 + 64), ("B", "2023", 1), ("B", "2025", None),
                ("C", "2023", None), ("D", "2025", None)]
# Per cell: answers, n and sum of % digitised, and the panel (answers with a previous one) and its summed change.
CELLS_BOTH = [("2023", "AT", "art", "small", 1, 1, 20.0, 0, None),
              ("2023", "AT", "history", "medium", 1, 1, 30.0, 0, None),
              ("2023", "DE", "art", "large", 1, 1, 60.0, 0, None),
              ("2025", "AT", "art", "small", 1, 1, 30.0, 1, 10.0),             # A: 20 -> 30
              ("2025", "AT", "history", "medium", 1, 1, 31.0, 1, 1.0),          # B: 30 -> 31
              ("2025", "DE", "art", "small", 1, 1, 10.0, 0, None)]


def approx_rows(rows):
    return [tuple(pytest.approx(v) if isinstance(v, float) else v for v in row) for row in rows]


@pytest.fixture
def both_waves(con, tmp_path):
    ids = load(con, tmp_path, "w2023.xlsx", WAVE_2023), load(con, tmp_path, "w2025.xlsx", WAVE_2025)
    return con, ids


def test_derived_tables_after_two_waves(both_waves):
    con, _ = both_waves
    assert facts(con) == approx_rows(BOTH_WAVES)
    assert choices(con) == CHOICES_BOTH
    assert cells(con) == CELLS_BOTH


def test_a_correction_and_its_retraction_recompute_the_museums_later_answers(both_waves, tmp_path):
    con, _ = both_waves
    fix = load(con, tmp_path, "fix.xlsx", FIX_A_2023)
    # A 2023 is now 25 %: A 2025 did (30 - 25) / 2 = 2.5 a year of the 4 it needs; its previous answer is the fix.
    corrected = [("A", "2023", 25.0, 25 / 7, None, "no_earlier_answer", None, None, 40.0, 100.0),
                 ("A", "2025", 30.0, 4.0, 2.5, "behind", "2023", 25.0, 40.0, 100.0), *BOTH_WAVES[2:]]
    assert facts(con) == approx_rows(corrected)
    assert con.execute("SELECT upload_id FROM museum_facts WHERE museum_id = 'A' AND survey_wave = '2023'"
                       ).fetchone() == (fix,)
    assert choices(con) == [("A", "2023", 32), *CHOICES_BOTH[1:]]
    assert cells(con) == [("2023", "AT", "art", "small", 1, 1, 25.0, 0, None), *CELLS_BOTH[1:3],
                          ("2025", "AT", "art", "small", 1, 1, 30.0, 1, 5.0), *CELLS_BOTH[4:]]
    retract_upload(con, fix, user="test")
    assert cells(con) == CELLS_BOTH
    assert facts(con) == approx_rows(BOTH_WAVES)
    assert choices(con) == CHOICES_BOTH


def test_a_correction_that_moves_a_museum_into_another_cell(both_waves, tmp_path):
    con, _ = both_waves
    # B 2023 corrected to an art museum of 5,000 visits: it leaves the (AT, history, medium) cell, which is gone,
    # and joins A in (AT, art, small): 2 answers, % digitised 20 + 30. The 2025 cells keep their values.
    fix = load(con, tmp_path, "fix.xlsx", [["B", "Beta", "AT", "2023", "2023-08-31", "art", 5_000, 30, None, None,
                                            "lido"]])
    assert cells(con) == [("2023", "AT", "art", "small", 2, 2, 50.0, 0, None), *CELLS_BOTH[2:]]
    retract_upload(con, fix, user="test")
    assert cells(con) == CELLS_BOTH


def test_retracting_a_wave_removes_its_derived_rows(both_waves):
    con, (_, wave_2025) = both_waves
    retract_upload(con, wave_2025, user="test")
    assert facts(con) == approx_rows([row for row in BOTH_WAVES if row[1] == "2023"])
    assert choices(con) == [row for row in CHOICES_BOTH if row[1] == "2023"]
    assert cells(con) == CELLS_BOTH[:3]
    assert metrics.waves(con) == ["2023"] and metrics.options(con)["size_band"] == ["large", "medium", "small"]


def five_of_each(rows):
    """Every museum five times (A1 … A5): enough answers that no figure is suppressed (n < 5), same means."""
    return [[f"{row[0]}{i}", *row[1:]] for row in rows for i in range(1, 6)]


def figures(con) -> dict:
    """Figures read from the derived tables, each worked out by hand from five_of_each(WAVE_2023, WAVE_2025)."""
    now, before = Filters(wave="2025"), Filters(wave="2023")
    track = metrics.on_track_2030(con, now).set_index("status")["museums"].to_dict()
    change = metrics.wave_change(con, now).set_index("indicator").loc["pct_digitised"]
    pace = metrics.pace_needed(con, now, 5)
    return {"respondents": metrics.summary(con, filters=now)["respondents"],
            "mean": metrics.summary(con, filters=now)["mean_pct_digitised"],
            "on_track": track,
            "pace": (pace["n"], pace["n_observed"], pace["median_required"]),
            "metadata": metrics.choice_counts(con, before, "metadata_standards").set_index("answer")[
                ["museums", "n"]].to_dict("index"),
            "panel": (change["n_base"], change["n_panel"], change["panel_base"], change["panel_latest"]),
            "targets": metrics.targets_in_force(con, now).query("metric == 'pct_digitised'")["museums"].tolist(),
            "options": metrics.options(con)}


HAND = {"respondents": 15, "mean": pytest.approx((30 + 31 + 10) / 3),
        "on_track": {"reached": 0, "on_track": 5, "behind": 5, "no_earlier_answer": 5},
        "pace": (15, 10, pytest.approx(4.0)),                     # needed: 4, 3.8 and 8 a year; observed for A and B
        "metadata": {"lido": {"museums": 10, "n": 10}, "edm": {"museums": 5, "n": 10}},   # of the A and B museums
        "panel": (15, 10, pytest.approx(25.0), pytest.approx(30.5)),  # A and B: 20, 30 -> 30, 31
        "targets": [15],
        "options": {"country": ["AT", "DE"], "museum_type": ["art", "history"],
                    "size_band": ["large", "medium", "small"], "ownership": []}}


def test_figures_from_the_derived_tables_by_hand(con, tmp_path):
    load(con, tmp_path, "w2023.xlsx", five_of_each(WAVE_2023))
    load(con, tmp_path, "w2025.xlsx", five_of_each(WAVE_2025))
    got = figures(con)
    assert {k: v for k, v in got.items() if k != "on_track"} == {k: v for k, v in HAND.items() if k != "on_track"}
    assert {k: got["on_track"].get(k, 0) for k in HAND["on_track"]} == HAND["on_track"]


def test_a_store_made_before_the_derived_tables_gives_the_same_figures(tmp_path):
    db = tmp_path / "old.duckdb"
    con = open_store(db)
    load(con, tmp_path, "w2023.xlsx", five_of_each(WAVE_2023))
    load(con, tmp_path, "w2025.xlsx", five_of_each(WAVE_2025))
    # Take the store back to what the code before migration 9 left: answers, targets and uploads, no derived tables.
    for statement in ("DROP VIEW response_choices", "DROP VIEW museum_metrics", "DROP VIEW museum_base",
                      "DROP TABLE fact_cells", "DROP TABLE museum_facts",
                      "DROP TABLE derived_state",
                      "DELETE FROM schema_version WHERE version = 9"):
        con.execute(statement)
    con.close()
    con = open_store(db)                              # migration 9 builds the derived tables from the answers
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] >= 9
    assert cells(con) == [(*cell[:4], 5 * cell[4], 5 * cell[5], pytest.approx(5 * cell[6]), 5 * cell[7],
                           None if cell[8] is None else pytest.approx(5 * cell[8])) for cell in CELLS_BOTH]
    assert sorted({row[1:] for row in choices(con)}, key=str) == sorted({row[1:] for row in CHOICES_BOTH}, key=str)
    got = figures(con)
    assert {k: got["on_track"].get(k, 0) for k in HAND["on_track"]} == HAND["on_track"]
    assert {k: v for k, v in got.items() if k != "on_track"} == {k: v for k, v in HAND.items() if k != "on_track"}
    # Tables built by an older definition of the derived figures are rebuilt when the store is opened.
    con.execute("UPDATE derived_state SET definition = 'an earlier definition'")
    con.execute("DELETE FROM museum_facts WHERE museum_id LIKE 'A%'")
    con.close()
    con = open_store(db)
    assert con.execute("SELECT count(*) FROM museum_facts WHERE museum_id LIKE 'A%'").fetchone() == (10,)
    assert figures(con)["panel"] == HAND["panel"]
    con.close()


def test_another_duckdb_version_rebuilds_the_derived_tables(tmp_path, monkeypatch):
    """The cell keys are DuckDB hashes stored with the rows: a version that may hash differently rebuilds them."""
    db = tmp_path / "versions.duckdb"
    con = open_store(db)
    load(con, tmp_path, "w2025.xlsx", five_of_each(WAVE_2025))
    con.execute("DELETE FROM museum_facts WHERE museum_id LIKE 'A%'")          # a rebuild brings these back
    con.close()
    con = open_store(db)                                                     # same version: kept as it is
    assert con.execute("SELECT count(*) FROM museum_facts WHERE museum_id LIKE 'A%'").fetchone() == (0,)
    con.close()
    monkeypatch.setattr(duckdb, "__version__", "99.0.0")
    con = open_store(db)
    assert con.execute("SELECT count(*) FROM museum_facts WHERE museum_id LIKE 'A%'").fetchone() == (5,)
    con.close()


def test_connections_never_print_a_progress_bar(tmp_path):
    con = connect(tmp_path / "quiet.duckdb")
    with con.cursor() as cur:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
        assert cur.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    con.close()
