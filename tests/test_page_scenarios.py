"""Scenarios page through the router (AppTest), on the hand-worked survey of tests/test_scenarios.py: ten museums,
nine with a gap, EUR 200 k of shortfall (AT-1..AT-4: 10, 20, 30, 40 k; BE-1..BE-5: 20 k of equipment each)."""

import pytest

from analysis import store
from analysis.store import open_store
from tests.conftest import chart_titles, open_page
from tests.test_scenarios import load_fixture


@pytest.fixture
def scenario_page(monkeypatch, tmp_path):
    def make(loaded: bool = True, **query):
        db = tmp_path / f"{'loaded' if loaded else 'empty'}.duckdb"
        if loaded and not db.exists():
            con = open_store(db)
            load_fixture(con, tmp_path)
            con.close()
        return open_page(monkeypatch, db, "views/scenarios.py", **query)
    return make


def metrics_of(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_default_sum_covers_every_shortfall(scenario_page):
    at = scenario_page()
    assert not at.exception
    assert at.title[0].value == "Investment scenarios"
    # EUR 50 M against EUR 200 k: every museum with a gap is funded and EUR 49.8 M is not needed
    assert metrics_of(at) == {"Museums fully funded": "9 of 9", "Shortfall closed": "EUR 0.20 M",
                              "Shortfall left": "EUR 0.0 M", "Sum not needed": "EUR 49.8 M"}
    titles = chart_titles(at)
    assert len(titles) == 3
    assert titles[0].startswith("EUR 50.0 M shared in proportion to shortfalls fully funds 9 of 9 museums with a gap")
    assert all("10 museums in 2 countries, wave 2025, all types" in t for t in titles)


def test_each_rule_with_a_smaller_sum(scenario_page):
    at = scenario_page()
    at = at.number_input(key="budget").set_value(0.1).run()           # EUR 100 k
    at = at.segmented_control(key="rule").set_value("smallest-first").run()
    assert not at.exception
    # AT-1 (10), then the 20 k museums in list order AT-2, BE-1, BE-2, BE-3; BE-4 gets the last 10 k
    assert metrics_of(at)["Museums fully funded"] == "5 of 9"
    assert (metrics_of(at)["Shortfall closed"], metrics_of(at)["Shortfall left"]) == ("EUR 0.10 M", "EUR 0.10 M")
    titles = chart_titles(at)
    assert titles[0].startswith("EUR 0.10 M given to the smallest shortfalls first fully funds 5 of 9 museums")
    # by country: Austria keeps 70 k of its 100 k gap, Belgium 30 k
    assert titles[1].startswith("After EUR 0.10 M, ")
    at = at.segmented_control(key="rule").set_value("equal").run()
    assert metrics_of(at)["Museums fully funded"] == "1 of 9"         # AT-1 only; the other 8 get 11.25 k
    at = at.segmented_control(key="rule").set_value("pillars").run()
    assert metrics_of(at)["Museums fully funded"] == "3 of 9"         # AT-1, AT-2, AT-4: their pillars fill
    # training weighted 0: only AT-2 (infrastructure and data) is still fully funded
    at = at.slider(key="w_training").set_value(0).run()
    assert metrics_of(at)["Museums fully funded"] == "1 of 9"
    assert not at.exception


def test_breakdown_by_type_and_the_pillar_table(scenario_page):
    at = scenario_page()
    at = at.number_input(key="budget").set_value(0.1).run()
    at = at.segmented_control(key="by").set_value("Type").run()
    assert not at.exception
    assert any("Art (n=5)" in str(chart.proto.spec) for chart in at.get("plotly_chart"))
    pillar_table = [frame for frame in at.dataframe if "Pillar" in frame.value.columns]
    assert pillar_table and pillar_table[0].value["Shortfall (EUR M)"].sum() == pytest.approx(0.2)


def test_cost_model_flags_and_unit_costs(scenario_page):
    at = scenario_page()
    text = " ".join(md.value for md in at.markdown)
    # each museum has 500 objects still to digitise, none in 3D: 500 x EUR 25 = EUR 12,500 at the default costs.
    # Declared equipment + staff + data: AT-1 and AT-5 answered 0 -> more than 5 times below; the rest within 5x.
    assert "**2 of 10** museums that gave both a digitisation need and their collection" in text
    assert "above (0) or below (2)" in text
    # the flagged list, the extrapolation and the literature are sent only once their expander opens
    assert not [frame for frame in at.dataframe if {"Museum ID", "Scope", "Kind"} & set(frame.value.columns)]
    for key in ("flagged-table", "frame-table", "literature-table"):
        at.session_state[key] = True
    at.run()
    flagged = [frame.value for frame in at.dataframe if "Museum ID" in frame.value.columns]
    assert flagged and sorted(flagged[0]["Museum ID"]) == ["AT-1", "AT-5"]
    assert any("Scope" in frame.value.columns for frame in at.dataframe)
    assert any("Kind" in frame.value.columns for frame in at.dataframe)
    assert any(button.label == "Save unit costs" for button in at.button)       # local open mode: an admin


def test_no_extrapolation_with_a_type_filter_and_an_empty_store(scenario_page):
    at = scenario_page(type="Art")
    assert not at.exception
    assert any("Not extrapolated to all museums" in md.value and "need these filters cleared: museum type" in md.value
               for md in at.markdown)
    assert metrics_of(at)["Museums fully funded"] == "4 of 4"
    at = scenario_page(loaded=False)
    assert not at.exception
    assert "No survey data yet" in at.info[0].value


def test_an_admin_saves_the_unit_costs_and_the_flags_follow(scenario_page, tmp_path):
    at = scenario_page()
    save = next(b for b in at.button if b.label == "Save unit costs")
    at = save.click().run()                            # the table as shown: the two default rows
    assert not at.exception and any("Saved 2 unit cost rows" in s.value for s in at.success)
    con = open_store(tmp_path / "loaded.duckdb")
    try:
        assert con.execute("SELECT count(*), min(cost_2d_eur) FROM unit_costs").fetchone() == (2, 1.5)
        # EUR 1 an object: 500 objects cost EUR 500, so every declared need above EUR 2,500 is flagged too
        store.replace_unit_costs(con, [{"museum_type": None, "cost_2d_eur": 1.0, "cost_3d_eur": 1.0,
                                        "share_3d_pct": 0.0, "source": "test"}])
    finally:
        con.close()
    at = at.run()
    text = " ".join(md.value for md in at.markdown)
    assert "**10 of 10** museums" in text and "above (8) or below (2)" in text
