"""Tables for people (analysis.export.tables): headings in words, thousands separators, one decimal, blank for missing,
years without separators, and very large tables left unstyled rather than refused."""

import numpy as np
import pandas as pd

from analysis.export import tables


def test_headings_and_cells_read_as_words_and_numbers():
    frame = pd.DataFrame({"country": ["AT", "BE"], "shortfall_eur": [1234567.891, None], "year": [2021.0, None],
                          "suppressed": [True, False]})
    html = tables.readable(frame).to_html()
    for text in ("Country", "Shortfall (EUR)", "Year", "Not shown (fewer than 5 answers)", "1,234,567.9",
                 ">2021<", "Yes", "No"):
        assert text in html, text
    assert "2,021" not in html and "nan" not in html.lower() and "None" not in html


def test_a_table_too_big_to_style_keeps_its_headings():
    cells = pd.get_option("styler.render.max_elements")
    frame = pd.DataFrame(np.zeros((cells // 2 + 1, 2)), columns=["n", "mean"])
    shown = tables.readable(frame)
    assert isinstance(shown, pd.DataFrame) and list(shown.columns) == ["Museums (n)", "Mean"]
