"""Methodology page: every derived metric is described, the page renders (sample and empty store), the
weighted-estimates and waves sections show their figures, and the wave-over-wave change is right on a
hand-worked two-wave store. The charts are checked as figures (AppTest cannot look inside plotly)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import charts, schema
from analysis.figures import definitions, metrics, weights
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import in_language, open_page, write_xlsx


def test_every_derived_column_of_museum_metrics_is_described_in_one_place(tmp_path):
    con = open_store(tmp_path / "store.duckdb")
    view = [c for (c, *_) in con.execute("DESCRIBE museum_metrics").fetchall()]
    answers = {c for (c, *_) in con.execute("DESCRIBE current_responses").fetchall()}
    con.close()
    derived = [c for c in view if c not in answers]
    assert len(derived) >= 30
    missing = [c for c in derived if c not in definitions.METRICS]
    assert not missing, f"describe these museum_metrics columns in analysis/figures/definitions.py: {missing}"
    stale = [c for c in definitions.METRICS if c not in derived]
    assert not stale, f"described but not in museum_metrics: {stale}"
    for name, d in definitions.METRICS.items():
        assert d.label and d.formula and d.unit, name
    # The formulas quote the thresholds the SQL uses (from analysis.schema), not copies of them.
    formulas = {row["metric"]: row["formula"] for row in definitions.table()}
    assert "small 0–<10,000" in formulas["size_band"]
    assert f"{schema.HORIZON_YEAR} − wave year" in formulas["horizon_years"]


def test_definitions_name_skill_areas_and_size_bands_in_the_readers_language():
    """DigComp areas by their names, not the column's code ('info data'); thresholds written the German way."""
    with in_language("de"):
        rows = {row["metric"]: row for row in definitions.table()}
    assert rows["skills_gap_info_data"]["label"] == "Kompetenzlücke: Informations- und Datenkompetenz"
    assert "small 0–<10.000; medium 10.000–<100.000" in rows["size_band"]["formula"]


# --- the page (on conftest's sample_db) ---------------------------------------------------------------------


def open_methodology(db: Path, monkeypatch) -> AppTest:
    at = open_page(monkeypatch, db, "views/methodology.py", timeout=90)
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str) -> AppTest:
    """Switch tabs as a shared link does: the open tab is the URL's ?tab=."""
    at.query_params["tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    return next(t.value for t in at.dataframe if set(columns) <= set(t.value.columns))


def test_page_shows_weighted_estimates_waves_coverage_definitions_and_limits(sample_db, monkeypatch):
    at = open_methodology(sample_db, monkeypatch)
    assert [t.value for t in at.title] == ["Methodology"]
    assert [t.label for t in at.tabs] == ["Weighted estimates", "Change between waves", "Coverage and weights",
                                          "Definitions", "What the survey cannot say"]
    estimates = table_with(at, "Weighted mean (all museums)", "Unweighted mean (respondents)", "95 % interval from")
    everyone = estimates[estimates["Country"] == "All countries with a frame"].iloc[0]
    assert everyone["95 % interval from"] < everyone["Weighted mean (all museums)"] < everyone["95 % interval to"]
    # Countries without a population figure (Cyprus: none found, data/museum_frame.csv) have an unweighted mean
    # but no weighted one, and the all-countries row names them.
    cyprus = estimates[estimates["Country"] == "Cyprus"].iloc[0]
    assert math.isnan(cyprus["Weighted mean (all museums)"]) and cyprus["Unweighted mean (respondents)"] > 0
    assert "no population figure" in cyprus["Note"]
    assert "Left out: Cyprus: no population figure" in everyone["Note"]
    assert "Taylor" in "\n".join(c.value for c in at.caption)
    # Only the open tab is drawn: the data dictionary is not sent with the weighted estimates.
    assert not any({"field", "label", "allowed"} <= set(t.value.columns) for t in at.dataframe)

    open_tab(at, "Change between waves")
    waves = table_with(at, "Panel change", "Change (cross-sections)")
    assert list(waves["Earlier wave"].unique()) == ["2023"] and list(waves["Later wave"].unique()) == ["2025"]
    assert (waves["n panel"] < waves["n later"]).all()

    open_tab(at, "Coverage and weights")
    coverage = table_with(at, "Coverage (%)", "Too thin to generalise", "What is counted", "Address")
    assert (coverage["Too thin to generalise"] != "").any()
    assert any("too thinly covered to generalise" in w.value for w in at.warning)
    # The frame says what each country counts, how old it is and where it comes from (data/museum_frame.csv):
    # Italy 4,976 museums, monuments and sites (ISTAT 2015); Greece state museums only, 2007 (18 years before
    # the 2025 wave); Belgium 2004.
    rows = coverage.set_index("Country")
    assert rows.loc["Italy", "Museums"] == 4976 and rows.loc["Italy", "Year"] == 2015
    assert "different scope: includes monuments and sites" in rows.loc["Italy", "Not comparable because"]
    assert "figure from 2007, more than 10 years before the wave" in rows.loc["Greece", "Not comparable because"]
    assert "state museums only" in rows.loc["Greece", "Not comparable because"]
    assert rows.loc["Belgium", "Not comparable because"] == "figure from 2004, more than 10 years before the wave"
    assert rows.loc["Austria", "Not comparable because"] == ""
    assert rows.loc["Italy", "Address"] == "http://www.istat.it/it/archivio/194594"
    assert any("have a frame figure that is old or counts something else" in w.value for w in at.warning)
    strata = table_with(at, "Weight N/n", "Status")
    assert {"weighted", "excluded"} <= set(strata["Status"])

    open_tab(at, "Definitions")
    assert len(table_with(at, "Question", "Label", "Allowed answers")) == len(schema.FIELDS)
    assert len(table_with(at, "Measure", "Formula", "Unit")) == len(definitions.METRICS)
    assert len(table_with(at, "Measure", "Value", "Placeholder", "Source")) >= 1     # targets and sources
    assert "n < 5" in "\n".join(m.value for m in at.markdown)
    open_tab(at, "What the survey cannot say")
    assert "Self-selection" in "\n".join(m.value for m in at.markdown)
    assert at.query_params["tab"] == "What the survey cannot say"


def test_choosing_the_shortfall_shows_the_extrapolated_total_with_its_interval(sample_db, monkeypatch):
    at = open_methodology(sample_db, monkeypatch)
    at.selectbox(key="weighted-indicator").set_value("shortfall_per_museum").run()
    assert not at.exception, at.exception
    total = next(m for m in at.metric if m.label.startswith("Extrapolated total"))
    assert re.fullmatch(r"EUR [0-9,]+\.[0-9] M", total.value), total.value          # one money style
    assert "95 % interval" in total.help
    assert "Extrapolated total" in table_with(at, "Extrapolated total").columns


def test_page_renders_on_an_empty_store(tmp_path, monkeypatch):
    at = open_methodology(tmp_path / "empty.duckdb", monkeypatch)
    assert any("No survey data yet" in i.value for i in at.info)
    open_tab(at, "Definitions")
    assert len(table_with(at, "Measure", "Formula", "Unit")) == len(definitions.METRICS)


# --- wave over wave on a hand-worked store ----------------------------------------------------------------
HEADER = ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)"]


