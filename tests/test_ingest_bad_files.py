"""Files that are wrong in one way or another: each is reported, naming the file, and
a file that fails leaves every table exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file
from tests.stored import fetch, table_contents


def load(database: Database, path: Path, **options: object) -> IngestResult:
    return ingest_file(database, path, IngestOptions(**options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database per module that already holds one upload of each kind.

    Tests compare its full contents before and after their own file, so they
    may share it (a test whose file loads only changes what later ones compare).
    """
    folder = tmp_path_factory.mktemp("seeded")
    database = Database(folder / "seeded.duckdb")
    files = {
        "roster.csv": "rep,team,manager\nAda,North,Mia\nBob,South,Mia\n",
        "activities.csv": "activity_id,rep,date,type\nA1,Ada,2026-01-05,Call\nA2,Bob,2026-01-06,Email\n",
        "pipeline.csv": "opportunity_id,owner,stage,amount,snapshot_date\nO1,Ada,Proposal,100,2026-01-09\n",
        "targets.csv": "metric,value,period\nfirst_meetings,3,week\n",
        "accounts.csv": "account,rep\nAcme,Ada\n",
    }
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        assert load(database, path).status == "loaded"
    yield database
    database.close()


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(range(256)) * 4


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


def _empty_workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


BAD_FILES = [
    pytest.param("random.csv", random.Random(7).randbytes(4000), {}, "binary", id="random-bytes"),
    pytest.param("picture.png", _png(), {}, "binary", id="png"),
    pytest.param("picture.csv", _png(), {}, "binary", id="png-named-csv"),
    pytest.param("empty.csv", b"", {}, "empty", id="empty"),
    pytest.param("blank.csv", b"  \r\n\n\t\n", {}, "empty", id="whitespace-only"),
    pytest.param("header.csv", b"rep,date,type\n", {}, "no data rows", id="header-only"),
    pytest.param("header2.csv", b"rep,date,type", {}, "no data rows", id="header-only-no-newline"),
    pytest.param(
        "header-blanks.csv", b"rep,date,type\n\n,,\n  \n", {}, "no data rows", id="header-then-blanks"
    ),
    pytest.param(
        "footer-only.csv",
        b"rep,date,type\nGrand Totals (0 records),,\n",
        {},
        "no data rows",
        id="header-and-footer-only",
    ),
    pytest.param("one-column.csv", b"notes\nhello\nworld\n", {}, "no table found", id="one-column"),
    pytest.param(
        "roster.csv",
        b"rep,team\nAda,North\n",
        {"kind": "opportunities"},
        "no column found for: Stage, Amount",
        id="wrong-kind-forced",
    ),
    pytest.param(
        "mystery.csv",
        b"foo,bar,baz\n1,2,3\n",
        {},
        "could not tell what kind of file this is",
        id="unknown-headers",
    ),
    pytest.param(
        "name-value.csv",
        b"Name,Value\nAda,3\n",
        {},
        "no column found for",
        id="unsure-headers",
    ),
    pytest.param(
        "all-bad.csv",
        b"rep,date\nAda,bad\nBob,worse\n,2026-01-05\n",
        {},
        "none of the 3 rows could be read",
        id="every-row-bad",
    ),
    pytest.param(
        "all-too-wide.csv",
        b"rep,date\nAda,2026-01-05,x\nBob,2026-01-06,y\n",
        {},
        "none of the 2 rows could be read",
        id="every-row-too-wide",
    ),
    pytest.param("broken.xlsx", b"PK\x03\x04" + bytes(300), {}, "cannot be opened", id="truncated-xlsx"),
    pytest.param("archive.xlsx", _zip_without_workbook(), {}, "cannot be opened", id="zip-not-xlsx"),
    pytest.param("old.xls", b"\xd0\xcf\x11\xe0" + bytes(300), {}, "cannot be opened", id="broken-xls"),
    pytest.param("blank.xlsx", _empty_workbook(), {}, "no table found", id="empty-workbook"),
    pytest.param(
        "bad.csv",
        "rep,team\nAda,North\n".encode("utf-16-le")[:-1],
        {},
        "not valid utf-16",
        id="utf16-cut-mid-character",
    ),
]


@pytest.mark.parametrize(("name", "content", "options", "says"), BAD_FILES)
def test_bad_file_fails_and_changes_nothing(
    seeded: Database, write, name: str, content: bytes, options: dict, says: str
) -> None:
    before = table_contents(seeded)
    result = load(seeded, write(name, content), **options)
    assert result.status == "failed", result.message
    assert result.upload_id is None
    assert result.message.startswith(f"{name}: "), result.message
    assert says in result.message
    assert result.errors, "a failed file says why"
    assert "Traceback" not in result.message and "Error:" not in result.message
    assert table_contents(seeded) == before


def test_missing_path(seeded: Database, tmp_path: Path) -> None:
    before = table_contents(seeded)
    result = load(seeded, tmp_path / "nowhere.csv")
    assert result.status == "failed"
    assert "nowhere.csv" in result.message
    assert table_contents(seeded) == before


