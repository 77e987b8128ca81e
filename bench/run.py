"""Performance benchmark: ingest, every aggregate the pages call, pages, payloads and the command line, measured
against the goals of issue #17 (and the earlier ones still in force).

Run from the project root:   make bench   (or: PYTHONPATH=. .venv/bin/python bench/run.py [LABEL] [SECTION ...])
LABEL (default "after") names the stored measurements bench/results/LABEL.json; SECTION is any of
ingest, aggregates, pages, payloads, cli, deck, scenarios, replicas (default: all). bench/RESULTS.md is written from
bench/results/before.json and bench/results/after.json, so that both columns come from this script;
`bench/run.py report` rewrites it from them without measuring.
Seeded and self-contained: every input is generated into a temp dir. BENCH_QUICK=1: small sizes, stdout only.

It measures
  ingest      `loading.upload.load_file` end to end (read, map, normalise, validate, commit to a fresh DuckDB file)
              of a 70k-row survey as xlsx and as CSV, against a bare python-calamine parse of the same xlsx,
              `sqlite-utils insert --csv` of the same CSV (the yardstick of issue #17) and DuckDB's own
              read_csv; peak memory of a whole load (the process and its parsing child) against the bare
              parse's own peak; where the time goes (cProfile).
  aggregates  stores of 1k / 10k / 100k / 1M response rows built through `store.commit_upload`; every
              distinct call the pages make into analysis.figures.metrics and analysis.store (recorded by rendering each
              page through AppTest) timed at 1M rows under three filters (none; wave 2025; wave 2025 +
              Germany), each beside a naive group-by over the same rows; and every call at each size.
  pages       every page through AppTest (the real app.py) at 1M rows: first render with cold caches, warm.
  payloads    bytes a real browser (Debian chromium) receives per explore page: websocket frames and static
              files, first render in a fresh session, and a second render of the map.
  cli         wall time of fresh `python -m analysis` processes on the bundled sample store.
  deck        a 10-chart PPTX deck with a warm kaleido server (100k rows).
  scenarios   issue #18: a scenario and its curve (analysis.figures.scenarios.run: the allocation, every rule at the
              sum, 50 sums x 4 rules) at 100,000 museums, for each rule; its breakdowns; the extrapolation to the
              frame; and the per-museum fetch it starts from (metrics.scenario_inputs) at 100k response rows.
  replicas    issue #21: 100 browser sessions opening explore pages through nginx in front of 1 and 2 app servers
              while the command line loads more museums (bench/replicas.py): time to rendered, errors, which
              server, and whether the load is seen.
"""

from __future__ import annotations

import os

os.environ.setdefault("MUSEUM_MAX_CELLS", "12000000")  # 70k rows x 75 columns is above the 5M-cell upload limit

