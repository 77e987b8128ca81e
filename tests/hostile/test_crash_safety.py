"""Crash safety: `python -m analysis load BIG.xlsx` is SIGKILLed at several points (while starting, while
parsing, while the store is being written, just after it printed its report). Reopening the store must show
the upload whole or not at all, and for every upload `uploads.rows` must equal its rows in `responses`.

BIG.xlsx (~29,000 museum rows x 75 columns) is built once for the module from analysis.loading.sample, written
directly as sheet XML (conftest.write_survey_xlsx; openpyxl would take minutes for it). Every kill gets its
own copy of a store that already holds one upload, so the kills are independent and can run side by side.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.loading.upload import load_bytes
from analysis.loading.sample import generate_sample
from analysis.store import open_store
from tests.conftest import ROOT
from tests.hostile.conftest import HEADER, SEED_ROWS, counts, write_survey_xlsx, xlsx_bytes

pytestmark = pytest.mark.slow
BIG = "BIG.xlsx"


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> tuple[Path, int]:
    base = generate_sample(museums=7_000)
    copies = []
    for k, suffix in enumerate(("", "-B", "-C")):        # three copies with their own museum IDs: ~29,000 rows
        copy = base.copy()
        copy["museum_id"] = copy["museum_id"].astype("string") + suffix
        copies.append(copy)
    frame = pd.concat(copies, ignore_index=True)
    path = tmp_path_factory.mktemp("big") / BIG
    write_survey_xlsx(path, frame)
    return path, len(frame)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash-seed") / "seed.duckdb"
    con = open_store(path)
    assert load_bytes(con, xlsx_bytes([HEADER, *SEED_ROWS]), "seed.xlsx", user="seed")["status"] == "committed"
    con.close()
    return path


def start_load(big: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analysis", "load", str(big), "--db", str(db), "--json"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)


def size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def kill_when(proc: subprocess.Popen, db: Path, point: str | float) -> str:
    """SIGKILL `proc` after `point` seconds, or when the store starts to grow ("writing": the rows are being
    written or committed), or as soon as it prints ("printed": the commit is done). Returns what happened."""
    wal = db.with_name(db.name + ".wal")
    started, base = time.monotonic(), size(db)
    os.set_blocking(proc.stdout.fileno(), False)
    while proc.poll() is None:
        if isinstance(point, float) and time.monotonic() - started >= point:
            break
        if point == "writing" and (size(wal) > 256 * 1024 or size(db) > base + 256 * 1024):
            break
        if point == "printed" and proc.stdout.read(1):
            break
        if time.monotonic() - started > 240:
            proc.kill()
            pytest.fail(f"load did not reach '{point}' within 240 s")
        time.sleep(0.001)
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return "finished before the kill" if finished else f"killed at {point}"


def check_all_or_nothing(db: Path, rows: int) -> str:
    """Reopen the store (DuckDB replays its WAL) and check the invariants; returns 'all' or 'none'."""
    con = open_store(db)
    try:
        uploads = con.execute("SELECT u.upload_id, u.filename, u.rows, count(r.upload_id) FROM uploads u "
                              "LEFT JOIN responses r USING (upload_id) GROUP BY ALL ORDER BY 1").fetchall()
        orphans = con.execute("SELECT count(*) FROM responses WHERE upload_id NOT IN "
                              "(SELECT upload_id FROM uploads)").fetchone()[0]
        assert orphans == 0, f"{orphans} responses belong to no upload"
        for upload_id, filename, declared, actual in uploads:
            assert declared == actual, f"upload {upload_id} ({filename}) says {declared} rows, has {actual}"
        assert uploads[0][1:] == ("seed.xlsx", 3, 3)
        big = [u for u in uploads if u[1] == BIG]
        assert len(big) <= 1 and len(uploads) == 1 + len(big)
        assert not big or big[0][3] == rows, f"partial upload: {big[0][3]} of {rows} rows"
        # The store still takes a new upload after the crash.
        assert load_bytes(con, xlsx_bytes(), "after-crash.xlsx")["status"] == "committed"
        assert counts(con)[1] == 3 + 3 + (rows if big else 0)
        return "all" if big else "none"
    finally:
        con.close()


def test_sigkill_leaves_every_upload_whole_or_absent(big_file, seeded_store, tmp_path):
    big, rows = big_file
    assert rows > 28_000
    points: list[str | float] = [0.5, 1.5, 3.0, "writing", "printed"]
    stores = {point: tmp_path / f"kill-{i}.duckdb" for i, point in enumerate(points)}
    for db in stores.values():
        shutil.copyfile(seeded_store, db)
    what, outcome = {}, {}
    # The three early kills, side by side; then the two late ones (each waits for the whole parse), side by side.
    for batch in (points[:3], points[3:]):
        procs = {point: start_load(big, stores[point]) for point in batch}
        for point, proc in procs.items():
            what[point] = kill_when(proc, stores[point], point)
    for point in points:
        outcome[point] = check_all_or_nothing(stores[point], rows)
    summary = {str(p): (what[p], outcome[p]) for p in points}
    # Killed within the first seconds the process is still starting or parsing: nothing can have been written.
    assert outcome[0.5] == "none", summary
    # Killed once it printed its report, the commit is done: all rows are there.
    assert outcome["printed"] == "all", summary
    print(summary)
