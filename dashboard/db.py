"""The one door to DuckDB: where the file lives, migrations, and named queries.

Everything else reaches the database through `Database`: one handle per
process, a fresh cursor for each unit of work (DuckDB connections must not be
shared between threads, and Streamlit runs each session in its own thread).
SQL lives in `queries/<name>.sql`, one statement per file, with a header line
`-- params: $name TYPE, ...` that `run` checks before binding.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dashboard import store_errors

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = ROOT / "migrations"
DEFAULT_DB = Path("data") / "dashboard.duckdb"

_PARAMS_LINE = re.compile(r"^--\s*params:\s*(?P<params>.*)$", re.MULTILINE)
_PARAM_NAME = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class DatabaseError(Exception):
    """A database problem worth showing to the user as a sentence."""


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `$DASHBOARD_DB`, else `./data/dashboard.duckdb` (CLI.md)."""
    chosen = explicit or os.environ.get("DASHBOARD_DB") or DEFAULT_DB
    return Path(chosen).expanduser()


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


class Database:
    """One DuckDB file, migrated on open; hands out a cursor per unit of work."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, migrate: bool = True):
        self.path = database_path(path)
        self._lock = threading.Lock()
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path), config=connection_config())
            if migrate:
                self.migrate()
        except (duckdb.IOException, duckdb.TransactionException, OSError) as exc:
            raise DatabaseError(store_errors.describe(self.path, exc)) from exc

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A fresh cursor (its own connection to the same database), closed afterwards."""
        with self._lock:
            cur = self._con.cursor()
        cur.execute("SET enable_progress_bar = false")  # it would write to stdout, kept for JSON
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside BEGIN … COMMIT; any exception rolls everything back."""
        with self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def run(self, name: str, **params: Any) -> pd.DataFrame:
        """Runs `queries/<name>.sql` with bound parameters and returns a DataFrame."""
        with self.cursor() as cur:
            return execute(cur, name, **params).df()

    def version(self) -> int:
        """A number that changes with every ingest or undo (cache key for pages)."""
        return int(self.run("database_version").iloc[0, 0])

    def migrate(self) -> list[str]:
        """Applies pending migrations in order; re-applies changed repeatable ones (R__*)."""
        applied: list[str] = []
        with self.transaction() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " name VARCHAR PRIMARY KEY, checksum VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
            done = dict(cur.execute("SELECT name, checksum FROM schema_migrations").fetchall())
            for path in _migration_files():
                script = path.read_text(encoding="utf-8")
                checksum = hashlib.sha256(script.encode()).hexdigest()
                repeatable = path.name.startswith("R__")
                if path.name in done and (not repeatable or done[path.name] == checksum):
                    continue
                cur.execute(script)
                cur.execute(
                    "INSERT OR REPLACE INTO schema_migrations (name, checksum) VALUES (?, ?)",
                    [path.name, checksum],
                )
                applied.append(path.name)
        return applied


def _migration_files() -> list[Path]:
    """Versioned files (0001_x.sql …) in order, then repeatable ones (R__x.sql)."""
    files = sorted(MIGRATIONS_DIR.glob("*.sql"))
    return [p for p in files if not p.name.startswith("R__")] + [p for p in files if p.name.startswith("R__")]
