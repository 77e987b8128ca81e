"""End-to-end (issue #22): presentation mode in Debian chromium on a 1440x900 laptop and a 1920x1080 projector.
Every slide fits the window without scrolling and shows its counter; Right, PageDown and Space go forward, Left
and PageUp back (a presenter's clicker sends these), and not while the focus is in a text field.

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e/test_present_browser.py -q -m e2e -s

Screenshots of every slide at both sizes are written to the test's temp folder and their paths printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import LOAD_TIMEOUT_MS, ROOT, require, running_app

pytestmark = pytest.mark.e2e

MIN_LABEL_PX = 14
SLIDE = re.compile(r"^Slide \d+ of \d+$")
# Where each part of the slide is, and whether anything can scroll: Streamlit scrolls inside its own main
# container, so the document alone would always look as tall as the window.
LAYOUT_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height}; };
  const scrolls = [...document.querySelectorAll('*')].filter(e => /(auto|scroll)/.test(getComputedStyle(e).overflowY)
                                                               && e.scrollHeight > e.clientHeight + 1);
  const source = [...document.querySelectorAll('[data-testid=stCaptionContainer]')]
    .find(e => e.innerText.startsWith('Source:'));
  return {innerHeight: innerHeight, scrollHeight: document.scrollingElement.scrollHeight,
          scrolls: scrolls.map(e => e.getAttribute('data-testid') || e.tagName),
          counter: box([...document.querySelectorAll('strong')].find(e => /^Slide \\d+ of \\d+$/.test(e.innerText))),
          heading: box(document.querySelector('[data-testid=stMainBlockContainer] h2')),
          chart: box(document.querySelector('[data-testid=stPlotlyChart]')),
          source: box(source)};
}"""
LABELS_JS = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart] .yaxislayer-above .ytick text')]
  .map(t => { const r = t.getBoundingClientRect();
              return {text: t.textContent, top: r.top, bottom: r.bottom,
                      px: parseFloat(getComputedStyle(t).fontSize)}; })"""


@dataclass
class Deck:
    url: str
    slides: int                 # the default deck, every chart with something to show
    countries: int              # countries with 5 or more answers: the bars of the first slide


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Deck:
    """The app on the bundled sample workbook (the one `make run` loads): 700 museums, 27 countries with 5 or
    more answers in the latest wave, as in the issue's first slide."""
    from analysis.charts import catalogue
    from analysis.loading.upload import load_file
    from analysis.store import open_store

    work = tmp_path_factory.mktemp("e2e-present")
    db = work / "store.duckdb"
    con = open_store(db)
    try:
        assert load_file(con, ROOT / "data" / "sample_survey.xlsx")["status"] == "committed"
        countries = con.execute(
            "SELECT count(*) FROM (SELECT country FROM current_responses WHERE survey_wave = "
            "(SELECT max(survey_wave) FROM current_responses) AND pct_digitised IS NOT NULL GROUP BY country "
            "HAVING count(*) >= 5)").fetchone()[0]
    finally:
        con.close()                     # one process per DuckDB file: the server opens it next
    assert countries == 27
    with running_app(db, work / "streamlit.log") as url:
        yield Deck(url, len(catalogue.DEFAULT_DECK), countries)


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("present-screens")


@pytest.fixture
def window(chromium: Browser | None):
    """Opens a page in a browser window of the given size; the windows are closed after the test."""
    contexts = []

    def open_window(width: int, height: int) -> Page:
        contexts.append(require(chromium).new_context(viewport={"width": width, "height": height}))
        return contexts[-1].new_page()

    yield open_window
    for context in contexts:
        context.close()


def _counter(page: Page):
    return page.get_by_text(SLIDE)


def _idle(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                           timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)          # must not happen: a traceback


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-connection-state", "CONNECTED",
                                                           timeout=LOAD_TIMEOUT_MS)
    expect(_counter(page)).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)
    _idle(page)


def _press(page: Page, key: str, slide: int, deck: Deck) -> None:
    page.keyboard.press(key)
    expect(_counter(page)).to_have_text(f"Slide {slide} of {deck.slides}", timeout=LOAD_TIMEOUT_MS)
    _idle(page)


