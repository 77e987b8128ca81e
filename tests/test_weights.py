"""Post-stratification weights, the collapse rule and the 95 % intervals of analysis.figures.weights.

Expected numbers are worked out by hand in the comments, not by calling the code under test. The last test
checks the intervals by simulation: seeded synthetic populations, repeated self-selected samples, and the
share of 95 % intervals that contain the true population mean.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.figures import weights
from analysis.figures.weights import ALL, cells, collapse, combine, estimate_by_country, population_frame, post_strata


def _register(country: str, counts: dict) -> pd.DataFrame:
    return pd.DataFrame({"country": country, "size_band": list(counts), "museums": list(counts.values()),
                         "source": "register test.csv", "year": 2025})


EGMUS = pd.DataFrame({"country": ["AT", "BE"], "museums": [510, 162], "year": [2021, 2004],
                      "source": ["EGMUS", "EGMUS"]})

# The hand-worked example: Austria's register gives 60 small, 30 medium and 10 large museums; 5 of each answered.
#   small  N=60 n=5 values 10 20 30 40 50   mean 30  s² = (400+100+0+100+400)/4 = 250   weight 60/5 = 12
#   medium N=30 n=5 values 40 50 60 70 80   mean 60  s² = 250                            weight 30/5 = 6
#   large  N=10 n=5 values 80 85 90 95 100  mean 90  s² = (100+25+0+25+100)/4 = 62.5     weight 10/5 = 2
# Unweighted mean (900 / 15)                          = 60
# Weighted mean (60×30 + 30×60 + 10×90) / 100 = 4500 / 100 = 45   (= Σ w·y / Σ w = 4500 / 100)
# Var(total) = Σ N²(1 − n/N) s²/n:
#   small  3600 × 55/60 × 250/5 = 165000;  medium 900 × 25/30 × 250/5 = 37500;  large 100 × 5/10 × 62.5/5 = 625
#   = 203125, so SE(total) = √203125 = 450.694…, SE(mean) = 4.50694…
# Satterthwaite df = 203125² / ((165000² + 37500² + 625²) / 4) = 5.764…
VALUES = {"small": [10, 20, 30, 40, 50], "medium": [40, 50, 60, 70, 80], "large": [80, 85, 90, 95, 100]}


def _respondents(values: dict[str, list[float]], country: str = "AT") -> pd.DataFrame:
    rows = [(country, band, v) for band, vs in values.items() for v in vs]
    return pd.DataFrame(rows, columns=["country", "size_band", "y"])


def test_weights_are_museums_over_respondents_per_stratum():
    frame = population_frame(EGMUS, _register("AT", {"small": 60, "medium": 30, "large": 10}))
    result = post_strata(frame, cells(_respondents(VALUES)))
    strata = result.strata.set_index("stratum")
    assert strata.loc["small", "weight"] == 12
    assert strata.loc["medium", "weight"] == 6
    assert strata.loc["large", "weight"] == 2
    assert list(strata["coverage_pct"].round(4)) == [round(500 / 60, 4), round(500 / 30, 4), 50.0]
    assert result.key_of(_respondents(VALUES)).notna().all() and result.excluded.empty


def test_weighted_mean_total_and_interval_on_the_hand_worked_example():
    frame = population_frame(EGMUS, _register("AT", {"small": 60, "medium": 30, "large": 10}))
    out = estimate_by_country(frame, cells(_respondents(VALUES), "y")).set_index("scope")
    at = out.loc["AT"]
    assert at["n"] == 15 and at["n_weighted"] == 15 and at["N"] == 100
    assert at["unweighted_mean"] == pytest.approx(60)
    assert at["weighted_mean"] == pytest.approx(45)
    assert at["total"] == pytest.approx(4500)
    assert at["se"] == pytest.approx(math.sqrt(203125) / 100)
    df = 203125 ** 2 / ((165000 ** 2 + 37500 ** 2 + 625 ** 2) / 4)
    assert at["df"] == pytest.approx(df)
    assert df == pytest.approx(5.764, abs=1e-3)
    t = weights.t_quantile(df)
    assert 2.447 < t < 2.571                       # between the table values for 6 and 5 degrees of freedom
    assert at["lo"] == pytest.approx(45 - t * math.sqrt(203125) / 100)
    assert at["hi"] == pytest.approx(45 + t * math.sqrt(203125) / 100)
    assert at["total_lo"] == pytest.approx(4500 - t * math.sqrt(203125))
    assert out.loc[ALL, "weighted_mean"] == pytest.approx(45)          # one country: the same figure


def test_all_countries_row_weights_countries_by_their_museums():
    # Austria as above (N 100, weighted mean 45); Belgium by its EGMUS count, 162 museums, 6 answers 10, 20,
    # 30, 40, 50, 60 (mean 35). All countries: (100 × 45 + 162 × 35) / 262 = (4500 + 5670) / 262 = 38.8168…
    # Unweighted: (900 + 210) / 21 = 52.857…
    frame = population_frame(EGMUS, _register("AT", {"small": 60, "medium": 30, "large": 10}))
    people = pd.concat([_respondents(VALUES), pd.DataFrame({"country": "BE", "size_band": None,
                                                            "y": [10, 20, 30, 40, 50, 60]})], ignore_index=True)
    out = estimate_by_country(frame, cells(people, "y")).set_index("scope")
    assert out.loc["BE", "weighted_mean"] == pytest.approx(35)    # one stratum: weighted = unweighted
    assert out.loc["BE", "N"] == 162
    assert out.loc[ALL, "weighted_mean"] == pytest.approx(10170 / 262)
    assert out.loc[ALL, "unweighted_mean"] == pytest.approx((900 + 210) / 21)
    assert out.loc[ALL, "N"] == 262 and out.loc[ALL, "strata"] == 4


def test_unknown_sizes_in_a_register_are_shared_out_in_proportion():
    # 40 small, 20 medium, 10 large and 30 of unknown size: 100 museums, 70 known, each band × 100/70.
    frame = population_frame(EGMUS, _register("AT", {"small": 40, "medium": 20, "large": 10, None: 30}))
    at = frame[frame["country"] == "AT"].set_index("size_band")["museums"]
    assert at.to_dict() == pytest.approx({"small": 4000 / 70, "medium": 2000 / 70, "large": 1000 / 70})
    assert at.sum() == pytest.approx(100)
    assert frame.set_index("country").loc["BE", "museums"] == 162      # EGMUS where there is no register
    assert "AT" not in set(EGMUS.merge(frame[frame["source"] == "EGMUS"], on="country")["country"])


def test_collapse_merges_thin_bands_with_the_adjacent_band_that_has_fewer_answers():
    # huge has 0 answers -> merged with its only neighbour, large (3): large+huge still has 3 -> merged with
    # medium (6): medium+large+huge has 9.
    raw = [(("small",), 500.0, 12), (("medium",), 300.0, 6), (("large",), 80.0, 3), (("huge",), 5.0, 0)]
    assert collapse(raw) == [(("small",), 500.0, 12), (("medium", "large", "huge"), 385.0, 9)]
    # medium (2) is short; both neighbours have 8 answers: the tie goes to the smaller band.
    raw = [(("small",), 100.0, 8), (("medium",), 100.0, 2), (("large",), 100.0, 8), (("huge",), 100.0, 9)]
    assert collapse(raw) == [(("small", "medium"), 200.0, 10), (("large",), 100.0, 8), (("huge",), 100.0, 9)]
    # 6 huge respondents but only 2 huge museums in the frame: merged too (a weight below 1 is impossible).
    raw = [(("small",), 100.0, 9), (("medium",), 50.0, 7), (("large",), 20.0, 6), (("huge",), 2.0, 6)]
    assert collapse(raw)[-1] == (("large", "huge"), 22.0, 12)
    # Bands with no museums and no answers simply disappear.
    assert collapse([(("small",), 10.0, 5), (("medium",), 0.0, 0)]) == [(("small",), 10.0, 5)]


def test_collapse_is_reported_and_countries_that_cannot_be_weighted_are_excluded():
    frame = population_frame(EGMUS, _register("DE", {"small": 500, "medium": 300, "large": 80, "huge": 5}))
    people = pd.DataFrame({"country": ["DE"] * 22 + ["AT"] * 4 + ["IT"] * 7,
                           "size_band": ["small"] * 12 + ["medium"] * 6 + ["large"] * 3 + [None]
                                        + [None] * 4 + ["small"] * 7})
    result = post_strata(frame, cells(people))
    de = result.strata[result.strata["country"] == "DE"].set_index("stratum")
    assert list(de.index) == ["small", "medium + large + huge"]
    assert de.loc["medium + large + huge", "N"] == 385 and de.loc["medium + large + huge", "n"] == 9
    assert de.loc["medium + large + huge", "weight"] == pytest.approx(385 / 9)
    assert de.loc["medium + large + huge", "status"] == "merged"
    assert weights.collapse_report(result) == [
        "Germany: medium + large + huge (merged: medium 6 answers, large 3 answers, huge 0 answers)"]
    reasons = {(r.country, r.respondents): r.reason for r in result.excluded.itertuples()}
    assert reasons[("DE", 1)].startswith("size band unknown")          # the one German museum without visits
    assert reasons[("AT", 4)].startswith("fewer than 5")              # EGMUS count, but only 4 answers
    assert reasons[("IT", 7)].startswith("no population figure")
    assert result.key_of(people).notna().sum() == 21


def test_a_merged_stratum_pools_the_answers_of_its_bands():
    # Register: 500 small, 300 medium, 80 large, 5 huge. Answers: small 10 20 30 40 50 (mean 30, s² 250),
    # medium 40 50 60, large 80 100, huge none. Collapse: huge (0) joins large, then large + huge (2) joins
    # medium (3): medium + large + huge, N = 385, n = 5, values 40 50 60 80 100:
    #   mean 330 / 5 = 66; squared deviations 676 + 256 + 36 + 196 + 1156 = 2320, s² = 2320 / 4 = 580.
    # Weighted mean (500 × 30 + 385 × 66) / 885 = 40410 / 885.
    # Var(total) = 500² × (495/500) × 250/5 + 385² × (380/385) × 580/5 = 12,375,000 + 16,970,800 = 29,345,800.
    frame = population_frame(EGMUS.iloc[0:0], _register("DE", {"small": 500, "medium": 300, "large": 80,
                                                               "huge": 5}))
    people = _respondents({"small": [10, 20, 30, 40, 50], "medium": [40, 50, 60], "large": [80, 100]}, "DE")
    row = estimate_by_country(frame, cells(people, "y")).set_index("scope").loc["DE"]
    assert row["strata"] == 2 and row["merged"] == 1
    assert row["weighted_mean"] == pytest.approx(40410 / 885)
    assert row["se"] == pytest.approx(math.sqrt(29_345_800) / 885)
    assert row["unweighted_mean"] == pytest.approx(480 / 10)


def test_student_t_quantiles_match_the_printed_tables():
    for df, table in ((1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (10, 2.228), (30, 2.042),
                      (120, 1.980), (1e9, 1.960)):
        assert weights.t_quantile(df) == pytest.approx(table, abs=0.004), df


def test_paired_change_on_a_hand_worked_panel():
    # differences 2, 1, 5, 1, 6: mean 3, s² = (1+4+4+4+9)/4 = 5.5, half-width t(4) × √5.5 / √5 = 2.776 × 1.0488
    out = weights.paired_change(np.array([10, 20, 30, 40, 50]), np.array([12, 21, 35, 41, 56]))
    assert out["n"] == 5 and out["change"] == pytest.approx(3)
    assert out["hi"] - 3 == pytest.approx(2.776 * math.sqrt(5.5 / 5), abs=0.005)


def test_coverage_warning_names_the_threshold():
    assert weights.coverage_warning(20, 100) == ""
    assert weights.coverage_warning(4, 20) == "fewer than 5 respondents"
    assert weights.coverage_warning(12, 510) == "under 10 % of museums answered"
    assert weights.coverage_warning(3, None).startswith("no population figure")


# --- interval coverage by simulation -----------------------------------------------------------------------
N_H = (3000, 800, 200)               # small, medium, large museums
RESPONSE = (0.01, 0.04, 0.15)        # self-selection: large museums answer 15 times as often as small ones
REPETITIONS = 400


def _simulate(seed: int, repetitions: int) -> dict:
    """One seeded population of 4,000 museums (% digitised: small museums Beta(2,10), medium Beta(3,7), large
    Beta(5,5), times 100); `repetitions` independent rounds in which each museum answers with its stratum's
    probability (about 30 answers per stratum); per round the post-stratified 95 % interval."""
    rng = np.random.default_rng(seed)
    population = [100 * rng.beta(2, 10, N_H[0]), 100 * rng.beta(3, 7, N_H[1]), 100 * rng.beta(5, 5, N_H[2])]
    truth = float(np.concatenate(population).mean())
    n, means, variances, sums = [], [], [], []
    for values, p in zip(population, RESPONSE):
        answered = rng.random((repetitions, len(values))) < p           # (repetitions, N_h)
        k = answered.sum(axis=1)
        total = (answered * values).sum(axis=1)
        mean = total / k
        squares = (answered * (values - mean[:, None]) ** 2).sum(axis=1)
        n.append(k)
        means.append(mean)
        variances.append(squares / (k - 1))
        sums.append(total)
    n, means, variances = np.stack(n, 1), np.stack(means, 1), np.stack(variances, 1)
    est = combine(np.broadcast_to(N_H, n.shape), n, means, variances)
    return {"truth": truth, "n_min": int(n.min()), "estimates": est,
            "coverage": float(((est["lo"] <= truth) & (truth <= est["hi"])).mean()),
            "unweighted": np.stack(sums, 1).sum(axis=1) / n.sum(axis=1)}


def test_95_percent_intervals_contain_the_true_mean_in_93_to_97_percent_of_samples():
    sim = _simulate(seed=20251126, repetitions=REPETITIONS)
    assert sim["n_min"] >= 5                                   # every stratum is weightable in every round
    assert 0.93 <= sim["coverage"] <= 0.97, sim["coverage"]
    # Self-selection biases the unweighted mean upwards (large museums digitise more); weighting removes it.
    assert sim["unweighted"].mean() - sim["truth"] > 5
    assert abs(sim["estimates"]["mean"].mean() - sim["truth"]) < 0.5


def test_the_vectorised_estimator_matches_the_table_function_on_one_sample():
    rng = np.random.default_rng(7)
    frame = population_frame(EGMUS.iloc[0:0], _register("AT", {"small": 300, "medium": 80, "large": 20}))
    values = {"small": list(rng.normal(15, 5, 9)), "medium": list(rng.normal(30, 8, 7)),
              "large": list(rng.normal(50, 10, 6))}
    row = estimate_by_country(frame, cells(_respondents(values), "y")).set_index("scope").loc["AT"]
    arrays = [np.array(values[b]) for b in ("small", "medium", "large")]
    est = combine([300, 80, 20], [len(a) for a in arrays], [a.mean() for a in arrays],
                  [a.var(ddof=1) for a in arrays])
    assert row["weighted_mean"] == pytest.approx(float(est["mean"]))
    assert (row["lo"], row["hi"]) == pytest.approx((float(est["lo"]), float(est["hi"])))
