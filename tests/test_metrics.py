"""Derived metrics and the summary, against figures worked out by hand."""

import pandas as pd
import pytest

from analysis.figures.filters import Filters
from analysis.figures.metrics import answers_by, column_means, distribution, level_summary, summary
from analysis.loading.upload import load_file
from tests.conftest import write_xlsx

NEEDS = ["Need: infrastructure (EUR to 2030)", "Need: equipment (EUR to 2030)", "Need: qualified staff (EUR to 2030)",
         "Need: data and metadata (EUR to 2030)", "Need: copyright clearance (EUR to 2030)",
         "Need: staff training (EUR to 2030)"]


@pytest.fixture
def loaded(con, tmp_path):
    header = ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)",
              "No need to digitise (%)", "Collection size (objects)", "Digital budget available (EUR a year)",
              "Funding horizon (years)", *NEEDS, "Skills: safety (DigComp level 1–8)", "Annual visits"]
    write_xlsx(tmp_path / "m.xlsx", [
        header,
        # need 100k; available 10k x 5 years (2030 - 2025) = 50k; shortfall 50k, split 60/40 by need
        ["A", "Alpha", "AT", "2025", 40, 20, 1000, 10_000, None, 60_000, 40_000, 0, 0, 0, 0, 2, 5_000],
        # need 30k; available 20k x 2 = 40k; shortfall 0
        ["B", "Beta", "AT", "2025", 10, 30, 3000, 20_000, 2, 0, 0, 30_000, 0, 0, 0, 5, 150_000],
        # no budget: need counted (50k) but no shortfall; no collection size
        ["C", "Gamma", "BE", "2025", 70, None, None, None, None, 0, 0, 0, 50_000, None, None, None, 2_000_000],
    ])
    load_file(con, tmp_path / "m.xlsx")
    return con


def test_summary_by_hand(loaded):
    s = summary(loaded)
    assert (s["survey_wave"], s["respondents"], s["countries"]) == ("2025", 3, 2)
    assert s["mean_pct_digitised"] == pytest.approx((40 + 10 + 70) / 3)
    assert s["weighted_pct_digitised"] == pytest.approx((40 * 1000 + 10 * 3000) / 4000)     # 17.5
    assert s["total_funding_need_eur"] == 180_000                                          # 100k + 30k + 50k
    assert s["total_funding_available_eur"] == 90_000                                      # 50k + 40k
    assert s["total_funding_shortfall_eur"] == 50_000
    assert s["shortfall_by_pillar"] == {"infrastructure": 30_000, "equipment": 20_000, "human_resources": 0,
                                        "data_metadata": 0, "copyright_clearance": 0, "training": 0}
    assert s["objects_to_digitise"] == 2200                                # 1000 x 40 % + 3000 x 60 %
    assert s["n"] == {"pct_digitised": 3, "weighted_pct_digitised": 2, "objects_to_digitise": 2, "funding_need": 3,
                      "funding_available": 2, "funding_shortfall": 2}


def test_summary_filters_by_country(loaded):
    s = summary(loaded, countries=["be"])
    assert (s["respondents"], s["mean_pct_digitised"], s["total_funding_need_eur"]) == (1, 70, 50_000)


def test_per_museum_derived_metrics(loaded):
    rows = loaded.execute("""
        SELECT museum_id, pct_to_digitise, objects_to_digitise, digitisation_gap_pp, size_band,
               skills_gap_safety, skills_gap_index, shortfall_ratio, horizon_years
        FROM museum_metrics ORDER BY museum_id""").fetchall()
    assert rows == [
        # 100-40-20 = 40 %; 400 objects; target 50 -> gap 10; 5,000 visits = small; DigComp 4-2 = 2, 2/3
        ("A", 40.0, 400.0, 10.0, "small", 2.0, pytest.approx(2 / 3), 0.5, 5),
        ("B", 60.0, 1800.0, 40.0, "large", 0.0, 0.0, 0.0, 2),
        ("C", None, None, 0.0, "huge", None, None, None, 5),
    ]


