"""Performance benchmark: file ingest and dashboard aggregates, measured against the goals of the perf issue.

Run from the project root:   make bench   (or: PYTHONPATH=. .venv/bin/python bench/run.py)
Seeded and self-contained: every input is generated into a temp dir; the only output is bench/RESULTS.md.
Set BENCH_QUICK=1 for a smoke run on small sizes (results then go to stdout only).

It measures
  P1  `pipeline.load_file` end to end (read, map, normalise, validate, commit to a fresh DuckDB file) on a
      50k-row survey xlsx and the same data as CSV, against a bare python-calamine parse, pandas.read_excel
      (openpyxl) and pandas.read_csv of the same file (and, for reference, bare fastexcel and DuckDB
      read_csv); peak RSS of one ingest and of its parsing child; a cProfile of one xlsx ingest.
  P2  `metrics.summary` and `metrics.digitisation_by_country` on a store of 1M response rows, built by
      tiling a generated sample straight into `responses` (not through load_file).
  P3  every explore page rendered through AppTest (the real app.py) on a store of 100k response rows:
      first render with cold caches, then a warm re-render.
  P4  a 10-chart PPTX deck (analysis.catalogue + analysis.export) with a warm kaleido server.
  Growth: xlsx ingest at 1k / 10k / 50k / 100k rows; the summary aggregate at 1k / 10k / 100k / 1M rows.
"""

from __future__ import annotations

import cProfile
import csv
import datetime as dt
import importlib.metadata as md
import io
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import fastexcel
import pandas as pd
import python_calamine

from analysis import limits, metrics
from analysis.filters import Filters
from analysis.pipeline import load_file
from analysis.sample import generate_sample
from analysis.store import open_store, rebuild_derived
from analysis.template import write_template

QUICK = os.environ.get("BENCH_QUICK") == "1"
SEED = 2025
ROWS_PER_MUSEUM = 1.4                      # generate_sample yields ~1.4 rows (waves) per museum
P1_ROWS = 2_000 if QUICK else 50_000
GROWTH_INGEST_ROWS = (500, 1_000) if QUICK else (1_000, 10_000, 100_000)
STORE_ROWS = (1_000, 10_000) if QUICK else (1_000, 10_000, 100_000, 1_000_000)
TILE_BASE_MUSEUMS = 7_000                  # ~9,800 distinct generated rows, tiled with new museum ids
WAVE = "2025"
INGEST_REPEATS, CALAMINE_REPEATS, OPENPYXL_REPEATS, READ_CSV_REPEATS = 7, 5, 3, 5
GROWTH_REPEATS = 3
QUERY_REPEATS = 7                          # after one warm-up
GOAL_INGEST_VS_PARSE, GOAL_SPEEDUP_VS_PANDAS, GOAL_RSS_MB, GOAL_QUERY_MS = 1.5, 5.0, 500, 100
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
TMP = Path(tempfile.mkdtemp(prefix="museum-bench-"))


def timed(fn, repeats: int) -> list[float]:
    """Wall seconds of each of `repeats` calls."""
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


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
    grid = python_calamine.CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Survey").to_python()
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(grid)
    return xlsx, csv_path, len(grid) - 1


def calamine_parse(path: Path) -> list:
    return python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Survey").to_python()


def fastexcel_parse(path: Path):
    return fastexcel.read_excel(str(path)).load_sheet("Survey", header_row=None, dtypes="string").to_arrow()


def duckdb_read_csv(path: Path):
    return duckdb.sql(f"SELECT * FROM read_csv('{path}', all_varchar = true)").arrow()


def _status_kb(pid: int) -> dict[str, int]:
    try:
        return {line.split(":")[0]: int(line.split()[1]) for line in open(f"/proc/{pid}/status")
                if line.startswith(("VmRSS", "VmHWM"))}
    except (OSError, ValueError, IndexError):             # the process has just exited
        return {}


def peak_rss_mb(path: Path, ingest: bool, parse_in_child: bool = True) -> dict[str, float]:
    """Memory of a fresh process that imports the project, opens a fresh store and (optionally) ingests `path`."""
    script = ("import sys; from analysis.store import open_store; from analysis.pipeline import load_file\n"
              "con = open_store(sys.argv[2])\n"
              "if sys.argv[3] == '1': assert load_file(con, sys.argv[1], user='bench')['status'] == 'committed'\n")
    db = TMP / f"rss-{int(ingest)}-{int(parse_in_child)}.duckdb"
    return _sampled_peaks(script, [str(path), str(db), "1" if ingest else "0"],
                          {"MUSEUM_PARSE_IN_CHILD": "1" if parse_in_child else "0"})


