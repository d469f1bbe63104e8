"""Freshsales (Freshworks CRM): exports of deals, sales activities, tasks, appointments and
users, in English.

Evidence (public material, looked up with the project's search tool). Freshsales publishes its
FIELD LABELS but not the header rows of its exports; an export writes the field labels, so the
spellings below are the documented labels. Where only an API name is documented the label is
marked "(unverified)".
- Deal fields (Freshsales support "What are deal fields? How to customize deal fields?", copy
  at wedosoft-supportdesk.freshdesk.com .../articles/5000883230 and .../5000883229): "Name" /
  "Deal Name", "Deal Value", "Type", "Expected close date", "Closed date", "Product",
  "Payment status", "Probability", "Owner", "Deal Pipeline", "Deal Stage", "Account",
  "Related Contacts", "Source", "Campaign".
- Deal import (support.freshsales.io/support/solutions/articles/222658): required "Deal name",
  "Deal value", "Account Name"; "Owner" holds the user's email ON IMPORT (exports show the
  owner's name, as in the fields article's example "Rebecca Morris").
- Deal API / placeholders (gist xaif/4abdf23a...: deal_currency_name, deal_base_currency_amount,
  deal_expected_close, deal_closed_date, deal_created_at, deal_updated_at, deal_deal_stage_name,
  deal_source_name, deal_owner_name): hence "Currency", "Created at", "Updated at" (unverified
  as export headers). Duplicate matching on import uses "Freshsales ID" (crmsupport.freshworks
  .com/en/support/solutions/articles/50000002380).
- Sales activities (API: title, notes, start_date, end_date, sales_activity_type_id,
  sales_activity_outcome_id, owner_id, targetable_type; developers.freshworks.com
  onSalesActivityCreate): "Title", "Sales activity type", "Start date", "End date",
  "Outcome", "Owner" (unverified as export headers).
- Tasks (API: title, description, due_date, owner_id, task_type, outcome, status) and
  appointments (API: title, from_date, end_date, location, time_zone, outcome): "Due date",
  "Task type", "From" (unverified as export headers).
- Account-level export: Admin settings > Account > Export data mails a ZIP of all data
  (crmsupport.freshworks.com/support/solutions/articles/50000002993, support.freshsales.io
  .../224026); list views export CSV (tonicdesk.com "Switch from Freshsales").
- Users: API fields id, display_name, email, is_active, role; no documented users export
  layout (unverified).
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

DEAL_FIELDS = (
    "Freshsales support 'What are deal fields?' (wedosoft-supportdesk.freshdesk.com/ko/support/solutions/"
    "articles/5000883230, 5000883229)"
)
DEAL_IMPORT = (
    "support.freshsales.io/support/solutions/articles/222658 (Deal name, Deal value, Account Name, Owner)"
)
DEAL_API = (
    "Freshsales deal placeholders gist.github.com/xaif/4abdf23a699ab3f3cca204ff10bd0da4 (unverified label)"
)
FRESHSALES_ID = "crmsupport.freshworks.com/en/support/solutions/articles/50000002380 (Freshsales ID)"
ACTIVITY_API = (
    "Freshsales sales_activities API (title, start_date, sales_activity_type_id, sales_activity_outcome_id, "
    "owner_id); developers.freshworks.com onSalesActivityCreate (unverified export label)"
)
TASK_API = "Freshsales tasks / appointments API (due_date, task_type, from_date) (unverified export label)"
USERS_API = "Freshsales users/owners API (id, display_name, email, is_active) (unverified export label)"

ACTIVITIES = Preset(
    source="freshsales",
    kind="activities",
    headers={
        "activity_id": ("Freshsales ID",),
        # Sales activities, tasks and appointments all name the user "Owner".
        "rep": ("Owner",),
        # Sales activities: "Start date"; tasks: "Due date"; appointments: "From".
        "date": ("Start date", "Due date", "From"),
        # Sales activity types: Call, Email, Meeting, Chat... plus custom; tasks: "Task type".
        "type": ("Sales activity type", "Task type"),
        "subject": ("Title",),
        "outcome": ("Outcome",),
    },
    cites={
        "activity_id": FRESHSALES_ID,
        "rep": ACTIVITY_API + "; " + DEAL_FIELDS + " (Owner)",
        "date": ACTIVITY_API + "; " + TASK_API,
        "type": ACTIVITY_API + "; " + TASK_API,
        "subject": ACTIVITY_API,
        "outcome": ACTIVITY_API,
    },
)

OPPORTUNITIES = Preset(
    source="freshsales",
    kind="opportunities",
    headers={
        "opportunity_id": ("Freshsales ID",),
        "opportunity_name": ("Name", "Deal Name"),
        "owner": ("Owner",),
        "account": ("Account", "Account Name"),
        # Won / lost is a stage of the pipeline (no status column).
        "stage": ("Deal Stage",),
        "amount": ("Deal Value",),
        "currency": ("Currency",),
        "created_date": ("Created at",),
        "close_date": ("Expected close date",),
        "closed_date": ("Closed date",),
        "lead_source": ("Source",),
        "modified_date": ("Updated at",),
    },
    cites={
        "opportunity_id": FRESHSALES_ID,
        "opportunity_name": DEAL_FIELDS + "; " + DEAL_IMPORT,
        "owner": DEAL_FIELDS,
        "account": DEAL_FIELDS + "; " + DEAL_IMPORT,
        "stage": DEAL_FIELDS,
        "amount": DEAL_FIELDS + "; " + DEAL_IMPORT,
        "currency": DEAL_API,
        "created_date": DEAL_API,
        "close_date": DEAL_FIELDS,
        "closed_date": DEAL_FIELDS,
        "lead_source": DEAL_FIELDS,
        "modified_date": DEAL_API,
    },
)

ROSTER = Preset(
    source="freshsales",
    kind="roster",
    headers={
        "user_id": ("ID",),
        "rep": ("Display name", "Name"),
        "email": ("Email",),
        "active": ("Active",),
    },
    cites={f: USERS_API for f in ("user_id", "rep", "email", "active")},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