def test_coverage_against_egmus_counts(loaded):
    from analysis.figures.filters import Filters
    from analysis.figures.metrics import coverage

    frame = coverage(loaded, Filters(wave="2025"))
    rows = {r.country: (r.respondents, r.museums, r.coverage_pct) for r in frame.itertuples()}
    # Austria: 2 respondents of 510 museums (EGMUS 2021) = 0.392 %; Belgium: 1 of 162 = 0.617 %.
    assert rows["AT"] == (2, 510, pytest.approx(100 * 2 / 510))
    assert rows["BE"] == (1, 162, pytest.approx(100 / 162))


def test_medians_of_percentages_are_exact_with_decimals_ties_and_an_even_count(con, tmp_path):
    # Digitised: 12.5 12.5 30 47.5 47.5 90 -> the two middle answers are 30 and 47.5: median 38.75.
    # Online: 5.5 5.5 5.5 8 9 (one museum did not answer) -> median 5.5. Skills level 1-8: 2 2 3 3 7 8 -> 3.
    write_xlsx(tmp_path / "p.xlsx", [
        ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)", "Collection online (%)",
         "Skills: safety (DigComp level 1–8)"],
        *[[f"M{i}", f"Museum {i}", "AT", "2025", d, o, s] for i, (d, o, s) in enumerate(
            [(47.5, 5.5, 3), (12.5, 8, 8), (90, 5.5, 2), (30, None, 7), (12.5, 9, 3), (47.5, 5.5, 2)])]])
    assert load_file(con, tmp_path / "p.xlsx")["status"] == "committed"
    rows = level_summary(con, Filters(), ("pct_digitised", "pct_online")).set_index("metric")
    assert rows.loc["pct_digitised", "median"] == pytest.approx(38.75)
    assert rows.loc["pct_online", ["n", "median"]].tolist() == [5, pytest.approx(5.5)]
    assert column_means(con, Filters(), ["skill_safety"])["median"].tolist() == [3]


def test_infrastructure_medians_from_counts_per_level(con, tmp_path):
    # Storage 1–5: Austria 1 2 2 4 5 5 and Belgium 5 (one Belgian museum left it blank). All seven answers:
    # 1 2 2 4 5 5 5 -> median 4; Austria alone (an even count): halfway between 2 and 4 = 3;
    # network: 1 1 1 1 2 3 (Austria) and 4 (Belgium) -> median 1. Belgium alone: n 1 < 5, median suppressed.
    rows = [("AT", 2, 1), ("AT", 5, 1), ("AT", 2, 2), ("AT", 4, 1), ("AT", 1, 1), ("AT", 5, 3), ("BE", 5, None),
            ("BE", None, 4)]
    write_xlsx(tmp_path / "i.xlsx", [
        ["Museum ID", "Museum name", "Country", "Survey wave", "Storage is adequate (1–5)", "Network is adequate (1–5)"],
        *[[f"M{i}", f"Museum {i}", country, "2025", s, n] for i, (country, s, n) in enumerate(rows)]])
    assert load_file(con, tmp_path / "i.xlsx")["status"] == "committed"
    every = column_means(con, Filters(), ["infra_storage", "infra_network"]).set_index("field")
    assert every.loc["infra_storage", ["n", "median"]].tolist() == [7, 4]
    assert every.loc["infra_network", ["n", "median"]].tolist() == [7, 1]
    austria = column_means(con, Filters(countries=("AT",)), ["infra_storage"]).set_index("field")
    assert austria.loc["infra_storage", ["n", "median"]].tolist() == [6, 3]
    belgium = column_means(con, Filters(countries=("BE",)), ["infra_storage"]).set_index("field")
    assert belgium.loc["infra_storage", "n"] == 1 and pd.isna(belgium.loc["infra_storage", "median"])


