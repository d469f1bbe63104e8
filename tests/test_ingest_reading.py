"""How a CSV's body is handed to DuckDB (parallel or in order, empty lines, file copies)
and how activity categories are found. Expected values are written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db
from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file, lines, read
from tests.stored import fetch


def load(database: Database, path: Path, **options: object) -> IngestResult:
    return ingest_file(database, path, IngestOptions(**options))  # type: ignore[arg-type]


def errors(result: IngestResult) -> list[tuple]:
    return [(e["row"], e["column"], e["value"], e["message"]) for e in result.errors]


# --------------------------------------------------------------------------- quoted line breaks


@pytest.mark.parametrize(
    ("data", "odd_before", "expected"),
    [
        (b"a,b\nc,d\n", False, (False, False)),
        (b'a,"b,c"\nd\n', False, (False, False)),
        (b'a,"b\nc"\n', False, (True, False)),
        (b'a,"b ""q"" c"\n', False, (False, False)),
        (b'a,"b\r\nc"\n', False, (True, False)),
        (b'a,"b\rc"\n', False, (True, False)),
        (b'a,"open\n', False, (True, True)),
        (b'still inside\n"\n', True, (True, False)),
        (b'closes here",x\nnext\n', True, (False, False)),
        (b"no quotes at all\n", True, (True, True)),
        (b"no quotes, no line end", True, (False, True)),
    ],
)
def test_quoted_line_break(data: bytes, odd_before: bool, expected: tuple[bool, bool]) -> None:
    assert lines.quoted_line_break(data, odd_before) == expected


@pytest.mark.parametrize(
    ("text", "parallel", "empty_lines", "copied"),
    [
        ("rep,date\nAda,2026-01-05\nBob,2026-01-06\n", True, [], False),
        ('rep,subject\nAda,"Acme, Inc."\nBob,"say ""hi"""\n', True, [], False),
        ('rep,subject\nAda,"line one\nline two"\nBob,x\n', False, [], False),
        ('"rep","subject"\n"Ada","x"\n', True, [], False),
        ("rep,date\n\nAda,2026-01-05\n\n\nBob,2026-01-06\n", True, [0, 2, 3], False),
        ("rep,date\r\nAda,2026-01-05\r\n\r\nBob,2026-01-06\r\n", True, [1], False),
        ("rep,date\rAda,2026-01-05\r\rBob,2026-01-06\r", True, [1], False),
        # an empty line and a quoted line break: DuckDB's numbering is mended in a copy
        ('rep,subject\n\nAda,"a\nb"\n', False, [], True),
        # mixed line ends: a copy with `\n` only
        ("rep,date\nAda,2026-01-05\r\nBob,2026-01-06\r\n", True, [], True),
        # more empty lines than are worth listing: a copy
        ("rep,date\n" + "\n" * (lines.MAX_LISTED_EMPTY_LINES + 1) + "Ada,2026-01-05\n", True, [], True),
        ("rep,date", True, [], False),
    ],
    ids=[
        "plain",
        "quoted-no-break",
        "quoted-break",
        "all-quoted",
        "empty-lines",
        "empty-crlf",
        "empty-cr",
        "empty-and-quoted-break",
        "mixed-ends",
        "many-empty",
        "header-only",
    ],
)
def test_open_table_reading_plan(
    tmp_path: Path, write, text: str, parallel: bool, empty_lines: list[int], copied: bool
) -> None:
    path = write("f.csv", text)
    table = read.open_table(path, tmp_path, lambda cells: 0)
    assert (table.parallel, table.empty_lines, table.csv_path != path) == (parallel, empty_lines, copied)


def test_stray_quotes_that_hide_a_quoted_line_break_still_read_in_order(database: Database, write) -> None:
    # Each line has an even number of quotes, so the file looks safe for the parallel
    # reader, but DuckDB reads `"1\n2"` as one value: it stops the parallel read and the
    # file is read again in order, with the same rows as ever.
    text = (
        "rep,date,subject,duration\n"  # row 1
        "Ada,2026-01-05,Call,5\n"  # row 2
        'Bob,2026-01-06,5" screen,"1\n2" 5"\n'  # row 3 (two lines): malformed
        "Cy,2026-01-07,Demo,30\n"  # row 4
    )
    path = write("stray.csv", text)
    assert read.open_table(path, path.parent, lambda cells: 0).parallel
    result = load(database, path)
    assert result.status == "loaded", result.message
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    assert [(row, column) for row, column, _, _ in errors(result)] == [(3, None)]
    assert fetch(database, "SELECT rep, duration_minutes FROM activities ORDER BY rep") == [
        ("Ada", 5.0),
        ("Cy", 30.0),
    ]


@pytest.mark.parametrize("ending", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_rows_after_listed_empty_lines_keep_spreadsheet_numbers(
    database: Database, write, ending: str
) -> None:
    lines = [
        "rep,date,duration",  # 1
        "",  # 2
        "Ada,2026-01-05,5",  # 3
        "Bob,notadate,5",  # 4
        "",  # 5
        "",  # 6
        "Cy,2026-01-07,5,extra",  # 7: one field too many
        "Dee,2026-01-08,-3",  # 8
        "",  # 9
        '"Grand Totals (4 records)"',  # 10
    ]
    result = load(database, write("gaps.csv", ending.join(lines) + ending))
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.footer_rows) == (4, 2, 2, 1)
    assert [(row, column, value) for row, column, value, _ in errors(result)] == [
        (4, "date", "notadate"),
        (7, None, "Cy,2026-01-07,5,extra"),
    ]
    # a bad optional cell blanks that cell, the row stays
    assert [(w["row"], w["column"], w["value"]) for w in result.warnings] == [(8, "duration", "-3")]


