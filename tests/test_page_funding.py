"""Funding page: need, budget over the horizon and shortfall, in total, per pillar and per group, against figures
worked out by hand (survey-schema.md "Funding arithmetic").

Eight museums, wave 2025, so a blank horizon means 2030 - 2025 = 5 years. Money in EUR millions below (M):

| museum | country | visits | needs (pillar: M)               | budget/yr | horizon | available | shortfall | ratio |
|--------|---------|--------|---------------------------------|-----------|---------|-----------|-----------|-------|
| F1     | DE      | small  | infra 6, equipment 4   = 10     | 1         | (5)     | 5         | 5         | 0.50  |
| F2     | DE      | small  | staff 10, training 10  = 20     | 0         | (5)     | 0         | 20        | 1.00  |
| F3     | DE      | medium | data 5                 = 5      | 2         | 2       | 4         | 1         | 0.20  |
| F4     | DE      | small  | copyright 3            = 3      | 1         | (5)     | 5         | 0         | 0.00  |
| F5     | DE      | small  | infra 4, staff 4       = 8      | 0.4       | 5       | 2         | 6         | 0.75  |
| F6     | FR      | small  | equipment 10           = 10     | 0.2       | (5)     | 1         | 9         | 0.90  |
| F7     | FR      | medium | training 4             = 4      | –         | (5)     | –         | –         | –     |
| F8     | FR      | medium | –                               | 0.5       | (5)     | 2.5       | –         | –     |

Other needs are answered 0, except copyright clearance, which only F4 answered (so that pillar has n = 1).
"""


import re

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
CAPTION = "8 museums in 2 countries, wave 2025, all types"
M = 1_000_000

COLUMNS = ["museum_id", "museum_name", "country", "survey_wave", "annual_visits", "digital_budget_available_eur",
           "funding_horizon_years", *schema.NEED_FIELDS.values(), "funding_sources", "eu_funding_received_eur",
           "main_obstacles"]
#           budget    horizon  infra   equip   staff   data    copyright training
ROWS = [
    ["F1", "Eins", "DE", "2025", 5_000, 1 * M, None, 6 * M, 4 * M, 0, 0, None, 0,
     "national;eu_horizon", 100_000, "money;staff_time"],
    ["F2", "Zwei", "DE", "2025", 5_000, 0, None, 0, 0, 10 * M, 0, None, 10 * M, "national", 0, "money"],
    ["F3", "Drei", "DE", "2025", 50_000, 2 * M, 2, 0, 0, 0, 5 * M, None, 0,
     "own_income;eu_creative_europe", 50_000, "money;skills"],
    ["F4", "Vier", "DE", "2025", 5_000, 1 * M, None, 0, 0, 0, 0, 3 * M, 0, "national;regional_local", 0, "copyright"],
    ["F5", "Fünf", "DE", "2025", 5_000, 400_000, 5, 4 * M, 0, 4 * M, 0, None, 0,
     "eu_structural_rrf;eu_horizon", 250_000, "money;staff_time;skills"],
    ["F6", "Six", "FR", "2025", 5_000, 200_000, None, 0, 10 * M, 0, 0, None, 0, "own_income", 0, None],
    ["F7", "Sept", "FR", "2025", 50_000, None, None, 0, 0, 0, 0, None, 4 * M, None, None, None],
    ["F8", "Huit", "FR", "2025", 50_000, 500_000, None, None, None, None, None, None, None, None, 0, None],
]


def _load(con, tmp_path):
    header = [schema.FIELDS_BY_NAME[c].header for c in COLUMNS]
    load_file(con, write_xlsx(tmp_path / "funding.xlsx", [header, *ROWS]))
    return con


@pytest.fixture
def loaded(con, tmp_path):
    return _load(con, tmp_path)


def _title(fig) -> str:
    return fig.layout.title.text.replace("<br>", " ")