def test_wave_change_separates_the_panel_from_the_cross_sections(tmp_path):
    # 2023: museums A–F answer 10, 20, 30, 40, 50, 60           -> n 6, mean 35
    # 2025: A–E answer 12, 21, 35, 41, 56; new G, H answer 70, 80 -> n 7, mean 315 / 7 = 45; change +10
    # Panel A–E: 30 -> 33, change +3; differences 2, 1, 5, 1, 6, s² = 5.5, half-width t(4) × √(5.5/5)
    con = open_store(tmp_path / "waves.duckdb")
    first = [[m, f"Museum {m}", "AT", "2023", v] for m, v in zip("ABCDEF", (10, 20, 30, 40, 50, 60))]
    second = [[m, f"Museum {m}", "AT", "2025", v] for m, v in zip("ABCDEGH", (12, 21, 35, 41, 56, 70, 80))]
    assert load_file(con, write_xlsx(tmp_path / "w1.xlsx", [HEADER, *first]))["status"] == "committed"
    assert load_file(con, write_xlsx(tmp_path / "w2.xlsx", [HEADER, *second]))["status"] == "committed"
    out = metrics.wave_change(con, Filters(wave="2025")).set_index("indicator")
    row = out.loc["pct_digitised"]
    assert (row["base_wave"], row["latest_wave"]) == ("2023", "2025")
    assert (row["n_base"], row["mean_base"]) == (6, pytest.approx(35))
    assert (row["n_latest"], row["mean_latest"]) == (7, pytest.approx(45))
    assert row["change"] == pytest.approx(10)
    assert (row["n_panel"], row["panel_base"], row["panel_latest"]) == (5, pytest.approx(30), pytest.approx(33))
    assert row["panel_change"] == pytest.approx(3)
    assert row["panel_hi"] - 3 == pytest.approx(2.776 * math.sqrt(5.5 / 5), abs=0.005)
    online = out.loc["pct_online"]                           # nobody answered: n 0, nothing shown
    assert online["n_base"] == 0 and pd.isna(online["mean_base"]) and pd.isna(online["panel_change"])
    assert metrics.wave_change(con, Filters(wave="2023")).empty          # no wave before the first
    fig = charts.wave_change(out.reset_index(), "test")
    assert len(fig.data) == 2 * len(weights.WAVE_INDICATORS)
    assert list(fig.data[1].y) == [pytest.approx(30), pytest.approx(33)]   # the panel line of % digitised
    con.close()


# --- the error-bar chart ------------------------------------------------------------------------------------
def test_weighted_chart_draws_intervals_as_error_bars_and_the_unweighted_mean_as_a_marker():
    frame = pd.DataFrame({
        "scope": ["AT", "BE", "IT", "ALL"], "n": [15, 6, 6, 27], "unweighted_mean": [60.0, 35.0, 50.0, 52.0],
        "n_weighted": [15, 6, 0, 21], "N": [100.0, 162.0, math.nan, 262.0],
        "weighted_mean": [45.0, 35.0, math.nan, 38.8], "lo": [34.0, 20.0, math.nan, 30.0],
        "hi": [56.0, 50.0, math.nan, 47.6], "label": "Collection digitised (mean)", "unit": "%"})
    fig = charts.weighted_by_country(frame, "wave 2025")
    weighted, unweighted = fig.data
    assert list(weighted.y) == ["Belgium (n=6 of 162)", "Austria (n=15 of 100)",
                                "All countries with a frame (n=21 of 262)"]
    assert list(weighted.error_x.array) == pytest.approx([15.0, 11.0, 8.8])
    assert list(weighted.error_x.arrayminus) == pytest.approx([15.0, 11.0, 8.8])
    assert list(unweighted.x) == [35.0, 60.0, 52.0]
    assert "38.8 %" in fig.layout.title.text and "1 country without a population figure" in fig.layout.title.text
