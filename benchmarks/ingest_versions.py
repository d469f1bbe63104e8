"""Ingest speed of this working tree against an earlier revision, in one run.

    python benchmarks/ingest_versions.py --before REV [--rows 1000000] [--repeat 3]

Checks REV out into a temporary git worktree, writes the activity export of
benchmarks/ingest_csv.py twice (with record IDs, and without: the content-key path),
then, alternating so that all see the same machine load, times in separate processes:
a bare DuckDB `read_csv` of the file, the ingest of REV and the ingest of this tree.
Prints the best time of each and the ratios to read_csv: a change of ingest speed is
the difference of the two ratios, never of two runs' seconds. The CPU time of each (best
of the runs, all threads) is printed beside it: on a machine shared with other work it
moves less than wall time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ingest_csv import write_activity_csv  # noqa: E402

_INGEST = """
import sys, time
from pathlib import Path
from dashboard.db import Database
from dashboard.ingest import ingest_file
database = Database(Path(sys.argv[2]))
start, cpu = time.perf_counter(), time.process_time()
result = ingest_file(database, Path(sys.argv[1]))
print(time.perf_counter() - start, time.process_time() - cpu, result.rows_loaded)
"""
_BARE = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[2])
con.execute("SET enable_progress_bar = false")
start, cpu = time.perf_counter(), time.process_time()
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{sys.argv[1]}', null_padding = true)")
seconds, used = time.perf_counter() - start, time.process_time() - cpu
print(seconds, used, con.execute("SELECT count(*) FROM t").fetchone()[0])
"""


def timed(code: str, tree: Path, csv: Path, db_path: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, rows stored) of one run of `code` in its own process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = (
        subprocess.run(
            [sys.executable, "-c", code, str(csv), str(db_path)],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.splitlines()[-1]
        .split()
    )
    return float(out[0]), float(out[1]), int(out[2])


def without_ids(source: Path, target: Path) -> None:
    """The same export without its 'Activity ID' column (the first one)."""
    with source.open() as src, target.open("w") as dst:
        for line in src:
            dst.write(line.split(",", 1)[1] if "," in line and not line.startswith('"') else line)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", required=True, help="git revision to compare with")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-versions-") as tmp:
        folder = Path(tmp)
        before = folder / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(before), args.before],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            files = {"with IDs": folder / "with-ids.csv", "without IDs": folder / "without-ids.csv"}
            write_activity_csv(files["with IDs"], args.rows)
            without_ids(files["with IDs"], files["without IDs"])
            for label, csv in files.items():
                best: dict[str, float] = {}
                cpu: dict[str, float] = {}
                loaded: dict[str, int] = {}
                for run in range(args.repeat):
                    for name, code, tree in (
                        ("read_csv", _BARE, ROOT),
                        ("before", _INGEST, before),
                        ("now", _INGEST, ROOT),
                    ):
                        seconds, used, rows = timed(code, tree, csv, folder / f"{name}-{label}-{run}.duckdb")
                        best[name] = min(best.get(name, seconds), seconds)
                        cpu[name] = min(cpu.get(name, used), used)
                        loaded[name] = rows
                base = best["read_csv"]
                print(
                    f"{args.rows:,} activities {label}: read_csv {base:.2f} s; "
                    f"ingest at {args.before} {best['before']:.2f} s ({best['before'] / base:.2f}x); "
                    f"ingest now {best['now']:.2f} s ({best['now'] / base:.2f}x); "
                    f"rows stored before {loaded['before']:,}, now {loaded['now']:,}; "
                    f"CPU read_csv {cpu['read_csv']:.2f} s, before {cpu['before']:.2f} s, "
                    f"now {cpu['now']:.2f} s"
                )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