# --- aggregates ------------------------------------------------------------------------------------------
def test_per_museum_arithmetic(loaded):
    rows = loaded.execute("""SELECT museum_id, funding_need_eur, horizon_years, funding_available_horizon_eur,
                                    funding_shortfall_eur, shortfall_ratio FROM museum_metrics ORDER BY museum_id""").fetchall()
    assert rows == [
        ("F1", 10 * M, 5, 5 * M, 5 * M, 0.5),       # 1 M x (2030 - 2025)
        ("F2", 20 * M, 5, 0, 20 * M, 1.0),          # no budget at all: nothing funded
        ("F3", 5 * M, 2, 4 * M, 1 * M, 0.2),        # its own 2-year horizon
        ("F4", 3 * M, 5, 5 * M, 0, 0.0),            # a surplus is not a negative shortfall
        ("F5", 8 * M, 5, 2 * M, 6 * M, 0.75),
        ("F6", 10 * M, 5, 1 * M, 9 * M, 0.9),
        ("F7", 4 * M, 5, None, None, None),         # no budget: need counted, no shortfall
        ("F8", None, 5, 2.5 * M, None, None),       # no need answered
    ]


def test_pillar_funding_by_hand(loaded):
    frame = metrics.pillar_funding(loaded, WAVE).set_index("pillar")
    # need per pillar over the museums that answered it
    #   infrastructure F1 6 + F5 4;  equipment F1 4 + F6 10;  staff F2 10 + F5 4;  data F3 5;  training F2 10 + F7 4
    assert frame["need_eur"].drop("copyright_clearance").to_dict() == {
        "infrastructure": 10 * M, "equipment": 14 * M, "human_resources": 14 * M, "data_metadata": 5 * M,
        "training": 14 * M}
    assert pd.isna(frame.loc["copyright_clearance", "need_eur"])          # only F4 answered it: n = 1
    assert frame["n_need"].to_dict() == {"infrastructure": 7, "equipment": 7, "human_resources": 7,
                                         "data_metadata": 7, "copyright_clearance": 1, "training": 7}
    # shortfall shared out as shortfall x need_pillar / need:
    #   infrastructure F1 5 x 6/10 = 3 + F5 6 x 4/8 = 3 -> 6 M;  equipment F1 5 x 4/10 = 2 + F6 9 -> 11 M
    #   qualified staff F2 20 x 10/20 = 10 + F5 3 -> 13 M;  data F3 1 M;  training F2 10 M
    assert frame["shortfall_eur"].drop("copyright_clearance").to_dict() == pytest.approx(
        {"infrastructure": 6 * M, "equipment": 11 * M, "human_resources": 13 * M, "data_metadata": 1 * M,
         "training": 10 * M})
    assert set(frame["n_shortfall"]) == {6}                                # F1–F6 gave need and budget
    assert frame["suppressed"].tolist() == [False, False, False, False, True, False]


def test_shortfall_by_country_and_size_band(loaded):
    by_country = metrics.shortfall_by(loaded, WAVE, "country")
    de, fr = by_country.iloc[0], by_country.iloc[1]
    # DE: F1–F5 -> need 10+20+5+3+8 = 46, budget x horizon 5+0+4+5+2 = 16, shortfall 5+20+1+0+6 = 32 M
    assert (de["group"], de["n"], de["need_eur"], de["available_eur"], de["shortfall_eur"]) == (
        "DE", 5, 46 * M, 16 * M, 32 * M)
    assert de["shortfall_per_museum_eur"] == pytest.approx(6.4 * M)       # 32 / 5
    assert de["museums_with_gap"] == 4                                     # F4 is fully funded
    assert de["mean_shortfall_ratio_pct"] == pytest.approx((50 + 100 + 20 + 0 + 75) / 5)   # 49 %
    # FR: only F6 has both need and budget -> suppressed, listed last
    assert (fr["group"], fr["n"], fr["suppressed"]) == ("FR", 1, True) and pd.isna(fr["shortfall_eur"])
    by_size = metrics.shortfall_by(loaded, WAVE, "size_band").set_index("group")
    # small: F1, F2, F4, F5, F6 -> 5 + 20 + 0 + 6 + 9 = 40 M, 8 M per museum; medium: F3 alone, suppressed
    assert by_size.loc["small", ["n", "shortfall_eur", "shortfall_per_museum_eur"]].tolist() == [5, 40 * M, 8 * M]
    assert by_size.loc["medium", "n"] == 1 and by_size.loc["medium", "suppressed"]


