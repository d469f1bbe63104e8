"""Kind, source and column mapping detected from literal header rows of real exports."""

from __future__ import annotations

import pytest

from dashboard.ingest.detect import detect, from_mapping, header_forms, signature


def _headers(row: str) -> list[str]:
    return row.split(",")


# header row -> (kind, source, expected mapping field -> header, duration unit)
EXPORTS: dict[str, tuple[str, str, str, dict[str, str], str]] = {
    "salesforce opportunity report": (
        "Opportunity Owner,Account Name,Opportunity Name,Stage,Fiscal Period,Amount,"
        "Probability (%),Age,Close Date,Created Date,Next Step,Lead Source,Type",
        "opportunities",
        "salesforce",
        {
            "owner": "Opportunity Owner",
            "account": "Account Name",
            "opportunity_name": "Opportunity Name",
            "stage": "Stage",
            "amount": "Amount",
            "close_date": "Close Date",
            "created_date": "Created Date",
            "lead_source": "Lead Source",
        },
        "minutes",
    ),
    "salesforce opportunity report with id and as-of date": (
        "Opportunity ID,Opportunity Owner,Opportunity Name,Stage,Amount,Close Date,As of Date",
        "opportunities",
        "salesforce",
        {
            "opportunity_id": "Opportunity ID",
            "owner": "Opportunity Owner",
            "opportunity_name": "Opportunity Name",
            "stage": "Stage",
            "amount": "Amount",
            "close_date": "Close Date",
            "snapshot_date": "As of Date",
        },
        "minutes",
    ),
    "salesforce activity report": (
        "Assigned,Activity Type,Subject,Date,Status,Company / Account,Contact,Call Result,"
        "Call Duration,Activity ID",
        "activities",
        "salesforce",
        {
            "rep": "Assigned",
            "type": "Activity Type",
            "subject": "Subject",
            "date": "Date",
            "account": "Company / Account",
            "outcome": "Call Result",
            "duration": "Call Duration",
            "activity_id": "Activity ID",
            "status": "Status",
        },
        "seconds",
    ),
    "salesforce task report": (
        "Subject,Assigned,Opportunity,Company / Account,Status,Priority,Date,Comments",
        "activities",
        "salesforce",
        {
            "subject": "Subject",
            "rep": "Assigned",
            "account": "Company / Account",
            "date": "Date",
            "status": "Status",
        },
        "minutes",
    ),
    "salesforce event report": (
        "Assigned,Start,Duration,Subject,Type",
        "activities",
        "salesforce",
        {
            "rep": "Assigned",
            "date": "Start",
            "duration": "Duration",
            "subject": "Subject",
            "type": "Type",
        },
        "minutes",
    ),
    "salesforce user report": (
        "Full Name,Email,Role,Manager,Active",
        "roster",
        "salesforce",
        {
            "rep": "Full Name",
            "email": "Email",
            "team": "Role",
            "manager": "Manager",
            "active": "Active",
        },
        "minutes",
    ),
    "hubspot deals": (
        "Record ID,Deal Name,Amount,Currency,Deal Stage,Pipeline,Close Date,Deal owner,"
        "Associated Company IDs,Associated Contact IDs,Create Date",
        "opportunities",
        "hubspot",
        {
            "opportunity_id": "Record ID",
            "opportunity_name": "Deal Name",
            "amount": "Amount",
            "stage": "Deal Stage",
            "close_date": "Close Date",
            "owner": "Deal owner",
            "created_date": "Create Date",
            "currency": "Currency",
        },
        "minutes",
    ),
    "hubspot deals with company and source": (
        "Deal Name,Deal Stage,Pipeline,Amount,Close Date,Deal owner,Associated Company,"
        "Original Traffic Source,Snapshot Date",
        "opportunities",
        "hubspot",
        {
            "opportunity_name": "Deal Name",
            "stage": "Deal Stage",
            "amount": "Amount",
            "close_date": "Close Date",
            "owner": "Deal owner",
            "account": "Associated Company",
            "lead_source": "Original Traffic Source",
            "snapshot_date": "Snapshot Date",
        },
        "minutes",
    ),
    "hubspot calls": (
        "Record ID,Activity date,Activity assigned to,Call Title,Call outcome,Call duration,"
        "Call and meeting type,Associated Company",
        "activities",
        "hubspot",
        {
            "activity_id": "Record ID",
            "date": "Activity date",
            "rep": "Activity assigned to",
            "subject": "Call Title",
            "outcome": "Call outcome",
            "duration": "Call duration",
            "subtype": "Call and meeting type",
            "account": "Associated Company",
        },
        "milliseconds",
    ),
    "hubspot activities (notes export)": (
        "Record ID,Activity type,Title,Body,Activity date,Activity assigned to",
        "activities",
        "hubspot",
        {
            "activity_id": "Record ID",
            "type": "Activity type",
            "subject": "Title",
            "date": "Activity date",
            "rep": "Activity assigned to",
        },
        "minutes",
    ),
    "hubspot tasks": (
        "Record ID,Task title,Task notes,Due date,Task status,Task type,Assigned to,Priority",
        "activities",
        "hubspot",
        {
            "activity_id": "Record ID",
            "subject": "Task title",
            "date": "Due date",
            "type": "Task type",
            "rep": "Assigned to",
            "status": "Task status",
        },
        "minutes",
    ),
    "hubspot companies": (
        "Record ID,Company name,Company owner,Industry",
        "target_accounts",
        "hubspot",
        {"account": "Company name", "rep": "Company owner"},
        "minutes",
    ),
    "pipedrive deals": (
        "Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,Deal - Organization,"
        "Deal - Deal created,Deal - Expected close date",
        "opportunities",
        "pipedrive",
        {
            "opportunity_name": "Deal - Title",
            "owner": "Deal - Owner",
            "amount": "Deal - Value",
            "stage": "Deal - Stage",
            "status": "Deal - Status",
            "account": "Deal - Organization",
            "created_date": "Deal - Deal created",
            "close_date": "Deal - Expected close date",
        },
        "minutes",
    ),
    "pipedrive deals, full": (
        "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Organization,"
        "Deal - Stage,Deal - Status,Deal - Deal created,Deal - Expected close date,"
        "Deal - Deal closed on,Deal - Lead Source",
        "opportunities",
        "pipedrive",
        {
            "opportunity_id": "Deal - ID",
            "opportunity_name": "Deal - Title",
            "owner": "Deal - Owner",
            "amount": "Deal - Value",
            "account": "Deal - Organization",
            "stage": "Deal - Stage",
            "status": "Deal - Status",
            "created_date": "Deal - Deal created",
            "close_date": "Deal - Expected close date",
            "closed_date": "Deal - Deal closed on",
            "currency": "Deal - Currency",
            "lead_source": "Deal - Lead Source",
        },
        "minutes",
    ),
    "pipedrive activities": (
        "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,"
        "Activity - Duration,Activity - Assigned to user,Activity - Organization,Activity - Done,"
        "Deal - Title,Person - Name",
        "activities",
        "pipedrive",
        {
            "activity_id": "Activity - ID",
            "subject": "Activity - Subject",
            "type": "Activity - Type",
            "date": "Activity - Due date",
            "time": "Activity - Due time",
            "duration": "Activity - Duration",
            "rep": "Activity - Assigned to user",
            "account": "Activity - Organization",
            "status": "Activity - Done",  # Done / To do: only done ones count
        },
        "minutes",
    ),
    "pipedrive organizations": (
        "Organization - Name,Organization - Owner,Organization - Address",
        "target_accounts",
        "pipedrive",
        {"account": "Organization - Name", "rep": "Organization - Owner"},
        "minutes",
    ),
    "maven sales_pipeline.csv": (
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        "opportunities",
        "generic",
        {
            "opportunity_id": "opportunity_id",
            "owner": "sales_agent",
            "account": "account",
            "stage": "deal_stage",
            "created_date": "engage_date",
            "close_date": "close_date",
            "amount": "close_value",
        },
        "minutes",
    ),
    "maven sales_teams.csv": (
        "sales_agent,manager,regional_office",
        "roster",
        "generic",
        {"rep": "sales_agent", "manager": "manager", "team": "regional_office"},
        "minutes",
    ),
    "generic activities": (
        "activity_id,rep,date,time,type,subject,duration_minutes,outcome,account,first_meeting,"
        "target_account",
        "activities",
        "generic",
        {
            "activity_id": "activity_id",
            "rep": "rep",
            "date": "date",
            "time": "time",
            "type": "type",
            "subject": "subject",
            "duration": "duration_minutes",
            "outcome": "outcome",
            "account": "account",
            "first_meeting": "first_meeting",
            "target_account": "target_account",
        },
        "minutes",
    ),
    "generic activities, seconds": (
        "rep,date,duration_seconds",
        "activities",
        "generic",
        {"rep": "rep", "date": "date", "duration": "duration_seconds"},
        "seconds",
    ),
    "generic activities, hours": (
        "rep,date,duration_hours",
        "activities",
        "generic",
        {"rep": "rep", "date": "date", "duration": "duration_hours"},
        "hours",
    ),
    "generic activities, milliseconds": (
        "rep,date,duration_ms",
        "activities",
        "generic",
        {"rep": "rep", "date": "date", "duration": "duration_ms"},
        "milliseconds",
    ),
    "generic opportunities": (
        "opportunity_id,opportunity_name,owner,account,stage,amount,created_date,close_date,"
        "status,source,snapshot_date",
        "opportunities",
        "generic",
        {
            "opportunity_id": "opportunity_id",
            "opportunity_name": "opportunity_name",
            "owner": "owner",
            "account": "account",
            "stage": "stage",
            "amount": "amount",
            "created_date": "created_date",
            "close_date": "close_date",
            "status": "status",
            "lead_source": "source",
            "snapshot_date": "snapshot_date",
        },
        "minutes",
    ),
    "generic roster": (
        "rep,email,team,manager,start_date,end_date,active",
        "roster",
        "generic",
        {
            "rep": "rep",
            "email": "email",
            "team": "team",
            "manager": "manager",
            "start_date": "start_date",
            "end_date": "end_date",
            "active": "active",
        },
        "minutes",
    ),
    "generic roster, two columns": (
        "rep,team",
        "roster",
        "generic",
        {"rep": "rep", "team": "team"},
        "minutes",
    ),
    "generic targets": (
        "metric,value,period,team,rep,effective_from,effective_to",
        "targets",
        "generic",
        {
            "metric": "metric",
            "value": "value",
            "period": "period",
            "team": "team",
            "rep": "rep",
            "effective_from": "effective_from",
            "effective_to": "effective_to",
        },
        "minutes",
    ),
    "generic target accounts": (
        "account,rep,team",
        "target_accounts",
        "generic",
        {"account": "account", "rep": "rep", "team": "team"},
        "minutes",
    ),
    "plain-English roster": (
        "Rep Name,Team,Manager,Hire Date",
        "roster",
        "generic",
        {"rep": "Rep Name", "team": "Team", "manager": "Manager", "start_date": "Hire Date"},
        "minutes",
    ),
    "plain-English targets": (
        "KPI,Target,Frequency,Team",
        "targets",
        "generic",
        {"metric": "KPI", "value": "Target", "period": "Frequency", "team": "Team"},
        "minutes",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_real_header_rows(name: str) -> None:
    row, kind, source, mapping, unit = EXPORTS[name]
    found = detect(_headers(row))
    assert (found.kind, found.source) == (kind, source)
    assert found.sure, f"{name}: missing {found.missing}, rivals {found.alternatives}"
    assert found.missing == []
    assert found.mapping_by_header == mapping
    assert found.duration_unit == unit


# --------------------------------------------------------------------------- synonyms

OPPORTUNITY_OWNERS = [
    "Owner",
    "owner",
    "Assigned To",
    "assigned_to",
    "Deal Owner",
    "Opportunity Owner",
    "Sales Rep",
    "sales_rep",
    "Agent",
    "Sales Agent",
    "Account Executive",
    "Salesperson",
]


@pytest.mark.parametrize("owner", OPPORTUNITY_OWNERS)
def test_opportunity_owner_synonyms(owner: str) -> None:
    found = detect([owner, "Stage", "Amount", "Close Date"])
    assert found.kind == "opportunities"
    assert found.sure
    assert found.mapping_by_header["owner"] == owner


ACTIVITY_REPS = ["Owner", "Assigned To", "Assigned", "Sales Rep", "Agent", "Rep", "User", "Caller"]


@pytest.mark.parametrize("rep", ACTIVITY_REPS)
def test_activity_rep_synonyms(rep: str) -> None:
    found = detect([rep, "Activity Date", "Type", "Subject"])
    assert found.kind == "activities"
    assert found.sure
    assert found.mapping_by_header["rep"] == rep


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Deal Value", "amount"),
        ("Deal Size", "amount"),
        ("Revenue", "amount"),
        ("Close Value", "amount"),
        ("Amount (USD)", "amount"),
        ("Amount (converted)", "amount"),
        ("Deal Stage", "stage"),
        ("Sales Stage", "stage"),
        ("Expected Close Date", "close_date"),
        ("Created On", "created_date"),
        ("Lead Source", "lead_source"),
        ("Source", "lead_source"),
        ("Report Date", "snapshot_date"),
        ("As of", "snapshot_date"),
        ("Deal Status", "status"),
        ("Won/Lost", "status"),
        ("Company", "account"),
        ("Customer", "account"),
    ],
)
def test_opportunity_field_synonyms(header: str, field: str) -> None:
    base = {"owner": "Owner", "stage": "Stage", "amount": "Amount"}
    found = detect([h for f, h in base.items() if f != field] + [header])
    assert found.kind == "opportunities"
    assert found.mapping_by_header[field] == header


