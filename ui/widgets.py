"""Small UI helpers shared by pages: the n-and-filters caption, empty states, chart + data downloads."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import export
from analysis.charts import split_title
from analysis.filters import Filters
from ui import filters, state


def empty_state() -> None:
    st.info("No survey data yet. Load a survey workbook on the Upload page or with "
            "`python -m analysis load FILE.xlsx`, then reload this page.", icon=":material/inbox:")


def no_match(caption: str) -> None:
    st.warning(f"No museums match these filters ({caption}). Widen them or press Reset filters.",
               icon=":material/filter_alt_off:")


def chart(fig: go.Figure, data: pd.DataFrame, key: str, caption: str, alt: str) -> None:
    """A chart with its data one click away (table, CSV and XLSX), exportable as PNG from its toolbar."""
    st.plotly_chart(fig, key=key, theme=None, config={
        "displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key}})
    title = split_title(fig.layout.title.text)[0] or key
    with st.expander("Data and downloads"):
        st.caption(alt)
        st.dataframe(data, hide_index=True)
        csv, xlsx, png, svg = st.columns(4)
        csv.download_button("CSV", export.to_csv(data), f"{key}.csv", "text/csv", key=f"{key}-csv",
                            on_click="ignore", icon=":material/download:", width="stretch")
        xlsx.download_button("XLSX", lambda: export.to_xlsx(data, title, caption), f"{key}.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             key=f"{key}-xlsx", on_click="ignore", icon=":material/table:", width="stretch")
        png.download_button("PNG image", lambda: export.image(fig, "png", scale=2), f"{key}.png", "image/png",
                            key=f"{key}-png", on_click="ignore", icon=":material/image:", width="stretch")
        svg.download_button("SVG image", lambda: export.image(fig, "svg"), f"{key}.svg", "image/svg+xml",
                            key=f"{key}-svg", on_click="ignore", icon=":material/draw:", width="stretch")


def explore_view() -> tuple[tuple, Filters, dict, str]:
    """What every explore page starts with: the data version (the cache key), the sidebar filters, their
    headline summary and the filters in words with n. Stops the page with a helpful message when the store
    is empty or the filters match no museum."""
    version = state.data_version()
    if not state.waves(version):
        empty_state()
        st.stop()
    view = filters.current()
    summary = state.summary(version, view)
    caption = view.describe(summary["respondents"], summary["countries"])
    if not summary["respondents"]:
        no_match(caption)
        st.stop()
    return version, view, summary, caption
