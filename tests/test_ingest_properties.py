"""Property tests: whatever bytes arrive, ingest reports instead of raising, and a file
that fails leaves the store exactly as it was.

Hypothesis and function-scoped fixtures do not mix, so each test opens one
database of its own (in a `tempfile` folder) and reuses it for every example.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import shutil
import string
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file
from tests.stored import fetch, table_contents

STATUSES = {"loaded", "duplicate", "failed"}
SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@contextmanager
def scratch(template: Path) -> Iterator[tuple[Database, Path]]:
    """A copy of the migrated empty store (conftest's `empty_template`) in a folder of its own."""
    with tempfile.TemporaryDirectory(prefix="ingest-props-") as folder:
        path = Path(folder) / "props.duckdb"
        shutil.copyfile(template, path)
        database = Database(path)
        try:
            yield database, Path(folder)
        finally:
            database.close()


def check_result(database: Database, result: IngestResult, before: dict[str, list[tuple]]) -> None:
    """What must hold for any file, whatever its content."""
    assert result.status in STATUSES
    assert result.message.startswith(result.file), result.message
    if result.status != "loaded":
        assert table_contents(database) == before
        return
    assert result.rows_read == result.rows_loaded + result.rows_rejected + result.duplicates_skipped
    assert result.rows_loaded + result.duplicates_skipped > 0
    for error in result.errors:
        assert error["row"] is not None and error["row"] >= 2, error
    stored = fetch(
        database,
        "SELECT rows_read, rows_loaded, rows_rejected FROM uploads WHERE upload_id = ?",
        result.upload_id,
    )
    assert stored == [(result.rows_read, result.rows_loaded, result.rows_rejected)]


HEADERS = [
    "",
    "rep,date,type\n",
    "rep;date;duration\n",
    "Opportunity Owner,Stage,Amount,Close Date\n",
    "rep\tteam\n",
    "metric|value|period\n",
    "account,rep\n",
    "Deal - Title,Deal - Owner,Deal - Value,Deal - Stage\n",
]
ATOMS = [
    ",",
    ";",
    "\t",
    "|",
    '"',
    '""',
    "\n",
    "\r\n",
    "\r",
    " ",
    "Ada",
    "Total",
    "Grand Totals (2 records)",
    "Copyright (c) 2026",
    "2026-01-05",
    "1/5/2026",
    "05.01.2026",
    "45662",
    "$1,200.50",
    "1.234,56",
    "(12)",
    "-",
    "n/a",
    "12,O00",
    "é",
    "€",
    "“",
    "\ufeff",
    "week",
    "Closed Won",
]

csvish = st.tuples(
    st.sampled_from(HEADERS),
    st.lists(st.sampled_from(ATOMS) | st.text(max_size=6), max_size=60).map("".join),
).map("".join)


def _ingest(database: Database, folder: Path, content: bytes, kind: str | None = None) -> None:
    path = folder / f"file{next(_FILES)}.csv"
    path.write_bytes(content)
    before = table_contents(database)
    result = ingest_file(database, path, IngestOptions(kind=kind))
    check_result(database, result, before)


_FILES = itertools.count()


def test_arbitrary_text_never_raises(empty_template: Path) -> None:
    with scratch(empty_template) as (database, folder):

        @SETTINGS
        @given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
        def examples(text: str, encoding: str) -> None:
            _ingest(database, folder, text.encode(encoding, errors="replace"))

        examples()


def test_csvish_text_never_raises(empty_template: Path) -> None:
    with scratch(empty_template) as (database, folder):

        @SETTINGS
        @given(
            text=csvish,
            encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
            kind=st.sampled_from([None, None, "activities", "opportunities", "roster", "targets"]),
        )
        def examples(text: str, encoding: str, kind: str | None) -> None:
            _ingest(database, folder, text.encode(encoding, errors="replace"), kind)

        examples()


def test_arbitrary_bytes_never_raise(empty_template: Path) -> None:
    with scratch(empty_template) as (database, folder):

        @SETTINGS
        @given(content=st.binary(max_size=600))
        def examples(content: bytes) -> None:
            _ingest(database, folder, content)

        examples()


# --------------------------------------------------------------------------- well-formed files

# Cell text a spreadsheet would write back unchanged: no surrounding spaces, no control
# characters (a quoted newline is fine), not a blank marker such as '-' or 'n/a'.
_CELL_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs"),
    include_characters=" ,;|\t\n\"'",
    exclude_characters="\r\x85\u2028\u2029",
)
subjects = (
    st.text(_CELL_ALPHABET, min_size=1, max_size=25)
    .map(lambda s: s.strip(" \t\n"))
    .filter(lambda s: s and s.lower() not in {"n/a", "na", "null", "#n/a", "(blank)"})
    .filter(lambda s: s.strip("-–—") != "")
)
reps = st.sampled_from(["Ada Lovelace", "Bob", "Zoë", "José Ñúñez", "O'Brien", "Smith, Jr."])
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date.today())  # activities already happened


