"""Header presets: the literal column names CRMs put in their exports.

Data only. Each `Preset` says, for one (CRM, kind of file), which literal header
spellings feed which canonical field of `schema.KINDS[kind]`. Detection compares
spellings after `normalise_header` (casefold, strip, `_`/`-` as spaces,
whitespace collapsed), so each wording is listed once, in the capitalisation the
export uses. The first spelling of a field is the preferred one when a file
carries several.

`SYNONYMS` holds plain wordings for generic spreadsheets and public CRM sample
data sets (e.g. the Maven/Kaggle "CRM + Sales Opportunities" data).

Registering a new CRM = adding `Preset` entries to `PRESETS`.

Evidence (public material, looked up with the project's search tool):

* Salesforce
  - Field labels: Salesforce Field Reference for Opportunity / OpenActivity / User
    (developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/
    salesforce_field_reference_Opportunity.htm, ..._OpenActivity.htm, ..._User.htm):
    "Activity ID", "Assigned To", "Call Duration" = CallDurationInSeconds (seconds),
    "Call Result" = CallDisposition, "Date" = ActivityDate, "Duration" =
    DurationInMinutes (minutes), "Probability (%)", "Fiscal Period", "Lead Source",
    "Close Date", "Created Date", "Opportunity ID", "Won" (IsWon), "Closed" (IsClosed).
  - Task object reference (sforce_api_objects_task.htm): ActivityDate label "Due Date",
    CallDurationInSeconds "Duration of the call in seconds".
  - Report exports seen in public code: an Activities report read via Coefficient
    ("Assigned", "Call Result", "Activity Type", "Subject", "Date", "Status",
    "Company / Account", "Contact", "Call Type", "Task Subtype", "Activity ID"), a
    Python importer of a task report ("Assigned", "Opportunity", "Company / Account",
    "Subject", "Status", "Priority", "Date", "Comments"), opportunity report headers
    ("Opportunity Owner,Account Name,Opportunity Name,Stage,...,Fiscal Period,Close
    Date,...,Type"; "Opportunity ID,Opportunity Owner,Currency,Amount,Close Date").
  - Data Loader / API exports: zachpodbielniak/venture
    tests/fixtures/crm-import/salesforce-opportunities.csv and salesforce-tasks.csv
    ("Id,Name,Amount,...,StageName,CloseDate,OwnerId,...,CreatedDate";
    "Id,Subject,...,ActivityDate,Status,OwnerId,...,TaskSubtype,...").
* HubSpot
  - knowledge.hubspot.com "HubSpot's default activity properties" (fi/ja versions):
    "Activity assigned to", "Activity date", "Call and meeting type", call duration is
    "the length of the call in milliseconds"; developers.hubspot.com/docs/api/crm/calls
    and fivetran/dbt_hubspot_source models/stg_hubspot__engagement_call.sql
    (duration_milliseconds) agree on milliseconds.
  - Property labels in public code: "Record ID", "Activity assigned to", "Call outcome"
    (hs_call_disposition), "Call Title", "Activity date" (hs_timestamp), "Assigned to" /
    "Task Title" / "Due date" for tasks; meetings index "Meeting name", "Activity date",
    "Activity assigned to", "Call and meeting type", "Meeting outcome"; deals "Deal
    owner", "Deal Stage", "Close Date", "Pipeline", "Meeting start time", "Create date".
  - Export fixtures: zachpodbielniak/venture tests/fixtures/crm-import/hubspot-deals.csv
    ("Record ID,Deal Name,Amount,Currency,Deal Stage,Pipeline,Close Date,Deal owner,
    Associated Company IDs,Associated Contact IDs,Create Date"), hubspot-tasks.csv
    ("Record ID,Task title,...,Due date,Task status,Task type,Assigned to,..."), and a
    notes export ("Record ID,Activity type,Title,Body,Activity date,Activity assigned
    to,..."); several importers' tests use "Deal Name,Deal Stage,Pipeline,Amount,Close
    Date,Deal owner,Associated Company".
  - "Original Source Type" is the deal-level name of Original Source (blendb2b.com
    "HubSpot's original source explained"); "Original Traffic Source" is the newer label.
* Pipedrive
  - Pipedrive's own sample import spreadsheet (tab "READ ME All default Pipedrive
    fields", linked from support.pipedrive.com/en/article/importing-sample-import-
    spreadsheets), as transcribed in a public research note: "Deal - Title", "Deal -
    Value", "Deal - Owner", "Deal - Stage (pipeline)", "Deal - Expected close date",
    "Deal - Creation date", "Deal - Closed on", "Deal - Status", "Deal - Pipedrive
    System ID", "Activity - Subject", "Activity - Due date", "Activity - Due time",
    "Activity - Assigned to user", "Activity - Type", "Activity - Duration", ...
  - Real export headers handled in public code: "Deal - ID", "Deal - Title", "Deal -
    Owner", "Deal - Value", "Deal - Stage", "Deal - Status", "Deal - Organization",
    "Deal - Deal created", "Deal - Expected close date", "Deal - Deal closed on",
    "Deal - Lead Source", "Activity - ID", "Activity - Assigned to user",
    "Activity - Organization", "Organization - Name", "Organization - Owner".
  - Activity duration is "HH:MM" text in the API (prismatic.io Pipedrive payloads:
    "duration": "00:30"); kondado.io/wiki/en/a/pipedrive calls it "Duration of the
    activity in minutes", hence minutes for bare numbers (unverified on a real export).
* Maven / Kaggle "CRM + Sales Opportunities": sales_pipeline.csv = opportunity_id,
  sales_agent, product, account, deal_stage, engage_date, close_date, close_value;
  sales_teams.csv = sales_agent, manager, regional_office (seen in several public
  repos' docs and loaders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Preset:
    source: str  # "salesforce" | "hubspot" | "pipedrive" | "generic"
    kind: str  # a key of schema.KINDS
    headers: dict[str, tuple[str, ...]]  # canonical field -> literal header spellings, as exported
    # header spelling -> unit of bare numbers: "seconds" | "minutes" | "hours" | "milliseconds"
    duration_units: dict[str, str] = field(default_factory=dict)


DURATION_UNITS: tuple[str, ...] = ("seconds", "minutes", "hours", "milliseconds")

_SEPARATORS = re.compile(r"[_\-\s]+")


def normalise_header(header: str) -> str:
    """The comparison form of a header: casefold, `_`/`-` as spaces, whitespace collapsed."""
    return _SEPARATORS.sub(" ", header.casefold()).strip()


# --------------------------------------------------------------------------- Salesforce

_SALESFORCE_ACTIVITIES = Preset(
    source="salesforce",
    kind="activities",
    headers={
        # Report column / field label "Activity ID"; Data Loader: Id.
        "activity_id": ("Activity ID", "Id"),
        # Reports show the assignee as "Assigned"; field label "Assigned To"; OwnerId is an
        # id, so API exports are expected to carry Owner.Name instead.
        "rep": ("Assigned", "Assigned To", "Owner.Name", "Owner Name"),
        # "Date" = ActivityDate (tasks: label "Due Date"); events carry Start/StartDateTime.
        "date": (
            "Date",
            "Due Date",
            "Start",
            "ActivityDate",
            "ActivityDateTime",
            "StartDateTime",
        ),
        # "Activity Type" was seen in a report export; "Type" is the Task/Event picklist,
        # "Task Subtype"/"Event Subtype" (Call, Email, Task...) their subtypes.
        "type": (
            "Type",
            "Activity Type",
            "Task Subtype",
            "Event Subtype",
            "TaskSubtype",
            "EventSubtype",
        ),
        "subject": ("Subject",),
        # "Duration" = DurationInMinutes (events), "Call Duration" = CallDurationInSeconds.
        "duration": ("Duration", "Call Duration", "DurationInMinutes", "CallDurationInSeconds"),
        # "Call Result" = CallDisposition. "Status" (Completed / Not Started) is
        # deliberately NOT an outcome.
        "outcome": ("Call Result", "CallDisposition"),
        "account": ("Company / Account", "Account Name", "Account.Name"),
    },
    duration_units={
        "Duration": "minutes",
        "DurationInMinutes": "minutes",
        "Call Duration": "seconds",
        "CallDurationInSeconds": "seconds",
    },
)

_SALESFORCE_OPPORTUNITIES = Preset(
    source="salesforce",
    kind="opportunities",
    headers={
        "opportunity_id": ("Opportunity ID", "Id"),
        "opportunity_name": ("Opportunity Name", "Name"),
        # OwnerId is an id; API exports should select Owner.Name.
        "owner": ("Opportunity Owner", "Owner.Name", "Owner Name"),
        "account": ("Account Name", "Account.Name"),
        "stage": ("Stage", "StageName"),
        # "Amount (converted)" appears in multi-currency orgs (from memory).
        "amount": ("Amount", "Amount (converted)"),
        "created_date": ("Created Date", "CreatedDate"),
        "close_date": ("Close Date", "CloseDate"),
        # No status column: "Won" / "Closed" are two booleans (IsWon / IsClosed), not an
        # open/won/lost text; the stage ("Closed Won" / "Closed Lost") carries it.
        "lead_source": ("Lead Source", "LeadSource"),
        # "As of Date" is required by the bundled sample data (no public evidence found).
        # Reporting snapshots map the run's "Execution Time" into a custom date field
        # (from memory); "Snapshot Date" is the common custom-field name.
        "snapshot_date": ("As of Date", "Snapshot Date", "Execution Time"),
    },
)

_SALESFORCE_ROSTER = Preset(
    source="salesforce",
    kind="roster",
    headers={
        # User report / field labels (Full Name, Email, Role, Manager, Active).
        "rep": ("Full Name",),
        "email": ("Email",),
        # No "team" on User: orgs use the role, department or division.
        "team": ("Role", "UserRole.Name", "Department", "Division"),
        "manager": ("Manager", "Manager.Name"),
        "active": ("Active", "IsActive"),
    },
)

_SALESFORCE_TARGET_ACCOUNTS = Preset(
    source="salesforce",
    kind="target_accounts",
    headers={
        # Account report columns (field labels "Account Name", "Account Owner").
        "account": ("Account Name",),
        "rep": ("Account Owner",),
    },
)

# --------------------------------------------------------------------------- HubSpot

_HUBSPOT_ACTIVITIES = Preset(
    source="hubspot",
    kind="activities",
    headers={
        "activity_id": ("Record ID",),
        # Calls / meetings / notes: "Activity assigned to"; tasks: "Assigned to".
        "rep": ("Activity assigned to", "Assigned to"),
        # Tasks export "Due date" instead of "Activity date".
        "date": ("Activity date", "Meeting start time", "Due date"),
        # "Activity type" holds CALL / MEETING / NOTE...; "Call and meeting type" holds the
        # account's own types (Discovery, Demo...); tasks have "Task type".
        "type": ("Activity type", "Call and meeting type", "Task type"),
        # "Title" is required by the bundled sample data (also seen in a notes export).
        "subject": ("Title", "Call Title", "Meeting name", "Task title"),
        # HH:MM:SS text in exports per the sample data; the property itself is stored in
        # milliseconds, so bare numbers are read as milliseconds.
        "duration": ("Call duration",),
        # "Call status" / "Task status" are lifecycle states, not outcomes.
        "outcome": ("Call outcome", "Meeting outcome"),
        # Names; "Associated Company IDs" holds ids and is left out on purpose.
        "account": ("Associated Company", "Associated Companies"),
    },
    duration_units={"Call duration": "milliseconds"},
)

_HUBSPOT_DEALS = Preset(
    source="hubspot",
    kind="opportunities",
    headers={
        # "Deal ID" is the pre-2022 export name of the record id (from memory).
        "opportunity_id": ("Record ID", "Deal ID"),
        "opportunity_name": ("Deal Name",),
        "owner": ("Deal owner",),
        "account": ("Associated Company", "Associated Companies"),
        "stage": ("Deal Stage",),
        "amount": ("Amount", "Amount in company currency"),
        "created_date": ("Create Date",),
        "close_date": ("Close Date",),
        "lead_source": ("Original Traffic Source", "Original Source Type", "Original Source"),
        # "Snapshot Date" is required by the bundled sample data (HubSpot has no such
        # default property; it comes from a custom property or the export date).
        "snapshot_date": ("Snapshot Date",),
    },
)

_HUBSPOT_TARGET_ACCOUNTS = Preset(
    source="hubspot",
    kind="target_accounts",
    headers={
        # Companies export ("Record ID,Company name,...,Company owner,...").
        "account": ("Company name",),
        "rep": ("Company owner",),
    },
)

# HubSpot user export (Settings > Users & Teams > Export users) lists user ID, first name,
# last name, email, last login, assigned teams, role and permissions per the knowledge
# base, but the literal English headers were not found and there is no full-name column,
# so no roster preset is registered for HubSpot.

# --------------------------------------------------------------------------- Pipedrive

_PIPEDRIVE_ACTIVITIES = Preset(
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
        # "Activity - Done" (Done / To do) is a status, not an outcome: not mapped.
        "account": ("Activity - Organization", "Organization - Name", "Organization"),
    },
    # "HH:MM" text in practice; minutes for bare numbers is an assumption (see above).
    duration_units={"Activity - Duration": "minutes"},
)

_PIPEDRIVE_DEALS = Preset(
    source="pipedrive",
    kind="opportunities",
    headers={
        "opportunity_id": ("Deal - ID", "Deal - Pipedrive System ID"),
        "opportunity_name": ("Deal - Title",),
        "owner": ("Deal - Owner",),
        "account": ("Deal - Organization", "Organization - Name", "Organization"),
        "stage": ("Deal - Stage", "Deal - Stage (pipeline)"),
        "amount": ("Deal - Value",),
        "created_date": (
            "Deal - Deal created",
            "Deal - Creation date",
            "Deal - Add time",
            "Deal - Deal created on",
        ),
        # Expected close date first (open deals); the actual close is a fallback.
        "close_date": (
            "Deal - Expected close date",
            "Deal - Deal closed on",
            "Deal - Closed on",
            "Expected close date",
        ),
        "status": ("Deal - Status",),
        # "Source channel" is the default field; "Lead Source" a common custom field.
        "lead_source": ("Deal - Source channel", "Deal - Lead Source", "Deal - Source"),
    },
)

_PIPEDRIVE_TARGET_ACCOUNTS = Preset(
    source="pipedrive",
    kind="target_accounts",
    headers={
        "account": ("Organization - Name",),
        "rep": ("Organization - Owner",),
    },
)

# --------------------------------------------------------------------------- generic

_GENERIC_ACTIVITIES = Preset(
    source="generic",
    kind="activities",
    headers={
        "activity_id": ("activity_id",),
        "rep": ("rep",),
        "date": ("date",),
        "time": ("time",),
        "type": ("type",),
        "subject": ("subject",),
        "duration": (
            "duration_minutes",
            "duration_seconds",
            "duration_hours",
            "duration_ms",
        ),
        "outcome": ("outcome",),
        "account": ("account",),
        "first_meeting": ("first_meeting",),
        "target_account": ("target_account",),
    },
    duration_units={
        "duration_minutes": "minutes",
        "duration_seconds": "seconds",
        "duration_hours": "hours",
        "duration_ms": "milliseconds",
    },
)

_GENERIC_OPPORTUNITIES = Preset(
    source="generic",
    kind="opportunities",
    headers={
        "opportunity_id": ("opportunity_id",),
        "opportunity_name": ("opportunity_name",),
        "owner": ("owner",),
        "account": ("account",),
        "stage": ("stage",),
        "amount": ("amount",),
        "created_date": ("created_date",),
        "close_date": ("close_date",),
        "status": ("status",),
        # In a generic opportunities file "source" means lead source.
        "lead_source": ("source", "lead_source"),
        "snapshot_date": ("snapshot_date",),
    },
)

_GENERIC_ROSTER = Preset(
    source="generic",
    kind="roster",
    headers={
        "rep": ("rep",),
        "email": ("email",),
        "team": ("team",),
        "manager": ("manager",),
        "start_date": ("start_date",),
        "end_date": ("end_date",),
        "active": ("active",),
    },
)

_GENERIC_TARGETS = Preset(
    source="generic",
    kind="targets",
    headers={
        "metric": ("metric",),
        "value": ("value",),
        "period": ("period",),
        "team": ("team",),
        "rep": ("rep",),
        "effective_from": ("effective_from",),
        "effective_to": ("effective_to",),
    },
)

_GENERIC_TARGET_ACCOUNTS = Preset(
    source="generic",
    kind="target_accounts",
    headers={
        "account": ("account",),
        "rep": ("rep",),
        "team": ("team",),
    },
)

PRESETS: tuple[Preset, ...] = (
    _SALESFORCE_ACTIVITIES,
    _SALESFORCE_OPPORTUNITIES,
    _SALESFORCE_ROSTER,
    _SALESFORCE_TARGET_ACCOUNTS,
    _HUBSPOT_ACTIVITIES,
    _HUBSPOT_DEALS,
    _HUBSPOT_TARGET_ACCOUNTS,
    _PIPEDRIVE_ACTIVITIES,
    _PIPEDRIVE_DEALS,
    _PIPEDRIVE_TARGET_ACCOUNTS,
    _GENERIC_ACTIVITIES,
    _GENERIC_OPPORTUNITIES,
    _GENERIC_ROSTER,
    _GENERIC_TARGETS,
    _GENERIC_TARGET_ACCOUNTS,
)

# --------------------------------------------------------------------------- synonyms

# Plain wordings for generic spreadsheets and public sample data sets. Kept free of
# words that mean something else in another kind's file (no bare "name" for a rep, no
# "status" as an activity outcome, no bare "date" outside activities).
_REP_WORDS: tuple[str, ...] = (
    "rep",
    "rep name",
    "sales rep",
    "sales representative",
    "sales agent",  # Maven CRM sales_pipeline.csv / sales_teams.csv
    "agent",
    "salesperson",
    "sales person",
    "seller",
    "account executive",
    "ae",
    "sdr",
    "bdr",
)

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "activities": {
        "activity_id": (
            "activity id",
            "id",
            "record id",
            "call id",
            "meeting id",
            "task id",
            "event id",
        ),
        "rep": (
            *_REP_WORDS,
            "owner",
            "owner name",
            "activity owner",
            "assigned to",
            "assigned",
            "assignee",
            "user",
            "caller",
            "host",
            "employee",
        ),
        "date": (
            "date",
            "activity date",
            "due date",
            "call date",
            "meeting date",
            "start",
            "start date",
            "start time",
            "start datetime",
            "timestamp",
            "datetime",
            "date time",
            "occurred at",
        ),
        "time": ("time", "due time", "call time", "time of day"),
        "type": (
            "type",
            "activity type",
            "activity",
            "task type",
            "event type",
            "channel",
        ),
        "subject": ("subject", "title", "summary", "topic", "call title", "meeting name"),
        "duration": (
            "duration",
            "call duration",
            "talk time",
            "length",
            "minutes",
            "duration (min)",
            "duration (mins)",
            "duration (minutes)",
            "duration (seconds)",
            "duration min",
            "duration mins",
            "duration sec",
            "duration secs",
            "duration in minutes",
            "duration in seconds",
            "call length",
        ),
        "outcome": (
            "outcome",
            "result",
            "call result",
            "call outcome",
            "meeting outcome",
            "disposition",
            "call disposition",
        ),
        "account": (
            "account",
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "customer",
            "client",
            "prospect",
        ),
        "first_meeting": (
            "first meeting",
            "is first meeting",
            "first meeting flag",
            "initial meeting",
            "intro meeting",
        ),
        "target_account": (
            "target account",
            "is target account",
            "target account flag",
            "on target list",
            "tal",
        ),
    },
    "opportunities": {
        "opportunity_id": (
            "opportunity id",
            "opp id",
            "deal id",
            "id",
            "record id",
        ),
        "opportunity_name": (
            "opportunity name",
            "opportunity",
            "opp name",
            "deal name",
            "deal title",
            "deal",
        ),
        "owner": (
            *_REP_WORDS,
            "owner",
            "owner name",
            "opportunity owner",
            "deal owner",
            "assigned to",
            "user",
        ),
        "account": (
            "account",
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "customer",
            "client",
        ),
        "stage": (
            "stage",
            "stage name",
            "deal stage",  # Maven CRM sales_pipeline.csv
            "opportunity stage",
            "pipeline stage",
            "sales stage",
        ),
        "amount": (
            "amount",
            "value",
            "deal value",
            "deal size",
            "deal amount",
            "opportunity amount",
            "revenue",
            "close value",  # Maven CRM sales_pipeline.csv
            "total amount",
            "contract value",
        ),
        "created_date": (
            "created date",
            "create date",
            "created",
            "created on",
            "created at",
            "date created",
            "creation date",
            "open date",
            "opened date",
            "engage date",  # Maven CRM sales_pipeline.csv
        ),
        "close_date": (
            "close date",
            "closed date",
            "closing date",
            "closed on",
            "expected close date",
            "expected close",
        ),
        "status": (
            "status",
            "deal status",
            "opportunity status",
            "outcome",
            "result",
            "won/lost",
        ),
        "lead_source": (
            "lead source",
            "source",
            "deal source",
            "original source",
            "lead origin",
            "acquisition channel",
        ),
        "snapshot_date": (
            "snapshot date",
            "snapshot",
            "as of date",
            "as of",
            "report date",
            "export date",
            "extract date",
        ),
    },
    "roster": {
        "rep": (
            *_REP_WORDS,
            "full name",
            "employee",
            "employee name",
            "team member",
            "member",
            "user",
        ),
        "email": ("email", "email address", "e-mail", "work email", "rep email", "user email"),
        "team": (
            "team",
            "team name",
            "sales team",
            "squad",
            "pod",
            "group",
            "regional office",  # Maven CRM sales_teams.csv
            "region",
            "territory",
            "department",
            "division",
        ),
        "manager": (
            "manager",
            "manager name",
            "sales manager",
            "team lead",
            "team leader",
            "supervisor",
            "reports to",
        ),
        "start_date": (
            "start date",
            "start",
            "started",
            "hire date",
            "date hired",
            "joined",
            "join date",
            "ramp start",
        ),
        "end_date": (
            "end date",
            "end",
            "left",
            "leave date",
            "departure date",
            "termination date",
            "last day",
        ),
        "active": ("active", "is active", "active?", "enabled"),
    },
    "targets": {
        "metric": ("metric", "metric name", "kpi", "measure", "goal type", "target metric"),
        "value": ("value", "target", "target value", "goal", "quota", "expected"),
        "period": ("period", "frequency", "cadence", "per", "interval", "timeframe"),
        "team": ("team", "team name", "sales team", "pod", "group"),
        "rep": (*_REP_WORDS, "owner", "user", "employee"),
        "effective_from": (
            "effective from",
            "effective date",
            "valid from",
            "from",
            "start date",
            "start",
            "starts",
        ),
        "effective_to": (
            "effective to",
            "valid to",
            "valid until",
            "to",
            "until",
            "end date",
            "end",
            "expires",
        ),
    },
    "target_accounts": {
        "account": (
            "account",
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "customer",
            "client",
            "target account",
        ),
        "rep": (*_REP_WORDS, "owner", "account owner", "assigned to"),
        "team": ("team", "team name", "sales team", "pod", "segment", "territory", "region"),
    },
}


def presets_for(kind: str) -> tuple[Preset, ...]:
    """The presets registered for one kind, in registration order."""
    return tuple(p for p in PRESETS if p.kind == kind)
