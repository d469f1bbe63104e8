"""`streamlit run streamlit_app.py` on a free port, and the system Chromium that drives it: the
browser tests' and the benchmarks'."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    port = port or free_port()
    log_path = logs / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(app / "streamlit_app.py"), "--server.port",
               str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    with log_path.open("w") as log:  # a file, not a pipe: a full pipe would block the server
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not start:\n" + log_path.read_text()[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if echo_log:
            print(log_path.read_text())
