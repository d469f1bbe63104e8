"""Start-up time of the `dashboard` command against a bare Python process opening the same file.

    python benchmarks/cli_start.py [--runs 5] [--db FILE]

Measures, in one run and interleaved (machines here are noisy: only ratios
measured together mean anything), the median wall time of:

* `dashboard --help`;
* `dashboard reps --db FILE`;
* a bare `python -c "import duckdb; duckdb.connect(FILE, read_only=True).execute('select 1')"`.

Without `--db`, FILE is a fresh demo database (`dashboard demo`) in a temporary
folder. Goal: `reps` within 2x of the bare process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = [sys.executable, "-c", "from dashboard.cli import main; main()"]
GOAL_RATIO = 2.0  # `dashboard reps` / bare process, at most


def _commands(db: Path) -> dict[str, list[str]]:
    bare = f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).execute('select 1')"
    return {
        "dashboard --help": [*DASHBOARD, "--help"],
        "dashboard reps": [*DASHBOARD, "--db", str(db), "reps"],
        "bare python + duckdb open": [sys.executable, "-c", bare],
    }


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(db: Path, runs: int) -> dict[str, float]:
    """Median seconds of each command over `runs` rounds, one of each per round (after one warm-up)."""
    commands = _commands(db)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for command in commands.values():
        _wall(command)  # warm the OS file cache
    for _ in range(runs):
        for label, command in commands.items():
            times[label].append(_wall(command))
    return {label: statistics.median(values) for label, values in times.items()}


def rows(medians: dict[str, float]) -> list[tuple[str, str, str]]:
    """Table rows: each median, then each dashboard command's ratio to the bare process."""
    bare = medians["bare python + duckdb open"]
    out = [(f"CLI start: {label}", f"{s * 1000:.0f} ms", "median") for label, s in medians.items()]
    out.append(("CLI start: --help / bare", f"{medians['dashboard --help'] / bare:.2f}x", ""))
    out.append(
        ("CLI start: reps / bare", f"{medians['dashboard reps'] / bare:.2f}x", f"goal <= {GOAL_RATIO}x")
    )
    return out


def demo_database(folder: Path) -> Path:
    """A demo database (the bundled sample data) in `folder`."""
    path = folder / "demo.duckdb"
    subprocess.run([*DASHBOARD, "--db", str(path), "demo"], cwd=ROOT, check=True, capture_output=True)
    return path


def cli_start_rows(folder: Path, runs: int = 5) -> list[tuple[str, str, str]]:
    """The benchmark's rows on a fresh demo database in `folder` (for benchmarks/run.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    return rows(measure(demo_database(folder), runs))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing database (default: a fresh demo one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-start-") as tmp:
        db = args.db or demo_database(Path(tmp))
        table = rows(measure(db, args.runs))
    width = max(len(r[0]) for r in table) + 2
    for label, value, note in table:
        print(f"{label:<{width}}{value:>10}   {note}")


if __name__ == "__main__":
    main()
