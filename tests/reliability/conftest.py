"""Shared pieces of the reliability matrix: small exports, the store's promises, real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import store_check
from dashboard.db import Database
from tests.stored import fetch

DASHBOARD = [sys.executable, "-c", "from dashboard.cli import main; main()"]
ROOT = Path(__file__).resolve().parents[2]


def activities_csv(path: Path, rows: int, rep: str = "Ada Park", first_id: int = 1) -> Path:
    """An activities export with record IDs: `rows` calls spread over two weeks."""
    lines = ["Activity ID,Assigned,Date,Type,Subject,Duration"]
    lines += [
        f"A{first_id + i:08d},{rep},2026-03-{2 + i % 12:02d},Call,Call {i},{5 + i % 20}" for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


FIRST = ("Ada", "Ben", "Chloe", "Dev", "Elena", "Farid")
LAST = ("Park", "Ruiz", "Okafor", "Lind", "Sato")


def rep_name(i: int) -> str:
    """Thirty distinct, ordinary names."""
    return f"{FIRST[i % 6]} {LAST[i // 6 % 5]}"


def roster_csv(path: Path, team: str, reps: int = 30) -> Path:
    lines = ["Rep,Email,Team,Manager"]
    lines += [f"{rep_name(i)},rep{i}@example.com,{team},Morgan {team}" for i in range(reps)]
    path.write_text("\n".join(lines) + "\n")
    return path


def assert_promises_hold(database: Database) -> None:
    """Every row belongs to a live upload; one current roster row per rep; each live file stored once."""
    assert store_check.problems(database) == ([], [])
    doubled = fetch(
        database,
        "SELECT sha256, count(*) FROM uploads WHERE undone_at IS NULL GROUP BY sha256 HAVING count(*) > 1",
    )
    assert doubled == []


def run_cli(db_path: Path, *args: str, wait: float | None = None, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if wait is not None:
        env["DASHBOARD_WAIT_SECONDS"] = str(wait)
    return subprocess.run(
        [*DASHBOARD, "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
        **kwargs,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    Database(path).close()
    return path
