"""Router: language, page config, navigation, sign-in and the shared filters. One thin file per page in views/.

The folder is not called pages/: with a folder of that name Streamlit runs a page file without this router
when the first request is a deep link (no filters, no roles), the legacy multipage behaviour."""

from pathlib import Path

import streamlit as st

from analysis.i18n import _
from ui import auth, filters, language

PAGES = Path(__file__).parent / "views"


def run() -> None:
    language.choose()            # first: every title, label and number below is written in it
    st.set_page_config(page_title=_("Museum digitisation survey"), page_icon="🏛️", layout="wide")
    explore = [
        st.Page(PAGES / "overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
        st.Page(PAGES / "digitisation.py", title=_("Digitisation"), icon=":material/photo_camera:"),
        st.Page(PAGES / "skills.py", title=_("Skills & AI"), icon=":material/school:"),
        st.Page(PAGES / "funding.py", title=_("Funding"), icon=":material/euro:"),
        st.Page(PAGES / "map.py", title=_("Europe map"), icon=":material/public:"),
        st.Page(PAGES / "scenarios.py", title=_("Scenarios"), icon=":material/savings:"),
        st.Page(PAGES / "methodology.py", title=_("Methodology"), icon=":material/functions:"),
    ]
    present = st.Page(PAGES / "present.py", title=_("Present"), icon=":material/co_present:")
    # A role is offered only the pages it may use; a hidden page still opens by its URL, and then refuses.
    analyst, admin = auth.visibility("analyst"), auth.visibility("admin")
    navigation = st.navigation({
        _("Explore"): explore,
        _("Present"): [present],
        _("Analyst"): [st.Page(PAGES / "upload.py", title=_("Upload surveys"), icon=":material/upload_file:",
                               visibility=analyst)],
        _("Admin"): [st.Page(PAGES / "history.py", title=_("Upload history"), icon=":material/history:",
                             visibility=admin),
                     st.Page(PAGES / "targets.py", title=_("Targets"), icon=":material/flag:", visibility=admin),
                     st.Page(PAGES / "registers.py", title=_("Museum registers"), icon=":material/account_balance:",
                             visibility=admin)],
    })
    language.menu()
    if navigation in [*explore, present]:
        filters.sidebar()
    auth.sidebar()
    navigation.run()


if __name__ == "__main__":
    run()
