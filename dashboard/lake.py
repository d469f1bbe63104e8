"""This process's connection to a DuckLake: extensions from their wheels, the lake attached, writers in turn.

The counterpart of `connections.SharedConnection` for a lake: the same
`unit` / `writing` / `release`, so `db.Database` works the same on either.
One in-memory DuckDB per process attaches the lake as `lake` and makes it the
default catalog of every cursor; readers use it at any time (each reads the
lake's last committed snapshot, never waiting for a writer), writers take one
turn in the process (a re-entrant lock) and one across processes and servers
(`lake_lock`). DuckLake retries a commit that raced another one itself
(`ducklake_max_retry_count`). Small inserts (an agenda save, a flag) are
inlined into the catalog instead of becoming one Parquet file each
(`DATA_INLINING_ROW_LIMIT`); `dashboard maintain` flushes and merges them.

The extensions come from the pip wheels `duckdb-extension-ducklake`,
`-sqlite-scanner` and `-postgres-scanner` (the file of the latter must be
loaded under its own name, `postgres_scanner`); nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dashboard.connections import DatabaseError, StoreBusy, let_go, quiet
from dashboard.lake_lock import WriterLock
from dashboard.lake_schema import for_lake
from dashboard.store_location import LakeLocation, sql_literal
from dashboard.store_lock import wait_seconds

ALIAS = "lake"
INLINE_ROWS = 100  # inserts of fewer rows go into the catalog (flushed to Parquet by `maintain`)
RETRIES = {"ducklake_max_retry_count": 50, "ducklake_retry_wait_ms": 50, "ducklake_retry_backoff": 1.5}
_EXTENSIONS = {"sqlite": ("sqlite_scanner", "ducklake"), "postgres": ("postgres_scanner", "ducklake")}


class MissingExtension(DatabaseError):
    """A DuckLake extension wheel is not installed (or not for this DuckDB)."""


def extension_file(name: str) -> Path:
    """The `.duckdb_extension` file the wheel `duckdb-extension-<name>` ships for this DuckDB version."""
    spec = importlib.util.find_spec(f"duckdb_extension_{name}")
    if spec is None or spec.origin is None:
        raise MissingExtension(f"the DuckDB extension {name} is missing: pip install duckdb-extension-{name}")
    path = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise MissingExtension(
            f"duckdb-extension-{name} has no build for DuckDB {duckdb.__version__}: {path}"
        )
    return path


def bare_connection(kind: str, config: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the catalog's extensions loaded from their wheels (none downloaded)."""
    settings = {**config, "autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    con = quiet(duckdb.connect(":memory:", config=settings))
    for name in _EXTENSIONS[kind]:
        con.execute(f"LOAD {sql_literal(str(extension_file(name)))}")
    return con


class LakeConnection:
    """This process's attachment of one lake, shared by its threads."""

    cursor_setup = f"SET enable_progress_bar = false; USE {ALIAS}"
    turns_taken = 0  # writer turns ended in this process (`Database.turns_taken`)

    def __init__(self, location: LakeLocation, config: dict[str, str]):
        self.path = location
        self._config = config
        # A block of reads in one catalog transaction (`shared_reads`): PostgreSQL only. A SQLite
        # catalog read inside a transaction that began before another writer's commit fails with
        # "database is locked".
        self.reads_share_a_transaction = location.kind == "postgres"
        self._open_lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writer = threading.RLock()
        self._depth = 0  # nested writer turns of the thread holding `_writer`
        self._turn = WriterLock(location, lambda: bare_connection(location.kind, config))
        self._holders = 0
        if location.kind == "sqlite":
            Path(location.target).parent.mkdir(parents=True, exist_ok=True)  # as for a DuckDB file

    @contextmanager
    def unit(self, mode: str = "read") -> Iterator[duckdb.DuckDBPyConnection]:
        """The lake's connection; a reader never waits (it reads the last committed snapshot)."""
        yield self._connection()

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """This process's writer turn (re-entrant), holding the lake's turn across processes."""
        if not self._writer.acquire(timeout=wait_seconds()):
            raise StoreBusy(
                f"The store {self.path.name} is busy saving another change; try again in a moment."
            )
        try:
            if self._depth == 0:
                try:
                    self._turn.acquire(wait_seconds())
                except TimeoutError as exc:
                    raise StoreBusy(str(exc)) from exc
            self._depth += 1
            try:
                yield self._connection()
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._turn.release()
        finally:
            self._writer.release()

    def schema(self, script: str) -> str:
        """A migration as the lake takes it (`lake_schema`)."""
        return for_lake(script)

    def release(self) -> None:
        """One holder lets go; the last one detaches the lake."""
        if not let_go(self):
            return
        with self._open_lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            self._turn.close()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        with self._open_lock:
            if self._con is None:
                self._con = self._attach()
            return self._con

    def _attach_to(self, con: duckdb.DuckDBPyConnection, *, with_data_path: bool) -> None:
        """ATTACH the lake; the data path only when said (or new): the catalog remembers it."""
        location = self.path
        options = [f"DATA_INLINING_ROW_LIMIT {INLINE_ROWS}"]
        if with_data_path:
            if "://" not in location.data_path:
                Path(location.data_path).mkdir(parents=True, exist_ok=True)
            options.append(f"DATA_PATH {sql_literal(location.data_path)}")
        con.execute(f"ATTACH {sql_literal(location.attach_spec)} AS {ALIAS} ({', '.join(options)})")

    def _attach(self) -> duckdb.DuckDBPyConnection:
        location = self.path
        con = bare_connection(location.kind, self._config)
        try:
            for name, value in RETRIES.items():
                con.execute(f"SET {name} = {value}")
            try:
                self._attach_to(con, with_data_path=location.data_path_given)
            except duckdb.InvalidInputException as exc:
                if location.data_path_given or "data_path is not set" not in str(exc):
                    raise
                self._attach_to(con, with_data_path=True)  # a new lake: its files go to the default place
        except BaseException:
            con.close()
            raise
        return con
