"""Investment scenarios (analysis.figures.scenarios) and the cost model (analysis.figures.unit_costs), against figures worked out by
hand in this file.

Four museums with a gap and one without, EUR thousands, pillars in schema order
(infrastructure, equipment, qualified staff, data & metadata, copyright clearance, training):

| museum | shortfall | per pillar                  |
|--------|-----------|-----------------------------|
| A      | 10        | training 10                 |
| B      | 20        | infrastructure 10, data 10  |
| C      | 30        | equipment 30                |
| D      | 40        | staff 20, training 20       |
| E      | 0         | –                           |

Pillar totals: infrastructure 10, equipment 30, staff 20, data 10, copyright 0, training 30 (100 in all).
Default pillar weights: data and training 2, the others 1.
"""

import json
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis import schema, store
from analysis.figures import metrics, projections, scenarios, unit_costs, weights
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from tests.conftest import ROOT, in_language, write_xlsx

K = 1_000.0
S = np.array([10, 20, 30, 40, 0]) * K
P = np.array([[0, 0, 0, 0, 0, 10], [10, 0, 0, 10, 0, 0], [0, 30, 0, 0, 0, 0], [0, 0, 20, 0, 0, 20],
              [0, 0, 0, 0, 0, 0]]) * K
DEFAULT = scenarios.pillar_weights(None)


def given(rule: str, budget: float, omega=DEFAULT) -> list[float]:
    return list(scenarios.allocate(S, P, budget, rule, omega).given / K)


# --- every rule by hand, EUR 50 k -----------------------------------------------------------------------------
def test_proportional_gives_each_half_of_its_shortfall():
    done = scenarios.allocate(S, P, 50 * K, "proportional", DEFAULT)
    # 50 of 100: every museum gets half of its shortfall, none is fully funded
    assert list(done.given / K) == pytest.approx([5, 10, 15, 20, 0])
    assert list(done.funded) == [0, 0, 0, 0, 0] and done.unallocated == 0
    # each museum's money split over its pillars as its shortfall is: D gets 10 for staff and 10 for training
    assert list(done.by_pillar[3] / K) == pytest.approx([0, 0, 10, 0, 0, 10])


def test_smallest_first_funds_in_order_and_gives_the_rest_to_the_next():
    done = scenarios.allocate(S, P, 50 * K, "smallest-first", DEFAULT)
    # A (10) and B (20) in full = 30; C gets the 20 left; D nothing
    assert list(done.given / K) == pytest.approx([10, 20, 20, 0, 0])
    assert list(done.funded) == [1, 1, 0, 0, 0]
    # exactly enough for A and B: both funded, nothing to the next
    assert given("smallest-first", 30 * K) == pytest.approx([10, 20, 0, 0, 0])


def test_ties_between_equal_shortfalls_go_to_the_earlier_answer_whatever_the_row_order():
    # shortfalls 20, 10, 20, 20 committed in the order 4th, 1st, 2nd, 3rd: 35 funds the 10, then the 20 committed
    # second in full; the 5 left goes to the 20 committed third, nothing to the one committed last
    shortfall = np.array([20.0, 10.0, 20.0, 20.0]) * K
    done = scenarios.allocate(shortfall, np.tile(shortfall[:, None] / 6, 6), 35 * K, "smallest-first",
                              key=np.array([3, 0, 1, 2]))
    assert list(done.given / K) == pytest.approx([0, 10, 20, 5])
    assert list(done.funded) == [0, 1, 1, 0]


def test_equal_shares_what_a_museum_does_not_need_among_the_others():
    done = scenarios.allocate(S, P, 50 * K, "equal", DEFAULT)
    # 4 x 10 = 40 < 50, so A is full at 10 and B, C, D get the same x: 10 + 3x = 50 -> x = 40/3
    assert list(done.given / K) == pytest.approx([10, 40 / 3, 40 / 3, 40 / 3, 0])
    assert list(done.funded) == [1, 0, 0, 0, 0]


def test_pillar_priorities_fill_pillars_by_weight_then_share_within_a_pillar():
    done = scenarios.allocate(S, P, 50 * K, "pillars", DEFAULT)
    # level x: each pillar gets min(total, x * weight). At x = 5 data (10 = 5 x 2) is full: 5+5+5+10+10 = 35 < 50;
    # at x = 10 infrastructure is full: 10+10+10+10+20 = 60 > 50. So data 10 and 5 x 8 = 40 for the other five
    # weights (1+1+1+2 active, copyright has no shortfall): x = 8 -> infra 8, equipment 8, staff 8, training 16.
    per_pillar = (done.by_pillar.sum(axis=0) / K).tolist()
    assert per_pillar == pytest.approx([8, 8, 8, 10, 0, 16])
    # training's 16 goes to A and D as 10 : 20; B gets infra 8 + data 10; C equipment 8; D staff 8
    assert list(done.given / K) == pytest.approx([16 / 3, 18, 8, 8 + 32 / 3, 0])
    assert list(done.funded) == [0, 0, 0, 0, 0]          # no museum has all its pillars full


