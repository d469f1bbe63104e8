"""Concurrency cases: real threads (sessions of one app) and real processes (the app, cron, the CLI).

Each case does the same thing twice at once, or reads while another writes, and
checks what the store holds afterwards: nothing doubled, nothing half-stored,
one current roster row per rep, and every reader answered (waiting its turn).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard import access, roster, target_edit, uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.reliability.conftest import (
    DASHBOARD,
    ROOT,
    activities_csv,
    assert_promises_hold,
    rep_name,
    roster_csv,
    run_cli,
)
from tests.stored import fetch


def at_once(*calls: Callable[[], object]) -> list[object]:
    """Runs the calls in threads released together; returns results (or the exceptions raised)."""
    start = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        start.wait()
        try:
            results[i] = call()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def count(database: Database, table: str) -> int:
    return fetch(database, f"SELECT count(*) FROM {table}")[0][0]


# ----------------------------------------------------------------------------- threads


def same_file_twice(tmp_path: Path, database: Database, copies: int = 2) -> None:
    path = activities_csv(tmp_path / "week.csv", 3000)
    results = at_once(*[lambda: ingest_file(database, path)] * copies)
    assert sorted(r.status for r in results) == ["duplicate"] * (copies - 1) + ["loaded"]
    assert count(database, "activities") == 3000


def same_roster_twice(tmp_path: Path, database: Database) -> None:
    path = roster_csv(tmp_path / "roster.csv", "East")
    results = at_once(*[lambda: ingest_file(database, path, IngestOptions(kind="roster"))] * 2)
    assert sorted(r.status for r in results) == ["duplicate", "loaded"]
    assert len(roster.list_reps(database)) == 30


def two_rosters_at_once(tmp_path: Path, database: Database) -> None:
    east, west = roster_csv(tmp_path / "east.csv", "East"), roster_csv(tmp_path / "west.csv", "West")
    results = at_once(
        lambda: ingest_file(database, east, IngestOptions(kind="roster")),
        lambda: ingest_file(database, west, IngestOptions(kind="roster")),
    )
    assert [r.status for r in results] == ["loaded", "loaded"]
    reps = roster.list_reps(database)
    assert len(reps) == 30 and reps["team"].nunique() == 1  # the later upload's team, for everyone


def same_opportunities_twice(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "Opportunity ID,Opportunity Owner,Opportunity Name,Stage,Amount,Close Date,Created Date,As of Date\n"
        + "".join(
            f"006{i:05d},Ada Park,Deal {i},Closed Won,{1000 + i},2026-03-0{1 + i % 5},2026-01-05,2026-03-09\n"
            for i in range(200)
        )
    )
    results = at_once(*[lambda: ingest_file(database, path)] * 2)
    assert sorted(r.status for r in results) == ["duplicate", "loaded"], [r.message for r in results]
    assert count(database, "opportunity_snapshots") == 200


def same_targets_twice(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "targets.csv"
    path.write_text("Metric,Value,Period,Team,Rep,Effective From\nfirst_meetings,3,week,East,,2026-03-02\n")
    results = at_once(*[lambda: ingest_file(database, path)] * 2)
    assert sorted(r.status for r in results) == ["duplicate", "loaded"]
    assert count(database, "targets WHERE superseded_by IS NULL AND upload_id IS NOT NULL") == 1


def undo_twice(tmp_path: Path, database: Database) -> None:
    loaded = ingest_file(database, activities_csv(tmp_path / "week.csv", 2000))
    results = at_once(*[lambda: uploads.undo(database, loaded.upload_id)] * 2)
    assert sorted(map(type, results), key=str) == sorted([int, uploads.UndoError], key=str)
    assert any("undone already" in str(r) for r in results)
    assert count(database, "activities") == 0


def ingest_while_undoing(tmp_path: Path, database: Database) -> None:
    first = ingest_file(database, activities_csv(tmp_path / "w1.csv", 2000))
    second = activities_csv(tmp_path / "w2.csv", 2000, first_id=1001)  # half of it overlaps
    results = at_once(lambda: uploads.undo(database, first.upload_id), lambda: ingest_file(database, second))
    assert results[0] in (1000, 2000) and results[1].status == "loaded"
    assert count(database, "activities") == 2000  # the second file's rows, whichever went first


def readers_see_all_or_nothing(tmp_path: Path, database: Database) -> None:
    path = activities_csv(tmp_path / "week.csv", 20000)
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(count(database, "activities"))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    assert ingest_file(database, path).status == "loaded"
    time.sleep(0.05)
    done.set()
    for reader in readers:
        reader.join()
    assert seen <= {0, 20000} and 20000 in seen


def target_edit_during_ingest(tmp_path: Path, database: Database) -> None:
    rows = [{"metric": "first_meetings", "value": 4, "period": "week", "team": "East", "rep": None,
             "effective_from": "2026-03-02", "effective_to": None}]  # fmt: skip
    results = at_once(
        lambda: ingest_file(database, activities_csv(tmp_path / "w.csv", 5000)),
        lambda: target_edit.save(database, target_edit.normalise(pd.DataFrame(rows))),
    )
    assert results[0].status == "loaded" and not isinstance(results[1], Exception), results
    assert count(database, "activities") == 5000


def same_user_saved_twice(tmp_path: Path, database: Database) -> None:
    results = at_once(*[lambda: access.save_user(database, "lee@example.com", "leader")] * 4)
    assert not any(isinstance(r, Exception) for r in results), results
    assert list(access.list_users(database)["email"]).count("lee@example.com") == 1


THREAD_CASES = {
    "same activities file from two sessions": same_file_twice,
    "same activities file from four sessions": lambda t, d: same_file_twice(t, d, copies=4),
    "same roster from two sessions": same_roster_twice,
    "two different rosters at once": two_rosters_at_once,
    "same pipeline file from two sessions": same_opportunities_twice,
    "same targets file from two sessions": same_targets_twice,
    "one upload undone from two sessions": undo_twice,
    "ingest while another upload is undone": ingest_while_undoing,
    "readers during an ingest": readers_see_all_or_nothing,
    "target edit during an ingest": target_edit_during_ingest,
    "same user saved from four sessions": same_user_saved_twice,
}


@pytest.mark.parametrize("case", THREAD_CASES, ids=list(THREAD_CASES))
def test_threads(case: str, tmp_path: Path, database: Database) -> None:
    THREAD_CASES[case](tmp_path, database)
    assert_promises_hold(database)


# ----------------------------------------------------------------------------- processes

HOLD_OPEN = """
import sys, time
from dashboard.db import Database
from dashboard import roster
database = Database(sys.argv[1])
roster.list_reps(database)  # the file is open now, as in a running app
print("open", flush=True)
for line in sys.stdin:
    print(len(roster.list_reps(database)), flush=True)
