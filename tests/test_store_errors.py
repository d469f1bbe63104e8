"""A damaged, locked, unreadable or full database file: one sentence naming it and the next step,
in the app (st.error, no traceback) and on the command line (stderr, exit 1)."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import store_errors
from dashboard.cli import app as cli_app
from dashboard.db import Database, DatabaseError
from dashboard.store_errors import describe

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = Path(sys.executable).with_name("dashboard")
NOT_DUCKDB = "is not a DuckDB database (it may be damaged). Restore it from a backup or point DASHBOARD_DB"


def _corrupt(kind: str, path: Path) -> Path:
    """A file at the database path that DuckDB cannot open."""
    if kind == "text":
        path.write_text("rep,team\nAda Park,North\n" * 50)
    elif kind == "random bytes":
        path.write_bytes(os.urandom(16_384))
    elif kind == "damaged block":
        Database(path).close()
        data = bytearray(path.read_bytes())
        data[5_000:9_000] = os.urandom(4_000)
        path.write_bytes(bytes(data))
    return path


def _error_of(path: Path) -> str:
    with pytest.raises(DatabaseError) as caught:
        Database(path)
    return str(caught.value)


@pytest.mark.parametrize("kind", ["text", "random bytes"])
def test_a_file_that_is_not_a_database(kind: str, tmp_path: Path) -> None:
    path = _corrupt(kind, tmp_path / "x.duckdb")
    assert _error_of(path) == (
        f"The database file {path} is not a DuckDB database (it may be damaged). "
        "Restore it from a backup or point DASHBOARD_DB at another file."
    )


def test_a_database_with_a_damaged_block(tmp_path: Path) -> None:
    path = _corrupt("damaged block", tmp_path / "x.duckdb")
    message = _error_of(path)
    assert message.startswith(f"The database file {path} ")
    assert "damaged" in message and "Restore it from a backup" in message


def test_an_empty_file_is_named_as_empty(tmp_path: Path) -> None:
    """What a first start on a full disk leaves behind (measured: a 0-byte file)."""
    path = tmp_path / "x.duckdb"
    path.write_bytes(b"")
    assert _error_of(path).startswith(f"The database file {path} is empty")


def test_a_folder_at_the_database_path(tmp_path: Path) -> None:
    (tmp_path / "x.duckdb").mkdir()
    assert _error_of(tmp_path / "x.duckdb") == (
        f"The database path {tmp_path / 'x.duckdb'} is a folder, not a file. "
        "Point DASHBOARD_DB at a file inside it."
    )


def test_a_damaged_journal(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    script = (  # a process that dies before it checkpoints leaves its changes in x.duckdb.wal
        "import duckdb, os, sys\n"
        "c = duckdb.connect(sys.argv[1]); c.execute(\"SET wal_autocheckpoint='10GB'\")\n"
        "c.execute('CREATE TABLE t AS SELECT range AS i FROM range(1000)'); os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    wal = Path(f"{path}.wal")
    data = bytearray(wal.read_bytes())
    data[100:400] = os.urandom(300)
    wal.write_bytes(bytes(data))
    message = _error_of(path)
    assert message.startswith(f"The journal of the database file {path} (x.duckdb.wal) is damaged")
    assert "move x.duckdb.wal aside" in message


def test_a_file_in_use_by_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_WAIT_SECONDS", "2")  # the retries give up after this wait
    path = tmp_path / "x.duckdb"
    script = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert _error_of(path) == (
            f"The database file {path} is in use by another program (process {holder.pid}). "
            "Close the other copy of the app or the running dashboard command, then try again."
        )
    finally:
        holder.communicate("", timeout=30)


# DuckDB's own texts for what a root test user cannot provoke (permissions) or a test cannot
# cause safely (a full disk); the full-disk ones were measured on a 4 MB tmpfs.
FULL_ON_OPEN = 'IO Error: Could not write file "{path}": No space left on device'
FULL_ON_COMMIT = (
    'TransactionContext Error: Failed to commit: Could not write file "{path}.wal": No space left on device'
)
DENIED = 'IO Error: Cannot open file "{path}": Permission denied'
READ_ONLY = 'IO Error: Cannot open file "{path}": Read-only file system'
VERSION = (
    "IO Error: Trying to read a database file with version number 99, but we can only read versions 64-67."
)


FULL = "The disk holding the database file {path} is full. Free some space on it, then try again."
ELSEWHERE = "point DASHBOARD_DB at another file."


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (duckdb.IOException(FULL_ON_OPEN), FULL),
        (duckdb.TransactionException(FULL_ON_COMMIT), FULL),
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), FULL),
        (
            duckdb.IOException(DENIED),
            "The database file {path} cannot be opened: permission denied. Give your user read and "
            f"write access to it and its folder, or {ELSEWHERE}",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "data"),
            "The database file {path} cannot be opened: permission denied.",
        ),
        (duckdb.IOException(READ_ONLY), "The database file {path} is on a read-only disk."),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory"),
            "The folder for the database file {path} cannot be created",
        ),
        (
            duckdb.IOException(VERSION),
            "The database file {path} was written by another version of DuckDB than this app uses.",
        ),
        (
            duckdb.IOException("IO Error: something new"),
            f"The database file {{path}} could not be opened (something new). Check the file, or {ELSEWHERE}",
        ),
    ],
    ids=["full", "full on commit", "full (OSError)", "denied", "denied (OSError)", "read-only", "not a dir",
         "version", "other"],
)  # fmt: skip
def test_describe(exc: BaseException, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.duckdb"
    exc.args = tuple(a.format(path=path) if isinstance(a, str) else a for a in exc.args)
    message = describe(path, exc)
    assert message.startswith(expected.format(path=path))
    assert message.count(str(path)) >= 1 and "\n" not in message


def test_describe_knows_the_platforms_wording() -> None:
    """The OS reasons are matched by the platform's own strerror text, as DuckDB quotes it."""
    assert errno.ENOSPC in store_errors.FULL and errno.EACCES in store_errors.DENIED
    assert describe("x.duckdb", duckdb.IOException(os.strerror(errno.ENOSPC))).startswith("The disk holding")


