"""The weekly facts kept beside the raw activities, so that no reader scans every activity.

`activity_weeks` holds one row per rep name (as the exports wrote it, lower-cased and
trimmed) and ISO week with the additive inputs of the activity metrics;
`activity_account_weeks` the accounts each name logged an activity on that week
(migrations/0011_activity_weeks.sql). Every write that changes activities marks the
(name, week) pairs it touches as due and calls `refresh` in that same transaction: those
pairs, and only those, are recomputed from the activities; an ingest, which only adds
activities, adds their facts to the stored ones instead (`add_fresh`). Keyed by the name as written,
not by the rep it means, the facts need no refresh when the roster changes.

The pipeline's weekly facts (migrations/0016_pipeline_weeks.sql) are kept the same way, by owner
name: `opportunity_weeks` what each opportunity's latest snapshot row says was created and closed
per week, `snapshot_weeks` and `snapshot_account_weeks` each week's snapshot (its open deals, their
amount and accounts). A pipeline upload marks what it changes (`mark_pipeline_upload`: after an
ingest stores its rows, before an undo removes them) and `refresh` recomputes just that.

The facts of open deals worked and stalled, which read more than one week's rows, are kept by
`deal_facts` in the same transactions; a roster change calls `refresh` too (their per-rep facts
follow the reps' spellings). Last, each write keeps a copy of the reps' spellings as they now are
(`keep_rep_aliases`: rep_alias_snapshot), which rep lists and one-rep look-ups read instead of the
alias macros.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard import db, deal_facts

if TYPE_CHECKING:
    import duckdb


def add_fresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Adds the facts of the activities an ingest stores (the view `fresh` over its cleaned file) to
    the stored ones, in the ingest's transaction: an ingest only adds activities, so the facts of the
    weeks it touches are the stored ones plus the new rows' own, which equals `refresh` of those
    weeks without reading every stored activity of them. The new rows are read once, counted per
    rep, week and account (`fresh_groups`), which both the weeks' and the accounts' facts read."""
    db.execute(cur, "facts_fresh_groups")
    db.execute(cur, "facts_add_fresh_weeks")
    db.execute(cur, "facts_replace_fresh_weeks")
    db.execute(cur, "facts_insert_fresh_weeks")
    db.execute(cur, "facts_add_fresh_accounts")
    deal_facts.refresh(cur, fresh=True)
    keep_rep_aliases(cur)


def mark_source(cur: duckdb.DuckDBPyConnection, source: str) -> None:
    """Marks the weeks of every activity from one source as due (a category rule changed)."""
    db.execute(cur, "facts_mark_source", source=source)


def mark_pipeline_upload(cur: duckdb.DuckDBPyConnection, upload_id: int) -> None:
    """Marks the pipeline facts one upload changes as due: the weeks its snapshots describe and the
    (owner, week) pairs its opportunities' rows were created or closed in."""
    for query in PIPELINE_MARKS:
        db.execute(cur, query, upload_id=upload_id)


PIPELINE_MARKS = ("facts_mark_snapshot_weeks", "facts_mark_opportunity_weeks", *deal_facts.PIPELINE_MARKS)
"""The queries (each taking `$upload_id`) that mark what one pipeline upload changes."""


def add_pipeline(cur: duckdb.DuckDBPyConnection, upload_id: int) -> None:
    """Brings the pipeline facts in step with the snapshot rows an ingest just stored (and replaced)."""
    mark_pipeline_upload(cur, upload_id)
    refresh(cur)


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Recomputes the due facts, activity, pipeline and deal (in the caller's transaction)."""
    _refresh_activities(cur)
    for query in (
        "facts_delete_due_snapshot_weeks",
        "facts_delete_due_snapshot_accounts",
        "facts_taken_snapshots",
        "facts_insert_snapshot_weeks",
        "facts_insert_snapshot_accounts",
    ):
        db.execute(cur, query)
    deal_facts.refresh(cur)  # reads the due activity pairs and snapshot weeks: cleared after
    for query in (
        "facts_clear_due",
        "facts_clear_snapshot_due",
        "facts_delete_due_opportunity_weeks",
        "facts_insert_opportunity_weeks",
        "facts_clear_pipeline_due",
    ):
        db.execute(cur, query)
    keep_rep_aliases(cur)


def keep_rep_aliases(cur: duckdb.DuckDBPyConnection) -> None:
    """Writes the kept copy of the reps' spellings (`rep_alias_snapshot`, read by `kept_rep_directory()`
    and `rep_spellings`) from the roster and the facts as they now are, in the caller's transaction."""
    db.execute(cur, "facts_keep_rep_aliases_clear")
    db.execute(cur, "facts_keep_rep_aliases_fill")


def _refresh_activities(cur: duckdb.DuckDBPyConnection) -> None:
    """Recomputes the due (name, week) pairs from the activities (`refresh` clears them after)."""
    first_week, last_week = db.execute(cur, "facts_due_span").fetchone()
    if first_week is None:
        return
    db.execute(cur, "facts_delete_due_weeks")
    db.execute(cur, "facts_delete_due_accounts")
    db.execute(cur, "facts_insert_weeks", first_week=first_week, last_week=last_week)
    db.execute(cur, "facts_insert_accounts", first_week=first_week, last_week=last_week)


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Recomputes every weekly fact from the activities and snapshots (in the caller's transaction)."""
    _mark_all(cur, activities=True, pipeline=True, deals=True)
    refresh(cur)


def build_missing(cur: duckdb.DuckDBPyConnection) -> None:
    """Builds the facts a store lacks (`missing`), the activities', the pipeline's or the deals', from
    their rows (in the caller's transaction); facts already kept are left as they are."""
    activities, pipeline, deals = db.execute(cur, "facts_missing").fetchone()
    _mark_all(cur, activities=activities, pipeline=pipeline, deals=deals)
    refresh(cur)


def _mark_all(cur: duckdb.DuckDBPyConnection, *, activities: bool, pipeline: bool, deals: bool) -> None:
    if activities:
        db.execute(cur, "facts_mark_all")
    if pipeline:
        db.execute(cur, "facts_mark_all_snapshot_weeks")
        db.execute(cur, "facts_mark_all_opportunity_weeks")
    if deals:
        deal_facts.mark_all(cur)


def missing(cur: duckdb.DuckDBPyConnection) -> bool:
    """True when activities, snapshots or reps are stored but none of their facts (a store from before)."""
    return any(db.execute(cur, "facts_missing").fetchone())