def test_many_empty_lines_keep_spreadsheet_numbers(database: Database, write) -> None:
    gap = lines.MAX_LISTED_EMPTY_LINES + 5
    text = "rep,date\n" + "\n" * gap + "Ada,2026-01-05\nBob,bad\n"
    result = load(database, write("gappy.csv", text))
    assert result.status == "loaded", result.message
    assert errors(result) == [(gap + 3, "date", "bad", "not a date")]


# --------------------------------------------------------------------------- categories


CATEGORIES_FILE = (
    "rep,date,type,subject\n"
    "Ada,2026-01-05,Call,Intro meeting with Acme\n"  # subject rule 10 beats type rule 30
    "Bob,2026-01-05,PHONE,Catch-up\n"  # type rule, any case
    "Cy,2026-01-05,Task,Prospecting list\n"  # subject 'prospect'
    "Dee,2026-01-05,Task,Demo for Globex\n"  # subject 'demo'
    "Eve,2026-01-05,,\n"  # nothing to match
    "Fay,2026-01-05,Task,sent email to Zed\n"  # '^(e-?mail|sent email)' anchors at the start
    "Gus,2026-01-05,Task,Lunch\n"
)
CATEGORIES_STORED = [
    ("Ada", "first_meeting"),
    ("Bob", "call"),
    ("Cy", "prospecting"),
    ("Dee", "meeting"),
    ("Eve", "other"),
    ("Fay", "email"),
    ("Gus", "other"),
]


def test_categories_come_from_the_first_matching_rule(database: Database, write) -> None:
    result = load(database, write("cats.csv", CATEGORIES_FILE))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT rep, category FROM activities ORDER BY rep") == CATEGORIES_STORED


def test_kinds_sharing_a_hash_are_told_apart_under_another_seed(
    database: Database, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clean joins each row to its kind on a hash: when two kinds share one (said here for
    the first seed), the kinds are hashed again under another seed, and the clean uses that one."""
    execute = db.execute
    seeds: list[int] = []

    def first_seed_collides(cur, name: str, **params: object):
        if name == "ingest_activity_kinds":
            seeds.append(params["kind_seed"])  # type: ignore[arg-type]
        if name == "ingest_kind_hashes_unique" and len(seeds) == 1:
            return cur.execute("SELECT false")
        return execute(cur, name, **params)

    monkeypatch.setattr(db, "execute", first_seed_collides)
    result = load(database, write("cats.csv", CATEGORIES_FILE))
    assert result.status == "loaded", result.message
    assert seeds == [0, 1]
    assert fetch(database, "SELECT rep, category FROM activities ORDER BY rep") == CATEGORIES_STORED


def test_edited_rules_apply_to_the_next_file(database: Database, write) -> None:
    fetch(
        database,
        "INSERT INTO activity_category_rules (priority, field, pattern, category)"
        " VALUES (5, 'subject', 'lunch', 'meeting')",
    )
    result = load(database, write("lunch.csv", "rep,date,type,subject\nAda,2026-01-05,Task,Team LUNCH\n"))
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT category FROM activities") == [("meeting",)]


def test_a_broken_rule_fails_the_file_and_stores_nothing(database: Database, write) -> None:
    fetch(
        database,
        "INSERT INTO activity_category_rules (priority, field, pattern, category)"
        " VALUES (1, 'subject', '(unclosed', 'call')",
    )
    result = load(database, write("x.csv", "rep,date,subject\nAda,2026-01-05,Call\n"))
    assert result.status == "failed"
    assert fetch(database, "SELECT count(*) FROM activities") == [(0,)]
    assert fetch(database, "SELECT count(*) FROM uploads") == [(0,)]


# --------------------------------------------------------------------------- UTF-8 check in blocks


@pytest.mark.parametrize(
    ("tail", "utf8"),
    [
        (b"", True),
        ("é".encode(), True),  # an accent in a later block
        (b"\xe9", False),  # a cp1252 accent in a later block
    ],
)
def test_the_utf8_check_reads_every_block(tmp_path: Path, tail: bytes, utf8: bool) -> None:
    path = tmp_path / "late.csv"
    path.write_bytes(b"a" * (1 << 20) + tail + b"b" * (1 << 20))
    assert read._is_utf8(path) is utf8


@pytest.mark.parametrize(("after", "utf8"), [("é".encode()[1:], True), (b"b", False)])
def test_a_character_cut_between_blocks(tmp_path: Path, after: bytes, utf8: bool) -> None:
    """A block that ends inside a character: an ASCII block after it is not let through unchecked."""
    path = tmp_path / "cut.csv"
    path.write_bytes(b"a" * ((1 << 20) - 1) + "é".encode()[:1] + after + b"c" * (1 << 20))
    assert read._is_utf8(path) is utf8
