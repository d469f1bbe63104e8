"""Company-scale benchmarks in one run: ingest, XLSX, pages, flags and agendas, against baselines.

    python benchmarks/run.py [--rows 5000000] [--small 500000] [--xlsx-rows 100000] [--sessions 1,4,16]
                             [--quick] [--only ingest|xlsx|rules|pages|sessions|browser|cli|lake ...]
                             [--company PATH] [--before REV] [--postgres CONNINFO]

Prints one table. Every comparison is measured side by side in the same run
(machines here are noisy: only ratios measured together mean anything). Each
ingest variant runs in its own process so its peak memory (max RSS) is its own.

* ingest of an N-row activity CSV: bare DuckDB `read_csv` into a table, the
  product's ingest (detect, clean, dedupe, categorize, store), and a pandas path
  (read_csv, convert types, insert into DuckDB); at `--small` rows and at `--rows`
  rows, to show how it grows. Each times the work itself: modules are imported and
  the database opened (migrated) before the clock starts, as in the app, where they
  happen once per process; that start-up is shown beside the ingest's time. With
  `--before REV` the ingest of that git revision is measured too, in the same run;
* XLSX of `--xlsx-rows` rows: the product's ingest next to pandas + openpyxl reading it;
* cold and warm reruns of every page (AppTest) on a company of 200 reps, two years;
* all intervention rules for 200 reps for one week; one agenda drafted and rendered;
* on the same company, a real `streamlit run` server: N simultaneous websocket sessions each
  loading every main page (sessions.py: server time per page load, errors), and real
  Chromium's time from navigation to each page's chart or table (browser_times.py);
* start-up of `dashboard --help` and `dashboard reps` next to a bare Python process
  opening the same DuckDB file (cli_start.py, on the demo database);
* a DuckDB file next to a DuckLake (lake_compare.py), at `--small` and at `--rows` rows: ingest,
  the company moved in, rules, agenda, Team and Rep cold and warm, with the lake / file ratio.
  The lake's catalog is PostgreSQL with `--postgres` (or `$DASHBOARD_BENCH_POSTGRES`), a
  connection string of a role that may create databases; else SQLite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path[0] = str(ROOT)  # import the app's `pages`, not this folder's files
sys.path.insert(1, str(BENCH))

GOALS = {
    "ingest_ratio": 1.5,  # ingest / bare read_csv, at most
    "pandas_ratio": 2.0,  # pandas / ingest, at least
    "memory_mb": 1024,
    "warm_ms": 100,  # every page, server-side (issue 15)
    "cold_s": 1.0,
    "rules_s": 0.3,
    "agenda_ms": 100,
    "session_median_s": 2.0,  # with 16 simultaneous sessions, every page's median server time
    "browser_s": 3.0,  # navigation to the page's main chart or table, in Chromium
}


# ---------------------------------------------------------------------------- child processes


def child(task: str, path: str, folder: str) -> None:
    """Runs one measured task in this process and prints {seconds, rows, max_rss_mb, startup} as JSON
    (`startup`: importing and opening the database, before the clock starts)."""
    import duckdb

    began = time.perf_counter()
    if task == "ingest":
        from dashboard.db import Database
        from dashboard.ingest import ingest_file

        database = Database(Path(folder) / "ingest.duckdb")
    elif task == "pandas":
        import pandas as pd
    start = time.perf_counter()
    if task == "baseline":
        con = duckdb.connect(str(Path(folder) / "baseline.duckdb"))
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', null_padding = true)")
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    elif task == "ingest":
        result = ingest_file(database, Path(path))
        assert result.status == "loaded", result.message
        rows = result.rows_loaded
    elif task == "pandas":
        frame = pd.read_csv(path)
        frame["Date"] = pd.to_datetime(frame["Date"], format="%m/%d/%Y %I:%M %p", errors="coerce")
        frame = frame[frame["Date"].notna()]
        frame["Duration"] = pd.to_numeric(frame["Duration"], errors="coerce")
        con = duckdb.connect(str(Path(folder) / "pandas.duckdb"))
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
        rows = len(frame)
    elif task == "xlsx_ingest":
        from dashboard.db import Database
        from dashboard.ingest import ingest_file

        result = ingest_file(Database(Path(folder) / "xlsx.duckdb"), Path(path))
        assert result.status == "loaded", result.message
        rows = result.rows_loaded
    elif task == "xlsx_pandas":
        import pandas as pd

        rows = len(pd.read_excel(path, engine="openpyxl"))
    else:
        raise SystemExit(f"unknown task {task}")
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "max_rss_mb": rss, "startup": start - began}))


def measure(task: str, path: Path, folder: Path, tree: Path = ROOT) -> dict:
    """Runs `task` in a child process, with the app's code of `tree` (a checkout of this repository)."""
    run = subprocess.run(
        [sys.executable, __file__, "--child", task, str(path), str(folder), "--tree", str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode:
        raise SystemExit(f"{task} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------- parts


def timed(label: str, measured: dict) -> tuple[str, str, str]:
    """A table row: seconds and peak memory of one measured child process."""
    return label, f"{measured['seconds']:.2f} s", f"{measured['max_rss_mb']:,.0f} MB peak"


def ingest_rows(
    rows: int, folder: Path, before: tuple[str, Path] | None = None
) -> list[tuple[str, str, str]]:
    """Bare read_csv, the product's ingest and pandas on one file; `before`: (revision, its checkout),
    whose ingest is measured too."""
    from ingest_csv import write_activity_csv

    path = folder / f"activities-{rows}.csv"
    write_activity_csv(path, rows)
    size = path.stat().st_size / 1e6
    work = folder / str(rows)
    base = measure("baseline", path, work / "b")
    ours = measure("ingest", path, work / "i")
    pandas = measure("pandas", path, work / "p")
    earlier = measure("ingest", path, work / "e", before[1]) if before else None
    path.unlink()
    label = f"activity CSV {rows:,} rows ({size:,.0f} MB)"
    ratio, speedup = ours["seconds"] / base["seconds"], pandas["seconds"] / ours["seconds"]
    out = [
        timed(f"{label}: bare DuckDB read_csv", base),
        timed(f"{label}: pandas read+convert+insert", pandas),
        timed(f"{label}: dashboard ingest", ours),
        (f"{label}: ingest / read_csv", f"{ratio:.2f}x", f"goal <= {GOALS['ingest_ratio']}x"),
        (f"{label}: pandas / ingest", f"{speedup:.2f}x", f"goal >= {GOALS['pandas_ratio']}x faster"),
        (f"{label}: ingest start-up", f"{ours['startup']:.2f} s", "imports, open + migrate: not in its time"),
    ]  # fmt: skip
    if earlier:
        rev = before[0]
        out += [
            timed(f"{label}: ingest at {rev}", earlier),
            (f"{label}: ingest at {rev} / read_csv", f"{earlier['seconds'] / base['seconds']:.2f}x", ""),
            (f"{label}: pandas / ingest at {rev}", f"{pandas['seconds'] / earlier['seconds']:.2f}x", ""),
        ]  # fmt: skip
    return out


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Activities")
    sheet.append(["Activity ID", "Assigned", "Date", "Type", "Subject", "Company / Account", "Duration"])
    start = dt.datetime(2025, 1, 6, 8, 0)
    kinds = ["Call", "Call", "Email", "Meeting", "Other"]
    for i in range(rows):
        sheet.append(
            [f"00T{i:012d}", f"Rep {i % 200}", start + dt.timedelta(minutes=7 * i), kinds[i % 5],
             f"Subject {i % 97}", f"Account {i % 5000}", 2 + i % 58]
        )  # fmt: skip
    book.save(path)


def xlsx_rows(rows: int, folder: Path) -> list[tuple[str, str, str]]:
    path = folder / "activities.xlsx"
    write_xlsx(path, rows)
    ours = measure("xlsx_ingest", path, folder / "x")
    pandas = measure("xlsx_pandas", path, folder / "y")
    label = f"XLSX {rows:,} rows"
    return [
        timed(f"{label}: pandas + openpyxl, read only", pandas),
        timed(f"{label}: dashboard ingest", ours),
        (f"{label}: pandas / ingest", f"{pandas['seconds'] / ours['seconds']:.2f}x", "ingest also stores"),
    ]  # fmt: skip


PARTS = (
    "ingest",
    "xlsx",
    "rules",
    "pages",
    "sessions",
    "browser",
    "cli",
    "lake",
)  # --only chooses among them

PAGES = [
    ("Team (all teams)", "pages/team.py", {}),
    ("Team (one team)", "pages/team.py", {"team": "Team 3"}),
    ("Rep", "pages/rep.py", {"rep": "Rep 7"}),
    ("Interventions", "pages/interventions.py", {}),
    ("Agenda", "pages/agenda.py", {"rep": "Rep 7"}),
    ("Targets", "pages/targets.py", {}),
    ("Upload", "pages/upload.py", {}),
    ("Uploads", "pages/uploads.py", {}),
    ("Leader view", "pages/leader.py", {}),
    ("Admin", "pages/admin.py", {}),
]


def company_rows(
    rows: int, folder: Path, runs: int, *, pages: bool = True, built: Path | None = None
) -> list[tuple[str, str, str]]:
    """The company's rules and agenda rows, then (`pages`) every page; `built`: a company built before."""
    from page_times import build, time_page

    from dashboard import interventions, roster
    from dashboard.agenda import drafts, render
    from dashboard.db import Database

    out = []
    path = built or folder / "company.duckdb"
    if built is None:
        start = time.perf_counter()
        build(path, rows, 200, 104)
        out.append(
            (
                f"company database: {rows:,} activities, 200 reps, 104 weeks",
                f"{time.perf_counter() - start:.1f} s",
                "built",
            )
        )
    database = Database(path)
    week = roster.latest_week(database)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        interventions.evaluate(database, week)
        timings.append(time.perf_counter() - start)
    out.append(
        (
            "all intervention rules, 200 reps, one week",
            f"{min(timings):.2f} s",
            f"goal < {GOALS['rules_s']} s",
        )
    )
    drafted, rendered = [], []
    for _ in range(3):
        start = time.perf_counter()
        current = drafts.current(database, "Rep 7", week)
        drafted.append(time.perf_counter() - start)
        start = time.perf_counter()
        render.markdown(current.agenda)
        render.html(current.body, current.rep, current.week)
        rendered.append(time.perf_counter() - start)
    out.append(
        (
            "agenda: draft from the data (queries + rules)",
            f"{min(drafted) * 1000:.0f} ms",
            f"goal < {GOALS['agenda_ms']} ms",
        )
    )
    out.append(
        (
            "agenda: render Markdown + HTML",
            f"{min(rendered) * 1000:.1f} ms",
            f"goal < {GOALS['agenda_ms']} ms",
        )
    )
    database.close()
    if not pages:
        return out
    os.environ["DASHBOARD_DB"] = str(path)
    for label, page, query in PAGES:
        if not (ROOT / page).exists():
            continue
        cold, warm = time_page(page, query, runs)
        out.append((f"page {label}: cold / warm", f"{cold:.2f} s / {warm * 1000:.0f} ms",
                    f"goal < {GOALS['cold_s']} s / < {GOALS['warm_ms']} ms"))  # fmt: skip
    return out


def session_rows(path: Path, counts: list[int]) -> list[tuple[str, str, str]]:
    """One cold session, then `counts` simultaneous sessions, on a server over the company at `path`."""
    from sessions import run_sessions, summarize

    out = []
    for count, loads in run_sessions(path, counts, timeout=120).items():
        pages = summarize(loads)
        slowest = max(pages, key=lambda p: p.median)
        errors = sum(bool(load.error) for load in loads)  # with connections refused or dropped
        label = {0: "1 session, cold caches", 1: "1 session, warm"}.get(
            count, f"{count} simultaneous sessions"
        )
        goal = f"goal < {GOALS['session_median_s']} s, 0 errors"
        out.append((f"server: {label}, every page: slowest median / max",
                    f"{slowest.median:.2f} s / {max(p.max for p in pages):.2f} s",
                    f"{slowest.page}; {errors} errors; {goal}"))  # fmt: skip
    return out


def browser_rows(path: Path) -> list[tuple[str, str, str]]:
    """Chromium's navigation-to-content time per main page, on a server over the company at `path`."""
    from browser_times import run_browser

    return [
        (f"browser, {visitor} visitor: {label}, to content: best of {len(t)} / first",
         f"{min(t):.2f} s / {t[0]:.2f} s",
         f"first {first}; goal < {GOALS['browser_s']} s")
        for visitor, returning, first in (("new", False, "on empty server caches"),
                                          ("returning", True, "after the visit that cached the scripts"))
        for label, t in run_browser(path, returning=returning).items()
    ]  # fmt: skip


def lake_rows(sizes: list[int], folder: Path, postgres: str | None, runs: int) -> list[tuple[str, str, str]]:
    """A DuckDB file next to a DuckLake at each size (lake_compare.py), Team and Rep pages."""
    import lake_compare

    folder.mkdir()
    return lake_compare.measure(sizes, folder, postgres, runs, ["team_all", "rep"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--small", type=int, default=500_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sessions", default="1,4,16", help="simultaneous session counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="a tenth of every size (a smoke run)")
    parser.add_argument(
        "--only", choices=PARTS, action="append", help="measure only these parts (repeatable; default: all)"
    )
    parser.add_argument(
        "--company",
        type=Path,
        help="a company database built before (skips building one; for rules, pages, sessions, browser)",
    )
    parser.add_argument("--before", metavar="REV", help="also measure the CSV ingest of this git revision")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("DASHBOARD_BENCH_POSTGRES"),
        help="lake part: a PostgreSQL role that may create databases (default: a SQLite catalog)",
    )
    parser.add_argument("--child", nargs=3, metavar=("TASK", "PATH", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        task, path, folder = args.child
        Path(folder).mkdir(parents=True, exist_ok=True)
        sys.path[0] = str(args.tree)  # the app's code of that checkout
        return child(task, path, folder)
    if args.quick:
        args.rows, args.small, args.xlsx_rows = args.rows // 10, args.small // 10, args.xlsx_rows // 10
    parts = set(args.only or PARTS)
    if parts & {"sessions", "browser"} and not args.company:
        parts.add("pages")  # they run on the company database the pages part builds
    began = time.perf_counter()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp, _checkout(args.before, Path(tmp)) as before:
        folder = Path(tmp)
        if "ingest" in parts:
            for size in (args.small, args.rows):
                rows += ingest_rows(size, folder, before)
                print(f"... ingest of {size:,} rows measured", file=sys.stderr)
        if "xlsx" in parts:
            rows += xlsx_rows(args.xlsx_rows, folder)
            print("... XLSX measured", file=sys.stderr)
        company = args.company or folder / "company.duckdb"
        if parts & {"rules", "pages"}:  # the rules and agenda rows, then (pages) every page
            rows += company_rows(args.rows, folder, args.runs, pages="pages" in parts, built=args.company)
            print("... rules and pages measured", file=sys.stderr)
        if "sessions" in parts:
            rows += session_rows(company, [int(n) for n in args.sessions.split(",")])
            print("... simultaneous sessions measured", file=sys.stderr)
        if "browser" in parts:
            rows += browser_rows(company)
            print("... browser measured", file=sys.stderr)
        if "cli" in parts:
            from cli_start import cli_start_rows

            rows += cli_start_rows(folder / "cli")
        if "lake" in parts:
            rows += lake_rows([args.small, args.rows], folder / "lake", args.postgres, args.runs)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{width}}{'result':>22}   note")
    for label, value, note in rows:
        print(f"{label:<{width}}{value:>22}   {note}")
    print(f"(whole run: {time.perf_counter() - began:.0f} s on {os.cpu_count()} cores)")


@contextmanager
def _checkout(rev: str | None, folder: Path) -> Iterator[tuple[str, Path] | None]:
    """`rev` checked out in a temporary git worktree (removed afterwards), or None without one."""
    if rev is None:
        yield None
        return
    tree = folder / "before"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True, capture_output=True
    )
    try:
        yield rev, tree
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
