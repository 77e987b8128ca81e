"""Skills & AI page: its aggregates, its charts and the page itself, against figures worked out by hand.

Seven museums, wave 2025. S1–S5 are Austrian and small (<10k visits); S6–S7 are Belgian and medium, so every
"per country" or "per size band" figure of the Belgian / medium group (n <= 2) must be suppressed.
"""


import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import charts, schema
from analysis.figures import metrics
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from tests.conftest import ROOT, chart_titles, open_page, write_xlsx

APP = str(ROOT / "app.py")
WAVE = Filters(wave="2025")
CAPTION = "7 museums in 2 countries, wave 2025, all types"

COLUMNS = ["museum_id", "museum_name", "country", "survey_wave", "annual_visits", "staff_paid_fte",
           "staff_fte_digital", "roles_present", "skill_info_data", "skill_communication", "skill_content_creation",
           "skill_safety", "skill_problem_solving", "skill_ai_literacy", "pct_staff_ai_trained_12m",
           "skills_assessment_done", "training_plan", "has_digital_strategy", "ai_status", "ai_use_cases",
           "ai_policy", "infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment"]
ROWS = [
    # id, name, country, wave, visits, paid FTE, digital FTE, roles,
    #   DigComp info, comm, content, safety, problem, AI lit, % AI-trained, assessed, plan, strategy, AI status,
    #   AI use cases, AI policy, infra storage, compute, network, capture
    ["S1", "Alpha", "AT", "2025", 5_000, 10, 0, "digital_collections_curator;data_ai_specialist",
     2, 4, 1, 3, 2, 1, 0, "yes", "yes", "written", "none", None, "adopted", 1, 2, 4, 3],
    ["S2", "Beta", "AT", "2025", 6_000, 20, 1, "digital_collections_curator",
     3, 4, 2, 3, 2, 1, 10, "no", "yes", "written", "none", None, "none", 2, 2, 4, 3],
    ["S3", "Gamma", "AT", "2025", 7_000, 10, 0.5, "online_community_manager",
     4, 4, 3, 3, None, 2, 20, "no", "no", "unwritten", "exploring", "cataloguing_metadata;translation", "none",
     3, 2, 4, None],
    ["S4", "Delta", "AT", "2025", 8_000, 50, 5, "digital_collections_curator;online_community_manager",
     5, 4, 4, 3, None, 2, 30, "no", None, "none", "exploring", "cataloguing_metadata", "none", 4, 2, 4, None],
    ["S5", "Epsilon", "AT", "2025", 9_000, 40, 2, "digital_strategy_manager",
     2, 4, 5, 4, None, 3, 40, "no", None, "none", "pilot", "image_recognition", "in_preparation",
     5, 2, 5, None],
    ["S6", "Zeta", "BE", "2025", 50_000, 100, 2, None,
     3, 4, 6, None, None, 4, 50, "yes", None, "none", "in_production", "cataloguing_metadata;visitor_chatbot",
     None, 3, None, 5, None],
    ["S7", "Eta", "BE", "2025", 60_000, None, None, None,
     2, 4, 7, None, None, None, 100, "no", None, "written", "none", None, None, 3, None, None, None],
]


def _load(con, tmp_path):
    header = [schema.FIELDS_BY_NAME[c].header for c in COLUMNS]
    load_file(con, write_xlsx(tmp_path / "skills.xlsx", [header, *ROWS]))
    return con


@pytest.fixture
def loaded(con, tmp_path):
    return _load(con, tmp_path)


def _row(frame: pd.DataFrame, column: str, value) -> pd.Series:
    return frame.loc[frame[column] == value].iloc[0]


