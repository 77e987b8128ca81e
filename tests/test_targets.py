"""Targets: checked before saving, and a country target wins over the default in museum_metrics."""

import pandas as pd

from analysis import store
from analysis.figures import targets
from analysis.loading.upload import load_file
from tests.conftest import small_survey


def test_defaults_are_the_recommendation_figures(con):
    frame = targets.load(con)
    got = {(m, y): v for m, y, v in frame[["metric", "target_year", "value"]].itertuples(index=False)}
    assert got[("3d_at_risk", 2025)] == 40 and got[("3d_at_risk", 2030)] == 100
    assert got[("3d_most_visited", 2025)] == 20 and got[("3d_most_visited", 2030)] == 50
    assert frame.loc[frame["metric"] == "pct_digitised", "is_placeholder"].tolist() == [True]


def test_country_target_wins_over_default(con, tmp_path):
    load_file(con, small_survey(tmp_path / "a.xlsx"))       # AT-1 40 %, AT-2 20 %, BE-1 60 % digitised
    frame = targets.load(con)
    extra = pd.DataFrame([{"metric": "pct_digitised", "country": "at", "museum_type": None, "survey_wave": None,
                           "target_year": 2030, "value": 70, "is_placeholder": False, "source": "national plan"}])
    rows, problems = targets.check(pd.concat([frame, extra], ignore_index=True))
    assert problems == []
    before = store.data_version(con)
    store.replace_targets(con, rows)
    assert store.data_version(con) != before
    gaps = con.execute("SELECT museum_id, target_pct_digitised, digitisation_gap_pp FROM museum_metrics "
                       "ORDER BY museum_id").fetchall()
    # AT museums: 70 - 40 = 30, 70 - 20 = 50; BE keeps the placeholder 50: 60 % is above it, gap 0.
    assert gaps == [("AT-1", 70.0, 30.0), ("AT-2", 70.0, 50.0), ("BE-1", 50.0, 0.0)]


def test_bad_rows_are_explained_and_nothing_is_saved():
    frame = pd.DataFrame([
        {"metric": "pct_digitised", "country": "XX", "museum_type": None, "survey_wave": None, "target_year": 2030,
         "value": 150, "is_placeholder": False, "source": ""},
    ])
    rows, problems = targets.check(frame)
    assert "'XX' is not an ISO country code such as FR." in problems[0]
    assert "must be between 0 and 100" in problems[1]
    assert any("Keep a default row for 'skill_level'" in p for p in problems)
