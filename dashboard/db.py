"""The one door to DuckDB: where the file lives, migrations, and named queries.

Everything else reaches the database through `Database`: one handle per
process, a fresh cursor for each unit of work (DuckDB connections must not be
shared between threads, and Streamlit runs each session in its own thread).
Inside `remembering(version)` (the pages' cached calls) a read repeated with the
same query and parameters at the same data version is answered from memory.
SQL lives in `queries/<name>.sql`, one statement per file, with a header line
`-- params: $name TYPE, ...` that `run` checks before binding.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from dashboard import store_errors
from dashboard.connections import DatabaseError, StoreBusy, shared_connection
from dashboard.query_slots import query_slot
from dashboard.shared_reads import SharedReads
from dashboard.store_location import LakeLocation, is_lake, lake_location

if TYPE_CHECKING:
    import pandas as pd  # DuckDB loads pandas on the first DataFrame (`run`); `records` never does

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = ROOT / "migrations"
DEFAULT_DB = Path("data") / "dashboard.duckdb"

__all__ = [
    "Database",
    "DatabaseError",
    "StoreBusy",
    "database_path",
    "execute",
    "insert_with_id",
    "load_query",
    "store_key",
]

_PARAMS_LINE = re.compile(r"^--\s*params:\s*(?P<params>.*)$", re.MULTILINE)
_PARAM_NAME = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def database_path(
    explicit: str | os.PathLike[str] | LakeLocation | None = None,
    data_path: str | os.PathLike[str] | None = None,
) -> Path | LakeLocation:
    """`--db PATH`, else `$DASHBOARD_DB`, else `./data/dashboard.duckdb` (CLI.md); a `ducklake:…`
    catalog gives a lake, its data files under `data_path` (else `$DASHBOARD_DATA_PATH`, else
    the default, `store_location`)."""
    chosen = explicit or os.environ.get("DASHBOARD_DB") or DEFAULT_DB
    if isinstance(chosen, LakeLocation):
        return chosen
    if is_lake(chosen):
        return lake_location(str(chosen), data_path)
    return Path(chosen).expanduser()


def store_key(location: Path | LakeLocation) -> str:
    """One text per store (a file's absolute path; a lake's catalog and data path), to key caches."""
    if isinstance(location, LakeLocation):
        return f"{location.attach_spec} {location.data_path}"
    return str(location.resolve())


REMEMBERED_READS = 32  # reads kept for `remembering`, all of one data version ...
REMEMBERED_ROWS = 20_000  # ... each of at most this many rows (the repeated reads are small ones)

KEEP_DAYS = 7  # `maintain`: a lake's snapshots (time travel) and unneeded files are kept a week
DEFAULT_MEMORY_LIMIT = "700MB"  # DuckDB's buffer (it spills to disk beyond): a 5M-row ingest stays under 1 GB


def connection_config() -> dict[str, str]:
    """DuckDB settings: a memory cap (`$DASHBOARD_MEMORY_LIMIT`, default 700MB)."""
    return {"memory_limit": os.environ.get("DASHBOARD_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)}


@dataclass(frozen=True)
class Query:
    """One SQL statement from `queries/` and the parameters it declares."""

    name: str
    sql: str
    params: frozenset[str]

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        given = set(params)
        missing = self.params - given
        unexpected = given - self.params
        if missing or unexpected:
            raise TypeError(
                f"query {self.name!r}: missing {sorted(missing)}, unexpected {sorted(unexpected)}"
            )
        return params


@cache
def load_query(name: str) -> Query:
    """Reads `queries/<name>.sql`; the declared params must match those used."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"bad query name {name!r}")
    sql = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
    header = _PARAMS_LINE.search(sql)
    declared = set()
    if header and header["params"].strip().lower() not in ("", "none"):
        declared = {p.strip().split()[0].lstrip("$") for p in header["params"].split(",")}
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    used = set(_PARAM_NAME.findall(body))
    if used != declared:
        raise ValueError(f"query {name!r}: header declares {sorted(declared)}, SQL uses {sorted(used)}")
    return Query(name, sql, frozenset(declared))


def execute(cur: duckdb.DuckDBPyConnection, name: str, **params: Any) -> duckdb.DuckDBPyConnection:
    """Runs a named query on an open cursor (inside the caller's transaction)."""
    query = load_query(name)
    return cur.execute(query.sql, query.bind(params)) if params else cur.execute(query.sql)


