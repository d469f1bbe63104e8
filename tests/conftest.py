"""Shared fixtures: every test gets its own temporary database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import demo
from dashboard.db import Database


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory) -> Path:
    """An empty store with every migration applied, made once per test run (migrating takes longer
    than copying the file)."""
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    Database(path).close()
    return path


@pytest.fixture
def database(empty_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated DuckDB file in the test's temp folder."""
    path = tmp_path / "test.duckdb"
    shutil.copyfile(empty_template, path)
    db = Database(path)
    yield db
    db.close()


@pytest.fixture
def write(tmp_path: Path):
    """Writes a file into the test's temp folder (text or bytes) and returns its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The sample company (dashboard demo), loaded once per test run."""
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    database = Database(path)
    assert all(r.status == "loaded" for r in demo.load(database))
    database.close()
    return path


@pytest.fixture
def sample(sample_template, tmp_path):
    """A private copy of the sample company's database."""
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    database = Database(copy)
    yield database
    database.close()