def test_whole_shortfall_funds_everyone_and_more_is_left_over():
    for rule in scenarios.RULES:
        done = scenarios.allocate(S, P, 120 * K, rule, DEFAULT)
        assert list(done.given / K) == pytest.approx([10, 20, 30, 40, 0]), rule
        assert list(done.funded) == [1, 1, 1, 1, 0], rule          # E has no gap: not counted as funded
        assert done.unallocated == pytest.approx(20 * K), rule


def test_a_pillar_with_weight_zero_gets_nothing():
    omega = scenarios.pillar_weights({"training": 0})
    done = scenarios.allocate(S, P, 100 * K, "pillars", omega)
    # training's 30 is never paid: A (training only) and D (staff and training) stay short; 30 left over
    assert list(done.given / K) == pytest.approx([0, 20, 30, 20, 0])
    assert list(done.funded) == [0, 1, 1, 0, 0]
    assert done.unallocated == pytest.approx(30 * K)


def test_weights_are_checked():
    with pytest.raises(ValueError, match="unknown pillar 'skills'"):
        scenarios.pillar_weights({"skills": 2})
    with pytest.raises(ValueError, match="at least one above 0"):
        scenarios.pillar_weights({p: 0 for p in schema.PILLARS})
    with pytest.raises(ValueError, match="unknown rule"):
        scenarios.allocate(S, P, 1, "largest-first", DEFAULT)


def test_a_respondent_standing_for_several_museums_funds_whole_museums_only():
    # A stands for 3 museums of 10 each: EUR 25 k funds 2 of them, the third cannot be funded with 5
    done = scenarios.allocate(S, P, 25 * K, "smallest-first", DEFAULT, weight=[3, 1, 1, 1, 1])
    assert done.funded[0] == pytest.approx(2 / 3) and done.given[0] == pytest.approx(25 * K / 3)
    assert list(done.funded[1:]) == [0, 0, 0, 0]


# --- the curve -----------------------------------------------------------------------------------------------
def test_curve_by_hand_and_its_endpoints():
    curve = scenarios.curve(S, P, DEFAULT, points=5)          # sums 0, 25, 50, 75, 100
    funded = {rule: part["museums_funded"].tolist() for rule, part in curve.groupby("rule")}
    assert funded["proportional"] == [0, 0, 0, 0, 4]                  # all or nothing
    assert funded["smallest-first"] == [0, 1, 2, 3, 4]                # 10 | 10+20 | 10+20+30 <= 75 | all
    # equal: 25 -> 6.25 each (none); 50 -> A; 75 -> A and B in full (30), C and D 22.5 each; 100 -> all
    assert funded["equal"] == [0, 0, 1, 2, 4]
    # pillars: data full at 35, infrastructure at 60, training at 80: at 75 data and infra are full -> B only
    assert funded["pillars"] == [0, 0, 0, 1, 4]
    for rule, part in curve.groupby("rule"):
        assert part["budget_eur"].tolist() == [0, 25 * K, 50 * K, 75 * K, 100 * K]
        assert part["closed_eur"].tolist() == pytest.approx([0, 25 * K, 50 * K, 75 * K, 100 * K])
        assert (part["funded_pct"].iloc[0], part["funded_pct"].iloc[-1]) == (0, 100)
        assert (part["closed_pct"].iloc[0], part["closed_pct"].iloc[-1]) == (0, 100)


def test_curve_agrees_with_the_allocation_at_every_point():
    rng = np.random.default_rng(7)
    shortfall = np.round(rng.lognormal(10, 1.2, 300), -2) * (rng.random(300) > 0.1)
    split = rng.dirichlet(np.ones(6), 300) * shortfall[:, None]
    omega = scenarios.pillar_weights({"copyright_clearance": 0, "training": 3})
    curve = scenarios.curve(shortfall, split, omega, points=11)
    for row in curve.itertuples():
        done = scenarios.allocate(shortfall, split, row.budget_eur, row.rule, omega)
        assert row.museums_funded == done.funded.sum(), (row.rule, row.budget_eur)
        assert row.closed_eur == pytest.approx(done.given.sum()), (row.rule, row.budget_eur)


