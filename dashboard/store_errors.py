"""What went wrong with the database file, in one sentence that names it and says what to do.

DuckDB reports a damaged, locked, unreadable or full store as an `IOException`
(or, when a write fails on commit, a `TransactionException`) whose text holds the
operating system's reason; a folder that cannot be created raises `OSError`.
`describe` turns either into the sentence the app shows and the CLI prints; the
original text stays on the exception chain for anyone debugging.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.store_location import LakeLocation

RETRY_ELSEWHERE = "point DASHBOARD_DB at another file"


def _codes(*names: str) -> frozenset[int]:
    """The errno numbers this platform has among these names."""
    return frozenset(getattr(errno, name) for name in names if hasattr(errno, name))


def _wording(codes: frozenset[int]) -> re.Pattern[str]:
    """The operating system's wording of these errors (strerror), as DuckDB quotes it."""
    return re.compile("|".join(re.escape(os.strerror(code)) for code in sorted(codes)), re.IGNORECASE)


FULL = _codes("ENOSPC", "EDQUOT")
DENIED = _codes("EACCES", "EPERM")
READ_ONLY = _codes("EROFS")
FOLDER = _codes("EISDIR")
NO_FOLDER = _codes("ENOTDIR", "ENOENT", "EEXIST")  # EEXIST: mkdir where a file is
_LOCKED = re.compile(r"could not set lock|conflicting lock", re.IGNORECASE)
_LOCK_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")
_NOT_DUCKDB = re.compile(r"not a valid DuckDB database file", re.IGNORECASE)
_DAMAGED = re.compile(r"corrupt|checksum", re.IGNORECASE)
_WAL = re.compile(r"WAL file", re.IGNORECASE)
_VERSION = re.compile(r"version number|newer version|older version|storage version", re.IGNORECASE)


def _is(exc: BaseException, codes: frozenset[int]) -> bool:
    """Whether the exception is one of these OS errors, raised by Python or quoted by DuckDB."""
    if isinstance(exc, OSError) and exc.errno in codes:
        return True
    return bool(codes) and bool(_wording(codes).search(str(exc)))


def _reason(exc: BaseException) -> str:
    """The exception's text: one line, without DuckDB's "IO Error: " prefix."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"^[A-Za-z ]*Error: ", "", text)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def is_lock_conflict(exc: BaseException) -> bool:
    """True when DuckDB could not open the file because another process holds its lock."""
    return bool(_LOCKED.search(str(exc)))


def describe_lake(location: LakeLocation, exc: BaseException) -> str:
    """One sentence naming the lake and why it could not be used; its password said nowhere (DuckDB's
    own text quotes the connection string)."""
    from dashboard.store_location import hidden_password  # it imports connections, which imports this

    return (
        f"The store {location} could not be used: {hidden_password(_reason(exc))}. Check that "
        "its catalog is reachable (the PostgreSQL server runs, the connection string is right) and its "
        "data path is writable."
    )


def describe(path: str | os.PathLike[str], exc: BaseException) -> str:
    """One sentence naming the database file, what is wrong with it, and the next step."""
    path = Path(path)
    text = str(exc)
    if _is(exc, FULL):
        return f"The disk holding the database file {path} is full. Free some space on it, then try again."
    if _LOCKED.search(text):
        holder = _LOCK_HOLDER.search(text)
        who = f" (process {holder['pid']})" if holder else ""
        return (
            f"The database file {path} is in use by another program{who}. "
            "Close the other copy of the app or the running dashboard command, then try again."
        )
    if _is(exc, READ_ONLY):
        return (
            f"The database file {path} is on a read-only disk. "
            f"Copy it to a disk you can write to, or {RETRY_ELSEWHERE}."
        )
    if _is(exc, DENIED):
        return (
            f"The database file {path} cannot be opened: permission denied. "
            f"Give your user read and write access to it and its folder, or {RETRY_ELSEWHERE}."
        )
    if _is(exc, FOLDER):
        return f"The database path {path} is a folder, not a file. Point DASHBOARD_DB at a file inside it."
    if _is(exc, NO_FOLDER):
        return (
            f"The folder for the database file {path} cannot be created (part of the path is missing "
            f"or is a file). Check the path, or {RETRY_ELSEWHERE}."
        )
    if _WAL.search(text):
        return (
            f"The journal of the database file {path} ({path.name}.wal) is damaged, so its latest "
            f"changes cannot be read back. Restore {path.name} from a backup, or move {path.name}.wal "
            "aside to open the file without those changes."
        )
    if _NOT_DUCKDB.search(text):
        if _size(path) == 0:
            return (
                f"The database file {path} is empty (an earlier start may have run out of disk space). "
                f"Delete it to start afresh, or {RETRY_ELSEWHERE}."
            )
        return (
            f"The database file {path} is not a DuckDB database (it may be damaged). "
            f"Restore it from a backup or {RETRY_ELSEWHERE}."
        )
    if _DAMAGED.search(text):
        return (
            f"The database file {path} is damaged (its contents do not match their checksums). "
            f"Restore it from a backup or {RETRY_ELSEWHERE}."
        )
    if _VERSION.search(text):
        return (
            f"The database file {path} was written by another version of DuckDB than this app uses. "
            f"Open it with the version that wrote it, or {RETRY_ELSEWHERE}."
        )
    return (
        f"The database file {path} could not be opened ({_reason(exc)}). "
        f"Check the file, or {RETRY_ELSEWHERE}."
    )
