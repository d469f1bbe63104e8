"""Each way a real export was misread or refused before, loaded the way a manager would load it.

One test per failure found by trying real exports as a new user (issue 13): rosters from
user exports, activity categories from every column, pipelines without an as-of date,
exports without record IDs, the wrong column taken, owner IDs, won stages without the
word "won", dates in mixed orders, files of the wrong kind, currencies.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard import currency, metrics, roster
from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file
from dashboard.ingest.categories import Assignment, assign
from tests.stored import fetch

D = dt.date


def load(database: Database, path: Path, **options: object) -> IngestResult:
    return ingest_file(database, path, IngestOptions(**options))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rosters


@pytest.mark.parametrize(
    ("text", "reps"),
    [
        (  # HubSpot: Settings > Users & Teams > Export users (no full-name column)
            "User ID,First Name,Last Name,Email,Last login,Primary team\n"
            "51234567,Lena,Hoffmann,lena@x.com,2026-10-01,East\n"
            "51234568,Marc,Dubois,marc@x.com,2026-10-02,West\n",
            [("Lena Hoffmann", "East"), ("Marc Dubois", "West")],
        ),
        (  # Pipedrive users export: no team column
            "User - Name,User - Email,User - Active flag\nAna Souza,ana@x.com,true\nBen Ode,ben@x.com,true\n",
            [("Ana Souza", "No team yet"), ("Ben Ode", "No team yet")],
        ),
        ("Name\nAna Souza\nBen Ode\n", [("Ana Souza", "No team yet"), ("Ben Ode", "No team yet")]),
    ],
    ids=["hubspot-users", "pipedrive-users", "just-a-name"],
)
def test_user_exports_load_as_rosters(database: Database, write, text: str, reps: list) -> None:
    result = load(database, write("users.csv", text))
    assert (result.status, result.kind) == ("loaded", "roster"), result.message
    assert fetch(database, "SELECT rep, team FROM reps ORDER BY rep") == reps
    if reps[0][1] == "No team yet":
        assert any("no team column" in n for n in result.notes)


def test_a_roster_without_teams_keeps_the_teams_reps_have(database: Database, write) -> None:
    load(database, write("roster.csv", "rep,team\nAna Souza,East\n"))
    result = load(database, write("users.csv", "User - Name,User - Email\nAna Souza,ana@x.com\n"))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, team, email FROM reps WHERE superseded_by IS NULL") == [
        ("Ana Souza", "East", "ana@x.com")
    ]


def test_a_bad_optional_cell_blanks_that_cell_not_the_row(database: Database, write) -> None:
    text = "rep,team,hire date\nAna Souza,East,someday\nBen Ode,East,2026-01-05\n"
    result = load(database, write("roster.csv", text))
    assert (result.rows_loaded, result.rows_rejected) == (2, 0)
    assert result.warnings == [{"row": 2, "column": "hire date", "value": "someday", "message": "not a date"}]
    assert fetch(database, "SELECT rep, start_date FROM reps ORDER BY rep") == [
        ("Ana Souza", None),
        ("Ben Ode", D(2026, 1, 5)),
    ]


# --------------------------------------------------------------------------- activity categories


def test_hubspot_tasks_and_meetings_are_read_from_every_column(database: Database, write) -> None:
    tasks = (
        "Record ID,Task title,Due date,Task status,Task type,Assigned to\n"
        "1,Prospecting block,2026-10-05,COMPLETED,TODO,Ana Souza\n"
        "2,Send pricing,2026-10-05,COMPLETED,EMAIL,Ana Souza\n"
    )
    meetings = (
        "Record ID,Meeting name,Activity date,Activity assigned to,Call and meeting type,Meeting outcome\n"
        "11,Globex intro,2026-10-06 10:00,Ana Souza,First Meeting,Completed\n"
        "12,Globex follow-up,2026-10-07 10:00,Ana Souza,Follow Up,Completed\n"
    )
    assert load(database, write("tasks.csv", tasks)).categories == {"prospecting": 1, "email": 1}
    assert load(database, write("meetings.csv", meetings)).categories == {"first_meeting": 1, "meeting": 1}


def test_a_file_that_leaves_a_metric_empty_says_so(database: Database, write) -> None:
    text = "rep,date,type,subject\n" + "".join(
        f"Ana Souza,2026-10-0{d},Task,Block {d}\nAna Souza,2026-10-0{d},Call,Dial\n" for d in range(5, 10)
    )
    result = load(database, write("log.csv", text))
    assert result.categories == {"call": 5, "other": 5}
    assert any(n.startswith("no first meetings recognized among these 10 activities") for n in result.notes)
    assert any(n.startswith("no prospecting time recognized") for n in result.notes)
    assert {"field": "type", "value": "Task", "rows": 5} in result.uncategorized


def test_a_calls_only_export_is_not_warned_about_meetings(database: Database, write) -> None:
    text = "rep,date,type\nAna Souza,2026-10-05,Call\nAna Souza,2026-10-06,Call\n"
    assert load(database, write("calls.csv", text)).notes == []


def test_assigning_a_category_recategorizes_stored_rows_and_later_files(database: Database, write) -> None:
    text = "Record ID,Task title,Due date,Task type,Assigned to\n1,Power hour,2026-10-05,TODO,Ana Souza\n"
    first = load(database, write("w1.csv", text))
    assert first.categories == {"other": 1}
    changed = assign(database, Assignment(first.source, "subject", "power hour", "prospecting"))
    assert changed == 1
    assert fetch(database, "SELECT category FROM activities") == [("prospecting",)]
    later = "Record ID,Task title,Due date,Task type,Assigned to\n2,POWER HOUR,2026-10-12,TODO,Ana Souza\n"
    assert load(database, write("w2.csv", later)).categories == {"prospecting": 1}
    other_crm = "rep,date,subject\nAna Souza,2026-10-12,Power hour\n"  # another source: not affected
    assert load(database, write("w3.csv", other_crm)).categories == {"other": 1}


# --------------------------------------------------------------------------- pipelines


def test_a_pipeline_without_an_as_of_date_is_dated_by_its_data(database: Database, write) -> None:
    text = (
        "Deal Name,Deal Stage,Amount,Deal owner,Create Date,Close Date\n"
        "A,Qualification,100,Ana Souza,2026-03-02,2027-01-15\n"  # an expected close ahead: ignored
        "B,Closed Won,200,Ana Souza,2026-01-05,2026-09-30\n"
    )
    result = load(database, write("deals.csv", text), upload_date=D(2026, 11, 28))
    assert result.status == "loaded", result.message
    assert (result.snapshot_date, result.snapshot_from_data) == (D(2026, 9, 30), True)
    assert fetch(database, "SELECT DISTINCT snapshot_date FROM opportunity_snapshots") == [(D(2026, 9, 30),)]
    assert any("2026-09-30, the latest date in the file" in n for n in result.notes)
    assert roster.latest_week(database) == D(2026, 9, 28)


def test_a_pipeline_only_export_spans_its_whole_history(database: Database, write) -> None:
    text = (
        "opportunity_id,owner,stage,amount,created_date,close_date\n"
        "1,Ana Souza,Closed Won,100,2024-02-05,2024-05-10\n"
        "2,Ana Souza,Closed Lost,100,2025-06-02,2025-07-01\n"
        "3,Ana Souza,Proposal,100,2026-08-03,2026-12-01\n"
    )
    assert load(database, write("history.csv", text), upload_date=D(2026, 11, 28)).status == "loaded"
    assert roster.data_span(database) == (D(2024, 2, 5), D(2026, 7, 27))


def test_deals_without_record_ids_are_all_kept(database: Database, write) -> None:
    # Dynamics 365 view exports carry no ID: two deals of one owner, created the same day
    text = (
        "Topic,Potential Customer,Owner,Status,Est. Revenue,Created On\n"
        "POS integration,Fabrikam,Liam Walsh,Open,$42000.00,3/2/2026 10:00 AM\n"
        "Loyalty app,Fabrikam,Liam Walsh,Open,$18500.00,3/2/2026 10:00 AM\n"
        "Loyalty app,Fabrikam,Liam Walsh,Open,$18500.00,3/2/2026 10:00 AM\n"  # a second deal just alike
    )
    result = load(database, write("opps.csv", text), snapshot_date=D(2026, 10, 1))
    assert (result.rows_loaded, result.duplicates_skipped) == (3, 0), result.message
    again = load(database, write("opps-again.csv", text + "\n"), snapshot_date=D(2026, 10, 1))
    assert (again.rows_loaded, again.rows_replaced) == (
        3,
        3,
    )  # the same snapshot again replaces, adds nothing
    assert fetch(database, "SELECT count(*) FROM opportunity_snapshots WHERE superseded_by IS NULL") == [(3,)]


def test_mass_emails_alike_to_the_minute_are_all_kept(database: Database, write) -> None:
    text = "rep,date,type,subject\n" + "Ana Souza,2026-10-05 09:00,Email,Webinar invite\n" * 40
    result = load(database, write("mass.csv", text))
    assert (result.rows_loaded, result.duplicates_skipped) == (40, 0)
    overlap = load(database, write("next.csv", text + "Ana Souza,2026-10-12 09:00,Email,Follow-up\n"))
    assert (overlap.rows_loaded, overlap.duplicates_skipped) == (1, 40)
    assert f"40 already stored (upload {result.upload_id}: 40)" in overlap.message


def test_a_record_id_repeated_in_one_file_is_named_as_such(database: Database, write) -> None:
    text = "activity_id,rep,date,type\nA1,Ana Souza,2026-10-05,Call\nA1,Ana Souza,2026-10-05,Call\n"
    result = load(database, write("ids.csv", text))
    assert (result.rows_loaded, result.duplicates_skipped) == (1, 1)
    assert "1 repeated an earlier row's record ID in this file" in result.message
    assert "row 3: same record ID as row 2 of this file" in result.notes


def test_the_amount_is_never_an_option_set(database: Database, write) -> None:
    rows = "".join(
        f'Deal {i},Contoso,Ana Souza,{"Won" if i % 2 else "Open"},"$1,{i}00.00",{"$900.00" if i % 2 else ""},'
        f"{'User Provided' if i % 3 else 'System Calculated'},4/{i}/2026,{'4/20/2026' if i % 2 else ''}\n"
        for i in range(1, 9)
    )
    text = (
        "Topic,Potential Customer,Owner,Status,Est. Revenue,Actual Revenue,Revenue,"
        "Est. close date,Actual Close Date\n"
    )
    result = load(database, write("dyn.csv", text + rows), snapshot_date=D(2026, 10, 1))
    assert result.status == "loaded", result.message
    mapping = result.detection.mapping_by_header
    assert (mapping["amount"], mapping["actual_amount"], mapping["closed_date"]) == (
        "Est. Revenue",
        "Actual Revenue",
        "Actual Close Date",
    )
    assert "Revenue" not in mapping.values()
    # won deals count their actual revenue and actual close date
    assert fetch(
        database, "SELECT amount, close_date FROM opportunity_snapshots WHERE opportunity_name = 'Deal 1'"
    ) == [(900, D(2026, 4, 20))]
    assert fetch(
        database, "SELECT amount, close_date FROM opportunity_snapshots WHERE opportunity_name = 'Deal 2'"
    ) == [(1200, D(2026, 4, 2))]


def test_owner_ids_resolve_through_the_user_export(database: Database, write) -> None:
    tasks = (
        "Id,Subject,ActivityDate,Status,OwnerId,TaskSubtype\n"
        "00T1,Call Globex,2026-10-05,Completed,0055g00000ABCDEAA1,Call\n"
        "00T2,Call Initech,2026-10-05,Completed,0055g00000ZZZZZAA9,Call\n"
    )
    result = load(database, write("tasks.csv", tasks))
    assert result.status == "loaded", result.message
    assert any(
        "2 owner IDs are not in the roster yet (0055g00000ABCDEAA1, 0055g00000ZZZZZAA9)" in n
        for n in result.notes
    )
    users = "Id,Name,Email,IsActive\n0055g00000ABCDEAA1,Maya Chen,maya@x.com,true\n"
    assert load(database, write("users.csv", users)).status == "loaded"
    named = fetch(
        database,
        "SELECT DISTINCT coalesce(a.rep, t.rep) FROM activities t "
        "LEFT JOIN rep_aliases() a ON a.alias = lower(t.rep) ORDER BY 1",
    )
    assert named == [("0055g00000ZZZZZAA9",), ("Maya Chen",)]


def test_a_won_stage_that_does_not_say_won_is_asked_once(database: Database, write) -> None:
    text = "opportunity_id,owner,stage,amount\n1,Ana Souza,Discovery,100\n2,Ana Souza,Payment Done,200\n"
    asked = load(database, write("odoo.csv", text), snapshot_date=D(2026, 10, 1))
    assert asked.status == "failed"
    assert asked.stages_to_confirm == ["Payment Done"]
    assert "--stage-status" in asked.message
    told = load(
        database,
        write("odoo.csv", text),
        snapshot_date=D(2026, 10, 1),
        stage_statuses={"Payment Done": "won"},
    )
    assert told.status == "loaded", told.message
    assert fetch(database, "SELECT stage, status FROM opportunity_snapshots ORDER BY 1") == [
        ("Discovery", "open"),
        ("Payment Done", "won"),
    ]
    # remembered for the next file of the same CRM
    later = load(database, write("odoo2.csv", text.replace("200", "300")), snapshot_date=D(2026, 10, 8))
    assert later.status == "loaded", later.message


def test_dates_in_both_orders_are_each_read_where_they_can_only_mean_one(database: Database, write) -> None:
    text = "rep,date,type\nAna Souza,23/02/2022,Call\nAna Souza,10-19-2022,Call\nAna Souza,03/04/2022,Call\n"
    result = load(database, write("mixed.csv", text))
    assert (result.rows_loaded, result.rows_rejected) == (3, 0), result.message
    dates = [d for (d,) in fetch(database, "SELECT activity_date FROM activities ORDER BY 1")]
    assert D(2022, 2, 23) in dates and D(2022, 10, 19) in dates


# --------------------------------------------------------------------------- kinds


def test_a_company_list_is_not_taken_for_target_accounts(database: Database, write) -> None:
    text = (
        "Record ID,Company name,Company owner,Industry,Phone Number,City,Annual Revenue,Create Date\n"
        "1,Globex,Ana Souza,Software,555,Austin,1000000,2026-01-05\n"
    )
    result = load(database, write("companies.csv", text))
    assert result.status == "failed"
    assert "only 2 of its 8 columns fit a target accounts" in result.message
    forced = load(database, write("companies.csv", text), kind="target_accounts")
    assert forced.status == "failed"  # forcing the kind does not settle a weak fit: map the columns
    mapped = load(
        database,
        write("companies.csv", text),
        kind="target_accounts",
        mapping={"account": "Company name", "rep": "Company owner"},
        partial_mapping=True,
    )
    assert mapped.status == "loaded", mapped.message


def test_a_user_list_is_not_taken_for_activities(database: Database, write) -> None:
    text = "First Name,Last Name,Email,Last Login,Role\nAna,Souza,ana@x.com,2026-10-01,Sales\n"
    assert load(database, write("users.csv", text)).kind == "roster"


def test_forcing_a_kind_onto_the_wrong_file_says_what_is_missing(database: Database, write) -> None:
    text = "rep,team\nAna Souza,East\n"
    result = load(database, write("roster.csv", text), kind="opportunities")
    assert result.status == "failed"
    assert "no column found for: Stage, Amount" in result.message


def test_amounts_keep_their_currency(database: Database, write) -> None:
    text = (
        "Deal Name,Deal Stage,Amount,Deal owner,Create Date\n"
        'A,Qualification,"1.234,56 €",Ana Souza,2026-03-02\n'
        "B,Qualification,EUR 5000,Ana Souza,2026-03-02\n"
        'C,Qualification,"R$ 45.000,00",Ana Souza,2026-03-02\n'
        "D,Qualification,700,Ana Souza,2026-03-02\n"
    )
    result = load(database, write("deals.csv", text), snapshot_date=D(2026, 10, 1))
    assert result.status == "loaded", result.message
    stored = fetch(
        database, "SELECT opportunity_name, amount::DOUBLE, currency FROM opportunity_snapshots ORDER BY 1"
    )
    assert stored == [("A", 1234.56, "EUR"), ("B", 5000.0, "EUR"), ("C", 45000.0, "BRL"), ("D", 700.0, None)]


def test_a_week_without_activities_is_not_an_all_clear(database: Database, write) -> None:
    deals = "opportunity_id,owner,stage,amount,snapshot_date\n1,Ana Souza,Proposal,100,2026-10-12\n"
    assert load(database, write("deals.csv", deals)).status == "loaded"
    week = roster.latest_week(database)
    assert week == D(2026, 10, 5)
    assert not roster.has_activities(database, week)
    assert "No activities are recorded for the week of 05 Oct 2026" in roster.no_activity_message(week)


def test_amounts_are_shown_in_the_pipelines_currency(database: Database, write) -> None:
    won = metrics.metric("won_revenue")
    assert won.format(120000) == "$120,000"  # no currency named anywhere: as before
    text = (
        "Deal Name,Deal Stage,Amount,Currency,Deal owner\n"
        "A,Proposal,100,EUR,Ana Souza\nB,Proposal,5,USD,Ana Souza\nC,Proposal,7,EUR,Ana Souza\n"
    )
    result = load(database, write("deals.csv", text), snapshot_date=D(2026, 10, 1))
    assert "this file mixes currencies (EUR 2, USD 1)" in " ".join(result.notes)
    assert currency.of_data(database) == "EUR"
    with currency.shown_in(currency.of_data(database)):
        assert won.format(120000) == "€120,000"
    with currency.shown_in("CHF"):
        assert won.format(5000) == "CHF 5,000"


def test_a_meetings_only_export_is_not_warned_about_calls(database: Database, write) -> None:
    text = (
        "rep,date,type,subject\n"
        "Ana Souza,2026-10-05,Meeting,QBR\nAna Souza,2026-10-06,Meeting,Intro meeting\n"
    )
    assert load(database, write("meetings.csv", text)).notes == []


def test_meetings_without_any_first_meeting_are_worth_a_note(database: Database, write) -> None:
    # the HubSpot case: every MEETING read as a plain meeting, first meetings at 0 for everyone
    text = (
        "rep,date,type,subject\nAna Souza,2026-10-05,Meeting,Globex\nAna Souza,2026-10-06,Meeting,Initech\n"
    )
    notes = load(database, write("meetings.csv", text)).notes
    assert [n.split(":")[0] for n in notes] == ["no first meetings recognized among these 2 activities"]


def test_each_date_column_keeps_its_own_order(database: Database, write) -> None:
    # created dates written day first (23/02 says so), close dates month first (10/19 says so)
    text = (
        "opportunity_id,owner,stage,amount,created_date,close_date\n"
        "1,Ana Souza,Proposal,100,23/02/2026,10/19/2026\n"
        "2,Ana Souza,Proposal,100,03/04/2026,03/04/2026\n"
    )
    result = load(database, write("deals.csv", text), snapshot_date=D(2026, 10, 1))
    assert result.status == "loaded", result.message
    assert fetch(
        database, "SELECT created_date, close_date FROM opportunity_snapshots WHERE opportunity_id = '2'"
    ) == [(D(2026, 4, 3), D(2026, 3, 4))]


def test_reps_named_by_a_rep_id_resolve_through_the_roster(database: Database, write) -> None:
    # a public CRM sample: sales_reps.csv (rep_id, rep_name, ...) and deals.csv (rep_id, ...)
    reps = (
        "rep_id,rep_name,title,region,hire_date,active\nR001,Sarah Mitchell,Senior AE,North,2020-08-16,True\n"
    )
    assert load(database, write("sales_reps.csv", reps)).status == "loaded"
    assert fetch(database, "SELECT rep, user_id, team FROM reps") == [("Sarah Mitchell", "R001", "North")]
    deals = (
        "deal_id,rep_id,deal_name,deal_value,stage,created_date,close_date\n"
        "D1,R001,Acme,1000,Closed Won,2026-03-02,2026-04-01\nD2,R001,Globex,500,Proposal,2026-03-09,\n"
    )
    result = load(database, write("deals.csv", deals), upload_date=D(2026, 11, 28))
    assert result.status == "loaded", result.message
    assert not any("not in the roster" in n for n in result.notes)
    assert roster.list_reps(database)["rep"].tolist() == ["Sarah Mitchell"]


def test_a_strong_reading_missing_one_column_is_named_with_the_fix(database: Database, write) -> None:
    # a Salesforce Data Loader opportunity export without its owner column
    text = (
        "Id,AccountId,Name,StageName,Amount,CloseDate,IsClosed,IsWon,CreatedDate\n"
        "006A,001A,Big deal,Qualification,15000,02/03/24,FALSE,FALSE,02/01/24\n"
    )
    result = load(database, write("Opportunity.csv", text))
    assert result.status == "failed"
    assert result.message.startswith(
        "Opportunity.csv: as opportunities (salesforce), no column found for: Owner"
    )
    assert "--map owner=COLUMN" in result.message
    mapped = load(
        database, write("Opportunity.csv", text), mapping={"rep": "AccountId"}, partial_mapping=True
    )
    assert mapped.status == "loaded", mapped.message  # 'rep' names a pipeline's owner too


def test_a_file_loaded_before_says_how_to_load_it_another_way(database: Database, write) -> None:
    text = "rep,date,type\nAna Souza,2026-10-05,Call\n"
    first = load(database, write("log.csv", text))
    again = load(database, write("log.csv", text), mapping={"subject": "type"}, partial_mapping=True)
    assert again.status == "duplicate"
    assert f"undo it first (dashboard undo {first.upload_id})" in again.message
