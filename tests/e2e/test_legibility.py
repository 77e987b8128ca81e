"""Issue #22, legible pages: on every explore page and on every Present slide, at 1440x900 and 1920x1080, no chart
text overlaps other text of its chart, no chart text is cut off (by the figure's edge or by the plot area's clip),
and no st.metric label or value is truncated. Measured in the browser, on the real app (Debian chromium, `-m e2e`):

    PYTHONPATH=. .venv/bin/python -m pytest tests/e2e/test_legibility.py -q -m e2e -s

Screenshots of each page and of each chart are written to the test's temp folder and their paths printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.charts import catalogue
from tests.e2e.conftest import LOAD_TIMEOUT_MS, ROOT, TITLE, open_idle, require, running_app, shoot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"1440x900": {"width": 1440, "height": 900}, "1920x1080": {"width": 1920, "height": 1080}}
# (name, path with query, page heading): the explore pages of app.py, and the breakdowns their controls offer
PAGES = [("overview", "", TITLE), ("digitisation", "digitisation", "Digitisation"),
         ("digitisation-by-type", "digitisation?by=Museum+type", "Digitisation"),
         ("skills", "skills", "Digital skills and AI readiness"),
         ("funding", "funding", "Funding need and shortfall"),
         ("funding-by-type", "funding?by=Type", "Funding need and shortfall"),
         ("funding-by-size", "funding?by=Size", "Funding need and shortfall"),
         ("map", "map", "Europe map"), ("methodology", "methodology", "Methodology"),
         ("scenarios", "scenarios", "Investment scenarios"),
         ("scenarios-smallest-first-by-size", "scenarios?rule=Smallest+shortfalls+first&budget=20&by=Size",
          "Investment scenarios")]
SLACK_PX = 2        # glyph boxes of neighbouring lines may touch; more than this in both directions is an overlap

# Every visible <text> of every drawn plotly chart, with its box clipped to what the browser shows; texts a clip
# path hides entirely are not shown, texts it hides in part are cut off. Multi-line texts are one <text> element
# (one <tspan> per line), so lines of one text never count as overlapping each other.
MEASURE_CHARTS = """(slack) => {
  const shown = (el, svg) => {
    for (let e = el; e && e !== svg.parentNode; e = e.parentNode) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
    }
    const s = getComputedStyle(el);
    return parseFloat(s.fillOpacity) !== 0 && s.fill !== 'none' && !/rgba\\(.*,\\s*0\\)$/.test(s.fill);
  };
  const clipOf = (el) => {                       // the nearest clip path, as a box on screen
    for (let e = el; e && e.getAttribute; e = e.parentNode) {
      const ref = e.getAttribute('clip-path');
      const id = ref && ref.match(/#([^'")]+)/);
      const rect = id && document.getElementById(id[1])?.querySelector('rect');
      if (!rect) continue;
      const m = e.getScreenCTM(), x = rect.x.baseVal.value, y = rect.y.baseVal.value;
      const p = new DOMPoint(x, y).matrixTransform(m);
      const q = new DOMPoint(x + rect.width.baseVal.value, y + rect.height.baseVal.value).matrixTransform(m);
      return {l: Math.min(p.x, q.x), t: Math.min(p.y, q.y), r: Math.max(p.x, q.x), b: Math.max(p.y, q.y)};
    }
    return null;
  };
  const kindOf = (el) => {
    const g = el.closest('.xtick, .ytick, .g-xtitle, .g-ytitle, .g-gtitle, .legend, .annotation, .point, .textpoint,'
                         + ' .colorbar, .g-title, .infolayer > g');
    return (el.getAttribute('class') || (g && g.getAttribute('class')) || 'text').split(' ')[0];
  };
  const out = [];
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart, index) => {
    const svgs = chart.querySelectorAll('svg.main-svg');
    if (!svgs.length) return;
    const s = svgs[0].getBoundingClientRect(), c = chart.getBoundingClientRect();
    if (s.width === 0 || s.height === 0) return;                    // in a hidden tab
    const box = {l: Math.max(s.left, c.left), t: Math.max(s.top, c.top),
                 r: Math.min(s.right, c.right), b: Math.min(s.bottom, c.bottom)};
    const heading = chart.querySelector('.gtitle');
    const title = ((heading && (heading.querySelector('tspan.line') || heading).textContent) || '').trim();
    const texts = [], cut = [];
    chart.querySelectorAll('svg.main-svg text').forEach((el) => {
      const lines = el.querySelectorAll('tspan.line');
      const text = (lines.length ? [...lines].map((l) => l.textContent).join(' / ') : el.textContent)
        .replace(/\\s+/g, ' ').trim();
      const svg = el.ownerSVGElement;
      if (!text || !shown(el, svg)) return;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return;
      let b = {l: r.left, t: r.top, r: r.right, b: r.bottom};
      const clip = clipOf(el);
      if (clip) {
        const v = {l: Math.max(b.l, clip.l), t: Math.max(b.t, clip.t), r: Math.min(b.r, clip.r),
                   b: Math.min(b.b, clip.b)};
        if (v.r - v.l < 1 || v.b - v.t < 1) return;                // clipped away entirely: not shown
        if (v.l - b.l > slack || b.r - v.r > slack || v.t - b.t > slack || b.b - v.b > slack)
          cut.push({text, kind: kindOf(el), by: 'plot-area clip'});
        b = v;
      }
      const over = {left: box.l - b.l, right: b.r - box.r, top: box.t - b.t, bottom: b.b - box.b};
      const side = Object.keys(over).reduce((x, y) => (over[x] >= over[y] ? x : y));
      if (over[side] > slack)
        cut.push({text, kind: kindOf(el), by: `chart's ${side} edge`, px: Math.round(over[side])});
      texts.push({text, kind: kindOf(el), ...b});
    });
    const overlaps = [];
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], z = texts[j];
        const w = Math.min(a.r, z.r) - Math.max(a.l, z.l), h = Math.min(a.b, z.b) - Math.max(a.t, z.t);
        if (w > slack && h > slack)
          overlaps.push({a: a.text, a_kind: a.kind, b: z.text, b_kind: z.kind, px: [Math.round(w), Math.round(h)]});
      }
    out.push({index, title, texts: texts.length, overlaps, cut});
  });
  return out;
}"""

# st.metric labels and values that the browser shortens: a box that clips its overflow (Streamlit's ellipsis) and
# whose text, measured exactly (a Range, not the rounded scrollWidth), is wider or taller than the box's content.
MEASURE_METRICS = """() => {
  const clips = (e) => {
    const s = getComputedStyle(e);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') return false;
    const range = document.createRange();
    range.selectNodeContents(e);
    const text = range.getBoundingClientRect(), box = e.getBoundingClientRect();
    const wide = box.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth)
                 - parseFloat(s.borderRightWidth);
    const tall = box.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
    return text.width > wide + 0.5 || text.height > tall + 0.5;
  };
  const out = [];
  document.querySelectorAll('[data-testid="stMetric"]').forEach((metric) => {
    if (!metric.getClientRects().length) return;
    metric.querySelectorAll('[data-testid="stMetricLabel"], [data-testid="stMetricValue"]').forEach((part) => {
      const text = part.textContent.trim();
      if ([part, ...part.querySelectorAll('*')].some(clips) || /…|\\.\\.\\.$/.test(text))
        out.push({part: part.dataset.testid, text});
    });
  });
  return out;
}"""

# Chart texts move until plotly's automargin and Streamlit's width pass are done: wait until every chart on show
# (a chart in a tab just opened included) has its size, and for three equal readings of all chart texts.
SETTLED = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const sized = charts.filter((c) => c.offsetParent !== null).every((c) => {
    const svg = c.querySelector('svg.main-svg');
    return svg && svg.getBoundingClientRect().width > 0;
  });
  const sig = charts.flatMap((c) => [...c.querySelectorAll('svg.main-svg text')]).map((t) => {
    const r = t.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  }).join('|');
  window.__legibilityRuns = sig === window.__legibilitySig ? (window.__legibilityRuns || 0) + 1 : 0;
  window.__legibilitySig = sig;
  return sized && document.fonts.status === 'loaded' && window.__legibilityRuns >= 3;
}"""


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("legibility")