def calamine_peak_mb(path: Path) -> float:
    """Peak RSS of a fresh process that only parses `path` with python-calamine: the floor under any reader."""
    script = ("import sys, python_calamine\n"
              "python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Survey').to_python()\n")
    return _sampled_peaks(script, [str(path)], {})["own"]


def _sampled_peaks(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run `script` in a fresh interpreter and sample /proc every 5 ms: its own peak (VmHWM), the peak of any
    child it starts (the workbook parser), and the peak of both together (VmRSS summed at the same instant)."""
    proc = subprocess.Popen([sys.executable, "-c", script + "import time; time.sleep(0.05)\n", *args],
                            env={**os.environ, "PYTHONPATH": os.getcwd(), **env})
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
    return {"own": own / 1024, "child": child / 1024, "together": together / 1024}


def profile_ingest(path: Path, top: int = 10) -> str:
    con = fresh_store()
    prof = cProfile.Profile()
    prof.runcall(load_file, con, path, user="bench")
    con.close()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return "\n".join(line for line in text.getvalue().splitlines() if line.strip())


def p1_ingest(xlsx: Path, csv_path: Path) -> dict:
    r = {"rows": len(calamine_parse(xlsx)) - 1, "xlsx_mb": xlsx.stat().st_size / 1e6,
         "csv_mb": csv_path.stat().st_size / 1e6}
    r["rss_baseline"] = peak_rss_mb(xlsx, ingest=False)
    r["rss_ingest"] = peak_rss_mb(xlsx, ingest=True)
    r["rss_ingest_in_process"] = peak_rss_mb(xlsx, ingest=True, parse_in_child=False)
    r["rss_calamine"] = calamine_peak_mb(xlsx)
    # The ingest and its yardstick alternate, so that a slow spell of the machine touches both alike.
    pairs = [(ingest_once(xlsx), *timed(lambda: calamine_parse(xlsx), 1)) for _ in range(INGEST_REPEATS)]
    r["ingest_xlsx"], r["calamine"] = map(list, zip(*pairs))
    r["fastexcel"] = timed(lambda: fastexcel_parse(xlsx), CALAMINE_REPEATS)
    r["openpyxl"] = timed(lambda: pd.read_excel(xlsx, sheet_name="Survey", engine="openpyxl"), OPENPYXL_REPEATS)
    r["ingest_csv"] = [ingest_once(csv_path) for _ in range(INGEST_REPEATS)]
    r["read_csv"] = timed(lambda: pd.read_csv(csv_path), READ_CSV_REPEATS)
    r["duckdb_csv"] = timed(lambda: duckdb_read_csv(csv_path), READ_CSV_REPEATS)
    r["profile"] = profile_ingest(xlsx)
    return r


def build_store(rows: int, base: pd.DataFrame):
    """A store of exactly `rows` response rows: `base` tiled with suffixed museum ids, one committed upload."""
    con = open_store(TMP / f"store-{rows}.duckdb")
    con.execute("INSERT INTO uploads (filename, sha256, uploaded_by, uploaded_at, rows, status) "
                "VALUES ('bench', 'bench', 'bench', now()::TIMESTAMP, ?, 'committed')", [rows]).fetchall()
    upload_id = con.execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0]
    con.register("df", base)
    copies = -(-rows // len(base))
    con.execute(f"""
        INSERT INTO responses BY NAME
        SELECT df.* REPLACE (df.museum_id || '-t' || t.range AS museum_id),
               uuid()::VARCHAR AS response_id, {upload_id} AS upload_id, 'Survey' AS source_sheet,
               (row_number() OVER () + 1)::INTEGER AS source_row, FALSE AS museum_id_generated
        FROM df CROSS JOIN range({copies}) t LIMIT {rows}""").fetchall()
    con.unregister("df")
    rebuild_derived(con)                         # is_current and target cells, as commit_upload keeps them
    return con


def p2_queries() -> dict:
    base = generate_sample(TILE_BASE_MUSEUMS, SEED).sample(frac=1, random_state=SEED)   # mix waves and countries
    out = {}
    for rows in STORE_ROWS:
        t = time.perf_counter()
        con = build_store(rows, base)
        build = time.perf_counter() - t
        cases = {"summary": lambda: metrics.summary(con, WAVE),
                 "digitisation_by_country": lambda: metrics.digitisation_by_country(con, Filters(wave=WAVE))}
        out[rows] = {"build_s": build, "respondents": metrics.summary(con, WAVE)["respondents"]}
        for name, fn in cases.items():
            fn()                                                        # warm-up
            out[rows][name] = timed(fn, QUERY_REPEATS)
        con.close()
    return out


PAGE_ROWS = 100_000
PAGES = ("overview", "digitisation", "skills", "funding", "map", "methodology", "present")
GOAL_PAGE_S, GOAL_DECK_S = 1.5, 5.0

# What changed between measured runs (kept by hand: each entry names the change and the figures before/after).
HISTORY = """\
- Aggregates at 1M rows, `summary` 1,900 ms -> 78-92 ms (two runs): the current answer per museum and wave is kept in
  `responses.is_current` by the write path (no window function per query); targets are looked up once per
  (country, type, wave) in `target_cells`, kept by the write path (no second scan); headline totals read the
  `museum_base` view, which skips the target join. `digitisation_by_country` 305 ms -> 61-72 ms.
- xlsx ingest of 50k rows, 6.9 s -> 10.3 s (3.5x the bare parse): the hostile-input defences were added (every XML
  part inflated and checked before parsing, about 1.6 s; the workbook parsed in a memory-capped child that
  pickled 3.75M Python cells back, about 1.1 s).
- xlsx ingest of 50k rows, 10.3 s -> 3.4 s (3.5x -> 1.3x the bare parse); CSV 5.8 s -> 1.4 s; peak memory 669 MB
  (the larger of the two processes) -> 475 MB for the process and 385 MB for its parsing child, 592 MB together
  (now sampled together, which the old figure did not do). What changed, by cost removed:
  the workbook is read by fastexcel into an Arrow table of cell texts (no Python object per cell; the child
  sends the table back through a temporary file: 2.7 s parse + 1.1 s transfer -> about 2.2 s); the byte checks
  run in the app process while the child parses, on the second core, and now make one regex pass and one
  bytes.count per chunk (1.6 s -> 1.3 s, off the critical path); rows are classified and plain numbers
  converted column by column with pyarrow/numpy, other distinct texts parsed once each (3.3 s -> 0.7 s); rows
  reach DuckDB as a typed Arrow table with ids drawn by `uuid()` (0.9 s -> 0.5 s); a CSV that is one row per
  line is read by pyarrow (1.2 s -> 0.3 s).
"""


def p3_pages() -> dict:
    """Seconds to render each explore page through app.py at PAGE_ROWS rows: cold (caches cleared) and warm."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    base = generate_sample(TILE_BASE_MUSEUMS, SEED).sample(frac=1, random_state=SEED)
    build_store(PAGE_ROWS, base).close()
    os.environ["MUSEUM_DB"] = str(TMP / f"store-{PAGE_ROWS}.duckdb")
    out = {}
    for page in PAGES:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.switch_page(f"views/{page}.py")
        t = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t
        assert at.title and at.title[0].value, page
        assert not at.exception, (page, at.exception)
        t = time.perf_counter()
        at.run()
        out[page] = {"cold": cold, "warm": time.perf_counter() - t}
    return out


def p4_deck() -> dict:
    """A 10-chart deck under the latest wave: slides built from the store, then the PPTX with kaleido warm."""
    from analysis import catalogue, export

    con = open_store(TMP / f"store-{PAGE_ROWS}.duckdb")
    slides = catalogue.build(con, Filters(wave=WAVE), list(catalogue.CHARTS))
    con.close()
    export.image(slides[0].figure)                                        # start kaleido's browser once
    runs = timed(lambda: export.pptx_deck(slides, "Benchmark deck", "all museums"), 3)
    return {"charts": len(slides), "runs": runs}


def growth_ingest() -> dict:
    """Ingest time by file size. A 100k x 75 file holds more cells than one upload may (limits.MAX_CELLS), so
    the limit is raised for this measurement only, and the report says so."""
    out = {}
    for rows in GROWTH_INGEST_ROWS:
        xlsx, _, actual = make_files(rows)
        saved = limits.MAX_CELLS
        limits.MAX_CELLS = max(saved, actual * 75 * 2)
        try:
            out[actual] = [ingest_once(xlsx) for _ in range(GROWTH_REPEATS)]
        finally:
            limits.MAX_CELLS = saved
    return out


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((l.split(":", 1)[1].strip() for l in cpuinfo.splitlines() if l.startswith("model name")), "?")
    mem_kb = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines()
                      if l.startswith("MemTotal")))
    versions = {p: md.version(p) for p in ("python-calamine", "fastexcel", "pyarrow", "pandas", "openpyxl", "duckdb",
                                           "numpy")}
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gb": mem_kb / 1024 ** 2, "python": platform.python_version(),
            "os": platform.platform(), "versions": versions, "date": dt.datetime.now().isoformat(timespec="minutes")}


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def verdict(ok: bool) -> str:
    return "**MET**" if ok else "**NOT MET**"


