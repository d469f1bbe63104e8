"""Real Chromium against a real `streamlit run`: time from navigation to each main page's content on screen.

    python benchmarks/browser_times.py [--rows 5000000] [--runs 2] [--database FILE]
                                       [--baseline CHECKOUT] [--screenshots FOLDER]

Builds a company database (page_times.build: `--rows` activities, 200 reps, 104 weeks), or
uses `--database`, starts the server on it (sessions.serve), and opens Team, Rep,
Interventions and Agenda in the system Chromium driven by playwright, each load in a fresh
browser context (a new visitor: new session, empty browser cache), or with `--returning` in a
new tab of a browser that visited before (new session, the app's scripts cached). The time runs from `goto`
to the page's main chart or table being visible. The first round meets the server's empty
caches; the best of `--runs` rounds is what a returning day looks like.

`--baseline` serves another checkout of the app (for example `git archive main | tar -x -C
/tmp/main-app`) beside this one, on a copy of the same database, and alternates their loads
page by page, so that before and after meet the same machine: on a shared, busy machine two
separate runs minutes apart are not comparable.
Goal (issue 15): under 3 s for every page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the app's `pages`, not this folder's files
sys.path.insert(1, str(Path(__file__).resolve().parent))

from tests.streamlit_server import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (after the path is set)

GOAL_S = 3.0
THIS = "this checkout"

# a drawn Vega-Lite chart, or a Plotly one (a `--baseline` checkout from before the charts moved)
_CHART = (
    "[data-testid=stMain] [data-testid=stVegaLiteChart] svg.marks, "
    "[data-testid=stMain] [data-testid=stPlotlyChart] .js-plotly-plot"
)
# (label, path and query, what shows the page's content: its main table or chart)
PAGES = [
    ("Team", "/", "[data-testid=stMain] table.scorecard"),  # the scorecard grid (st.html)
    ("Rep", "/rep?rep=Rep+7", _CHART),
    # a chart per rep to talk to, or the sentence that nobody needs one this week
    (
        "Interventions",
        "/interventions",
        f"{_CHART}, [data-testid=stMain] [data-testid=stAlertContentSuccess]",
    ),
    ("Agenda", "/agenda?rep=Rep+7", "[data-testid=stMain] [data-testid=stTextArea] textarea"),
]


def time_pages(
    urls: dict[str, str],
    runs: int,
    timeout_s: float = 120,
    screenshots: Path | None = None,
    returning: bool = False,
) -> dict[str, dict[str, list[float]]]:
    """Seconds from navigation to visible content: {app: {page: one per round, rounds in order}}.

    With several apps (`urls`: label -> server), each page is loaded from each app in turn, the
    order alternating from round to round. `screenshots`: a PNG of each page as the last round
    left it, once the script finished (`<app>-<page>.png`). `returning`: a returning visitor,
    whose browser has the app's scripts cached from an earlier visit (one browser context per
    app, warmed by one load of the first page; each timed load is still a new tab and session)."""
    from playwright.sync_api import sync_playwright

    times: dict[str, dict[str, list[float]]] = {app: {label: [] for label, _, _ in PAGES} for app in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        kept = {}
        if returning:  # the visit before: the browser caches the app's scripts (the charts' among them)
            for app, url in urls.items():
                kept[app] = browser.new_context(viewport={"width": 1400, "height": 900})
                for _, path, shown in PAGES:
                    warm = kept[app].new_page()
                    warm.set_default_timeout(timeout_s * 1000)
                    warm.goto(url + path, wait_until="commit")
                    warm.locator(shown).first.wait_for(state="visible")
                    warm.close()
        try:
            for round_ in range(runs):
                for label, path, shown in PAGES:
                    apps = list(urls) if round_ % 2 == 0 else list(reversed(urls))
                    for app in apps:
                        context = kept.get(app) or browser.new_context(
                            viewport={"width": 1400, "height": 900}
                        )
                        page = context.new_page()
                        page.set_default_timeout(timeout_s * 1000)
                        start = time.perf_counter()
                        page.goto(urls[app] + path, wait_until="commit")
                        page.locator(shown).first.wait_for(state="visible")
                        times[app][label].append(time.perf_counter() - start)
                        if screenshots and round_ == runs - 1:
                            page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")
                            page.wait_for_timeout(2000)  # charts and fonts settle
                            name = f"{app.replace(' ', '-')}-{label}.png"
                            page.screenshot(path=str(screenshots / name))
                        if returning:
                            page.close()  # the next tab shares the cache
                        else:
                            context.close()
        finally:
            browser.close()
    return times


def run_browser(database: Path, runs: int = 2, returning: bool = False) -> dict[str, list[float]]:
    """Starts the server on `database` and times every page in `runs` rounds (time_pages)."""
    return compare_browser(database, runs, returning=returning)[THIS]


def compare_browser(
    database: Path,
    runs: int = 2,
    baseline: Path | None = None,
    screenshots: Path | None = None,
    returning: bool = False,
) -> dict[str, dict[str, list[float]]]:
    """This checkout's server on `database` and, with `baseline`, that checkout's on a copy of it;
    every page timed in `runs` rounds (time_pages), keyed by app ("this checkout", "baseline")."""
    from sessions import serve

    from tests.streamlit_server import running_streamlit

    with tempfile.TemporaryDirectory(prefix="browser-") as logs, ExitStack() as stack:
        urls = {THIS: stack.enter_context(serve(database, Path(logs)))}
        if baseline is not None:
            copy = Path(logs) / "baseline" / database.name  # one DuckDB file serves one process
            copy.parent.mkdir()
            shutil.copyfile(database, copy)
            env = {**os.environ, "DASHBOARD_DB": str(copy)}
            urls["baseline"] = stack.enter_context(
                running_streamlit(baseline, copy.parent, env, app=baseline)
            )
        return time_pages(urls, runs, screenshots=screenshots, returning=returning)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--database", type=Path, help="an existing company database (not built, not changed)")
    parser.add_argument("--baseline", type=Path, help="another checkout of the app, timed alongside")
    parser.add_argument("--screenshots", type=Path, help="a folder for a PNG of each page")
    parser.add_argument(
        "--returning",
        action="store_true",
        help="a returning visitor: the app's scripts already in the browser cache",
    )
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit("no Chromium: apt-get install -y chromium (see .ci/run)")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    from page_times import build

    with tempfile.TemporaryDirectory(prefix="browser-") as folder:
        path = Path(folder) / "company.duckdb"
        if args.database:
            shutil.copyfile(args.database, path)  # the server may repair or migrate its copy
        else:
            start = time.perf_counter()
            build(path, args.rows, 200, 104)
            print(
                f"built {args.rows:,} activities, 200 reps, 104 weeks in {time.perf_counter() - start:.1f} s"
            )
        times = compare_browser(path, args.runs, args.baseline, args.screenshots, args.returning)
    print(f"{'page':<16}{'app':<16}{'first (s)':>10}{f'best of {args.runs} (s)':>16}   goal < {GOAL_S} s")
    for label, _, _ in PAGES:
        for app, pages in times.items():
            t = pages[label]
            print(f"{label:<16}{app:<16}{t[0]:>10.2f}{min(t):>16.2f}")


if __name__ == "__main__":
    main()