@pytest.fixture(scope="module")
def bundled_app(tmp_path_factory) -> str:
    """The app on the bundled sample survey (data/sample_survey.xlsx, what `make run` serves): about 500 museums a
    wave, so the per-country charts are full, where the 120 museums of `app_server` leave most of them empty."""
    from analysis.loading.upload import load_file
    from analysis.store import open_store

    work = tmp_path_factory.mktemp("legibility-store")
    con = open_store(work / "store.duckdb")
    try:
        assert load_file(con, ROOT / "data" / "sample_survey.xlsx")["status"] == "committed"
    finally:
        con.close()                     # one process per DuckDB file: the server opens it next
    with running_app(work / "store.duckdb", work / "streamlit.log") as url:
        yield url


@pytest.fixture(params=["bundled", "small"])
def store(request) -> tuple[str, str]:
    """(store name, the app's URL): the bundled sample, and the generated 120 museums with their empty states."""
    return request.param, (request.getfixturevalue("bundled_app") if request.param == "bundled"
                           else request.getfixturevalue("app_server").url)


@pytest.fixture(params=list(VIEWPORTS))
def viewport_page(request, chromium: Browser | None):
    """(viewport name, a fresh page of that size)."""
    browser = require(chromium)
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    try:
        yield request.param, context.new_page()
    finally:
        context.close()


