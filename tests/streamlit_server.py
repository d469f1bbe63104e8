"""`streamlit run streamlit_app.py` on a free port, and the system Chromium that drives it: the
browser tests' and the benchmarks'. `sample_in_chromium` is the usual start of a browser test: a
private copy of the sample company, its server, and one Chromium page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1400, "height": 900}
PAGE_TIMEOUT_MS = 90_000  # a busy machine (2 cores, several test runs) draws a page slowly
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # playwright cannot download its own here
# Flags for a sandboxed machine with no network beyond localhost.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_streamlit(
    cwd: Path,
    logs: Path,
    env: dict[str, str],
    port: int | None = None,
    *,
    echo_log: bool = False,
    app: Path = ROOT,
) -> Iterator[str]:
    """The app in the checkout `app` (this one unless told) served from `cwd` (whose .streamlit/
    it reads), its log in `logs/streamlit.log`; yields the URL once the server answers.
    `echo_log`: print the log afterwards (pytest shows it when the test failed)."""
    with running_streamlits(cwd, [logs], env, [port or free_port()], echo_log=echo_log, app=app) as urls:
        yield urls[0]


@contextmanager
def running_streamlits(
    cwd: Path,
    logs: list[Path],
    env: dict[str, str],
    ports: list[int] | None = None,
    *,
    echo_log: bool = False,
    app: Path = ROOT,
) -> Iterator[list[str]]:
    """As `running_streamlit`, one server per folder of `logs` (its log there), all started at once
    (so their starts overlap); yields their URLs once every one answers."""
    servers: list[tuple[subprocess.Popen, Path, str]] = []
    try:
        for folder, port in zip(logs, ports or [free_port() for _ in logs], strict=True):
            log_path = folder / "streamlit.log"
            command = [sys.executable, "-m", "streamlit", "run", str(app / "streamlit_app.py"),
                       "--server.port", str(port), "--server.address", "127.0.0.1",
                       "--server.headless", "true"]  # fmt: skip
            with log_path.open("w") as log:  # a file, not a pipe: a full pipe would block the server
                process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
            servers.append((process, log_path, f"http://127.0.0.1:{port}"))
        for process, log_path, url in servers:
            _wait_until_answering(process, log_path, url)
        yield [url for _, _, url in servers]
    finally:
        for process, _, _ in servers:
            process.terminate()
        for process, log_path, _ in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            if echo_log:
                print(log_path.read_text())


def _wait_until_answering(process: subprocess.Popen, log_path: Path, url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("streamlit did not start:\n" + log_path.read_text()[-3000:])
        time.sleep(0.3)


@contextmanager
def chromium() -> Iterator[Any]:
    """The system Chromium driven by playwright (the test is skipped when playwright is missing)."""
    import pytest

    sync_api = pytest.importorskip("playwright.sync_api")
    assert Path(CHROMIUM).exists(), "install Chromium: apt-get install -y chromium (see .ci/run)"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Any) -> Any:
    """A 1400x900 page of its own session (its own browser context), downloads accepted."""
    page = browser.new_context(viewport=VIEWPORT, accept_downloads=True).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return page


@contextmanager
def sample_in_chromium(sample_template: Path, tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """A private copy of the sample company served by `streamlit run` (its log printed afterwards)
    and a Chromium page to drive it; yields (url, page)."""
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    env = {**os.environ, "DASHBOARD_DB": str(copy)}
    with running_streamlit(ROOT, tmp_path, env, echo_log=True) as url, chromium() as browser:
        yield url, new_page(browser)