def _drawn(page: Page) -> None:
    """The chart has been drawn at the height the slide gives it (plotly redraws once the size is known)."""
    chart = page.get_by_test_id("stPlotlyChart")
    expect(chart.locator("svg.main-svg").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    expect(chart.locator("svg.main-svg").first).to_have_attribute(
        "height", re.compile(rf"^{int(chart.bounding_box()['height'])}(\.\d+)?$"), timeout=LOAD_TIMEOUT_MS)


@pytest.mark.parametrize("width,height", [(1440, 900), (1920, 1080)])
def test_every_slide_fits_the_screen(deck: Deck, window, screens: Path, width: int, height: int):
    page = window(width, height)
    _open(page, f"{deck.url}/present?present=true")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()              # menus are hidden in presentation mode
    for number in range(1, deck.slides + 1):
        if number > 1:
            _press(page, "ArrowRight", number, deck)
        _drawn(page)
        shot = screens / f"slide-{number}-{width}x{height}.png"
        page.screenshot(path=str(shot))
        print(f"\nscreenshot: {shot}")
        at = page.evaluate(LAYOUT_JS)
        assert at["scrollHeight"] <= at["innerHeight"], (number, at)
        assert at["scrolls"] == [], (number, at)                          # nothing scrolls inside either
        counter, heading, chart, source = at["counter"], at["heading"], at["chart"], at["source"]
        assert 0 <= counter["top"] and counter["bottom"] <= heading["top"], (number, at)
        assert heading["bottom"] <= chart["top"] and chart["bottom"] <= source["top"], (number, at)
        assert source["bottom"] <= at["innerHeight"], (number, at)
        # Must not happen: a chart squeezed to a sliver so that the rest fits.
        assert chart["height"] >= 0.6 * at["innerHeight"], (number, at)
        if number == 1:
            _every_country_labelled(page, deck)
    expect(page.get_by_role("button", name="Next")).to_be_disabled()


def _every_country_labelled(page: Page, deck: Deck) -> None:
    """The first slide has a bar per country: each keeps a label of 14 px or more, none on top of another."""
    labels = sorted(page.evaluate(LABELS_JS), key=lambda label: label["top"])
    assert len(labels) == deck.countries, [label["text"] for label in labels]
    assert min(label["px"] for label in labels) >= MIN_LABEL_PX
    for upper, lower in zip(labels, labels[1:]):
        assert upper["bottom"] <= lower["top"] + 0.5, (upper, lower)


def test_keys_and_clicker_step_through_the_deck(deck: Deck, window):
    page = window(1440, 900)
    _open(page, f"{deck.url}/present?present=true")
    expect(_counter(page)).to_have_text(f"Slide 1 of {deck.slides}")
    for key, slide in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        _press(page, key, slide, deck)
    # After a mouse click the focus stays on the Next button: Space must still move one slide, not two.
    page.get_by_role("button", name="Next").click()
    expect(_counter(page)).to_have_text(f"Slide 3 of {deck.slides}")
    _idle(page)
    _press(page, "Space", 4, deck)
    expect(_counter(page)).to_have_text(f"Slide 4 of {deck.slides}")       # still 4 once the app is idle
    # Esc leaves presentation mode, on the same slide.
    page.keyboard.press("Escape")
    expect(page.get_by_role("heading", name="Present")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    _idle(page)
    expect(_counter(page)).to_have_text(f"Slide 4 of {deck.slides}")
    assert "present=true" not in page.url


def test_keys_wait_while_typing_and_work_after_the_toggle(deck: Deck, window):
    page = window(1440, 900)
    _open(page, f"{deck.url}/present")
    field = page.get_by_test_id("stMainBlockContainer").get_by_test_id("stMultiSelect").locator("input")
    field.click()
    # In the deck picker's text field the keys belong to the field: the caret moves and Space types a space (had
    # the slide keys taken them, the caret would stay put and no space would appear). "zz" matches no chart, so
    # no option can be picked on the way. PageDown moves in the picker's list, not to the next slide.
    page.keyboard.type("zz")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("q")
    expect(field).to_have_value("z zq")
    page.keyboard.press("PageDown")
    _idle(page)
    expect(_counter(page)).to_have_text(f"Slide 1 of {deck.slides}")
    # Switching presentation mode on with the mouse must not leave the keys with the switch (Space would flip it).
    page.get_by_text("Presentation mode (hide menus)").click()
    expect(page.get_by_role("button", name="Exit")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    _idle(page)
    _press(page, "PageDown", 2, deck)
    _press(page, "Space", 3, deck)
    assert "present=true" in page.url
