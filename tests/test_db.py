"""The database door: location rule, migrations, named queries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import db, facts
from dashboard.db import Database, database_path, load_query
from dashboard.ingest.schema import KINDS

ALL_QUERIES = sorted(p.stem for p in db.QUERIES_DIR.glob("*.sql"))


def test_location_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASHBOARD_DB", raising=False)
    assert database_path(None) == Path("data/dashboard.duckdb")
    monkeypatch.setenv("DASHBOARD_DB", "/tmp/x.duckdb")
    assert database_path(None) == Path("/tmp/x.duckdb")
    assert database_path("given.duckdb") == Path("given.duckdb")


def test_database_directory_is_created(tmp_path: Path) -> None:
    Database(tmp_path / "deep" / "er" / "db.duckdb").close()
    assert (tmp_path / "deep" / "er" / "db.duckdb").exists()


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    first = Database(tmp_path / "m.duckdb")
    assert first.migrate() == []
    first.close()
    again = Database(tmp_path / "m.duckdb")
    assert again.migrate() == []
    tables = set(again.run("uploads_list", by=None).columns)
    assert {"upload_id", "status"} <= tables
    again.close()


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_every_query_file_loads_and_declares_its_params(name: str) -> None:
    query = load_query(name)
    assert query.sql.strip()
    assert query.sql.lstrip().startswith("--"), "each query starts with a comment saying what it does"


def test_run_rejects_missing_or_unexpected_params(database: Database) -> None:
    with pytest.raises(TypeError, match="missing"):
        database.run("upload_errors", upload_id=1)
    with pytest.raises(TypeError, match="unexpected"):
        database.run("uploads_list", foo=1)


def test_version_grows_with_changes(database: Database, write) -> None:
    from dashboard.ingest import ingest_file

    before = database.version()
    ingest_file(database, write("r.csv", "rep,team\nAda,North\n"))
    assert database.version() > before


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_stage_query_stages_every_field_of_its_kind(kind: str) -> None:
    """queries/ingest_stage_<kind>.sql names each canonical field once, joined with its second column."""
    sql = load_query(f"ingest_stage_{kind}").sql
    staged = re.findall(r"joined\((\w+), (\w+)__2\) AS (\w+)", sql)
    assert [name for name, _, _ in staged] == list(KINDS[kind].field_names)
    assert all(a == b == c for a, b, c in staged)


def test_reads_repeated_at_one_data_version_are_remembered(tmp_path: Path) -> None:
    """Inside `remembering(version)` a repeated read is answered from memory, as a copy; a new
    version reads again; outside it every read reaches the database."""
    database = Database(tmp_path / "r.duckdb")
    version = database.version()

    def add_rep(name: str) -> None:  # a change made without the change log: the version stays put
        with database.transaction() as cur:
            cur.execute(
                "INSERT INTO reps (rep, rep_key, team, manager, upload_id) "
                "VALUES (?, lower(?), 'East', 'M', 0)",
                [name, name],
            )
            facts.keep_rep_aliases(cur)  # as a roster write keeps the reps' spellings

    add_rep("Ann")
    with database.remembering(version):
        first = database.run("reps_list", teams=None)
        first.loc[0, "rep"] = "changed by the caller"  # a copy: what is remembered stays as read
        add_rep("Bob")
        assert database.run("reps_list", teams=None)["rep"].tolist() == ["Ann"]  # remembered
        assert database.records("data_span") == database.records("data_span")
    assert database.run("reps_list", teams=None)["rep"].tolist() == ["Ann", "Bob"]  # outside: afresh
    with database.remembering(version + 1):
        assert database.run("reps_list", teams=None)["rep"].tolist() == ["Ann", "Bob"]  # another version
    database.close()


def test_no_connection_draws_a_progress_bar(tmp_path: Path) -> None:
    """DuckDB draws a progress bar on stdout for a statement past 2 s on a connection (its cursors
    start without one); on a busy machine it landed in the CLI's `--json` output."""
    from dashboard.connections import SharedConnection
    from dashboard.lake import bare_connection

    setting = "SELECT current_setting('enable_progress_bar')"
    for mode in ("write", "read"):
        with SharedConnection(tmp_path / "bar.duckdb", {}).unit(mode) as con:
            assert con.execute(setting).fetchone() == (False,)
    assert bare_connection("sqlite", {}).execute(setting).fetchone() == (False,)
