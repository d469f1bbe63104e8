"""Real browser over a lake: two `streamlit run` servers on one PostgreSQL catalog (issue 16).

Servers A and B are two app processes on different ports with the same `DASHBOARD_DB`
(`ducklake:postgres:…`) and `DASHBOARD_DATA_PATH`, as two app servers behind a load balancer
would be. B's Team page is open before anything is loaded; a roster and a week of calls uploaded
through A's Upload page show on it after a rerun of that same session. The other way round: A's
Team page, drawn (and cached) with the calls, shows an undo made on B's Uploads page after a
reload. A third process, this test's, sees every row stored once.
Skipped, saying why, without a PostgreSQL server or the DuckLake extension wheels (`tests.stores`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.db import Database
from tests.reliability.conftest import activities_csv, assert_promises_hold, roster_csv
from tests.stored import fetch
from tests.stores import store_spec
from tests.streamlit_server import ROOT, chromium, new_page, running_streamlits
from tests.test_browser import wait_until_idle

pytestmark = pytest.mark.browser

ROWS = 300
REP = "Ada Park"  # the calls' rep, first of the roster
NO_DATA = "No data yet: load this week's exports first."  # Team with no week to show


def rerun(page) -> None:
    """Streamlit's own rerun of the page as it stands (its R key), in the same session."""
    wait_until_idle(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # no widget takes the key
    page.keyboard.press("r")


def stored(database: Database) -> dict[str, int]:
    """What the store holds, as a process of its own (this test's) reads it."""
    counts = {t: fetch(database, f"SELECT count(*) FROM {t}")[0][0] for t in ("activities", "reps")}
    counts["uploads"] = fetch(database, "SELECT count(*) FROM uploads WHERE undone_at IS NULL")[0][0]
    assert_promises_hold(database)
    return counts


def test_an_upload_through_one_server_shows_on_the_other(tmp_path: Path) -> None:
    with store_spec("postgres", tmp_path) as spec:  # sets DASHBOARD_DATA_PATH for both servers
        database = Database(spec)  # migrated once, as `dashboard init` would
        try:
            run_two_servers(spec, tmp_path, database)
        finally:
            database.close()


def run_two_servers(spec: str, tmp_path: Path, database: Database) -> None:
    roster = roster_csv(tmp_path / "roster.csv", "East", reps=6)
    calls = activities_csv(tmp_path / "calls.csv", ROWS, rep=REP)
    logs = [tmp_path / "a", tmp_path / "b"]
    for folder in logs:
        folder.mkdir()
    env = {**os.environ, "DASHBOARD_DB": spec}
    with running_streamlits(ROOT, logs, env, echo_log=True) as (url_a, url_b), chromium() as browser:
        a, b = new_page(browser), new_page(browser)
        b.goto(f"{url_b}/team")  # open before the upload: nothing to show yet
        a.goto(f"{url_a}/upload")  # both servers open the lake meanwhile
        b.get_by_text(NO_DATA).wait_for()
        wait_until_idle(a)
        a.locator("[data-testid=stFileUploader] input[type=file]").set_input_files([str(roster), str(calls)])
        a.get_by_text("calls.csv").first.wait_for()
        a.get_by_role("button", name="Load files").click()
        a.get_by_text("roster.csv: 6 roster rows loaded").wait_for()
        a.get_by_text(f"calls.csv: {ROWS} activities rows loaded").wait_for()
        assert stored(database) == {"activities": ROWS, "reps": 6, "uploads": 2}

        rerun(b)  # the same session of server B, drawn again
        b.locator("table.scorecard").get_by_role("link", name=REP).wait_for()
        assert b.get_by_text(NO_DATA).count() == 0

        a.goto(f"{url_a}/team")  # server A draws (and caches) Team with the calls
        a.locator("table.scorecard").get_by_role("link", name=REP).wait_for()

        b.goto(f"{url_b}/uploads")  # the newest upload, the calls, is chosen first
        b.get_by_text("Yes, remove everything upload #2 added").click()
        b.get_by_role("button", name="Undo this upload").click()
        b.get_by_text(f"Upload #2 undone: {ROWS:,} rows removed.").wait_for()

        a.reload()
        a.get_by_text(NO_DATA).wait_for()  # the roster alone: no week to show
        assert a.locator("table.scorecard").count() == 0
    assert stored(database) == {"activities": 0, "reps": 6, "uploads": 1}