def test_shortfall_ratio_bands_put_the_boundaries_in_the_lower_band(loaded):
    frame = metrics.shortfall_ratio_bands(loaded, WAVE)
    # F4 0 -> fully funded; F3 0.2; F1 0.5 -> 25–50 %; F5 0.75 -> 50–75 %; F6 0.9; F2 1.0 -> no budget
    assert list(frame["band"]) == ["none", "to_25", "to_50", "to_75", "below_100", "all"]
    assert list(frame["museums"]) == [1, 1, 1, 1, 1, 1] and set(frame["n"]) == {6}
    assert list(frame["share"]) == pytest.approx([100 / 6] * 6)


def test_eu_funding_uptake(loaded):
    eu = metrics.eu_funding(loaded, WAVE).iloc[0]
    # received: F1 100k, F3 50k, F5 250k > 0 of 7 answers (F7 blank) -> 3/7 = 42.9 %, 400k in total
    assert (eu["n"], eu["museums_with_eu_funding"], eu["total_eu_funding_eur"]) == (7, 3, 400_000)
    assert eu["share_with_eu_funding_pct"] == pytest.approx(300 / 7)
    # sources named by 6 museums; F1 (Horizon), F3 (Creative Europe), F5 (structural, Horizon) name an EU programme
    assert (eu["n_sources"], eu["museums_naming_eu_source"], eu["share_naming_eu_source_pct"]) == (6, 3, 50)
    assert not eu["suppressed"]
    only_fr = metrics.eu_funding(loaded, Filters(wave="2025", countries=("FR",))).iloc[0]
    assert only_fr["n"] == 2 and only_fr["suppressed"] and pd.isna(only_fr["share_with_eu_funding_pct"])


def test_obstacles_and_sources(loaded):
    obstacles = metrics.choice_counts(loaded, WAVE, "main_obstacles").set_index("answer")
    # 5 museums answered: money 4 (80 %), staff time 2, skills 2, copyright 1
    assert obstacles.loc["money", ["museums", "share"]].tolist() == [4, 80]
    sources = metrics.choice_counts(loaded, WAVE, "funding_sources").set_index("answer")
    assert sources.loc["national", "share"] == 50 and sources.loc["eu_horizon", "museums"] == 2   # of 6


# --- charts ----------------------------------------------------------------------------------------------
def test_need_vs_budget_chart(loaded):
    pillars = metrics.pillar_funding(loaded, WAVE)
    s = metrics.summary(loaded, filters=WAVE)
    totals = {"need": s["total_funding_need_eur"], "n_need": s["n"]["funding_need"],
              "available": s["total_funding_available_eur"], "n_available": s["n"]["funding_available"],
              "shortfall": s["total_funding_shortfall_eur"], "n_shortfall": s["n"]["funding_shortfall"]}
    # need 10+20+5+3+8+10+4 = 60 M (n 7); budget 5+0+4+5+2+1+2.5 = 19.5 M (n 7); shortfall 41 M (n 6)
    assert totals == {"need": 60 * M, "n_need": 7, "available": 19.5 * M, "n_available": 7,
                      "shortfall": 41 * M, "n_shortfall": 6}
    fig = charts.need_vs_budget(pillars, totals, CAPTION)
    *pillar_bars, budget = fig.data
    assert [b.name for b in pillar_bars] == list(schema.PILLARS.values())
    staff = pillar_bars[2]
    assert list(staff.y) == ["Need (n=7)", "Budget × horizon (n=7)", "Shortfall (n=6)"]
    assert (staff.x[0], staff.x[1], staff.x[2]) == (14.0, None, 13.0)       # EUR millions
    assert pillar_bars[4].x[0] is None                                      # copyright need: n = 1, not shown
    assert budget.x[1] == 19.5
    assert sum(b.x[2] for b in pillar_bars if b.x[2] is not None) == pytest.approx(41.0)   # shares add up
    assert [a.text.strip() for a in fig.layout.annotations] == ["EUR 60.0 M", "EUR 19.5 M", "EUR 41.0 M"]
    title = _title(fig)
    assert title.startswith("Museums need EUR 60.0 M and can fund EUR 19.5 M from their digital budgets: "
                            "EUR 41.0 M short")
    assert "pillars with fewer than 5 answers not shown" in title and CAPTION in title
    assert fig.layout.xaxis.title.text.startswith("EUR millions")


