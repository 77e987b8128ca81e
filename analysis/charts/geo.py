"""Country boundaries for the Europe map, read once from the GeoJSON shipped in static/ (no tiles, no network).

static/europe.geojson is Natural Earth 1:50m Admin 0 (public domain), clipped to Europe and simplified;
data/GEOJSON-SOURCE.md says how. Every feature has `properties.iso_a2` (the store's country codes: GB,
GR, XK for Kosovo), `name`, and `label_lon` / `label_lat`, a point inside the country for its value label.
The app serves the same file (Streamlit static serving, .streamlit/config.toml): the browser fetches the
outlines once per session instead of receiving them with every map (`served`); exports carry them inline.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

GEOJSON_PATH = Path(__file__).resolve().parents[2] / "static" / "europe.geojson"
GEOJSON_URL = "app/static/europe.geojson"      # relative to the page, so that a server.baseUrlPath still works
FEATURE_ID_KEY = "properties.iso_a2"


@lru_cache(maxsize=1)
def europe() -> dict:
    """The FeatureCollection of European countries (parsed once per process; treat it as read-only)."""
    with open(GEOJSON_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def country_codes(geojson: dict) -> list[str]:
    """The ISO alpha-2 codes the geometry can draw, in file order."""
    return [f["properties"]["iso_a2"] for f in geojson["features"]]


def label_points(geojson: dict) -> dict[str, tuple[float, float]]:
    """ISO code -> (lon, lat) of a point inside the country, where its value label goes."""
    return {f["properties"]["iso_a2"]: (f["properties"]["label_lon"], f["properties"]["label_lat"])
            for f in geojson["features"]}


def served(fig):
    """The figure as the app sends it to the browser: each map trace names the served GeoJSON file, which
    plotly.js fetches once and keeps, rather than carrying its outlines (the trace's `locations` still say
    which countries it draws). Other figures are returned as they are."""
    if not any(trace.type == "choropleth" for trace in fig.data):
        return fig
    return type(fig)(fig).update_traces(geojson=GEOJSON_URL, selector={"type": "choropleth"})   # a copy