import cProfile  # noqa: E402
import csv  # noqa: E402
import datetime as dt  # noqa: E402
import importlib.metadata as md  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import duckdb  # noqa: E402
import fastexcel  # noqa: E402
import python_calamine  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis import limits  # noqa: E402
from analysis.figures.filters import Filters  # noqa: E402
from analysis.loading.upload import load_file  # noqa: E402
from analysis.loading.sample import generate_sample  # noqa: E402
from analysis.store import open_store  # noqa: E402
from analysis.export.template import write_template  # noqa: E402
from bench import replicas, scale  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
SEED = 2025
ROWS_PER_MUSEUM = 1.4                      # generate_sample yields ~1.4 rows (waves) per museum
INGEST_ROWS = 2_000 if QUICK else 70_000
STORE_ROWS = (1_000, 10_000) if QUICK else (1_000, 10_000, 100_000, 1_000_000)
BIG = STORE_ROWS[-1]
DECK_ROWS = 10_000 if QUICK else 100_000
INGEST_REPEATS, SQLITE_REPEATS, READ_CSV_REPEATS = (2, 1, 2) if QUICK else (5, 2, 5)
SECTIONS = ("ingest", "aggregates", "pages", "payloads", "cli", "deck", "scenarios", "replicas")
# Goals of issue #17
GOAL_AGG_MS, GOAL_PAGE_WARM_S, GOAL_MAP_KB, GOAL_PAGE_KB, GOAL_CLI_S = 50, 0.3, 60, 100, 0.3
GOAL_CSV_VS_XLSX, GOAL_CSV_VS_SQLITE_UTILS, GOAL_XLSX_VS_PARSE, GOAL_PEAK_VS_PARSE = 0.4, 20, 1.3, 1.3
GOAL_DECK_S = 5.0
GOAL_SCENARIO_MS = 300                     # issue #18: a scenario and its curve at SCENARIO_MUSEUMS museums
SCENARIO_MUSEUMS = 10_000 if QUICK else 100_000
SCENARIO_REPEATS = 7
# What changed (kept by hand: the change and what it was for; the figures are in the tables of the report).
CHANGES = """\
- Issue #17. Every derived per-answer figure is computed once, by the write path, into `museum_facts` (one row
  per current answer: classification, backlog, funding arithmetic, targets and gaps, the 3D milestones in force,
  the pace and on-track status, the answer in the museum's previous wave, and each several-answers question as
  one bit per option) and `fact_cells` (per combination of the filter columns: counts, sums and sums of squares of
  the columns the pages add up, and the per-row quantities some figures count). `museum_metrics`, `museum_base`
  and `response_choices` keep their names and columns as views. A commit or retraction recomputes the rows of
  the museums it touches and the cells their answers leave or enter; a target edit recomputes all; a store made
  before (or by another definition) is rebuilt when opened (migration 9, `derived_state`). Aggregates read
  `fact_cells` (a few thousand rows) for counts, sums, means, standard deviations and weighted means, and
  `museum_facts` for medians and quartiles (of percentages and ratings from counts per value): no view recomputed
  per query, no join on response-id strings, no UNION ALL or UNPIVOT copy of the rows, the sidebar's options and
  the waves from `fact_cells`, wave change and the 3D milestones without joins; coverage, weights and the
  population frame's figures count answers per stratum in SQL before joining the frame. The Scenarios page's
  per-museum fetches (the allocation's `scenario_inputs`, the outlook's and cost model's `digitisation_inputs`)
  read only the columns they use, each museum's groups as its fact_cells cell (one number, spelt out from the
  cells) and its commit order as one number kept by the write path, with no ORDER BY and no names (fetched only
  for the museums a table lists); the outlook's per-country sums come from SQL (`outlook_base`).
- Pages: the Europe map's outlines simplified (47 KB) and served as a static file the browser fetches once per
  session (the figure names it by address; exports keep them inline); one lean chart template (about 1 KB
  instead of plotly_white's 7 KB in every figure); each chart's data table and downloads built only when its
  expander is opened.
- Command line: the store and the headline figures import neither pandas nor pyarrow; every connection has
  DuckDB's progress bar off (it printed into pipes once a statement ran past two seconds).
- Cost: the write path now also writes the derived tables, which the ingest figures include.
- Earlier (issue of 2026-11-26): `responses.is_current` and `target_cells` kept by the write path (`summary` at
  1M rows 1,900 ms -> 78-92 ms); xlsx ingest of 50k rows 10.3 s -> 3.4 s (fastexcel into Arrow, byte checks
  beside the parsing child, column-wise normalisation).
"""
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
STORED = ROOT / "bench" / "results"
TMP = Path(tempfile.mkdtemp(prefix="museum-bench-"))


def timed(fn, repeats: int) -> list[float]:
    """Wall seconds of each of `repeats` calls."""
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def med(xs: list[float]) -> float:
    return statistics.median(xs)


# --- ingest ------------------------------------------------------------------------------------------
def fresh_store():
    fresh_store.n = getattr(fresh_store, "n", 0) + 1
    return open_store(TMP / f"ingest-{fresh_store.n}.duckdb")


def ingest_once(path: Path) -> float:
    """One end-to-end load_file into a fresh store; store opening is outside the timing."""
    con = fresh_store()
    t = time.perf_counter()
    result = load_file(con, path, user="bench")
    elapsed = time.perf_counter() - t
    con.close()
    assert result["status"] == "committed", result.get("message")
    return elapsed


def make_files(rows: int) -> tuple[Path, Path, int]:
    """A seeded survey xlsx of ~`rows` rows, the same grid as CSV, and the exact number of data rows."""
    xlsx, csv_path = TMP / f"survey-{rows}.xlsx", TMP / f"survey-{rows}.csv"
    write_template(xlsx, generate_sample(round(rows / ROWS_PER_MUSEUM), SEED))
    grid = calamine_parse(xlsx)
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(grid)
    return xlsx, csv_path, len(grid) - 1


def calamine_parse(path: Path) -> list:
    return python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Survey").to_python()


def fastexcel_parse(path: Path):
    return fastexcel.read_excel(str(path)).load_sheet("Survey", header_row=None, dtypes="string").to_arrow()


def duckdb_read_and_store(path: Path) -> None:
    """DuckDB's own floor: read the CSV as text and store it in a fresh database file."""
    target = TMP / f"floor-{time.perf_counter_ns()}.duckdb"
    con = duckdb.connect(str(target))
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar = true)")
    con.close()


