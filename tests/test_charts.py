"""Chart builders return the expected traces and values (figures checked as data, not pixels)."""

import pandas as pd

from analysis import charts
from tests.conftest import in_language

CAPTION = "12 museums in 2 countries, wave 2025"


def test_digitisation_by_country_drops_suppressed_groups_and_says_so():
    frame = pd.DataFrame({"country": ["AT", "BE", "CY"], "n": [6, 5, 2], "mean_pct_digitised": [40.0, 20.0, None],
                          "weighted_pct_digitised": [30.0, 25.0, None], "suppressed": [False, False, True]})
    fig = charts.digitisation_by_country(frame, CAPTION)
    bars, markers = fig.data
    assert list(bars.y) == ["Belgium (n=5)", "Austria (n=6)"] and list(bars.x) == [20.0, 40.0]
    assert list(markers.x) == [25.0, 30.0]
    # Austria is highest, but on 6 answers (< 20): no "leads", the range of the means and why instead
    title = fig.layout.title.text.replace("<br>", " ")
    assert title.startswith("Country means range from 20 % to 40 % of collections digitised; too few answers per ")
    assert "(under 20) to rank them" in title and "leads" not in title
    assert "1 country with fewer than 5 answers not shown" in title
    assert CAPTION in title


def test_digitisation_by_country_names_the_leader_when_it_holds():
    # AT 40 answers, mean 60, sd 10: 95 % half width t(0.975, 39) 2.023 x 10 / sqrt(40) = 3.20
    # BE 30 answers, mean 20, sd 10: t(0.975, 29) 2.045 x 10 / sqrt(30) = 3.73; gap 40 > 3.20 + 3.73
    frame = pd.DataFrame({"country": ["AT", "BE"], "n": [40, 30], "mean_pct_digitised": [60.0, 20.0],
                          "sd": [10.0, 10.0], "weighted_pct_digitised": [55.0, 25.0], "suppressed": [False, False]})
    title = charts.digitisation_by_country(frame, CAPTION).layout.title.text
    assert charts.split_title(title)[0] == "Austria leads with 60 % of collections digitised (n = 40)"


def test_a_leading_country_reads_without_the_article_french_and_german_would_need():
    """'Pays-Bas arrive en tête', 'Niederlande liegt vorn' are wrong (les Pays-Bas, die Niederlande): the
    country is named after a colon, where no article is needed."""
    frame = pd.DataFrame({"country": ["NL", "BE"], "n": [40, 30], "mean_pct_digitised": [60.0, 20.0],
                          "sd": [10.0, 10.0], "weighted_pct_digitised": [55.0, 25.0], "suppressed": [False, False]})
    with in_language("fr"):
        french = charts.split_title(charts.digitisation_by_country(frame, CAPTION).layout.title.text)[0]
    with in_language("de"):
        german = charts.split_title(charts.digitisation_by_country(frame, CAPTION).layout.title.text)[0]
    assert french == "En tête : Pays-Bas, avec 60 % des collections numérisées (n = 40)"
    assert german == "Vorn: Niederlande mit 60 % digitalisierter Sammlungen (n = 40)"


def test_shortfall_by_pillar_orders_bars_and_titles_the_largest():
    shortfalls = {"infrastructure": 3e6, "equipment": 1e6, "human_resources": 6e6, "data_metadata": 0.0,
                  "copyright_clearance": None, "training": 2e6}
    # total 3 + 1 + 6 + 0 + 0 + 2 = 12 M; staff 6 M is 3 M (> 10 % of 6 M) ahead of infrastructure 3 M
    fig = charts.shortfall_by_pillar(shortfalls, CAPTION, n=25)
    [bars] = fig.data
    assert list(bars.y)[-1] == "Qualified staff" and list(bars.x)[-1] == 6.0
    assert list(bars.text)[-2:] == ["EUR 3.0 M", "EUR 6.0 M"]
    assert charts.split_title(fig.layout.title.text)[0] == "Qualified staff is the largest gap: EUR 6.0 M of EUR 12.0 M"


