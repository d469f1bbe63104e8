"""The same writes on every store: a DuckDB file, DuckLake + SQLite, DuckLake + PostgreSQL.

A lake has no primary keys, sequences or RETURNING: ids, replaces and the checks before a
write come from the write path (writers take turns). These tests hold every store to the
same promises: ids unique and growing, a replace keeps one row, one current roster row per
rep, nothing left of an undone upload; and, with real processes, two ingests at once plus a
reader meanwhile all succeed with exact counts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard import access, coaching, roster, time_off, uploads
from dashboard.cli import app
from dashboard.db import Database, DatabaseError, database_path
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.lake_schema import for_lake
from dashboard.store_location import LakeLocation
from tests.reliability.conftest import DASHBOARD, ROOT, activities_csv, assert_promises_hold, roster_csv
from tests.stored import STORED_TABLES, fetch, table_contents
from tests.stores import LAKES, STORES, lake_missing, store_spec

WEEK = dt.date(2026, 3, 2)


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    with store_spec(request.param, tmp_path) as spec:
        database = Database(spec)
        yield database
        database.close()


def count(database: Database, table: str) -> int:
    return fetch(database, f"SELECT count(*) FROM {table}")[0][0]


def test_every_write_keeps_its_promises(store: Database, tmp_path: Path) -> None:
    east = ingest_file(store, roster_csv(tmp_path / "east.csv", "East", reps=6), IngestOptions(kind="roster"))
    calls = ingest_file(store, activities_csv(tmp_path / "calls.csv", 300))
    assert (east.status, calls.status, calls.rows_loaded) == ("loaded", "loaded", 300)
    assert ingest_file(store, tmp_path / "calls.csv").status == "duplicate"
    west = ingest_file(store, roster_csv(tmp_path / "west.csv", "West", reps=6), IngestOptions(kind="roster"))
    assert [east.upload_id, calls.upload_id, west.upload_id] == [1, 2, 3]  # ids without a sequence
    assert {r["team"] for r in roster.list_reps(store).to_dict("records")} == {"West"}
    assert_promises_hold(store)

    first = coaching.save_agenda(store, "Ada Park", WEEK, "# Week 1", "mia")
    second = coaching.save_agenda(store, "Ada Park", WEEK, "# Week 1, again", "mia")
    assert second == first + 1
    promise = coaching.add_commitment(
        store, "Ada Park", WEEK, "Ten calls", WEEK + dt.timedelta(days=7), "mia"
    )
    coaching.follow_up(store, promise, "done", WEEK + dt.timedelta(days=7), "mia")
    with pytest.raises(ValueError, match="no commitment"):
        coaching.follow_up(store, promise + 1, "done", WEEK, "mia")
    away = time_off.add(store, "Ada Park", WEEK, WEEK + dt.timedelta(days=4), "holiday")
    assert time_off.remove(store, away.time_off_id).rep == "Ada Park"

    access.save_user(store, "Lee@Example.com", "manager", ["West"])
    access.save_user(store, "lee@example.com", "leader")  # a replace: still one row
    assert fetch(store, "SELECT email, role FROM users") == [("lee@example.com", "leader")]
    assert access.remove_user(store, "lee@example.com") and not access.remove_user(store, "lee@example.com")

    assert uploads.undo(store, calls.upload_id) == 300
    with pytest.raises(uploads.UndoError, match="undone already"):
        uploads.undo(store, calls.upload_id)
    assert count(store, "activities") == 0
    changes = [c for (c,) in fetch(store, "SELECT change_id FROM change_log ORDER BY changed_at, change_id")]
    assert changes == list(range(1, len(changes) + 1))  # one change, one id, in order
    assert_promises_hold(store)
    assert store.migrate() == []  # opened again: nothing left to migrate


def _cli(spec: str, *args: str) -> list[str]:
    return [*DASHBOARD, "--db", spec, *args]


@pytest.mark.slow  # real processes, each loading the lake's extensions (a minute on a busy machine)
@pytest.mark.parametrize("kind", LAKES)
def test_two_ingests_and_a_reader_at_once_in_real_processes(kind: str, tmp_path: Path) -> None:
    roster = roster_csv(tmp_path / "roster.csv", "East", reps=6)
    files = [activities_csv(tmp_path / f"{n}.csv", 2000, first_id=1 + 10_000 * i) for i, n in enumerate("ab")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, "env": env, "cwd": ROOT}
    with store_spec(kind, tmp_path) as spec:
        database = Database(spec)  # migrated once, as `dashboard init` would; open while the others write
        try:
            before = database.version()
            assert subprocess.run(_cli(spec, "ingest", str(roster)), **pipes, timeout=300).returncode == 0
            runs = [subprocess.Popen(_cli(spec, "ingest", str(f), "--json"), **pipes) for f in files]
            reader = subprocess.Popen(_cli(spec, "reps", "--json"), **pipes)
            outputs = [run.communicate(timeout=300) for run in [*runs, reader]]
            assert [run.returncode for run in [*runs, reader]] == [0, 0, 0], outputs
            loaded = [json.loads(out)[0] for out, _ in outputs[:2]]
            assert sorted((r["status"], r["rows_loaded"]) for r in loaded) == [("loaded", 2000)] * 2
            assert len(json.loads(outputs[2][0])) == 6  # the reader saw the roster, never a half-written file

            loaded_version = database.version()
            assert loaded_version > before  # the pages' cache key: other processes' writes change it
            assert count(database, "activities") == 4000
            assert_promises_hold(database)
            for result in loaded:
                undone = subprocess.run(_cli(spec, "undo", str(result["upload_id"])), **pipes, timeout=300)
                assert undone.returncode == 0, undone.stderr
            assert count(database, "activities") == 0 and database.version() > loaded_version
            assert fetch(database, "SELECT count(*) FROM activity_weeks WHERE calls > 0") == [(0,)]
            assert_promises_hold(database)
        finally:
            database.close()


def test_maintain_folds_small_writes_and_old_snapshots(store: Database) -> None:
    for week in range(6):  # agenda saves: small writes, each its own commit
        coaching.save_agenda(store, "Ada Park", WEEK + dt.timedelta(weeks=week), f"# Week {week}", "mia")
    if isinstance(store.path, LakeLocation):  # inlined in the catalog, not a Parquet file per save
        assert not list(Path(store.path.data_path).rglob("agendas/*.parquet"))
    printed = CliRunner().invoke(
        app, ["--db", store_key_text(store), "maintain", "--older-than", "0", "--json"]
    )
    assert printed.exit_code == 0, printed.output
    done = json.loads(printed.stdout)
    if not isinstance(store.path, LakeLocation):
        assert done == {"checkpoint": 1}
    else:
        assert done["flush_inlined"] >= 6 and done["expire_snapshots"] > 0
        agenda_files = list(Path(store.path.data_path).rglob("agendas/*.parquet"))
        assert len(agenda_files) == 1  # six saves, one file after the upkeep
    assert count(store, "agendas") == 6  # upkeep changes files, never rows
    assert_promises_hold(store)


def store_key_text(store: Database) -> str:
    """The `--db` text of an open store (a lake's with its password)."""
    return store.path.attach_spec if isinstance(store.path, LakeLocation) else str(store.path)


@pytest.mark.parametrize("kind", LAKES)
def test_export_moves_a_company_into_a_lake_and_back(kind: str, tmp_path: Path) -> None:
    first = Database(tmp_path / "first.duckdb")
    ingest_file(first, roster_csv(tmp_path / "east.csv", "East", reps=6), IngestOptions(kind="roster"))
    ingest_file(first, activities_csv(tmp_path / "calls.csv", 300))
    coaching.save_agenda(first, "Ada Park", WEEK, "# Week 1", "mia")
    with store_spec(kind, tmp_path) as lake:
        runner = CliRunner()
        there = runner.invoke(app, ["--db", str(first.path), "export", "--to", lake])
        assert there.exit_code == 0, there.output
        again = runner.invoke(app, ["--db", str(first.path), "export", "--to", lake])
        assert again.exit_code == 1 and "already holds uploads" in again.output  # nothing overwritten
        back = runner.invoke(app, ["--db", str(tmp_path / "back.duckdb"), "export", "--from", lake, "--json"])
        assert back.exit_code == 0, back.output
        assert json.loads(back.stdout)["rows"]["activities"] == 300
    returned = Database(tmp_path / "back.duckdb")
    try:
        assert table_contents(returned, [*STORED_TABLES, "agendas"]) == table_contents(
            first, [*STORED_TABLES, "agendas"]
        )
        assert_promises_hold(returned)
    finally:
        returned.close()
        first.close()


def test_lake_locations_are_read_as_the_cli_contract_says(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DASHBOARD_DATA_PATH", raising=False)
    local = database_path(f"ducklake:sqlite:{tmp_path}/lake.sqlite")
    assert isinstance(local, LakeLocation) and local.data_path == f"{tmp_path}/lake.sqlite.files/"
    remote = database_path("ducklake:postgres:dbname=sales host=db user=app password=s3cret", "/mnt/lake")
    assert (remote.data_path, remote.data_path_given) == ("/mnt/lake/", True)
    assert "s3cret" not in str(remote) and "s3cret" not in remote.name and "s3cret" in remote.attach_spec
    monkeypatch.setenv("DASHBOARD_DATA_PATH", "s3://bucket/lake")
    assert database_path("ducklake:postgres:dbname=sales").data_path == "s3://bucket/lake/"
    assert database_path(str(tmp_path / "x.duckdb")) == tmp_path / "x.duckdb"
    with pytest.raises(DatabaseError, match="ducklake:sqlite:PATH or ducklake:postgres:CONNINFO"):
        database_path("ducklake:mysql:somewhere")


def test_an_unreachable_catalog_is_named_without_its_password() -> None:
    if missing := lake_missing():
        pytest.skip(f"no DuckLake here: {missing}")
    printed = CliRunner().invoke(
        app,
        [
            "--db",
            "ducklake:postgres:dbname=x host=127.0.0.1 port=1 password=s3cret connect_timeout=2",
            "reps",
        ],
    )
    assert printed.exit_code == 1 and "could not be used" in printed.output
    assert "s3cret" not in printed.output and "Traceback" not in printed.output


def test_migrations_for_a_lake_keep_only_what_ducklake_supports() -> None:
    for path in sorted(Path(ROOT, "migrations").glob("*.sql")):
        lake = for_lake(path.read_text(encoding="utf-8")).upper()
        for unsupported in ("PRIMARY KEY", "UNIQUE", "CHECK (", "CREATE SEQUENCE", "NEXTVAL", "CREATE INDEX"):
            assert unsupported not in lake, (path.name, unsupported)
    assert "upload_id BIGINT NOT NULL" in for_lake("CREATE TABLE u (\n    upload_id BIGINT PRIMARY KEY\n);")


@pytest.mark.slow  # real processes on a lake
@pytest.mark.parametrize("kind", LAKES)
def test_a_writer_turn_holds_other_writers_but_no_reader(kind: str, tmp_path: Path) -> None:
    with store_spec(kind, tmp_path) as spec:
        database = Database(spec)
        ingest_file(database, roster_csv(tmp_path / "east.csv", "East", reps=6), IngestOptions(kind="roster"))
        calls = activities_csv(tmp_path / "calls.csv", 50)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_WAIT_SECONDS": "3"}
        pipes = {"capture_output": True, "text": True, "env": env, "cwd": ROOT, "timeout": 300}
        try:
            with database.writing():  # this process's turn, as a long upload would hold it
                reader = subprocess.run(_cli(spec, "reps", "--json"), **pipes)
                writer = subprocess.run(_cli(spec, "ingest", str(calls)), **pipes)
            assert reader.returncode == 0 and len(json.loads(reader.stdout)) == 6
            assert writer.returncode == 1 and "busy" in writer.stderr and "Traceback" not in writer.stderr
            assert subprocess.run(_cli(spec, "ingest", str(calls)), **pipes).returncode == 0  # its turn now
            assert count(database, "activities") == 50
        finally:
            database.close()