def report(p1: dict, p2: dict, growth: dict, m: dict, p3: dict, p4: dict) -> str:
    ix, cal, opx = med(p1["ingest_xlsx"]), med(p1["calamine"]), med(p1["openpyxl"])
    ic, rc = med(p1["ingest_csv"]), med(p1["read_csv"])
    rss = p1["rss_ingest"]["together"]
    big = p2[max(p2)]
    q = {k: med(big[k]) * 1000 for k in ("summary", "digitisation_by_country")}
    fmt = lambda xs: ", ".join(f"{x:.2f}" for x in xs)
    goals = [
        (f"xlsx ingest / bare calamine parse <= {GOAL_INGEST_VS_PARSE}x", f"{ix / cal:.1f}x", ix / cal <= GOAL_INGEST_VS_PARSE),
        (f"pandas+openpyxl read / xlsx ingest >= {GOAL_SPEEDUP_VS_PANDAS}x", f"{opx / ix:.2f}x", opx / ix >= GOAL_SPEEDUP_VS_PANDAS),
        (f"CSV ingest / pandas.read_csv <= {GOAL_INGEST_VS_PARSE}x", f"{ic / rc:.1f}x", ic / rc <= GOAL_INGEST_VS_PARSE),
        (f"pandas.read_csv / CSV ingest >= {GOAL_SPEEDUP_VS_PANDAS}x", f"{rc / ic:.3f}x", rc / ic >= GOAL_SPEEDUP_VS_PANDAS),
        (f"peak RSS of one {p1['rows']:,}-row xlsx ingest (the process and its parsing child together) "
         f"<= {GOAL_RSS_MB} MB", f"{rss:.0f} MB", rss <= GOAL_RSS_MB),
        *((f"`{k}` median at {max(p2):,} rows <= {GOAL_QUERY_MS} ms", f"{v:.0f} ms", v <= GOAL_QUERY_MS) for k, v in q.items()),
        *((f"page `{page}` at {PAGE_ROWS:,} rows, first render <= {GOAL_PAGE_S} s", f"{r['cold']:.2f} s",
           r["cold"] <= GOAL_PAGE_S) for page, r in p3.items()),
        (f"{p4['charts']}-chart PPTX deck, warm kaleido <= {GOAL_DECK_S} s", f"{med(p4['runs']):.2f} s",
         med(p4["runs"]) <= GOAL_DECK_S),
    ]
    L = [f"# Benchmark results\n\nGenerated by `bench/run.py` (`make bench`) on {m['date']}, seed {SEED}. "
         "Medians; every individual run is listed under Absolute times.\n",
         "## Goals (ratios first)\n", "| Goal | Measured | Verdict |", "|---|---|---|"]
    L += [f"| {g} | {v} | {verdict(ok)} |" for g, v, ok in goals]
    L += ["", "The CSV goal is read as \"same as xlsx\" against pandas.read_csv: both the 1.5x-of-parse and the "
          "5x-faster forms are shown. Neither can be met by an ingest that stores what it reads: writing the "
          f"{p1['rows']:,} rows into a DuckDB file and committing takes longer than pandas.read_csv takes to read "
          "them (see the profile below).\n", "## Absolute times\n",
          f"P1 input: {p1['rows']:,} data rows x 75 columns; xlsx {p1['xlsx_mb']:.1f} MB, CSV {p1['csv_mb']:.1f} MB.\n",
          "| Case | Median (s) | Runs (s) |", "|---|---|---|"]
    for label, key in (("load_file xlsx (end to end, fresh store)", "ingest_xlsx"),
                       ("python-calamine to_python (bare parse, the yardstick)", "calamine"),
                       ("fastexcel to_arrow, all text (the reader the ingest uses)", "fastexcel"),
                       ("pandas.read_excel engine=openpyxl", "openpyxl"),
                       ("load_file CSV (end to end, fresh store)", "ingest_csv"), ("pandas.read_csv", "read_csv"),
                       ("DuckDB read_csv, all text (reference)", "duckdb_csv")):
        L.append(f"| {label} | {med(p1[key]):.2f} | {fmt(p1[key])} |")
    base, one, inproc = p1["rss_baseline"], p1["rss_ingest"], p1["rss_ingest_in_process"]
    L += ["", f"Peak RSS (from /proc, sampled every 5 ms; a fresh process each): importing the project and opening a "
          f"store {base['own']:.0f} MB. Ingesting the {p1['rows']:,}-row xlsx: the process {one['own']:.0f} MB, its "
          f"workbook-parsing child {one['child']:.0f} MB, both together at most {one['together']:.0f} MB (the child "
          f"exits before the rows are parsed and stored). With `MUSEUM_PARSE_IN_CHILD=0` (no child): "
          f"{inproc['own']:.0f} MB. A fresh process that only parses the file with python-calamine (the yardstick) "
          f"peaks at {p1['rss_calamine']:.0f} MB on its own (calamine holds every cell twice while it builds the "
          f"sheet); add the {base['own']:.0f} MB the project's libraries take before any file is read, and no "
          f"process that parses a file this size with calamine stays under {GOAL_RSS_MB} MB. Streaming readers "
          "(openpyxl read-only) use little memory but take ten times as long.\n",
          "### Aggregates (store built by tiling a generated sample into `responses`, one committed upload)\n",
          f"Wave {WAVE}; median of {QUERY_REPEATS} after one warm-up.\n",
          "| Response rows | Rows in wave | Build (s) | summary (ms) | digitisation_by_country (ms) |", "|---|---|---|---|---|"]
    for rows, r in p2.items():
        L.append(f"| {rows:,} | {r['respondents']:,} | {r['build_s']:.1f} | {med(r['summary']) * 1000:.1f} "
                 f"| {med(r['digitisation_by_country']) * 1000:.1f} |")
    L += ["", f"### Pages through AppTest at {PAGE_ROWS:,} response rows (app.py, switch_page)\n",
          "| Page | First render, cold caches (s) | Re-render, warm (s) |", "|---|---|---|"]
    L += [f"| {page} | {r['cold']:.2f} | {r['warm']:.2f} |" for page, r in p3.items()]
    L += ["", f"### Deck\n\n{p4['charts']} charts, PPTX with PNG pictures at 1600x900, kaleido warm: "
          f"{fmt(p4['runs'])} s.\n"]
    L += ["", "## Before and after\n", HISTORY]
    L += ["", "### Growth: xlsx ingest (load_file end to end)\n", "| Rows | Median (s) | s per 1k rows |", "|---|---|---|"]
    for rows, runs in sorted({**growth, p1["rows"]: p1["ingest_xlsx"]}.items()):
        L.append(f"| {rows:,} | {med(runs):.2f} | {med(runs) / rows * 1000:.3f} |")
    L += ["", f"Files above {limits.MAX_CELLS:,} cells (about {limits.MAX_CELLS // 75:,} rows of 75 columns) are "
          "refused by `limits.MAX_CELLS`; it was raised for the 100k-row measurement only.",
          "Ingest at 1M rows is not measured: it exceeds `limits.MAX_ROWS` (200,000 rows per file) and the "
          "50 MB upload limit (such an xlsx is about 330 MB), so load_file refuses it by design; split files load "
          "at the per-row cost above.\n",
          "## Where the time goes (cProfile, one load_file of the P1 xlsx; profiler overhead inflates totals)\n",
          "```", p1["profile"], "```\n", "## Machine\n",
          f"- nproc {m['nproc']}; CPU {m['cpu']}; RAM {m['ram_gb']:.1f} GB",
          f"- Python {m['python']} on {m['os']}",
          "- " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
          f"- Benchmarks run sequentially; date {m['date']}"]
    return "\n".join(L) + "\n"


def main() -> None:
    t0 = time.perf_counter()
    xlsx, csv_path, _ = make_files(P1_ROWS)
    print(f"inputs ready in {time.perf_counter() - t0:.0f}s ({TMP})", flush=True)
    p1 = p1_ingest(xlsx, csv_path)
    print(f"P1 done at {time.perf_counter() - t0:.0f}s", flush=True)
    p2 = p2_queries()
    growth = growth_ingest()
    p3 = p3_pages()
    p4 = p4_deck()
    text = report(p1, p2, growth, machine(), p3, p4)
    print(text.split("## Where the time goes")[0])
    if not QUICK:
        RESULTS.write_text(text)
        print(f"wrote {RESULTS} in {time.perf_counter() - t0:.0f}s total")
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
