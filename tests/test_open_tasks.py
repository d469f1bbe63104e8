"""A task export lists open tasks beside completed ones: only work done counts as an activity.

Loaded the way a manager would load them (the real ingest of an unmapped export): HubSpot's
"Task status", Salesforce's task "Status", Dynamics 365's "Activity Status" (English and
German). Open rows are left out and counted in the upload's note, neither stored nor rejected;
once a later export shows a task completed, it counts.
"""

from __future__ import annotations

from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch

HUBSPOT_TASKS = (
    "Record ID,Task title,Due date,Task status,Task type,Assigned to\n"
    "1,Call Globex about pricing,2026-10-05 09:00,Completed,Call,Ana Souza\n"
    "2,Call Initech back,2026-10-06 09:00,Not started,Call,Ana Souza\n"
    "3,Send proposal,2026-10-06 11:00,In progress,Email,Ana Souza\n"
    "4,Call Hooli,2026-10-07 09:00,Waiting,Call,Ana Souza\n"
    "5,Call Umbrella,2026-10-07 10:00,Deferred,Call,Ana Souza\n"
    "6,Prospecting block,2026-10-07 14:00,,To Do,Ana Souza\n"
)


def _stored(database: Database) -> list[tuple]:
    return fetch(database, "SELECT source_id, category FROM activities ORDER BY source_id")


def test_open_hubspot_tasks_are_left_out_and_counted(database: Database, write) -> None:
    result = ingest_file(database, write("tasks.csv", HUBSPOT_TASKS), IngestOptions())
    assert (result.status, result.source) == ("loaded", "hubspot")
    # the completed task, and the one whose status is blank (nothing says it is open)
    assert _stored(database) == [("1", "call"), ("6", "prospecting")]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (6, 2, 0)
    assert (result.rows_not_done, result.duplicates_skipped) == (4, 0)
    assert result.errors == []
    note = next(n for n in result.notes if "not completed" in n)
    assert note.startswith("4 tasks not completed left out (Task status ")
    for status in ("'Not started': 1", "'In progress': 1", "'Waiting': 1", "'Deferred': 1"):
        assert status in note
    assert "4 not completed yet, left out" in result.message

    # A week later the export shows task 2 completed: it counts now, the others stay out.
    later = (
        HUBSPOT_TASKS.replace("Not started", "Completed") + "7,Call Soylent,2026-10-08,Completed,Call,Ana\n"
    )
    again = ingest_file(database, write("tasks-later.csv", later), IngestOptions())
    assert _stored(database) == [("1", "call"), ("2", "call"), ("6", "prospecting"), ("7", "call")]
    assert (again.rows_loaded, again.rows_not_done, again.duplicates_skipped) == (2, 3, 2)


def test_salesforce_open_tasks_are_left_out(database: Database, write) -> None:
    report = (
        "Assigned,Subject,Activity Type,Date,Status,Priority,Company / Account,Activity ID\n"
        "Maya Chen,Call - Lakeshore Dental,Call,9/1/2026,Completed,Normal,Lakeshore Dental,00T01\n"
        "Maya Chen,Call - Bluefin,Call,9/2/2026,Not Started,Normal,Bluefin Logistics,00T02\n"
        "Maya Chen,Email - Bluefin,Email,9/2/2026,Waiting on someone else,Normal,Bluefin Logistics,00T03\n"
    )
    result = ingest_file(database, write("report.csv", report), IngestOptions())
    assert (result.source, result.rows_loaded, result.rows_not_done, result.rows_rejected) == (
        "salesforce",
        1,
        2,
        0,
    )
    assert _stored(database) == [("00T01", "call")]


def test_dynamics_open_and_canceled_activities_are_left_out(database: Database, write) -> None:
    english = (
        "Activity Type,Subject,Regarding,Activity Status,Owner,Start Date,Due Date,Actual Duration\n"
        "Phone Call,Pricing follow-up,Contoso,Completed,Ana Souza,3/2/2026 10:00 AM,3/2/2026 10:15 AM,15\n"
        "Phone Call,Renewal call,Fabrikam,Open,Ana Souza,3/3/2026 10:00 AM,3/3/2026 10:15 AM,\n"
        "Appointment,Intro meeting,Fabrikam,Canceled,Ana Souza,3/4/2026 1:00 PM,3/4/2026 2:00 PM,\n"
        "Appointment,Demo,Contoso,Scheduled,Ana Souza,3/5/2026 1:00 PM,3/5/2026 2:00 PM,\n"
    )
    result = ingest_file(database, write("activities.csv", english), IngestOptions())
    assert (result.source, result.rows_loaded, result.rows_not_done) == ("dynamics", 1, 3)
    assert any(n.startswith("3 activities not completed left out (Activity Status ") for n in result.notes)

    german = (
        "Aktivitätstyp;Betreff;Bezug;Aktivitätsstatus;Besitzer;Startdatum;Tatsächliche Dauer\n"
        "Telefonanruf;Nachfassen Angebot;Müller GmbH;Abgeschlossen;Jürgen Weiß;02.11.2026 09:00;20\n"
        "Telefonanruf;Rückruf Einkauf;Stadtwerke;Offen;Jürgen Weiß;03.11.2026 14:30;\n"
    )
    result = ingest_file(database, write("aktivitaeten.csv", german), IngestOptions())
    assert (result.source, result.rows_loaded, result.rows_not_done) == ("dynamics", 1, 1)
    assert any(
        n.startswith("1 activity not completed left out (Aktivitätsstatus 'Offen': 1)") for n in result.notes
    )


def test_pipedrive_activities_still_to_do_are_left_out(database: Database, write) -> None:
    """Pipedrive's activities export lists planned activities beside done ones ("Activity - Done": Done /
    To do): a call still to do is no call made."""
    export = (
        "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,"
        "Activity - Duration,Activity - Done,Activity - Assigned to user,Activity - Organization\n"
        "501,Call - Lakeshore,Call,2026-09-01,09:00,00:10,Done,Maya Chen,Lakeshore Dental\n"
        "502,Call - Bluefin,Call,2026-09-02,10:00,00:10,To do,Maya Chen,Bluefin Logistics\n"
    )
    result = ingest_file(database, write("activities.csv", export), IngestOptions())
    assert (result.source, result.rows_loaded, result.rows_not_done, result.rows_rejected) == (
        "pipedrive",
        1,
        1,
        0,
    )
    assert _stored(database) == [("501", "call")]
    assert any("'To do': 1" in note for note in result.notes), result.notes
