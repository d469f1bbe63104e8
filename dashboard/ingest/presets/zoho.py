"""Zoho CRM: module exports (Deals, Calls, Meetings, Tasks) and the user list, in English.

A Zoho export writes each field's label; a lookup or owner field comes as two columns, the
id ("Deal Owner.id", "zcrm_"-prefixed) and the name ("Deal Owner"). Evidence (public material,
looked up with the project's search tool):
- help.zoho.com/portal/en/kb/crm/sales-force-automation/deal-management/articles/
  standard-fields-deals: "Deal Owner", "Deal Name", "Account Name", "Type", "Lead Source",
  "Contact Name", "Amount", "Closing Date" ("the expected close date"), "Stage",
  "Probability", "Expected Revenue" ("calculated based on the Amount and deal Stage": NOT
  the amount), "Created By", "Modified By".
- Real Deals export headers handled in public code: "Record Id", "Deal Owner.id", "Deal
  Owner", "Deal Name", "Amount", "Closing Date", "Account Name.id", "Account Name", "Stage",
  "Currency", "Created Time", "Modified Time", "Last Activity Time", "Pipeline" (ids carry a
  "zcrm_" prefix); zachpodbielniak/venture tests/fixtures/crm-import/zoho-deals.csv and
  zoho-tasks.csv ("Record Id,Subject,Description,Due Date,Status,Task Owner,...,Closed
  Time,Created Time").
- Default stages (Qualification, Needs Analysis, Value Proposition, Identify Decision Makers,
  Perception Analysis, Proposal/Price Quote, Negotiation/Review, Closed Won, Closed Lost):
  aaxonix.com/resources/glossary/deal-stage; help.zoho.com/portal/kb/articles/create-deals
  (each stage has a deal category open / closed won / closed lost).
- Calls: Zoho's field labels as used by its API v1 in public code ("Subject", "Call Type",
  "Call Purpose", "Call Start Time", "Call Duration", "Call Result"); docs.workato.com Zoho CRM
  new/updated call trigger (Call type inbound / outbound, Call start time, Call duration, Call
  result); leadcall.tech/docs/zoho-crm (Call Type Inbound / Missed, Related To); a calls
  export cleaned in public code ("Call Start Time", "Call Duration (in seconds)", "Call
  Type", "Call Status", "Outgoing Call Status"); API fields Call_Duration ("MM:SS" text) and
  Call_Duration_in_seconds in public integrations.
- Meetings (module API name Events): Zoho fields metadata in public code, field_label
  "Title" (display "Meeting Title"), "From" ("Start DateTime"), "To" ("End DateTime"),
  "Host" ("Meeting Owner", api Owner), "Participants", "Location"; API v1 labels "Start
  DateTime", "End DateTime".
- Users: ubicorp.zohodesk.com Zoho CRM system administration (user fields First Name, Last
  Name, Email, Role, Active); beamhelp.com/how-to/crm/retrieve-users (Export Users writes a
  CSV; the list shows name, email, role and status).
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

DEAL_FIELDS = (
    "help.zoho.com/portal/en/kb/crm/sales-force-automation/deal-management/articles/standard-fields-deals"
)
EXPORT_CODE = (
    "Zoho Deals export headers in public code (Record Id, Deal Owner.id, Deal Owner, Closing Date, "
    "Account Name.id, Created Time, Modified Time, Last Activity Time)"
)
VENTURE = "zachpodbielniak/venture tests/fixtures/crm-import/zoho-deals.csv, zoho-tasks.csv"
CALL_FIELDS = (
    "Zoho API v1 Calls field labels in public code (Subject, Call Type, Call Purpose, Call Start Time, "
    "Call Duration, Call Result); docs.workato.com/en/connectors/zoho-crm/triggers/new-updated-call.html"
)
CALLS_EXPORT = (
    "a Zoho calls export cleaned in public code (Call Start Time, Call Duration (in seconds), Call Type)"
)
MEETING_FIELDS = (
    "Zoho CRM Events (Meetings) fields metadata in public code: field_label Title / From / To / Host, "
    "display_label Meeting Title / Start DateTime / End DateTime / Meeting Owner"
)
USER_FIELDS = (
    "ubicorp.zohodesk.com/portal/en/kb/articles/zoho-crm-system-administration (user fields); "
    "beamhelp.com/how-to/crm/retrieve-users (Export Users CSV: name, email, role, status)"
)

ACTIVITIES = Preset(
    source="zoho",
    kind="activities",
    headers={
        "activity_id": ("Record Id",),
        # Calls: "Call Owner" (unverified: the label follows Zoho's '<Module> Owner' pattern,
        # seen as Deal Owner / Task Owner); tasks: "Task Owner"; meetings: "Host" (display
        # label "Meeting Owner").
        "rep": ("Call Owner", "Task Owner", "Host", "Meeting Owner"),
        # Calls: "Call Start Time"; meetings: "From" (display "Start DateTime"); tasks: "Due Date".
        "date": ("Call Start Time", "From", "Start DateTime", "Due Date"),
        # Outbound / Inbound / Missed: the call's direction (generic SYNONYMS give "call type"
        # to subtype). A module export has no activity-type column at all: the module is
        # the type (see the report). "Call Purpose" (Prospecting, Negotiation, Demo...) is
        # left out: a prospecting CALL is still a call.
        "subtype": ("Call Type",),
        "subject": ("Subject", "Title", "Meeting Title"),
        # "Call Duration (in seconds)" a bare number, preferred where both are exported; "Call
        # Duration" is "MM:SS" text ('05:32' is 5 min 32 s, not 5 h 32 min: unit minutes_seconds).
        "duration": ("Call Duration (in seconds)", "Call Duration"),
        "outcome": ("Call Result",),
        # Tasks: Not Started / Deferred / In Progress / Completed / Waiting for input.
        "status": ("Status",),
        # The record the activity is about (an account, deal, lead or contact name).
        "account": ("Related To",),
    },
    cites={
        "activity_id": VENTURE + "; " + EXPORT_CODE,
        "rep": VENTURE + " (Task Owner); " + MEETING_FIELDS + "; Call Owner unverified",
        "date": CALL_FIELDS + "; " + CALLS_EXPORT + "; " + MEETING_FIELDS + "; " + VENTURE + " (Due Date)",
        "subtype": CALL_FIELDS + "; leadcall.tech/docs/zoho-crm (Call Type Inbound / Missed)",
        "subject": CALL_FIELDS + "; " + MEETING_FIELDS + "; " + VENTURE,
        "duration": CALL_FIELDS + "; " + CALLS_EXPORT,
        "outcome": CALL_FIELDS,
        "status": VENTURE + " (Status); a public Deluge script closing tasks (Status 'Completed')",
        "account": "leadcall.tech/docs/zoho-crm (Related To); " + VENTURE + " (Related To.id)",
    },
    duration_units={"Call Duration (in seconds)": "seconds", "Call Duration": "minutes_seconds"},
)

OPPORTUNITIES = Preset(
    source="zoho",
    kind="opportunities",
    headers={
        # "Deal Id" in some exports (e.g. Bigin-style files) instead of "Record Id".
        "opportunity_id": ("Record Id", "Deal Id"),
        "opportunity_name": ("Deal Name",),
        # Names; "Deal Owner.id" holds the zcrm_ id.
        "owner": ("Deal Owner",),
        "account": ("Account Name",),
        "stage": ("Stage",),
        # "Expected Revenue" (Amount x stage probability) must NOT be read as the amount.
        "amount": ("Amount",),
        "currency": ("Currency",),
        "created_date": ("Created Time",),
        "close_date": ("Closing Date",),
        "lead_source": ("Lead Source",),
        "modified_date": ("Modified Time", "Last Activity Time"),
    },
    cites={
        "opportunity_id": VENTURE + "; " + EXPORT_CODE + " (Deal Id in a Bigin-like export)",
        "opportunity_name": DEAL_FIELDS + "; " + EXPORT_CODE,
        "owner": DEAL_FIELDS + "; " + EXPORT_CODE,
        "account": DEAL_FIELDS + "; " + EXPORT_CODE,
        "stage": DEAL_FIELDS + "; " + EXPORT_CODE,
        "amount": DEAL_FIELDS + "; " + EXPORT_CODE,
        "currency": VENTURE + "; " + EXPORT_CODE,
        "created_date": VENTURE + "; " + EXPORT_CODE,
        "close_date": DEAL_FIELDS + " (Closing Date: the expected close date); " + EXPORT_CODE,
        "lead_source": DEAL_FIELDS,
        "modified_date": EXPORT_CODE,
    },
)

ROSTER = Preset(
    source="zoho",
    kind="roster",
    headers={
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email",),
        # "Status" (Active / Inactive): a leaver is inactive. "Role" is a hierarchy role, not a team.
        "active": ("Status",),
    },
    cites={
        "first_name": USER_FIELDS,
        "last_name": USER_FIELDS,
        "email": USER_FIELDS,
        "active": "Zoho CRM users API (status 'active'; AllUsers / ActiveUsers / DeactiveUsers, "
        "zoho.com/developer/help/api/getusers.html); the export's header and words UNVERIFIED",
    },
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
