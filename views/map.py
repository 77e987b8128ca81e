"""Europe map: one headline metric per country, drawn from the GeoJSON shipped in data/ (no tiles, no network)."""

import streamlit as st

from analysis import limits
from analysis.figures import metrics
from ui import widgets

st.title("Europe map")
st.caption("One headline figure per country for the filtered museums. Countries with fewer than "
           f"{limits.SUPPRESS_BELOW_N} answers are grey, not coloured; hover a country for its n.")

view = widgets.explore_view()

# The bound URL parameter carries the label (?metric=Collection+online+(unweighted+mean)); a link may also
# name the metric by its key (?metric=pct_online), which is shorter and survives relabelling.
link = st.query_params.get("metric")
if link in metrics.MAP_METRICS and "metric" not in st.session_state:
    st.session_state["metric"] = link
key = st.selectbox("Metric", list(metrics.MAP_METRICS), format_func=lambda k: metrics.MAP_METRICS[k].label,
                   key="metric", bind="query-params")
spec = metrics.MAP_METRICS[key]
if spec.note:
    st.caption(f"{spec.label}: {spec.note}.")
widgets.show(view, "europe-map", metric=key)