# --- aggregates ------------------------------------------------------------------------------------------
def test_skill_profile_by_hand(loaded):
    frame = metrics.skill_profile(loaded, WAVE)
    assert list(frame["area"]) == list(schema.SKILL_AREAS)
    info = _row(frame, "area", "info_data")
    # levels 2,3,4,5,2,3,2: mean 21/7 = 3.0; gaps to 4: 2,1,0,0,2,1,2 = 8/7; below 4: 5 of 7
    assert (info["label"], info["n"], info["mean_level"], info["target_level"]) == (
        "Information and data literacy", 7, 3.0, 4.0)
    assert info["mean_gap"] == pytest.approx(8 / 7)
    assert info["pct_below_target"] == pytest.approx(100 * 5 / 7)
    content = _row(frame, "area", "content_creation")
    # levels 1..7: mean 4.0 = the target, yet gaps 3,2,1,0,0,0,0 (clipped at 0) average 6/7 and 3 of 7 are below
    assert content["mean_level"] == 4.0 and content["mean_gap"] == pytest.approx(6 / 7)
    assert content["pct_below_target"] == pytest.approx(100 * 3 / 7)
    safety = _row(frame, "area", "safety")
    # levels 3,3,3,3,4 (n = 5): mean 3.2, gap 0.8, 4 of 5 below
    assert (safety["n"], safety["mean_level"], safety["mean_gap"], safety["pct_below_target"]) == pytest.approx(
        (5, 3.2, 0.8, 80.0))
    problem = _row(frame, "area", "problem_solving")
    # only 2 answers: suppressed, every figure blanked
    assert problem["n"] == 2 and problem["suppressed"] and pd.isna(problem["mean_level"])
    assert list(frame["suppressed"]) == [False, False, False, False, True]


def test_column_means_of_training_infrastructure_and_gap_index(loaded):
    frame = metrics.column_means(loaded, WAVE, ("pct_staff_ai_trained_12m", "ai_literacy_gap_pct",
                                                "skills_gap_index", *metrics.INFRA_FIELDS)).set_index("field")
    # % trained 0,10,20,30,40,50,100 -> 250/7 = 35.71; the gap to 100 % is 100 - that = 64.29
    assert frame.loc["pct_staff_ai_trained_12m", "mean"] == pytest.approx(250 / 7)
    assert frame.loc["pct_staff_ai_trained_12m", "median"] == 30
    assert frame.loc["ai_literacy_gap_pct", "mean"] == pytest.approx(100 - 250 / 7)
    # skills gap index = mean of a museum's answered area gaps / 3, e.g. S1 (2+0+3+1+2)/5/3 = 8/15;
    # the others 6/15, 1/6, 1/12, 1/6, 1/9, 2/9 -> sum 1.68333 / 7 = 0.240476
    assert frame.loc["skills_gap_index", "mean"] == pytest.approx((8 / 15 + 6 / 15 + 1 / 6 + 1 / 12 + 1 / 6 + 1 / 9
                                                                   + 2 / 9) / 7)
    # storage 1,2,3,4,5,3,3 -> 3.0; compute 2 x5 -> 2.0; network 4,4,4,4,5,5 -> 26/6; capture only 2 answers
    assert frame.loc["infra_storage", ["n", "mean"]].tolist() == [7, 3.0]
    assert frame.loc["infra_compute_cloud", ["n", "mean"]].tolist() == [5, 2.0]
    assert frame.loc["infra_network", "mean"] == pytest.approx(26 / 6)
    assert frame.loc["infra_capture_equipment", "n"] == 2 and frame.loc["infra_capture_equipment", "suppressed"]
    assert pd.isna(frame.loc["infra_capture_equipment", "mean"])


def test_ai_literacy_levels_are_counted_level_by_level(loaded):
    frame = metrics.level_counts(loaded, WAVE, "skill_ai_literacy")
    # answers 1,1,2,2,3,4 (S7 blank): n = 6
    assert list(frame["label"]) == ["None", "Awareness", "Can use safely", "Can deploy & evaluate"]
    assert list(frame["museums"]) == [2, 2, 1, 1] and set(frame["n"]) == {6}
    assert list(frame["share"]) == pytest.approx([100 / 3, 100 / 3, 100 / 6, 100 / 6])
    with pytest.raises(ValueError):
        metrics.level_counts(loaded, WAVE, "museum_name")          # not a 1–N scale: refused before SQL


def test_ai_status_shares_keep_the_survey_order(loaded):
    frame = metrics.ordered_shares(loaded, WAVE, "ai_status")
    # none 3 (S1, S2, S7), exploring 2, pilot 1, in production 1 of 7
    assert list(frame["answer"]) == ["none", "exploring", "pilot", "in_production"]
    assert list(frame["museums"]) == [3, 2, 1, 1]
    assert list(frame["share"]) == pytest.approx([300 / 7, 200 / 7, 100 / 7, 100 / 7])


