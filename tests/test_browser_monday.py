"""Real browser: the manager's Monday on the sample company, one server and one Chromium.

Team grid (a coloured cell with its symbol and its sentence on hover) → the rep's page in the same
tab with the week kept → the flag's evidence on Interventions → the 1:1 agenda: edit one section,
save, see it after a reload, download the printable HTML → a week of time off hides the flag and
removing it brings it back → the Monday digest from Team. Screenshots of each step go to
SCREENSHOTS (outside the repo) when that folder's parent exists, else to the test's tmp_path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.streamlit_server import sample_in_chromium
from tests.test_browser import choose, wait_until_idle

SCREENSHOTS = Path("/work/notes/screenshots")
WEEK = "2026-11-16"
REP = "Tomasz Nowak"  # a slump flag in the sample's week of 16 Nov 2026
ADDED = "Walk through the Acme renewal plan together"
PLAIN = ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)", "transparent")

pytestmark = pytest.mark.browser


def flag_card(page):
    """The Interventions card of REP: the innermost block holding his heading and a chart."""
    return (
        page.locator("[data-testid=stVerticalBlock]")
        .filter(has=page.get_by_role("heading", name=REP, exact=True))
        .filter(has=page.locator("[data-testid=stVegaLiteChart] svg.marks"))
        .last
    )


def open_interventions(page, url: str) -> None:
    page.goto(f"{url}/interventions?week={WEEK}")
    page.get_by_role("heading", name="Early intervention", exact=True).wait_for()
    wait_until_idle(page)
    page.get_by_role("heading", name="Tyler Nguyen", exact=True).wait_for()  # the cards are drawn


def set_date(page, key: str, value: str) -> None:
    """Types `value` (YYYYMMDD) into the date box `key`, segment by segment as a user would."""
    page.locator(f".st-key-{key} [role=spinbutton][data-type=year]").click()
    page.keyboard.type(value)
    page.keyboard.press("Tab")


def test_a_managers_monday(sample_template, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    shots = SCREENSHOTS if SCREENSHOTS.parent.exists() else tmp_path
    shots.mkdir(exist_ok=True)
    with sample_in_chromium(sample_template, tmp_path) as (url, page):
        # 1. Team: the coloured grid; a cell of his carries a tint, a symbol and its sentence.
        page.goto(f"{url}/team?week={WEEK}")
        page.locator("table.scorecard").wait_for()
        wait_until_idle(page)
        row = page.locator("table.scorecard tr").filter(has=page.get_by_role("link", name=REP))
        cell = row.locator("td[data-status=below]").first
        background = cell.evaluate("c => getComputedStyle(c).backgroundColor")
        assert background not in PLAIN
        assert cell.inner_text().strip()[0] in "✓◐○"
        title = cell.get_attribute("title")
        assert ": " in title and "below" in title, title  # "Calls: 11 of 25 · ○ below since …"
        cell.hover()
        page.screenshot(path=str(shots / "monday-1-team.png"), full_page=True)

        # 2. His name opens /rep in the same tab with the week kept, and draws a chart.
        tabs = len(page.context.pages)
        row.get_by_role("link", name=REP).click()
        page.wait_for_url(f"{url}/rep?*")
        assert "rep=Tomasz+Nowak" in page.url and f"to={WEEK}" in page.url
        assert len(page.context.pages) == tabs
        page.locator("[data-testid=stVegaLiteChart] svg.marks").first.wait_for()
        wait_until_idle(page)
        page.screenshot(path=str(shots / "monday-2-rep.png"), full_page=True)

        # 3. Interventions: his card, its evidence lines naming their metric, a chart with a legend.
        open_interventions(page, url)
        card = flag_card(page)
        lines = card.locator("[data-testid=stText]").all_inner_texts()
        evidence = [t for t in lines if t.startswith("• ")]
        assert any(t.startswith(("• Prospecting minutes", "• Calls", "• First meetings")) for t in evidence)
        card.locator("[data-testid=stVegaLiteChart] svg.marks").get_by_text(
            "own usual level"
        ).first.wait_for()
        card.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "monday-3-interventions.png"), full_page=True)

        # 4. The 1:1 agenda: a rendered document; edit a section, save, reload, download.
        page.goto(f"{url}/agenda?rep=Tomasz+Nowak&week={WEEK}")
        page.get_by_role("heading", name="One-on-one agenda", exact=True).wait_for()
        wait_until_idle(page)
        page.get_by_role("heading", name="Recognition").first.wait_for()  # "## 1. Recognition", drawn
        choose(page, "Section to edit", "Focus areas")
        page.get_by_text("Focus areas (Markdown)").wait_for()
        wait_until_idle(page)
        editor = page.get_by_role("textbox", name="Focus areas (Markdown)")
        editor.click()
        editor.press("Control+End")
        editor.type(f"\n- {ADDED}")
        page.get_by_role("heading", name="One-on-one agenda", exact=True).click()  # leaves the box
        page.get_by_text("Unsaved changes").wait_for()
        wait_until_idle(page)
        page.locator(".st-key-agenda_save button").click()
        page.get_by_text("Agenda saved.").wait_for()
        wait_until_idle(page)
        page.reload()
        wait_until_idle(page)
        page.get_by_text("Saved by").first.wait_for()
        first_box = page.get_by_role("textbox", name="Recognition (Markdown)")  # the reloaded page's first
        sync_api.expect(first_box).to_have_value(re.compile("Recognition"), timeout=60_000)  # drawn
        page.get_by_text(ADDED).first.scroll_into_view_if_needed()  # in the rendered document
        page.screenshot(path=str(shots / "monday-4-agenda.png"), full_page=True)
        with page.expect_download() as download:
            page.locator(".st-key-agenda_download_html button").click()
        html = Path(download.value.path()).read_text()
        assert html.lstrip().lower().startswith(("<!doctype html", "<html")), html[:200]
        assert "<h2" in html and "Recognition" in html and ADDED in html
        assert "<pre" not in html and "<script" not in html

        # 5. A week of time off hides his flag; removing it brings the flag back.
        page.goto(f"{url}/targets")
        page.get_by_role("heading", name="Time off", exact=True).wait_for()
        wait_until_idle(page)
        page.locator(".st-key-time_off_rep").scroll_into_view_if_needed()
        choose(page, "Rep", REP, within=".st-key-time_off_rep")
        set_date(page, "time_off_from", "20261116")
        set_date(page, "time_off_to", "20261122")
        page.get_by_role("button", name="Add time off").click()
        page.get_by_text(f"Time off recorded: {REP}, 2026-11-16 – 2026-11-22.").wait_for()
        wait_until_idle(page)
        page.screenshot(path=str(shots / "monday-5-time-off.png"), full_page=True)
        open_interventions(page, url)
        assert page.get_by_role("heading", name=REP, exact=True).count() == 0
        page.screenshot(path=str(shots / "monday-5-flag-hidden.png"), full_page=True)
        page.goto(f"{url}/targets")
        page.get_by_role("heading", name="Time off", exact=True).wait_for()
        wait_until_idle(page)
        page.locator(".st-key-time_off_remove button").click()
        page.get_by_text("Time off removed").wait_for()
        open_interventions(page, url)
        page.get_by_role("heading", name=REP, exact=True).wait_for()

        # 6. The Monday digest from Team names the recognition and the rep who may need support.
        page.goto(f"{url}/team?week={WEEK}")
        page.locator("table.scorecard").wait_for()
        wait_until_idle(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download the Monday digest").click()
        digest = Path(download.value.path()).read_text()
        assert "Recognition" in digest and REP in digest
        page.screenshot(path=str(shots / "monday-6-digest.png"), full_page=True)
