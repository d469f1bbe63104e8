"""The `dashboard` command as a script writer meets it: `--db` on either side of the sub-command,
numbers printed as the app writes them, usage errors with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.cli import app

ROSTER = "rep,team,manager,start_date\nAda Park,North,Mia Chen,2024-01-08\n"
ACTIVITIES = (
    "activity_id,rep,date,type,duration_minutes,outcome,account\n"
    "A1,Ada Park,2026-01-05,call,125,connected,Acme\n"
    "A2,Ada Park,2026-01-06,prospecting,1250,,Acme\n"
    "A3,Ada Park,2026-01-13,first meeting,30,,Globex\n"
)


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    for name, content in (("roster.csv", ROSTER), ("activities.csv", ACTIVITIES)):
        (tmp_path / name).write_text(content, encoding="utf-8")
        loaded = _invoke("--db", str(path), "ingest", str(tmp_path / name))
        assert loaded.exit_code == 0, loaded.output
    return path


def test_db_after_the_sub_command_opens_that_store(store: Path, tmp_path: Path) -> None:
    before = _invoke("--db", str(store), "reps")
    after = _invoke("reps", "--db", str(store))
    assert after.exit_code == 0, after.output
    assert after.stdout == before.stdout and "Ada Park" in after.stdout
    flags = _invoke("interventions", "--db", str(store), "--json")
    assert flags.exit_code == 0, flags.output
    # given on both sides, the one after the sub-command (the nearer) wins
    other = tmp_path / "other.duckdb"
    both = _invoke("--db", str(other), "reps", "--db", str(store))
    assert "Ada Park" in both.stdout


def test_trend_prints_plain_numbers(store: Path) -> None:
    printed = _invoke("--db", str(store), "trend", "ada park", "--metric", "prospecting_minutes")
    assert printed.exit_code == 0, printed.output
    assert "e+" not in printed.stdout and "NaN" not in printed.stdout
    weeks = [line.split() for line in printed.stdout.splitlines()[1:]]
    assert [w[:4] for w in weeks] == [
        ["2026-01-05", "prospecting_minutes", "1,250", "min"],
        ["2026-01-12", "prospecting_minutes", "0", "min"],
    ]
    calls = _invoke("--db", str(store), "trend", "Ada Park", "--metric", "calls", "--json")
    assert [row["value"] for row in __import__("json").loads(calls.stdout)] == [1, 0]  # JSON: raw values


def test_trend_leaves_out_the_weeks_before_a_new_hires_first_data(store: Path, tmp_path: Path) -> None:
    late = tmp_path / "late.csv"
    late.write_text("activity_id,rep,date,type,duration_minutes\nB1,Ben Ruiz,2026-01-13,call,10\n")
    assert _invoke("--db", str(store), "ingest", str(late)).exit_code == 0
    printed = _invoke("--db", str(store), "trend", "Ben Ruiz", "--metric", "calls")
    assert printed.exit_code == 0, printed.output
    assert [line.split()[:3] for line in printed.stdout.splitlines()[1:]] == [["2026-01-12", "calls", "1"]]
    # a window that starts after the first data keeps its quiet weeks: a zero is a zero then
    ada = _invoke("--db", str(store), "trend", "Ada Park", "--metric", "calls", "--from", "2026-01-12")
    assert [line.split()[:3] for line in ada.stdout.splitlines()[1:]] == [["2026-01-12", "calls", "0"]]


@pytest.mark.parametrize(
    "args",
    [
        ["trend"],
        ["ingest"],
        ["trend", "x", "--metric", "nope"],
        ["agenda", "x", "--format", "pdf"],
        ["trend", "x", "--from", "2026-02-01", "--to", "2026-01-01"],
        ["ingest", "f.csv", "--map", "nope=A"],
    ],
    ids=["no-rep", "no-file", "bad-metric", "bad-format", "from-after-to", "bad-map"],
)
def test_wrong_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = _invoke("--db", str(tmp_path / "u.duckdb"), *args)
    assert result.exit_code == 2, result.output


def test_demo_with_another_length_generates_and_loads_it(tmp_path: Path) -> None:
    """`--weeks` other than the committed sample's runs the generator (it once failed to import)."""
    result = _invoke(
        "--db", str(tmp_path / "short.duckdb"), "demo", "--weeks", "12", "--seed", "3", "--no-coaching"
    )
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output
