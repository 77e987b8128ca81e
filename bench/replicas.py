"""Many people at once (issue #21): explore pages opened by many browsers through nginx (deploy/nginx.conf) in
front of 1 and 2 app servers on one store, while an analyst loads more museums from the command line.

For each replica count, on a fresh store seeded with the generated sample (120 museums, two waves): SESSIONS
headless chromium sessions (one browser, a fresh context each, at most PARALLEL at a time) start at an even pace
over SPREAD_S seconds; each opens one explore page through nginx and waits until the script has run to the end
and the page is drawn. When LOAD_AFTER sessions have started, `python -m analysis load` commits NEW_MUSEUMS more
museums into the latest wave. Per session: seconds to rendered, any error (a timeout or a traceback box on the
page), which replica served it (nginx's access log, by the session's route cookie), and which data version its
sidebar names. Run by `bench/run.py replicas`; `table()` writes its part of bench/RESULTS.md.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUICK = os.environ.get("BENCH_QUICK") == "1"
SESSIONS, PARALLEL, SPREAD_S, LOAD_AFTER = (20, 10, 20, 8) if QUICK else (100, 10, 120, 40)
NEW_MUSEUMS = 7
SESSION_TIMEOUT_MS = 120_000
# Explore pages and their headings (views/*.py), opened in turn.
PAGES = (("", "Museum digitisation in Europe"), ("digitisation", "Digitisation"),
         ("skills", "Digital skills and AI readiness"), ("funding", "Funding need and shortfall"),
         ("map", "Europe map"))


async def _session(browser, front: str, path: str, title: str) -> dict:
    """Open one page in a fresh browser context; seconds until the script has finished and the page is drawn."""
    from playwright.async_api import expect

    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    row = {"page": path or "overview", "error": None}
    started = time.monotonic()
    try:
        await page.goto(f"{front}/{path}", timeout=SESSION_TIMEOUT_MS)
        app = page.get_by_test_id("stApp")
        await expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=SESSION_TIMEOUT_MS)
        await expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=SESSION_TIMEOUT_MS)
        await expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=SESSION_TIMEOUT_MS)
        await expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=SESSION_TIMEOUT_MS)
        row["seconds"] = time.monotonic() - started
        if await page.get_by_test_id("stException").count():
            row["error"] = "traceback on the page: " + (await page.get_by_test_id("stException").first.inner_text())
        row["version"] = await page.get_by_text(re.compile(r"^Data version:")).first.inner_text()
        if not path:
            row["respondents"] = await (page.get_by_test_id("stMetric").filter(has_text="Museums responding")
                                        .get_by_test_id("stMetricValue").inner_text())
    except Exception as exc:                       # a timeout or a broken page: recorded, the run goes on
        row["seconds"] = time.monotonic() - started
        row["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    row["route"] = next((c["value"] for c in await context.cookies() if c["name"] == "route"), None)
    await context.close()
    return row


async def _load(workbook: Path, db: Path) -> dict:
    """The analyst's command-line load, while the sessions go on."""
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "analysis", "load", str(workbook), "--db", str(db), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await proc.communicate()
    return {"returncode": proc.returncode, "seconds": time.monotonic() - started, "done": time.monotonic(),
            "output": output.decode()[-2000:]}


