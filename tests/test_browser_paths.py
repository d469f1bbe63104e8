"""Real browser: every page answers at its own address, and a name on the Team scorecard opens that
rep's page in the same tab with the chosen week kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.streamlit_server import sample_in_chromium

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
    with sample_in_chromium(sample_template, tmp_path) as (url, page):
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
        pages_before = len(page.context.pages)
        page.locator("table.scorecard a", has_text="Tomasz Nowak").click()
        page.wait_for_url(f"{url}/rep?*")
        page.get_by_role("heading", name="Rep", exact=True).first.wait_for()
        assert "rep=Tomasz+Nowak" in page.url and "to=2026-11-09" in page.url
        assert len(page.context.pages) == pages_before  # the same tab