def test_every_row_bad_lists_each_problem(seeded: Database, write) -> None:
    before = table_contents(seeded)
    result = load(seeded, write("all-bad.csv", "rep,date\nAda,bad\nBob,worse\n,2026-01-05\n"))
    assert result.status == "failed"
    assert [(e["row"], e["column"], e["value"], e["message"]) for e in result.errors] == [
        (2, "date", "bad", "not a date"),
        (3, "date", "worse", "not a date"),
        (4, "rep", None, "missing rep"),
    ]
    assert "row 2, column 'date', value 'bad'" in result.message
    assert table_contents(seeded) == before


def test_ten_thousand_rows_with_one_bad_date(database: Database, write) -> None:
    start = dt.date(2026, 1, 5)
    lines = ["activity_id,rep,Activity Date,type,subject"]
    for i in range(10_000):
        day = start + dt.timedelta(days=i % 60)
        date_text = "2026-02-30" if i == 6_543 else day.isoformat()
        lines.append(f"ACT-{i:05d},Rep {i % 25},{date_text},Call,Call {i}")
    result = load(database, write("big.csv", "\n".join(lines) + "\n"))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (10_000, 9_999, 1)
    # record i is on spreadsheet row i + 2 (header is row 1)
    assert result.errors == [
        {"row": 6_545, "column": "Activity Date", "value": "2026-02-30", "message": "not a date"}
    ]
    assert "row 6545, column 'Activity Date', value '2026-02-30'" in result.message
    assert "big.csv" in result.message
    assert fetch(database, "SELECT count(*), count(DISTINCT source_id) FROM activities") == [(9_999, 9_999)]
    assert fetch(database, "SELECT count(*) FROM activities WHERE source_id = 'ACT-06543'") == [(0,)]
    assert fetch(database, "SELECT row_number, column_name, value, reason FROM rejected_rows") == [
        (6_545, "Activity Date", "2026-02-30", "not a date")
    ]


def test_too_many_fields_rejects_that_line_only(database: Database, write) -> None:
    text = (
        "rep,date,subject\n"
        "Ada,2026-01-05,Hello\n"
        "Bob,2026-01-05,Hello, again\n"  # unquoted comma: 4 fields
        'Cy,2026-01-06,"Hello, quoted"\n'
        "Dee,2026-01-07,Bye\n"
    )
    result = load(database, write("comma.csv", text))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 3, 1)
    [error] = result.errors
    assert (error["row"], error["column"], error["value"]) == (3, None, "Bob,2026-01-05,Hello, again")
    assert fetch(database, "SELECT rep, subject FROM activities ORDER BY rep") == [
        ("Ada", "Hello"),
        ("Cy", "Hello, quoted"),
        ("Dee", "Bye"),
    ]


def test_unterminated_quote_is_rejected_and_the_rest_loads(database: Database, write) -> None:
    text = 'rep,date,subject\nAda,2026-01-05,x\n"Bob,2026-01-06,"oops\nCy,2026-01-07,z\n'
    result = load(database, write("quote.csv", text))
    assert result.status == "loaded", result.message
    assert [e["row"] for e in result.errors] == [3]
    assert fetch(database, "SELECT rep FROM activities ORDER BY rep") == [("Ada",), ("Cy",)]


@pytest.mark.parametrize(
    ("text", "row", "column", "value", "reason"),
    [
        ("rep,date\nAda,2026-01-05\nBob,1899-12-31\n", 3, "date", "1899-12-31", "date out of range"),
        ("rep,date,duration\nAda,2026-01-05,-5\n", 2, "duration", "-5", "negative duration"),
        ("rep,date,duration\nAda,2026-01-05,long\n", 2, "duration", "long", "not a duration"),
        ("rep,date,time\nAda,2026-01-05,noon\n", 2, "time", "noon", "not a time"),
        ("rep,date,first_meeting\nAda,2026-01-05,maybe\n", 2, "first_meeting", "maybe", "not yes/no"),
        ("owner,stage,amount\nAda,Proposal,-100\n", 2, "amount", "-100", "negative amount"),
        ("owner,stage,amount\nAda,,100\n", 2, "stage", None, "missing stage"),
        (
            "owner,stage,amount,close_date\nAda,Won,1,31/31/2026\n",
            2,
            "close_date",
            "31/31/2026",
            "not a date",
        ),
        ("rep,team,email\nAda,North,ada(at)example\n", 2, "email", "ada(at)example", "not an email address"),
        (
            "rep,team,start_date,end_date\nAda,North,2026-02-01,2026-01-01\n",
            2,
            "end_date",
            "2026-01-01",
            "end date before start date",
        ),
        ("metric,value,period\ncalls,-3,week\n", 2, "value", "-3", "a target cannot be negative"),
        (
            "metric,value,period\ncalls,3,fortnight\n",
            2,
            "period",
            "fortnight",
            "unknown period (expected day, week, month, quarter or year)",
        ),
    ],
)
def test_cell_problems_are_named(
    seeded: Database, write, text: str, row: int, column: str, value: str | None, reason: str
) -> None:
    before = table_contents(seeded)
    result = load(seeded, write("cells.csv", text))
    problem = {"row": row, "column": column, "value": value, "message": reason}
    assert problem in result.errors + result.warnings, (result.errors, result.warnings)
    assert "cells.csv" in result.message
    if problem in result.warnings:  # an optional cell: left blank, the row kept
        assert (result.rows_loaded + result.duplicates_skipped, result.rows_rejected) == (1, 0)
    if result.status == "failed":
        assert table_contents(seeded) == before


