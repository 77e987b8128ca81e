"""Europe map: one headline metric per country, drawn from the GeoJSON shipped in data/ (no tiles, no network)."""

import pandas as pd
import streamlit as st

from analysis import charts, geo, metrics
from analysis.schema import country_name
from ui import state, widgets

st.title("Europe map")
st.caption("One headline figure per country for the filtered museums. Countries with fewer than 5 answers are "
           "grey, not coloured; hover a country for its n.")

version, view, s, caption = widgets.explore_view()

# The bound URL parameter carries the label (?metric=Collection+online+(unweighted+mean)); a link may also
# name the metric by its key (?metric=pct_online), which is shorter and survives relabelling.
link = st.query_params.get("metric")
if link in metrics.MAP_METRICS and "metric" not in st.session_state:
    st.session_state["metric"] = link
key = st.selectbox("Metric", list(metrics.MAP_METRICS), format_func=lambda k: metrics.MAP_METRICS[k].label,
                   key="metric", bind="query-params")
spec = metrics.MAP_METRICS[key]
frame = state.aggregate(version, "country_values", view, key)
if spec.note:
    st.caption(f"{spec.label}: {spec.note}.")

fig = charts.europe_map(frame, spec.label, caption, geo.europe(), spec.unit)
data = pd.DataFrame({"country": frame["country"], "country_name": [country_name(c) for c in frame["country"]],
                     "n": frame["n"], f"{key} ({spec.unit})": frame["value"].round(3),
                     "suppressed_below_5": frame["suppressed"]})
widgets.chart(fig, data, f"europe-map-{key.replace('_', '-')}", caption,
              alt=f"{spec.label} per country ({spec.unit}), with the number of museums behind each figure; "
                  "countries with fewer than 5 answers are not shown.")
