"""Chart builders return the expected traces and values (figures checked as data, not pixels)."""

import pandas as pd

from analysis import charts

CAPTION = "12 museums in 2 countries, wave 2025"


def test_digitisation_by_country_drops_suppressed_groups_and_says_so():
    frame = pd.DataFrame({"country": ["AT", "BE", "CY"], "n": [6, 5, 2], "mean_pct_digitised": [40.0, 20.0, None],
                          "weighted_pct_digitised": [30.0, 25.0, None], "suppressed": [False, False, True]})
    fig = charts.digitisation_by_country(frame, CAPTION)
    bars, markers = fig.data
    assert list(bars.y) == ["Belgium (n=5)", "Austria (n=6)"] and list(bars.x) == [20.0, 40.0]
    assert list(markers.x) == [25.0, 30.0]
    assert fig.layout.title.text.startswith("Austria leads with 40 %")
    assert "1 country with fewer than 5 answers not shown" in fig.layout.title.text
    assert CAPTION in fig.layout.title.text


def test_shortfall_by_pillar_orders_bars_and_titles_the_largest():
    shortfalls = {"infrastructure": 3e6, "equipment": 1e6, "human_resources": 6e6, "data_metadata": 0.0,
                  "copyright_clearance": None, "training": 2e6}
    fig = charts.shortfall_by_pillar(shortfalls, CAPTION)
    [bars] = fig.data
    assert list(bars.y)[-1] == "Qualified staff" and list(bars.x)[-1] == 6.0
    assert fig.layout.title.text.startswith("Qualified staff is the largest gap: €6.0 M of €12.0 M")
