"""Salesforce: report exports (field labels) and Data Loader / API exports (API names), in English.

Evidence (public material, looked up with the project's search tool):
- Field labels: Salesforce Field Reference (developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef
  .meta/sfFieldRef/salesforce_field_reference_Opportunity.htm, ..._OpenActivity.htm,
  ..._ActivityHistory.htm, ..._Event.htm, ..._User.htm; 196.0 ..._Task.htm; the newer
  developer.salesforce.com/docs/platform/field-reference pages): Opportunity "Opportunity ID" (Id),
  "Amount", "Close Date", "Closed" (IsClosed), "Created Date", "Last Activity" (LastActivityDate),
  "Last Modified Date", "Lead Source", "Opportunity Currency" (CurrencyIsoCode), "Expected
  Revenue" (ExpectedRevenue = Amount x Probability: NOT the deal amount); Task "Activity ID",
  "Assigned To" (OwnerId), "Due Date" (ActivityDate), "Call Duration" (CallDurationInSeconds),
  "Call Result" (CallDisposition), "Call Type" (CallType: Inbound / Internal / Outbound);
  OpenActivity / ActivityHistory "Date" (ActivityDate), "Type" (ActivityType), "Activity
  Subtype" (ActivitySubtype), "Duration" (DurationInMinutes); Event "Event Subtype"
  (EventSubtype), "Duration" (DurationInMinutes); User "Active" (IsActive).
- Task object reference (developer.salesforce.com/docs/atlas.en-us.252.0.api.meta/api/
  sforce_api_objects_task.htm): ActivityDate "Label is Due Date", CallDurationInSeconds
  "Duration of the call in seconds".
- Report exports seen in public code: an Activities report read via Coefficient ("Assigned",
  "Call Result", "Activity Type", "Subject", "Date", "Status", "Company / Account", "Contact",
  "Call Type", "Task Subtype", "Activity ID"), a task report importer ("Assigned",
  "Opportunity", "Company / Account", "Subject", "Status", "Priority", "Date", dates m/d/Y),
  an SDR opportunity report ("Opportunity Name", "Created Date", "Amount", "Stage", "Fiscal
  Period", "Account Name", "Opportunity ID").
- Data Loader / API exports: zachpodbielniak/venture tests/fixtures/crm-import/
  salesforce-opportunities.csv ("Id,Name,Amount,CurrencyIsoCode,StageName,CloseDate,OwnerId,
  AccountId,ContactId,CreatedDate") and salesforce-tasks.csv ("Id,Subject,Description,
  ActivityDate,Status,OwnerId,WhoId,WhatId,TaskSubtype,CompletedDateTime,CreatedDate").
  Owners are 18-character User Ids (OwnerId), resolved through a User export's Id column.
- Stage picklist (Prospecting ... Closed Won, Closed Lost): api-evangelist/salesforce-sales-cloud
  json-schema/salesforce-sales-cloud-opportunity-schema.json.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

FIELD_REFERENCE = (
    "developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/"
    "salesforce_field_reference_Opportunity.htm, ..._OpenActivity.htm, ..._Event.htm, ..._User.htm"
)
TASK_FIELDS = (
    "developer.salesforce.com/docs/atlas.en-us.196.0.sfFieldRef.meta/sfFieldRef/"
    "salesforce_field_reference_Task.htm"
)
TASK_OBJECT = "developer.salesforce.com/docs/atlas.en-us.252.0.api.meta/api/sforce_api_objects_task.htm"
EVENT_OBJECT = (
    "developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/"
    "sforce_api_objects_event.htm"
)
ACTIVITY_REPORT = (
    "public code: a Coefficient 'calls' tab of a Salesforce Activities report (Assigned, Call Result, "
    "Activity Type, Subject, Date, Status, Company / Account, Call Type, Task Subtype, Activity ID); "
    "a Salesforce task report importer (Assigned, Company / Account, Subject, Date)"
)
OPPORTUNITY_REPORT = (
    "opportunity report exports in public code "
    "(Opportunity Owner, Account Name, Opportunity Name, Stage, ...)"
)
DATA_LOADER = (
    "zachpodbielniak/venture tests/fixtures/crm-import/salesforce-opportunities.csv, salesforce-tasks.csv"
)

ACTIVITIES = Preset(
    source="salesforce",
    kind="activities",
    headers={
        "activity_id": ("Activity ID", "Id"),
        # Reports show the assignee as "Assigned"; field label "Assigned To"; Data Loader
        # exports carry OwnerId (an 18-char User Id, resolved through the user export's Id).
        "rep": ("Assigned", "Assigned To", "OwnerId"),
        # "Date" = ActivityDate (tasks: label "Due Date"); events carry Start/StartDateTime.
        "date": ("Date", "Due Date", "Start", "ActivityDate", "ActivityDateTime", "StartDateTime"),
        # "Activity Type" was seen in a report export; "Type" is the Task/Event picklist
        # (Call / Email / Meeting / Other); OpenActivity's API name is ActivityType.
        "type": ("Type", "Activity Type"),
        # "Task Subtype"/"Event Subtype"/"Activity Subtype" (Task, Email, Call, Event...).
        # "Call Type" (CallType) is the call's direction (Inbound / Internal / Outbound), not
        # a kind of activity: deliberately left out (generic SYNONYMS still list it).
        "subtype": (
            "Task Subtype",
            "Event Subtype",
            "Activity Subtype",
        ),
        "subject": ("Subject",),
        # "Duration" = DurationInMinutes (events), "Call Duration" = CallDurationInSeconds.
        "duration": ("Duration", "Call Duration", "DurationInMinutes", "CallDurationInSeconds"),
        # "Call Result" = CallDisposition. "Status" (Completed / Not Started) is NOT an outcome.
        "outcome": ("Call Result", "CallDisposition"),
        # The task's Status (TaskStatus picklist): only completed tasks count (ingest.task_status).
        "status": ("Status",),
        # Names only: AccountId / WhatId hold ids.
        "account": ("Company / Account", "Account Name"),
    },
    cites={
        "activity_id": TASK_FIELDS + "; " + ACTIVITY_REPORT,
        "rep": ACTIVITY_REPORT + "; " + TASK_FIELDS + " (Assigned To = OwnerId); " + DATA_LOADER,
        "date": FIELD_REFERENCE + " (OpenActivity Date = ActivityDate); " + TASK_OBJECT + "; " + EVENT_OBJECT,
        "type": ACTIVITY_REPORT + "; " + FIELD_REFERENCE + " (OpenActivity Type = ActivityType)",
        "subtype": ACTIVITY_REPORT
        + "; "
        + FIELD_REFERENCE
        + " (Event Subtype, Activity Subtype); "
        + DATA_LOADER,
        "subject": TASK_OBJECT + "; " + ACTIVITY_REPORT,
        "duration": FIELD_REFERENCE + " (Duration = DurationInMinutes); " + TASK_FIELDS + " (Call Duration)",
        "outcome": TASK_FIELDS + " (Call Result = CallDisposition); " + ACTIVITY_REPORT,
        "status": ACTIVITY_REPORT + " (Status); " + DATA_LOADER + " (Status); developer.salesforce.com "
        "object reference TaskStatus (Not Started, Completed; IsClosed)",
        "account": ACTIVITY_REPORT,
    },
    duration_units={
        "Duration": "minutes",
        "DurationInMinutes": "minutes",
        "Call Duration": "seconds",
        "CallDurationInSeconds": "seconds",
    },
)

OPPORTUNITIES = Preset(
    source="salesforce",
    kind="opportunities",
    headers={
        "opportunity_id": ("Opportunity ID", "Id"),
        "opportunity_name": ("Opportunity Name", "Name"),
        # Data Loader exports carry OwnerId (an 18-char User Id).
        "owner": ("Opportunity Owner", "OwnerId"),
        "account": ("Account Name",),
        "stage": ("Stage", "StageName"),
        # "Amount (converted)" appears in multi-currency orgs' reports. "Expected Revenue"
        # (Amount x Probability) must NOT be read as the amount.
        "amount": ("Amount", "Amount (converted)"),
        "currency": ("Opportunity Currency", "Currency", "CurrencyIsoCode", "Amount Currency"),
        "created_date": ("Created Date",),
        "close_date": ("Close Date",),
        "is_won": ("Won", "IsWon"),
        "is_closed": ("Closed", "IsClosed"),
        "lead_source": ("Lead Source",),
        "modified_date": ("Last Modified Date", "Last Activity", "LastActivityDate"),
        # "As of Date" is the bundled sample's; reporting snapshots map the run's
        # "Execution Time" into a custom date field; "Snapshot Date" the common name.
        "snapshot_date": ("As of Date", "Snapshot Date", "Execution Time"),
    },
    cites={
        "opportunity_id": FIELD_REFERENCE + " (Opportunity ID = Id); " + DATA_LOADER,
        "opportunity_name": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "owner": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "account": OPPORTUNITY_REPORT,
        "stage": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "amount": FIELD_REFERENCE
        + "; "
        + DATA_LOADER
        + " (Amount (converted): multi-currency report column)",
        "currency": FIELD_REFERENCE
        + " (Opportunity Currency = CurrencyIsoCode); "
        + DATA_LOADER
        + "; "
        + OPPORTUNITY_REPORT
        + " (Currency, Amount Currency)",
        "created_date": FIELD_REFERENCE + "; " + DATA_LOADER,
        "close_date": FIELD_REFERENCE + "; " + DATA_LOADER,
        "is_won": FIELD_REFERENCE + " (Won = IsWon)",
        "is_closed": FIELD_REFERENCE + " (Closed = IsClosed)",
        "lead_source": FIELD_REFERENCE + " (Lead Source = LeadSource)",
        "modified_date": FIELD_REFERENCE + " (Last Modified Date, Last Activity = LastActivityDate)",
        "snapshot_date": (
            "help.salesforce.com reporting snapshots (Execution Time field mapping); bundled sample data"
        ),
    },
)

ROSTER = Preset(
    source="salesforce",
    kind="roster",
    headers={
        # A Users report shows "Full Name"; a Data Loader User export has Name (= full name).
        "rep": ("Full Name", "Name"),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        # "Id" is what OwnerId in task / event / opportunity exports points at.
        "user_id": ("User ID", "Id"),
        "email": ("Email",),
        # No "team" on User: orgs use the role, department or division.
        "team": ("Role", "UserRole.Name", "Department", "Division"),
        "manager": ("Manager", "Manager.Name"),
        "active": ("Active", "IsActive"),
    },
    cites={
        "rep": "developer.salesforce.com field reference 'Name' object (Name = the user's name); "
        "Full Name: Users report column (unverified: not in the field-reference excerpts seen)",
        "first_name": FIELD_REFERENCE + " (User)",
        "last_name": FIELD_REFERENCE + " (User)",
        "user_id": FIELD_REFERENCE + " (User Id); " + DATA_LOADER + " (OwnerId values are User Ids)",
        "email": FIELD_REFERENCE + " (User)",
        "team": FIELD_REFERENCE + " (User Department, Division; Role ID = UserRoleId)",
        "manager": FIELD_REFERENCE + " (User Manager ID = ManagerId; report column Manager)",
        "active": FIELD_REFERENCE + " (User Active = IsActive)",
    },
)

# NOTE (report): this is a plain Accounts export, which the brief says is not a target-account
# list; kept because other modules may rely on it, flagged for the lead.
TARGET_ACCOUNTS = Preset(
    source="salesforce",
    kind="target_accounts",
    headers={
        "account": ("Account Name",),
        "rep": ("Account Owner",),
    },
    cites={"account": FIELD_REFERENCE + " (Account)", "rep": FIELD_REFERENCE + " (Account)"},
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER, TARGET_ACCOUNTS)