@st.composite
def activity_files(draw: st.DrawFn) -> tuple[list[tuple[str, str, object, str]], str, str, str]:
    rows = draw(st.lists(st.tuples(reps, dates, subjects), min_size=1, max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    terminator = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return rows, delimiter, terminator, encoding


def _activity_file(rows, delimiter: str, terminator: str, encoding: str, batch: int):
    buffer = io.StringIO()
    # csv.writer quotes a cell holding a character of its line terminator; under a
    # bare "\r" a cell's "\n" would go unquoted (a real line break), so quote all.
    quoting = csv.QUOTE_ALL if terminator == "\r" else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    writer.writerow(["activity_id", "rep", "date", "subject"])
    expected = []
    for i, (rep, day, subject) in enumerate(rows):
        activity_id = f"B{batch}-{i:02d}"
        writer.writerow([activity_id, rep, day.isoformat(), subject])
        expected.append((activity_id, rep, day, subject))
    text = buffer.getvalue()
    try:
        return text.encode(encoding), expected
    except UnicodeEncodeError:
        return text.encode("utf-8"), expected


def test_well_formed_rows_all_load(empty_template: Path) -> None:
    """Files a spreadsheet writes (csv.writer quoting) load every row, text unchanged."""
    with scratch(empty_template) as (database, folder):

        @SETTINGS
        @given(spec=activity_files())
        def examples(spec) -> None:
            rows, delimiter, terminator, encoding = spec
            batch = next(_FILES)
            content, expected = _activity_file(rows, delimiter, terminator, encoding, batch)
            path = folder / f"well{batch}.csv"
            path.write_bytes(content)
            # dates go up to 2030: upload after them, or later ones read as planned activities
            result = ingest_file(database, path, IngestOptions(upload_date=dt.date(2031, 1, 1)))
            assert result.status == "loaded", result.message
            assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (
                len(rows),
                len(rows),
                0,
            )
            stored = fetch(
                database,
                "SELECT source_id, rep, activity_date, subject FROM activities "
                "WHERE upload_id = ? ORDER BY source_id",
                result.upload_id,
            )
            assert stored == sorted(expected)

        examples()


def test_printable_ascii_grid_never_raises(empty_template: Path) -> None:
    """Every printable character as a whole cell, under each known header."""
    with scratch(empty_template) as (database, folder):
        for n, header in enumerate(h for h in HEADERS if h):
            body = "".join(f"{c},{c}\n" for c in string.printable if c not in "\r\n\x0b\x0c")
            path = folder / f"grid{n}.csv"
            path.write_text(header + body, encoding="utf-8")
            before = table_contents(database)
            check_result(database, ingest_file(database, path), before)


# --------------------------------------------------------------------------- a file is a multiset

_ROW = st.tuples(
    st.sampled_from(["Ada Park", "Ben Ruiz"]),
    st.dates(dt.date(2026, 3, 2), dt.date(2026, 3, 4)),
    st.sampled_from(["Call", "Email"]),
    st.sampled_from(["Intro", "Follow-up", ""]),
)


@SETTINGS
@given(
    rows=st.lists(_ROW, min_size=1, max_size=12),
    cut=st.integers(0, 12),
    overlap=st.integers(0, 12),
    order=st.permutations([0, 1, 2]),
    undone=st.sampled_from([None, 0, 1, 2]),
)
def test_each_row_occurrence_is_stored_exactly_once(
    empty_template: Path, rows, cut: int, overlap: int, order: list[int], undone: int | None
) -> None:
    """Files without record IDs, ingested in any order, one of them twice, two overlapping, and
    perhaps one upload undone: every distinct row is stored as often as the live file that holds
    it most often holds it."""
    first = rows[: min(cut + overlap, len(rows))]
    second = rows[min(cut, len(rows)) :]
    files = [first, second, first]  # the first one again, as a re-export with one more blank line
    live = []
    with scratch(empty_template) as (database, folder):
        uploaded: dict[int, int] = {}
        for step in order:
            path = folder / f"export-{step}.csv"
            lines = ["rep,date,type,subject"] + [f"{r},{d.isoformat()},{t},{s}" for r, d, t, s in files[step]]
            path.write_text("\n".join(lines) + "\n" * (1 + (step == 2)))
            result = ingest_file(database, path, IngestOptions(kind="activities"))
            assert result.status != "failed" or not files[step], result.message  # no rows: nothing to store
            if result.status == "loaded":
                uploaded[step] = result.upload_id
        if undone in uploaded:
            uploads.undo(database, uploaded[undone])
        live = [files[step] for step in uploaded if step != undone]
        stored = fetch(
            database,
            "SELECT rep, activity_date, activity_type, coalesce(subject, ''), count(*)"
            " FROM activities GROUP BY ALL",
        )
    expected: dict[tuple, int] = {}
    for content in live:
        for row in set(content):
            expected[row] = max(expected.get(row, 0), content.count(row))
    assert {(r, d, t, s): n for r, d, t, s, n in stored} == expected
