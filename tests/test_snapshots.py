"""Many readers, one writer at a time (analysis.store.snapshots): pages and read-only commands read the newest
published snapshot and never wait; writes take turns across processes; a snapshot is published whole or not at
all, even when the writer is killed; old snapshots are pruned."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from analysis import store
from analysis.loading.upload import load_bytes
from analysis.store import snapshots
from tests.conftest import ROOT, small_survey

CLI = [sys.executable, "-m", "analysis"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _museums(i: int, n: int, prefix: str) -> list[list]:
    return [[f"{prefix}-{i}-{k}", f"Museum {prefix} {i}-{k}", "AT", "2025", 10 + k, 1000, 10_000, 100_000]
            for k in range(n)]


def _answers(con) -> int:
    return con.execute("SELECT count(*) FROM current_responses").fetchone()[0]


def _seeded(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    with store.writing(db) as con:
        assert load_bytes(con, small_survey(tmp_path / "seed.xlsx").read_bytes(), "seed.xlsx")["status"] == "committed"
    return db


def test_a_reader_keeps_its_snapshot_while_the_command_line_loads(tmp_path):
    db = _seeded(tmp_path)
    reader = store.reading(db)                        # as a page holds it
    assert _answers(reader) == 3
    new = small_survey(tmp_path / "more.xlsx", _museums(1, 4, "CLI"))
    done = subprocess.run([*CLI, "load", str(new), "--db", str(db), "--json"], env=ENV, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["status"] == "committed"
    assert _answers(reader) == 3                      # the snapshot it opened does not change under it
    assert _answers(store.reading(db)) == 3 + 4       # the next read sees the upload


def test_two_loads_at_once_take_turns_and_both_commit(tmp_path):
    db = _seeded(tmp_path)
    files = [small_survey(tmp_path / f"f{i}.xlsx", _museums(i, 5, "TWO")) for i in range(2)]
    runs = [subprocess.Popen([*CLI, "load", str(f), "--db", str(db), "--json"], env=ENV, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outs]
    assert [json.loads(out)["files"][0]["status"] for out, _ in outs] == ["committed", "committed"]
    con = store.reading(db)
    assert _answers(con) == 3 + 5 + 5
    assert con.execute("SELECT count(*) FROM uploads").fetchone()[0] == 3


def test_a_writer_waits_visibly_for_its_turn_and_gives_up_with_a_clear_message(tmp_path):
    db = _seeded(tmp_path)
    holding, release = threading.Event(), threading.Event()

    def other_writer():
        with store.writing(db):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=other_writer)
    thread.start()
    holding.wait(10)
    told = []
    with pytest.raises(store.WriterBusy, match="still being written by another upload or edit after 0.3 seconds"):
        with store.writing(db, wait=0.3, on_wait=lambda: told.append("waiting")):
            pass
    assert told == ["waiting"]                        # said once, not once per try
    release.set()
    thread.join()
    with store.writing(db, wait=5) as con:           # the turn comes once the other writer is done
        assert _answers(con) == 3


def test_old_snapshots_are_pruned_and_the_newest_is_read(tmp_path):
    db = _seeded(tmp_path)                            # snapshot 1
    for _ in range(4):                                # snapshots 2..5
        with store.writing(db):
            pass
    names = sorted(p.name for p in snapshots.folder(db).iterdir())
    kept = int(os.environ.get("MUSEUM_SNAPSHOTS_KEEP", 3))
    assert names == [f"snapshot-{n:08d}.duckdb" for n in range(6 - kept, 6)]
    assert snapshots.newest(db).name == "snapshot-00000005.duckdb"


def test_a_copy_cut_short_is_never_read_and_is_cleared_by_the_next_publication(tmp_path):
    db = _seeded(tmp_path)
    partial = snapshots.folder(db) / ".partial-99999-2"
    partial.write_bytes(b"half a database")
    assert snapshots.newest(db).name == "snapshot-00000001.duckdb"
    with store.writing(db):
        pass
    assert not partial.exists()


def test_a_store_written_without_publishing_is_published_before_it_is_read(tmp_path):
    db = _seeded(tmp_path)
    con = store.open_store(db)                        # code outside `writing` (an older tool, a restore)
    assert load_bytes(con, small_survey(tmp_path / "direct.xlsx", _museums(1, 2, "DIR")).read_bytes(),
                      "direct.xlsx")["status"] == "committed"
    con.close()
    assert _answers(store.reading(db)) == 3 + 2


def test_a_deleted_store_is_read_as_a_new_empty_one_not_from_its_old_snapshots(tmp_path):
    db = _seeded(tmp_path)                            # 3 answers, published
    db.unlink()                                       # an administrator starts afresh; the snapshots stay behind
    assert _answers(store.reading(db)) == 0
    new = small_survey(tmp_path / "fresh.xlsx", _museums(1, 2, "NEW"))
    done = subprocess.run([*CLI, "load", str(new), "--db", str(db), "--json"], env=ENV, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _answers(store.reading(db)) == 2


WRITER = """
import sys
from analysis import store
from analysis.loading.upload import load_bytes
from tests.conftest import small_survey
from pathlib import Path
db, work = Path(sys.argv[1]), Path(sys.argv[2])
i = 0
while True:
    i += 1
    rows = [[f"K-{sys.argv[3]}-{i}-{k}", f"Museum {i}", "AT", "2025", 10, 1000, 10_000, 100_000] for k in range(3)]
    data = small_survey(work / f"k{i}.xlsx", rows).read_bytes()
    with store.writing(db) as con:
        load_bytes(con, data, f"k{i}.xlsx")
    with store.writing(db):                          # publication alone, to be killed in the middle of one too
        pass
"""


def test_the_newest_complete_snapshot_is_readable_after_kill_9_at_any_moment(tmp_path):
    db = _seeded(tmp_path)
    rng = random.Random(20261205)
    for round_ in range(8):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(tmp_path), str(round_)], env=ENV,
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(1.5, 4.0))             # start-up, then somewhere in its loop
        assert writer.poll() is None, writer.stderr.read().decode()
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
        newest = snapshots._published(db)[-1]
        con = store.connect(newest, read_only=True)   # the snapshot as it was published, not republished
        uploads, rows = con.execute("SELECT count(*), sum(rows) FROM uploads WHERE status = 'committed'").fetchone()
        assert con.execute("SELECT count(*) FROM responses").fetchone()[0] == rows   # every upload whole
        assert _answers(con) == 3 * uploads           # 3 seed museums, then 3 new ones per upload
        con.close()
    assert _answers(store.reading(db)) >= 3           # the primary, after the last kill, still opens and publishes
