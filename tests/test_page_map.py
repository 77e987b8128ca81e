"""Europe map: the shipped GeoJSON, the per-country metric values, the choropleth and the page.

Expected numbers are worked out by hand from the small workbook below, not by calling the code under test.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import charts
from analysis.charts import geo
from analysis.figures import metrics
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import HEADER, ROOT, write_xlsx

GEOJSON = ROOT / "static" / "europe.geojson"          # served to the browser as it is (.streamlit/config.toml)
MAX_BYTES = 500_000
LON, LAT = (-25.0, 45.0), (34.0, 72.0)
REQUIRED = {"FR", "DE", "IT", "ES", "PL", "NL", "BE", "AT", "SE", "FI", "GR", "PT", "IE", "DK", "CZ", "HU", "RO",
            "BG", "HR", "SK", "SI", "LT", "LV", "EE", "LU", "MT", "CY",          # EU 27
            "GB", "NO", "IS", "CH", "LI", "XK", "RS", "BA", "ME", "MK", "AL", "TR", "UA", "MD"}


# --- the shipped geometry ------------------------------------------------------------------------------
def _rings(geometry: dict):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def test_geojson_is_a_small_feature_collection_of_iso_coded_countries():
    assert GEOJSON.stat().st_size < MAX_BYTES
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    codes = []
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        code = feature["properties"]["iso_a2"]
        assert re.fullmatch(r"[A-Z]{2}", code), code
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon"), code
        for ring in _rings(feature["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1], f"{code}: ring not closed"
        codes.append(code)
    assert len(codes) == len(set(codes)), "one feature per country"
    assert REQUIRED <= set(codes), sorted(REQUIRED - set(codes))
    assert "-99" not in GEOJSON.read_text(encoding="utf-8")


def test_geojson_stays_inside_the_europe_box_and_labels_sit_inside_it():
    data = geo.europe()
    for feature in data["features"]:
        code = feature["properties"]["iso_a2"]
        for ring in _rings(feature["geometry"]):
            for lon, lat in ring:
                assert LON[0] <= lon <= LON[1] and LAT[0] <= lat <= LAT[1], (code, lon, lat)
        lon, lat = geo.label_points(data)[code]
        assert LON[0] <= lon <= LON[1] and LAT[0] <= lat <= LAT[1], code


def test_loader_reads_the_file_once():
    assert geo.europe() is geo.europe()
    assert geo.country_codes(geo.europe())[:3] == ["AD", "AL", "AT"]


# --- per-country values --------------------------------------------------------------------------------
# Wave 2025, so budgets count for 5 years to 2030: shortfall = max(0, need - 5 x budget).
AT = [[f"AT-{i}", f"Museum AT {i}", "AT", "2025", pct, objects, 1_000, 10_000]      # shortfall 5,000 each
      for i, (pct, objects) in enumerate([(10, 100), (20, 100), (30, 100), (40, 100), (50, 600)], 1)]
BE = [[f"BE-{i}", f"Museum BE {i}", "BE", "2025", 60, 1_000 if i <= 4 else None, 0, 20_000]  # 20,000 each
      for i in range(1, 7)]
MT = [[f"MT-{i}", f"Museum MT {i}", "MT", "2025", 90, 500, 0, 1_000] for i in range(1, 3)]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("map")
    db = folder / "map.duckdb"
    con = open_store(db)
    assert load_file(con, write_xlsx(folder / "map.xlsx", [HEADER, *AT, *BE, *MT]))["status"] == "committed"
    con.close()
    return db


@pytest.fixture
def map_con(store_path):
    con = open_store(store_path)
    yield con
    con.close()


def values(con, metric: str) -> dict[str, tuple[int, float | None]]:
    frame = metrics.country_values(con, Filters(wave="2025"), metric)
    assert list(frame.columns) == ["country", "n", "value", "sd", "suppressed"]
    return {c: (n, None if pd.isna(v) else round(v, 6))
            for c, n, v in zip(frame["country"], frame["n"], frame["value"])}


def spreads(con, metric: str) -> dict[str, float | None]:
    frame = metrics.country_values(con, Filters(wave="2025"), metric)
    return {c: None if pd.isna(v) else round(v, 6) for c, v in zip(frame["country"], frame["sd"])}


def test_country_means_suppress_countries_below_five_answers(map_con):
    assert values(map_con, "mean_pct_digitised") == {"BE": (6, 60.0), "AT": (5, 30.0), "MT": (2, None)}


def test_collection_weighted_mean_counts_only_museums_with_a_collection_size(map_con):
    # AT: (10+20+30+40)x100 + 50x600 over 1,000 objects = 40 %. BE: only 4 of 6 gave a size -> suppressed.
    assert values(map_con, "weighted_pct_digitised") == {"AT": (5, 40.0), "BE": (4, None), "MT": (2, None)}


def test_money_metrics_sum_over_the_museums_that_answered(map_con):
    assert values(map_con, "total_shortfall") == {"AT": (5, 0.025), "BE": (6, 0.12), "MT": (2, None)}   # EUR M
    assert values(map_con, "shortfall_per_museum") == {"AT": (5, 5.0), "BE": (6, 20.0), "MT": (2, None)}  # EUR k
    assert values(map_con, "shortfall_ratio") == {"BE": (6, 100.0), "AT": (5, 50.0), "MT": (2, None)}    # %


def test_country_spread_is_the_sample_sd_of_museums_values_for_unweighted_means_only(map_con):
    # AT 10, 20, 30, 40, 50: mean 30, squares 400 + 100 + 0 + 100 + 400 = 1,000 over 5 - 1 -> sqrt(250) = 15.811388
    # BE six times 60: 0. MT (2 answers) suppressed.
    assert spreads(map_con, "mean_pct_digitised") == {"BE": 0.0, "AT": round(250 ** 0.5, 6), "MT": None}
    # shortfall ratio, in %: AT each 5,000 / 10,000 = 50 %, BE each 20,000 / 20,000 = 100 %: no spread
    assert spreads(map_con, "shortfall_ratio") == {"BE": 0.0, "AT": 0.0, "MT": None}
    # collection-weighted means and sums carry no spread
    assert spreads(map_con, "weighted_pct_digitised") == {"AT": None, "BE": None, "MT": None}
    assert spreads(map_con, "total_shortfall") == {"AT": None, "BE": None, "MT": None}


def test_every_map_metric_has_a_label_unit_and_known_aggregate(map_con):
    for key, spec in metrics.MAP_METRICS.items():
        assert spec.label and spec.unit and spec.aggregate in ("mean", "weighted_mean", "sum", "sum_per_museum")
        metrics.country_values(map_con, Filters(wave="2025"), key)      # every column exists in the view
    with pytest.raises(ValueError):
        metrics.country_values(map_con, Filters(), "drop table responses")


# --- the figure ----------------------------------------------------------------------------------------
FRAME = pd.DataFrame({"country": ["BE", "AT", "MT", "US"], "n": [6, 5, 2, 7], "value": [60.0, 30.0, None, 12.0],
                      "suppressed": [False, False, True, False]})
LABEL = "Collection digitised (unweighted mean)"


def test_europe_map_colours_exactly_the_countries_with_five_or_more_answers():
    fig = charts.europe_map(FRAME, LABEL, "13 museums, wave 2025", geo.europe(), "%")
    traces = {t.name: t for t in fig.data if t.type == "choropleth"}
    data = traces[LABEL]
    assert list(data.locations) == ["BE", "AT"] and list(data.z) == [60.0, 30.0]
    assert data.featureidkey == "properties.iso_a2" and data.colorscale[0][1] != data.colorscale[-1][1]
    assert data.colorbar.title.text == "%"
    assert list(traces["Fewer than 5 answers"].locations) == ["MT"]
    assert "US" not in traces["No answers"].locations and "FR" in traces["No answers"].locations
    title = fig.layout.title.text.replace("<br>", " ")       # long titles wrap after the metric
    # Belgium is highest and Austria lowest, but on 6 and 5 answers (< 20): the range, not highest / lowest
    assert title.startswith(f"{LABEL}: from 30 % to 60 % across 2 countries; too few answers per country "
                            "(under 20) to rank them")
    assert "highest" not in title and "lowest" not in title
    assert "13 museums, wave 2025" in fig.layout.title.text
    assert "fewer than 5 answers: Malta" in fig.layout.title.text
    assert "Not on this map: United States" in fig.layout.title.text
    labels = fig.data[0]
    assert list(labels.text) == ["60", "30"]


def test_europe_map_names_the_highest_and_lowest_only_where_they_hold():
    # BE 40 answers, sd 20: t(0.975, 39) 2.023 x 20 / sqrt(40) = 6.40; AT 30 answers, sd 20:
    # t(0.975, 29) 2.045 x 20 / sqrt(30) = 7.47; 60 - 30 = 30 > 13.9: both ends hold
    both = pd.DataFrame({"country": ["BE", "AT"], "n": [40, 30], "value": [60.0, 30.0], "sd": [20.0, 20.0],
                         "suppressed": [False, False]})
    title = charts.europe_map(both, LABEL, "caption", geo.europe(), "%").layout.title.text.replace("<br>", " ")
    assert title.startswith(f"{LABEL}: highest in Belgium (60 %), lowest in Austria (30 %) ")
    # add DE at 32 % (30 answers, sd 20, 7.47): 32 - 30 = 2 is within 7.47 + 7.47, so Austria is not the lowest;
    # Belgium still leads DE by 28 > 6.40 + 7.47
    top_only = pd.concat([both, pd.DataFrame({"country": ["DE"], "n": [30], "value": [32.0], "sd": [20.0],
                                              "suppressed": [False]})], ignore_index=True)
    title = charts.europe_map(top_only, LABEL, "caption", geo.europe(), "%").layout.title.text.replace("<br>", " ")
    assert title.startswith(f"{LABEL}: highest in Belgium (60 %) ") and "lowest" not in title
    # the same values with sd 60: BE 19.2, DE 22.4 -> 28 < 41.6, within noise at both ends
    noisy = top_only.assign(sd=60.0)
    title = charts.europe_map(noisy, LABEL, "caption", geo.europe(), "%").layout.title.text.replace("<br>", " ")
    assert title.startswith(f"{LABEL}: from 30 % to 60 % across 3 countries; the differences are within sampling "
                            "noise ")


def test_europe_map_makes_no_network_call():
    fig = charts.europe_map(FRAME, LABEL, "caption", geo.europe(), "%")
    # plotly.js fetches a world topojson from its CDN when the first trace of a geo subplot has a
    # locationmode (every choropleth has one): the first trace must be a plain lon/lat scattergeo.
    first = fig.data[0]
    assert first.type == "scattergeo" and first.locations is None and first.locationmode is None
    assert fig.layout.geo.visible is False and fig.layout.geo.showframe is False
    assert not any(t.type.endswith(("mapbox", "map")) for t in fig.data)
    assert "mapbox" not in fig.layout.to_plotly_json() and "map" not in fig.layout.to_plotly_json()
    assert "http" not in fig.to_json()
    sent = sum(len(t.geojson["features"]) for t in fig.data if t.type == "choropleth")
    assert sent == len(geo.europe()["features"]), "each outline is sent once"


def test_europe_map_with_no_country_to_show_says_so():
    frame = FRAME.assign(suppressed=True, value=None)
    fig = charts.europe_map(frame, LABEL, "caption", geo.europe(), "%")
    assert fig.layout.title.text.replace("<br>", " ").startswith(f"{LABEL}: too few answers per country to map")
    assert fig.layout.annotations[0].text == "No country has 5 or more answers to this question"


# --- the page, through the entrypoint ------------------------------------------------------------------
@pytest.fixture
def app(store_path, tmp_path, monkeypatch):
    db = tmp_path / "app.duckdb"                 # a copy per test: DuckDB allows one process per file
    shutil.copy(store_path, db)
    monkeypatch.setenv("MUSEUM_DB", str(db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_map_page_renders_the_default_metric(app):
    app.run()
    app.switch_page("views/map.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Europe map"
    assert app.selectbox(key="metric").value == "mean_pct_digitised"
    [chart] = app.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    [data] = [t for t in figure["data"] if t.get("name") == LABEL]
    assert data["locations"] == ["BE", "AT"] and data["z"] == [60, 30]
    title = figure["layout"]["title"]["text"].replace("<br>", " ")
    # Belgium 60 % (6 answers), Austria 30 % (5 answers): too few to name the highest and the lowest
    assert "from 30 % to 60 % across 2 countries; too few answers per country (under 20) to rank them" in title
    assert "highest" not in title


@pytest.mark.parametrize("link", ["total_shortfall", "Funding shortfall to 2030 (total)"])
def test_deep_link_selects_the_metric(app, link):
    # Streamlit writes the option's label into the bound URL parameter; the key works in a link as well.
    app.run()                                                  # the router runs first (sidebar filters)
    app.query_params["metric"] = link                          # /map?metric=...
    app.switch_page("views/map.py").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="metric").value == "total_shortfall"
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    title = figure["layout"]["title"]["text"].replace("<br>", " ")
    # AT 5 x 5,000 = EUR 0.025 M, BE 6 x 20,000 = EUR 0.12 M, on 5 and 6 answers: a range, no highest / lowest
    assert "from EUR 0.03 M to EUR 0.12 M across 2 countries; too few answers per country (under 20) to rank them" in title
    app.selectbox(key="metric").set_value("pct_online").run()  # the link does not pin the choice
    assert app.selectbox(key="metric").value == "pct_online"


def test_unknown_metric_in_the_link_falls_back_to_the_default(app):
    app.run()
    app.query_params["metric"] = "nonsense"
    app.switch_page("views/map.py").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="metric").value == "mean_pct_digitised"


def test_map_page_on_an_empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "empty.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("views/map.py").run()
    assert not at.exception, at.exception
    assert "No survey data yet" in at.info[0].value


def test_map_page_when_no_museum_matches_the_filters(app):
    app.query_params["accredited"] = "Accredited"             # nobody answered the accreditation question
    app.run()                                                  # the router reads the filters from the link
    app.switch_page("views/map.py").run()
    assert not app.exception, app.exception
    assert "No museums match these filters" in app.warning[0].value


# --- in a real browser (opt-in: -m e2e, needs /usr/bin/chromium) --------------------------------------
@pytest.mark.e2e
def test_browser_draws_the_map_without_any_request(tmp_path):
    from playwright.sync_api import sync_playwright

    html = tmp_path / "map.html"
    charts.europe_map(FRAME, LABEL, "caption", geo.europe(), "%").write_html(html, include_plotlyjs=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(html.as_uri())
        page.wait_for_selector(".choroplethlocation", timeout=15_000)
        page.wait_for_timeout(1_000)
        drawn = page.locator(".choroplethlocation").count()
        browser.close()
    assert requests == []
    assert drawn == len(geo.europe()["features"])


def test_the_browser_gets_the_outlines_by_address_and_exports_keep_them():
    fig = charts.europe_map(FRAME, LABEL, "caption", geo.europe(), "%")
    served = geo.served(fig)
    maps = [t for t in served.data if t.type == "choropleth"]
    assert maps and all(t.geojson == geo.GEOJSON_URL for t in maps)
    # the served address is the shipped file, and the app serves that folder (.streamlit/config.toml)
    assert (ROOT / geo.GEOJSON_URL.removeprefix("app/")).resolve() == GEOJSON.resolve()
    assert "enableStaticServing = true" in (ROOT / ".streamlit" / "config.toml").read_text()
    # the figure itself (PNG, PPTX, HTML report) still carries every outline, once
    assert sum(len(t.geojson["features"]) for t in fig.data if t.type == "choropleth") == len(geo.europe()["features"])
    assert [t.locations for t in served.data] == [t.locations for t in fig.data]
    assert len(json.dumps(served.to_plotly_json())) < 20_000 < GEOJSON.stat().st_size


def test_the_shipped_outlines_are_small_enough_to_send_once():
    assert GEOJSON.stat().st_size <= 60_000
