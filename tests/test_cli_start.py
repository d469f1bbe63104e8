"""The CLI starts light: `--help` and `reps` load no pandas, Streamlit, plotly or jinja2 (issue 15, item 4),
and `reps` prints what it printed when it went through a DataFrame."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard import roster
from dashboard.cli import app
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "streamlit", "plotly", "jinja2")

# Runs the CLI in a fresh interpreter, then prints the heavy packages it loaded as the last line.
PROBE = """
import json, sys
from dashboard.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))
print(json.dumps({"code": code, "heavy": heavy}))
"""

ROSTER = (
    "rep,team,manager,start_date\n"
    "Ada Park,North,Mia Chen,2024-01-08\n"
    "Benedikt Ruiz-Solano,North,Mia Chen,2023-05-02\n"
    "Cleo Diaz,South,Sam Lee,2024-01-08\n"
)
ACTIVITIES = (
    "activity_id,rep,date,type,duration_minutes,outcome,account\n"
    "A1,Ada Park,2026-01-05,call,5,connected,Acme\n"
    "A2,Zoë Unlisted,2026-01-06,call,7,connected,Acme\n"
)


def _probe(*args: str) -> tuple[dict, str]:
    """(exit code and heavy packages loaded, stdout before that line) of one CLI run in a new process."""
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    run = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    *printed, last = run.stdout.splitlines()
    return json.loads(last), "\n".join(printed)


def _database(tmp_path: Path, *, with_unlisted: bool = True) -> Path:
    """A store with a roster of three reps and, optionally, activities of a rep the roster lacks."""
    path = tmp_path / "start.duckdb"
    database = Database(path)
    files = [("roster.csv", ROSTER, "roster")]
    if with_unlisted:
        files.append(("activities.csv", ACTIVITIES, "activities"))
    for name, content, kind in files:
        (tmp_path / name).write_text(content, encoding="utf-8")
        result = ingest_file(database, tmp_path / name, IngestOptions(kind=kind))
        assert result.status == "loaded", result.message
    database.close()
    return path


@pytest.mark.parametrize("args", [["--help"], ["reps", "--help"]], ids=["help", "reps-help"])
def test_help_loads_no_heavy_package(args: list[str]) -> None:
    found, printed = _probe(*args)
    assert found == {"code": 0, "heavy": []}
    assert "Usage:" in printed


def test_reps_loads_no_heavy_package(tmp_path: Path) -> None:
    path = _database(tmp_path)
    found, printed = _probe("--db", str(path), "reps")
    assert found == {"code": 0, "heavy": []}
    assert "Ada Park" in printed and "Zoë Unlisted" in printed

    found, printed = _probe("--db", str(path), "reps", "--json")
    assert found == {"code": 0, "heavy": []}
    assert {"rep": "Zoë Unlisted", "team": None, "manager": None} in json.loads(printed)


@pytest.mark.parametrize("with_unlisted", [True, False], ids=["unlisted-rep", "roster-only"])
def test_reps_prints_what_the_dataframe_printed(tmp_path: Path, with_unlisted: bool) -> None:
    """Table and JSON as `DataFrame.to_string(index=False)` and the records of the frame wrote them."""
    path = _database(tmp_path, with_unlisted=with_unlisted)
    database = Database(path)
    frame = roster.list_reps(database)
    database.close()

    table = CliRunner().invoke(app, ["--db", str(path), "reps"])
    assert table.exit_code == 0, table.output
    columns = ["rep", "team", "manager", "start_date"]
    assert table.stdout == frame[columns].to_string(index=False) + "\n"

    listed = CliRunner().invoke(app, ["--db", str(path), "reps", "--json"])
    assert listed.exit_code == 0, listed.output
    expected = frame[["rep", "team", "manager"]].astype(object).where(frame.notna(), None)
    assert json.loads(listed.stdout) == expected.to_dict(orient="records")


def test_reps_on_an_empty_store(tmp_path: Path) -> None:
    """An empty, migrated store. (The first open itself loads pandas: DuckDB imports it to bind any
    query parameter that is not None, as the migrations' bookkeeping does; later opens bind none.)"""
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    found, printed = _probe("--db", str(path), "reps")
    assert found == {"code": 0, "heavy": []}
    assert printed == "no reps yet: ingest a roster"
