"""Shared fixtures: every test gets its own DuckDB file; workbooks are generated in code with openpyxl."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.store import open_store  # noqa: E402

__all__ = ["ROOT"]


@pytest.fixture
def con(tmp_path):
    connection = open_store(tmp_path / "store.duckdb")
    yield connection
    connection.close()


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
