"""Small UI helpers shared by pages: the n-and-filters caption, empty states, chart + data download."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


def describe(n: int, wave: str | None, countries: int | None = None) -> str:
    """The filters and n in words, e.g. '612 museums in 27 countries, wave 2025'."""
    parts = [f"{n:,} museum{'s' if n != 1 else ''}"]
    if countries:
        parts[0] += f" in {countries} countr{'y' if countries == 1 else 'ies'}"
    if wave:
        parts.append(f"wave {wave}")
    return ", ".join(parts)


def empty_state() -> None:
    st.info("No survey data yet. Load a survey workbook with "
            "`python -m analysis load FILE.xlsx` (the Upload page follows), then reload this page.",
            icon=":material/inbox:")


def chart(fig: go.Figure, data: pd.DataFrame, key: str, alt: str) -> None:
    """A chart with its data one click away (table + CSV)."""
    st.plotly_chart(fig, key=key, theme=None, config={"displaylogo": False,
                                          "toImageButtonOptions": {"format": "png", "scale": 2,
                                                                   "filename": key}})
    with st.expander("Data behind this chart"):
        st.dataframe(data, hide_index=True)
        st.download_button("Download CSV", data.to_csv(index=False).encode("utf-8"), f"{key}.csv",
                           "text/csv", key=f"{key}-csv", on_click="ignore")
