"""The history of uploads: listing them, their rejected rows, and undoing one.

A leader sees and may undo every upload; a manager only their own (`Viewer.by`
is who loaded it). Each undo records who did it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from dashboard import db, facts
from dashboard.access import LOCAL_LEADER, NotAllowed, Viewer

if TYPE_CHECKING:
    import pandas as pd

# What undoing an upload of each kind does: (steps before, the step that removes its rows
# and counts them, steps after). Activities another live upload also held pass to it first,
# and the weeks of the removed ones are recomputed (facts); kinds whose uploads replace
# earlier rows bring those rows back after.
_UNDO_STEPS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "activities": (
        ("facts_mark_upload", "undo_activities_hand_over"),
        "undo_activities",
        ("undo_activity_holders",),
    ),
    "opportunities": (facts.PIPELINE_MARKS, "undo_opportunities", ("undo_restore_opportunities",)),
    "roster": ((), "undo_roster", ("undo_restore_roster",)),
    "targets": ((), "undo_targets", ("undo_restore_targets",)),
    "target_accounts": ((), "undo_target_accounts", ()),
    "time_off": ((), "undo_time_off", ()),
}


HISTORY_LABELS = {  # the upload history as the Uploads page shows it
    "upload_id": "Upload",
    "file_name": "File",
    "kind": "Kind",
    "source": "Source",
    "status": "Status",
    "rows_read": "Rows read",
    "rows_loaded": "Loaded",
    "rows_rejected": "Rejected",
    "duplicates_skipped": "Already stored",
    "rows_replaced": "Replaced",
    "uploaded_at": "Uploaded",
    "uploaded_by": "By",
    "undone_at": "Undone",
    "undone_by": "Undone by",
}


class UndoError(Exception):
    """The upload cannot be undone (unknown id, or undone already)."""


def list_uploads(database: db.Database, viewer: Viewer = LOCAL_LEADER) -> pd.DataFrame:
    """The uploads the viewer may see (a leader: all; a manager: their own), newest first."""
    return database.run("uploads_list", by=None if viewer.is_leader else viewer.by)


def rejected_rows(database: db.Database, upload_id: int, viewer: Viewer = LOCAL_LEADER) -> pd.DataFrame:
    """Row, column, value and reason of every cell one upload could not use (a manager: own uploads)."""
    with database.cursor() as cur:
        _check_owner(cur, upload_id, viewer, "see the rejected rows of")
    return database.run("upload_rejected_rows", upload_id=upload_id)


def undo(database: db.Database, upload_id: int, viewer: Viewer = LOCAL_LEADER) -> int:
    """Removes everything one upload added (and restores what it replaced); returns rows removed.

    A manager may undo only their own uploads (NotAllowed otherwise); the undo records `viewer.by`.
    Undoing time off re-reviews its reps' flags, as removing it by hand does.
    """
    # the rules sit above this module (store_check uses it)
    from dashboard import interventions, rep_ends, time_off

    periods: list = []
    ended = rep_ends.ends(database)
    with database.transaction() as cur:
        found = _check_owner(cur, upload_id, viewer, "undo")
        if found is None:
            raise UndoError(f"there is no upload {upload_id}")
        kind, _, undone_at = found
        if undone_at is not None:
            raise UndoError(f"upload {upload_id} was undone already")
        db.execute(cur, "upload_mark_undone", upload_id=upload_id, undone_by=viewer.by)
        if kind == "time_off":
            periods = time_off.periods_of_upload(cur, upload_id)
        removed = remove_rows(cur, upload_id, kind)
        db.execute(cur, "change_log_add", what=f"undo {kind}", upload_id=upload_id, by=viewer.by)
    interventions.record(database)
    rep_ends.review_moved(database, ended, by=viewer.by)
    time_off.review_reps(database, periods, by=viewer.by)
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
    facts.refresh(cur)
    return int(removed)


def kinds() -> tuple[str, ...]:
    """The kinds of upload undo knows."""
    return tuple(_UNDO_STEPS)


def _check_owner(cur: duckdb.DuckDBPyConnection, upload_id: int, viewer: Viewer, action: str) -> tuple | None:
    """The upload (kind, uploaded_by, undone_at), None if unknown; NotAllowed when a manager
    names someone else's upload."""
    found = db.execute(cur, "upload_find", upload_id=upload_id).fetchone()
    if found is None:
        return None
    uploaded_by = found[1]
    if not viewer.is_leader and uploaded_by != viewer.by:
        raise NotAllowed(
            f"Upload {upload_id} was loaded by {uploaded_by or 'someone else'}: only they or a sales leader "
            f"can {action} it."
        )
    return found
