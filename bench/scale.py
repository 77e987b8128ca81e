"""Scale benchmark: every aggregate the pages call at 1k .. 1M response rows under three filters, every page
warm through AppTest at 1M rows, every explore page's websocket payload in a real browser, and CLI start-up.

Used by bench/run.py (sections `aggregates`, `pages`, `payloads`, `cli`); every function returns plain data
that run.py stores as JSON and writes into bench/RESULTS.md.

The stores are built through the one write path (`store.commit_upload`, one upload per tile of ~9,800
generated rows with suffixed museum ids, plus a last upload that re-answers 1,000 museums of the first tile,
so some rows are superseded), not by bulk inserts that bypass it.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis import store
from analysis.store import snapshots
from analysis.figures import metrics
from analysis.figures.filters import Filters
from analysis.loading.sample import generate_sample

ROOT = Path(__file__).resolve().parent.parent
SEED = 2025
TILE_MUSEUMS = 7_000                 # ~9,800 rows (two waves) per tile
CORRECTION_ROWS = 1_000              # re-answered by the last upload (supersedes earlier rows)
NATIONAL_COUNTRY, NATIONAL_ROWS = "DE", 50   # a national file committed into (and retracted from) the big store
FILTERS = {"none": Filters(), "wave 2025": Filters(wave="2025"),
           "wave 2025 + DE": Filters(wave="2025", countries=("DE",))}
QUERY_REPEATS = 5                    # median of 5 after one warm-up (as issue #17 measured)
PAGES = tuple(sorted(p.stem for p in (ROOT / "views").glob("*.py")))
EXPLORE = tuple(p for p in PAGES if p not in ("upload", "history", "targets", "registers"))   # + present
NAIVE_SQL = ("SELECT country, count(*), avg(pct_digitised), sum(collection_objects) FROM responses WHERE {where} "
             "GROUP BY 1")


def median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def _tile() -> pd.DataFrame:
    base = generate_sample(TILE_MUSEUMS, SEED).sample(frac=1, random_state=SEED).reset_index(drop=True)
    base["_sheet"], base["_row"], base["museum_id_generated"] = "Survey", range(2, len(base) + 2), False
    return base


def build_store(path: Path, rows: int) -> tuple[float, int]:
    """A store of `rows` response rows committed through store.commit_upload; returns (seconds, uploads)."""
    base = _tile()
    con = store.open_store(path)
    t, uploads, done, i = time.perf_counter(), 0, 0, 0
    wanted = rows - CORRECTION_ROWS if rows > 10 * CORRECTION_ROWS else rows
    while done < wanted:
        part = base.iloc[: wanted - done].copy()
        part["museum_id"] = part["museum_id"] + f"-t{i}"
        _commit(con, part, f"tile-{i}")
        done, i, uploads = done + len(part), i + 1, uploads + 1
    if wanted < rows:                              # re-answer museums of the first tile: later rows supersede
        part = base.iloc[:CORRECTION_ROWS].copy()
        part["museum_id"] = part["museum_id"] + "-t0"
        part["pct_digitised"] = (part["pct_digitised"] + 1).clip(upper=100 - part["pct_no_need_digitise"].fillna(0))
        _commit(con, part, "correction")
        uploads += 1
    seconds = time.perf_counter() - t
    con.close()
    return seconds, uploads


def _commit(con, frame: pd.DataFrame, name: str) -> int:
    result = store.commit_upload(con, frame, filename=f"{name}.xlsx",
                                 sha256=hashlib.sha256(name.encode()).hexdigest(), sheets=["Survey"],
                                 user="bench", warnings=[], report={})
    assert result.status == "committed", result
    return result.upload_id


def national_writes(db: Path, rounds: int = 3) -> dict:
    """Seconds to commit one country's answers (NATIONAL_ROWS museums new to the store) into a copy of `db`, and to
    retract them again, on an open connection; and the whole write an analyst waits for (`published`): the store
    opened for writing, the commit, and the new snapshot the pages read (a copy of the whole store file)."""
    copy = db.with_name(f"{db.stem}-writes.duckdb")
    shutil.copy(db, copy)
    part = _tile().query(f"country == '{NATIONAL_COUNTRY}'").head(NATIONAL_ROWS).copy()
    part["museum_id"] = part["museum_id"] + "-national"
    con = store.open_store(copy)
    commits, retractions, published = [], [], []
    for i in range(rounds):
        t = time.perf_counter()
        upload = _commit(con, part, f"national-{i}")
        commits.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.retract_upload(con, upload, user="bench")
        retractions.append(time.perf_counter() - t)
    con.close()
    for i in range(rounds):
        t = time.perf_counter()
        with store.writing(copy) as con:
            _commit(con, part.assign(museum_id=part["museum_id"] + f"-{i}"), f"national-published-{i}")
        published.append(time.perf_counter() - t)
    size = copy.stat().st_size / 1e6
    shutil.rmtree(snapshots.folder(copy))
    copy.unlink()
    return {"rows": len(part), "country": NATIONAL_COUNTRY, "commit": commits, "retract": retractions,
            "published": published, "store_mb": size}


# --- which aggregates the pages call --------------------------------------------------------------------
def _public(module) -> dict:
    """Functions of `module` taking the connection first, including those it re-exports from its own package."""
    out = {}
    for name, fn in vars(module).items():
        if name.startswith("_") or not inspect.isfunction(fn) or not fn.__module__.startswith("analysis."):
            continue
        params = list(inspect.signature(fn).parameters)
        if params and params[0] == "con":
            out[name] = fn
    return out


WRITES = {"commit_upload", "retract_upload", "replace_targets", "save_mapping", "commit_register", "backup",
          "migrate"}


def page_calls(db: Path) -> list[tuple[str, str, tuple]]:
    """(module, function, arguments after the connection and filters) of every distinct top-level call the
    pages make into analysis.figures.metrics and analysis.store reads, recorded by rendering each page through
    AppTest with its default widgets. `Filters` arguments are replaced by the marker "F"."""
    from streamlit.testing.v1 import AppTest
    import streamlit as st

    seen: dict[tuple, None] = {}
    depth = [0]
    originals = []

    def wrap(module, name, fn):
        @functools.wraps(fn)            # keeps the name ui.state caches each aggregate under
        def recorder(con, *args, **kwargs):
            if depth[0] == 0:
                rest = tuple("F" if isinstance(a, Filters) else a for a in args)
                if kwargs.get("filters") is not None:
                    rest = ("F",)
                seen[(module.__name__.split(".")[-1], name, rest)] = None
            depth[0] += 1
            try:
                return fn(con, *args, **kwargs)
            finally:
                depth[0] -= 1
        return recorder

    for module in (metrics, store):
        for name, fn in _public(module).items():
            if name in WRITES:
                continue
            originals.append((module, name, fn))
            setattr(module, name, wrap(module, name, fn))
    os.environ["MUSEUM_DB"] = str(db)
    try:
        for page in PAGES:
            st.cache_data.clear()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            at.run()
            at.switch_page(f"views/{page}.py").run()
            for tab in list(at.tabs)[1:]:              # a page draws only its open tab: open each in turn
                at.query_params["tab"] = tab.label
                at.run()
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
        _release()
    return list(seen)


def _release() -> None:
    """Drop the app's cached store connection: DuckDB lets one process hold the file, and the browser
    measurements start the app in another."""
    import gc

    import streamlit as st

    st.cache_resource.clear()
    gc.collect()


def call(con, module: str, name: str, args: tuple, filters: Filters):
    fn = getattr(metrics if module == "metrics" else store, name)
    if name == "summary" and args == ("F",):
        return fn(con, filters=filters)
    return fn(con, *(filters if a == "F" else a for a in args))


def time_calls(db: Path, calls: list[tuple], filter_names=tuple(FILTERS), repeats: int = QUERY_REPEATS) -> dict:
    """Median ms of each call under each filter (calls without filters: once), and of the naive group-by."""
    con = store.open_store(db)
    out = {"naive": {}, "calls": {}}
    try:
        for fname in filter_names:
            where, params = FILTERS[fname].where()
            sql = NAIVE_SQL.format(where=where)
            con.execute(sql, params).fetchall()
            out["naive"][fname] = median_ms([_t(lambda: con.execute(sql, params).fetchall()) for _ in range(repeats)])
        for module, name, args in calls:
            label = f"{module}.{name}" + (f"({', '.join(repr(a) for a in args if a != 'F')})"
                                          if any(a != "F" for a in args) else "")
            scopes = filter_names if "F" in args else ("-",)
            row = {}
            for fname in scopes:
                filters = FILTERS.get(fname, Filters())
                call(con, module, name, args, filters)                        # warm-up
                row[fname] = median_ms([_t(lambda: call(con, module, name, args, filters)) for _ in range(repeats)])
            out["calls"][label] = row
    finally:
        con.close()
    return out


def _t(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


# --- pages through AppTest ---------------------------------------------------------------------------
def page_times(db: Path, warm_repeats: int = 3) -> dict:
    """Seconds per page through app.py: first render with cold caches, then the median warm re-render."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["MUSEUM_DB"] = str(db)
    out = {}
    for page in PAGES:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.switch_page(f"views/{page}.py")
        cold = _t(at.run)
        warm = [_t(at.run) for _ in range(warm_repeats)]
        out[page] = {"cold": cold, "warm": statistics.median(warm)}
        if at.exception:                           # measured all the same, and named in the report
            out[page]["error"] = at.exception[0].message.splitlines()[0][:200]
    _release()
    return out


