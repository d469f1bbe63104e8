"""Real Chromium against a real `streamlit run`: time from navigation to each main page's content on screen.

    python benchmarks/browser_times.py [--rows 5000000] [--runs 2]

Builds a company database (page_times.build: `--rows` activities, 200 reps, 104 weeks),
starts the server on it (sessions.serve), and opens Team, Rep, Interventions and Agenda
in the system Chromium driven by playwright, each load in a fresh browser context (a
new visitor: new session, empty browser cache). The time runs from `goto` to the
page's main chart or table being visible. The first round meets the server's empty
caches; the best of `--runs` rounds is what a returning day looks like.
Goal (issue 15): under 3 s for every page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the app's `pages`, not this folder's files
sys.path.insert(1, str(Path(__file__).resolve().parent))

from tests.streamlit_server import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (after the path is set)

GOAL_S = 3.0

_CHART = "[data-testid=stMain] [data-testid=stPlotlyChart] .js-plotly-plot"
# (label, path and query, what shows the page's content: its main table or chart)
PAGES = [
    ("Team", "/", "[data-testid=stMain] [data-testid=stDataFrame]"),
    ("Rep", "/rep?rep=Rep+7", _CHART),
    # a chart per rep to talk to, or the sentence that nobody needs one this week
    (
        "Interventions",
        "/interventions",
        f"{_CHART}, [data-testid=stMain] [data-testid=stAlertContentSuccess]",
    ),
    ("Agenda", "/agenda?rep=Rep+7", "[data-testid=stMain] [data-testid=stTextArea] textarea"),
]


def time_pages(url: str, runs: int, timeout_s: float = 120) -> dict[str, list[float]]:
    """Seconds from navigation to visible content, per page, one per round (rounds in order)."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {label: [] for label, _, _ in PAGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                for label, path, shown in PAGES:
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = context.new_page()
                    page.set_default_timeout(timeout_s * 1000)
                    start = time.perf_counter()
                    page.goto(url + path, wait_until="commit")
                    page.locator(shown).first.wait_for(state="visible")
                    times[label].append(time.perf_counter() - start)
                    context.close()
        finally:
            browser.close()
    return times


def run_browser(database: Path, runs: int = 2) -> dict[str, list[float]]:
    """Starts the server on `database` and times every page in `runs` rounds (time_pages)."""
    from sessions import serve

    with tempfile.TemporaryDirectory(prefix="browser-") as logs, serve(database, Path(logs)) as url:
        return time_pages(url, runs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit("no Chromium: apt-get install -y chromium (see .ci/run)")
    from page_times import build

    with tempfile.TemporaryDirectory(prefix="browser-") as folder:
        path = Path(folder) / "company.duckdb"
        start = time.perf_counter()
        build(path, args.rows, 200, 104)
        print(f"built {args.rows:,} activities, 200 reps, 104 weeks in {time.perf_counter() - start:.1f} s")
        times = run_browser(path, args.runs)
    print(f"{'page':<16}{'first (s)':>10}{f'best of {args.runs} (s)':>16}   goal < {GOAL_S} s")
    for label, t in times.items():
        print(f"{label:<16}{t[0]:>10.2f}{min(t):>16.2f}")


if __name__ == "__main__":
    main()
