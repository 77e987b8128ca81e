"""The Digitisation page: its aggregates, its charts and the page itself, against figures worked out by hand.

The workbook below has 9 museums in wave 2025 (6 in Austria, 3 in Belgium) and 5 of them again in wave 2023,
so that progress between waves can be measured. No reference date is given, so the reference year is the
wave year: the pace needed in 2025 is gap / (2030 - 2025) = gap / 5, in 2023 it is gap / 7. The default
targets apply (collection digitised: 50 % by 2030, a placeholder; 3D: 40 %/20 % by 2025, 100 %/50 % by 2030).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from analysis import charts, schema
from analysis.figures import metrics
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import ROOT, write_xlsx

COLUMNS = ["museum_id", "museum_name", "country", "survey_wave", "museum_type", "ownership", "annual_visits",
           "collection_objects", "pct_catalogued_db", "pct_digitised", "pct_no_need_digitise", "pct_digitised_3d",
           "pct_online", "pct_in_europeana_dataspace", "pct_online_open", "pct_online_restricted",
           "pct_online_rights_unknown", "immovable_at_risk_n", "immovable_at_risk_3d_n",
           "immovable_most_visited_n", "immovable_most_visited_3d_n"]
_ = None
ROWS = [
    # id    name          cc    wave    type             owner                       visits     objects
    #   catalogued digitised no-need 3D online europeana | open restricted unknown | risk risk3D visited visited3D
    ["A1", "Alpha", "AT", "2025", "art", "national_state", 5_000, 1_000,
     80, 40, 20, 5, 20, 10, 50, 30, 20, 2, 1, 1, 0],
    ["A2", "Beta", "AT", "2025", "art", "national_state", 50_000, 3_000,
     60, 20, 10, 2, 10, 5, 20, 40, 40, 0, 0, _, _],
    ["A3", "Gamma", "AT", "2025", "history", "regional_local_authority", 20_000, 6_000,
     90, 60, 0, 10, 30, 20, 60, 20, 20, 3, 0, 2, 1],
    ["A4", "Delta", "AT", "2025", "history", "regional_local_authority", 150_000, 10_000,
     50, 10, 30, 0, 5, 0, 0, 50, 50, _, _, _, _],
    ["A5", "Epsilon", "AT", "2025", "art", "private_nonprofit", 2_000, _,
     70, 50, 0, 0, 40, 10, 100, 0, 0, _, _, _, _],
    ["A6", "Zeta", "AT", "2025", "monument_site", "national_state", 300_000, 3_000,
     100, 80, 0, 40, 60, 30, 40, 40, 20, 5, 2, 4, 2],
    ["B1", "Eta", "BE", "2025", "art", "national_state", 8_000, 2_000,
     40, 30, 10, 3, 15, 0, 10, 10, 80, 1, 0, 1, 0],
    ["B2", "Theta", "BE", "2025", "history", "regional_local_authority", 30_000, 4_000,
     20, 0, 50, 0, 0, 0, _, _, _, _, _, _, _],
    ["B3", "Iota", "BE", "2025", "monument_site", "national_state", 1_500_000, 1_000,
     100, 70, 0, 30, 50, 40, 30, 30, 40, 4, 2, 2, 2],
    # the earlier wave: only the share digitised
    ["A1", "Alpha", "AT", "2023", _, _, _, _, _, 30, _, _, _, _, _, _, _, _, _, _, _],
    ["A2", "Beta", "AT", "2023", _, _, _, _, _, 18, _, _, _, _, _, _, _, _, _, _, _],
    ["A3", "Gamma", "AT", "2023", _, _, _, _, _, 50, _, _, _, _, _, _, _, _, _, _, _],
    ["A4", "Delta", "AT", "2023", _, _, _, _, _, 0, _, _, _, _, _, _, _, _, _, _, _],
    ["B1", "Eta", "BE", "2023", _, _, _, _, _, 20, _, _, _, _, _, _, _, _, _, _, _],
]
W2025, W2023 = Filters(wave="2025"), Filters(wave="2023")
CAPTION = "9 museums in 2 countries, wave 2025, all types"
TARGET = "50 % by 2030 (placeholder target)"


def build_store(path):
    con = open_store(path)
    workbook = write_xlsx(path.parent / "digitisation.xlsx",
                          [[schema.FIELDS_BY_NAME[c].header for c in COLUMNS], *ROWS])
    result = load_file(con, workbook)
    assert result["status"] == "committed", result["errors"]
    return con


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    con = build_store(tmp_path_factory.mktemp("dig") / "store.duckdb")
    yield con
    con.close()


def by(frame: pd.DataFrame, key: str) -> dict:
    return {k: row for k, row in frame.set_index(key).iterrows()}


def plain(text: str) -> str:
    return text.replace("<br>", " ")


# --- metrics ---------------------------------------------------------------------------------------------
def test_levels_unweighted_and_collection_weighted(loaded):
    rows = by(metrics.level_summary(loaded, W2025), "metric")
    # Weights: collection sizes of the 8 museums that gave one (A5 did not):
    # 1,000 + 3,000 + 6,000 + 10,000 + 3,000 + 2,000 + 4,000 + 1,000 = 30,000 objects.
    digitised = rows["pct_digitised"]
    assert (digitised["n"], digitised["n_weighted"]) == (9, 8)
    assert digitised["mean"] == pytest.approx(40.0)          # (40+20+60+10+50+80+30+0+70) / 9 = 360 / 9
    assert digitised["median"] == pytest.approx(40.0)        # 0 10 20 30 [40] 50 60 70 80
    # (40x1,000 + 20x3,000 + 60x6,000 + 10x10,000 + 80x3,000 + 30x2,000 + 0x4,000 + 70x1,000) / 30,000
    # = 930,000 / 30,000
    assert digitised["weighted_mean"] == pytest.approx(31.0)
    catalogued = rows["pct_catalogued_db"]
    assert catalogued["mean"] == pytest.approx(67.78, abs=0.01)      # 610 / 9
    assert catalogued["weighted_mean"] == pytest.approx(62.0)         # 1,860,000 / 30,000
    three_d = rows["pct_digitised_3d"]
    assert three_d["mean"] == pytest.approx(10.0)                     # (5+2+10+0+0+40+3+0+30) / 9 = 90 / 9
    assert three_d["weighted_mean"] == pytest.approx(7.57, abs=0.01)  # 227,000 / 30,000
    online = rows["pct_online"]
    assert online["mean"] == pytest.approx(25.56, abs=0.01)           # 230 / 9
    assert online["weighted_mean"] == pytest.approx(18.0)             # 540,000 / 30,000
    europeana = rows["pct_in_europeana_dataspace"]
    assert europeana["mean"] == pytest.approx(12.78, abs=0.01)        # 115 / 9
    assert europeana["weighted_mean"] == pytest.approx(9.17, abs=0.01)  # 275,000 / 30,000
    assert not any(r["suppressed"] for r in rows.values())


def test_levels_are_suppressed_below_five_museums(loaded):
    rows = by(metrics.level_summary(loaded, Filters(wave="2025", countries=("BE",))), "metric")
    digitised = rows["pct_digitised"]                                # B1, B2, B3: 3 museums
    assert (digitised["n"], digitised["suppressed"]) == (3, True)
    assert pd.isna(digitised["mean"]) and pd.isna(digitised["weighted_mean"])


def test_backlog_gap_and_pace(loaded):
    rows = by(metrics.level_summary(loaded, W2025, ("pct_to_digitise", "digitisation_gap_pp",
                                                    "required_annual_rate_pp")), "metric")
    # still to digitise = 100 - digitised - no need: 40 70 40 60 50 20 60 50 30 -> 420 / 9
    assert rows["pct_to_digitise"]["mean"] == pytest.approx(46.67, abs=0.01)
    # objects still to digitise: 400+2,100+2,400+6,000+600+1,200+2,000+300 = 15,000 of 30,000 objects
    assert rows["pct_to_digitise"]["weighted_mean"] == pytest.approx(50.0)
    # gap to 50 %: 10 30 0 40 0 0 20 50 0 -> 150 / 9; pace = gap / 5: 2 6 0 8 0 0 4 10 0 -> 30 / 9
    assert rows["digitisation_gap_pp"]["mean"] == pytest.approx(16.67, abs=0.01)
    assert rows["required_annual_rate_pp"]["mean"] == pytest.approx(3.33, abs=0.01)
    assert metrics.summary(loaded, filters=W2025)["objects_to_digitise"] == 15_000


def test_rights_of_online_material(loaded):
    rows = by(metrics.rights_shares(loaded, W2025), "rights")
    # 8 museums gave all three shares (B2 has nothing online)
    assert {r["n"] for r in rows.values()} == {8}
    assert rows["pct_online_open"]["mean_share"] == pytest.approx(38.75)         # 310 / 8
    assert rows["pct_online_restricted"]["mean_share"] == pytest.approx(27.5)    # 220 / 8
    assert rows["pct_online_rights_unknown"]["mean_share"] == pytest.approx(33.75)  # 270 / 8
    belgium = metrics.rights_shares(loaded, Filters(wave="2025", countries=("BE",)))   # B1, B3
    assert belgium["suppressed"].all() and belgium["mean_share"].isna().all()


def test_targets_in_force_flag_the_placeholder(loaded):
    frame = metrics.targets_in_force(loaded, W2025)
    digitised = frame[frame["metric"] == "pct_digitised"]
    assert digitised[["target_year", "value", "is_placeholder", "museums"]].values.tolist() == [[2030, 50.0, True, 9]]
    at_risk = frame[frame["metric"] == "3d_at_risk"]
    assert at_risk[["target_year", "value", "is_placeholder"]].values.tolist() == [[2025, 40.0, False],
                                                                                 [2030, 100.0, False]]


def test_a_national_target_wins_over_the_placeholder(tmp_path):
    con = build_store(tmp_path / "national.duckdb")
    from analysis import store
    from analysis.figures import targets
    national = pd.DataFrame([
        {"metric": "pct_digitised", "country": "AT", "target_year": 2030, "value": 60, "is_placeholder": False,
         "source": "national goal"},
        {"metric": "3d_at_risk", "country": "AT", "target_year": 2025, "value": 60, "is_placeholder": False,
         "source": "national goal"}])
    rows, problems = targets.check(pd.concat([targets.load(con), national], ignore_index=True))
    assert problems == []
    store.replace_targets(con, rows)                   # targets are written through the store's write path
    frame = metrics.targets_in_force(con, W2025)
    digitised = frame[frame["metric"] == "pct_digitised"]
    # 6 Austrian museums under the national 60 %, the 3 Belgian ones under the 50 % placeholder
    assert digitised[["value", "is_placeholder", "museums"]].values.tolist() == [[60.0, False, 6], [50.0, True, 3]]
    # the same precedence as the museum_metrics view
    assert dict(con.execute("SELECT DISTINCT country, target_pct_digitised FROM museum_metrics "
                            "WHERE survey_wave = '2025'").fetchall()) == {"AT": 60.0, "BE": 50.0}
    at_risk = by(metrics.milestones_3d(con, W2025), "asset")["at_risk"]
    # asset-weighted 2025 milestone: (AT sites 2+3+5 = 10 x 60 + BE sites 1+4 = 5 x 40) / 15 = 800 / 15
    assert at_risk["target_2025"] == pytest.approx(53.33, abs=0.01)
    con.close()


def test_3d_milestones(loaded):
    rows = by(metrics.milestones_3d(loaded, W2025), "asset")
    at_risk, visited = rows["at_risk"], rows["most_visited"]
    # museums managing sites at risk: A1 (2, 1 in 3D), A3 (3, 0), A6 (5, 2), B1 (1, 0), B3 (4, 2);
    # A2 manages none (0) and the others left it blank
    assert (at_risk["n"], at_risk["assets"], at_risk["assets_3d"]) == (5, 15, 5)
    assert at_risk["share_3d"] == pytest.approx(33.33, abs=0.01)         # 5 / 15
    assert (at_risk["target_2025"], at_risk["target_2030"]) == (40.0, 100.0)
    # most visited: A1 (1, 0), A3 (2, 1), A6 (4, 2), B1 (1, 0), B3 (2, 2) -> 5 / 10
    assert (visited["n"], visited["assets"], visited["assets_3d"]) == (5, 10, 5)
    assert visited["share_3d"] == pytest.approx(50.0)
    assert (visited["target_2025"], visited["target_2030"]) == (20.0, 50.0)


def test_3d_milestones_suppress_fewer_than_five_museums(loaded):
    rows = by(metrics.milestones_3d(loaded, Filters(wave="2025", countries=("AT",))), "asset")
    assert rows["at_risk"]["n"] == 3 and rows["at_risk"]["suppressed"]           # A1, A3, A6
    assert pd.isna(rows["at_risk"]["share_3d"]) and pd.isna(rows["at_risk"]["assets"])


def test_on_track_against_the_previous_wave(loaded):
    rows = by(metrics.on_track_2030(loaded, W2025), "status")
    # reached (gap 0): A3, A5, A6, B3
    # on track: A1 (40-30)/2 = 5 pp a year >= 2 needed; B1 (30-20)/2 = 5 >= 4
    # behind:   A2 (20-18)/2 = 1 < 6;                   A4 (10-0)/2 = 5 < 8
    # no earlier answer: B2
    assert {s: r["museums"] for s, r in rows.items()} == {"reached": 4, "on_track": 2, "behind": 2,
                                                          "no_earlier_answer": 1}
    assert {r["n"] for r in rows.values()} == {9}
    assert rows["on_track"]["share"] == pytest.approx(22.22, abs=0.01)        # 2 / 9


def test_on_track_with_one_wave_only_and_small_groups(loaded):
    rows = by(metrics.on_track_2030(loaded, W2023), "status")
    # 2023 is the first wave: A3 (50 %) has reached the target, the other four cannot be judged
    assert {s: r["museums"] for s, r in rows.items()} == {"reached": 1, "on_track": 0, "behind": 0,
                                                          "no_earlier_answer": 4}
    belgium = metrics.on_track_2030(loaded, Filters(wave="2025", countries=("BE",)))
    assert belgium["suppressed"].all() and belgium["museums"].isna().all()


def test_pace_needed(loaded):
    pace = metrics.pace_needed(loaded, W2025, 5)
    # pace needed: 2 6 0 8 0 0 4 10 0 -> more than 5 pp a year: A2, A4, B2; median of 0 0 0 0 [2] 4 6 8 10
    assert (pace["n"], pace["above"], pace["median_required"]) == (9, 3, 2.0)
    assert pace["share_above"] == pytest.approx(33.33, abs=0.01)
    # observed since 2023: A1 5, A2 1, A3 (60-50)/2 = 5, A4 5, B1 5 -> median 5
    assert (pace["n_observed"], pace["median_observed"]) == (5, 5.0)
    first = metrics.pace_needed(loaded, W2023, 5)
    # 2023: gaps 20 32 0 50 30 over 7 years -> 2.86 4.57 0 7.14 4.29: only A4 needs more than 5
    assert (first["n"], first["above"], first["n_observed"], first["median_observed"]) == (5, 1, 0, None)
    assert first["median_required"] == pytest.approx(30 / 7)


# --- charts ----------------------------------------------------------------------------------------------
LEVELS = pd.DataFrame({
    "metric": list(metrics.LEVELS), "label": list(metrics.LEVELS.values()), "n": [9, 9, 9, 9, 9],
    "mean": [67.78, 40.0, 10.0, 25.56, 12.78], "median": [70.0, 40.0, 3.0, 20.0, 10.0],
    "n_weighted": [8, 8, 8, 8, 8], "weighted_mean": [62.0, 31.0, 7.57, 18.0, 9.17], "suppressed": [False] * 5})


def test_levels_chart():
    fig = charts.digitisation_levels(LEVELS, CAPTION, 50.0, f"Target: {TARGET}")
    unweighted, weighted, target = fig.data
    assert "Unweighted" in unweighted.name and "Collection-weighted" in weighted.name
    assert list(unweighted.x) == [67.78, 40.0, 10.0, 25.56, 12.78]
    assert list(weighted.x) == [62.0, 31.0, 7.57, 18.0, 9.17]
    assert unweighted.text[1] == "40 % · n=9" and weighted.text[1] == "31 % · n=8"
    assert (list(target.x), list(target.y), target.name) == ([50.0], ["Digitised (2D or 3D)"], f"Target: {TARGET}")
    title = plain(fig.layout.title.text)
    assert title.startswith("Museums have digitised 40 % of their collections on average; 26 % is online")
    assert CAPTION in title
    assert fig.layout.xaxis.title.text == "Share of collection (%)"
    assert fig.layout.font.size == charts.FONT_SIZE and unweighted.marker.color in charts.PALETTE


def test_rights_chart():
    frame = pd.DataFrame({"rights": list(metrics.RIGHTS), "label": list(metrics.RIGHTS.values()), "n": 8,
                          "mean_share": [38.75, 27.5, 33.75], "suppressed": False})
    fig = charts.rights_status(frame, CAPTION)
    assert [list(t.x) for t in fig.data] == [[38.75], [27.5], [33.75]]
    assert fig.layout.barmode == "stack"
    title = plain(fig.layout.title.text)
    assert title.startswith("34 % of material online has unknown rights; 39 % is openly licensed")
    assert "(n=8)" in title
    assert fig.layout.xaxis.title.text == "Mean share of material online (%)"


def test_on_track_chart():
    frame = pd.DataFrame({"status": list(metrics.ON_TRACK_LABELS), "label": list(metrics.ON_TRACK_LABELS.values()),
                          "museums": [4, 2, 2, 1], "n": 9, "share": [44.44, 22.22, 22.22, 11.11],
                          "suppressed": False})
    fig = charts.on_track(frame, CAPTION, TARGET)
    [bars] = fig.data
    assert list(bars.x) == [4, 2, 2, 1] and bars.text[1] == "2 (22 %)"
    title = plain(fig.layout.title.text)
    # on track + behind = 2 + 2 judged; 2 of them on pace
    assert title.startswith(f"2 of 4 museums short of the target are on pace for {TARGET}")
    assert "n = 9 museums" in title
    assert fig.layout.xaxis.title.text == "Museums"


def test_3d_chart_draws_both_milestones():
    frame = pd.DataFrame({"asset": ["at_risk", "most_visited"],
                          "label": ["Monuments and sites at risk", "Most-visited monuments and sites"],
                          "n": [5, 5], "assets": [15, 10], "assets_3d": [5, 5], "share_3d": [100 * 5 / 15, 50.0],
                          "target_2025": [40.0, 20.0], "target_2030": [100.0, 50.0], "suppressed": [False, False]})
    fig = charts.milestones_3d(frame, CAPTION)
    bars, m2025, m2030 = fig.data
    assert list(bars.y) == pytest.approx([33.33, 50.0], abs=0.01)
    assert list(m2025.y) == [40.0, 20.0] and list(m2030.y) == [100.0, 50.0]
    assert (m2025.name, m2030.name) == ("2025 milestone", "2030 milestone")
    assert list(bars.x) == ["At risk<br>n=5 museums<br>15 sites", "Most visited<br>n=5 museums<br>10 sites"]
    assert plain(fig.layout.title.text).startswith(
        "33 % of monuments and sites at risk are digitised in 3D: below the 2025 milestone of 40 %")
    assert fig.layout.yaxis.title.text == "Sites digitised in 3D (%)"
    hidden = frame.assign(share_3d=[None, 50.0], assets=[None, 10], suppressed=[True, False])
    fig = charts.milestones_3d(hidden, CAPTION)
    title = plain(fig.layout.title.text)
    assert title.startswith("50 % of most-visited monuments and sites are digitised in 3D: above the 2025 "
                            "milestone of 20 %")
    assert "1 asset type with fewer than 5 museums not shown" in title


def test_box_chart_from_quartiles(loaded):
    frame = metrics.distribution(loaded, W2025, "pct_digitised", "country")
    # Austria: 10 20 40 50 60 80 -> q1 = 20 + 0.25 x 20 = 25, median 45, q3 = 50 + 0.75 x 10 = 57.5;
    # Belgium has 3 answers and is suppressed
    fig = charts.distribution_box(frame, "country", "Digitised (2D or 3D)", CAPTION, 50.0, f"Target: {TARGET}")
    box, mean, weighted, target = fig.data
    assert isinstance(box, go.Box) and box.boxpoints is False and box.x is None    # no raw points shipped
    assert list(box.y) == ["Austria (n=6)"]
    assert (list(box.q1), list(box.median), list(box.q3)) == ([25.0], [45.0], [57.5])
    assert (list(box.lowerfence), list(box.upperfence)) == ([10.0], [80.0])
    assert list(mean.x) == pytest.approx([43.33], abs=0.01)              # 260 / 6
    # (40x1,000 + 20x3,000 + 60x6,000 + 10x10,000 + 80x3,000) / 23,000 (A5 gave no collection size)
    assert list(weighted.x) == pytest.approx([34.78], abs=0.01)
    assert (mean.name, weighted.name) == ("Unweighted mean", "Collection-weighted mean")
    assert [(s.x0, s.x1) for s in fig.layout.shapes] == [(50.0, 50.0)] and target.name == f"Target: {TARGET}"
    title = plain(fig.layout.title.text)
    assert title.startswith("Digitised (2D or 3D): median 45 % in Austria")
    assert "1 group with fewer than 5 answers not shown" in title
    assert fig.layout.xaxis.title.text == "Digitised (2D or 3D) (%)"


def test_box_chart_when_every_group_is_too_small(loaded):
    frame = metrics.distribution(loaded, W2025, "pct_digitised", "museum_type")   # art 4, history 3, site 2
    fig = charts.distribution_box(frame, "museum_type", "Digitised (2D or 3D)", CAPTION)
    assert list(fig.data[0].y) == [] and not fig.layout.shapes
    title = plain(fig.layout.title.text)
    assert title.startswith("Too few answers per group to compare")
    assert "3 groups with fewer than 5 answers not shown" in title


# --- the page, through the router --------------------------------------------------------------------------
@pytest.fixture
def page(monkeypatch, tmp_path):
    """The app through its entrypoint: a first run renders the router and its sidebar filters (deep-link query
    parameters set before it apply there), then the Digitisation page. Note: in Streamlit 1.67 AppTest runs a
    `pages/` file directly on switch_page, so the page reads the filters the router stored on the first run."""
    def make(loaded: bool, **query: str) -> AppTest:
        db = tmp_path / "page.duckdb"
        if loaded:
            build_store(db).close()
        monkeypatch.setenv("MUSEUM_DB", str(db))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update(query)
        at.run()
        at.switch_page("views/digitisation.py")
        return at
    return make


def tiles(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_page_shows_the_hand_worked_figures(page):
    at = page(loaded=True).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Digitisation"
    captions = " ".join(c.value for c in at.caption)
    assert f"{CAPTION}. Unweighted means count every museum once" in captions       # the latest wave by default
    assert tiles(at) == {
        "Share still to digitise": "46.7 %",                 # 420 / 9
        "Share of objects still to digitise": "50.0 %",      # 15,000 / 30,000
        "Objects still to digitise": "15,000",
        "Gap to target": "16.7 pp",                           # 150 / 9
        "Pace needed to reach it": "3.3 pp a year",           # 30 / 9
        "Target for collection digitised": "50 % by 2030",
    }
    assert "unweighted mean · n = 9 museums" in captions and "collection-weighted mean · n = 8 museums" in captions
    assert "placeholder target · n = 9 museums" in captions
    text = " ".join(m.value for m in at.markdown)
    assert f"**Target: {TARGET}.**" in text
    assert "**3 of 9 museums** (33 %) would need to digitise more than **5 percentage points**" in text
    assert "actually digitised a median 5.0 pp a year" in text
    assert metrics.on_track_definition() in text
    assert at.segmented_control(key="by").value == "country"
    assert "1 country group with fewer than 5 answers not shown" in captions


def test_page_breakdown_is_bound_to_the_url(page):
    at = page(loaded=True)
    at.query_params["by"] = "Museum type"           # segmented_control writes the option's label to the URL
    at.run()
    assert not at.exception, at.exception
    assert at.segmented_control(key="by").value == "museum_type"
    # art 4, history 3, monument/site 2 museums: every group is below 5
    assert "3 museum type groups with fewer than 5 answers not shown" in " ".join(c.value for c in at.caption)


def test_page_on_the_first_wave_says_actual_pace_cannot_be_measured(page):
    at = page(loaded=True, wave="2023").run()
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "**1 of 5 museums** (20 %) would need to digitise more than **5 percentage points**" in text
    assert "answered only one wave" in text


def test_page_on_an_empty_store(page):
    at = page(loaded=False).run()
    assert not at.exception, at.exception
    assert "No survey data yet" in at.info[0].value


def test_page_when_no_museum_matches_the_filters(page):
    at = page(loaded=True, country="BE", accredited="Accredited").run()     # nobody answered accreditation
    assert not at.exception, at.exception
    assert "No museums match these filters" in at.warning[0].value
    assert not at.metric


def test_box_chart_title_names_the_lowest_and_highest_median():
    frame = pd.DataFrame({"group": ["small", "large"], "n": [8, 6], "mean": [20.0, 35.0], "weighted_mean": [18.0, 30.0],
                          "q1": [10.0, 20.0], "median": [15.0, 32.0], "q3": [30.0, 45.0], "min": [0.0, 5.0],
                          "max": [60.0, 70.0], "suppressed": [False, False]})
    fig = charts.distribution_box(frame, "size_band", "Online", CAPTION)
    assert list(fig.data[0].y) == ["Large (100k–1M) (n=6)", "Small (<10k visits) (n=8)"]     # highest median first
    # medians 15 % (small, 8 answers) and 32 % (large, 6 answers): under 20 answers, so the range, no names
    title = plain(fig.layout.title.text)
    assert title.startswith("Online: medians from 15 % to 32 % across 2 size bands; too few answers per size band "
                            "(under 20) to rank them")
    assert "Small" not in title.split("<span")[0] and "Large" not in title.split("<span")[0]
    assert not fig.layout.shapes                                                       # no target for this measure


def test_box_chart_names_the_lowest_and_highest_median_when_they_hold():
    frame = pd.DataFrame({"group": ["small", "large"], "n": [80, 60], "mean": [20.0, 35.0], "sd": [10.0, 10.0],
                          "weighted_mean": [18.0, 30.0], "q1": [10.0, 20.0], "median": [15.0, 32.0], "q3": [30.0, 45.0],
                          "min": [0.0, 5.0], "max": [60.0, 70.0], "suppressed": [False, False]})
    # a median's interval is taken as 1.2533 x the mean's: small t(0.975, 79) 1.990 x 12.533 / sqrt(80) = 2.79,
    # large t(0.975, 59) 2.001 x 12.533 / sqrt(60) = 3.24; 32 - 15 = 17 > 6.0
    title = plain(charts.distribution_box(frame, "size_band", "Online", CAPTION).layout.title.text)
    assert title.startswith("Online: median from 15 % in Small (<10k visits) to 32 % in Large (100k–1M)")
    # the same medians with sd 40 (intervals 11.2 and 13.0): 17 apart is within noise
    title = plain(charts.distribution_box(frame.assign(sd=40.0), "size_band", "Online", CAPTION).layout.title.text)
    assert title.startswith("Online: medians from 15 % to 32 % across 2 size bands; the differences are within "
                            "sampling noise")
