"""The conference deck and the HTML report, opened as PowerPoint and a browser would, built from eleven museums.

Geometry is read back with python-pptx; chart text sizes come from the SVG that the browser renders; the
deck is converted by LibreOffice, which must be installed (CI installs it): without it the test fails.
"""

import html
import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Inches

from analysis import export
from analysis.charts import catalogue
from analysis.__main__ import main
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import small_survey

# Museum ID, name, country, wave, % digitised, objects, digital budget (EUR a year), need: infrastructure (EUR)
ROWS = [["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 100_000, 1_000_000],
        ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, 3000, 50_000, 500_000],
        ["AT-3", "Linz Museum", "AT", "2025", 60, 2000, 80_000, 600_000],
        ["AT-4", "Salzburg Museum", "AT", "2025", 30, 1000, 20_000, 300_000],
        ["AT-5", "Tiroler Landesmuseum", "AT", "2025", 50, 1000, 40_000, 200_000],
        ["AT-6", "Vorarlberg Museum", "AT", "2025", 10, 2000, 60_000, 900_000],
        ["BE-1", "Museum aan de Stroom", "BE", "2025", 60, 500, 30_000, 400_000],
        ["BE-2", "Groeningemuseum", "BE", "2025", 70, 1500, 10_000, 250_000],
        ["BE-3", "Musée de la Boverie", "BE", "2025", 80, 2500, 20_000, 350_000],
        ["BE-4", "M Leuven", "BE", "2025", 50, 1000, 50_000, 450_000],
        ["BE-5", "Design Museum Gent", "BE", "2025", 45, 800, 15_000, 150_000]]
# skills-profile has no answers in these rows: it must be left out of the deck and named in the notes
KEYS = ["digitisation-by-country", "skills-profile", "shortfall-by-pillar"]
PICTURE = MSO_SHAPE_TYPE.PICTURE


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    con = open_store(folder / "store.duckdb")
    load_file(con, small_survey(folder / "survey.xlsx", ROWS))
    yield folder, con
    con.close()


@pytest.fixture(scope="module")
def charts(store):
    return catalogue.build(store[1], Filters(wave="2025"), KEYS)


@pytest.fixture(scope="module")
def deck(charts):
    return export.pptx_deck(charts, "Museum digitisation in Europe, wave 2025",
                            "11 museums in 2 countries, wave 2025, all types")


def _slides(deck: bytes):
    prs = Presentation(io.BytesIO(deck))
    return prs, list(prs.slides)


def _picture(page):
    [picture] = [shape for shape in page.shapes if shape.shape_type == PICTURE]
    return picture


def _notes(page) -> str:
    return page.notes_slide.notes_text_frame.text


def test_the_deck_is_16_9_with_a_title_slide_the_charts_that_show_something_and_a_closing_slide(deck, charts):
    prs, slides = _slides(deck)
    assert prs.slide_width * 9 == prs.slide_height * 16
    assert [c.empty for c in charts] == [False, True, False]
    shown = [c for c in charts if not c.empty]
    assert len(slides) == 1 + len(shown) + 1
    assert [s.shapes.title.text.replace("\u00a0", " ") for s in slides[1:-1]] == [c.title for c in shown]
    assert slides[-1].shapes.title.text == "Method, sources and caveats"
    assert all(_picture(s) for s in slides[1:-1])
    assert not any(shape.shape_type == PICTURE for shape in slides[0].shapes)


def test_empty_charts_are_left_out_and_named_in_the_title_slide_notes(deck, charts):
    _, slides = _slides(deck)
    [skills] = [c for c in charts if c.key == "skills-profile"]
    assert skills.title not in [s.shapes.title.text.replace("\u00a0", " ") for s in slides]
    assert f"{skills.title} [skills-profile]" in _notes(slides[0]).split("Left out, nothing to show")[1]


