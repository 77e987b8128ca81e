"""The presentation page: slides follow the filters, next/previous step through them."""

from streamlit.testing.v1 import AppTest

from analysis.pipeline import load_file
from analysis.store import open_store
from tests.conftest import ROOT, small_survey


def test_slides_step_forward_and_back(tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    con = open_store(db)
    load_file(con, small_survey(tmp_path / "a.xlsx"))
    con.close()
    monkeypatch.setenv("MUSEUM_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("views/present.py").run()
    assert not at.exception

    def slide():
        texts = [m.value for m in at.markdown]
        counter = next(t for t in texts if "Slide " in t)
        title = next(t for t in texts if t.startswith("## "))
        return counter, title

    counter, title = slide()
    assert "Slide 1 of 5" in counter                              # the default deck: five charts
    # Austria has 2 answers and Belgium 1: both below 5, so the country chart says so instead of comparing.
    assert title == "## Too few answers per country to compare"
    at.button(key="slide-next").click().run()
    counter, title = slide()
    assert "Slide 2 of 5" in counter
    # Three museums are fewer than five: the levels chart suppresses its figures and says so.
    assert title == "## Too few answers to report digitisation levels"
    at.button(key="slide-prev").click().run()
    assert "Slide 1 of 5" in slide()[0]