# --- websocket payload in a real browser ---------------------------------------------------------------
def payloads(db: Path) -> dict:
    """Bytes the browser receives per explore page, first render in a fresh session: websocket frames and any
    other response (e.g. a static file) the page fetches; and for the map, a second render (another metric)."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, running_app

    out = {}
    with tempfile.TemporaryDirectory() as tmp, running_app(db, Path(tmp) / "streamlit.log") as url, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for page_name in EXPLORE:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            received = {"ws": 0, "http": {}}
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda payload: received.__setitem__("ws", received["ws"] + len(payload))))
            page.on("response", lambda r: received["http"].__setitem__(r.url, _body_size(r)))
            path = "" if page_name == "overview" else page_name
            page.goto(f"{url}/{path}")
            page.locator("[data-testid=stHeading], .js-plotly-plot").first.wait_for(timeout=300_000)
            _wait_idle(page, received)
            first_ws = received["ws"]
            static = sum(v for k, v in received["http"].items() if "/app/static/" in k)
            row = {"ws_kb": first_ws / 1024, "static_kb": static / 1024}
            if page_name == "map":
                before = received["ws"]
                page.get_by_test_id("stSelectbox").filter(has_text="Metric").click()
                page.get_by_role("option").nth(2).click()
                _wait_idle(page, received)
                row["rerender_ws_kb"] = (received["ws"] - before) / 1024
                row["rerender_static_kb"] = (sum(v for k, v in received["http"].items() if "/app/static/" in k)
                                             - static) / 1024
            out[page_name] = row
            context.close()
        browser.close()
    return out


def _body_size(response) -> int:
    try:
        return len(response.body())
    except Exception:                              # redirects and aborted requests have no body
        return 0


def _wait_idle(page, received: dict) -> None:
    """Until the script has run to the end and no frame or file has arrived for two seconds."""
    from playwright.sync_api import expect

    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=300_000)
    page.wait_for_timeout(300)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=300_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=300_000)
    seen = None
    while seen != (received["ws"], len(received["http"])):
        seen = (received["ws"], len(received["http"]))
        page.wait_for_timeout(2000)


# --- the command line --------------------------------------------------------------------------------
def cli_times(db: Path, repeats: int = 7) -> dict:
    """Wall seconds of fresh `python -m analysis ...` processes (median), and a bare interpreter for scale."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "--help": [sys.executable, "-m", "analysis", "--help"],
                "summary --json": [sys.executable, "-m", "analysis", "summary", "--db", str(db), "--json"],
                "summary --wave 2023 --country DE FR": [sys.executable, "-m", "analysis", "summary", "--db", str(db),
                                                        "--wave", "2023", "--country", "DE", "FR"]}
    out = {}
    for label, cmd in commands.items():
        subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
        runs = []
        for _ in range(repeats):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
            runs.append(time.perf_counter() - t)
        out[label] = statistics.median(runs)
    imported = subprocess.run([sys.executable, "-c", "import sys, runpy; sys.argv = ['analysis', 'summary', "
                               f"'--db', {str(db)!r}, '--json']; import analysis.__main__ as m; m.main(sys.argv[1:]); "
                               "print('loaded:' + ','.join(sorted(k for k in sys.modules if k.split('.')[0] in "
                               "('streamlit', 'plotly', 'pandas', 'pyarrow', 'numpy', 'openpyxl', 'fastexcel', "
                               "'python_calamine', 'pptx', 'kaleido') and '.' not in k)))"],
                              env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    out["summary imports"] = imported.splitlines()[-1].removeprefix("loaded:") or "none of them"
    return out