def test_the_curve_has_fifty_sums_for_each_rule():
    # speed is measured in bench/run.py; here the shape: 50 sums x 4 rules
    shortfall = np.linspace(1, 1000, 100_000)
    curve = scenarios.curve(shortfall, np.tile(shortfall[:, None] / 6, 6), DEFAULT)
    assert len(curve) == 4 * scenarios.CURVE_POINTS


# --- through the store: a survey file, by hand ---------------------------------------------------------------
# Wave 2025, no digital budget (so the shortfall is the need), except AT-5, whose budget covers its need.
# AT-1..AT-4 are museums A..D above; BE-1..BE-5 each need 20 k of equipment. Total shortfall 200 k, 9 with a gap.
# Austrian museums are art museums, Belgian ones history museums; every museum has 1,000 objects, half digitised.
COLUMNS = ["museum_id", "museum_name", "country", "survey_wave", "museum_type", "digital_budget_available_eur",
           *schema.NEED_FIELDS.values(), "collection_objects", "pct_digitised", "pct_no_need_digitise",
           "pct_digitised_3d"]
#                                       budget  infra  equip  staff  data  copy  train   objects digitised no-need 3D
ROWS = [["AT-1", "Eins", "AT", "2025", "art", 0, 0, 0, 0, 0, 0, 10_000, 1_000, 50, 0, 0],
        ["AT-2", "Zwei", "AT", "2025", "art", 0, 10_000, 0, 0, 10_000, 0, 0, 1_000, 50, 0, 0],
        ["AT-3", "Drei", "AT", "2025", "art", 0, 0, 30_000, 0, 0, 0, 0, 1_000, 50, 0, 0],
        ["AT-4", "Vier", "AT", "2025", "art", 0, 0, 0, 20_000, 0, 0, 20_000, 1_000, 50, 0, 0],
        ["AT-5", "Fünf", "AT", "2025", "art", 20_000, 50_000, 0, 0, 0, 0, 0, 1_000, 50, 0, 0],
        *[[f"BE-{i}", f"Musée {i}", "BE", "2025", "history", 0, 0, 20_000, 0, 0, 0, 0, 1_000, 50, 0, 0]
          for i in range(1, 6)]]


def load_fixture(con, tmp_path):
    header = [schema.FIELDS_BY_NAME[c].header for c in COLUMNS]
    result = load_file(con, write_xlsx(tmp_path / "scenario.xlsx", [header, *ROWS]))
    assert result["status"] == "committed", result
    return con


@pytest.fixture
def loaded(con, tmp_path):
    return load_fixture(con, tmp_path)


def scenario(con, budget, rule, **kw):
    """The scenario, its museums named (the store's rows come without names, in no particular order) and listed in
    the order of the file."""
    inputs = metrics.scenario_inputs(con, Filters(wave="2025"))
    s = scenarios.run(inputs["museums"], budget, rule, respondents=inputs["respondents"], **kw)
    named = s.museums.assign(museum_id=metrics.museum_names(con, Filters(wave="2025"), tuple(s.museums["row"]))[
        "museum_id"].to_numpy())
    s.museums = named.sort_values("row", ignore_index=True)
    return s


def test_smallest_first_through_the_store(loaded):
    s = scenario(loaded, 100 * K, "smallest-first")
    assert (s.respondents, s.n, s.with_gap) == (10, 10, 9)
    # 10 (AT-1), then the six 20 k museums in the order of the file: AT-2, BE-1, BE-2, BE-3 -> 90; BE-4 gets the
    # 10 left
    funded = s.museums.loc[s.museums["fully_funded"], "museum_id"].tolist()
    assert funded == ["AT-1", "AT-2", "BE-1", "BE-2", "BE-3"]
    assert s.museums.set_index("museum_id")["allocated_eur"]["BE-4"] == pytest.approx(10 * K)
    assert (s.funded, s.total_eur, s.closed_eur, s.remaining_eur) == (5, 200 * K, 100 * K, 100 * K)
    by_country = scenarios.by_group(s, "country").set_index("group")
    assert by_country.loc["AT", ["n", "museums_with_gap", "museums_funded", "shortfall_eur", "closed_eur",
                                 "remaining_eur"]].tolist() == [5, 4, 2, 100 * K, 30 * K, 70 * K]
    assert by_country.loc["BE", ["n", "museums_with_gap", "museums_funded", "shortfall_eur", "closed_eur",
                                 "remaining_eur"]].tolist() == [5, 5, 3, 100 * K, 70 * K, 30 * K]
    assert list(by_country.index) == ["AT", "BE"]                     # largest gap left first


