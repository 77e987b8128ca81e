"""Every page renders through the entrypoint (AppTest), on sample data and on an empty store."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.loading.upload import load_file
from tests.conftest import ROOT, small_survey

APP = str(ROOT / "app.py")


@pytest.fixture
def app_with(monkeypatch, tmp_path):
    def make(loaded: bool) -> AppTest:
        db = tmp_path / "app.duckdb"
        if loaded:
            from analysis.store import open_store
            con = open_store(db)
            load_file(con, small_survey(tmp_path / "a.xlsx"))
            later = small_survey(tmp_path / "b.xlsx", [["AT-1", "Wien Museum", "AT", "2023", 10, 1000, 1, 1]])
            load_file(con, later)
            con.close()
        monkeypatch.setenv("MUSEUM_DB", str(db))
        return AppTest.from_file(APP, default_timeout=60)
    return make


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_overview_shows_headline_figures(app_with):
    at = app_with(loaded=True).run()
    assert not at.exception
    assert at.title[0].value == "Museum digitisation in Europe"
    assert at.selectbox(key="wave").value == "2025"
    assert metric(at, "Museums responding") == "3"
    assert metric(at, "Digitised (unweighted mean)") == "40.0 %"          # (40 + 20 + 60) / 3
    # AT-1 100k - 5 x 10k = 50k, AT-2 50k - 5 x 5k = 25k: 75,000 EUR, under 100,000 so two decimals (half up)
    assert metric(at, "Funding shortfall to 2030") == "EUR 0.08 M"


def test_deep_link_selects_the_wave(app_with):
    at = app_with(loaded=True)
    at.query_params["wave"] = "2023"
    at.run()
    assert not at.exception
    assert at.selectbox(key="wave").value == "2023"
    assert metric(at, "Museums responding") == "1"


def test_empty_store_shows_a_helpful_message(app_with):
    at = app_with(loaded=False).run()
    assert not at.exception
    assert "No survey data yet" in at.info[0].value
