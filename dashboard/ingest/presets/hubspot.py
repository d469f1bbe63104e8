"""HubSpot: exports of activities (calls, meetings, tasks, emails, notes, and the combined
activity view), deals, companies and users, in English.

Evidence (public material, looked up with the project's search tool):
- knowledge.hubspot.com "HubSpot's default activity properties" (and its fi/ja translations):
  calls have "Activity assigned to", "Activity date", "Call and meeting type", "Call
  direction", "Call duration" ("the length of the call in milliseconds"), "Call notes", "Call
  outcome", "Call status", "Call title"; hs_call_duration in milliseconds is confirmed by
  developers.hubspot.com/docs/api/crm/calls and fivetran/dbt_hubspot_source
  models/stg_hubspot__engagement_call.sql (duration_milliseconds).
- Property labels as the properties API returns them, in public code (a HubSpot form
  generator's CALL_FIELDS / TASK_FIELDS): calls "Record ID", "Activity date", "Activity
  assigned to", "Call Title", "Call outcome" (hs_call_disposition: Busy, Connected, Left live
  message, Left voicemail, No answer, Wrong number), "Call status" (a lifecycle state:
  Completed, Busy, No Answer...); tasks "Task Title" (hs_task_subject), "Task Type" (Call,
  Email, LinkedIn, Meeting, Sales Navigator - InMail, To Do), "Task Status", "Due date"
  (hs_timestamp), "Assigned to" (hubspot_owner_id).
- Meetings index page columns observed in a public HubSpot UI audit: "Meeting name",
  "Activity date", "Activity assigned to", "Call and meeting type", "Meeting outcome",
  "Meeting location"; meeting outcomes Completed, No show, Rescheduled, Canceled, Scheduled
  and "Meeting start time" (hs_meeting_start_time) in a public dashboard's source dictionary.
- Emails: hs_email_subject = "Email subject", hs_email_direction = "Email direction",
  hs_email_status = "Email send status" (public HubSpot mock property tables; consistent with
  the default activity properties page).
- Export fixtures: zachpodbielniak/venture tests/fixtures/crm-import/hubspot-deals.csv
  ("Record ID,Deal Name,Amount,Currency,Deal Stage,Pipeline,Close Date,Deal owner,
  Associated Company IDs,Associated Contact IDs,Create Date"), hubspot-tasks.csv
  ("Record ID,Task title,Task body,Due date,Task status,Task type,Assigned to,..."),
  hubspot-notes.csv (the combined activity layout: "Record ID,Activity type,Title,Body,
  Activity date,Activity assigned to,Associated Contact IDs,...", types NOTE/EMAIL/CALL/MEETING).
- Deal property labels of a live portal: hairsolutionsco/automations_hub
  hubspot/objects/deals/properties.md ("Is Closed Won", "Is Deal Closed?", "Close Date",
  "Create Date"); "Is Deal Closed?" / "Is Closed Won" / "Deal owner" also in a public
  dashboard's source dictionary.
- Users export (knowledge.hubspot.com/settings/export-users, da/it/ja/pl translations): the
  CSV holds user ID, first name, last name, email address, last login date, assigned teams,
  assigned role, permissions. No full-name column. The literal header casing is unverified.
- "Original Source Type" is the deal-level name of Original Source (blendb2b.com
  "HubSpot's original source explained"); "Original Traffic Source" is the newer label.
- "Task status" (hs_task_status: Completed, Not started, In progress, Waiting, Deferred) is the
  task's state: open tasks are left out (ingest.task_status), never read as outcomes.
- Not mapped on purpose: "Call status" (lifecycle, not an outcome), "Email
  direction", "Associated Company IDs" (ids, not names), "Amount in company currency" is
  kept as an amount spelling for portals that export only the converted value.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

ACTIVITY_PROPERTIES = "knowledge.hubspot.com/properties/hubspots-default-activity-properties"
CALLS_API = "developers.hubspot.com/docs/api/crm/calls (hs_call_duration in milliseconds)"
PROPERTY_LABELS = (
    "HubSpot properties-API labels in public code (CALL_FIELDS/TASK_FIELDS: Record ID, Activity date, "
    "Activity assigned to, Call Title, Call outcome, Task Title, Task Type, Due date, Assigned to)"
)
MEETINGS_INDEX = (
    "HubSpot meetings index columns in a public UI audit (Meeting name, Activity date, Activity assigned "
    "to, Call and meeting type, Meeting outcome, Meeting location)"
)
EMAIL_LABELS = "hs_email_subject label 'Email subject' (public HubSpot property tables)"
VENTURE_FIXTURES = (
    "zachpodbielniak/venture tests/fixtures/crm-import/"
    "hubspot-deals.csv, hubspot-tasks.csv, hubspot-notes.csv"
)
DEAL_PROPERTIES = (
    "knowledge.hubspot.com/properties/hubspots-default-deal-properties; "
    "hairsolutionsco/automations_hub hubspot/objects/deals/properties.md"
)
ORIGINAL_SOURCE = "blendb2b.com HubSpot's original source explained"
USERS_EXPORT = (
    "knowledge.hubspot.com/settings/export-users (user ID, first name, last name, email address, "
    "last login date, assigned teams, assigned role, permissions)"
)

ACTIVITIES = Preset(
    source="hubspot",
    kind="activities",
    headers={
        "activity_id": ("Record ID",),
        # Calls / meetings / emails / notes: "Activity assigned to"; tasks: "Assigned to".
        "rep": ("Activity assigned to", "Assigned to"),
        # Tasks export "Due date" instead of "Activity date"; meetings also carry their start.
        "date": ("Activity date", "Meeting start time", "Due date"),
        # The combined view's "Activity type" holds CALL / EMAIL / MEETING / NOTE / TASK;
        # tasks have "Task type" (Call, Email, To-do, LinkedIn, ...).
        "type": ("Activity type", "Task type"),
        # The account's own types (Discovery, First Meeting, Demo...) for calls and meetings.
        "subtype": ("Call and meeting type",),
        # "Title" as in the combined view and the bundled sample data.
        "subject": ("Title", "Call Title", "Meeting name", "Task title", "Email subject"),
        # The property is a number of milliseconds; exports seen as bare numbers (and HH:MM:SS
        # text in the bundled sample), both parse.
        "duration": ("Call duration",),
        # "Call status" is a lifecycle state, not an outcome.
        "outcome": ("Call outcome", "Meeting outcome"),
        # Completed / Not started / In progress / Waiting / Deferred: only completed tasks count.
        "status": ("Task status",),
        # Names; "Associated Company IDs" holds ids and is left out on purpose.
        "account": ("Associated Company",),
    },
    cites={
        "activity_id": PROPERTY_LABELS + "; " + VENTURE_FIXTURES,
        "rep": ACTIVITY_PROPERTIES + "; " + PROPERTY_LABELS,
        "date": ACTIVITY_PROPERTIES + "; " + PROPERTY_LABELS + "; " + MEETINGS_INDEX,
        "type": VENTURE_FIXTURES + "; " + PROPERTY_LABELS,
        "subtype": ACTIVITY_PROPERTIES + "; " + MEETINGS_INDEX,
        "subject": PROPERTY_LABELS + "; " + MEETINGS_INDEX + "; " + EMAIL_LABELS + "; " + VENTURE_FIXTURES,
        "duration": ACTIVITY_PROPERTIES + "; " + CALLS_API,
        "outcome": PROPERTY_LABELS + "; " + MEETINGS_INDEX,
        "status": PROPERTY_LABELS + " (Task Status); " + VENTURE_FIXTURES + " (Task status); "
        "developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide.md (hs_task_status)",
        "account": VENTURE_FIXTURES,
    },
    duration_units={"Call duration": "milliseconds"},
)

OPPORTUNITIES = Preset(
    source="hubspot",
    kind="opportunities",
    headers={
        # "Deal ID" is the pre-2022 export name of the record id.
        "opportunity_id": ("Record ID", "Deal ID"),
        "opportunity_name": ("Deal Name",),
        "owner": ("Deal owner",),
        "account": ("Associated Company",),
        "stage": ("Deal Stage",),
        "amount": ("Amount", "Amount in company currency"),
        "currency": ("Currency", "Deal currency code"),
        "created_date": ("Create Date",),
        # HubSpot has one "Close Date": expected while open, set to the close day when won/lost.
        "close_date": ("Close Date",),
        "is_won": ("Is Closed Won",),
        "is_closed": ("Is Deal Closed?", "Is closed"),
        "lead_source": ("Original Traffic Source", "Original Source Type", "Original Source"),
        "modified_date": ("Last Modified Date", "Last Activity Date"),
        # HubSpot has no snapshot property: a custom property, else dated from the file.
        "snapshot_date": ("Snapshot Date",),
    },
    cites={
        "opportunity_id": VENTURE_FIXTURES,
        "opportunity_name": VENTURE_FIXTURES,
        "owner": VENTURE_FIXTURES,
        "account": VENTURE_FIXTURES,
        "stage": VENTURE_FIXTURES,
        "amount": VENTURE_FIXTURES,
        "currency": VENTURE_FIXTURES + "; " + DEAL_PROPERTIES,
        "created_date": VENTURE_FIXTURES + "; " + DEAL_PROPERTIES,
        "close_date": VENTURE_FIXTURES + "; " + DEAL_PROPERTIES,
        "is_won": DEAL_PROPERTIES + " (hs_is_closed_won)",
        "is_closed": DEAL_PROPERTIES + " (hs_is_closed)",
        "lead_source": ORIGINAL_SOURCE,
        "modified_date": DEAL_PROPERTIES,
        "snapshot_date": "bundled sample data (custom property)",
    },
)

ROSTER = Preset(
    source="hubspot",
    kind="roster",
    headers={
        # The users export has no full-name column: the rep comes from first + last name.
        "user_id": ("User ID",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email", "Email address"),
        "team": ("Assigned teams", "Primary team", "Team"),
    },
    cites={f: USERS_EXPORT for f in ("user_id", "first_name", "last_name", "email", "team")},
)

TARGET_ACCOUNTS = Preset(
    source="hubspot",
    kind="target_accounts",
    headers={
        # Companies export ("Record ID,Company name,...,Company owner,...").
        "account": ("Company name",),
        "rep": ("Company owner",),
    },
    cites={"account": "knowledge.hubspot.com default company properties", "rep": "same"},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER, TARGET_ACCOUNTS)
