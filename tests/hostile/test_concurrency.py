"""Concurrency inside one process, the way the app runs: one DuckDB connection per process, shared by every
session's thread (shared/DESIGN.md, STACK-NOTES C1/C2).

* two ingests at once, in threads, through load_bytes on the same connection: the store's write lock
  serialises them and both commit, whole;
* a reader calling analysis.figures.metrics.summary in a loop during an ingest sees the respondents from before or
  from after the commit, never a part of it;
* 20 viewer sessions (AppTest of the Overview through app.py, MUSEUM_DB set) render without an error while
  an ingest runs.
"""

from __future__ import annotations

import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from analysis.figures import metrics
from analysis.loading.upload import load_bytes
from analysis.loading.sample import generate_sample
from analysis import store
from analysis.store import connection, open_store
from tests.conftest import ROOT
from tests.hostile.conftest import SEED_ROWS, counts, write_survey_xlsx

pytestmark = pytest.mark.slow


def survey(tmp_path, name: str, museums: int, suffix: str, wave: str = "2024") -> tuple[bytes, int]:
    """A sample survey of about `museums` rows, all in `wave`, with museum IDs ending in `suffix`."""
    frame = generate_sample(museums=museums, seed=len(suffix) + museums)
    frame = frame.drop_duplicates("museum_id").reset_index(drop=True)
    frame["survey_wave"] = wave
    frame["museum_id"] = frame["museum_id"].astype("string") + suffix
    return write_survey_xlsx(tmp_path / name, frame).read_bytes(), len(frame)


class WatchedLock:
    """store.connection.write_lock, recording when each write section ran, to show that none overlapped."""

    def __init__(self, lock):
        self.lock, self.sections, self.now = lock, [], threading.Lock()

    def __enter__(self):
        self.lock.acquire()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        with self.now:
            self.sections.append((self.start, time.perf_counter()))
        self.lock.release()
        return False


def run_threads(*targets) -> list:
    """Start the targets together; return their results, re-raising the first error."""
    results, errors = [None] * len(targets), []
    gate = threading.Barrier(len(targets))

    def call(i, target):
        try:
            gate.wait()
            results[i] = target()
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(i, t)) for i, t in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    if errors:
        raise errors[0]
    return results


def test_two_ingests_at_once_are_serialised_and_both_commit(seeded, tmp_path, monkeypatch):
    first, n1 = survey(tmp_path, "first.xlsx", 800, "-A")
    second, n2 = survey(tmp_path, "second.xlsx", 800, "-B")
    watched = WatchedLock(connection.write_lock)
    monkeypatch.setattr(connection, "write_lock", watched)
    before = counts(seeded)
    a, b = run_threads(lambda: load_bytes(seeded, first, "first.xlsx", user="one"),
                       lambda: load_bytes(seeded, second, "second.xlsx", user="two"))
    assert (a["status"], b["status"]) == ("committed", "committed"), (a["errors"][:3], b["errors"][:3])
    assert (a["rows"], b["rows"]) == (n1, n2)
    assert counts(seeded) == (before[0] + 2, before[1] + n1 + n2)
    with seeded.cursor() as cur:
        per_upload = cur.execute("SELECT u.upload_id, u.rows, count(*) FROM uploads u JOIN responses r "
                                 "USING (upload_id) GROUP BY ALL").fetchall()
    assert all(rows == found for _, rows, found in per_upload)
    sections = sorted(watched.sections)
    assert len(sections) >= 2
    assert all(end <= nxt_start for (_, end), (nxt_start, _) in zip(sections, sections[1:])), "writes overlapped"


def test_a_reader_sees_the_respondents_before_or_after_an_ingest_never_part(seeded, tmp_path):
    data, added = survey(tmp_path, "ingest.xlsx", 2_000, "-R")
    before = metrics.summary(seeded, wave="2024")["respondents"]
    assert before == len(SEED_ROWS)
    done, seen = threading.Event(), []

    def ingest():
        try:
            return load_bytes(seeded, data, "ingest.xlsx")
        finally:
            done.set()

    def read():
        while not done.is_set():
            seen.append(metrics.summary(seeded, wave="2024")["respondents"])
        for _ in range(3):
            seen.append(metrics.summary(seeded, wave="2024")["respondents"])
        return seen

    result, _ = run_threads(ingest, read)
    assert result["status"] == "committed", result["errors"][:3]
    assert len(seen) > 3
    assert set(seen) <= {before, before + added}, sorted(set(seen))
    assert seen[-1] == before + added
    # Once the new respondents are visible they stay visible.
    first_after = seen.index(before + added)
    assert set(seen[first_after:]) == {before + added}


def test_twenty_viewers_render_the_overview_while_an_ingest_runs(tmp_path, monkeypatch):
    """The Overview renders through app.py (AppTest), then 20 viewer sessions at once build every chart of
    the deck from the process-wide connection to the published snapshot, as the pages do, while an upload
    commits on the primary as the Upload page does; the next rerun shows the new upload.
    (AppTest itself cannot run in 20 threads at once: its harness shares state between instances.)"""
    db = tmp_path / "viewers.duckdb"
    con = open_store(db)
    base, _ = survey(tmp_path, "base.xlsx", 300, "-V", wave="2025")
    assert load_bytes(con, base, "base.xlsx")["status"] == "committed"
    data, added = survey(tmp_path, "during.xlsx", 1_500, "-W", wave="2025")
    monkeypatch.setenv("MUSEUM_DB", str(db))

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    con.close()                                 # the app opens the store itself, as in production
    at.run()
    assert not at.exception, at.exception
    before = int(next(m.value for m in at.metric if m.label == "Museums responding").replace(",", ""))

    from analysis.charts import catalogue
    from analysis.figures.filters import Filters
    from ui import state
    app_con = state.database()                  # the connection the running app holds (cached resource)

    def viewer():
        slides = catalogue.build(app_con, Filters(wave="2025"), list(catalogue.CHARTS))
        assert len(slides) == len(catalogue.CHARTS) and all(s.figure.data for s in slides[:1])
        return metrics.summary(app_con, wave="2025")["respondents"]

    def upload():
        with store.writing(db) as primary:
            return load_bytes(primary, data, "during.xlsx")

    results = run_threads(upload, *[viewer] * 20)
    ingest, shown = results[0], results[1:]
    assert ingest["status"] == "committed", ingest["errors"][:3]
    assert len(shown) == 20 and set(shown) == {before}, sorted(set(shown))   # the snapshot they opened
    at.run()
    assert not at.exception, at.exception
    after = int(next(m.value for m in at.metric if m.label == "Museums responding").replace(",", ""))
    assert after == before + added