def test_rejected_rows_are_stored_with_the_upload(database: Database, write) -> None:
    text = "rep,date\nAda,2026-01-05\nBob,bad\n"
    result = load(database, write("mixed.csv", text))
    assert fetch(
        database,
        "SELECT upload_id, row_number, column_name, value, reason FROM rejected_rows",
    ) == [(result.upload_id, 3, "date", "bad", "not a date")]
    assert fetch(
        database,
        "SELECT file_name, rows_read, rows_loaded, rows_rejected FROM uploads",
    ) == [("mixed.csv", 2, 1, 1)]


@pytest.mark.parametrize(
    ("far_cell", "says"),
    [("XFD1048576", "columns, more than any export has"), ("GR200000", "spans 200,000 rows x 200 columns")],
)
def test_a_sheet_with_a_far_away_cell_is_refused_before_it_is_read(
    seeded: Database, write, far_cell: str, says: str
) -> None:
    import time

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["rep", "date", "type"])
    sheet.append(["Ada", "2026-01-05", "Call"])
    sheet[far_cell] = "x"
    path = write("far.xlsx", b"")
    book.save(path)
    before = table_contents(seeded)
    start = time.perf_counter()
    result = load(seeded, path)
    assert time.perf_counter() - start < 10  # refused from the cell references, not by reading the range
    assert result.status == "failed"
    assert says in result.message, result.message
    assert table_contents(seeded) == before


def test_a_csv_with_thousands_of_columns_is_refused_with_a_sentence(seeded: Database, write) -> None:
    header = ",".join(f"c{i}" for i in range(5000))
    result = load(seeded, write("wide.csv", "rep,date," + header + "\nAda,2026-01-05," + "1," * 4999 + "1\n"))
    assert result.status == "failed"
    assert "the header row has 5,002 columns, more than any export has (1,000 at most)" in result.message


@pytest.mark.parametrize(
    ("text", "column", "value", "reason"),
    [
        ("rep,date,duration\nAda,2026-01-05,99999:00\n", "duration", "99999:00", "longer than a day"),
        (
            "rep,date,type\nAda,2099-01-05,Call\n",
            "date",
            "2099-01-05",
            "date after the upload (a planned activity?)",
        ),
        ("owner,stage,amount\nAda,Proposal,12abc\n", "amount", "12abc", "not a number"),
    ],
)
def test_implausible_values_are_named(
    seeded: Database, write, text: str, column: str, value: str, reason: str
) -> None:
    result = load(seeded, write("odd.csv", text))
    assert {"row": 2, "column": column, "value": value, "message": reason} in result.errors + result.warnings


def test_spacing_variants_of_a_name_are_one_rep(database: Database, write) -> None:
    text = (
        "rep,date,type\nAda Park,2026-01-05,Call\nAda\u00a0Park,2026-01-05,Email\n"
        "Ada\tPark,2026-01-06,Call\nAda  Park,2026-01-07,Call\n"
    )
    assert load(database, write("names.csv", text)).rows_loaded == 4
    assert fetch(database, "SELECT DISTINCT rep FROM activities") == [("Ada Park",)]


@pytest.mark.parametrize(
    ("body", "loaded", "row", "says"),
    [
        (  # the quote on row 3 is never closed: rows 3-5 were never read
            'Ada,2026-01-05,Call,Intro\nBob,2026-01-06,Call,"Demo\nCy,2026-01-07,Call,Demo\nDee,2026-01-08,Call,Demo\n',
            1,
            3,
            "never closed",
        ),
        (  # closed two lines later: row 2's cell took in rows 3 and 4
            'Ada,2026-01-05,Call,"Intro\nBob,2026-01-06,Call,Demo\nCy,2026-01-07,Call,Demo"\nDee,2026-01-08,Call,Demo\n',
            1,
            2,
            "read into one cell",
        ),
    ],
    ids=["never-closed", "closed-lines-later"],
)
def test_every_line_is_loaded_or_reported_around_a_stray_quote(
    database: Database, write, body: str, loaded: int, row: int, says: str
) -> None:
    result = load(database, write("quotes.csv", "rep,date,type,subject\n" + body))
    assert result.status == "loaded", result.message
    assert result.rows_loaded == loaded
    [problem] = result.errors
    assert problem["row"] == row and says in problem["message"], problem
    assert (result.rows_read, result.rows_rejected) == (loaded + 1, 1)
