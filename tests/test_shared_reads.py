"""Reads inside `Database.one_snapshot()` on a lake with a PostgreSQL catalog: one transaction,
one snapshot against another server's commit, this process's own writes seen at once, and a
failed read does not spoil the reads after it; on a SQLite catalog each read keeps its own
transaction (`dashboard/shared_reads.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import coaching
from dashboard.db import Database, execute
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.shared_reads import SharedReads
from tests.reliability.conftest import activities_csv, roster_csv
from tests.stored import fetch
from tests.stores import LAKES, store_spec

REP, WEEK = "Ada Park", dt.date(2026, 3, 2)


@pytest.fixture(params=LAKES)
def lake(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two handles on one new lake in this process: one reads, the other writes."""
    with store_spec(request.param, tmp_path) as spec:
        reader = Database(spec)
        writer = Database(spec, migrate=False)
        ingest_file(writer, roster_csv(tmp_path / "east.csv", "East", reps=3), IngestOptions(kind="roster"))
        yield reader, writer
        writer.close()
        reader.close()


def _saved(database: Database) -> int:
    return len(database.records("agenda_versions", rep=REP, week=WEEK))


def _another_process_writes(database: Database) -> None:
    """A commit this process's writer turns do not count, as another server's would be."""
    with database.cursor("write") as cur:
        execute(cur, "change_log_add", what="elsewhere", upload_id=None, by="another server")


def test_a_block_reads_one_snapshot_and_sees_its_own_processs_writes(lake) -> None:
    reader, writer = lake
    one_transaction = reader._shared.reads_share_a_transaction
    assert one_transaction == (reader.path.kind == "postgres")
    with reader.one_snapshot():
        version = reader.version()
        _another_process_writes(writer)
        assert reader.version() == (version if one_transaction else version + 1)  # one snapshot
        with reader.cursor() as outer, reader.cursor() as inner:  # a read inside a read: its own cursor
            assert outer is not inner
            assert inner.execute("SELECT max(change_id) FROM change_log").fetchone()[0] == version + 1
        coaching.save_agenda(writer, REP, WEEK, "# Week 1", "mia")  # this process's own write ...
        assert _saved(reader) == 1  # ... shows at once: the transaction starts again
        assert reader.version() > version + 1
    assert reader.version() >= version + 2 and _saved(reader) == 1


def test_a_failed_read_leaves_the_blocks_later_reads_working(lake) -> None:
    reader, writer = lake
    coaching.save_agenda(writer, REP, WEEK, "# Week 1", "mia")
    with reader.one_snapshot():
        with pytest.raises(duckdb.Error):  # its week compared with a text that is no date
            reader.records("agenda_versions", rep=REP, week="not a date")
        assert _saved(reader) == 1
        with reader.cursor() as cur:  # a cursor of its own, free to begin its own transaction
            cur.execute("BEGIN TRANSACTION")
            cur.execute("ROLLBACK")
    assert _saved(reader) == 1


def test_ingest_inside_a_block_loads_and_shows_at_once(lake, tmp_path: Path) -> None:
    reader, _ = lake  # as the Upload page does: its run is one block, the upload writes in it
    with reader.one_snapshot():
        loaded = ingest_file(reader, activities_csv(tmp_path / "calls.csv", 30))
        assert loaded.status == "loaded", loaded.message
        assert reader.records("reps_list", teams=None)  # read after the write, in the same block
        assert fetch(reader, "SELECT count(*) FROM activities")[0][0] == 30


def test_a_block_whose_reads_all_come_from_caches_opens_no_transaction() -> None:
    opened: list[str] = []
    reads = SharedReads()
    with reads.block(lambda: opened.append("cursor") or duckdb.connect()):
        pass  # a warm run: every read answered from a cache
    assert opened == []
    with reads.block(lambda: opened.append("cursor") or duckdb.connect()), reads.take(0) as cursor:
        assert cursor.execute("SELECT 1").fetchone() == (1,)
    assert opened == ["cursor"]
