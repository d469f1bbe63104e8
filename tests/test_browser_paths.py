"""Real browser: every page answers at its own address, and a name on the Team scorecard opens that
rep's page in the same tab with the chosen week kept."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_streamlit

ROOT = Path(__file__).resolve().parent.parent
PATHS = {
    "team": "Team",
    "rep": "Rep",
    "interventions": "Early intervention",
    "agenda": "One-on-one agenda",
    "targets": "Targets",
    "leader": "Leader view",
    "upload": "Upload this week's exports",
}

pytestmark = pytest.mark.browser


def test_each_page_has_a_stable_path_and_a_name_opens_the_rep_page(sample_template, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    env = {**os.environ, "DASHBOARD_DB": str(copy)}
    with running_streamlit(ROOT, tmp_path, env, echo_log=True) as url, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(90_000)
            for path, title in PATHS.items():
                page.goto(f"{url}/{path}")
                page.get_by_role("heading", name=title, exact=True).first.wait_for()
                assert page.get_by_text("Page not found").count() == 0, path
                assert page.url.split("?")[0] == f"{url}/{path}"
            page.goto(url)  # the root opens Team at its own address
            page.get_by_role("heading", name="Team", exact=True).first.wait_for()
            page.wait_for_url(f"{url}/team*")
            page.goto(f"{url}/team?week=2026-11-09")
            box = page.locator(".scorecard-box")
            box.wait_for()
            assert box.bounding_box()["width"] <= 1400
            table = page.locator("table.scorecard")
            assert table.bounding_box()["width"] <= box.bounding_box()["width"] + 1  # fits, no scrolling
            pages_before = len(browser.contexts[0].pages)
            page.locator("table.scorecard a", has_text="Tomasz Nowak").click()
            page.wait_for_url(f"{url}/rep?*")
            page.get_by_role("heading", name="Rep", exact=True).first.wait_for()
            assert "rep=Tomasz+Nowak" in page.url and "to=2026-11-09" in page.url
            assert len(browser.contexts[0].pages) == pages_before  # the same tab
        finally:
            browser.close()