def test_pillar_chart_orders_by_shortfall(loaded):
    fig = charts.pillar_need_shortfall(metrics.pillar_funding(loaded, WAVE), CAPTION)
    need, shortfall = fig.data
    assert list(need.y) == ["Qualified staff", "Equipment", "Staff training", "Infrastructure", "Data & metadata"]
    assert list(shortfall.x) == pytest.approx([13, 11, 10, 6, 1])
    assert list(need.x) == pytest.approx([14, 14, 14, 10, 5])
    assert list(shortfall.text) == ["EUR 13.0 M", "EUR 11.0 M", "EUR 10.0 M", "EUR 6.0 M", "EUR 1.0 M"]
    title = _title(fig)
    # staff 13 M leads equipment 11 M, but on the 6 museums that gave need and budget (< 20): the two largest
    assert title.startswith("Qualified staff and equipment have the two largest shortfalls")
    assert "EUR 13.0 M and EUR 11.0 M" in title and "has the largest shortfall" not in title
    assert "1 pillar with fewer than 5 answers not shown" in title
    assert fig.layout.xaxis.title.text == "EUR millions, to 2030"


def _pillar_frame(n_shortfall: int, shortfalls: list[float]) -> pd.DataFrame:
    """A `pillar_funding` frame: staff, equipment, infrastructure with their need and shortfall (EUR M)."""
    return pd.DataFrame({"pillar": ["human_resources", "equipment", "infrastructure"],
                         "label": ["Qualified staff", "Equipment", "Infrastructure"],
                         "need_eur": [14 * M, 14 * M, 10 * M], "n_need": [n_shortfall] * 3,
                         "shortfall_eur": [v * M for v in shortfalls], "n_shortfall": n_shortfall,
                         "suppressed": False})


def test_pillar_chart_names_the_largest_shortfall_only_when_it_holds():
    # 25 museums: 13 M against 11 M is 2 M apart, more than 10 % of 13 M (1.3 M)
    held = _title(charts.pillar_need_shortfall(_pillar_frame(25, [13, 11, 6]), CAPTION))
    assert held.startswith("Qualified staff has the largest shortfall: EUR 13.0 M (need EUR 14.0 M)")
    # 25 museums: 13 M against 12 M is 1 M apart, within 1.3 M
    close = _title(charts.pillar_need_shortfall(_pillar_frame(25, [13, 12, 6]), CAPTION))
    assert close.startswith("Qualified staff and equipment have the two largest shortfalls")
    assert "EUR 13.0 M and EUR 12.0 M" in close and "has the largest shortfall" not in close


def test_shortfall_ranking_charts(loaded):
    frame = metrics.shortfall_by(loaded, WAVE, "country")
    total = charts.shortfall_ranking(frame, "country", CAPTION)
    [bars] = total.data
    assert list(bars.y) == ["Germany (n=5)"] and list(bars.x) == [32.0]
    # Germany is the only country shown (France has 1 answer): named, with no ranking words
    assert _title(total).startswith("Germany: shortfall EUR 32.0 M (n = 5) ")
    assert "largest" not in _title(total)
    assert "1 country with fewer than 5 answers not shown" in _title(total)
    per = charts.shortfall_ranking(frame, "country", CAPTION, per_museum=True)
    assert list(per.data[0].x) == [6.4]
    assert _title(per).startswith("Germany: shortfall per museum EUR 6.40 M (n = 5) ")          # 32 / 5
    assert per.layout.xaxis.title.text.replace("<br>", " ") == "Shortfall per museum (EUR millions)"


