"""What the store holds, table by table: ingest tests compare it before and after."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.db import Database

STORED_TABLES = (
    "uploads",
    "rejected_rows",
    "change_log",
    "reps",
    "activities",
    "activity_weeks",
    "activity_account_weeks",
    "opportunity_snapshots",
    "opportunity_weeks",
    "snapshot_weeks",
    "snapshot_account_weeks",
    "stage_weeks",
    "deal_work_weeks",
    "deal_work_aliases",
    "targets",
    "target_accounts",
    "time_off",
    "mapping_profiles",
)
DATA_TABLES = ("reps", "activities", "opportunity_snapshots", "targets", "target_accounts")


def table_contents(database: Database, tables: Sequence[str] = STORED_TABLES) -> dict[str, list[tuple]]:
    """Full contents of each table, in a stable order (table names from the lists above only)."""
    with database.cursor() as cur:
        return {t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def fetch(database: Database, sql: str, *params: object) -> list[tuple]:
    """Rows of a test's own SQL (tests only: the app's SQL lives in queries/)."""
    with database.cursor("write") as cur:
        return cur.execute(sql, list(params)).fetchall()