def test_shortfall_by_pillar_does_not_single_out_a_pillar_on_few_answers_or_a_close_second():
    shortfalls = {"infrastructure": 3e6, "equipment": 1e6, "human_resources": 6e6, "data_metadata": 0.0,
                  "copyright_clearance": None, "training": 2e6}
    few = charts.shortfall_by_pillar(shortfalls, CAPTION, n=19)            # same sums, 19 museums behind them
    assert charts.split_title(few.layout.title.text)[0] == (
        "Qualified staff and infrastructure are the two largest gaps: EUR 6.0 M and EUR 3.0 M of EUR 12.0 M")
    # 6.0 M against 5.5 M: 0.5 M apart, within 10 % of 6.0 M (0.6 M); total 5.5 + 1 + 6 + 2 = 14.5 M
    close = charts.shortfall_by_pillar({**shortfalls, "infrastructure": 5.5e6}, CAPTION, n=200)
    assert charts.split_title(close.layout.title.text)[0] == (
        "Qualified staff and infrastructure are the two largest gaps: EUR 6.0 M and EUR 5.5 M of EUR 14.5 M")


def test_every_chart_carries_one_lean_template_with_the_plotly_white_look():
    import json

    frame = pd.DataFrame({"country": ["AT", "BE"], "n": [6, 5], "mean_pct_digitised": [40.0, 20.0],
                          "weighted_pct_digitised": [30.0, 25.0], "suppressed": [False, False]})
    template = charts.digitisation_by_country(frame, CAPTION).layout.template
    assert len(json.dumps(template.to_plotly_json())) < 1_500      # plotly_white is about 7,200 characters
    layout = template.layout
    assert (layout.paper_bgcolor, layout.plot_bgcolor, layout.xaxis.gridcolor, layout.yaxis.gridcolor) == (
        "white", "white", "#EBF0F8", "#EBF0F8")
    assert layout.title.x == 0.05 and layout.colorway == charts.PALETTE


def test_any_question_by_country_stacks_its_answers_and_names_hidden_countries():
    # Austria 66.7 % yes of 6, Germany 20 % yes of 5, Belgium 3 answers (suppressed). Sorted by the share
    # answering yes, ascending, so that the highest sits on top of the horizontal bars (Germany first).
    frame = pd.DataFrame({
        "group": ["AT", "AT", "BE", "BE", "DE", "DE"], "answer": ["true", "false"] * 3, "label": ["Yes", "No"] * 3,
        "museums": [4, 2, None, None, 1, 4], "n": [6, 6, 3, 3, 5, 5],
        "share": [400 / 6, 200 / 6, None, None, 20.0, 80.0], "suppressed": [False, False, True, True, False, False]})
    fig = charts.answers_by_group(frame, "Skills needs assessed", "country", "Wave 2025")
    assert [t.name for t in fig.data] == ["Yes", "No"]
    assert list(fig.data[0].y) == ["Germany (n=5)", "Austria (n=6)"]
    assert list(fig.data[0].x) == [20.0, 400 / 6] and list(fig.data[1].x) == [80.0, 200 / 6]
    title, subtitle = charts.split_title(fig.layout.title.text)
    # 6 and 5 answers are too few to name a leader: the range is given instead.
    assert title == "Skills needs assessed: Yes from 20 % to 67 % of museums across 2 countries"
    assert subtitle.endswith("1 country with fewer than 5 answers not shown")


def test_titles_wrap_at_spaces_but_never_before_a_french_colon_or_semicolon():
    from analysis.charts.style import wrap
    # "Le pays déficit" fills the 15 characters, so a plain wrap would start the next line with ": 164"
    assert wrap("Le pays déficit : 164 M EUR", 15) == "Le pays<br>déficit : 164 M<br>EUR"
    assert wrap("Le pays déficit ; fin", 15) == "Le pays<br>déficit ; fin"
    assert wrap("Highest: Norway 33 %; lowest: Malta 12 %", 24) == "Highest: Norway 33 %;<br>lowest: Malta 12 %"
