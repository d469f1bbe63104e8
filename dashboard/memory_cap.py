"""A lower DuckDB memory cap for one large job (an upload), set back when it ends.

`DASHBOARD_MEMORY_LIMIT` (db.connection_config) caps DuckDB's buffer for every query of
the process. An ingest fills any cap it is given with its temp tables (the file's text,
its cleaned rows, its keys), and the process holds about 300 MB outside the cap besides
(Python, DuckDB's own allocations): at 5M rows the 700 MB cap made a peak of about 1 GB.
Under `$DASHBOARD_INGEST_MEMORY_LIMIT` (default 450MB) the temp tables spill to DuckDB's
temp directory instead, for little CPU (5M rows: a peak of 716-859 MB, measured in a
child process). The cap is DuckDB's, for the whole process, so it is lowered only in the
writer's turn (one upload at a time) and never raised: readers in other sessions share
the lower cap while an upload runs, as they share its memory anyway.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import duckdb

from dashboard import db

if TYPE_CHECKING:
    from dashboard.db import Database

DEFAULT_INGEST_MEMORY_LIMIT = "450MB"

_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}


def ingest_limit() -> str:
    """`$DASHBOARD_INGEST_MEMORY_LIMIT`, else 450MB."""
    return os.environ.get("DASHBOARD_INGEST_MEMORY_LIMIT", DEFAULT_INGEST_MEMORY_LIMIT)


def size_in_bytes(text: str) -> int | None:
    """'500MB', '667.5 MiB', '4 GB' in bytes (DuckDB's units); None for anything else."""
    found = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)\s*", text)
    if found is None or found[2].lower() not in _UNITS:
        return None
    return int(float(found[1]) * _UNITS[found[2].lower()])


@contextmanager
def lowered(database: Database, limit: str) -> Iterator[None]:
    """Within the block (in the writer's turn), DuckDB's cap is `limit` when that is lower than the
    cap in force; the cap in force is set back after, whatever happens."""
    with database.cursor("write") as cur:
        before = str(db.execute(cur, "memory_limit_now").fetchone()[0])
        wanted, now = size_in_bytes(limit), size_in_bytes(before)
        lower = wanted is not None and now is not None and wanted < now
        if lower:
            try:
                db.execute(cur, "memory_limit_set", limit=limit)
            except duckdb.Error:  # other sessions hold more than `limit` now: the cap in force stays
                lower = False
    try:
        yield
    finally:
        if lower:
            with database.cursor("write") as cur:
                db.execute(cur, "memory_limit_set", limit=before)