def test_title_box_spans_the_slide_above_the_picture_which_stays_inside_the_slide(deck):
    prs, slides = _slides(deck)
    width, height = prs.slide_width, prs.slide_height
    for page in slides[1:-1]:
        title, picture = page.shapes.title, _picture(page)
        assert 0 < title.left and title.left + title.width < width and title.top > 0
        assert title.width > 0.85 * width                       # across the 16:9 slide, not the 4:3 placeholder
        assert title.top + title.height <= picture.top          # entirely above the picture
        assert 0 <= picture.left and picture.left + picture.width <= width
        assert picture.top + picture.height <= height
        # centred, and drawn with the picture's own aspect
        assert abs(picture.left - (width - picture.left - picture.width)) <= Emu(2)
        png = picture.image.blob
        png_w, png_h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert picture.width / picture.height == pytest.approx(png_w / png_h, rel=0.01)


def test_titles_take_at_most_two_lines_at_their_size(deck):
    _, slides = _slides(deck)
    for page in slides[1:]:
        title = page.shapes.title
        [run] = title.text_frame.paragraphs[0].runs
        assert export.lines_at(title.text, title.width, run.font.size.pt) <= 2
        assert run.font.size.pt >= 16


def test_title_size_matches_what_libreoffice_wraps():
    """Observed in LibreOffice on a 13.33-inch slide with 0.5-inch margins: this title wraps into three lines at
    36 pt and into two at 32 pt."""
    title = "Museums need EUR 415.1 M and can fund EUR 100.2 M from their digital budgets: EUR 264.0 M short"
    assert export.title_fit(title, Inches(12.333)) == (32, 2)
    assert export.title_fit("Method, sources and caveats", Inches(12.333)) == (36, 1)


def test_titles_never_wrap_a_figure_away_from_its_unit():
    assert export.keep_figures("curator (48 %); EUR 90.3 M of n = 208") == \
        "curator (48\u00a0%); EUR\u00a090.3\u00a0M of n\u00a0=\u00a0208"


def test_every_slide_has_notes_and_chart_notes_are_caption_then_notes(deck, charts):
    _, slides = _slides(deck)
    assert all(_notes(page).strip() for page in slides)
    shown = [c for c in charts if not c.empty]
    for chart, page in zip(shown, slides[1:-1]):
        assert _notes(page).splitlines() == [chart.caption, *chart.notes]
    closing = _notes(slides[-1])
    for method in (c.method.removeprefix("Method:").strip() for c in shown):
        assert method in closing
    for source in ("EGMUS", "Recommendation (EU) 2021/1970", "NEMO", "2024", "11 museums in 2 countries"):
        assert source in closing
    assert "self-selected" in closing and "fewer than 5 answers" in closing


def test_notes_show_the_mean_and_the_shortfall_worked_out_by_hand(deck):
    mean = sum(row[4] for row in ROWS) / len(ROWS)                                   # 515 / 11 = 46.8
    shortfall = sum(max(0, row[7] - row[6] * 5) for row in ROWS)                     # budget x 5 years to 2030
    _, slides = _slides(deck)
    assert f"{mean:.1f} % digitised on average (unweighted, n = {len(ROWS)})" in _notes(slides[1])
    assert f"Total shortfall to 2030: EUR {shortfall / 1e6:.1f} M" in _notes(slides[2])     # 2,725,000: EUR 2.7 M


def test_chart_text_on_slides_is_at_least_18_px_on_a_1920_px_slide(deck, charts):
    """The sizes the browser actually draws (SVG font-size), at the layout width the deck uses for the picture."""
    prs, slides = _slides(deck)
    for chart, page in zip([c for c in charts if not c.empty], slides[1:-1]):
        picture = _picture(page)
        figure = export.without_title(chart.figure)
        width, height, scale = export.picture_size(figure, picture.width, picture.height, prs.slide_width)
        svg = export.image(figure, "svg", (width, height)).decode()
        sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg)]
        shown_px = picture.width / prs.slide_width * 1920
        assert min(sizes) * shown_px / width >= 18 - 0.01, chart.key
        assert scale == pytest.approx(shown_px / width)


