"""Time of one agenda draft (`drafts.current` for a rep without a saved agenda) on the sample company.

    python benchmarks/agenda_draft.py [--db PATH] [--runs 3]

Without `--db`, loads the sample company (`dashboard demo`) into a temporary file first.
For each rep, times the draft of the latest week `--runs` times and keeps the best; prints
the median and the slowest rep's best time, in wall-clock and in CPU time of the process (all
its threads: steadier than wall-clock on a shared machine). Goal (issue 15): under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from dashboard import demo, roster  # noqa: E402
from dashboard.agenda import drafts  # noqa: E402
from dashboard.db import Database  # noqa: E402


def best_times(database: Database, runs: int) -> dict[str, tuple[float, float]]:
    """Each rep's best draft time in milliseconds (wall-clock, CPU), for the latest week."""
    week = roster.latest_week(database)
    times = {}
    for rep in roster.list_reps(database)["rep"]:
        wall = cpu = float("inf")
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            drafts.current(database, rep, week)
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        times[rep] = (wall * 1000, cpu * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: a fresh sample company)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "sample.duckdb"
        database = Database(path)
        if args.db is None:
            demo.load(database)
        times = best_times(database, args.runs)
        database.close()
    for k, kind in enumerate(("wall-clock", "CPU")):
        slowest = max(times, key=lambda rep: times[rep][k])
        median = statistics.median(t[k] for t in times.values())
        print(
            f"{kind}: {len(times)} reps, median {median:.1f} ms, "
            f"slowest {times[slowest][k]:.1f} ms ({slowest})"
        )


if __name__ == "__main__":
    main()
