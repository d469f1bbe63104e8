"""AppTest of the Interventions page on the sample company."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import interventions
from dashboard.cli import app as cli_app
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch, table_contents

ROOT = Path(__file__).resolve().parent.parent
SLUMPING = {"Tomasz Nowak", "Jamal Washington", "Tyler Nguyen"}


@pytest.fixture
def app(sample, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample.path))
    sample.close()

    def _start(week: str = "2026-11-16") -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
        at.run()
        at.switch_page("pages/interventions.py")
        at.query_params["week"] = week
        at.run()
        assert not at.exception, at.exception
        return at

    return _start


def test_lists_this_weeks_cases_with_evidence_and_charts(app):
    at = app()
    shown = {h.value for h in at.subheader}
    assert shown >= SLUMPING
    assert "Brittany Morales" in shown  # as a data-hygiene note
    assert any("Data-hygiene note" in t.value for t in at.text)
    assert len(at.get("vega_lite_chart")) == len(shown)
    evidence = [t.value for t in at.text if t.value.startswith("•")]
    assert (
        "• Calls 15, 11, 15, 11 in the last 4 weeks: average 13 over the last 4 weeks; usual level 26; "
        "under the expectation of 25/week in each of the last 3 weeks" in evidence
    )  # named, each fact once
    assert not any(line.startswith("• 1") or line.startswith("• 2") for line in evidence)  # no bare numbers
    chart = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert chart["layer"][0]["encoding"]["color"]["legend"]["orient"] == "bottom"
    assert chart["layer"][0]["encoding"]["y"]["title"] == "minutes a week"


def test_acknowledged_flag_rests_and_is_stored(app, sample):
    at = app()
    names = [h.value for h in at.subheader]
    index = names.index("Tomasz Nowak")
    at.button(key=f"iv_ack_{index}").click()
    at.run()
    assert not at.exception, at.exception
    assert "Tomasz Nowak" not in [h.value for h in at.subheader]
    assert "1 acknowledged note is resting; it comes back if it persists or grows." in [
        c.value for c in at.caption
    ]
    at.selectbox(key="iv_week").set_value(dt.date(2026, 11, 9)).run()  # the week before the conversation
    assert "Tomasz Nowak" in [h.value for h in at.subheader]  # still shows the flag then
    database = Database(sample.path)
    history = interventions.flag_history(database)
    database.close()
    row = history[(history["rep"] == "Tomasz Nowak") & (history["kind"] == "slump")].iloc[0]
    assert row["acknowledgements"] >= 1


def test_quiet_holiday_week_shows_no_cases(app):
    """The holiday week four weeks into the activity exports: no flags, and no all-clear either, since no
    rep has the weeks a slide is judged on yet; months later, a week without flags is one."""
    at = app("2025-12-22")
    assert not at.subheader
    assert not at.success
    assert at.info[0].value.startswith(
        "No flags in the week of 22 Dec 2025. 23 reps have under 16 weeks of activity history, too few to "
        "judge a slide against their usual level yet: Aisha Mohammed (5 weeks), "
    )
    at = app("2026-04-13")
    assert not at.subheader and not at.info
    assert any("No one needs an early conversation" in s.value for s in at.success)


def test_a_week_without_activity_data_says_so(tmp_path, monkeypatch) -> None:
    path = tmp_path / "pipeline-only.duckdb"
    database = Database(path)
    deals = tmp_path / "deals.csv"
    deals.write_text("opportunity_id,owner,stage,amount,snapshot_date\n1,Ana Souza,Proposal,100,2026-10-12\n")
    assert ingest_file(database, deals, IngestOptions()).status == "loaded"
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/interventions.py").run()
    assert not at.exception, at.exception
    assert at.info[0].value.startswith("No activities are recorded for the week of 05 Oct 2026")
    assert not at.success


FLAG_TABLES = ("flags", "flag_acknowledgements", "flag_reviews", "change_log")


def test_opening_pages_stores_nothing_so_flag_history_is_the_datas_alone(app, sample_template, sample):
    """Flags are stored as the files load; looking at weeks in any order, and the leader view, write
    nothing, so the flag history is the same whoever opened which page when."""
    untouched = Database(sample_template)
    try:
        as_loaded = table_contents(untouched, FLAG_TABLES)
    finally:
        untouched.close()
    assert as_loaded["flags"] and as_loaded["flag_reviews"]  # the upload stored them
    for week in ("2026-11-16", "2026-10-05", "2026-11-02", "2025-12-22"):
        at = app(week)
    at.switch_page("pages/leader.py").run()
    assert not at.exception, at.exception
    looked_at = Database(sample.path)
    try:
        assert table_contents(looked_at, FLAG_TABLES) == as_loaded
    finally:
        looked_at.close()


def test_an_upload_reviews_the_weeks_it_brings_and_a_refresh_catches_up(sample, tmp_path):
    reviewed = [w for (w, *_rest) in table_contents(sample, ("flag_reviews",))["flag_reviews"]]
    latest = max(reviewed)
    week = latest + dt.timedelta(weeks=1)
    log = tmp_path / "next-week.csv"
    log.write_text(f"activity_id,rep,date,type,duration_minutes\nN1,Tomasz Nowak,{week},Call,5\n")
    assert ingest_file(sample, log, IngestOptions()).status == "loaded"
    after = [w for (w, *_rest) in table_contents(sample, ("flag_reviews",))["flag_reviews"]]
    assert sorted(set(after) - set(reviewed)) == [week]  # the last reviewed week again, then the new one
    assert after.count(latest) == reviewed.count(latest) + 1

    fetch(sample, "DELETE FROM flag_reviews")  # as a store from before flags were stored at ingest
    path = sample.path
    sample.close()
    result = CliRunner().invoke(cli_app, ["--db", str(path), "interventions", "--refresh", "--json"])
    assert result.exit_code == 0, result.output
    first = week - dt.timedelta(weeks=interventions.FIRST_REVIEW_WEEKS - 1)
    assert f"flags stored for the weeks of: {first:%Y-%m-%d}, " in result.stderr
    assert isinstance(json.loads(result.stdout), list)  # stdout stays the JSON of CLI.md
