"""One DuckDB connection per database file and process, shared by its threads, handed over between processes.

A unit of work (`SharedConnection.unit`) joins the connection this process
already has open, or opens one when it is this process's turn (`store_lock`):
for reading (several processes at once) or for writing (one). The file stays
open between units, so pages stay warm; when another process waits for its turn,
the connection closes as soon as the units under way end, and the next unit here
waits behind it. Writers inside the process take one re-entrant turn
(`writing`), so two sessions never write at the same moment.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from dashboard import store_errors
from dashboard.store_lock import FileGate, wait_seconds

if TYPE_CHECKING:
    from dashboard.lake import LakeConnection
    from dashboard.store_location import LakeLocation

_WATCH_SECONDS = 0.05
_MEMORY = ":memory:"


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The connection without DuckDB's progress bar, which a connection (not its cursors) draws on
    stdout for a statement past 2 s: it would land in the CLI's `--json` output on a busy machine.
    Not a connect option (DuckDB refuses it as a global one), so set on each new connection."""
    con.execute("SET enable_progress_bar = false")
    return con


class DatabaseError(Exception):
    """A database problem worth showing to the user as a sentence."""


class StoreBusy(DatabaseError):
    """The wait for a turn on the database ran out; the message names who holds it."""


class SharedConnection:
    """This process's connection to one database file."""

    cursor_setup = "SET enable_progress_bar = false"  # it would write to stdout, kept for JSON
    reads_share_a_transaction = False  # a file gains nothing from one (`shared_reads`)
    turns_taken = 0  # writer turns ended in this process (`Database.turns_taken`)

    def __init__(self, path: Path, config: dict[str, str]):
        self.path = path
        self._config = config
        self._cond = threading.Condition()
        self._writer = threading.RLock()
        self._gate = None if str(path) == _MEMORY else FileGate(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._mode: str | None = None  # "read" | "write"
        self._units: dict[int, int] = {}  # thread -> units it has open (they nest)
        self._opening = False
        self._draining = False  # no new units until the open ones end and the file is closed
        self._next_mode = "read"
        self._key = _key(path)
        self._holders = 0  # Database objects using it

    @contextmanager
    def unit(self, mode: str = "read") -> Iterator[duckdb.DuckDBPyConnection]:
        """The open connection for one unit of work, opened for `mode` ("read" or "write")."""
        con = self._enter(mode)
        try:
            yield con
        finally:
            self._leave()

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """This process's one writer turn (re-entrant), with the file held open for writing."""
        if not self._writer.acquire(timeout=wait_seconds()):
            raise StoreBusy(f"The database {self.path} is busy saving another change; try again in a moment.")
        try:
            with self.unit("write") as con:
                yield con
        finally:
            self._writer.release()

    def schema(self, script: str) -> str:
        """A migration as this store takes it: a DuckDB file takes every statement."""
        return script

    def release(self) -> None:
        """One holder lets go; the last one closes the file and its lock files."""
        with _shared_lock, self._cond:
            self._holders -= 1
            if self._holders > 0:
                return
            if self._con is not None and not self._units:
                self._close()
            if self._gate is not None and self._con is None:
                self._gate.close()
            _shared.pop(self._key, None)

    # ------------------------------------------------------------------ turns

    def _enter(self, mode: str) -> duckdb.DuckDBPyConnection:
        me = threading.get_ident()
        deadline = time.monotonic() + wait_seconds()
        if self._gate is None:
            mode = "write"  # an in-memory database lives as long as its one connection
        with self._cond:
            while True:
                if me in self._units:  # a unit inside a unit of this thread
                    if mode == "write" and self._mode != "write":
                        raise RuntimeError("a write inside a read unit of the same thread")
                    return self._join(me)
                if self._con is not None and not self._draining:
                    if mode == "read" or self._mode == "write":
                        return self._join(me)
                    self._draining, self._next_mode = True, "write"  # reopen for writing
                    if not self._units:
                        self._close()
                if self._con is None and not self._opening:
                    self._opening = True
                    mode = "write" if "write" in (mode, self._next_mode) else "read"
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise StoreBusy(f"The database {self.path} stayed busy inside this process.")
                self._cond.wait(remaining)
        try:
            con = self._open(mode, deadline)
        except BaseException:
            with self._cond:
                self._opening = False
                self._cond.notify_all()
            raise
        with self._cond:
            self._con, self._mode, self._opening, self._next_mode = con, mode, False, "read"
            self._cond.notify_all()
            if self._gate is not None:
                threading.Thread(target=self._watch, args=(con,), daemon=True, name="db-watch").start()
            return self._join(me)

    def _join(self, me: int) -> duckdb.DuckDBPyConnection:
        self._units[me] = self._units.get(me, 0) + 1
        assert self._con is not None
        return self._con

    def _leave(self) -> None:
        me = threading.get_ident()
        with self._cond:
            self._units[me] -= 1
            if not self._units[me]:
                del self._units[me]
            if self._draining and not self._units:
                self._close()
            self._cond.notify_all()

    def _watch(self, con: duckdb.DuckDBPyConnection) -> None:
        """While the file is open: hand it over when another process waits for its turn."""
        assert self._gate is not None
        while True:
            time.sleep(_WATCH_SECONDS)
            with self._cond:
                if self._con is not con:
                    return
                if not self._draining and self._gate.someone_waiting():
                    self._draining = True
                if self._draining and not self._units:
                    self._close()
                    self._cond.notify_all()
                    return

    # ------------------------------------------------------------------ the file

    def _open(self, mode: str, deadline: float) -> duckdb.DuckDBPyConnection:
        if self._gate is None:
            return quiet(duckdb.connect(_MEMORY, config=self._config))
        if mode == "read" and not self.path.exists():
            mode = "write"  # nothing to read yet: create it
        try:
            self._gate.acquire(mode, max(0.0, deadline - time.monotonic()))
        except TimeoutError as exc:
            raise StoreBusy(str(exc)) from exc
        try:
            return self._connect(mode, deadline)
        except BaseException:
            self._gate.release()
            raise

    def _connect(self, mode: str, deadline: float) -> duckdb.DuckDBPyConnection:
        while True:
            try:
                return quiet(duckdb.connect(str(self.path), read_only=mode == "read", config=self._config))
            except duckdb.IOException as exc:
                # A process outside these turns (an old version, the duckdb shell) holds the file.
                if store_errors.is_lock_conflict(exc) and time.monotonic() < deadline:
                    time.sleep(0.1)
                    continue
                raise DatabaseError(store_errors.describe(self.path, exc)) from exc

    def _close(self) -> None:
        assert self._con is not None
        self._con.close()
        if self._gate is not None:
            self._gate.release()
        self._con, self._mode, self._draining = None, None, False


_shared: dict[str, SharedConnection] = {}
_shared_lock = threading.Lock()


def shared_connection(path: Path | LakeLocation, config: dict[str, str]) -> SharedConnection | LakeConnection:
    """The one connection of this process to that file or lake (give it back with `release`)."""
    key = _key(path)
    with _shared_lock:
        shared = _shared.get(key) if key != _MEMORY else None
        if shared is None:
            if isinstance(path, Path):
                shared = SharedConnection(path, config)
            else:
                from dashboard.lake import LakeConnection  # only a lake needs its extensions

                shared = LakeConnection(path, config)
            _shared[key] = shared
        shared._holders += 1
        return shared


def let_go(shared: SharedConnection | LakeConnection) -> bool:
    """One holder of `shared` lets go; True when it was the last (it is forgotten: close it)."""
    with _shared_lock:
        shared._holders -= 1
        if shared._holders > 0:
            return False
        if _shared.get(_key(shared.path)) is shared:
            del _shared[_key(shared.path)]
        return True


def _key(path: Path | LakeLocation) -> str:
    if not isinstance(path, Path):
        return path.attach_spec
    return str(path) if str(path) == _MEMORY else str(path.resolve())


@atexit.register
def _close_all() -> None:
    """Closes every file still open when the process ends, so DuckDB writes its journal into it."""
    with _shared_lock:
        open_now = list(_shared.values())
    for shared in open_now:
        if not isinstance(shared, SharedConnection):
            continue  # a lake: DuckDB detaches it when the process ends
        with shared._cond:
            if shared._con is not None and not shared._units:
                shared._close()
