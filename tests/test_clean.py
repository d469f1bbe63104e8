"""The SQL cleaning macros (migrations/R__cleaning_macros.sql), called directly.

Every expected value is written by hand from what a user means by the cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

from dashboard import db
from dashboard.db import Database


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """One migrated database for the whole module: the macros are pure functions."""
    database = Database(tmp_path_factory.mktemp("clean") / "clean.duckdb")
    with database.cursor("write") as cur:
        yield cur
    database.close()


def _one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> object:
    return con.execute(sql, list(params)).fetchone()[0]


# --------------------------------------------------------------------------- parse_number

NUMBERS_POINT: list[tuple[str, float | None]] = [
    ("0", 0.0),
    ("42", 42.0),
    ("1234.56", 1234.56),
    (".5", 0.5),
    ("1,234", 1234.0),
    ("1,234.56", 1234.56),
    ("1,234,567", 1234567.0),
    ("1,234,567.89", 1234567.89),
    ("  250  ", 250.0),
    ("$1,234.56", 1234.56),
    ("$ 1,234.56", 1234.56),
    ("1,234.56 $", 1234.56),
    ("€1,200", 1200.0),
    ("£99.99", 99.99),
    ("¥5000", 5000.0),
    ("USD 120,000.00", 120000.0),
    ("USD120000", 120000.0),
    ("120,000.00 USD", 120000.0),
    ("EUR 50", 50.0),
    ("50 EUR", 50.0),
    ("usd 10", 10.0),
    ("1'234.50", 1234.5),
    ("1'234'567", 1234567.0),
    ("1 234 567", 1234567.0),
    ("1\u00a0234", 1234.0),
    ("(1,234.56)", -1234.56),
    ("($1,000)", -1000.0),
    ("(500)", -500.0),
    ("-5", -5.0),
    ("- 5", -5.0),
    ("+7", 7.0),
    ("5-", -5.0),
    ("-$1,200.50", -1200.5),
    ("$-1,200.50", -1200.5),
    ("1,200.50-", -1200.5),
    ("45%", 0.45),
    ("12.5 %", 0.125),
    ("100%", 1.0),
    ("", None),
    ("   ", None),
    ("-", None),
    ("--", None),
    ("—", None),
    ("n/a", None),
    ("N/A", None),
    ("na", None),
    ("#N/A", None),
    ("null", None),
    ("NULL", None),
    ("12,O00", None),
    ("1-2", None),
    ("abc", None),
    ("1.2.3,4,5", None),
    ("$", None),
    ("USD", None),
    ("(12", None),
    ("12)", None),
    ("--5", None),
    ("(-5)", None),
    ("1e5", None),
    ("12 apples", None),
    ("1,23,4", None),
    ("1..2", None),
]

NUMBERS_COMMA: list[tuple[str, float | None]] = [
    ("1.234,56", 1234.56),
    ("1.234.567,89", 1234567.89),
    ("1 234,56", 1234.56),
    ("1\u00a0234,56", 1234.56),
    ("1\u202f234,56", 1234.56),
    ("12,5", 12.5),
    ("0,75", 0.75),
    (",5", 0.5),
    ("1.234", 1234.0),
    ("1.234.567", 1234567.0),
    ("1.234,56 €", 1234.56),
    ("€ 1.234,56", 1234.56),
    ("EUR 1.234,56", 1234.56),
    ("1.234,56 EUR", 1234.56),
    ("-1.234,56", -1234.56),
    ("(1.234,56)", -1234.56),
    ("1.234,56-", -1234.56),
    ("12,5%", 0.125),
    ("1'234,50", 1234.5),
    ("1 234", 1234.0),
    ("n/a", None),
    ("12,O00", None),
    ("abc", None),
]

# Cells that read the same whichever decimal mark the file uses.
NUMBERS_EITHER: list[tuple[str, float | None]] = [
    ("1,234.56", 1234.56),
    ("1.234,56", 1234.56),
    ("1,234,567", 1234567.0),
    ("1.234.567", 1234567.0),
    ("12,50", 12.5),
    ("12.50", 12.5),
    ("0.5", 0.5),
    ("1000", 1000.0),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS_POINT)
def test_parse_number_decimal_point(
    con: duckdb.DuckDBPyConnection, text: str, expected: float | None
) -> None:
    got = _one(con, "select parse_number(?, ?)", text, False)
    assert got == pytest.approx(expected) if expected is not None else got is None, (text, got)


@pytest.mark.parametrize(("text", "expected"), NUMBERS_COMMA)
def test_parse_number_decimal_comma(
    con: duckdb.DuckDBPyConnection, text: str, expected: float | None
) -> None:
    got = _one(con, "select parse_number(?, ?)", text, True)
    assert got == pytest.approx(expected) if expected is not None else got is None, (text, got)


@pytest.mark.parametrize(("text", "expected"), NUMBERS_EITHER)
@pytest.mark.parametrize("decimal_comma", [False, True])
def test_parse_number_unambiguous(
    con: duckdb.DuckDBPyConnection, text: str, expected: float, decimal_comma: bool
) -> None:
    got = _one(con, "select parse_number(?, ?)", text, decimal_comma)
    assert got == pytest.approx(expected), (text, decimal_comma, got)


def test_parse_number_null_input(con: duckdb.DuckDBPyConnection) -> None:
    assert _one(con, "select parse_number(NULL, false)") is None


@pytest.mark.parametrize(
    ("text", "comma", "point"),
    [
        ("1.234,56", True, False),
        ("12,5", True, False),
        ("12,50 €", True, False),
        ("1,234.56", False, True),
        ("12.5", False, True),
        ("$12.50", False, True),
        ("1234", False, False),
        ("1,234", False, False),
    ],
)
def test_decimal_style_hints(con: duckdb.DuckDBPyConnection, text: str, comma: bool, point: bool) -> None:
    assert _one(con, "select looks_decimal_comma(?)", text) is comma
    assert _one(con, "select looks_decimal_point(?)", text) is point


# --------------------------------------------------------------------------- parse_timestamp

T = dt.datetime

TIMESTAMPS_MONTH_FIRST: list[tuple[str, dt.datetime | None]] = [
    ("2026-01-05", T(2026, 1, 5)),
    ("2026-1-5", T(2026, 1, 5)),
    ("2026-01-05 14:30", T(2026, 1, 5, 14, 30)),
    ("2026-01-05 14:30:15", T(2026, 1, 5, 14, 30, 15)),
    ("2026-01-05T14:30:15", T(2026, 1, 5, 14, 30, 15)),
    ("2026-01-05T14:30:15Z", T(2026, 1, 5, 14, 30, 15)),
    ("2026-01-05T14:30:15.250Z", T(2026, 1, 5, 14, 30, 15, 250000)),
    ("2026-01-05T14:30:15.123456", T(2026, 1, 5, 14, 30, 15, 123456)),
    ("2026-01-05T14:30:15+01:00", T(2026, 1, 5, 14, 30, 15)),
    ("2026-01-05T14:30:15-0500", T(2026, 1, 5, 14, 30, 15)),
    ("2026-01-05 14:30:15 UTC", T(2026, 1, 5, 14, 30, 15)),
    ("2026/01/05", T(2026, 1, 5)),
    ("2026/01/05 09:15", T(2026, 1, 5, 9, 15)),
    ("1/5/2026", T(2026, 1, 5)),
    ("01/05/2026", T(2026, 1, 5)),
    ("12/31/2025", T(2025, 12, 31)),
    ("1/5/2026 14:30", T(2026, 1, 5, 14, 30)),
    ("1/5/2026 14:30:59", T(2026, 1, 5, 14, 30, 59)),
    ("1/5/2026 2:30 PM", T(2026, 1, 5, 14, 30)),
    ("1/5/2026 2:30 pm", T(2026, 1, 5, 14, 30)),
    ("1/5/2026 12:05 AM", T(2026, 1, 5, 0, 5)),
    ("1/5/2026 10:32:07 AM", T(2026, 1, 5, 10, 32, 7)),
    ("1/5/26", T(2026, 1, 5)),
    ("1/5/26 9:15 AM", T(2026, 1, 5, 9, 15)),
    ("1-5-2026", T(2026, 1, 5)),
    ("5.1.2026", T(2026, 1, 5)),
    ("05.01.2026", T(2026, 1, 5)),
    ("05.01.2026 14:30", T(2026, 1, 5, 14, 30)),
    ("05.01.26", T(2026, 1, 5)),
    ("Jan 5, 2026", T(2026, 1, 5)),
    ("Jan 5 2026", T(2026, 1, 5)),
    ("January 5, 2026", T(2026, 1, 5)),
    ("5 Jan 2026", T(2026, 1, 5)),
    ("5 January 2026", T(2026, 1, 5)),
    ("05-Jan-2026", T(2026, 1, 5)),
    ("05-Jan-26", T(2026, 1, 5)),
    ("Jan 5, 2026 2:30 PM", T(2026, 1, 5, 14, 30)),
    ("Mon Jan 5, 2026", T(2026, 1, 5)),
    ("  2026-01-05  ", T(2026, 1, 5)),
    ("45662", T(2025, 1, 5)),
    ("45662.5", T(2025, 1, 5, 12)),
    ("46027", T(2026, 1, 5)),
    ("", None),
    ("-", None),
    ("n/a", None),
    ("not a date", None),
    ("2026-13-01", None),
    ("2026-02-30", None),
    ("13/13/2026", None),
    ("31/01/2026", T(2026, 1, 31)),  # in a month-first file, still only readable day first
    ("12345", None),
    ("99999", None),
    ("1/5", None),
    ("yesterday", None),
    ("2026-01-05 25:00", None),
]

TIMESTAMPS_DAY_FIRST: list[tuple[str, dt.datetime | None]] = [
    ("5/1/2026", T(2026, 1, 5)),
    ("05/01/2026", T(2026, 1, 5)),
    ("31/12/2025", T(2025, 12, 31)),
    ("31/01/2026 14:30", T(2026, 1, 31, 14, 30)),
    ("31/01/2026 14:30:10", T(2026, 1, 31, 14, 30, 10)),
    ("05/01/26", T(2026, 1, 5)),
    ("5-1-2026", T(2026, 1, 5)),
    ("05.01.2026", T(2026, 1, 5)),
    ("2026-01-05", T(2026, 1, 5)),
    ("5 Jan 2026", T(2026, 1, 5)),
    ("45662", T(2025, 1, 5)),
    ("12/31/2025", T(2025, 12, 31)),  # in a day-first file, still only readable month first
]


@pytest.mark.parametrize(("text", "expected"), TIMESTAMPS_MONTH_FIRST)
def test_parse_timestamp_month_first(
    con: duckdb.DuckDBPyConnection, text: str, expected: dt.datetime | None
) -> None:
    assert _one(con, "select parse_timestamp(?, false)", text) == expected, text


@pytest.mark.parametrize(("text", "expected"), TIMESTAMPS_DAY_FIRST)
def test_parse_timestamp_day_first(
    con: duckdb.DuckDBPyConnection, text: str, expected: dt.datetime | None
) -> None:
    assert _one(con, "select parse_timestamp(?, true)", text) == expected, text


@pytest.mark.parametrize(
    ("text", "day", "month"),
    [
        ("13/01/2026", True, False),
        ("31-12-2025", True, False),
        ("01/13/2026", False, True),
        ("12/31/2025", False, True),
        ("01/02/2026", False, False),
        ("2026-01-31", False, False),
    ],
)
def test_date_order_hints(con: duckdb.DuckDBPyConnection, text: str, day: bool, month: bool) -> None:
    assert _one(con, "select looks_day_first(?)", text) is day
    assert _one(con, "select looks_month_first(?)", text) is month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:15", dt.time(9, 15)),
        ("9:15", dt.time(9, 15)),
        ("14:05:00", dt.time(14, 5)),
        ("9:15 AM", dt.time(9, 15)),
        ("9:15 pm", dt.time(21, 15)),
        ("12:00 PM", dt.time(12, 0)),
        ("9:15:30 PM", dt.time(21, 15, 30)),
        ("9:15PM", dt.time(21, 15)),
        ("", None),
        ("25:00", None),
        ("noon", None),
    ],
)
def test_parse_time(con: duckdb.DuckDBPyConnection, text: str, expected: dt.time | None) -> None:
    assert _one(con, "select parse_time(?)", text) == expected, text


# --------------------------------------------------------------------------- parse_minutes

MINUTES: list[tuple[str, str, float | None]] = [
    ("00:30", "minutes", 30.0),
    ("1:30", "minutes", 90.0),
    ("01:30:00", "minutes", 90.0),
    ("00:00:45", "minutes", 0.75),
    ("1:02:30", "seconds", 62.5),  # clock text ignores the unit
    ("1h 30m", "minutes", 90.0),
    ("1h30m", "minutes", 90.0),
    ("2h", "minutes", 120.0),
    ("1.5 hours", "minutes", 90.0),
    ("1 hr 15 min", "minutes", 75.0),
    ("2 hrs", "minutes", 120.0),
    ("45 min", "seconds", 45.0),
    ("45 mins", "minutes", 45.0),
    ("45 minutes", "minutes", 45.0),
    ("45m", "minutes", 45.0),
    ("90 s", "minutes", 1.5),
    ("90 sec", "minutes", 1.5),
    ("30 seconds", "hours", 0.5),
    ("1m 30s", "minutes", 1.5),
    ("90", "minutes", 90.0),
    ("90", "seconds", 1.5),
    ("1.5", "hours", 90.0),
    ("2", "hours", 120.0),
    ("90000", "milliseconds", 1.5),
    ("0", "minutes", 0.0),
    ("1,234", "seconds", 1234 / 60),
    ("", "minutes", None),
    ("-", "minutes", None),
    ("n/a", "seconds", None),
    ("abc", "minutes", None),
    ("1:75", "minutes", None),
    ("ten minutes", "minutes", None),
]


@pytest.mark.parametrize(("text", "unit", "expected"), MINUTES)
def test_parse_minutes(con: duckdb.DuckDBPyConnection, text: str, unit: str, expected: float | None) -> None:
    got = _one(con, "select parse_minutes(?, ?, false)", text, unit)
    assert got == pytest.approx(expected) if expected is not None else got is None, (text, got)


def test_parse_minutes_decimal_comma(con: duckdb.DuckDBPyConnection) -> None:
    assert _one(con, "select parse_minutes('1,5', 'hours', true)") == pytest.approx(90.0)
    assert _one(con, "select parse_minutes('2,5 min', 'seconds', true)") == pytest.approx(2.5)


# --------------------------------------------------------------------------- parse_bool


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("True", True),
        ("t", True),
        ("yes", True),
        ("Yes", True),
        ("Y", True),
        ("1", True),
        ("x", True),
        ("X", True),
        ("✓", True),
        ("checked", True),
        (" yes ", True),
        ("false", False),
        ("FALSE", False),
        ("f", False),
        ("no", False),
        ("No", False),
        ("N", False),
        ("0", False),
        ("unchecked", False),
        # the yes/no words of the languages the detector accepts as a yes/no column (values.BOOL)
        ("Ja", True),
        ("Nein", False),
        ("wahr", True),
        ("FALSCH", False),
        ("Sí", True),
        ("si", True),
        ("Oui", True),
        ("Non", False),
        ("vrai", True),
        ("faux", False),
        ("Sim", True),
        ("Não", False),
        ("nao", False),
        ("verdadeiro", True),
        ("falso", False),
        ("", None),
        ("-", None),
        ("n/a", None),
        ("maybe", None),
        ("2", None),
    ],
)
def test_parse_bool(con: duckdb.DuckDBPyConnection, text: str, expected: bool | None) -> None:
    assert _one(con, "select parse_bool(?)", text) is expected, text


# --------------------------------------------------------------------------- deal status


@pytest.mark.parametrize(
    ("status", "stage", "expected"),
    [
        ("Won", "Negotiation", "won"),
        ("won", "x", "won"),
        ("Closed Won", "x", "won"),
        ("closed_won", "x", "won"),
        ("Lost", "Proposal", "lost"),
        ("Closed Lost", "x", "lost"),
        ("lost", "Closed Won", "lost"),  # explicit status wins over the stage
        ("Deleted", "x", "lost"),
        ("Abandoned", "x", "lost"),  # Copper
        ("Open", "Closed Won", "open"),
        ("open", "x", "open"),
        ("In Progress", "x", "open"),
        ("Pending", "x", "open"),  # Odoo's Won/Lost column
        (None, "Closed Won", "won"),
        (None, "Closed/Won", "won"),  # Close's default stage label
        (None, "ClosedWon", "won"),
        (None, "Won", "won"),
        (None, "closed won", "won"),
        (None, "Closed Lost", "lost"),
        (None, "Lost", "lost"),
        (None, "Disqualified", "lost"),
        (None, "Prospecting", "open"),
        (None, "Negotiation/Review", "open"),
        ("", "Won", "won"),
        ("-", "Lost", "lost"),
        (None, "Won't close", "open"),
        (None, "Payment Done", "open"),  # nothing says: open, and asked about (below)
    ],
)
def test_deal_status_from_status_and_stage(
    con: duckdb.DuckDBPyConnection, status: str | None, stage: str, expected: str
) -> None:
    assert _status(con, status, stage) == expected


@pytest.mark.parametrize(
    ("is_won", "is_closed", "stage", "expected"),
    [
        ("true", "true", "Payment Done", "won"),  # Salesforce IsWon / IsClosed
        ("false", "true", "Payment Done", "lost"),
        ("false", "false", "Closed Won", "open"),  # the yes/no columns beat the stage's name
        ("1", None, "x", "won"),  # HubSpot "Is Closed Won"
        (None, "no", "Closed Won", "open"),
    ],
)
def test_deal_status_from_won_and_closed_columns(
    con: duckdb.DuckDBPyConnection, is_won: str | None, is_closed: str | None, stage: str, expected: str
) -> None:
    assert _status(con, None, stage, is_won, is_closed) == expected


def test_a_stage_nothing_decides_is_open_and_undecided(con: duckdb.DuckDBPyConnection) -> None:
    _status(con, None, "Payment Done")
    assert con.execute("SELECT decided_by FROM statuses").fetchone()[0] is None
    _status(con, None, "Proposal")
    assert con.execute("SELECT decided_by FROM statuses").fetchone()[0] == "stage name"


def _status(
    con: duckdb.DuckDBPyConnection,
    status: str | None,
    stage: str,
    is_won: str | None = None,
    is_closed: str | None = None,
) -> str:
    con.execute(
        "CREATE OR REPLACE TEMP TABLE clean AS SELECT clean_text(?) AS status_text, ? AS stage,"
        " parse_bool(?) AS is_won, parse_bool(?) AS is_closed, NULL::BOOLEAN AS active,"
        " []::INT[] AS problems",
        [status, stage, is_won, is_closed],
    )
    db.execute(con, "ingest_opportunity_statuses", source="test")
    return con.execute("SELECT status FROM statuses").fetchone()[0]


# --------------------------------------------------------------------------- is_report_footer


@pytest.mark.parametrize(
    "text",
    [
        "Grand Totals (120 records)",
        "Grand Totals (1 record)",
        "Grand Total",
        "Grand Totals",
        "Total",
        "Totals",
        "TOTAL",
        "Total:",
        "Total: 12",
        "Total 1,234",
        "Subtotal",
        "Sum",
        "Count: 12",
        "Count",
        "Record Count: 3",
        "Total Records: 12",
        "(3 records)",
        "Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.",
        "Copyright © 2026 HubSpot",
        "Confidential Information - Do Not Distribute",
        "Generated By: Jane Doe 1/5/2026 10:32 AM",
        "Powered by Pipedrive",
        "Filtered By: Close Date equals THIS QUARTER",
        "  Grand Totals (120 records)  ",
        "Summe",
        "SUMME:",
        "Gesamt",
        "Gesamtsumme 4105",
        "Zwischensumme",
        "Insgesamt: 12",
        "Gesamtergebnis",
    ],
)
def test_is_report_footer_matches(con: duckdb.DuckDBPyConnection, text: str) -> None:
    assert _one(con, "select is_report_footer(?)", text) is True, text


@pytest.mark.parametrize(
    "text",
    [
        "Total Quality Inc",
        "Totally Fit LLC",
        "Acme",
        "Sumitomo Corp",
        "Counterpoint Ltd",
        "Country Club",
        "Ada Lovelace",
        "2026-01-05",
        "12",
        "OPP-0001",
        "Generation Next",
        "Confidential Corp",
        "Copyright Clearance Center",
        "Confidential Information Systems Ltd",
        "Generated Byte Labs",
        "Powered By Nature Inc",
        "Filtered Water Co",
        "Gesamtschule Nord",
        "Summerfield GmbH",
        "Insgesamt Versicherung AG",
    ],
)
def test_is_report_footer_leaves_data_alone(con: duckdb.DuckDBPyConnection, text: str) -> None:
    assert _one(con, "select is_report_footer(?)", text) is False, text


REPORT_ENDS: list[tuple[str, bool]] = [
    ("Grand Totals (120 records)", True),
    ("Grand Total", True),
    ("Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.", True),
    ("Copyright © 2026 HubSpot, Inc.", True),
    ("Confidential Information - Do Not Distribute", True),
    ("Generated By:  Jane Doe  1/5/2026 10:32 AM", True),
    # footers that may sit between data rows do not end the report
    ("Total", False),
    ("Subtotal", False),
    ("Count: 12", False),
    ("Filtered By: Stage equals Closed Won", False),
    ("Copyright Clearance Center", False),
    ("Confidential Information Systems Ltd", False),
    ("Grand Total Tours", False),
    ("Acme", False),
]


@pytest.mark.parametrize(("text", "expected"), REPORT_ENDS)
def test_is_report_end(con: duckdb.DuckDBPyConnection, text: str, expected: bool) -> None:
    assert _one(con, "select is_report_end(?)", text) is expected, text


@pytest.mark.parametrize("text", [t for t, end in REPORT_ENDS if end])
def test_every_report_end_is_a_footer(con: duckdb.DuckDBPyConnection, text: str) -> None:
    # ingest_read_csv only tries is_report_end on footer lines
    assert _one(con, "select is_report_footer(?)", text) is True, text


def test_is_report_footer_null(con: duckdb.DuckDBPyConnection) -> None:
    assert _one(con, "select is_report_footer(NULL)") is None


# --------------------------------------------------------------------------- clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Ada  ", "Ada"),
        ("\tAda\r\n", "Ada"),
        ("\u00a0Ada\u00a0", "Ada"),
        ("", None),
        ("   ", None),
        ("-", None),
        ("---", None),
        ("—", None),
        ("n/a", None),
        ("N/A", None),
        ("#N/A", None),
        ("null", None),
        ("(blank)", None),
        ("Ada-Marie", "Ada-Marie"),
        ("Nadia", "Nadia"),
        ("NA Team", "NA Team"),
    ],
)
def test_clean_text(con: duckdb.DuckDBPyConnection, text: str, expected: str | None) -> None:
    assert _one(con, "select clean_text(?)", text) == expected
