"""The three stores a test can run on: a DuckDB file, DuckLake + SQLite, DuckLake + PostgreSQL.

`STORES` parametrizes a fixture; `store_spec(kind, folder)` gives the `--db` text of a fresh,
empty store of that kind. A lake needs the DuckLake extension wheels for this DuckDB
(`pip install -e .[test]` installs them); PostgreSQL needs a server: set
`DASHBOARD_TEST_POSTGRES` to a connection string of a role that may create databases
(`.ci/run` starts Debian's PostgreSQL and sets it). Without them the lake variants are
skipped, saying why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

STORES = ("file", "sqlite", "postgres")
LAKES = ("sqlite", "postgres")
POSTGRES_ENV = "DASHBOARD_TEST_POSTGRES"


def lake_missing() -> str | None:
    """Why a lake cannot be opened here (None: it can)."""
    try:
        from dashboard.lake import extension_file

        for name in ("ducklake", "sqlite_scanner", "postgres_scanner"):
            extension_file(name)
    except Exception as exc:
        return str(exc)
    return None


@contextmanager
def store_spec(kind: str, folder: Path) -> Iterator[str]:
    """`--db` text of a fresh store of `kind` (a PostgreSQL database is created and dropped; its
    lake's files go under `folder`, through $DASHBOARD_DATA_PATH while it lasts)."""
    if kind == "file":
        yield str(folder / "store.duckdb")
        return
    missing = lake_missing()
    if missing:
        pytest.skip(f"no DuckLake here: {missing}")
    if kind == "sqlite":
        yield f"ducklake:sqlite:{folder / 'catalog.sqlite'}"
        return
    admin = os.environ.get(POSTGRES_ENV)
    if not admin:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} to a connection string (.ci/run does)")
    name = f"dashboard_test_{uuid.uuid4().hex[:12]}"
    try:
        _postgres(admin, f"CREATE DATABASE {name}")
    except Exception as exc:
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} is not reachable: {exc}")
    before = os.environ.get("DASHBOARD_DATA_PATH")
    os.environ["DASHBOARD_DATA_PATH"] = str(folder / "lake-files")  # this test's own (and its processes')
    try:
        yield f"ducklake:postgres:{admin} dbname={name}"
    finally:
        _postgres(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if before is None:
            os.environ.pop("DASHBOARD_DATA_PATH", None)
        else:
            os.environ["DASHBOARD_DATA_PATH"] = before


def _postgres(admin: str, statement: str) -> None:
    """Runs one statement on the server outside a transaction (CREATE / DROP DATABASE)."""
    from dashboard.lake import bare_connection
    from dashboard.store_location import sql_literal

    con = bare_connection("postgres", {})
    try:
        con.execute(f"ATTACH {sql_literal(admin)} AS server (TYPE postgres)")
        con.execute("CALL postgres_execute('server', ?, use_transaction => false)", [statement])
    finally:
        con.close()