def test_quartiles_by_group_with_decimals_ties_and_a_group_that_did_not_answer(con, tmp_path):
    # Austria digitised: 10 20 20 35.5 50 70 (n 6). quantile h = 5 x q between the answers ranked floor(h), ceil(h):
    # q1 h 1.25 -> 20 + 0.25 x (20 - 20) = 20; median h 2.5 -> 20 + 0.5 x (35.5 - 20) = 27.75;
    # q3 h 3.75 -> 35.5 + 0.75 x (50 - 35.5) = 46.375. Belgium: 5 museums, 5 5 5 6 100 -> q1 5, median 5, q3 6.
    # Germany: 5 museums that answered only how much is online -> n 0, no quartiles (and suppressed).
    # Collection size (not a percentage, so not counted value by value): Austria 100 200 300 400 500 600 -> q1 225.
    answers = [("AT", 35.5, 100), ("AT", 10, 200), ("AT", 70, 300), ("AT", 20, 400), ("AT", 50, 500),
               ("AT", 20, 600), *[("BE", d, None) for d in (5, 100, 5, 6, 5)], *[("DE", None, None)] * 5]
    write_xlsx(tmp_path / "d.xlsx", [
        ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)",
         "Collection size (objects)", "Collection online (%)"],
        *[[f"M{i}", f"Museum {i}", country, "2025", d, size, 5] for i, (country, d, size) in enumerate(answers)]])
    result = load_file(con, tmp_path / "d.xlsx")
    assert result["status"] == "committed", result
    out = distribution(con, Filters(), "pct_digitised", "country").set_index("group")
    assert out.loc["AT", ["n", "q1", "median", "q3", "min", "max"]].tolist() == [6, 20, 27.75, 46.375, 10, 70]
    assert out.loc["BE", ["n", "q1", "median", "q3", "min", "max"]].tolist() == [5, 5, 5, 6, 5, 100]
    assert out.loc["DE", "n"] == 0 and out.loc["DE", "suppressed"] and pd.isna(out.loc["DE", "median"])
    sizes = distribution(con, Filters(), "collection_objects", "country").set_index("group")
    assert sizes.loc["AT", ["q1", "median", "q3"]].tolist() == [225, 350, 475]


def test_any_yes_no_question_by_country(con, tmp_path):
    # Austria: 4 yes, 2 no -> n 6, yes 66.7 %, no 33.3 %. Germany: 1 yes, 4 no -> n 5, yes 20 %, no 80 %.
    # Belgium: 3 answers (and one museum that did not answer) -> suppressed. The Netherlands: nobody answered.
    answers = [("AT", "yes")] * 4 + [("AT", "no")] * 2 + [("DE", "yes")] + [("DE", "no")] * 4 \
        + [("BE", "yes")] * 3 + [("BE", None), ("NL", None)]
    write_xlsx(tmp_path / "q.xlsx", [
        ["Museum ID", "Museum name", "Country", "Survey wave", "Digital skills needs assessed", "Collection digitised (%)"],
        *[[f"M{i}", f"Museum {i}", country, "2025", answer, 50] for i, (country, answer) in enumerate(answers)]])
    assert load_file(con, tmp_path / "q.xlsx")["status"] == "committed"
    out = answers_by(con, Filters(), "skills_assessment_done", "country").set_index(["group", "answer"])
    assert list(out.index) == [("AT", "true"), ("AT", "false"), ("BE", "true"), ("BE", "false"),
                               ("DE", "true"), ("DE", "false")]
    assert out.loc[("AT", "true"), ["label", "museums", "n"]].tolist() == ["Yes", 4, 6]
    assert out.loc[("AT", "true"), "share"] == pytest.approx(400 / 6)
    assert out.loc[("DE", "false"), ["museums", "n", "share"]].tolist() == [4, 5, pytest.approx(80)]
    assert out.loc[("BE", "true"), "suppressed"] and pd.isna(out.loc[("BE", "true"), "share"])