async def _drive(front: str, workbook: Path, db: Path) -> tuple[list[dict], dict]:
    from playwright.async_api import async_playwright
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    gate, rows, load = asyncio.Semaphore(PARALLEL), [], {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        t0 = time.monotonic()

        async def one(i: int) -> None:
            await asyncio.sleep(max(0.0, t0 + i * SPREAD_S / SESSIONS - time.monotonic()))
            async with gate:
                start = time.monotonic()
                if i == LOAD_AFTER:
                    load["task"] = asyncio.create_task(_load(workbook, db))
                row = await _session(browser, front, *PAGES[i % len(PAGES)])
                rows.append({"i": i, "start": start - t0, **row})

        await asyncio.gather(*(one(i) for i in range(SESSIONS)))
        committed = await load["task"]
        await browser.close()
    committed["done"] -= t0
    return sorted(rows, key=lambda r: r["i"]), committed


def run(replicas: int, work: Path) -> dict:
    """One load run with `replicas` app servers behind nginx."""
    from tests.conftest import small_survey
    from tests.e2e.conftest import behind_nginx, running_app, seeded_store, served_by

    import duckdb

    db, wave, count, _ = seeded_store(work)
    ids = [f"AT-9{i:03d}" for i in range(1, NEW_MUSEUMS + 1)]
    with duckdb.connect(str(db), read_only=True) as con:
        assert not con.execute("SELECT count(*) FROM responses WHERE museum_id IN (SELECT unnest(?))",
                               [ids]).fetchone()[0], "the new museums must be new to the store"
    workbook = small_survey(work / "more.xlsx", [[museum, f"Neues Museum {museum}", "AT", wave, 30, 1000, 5000, 10_000]
                                                 for museum in ids])
    with ExitStack() as stack:
        urls = [stack.enter_context(running_app(db, work / f"app{n}.log")) for n in range(replicas)]
        front = stack.enter_context(behind_nginx(urls, work / "nginx"))
        rows, load = asyncio.run(_drive(front, workbook, db))
    routes = served_by(work / "nginx")
    names = {url.split("://")[1]: f"replica {n + 1}" for n, url in enumerate(urls)}
    for row in rows:
        served = routes.get(row["route"], set())
        row["replica"] = names.get(next(iter(served)), "?") if len(served) == 1 else f"{len(served)} replicas"
        row["new_data"] = "uploads #1–2" in row.get("version", "")
        row["after_commit"] = row["start"] > load["done"]
    return {"replicas": replicas, "respondents_before": count, "respondents_after": count + NEW_MUSEUMS,
            "load": {k: v for k, v in load.items() if k != "done"} | {"committed_at": load["done"]},
            "sessions": rows}


def measure() -> dict:
    out = {"sessions": SESSIONS, "parallel": PARALLEL, "spread_s": SPREAD_S, "load_after": LOAD_AFTER,
           "new_museums": NEW_MUSEUMS, "runs": {}}
    for replicas in (1, 2):
        with tempfile.TemporaryDirectory(prefix=f"replicas-{replicas}-") as tmp:
            out["runs"][str(replicas)] = run(replicas, Path(tmp))
    return out


def _quantile(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[round(q * 100) - 1] if len(xs) > 1 else xs[0]


def table(r: dict) -> list[str]:
    """The "Many people at once" part of bench/RESULTS.md."""
    L = ["## Many people at once (issue #21): explore pages through nginx, 1 and 2 app servers\n",
         f"{r['sessions']} headless chromium sessions per run (Debian chromium, one browser, a fresh context each, "
         f"at most {r['parallel']} at a time), started evenly over {r['spread_s']} s; each opens one explore page "
         "(overview, digitisation, skills, funding, map in turn) through nginx with deploy/nginx.conf and waits "
         "until the script has finished and the page is drawn. After session "
         f"{r['load_after']} starts, `python -m analysis load` commits {r['new_museums']} more museums into the "
         "latest wave of the same store. Store: the generated sample (120 museums). The app servers, nginx, the "
         f"browser and the load share this machine's cores: with few cores, the browsers drawing {r['parallel']} "
         "pages at once take much of them, so these times are largely the clients' and a second app server on the "
         "same machine shows that sessions are shared out and kept, not what a second machine would gain. "
         f"Measured {r['measured']}.\n",
         "| App servers | Sessions | Errors | p50 (s) | p95 (s) | Slowest (s) | Sessions per server | "
         "Load exit code, seconds | Sessions started after the commit showing it, per server |",
         "|---|---|---|---|---|---|---|---|---|"]
    for replicas, run_ in r["runs"].items():
        rows = run_["sessions"]
        times = [x["seconds"] for x in rows if not x["error"]]
        errors = [x for x in rows if x["error"]]
        per = {}
        for x in rows:
            per[x["replica"]] = per.get(x["replica"], 0) + 1
        later: dict[str, list[int]] = {}
        for x in rows:
            if x["after_commit"] and not x["error"]:
                seen = later.setdefault(x["replica"], [0, 0])
                seen[0] += x["new_data"] and (x.get("respondents") in (None, str(run_["respondents_after"])))
                seen[1] += 1
        L.append(f"| {replicas} | {len(rows)} | {len(errors)} | {_quantile(times, 0.5):.1f} | "
                 f"{_quantile(times, 0.95):.1f} | {max(times):.1f} | "
                 + ", ".join(f"{k}: {v}" for k, v in sorted(per.items())) + " | "
                 f"{run_['load']['returncode']}, {run_['load']['seconds']:.1f} | "
                 + ", ".join(f"{k}: {a} of {b}" for k, (a, b) in sorted(later.items())) + " |")
    L += ["", "A session counts as showing the commit when its sidebar names uploads #1–2 and, on the overview, "
          "when it counts the museums the sample has in the latest wave plus the new ones (worked out from the "
          "files, not read from the app). Sessions that were open while the commit ran show either version."]
    for replicas, run_ in r["runs"].items():
        for x in run_["sessions"]:
            if x["error"]:
                L.append(f"- {replicas} server(s), session {x['i']} ({x['page']}): {x['error']}")
    return L + [""]
