"""The natural keys of activities keep their values: rows stored under the keys of the earlier
code (DuckDB's md5_number_lower) are found again when an overlapping export is loaded now."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.db import MIGRATIONS_DIR, Database
from dashboard.ingest import ingest_file
from tests.stored import fetch

WITH_IDS = (
    "Activity ID,Assigned,Date,Type,Subject,Duration\n"
    "00T1,Ada Park,1/5/2026 9:00 AM,Call,Intro,5\n"
    "00T2,Ada Park,1/6/2026 9:30 AM,Email,Follow-up,\n"
    "00T3,Bob Stone,1/7/2026 2:15 PM,Meeting,Demo – Acme,45\n"
)
WITHOUT_IDS = (
    "Rep,Date,Type,Subject,Duration,Outcome,Account\n"
    "Ada Park,2026-01-05 09:00,Call,Intro,5,Connected,Acme\n"
    "Ada Park,2026-01-05 09:00,Call,Intro,5,Connected,Acme\n"  # a repeat: numbered apart
    "Bób Stöne,2026-01-07,Meeting,Démo,45,,Globex\n"
)
OLD_KEY = "CREATE OR REPLACE MACRO md5_key(s) AS md5_number_lower(s)"


def _current_key_macro() -> str:
    script = (MIGRATIONS_DIR / "R__cleaning_macros.sql").read_text(encoding="utf-8")
    start = script.index("CREATE OR REPLACE MACRO md5_key")
    return script[start : script.index(";", start)]


def test_md5_key_is_md5_number_lower(database: Database) -> None:
    texts = ["", "a", "id|salesforce|00T000000000001", "row|ada park|2026-01-05 09:00:00|||call|intro"]
    texts += ["Démo – Acme ✓ " * n for n in range(1, 40)] + [str(n) * (n % 97) for n in range(2000)]
    rows = fetch(
        database,
        "SELECT count(*), count(*) FILTER (md5_key(s) = md5_number_lower(s)) FROM unnest(?::VARCHAR[]) t(s)",
        texts,
    )
    assert rows == [(len(texts), len(texts))]


@pytest.mark.parametrize("content", [WITH_IDS, WITHOUT_IDS], ids=["with IDs", "without IDs"])
def test_rows_stored_under_the_earlier_keys_are_not_stored_again(
    database: Database, tmp_path: Path, content: str
) -> None:
    with database.cursor("write") as cur:
        cur.execute(OLD_KEY)  # the earlier code path: keys from md5_number_lower
    first = ingest_file(database, _write(tmp_path / "first.csv", content))
    with database.cursor("write") as cur:
        cur.execute(_current_key_macro())
    assert (first.status, first.rows_loaded) == ("loaded", 3)
    # an overlapping export: the same rows and one more
    lines = content.splitlines()
    extra = lines[1].replace("00T1", "00T9") if "00T1" in lines[1] else lines[1].replace("Intro", "Other")
    second = ingest_file(database, _write(tmp_path / "second.csv", content + extra + "\n"))
    assert (second.status, second.rows_loaded, second.duplicates_skipped) == ("loaded", 1, 3)
    assert fetch(database, "SELECT count(*), count(DISTINCT activity_key) FROM activities") == [(4, 4)]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
