"""The history of uploads: listing them, their rejected rows, and undoing one."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard import db

# What undoing an upload of each kind does: (steps before, the step that removes its rows
# and counts them, steps after). Activities another live upload also held pass to it first;
# kinds whose uploads replace earlier rows bring those rows back after.
_UNDO_STEPS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "activities": (("undo_activities_hand_over",), "undo_activities", ("undo_activity_holders",)),
    "opportunities": ((), "undo_opportunities", ("undo_restore_opportunities",)),
    "roster": ((), "undo_roster", ("undo_restore_roster",)),
    "targets": ((), "undo_targets", ("undo_restore_targets",)),
    "target_accounts": ((), "undo_target_accounts", ()),
}


class UndoError(Exception):
    """The upload cannot be undone (unknown id, or undone already)."""


def list_uploads(database: db.Database) -> pd.DataFrame:
    """Every upload, newest first."""
    return database.run("uploads_list")


def rejected_rows(database: db.Database, upload_id: int) -> pd.DataFrame:
    """Row, column, value and reason of every cell one upload could not use."""
    return database.run("upload_rejected_rows", upload_id=upload_id)


def undo(database: db.Database, upload_id: int, undone_by: str | None = None) -> int:
    """Removes everything one upload added (and restores what it replaced); returns rows removed."""
    with database.transaction() as cur:
        marked = db.execute(cur, "upload_mark_undone", upload_id=upload_id, undone_by=undone_by).fetchone()
        if marked is None:
            known = upload_id in set(db.execute(cur, "uploads_list").df()["upload_id"])
            raise UndoError(
                f"upload {upload_id} was undone already" if known else f"there is no upload {upload_id}"
            )
        removed = remove_rows(cur, upload_id, marked[0])
        db.execute(cur, "change_log_add", what=f"undo {marked[0]}", upload_id=upload_id)
    return removed


def remove_rows(cur: duckdb.DuckDBPyConnection, upload_id: int, kind: str) -> int:
    """Removes one upload's rows of one kind (in the caller's transaction); returns how many.

    Rows another live upload also holds pass to it; rows it replaced come back."""
    before, remove, after = _UNDO_STEPS[kind]
    for step in before:
        db.execute(cur, step, upload_id=upload_id)
    removed = db.execute(cur, remove, upload_id=upload_id).fetchone()[0]
    for step in after:
        db.execute(cur, step, upload_id=upload_id)
    return int(removed)


def kinds() -> tuple[str, ...]:
    """The kinds of upload undo knows."""
    return tuple(_UNDO_STEPS)
