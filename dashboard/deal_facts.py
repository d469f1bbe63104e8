"""The weekly facts of the deal metrics that read more than one week's rows, kept in step by
`dashboard.facts` at every write that changes them (migrations/0017_deal_weeks.sql, 0024_stage_moves.sql).

`stage_weeks`: per owner name and described week, the open deals of that week's snapshot and how many had
sat in one stage for 4 weeks or more (`open_deals_stalled`) or moved on a stage since the snapshot before
(`open_deals_moved`). A deal's stage run reaches back over earlier snapshots, so a pipeline upload marks
every later row of the deals its weeks show (`PIPELINE_MARKS`).

`deal_work_weeks`: per rep and week, the open deals of the snapshot in force that week whose account the
rep logged an activity on (`open_deals_worked`). Keyed by the rep, since an account touched under two
spellings counts once: the weeks are marked due when the rep's activities change (the activity facts'
due pairs, or an ingest's fresh ones), when a snapshot week changes (every rep's weeks it is in force
for), and when the rep's spellings change (`rep_aliases()` against `deal_work_aliases`: a roster change,
a name first seen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard import db

if TYPE_CHECKING:
    import duckdb

PIPELINE_MARKS = ("facts_mark_stage_weeks",)
"""The queries (each taking `$upload_id`) that mark the deal facts one pipeline upload changes."""


def mark_all(cur: duckdb.DuckDBPyConnection) -> None:
    """Marks every deal fact due (a full rebuild, or a store that never had them)."""
    db.execute(cur, "facts_mark_all_stage_weeks")
    db.execute(cur, "facts_mark_all_work_weeks")
    db.execute(cur, "facts_forget_work_aliases")  # every rep's spellings then count as changed


def refresh(cur: duckdb.DuckDBPyConnection, *, fresh: bool = False) -> None:
    """Recomputes the due deal facts once the activity and snapshot facts are (before their due
    pairs are cleared): marks the rep-weeks whose activities changed (an ingest's, temp table
    `fresh_weeks`, when `fresh`), whose snapshot in force may have changed, and every week of the
    reps whose spellings changed, then recomputes those and the due stalled-deal facts."""
    activities, snapshots, stages, work = db.execute(cur, "facts_deal_due").fetchone()
    if stages:
        for query in ("facts_delete_due_stage_weeks", "facts_insert_stage_weeks", "facts_clear_stage_due"):
            db.execute(cur, query)
    db.execute(cur, "facts_deal_aliases")
    marks = [
        query
        for query, due in (
            ("facts_mark_work_fresh", fresh),
            ("facts_mark_work_activities", activities),
            ("facts_mark_work_snapshots", snapshots),
        )
        if due
    ]
    changed = db.execute(cur, "facts_work_aliases_changed").fetchone()[0]
    if changed:
        marks.append("facts_mark_work_aliases")  # against the spellings kept, so before they are replaced
    marked = sum(db.execute(cur, query).fetchone()[0] for query in marks)
    if changed:
        db.execute(cur, "facts_forget_work_aliases")
        db.execute(cur, "facts_keep_work_aliases")
    if work or marked:
        first_week, last_week = db.execute(cur, "facts_work_due_span").fetchone()
        db.execute(cur, "facts_delete_due_work_weeks")
        db.execute(cur, "facts_insert_work_weeks", first_week=first_week, last_week=last_week)
        db.execute(cur, "facts_clear_work_due")