def test_strategy_and_policy_tiers(loaded):
    frame = metrics.strategy_and_policy(loaded, WAVE)
    strategy = frame[frame["field"] == "has_digital_strategy"].set_index("answer")
    # written 3 (S1, S2, S7), unwritten 1, none 3 of 7
    assert strategy["share"].tolist() == pytest.approx([300 / 7, 100 / 7, 300 / 7])
    assert strategy["tier"].tolist() == ["yes", "partial", "no"]
    policy = frame[frame["field"] == "ai_policy"].set_index("answer")
    # 5 answers: none 3, in preparation 1, adopted 1
    assert policy.loc["adopted", "share"] == 20 and policy.loc["none", "share"] == 60
    assessed = frame[frame["field"] == "skills_assessment_done"].set_index("answer")
    assert assessed.loc["true", "museums"] == 2 and assessed.loc["true", "share"] == pytest.approx(200 / 7)
    plan = frame[frame["field"] == "training_plan"]
    # 3 answers only: suppressed
    assert plan["suppressed"].all() and plan["share"].isna().all() and set(plan["n"]) == {3}


def test_digital_staff_share_by_size_band_and_overall(loaded):
    frame = metrics.digital_staff_share(loaded, WAVE, "size_band")
    assert list(frame["group"]) == ["small", "medium"]          # small to huge, not alphabetical
    small, medium = frame.iloc[0], frame.iloc[1]
    # small: 0/10, 1/20, 0.5/10, 5/50, 2/40 = 0, 5, 5, 10, 5 % -> mean 5 %; pooled 8.5 / 130 = 6.54 %
    assert (small["n"], small["mean_pct"], small["median_pct"]) == (5, pytest.approx(5.0), pytest.approx(5.0))
    assert small["pooled_pct"] == pytest.approx(100 * 8.5 / 130)
    # medium: only S6 (2/100) has both FTE figures -> suppressed
    assert medium["n"] == 1 and medium["suppressed"] and pd.isna(medium["mean_pct"])
    overall = metrics.digital_staff_share(loaded, WAVE).iloc[0]
    # all six: (0 + 5 + 5 + 10 + 5 + 2) / 6 = 4.5 %; pooled 10.5 / 230
    assert (overall["group"], overall["n"], overall["mean_pct"]) == ("All museums", 6, pytest.approx(4.5))
    assert overall["pooled_pct"] == pytest.approx(100 * 10.5 / 230)


def test_roles_and_use_cases(loaded):
    roles = metrics.choice_counts(loaded, WAVE, "roles_present").set_index("answer")
    # 5 museums answered: curator 3 (60 %), community manager 2, strategy manager 1, data/AI specialist 1
    assert roles.loc["digital_collections_curator", ["museums", "share"]].tolist() == [3, 60]
    assert roles.loc["online_community_manager", "share"] == 40
    uses = metrics.choice_counts(loaded, WAVE, "ai_use_cases")
    # only 4 museums named a use case: suppressed
    assert uses["suppressed"].all() and set(uses["n"]) == {4}


# --- charts ----------------------------------------------------------------------------------------------
def test_skills_profile_chart(loaded):
    fig = charts.skills_profile(metrics.skill_profile(loaded, WAVE), CAPTION)
    [bars] = fig.data
    # 4 areas shown (problem solving suppressed), lowest mean drawn on top (plotly draws the first at the bottom)
    assert list(bars.y) == ["Communication and collaboration (n=7)", "Digital content creation (n=7)",
                            "Safety (n=5)", "Information and data literacy (n=7)"]
    assert list(bars.x) == pytest.approx([4.0, 4.0, 3.2, 3.0])
    assert list(bars.marker.color) == [charts.MET_COLOUR, charts.MET_COLOUR, charts.GAP_COLOUR, charts.GAP_COLOUR]
    labels = [a for a in fig.layout.annotations if a.text.endswith("below target")]
    assert (labels[-1].text, labels[-1].x) == ("3.0 · 71 % of museums below target", 4)   # right of the target
    [target] = fig.layout.shapes                                  # the target line at level 4
    assert (target.x0, target.x1, target.line.dash) == (4, 4, "dash")
    title = fig.layout.title.text.replace("<br>", " ")
    # information and data literacy has the largest gap to level 4 (1.0), but on 7 answers (< 20): no
    # "furthest behind", the range of the four means (3.0 to 4.0) instead
    assert title.startswith("Staff are below DigComp level 4 in 2 of 4 areas on average; mean levels 3.0 to 4.0 ")
    assert "furthest behind" not in title
    assert CAPTION in title and "1 area with fewer than 5 answers not shown" in title
    assert fig.layout.xaxis.title.text == "Mean self-assessed DigComp 2.2 level (1–8)"


