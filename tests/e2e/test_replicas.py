"""Two app servers behind nginx (deploy/nginx.conf), one store: sessions stick to one server, both serve, and an
analyst's command-line load while both run is seen by a session on each of them at its next rerun (issue #21).

The short form of the deployment in deploy/: the load run with 1 and 2 replicas is bench/replicas.py.
"""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest
from playwright.sync_api import expect

from tests.conftest import small_survey
from tests.e2e.conftest import (LOAD_TIMEOUT_MS, ROOT, behind_nginx, open_idle, require, running_app, seeded_store,
                                served_by)

pytestmark = pytest.mark.e2e

NEW_IDS = [f"AT-9{i:03d}" for i in range(1, 8)]         # seven museums the sample does not have


def _respondents(page):
    return page.get_by_test_id("stMetric").filter(has_text="Museums responding").get_by_test_id("stMetricValue")


def _route(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "route")


def test_sessions_stick_to_a_replica_and_every_replica_sees_a_load_from_the_command_line(chromium, tmp_path):
    browser = require(chromium)
    db, wave, count, _ = seeded_store(tmp_path)
    with duckdb.connect(str(db), read_only=True) as con:
        clash = con.execute("SELECT count(*) FROM responses WHERE museum_id IN (SELECT unnest(?))",
                            [NEW_IDS]).fetchone()[0]
    assert clash == 0
    workbook = small_survey(tmp_path / "more.xlsx", [[museum, f"Neues Museum {museum}", "AT", wave, 30, 1000, 5000,
                                                      10_000] for museum in NEW_IDS])
    nginx = tmp_path / "nginx"

    with running_app(db, tmp_path / "one.log") as one, running_app(db, tmp_path / "two.log") as two, \
            behind_nginx([one, two], nginx) as front:
        replicas = {one.split("://")[1], two.split("://")[1]}
        overview = {}                                   # replica -> a session on its Overview page
        sessions = []
        while len(overview) < 2 and len(sessions) < 12:     # routes are random: 2 ** -11 to miss a replica
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = context.new_page()
            open_idle(page, front)
            expect(_respondents(page)).to_have_text(str(count))
            sessions.append(page)
            served = served_by(nginx)[_route(context)]
            assert len(served) == 1, served             # every request of the session reached one replica
            overview.setdefault(next(iter(served)), page)
        assert set(overview) == replicas, (overview, replicas)
        for path, title in (("digitisation", "Digitisation"), ("map", "Europe map")):     # other explore pages
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = context.new_page()
            open_idle(page, f"{front}/{path}", title)
            sessions.append(page)
        for page in sessions:
            expect(page.get_by_test_id("stException")).to_have_count(0)
            assert len(served_by(nginx)[_route(page.context)]) == 1

        loaded = subprocess.run([sys.executable, "-m", "analysis", "load", str(workbook), "--db", str(db)],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr

        for replica, page in overview.items():         # a rerun of the same session, on each replica
            page.get_by_role("button", name="Reset filters").click()
            expect(_respondents(page)).to_have_text(str(count + len(NEW_IDS)), timeout=LOAD_TIMEOUT_MS)
            expect(page.get_by_test_id("stException")).to_have_count(0)
            assert served_by(nginx)[_route(page.context)] == {replica}
        routes = [_route(page.context) for page in sessions]
        for page in sessions:
            page.context.close()
        deadline = time.monotonic() + 10                # nginx logs a websocket when it closes
        while not set(routes) <= set(served_by(nginx, "/_stcore/stream")) and time.monotonic() < deadline:
            time.sleep(0.1)
        streams, requests = served_by(nginx, "/_stcore/stream"), served_by(nginx)
        for route in routes:                            # the websocket too went where the page came from
            assert len(requests[route]) == 1 and streams.get(route) == requests[route], (route, streams, requests)
