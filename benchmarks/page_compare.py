"""Cold and warm page times of this tree against a baseline tree (another worktree), in one run.

    python benchmarks/page_compare.py --baseline /work/main [--rounds 2] [--rows 5000000] [page ...]

Builds the company of `page_times.py` once (with this tree's code) and a copy for the baseline
(each tree migrates its own copy). Then, for every page and round, one fresh process per tree,
alternating, times the page's first run on empty caches (cold: wall and the process's CPU, which
DuckDB's threads count in) and the best of three reruns (warm). Streamlit's one-time start-up and
the database's opening happen before the clock starts. The machine is shared and noisy: only the
two trees measured side by side in the same run compare, and the CPU column moves least.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not benchmarks/: this file's name would hide the app's `pages`

PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "team_all": ("pages/team.py", {}),
    "team_one": ("pages/team.py", {"team": "Team 3"}),
    "rep": ("pages/rep.py", {"rep": "Rep 7"}),
    "interventions": ("pages/interventions.py", {}),
    "agenda": ("pages/agenda.py", {"rep": "Rep 7"}),
    "leader": ("pages/leader.py", {}),
    "targets": ("pages/targets.py", {}),
    "uploads": ("pages/uploads.py", {}),
}


def child(root: str, database: str, label: str) -> None:
    """In a fresh process on `root`'s code: times one page cold and warm, prints JSON."""
    sys.path[0] = root
    os.chdir(root)
    os.environ["DASHBOARD_DB"] = database
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from pages import _shared

    ready = AppTest.from_string("import streamlit as st\nst.write('ready')").run()  # Streamlit's start-up
    _shared.get_database()  # opened (and migrated) before the clock starts
    page, query = PAGES[label]
    at = AppTest.from_file(f"{root}/streamlit_app.py", default_timeout=600)
    if hasattr(at, "_bidi_component_manager"):  # the start-up's component scan, not one more (page_times)
        at._bidi_component_manager = ready._bidi_component_manager
    at.query_params.update(query)
    if page != "pages/team.py":
        at.run()
        at.switch_page(page)
    st.cache_data.clear()  # the first page's reads are not this page's
    remembered = getattr(_shared.get_database(), "_remembered", None)
    if remembered is not None:
        remembered.clear()
    cpu, wall = time.process_time(), time.perf_counter()
    at.run()
    cold, cold_cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert not at.exception, at.exception
    warm = []
    for _ in range(3):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    print(json.dumps({"cold": cold, "cold_cpu": cold_cpu, "warm": min(warm)}))


def measure(root: Path, database: Path, label: str) -> dict[str, float] | None:
    run = subprocess.run(
        [sys.executable, __file__, "--child", str(root), str(database), label],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode or not lines:
        print(f"{label} on {root} failed:\n{run.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", type=Path, help="the other tree (a worktree of main); required")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--db", type=Path, help="an already built company (copied, never changed)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("pages", nargs="*", help=f"some of {', '.join(PAGES)} (default: all)")
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    if args.baseline is None:
        parser.error("--baseline is required")
    labels = args.pages or list(PAGES)
    if unknown := set(labels) - set(PAGES):
        parser.error(f"unknown pages {sorted(unknown)}")
    with tempfile.TemporaryDirectory(prefix="page-compare-") as tmp:
        ours, theirs = Path(tmp) / "ours.duckdb", Path(tmp) / "baseline.duckdb"
        if args.db:
            shutil.copyfile(args.db, ours)
        else:
            sys.path.insert(1, str(ROOT / "benchmarks"))
            from page_times import build

            build(ours, args.rows, 200, 104)
        shutil.copyfile(ours, theirs)
        trees = {"baseline": (args.baseline.resolve(), theirs), "this": (ROOT, ours)}
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for round_ in range(args.rounds):
            for label in labels:
                for name, (root, database) in trees.items():
                    if (measured := measure(root, database, label)) is not None:
                        results.setdefault((label, name), []).append(measured)
            print(f"... round {round_ + 1} of {args.rounds} measured", file=sys.stderr)
    print(f"{'page':<15}{'cold: baseline / this':>24}{'cold CPU: baseline / this':>28}"
          f"{'warm: baseline / this':>24}   (best of {args.rounds}, a fresh process each)")  # fmt: skip
    for label in labels:
        base, this = results.get((label, "baseline")), results.get((label, "this"))
        if not base or not this:
            continue

        def best(rows: list[dict[str, float]], key: str) -> float:
            return min(row[key] for row in rows)

        print(
            f"{label:<15}"
            f"{best(base, 'cold'):>14.2f} / {best(this, 'cold'):.2f} s"
            f"{best(base, 'cold_cpu'):>18.2f} / {best(this, 'cold_cpu'):.2f} s"
            f"{best(base, 'warm') * 1000:>14.0f} / {best(this, 'warm') * 1000:.0f} ms"
        )
    print(f"(on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