def test_a_full_disk_while_migrating_is_a_sentence_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening writes (migrations): DuckDB raises TransactionException when the journal cannot grow."""
    path = tmp_path / "x.duckdb"

    def full(self: Database) -> list[str]:
        raise duckdb.TransactionException(FULL_ON_COMMIT.format(path=path))

    monkeypatch.setattr(Database, "migrate", full)
    assert _error_of(path).startswith(f"The disk holding the database file {path} is full.")


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    path = tmp_path / "file" / "x.duckdb"
    assert _error_of(path).startswith(f"The folder for the database file {path} cannot be created")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    Database(path).close()
    path.chmod(0)
    try:
        assert "permission denied" in _error_of(path)
    finally:
        path.chmod(0o600)


# The command line: the sentence on stderr, exit code 1, no traceback.


def test_cli_on_a_corrupt_file(tmp_path: Path) -> None:
    path = _corrupt("text", tmp_path / "x.duckdb")
    result = CliRunner().invoke(cli_app, ["--db", str(path), "reps"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == describe(path, duckdb.IOException("not a valid DuckDB database file"))


def test_cli_process_on_a_corrupt_file(tmp_path: Path) -> None:
    path = _corrupt("random bytes", tmp_path / "x.duckdb")
    env = {**os.environ, "DASHBOARD_DB": str(path)}
    result = subprocess.run([str(DASHBOARD), "uploads", "--json"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"The database file {path} {NOT_DUCKDB} at another file."]


# The app: st.error with the sentence, then nothing else; no exception.


def _unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("kind", ["text", "random bytes", "damaged block"])
def test_app_on_a_corrupt_file(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _corrupt(kind, tmp_path / "app.duckdb")
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    (error,) = at.error
    expected = describe(path.resolve(), duckdb.IOException("not a valid DuckDB database file"))
    if kind == "damaged block":
        assert _unescaped(error.value).startswith(f"The database file {path.resolve()} is damaged")
    else:
        assert _unescaped(error.value) == expected
    assert not at.sidebar.text  # no navigation or database details after the message
    assert not at.get("page_link") and not at.dataframe


def test_app_opens_once_the_file_is_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failed open is not cached: after restoring the file, the next run works."""
    path = _corrupt("text", tmp_path / "app.duckdb")
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert at.error
    path.unlink()
    at.run()
    assert not at.exception and not at.error
    assert "no data yet" in "\n".join(t.value for t in at.sidebar.text)


@pytest.mark.parametrize(
    ("raised", "says"),
    [(DENIED, "cannot be opened: permission denied"), (FULL_ON_OPEN, "is full. Free some space")],
    ids=["permission denied", "disk full"],
)
def test_cli_when_duckdb_refuses_the_file(
    raised: str, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What DuckDB raises for an unreadable file or a full disk, at the one place the store is opened."""
    path = tmp_path / "x.duckdb"

    def refuse(*args: object, **kwargs: object) -> None:
        raise duckdb.IOException(raised.format(path=path))

    monkeypatch.setattr(duckdb, "connect", refuse)
    result = CliRunner().invoke(cli_app, ["--db", str(path), "reps"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"The database file {path} {says}" if "denied" in raised else
                                    f"The disk holding the database file {path} {says}")  # fmt: skip
    assert len(result.stderr.strip().splitlines()) == 1