def test_ranking_differs_by_total_and_per_museum():
    frame = pd.DataFrame({"group": ["IT", "MT", "CY"], "n": [80, 6, 2],
                          "shortfall_eur": [70 * M, 12 * M, None], "shortfall_per_museum_eur": [0.875 * M, 2 * M, None],
                          "suppressed": [False, False, True]})
    total = charts.shortfall_ranking(frame, "country", CAPTION)
    assert list(total.data[0].y) == ["Italy (n=80)", "Malta (n=6)"]
    # Italy (n = 80) is 58 M ahead of Malta, far more than 10 % of 70 M; 70 / (70 + 12) = 85 %
    assert _title(total).startswith("Italy has the largest shortfall: EUR 70.0 M, 85 % of the total shown")
    per = charts.shortfall_ranking(frame, "country", CAPTION, per_museum=True)
    assert list(per.data[0].y) == ["Malta (n=6)", "Italy (n=80)"]
    # per museum Malta is highest, but on 6 answers: a range (0.875 M written half up as 0.88), not a leader
    assert _title(per).startswith("Shortfall per museum from EUR 0.88 M to EUR 2.00 M across 2 countries; too few "
                                  "answers per country (under 20) to rank them")
    # with 25 Maltese answers the lead (2 M against 0.875 M, more than 10 % apart) may be named
    per = charts.shortfall_ranking(frame.assign(n=[80, 25, 2]), "country", CAPTION, per_museum=True)
    assert _title(per).startswith("Malta has the largest shortfall per museum: EUR 2.00 M")


def test_shortfall_ratio_chart(loaded):
    fig = charts.shortfall_ratio_bands(metrics.shortfall_ratio_bands(loaded, WAVE), CAPTION)
    [bars] = fig.data
    assert list(bars.y) == pytest.approx([100 / 6] * 6)
    assert bars.marker.color[0] == charts.PALETTE[2] and set(bars.marker.color[1:]) == {charts.GAP_COLOUR}
    # more than half unfunded: F5, F6, F2 = 3 of 6
    assert _title(fig).startswith("50 % of museums can fund less than half of what they need")
    assert "n = 6 museums that gave need and budget" in _title(fig)


def test_funding_sources_chart_highlights_eu_programmes(loaded):
    fig = charts.choice_bars(metrics.choice_counts(loaded, WAVE, "funding_sources"), CAPTION, "funding source",
                             highlight=metrics.EU_SOURCES, highlight_name="EU programmes", other_name="Other sources")
    eu, other = fig.data
    assert (eu.name, other.name) == ("EU programmes", "Other sources")
    assert set(eu.y) == {"EU Horizon Europe", "EU Creative Europe", "EU structural funds / RRF"}
    assert "National" in set(other.y) and max(other.x) == 50
    # national 3 of 6 = 50 %; next Horizon Europe (F1, F5) and own income (F3, F6), 2 of 6 = 33 % each.
    # 6 answers (< 20): the two largest are named, not a most common one; the tie may come either way.
    assert re.match(r"National \(50 %\) and (EU Horizon Europe|own income) \(33 %\) are the two most common "
                    r"funding sources; too few answers per funding source \(under 20\) to rank them", _title(fig)), _title(fig)
    obstacles = charts.choice_bars(metrics.choice_counts(loaded, WAVE, "main_obstacles"), CAPTION, "obstacle")
    # money 4 of 5 = 80 %; staff time and skills 2 of 5 = 40 % each
    assert re.match(r"Money \(80 %\) and (staff time|skills) \(40 %\) are the two most common obstacles; too few "
                    r"answers per obstacle \(under 20\) to rank them", _title(obstacles)), _title(obstacles)


def test_choice_bars_name_the_most_common_answer_only_when_it_holds():
    def frame(n: int) -> pd.DataFrame:
        museums = [int(n * 0.8), int(n * 0.4), int(n * 0.1)]
        return pd.DataFrame({"answer": ["money", "staff_time", "copyright"], "museums": museums, "n": n,
                             "share": [100 * m / n for m in museums],
                             "label": ["Money", "Staff time", "Copyright"], "suppressed": False})
    # n = 200: Wilson 95 % interval of 80 % is 73.9–84.9 %, of 40 % 33.5–46.9 %: 80 - 73.9 = 6.1 pp and
    # 46.9 - 40 = 6.9 pp, far less than the 40 pp between them
    assert _title(charts.choice_bars(frame(200), CAPTION, "obstacle")).startswith(
        "Money is the most common obstacle: 80 % of museums")
    # n = 10: 8 of 10 against 4 of 10, but fewer than 20 answers
    assert _title(charts.choice_bars(frame(10), CAPTION, "obstacle")).startswith(
        "Money (80 %) and staff time (40 %) are the two most common obstacles; too few answers per obstacle "
        "(under 20) to rank them")


