"""Shared fixtures: every test gets its own temporary database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.db import Database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated DuckDB file in the test's temp folder."""
    db = Database(tmp_path / "test.duckdb")
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
