"""Country boundaries for the Europe map, read once from the GeoJSON shipped in data/ (no tiles, no network).

data/europe.geojson is Natural Earth 1:50m Admin 0 (public domain), clipped to Europe and simplified;
data/GEOJSON-SOURCE.md says how. Every feature has `properties.iso_a2` (the store's country codes: GB,
GR, XK for Kosovo), `name`, and `label_lon` / `label_lat`, a point inside the country for its value label.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

GEOJSON_PATH = Path(__file__).resolve().parent.parent / "data" / "europe.geojson"
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