# --- the page --------------------------------------------------------------------------------------------
@pytest.fixture
def funding_app(monkeypatch, tmp_path):
    def make(loaded: bool, **query) -> AppTest:
        db = tmp_path / f"app-{'loaded' if loaded else 'empty'}.duckdb"
        if loaded:
            from analysis.store import open_store
            con = open_store(db)
            _load(con, tmp_path)
            con.close()
        return open_page(monkeypatch, db, "views/funding.py", **query)
    return make


def test_funding_page_shows_the_arithmetic_and_the_figures(funding_app):
    at = funding_app(loaded=True)
    assert not at.exception
    assert at.title[0].value == "Funding need and shortfall"
    assert "shortfall = max(0, need − budget × horizon)" in at.info[0].value
    assert "defaults to 5 years (2030 − 2025)" in at.info[0].value
    values = {m.label: m.value for m in at.metric}
    assert values["Funding need"] == "EUR 60.0 M"
    assert values["Digital budget × horizon"] == "EUR 19.5 M"
    assert values["Funding shortfall"] == "EUR 41.0 M"
    assert values["Museums that received EU funding"] == "43 %"                     # 3 of 7
    assert any("**3 of 7** museums that answered" in md.value and "EUR 0.40 M" in md.value
               for md in at.markdown)                                                   # 100k + 50k + 250k
    assert at.segmented_control(key="by").value == "Country"
    titles = chart_titles(at)
    assert len(titles) == 7
    assert titles[0].startswith("Museums need EUR 60.0 M and can fund EUR 19.5 M")
    assert any(t.startswith("Germany: shortfall EUR 32.0 M (n = 5)") for t in titles)      # the only country shown
    assert all(CAPTION in t for t in titles)


def test_breakdown_selector_switches_to_size_bands(funding_app):
    # The selector is bound to ?by= (a browser deep link /funding?by=Size opens on it; AppTest clears query
    # parameters on a page switch, so here the selector is clicked instead).
    at = funding_app(loaded=True)
    control = at.segmented_control(key="by")
    assert control.value == "Country" and control.options == ["Country", "Type", "Size"]
    at = control.set_value("Size").run()
    assert not at.exception
    titles = chart_titles(at)
    # small museums: 40 M over 5 museums; medium (1 museum with need and budget) suppressed, so small is
    # the only band shown and is named without ranking words
    assert any(t.startswith("Small (<10k visits): shortfall EUR 40.0 M (n = 5)") and
               "1 size band with fewer than 5 answers not shown" in t for t in titles)
    assert any(t.startswith("Small (<10k visits): shortfall per museum EUR 8.00 M (n = 5)") for t in titles)
    assert not any("has the largest shortfall" in t for t in titles)


def test_funding_page_with_no_match_and_with_an_empty_store(funding_app):
    at = funding_app(loaded=True, accredited="Accredited")
    assert not at.exception
    assert "No museums match these filters" in at.warning[0].value
    at = funding_app(loaded=False)
    assert not at.exception
    assert "No survey data yet" in at.info[0].value


def test_funding_page_with_too_few_answers(monkeypatch, tmp_path):
    from analysis.store import open_store
    from tests.conftest import small_survey
    con = open_store(tmp_path / "sparse.duckdb")
    load_file(con, small_survey(tmp_path / "sparse.xlsx"))        # 3 museums, 2 with budget and need
    con.close()
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "sparse.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/funding.py").run()
    assert not at.exception
    # the headline totals still show (each with its n), every chart says it has too few answers
    assert {m.label: m.value for m in at.metric}["Funding shortfall"] == "EUR 0.08 M"  # 50k + 25k, n = 2
    titles = chart_titles(at)
    assert len(titles) == 7 and all(t.startswith("Too few answers") for t in titles)
    assert any("Too few answers on EU funding received" in c.value for c in at.caption)
