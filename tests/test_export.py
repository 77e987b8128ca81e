"""Exports: images and data downloads, opened and checked as a user's tools would (decks and reports:
tests/test_deck.py)."""

import io

import openpyxl
import pandas as pd
import pytest

from analysis import catalogue, export
from analysis.filters import Filters
from analysis.pipeline import load_file
from tests.conftest import small_survey

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def slides(con, tmp_path):
    load_file(con, small_survey(tmp_path / "a.xlsx"))     # 3 museums: 40 %, 20 %, 60 % digitised
    return catalogue.build(con, Filters(wave="2025"), ["digitisation-by-country", "shortfall-by-pillar"])


def _png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_and_svg_images(slides):
    png = export.image(slides[0].figure, "png", size=(800, 450))
    assert png.startswith(PNG) and _png_size(png) == (800, 450)
    svg = export.image(slides[0].figure, "svg", size=(800, 450)).decode()
    assert svg.lstrip().startswith("<svg") and 'width="800"' in svg


def test_csv_and_xlsx_neutralise_formulas_but_keep_numbers():
    frame = pd.DataFrame({"museum": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "Plain"], "value": [1.5, 2, 3, 4, 5]})
    csv = export.to_csv(frame).decode("utf-8-sig").splitlines()
    assert csv[1:3] == ["\"'=HYPERLINK(\"\"x\"\")\",1.5", "'+1,2.0"]
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame, "Title", "caption")))
    ws = wb.active
    assert [ws.cell(r, 1).value for r in range(5, 10)] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "Plain"]
    assert ws.cell(5, 2).value == 1.5 and ws.cell(5, 2).data_type == "n"


def test_pdf_explains_how_to_install_libreoffice_when_missing(slides, monkeypatch):
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    assert not export.pdf_available()
    with pytest.raises(export.PdfUnavailable, match="apt-get install -y libreoffice-impress"):
        export.pdf_from_pptx(b"deck")
