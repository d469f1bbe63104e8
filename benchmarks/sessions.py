"""Simultaneous sessions against a real `streamlit run` server, over Streamlit's own websocket (no browser).

    python benchmarks/sessions.py [--rows 5000000] [--sessions 1,4,16] [--timeout 120]

Builds a company database (page_times.build: `--rows` activities, 200 reps, 104 weeks),
starts `streamlit run streamlit_app.py` on it on a free port, and opens sessions the
way the browser does: a websocket to `/_stcore/stream` (subprotocol "streamlit"),
then for each page a `BackMsg.rerun_script` (a `ClientState` with the page's URL path
as `page_name` and its `query_string`), read until the `ForwardMsg.script_finished`
that ends that run. The time of a page load is from sending the request to that
message: the server's work, with no drawing. An error is an exception or `st.error`
element in the run, a run that ends with an error status or no page, or no end
within `--timeout` seconds.

One session first loads every page alone (cold caches); then, for each N of
`--sessions`, N sessions at once each load every page, each starting at a
different page so different pages run together. Goal (issue 15): with 16 sessions,
every page's median under 2 s and no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the app's `pages`, not this folder's files
sys.path.insert(1, str(Path(__file__).resolve().parent))

from tests.streamlit_server import running_streamlit  # noqa: E402  (after the path is set)

GOAL_MEDIAN_S = 2.0

# (label, URL path as st.navigation names it, query string, the page's title): the main pages
PAGES = [
    ("Team", "", "", "Team"),
    ("Rep", "rep", "rep=Rep+7", "Rep"),
    ("Interventions", "interventions", "", "Early intervention"),
    ("Agenda", "agenda", "rep=Rep+7", "One-on-one agenda"),
    ("Leader view", "leader", "", "Leader view"),
]


@dataclass(frozen=True)
class Load:
    """One page load of one session: its server time (None: never answered) and what went wrong."""

    page: str
    seconds: float | None
    error: str = ""


# ---------------------------------------------------------------------------- the server


@contextmanager
def serve(database: Path, logs: Path) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on `database`, from the repository root (whose .streamlit/
    settings it reads), as the browser tests start it; yields the URL once it answers."""
    with running_streamlit(ROOT, logs, {**os.environ, "DASHBOARD_DB": str(database)}) as url:
        yield url


# ---------------------------------------------------------------------------- one session


def rerun_request(page_name: str, query_string: str) -> bytes:
    """The BackMsg a browser sends to open a page: rerun the script with this URL path and query."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.rerun_script.page_name = page_name
    msg.rerun_script.query_string = query_string
    return msg.SerializeToString()


def read_message(data: bytes) -> tuple[bool, str, str]:
    """(finished, error, title) for one ForwardMsg: whether it ends the run, what it says went wrong,
    and the page title (h1) it draws."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    msg.ParseFromString(data)
    kind = msg.WhichOneof("type")
    if kind == "script_finished":
        status = msg.script_finished
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun / switch_page: the next run follows
            return False, "", ""
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            return True, "script finished with a compile error", ""
        return True, "", ""
    if kind == "page_not_found":
        return False, "page not found", ""
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        shown = element.WhichOneof("type")
        if shown == "exception":
            return False, f"{element.exception.type}: {element.exception.message}"[:200], ""
        if shown == "alert" and element.alert.format == Alert.ERROR:
            return False, f"st.error: {element.alert.body}"[:200], ""
        if shown == "heading" and element.heading.tag == "h1":
            return False, "", element.heading.body
    return False, "", ""


async def open_page(ws, page: tuple[str, str, str, str], timeout: float) -> Load:
    """Asks for one page of PAGES on an open session and reads its run to the end."""
    label, page_name, query, title = page
    start = time.perf_counter()
    await ws.send(rerun_request(page_name, query))
    error, titles = "", []
    try:
        async with asyncio.timeout(timeout):
            while True:
                finished, problem, drawn = read_message(await ws.recv())
                error = error or problem
                titles += [drawn] if drawn else []
                if finished:
                    break
    except TimeoutError:
        error = f"no script_finished within {timeout:.0f} s"
    if not error and title not in titles:
        error = f"{label}: the run drew {titles or 'no title'}, not {title!r}"
    return Load(label, time.perf_counter() - start, error)