"""

HOLD_WRITING = """
import sys, time
from dashboard.db import Database
database = Database(sys.argv[1])
with database.writing():
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def start(script: str, *args: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    process.stdout.readline()  # it holds the store now
    return process


def two_processes_same_file(tmp_path: Path, db_path: Path) -> None:
    path = activities_csv(tmp_path / "week.csv", 20000)
    runs = [subprocess.Popen([*run_cli_args(db_path), "ingest", str(path), "--json"], **PIPES) for _ in "ab"]
    outputs = [run.communicate(timeout=120) for run in runs]
    statuses = sorted(out.split('"status": "')[1].split('"')[0] for out, _ in outputs)
    assert statuses == ["duplicate", "loaded"], outputs


def two_processes_two_files(tmp_path: Path, db_path: Path) -> None:
    files = [activities_csv(tmp_path / f"w{i}.csv", 5000, first_id=i * 10000) for i in (1, 2)]
    runs = [subprocess.Popen([*run_cli_args(db_path), "ingest", str(f)], **PIPES) for f in files]
    assert [run.wait(120) for run in runs] == [0, 0]
    with_db(db_path, lambda d: count(d, "activities") == 10000)


def cli_reads_while_app_open(tmp_path: Path, db_path: Path) -> None:
    ingest_with(db_path, roster_csv(tmp_path / "roster.csv", "East"))
    app = start(HOLD_OPEN, str(db_path))
    try:
        result = run_cli(db_path, "reps", "--json", wait=30)
        assert result.returncode == 0 and result.stdout.count('"rep"') == 30, result.stderr
    finally:
        app.kill()


def cli_ingests_while_app_open(tmp_path: Path, db_path: Path) -> None:
    app = start(HOLD_OPEN, str(db_path))
    try:
        result = run_cli(db_path, "ingest", str(roster_csv(tmp_path / "r.csv", "East")), wait=30)
        assert result.returncode == 0, result.stderr
        assert app.stdin and app.stdout
        app.stdin.write("again\n")
        app.stdin.flush()
        assert app.stdout.readline().strip() == "30"  # the app sees the cron job's upload
    finally:
        app.kill()


def parallel_agenda_exports(tmp_path: Path, db_path: Path) -> None:
    ingest_with(db_path, roster_csv(tmp_path / "roster.csv", "East"))
    runs = [subprocess.Popen([*run_cli_args(db_path), "agenda", rep_name(1), "--format", "html"], **PIPES)]
    runs += [subprocess.Popen([*run_cli_args(db_path), "agenda", rep_name(i), "--format", "html"], **PIPES)
             for i in (2, 3)]  # fmt: skip
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert all("<html" in out.lower() for out, _ in outputs)


def wait_runs_out_naming_the_holder(tmp_path: Path, db_path: Path) -> None:
    holder = start(HOLD_WRITING, str(db_path), "20")
    try:
        result = run_cli(db_path, "reps", wait=1)
        assert result.returncode == 1
        assert "busy" in result.stderr and f"PID {holder.pid}" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()


def foreign_program_holding_the_file(tmp_path: Path, db_path: Path) -> None:
    script = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('x', flush=True); time.sleep(20)"
    )
    holder = start(script, str(db_path))
    try:
        result = run_cli(db_path, "reps", wait=1)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert str(db_path) in result.stderr and "another program" in result.stderr, result.stderr
    finally:
        holder.kill()