# --------------------------------------------------------------------------- duration units


@pytest.mark.parametrize(
    ("headers", "unit"),
    [
        (["Assigned", "Date", "Call Duration"], "seconds"),  # Salesforce CallDurationInSeconds
        (["Assigned", "Date", "Duration"], "minutes"),  # Salesforce DurationInMinutes
        (["Activity assigned to", "Activity date", "Call duration"], "milliseconds"),
        (["Rep", "Date", "Duration (min)"], "minutes"),
        (["Rep", "Date", "Duration (mins)"], "minutes"),
        (["Rep", "Date", "Duration (minutes)"], "minutes"),
        (["Rep", "Date", "Duration (seconds)"], "seconds"),
        (["Rep", "Date", "Duration (sec)"], "seconds"),
        (["Rep", "Date", "Duration (s)"], "seconds"),
        (["Rep", "Date", "Duration (hours)"], "hours"),
        (["Rep", "Date", "Duration (hrs)"], "hours"),
        (["Rep", "Date", "Duration (ms)"], "milliseconds"),
        (["Rep", "Date", "Talk time (sec)"], "seconds"),
        (["Rep", "Date", "Talk Time (seconds)"], "seconds"),
        (["Rep", "Date", "Call Length"], "minutes"),
        (["Rep", "Date", "Call Length (s)"], "seconds"),
        (["Rep", "Date", "Duration in seconds"], "seconds"),
        (["Rep", "Date", "Minutes"], "minutes"),
        (["Rep", "Date", "duration_min"], "minutes"),
        (["Rep", "Date", "duration_sec"], "seconds"),
        (["Rep", "Date", "Duration"], "minutes"),
        (["Rep", "Date", "Duration (hh:mm:ss)"], "minutes"),
    ],
)
def test_duration_units(headers: list[str], unit: str) -> None:
    found = detect(headers)
    assert found.kind == "activities"
    assert found.mapping_by_header["duration"] == headers[2]
    assert found.duration_unit == unit


