"""Exports: the deck, images, HTML report and data downloads, opened and checked as a user's tools would."""

import io
import re

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

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


def test_pptx_deck_has_titles_pictures_footer_and_notes_with_the_figures(slides):
    deck = Presentation(io.BytesIO(export.pptx_deck(slides, "Museum survey 2025", "3 museums")))
    assert deck.slide_width * 9 == deck.slide_height * 16                      # 16:9
    assert len(deck.slides) == 3                                               # title + 2 charts
    assert deck.slides[0].shapes.title.text == "Museum survey 2025"
    chart_slides = list(deck.slides)[1:]
    assert [s.shapes.title.text for s in chart_slides] == [s.title for s in slides]
    for page in chart_slides:
        [picture] = [shape for shape in page.shapes if shape.shape_type == 13]
        assert picture.image.content_type == "image/png"
        assert _png_size(picture.image.blob) == export.SLIDE_PX
        assert any("Source: Museum digitisation survey; 3 museums in 2 countries, wave 2025" in shape.text_frame.text
                   for shape in page.shapes if shape.has_text_frame)
    notes = chart_slides[0].notes_slide.notes_text_frame.text
    assert "Mean share of collection digitised: 40.0 % (unweighted, n = 3)" in notes       # (40 + 20 + 60) / 3
    assert "Collection-weighted: 25.0 % of objects (n = 2)" in notes                       # (40*1000 + 20*3000) / 4000
    shortfall_notes = chart_slides[1].notes_slide.notes_text_frame.text
    # AT-1: 100k - 10k x 5 = 50k; AT-2: 50k - 5k x 5 = 25k; BE-1 has no budget.
    assert "Total shortfall to 2030: EUR 75,000 (n = 2)" in shortfall_notes


def test_png_and_svg_images(slides):
    png = export.image(slides[0].figure, "png", size=(800, 450))
    assert png.startswith(PNG) and _png_size(png) == (800, 450)
    svg = export.image(slides[0].figure, "svg", size=(800, 450)).decode()
    assert svg.lstrip().startswith("<svg") and 'width="800"' in svg


def test_html_report_works_offline(slides):
    report = export.html_report(slides, "Museum survey", "3 museums")
    assert not re.search(r"<script[^>]+src=", report)                        # plotly.js is inline
    assert report.count("Plotly.newPlot") == 2
    assert "Mean share of collection digitised: 40.0 %" in report


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
