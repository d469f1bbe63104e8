"""Whole files, end to end: written to disk as a CRM or a spreadsheet would, ingested,
and checked through the stored rows. Expected values are written by hand."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from dashboard import uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file, ingest_stream, profiles
from tests.stored import DATA_TABLES, fetch, table_contents

D = dt.date


def load(database: Database, path: Path, **options: object) -> IngestResult:
    return ingest_file(database, path, IngestOptions(**options))  # type: ignore[arg-type]


def errors(result: IngestResult) -> list[tuple]:
    return [(e["row"], e["column"], e["value"], e["message"]) for e in result.errors]


def xlsx(rows: list[list[object]], sheets: dict[str, list[list[object]]] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Report"
    for row in rows:
        sheet.append(row)
    for name, extra in (sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- delimiters

DELIMITED = [
    pytest.param(
        "comma.csv",
        "rep,date,type,duration_minutes\nAda,2026-01-05,Call,5\nBob,1/6/2026,Meeting,45\n",
        id="comma",
    ),
    pytest.param(
        "semicolon.csv",
        "rep;date;type;duration_minutes\nAda;05.01.2026;Call;5,0\nBob;06.01.2026;Meeting;45,0\n",
        id="semicolon-eu-decimals",
    ),
    pytest.param(
        "tab.tsv",
        "rep\tdate\ttype\tduration_minutes\nAda\t2026-01-05\tCall\t5\nBob\t2026-01-06\tMeeting\t45\n",
        id="tab",
    ),
    pytest.param(
        "pipe.txt",
        "rep|date|type|duration_minutes\nAda|2026-01-05|Call|5\nBob|2026-01-06|Meeting|45\n",
        id="pipe",
    ),
    pytest.param(
        "crlf.csv",
        "rep,date,type,duration_minutes\r\nAda,2026-01-05,Call,5\r\nBob,2026-01-06,Meeting,45\r\n",
        id="crlf",
    ),
    pytest.param(
        "cr.csv",
        "rep,date,type,duration_minutes\rAda,2026-01-05,Call,5\rBob,2026-01-06,Meeting,45\r",
        id="old-mac-cr",
    ),
    pytest.param(
        "mixed.csv",
        "rep,date,type,duration_minutes\nAda,2026-01-05,Call,5\r\nBob,2026-01-06,Meeting,45\r\n",
        id="mixed-line-ends",
    ),
    pytest.param(
        "no-final-newline.csv",
        "rep,date,type,duration_minutes\nAda,2026-01-05,Call,5\nBob,2026-01-06,Meeting,45",
        id="no-final-newline",
    ),
]


@pytest.mark.parametrize(("name", "text"), DELIMITED)
def test_delimiters(database: Database, write, name: str, text: str) -> None:
    result = load(database, write(name, text))
    assert result.status == "loaded", result.message
    assert (result.kind, result.rows_read, result.rows_loaded, result.rows_rejected) == (
        "activities",
        2,
        2,
        0,
    )
    assert fetch(
        database,
        "SELECT rep, activity_date, activity_type, category, duration_minutes FROM activities ORDER BY rep",
    ) == [
        ("Ada", D(2026, 1, 5), "Call", "call", 5.0),
        ("Bob", D(2026, 1, 6), "Meeting", "meeting", 45.0),
    ]


def test_semicolon_pipeline_with_european_numbers_and_dates(database: Database, write) -> None:
    text = (
        "Opportunity Owner;Opportunity Name;Stage;Amount;Close Date\n"
        "Ada;Acme;Prospecting;1.234,56 €;31/01/2026\n"
        "Bob;Globex;Closed Won;12.000,00 €;15/02/2026\n"
        "Cy;Initech;Proposal;950,5;01/03/2026\n"
    )
    result = load(database, write("eu.csv", text), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert (result.source, result.rows_loaded) == ("salesforce", 3)
    assert fetch(
        database,
        "SELECT owner, amount, close_date, status, snapshot_date FROM opportunity_snapshots ORDER BY owner",
    ) == [
        ("Ada", Decimal("1234.56"), D(2026, 1, 31), "open", D(2026, 1, 9)),
        ("Bob", Decimal("12000.00"), D(2026, 2, 15), "won", D(2026, 1, 9)),
        ("Cy", Decimal("950.50"), D(2026, 3, 1), "open", D(2026, 1, 9)),
    ]


@pytest.mark.parametrize(
    ("rows", "unclear", "reason"),
    [
        pytest.param(  # an English file with one amount written the European way
            'Ada,Acme,Proposal,"€57,800.00",1/31/2026\nBob,Globex,Proposal,€ 86.500,2/15/2026\n',
            "€ 86.500",
            "unclear amount: 86500 or 86.5? (this file writes decimals after a point; "
            "write it as one of these)",
            id="point-file",
        ),
        pytest.param(  # a European file with one amount written the English way
            'Ada,Acme,Proposal,"57.800,00 €",31/01/2026\nBob,Globex,Proposal,"86,500 €",15/02/2026\n',
            "86,500 €",
            "unclear amount: 86500 or 86,5? (this file writes decimals after a comma; "
            "write it as one of these)",
            id="comma-file",
        ),
    ],
)
def test_an_amount_that_reads_two_ways_is_asked_about_not_guessed(
    database: Database, write, rows: str, unclear: str, reason: str
) -> None:
    text = "Opportunity Owner,Opportunity Name,Stage,Amount,Close Date\n" + rows
    result = load(database, write("deals.csv", text), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert errors(result) == [(3, "Amount", unclear, reason)]
    assert fetch(database, "SELECT owner, amount FROM opportunity_snapshots") == [
        ("Ada", Decimal("57800.00"))
    ]


def test_a_thousands_group_in_the_files_own_style_still_reads(database: Database, write) -> None:
    text = (
        "Opportunity Owner,Opportunity Name,Stage,Amount,Close Date\n"
        'Ada,Acme,Proposal,"$57,800.00",1/31/2026\nBob,Globex,Proposal,"$86,500",2/15/2026\n'
        "Cy,Initech,Proposal,$86.50,3/1/2026\n"
    )
    result = load(database, write("deals.csv", text), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded" and result.rows_rejected == 0, result.message
    assert fetch(database, "SELECT owner, amount FROM opportunity_snapshots ORDER BY owner") == [
        ("Ada", Decimal("57800.00")),
        ("Bob", Decimal("86500.00")),
        ("Cy", Decimal("86.50")),
    ]


def test_us_pipeline_with_currency_and_parentheses(database: Database, write) -> None:
    text = (
        "Opportunity Owner,Opportunity Name,Stage,Amount,Close Date\n"
        'Ada,Acme,Prospecting,"$1,234.56",1/31/2026\n'
        'Bob,Globex,Closed Lost,"USD 12,000",2/15/2026\n'
        "Cy,Initech,Proposal,,3/1/2026\n"
    )
    result = load(database, write("us.csv", text), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert fetch(
        database, "SELECT owner, amount, close_date, status FROM opportunity_snapshots ORDER BY owner"
    ) == [
        ("Ada", Decimal("1234.56"), D(2026, 1, 31), "open"),
        ("Bob", Decimal("12000.00"), D(2026, 2, 15), "lost"),
        ("Cy", None, D(2026, 3, 1), "open"),  # blank amount in an early stage is fine
    ]


def test_day_first_decided_from_the_file(database: Database, write) -> None:
    text = "rep,date\nAda,05/01/2026\nBob,25/01/2026\nCy,13/02/2026\n"
    result = load(database, write("dmy.csv", text))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, activity_date FROM activities ORDER BY rep") == [
        ("Ada", D(2026, 1, 5)),
        ("Bob", D(2026, 1, 25)),
        ("Cy", D(2026, 2, 13)),
    ]


def test_day_first_option_overrides(database: Database, write) -> None:
    result = load(database, write("dmy.csv", "rep,date\nAda,05/01/2026\n"), day_first=True)
    assert result.status == "loaded"
    assert fetch(database, "SELECT activity_date FROM activities") == [(D(2026, 1, 5),)]


# --------------------------------------------------------------------------- encodings


def test_utf8_with_bom(database: Database, write) -> None:
    result = load(database, write("bom.csv", "\ufeffrep,team,manager\nZoë,Nord,Renée\n"))
    assert (result.status, result.kind) == ("loaded", "roster"), result.message
    assert fetch(database, "SELECT rep, team, manager FROM reps") == [("Zoë", "Nord", "Renée")]


def test_utf16_le_unicode_text_from_excel(database: Database, write) -> None:
    text = "\ufeffrep\tdate\tsubject\r\nJosé\t2026-01-05\tCafé ☕ chat\r\nAda\t2026-01-06\t“Intro”\r\n"
    result = load(database, write("unicode.txt", text.encode("utf-16-le")))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, activity_date, subject FROM activities ORDER BY rep") == [
        ("Ada", D(2026, 1, 6), "“Intro”"),
        ("José", D(2026, 1, 5), "Café ☕ chat"),
    ]


def test_utf16_le_without_bom(database: Database, write) -> None:
    text = "rep\tteam\r\nJürgen\tSüd\r\n"
    result = load(database, write("unicode.txt", text.encode("utf-16-le")))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, team FROM reps") == [("Jürgen", "Süd")]


def test_cp1252(database: Database, write) -> None:
    text = (
        "Opportunity Owner,Opportunity Name,Stage,Amount\n"
        "René,“Café” deal – big,Prospecting,€1200\n"
        "Zoë,Señor’s,Proposal,€ 300\n"
    )
    result = load(database, write("ansi.csv", text, encoding="cp1252"), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert fetch(
        database, "SELECT owner, opportunity_name, amount FROM opportunity_snapshots ORDER BY amount"
    ) == [
        ("Zoë", "Señor’s", Decimal("300.00")),
        ("René", "“Café” deal – big", Decimal("1200.00")),
    ]


def test_cp1252_with_an_undefined_byte(database: Database, write) -> None:
    content = "rep,team\nRené,Nord\n".encode("cp1252") + b"Bad\x81Byte,S\xfcd\n"
    result = load(database, write("ansi.csv", content))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, team FROM reps ORDER BY team") == [
        ("René", "Nord"),
        ("Bad\ufffdByte", "Süd"),
    ]


def test_cp1252_accent_only_deep_in_the_file(database: Database, write) -> None:
    body = "".join(f"Rep{i % 40:05d},2026-01-05,s{i}\n" for i in range(12_000))  # > 256 KiB of ASCII
    text = "rep,date,subject\n" + body + "Zoé,2026-01-06,“Café”\n"
    result = load(database, write("late-accent.csv", text, encoding="cp1252"))
    assert result.status == "loaded", result.message
    assert (result.rows_loaded, result.rows_rejected) == (12_001, 0)
    assert fetch(database, "SELECT rep, subject FROM activities WHERE rep = 'Zoé'") == [("Zoé", "“Café”")]


# --------------------------------------------------------------------------- quoting and row numbers


def test_quoted_newlines_and_delimiters_keep_spreadsheet_rows(database: Database, write) -> None:
    text = (
        "rep,date,subject,account\n"  # row 1
        'Ada,2026-01-05,"line one\nline two","Acme, Inc."\n'  # row 2 (two lines)
        'Bob,notadate,"x",Globex\n'  # row 3
        '"Cy",2026-01-07,"a ""quoted"" word","multi\n\nline"\n'  # row 4 (three lines)
        "Dee,bad2,z,Initech\n"  # row 5
    )
    result = load(database, write("quoted.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 2, 2)
    assert errors(result) == [
        (3, "date", "notadate", "not a date"),
        (5, "date", "bad2", "not a date"),
    ]
    assert fetch(database, "SELECT rep, subject, account FROM activities ORDER BY rep") == [
        ("Ada", "line one\nline two", "Acme, Inc."),
        ("Cy", 'a "quoted" word', "multi\n\nline"),
    ]


def test_blank_lines_count_as_spreadsheet_rows(database: Database, write) -> None:
    text = (
        "rep,date\n"  # 1
        "\n"  # 2
        "Ada,2026-01-05\n"  # 3
        "   \n"  # 4 (spaces only: blank too)
        "Bob,bad1\n"  # 5
        ",\n"  # 6
        "\n"  # 7
        "Cy,2026-01-06,extra\n"  # 8: one field too many
        "Dee,bad2\n"  # 9
    )
    result = load(database, write("blanks.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 1, 3)
    assert [(row, column, value) for row, column, value, _ in errors(result)] == [
        (5, "date", "bad1"),
        (8, None, "Cy,2026-01-06,extra"),
        (9, "date", "bad2"),
    ]


def test_a_record_is_blank_only_when_every_cell_is_spacing(database: Database, write) -> None:
    text = (
        "rep,date\n"  # 1
        "\u00a0,\u00a0 \n"  # 2: no-break spaces only: blank, not a row
        " ,2026-01-05\n"  # 3: first cell blank, the next one filled: a row (no rep)
        '"",2026-01-06\n'  # 4: first cell quoted empty, the next one filled: a row (no rep)
        " Ada,2026-01-07\n"  # 5: a name after a space
        "\t ,\t\n"  # 6: tabs and spaces only: blank
        "Bob,2026-01-08\n"  # 7
    )
    result = load(database, write("spacing.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 2, 2)
    assert [(row, column) for row, column, _, _ in errors(result)] == [(3, "rep"), (4, "rep")]
    assert fetch(database, "SELECT rep, activity_date FROM activities ORDER BY rep") == [
        ("Ada", dt.date(2026, 1, 7)),
        ("Bob", dt.date(2026, 1, 8)),
    ]


def test_each_row_gets_its_own_duration_when_many_rows_share_a_spelling(database: Database, write) -> None:
    durations = ["45", "1:30", "45", "", "1h 30m", "n/a", "45 min", "1:30", "long", "45"]
    text = "rep,date,subject,duration\n" + "".join(
        f"Ada,2026-01-05,call {i},{d}\n" for i, d in enumerate(durations)
    )
    result = load(database, write("durations.csv", text))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT subject, duration_minutes FROM activities ORDER BY subject") == sorted(
        (f"call {i}", m) for i, m in enumerate([45, 90, 45, None, 90, None, 45, 90, None, 45])
    )
    assert [(w["row"], w["value"]) for w in result.warnings] == [(10, "long")]


def test_rows_after_a_multiline_header_are_numbered_right(database: Database, write) -> None:
    text = 'Report\n\n"rep\n(name)",date\nAda,2026-01-05\nBob,bad\n'
    result = load(database, write("wrapped-header.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert errors(result) == [(5, "date", "bad", "not a date")]


def test_too_many_fields_is_rejected_with_its_row(database: Database, write) -> None:
    text = "rep,date,type\nAda,2026-01-05,Call\nBob,2026-01-05,Call, extra\nCy,2026-01-06,Email\n"
    result = load(database, write("wide.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    (row, column, value, message) = errors(result)[0]
    assert (row, column, value) == (3, None, "Bob,2026-01-05,Call, extra")
    assert "columns" in message
    assert fetch(database, "SELECT rep FROM activities ORDER BY rep") == [("Ada",), ("Cy",)]


def test_too_few_fields_reads_the_missing_cells_as_blank(database: Database, write) -> None:
    result = load(database, write("short.csv", "rep,date,type\nAda,2026-01-05\nBob\n"))
    assert result.status == "loaded", result.message
    assert errors(result) == [(3, "date", None, "missing date")]
    assert fetch(database, "SELECT rep, activity_type FROM activities") == [("Ada", None)]


# --------------------------------------------------------------------------- report layout

SALESFORCE_REPORT = """\
"Opportunity Pipeline"
"Filtered By:"
"    Close Date equals THIS QUARTER"

