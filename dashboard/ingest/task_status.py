"""Which activity statuses mean the work has not happened: a task still to do, an appointment
still ahead, an activity canceled.

An activity export that carries a status column (HubSpot's tasks "Task status", Salesforce's
task "Status", Dynamics 365's "Activity Status", Zoho's tasks "Status") lists open tasks beside
completed ones. Only work done counts as an activity: a row whose status is one of
`NOT_DONE` is left out of the upload (and counted in its note, not as a rejected row); a
completed row, a blank status or a value not listed here is kept. Values are compared in
lower case.

Evidence (public material, looked up with the project's search tool):
- HubSpot: developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide.md
  (hs_task_status, "COMPLETED" or "NOT_STARTED"); the task list's statuses Not started, In
  progress, Waiting, Deferred, Completed (a public HubSpot task-sync type: "not_started" |
  "in_progress" | "waiting" | "completed" | "deferred").
- Salesforce: developer.salesforce.com object reference, TaskStatus ("the status of a task, such
  as Not Started, Completed"; IsClosed marks the closed values); the default picklist is Not
  Started, In Progress, Completed, Waiting on someone else, Deferred (the same five states as
  Outlook's OlTaskStatus / Exchange TaskStatusType, learn.microsoft.com).
- Dynamics 365: learn.microsoft.com dynamicscrm-2013 gg328148, ActivityPointer statecode "Activity
  Status": Open, Completed, Canceled, Scheduled; in German (Aktivitätsstatus) Offen,
  Abgeschlossen, Abgebrochen, Geplant (the UI's labels; unverified beyond the fixture's
  "Abgeschlossen").
- Zoho CRM: tasks "Status" Not Started, Deferred, In Progress, Completed, Waiting for input (a
  public Deluge script closes tasks by setting Status to "Completed").
- Pipedrive: activities "Activity - Done" (support.pipedrive.com's sample import spreadsheet names
  the field; a public migration study of it reads Done / Undone; the export writes Done / To do).
"""

from __future__ import annotations

import duckdb

from dashboard import db
from dashboard.wording import count

NOT_DONE: tuple[str, ...] = (
    # tasks (HubSpot, Salesforce, Zoho; HubSpot's API values with an underscore)
    "not started",
    "not_started",
    "in progress",
    "in_progress",
    "waiting",
    "waiting on someone else",
    "waiting for input",
    "deferred",
    # Dynamics 365 activities (statecode), English and German
    "open",
    "scheduled",
    "canceled",
    "cancelled",
    "offen",
    "geplant",
    "abgebrochen",
    # Pipedrive activities ("Activity - Done")
    "to do",
    "undone",
)


def not_done_values() -> list[str]:
    """The statuses, in lower case, of activities that did not happen (yet)."""
    return list(NOT_DONE)


def leave_out(cur: duckdb.DuckDBPyConnection, source: str, header: str) -> tuple[int, str | None]:
    """Leaves out of the cleaned activity file (temp table `clean`) the rows whose status (column
    `header`) says the work is not done: (how many, the note that says so by status, None when none).
    They are not rejected, only not activities yet."""
    values = not_done_values()
    found = db.execute(cur, "ingest_not_done_counts", not_done=values).fetchall()
    if not found:
        return 0, None
    db.execute(cur, "ingest_drop_not_done", not_done=values)
    total = sum(n for _, n in found)
    noun = ("activity", "activities") if source == "dynamics" else ("task", "tasks")
    by_status = ", ".join(f"{status!r}: {n:,}" for status, n in found)
    return total, (
        f"{count(total, *noun)} not completed left out ({header} {by_status}): only work done counts as "
        "activity; each one counts once an export shows it completed"
    )