def cli_load(path: Path) -> None:
    """`python -m analysis load` of `path` into a fresh store: a new process, as a person runs it (its imports and the
    header lexicon, read from the user's cache once an earlier load built it, are inside the timing)."""
    target = TMP / f"cli-{time.perf_counter_ns()}.duckdb"
    subprocess.run([sys.executable, "-m", "analysis", "load", "--db", str(target), str(path)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})


def sqlite_utils_insert(path: Path) -> None:
    target = TMP / f"sqlite-{time.perf_counter_ns()}.db"
    subprocess.run([str(Path(sys.executable).parent / "sqlite-utils"), "insert", str(target), "responses", str(path),
                    "--csv"], check=True, capture_output=True)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM responses").fetchone()[0] > 0


def _status_kb(pid: int) -> dict[str, int]:
    try:
        return {line.split(":")[0]: int(line.split()[1]) for line in open(f"/proc/{pid}/status")
                if line.startswith(("VmRSS", "VmHWM"))}
    except (OSError, ValueError, IndexError):             # the process has just exited
        return {}


def peak_rss_mb(path: Path, ingest: bool) -> dict[str, float]:
    """Memory of a fresh process that imports what a load needs, opens a fresh store and (optionally) loads."""
    script = ("import sys; from analysis.store import open_store; from analysis.loading.upload import load_file\n"
              "con = open_store(sys.argv[2])\n"
              "if sys.argv[3] == '1': assert load_file(con, sys.argv[1], user='bench')['status'] == 'committed'\n")
    db = TMP / f"rss-{int(ingest)}-{time.perf_counter_ns()}.duckdb"
    return _sampled_peaks(script, [str(path), str(db), "1" if ingest else "0"])


def calamine_peak_mb(path: Path) -> float:
    """Peak RSS of a fresh process that only parses `path` with python-calamine: the yardstick."""
    script = ("import sys, python_calamine\n"
              "python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Survey').to_python()\n")
    return _sampled_peaks(script, [str(path)])["own"]


