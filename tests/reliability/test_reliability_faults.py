"""Fault cases: a real ingest and a real undo killed (SIGKILL) at random moments, and the states an
interrupted write can leave, repaired by the check on open and said once.

After every kill the store is opened as the app or the CLI would open it; the
promises must hold, and the same ingest or undo run again must complete.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.reliability.conftest import ROOT, activities_csv, assert_promises_hold, roster_csv
from tests.stored import fetch

# Imports the app once, then for each request forks a child that opens the store and ingests or
# undoes; the parent kills the child (SIGKILL) after the given delay, or lets it finish and says
# how long the work took (imports excluded, so the kills land inside the work).
FORKER = """
import os, signal, sys, time
from pathlib import Path
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard import uploads
print("ready", flush=True)
for line in sys.stdin:
    delay, db_path, action, argument = line.split()
    began = time.monotonic()
    child = os.fork()
    if child == 0:
        database = Database(db_path)
        ingest_file(database, Path(argument)) if action == "ingest" else uploads.undo(database, int(argument))
        database.close()
        os._exit(0)
    if float(delay) >= 0:
        time.sleep(float(delay))
        os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    print(time.monotonic() - began, flush=True)
"""

KILLS = 8
ROWS = 12000


@pytest.fixture(scope="module")
def forker():
    process = subprocess.Popen(
        [sys.executable, "-c", FORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout and process.stdout.readline().strip() == "ready"

    def run(db_path: Path, action: str, argument: str, kill_after: float = -1.0) -> float:
        assert process.stdin and process.stdout
        process.stdin.write(f"{kill_after} {db_path} {action} {argument}\n")
        process.stdin.flush()
        return float(process.stdout.readline())

    yield run
    process.kill()


def stored(db_path: Path) -> tuple[int, list[str]]:
    """(activities stored, what the check on open repaired), opened as the app would."""
    database = Database(db_path)
    try:
        assert_promises_hold(database)
        return fetch(database, "SELECT count(*) FROM activities")[0][0], database.repairs
    finally:
        database.close()


@pytest.mark.slow
def test_ingest_killed_at_random_moments(tmp_path: Path, forker) -> None:
    db_path = tmp_path / "store.duckdb"
    export = activities_csv(tmp_path / "week.csv", ROWS)
    timing = tmp_path / "timing.duckdb"
    Database(timing).close()
    duration = forker(timing, "ingest", str(export))
    moments = random.Random(14).sample(range(1000), KILLS)
    for n, moment in enumerate(sorted(moments)):
        Database(db_path).close()
        forker(db_path, "ingest", str(export), kill_after=duration * 1.2 * moment / 1000)
        rows, _ = stored(db_path)
        assert rows in (0, ROWS), f"kill {n}: {rows} rows half-stored"
        database = Database(db_path)
        result = ingest_file(database, export)  # the same file again completes
        assert result.status == ("duplicate" if rows else "loaded"), result.message
        uploads.undo(database, result.upload_id)
        database.close()


@pytest.mark.slow
def test_undo_killed_at_random_moments(tmp_path: Path, forker) -> None:
    db_path = tmp_path / "store.duckdb"
    first = activities_csv(tmp_path / "w1.csv", ROWS)
    second = activities_csv(tmp_path / "w2.csv", ROWS, first_id=ROWS // 2)  # overlaps: 1.5 x ROWS - 1 ids
    database = Database(db_path)
    ingest_file(database, second)
    database.close()
    moments = random.Random(41).sample(range(1000), KILLS)
    duration = None
    for n, moment in enumerate(sorted(moments)):
        database = Database(db_path)
        upload_id = ingest_file(database, first).upload_id
        database.close()
        if duration is None:  # the first round times a whole undo, then loads the file again
            duration = forker(db_path, "undo", str(upload_id))
            database = Database(db_path)
            upload_id = ingest_file(database, first).upload_id
            database.close()
        forker(db_path, "undo", str(upload_id), kill_after=duration * 1.2 * moment / 1000)
        rows, _ = stored(db_path)
        assert rows in (ROWS * 3 // 2 - 1, ROWS), f"kill {n}: {rows} rows after a cut undo"
        database = Database(db_path)
        try:
            if rows != ROWS:
                uploads.undo(database, upload_id)  # the undo run again completes
            assert fetch(database, "SELECT count(*) FROM activities")[0][0] == ROWS  # the second file's
        finally:
            database.close()


# ----------------------------------------------------------------------------- interrupted states


def cut_ingest(database: Database, tmp_path: Path) -> str:
    """Rows of an upload that `uploads` never recorded (a commit cut short)."""
    ingest_file(database, activities_csv(tmp_path / "kept.csv", 100))
    fetch(database, "INSERT INTO activities SELECT * REPLACE (upload_id + 1000 AS upload_id) FROM activities")
    return "upload 1001 was interrupted before it was recorded"


def cut_undo(database: Database, tmp_path: Path) -> str:
    """An upload marked undone whose rows are still there."""
    loaded = ingest_file(database, activities_csv(tmp_path / "w.csv", 100))
    fetch(database, "UPDATE uploads SET undone_at = now() WHERE upload_id = ?", loaded.upload_id)
    return f"upload {loaded.upload_id} was undone, but the undo was interrupted"


def two_current_roster_rows(database: Database, tmp_path: Path) -> str:
    ingest_file(database, roster_csv(tmp_path / "r.csv", "East"), IngestOptions(kind="roster"))
    fetch(
        database, "INSERT INTO reps SELECT * REPLACE ('West' AS team, upload_id + 1 AS upload_id) FROM reps"
    )
    fetch(
        database,
        "INSERT INTO uploads SELECT * REPLACE (upload_id + 1 AS upload_id, 'x' AS sha256) FROM uploads",
    )
    return "30 rep(s) had more than one current roster row"


def cut_roster_replacement(database: Database, tmp_path: Path) -> str:
    """A roster upload cut short after it marked the old rows replaced: they must come back."""
    ingest_file(database, roster_csv(tmp_path / "r.csv", "East"), IngestOptions(kind="roster"))
    fetch(database, "UPDATE reps SET superseded_by = 77")
    return "upload 77 was interrupted before it was recorded"


INTERRUPTED = {
    "ingest cut while committing": cut_ingest,
    "undo cut half-way": cut_undo,
    "two current roster rows for a rep": two_current_roster_rows,
    "roster replacement cut short": cut_roster_replacement,
}


@pytest.mark.parametrize("case", INTERRUPTED, ids=list(INTERRUPTED))
def test_check_on_open_repairs_and_says_so_once(case: str, tmp_path: Path) -> None:
    db_path = tmp_path / "store.duckdb"
    database = Database(db_path)
    expected = INTERRUPTED[case](database, tmp_path)
    database.close()
    opened = Database(db_path)
    assert any(expected in sentence for sentence in opened.repairs), opened.repairs
    assert_promises_hold(opened)
    opened.close()
    again = Database(db_path)
    assert again.repairs == []  # said once
    again.close()


def test_repair_is_said_on_stderr(tmp_path: Path) -> None:
    db_path = tmp_path / "store.duckdb"
    database = Database(db_path)
    cut_ingest(database, tmp_path)
    database.close()
    result = subprocess.run(
        [sys.executable, "-c", "from dashboard.cli import main; main()", "--db", str(db_path), "reps"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert "repaired: upload 1001 was interrupted before it was recorded" in result.stderr


def test_repair_is_said_on_the_page_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    db_path = tmp_path / "app.duckdb"
    database = Database(db_path)
    cut_ingest(database, tmp_path)
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    first = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert any("upload 1001 was interrupted" in w.value for w in first.warning)
    second = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not any("repaired" in w.value for w in second.warning)


def test_each_command_leaves_a_file_the_next_one_opens(tmp_path: Path) -> None:
    """A fresh store's schema goes into the file, not DuckDB's journal (which cannot replay macros,
    duckdb/duckdb#19712), and every process closes the file as it ends."""
    db_path = tmp_path / "fresh.duckdb"
    for command in (["init"], ["init"], ["reps", "--json"]):
        result = subprocess.run(
            [sys.executable, "-c", "from dashboard.cli import main; main()", "--db", str(db_path), *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    assert not db_path.with_name("fresh.duckdb.wal").exists()
