"""Exports: images and data downloads, opened and checked as a user's tools would (decks and reports:
tests/test_deck.py)."""

import io

import openpyxl
import pandas as pd
import pytest

from analysis import export
from analysis.charts import catalogue
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import open_store
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
    monkeypatch.setattr(export.report.shutil, "which", lambda name: None)
    assert not export.pdf_available()
    with pytest.raises(export.PdfUnavailable, match="apt-get install -y libreoffice-impress"):
        export.pdf_from_pptx(b"deck")


# --- a machine without chromium: a clear way to install it, never a traceback -----------------------------
INSTALL = "apt-get install -y chromium"
FIVE = [[f"AT-{i}", f"Museum {i}", "AT", "2025", 10 * i, 1000, 10_000, 100_000] for i in range(1, 6)]


@pytest.fixture
def no_chromium(tmp_path, monkeypatch):
    """kaleido's browser lookup pointed at a program that does not exist (what a fresh machine looks like)."""
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))


@pytest.fixture
def five(tmp_path):
    """A store with five answers from one country: enough for the country chart to show its one bar."""
    db = tmp_path / "five.duckdb"
    con = open_store(db)
    load_file(con, small_survey(tmp_path / "five.xlsx", FIVE))
    yield db, con
    con.close()


def test_images_and_decks_say_how_to_install_chromium_when_it_is_missing(five, no_chromium):
    shown = [c for c in catalogue.build(five[1], Filters(wave="2025"), ["digitisation-by-country"]) if not c.empty]
    assert len(shown) == 1                                  # a deck with a chart picture to draw
    assert export.chromium() is None and not export.images_available()
    with pytest.raises(export.ChromiumUnavailable, match=INSTALL):
        export.image(shown[0].figure, "png")
    with pytest.raises(export.ChromiumUnavailable, match=INSTALL):
        export.pptx_deck(shown, "Deck", "wave 2025")


def test_the_chromium_lookup_finds_an_installed_program(tmp_path, monkeypatch):
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(program))
    assert export.chromium() == str(program)
    program.chmod(0o644)                                   # there, but not a program that can run
    assert export.chromium() is None


def _download(at, label: str):
    return next(d for d in at.get("download_button") if d.proto.label == label)


def test_export_buttons_are_off_and_say_how_to_install_chromium(five, monkeypatch, no_chromium):
    from tests.conftest import open_page

    db, con = five
    con.close()                                            # the app opens the store next
    at = open_page(monkeypatch, db, "views/digitisation.py")
    assert not at.exception
    at.session_state["digitisation-levels-data"] = True     # open the chart's "Data and downloads"
    at.run()
    assert _download(at, "PNG image").proto.disabled and _download(at, "SVG image").proto.disabled
    assert not _download(at, "CSV").proto.disabled and not _download(at, "XLSX").proto.disabled
    assert any(INSTALL in c.value for c in at.caption)
    at.switch_page("views/present.py").run()
    assert not at.exception
    assert _download(at, "PowerPoint (PPTX)").proto.disabled and _download(at, "PDF").proto.disabled
    assert not _download(at, "Interactive report (HTML)").proto.disabled
    assert any(INSTALL in c.value for c in at.caption)


def test_the_deck_command_says_how_to_install_chromium(five, tmp_path, no_chromium):
    from analysis.__main__ import main

    db, con = five
    con.close()
    with pytest.raises(SystemExit) as stop:
        main(["deck", str(tmp_path / "talk.pptx"), "--db", str(db), "--charts", "digitisation-by-country"])
    assert INSTALL in str(stop.value.code) and not (tmp_path / "talk.pptx").exists()
