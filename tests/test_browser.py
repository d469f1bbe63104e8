"""Real-browser test: `streamlit run` on a free port, the system Chromium driven by playwright.

A user opens the app, sees only the working pages in the sidebar, uploads an
export through the page and sees how many rows were loaded; with activity
loaded, a rep page draws its trend chart.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.streamlit_server import chromium, running_streamlit

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app on its own database; yields the URL."""
    env = {**os.environ, "DASHBOARD_DB": str(tmp_path / "browser.duckdb")}
    with running_streamlit(ROOT, tmp_path, env, echo_log=True) as url:
        yield url


@pytest.fixture
def page(server: str):
    with chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(60_000)
        page.goto(server)
        wait_until_idle(page)
        yield page


def wait_until_idle(page) -> None:
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")


def choose(page, box: str, option: str, within: str | None = None) -> None:
    """Pick `option` in the select box labelled `box` (inside the element `within` selects, when
    two boxes share a label); a rerun that closes the list is retried."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(3):
        wait_until_idle(page)
        (page.locator(within) if within else page).get_by_role("combobox", name=box).click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"the select box {box!r} never offered {option!r}")


def test_upload_a_file_and_see_the_loaded_count(page, tmp_path: Path) -> None:
    nav = page.locator("[data-testid=stSidebar] [data-testid=stPageLink]")  # the frame draws the menu
    nav.first.wait_for()
    assert page.locator("[data-testid=stSidebarNav]").count() == 0  # never Streamlit's list of pages/
    assert [t.strip().splitlines()[-1] for t in nav.all_inner_texts()] == [
        "Team",
        "Rep",
        "Interventions",
        "Agenda",
        "Leader view",
        "Targets",
        "Upload",
        "Uploads",
        "Admin",
    ]

    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Rep,Team,Manager\nAda Park,North,Mia Chen\nBen Ruiz,North,Mia Chen\nCleo Diaz,South,Sam Lee\n"
    )
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(roster))
    page.get_by_text("roster.csv").first.wait_for()
    page.get_by_role("button", name="Load files").click()
    page.get_by_text("roster.csv: 3 roster rows loaded").wait_for()
    wait_until_idle(page)
    loaded = page.locator("[data-testid=stMetric]").filter(has_text="Loaded")
    assert "3" in loaded.inner_text()


def test_rep_page_shows_the_trend_chart(page, server: str, tmp_path: Path) -> None:
    files = tmp_path / "activities.csv"
    files.write_text(
        "activity_id,rep,date,type,subject,duration_minutes,outcome,account\n"
        "A1,Ada Park,2026-03-02,Call,Call,5,Connected,Acme\n"
        "A2,Ada Park,2026-03-10,Meeting,First meeting - Acme,45,,Acme\n"
    )
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(files))
    page.get_by_text("activities.csv").first.wait_for()
    page.get_by_role("button", name="Load files").click()
    page.get_by_text("activities.csv: 2 activities rows loaded").wait_for()
    page.goto(f"{server}/rep?rep=Ada+Park")
    wait_until_idle(page)
    chart = page.locator("[data-testid=stVegaLiteChart] svg.marks").first  # drawn, not only sent
    chart.wait_for()
    words = chart.text_content()
    # no prospecting in the file: the page opens on the first metric with data (rep_view.with_data_first)
    assert "Calls" in words and "calls a week" in words
    assert "weekly value" in words and "own usual level" in words  # the legend


def test_crm_exports_load_unmapped_and_a_new_won_stage_is_asked(page, tmp_path: Path) -> None:
    users = tmp_path / "hubspot-users.csv"
    users.write_text("User ID,First Name,Last Name,Email,Primary team\n51,Ada,Park,ada@x.com,North\n")
    tasks = tmp_path / "hubspot-tasks.csv"
    tasks.write_text(
        "Record ID,Task title,Due date,Task status,Task type,Assigned to\n"
        "1,Prospecting block,2026-10-05,COMPLETED,TODO,Ada Park\n"
        "2,Call Globex,2026-10-05,COMPLETED,CALL,Ada Park\n"
    )
    deals = tmp_path / "deals.csv"
    deals.write_text(
        "opportunity_id,owner,stage,amount,currency,snapshot_date\n"
        "1,Ada Park,Intro,100,EUR,2026-10-05\n2,Ada Park,Payment Done,200,EUR,2026-10-05\n"
    )
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        [str(users), str(tasks), str(deals)]
    )
    page.get_by_text("deals.csv").first.wait_for()
    page.get_by_role("button", name="Load files").click()
    page.get_by_text("hubspot-users.csv: 1 roster row loaded (hubspot)").wait_for()
    page.get_by_text("hubspot-tasks.csv: 2 activities rows loaded (hubspot)").wait_for()
    page.get_by_text("Which of these stages mean a deal was won or lost?").wait_for()
    wait_until_idle(page)
    page.screenshot(path=str(tmp_path / "asked.png"), full_page=True)
    choose(page, "Payment Done", "won")
    wait_until_idle(page)
    page.get_by_role("button", name="Load with these answers").click()
    page.get_by_text("deals.csv: 2 opportunities rows loaded").wait_for()
    wait_until_idle(page)
    page.screenshot(path=str(tmp_path / "answered.png"), full_page=True)


# Stands in for the browser's save dialog, which a headless browser cannot answer: the table's
# "Download as CSV" writes through it, and the test reads what was written.
CAPTURE_SAVE = """
window.__saved = null;
window.showSaveFilePicker = async () => ({
  createWritable: async () => {
    let text = "";
    const decoder = new TextDecoder();
    return {
      write: async (chunk) => { text += decoder.decode(chunk); },
      close: async () => { window.__saved = text; },
    };
  },
});
"""


def test_a_tables_own_csv_download_holds_no_live_formula(page, server: str, tmp_path: Path) -> None:
    """A cell from an uploaded file such as =HYPERLINK(...) leaves the table's toolbar download as text."""
    deals = tmp_path / "deals.csv"
    deals.write_text(
        "opportunity_id,owner,stage,amount\n"
        'O1,Ada Park,Proposal,100\nO2,Ada Park,Proposal,"=HYPERLINK(""http://x"",""click"")"\n'
    )
    page.add_init_script(CAPTURE_SAVE)
    page.goto(server)
    wait_until_idle(page)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(deals))
    page.get_by_text("deals.csv").first.wait_for()
    page.get_by_role("button", name="Load files").click()
    page.get_by_text("deals.csv: 1 opportunities row loaded").wait_for()
    wait_until_idle(page)
    page.locator("[data-testid=stDataFrame]").first.hover()
    page.locator("[data-testid=stElementToolbar] button[aria-label='Download as CSV']").first.click()
    page.wait_for_function("window.__saved !== null")
    saved = page.evaluate("window.__saved")
    assert (
        saved.splitlines()[1] == '3,amount,"\'=HYPERLINK(""http://x"",""click"")",not a number,row rejected'
    )