# --------------------------------------------------------------------------- header spelling


@pytest.mark.parametrize(
    "owner",
    [
        "\ufeffOpportunity Owner",
        '"Opportunity Owner"',
        "  Opportunity   Owner ",
        "OPPORTUNITY OWNER",
        "opportunity_owner",
        "Opportunity-Owner",
        "Opportunity\u00a0Owner",
        "Opportunity Owner:",
        "Opportunity Owner*",
        '\ufeff"Opportunity Owner"',
    ],
)
def test_odd_header_spelling(owner: str) -> None:
    found = detect([owner, "Stage", " Amount ", "close date"])
    assert (found.kind, found.source, found.sure) == ("opportunities", "salesforce", True)
    assert found.mapping["owner"] == 0
    assert found.mapping["amount"] == 2
    assert found.mapping["close_date"] == 3


def test_header_forms() -> None:
    assert header_forms("Amount (USD)") == ("amount usd", "amount")
    assert header_forms('\ufeff"Rep"') == ("rep",)
    assert header_forms("Deal - Stage") == ("deal stage",)


def test_empty_and_duplicate_headers_are_skipped() -> None:
    found = detect(["rep", "rep", "date", "", "", "type"])
    assert found.kind == "activities"
    assert found.mapping == {"rep": 0, "date": 2, "type": 5}
    assert found.unmatched_headers == ["rep"]


