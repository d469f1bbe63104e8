"""Real-browser login: `streamlit run` with login configured against a local OpenID Connect provider.

The provider is `oidc-provider-mock`, started in a thread by the test; its form signs in
whoever is typed (the `sub`, which it also gives as the `email` claim). The app runs from a
temp folder holding `.streamlit/secrets.toml` ([auth] pointing at the provider) on a
database with two teams and a manager of one. A signed-out visitor sees only the sign-in
page, also at /upload, and Streamlit's own list of pages/ never shows, not even for a
moment; signed in as the manager, a roster upload is refused and an activity file with
another team's rep loads without that row, which is named.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import access
from dashboard.db import Database
from dashboard.ingest import ingest_file
from tests.streamlit_server import CHROMIUM, CHROMIUM_ARGS, free_port, running_streamlit
from tests.test_browser import wait_until_idle

pytestmark = pytest.mark.browser

MANAGER = "denise@northbeam.io"
ROSTER = "rep,team,manager\nAda Park,North,Denise Okafor\nCleo Diaz,South,Sam Lee\n"
# Every Streamlit sidebar listing seen while the test runs, reported from the page itself.
WATCH_NAV = """
new MutationObserver(() => {
  const links = document.querySelectorAll('[data-testid="stSidebarNav"] a');
  if (links.length) window.reportNav(Array.from(links, (a) => a.textContent));
}).observe(document, { childList: true, subtree: true });
"""


@pytest.fixture
def provider() -> Iterator[str]:
    """A local OpenID Connect provider; yields its base URL."""
    mock = pytest.importorskip("oidc_provider_mock")
    with mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def app_url(tmp_path: Path, provider: str) -> Iterator[str]:
    """The app with login configured, on a database with teams North and South and North's manager."""
    database = Database(tmp_path / "login.duckdb")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    assert ingest_file(database, roster).status == "loaded"
    access.save_user(database, MANAGER, "manager", ["North"], "Denise Okafor")
    database.close()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-that-is-long-enough"\n'
        'client_id = "dashboard"\n'
        'client_secret = "dashboard-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    env = {**os.environ, "DASHBOARD_DB": str(tmp_path / "login.duckdb")}
    with running_streamlit(
        tmp_path, tmp_path, env, port, echo_log=True
    ) as app:  # cwd: the folder holding secrets.toml
        yield app


def test_sign_in_as_a_manager_and_upload_within_the_teams(app_url: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    assert Path(CHROMIUM).exists(), "install Chromium: apt-get install -y chromium (see .ci/run)"
    listings: list[list[str]] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            page.expose_function("reportNav", lambda texts: listings.append(texts))
            page.add_init_script(WATCH_NAV)

            # Signed out, the server's very first request asks for the Upload page by its URL.
            page.goto(f"{app_url}/upload")
            wait_until_idle(page)
            page.get_by_role("button", name="Sign in").wait_for()
            assert page.locator("[data-testid=stFileUploader]").count() == 0
            assert page.locator("[data-testid=stPageLink]").count() == 0
            assert "Upload this week's exports" not in page.content()
            page.screenshot(path=str(tmp_path / "signed-out.png"), full_page=True)
            later = browser.new_page()  # another visitor, once the app's navigation is in place
            later.expose_function("reportNav", lambda texts: listings.append(texts))
            later.add_init_script(WATCH_NAV)
            later.goto(f"{app_url}/upload")
            wait_until_idle(later)
            later.get_by_role("button", name="Sign in").wait_for()
            assert later.locator("[data-testid=stFileUploader]").count() == 0
            later.close()

            # Sign in at the provider as the manager of North.
            page.get_by_role("button", name="Sign in").click()
            page.locator("input[name=sub]").fill(MANAGER)
            page.get_by_role("button", name="Authorize").click()
            page.wait_for_url(f"{app_url}/**")
            links = page.locator("[data-testid=stSidebar] [data-testid=stPageLink]")
            links.first.wait_for()
            wait_until_idle(page)
            titles = [t.strip().splitlines()[-1] for t in links.all_inner_texts()]
            assert titles == ["Team", "Rep", "Interventions", "Agenda", "Time off", "Upload", "Uploads"]
            assert "Denise Okafor (manager)" in page.locator("[data-testid=stSidebar]").inner_text()

            links.filter(has_text="Upload").first.click()  # the default page while there is no data
            wait_until_idle(page)
            page.get_by_text("Rosters, targets and target accounts are loaded by a sales leader").wait_for()
            roster = tmp_path / "new-roster.csv"
            roster.write_text("rep,team,manager\nCleo Diaz,North,Denise Okafor\n")
            activities = tmp_path / "activities.csv"
            activities.write_text(
                "activity_id,rep,date,type,subject\n"
                "A1,Ada Park,2026-03-02,Call,Call\n"
                "A2,Cleo Diaz,2026-03-02,Call,Call\n"
                "A3,Ada Park,2026-03-03,Meeting,First meeting - Acme\n"
            )
            page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
                [str(roster), str(activities)]
            )
            page.get_by_text("activities.csv").first.wait_for()
            page.get_by_role("button", name="Load files").click()
            page.get_by_text(
                "new-roster.csv: this looks like a roster file, which a sales leader loads"
            ).wait_for()
            page.get_by_text("activities.csv: 2 activities rows loaded").wait_for()
            wait_until_idle(page)
            loaded = page.get_by_text("activities.csv: 2 activities rows loaded").inner_text()
            assert "1 rejected" in loaded and "Cleo Diaz is on another team's roster" in loaded
            page.screenshot(path=str(tmp_path / "manager-upload.png"), full_page=True)
        finally:
            browser.close()
    assert listings == [], f"Streamlit's own page list showed: {listings}"
