"""Pipedrive: exports of activities, deals, organizations and users, in English.

Evidence (public material, looked up with the project's search tool):
- Pipedrive's own sample import spreadsheet (tab "READ ME All default Pipedrive fields",
  support.pipedrive.com/en/article/importing-sample-import-spreadsheets): "Deal - Title",
  "Deal - Value", "Deal - Owner", "Deal - Stage (pipeline)", "Deal - Expected close date",
  "Deal - Creation date", "Deal - Closed on", "Deal - Status", "Activity - Subject",
  "Activity - Due date", "Activity - Due time", "Activity - Assigned to user",
  "Activity - Type", "Activity - Duration".
- Real export headers handled in public code: "Deal - ID", "Deal - Deal created", "Deal -
  Deal closed on", "Deal - Lead Source", "Activity - ID", "Activity - Organization",
  "Organization - Name", "Organization - Owner".
- Activity duration is "HH:MM" text in the API (prismatic.io Pipedrive payloads); kondado.io
  calls it "Duration of the activity in minutes", hence minutes for bare numbers.
- A public Apps Script that rebuilds Pipedrive's deals export "per the mapping spec" (header
  order "Deal - ID, Deal - Title, Deal - Creator, Deal - Owner, Deal - Value, Deal - Currency
  of Value, Deal - Weighted value, ..., Deal - Stage, Deal - Label, Deal - Status, Deal - Deal
  created, Deal - Update time, Deal - Last stage change, Deal - Next activity date, Deal - Last
  activity date, Deal - Won time, ..., Deal - Lost time, Deal - Deal closed on, Deal - Lost
  reason, ..., Deal - Expected close date, ..., Deal - Source channel"), status written
  capitalised (Open / Won / Lost); a public migration study of Pipedrive's sample spreadsheet
  lists "Deal - Currency of value", "Deal - Won time", "Deal - Lost time", "Deal - Closed on",
  "Activity - Done" (Done / Undone), "Activity - Marked as done time", "Activity - Creation
  date"; public dashboards read "Deal - Won time" / "Deal - Lost time" / "Deal - Currency".
- API deal status values: open, won, lost, deleted (pipedrive/client-nodejs
  docs/UpdateDealParameters.md). A deleted deal can appear in an export filtered on it.
- Users: Pipedrive documents no users export (Company settings > Manage users lists active /
  invited / deactivated users, support.pipedrive.com/en/article/users); the "User - ..."
  spellings below are the entity-prefix convention applied to users and are UNVERIFIED.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

SAMPLE_SPREADSHEET = "support.pipedrive.com/en/article/importing-sample-import-spreadsheets"
PUBLIC_CODE = "Pipedrive export importers in public code (Deal - ID, Deal - Deal created, ...)"
DEALS_EXPORT = (
    "public Apps Script mirroring Pipedrive's deals export (Deal - Currency of Value, Deal - Won time, "
    "Deal - Lost time, Deal - Deal closed on, Deal - Update time, Deal - Source channel); "
    "public dashboards reading Deal - Won time / Deal - Lost time / Deal - Currency"
)
DURATION = "prismatic.io Pipedrive payloads; kondado.io/wiki/en/a/pipedrive"

ACTIVITIES = Preset(
    source="pipedrive",
    kind="activities",
    headers={
        "activity_id": ("Activity - ID", "Activity - Pipedrive System ID"),
        "rep": ("Activity - Assigned to user", "Assigned to user"),
        "date": ("Activity - Due date",),
        "time": ("Activity - Due time", "Due time"),
        "type": ("Activity - Type",),
        "subject": ("Activity - Subject",),
        "duration": ("Activity - Duration",),
        # "Activity - Done" (Done / To do) is the activity's status, not an outcome: only done ones
        # count (ingest.task_status).
        "status": ("Activity - Done",),
        "account": ("Activity - Organization", "Organization - Name", "Organization"),
    },
    cites={
        "activity_id": PUBLIC_CODE,
        "rep": SAMPLE_SPREADSHEET,
        "date": SAMPLE_SPREADSHEET,
        "time": SAMPLE_SPREADSHEET,
        "type": SAMPLE_SPREADSHEET,
        "subject": SAMPLE_SPREADSHEET,
        "duration": DURATION,
        "status": SAMPLE_SPREADSHEET + " (Activity - Done); a public migration study of it (Done / Undone)",
        "account": PUBLIC_CODE,
    },
    duration_units={"Activity - Duration": "minutes"},
)

OPPORTUNITIES = Preset(
    source="pipedrive",
    kind="opportunities",
    headers={
        "opportunity_id": ("Deal - ID", "Deal - Pipedrive System ID"),
        "opportunity_name": ("Deal - Title",),
        "owner": ("Deal - Owner",),
        "account": ("Deal - Organization", "Organization - Name", "Organization"),
        "stage": ("Deal - Stage", "Deal - Stage (pipeline)"),
        "amount": ("Deal - Value",),
        "currency": ("Deal - Currency", "Deal - Currency of Value"),
        "created_date": (
            "Deal - Deal created",
            "Deal - Creation date",
            "Deal - Add time",
            "Deal - Deal created on",
        ),
        "close_date": ("Deal - Expected close date", "Expected close date"),
        "closed_date": ("Deal - Deal closed on", "Deal - Closed on", "Deal - Won time", "Deal - Lost time"),
        "status": ("Deal - Status",),
        "modified_date": ("Deal - Update time", "Deal - Last activity date"),
        # "Deal - Weighted value" (value x probability) is NOT an amount: not mapped.
        # "Source channel" is the default field; "Lead Source" a common custom field.
        "lead_source": ("Deal - Source channel", "Deal - Lead Source", "Deal - Source"),
    },
    cites={
        "opportunity_id": PUBLIC_CODE,
        "opportunity_name": SAMPLE_SPREADSHEET,
        "owner": SAMPLE_SPREADSHEET,
        "account": PUBLIC_CODE,
        "stage": SAMPLE_SPREADSHEET,
        "amount": SAMPLE_SPREADSHEET,
        "currency": SAMPLE_SPREADSHEET + "; " + DEALS_EXPORT,
        "created_date": SAMPLE_SPREADSHEET + "; " + PUBLIC_CODE,
        "close_date": SAMPLE_SPREADSHEET,
        "closed_date": SAMPLE_SPREADSHEET + "; " + DEALS_EXPORT,
        "status": SAMPLE_SPREADSHEET + "; " + DEALS_EXPORT + " (Open / Won / Lost; API also deleted)",
        "modified_date": DEALS_EXPORT,
        "lead_source": DEALS_EXPORT + "; " + PUBLIC_CODE,
    },
)

ROSTER = Preset(
    source="pipedrive",
    kind="roster",
    headers={
        "rep": ("User - Name",),
        "user_id": ("User - ID",),
        "email": ("User - Email",),
        "active": ("User - Active flag", "User - Active"),
    },
    # UNVERIFIED: no users export is documented; kept for files built the "Entity - Field" way.
    cites={
        f: "Pipedrive 'Entity - Field' header convention applied to users (unverified; "
        "support.pipedrive.com/en/article/users documents no export)"
        for f in ("rep", "user_id", "email", "active")
    },
)

TARGET_ACCOUNTS = Preset(
    source="pipedrive",
    kind="target_accounts",
    headers={
        "account": ("Organization - Name",),
        "rep": ("Organization - Owner",),
    },
    cites={"account": PUBLIC_CODE, "rep": PUBLIC_CODE},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER, TARGET_ACCOUNTS)