# --------------------------------------------------------------------------- unsure


@pytest.mark.parametrize(
    ("row", "kind", "missing"),
    [
        ("Opportunity ID,Opportunity Owner,Currency,Amount,Close Date", "opportunities", ["stage"]),
        ("Owner,Amount", "opportunities", ["stage"]),
    ],
)
def test_incomplete_header_is_unsure(row: str, kind: str, missing: list[str]) -> None:
    found = detect(_headers(row))
    assert found.kind == kind
    assert not found.sure
    assert found.missing == missing


@pytest.mark.parametrize("row", ["foo,bar,baz", "Column1,Column2", "", "Notes,Comments"])
def test_unknown_headers_detect_nothing(row: str) -> None:
    found = detect(_headers(row) if row else [])
    assert found.kind is None
    assert not found.sure
    assert found.mapping == {}


def test_forced_kind_reports_what_is_missing() -> None:
    found = detect(["rep", "team"], kind="opportunities")
    assert found.kind == "opportunities"
    assert not found.sure
    assert found.missing == ["stage", "amount"]


@pytest.mark.parametrize(
    "row", ["Name,Value", "Rep,Phone,Notes", "Account,Industry,Phone,City,Employees,Revenue,Website"]
)
def test_only_the_required_columns_recognised_is_unsure(row: str) -> None:
    found = detect(_headers(row))
    assert found.kind is not None
    assert not found.sure
    assert found.doubts or found.missing  # asked about, with the reason


