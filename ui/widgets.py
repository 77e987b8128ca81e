"""Small UI helpers shared by pages: the n-and-filters caption, empty states, chart + data downloads."""

from __future__ import annotations

import streamlit as st

from analysis import export
from analysis.i18n import _
from analysis.charts import catalogue, geo
from analysis.export import tables
from ui import filters, state


def empty_state() -> None:
    st.info(_("No survey data yet. Load a survey workbook on the Upload page or with "
              "`python -m analysis load FILE.xlsx`, then reload this page."), icon=":material/inbox:")


def no_match(caption: str) -> None:
    st.warning(_("No museums match these filters ({filters}). Widen them or press Reset filters.").format(
        filters=caption),
               icon=":material/filter_alt_off:")


def show(view: catalogue.View, key: str, **params) -> catalogue.Chart:
    """Render the chart definition `key` (analysis.charts.catalogue) for this view, with its data one click away."""
    made = state.chart(view, key, **params)
    chart(made)
    return made


def chart(made: catalogue.Chart) -> None:
    """A chart with its data one click away (a readable table, CSV and XLSX), exportable as PNG or SVG."""
    key, fig, data = made.key, made.figure, made.data
    st.plotly_chart(geo.served(fig), key=key, theme=None, config={
        "displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key}})
    with st.expander(_("Data and downloads"), key=f"{key}-data", on_change="rerun") as box:
        if not box.open:      # built when opened: a closed expander's table would still travel with every page
            return
        st.caption(made.alt)
        st.dataframe(tables.readable(data), hide_index=True)
        csv, xlsx, png, svg = st.columns(4)
        cited = made.data_version
        csv.download_button("CSV", export.to_csv(data, cited), f"{key}.csv", "text/csv", key=f"{key}-csv",
                            on_click="ignore", icon=":material/download:", width="stretch")
        xlsx.download_button("XLSX", lambda: export.to_xlsx(data, made.title, made.caption, cited), f"{key}.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             key=f"{key}-xlsx", on_click="ignore", icon=":material/table:", width="stretch")
        drawn = export.images_available()
        png.download_button(_("PNG image"), lambda: export.image(export.cited(fig, cited), "png", scale=2),
                            f"{key}.png", "image/png", key=f"{key}-png", on_click="ignore", icon=":material/image:",
                            width="stretch", disabled=not drawn)
        svg.download_button(_("SVG image"), lambda: export.image(export.cited(fig, cited), "svg"), f"{key}.svg",
                            "image/svg+xml", key=f"{key}-svg", on_click="ignore", icon=":material/draw:",
                            width="stretch", disabled=not drawn)
        if not drawn:
            st.caption(_(export.CHROMIUM_HELP))


def explore_view() -> catalogue.View:
    """What every explore page starts with: the view its figures are drawn for (sidebar filters, their headline
    summary, the filters in words with n, and aggregates read through the cache). Stops the page with a helpful
    message when the store is empty or the filters match no museum."""
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
    return state.chart_view(version, view, summary, caption)
