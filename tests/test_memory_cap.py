"""The ingest's lower DuckDB memory cap (dashboard.memory_cap): in force while a file is stored,
set back after it, never a raise of the cap."""

from __future__ import annotations

import duckdb
import pytest

from dashboard import db, memory_cap
from dashboard.db import Database
from dashboard.ingest import ingest_file


def cap(database: Database) -> int:
    with database.cursor() as cur:
        return memory_cap.size_in_bytes(db.execute(cur, "memory_limit_now").fetchone()[0]) or 0


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("500MB", 500_000_000),
        ("667.5 MiB", 699_924_480),
        ("4 GB", 4_000_000_000),
        ("1KiB", 1024),
        ("lots", None),
    ],
)
def test_sizes(text: str, size: int | None) -> None:
    assert memory_cap.size_in_bytes(text) == size


def test_an_ingest_runs_under_the_lower_cap_and_sets_the_cap_back(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cap(database)
    seen: list[int] = []
    record = memory_cap.db.execute

    def watching(cur, name: str, **params):  # the cap in force when the rows are stored
        if name == "ingest_insert_activities":
            seen.append(
                memory_cap.size_in_bytes(cur.execute("SELECT current_setting('memory_limit')").fetchone()[0])
            )
        return record(cur, name, **params)

    monkeypatch.setattr(db, "execute", watching)
    monkeypatch.setenv("DASHBOARD_INGEST_MEMORY_LIMIT", "300MB")
    path = write("a.csv", "rep,date,subject\nAda,2026-01-05,x\n")
    assert ingest_file(database, path).status == "loaded"
    assert seen and seen[0] < before and abs(seen[0] - 300_000_000) < 1 << 20
    assert cap(database) == before


def test_a_failed_ingest_sets_the_cap_back(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cap(database)
    monkeypatch.setenv("DASHBOARD_INGEST_MEMORY_LIMIT", "300MB")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("dashboard.ingest.load._detect_and_store", broken)
    with pytest.raises(RuntimeError):
        ingest_file(database, write("a.csv", "rep,date,subject\nAda,2026-01-05,x\n"))
    assert cap(database) == before


def test_a_higher_ingest_cap_is_not_a_raise(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cap(database)
    monkeypatch.setenv("DASHBOARD_INGEST_MEMORY_LIMIT", "64GB")
    seen: list[int] = []
    record = memory_cap.db.execute

    def watching(cur, name: str, **params):
        if name == "ingest_insert_activities":
            seen.append(
                memory_cap.size_in_bytes(cur.execute("SELECT current_setting('memory_limit')").fetchone()[0])
            )
        return record(cur, name, **params)

    monkeypatch.setattr(db, "execute", watching)
    assert ingest_file(database, write("a.csv", "rep,date,subject\nAda,2026-01-05,x\n")).status == "loaded"
    assert seen == [before]
    assert cap(database) == before


def test_an_ingest_runs_under_the_cap_in_force_when_the_lower_cap_cannot_be_set(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB refuses a cap below what other sessions hold at that moment: the upload goes on."""
    before = cap(database)
    record = memory_cap.db.execute

    def refusing(cur, name: str, **params):
        if name == "memory_limit_set":
            raise duckdb.OutOfMemoryException("could not free up enough memory for the new limit")
        return record(cur, name, **params)

    monkeypatch.setattr(db, "execute", refusing)
    monkeypatch.setenv("DASHBOARD_INGEST_MEMORY_LIMIT", "300MB")
    assert ingest_file(database, write("a.csv", "rep,date,subject\nAda,2026-01-05,x\n")).status == "loaded"
    assert cap(database) == before