def _profile(n: int, levels: list[float], sd: float) -> pd.DataFrame:
    """A `skill_profile` frame over three areas, target level 4 everywhere."""
    return pd.DataFrame({"area": ["info_data", "communication", "safety"],
                         "label": ["Information and data literacy", "Communication and collaboration", "Safety"],
                         "n": n, "mean_level": levels, "sd": sd, "target_level": 4.0,
                         "mean_gap": [max(0.0, 4 - v) for v in levels],
                         "pct_below_target": [60.0, 30.0, 40.0], "suppressed": False})


def test_skills_profile_names_the_area_furthest_behind_only_when_it_holds():
    # n = 200, sd 1.0: half width t(0.975, 199) 1.972 x 1 / sqrt(200) = 0.14 per area; gaps to level 4 are
    # 1.0 (info), 0.2 (safety), 0.1 (communication): 1.0 - 0.2 = 0.8 > 0.14 + 0.14
    held = charts.skills_profile(_profile(200, [3.0, 3.9, 3.8], 1.0), CAPTION).layout.title.text.replace("<br>", " ")
    assert held.startswith("Staff are below DigComp level 4 in all 3 areas on average; furthest behind in "
                           "information and data literacy (3.0)")
    # n = 200, sd 1.0, gaps 0.3 (info) and 0.2 (safety): 0.1 apart, within 0.28
    close = charts.skills_profile(_profile(200, [3.7, 3.9, 3.8], 1.0), CAPTION).layout.title.text.replace("<br>", " ")
    assert close.startswith("Staff are below DigComp level 4 in all 3 areas on average; mean levels 3.7 to 3.9 ")
    assert "furthest behind" not in close


def test_ai_literacy_chart(loaded):
    fig = charts.ai_literacy_levels(metrics.level_counts(loaded, WAVE, "skill_ai_literacy"), CAPTION)
    [bars] = fig.data
    assert list(bars.y) == pytest.approx([100 / 3, 100 / 3, 100 / 6, 100 / 6])
    assert list(bars.text) == ["33 %", "33 %", "17 %", "17 %"]
    assert list(bars.marker.color) == [charts.GAP_COLOUR] * 2 + [charts.MET_COLOUR] * 2
    # 2 + 2 of 6 museums below level 3 = 67 %
    assert fig.layout.title.text.replace("<br>", " ").startswith(
        "In 67 % of museums, staff are below 'can use safely' in AI literacy")
    assert fig.layout.yaxis.title.text == "Share of museums (%)"


def test_ai_training_gap_chart(loaded):
    overall = metrics.column_means(loaded, WAVE, ["pct_staff_ai_trained_12m"]).iloc[0]
    by_band = metrics.distribution(loaded, WAVE, "pct_staff_ai_trained_12m", "size_band")
    fig = charts.ai_training_gap(overall["mean"], int(overall["n"]), by_band, "size_band", CAPTION)
    [bars] = fig.data
    # all 7: 250/7 = 35.7 %; small (S1–S5) 0..40 -> 20 %; medium (2 answers) left out
    assert list(bars.y) == ["All museums (n=7)", "Small (<10k visits) (n=5)"]
    assert list(bars.x) == pytest.approx([250 / 7, 20.0])
    [target] = fig.layout.shapes
    assert target.x0 == 100
    title = fig.layout.title.text.replace("<br>", " ")
    assert title.startswith("Museums trained 36 % of their staff in AI literacy in the last 12 months on average: "
                            "64 points short of the AI Act's 100 %")
    assert "1 size band with fewer than 5 answers not shown" in title


