"""Where the store lives: a DuckDB file, or a DuckLake (a SQLite or PostgreSQL catalog plus data files).

`--db` / `$DASHBOARD_DB` name either a DuckDB file (`data/dashboard.duckdb`) or a
DuckLake catalog: `ducklake:sqlite:PATH` (several local processes) or
`ducklake:postgres:CONNINFO` (several servers). The lake's Parquet files go
under `--data-path` / `$DASHBOARD_DATA_PATH` when the lake is created; by default
beside a SQLite catalog (`<catalog>.files/`), and for a PostgreSQL catalog
`./data/lake-files/` (every server must see the same folder, so say it). The
catalog remembers it: later opens need not say it again (and one that says a
different folder is refused, naming both). Only the store modules look at
which kind it is; the rest of the app sees a location with a name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.connections import DatabaseError

LAKE_PREFIX = "ducklake:"
KINDS = ("sqlite", "postgres")
DEFAULT_POSTGRES_DATA = Path("data") / "lake-files"
_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s\"]+)", re.IGNORECASE)
_URI_PASSWORD = re.compile(r"(://[^:/@]+:)[^@]+@")


class BadLocation(DatabaseError):
    """`--db` names a lake this app cannot open (the message says how to write it)."""


@dataclass(frozen=True)
class LakeLocation:
    """A DuckLake store: its catalog (`kind`, `target`) and the folder (or URL) of its data files."""

    kind: str  # "sqlite" | "postgres"
    target: str  # the SQLite file (absolute) or the PostgreSQL connection string
    data_path: str
    data_path_given: bool = False  # said by --data-path / $DASHBOARD_DATA_PATH, not the default

    @property
    def name(self) -> str:
        """How the app names it to the user (no password)."""
        if self.kind == "sqlite":
            return f"{LAKE_PREFIX}sqlite:{Path(self.target).name}"
        return f"{LAKE_PREFIX}postgres:{hidden_password(self.target)}"

    def __str__(self) -> str:
        shown = self.target if self.kind == "sqlite" else hidden_password(self.target)
        return f"{LAKE_PREFIX}{self.kind}:{shown}"

    def resolve(self) -> LakeLocation:
        """Itself (already absolute): lets callers treat files and lakes alike."""
        return self

    def exists(self) -> bool:
        """Whether a catalog may already be there (a PostgreSQL catalog is asked, not guessed)."""
        return self.kind == "postgres" or Path(self.target).exists()

    @property
    def attach_spec(self) -> str:
        """The ATTACH string for DuckDB (with the password: never shown)."""
        return f"{LAKE_PREFIX}{self.kind}:{self.target}"


def hidden_password(conninfo: str) -> str:
    """The text (a connection string, or an error quoting one) with every password replaced by `***`."""
    return _URI_PASSWORD.sub(r"\1***@", _PASSWORD.sub(r"\1***", conninfo))


def sql_literal(text: str) -> str:
    """`text` as a SQL string literal: for ATTACH, which takes no bound parameters."""
    return "'" + text.replace("'", "''") + "'"


def is_lake(spec: object) -> bool:
    """Whether `--db` names a DuckLake (`ducklake:…`) rather than a DuckDB file."""
    return isinstance(spec, LakeLocation) or str(spec).startswith(LAKE_PREFIX)


def lake_location(spec: str, data_path: str | os.PathLike[str] | None = None) -> LakeLocation:
    """Parses `ducklake:sqlite:PATH` / `ducklake:postgres:CONNINFO`; the data path from the argument,
    else `$DASHBOARD_DATA_PATH`, else the default for that catalog."""
    kind, _, target = spec[len(LAKE_PREFIX) :].partition(":")
    if kind not in KINDS or not target.strip():
        raise BadLocation(
            f"--db {spec!r}: write ducklake:sqlite:PATH or ducklake:postgres:CONNINFO "
            "(e.g. ducklake:postgres:dbname=sales host=db.internal user=app password=…)"
        )
    chosen = data_path or os.environ.get("DASHBOARD_DATA_PATH")
    if kind == "sqlite":
        target = str(Path(target).expanduser().resolve())
        default = Path(target + ".files")
    else:
        target = target.strip()
        default = DEFAULT_POSTGRES_DATA
    data = str(chosen) if chosen else str(default)
    if "://" not in data:  # a local folder: absolute, so every process means the same one
        data = str(Path(data).expanduser().resolve())
    return LakeLocation(kind, target, data.rstrip("/") + "/", bool(chosen))