def test_every_rule_through_the_store(loaded):
    # proportional: half of every shortfall, nobody full
    s = scenario(loaded, 100 * K, "proportional")
    assert s.funded == 0 and scenarios.by_group(s, "country").set_index("group")["closed_eur"].to_dict() == {
        "AT": pytest.approx(50 * K), "BE": pytest.approx(50 * K)}
    # equal: 9 x 10 = 90 < 100, so AT-1 is full at 10 and the other 8 get (100 - 10) / 8 = 11.25 each
    s = scenario(loaded, 100 * K, "equal")
    assert s.museums.loc[s.museums["fully_funded"], "museum_id"].tolist() == ["AT-1"]
    closed = scenarios.by_group(s, "country").set_index("group")["closed_eur"]
    assert closed.to_dict() == {"AT": pytest.approx(10 * K + 3 * 11.25 * K), "BE": pytest.approx(5 * 11.25 * K)}
    # pillars: totals infra 10, equipment 130, staff 20, data 10, training 30. Data fills at level 5, infra at 10,
    # training at 15 (=80 spent), staff at 20 (=90 spent); equipment gets the last 10 + 20 = 30 of its 130.
    s = scenario(loaded, 100 * K, "pillars")
    pillars = scenarios.by_pillar(s).set_index("pillar")
    assert (pillars["closed_eur"] / K).to_dict() == pytest.approx(
        {"infrastructure": 10, "equipment": 30, "human_resources": 20, "data_metadata": 10,
         "copyright_clearance": 0, "training": 30})
    assert (pillars["shortfall_eur"] / K).to_dict() == pytest.approx(
        {"infrastructure": 10, "equipment": 130, "human_resources": 20, "data_metadata": 10,
         "copyright_clearance": 0, "training": 30})
    assert s.museums.loc[s.museums["fully_funded"], "museum_id"].tolist() == ["AT-1", "AT-2", "AT-4"]
    # equipment's 30 shared 30 : 20 : 20 : 20 : 20 : 20 of 130
    assert s.museums.set_index("museum_id")["allocated_eur"]["AT-3"] == pytest.approx(30 * K * 30 / 130)


def test_a_country_with_fewer_than_five_museums_is_suppressed(loaded):
    museums = metrics.scenario_inputs(loaded, Filters(wave="2025"))["museums"]
    be_5 = loaded.execute("SELECT commit_order FROM museum_facts WHERE museum_id = 'BE-5'").fetchone()[0]
    s = scenarios.run(museums[museums["row"] != be_5], 100 * K, "smallest-first")
    be = scenarios.by_group(s, "country").set_index("group").loc["BE"]
    assert be["n"] == 4 and be["suppressed"] and pd.isna(be["closed_eur"]) and pd.isna(be["museums_funded"])


# --- extrapolated to the frame: the interval of a count ----------------------------------------------------
def test_extrapolated_count_and_its_interval_by_hand(loaded):
    """Frame: 50 museums in Austria, 20 in Belgium (one stratum each): every AT respondent stands for 10 museums,
    every BE one for 4. Smallest first, EUR 460 k over the frame: AT-1 (10 x 10 = 100), AT-2 (10 x 20 = 200),
    BE-1 and BE-2 (4 x 20 = 80 each) exactly use it. Funded: 2 of 5 respondents in each country ->
    20 of 50 in AT, 8 of 20 in BE: 28 museums."""
    museums = metrics.scenario_inputs(loaded, Filters(wave="2025"))["museums"]
    population = pd.DataFrame({"country": ["AT", "BE"], "size_band": [None, None], "museums": [50.0, 20.0],
                               "source": "test", "year": 2025}).reindex(columns=weights.FRAME_COLUMNS)
    frame = projections.frame_scenario(museums, population, 460 * K, "smallest-first")
    every = frame.table.set_index("scope").loc[weights.ALL]
    assert every["N"] == 70 and every["n"] == 10
    assert every["museums_funded"] == pytest.approx(28)
    # Var(total) = sum N_h^2 (1 - n_h/N_h) s_h^2 / n_h with s^2 of (1,1,0,0,0) = 0.3:
    #   AT 2500 x 0.9 x 0.3 / 5 = 135;  BE 400 x 0.75 x 0.3 / 5 = 18
    var = 135 + 18
    df = var ** 2 / (135 ** 2 / 4 + 18 ** 2 / 4)                  # Satterthwaite
    half = stats.t.ppf(0.975, df) * math.sqrt(var)
    assert every["funded_lo"] == pytest.approx(max(0, 28 - half), abs=0.05)
    assert every["funded_hi"] == pytest.approx(28 + half, abs=0.05)
    # AT alone: 20 museums, interval 20 +/- t(4) x sqrt(135) = 20 +/- 32.3, which is kept within 0 and its 50 museums
    at = frame.table.set_index("scope").loc["AT"]
    assert at["museums_funded"] == pytest.approx(20)
    assert 20 + stats.t.ppf(0.975, 4) * math.sqrt(135) > 50
    assert (at["funded_lo"], at["funded_hi"]) == (0, 50)
    # the whole sum is spent in the frame (its shortfall, 1,400 k, is larger)
    assert every["closed_eur"] == pytest.approx(460 * K) and every["shortfall_eur"] == pytest.approx(1400 * K)
    assert every["museums_with_gap"] == pytest.approx(40 + 20)


