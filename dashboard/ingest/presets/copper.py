"""Copper (copper.com): exports of tasks, opportunities and users, in English.

Evidence (public material, looked up with the project's search tool):
- A real Copper data export analysed in CWL-Brands/copper-goals-tracker
  docs/copper-data/COPPER_EXPORT_ANALYSIS.json and copper_opportunities_analysis.json
  (Opportunities sheet, in this order: "Name, Details, Company, Company Id, Primary Person
  Contact, Status, Priority, Owner, Owner Id, Close Date, Completed Date, Value, Currency,
  Converted Value, Converted Currency, Exchange Rate, Win Probability, Pipeline, Stage,
  Source, Loss Reason, Tags, Last Contacted, Inactive Days, Interaction Count, Last Stage
  At, Days in Stage, Created At, Updated At, Lead Created At, <custom fields as 'Label
  cf_123456'>, Copper ID, Copper URL"; Status values Open / Won / Lost / Abandoned; dates
  M/D/YYYY; Win Probability "20%"; Source "Referral", "Cold Call", "Tradeshow", "Website
  Lead", "Email").
- Same repository, copper_tasks_analysis.json (Tasks sheet: "Name, Details, Status,
  Priority, Owner, Owner Id, Due Date, % Complete, Tags, Completed At, Reminder At, Created
  At, Updated At, Activity Type, ..., Copper ID, Copper URL"; Status Completed / Open;
  Activity Type "Phone Call", "To Do", custom types; Completed At as Excel serial numbers).
- User activity types "Note", "Phone Call", "Meeting" (Copper API list of activity types,
  quoted in public code); activities carry user_id and a Unix-time activity_date
  (developer.copper.com/activities/overview.html).
- Users: API user object {id, name, email} (same repository, docs/copper-data/
  Copper_Metadata_10.3.md); Copper has no documented user-list export (unverified).
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

EXPORT = (
    "CWL-Brands/copper-goals-tracker docs/copper-data/COPPER_EXPORT_ANALYSIS.json, "
    "copper_opportunities_analysis.json (a real Copper export)"
)
TASKS = "CWL-Brands/copper-goals-tracker docs/copper-data/copper_tasks_analysis.json (a real Copper export)"
USERS = "CWL-Brands/copper-goals-tracker docs/copper-data/Copper_Metadata_10.3.md (API user: id, name, email)"

ACTIVITIES = Preset(
    source="copper",
    kind="activities",
    headers={
        "activity_id": ("Copper ID",),
        "rep": ("Owner",),
        "date": ("Due Date",),
        # "Phone Call", "Meeting", "To Do" or an account's own activity types.
        "type": ("Activity Type",),
        # A task's title ("Name"); free text sits in "Details".
        "subject": ("Name",),
    },
    cites={f: TASKS for f in ("activity_id", "rep", "date", "type", "subject")},
)

OPPORTUNITIES = Preset(
    source="copper",
    kind="opportunities",
    headers={
        "opportunity_id": ("Copper ID",),
        "opportunity_name": ("Name",),
        "owner": ("Owner",),
        "account": ("Company",),
        "stage": ("Stage",),
        # Open / Won / Lost / Abandoned.
        "status": ("Status",),
        "amount": ("Value",),
        "currency": ("Currency",),
        "created_date": ("Created At",),
        "close_date": ("Close Date",),
        # Set when the opportunity is won, lost or abandoned.
        "closed_date": ("Completed Date",),
        "lead_source": ("Source",),
        "modified_date": ("Updated At",),
    },
    cites={
        f: EXPORT
        for f in (
            "opportunity_id",
            "opportunity_name",
            "owner",
            "account",
            "stage",
            "status",
            "amount",
            "currency",
            "created_date",
            "close_date",
            "closed_date",
            "lead_source",
            "modified_date",
        )
    },
)

ROSTER = Preset(
    source="copper",
    kind="roster",
    headers={
        "user_id": ("id",),
        "rep": ("name",),
        "email": ("email",),
    },
    cites={f: USERS for f in ("user_id", "rep", "email")},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