async def session(url: str, first: int, timeout: float) -> list[Load]:
    """One session: a websocket like a browser tab's, then every page, from PAGES[first] on."""
    from websockets.asyncio.client import connect

    order = PAGES[first:] + PAGES[:first]
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    loads = []
    try:
        async with connect(stream, subprotocols=["streamlit"], max_size=None, ping_interval=None,
                           open_timeout=timeout) as ws:  # fmt: skip
            for page in order:
                loads.append(await open_page(ws, page, timeout))
                if loads[-1].error.startswith("no script_finished"):
                    break  # the session is stuck in that run: its other pages count as failed
    except Exception as exc:  # a refused or dropped connection
        loads.append(Load("connection", None, f"connection: {exc!r}"[:200]))
    done = {load.page for load in loads}
    return loads + [Load(label, None, "not loaded") for label, *_ in order if label not in done]


async def simultaneous(url: str, count: int, timeout: float) -> list[Load]:
    """`count` sessions at once, each loading every page; all their page loads."""
    runs = await asyncio.gather(*(session(url, i % len(PAGES), timeout) for i in range(count)))
    return [load for loads in runs for load in loads]


# ---------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class PageSummary:
    """One page's loads across sessions: median and max seconds of those answered, and errors."""

    page: str
    median: float
    max: float
    loads: int
    errors: int


def summarize(loads: list[Load]) -> list[PageSummary]:
    """Per page, in PAGES order: median and max seconds of the answered loads (NaN if none was),
    how many loads, how many failed (an answered load with an error counts in both)."""
    out = []
    for label, *_ in PAGES:
        mine = [load for load in loads if load.page == label]
        if not mine:
            continue
        seconds = [load.seconds for load in mine if load.seconds is not None] or [math.nan]
        errors = sum(bool(load.error) for load in mine)
        out.append(PageSummary(label, statistics.median(seconds), max(seconds), len(mine), errors))
    return out


def run_sessions(database: Path, counts: list[int], timeout: float) -> dict[int, list[Load]]:
    """Starts the server on `database`; one cold session (key 0), then `count` simultaneous sessions
    for each count; every page load of each."""
    results: dict[int, list[Load]] = {}
    with tempfile.TemporaryDirectory(prefix="sessions-") as logs, serve(database, Path(logs)) as url:
        results[0] = asyncio.run(simultaneous(url, 1, timeout))
        for count in counts:
            results[count] = asyncio.run(simultaneous(url, count, timeout))
    return results


def print_tables(results: dict[int, list[Load]]) -> None:
    print(f"{'sessions':<22}{'page':<16}{'median (s)':>11}{'max (s)':>9}{'loads':>7}{'errors':>8}")
    for count, loads in results.items():
        name = "1 (cold caches)" if count == 0 else str(count)  # run_sessions' first, lone session
        for page in summarize(loads):
            print(
                f"{name:<22}{page.page:<16}{page.median:>11.2f}{page.max:>9.2f}{page.loads:>7}{page.errors:>8}"
            )
        if connection := sum(load.page == "connection" for load in loads):
            print(f"{name:<22}{'(connections)':<16}{'':>11}{'':>9}{connection:>7}{connection:>8}")
        for error in sorted({load.error for load in loads if load.error}):
            print(f"    error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--sessions", default="1,4,16", help="comma-separated session counts")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a page may take")
    args = parser.parse_args()
    counts = [int(n) for n in args.sessions.split(",")]
    from page_times import build

    with tempfile.TemporaryDirectory(prefix="sessions-") as folder:
        path = Path(folder) / "company.duckdb"
        start = time.perf_counter()
        build(path, args.rows, 200, 104)
        print(f"built {args.rows:,} activities, 200 reps, 104 weeks in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        print_tables(run_sessions(path, counts, args.timeout))
        print(f"(sessions: {time.perf_counter() - start:.0f} s on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
