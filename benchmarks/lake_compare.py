"""A DuckDB file next to a DuckLake, measured in one run: ingest, the rules, an agenda, the pages.

    python benchmarks/lake_compare.py [--rows 5000000] [--small 500000] [--postgres CONNINFO]
                                      [--runs 3] [--pages team_all,rep]

For each size (`--small`, then `--rows`): an activity CSV of that many rows ingested into a new
DuckDB file and into a new lake (DuckLake + PostgreSQL with `--postgres`, a connection string of a
role that may create databases, else `$DASHBOARD_BENCH_POSTGRES`; without one, DuckLake + SQLite);
then the company of `page_times.py` at that size built into a file and moved into a lake with
`dashboard export`'s copy, and on both: all intervention rules for 200 reps for one week, one
agenda drafted, and the chosen pages cold and warm (AppTest). Each store is opened (and migrated)
before its clock starts. Prints one table with the lake / file ratio (goal: pages within 1.5x).
The machine is shared and noisy: only the two stores measured side by side compare.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not benchmarks/: page_times's `pages` must be the app's
sys.path.insert(1, str(Path(__file__).resolve().parent))

from ingest_csv import write_activity_csv  # noqa: E402
from page_compare import PAGES  # noqa: E402
from page_times import build, streamlit_ready, time_page  # noqa: E402

from dashboard import interventions, roster  # noqa: E402
from dashboard.agenda import drafts  # noqa: E402
from dashboard.db import Database  # noqa: E402
from dashboard.store_copy import copy_store  # noqa: E402

GOAL_RATIO = 1.5


@contextmanager
def new_lake(folder: Path, postgres: str | None, name: str) -> Iterator[str]:
    """`--db` text of a new, empty lake (a PostgreSQL database created for it, dropped after)."""
    if not postgres:
        yield f"ducklake:sqlite:{folder / name}.sqlite"
        return
    from dashboard.lake import bare_connection
    from dashboard.store_location import sql_literal

    database = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    con = bare_connection("postgres", {})
    con.execute(f"ATTACH {sql_literal(postgres)} AS server (TYPE postgres)")
    con.execute(
        "CALL postgres_execute('server', ?, use_transaction => false)", [f"CREATE DATABASE {database}"]
    )
    try:
        yield f"ducklake:postgres:{postgres} dbname={database}"
    finally:
        con.execute(
            "CALL postgres_execute('server', ?, use_transaction => false)",
            [f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"],
        )
        con.close()


def seconds(work: Callable[[], object], runs: int = 1) -> float:
    """The best of `runs` timings of `work`."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def megabytes(path: Path) -> float:
    """Size of a file, or of every file under a folder, in MB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def pair(label: str, file_s: float, lake_s: float, goal: str = "") -> list[tuple[str, str, str]]:
    return [
        (f"{label}: DuckDB file", f"{file_s:.2f} s", ""),
        (f"{label}: DuckLake", f"{lake_s:.2f} s", ""),
        (f"{label}: lake / file", f"{lake_s / file_s:.2f}x", goal),
    ]


def ingest_rows(rows: int, folder: Path, postgres: str | None) -> list[tuple[str, str, str]]:
    from dashboard.ingest import ingest_file

    path = folder / f"activities-{rows}.csv"
    write_activity_csv(path, rows)
    times = []
    with new_lake(folder, postgres, f"ingest{rows}") as lake:
        for spec in (str(folder / f"ingest{rows}.duckdb"), lake):
            database = Database(spec, data_path=str(folder / f"ingest{rows}-files"))
            start = time.perf_counter()
            result = ingest_file(database, path)
            times.append(time.perf_counter() - start)
            assert result.status == "loaded" and result.rows_loaded == rows, result.message
            database.close()
    path.unlink()
    return pair(f"ingest of an activity CSV, {rows:,} rows", *times)


def company_rows(
    rows: int, folder: Path, postgres: str | None, runs: int, pages: list[str]
) -> list[tuple[str, str, str]]:
    file_path = folder / f"company{rows}.duckdb"
    build(file_path, rows, 200, 104)
    out: list[tuple[str, str, str]] = []
    with new_lake(folder, postgres, f"company{rows}") as lake:
        source, target = Database(file_path), Database(lake, data_path=str(folder / f"company{rows}-files"))
        moved = seconds(lambda: copy_store(source, target))
        out.append(
            (f"company of {rows:,} rows moved into the lake", f"{moved:.1f} s", "dashboard export's copy")
        )
        out.append(
            (f"company of {rows:,} rows on disk: DuckDB file / lake's Parquet files",
             f"{megabytes(file_path):.1f} / {megabytes(folder / f'company{rows}-files'):.1f} MB",
             "the catalog apart")
        )  # fmt: skip
        week = roster.latest_week(source)
        rules = [seconds(lambda d=d: interventions.evaluate(d, week), runs) for d in (source, target)]
        agenda = [seconds(lambda d=d: drafts.current(d, "Rep 7", week), runs) for d in (source, target)]
        out += pair(f"{rows:,} rows: all intervention rules, 200 reps, one week", *rules)
        out += pair(f"{rows:,} rows: agenda drafted from the data", *agenda)
        spec = {"file": str(file_path), "lake": target.path.attach_spec}
        source.close()
        target.close()
        for store in ("file", "lake") if pages else ():  # the app opens each store once per process:
            os.environ["DASHBOARD_DB"] = spec[store]  # not in a page's cold time (a lake: about 1.5 s)
            time_page("pages/upload.py", {}, 1)
        for name in pages:
            page, query = PAGES[name]
            measured = {}
            for store in ("file", "lake"):
                os.environ["DASHBOARD_DB"] = spec[store]
                measured[store] = time_page(page, query, runs)
            out += pair(f"{rows:,} rows: page {name} cold", measured["file"][0], measured["lake"][0])
            out += pair(
                f"{rows:,} rows: page {name} warm",
                measured["file"][1],
                measured["lake"][1],
                f"goal <= {GOAL_RATIO}x",
            )
    return out


def measure(
    sizes: list[int], folder: Path, postgres: str | None, runs: int, pages: list[str]
) -> list[tuple[str, str, str]]:
    """Every row, size by size: the ingest, then the company's (the catalog named after "DuckLake")."""
    lake = f"DuckLake + {'PostgreSQL' if postgres else 'SQLite'}"
    rows: list[tuple[str, str, str]] = []
    for size in sizes:
        measured = ingest_rows(size, folder, postgres) + company_rows(size, folder, postgres, runs, pages)
        rows += [(label.replace("DuckLake", lake), value, note) for label, value, note in measured]
        print(f"... lake at {size:,} rows measured", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--small", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("DASHBOARD_BENCH_POSTGRES"))
    parser.add_argument("--pages", default="team_all,rep", help=f"comma-separated, of {', '.join(PAGES)}")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    if pages:
        streamlit_ready()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-lake-") as tmp:
        rows = measure([args.small, args.rows], Path(tmp), args.postgres, args.runs, pages)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{width}}{'result':>14}   note")
    for label, value, note in rows:
        print(f"{label:<{width}}{value:>14}   {note}")
    print(f"(whole run: {time.perf_counter() - began:.0f} s on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