def test_digital_staff_chart_draws_the_enumerate_baseline():
    frame = pd.DataFrame({"group": ["small", "medium", "large", "huge"], "n": [12, 8, 6, 1],
                          "mean_pct": [1.5, 2.5, 4.0, None], "median_pct": [1.0, 2.0, 4.0, None],
                          "pooled_pct": [2.0, 3.0, 4.5, None], "suppressed": [False, False, False, True]})
    fig = charts.digital_staff_share(frame, "size_band", CAPTION, metrics.ENUMERATE_DIGITAL_FTE_PCT)
    bars, pooled = fig.data
    assert list(bars.y) == ["Small (<10k visits) (n=12)", "Medium (10k–100k) (n=8)", "Large (100k–1M) (n=6)"]
    assert list(bars.x) == [1.5, 2.5, 4.0] and list(pooled.x) == [2.0, 3.0, 4.5]
    assert list(bars.marker.color) == [charts.GAP_COLOUR, charts.GAP_COLOUR, charts.MET_COLOUR]
    [baseline] = fig.layout.shapes
    assert baseline.x0 == 3.3
    assert fig.layout.annotations[0].text == "ENUMERATE 2012: 3.3 %"
    title = fig.layout.title.text.replace("<br>", " ")
    # small (1.5 %) is lowest, but on 12 answers (< 20): the range of the means, not "lowest"
    assert title.startswith("2 of 3 size bands are below the ENUMERATE 3.3 % digital-staff baseline; means 1.5 % "
                            "to 4.0 % ")
    assert "lowest" not in title
    assert "1 size band with fewer than 5 answers not shown" in title
    assert fig.layout.xaxis.title.text == "Digital staff, % of paid FTE"


def test_digital_staff_chart_names_the_lowest_group_only_when_it_holds():
    frame = pd.DataFrame({"group": ["small", "medium", "large"], "n": [60, 40, 30], "mean_pct": [1.5, 2.5, 4.0],
                          "sd": [1.0, 1.0, 1.5], "median_pct": [1.0, 2.0, 4.0], "pooled_pct": [2.0, 3.0, 4.5],
                          "suppressed": False})
    # small: t(0.975, 59) 2.001 x 1.0 / sqrt(60) = 0.26; medium: t(0.975, 39) 2.023 x 1.0 / sqrt(40) = 0.32;
    # 2.5 - 1.5 = 1.0 > 0.26 + 0.32
    title = charts.digital_staff_share(frame, "size_band", CAPTION, 3.3).layout.title.text.replace("<br>", " ")
    assert title.startswith("2 of 3 size bands are below the ENUMERATE 3.3 % digital-staff baseline; lowest: "
                            "Small (<10k visits): 1.5 %")
    # medium at 1.7 %: 0.2 apart, within 0.26 + 0.32
    close = frame.assign(mean_pct=[1.5, 1.7, 4.0])
    title = charts.digital_staff_share(close, "size_band", CAPTION, 3.3).layout.title.text.replace("<br>", " ")
    assert title.startswith("2 of 3 size bands are below the ENUMERATE 3.3 % digital-staff baseline; means 1.5 % "
                            "to 4.0 % ")


def test_roles_and_use_case_charts(loaded):
    fig = charts.choice_bars(metrics.choice_counts(loaded, WAVE, "roles_present"), CAPTION, "specialist role")
    [bars] = fig.data
    assert list(bars.y)[-1] == "Digital collections curator" and list(bars.x)[-1] == 60
    # curator 3 of 5 = 60 %, community manager 2 of 5 = 40 %: 5 answers (< 20), so the two largest, unranked
    assert fig.layout.title.text.replace("<br>", " ").startswith(
        "Digital collections curator (60 %) and online community manager (40 %) are the two most common "
        "specialist roles; too few answers per specialist role (under 20) to rank them")
    assert "n = 5 museums that answered" in fig.layout.title.text.replace("<br>", " ")
    empty = charts.choice_bars(metrics.choice_counts(loaded, WAVE, "ai_use_cases"), CAPTION, "AI use case")
    assert not empty.data and empty.layout.title.text.startswith("Too few answers to rank AI use cases")
    assert "n = 4; at least 5 needed" in empty.layout.annotations[0].text


