"""Every page renders through the entrypoint without an exception, on the bundled sample and on an empty
store (OpenMS-template style smoke test). Page-specific behaviour is tested in tests/test_page_*.py."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py"))


def render(page: str, db, monkeypatch) -> AppTest:
    monkeypatch.setenv("MUSEUM_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    return at


def test_every_page_is_registered_in_the_router():
    router = (ROOT / "app.py").read_text()
    assert all(f'"{page.split("/")[1]}"' in router for page in PAGES), PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_the_sample(page, sample_db, monkeypatch):
    at = render(page, sample_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_store(page, tmp_path, monkeypatch):
    at = render(page, tmp_path / "empty.duckdb", monkeypatch)
    assert not at.exception, at.exception