def _settle(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                           timeout=LOAD_TIMEOUT_MS)
    charts = page.get_by_test_id("stPlotlyChart")
    for i in range(charts.count()):
        expect(charts.nth(i).locator("svg.main-svg").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.wait_for_function(SETTLED, polling=100, timeout=LOAD_TIMEOUT_MS)


def _measure(page: Page, where: str, shots: Path) -> tuple[list[str], int]:
    """Problems on the page as it is now, one line each naming `where` and the chart; and the charts measured."""
    _settle(page)
    problems = []
    charts = page.evaluate(MEASURE_CHARTS, SLACK_PX)
    for chart in charts:
        name = f"{where}, chart {chart['index'] + 1} '{chart['title'][:90]}'"
        problems += [f"{name}: overlap {o['px']} px of {o['a_kind']} {o['a']!r} and {o['b_kind']} {o['b']!r}"
                     for o in chart["overlaps"]]
        problems += [f"{name}: {c['kind']} {c['text']!r} cut off by the {c['by']}"
                     + (f" ({c['px']} px)" if "px" in c else "") for c in chart["cut"]]
        page.get_by_test_id("stPlotlyChart").nth(chart["index"]).screenshot(
            path=str(shots.with_name(f"{shots.name}-chart{chart['index'] + 1}.png")))
    problems += [f"{where}: st.metric {m['part'].removeprefix('stMetric').lower()} {m['text']!r} is truncated"
                 for m in page.evaluate(MEASURE_METRICS)]
    assert all(chart["texts"] for chart in charts), f"{where}: a chart without any text measured: {charts}"
    return problems, len(charts)


# What the measurements must find: plotly's structure in miniature, with two tick labels that overlap, an axis title
# running off the chart, a two-line title (one <text>: its lines are not an overlap), a text at opacity 0 sitting
# on a tick label (not shown: not an overlap), and a metric label that Streamlit's ellipsis shortens.
KNOWN_FAULTS = """
<div data-testid="stPlotlyChart" style="width: 300px">
  <svg class="main-svg" width="300" height="140" style="font: 16px Arial">
    <g class="g-gtitle"><text class="gtitle" x="10" y="20"><tspan class="line" x="10">A finding</tspan>
      <tspan class="line" x="10" dy="20">on two lines</tspan></text></g>
    <g class="xtick"><text x="40" y="100">0 % (fully funded)</text></g>
    <g class="xtick"><text x="90" y="104">0-25 %</text></g>
    <g class="xtick"><text x="200" y="100">50 %</text></g>
    <g class="g-xtitle"><text class="xtitle" x="120" y="130">Shortfall per museum (EUR millions)</text></g>
    <text x="200" y="100" style="opacity: 0">hidden</text>
  </svg>
</div>
<div data-testid="stMetric" style="width: 120px">
  <label data-testid="stMetricLabel"><div style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap">
    A label far too long for its column</div></label>
  <div data-testid="stMetricValue"><div style="overflow: hidden; white-space: nowrap">12 %</div></div>
</div>
"""


def test_the_measurements_find_overlaps_cut_off_text_and_truncated_metrics(chromium: Browser | None):
    """The instrument itself: it reports exactly the faults planted in KNOWN_FAULTS, and nothing else."""
    context = require(chromium).new_context(viewport=VIEWPORTS["1440x900"])
    try:
        page = context.new_page()
        page.set_content(KNOWN_FAULTS)
        [chart] = page.evaluate(MEASURE_CHARTS, SLACK_PX)
        assert chart["title"] == "A finding" and chart["texts"] == 5
        assert [(o["a"], o["b"]) for o in chart["overlaps"]] == [("0 % (fully funded)", "0-25 %")]
        assert [(c["text"], c["by"]) for c in chart["cut"]] == [("Shortfall per museum (EUR millions)",
                                                                  "chart's right edge")]
        assert page.evaluate(MEASURE_METRICS) == [{"part": "stMetricLabel",
                                                   "text": "A label far too long for its column"}]
    finally:
        context.close()


@pytest.mark.parametrize("name, path, title", PAGES, ids=[p[0] for p in PAGES])
def test_explore_page_text_is_legible(store, viewport_page, screens: Path, name, path, title):
    (data, url), (viewport, page) = store, viewport_page
    where, shots = f"{name} ({data} store) at {viewport}", screens / f"{name}-{data}-{viewport}"
    open_idle(page, f"{url}/{path}", title)
    try:
        problems, measured = _measure(page, where, shots)
        tabs = page.get_by_test_id("stMain").get_by_role("tab")
        for i in range(1, tabs.count()):             # charts in the other tabs are drawn once their tab is shown
            tabs.nth(i).click()
            found, count = _measure(page, f"{where}, tab '{tabs.nth(i).inner_text()}'",
                                    shots.with_name(f"{shots.name}-tab{i}"))
            problems += found
            measured += count
        assert measured, f"{where}: no chart drawn"
        assert not problems, f"{len(problems)} legibility problems:\n" + "\n".join(problems)
    finally:
        shoot(page, shots.with_suffix(".png"))


@pytest.mark.parametrize("mode", ["page", "presentation"])
def test_present_slides_are_legible(bundled_app: str, viewport_page, screens: Path, mode: str):
    """Every chart of the catalogue that has something to show, as a slide, stepped through with Next: on the
    page, and in presentation mode (no menus, the chart as tall as the screen allows)."""
    viewport, page = viewport_page
    query = [("deck", chart.label) for chart in catalogue.CHARTS.values()]
    open_idle(page, f"{bundled_app}/present?{urlencode(query + [('present', 'true')] * (mode == 'presentation'))}",
              "Present" if mode == "page" else None)
    counter = page.get_by_text(re.compile(r"^Slide \d+ of \d+$"))
    expect(counter).to_have_text(re.compile(r"^Slide 1 of "), timeout=LOAD_TIMEOUT_MS)
    total = int(counter.inner_text().rsplit(" ", 1)[1])
    problems = []
    try:
        for slide in range(1, total + 1):
            if slide > 1:
                page.get_by_role("button", name=re.compile(r"^Next")).click()
                expect(counter).to_have_text(f"Slide {slide} of {total}", timeout=LOAD_TIMEOUT_MS)
            _settle(page)                            # the run that drew the counter also draws the heading
            heading = page.get_by_test_id("stMain").get_by_role("heading", level=2).first.inner_text()
            found, measured = _measure(page, f"present ({mode}) slide {slide} '{heading[:70]}' at {viewport}",
                                       screens / f"present-{mode}-{viewport}-slide{slide}")
            assert measured == 1, f"present ({mode}) slide {slide} at {viewport}: {measured} charts drawn"
            problems += found
        assert total >= len(catalogue.DEFAULT_DECK)
        assert not problems, f"{len(problems)} legibility problems:\n" + "\n".join(problems)
    finally:
        shoot(page, screens / f"present-{mode}-{viewport}.png")
