"""Shared fixtures: every test gets its own DuckDB file; workbooks are generated in code with openpyxl."""

from __future__ import annotations

import re
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis import i18n  # noqa: E402
from analysis.store import open_store  # noqa: E402

__all__ = ["ROOT"]


@contextmanager
def in_language(code: str):
    """The block runs with `code` the current language (what a command's --lang sets); English again afterwards,
    whatever happens, so that no other test inherits it."""
    i18n.use(code)
    try:
        yield
    finally:
        i18n.use("en")


@pytest.fixture
def con(tmp_path):
    connection = open_store(tmp_path / "store.duckdb")
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    """A store holding the bundled sample survey, shared by the tests of a module that only read it."""
    from analysis.loading.upload import load_file

    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    connection = open_store(db)
    assert load_file(connection, ROOT / "data" / "sample_survey.xlsx")["status"] == "committed"
    connection.close()
    return db


def write_xlsx(path: Path, rows: list[list], sheet: str = "Survey") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


HEADER = ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)",
          "Collection size (objects)", "Digital budget available (EUR a year)", "Need: infrastructure (EUR to 2030)"]


def small_survey(path: Path, rows: list[list] | None = None) -> Path:
    """Three museums, written with the template's headings."""
    rows = rows or [
        ["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 10_000, 100_000],
        ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, 3000, 5_000, 50_000],
        ["BE-1", "Museum aan de Stroom", "BE", "2025", 60, None, None, 30_000],
    ]
    return write_xlsx(path, [HEADER, *rows])


def open_page(monkeypatch, db: Path, page: str, timeout: float = 60, **query):
    """Run the app through its router (app.py) on the store `db`, then switch to `page` ("views/x.py").
    `query` sets URL parameters before the first run (the sidebar filters read them)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MUSEUM_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    return at.run()


def chart_titles(at) -> list[str]:
    """The title text of every plotly chart on an AppTest page, line breaks as spaces."""
    import json

    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
            for chart in at.get("plotly_chart")]


def summary_mismatches(got: dict, want: dict, prefix: str = "") -> list[str]:
    """Every key of a hand-worked `summary` (nested dicts too) whose computed value differs, in words."""
    bad = []
    for key, w in want.items():
        if key not in got:
            bad.append(f"{prefix}{key}: missing")
            continue
        g = got[key]
        if isinstance(w, dict):
            bad.extend(summary_mismatches(g, w, prefix=f"{prefix}{key}.") if isinstance(g, dict)
                       else [f"{prefix}{key}: expected a dict, got {g!r}"])
        elif isinstance(g, bool) or not isinstance(g, (int, float)) or g != pytest.approx(w, rel=1e-9):
            bad.append(f"{prefix}{key}: expected {w!r}, got {g!r}")
    return bad


def expected_museum_id(country: str, name: str) -> str:
    """The id a museum without one must get, worked out by hand: country + '-' + the name lower-cased,
    accents removed, every run of other characters (spaces, plain or typographic apostrophes, hyphens)
    replaced by '-'."""
    s = unicodedata.normalize("NFKD", re.sub(r"[’‘]", "'", name)).encode("ascii", "ignore").decode().lower()
    return f"{country}-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def assert_allowed_values(record: dict) -> None:
    """Every answer of a hand-written canonical record is one the schema allows: enumeration and
    several-answers codes, percentages 0-100."""
    from analysis import schema

    for name, value in record.items():
        f = schema.FIELDS_BY_NAME[name]
        if value is None:
            continue
        if f.kind == schema.ENUM:
            assert value in f.codes, (name, value)
        if f.kind == schema.MULTI:
            assert set(value.split(";")) <= set(f.codes) | {"other"}, (name, value)
        if f.kind == schema.PERCENT:
            assert 0 <= value <= 100, (name, value)