def writer_waits_for_reader_process(tmp_path: Path, db_path: Path) -> None:
    app = start(HOLD_OPEN, str(db_path))
    try:
        result = run_cli(db_path, "undo", "999", wait=30)  # a write turn: the app hands the file over
        assert result.returncode == 1 and "there is no upload 999" in result.stderr
    finally:
        app.kill()


PIPES = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, "cwd": ROOT}


def run_cli_args(db_path: Path) -> list[str]:
    return [*DASHBOARD, "--db", str(db_path)]


def ingest_with(db_path: Path, path: Path) -> None:
    database = Database(db_path)
    try:
        assert ingest_file(database, path).status == "loaded"
    finally:
        database.close()


def with_db(db_path: Path, check: Callable[[Database], bool]) -> None:
    database = Database(db_path)
    try:
        assert check(database)
    finally:
        database.close()


PROCESS_CASES = {
    "same file from two processes": two_processes_same_file,
    "two files from two processes": two_processes_two_files,
    "CLI reads while the app holds the store": cli_reads_while_app_open,
    "cron ingest while the app holds the store": cli_ingests_while_app_open,
    "three agenda exports at once": parallel_agenda_exports,
    "wait runs out: the message names the holder": wait_runs_out_naming_the_holder,
    "a program outside the app holds the file": foreign_program_holding_the_file,
    "CLI write while the app holds the store": writer_waits_for_reader_process,
}


@pytest.mark.slow
@pytest.mark.parametrize("case", PROCESS_CASES, ids=list(PROCESS_CASES))
def test_processes(case: str, tmp_path: Path, db_path: Path) -> None:
    PROCESS_CASES[case](tmp_path, db_path)
    with_db(db_path, lambda d: assert_promises_hold(d) is None)


@pytest.mark.slow
def test_the_app_names_the_holder_when_the_wait_runs_out(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    ingest_with(db_path, roster_csv(tmp_path / "roster.csv", "East"))
    ingest_with(db_path, activities_csv(tmp_path / "week.csv", 100, rep=rep_name(1)))  # Team opens
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.error and not at.exception
    holder = start(HOLD_WRITING, str(db_path), "30")  # the app hands the file over, then waits
    try:
        monkeypatch.setenv("DASHBOARD_WAIT_SECONDS", "1")
        at.run()
        assert not at.exception, at.exception[0].stack_trace if at.exception else ""
        (error,) = at.error
        assert "is busy" in error.value and f"PID {holder.pid}" in error.value, error.value
    finally:
        holder.kill()
