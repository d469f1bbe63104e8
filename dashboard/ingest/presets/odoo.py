"""Odoo CRM: list exports of crm.lead, crm.activity.report, mail.activity and res.users, in English.

Odoo's export dialog writes each column under the field's label (its `string`), or under
the technical field name when "I want to update data (import-compatible export)" is
ticked; both spellings are listed. Relational columns hold display names either way.

Evidence (public material, looked up with the project's search tool):
- crm.lead field labels: Odoo's addons/crm/models/crm_lead.py (OCA/OCB 14.0 and a
  18/19-era copy): name "Opportunity", user_id "Salesperson", team_id "Sales Team",
  stage_id "Stage", expected_revenue "Expected Revenue", company_currency "Currency",
  probability "Probability", date_deadline "Expected Closing", date_closed "Closed Date",
  partner_id "Customer" (14-18; "Contact" in the newest code), active "Active",
  lost_reason / lost_reason_id "Lost Reason", won_status "Won/Lost" (Won / Lost /
  Pending: won = probability 100 in a won stage, lost = archived with probability 0),
  company_id "Company" (the seller's own company, not the customer).
- Magic columns of every model: create_date "Created on", write_date "Last Updated on",
  id "ID" (field tables generated from an Odoo 19 database, public module docs).
- crm.activity.report ("CRM > Reporting > Activities", done activities): date
  "Completion Date" (15.0: "Completition Date", 14.0: "Date"), author_id "Assigned To"
  (14.0: "Created By"), user_id "Salesperson", lead_id "Opportunity", body "Activity
  Description" (15.0: "Subject" / "Summary"), mail_activity_type_id "Activity Type",
  partner_id "Customer" (14.0: "Partner/Customer"), won_status "Is Won".
- mail.activity (planned activities; done ones are deleted and become messages):
  activity_type_id "Activity Type", summary "Summary", date_deadline "Due Date", user_id
  "Assigned to", res_name "Document Name", res_model_id "Document Model".
- res.users: name "Name", email "Email", sale_team_id "User Sales Team".
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

LEAD = "odoo addons/crm/models/crm_lead.py (OCA/OCB 14.0; Odoo 18/19 copies in public repositories)"
MAGIC = "odoo models.py magic fields: create_date 'Created on', write_date 'Last Updated on', id 'ID'"
ACTIVITY_REPORT = "odoo addons/crm/report/crm_activity_report.py (14.0, 15.0 and 19.0 copies)"
MAIL_ACTIVITY = "odoo addons/mail/models/mail_activity.py (date_deadline 'Due Date', user_id 'Assigned to')"
USERS = "odoo res.users field table (name 'Name', email 'Email', sale_team_id 'User Sales Team')"
IMPORT_COMPATIBLE = "Odoo export dialog, import-compatible export (technical field names)"

ACTIVITIES = Preset(
    source="odoo",
    kind="activities",
    headers={
        "activity_id": ("ID",),
        # Activity report: the author ("Assigned To"; 14.0 "Created By"); planned
        # activities: "Assigned to" (the same normalised spelling); import-compatible:
        # user_id holds the user's display name.
        "rep": ("Assigned To", "Created By", "user_id"),
        "date": ("Completion Date", "Completition Date", "Due Date", "date_deadline"),
        # "Email", "Call", "Meeting", "To-Do" (older "To Do"), "Upload Document".
        "type": ("Activity Type", "activity_type_id"),
        "subject": ("Summary", "Activity Description", "Subject"),
        "account": ("Customer", "Partner/Customer"),
    },
    cites={
        "activity_id": MAGIC,
        "rep": ACTIVITY_REPORT + "; " + MAIL_ACTIVITY + "; " + IMPORT_COMPATIBLE,
        "date": ACTIVITY_REPORT + "; " + MAIL_ACTIVITY + "; " + IMPORT_COMPATIBLE,
        "type": ACTIVITY_REPORT + "; " + MAIL_ACTIVITY + "; " + IMPORT_COMPATIBLE,
        "subject": ACTIVITY_REPORT + "; " + MAIL_ACTIVITY,
        "account": ACTIVITY_REPORT,
    },
)

OPPORTUNITIES = Preset(
    source="odoo",
    kind="opportunities",
    headers={
        "opportunity_id": ("ID",),
        "opportunity_name": ("Opportunity", "name"),
        "owner": ("Salesperson", "user_id"),
        # "Company" is the seller's own res.company: left out on purpose.
        "account": ("Customer", "partner_id"),
        "stage": ("Stage", "stage_id"),
        "amount": ("Expected Revenue",),  # = expected_revenue, normalised
        "currency": ("Currency", "company_currency"),
        "created_date": ("Created on", "create_date"),
        "close_date": ("Expected Closing", "date_deadline"),
        "closed_date": ("Closed Date", "date_closed"),
        # Won / Lost / Pending (Odoo 17+). Lost deals are archived: "Active" = False.
        "status": ("Won/Lost", "won_status"),
        "active": ("Active",),
        "lead_source": ("Source", "source_id"),
        "modified_date": ("Last Updated on", "write_date"),
    },
    cites={
        "opportunity_id": MAGIC,
        "opportunity_name": LEAD + "; " + IMPORT_COMPATIBLE,
        "owner": LEAD + "; " + IMPORT_COMPATIBLE,
        "account": LEAD + "; " + IMPORT_COMPATIBLE,
        "stage": LEAD + "; " + IMPORT_COMPATIBLE,
        "amount": LEAD + "; " + IMPORT_COMPATIBLE,
        "currency": LEAD + " (company_currency 'Currency')",
        "created_date": MAGIC + "; " + IMPORT_COMPATIBLE,
        "close_date": LEAD + "; " + IMPORT_COMPATIBLE,
        "closed_date": LEAD + "; " + IMPORT_COMPATIBLE,
        "status": LEAD + " (won_status 'Won/Lost')",
        "active": LEAD + " (active 'Active': lost opportunities are archived)",
        "lead_source": LEAD + " (utm.mixin source_id 'Source')",
        "modified_date": MAGIC + "; " + IMPORT_COMPATIBLE,
    },
)

ROSTER = Preset(
    source="odoo",
    kind="roster",
    headers={
        "user_id": ("ID",),
        "rep": ("Name",),
        "email": ("Email",),
        "team": ("User Sales Team", "sale_team_id"),
    },
    cites={
        "user_id": MAGIC,
        "rep": USERS,
        "email": USERS,
        "team": USERS,
    },
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
