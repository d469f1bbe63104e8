"""Salesforce: report exports (field labels) and Data Loader / API exports (API names), in English.

Evidence (public material, looked up with the project's search tool):
- Field labels: Salesforce Field Reference for Opportunity / OpenActivity / User
  (developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/
  salesforce_field_reference_Opportunity.htm, ..._OpenActivity.htm, ..._User.htm):
  "Activity ID", "Assigned To", "Call Duration" = CallDurationInSeconds (seconds),
  "Call Result" = CallDisposition, "Date" = ActivityDate, "Duration" = DurationInMinutes,
  "Close Date", "Created Date", "Opportunity ID", "Won" (IsWon), "Closed" (IsClosed).
- Task object reference (sforce_api_objects_task.htm): ActivityDate label "Due Date",
  CallDurationInSeconds "Duration of the call in seconds".
- Report exports seen in public code: an Activities report read via Coefficient
  ("Assigned", "Call Result", "Activity Type", "Subject", "Date", "Status",
  "Company / Account", "Contact", "Call Type", "Task Subtype", "Activity ID"), a task report
  importer ("Assigned", "Opportunity", "Company / Account", "Subject", "Status", "Date"),
  opportunity reports ("Opportunity Owner,Account Name,Opportunity Name,Stage,...,Fiscal
  Period,Close Date,...,Type"; "Opportunity ID,Opportunity Owner,Currency,Amount,Close Date").
- Data Loader / API exports: zachpodbielniak/venture tests/fixtures/crm-import/
  salesforce-opportunities.csv and salesforce-tasks.csv ("Id,Name,Amount,...,StageName,
  CloseDate,OwnerId,...,CreatedDate"; "Id,Subject,...,ActivityDate,Status,OwnerId,...").
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

FIELD_REFERENCE = (
    "developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/"
    "salesforce_field_reference_Opportunity.htm, ..._OpenActivity.htm, ..._User.htm"
)
TASK_OBJECT = (
    "developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/"
    "sforce_api_objects_task.htm"
)
ACTIVITY_REPORT = "Coefficient Salesforce Activities report import (public code); task report importer"
OPPORTUNITY_REPORT = "opportunity report exports in public code (Opportunity Owner, Account Name, ...)"
DATA_LOADER = (
    "zachpodbielniak/venture tests/fixtures/crm-import/salesforce-opportunities.csv, salesforce-tasks.csv"
)

ACTIVITIES = Preset(
    source="salesforce",
    kind="activities",
    headers={
        "activity_id": ("Activity ID", "Id"),
        # Reports show the assignee as "Assigned"; field label "Assigned To"; Data Loader
        # exports carry OwnerId (an id, resolved through the user export's Id column).
        "rep": ("Assigned", "Assigned To", "Owner Name", "OwnerId"),
        # "Date" = ActivityDate (tasks: label "Due Date"); events carry Start/StartDateTime.
        "date": ("Date", "Due Date", "Start", "ActivityDate", "ActivityDateTime", "StartDateTime"),
        # "Activity Type" was seen in a report export; "Type" is the Task/Event picklist.
        "type": ("Type", "Activity Type"),
        # "Task Subtype"/"Event Subtype" (Call, Email, Task...) refine the type.
        "subtype": ("Task Subtype", "Event Subtype", "TaskSubtype", "EventSubtype", "Call Type"),
        "subject": ("Subject",),
        # "Duration" = DurationInMinutes (events), "Call Duration" = CallDurationInSeconds.
        "duration": ("Duration", "Call Duration", "DurationInMinutes", "CallDurationInSeconds"),
        # "Call Result" = CallDisposition. "Status" (Completed / Not Started) is NOT an outcome.
        "outcome": ("Call Result", "CallDisposition"),
        "account": ("Company / Account", "Account Name"),
    },
    cites={
        "activity_id": FIELD_REFERENCE,
        "rep": ACTIVITY_REPORT + "; " + DATA_LOADER,
        "date": TASK_OBJECT,
        "type": ACTIVITY_REPORT,
        "subtype": TASK_OBJECT,
        "subject": TASK_OBJECT,
        "duration": FIELD_REFERENCE,
        "outcome": FIELD_REFERENCE,
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
        "owner": ("Opportunity Owner", "Owner Name", "OwnerId"),
        "account": ("Account Name",),
        "stage": ("Stage", "StageName"),
        # "Amount (converted)" appears in multi-currency orgs.
        "amount": ("Amount", "Amount (converted)"),
        "currency": ("Opportunity Currency", "Currency", "CurrencyIsoCode", "Amount Currency"),
        "created_date": ("Created Date", "CreatedDate"),
        "close_date": ("Close Date", "CloseDate"),
        "is_won": ("Won", "IsWon"),
        "is_closed": ("Closed", "IsClosed"),
        "lead_source": ("Lead Source", "LeadSource"),
        "modified_date": ("Last Modified Date", "LastModifiedDate", "Last Activity", "LastActivityDate"),
        # "As of Date" is the bundled sample's; reporting snapshots map the run's
        # "Execution Time" into a custom date field; "Snapshot Date" the common name.
        "snapshot_date": ("As of Date", "Snapshot Date", "Execution Time"),
    },
    cites={
        "opportunity_id": FIELD_REFERENCE,
        "opportunity_name": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "owner": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "account": OPPORTUNITY_REPORT,
        "stage": OPPORTUNITY_REPORT + "; " + DATA_LOADER,
        "amount": FIELD_REFERENCE,
        "currency": OPPORTUNITY_REPORT + " (Opportunity ID,Opportunity Owner,Currency,Amount,Close Date)",
        "created_date": FIELD_REFERENCE,
        "close_date": FIELD_REFERENCE,
        "is_won": FIELD_REFERENCE + " (Won = IsWon)",
        "is_closed": FIELD_REFERENCE + " (Closed = IsClosed)",
        "lead_source": FIELD_REFERENCE,
        "modified_date": FIELD_REFERENCE,
        "snapshot_date": "help.salesforce.com reporting snapshots (Execution Time field mapping)",
    },
)

ROSTER = Preset(
    source="salesforce",
    kind="roster",
    headers={
        # User report / field labels (Full Name, First Name, Last Name, Email, Role, Manager, Active).
        "rep": ("Full Name",),
        "first_name": ("First Name", "FirstName"),
        "last_name": ("Last Name", "LastName"),
        "user_id": ("User ID", "Id"),
        "email": ("Email",),
        # No "team" on User: orgs use the role, department or division.
        "team": ("Role", "UserRole.Name", "Department", "Division"),
        "manager": ("Manager", "Manager.Name"),
        "active": ("Active", "IsActive"),
    },
    cites={
        f: FIELD_REFERENCE + " (User)"
        for f in ("rep", "first_name", "last_name", "user_id", "email", "team", "manager", "active")
    },
)

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