def _sampled_peaks(script: str, args: list[str]) -> dict[str, float]:
    """Run `script` in a fresh interpreter and sample /proc every 5 ms: its own peak (VmHWM), the peak of any
    child it starts (the workbook parser), and the peak of both together (VmRSS summed at the same instant)."""
    proc = subprocess.Popen([sys.executable, "-c", script + "import time; time.sleep(0.05)\n", *args],
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    own = child = together = 0
    while proc.poll() is None:
        try:
            kids = [int(pid) for pid in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
        except OSError:
            kids = []
        mine, theirs = _status_kb(proc.pid), [_status_kb(pid) for pid in kids]
        own = max(own, mine.get("VmHWM", 0))
        child = max([child, *(k.get("VmHWM", 0) for k in theirs)])
        together = max(together, mine.get("VmRSS", 0) + sum(k.get("VmRSS", 0) for k in theirs))
        time.sleep(0.005)
    assert proc.returncode == 0, proc.returncode
    return {"own": own / 1024, "child": child / 1024, "together": max(together, own) / 1024}


def profile(path: Path, top: int = 12) -> str:
    con = fresh_store()
    prof = cProfile.Profile()
    prof.runcall(load_file, con, path, user="bench")
    con.close()
    text = io.StringIO()
    pstats.Stats(prof, stream=text).strip_dirs().sort_stats("tottime").print_stats(top)
    return "\n".join(line for line in text.getvalue().splitlines() if line.strip())


def section_ingest() -> dict:
    xlsx, csv_path, rows = make_files(INGEST_ROWS)
    r = {"rows": rows, "xlsx_mb": xlsx.stat().st_size / 1e6, "csv_mb": csv_path.stat().st_size / 1e6,
         "max_cells": limits.MAX_CELLS}
    r["rss_baseline"] = peak_rss_mb(xlsx, ingest=False)
    r["rss_xlsx"] = peak_rss_mb(xlsx, ingest=True)
    r["rss_csv"] = peak_rss_mb(csv_path, ingest=True)
    r["rss_calamine"] = calamine_peak_mb(xlsx)
    # Each ingest alternates with its yardstick, so that a slow spell of the machine touches both alike.
    pairs = [(ingest_once(xlsx), *timed(lambda: calamine_parse(xlsx), 1), ingest_once(csv_path))
             for _ in range(INGEST_REPEATS)]
    r["ingest_xlsx"], r["calamine"], r["ingest_csv"] = map(list, zip(*pairs))
    r["fastexcel"] = timed(lambda: fastexcel_parse(xlsx), READ_CSV_REPEATS)
    r["duckdb_floor"] = timed(lambda: duckdb_read_and_store(csv_path), READ_CSV_REPEATS)
    r["sqlite_utils"] = timed(lambda: sqlite_utils_insert(csv_path), SQLITE_REPEATS)
    r["cli_csv"] = timed(lambda: cli_load(csv_path), SQLITE_REPEATS)
    r["profile_xlsx"], r["profile_csv"] = profile(xlsx), profile(csv_path)
    return r


# --- stores, aggregates, pages, payloads ------------------------------------------------------------
def store_path(rows: int) -> Path:
    """The store of `rows` rows for this run, built through the write path on first use."""
    path = TMP / f"store-{rows}.duckdb"
    if not path.exists():
        store_path.built[rows] = scale.build_store(path, rows)
    return path


store_path.built = {}


def section_aggregates() -> dict:
    calls = scale.page_calls(store_path(STORE_ROWS[1]))
    out = {"calls": [list(c) for c in calls], "big": scale.time_calls(store_path(BIG), calls), "growth": {}}
    for rows in STORE_ROWS:
        out["growth"][rows] = scale.time_calls(store_path(rows), calls, ("wave 2025",))
    out["build"] = {rows: {"seconds": s, "uploads": u} for rows, (s, u) in store_path.built.items()}
    out["national"] = scale.national_writes(store_path(BIG))
    return out


def section_pages() -> dict:
    return scale.page_times(store_path(BIG))


def section_payloads() -> dict:
    return scale.payloads(store_path(BIG))


def section_cli() -> dict:
    db = TMP / "sample.duckdb"
    con = open_store(db)
    assert load_file(con, ROOT / "data" / "sample_survey.xlsx", user="bench")["status"] == "committed"
    con.close()
    return scale.cli_times(db)


def section_deck() -> dict:
    """A 10-chart deck under the latest wave: slides built from the store, then the PPTX with kaleido warm."""
    from analysis import export
    from analysis.charts import catalogue

    con = open_store(store_path(DECK_ROWS))
    slides = catalogue.build(con, Filters(wave="2025"), list(catalogue.CHARTS)[:10])
    con.close()
    export.image(slides[0].figure)                                        # start kaleido's browser once
    return {"charts": len(slides), "runs": timed(lambda: export.pptx_deck(slides, "Benchmark deck", "all"), 3)}


def section_scenarios() -> dict:
    """Per rule, milliseconds (median of SCENARIO_REPEATS after a warm-up) to compute a scenario and its curve at
    SCENARIO_MUSEUMS museums with a known shortfall (the sample's wave-2025 museums tiled with new ids), with the
    country and pillar breakdowns; the same sum shared among the population frame; the per-museum fetch."""
    import pandas as pd

    from analysis.figures import metrics, projections, scenarios

    con = open_store(store_path(STORE_ROWS[1]))
    inputs = metrics.scenario_inputs(con, Filters(wave="2025"))
    population = metrics.scenario_context(con, Filters())["population"]
    con.close()
    base = inputs["museums"][inputs["museums"]["funding_shortfall_eur"].notna()]
    copies = -(-SCENARIO_MUSEUMS // len(base))
    museums = pd.concat([base.assign(row=base["row"] + (i << 48)) for i in range(copies)],
                        ignore_index=True).head(SCENARIO_MUSEUMS)
    budget = 0.2 * float(museums["funding_shortfall_eur"].sum())
    out = {"museums": len(museums), "budget_eur": budget, "points": scenarios.CURVE_POINTS, "run_ms": {},
           "breakdowns_ms": {}}
    for rule in scenarios.RULES:
        run = lambda: scenarios.run(museums, budget, rule)  # noqa: E731
        run()                                                               # warm-up
        out["run_ms"][rule] = [1000 * t for t in timed(run, SCENARIO_REPEATS)]
        done = run()
        out["breakdowns_ms"][rule] = [1000 * t for t in timed(
            lambda: (scenarios.by_group(done, "country"), scenarios.by_pillar(done)), SCENARIO_REPEATS)]
    out["frame_ms"] = [1000 * t for t in timed(lambda: projections.frame_scenario(
        museums, population, budget, "smallest-first"), 3)]
    fetch_rows = STORE_ROWS[min(2, len(STORE_ROWS) - 1)]
    con = open_store(store_path(fetch_rows))
    metrics.scenario_inputs(con, Filters(wave="2025"))
    out["fetch_rows"] = fetch_rows
    out["fetch_ms"] = [1000 * t for t in timed(lambda: metrics.scenario_inputs(con, Filters(wave="2025")), 3)]
    con.close()
    return out


def section_replicas() -> dict:
    return {**replicas.measure(), "measured": machine()["date"]}


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 "?")
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
    versions = {p: md.version(p) for p in ("python-calamine", "fastexcel", "pyarrow", "pandas", "duckdb", "streamlit",
                                           "plotly", "sqlite-utils")}
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gb": mem_kb / 1024 ** 2, "python": platform.python_version(),
            "os": platform.platform(), "versions": versions, "date": dt.datetime.now().isoformat(timespec="minutes")}


# --- the report --------------------------------------------------------------------------------------
def verdict(ok: bool | None) -> str:
    return "–" if ok is None else "**MET**" if ok else "**NOT MET**"


def goals(r: dict) -> list[tuple[str, str, bool | None]]:
    """(goal, measured, met) for one set of measurements; missing sections give no rows."""
    out = []
    if "ingest" in r:
        i = r["ingest"]
        ix, ic, cal, su = (med(i[k]) for k in ("ingest_xlsx", "ingest_csv", "calamine", "sqlite_utils"))
        peak = max(i["rss_xlsx"]["together"], i["rss_csv"]["together"])
        out += [(f"CSV ingest / xlsx ingest of the same {i['rows']:,}-row survey <= {GOAL_CSV_VS_XLSX}x",
                 f"{ic / ix:.2f}x ({ic:.2f} s / {ix:.2f} s)", ic / ix <= GOAL_CSV_VS_XLSX),
                (f"sqlite-utils insert --csv / CSV ingest >= {GOAL_CSV_VS_SQLITE_UTILS}x",
                 f"{su / ic:.1f}x ({su:.1f} s / {ic:.2f} s)", su / ic >= GOAL_CSV_VS_SQLITE_UTILS),
                (f"xlsx ingest / bare calamine parse <= {GOAL_XLSX_VS_PARSE}x",
                 f"{ix / cal:.2f}x ({ix:.2f} s / {cal:.2f} s)", ix / cal <= GOAL_XLSX_VS_PARSE),
                (f"peak memory of a whole load / bare calamine parse's peak <= {GOAL_PEAK_VS_PARSE}x",
                 f"{peak / i['rss_calamine']:.2f}x ({peak:.0f} MB / {i['rss_calamine']:.0f} MB)",
                 peak / i["rss_calamine"] <= GOAL_PEAK_VS_PARSE)]
    if "aggregates" in r:
        big = r["aggregates"]["big"]
        worst = {label: max(row.values()) for label, row in big["calls"].items()}
        over = [label for label, ms in worst.items() if ms > GOAL_AGG_MS]
        name, ms = max(worst.items(), key=lambda kv: kv[1])
        # the same calls as multiples of the naive group-by under the same filter: what another machine scales by
        ratios = {label: max(v / big["naive"][f] for f, v in row.items() if f in big["naive"])
                  for label, row in big["calls"].items() if set(row) & set(big["naive"])}
        ratio_name, ratio = max(ratios.items(), key=lambda kv: kv[1])
        out.append((f"every aggregate a page calls <= {GOAL_AGG_MS} ms median at {BIG:,} rows, each filter",
                    f"{len(over)} of {len(worst)} over; slowest {name} {ms:,.0f} ms; at most {ratio:.1f}x the "
                    f"naive group-by ({ratio_name}; naive {min(big['naive'].values()):.1f}-"
                    f"{max(big['naive'].values()):.1f} ms)", not over))
    if "pages" in r:
        name, p = max(r["pages"].items(), key=lambda kv: kv[1]["warm"])
        slow = [k for k, v in r["pages"].items() if v["warm"] > GOAL_PAGE_WARM_S]
        out.append((f"every page <= {GOAL_PAGE_WARM_S} s warm at {BIG:,} rows (AppTest)",
                    f"{len(slow)} of {len(r['pages'])} over; slowest {name} {p['warm']:.2f} s", not slow))
    if "payloads" in r:
        pl = r["payloads"]
        heavy = max(pl.items(), key=lambda kv: kv[1]["ws_kb"] + kv[1]["static_kb"])
        m = pl["map"]
        per_render = max(m["ws_kb"] + m["static_kb"], m.get("rerender_ws_kb", 0) + m.get("rerender_static_kb", 0))
        out += [(f"map <= {GOAL_MAP_KB} KB per render (websocket + static files)",
                 f"first {m['ws_kb'] + m['static_kb']:.0f} KB, next "
                 f"{m.get('rerender_ws_kb', 0) + m.get('rerender_static_kb', 0):.0f} KB",
                 per_render <= GOAL_MAP_KB),
                (f"every explore page's websocket payload < {GOAL_PAGE_KB} KB",
                 f"largest {heavy[0]} {heavy[1]['ws_kb']:.0f} KB",
                 all(v["ws_kb"] < GOAL_PAGE_KB for v in pl.values()))]
    if "cli" in r:
        c = r["cli"]["summary --json"]
        out.append((f"`python -m analysis summary` on the sample store < {GOAL_CLI_S} s", f"{c:.2f} s",
                    c < GOAL_CLI_S))
    if "scenarios" in r:
        sc = r["scenarios"]
        slowest, ms = max(((rule, med(runs)) for rule, runs in sc["run_ms"].items()), key=lambda kv: kv[1])
        out.append((f"a scenario and its curve ({sc['points']} sums x 4 rules) at {sc['museums']:,} museums "
                    f"<= {GOAL_SCENARIO_MS} ms", f"slowest rule {slowest} {ms:.0f} ms", ms <= GOAL_SCENARIO_MS))
    if "deck" in r:
        d = med(r["deck"]["runs"])
        out.append((f"{r['deck']['charts']}-chart PPTX deck, warm kaleido <= {GOAL_DECK_S} s", f"{d:.2f} s",
                    d <= GOAL_DECK_S))
    return out


def report(before: dict, after: dict) -> str:
    m = after.get("machine") or before.get("machine", {})
    L = ["# Benchmark results\n",
         f"Generated by `bench/run.py` (`make bench`) from `bench/results/before.json` (the code before issue #17) and "
         f"`bench/results/after.json`; seed {SEED}; medians. Before: {before.get('machine', {}).get('date', '–')}; "
         f"after: {after.get('machine', {}).get('date', '–')}"
         + "".join(f"; {name} again {when}" for name, when in after.get("measured", {}).items()) + ".\n",
         "## Goals of issue #17 (ratios first)\n", "| Goal | Before | After | Verdict (after) |", "|---|---|---|---|"]
    gb = {g: v for g, v, _ in goals(before)}
    for g, v, ok in goals(after):
        L.append(f"| {g} | {gb.get(g, '–')} | {v} | {verdict(ok)} |")
    L.append("")
    L += _aggregate_tables(before, after)
    L += _page_tables(before, after)
    L += _ingest_tables(before, after)
    L += _cli_tables(before, after)
    L += scenario_tables(after)
    L += replicas.table(after["replicas"]) if "replicas" in after else []
    L += ["## What changed\n", CHANGES]
    if "deck" in after:
        L += ["### Deck\n", f"{after['deck']['charts']} charts, PPTX with PNG pictures at 1600x900, kaleido warm: "
              + ", ".join(f"{x:.2f}" for x in after["deck"]["runs"]) + " s.\n"]
    L += ["## Machine\n", f"- nproc {m.get('nproc')}; CPU {m.get('cpu')}; RAM {m.get('ram_gb', 0):.1f} GB",
          f"- Python {m.get('python')} on {m.get('os')}",
          "- " + ", ".join(f"{k} {v}" for k, v in m.get("versions", {}).items()),
          "- Benchmarks run sequentially, one process at a time"]
    return "\n".join(L) + "\n"


def _ms(v) -> str:
    return "–" if v is None else f"{v:,.1f}"


def _aggregate_tables(before: dict, after: dict) -> list[str]:
    if "aggregates" not in after:
        return []
    a, b = after["aggregates"], before.get("aggregates", {})
    fnames = list(scale.FILTERS)
    bb = b.get("big", {}).get("calls", {})
    L = [f"## Every call the pages make, at {BIG:,} response rows (ms, median of {scale.QUERY_REPEATS} after a "
         "warm-up)\n",
         f"Store: {BIG:,} rows committed through `store.commit_upload` in "
         f"{a['build'].get(str(BIG), a['build'].get(BIG, {})).get('uploads', '?')} uploads (the last re-answers "
         f"{scale.CORRECTION_ROWS:,} museums, superseding their rows). Filters: none; wave 2025; wave 2025 + "
         "Germany (DE). Calls without filters are timed once (-). `naive` is "
         f"`{scale.NAIVE_SQL.format(where='<filter>')}` in the same run: every figure is also given as a ratio "
         "to it.\n",
         "| Call | " + " | ".join(f"{f} before | {f} after | x naive" for f in fnames) + " |",
         "|---|" + "---|---|---|" * len(fnames)]
    naive_a, naive_b = a["big"]["naive"], b.get("big", {}).get("naive", {})
    L.append("| naive group-by | " + " | ".join(f"{_ms(naive_b.get(f))} | {_ms(naive_a.get(f))} | 1" for f in fnames)
             + " |")
    for label, row in a["big"]["calls"].items():
        old = bb.get(label, {})
        cells = []
        for f in fnames:
            key = f if f in row else "-"
            after_ms = row.get(key)
            ratio = f"{after_ms / naive_a[f]:.1f}" if after_ms is not None and f in row else "–"
            cells.append(f"{_ms(old.get(key)) if (f in row or f == fnames[0]) else ''} | "
                         f"{_ms(after_ms) if (f in row or f == fnames[0]) else ''} | {ratio}")
        L.append(f"| `{label}` | " + " | ".join(cells) + " |")
    sizes = list(a["growth"])
    L += ["", "### Growth: every call under wave 2025, by store size (ms, after)\n",
          "| Call | " + " | ".join(f"{int(s):,} rows" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for label in a["big"]["calls"]:
        L.append(f"| `{label}` | " + " | ".join(_ms(next(iter(a["growth"][s]["calls"][label].values())))
                                               for s in sizes) + " |")
    L += ["", "Build of each store through the write path (after): " + "; ".join(
        f"{int(k):,} rows {v['seconds']:.1f} s in {v['uploads']} uploads" for k, v in a["build"].items())
          + (" (before: " + "; ".join(f"{int(k):,} rows {v['seconds']:.1f} s" for k, v in b["build"].items()) + ")"
             if b.get("build") else "") + ".\n"]
    if w := a.get("national"):
        L.append(f"A national file into the {BIG:,}-row store ({w['rows']} answers of museums of {w['country']} new "
                 f"to it; median of {len(w['commit'])}): committed in {med(w['commit']):.2f} s, retracted in "
                 f"{med(w['retract']):.2f} s"
                 + (f"; as the analyst waits for it (the store opened for writing, the commit and the new snapshot "
                    f"the pages read, a copy of the {w['store_mb']:,.0f} MB file) {med(w['published']):.2f} s"
                    if "published" in w else "") + ".\n")
    return L


def _page_tables(before: dict, after: dict) -> list[str]:
    L = []
    if "pages" in after:
        b = before.get("pages", {})
        L += [f"## Pages through AppTest at {BIG:,} response rows (app.py, switch_page; seconds)\n",
              "| Page | Cold before | Cold after | Warm before | Warm after |", "|---|---|---|---|---|"]
        for page, r in after["pages"].items():
            o = b.get(page, {})
            L.append(f"| {page} | {o.get('cold', float('nan')):.2f} | {r['cold']:.2f} | "
                     f"{o.get('warm', float('nan')):.2f} | {r['warm']:.2f} |")
        L += [""] + [f"Page `{page}` raised an error at this size (after): {r['error']}"
                     for page, r in after["pages"].items() if r.get("error")] + [""]
    if "payloads" in after:
        b = before.get("payloads", {})
        L += [f"## Bytes a real browser receives per explore page at {BIG:,} rows (KB; chromium, fresh session)\n",
              "| Page | Websocket before | Websocket after | Static files before | Static files after |",
              "|---|---|---|---|---|"]
        for page, r in after["payloads"].items():
            o = b.get(page, {})
            L.append(f"| {page} | {o.get('ws_kb', float('nan')):.0f} | {r['ws_kb']:.0f} | "
                     f"{o.get('static_kb', float('nan')):.0f} | {r['static_kb']:.0f} |")
        m, o = after["payloads"]["map"], b.get("map", {})
        L += ["", f"Map, second render (another metric): websocket {o.get('rerender_ws_kb', float('nan')):.0f} KB "
              f"before, {m.get('rerender_ws_kb', 0):.0f} KB after; static files "
              f"{o.get('rerender_static_kb', float('nan')):.0f} KB before, {m.get('rerender_static_kb', 0):.0f} KB "
              "after (the browser keeps what it fetched).\n"]
    return L


def _ingest_tables(before: dict, after: dict) -> list[str]:
    if "ingest" not in after:
        return []
    a, b = after["ingest"], before.get("ingest", {})
    L = [f"## Ingest of a {a['rows']:,}-row survey (75 columns; xlsx {a['xlsx_mb']:.1f} MB, "
         f"CSV {a['csv_mb']:.1f} MB)\n",
         f"`limits.MAX_CELLS` is raised to {a['max_cells']:,} for these runs ($MUSEUM_MAX_CELLS): the file holds "
         "more filled cells than one upload may by default.\n",
         "| Case | Before median (s) | After median (s) | After runs (s) |", "|---|---|---|---|"]
    for label, key in (("load_file xlsx (end to end, fresh store)", "ingest_xlsx"),
                       ("python-calamine to_python (bare parse, the yardstick)", "calamine"),
                       ("fastexcel to_arrow, all text (the reader the ingest uses)", "fastexcel"),
                       ("load_file CSV (end to end, fresh store)", "ingest_csv"),
                       ("python -m analysis load CSV (a new process, fresh store)", "cli_csv"),
                       ("DuckDB read_csv all text + store in a fresh file (floor)", "duckdb_floor"),
                       ("sqlite-utils insert --csv (yardstick)", "sqlite_utils")):
        if key not in a:                                   # measured since the last ingest run
            continue
        old = f"{med(b[key]):.2f}" if key in b else "–"
        L.append(f"| {label} | {old} | {med(a[key]):.2f} | {', '.join(f'{x:.2f}' for x in a[key])} |")
    L += ["", "Peak memory (MB; /proc sampled every 5 ms, a fresh process each; a load = the process and its "
          "workbook-parsing child together):\n", "| Process | Before | After |", "|---|---|---|"]
    for label, get in (("imports and an open store, no file", lambda r: r["rss_baseline"]["own"]),
                       ("whole xlsx load", lambda r: r["rss_xlsx"]["together"]),
                       ("whole CSV load", lambda r: r["rss_csv"]["together"]),
                       ("bare calamine parse of the xlsx (yardstick)", lambda r: r["rss_calamine"])):
        L.append(f"| {label} | {get(b):.0f} | {get(a):.0f} |" if b else f"| {label} | – | {get(a):.0f} |")
    L += ["", "Where the time goes (after; cProfile of one load, by own time; the profiler inflates totals):\n",
          "```", a["profile_xlsx"], "", a["profile_csv"], "```", ""]
    return L


def scenario_tables(after: dict) -> list[str]:
    if "scenarios" not in after:
        return []
    sc = after["scenarios"]
    L = [f"## Scenarios (issue #18): {sc['museums']:,} museums with a known shortfall, a sum of "
         f"EUR {sc['budget_eur'] / 1e6:,.0f} M (ms, median of {SCENARIO_REPEATS} after a warm-up)\n",
         "`scenarios.run` = the allocation by the rule, every rule at the sum and the curve "
         f"({sc['points']} sums x 4 rules); breakdowns = `by_group(country)` and `by_pillar` on its result.\n",
         "| Rule | Scenario and curve | Runs | Breakdowns |", "|---|---|---|---|"]
    for rule, runs in sc["run_ms"].items():
        L.append(f"| {rule} | {med(runs):.0f} | {', '.join(f'{x:.0f}' for x in runs)} | "
                 f"{med(sc['breakdowns_ms'][rule]):.0f} |")
    L += ["", f"The same sum shared among the population frame (`frame_scenario`, post-stratified weights and four "
          f"weighted estimates with 95 % intervals): {med(sc['frame_ms']):.0f} ms. The per-museum fetch the page "
          f"starts from (`metrics.scenario_inputs`, cached per data version) at {sc['fetch_rows']:,} response rows: "
          f"{med(sc['fetch_ms']):.0f} ms.\n"]
    return L


def _cli_tables(before: dict, after: dict) -> list[str]:
    if "cli" not in after:
        return []
    a, b = after["cli"], before.get("cli", {})
    L = ["## Command line on the sample store (fresh process each, median of 7; seconds)\n",
         "| Command | Before | After |", "|---|---|---|"]
    for k, v in a.items():
        if k != "summary imports":
            L.append(f"| `{k}` | {b[k]:.2f} | {v:.2f} |" if k in b else f"| `{k}` | – | {v:.2f} |")
    L += ["", f"Heavy libraries loaded by `summary`: before `{b.get('summary imports', '–')}`; after "
          f"`{a['summary imports']}`.\n"]
    return L


def main(argv: list[str]) -> None:
    if argv == ["report"]:                         # rewrite RESULTS.md from the stored measurements only
        stored = {label: json.loads((STORED / f"{label}.json").read_text()) for label in ("before", "after")}
        RESULTS.write_text(report(stored["before"], stored["after"]))
        shutil.rmtree(TMP, ignore_errors=True)
        return
    label = argv[0] if argv and argv[0] not in SECTIONS else "after"
    wanted = [s for s in argv if s in SECTIONS] or list(SECTIONS)
    t0 = time.perf_counter()
    STORED.mkdir(exist_ok=True)
    target = STORED / f"{label}.json"
    results = json.loads(target.read_text()) if target.exists() and not QUICK else {}
    for name in wanted:
        results[name] = globals()[f"section_{name}"]()
        results.setdefault("measured", {})[name] = dt.datetime.now().isoformat(timespec="minutes")
        print(f"{name} done at {time.perf_counter() - t0:.0f}s", flush=True)
        if not QUICK:                                  # kept as each section ends: a later failure loses nothing
            target.write_text(json.dumps(results, indent=1, default=str))
    if set(wanted) == set(SECTIONS) or "machine" not in results:   # the date of a full run; a section keeps its own
        results["machine"] = machine()
    if QUICK:
        print(report({}, results))
    else:
        target.write_text(json.dumps(results, indent=1, default=str))
        before = json.loads((STORED / "before.json").read_text()) if (STORED / "before.json").exists() else {}
        after = json.loads((STORED / "after.json").read_text()) if (STORED / "after.json").exists() else results
        RESULTS.write_text(report(before, after))
        print(f"wrote {target} and {RESULTS} in {time.perf_counter() - t0:.0f}s total")
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