def test_ai_adoption_infrastructure_and_strategy_charts(loaded):
    adoption = charts.ai_adoption(metrics.ordered_shares(loaded, WAVE, "ai_status"), CAPTION)
    assert list(adoption.data[0].x) == ["Not using AI", "Exploring", "Pilot", "In production"]
    assert adoption.layout.title.text.replace("<br>", " ").startswith(
        "43 % of museums do not use AI yet; 14 % have it in production")          # 3/7, 1/7

    infra = charts.infra_adequacy(metrics.column_means(loaded, WAVE, metrics.INFRA_FIELDS), CAPTION)
    [bars] = infra.data
    assert list(bars.y) == ["Network (n=6)", "Storage (n=7)", "Compute / cloud (n=5)"]
    assert list(bars.x) == pytest.approx([26 / 6, 3.0, 2.0])
    assert infra.layout.shapes[0].x0 == 3
    title = infra.layout.title.text.replace("<br>", " ")
    # compute / cloud is lowest (2.0) but on 5 answers (< 20): the range 2.0 to 26/6 = 4.3, not "least adequate"
    assert title.startswith("Infrastructure ratings range from 2.0 to 4.3 on a 1–5 scale; too few answers per item "
                            "(under 20) to rank them")
    assert "least adequate" not in title
    assert "1 item with fewer than 5 answers not shown" in title

    strategy = charts.strategy_and_policy(metrics.strategy_and_policy(loaded, WAVE), CAPTION)
    in_place, on_the_way, none = strategy.data
    assert list(in_place.y) == ["Digital strategy (n=7)", "AI policy (n=5)", "Skills needs assessed (n=7)"]
    assert list(in_place.x) == pytest.approx([300 / 7, 20, 200 / 7])
    assert list(on_the_way.x[:2]) == pytest.approx([100 / 7, 20]) and on_the_way.x[2] is None   # yes / no only
    assert list(none.x) == pytest.approx([300 / 7, 60, 500 / 7])
    title = strategy.layout.title.text.replace("<br>", " ")
    assert title.startswith("43 % of museums have a written digital strategy; 20 % have adopted an AI policy")
    assert "1 question with fewer than 5 answers not shown" in title


# --- the page --------------------------------------------------------------------------------------------
@pytest.fixture
def skills_app(monkeypatch, tmp_path):
    def make(loaded: bool, **query) -> AppTest:
        db = tmp_path / f"app-{'loaded' if loaded else 'empty'}.duckdb"
        if loaded:
            from analysis.store import open_store
            con = open_store(db)
            _load(con, tmp_path)
            con.close()
        return open_page(monkeypatch, db, "views/skills.py", **query)
    return make


def test_skills_page_shows_the_figures(skills_app):
    at = skills_app(loaded=True)
    assert not at.exception
    assert at.title[0].value == "Digital skills and AI readiness"
    values = {m.label: m.value for m in at.metric}
    assert values["Skills gap index"] == "0.24"                                   # 0.2405, see above
    assert values["Staff trained in AI (12 months)"] == "35.7 %"        # 250 / 7
    assert values["AI-literacy training gap"] == "64.3 pp"
    assert values["Digital staff, % of paid FTE"] == "4.5 %"                      # 27 / 6
    titles = chart_titles(at)
    assert len(titles) == 10
    # skills needs assessed: Austria S1 yes, S2-S5 no -> 1 of 5 = 20 %; Belgium's 2 answers are too few
    assert any(t.startswith("Skills needs assessed: Yes in 20 % of museums (Austria)") and
               "1 country with fewer than 5 answers not shown" in t for t in titles)
    assert titles[0].startswith("Staff are below DigComp level 4 in 2 of 4 areas")
    assert any(t.startswith("In 67 % of museums, staff are below 'can use safely'") for t in titles)
    assert any(t.startswith("Too few answers to rank AI use cases") for t in titles)
    assert all("7 museums in 2 countries, wave 2025, all types" in t for t in titles)


def test_skills_page_with_no_match_and_with_an_empty_store(skills_app):
    at = skills_app(loaded=True, accredited="Accredited")       # nobody answered "accredited"
    assert not at.exception
    assert "No museums match these filters" in at.warning[0].value
    at = skills_app(loaded=False)
    assert not at.exception
    assert "No survey data yet" in at.info[0].value


def test_skills_page_when_nobody_answered_the_skills_questions(monkeypatch, tmp_path):
    from analysis.store import open_store
    from tests.conftest import small_survey
    con = open_store(tmp_path / "sparse.duckdb")
    load_file(con, small_survey(tmp_path / "sparse.xlsx"))        # 3 museums, digitisation and funding only
    con.close()
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "sparse.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/skills.py").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Skills gap index"] == "–"
    titles = chart_titles(at)
    assert len(titles) == 10 and all(t.startswith("Too few answers") for t in titles)
