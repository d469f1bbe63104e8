"""The per-file style decisions (dashboard/ingest/sniff.py) and the fast date path they feed.

Expected values are written by hand. The last tests hold the promise the fast path
rests on: wherever a candidate format reads a cell, it reads it as parse_timestamp does.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import duckdb
import pytest

from dashboard import db
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file, sniff

# --------------------------------------------------------------------------- pick_date_format

PICKS: list[tuple[str, list[str | None], bool, str | None]] = [
    ("us-ampm", ["1/5/2026 9:15 AM", "12/31/2025 11:59 PM", "3/7/2026 10:00 AM"], False, "%m/%d/%Y %I:%M %p"),
    ("us-date", ["1/5/2026", "12/31/2025", "03/07/2026"], False, "%m/%d/%Y"),
    ("us-24h", ["1/5/2026 14:30", "12/31/2025 09:05"], False, "%m/%d/%Y %H:%M"),
    ("us-seconds", ["1/5/2026 14:30:15"], False, "%m/%d/%Y %H:%M:%S"),
    ("us-ampm-no-space", ["1/5/2026 9:15AM", "1/6/2026 2:00PM"], False, "%m/%d/%Y %I:%M%p"),
    ("eu-slash", ["31/12/2025 14:30", "05/01/2026 09:00"], True, "%d/%m/%Y %H:%M"),
    ("eu-date", ["31/12/2025", "5/1/2026"], True, "%d/%m/%Y"),
    ("eu-dot", ["31.12.2025", "5.1.2026"], False, "%d.%m.%Y"),
    ("eu-dot-time", ["31.12.2025 14:30"], True, "%d.%m.%Y %H:%M"),
    ("iso-date", ["2026-01-05", "2025-12-31"], False, "%Y-%m-%d"),
    ("iso-seconds", ["2026-01-05 14:30:15", "2025-12-31 00:00:00"], True, "%Y-%m-%d %H:%M:%S"),
    ("iso-t", ["2026-01-05T14:30:15"], False, "%Y-%m-%dT%H:%M:%S"),
    ("year-first-slash", ["2026/01/05"], False, "%Y/%m/%d"),
    ("month-name", ["Jan 5, 2026", "Dec 31, 2025"], False, "%b %d, %Y"),
    ("long-month-name", ["January 5, 2026", "December 31, 2025"], False, "%B %d, %Y"),
    ("day-month-name", ["5 Jan 2026", "31 Dec 2025"], False, "%d %b %Y"),
    ("dashed-month-name", ["05-Jan-2026"], False, "%d-%b-%Y"),
    ("spaces-around", ["  1/5/2026  ", "1/6/2026"], False, "%m/%d/%Y"),
    ("majority-wins", ["2026-01-05", "1/5/2026", "1/6/2026", "1/7/2026"], False, "%m/%d/%Y"),
    ("tie-first-listed", ["2026-01-05", "1/5/2026"], False, "%m/%d/%Y"),
    ("blanks-ignored", [None, "", "  ", "1/5/2026"], False, "%m/%d/%Y"),
    # nothing the fast path may use: parse_timestamp reads these alone
    ("two-digit-years", ["1/5/26", "12/31/25"], False, None),
    ("excel-serials", ["45662", "45662.5"], False, None),
    ("iso-with-zone", ["2026-01-05T14:30:15Z", "2026-01-05T14:30:15+01:00"], False, None),
    ("fractions", ["2026-01-05 14:30:15.250"], False, None),
    ("weekday", ["Mon Jan 5, 2026"], False, None),
    ("not-dates", ["n/a", "yesterday", "-"], False, None),
    ("empty", [], False, None),
    ("day-first-cells-month-first-file", ["31/12/2025", "25/01/2026"], False, None),
    ("month-first-cells-day-first-file", ["12/31/2025 9:15 AM"], True, None),
]


@pytest.mark.parametrize(
    ("sample", "day_first", "expected"), [p[1:] for p in PICKS], ids=[p[0] for p in PICKS]
)
def test_pick_date_format(sample: list[str | None], day_first: bool, expected: str | None) -> None:
    assert sniff.pick_date_format(sample, day_first) == expected


def test_candidates_follow_the_date_order() -> None:
    assert "%m/%d/%Y" in sniff.date_formats(False) and "%d/%m/%Y" not in sniff.date_formats(False)
    assert "%d/%m/%Y" in sniff.date_formats(True) and "%m/%d/%Y" not in sniff.date_formats(True)
    assert not any("%y" in f for f in sniff.date_formats(False) + sniff.date_formats(True))


# --------------------------------------------------------------------------- votes


@pytest.mark.parametrize(
    ("option", "day_votes", "month_votes", "expected"),
    [
        (None, 0, 0, False),
        (None, 3, 2, True),
        (None, 2, 3, False),
        (None, 5, 5, False),
        (True, 0, 9, True),
        (False, 9, 0, False),
    ],
)
def test_decide_day_first(option: bool | None, day_votes: int, month_votes: int, expected: bool) -> None:
    assert sniff.decide_day_first(option, day_votes, month_votes) is expected


@pytest.mark.parametrize(
    ("option", "day_votes", "month_votes", "expected"),
    [(None, 0, 0, True), (None, 5, 5, True), (None, 2, 3, False), (False, 0, 0, False)],
)
def test_decide_day_first_in_a_day_first_language(
    option: bool | None, day_votes: int, month_votes: int, expected: bool
) -> None:
    """A tie (no cell decides) follows the language's usual order; votes and the user's choice come first."""
    assert sniff.decide_day_first(option, day_votes, month_votes, usual=True) is expected


@pytest.mark.parametrize(
    ("comma", "point", "expected"),
    [(0, 0, False), (4, 1, True), (1, 4, False), (2, 2, False)],
)
def test_decide_decimal_comma(comma: int, point: int, expected: bool) -> None:
    assert sniff.decide_decimal_comma(comma, point) is expected


def test_style_params() -> None:
    style = sniff.Style(True, False, {"created_date": "%d/%m/%Y", "close_date": None})
    assert style.params() == {
        "day_first": True,
        "decimal_comma": False,
        "created_date_format": "%d/%m/%Y",
        "close_date_format": None,
        "created_date_day_first": True,
        "close_date_day_first": True,
    }


# --------------------------------------------------------------------------- sniff on a staged file

STAGED: list[tuple[str, str, bool | None, sniff.Style]] = [
    (
        "us-activities",
        "rep,date,duration\nAda,1/5/2026 9:15 AM,45\nBob,12/31/2025 2:00 PM,1.5\n",
        None,
        sniff.Style(False, False, {"date": "%m/%d/%Y %I:%M %p"}, {"date": False}),
    ),
    (
        "eu-activities-by-votes",
        'rep,date,duration\nAda,31/12/2025 14:30,"1,5"\nBob,05/01/2026 09:00,"2,25"\n',
        None,
        sniff.Style(True, True, {"date": "%d/%m/%Y %H:%M"}, {"date": True}),
    ),
    (
        "ambiguous-dates-user-says-day-first",
        "rep,date\nAda,01/02/2026\nBob,03/04/2026\n",
        True,
        sniff.Style(True, False, {"date": "%d/%m/%Y"}, {"date": True}),
    ),
    (
        "no-usable-format",
        "rep,date\nAda,45662\nBob,1/5/26\n",
        None,
        sniff.Style(False, False, {"date": None}, {"date": False}),
    ),
]


@pytest.mark.parametrize(("text", "option", "expected"), [s[1:] for s in STAGED], ids=[s[0] for s in STAGED])
def test_sniff_staged_activities(
    database: Database,
    write,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    option: bool | None,
    expected: sniff.Style,
) -> None:
    seen: list[sniff.Style] = []
    real = sniff.sniff

    def spy(cur: duckdb.DuckDBPyConnection, kind: str, day_first: bool | None, usual: bool) -> sniff.Style:
        seen.append(real(cur, kind, day_first, usual))
        return seen[-1]

    monkeypatch.setattr(sniff, "sniff", spy)
    result = ingest_file(database, write("a.csv", text), IngestOptions(kind="activities", day_first=option))
    assert result.status == "loaded", result.message
    assert seen == [expected]


# --------------------------------------------------------------------------- fast path == general parser


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    database = Database(tmp_path_factory.mktemp("sniff") / "sniff.duckdb")
    with database.cursor("write") as cur:
        yield cur
    database.close()


# Cells that a candidate format reads, or nearly reads: short years, padding, spaces,
# odd separators, times that do not exist, time zones, AM/PM spellings, month names.
TRICKY = [
    "1/5/2026",
    "01/05/2026",
    "1/5/26",
    "1/5/026",
    "1/5/0026",
    "1/5/6",
    "1/5/20260",
    "0/5/2026",
    "13/13/2026",
    "1/5/2026 9:15 AM",
    "1/5/2026 9:15AM",
    "1/5/2026 9:15 am",
    "1/5/2026  9:15 AM",
    "1/5/2026\t9:15 AM",
    "1/5/2026 9:5 AM",
    "1/5/2026 13:15 PM",
    "1/5/2026 0:15 AM",
    "1/5/2026 9:15 A.M.",
    "1/5/2026 24:00",
    "1/5/2026 14:30:15",
    "1/5/2026 2:30:15 PM",
    " 1/5/2026 ",
    "\u00a01/5/2026",
    "1-5-2026",
    "1/5/2026 9:15 AM PST",
    "31/12/2025",
    "31/12/2025 14:30",
    "5/1/2026 09:00",
    "2026-01-05",
    "2026-1-5",
    "26-01-05",
    "0026-01-05",
    "2026-01-05 14:30",
    "2026-01-05 9:30",
    "2026-01-05 14:30:15",
    "2026-01-05T14:30:15",
    "2026-01-05T14:30",
    "2026-01-05T14:30:15Z",
    "2026-01-05 14:30:15.250",
    "2026-01-05 14:30:15+01:00",
    "2026/01/05",
    "2026/1/5 9:15",
    "5.1.2026",
    "05.01.2026 14:30",
    "05.01.2026 14:30:15",
    "5.1.26",
    "Jan 5, 2026",
    "jan 5, 2026",
    "JAN 5, 2026",
    "January 5, 2026",
    "Jan 5 2026",
    "Jan 5,2026",
    "5 Jan 2026",
    "5 January 2026",
    "05-Jan-2026",
    "05-Jan-26",
    "Mon Jan 5, 2026",
    "Sept 5, 2026",
    "Sep 5, 2026",
    "45662",
    "45662.5",
    "12345",
    "",
    " ",
    "-",
    "n/a",
    "null",
    "1/5/0999",
    "1/5/1000",
    "1/1/1000 0:00 AM",
    "1000-01-01",
    "9999-12-31",
    "12/31/9999 11:59 PM",
]


def _mismatches(con: duckdb.DuckDBPyConnection, cells: list[str]) -> list[tuple]:
    """(format, day_first, cell, fast, general) wherever a candidate's fast read differs."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE cells AS SELECT s, parse_timestamp(s, false) AS month_first,"
        " parse_timestamp(s, true) AS day_first FROM unnest($cells::VARCHAR[]) t(s)",
        {"cells": cells},
    )
    found = []
    for day_first, general in ((False, "month_first"), (True, "day_first")):
        for fmt in sniff.date_formats(day_first):
            found += con.execute(
                f"SELECT $fmt, {day_first}, s, fast, {general} FROM"
                f" (SELECT *, fast_timestamp(s, $fmt) AS fast FROM cells)"
                f" WHERE coalesce(fast, {general}) IS DISTINCT FROM {general}",
                {"fmt": fmt},
            ).fetchall()
    return found