def insert_with_id(cur: duckdb.DuckDBPyConnection, name: str, **params: Any) -> int:
    """Runs the INSERT `queries/<name>.sql` with a new `$id` from `queries/<name>_id.sql` (the
    table's last id + 1) and returns it. Stores without sequences (DuckLake) get ids this way too;
    it is safe because writers take turns (`Database.writing`)."""
    new_id = int(execute(cur, f"{name}_id").fetchone()[0])
    execute(cur, name, id=new_id, **params)
    return new_id


class Database:
    """One store (a DuckDB file or a DuckLake), migrated and checked on open; hands out a cursor per
    unit of work.

    The store is shared with the app's other sessions and with other processes
    (`connections` for a file, `lake` for a lake): reads run side by side, writes
    (`transaction`, `writing`) one at a time, each waiting its turn.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | LakeLocation | None = None,
        *,
        migrate: bool = True,
        data_path: str | os.PathLike[str] | None = None,
    ):
        self.path = database_path(path, data_path)
        self._closed = False
        self._remembered: OrderedDict[tuple, Any] = OrderedDict()  # (version, query, params) -> result
        self._remembered_lock = threading.Lock()
        self._remembering = threading.local()  # .version: the data version this thread's reads are of
        self._shared_reads = SharedReads()  # a lake's blocks of reads, one transaction each
        self.repairs: list[str] = []  # what the check on open repaired, said once
        try:
            if isinstance(self.path, Path) and str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._shared = shared_connection(self.path, connection_config())
        except OSError as exc:
            raise DatabaseError(store_errors.describe(self.path, exc)) from exc
        try:
            if migrate:
                from dashboard import store_check  # it uses undo, which sits above this module

                self.migrate()
                self.repairs = store_check.check_and_repair(self)
        except BaseException as exc:
            self.close()
            if isinstance(self.path, LakeLocation) and isinstance(exc, duckdb.Error | OSError):
                raise DatabaseError(store_errors.describe_lake(self.path, exc)) from exc
            if isinstance(exc, duckdb.IOException | duckdb.TransactionException | OSError):
                raise DatabaseError(store_errors.describe(self.path, exc)) from exc
            raise

    def close(self) -> None:
        """Lets go of the file (other handles in this process keep theirs)."""
        if not self._closed:
            self._closed = True
            self._shared.release()

    @contextmanager
    def cursor(self, mode: str = "read") -> Iterator[duckdb.DuckDBPyConnection]:
        """A fresh cursor (its own connection to the same database), closed afterwards; it waits for
        one of the process's query slots first (`query_slots`)."""
        with query_slot(), self._shared.unit(mode) as con:
            cur = con.cursor()
            cur.execute(self._shared.cursor_setup)  # no progress bar on stdout; a lake's catalog
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def _query_cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """For one named read (`run`, `records`, `version`): inside `one_snapshot`, the block's cursor
        when it is free; else a fresh one. (`cursor()` is always fresh: its caller may begin a
        transaction of its own on it.)"""
        with self._shared_reads.take(self.turns_taken) as shared:
            if shared is not None:
                with query_slot():
                    yield shared
                return
        with self.cursor() as cur:
            yield cur

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Holds this process's writer turn across several steps (checks, then a transaction)."""
        with self._shared.writing():
            try:
                yield
            finally:
                self._shared.turns_taken = self.turns_taken + 1

    @property
    def turns_taken(self) -> int:
        """How many writer turns this process has ended on this store (by any of its handles): a
        version read before the last one may be out of date; one read after it is not."""
        return self._shared.turns_taken

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside BEGIN … COMMIT, in the writer's turn; any exception rolls everything back."""
        with self.writing(), self.cursor("write") as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def run(self, name: str, **params: Any) -> pd.DataFrame:
        """Runs `queries/<name>.sql` with bound parameters and returns a DataFrame."""
        return self._frame("run", name, params)

    def run_many(self, name: str, **params: Any) -> pd.DataFrame:
        """`run` for a result of many rows (a company's weekly metrics or targets): converted through
        Arrow, about three times faster than DuckDB's own conversion; a DATE column comes as
        datetime64[ms] (`run`: datetime64[us]), every other column as `run` gives it."""
        return self._frame("run_many", name, params)

    def _frame(self, kind: str, name: str, params: dict[str, Any]) -> pd.DataFrame:
        remembered = self._recall(kind, name, params)
        if remembered is not None:
            return remembered.copy()
        with self._query_cursor() as cur:
            result = execute(cur, name, **params)
            if kind == "run":
                frame = result.df()
            else:  # an empty result as `run` gives it (its text columns typed object)
                table = result.to_arrow_table()
                frame = (
                    table.to_pandas(date_as_object=False) if table.num_rows else cur.from_arrow(table).df()
                )
        self._remember(kind, name, params, frame)
        return frame.copy() if self._remembering_version() is not None else frame

    def records(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Runs `queries/<name>.sql` like `run`, as plain dicts (column -> value), without pandas."""
        remembered = self._recall("records", name, params)
        if remembered is not None:
            return [dict(row) for row in remembered]
        with self._query_cursor() as cur:
            result = execute(cur, name, **params)
            columns = [column[0] for column in result.description]
            rows = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
        self._remember("records", name, params, rows)
        return [dict(row) for row in rows] if self._remembering_version() is not None else rows

    @contextmanager
    def one_snapshot(self) -> Iterator[None]:
        """Within the block, this thread's named reads share one read transaction on a lake (`shared_reads`):
        one snapshot, and one catalog transaction instead of one per query. A DuckDB file gains
        nothing from it and reads as before."""
        if not self._shared.reads_share_a_transaction:
            yield
            return
        with self._shared_reads.block(self._read_cursor):
            yield

    def _read_cursor(self) -> duckdb.DuckDBPyConnection:
        with self._shared.unit("read") as con:
            cursor = con.cursor()
        cursor.execute(self._shared.cursor_setup)
        return cursor

    @contextmanager
    def remembering(self, version: int) -> Iterator[None]:
        """Within the block, this thread's reads (`run`, `records`) are of data `version` (read just
        before): a read repeated with the same query and parameters, in this block or an earlier one
        of the same version, is answered from memory (a copy). Only for reads: the pages' cached calls."""
        before = getattr(self._remembering, "version", None)
        self._remembering.version = version
        try:
            with self.one_snapshot():
                yield
        finally:
            self._remembering.version = before

    def _remembering_version(self) -> int | None:
        return getattr(self._remembering, "version", None)

    def _key(self, kind: str, name: str, params: dict[str, Any]) -> tuple | None:
        version = self._remembering_version()
        if version is None:
            return None
        frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
        return version, kind, name, frozen

    def _recall(self, kind: str, name: str, params: dict[str, Any]) -> Any:
        key = self._key(kind, name, params)
        if key is None:
            return None
        with self._remembered_lock:
            found = self._remembered.get(key)
            if found is not None:
                self._remembered.move_to_end(key)
            return found

    def _remember(self, kind: str, name: str, params: dict[str, Any], result: Any) -> None:
        key = self._key(kind, name, params)
        if key is None or len(result) > REMEMBERED_ROWS:
            return
        with self._remembered_lock:
            for old in [k for k in self._remembered if k[0] != key[0]]:  # another version's: stale
                del self._remembered[old]
            self._remembered[key] = result
            while len(self._remembered) > REMEMBERED_READS:
                self._remembered.popitem(last=False)

    def version(self) -> int:
        """A number that changes with every ingest or undo (cache key for pages)."""
        with self._query_cursor() as cur:
            return int(execute(cur, "database_version").fetchone()[0])

    def maintain(self, days: int = KEEP_DAYS) -> dict[str, int]:
        """Upkeep, in the writer's turn. A lake: rows inlined by small writes flushed to Parquet, small
        files merged, snapshots older than `days` expired, files no snapshot needs (and scheduled for
        deletion over `days` ago) deleted; counts by step. A DuckDB file: CHECKPOINT (all it needs).
        Each step's result is read to the end: a half-read one would not commit."""
        with self.writing(), self.cursor("write") as cur:
            if not isinstance(self.path, LakeLocation):
                cur.execute("CHECKPOINT")
                return {"checkpoint": 1}
            done = {
                step: int(execute(cur, f"lake_{step}").fetchall()[0][0])
                for step in ("flush_inlined", "merge_files")
            }
            for step in ("expire_snapshots", "cleanup_files"):
                done[step] = int(execute(cur, f"lake_{step}", days=days).fetchall()[0][0])
            return done

    def migrate(self) -> list[str]:
        """Applies pending migrations in order; re-applies changed repeatable ones (R__*)."""
        from dashboard import schema_migrations

        return schema_migrations.migrate(self)

    def for_store(self, script: str) -> str:
        """A schema script as this store takes it (a lake: without what DuckLake lacks, `lake_schema`)."""
        return self._shared.schema(script)
