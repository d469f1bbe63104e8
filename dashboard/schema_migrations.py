"""Schema migrations: which of `migrations/*.sql` a store still needs, and applying them.

Versioned files (`0001_x.sql` …) run once, in order; repeatable ones (`R__x.sql`: macros)
run again whenever their text changed. `schema_migrations` records each with its checksum.
Applying happens in the writer's turn, in one transaction; checking first is a plain read,
so the usual open (nothing to do) makes no other reader wait.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from dashboard.db import MIGRATIONS_DIR
from dashboard.store_location import LakeLocation

if TYPE_CHECKING:
    from dashboard.db import Database

_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " name VARCHAR PRIMARY KEY, checksum VARCHAR NOT NULL,"
    " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
)


def migrate(database: Database) -> list[str]:
    """Applies the store's pending migrations; the names of those applied."""
    if not _pending(database):
        return []  # the usual case: a read, so other readers need not wait
    applied: list[str] = []
    with database.transaction() as cur:
        cur.execute(database.for_store(_TABLE))
        done = dict(cur.execute("SELECT name, checksum FROM schema_migrations").fetchall())
        for path, script, checksum in _migrations():
            if not _due(path, checksum, done):
                continue
            cur.execute(database.for_store(script))
            cur.execute("DELETE FROM schema_migrations WHERE name = ?", [path.name])
            cur.execute("INSERT INTO schema_migrations (name, checksum) VALUES (?, ?)", [path.name, checksum])
            applied.append(path.name)
    if isinstance(database.path, LakeLocation):
        return applied  # a lake's commit is already in its catalog and data files
    with database.cursor("write") as cur:
        # DuckDB 1.5 cannot replay a CREATE MACRO from its journal ("GetDefaultDatabase with no
        # default database set", duckdb/duckdb#19712, #22044): write the new schema into the file now.
        cur.execute("CHECKPOINT")
    return applied


def _pending(database: Database) -> bool:
    if str(database.path) == ":memory:" or not database.path.exists():
        return True
    with database.cursor() as cur:
        try:
            done = dict(cur.execute("SELECT name, checksum FROM schema_migrations").fetchall())
        except duckdb.CatalogException:
            return True
    return any(_due(path, checksum, done) for path, _, checksum in _migrations())


def _due(path: Path, checksum: str, done: dict[str, str]) -> bool:
    """A versioned migration runs once; a repeatable one (R__) again whenever it changed."""
    if path.name not in done:
        return True
    return path.name.startswith("R__") and done[path.name] != checksum


@cache
def _migrations() -> list[tuple[Path, str, str]]:
    """(file, script, checksum): versioned files (0001_x.sql …) in order, then repeatable ones (R__x.sql)."""
    files = sorted(MIGRATIONS_DIR.glob("*.sql"))
    ordered = [p for p in files if not p.name.startswith("R__")] + [
        p for p in files if p.name.startswith("R__")
    ]
    scripts = [(p, p.read_text(encoding="utf-8")) for p in ordered]
    return [(p, script, hashlib.sha256(script.encode()).hexdigest()) for p, script in scripts]
