"""Router: page config, navigation, sign-in and the shared filters. One thin file per page in views/.

The folder is not called pages/: with a folder of that name Streamlit runs a page file without this router
when the first request is a deep link (no filters, no roles), the legacy multipage behaviour."""

from pathlib import Path

import streamlit as st

from ui import auth, filters

PAGES = Path(__file__).parent / "views"


def run() -> None:
    st.set_page_config(page_title="Museum digitisation survey", page_icon="🏛️", layout="wide")
    explore = [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "digitisation.py", title="Digitisation", icon=":material/photo_camera:"),
        st.Page(PAGES / "skills.py", title="Skills & AI", icon=":material/school:"),
        st.Page(PAGES / "funding.py", title="Funding", icon=":material/euro:"),
        st.Page(PAGES / "map.py", title="Europe map", icon=":material/public:"),
        st.Page(PAGES / "scenarios.py", title="Scenarios", icon=":material/savings:"),
        st.Page(PAGES / "methodology.py", title="Methodology", icon=":material/functions:"),
    ]
    present = st.Page(PAGES / "present.py", title="Present", icon=":material/co_present:")
    # A role is offered only the pages it may use; a hidden page still opens by its URL, and then refuses.
    analyst, admin = auth.visibility("analyst"), auth.visibility("admin")
    navigation = st.navigation({
        "Explore": explore,
        "Present": [present],
        "Analyst": [st.Page(PAGES / "upload.py", title="Upload surveys", icon=":material/upload_file:",
                            visibility=analyst)],
        "Admin": [st.Page(PAGES / "history.py", title="Upload history", icon=":material/history:", visibility=admin),
                  st.Page(PAGES / "targets.py", title="Targets", icon=":material/flag:", visibility=admin),
                  st.Page(PAGES / "registers.py", title="Museum registers", icon=":material/account_balance:",
                          visibility=admin)],
    })
    if navigation in [*explore, present]:
        filters.sidebar()
    auth.sidebar()
    navigation.run()


if __name__ == "__main__":
    run()
