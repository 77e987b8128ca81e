"""Charts are drawn once per data version, language, view and parameters and shared by every session: a warm page
re-renders from the cache, while another filter or another language draws them again."""

import shutil

from analysis.charts import catalogue
from tests.conftest import open_page


def test_a_page_draws_its_charts_once_per_view_and_language(monkeypatch, sample_db, tmp_path):
    db = tmp_path / "store.duckdb"
    shutil.copy(sample_db, db)                     # a path of its own: no other test has filled its cache
    drawn = []
    real = catalogue.render
    monkeypatch.setattr(catalogue, "render", lambda key, view, **params: drawn.append(key) or real(key, view, **params))

    at = open_page(monkeypatch, db, "views/skills.py")    # the home page first, then Skills
    assert drawn and len(drawn) == len(set(drawn))        # every chart drawn once
    drawn.clear()
    at.run()
    assert drawn == []                                    # a rerun draws nothing
    open_page(monkeypatch, db, "views/skills.py")
    assert drawn == []                                    # nor does another session with the same view
    at.multiselect(key="country").set_value(["DE"]).run()
    skills = sorted(drawn)
    assert len(skills) == len(set(skills)) == 10          # another filter: the Skills page's ten charts again
    drawn.clear()
    german = open_page(monkeypatch, db, "views/skills.py", lang="de")
    assert set(skills) <= set(drawn) and not german.exception
    assert german.title[0].value != at.title[0].value     # drawn in German, not taken from the English cache