"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Close Date"
"Ada Lovelace","Acme","Acme - Renewal","Prospecting","$1,200.00","1/30/2026"
"Bob Smith","Total Quality Inc","TQ - New","Closed Won","$5,000.00","2/15/2026"
"Cy Young","Globex","Globex - Expansion","Negotiation","12,O00","3/1/2026"

"Grand Totals (3 records)","","","","$6,200.00",""

"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."
"Confidential Information - Do Not Distribute"
"Generated By:  Jane Doe  1/5/2026 10:32 AM"
"Acme Corporation"
"""


def test_salesforce_report_with_preamble_and_footer(database: Database, write) -> None:
    result = load(database, write("report.csv", SALESFORCE_REPORT), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert (result.kind, result.source) == ("opportunities", "salesforce")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert result.footer_rows == 5  # totals, copyright, confidential, generated by, org name
    assert errors(result) == [(8, "Amount", "12,O00", "not a number")]
    assert fetch(
        database,
        "SELECT owner, account, opportunity_name, stage, amount, close_date, status "
        "FROM opportunity_snapshots ORDER BY owner",
    ) == [
        ("Ada Lovelace", "Acme", "Acme - Renewal", "Prospecting", Decimal("1200.00"), D(2026, 1, 30), "open"),
        (
            "Bob Smith",
            "Total Quality Inc",
            "TQ - New",
            "Closed Won",
            Decimal("5000.00"),
            D(2026, 2, 15),
            "won",
        ),
    ]
    stored = fetch(database, "SELECT row_number, column_name, value FROM rejected_rows")
    assert stored == [(8, "Amount", "12,O00")]


def test_subtotal_lines_in_the_middle_are_footers(database: Database, write) -> None:
    text = "rep,date,type\nAda,2026-01-05,Call\nSubtotal,,\nBob,2026-01-06,Call\nTotal,2,\nCount: 2,,\n"
    result = load(database, write("subtotals.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.footer_rows) == (
        2,
        2,
        0,
        3,
    )


def test_a_german_totals_row_under_the_export_is_a_footer(database: Database, write) -> None:
    """German Excel users add a 'Summe' row under an export (and 'Gesamtergebnis' from the subtotal
    command): a footer, not a rejected row with a missing rep, a missing date and 'longer than a day'."""
    text = (
        "\ufeffAktivitätstyp;Betreff;Besitzer;Tatsächlicher Beginn;Tatsächliche Dauer\r\n"
        "Telefonanruf;Nachfassen;Jürgen Weiß;02.11.2026 09:00;20\r\n"
        "Termin;Erstgespräch;Anke Größer;03.11.2026 10:00;60\r\n"
        ";;;;\r\n"
        "Summe;;;;80\r\n"
        "Gesamtergebnis;;;;80\r\n"
    )
    result = load(database, write("aktivitaeten.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_loaded, result.rows_rejected, result.footer_rows) == (2, 0, 2), result.message
    assert fetch(database, "SELECT count(*) FROM rejected_rows") == [(0,)]


def test_a_german_user_list_says_who_is_active_with_ja_and_nein(database: Database, write) -> None:
    """A German Salesforce user list writes 'Aktiv' as Ja / Nein: Felix (Nein) is stored as not active,
    and no row is warned about as 'not yes/no' (the detector took the column as yes/no already)."""
    text = (
        "Vollständiger Name,Vorname,Nachname,E-Mail,Rolle,Manager,Aktiv\n"
        "Lea Hoffmann,Lea,Hoffmann,lea.hoffmann@example.de,Vertrieb Nord,Kai Roth,Ja\n"
        "Felix Wagner,Felix,Wagner,felix.wagner@example.de,Vertrieb Nord,Kai Roth,Nein\n"
    )
    result = load(database, write("benutzer.csv", text))
    assert result.status == "loaded", result.message
    assert result.warnings == [], result.warnings
    assert fetch(database, "SELECT rep, active FROM reps ORDER BY rep") == [
        ("Felix Wagner", False),
        ("Lea Hoffmann", True),
    ]


def test_empty_trailing_columns(database: Database, write) -> None:
    text = "rep,team,manager,,\nAda,North,Mia,,\nBob,South,,,\n"
    result = load(database, write("trailing.csv", text))
    assert result.status == "loaded", result.message
    assert (result.kind, result.rows_loaded, result.rows_rejected) == ("roster", 2, 0)
    assert fetch(database, "SELECT rep, team, manager FROM reps ORDER BY rep") == [
        ("Ada", "North", "Mia"),
        ("Bob", "South", None),
    ]


def test_unmapped_columns_are_ignored(database: Database, write) -> None:
    text = 'rep,Notes,date,Internal ID\nAda,"hello, world",2026-01-05,77\n'
    result = load(database, write("extra.csv", text))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, activity_date FROM activities") == [("Ada", D(2026, 1, 5))]


# --------------------------------------------------------------------------- Excel


def test_xlsx_below_a_metadata_block(database: Database, write) -> None:
    content = xlsx(
        [
            ["Opportunity Pipeline"],  # 1
            ["Generated 2026-01-09 by Jane"],  # 2
            [],  # 3
            [
                "Opportunity Owner",
                "Account Name",
                "Opportunity Name",
                "Stage",
                "Amount",
                "Close Date",
                "Created Date",
            ],  # 4
            [
                "Ada",
                "Acme",
                "Acme deal",
                "Prospecting",
                1200.5,
                D(2026, 1, 30),
                dt.datetime(2025, 12, 1, 9, 30),
            ],  # 5
            ["Bob", "Globex", "Globex deal", "Closed Won", 5000, dt.datetime(2026, 2, 15), "12/01/2025"],  # 6
            ["Cy", "Initech", "Initech deal", "Negotiation", "12,O00", "soon", None],  # 7
            [],  # 8
            ["Total", None, None, None, 6200.5],  # 9
        ]
    )
    result = load(database, write("pipeline.xlsx", content), snapshot_date=D(2026, 1, 9))
    assert result.status == "loaded", result.message
    assert (result.kind, result.rows_read, result.rows_loaded, result.rows_rejected) == (
        "opportunities",
        3,
        2,
        1,
    )
    assert result.footer_rows == 1
    assert errors(result) == [
        (7, "Amount", "12,O00", "not a number"),
        (7, "Close Date", "soon", "not a date"),
    ]
    assert fetch(
        database,
        "SELECT owner, amount, close_date, created_date, status FROM opportunity_snapshots ORDER BY owner",
    ) == [
        ("Ada", Decimal("1200.50"), D(2026, 1, 30), D(2025, 12, 1), "open"),
        ("Bob", Decimal("5000.00"), D(2026, 2, 15), D(2025, 12, 1), "won"),
    ]
    assert fetch(database, "SELECT file_format FROM uploads") == [("xlsx",)]


def test_xlsx_activities_with_time_and_duration_cells(database: Database, write) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Read me"
    notes["A1"] = "Weekly call log"
    calls = book.create_sheet("Calls")
    calls["B2"], calls["C2"], calls["D2"], calls["E2"] = "rep", "date", "time", "duration"
    calls["B3"], calls["C3"], calls["D3"], calls["E3"] = "Ada", D(2026, 1, 5), dt.time(9, 15), dt.time(0, 30)
    calls["B4"], calls["C4"], calls["E4"] = "Bob", "bad", 45
    calls["B6"], calls["C6"], calls["E6"] = "Cy", 46027, "1:30"  # Excel serial 46027 = 2026-01-05
    buffer = io.BytesIO()
    book.save(buffer)
    result = load(database, write("calls.xlsx", buffer.getvalue()))
    assert result.status == "loaded", result.message
    assert errors(result) == [(4, "date", "bad", "not a date")]
    assert fetch(
        database,
        "SELECT rep, activity_date, activity_time, duration_minutes FROM activities ORDER BY rep",
    ) == [
        ("Ada", D(2026, 1, 5), dt.time(9, 15), 30.0),
        ("Cy", D(2026, 1, 5), None, 90.0),
    ]


def test_xlsx_roster_with_booleans(database: Database, write) -> None:
    content = xlsx(
        [
            ["rep", "team", "active", "start_date"],
            ["Ada", "North", True, D(2025, 3, 1)],
            ["Bob", "South", False, None],
        ]
    )
    result = load(database, write("team.xlsx", content))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, team, active, start_date FROM reps ORDER BY rep") == [
        ("Ada", "North", True, D(2025, 3, 1)),
        ("Bob", "South", False, None),
    ]


# --------------------------------------------------------------------------- re-uploads

ACTIVITIES_WEEK_1_2 = (
    "activity_id,rep,date,type\n"
    "A1,Ada,2026-01-05,Call\n"
    "A2,Ada,2026-01-07,Email\n"
    "A3,Bob,2026-01-12,Call\n"
    "A4,Bob,2026-01-14,Meeting\n"
)
ACTIVITIES_WEEK_2_3 = (
    "activity_id,rep,date,type\nA3,Bob,2026-01-12,Call\nA4,Bob,2026-01-14,Meeting\nA5,Cy,2026-01-19,Call\n"
)


def test_same_file_twice_is_a_duplicate(database: Database, write) -> None:
    path = write("week.csv", ACTIVITIES_WEEK_1_2)
    first = load(database, path)
    assert first.status == "loaded"
    before = table_contents(database, DATA_TABLES)
    uploads_before = fetch(database, "SELECT * FROM uploads ORDER BY ALL")
    again = load(database, path)
    assert again.status == "duplicate"
    assert again.upload_id == first.upload_id
    assert "week.csv" in again.message
    assert table_contents(database, DATA_TABLES) == before
    assert fetch(database, "SELECT * FROM uploads ORDER BY ALL") == uploads_before


def test_same_content_under_another_name_is_a_duplicate(database: Database, write) -> None:
    load(database, write("a.csv", ACTIVITIES_WEEK_1_2))
    again = load(database, write("b.csv", ACTIVITIES_WEEK_1_2))
    assert again.status == "duplicate"
    assert "b.csv" in again.message and "a.csv" in again.message


def test_overlapping_activity_exports_with_ids(database: Database, write) -> None:
    first = load(database, write("w1-2.csv", ACTIVITIES_WEEK_1_2))
    second = load(database, write("w2-3.csv", ACTIVITIES_WEEK_2_3))
    assert (first.rows_loaded, first.duplicates_skipped) == (4, 0)
    assert (second.status, second.rows_read, second.rows_loaded, second.duplicates_skipped) == (
        "loaded",
        3,
        1,
        2,
    )
    assert fetch(database, "SELECT source_id, upload_id FROM activities ORDER BY source_id") == [
        ("A1", first.upload_id),
        ("A2", first.upload_id),
        ("A3", first.upload_id),
        ("A4", first.upload_id),
        ("A5", second.upload_id),
    ]


def test_overlapping_activity_exports_without_ids(database: Database, write) -> None:
    week_1_2 = (
        "rep,date,type,subject\n"
        "Ada,2026-01-05,Call,Intro\n"
        "Ada,2026-01-07,Email,Follow-up\n"
        "Bob,2026-01-12,Call,Demo prep\n"
    )
    week_2_3 = (
        "Rep,Date,Type,Subject\n"  # same columns, other capitalisation
        "Bob,1/12/2026,Call,Demo prep\n"  # same activity, other date spelling
        "Cy,2026-01-19,Call,Intro\n"
        "Cy,2026-01-19,Call,Intro\n"  # two calls alike, both real: a file is a multiset of rows
    )
    first = load(database, write("a.csv", week_1_2))
    second = load(database, write("b.csv", week_2_3))
    assert (first.rows_loaded, second.rows_loaded, second.duplicates_skipped) == (3, 2, 1)
    assert second.duplicates == [{"upload_id": first.upload_id, "rows": 1}]
    assert f"1 already stored (upload {first.upload_id}: 1)" in second.message
    assert fetch(database, "SELECT rep, activity_date FROM activities ORDER BY ALL") == [
        ("Ada", D(2026, 1, 5)),
        ("Ada", D(2026, 1, 7)),
        ("Bob", D(2026, 1, 12)),
        ("Cy", D(2026, 1, 19)),
        ("Cy", D(2026, 1, 19)),
    ]
    stored = fetch(database, "SELECT rows_loaded, duplicates_skipped FROM uploads ORDER BY upload_id")
    assert stored == [(3, 0), (2, 1)]
    # the same overlapping export again adds nothing, repeats included
    again = load(database, write("b-again.csv", week_2_3 + "\n"))
    assert (again.rows_loaded, again.duplicates_skipped) == (0, 3)


SNAPSHOT_JAN_9 = (
    "opportunity_id,owner,stage,amount,snapshot_date\n"
    "O1,Ada,Prospecting,100,2026-01-09\n"
    "O2,Bob,Proposal,200,2026-01-09\n"
)
SNAPSHOT_JAN_9_AGAIN = (
    "opportunity_id,owner,stage,amount,snapshot_date\n"
    "O1,Ada,Proposal,150,2026-01-09\n"
    "O3,Cy,Prospecting,50,2026-01-09\n"
)
SNAPSHOT_JAN_16 = "opportunity_id,owner,stage,amount,snapshot_date\nO1,Ada,Closed Won,150,2026-01-16\n"

LIVE_SNAPSHOTS = (
    "SELECT snapshot_date, opportunity_id, stage, amount FROM opportunity_snapshots "
    "WHERE superseded_by IS NULL ORDER BY ALL"
)


def test_snapshot_for_the_same_date_replaces_and_other_dates_stay(database: Database, write) -> None:
    first = load(database, write("s1.csv", SNAPSHOT_JAN_9))
    second = load(database, write("s2.csv", SNAPSHOT_JAN_9_AGAIN))
    third = load(database, write("s3.csv", SNAPSHOT_JAN_16))
    assert (first.rows_replaced, second.rows_replaced, third.rows_replaced) == (0, 1, 0)
    assert fetch(database, LIVE_SNAPSHOTS) == [
        (D(2026, 1, 9), "O1", "Proposal", Decimal("150.00")),
        (D(2026, 1, 9), "O2", "Proposal", Decimal("200.00")),
        (D(2026, 1, 9), "O3", "Prospecting", Decimal("50.00")),
        (D(2026, 1, 16), "O1", "Closed Won", Decimal("150.00")),
    ]
    assert fetch(
        database,
        "SELECT opportunity_id, superseded_by FROM opportunity_snapshots WHERE upload_id = ? "
        "ORDER BY opportunity_id",
        first.upload_id,
    ) == [("O1", second.upload_id), ("O2", None)]


def test_snapshot_date_option_when_the_file_has_none(database: Database, write) -> None:
    text = "owner,stage,amount,opportunity_name\nAda,Prospecting,100,Acme\n"
    load(database, write("a.csv", text), snapshot_date=D(2026, 1, 2))
    later = load(database, write("b.csv", text + "Bob,Proposal,5,Globex\n"), snapshot_date=D(2026, 1, 9))
    assert later.rows_replaced == 0
    assert fetch(database, "SELECT snapshot_date, owner FROM opportunity_snapshots ORDER BY ALL") == [
        (D(2026, 1, 2), "Ada"),
        (D(2026, 1, 9), "Ada"),
        (D(2026, 1, 9), "Bob"),
    ]


# --------------------------------------------------------------------------- undo

UNDO_CASES = [
    pytest.param(
        ("w1-2.csv", ACTIVITIES_WEEK_1_2),
        ("w2-3.csv", ACTIVITIES_WEEK_2_3),
        "activities",
        id="activities",
    ),
    pytest.param(
        ("s1.csv", SNAPSHOT_JAN_9),
        ("s2.csv", SNAPSHOT_JAN_9_AGAIN),
        "opportunity_snapshots",
        id="opportunities-restores-replaced-rows",
    ),
    pytest.param(
        ("r1.csv", "rep,team,manager\nAda,North,Mia\nBob,South,Mia\n"),
        ("r2.csv", "rep,team,manager\nada,West,Zed\nCy,South,Mia\n"),
        "reps",
        id="roster-restores-replaced-reps",
    ),
    pytest.param(
        ("t1.csv", "metric,value,period,team\nfirst_meetings,3,week,North\ncalls,50,week,\n"),
        ("t2.csv", "metric,value,period,team\nFirst Meetings,4,weekly,North\n"),
        "targets",
        id="targets-restores-replaced-targets",
    ),
    pytest.param(
        ("ta1.csv", "account,rep\nAcme,Ada\nGlobex,\n"),
        ("ta2.csv", "account,rep\nacme,ada\nInitech,Bob\n"),
        "target_accounts",
        id="target-accounts",
    ),
]


@pytest.mark.parametrize(("first", "second", "table"), UNDO_CASES)
def test_undo_restores_the_previous_state(
    database: Database, write, first: tuple[str, str], second: tuple[str, str], table: str
) -> None:
    empty = table_contents(database, DATA_TABLES)
    one = load(database, write(*first))
    assert one.status == "loaded", one.message
    after_first = table_contents(database, DATA_TABLES)
    two = load(database, write(*second))
    assert two.status == "loaded", two.message
    assert table_contents(database, DATA_TABLES) != after_first
    assert uploads.undo(database, two.upload_id) == two.rows_loaded
    assert table_contents(database, DATA_TABLES) == after_first
    assert uploads.undo(database, one.upload_id) == one.rows_loaded
    assert table_contents(database, DATA_TABLES) == empty
    assert fetch(database, "SELECT count(*) FROM uploads WHERE undone_at IS NULL") == [(0,)]
    with pytest.raises(uploads.UndoError, match="undone already"):
        uploads.undo(database, one.upload_id)


def test_undo_of_the_middle_snapshot_keeps_the_newest(database: Database, write) -> None:
    load(database, write("s1.csv", SNAPSHOT_JAN_9))
    middle = load(database, write("s2.csv", SNAPSHOT_JAN_9_AGAIN))
    newest = load(
        database,
        write(
            "s3.csv", "opportunity_id,owner,stage,amount,snapshot_date\nO1,Ada,Negotiation,175,2026-01-09\n"
        ),
    )
    assert newest.rows_replaced == 1
    uploads.undo(database, middle.upload_id)
    assert fetch(database, LIVE_SNAPSHOTS) == [
        (D(2026, 1, 9), "O1", "Negotiation", Decimal("175.00")),
        (D(2026, 1, 9), "O2", "Proposal", Decimal("200.00")),
    ]


def test_an_undone_file_can_be_loaded_again(database: Database, write) -> None:
    path = write("w.csv", ACTIVITIES_WEEK_1_2)
    first = load(database, path)
    uploads.undo(database, first.upload_id)
    again = load(database, path)
    assert (again.status, again.rows_loaded) == ("loaded", 4)
    assert again.upload_id != first.upload_id


def test_undo_of_an_unknown_upload(database: Database) -> None:
    with pytest.raises(uploads.UndoError, match="no upload 99"):
        uploads.undo(database, 99)


# --------------------------------------------------------------------------- mapping profiles


def test_saved_mapping_profile_is_used_without_options(database: Database, write) -> None:
    headers = ["Who", "When", "What happened"]
    text = "Who,When,What happened\nAda,2026-01-05,Call\nBob,2026-01-06,Email\n"
    unsure = load(database, write("odd.csv", text))
    assert unsure.status == "failed"
    assert "odd.csv" in unsure.message
    # the header row is the first one, not the data row holding the word 'Email'
    assert unsure.detection is not None and unsure.detection.headers == headers
    assert table_contents(database, DATA_TABLES)["activities"] == []
    profiles.save(
        database,
        headers,
        profiles.Profile("activities", "generic", {"rep": "Who", "date": "When", "type": "What happened"}),
    )
    result = load(database, write("odd-next-week.csv", text + "Cy,2026-01-07,Meeting\n"))
    assert (result.status, result.kind, result.source, result.rows_loaded) == (
        "loaded",
        "activities",
        "generic",
        3,
    )
    assert fetch(database, "SELECT rep, activity_type, category FROM activities ORDER BY rep") == [
        ("Ada", "Call", "call"),
        ("Bob", "Email", "email"),
        ("Cy", "Meeting", "meeting"),
    ]


def test_profile_matches_headers_regardless_of_case_and_spacing(database: Database, write) -> None:
    profiles.save(
        database,
        ["Who", "When"],
        profiles.Profile("activities", "generic", {"rep": "Who", "date": "When"}),
    )
    result = load(database, write("odd.csv", "WHO , when\nAda,2026-01-05\n"))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep FROM activities") == [("Ada",)]


def test_profile_finds_its_header_under_a_preamble(database: Database, write) -> None:
    profiles.save(
        database,
        ["Person", "Day", "Kind"],
        profiles.Profile("activities", "generic", {"rep": "Person", "date": "Day", "type": "Kind"}),
    )
    text = "Call log,exported,2026-01-09\nteam,rep,email\nPerson,Day,Kind\nAda,2026-01-05,Call\n"
    result = load(database, write("log.csv", text))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, activity_date, activity_type FROM activities") == [
        ("Ada", D(2026, 1, 5), "Call")
    ]


def test_company_names_that_look_like_footers_stay_data(database: Database, write) -> None:
    text = (
        "account,rep\n"
        "Copyright Clearance Center,Ada\n"
        "Confidential Information Systems Ltd,Bob\n"
        "Total Quality Inc,Ada\n"
        "Powered By Nature Inc,Cy\n"
        "Acme,Dee\n"
    )
    result = load(database, write("targets.csv", text))
    assert result.status == "loaded", result.message
    assert (result.kind, result.rows_loaded, result.footer_rows) == ("target_accounts", 5, 0)
    assert fetch(database, "SELECT account FROM target_accounts ORDER BY account") == [
        ("Acme",),
        ("Confidential Information Systems Ltd",),
        ("Copyright Clearance Center",),
        ("Powered By Nature Inc",),
        ("Total Quality Inc",),
    ]


def test_explicit_mapping_option(database: Database, write) -> None:
    text = "Person,Day\nAda,2026-01-05\n"
    result = load(
        database,
        write("m.csv", text),
        kind="activities",
        mapping={"rep": "Person", "date": "Day"},
    )
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, activity_date FROM activities") == [("Ada", D(2026, 1, 5))]


def test_ingest_stream_records_the_display_name(database: Database) -> None:
    stream = io.BytesIO(b"rep,team\nAda,North\n")
    result = ingest_stream(database, "Team roster.csv", stream)
    assert (result.status, result.file) == ("loaded", "Team roster.csv")
    assert fetch(database, "SELECT file_name, kind FROM uploads") == [("Team roster.csv", "roster")]


def test_undo_of_an_older_overlapping_export_keeps_shared_rows(database: Database, write) -> None:
    first = load(database, write("w1-2.csv", ACTIVITIES_WEEK_1_2))
    second = load(database, write("w2-3.csv", ACTIVITIES_WEEK_2_3))
    assert uploads.undo(database, first.upload_id) == 2  # A1, A2: nobody else held them
    assert fetch(database, "SELECT source_id, upload_id FROM activities ORDER BY source_id") == [
        ("A3", second.upload_id),
        ("A4", second.upload_id),
        ("A5", second.upload_id),
    ]
    # undoing the later one too leaves nothing; re-ingesting the first works again
    assert uploads.undo(database, second.upload_id) == 3
    assert fetch(database, "SELECT count(*) FROM activities") == [(0,)]
    again = load(database, write("w1-2.csv", ACTIVITIES_WEEK_1_2))
    assert (again.status, again.rows_loaded) == ("loaded", 4)


def test_undo_of_a_later_overlapping_export_keeps_what_the_earlier_one_stored(
    database: Database, write
) -> None:
    first = load(database, write("w1-2.csv", ACTIVITIES_WEEK_1_2))
    second = load(database, write("w2-3.csv", ACTIVITIES_WEEK_2_3))
    assert uploads.undo(database, second.upload_id) == 1  # A5 only
    assert fetch(database, "SELECT source_id, upload_id FROM activities ORDER BY source_id") == [
        (f"A{i}", first.upload_id) for i in (1, 2, 3, 4)
    ]
    assert fetch(database, "SELECT count(*) FROM activity_holders") == [(0,)]
    # re-ingesting the undone file holds A3, A4 again and stores A5 again
    third = load(database, write("w2-3.csv", ACTIVITIES_WEEK_2_3))
    assert (third.rows_loaded, third.duplicates_skipped) == (1, 2)
    uploads.undo(database, first.upload_id)
    assert [r for (r,) in fetch(database, "SELECT source_id FROM activities ORDER BY 1")] == [
        "A3",
        "A4",
        "A5",
    ]


# --------------------------------------------------------------------------- duplicates


def test_a_file_loaded_before_is_a_duplicate_even_if_its_table_cannot_be_found_now(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest is taken beside the search for the table; the duplicate check still comes first."""
    path: Path = write("a.csv", "rep,date,subject\nAda,2026-01-05,x\n")
    assert ingest_file(database, path).status == "loaded"

    def unreadable(*args, **kwargs):
        from dashboard.ingest import read

        raise read.UnreadableFile("cannot read it now")

    monkeypatch.setattr("dashboard.ingest.read.open_table", unreadable)
    again = ingest_file(database, path)
    assert again.status == "duplicate", again.message
    other = write("b.csv", "rep,date,subject\nBob,2026-01-05,y\n")
    failed = ingest_file(database, other)
    assert (failed.status, failed.message) == ("failed", "b.csv: cannot read it now")


def test_a_workbook_loaded_before_is_told_a_duplicate_without_being_opened(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("reps.xlsx", xlsx([["rep", "team"], ["Ada", "North"]]))
    assert load(database, path).status == "loaded"
    opened: list[Path] = []
    monkeypatch.setattr("dashboard.ingest.read.open_table", lambda path, *args: opened.append(path))
    again = load(database, path)
    assert (again.status, opened) == ("duplicate", [])