def test_fast_path_reads_tricky_cells_as_parse_timestamp(con: duckdb.DuckDBPyConnection) -> None:
    assert _mismatches(con, TRICKY) == []


def test_fast_path_reads_the_cells_it_is_for(con: duckdb.DuckDBPyConnection) -> None:
    got = con.execute(
        "SELECT fast_timestamp('12/31/2025 2:30 PM', '%m/%d/%Y %I:%M %p'),"
        " fast_timestamp('1/5/26', '%m/%d/%Y'), fast_timestamp('2026-01-05', NULL)"
    ).fetchone()
    assert got == (dt.datetime(2025, 12, 31, 14, 30), None, None)


_DIGITS = ["1", "01", "5", "12", "13", "31", "2026", "26", "026", "0999", "9", "0"]
_SEPARATORS = ["/", "-", ".", ":", " ", "  ", "\t", ",", "T", "\u00a0"]
_WORDS = ["Z", "AM", "pm", "Jan", "January", "Sept", "+01:00", "x"]
_PARTS = _DIGITS + _SEPARATORS + _WORDS


def _cells(seed: int, count: int) -> list[str]:
    """Cells near every candidate format: real times written with it (some unpadded,
    some with spaces), and random runs of date-like pieces."""
    rng = random.Random(seed)
    formats = sniff.date_formats(False) + sniff.date_formats(True)
    cells = []
    for _ in range(count):
        if rng.random() < 0.5:
            when = dt.datetime(
                rng.randint(1, 9999),
                rng.randint(1, 12),
                rng.randint(1, 28),
                rng.randint(0, 23),
                rng.randint(0, 59),
            )
            cell = when.strftime(rng.choice(formats))
            if rng.random() < 0.3:
                cell = cell.replace("/0", "/").replace(" 0", " ").lstrip("0")
            if rng.random() < 0.2:
                spot = rng.randint(0, len(cell))
                cell = cell[:spot] + rng.choice(_PARTS) + cell[spot:]
        else:
            cell = "".join(rng.choice(_PARTS) for _ in range(rng.randint(1, 12)))
        cells.append(cell)
    return cells