def test_no_extrapolation_when_the_filters_narrow_a_country():
    assert projections.frame_reason(Filters(wave="2025", countries=("AT",))) == ""
    reason = projections.frame_reason(Filters(wave="2025", museum_types=("art",), size_bands=("small",)))
    assert reason.endswith("need these filters cleared: museum type, size")
    museums = pd.DataFrame(columns=["country", "museum_id"])
    assert projections.extrapolation(museums, pd.DataFrame(), Filters(wave="2025", ownership=("public",)),
                                     1e6) == (None, "the population frame counts every museum of a country, so "
                                              "figures for all museums need these filters cleared: ownership")
    with in_language("fr"):
        assert projections.frame_reason(Filters(wave="2025", size_bands=("small",))).endswith(
            "effacés : taille")


# --- the command line --------------------------------------------------------------------------------------
def test_cli_scenario_json(loaded, tmp_path):
    db = tmp_path / "store.duckdb"
    loaded.close()
    done = subprocess.run([sys.executable, "-m", "analysis", "scenario", "--budget", "100000", "--rule",
                           "smallest-first", "--json", "--db", str(db)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["museums_fully_funded"], out["shortfall_closed_eur"], out["shortfall_remaining_eur"]) == (
        5, 100_000, 100_000)
    assert (out["museums_with_gap"], out["shortfall_total_eur"], out["unallocated_eur"]) == (9, 200_000, 0)
    assert out["by_country"]["AT"] == {"n": 5, "museums_with_gap": 4, "museums_fully_funded": 2,
                                       "shortfall_total_eur": 100_000, "shortfall_closed_eur": 30_000,
                                       "shortfall_remaining_eur": 70_000, "suppressed": False}
    assert out["by_country"]["BE"]["museums_fully_funded"] == 3
    # equipment: BE-1..BE-3 in full (60) and 10 to BE-4; AT-3 (30) gets nothing
    assert out["by_pillar"]["equipment"] == {"shortfall_eur": 130_000, "closed_eur": 70_000,
                                             "remaining_eur": 60_000}
    assert out["frame"]["available"] is True            # Austria and Belgium both have a population figure
    one = subprocess.run([sys.executable, "-m", "analysis", "scenario", "--budget", "15000", "--rule", "equal",
                          "--country", "be", "--json", "--db", str(db)], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    out = json.loads(one.stdout)
    # Belgium alone: 15 k shared equally by 5 museums of 20 k = 3 k each, nobody full
    assert (out["countries"], out["museums_fully_funded"], out["shortfall_closed_eur"]) == (["BE"], 0, 15_000)
    bad = subprocess.run([sys.executable, "-m", "analysis", "scenario", "--budget", "lots", "--db", str(db)],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert bad.returncode == 2 and "'lots' is not a number of euros" in bad.stderr
    bad = subprocess.run([sys.executable, "-m", "analysis", "scenario", "--budget", "1", "--rule", "largest-first",
                          "--db", str(db)], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert bad.returncode == 1
    assert "unknown rule 'largest-first': choose one of proportional, smallest-first" in bad.stderr


# --- the cost model: flag boundaries -----------------------------------------------------------------------
COSTS = pd.DataFrame({"museum_type": [None, "archaeology"], "cost_2d_eur": [10.0, 20.0], "cost_3d_eur": [50.0, 50.0],
                      "share_3d_pct": [10.0, 0.0], "source": ["test", "test"]})


def museum(declared: float | None, objects: float = 100, digitised: float = 50, in_3d: float | None = 0,
           kind: str = "art") -> dict:
    return {"museum_type": kind, "objects_to_digitise": objects, "pct_digitised": digitised, "pct_digitised_3d": in_3d,
            "need_equipment_eur": declared, "need_human_resources_eur": None, "need_data_metadata_eur": None}


def test_cost_model_flags_more_than_five_times_above_or_below():
    # 100 objects, the museum's own 3D share 0 % -> 100 x EUR 10 = EUR 1,000
    frame = pd.DataFrame([museum(5_000), museum(5_000.01), museum(200), museum(199.99), museum(1_000), museum(None)])
    out = unit_costs.model(frame, COSTS)
    assert out["modelled_cost_eur"].tolist() == [1_000] * 6
    assert out["flag"].tolist() == ["", "above", "", "below", "", ""]      # exactly 5x is not flagged
    assert out["ratio"].iloc[0] == 5 and pd.isna(out["ratio"].iloc[5])


def test_flagged_table_lists_the_museums_furthest_apart_first():
    # each modelled at 100 x EUR 10 = EUR 1,000: declared 6,000 is 6x above, 100 is 10x below, 0 declares no need,
    # 8,000 is 8x above, 1,000 is not flagged
    frame = pd.DataFrame([museum(6_000), museum(100), museum(0), museum(8_000), museum(1_000)]).assign(
        museum_id=["A", "B", "C", "D", "E"], museum_name=list("abcde"), country="AT")
    check = unit_costs.cross_check(frame.assign(row=range(5)), COSTS,
                                   lambda rows: frame.iloc[list(rows)][["museum_id", "museum_name"]])
    assert check.table()["museum_id"].tolist() == ["C", "B", "D", "A"]
    assert check.table()["times_apart"].tolist() == ["no need declared", "10.0× below", "8.0× above", "6.0× above"]
    assert check.table(2)["museum_id"].tolist() == ["C", "B"]


def test_cost_model_share_in_3d_and_costs_by_type():
    frame = pd.DataFrame([museum(1, digitised=40, in_3d=10),            # own share 10 / 40 = 25 %
                          museum(1, digitised=0, in_3d=None),           # none digitised yet: the model's 10 %
                          museum(1, kind="archaeology", in_3d=None)])   # archaeology row: 2D 20, 3D share 0 %
    out = unit_costs.model(frame, COSTS)
    assert out["share_3d_pct"].tolist() == pytest.approx([25, 10, 0])
    assert out["share_3d_from"].tolist() == ["museum", "model", "model"]
    # 100 x (0.75 x 10 + 0.25 x 50) = 2,000; 100 x (0.9 x 10 + 0.1 x 50) = 1,400; 100 x 20 = 2,000
    assert out["modelled_cost_eur"].tolist() == pytest.approx([2_000, 1_400, 2_000])


def test_cost_model_table_is_checked_like_the_targets():
    rows, problems = unit_costs.check(pd.DataFrame({"museum_type": ["art", "ufo"], "cost_2d_eur": [0, 5],
                                                    "cost_3d_eur": [10, "x"], "share_3d_pct": [150, 1],
                                                    "source": ["", ""]}))
    assert problems == ["Row 1: a cost per object must be more than EUR 0.",
                        "Row 1: the 3D share 150 must be between 0 and 100 (%).",
                        "Row 2: 'ufo' is not a museum type code (archaeology, art, ethnography_anthropology, "
                        "general_mixed, history, monument_site, natural_history_science, other, regional_local, "
                        "science_technology, specialised).",
                        "Row 2: the 2D cost, the 3D cost and the 3D share must be numbers.",
                        "Keep a row for all types (museum type left blank): museums of other types use it."]
    rows, problems = unit_costs.check(COSTS)
    assert problems == [] and len(rows) == 2


def test_the_cost_model_speaks_the_readers_language():
    """Its problems and flags are read by analysts in their own language; the numbers written their way."""
    with in_language("de"):
        _rows, problems = unit_costs.check(pd.DataFrame({"museum_type": [None], "cost_2d_eur": [0], "cost_3d_eur": [40],
                                                         "share_3d_pct": [12.5], "source": [""]}))
        assert problems == ["Zeile 1: Die Kosten je Objekt müssen über 0 EUR liegen."]
        flag = pd.Series({"cost_2d_eur": 25.0, "cost_3d_eur": 40.0, "share_3d_pct": 18.0, "flag": "above",
                          "declared_need_eur": 1_124_000.0, "modelled_cost_eur": 105_000.0, "ratio": 10.7})
        text = unit_costs.explain(3805, flag)
        assert text.startswith("Der angegebene Bedarf für ")
        assert ("liegt 10,7-mal über den modellierten Kosten für die Digitalisierung der 3.805 noch zu "
                "digitalisierenden Objekte") in text
        assert "zu 25,00 EUR je Objekt in 2D und 40,00 EUR in 3D, 18 % in 3D" in text
        assert text.endswith("Mehr als das 5-Fache auseinander: Prüfen Sie den Bedarf, die Sammlungsgröße und die "
                             "Digitalisierungsanteile; nichts wurde geändert.")
    with in_language("fr"):
        # 3 of 1,000 museums: too few and under 10 % answered
        assert weights.coverage_warning(3, 1000.0) == ("moins de 5 répondants ; moins de 10 % des musées ont "
                                                       "répondu")


def test_upload_report_warns_about_needs_far_from_the_cost_model(con, tmp_path):
    store.replace_unit_costs(con, [{"museum_type": None, "cost_2d_eur": 10.0, "cost_3d_eur": 50.0,
                                    "share_3d_pct": 10.0, "source": "test"}])
    header = ["Museum name", "Country", "Survey wave", "Collection size (objects)", "Collection digitised (%)",
              "No need to digitise (%)", "Collection digitised in 3D (%)", "Need: equipment (EUR to 2030)",
              "Need: data and metadata (EUR to 2030)"]
    # objects to digitise = 1,000 x (100 - 50 - 30) / 100 = 200, none in 3D: model 200 x EUR 10 = EUR 2,000
    path = write_xlsx(tmp_path / "needs.xlsx", [header,
                                                ["Exactly five", "AT", "2025", 1000, 50, 30, 0, 6_000, 4_000],
                                                ["Above", "AT", "2025", 1000, 50, 30, 0, 6_000, 4_001],
                                                ["Below", "AT", "2025", 1000, 50, 30, 0, None, 399],
                                                ["No need given", "AT", "2025", 1000, 50, 30, 0, None, None]])
    result = load_file(con, path)
    assert result["status"] == "committed"                       # flagged, never refused nor changed
    flagged = [w for w in result["warnings"] if w["rule"] == unit_costs.RULE]
    assert [(w["row"], w["column"], w["value"]) for w in flagged] == [
        (3, "Need: equipment (EUR to 2030)", 10_001), (4, "Need: data and metadata (EUR to 2030)", 399)]
    assert "5.0 times above the modelled cost of digitising the 200 objects" in flagged[0]["message"]
    assert "5.0 times below" in flagged[1]["message"]
    assert con.execute("SELECT need_data_metadata_eur FROM current_responses WHERE museum_name = 'Below'"
                       ).fetchone() == (399,)


def test_published_unit_costs_cite_year_range_and_source():
    literature = unit_costs.literature()
    assert {"kind", "low", "high", "currency", "year", "source", "url"} <= set(literature.columns)
    assert set(literature["kind"]) >= {"2d", "3d"}
    assert literature["year"].notna().all() and literature["url"].str.startswith("http").all()
    assert literature["source"].str.contains("Comité des Sages").any()
    assert literature["source"].str.contains("ENUMERATE").any()


# --- the digitisation outlook ------------------------------------------------------------------------------
def test_outlook_by_hand(loaded, tmp_path):
    """Every museum: 1,000 objects, 50 % digitised, none needing no digitisation, none in 3D; target 50 % (the
    placeholder). The Austrian museums answered in 2023 too, with 40 %: 10 points in 2 years = 5 a year."""
    header = [schema.FIELDS_BY_NAME[c].header for c in ("museum_id", "museum_name", "country", "survey_wave",
                                                         "museum_type", "collection_objects", "pct_digitised",
                                                         "pct_no_need_digitise")]
    earlier = [[f"AT-{i}", name, "AT", "2023", "art", 1_000, 40, 0]
               for i, name in enumerate(["Eins", "Zwei", "Drei", "Vier", "Fünf"], start=1)]
    assert load_file(loaded, write_xlsx(tmp_path / "2023.xlsx", [header, *earlier]))["status"] == "committed"
    wave = Filters(wave="2025")
    # smallest first, EUR 100 k: AT-1 (training: buys no objects), AT-2 (data 10 k / EUR 25 = 400 objects),
    # BE-1..BE-3 (equipment 20 k = 800 objects, capped at the 500 left), BE-4 (10 k = 400)
    s = scenarios.run(metrics.scenario_inputs(loaded, wave)["museums"], 100 * K, "smallest-first")
    out = projections.outlook(metrics.digitisation_inputs(loaded, wave), metrics.outlook_base(loaded, wave), s,
                              metrics.scenario_context(loaded, wave)["unit_costs"]).set_index("country")
    at, be, every = out.loc["AT"], out.loc["BE"], out.loc[weights.ALL]
    # Austria: 50 % now + 5 a year x (2030 - 2025) = 75 %; + 400 / 5,000 objects = 8 points -> 83 %
    assert (at["n"], at["n_pace"], at["years"]) == (5, 5, 5)
    assert [at[c] for c in ("now_pct", "pace_pp", "projected_pct", "extra_objects", "extra_pp", "with_money_pct",
                            "target_pct")] == pytest.approx([50, 5, 75, 400, 8, 83, 50])
    # Belgium: no earlier answer, no projection; 1,900 / 5,000 objects = 38 points -> 88 %
    assert be["n_pace"] == 0 and pd.isna(be["projected_pct"])
    assert [be["extra_objects"], be["extra_pp"], be["with_money_pct"]] == pytest.approx([1_900, 38, 88])
    # all: 50 % now, the pace of the 5 Austrian museums, 2,300 / 10,000 objects = 23 points
    assert [every["projected_pct"], every["extra_pp"], every["with_money_pct"]] == pytest.approx([75, 23, 98])


# --- the slides ----------------------------------------------------------------------------------------------
def test_scenario_slides_carry_the_figures_and_the_assumptions_in_their_notes(loaded):
    import io

    from pptx import Presentation

    from analysis import export
    from analysis.charts import catalogue

    view = catalogue.View.of(loaded, Filters(wave="2025"))
    params = {"budget_eur": 100 * K, "rule": "smallest-first"}
    built = [catalogue.render(key, view, **params) for key in ("scenario-curve", "scenario-by-country",
                                                                "scenario-outlook")]
    deck = Presentation(io.BytesIO(export.pptx_deck(built, "Investment scenario", view.caption)))
    titles = {page.shapes.title.text.replace("\u00a0", " "): page for page in deck.slides if page.shapes.title}
    curve = titles["EUR 0.10 M given to the smallest shortfalls first fully funds 5 of 9 museums with a gap and "
                   "closes 50 % of the shortfall"]
    notes = curve.notes_slide.notes_text_frame.text
    assert "smallest shortfalls first 5 of 9 fully funded, 50 % of the shortfall closed" in notes
    assert "equal amount per museum 1 of 9 fully funded" in notes
    assert notes.count("Assumption: ") == len(scenarios.ASSUMPTIONS)
    assert "Method: Smallest shortfalls first: museums are funded in full in ascending order" in notes
    assert "EUR 0.10 M, smallest shortfalls first; n = 10 museums that gave need and budget, 9 with a gap" in notes
    by_country = next(page for title, page in titles.items() if title.startswith("After EUR 0.10 M"))
    text = by_country.notes_slide.notes_text_frame.text
    assert "Austria: 2 of 4 museums with a gap fully funded; EUR 0.03 M of EUR 0.10 M closed, EUR 0.07 M left (n = 5)" \
        in text
    assert any(page.notes_slide.notes_text_frame.text.count("Assumption: ") == 3 for page in deck.slides)


def test_many_flags_are_listed_up_to_a_limit_then_counted(con, tmp_path):
    store.replace_unit_costs(con, [{"museum_type": None, "cost_2d_eur": 10.0, "cost_3d_eur": 50.0,
                                    "share_3d_pct": 10.0, "source": "test"}])
    header = ["Museum name", "Country", "Survey wave", "Collection size (objects)", "Collection digitised (%)",
              "No need to digitise (%)", "Collection digitised in 3D (%)", "Need: equipment (EUR to 2030)"]
    # 500 objects to digitise at EUR 10 = EUR 5,000 each; EUR 1 M declared is 200 times above
    rows = [[f"Museum {i}", "AT", "2025", 1000, 50, 0, 0, 1_000_000] for i in range(unit_costs.ROWS_LISTED + 35)]
    result = load_file(con, write_xlsx(tmp_path / "many.xlsx", [header, *rows]))
    flagged = [w for w in result["warnings"] if w["rule"] == unit_costs.RULE]
    assert [w["row"] for w in flagged[:-1]] == list(range(2, 2 + unit_costs.ROWS_LISTED))
    last = flagged[-1]
    assert last["row"] is None and last["message"].startswith("35 more museums declare a digitisation need")
    # the first 30 of the 35 are named, then an ellipsis
    assert f"Survey row {2 + unit_costs.ROWS_LISTED}, " in last["message"] and ", …. Once the file" in last["message"]
