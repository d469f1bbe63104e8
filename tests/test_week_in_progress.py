"""A week whose activities are still coming in: pages open on the last complete week and say so.

A cron job or a manager uploads Monday's and Tuesday's activities mid-week; read against the whole
week's expectation, every rep would look under it. The week is in progress while its last activity is
before its Friday and no activity export was uploaded after its Sunday.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import digest, roster
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.metrics import monday

ROOT = Path(__file__).resolve().parent.parent
ROSTER = "rep,team,manager\nAda Park,North,Mia Chen\nBen Ruiz,North,Mia Chen\n"


def activities(days: list[dt.date]) -> str:
    rows = ["Date,Assigned To,Type,Subject,Duration (min)"]
    for day in days:
        rows += [f"{day.isoformat()},{rep},Call,Prospecting call,30" for rep in ("Ada Park", "Ben Ruiz")]
    return "\n".join(rows) + "\n"


def working_days(week: dt.date, count: int) -> list[dt.date]:
    return [week + dt.timedelta(days=i) for i in range(count)]


def load(database: Database, folder: Path, days: list[dt.date], name: str) -> None:
    (folder / "roster.csv").write_text(ROSTER)
    (folder / name).write_text(activities(days))
    for path in (folder / "roster.csv", folder / name):
        result = ingest_file(database, path)
        assert result.status in ("loaded", "duplicate"), result.message


def test_this_week_uploaded_on_its_monday_is_in_progress(database: Database, tmp_path: Path) -> None:
    this_week = monday(dt.date.today())
    last_week = this_week - dt.timedelta(weeks=1)
    load(database, tmp_path, [*working_days(last_week, 5), this_week], "activities.csv")
    current = roster.week_in_progress(database)
    assert current == roster.WeekInProgress(this_week, this_week)
    assert roster.default_week(database) == last_week
    assert roster.data_span(database)[1] == this_week  # still there to pick
    assert roster.week_label(this_week, current).endswith("(in progress)")
    assert "logged up to " + f"{this_week:%a %d %b}" in current.note()


def test_a_past_week_exported_after_its_sunday_is_complete_even_without_a_friday(
    database: Database, tmp_path: Path
) -> None:
    """A holiday week whose last activity is a Wednesday, exported later: complete, the default."""
    earlier = monday(dt.date.today()) - dt.timedelta(weeks=3)
    holiday_week = earlier + dt.timedelta(weeks=1)
    load(database, tmp_path, working_days(earlier, 5) + working_days(holiday_week, 3), "activities.csv")
    assert roster.week_in_progress(database) is None
    assert roster.default_week(database) == holiday_week


def test_a_week_is_in_progress_until_its_friday_or_an_export_after_its_sunday() -> None:
    week = dt.date(2026, 11, 23)  # Monday
    wednesday, friday, sunday = dt.date(2026, 11, 25), dt.date(2026, 11, 27), dt.date(2026, 11, 29)
    assert roster.still_coming_in(week, wednesday, uploaded_on=wednesday)
    assert roster.still_coming_in(week, wednesday, uploaded_on=sunday)
    assert not roster.still_coming_in(week, friday, uploaded_on=friday)  # logged to Friday: complete
    assert not roster.still_coming_in(week, wednesday, uploaded_on=sunday + dt.timedelta(days=1))
    assert roster.still_coming_in(week, wednesday, uploaded_on=None)


def test_only_one_week_of_data_opens_on_it_even_in_progress(database: Database, tmp_path: Path) -> None:
    this_week = monday(dt.date.today())
    load(database, tmp_path, [this_week], "activities.csv")
    assert roster.week_in_progress(database) is not None
    assert roster.default_week(database) == this_week


@pytest.mark.parametrize("page", ["pages/team.py", "pages/leader.py"])
def test_pages_open_on_the_last_complete_week_and_name_the_one_in_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    this_week = monday(dt.date.today())
    last_week = this_week - dt.timedelta(weeks=1)
    path = tmp_path / "app.duckdb"
    database = Database(path)
    load(database, tmp_path, [*working_days(last_week, 5), this_week], "activities.csv")
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    key = "team_week" if page.endswith("team.py") else "leader_week"
    picker = at.selectbox(key=key)
    assert picker.value == last_week
    assert not any("in progress" in info.value for info in at.info)
    assert f"week of {this_week:%a %d %b %Y} (in progress)" in picker.options
    picker.set_value(this_week).run()
    assert not at.exception, at.exception
    assert any(f"The week of {this_week:%d %b %Y} is still in progress" in i.value for i in at.info)


def test_the_digest_reads_the_last_complete_week_by_default(database: Database, tmp_path: Path) -> None:
    this_week = monday(dt.date.today())
    last_week = this_week - dt.timedelta(weeks=1)
    load(database, tmp_path, [*working_days(last_week, 5), this_week], "activities.csv")
    assert digest.build(database).week == last_week
    assert digest.build(database, this_week).week == this_week  # still there when asked for