def test_forced_kind_with_nothing_matched() -> None:
    found = detect(["foo", "bar"], kind="roster")
    assert found.kind is None
    assert found.missing == ["rep"]


def test_forced_source_uses_its_spellings() -> None:
    found = detect(["Record ID", "Deal Name", "Deal Stage", "Amount", "Deal owner"], source="hubspot")
    assert (found.kind, found.source) == ("opportunities", "hubspot")
    assert found.mapping_by_header["opportunity_id"] == "Record ID"


@pytest.mark.parametrize("row", ["rep", "Name", "Name,Email", "First Name,Last Name,Email"])
def test_a_list_of_people_is_a_roster(row: str) -> None:
    found = detect(_headers(row))
    assert (found.kind, found.sure) == ("roster", True)


def test_from_mapping_resolves_headers() -> None:
    headers = ["Who", "When", "What"]
    found = from_mapping(headers, "activities", "generic", {"rep": "Who", "date": "When"})
    assert found.sure
    assert found.mapping == {"rep": 0, "date": 1}
    partial = from_mapping(headers, "activities", "generic", {"rep": "Who", "date": "Nope"})
    assert not partial.sure
    assert partial.missing == ["date"]


def test_signature_ignores_case_and_spacing() -> None:
    assert signature(["Rep", "Date "]) == signature(["rep", "  DATE"])
    assert signature(["Rep", "Date"]) != signature(["Date", "Rep"])


def test_from_mapping_ignores_case_and_spacing_like_the_signature() -> None:
    found = from_mapping(["WHO ", "when"], "activities", "generic", {"rep": "Who", "date": "When"})
    assert found.sure
    assert found.mapping == {"rep": 0, "date": 1}
