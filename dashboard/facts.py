"""The weekly facts kept beside the raw activities, so that no reader scans every activity.

`activity_weeks` holds one row per rep name (as the exports wrote it, lower-cased and
trimmed) and ISO week with the additive inputs of the activity metrics;
`activity_account_weeks` the accounts each name logged an activity on that week
(migrations/0011_activity_weeks.sql). Every write that changes activities marks the
(name, week) pairs it touches as due and calls `refresh` in that same transaction: those
pairs, and only those, are recomputed from the activities; an ingest, which only adds
activities, adds their facts to the stored ones instead (`add_fresh`). Keyed by the name as written,
not by the rep it means, the facts need no refresh when the roster changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard import db

if TYPE_CHECKING:
    import duckdb


def add_fresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Adds the facts of the activities an ingest stores (temp table `fresh`) to the stored ones, in
    the ingest's transaction: an ingest only adds activities, so the facts of the weeks it touches
    are the stored ones plus the new rows' own, which equals `refresh` of those weeks without
    reading every stored activity of them."""
    db.execute(cur, "facts_add_fresh_weeks")
    db.execute(cur, "facts_replace_fresh_weeks")
    db.execute(cur, "facts_insert_fresh_weeks")
    db.execute(cur, "facts_add_fresh_accounts")


def mark_source(cur: duckdb.DuckDBPyConnection, source: str) -> None:
    """Marks the weeks of every activity from one source as due (a category rule changed)."""
    db.execute(cur, "facts_mark_source", source=source)


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Recomputes the due (name, week) pairs from the activities (in the caller's transaction)."""
    first_week, last_week = db.execute(cur, "facts_due_span").fetchone()
    if first_week is None:
        return
    db.execute(cur, "facts_delete_due_weeks")
    db.execute(cur, "facts_delete_due_accounts")
    db.execute(cur, "facts_insert_weeks", first_week=first_week, last_week=last_week)
    db.execute(cur, "facts_insert_accounts", first_week=first_week, last_week=last_week)
    db.execute(cur, "facts_clear_due")


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Recomputes every weekly fact from the activities (in the caller's transaction)."""
    db.execute(cur, "facts_mark_all")
    refresh(cur)


def missing(cur: duckdb.DuckDBPyConnection) -> bool:
    """True when activities are stored but none of their facts (a store from before they existed)."""
    return bool(db.execute(cur, "facts_missing").fetchone()[0])
