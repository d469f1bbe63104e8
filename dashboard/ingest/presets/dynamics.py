"""Microsoft Dynamics 365 Sales: views exported to Excel / CSV (column display names), in English.

A view export writes each column's display name. Evidence (public material, looked up with the
project's search tool):
- Opportunity table reference, MicrosoftDocs/dynamics-365-customer-engagement
  ce/sales/developer/entities/opportunity.md (learn.microsoft.com/dynamics365/sales/developer/
  entities/opportunity): name "Topic", customerid "Potential Customer", parentaccountid
  "Account", ownerid "Owner", estimatedvalue "Est. revenue" (older releases "Est. Revenue"),
  actualvalue "Actual Revenue" ("defaults to the Est. Revenue value when an opportunity is
  won"), estimatedclosedate "Est. close date", actualclosedate "Actual Close Date",
  statecode "Status" (Open / Won / Lost), statuscode "Status Reason" (In Progress, On Hold,
  Won, Canceled, Out-Sold), salesstage "Sales Stage" (Qualify, Develop, Propose, Close),
  stepname "Pipeline Phase", closeprobability "Probability", transactioncurrencyid
  "Currency" (a lookup: the export shows the currency's NAME, e.g. "US Dollar"),
  isrevenuesystemcalculated "Revenue" (User Provided / System Calculated: NOT an amount),
  createdon "Created On", modifiedon "Modified On". No lead source on opportunities.
- Activity tables, ce/developer/entities/activitypointer.md and phonecall.md: activitytypecode
  "Activity Type", subject "Subject", ownerid "Owner", regardingobjectid "Regarding",
  scheduledstart "Start Date", scheduledend "Due Date" (phone call: "Due"), actualstart
  "Actual Start", actualend "Actual End", actualdurationminutes "Actual Duration" (phone
  call: "Duration", "the number of minutes spent on the phone call"), statecode "Activity
  Status" (Open / Completed / Canceled / Scheduled), statuscode "Status Reason" (phone call:
  Open / Made / Canceled / Received), directioncode "Direction" (Outgoing / Incoming),
  leftvoicemail "Left Voice Mail" (Yes / No). A view export has no record ID column.
- User (systemuser) reference (the same repository's entity docs): fullname "Full Name",
  internalemailaddress "Primary Email", parentsystemuserid "Manager", domainname "User Name"
  (the sign-in name, NOT the person's name), isdisabled "Status" (Enabled / Disabled),
  businessunitid "Business Unit".
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

OPPORTUNITY = (
    "MicrosoftDocs/dynamics-365-customer-engagement ce/sales/developer/entities/opportunity.md "
    "(learn.microsoft.com/dynamics365/sales/developer/entities/opportunity)"
)
ACTIVITY = (
    "MicrosoftDocs/dynamics-365-customer-engagement ce/developer/entities/activitypointer.md, "
    "phonecall.md (learn.microsoft.com .../entities/activitypointer, .../phonecall)"
)
OPPORTUNITY_CLOSE = (
    "learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/mt593099(v=crm.8) "
    "(activitypointer: actualdurationminutes 'Actual Duration', activitytypecode 'Activity Type')"
)
SYSTEMUSER = (
    "MicrosoftDocs/dynamics-365-customer-engagement ce/developer/entities/systemuser.md "
    "(learn.microsoft.com/dynamics365/customerengagement/on-premises/developer/entities/systemuser)"
)

ACTIVITIES = Preset(
    source="dynamics",
    kind="activities",
    headers={
        "rep": ("Owner",),
        # Phone calls say "Due", other activities "Due Date" (scheduledend); "Start Date" is
        # scheduledstart, "Actual Start" when the activity really happened. "Actual End" is
        # left out: a second date column of the same row.
        "date": ("Actual Start", "Due", "Due Date", "Start Date"),
        # Phone Call / Appointment / Task / Email / ...
        "type": ("Activity Type",),
        "subject": ("Subject",),
        # Whole minutes: "Duration" on phone calls, "Actual Duration" on every activity.
        "duration": ("Duration", "Actual Duration"),
        # The record the activity is about: an account, contact, lead or opportunity name.
        "account": ("Regarding",),
        # statecode: Open / Completed / Canceled / Scheduled; only completed ones happened.
        "status": ("Activity Status",),
    },
    cites={
        "rep": ACTIVITY,
        "date": ACTIVITY,
        "type": ACTIVITY + "; " + OPPORTUNITY_CLOSE,
        "subject": ACTIVITY,
        "duration": ACTIVITY + " (phonecall actualdurationminutes 'Duration'); " + OPPORTUNITY_CLOSE,
        "account": ACTIVITY + " (regardingobjectid 'Regarding')",
        "status": ACTIVITY + " (statecode 'Activity Status'); learn.microsoft.com dynamicscrm-2013 gg328148 "
        "(activitypointer statecode Open, Completed, Canceled, Scheduled)",
    },
    duration_units={"Duration": "minutes", "Actual Duration": "minutes"},
)

OPPORTUNITIES = Preset(
    source="dynamics",
    kind="opportunities",
    headers={
        # No ID column in a view export: deals are keyed by topic + customer.
        "opportunity_name": ("Topic",),
        "owner": ("Owner",),
        "account": ("Potential Customer", "Account"),
        # "Sales Stage" is the option set (Qualify / Develop / Propose / Close); "Pipeline
        # Phase" the business-process stage text (e.g. "2-Develop").
        "stage": ("Sales Stage", "Pipeline Phase"),
        # "Est. Revenue" is the deal value. The column called just "Revenue" is the option set
        # User Provided / System Calculated and must never be read as the amount; it cannot be
        # listed here because generic SYNONYMS already give "revenue" to amount.
        "amount": ("Est. Revenue",),
        "actual_amount": ("Actual Revenue",),
        "currency": ("Currency",),
        "created_date": ("Created On",),
        "close_date": ("Est. Close Date",),
        "closed_date": ("Actual Close Date",),
        # statecode: Open / Won / Lost. "Status Reason" (In Progress, On Hold, Won, Canceled,
        # Out-Sold) is left unmapped: its lost values are not the word "lost".
        "status": ("Status",),
        "modified_date": ("Modified On",),
    },
    cites={
        f: OPPORTUNITY
        for f in (
            "opportunity_name",
            "owner",
            "account",
            "stage",
            "amount",
            "actual_amount",
            "currency",
            "created_date",
            "close_date",
            "closed_date",
            "status",
            "modified_date",
        )
    },
)

ROSTER = Preset(
    source="dynamics",
    kind="roster",
    headers={
        "rep": ("Full Name",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Primary Email",),
        "team": ("Business Unit",),
        "manager": ("Manager",),
        # "Status" (isdisabled): Enabled / Disabled, read as yes / no (parse_bool). A disabled
        # user is one who left: "set to disabled to keep historical information, such as the
        # account of a salesperson that has left the company". "User Name" is the sign-in name.
        "active": ("Status",),
    },
    cites={
        "rep": SYSTEMUSER + " (fullname 'Full Name')",
        "first_name": SYSTEMUSER + " (firstname)",
        "last_name": SYSTEMUSER + " (lastname)",
        "email": SYSTEMUSER + " (internalemailaddress 'Primary Email')",
        "team": SYSTEMUSER + " (businessunitid 'Business Unit')",
        "manager": SYSTEMUSER + " (parentsystemuserid 'Manager')",
        "active": SYSTEMUSER
        + " (isdisabled 'Status'); learn.microsoft.com/previous-versions/dynamicscrm-2013/"
        "developers-guide/gg309593 (a salesperson who left is disabled); learn.microsoft.com/power-apps/"
        "developer/data-platform/org-service/samples/disable-a-user (the user's status 'Disabled')",
    },
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
