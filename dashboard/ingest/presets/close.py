"""Close (close.com): exports of activities (calls, e-mails, meetings, tasks), opportunities and users.

Close writes its CSV exports with the API's own snake_case field names (the export
endpoints take the same `fields` list as the API and "by default return all the data
fields"), so the headers below are API field names.

Evidence (public material, looked up with the project's search tool):
- Opportunity export: developer.close.com/api/resources/exports/create-opportunity (CSV or
  JSON, `fields` = API fields; `date_format` original / iso8601 / excel); opportunity
  fields in developer.close.com/api/resources/opportunities/get (date_won is a date,
  date_lost a datetime, value / expected_value / annualized_value in cents) and in
  singer-io/tap-closeio tap_closeio/schemas/leads.json (opportunities: id, lead_id,
  lead_name, status_id, status_label, status_type, value, value_currency, value_period,
  value_formatted, confidence, date_won, date_lost, date_created, date_updated, user_id,
  user_name, contact_name, note, created_by_name, updated_by_name).
- Status types Active / Won / Lost and the example statuses "Demo Completed", "Proposal
  Sent", "Contract Sent", "Negotiation", "Closed/Won", "Closed/Lost":
  help.close.com/v1/docs/opportunity-statuses.
- Call CSV: closeio/close-api-scripts scripts/export_calls.py (Close's own script):
  "id, user_id, duration, disposition, status, direction, date_created, remote_phone,
  local_phone, voicemail_url, recording_url, source, lead_id, updated_by_name,
  contact_id, lead_name, contact_name". Dispositions answered / no-answer / vm-answer /
  vm-left / busy / blocked / error / abandoned: developer.close.com/resources/activities/call.
- Activity fields (_type, user_id, user_name, subject, duration, date_created,
  date_sent, direction, status, task_text, ...): singer-io/tap-closeio
  tap_closeio/schemas/activities.json; meetings (title, starts_at, status upcoming /
  completed / canceled ...): developer.close.com/api/resources/activities/meetings.
- Tasks (_type, text, assigned_to, assigned_to_name, date, due_date, is_complete):
  tap_closeio/schemas/leads.json (tasks).
- Users (id, first_name, last_name, email, date_created): tap_closeio/schemas/users.json.

Units: call `duration` is in seconds (the scripts treat 0 as a missed call; Close's call
docs). Opportunity `value` is in cents in the API; whether the CSV export keeps cents is
not documented (see the fixture's expected.json and the report).
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

EXPORT_API = "developer.close.com/api/resources/exports/create-opportunity (CSV = API fields)"
OPP_API = (
    "developer.close.com/api/resources/opportunities/get; "
    "singer-io/tap-closeio tap_closeio/schemas/leads.json"
)
STATUSES = "help.close.com/v1/docs/opportunity-statuses (status types Active / Won / Lost)"
CALL_SCRIPT = "closeio/close-api-scripts scripts/export_calls.py"
ACTIVITY_SCHEMA = "singer-io/tap-closeio tap_closeio/schemas/activities.json"
MEETINGS = "developer.close.com/api/resources/activities/meetings (title, starts_at)"
TASKS = "singer-io/tap-closeio tap_closeio/schemas/leads.json (tasks: text, assigned_to_name, date)"
USERS = "singer-io/tap-closeio tap_closeio/schemas/users.json"

ACTIVITIES = Preset(
    source="close",
    kind="activities",
    headers={
        "activity_id": ("id",),
        # user_id is an id ("user_..."), resolved through the users file's id column;
        # tasks name their assignee in assigned_to_name.
        "rep": ("user_name", "user_id", "assigned_to_name"),
        # Calls / emails: date_created; meetings: starts_at; tasks: date (the due date).
        "date": ("date_created", "activity_at", "starts_at", "date"),
        # "Call", "Email", "Meeting", "Note", "TaskCompleted" on activities; task kinds
        # ("lead", "email_followup", "missed_call", ...) on tasks.
        "type": ("_type",),
        # Emails: subject; meetings: title; tasks: text.
        "subject": ("subject", "title", "text"),
        "duration": ("duration",),
        # answered / no-answer / vm-answer / vm-left / busy / blocked / error / abandoned.
        "outcome": ("disposition",),
        "account": ("lead_name",),
    },
    cites={
        "activity_id": CALL_SCRIPT,
        "rep": CALL_SCRIPT + "; " + ACTIVITY_SCHEMA + "; " + TASKS,
        "date": CALL_SCRIPT + "; " + MEETINGS + "; " + TASKS,
        "type": ACTIVITY_SCHEMA,
        "subject": ACTIVITY_SCHEMA + "; " + MEETINGS + "; " + TASKS,
        "duration": CALL_SCRIPT + " (seconds; 0 = missed call)",
        "outcome": CALL_SCRIPT + "; developer.close.com/resources/activities/call",
        "account": CALL_SCRIPT,
    },
    duration_units={"duration": "seconds"},
)

OPPORTUNITIES = Preset(
    source="close",
    kind="opportunities",
    headers={
        "opportunity_id": ("id",),
        # The lead is Close's company record; opportunities have no name of their own.
        "account": ("lead_name",),
        "owner": ("user_name", "user_id"),
        # The opportunity status (a pipeline step: "Proposal Sent", "Closed/Won", ...).
        "stage": ("status_label",),
        # active / won / lost.
        "status": ("status_type",),
        # In cents in the API (unverified for the CSV export).
        "amount": ("value",),
        "currency": ("value_currency",),
        "created_date": ("date_created",),
        "closed_date": ("date_won", "date_lost"),
        "modified_date": ("date_updated",),
    },
    cites={
        "opportunity_id": EXPORT_API + "; " + OPP_API,
        "account": OPP_API,
        "owner": OPP_API,
        "stage": OPP_API + "; " + STATUSES,
        "status": OPP_API + "; " + STATUSES,
        "amount": OPP_API + " (value in cents)",
        "currency": OPP_API,
        "created_date": OPP_API,
        "closed_date": OPP_API,
        "modified_date": OPP_API,
    },
    amount_divisors={"value": 100},
)

ROSTER = Preset(
    source="close",
    kind="roster",
    headers={
        "user_id": ("id",),
        "first_name": ("first_name",),
        "last_name": ("last_name",),
        "email": ("email",),
    },
    cites={f: USERS for f in ("user_id", "first_name", "last_name", "email")},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