@pytest.mark.parametrize("seed", [1, 2])
def test_fast_path_never_disagrees(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    assert _mismatches(con, _cells(seed, 20_000)) == []


# --------------------------------------------------------------------------- votes by distinct text


def test_activity_votes_count_every_row(con: duckdb.DuckDBPyConnection) -> None:
    """ingest_sniff_activities votes once per distinct text (a date by its first 10 characters),
    weighed by its rows: the votes equal the macros counted on every row, whatever the cells."""
    dates = (
        TRICKY + _cells(3, 5_000) + ["13/1/2026 9:15", "13/1/2026 10:00", " 13/1/26", "1/13/26x", "3/31/2026"]
    )
    durations = ["45", "1,5", "1.5", "1.234,56", "1,234.56", " 2,25 ", "12,5 %", "x", "", None, "1,5", "45"]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE stage AS SELECT d.date, t.duration"
        " FROM unnest($dates::VARCHAR[]) d(date), unnest($durations::VARCHAR[]) t(duration)",
        {"dates": dates, "durations": durations},
    )
    votes = db.execute(con, "ingest_sniff_activities").fetchone()[:4]
    each_row = con.execute(
        "SELECT count(*) FILTER (looks_day_first(date)), count(*) FILTER (looks_month_first(date)),"
        " count(*) FILTER (looks_decimal_comma(duration)), count(*) FILTER (looks_decimal_point(duration))"
        " FROM stage"
    ).fetchone()
    assert votes == each_row
    assert all(each_row)  # every vote is tried
    con.execute("DROP TABLE stage")


@pytest.mark.parametrize("seed", [1, 2])
def test_a_read_cell_holds_a_time_exactly_when_its_format_has_one(
    con: duckdb.DuckDBPyConnection, seed: int
) -> None:
    """ingest_clean_activities reads a date cell's time without a pattern where the file's
    format read the cell: the cell has a time ('9:15') exactly when the format has ':'."""
    cells = TRICKY + _cells(seed, 20_000) + ["1/5/2026 9: 15 AM", "1/5/2026 9 :15 AM", "2026-01-05T 9:30"]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE cells AS SELECT s FROM unnest($cells::VARCHAR[]) t(s)", {"cells": cells}
    )
    for fmt in set(sniff.date_formats(False) + sniff.date_formats(True)):
        read, wrong = con.execute(
            "SELECT count(*), count(*) FILTER (regexp_matches(s, '[0-9]:[0-9]') <> contains($fmt, ':'))"
            " FROM cells WHERE fast_timestamp(s, $fmt) IS NOT NULL",
            {"fmt": fmt},
        ).fetchone()
        assert read > 0 and wrong == 0, fmt
