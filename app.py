"""Router: page config, navigation. Pages live in pages/, one thin file each."""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "pages"


def run() -> None:
    st.set_page_config(page_title="Museum digitisation survey", page_icon=":material/museum:", layout="wide")
    navigation = st.navigation({
        "Explore": [st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True)],
    })
    navigation.run()


if __name__ == "__main__":
    run()