def test_picture_size_puts_the_smallest_text_at_18_px():
    """A figure whose smallest text is a 10 px annotation, for a box 8 of 13.33 inches wide: on a 1920 px slide
    the box is 8 / 13.333 x 1920 = 1152 px, so the figure is laid out 10 x 1152 / 18 = 640 px wide."""
    import plotly.graph_objects as go

    fig = go.Figure(layout={"font": {"size": 14}})
    fig.add_annotation(text="note", font={"size": 10})
    assert export.smallest_font(fig) == 10
    width, height, scale = export.picture_size(fig, Inches(8), Inches(4), Inches(13.333))
    assert (width, height) == (640, 320)
    assert scale == pytest.approx(1152 / 640, rel=1e-3)
    styled = go.Figure(layout={"title": {"text": "A<br><span style='font-size:9px'>small</span>"}})
    assert export.smallest_font(styled) == 9                    # inline HTML sizes count too
    assert export.smallest_font(go.Figure()) == 12              # plotly's default


def test_a_branded_template_lends_its_layouts_but_the_title_box_is_still_placed(charts):
    brand = Presentation()
    brand.slide_width, brand.slide_height = Inches(13.333), Inches(7.5)
    brand.slide_layouts[5].element.cSld.set("name", "Brand title only")
    buffer = io.BytesIO()
    brand.save(buffer)
    prs, slides = _slides(export.pptx_deck(charts, "Deck", "11 museums", template=buffer.getvalue()))
    assert {page.slide_layout.name for page in slides[1:]} == {"Brand title only"}
    for page in slides[1:-1]:
        title = page.shapes.title
        assert (title.left, title.width) == (Inches(0.5), prs.slide_width - Inches(1))
        assert title.top + title.height <= _picture(page).top


def test_libreoffice_renders_one_16_9_page_per_slide(deck):
    if not export.pdf_available():
        pytest.fail("LibreOffice (soffice) not found: install it with "
                    "`apt-get install -y --no-install-recommends libreoffice-impress` (CI does).", pytrace=False)
    pdf = export.pdf_from_pptx(deck).decode("latin-1")
    pages = re.findall(r"/Type\s*/Page\b", pdf)
    assert len(pages) == len(_slides(deck)[1])
    [(w, h)] = {(float(w), float(h)) for w, h in re.findall(r"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)}
    assert w / h == pytest.approx(16 / 9, rel=0.001)


def test_html_report_is_self_contained_with_alt_text_and_notes(charts):
    report = export.html_report(charts, "Museum survey", "11 museums in 2 countries, wave 2025, all types")
    assert not re.search(r"<script[^>]+src=", report)
    shown = [c for c in charts if not c.empty]
    assert report.count("Plotly.newPlot") == len(shown)
    for chart in shown:
        assert chart.alt in report
        assert all(html.escape(note) in report for note in chart.notes)
    [skills] = [c for c in charts if c.empty]
    assert "Left out, nothing to show" in report and skills.title in report
    assert "Recommendation (EU) 2021/1970" in report


def test_cli_writes_a_deck_and_a_report(store, tmp_path, capsys):
    folder, _ = store
    db = tmp_path / "cli.duckdb"
    assert main(["load", str(folder / "survey.xlsx"), "--db", str(db)]) == 0
    capsys.readouterr()

    out = tmp_path / "talk.pptx"
    assert main(["deck", str(out), "--db", str(db), "--charts", "digitisation-by-country,skills-profile"]) == 0
    printed = capsys.readouterr().out
    _, slides = _slides(out.read_bytes())
    assert len(slides) == 3                                    # title, one chart, closing
    assert f"wrote {out}: 3 slides" in printed
    assert "left out, nothing to show: skills-profile" in printed
    assert "wave 2025" in slides[0].shapes.title.text          # the latest wave by default

    report = tmp_path / "austria.html"
    assert main(["report", str(report), "--db", str(db), "--country", "at"]) == 0
    assert "6 museums, Austria, wave 2025" in report.read_text(encoding="utf-8")   # AT-1 .. AT-6


def test_cli_rejects_unknown_chart_keys_and_lists_the_valid_ones(store, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        main(["deck", str(tmp_path / "x.pptx"), "--charts", "digitisation-by-country,pie-of-everything"])
    message = str(stopped.value.code)
    assert "unknown chart key: pie-of-everything" in message
    assert all(key in message for key in catalogue.CHARTS)
    assert not (tmp_path / "x.pptx").exists()
