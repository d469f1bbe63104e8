"""HubSpot: exports of activities (calls, meetings, tasks, notes), deals, companies and users, in English.

Evidence (public material, looked up with the project's search tool):
- knowledge.hubspot.com "HubSpot's default activity properties": "Activity assigned to",
  "Activity date", "Call and meeting type"; call duration is "the length of the call in
  milliseconds" (developers.hubspot.com/docs/api/crm/calls and fivetran/dbt_hubspot_source
  models/stg_hubspot__engagement_call.sql agree).
- Property labels in public code: "Record ID", "Call outcome" (hs_call_disposition), "Call
  Title", "Activity date" (hs_timestamp), "Assigned to" / "Task Title" / "Due date" for
  tasks; meetings "Meeting name", "Call and meeting type", "Meeting outcome"; deals "Deal
  owner", "Deal Stage", "Close Date", "Pipeline", "Create date".
- Export fixtures: zachpodbielniak/venture tests/fixtures/crm-import/hubspot-deals.csv
  ("Record ID,Deal Name,Amount,Currency,Deal Stage,Pipeline,Close Date,Deal owner,
  Associated Company IDs,Associated Contact IDs,Create Date"), hubspot-tasks.csv
  ("Record ID,Task title,...,Due date,Task status,Task type,Assigned to,...").
- "Original Source Type" is the deal-level name of Original Source (blendb2b.com
  "HubSpot's original source explained"); "Original Traffic Source" is the newer label.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

ACTIVITY_PROPERTIES = "knowledge.hubspot.com/properties/hubspots-default-activity-properties"
CALLS_API = "developers.hubspot.com/docs/api/crm/calls (hs_call_duration in milliseconds)"
VENTURE_FIXTURES = "zachpodbielniak/venture tests/fixtures/crm-import/hubspot-deals.csv, hubspot-tasks.csv"
DEAL_PROPERTIES = "knowledge.hubspot.com/properties/hubspots-default-deal-properties"
ORIGINAL_SOURCE = "blendb2b.com HubSpot's original source explained"
USERS_EXPORT = "knowledge.hubspot.com/settings/export-users (user ID, first name, last name, email, teams)"

ACTIVITIES = Preset(
    source="hubspot",
    kind="activities",
    headers={
        "activity_id": ("Record ID",),
        # Calls / meetings / notes: "Activity assigned to"; tasks: "Assigned to".
        "rep": ("Activity assigned to", "Assigned to"),
        # Tasks export "Due date" instead of "Activity date".
        "date": ("Activity date", "Meeting start time", "Due date"),
        # "Activity type" holds CALL / MEETING / NOTE...; tasks have "Task type".
        "type": ("Activity type", "Task type"),
        # The account's own types (Discovery, First Meeting, Demo...) for calls and meetings.
        "subtype": ("Call and meeting type",),
        # "Title" as in a notes export and the bundled sample data.
        "subject": ("Title", "Call Title", "Meeting name", "Task title"),
        # HH:MM:SS text in exports; the property itself is stored in milliseconds.
        "duration": ("Call duration",),
        # "Call status" / "Task status" are lifecycle states, not outcomes.
        "outcome": ("Call outcome", "Meeting outcome"),
        # Names; "Associated Company IDs" holds ids and is left out on purpose.
        "account": ("Associated Company",),
    },
    cites={
        "activity_id": VENTURE_FIXTURES,
        "rep": ACTIVITY_PROPERTIES,
        "date": ACTIVITY_PROPERTIES + "; " + VENTURE_FIXTURES,
        "type": ACTIVITY_PROPERTIES + "; " + VENTURE_FIXTURES,
        "subtype": ACTIVITY_PROPERTIES,
        "subject": ACTIVITY_PROPERTIES + "; " + VENTURE_FIXTURES,
        "duration": CALLS_API,
        "outcome": ACTIVITY_PROPERTIES,
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
        "created_date": VENTURE_FIXTURES,
        "close_date": VENTURE_FIXTURES,
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
        "user_id": ("User ID",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email",),
        "team": ("Primary team", "Team", "Assigned teams"),
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
