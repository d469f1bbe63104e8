"""Turns on the database file between processes: many readers or one writer, each waiting its turn.

DuckDB lets one process open a file for writing, or several open it for reading,
and refuses everyone else at once. These locks make them wait instead, bounded:
`flock` on `<db>.lock` (shared to read, exclusive to write) and a turnstile,
`<db>.queue`, held by anyone who is kept waiting. A process that keeps the file
open between units of work watches the turnstile (`someone_waiting`) and hands
the file over when its current work ends, so a writer is never starved by a
busy app. A wait that runs out raises `TimeoutError` naming who holds the file.
The kernel drops both locks when a process dies, even by kill -9.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

DEFAULT_WAIT_SECONDS = 60.0
_POLL_SECONDS = 0.02


def wait_seconds() -> float:
    """How long to wait for the database: `$DASHBOARD_WAIT_SECONDS`, default 60."""
    try:
        return max(0.0, float(os.environ.get("DASHBOARD_WAIT_SECONDS", DEFAULT_WAIT_SECONDS)))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


class FileGate:
    """The two lock files beside one database file, held by this process."""

    def __init__(self, database: Path):
        self.database = database
        self._lock = _open(database.with_name(database.name + ".lock"))
        self._queue = _open(database.with_name(database.name + ".queue"))
        self._probe = _open(database.with_name(database.name + ".queue"))  # its own lock owner

    def acquire(self, mode: str, timeout: float) -> None:
        """Waits (at most `timeout` seconds) for a turn to read or to write."""
        flag = fcntl.LOCK_EX if mode == "write" else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        # Through the turnstile: held only for a moment when the turn is free, and all along
        # while waiting, which is what tells the holders to hand over.
        _wait(self._queue, fcntl.LOCK_EX, deadline, self, mode)
        try:
            _wait(self._lock, flag, deadline, self, mode)
        finally:
            fcntl.flock(self._queue, fcntl.LOCK_UN)

    def release(self) -> None:
        fcntl.flock(self._lock, fcntl.LOCK_UN)

    def someone_waiting(self) -> bool:
        """True while another process waits in the queue for its turn."""
        if _try(self._probe, fcntl.LOCK_SH):
            fcntl.flock(self._probe, fcntl.LOCK_UN)
            return False
        return True

    def close(self) -> None:
        for handle in (self._lock, self._queue, self._probe):
            os.close(handle)

    def holders(self) -> str:
        """Who holds the database now, as the kernel sees it ('PID 123 (dashboard ingest …)')."""
        inode = os.fstat(self._lock).st_ino
        pids = sorted(_lock_holders(inode) - {os.getpid()})
        return ", ".join(f"PID {pid} ({_command(pid)})" for pid in pids) or "another process"


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _try(handle: int, flag: int) -> bool:
    try:
        fcntl.flock(handle, flag | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _wait(handle: int, flag: int, deadline: float, gate: FileGate, mode: str) -> None:
    pause = _POLL_SECONDS
    while not _try(handle, flag):
        if time.monotonic() >= deadline:
            raise TimeoutError(
                f"The database {gate.database} is busy: {gate.holders()} is using it, and the wait "
                f"for a turn to {'change' if mode == 'write' else 'read'} it ran out. "
                "Try again when that has finished (or wait longer: DASHBOARD_WAIT_SECONDS)."
            )
        time.sleep(pause)
        pause = min(pause * 1.5, 0.2)


def _lock_holders(inode: int) -> set[int]:
    """PIDs holding a lock on the file with that inode (Linux `/proc/locks`; empty elsewhere)."""
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return set()
    pids = set()
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        if len(fields) >= 6 and fields[5].rsplit(":", 1)[-1] == str(inode):
            pids.add(int(fields[4]))
    return pids


def _command(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "unknown command"
    parts = [w.decode(errors="replace") for w in words if w]
    return " ".join([Path(parts[0]).name, *parts[1:]])[:120] if parts else "unknown command"
