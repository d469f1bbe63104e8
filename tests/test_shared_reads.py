"""Reads inside `Database.one_snapshot()` on a lake with a PostgreSQL catalog: one transaction,
one snapshot, and a failed read does not spoil the reads after it; on a SQLite catalog each
read keeps its own transaction, and a writer meanwhile breaks nothing (`dashboard/shared_reads.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import coaching
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.reliability.conftest import roster_csv
from tests.stores import LAKES, store_spec

REP, WEEK = "Ada Park", dt.date(2026, 3, 2)


@pytest.fixture(params=LAKES)
def lake(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two handles on one new lake: one reads, the other writes as another server would."""
    with store_spec(request.param, tmp_path) as spec:
        reader = Database(spec)
        writer = Database(spec, migrate=False)
        ingest_file(writer, roster_csv(tmp_path / "east.csv", "East", reps=3), IngestOptions(kind="roster"))
        yield reader, writer
        writer.close()
        reader.close()


def _saved(database: Database) -> int:
    return len(database.records("agenda_versions", rep=REP, week=WEEK))


def test_a_block_reads_one_snapshot_and_the_next_block_sees_the_write(lake) -> None:
    reader, writer = lake
    one_transaction = reader._shared.reads_share_a_transaction
    assert one_transaction == (reader.path.kind == "postgres")
    with reader.one_snapshot():
        assert _saved(reader) == 0
        coaching.save_agenda(writer, REP, WEEK, "# Week 1", "mia")  # another server's save, meanwhile
        assert _saved(reader) == (0 if one_transaction else 1)  # PostgreSQL: one snapshot throughout
        with reader.cursor() as outer, reader.cursor() as inner:  # a read inside a read: its own cursor
            assert outer is not inner
            assert inner.execute("SELECT count(*) FROM agendas").fetchone()[0] == 1
    assert _saved(reader) == 1  # after the block: the latest snapshot


def test_a_failed_read_leaves_the_blocks_later_reads_working(lake) -> None:
    reader, _ = lake
    with reader.one_snapshot():
        with pytest.raises(duckdb.Error), reader.cursor() as cur:
            cur.execute("SELECT * FROM no_such_table")
        assert _saved(reader) == 0
    assert _saved(reader) == 0
