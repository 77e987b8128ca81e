"""Europe map: one headline metric per country, drawn from the GeoJSON shipped in data/ (no tiles, no network)."""

import streamlit as st

from analysis import limits
from analysis.figures import metrics
from analysis.i18n import _
from ui import widgets

st.title(_("Europe map"))
st.caption(_("One headline figure per country for the filtered museums. Countries with fewer than {n} answers "
             "are grey, not coloured; hover a country for its n.").format(n=limits.SUPPRESS_BELOW_N))

view = widgets.explore_view()

# The bound URL parameter carries the label (?metric=Collection+online+(unweighted+mean)); a link may also
# name the metric by its key (?metric=pct_online), which is shorter and survives relabelling and translation.
link = st.query_params.get("metric")
if link in metrics.MAP_METRICS and "metric" not in st.session_state:
    st.session_state["metric"] = link
key = st.selectbox(_("Metric"), list(metrics.MAP_METRICS), format_func=lambda k: metrics.MAP_METRICS[k].name,
                   key="metric", bind="query-params")
spec = metrics.MAP_METRICS[key]
if spec.note:
    st.caption(_("{metric}: {note}.").format(metric=spec.name, note=spec.explanation))
widgets.show(view, "europe-map", metric=key)
