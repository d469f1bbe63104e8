"""Real-browser test: two managers' sessions upload the same export at the same moment.

Two Chromium contexts (two sessions of one `streamlit run`) choose the same
file and press "Load files" together; one loads it, the other is told it was
loaded already, and the store holds every row once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.db import Database
from tests.reliability.conftest import activities_csv
from tests.stored import fetch
from tests.streamlit_server import chromium
from tests.test_browser import server, wait_until_idle

pytestmark = pytest.mark.browser
__all__ = ["server"]  # the fixture, shared with test_browser

ROWS = 20000


def test_two_sessions_upload_the_same_file_at_once(server: str, tmp_path: Path) -> None:
    export = activities_csv(tmp_path / "week.csv", ROWS)
    with chromium() as browser:
        pages = [browser.new_context().new_page() for _ in range(2)]
        for page in pages:
            page.set_default_timeout(90_000)
            page.goto(server)  # no data yet: the Upload page opens
            wait_until_idle(page)
            page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(export))
            page.get_by_text("week.csv").first.wait_for()
        for page in pages:  # both presses before either result
            page.get_by_role("button", name="Load files").click()
        said = []
        for page in pages:
            page.get_by_text("week.csv:").first.wait_for()
            wait_until_idle(page)
            said.append(page.get_by_text("week.csv:").first.inner_text())
    assert (
        sum(f"{ROWS:,} activities rows loaded" in s or f"{ROWS} activities rows loaded" in s for s in said)
        == 1
    )
    assert sum("already loaded as upload" in s for s in said) == 1, said
    database = Database(tmp_path / "browser.duckdb")  # waits its turn: the app hands the file over
    try:
        assert fetch(database, "SELECT count(*) FROM activities") == [(ROWS,)]
        assert fetch(database, "SELECT count(*) FROM uploads") == [(1,)]
    finally:
        database.close()
