"""Time off loaded from a file (ingest kind `time_off`: rep, from, to, reason): detected by its
headers without taking roster or activity files, loaded whole or not at all, recorded as an
upload that undo removes, checked against the manager's teams, and judged by the rules exactly
as time off entered by hand. CLI and Upload page included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from dashboard import interventions, time_off, uploads
from dashboard.access import Viewer
from dashboard.cli import app
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.ingest.detect import detect

MINE, OTHER = "Enterprise East", "Mid-Market Central"
MY_REP, OTHER_REP = "Tomasz Nowak", "Jamal Washington"  # both flagged from 2026-10-26 in the sample
MANAGER = Viewer("denise@northbeam.io", "Denise", "manager", (MINE,))
LAST = dt.date(2026, 11, 16)  # the sample's latest week with data
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def company(database: Database, write) -> Database:
    roster_csv = write("roster.csv", f"rep,team,manager\n{MY_REP},{MINE},Denise\n{OTHER_REP},{OTHER},Sam\n")
    assert ingest_file(database, roster_csv, IngestOptions(kind="roster")).status == "loaded"
    return database


def _periods(database: Database) -> list[tuple]:
    frame = time_off.list_time_off(database)
    return list(zip(frame["rep"], frame["date_from"], frame["date_to"], frame["note"], strict=True))


def _uploads_of_kind(database: Database, kind: str) -> int:
    with database.cursor() as cur:
        return cur.execute("SELECT count(*) FROM uploads WHERE kind = ?", [kind]).fetchone()[0]


# ------------------------------------------------------------------ detection


@pytest.mark.parametrize(
    "headers",
    [
        ["rep", "from", "to", "reason"],
        ["Employee", "Start date", "End date", "Reason"],
        ["Name", "First day", "Last day", "Type"],
        ["Owner", "Von", "Bis", "Grund"],
    ],
)
def test_time_off_headers_are_detected_surely(headers: list[str]) -> None:
    found = detect(headers, sample=[["Ada Park", "2026-03-02", "2026-03-06", "holiday"]])
    assert (found.kind, found.sure) == ("time_off", True), found.doubts
    assert set(found.mapping) == {"rep", "date_from", "date_to", "reason"}


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (["rep", "team", "manager"], "roster"),
        (["rep", "team", "manager", "start_date", "end_date"], "roster"),
        (["Full name", "Team", "Start date", "End date", "Email"], "roster"),
        (["rep", "date", "type", "duration_minutes"], "activities"),
        (["Owner", "Start date", "End date", "Type", "Subject"], "activities"),
    ],
)
def test_roster_and_activity_files_stay_what_they_are(headers: list[str], kind: str) -> None:
    found = detect(headers)
    assert (found.kind, found.sure, found.alternatives) == (kind, True, [])


# ------------------------------------------------------------------ loading, whole or not at all


def test_cli_loads_a_time_off_csv(company: Database, write) -> None:
    sheet = write(
        "holidays.csv",
        f"Employee,From,To,Reason\n{MY_REP.lower()},02/03/2026,06/03/2026,holiday\n"
        f"{OTHER_REP},16/03/2026,20/03/2026,\n",
    )
    store = company.path
    company.close()
    done = CliRunner().invoke(app, ["--db", str(store), "ingest", str(sheet), "--kind", "time_off", "--json"])
    assert done.exit_code == 0, done.output
    [result] = json.loads(done.stdout)
    assert (result["kind"], result["status"], result["rows_loaded"]) == ("time_off", "loaded", 2)
    again = Database(store)
    try:  # day-first dates, as the ingest reads them; the rep under their roster spelling
        assert _periods(again) == [
            (OTHER_REP, dt.date(2026, 3, 16), dt.date(2026, 3, 20), None),
            (MY_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6), "holiday"),
        ]
    finally:
        again.close()


def test_an_xlsx_time_off_sheet_is_detected_and_loaded(company: Database, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Rep", "Start date", "End date", "Reason"])
    sheet.append([MY_REP, dt.datetime(2026, 4, 6), dt.datetime(2026, 4, 10), "training"])
    path = tmp_path / "leave.xlsx"
    book.save(path)
    result = ingest_file(company, path)
    assert (result.status, result.kind, result.rows_loaded) == ("loaded", "time_off", 1), result.message
    assert "1 time off row loaded" in result.message
    assert _periods(company) == [(MY_REP, dt.date(2026, 4, 6), dt.date(2026, 4, 10), "training")]


def test_bad_rows_are_named_and_nothing_is_stored(company: Database, write) -> None:
    recorded = time_off.add(company, OTHER_REP, dt.date(2026, 5, 4), dt.date(2026, 5, 8), "conference")
    sheet = write(
        "leave.csv",
        "rep,from,to,reason\n"
        f"{MY_REP},2026-03-02,2026-03-06,holiday\n"  # row 2: fine
        f"{MY_REP},2026-03-20,2026-03-16,typo\n"  # row 3: ends before it starts
        "Nobody Known,2026-03-02,2026-03-06,\n"  # row 4: unknown rep
        f"{MY_REP},next week,2026-04-10,\n"  # row 5: unreadable date
        f"{OTHER_REP},2026-05-06,2026-05-12,\n"  # row 6: overlaps the recorded period
        f"{MY_REP},2026-03-05,2026-03-09,\n",  # row 7: overlaps row 2
    )
    result = ingest_file(company, sheet)
    assert result.status == "failed" and result.kind == "time_off"
    assert "5 of the 6 rows cannot be recorded, so none was" in result.message
    assert "row 3, column 'to', value '2026-03-16': ends before it starts (2026-03-20)" in result.message
    found = {(e["row"], e["column"], e["value"]): e["message"] for e in result.errors}
    assert found[(3, "to", "2026-03-16")] == "ends before it starts (2026-03-20)"
    assert found[(4, "rep", "Nobody Known")].startswith("no such rep: not on the roster")
    assert found[(5, "from", "next week")] == "not a date"
    assert (
        f"#{recorded.time_off_id} {OTHER_REP}, 2026-05-04 – 2026-05-08 (conference)"
        in found[(6, "from", "2026-05-06")]
    )
    assert found[(7, "from", "2026-03-05")] == "overlaps row 2 of this file for the same rep"
    assert len(found) == 5
    assert _periods(company) == [(OTHER_REP, dt.date(2026, 5, 4), dt.date(2026, 5, 8), "conference")]
    assert _uploads_of_kind(company, "time_off") == 0


def test_a_manager_loads_only_their_own_reps_time_off(company: Database, write) -> None:
    theirs = write(
        "theirs.csv", f"rep,from,to\n{MY_REP},2026-03-02,2026-03-06\n{OTHER_REP},2026-03-02,2026-03-06\n"
    )
    refused = ingest_file(company, theirs, viewer=MANAGER)
    assert refused.status == "failed"
    assert (refused.errors[0]["row"], refused.errors[0]["value"]) == (3, OTHER_REP)
    assert "on another team's roster" in refused.errors[0]["message"]
    assert _periods(company) == []
    mine = write("mine.csv", f"rep,from,to\n{MY_REP},2026-03-02,2026-03-06\n")
    loaded = ingest_file(company, mine, viewer=MANAGER)
    assert loaded.status == "loaded", loaded.message
    assert _periods(company) == [(MY_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6), None)]


# ------------------------------------------------------------------ the rules, and undo (sample company)


def test_loaded_time_off_rests_the_flag_and_undo_brings_it_back(sample: Database, write) -> None:
    assert MY_REP in {f.rep for f in interventions.evaluate(sample, LAST)}
    stored_before = interventions.flag_history(sample).to_dict("records")
    by_hand = time_off.add(sample, OTHER_REP, dt.date(2027, 1, 4), dt.date(2027, 1, 8), "by hand")
    sheet = write("leave.csv", f"rep,from,to,reason\n{MY_REP},2026-11-16,2026-11-22,holiday\n")
    result = ingest_file(sample, sheet)
    assert result.status == "loaded", result.message
    assert MY_REP not in {f.rep for f in interventions.evaluate(sample, LAST)}
    history = interventions.flag_history(sample)
    mine = history[history["rep"] == MY_REP]
    assert list(mine["resolved_week"]) == [LAST]  # the stored episode ends at the time off

    assert uploads.undo(sample, result.upload_id) == 1
    assert MY_REP in {f.rep for f in interventions.evaluate(sample, LAST)}
    assert interventions.flag_history(sample).to_dict("records") == stored_before
    assert [p[3] for p in _periods(sample)] == [by_hand.note]  # hand-entered time off stays


# ------------------------------------------------------------------ the Upload page


def test_upload_page_loads_a_time_off_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "app.duckdb"))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    roster = f"rep,team,manager\n{MY_REP},{MINE},Denise\n".encode()
    sheet = f"rep,from,to,reason\n{MY_REP},2026-03-02,2026-03-06,holiday\n".encode()
    for name, content in (("roster.csv", roster), ("leave.csv", sheet)):
        at.file_uploader(key="upload_files").set_value([(name, content, "text/csv")])
        at.run()
        at.button(key="upload_go").click()
        at.run()
        assert not at.exception, at.exception
    shown = "\n".join(t.value for t in at.text) + "\n".join(m.value for m in at.markdown)
    assert "leave.csv: 1 time off row loaded" in shown
    database = Database(tmp_path / "app.duckdb")
    try:
        assert _periods(database) == [(MY_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6), "holiday")]
    finally:
        database.close()
