"""Whose turn it is to write to a DuckLake, between processes and servers.

DuckLake lets many processes read and write one lake and settles concurrent
commits optimistically; the app's write path also needs its checks and its
ids (max + 1) to see the last writer's commit, so writers take turns, as on a
DuckDB file. With a SQLite catalog the turn is an exclusive `flock` on
`<catalog>.write-lock` (local processes); with a PostgreSQL catalog it is a
transaction-scoped advisory lock (`pg_try_advisory_xact_lock`) held on the
catalog server through a connection of its own, so app servers on different
machines take turns too. Readers take no turn: they read the last snapshot.
A wait that runs out raises `TimeoutError`; a dead holder's lock is dropped by
the kernel (flock) or by PostgreSQL when its connection ends.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from dashboard.store_location import LakeLocation, sql_literal

ADVISORY_KEY = 7_361_512_021  # one number for "the dashboard's writer", the same on every server
_POLL_SECONDS = 0.02


class WriterLock:
    """Cross-process writer turn on one lake (`acquire` / `release`)."""

    def __init__(self, location: LakeLocation, loader: Callable[[], duckdb.DuckDBPyConnection]):
        self.location = location
        self._loader = loader  # opens a bare DuckDB connection with the store's extensions loaded
        self._handle: int | None = None
        self._pg: duckdb.DuckDBPyConnection | None = None

    def acquire(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pause = _POLL_SECONDS
        while not self._try():
            if time.monotonic() >= deadline:
                raise TimeoutError(
                    f"The store {self.location.name} is busy: another process is saving a change, and "
                    "the wait for a turn ran out. Try again when it has finished "
                    "(or wait longer: DASHBOARD_WAIT_SECONDS)."
                )
            time.sleep(pause)
            pause = min(pause * 1.5, 0.2)

    def release(self) -> None:
        if self.location.kind == "sqlite":
            if self._handle is not None:
                fcntl.flock(self._handle, fcntl.LOCK_UN)
        elif self._pg is not None:
            self._pg.execute("COMMIT")  # ends the transaction, and with it the advisory lock

    def close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
        if self._pg is not None:
            self._pg.close()
            self._pg = None

    def _try(self) -> bool:
        if self.location.kind == "sqlite":
            if self._handle is None:
                lock = Path(self.location.target + ".write-lock")
                self._handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return False
        if self._pg is None:
            self._pg = self._loader()
            self._pg.execute(f"ATTACH {sql_literal(self.location.target)} AS writer_turn (TYPE postgres)")
        self._pg.execute("BEGIN")  # the postgres extension keeps one server connection per transaction
        got = self._pg.execute(
            "SELECT * FROM postgres_query('writer_turn', "
            f"'SELECT pg_try_advisory_xact_lock({ADVISORY_KEY}) AS got')"
        ).fetchone()[0]
        if not got:
            self._pg.execute("ROLLBACK")
        return bool(got)
